//! Rate limits for login, reset and token entry (fixed windows, in memory): per address, and
//! for sign-in also per account named, so that an office behind one NAT address is not
//! stopped on a busy morning while guessing at one account still is.
//!
//! One app server counts in memory. Several (`multi_server`) count together in the database
//! (decision 0019): fixed windows aligned to the clock, keyed by a hash under a secret all
//! servers share, so an address or account name is never stored. Should the database not
//! answer, a request is let through (the per-account lock-out in the database stays the real
//! defence) and a warning is logged.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use siasn_store::Store;
use uuid::Uuid;

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

impl Jalur {
    fn kode(self) -> &'static str {
        match self {
            Self::Masuk => "masuk",
            Self::MasukAkun => "masuk_akun",
            Self::MintaToken => "minta_token",
            Self::PakaiToken => "pakai_token",
            Self::PeriksaKartu => "periksa_kartu",
            Self::PeriksaDokumen => "periksa_dokumen",
            Self::TokenApi => "token_api",
        }
    }
}

/// Who is counted: an address, an account name (kept only as a keyed hash), or an API client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kunci {
    Alamat(IpAddr),
    Akun(u64),
    Klien(Uuid),
}

/// Counting in the database, shared by every app server.
#[derive(Clone)]
struct Bersama {
    store: Store,
    /// The instance's secret the keys are hashed under (the same on every server).
    rahasia: Arc<String>,
}

/// Window start and count, per limit and key.
type Jendela = HashMap<(String, Kunci), (DateTime<Utc>, u32)>;

/// The counters.
#[derive(Clone, Default)]
pub struct BatasLaju {
    hitungan: Arc<Mutex<Jendela>>,
    masuk: BatasMasuk,
    /// Random per process, so nobody can pick names that share a counter.
    acak: RandomState,
    bersama: Option<Bersama>,
}

impl BatasLaju {
    /// Counters with these sign-in limits.
    pub fn new(masuk: BatasMasuk) -> Self {
        Self {
            masuk,
            ..Self::default()
        }
    }

    /// Counters kept in the database, shared with every other app server on it.
    pub async fn bersama(masuk: BatasMasuk, store: Store) -> siasn_store::StoreResult<Self> {
        let rahasia = store
            .rahasia_instance(
                "batas_laju",
                || hex::encode(siasn_app::rahasia::acak(32)),
                Utc::now(),
            )
            .await?;
        Ok(Self {
            masuk,
            bersama: Some(Bersama {
                store,
                rahasia: Arc::new(rahasia),
            }),
            ..Self::default()
        })
    }

    /// Counts one request; `Err(seconds)` says how long to wait when over the limit.
    pub async fn periksa(
        &self,
        jalur: Jalur,
        alamat: IpAddr,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        let (maks, jendela) = jalur.batas(self.masuk);
        self.hitung(jalur.kode(), Kunci::Alamat(alamat), maks, jendela, now)
            .await
    }

    /// Counts one sign-in at the account named `login` (spaces and case ignored, as sign-in
    /// ignores them).
    pub async fn periksa_akun(&self, login: &str, now: DateTime<Utc>) -> Result<(), u64> {
        let nama: String = login
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let (maks, jendela) = Jalur::MasukAkun.batas(self.masuk);
        let kunci = match &self.bersama {
            // Shared: the name itself goes into the keyed hash below.
            Some(b) => {
                return self
                    .hitung_bersama(b, &format!("masuk_akun|{nama}"), maks, jendela, now)
                    .await;
            }
            None => Kunci::Akun(self.acak.hash_one(nama)),
        };
        self.hitung(Jalur::MasukAkun.kode(), kunci, maks, jendela, now)
            .await
    }

    /// Counts one API call of a client allowed `per_menit` calls a minute.
    pub async fn periksa_klien(
        &self,
        klien: Uuid,
        per_menit: u32,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        self.hitung(
            "api",
            Kunci::Klien(klien),
            per_menit,
            Duration::minutes(1),
            now,
        )
        .await
    }

    async fn hitung(
        &self,
        label: &str,
        kunci: Kunci,
        maks: u32,
        jendela: Duration,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        if let Some(b) = &self.bersama {
            let teks = match kunci {
                Kunci::Alamat(a) => format!("{label}|{a}"),
                Kunci::Akun(h) => format!("{label}|{h}"),
                Kunci::Klien(k) => format!("{label}|{k}"),
            };
            return self.hitung_bersama(b, &teks, maks, jendela, now).await;
        }
        self.hitung_lokal(label, kunci, maks, jendela, now)
    }

