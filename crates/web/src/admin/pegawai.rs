//! Help for employees' accounts: find one by NIP within the administrator's scope, correct
//! the registered e-mail (which activation and resets depend on), reset a lost authenticator.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_app::{akun, pegawai};
use siasn_domain::Nip;
use siasn_domain::pegawai::Pegawai;
use siasn_store::StoreError;
use siasn_store::email::EmailKeluar;
use siasn_teks::{Bahasa, Teks};
use uuid::Uuid;

use super::akun::wajib_admin;
use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::{Masuk, Param};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "admin_pegawai.html")]
struct PegawaiPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    pegawai: Option<Pegawai>,
    email: Vec<EmailKeluar>,
    punya_akun: bool,
    mfa_aktif: bool,
    info: Option<&'static str>,
    galat: Option<&'static str>,
}

async fn halaman_pegawai(
    state: &AppState,
    m: &Masuk,
    pegawai: Option<Pegawai>,
    info: Option<&'static str>,
    galat: Option<&'static str>,
) -> Result<Response, WebError> {
    let (email, punya_akun, mfa_aktif) = match &pegawai {
        Some(p) => {
            let akun = state.store().akun_pegawai(p.id).await?;
            (
                state.store().email_pegawai(p.id, 10).await?,
                akun.is_some(),
                akun.is_some_and(|a| a.mfa_aktif),
            )
        }
        None => (Vec::new(), false, false),
    };
    let page = PegawaiPage {
        menu: m.menu(state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        pegawai,
        email,
        punya_akun,
        mfa_aktif,
        info,
        galat,
    };
    Ok(Html(page.render()?).into_response())
}

/// The search form (NIPs go in a POST body, never in the URL).
pub async fn pegawai_form(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    wajib_admin(&m)?;
    halaman_pegawai(&state, &m, None, None, None).await
}

/// Search fields.
#[derive(Deserialize)]
pub struct CariForm {
    csrf: String,
    nip: String,
}

/// Finds an employee by NIP within scope.
pub async fn pegawai_cari(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CariForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let cakupan = wajib_admin(&m)?;
    let now = state.sekarang();
    let found = match Nip::parse(&f.nip, now.date_naive()) {
        Ok(nip) => match state
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => Some(p),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        Err(_) => None,
    };
    let galat = found
        .is_none()
        .then(|| m.konteks.bahasa.t(Teks::PegawaiTidakAda));
    halaman_pegawai(&state, &m, found, None, galat).await
}

/// One employee's account help page.
pub async fn pegawai(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let p = pegawai::untuk_admin(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())?;
    halaman_pegawai(&state, &m, Some(p), None, None).await
}

/// New e-mail fields.
#[derive(Deserialize)]
pub struct EmailForm {
    csrf: String,
    email: String,
    alasan: String,
}

fn email_masuk_akal(e: &str) -> bool {
    let e = e.trim();
    e.len() <= 254
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
        && e.split_once('@').is_some_and(|(a, d)| {
            !a.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
        })
}

/// Corrects the registered e-mail; notifies the old and the new address.
pub async fn ubah_email(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<EmailForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let p = pegawai::untuk_admin(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())?;
    let alasan = f.alasan.trim();
    if alasan.is_empty() || alasan.len() > 500 {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t(Teks::AlasanWajib))).await;
    }
    if !email_masuk_akal(&f.email) {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t(Teks::EmailTidakValid))).await;
    }
    let baru = f.email.trim().to_string();
    pegawai::ubah_email(state.app(), &m.aktor(), &p, &baru, alasan)
        .await
        .dalam(b)?;
    let p = state.store().pegawai(p.id).await?;
    halaman_pegawai(&state, &m, Some(p), Some(b.t(Teks::EmailDiubah)), None).await
}

/// Reset fields.
#[derive(Deserialize)]
pub struct ResetForm {
    csrf: String,
    alasan: String,
}

/// Removes the employee's authenticator so they can enrol again.
pub async fn reset_mfa(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let p = pegawai::untuk_admin(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())?;
    let alasan = f.alasan.trim();
    if alasan.is_empty() || alasan.len() > 500 {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t(Teks::AlasanWajib))).await;
    }
    akun::reset_mfa(state.app(), &m.aktor(), &p, alasan)
        .await
        .dalam(b)?;
    halaman_pegawai(&state, &m, Some(p), Some(b.t(Teks::MfaDireset)), None).await
}
