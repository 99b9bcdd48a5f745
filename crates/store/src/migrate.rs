//! Schema migrations, embedded in the binary, one script per engine for each version.
//!
//! Each version is applied in one transaction that first claims the version row; a second app
//! server starting at the same time blocks on that row and then skips the version, so no advisory
//! lock is needed (distributed PostgreSQL-compatible engines lack them).

use chrono::Utc;

use crate::db::Db;
use crate::error::{StoreError, StoreResult};
use crate::on_pool;

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "dasar",
        sqlite: include_str!("../migrations/sqlite/0001_dasar.sql"),
        postgres: include_str!("../migrations/postgres/0001_dasar.sql"),
    },
    Migration {
        version: 2,
        name: "akun",
        sqlite: include_str!("../migrations/sqlite/0002_akun.sql"),
        postgres: include_str!("../migrations/postgres/0002_akun.sql"),
    },
    Migration {
        version: 3,
        name: "cari",
        sqlite: include_str!("../migrations/sqlite/0003_cari.sql"),
        postgres: include_str!("../migrations/postgres/0003_cari.sql"),
    },
    Migration {
        version: 4,
        name: "usulan",
        sqlite: include_str!("../migrations/sqlite/0004_usulan.sql"),
        postgres: include_str!("../migrations/postgres/0004_usulan.sql"),
    },
    Migration {
        version: 5,
        name: "kartu",
        sqlite: include_str!("../migrations/sqlite/0005_kartu.sql"),
        postgres: include_str!("../migrations/postgres/0005_kartu.sql"),
    },
    Migration {
        version: 6,
        name: "api",
        sqlite: include_str!("../migrations/sqlite/0006_api.sql"),
        postgres: include_str!("../migrations/postgres/0006_api.sql"),
    },
    Migration {
        version: 7,
        name: "layanan",
        sqlite: include_str!("../migrations/sqlite/0007_layanan.sql"),
        postgres: include_str!("../migrations/postgres/0007_layanan.sql"),
    },
    Migration {
        version: 8,
        name: "ttd",
        sqlite: include_str!("../migrations/sqlite/0008_ttd.sql"),
        postgres: include_str!("../migrations/postgres/0008_ttd.sql"),
    },
    Migration {
        version: 9,
        name: "dokumen_kinerja",
        sqlite: include_str!("../migrations/sqlite/0009_dokumen_kinerja.sql"),
        postgres: include_str!("../migrations/postgres/0009_dokumen_kinerja.sql"),
    },
    Migration {
        version: 10,
        name: "audit_merkle",
        sqlite: include_str!("../migrations/sqlite/0010_audit_merkle.sql"),
        postgres: include_str!("../migrations/postgres/0010_audit_merkle.sql"),
    },
    Migration {
        version: 11,
        name: "audit_masuk",
        sqlite: include_str!("../migrations/sqlite/0011_audit_masuk.sql"),
        postgres: include_str!("../migrations/postgres/0011_audit_masuk.sql"),
    },
    Migration {
        version: 12,
        name: "peristiwa",
        sqlite: include_str!("../migrations/sqlite/0012_peristiwa.sql"),
        postgres: include_str!("../migrations/postgres/0012_peristiwa.sql"),
    },
    Migration {
        version: 13,
        name: "pensiun",
        sqlite: include_str!("../migrations/sqlite/0013_pensiun.sql"),
        postgres: include_str!("../migrations/postgres/0013_pensiun.sql"),
    },
    Migration {
        version: 14,
        name: "pengingat_status",
        sqlite: include_str!("../migrations/sqlite/0014_pengingat_status.sql"),
        postgres: include_str!("../migrations/postgres/0014_pengingat_status.sql"),
    },
    Migration {
        version: 15,
        name: "formasi",
        sqlite: include_str!("../migrations/sqlite/0015_formasi.sql"),
        postgres: include_str!("../migrations/postgres/0015_formasi.sql"),
    },
    Migration {
        version: 16,
        name: "pindah_instansi",
        sqlite: include_str!("../migrations/sqlite/0016_pindah_instansi.sql"),
        postgres: include_str!("../migrations/postgres/0016_pindah_instansi.sql"),
    },
    Migration {
        version: 17,
        name: "pengadaan",
        sqlite: include_str!("../migrations/sqlite/0017_pengadaan.sql"),
        postgres: include_str!("../migrations/postgres/0017_pengadaan.sql"),
    },
];

const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// Brings the schema up to date; returns the versions applied now.
pub async fn run(db: &Db) -> StoreResult<Vec<i64>> {
    on_pool!(db, |pool| {
        sqlx::query(CREATE_TABLE).execute(pool).await?;
    });
    let mut applied = Vec::new();
    for m in MIGRATIONS {
        let newly = on_pool!(db, |pool| {
            let mut tx = pool.begin().await?;
            let claimed = sqlx::query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (version) DO NOTHING",
            )
            .bind(m.version)
            .bind(m.name)
            .bind(Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 1 {
                let script = match db {
                    Db::Sqlite(_) => m.sqlite,
                    Db::Postgres(_) => m.postgres,
                };
                sqlx::raw_sql(script).execute(&mut *tx).await.map_err(|e| {
                    StoreError::Corrupt(format!("migrasi {} ({}) gagal: {e}", m.version, m.name))
                })?;
                tx.commit().await?;
                true
            } else {
                tx.rollback().await?;
                false
            }
        });
        if newly {
            tracing::info!(version = m.version, name = m.name, "migration applied");
            applied.push(m.version);
        }
    }
    Ok(applied)
}

/// The newest schema version this binary knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}
