//! The public check of a signed document: `/v/{kode}` (what the QR code opens) says which
//! document the system issued under that code; `/v` takes an uploaded PDF and says who signed
//! it, when, with which certificate and chain, whether it is unchanged, whether the certificate
//! was valid and unrevoked then, and whether it is the very copy the system issued. Nothing
//! personal beyond what the document itself shows; rate-limited like the card check.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use siasn_app::ttd::{LaporanDokumen, periksa_dokumen};
use siasn_store::ttd::DokumenTtd;
use siasn_teks::{Bahasa, Teks, label_status_sertifikat};

use crate::infra::batas_laju::Jalur;
use crate::infra::csrf::{csrf_tamu, dengan_csrf_tamu, periksa_csrf_tamu};
use crate::infra::konteks::{Konteks, Param};
use crate::infra::multipart::baca_multipart;
use crate::publik::periksa_kartu::publik;
use crate::{AppState, WebError};

/// A registered document as the QR page shows it.
pub struct Terdaftar {
    jenis: String,
    judul: String,
    nomor: String,
    waktu: String,
    penanda: String,
    sha256: String,
}

/// One signature as shown.
pub struct TampilTtd {
    penanda: String,
    nomor_identitas: String,
    waktu: String,
    stempel: Option<(String, bool)>,
    sertifikat: String,
    penerbit: String,
    rantai: String,
    utuh: bool,
    seluruh: bool,
    percaya: Option<String>,
    status: &'static str,
    status_baik: bool,
    sah: bool,
}

/// A checked upload as shown.
pub struct TampilLaporan {
    sah: bool,
    tanpa_ttd: bool,
    ttd: Vec<TampilTtd>,
    terbitan: Option<String>,
    cocok_kode: Option<bool>,
    sha256: String,
}

#[derive(Template)]
#[template(path = "verifikasi_dokumen.html")]
struct VerifikasiPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    kode: &'a str,
    kode_tidak_ada: bool,
    terdaftar: Option<Terdaftar>,
    laporan: Option<TampilLaporan>,
    galat: Option<Teks>,
}

async fn batasi(state: &AppState, k: &Konteks) -> Result<(), WebError> {
    state
        .batas()
        .periksa(Jalur::PeriksaDokumen, k.alamat, state.sekarang())
        .await
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))
}

fn jenis_dokumen(jenis: &str, b: Bahasa) -> String {
    match (jenis, b) {
        ("KARTU", Bahasa::Indonesia) => "Kartu ASN Virtual".into(),
        ("KARTU", Bahasa::Inggris) => "Virtual ASN card".into(),
        ("PERTEK", Bahasa::Indonesia) => "Pertimbangan teknis (pertek)".into(),
        ("PERTEK", Bahasa::Inggris) => "Technical approval (pertek)".into(),
        ("SK", Bahasa::Indonesia) => "Surat keputusan (SK)".into(),
        ("SK", Bahasa::Inggris) => "Decree (SK)".into(),
        (lain, _) => lain.to_string(),
    }
}

async fn terdaftar(state: &AppState, b: Bahasa, d: &DokumenTtd) -> Result<Terdaftar, WebError> {
    let p = state.store().penanda(d.penanda_id).await?;
    Ok(Terdaftar {
        jenis: jenis_dokumen(&d.jenis, b),
        judul: d.judul.clone(),
        nomor: d.nomor.clone().unwrap_or_else(|| "-".into()),
        waktu: crate::tampilan::waktu(d.ditandatangani_pada, b),
        penanda: p.nama,
        sha256: d.sha256.clone(),
    })
}

