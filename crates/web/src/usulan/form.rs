//! The proposal form: any section of the record, new or revised, with its documents.

use super::*;
use crate::infra::konteks::Param;

/// One field of the form, ready to render.
pub struct Bidang {
    pub(super) kunci: String,
    pub(super) label: String,
    pub(super) tipe: &'static str,
    pub(super) nilai: String,
    pub(super) pilihan: Vec<(String, String)>,
    pub(super) wajib: bool,
}

#[derive(Template)]
#[template(path = "usulan_form.html")]
pub(super) struct FormPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    judul: String,
    aksi_url: String,
    jenis: String,
    riwayat_id: String,
    hapus: bool,
    pegawai_param: String,
    nama_pegawai: String,
    bidang: Vec<Bidang>,
    jenis_dokumen: Vec<(String, String)>,
    dokumen_wajib: Vec<String>,
    arsip: Vec<(Uuid, String)>,
    catatan: String,
    galat: Vec<String>,
    peringatan: Vec<String>,
    kunci_kirim: String,
    batas_mb: String,
}

/// What the form is for (query of GET /usulan/baru, hidden fields of the POST).
#[derive(Deserialize, Default, Clone)]
pub struct TujuanForm {
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    riwayat: Option<Uuid>,
    #[serde(default)]
    hapus: Option<String>,
    #[serde(default)]
    pegawai: Option<Uuid>,
}

/// The employee a form is for: the reader, or (for an operator) an employee in their agency.
pub(super) async fn sasaran(
    state: &AppState,
    m: &Masuk,
    pegawai: Option<Uuid>,
) -> Result<Pegawai, WebError> {
    Ok(kasus::sasaran(state.app(), &m.aktor(), pegawai)
        .await
        .dalam(m.bahasa())?
        .0)
}

pub(super) async fn pilihan_ref(
    state: &AppState,
    tipe: Tipe,
) -> Result<Vec<(String, String)>, WebError> {
    Ok(match tipe {
        Tipe::Ref("tingkat-pendidikan") | Tipe::RefOps("tingkat-pendidikan") => state
            .store()
            .tingkat_pendidikan()
            .await?
            .into_iter()
            .map(|t| (t.id, t.nama))
            .collect(),
        Tipe::Ref(k) | Tipe::RefOps(k) => state
            .store()
            .referensi(k)
            .await?
            .into_iter()
            .map(|r| (r.id.clone(), format!("{} — {}", r.id, r.nama)))
            .collect(),
        Tipe::Pilihan(p) => p
            .iter()
            .map(|(v, l)| ((*v).to_string(), (*l).to_string()))
            .collect(),
        Tipe::Golongan | Tipe::GolonganOps => isian::pilihan_golongan()
            .into_iter()
            .map(|(v, l)| (v, l.to_string()))
            .collect(),
        _ => Vec::new(),
    })
}

pub(super) async fn bidang_riwayat(
    state: &AppState,
    b: Bahasa,
    jenis: JenisRiwayat,
    nilai: &BTreeMap<String, String>,
) -> Result<Vec<Bidang>, WebError> {
    let mut out = Vec::new();
    for i in isian::isian(jenis) {
        let tipe = match i.tipe {
            Tipe::Tanggal | Tipe::TanggalOps => "date",
            Tipe::Bulat | Tipe::Desimal | Tipe::DesimalOps => "number",
            Tipe::YaTidak => "checkbox",
            Tipe::Pilihan(_)
            | Tipe::Ref(_)
            | Tipe::RefOps(_)
            | Tipe::Golongan
            | Tipe::GolonganOps => "select",
            Tipe::Teks | Tipe::TeksOps => "text",
        };
        out.push(Bidang {
            kunci: i.kunci.to_string(),
            label: b.jelaskan(i),
            tipe,
            nilai: nilai.get(i.kunci).cloned().unwrap_or_default(),
            pilihan: pilihan_ref(state, i.tipe).await?,
            wajib: !i.tipe.opsional() && i.tipe != Tipe::YaTidak,
        });
    }
    Ok(out)
}

