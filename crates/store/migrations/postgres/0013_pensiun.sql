-- Retirement foresight: the notices sent (one per employee, TMT pensiun and lead time, so a
-- rerun of the daily job sends nothing twice), the days daily jobs completed, and indexes for
-- the national queries of the daily job (birth dates; decrees whose TMT has come).
CREATE TABLE pemberitahuan_pensiun (
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    tmt_pensiun DATE NOT NULL,
    tenggat_bulan INTEGER NOT NULL,
    dikirim_pada TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pegawai_id, tmt_pensiun, tenggat_bulan)
);

CREATE TABLE tugas_harian (
    nama TEXT PRIMARY KEY,
    tanggal DATE NOT NULL,
    ringkasan TEXT
);

CREATE INDEX pegawai_tanggal_lahir ON pegawai (tanggal_lahir);
CREATE INDEX riwayat_pemberhentian ON riwayat (tanggal_efektif) WHERE jenis = 'pemberhentian';
CREATE INDEX riwayat_cltn ON riwayat (tanggal_efektif) WHERE jenis = 'cltn';

-- One live case per employee, service and period: a completed case (31) frees the place too,
-- so a status that ends on a day can be followed by another beginning that day (a return from
-- leave, then a study assignment); the rules of each service refuse a repeated decision.
DROP INDEX layanan_satu_per_periode;
CREATE UNIQUE INDEX layanan_satu_per_periode ON layanan (jenis, pegawai_id, periode)
    WHERE status NOT IN (13, 31, 99);
