//! Proposals (usulan): the reads for pages and queues, and (in [`langkah`]) the steps a use
//! case runs inside its transaction to save, attach, move and revise them.

mod antrean;
mod langkah;
mod statistik;

pub use antrean::{BarisAntrean, FilterAntrean, HalamanAntrean, UrutAntrean};
pub use langkah::*;
pub use statistik::*;

use chrono::{DateTime, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::DataRiwayat;
use siasn_domain::usulan::validasi::Temuan;
use siasn_domain::usulan::{JejakUsulan, LampiranUsulan, RingkasanUsulan, StatusUsulan, Usulan};
use sqlx::QueryBuilder;
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::pegawai::{DOKUMEN_COLUMNS, dokumen_from_row};
use crate::{Store, on_pool};

/// A promotion proposal of an agency, for the API's KP list.
#[derive(Debug, Clone, PartialEq)]
pub struct UsulanKp {
    /// Proposal id.
    pub id: Uuid,
    /// Employee id.
    pub pegawai_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Status code.
    pub status: String,
    /// The proposed rank row.
    pub data: DataRiwayat,
}

/// Which proposals a visibility query is about.
#[derive(Debug, Clone, Copy)]
enum Pilih {
    Id(Uuid),
    Kolektif(Uuid),
}

#[derive(sqlx::FromRow)]
struct UsulanRow {
    id: Uuid,
    pegawai_id: Uuid,
    instansi_id: String,
    kanreg_id: String,
    kolektif_id: Option<Uuid>,
    pengusul_akun_id: Uuid,
    perubahan: String,
    sebelum: String,
    catatan: Option<String>,
    peringatan: String,
    rute: String,
    status: String,
    putaran: i32,
    versi: i64,
    dibuat_pada: DateTime<Utc>,
    diajukan_pada: Option<DateTime<Utc>>,
    status_sejak: DateTime<Utc>,
}

const USULAN_COLUMNS: &str = "id, pegawai_id, instansi_id, kanreg_id, kolektif_id, pengusul_akun_id, \
    perubahan, sebelum, catatan, peringatan, rute, status, putaran, versi, dibuat_pada, diajukan_pada, \
    status_sejak";

fn usulan_from_row(r: UsulanRow) -> StoreResult<Usulan> {
    let id = r.id;
    let corrupt = |what: &str| StoreError::Corrupt(format!("usulan {id}: {what}"));
    Ok(Usulan {
        id: r.id,
        pegawai_id: r.pegawai_id,
        instansi_id: r.instansi_id,
        kanreg_id: r.kanreg_id,
        kolektif_id: r.kolektif_id,
        pengusul_akun_id: r.pengusul_akun_id,
        perubahan: serde_json::from_str(&r.perubahan).map_err(|e| corrupt(&e.to_string()))?,
        sebelum: serde_json::from_str(&r.sebelum).map_err(|e| corrupt(&e.to_string()))?,
        catatan: r.catatan,
        peringatan: serde_json::from_str(&r.peringatan).map_err(|e| corrupt(&e.to_string()))?,
        rute: Verifikator::from_kode(&r.rute).ok_or_else(|| corrupt("rute"))?,
        status: StatusUsulan::from_kode(&r.status).ok_or_else(|| corrupt("status"))?,
        putaran: r.putaran,
        versi: r.versi,
        dibuat_pada: r.dibuat_pada,
        diajukan_pada: r.diajukan_pada,
        status_sejak: r.status_sejak,
    })
}

/// A document row followed by the hash frozen when it was attached.
type LampiranRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
    String,
    String,
);

type JejakRow = (i32, DateTime<Utc>, String, String, String, Option<String>);

pub(crate) type RingkasanRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<Uuid>,
    String,
);

/// The columns of a [`RingkasanRow`] (proposal `u`, employee `p`), as a literal so that
/// statements can be put together with `concat!`.
macro_rules! ringkasan_kolom {
    () => {
        "u.id, u.pegawai_id, p.nip, p.nama, u.jenis, u.status, u.status_sejak, u.kolektif_id, \
         u.peringatan"
    };
}
pub(crate) use ringkasan_kolom;

