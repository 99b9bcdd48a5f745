//! The card photo: upload with the guidelines beside it, preview on the card, "gunakan foto
//! ini", and the small copy for the home header.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use siasn_card::Orientasi;
use siasn_domain::kartu::{FotoDitolak, KebijakanFoto};
use siasn_store::StoreError;
use uuid::Uuid;

use super::{FormCsrf, data_kartu, milik, nama_kartu, png};
use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::infra::konteks::Param;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

fn kebijakan(state: &AppState) -> KebijakanFoto {
    siasn_app::kartu::kebijakan_foto(state.app())
}

#[derive(Template)]
#[template(path = "foto.html")]
struct FotoPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    ada_foto: bool,
    transparan: bool,
    lebar_min: u32,
    tinggi_min: u32,
    batas_kb: usize,
    galat: Option<String>,
}

async fn halaman_foto(
    state: &AppState,
    m: &Masuk,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(m)?;
    let k = kebijakan(state);
    let page = FotoPage {
        menu: m.menu(state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        ada_foto: state.store().foto_aktif(pegawai_id).await?.is_some(),
        transparan: k.wajib_transparan,
        lebar_min: k.lebar_min,
        tinggi_min: k.tinggi_min,
        batas_kb: k.ukuran_maks / 1024,
        galat: galat.clone(),
    };
    let status = if galat.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// `GET /foto`: the guidelines beside the upload.
pub async fn foto_form(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_foto(&state, &m, None).await
}

/// `POST /foto`: checks, re-encodes and keeps the photo as a candidate, then shows the preview.
pub async fn foto_unggah(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    milik(&m)?;
    let b = m.konteks.bahasa;
    let k = kebijakan(&state);
    let f = crate::infra::multipart::baca_multipart(mp, k.ukuran_maks).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    if f.terlalu_besar {
        let e = FotoDitolak::TerlaluBesar(k.ukuran_maks / 1024);
        return halaman_foto(&state, &m, Some(b.jelaskan(&e))).await;
    }
    let isi = f
        .berkas
        .into_iter()
        .find(|(nama, _, _)| nama == "foto")
        .map(|(_, _, isi)| isi)
        .unwrap_or_default();
    let id = match siasn_app::kartu::unggah_foto(state.app(), &m.aktor(), isi)
        .await
        .dalam(b)?
    {
        Ok(id) => id,
        Err(e) => return halaman_foto(&state, &m, Some(b.jelaskan(&e))).await,
    };
    Ok(Redirect::to(&format!("/foto/calon/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "foto_calon.html")]
struct CalonPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    id: Uuid,
}

/// `GET /foto/calon/{id}`: the card with the new photo, and "Gunakan foto ini".
pub async fn foto_calon(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state.store().foto_pegawai(id, pegawai_id).await?;
    if foto.status != "CALON" {
        return Ok(Redirect::to("/kartu").into_response());
    }
    let page = CalonPage {
        menu: m.menu(&state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        id,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /foto/calon/{id}/pratinjau.png`: the card front with the candidate photo.
pub async fn foto_pratinjau(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state.store().foto_pegawai(id, pegawai_id).await?;
    let isi = state.store().blobs().get(&foto.sha256).await?;
    let p = state.store().pegawai(pegawai_id).await?;
    let nama = nama_kartu(&state, &p).await?;
    let data = data_kartu(&p, &nama, None, Some(isi));
    let gambar = state
        .berat(move |r| r.depan_png(&data, Orientasi::Lanskap, 150.0))
        .await??;
    Ok(png(gambar, None))
}

/// `POST /foto/calon/{id}/gunakan`: the candidate becomes the card photo (audited).
pub async fn foto_gunakan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(f): axum::extract::Form<FormCsrf>,
) -> Result<Response, WebError> {
    milik(&m)?;
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    siasn_app::kartu::gunakan_foto(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())?;
    Ok(Redirect::to("/kartu").into_response())
}

/// `GET /foto/saya.png`: the holder's photo, small (the home header card).
pub async fn foto_saya(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state
        .store()
        .foto_aktif(pegawai_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let isi = state.store().blobs().get(&foto.sha256).await?;
    let kecil = state
        .berat(move |_| siasn_card::foto::kecil(&isi, 120))
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(png(kecil, None))
}
