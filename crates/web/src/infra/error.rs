//! The one mapping from failures to HTTP responses. Details go to the log (with the request id),
//! never to the user.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use siasn_app::AppError;
use siasn_store::StoreError;
use siasn_teks::{Bahasa, Teks};

/// A failure while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A use case stopped (answered in the user's language).
    #[error("{0}")]
    App(AppError, Bahasa),
    /// The store failed on a read for display.
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
    /// The page does not exist (or is outside the reader's scope: the two look the same).
    #[error("tidak ditemukan")]
    TidakDitemukan,
    /// Missing or wrong CSRF token.
    #[error("token CSRF salah")]
    Csrf(Bahasa),
    /// Rate limit hit: wait this many seconds.
    #[error("terlalu sering")]
    TerlaluSering(Bahasa, u64),
    /// Bad input the page cannot show inline.
    #[error("permintaan tidak valid")]
    TidakValid(Bahasa, Teks),
    /// A card, photo or captcha image could not be produced.
    #[error(transparent)]
    Kartu(#[from] siasn_card::KartuError),
    /// Background work (image processing) did not finish.
    #[error("tugas latar: {0}")]
    Tugas(#[from] tokio::task::JoinError),
    /// A CSV export could not be written.
    #[error("csv: {0}")]
    Csv(String),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        Self::App(e, Bahasa::default())
    }
}

/// A use case's result answered in the user's language.
pub trait DalamBahasa<T> {
    /// Maps the failure to a page in `b`.
    fn dalam(self, b: Bahasa) -> Result<T, WebError>;
}

impl<T> DalamBahasa<T> for Result<T, AppError> {
    fn dalam(self, b: Bahasa) -> Result<T, WebError> {
        self.map_err(|e| WebError::App(e, b))
    }
}

/// A short page with one message.
pub(crate) fn halaman(status: StatusCode, bahasa: Bahasa, pesan: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>SIASN</title><link rel=\"stylesheet\" href=\"/static/siasn.css\"><main><h1>SIASN</h1><p class=\"bad\">{}</p><p><a href=\"/\">{}</a></p></main></html>",
        bahasa.tag(),
        pesan,
        bahasa.t(Teks::Kembali)
    );
    (status, Html(body)).into_response()
}

fn tidak_ditemukan() -> Response {
    let b = Bahasa::default();
    halaman(StatusCode::NOT_FOUND, b, b.t(Teks::TidakDitemukan))
}

fn galat_server(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "request failed");
    let b = Bahasa::default();
    halaman(StatusCode::INTERNAL_SERVER_ERROR, b, b.t(Teks::GalatServer))
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            Self::PerluMasuk => Redirect::to("/masuk").into_response(),
            Self::Alihkan(to) => Redirect::to(to).into_response(),
            Self::Dilarang(b) | Self::App(AppError::Dilarang, b) => {
                halaman(StatusCode::FORBIDDEN, b, b.t(Teks::TidakBerwenang))
            }
            Self::Csrf(b) => halaman(StatusCode::FORBIDDEN, b, b.t(Teks::CsrfSalah)),
            Self::TidakValid(b, kunci) => halaman(StatusCode::BAD_REQUEST, b, b.t(kunci)),
            Self::TerlaluSering(b, detik) => {
                let mut r = halaman(
                    StatusCode::TOO_MANY_REQUESTS,
                    b,
                    &b.isi(Teks::TerlaluSering, detik),
                );
                if let Ok(v) = HeaderValue::from_str(&detik.to_string()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
                r
            }
            Self::TidakDitemukan
            | Self::Store(StoreError::NotFound)
            | Self::App(AppError::TidakDitemukan | AppError::Store(StoreError::NotFound), _) => {
                tidak_ditemukan()
            }
            other => galat_server(&other),
        }
    }
}
