//! Activation and forgotten passwords: asking for a token, and setting a password with it.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::Response;
use serde::Deserialize;
use siasn_app::akun::{self, HasilAturSandi};
use siasn_domain::akun::PANJANG_LOGIN_MAKS;
use siasn_teks::{Bahasa, Teks};

use super::html;
use crate::infra::batas_laju::Jalur;
use crate::infra::csrf::{csrf_tamu, dengan_csrf_tamu, periksa_csrf_tamu};
use crate::infra::konteks::Konteks;
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "lupa.html")]
struct LupaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    judul: &'static str,
    aksi: &'static str,
    terkirim: Option<String>,
}

fn lupa_page(state: &AppState, k: &Konteks, aktivasi: bool) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(state, k);
    let page = html(LupaPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        judul: k.bahasa.t(if aktivasi {
            Teks::AktivasiJudul
        } else {
            Teks::LupaJudul
        }),
        aksi: if aktivasi { "/aktivasi" } else { "/lupa-sandi" },
        terkirim: None,
    })?;
    Ok(dengan_csrf_tamu(state, page, baru.as_deref()))
}

/// The forgotten-password form.
pub async fn lupa_form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    lupa_page(&state, &k, false)
}

/// The activation form (the same flow, worded for first use).
pub async fn aktivasi_form(
    State(state): State<AppState>,
    k: Konteks,
) -> Result<Response, WebError> {
    lupa_page(&state, &k, true)
}

/// Token request fields.
#[derive(Deserialize)]
pub struct LupaForm {
    csrf: String,
    nip: String,
    email: String,
}

/// Sends a token when NIP and e-mail match; answers the same either way.
pub async fn lupa(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<LupaForm>,
) -> Result<Response, WebError> {
    state
        .batas()
        .periksa(Jalur::MintaToken, k.alamat, state.sekarang())
        .await
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    if f.nip.len() > PANJANG_LOGIN_MAKS || f.email.len() > PANJANG_LOGIN_MAKS {
        return Err(WebError::TidakValid(k.bahasa, Teks::InputTerlaluPanjang));
    }
    // The work happens after the answer, so the answer's timing says nothing about the NIP.
    let app = state.app().clone();
    let asal = k.asal();
    let (nip, email) = (f.nip.clone(), f.email.clone());
    tokio::spawn(async move {
        if let Err(e) = akun::minta_token(&app, &nip, &email, &asal).await {
            tracing::warn!(error = %e, "token request failed");
        }
    });
    html(LupaPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf: f.csrf.clone(),
        judul: k.bahasa.t(Teks::LupaJudul),
        aksi: "/lupa-sandi",
        terkirim: Some(
            k.bahasa
                .isi(Teks::TokenDikirim, state.konfigurasi().app.token_menit),
        ),
    })
}

#[derive(Template)]
#[template(path = "atur.html")]
struct AturPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    nip: String,
    aturan: String,
    galat: Vec<String>,
}

fn aturan(state: &AppState, b: Bahasa) -> String {
    b.isi(
        Teks::AturanSandi,
        state.konfigurasi().app.panjang_sandi_minimum,
    )
}

/// The set-password form (NIP + token + new password).
pub async fn atur_form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(&state, &k);
    let page = html(AturPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        nip: String::new(),
        aturan: aturan(&state, k.bahasa),
        galat: Vec::new(),
    })?;
    Ok(dengan_csrf_tamu(&state, page, baru.as_deref()))
}

/// Set-password fields.
#[derive(Deserialize)]
pub struct AturForm {
    csrf: String,
    nip: String,
    token: String,
    sandi: String,
    ulangi: String,
}

#[derive(Template)]
#[template(path = "pesan.html")]
struct PesanPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    judul: &'static str,
    pesan: String,
    lanjut: Option<(&'static str, &'static str)>,
}

/// Sets the password when the token is right; ends every session; notifies by e-mail.
pub async fn atur(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<AturForm>,
) -> Result<Response, WebError> {
    let b = k.bahasa;
    state
        .batas()
        .periksa(Jalur::PakaiToken, k.alamat, state.sekarang())
        .await
        .map_err(|s| WebError::TerlaluSering(b, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    let hasil = akun::atur_sandi(
        state.app(),
        &f.nip,
        &f.token,
        &f.sandi,
        &f.ulangi,
        &k.asal(),
    )
    .await?;
    let galat = match hasil {
        HasilAturSandi::Berhasil => {
            return html(PesanPage {
                b,
                nama_instance: state.nama_instance(),
                judul: b.t(Teks::AturJudul),
                pesan: b.t(Teks::SandiBerhasil).to_string(),
                lanjut: Some(("/masuk", b.t(Teks::Masuk))),
            });
        }
        HasilAturSandi::TokenSalah => vec![b.t(Teks::TokenSalah).to_string()],
        HasilAturSandi::TidakSama => vec![b.t(Teks::SandiTidakSama).to_string()],
        HasilAturSandi::Lemah(alasan) => alasan.iter().map(|a| b.jelaskan(a)).collect(),
    };
    html(AturPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: f.csrf.clone(),
        nip: f.nip.chars().take(32).collect(),
        aturan: aturan(&state, b),
        galat,
    })
}
