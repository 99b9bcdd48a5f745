//! The back office: searching employees within the reader's scope.

mod cari;

pub use cari::{label_golongan, nama_lengkap};

use axum::Router;
use axum::routing::get;

use crate::AppState;

/// The back-office routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/pegawai", get(cari::form).post(cari::cari))
}
