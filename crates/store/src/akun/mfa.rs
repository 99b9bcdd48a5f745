//! The second factor: TOTP enrolment and replay guard, recovery codes (hashes only).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::on_tx;
use crate::tx::Tx;

/// Starts TOTP enrolment: stores the secret (not yet required at sign-in).
pub async fn mulai_mfa(tx: &mut Tx, akun_id: Uuid, rahasia_base32: &str) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE akun SET mfa_rahasia = $2, mfa_aktif = FALSE WHERE id = $1")
            .bind(akun_id)
            .bind(rahasia_base32)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Completes enrolment: MFA required from now on, with these recovery-code hashes.
pub async fn aktifkan_mfa(
    tx: &mut Tx,
    akun_id: Uuid,
    langkah: i64,
    kode_pemulihan_hash: &[String],
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE akun SET mfa_aktif = TRUE, mfa_langkah_terakhir = $2 WHERE id = $1")
            .bind(akun_id)
            .bind(langkah)
            .execute(&mut *c)
            .await?;
        sqlx::query("DELETE FROM kode_pemulihan WHERE akun_id = $1")
            .bind(akun_id)
            .execute(&mut *c)
            .await?;
        for h in kode_pemulihan_hash {
            sqlx::query("INSERT INTO kode_pemulihan (akun_id, hash) VALUES ($1, $2)")
                .bind(akun_id)
                .bind(h)
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

/// Removes MFA (an admin's reset): the holder enrols again at next sign-in.
pub async fn reset_mfa(tx: &mut Tx, akun_id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE akun SET mfa_aktif = FALSE, mfa_rahasia = NULL, mfa_langkah_terakhir = NULL WHERE id = $1",
        )
        .bind(akun_id)
        .execute(&mut *c)
        .await?;
        sqlx::query("DELETE FROM kode_pemulihan WHERE akun_id = $1")
            .bind(akun_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Records the TOTP step just accepted, only if it is newer (false: a replay raced us).
pub async fn catat_langkah_mfa(tx: &mut Tx, akun_id: Uuid, langkah: i64) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE akun SET mfa_langkah_terakhir = $2 WHERE id = $1 \
             AND (mfa_langkah_terakhir IS NULL OR mfa_langkah_terakhir < $2)",
        )
        .bind(akun_id)
        .bind(langkah)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}

/// Uses up a recovery code; true if it was valid and unused.
pub async fn pakai_kode_pemulihan(
    tx: &mut Tx,
    akun_id: Uuid,
    hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE kode_pemulihan SET dipakai_pada = $3 WHERE akun_id = $1 AND hash = $2 AND dipakai_pada IS NULL",
        )
        .bind(akun_id)
        .bind(hash)
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}
