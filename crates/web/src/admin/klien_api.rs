//! Partner clients of the API, for administrators: BKN admins register national or agency
//! clients; agency admins register and see only their agency's. The secret is shown once.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_app::klien_api::{self, KlienDitolak};
use siasn_domain::klien_api::{BATAS_BAWAAN_PER_MENIT, DaftarLingkup, JangkauanKlien, Lingkup};
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::{Masuk, Param};
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// Which clients the reader manages (`None`: all); refused for non-admins.
fn wewenang(m: &Masuk) -> Result<Option<Vec<String>>, WebError> {
    klien_api::wewenang(&m.pelaku).dalam(m.bahasa())
}

/// One row of the list.
pub struct BarisKlien {
    webhook: Vec<BarisWebhook>,
    id: Uuid,
    nama: String,
    consumer_key: String,
    jangkauan: String,
    lingkup: String,
    batas: u32,
    aktif: bool,
}

/// A client's webhook with its progress and dead letters.
pub struct BarisWebhook {
    id: Uuid,
    url: String,
    aktif: bool,
    posisi: i64,
    galat: Option<String>,
    coba_lagi: Option<String>,
    gagal: Vec<(i64, i32, String, String)>,
}

/// A scope on the registration form: its code, what it allows, whether it is ticked at first.
struct PilihanLingkup {
    kode: &'static str,
    keterangan: &'static str,
    bawaan: bool,
}

#[derive(Template)]
#[template(path = "admin_klien.html")]
struct KlienPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    daftar: Vec<BarisKlien>,
    lingkup: Vec<PilihanLingkup>,
    instansi_tetap: Option<String>,
    batas_bawaan: u32,
    baru: Option<(String, String)>,
    webhook_baru: Option<(String, String)>,
    posisi_terakhir: i64,
    galat: Option<String>,
}

/// What a page shows once: a new client's or a new webhook's secret.
#[derive(Default)]
struct SekaliTampil {
    klien: Option<(String, String)>,
    webhook: Option<(String, String)>,
}

async fn webhook_klien(
    state: &AppState,
    klien_id: Uuid,
    b: Bahasa,
) -> Result<Vec<BarisWebhook>, WebError> {
    let mut out = Vec::new();
    for w in state.store().daftar_webhook(Some(klien_id)).await? {
        let gagal = state
            .store()
            .daftar_webhook_gagal(w.id, 5)
            .await?
            .into_iter()
            .map(|g| {
                (
                    g.posisi,
                    g.percobaan,
                    siasn_teks::waktu(g.waktu, b),
                    g.galat,
                )
            })
            .collect();
        out.push(BarisWebhook {
            id: w.id,
            url: w.url,
            aktif: w.aktif,
            posisi: w.posisi,
            galat: w.galat_terakhir,
            coba_lagi: w.coba_lagi_pada.map(|t| siasn_teks::waktu(t, b)),
            gagal,
        });
    }
    Ok(out)
}

