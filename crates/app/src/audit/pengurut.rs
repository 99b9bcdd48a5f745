//! The sequencer and head publisher run by every app server (one works at a time, by lease).

use std::time::Duration;

use chrono::Utc;
use siasn_store::Store;
use siasn_store::audit::KepalaTertanda;
use siasn_store::terbit::TempatTerbit;

use super::{AuditError, PenandaKepala};

/// The sequencer and head publisher. Every app server runs one; only the holder of the lease
/// `audit` works, so exactly one sequences at a time and another takes over within the lease
/// time when it stops.
#[derive(Debug)]
pub struct Pengurut {
    store: Store,
    penanda: PenandaKepala,
    tempat: TempatTerbit,
    pemilik: String,
    /// A head is signed at most this often while entries arrive…
    pub selang_terbit: Duration,
    /// …and at least this often even when nothing changed (freshness).
    pub selang_detak: Duration,
    terakhir: Option<KepalaTertanda>,
}

/// How long a sequencer's lease lasts without renewal, in seconds.
const LAMA_SEWA_DETIK: i64 = 30;
/// Entries sequenced per transaction.
const BATCH_URUT: u32 = 5000;

impl Pengurut {
    /// A sequencer signing with `penanda` and publishing to `tempat`.
    pub fn baru(store: Store, penanda: PenandaKepala, tempat: TempatTerbit) -> Self {
        Self {
            store,
            penanda,
            tempat,
            pemilik: format!("pengurut-{}", uuid::Uuid::new_v4()),
            selang_terbit: Duration::from_secs(60),
            selang_detak: Duration::from_secs(300),
            terakhir: None,
        }
    }

    async fn pegang_sewa(&self) -> Result<bool, AuditError> {
        let now = Utc::now();
        let sampai = now + chrono::Duration::seconds(LAMA_SEWA_DETIK);
        Ok(self
            .store
            .ambil_sewa("audit", &self.pemilik, now, sampai)
            .await?)
    }

    /// Sequences everything waiting, in batches; returns the tree size.
    async fn urutkan_semua(&self) -> Result<u64, AuditError> {
        loop {
            let h = self.store.urutkan_audit(BATCH_URUT).await?;
            if let Some(id) = h.tanpa_mac_sah.first() {
                tracing::error!(
                    count = h.tanpa_mac_sah.len(),
                    first = %id,
                    "audit entries without a valid MAC: written past the application"
                );
            }
            if h.diurutkan < u64::from(BATCH_URUT) {
                return Ok(h.ukuran);
            }
        }
    }

    /// Signs and publishes the current tree's head (outside the database first, then a copy
    /// inside for the proofs pages hand out).
    async fn terbitkan(&mut self) -> Result<KepalaTertanda, AuditError> {
        let pohon = self.store.pohon_audit().await?;
        let k = self
            .penanda
            .tandatangani(pohon.frontier.ukuran(), &pohon.akar, Utc::now())?;
        self.tempat.terbitkan(&k).await?;
        self.store.simpan_kepala_audit(&k).await?;
        tracing::info!(size = k.ukuran, key = %k.kunci, "audit tree head published");
        self.terakhir = Some(k.clone());
        Ok(k)
    }

    /// One round: when holding the lease, sequence what waits and publish a head when due.
    /// Returns the head published in this round, if any.
    pub async fn langkah(&mut self) -> Result<Option<KepalaTertanda>, AuditError> {
        if !self.pegang_sewa().await? {
            self.terakhir = None;
            return Ok(None);
        }
        let ukuran = self.urutkan_semua().await?;
        if self.terakhir.is_none() {
            self.terakhir = self.store.kepala_audit_terakhir().await?;
        }
        let jatuh_tempo = match &self.terakhir {
            None => true,
            Some(k) => {
                let umur = (Utc::now() - k.waktu).to_std().unwrap_or_default();
                let berubah = u64::try_from(k.ukuran).unwrap_or(0) != ukuran;
                (berubah && umur >= self.selang_terbit) || umur >= self.selang_detak
            }
        };
        if jatuh_tempo {
            return Ok(Some(self.terbitkan().await?));
        }
        Ok(None)
    }

    /// Sequences everything and publishes a head now, waiting for the lease if another
    /// server holds it (`siasn audit terbitkan`, tests).
    pub async fn terbitkan_sekarang(&mut self) -> Result<KepalaTertanda, AuditError> {
        for _ in 0..LAMA_SEWA_DETIK * 2 + 2 {
            if self.pegang_sewa().await? {
                self.urutkan_semua().await?;
                let k = self.terbitkan().await;
                self.store.lepas_sewa("audit", &self.pemilik).await?;
                return k;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        Err(AuditError::Kunci(
            "sewa pengurut audit dipegang server lain".into(),
        ))
    }

    /// Runs rounds every `selang` until `berhenti` says stop, then gives the lease back.
    pub async fn jalankan(
        mut self,
        selang: Duration,
        mut berhenti: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            if let Err(e) = self.langkah().await {
                tracing::error!(error = %e, "audit sequencer round failed");
            }
            tokio::select! {
                () = tokio::time::sleep(selang) => {}
                _ = berhenti.wait_for(|b| *b) => break,
            }
        }
        if let Err(e) = self.store.lepas_sewa("audit", &self.pemilik).await {
            tracing::warn!(error = %e, "audit lease not released");
        }
    }
}
