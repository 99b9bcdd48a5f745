//! Administration: staff grants, help for employees' accounts, and the API's partner clients.
//! Every target is looked up within the administrator's scope.

mod akun;
mod klien_api;
mod pegawai;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// The administration routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/akun", get(akun::akun))
        .route("/admin/akun/beri", post(akun::beri))
        .route("/admin/akun/cabut", post(akun::cabut))
        .route(
            "/admin/pegawai",
            get(pegawai::pegawai_form).post(pegawai::pegawai_cari),
        )
        .route("/admin/pegawai/{id}", get(pegawai::pegawai))
        .route("/admin/pegawai/{id}/email", post(pegawai::ubah_email))
        .route("/admin/pegawai/{id}/reset-mfa", post(pegawai::reset_mfa))
        .route(
            "/admin/klien-api",
            get(klien_api::daftar).post(klien_api::tambah),
        )
        .route("/admin/klien-api/{id}/status", post(klien_api::status))
        .route(
            "/admin/klien-api/{id}/webhook",
            post(klien_api::tambah_webhook),
        )
        .route(
            "/admin/webhook/{id}/status",
            post(klien_api::status_webhook),
        )
        .route("/admin/webhook/{id}/ulang", post(klien_api::ulang_webhook))
}
