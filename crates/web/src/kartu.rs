//! Kartu ASN Virtual for the holder: the card photo (upload, preview, "gunakan foto ini"), the
//! card page (issue, orientation, PNG and PDF downloads, print view), and the signing keys the
//! public check and the CLI share.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use siasn_card::token::{self, Klaim, KunciPenanda, KunciPublik, PANJANG_SERIAL};
use siasn_card::{DataKartu, Orientasi};
use siasn_domain::kartu::{
    FotoDitolak, KebijakanFoto, TidakLayak, berlaku_sampai, periksa_kelayakan,
};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_store::audit::AuditBaru;
use siasn_store::kartu::{Kartu, KartuBaru, KunciTersimpan};
use siasn_store::{Store, StoreError};
use uuid::Uuid;

use crate::bahasa::Bahasa;
use crate::keamanan::acak;
use crate::konteks::{Masuk, periksa_csrf_sesi};
use crate::tampilan;
use crate::{AppState, WebError};

// ---------------------------------------------------------------------------------------------
// Keys (shared with the public check and the CLI).

/// The key that signs new cards; the first one is created on first use.
pub async fn kunci_penanda(store: &Store, now: DateTime<Utc>) -> Result<KunciPenanda, WebError> {
    let tersimpan = match store.kunci_kartu_aktif().await? {
        Some(k) => k,
        None => {
            let kid = kid_baru();
            let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
            store
                .simpan_kunci_pertama(&kid, &kunci.publik(), &pkcs8, now)
                .await?
        }
    };
    dari_simpanan(&tersimpan)
}

fn dari_simpanan(k: &KunciTersimpan) -> Result<KunciPenanda, WebError> {
    KunciPenanda::dari_pkcs8(&k.kid, &k.kunci_privat).map_err(gagal_kunci)
}

fn gagal_kunci(e: token::TokenError) -> WebError {
    WebError::Store(StoreError::Corrupt(format!("kunci kartu: {e}")))
}

/// A new key id: the month and random hex ("2026-11-a3f9c2").
pub fn kid_baru() -> String {
    format!("{}-{}", Utc::now().format("%Y-%m"), hex::encode(acak(3)))
}

/// Rotates the signing key (CLI `siasn card rotate-key`); returns the new key id.
pub async fn putar_kunci(
    store: &Store,
    aktor: &str,
    now: DateTime<Utc>,
) -> Result<String, WebError> {
    let kid = kid_baru();
    let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
    let audit = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "kartu.kunci.diputar".into(),
        sesudah: Some(serde_json::json!({ "kid": kid })),
        ..AuditBaru::default()
    };
    store
        .putar_kunci_kartu(&kid, &kunci.publik(), &pkcs8, audit, now)
        .await?;
    Ok(kid)
}

/// The published keys.
pub async fn kunci_publik(
    store: &Store,
    hari_ini: NaiveDate,
) -> Result<Vec<KunciPublik>, WebError> {
    Ok(store
        .kunci_kartu_terbit(hari_ini)
        .await?
        .into_iter()
        .map(|k| KunciPublik {
            kid: k.kid,
            kunci: k.kunci_publik,
        })
        .collect())
}

/// The JWKS document (RFC 7517) of the published keys.
pub async fn jwks(store: &Store, hari_ini: NaiveDate) -> Result<serde_json::Value, WebError> {
    let keys: Vec<serde_json::Value> = kunci_publik(store, hari_ini)
        .await?
        .iter()
        .map(|k| token::jwk(&k.kid, &k.kunci))
        .collect();
    Ok(serde_json::json!({ "keys": keys }))
}

