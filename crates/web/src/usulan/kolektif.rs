//! Collective proposals: a NIP list or a CSV, a per-row report, batch decisions.

use super::*;
use crate::infra::konteks::Param;

/// A row of the collective report as shown.
pub(super) struct BarisLaporan {
    baris: usize,
    nip: String,
    nama: String,
    sah: bool,
    ket: String,
    /// For a row that passes: each field it changes, current value → value to be written.
    nilai: Vec<BarisBanding>,
}

fn baris_laporan(
    b: Bahasa,
    r: kasus::BarisLaporan,
    nama: &crate::tampilan::NamaRef,
) -> BarisLaporan {
    let gabung = |t: &[siasn_domain::usulan::validasi::Temuan]| {
        t.iter()
            .map(|x| b.jelaskan(x))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let ket = match &r.ket {
        kasus::KetBaris::Sah(p) | kasus::KetBaris::Galat(p) => gabung(p),
        kasus::KetBaris::NipSalah(e) => b.jelaskan(e),
        kasus::KetBaris::NipGanda => b.t(Teks::NipGanda).to_string(),
        kasus::KetBaris::DiLuarCakupan => b.t(Teks::PegawaiDiLuarCakupan).to_string(),
        kasus::KetBaris::IsianSalah(e) => e
            .iter()
            .map(|x| b.jelaskan(x))
            .collect::<Vec<_>>()
            .join("; "),
        kasus::KetBaris::TidakValid => b.t(Teks::FormTidakValid).to_string(),
    };
    let nilai = match &r.isi {
        Some((perubahan, sebelum)) => banding_isi(b, perubahan, sebelum, nama)
            .into_iter()
            .filter(|x| x.berubah)
            .collect(),
        None => Vec::new(),
    };
    BarisLaporan {
        sah: r.sah(),
        baris: r.baris,
        nip: r.nip_teks,
        nama: r.nama,
        ket,
        nilai,
    }
}

#[derive(Template)]
#[template(path = "kolektif.html")]
pub(super) struct KolektifPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    jenis: String,
    pilihan_jenis: Vec<(String, String)>,
    bidang: Vec<Bidang>,
    judul: String,
    daftar_nip: String,
    csv: String,
    laporan: Vec<BarisLaporan>,
    sah: usize,
    galat: Vec<String>,
    jenis_dokumen: Vec<(String, String)>,
    dokumen_wajib: Vec<String>,
    kunci_kirim: String,
}

pub(super) fn operator_instansi(m: &Masuk) -> Option<String> {
    kasus::instansi_operator(&m.aktor())
}

