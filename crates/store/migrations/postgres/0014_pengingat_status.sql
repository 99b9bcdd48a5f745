-- Reminders about running statuses (leave, study, state office, temporary dismissal, MPP):
-- one per history row, end date and kind, so a rerun of the daily job sends nothing twice and
-- an extension (a new end date) is reminded again.
CREATE TABLE pengingat_status (
    riwayat_id UUID NOT NULL REFERENCES riwayat (id),
    tanggal_akhir DATE NOT NULL,
    jenis TEXT NOT NULL,
    dikirim_pada TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (riwayat_id, tanggal_akhir, jenis)
);
