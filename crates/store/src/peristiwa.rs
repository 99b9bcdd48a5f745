//! The outbox of events for partners (decision 0019), its sequencing, the relay's cursors and
//! registered webhooks with their dead letters.

use chrono::{DateTime, SubsecRound, Utc};
use siasn_domain::peristiwa::{KelasPeristiwa, kelas_aksi};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// One sequenced event, as partners receive it (plus what filtering needs).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Peristiwa {
    /// Id (the audit entry's id: the event and its audit entry are one fact).
    pub id: Uuid,
    /// Position in the feed (from 1, without gaps).
    pub posisi: i64,
    /// When.
    pub waktu: DateTime<Utc>,
    /// What it is about ([`KelasPeristiwa::kode`]).
    pub kelas: String,
    /// The audited action ("pegawai.diubah", "layanan.ajukan", …).
    pub aksi: String,
    /// Who acted ("akun:<id>", "klien:<id>/akun:<id>", "sistem").
    pub aktor: String,
    /// About which employee.
    pub pegawai_id: Option<Uuid>,
    /// That employee's NIP now (None when the record is gone).
    pub nip: Option<String>,
    /// The employee's parent agency when the event happened.
    pub instansi_induk_id: Option<String>,
    /// The employee's working agency when the event happened.
    pub instansi_kerja_id: Option<String>,
}

/// Which events a reader may see.
#[derive(Debug, Clone, Default)]
pub struct SaringPeristiwa {
    /// Only events about employees of this agency (parent or working); None: all.
    pub instansi: Option<String>,
    /// Only these kinds; empty: none.
    pub kelas: Vec<KelasPeristiwa>,
}

/// What an audited action says about itself, from which its event (if any) is made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tindakan<'a> {
    /// The audit entry's id (the event shares it).
    pub id: Uuid,
    /// When.
    pub waktu: DateTime<Utc>,
    /// The audited action.
    pub aksi: &'a str,
    /// Who acted.
    pub aktor: &'a str,
    /// About which employee.
    pub pegawai_id: Option<Uuid>,
}

/// Appends the events the audited actions imply, in the same transaction (one statement per
/// 500 events; the employee's agencies are read by the same statement).
pub(crate) async fn tulis_dari_audit(tx: &mut Tx, tindakan: &[Tindakan<'_>]) -> StoreResult<()> {
    let baru: Vec<(&Tindakan<'_>, KelasPeristiwa)> = tindakan
        .iter()
        .filter_map(|e| kelas_aksi(e.aksi).map(|k| (e, k)))
        .collect();
    for chunk in baru.chunks(500) {
        on_tx!(&mut *tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO peristiwa (id, waktu, kelas, aksi, aktor, pegawai_id, \
                 instansi_induk_id, instansi_kerja_id) \
                 WITH v (id, waktu, kelas, aksi, aktor, pegawai_id) AS (",
            );
            qb.push_values(chunk, |mut b, (e, kelas)| {
                b.push_bind(e.id)
                    .push_bind(e.waktu)
                    .push_bind(kelas.kode())
                    .push_bind(e.aksi.to_string())
                    .push_bind(e.aktor.to_string())
                    .push_bind(e.pegawai_id);
            });
            qb.push(
                ") SELECT v.id, v.waktu, v.kelas, v.aksi, v.aktor, v.pegawai_id, \
                 p.instansi_induk_id, p.instansi_kerja_id FROM v LEFT JOIN pegawai p ON p.id = v.pegawai_id",
            );
            qb.build().execute(&mut *c).await?;
        });
    }
    Ok(())
}

const KOLOM: &str = "e.id, e.posisi, e.waktu, e.kelas, e.aksi, e.aktor, e.pegawai_id, \
    p.nip, e.instansi_induk_id, e.instansi_kerja_id";

/// A registered webhook.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Webhook {
    /// Id.
    pub id: Uuid,
    /// The partner client it delivers for.
    pub klien_id: Uuid,
    /// Where bodies are POSTed.
    pub url: String,
    /// The HMAC key.
    pub rahasia: String,
    /// Whether it delivers.
    pub aktif: bool,
    /// Delivered (or dead-lettered) up to this position.
    pub posisi: i64,
    /// Failed attempts at the next event.
    pub percobaan: i32,
    /// Not before this time (after a failure).
    pub coba_lagi_pada: Option<DateTime<Utc>>,
    /// The last failure, for the admin.
    pub galat_terakhir: Option<String>,
    /// When registered.
    pub dibuat_pada: DateTime<Utc>,
}

