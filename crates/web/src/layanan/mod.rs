//! Personnel services over HTTP: the queues (agency, official, BKN) and the employee's own
//! cases, the promotion prediction with starting cases from it, and the case page with its
//! file, steps, letters and log. Rules live in `siasn_domain::layanan`, use cases in
//! `siasn_app::layanan`; this module parses, calls and renders.

mod cltn;
mod daftar;
mod formasi;
mod halaman;
mod pengadaan;
mod pensiun;
mod pindah;
mod prediksi;
mod sertifikat;

use askama::Template;
use axum::extract::{Multipart, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use siasn_app::layanan::{self as kasus, HasilLangkah};
use siasn_domain::layanan::{KasusLayanan, Langkah, StatusLayanan};
use siasn_teks::{Bahasa, Teks, label_langkah, label_status_layanan};
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::{Masuk, Param};
use crate::infra::multipart::baca_multipart;
use crate::{AppState, WebError};

/// The service routes (forms with uploads carry `batas_unggah`).
pub fn routes(batas_unggah: axum::extract::DefaultBodyLimit) -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/layanan", get(daftar::daftar))
        .route(
            "/layanan/kp/prediksi",
            get(prediksi::halaman).post(prediksi::mulai),
        )
        .route("/layanan/cltn", get(cltn::halaman).post(cltn::mulai))
        .route(
            "/layanan/formasi",
            get(formasi::halaman).post(formasi::atur),
        )
        .route("/layanan/pindah", get(pindah::halaman).post(pindah::mulai))
        .route("/layanan/pengadaan", get(pengadaan::halaman))
        .route(
            "/layanan/pengadaan/impor",
            post(pengadaan::impor).layer(batas_unggah),
        )
        .route("/layanan/pengadaan/tetapkan", post(pengadaan::tetapkan))
        .route("/layanan/pengadaan/sk-cpns", post(pengadaan::usul_sk))
        .route(
            "/layanan/pensiun",
            get(pensiun::halaman).post(pensiun::mulai),
        )
        .route(
            "/layanan/sertifikat",
            get(sertifikat::halaman)
                .post(sertifikat::simpan)
                .layer(batas_unggah),
        )
        .route("/layanan/{id}", get(halaman::detail))
        .route("/layanan/{id}/langkah", post(halaman::langkah))
        .route(
            "/layanan/{id}/lampiran",
            post(halaman::lampirkan).layer(batas_unggah),
        )
        .route("/layanan/{id}/lepas", post(halaman::lepas))
        .route(
            "/layanan/{id}/sk",
            post(halaman::unggah_sk).layer(batas_unggah),
        )
        .route("/layanan/{id}/dokumen/{dok}", get(halaman::dokumen))
}

pub(crate) use siasn_teks::nama_layanan;

/// A case's status as people say it: a completed transfer whose TMT has not come says the
/// record moves then, not that it was updated.
pub(crate) fn label_status_kasus(k: &KasusLayanan, b: Bahasa) -> &'static str {
    if k.status == StatusLayanan::ProfilDiperbarui
        && k.pindah().is_some_and(|d| d.diterapkan.is_none())
    {
        return b.t(Teks::PindahStatusMenungguTmt);
    }
    label_status_layanan(k.status, b)
}

/// "III/b Penata Muda Tingkat I".
fn golongan(g: siasn_domain::Golongan) -> String {
    format!("{} {}", g.label(), g.pangkat())
}

/// "Rp3.123.400" or "—".
fn rupiah(n: Option<i64>) -> String {
    n.map_or_else(
        || "—".into(),
        |n| format!("Rp{}", crate::tampilan::ribuan(n)),
    )
}

/// How long a case has waited at its status: "3 hari" / "5 jam".
fn lama_menunggu(k: &KasusLayanan, b: Bahasa) -> String {
    let d = chrono::Utc::now() - k.status_sejak;
    if d.num_days() >= 1 {
        format!("{} {}", d.num_days(), b.t(Teks::Hari))
    } else {
        format!("{} {}", d.num_hours().max(0), b.t(Teks::LayananJam))
    }
}

/// The period in the query (`periode=2027-01-01`), or the next period date from today.
async fn periode_dari(state: &AppState, teks: Option<&str>) -> Result<NaiveDate, WebError> {
    if let Some(p) = teks.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()) {
        return Ok(p);
    }
    let kalender = state.store().periode_kp().await?;
    let hari_ini = state.app().sekarang().date_naive();
    let awal_bulan = siasn_domain::BulanTahun::of(hari_ini).hari_pertama();
    Ok(
        siasn_domain::kenaikan_pangkat::periode_berikutnya(&kalender, awal_bulan)
            .unwrap_or(awal_bulan),
    )
}
