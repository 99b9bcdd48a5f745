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
    menu: crate::infra::menu::Menu,
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
    pub(super) jenis: String,
    #[serde(default)]
    pub(super) riwayat: Option<Uuid>,
    #[serde(default)]
    pub(super) hapus: Option<String>,
    #[serde(default)]
    pub(super) pegawai: Option<Uuid>,
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
        menu: m.menu(state).await?,
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
