//! The tree over the log: sequencing waiting entries, the stored perfect subtrees, proofs, and
//! the copies of signed heads.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use siasn_domain::merkle::{self, Frontier, Hash, Simpul};
use uuid::Uuid;

use super::{AuditEntri, MASUK_COLUMNS, cincin_mac, waktu_kanonik};
use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

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

pub(super) fn i64_dari(n: u64) -> StoreResult<i64> {
    i64::try_from(n).map_err(|_| StoreError::Corrupt("posisi audit terlalu besar".into()))
}

impl Store {
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
        let sql = format!("SELECT {MASUK_COLUMNS} FROM audit_masuk ORDER BY id LIMIT $1");
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
        // Each entry moves from the inbox into the log with its position; both counts must
        // match the batch, or another sequencer got there first.
        const PINDAH: &str = "INSERT INTO audit_entri (id, waktu, aktor, aksi, pegawai_id, \
             akun_id, alasan, sebelum, sesudah, alamat, kunci_mac, mac, posisi) \
             SELECT m.id, m.waktu, m.aktor, m.aksi, m.pegawai_id, m.akun_id, m.alasan, \
             m.sebelum, m.sesudah, m.alamat, m.kunci_mac, m.mac, ";
        let (n_pindah, n_hapus) = match &mut tx {
            // SQLite: two statements per chunk; each statement is a hop to sqlx's worker thread,
            // which per entry made sequencing ~5x slower than the work itself. The batch is in
            // id order and its positions are consecutive, so a chunk's positions are its first
            // position plus each row's rank by id.
            Tx::Sqlite(t) => {
                let (mut pindah, mut hapus) = (0, 0);
                for chunk in posisi.chunks(1000) {
                    let Some((_, awal)) = chunk.first() else {
                        continue;
                    };
                    let mut qb = sqlx::QueryBuilder::new(PINDAH);
                    qb.push_bind(*awal).push(
                        " + ROW_NUMBER() OVER (ORDER BY m.id) - 1 FROM audit_masuk m WHERE m.id IN (",
                    );
                    let mut daftar = qb.separated(", ");
                    for (id, _) in chunk {
                        daftar.push_bind(*id);
                    }
                    qb.push(")");
                    pindah += qb.build().execute(&mut **t).await?.rows_affected();
                    let mut qb = sqlx::QueryBuilder::new("DELETE FROM audit_masuk WHERE id IN (");
                    let mut daftar = qb.separated(", ");
                    for (id, _) in chunk {
                        daftar.push_bind(*id);
                    }
                    qb.push(")");
                    hapus += qb.build().execute(&mut **t).await?.rows_affected();
                }
                (pindah, hapus)
            }
            // PostgreSQL: two statements for the whole batch.
            Tx::Postgres(t) => {
                let (ids, ps): (Vec<Uuid>, Vec<i64>) = posisi.iter().copied().unzip();
                let pindah = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "{PINDAH} v.posisi FROM UNNEST($1::uuid[], $2::bigint[]) AS v (id, posisi) \
                     JOIN audit_masuk m ON m.id = v.id"
                )))
                .bind(&ids)
                .bind(ps)
                .execute(&mut **t)
                .await?
                .rows_affected();
                let hapus = sqlx::query("DELETE FROM audit_masuk WHERE id = ANY($1)")
                    .bind(&ids)
                    .execute(&mut **t)
                    .await?
                    .rows_affected();
                (pindah, hapus)
            }
        };
        if n_pindah != posisi.len() as u64 || n_hapus != posisi.len() as u64 {
            return Err(StoreError::Conflict(
                "entri audit sudah diurutkan oleh pengurut lain".into(),
            ));
        }
        let mut baris_simpul = Vec::with_capacity(simpul_baru.len());
        for (s, h) in &simpul_baru {
            baris_simpul.push((i16::from(s.tingkat), i64_dari(s.indeks)?, h.to_vec()));
        }
        match &mut tx {
            Tx::Sqlite(t) => {
                for chunk in baris_simpul.chunks(500) {
                    let mut qb = sqlx::QueryBuilder::new(
                        "INSERT INTO audit_simpul (tingkat, indeks, hash) ",
                    );
                    qb.push_values(chunk, |mut b, (t, i, h)| {
                        b.push_bind(*t).push_bind(*i).push_bind(h.clone());
                    });
                    qb.build().execute(&mut **t).await?;
                }
            }
            // Arrays, not a VALUES list: binding thousands of parameters cost ~40 ms per 500
            // rows in the driver, more than the whole batch's work in the database.
            Tx::Postgres(t) => {
                let mut tingkat = Vec::with_capacity(baris_simpul.len());
                let mut indeks = Vec::with_capacity(baris_simpul.len());
                let mut hash = Vec::with_capacity(baris_simpul.len());
                for (t, i, h) in baris_simpul {
                    tingkat.push(t);
                    indeks.push(i);
                    hash.push(h);
                }
                sqlx::query(
                    "INSERT INTO audit_simpul (tingkat, indeks, hash) \
                     SELECT * FROM UNNEST($1::smallint[], $2::bigint[], $3::bytea[])",
                )
                .bind(tingkat)
                .bind(indeks)
                .bind(hash)
                .execute(&mut **t)
                .await?;
            }
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
}
