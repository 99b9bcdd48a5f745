-- A transfer between agencies is kept by the receiving agency (instansi_id) and seen and
-- decided in part by the origin agency (instansi_asal_id): both read it in their queues.
ALTER TABLE layanan ADD COLUMN instansi_asal_id TEXT REFERENCES instansi (id);
CREATE INDEX layanan_antrean_instansi_asal ON layanan (instansi_asal_id, jenis, status)
    WHERE instansi_asal_id IS NOT NULL;
-- A refusal by the origin agency (102) frees the place like a rejection, a deletion or a
-- completed case (migration 0013).
DROP INDEX layanan_satu_per_periode;
CREATE UNIQUE INDEX layanan_satu_per_periode ON layanan (jenis, pegawai_id, periode)
    WHERE status NOT IN (13, 31, 99, 102);
-- The day a completed transfer was applied to the record (on its TMT): the daily job takes
-- the completed transfers without one whose TMT has come.
ALTER TABLE layanan ADD COLUMN diterapkan_pada DATE;
CREATE INDEX layanan_pindah_menunggu ON layanan (periode)
    WHERE jenis = 'PI' AND status = 31 AND diterapkan_pada IS NULL;
