//! The second factor: enrolling an authenticator app, and checking its codes (or a recovery
//! code) after the password.

use siasn_domain::akun::penguncian;
use siasn_domain::akun::{Akun, Sesi, TahapSesi, kode, totp};
use siasn_store::{Tx, akun, audit};

use super::{Asal, audit_akun, catat_gagal, siapkan_rahasia};
use crate::rahasia::{acak, sidik, token_acak};
use crate::{App, AppResult};

/// Recovery codes issued at enrolment.
const JUMLAH_KODE_PEMULIHAN: usize = 10;
/// Characters of a recovery code.
const PANJANG_KODE_PEMULIHAN: usize = 10;

/// The pending secret to show on the enrolment page, made now if there is none yet.
pub async fn rahasia_pendaftaran(app: &App, akun: &Akun) -> AppResult<totp::RahasiaTotp> {
    if !akun.mfa_aktif
        && let Some(r) = akun
            .mfa_rahasia
            .as_deref()
            .and_then(totp::RahasiaTotp::dari_base32)
    {
        return Ok(r);
    }
    let r = totp::RahasiaTotp::dari_bytes(&acak(totp::PANJANG_RAHASIA));
    let mut tx = app.store().begin().await?;
    akun::mulai_mfa(&mut tx, akun.id, &r.base32()).await?;
    tx.commit().await?;
    Ok(r)
}

/// An employee chooses to turn MFA on: a pending secret is prepared.
pub async fn mulai_mfa(app: &App, akun: &Akun) -> AppResult<()> {
    let mut tx = app.store().begin().await?;
    siapkan_rahasia(&mut tx, akun).await?;
    tx.commit().await?;
    Ok(())
}

/// A session that has just become full: the new cookie value (the one from the password
/// step no longer works).
#[derive(Debug, Clone)]
pub struct SesiNaik {
    /// The secret for the session cookie (only its hash is stored).
    pub token: String,
}

/// Makes the session full under a new id and CSRF token (inside the use case's transaction),
/// so that a session id fixed or seen before the second factor opens nothing afterwards.
async fn naikkan_sesi(tx: &mut Tx, sesi: &Sesi) -> AppResult<Option<SesiNaik>> {
    let token = token_acak();
    let ada = akun::ganti_id_sesi(
        tx,
        &sesi.id_hash,
        &sidik(&token),
        &token_acak(),
        TahapSesi::Penuh,
    )
    .await?;
    Ok(ada.then_some(SesiNaik { token }))
}

/// Checks the second factor: a TOTP code (±1 step, never the same step twice) or an unused
/// recovery code. Accepted: the session becomes full under a new id, the failure counters
/// clear, and the sign-in is audited, in one transaction. Refused (or the session ended
/// meanwhile): counted towards the lock-out like a wrong password.
pub async fn periksa_mfa(
    app: &App,
    sesi: &Sesi,
    akun: &Akun,
    masukan: &str,
    asal: &Asal,
) -> AppResult<Option<SesiNaik>> {
    let now = app.sekarang();
    if penguncian::boleh_dicoba(&akun.status_gagal(), now) {
        let mut tx = app.store().begin().await?;
        if kode_diterima(&mut tx, akun, masukan, now).await?
            && let Some(naik) = naikkan_sesi(&mut tx, sesi).await?
        {
            akun::catat_login_berhasil(&mut tx, akun.id).await?;
            audit::tulis(
                &mut tx,
                vec![audit_akun("mfa.berhasil", Some(akun), asal)],
                now,
            )
            .await?;
            tx.commit().await?;
            return Ok(Some(naik));
        }
        tx.rollback().await?;
    }
    catat_gagal(app, akun, asal, "mfa.gagal").await?;
    Ok(None)
}

async fn kode_diterima(
    tx: &mut Tx,
    akun: &Akun,
    masukan: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<bool> {
    let digits: String = masukan.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == totp::JUMLAH_ANGKA && digits.chars().all(|c| c.is_ascii_digit()) {
        let Some(rahasia) = akun
            .mfa_rahasia
            .as_deref()
            .and_then(totp::RahasiaTotp::dari_base32)
        else {
            return Ok(false);
        };
        let unix = u64::try_from(now.timestamp()).unwrap_or(0);
        let terakhir = akun
            .mfa_langkah_terakhir
            .and_then(|l| u64::try_from(l).ok());
        return match totp::periksa(&rahasia, &digits, unix, terakhir) {
            Some(langkah) => Ok(akun::catat_langkah_mfa(
                tx,
                akun.id,
                i64::try_from(langkah).unwrap_or(i64::MAX),
            )
            .await?),
            None => Ok(false),
        };
    }
    if masukan.len() > 64 {
        return Ok(false);
    }
    Ok(akun::pakai_kode_pemulihan(tx, akun.id, &sidik(&kode::normalisasi(masukan)), now).await?)
}

/// Confirms enrolment with a first code. Accepted: MFA is required from now on, the session
/// becomes full under a new id, the enrolment is audited, and the recovery codes are returned
/// to show once. None: the code is wrong (nothing changes).
pub async fn daftarkan_mfa(
    app: &App,
    sesi: &Sesi,
    akun: &Akun,
    kode_masukan: &str,
    asal: &Asal,
) -> AppResult<Option<(Vec<String>, SesiNaik)>> {
    let now = app.sekarang();
    let Some(rahasia) = akun
        .mfa_rahasia
        .as_deref()
        .and_then(totp::RahasiaTotp::dari_base32)
    else {
        return Ok(None);
    };
    let unix = u64::try_from(now.timestamp()).unwrap_or(0);
    let Some(langkah) = totp::periksa(&rahasia, kode_masukan, unix, None) else {
        return Ok(None);
    };
    let kode_pemulihan: Vec<String> = (0..JUMLAH_KODE_PEMULIHAN)
        .map(|_| {
            kode::dari_acak(
                &acak(kode::bytes_dibutuhkan(PANJANG_KODE_PEMULIHAN)),
                PANJANG_KODE_PEMULIHAN,
            )
        })
        .collect();
    let hashes: Vec<String> = kode_pemulihan
        .iter()
        .map(|c| sidik(&kode::normalisasi(c)))
        .collect();
    let mut tx = app.store().begin().await?;
    akun::aktifkan_mfa(
        &mut tx,
        akun.id,
        i64::try_from(langkah).unwrap_or(i64::MAX),
        &hashes,
    )
    .await?;
    let Some(naik) = naikkan_sesi(&mut tx, sesi).await? else {
        tx.rollback().await?;
        return Ok(None);
    };
    audit::tulis(
        &mut tx,
        vec![audit_akun("mfa.didaftarkan", Some(akun), asal)],
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some((kode_pemulihan, naik)))
}
