-- The formasi register (peta jabatan): per unit and position, the holders its workload
-- analysis needs. Occupancy (bezetting) is counted from the record, never stored, so it cannot
-- drift; the index serves that count.
CREATE TABLE formasi_jabatan (
    unor_id BLOB NOT NULL REFERENCES unor (id),
    jabatan_id TEXT NOT NULL,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    kebutuhan INTEGER NOT NULL CHECK (kebutuhan >= 0),
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (unor_id, jabatan_id)
);
CREATE INDEX formasi_jabatan_instansi ON formasi_jabatan (instansi_id);
CREATE INDEX pegawai_unor_jabatan ON pegawai (unor_id, jabatan_id);
