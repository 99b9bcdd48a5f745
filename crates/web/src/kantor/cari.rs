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
    /// "csv": the matches as a file (up to [`CSV_MAKS`]) instead of a page.
    #[serde(default)]
    format: String,
}

/// Rows per results page.
const PER_HALAMAN: u32 = 25;
/// Most rows one CSV export holds.
const CSV_MAKS: u32 = 5_000;
/// Matches are counted up to this many (a broad national search stops counting early).
const HITUNG_MAKS: u32 = 1_000;

/// A result row as shown: who, rank, position, and where they work by name.
pub struct BarisHasil {
    r: RingkasanPegawai,
    instansi: String,
    unit: String,
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
    hasil: Option<Vec<BarisHasil>>,
    /// "123 pegawai cocok" / "Lebih dari 1.000 pegawai cocok".
    jumlah: String,
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
    let b = m.konteks.bahasa;
    let mut jumlah = String::new();
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
        if f.format == "csv" {
            // Every match from the first, page by page (the store pages by 200 at most).
            let mut semua = Vec::new();
            let mut setelah = None;
            while semua.len() < CSV_MAKS as usize {
                let page = state
                    .store()
                    .cari_pegawai(&cakupan, &k, setelah, 200)
                    .await?;
                semua.extend(page.items);
                match page.berikutnya {
                    Some(s) => setelah = Some(s),
                    None => break,
                }
            }
            semua.truncate(CSV_MAKS as usize);
            let baris = beri_nama(state, semua).await?;
            return csv_hasil(m.konteks.bahasa, &baris);
        }
        let page = state
            .store()
            .cari_pegawai(&cakupan, &k, f.setelah.trim().parse().ok(), PER_HALAMAN)
            .await?;
        let n = state
            .store()
            .hitung_cari_pegawai(&cakupan, &k, HITUNG_MAKS)
            .await?;
        jumlah = if n > i64::from(HITUNG_MAKS) {
            b.isi(
                Teks::LebihDariCocok,
                crate::tampilan::ribuan(i64::from(HITUNG_MAKS)),
            )
        } else {
            b.isi(Teks::JumlahCocok, crate::tampilan::ribuan(n))
        };
        (Some(beri_nama(state, page.items).await?), page.berikutnya)
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
        jumlah,
        berikutnya,
    };
    Ok(Html(page.render()?).into_response())
}

/// The rows with their agency's and unit's names (one lookup for the page's units).
async fn beri_nama(
    state: &AppState,
    items: Vec<RingkasanPegawai>,
) -> Result<Vec<BarisHasil>, WebError> {
    let mut ids: Vec<Uuid> = items.iter().filter_map(|r| r.unor_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut unit = std::collections::HashMap::new();
    for potong in ids.chunks(500) {
        unit.extend(state.store().nama_unor(potong).await?);
    }
    let instansi: std::collections::HashMap<String, String> = state
        .store()
        .daftar_instansi()
        .await?
        .into_iter()
        .map(|i| (i.id, i.nama))
        .collect();
    Ok(items
        .into_iter()
        .map(|r| BarisHasil {
            instansi: instansi
                .get(&r.instansi_kerja_id)
                .cloned()
                .unwrap_or_else(|| r.instansi_kerja_id.clone()),
            unit: r
                .unor_id
                .and_then(|u| unit.get(&u).cloned())
                .unwrap_or_default(),
            r,
        })
        .collect())
}

/// The matches as CSV: the columns of the page, names not codes.
fn csv_hasil(b: Bahasa, baris: &[BarisHasil]) -> Result<Response, WebError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let gagal = |e: csv::Error| WebError::Csv(e.to_string());
    w.write_record([
        b.t(Teks::Nama),
        "NIP",
        b.t(Teks::JenisPegawai),
        b.t(Teks::Golongan),
        b.t(Teks::Jabatan),
        b.t(Teks::InstansiKerja),
        b.t(Teks::Unit),
    ])
    .map_err(gagal)?;
    for x in baris {
        w.write_record([
            crate::tampilan::sel_aman(&nama_lengkap(&x.r)),
            crate::tampilan::nip(&x.r.nip),
            x.r.jenis_pegawai.clone(),
            label_golongan(&x.r),
            crate::tampilan::sel_aman(x.r.nama_jabatan.as_deref().unwrap_or("")),
            crate::tampilan::sel_aman(&x.instansi),
            crate::tampilan::sel_aman(&x.unit),
        ])
        .map_err(gagal)?;
    }
    let isi = w.into_inner().map_err(|e| WebError::Csv(e.to_string()))?;
    Ok(crate::tampilan::unduhan_csv("hasil-cari-pegawai.csv", isi))
}

/// A name with its titles, as on the page.
pub fn nama_lengkap(r: &RingkasanPegawai) -> String {
    let mut n = String::new();
    if let Some(g) = r.gelar_depan.as_deref().filter(|g| !g.is_empty()) {
        n.push_str(g);
        n.push(' ');
    }
    n.push_str(&r.nama);
    if let Some(g) = r.gelar_belakang.as_deref().filter(|g| !g.is_empty()) {
        n.push_str(", ");
        n.push_str(g);
    }
    n
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
