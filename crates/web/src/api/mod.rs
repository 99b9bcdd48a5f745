//! The SIASN-compatible web service: the national service's paths, headers, JSON shapes and
//! envelopes, so agencies' SIMPEG and partner institutions' existing clients work after changing
//! only their base URLs (`../shared/domain/SIASN_API.md`; decision 0011).
//!
//! Every data call carries a gateway token (the partner client) and a user token (the person on
//! whose behalf it calls). What a call reaches is the user's scope and the client's reach
//! together, in the query. Every read of personal data is audited.

mod baca;
mod dokumen;
mod kunci;
mod peta;
mod referensi;
mod spesifikasi;
mod token;
mod tulis;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use serde_json::{Value, json};
use siasn_domain::akses::{Cakupan, Pelaku};
use siasn_domain::klien_api::Lingkup;
use siasn_domain::pegawai::Pegawai;
use siasn_store::StoreError;
use siasn_store::api::KlienApi;
use siasn_store::audit::AuditBaru;
use uuid::Uuid;

use crate::AppState;
use crate::konteks::Konteks;

pub use kunci::{JenisToken, KlaimToken};
pub use spesifikasi::OPENAPI;

/// Data API base path.
pub const DASAR: &str = "/apisiasn/1.0";

/// How long a client or an account stays cached: disabling a client or removing a grant takes
/// effect on every app server within this time.
const UMUR_CACHE: Duration = Duration::from_secs(30);

/// The API's share of the shared state: the token key, caches and per-client counters.
#[derive(Default)]
pub struct KeadaanApi {
    kunci: tokio::sync::OnceCell<Vec<u8>>,
    klien: Mutex<HashMap<Uuid, (Instant, KlienApi)>>,
    akun: Mutex<HashMap<Uuid, (Instant, Pelaku, String)>>,
    laju: Mutex<HashMap<Uuid, (Instant, u32)>>,
    penulis: std::sync::OnceLock<tokio::sync::mpsc::Sender<KirimanAudit>>,
}

/// Read events waiting to be appended, with the request waiting for their commit.
type KirimanAudit = (
    Vec<AuditBaru>,
    tokio::sync::oneshot::Sender<Result<(), String>>,
);

/// Appends read events through one writer per app server that commits whatever has queued up
/// in one transaction (group commit). Each request still waits for its own events to be
/// committed before it answers, so no read goes unrecorded; but a burst of reads costs one
/// append transaction instead of one each, and readers never contend for the write lock.
pub async fn catat_baca_berkelompok(
    state: &AppState,
    events: Vec<AuditBaru>,
) -> Result<(), ApiError> {
    let penulis = state.api().penulis.get_or_init(|| {
        let (tx, rx) = tokio::sync::mpsc::channel(4096);
        tokio::spawn(penulis_audit(state.store().clone(), rx));
        tx
    });
    let (selesai, tunggu) = tokio::sync::oneshot::channel();
    let gagal = |_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "pencatat audit tidak tersedia",
        )
    };
    penulis
        .send((events, selesai))
        .await
        .map_err(|_| gagal(()))?;
    match tunggu.await.map_err(|_| gagal(()))? {
        Ok(()) => Ok(()),
        Err(e) => {
            tracing::error!(error = %e, "audit append failed");
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "kesalahan server",
            ))
        }
    }
}

