//! Back-office employee search: operators and verifiers find employees within their scope by
//! NIP, NIP prefix or name, with filters, one keyset page at a time. Criteria travel in POST
//! bodies so NIPs and names never appear in URLs or access logs.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::akses::Cakupan;
use siasn_domain::golongan::{Golongan, SEMUA_GOLONGAN};
use siasn_store::{KriteriaCari, RingkasanPegawai};
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::konteks::Masuk;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// Scopes in which the reader searches (their own record does not count as a search scope).
fn cakupan_staf(m: &Masuk) -> Vec<Cakupan> {
    m.pelaku
        .cakupan_baca()
        .into_iter()
        .filter(|c| !matches!(c, Cakupan::Diri(_)))
        .collect()
}

/// Search form fields (all optional but the CSRF token).
#[derive(Deserialize, Default)]
pub struct CariForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    teks: String,
    #[serde(default)]
    golongan: String,
    #[serde(default)]
    jenis_jabatan: String,
    #[serde(default)]
    jenis_pegawai: String,
    #[serde(default)]
    kedudukan: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    setelah: String,
}

#[derive(Template)]
#[template(path = "cari.html")]
struct CariPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    f: CariForm,
    golongan: Vec<Golongan>,
    /// Units of the reader's agencies (empty for Kanreg and national readers, whose unit lists
    /// would run to thousands: they narrow by NIP, name and the other filters).
    unit: Vec<(Uuid, String)>,
    kedudukan: Vec<(String, String)>,
    hasil: Option<Vec<RingkasanPegawai>>,
    berikutnya: Option<Uuid>,
}

fn kosong_jadi_none(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

async fn halaman(
    state: &AppState,
    m: &Masuk,
    f: CariForm,
    cari: bool,
) -> Result<Response, WebError> {
    let cakupan = cakupan_staf(m);
    if cakupan.is_empty() {
        return Err(WebError::Dilarang(m.konteks.bahasa));
    }
    let (hasil, berikutnya) = if cari {
        if f.teks.len() > 100 {
            return Err(WebError::TidakValid(
                m.konteks.bahasa,
                Teks::InputTerlaluPanjang,
            ));
        }
        let k = KriteriaCari {
            teks: kosong_jadi_none(&f.teks),
            unor_id: f.unit.trim().parse().ok(),
            golongan: f.golongan.trim().parse().ok(),
            jenis_jabatan_id: kosong_jadi_none(&f.jenis_jabatan),
            jenis_pegawai: kosong_jadi_none(&f.jenis_pegawai),
            kedudukan_hukum_id: kosong_jadi_none(&f.kedudukan),
        };
        let page = state
            .store()
            .cari_pegawai(&cakupan, &k, f.setelah.trim().parse().ok(), 25)
            .await?;
        (Some(page.items), page.berikutnya)
    } else {
        (None, None)
    };
    let mut unit = Vec::new();
    if cakupan.iter().all(|c| matches!(c, Cakupan::Instansi(_))) {
        for c in &cakupan {
            if let Cakupan::Instansi(id) = c {
                unit.extend(
                    state
                        .store()
                        .unor_instansi(id)
                        .await?
                        .into_iter()
                        .map(|u| (u.id, u.nama)),
                );
            }
        }
        unit.sort_by(|a, b| a.1.cmp(&b.1));
    }
    let kedudukan = state
        .store()
        .kedudukan_hukum()
        .await?
        .into_iter()
        .map(|k| (k.id, k.nama))
        .collect();
    let page = CariPage {
        menu: m.menu(state).await?,
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        f,
        unit,
        kedudukan,
        golongan: SEMUA_GOLONGAN.to_vec(),
        hasil,
        berikutnya,
    };
    Ok(Html(page.render()?).into_response())
}

/// The empty search form.
pub async fn form(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman(&state, &m, CariForm::default(), false).await
}

/// Results (and the next page, with `setelah`).
pub async fn cari(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CariForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    halaman(&state, &m, f, true).await
}

/// "III/a" for a stored golongan id, "PPPK IX" for a PPPK number.
pub fn label_golongan(r: &RingkasanPegawai) -> String {
    match (r.golongan, r.golongan_pppk) {
        (Some(g), _) => u8::try_from(g)
            .ok()
            .and_then(Golongan::from_id)
            .map_or_else(|| g.to_string(), |g| g.label().to_string()),
        (None, Some(g)) => u8::try_from(g)
            .ok()
            .and_then(siasn_domain::GolonganPppk::new)
            .map_or_else(|| g.to_string(), |g| format!("PPPK {}", g.label())),
        _ => "-".into(),
    }
}
