//! Password hashing off the async executor, with a bound on concurrent hashes so a burst of
//! logins queues instead of starving every other request.

use std::sync::Arc;

use tokio::sync::Semaphore;

/// Runs argon2id on the blocking pool, at most `n` at a time.
#[derive(Clone)]
pub struct Hasher {
    izin: Arc<Semaphore>,
    /// Verified against when the account does not exist, so unknown NIPs cost the same time.
    hash_palsu: Arc<String>,
}

impl Hasher {
    /// A hasher allowing `paralel` concurrent hashes.
    pub fn new(paralel: usize) -> Self {
        let hash_palsu = siasn_store::sandi::hash("tidak-ada-akun-seperti-ini-Zz9")
            .unwrap_or_else(|_| "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into());
        Self {
            izin: Arc::new(Semaphore::new(paralel.max(1))),
            hash_palsu: Arc::new(hash_palsu),
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
        let ok = tokio::task::spawn_blocking(move || siasn_store::sandi::cocok(&sandi, &hash))
            .await
            .unwrap_or(false);
        ok && ada
    }
}
