//! One-time tokens for activation and forgotten passwords (only their hashes are stored).

use chrono::{DateTime, Utc};
use siasn_domain::akun::{JenisToken, TokenAkun};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

type TokenRow = (String, Uuid, DateTime<Utc>, i32);

impl Store {
    /// The account's open token, if any.
    pub async fn token_terbuka(&self, akun_id: Uuid) -> StoreResult<Option<TokenAkun>> {
        let row: Option<TokenRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT hash, akun_id, kedaluwarsa, percobaan FROM token_akun \
                 WHERE akun_id = $1 AND dipakai_pada IS NULL ORDER BY dibuat_pada DESC LIMIT 1",
            )
            .bind(akun_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(
            row.map(|(hash, akun_id, kedaluwarsa, percobaan)| TokenAkun {
                hash,
                akun_id,
                kedaluwarsa,
                percobaan,
            }),
        )
    }
}

/// Uses up every open token of the account.
pub async fn tutup_token(tx: &mut Tx, akun_id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE token_akun SET dipakai_pada = $2 WHERE akun_id = $1 AND dipakai_pada IS NULL",
        )
        .bind(akun_id)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Stores a new token (hash only), voiding the account's earlier open tokens of any kind.
pub async fn simpan_token(
    tx: &mut Tx,
    akun_id: Uuid,
    jenis: JenisToken,
    hash: &str,
    now: DateTime<Utc>,
    kedaluwarsa: DateTime<Utc>,
) -> StoreResult<()> {
    tutup_token(tx, akun_id, now).await?;
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO token_akun (hash, akun_id, jenis, dibuat_pada, kedaluwarsa) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash)
        .bind(akun_id)
        .bind(jenis.kode())
        .bind(now)
        .bind(kedaluwarsa)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Counts a wrong token entry; voids the token once `maks` is reached.
pub async fn catat_token_salah(
    tx: &mut Tx,
    hash: &str,
    maks: i32,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE token_akun SET percobaan = percobaan + 1, \
             dipakai_pada = CASE WHEN percobaan + 1 >= $2 THEN $3 ELSE dipakai_pada END WHERE hash = $1",
        )
        .bind(hash)
        .bind(maks)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}
