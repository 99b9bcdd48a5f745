//! The database handle: SQLite (embedded default) or PostgreSQL, chosen by URL at run time.
//!
//! Every query is written once with `$N` placeholders, which both engines accept, and run through
//! [`on_pool!`], which expands the same code once per engine so each is type-checked for both.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use crate::error::{StoreError, StoreResult};

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Embedded SQLite file in WAL mode.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Engine {
    /// Short name for logs and reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// A connection pool to one of the supported engines.
#[derive(Debug, Clone)]
pub enum Db {
    /// SQLite pool.
    Sqlite(SqlitePool),
    /// PostgreSQL pool.
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the engine-specific pool (or transaction, or connection).
#[macro_export]
#[doc(hidden)]
macro_rules! on_pool {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Pool settings that differ between deployments.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    /// Most connections the pool opens.
    pub max_connections: u32,
    /// PostgreSQL schema to use (tests use a throwaway schema per test).
    pub pg_schema: Option<String>,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 16,
            pg_schema: None,
        }
    }
}

/// Connections idle longer than this are pinged before use.
const MENGANGGUR_SEBELUM_UJI: Duration = Duration::from_secs(10);

/// Pings a pooled connection only if it sat idle for a while. sqlx's default pings on every
/// acquire: one extra round trip per query on PostgreSQL and one extra hop to the worker thread
/// on SQLite, which measured as the largest cost of a short API read. A connection that breaks
/// while busy fails its query and is dropped by the pool.
async fn uji_bila_lama_menganggur<C: sqlx::Connection>(
    conn: &mut C,
    meta: sqlx::pool::PoolConnectionMetadata,
) -> Result<bool, sqlx::Error> {
    if meta.idle_for > MENGANGGUR_SEBELUM_UJI {
        conn.ping().await?;
    }
    Ok(true)
}

impl Db {
    /// Connects to `url` (`sqlite:...` or `postgres://...`), creating a SQLite file if missing.
    pub async fn connect(url: &str, settings: &PoolSettings) -> StoreResult<Self> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::Url(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // NORMAL is durable in WAL mode except for the last commits on power loss.
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", "-65536")
                .pragma("temp_store", "memory");
            let pool = SqlitePoolOptions::new()
                .max_connections(settings.max_connections.clamp(1, 8))
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move { uji_bila_lama_menganggur(conn, meta).await })
                })
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await?;
            Ok(Self::Sqlite(pool))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut options =
                PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
            if let Some(schema) = &settings.pg_schema {
                options = options.options([("search_path", schema.as_str())]);
            }
            // Short queries over large tables (a page of histories by employee id) look costly
            // to the planner, which then spends more compiling them (JIT, ~0.3 s) than running
            // them; this workload never gains from it.
            options = options.options([("jit", "off")]);
            // One direct connection first: a refused or misconfigured server then reports its
            // real cause instead of a pool time-out.
            let probe = sqlx::ConnectOptions::connect(&options).await?;
            sqlx::Connection::close(probe).await?;
            let pool = PgPoolOptions::new()
                .max_connections(settings.max_connections.max(1))
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move { uji_bila_lama_menganggur(conn, meta).await })
                })
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Self::Postgres(pool))
        } else {
            Err(StoreError::Url(
                "harus diawali sqlite: atau postgres:// (contoh: sqlite://data/siasn.sqlite)"
                    .into(),
            ))
        }
    }

    /// Which engine this is.
    pub fn engine(&self) -> Engine {
        match self {
            Self::Sqlite(_) => Engine::Sqlite,
            Self::Postgres(_) => Engine::Postgres,
        }
    }

    /// A PostgreSQL replica's pool: connected lazily (a replica down at start only keeps reads
    /// on the primary) and quick to give up, so a lost replica costs a read little.
    pub async fn connect_replika(url: &str, settings: &PoolSettings) -> StoreResult<Self> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(StoreError::Url("replika harus postgres://".into()));
        }
        let mut options =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
        if let Some(schema) = &settings.pg_schema {
            options = options.options([("search_path", schema.as_str())]);
        }
        options = options.options([("jit", "off")]);
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections.max(1))
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(2))
            .connect_lazy_with(options);
        Ok(Self::Postgres(pool))
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        on_pool!(self, |pool| {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection (for a clean shutdown).
    pub async fn close(&self) {
        on_pool!(self, |pool| pool.close().await)
    }
}
