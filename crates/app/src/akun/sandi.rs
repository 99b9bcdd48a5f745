//! Activation and forgotten passwords (a one-time token by e-mail), and setting a password.

use chrono::Duration;
use siasn_domain::Nip;
use siasn_domain::akun::kata_sandi::{self, DataPribadi, KebijakanSandi};
use siasn_domain::akun::{Akun, JenisToken, PANJANG_LOGIN_MAKS, kode};
use siasn_domain::pegawai::Pegawai;
use siasn_store::email::EmailBaru;
use siasn_store::{StoreError, akun, audit, email};
use siasn_teks::surel;

use super::{Asal, audit_akun};
use crate::rahasia::{acak, sama, sidik};
use crate::{App, AppError, AppResult};

/// Characters of a reset/activation token.
const PANJANG_TOKEN: usize = 12;

/// Longest token accepted as typed (anything longer is wrong without any work).
const PANJANG_TOKEN_MAKS: usize = 64;

async fn pegawai_dengan_nip(app: &App, nip: &str) -> AppResult<Option<Pegawai>> {
    let Ok(nip) = Nip::parse(nip, app.sekarang().date_naive()) else {
        return Ok(None);
    };
    match app.store().pegawai_by_nip(nip.as_str()).await {
        Ok(p) => Ok(Some(p)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A one-time token for `akun` stored and sent to `ke` in the caller's transaction: to set the
/// first password (activation) or a new one (reset).
pub(crate) async fn kirim_token(
    tx: &mut siasn_store::Tx,
    app: &App,
    akun: &siasn_domain::akun::Akun,
    pegawai: &Pegawai,
    ke: &str,
    jenis: JenisToken,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let token = kode::dari_acak(&acak(kode::bytes_dibutuhkan(PANJANG_TOKEN)), PANJANG_TOKEN);
    let cfg = app.konfigurasi();
    let hash = sidik(&kode::normalisasi(&token));
    akun::simpan_token(
        tx,
        akun.id,
        jenis,
        &hash,
        now,
        now + Duration::minutes(cfg.token_menit),
    )
    .await?;
    let surat = surel::token(
        &pegawai.nama_lengkap(),
        &cfg.nama_instance,
        &token,
        app.url_dasar(),
        cfg.token_menit,
    );
    email::antre(
        tx,
        &EmailBaru {
            akun_id: Some(akun.id),
            pegawai_id: Some(pegawai.id),
            ke: ke.to_string(),
            subjek: surat.subjek,
            isi: surat.isi,
        },
        now,
    )
    .await?;
    Ok(())
}

/// Sends a token when the NIP and the registered e-mail match, creating the employee's account
/// on first use; with anything else nothing is sent (the page answers the same either way, so
/// it reveals nothing). Account, token, e-mail and audit event are one transaction.
pub async fn minta_token(app: &App, nip: &str, email_masukan: &str, asal: &Asal) -> AppResult<()> {
    let now = app.sekarang();
    let Some(pegawai) = pegawai_dengan_nip(app, nip).await? else {
        return Ok(());
    };
    let terdaftar = pegawai.email.as_deref().map(str::trim).unwrap_or("");
    // Reads first: a transaction holds the write lock (SQLite) and a connection until commit.
    let ada = app.store().akun_pegawai(pegawai.id).await?;
    let mut tx = app.store().begin().await?;
    if terdaftar.is_empty() || !terdaftar.eq_ignore_ascii_case(email_masukan.trim()) {
        let mut e = audit_akun("sandi.token_ditolak_email_beda", None, asal);
        e.pegawai_id = Some(pegawai.id);
        audit::tulis(&mut tx, vec![e], now).await?;
        tx.commit().await?;
        return Ok(());
    }
    let akun = match ada {
        Some(a) => a,
        None => super::peran::buat_akun_pegawai(&mut tx, &pegawai, "sistem", now).await?,
    };
    let jenis = if akun.sandi_hash.is_some() {
        JenisToken::AturUlang
    } else {
        JenisToken::Aktivasi
    };
    kirim_token(&mut tx, app, &akun, &pegawai, terdaftar, jenis, now).await?;
    let mut e = audit_akun(
        match jenis {
            JenisToken::Aktivasi => "akun.aktivasi_diminta",
            JenisToken::AturUlang => "sandi.reset_diminta",
        },
        None,
        asal,
    );
    e.pegawai_id = Some(pegawai.id);
    e.akun_id = Some(akun.id);
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(())
}

/// What became of a set-password request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilAturSandi {
    /// The password is set, every session ended, the holder notified.
    Berhasil,
    /// The NIP or the token is wrong, expired or used up (the three look the same).
    TokenSalah,
    /// The two passwords typed differ (the token is not used up).
    TidakSama,
    /// The password breaks the policy (the token is not used up).
    Lemah(Vec<kata_sandi::AlasanDitolak>),
}

/// A new password with the token sent by e-mail. A wrong token counts towards its limit; a
/// right one sets the password, ends every session, uses up the token and notifies the holder,
/// in one transaction.
pub async fn atur_sandi(
    app: &App,
    nip: &str,
    token: &str,
    sandi: &str,
    ulangi: &str,
    asal: &Asal,
) -> AppResult<HasilAturSandi> {
    let now = app.sekarang();
    let cfg = app.konfigurasi();
    if token.len() > PANJANG_TOKEN_MAKS || nip.len() > PANJANG_LOGIN_MAKS {
        return Ok(HasilAturSandi::TokenSalah);
    }
    let Some(pegawai) = pegawai_dengan_nip(app, nip).await? else {
        return Ok(HasilAturSandi::TokenSalah);
    };
    let Some(akun) = app.store().akun_pegawai(pegawai.id).await? else {
        return Ok(HasilAturSandi::TokenSalah);
    };
    let Some(terbuka) = app.store().token_terbuka(akun.id).await? else {
        return Ok(HasilAturSandi::TokenSalah);
    };
    let dimasukkan = sidik(&kode::normalisasi(token));
    if now >= terbuka.kedaluwarsa
        || terbuka.percobaan >= cfg.token_maks_percobaan
        || !sama(&terbuka.hash, &dimasukkan)
    {
        let mut tx = app.store().begin().await?;
        akun::catat_token_salah(&mut tx, &terbuka.hash, cfg.token_maks_percobaan, now).await?;
        audit::tulis(
            &mut tx,
            vec![audit_akun("sandi.token_salah", Some(&akun), asal)],
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(HasilAturSandi::TokenSalah);
    }
    if sandi != ulangi {
        return Ok(HasilAturSandi::TidakSama);
    }
    if let Err(alasan) = periksa_sandi(app, sandi, Some(&pegawai)) {
        return Ok(HasilAturSandi::Lemah(alasan));
    }
    let hash = app
        .hasher()
        .hash(sandi.to_string())
        .await
        .ok_or(AppError::Hash)?;
    let aksi = if akun.sandi_hash.is_some() {
        "sandi.diatur_ulang"
    } else {
        "akun.diaktifkan"
    };
    let mut tx = app.store().begin().await?;
    akun::ganti_sandi(&mut tx, akun.id, &hash, None, now).await?;
    audit::tulis(&mut tx, vec![audit_akun(aksi, Some(&akun), asal)], now).await?;
    let surat = surel::sandi_diubah(&akun.nama, &cfg.nama_instance);
    super::surati_akun(&mut tx, &akun, surat, now).await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilAturSandi::Berhasil)
}

/// Checks a new password against the policy and the holder's own data.
pub fn periksa_sandi(
    app: &App,
    sandi: &str,
    pegawai: Option<&Pegawai>,
) -> Result<(), Vec<kata_sandi::AlasanDitolak>> {
    let nik = pegawai.and_then(|p| p.nik.as_ref().map(|n| n.as_str().to_string()));
    let nip = pegawai.map(|p| p.nomor_induk.as_str().to_string());
    let data = DataPribadi {
        nip: nip.as_deref(),
        nik: nik.as_deref(),
        tanggal_lahir: pegawai.map(|p| p.tanggal_lahir),
        nama: pegawai.map(|p| p.nama.as_str()),
    };
    kata_sandi::periksa(
        sandi,
        &KebijakanSandi::new(app.konfigurasi().panjang_sandi_minimum),
        &data,
    )
}

/// An administrator sets a password from the command line (activating an employee's account
/// if needed): account, password, ended sessions and audit event in one transaction.
pub async fn atur_sandi_langsung(
    app: &App,
    akun: Option<Akun>,
    pegawai: Option<&Pegawai>,
    sandi: &str,
    aktor: &str,
) -> AppResult<Result<uuid::Uuid, Vec<kata_sandi::AlasanDitolak>>> {
    if let Err(alasan) = periksa_sandi(app, sandi, pegawai) {
        return Ok(Err(alasan));
    }
    let hash = app
        .hasher()
        .hash(sandi.to_string())
        .await
        .ok_or(AppError::Hash)?;
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let akun = match (akun, pegawai) {
        (Some(a), _) => a,
        (None, Some(p)) => super::peran::buat_akun_pegawai(&mut tx, p, aktor, now).await?,
        (None, None) => return Err(AppError::TidakDitemukan),
    };
    akun::ganti_sandi(&mut tx, akun.id, &hash, None, now).await?;
    let e = siasn_store::audit::AuditBaru {
        aktor: aktor.into(),
        aksi: "sandi.diatur_cli".into(),
        akun_id: Some(akun.id),
        pegawai_id: pegawai.map(|p| p.id),
        ..Default::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(akun.id))
}
