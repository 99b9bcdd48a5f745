//! "Pengadaan CPNS dan PPPK": an agency's participants of a selection year with their numbers;
//! its operator imports the selection results (the whole file or nothing, with every problem
//! by line and column); BKN assigns the NIP or NI PPPK of everyone still without one.

use chrono::Datelike;
use siasn_app::pengadaan::{self, HasilImpor, JenisMasalahImpor, MasalahImpor};
use siasn_domain::akses::Peran;
use siasn_domain::pengadaan::JENIS_PENGADAAN;

use super::prediksi::satu_instansi;
use super::*;
use crate::infra::multipart::baca_multipart;

/// One participant as listed.
struct Baris {
    no_peserta: String,
    nama: String,
    lahir: String,
    jenis: String,
    nomor: Option<String>,
    pegawai_id: Option<Uuid>,
    /// Waiting for the SK CPNS (kedudukan 51): the operator may propose it.
    menunggu_sk: bool,
}

/// One problem of a refused import.
struct BarisMasalah {
    baris: String,
    kolom: String,
    masalah: String,
}

#[derive(Template)]
#[template(path = "layanan_pengadaan.html")]
struct PengadaanPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    instansi: Option<String>,
    pilihan_instansi: Vec<(String, String)>,
    tahun: i32,
    operator: bool,
    bkn: bool,
    pesan: Option<String>,
    masalah: Vec<BarisMasalah>,
    daftar: Vec<Baris>,
    belum: usize,
}

/// The agency the page is about: the reader's own, or the one BKN chose.
fn instansi_dari(m: &Masuk, pilihan: Option<&str>) -> Option<String> {
    satu_instansi(m).or_else(|| {
        m.pelaku
            .punya(Peran::VerifikatorBkn)
            .then(|| pilihan.map(str::to_string))
            .flatten()
            .filter(|x| !x.is_empty())
    })
}

fn jelaskan(m: &MasalahImpor, b: Bahasa) -> String {
    match &m.masalah {
        JenisMasalahImpor::Baris(x) => b.jelaskan(x),
        JenisMasalahImpor::BukanUtf8 => b.t(Teks::PengadaanBukanUtf8).into(),
        JenisMasalahImpor::KolomHilang => b.t(Teks::PengadaanKolomHilang).into(),
        JenisMasalahImpor::KolomTidakDikenal => b.t(Teks::PengadaanKolomAsing).into(),
        JenisMasalahImpor::TerlaluBanyak { maks } => {
            format!("{} ({maks})", b.t(Teks::PengadaanTerlaluBanyak))
        }
        JenisMasalahImpor::CsvRusak => b.t(Teks::PengadaanCsvRusak).into(),
        JenisMasalahImpor::Kosong => b.t(Teks::PengadaanKosong).into(),
    }
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    instansi: Option<String>,
    tahun: i32,
    pesan: Option<String>,
    masalah: Vec<BarisMasalah>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let daftar = match &instansi {
        Some(i) => pengadaan::daftar(state.app(), &m.aktor(), i, tahun)
            .await
            .dalam(b)?,
        None => Vec::new(),
    };
    // BKN chooses among the agencies it decides for: all for BKN central, its region's for a
    // Kanreg.
    let wilayah: Vec<Option<&str>> = m
        .pelaku
        .peran
        .iter()
        .filter(|g| g.peran == Peran::VerifikatorBkn)
        .map(|g| g.kanreg_id.as_deref())
        .collect();
    let pilihan_instansi = if satu_instansi(m).is_none() && !wilayah.is_empty() {
        state
            .store()
            .daftar_instansi()
            .await?
            .into_iter()
            .filter(|i| wilayah.iter().any(|w| w.is_none_or(|k| k == i.kanreg_id)))
            .map(|i| (i.id, i.nama))
            .collect()
    } else {
        Vec::new()
    };
    let belum = daftar.iter().filter(|p| p.nomor_induk.is_none()).count();
    let page = PengadaanPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        operator: instansi.is_some()
            && (m.pelaku.punya(Peran::OperatorInstansi) || m.pelaku.punya(Peran::AdminInstansi)),
        bkn: instansi.is_some() && m.pelaku.punya(Peran::VerifikatorBkn),
        instansi,
        pilihan_instansi,
        tahun,
        pesan,
        masalah,
        belum,
        daftar: daftar
            .into_iter()
            .map(|p| Baris {
                no_peserta: p.peserta.no_peserta,
                nama: p.peserta.nama,
                lahir: crate::tampilan::tanggal(p.peserta.tanggal_lahir, b),
                jenis: JENIS_PENGADAAN
                    .iter()
                    .find(|(k, _)| *k == p.peserta.jenis_pengadaan)
                    .map_or(p.peserta.jenis_pengadaan.clone(), |(_, n)| (*n).to_string()),
                // An NI PPPK is grouped 8-4-2-1-3, a NIP 8-6-1-3.
                nomor: p.nomor_induk.map(|n| {
                    if siasn_domain::pengadaan::pppk(&p.peserta.jenis_pengadaan) {
                        siasn_domain::pegawai::NiPppk::parse(&n).map_or(n, |x| x.to_string())
                    } else {
                        siasn_teks::nip(&n)
                    }
                }),
                pegawai_id: p.pegawai_id,
                menunggu_sk: p.kedudukan_hukum_id.as_deref()
                    == Some(siasn_domain::layanan::cpns::KEDUDUKAN_CALON)
                    && !siasn_domain::pengadaan::pppk(&p.peserta.jenis_pengadaan),
            })
            .collect(),
    };
    Ok(Html(page.render()?).into_response())
}

