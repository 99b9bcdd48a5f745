//! The audit log: a Merkle tree in the manner of Certificate Transparency (decision 0017).
//!
//! - A use case appends its events inside its own transaction ([`tulis`]): plain inserts, no
//!   shared row to lock, so writers never queue behind each other's commits.
//! - Each entry carries a MAC under a key the app servers hold outside the database, so an entry
//!   inserted by someone who can only write the database is recognisable.
//! - A sequencer (one at a time across app servers, by a lease) gives committed entries their
//!   positions in batches ([`Store::urutkan_audit`]) and keeps the tree's perfect subtrees for
//!   proofs; the app layer signs tree heads and publishes them outside the database.

mod pohon;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use chrono::{DateTime, SubsecRound, Utc};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use siasn_domain::merkle::{self, Frontier, Hash};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

use pohon::i64_dari;
pub use pohon::{HasilUrut, KepalaTertanda, PohonAudit};

type HmacSha256 = Hmac<Sha256>;

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
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize, Deserialize)]
pub struct AuditEntri {
    /// Id (UUIDv7: time-ordered).
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
    /// Which MAC key signed it ("" only for entries carried over from the hash chain, which
    /// are valid only as the log's first entries).
    pub kunci_mac: String,
    /// HMAC-SHA256 of the entry's fields, hex.
    pub mac: String,
    /// Position in the tree (from 0), once sequenced.
    #[serde(default)]
    pub posisi: Option<i64>,
}

impl AuditEntri {
    /// The fields the MAC covers, as one JSON array (unambiguous).
    fn isi_bertanda(&self) -> String {
        serde_json::json!([
            self.id.to_string(),
            waktu_kanonik(self.waktu),
            self.aktor,
            self.aksi,
            self.pegawai_id.map(|u| u.to_string()),
            self.akun_id.map(|u| u.to_string()),
            self.alasan,
            self.sebelum,
            self.sesudah,
            self.alamat,
            self.kunci_mac,
        ])
        .to_string()
    }

    /// The leaf's bytes: the MAC-covered fields, a line break, the MAC. Unambiguous: JSON text
    /// never holds a raw line break, and the MAC is hex.
    fn data_daun_dari(isi: &str, mac: &str) -> Vec<u8> {
        let mut b = Vec::with_capacity(isi.len() + 1 + mac.len());
        b.extend_from_slice(isi.as_bytes());
        b.push(b'\n');
        b.extend_from_slice(mac.as_bytes());
        b
    }

    /// The leaf's bytes.
    pub fn data_daun(&self) -> Vec<u8> {
        Self::data_daun_dari(&self.isi_bertanda(), &self.mac)
    }

    /// The leaf hash of this entry, computed from its content (never read from storage).
    pub fn hash_daun(&self) -> Hash {
        merkle::hash_daun(&self.data_daun())
    }

    /// Whether the MAC verifies under `cincin`, and the leaf hash, from one canonical form.
    pub fn periksa(&self, cincin: &CincinMac) -> (bool, Hash) {
        let isi = self.isi_bertanda();
        let sah = cincin.sah_isi(&self.kunci_mac, &self.mac, &isi);
        (
            sah,
            merkle::hash_daun(&Self::data_daun_dari(&isi, &self.mac)),
        )
    }
}

fn waktu_kanonik(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// One MAC key.
#[derive(Clone)]
pub struct KunciMac {
    /// Its id, stored in every entry it signs.
    pub id: String,
    /// 32 secret bytes.
    pub rahasia: [u8; 32],
}

impl std::fmt::Debug for KunciMac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KunciMac").field("id", &self.id).finish()
    }
}

/// The MAC keys this process knows: the newest signs, all verify (rotation).
#[derive(Debug, Clone)]
pub struct CincinMac {
    aktif: KunciMac,
    semua: HashMap<String, [u8; 32]>,
}