    async fn hitung_bersama(
        &self,
        b: &Bersama,
        teks: &str,
        maks: u32,
        jendela: Duration,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        let detik = jendela.num_seconds().max(1);
        let mulai = now.timestamp() - now.timestamp().rem_euclid(detik);
        let mut h = Sha256::new();
        h.update(b.rahasia.as_bytes());
        h.update(b"|");
        h.update(teks.as_bytes());
        let kunci = hex::encode(&h.finalize()[..16]);
        match b.store.hitung_batas_laju(&kunci, mulai).await {
            Ok(n) if n > i64::from(maks) => Err(u64::try_from(mulai + detik - now.timestamp())
                .unwrap_or(1)
                .max(1)),
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, "shared rate limit unavailable; request let through");
                Ok(())
            }
        }
    }

    fn hitung_lokal(
        &self,
        label: &str,
        kunci: Kunci,
        maks: u32,
        jendela: Duration,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        let Ok(mut map) = self.hitungan.lock() else {
            return Ok(());
        };
        if map.len() > 100_000 {
            // Bounded memory: drop windows that have ended (none is longer than an hour).
            map.retain(|_, (mulai, _)| *mulai + Duration::hours(1) > now);
        }
        let entry = map.entry((label.to_string(), kunci)).or_insert((now, 0));
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

    #[tokio::test]
    async fn an_address_and_an_account_are_counted_apart() {
        let b = BatasLaju::new(BatasMasuk {
            per_alamat: 3,
            per_akun: 2,
        });
        let t = Utc::now();
        let kantor = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let rumah = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));
        for _ in 0..3 {
            assert!(b.periksa(Jalur::Masuk, kantor, t).await.is_ok());
        }
        assert!(
            b.periksa(Jalur::Masuk, kantor, t).await.is_err(),
            "address ceiling"
        );
        assert!(
            b.periksa(Jalur::Masuk, rumah, t).await.is_ok(),
            "another address"
        );
        assert!(b.periksa_akun("19680303 199403 1 001", t).await.is_ok());
        assert!(b.periksa_akun("196803031994031001", t).await.is_ok());
        let tunggu = b.periksa_akun("19680303199403 1001", t).await;
        assert!(
            tunggu.is_err_and(|s| s > 0 && s <= 300),
            "same account, spaces ignored"
        );
        assert!(
            b.periksa_akun("admin.bkn", t).await.is_ok(),
            "another account"
        );
        assert!(
            b.periksa_akun("19680303 199403 1 001", t + Duration::minutes(5))
                .await
                .is_ok()
        );
    }

    /// Two app servers on one database count together; an address's or a name's own text is
    /// never stored.
    #[tokio::test]
    async fn servers_on_one_database_share_their_counts() {
        let t = siasn_store::testing::sqlite().await;
        let masuk = BatasMasuk {
            per_alamat: 4,
            per_akun: 3,
        };
        let a = BatasLaju::bersama(masuk, t.store.clone()).await.unwrap();
        let b = BatasLaju::bersama(masuk, t.store.clone()).await.unwrap();
        let now = Utc::now();
        let kantor = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 9));
        for s in [&a, &b, &a, &b] {
            assert!(s.periksa(Jalur::Masuk, kantor, now).await.is_ok());
        }
        assert!(a.periksa(Jalur::Masuk, kantor, now).await.is_err());
        assert!(b.periksa(Jalur::Masuk, kantor, now).await.is_err());
        for s in [&a, &b, &a] {
            assert!(s.periksa_akun("admin.jabar", now).await.is_ok());
        }
        assert!(b.periksa_akun("ADMIN.jabar", now).await.is_err());
        let klien = Uuid::now_v7();
        assert!(a.periksa_klien(klien, 1, now).await.is_ok());
        assert!(b.periksa_klien(klien, 1, now).await.is_err());
        // A later window starts afresh.
        let nanti = now + Duration::minutes(6);
        assert!(b.periksa(Jalur::Masuk, kantor, nanti).await.is_ok());
        // Only keyed hashes are stored.
        let kunci = t.store.kunci_batas_laju().await.unwrap();
        assert!(!kunci.is_empty());
        assert!(
            kunci
                .iter()
                .all(|k| k.len() == 32 && !k.contains("10.0.0.9"))
        );
    }
}
