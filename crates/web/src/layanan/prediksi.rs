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
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    periode: String,
    operator: bool,
    galat: Option<String>,
    hasil: Vec<String>,
    daftar: Vec<BarisPrediksi>,
    /// Agencies to choose from, for a reader whose reach is wider than one agency.
    pilihan_instansi: Vec<(String, String)>,
    instansi: String,
    /// Totals when no single agency is shown: (candidates, eligible, can be proposed).
    ringkasan: Option<(u64, u64, u64)>,
    jumlah: usize,
    jumlah_memenuhi: usize,
    jumlah_boleh: usize,
    keadaan: String,
    halaman: usize,
    halaman_akhir: usize,
}

/// Rows per page of the prediction.
const PER_HALAMAN: usize = 200;

#[derive(Deserialize, Default)]
pub(super) struct PeriodeQuery {
    #[serde(default)]
    periode: Option<String>,
    #[serde(default)]
    instansi: Option<String>,
    #[serde(default)]
    keadaan: Option<String>,
    #[serde(default)]
    halaman: Option<usize>,
}

/// The one agency the reader works in, if their staff grants name exactly one.
pub(super) fn satu_instansi(m: &Masuk) -> Option<String> {
    let mut ids: Vec<&str> = m
        .pelaku
        .peran
        .iter()
        .filter(|p| p.peran != Peran::Pegawai)
        .map(|p| p.instansi_id.as_deref())
        .collect::<Option<Vec<_>>>()?;
    ids.dedup();
    match ids.as_slice() {
        [i] => Some((*i).to_string()),
        _ => None,
    }
}

/// The agencies the reader's scope covers (for a reader wider than one agency).
pub(super) async fn instansi_terjangkau(
    state: &AppState,
    m: &Masuk,
) -> Result<Vec<(String, String)>, WebError> {
    let cakupan = m.aktor().pelaku.cakupan_baca();
    let mut out = Vec::new();
    for i in state.store().daftar_instansi().await? {
        let letak = siasn_domain::akses::LetakPegawai {
            pegawai_id: Uuid::nil(),
            instansi_id: i.id.clone(),
            kanreg_id: i.kanreg_id.clone(),
        };
        if cakupan
            .iter()
            .any(|c| siasn_domain::akses::meliputi(c, &letak))
        {
            out.push((i.id, i.nama));
        }
    }
    Ok(out)
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    periode: NaiveDate,
    q: PeriodeQuery,
    hasil: Vec<String>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let aktor = m.aktor();
    let instansi = q
        .instansi
        .filter(|i| !i.trim().is_empty())
        .or_else(|| satu_instansi(m));
    // Wider than one agency and none chosen: totals and the agencies to choose from.
    let mut pilihan_instansi = Vec::new();
    let mut ringkasan = None;
    if satu_instansi(m).is_none() {
        pilihan_instansi = instansi_terjangkau(state, m).await?;
        if instansi.is_none()
            && let Ok(j) = kp::ringkasan_prediksi(state.app(), &aktor, periode)
                .await
                .dalam(b)?
        {
            ringkasan = Some((j.kandidat, j.memenuhi, j.boleh_diusulkan));
        }
    }
    let items = match &instansi {
        Some(i) => kp::prediksi(state.app(), &aktor, periode, Some(i))
            .await
            .dalam(b)?,
        None => Ok(Vec::new()),
    };
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
    let jumlah = daftar.len();
    let jumlah_memenuhi = daftar.iter().filter(|d| d.keadaan == "memenuhi").count();
    let jumlah_boleh = daftar.iter().filter(|d| d.keadaan == "boleh").count();
    let keadaan = q.keadaan.unwrap_or_default();
    let mut daftar: Vec<BarisPrediksi> = daftar
        .into_iter()
        .filter(|d| match keadaan.as_str() {
            "memenuhi" | "boleh" | "belum" => d.keadaan == keadaan,
            _ => true,
        })
        .collect();
    let halaman_akhir = daftar.len().div_ceil(PER_HALAMAN).max(1);
    let halaman = q.halaman.unwrap_or(1).clamp(1, halaman_akhir);
    let daftar: Vec<BarisPrediksi> = daftar
        .drain(..)
        .skip((halaman - 1) * PER_HALAMAN)
        .take(PER_HALAMAN)
        .collect();
    let page = PrediksiPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        periode: periode.to_string(),
        operator: m.pelaku.punya(Peran::OperatorInstansi),
        galat,
        hasil,
        daftar,
        pilihan_instansi,
        instansi: instansi.unwrap_or_default(),
        ringkasan,
        jumlah,
        jumlah_memenuhi,
        jumlah_boleh,
        keadaan,
        halaman,
        halaman_akhir,
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
    tampilkan(&state, &m, periode, q, Vec::new()).await
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
    let q = PeriodeQuery {
        instansi: Some(get("instansi").to_string()),
        ..PeriodeQuery::default()
    };
    tampilkan(&state, &m, periode, q, pesan).await
}
