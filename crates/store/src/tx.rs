//! A transaction you can pass: use cases open one with [`Store::begin`], hand `&mut Tx` to the
//! small step functions of each aggregate module, and commit once. Dropped without a commit, it
//! rolls back, so an error anywhere leaves nothing half-written.

use crate::Store;
use crate::db::{Db, Engine};
use crate::error::StoreResult;

/// An open transaction on either engine.
#[derive(Debug)]
pub enum Tx {
    /// SQLite (begun with `BEGIN IMMEDIATE`: the write lock is taken at once, so two writers
    /// queue on the busy timeout instead of failing when a read would turn into a write).
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    /// PostgreSQL.
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs `$body` with `$conn` bound to the engine-specific connection of the transaction `$tx`
/// (a `&mut Tx`); the body is compiled once per engine, like [`on_pool!`](crate::on_pool).
#[macro_export]
#[doc(hidden)]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::tx::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::tx::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

impl Store {
    /// Opens a transaction for one use case.
    pub async fn begin(&self) -> StoreResult<Tx> {
        Ok(match self.db() {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
    /// Makes every step permanent.
    pub async fn commit(self) -> StoreResult<()> {
        match self {
            Self::Sqlite(t) => t.commit().await?,
            Self::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    /// Undoes every step (dropping the transaction does the same).
    pub async fn rollback(self) -> StoreResult<()> {
        match self {
            Self::Sqlite(t) => t.rollback().await?,
            Self::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }

    /// Which engine the transaction runs on.
    pub fn engine(&self) -> Engine {
        match self {
            Self::Sqlite(_) => Engine::Sqlite,
            Self::Postgres(_) => Engine::Postgres,
        }
    }

    /// Marks a point to return to: a batch gives each item a savepoint, so one item's failure
    /// undoes only that item.
    pub async fn savepoint(&mut self) -> StoreResult<()> {
        self.sql("SAVEPOINT langkah").await
    }

    /// Keeps what was done since [`savepoint`](Self::savepoint).
    pub async fn release(&mut self) -> StoreResult<()> {
        self.sql("RELEASE SAVEPOINT langkah").await
    }

    /// Undoes what was done since [`savepoint`](Self::savepoint).
    pub async fn rollback_to_savepoint(&mut self) -> StoreResult<()> {
        self.sql("ROLLBACK TO SAVEPOINT langkah").await?;
        self.sql("RELEASE SAVEPOINT langkah").await
    }

    async fn sql(&mut self, sql: &'static str) -> StoreResult<()> {
        on_tx!(self, |c| {
            sqlx::raw_sql(sql).execute(&mut *c).await?;
        });
        Ok(())
    }
}
