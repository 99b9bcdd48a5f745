//! A PostgreSQL streaming replica for read-only work (search, statistics, agency lists and
//! exports), used only while it is known to be fresh: a monitor compares the primary's WAL
//! position with what the replica has replayed, and reads fall back to the primary the moment
//! the replica lags, stops answering or stops being a replica (decision 0020).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::Mutex;

use crate::Store;
use crate::db::{Db, PoolSettings};
use crate::error::{StoreError, StoreResult};

/// The replica and whether reads may go to it now.
#[derive(Debug)]
pub(crate) struct Replika {
    db: Db,
    segar: AtomicBool,
    /// The primary's WAL position at the previous check.
    lsn_lalu: Mutex<Option<String>>,
}

impl Replika {
    pub(crate) async fn tutup(&self) {
        self.db.close().await;
    }
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeadaanReplika {
    /// No replica is configured.
    TidakAda,
    /// Reads go to the replica: it has replayed everything the primary had written by the
    /// previous check.
    Segar,
    /// Reads go to the primary, and why.
    Tertinggal(String),
}

impl Store {
    /// Adds a read replica (PostgreSQL only). Reads stay on the primary until the first check
    /// ([`Store::periksa_replika`]) finds the replica fresh.
    pub async fn dengan_replika(mut self, url: &str, settings: &PoolSettings) -> StoreResult<Self> {
        if !matches!(self.db, Db::Postgres(_)) {
            return Err(StoreError::Url(
                "replika baca hanya untuk PostgreSQL".into(),
            ));
        }
        let db = Db::connect_replika(url, settings).await?;
        self.replika = Some(Arc::new(Replika {
            db,
            segar: AtomicBool::new(false),
            lsn_lalu: Mutex::new(None),
        }));
        Ok(self)
    }

    /// Where read-only work goes: the replica while it is fresh, else the primary.
    pub fn db_baca(&self) -> &Db {
        match &self.replika {
            Some(r) if r.segar.load(Ordering::Acquire) => &r.db,
            _ => &self.db,
        }
    }

    /// One check of the replica: fresh when it is still in recovery and has replayed at least
    /// the primary's WAL position seen at the previous check (so reads lag by at most about
    /// one check interval). Any error marks it stale.
    pub async fn periksa_replika(&self) -> KeadaanReplika {
        let Some(r) = &self.replika else {
            return KeadaanReplika::TidakAda;
        };
        let keadaan = match self.banding_lsn(r).await {
            Ok(None) => KeadaanReplika::Segar,
            Ok(Some(alasan)) => KeadaanReplika::Tertinggal(alasan),
            Err(e) => KeadaanReplika::Tertinggal(format!("replika tidak menjawab: {e}")),
        };
        let segar = keadaan == KeadaanReplika::Segar;
        let sebelumnya = r.segar.swap(segar, Ordering::AcqRel);
        if sebelumnya != segar {
            match &keadaan {
                KeadaanReplika::Tertinggal(alasan) => {
                    tracing::warn!(reason = %alasan, "read replica set aside: reads go to the primary");
                }
                _ => tracing::info!("read replica fresh: read-only work goes to it"),
            }
        }
        keadaan
    }

    async fn banding_lsn(&self, r: &Replika) -> StoreResult<Option<String>> {
        let (Db::Postgres(utama), Db::Postgres(replika)) = (&self.db, &r.db) else {
            return Ok(Some("bukan PostgreSQL".into()));
        };
        let (sekarang,): (String,) = sqlx::query_as("SELECT pg_current_wal_lsn()::text")
            .fetch_one(utama)
            .await?;
        let mut lalu = r.lsn_lalu.lock().await;
        let acuan = lalu.clone().unwrap_or_else(|| sekarang.clone());
        *lalu = Some(sekarang);
        drop(lalu);
        let (pemulihan, selisih): (bool, Option<f64>) = tokio::time::timeout(
            Duration::from_secs(2),
            sqlx::query_as(
                "SELECT pg_is_in_recovery(), \
                 pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn)::float8",
            )
            .bind(&acuan)
            .fetch_one(replika),
        )
        .await
        .map_err(|_| StoreError::Url("replika tidak menjawab dalam 2 detik".into()))??;
        Ok(match (pemulihan, selisih) {
            (false, _) => Some("bukan lagi replika (sudah dipromosikan?)".into()),
            (true, None) => Some("replika belum memutar ulang WAL".into()),
            (true, Some(d)) if d < 0.0 => Some(format!("tertinggal {} byte WAL", -d)),
            (true, Some(_)) => None,
        })
    }

    /// Runs [`Store::periksa_replika`] every `selang` (nothing to do without a replica).
    pub async fn pantau_replika(self, selang: Duration) {
        if self.replika.is_none() {
            return;
        }
        loop {
            self.periksa_replika().await;
            tokio::time::sleep(selang).await;
        }
    }
}
