//! The case page: who and what, the stages, the file (required documents, attached ones, from
//! the archive or uploaded once), the steps the reader may take, the letters and the log.

use siasn_app::usulan::Unggahan;

use super::*;

/// A requirement as listed: its types' names and whether it is met.
pub struct BarisSyarat {
    nama: String,
    ada: bool,
}

/// An attached document.
pub struct BarisLampiran {
    id: Uuid,
    nama: String,
    jenis: String,
}

/// An archive document that could be attached.
pub struct BarisArsip {
    id: Uuid,
    nama: String,
    jenis: String,
}

/// A step of the log.
pub struct BarisJejak {
    waktu: String,
    aktor: String,
    langkah: &'static str,
    status: &'static str,
    catatan: String,
}

/// A button the reader may press.
pub struct Tombol {
    kode: &'static str,
    label: &'static str,
    bahaya: bool,
}

/// A stage of the lifecycle shown at the top.
pub struct Tahap {
    label: &'static str,
    kelas: &'static str,
}

#[derive(Template)]
#[template(path = "layanan_detail.html")]
struct DetailPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    k: KasusLayanan,
    judul: String,
    status: &'static str,
    status_siasn: String,
    tahap: Vec<Tahap>,
    data: Vec<(&'static str, String)>,
    syarat: Vec<BarisSyarat>,
    lampiran: Vec<BarisLampiran>,
    arsip: Vec<BarisArsip>,
    jenis_unggah: Vec<(String, String)>,
    boleh_berkas: bool,
    tombol: Vec<Tombol>,
    perlu_alasan: bool,
    perlu_frasa: bool,
    boleh_unggah_sk: bool,
    surat: Vec<(&'static str, String, Option<Uuid>)>,
    jejak: Vec<BarisJejak>,
    galat: Vec<String>,
    info: Option<Teks>,
}

/// The stages an employee and staff follow (the happy path), with the current one marked.
fn tahap(k: &KasusLayanan, b: Bahasa) -> Vec<Tahap> {
    use StatusLayanan as S;
    let jalur = k.jenis.jalur_utama();
    let kini = match k.status {
        S::BerkasDisimpan | S::PerbaikanDokumen | S::Bts => S::InputBerkas,
        S::Tms => S::ApprovalSuratUsulan,
        S::DitolakInstansiAsal => S::MenungguPersetujuanAsal,
        s => s,
    };
    let posisi = jalur.iter().position(|s| *s == kini).unwrap_or(0);
    jalur
        .iter()
        .enumerate()
        .map(|(i, s)| Tahap {
            label: label_status_layanan(*s, b),
            kelas: if i < posisi || k.status == S::ProfilDiperbarui {
                "selesai"
            } else if i == posisi {
                "kini"
            } else {
                ""
            },
        })
        .collect()
}

pub(super) async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    k: KasusLayanan,
    galat: Vec<String>,
    info: Option<Teks>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let aktor = m.aktor();
    let ref_dok = state.store().referensi("ref-dokumen").await?;
    let nama_dok = |id: &str| {
        ref_dok
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.nama.clone())
    };
    let jenis_kp = state.store().referensi("jenis-kp").await?;
    let syarat_ref = state.store().syarat_dokumen(k.jenis, &k.sub_jenis).await?;
    let lampiran_ref = state.store().lampiran_layanan(k.id).await?;
    let terlampir: Vec<&str> = lampiran_ref
        .iter()
        .map(|l| l.jenis_dokumen_id.as_str())
        .collect();
    let syarat = syarat_ref
        .iter()
        .map(|s| BarisSyarat {
            nama: s
                .jenis_dokumen
                .iter()
                .map(|j| nama_dok(j))
                .collect::<Vec<_>>()
                .join(" / "),
            ada: s
                .jenis_dokumen
                .iter()
                .any(|j| terlampir.contains(&j.as_str())),
        })
        .collect();
    let tersedia = kasus::langkah_tersedia(&aktor, &k);
    let boleh_berkas = tersedia.contains(&Langkah::SimpanBerkas);
    let arsip = if boleh_berkas {
        state
            .store()
            .dokumen_pegawai(k.pegawai_id)
            .await?
            .into_iter()
            .filter(|d| siasn_domain::layanan::dokumen_diterima(&syarat_ref, &d.jenis_dokumen_id))
            .filter(|d| !lampiran_ref.iter().any(|l| l.dokumen_id == d.id))
            .map(|d| BarisArsip {
                id: d.id,
                jenis: nama_dok(&d.jenis_dokumen_id),
                nama: d.nama_file,
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut jenis_unggah: Vec<(String, String)> = syarat_ref
        .iter()
        .flat_map(|s| s.jenis_dokumen.iter())
        .map(|j| (j.clone(), nama_dok(j)))
        .collect();
    jenis_unggah.dedup();
    let lampiran = lampiran_ref
        .into_iter()
        .map(|l| BarisLampiran {
            id: l.dokumen_id,
            jenis: nama_dok(&l.jenis_dokumen_id),
            nama: l.nama_file,
        })
        .collect();
    let tombol: Vec<Tombol> = tersedia
        .iter()
        .filter(|l| !matches!(l, Langkah::UnggahSk))
        .map(|l| Tombol {
            kode: l.kode(),
            label: label_langkah(*l, b),
            bahaya: matches!(l, Langkah::Tms | Langkah::Hapus | Langkah::TolakAsal),
        })
        .collect();
    let perlu_alasan = tersedia.iter().any(|l| {
        l.aturan_dalam(k.jenis.alur())
            .is_some_and(|a| a.perlu_alasan)
    });
    let perlu_frasa = tersedia.iter().any(|l| {
        matches!(
            l,
            Langkah::TerbitkanPertek | Langkah::TandatanganiSk | Langkah::TandatanganiSkAsal
        )
    });
    let mut data = Vec::new();
    if let Some(d) = k.kp() {
        data.push((
            b.t(Teks::LayananJenisKp),
            jenis_kp
                .iter()
                .find(|r| r.id == d.jenis_kp_id)
                .map_or_else(|| d.jenis_kp_id.clone(), |r| r.nama.clone()),
        ));
        data.push((
            b.t(Teks::LayananPeriode),
            crate::tampilan::tanggal(d.tmt_kp, b),
        ));
        data.push((
            b.t(Teks::LayananGolongan),
            format!(
                "{} → {}",
                golongan(d.golongan_lama),
                golongan(d.golongan_baru)
            ),
        ));
        data.push((
            b.t(Teks::LayananMkg),
            format!(
                "{} {} {} {}",
                d.masa_kerja_golongan.tahun,
                b.t(Teks::LayananTahun),
                d.masa_kerja_golongan.bulan,
                b.t(Teks::LayananBulan)
            ),
        ));
        data.push((b.t(Teks::LayananGajiLama), rupiah(d.gaji_pokok_lama)));
        data.push((b.t(Teks::LayananGajiBaru), rupiah(d.gaji_pokok_baru)));
        data.push((
            b.t(Teks::LayananTujuan),
            siasn_teks::label_tujuan(d.tujuan, b).to_string(),
        ));
    }
    if let Some(d) = k.pensiun() {
        data.extend(data_pensiun(state, d, b).await?);
    }
    if let Some(d) = k.cltn() {
        data.extend(data_cltn(state, d, k.jenis.perlu_pertek(), b).await?);
    }
    if let Some(d) = k.pindah() {
        data.extend(data_pindah(&k, d, state.app().sekarang().date_naive(), b));
    }
    if let siasn_domain::layanan::DataLayanan::Cpns(d) = &k.data {
        data.push((
            b.t(Teks::PengadaanTmt),
            crate::tampilan::tanggal(d.tmt_cpns, b),
        ));
        if let Some(x) = &d.no_peserta {
            data.push((b.t(Teks::PengadaanNomorPeserta), x.clone()));
        }
        for (label, v) in [
            (Teks::FormasiJabatan, &d.nama_jabatan),
            (Teks::FormasiUnor, &d.nama_unor),
            (Teks::PengadaanSpmt, &d.nomor_spmt),
        ] {
            if let Some(v) = v {
                data.push((b.t(label), v.clone()));
            }
        }
    }
    let mut surat = Vec::new();
    if let Some(p) = &k.pertek {
        surat.push((
            b.t(Teks::LayananPertek),
            format!("{} · {}", p.nomor, crate::tampilan::tanggal(p.tanggal, b)),
            p.dokumen_id,
        ));
    }
    if let Some(s) = &k.sk {
        surat.push((
            b.t(if k.pindah().is_some() {
                Teks::PindahSkTujuan
            } else {
                Teks::LayananSk
            }),
            format!("{} · {}", s.nomor, crate::tampilan::tanggal(s.tanggal, b)),
            s.dokumen_id,
        ));
    }
    if let Some(s) = k.pindah().and_then(|d| d.sk_asal.as_ref()) {
        surat.push((
            b.t(Teks::PindahSkAsal),
            format!("{} · {}", s.nomor, crate::tampilan::tanggal(s.tanggal, b)),
            s.dokumen_id,
        ));
    }
    let jejak = state
        .store()
        .jejak_layanan(k.id)
        .await?
        .into_iter()
        .map(|j| BarisJejak {
            waktu: crate::tampilan::waktu(j.waktu, b),
            aktor: j.aktor,
            langkah: label_langkah(j.langkah, b),
            status: label_status_layanan(j.status_ke, b),
            catatan: j.catatan.unwrap_or_default(),
        })
        .collect();
    let page = DetailPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        judul: b.t(super::nama_layanan(k.jenis)).to_string(),
        status: super::label_status_kasus(&k, b),
        status_siasn: format!("{} {}", k.status.kode_siasn(), k.status.nama_siasn()),
        tahap: tahap(&k, b),
        data,
        syarat,
        lampiran,
        arsip,
        jenis_unggah,
        boleh_berkas,
        tombol,
        perlu_alasan,
        perlu_frasa,
        boleh_unggah_sk: tersedia.contains(&Langkah::UnggahSk),
        surat,
        jejak,
        galat,
        info,
        k,
    };
    Ok(Html(page.render()?).into_response())
}

/// The transfer's own lines: from, to, TMT, reason, the post's register, who decides, the
/// letters numbered at their steps, the current stage's due date, and when the record moved.
fn data_pindah(
    k: &KasusLayanan,
    d: &siasn_domain::layanan::pindah::DataPindah,
    hari_ini: NaiveDate,
    b: Bahasa,
) -> Vec<(&'static str, String)> {
    let t = |x: NaiveDate| crate::tampilan::tanggal(x, b);
    let tempat = |x: &siasn_domain::layanan::pindah::Kedudukan| {
        [
            Some(x.instansi_nama.clone()),
            x.unor_nama.clone(),
            x.nama_jabatan.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    };
    let mut out = vec![
        (b.t(Teks::PindahAsal), tempat(&d.asal)),
        (b.t(Teks::PindahTujuan), tempat(&d.tujuan)),
        (b.t(Teks::PindahTmt), t(d.tmt)),
        (b.t(Teks::Alasan), d.alasan.clone()),
        (
            b.t(Teks::FormasiJudul),
            format!(
                "{} {} · {} {}",
                b.t(Teks::FormasiKebutuhan),
                d.formasi.kebutuhan,
                b.t(Teks::FormasiTerisi),
                d.formasi.terisi
            ),
        ),
        (
            b.t(Teks::LayananTujuan),
            siasn_teks::label_tujuan(d.tujuan_pertek, b).to_string(),
        ),
    ];
    let nomor =
        |n: &siasn_domain::layanan::pindah::Nomor| format!("{} · {}", n.nomor, t(n.tanggal));
    if let Some(u) = &d.usul {
        out.push((b.t(Teks::PindahUsulNomor), nomor(u)));
    }
    if let Some(a) = &d.persetujuan_asal {
        out.push((b.t(Teks::PindahPersetujuan), nomor(a)));
    }
    if let Some(x) = siasn_domain::layanan::pindah::batas_waktu(
        d,
        k.status,
        k.pertek.as_ref().map(|p| p.tanggal),
    ) {
        let lewat = if x < hari_ini { " ⚠" } else { "" };
        out.push((b.t(Teks::PindahBatas), format!("{}{lewat}", t(x))));
    }
    if k.status == StatusLayanan::ProfilDiperbarui {
        out.push((
            b.t(Teks::PindahDiterapkan),
            match d.diterapkan {
                Some(x) => t(x),
                None => b.t(Teks::PindahMenungguTmt).to_string(),
            },
        ));
    }
    out
}

/// A kedudukan hukum's name, or its code when the reference lacks it.
fn nama_kedudukan(daftar: &[siasn_domain::referensi::KedudukanHukum], kode: &str) -> String {
    daftar
        .iter()
        .find(|x| x.id == kode)
        .map_or_else(|| kode.to_string(), |x| x.nama.clone())
}

/// The leave case's own lines: kind, dates, reason, vacancy, kedudukan.
async fn data_cltn(
    state: &AppState,
    d: &siasn_domain::layanan::cltn::DataCltn,
    perlu_pertek: bool,
    b: Bahasa,
) -> Result<Vec<(&'static str, String)>, WebError> {
    let t = |x: NaiveDate| crate::tampilan::tanggal(x, b);
    let kedudukan = state.store().kedudukan_hukum().await?;
    let nama_kedudukan = |kode: &str| nama_kedudukan(&kedudukan, kode);
    let mut out = vec![
        (
            b.t(Teks::CltnJenis),
            d.jenis_usul()
                .map_or_else(|| d.jenis.to_string(), |j| j.nama().to_string()),
        ),
        (b.t(Teks::CltnMulai), t(d.mulai)),
        (b.t(Teks::CltnBerakhir), t(d.selesai)),
    ];
    if let Some(a) = d.aktif {
        out.push((b.t(Teks::CltnAktif), t(a)));
        // The register as it stood when the case was made (older cases recorded only yes/no).
        let formasi = match d.formasi {
            Some(f) => format!(
                "{}: {} · {}: {} · {}: {}",
                b.t(Teks::FormasiKebutuhan),
                f.kebutuhan,
                b.t(Teks::FormasiTerisi),
                f.terisi,
                b.t(Teks::FormasiLowong),
                f.lowong()
            ),
            None => b
                .t(if d.formasi_lowong {
                    Teks::Ya
                } else {
                    Teks::Tidak
                })
                .to_string(),
        };
        out.push((b.t(Teks::CltnFormasi), formasi));
    }
    if !d.alasan.is_empty() {
        out.push((b.t(Teks::Alasan), d.alasan.clone()));
    }
    out.push((
        b.t(Teks::PensiunKedudukanBaru),
        format!(
            "{} → {}",
            nama_kedudukan(&d.kedudukan_lama),
            nama_kedudukan(&d.kedudukan_baru)
        ),
    ));
    out.push((
        b.t(Teks::LayananTujuan),
        if perlu_pertek {
            siasn_teks::label_tujuan(d.tujuan, b).to_string()
        } else {
            b.t(Teks::LayananTujuanInstansi).to_string()
        },
    ));
    Ok(out)
}

/// The pension case's own lines: kinds, dates, service, right, new kedudukan, family.
async fn data_pensiun(
    state: &AppState,
    d: &siasn_domain::layanan::pensiun::DataPensiun,
    b: Bahasa,
) -> Result<Vec<(&'static str, String)>, WebError> {
    let t = |x: NaiveDate| crate::tampilan::tanggal(x, b);
    let kedudukan = state.store().kedudukan_hukum().await?;
    let nama_kedudukan = |kode: &str| nama_kedudukan(&kedudukan, kode);
    let mut out = vec![
        (
            b.t(Teks::JenisPensiun),
            d.jenis()
                .map_or_else(|| d.jenis_pensiun.to_string(), |j| j.nama().to_string()),
        ),
        (
            b.t(Teks::PensiunJenisPemberhentian),
            d.pemberhentian()
                .map_or_else(|| d.jenis_pemberhentian.to_string(), |j| j.nama()),
        ),
        (b.t(Teks::PensiunTmt), t(d.tmt)),
        (
            b.t(Teks::PensiunBup),
            format!(
                "{} {} · TMT {}",
                d.bup,
                b.t(Teks::LayananTahun),
                t(d.tmt_bup)
            ),
        ),
        (
            b.t(Teks::PensiunMasaKerja),
            format!(
                "{} {} {} {}",
                d.dpcp.masa_kerja_pensiun.tahun,
                b.t(Teks::LayananTahun),
                d.dpcp.masa_kerja_pensiun.bulan,
                b.t(Teks::LayananBulan)
            ),
        ),
        (
            b.t(Teks::HakPensiun),
            b.t(if d.berhak_pensiun {
                Teks::BerhakPensiun
            } else {
                Teks::TidakBerhakPensiun
            })
            .to_string(),
        ),
        (
            b.t(Teks::PensiunKedudukanBaru),
            format!(
                "{} → {}",
                nama_kedudukan(&d.kedudukan_lama),
                nama_kedudukan(&d.kedudukan_baru)
            ),
        ),
        (
            b.t(Teks::LayananTujuan),
            siasn_teks::label_tujuan(d.tujuan, b).to_string(),
        ),
    ];
    if let Some(p) = d.tanggal_peristiwa {
        out.push((b.t(Teks::PensiunTanggalPeristiwa), t(p)));
    }
    if let Some(m) = d.pensiun_ahli_waris_mulai() {
        out.push((b.t(Teks::PensiunAhliWaris), t(m)));
    }
    let keluarga: Vec<String> = d
        .dpcp
        .keluarga
        .iter()
        .map(|a| format!("{} ({})", a.nama, a.hubungan))
        .collect();
    out.push((
        b.t(Teks::PensiunKeluarga),
        if keluarga.is_empty() {
            "—".into()
        } else {
            keluarga.join(", ")
        },
    ));
    Ok(out)
}

async fn kasus_untuk(state: &AppState, m: &Masuk, id: Uuid) -> Result<KasusLayanan, WebError> {
    kasus::kasus(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())
}

/// `GET /layanan/{id}`.
pub async fn detail(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, WebError> {
    let k = kasus_untuk(&state, &m, id).await?;
    let info = q.contains_key("ok").then_some(Teks::LayananTersimpan);
    tampilkan(&state, &m, k, Vec::new(), info).await
}

/// After a step: the page again, with what happened.
async fn sesudah(
    state: &AppState,
    m: &Masuk,
    id: Uuid,
    hasil: HasilLangkah,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let k = kasus_untuk(state, m, id).await?;
    match hasil {
        HasilLangkah::Berhasil(_) => {
            // A step that takes the case out of the reader's hands goes back to the queue.
            Ok(Redirect::to(&format!("/layanan/{id}?ok=1")).into_response())
        }
        HasilLangkah::SudahBerubah => {
            tampilkan(
                state,
                m,
                k,
                vec![b.t(Teks::LayananSudahBerubah).to_string()],
                None,
            )
            .await
        }
        HasilLangkah::Ditolak(e) => tampilkan(state, m, k, vec![b.jelaskan(&e)], None).await,
    }
}

/// `POST /layanan/{id}/langkah`: a step (`langkah`, `versi`, `alasan`).
pub async fn langkah(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let versi: i64 = get("versi")
        .parse()
        .map_err(|_| WebError::TidakValid(b, Teks::FormTidakValid))?;
    let l =
        Langkah::from_kode(get("langkah")).ok_or(WebError::TidakValid(b, Teks::FormTidakValid))?;
    let alasan: String = get("alasan").trim().chars().take(1000).collect();
    let alasan = (!alasan.is_empty()).then_some(alasan);
    // The passphrase is passed on and never kept or logged.
    let frasa = get("frasa");
    let app = state.app();
    let aktor = m.aktor();
    let hasil = match l {
        Langkah::TerbitkanPertek => kasus::terbitkan_pertek(app, &aktor, id, versi, frasa).await,
        Langkah::TandatanganiSk => kasus::tandatangani_sk(app, &aktor, id, versi, frasa).await,
        Langkah::TandatanganiSkAsal => {
            kasus::pindah::tandatangani_sk_asal(app, &aktor, id, versi, frasa).await
        }
        l => kasus::langkah(app, &aktor, id, versi, l, alasan.as_deref()).await,
    }
    .dalam(b)?;
    sesudah(&state, &m, id, hasil).await
}

/// `POST /layanan/{id}/lampiran` (multipart): archive documents chosen (`arsip`) and new
/// uploads (`berkas` with `jenis_dokumen`).
pub async fn lampirkan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let arsip: Vec<Uuid> = f
        .semua("arsip")
        .iter()
        .filter_map(|v| Uuid::parse_str(v).ok())
        .collect();
    let jenis = f.satu("jenis_dokumen").to_string();
    let unggahan: Vec<Unggahan> = f
        .berkas
        .iter()
        .filter(|(_, _, isi)| !isi.is_empty())
        .map(|(_, nama, isi)| Unggahan {
            nama_file: nama.clone(),
            jenis_dokumen_id: jenis.clone(),
            isi: isi.clone(),
        })
        .collect();
    let hasil = kasus::lampirkan(state.app(), &m.aktor(), id, &arsip, &unggahan)
        .await
        .dalam(b)?;
    let k = kasus_untuk(&state, &m, id).await?;
    match hasil {
        Ok(()) => Ok(Redirect::to(&format!("/layanan/{}", k.id)).into_response()),
        Err(kasus::LampiranDitolak::JenisTidakSesuai) => {
            let galat =
                vec![b.jelaskan(&siasn_domain::layanan::LangkahDitolak::JenisDokumenTidakSesuai)];
            tampilkan(&state, &m, k, galat, None).await
        }
        Err(kasus::LampiranDitolak::Berkas(masalah)) => {
            let galat = masalah.iter().map(|x| b.jelaskan(x)).collect();
            tampilkan(&state, &m, k, galat, None).await
        }
    }
}

/// `POST /layanan/{id}/lepas`: detach one document.
pub async fn lepas(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let dok = Uuid::parse_str(get("dokumen"))
        .map_err(|_| WebError::TidakValid(b, Teks::FormTidakValid))?;
    kasus::lepas(state.app(), &m.aktor(), id, dok)
        .await
        .dalam(b)?;
    Ok(Redirect::to(&format!("/layanan/{id}")).into_response())
}

/// `POST /layanan/{id}/sk` (multipart): an SK signed outside the system.
pub async fn unggah_sk(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let tanggal = NaiveDate::parse_from_str(f.satu("tanggal_sk"), "%Y-%m-%d").ok();
    let (nama, isi) = f
        .berkas
        .first()
        .map(|(_, n, i)| (n.as_str(), i.as_slice()))
        .unwrap_or(("", &[]));
    let hasil = kasus::unggah_sk(
        state.app(),
        &m.aktor(),
        id,
        f.satu("nomor_sk"),
        tanggal,
        nama,
        isi,
    )
    .await
    .dalam(b)?;
    match hasil {
        Ok(h) => sesudah(&state, &m, id, h).await,
        Err(masalah) => {
            let k = kasus_untuk(&state, &m, id).await?;
            tampilkan(&state, &m, k, vec![b.jelaskan(&masalah)], None).await
        }
    }
}

/// `GET /layanan/{id}/dokumen/{dok}`: a document of the case (attached, pertek or SK).
pub async fn dokumen(
    State(state): State<AppState>,
    m: Masuk,
    Param((id, dok)): Param<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let k = kasus_untuk(&state, &m, id).await?;
    let milik = k.pertek.as_ref().and_then(|s| s.dokumen_id) == Some(dok)
        || k.sk.as_ref().and_then(|s| s.dokumen_id) == Some(dok)
        || k.pindah()
            .and_then(|d| d.sk_asal.as_ref())
            .and_then(|s| s.dokumen_id)
            == Some(dok)
        || state
            .store()
            .lampiran_layanan(k.id)
            .await?
            .iter()
            .any(|l| l.dokumen_id == dok);
    if !milik {
        return Err(WebError::TidakDitemukan);
    }
    let d = state.store().dokumen_milik(dok, k.pegawai_id).await?;
    let isi = state.store().isi_dokumen(&d).await?;
    Ok(crate::infra::formulir::dokumen_inline(isi, &d.media_type))
}
