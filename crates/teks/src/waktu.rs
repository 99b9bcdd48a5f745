//! Dates and moments as people read them, in pages and e-mails alike: "3 Maret 1968",
//! "21 November 2026 14.05 WIB" (English: "3 March 1968", "21 November 2026 14:05 WIB").

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

/// A moment in Indonesia's western time zone (WIB), e.g. "21 November 2026 14.05 WIB"
/// ("21 November 2026 14:05 WIB" in English).
pub fn waktu(t: chrono::DateTime<chrono::Utc>, b: Bahasa) -> String {
    match chrono::FixedOffset::east_opt(7 * 3600) {
        Some(tz) => {
            let lokal = t.with_timezone(&tz);
            let jam = match b {
                Bahasa::Indonesia => lokal.format("%H.%M"),
                Bahasa::Inggris => lokal.format("%H:%M"),
            };
            format!("{} {jam} WIB", tanggal(lokal.date_naive(), b))
        }
        None => t.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}
