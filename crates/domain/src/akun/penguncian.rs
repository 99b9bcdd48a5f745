//! Brute-force protection for one account: after a few failures each further attempt must wait
//! longer (1, 2, 4 … 60 s), and after more failures the account locks for a while. The caller
//! answers a refused attempt exactly like a wrong password, so nothing is revealed.

use chrono::{DateTime, Duration, Utc};

/// The thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KebijakanKunci {
    /// Failures allowed before attempts start to wait.
    pub gagal_sebelum_tunda: i32,
    /// Failures after which the account locks.
    pub gagal_sebelum_kunci: i32,
    /// How long a lock lasts.
    pub lama_kunci: Duration,
}

impl Default for KebijakanKunci {
    fn default() -> Self {
        Self {
            gagal_sebelum_tunda: 3,
            gagal_sebelum_kunci: 10,
            lama_kunci: Duration::minutes(15),
        }
    }
}

/// An account's failure state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusGagal {
    /// Consecutive failures.
    pub gagal_berturut: i32,
    /// No attempt is considered before this.
    pub tunda_sampai: Option<DateTime<Utc>>,
    /// Locked until.
    pub terkunci_sampai: Option<DateTime<Utc>>,
}

/// Whether an attempt may be checked at `now`.
pub fn boleh_dicoba(status: &StatusGagal, now: DateTime<Utc>) -> bool {
    status.terkunci_sampai.is_none_or(|t| now >= t) && status.tunda_sampai.is_none_or(|t| now >= t)
}

/// Whether the account is locked at `now`.
pub fn terkunci(status: &StatusGagal, now: DateTime<Utc>) -> bool {
    status.terkunci_sampai.is_some_and(|t| now < t)
}

/// The state after one more failure at `now`.
pub fn setelah_gagal(k: &KebijakanKunci, status: &StatusGagal, now: DateTime<Utc>) -> StatusGagal {
    // A lock that has run out starts a fresh count, so the next lock needs as many failures.
    let sebelumnya = if status.terkunci_sampai.is_some_and(|t| now >= t) {
        0
    } else {
        status.gagal_berturut
    };
    let gagal = sebelumnya.saturating_add(1);
    if gagal >= k.gagal_sebelum_kunci {
        return StatusGagal {
            gagal_berturut: gagal,
            tunda_sampai: None,
            terkunci_sampai: Some(now + k.lama_kunci),
        };
    }
    let tunda = if gagal >= k.gagal_sebelum_tunda {
        let exp = (gagal - k.gagal_sebelum_tunda).min(6) as u32;
        Some(now + Duration::seconds(i64::from(2_u32.pow(exp)).min(60)))
    } else {
        None
    };
    StatusGagal {
        gagal_berturut: gagal,
        tunda_sampai: tunda,
        terkunci_sampai: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn delays_grow_then_the_account_locks_then_unlocks() {
        let k = KebijakanKunci::default();
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
        let mut s = StatusGagal::default();
        let mut now = t0;
        for i in 1..=2 {
            s = setelah_gagal(&k, &s, now);
            assert_eq!(s.gagal_berturut, i);
            assert!(s.tunda_sampai.is_none());
            assert!(boleh_dicoba(&s, now));
        }
        s = setelah_gagal(&k, &s, now);
        assert_eq!(s.tunda_sampai, Some(now + Duration::seconds(1)));
        assert!(!boleh_dicoba(&s, now));
        now += Duration::seconds(1);
        assert!(boleh_dicoba(&s, now));
        s = setelah_gagal(&k, &s, now);
        assert_eq!(s.tunda_sampai, Some(now + Duration::seconds(2)));
        for _ in 5..=9 {
            now = s.tunda_sampai.unwrap_or(now);
            s = setelah_gagal(&k, &s, now);
        }
        assert_eq!(s.gagal_berturut, 9);
        assert_eq!(s.tunda_sampai, Some(now + Duration::seconds(60)));
        now = s.tunda_sampai.unwrap();
        s = setelah_gagal(&k, &s, now);
        assert!(terkunci(&s, now));
        assert!(!boleh_dicoba(&s, now + Duration::minutes(14)));
        assert!(boleh_dicoba(&s, now + Duration::minutes(15)));
        // After the lock runs out, one more failure does not re-lock at once.
        let after = setelah_gagal(&k, &s, now + Duration::minutes(15));
        assert_eq!(after.gagal_berturut, 1);
        assert!(!terkunci(&after, now + Duration::minutes(15)));
    }
}
