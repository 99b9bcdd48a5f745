//! Password hashes: argon2id in the PHC string format, with the parameters OWASP recommends
//! (19 MiB memory, 2 passes, 1 lane). Stored hashes carry their parameters, so raising them
//! later keeps old hashes verifiable.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{StoreError, StoreResult};

fn argon2() -> StoreResult<Argon2<'static>> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| StoreError::Corrupt(format!("parameter argon2: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password (CPU-heavy: run it off the async executor).
pub fn hash(sandi: &str) -> StoreResult<String> {
    // The salt comes from the operating system's random source (argon2's getrandom feature).
    argon2()?
        .hash_password(sandi.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Corrupt(format!("hash argon2: {e}")))
}

/// Whether `sandi` matches the stored hash (false for a malformed hash).
pub fn cocok(sandi: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let Ok(a) = argon2() else { return false };
    a.verify_password(sandi.as_bytes(), &parsed).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let h = hash("Rahasia#2026").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(cocok("Rahasia#2026", &h));
        assert!(!cocok("rahasia#2026", &h));
        assert!(!cocok("Rahasia#2026", "bukan-hash"));
        assert_ne!(hash("Rahasia#2026").unwrap(), h, "salted");
    }
}
