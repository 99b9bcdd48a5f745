//! SIASN storage: one code path over SQLite and PostgreSQL.
//!
//! Two ways in, on purpose:
//! - **reads** are methods of [`Store`] on the connection pool, one module per aggregate
//!   (accounts, employees with histories and documents, proposals, cards, API clients, audit);
//! - **writes** are small step functions of those modules that take a [`Tx`]: a use case opens
//!   one transaction with [`Store::begin`], runs its steps and its audit events
//!   ([`audit::tulis`]) in it, and commits once. Only a few single statements that change no
//!   personnel data (session touches, captchas, the e-mail queue's bookkeeping) run on the pool.

pub mod akun;
pub mod audit;
pub mod batas_laju;
pub mod blob;
pub mod db;
pub mod email;
pub mod error;
pub mod formasi;
pub mod instansi;
pub mod kartu;
pub mod klien_api;
pub mod layanan;
pub mod migrate;
pub mod pegawai;
pub mod pengadaan;
pub mod peristiwa;
pub mod referensi;
pub mod replika;
pub mod sandi;
pub mod sewa;
pub mod terbit;
#[cfg(feature = "testing")]
pub mod testing;
pub mod ttd;
pub mod tx;
pub mod usulan;

pub use blob::{BlobRef, BlobStore};
pub use db::{Db, Engine, PoolSettings};
pub use error::{StoreError, StoreResult};
pub use pegawai::{FilterPegawai, Halaman, KriteriaCari, PegawaiBaru, RingkasanPegawai};
pub use tx::Tx;

/// The store: a database and a blob store.
#[derive(Debug, Clone)]
pub struct Store {
    db: Db,
    blobs: BlobStore,
    /// A streaming replica for read-only work, when configured.
    replika: Option<std::sync::Arc<replika::Replika>>,
}

impl Store {
    /// Connects, brings the schema up to date and loads missing reference data.
    pub async fn open(url: &str, settings: &PoolSettings, blobs: BlobStore) -> StoreResult<Self> {
        let db = Db::connect(url, settings).await?;
        migrate::run(&db).await?;
        let store = Self {
            db,
            blobs,
            replika: None,
        };
        store.seed_referensi().await?;
        Ok(store)
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The blob store.
    pub fn blobs(&self) -> &BlobStore {
        &self.blobs
    }

    /// Which engine the store runs on.
    pub fn engine(&self) -> Engine {
        self.db.engine()
    }

    /// Checks that the database answers (for readiness probes).
    pub async fn ping(&self) -> StoreResult<()> {
        self.db.ping().await
    }

    /// Closes the database connections.
    pub async fn close(&self) {
        if let Some(r) = &self.replika {
            r.tutup().await;
        }
        self.db.close().await
    }
}
