//! The one mapping from failures to HTTP responses. Details go to the log (with the request id),
//! never to the user.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use siasn_store::StoreError;

use crate::bahasa::Bahasa;

/// A failure while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A template failed to render.
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    /// Not signed in: go to the sign-in page.
    #[error("perlu masuk")]
    PerluMasuk,
    /// Signed in but not at the right stage: go there.
    #[error("alihkan ke {0}")]
    Alihkan(&'static str),
    /// Not allowed.
    #[error("dilarang")]
    Dilarang(Bahasa),
    /// Missing or wrong CSRF token.
    #[error("token CSRF salah")]
    Csrf(Bahasa),
    /// Rate limit hit: wait this many seconds.
    #[error("terlalu sering")]
    TerlaluSering(Bahasa, u64),
    /// Bad input the page cannot show inline.
    #[error("permintaan tidak valid")]
    TidakValid(Bahasa, &'static str),
    /// A card, photo or captcha image could not be produced.
    #[error(transparent)]
    Kartu(#[from] siasn_card::KartuError),
    /// Background work (image processing) did not finish.
    #[error("tugas latar: {0}")]
    Tugas(#[from] tokio::task::JoinError),
}

fn halaman(status: StatusCode, bahasa: Bahasa, pesan: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>SIASN</title><link rel=\"stylesheet\" href=\"/static/siasn.css\"><main><h1>SIASN</h1><p class=\"bad\">{}</p><p><a href=\"/\">{}</a></p></main></html>",
        bahasa.tag(),
        pesan,
        bahasa.t("kembali")
    );
    (status, Html(body)).into_response()
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            Self::PerluMasuk => Redirect::to("/masuk").into_response(),
            Self::Alihkan(to) => Redirect::to(to).into_response(),
            Self::Dilarang(b) => halaman(StatusCode::FORBIDDEN, b, b.t("tidak_berwenang")),
            Self::Csrf(b) => halaman(StatusCode::FORBIDDEN, b, b.t("csrf_salah")),
            Self::TidakValid(b, kunci) => halaman(StatusCode::BAD_REQUEST, b, b.t(kunci)),
            Self::TerlaluSering(b, detik) => {
                let mut r = halaman(
                    StatusCode::TOO_MANY_REQUESTS,
                    b,
                    &b.t("terlalu_sering").replace("{}", &detik.to_string()),
                );
                if let Ok(v) = HeaderValue::from_str(&detik.to_string()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
                r
            }
            Self::Store(StoreError::NotFound) => halaman(
                StatusCode::NOT_FOUND,
                Bahasa::default(),
                Bahasa::default().t("tidak_ditemukan"),
            ),
            other => {
                tracing::error!(error = %other, "request failed");
                halaman(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Bahasa::default(),
                    Bahasa::default().t("galat_server"),
                )
            }
        }
    }
}
