//! Accounts: signing in (pages and the API's password grant alike), sessions, activation and
//! forgotten passwords, the second factor, and granting roles.

mod masuk;
mod mfa;
mod peran;
mod sandi;
mod sesi;

pub use masuk::*;
pub use mfa::*;
pub use peran::*;
pub use sandi::*;
pub use sesi::*;

use siasn_domain::akun::Akun;
use siasn_store::audit::AuditBaru;

/// Where a request without a signed-in actor came from.
#[derive(Debug, Clone, Default)]
pub struct Asal {
    /// Network address.
    pub alamat: String,
    /// Browser (User-Agent, shortened).
    pub perangkat: Option<String>,
}

/// An audit event about an account (or an unknown one: "anonim").
pub(crate) fn audit_akun(aksi: &str, akun: Option<&Akun>, asal: &Asal) -> AuditBaru {
    AuditBaru {
        aktor: akun.map_or_else(|| "anonim".into(), Akun::label_audit),
        aksi: aksi.into(),
        pegawai_id: akun.and_then(|a| a.pegawai_id),
        akun_id: akun.map(|a| a.id),
        alamat: Some(asal.alamat.clone()),
        ..AuditBaru::default()
    }
}
