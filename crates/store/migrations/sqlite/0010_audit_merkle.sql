-- The audit log becomes a Merkle tree (decision 0017): entries are inserted without any shared
-- row to lock; a sequencer gives them positions in batches and keeps the tree's perfect
-- subtrees; signed tree heads are published outside the database. Each entry carries a MAC
-- under a key held by the app servers, not in the database.
CREATE TABLE audit_entri (
    id BLOB PRIMARY KEY,
    waktu TEXT NOT NULL,
    aktor TEXT NOT NULL,
    aksi TEXT NOT NULL,
    pegawai_id BLOB,
    akun_id BLOB,
    alasan TEXT,
    sebelum TEXT,
    sesudah TEXT,
    alamat TEXT,
    kunci_mac TEXT NOT NULL,
    mac TEXT NOT NULL,
    posisi INTEGER
);
-- Partial indexes: an append touches only the primary key, the waiting queue and the one of
-- pegawai/akun it concerns; the position index is filled by the sequencer.
CREATE UNIQUE INDEX audit_entri_posisi ON audit_entri (posisi) WHERE posisi IS NOT NULL;
CREATE INDEX audit_entri_antre ON audit_entri (id) WHERE posisi IS NULL;
CREATE INDEX audit_entri_pegawai ON audit_entri (pegawai_id, waktu) WHERE pegawai_id IS NOT NULL;
CREATE INDEX audit_entri_akun ON audit_entri (akun_id, waktu) WHERE akun_id IS NOT NULL;

-- Entries of the hash chain carry over without a MAC (no key is reachable from SQL); the
-- verifier accepts MAC-less entries only as the log's first entries, sequenced before any new.
INSERT INTO audit_entri (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, sesudah,
                         alamat, kunci_mac, mac)
SELECT id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, sesudah, alamat, '', ''
FROM audit_event ORDER BY urutan;
DROP TABLE audit_event;
DROP TABLE audit_kepala;

-- Perfect subtrees (tingkat 0 = leaves), written once when complete; proofs read them.
CREATE TABLE audit_simpul (
    tingkat INTEGER NOT NULL,
    indeks INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (tingkat, indeks)
);

-- The tree's size and right edge; updated only by the sequencer holding the lease.
CREATE TABLE audit_pohon (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ukuran INTEGER NOT NULL,
    puncak TEXT NOT NULL,
    akar TEXT NOT NULL
);
INSERT INTO audit_pohon (id, ukuran, puncak, akar)
VALUES (1, 0, '[]', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

-- Copies of the signed tree heads (the published ones outside the database are what counts).
CREATE TABLE audit_kepala_tertanda (
    ukuran INTEGER NOT NULL,
    waktu TEXT NOT NULL,
    akar TEXT NOT NULL,
    kunci TEXT NOT NULL,
    tanda TEXT NOT NULL,
    PRIMARY KEY (ukuran, waktu)
);

-- Leases: one holder at a time across app servers for a background job.
CREATE TABLE sewa (
    nama TEXT PRIMARY KEY,
    pemilik TEXT NOT NULL,
    sampai TEXT NOT NULL
);
