//! Service cases (layanan): reads on the pool, scoped in the query; the steps a use case runs
//! are in [`langkah`]; the services' reference data in [`referensi`].

pub mod langkah;
pub mod pensiun;
pub mod prediksi;
pub mod referensi;

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::layanan::kp::Tujuan;
use siasn_domain::layanan::{
    DataLayanan, JenisLayanan, KasusLayanan, Langkah, StatusLayanan, Surat,
};
use sqlx::QueryBuilder;
use sqlx::types::Json;
use uuid::Uuid;

pub use langkah::*;

use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

pub(crate) const KOLOM: &str = "l.id, l.jenis, l.sub_jenis, l.periode, l.pegawai_id, p.nip, p.nama, \
    l.instansi_id, l.instansi_asal_id, l.kanreg_id, l.tujuan, l.pengusul_akun_id, l.status, l.data, l.putaran, l.versi, \
    l.alasan, l.nomor_pertek, l.tanggal_pertek, l.dokumen_pertek_id, l.nomor_sk, l.tanggal_sk, \
    l.dokumen_sk_id, l.dibuat_pada, l.status_sejak";

pub(crate) const DARI: &str = "FROM layanan l JOIN pegawai p ON p.id = l.pegawai_id";

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct BarisLayanan {
    id: Uuid,
    jenis: String,
    sub_jenis: String,
    periode: NaiveDate,
    pegawai_id: Uuid,
    nip: String,
    nama: String,
    instansi_id: String,
    instansi_asal_id: Option<String>,
    kanreg_id: String,
    tujuan: String,
    pengusul_akun_id: Option<Uuid>,
    status: i32,
    data: Json<DataLayanan>,
    putaran: i32,
    versi: i64,
    alasan: Option<String>,
    nomor_pertek: Option<String>,
    tanggal_pertek: Option<NaiveDate>,
    dokumen_pertek_id: Option<Uuid>,
    nomor_sk: Option<String>,
    tanggal_sk: Option<NaiveDate>,
    dokumen_sk_id: Option<Uuid>,
    dibuat_pada: DateTime<Utc>,
    status_sejak: DateTime<Utc>,
}

fn surat(nomor: Option<String>, tanggal: Option<NaiveDate>, dok: Option<Uuid>) -> Option<Surat> {
    Some(Surat {
        nomor: nomor?,
        tanggal: tanggal?,
        dokumen_id: dok,
    })
}

impl TryFrom<BarisLayanan> for KasusLayanan {
    type Error = StoreError;

    fn try_from(r: BarisLayanan) -> StoreResult<Self> {
        Ok(KasusLayanan {
            id: r.id,
            jenis: JenisLayanan::from_kode(&r.jenis)
                .ok_or_else(|| StoreError::Corrupt(format!("jenis layanan '{}'", r.jenis)))?,
            sub_jenis: r.sub_jenis,
            periode: r.periode,
            pegawai_id: r.pegawai_id,
            nip: r.nip,
            nama: r.nama,
            instansi_id: r.instansi_id,
            instansi_asal_id: r.instansi_asal_id,
            kanreg_id: r.kanreg_id,
            tujuan: Tujuan::from_kode(&r.tujuan)
                .ok_or_else(|| StoreError::Corrupt(format!("tujuan '{}'", r.tujuan)))?,
            pengusul_akun_id: r.pengusul_akun_id,
            status: StatusLayanan::from_kode_siasn(r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("status layanan {}", r.status)))?,
            data: r.data.0,
            putaran: r.putaran,
            versi: r.versi,
            alasan: r.alasan,
            pertek: surat(r.nomor_pertek, r.tanggal_pertek, r.dokumen_pertek_id),
            sk: surat(r.nomor_sk, r.tanggal_sk, r.dokumen_sk_id),
            dibuat_pada: r.dibuat_pada,
            status_sejak: r.status_sejak,
        })
    }
}

/// What a queue shows: filters on top of the reader's scope.
#[derive(Debug, Clone, Default)]
pub struct FilterLayanan {
    /// Service (None: all).
    pub jenis: Option<JenisLayanan>,
    /// Period.
    pub periode: Option<NaiveDate>,
    /// Statuses (empty: all).
    pub status: Vec<StatusLayanan>,
    /// Unit of the employee.
    pub unor_id: Option<Uuid>,
    /// Only cases whose BKN stage this Kanreg handles (`Some(None)`: BKN central's).
    pub tujuan_bkn: Option<Option<String>>,
    /// Only cases at their status since this moment or earlier (waiting at least so long).
    pub menunggu_sejak: Option<DateTime<Utc>>,
    /// Page size.
    pub batas: i64,
    /// Offset.
    pub lewati: i64,
}

