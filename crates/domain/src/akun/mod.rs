//! Accounts: who signs in, their grants, sessions and one-time tokens, and the security rules
//! around them (password policy, typeable codes, TOTP, lock-out).
//!
//! Pure like the rest of the crate: randomness and the current time are passed in by callers.

pub mod kata_sandi;
pub mod kode;
pub mod penguncian;
pub mod sesi;
pub mod totp;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::akses::{Pelaku, PeranAkun};
use penguncian::StatusGagal;

pub use sesi::{Sesi, TahapSesi};

/// An account with everything sign-in needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Akun {
    /// Id.
    pub id: Uuid,
    /// The employee this account belongs to (sign-in by NIP).
    pub pegawai_id: Option<Uuid>,
    /// Optional user name (operators, bootstrap admins).
    pub nama_pengguna: Option<String>,
    /// Display name.
    pub nama: String,
    /// Where e-mail goes: the employee's registered e-mail, else the account's own.
    pub email: Option<String>,
    /// Argon2id PHC string; None until activated.
    pub sandi_hash: Option<String>,
    /// TOTP secret (base32) once enrolment started.
    pub mfa_rahasia: Option<String>,
    /// Whether TOTP is enrolled and required at sign-in.
    pub mfa_aktif: bool,
    /// Last TOTP step accepted (replay guard).
    pub mfa_langkah_terakhir: Option<i64>,
    /// Consecutive failed sign-ins.
    pub gagal_berturut: i32,
    /// No sign-in attempt is considered before this time.
    pub tunda_sampai: Option<DateTime<Utc>>,
    /// Locked until.
    pub terkunci_sampai: Option<DateTime<Utc>>,
    /// Grants.
    pub peran: Vec<PeranAkun>,
}

impl Akun {
    /// The account as an actor with its grants (what authorisation decides on).
    pub fn pelaku(&self) -> Pelaku {
        Pelaku {
            akun_id: self.id,
            pegawai_id: self.pegawai_id,
            peran: self.peran.clone(),
        }
    }

    /// Its lock-out counters.
    pub fn status_gagal(&self) -> StatusGagal {
        StatusGagal {
            gagal_berturut: self.gagal_berturut,
            tunda_sampai: self.tunda_sampai,
            terkunci_sampai: self.terkunci_sampai,
        }
    }

    /// The label in the audit log ("akun:<id>").
    pub fn label_audit(&self) -> String {
        format!("akun:{}", self.id)
    }
}

/// How a person identifies at sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// 18 digits.
    Nip(String),
    /// A user name (stored lower-case).
    NamaPengguna(String),
}

/// Longest sign-in identifier accepted (anything longer is refused before any work).
pub const PANJANG_LOGIN_MAKS: usize = 254;

impl Login {
    /// Reads what was typed: a NIP (with or without spaces) or a user name.
    pub fn baca(input: &str, hari_ini: chrono::NaiveDate) -> Option<Self> {
        let t = input.trim();
        if t.is_empty() || t.len() > PANJANG_LOGIN_MAKS {
            return None;
        }
        if t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
            return crate::Nip::parse(t, hari_ini)
                .ok()
                .map(|n| Self::Nip(n.as_str().to_string()));
        }
        let ok = t.len() <= 64
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        ok.then(|| Self::NamaPengguna(t.to_ascii_lowercase()))
    }
}

/// The kinds of one-time token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisToken {
    /// First password of an account.
    Aktivasi,
    /// Forgotten password.
    AturUlang,
}

impl JenisToken {
    /// Stored code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Aktivasi => "AKTIVASI",
            Self::AturUlang => "ATUR_ULANG",
        }
    }
}

/// A stored one-time token (only its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenAkun {
    /// SHA-256 of the token.
    pub hash: String,
    /// Account.
    pub akun_id: Uuid,
    /// Valid until.
    pub kedaluwarsa: DateTime<Utc>,
    /// Wrong entries so far.
    pub percobaan: i32,
}

/// An account as listed for administrators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingkasanAkun {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub nama: String,
    /// User name.
    pub nama_pengguna: Option<String>,
    /// NIP, if an employee.
    pub nip: Option<String>,
    /// The grant listed.
    pub peran: PeranAkun,
    /// Activated.
    pub aktif: bool,
    /// MFA enrolled.
    pub mfa_aktif: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_is_a_nip_or_a_user_name() {
        let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        assert_eq!(
            Login::baca(" Admin.BKN ", hari_ini),
            Some(Login::NamaPengguna("admin.bkn".into()))
        );
        assert_eq!(Login::baca("", hari_ini), None);
        assert_eq!(Login::baca("nama dengan spasi", hari_ini), None);
        assert_eq!(Login::baca(&"a".repeat(300), hari_ini), None);
        // Digits are read as a NIP or nothing.
        assert_eq!(Login::baca("1234", hari_ini), None);
    }
}