fn tahun_ini(state: &AppState) -> i32 {
    state.app().sekarang().date_naive().year()
}

/// `GET /layanan/pengadaan[?tahun=&instansi=]`.
pub async fn halaman(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let get = |k: &str| crate::infra::formulir::isian(&q, k).to_string();
    let tahun = get("tahun").parse().unwrap_or_else(|_| tahun_ini(&state));
    let instansi = instansi_dari(&m, Some(get("instansi").as_str()));
    let pesan = match (
        get("diimpor").parse::<usize>(),
        get("ditetapkan").parse::<usize>(),
    ) {
        (Ok(n), _) => Some(format!("{n} {}", m.bahasa().t(Teks::PengadaanDiimpor))),
        (_, Ok(n)) => {
            let habis = get("habis").parse::<usize>().unwrap_or(0);
            let mut s = format!("{n} {}", m.bahasa().t(Teks::PengadaanDitetapkan));
            if habis > 0 {
                s.push_str(&format!("; {habis} {}", m.bahasa().t(Teks::PengadaanHabis)));
            }
            Some(s)
        }
        _ => None,
    };
    tampilkan(&state, &m, instansi, tahun, pesan, Vec::new()).await
}

/// `POST /layanan/pengadaan/impor` (multipart: `tahun`, `tmt`, `berkas`).
pub async fn impor(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let instansi = satu_instansi(&m).ok_or_else(tidak_valid)?;
    let tahun: i32 = f.satu("tahun").trim().parse().map_err(|_| tidak_valid())?;
    let tmt =
        NaiveDate::parse_from_str(f.satu("tmt").trim(), "%Y-%m-%d").map_err(|_| tidak_valid())?;
    if f.terlalu_besar {
        let masalah = vec![BarisMasalah {
            baris: "—".into(),
            kolom: "—".into(),
            masalah: b.t(Teks::PengadaanTerlaluBesar).into(),
        }];
        return tampilkan(&state, &m, Some(instansi), tahun, None, masalah).await;
    }
    let Some((_, _, isi)) = f.berkas.iter().find(|(n, _, _)| n == "berkas") else {
        return Err(tidak_valid());
    };
    let hasil = pengadaan::impor(state.app(), &m.aktor(), &instansi, tahun, tmt, isi)
        .await
        .dalam(b)?;
    match hasil {
        HasilImpor::Diimpor { jumlah, .. } => Ok(Redirect::to(&format!(
            "/layanan/pengadaan?tahun={tahun}&diimpor={jumlah}"
        ))
        .into_response()),
        HasilImpor::Ditolak(daftar) => {
            let masalah = daftar
                .iter()
                .map(|x| BarisMasalah {
                    baris: if x.baris == 0 {
                        "—".into()
                    } else {
                        x.baris.to_string()
                    },
                    kolom: x.kolom.clone().unwrap_or_else(|| "—".into()),
                    masalah: jelaskan(x, b),
                })
                .collect();
            tampilkan(&state, &m, Some(instansi), tahun, None, masalah).await
        }
    }
}

/// `POST /layanan/pengadaan/sk-cpns` (`pegawai`, `tahun`): the operator starts the SK CPNS
/// case of a participant whose NIP was assigned; on to the case page.
pub async fn usul_sk(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    use siasn_app::layanan::cpns::{self, HasilMulaiCpns};
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let pegawai: Uuid = get("pegawai").parse().map_err(|_| tidak_valid())?;
    let tahun: i32 = get("tahun").trim().parse().map_err(|_| tidak_valid())?;
    let galat = match cpns::mulai(state.app(), &m.aktor(), pegawai)
        .await
        .dalam(b)?
    {
        HasilMulaiCpns::Dibuat(id) => {
            return Ok(Redirect::to(&format!("/layanan/{id}")).into_response());
        }
        HasilMulaiCpns::Ditolak(e) => b.jelaskan(&e),
        HasilMulaiCpns::Langkah(e) => b.jelaskan(&e),
        HasilMulaiCpns::TidakDitemukan => return Err(WebError::TidakDitemukan),
    };
    let masalah = vec![BarisMasalah {
        baris: "—".into(),
        kolom: "—".into(),
        masalah: galat,
    }];
    tampilkan(&state, &m, satu_instansi(&m), tahun, None, masalah).await
}

/// `POST /layanan/pengadaan/tetapkan` (`instansi`, `tahun`): BKN assigns the numbers.
pub async fn tetapkan(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let instansi = instansi_dari(&m, Some(get("instansi"))).ok_or_else(tidak_valid)?;
    let tahun: i32 = get("tahun").trim().parse().map_err(|_| tidak_valid())?;
    let h = pengadaan::tetapkan_nomor(state.app(), &m.aktor(), &instansi, tahun)
        .await
        .dalam(b)?;
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("tahun", &tahun.to_string());
    q.append_pair("instansi", &instansi);
    q.append_pair("ditetapkan", &h.ditetapkan.len().to_string());
    q.append_pair("habis", &h.habis.len().to_string());
    Ok(Redirect::to(&format!("/layanan/pengadaan?{}", q.finish())).into_response())
}
