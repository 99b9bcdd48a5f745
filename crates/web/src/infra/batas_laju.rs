//! Rate limits for login, reset and token entry (fixed windows, in memory): per address, and
//! for sign-in also per account named, so that an office behind one NAT address is not
//! stopped on a busy morning while guessing at one account still is.
//!
//! Each app server counts on its own; with N servers the effective limit is N times higher,
//! which is acceptable because per-account lock-outs (in the database) are the real defence.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Which limit applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Jalur {
    /// Password login and MFA code entry, per address.
    Masuk,
    /// Password login, per account named (whether it exists or not).
    MasukAkun,
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

/// Sign-in attempts allowed per five minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatasMasuk {
    /// From one address (an office behind NAT is many people).
    pub per_alamat: u32,
    /// At one account, from anywhere (more than the lock-out needs, so the lock-out, with its
    /// e-mail to the owner, is what a guesser meets first).
    pub per_akun: u32,
}

impl Default for BatasMasuk {
    fn default() -> Self {
        Self {
            per_alamat: 300,
            per_akun: 30,
        }
    }
}

impl Jalur {
    fn batas(self, masuk: BatasMasuk) -> (u32, Duration) {
        match self {
            Self::Masuk => (masuk.per_alamat, Duration::minutes(5)),
            Self::MasukAkun => (masuk.per_akun, Duration::minutes(5)),
            Self::MintaToken => (5, Duration::minutes(15)),
            Self::PakaiToken => (10, Duration::minutes(15)),
            Self::PeriksaKartu => (30, Duration::minutes(5)),
            Self::PeriksaDokumen => (30, Duration::minutes(5)),
            Self::TokenApi => (60, Duration::minutes(5)),
        }
    }
}

/// Who is counted: an address, or an account name (kept only as a keyed hash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kunci {
    Alamat(IpAddr),
    Akun(u64),
}

/// Window start and count, per limit and key.
type Jendela = HashMap<(Jalur, Kunci), (DateTime<Utc>, u32)>;

/// The counters.
#[derive(Clone, Default)]
pub struct BatasLaju {
    hitungan: Arc<Mutex<Jendela>>,
    masuk: BatasMasuk,
    /// Random per process, so nobody can pick names that share a counter.
    acak: RandomState,
}

impl BatasLaju {
    /// Counters with these sign-in limits.
    pub fn new(masuk: BatasMasuk) -> Self {
        Self {
            masuk,
            ..Self::default()
        }
    }

    /// Counts one request; `Err(seconds)` says how long to wait when over the limit.
    pub fn periksa(&self, jalur: Jalur, alamat: IpAddr, now: DateTime<Utc>) -> Result<(), u64> {
        self.hitung(jalur, Kunci::Alamat(alamat), now)
    }

    /// Counts one sign-in at the account named `login` (spaces and case ignored, as sign-in
    /// ignores them).
    pub fn periksa_akun(&self, login: &str, now: DateTime<Utc>) -> Result<(), u64> {
        let nama: String = login
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        self.hitung(Jalur::MasukAkun, Kunci::Akun(self.acak.hash_one(nama)), now)
    }

    fn hitung(&self, jalur: Jalur, kunci: Kunci, now: DateTime<Utc>) -> Result<(), u64> {
        let (maks, jendela) = jalur.batas(self.masuk);
        let Ok(mut map) = self.hitungan.lock() else {
            return Ok(());
        };
        if map.len() > 100_000 {
            // Bounded memory: drop windows that have ended.
            let masuk = self.masuk;
            map.retain(|(j, _), (mulai, _)| *mulai + j.batas(masuk).1 > now);
        }
        let entry = map.entry((jalur, kunci)).or_insert((now, 0));
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn an_address_and_an_account_are_counted_apart() {
        let b = BatasLaju::new(BatasMasuk {
            per_alamat: 3,
            per_akun: 2,
        });
        let t = Utc::now();
        let kantor = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let rumah = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));
        for _ in 0..3 {
            assert!(b.periksa(Jalur::Masuk, kantor, t).is_ok());
        }
        assert!(
            b.periksa(Jalur::Masuk, kantor, t).is_err(),
            "address ceiling"
        );
        assert!(b.periksa(Jalur::Masuk, rumah, t).is_ok(), "another address");
        assert!(b.periksa_akun("19680303 199403 1 001", t).is_ok());
        assert!(b.periksa_akun("196803031994031001", t).is_ok());
        let tunggu = b.periksa_akun("19680303199403 1001", t);
        assert!(
            tunggu.is_err_and(|s| s > 0 && s <= 300),
            "same account, spaces ignored"
        );
        assert!(b.periksa_akun("admin.bkn", t).is_ok(), "another account");
        assert!(
            b.periksa_akun("19680303 199403 1 001", t + Duration::minutes(5))
                .is_ok()
        );
    }
}