type BarisNotifikasi = (Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>, String);

type BarisJejak = (
    DateTime<Utc>,
    i32,
    String,
    Option<String>,
    String,
    i32,
    Option<String>,
);

/// One step of a case's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JejakLayanan {
    /// When.
    pub waktu: DateTime<Utc>,
    /// Round.
    pub putaran: i32,
    /// Who (display name).
    pub aktor: String,
    /// From where (network address), if known.
    pub alamat: Option<String>,
    /// The step.
    pub langkah: Langkah,
    /// Status after.
    pub status_ke: StatusLayanan,
    /// Note or reason.
    pub catatan: Option<String>,
}

/// A document attached to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LampiranLayanan {
    /// Archive document.
    pub dokumen_id: Uuid,
    /// Its ref-dokumen type.
    pub jenis_dokumen_id: String,
    /// File name.
    pub nama_file: String,
}

/// The reader's scopes on cases: a case is an agency's when it keeps the case or, for a
/// transfer, when the employee leaves it.
macro_rules! cakupan_layanan {
    ($qb:expr, $cakupan:expr) => {{
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
                    $qb.push("l.pegawai_id = ").push_bind(*id);
                }
                Cakupan::Instansi(x) => {
                    $qb.push("l.instansi_id = ")
                        .push_bind(x.clone())
                        .push(" OR l.instansi_asal_id = ")
                        .push_bind(x.clone());
                }
                Cakupan::Kanreg(x) => {
                    $qb.push("l.kanreg_id = ").push_bind(x.clone());
                }
                Cakupan::Nasional => {
                    $qb.push("1 = 1");
                }
            }
        }
        $qb.push(")");
    }};
}

macro_rules! filter_layanan {
    ($qb:expr, $f:expr) => {{
        if let Some(j) = $f.jenis {
            $qb.push(" AND l.jenis = ").push_bind(j.kode());
        }
        if let Some(p) = $f.periode {
            $qb.push(" AND l.periode = ").push_bind(p);
        }
        if !$f.status.is_empty() {
            $qb.push(" AND l.status IN (");
            let mut s = $qb.separated(", ");
            for st in &$f.status {
                s.push_bind(st.kode_siasn());
            }
            $qb.push(")");
        }
        if let Some(u) = $f.unor_id {
            $qb.push(" AND l.unor_id = ").push_bind(u);
        }
        if let Some(t) = $f.menunggu_sejak {
            $qb.push(" AND l.status_sejak <= ").push_bind(t);
        }
        match &$f.tujuan_bkn {
            None => {}
            Some(None) => {
                $qb.push(" AND l.tujuan <> 'KANREG'");
            }
            Some(Some(k)) => {
                $qb.push(" AND l.tujuan = 'KANREG' AND l.kanreg_id = ")
                    .push_bind(k.clone());
            }
        }
    }};
}

