//! The signed-in home and the "my sessions" page.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::akses::Peran;
use siasn_store::audit::AuditBaru;
use siasn_store::sesi::Sesi;

use crate::bahasa::Bahasa;
use crate::konteks::{Masuk, periksa_csrf_sesi};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "beranda.html")]
struct BerandaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    nama: &'a str,
    peran: Vec<String>,
    admin: bool,
    mfa_aktif: bool,
}

/// Home after sign-in (the full employee home is built on this).
pub async fn get(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let peran = m
        .akun
        .peran
        .iter()
        .map(|p| match (&p.instansi_id, &p.kanreg_id) {
            (Some(i), _) => format!("{} ({i})", p.peran.nama()),
            (None, Some(k)) => format!("{} (Kanreg {k})", p.peran.nama()),
            _ => p.peran.nama().to_string(),
        })
        .collect();
    let page = BerandaPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        nama: &m.akun.nama,
        peran,
        admin: m.pelaku.punya(Peran::AdminInstansi) || m.pelaku.punya(Peran::AdminBkn),
        mfa_aktif: m.akun.mfa_aktif,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "sesi.html")]
struct SesiPage<'a> {
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
    let n = state
        .store()
        .hapus_sesi_lain(m.akun.id, &m.sesi.id_hash)
        .await?;
    state
        .store()
        .catat_audit(vec![AuditBaru {
            aktor: format!("akun:{}", m.akun.id),
            aksi: "sesi.lain_diakhiri".into(),
            akun_id: Some(m.akun.id),
            pegawai_id: m.akun.pegawai_id,
            sesudah: Some(serde_json::json!({ "jumlah": n })),
            alamat: Some(m.konteks.alamat.to_string()),
            ..AuditBaru::default()
        }])
        .await?;
    halaman_sesi(&state, &m, Some(m.konteks.bahasa.t("sesi_lain_diakhiri"))).await
}
