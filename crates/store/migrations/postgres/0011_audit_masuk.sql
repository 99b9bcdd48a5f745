-- Audit entries are appended to an inbox with nothing but its primary key (decision 0017):
-- the use case's transaction pays one narrow index entry for its event. The sequencer moves
-- entries from here into audit_entri with their position, where the indexes for the
-- employee's and the account's history and for positions live.
CREATE TABLE audit_masuk (
    id UUID PRIMARY KEY,
    waktu TIMESTAMPTZ NOT NULL,
    aktor TEXT NOT NULL,
    aksi TEXT NOT NULL,
    pegawai_id UUID,
    akun_id UUID,
    alasan TEXT,
    sebelum TEXT,
    sesudah TEXT,
    alamat TEXT,
    kunci_mac TEXT NOT NULL,
    mac TEXT NOT NULL
);
INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, sesudah,
                         alamat, kunci_mac, mac)
SELECT id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, sebelum, sesudah, alamat, kunci_mac, mac
FROM audit_entri WHERE posisi IS NULL;
DELETE FROM audit_entri WHERE posisi IS NULL;
DROP INDEX audit_entri_antre;
