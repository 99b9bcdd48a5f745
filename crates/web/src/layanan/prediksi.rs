//! "Prediksi KP": who could be promoted at a period and why not, and starting cases for a
//! selection of them.

use std::collections::HashMap;

use siasn_app::layanan::kp::{self, HasilMulai};
use siasn_domain::akses::Peran;
use siasn_store::layanan::FilterLayanan;

use super::*;

/// One employee of the prediction as listed.
pub struct BarisPrediksi {
    pegawai_id: Uuid,
    nama: String,
    nip: String,
    golongan: String,
    gaji: String,
    /// "memenuhi", "boleh" (proofs needed) or "belum".
    keadaan: &'static str,
    alasan: Vec<String>,
    /// The case already started for this period, if any.
    kasus: Option<(Uuid, &'static str)>,
}

#[derive(Template)]
#[template(path = "layanan_prediksi.html")]
struct PrediksiPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    periode: String,
    operator: bool,
    galat: Option<String>,
    hasil: Vec<String>,
    daftar: Vec<BarisPrediksi>,
    jumlah_memenuhi: usize,
}

#[derive(Deserialize)]
pub(super) struct PeriodeQuery {
    #[serde(default)]
    periode: Option<String>,
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    periode: NaiveDate,
    hasil: Vec<String>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let aktor = m.aktor();
    let items = kp::prediksi(state.app(), &aktor, periode).await.dalam(b)?;
    let (items, galat) = match items {
        Ok(i) => (i, None),
        Err(e) => (Vec::new(), Some(b.jelaskan(&e))),
    };
    let cakupan = aktor.pelaku.cakupan_baca();
    // Cases of this period, and open ones of any period (one promotion at a time).
    let (kasus_periode, _) = state
        .store()
        .daftar_layanan(
            &cakupan,
            &FilterLayanan {
                periode: Some(periode),
                batas: 100_000,
                ..FilterLayanan::default()
            },
        )
        .await?;
    let (terbuka, _) = state
        .store()
        .daftar_layanan(
            &cakupan,
            &FilterLayanan {
                status: StatusLayanan::SEMUA
                    .into_iter()
                    .filter(|s| !s.final_())
                    .collect(),
                batas: 100_000,
                ..FilterLayanan::default()
            },
        )
        .await?;
    let ada: HashMap<Uuid, (Uuid, StatusLayanan)> = kasus_periode
        .iter()
        .chain(terbuka.iter())
        .filter(|k| k.status.menahan_periode())
        .map(|k| (k.pegawai_id, (k.id, k.status)))
        .collect();
    let daftar: Vec<BarisPrediksi> = items
        .into_iter()
        .map(|i| {
            let h = &i.rancangan.hasil;
            BarisPrediksi {
                pegawai_id: i.kandidat.pegawai_id,
                nama: i.kandidat.nama,
                nip: i.kandidat.nip,
                golongan: match &i.rancangan.data {
                    Some(d) => format!("{} → {}", d.golongan_lama.label(), d.golongan_baru.label()),
                    None => i.kandidat.fakta.golongan.label().to_string(),
                },
                gaji: i.rancangan.data.as_ref().map_or_else(String::new, |d| {
                    format!(
                        "{} → {}",
                        rupiah(d.gaji_pokok_lama),
                        rupiah(d.gaji_pokok_baru)
                    )
                }),
                keadaan: if h.memenuhi() {
                    "memenuhi"
                } else if h.boleh_diusulkan() {
                    "boleh"
                } else {
                    "belum"
                },
                alasan: h.alasan.iter().map(|a| b.jelaskan(a)).collect(),
                kasus: ada
                    .get(&i.kandidat.pegawai_id)
                    .map(|(id, s)| (*id, label_status_layanan(*s, b))),
            }
        })
        .collect();
    let page = PrediksiPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        periode: periode.to_string(),
        operator: m.pelaku.punya(Peran::OperatorInstansi),
        galat,
        hasil,
        jumlah_memenuhi: daftar.iter().filter(|d| d.keadaan == "memenuhi").count(),
        daftar,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /layanan/kp/prediksi?periode=`.
pub async fn halaman(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PeriodeQuery>,
) -> Result<Response, WebError> {
    let periode = periode_dari(&state, q.periode.as_deref()).await?;
    tampilkan(&state, &m, periode, Vec::new()).await
}

/// `POST /layanan/kp/prediksi`: start cases for the selected employees.
pub async fn mulai(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let periode = NaiveDate::parse_from_str(get("periode"), "%Y-%m-%d")
        .map_err(|_| WebError::TidakValid(b, Teks::FormTidakValid))?;
    let ids: Vec<Uuid> = pairs
        .iter()
        .filter(|(k, _)| k == "pegawai")
        .filter_map(|(_, v)| Uuid::parse_str(v).ok())
        .take(5000)
        .collect();
    let hasil = kp::mulai(state.app(), &m.aktor(), periode, &ids)
        .await
        .dalam(b)?;
    let dibuat = hasil
        .iter()
        .filter(|(_, h)| matches!(h, HasilMulai::Dibuat(_)))
        .count();
    let mut pesan = vec![format!("{dibuat} {}", b.t(Teks::LayananDibuat))];
    for (_, h) in &hasil {
        match h {
            HasilMulai::Ditolak(e) => pesan.push(b.jelaskan(e)),
            HasilMulai::TidakDitemukan => pesan.push(b.t(Teks::LayananPegawaiLuar).to_string()),
            HasilMulai::Dibuat(_) => {}
        }
    }
    pesan.dedup();
    tampilkan(&state, &m, periode, pesan).await
}
