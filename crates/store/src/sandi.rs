//! Password hashes: argon2id in the PHC string format, with the parameters OWASP recommends
//! (19 MiB memory, 2 passes, 1 lane). Stored hashes carry their parameters, so raising them
//! later keeps old hashes verifiable.

use argon2::Block;
use argon2::password_hash::PasswordHasher;
use argon2::password_hash::phc::{Output, PasswordHash};
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

/// Whether `sandi` matches the stored hash (false for a malformed hash), in fresh memory; the
/// server keeps memory between checks with [`cocok_dengan`].
pub fn cocok(sandi: &str, hash: &str) -> bool {
    cocok_dengan(sandi, hash, &mut MemoriArgon2::default())
}

/// Working memory for argon2id kept between verifications. Allocating the 19 MiB afresh for
/// every sign-in makes the kernel fault in and zero ~5,000 pages each time, which on a busy
/// server costs about a tenth of the hash itself.
#[derive(Default)]
pub struct MemoriArgon2(Vec<Block>);

/// Whether `sandi` matches the stored hash, computed in `memori` (parameters and salt taken
/// from the stored hash, constant-time comparison). The memory is wiped afterwards, as the reference implementation
/// does, so nothing derived from a password stays in the process.
pub fn cocok_dengan(sandi: &str, hash: &str, memori: &mut MemoriArgon2) -> bool {
    let hasil = hitung_dengan(sandi, hash, memori).unwrap_or(false);
    memori.0.fill(Block::new());
    hasil
}

fn hitung_dengan(sandi: &str, hash: &str, memori: &mut MemoriArgon2) -> Option<bool> {
    let parsed = PasswordHash::new(hash).ok()?;
    let (salt, harapan) = (parsed.salt.as_ref()?, parsed.hash.as_ref()?);
    let algoritma = Algorithm::try_from(parsed.algorithm.as_str()).ok()?;
    let versi = Version::try_from(parsed.version?).ok()?;
    let params = Params::try_from(&parsed).ok()?;
    let blok = params.block_count();
    if memori.0.len() < blok {
        memori.0.resize(blok, Block::new());
    }
    let mut keluaran = vec![0u8; harapan.len()];
    Argon2::new(algoritma, versi, params)
        .hash_password_into_with_memory(
            sandi.as_bytes(),
            salt.as_ref(),
            &mut keluaran,
            &mut memori.0[..blok],
        )
        .ok()?;
    // Output's equality is constant-time.
    Some(Output::new(&keluaran).ok()? == *harapan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::PasswordVerifier;

    #[test]
    fn round_trip() {
        let h = hash("Rahasia#2026").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(cocok("Rahasia#2026", &h));
        assert!(!cocok("rahasia#2026", &h));
        assert!(!cocok("Rahasia#2026", "bukan-hash"));
        assert_ne!(hash("Rahasia#2026").unwrap(), h, "salted");
    }

    #[test]
    fn reused_memory_agrees_with_the_crate_verifier() {
        let mut memori = MemoriArgon2::default();
        let h = hash("Rahasia#2026").unwrap();
        // Twice each, so the second run starts from memory the first one used.
        for _ in 0..2 {
            assert!(cocok_dengan("Rahasia#2026", &h, &mut memori));
            assert!(!cocok_dengan("rahasia#2026", &h, &mut memori));
        }
        assert!(!cocok_dengan("Rahasia#2026", "bukan-hash", &mut memori));
        // Other parameters carried by an older hash are honoured, and the memory is wiped.
        let lama = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 3, 1, None).unwrap(),
        )
        .hash_password(b"Sandi-Lama-1")
        .unwrap()
        .to_string();
        assert!(cocok_dengan("Sandi-Lama-1", &lama, &mut memori));
        assert!(cocok("Sandi-Lama-1", &lama));
        // The crate's own verifier is the reference.
        let argon = Argon2::default();
        for (benar, h) in [("Rahasia#2026", &h), ("Sandi-Lama-1", &lama)] {
            let parsed = PasswordHash::new(h).unwrap();
            assert!(argon.verify_password(benar.as_bytes(), &parsed).is_ok());
            assert!(argon.verify_password(b"salah", &parsed).is_err());
            assert!(!cocok_dengan("salah", h, &mut memori));
        }
        assert!(!cocok_dengan("Sandi-Lama-2", &lama, &mut memori));
        assert!(memori.0.iter().all(|b| b.as_ref().iter().all(|w| *w == 0)));
    }
}
