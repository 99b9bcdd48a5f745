//! Kartu ASN Virtual for the holder: the card page (issue, orientation, PNG and PDF downloads,
//! print view) and what the card shows. The photo flow is in `foto`; issuing, the signing
//! keys and the public check are use cases of `siasn_app::kartu`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use siasn_card::{DataKartu, Orientasi};
use siasn_domain::kartu::{Kartu, TidakLayak, periksa_kelayakan};
use siasn_domain::pegawai::Pegawai;
use siasn_store::StoreError;
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::tampilan;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

mod foto;

/// The card routes (uploads carry `batas_unggah`).
pub fn routes(batas_unggah: axum::extract::DefaultBodyLimit) -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/foto",
            get(foto::foto_form)
                .post(foto::foto_unggah)
                .layer(batas_unggah),
        )
        .route("/foto/saya.png", get(foto::foto_saya))
        .route("/foto/calon/{id}", get(foto::foto_calon))
        .route("/foto/calon/{id}/pratinjau.png", get(foto::foto_pratinjau))
        .route("/foto/calon/{id}/gunakan", post(foto::foto_gunakan))
        .route("/kartu", get(kartu))
        .route("/kartu/terbitkan", post(terbitkan))
        .route("/kartu/depan.png", get(depan))
        .route("/kartu/belakang.png", get(belakang))
        .route("/kartu/kartu.pdf", get(pdf))
        .route("/kartu/cetak", get(cetak))
}

use siasn_app::kartu::NamaKartu;

async fn nama_kartu(state: &AppState, p: &Pegawai) -> Result<NamaKartu, WebError> {
    Ok(siasn_app::kartu::nama_kartu(state.app(), p).await?)
}

fn data_kartu(
    p: &Pegawai,
    n: &NamaKartu,
    kartu: Option<&Kartu>,
    foto: Option<Vec<u8>>,
) -> DataKartu {
    let id = Bahasa::Indonesia;
    DataKartu {
        penerbit: n.penerbit.clone(),
        nama: kartu.map_or_else(|| p.nama_lengkap(), |k| k.nama.clone()),
        label_nomor: p.jenis_pegawai.label_nomor_induk().into(),
        nomor: p.nomor_induk.to_string(),
        jabatan: p.nama_jabatan.clone().unwrap_or_default(),
        unit: n.unit.clone(),
        instansi: n.instansi.clone(),
        jenis: p.jenis_pegawai.kode().into(),
        serial: kartu.map_or_else(|| "PRATINJAU".into(), |k| k.serial.clone()),
        diterbitkan: kartu.map_or_else(|| "-".into(), |k| tampilan::tanggal(k.diterbitkan, id)),
        berlaku_sampai: kartu
            .map_or_else(|| "-".into(), |k| tampilan::tanggal(k.berlaku_sampai, id)),
        foto_png: foto,
        teks_qr: kartu.map(|k| k.teks_qr.clone()),
    }
}

fn png(isi: Vec<u8>, unduh: Option<&str>) -> Response {
    let mut r = ([(header::CONTENT_TYPE, "image/png")], isi).into_response();
    if let Some(nama) = unduh
        && let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{nama}\""))
    {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    r
}

fn milik(m: &Masuk) -> Result<Uuid, WebError> {
    m.akun
        .pegawai_id
        .ok_or(WebError::Dilarang(m.konteks.bahasa))
}

/// The form of buttons that only carry the CSRF token.
#[derive(Deserialize)]
pub struct FormCsrf {
    pub(super) csrf: String,
}

/// `?orientasi=` on card pages.
#[derive(Deserialize, Default)]
pub struct PilihanKartu {
    #[serde(default)]
    orientasi: Option<String>,
    #[serde(default)]
    unduh: Option<String>,
}

impl PilihanKartu {
    fn orientasi(&self) -> Orientasi {
        self.orientasi
            .as_deref()
            .map_or(Orientasi::Lanskap, Orientasi::from_kode)
    }
}

#[derive(Template)]
#[template(path = "kartu.html")]
struct KartuPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    orientasi: &'a str,
    potret: bool,
    kartu: Option<(String, String, String)>,
    tidak_layak: Option<String>,
    perlu_foto: bool,
    data_berubah: bool,
}

/// `GET /kartu`: the card, or why there is none yet.
pub async fn kartu(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanKartu>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let b = m.konteks.bahasa;
    let p = state.store().pegawai(pegawai_id).await?;
    let nama = nama_kartu(&state, &p).await?;
    let ada_foto = state.store().foto_aktif(pegawai_id).await?.is_some();
    let tidak_layak = periksa_kelayakan(&p, nama.kedudukan.as_ref(), ada_foto).err();
    let kartu = state.store().kartu_aktif(pegawai_id).await?;
    let data_berubah = kartu
        .as_ref()
        .is_some_and(|k| k.nama != p.nama_lengkap() || k.instansi_id != p.instansi_induk_id);
    let o = q.orientasi();
    let page = KartuPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        orientasi: o.kode(),
        potret: o == Orientasi::Potret,
        kartu: kartu.map(|k| {
            (
                k.serial,
                tampilan::tanggal(k.diterbitkan, b),
                tampilan::tanggal(k.berlaku_sampai, b),
            )
        }),
        perlu_foto: matches!(tidak_layak, Some(TidakLayak::TanpaFoto)),
        tidak_layak: tidak_layak.map(|e| b.jelaskan(&e)),
        data_berubah,
    };
    Ok(Html(page.render()?).into_response())
}

