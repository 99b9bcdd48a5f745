-- Accounts, roles with scopes, sessions, one-time tokens, recovery codes, e-mail queue.

CREATE TABLE akun (
    id UUID PRIMARY KEY,
    pegawai_id UUID UNIQUE REFERENCES pegawai (id),
    nama_pengguna TEXT UNIQUE,
    nama TEXT NOT NULL,
    email TEXT,
    sandi_hash TEXT,
    mfa_rahasia TEXT,
    mfa_aktif BOOLEAN NOT NULL DEFAULT FALSE,
    mfa_langkah_terakhir BIGINT,
    gagal_berturut INTEGER NOT NULL DEFAULT 0,
    tunda_sampai TIMESTAMPTZ,
    terkunci_sampai TIMESTAMPTZ,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    diubah_pada TIMESTAMPTZ NOT NULL,
    CHECK (pegawai_id IS NOT NULL OR nama_pengguna IS NOT NULL)
);

CREATE TABLE akun_peran (
    akun_id UUID NOT NULL REFERENCES akun (id),
    peran TEXT NOT NULL,
    instansi_id TEXT REFERENCES instansi (id),
    kanreg_id TEXT REFERENCES kanreg (id),
    PRIMARY KEY (akun_id, peran)
);
CREATE INDEX akun_peran_instansi ON akun_peran (instansi_id, peran);

CREATE TABLE kode_pemulihan (
    akun_id UUID NOT NULL REFERENCES akun (id),
    hash TEXT NOT NULL,
    dipakai_pada TIMESTAMPTZ,
    PRIMARY KEY (akun_id, hash)
);

CREATE TABLE sesi (
    id_hash TEXT PRIMARY KEY,
    akun_id UUID NOT NULL REFERENCES akun (id),
    tahap TEXT NOT NULL,
    csrf TEXT NOT NULL,
    ingat_saya BOOLEAN NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    aktif_pada TIMESTAMPTZ NOT NULL,
    batas_mutlak TIMESTAMPTZ NOT NULL,
    alamat TEXT,
    perangkat TEXT
);
CREATE INDEX sesi_akun ON sesi (akun_id);

CREATE TABLE token_akun (
    hash TEXT PRIMARY KEY,
    akun_id UUID NOT NULL REFERENCES akun (id),
    jenis TEXT NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    kedaluwarsa TIMESTAMPTZ NOT NULL,
    percobaan INTEGER NOT NULL DEFAULT 0,
    dipakai_pada TIMESTAMPTZ
);
CREATE INDEX token_akun_akun ON token_akun (akun_id, jenis);

CREATE TABLE email_keluar (
    id UUID PRIMARY KEY,
    akun_id UUID,
    pegawai_id UUID,
    ke TEXT NOT NULL,
    subjek TEXT NOT NULL,
    isi TEXT NOT NULL,
    status TEXT NOT NULL,
    percobaan INTEGER NOT NULL DEFAULT 0,
    coba_pada TIMESTAMPTZ NOT NULL,
    galat TEXT,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    terkirim_pada TIMESTAMPTZ
);
CREATE INDEX email_keluar_antrean ON email_keluar (status, coba_pada);
CREATE INDEX email_keluar_pegawai ON email_keluar (pegawai_id, dibuat_pada);
