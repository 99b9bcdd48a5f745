-- The SIASN-compatible API: partner clients, the instance's token-signing secret, and documents
-- uploaded through the API before a save refers to them.

CREATE TABLE klien_api (
    id BLOB PRIMARY KEY,
    nama TEXT NOT NULL,
    consumer_key TEXT NOT NULL UNIQUE,
    -- argon2id PHC string of the consumer secret (shown once at creation).
    secret_hash TEXT NOT NULL,
    -- The agency whose employees the client reaches; NULL: national read access.
    instansi_id TEXT REFERENCES instansi (id),
    -- Space-separated scopes ("baca tulis dokumen ...").
    cakupan TEXT NOT NULL,
    batas_per_menit INTEGER NOT NULL,
    aktif INTEGER NOT NULL,
    dibuat_pada TEXT NOT NULL,
    dibuat_oleh TEXT NOT NULL
);

CREATE TABLE rahasia_instance (
    nama TEXT PRIMARY KEY,
    nilai TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL
);

CREATE TABLE unggahan_api (
    id BLOB PRIMARY KEY,
    klien_id BLOB NOT NULL REFERENCES klien_api (id),
    sha256 TEXT NOT NULL REFERENCES blob (sha256),
    nama_file TEXT NOT NULL,
    media_type TEXT NOT NULL,
    ukuran INTEGER NOT NULL,
    jenis_dokumen_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL
);
CREATE INDEX unggahan_api_klien ON unggahan_api (klien_id);
