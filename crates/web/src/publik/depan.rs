//! The front page, the stylesheet and app files, and the not-found page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::infra::konteks::Konteks;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// `?lang=` query parameter.
#[derive(Debug, Default, Deserialize)]
pub struct PilihanBahasa {
    /// Chosen language.
    pub lang: Option<Bahasa>,
}

#[derive(Template)]
#[template(path = "depan.html")]
struct HomePage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    siap: bool,
    jumlah_instansi: usize,
    mesin: &'static str,
}

/// The front page: names the instance and shows whether it is ready.
pub async fn get(
    State(state): State<AppState>,
    Query(pilihan): Query<PilihanBahasa>,
    k: Konteks,
) -> Result<Response, WebError> {
    if k.sudah_masuk(&state).await? {
        return Ok(Redirect::to("/beranda").into_response());
    }
    let bahasa = pilihan.lang.unwrap_or(k.bahasa);
    let (siap, jumlah_instansi) = match state.store().daftar_instansi().await {
        Ok(list) => (true, list.len()),
        Err(e) => {
            tracing::warn!(error = %e, "home page could not read agencies");
            (false, 0)
        }
    };
    let page = HomePage {
        b: bahasa,
        nama_instance: state.nama_instance(),
        siap,
        jumlah_instansi,
        mesin: state.store().engine().name(),
    };
    Ok(Html(page.render()?).into_response())
}

/// The one stylesheet, cached by browsers for a day.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/siasn.css"),
    )
}

/// Static files of the installable app, cached for a day.
fn statis(media_type: &'static str, body: &'static [u8]) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
}

/// The web app manifest (installable on phones).
pub async fn manifest() -> impl IntoResponse {
    statis(
        "application/manifest+json",
        include_bytes!("../../static/manifest.webmanifest"),
    )
}

/// App icon, vector.
pub async fn ikon_svg() -> impl IntoResponse {
    statis("image/svg+xml", include_bytes!("../../static/ikon.svg"))
}

/// App icon, 192 px.
pub async fn ikon_192() -> impl IntoResponse {
    statis("image/png", include_bytes!("../../static/ikon-192.png"))
}

/// App icon, 512 px.
pub async fn ikon_512() -> impl IntoResponse {
    statis("image/png", include_bytes!("../../static/ikon-512.png"))
}

#[derive(Template)]
#[template(path = "tidak_ditemukan.html")]
struct NotFoundPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
}

/// Any unknown path.
pub async fn tidak_ditemukan(State(state): State<AppState>, k: Konteks) -> impl IntoResponse {
    let page = NotFoundPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
    };
    match page.render() {
        Ok(html) => (StatusCode::NOT_FOUND, Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}
