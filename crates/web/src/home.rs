//! The home page, the stylesheet and the not-found page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};

use crate::bahasa::{Bahasa, PilihanBahasa, Teks};
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    bahasa: Bahasa,
    t: &'static Teks,
    nama_instance: &'a str,
    siap: bool,
    jumlah_instansi: usize,
    mesin: &'static str,
    bahasa_lain: &'static str,
}

/// The home page: names the instance and shows whether it is ready.
pub async fn get(
    State(state): State<AppState>,
    Query(pilihan): Query<PilihanBahasa>,
) -> Result<Html<String>, WebError> {
    let bahasa = pilihan.lang.unwrap_or_default();
    let (siap, jumlah_instansi) = match state.store().daftar_instansi().await {
        Ok(list) => (true, list.len()),
        Err(e) => {
            tracing::warn!(error = %e, "home page could not read agencies");
            (false, 0)
        }
    };
    let page = HomePage {
        bahasa,
        t: bahasa.teks(),
        nama_instance: state.nama_instance(),
        siap,
        jumlah_instansi,
        mesin: state.store().engine().name(),
        bahasa_lain: match bahasa {
            Bahasa::Indonesia => "en",
            Bahasa::Inggris => "id",
        },
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
struct NotFoundPage {
    bahasa: Bahasa,
    t: &'static Teks,
}

/// Any unknown path.
pub async fn not_found(Query(pilihan): Query<PilihanBahasa>) -> impl IntoResponse {
    let bahasa = pilihan.lang.unwrap_or_default();
    let page = NotFoundPage {
        bahasa,
        t: bahasa.teks(),
    };
    match page.render() {
        Ok(html) => (StatusCode::NOT_FOUND, Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}
