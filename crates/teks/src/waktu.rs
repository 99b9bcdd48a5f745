//! Dates and moments as people read them, in pages, e-mails and signed PDFs alike:
//! "3 Maret 1968", "21 November 2026 14.05 WIB" (English: "3 March 1968",
//! "21 November 2026 14:05 WIB"), in the instance's time zone.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use siasn_domain::tanggal::format_indonesia;

use crate::Bahasa;

/// A date as people read it: "3 Maret 1968" / "3 March 1968".
pub fn tanggal(d: NaiveDate, b: Bahasa) -> String {
    match b {
        Bahasa::Indonesia => format_indonesia(d),
        Bahasa::Inggris => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let m = MONTHS.get(d.month0() as usize).copied().unwrap_or("?");
            format!("{} {m} {}", d.day(), d.year())
        }
    }
}

/// Indonesia's three time zones; an instance shows moments in one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZonaWaktu {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    #[default]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, Sulawesi, East Kalimantan).
    Wita,
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    Wit,
}

impl ZonaWaktu {
    /// From its abbreviation ("WIB", "WITA", "WIT"; any case).
    pub fn dari_kode(kode: &str) -> Option<Self> {
        match kode.trim().to_ascii_uppercase().as_str() {
            "WIB" => Some(Self::Wib),
            "WITA" => Some(Self::Wita),
            "WIT" => Some(Self::Wit),
            _ => None,
        }
    }

    /// Its abbreviation, shown after every time.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Wib => "WIB",
            Self::Wita => "WITA",
            Self::Wit => "WIT",
        }
    }

    fn jam_dari_utc(self) -> i32 {
        match self {
            Self::Wib => 7,
            Self::Wita => 8,
            Self::Wit => 9,
        }
    }
}

/// The instance's zone: one per process, set once at start from the configuration.
static ZONA: OnceLock<ZonaWaktu> = OnceLock::new();

/// Sets the instance's time zone (the first call wins; WIB when never called).
pub fn atur_zona_waktu(z: ZonaWaktu) {
    let _ = ZONA.set(z);
}

/// A moment in the instance's time zone, named: "21 November 2026 14.05 WIB"
/// ("21 November 2026 14:05 WIB" in English).
pub fn waktu(t: chrono::DateTime<chrono::Utc>, b: Bahasa) -> String {
    waktu_di(t, b, ZONA.get().copied().unwrap_or_default())
}

/// A moment in zone `z`.
pub fn waktu_di(t: chrono::DateTime<chrono::Utc>, b: Bahasa, z: ZonaWaktu) -> String {
    match chrono::FixedOffset::east_opt(z.jam_dari_utc() * 3600) {
        Some(tz) => {
            let lokal = t.with_timezone(&tz);
            let jam = match b {
                Bahasa::Indonesia => lokal.format("%H.%M"),
                Bahasa::Inggris => lokal.format("%H:%M"),
            };
            format!("{} {jam} {}", tanggal(lokal.date_naive(), b), z.kode())
        }
        None => t.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn moments_in_each_zone_cross_midnight_correctly() {
        let t = chrono::Utc
            .with_ymd_and_hms(2026, 12, 31, 16, 30, 0)
            .unwrap();
        assert_eq!(
            waktu_di(t, Bahasa::Indonesia, ZonaWaktu::Wib),
            "31 Desember 2026 23.30 WIB"
        );
        assert_eq!(
            waktu_di(t, Bahasa::Indonesia, ZonaWaktu::Wita),
            "1 Januari 2027 00.30 WITA"
        );
        assert_eq!(
            waktu_di(t, Bahasa::Inggris, ZonaWaktu::Wit),
            "1 January 2027 01:30 WIT"
        );
        assert_eq!(ZonaWaktu::dari_kode("wita"), Some(ZonaWaktu::Wita));
        assert_eq!(ZonaWaktu::dari_kode("UTC"), None);
    }
}