impl Store {
    /// A case, if one of `cakupan` covers it (scope in the query).
    pub async fn layanan_terlihat(
        &self,
        id: Uuid,
        cakupan: &[Cakupan],
    ) -> StoreResult<KasusLayanan> {
        let row: Option<BarisLayanan> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT {KOLOM} {DARI} WHERE l.id = "));
            qb.push_bind(id).push(" AND ");
            cakupan_layanan!(qb, cakupan);
            qb.build_query_as().fetch_optional(pool).await?
        });
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// A page of cases within `cakupan` matching `f`, oldest at their status first, and the
    /// total count.
    pub async fn daftar_layanan(
        &self,
        cakupan: &[Cakupan],
        f: &FilterLayanan,
    ) -> StoreResult<(Vec<KasusLayanan>, i64)> {
        let (rows, total): (Vec<BarisLayanan>, i64) = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT {KOLOM} {DARI} WHERE "));
            cakupan_layanan!(qb, cakupan);
            filter_layanan!(qb, f);
            qb.push(" ORDER BY l.status_sejak, l.id LIMIT ")
                .push_bind(f.batas)
                .push(" OFFSET ")
                .push_bind(f.lewati);
            let rows = qb.build_query_as().fetch_all(pool).await?;
            let mut qb = QueryBuilder::new(format!("SELECT COUNT(*) {DARI} WHERE "));
            cakupan_layanan!(qb, cakupan);
            filter_layanan!(qb, f);
            let (total,): (i64,) = qb.build_query_as().fetch_one(pool).await?;
            (rows, total)
        });
        let kasus = rows
            .into_iter()
            .map(KasusLayanan::try_from)
            .collect::<StoreResult<_>>()?;
        Ok((kasus, total))
    }

    /// Counts by status within `cakupan` and filters (for dashboards and queue headers).
    pub async fn hitung_layanan(
        &self,
        cakupan: &[Cakupan],
        f: &FilterLayanan,
    ) -> StoreResult<Vec<(StatusLayanan, i64)>> {
        let rows: Vec<(i32, i64)> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT l.status, COUNT(*) {DARI} WHERE "));
            cakupan_layanan!(qb, cakupan);
            filter_layanan!(qb, f);
            qb.push(" GROUP BY l.status ORDER BY l.status");
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(s, n)| StatusLayanan::from_kode_siasn(s).map(|s| (s, n)))
            .collect())
    }

    /// Completed transfers whose TMT is on or before `hari_ini` and that were not applied to
    /// the record yet (the daily job applies them), oldest TMT first.
    pub async fn pindah_jatuh_tempo(&self, hari_ini: NaiveDate) -> StoreResult<Vec<KasusLayanan>> {
        let sql = format!(
            "SELECT {KOLOM} {DARI} WHERE l.jenis = 'PI' AND l.status = 31 \
             AND l.diterapkan_pada IS NULL AND l.periode <= $1 ORDER BY l.periode, l.id"
        );
        let rows: Vec<BarisLayanan> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(hari_ini)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(KasusLayanan::try_from).collect()
    }

    /// An employee's cases, newest first.
    pub async fn layanan_pegawai(&self, pegawai_id: Uuid) -> StoreResult<Vec<KasusLayanan>> {
        let sql =
            format!("SELECT {KOLOM} {DARI} WHERE l.pegawai_id = $1 ORDER BY l.dibuat_pada DESC");
        let rows: Vec<BarisLayanan> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(pegawai_id)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(KasusLayanan::try_from).collect()
    }

    /// A case's log, oldest first.
    pub async fn jejak_layanan(&self, id: Uuid) -> StoreResult<Vec<JejakLayanan>> {
        let rows: Vec<BarisJejak> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT waktu, putaran, aktor, alamat, langkah, status_ke, catatan \
                     FROM layanan_jejak WHERE layanan_id = $1 ORDER BY waktu, id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(waktu, putaran, aktor, alamat, langkah, status, catatan)| {
                    Ok(JejakLayanan {
                        waktu,
                        putaran,
                        aktor,
                        alamat,
                        langkah: Langkah::from_kode(&langkah)
                            .ok_or_else(|| StoreError::Corrupt(format!("langkah '{langkah}'")))?,
                        status_ke: StatusLayanan::from_kode_siasn(status)
                            .ok_or_else(|| StoreError::Corrupt(format!("status {status}")))?,
                        catatan,
                    })
                },
            )
            .collect()
    }

    /// The documents attached to a case.
    pub async fn lampiran_layanan(&self, id: Uuid) -> StoreResult<Vec<LampiranLayanan>> {
        let rows: Vec<(Uuid, String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT ld.dokumen_id, ld.jenis_dokumen_id, d.nama_file FROM layanan_dokumen ld \
                 JOIN dokumen d ON d.id = ld.dokumen_id WHERE ld.layanan_id = $1 \
                 ORDER BY ld.jenis_dokumen_id, d.nama_file",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(dokumen_id, jenis_dokumen_id, nama_file)| LampiranLayanan {
                    dokumen_id,
                    jenis_dokumen_id,
                    nama_file,
                },
            )
            .collect())
    }
}

impl Store {
    /// An account's latest service notices: (case, status, when, read, service).
    pub async fn notifikasi_layanan(
        &self,
        akun_id: Uuid,
        batas: i64,
    ) -> StoreResult<Vec<(Uuid, StatusLayanan, DateTime<Utc>, bool, JenisLayanan)>> {
        let rows: Vec<BarisNotifikasi> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT n.layanan_id, n.status, n.dibuat_pada, n.dibaca_pada, l.jenis \
                     FROM notifikasi n JOIN layanan l ON l.id = n.layanan_id \
                     WHERE n.akun_id = $1 ORDER BY n.dibuat_pada DESC, n.id DESC LIMIT $2",
            )
            .bind(akun_id)
            .bind(batas)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(id, s, w, d, j)| {
                let s = StatusLayanan::from_kode_siasn(s.parse().ok()?)?;
                Some((id, s, w, d.is_some(), JenisLayanan::from_kode(&j)?))
            })
            .collect())
    }
}
