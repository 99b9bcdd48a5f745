//! Staff grants: who holds which role in the administrator's scope, giving and taking roles.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_app::akun::{self, HasilBeriPeran};
use siasn_domain::akses::{Cakupan, Peran};
use siasn_domain::akun::RingkasanAkun;
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// Scopes in which this administrator manages employees' accounts; refused for non-admins.
pub(super) fn wajib_admin(m: &Masuk) -> Result<Vec<Cakupan>, WebError> {
    let c = m.pelaku.cakupan_admin();
    if c.is_empty() {
        Err(WebError::Dilarang(m.konteks.bahasa))
    } else {
        Ok(c)
    }
}

#[derive(Template)]
#[template(path = "admin_akun.html")]
struct AkunPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    daftar: Vec<RingkasanAkun>,
    peran_pilihan: Vec<Peran>,
    instansi_tetap: Option<String>,
    info: Option<&'static str>,
    galat: Option<String>,
}

async fn halaman_akun(
    state: &AppState,
    m: &Masuk,
    info: Option<&'static str>,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let cakupan = wajib_admin(m)?;
    let daftar = state.store().daftar_akun_staf(&cakupan).await?;
    let bkn = m.pelaku.punya(Peran::AdminBkn);
    let peran_pilihan = if bkn {
        vec![
            Peran::OperatorInstansi,
            Peran::VerifikatorInstansi,
            Peran::AdminInstansi,
            Peran::VerifikatorBkn,
            Peran::AdminBkn,
        ]
    } else {
        vec![Peran::OperatorInstansi, Peran::VerifikatorInstansi]
    };
    let instansi_tetap = if bkn {
        None
    } else {
        m.pelaku
            .instansi_yang_diadministrasi()
            .first()
            .map(|s| s.to_string())
    };
    let page = AkunPage {
        menu: m.menu(state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        daftar,
        peran_pilihan,
        instansi_tetap,
        info,
        galat,
    };
    Ok(Html(page.render()?).into_response())
}

/// Staff accounts in the administrator's scope.
pub async fn akun(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_akun(&state, &m, None, None).await
}

/// Grant fields.
#[derive(Deserialize)]
pub struct BeriForm {
    csrf: String,
    login: String,
    peran: String,
    #[serde(default)]
    instansi: String,
    #[serde(default)]
    kanreg: String,
}

fn kosong_jadi_none(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Grants a role to an employee (by NIP, in scope) or an existing user-name account.
pub async fn beri(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<BeriForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    wajib_admin(&m)?;
    let Some(peran) = Peran::from_kode(&f.peran) else {
        return Err(WebError::TidakValid(b, Teks::AkunTidakAda));
    };
    let hasil = akun::beri_peran(
        state.app(),
        &m.aktor(),
        &f.login,
        peran,
        kosong_jadi_none(&f.instansi),
        kosong_jadi_none(&f.kanreg),
    )
    .await
    .dalam(b)?;
    match hasil {
        HasilBeriPeran::Diberikan => {
            halaman_akun(&state, &m, Some(b.t(Teks::PeranDiberikan)), None).await
        }
        HasilBeriPeran::AkunTidakAda => {
            halaman_akun(&state, &m, None, Some(b.t(Teks::AkunTidakAda).into())).await
        }
        HasilBeriPeran::TidakSah(e) => halaman_akun(&state, &m, None, Some(b.jelaskan(&e))).await,
    }
}

/// Revoke fields.
#[derive(Deserialize)]
pub struct CabutForm {
    csrf: String,
    akun: Uuid,
    peran: String,
}

/// Revokes one grant, if the administrator may manage it.
pub async fn cabut(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CabutForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let peran = Peran::from_kode(&f.peran).ok_or(WebError::Dilarang(b))?;
    akun::cabut_peran(state.app(), &m.aktor(), f.akun, peran)
        .await
        .dalam(b)?;
    halaman_akun(&state, &m, Some(b.t(Teks::PeranDicabut)), None).await
}
