-- Events for partners (decision 0019): written by the use case's transaction beside its audit
-- entry, given positions later by the relay holding the lease (as the audit sequencer does),
-- so a cursor over positions never skips a row that committed late.
CREATE TABLE peristiwa (
    id UUID PRIMARY KEY,
    waktu TIMESTAMPTZ NOT NULL,
    kelas TEXT NOT NULL,
    aksi TEXT NOT NULL,
    aktor TEXT NOT NULL,
    pegawai_id UUID,
    -- The employee's agencies when the event happened (a partner's reach is checked on them).
    instansi_induk_id TEXT,
    instansi_kerja_id TEXT,
    posisi BIGINT
);
CREATE UNIQUE INDEX peristiwa_posisi ON peristiwa (posisi) WHERE posisi IS NOT NULL;
CREATE INDEX peristiwa_antre ON peristiwa (id) WHERE posisi IS NULL;

-- How far each relay target has delivered ('nats').
CREATE TABLE peristiwa_kursor (
    tujuan TEXT PRIMARY KEY,
    posisi BIGINT NOT NULL
);

-- Webhooks registered for partner clients.
CREATE TABLE webhook (
    id UUID PRIMARY KEY,
    klien_id UUID NOT NULL REFERENCES klien_api (id),
    url TEXT NOT NULL,
    -- The HMAC key bodies are signed with (shown once at registration; needed to sign).
    rahasia TEXT NOT NULL,
    aktif BOOLEAN NOT NULL,
    -- Delivered (or dead-lettered) up to this position.
    posisi BIGINT NOT NULL,
    percobaan INTEGER NOT NULL,
    coba_lagi_pada TIMESTAMPTZ,
    galat_terakhir TEXT,
    dibuat_pada TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_klien ON webhook (klien_id);

-- Events a webhook gave up on after every retry.
CREATE TABLE webhook_gagal (
    webhook_id UUID NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    posisi BIGINT NOT NULL,
    percobaan INTEGER NOT NULL,
    galat TEXT NOT NULL,
    waktu TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (webhook_id, posisi)
);

-- Rate-limit windows shared by every app server (keys are keyed hashes, never addresses).
CREATE TABLE batas_laju (
    kunci TEXT NOT NULL,
    mulai BIGINT NOT NULL,
    jumlah INTEGER NOT NULL,
    PRIMARY KEY (kunci, mulai)
);
