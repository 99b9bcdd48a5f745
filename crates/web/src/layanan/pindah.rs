//! "Pindah instansi": the agency's transfers in and out — each with where from and to, the
//! TMT, its stage and the stage's due date — and, for the receiving agency's operator, the
//! form starting one into a vacant post of its register. The case itself follows the engine's
//! pages, where the origin agency's official consents and signs the release.

use siasn_app::layanan::pindah::{self, HasilMulaiPindah, UsulPindah};
use siasn_domain::akses::Peran;
use siasn_domain::layanan::JenisLayanan;
use siasn_domain::layanan::pindah::batas_waktu;
use siasn_store::layanan::FilterLayanan;

use super::prediksi::satu_instansi;
use super::*;

/// The form as sent, shown again after a refusal.
#[derive(Default)]
struct Isian {
    nip: String,
    pos: String,
    tmt: String,
    alasan: String,
}

/// One transfer as listed.
struct Baris {
    id: Uuid,
    nama: String,
    nip: String,
    asal: String,
    tujuan: String,
    tmt: String,
    status: &'static str,
    /// The stage's due date, and whether it has passed.
    batas: Option<(String, bool)>,
}

#[derive(Template)]
#[template(path = "layanan_pindah.html")]
struct PindahPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    operator: bool,
    galat: Option<String>,
    /// Vacant posts of the operator's agency: (value "unor|jabatan", label).
    pos: Vec<(String, String)>,
    isian: Isian,
    bagian: Vec<Bagian>,
}

/// A list on the page: incoming, outgoing, or (for BKN and wider readers) all.
struct Bagian {
    judul: &'static str,
    daftar: Vec<Baris>,
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    galat: Option<String>,
    isian: Isian,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let instansi = satu_instansi(m);
    let operator = instansi.is_some() && m.pelaku.punya(Peran::OperatorInstansi);
    let hari_ini = state.app().sekarang().date_naive();
    let t = |d: NaiveDate| crate::tampilan::tanggal(d, b);
    let pos = match (&instansi, operator) {
        (Some(i), true) => siasn_app::formasi::daftar(state.app(), &m.aktor(), i)
            .await
            .dalam(b)?
            .into_iter()
            .filter_map(|r| {
                let lowong = r.kebutuhan?.saturating_sub(r.terisi);
                (lowong > 0).then(|| {
                    (
                        format!("{}|{}", r.unor_id, r.jabatan_id),
                        format!(
                            "{} — {} ({} {})",
                            r.jabatan_nama,
                            r.unor_nama,
                            lowong,
                            b.t(Teks::FormasiLowong).to_lowercase()
                        ),
                    )
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let (kasus, _) = state
        .store()
        .daftar_layanan(
            &m.pelaku.cakupan_baca(),
            &FilterLayanan {
                jenis: Some(JenisLayanan::PindahInstansi),
                batas: 200,
                ..FilterLayanan::default()
            },
        )
        .await?;
    let (mut masuk, mut keluar, mut lainnya) = (Vec::new(), Vec::new(), Vec::new());
    for k in kasus {
        let Some(d) = k.pindah() else { continue };
        let batas = batas_waktu(d, k.status, k.pertek.as_ref().map(|p| p.tanggal))
            .map(|x| (t(x), x < hari_ini));
        let baris = Baris {
            id: k.id,
            nama: k.nama.clone(),
            nip: siasn_teks::nip(&k.nip),
            asal: d.asal.instansi_nama.clone(),
            tujuan: format!(
                "{} · {}",
                d.tujuan.instansi_nama,
                d.tujuan.nama_jabatan.clone().unwrap_or_default()
            ),
            tmt: t(d.tmt),
            status: super::label_status_kasus(&k, b),
            batas,
        };
        match &instansi {
            Some(i) if *i == k.instansi_id => masuk.push(baris),
            Some(i) if Some(i) == k.instansi_asal_id.as_ref() => keluar.push(baris),
            _ => lainnya.push(baris),
        }
    }
    let page = PindahPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        operator,
        galat,
        pos,
        isian,
        bagian: {
            let mut v = Vec::new();
            if instansi.is_some() {
                v.push(Bagian {
                    judul: b.t(Teks::PindahMasuk),
                    daftar: masuk,
                });
                v.push(Bagian {
                    judul: b.t(Teks::PindahKeluar),
                    daftar: keluar,
                });
            }
            if instansi.is_none() || !lainnya.is_empty() {
                v.push(Bagian {
                    judul: b.t(Teks::PindahLainnya),
                    daftar: lainnya,
                });
            }
            v
        },
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /layanan/pindah`.
pub async fn halaman(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    tampilkan(&state, &m, None, Isian::default()).await
}

/// `POST /layanan/pindah`: start a transfer into the operator's agency, or show the form
/// again with the rule it breaks.
pub async fn mulai(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let (unor, jabatan) = get("pos").split_once('|').ok_or_else(tidak_valid)?;
    let unor_id: Uuid = unor.parse().map_err(|_| tidak_valid())?;
    let tmt = crate::infra::formulir::tanggal_opsional(&pairs, "tmt")
        .map_err(|()| tidak_valid())?
        .ok_or_else(tidak_valid)?;
    let hasil = pindah::mulai(
        state.app(),
        &m.aktor(),
        UsulPindah {
            nip: get("nip").to_string(),
            unor_id,
            jabatan_id: jabatan.to_string(),
            tmt,
            alasan: get("alasan").to_string(),
        },
    )
    .await
    .dalam(b)?;
    let galat = match hasil {
        HasilMulaiPindah::Dibuat(id) => {
            return Ok(Redirect::to(&format!("/layanan/{id}")).into_response());
        }
        HasilMulaiPindah::Ditolak(e) => b.jelaskan(&e),
        HasilMulaiPindah::Langkah(e) => b.jelaskan(&e),
        HasilMulaiPindah::TidakDitemukan => b.t(Teks::PindahTidakDitemukan).to_string(),
    };
    let isian = Isian {
        nip: get("nip").to_string(),
        pos: get("pos").to_string(),
        tmt: get("tmt").to_string(),
        alasan: get("alasan").to_string(),
    };
    tampilkan(&state, &m, Some(galat), isian).await
}