pub(super) async fn bidang_data_utama(
    state: &AppState,
    b: Bahasa,
    p: &Pegawai,
    nilai: &BTreeMap<String, String>,
) -> Result<Vec<Bidang>, WebError> {
    let mut out = Vec::new();
    for k in KolomDataUtama::SEMUA {
        let pilihan = match k {
            KolomDataUtama::AgamaId => pilihan_ref(state, Tipe::Ref("agama")).await?,
            KolomDataUtama::JenisKawinId => pilihan_ref(state, Tipe::Ref("jenis-kawin")).await?,
            KolomDataUtama::UnorId => state
                .store()
                .unor_instansi(&p.instansi_kerja_id)
                .await?
                .into_iter()
                .map(|u| (u.id.to_string(), u.nama))
                .collect(),
            _ => Vec::new(),
        };
        // Sensitive numbers are not echoed into the form; an empty field means "unchanged".
        let kini = if k.sensitif() { None } else { k.nilai(p) };
        out.push(Bidang {
            kunci: k.kode().to_string(),
            label: b.jelaskan(&k),
            tipe: if pilihan.is_empty() { "text" } else { "select" },
            nilai: nilai.get(k.kode()).cloned().or(kini).unwrap_or_default(),
            pilihan,
            wajib: false,
        });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn render_form(
    state: &AppState,
    m: &Masuk,
    tujuan: &TujuanForm,
    pegawai: &Pegawai,
    aksi_url: String,
    nilai: &BTreeMap<String, String>,
    catatan: &str,
    galat: Vec<String>,
    peringatan: Vec<String>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let hapus = tujuan.hapus.is_some();
    let (judul, bidang, perubahan_contoh) = if tujuan.jenis == "data_utama" {
        (
            b.t(Teks::DataUtama).to_string(),
            bidang_data_utama(state, b, pegawai, nilai).await?,
            Some(Perubahan::DataUtama {
                nilai: BTreeMap::from([(KolomDataUtama::Nama, None)]),
            }),
        )
    } else {
        let jenis = JenisRiwayat::from_kode(&tujuan.jenis)
            .filter(|j| j.berlaku_untuk(pegawai.jenis_pegawai))
            .ok_or(WebError::TidakValid(b, Teks::FormTidakValid))?;
        let judul = b.t(siasn_teks::judul_riwayat(jenis)).to_string();
        let bidang = if hapus {
            Vec::new()
        } else {
            bidang_riwayat(state, b, jenis, nilai).await?
        };
        (judul, bidang, None)
    };
    let kewenangan = state.store().kewenangan().await?;
    let dokumen_wajib = match (&perubahan_contoh, JenisRiwayat::from_kode(&tujuan.jenis)) {
        (Some(p), _) => p.dokumen_wajib(&kewenangan),
        (None, Some(j)) if !hapus => kewenangan
            .iter()
            .find(|k| k.jenis_riwayat == j)
            .map(|k| k.dokumen_wajib.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let ref_dok = state.store().referensi("ref-dokumen").await?;
    let nama_dok = |id: &str| {
        ref_dok
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.nama.clone())
    };
    let arsip = state
        .store()
        .dokumen_pegawai(pegawai.id)
        .await?
        .into_iter()
        .take(50)
        .map(|d| {
            let label = format!("{} ({})", d.nama_file, nama_dok(&d.jenis_dokumen_id));
            (d.id, label)
        })
        .collect();
    let page = FormPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        judul,
        aksi_url,
        jenis: tujuan.jenis.clone(),
        riwayat_id: tujuan.riwayat.map(|r| r.to_string()).unwrap_or_default(),
        hapus,
        pegawai_param: tujuan.pegawai.map(|p| p.to_string()).unwrap_or_default(),
        nama_pegawai: pegawai.nama_lengkap(),
        bidang,
        jenis_dokumen: ref_dok
            .iter()
            .map(|r| (r.id.clone(), r.nama.clone()))
            .collect(),
        dokumen_wajib: dokumen_wajib.iter().map(|d| nama_dok(d)).collect(),
        arsip,
        catatan: catatan.to_string(),
        kunci_kirim: Uuid::new_v4().simple().to_string(),
        batas_mb: batas_mb(state),
        galat,
        peringatan,
    };
    let status = if page.galat.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// GET /usulan/baru: the form for a change of one kind.
pub async fn form_baru(
    State(state): State<AppState>,
    m: Masuk,
    Query(tujuan): Query<TujuanForm>,
) -> Result<Response, WebError> {
    let pegawai = sasaran(&state, &m, tujuan.pegawai).await?;
    let nilai = match tujuan.riwayat {
        Some(rid) => {
            let rows = state.store().riwayat_pegawai(pegawai.id, None).await?;
            let row = rows
                .iter()
                .find(|r| r.id == rid)
                .ok_or(WebError::TidakDitemukan)?;
            isian::tulis(&row.data)
        }
        None => BTreeMap::new(),
    };
    render_form(
        &state,
        &m,
        &tujuan,
        &pegawai,
        "/usulan".into(),
        &nilai,
        "",
        Vec::new(),
        Vec::new(),
    )
    .await
}

/// The change a form describes, with the values as typed (to re-show on error).
pub(super) fn perubahan_dari_form(
    f: &FormMultipart,
    tujuan: &TujuanForm,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    b: Bahasa,
) -> (BTreeMap<String, String>, Result<Perubahan, Vec<String>>) {
    let nilai = f.dengan_awalan("f_");
    if tujuan.jenis == "data_utama" {
        let mut map = BTreeMap::new();
        for k in KolomDataUtama::SEMUA {
            let Some(v) = nilai.get(k.kode()).map(|s| s.trim().to_string()) else {
                continue;
            };
            // Only what differs from the record is proposed; sensitive fields start empty.
            if v.is_empty() && k.sensitif() {
                continue;
            }
            let baru = (!v.is_empty()).then_some(v);
            if baru != k.nilai(pegawai) {
                map.insert(k, baru);
            }
        }
        let hasil = if map.is_empty() {
            Err(vec![b.t(Teks::TanpaPerubahan).to_string()])
        } else {
            Ok(Perubahan::DataUtama { nilai: map })
        };
        return (nilai, hasil);
    }
    let Some(jenis) = JenisRiwayat::from_kode(&tujuan.jenis) else {
        return (nilai, Err(vec![b.t(Teks::FormTidakValid).to_string()]));
    };
    if tujuan.hapus.is_some() {
        let hasil = tujuan
            .riwayat
            .map(|riwayat_id| Perubahan::HapusRiwayat { riwayat_id, jenis })
            .ok_or_else(|| vec![b.t(Teks::FormTidakValid).to_string()]);
        return (nilai, hasil);
    }
    let dasar = tujuan
        .riwayat
        .and_then(|id| riwayat.iter().find(|r| r.id == id))
        .map(|r| &r.data);
    let hasil = match isian::baca(jenis, &nilai, dasar) {
        Ok(data) => Ok(match tujuan.riwayat {
            Some(riwayat_id) => Perubahan::UbahRiwayat { riwayat_id, data },
            None => Perubahan::TambahRiwayat { data },
        }),
        Err(e) => Err(e
            .into_iter()
            .map(|x| {
                let label = isian::isian(jenis)
                    .iter()
                    .find(|i| i.kunci == x.kunci)
                    .map_or(String::new(), |i| format!("{}: ", b.jelaskan(i)));
                format!("{label}{}", b.jelaskan(&x))
            })
            .collect()),
    };
    (nilai, hasil)
}

/// The documents of a submitted form: uploaded files (`dokumen_N` with `jenis_dokumen_N`)
/// and archive documents (`arsip`).
fn dokumen_form(f: &FormMultipart) -> (Vec<Unggahan>, Vec<Uuid>) {
    let unggahan = f
        .berkas
        .iter()
        .filter_map(|(nama, file, isi)| {
            let no = nama.strip_prefix("dokumen_")?;
            Some(Unggahan {
                nama_file: file.clone(),
                jenis_dokumen_id: f.satu(&format!("jenis_dokumen_{no}")).to_string(),
                isi: isi.clone(),
            })
        })
        .collect();
    // An archive id that is not a UUID is a forged form: refused like any foreign document.
    let arsip = f
        .semua("arsip")
        .iter()
        .map(|s| Uuid::parse_str(s).unwrap_or(Uuid::nil()))
        .collect();
    (unggahan, arsip)
}

/// A form's own problems (an oversized file, values that do not make a change), shown together
/// with what the rules find on the change when there is one.
async fn galat_form(
    state: &AppState,
    m: &Masuk,
    f: &FormMultipart,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    perubahan: &Result<Perubahan, Vec<String>>,
    catatan: &str,
) -> Result<(Vec<String>, Vec<String>), WebError> {
    let b = m.bahasa();
    let mut galat = Vec::new();
    if f.terlalu_besar {
        galat.push(pesan_terlalu_besar(state, b));
    }
    let mut peringatan = Vec::new();
    match perubahan {
        Ok(p) => {
            let d = kasus::periksa(state.app(), pegawai, riwayat, p, Some(catatan))
                .await
                .dalam(b)?;
            galat.extend(d.masalah.iter().map(|x| b.jelaskan(x)));
            peringatan.extend(d.peringatan.iter().map(|x| b.jelaskan(x)));
        }
        Err(e) => galat.extend(e.iter().cloned()),
    }
    Ok((galat, peringatan))
}

fn jelaskan_ditolak(b: Bahasa, d: &Ditolak) -> (Vec<String>, Vec<String>) {
    (
        d.masalah.iter().map(|x| b.jelaskan(x)).collect(),
        d.peringatan.iter().map(|x| b.jelaskan(x)).collect(),
    )
}

/// POST /usulan: saves a draft or submits.
pub async fn buat(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let tujuan = TujuanForm {
        jenis: f.satu("jenis").to_string(),
        riwayat: Uuid::parse_str(f.satu("riwayat")).ok(),
        hapus: (!f.satu("hapus").is_empty()).then(|| "1".to_string()),
        pegawai: Uuid::parse_str(f.satu("pegawai")).ok(),
    };
    let pegawai = sasaran(&state, &m, tujuan.pegawai).await?;
    let riwayat = state.store().riwayat_pegawai(pegawai.id, None).await?;
    let (nilai, perubahan) = perubahan_dari_form(&f, &tujuan, &pegawai, &riwayat, b);
    let catatan: String = f.satu("catatan").trim().chars().take(1000).collect();
    let ulang = |galat: Vec<String>, peringatan: Vec<String>| {
        render_form(
            &state,
            &m,
            &tujuan,
            &pegawai,
            "/usulan".into(),
            &nilai,
            &catatan,
            galat,
            peringatan,
        )
    };
    let perubahan = match perubahan {
        Ok(p) if !f.terlalu_besar => p,
        lain => {
            let (galat, peringatan) =
                galat_form(&state, &m, &f, &pegawai, &riwayat, &lain, &catatan).await?;
            return ulang(galat, peringatan).await;
        }
    };
    let (unggahan, arsip) = dokumen_form(&f);
    let isi = Isi {
        perubahan,
        catatan: Some(catatan.clone()),
        unggahan,
        arsip,
    };
    let kirim = f.satu("aksi") == "ajukan";
    let hasil = kasus::ajukan(
        state.app(),
        &m.aktor(),
        tujuan.pegawai,
        isi,
        kirim,
        Some(f.satu("kunci_kirim")),
    )
    .await
    .dalam(b)?;
    match hasil {
        Ok(id) => Ok(Redirect::to(&format!("/usulan/{id}")).into_response()),
        Err(d) => {
            let (galat, peringatan) = jelaskan_ditolak(b, &d);
            ulang(galat, peringatan).await
        }
    }
}

/// GET /usulan/{id}/revisi: the form again, prefilled, for a draft or a returned proposal.
pub async fn form_revisi(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let u = usulan_untuk(&state, &m, id).await?;
    if boleh_langkah_pengusul(
        LangkahPengusul::Ubah,
        u.status,
        m.akun.id == u.pengusul_akun_id,
    )
    .is_err()
    {
        return Err(WebError::Dilarang(b));
    }
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let (tujuan, nilai) = tujuan_dari_usulan(&u);
    let mut galat = Vec::new();
    for j in state.store().jejak_usulan(id).await?.into_iter().rev() {
        if j.langkah == "KEMBALIKAN" {
            galat.push(format!(
                "{}: {}",
                b.t(Teks::AlasanBts),
                j.alasan.unwrap_or_default()
            ));
            break;
        }
    }
    let mut res = render_form(
        &state,
        &m,
        &tujuan,
        &pegawai,
        format!("/usulan/{id}/revisi"),
        &nilai,
        u.catatan.as_deref().unwrap_or(""),
        Vec::new(),
        galat,
    )
    .await?;
    *res.status_mut() = StatusCode::OK;
    Ok(res)
}

pub(super) fn tujuan_dari_usulan(u: &Usulan) -> (TujuanForm, BTreeMap<String, String>) {
    let pegawai = Some(u.pegawai_id);
    match &u.perubahan {
        Perubahan::DataUtama { nilai } => (
            TujuanForm {
                jenis: "data_utama".into(),
                riwayat: None,
                hapus: None,
                pegawai,
            },
            nilai
                .iter()
                .map(|(k, v)| (k.kode().to_string(), v.clone().unwrap_or_default()))
                .collect(),
        ),
        Perubahan::TambahRiwayat { data } => (
            TujuanForm {
                jenis: data.jenis().kode().into(),
                riwayat: None,
                hapus: None,
                pegawai,
            },
            isian::tulis(data),
        ),
        Perubahan::UbahRiwayat { riwayat_id, data } => (
            TujuanForm {
                jenis: data.jenis().kode().into(),
                riwayat: Some(*riwayat_id),
                hapus: None,
                pegawai,
            },
            isian::tulis(data),
        ),
        Perubahan::HapusRiwayat { riwayat_id, jenis } => (
            TujuanForm {
                jenis: jenis.kode().into(),
                riwayat: Some(*riwayat_id),
                hapus: Some("1".into()),
                pegawai,
            },
            BTreeMap::new(),
        ),
    }
}

/// POST /usulan/{id}/revisi: revised values and documents; resubmits a returned proposal.
pub async fn revisi(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let pengusul = m.akun.id == u.pengusul_akun_id;
    if boleh_langkah_pengusul(LangkahPengusul::Ubah, u.status, pengusul).is_err() {
        let galat = vec![b.t(Teks::UsulanBukanGiliran).to_string()];
        return halaman_detail(&state, &m, u, galat, None).await;
    }
    let (tujuan, _) = tujuan_dari_usulan(&u);
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let riwayat = state.store().riwayat_pegawai(u.pegawai_id, None).await?;
    let (nilai, perubahan) = perubahan_dari_form(&f, &tujuan, &pegawai, &riwayat, b);
    let catatan: String = f.satu("catatan").trim().chars().take(1000).collect();
    let aksi_url = format!("/usulan/{id}/revisi");
    let perubahan = match perubahan {
        Ok(p) if !f.terlalu_besar => p,
        lain => {
            let (galat, peringatan) =
                galat_form(&state, &m, &f, &pegawai, &riwayat, &lain, &catatan).await?;
            return render_form(
                &state, &m, &tujuan, &pegawai, aksi_url, &nilai, &catatan, galat, peringatan,
            )
            .await;
        }
    };
    let (unggahan, arsip) = dokumen_form(&f);
    let lepas: Vec<Uuid> = f
        .semua("lepas")
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect();
    let isi = Isi {
        perubahan,
        catatan: Some(catatan.clone()),
        unggahan,
        arsip,
    };
    let versi = f.satu("versi").parse().unwrap_or(u.versi);
    let kirim = f.satu("aksi") == "ajukan";
    let hasil = kasus::revisi(state.app(), &m.aktor(), &u, versi, isi, &lepas, kirim)
        .await
        .dalam(b)?;
    match hasil {
        HasilLangkah::Berhasil => Ok(Redirect::to(&format!("/usulan/{id}")).into_response()),
        HasilLangkah::Ditolak(d) => {
            let (galat, peringatan) = jelaskan_ditolak(b, &d);
            render_form(
                &state, &m, &tujuan, &pegawai, aksi_url, &nilai, &catatan, galat, peringatan,
            )
            .await
        }
        lain => hasil_langkah(&state, &m, id, lain).await,
    }
}
