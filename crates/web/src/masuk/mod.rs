//! Signing in and out, activation and forgotten passwords, and the second factor.

mod mfa;
mod sandi;
mod sesi;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// The sign-in routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/masuk", get(sesi::form).post(sesi::kirim))
        .route("/keluar", post(sesi::keluar))
        .route("/lupa-sandi", get(sandi::lupa_form).post(sandi::lupa))
        .route("/aktivasi", get(sandi::aktivasi_form).post(sandi::lupa))
        .route("/atur-sandi", get(sandi::atur_form).post(sandi::atur))
        .route("/mfa", get(mfa::form).post(mfa::kirim))
        .route("/mfa/daftar", get(mfa::daftar_form).post(mfa::daftar))
        .route("/mfa/mulai", post(mfa::mulai))
}

/// A rendered page.
fn html(t: impl askama::Template) -> Result<axum::response::Response, crate::WebError> {
    use axum::response::IntoResponse;
    Ok(axum::response::Html(t.render()?).into_response())
}

/// Form of buttons that only carry the CSRF token.
#[derive(serde::Deserialize)]
pub struct CsrfForm {
    csrf: String,
}
