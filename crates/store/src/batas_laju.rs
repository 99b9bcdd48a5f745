//! Rate-limit windows shared by every app server (`multi_server`, decision 0019): one row per
//! keyed hash and window start, counted with an upsert.

use crate::error::StoreResult;
use crate::{Store, on_pool};

impl Store {
    /// Counts one hit on the shared window `kunci` starting at `mulai` (unix seconds); returns
    /// the count including this one.
    pub async fn hitung_batas_laju(&self, kunci: &str, mulai: i64) -> StoreResult<i64> {
        let (n,): (i64,) = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "INSERT INTO batas_laju (kunci, mulai, jumlah) VALUES ($1, $2, 1) \
                 ON CONFLICT (kunci, mulai) DO UPDATE SET jumlah = batas_laju.jumlah + 1 \
                 RETURNING CAST(jumlah AS BIGINT)",
            )
            .bind(kunci)
            .bind(mulai)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }

    /// Drops rate-limit windows that started before `sebelum` (unix seconds).
    pub async fn hapus_batas_laju_lama(&self, sebelum: i64) -> StoreResult<u64> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM batas_laju WHERE mulai < $1")
                .bind(sebelum)
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }

    /// The stored rate-limit keys (tests check that they are hashes).
    pub async fn kunci_batas_laju(&self) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT kunci FROM batas_laju")
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(|(k,)| k).collect())
    }
}
