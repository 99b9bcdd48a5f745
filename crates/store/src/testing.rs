#![allow(clippy::expect_used)]
//! Fresh stores for tests in this and other crates: a SQLite file in a temporary folder, or a
//! throwaway schema in the PostgreSQL database named by `TEST_DATABASE_URL`.

use std::path::Path;

use sqlx::Connection;
use tempfile::TempDir;

use crate::{BlobStore, PoolSettings, Store};

/// Environment variable naming the PostgreSQL database tests may create schemas in.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// A store for one test; keeps its temporary folder alive.
pub struct TestStore {
    /// The store.
    pub store: Store,
    /// Holds the data folder (SQLite file and blobs) until the test ends.
    pub dir: TempDir,
    /// The PostgreSQL schema the store works in (None on SQLite).
    pub skema: Option<String>,
}

impl TestStore {
    /// The data folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// A fresh SQLite store.
pub async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}", dir.path().join("siasn.sqlite").display());
    let blobs = BlobStore::local(dir.path().join("blobs")).expect("blob folder");
    let store = Store::open(&url, &PoolSettings::default(), blobs)
        .await
        .expect("open sqlite store");
    TestStore {
        store,
        dir,
        skema: None,
    }
}

/// A fresh PostgreSQL store in a new schema, or None when `TEST_DATABASE_URL` is not set.
///
/// Under CI (`CI` set) a missing `TEST_DATABASE_URL` is an error, so the PostgreSQL half of the
/// suite can never be skipped silently there.
pub async fn postgres() -> Option<TestStore> {
    // Every conformance test runs at once against one server (100 connections by default):
    // three each leaves room for the next tests.
    postgres_dengan(3).await
}

/// Like [`postgres`], with a pool of `koneksi` connections (a whole server under test needs a
/// few more than a storage story: its request, its audit writer, its e-mail sender).
pub async fn postgres_dengan(koneksi: u32) -> Option<TestStore> {
    let Ok(url) = std::env::var(TEST_DATABASE_URL) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {TEST_DATABASE_URL} is not: the PostgreSQL suite must run in CI"
        );
        eprintln!("{TEST_DATABASE_URL} not set: PostgreSQL test skipped");
        return None;
    };
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    // Tests migrate a fresh database in parallel, one schema each, and CREATE EXTENSION IF NOT
    // EXISTS is not safe when two sessions run it at once: the first test installs pg_trgm
    // (database-wide, in `public`) under a lock, so the migrations find it there.
    // Three round trips: statements sent together run in one transaction, and the next
    // session would take the lock before this one's extension is committed.
    for sql in [
        "SELECT pg_advisory_lock(725311)",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public",
        "SELECT pg_advisory_unlock(725311)",
    ] {
        sqlx::raw_sql(sql)
            .execute(&mut admin)
            .await
            .expect("install pg_trgm");
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut admin)
        .await
        .expect("create test schema");
    admin.close().await.ok();
    let dir = tempfile::tempdir().expect("temporary folder");
    let blobs = BlobStore::local(dir.path().join("blobs")).expect("blob folder");
    let settings = PoolSettings {
        max_connections: koneksi,
        pg_schema: Some(schema.clone()),
    };
    let store = Store::open(&url, &settings, blobs)
        .await
        .expect("open postgres store");
    Some(TestStore {
        store,
        dir,
        skema: Some(schema),
    })
}

/// Another store on the same PostgreSQL schema as `t` (a second app server), with its own
/// pool and the given blob store.
pub async fn postgres_kedua(
    t: &TestStore,
    koneksi: u32,
    blobs: BlobStore,
) -> crate::StoreResult<Store> {
    let url = std::env::var(TEST_DATABASE_URL)
        .map_err(|_| crate::StoreError::Url(format!("{TEST_DATABASE_URL} belum diatur")))?;
    let settings = PoolSettings {
        max_connections: koneksi,
        pg_schema: t.skema.clone(),
    };
    Store::open(&url, &settings, blobs).await
}

/// Runs `body` against SQLite, then against PostgreSQL when it is configured.
#[macro_export]
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let t = $crate::testing::sqlite().await;
                    super::$name(&t.store).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(t) = $crate::testing::postgres().await {
                        super::$name(&t.store).await;
                    }
                }
            )*
        }
    };
}

