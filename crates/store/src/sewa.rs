//! Leases: which app server runs a background job now (one holder at a time, taken over when
//! it lapses), as rows in the database instead of advisory locks, which distributed
//! PostgreSQL-compatible engines lack.

use chrono::{DateTime, SubsecRound, Utc};

use crate::error::StoreResult;
use crate::{Store, on_pool};

impl Store {
    /// Takes or renews the lease `nama` for `pemilik` until `sampai`; true when held. A lease
    /// past its time goes to whoever asks next, so a stopped server's job moves on.
    pub async fn ambil_sewa(
        &self,
        nama: &str,
        pemilik: &str,
        sekarang: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO sewa (nama, pemilik, sampai) VALUES ($1, $2, $3) \
                 ON CONFLICT (nama) DO UPDATE SET pemilik = excluded.pemilik, sampai = excluded.sampai \
                 WHERE sewa.sampai < $4 OR sewa.pemilik = excluded.pemilik",
            )
            .bind(nama)
            .bind(pemilik)
            .bind(sampai.trunc_subsecs(3))
            .bind(sekarang.trunc_subsecs(3))
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// Gives a lease back (a clean shutdown lets another server take over at once).
    pub async fn lepas_sewa(&self, nama: &str, pemilik: &str) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM sewa WHERE nama = $1 AND pemilik = $2")
                .bind(nama)
                .bind(pemilik)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
