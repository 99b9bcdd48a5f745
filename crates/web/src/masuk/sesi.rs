//! Starting a session (the sign-in form and the password) and ending it.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use siasn_app::akun;
use siasn_domain::akun::TahapSesi;
use siasn_teks::{Bahasa, Teks};

use super::{CsrfForm, html};
use crate::infra::batas_laju::Jalur;
use crate::infra::csrf::{csrf_tamu, dengan_csrf_tamu, periksa_csrf_sesi, periksa_csrf_tamu};
use crate::infra::konteks::{Konteks, SesiApaSaja};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "masuk.html")]
struct MasukPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    login: String,
    galat: Option<String>,
    info: Option<String>,
    /// What repeated failures do (said to everyone, so nobody learns of a lock only by failing
    /// with the right password).
    catatan_kunci: String,
}

fn catatan_kunci(state: &AppState, b: Bahasa) -> String {
    let cfg = &state.konfigurasi().app;
    b.isi2(Teks::CatatanKunci, cfg.gagal_sebelum_kunci, cfg.kunci_menit)
}

/// The sign-in form.
pub async fn form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(&state, &k);
    let page = html(MasukPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        login: String::new(),
        galat: None,
        info: None,
        catatan_kunci: catatan_kunci(&state, k.bahasa),
    })?;
    Ok(dengan_csrf_tamu(&state, page, baru.as_deref()))
}

/// Sign-in form fields.
#[derive(Deserialize)]
pub struct MasukForm {
    csrf: String,
    login: String,
    sandi: String,
    #[serde(default)]
    ingat_saya: Option<String>,
}

/// Checks the password; on success starts a session at the right stage.
pub async fn kirim(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<MasukForm>,
) -> Result<Response, WebError> {
    let now = state.sekarang();
    state
        .batas()
        .periksa(Jalur::Masuk, k.alamat, now)
        .await
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    state
        .batas()
        .periksa_akun(&f.login, now)
        .await
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    let hasil = akun::masuk(
        state.app(),
        &f.login,
        &f.sandi,
        f.ingat_saya.is_some(),
        &k.asal(),
    )
    .await?;
    let Some(sesi) = hasil else {
        return html(MasukPage {
            b: k.bahasa,
            nama_instance: state.nama_instance(),
            csrf: f.csrf.clone(),
            login: f.login.chars().take(64).collect(),
            galat: Some(k.bahasa.t(Teks::LoginSalah).into()),
            info: None,
            catatan_kunci: catatan_kunci(&state, k.bahasa),
        });
    };
    let tujuan = match sesi.tahap {
        TahapSesi::Penuh => "/beranda",
        TahapSesi::PerluMfa => "/mfa",
        TahapSesi::PerluDaftarMfa => "/mfa/daftar",
    };
    let cfg = state.konfigurasi();
    let mut r = Redirect::to(tujuan).into_response();
    if let Ok(v) =
        HeaderValue::from_str(&cfg.set_cookie(cfg.cookie_sesi(), &sesi.token, sesi.umur_detik))
    {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

/// Ends the session on the server and clears the cookie.
pub async fn keluar(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&s.sesi, &f.csrf, s.konteks.bahasa)?;
    akun::keluar(state.app(), &s.sesi, &s.akun, &s.asal()).await?;
    let cfg = state.konfigurasi();
    let mut r = Redirect::to("/masuk").into_response();
    if let Ok(v) = HeaderValue::from_str(&cfg.set_cookie(cfg.cookie_sesi(), "", Some(0))) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}
