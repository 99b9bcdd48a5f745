-- Electronic signatures (TTE): the instance CA, signers' certificates, roots trusted besides
-- the instance CA, and every signed document this instance issued (what its QR code names).

-- The instance CA (one row), for an instance without government certificates. Its key is kept
-- like the card signing key: as safe as the database.
CREATE TABLE ttd_ca (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sertifikat BYTEA NOT NULL,
    kunci_privat BYTEA NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL
);

-- Roots trusted besides the instance CA (e.g. the BSrE root), imported by an administrator.
CREATE TABLE ttd_akar (
    sidik_jari TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    sertifikat BYTEA NOT NULL,
    ditambahkan_pada TIMESTAMPTZ NOT NULL,
    ditambahkan_oleh TEXT NOT NULL
);

-- A signer's certificate. An official's private key exists only inside the PKCS#12 container,
-- encrypted with the official's passphrase; the instance seal (cards) keeps its PKCS#8 key
-- (issued by the instance CA) or an imported PKCS#12 whose passphrase is in the server's
-- configuration.
CREATE TABLE penanda_ttd (
    id UUID PRIMARY KEY,
    akun_id UUID REFERENCES akun (id),
    jenis TEXT NOT NULL CHECK (jenis IN ('PEJABAT', 'SEGEL')),
    sumber TEXT NOT NULL CHECK (sumber IN ('PKCS12', 'CA_INSTANS')),
    nama TEXT NOT NULL,
    nomor_identitas TEXT,
    jabatan TEXT,
    penerbit TEXT NOT NULL,
    serial TEXT NOT NULL,
    sidik_jari TEXT NOT NULL UNIQUE,
    sertifikat BYTEA NOT NULL,
    berlaku_mulai TIMESTAMPTZ NOT NULL,
    berlaku_sampai TIMESTAMPTZ NOT NULL,
    pkcs12 BYTEA,
    kunci_privat BYTEA,
    gagal INTEGER NOT NULL DEFAULT 0,
    terkunci_sampai TIMESTAMPTZ,
    dicabut_pada TIMESTAMPTZ,
    alasan_cabut TEXT,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    dibuat_oleh TEXT NOT NULL,
    CHECK ((jenis = 'PEJABAT' AND akun_id IS NOT NULL AND pkcs12 IS NOT NULL)
        OR (jenis = 'SEGEL' AND (kunci_privat IS NOT NULL OR pkcs12 IS NOT NULL)))
);
-- One live certificate per official, one live seal.
CREATE UNIQUE INDEX penanda_ttd_satu_aktif ON penanda_ttd (akun_id)
    WHERE dicabut_pada IS NULL AND akun_id IS NOT NULL;
CREATE UNIQUE INDEX penanda_ttd_satu_segel ON penanda_ttd (jenis)
    WHERE dicabut_pada IS NULL AND jenis = 'SEGEL';

-- A signed document as issued: its hash, what it is, who signed it. `kode` is the random
-- identifier in the document's QR code; `rujukan` names a document made on demand (a card
-- PDF) so that it is signed once and served again.
CREATE TABLE dokumen_ttd (
    kode TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    jenis TEXT NOT NULL,
    judul TEXT NOT NULL,
    nomor TEXT,
    pegawai_id UUID REFERENCES pegawai (id),
    layanan_id UUID,
    rujukan TEXT UNIQUE,
    penanda_id UUID NOT NULL REFERENCES penanda_ttd (id),
    ditandatangani_pada TIMESTAMPTZ NOT NULL
);
CREATE INDEX dokumen_ttd_sha256 ON dokumen_ttd (sha256);
