//! Checking a password and starting what follows: a session for the pages, a user token for
//! the API. Both count failures towards the same lock-out and write their success, the
//! session and the audit event in one transaction.

use chrono::Duration;
use siasn_domain::akun::penguncian::{self, StatusGagal};
use siasn_domain::akun::{Akun, Login, Sesi, TahapSesi, kata_sandi};
use siasn_store::{akun, audit};

use super::{Asal, audit_akun, catat_gagal, siapkan_rahasia};
use crate::rahasia::{sidik, token_acak};
use crate::{App, AppResult};

/// Which door the password came through (named in the audit log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pintu {
    /// The sign-in page.
    Halaman,
    /// The API's password grant.
    Api,
}

impl Pintu {
    fn aksi_gagal(self) -> &'static str {
        match self {
            Self::Halaman => "login.gagal",
            Self::Api => "login.api_gagal",
        }
    }
}

/// Checks a sign-in identifier and password. The hash is always computed, for unknown and
/// locked accounts too, so timing reveals nothing. A failure is counted (and may lock the
/// account) and audited in a transaction of its own; a success writes nothing yet: the caller
/// records it together with what it starts.
pub async fn verifikasi_kredensial(
    app: &App,
    login: &str,
    sandi: &str,
    asal: &Asal,
    pintu: Pintu,
) -> AppResult<Option<Akun>> {
    let now = app.sekarang();
    if sandi.chars().count() > kata_sandi::PANJANG_MAKSIMUM {
        return Ok(None);
    }
    let akun = match Login::baca(login, now.date_naive()) {
        Some(login) => app.store().akun_by_login(&login).await?,
        None => None,
    };
    let boleh = akun
        .as_ref()
        .is_none_or(|a| penguncian::boleh_dicoba(&a.status_gagal(), now));
    let cocok = app
        .hasher()
        .cocok(
            sandi.to_string(),
            akun.as_ref().and_then(|a| a.sandi_hash.clone()),
        )
        .await;
    let Some(akun) = akun else {
        // The same statements as a wrong password for a real account (the failure counters'
        // update, here matching no row, and the audit event), so neither the time taken nor
        // the database's work tells whether the identifier exists.
        let mut tx = app.store().begin().await?;
        akun::catat_login_gagal(&mut tx, uuid::Uuid::nil(), 1, None, None).await?;
        audit::tulis(
            &mut tx,
            vec![audit_akun(pintu.aksi_gagal(), None, asal)],
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(None);
    };
    if !boleh {
        // Same statements again (a locked account's counters are left as they are).
        let mut tx = app.store().begin().await?;
        akun::catat_login_gagal(&mut tx, uuid::Uuid::nil(), 1, None, None).await?;
        let e = audit_akun("login.ditolak_terkunci", Some(&akun), asal);
        audit::tulis(&mut tx, vec![e], now).await?;
        tx.commit().await?;
        return Ok(None);
    }
    if !cocok {
        catat_gagal(app, &akun, asal, pintu.aksi_gagal()).await?;
        return Ok(None);
    }
    Ok(Some(akun))
}

/// A session just started: the cookie value (only its hash is stored) and where to go next.
#[derive(Debug, Clone)]
pub struct SesiBaru {
    /// The secret for the session cookie.
    pub token: String,
    /// The stage reached.
    pub tahap: TahapSesi,
    /// Cookie lifetime in seconds for "remember me"; None for a browser-session cookie.
    pub umur_detik: Option<i64>,
}

/// Sign-in on the pages: checks the password, then in ONE transaction clears the failure
/// counters, stores the session (at the second-factor or enrolment stage when one is owed),
/// prepares an authenticator secret when enrolment is mandatory, and audits the sign-in.
pub async fn masuk(
    app: &App,
    login: &str,
    sandi: &str,
    ingat_saya: bool,
    asal: &Asal,
) -> AppResult<Option<SesiBaru>> {
    let Some(akun) = verifikasi_kredensial(app, login, sandi, asal, Pintu::Halaman).await? else {
        return Ok(None);
    };
    let now = app.sekarang();
    let cfg = app.konfigurasi();
    let tahap = TahapSesi::setelah_sandi(akun.mfa_aktif, akun.pelaku().wajib_mfa());
    let umur = if ingat_saya {
        Duration::days(cfg.ingat_saya_hari)
    } else {
        Duration::hours(cfg.sesi_mutlak_jam)
    };
    let token = token_acak();
    let sesi = Sesi {
        id_hash: sidik(&token),
        akun_id: akun.id,
        tahap,
        csrf: token_acak(),
        ingat_saya,
        dibuat_pada: now,
        aktif_pada: now,
        batas_mutlak: now + umur,
        alamat: Some(asal.alamat.clone()),
        perangkat: asal.perangkat.clone(),
    };
    let mut tx = app.store().begin().await?;
    akun::catat_login_berhasil(&mut tx, akun.id).await?;
    akun::buat_sesi(&mut tx, &sesi).await?;
    if tahap == TahapSesi::PerluDaftarMfa {
        siapkan_rahasia(&mut tx, &akun).await?;
    }
    audit::tulis(
        &mut tx,
        vec![audit_akun("login.berhasil", Some(&akun), asal)],
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(SesiBaru {
        token,
        tahap,
        umur_detik: ingat_saya.then(|| cfg.ingat_saya_hari * 86_400),
    }))
}

/// The API's password grant: checks the password, then clears the failure counters and audits
/// the token issue (naming the client) in one transaction.
pub async fn masuk_api(
    app: &App,
    login: &str,
    sandi: &str,
    nama_klien: &str,
    asal: &Asal,
) -> AppResult<Option<Akun>> {
    let Some(akun) = verifikasi_kredensial(app, login, sandi, asal, Pintu::Api).await? else {
        return Ok(None);
    };
    let mut e = audit_akun("login.api", Some(&akun), asal);
    e.alasan = Some(format!("token pengguna untuk klien {nama_klien}"));
    let mut tx = app.store().begin().await?;
    akun::catat_login_berhasil(&mut tx, akun.id).await?;
    audit::tulis(&mut tx, vec![e], app.sekarang()).await?;
    tx.commit().await?;
    Ok(Some(akun))
}

/// The lock-out status (for callers that only need to know whether an attempt may be made).
pub fn boleh_dicoba(akun: &Akun, now: chrono::DateTime<chrono::Utc>) -> bool {
    let s: StatusGagal = akun.status_gagal();
    penguncian::boleh_dicoba(&s, now)
}
