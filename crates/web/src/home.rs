//! The home page, the stylesheet and the not-found page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};

use crate::bahasa::Bahasa;
use crate::konteks::Konteks;
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    siap: bool,
    jumlah_instansi: usize,
    mesin: &'static str,
}

/// The home page: names the instance and shows whether it is ready.
pub async fn get(
    State(state): State<AppState>,
    Query(pilihan): Query<crate::bahasa::PilihanBahasa>,
    k: Konteks,
) -> Result<Html<String>, WebError> {
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
    Ok(Html(page.render()?))
}

/// The one stylesheet, cached by browsers for a day.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/siasn.css"),
    )
}

#[derive(Template)]
#[template(path = "tidak_ditemukan.html")]
struct NotFoundPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
}

/// Any unknown path.
pub async fn not_found(State(state): State<AppState>, k: Konteks) -> impl IntoResponse {
    let page = NotFoundPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
    };
    match page.render() {
        Ok(html) => (StatusCode::NOT_FOUND, Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}
