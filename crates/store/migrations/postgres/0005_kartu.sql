-- Kartu ASN Virtual: card photos, signing keys, issued cards, and verification captchas.

CREATE TABLE foto_pegawai (
    id UUID PRIMARY KEY,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    -- The re-encoded PNG in the blob store.
    sha256 TEXT NOT NULL,
    ukuran BIGINT NOT NULL,
    -- CALON: uploaded, waiting for "gunakan foto ini"; AKTIF: the card photo; DIGANTI: replaced.
    status TEXT NOT NULL CHECK (status IN ('CALON', 'AKTIF', 'DIGANTI')),
    diunggah_oleh UUID NOT NULL REFERENCES akun (id),
    diunggah_pada TIMESTAMPTZ NOT NULL,
    dipakai_pada TIMESTAMPTZ
);
CREATE INDEX foto_pegawai_pegawai ON foto_pegawai (pegawai_id, status);
CREATE UNIQUE INDEX foto_pegawai_satu_aktif ON foto_pegawai (pegawai_id) WHERE status = 'AKTIF';

CREATE TABLE kunci_kartu (
    kid TEXT PRIMARY KEY,
    kunci_publik BYTEA NOT NULL,
    -- PKCS#8 Ed25519 key.
    kunci_privat BYTEA NOT NULL,
    -- TRUE for the one key that signs new cards, NULL once retired (UNIQUE admits many NULLs).
    aktif BOOLEAN UNIQUE CHECK (aktif),
    dibuat_pada TIMESTAMPTZ NOT NULL,
    pensiun_pada TIMESTAMPTZ
);

CREATE TABLE kartu_asn (
    id UUID PRIMARY KEY,
    -- Printed serial (XXXX-XXXX-XXXX-XXXX).
    serial TEXT NOT NULL UNIQUE,
    pegawai_id UUID NOT NULL REFERENCES pegawai (id),
    kid TEXT NOT NULL REFERENCES kunci_kartu (kid),
    -- The QR text as signed (kept so the card's QR never changes after key rotation).
    teks_qr TEXT NOT NULL,
    nama TEXT NOT NULL,
    instansi_id TEXT NOT NULL,
    diterbitkan DATE NOT NULL,
    berlaku_sampai DATE NOT NULL,
    foto_sha256 TEXT NOT NULL,
    diterbitkan_oleh UUID NOT NULL REFERENCES akun (id),
    dibuat_pada TIMESTAMPTZ NOT NULL,
    diganti_pada TIMESTAMPTZ
);
CREATE INDEX kartu_asn_pegawai ON kartu_asn (pegawai_id, dibuat_pada);
CREATE INDEX kartu_asn_kid ON kartu_asn (kid, berlaku_sampai);
CREATE UNIQUE INDEX kartu_asn_satu_aktif ON kartu_asn (pegawai_id) WHERE diganti_pada IS NULL;

CREATE TABLE captcha (
    id TEXT PRIMARY KEY,
    jawaban TEXT NOT NULL,
    benih BIGINT NOT NULL,
    kedaluwarsa TIMESTAMPTZ NOT NULL
);
CREATE INDEX captcha_kedaluwarsa ON captcha (kedaluwarsa);
