//! Retirement: BUP comes from the position reference; TMT pensiun is the 1st of the month after
//! the month in which the employee reaches BUP (PP 11/2017 as amended).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::referensi::RefJabatan;
use crate::tanggal::BulanTahun;

/// BUP used when the position is not in the reference: the lowest BUP (administration posts).
pub const BUP_BAWAAN: u8 = 58;

/// The retirement age for a holder of `jabatan` (its `usiaBup`), or the default.
pub fn bup(jabatan: Option<&RefJabatan>) -> u8 {
    jabatan.map_or(BUP_BAWAAN, |j| j.usia_bup)
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
    fn within_two_years() {
        let p = hitung(d(1968, 3, 3), 58);
        assert!(dalam_waktu(&p, d(2024, 4, 1), 2));
        assert!(!dalam_waktu(&p, d(2024, 3, 31), 2));
        assert!(!dalam_waktu(&p, d(2026, 4, 1), 2), "already retired");
    }
}
