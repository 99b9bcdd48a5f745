-- Personnel services (layanan): cases on one engine, their log and documents, issued letters'
-- numbers, and the services' reference data (salary table, proposal windows, who decides,
-- credit points, required documents).

CREATE TABLE ref_gaji_pokok (
    berlaku_mulai DATE NOT NULL,
    golongan SMALLINT NOT NULL,
    mkg INTEGER NOT NULL,
    gaji_pokok BIGINT NOT NULL,
    PRIMARY KEY (berlaku_mulai, golongan, mkg)
);

-- The proposal window of one KP period (the monthly scheme's deadlines are not published).
CREATE TABLE ref_jadwal_kp (
    periode DATE PRIMARY KEY,
    usul_buka DATE NOT NULL,
    usul_tutup DATE NOT NULL
);

CREATE TABLE ref_tujuan_kp (
    jenis_instansi TEXT NOT NULL CHECK (jenis_instansi IN ('PUSAT', 'DAERAH')),
    sampai SMALLINT NOT NULL,
    tujuan TEXT NOT NULL CHECK (tujuan IN ('KANREG', 'PUSAT', 'PRESIDEN')),
    PRIMARY KEY (jenis_instansi, sampai)
);

CREATE TABLE ref_angka_kredit_kp (
    golongan SMALLINT PRIMARY KEY,
    minimal DOUBLE PRECISION NOT NULL
);

-- Required documents of a service kind: each row is met by any one of its '|'-separated types.
CREATE TABLE ref_dokumen_layanan (
    jenis_layanan TEXT NOT NULL,
    sub_jenis TEXT NOT NULL,
    urutan INTEGER NOT NULL,
    jenis_dokumen TEXT NOT NULL,
    PRIMARY KEY (jenis_layanan, sub_jenis, urutan)
);

CREATE TABLE layanan (
    id UUID PRIMARY KEY,
    jenis TEXT NOT NULL,
    sub_jenis TEXT NOT NULL,
    periode DATE NOT NULL,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    kanreg_id TEXT NOT NULL REFERENCES kanreg (id),
    unor_id UUID,
    tujuan TEXT NOT NULL,
    pengusul_akun_id UUID REFERENCES akun (id),
    status INTEGER NOT NULL,
    data JSONB NOT NULL,
    putaran INTEGER NOT NULL DEFAULT 1,
    versi BIGINT NOT NULL DEFAULT 1,
    alasan TEXT,
    nomor_pertek TEXT,
    tanggal_pertek DATE,
    dokumen_pertek_id UUID,
    nomor_sk TEXT,
    tanggal_sk DATE,
    dokumen_sk_id UUID,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    status_sejak TIMESTAMPTZ NOT NULL,
    selesai_pada TIMESTAMPTZ
);
-- One live case per employee, service and period (rejected and deleted cases free the place).
CREATE UNIQUE INDEX layanan_satu_per_periode ON layanan (jenis, pegawai_id, periode)
    WHERE status NOT IN (13, 99);
CREATE INDEX layanan_antrean_instansi ON layanan (instansi_id, jenis, periode, status);
CREATE INDEX layanan_antrean_bkn ON layanan (status, tujuan, kanreg_id, status_sejak);
CREATE INDEX layanan_pegawai ON layanan (pegawai_id, dibuat_pada);

CREATE TABLE layanan_jejak (
    id UUID PRIMARY KEY,
    layanan_id UUID NOT NULL REFERENCES layanan (id),
    putaran INTEGER NOT NULL,
    waktu TIMESTAMPTZ NOT NULL,
    akun_id UUID,
    aktor TEXT NOT NULL,
    alamat TEXT,
    langkah TEXT NOT NULL,
    status_dari INTEGER,
    status_ke INTEGER NOT NULL,
    catatan TEXT
);
CREATE INDEX layanan_jejak_layanan ON layanan_jejak (layanan_id, waktu);

CREATE TABLE layanan_dokumen (
    layanan_id UUID NOT NULL REFERENCES layanan (id),
    dokumen_id UUID NOT NULL REFERENCES dokumen (id),
    jenis_dokumen_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (layanan_id, dokumen_id)
);

-- Letter numbers per issuer, kind and year (pertek by BKN or a Kanreg, SK by the agency).
CREATE TABLE nomor_surat (
    penerbit TEXT NOT NULL,
    jenis TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    terakhir INTEGER NOT NULL,
    PRIMARY KEY (penerbit, jenis, tahun)
);

ALTER TABLE notifikasi ADD COLUMN layanan_id UUID REFERENCES layanan (id);