async fn penulis_audit(
    store: siasn_store::Store,
    mut rx: tokio::sync::mpsc::Receiver<KirimanAudit>,
) {
    while let Some(pertama) = rx.recv().await {
        let mut antre = vec![pertama];
        while antre.len() < 512 {
            match rx.try_recv() {
                Ok(k) => antre.push(k),
                Err(_) => break,
            }
        }
        let events: Vec<AuditBaru> = antre.iter().flat_map(|(e, _)| e.iter().cloned()).collect();
        let hasil = store.catat_audit(events).await.map_err(|e| e.to_string());
        for (_, selesai) in antre {
            let _ = selesai.send(hasil.clone());
        }
    }
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

impl From<crate::WebError> for ApiError {
    fn from(e: crate::WebError) -> Self {
        match e {
            crate::WebError::Store(s) => s.into(),
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

fn tanpa_cache(mut r: Response) -> Response {
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// A call authenticated by its gateway token only (reference API).
pub struct Klien {
    /// The partner client.
    pub klien: KlienApi,
}

/// A data call: the client, the user on whose behalf it calls, and where it comes from.
pub struct Panggilan {
    /// The partner client.
    pub klien: KlienApi,
    /// The user (account) and grants.
    pub pelaku: Pelaku,
    /// The user's display name.
    pub nama_pengguna: String,
    /// Network address.
    pub alamat: IpAddr,
}

impl Panggilan {
    /// The user's read scopes.
    pub fn cakupan_pengguna(&self) -> Vec<Cakupan> {
        self.pelaku.cakupan_baca()
    }

    /// The client's reach, as scopes.
    pub fn cakupan_klien(&self) -> Vec<Cakupan> {
        vec![self.klien.jangkauan.cakupan()]
    }

    /// Fails with 403 unless the client holds `l`.
    pub fn wajib(&self, l: Lingkup) -> Result<(), ApiError> {
        if self.klien.lingkup.punya(l) {
            Ok(())
        } else {
            Err(ApiError::lingkup(l))
        }
    }

    /// Who acted, for the audit log: the client and the user.
    pub fn aktor(&self) -> String {
        format!("klien:{}/akun:{}", self.klien.id, self.pelaku.akun_id)
    }

    /// The employee with this NIP within reach (400 for a malformed NIP, 404 outside reach).
    pub async fn pegawai(&self, state: &AppState, nip: &str) -> Result<Pegawai, ApiError> {
        let nip = nip.trim();
        if nip.len() != 18 || !nip.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::tidak_valid("NIP harus 18 digit angka"));
        }
        Ok(state
            .store()
            .pegawai_api(nip, &self.cakupan_pengguna(), &self.cakupan_klien())
            .await?)
    }

    /// Records a read of personal data: who (client and user), which employee, which fields.
    pub async fn catat_baca(
        &self,
        state: &AppState,
        pegawai_id: Uuid,
        jalur: &str,
        bidang: &str,
    ) -> Result<(), ApiError> {
        catat_baca_berkelompok(
            state,
            vec![AuditBaru {
                aktor: self.aktor(),
                aksi: "api.dibaca".into(),
                pegawai_id: Some(pegawai_id),
                alasan: Some(format!("{} via API: {jalur} ({bidang})", self.klien.nama)),
                alamat: Some(self.alamat.to_string()),
                ..AuditBaru::default()
            }],
        )
        .await
    }
}

fn header_token<'a>(parts: &'a Parts, nama: &str) -> Option<&'a str> {
    let v = parts.headers.get(nama)?.to_str().ok()?.trim();
    let (skema, token) = v.split_once(' ')?;
    skema.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The gateway token's client, checked: signature, expiry, client still active, rate limit.
async fn klien_dari(parts: &Parts, state: &AppState) -> Result<KlienApi, ApiError> {
    let token = header_token(parts, header::AUTHORIZATION.as_str()).ok_or_else(ApiError::jwt)?;
    let now = state.jam().sekarang();
    let klaim = kunci::periksa(state, token, JenisToken::Gateway, now)
        .await?
        .ok_or_else(ApiError::jwt)?;
    let klien = klien_tersimpan(state, klaim.klien)
        .await?
        .ok_or_else(ApiError::jwt)?;
    if !klien.aktif {
        return Err(ApiError::jwt());
    }
    hitung_laju(state, &klien)?;
    Ok(klien)
}

/// Fixed one-minute windows per client (each app server counts on its own, like the login limits).
fn hitung_laju(state: &AppState, klien: &KlienApi) -> Result<(), ApiError> {
    let api = state.api();
    let Ok(mut map) = api.laju.lock() else {
        return Ok(());
    };
    let now = Instant::now();
    if map.len() > 10_000 {
        map.retain(|_, (mulai, _)| now.duration_since(*mulai) < Duration::from_secs(60));
    }
    let e = map.entry(klien.id).or_insert((now, 0));
    if now.duration_since(e.0) >= Duration::from_secs(60) {
        *e = (now, 0);
    }
    if e.1 >= klien.batas_per_menit {
        let sisa = 60_u64
            .saturating_sub(now.duration_since(e.0).as_secs())
            .max(1);
        let mut err = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "batas {} permintaan per menit untuk klien ini terlampaui",
                klien.batas_per_menit
            ),
        );
        err.tunggu = Some(sisa);
        return Err(err);
    }
    e.1 += 1;
    Ok(())
}

