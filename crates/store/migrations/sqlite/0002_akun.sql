-- Accounts, roles with scopes, sessions, one-time tokens, recovery codes, e-mail queue.

CREATE TABLE akun (
    id BLOB PRIMARY KEY,
    pegawai_id BLOB UNIQUE REFERENCES pegawai (id),
    nama_pengguna TEXT UNIQUE,
    nama TEXT NOT NULL,
    email TEXT,
    sandi_hash TEXT,
    mfa_rahasia TEXT,
    mfa_aktif INTEGER NOT NULL DEFAULT 0,
    mfa_langkah_terakhir INTEGER,
    gagal_berturut INTEGER NOT NULL DEFAULT 0,
    tunda_sampai TEXT,
    terkunci_sampai TEXT,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    CHECK (pegawai_id IS NOT NULL OR nama_pengguna IS NOT NULL)
);

CREATE TABLE akun_peran (
    akun_id BLOB NOT NULL REFERENCES akun (id),
    peran TEXT NOT NULL,
    instansi_id TEXT REFERENCES instansi (id),
    kanreg_id TEXT REFERENCES kanreg (id),
    PRIMARY KEY (akun_id, peran)
);
CREATE INDEX akun_peran_instansi ON akun_peran (instansi_id, peran);

CREATE TABLE kode_pemulihan (
    akun_id BLOB NOT NULL REFERENCES akun (id),
    hash TEXT NOT NULL,
    dipakai_pada TEXT,
    PRIMARY KEY (akun_id, hash)
);

CREATE TABLE sesi (
    id_hash TEXT PRIMARY KEY,
    akun_id BLOB NOT NULL REFERENCES akun (id),
    tahap TEXT NOT NULL,
    csrf TEXT NOT NULL,
    ingat_saya INTEGER NOT NULL,
    dibuat_pada TEXT NOT NULL,
    aktif_pada TEXT NOT NULL,
    batas_mutlak TEXT NOT NULL,
    alamat TEXT,
    perangkat TEXT
);
CREATE INDEX sesi_akun ON sesi (akun_id);

CREATE TABLE token_akun (
    hash TEXT PRIMARY KEY,
    akun_id BLOB NOT NULL REFERENCES akun (id),
    jenis TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    kedaluwarsa TEXT NOT NULL,
    percobaan INTEGER NOT NULL DEFAULT 0,
    dipakai_pada TEXT
);
CREATE INDEX token_akun_akun ON token_akun (akun_id, jenis);

CREATE TABLE email_keluar (
    id BLOB PRIMARY KEY,
    akun_id BLOB,
    pegawai_id BLOB,
    ke TEXT NOT NULL,
    subjek TEXT NOT NULL,
    isi TEXT NOT NULL,
    status TEXT NOT NULL,
    percobaan INTEGER NOT NULL DEFAULT 0,
    coba_pada TEXT NOT NULL,
    galat TEXT,
    dibuat_pada TEXT NOT NULL,
    terkirim_pada TEXT
);
CREATE INDEX email_keluar_antrean ON email_keluar (status, coba_pada);
CREATE INDEX email_keluar_pegawai ON email_keluar (pegawai_id, dibuat_pada);
