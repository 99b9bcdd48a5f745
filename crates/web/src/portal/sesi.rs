//! "My sessions": where the account is signed in, and ending the others.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::akun::Sesi;
use siasn_teks::{Bahasa, Teks};

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::konteks::Masuk;
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "sesi.html")]
struct SesiPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    ini: &'a str,
    daftar: Vec<Sesi>,
    info: Option<&'static str>,
}

async fn halaman_sesi(
    state: &AppState,
    m: &Masuk,
    info: Option<&'static str>,
) -> Result<Response, WebError> {
    let daftar = state.store().daftar_sesi(m.akun.id).await?;
    let page = SesiPage {
        menu: m.menu(state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        ini: &m.sesi.id_hash,
        daftar,
        info,
    };
    Ok(Html(page.render()?).into_response())
}

/// The account's active sessions.
pub async fn sesi(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_sesi(&state, &m, None).await
}

/// CSRF-only form.
#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// Ends every session of the account except this one.
pub async fn akhiri_lain(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    siasn_app::akun::akhiri_sesi_lain(state.app(), &m.aktor(), &m.sesi).await?;
    halaman_sesi(&state, &m, Some(m.konteks.bahasa.t(Teks::SesiLainDiakhiri))).await
}
