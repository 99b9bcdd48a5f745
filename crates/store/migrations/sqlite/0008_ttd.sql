-- Electronic signatures (TTE): the instance CA, signers' certificates, roots trusted besides
-- the instance CA, and every signed document this instance issued (what its QR code names).

-- The instance CA (one row), for an instance without government certificates. Its key is kept
-- like the card signing key: as safe as the database.
CREATE TABLE ttd_ca (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sertifikat BLOB NOT NULL,
    kunci_privat BLOB NOT NULL,
    dibuat_pada TEXT NOT NULL
);

-- Roots trusted besides the instance CA (e.g. the BSrE root), imported by an administrator.
CREATE TABLE ttd_akar (
    sidik_jari TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    sertifikat BLOB NOT NULL,
    ditambahkan_pada TEXT NOT NULL,
    ditambahkan_oleh TEXT NOT NULL
);

-- A signer's certificate. An official's private key exists only inside the PKCS#12 container,
-- encrypted with the official's passphrase; the instance seal (cards) keeps its PKCS#8 key
-- (issued by the instance CA) or an imported PKCS#12 whose passphrase is in the server's
-- configuration.
CREATE TABLE penanda_ttd (
    id BLOB PRIMARY KEY,
    akun_id BLOB REFERENCES akun (id),
    jenis TEXT NOT NULL CHECK (jenis IN ('PEJABAT', 'SEGEL')),
    sumber TEXT NOT NULL CHECK (sumber IN ('PKCS12', 'CA_INSTANS')),
    nama TEXT NOT NULL,
    nomor_identitas TEXT,
    jabatan TEXT,
    penerbit TEXT NOT NULL,
    serial TEXT NOT NULL,
    sidik_jari TEXT NOT NULL UNIQUE,
    sertifikat BLOB NOT NULL,
    berlaku_mulai TEXT NOT NULL,
    berlaku_sampai TEXT NOT NULL,
    pkcs12 BLOB,
    kunci_privat BLOB,
    gagal INTEGER NOT NULL DEFAULT 0,
    terkunci_sampai TEXT,
    dicabut_pada TEXT,
    alasan_cabut TEXT,
    dibuat_pada TEXT NOT NULL,
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
    pegawai_id BLOB REFERENCES pegawai (id),
    layanan_id BLOB,
    rujukan TEXT UNIQUE,
    penanda_id BLOB NOT NULL REFERENCES penanda_ttd (id),
    ditandatangani_pada TEXT NOT NULL
);
CREATE INDEX dokumen_ttd_sha256 ON dokumen_ttd (sha256);
