//! Retirement: BUP comes from the position reference; TMT pensiun is the 1st of the month after
//! the month in which the employee reaches BUP (PP 11/2017 as amended).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::referensi::RefJabatan;
use crate::tanggal::BulanTahun;

/// BUP used when nothing is known about the position: the lowest BUP (administration posts).
pub const BUP_BAWAAN: u8 = 58;

/// The retirement age for a holder of `jabatan` (its `usiaBup`), or the default.
pub fn bup(jabatan: Option<&RefJabatan>) -> u8 {
    jabatan.map_or(BUP_BAWAAN, |j| j.usia_bup)
}

/// The kinds of position the laws give a retirement age to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KelompokJabatan {
    /// Senior leadership (JPT utama, madya, pratama; eselon I and II).
    Jpt,
    /// Administrator, pengawas and pelaksana (eselon III–V and non-structural posts).
    Administrasi,
    /// Functional, expert level: ahli utama.
    FungsionalAhliUtama,
    /// Functional, expert level: ahli madya.
    FungsionalAhliMadya,
    /// Functional, expert level: ahli muda or ahli pertama, and every skill level.
    FungsionalLainnya,
}

impl KelompokJabatan {
    /// The kind of a position from what the record says: the jenis jabatan (1 struktural,
    /// 2 fungsional), the eselon code (1x/2x are JPT) and, for a functional post, the level
    /// in its name.
    pub fn dari_catatan(
        jenis_jabatan_id: Option<&str>,
        eselon_id: Option<&str>,
        nama_jabatan: Option<&str>,
    ) -> Self {
        let nama = nama_jabatan.unwrap_or_default().to_lowercase();
        match jenis_jabatan_id {
            Some("1") if eselon_id.is_some_and(|e| e.starts_with('1') || e.starts_with('2')) => {
                Self::Jpt
            }
            Some("2") if nama.contains("ahli utama") => Self::FungsionalAhliUtama,
            Some("2") if nama.contains("ahli madya") => Self::FungsionalAhliMadya,
            Some("2") => Self::FungsionalLainnya,
            _ => Self::Administrasi,
        }
    }
}

/// Which rule gave a BUP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DasarBup {
    /// The position reference's `usiaBup` (the functional position's own regulation).
    Referensi,
    /// PP 11/2017 Ps 239: 58 administration and junior functional, 60 JPT and ahli madya,
    /// 65 ahli utama.
    Pp11Tahun2017,
    /// UU 20/2023 Ps 55: 58 administrator, pengawas, pelaksana; 60 JPT; functional posts by
    /// their own rules (which keep PP 11/2017's levels until changed).
    Uu20Tahun2023,
}

/// A retirement age and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bup {
    /// The age.
    pub usia: u8,
    /// The rule.
    pub dasar: DasarBup,
}

/// The day UU 20/2023 (the ASN law) took effect: BUPs reached from this day follow it.
pub const BERLAKU_UU_20_2023: NaiveDate = match NaiveDate::from_ymd_opt(2023, 10, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The retirement age by the kind of position, under the law in force on the day it is
/// reached (someone who reached BUP before UU 20/2023 keeps PP 11/2017's age).
pub fn bup_menurut_kelompok(kelompok: KelompokJabatan, lahir: NaiveDate) -> Bup {
    let menurut_pp = match kelompok {
        KelompokJabatan::Jpt | KelompokJabatan::FungsionalAhliMadya => 60,
        KelompokJabatan::FungsionalAhliUtama => 65,
        KelompokJabatan::Administrasi | KelompokJabatan::FungsionalLainnya => 58,
    };
    // Ps 55 names the same ages for JPT and administration posts and leaves functional posts
    // to their own rules, which still give PP 11/2017's levels.
    let menurut_uu = menurut_pp;
    if hitung(lahir, menurut_uu).tanggal_mencapai_bup >= BERLAKU_UU_20_2023 {
        Bup {
            usia: menurut_uu,
            dasar: DasarBup::Uu20Tahun2023,
        }
    } else {
        Bup {
            usia: menurut_pp,
            dasar: DasarBup::Pp11Tahun2017,
        }
    }
}

/// The retirement age of someone born on `lahir` holding a position: the reference's
/// `usiaBup` when the position is in it, else by the kind of position the record shows.
pub fn bup_jabatan(
    referensi: Option<&RefJabatan>,
    kelompok: KelompokJabatan,
    lahir: NaiveDate,
) -> Bup {
    match referensi {
        Some(j) => Bup {
            usia: j.usia_bup,
            dasar: DasarBup::Referensi,
        },
        None => bup_menurut_kelompok(kelompok, lahir),
    }
}

/// The retirement age when the reference's age was read with the row (`usia_referensi`, none
/// when the position is not in the reference) and the record says the rest.
pub fn usia_bup(
    usia_referensi: Option<u8>,
    jenis_jabatan_id: Option<&str>,
    eselon_id: Option<&str>,
    nama_jabatan: Option<&str>,
    lahir: NaiveDate,
) -> u8 {
    usia_referensi.unwrap_or_else(|| {
        let k = KelompokJabatan::dari_catatan(jenis_jabatan_id, eselon_id, nama_jabatan);
        bup_menurut_kelompok(k, lahir).usia
    })
}

/// Every age [`bup_menurut_kelompok`] can give (for date ranges over everyone).
pub const BUP_MENURUT_KELOMPOK: [u8; 3] = [58, 60, 65];

/// An employee's retirement age from the position reference (`jabatan_ref`, every position)
/// and their record.
pub fn bup_pegawai(p: &crate::Pegawai, jabatan_ref: &[RefJabatan]) -> Bup {
    let referensi = p
        .jabatan_id
        .as_deref()
        .and_then(|id| jabatan_ref.iter().find(|j| j.id == id));
    let kelompok = KelompokJabatan::dari_catatan(
        p.jenis_jabatan_id.as_deref(),
        p.eselon_id.as_deref(),
        p.nama_jabatan.as_deref(),
    );
    bup_jabatan(referensi, kelompok, p.tanggal_lahir)
}

/// Retirement facts for one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pensiun {
    /// The retirement age applied.
    pub bup: u8,
    /// The day BUP is reached.
    pub tanggal_mencapai_bup: NaiveDate,
    /// The day retirement takes effect.
    pub tmt_pensiun: NaiveDate,
}

