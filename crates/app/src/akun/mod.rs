//! Accounts: signing in (pages and the API's password grant alike), sessions, activation and
//! forgotten passwords, the second factor, and granting roles.

mod masuk;
mod mfa;
pub(crate) mod peran;
pub(crate) mod sandi;
mod sesi;

pub use masuk::*;
pub use mfa::*;
pub use peran::*;
pub use sandi::*;
pub use sesi::*;

use siasn_domain::akun::penguncian;
use siasn_domain::akun::{Akun, totp};
use siasn_store::audit::AuditBaru;
use siasn_store::email::{self, EmailBaru};
use siasn_store::{Tx, akun, audit};

use crate::rahasia::acak;
use crate::{App, AppResult};
use siasn_teks::surel;

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

/// Counts a failed attempt (password or second factor) and locks the account when the policy
/// says so, audited, in one transaction.
pub(crate) async fn catat_gagal(app: &App, akun: &Akun, asal: &Asal, aksi: &str) -> AppResult<()> {
    let now = app.sekarang();
    let sebelum = akun.status_gagal();
    let s = penguncian::setelah_gagal(&app.konfigurasi().kebijakan_kunci(), &sebelum, now);
    let mut events = vec![audit_akun(aksi, Some(akun), asal)];
    let baru_terkunci = penguncian::terkunci(&s, now) && !penguncian::terkunci(&sebelum, now);
    if baru_terkunci {
        events.push(audit_akun("akun.dikunci", Some(akun), asal));
    }
    let mut tx = app.store().begin().await?;
    // The owner learns of the lock at once, by e-mail, instead of by failing later with the
    // right password; the page answers an attacker exactly as before.
    let surat_kunci = match (baru_terkunci, s.terkunci_sampai) {
        (true, Some(sampai)) => {
            let cfg = app.konfigurasi();
            let surat = surel::akun_dikunci(
                &akun.nama,
                &cfg.nama_instance,
                (
                    &siasn_teks::waktu(sampai, siasn_teks::Bahasa::Indonesia),
                    &siasn_teks::waktu(sampai, siasn_teks::Bahasa::Inggris),
                ),
                &cfg.url_publik,
            );
            surati_akun(&mut tx, akun, surat, now).await?
        }
        _ => false,
    };
    akun::catat_login_gagal(
        &mut tx,
        akun.id,
        s.gagal_berturut,
        s.tunda_sampai,
        s.terkunci_sampai,
    )
    .await?;
    audit::tulis(&mut tx, events, now).await?;
    tx.commit().await?;
    if surat_kunci {
        app.bangunkan_surel();
    }
    Ok(())
}

/// Queues `surat` to the account's registered address in the use case's transaction; false
/// when the account has no address.
pub(crate) async fn surati_akun(
    tx: &mut Tx,
    akun: &Akun,
    surat: surel::Surat,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<bool> {
    let Some(ke) = akun.email.clone() else {
        return Ok(false);
    };
    let e = EmailBaru {
        akun_id: Some(akun.id),
        pegawai_id: akun.pegawai_id,
        ke,
        subjek: surat.subjek,
        isi: surat.isi,
    };
    email::antre(tx, &e, now).await?;
    Ok(true)
}

/// Stores a fresh pending TOTP secret unless one is already waiting (inside a use case).
pub(crate) async fn siapkan_rahasia(tx: &mut Tx, akun: &Akun) -> AppResult<()> {
    if akun.mfa_aktif || akun.mfa_rahasia.is_some() {
        return Ok(());
    }
    let r = totp::RahasiaTotp::dari_bytes(&acak(totp::PANJANG_RAHASIA));
    akun::mulai_mfa(tx, akun.id, &r.base32()).await?;
    Ok(())
}