/// `POST /kartu/terbitkan`: issues a card (a current one is replaced).
pub async fn terbitkan(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(f): axum::extract::Form<FormCsrf>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let p = state.store().pegawai(pegawai_id).await?;
    let nama = nama_kartu(&state, &p).await?;
    let foto = state.store().foto_aktif(pegawai_id).await?;
    if periksa_kelayakan(&p, nama.kedudukan.as_ref(), foto.is_some()).is_err() {
        return Ok(Redirect::to("/kartu").into_response());
    }
    let Some(foto) = foto else {
        return Ok(Redirect::to("/foto").into_response());
    };
    siasn_app::kartu::terbitkan_kartu(state.app(), &m.aktor(), &p, foto.sha256)
        .await
        .dalam(b)?;
    Ok(Redirect::to("/kartu").into_response())
}

/// Which file of the card.
#[derive(Clone, Copy)]
enum Sisi {
    Depan,
    Belakang,
    Pdf,
}

async fn berkas_kartu(
    state: &AppState,
    m: &Masuk,
    q: &PilihanKartu,
    sisi: Sisi,
) -> Result<Response, WebError> {
    let pegawai_id = milik(m)?;
    let kartu = state
        .store()
        .kartu_aktif(pegawai_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let p = state.store().pegawai(pegawai_id).await?;
    let nama = nama_kartu(state, &p).await?;
    let foto = state.store().blobs().get(&kartu.foto_sha256).await?;
    let data = data_kartu(&p, &nama, Some(&kartu), Some(foto));
    let o = q.orientasi();
    let unduh = q.unduh.is_some();
    // On screen 150 dpi is plenty; downloads are print quality.
    let dpi = if unduh { siasn_card::DPI_CETAK } else { 150.0 };
    let dasar = format!("kartu-asn-{}-{}", kartu.serial, o.kode());
    Ok(match sisi {
        Sisi::Depan => {
            let isi = state.berat(move |r| r.depan_png(&data, o, dpi)).await??;
            png(isi, unduh.then(|| format!("{dasar}-depan.png")).as_deref())
        }
        Sisi::Belakang => {
            let isi = state
                .berat(move |r| r.belakang_png(&data, o, dpi))
                .await??;
            png(
                isi,
                unduh.then(|| format!("{dasar}-belakang.png")).as_deref(),
            )
        }
        Sisi::Pdf => {
            // Signed once with the instance seal and kept: the copy the QR page knows.
            let rujukan = format!("kartu:{}:{}", kartu.serial, o.kode());
            let isi = match siasn_app::ttd::dokumen_tersimpan(state.app(), &rujukan).await? {
                Some(isi) => isi,
                None => {
                    let pdf = state.berat(move |r| r.kartu_pdf(&data, o)).await??;
                    siasn_app::ttd::segelkan_sekali(
                        state.app(),
                        &rujukan,
                        "KARTU",
                        &format!("Kartu ASN Virtual {}", kartu.serial),
                        pegawai_id,
                        pdf,
                    )
                    .await?
                }
            };
            let mut r = ([(header::CONTENT_TYPE, "application/pdf")], isi).into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{dasar}.pdf\"")) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
    })
}

/// `GET /kartu/depan.png`.
pub async fn depan(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanKartu>,
) -> Result<Response, WebError> {
    berkas_kartu(&state, &m, &q, Sisi::Depan).await
}

/// `GET /kartu/belakang.png`.
pub async fn belakang(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanKartu>,
) -> Result<Response, WebError> {
    berkas_kartu(&state, &m, &q, Sisi::Belakang).await
}

/// `GET /kartu/kartu.pdf`.
pub async fn pdf(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanKartu>,
) -> Result<Response, WebError> {
    berkas_kartu(&state, &m, &q, Sisi::Pdf).await
}

#[derive(Template)]
#[template(path = "kartu_cetak.html")]
struct CetakPage<'a> {
    b: Bahasa,
    orientasi: &'a str,
    potret: bool,
}

/// `GET /kartu/cetak`: both sides at ID-1 size for the browser's print.
pub async fn cetak(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanKartu>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    state
        .store()
        .kartu_aktif(pegawai_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let o = q.orientasi();
    let page = CetakPage {
        b: m.konteks.bahasa,
        orientasi: o.kode(),
        potret: o == Orientasi::Potret,
    };
    Ok(Html(page.render()?).into_response())
}
