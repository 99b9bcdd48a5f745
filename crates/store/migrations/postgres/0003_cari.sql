-- Search: the name lower-cased with single spaces, kept by the application on every write.
ALTER TABLE pegawai ADD COLUMN nama_cari TEXT;
UPDATE pegawai SET nama_cari = lower(trim(nama));
CREATE INDEX pegawai_instansi_cari ON pegawai (instansi_kerja_id, nama_cari);
CREATE INDEX pegawai_nama_cari ON pegawai (nama_cari);
-- National lists in name order.
CREATE INDEX pegawai_nama ON pegawai (nama, id);
-- Name search anywhere in a word across millions of rows (pg_trgm is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX pegawai_nama_cari_trgm ON pegawai USING gin (nama_cari public.gin_trgm_ops);
