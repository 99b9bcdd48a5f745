-- Reference data, agencies and units, employees, histories, documents, audit (SQLite: BLOBs are 16-byte BLOBs, dates ISO text, JSON text).

CREATE TABLE referensi (
    kategori TEXT NOT NULL,
    id TEXT NOT NULL,
    nama TEXT NOT NULL,
    PRIMARY KEY (kategori, id)
);

CREATE TABLE ref_tingkat_pendidikan (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    golongan_awal INTEGER,
    golongan_maks INTEGER
);

CREATE TABLE ref_kedudukan_hukum (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    masih_asn INTEGER NOT NULL
);

CREATE TABLE ref_jabatan (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    jenis_jabatan_id TEXT NOT NULL,
    usia_bup INTEGER NOT NULL
);

CREATE TABLE ref_periode_kp (
    berlaku_mulai TEXT PRIMARY KEY,
    berlaku_sampai TEXT,
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
    id BLOB PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    induk_id BLOB REFERENCES unor (id),
    nama TEXT NOT NULL,
    eselon_id TEXT,
    nama_jabatan_kepala TEXT
);
CREATE INDEX unor_instansi_induk ON unor (instansi_id, induk_id, nama);

CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    ukuran INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL
);

CREATE TABLE pegawai (
    id BLOB PRIMARY KEY,
    jenis_pegawai TEXT NOT NULL CHECK (jenis_pegawai IN ('PNS', 'PPPK')),
    nip TEXT NOT NULL UNIQUE,
    nip_lama TEXT,
    nama TEXT NOT NULL,
    gelar_depan TEXT,
    gelar_belakang TEXT,
    tempat_lahir TEXT NOT NULL,
    tanggal_lahir TEXT NOT NULL,
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
    unor_id BLOB REFERENCES unor (id),
    jabatan_id TEXT,
    nama_jabatan TEXT,
    jenis_jabatan_id TEXT,
    eselon_id TEXT,
    golongan INTEGER,
    golongan_pppk INTEGER,
    tingkat_pendidikan_id TEXT,
    tmt_cpns TEXT,
    tmt_pns TEXT,
    tmt_golongan TEXT,
    tmt_jabatan TEXT,
    foto_sha256 TEXT REFERENCES blob (sha256),
    versi INTEGER NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL
);
-- Keyset pages of an agency or a unit, ordered by name.
CREATE INDEX pegawai_instansi_nama ON pegawai (instansi_kerja_id, nama, id);
CREATE INDEX pegawai_unor_nama ON pegawai (unor_id, nama, id);
CREATE INDEX pegawai_instansi_induk ON pegawai (instansi_induk_id);

CREATE TABLE riwayat (
    id BLOB PRIMARY KEY,
    pegawai_id BLOB NOT NULL REFERENCES pegawai (id),
    jenis TEXT NOT NULL,
    tanggal_efektif TEXT,
    nomor_sk TEXT,
    tanggal_sk TEXT,
    data TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL
);
CREATE INDEX riwayat_pegawai ON riwayat (pegawai_id, jenis, tanggal_efektif);

CREATE TABLE dokumen (
    id BLOB PRIMARY KEY,
    pegawai_id BLOB NOT NULL REFERENCES pegawai (id),
    riwayat_id BLOB REFERENCES riwayat (id),
    jenis_dokumen_id TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blob (sha256),
    nama_file TEXT NOT NULL,
    media_type TEXT NOT NULL,
    ukuran INTEGER NOT NULL,
    diunggah_pada TEXT NOT NULL,
    diunggah_oleh TEXT NOT NULL
);
CREATE INDEX dokumen_pegawai ON dokumen (pegawai_id);
CREATE INDEX dokumen_riwayat ON dokumen (riwayat_id);

-- Append-only, hash-chained: each entry commits to the previous one (see docs/decisions).
-- sebelum/sesudah are the exact canonical JSON text that was hashed, so TEXT, not JSONB.
CREATE TABLE audit_event (
    id BLOB PRIMARY KEY,
    urutan INTEGER NOT NULL UNIQUE,
    waktu TEXT NOT NULL,
    aktor TEXT NOT NULL,
    aksi TEXT NOT NULL,
    pegawai_id BLOB,
    akun_id BLOB,
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
    urutan INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_kepala (id, urutan, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
