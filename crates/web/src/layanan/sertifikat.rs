//! `/layanan/sertifikat`: a signing official's own certificate. Without one, the official makes
//! one from the instance CA with a passphrase only they know, or imports their PKCS#12 (e.g.
//! from BSrE) — so no administrator ever learns the passphrase that unlocks their signature.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use siasn_app::ttd;
use siasn_domain::akses::Peran;
use siasn_teks::{Bahasa, Teks};

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::infra::multipart::baca_multipart;
use crate::{AppState, WebError};

/// The certificate as shown.
pub struct Tampil {
    nama: String,
    nomor_identitas: String,
    jabatan: String,
    penerbit: String,
    berlaku: String,
    sumber: &'static str,
    sidik_jari: String,
}

#[derive(Template)]
#[template(path = "layanan_sertifikat.html")]
struct SertifikatPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    sertifikat: Option<Tampil>,
    ca_instans: bool,
    minimal: usize,
    pesan: Option<String>,
    galat: Option<String>,
}

fn boleh(m: &Masuk) -> Result<(), WebError> {
    let peran: Vec<Peran> = m.pelaku.peran.iter().map(|p| p.peran).collect();
    if ttd::boleh_punya_sertifikat(&peran) {
        Ok(())
    } else {
        Err(WebError::TidakDitemukan)
    }
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    pesan: Option<String>,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let sertifikat = state
        .store()
        .penanda_akun(m.pelaku.akun_id)
        .await?
        .map(|(p, _)| Tampil {
            nama: p.nama,
            nomor_identitas: p.nomor_identitas.unwrap_or_default(),
            jabatan: p.jabatan.unwrap_or_default(),
            penerbit: p.penerbit,
            berlaku: format!(
                "{} – {}",
                crate::tampilan::tanggal(p.berlaku_mulai.date_naive(), b),
                crate::tampilan::tanggal(p.berlaku_sampai.date_naive(), b)
            ),
            sumber: b.t(if p.sumber == "PKCS12" {
                Teks::TtdSumberPkcs12
            } else {
                Teks::TtdSumberCa
            }),
            sidik_jari: p.sidik_jari,
        });
    let status = if galat.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let page = SertifikatPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        sertifikat,
        ca_instans: state.app().konfigurasi().ttd_ca_instans,
        minimal: ttd::PANJANG_FRASA_MINIMUM,
        pesan,
        galat,
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// `GET /layanan/sertifikat`.
pub async fn halaman(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, WebError> {
    boleh(&m)?;
    let pesan = q
        .contains_key("ok")
        .then(|| m.bahasa().t(Teks::TtdTersimpan).to_string());
    tampilkan(&state, &m, pesan, None).await
}

/// `POST /layanan/sertifikat` (multipart): `aksi` = `buat` (passphrase twice) or `impor`
/// (a PKCS#12 file and its passphrase).
pub async fn simpan(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    boleh(&m)?;
    let b = m.bahasa();
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let oleh = m.aktor().label();
    let frasa = f.satu("frasa").to_string();
    let hasil = match f.satu("aksi") {
        "buat" => {
            if frasa != f.satu("frasa_ulang") {
                return tampilkan(&state, &m, None, Some(b.t(Teks::TtdFrasaTidakSama).into()))
                    .await;
            }
            let jabatan = f
                .satu("jabatan")
                .trim()
                .chars()
                .take(200)
                .collect::<String>();
            ttd::terbitkan_sertifikat(
                state.app(),
                &oleh,
                m.pelaku.akun_id,
                Some(jabatan.as_str()),
                &frasa,
            )
            .await
        }
        "impor" => {
            let Some((_, _, isi)) = f.berkas.into_iter().find(|(n, _, _)| n == "berkas") else {
                return tampilkan(&state, &m, None, Some(b.t(Teks::FormTidakValid).into())).await;
            };
            ttd::impor_pkcs12(state.app(), &oleh, m.pelaku.akun_id, isi, &frasa).await
        }
        _ => return Err(WebError::TidakValid(b, Teks::FormTidakValid)),
    };
    match hasil {
        Ok(Ok(_)) => Ok(Redirect::to("/layanan/sertifikat?ok=1").into_response()),
        Ok(Err(alasan)) => tampilkan(&state, &m, None, Some(b.jelaskan(&alasan))).await,
        Err(siasn_app::AppError::SudahBerubah) => {
            tampilkan(&state, &m, None, Some(b.t(Teks::TtdSudahAda).into())).await
        }
        Err(e) => Err(e).dalam(b),
    }
}
