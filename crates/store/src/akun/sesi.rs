//! Server-side sessions, shared by every app server through the database. Only a hash of the
//! session id is stored, so a database leak does not hand out live sessions.

use chrono::{DateTime, Utc};
use siasn_domain::akun::{Sesi, TahapSesi};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

type SesiRow = (
    String,
    Uuid,
    String,
    String,
    bool,
    DateTime<Utc>,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
);

fn from_row(r: SesiRow) -> Sesi {
    Sesi {
        id_hash: r.0,
        akun_id: r.1,
        tahap: TahapSesi::from_kode(&r.2),
        csrf: r.3,
        ingat_saya: r.4,
        dibuat_pada: r.5,
        aktif_pada: r.6,
        batas_mutlak: r.7,
        alamat: r.8,
        perangkat: r.9,
    }
}

const SESI_COLUMNS: &str = "id_hash, akun_id, tahap, csrf, ingat_saya, dibuat_pada, aktif_pada, \
    batas_mutlak, alamat, perangkat";

impl Store {
    /// The session with this id hash.
    pub async fn sesi(&self, id_hash: &str) -> StoreResult<Option<Sesi>> {
        let sql = format!("SELECT {SESI_COLUMNS} FROM sesi WHERE id_hash = $1");
        let row: Option<SesiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id_hash)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(from_row))
    }

    /// The account's sessions, most recently active first.
    pub async fn daftar_sesi(&self, akun_id: Uuid) -> StoreResult<Vec<Sesi>> {
        let sql = format!(
            "SELECT {SESI_COLUMNS} FROM sesi WHERE akun_id = $1 ORDER BY aktif_pada DESC LIMIT 100"
        );
        let rows: Vec<SesiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(akun_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(from_row).collect())
    }

    /// Marks activity. A single statement outside any use case: it runs on most requests (at
    /// most once a minute per session), changes no personnel data and needs no audit.
    pub async fn sentuh_sesi(&self, id_hash: &str, now: DateTime<Utc>) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("UPDATE sesi SET aktif_pada = $2 WHERE id_hash = $1")
                .bind(id_hash)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Ends a session found past its limits (a single statement, like [`Self::sentuh_sesi`]).
    pub async fn hapus_sesi_berakhir(&self, id_hash: &str) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM sesi WHERE id_hash = $1")
                .bind(id_hash)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Deletes sessions past their limits (housekeeping).
    pub async fn hapus_sesi_kedaluwarsa(
        &self,
        now: DateTime<Utc>,
        idle_sebelum: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM sesi WHERE batas_mutlak < $1 OR (ingat_saya = FALSE AND aktif_pada < $2)")
                .bind(now)
                .bind(idle_sebelum)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(n)
    }
}

/// Stores a new session.
pub async fn buat_sesi(tx: &mut Tx, s: &Sesi) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO sesi (id_hash, akun_id, tahap, csrf, ingat_saya, dibuat_pada, aktif_pada, \
             batas_mutlak, alamat, perangkat) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&s.id_hash)
        .bind(s.akun_id)
        .bind(s.tahap.kode())
        .bind(&s.csrf)
        .bind(s.ingat_saya)
        .bind(s.dibuat_pada)
        .bind(s.aktif_pada)
        .bind(s.batas_mutlak)
        .bind(&s.alamat)
        .bind(&s.perangkat)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Gives a session a new id and CSRF token as its privilege rises (the second factor done):
/// an id seen before, at the password step, no longer opens anything. False if the session
/// is gone.
pub async fn ganti_id_sesi(
    tx: &mut Tx,
    id_hash_lama: &str,
    id_hash_baru: &str,
    csrf_baru: &str,
    tahap: TahapSesi,
) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query("UPDATE sesi SET id_hash = $2, csrf = $3, tahap = $4 WHERE id_hash = $1")
            .bind(id_hash_lama)
            .bind(id_hash_baru)
            .bind(csrf_baru)
            .bind(tahap.kode())
            .execute(&mut *c)
            .await?
            .rows_affected()
    });
    Ok(n == 1)
}

/// Ends one session.
pub async fn hapus_sesi(tx: &mut Tx, id_hash: &str) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM sesi WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Ends every session of the account but `kecuali` (all of them with None); returns how many.
pub async fn hapus_sesi_akun(
    tx: &mut Tx,
    akun_id: Uuid,
    kecuali: Option<&str>,
) -> StoreResult<u64> {
    let n = on_tx!(tx, |c| {
        sqlx::query("DELETE FROM sesi WHERE akun_id = $1 AND id_hash <> $2")
            .bind(akun_id)
            .bind(kecuali.unwrap_or(""))
            .execute(&mut *c)
            .await?
            .rows_affected()
    });
    Ok(n)
}