/// An event a webhook gave up on.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WebhookGagal {
    /// The webhook.
    pub webhook_id: Uuid,
    /// The event's position.
    pub posisi: i64,
    /// Attempts made.
    pub percobaan: i32,
    /// The last failure.
    pub galat: String,
    /// When it was given up.
    pub waktu: DateTime<Utc>,
}

const KOLOM_WEBHOOK: &str = "id, klien_id, url, rahasia, aktif, posisi, percobaan, \
    coba_lagi_pada, galat_terakhir, dibuat_pada";

/// Registers a webhook (in the admin's transaction, beside its audit entry).
pub async fn tambah_webhook(tx: &mut Tx, w: &Webhook) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO webhook (id, klien_id, url, rahasia, aktif, posisi, percobaan, \
             coba_lagi_pada, galat_terakhir, dibuat_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, NULL, NULL, $7)",
        )
        .bind(w.id)
        .bind(w.klien_id)
        .bind(w.url.clone())
        .bind(w.rahasia.clone())
        .bind(w.aktif)
        .bind(w.posisi)
        .bind(w.dibuat_pada.trunc_subsecs(6))
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Turns a webhook on or off.
pub async fn ubah_status_webhook(tx: &mut Tx, id: Uuid, aktif: bool) -> StoreResult<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query("UPDATE webhook SET aktif = $2 WHERE id = $1")
            .bind(id)
            .bind(aktif)
            .execute(&mut *c)
            .await?
            .rows_affected()
    });
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Sends a webhook back to just before `posisi`: it delivers again from there, and dead
/// letters from there on are cleared (they will be tried again).
pub async fn putar_ulang_webhook(tx: &mut Tx, id: Uuid, posisi: i64) -> StoreResult<()> {
    let dari = posisi.max(1) - 1;
    let n = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE webhook SET posisi = $2, percobaan = 0, coba_lagi_pada = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(dari)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    on_tx!(&mut *tx, |c| {
        sqlx::query("DELETE FROM webhook_gagal WHERE webhook_id = $1 AND posisi > $2")
            .bind(id)
            .bind(dari)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

impl Store {
    /// Gives up to `batas` waiting events their positions, in one transaction; returns how
    /// many. Positions continue from the highest; the unique index makes a second sequencer
    /// (a lease that lapsed under a paused server) fail instead of reusing one.
    pub async fn urutkan_peristiwa(&self, batas: u32) -> StoreResult<u64> {
        let mut tx = self.begin().await?;
        let (maks,): (Option<i64>,) = on_tx!(&mut tx, |c| {
            sqlx::query_as("SELECT MAX(posisi) FROM peristiwa WHERE posisi IS NOT NULL")
                .fetch_one(&mut *c)
                .await?
        });
        let ids: Vec<(Uuid,)> = on_tx!(&mut tx, |c| {
            sqlx::query_as("SELECT id FROM peristiwa WHERE posisi IS NULL ORDER BY id LIMIT $1")
                .bind(i64::from(batas))
                .fetch_all(&mut *c)
                .await?
        });
        if ids.is_empty() {
            tx.rollback().await?;
            return Ok(0);
        }
        let awal = maks.unwrap_or(0) + 1;
        match &mut tx {
            Tx::Postgres(t) => {
                let ids: Vec<Uuid> = ids.iter().map(|(id,)| *id).collect();
                sqlx::query(
                    "UPDATE peristiwa SET posisi = v.posisi FROM \
                     (SELECT id, $2 + ROW_NUMBER() OVER (ORDER BY id) - 1 AS posisi \
                      FROM UNNEST($1::uuid[]) AS u (id)) AS v \
                     WHERE peristiwa.id = v.id AND peristiwa.posisi IS NULL",
                )
                .bind(&ids)
                .bind(awal)
                .execute(&mut **t)
                .await?;
            }
            Tx::Sqlite(t) => {
                for (i, (id,)) in ids.iter().enumerate() {
                    sqlx::query(
                        "UPDATE peristiwa SET posisi = $2 WHERE id = $1 AND posisi IS NULL",
                    )
                    .bind(id)
                    .bind(awal + i64::try_from(i).unwrap_or(i64::MAX - awal))
                    .execute(&mut **t)
                    .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    /// Up to `batas` sequenced events after position `sejak` (and up to `sampai`), in order,
    /// that `saring` lets through (None: every event).
    pub async fn peristiwa_sejak(
        &self,
        sejak: i64,
        sampai: Option<i64>,
        batas: u32,
        saring: Option<&SaringPeristiwa>,
    ) -> StoreResult<Vec<Peristiwa>> {
        Ok(on_pool!(self.db(), |pool| {
            let mut qb = sqlx::QueryBuilder::new(format!(
                "SELECT {KOLOM} FROM peristiwa e LEFT JOIN pegawai p ON p.id = e.pegawai_id \
                     WHERE e.posisi > "
            ));
            qb.push_bind(sejak);
            if let Some(sampai) = sampai {
                qb.push(" AND e.posisi <= ").push_bind(sampai);
            }
            if let Some(s) = saring {
                if let Some(i) = &s.instansi {
                    qb.push(" AND (e.instansi_induk_id = ")
                        .push_bind(i.clone())
                        .push(" OR e.instansi_kerja_id = ")
                        .push_bind(i.clone())
                        .push(")");
                }
                if s.kelas.is_empty() {
                    qb.push(" AND 1 = 0");
                } else {
                    qb.push(" AND e.kelas IN (");
                    let mut daftar = qb.separated(", ");
                    for k in &s.kelas {
                        daftar.push_bind(k.kode());
                    }
                    qb.push(")");
                }
            }
            qb.push(" ORDER BY e.posisi LIMIT ")
                .push_bind(i64::from(batas));
            qb.build_query_as::<Peristiwa>().fetch_all(pool).await?
        }))
    }

    /// The highest sequenced position (0 when none).
    pub async fn posisi_peristiwa_terakhir(&self) -> StoreResult<i64> {
        let (p,): (Option<i64>,) = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT MAX(posisi) FROM peristiwa WHERE posisi IS NOT NULL")
                .fetch_one(pool)
                .await?
        });
        Ok(p.unwrap_or(0))
    }

    /// Events still waiting for a position.
    pub async fn peristiwa_menunggu(&self) -> StoreResult<i64> {
        let (n,): (i64,) = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT COUNT(*) FROM peristiwa WHERE posisi IS NULL")
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// How far a relay target has delivered (0 when it never has).
    pub async fn kursor_peristiwa(&self, tujuan: &str) -> StoreResult<i64> {
        let row: Option<(i64,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT posisi FROM peristiwa_kursor WHERE tujuan = $1")
                .bind(tujuan)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map_or(0, |(p,)| p))
    }

    /// Records that a relay target delivered up to `posisi`.
    pub async fn simpan_kursor_peristiwa(&self, tujuan: &str, posisi: i64) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO peristiwa_kursor (tujuan, posisi) VALUES ($1, $2) \
                 ON CONFLICT (tujuan) DO UPDATE SET posisi = excluded.posisi",
            )
            .bind(tujuan)
            .bind(posisi)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// One webhook.
    pub async fn webhook(&self, id: Uuid) -> StoreResult<Webhook> {
        let sql = format!("SELECT {KOLOM_WEBHOOK} FROM webhook WHERE id = $1");
        let w: Option<Webhook> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        w.ok_or(StoreError::NotFound)
    }

    /// Webhooks, of one client or of all, oldest first.
    pub async fn daftar_webhook(&self, klien_id: Option<Uuid>) -> StoreResult<Vec<Webhook>> {
        let sql = format!(
            "SELECT {KOLOM_WEBHOOK} FROM webhook WHERE ($1 IS NULL OR klien_id = $1) \
             ORDER BY dibuat_pada, id"
        );
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(klien_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Active webhooks whose next attempt is due.
    pub async fn webhook_jatuh_tempo(&self, now: DateTime<Utc>) -> StoreResult<Vec<Webhook>> {
        let sql = format!(
            "SELECT {KOLOM_WEBHOOK} FROM webhook WHERE aktif = $1 \
             AND (coba_lagi_pada IS NULL OR coba_lagi_pada <= $2) ORDER BY id"
        );
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(true)
                .bind(now.trunc_subsecs(6))
                .fetch_all(pool)
                .await?
        }))
    }

    /// A webhook delivered (or skipped as not its business) everything up to `posisi`. Only
    /// moves forward from `dari`, so a replay set meanwhile by an admin is not overwritten.
    /// False when it had moved (nothing changed).
    pub async fn webhook_maju(&self, id: Uuid, dari: i64, posisi: i64) -> StoreResult<bool> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE webhook SET posisi = $3, percobaan = 0, coba_lagi_pada = NULL, \
                 galat_terakhir = NULL WHERE id = $1 AND posisi = $2",
            )
            .bind(id)
            .bind(dari)
            .bind(posisi)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// A delivery at the webhook's next event failed; try again at `coba_lagi_pada`.
    pub async fn webhook_gagal_kirim(
        &self,
        id: Uuid,
        dari: i64,
        percobaan: i32,
        coba_lagi_pada: DateTime<Utc>,
        galat: &str,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE webhook SET percobaan = $3, coba_lagi_pada = $4, galat_terakhir = $5 \
                 WHERE id = $1 AND posisi = $2",
            )
            .bind(id)
            .bind(dari)
            .bind(percobaan)
            .bind(coba_lagi_pada.trunc_subsecs(6))
            .bind(galat)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Gives up on the event at `posisi` after `percobaan` attempts: it goes to the dead-letter
    /// list and the webhook moves on (one transaction).
    pub async fn webhook_menyerah(
        &self,
        id: Uuid,
        dari: i64,
        posisi: i64,
        percobaan: i32,
        galat: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |c| {
            sqlx::query(
                "UPDATE webhook SET posisi = $2, percobaan = 0, coba_lagi_pada = NULL, \
                 galat_terakhir = $3 WHERE id = $1 AND posisi = $4",
            )
            .bind(id)
            .bind(posisi)
            .bind(galat)
            .bind(dari)
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        if n == 1 {
            on_tx!(&mut tx, |c| {
                sqlx::query(
                    "INSERT INTO webhook_gagal (webhook_id, posisi, percobaan, galat, waktu) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (webhook_id, posisi) DO UPDATE \
                     SET percobaan = excluded.percobaan, galat = excluded.galat, waktu = excluded.waktu",
                )
                .bind(id)
                .bind(posisi)
                .bind(percobaan)
                .bind(galat)
                .bind(now.trunc_subsecs(6))
                .execute(&mut *c)
                .await?;
            });
        }
        tx.commit().await
    }

    /// A webhook's dead letters, newest first.
    pub async fn daftar_webhook_gagal(
        &self,
        webhook_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<WebhookGagal>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT webhook_id, posisi, percobaan, galat, waktu FROM webhook_gagal \
                 WHERE webhook_id = $1 ORDER BY posisi DESC LIMIT $2",
            )
            .bind(webhook_id)
            .bind(i64::from(batas))
            .fetch_all(pool)
            .await?
        }))
    }
}
