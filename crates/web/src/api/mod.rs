//! The SIASN-compatible web service: the national service's paths, headers, JSON shapes and
//! envelopes, so agencies' SIMPEG and partner institutions' existing clients work after changing
//! only their base URLs (`docs/domain/SIASN_API.md`; decision 0011).
//!
//! Every data call carries a gateway token (the partner client) and a user token (the person on
//! whose behalf it calls). What a call reaches is the user's scope and the client's reach
//! together, in the query. Every read of personal data is audited.

mod baca;
mod dokumen;
mod jejak;
mod kunci;
mod layanan;
mod panggilan;
mod peristiwa;
mod peta;
mod referensi;
mod spesifikasi;
mod token;
mod tulis;

use std::collections::HashMap;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use serde_json::{Value, json};
use siasn_domain::akses::Pelaku;
use siasn_domain::klien_api::KlienApi;
use siasn_domain::klien_api::Lingkup;
use siasn_domain::riwayat::JenisRiwayat;
use siasn_store::StoreError;

use crate::AppState;

use jejak::KirimanAudit;
pub use jejak::catat_baca_berkelompok;
pub use kunci::{JenisToken, KlaimToken};
pub use panggilan::{Klien, Panggilan};
pub use spesifikasi::OPENAPI;
#[doc(hidden)]
pub use tulis::{SIMPAN, urai_simpan};

/// Data API base path.
pub const DASAR: &str = "/apisiasn/1.0";

/// The API's share of the shared state: the token key, caches and per-client counters.
#[derive(Default)]
pub struct KeadaanApi {
    kunci: tokio::sync::OnceCell<Vec<u8>>,
    klien: panggilan::Cache<KlienApi>,
    akun: panggilan::Cache<(Pelaku, String)>,
    penulis: std::sync::OnceLock<tokio::sync::mpsc::Sender<KirimanAudit>>,
}

/// An error in the national service's envelope: `{"Error": ..., "Message": ...}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    pesan: String,
    tunggu: Option<u64>,
}

/// The texts clients recognise as token failures (they fetch new tokens and retry once).
pub const JWT_SALAH: &str = "invalid or expired jwt";
/// The user token is missing, wrong, expired or issued to another client.
pub const SSO_SALAH: &str = "Token SSO mismatch";

impl ApiError {
    /// An error with a status and a message.
    pub fn new(status: StatusCode, pesan: impl Into<String>) -> Self {
        Self {
            status,
            pesan: pesan.into(),
            tunggu: None,
        }
    }

    fn jwt() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, JWT_SALAH)
    }

    fn sso() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, SSO_SALAH)
    }

    /// 400 with a message.
    pub fn tidak_valid(pesan: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, pesan)
    }

    /// 404 (unknown, or outside the caller's reach: the two are indistinguishable on purpose).
    pub fn tidak_ada() -> Self {
        Self::new(StatusCode::NOT_FOUND, "data tidak ditemukan")
    }

    /// 403: the client was not granted this scope.
    pub fn lingkup(l: Lingkup) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            format!("klien tidak diberi lingkup «{}»", l.kode()),
        )
    }

    /// 422: valid JSON that breaks a rule.
    pub fn ditolak(pesan: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, pesan)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let judul = self.status.canonical_reason().unwrap_or("Error");
        let mut r = (
            self.status,
            axum::Json(json!({ "Error": judul, "Message": self.pesan })),
        )
            .into_response();
        let h = r.headers_mut();
        if self.status == StatusCode::UNAUTHORIZED {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
        }
        if let Some(t) = self.tunggu
            && let Ok(v) = HeaderValue::from_str(&t.to_string())
        {
            h.insert(header::RETRY_AFTER, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::tidak_ada(),
            StoreError::Conflict(m) => Self::new(StatusCode::CONFLICT, m),
            other => {
                tracing::error!(error = %other, "api request failed");
                Self::new(StatusCode::INTERNAL_SERVER_ERROR, "kesalahan server")
            }
        }
    }
}

impl From<siasn_app::AppError> for ApiError {
    fn from(e: siasn_app::AppError) -> Self {
        match e {
            siasn_app::AppError::Store(s) => s.into(),
            siasn_app::AppError::TidakDitemukan => Self::tidak_ada(),
            siasn_app::AppError::Dilarang => Self::new(StatusCode::FORBIDDEN, "tidak berwenang"),
            siasn_app::AppError::SudahBerubah => Self::new(
                StatusCode::CONFLICT,
                "data berubah bersamaan; ulangi permintaan",
            ),
            other => {
                tracing::error!(error = %other, "api request failed");
                Self::new(StatusCode::INTERNAL_SERVER_ERROR, "kesalahan server")
            }
        }
    }
}

/// A result of an API handler.
pub type ApiResult = Result<Response, ApiError>;

/// `{"code": 1, "data": ...}` with `no-store` (personal data is never cached by proxies).
pub fn data(isi: Value) -> Response {
    tanpa_cache(axum::Json(json!({ "code": 1, "data": isi })).into_response())
}

/// `{"code": 1, "data": [...], "count": n}`.
pub fn daftar(isi: Vec<Value>) -> Response {
    let n = isi.len();
    tanpa_cache(axum::Json(json!({ "code": 1, "data": isi, "count": n })).into_response())
}

/// A list's `limit` and `offset`. Existing clients send `limit=0` (and often a large offset
/// with it) as their default for "everything", so an absent or zero limit means no limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Halaman {
    offset: usize,
    limit: Option<usize>,
}

/// The most rows one page returns when a client asks for a larger page.
const HALAMAN_MAKS: usize = 10_000;