/// `GET /.well-known/jwks.json`.
pub async fn jwks_get(State(state): State<AppState>) -> Result<Response, WebError> {
    let hari_ini = state.jam().sekarang().date_naive();
    let body = jwks(state.store(), hari_ini).await?.to_string();
    let mut r = ([(header::CONTENT_TYPE, "application/jwk-set+json")], body).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// What the card shows.

/// Names for the card's text from references.
pub(crate) struct NamaKartu {
    pub penerbit: String,
    pub instansi: String,
    pub unit: String,
    pub kedudukan: Option<siasn_domain::referensi::KedudukanHukum>,
}

pub(crate) async fn nama_kartu(state: &AppState, p: &Pegawai) -> Result<NamaKartu, WebError> {
    let store = state.store();
    let induk = store.instansi(&p.instansi_induk_id).await?;
    let kerja = if p.instansi_kerja_id == p.instansi_induk_id {
        induk.clone()
    } else {
        store.instansi(&p.instansi_kerja_id).await?
    };
    let unit = match p.unor_id {
        Some(id) => store.unor(id).await.map(|u| u.nama).unwrap_or_default(),
        None => String::new(),
    };
    let kedudukan = store
        .kedudukan_hukum()
        .await?
        .into_iter()
        .find(|k| k.id == p.kedudukan_hukum_id);
    Ok(NamaKartu {
        penerbit: induk.nama,
        instansi: kerja.nama,
        unit,
        kedudukan,
    })
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
        label_nomor: match p.jenis_pegawai {
            JenisPegawai::Pns => "NIP".into(),
            JenisPegawai::Pppk => "NI PPPK".into(),
        },
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

async fn render<T: Send + 'static>(
    state: &AppState,
    kerja: impl FnOnce(&siasn_card::Perender) -> Result<T, siasn_card::KartuError> + Send + 'static,
) -> Result<T, WebError> {
    let p = state.perender().clone();
    tokio::task::spawn_blocking(move || kerja(&p))
        .await
        .map_err(|e| WebError::Store(StoreError::Corrupt(format!("render: {e}"))))?
        .map_err(|e| WebError::Store(StoreError::Corrupt(e.to_string())))
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

fn kebijakan(state: &AppState) -> KebijakanFoto {
    KebijakanFoto {
        wajib_transparan: state.konfigurasi().foto_wajib_transparan,
        ukuran_maks: state.konfigurasi().batas_unggah,
        ..KebijakanFoto::default()
    }
}

fn pesan_foto(b: Bahasa, e: &FotoDitolak) -> String {
    match b {
        Bahasa::Indonesia => e.to_string(),
        Bahasa::Inggris => e.pesan_en(),
    }
}

// ---------------------------------------------------------------------------------------------
// Photo.

#[derive(Template)]
#[template(path = "foto.html")]
struct FotoPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    ada_foto: bool,
    transparan: bool,
    lebar_min: u32,
    tinggi_min: u32,
    batas_kb: usize,
    galat: Option<String>,
}

async fn halaman_foto(
    state: &AppState,
    m: &Masuk,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(m)?;
    let k = kebijakan(state);
    let page = FotoPage {
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        ada_foto: state.store().foto_aktif(pegawai_id).await?.is_some(),
        transparan: k.wajib_transparan,
        lebar_min: k.lebar_min,
        tinggi_min: k.tinggi_min,
        batas_kb: k.ukuran_maks / 1024,
        galat: galat.clone(),
    };
    let status = if galat.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// `GET /foto`: the guidelines beside the upload.
pub async fn foto_form(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_foto(&state, &m, None).await
}

/// `POST /foto`: checks, re-encodes and keeps the photo as a candidate, then shows the preview.
pub async fn foto_unggah(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let b = m.konteks.bahasa;
    let k = kebijakan(&state);
    let f = crate::usulan::baca_multipart(mp, k.ukuran_maks).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    if f.terlalu_besar {
        let e = FotoDitolak::TerlaluBesar(k.ukuran_maks / 1024);
        return halaman_foto(&state, &m, Some(pesan_foto(b, &e))).await;
    }
    let isi = f
        .berkas
        .into_iter()
        .find(|(nama, _, _)| nama == "foto")
        .map(|(_, _, isi)| isi)
        .unwrap_or_default();
    let hasil = tokio::task::spawn_blocking(move || siasn_card::foto::proses(&isi, &k))
        .await
        .map_err(|e| WebError::Store(StoreError::Corrupt(format!("foto: {e}"))))?;
    let bersih = match hasil {
        Ok(f) => f,
        Err(e) => return halaman_foto(&state, &m, Some(pesan_foto(b, &e))).await,
    };
    let blob = state.store().simpan_blob(&bersih.png, "image/png").await?;
    let now = state.jam().sekarang();
    let id = state
        .store()
        .simpan_foto_calon(pegawai_id, &blob, m.akun.id, now)
        .await?;
    Ok(Redirect::to(&format!("/foto/calon/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "foto_calon.html")]
struct CalonPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    id: Uuid,
}

/// `GET /foto/calon/{id}`: the card with the new photo, and "Gunakan foto ini".
pub async fn foto_calon(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state.store().foto_pegawai(id, pegawai_id).await?;
    if foto.status != "CALON" {
        return Ok(Redirect::to("/kartu").into_response());
    }
    let page = CalonPage {
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        id,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /foto/calon/{id}/pratinjau.png`: the card front with the candidate photo.
pub async fn foto_pratinjau(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state.store().foto_pegawai(id, pegawai_id).await?;
    let isi = state.store().blobs().get(&foto.sha256).await?;
    let p = state.store().pegawai(pegawai_id).await?;
    let nama = nama_kartu(&state, &p).await?;
    let data = data_kartu(&p, &nama, None, Some(isi));
    let gambar = render(&state, move |r| {
        r.depan_png(&data, Orientasi::Lanskap, 150.0)
    })
    .await?;
    Ok(png(gambar, None))
}

/// The form of buttons that only carry the CSRF token.
#[derive(Deserialize)]
pub struct FormCsrf {
    csrf: String,
}

/// `POST /foto/calon/{id}/gunakan`: the candidate becomes the card photo (audited).
pub async fn foto_gunakan(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
    axum::extract::Form(f): axum::extract::Form<FormCsrf>,
) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let audit = AuditBaru {
        aktor: format!("akun:{}", m.akun.id),
        aksi: "pegawai.foto.diganti".into(),
        akun_id: Some(m.akun.id),
        alamat: Some(m.konteks.alamat.to_string()),
        ..AuditBaru::default()
    };
    state
        .store()
        .gunakan_foto(id, pegawai_id, audit, state.jam().sekarang())
        .await?;
    Ok(Redirect::to("/kartu").into_response())
}

/// `GET /foto/saya.png`: the holder's photo, small (the home header card).
pub async fn foto_saya(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let pegawai_id = milik(&m)?;
    let foto = state
        .store()
        .foto_aktif(pegawai_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let isi = state.store().blobs().get(&foto.sha256).await?;
    let kecil = tokio::task::spawn_blocking(move || siasn_card::foto::kecil(&isi, 120))
        .await
        .ok()
        .flatten()
        .ok_or(StoreError::NotFound)?;
    Ok(png(kecil, None))
}

// ---------------------------------------------------------------------------------------------
// Card.

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
            .map_or(Orientasi::Lanskap, Orientasi::dari_kode)
    }
}

#[derive(Template)]
#[template(path = "kartu.html")]
struct KartuPage<'a> {
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
        tidak_layak: tidak_layak.map(|e| match b {
            Bahasa::Indonesia => e.to_string(),
            Bahasa::Inggris => e.pesan_en(),
        }),
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
    let now = state.jam().sekarang();
    let hari_ini = now.date_naive();
    let jabatan = state.store().ref_jabatan().await?;
    let bup = siasn_domain::pensiun::bup(
        p.jabatan_id
            .as_deref()
            .and_then(|id| jabatan.iter().find(|j| j.id == id)),
    );
    let pensiun = siasn_domain::pensiun::hitung(p.tanggal_lahir, bup);
    let mut serial = [0u8; PANJANG_SERIAL];
    serial.copy_from_slice(&acak(PANJANG_SERIAL));
    let klaim = Klaim {
        kid: String::new(),
        serial,
        diterbitkan: hari_ini,
        kedaluwarsa: berlaku_sampai(hari_ini, Some(pensiun.tmt_pensiun)),
        instansi: p.instansi_induk_id.clone(),
        nama: p.nama_lengkap(),
    };
    let kunci = kunci_penanda(state.store(), now).await?;
    let teks_qr = kunci
        .tandatangani(state.konfigurasi().url_publik.trim_end_matches('/'), &klaim)
        .map_err(gagal_kunci)?;
    let baru = KartuBaru {
        id: Uuid::now_v7(),
        serial: klaim.serial_cetak(),
        pegawai_id,
        kid: kunci.kid().to_string(),
        teks_qr,
        nama: klaim.nama.clone(),
        instansi_id: klaim.instansi.clone(),
        diterbitkan: klaim.diterbitkan,
        berlaku_sampai: klaim.kedaluwarsa,
        foto_sha256: foto.sha256,
        akun_id: m.akun.id,
    };
    let audit = AuditBaru {
        aktor: format!("akun:{}", m.akun.id),
        aksi: "kartu.diterbitkan".into(),
        akun_id: Some(m.akun.id),
        alamat: Some(m.konteks.alamat.to_string()),
        ..AuditBaru::default()
    };
    match state.store().terbitkan_kartu(&baru, audit, now).await {
        // A double click: the other request issued it.
        Ok(_) | Err(StoreError::Conflict(_)) => {}
        Err(e) => return Err(e.into()),
    }
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
            let isi = render(state, move |r| r.depan_png(&data, o, dpi)).await?;
            png(isi, unduh.then(|| format!("{dasar}-depan.png")).as_deref())
        }
        Sisi::Belakang => {
            let isi = render(state, move |r| r.belakang_png(&data, o, dpi)).await?;
            png(
                isi,
                unduh.then(|| format!("{dasar}-belakang.png")).as_deref(),
            )
        }
        Sisi::Pdf => {
            let isi = render(state, move |r| r.kartu_pdf(&data, o)).await?;
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