fn tampil(l: &LaporanDokumen, kode: Option<&DokumenTtd>, b: Bahasa) -> TampilLaporan {
    let ttd = l
        .tanda_tangan
        .iter()
        .map(|t| {
            let h = &t.hasil;
            let p = h.penanda.as_ref();
            let (status, status_baik) = label_status_sertifikat(t.status, b);
            TampilTtd {
                penanda: p.map_or_else(|| "-".into(), |p| p.nama.clone()),
                nomor_identitas: p
                    .and_then(|p| p.nomor_identitas.clone())
                    .unwrap_or_default(),
                waktu: h
                    .waktu
                    .map_or_else(|| "-".into(), |t| crate::tampilan::waktu(t, b)),
                stempel: h.stempel.as_ref().map(|s| {
                    (
                        format!(
                            "{} — {}",
                            crate::tampilan::waktu(s.waktu, b),
                            s.tsa.as_ref().map_or("TSA", |t| t.nama.as_str())
                        ),
                        s.sah,
                    )
                }),
                sertifikat: p.map_or_else(
                    || "-".into(),
                    |p| {
                        format!(
                            "{} ({} – {})",
                            p.serial,
                            crate::tampilan::tanggal(p.berlaku_mulai.date_naive(), b),
                            crate::tampilan::tanggal(p.berlaku_sampai.date_naive(), b)
                        )
                    },
                ),
                penerbit: p.map_or_else(|| "-".into(), |p| p.nama_penerbit.clone()),
                rantai: h
                    .rantai
                    .iter()
                    .map(|c| c.nama.clone())
                    .collect::<Vec<_>>()
                    .join(" → "),
                utuh: h.utuh,
                seluruh: h.menutup_seluruh,
                percaya: t.akar_dipercaya.clone(),
                status,
                status_baik,
                sah: t.sah(),
            }
        })
        .collect();
    TampilLaporan {
        sah: l.sah(),
        tanpa_ttd: l.tanda_tangan.is_empty(),
        ttd,
        terbitan: l.terbitan.as_ref().map(|d| {
            format!(
                "{} — {}{}",
                jenis_dokumen(&d.jenis, b),
                d.judul,
                d.nomor
                    .as_ref()
                    .map(|n| format!(", {n}"))
                    .unwrap_or_default()
            )
        }),
        cocok_kode: kode.map(|d| d.sha256 == l.sha256),
        sha256: l.sha256.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn halaman(
    state: &AppState,
    k: &Konteks,
    kode: &str,
    dok: Option<&DokumenTtd>,
    laporan: Option<TampilLaporan>,
    galat: Option<Teks>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(state, k);
    let terdaftar = match dok {
        Some(d) => Some(terdaftar(state, k.bahasa, d).await?),
        None => None,
    };
    let page = VerifikasiPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &csrf,
        kode,
        kode_tidak_ada: !kode.is_empty() && dok.is_none(),
        terdaftar,
        laporan,
        galat,
    };
    let r = (status, Html(page.render()?)).into_response();
    Ok(publik(dengan_csrf_tamu(state, r, baru.as_deref())))
}

/// A code as the QR writes it (32 lowercase hex characters); anything else is not looked up.
fn kode_sah(kode: &str) -> bool {
    kode.len() == 32
        && kode
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

/// `GET /v`: the upload form.
pub async fn formulir(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    halaman(&state, &k, "", None, None, None, StatusCode::OK).await
}

/// `GET /v/{kode}`: the document issued under this code.
pub async fn kode(
    State(state): State<AppState>,
    k: Konteks,
    Param(kode): Param<String>,
) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    let dok = if kode_sah(&kode) {
        state.store().dokumen_ttd(&kode).await?
    } else {
        None
    };
    let status = if dok.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let kode = if kode_sah(&kode) { kode } else { "-".into() };
    halaman(&state, &k, &kode, dok.as_ref(), None, None, status).await
}

/// `POST /v` (multipart `berkas`, optional `kode`): checks the uploaded PDF.
pub async fn periksa(
    State(state): State<AppState>,
    k: Konteks,
    mp: Multipart,
) -> Result<Response, WebError> {
    batasi(&state, &k).await?;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah * 5).await?;
    periksa_csrf_tamu(&state, &k, f.satu("csrf"))?;
    let kode = f.satu("kode").to_string();
    let dok = if kode_sah(&kode) {
        state.store().dokumen_ttd(&kode).await?
    } else {
        None
    };
    let kode = if dok.is_some() { kode } else { String::new() };
    let Some((_, _, isi)) = f
        .berkas
        .into_iter()
        .find(|(n, _, i)| n == "berkas" && !i.is_empty())
    else {
        let g = if f.terlalu_besar {
            Teks::VerifikasiTerlaluBesar
        } else {
            Teks::VerifikasiBukanPdf
        };
        return halaman(
            &state,
            &k,
            &kode,
            dok.as_ref(),
            None,
            Some(g),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let Some(laporan) = periksa_dokumen(state.app(), isi).await? else {
        return halaman(
            &state,
            &k,
            &kode,
            dok.as_ref(),
            None,
            Some(Teks::VerifikasiBukanPdf),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let t = tampil(&laporan, dok.as_ref(), k.bahasa);
    halaman(
        &state,
        &k,
        &kode,
        dok.as_ref(),
        Some(t),
        None,
        StatusCode::OK,
    )
    .await
}