impl CincinMac {
    /// A keyring; `None` without keys. The key with the greatest id signs.
    pub fn baru(kunci: Vec<KunciMac>) -> Option<Self> {
        let aktif = kunci.iter().max_by(|a, b| a.id.cmp(&b.id))?.clone();
        let semua = kunci.into_iter().map(|k| (k.id, k.rahasia)).collect();
        Some(Self { aktif, semua })
    }

    /// A random key for a process that was given none (tests, throwaway databases).
    fn sementara() -> Self {
        let mut rahasia = [0u8; 32];
        rahasia.copy_from_slice(&Uuid::new_v4().into_bytes().repeat(2));
        let aktif = KunciMac {
            id: format!("sementara-{}", Uuid::new_v4().simple()),
            rahasia,
        };
        Self {
            semua: HashMap::from([(aktif.id.clone(), aktif.rahasia)]),
            aktif,
        }
    }

    fn hitung(&self, rahasia: &[u8; 32], isi: &str) -> String {
        // HMAC accepts keys of any length, so this cannot fail for 32 bytes.
        match HmacSha256::new_from_slice(rahasia) {
            Ok(mut m) => {
                m.update(isi.as_bytes());
                hex::encode(m.finalize().into_bytes())
            }
            Err(_) => String::new(),
        }
    }

    fn tandai(&self, e: &mut AuditEntri) {
        e.kunci_mac = self.aktif.id.clone();
        e.mac = self.hitung(&self.aktif.rahasia, &e.isi_bertanda());
    }

    /// Whether this keyring holds the key with this id.
    pub fn punya(&self, id: &str) -> bool {
        self.semua.contains_key(id)
    }

    /// Whether the entry's MAC was made by one of these keys over its current content.
    pub fn sah(&self, e: &AuditEntri) -> bool {
        self.sah_isi(&e.kunci_mac, &e.mac, &e.isi_bertanda())
    }

    fn sah_isi(&self, kunci: &str, mac: &str, isi: &str) -> bool {
        let Some(rahasia) = self.semua.get(kunci) else {
            return false;
        };
        let Ok(mut m) = HmacSha256::new_from_slice(rahasia) else {
            return false;
        };
        m.update(isi.as_bytes());
        hex::decode(mac).is_ok_and(|mac| m.verify_slice(&mac).is_ok())
    }
}

fn tempat_cincin() -> &'static RwLock<Arc<CincinMac>> {
    static CINCIN: OnceLock<RwLock<Arc<CincinMac>>> = OnceLock::new();
    CINCIN.get_or_init(|| RwLock::new(Arc::new(CincinMac::sementara())))
}

/// Sets the MAC keys of this process (the binary does this from the audit key folder before it
/// opens the store). Without it a random key is used, which only suits throwaway databases.
pub fn pasang_kunci_mac(cincin: CincinMac) {
    if let Ok(mut c) = tempat_cincin().write() {
        *c = Arc::new(cincin);
    }
}

/// The MAC keys in use.
pub fn cincin_mac() -> Arc<CincinMac> {
    match tempat_cincin().read() {
        Ok(c) => c.clone(),
        Err(e) => e.into_inner().clone(),
    }
}

pub(crate) const AUDIT_COLUMNS: &str = "id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, \
    sebelum, sesudah, alamat, kunci_mac, mac, posisi";

/// The same columns from the inbox, where entries have no position yet.
pub(crate) const MASUK_COLUMNS: &str = "id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, \
    sebelum, sesudah, alamat, kunci_mac, mac, CAST(NULL AS BIGINT) AS posisi";

fn entri(cincin: &CincinMac, e: AuditBaru, waktu: DateTime<Utc>) -> AuditEntri {
    let mut entri = AuditEntri {
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
        kunci_mac: String::new(),
        mac: String::new(),
        posisi: None,
    };
    cincin.tandai(&mut entri);
    entri
}

