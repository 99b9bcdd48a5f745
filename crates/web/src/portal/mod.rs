//! The employee's portal (MySAPK): home, own record with documents and who saw it,
//! performance and training, sessions; and staff's read-only view of a record in scope.

mod beranda;
mod kinerja;
mod profil;
mod sesi;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// The portal routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beranda", get(beranda::get))
        .route("/profil", get(profil::saya))
        .route("/profil/tampilkan", post(profil::saya_tampilkan))
        .route("/dokumen", get(profil::dokumen_saya))
        .route("/dokumen/{id}", get(profil::unduh))
        .route("/riwayat-akses", get(profil::riwayat_akses))
        .route("/riwayat-akses/{id}/bukti", get(profil::bukti_akses))
        .route("/kinerja", get(kinerja::kinerja))
        .route("/kompetensi", get(kinerja::kompetensi))
        .route("/pegawai/{id}", get(profil::petugas))
        .route("/pegawai/{id}/tampilkan", post(profil::petugas_tampilkan))
        .route("/sesi", get(sesi::sesi))
        .route("/sesi/akhiri-lain", post(sesi::akhiri_lain))
}
