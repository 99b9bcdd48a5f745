-- Kartu ASN Virtual: card photos, signing keys, issued cards, and verification captchas.

CREATE TABLE foto_pegawai (
    id BLOB PRIMARY KEY,
    pegawai_id BLOB NOT NULL REFERENCES pegawai (id),
    -- The re-encoded PNG in the blob store.
    sha256 TEXT NOT NULL,
    ukuran BIGINT NOT NULL,
    -- CALON: uploaded, waiting for "gunakan foto ini"; AKTIF: the card photo; DIGANTI: replaced.
    status TEXT NOT NULL CHECK (status IN ('CALON', 'AKTIF', 'DIGANTI')),
    diunggah_oleh BLOB NOT NULL REFERENCES akun (id),
    diunggah_pada TEXT NOT NULL,
    dipakai_pada TEXT
);
CREATE INDEX foto_pegawai_pegawai ON foto_pegawai (pegawai_id, status);
CREATE UNIQUE INDEX foto_pegawai_satu_aktif ON foto_pegawai (pegawai_id) WHERE status = 'AKTIF';

CREATE TABLE kunci_kartu (
    kid TEXT PRIMARY KEY,
    kunci_publik BLOB NOT NULL,
    -- PKCS#8 Ed25519 key.
    kunci_privat BLOB NOT NULL,
    -- 1 for the one key that signs new cards, NULL once retired (UNIQUE admits many NULLs).
    aktif INTEGER UNIQUE CHECK (aktif = 1),
    dibuat_pada TEXT NOT NULL,
    pensiun_pada TEXT
);

CREATE TABLE kartu_asn (
    id BLOB PRIMARY KEY,
    -- Printed serial (XXXX-XXXX-XXXX-XXXX).
    serial TEXT NOT NULL UNIQUE,
    pegawai_id BLOB NOT NULL REFERENCES pegawai (id),
    kid TEXT NOT NULL REFERENCES kunci_kartu (kid),
    -- The QR text as signed (kept so the card's QR never changes after key rotation).
    teks_qr TEXT NOT NULL,
    nama TEXT NOT NULL,
    instansi_id TEXT NOT NULL,
    diterbitkan TEXT NOT NULL,
    berlaku_sampai TEXT NOT NULL,
    foto_sha256 TEXT NOT NULL,
    diterbitkan_oleh BLOB NOT NULL REFERENCES akun (id),
    dibuat_pada TEXT NOT NULL,
    diganti_pada TEXT
);
CREATE INDEX kartu_asn_pegawai ON kartu_asn (pegawai_id, dibuat_pada);
CREATE INDEX kartu_asn_kid ON kartu_asn (kid, berlaku_sampai);
CREATE UNIQUE INDEX kartu_asn_satu_aktif ON kartu_asn (pegawai_id) WHERE diganti_pada IS NULL;

CREATE TABLE captcha (
    id TEXT PRIMARY KEY,
    jawaban TEXT NOT NULL,
    benih BIGINT NOT NULL,
    kedaluwarsa TEXT NOT NULL
);
CREATE INDEX captcha_kedaluwarsa ON captcha (kedaluwarsa);