/// Appends events inside the use case's transaction: they commit or vanish with the change
/// they describe. Plain inserts: nothing here waits for another transaction.
pub async fn tulis(tx: &mut Tx, events: Vec<AuditBaru>, now: DateTime<Utc>) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    // Both engines keep microseconds; a finer time would not survive the round trip.
    let waktu = now.trunc_subsecs(6);
    let cincin = cincin_mac();
    let rows: Vec<AuditEntri> = events
        .into_iter()
        .map(|e| entri(&cincin, e, waktu))
        .collect();
    for chunk in rows.chunks(500) {
        on_tx!(&mut *tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO audit_masuk (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, \
                 sebelum, sesudah, alamat, kunci_mac, mac) ",
            );
            qb.push_values(chunk, |mut b, e| {
                b.push_bind(e.id)
                    .push_bind(e.waktu)
                    .push_bind(e.aktor.clone())
                    .push_bind(e.aksi.clone())
                    .push_bind(e.pegawai_id)
                    .push_bind(e.akun_id)
                    .push_bind(e.alasan.clone())
                    .push_bind(e.sebelum.clone())
                    .push_bind(e.sesudah.clone())
                    .push_bind(e.alamat.clone())
                    .push_bind(e.kunci_mac.clone())
                    .push_bind(e.mac.clone());
            });
            qb.build().execute(&mut *c).await?;
        });
    }
    // Changes partners subscribe to become events in the same transaction.
    let tindakan: Vec<crate::peristiwa::Tindakan<'_>> = rows
        .iter()
        .map(|e| crate::peristiwa::Tindakan {
            id: e.id,
            waktu: e.waktu,
            aksi: &e.aksi,
            aktor: &e.aktor,
            pegawai_id: e.pegawai_id,
        })
        .collect();
    crate::peristiwa::tulis_dari_audit(tx, &tindakan).await?;
    Ok(())
}

/// Result of checking the stored log against itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifikasiAudit {
    /// Entries checked (sequenced and waiting).
    pub jumlah: u64,
    /// The first broken entry's position (or -1 for one still waiting) and why, if any.
    pub rusak: Option<(i64, String)>,
}

