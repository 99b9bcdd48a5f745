//! The outgoing e-mail queue. Requests only enqueue; a background sender delivers and retries,
//! so a slow mail server never slows a page.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// Delivery state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusEmail {
    /// Waiting to be sent (or to be retried).
    Menunggu,
    /// Claimed by a sender right now.
    Dikirim,
    /// Accepted by the mail server (or written to the outbox folder).
    Terkirim,
    /// Given up after the last retry.
    Gagal,
}

impl StatusEmail {
    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Menunggu => "MENUNGGU",
            Self::Dikirim => "DIKIRIM",
            Self::Terkirim => "TERKIRIM",
            Self::Gagal => "GAGAL",
        }
    }

    fn from_kode(k: &str) -> Self {
        match k {
            "DIKIRIM" => Self::Dikirim,
            "TERKIRIM" => Self::Terkirim,
            "GAGAL" => Self::Gagal,
            _ => Self::Menunggu,
        }
    }
}

/// A message to send.
#[derive(Debug, Clone)]
pub struct EmailBaru {
    /// Account concerned.
    pub akun_id: Option<Uuid>,
    /// Employee concerned (for the admin's delivery view).
    pub pegawai_id: Option<Uuid>,
    /// Recipient address.
    pub ke: String,
    /// Subject.
    pub subjek: String,
    /// Plain-text body.
    pub isi: String,
}

/// A queued message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailKeluar {
    /// Id.
    pub id: Uuid,
    /// Recipient.
    pub ke: String,
    /// Subject.
    pub subjek: String,
    /// Body.
    pub isi: String,
    /// State.
    pub status: StatusEmail,
    /// Attempts so far.
    pub percobaan: i32,
    /// Last error.
    pub galat: Option<String>,
    /// Queued at.
    pub dibuat_pada: DateTime<Utc>,
    /// Delivered at.
    pub terkirim_pada: Option<DateTime<Utc>>,
}

type EmailRow = (
    Uuid,
    String,
    String,
    String,
    String,
    i32,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

fn from_row(r: EmailRow) -> EmailKeluar {
    EmailKeluar {
        id: r.0,
        ke: r.1,
        subjek: r.2,
        isi: r.3,
        status: StatusEmail::from_kode(&r.4),
        percobaan: r.5,
        galat: r.6,
        dibuat_pada: r.7,
        terkirim_pada: r.8,
    }
}

const EMAIL_COLUMNS: &str =
    "id, ke, subjek, isi, status, percobaan, galat, dibuat_pada, terkirim_pada";

/// Queues a message in the use case's transaction: it is sent only if the change it reports
/// commits.
pub async fn antre(tx: &mut Tx, e: &EmailBaru, now: DateTime<Utc>) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO email_keluar (id, akun_id, pegawai_id, ke, subjek, isi, status, coba_pada, dibuat_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, 'MENUNGGU', $7, $7)",
        )
        .bind(id)
        .bind(e.akun_id)
        .bind(e.pegawai_id)
        .bind(&e.ke)
        .bind(&e.subjek)
        .bind(&e.isi)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(id)
}

/// Queues a message to an employee's registered address, if they have one (the address is
/// read in the same statement, so it is the one on record when the change commits).
pub async fn antre_ke_pegawai(
    tx: &mut Tx,
    pegawai_id: Uuid,
    subjek: &str,
    isi: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO email_keluar (id, akun_id, pegawai_id, ke, subjek, isi, status, coba_pada, dibuat_pada) \
             SELECT $1, (SELECT a.id FROM akun a WHERE a.pegawai_id = p.id), p.id, p.email, $2, $3, \
             'MENUNGGU', $4, $4 FROM pegawai p WHERE p.id = $5 AND p.email IS NOT NULL",
        )
        .bind(Uuid::now_v7())
        .bind(subjek)
        .bind(isi)
        .bind(now)
        .bind(pegawai_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

impl Store {
    /// Claims up to `batas` messages due now. A claim lasts `sewa_sampai`; a sender that dies
    /// leaves its claims to expire and be picked up again by another server.
    pub async fn klaim_email(
        &self,
        now: DateTime<Utc>,
        sewa_sampai: DateTime<Utc>,
        batas: u32,
    ) -> StoreResult<Vec<EmailKeluar>> {
        let sql = format!(
            "SELECT {EMAIL_COLUMNS} FROM email_keluar WHERE status IN ('MENUNGGU', 'DIKIRIM') \
             AND coba_pada <= $1 ORDER BY coba_pada LIMIT $2"
        );
        let due: Vec<EmailRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(now)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        let mut claimed = Vec::new();
        for row in due {
            let e = from_row(row);
            // Optimistic claim: only one server wins each row.
            let won = on_pool!(self.db(), |pool| {
                sqlx::query(
                    "UPDATE email_keluar SET status = 'DIKIRIM', coba_pada = $3 \
                     WHERE id = $1 AND status IN ('MENUNGGU', 'DIKIRIM') AND coba_pada <= $2",
                )
                .bind(e.id)
                .bind(now)
                .bind(sewa_sampai)
                .execute(pool)
                .await?
                .rows_affected()
            });
            if won == 1 {
                claimed.push(e);
            }
        }
        Ok(claimed)
    }

    /// Marks a message delivered.
    pub async fn email_terkirim(&self, id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE email_keluar SET status = 'TERKIRIM', terkirim_pada = $2, percobaan = percobaan + 1, galat = NULL WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt: retried at `coba_lagi`, or given up when None.
    pub async fn email_gagal(
        &self,
        id: Uuid,
        galat: &str,
        coba_lagi: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            match coba_lagi {
                Some(t) => {
                    sqlx::query(
                        "UPDATE email_keluar SET status = 'MENUNGGU', percobaan = percobaan + 1, galat = $2, coba_pada = $3 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(galat)
                    .bind(t)
                    .execute(pool)
                    .await?;
                }
                None => {
                    sqlx::query(
                        "UPDATE email_keluar SET status = 'GAGAL', percobaan = percobaan + 1, galat = $2 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(galat)
                    .execute(pool)
                    .await?;
                }
            }
        });
        Ok(())
    }

    /// The latest messages about an employee, newest first (for the agency admin).
    pub async fn email_pegawai(
        &self,
        pegawai_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<EmailKeluar>> {
        let sql = format!(
            "SELECT {EMAIL_COLUMNS} FROM email_keluar WHERE pegawai_id = $1 ORDER BY dibuat_pada DESC LIMIT $2"
        );
        let rows: Vec<EmailRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(from_row).collect())
    }
}