impl Halaman {
    /// Reads `limit`/`offset` from a query; 400 for values that are not whole numbers.
    pub fn dari(q: &HashMap<String, String>) -> Result<Self, ApiError> {
        let angka = |k: &str| -> Result<usize, ApiError> {
            match q.get(k).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                None => Ok(0),
                Some(v) => v
                    .parse()
                    .map_err(|_| ApiError::tidak_valid(format!("{k} harus bilangan bulat"))),
            }
        };
        let limit = angka("limit")?;
        let offset = angka("offset")?;
        // "No limit" starts at the beginning: clients pairing limit=0 with offset=10000 mean
        // the whole list, not its tail.
        Ok(if limit == 0 {
            Self::default()
        } else {
            Self {
                offset,
                limit: Some(limit.min(HALAMAN_MAKS)),
            }
        })
    }

    /// This page of `isi`.
    pub fn potong<T>(&self, isi: Vec<T>) -> Vec<T> {
        isi.into_iter()
            .skip(self.offset)
            .take(self.limit.unwrap_or(usize::MAX))
            .collect()
    }
}

/// One page of a list: `count` is the whole list's length, so clients can page.
pub fn daftar_halaman(isi: Vec<Value>, h: Halaman) -> Response {
    let n = isi.len();
    let isi = h.potong(isi);
    tanpa_cache(axum::Json(json!({ "code": 1, "data": isi, "count": n })).into_response())
}

fn tanpa_cache(mut r: Response) -> Response {
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn metode_salah() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "metode HTTP ini tidak berlaku untuk alamat ini",
    )
}

async fn tidak_dikenal() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "alamat API tidak dikenal")
}

/// The API's routes.
pub fn routes() -> Router<AppState> {
    let d = |p: &str| format!("{DASAR}{p}");
    let mut r = Router::new()
        .route("/oauth2/token", post(token::gateway))
        .route(
            "/auth/realms/public-siasn/protocol/openid-connect/token",
            post(token::pengguna),
        )
        .route("/api/openapi.json", get(spesifikasi::json))
        .route("/api", get(spesifikasi::halaman))
        .route(&d("/pns/data-utama/{nip}"), get(baca::data_utama))
        .route(&d("/pns/data-pasangan/{nip}"), get(baca::pasangan))
        .route(&d("/pns/data-anak/{nip}"), get(baca::anak))
        .route(&d("/pns/data-ortu/{nip}"), get(baca::ortu))
        .route(&d("/jabatan/pns/{nip}"), get(baca::jabatan_pns))
        .route(&d("/pns/photo/{pns_id}"), get(baca::foto))
        .route(&d("/pns/list-kp-instansi"), get(layanan::list_kp))
        .route(&d("/pns/kp-instansi-byId"), get(layanan::kp_by_id))
        .route(&d("/pns/list-pensiun-instansi"), get(baca::list_pensiun))
        .route(&d("/peristiwa"), get(peristiwa::feed))
        .route(&d("/pns/nilaiipasn"), get(baca::nilai_ipasn))
        .route(&d("/pns/nilaiipasn/{nip}"), get(baca::nilai_ipasn))
        .route(
            &d("/pengadaan/list-pengadaan-instansi"),
            get(layanan::list_pengadaan),
        )
        .route(
            &d("/pengadaan/dokumen-pengadaan"),
            get(layanan::dokumen_pengadaan),
        )
        .route(&d("/referensi/ref-unor"), get(baca::ref_unor))
        .route(&d("/pns/data-utama-update"), post(tulis::data_utama))
        .route(&d("/download-dok"), get(dokumen::unduh))
        .route(&d("/upload-dok"), post(dokumen::unggah))
        .route(&d("/upload-dok-rw"), post(dokumen::unggah_rw))
        .route(&d("/upload-dok-sk-kp"), post(layanan::unggah_sk_kp))
        .route("/referensi_siasn/1/{nama}/search", get(referensi::cari));
    for jenis in peta::RW {
        r = r.route(
            &d(&format!("/pns/rw-{jenis}/{{nip}}")),
            get(move |s, p, n, q| baca::rw(s, p, n, q, jenis)),
        );
    }
    for (nama, jenis) in [
        ("jabatan", JenisRiwayat::Jabatan),
        ("golongan", JenisRiwayat::Golongan),
    ] {
        let jalur = d(&format!("/pns/data-utama-{nama}sync"));
        r = r
            .route(
                &jalur,
                get(move |s, c, q| tulis::sinkron(s, c, None, q, jenis)),
            )
            .route(
                &format!("{jalur}/{{id}}"),
                get(move |s, c, p, q| tulis::sinkron(s, c, Some(p), q, jenis)),
            );
    }
    for jenis in peta::BACA_ID {
        r = r.route(
            &d(&format!("/{jenis}/id/{{id}}")),
            get(move |s, p, n| baca::by_id(s, p, n, jenis)),
        );
    }
    for jenis in tulis::SIMPAN {
        r = r.route(
            &d(&format!("/{jenis}/save")),
            post(move |s, p, h, b| tulis::simpan(s, p, h, b, jenis)),
        );
    }
    for jenis in tulis::HAPUS {
        r = r.route(
            &d(&format!("/{jenis}/delete/{{id}}")),
            delete(move |s, p, n| tulis::hapus(s, p, n, jenis)),
        );
    }
    // A wrong method on a known path answers in the envelope too (set on the routes above).
    r.method_not_allowed_fallback(metode_salah)
        .route(&d("/{*lain}"), any(tidak_dikenal))
        .route("/referensi_siasn/{*lain}", any(tidak_dikenal))
}