impl Store {
    /// Appends events in their own transaction (for events not tied to another change).
    pub async fn catat_audit(&self, events: Vec<AuditBaru>) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tulis(&mut tx, events, Utc::now()).await?;
        tx.commit().await
    }

    /// Ids of the MAC keys of the newest entries (up to `batas` of each table) that this
    /// process's keyring lacks: entries another app server wrote with keys this one does not
    /// hold. Entries from before the keys (no MAC) are left out.
    pub async fn kunci_mac_asing(&self, batas: u32) -> StoreResult<Vec<String>> {
        let ids: Vec<(String,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT DISTINCT kunci_mac FROM \
                 (SELECT kunci_mac FROM (SELECT kunci_mac FROM audit_entri \
                   ORDER BY posisi DESC LIMIT $1) baru \
                  UNION ALL SELECT kunci_mac FROM (SELECT kunci_mac FROM audit_masuk \
                   ORDER BY id DESC LIMIT $1) masuk) semua \
                 WHERE kunci_mac <> ''",
            )
            .bind(i64::from(batas))
            .fetch_all(pool)
            .await?
        });
        let cincin = cincin_mac();
        let mut asing: Vec<String> = ids
            .into_iter()
            .map(|(id,)| id)
            .filter(|id| !cincin.punya(id))
            .collect();
        asing.sort();
        Ok(asing)
    }

    /// Entries about one employee, newest first.
    pub async fn audit_tentang_pegawai(
        &self,
        pegawai_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<AuditEntri>> {
        self.audit_tentang("pegawai_id", pegawai_id, batas).await
    }

    /// Entries about one account, newest first.
    pub async fn audit_tentang_akun(
        &self,
        akun_id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<AuditEntri>> {
        self.audit_tentang("akun_id", akun_id, batas).await
    }

    async fn audit_tentang(
        &self,
        kolom: &'static str,
        id: Uuid,
        batas: u32,
    ) -> StoreResult<Vec<AuditEntri>> {
        // Entries still in the inbox are included: a read shows up on the employee's page at
        // once, not only after the sequencer has given it a position.
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE {kolom} = $1 \
             UNION ALL SELECT {MASUK_COLUMNS} FROM audit_masuk WHERE {kolom} = $1 \
             ORDER BY waktu DESC, id DESC LIMIT $2"
        );
        let rows: Vec<AuditEntri> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// One entry by id.
    pub async fn audit_entri(&self, id: Uuid) -> StoreResult<Option<AuditEntri>> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE id = $1 \
             UNION ALL SELECT {MASUK_COLUMNS} FROM audit_masuk WHERE id = $1"
        );
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Sequenced entries from position `dari`, in order, at most `batas`.
    pub async fn audit_berurutan(&self, dari: u64, batas: u32) -> StoreResult<Vec<AuditEntri>> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE posisi >= $1 ORDER BY posisi LIMIT $2"
        );
        let dari = i64_dari(dari)?;
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(dari)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        }))
    }

    /// Entries written but not yet sequenced, oldest first.
    pub async fn audit_menunggu(&self, batas: u32) -> StoreResult<Vec<AuditEntri>> {
        let sql = format!("SELECT {MASUK_COLUMNS} FROM audit_masuk ORDER BY id LIMIT $1");
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        }))
    }

    /// Checks the stored log against itself: positions without gaps, every entry's MAC, and
    /// the leaves recomputed from content giving the stored tree's root. This catches edits by
    /// someone without the MAC key and a tree that no longer matches its entries; what was
    /// removed or rewritten consistently is caught only against published heads (the app's
    /// `verifikasi`).
    pub async fn verifikasi_audit(&self) -> StoreResult<VerifikasiAudit> {
        let cincin = cincin_mac();
        let pohon = self.pohon_audit().await?;
        let mut frontier = Frontier::baru();
        let mut jumlah = 0_u64;
        // Entries carried over from the hash chain have no MAC; they can only open the log.
        let mut warisan = true;
        loop {
            let rows = self.audit_berurutan(frontier.ukuran(), 5000).await?;
            if rows.is_empty() {
                break;
            }
            for e in rows {
                jumlah += 1;
                let harus = i64_dari(frontier.ukuran())?;
                warisan = warisan && e.kunci_mac.is_empty();
                let (mac_sah, daun) = e.periksa(&cincin);
                let rusak = if e.posisi != Some(harus) {
                    Some(format!(
                        "posisi melompat ke {:?}: entri {harus} hilang",
                        e.posisi
                    ))
                } else if !warisan && !mac_sah {
                    Some(
                        "tanda MAC tidak sah: entri diubah atau disisipkan di luar aplikasi".into(),
                    )
                } else {
                    None
                };
                if let Some(alasan) = rusak {
                    return Ok(VerifikasiAudit {
                        jumlah,
                        rusak: Some((harus, alasan)),
                    });
                }
                frontier.tambah(daun);
            }
        }
        if frontier.ukuran() != pohon.frontier.ukuran() || frontier.akar() != pohon.akar {
            let n = i64_dari(frontier.ukuran())?;
            return Ok(VerifikasiAudit {
                jumlah,
                rusak: Some((
                    n,
                    format!(
                        "isi {} entri tidak menghasilkan akar pohon tersimpan (ukuran {})",
                        frontier.ukuran(),
                        pohon.frontier.ukuran()
                    ),
                )),
            });
        }
        for e in self.audit_menunggu(u32::MAX).await? {
            jumlah += 1;
            let diwarisi = e.kunci_mac.is_empty() && warisan;
            if !(cincin.sah(&e) || diwarisi) {
                return Ok(VerifikasiAudit {
                    jumlah,
                    rusak: Some((
                        -1,
                        format!(
                            "entri {} yang menunggu diurutkan tidak bertanda MAC sah",
                            e.id
                        ),
                    )),
                });
            }
        }
        Ok(VerifikasiAudit {
            jumlah,
            rusak: None,
        })
    }
}