pub(crate) const RINGKASAN_SQL: &str = concat!(
    "SELECT ",
    ringkasan_kolom!(),
    " FROM usulan u JOIN pegawai p ON p.id = u.pegawai_id"
);

pub(crate) fn ringkasan_from_row(r: RingkasanRow) -> RingkasanUsulan {
    RingkasanUsulan {
        id: r.0,
        pegawai_id: r.1,
        nip: r.2,
        nama: r.3,
        jenis: r.4,
        status: StatusUsulan::from_kode(&r.5).unwrap_or(StatusUsulan::Draf),
        status_sejak: r.6,
        kolektif_id: r.7,
        peringatan: serde_json::from_str::<Vec<Temuan>>(&r.8).map_or(0, |v| v.len()),
    }
}

/// Appends `(scope OR …)` on a case table's `pegawai_id`, `instansi_id` and `kanreg_id` columns
/// under `$alias` (`u.` proposals, `l.` service cases), like `push_cakupan!` for `pegawai`.
macro_rules! push_cakupan_kasus {
    ($qb:expr, $cakupan:expr, $alias:literal) => {{
        $qb.push("(");
        if $cakupan.is_empty() {
            $qb.push("1 = 0");
        }
        for (i, c) in $cakupan.iter().enumerate() {
            if i > 0 {
                $qb.push(" OR ");
            }
            match c {
                Cakupan::Diri(id) => {
                    $qb.push(concat!($alias, ".pegawai_id = ")).push_bind(*id);
                }
                Cakupan::Instansi(x) => {
                    $qb.push(concat!($alias, ".instansi_id = "))
                        .push_bind(x.clone());
                }
                Cakupan::Kanreg(x) => {
                    $qb.push(concat!($alias, ".kanreg_id = "))
                        .push_bind(x.clone());
                }
                Cakupan::Nasional => {
                    $qb.push("1 = 1");
                }
            }
        }
        $qb.push(")");
    }};
}
pub(crate) use push_cakupan_kasus;

/// [`push_cakupan_kasus`] on proposals (`usulan u`).
macro_rules! push_cakupan_usulan {
    ($qb:expr, $cakupan:expr) => {
        $crate::usulan::push_cakupan_kasus!($qb, $cakupan, "u")
    };
}
pub(crate) use push_cakupan_usulan;

