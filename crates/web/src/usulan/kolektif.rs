//! Collective proposals: a NIP list or a CSV, a per-row report, batch decisions.

use super::*;
use crate::konteks::Param;

#[derive(Template)]
#[template(path = "kolektif.html")]
pub(super) struct KolektifPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    jenis: String,
    pilihan_jenis: Vec<(String, String)>,
    bidang: Vec<Bidang>,
    judul: String,
    daftar_nip: String,
    csv: String,
    laporan: Vec<(usize, String, String, bool, String)>,
    sah: usize,
    galat: Vec<String>,
    jenis_dokumen: Vec<(String, String)>,
    dokumen_wajib: Vec<String>,
    kunci_kirim: String,
}

pub(super) fn operator_instansi(m: &Masuk) -> Option<String> {
    m.pelaku
        .peran
        .iter()
        .find(|p| p.peran == Peran::OperatorInstansi)
        .and_then(|p| p.instansi_id.clone())
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
    laporan: Vec<(usize, String, String, bool, String)>,
    galat: Vec<String>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let mut pilihan_jenis = vec![("data_utama".to_string(), b.t("data_utama").to_string())];
    pilihan_jenis.extend(JenisRiwayat::SEMUA.into_iter().map(|j| {
        (
            j.kode().to_string(),
            b.t(crate::tampilan::kunci_judul(j)).to_string(),
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
                let (id, en) = k.label();
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
                    label: pesan(b, id, en),
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
    let sah = laporan.iter().filter(|r| r.3).count();
    let page = KolektifPage {
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

/// One checked row of a collective list.
pub(super) struct BarisSah {
    pegawai: Pegawai,
    perubahan: Perubahan,
    sebelum: Sebelum,
    peringatan: Vec<Temuan>,
}

/// POST /kolektif: check the list (per-row report) or submit its valid rows.
pub async fn kolektif(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let instansi = operator_instansi(&m).ok_or(WebError::Dilarang(b))?;
    let jenis = JenisKolektif::from_kode(f.satu("jenis"))
        .ok_or(WebError::TidakValid(b, "form_tidak_valid"))?;
    let nilai: BTreeMap<String, String> = f
        .teks
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("f_")?.to_string(), v.first()?.clone())))
        .collect();
    let judul = f.satu("judul").trim().chars().take(200).collect::<String>();
    let daftar_nip = f.satu("daftar_nip").to_string();
    let today = state.jam().sekarang().date_naive();
    let mut galat = Vec::new();
    if f.terlalu_besar {
        galat.push(pesan_terlalu_besar(&state, b));
    }
    // The CSV comes as a file the first time and travels back as text for the final submit.
    let csv = match f.berkas.iter().find(|(n, _, _)| n == "csv") {
        Some((_, _, isi)) => match String::from_utf8(isi.clone()) {
            Ok(t) => t,
            Err(_) => {
                galat.push(b.t("csv_bukan_teks").to_string());
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
                galat.push(e.to_string());
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
                galat.push(e.to_string());
                Vec::new()
            }
        }
    };
    let cakupan = vec![Cakupan::Instansi(instansi.clone())];
    let mut laporan = Vec::new();
    // Every row is in the operator's agency (the scope above), so one load serves them all.
    let refs = RefValidasi::muat(&state, &[instansi.as_str()]).await?;
    let kanreg_id = state.store().instansi(&instansi).await?.kanreg_id;
    let mut sah: Vec<BarisSah> = Vec::new();
    let mut nip_terlihat = std::collections::HashSet::new();
    for r in &baris {
        let mut catat = |ok: bool, nama: String, ket: String| {
            laporan.push((r.baris, r.nip_teks.clone(), nama, ok, ket))
        };
        let nip = match &r.nip {
            Ok(n) => n,
            Err(e) => {
                catat(false, String::new(), e.clone());
                continue;
            }
        };
        if !nip_terlihat.insert(nip.as_str().to_string()) {
            catat(false, String::new(), b.t("nip_ganda").to_string());
            continue;
        }
        let pegawai = match state
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                catat(
                    false,
                    String::new(),
                    b.t("pegawai_di_luar_cakupan").to_string(),
                );
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let perubahan = match jenis.perubahan(&r.nilai) {
            Ok(p) => p,
            Err(e) => {
                catat(false, pegawai.nama_lengkap(), e.join("; "));
                continue;
            }
        };
        let riwayat = match perubahan.jenis_riwayat() {
            Some(j) => state.store().riwayat_pegawai(pegawai.id, Some(j)).await?,
            None => Vec::new(),
        };
        let temuan = refs.periksa(today, &pegawai, &riwayat, &perubahan);
        let (g, p): (Vec<&Temuan>, Vec<&Temuan>) =
            temuan.iter().partition(|t| t.berat == Berat::Galat);
        if !g.is_empty() {
            catat(
                false,
                pegawai.nama_lengkap(),
                g.iter()
                    .map(|t| pesan_temuan(b, t))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            continue;
        }
        let Ok(sebelum) = perubahan.sebelum(&pegawai, &riwayat) else {
            catat(
                false,
                pegawai.nama_lengkap(),
                b.t("form_tidak_valid").to_string(),
            );
            continue;
        };
        catat(
            true,
            pegawai.nama_lengkap(),
            p.iter()
                .map(|t| pesan_temuan(b, t))
                .collect::<Vec<_>>()
                .join("; "),
        );
        sah.push(BarisSah {
            pegawai,
            perubahan,
            sebelum,
            peringatan: temuan
                .into_iter()
                .filter(|t| t.berat == Berat::Peringatan)
                .collect(),
        });
    }
    let csv_kembali = if csv.trim().is_empty() {
        String::new()
    } else {
        csv.clone()
    };
    if f.satu("langkah") != "ajukan" || !galat.is_empty() || sah.is_empty() {
        if galat.is_empty() && sah.is_empty() && !baris.is_empty() && f.satu("langkah") == "ajukan"
        {
            galat.push(b.t("kolektif_tanpa_baris_sah").to_string());
        }
        return render_kolektif(
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
        .await;
    }
    // Submit: one shared supporting document (e.g. the reorganisation decree) for every row.
    let mut galat_berkas = Vec::new();
    let mut dokumen_bersama = Vec::new();
    let jenis_dok = f.satu("jenis_dokumen_1").to_string();
    if let Some((_, file, isi)) = f.berkas.iter().find(|(n, _, _)| n == "dokumen_1") {
        match simpan_berkas(&state, b, file, isi).await? {
            Ok((j, blob)) => dokumen_bersama.push((file.clone(), j, blob)),
            Err(e) => galat_berkas.push(e),
        }
    }
    let kewenangan = state.store().kewenangan().await?;
    let jenis_terlampir: Vec<String> = dokumen_bersama.iter().map(|_| jenis_dok.clone()).collect();
    if !sah
        .iter()
        .all(|s| s.perubahan.dokumen_cukup(&kewenangan, &jenis_terlampir))
    {
        galat_berkas.push(b.t("dokumen_wajib_kurang").to_string());
    }
    if judul.is_empty() {
        galat_berkas.push(b.t("judul_wajib").to_string());
    }
    if !galat_berkas.is_empty() {
        return render_kolektif(
            &state,
            &m,
            jenis,
            &nilai,
            &judul,
            &daftar_nip,
            &csv_kembali,
            laporan,
            galat_berkas,
        )
        .await;
    }
    let now = state.jam().sekarang();
    let kolektif_id = Uuid::now_v7();
    let batch: Vec<UsulanBaru> = sah
        .into_iter()
        .map(|s| UsulanBaru {
            id: Uuid::now_v7(),
            kunci_kirim: None,
            pegawai_id: s.pegawai.id,
            instansi_id: instansi.clone(),
            kanreg_id: kanreg_id.clone(),
            rute: s.perubahan.rute(&kewenangan),
            perubahan: s.perubahan,
            sebelum: s.sebelum,
            catatan: Some(judul.clone()),
            peringatan: s.peringatan,
            status: StatusUsulan::Diajukan,
            dokumen_baru: dokumen_bersama
                .iter()
                .map(|(file, j, blob)| {
                    dokumen_baru(&m, s.pegawai.id, &jenis_dok, file, *j, blob, now)
                })
                .collect(),
            dokumen_arsip: Vec::new(),
        })
        .collect();
    let k = KolektifBaru {
        id: kolektif_id,
        instansi_id: instansi,
        judul,
        jenis: jenis.kode().to_string(),
    };
    state
        .store()
        .simpan_usulan(&batch, Some(&k), &aktor(&state, &m), now)
        .await?;
    state.bangunkan_surel();
    Ok(Redirect::to(&format!("/kolektif/{kolektif_id}")).into_response())
}

#[derive(Template)]
#[template(path = "kolektif_detail.html")]
pub(super) struct KolektifDetailPage<'a> {
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

/// The batch's items the reader may see: list rows with their proposals, scope in the query.
pub(super) async fn kolektif_terlihat(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
) -> Result<Vec<(RingkasanUsulan, Usulan)>, WebError> {
    let mut terlihat: HashMap<Uuid, Usulan> = state
        .store()
        .usulan_kolektif_terlihat(id, m.akun.id, &m.pelaku.cakupan_baca())
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(state
        .store()
        .usulan_kolektif(id)
        .await?
        .into_iter()
        .filter_map(|r| terlihat.remove(&r.id).map(|u| (r, u)))
        .collect())
}

pub(super) async fn halaman_kolektif(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
    hasil: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let now = state.jam().sekarang();
    let mut daftar = Vec::new();
    let mut boleh = 0;
    for (r, u) in kolektif_terlihat(state, m, id).await? {
        if boleh_memutuskan(&m.pelaku, &posisi(&u)).is_ok() {
            boleh += 1;
        }
        daftar.push(baris_daftar(b, r, now));
    }
    if daftar.is_empty() {
        return Err(WebError::Store(StoreError::NotFound));
    }
    let page = KolektifDetailPage {
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
        .ok_or(WebError::TidakValid(b, "form_tidak_valid"))?;
    let mut putusan = Vec::new();
    let mut nama = Vec::new();
    for (r, u) in kolektif_terlihat(&state, &m, id).await? {
        let Ok(tahap) = boleh_memutuskan(&m.pelaku, &posisi(&u)) else {
            continue;
        };
        let status_ke = match status_setelah(tahap, u.rute, &keputusan) {
            Ok(s) => s,
            Err(e) => {
                return halaman_kolektif(
                    &state,
                    &m,
                    id,
                    vec![(String::new(), b.t(e.kunci()).to_string())],
                )
                .await;
            }
        };
        nama.push(format!("{} ({})", r.nama, r.nip));
        putusan.push(Putusan {
            usulan_id: u.id,
            versi: u.versi,
            status_dari: u.status,
            status_ke,
            keputusan: keputusan.clone(),
        });
    }
    if putusan.is_empty() {
        return Err(WebError::Dilarang(b));
    }
    let hasil = state
        .store()
        .putuskan_usulan(&putusan, &aktor(&state, &m), state.jam().sekarang())
        .await?;
    state.bangunkan_surel();
    let hasil = nama
        .into_iter()
        .zip(hasil)
        .map(|(n, h)| {
            let ket = match h {
                HasilPutusan::Berhasil(s) => label_status(b, s).to_string(),
                HasilPutusan::SudahDiputuskan => b.t("usulan_sudah_diputuskan").to_string(),
                HasilPutusan::Konflik(k) => format!(
                    "{} {}",
                    b.t("konflik_terapkan"),
                    k.iter()
                        .map(|x| {
                            let (i, e) = x.pesan();
                            pesan(b, &i, &e)
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            (n, ket)
        })
        .collect();
    halaman_kolektif(&state, &m, id, hasil).await
}
