//! Server-side sessions: only a hash of the cookie value is kept, with the stage of sign-in the
//! holder has reached and the limits after which it ends.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// How far a session has got through sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TahapSesi {
    /// Password accepted; the second factor is still owed.
    PerluMfa,
    /// Password accepted; MFA is mandatory and not enrolled yet: enrolment only.
    PerluDaftarMfa,
    /// Fully signed in.
    Penuh,
}

impl TahapSesi {
    /// Stored code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::PerluMfa => "MFA",
            Self::PerluDaftarMfa => "DAFTAR_MFA",
            Self::Penuh => "PENUH",
        }
    }

    /// From the stored code; anything unknown is the most restricted stage.
    pub fn from_kode(k: &str) -> Self {
        match k {
            "PENUH" => Self::Penuh,
            "DAFTAR_MFA" => Self::PerluDaftarMfa,
            _ => Self::PerluMfa,
        }
    }

    /// The stage right after the password: the second factor if enrolled, enrolment if the
    /// account's roles require one, else fully signed in.
    pub fn setelah_sandi(mfa_aktif: bool, wajib_mfa: bool) -> Self {
        if mfa_aktif {
            Self::PerluMfa
        } else if wajib_mfa {
            Self::PerluDaftarMfa
        } else {
            Self::Penuh
        }
    }
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sesi {
    /// SHA-256 of the cookie value.
    pub id_hash: String,
    /// Account.
    pub akun_id: Uuid,
    /// Sign-in stage.
    pub tahap: TahapSesi,
    /// CSRF token bound to the session.
    pub csrf: String,
    /// "Ingat saya" was ticked.
    pub ingat_saya: bool,
    /// Created.
    pub dibuat_pada: DateTime<Utc>,
    /// Last request.
    pub aktif_pada: DateTime<Utc>,
    /// Hard end, whatever the activity.
    pub batas_mutlak: DateTime<Utc>,
    /// Address at sign-in.
    pub alamat: Option<String>,
    /// Browser at sign-in (User-Agent, shortened).
    pub perangkat: Option<String>,
}

/// How long sessions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatasSesi {
    /// Idle time before an ordinary session ends.
    pub idle: Duration,
    /// Hard limit of an ordinary session.
    pub mutlak: Duration,
    /// Lifetime (idle and hard) of a "remember me" session.
    pub ingat_saya: Duration,
}

impl Sesi {
    /// Whether the session has ended by time at `now`.
    pub fn berakhir(&self, batas: &BatasSesi, now: DateTime<Utc>) -> bool {
        let idle = if self.ingat_saya {
            batas.ingat_saya
        } else {
            batas.idle
        };
        now >= self.batas_mutlak || now >= self.aktif_pada + idle
    }

    /// Whether the last-activity time is old enough to be worth a write (once a minute).
    pub fn perlu_disentuh(&self, now: DateTime<Utc>) -> bool {
        now - self.aktif_pada > Duration::seconds(60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sesi(ingat: bool, t0: DateTime<Utc>) -> Sesi {
        Sesi {
            id_hash: String::new(),
            akun_id: Uuid::nil(),
            tahap: TahapSesi::Penuh,
            csrf: String::new(),
            ingat_saya: ingat,
            dibuat_pada: t0,
            aktif_pada: t0,
            batas_mutlak: t0 + Duration::hours(12),
            alamat: None,
            perangkat: None,
        }
    }

    #[test]
    fn sessions_end_when_idle_or_at_the_hard_limit() {
        let t0 = Utc
            .with_ymd_and_hms(2026, 11, 2, 8, 0, 0)
            .single()
            .unwrap_or_default();
        let batas = BatasSesi {
            idle: Duration::minutes(30),
            mutlak: Duration::hours(12),
            ingat_saya: Duration::days(30),
        };
        let s = sesi(false, t0);
        assert!(!s.berakhir(&batas, t0 + Duration::minutes(29)));
        assert!(s.berakhir(&batas, t0 + Duration::minutes(30)));
        let s = sesi(true, t0);
        assert!(!s.berakhir(&batas, t0 + Duration::hours(11)));
        assert!(s.berakhir(&batas, t0 + Duration::hours(12)));
        assert_eq!(TahapSesi::from_kode("???"), TahapSesi::PerluMfa);
        assert_eq!(
            TahapSesi::setelah_sandi(false, true),
            TahapSesi::PerluDaftarMfa
        );
    }
}
