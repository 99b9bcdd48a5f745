//! Pages for everyone, signed in or not: the front page and static files, the probes, the
//! public check of a card's QR code and its keys, and the not-found page.

mod depan;
mod periksa_kartu;
mod probe;
mod verifikasi;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub use depan::tidak_ditemukan;

/// The public routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(depan::get))
        .route("/healthz", get(probe::healthz))
        .route("/readyz", get(probe::readyz))
        .route("/static/siasn.css", get(depan::css))
        .route("/manifest.webmanifest", get(depan::manifest))
        .route("/static/ikon.svg", get(depan::ikon_svg))
        .route("/static/ikon-192.png", get(depan::ikon_192))
        .route("/static/ikon-512.png", get(depan::ikon_512))
        .route("/k/captcha/{id}", get(periksa_kartu::gambar_captcha))
        .route(
            "/k/{token}",
            get(periksa_kartu::halaman).post(periksa_kartu::jawab),
        )
        .route("/.well-known/jwks.json", get(periksa_kartu::jwks))
        .route("/v", get(verifikasi::formulir).post(verifikasi::periksa))
        .route("/v/{kode}", get(verifikasi::kode))
}
