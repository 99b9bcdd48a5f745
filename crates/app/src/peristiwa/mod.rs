//! Events to partners (decision 0019): the relay every app server runs (one works at a time,
//! by the lease `peristiwa`) sequences the outbox, publishes it to a NATS JetStream stream
//! and delivers it to the webhooks partner clients registered.
//!
//! Delivery is at least once everywhere; each event carries its id, which JetStream uses to
//! drop a republished message (`Nats-Msg-Id`, within the stream's duplicate window) and a
//! webhook receiver uses to drop a redelivered one.

pub mod webhook;

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_nats::jetstream;
use chrono::Utc;
use serde_json::{Value, json};
use siasn_domain::klien_api::{JangkauanKlien, KlienApi, Lingkup};
use siasn_domain::peristiwa::{
    HEADER_ID, HEADER_TANDA, KelasPeristiwa, jeda_kirim_ulang, tanda_webhook,
};
use siasn_store::Store;
use siasn_store::peristiwa::{Peristiwa, SaringPeristiwa, Webhook};

use crate::AppResult;

/// The event body's schema version.
pub const VERSI_SKEMA: u32 = 1;

/// The stream used when the NATS URL names none.
pub const ALIRAN_BAWAAN: &str = "SIASN_PERISTIWA";

/// Subjects events are published under: `<stream>.<agency>.<kind>` with the stream's name in
/// lower case and dots (`siasn.peristiwa.<agency>.<kind>` by default), so a NATS account can
/// be limited to one agency's events by subject permissions, and two instances on one NATS
/// server with different streams do not collide.
fn subjek_awal(aliran: &str) -> String {
    aliran.to_lowercase().replace(['_', '-'], ".")
}

/// Lease name.
const SEWA: &str = "peristiwa";
/// Lease time without renewal.
const LAMA_SEWA_DETIK: i64 = 30;
/// Events sequenced or published per batch.
const BATCH: u32 = 1000;
/// Events delivered to one webhook per request round.
const BATCH_WEBHOOK: u32 = 100;
/// How long a webhook receiver has to answer.
const BATAS_WAKTU_WEBHOOK: Duration = Duration::from_secs(10);

/// The body partners receive for an event; the NIP only when the partner may read the
/// employee's data (scope `baca`).
pub fn badan(p: &Peristiwa, dengan_nip: bool) -> Value {
    json!({
        "id": p.id,
        "posisi": p.posisi,
        "versi": VERSI_SKEMA,
        "waktu": p.waktu.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        "kelas": p.kelas,
        "jenis": p.aksi,
        "aktor": p.aktor,
        "pegawai": p.pegawai_id.map(|id| json!({
            "id": id,
            "nip": if dengan_nip { p.nip.clone() } else { None },
        })),
        "instansiIndukId": p.instansi_induk_id,
        "instansiKerjaId": p.instansi_kerja_id,
    })
}

/// Which events a partner client receives: its agency's (or all, for national partners), of
/// the kinds its scopes cover.
pub fn saring_klien(k: &KlienApi) -> SaringPeristiwa {
    SaringPeristiwa {
        instansi: match &k.jangkauan {
            JangkauanKlien::Instansi(i) => Some(i.clone()),
            JangkauanKlien::Nasional => None,
        },
        kelas: [
            KelasPeristiwa::DataPegawai,
            KelasPeristiwa::Layanan,
            KelasPeristiwa::Dokumen,
        ]
        .into_iter()
        .filter(|kelas| k.lingkup.punya(kelas.lingkup()))
        .collect(),
    }
}

/// A JetStream stream on a NATS server, connected on first use.
#[derive(Debug, Clone)]
pub struct AliranPeristiwa {
    server: String,
    aliran: String,
    konteks: Arc<tokio::sync::OnceCell<jetstream::Context>>,
}

