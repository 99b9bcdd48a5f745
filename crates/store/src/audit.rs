//! The audit log: a Merkle tree in the manner of Certificate Transparency (decision 0017).
//!
//! - A use case appends its events inside its own transaction ([`tulis`]): plain inserts, no
//!   shared row to lock, so writers never queue behind each other's commits.
//! - Each entry carries a MAC under a key the app servers hold outside the database, so an entry
//!   inserted by someone who can only write the database is recognisable.
//! - A sequencer (one at a time across app servers, by a lease) gives committed entries their
//!   positions in batches ([`Store::urutkan_audit`]) and keeps the tree's perfect subtrees for
//!   proofs; the app layer signs tree heads and publishes them outside the database.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock, RwLock};

use chrono::{DateTime, SubsecRound, Utc};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use siasn_domain::merkle::{self, Frontier, Hash, Simpul};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

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
                "INSERT INTO audit_entri (id, waktu, aktor, aksi, pegawai_id, akun_id, alasan, \
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
    Ok(())
}

/// The tree as the database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PohonAudit {
    /// Right edge (size and perfect subtrees).
    pub frontier: Frontier,
    /// Root.
    pub akar: Hash,
}

/// What one sequencing batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HasilUrut {
    /// Entries given a position now.
    pub diurutkan: u64,
    /// The tree's size after the batch.
    pub ukuran: u64,
    /// Entries whose MAC does not verify (inserted past the application): sequenced all the
    /// same (the log never drops what was written) and reported. Entries carried over from the
    /// hash chain (no MAC) are not counted here; the verifier accepts them only at the start.
    pub tanpa_mac_sah: Vec<Uuid>,
}

/// A signed tree head: the tree of the first `ukuran` entries has root `akar`, said at `waktu`
/// by the key `kunci`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct KepalaTertanda {
    /// Number of entries.
    pub ukuran: i64,
    /// When it was signed.
    pub waktu: DateTime<Utc>,
    /// Root, hex.
    pub akar: String,
    /// Key id.
    pub kunci: String,
    /// Ed25519 signature over [`KepalaTertanda::pesan`], hex.
    pub tanda: String,
}

impl KepalaTertanda {
    /// The exact bytes the signature covers.
    pub fn pesan(ukuran: i64, waktu: DateTime<Utc>, akar: &str, kunci: &str) -> Vec<u8> {
        format!(
            "siasn-audit-kepala-v1\n{ukuran}\n{}\n{akar}\n{kunci}\n",
            waktu_kanonik(waktu)
        )
        .into_bytes()
    }
}

/// Result of checking the stored log against itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifikasiAudit {
    /// Entries checked (sequenced and waiting).
    pub jumlah: u64,
    /// The first broken entry's position (or -1 for one still waiting) and why, if any.
    pub rusak: Option<(i64, String)>,
}

fn hash_dari(b: &[u8]) -> StoreResult<Hash> {
    b.try_into()
        .map_err(|_| StoreError::Corrupt("hash simpul audit bukan 32 bita".into()))
}

fn frontier_dari_json(ukuran: i64, puncak: &str) -> StoreResult<Frontier> {
    let bagian: Vec<(u8, String)> = serde_json::from_str(puncak)
        .map_err(|e| StoreError::Corrupt(format!("puncak pohon audit: {e}")))?;
    let mut p = Vec::with_capacity(bagian.len());
    for (t, h) in bagian {
        let b = hex::decode(h).map_err(|e| StoreError::Corrupt(format!("puncak: {e}")))?;
        p.push((t, hash_dari(&b)?));
    }
    let ukuran = u64::try_from(ukuran).map_err(|_| StoreError::Corrupt("ukuran pohon".into()))?;
    Frontier::dari_bagian(ukuran, p).ok_or_else(|| {
        StoreError::Corrupt("puncak pohon audit tidak cocok dengan ukurannya".into())
    })
}

fn frontier_ke_json(f: &Frontier) -> StoreResult<String> {
    let bagian: Vec<(u8, String)> = f
        .puncak()
        .iter()
        .map(|(t, h)| (*t, hex::encode(h)))
        .collect();
    serde_json::to_string(&bagian)
        .map_err(|e| StoreError::Corrupt(format!("puncak pohon audit: {e}")))
}

