-- Proposals (usulan) with their documents, rounds and notifications; collective batches.

-- Accepted support documents per history kind (comma-separated ref-dokumen ids); NULL until seeded.
ALTER TABLE ref_kewenangan ADD COLUMN dokumen_wajib TEXT;

CREATE TABLE kolektif (
    id UUID PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    judul TEXT NOT NULL,
    jenis TEXT NOT NULL,
    pengusul_akun_id UUID NOT NULL REFERENCES akun (id),
    jumlah INTEGER NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL
);

CREATE TABLE usulan (
    id UUID PRIMARY KEY,
    -- The form's one-time key: a double submit finds the proposal the first one created.
    kunci_kirim TEXT UNIQUE,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    kanreg_id TEXT NOT NULL REFERENCES kanreg (id),
    kolektif_id UUID REFERENCES kolektif (id),
    pengusul_akun_id UUID NOT NULL REFERENCES akun (id),
    jenis TEXT NOT NULL,
    perubahan TEXT NOT NULL,
    sebelum TEXT NOT NULL,
    catatan TEXT,
    peringatan TEXT NOT NULL,
    rute TEXT NOT NULL CHECK (rute IN ('INSTANSI', 'BKN')),
    status TEXT NOT NULL,
    putaran INTEGER NOT NULL DEFAULT 1,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    diajukan_pada TIMESTAMPTZ,
    status_sejak TIMESTAMPTZ NOT NULL,
    selesai_pada TIMESTAMPTZ
);
-- Queues: agency stage by agency, BKN stage by Kanreg, oldest first.
CREATE INDEX usulan_antrean_instansi ON usulan (status, instansi_id, status_sejak);
CREATE INDEX usulan_antrean_kanreg ON usulan (status, kanreg_id, status_sejak);
CREATE INDEX usulan_pegawai ON usulan (pegawai_id, dibuat_pada);
CREATE INDEX usulan_pengusul ON usulan (pengusul_akun_id, dibuat_pada);
CREATE INDEX usulan_kolektif ON usulan (kolektif_id);

CREATE TABLE usulan_dokumen (
    usulan_id UUID NOT NULL REFERENCES usulan (id),
    dokumen_id UUID NOT NULL REFERENCES dokumen (id),
    jenis_dokumen_id TEXT NOT NULL,
    -- Frozen at submission: the verifier decides on exactly these bytes.
    sha256 TEXT NOT NULL,
    PRIMARY KEY (usulan_id, dokumen_id)
);

-- Every step of every round: submitted, approved, returned, resubmitted, rejected, withdrawn.
CREATE TABLE usulan_jejak (
    id UUID PRIMARY KEY,
    usulan_id UUID NOT NULL REFERENCES usulan (id),
    putaran INTEGER NOT NULL,
    waktu TIMESTAMPTZ NOT NULL,
    akun_id UUID,
    aktor TEXT NOT NULL,
    langkah TEXT NOT NULL,
    status_dari TEXT,
    status_ke TEXT NOT NULL,
    alasan TEXT,
    dokumen_bermasalah TEXT
);
CREATE INDEX usulan_jejak_usulan ON usulan_jejak (usulan_id, waktu);
CREATE INDEX usulan_jejak_waktu ON usulan_jejak (waktu);

CREATE TABLE notifikasi (
    id UUID PRIMARY KEY,
    akun_id UUID NOT NULL REFERENCES akun (id),
    usulan_id UUID REFERENCES usulan (id),
    status TEXT NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    dibaca_pada TIMESTAMPTZ
);
CREATE INDEX notifikasi_akun ON notifikasi (akun_id, dibuat_pada);
