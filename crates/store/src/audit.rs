//! The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
//! previous entry's hash, so changing, deleting or reordering any stored entry breaks the chain
//! from that point; `verifikasi_audit` finds the first broken entry.

use chrono::{DateTime, SubsecRound, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// The hash the chain starts from.
pub const HASH_AWAL: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An event to append.
#[derive(Debug, Clone, Default)]
pub struct AuditBaru {
    /// Who acted: "akun:<id>", "klien:<id>", "sistem", "demo", ...
    pub aktor: String,
    /// What happened ("login.berhasil", "pegawai.dibuat", ...).
    pub aksi: String,
    /// The employee whose data it concerns.
    pub pegawai_id: Option<Uuid>,
    /// The account it concerns.
    pub akun_id: Option<Uuid>,
    /// Why (reason given, proposal id, ...).
    pub alasan: Option<String>,
    /// State before (never passwords or tokens).
    pub sebelum: Option<serde_json::Value>,
    /// State after (never passwords or tokens).
    pub sesudah: Option<serde_json::Value>,
    /// Network address the request came from.
    pub alamat: Option<String>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntri {
    /// Position in the chain, from 1.
    pub urutan: i64,
    /// Id.
    pub id: Uuid,
    /// When (microsecond precision, as stored).
    pub waktu: DateTime<Utc>,
    /// Who.
    pub aktor: String,
    /// What.
    pub aksi: String,
    /// About which employee.
    pub pegawai_id: Option<Uuid>,
    /// About which account.
    pub akun_id: Option<Uuid>,
    /// Why.
    pub alasan: Option<String>,
    /// Before, canonical JSON.
    pub sebelum: Option<String>,
    /// After, canonical JSON.
    pub sesudah: Option<String>,
    /// From where.
    pub alamat: Option<String>,
    /// The previous entry's hash.
    pub hash_sebelumnya: String,
    /// This entry's hash.
    pub hash: String,
}

/// Result of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifikasiAudit {
    /// Entries checked.
    pub jumlah: u64,
    /// The first broken entry and why, if any.
    pub rusak: Option<(i64, String)>,
}

pub(crate) const AUDIT_COLUMNS: &str = "urutan, id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, \
    sebelum, sesudah, alamat, hash_sebelumnya, hash";

/// The hash of an entry given the previous hash (fields as one JSON array: unambiguous).
pub fn hitung_hash(e: &AuditEntri) -> String {
    let canonical = serde_json::json!([
        e.urutan,
        e.id.to_string(),
        waktu_kanonik(e.waktu),
        e.aktor,
        e.aksi,
        e.pegawai_id.map(|u| u.to_string()),
        e.akun_id.map(|u| u.to_string()),
        e.alasan,
        e.sebelum,
        e.sesudah,
        e.alamat,
        e.hash_sebelumnya,
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

fn waktu_kanonik(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Builds the chained entries that follow `(urutan, hash)`.
fn rantai(
    mut urutan: i64,
    mut hash: String,
    events: Vec<AuditBaru>,
    now: DateTime<Utc>,
) -> Vec<AuditEntri> {
    // Both engines keep microseconds; hashing a finer time would not survive the round trip.
    let waktu = now.trunc_subsecs(6);
    events
        .into_iter()
        .map(|e| {
            urutan += 1;
            let mut entri = AuditEntri {
                urutan,
                id: Uuid::now_v7(),
                waktu,
                aktor: e.aktor,
                aksi: e.aksi,
                pegawai_id: e.pegawai_id,
                akun_id: e.akun_id,
                alasan: e.alasan,
                sebelum: e.sebelum.map(|v| v.to_string()),
                sesudah: e.sesudah.map(|v| v.to_string()),
                alamat: e.alamat,
                hash_sebelumnya: hash.clone(),
                hash: String::new(),
            };
            entri.hash = hitung_hash(&entri);
            hash = entri.hash.clone();
            entri
        })
        .collect()
}

/// Appends events inside the use case's transaction: they commit or vanish with the change
/// they describe.
pub async fn tulis(tx: &mut Tx, events: Vec<AuditBaru>, now: DateTime<Utc>) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    on_tx!(tx, |c| {
        // Taking the head row's write lock serialises appends across connections and servers.
        let (urutan, hash): (i64, String) = sqlx::query_as(
            "UPDATE audit_kepala SET urutan = urutan WHERE id = 1 RETURNING urutan, hash",
        )
        .fetch_one(&mut *c)
        .await?;
        let rows = rantai(urutan, hash, events, now);
        for chunk in rows.chunks(500) {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO audit_event (urutan, id, waktu, aktor, aksi, pegawai_id, akun_id, \
                 alasan, sebelum, sesudah, alamat, hash_sebelumnya, hash) ",
            );
            qb.push_values(chunk, |mut b, e| {
                b.push_bind(e.urutan)
                    .push_bind(e.id)
                    .push_bind(e.waktu)
                    .push_bind(e.aktor.clone())
                    .push_bind(e.aksi.clone())
                    .push_bind(e.pegawai_id)
                    .push_bind(e.akun_id)
                    .push_bind(e.alasan.clone())
                    .push_bind(e.sebelum.clone())
                    .push_bind(e.sesudah.clone())
                    .push_bind(e.alamat.clone())
                    .push_bind(e.hash_sebelumnya.clone())
                    .push_bind(e.hash.clone());
            });
            qb.build().execute(&mut *c).await?;
        }
        if let Some(last) = rows.last() {
            sqlx::query("UPDATE audit_kepala SET urutan = $1, hash = $2 WHERE id = 1")
                .bind(last.urutan)
                .bind(last.hash.clone())
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

impl Store {
    /// Appends events in their own transaction (for events not tied to another change).
    pub async fn catat_audit(&self, events: Vec<AuditBaru>) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tulis(&mut tx, events, Utc::now()).await?;
        tx.commit().await
    }

    /// Entries about one employee, newest first.
    pub async fn audit_tentang_pegawai(
        &self,
        pegawai_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<AuditEntri>> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_event WHERE pegawai_id = $1 ORDER BY urutan DESC LIMIT $2"
        );
        let rows: Vec<AuditEntri> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Entries about one account, newest first.
    pub async fn audit_tentang_akun(
        &self,
        akun_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<AuditEntri>> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_event WHERE akun_id = $1 ORDER BY urutan DESC LIMIT $2"
        );
        let rows: Vec<AuditEntri> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(akun_id)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Checks the whole chain in order; names the first entry that does not fit.
    pub async fn verifikasi_audit(&self) -> StoreResult<VerifikasiAudit> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_event WHERE urutan > $1 ORDER BY urutan LIMIT 2000"
        );
        let mut last_urutan = 0_i64;
        let mut last_hash = HASH_AWAL.to_string();
        let mut jumlah = 0_u64;
        loop {
            let rows: Vec<AuditEntri> = on_pool!(self.db(), |pool| {
                sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(last_urutan)
                    .fetch_all(pool)
                    .await?
            });
            if rows.is_empty() {
                break;
            }
            for e in rows {
                jumlah += 1;
                let rusak = if e.urutan != last_urutan + 1 {
                    Some(format!(
                        "urutan melompat dari {last_urutan} ke {} (entri hilang)",
                        e.urutan
                    ))
                } else if e.hash_sebelumnya != last_hash {
                    Some("tidak menyambung ke entri sebelumnya".to_string())
                } else if hitung_hash(&e) != e.hash {
                    Some("isi entri tidak cocok dengan hash-nya (diubah)".to_string())
                } else {
                    None
                };
                if let Some(alasan) = rusak {
                    return Ok(VerifikasiAudit {
                        jumlah,
                        rusak: Some((e.urutan, alasan)),
                    });
                }
                last_urutan = e.urutan;
                last_hash = e.hash;
            }
        }
        let (kepala_urutan, kepala_hash): (i64, String) = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT urutan, hash FROM audit_kepala WHERE id = 1")
                .fetch_one(pool)
                .await?
        });
        if kepala_urutan != last_urutan || kepala_hash != last_hash {
            return Ok(VerifikasiAudit {
                jumlah,
                rusak: Some((
                    last_urutan + 1,
                    format!(
                        "entri terakhir ({last_urutan}) bukan kepala rantai ({kepala_urutan}): entri di akhir hilang"
                    ),
                )),
            });
        }
        Ok(VerifikasiAudit {
            jumlah,
            rusak: None,
        })
    }
}