impl AliranPeristiwa {
    /// From `nats://host:port` or `nats://host:port/STREAM`.
    pub fn dari_url(url: &str) -> Result<Self, String> {
        let (server, aliran) = siasn_store::terbit::urai_url_nats(url, ALIRAN_BAWAAN)?;
        Ok(Self {
            server,
            aliran,
            konteks: Arc::new(tokio::sync::OnceCell::new()),
        })
    }

    /// The server, for messages.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// The stream's name.
    pub fn aliran(&self) -> &str {
        &self.aliran
    }

    /// Connects and creates the stream if missing (at start, and for readiness).
    pub async fn siapkan(&self) -> Result<jetstream::Context, String> {
        let ctx = self
            .konteks
            .get_or_try_init(|| siasn_store::terbit::sambung_jetstream(&self.server))
            .await?
            .clone();
        ctx.get_or_create_stream(jetstream::stream::Config {
            name: self.aliran.clone(),
            subjects: vec![format!("{}.>", subjek_awal(&self.aliran))],
            storage: jetstream::stream::StorageType::File,
            // Long enough for a relay that stopped mid-batch to be replaced (lease) and
            // republish what it had sent without duplicates.
            duplicate_window: Duration::from_secs(3600),
            max_age: Duration::from_secs(30 * 24 * 3600),
            ..Default::default()
        })
        .await
        .map_err(|e| format!("{}: aliran {}: {e}", self.server, self.aliran))?;
        Ok(ctx)
    }

    /// Whether the server answers (readiness).
    pub async fn periksa(&self) -> Result<(), String> {
        let ctx = self.siapkan().await?;
        ctx.get_stream(&self.aliran)
            .await
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", self.server))
    }

