//! Password hashing off the async executor, with a bound on concurrent hashes so a burst of
//! logins queues instead of starving every other request.

use std::sync::{Arc, Mutex};

use siasn_store::sandi::MemoriArgon2;
use tokio::sync::Semaphore;

/// Runs argon2id on the blocking pool, at most `n` at a time.
#[derive(Clone)]
pub struct Hasher {
    izin: Arc<Semaphore>,
    /// Verified against when the account does not exist, so unknown NIPs cost the same time.
    hash_palsu: Arc<String>,
    /// Working memory of finished verifications, taken by the next ones (at most `n` exist,
    /// one per permit), so sign-ins do not allocate and fault in 19 MiB each.
    memori: Arc<Mutex<Vec<MemoriArgon2>>>,
}

impl Hasher {
    /// A hasher allowing `paralel` concurrent hashes.
    pub fn new(paralel: usize) -> Self {
        let hash_palsu = siasn_store::sandi::hash("tidak-ada-akun-seperti-ini-Zz9")
            .unwrap_or_else(|_| "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into());
        Self {
            izin: Arc::new(Semaphore::new(paralel.max(1))),
            hash_palsu: Arc::new(hash_palsu),
            memori: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Hashes a new password.
    pub async fn hash(&self, sandi: String) -> Option<String> {
        let _izin = self.izin.acquire().await.ok()?;
        tokio::task::spawn_blocking(move || siasn_store::sandi::hash(&sandi).ok())
            .await
            .ok()
            .flatten()
    }

    /// Checks a password; with no stored hash it checks a decoy and returns false.
    pub async fn cocok(&self, sandi: String, hash: Option<String>) -> bool {
        let Ok(_izin) = self.izin.acquire().await else {
            return false;
        };
        let ada = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.hash_palsu.as_ref().clone());
        let simpanan = self.memori.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let mut memori = simpanan
                .lock()
                .ok()
                .and_then(|mut v| v.pop())
                .unwrap_or_default();
            let ok = siasn_store::sandi::cocok_dengan(&sandi, &hash, &mut memori);
            if let Ok(mut v) = simpanan.lock() {
                v.push(memori);
            }
            ok
        })
        .await
        .unwrap_or(false);
        ok && ada
    }
}
