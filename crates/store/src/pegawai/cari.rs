//! Back-office lists and searches of employees, always within the reader's scope.

use serde::{Deserialize, Serialize};
use siasn_domain::akses::Cakupan;
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::nama_cari;
use crate::error::StoreResult;
use crate::push_cakupan;
use crate::{Store, on_pool};

/// Which employees a list shows; always bounded by an agency (the caller's scope).
#[derive(Debug, Clone)]
pub struct FilterPegawai {
    /// The agency where they work.
    pub instansi_id: String,
    /// Only this unit.
    pub unor_id: Option<Uuid>,
}

/// One page of a keyset-paginated list.
#[derive(Debug, Clone)]
pub struct Halaman<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Opaque cursor for the next page (the last row's id), None on the last page.
    pub berikutnya: Option<Uuid>,
}

impl Halaman<RingkasanPegawai> {
    /// A page from a query that asked for `batas + 1` rows: the extra row only says there is a
    /// next page, whose cursor is the last row kept.
    fn dari_lebih_satu(mut rows: Vec<RingkasanPegawai>, batas: u32) -> Self {
        let berikutnya = if rows.len() > batas as usize {
            rows.truncate(batas as usize);
            rows.last().map(|r| r.id)
        } else {
            None
        };
        Self {
            items: rows,
            berikutnya,
        }
    }
}

/// An employee as shown in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct RingkasanPegawai {
    /// Id.
    pub id: Uuid,
    /// NIP or NI PPPK (digits).
    pub nip: String,
    /// Name without titles.
    pub nama: String,
    /// Titles before.
    pub gelar_depan: Option<String>,
    /// Titles after.
    pub gelar_belakang: Option<String>,
    /// "PNS" or "PPPK".
    pub jenis_pegawai: String,
    /// PNS golongan id.
    pub golongan: Option<i16>,
    /// PPPK golongan number.
    pub golongan_pppk: Option<i16>,
    /// Position name.
    pub nama_jabatan: Option<String>,
    /// Unit.
    pub unor_id: Option<Uuid>,
    /// The agency they work in.
    pub instansi_kerja_id: String,
}

const RINGKASAN_COLUMNS: &str = "id, nip, nama, gelar_depan, gelar_belakang, jenis_pegawai, \
    golongan, golongan_pppk, nama_jabatan, unor_id, instansi_kerja_id";

/// Appends the criteria of a back-office search (after the scope) to `$qb`: digits search
/// the NIP (exact for 18, otherwise as a prefix), other text the start of the name or of any
/// word in it; then the filters.
macro_rules! push_kriteria_cari {
    ($qb:expr, $digits:expr, $teks:expr, $k:expr) => {{
        let qb = &mut $qb;
        let k = $k;
        match ($digits, $teks) {
            (Some(d), _) if d.len() == 18 => {
                qb.push(" AND nip = ").push_bind(d.clone());
            }
            (Some(d), _) if !d.is_empty() => {
                // ':' sorts right after '9', so this range is exactly the prefix.
                qb.push(" AND nip >= ").push_bind(d.clone());
                qb.push(" AND nip < ").push_bind(format!("{d}:"));
            }
            (_, Some(t)) => {
                let pola = nama_cari(t)
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                qb.push(" AND (nama_cari LIKE ")
                    .push_bind(format!("{pola}%"))
                    .push(" ESCAPE '\\' OR nama_cari LIKE ")
                    .push_bind(format!("% {pola}%"))
                    .push(" ESCAPE '\\')");
            }
            _ => {}
        }
        if let Some(u) = k.unor_id {
            qb.push(" AND unor_id = ").push_bind(u);
        }
        if let Some(g) = k.golongan {
            qb.push(" AND golongan = ").push_bind(g);
        }
        if let Some(j) = &k.jenis_jabatan_id {
            qb.push(" AND jenis_jabatan_id = ").push_bind(j.clone());
        }
        if let Some(j) = &k.jenis_pegawai {
            qb.push(" AND jenis_pegawai = ").push_bind(j.clone());
        }
        if let Some(kh) = &k.kedudukan_hukum_id {
            qb.push(" AND kedudukan_hukum_id = ").push_bind(kh.clone());
        }
    }};
}

