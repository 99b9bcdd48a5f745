//! Small security helpers: random tokens, hashes of secrets, constant-time comparison.

use sha2::{Digest, Sha256};

/// `n` bytes from the operating system's random source.
pub fn acak(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    if getrandom::fill(&mut buf).is_err() {
        // Without an OS random source no secret can be made safely; refuse to continue.
        tracing::error!("operating system random source failed");
        std::process::abort();
    }
    buf
}

/// A random URL-safe token of 32 bytes (hex).
pub fn token_acak() -> String {
    hex::encode(acak(32))
}

/// SHA-256 of a secret, hex; what is stored instead of the secret.
pub fn sidik(rahasia: &str) -> String {
    hex::encode(Sha256::digest(rahasia.as_bytes()))
}

/// Compares two strings in time independent of where they differ.
pub fn sama(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
