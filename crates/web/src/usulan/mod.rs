//! Peremajaan data over HTTP: proposing (own record, or an operator for the agency's
//! employees), the proposal page with before/after and documents, verifier decisions, the
//! queues, collective proposals and the operational view. Rules live in
//! `siasn_domain::usulan`; this module parses, authorises and renders.

mod antrean;
mod daftar;
mod form;
mod halaman;
mod kirim;
mod kolektif;

use daftar::*;
use form::*;
use halaman::*;

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use siasn_app::usulan::{self as kasus, Ditolak, HasilLangkah, HasilPutusan, Isi, Unggahan};
use siasn_domain::akses::Cakupan;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::{JenisRiwayat, Riwayat};
use siasn_domain::usulan::isian::{self, Tipe};
use siasn_domain::usulan::kolektif::{BarisKolektif, JenisKolektif, baca_csv, dari_daftar_nip};
use siasn_domain::usulan::{
    Keputusan, KolomDataUtama, LangkahPengusul, Perubahan, RingkasanUsulan, Sebelum, StatusUsulan,
    Usulan, boleh_langkah_pengusul, boleh_memutuskan,
};
use siasn_teks::{Bahasa, Teks};
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::infra::multipart::{FormMultipart, baca_multipart};
use crate::{AppState, WebError};

/// The proposal routes (forms with uploads carry `batas_unggah`).
pub fn routes(batas_unggah: axum::extract::DefaultBodyLimit) -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/usulan",
            get(daftar::daftar).post(kirim::buat).layer(batas_unggah),
        )
        .route("/usulan/baru", get(form::form_baru))
        .route("/usulan/statistik", get(daftar::statistik))
        .route("/usulan/{id}", get(halaman::detail))
        .route("/usulan/{id}/dokumen/{dok}", get(halaman::lihat_dokumen))
        .route("/usulan/{id}/putuskan", post(halaman::putuskan))
        .route("/usulan/{id}/batalkan", post(halaman::batalkan))
        .route("/usulan/{id}/ajukan", post(halaman::ajukan))
        .route(
            "/usulan/{id}/revisi",
            get(form::form_revisi)
                .post(kirim::revisi)
                .layer(batas_unggah),
        )
        .route("/verifikasi", get(antrean::antrean))
        .route(
            "/kolektif",
            get(kolektif::form_kolektif)
                .post(kolektif::kolektif)
                .layer(batas_unggah),
        )
        .route("/kolektif/{id}", get(kolektif::detail_kolektif))
        .route("/kolektif/{id}/putuskan", post(kolektif::putuskan_kolektif))
}

fn cakupan_staf(m: &Masuk) -> Vec<Cakupan> {
    m.pelaku
        .cakupan_baca()
        .into_iter()
        .filter(|c| !matches!(c, Cakupan::Diri(_)))
        .collect()
}

fn label_jenis(b: Bahasa, kode: &str) -> String {
    siasn_teks::label_jenis_usulan(kode, b)
}

fn label_status(b: Bahasa, s: StatusUsulan) -> &'static str {
    siasn_teks::label_status(s, b)
}

fn umur(b: Bahasa, sejak: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let jam = (now - sejak).num_hours().max(0);
    if jam >= 48 {
        format!("{} {}", jam / 24, b.t(Teks::Hari))
    } else {
        format!("{jam} {}", b.t(Teks::JamUmur))
    }
}

/// The upload limit in MB, as shown on forms and in the size message.
fn batas_mb(state: &AppState) -> String {
    format!(
        "{:.1}",
        state.konfigurasi().app.batas_unggah as f64 / 1_048_576.0
    )
}

fn pesan_terlalu_besar(state: &AppState, b: Bahasa) -> String {
    b.isi(Teks::BerkasTerlaluBesar, batas_mb(state))
}
