//! The verification queue as a table a verifier works through all day: filtered by kind,
//! unit, age and warnings, sorted by any column, one page at a time, with the count of what
//! matches and the facets to filter by. The reader's scope is in every statement.

use chrono::{DateTime, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::referensi::Verifikator;
use siasn_domain::usulan::{RingkasanUsulan, StatusUsulan};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{RingkasanRow, push_cakupan_usulan, ringkasan_from_row, ringkasan_kolom};
use crate::error::StoreResult;
use crate::{Store, on_pool};

/// The column a queue is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UrutAntrean {
    /// Time waiting at this stage (the default: oldest first).
    #[default]
    Menunggu,
    /// Employee name.
    Nama,
    /// Proposal kind.
    Jenis,
    /// Agency, then unit.
    Instansi,
}

impl UrutAntrean {
    /// The ORDER BY of the column (fixed text, never from input).
    fn sql(self, turun: bool) -> &'static str {
        match (self, turun) {
            (Self::Menunggu, false) => " ORDER BY u.status_sejak, u.id",
            (Self::Menunggu, true) => " ORDER BY u.status_sejak DESC, u.id DESC",
            (Self::Nama, false) => " ORDER BY p.nama, u.id",
            (Self::Nama, true) => " ORDER BY p.nama DESC, u.id DESC",
            (Self::Jenis, false) => " ORDER BY u.jenis, u.status_sejak, u.id",
            (Self::Jenis, true) => " ORDER BY u.jenis DESC, u.status_sejak, u.id",
            (Self::Instansi, false) => " ORDER BY i.nama, un.nama, u.status_sejak, u.id",
            (Self::Instansi, true) => " ORDER BY i.nama DESC, un.nama DESC, u.status_sejak, u.id",
        }
    }
}

/// What a queue page shows.
#[derive(Debug, Clone, Default)]
pub struct FilterAntrean {
    /// Only this proposal kind ("tambah.penghargaan").
    pub jenis: Option<String>,
    /// Only employees of this unit.
    pub unor_id: Option<Uuid>,
    /// Only proposals waiting since before this moment.
    pub menunggu_sejak_sebelum: Option<DateTime<Utc>>,
    /// Only proposals the checks warned about.
    pub hanya_peringatan: bool,
    /// Sort column.
    pub urut: UrutAntrean,
    /// Descending.
    pub turun: bool,
    /// Rows to skip.
    pub offset: i64,
    /// Rows per page.
    pub batas: i64,
}

/// A queue row: the proposal and where its employee works.
#[derive(Debug, Clone)]
pub struct BarisAntrean {
    /// The proposal.
    pub usulan: RingkasanUsulan,
    /// The employee's agency, by name.
    pub nama_instansi: String,
    /// The employee's unit, by name.
    pub nama_unor: Option<String>,
}

/// One page of a queue, with the facets of the whole queue.
#[derive(Debug, Clone, Default)]
pub struct HalamanAntrean {
    /// The rows of this page.
    pub baris: Vec<BarisAntrean>,
    /// How many match the filter (all pages).
    pub cocok: i64,
    /// Proposal kinds waiting, with counts.
    pub per_jenis: Vec<(String, i64)>,
    /// Units waiting (id, name), with counts.
    pub per_unor: Vec<(Uuid, String, i64)>,
}

type BarisRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<Uuid>,
    String,
    String,
    Option<String>,
);

/// The four reads of one queue page: rows, matches, kinds, units.
type HasilBaca = (
    Vec<BarisRow>,
    i64,
    Vec<(String, i64)>,
    Vec<(Uuid, String, i64)>,
);

const DARI: &str = " FROM usulan u JOIN pegawai p ON p.id = u.pegawai_id \
     JOIN instansi i ON i.id = u.instansi_id LEFT JOIN unor un ON un.id = p.unor_id";

impl Store {
    /// One page of the queue at `tahap` within `cakupan`: proposals neither made by the
    /// reader nor about them, filtered and sorted as asked.
    pub async fn halaman_antrean(
        &self,
        tahap: Verifikator,
        cakupan: &[Cakupan],
        akun_id: Uuid,
        pegawai_sendiri: Option<Uuid>,
        f: &FilterAntrean,
    ) -> StoreResult<HalamanAntrean> {
        let status = StatusUsulan::menunggu_di(tahap).kode();
        let sendiri = pegawai_sendiri.unwrap_or(Uuid::nil());
        // The queue itself (stage, scope, not the reader's own), before the filter.
        macro_rules! antrean {
            ($qb:expr) => {{
                $qb.push(" WHERE u.status = ").push_bind(status);
                $qb.push(" AND u.pengusul_akun_id <> ").push_bind(akun_id);
                $qb.push(" AND u.pegawai_id <> ").push_bind(sendiri);
                $qb.push(" AND ");
                push_cakupan_usulan!($qb, cakupan);
            }};
        }
        macro_rules! saring {
            ($qb:expr) => {{
                antrean!($qb);
                if let Some(j) = &f.jenis {
                    $qb.push(" AND u.jenis = ").push_bind(j.clone());
                }
                if let Some(un) = f.unor_id {
                    $qb.push(" AND p.unor_id = ").push_bind(un);
                }
                if let Some(t) = f.menunggu_sejak_sebelum {
                    $qb.push(" AND u.status_sejak < ").push_bind(t);
                }
                if f.hanya_peringatan {
                    $qb.push(" AND u.peringatan <> '[]'");
                }
            }};
        }
        let (rows, cocok, per_jenis, per_unor): HasilBaca = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT {}, i.nama, un.nama{DARI}",
                ringkasan_kolom!()
            ));
            saring!(qb);
            qb.push(f.urut.sql(f.turun));
            qb.push(" LIMIT ")
                .push_bind(f.batas.clamp(1, 500))
                .push(" OFFSET ")
                .push_bind(f.offset.max(0));
            let rows = qb.build_query_as().fetch_all(pool).await?;
            let mut qb = QueryBuilder::new(format!("SELECT COUNT(*){DARI}"));
            saring!(qb);
            let cocok = qb.build_query_scalar().fetch_one(pool).await?;
            let mut qb = QueryBuilder::new(format!("SELECT u.jenis, COUNT(*){DARI}"));
            antrean!(qb);
            qb.push(" GROUP BY u.jenis ORDER BY u.jenis");
            let per_jenis = qb.build_query_as().fetch_all(pool).await?;
            let mut qb = QueryBuilder::new(format!("SELECT un.id, un.nama, COUNT(*){DARI}"));
            antrean!(qb);
            qb.push(" AND un.id IS NOT NULL GROUP BY un.id, un.nama ORDER BY un.nama LIMIT 500");
            let per_unor = qb.build_query_as().fetch_all(pool).await?;
            (rows, cocok, per_jenis, per_unor)
        });
        Ok(HalamanAntrean {
            baris: rows
                .into_iter()
                .map(|r| {
                    let ringkasan: RingkasanRow = (r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8);
                    BarisAntrean {
                        usulan: ringkasan_from_row(ringkasan),
                        nama_instansi: r.9,
                        nama_unor: r.10,
                    }
                })
                .collect(),
            cocok,
            per_jenis,
            per_unor,
        })
    }
}
