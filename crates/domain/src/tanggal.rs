//! Calendar helpers shared by the rules: year-month values, ages, whole months between dates.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar month (e.g. TMT CPNS as encoded in the NIP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BulanTahun {
    /// Year, e.g. 1989.
    pub tahun: i32,
    /// Month 1–12.
    pub bulan: u32,
}

impl BulanTahun {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            tahun: date.year(),
            bulan: date.month(),
        }
    }

    /// The 1st of this month (falls back to the 1st of January for an invalid month).
    pub fn hari_pertama(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.tahun, self.bulan, 1)
            .or_else(|| NaiveDate::from_ymd_opt(self.tahun, 1, 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The month `n` months later.
    pub fn tambah_bulan(self, n: i32) -> Self {
        let index = self.tahun * 12 + self.bulan as i32 - 1 + n;
        Self {
            tahun: index.div_euclid(12),
            bulan: index.rem_euclid(12) as u32 + 1,
        }
    }
}

impl fmt::Display for BulanTahun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.tahun, self.bulan)
    }
}

/// Age in completed years on `pada` of someone born on `lahir` (0 if not yet born).
pub fn usia_pada(lahir: NaiveDate, pada: NaiveDate) -> u32 {
    pada.years_since(lahir).unwrap_or(0)
}

/// Completed months from `dari` to `sampai` (0 when `sampai` is earlier).
pub fn bulan_penuh(dari: NaiveDate, sampai: NaiveDate) -> u32 {
    if sampai <= dari {
        return 0;
    }
    let mut months =
        (sampai.year() - dari.year()) * 12 + sampai.month() as i32 - dari.month() as i32;
    if sampai.day() < dari.day() {
        months -= 1;
    }
    months.max(0) as u32
}

const NAMA_BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A date the Indonesian way: "3 Maret 1968".
pub fn format_indonesia(date: NaiveDate) -> String {
    let bulan = NAMA_BULAN
        .get(date.month0() as usize)
        .copied()
        .unwrap_or("?");
    format!("{} {} {}", date.day(), bulan, date.year())
}

/// A date as the SIASN API writes it: "03-03-1968".
pub fn format_siasn(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// Parses an SIASN API date ("dd-mm-yyyy").
pub fn parse_siasn(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%d-%m-%Y").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ages_and_months() {
        assert_eq!(usia_pada(d(1968, 3, 3), d(2026, 3, 2)), 57);
        assert_eq!(usia_pada(d(1968, 3, 3), d(2026, 3, 3)), 58);
        assert_eq!(usia_pada(d(2000, 2, 29), d(2018, 2, 28)), 17);
        assert_eq!(usia_pada(d(2000, 2, 29), d(2018, 3, 1)), 18);
        assert_eq!(bulan_penuh(d(1989, 11, 1), d(2026, 11, 1)), 444);
        assert_eq!(bulan_penuh(d(2020, 1, 31), d(2020, 2, 29)), 0);
        assert_eq!(bulan_penuh(d(2020, 1, 31), d(2020, 3, 1)), 1);
        assert_eq!(bulan_penuh(d(2020, 5, 1), d(2020, 4, 1)), 0);
    }

    #[test]
    fn month_arithmetic() {
        let m = BulanTahun {
            tahun: 2025,
            bulan: 12,
        };
        assert_eq!(
            m.tambah_bulan(1),
            BulanTahun {
                tahun: 2026,
                bulan: 1
            }
        );
        assert_eq!(
            m.tambah_bulan(-12),
            BulanTahun {
                tahun: 2024,
                bulan: 12
            }
        );
    }

    #[test]
    fn formats() {
        assert_eq!(format_indonesia(d(1968, 3, 3)), "3 Maret 1968");
        assert_eq!(format_siasn(d(1968, 3, 3)), "03-03-1968");
        assert_eq!(parse_siasn("31-12-2020"), Some(d(2020, 12, 31)));
        assert_eq!(parse_siasn("31-02-2020"), None);
    }
}