/// Query of GET /kolektif.
#[derive(Deserialize, Default)]
pub struct KolektifQuery {
    #[serde(default)]
    jenis: String,
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn render_kolektif(
    state: &AppState,
    m: &Masuk,
    jenis: JenisKolektif,
    nilai: &BTreeMap<String, String>,
    judul: &str,
    daftar_nip: &str,
    csv: &str,
    laporan: Vec<BarisLaporan>,
    galat: Vec<String>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let mut pilihan_jenis = vec![("data_utama".to_string(), b.t(Teks::DataUtama).to_string())];
    pilihan_jenis.extend(JenisRiwayat::SEMUA.into_iter().map(|j| {
        (
            j.kode().to_string(),
            b.t(siasn_teks::judul_riwayat(j)).to_string(),
        )
    }));
    let bidang = match jenis {
        JenisKolektif::Riwayat(j) => bidang_riwayat(state, b, j, nilai).await?,
        JenisKolektif::DataUtama => {
            let mut out = Vec::new();
            for k in [
                KolomDataUtama::UnorId,
                KolomDataUtama::NomorHp,
                KolomDataUtama::EmailGov,
                KolomDataUtama::JenisKawinId,
            ] {
                let pilihan = match k {
                    KolomDataUtama::UnorId => match operator_instansi(m) {
                        Some(i) => state
                            .store()
                            .unor_instansi(&i)
                            .await?
                            .into_iter()
                            .map(|u| (u.id.to_string(), u.nama))
                            .collect(),
                        None => Vec::new(),
                    },
                    KolomDataUtama::JenisKawinId => {
                        pilihan_ref(state, Tipe::Ref("jenis-kawin")).await?
                    }
                    _ => Vec::new(),
                };
                out.push(Bidang {
                    kunci: k.kode().to_string(),
                    label: b.jelaskan(&k),
                    tipe: if pilihan.is_empty() { "text" } else { "select" },
                    nilai: nilai.get(k.kode()).cloned().unwrap_or_default(),
                    pilihan,
                    wajib: false,
                });
            }
            out
        }
    };
    let kewenangan = state.store().kewenangan().await?;
    let wajib = match jenis {
        JenisKolektif::Riwayat(j) => kewenangan
            .iter()
            .find(|k| k.jenis_riwayat == j)
            .map(|k| k.dokumen_wajib.clone())
            .unwrap_or_default(),
        JenisKolektif::DataUtama => Vec::new(),
    };
    let ref_dok = state.store().referensi("ref-dokumen").await?;
    let sah = laporan.iter().filter(|r| r.sah).count();
    let page = KolektifPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        jenis: jenis.kode().to_string(),
        pilihan_jenis,
        bidang,
        judul: judul.to_string(),
        daftar_nip: daftar_nip.to_string(),
        csv: csv.to_string(),
        laporan,
        sah,
        dokumen_wajib: wajib
            .iter()
            .map(|w| {
                ref_dok
                    .iter()
                    .find(|r| &r.id == w)
                    .map_or(w.clone(), |r| r.nama.clone())
            })
            .collect(),
        jenis_dokumen: ref_dok.into_iter().map(|r| (r.id, r.nama)).collect(),
        kunci_kirim: Uuid::new_v4().simple().to_string(),
        galat,
    };
    let status = if page.galat.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// GET /kolektif: the collective proposal form.
pub async fn form_kolektif(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<KolektifQuery>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    if operator_instansi(&m).is_none() {
        return Err(WebError::Dilarang(b));
    }
    let jenis = JenisKolektif::from_kode(&q.jenis).unwrap_or(JenisKolektif::DataUtama);
    render_kolektif(
        &state,
        &m,
        jenis,
        &BTreeMap::new(),
        "",
        "",
        "",
        Vec::new(),
        Vec::new(),
    )
    .await
}

/// POST /kolektif: check the list (per-row report) or submit its valid rows.
pub async fn kolektif(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    if operator_instansi(&m).is_none() {
        return Err(WebError::Dilarang(b));
    }
    let jenis = JenisKolektif::from_kode(f.satu("jenis"))
        .ok_or(WebError::TidakValid(b, Teks::FormTidakValid))?;
    let nilai = f.dengan_awalan("f_");
    let judul = f.satu("judul").trim().chars().take(200).collect::<String>();
    let daftar_nip = f.satu("daftar_nip").to_string();
    let today = state.sekarang().date_naive();
    let mut galat = Vec::new();
    if f.terlalu_besar {
        galat.push(pesan_terlalu_besar(&state, b));
    }
    // The CSV comes as a file the first time and travels back as text for the final submit.
    let csv = match f.berkas.iter().find(|(n, _, _)| n == "csv") {
        Some((_, _, isi)) => match String::from_utf8(isi.clone()) {
            Ok(t) => t,
            Err(_) => {
                galat.push(b.t(Teks::CsvBukanTeks).to_string());
                String::new()
            }
        },
        None => f.satu("csv_teks").to_string(),
    };
    let baris: Vec<BarisKolektif> = if !galat.is_empty() {
        Vec::new()
    } else if !csv.trim().is_empty() {
        match baca_csv(&csv, jenis, today) {
            Ok(r) => r,
            Err(e) => {
                galat.push(b.jelaskan(&e));
                Vec::new()
            }
        }
    } else {
        let nilai_isi: BTreeMap<String, String> = nilai
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        match dari_daftar_nip(&daftar_nip, &nilai_isi, today) {
            Ok(r) => r,
            Err(e) => {
                galat.push(b.jelaskan(&e));
                Vec::new()
            }
        }
    };
    let csv_kembali = if csv.trim().is_empty() {
        String::new()
    } else {
        csv.clone()
    };
    let aktor = m.aktor();
    let (laporan, galat) = if f.satu("langkah") != "ajukan" || !galat.is_empty() {
        let laporan = kasus::periksa_kolektif(state.app(), &aktor, jenis, &baris)
            .await
            .dalam(b)?;
        (laporan, galat)
    } else {
        // Submit: one shared supporting document (e.g. the reorganisation decree) for every row.
        let dokumen = f
            .berkas
            .iter()
            .find(|(n, _, _)| n == "dokumen_1")
            .map(|(_, file, isi)| Unggahan {
                nama_file: file.clone(),
                jenis_dokumen_id: f.satu("jenis_dokumen_1").to_string(),
                isi: isi.clone(),
            });
        match kasus::ajukan_kolektif(state.app(), &aktor, jenis, &judul, &baris, dokumen)
            .await
            .dalam(b)?
        {
            Ok(id) => return Ok(Redirect::to(&format!("/kolektif/{id}")).into_response()),
            Err(d) => (d.laporan, d.masalah.iter().map(|x| b.jelaskan(x)).collect()),
        }
    };
    let isi: Vec<(&Perubahan, &Sebelum)> = laporan
        .iter()
        .filter_map(|r| r.isi.as_ref().map(|(p, s)| (p, s)))
        .collect();
    let nama = nama_untuk(&state, &isi).await?;
    let laporan = laporan
        .into_iter()
        .map(|r| baris_laporan(b, r, &nama))
        .collect();
    render_kolektif(
        &state,
        &m,
        jenis,
        &nilai,
        &judul,
        &daftar_nip,
        &csv_kembali,
        laporan,
        galat,
    )
    .await
}

#[derive(Template)]
#[template(path = "kolektif_detail.html")]
pub(super) struct KolektifDetailPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    id: Uuid,
    daftar: Vec<BarisDaftar>,
    boleh_putus: usize,
    hasil: Vec<(String, String)>,
}

