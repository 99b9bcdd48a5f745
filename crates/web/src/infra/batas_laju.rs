//! Per-address rate limits for login, reset and token entry (fixed windows, in memory).
//!
//! Each app server counts on its own; with N servers the effective limit is N times higher,
//! which is acceptable because per-account lock-outs (in the database) are the real defence.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Which limit applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Jalur {
    /// Password login and MFA code entry.
    Masuk,
    /// Token requests (activation, forgotten password).
    MintaToken,
    /// Token entry with a new password.
    PakaiToken,
    /// The public card check (page, captcha image, answer): about ten checks per five minutes.
    PeriksaKartu,
    /// The public check of a signed document (QR page and uploads).
    PeriksaDokumen,
    /// API token requests (client credentials and password grant); tokens live for an hour or
    /// more, so a well-behaved client needs a handful.
    TokenApi,
}

impl Jalur {
    fn batas(self) -> (u32, Duration) {
        match self {
            Self::Masuk => (30, Duration::minutes(5)),
            Self::MintaToken => (5, Duration::minutes(15)),
            Self::PakaiToken => (10, Duration::minutes(15)),
            Self::PeriksaKartu => (30, Duration::minutes(5)),
            Self::PeriksaDokumen => (30, Duration::minutes(5)),
            Self::TokenApi => (60, Duration::minutes(5)),
        }
    }
}

/// Window start and count, per limit and address.
type Jendela = HashMap<(Jalur, IpAddr), (DateTime<Utc>, u32)>;

/// The counters.
#[derive(Clone, Default)]
pub struct BatasLaju {
    hitungan: Arc<Mutex<Jendela>>,
}

impl BatasLaju {
    /// Counts one request; `Err(seconds)` says how long to wait when over the limit.
    pub fn periksa(&self, jalur: Jalur, alamat: IpAddr, now: DateTime<Utc>) -> Result<(), u64> {
        let (maks, jendela) = jalur.batas();
        let Ok(mut map) = self.hitungan.lock() else {
            return Ok(());
        };
        if map.len() > 100_000 {
            // Bounded memory: drop windows that have ended.
            map.retain(|(j, _), (mulai, _)| *mulai + j.batas().1 > now);
        }
        let entry = map.entry((jalur, alamat)).or_insert((now, 0));
        if entry.0 + jendela <= now {
            *entry = (now, 0);
        }
        if entry.1 >= maks {
            let sisa = (entry.0 + jendela - now).num_seconds().max(1);
            return Err(sisa as u64);
        }
        entry.1 += 1;
        Ok(())
    }
}
