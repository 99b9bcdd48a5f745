//! Partner clients of the API, for administrators: BKN admins register national or agency
//! clients; agency admins register and see only their agency's. The secret is shown once.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::akses::Peran;
use siasn_domain::klien_api::{BATAS_BAWAAN_PER_MENIT, DaftarLingkup, JangkauanKlien, Lingkup};
use siasn_store::StoreError;
use siasn_store::api::KlienApi;
use uuid::Uuid;

use crate::bahasa::Bahasa;
use crate::konteks::{Masuk, Param, periksa_csrf_sesi};
use crate::{AppState, WebError};

/// Who may manage clients, and of which agencies (`None`: all, national included).
fn wewenang(m: &Masuk) -> Result<Option<Vec<String>>, WebError> {
    if m.pelaku.punya(Peran::AdminBkn) {
        return Ok(None);
    }
    let i: Vec<String> = m
        .pelaku
        .instansi_yang_diadministrasi()
        .into_iter()
        .map(str::to_string)
        .collect();
    if i.is_empty() {
        Err(WebError::Dilarang(m.konteks.bahasa))
    } else {
        Ok(Some(i))
    }
}

fn terlihat(w: &Option<Vec<String>>, k: &KlienApi) -> bool {
    match (w, &k.jangkauan) {
        (None, _) => true,
        (Some(daftar), JangkauanKlien::Instansi(i)) => daftar.contains(i),
        (Some(_), JangkauanKlien::Nasional) => false,
    }
}

/// One row of the list.
pub struct BarisKlien {
    id: Uuid,
    nama: String,
    consumer_key: String,
    jangkauan: String,
    lingkup: String,
    batas: u32,
    aktif: bool,
}

#[derive(Template)]
#[template(path = "admin_klien.html")]
struct KlienPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    daftar: Vec<BarisKlien>,
    lingkup: Vec<(&'static str, &'static str, bool)>,
    instansi_tetap: Option<String>,
    batas_bawaan: u32,
    baru: Option<(String, String)>,
    galat: Option<String>,
}

async fn halaman(
    state: &AppState,
    m: &Masuk,
    baru: Option<(String, String)>,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let w = wewenang(m)?;
    let b = m.konteks.bahasa;
    let daftar = state
        .store()
        .daftar_klien_api()
        .await?
        .into_iter()
        .filter(|k| terlihat(&w, k))
        .map(|k| BarisKlien {
            id: k.id,
            jangkauan: match &k.jangkauan {
                JangkauanKlien::Instansi(i) => i.clone(),
                JangkauanKlien::Nasional => b.t("klien_nasional").to_string(),
            },
            nama: k.nama,
            consumer_key: k.consumer_key,
            lingkup: k.lingkup.to_string(),
            batas: k.batas_per_menit,
            aktif: k.aktif,
        })
        .collect();
    let lingkup = Lingkup::SEMUA
        .into_iter()
        .map(|l| {
            let (id, en) = l.keterangan();
            let ket = match b {
                Bahasa::Indonesia => id,
                Bahasa::Inggris => en,
            };
            (l.kode(), ket, Lingkup::BAWAAN.contains(&l))
        })
        .collect();
    let page = KlienPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        daftar,
        lingkup,
        instansi_tetap: w.and_then(|v| v.first().cloned()),
        batas_bawaan: BATAS_BAWAAN_PER_MENIT,
        baru,
        galat,
    };
    let mut r = Html(page.render()?).into_response();
    // The page may carry a secret shown once: never stored by a browser or proxy.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// `GET /admin/klien-api`.
pub async fn daftar(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman(&state, &m, None, None).await
}

/// Registration form.
#[derive(Default)]
struct FormKlien {
    csrf: String,
    nama: String,
    instansi: String,
    nasional: Option<String>,
    lingkup: Vec<String>,
    batas: String,
}

/// `POST /admin/klien-api`: registers a client and shows its secret once.
pub async fn tambah(
    State(state): State<AppState>,
    m: Masuk,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = FormKlien::dari(pasangan);
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let w = wewenang(&m)?;
    let jangkauan = match (&w, f.nasional.is_some(), f.instansi.trim()) {
        (Some(daftar), _, _) => {
            JangkauanKlien::Instansi(daftar.first().cloned().unwrap_or_default())
        }
        (None, true, _) => JangkauanKlien::Nasional,
        (None, false, i) if !i.is_empty() => JangkauanKlien::Instansi(i.to_string()),
        (None, false, _) => {
            return halaman(&state, &m, None, Some(b.t("klien_perlu_instansi").into())).await;
        }
    };
    let lingkup = match DaftarLingkup::parse(&f.lingkup.join(" ")) {
        Ok(l) => l,
        Err(e) => return halaman(&state, &m, None, Some(e.to_string())).await,
    };
    if jangkauan == JangkauanKlien::Nasional && lingkup.punya(Lingkup::Tulis) {
        return halaman(&state, &m, None, Some(b.t("klien_nasional_baca").into())).await;
    }
    let batas = f.batas.trim().parse().unwrap_or(BATAS_BAWAAN_PER_MENIT);
    match crate::api::daftarkan_klien(
        state.store(),
        &f.nama,
        jangkauan,
        lingkup,
        batas,
        &format!("akun:{}", m.akun.id),
        state.jam().sekarang(),
    )
    .await
    {
        Ok(k) => halaman(&state, &m, Some((k.klien.consumer_key, k.secret)), None).await,
        Err(StoreError::NotFound) => {
            halaman(
                &state,
                &m,
                None,
                Some(b.t("klien_instansi_tidak_ada").into()),
            )
            .await
        }
        Err(StoreError::Conflict(pesan)) => halaman(&state, &m, None, Some(pesan)).await,
        Err(e) => Err(e.into()),
    }
}

impl FormKlien {
    /// From the form's pairs: the scope checkboxes repeat one name (`lingkup=baca&lingkup=tulis`).
    fn dari(pasangan: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pasangan {
            match k.as_str() {
                "csrf" => f.csrf = v,
                "nama" => f.nama = v,
                "instansi" => f.instansi = v,
                "nasional" => f.nasional = Some(v),
                "lingkup" => f.lingkup.push(v),
                "batas" => f.batas = v,
                _ => {}
            }
        }
        f
    }
}

/// Enable/disable form.
#[derive(Deserialize)]
pub struct FormStatus {
    csrf: String,
    aktif: String,
}

/// `POST /admin/klien-api/{id}/status`.
pub async fn status(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<FormStatus>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let w = wewenang(&m)?;
    let k = state.store().klien_api(id).await?;
    if !terlihat(&w, &k) {
        return Err(StoreError::NotFound.into());
    }
    state
        .store()
        .ubah_status_klien_api(
            id,
            f.aktif == "1",
            &format!("akun:{}", m.akun.id),
            state.jam().sekarang(),
        )
        .await?;
    halaman(&state, &m, None, None).await
}