/// What a back-office search looks for; every criterion is optional.
#[derive(Debug, Clone, Default)]
pub struct KriteriaCari {
    /// A NIP (full or its first digits) or part of a name.
    pub teks: Option<String>,
    /// Only this unit.
    pub unor_id: Option<Uuid>,
    /// Only this PNS golongan id.
    pub golongan: Option<i16>,
    /// Only this jenis jabatan code.
    pub jenis_jabatan_id: Option<String>,
    /// Only PNS or PPPK ("PNS"/"PPPK").
    pub jenis_pegawai: Option<String>,
    /// Only this kedudukan hukum code.
    pub kedudukan_hukum_id: Option<String>,
}

impl Store {
    pub async fn daftar_pegawai(
        &self,
        filter: &FilterPegawai,
        setelah: Option<Uuid>,
        batas: u32,
    ) -> StoreResult<Halaman<RingkasanPegawai>> {
        let batas = batas.clamp(1, 500);
        let rows: Vec<RingkasanPegawai> = on_pool!(self.db(), |pool| {
            let mut qb =
                QueryBuilder::new(format!("SELECT {RINGKASAN_COLUMNS} FROM pegawai WHERE "));
            match filter.unor_id {
                Some(unor) => {
                    qb.push("unor_id = ").push_bind(unor);
                    qb.push(" AND instansi_kerja_id = ")
                        .push_bind(filter.instansi_id.clone());
                }
                None => {
                    qb.push("instansi_kerja_id = ")
                        .push_bind(filter.instansi_id.clone());
                }
            }
            if let Some(after) = setelah {
                qb.push(" AND (nama, id) > (SELECT nama, id FROM pegawai WHERE id = ")
                    .push_bind(after)
                    .push(")");
            }
            qb.push(" ORDER BY nama, id LIMIT ")
                .push_bind(i64::from(batas) + 1);
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(Halaman::dari_lebih_satu(rows, batas))
    }

    /// Back-office search within `cakupan`, by name then id, one keyset page at a time.
    ///
    /// Digits search the NIP (exact for 18 digits, otherwise as a prefix, served by the NIP
    /// index); other text matches the start of the name or of any word in it, case and spacing
    /// ignored.
    pub async fn cari_pegawai(
        &self,
        cakupan: &[Cakupan],
        k: &KriteriaCari,
        setelah: Option<Uuid>,
        batas: u32,
    ) -> StoreResult<Halaman<RingkasanPegawai>> {
        if cakupan.is_empty() {
            return Ok(Halaman {
                items: Vec::new(),
                berikutnya: None,
            });
        }
        let batas = batas.clamp(1, 200);
        let teks = k.teks.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let digits = digit_cari(teks);
        let rows: Vec<RingkasanPegawai> = on_pool!(self.db_baca(), |pool| {
            let mut qb =
                QueryBuilder::new(format!("SELECT {RINGKASAN_COLUMNS} FROM pegawai WHERE "));
            push_cakupan!(qb, cakupan);
            push_kriteria_cari!(qb, &digits, teks, k);
            if let Some(after) = setelah {
                qb.push(" AND (nama, id) > (SELECT nama, id FROM pegawai WHERE id = ")
                    .push_bind(after)
                    .push(")");
            }
            qb.push(" ORDER BY nama, id LIMIT ")
                .push_bind(i64::from(batas) + 1);
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(Halaman::dari_lebih_satu(rows, batas))
    }

    /// How many employees a back-office search matches, counting no further than `maks` (so a
    /// broad national search stops early): shown as "more than `maks`" when it reaches it.
    pub async fn hitung_cari_pegawai(
        &self,
        cakupan: &[Cakupan],
        k: &KriteriaCari,
        maks: u32,
    ) -> StoreResult<i64> {
        if cakupan.is_empty() {
            return Ok(0);
        }
        let teks = k.teks.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let digits = digit_cari(teks);
        let n: i64 = on_pool!(self.db_baca(), |pool| {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM (SELECT 1 FROM pegawai WHERE ");
            push_cakupan!(qb, cakupan);
            push_kriteria_cari!(qb, &digits, teks, k);
            qb.push(" LIMIT ")
                .push_bind(i64::from(maks) + 1)
                .push(") t");
            qb.build_query_scalar().fetch_one(pool).await?
        });
        Ok(n)
    }
}

/// The digits of a search text made only of digits and spaces (a NIP, whole or its start).
fn digit_cari(teks: Option<&str>) -> Option<String> {
    teks.filter(|t| t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()))
        .map(|t| t.chars().filter(char::is_ascii_digit).collect())
}
