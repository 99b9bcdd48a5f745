-- Pengadaan: the selection results an agency imports (one row per participant), and every
-- NIP or NI PPPK BKN has assigned. A number is assigned once: its row in nomor_induk_terbit is
-- the claim (INSERT … ON CONFLICT DO NOTHING, retried with the next sequence), so two app
-- servers assigning at the same moment never hand out the same number.
CREATE TABLE peserta_pengadaan (
    id BLOB PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    tahun INTEGER NOT NULL,
    no_peserta TEXT NOT NULL,
    nama TEXT NOT NULL,
    data TEXT NOT NULL,
    tmt TEXT NOT NULL,
    nomor_induk TEXT UNIQUE,
    -- The employee record created when the number was assigned.
    pegawai_id BLOB REFERENCES pegawai (id),
    impor_id BLOB NOT NULL,
    dibuat_pada TEXT NOT NULL,
    UNIQUE (tahun, no_peserta)
);
CREATE INDEX peserta_pengadaan_instansi ON peserta_pengadaan (instansi_id, tahun, nama);

CREATE TABLE nomor_induk_terbit (
    nomor TEXT PRIMARY KEY,
    peserta_id BLOB NOT NULL REFERENCES peserta_pengadaan (id),
    terbit_pada TEXT NOT NULL
);
