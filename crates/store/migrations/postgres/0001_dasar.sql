-- Reference data, agencies and units, employees, histories, documents, audit (PostgreSQL).

CREATE TABLE referensi (
    kategori TEXT NOT NULL,
    id TEXT NOT NULL,
    nama TEXT NOT NULL,
    PRIMARY KEY (kategori, id)
);

CREATE TABLE ref_tingkat_pendidikan (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    golongan_awal SMALLINT,
    golongan_maks SMALLINT
);

CREATE TABLE ref_kedudukan_hukum (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    masih_asn BOOLEAN NOT NULL
);

CREATE TABLE ref_jabatan (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    jenis_jabatan_id TEXT NOT NULL,
    usia_bup SMALLINT NOT NULL
);

CREATE TABLE ref_periode_kp (
    berlaku_mulai DATE PRIMARY KEY,
    berlaku_sampai DATE,
    bulan TEXT NOT NULL
);

CREATE TABLE ref_kewenangan (
    jenis_riwayat TEXT PRIMARY KEY,
    verifikator TEXT NOT NULL CHECK (verifikator IN ('INSTANSI', 'BKN'))
);

CREATE TABLE kanreg (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL
);

CREATE TABLE instansi (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    jenis TEXT NOT NULL CHECK (jenis IN ('PUSAT', 'DAERAH')),
    kanreg_id TEXT NOT NULL REFERENCES kanreg (id),
    kode_cepat TEXT
);

CREATE TABLE unor (
    id UUID PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    induk_id UUID REFERENCES unor (id),
    nama TEXT NOT NULL,
    eselon_id TEXT,
    nama_jabatan_kepala TEXT
);
CREATE INDEX unor_instansi_induk ON unor (instansi_id, induk_id, nama);

CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    ukuran BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL
);

CREATE TABLE pegawai (
    id UUID PRIMARY KEY,
    jenis_pegawai TEXT NOT NULL CHECK (jenis_pegawai IN ('PNS', 'PPPK')),
    nip TEXT NOT NULL UNIQUE,
    nip_lama TEXT,
    nama TEXT NOT NULL,
    gelar_depan TEXT,
    gelar_belakang TEXT,
    tempat_lahir TEXT NOT NULL,
    tanggal_lahir DATE NOT NULL,
    jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    agama_id TEXT,
    jenis_kawin_id TEXT,
    alamat TEXT,
    nik TEXT,
    nomor_kk TEXT,
    npwp TEXT,
    bpjs TEXT,
    taspen TEXT,
    email TEXT,
    email_gov TEXT,
    nomor_hp TEXT,
    kedudukan_hukum_id TEXT NOT NULL REFERENCES ref_kedudukan_hukum (id),
    instansi_induk_id TEXT NOT NULL REFERENCES instansi (id),
    instansi_kerja_id TEXT NOT NULL REFERENCES instansi (id),
    unor_id UUID REFERENCES unor (id),
    jabatan_id TEXT,
    nama_jabatan TEXT,
    jenis_jabatan_id TEXT,
    eselon_id TEXT,
    golongan SMALLINT,
    golongan_pppk SMALLINT,
    tingkat_pendidikan_id TEXT,
    tmt_cpns DATE,
    tmt_pns DATE,
    tmt_golongan DATE,
    tmt_jabatan DATE,
    foto_sha256 TEXT REFERENCES blob (sha256),
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    diubah_pada TIMESTAMPTZ NOT NULL
);
-- Keyset pages of an agency or a unit, ordered by name.
CREATE INDEX pegawai_instansi_nama ON pegawai (instansi_kerja_id, nama, id);
CREATE INDEX pegawai_unor_nama ON pegawai (unor_id, nama, id);
CREATE INDEX pegawai_instansi_induk ON pegawai (instansi_induk_id);

CREATE TABLE riwayat (
    id UUID PRIMARY KEY,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    jenis TEXT NOT NULL,
    tanggal_efektif DATE,
    nomor_sk TEXT,
    tanggal_sk DATE,
    data JSONB NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL
);
CREATE INDEX riwayat_pegawai ON riwayat (pegawai_id, jenis, tanggal_efektif);

CREATE TABLE dokumen (
    id UUID PRIMARY KEY,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    riwayat_id UUID REFERENCES riwayat (id),
    jenis_dokumen_id TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blob (sha256),
    nama_file TEXT NOT NULL,
    media_type TEXT NOT NULL,
    ukuran BIGINT NOT NULL,
    diunggah_pada TIMESTAMPTZ NOT NULL,
    diunggah_oleh TEXT NOT NULL
);
CREATE INDEX dokumen_pegawai ON dokumen (pegawai_id);
CREATE INDEX dokumen_riwayat ON dokumen (riwayat_id);

-- Append-only, hash-chained: each entry commits to the previous one (see docs/decisions).
-- sebelum/sesudah are the exact canonical JSON text that was hashed, so TEXT, not JSONB.
CREATE TABLE audit_event (
    id UUID PRIMARY KEY,
    urutan BIGINT NOT NULL UNIQUE,
    waktu TIMESTAMPTZ NOT NULL,
    aktor TEXT NOT NULL,
    aksi TEXT NOT NULL,
    pegawai_id UUID,
    akun_id UUID,
    alasan TEXT,
    sebelum TEXT,
    sesudah TEXT,
    alamat TEXT,
    hash_sebelumnya TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_event_pegawai ON audit_event (pegawai_id, urutan);
CREATE INDEX audit_event_akun ON audit_event (akun_id, urutan);

-- The chain's head: one row, updated in the same transaction as every append, which also
-- serialises appends across app servers without advisory locks.
CREATE TABLE audit_kepala (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    urutan BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_kepala (id, urutan, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
