//! When a waiting proposal is due at its verification stage. No regulation sets a deadline
//! for verifying data-update proposals, so the number of days is the instance's setting
//! (decision 0018); this only says where a proposal stands against it.

use chrono::{DateTime, Duration, Utc};

/// Where a waiting proposal stands against its due time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosisiTenggat {
    /// More than a day left.
    Aman,
    /// Due within the next 24 hours.
    Dekat,
    /// Past its due time.
    Lewat,
}

/// The due time of a proposal waiting since `sejak`, given `hari` days per stage.
pub fn tenggat(sejak: DateTime<Utc>, hari: u32) -> DateTime<Utc> {
    sejak + Duration::days(i64::from(hari))
}

/// Where a proposal due at `jatuh_tempo` stands at `sekarang`.
pub fn posisi(jatuh_tempo: DateTime<Utc>, sekarang: DateTime<Utc>) -> PosisiTenggat {
    if sekarang > jatuh_tempo {
        PosisiTenggat::Lewat
    } else if jatuh_tempo - sekarang <= Duration::hours(24) {
        PosisiTenggat::Dekat
    } else {
        PosisiTenggat::Aman
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    #[test]
    fn due_after_the_stage_days_and_marked_a_day_ahead() {
        let due = tenggat(t(1, 9), 5);
        assert_eq!(due, t(6, 9));
        assert_eq!(posisi(due, t(4, 9)), PosisiTenggat::Aman);
        assert_eq!(posisi(due, t(5, 9)), PosisiTenggat::Dekat);
        assert_eq!(posisi(due, t(6, 9)), PosisiTenggat::Dekat);
        assert_eq!(posisi(due, t(6, 10)), PosisiTenggat::Lewat);
    }
}