/// Retirement for someone born on `lahir` whose BUP is `bup`.
pub fn hitung(lahir: NaiveDate, bup: u8) -> Pensiun {
    let year = lahir.year() + i32::from(bup);
    // Someone born on 29 February reaches BUP on 28 February in a common year; the month is the
    // same either way, which is all TMT pensiun depends on.
    let tanggal_mencapai_bup = NaiveDate::from_ymd_opt(year, lahir.month(), lahir.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, lahir.month(), 28))
        .unwrap_or(lahir);
    let tmt_pensiun = BulanTahun::of(tanggal_mencapai_bup)
        .tambah_bulan(1)
        .hari_pertama();
    Pensiun {
        bup,
        tanggal_mencapai_bup,
        tmt_pensiun,
    }
}

/// Whether `tmt_pensiun` falls within `tahun` years after `pada` (for "retiring soon" notices).
pub fn dalam_waktu(p: &Pensiun, pada: NaiveDate, tahun: u32) -> bool {
    let batas = pada
        .checked_add_months(chrono::Months::new(tahun * 12))
        .unwrap_or(NaiveDate::MAX);
    p.tmt_pensiun > pada && p.tmt_pensiun <= batas
}

/// Calendar months from the month of `pada` to the month of TMT pensiun: 1 means "next
/// month" (0 once TMT pensiun has come).
pub fn bulan_menuju(p: &Pensiun, pada: NaiveDate) -> u32 {
    let bulan = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    u32::try_from(bulan(p.tmt_pensiun) - bulan(pada)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_to_retirement_count_calendar_months() {
        // Born 15 December 1968, BUP 58: reached 15 December 2026, TMT 1 January 2027.
        let p = hitung(d(1968, 12, 15), 58);
        assert_eq!(p.tmt_pensiun, d(2027, 1, 1));
        assert_eq!(bulan_menuju(&p, d(2026, 12, 7)), 1);
        assert_eq!(bulan_menuju(&p, d(2026, 12, 31)), 1);
        assert_eq!(bulan_menuju(&p, d(2026, 1, 1)), 12);
        assert_eq!(bulan_menuju(&p, d(2027, 1, 1)), 0);
        assert_eq!(bulan_menuju(&p, d(2027, 6, 1)), 0);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn jabatan(bup: u8) -> RefJabatan {
        RefJabatan {
            id: "X".into(),
            nama: "X".into(),
            jenis_jabatan_id: "2".into(),
            usia_bup: bup,
        }
    }

    #[test]
    fn first_of_the_following_month() {
        // NIP example: born 3 March 1968, administration post (58): BUP 3 March 2026.
        let p = hitung(d(1968, 3, 3), bup(Some(&jabatan(58))));
        assert_eq!(p.tanggal_mencapai_bup, d(2026, 3, 3));
        assert_eq!(p.tmt_pensiun, d(2026, 4, 1));
    }

    #[test]
    fn born_on_the_first_still_retires_next_month() {
        assert_eq!(hitung(d(1968, 3, 1), 58).tmt_pensiun, d(2026, 4, 1));
        assert_eq!(hitung(d(1968, 3, 31), 58).tmt_pensiun, d(2026, 4, 1));
    }

    #[test]
    fn december_rolls_into_january() {
        assert_eq!(hitung(d(1966, 12, 15), 60).tmt_pensiun, d(2027, 1, 1));
    }

    #[test]
    fn leap_day_birth() {
        let p = hitung(d(1968, 2, 29), 58);
        assert_eq!(p.tanggal_mencapai_bup, d(2026, 2, 28));
        assert_eq!(p.tmt_pensiun, d(2026, 3, 1));
        assert_eq!(
            hitung(d(1968, 2, 29), 60).tanggal_mencapai_bup,
            d(2028, 2, 29)
        );
    }

    #[test]
    fn bup_comes_from_the_position_reference() {
        assert_eq!(bup(Some(&jabatan(65))), 65);
        assert_eq!(bup(Some(&jabatan(70))), 70);
        assert_eq!(bup(None), 58);
        assert_eq!(hitung(d(1961, 5, 20), 65).tmt_pensiun, d(2026, 6, 1));
    }

    #[test]
    fn bup_by_the_kind_of_position_when_it_is_not_in_the_reference() {
        use KelompokJabatan as K;
        let lahir = d(1970, 6, 15);
        assert_eq!(bup_menurut_kelompok(K::Administrasi, lahir).usia, 58);
        assert_eq!(bup_menurut_kelompok(K::Jpt, lahir).usia, 60);
        assert_eq!(bup_menurut_kelompok(K::FungsionalAhliMadya, lahir).usia, 60);
        assert_eq!(bup_menurut_kelompok(K::FungsionalAhliUtama, lahir).usia, 65);
        assert_eq!(bup_menurut_kelompok(K::FungsionalLainnya, lahir).usia, 58);
        // Eselon II.a is JPT pratama, III.a administrator, a functional level from its name.
        assert_eq!(K::dari_catatan(Some("1"), Some("21"), None), K::Jpt);
        assert_eq!(K::dari_catatan(Some("1"), Some("11"), None), K::Jpt);
        assert_eq!(
            K::dari_catatan(Some("1"), Some("31"), None),
            K::Administrasi
        );
        assert_eq!(
            K::dari_catatan(Some("2"), None, Some("Dokter Ahli Utama")),
            K::FungsionalAhliUtama
        );
        assert_eq!(
            K::dari_catatan(Some("2"), None, Some("Analis Kebijakan Ahli Madya")),
            K::FungsionalAhliMadya
        );
        assert_eq!(
            K::dari_catatan(Some("2"), None, Some("Pranata Komputer Terampil")),
            K::FungsionalLainnya
        );
        assert_eq!(K::dari_catatan(Some("4"), None, None), K::Administrasi);
        assert_eq!(K::dari_catatan(None, None, None), K::Administrasi);
        // The reference wins over the kind.
        let r = jabatan(70);
        assert_eq!(bup_jabatan(Some(&r), K::Administrasi, lahir).usia, 70);
        assert_eq!(
            bup_jabatan(Some(&r), K::Administrasi, lahir).dasar,
            DasarBup::Referensi
        );
    }

    #[test]
    fn the_2023_law_applies_to_ages_reached_from_its_date() {
        use KelompokJabatan as K;
        // 58 reached on 30 October 2023: still PP 11/2017; on 31 October: UU 20/2023.
        let sebelum = bup_menurut_kelompok(K::Administrasi, d(1965, 10, 30));
        assert_eq!(sebelum.dasar, DasarBup::Pp11Tahun2017);
        assert_eq!(
            hitung(d(1965, 10, 30), sebelum.usia).tmt_pensiun,
            d(2023, 11, 1)
        );
        let pada = bup_menurut_kelompok(K::Administrasi, d(1965, 10, 31));
        assert_eq!(pada.dasar, DasarBup::Uu20Tahun2023);
        assert_eq!(pada.usia, 58);
        // A JPT born in 1963 reached 60 in 2023 after the law: 60 by UU 20/2023.
        let jpt = bup_menurut_kelompok(K::Jpt, d(1963, 12, 1));
        assert_eq!((jpt.usia, jpt.dasar), (60, DasarBup::Uu20Tahun2023));
        // Born on 29 February 1964, 60 on 29 February 2024: the new law, TMT 1 March 2024.
        let kabisat = bup_menurut_kelompok(K::Jpt, d(1964, 2, 29));
        assert_eq!(kabisat.dasar, DasarBup::Uu20Tahun2023);
        assert_eq!(hitung(d(1964, 2, 29), 60).tmt_pensiun, d(2024, 3, 1));
        // Ahli utama who reached 65 in 2022: PP 11/2017.
        let utama = bup_menurut_kelompok(K::FungsionalAhliUtama, d(1957, 1, 31));
        assert_eq!((utama.usia, utama.dasar), (65, DasarBup::Pp11Tahun2017));
    }

    #[test]
    fn within_two_years() {
        let p = hitung(d(1968, 3, 3), 58);
        assert!(dalam_waktu(&p, d(2024, 4, 1), 2));
        assert!(!dalam_waktu(&p, d(2024, 3, 31), 2));
        assert!(!dalam_waktu(&p, d(2026, 4, 1), 2), "already retired");
    }
}
