//! SIASN use cases: the one place where an operation is written. Each public function here
//! authorises the actor, applies the domain's rules and runs the store's steps in ONE
//! transaction, with the audit events that explain it. Pages, the SIASN-compatible API, the
//! command line and background jobs call these and only parse, call and render.
//!
//! Reads that only fetch for display may use the store directly ([`App::store`]); every write
//! goes through a function of this crate (decision 0012).

mod aktor;
pub mod akun;
pub mod audit;
mod error;
pub mod formasi;
mod hasher;
mod jam;
pub mod kartu;
pub mod klien_api;
mod konfigurasi;
pub mod layanan;
pub mod pegawai;
pub mod pengadaan;
pub mod peristiwa;
pub mod rahasia;
pub mod surel;
pub mod ttd;
pub mod usulan;

use std::sync::Arc;

use siasn_store::Store;
use tokio::sync::Notify;

pub use aktor::Aktor;
pub use error::{AppError, AppResult};
pub use hasher::Hasher;
pub use jam::{Jam, JamSistem, JamUji};
pub use konfigurasi::KonfigurasiApp;

/// What every use case can reach: the store, the clock, the password hasher, the settings,
/// and the e-mail sender's bell.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    konfigurasi: KonfigurasiApp,
    jam: Arc<dyn Jam>,
    hasher: Hasher,
    surel: Arc<Notify>,
    perender: siasn_card::Perender,
}

impl App {
    /// An application over `store` with the given clock.
    pub fn new(store: Store, konfigurasi: KonfigurasiApp, jam: Arc<dyn Jam>) -> Self {
        let paralel = std::thread::available_parallelism().map_or(2, usize::from);
        Self {
            inner: Arc::new(Inner {
                store,
                konfigurasi,
                jam,
                hasher: Hasher::new(paralel),
                surel: Arc::new(Notify::new()),
                perender: siasn_card::Perender::new(),
            }),
        }
    }

    /// The store (reads for display; writes go through the use cases).
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Settings.
    pub fn konfigurasi(&self) -> &KonfigurasiApp {
        &self.inner.konfigurasi
    }

    /// The clock.
    pub fn jam(&self) -> &dyn Jam {
        self.inner.jam.as_ref()
    }

    /// Now, by the injected clock.
    pub fn sekarang(&self) -> chrono::DateTime<chrono::Utc> {
        self.inner.jam.sekarang()
    }

    /// The password hasher (argon2id off the async workers, bounded).
    pub fn hasher(&self) -> &Hasher {
        &self.inner.hasher
    }

    /// The bell the e-mail sender waits on.
    pub fn bel_surel(&self) -> Arc<Notify> {
        self.inner.surel.clone()
    }

    /// Wakes the e-mail sender after a use case queued messages in its transaction.
    pub(crate) fn bangunkan_surel(&self) {
        self.inner.surel.notify_one();
    }

    /// Renders a letter to PDF off the async workers (fonts loaded once per application).
    pub(crate) async fn surat_pdf(&self, surat: siasn_card::surat::IsiSurat) -> AppResult<Vec<u8>> {
        let p = self.inner.perender.clone();
        tokio::task::spawn_blocking(move || p.surat_pdf(&surat))
            .await
            .map_err(|e| AppError::Surat(e.to_string()))?
            .map_err(|e| AppError::Surat(e.to_string()))
    }

    /// The public base URL without a trailing slash (for links in e-mails and QR codes).
    pub fn url_dasar(&self) -> &str {
        self.inner.konfigurasi.url_publik.trim_end_matches('/')
    }
}
