//! Account security rules: password policy, typeable one-time codes and TOTP.
//!
//! Pure like the rest of the crate: randomness and the current time are passed in by callers.

pub mod kata_sandi;
pub mod kode;
pub mod penguncian;
pub mod totp;
