//! The public card check behind the QR code: `/k/<token>` shows a captcha; after it, the
//! holder's public information and whether the card is valid. Rate-limited per address.
//!
//! The signature is checked before anything is looked up, so a forged link costs one
//! signature check and no database read of personal data.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use siasn_app::kartu::kunci_publik;
use siasn_app::rahasia::acak;
use siasn_card::token;
use siasn_domain::kartu::status_kartu;
use siasn_teks::{Bahasa, Teks};

use crate::infra::batas_laju::Jalur;
use crate::infra::csrf::{csrf_tamu, dengan_csrf_tamu, periksa_csrf_tamu};
use crate::infra::konteks::{Konteks, Param};
use crate::{AppState, WebError};

/// Minutes a captcha may be answered.
const CAPTCHA_MENIT: i64 = 10;

#[derive(Template)]
#[template(path = "periksa_kartu.html")]
struct PeriksaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    token: &'a str,
    captcha_id: String,
    galat: Option<Teks>,
}

/// Public information after the captcha.
#[derive(Template)]
#[template(path = "periksa_kartu_hasil.html")]
struct HasilPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    berlaku: bool,
    status: String,
    foto: Option<String>,
    nama: String,
    label_nomor: &'static str,
    nomor: String,
    instansi: String,
    jabatan: String,
    serial: String,
    berlaku_sampai: String,
}

async fn batasi(state: &AppState, k: &Konteks) -> Result<(), WebError> {
    state
        .batas()
        .periksa(Jalur::PeriksaKartu, k.alamat, state.sekarang())
        .await
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))
}

/// A public check's answer: never cached, never indexed.
pub(super) fn publik(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    r
}

/// Checks the link's signature against this instance's published keys.
async fn periksa_token(state: &AppState, tok: &str) -> Result<token::Klaim, WebError> {
    let hari_ini = state.sekarang().date_naive();
    let kunci = kunci_publik(state.app(), hari_ini).await?;
    let url = format!("{}{}{tok}", state.app().url_dasar(), token::JALUR);
    token::periksa(&url, &kunci).map_err(|_| WebError::TidakDitemukan)
}

async fn captcha_baru(state: &AppState) -> Result<String, WebError> {
    let id = hex::encode(acak(16));
    let mut benih = [0u8; 8];
    benih.copy_from_slice(&acak(8));
    let benih = i64::from_le_bytes(benih);
    let jawaban = siasn_card::captcha::jawaban(benih as u64);
    let kedaluwarsa = state.sekarang() + chrono::Duration::minutes(CAPTCHA_MENIT);
    state
        .store()
        .simpan_captcha(&id, &jawaban, benih, kedaluwarsa)
        .await?;
    Ok(id)
}

async fn halaman_captcha(
    state: &AppState,
    k: &Konteks,
    tok: &str,
    galat: Option<Teks>,
) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(state, k);
    let page = PeriksaPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &csrf,
        token: tok,
        captcha_id: captcha_baru(state).await?,
        galat,
    };
    let status = if galat.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let r = (status, Html(page.render()?)).into_response();
    Ok(publik(dengan_csrf_tamu(state, r, baru.as_deref())))
}

/// `GET /k/{token}`: the captcha.
pub async fn halaman(
    State(state): State<AppState>,
    k: Konteks,
    Param(tok): Param<String>,
) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    periksa_token(&state, &tok).await?;
    halaman_captcha(&state, &k, &tok, None).await
}

/// `GET /k/captcha/{id}`: the challenge image.
pub async fn gambar_captcha(
    State(state): State<AppState>,
    k: Konteks,
    Param(id): Param<String>,
) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    let id = id.trim_end_matches(".png");
    let c = state
        .store()
        .captcha(id, state.sekarang())
        .await?
        .ok_or(WebError::TidakDitemukan)?;
    let png = state
        .berat(move |p| siasn_card::captcha::gambar(p, &c.jawaban, c.benih as u64))
        .await??;
    Ok(publik(
        ([(header::CONTENT_TYPE, "image/png")], png).into_response(),
    ))
}

/// The captcha answer.
#[derive(Deserialize)]
pub struct JawabanForm {
    csrf: String,
    captcha_id: String,
    jawaban: String,
}

/// `POST /k/{token}`: checks the captcha, then shows the public information and the state.
pub async fn jawab(
    State(state): State<AppState>,
    k: Konteks,
    Param(tok): Param<String>,
    Form(f): Form<JawabanForm>,
) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    let klaim = periksa_token(&state, &tok).await?;
    let now = state.sekarang();
    let benar = state
        .store()
        .pakai_captcha(&f.captcha_id, now)
        .await?
        .is_some_and(|j| siasn_card::captcha::cocok(&j, &f.jawaban));
    if !benar {
        return halaman_captcha(&state, &k, &tok, Some(Teks::CaptchaSalah)).await;
    }
    let kartu = siasn_app::kartu::periksa_kartu_publik(
        state.app(),
        &klaim.serial_cetak(),
        &k.alamat.to_string(),
    )
    .await?;
    let p = state.store().pegawai(kartu.pegawai_id).await?;
    let nama = siasn_app::kartu::nama_kartu(state.app(), &p).await?;
    let hari_ini = now.date_naive();
    let status = status_kartu(
        kartu.diganti_pada.is_some(),
        kartu.berlaku_sampai,
        hari_ini,
        nama.kedudukan.as_ref(),
        &p.kedudukan_hukum_id,
    );
    let b = k.bahasa;
    let foto = match state.store().foto_aktif(p.id).await? {
        Some(f) => {
            let isi = state.store().blobs().get(&f.sha256).await?;
            state
                .berat(move |_| siasn_card::foto::kecil(&isi, 150))
                .await?
                .map(|png| base64::engine::general_purpose::STANDARD.encode(png))
        }
        None => None,
    };
    let page = HasilPage {
        b,
        nama_instance: state.nama_instance(),
        berlaku: status.berlaku(),
        status: b.jelaskan(&status),
        foto,
        nama: kartu.nama.clone(),
        label_nomor: p.jenis_pegawai.label_nomor_induk(),
        nomor: p.nomor_induk.to_string(),
        instansi: nama.instansi,
        jabatan: p.nama_jabatan.clone().unwrap_or_else(|| "-".into()),
        serial: kartu.serial.clone(),
        berlaku_sampai: crate::tampilan::tanggal(kartu.berlaku_sampai, b),
    };
    Ok(publik(Html(page.render()?).into_response()))
}

/// `GET /.well-known/jwks.json`: the keys that check cards offline.
pub async fn jwks(State(state): State<AppState>) -> Result<Response, WebError> {
    let body = siasn_app::kartu::jwks(state.app(), state.sekarang().date_naive())
        .await?
        .to_string();
    let mut r = ([(header::CONTENT_TYPE, "application/jwk-set+json")], body).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(r)
}