async fn klien_tersimpan(state: &AppState, id: Uuid) -> Result<Option<KlienApi>, ApiError> {
    let api = state.api();
    if let Ok(map) = api.klien.lock()
        && let Some((t, k)) = map.get(&id)
        && t.elapsed() < UMUR_CACHE
    {
        return Ok(Some(k.clone()));
    }
    let k = match state.store().klien_api(id).await {
        Ok(k) => k,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if let Ok(mut map) = api.klien.lock() {
        map.insert(id, (Instant::now(), k.clone()));
    }
    Ok(Some(k))
}

async fn pelaku_tersimpan(
    state: &AppState,
    akun_id: Uuid,
) -> Result<Option<(Pelaku, String)>, ApiError> {
    let api = state.api();
    if let Ok(map) = api.akun.lock()
        && let Some((t, p, n)) = map.get(&akun_id)
        && t.elapsed() < UMUR_CACHE
    {
        return Ok(Some((p.clone(), n.clone())));
    }
    let a = match state.store().akun(akun_id).await {
        Ok(a) => a,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let p = Pelaku {
        akun_id: a.id,
        pegawai_id: a.pegawai_id,
        peran: a.peran,
    };
    if let Ok(mut map) = api.akun.lock() {
        map.insert(akun_id, (Instant::now(), p.clone(), a.nama.clone()));
    }
    Ok(Some((p, a.nama)))
}

impl FromRequestParts<AppState> for Klien {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(Self {
            klien: klien_dari(parts, state).await?,
        })
    }
}

impl FromRequestParts<AppState> for Panggilan {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let klien = klien_dari(parts, state).await?;
        let token = header_token(parts, "auth").ok_or_else(ApiError::sso)?;
        let now = state.jam().sekarang();
        let klaim = kunci::periksa(state, token, JenisToken::Pengguna, now)
            .await?
            .ok_or_else(ApiError::sso)?;
        // A user token works only with the gateway token of the client it was issued to.
        if klaim.klien != klien.id {
            return Err(ApiError::sso());
        }
        let akun = klaim.akun.ok_or_else(ApiError::sso)?;
        let (pelaku, nama_pengguna) = pelaku_tersimpan(state, akun)
            .await?
            .ok_or_else(ApiError::sso)?;
        let alamat = Konteks::from_request_parts(parts, state)
            .await
            .map(|k| k.alamat)
            .map_err(|_| ApiError::sso())?;
        Ok(Self {
            klien,
            pelaku,
            nama_pengguna,
            alamat,
        })
    }
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
        .route(&d("/pns/list-kp-instansi"), get(baca::list_kp))
        .route(&d("/pns/list-pensiun-instansi"), get(baca::list_pensiun))
        .route(&d("/referensi/ref-unor"), get(baca::ref_unor))
        .route(&d("/pns/data-utama-update"), post(tulis::data_utama))
        .route(&d("/download-dok"), get(dokumen::unduh))
        .route(&d("/upload-dok"), post(dokumen::unggah))
        .route(&d("/upload-dok-rw"), post(dokumen::unggah_rw))
        .route(&d("/upload-dok-sk-kp"), post(dokumen::unggah_sk_kp))
        .route("/referensi_siasn/1/{nama}/search", get(referensi::cari));
    for jenis in peta::RW {
        r = r.route(
            &d(&format!("/pns/rw-{jenis}/{{nip}}")),
            get(move |s, p, n| baca::rw(s, p, n, jenis)),
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

/// A newly registered client and its secret (shown once; only its hash is kept).
pub struct KlienBaru {
    /// The stored client.
    pub klien: KlienApi,
    /// The consumer secret in clear.
    pub secret: String,
}

/// Registers a partner client: a random consumer key and secret, the secret stored as an
/// argon2id hash, audited. Used by the admin page and `siasn partner add`.
pub async fn daftarkan_klien(
    store: &siasn_store::Store,
    nama: &str,
    jangkauan: siasn_domain::klien_api::JangkauanKlien,
    lingkup: siasn_domain::klien_api::DaftarLingkup,
    batas_per_menit: u32,
    aktor: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<KlienBaru, StoreError> {
    let nama = nama.trim();
    if nama.is_empty() || nama.chars().count() > 120 {
        return Err(StoreError::Conflict(
            "nama klien wajib, paling panjang 120 karakter".into(),
        ));
    }
    if let siasn_domain::klien_api::JangkauanKlien::Instansi(i) = &jangkauan {
        store.instansi(i).await?;
    }
    let consumer_key = hex::encode(crate::keamanan::acak(16));
    let secret = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        crate::keamanan::acak(32),
    );
    let hash_secret = secret.clone();
    let secret_hash = tokio::task::spawn_blocking(move || siasn_store::sandi::hash(&hash_secret))
        .await
        .map_err(|e| StoreError::Corrupt(e.to_string()))??;
    let klien = KlienApi {
        id: Uuid::now_v7(),
        nama: nama.to_string(),
        consumer_key,
        secret_hash,
        jangkauan,
        lingkup,
        batas_per_menit: batas_per_menit.max(1),
        aktif: true,
        dibuat_pada: now,
        dibuat_oleh: aktor.to_string(),
    };
    store.tambah_klien_api(&klien).await?;
    Ok(KlienBaru { klien, secret })
}
