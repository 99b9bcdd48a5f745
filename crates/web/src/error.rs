//! The one mapping from failures to HTTP responses. Details go to the log (with the request id),
//! never to the user.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
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
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = match &self {
            Self::Store(StoreError::NotFound) => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let teks = Bahasa::default().teks();
        let body = format!(
            "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>SIASN</title><p>{}</p></html>",
            if status == StatusCode::NOT_FOUND {
                teks.tidak_ditemukan
            } else {
                teks.galat_server
            }
        );
        (status, Html(body)).into_response()
    }
}