async fn halaman(
    state: &AppState,
    m: &Masuk,
    sekali: SekaliTampil,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let w = wewenang(m)?;
    let b = m.konteks.bahasa;
    let klien: Vec<_> = state
        .store()
        .daftar_klien_api()
        .await?
        .into_iter()
        .filter(|k| klien_api::terlihat(&w, k))
        .collect();
    let mut daftar = Vec::with_capacity(klien.len());
    for k in klien {
        daftar.push(BarisKlien {
            webhook: webhook_klien(state, k.id, b).await?,
            id: k.id,
            jangkauan: match &k.jangkauan {
                JangkauanKlien::Instansi(i) => i.clone(),
                JangkauanKlien::Nasional => b.t(Teks::KlienNasional).to_string(),
            },
            nama: k.nama,
            consumer_key: k.consumer_key,
            lingkup: k.lingkup.to_string(),
            batas: k.batas_per_menit,
            aktif: k.aktif,
        });
    }
    let lingkup = Lingkup::SEMUA
        .into_iter()
        .map(|l| {
            let ket = b.t(siasn_teks::keterangan_lingkup(l));
            PilihanLingkup {
                kode: l.kode(),
                keterangan: ket,
                bawaan: Lingkup::BAWAAN.contains(&l),
            }
        })
        .collect();
    let page = KlienPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        daftar,
        lingkup,
        instansi_tetap: w.and_then(|v| v.first().cloned()),
        batas_bawaan: BATAS_BAWAAN_PER_MENIT,
        baru: sekali.klien,
        webhook_baru: sekali.webhook,
        posisi_terakhir: state.store().posisi_peristiwa_terakhir().await?,
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
    halaman(&state, &m, SekaliTampil::default(), None).await
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
            return halaman(
                &state,
                &m,
                SekaliTampil::default(),
                Some(b.t(Teks::KlienPerluInstansi).into()),
            )
            .await;
        }
    };
    let lingkup = match DaftarLingkup::parse(&f.lingkup.join(" ")) {
        Ok(l) => l,
        Err(e) => return halaman(&state, &m, SekaliTampil::default(), Some(b.jelaskan(&e))).await,
    };
    if klien_api::periksa_lingkup(&jangkauan, &lingkup).is_err() {
        return halaman(
            &state,
            &m,
            SekaliTampil::default(),
            Some(b.t(Teks::KlienNasionalBaca).into()),
        )
        .await;
    }
    let batas = f.batas.trim().parse().unwrap_or(BATAS_BAWAAN_PER_MENIT);
    let aktor = format!("akun:{}", m.akun.id);
    let hasil = klien_api::daftarkan(state.app(), &aktor, &f.nama, jangkauan, lingkup, batas)
        .await
        .dalam(b)?;
    let galat = match hasil {
        Ok(k) => {
            let sekali = SekaliTampil {
                klien: Some((k.klien.consumer_key, k.secret)),
                webhook: None,
            };
            return halaman(&state, &m, sekali, None).await;
        }
        Err(KlienDitolak::NamaTidakSah) => Teks::KlienNamaTidakSah,
        Err(KlienDitolak::PerluInstansi) => Teks::KlienPerluInstansi,
        Err(KlienDitolak::InstansiTidakAda) => Teks::KlienInstansiTidakAda,
        Err(KlienDitolak::NasionalHanyaBaca) => Teks::KlienNasionalBaca,
    };
    halaman(&state, &m, SekaliTampil::default(), Some(b.t(galat).into())).await
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
    let aktor = format!("akun:{}", m.akun.id);
    klien_api::ubah_status(state.app(), &m.pelaku, &aktor, id, f.aktif == "1")
        .await
        .dalam(b)?;
    halaman(&state, &m, SekaliTampil::default(), None).await
}

/// Webhook registration form.
#[derive(Deserialize)]
pub struct FormWebhook {
    csrf: String,
    url: String,
    dari_awal: Option<String>,
}

/// `POST /admin/klien-api/{id}/webhook`: registers a webhook and shows its secret once.
pub async fn tambah_webhook(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<FormWebhook>,
) -> Result<Response, WebError> {
    use siasn_app::peristiwa::webhook::{self, WebhookDitolak};
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let aktor = format!("akun:{}", m.akun.id);
    let hasil = webhook::daftarkan(
        state.app(),
        &m.pelaku,
        &aktor,
        id,
        &f.url,
        f.dari_awal.is_some(),
    )
    .await
    .dalam(b)?;
    match hasil {
        Ok(baru) => {
            let sekali = SekaliTampil {
                klien: None,
                webhook: Some((baru.webhook.url, baru.rahasia)),
            };
            halaman(&state, &m, sekali, None).await
        }
        Err(e) => {
            let t = match e {
                WebhookDitolak::UrlTidakSah => Teks::WebhookUrlTidakSah,
                WebhookDitolak::PerluHttps => Teks::WebhookPerluHttps,
                WebhookDitolak::AlamatInternal => Teks::WebhookAlamatInternal,
            };
            halaman(&state, &m, SekaliTampil::default(), Some(b.t(t).into())).await
        }
    }
}

/// `POST /admin/webhook/{id}/status`.
pub async fn status_webhook(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<FormStatus>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let aktor = format!("akun:{}", m.akun.id);
    siasn_app::peristiwa::webhook::ubah_status(state.app(), &m.pelaku, &aktor, id, f.aktif == "1")
        .await
        .dalam(b)?;
    halaman(&state, &m, SekaliTampil::default(), None).await
}

/// Replay form.
#[derive(Deserialize)]
pub struct FormUlang {
    csrf: String,
    dari: String,
}

/// `POST /admin/webhook/{id}/ulang`: delivers again from a position.
pub async fn ulang_webhook(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<FormUlang>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let Ok(dari) = f.dari.trim().parse::<i64>() else {
        return Err(WebError::TidakValid(b, Teks::FormTidakValid));
    };
    let aktor = format!("akun:{}", m.akun.id);
    let w = wewenang(&m)?;
    siasn_app::peristiwa::webhook::putar_ulang(state.app(), &w, &aktor, id, dari.max(1))
        .await
        .dalam(b)?;
    halaman(&state, &m, SekaliTampil::default(), None).await
}