/// Environment variable naming an S3-compatible endpoint tests may create buckets on.
pub const TEST_S3_ENDPOINT: &str = "TEST_S3_ENDPOINT";

/// A blob store in a fresh bucket on `TEST_S3_ENDPOINT`, or None when it is not set (an error
/// under CI). The bucket is created with a plain HTTP PUT, as S3 clients do.
pub async fn s3_blobs() -> Option<(crate::BlobStore, object_store::aws::AmazonS3Builder)> {
    let Ok(endpoint) = std::env::var(TEST_S3_ENDPOINT) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {TEST_S3_ENDPOINT} is not: the S3 blob tests must run in CI"
        );
        eprintln!("{TEST_S3_ENDPOINT} not set: S3 test skipped");
        return None;
    };
    let bucket = format!("siasn-{}", uuid::Uuid::new_v4().simple());
    let hostport = endpoint
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = tokio::net::TcpStream::connect(&hostport)
        .await
        .expect("connect to TEST_S3_ENDPOINT");
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream
        .write_all(
            format!(
                "PUT /{bucket} HTTP/1.1\r\nHost: {hostport}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .await
        .expect("create bucket");
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .await
        .expect("bucket answer");
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "bucket not created: {answer}"
    );
    let builder = object_store::aws::AmazonS3Builder::new()
        .with_endpoint(endpoint)
        .with_allow_http(true)
        .with_region("us-east-1")
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_bucket_name(bucket);
    let blobs = crate::BlobStore::s3(builder.clone(), "siasn").expect("S3 blob store");
    Some((blobs, builder))
}

/// Runs engine-specific SQL on a test store: fault injection (a trigger that makes one chosen
/// step fail) to show that a use case's earlier steps are rolled back with it.
pub async fn jalankan_sql(store: &Store, sqlite: &str, postgres: &str) {
    match store.db() {
        crate::Db::Sqlite(pool) => {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sqlite.to_string()))
                .execute(pool)
                .await
                .expect("SQL uji (SQLite)");
        }
        crate::Db::Postgres(pool) => {
            sqlx::raw_sql(sqlx::AssertSqlSafe(postgres.to_string()))
                .execute(pool)
                .await
                .expect("SQL uji (PostgreSQL)");
        }
    }
}

/// Makes every insert into `tabel` fail (until [`pulihkan`]).
pub async fn gagalkan_insert(store: &Store, tabel: &str) {
    gagalkan(store, tabel, "INSERT", "TRUE").await;
}

/// Makes every update of `tabel` whose new row satisfies `kondisi` (SQL over `NEW`) fail.
pub async fn gagalkan_update(store: &Store, tabel: &str, kondisi: &str) {
    gagalkan(store, tabel, "UPDATE", kondisi).await;
}

async fn gagalkan(store: &Store, tabel: &str, aksi: &str, kondisi: &str) {
    let sqlite = format!(
        "CREATE TRIGGER uji_gagal_{tabel} BEFORE {aksi} ON {tabel} WHEN {kondisi} \
         BEGIN SELECT RAISE(ABORT, 'kegagalan uji'); END;"
    );
    let postgres = format!(
        "CREATE FUNCTION uji_gagal_{tabel}() RETURNS trigger LANGUAGE plpgsql AS \
         $$ BEGIN RAISE EXCEPTION 'kegagalan uji'; END $$; \
         CREATE TRIGGER uji_gagal_{tabel} BEFORE {aksi} ON {tabel} FOR EACH ROW \
         WHEN ({kondisi}) EXECUTE FUNCTION uji_gagal_{tabel}();"
    );
    jalankan_sql(store, &sqlite, &postgres).await;
}

/// Removes what [`gagalkan_insert`] or [`gagalkan_update`] put on `tabel`.
pub async fn pulihkan(store: &Store, tabel: &str) {
    jalankan_sql(
        store,
        &format!("DROP TRIGGER uji_gagal_{tabel};"),
        &format!("DROP TRIGGER uji_gagal_{tabel} ON {tabel}; DROP FUNCTION uji_gagal_{tabel}();"),
    )
    .await;
}