fn i64_dari(n: u64) -> StoreResult<i64> {
    i64::try_from(n).map_err(|_| StoreError::Corrupt("posisi audit terlalu besar".into()))
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
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE {kolom} = $1 \
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
        let sql = format!("SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE id = $1");
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
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE posisi IS NULL ORDER BY id LIMIT $1"
        );
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        }))
    }

    /// The tree's current size, right edge and root.
    pub async fn pohon_audit(&self) -> StoreResult<PohonAudit> {
        let (ukuran, puncak): (i64, String) = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT ukuran, puncak FROM audit_pohon WHERE id = 1")
                .fetch_one(pool)
                .await?
        });
        let frontier = frontier_dari_json(ukuran, &puncak)?;
        let akar = frontier.akar();
        Ok(PohonAudit { frontier, akar })
    }

    /// Gives up to `batas` waiting entries their positions, in one transaction: the entries'
    /// positions, the new perfect subtrees and the tree's edge move together. The edge is
    /// updated only if no one else moved it meanwhile, so two sequencers (a lease that
    /// expired under a paused server) cannot both extend the tree.
    pub async fn urutkan_audit(&self, batas: u32) -> StoreResult<HasilUrut> {
        let mut tx = self.begin().await?;
        let (ukuran_lama, puncak): (i64, String) = on_tx!(&mut tx, |c| {
            sqlx::query_as("SELECT ukuran, puncak FROM audit_pohon WHERE id = 1")
                .fetch_one(&mut *c)
                .await?
        });
        let mut frontier = frontier_dari_json(ukuran_lama, &puncak)?;
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_entri WHERE posisi IS NULL ORDER BY id LIMIT $1"
        );
        let menunggu: Vec<AuditEntri> = on_tx!(&mut tx, |c| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(i64::from(batas))
                .fetch_all(&mut *c)
                .await?
        });
        if menunggu.is_empty() {
            tx.rollback().await?;
            return Ok(HasilUrut {
                ukuran: frontier.ukuran(),
                ..HasilUrut::default()
            });
        }
        let cincin = cincin_mac();
        let mut hasil = HasilUrut::default();
        let mut simpul_baru: Vec<(Simpul, Hash)> = Vec::new();
        let mut posisi: Vec<(Uuid, i64)> = Vec::new();
        for e in &menunggu {
            if !cincin.sah(e) && !e.kunci_mac.is_empty() {
                hasil.tanpa_mac_sah.push(e.id);
            }
            let p = i64_dari(frontier.ukuran())?;
            simpul_baru.extend(frontier.tambah(e.hash_daun()));
            posisi.push((e.id, p));
        }
        let n = match &mut tx {
            // SQLite: one prepared statement per entry is cheap in-process, and an UPDATE … FROM
            // a VALUES list may be planned as a scan of the whole log.
            Tx::Sqlite(t) => {
                let mut n = 0;
                for (id, p) in &posisi {
                    n += sqlx::query(
                        "UPDATE audit_entri SET posisi = $1 WHERE id = $2 AND posisi IS NULL",
                    )
                    .bind(*p)
                    .bind(*id)
                    .execute(&mut **t)
                    .await?
                    .rows_affected();
                }
                n
            }
            // PostgreSQL: a few round trips for the whole batch.
            Tx::Postgres(t) => {
                let mut n = 0;
                for chunk in posisi.chunks(1000) {
                    let (ids, ps): (Vec<Uuid>, Vec<i64>) = chunk.iter().copied().unzip();
                    n += sqlx::query(
                        "UPDATE audit_entri SET posisi = v.posisi \
                         FROM UNNEST($1::uuid[], $2::bigint[]) AS v (id, posisi) \
                         WHERE audit_entri.id = v.id AND audit_entri.posisi IS NULL",
                    )
                    .bind(ids)
                    .bind(ps)
                    .execute(&mut **t)
                    .await?
                    .rows_affected();
                }
                n
            }
        };
        if n != posisi.len() as u64 {
            return Err(StoreError::Conflict(
                "entri audit sudah diurutkan oleh pengurut lain".into(),
            ));
        }
        let mut baris_simpul = Vec::with_capacity(simpul_baru.len());
        for (s, h) in &simpul_baru {
            baris_simpul.push((i16::from(s.tingkat), i64_dari(s.indeks)?, h.to_vec()));
        }
        for chunk in baris_simpul.chunks(500) {
            on_tx!(&mut tx, |c| {
                let mut qb =
                    sqlx::QueryBuilder::new("INSERT INTO audit_simpul (tingkat, indeks, hash) ");
                qb.push_values(chunk, |mut b, (t, i, h)| {
                    b.push_bind(*t).push_bind(*i).push_bind(h.clone());
                });
                qb.build().execute(&mut *c).await?;
            });
        }
        let ukuran_baru = i64_dari(frontier.ukuran())?;
        let n = on_tx!(&mut tx, |c| {
            sqlx::query(
                "UPDATE audit_pohon SET ukuran = $1, puncak = $2, akar = $3 \
                 WHERE id = 1 AND ukuran = $4",
            )
            .bind(ukuran_baru)
            .bind(frontier_ke_json(&frontier)?)
            .bind(hex::encode(frontier.akar()))
            .bind(ukuran_lama)
            .execute(&mut *c)
            .await?
            .rows_affected()
        });
        if n != 1 {
            return Err(StoreError::Conflict(
                "pohon audit dipindahkan oleh pengurut lain".into(),
            ));
        }
        tx.commit().await?;
        hasil.diurutkan = posisi.len() as u64;
        hasil.ukuran = frontier.ukuran();
        Ok(hasil)
    }

    /// Stored perfect subtrees by level and index (missing ones are absent from the map).
    async fn simpul_audit(&self, kunci: &HashSet<Simpul>) -> StoreResult<HashMap<Simpul, Hash>> {
        let kunci: Vec<Simpul> = kunci.iter().copied().collect();
        let mut peta = HashMap::new();
        for chunk in kunci.chunks(200) {
            let mut pasangan = Vec::with_capacity(chunk.len());
            for s in chunk {
                pasangan.push((i16::from(s.tingkat), i64_dari(s.indeks)?));
            }
            let rows: Vec<(i16, i64, Vec<u8>)> = on_pool!(self.db(), |pool| {
                let mut qb = sqlx::QueryBuilder::new(
                    "SELECT tingkat, indeks, hash FROM audit_simpul WHERE ",
                );
                for (i, (t, x)) in pasangan.iter().enumerate() {
                    if i > 0 {
                        qb.push(" OR ");
                    }
                    qb.push("(tingkat = ")
                        .push_bind(*t)
                        .push(" AND indeks = ")
                        .push_bind(*x)
                        .push(")");
                }
                qb.build_query_as().fetch_all(pool).await?
            });
            for (t, i, h) in rows {
                let (Ok(tingkat), Ok(indeks)) = (u8::try_from(t), u64::try_from(i)) else {
                    continue;
                };
                peta.insert(Simpul { tingkat, indeks }, hash_dari(&h)?);
            }
        }
        Ok(peta)
    }

    /// Runs a proof computation against the stored subtrees: once to learn which subtrees it
    /// needs (the shape of a proof does not depend on hash values), then with them fetched in
    /// a few queries.
    async fn dengan_simpul<T>(
        &self,
        hitung: impl Fn(
            &mut dyn FnMut(Simpul) -> Result<Hash, Simpul>,
        ) -> Result<T, merkle::BuktiError<Simpul>>,
    ) -> StoreResult<T> {
        let mut perlu = HashSet::new();
        let _ = hitung(&mut |s| {
            perlu.insert(s);
            Ok([0u8; 32])
        });
        let peta = self.simpul_audit(&perlu).await?;
        hitung(&mut |s| peta.get(&s).copied().ok_or(s)).map_err(|e| match e {
            merkle::BuktiError::DiLuarPohon(m, n) => {
                StoreError::Conflict(format!("posisi {m} tidak ada di pohon berukuran {n}"))
            }
            merkle::BuktiError::Simpul(s) => StoreError::Corrupt(format!(
                "simpul audit tingkat {} indeks {} hilang",
                s.tingkat, s.indeks
            )),
        })
    }

    /// The proof that entry `m` is in the tree of the first `n` entries.
    pub async fn bukti_inklusi_audit(&self, m: u64, n: u64) -> StoreResult<Vec<Hash>> {
        self.dengan_simpul(|ambil| merkle::bukti_inklusi(m, n, &mut |s| ambil(s)))
            .await
    }

    /// The proof that the tree of `n` entries extends the tree of `m` entries.
    pub async fn bukti_konsistensi_audit(&self, m: u64, n: u64) -> StoreResult<Vec<Hash>> {
        self.dengan_simpul(|ambil| merkle::bukti_konsistensi(m, n, &mut |s| ambil(s)))
            .await
    }

    /// Keeps a copy of a signed head (proofs for employees are made against it).
    pub async fn simpan_kepala_audit(&self, k: &KepalaTertanda) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO audit_kepala_tertanda (ukuran, waktu, akar, kunci, tanda) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(k.ukuran)
            .bind(k.waktu)
            .bind(k.akar.clone())
            .bind(k.kunci.clone())
            .bind(k.tanda.clone())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The newest signed head kept in the database.
    pub async fn kepala_audit_terakhir(&self) -> StoreResult<Option<KepalaTertanda>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT ukuran, waktu, akar, kunci, tanda FROM audit_kepala_tertanda \
                 ORDER BY ukuran DESC, waktu DESC LIMIT 1",
            )
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Takes or renews the lease `nama` for `pemilik` until `sampai`; true when held. A lease
    /// past its time goes to whoever asks next, so a stopped server's job moves on.
    pub async fn ambil_sewa(
        &self,
        nama: &str,
        pemilik: &str,
        sekarang: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO sewa (nama, pemilik, sampai) VALUES ($1, $2, $3) \
                 ON CONFLICT (nama) DO UPDATE SET pemilik = excluded.pemilik, sampai = excluded.sampai \
                 WHERE sewa.sampai < $4 OR sewa.pemilik = excluded.pemilik",
            )
            .bind(nama)
            .bind(pemilik)
            .bind(sampai.trunc_subsecs(3))
            .bind(sekarang.trunc_subsecs(3))
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n == 1)
    }

    /// Gives a lease back (a clean shutdown lets another server take over at once).
    pub async fn lepas_sewa(&self, nama: &str, pemilik: &str) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM sewa WHERE nama = $1 AND pemilik = $2")
                .bind(nama)
                .bind(pemilik)
                .execute(pool)
                .await?;
        });
        Ok(())
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