impl Store {
    /// The proposal saved with this one-time form key, if any (a double submit finds it).
    pub async fn usulan_dengan_kunci(&self, kunci: &str) -> StoreResult<Option<Uuid>> {
        let row: Option<(Uuid,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT id FROM usulan WHERE kunci_kirim = $1")
                .bind(kunci)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|r| r.0))
    }

    /// A proposal, if the reader proposed it or one of `cakupan` covers it (scope in the query).
    pub async fn usulan_terlihat(
        &self,
        id: Uuid,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Usulan> {
        self.terlihat(Pilih::Id(id), akun_id, cakupan)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    /// The proposals of a collective batch the reader may see (one query for the whole batch).
    pub async fn usulan_kolektif_terlihat(
        &self,
        kolektif_id: Uuid,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Vec<Usulan>> {
        self.terlihat(Pilih::Kolektif(kolektif_id), akun_id, cakupan)
            .await
    }

    async fn terlihat(
        &self,
        pilih: Pilih,
        akun_id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<Vec<Usulan>> {
        let rows: Vec<UsulanRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT {USULAN_COLUMNS} FROM usulan u WHERE "));
            match pilih {
                Pilih::Id(id) => qb.push("u.id = ").push_bind(id),
                Pilih::Kolektif(id) => qb.push("u.kolektif_id = ").push_bind(id),
            };
            qb.push(" AND (u.pengusul_akun_id = ")
                .push_bind(akun_id)
                .push(" OR ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(") ORDER BY u.id");
            qb.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(usulan_from_row).collect()
    }

    /// A proposal by id (callers decide on visibility).
    pub async fn usulan(&self, id: Uuid) -> StoreResult<Usulan> {
        let sql = format!("SELECT {USULAN_COLUMNS} FROM usulan WHERE id = $1");
        let row: Option<UsulanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        usulan_from_row(row.ok_or(StoreError::NotFound)?)
    }

    /// The documents attached to a proposal, with the hashes frozen when attached.
    pub async fn lampiran_usulan(&self, usulan_id: Uuid) -> StoreResult<Vec<LampiranUsulan>> {
        let kolom: Vec<String> = DOKUMEN_COLUMNS
            .split(", ")
            .map(|c| format!("d.{c}"))
            .collect();
        let sql = format!(
            "SELECT {}, ud.sha256 FROM usulan_dokumen ud JOIN dokumen d ON d.id = ud.dokumen_id \
             WHERE ud.usulan_id = $1 ORDER BY ud.dokumen_id",
            kolom.join(", ")
        );
        let rows: Vec<LampiranRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(usulan_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| LampiranUsulan {
                dokumen: dokumen_from_row((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9)),
                sha256_beku: r.10,
            })
            .collect())
    }

    /// The steps of a proposal, oldest first.
    pub async fn jejak_usulan(&self, usulan_id: Uuid) -> StoreResult<Vec<JejakUsulan>> {
        let rows: Vec<JejakRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT putaran, waktu, aktor, langkah, status_ke, alasan FROM usulan_jejak \
                 WHERE usulan_id = $1 ORDER BY waktu, id",
            )
            .bind(usulan_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(putaran, waktu, aktor, langkah, status_ke, alasan)| JejakUsulan {
                    putaran,
                    waktu,
                    aktor,
                    langkah,
                    status_ke,
                    alasan,
                },
            )
            .collect())
    }

    /// Proposals about an employee or made by an account, newest first.
    pub async fn usulan_saya(
        &self,
        pegawai_id: Option<Uuid>,
        akun_id: Uuid,
        batas: i64,
    ) -> StoreResult<Vec<RingkasanUsulan>> {
        let sql = format!(
            "{RINGKASAN_SQL} WHERE u.pegawai_id = $1 OR u.pengusul_akun_id = $2 ORDER BY u.dibuat_pada DESC LIMIT $3"
        );
        let rows: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id.unwrap_or(Uuid::nil()))
                .bind(akun_id)
                .bind(batas)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(ringkasan_from_row).collect())
    }

    /// The proposals of a collective batch.
    pub async fn usulan_kolektif(&self, kolektif_id: Uuid) -> StoreResult<Vec<RingkasanUsulan>> {
        let sql = format!("{RINGKASAN_SQL} WHERE u.kolektif_id = $1 ORDER BY p.nama, u.id");
        let rows: Vec<RingkasanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(kolektif_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(ringkasan_from_row).collect())
    }

    /// How many proposals wait at `tahap` within `cakupan`.
    pub async fn jumlah_antrean(
        &self,
        tahap: Verifikator,
        cakupan: &[Cakupan],
    ) -> StoreResult<i64> {
        let status = StatusUsulan::menunggu_di(tahap);
        let n: i64 = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM usulan u WHERE u.status = ");
            qb.push_bind(status.kode()).push(" AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.build_query_scalar().fetch_one(pool).await?
        });
        Ok(n)
    }

    /// Rank proposals (new golongan rows) of an agency's employees, newest first.
    pub async fn usulan_kp_instansi(&self, instansi_id: &str) -> StoreResult<Vec<UsulanKp>> {
        let rows: Vec<(Uuid, Uuid, String, String, String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                    "SELECT u.id, u.pegawai_id, p.nip, p.nama, u.status, u.perubahan FROM usulan u \
                     JOIN pegawai p ON p.id = u.pegawai_id \
                     WHERE u.instansi_id = $1 AND u.jenis = 'tambah.golongan' ORDER BY u.id DESC LIMIT 5000",
                )
                .bind(instansi_id)
                .fetch_all(pool)
                .await?
        });
        let mut out = Vec::with_capacity(rows.len());
        for (id, pegawai_id, nip, nama, status, perubahan) in rows {
            let perubahan: serde_json::Value =
                serde_json::from_str(&perubahan).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let Some(data) = perubahan.get("data").cloned() else {
                continue;
            };
            let data: DataRiwayat =
                serde_json::from_value(data).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            out.push(UsulanKp {
                id,
                pegawai_id,
                nip,
                nama,
                status,
                data,
            });
        }
        Ok(out)
    }
}