    /// Publishes events in order, pipelined, each acknowledged by the stream; returns the
    /// position of the last one acknowledged with every earlier one.
    async fn terbitkan(&self, daftar: &[Peristiwa]) -> Result<Option<i64>, String> {
        let ctx = self.siapkan().await?;
        let awal = subjek_awal(&self.aliran);
        let mut menunggu = Vec::with_capacity(daftar.len());
        for p in daftar {
            let subjek = format!(
                "{awal}.{}.{}",
                p.instansi_kerja_id.as_deref().unwrap_or("umum"),
                p.kelas
            );
            let isi = badan(p, true).to_string();
            let ack = ctx
                .send_publish(
                    subjek,
                    jetstream::message::PublishMessage::build()
                        .payload(isi.into())
                        .message_id(p.id.to_string()),
                )
                .await
                .map_err(|e| format!("{}: {e}", self.server))?;
            menunggu.push((p.posisi, ack));
        }
        let mut terakhir = None;
        for (posisi, ack) in menunggu {
            match ack.await {
                Ok(_) => terakhir = Some(posisi),
                Err(e) => {
                    tracing::warn!(position = posisi, error = %e, "JetStream did not acknowledge an event");
                    break;
                }
            }
        }
        Ok(terakhir)
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HasilRelay {
    /// Whether this server held the lease.
    pub memegang: bool,
    /// Events given positions.
    pub diurutkan: u64,
    /// Events published to NATS.
    pub ke_nats: u64,
    /// Webhook deliveries that succeeded.
    pub ke_webhook: u64,
}

/// The relay.
#[derive(Debug, Clone)]
pub struct Relay {
    store: Store,
    pemilik: String,
    nats: Option<AliranPeristiwa>,
    http: reqwest::Client,
    lama_sewa: chrono::Duration,
}

impl Relay {
    /// A relay over `store`, publishing to `nats` when given.
    pub fn baru(store: Store, nats: Option<AliranPeristiwa>) -> Self {
        let http = reqwest::Client::builder()
            .timeout(BATAS_WAKTU_WEBHOOK)
            .connect_timeout(Duration::from_secs(5))
            // A receiver's redirect could point anywhere; a webhook is delivered where it was
            // registered or not at all.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self {
            store,
            pemilik: format!("relay-{}", uuid::Uuid::new_v4()),
            nats,
            http,
            lama_sewa: chrono::Duration::seconds(LAMA_SEWA_DETIK),
        }
    }

    /// How long the lease lasts without renewal: how soon another server takes over when
    /// this one stops (30 s by default; tests shorten it).
    pub fn dengan_lama_sewa(mut self, lama: chrono::Duration) -> Self {
        self.lama_sewa = lama;
        self
    }

    /// The NATS stream, when configured.
    pub fn nats(&self) -> Option<&AliranPeristiwa> {
        self.nats.as_ref()
    }

    async fn pegang_sewa(&self) -> AppResult<bool> {
        let now = Utc::now();
        let sampai = now + self.lama_sewa;
        Ok(self
            .store
            .ambil_sewa(SEWA, &self.pemilik, now, sampai)
            .await?)
    }

    /// One round: when holding the lease, sequence what waits, publish to NATS and deliver
    /// to the webhooks that are due.
    pub async fn langkah(&self) -> AppResult<HasilRelay> {
        let mut hasil = HasilRelay::default();
        if !self.pegang_sewa().await? {
            return Ok(hasil);
        }
        hasil.memegang = true;
        loop {
            let n = self.store.urutkan_peristiwa(BATCH).await?;
            hasil.diurutkan += n;
            if n < u64::from(BATCH) {
                break;
            }
            if !self.pegang_sewa().await? {
                return Ok(hasil);
            }
        }
        let terakhir = self.store.posisi_peristiwa_terakhir().await?;
        if let Some(nats) = &self.nats {
            hasil.ke_nats = self.ke_nats(nats, terakhir).await?;
        }
        hasil.ke_webhook = self.ke_webhook(terakhir).await?;
        Ok(hasil)
    }

    async fn ke_nats(&self, nats: &AliranPeristiwa, terakhir: i64) -> AppResult<u64> {
        let mut kursor = self.store.kursor_peristiwa("nats").await?;
        let mut n = 0;
        while kursor < terakhir {
            let daftar = self
                .store
                .peristiwa_sejak(kursor, Some(terakhir), BATCH, None)
                .await?;
            if daftar.is_empty() {
                break;
            }
            match nats.terbitkan(&daftar).await {
                Ok(Some(p)) => {
                    n += daftar.iter().filter(|e| e.posisi <= p).count() as u64;
                    self.store.simpan_kursor_peristiwa("nats", p).await?;
                    kursor = p;
                    if p < daftar.last().map_or(p, |e| e.posisi) {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot publish events to NATS; retrying next round");
                    break;
                }
            }
            if !self.pegang_sewa().await? {
                break;
            }
        }
        Ok(n)
    }

    async fn ke_webhook(&self, terakhir: i64) -> AppResult<u64> {
        let due = self.store.webhook_jatuh_tempo(Utc::now()).await?;
        let mut tugas = tokio::task::JoinSet::new();
        for w in due.into_iter().filter(|w| w.posisi < terakhir) {
            let relay = self.clone();
            tugas.spawn(async move { relay.kirim_webhook(w, terakhir).await });
        }
        let mut n = 0;
        while let Some(r) = tugas.join_next().await {
            match r {
                Ok(Ok(k)) => n += k,
                Ok(Err(e)) => tracing::warn!(error = %e, "webhook delivery stopped"),
                Err(e) => tracing::warn!(error = %e, "webhook task failed"),
            }
        }
        Ok(n)
    }

    /// Delivers one webhook's events up to `terakhir`, in order, for a few seconds at most.
    async fn kirim_webhook(&self, w: Webhook, terakhir: i64) -> AppResult<u64> {
        let klien = self.store.klien_api(w.klien_id).await?;
        if !klien.aktif {
            return Ok(0);
        }
        let saring = saring_klien(&klien);
        let dengan_nip = klien.lingkup.punya(Lingkup::Baca);
        let mulai = Instant::now();
        let mut posisi = w.posisi;
        let mut n = 0;
        loop {
            let daftar = self
                .store
                .peristiwa_sejak(posisi, Some(terakhir), BATCH_WEBHOOK, Some(&saring))
                .await?;
            let penuh = daftar.len() == BATCH_WEBHOOK as usize;
            for p in &daftar {
                let isi = badan(p, dengan_nip).to_string();
                match self.kirim(&w, &p.id.to_string(), isi).await {
                    Ok(()) => {
                        if !self.store.webhook_maju(w.id, posisi, p.posisi).await? {
                            // An admin replayed it meanwhile: start over next round.
                            return Ok(n);
                        }
                        posisi = p.posisi;
                        n += 1;
                    }
                    Err(galat) => {
                        let percobaan = if posisi == w.posisi {
                            w.percobaan.saturating_add(1)
                        } else {
                            1
                        };
                        let now = Utc::now();
                        match jeda_kirim_ulang(u32::try_from(percobaan).unwrap_or(u32::MAX)) {
                            Some(jeda) => {
                                self.store
                                    .webhook_gagal_kirim(
                                        w.id,
                                        posisi,
                                        percobaan,
                                        now + jeda,
                                        &galat,
                                    )
                                    .await?;
                            }
                            None => {
                                tracing::warn!(webhook = %w.id, position = p.posisi, "event moved to the dead-letter list");
                                self.store
                                    .webhook_menyerah(
                                        w.id, posisi, p.posisi, percobaan, &galat, now,
                                    )
                                    .await?;
                            }
                        }
                        return Ok(n);
                    }
                }
            }
            if !penuh {
                // Everything up to `terakhir` this partner may see was delivered; the rest is
                // not its business.
                if posisi < terakhir {
                    self.store.webhook_maju(w.id, posisi, terakhir).await?;
                }
                return Ok(n);
            }
            if mulai.elapsed() > Duration::from_secs(5) {
                return Ok(n);
            }
        }
    }

    async fn kirim(&self, w: &Webhook, id: &str, isi: String) -> Result<(), String> {
        let tanda = tanda_webhook(w.rahasia.as_bytes(), Utc::now().timestamp(), isi.as_bytes());
        let jawab = self
            .http
            .post(&w.url)
            .header("Content-Type", "application/json")
            .header(HEADER_ID, id)
            .header(HEADER_TANDA, tanda)
            .body(isi)
            .send()
            .await
            .map_err(|e| format!("tidak terkirim: {e}"))?;
        let status = jawab.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(format!("penerima menjawab HTTP {}", status.as_u16()))
        }
    }

    /// Gives the lease back now (a clean stop, or a one-off round by a command), so another
    /// relay takes over without waiting for it to lapse.
    pub async fn lepaskan(&self) -> AppResult<()> {
        Ok(self.store.lepas_sewa(SEWA, &self.pemilik).await?)
    }

    /// Runs rounds every `selang` until `berhenti` turns true; then gives the lease back so
    /// another server takes over at once.
    pub async fn jalankan(
        self,
        selang: Duration,
        mut berhenti: tokio::sync::watch::Receiver<bool>,
    ) {
        if let Some(nats) = &self.nats
            && let Err(e) = nats.siapkan().await
        {
            tracing::warn!(error = %e, "NATS stream for events not ready yet; retrying each round");
        }
        loop {
            match self.langkah().await {
                Ok(h) if h.diurutkan + h.ke_nats + h.ke_webhook > 0 => tracing::debug!(
                    sequenced = h.diurutkan,
                    nats = h.ke_nats,
                    webhooks = h.ke_webhook,
                    "events relayed"
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "event relay round failed"),
            }
            tokio::select! {
                _ = berhenti.changed() => break,
                () = tokio::time::sleep(selang) => {}
            }
            if *berhenti.borrow() {
                break;
            }
        }
        if let Err(e) = self.lepaskan().await {
            tracing::warn!(error = %e, "cannot give the event relay lease back");
        }
    }
}