/// GET /kolektif/{id}: the batch with each employee's status.
pub async fn detail_kolektif(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    halaman_kolektif(&state, &m, id, Vec::new()).await
}

pub(super) async fn halaman_kolektif(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
    hasil: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let now = state.sekarang();
    let mut daftar = Vec::new();
    let mut boleh = 0;
    for (r, u) in kasus::kolektif_terlihat(state.app(), &m.aktor(), id)
        .await
        .dalam(b)?
    {
        if boleh_memutuskan(&m.pelaku, &u.posisi()).is_ok() {
            boleh += 1;
        }
        daftar.push(baris_daftar(b, r, now));
    }
    if daftar.is_empty() {
        return Err(WebError::TidakDitemukan);
    }
    let page = KolektifDetailPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        id,
        daftar,
        boleh_putus: boleh,
        hasil,
    };
    Ok(Html(page.render()?).into_response())
}

/// A batch decision.
#[derive(Deserialize)]
pub struct PutusKolektifForm {
    csrf: String,
    aksi: String,
    #[serde(default)]
    alasan: String,
}

/// POST /kolektif/{id}/putuskan: one decision for every item the verifier may decide now,
/// with a per-employee outcome.
pub async fn putuskan_kolektif(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(f): axum::extract::Form<PutusKolektifForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let keputusan = keputusan_dari(&f.aksi, &f.alasan, Vec::new())
        .ok_or(WebError::TidakValid(b, Teks::FormTidakValid))?;
    let hasil = match kasus::putuskan_kolektif(state.app(), &m.aktor(), id, keputusan)
        .await
        .dalam(b)?
    {
        Ok(h) => h,
        Err(e) => {
            return halaman_kolektif(&state, &m, id, vec![(String::new(), b.jelaskan(&e))]).await;
        }
    };
    let hasil = hasil
        .into_iter()
        .map(|(r, h)| {
            let ket = match h {
                HasilPutusan::Berhasil(s) => label_status(b, s).to_string(),
                HasilPutusan::SudahDiputuskan => b.t(Teks::UsulanSudahDiputuskan).to_string(),
                HasilPutusan::Konflik(k) => format!(
                    "{} {}",
                    b.t(Teks::KonflikTerapkan),
                    k.iter()
                        .map(|x| b.jelaskan(x))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            (
                format!("{} ({})", r.nama, crate::tampilan::nip(&r.nip)),
                ket,
            )
        })
        .collect();
    halaman_kolektif(&state, &m, id, hasil).await
}
