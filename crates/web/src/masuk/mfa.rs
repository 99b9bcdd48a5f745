//! The second factor: the code after the password, and enrolling an authenticator app.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use siasn_app::akun;
use siasn_domain::akun::{TahapSesi, totp};
use siasn_teks::{Bahasa, Teks};

use super::{CsrfForm, html};
use crate::infra::batas_laju::Jalur;
use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::konteks::SesiApaSaja;
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "mfa.html")]
struct MfaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    galat: Option<&'static str>,
}

/// The second-factor form.
pub async fn form(State(state): State<AppState>, s: SesiApaSaja) -> Result<Response, WebError> {
    match s.sesi.tahap {
        TahapSesi::PerluMfa => html(MfaPage {
            b: s.konteks.bahasa,
            nama_instance: state.nama_instance(),
            csrf: s.sesi.csrf.clone(),
            galat: None,
        }),
        TahapSesi::PerluDaftarMfa => Err(WebError::Alihkan("/mfa/daftar")),
        TahapSesi::Penuh => Err(WebError::Alihkan("/beranda")),
    }
}

/// Second-factor fields.
#[derive(Deserialize)]
pub struct KodeForm {
    csrf: String,
    kode: String,
}

async fn batasi(state: &AppState, s: &SesiApaSaja) -> Result<(), WebError> {
    state
        .batas()
        .periksa(Jalur::Masuk, s.konteks.alamat, state.sekarang())
        .await
        .map_err(|d| WebError::TerlaluSering(s.konteks.bahasa, d))
}

/// Accepts a TOTP code (±1 step) or an unused recovery code.
pub async fn kirim(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<KodeForm>,
) -> Result<Response, WebError> {
    let b = s.konteks.bahasa;
    batasi(&state, &s).await?;
    periksa_csrf_sesi(&s.sesi, &f.csrf, b)?;
    if s.sesi.tahap != TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/beranda"));
    }
    let Some(naik) = akun::periksa_mfa(state.app(), &s.sesi, &s.akun, &f.kode, &s.asal()).await?
    else {
        return html(MfaPage {
            b,
            nama_instance: state.nama_instance(),
            csrf: s.sesi.csrf.clone(),
            galat: Some(b.t(Teks::MfaSalah)),
        });
    };
    Ok(dengan_sesi_baru(
        &state,
        &s,
        &naik,
        Redirect::to("/beranda").into_response(),
    ))
}

/// The response carrying the session's new cookie (same lifetime as the one it replaces).
fn dengan_sesi_baru(
    state: &AppState,
    s: &SesiApaSaja,
    naik: &akun::SesiNaik,
    mut r: Response,
) -> Response {
    let cfg = state.konfigurasi();
    let umur = s.sesi.ingat_saya.then(|| {
        (s.sesi.batas_mutlak - state.sekarang())
            .num_seconds()
            .max(0)
    });
    if let Ok(v) = HeaderValue::from_str(&cfg.set_cookie(cfg.cookie_sesi(), &naik.token, umur)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

#[derive(Template)]
#[template(path = "mfa_daftar.html")]
struct DaftarMfaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    qr_svg: String,
    rahasia: String,
    wajib: bool,
    galat: Option<&'static str>,
}

fn qr_svg(teks: &str) -> String {
    qrcode::QrCode::new(teks.as_bytes())
        .map(|q| {
            q.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .build()
        })
        .unwrap_or_default()
}

async fn halaman_daftar(
    state: &AppState,
    s: &SesiApaSaja,
    galat: Option<&'static str>,
) -> Result<Response, WebError> {
    let rahasia = akun::rahasia_pendaftaran(state.app(), &s.akun).await?;
    let label = s
        .akun
        .nama_pengguna
        .clone()
        .unwrap_or_else(|| s.akun.nama.clone());
    let uri = totp::uri_otpauth(&rahasia, state.nama_instance(), &label);
    html(DaftarMfaPage {
        b: s.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: s.sesi.csrf.clone(),
        qr_svg: qr_svg(&uri),
        rahasia: rahasia.base32(),
        wajib: s.akun.pelaku().wajib_mfa(),
        galat,
    })
}

/// An employee chooses to turn MFA on: make the secret, then show the enrolment page.
pub async fn mulai(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&s.sesi, &f.csrf, s.konteks.bahasa)?;
    if s.sesi.tahap == TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/mfa"));
    }
    akun::mulai_mfa(state.app(), &s.akun).await?;
    Ok(Redirect::to("/mfa/daftar").into_response())
}

/// MFA enrolment: a QR code for the authenticator app.
pub async fn daftar_form(
    State(state): State<AppState>,
    s: SesiApaSaja,
) -> Result<Response, WebError> {
    if s.sesi.tahap == TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/mfa"));
    }
    if s.akun.mfa_aktif {
        return Err(WebError::Alihkan("/beranda"));
    }
    halaman_daftar(&state, &s, None).await
}

#[derive(Template)]
#[template(path = "kode_pemulihan.html")]
struct KodePemulihanPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    kode: Vec<String>,
}

/// Confirms enrolment with a first code; shows the recovery codes once.
pub async fn daftar(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<KodeForm>,
) -> Result<Response, WebError> {
    let b = s.konteks.bahasa;
    batasi(&state, &s).await?;
    periksa_csrf_sesi(&s.sesi, &f.csrf, b)?;
    if s.sesi.tahap == TahapSesi::PerluMfa || s.akun.mfa_aktif {
        return Err(WebError::Alihkan("/beranda"));
    }
    if s.akun.mfa_rahasia.is_none() {
        return Err(WebError::Alihkan("/mfa/daftar"));
    }
    match akun::daftarkan_mfa(state.app(), &s.sesi, &s.akun, &f.kode, &s.asal()).await? {
        Some((kode, naik)) => Ok(dengan_sesi_baru(
            &state,
            &s,
            &naik,
            html(KodePemulihanPage {
                b,
                nama_instance: state.nama_instance(),
                kode,
            })?,
        )),
        None => halaman_daftar(&state, &s, Some(b.t(Teks::MfaSalah))).await,
    }
}
