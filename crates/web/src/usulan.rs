//! Peremajaan data over HTTP: proposing (own record, or an operator for the agency's
//! employees), the proposal page with before/after and documents, verifier decisions, the
//! queues, collective proposals and the operational view. Rules live in
//! `siasn_domain::usulan`; this module parses, authorises and renders.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use siasn_domain::akses::{Cakupan, LetakPegawai, Peran};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::TingkatPendidikan;
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::{JenisRiwayat, Riwayat};
use siasn_domain::usulan::berkas::{JenisBerkas, periksa_berkas};
use siasn_domain::usulan::isian::{self, Tipe};
use siasn_domain::usulan::kolektif::{self, BarisKolektif, JenisKolektif};
use siasn_domain::usulan::validasi::{self, Berat, KonteksValidasi, Temuan};
use siasn_domain::usulan::{
    Keputusan, KolomDataUtama, LangkahPengusul, Perubahan, PosisiUsulan, Sebelum, StatusUsulan,
    boleh_langkah_pengusul, boleh_memutuskan, status_setelah,
};
use siasn_store::usulan::{
    AktorUsulan, HasilPutusan, KolektifBaru, LangkahBaru, Putusan, Revisi, RingkasanUsulan, Usulan,
    UsulanBaru,
};
use siasn_store::{BlobRef, StoreError};
use uuid::Uuid;

use crate::bahasa::Bahasa;
use crate::konteks::{Masuk, periksa_csrf_sesi};
use crate::{AppState, WebError};

// ---------------------------------------------------------------------------------------------
// Reading a multipart form with size limits.

/// A multipart form: text fields (repeatable) and files, every file within the upload limit.
#[derive(Default)]
struct FormMultipart {
    teks: HashMap<String, Vec<String>>,
    berkas: Vec<(String, String, Vec<u8>)>,
    terlalu_besar: bool,
}

impl FormMultipart {
    fn satu(&self, nama: &str) -> &str {
        self.teks
            .get(nama)
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    fn semua(&self, nama: &str) -> &[String] {
        self.teks.get(nama).map_or(&[], Vec::as_slice)
    }
}

async fn baca_multipart(mut mp: Multipart, batas: usize) -> Result<FormMultipart, WebError> {
    let mut out = FormMultipart::default();
    let rusak = |_| WebError::TidakValid(Bahasa::default(), "form_tidak_valid");
    while let Some(mut field) = mp.next_field().await.map_err(rusak)? {
        let nama = field.name().unwrap_or_default().to_string();
        if let Some(file) = field.file_name().map(str::to_string) {
            let mut isi = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(rusak)? {
                if isi.len() + chunk.len() > batas {
                    // Keep reading nothing more of it; the form is answered with the limit.
                    out.terlalu_besar = true;
                    isi.clear();
                    break;
                }
                isi.extend_from_slice(&chunk);
            }
            if out.terlalu_besar {
                continue;
            }
            if !file.is_empty() || !isi.is_empty() {
                out.berkas.push((nama, file, isi));
            }
        } else {
            let v = field.text().await.map_err(rusak)?;
            if v.len() > 2_000_000 {
                return Err(WebError::TidakValid(Bahasa::default(), "form_tidak_valid"));
            }
            out.teks.entry(nama).or_default().push(v);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

fn aktor(state: &AppState, m: &Masuk) -> AktorUsulan {
    AktorUsulan {
        akun_id: m.akun.id,
        nama: m.akun.nama.clone(),
        alamat: Some(m.konteks.alamat.to_string()),
        url_dasar: state
            .konfigurasi()
            .url_publik
            .trim_end_matches('/')
            .to_string(),
    }
}

fn cakupan_staf(m: &Masuk) -> Vec<Cakupan> {
    m.pelaku
        .cakupan_baca()
        .into_iter()
        .filter(|c| !matches!(c, Cakupan::Diri(_)))
        .collect()
}

fn pesan(b: Bahasa, id: &str, en: &str) -> String {
    match b {
        Bahasa::Indonesia => id.to_string(),
        Bahasa::Inggris => en.to_string(),
    }
}

fn pesan_temuan(b: Bahasa, t: &Temuan) -> String {
    pesan(b, &t.pesan, &t.pesan_en)
}

fn label_jenis(b: Bahasa, kode: &str) -> String {
    let (aksi, jenis) = kode.split_once('.').unwrap_or(("", kode));
    let nama = match JenisRiwayat::from_kode(jenis) {
        Some(j) => b.t(crate::tampilan::kunci_judul(j)).to_string(),
        None => b.t("data_utama").to_string(),
    };
    match aksi {
        "tambah" => format!("{} · {}", b.t("aksi_tambah"), nama),
        "ubah" => format!("{} · {}", b.t("aksi_ubah"), nama),
        "hapus" => format!("{} · {}", b.t("aksi_hapus"), nama),
        _ => nama,
    }
}

fn label_status(b: Bahasa, s: StatusUsulan) -> &'static str {
    let (id, en) = s.label();
    match b {
        Bahasa::Indonesia => id,
        Bahasa::Inggris => en,
    }
}

fn umur(b: Bahasa, sejak: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let jam = (now - sejak).num_hours().max(0);
    if jam >= 48 {
        format!("{} {}", jam / 24, b.t("hari"))
    } else {
        format!("{jam} {}", b.t("jam_umur"))
    }
}

/// Reference data the checks read, loaded once per request: a collective list checks
/// thousands of rows against the same tables.
struct RefValidasi {
    pendidikan: Vec<TingkatPendidikan>,
    agama: Vec<String>,
    kawin: Vec<String>,
    /// Units by agency, for the agencies the request concerns.
    unor: HashMap<String, Vec<Uuid>>,
}

impl RefValidasi {
    async fn muat(state: &AppState, instansi: &[&str]) -> Result<Self, WebError> {
        let store = state.store();
        let kode = |r: Vec<siasn_domain::referensi::RefItem>| r.into_iter().map(|x| x.id).collect();
        let mut unor = HashMap::new();
        for i in instansi {
            let ids = store
                .unor_instansi(i)
                .await?
                .into_iter()
                .map(|u| u.id)
                .collect();
            unor.insert((*i).to_string(), ids);
        }
        Ok(Self {
            pendidikan: store.tingkat_pendidikan().await?,
            agama: kode(store.referensi("agama").await?),
            kawin: kode(store.referensi("jenis-kawin").await?),
            unor,
        })
    }

    /// Every finding on `perubahan` for this record.
    fn periksa(
        &self,
        hari_ini: chrono::NaiveDate,
        pegawai: &Pegawai,
        riwayat: &[Riwayat],
        perubahan: &Perubahan,
    ) -> Vec<Temuan> {
        let kode_sah = |kategori: &str, kode: &str| match kategori {
            "agama" => self.agama.iter().any(|r| r == kode),
            "jenis-kawin" => self.kawin.iter().any(|r| r == kode),
            _ => false,
        };
        let k = KonteksValidasi {
            hari_ini,
            pegawai,
            riwayat,
            pendidikan: &self.pendidikan,
            unor_instansi: self
                .unor
                .get(&pegawai.instansi_kerja_id)
                .map_or(&[], Vec::as_slice),
            kode_sah: &kode_sah,
        };
        validasi::periksa(perubahan, &k)
    }
}

/// The upload limit in MB, as shown on forms and in the size message.
fn batas_mb(state: &AppState) -> String {
    format!(
        "{:.1}",
        state.konfigurasi().batas_unggah as f64 / 1_048_576.0
    )
}

fn pesan_terlalu_besar(state: &AppState, b: Bahasa) -> String {
    b.t("berkas_terlalu_besar").replace("{}", &batas_mb(state))
}

/// An archive document for stored content. The stored name is ours: the uploader's file name
/// is only kept (cleaned) as a label, with the extension of the real type.
fn dokumen_baru(
    m: &Masuk,
    pegawai_id: Uuid,
    jenis_dokumen_id: &str,
    file: &str,
    jenis: JenisBerkas,
    blob: &BlobRef,
    now: DateTime<Utc>,
) -> Dokumen {
    let dasar: String = file
        .rsplit_once('.')
        .map_or(file, |(a, _)| a)
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .take(80)
        .collect();
    let dasar = dasar.trim();
    Dokumen {
        id: Uuid::now_v7(),
        pegawai_id,
        riwayat_id: None,
        jenis_dokumen_id: jenis_dokumen_id.to_string(),
        sha256: blob.sha256.clone(),
        nama_file: format!(
            "{}.{}",
            if dasar.is_empty() { "dokumen" } else { dasar },
            jenis.ekstensi()
        ),
        media_type: jenis.media_type().to_string(),
        ukuran: blob.ukuran,
        diunggah_pada: now,
        diunggah_oleh: format!("akun:{}", m.akun.id),
    }
}

/// Checks one uploaded file by content and stores its bytes (content-addressed, harmless
/// alone: nothing points at them until a proposal is saved).
async fn simpan_berkas(
    state: &AppState,
    b: Bahasa,
    file: &str,
    isi: &[u8],
) -> Result<Result<(JenisBerkas, BlobRef), String>, WebError> {
    match periksa_berkas(isi, state.konfigurasi().batas_unggah) {
        Ok(j) => Ok(Ok((
            j,
            state.store().simpan_blob(isi, j.media_type()).await?,
        ))),
        Err(e) => Ok(Err(format!(
            "{file}: {}",
            pesan(b, &e.to_string(), &e.pesan_en())
        ))),
    }
}

/// Checks the form's files (`dokumen_N` with `jenis_dokumen_N`) and stores them as archive
/// documents of `pegawai_id`; any problem goes to `galat` and nothing is returned.
async fn terima_berkas(
    state: &AppState,
    m: &Masuk,
    f: &FormMultipart,
    pegawai_id: Uuid,
    galat: &mut Vec<String>,
) -> Result<Vec<Dokumen>, WebError> {
    let b = m.konteks.bahasa;
    let jenis_dokumen: Vec<String> = state
        .store()
        .referensi("ref-dokumen")
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut terperiksa = Vec::new();
    for (nama, file, isi) in &f.berkas {
        let Some(no) = nama.strip_prefix("dokumen_") else {
            continue;
        };
        let jenis = f.satu(&format!("jenis_dokumen_{no}")).to_string();
        if !jenis_dokumen.contains(&jenis) {
            galat.push(format!("{}: {}", file, b.t("jenis_dokumen_wajib")));
            continue;
        }
        match periksa_berkas(isi, state.konfigurasi().batas_unggah) {
            Ok(_) => terperiksa.push((file, jenis, isi)),
            Err(e) => galat.push(format!(
                "{file}: {}",
                pesan(b, &e.to_string(), &e.pesan_en())
            )),
        }
    }
    if !galat.is_empty() {
        return Ok(Vec::new());
    }
    let now = state.jam().sekarang();
    let mut out = Vec::new();
    for (file, jenis, isi) in terperiksa {
        match simpan_berkas(state, b, file, isi).await? {
            Ok((j, blob)) => out.push(dokumen_baru(m, pegawai_id, &jenis, file, j, &blob, now)),
            Err(e) => galat.push(e),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The proposal form.

/// One field of the form, ready to render.
pub struct Bidang {
    kunci: String,
    label: String,
    tipe: &'static str,
    nilai: String,
    pilihan: Vec<(String, String)>,
    wajib: bool,
}

#[derive(Template)]
#[template(path = "usulan_form.html")]
struct FormPage<'a> {
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
async fn sasaran(
    state: &AppState,
    m: &Masuk,
    pegawai: Option<Uuid>,
) -> Result<(Pegawai, LetakPegawai), WebError> {
    let b = m.konteks.bahasa;
    let id = pegawai.or(m.akun.pegawai_id).ok_or(WebError::Dilarang(b))?;
    let letak = match state.store().letak_pegawai(id).await {
        Ok(l) => l,
        Err(StoreError::NotFound) => return Err(WebError::Dilarang(b)),
        Err(e) => return Err(e.into()),
    };
    if !m.pelaku.boleh_usul(&letak) {
        return Err(WebError::Dilarang(b));
    }
    Ok((state.store().pegawai(id).await?, letak))
}

async fn pilihan_ref(state: &AppState, tipe: Tipe) -> Result<Vec<(String, String)>, WebError> {
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

async fn bidang_riwayat(
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
            label: pesan(b, i.label, i.label_en),
            tipe,
            nilai: nilai.get(i.kunci).cloned().unwrap_or_default(),
            pilihan: pilihan_ref(state, i.tipe).await?,
            wajib: !i.tipe.opsional() && i.tipe != Tipe::YaTidak,
        });
    }
    Ok(out)
}

async fn bidang_data_utama(
    state: &AppState,
    b: Bahasa,
    p: &Pegawai,
    nilai: &BTreeMap<String, String>,
) -> Result<Vec<Bidang>, WebError> {
    let mut out = Vec::new();
    for k in KolomDataUtama::SEMUA {
        let (id, en) = k.label();
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
            label: pesan(b, id, en),
            tipe: if pilihan.is_empty() { "text" } else { "select" },
            nilai: nilai.get(k.kode()).cloned().or(kini).unwrap_or_default(),
            pilihan,
            wajib: false,
        });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
async fn render_form(
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
            b.t("data_utama").to_string(),
            bidang_data_utama(state, b, pegawai, nilai).await?,
            Some(Perubahan::DataUtama {
                nilai: BTreeMap::from([(KolomDataUtama::Nama, None)]),
            }),
        )
    } else {
        let jenis = JenisRiwayat::from_kode(&tujuan.jenis)
            .filter(|j| j.berlaku_untuk(pegawai.jenis_pegawai))
            .ok_or(WebError::TidakValid(b, "form_tidak_valid"))?;
        let judul = b.t(crate::tampilan::kunci_judul(jenis)).to_string();
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
    let (pegawai, _) = sasaran(&state, &m, tujuan.pegawai).await?;
    let nilai = match tujuan.riwayat {
        Some(rid) => {
            let rows = state.store().riwayat_pegawai(pegawai.id, None).await?;
            let row = rows
                .iter()
                .find(|r| r.id == rid)
                .ok_or(WebError::Store(StoreError::NotFound))?;
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
fn perubahan_dari_form(
    f: &FormMultipart,
    tujuan: &TujuanForm,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    b: Bahasa,
) -> (BTreeMap<String, String>, Result<Perubahan, Vec<String>>) {
    let nilai: BTreeMap<String, String> = f
        .teks
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("f_")?.to_string(), v.first()?.clone())))
        .collect();
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
            Err(vec![b.t("tanpa_perubahan").to_string()])
        } else {
            Ok(Perubahan::DataUtama { nilai: map })
        };
        return (nilai, hasil);
    }
    let Some(jenis) = JenisRiwayat::from_kode(&tujuan.jenis) else {
        return (nilai, Err(vec![b.t("form_tidak_valid").to_string()]));
    };
    if tujuan.hapus.is_some() {
        let hasil = tujuan
            .riwayat
            .map(|riwayat_id| Perubahan::HapusRiwayat { riwayat_id, jenis })
            .ok_or_else(|| vec![b.t("form_tidak_valid").to_string()]);
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
                    .map_or(String::new(), |i| {
                        format!("{}: ", pesan(b, i.label, i.label_en))
                    });
                format!("{label}{}", pesan(b, &x.pesan, &x.pesan_en))
            })
            .collect()),
    };
    (nilai, hasil)
}

/// A submitted proposal form, checked: the change, every finding, and the stored documents.
struct Kiriman {
    nilai: BTreeMap<String, String>,
    catatan: String,
    ajukan: bool,
    perubahan: Option<Perubahan>,
    temuan: Vec<Temuan>,
    galat: Vec<String>,
    peringatan: Vec<String>,
    dokumen_baru: Vec<Dokumen>,
    dokumen_arsip: Vec<Uuid>,
}

impl Kiriman {
    fn peringatan_saja(&self) -> Vec<Temuan> {
        self.temuan
            .iter()
            .filter(|t| t.berat == Berat::Peringatan)
            .cloned()
            .collect()
    }
}

/// Reads and checks a proposal form (new, or a revision keeping the attachments whose
/// document types are `terlampir`): values, rules, files, archive documents, required documents.
/// Files are stored only when everything else is right.
async fn periksa_kiriman(
    state: &AppState,
    m: &Masuk,
    f: &FormMultipart,
    tujuan: &TujuanForm,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    terlampir: Vec<String>,
) -> Result<Kiriman, WebError> {
    let b = m.konteks.bahasa;
    let (nilai, perubahan) = perubahan_dari_form(f, tujuan, pegawai, riwayat, b);
    let catatan: String = f.satu("catatan").trim().chars().take(1000).collect();
    let ajukan = f.satu("aksi") == "ajukan";
    let mut galat = Vec::new();
    if f.terlalu_besar {
        galat.push(pesan_terlalu_besar(state, b));
    }
    let perubahan = perubahan.map_err(|e| galat.extend(e)).ok();
    let mut peringatan = Vec::new();
    let mut temuan = Vec::new();
    if let Some(p) = &perubahan {
        let refs = RefValidasi::muat(state, &[pegawai.instansi_kerja_id.as_str()]).await?;
        temuan = refs.periksa(state.jam().sekarang().date_naive(), pegawai, riwayat, p);
        for t in &temuan {
            match t.berat {
                Berat::Galat => galat.push(pesan_temuan(b, t)),
                Berat::Peringatan => peringatan.push(pesan_temuan(b, t)),
            }
        }
        if matches!(p, Perubahan::HapusRiwayat { .. }) && catatan.is_empty() {
            galat.push(b.t("alasan_hapus_wajib").to_string());
        }
    }
    // Archive documents must be the employee's own: anything else is a forged form.
    let arsip_pegawai: Vec<Dokumen> = state.store().dokumen_pegawai(pegawai.id).await?;
    let mut dokumen_arsip = Vec::new();
    for s in f.semua("arsip") {
        match Uuid::parse_str(s)
            .ok()
            .filter(|id| arsip_pegawai.iter().any(|d| d.id == *id))
        {
            Some(id) => dokumen_arsip.push(id),
            None => return Err(WebError::Dilarang(b)),
        }
    }
    let dokumen_baru = if galat.is_empty() {
        terima_berkas(state, m, f, pegawai.id, &mut galat).await?
    } else {
        Vec::new()
    };
    if let Some(p) = &perubahan
        && ajukan
        && galat.is_empty()
    {
        let kewenangan = state.store().kewenangan().await?;
        let jenis: Vec<String> = terlampir
            .into_iter()
            .chain(dokumen_baru.iter().map(|d| d.jenis_dokumen_id.clone()))
            .chain(
                arsip_pegawai
                    .iter()
                    .filter(|d| dokumen_arsip.contains(&d.id))
                    .map(|d| d.jenis_dokumen_id.clone()),
            )
            .collect();
        if !p.dokumen_cukup(&kewenangan, &jenis) {
            galat.push(b.t("dokumen_wajib_kurang").to_string());
        }
    }
    Ok(Kiriman {
        nilai,
        catatan,
        ajukan,
        perubahan,
        temuan,
        galat,
        peringatan,
        dokumen_baru,
        dokumen_arsip,
    })
}

/// POST /usulan: saves a draft or submits.
pub async fn buat(
    State(state): State<AppState>,
    m: Masuk,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let tujuan = TujuanForm {
        jenis: f.satu("jenis").to_string(),
        riwayat: Uuid::parse_str(f.satu("riwayat")).ok(),
        hapus: (!f.satu("hapus").is_empty()).then(|| "1".to_string()),
        pegawai: Uuid::parse_str(f.satu("pegawai")).ok(),
    };
    let (pegawai, letak) = sasaran(&state, &m, tujuan.pegawai).await?;
    let riwayat = state.store().riwayat_pegawai(pegawai.id, None).await?;
    let k = periksa_kiriman(&state, &m, &f, &tujuan, &pegawai, &riwayat, Vec::new()).await?;
    let peringatan = k.peringatan_saja();
    let (Some(perubahan), true) = (k.perubahan, k.galat.is_empty()) else {
        return render_form(
            &state,
            &m,
            &tujuan,
            &pegawai,
            "/usulan".into(),
            &k.nilai,
            &k.catatan,
            k.galat,
            k.peringatan,
        )
        .await;
    };
    let sebelum = perubahan
        .sebelum(&pegawai, &riwayat)
        .map_err(|_| WebError::TidakValid(b, "form_tidak_valid"))?;
    let kewenangan = state.store().kewenangan().await?;
    let kunci = f.satu("kunci_kirim").trim();
    let baru = UsulanBaru {
        id: Uuid::now_v7(),
        kunci_kirim: (!kunci.is_empty()).then(|| format!("{}:{kunci}", m.akun.id)),
        pegawai_id: pegawai.id,
        instansi_id: letak.instansi_id.clone(),
        kanreg_id: letak.kanreg_id.clone(),
        rute: perubahan.rute(&kewenangan),
        perubahan,
        sebelum,
        catatan: (!k.catatan.is_empty()).then_some(k.catatan),
        peringatan,
        status: if k.ajukan {
            StatusUsulan::Diajukan
        } else {
            StatusUsulan::Draf
        },
        dokumen_baru: k.dokumen_baru,
        dokumen_arsip: k.dokumen_arsip,
    };
    let ids = state
        .store()
        .simpan_usulan(&[baru], None, &aktor(&state, &m), state.jam().sekarang())
        .await?;
    state.bangunkan_surel();
    let id = ids.first().copied().unwrap_or_default();
    Ok(Redirect::to(&format!("/usulan/{id}")).into_response())
}

// ---------------------------------------------------------------------------------------------
// The proposal page.

/// A before/after row.
pub struct BarisBanding {
    label: String,
    dulu: String,
    baru: String,
    berubah: bool,
}

#[derive(Template)]
#[template(path = "usulan_detail.html")]
struct DetailPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    u: Usulan,
    judul: String,
    status: &'static str,
    nama_pegawai: String,
    nip: String,
    banding: Vec<BarisBanding>,
    peringatan: Vec<String>,
    lampiran: Vec<(Uuid, String, String, bool, bool)>,
    jejak: Vec<(String, String, String, String)>,
    boleh_putus: bool,
    boleh_batal: bool,
    boleh_ajukan: bool,
    boleh_revisi: bool,
    galat: Vec<String>,
    info: Option<&'static str>,
}

fn banding(b: Bahasa, u: &Usulan) -> Vec<BarisBanding> {
    let baris = |label: String, dulu: String, baru: String| BarisBanding {
        berubah: dulu != baru,
        label,
        dulu,
        baru,
    };
    match (&u.perubahan, &u.sebelum) {
        (Perubahan::DataUtama { nilai }, Sebelum::DataUtama(lama)) => nilai
            .iter()
            .map(|(k, v)| {
                let (id, en) = k.label();
                baris(
                    pesan(b, id, en),
                    lama.get(k).cloned().flatten().unwrap_or_default(),
                    v.clone().unwrap_or_default(),
                )
            })
            .collect(),
        (Perubahan::TambahRiwayat { data } | Perubahan::UbahRiwayat { data, .. }, lama) => {
            let sesudah = isian::tulis(data);
            let sebelum = match lama {
                Sebelum::Riwayat(r) => isian::tulis(r),
                _ => BTreeMap::new(),
            };
            isian::isian(data.jenis())
                .iter()
                .map(|i| {
                    let tampil = |m: &BTreeMap<String, String>| {
                        tampil_nilai(i.tipe, m.get(i.kunci).map_or("", String::as_str))
                    };
                    baris(
                        pesan(b, i.label, i.label_en),
                        tampil(&sebelum),
                        tampil(&sesudah),
                    )
                })
                .collect()
        }
        (Perubahan::HapusRiwayat { .. }, Sebelum::Riwayat(r)) => isian::tulis(r)
            .into_iter()
            .map(|(k, v)| {
                let label = isian::isian(r.jenis())
                    .iter()
                    .find(|i| i.kunci == k)
                    .map_or(k.clone(), |i| pesan(b, i.label, i.label_en));
                baris(label, v, String::new())
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A field's value as people read it: "III/d" rather than 34, "Di atas ekspektasi" rather than
/// a variant name.
fn tampil_nilai(tipe: Tipe, v: &str) -> String {
    match tipe {
        Tipe::Golongan | Tipe::GolonganOps => v
            .parse::<u8>()
            .ok()
            .and_then(siasn_domain::Golongan::from_id)
            .map_or_else(
                || v.to_string(),
                |g| format!("{} ({})", g.label(), g.pangkat()),
            ),
        Tipe::Pilihan(p) => p
            .iter()
            .find(|(k, _)| *k == v)
            .map_or_else(|| v.to_string(), |(_, l)| (*l).to_string()),
        Tipe::YaTidak => if v.is_empty() { "—" } else { "✓" }.to_string(),
        _ => v.to_string(),
    }
}

fn posisi(u: &Usulan) -> PosisiUsulan {
    PosisiUsulan {
        status: u.status,
        pegawai: LetakPegawai {
            pegawai_id: u.pegawai_id,
            instansi_id: u.instansi_id.clone(),
            kanreg_id: u.kanreg_id.clone(),
        },
        pengusul_akun_id: u.pengusul_akun_id,
        rute: u.rute,
    }
}

async fn usulan_untuk(state: &AppState, m: &Masuk, id: Uuid) -> Result<Usulan, WebError> {
    Ok(state
        .store()
        .usulan_terlihat(id, m.akun.id, &m.pelaku.cakupan_baca())
        .await?)
}

async fn halaman_detail(
    state: &AppState,
    m: &Masuk,
    u: Usulan,
    galat: Vec<String>,
    info: Option<&'static str>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let pengusul = m.akun.id == u.pengusul_akun_id;
    let ref_dok = state.store().referensi("ref-dokumen").await?;
    let lampiran = state
        .store()
        .lampiran_usulan(u.id)
        .await?
        .into_iter()
        .map(|l| {
            let jenis = ref_dok
                .iter()
                .find(|r| r.id == l.dokumen.jenis_dokumen_id)
                .map_or_else(|| l.dokumen.jenis_dokumen_id.clone(), |r| r.nama.clone());
            (
                l.dokumen.id,
                l.dokumen.nama_file,
                jenis,
                l.dokumen.media_type == "application/pdf",
                l.sha256_beku == l.dokumen.sha256,
            )
        })
        .collect();
    let jejak = state
        .store()
        .jejak_usulan(u.id)
        .await?
        .into_iter()
        .map(|j| {
            (
                crate::tampilan::waktu(j.waktu, b),
                j.aktor,
                StatusUsulan::from_kode(&j.status_ke)
                    .map_or(j.status_ke.clone(), |s| label_status(b, s).to_string()),
                j.alasan.unwrap_or_default(),
            )
        })
        .collect();
    let status = label_status(b, u.status);
    let page = DetailPage {
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        judul: label_jenis(b, &u.perubahan.kode()),
        status,
        nama_pegawai: pegawai.nama_lengkap(),
        nip: pegawai.nomor_induk.as_str().to_string(),
        banding: banding(b, &u),
        peringatan: u.peringatan.iter().map(|t| pesan_temuan(b, t)).collect(),
        lampiran,
        jejak,
        boleh_putus: boleh_memutuskan(&m.pelaku, &posisi(&u)).is_ok(),
        boleh_batal: boleh_langkah_pengusul(LangkahPengusul::Batalkan, u.status, pengusul).is_ok(),
        boleh_ajukan: u.status == StatusUsulan::Draf && pengusul,
        boleh_revisi: boleh_langkah_pengusul(LangkahPengusul::Ubah, u.status, pengusul).is_ok(),
        u,
        galat,
        info,
    };
    let status = if page.galat.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// GET /usulan/{id}.
pub async fn detail(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
) -> Result<Response, WebError> {
    let u = usulan_untuk(&state, &m, id).await?;
    halaman_detail(&state, &m, u, Vec::new(), None).await
}

/// GET /usulan/{id}/dokumen/{dok}: an attached document, shown inline (PDF viewer or image).
pub async fn lihat_dokumen(
    State(state): State<AppState>,
    m: Masuk,
    Path((id, dok)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let u = usulan_untuk(&state, &m, id).await?;
    let lampiran = state.store().lampiran_usulan(u.id).await?;
    let l = lampiran
        .into_iter()
        .find(|l| l.dokumen.id == dok)
        .ok_or(WebError::Store(StoreError::NotFound))?;
    let isi = state.store().isi_dokumen(&l.dokumen).await?;
    let mut res = isi.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&l.dokumen.media_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline"),
    );
    h.insert(
        crate::telemetry::BINGKAI_SENDIRI,
        HeaderValue::from_static("1"),
    );
    Ok(res)
}

/// A decision form.
#[derive(Deserialize)]
pub struct PutusForm {
    csrf: String,
    versi: i64,
    aksi: String,
    #[serde(default)]
    alasan: String,
}

fn keputusan_dari(aksi: &str, alasan: &str, dokumen: Vec<Uuid>) -> Option<Keputusan> {
    let alasan = alasan.trim().chars().take(1000).collect::<String>();
    match aksi {
        "setujui" => Some(Keputusan::Setujui),
        "tolak" => Some(Keputusan::Tolak { alasan }),
        "kembalikan" => Some(Keputusan::Kembalikan { alasan, dokumen }),
        _ => None,
    }
}

/// POST /usulan/{id}/putuskan: approve, reject or return.
pub async fn putuskan(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(a, _)| a == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let f = PutusForm {
        csrf: get("csrf").to_string(),
        versi: get("versi")
            .parse()
            .map_err(|_| WebError::TidakValid(b, "form_tidak_valid"))?,
        aksi: get("aksi").to_string(),
        alasan: get("alasan").to_string(),
    };
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let dokumen: Vec<Uuid> = pairs
        .iter()
        .filter(|(k, _)| k == "dokumen_salah")
        .filter_map(|(_, v)| Uuid::parse_str(v).ok())
        .collect();
    let keputusan = keputusan_dari(&f.aksi, &f.alasan, dokumen)
        .ok_or(WebError::TidakValid(b, "form_tidak_valid"))?;
    let tahap = match boleh_memutuskan(&m.pelaku, &posisi(&u)) {
        Ok(t) => t,
        Err(e) if u.versi != f.versi => {
            let _ = e;
            return halaman_detail(
                &state,
                &m,
                u,
                vec![b.t("usulan_sudah_diputuskan").to_string()],
                None,
            )
            .await;
        }
        Err(e) => {
            return halaman_detail(&state, &m, u, vec![b.t(e.kunci()).to_string()], None).await;
        }
    };
    let status_ke = match status_setelah(tahap, u.rute, &keputusan) {
        Ok(s) => s,
        Err(e) => {
            return halaman_detail(&state, &m, u, vec![b.t(e.kunci()).to_string()], None).await;
        }
    };
    let hasil = state
        .store()
        .putuskan_usulan(
            &[Putusan {
                usulan_id: u.id,
                versi: f.versi,
                status_dari: u.status,
                status_ke,
                keputusan,
            }],
            &aktor(&state, &m),
            state.jam().sekarang(),
        )
        .await?;
    state.bangunkan_surel();
    let u = state.store().usulan(id).await?;
    match hasil.into_iter().next() {
        Some(HasilPutusan::Berhasil(_)) => {
            halaman_detail(&state, &m, u, Vec::new(), Some("keputusan_tersimpan")).await
        }
        Some(HasilPutusan::Konflik(k)) => {
            let mut galat = vec![b.t("konflik_terapkan").to_string()];
            galat.extend(k.iter().map(|x| {
                let (id, en) = x.pesan();
                pesan(b, &id, &en)
            }));
            halaman_detail(&state, &m, u, galat, None).await
        }
        _ => {
            halaman_detail(
                &state,
                &m,
                u,
                vec![b.t("usulan_sudah_diputuskan").to_string()],
                None,
            )
            .await
        }
    }
}

/// The proposer's step form.
#[derive(Deserialize)]
pub struct LangkahForm {
    csrf: String,
    versi: i64,
}

async fn langkah(
    state: AppState,
    m: Masuk,
    id: Uuid,
    f: LangkahForm,
    l: LangkahPengusul,
    kode: &str,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let status_ke = match boleh_langkah_pengusul(l, u.status, m.akun.id == u.pengusul_akun_id) {
        Ok(s) => s,
        Err(e) => {
            return halaman_detail(&state, &m, u, vec![b.t(e.kunci()).to_string()], None).await;
        }
    };
    let r = state
        .store()
        .langkah_usulan(
            &LangkahBaru {
                usulan_id: id,
                versi: f.versi,
                status_dari: u.status,
                status_ke,
                revisi: None,
            },
            kode,
            &aktor(&state, &m),
            state.jam().sekarang(),
        )
        .await;
    state.bangunkan_surel();
    let u = state.store().usulan(id).await?;
    match r {
        Ok(()) => halaman_detail(&state, &m, u, Vec::new(), Some("langkah_tersimpan")).await,
        Err(StoreError::Conflict(_)) => {
            halaman_detail(
                &state,
                &m,
                u,
                vec![b.t("usulan_sudah_diputuskan").to_string()],
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// POST /usulan/{id}/batalkan.
pub async fn batalkan(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
    axum::extract::Form(f): axum::extract::Form<LangkahForm>,
) -> Result<Response, WebError> {
    langkah(state, m, id, f, LangkahPengusul::Batalkan, "BATALKAN").await
}

/// POST /usulan/{id}/ajukan (a saved draft).
pub async fn ajukan(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
    axum::extract::Form(f): axum::extract::Form<LangkahForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let u = usulan_untuk(&state, &m, id).await?;
    // A draft is checked again as if it were submitted now.
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let riwayat = state.store().riwayat_pegawai(u.pegawai_id, None).await?;
    let temuan = RefValidasi::muat(&state, &[pegawai.instansi_kerja_id.as_str()])
        .await?
        .periksa(
            state.jam().sekarang().date_naive(),
            &pegawai,
            &riwayat,
            &u.perubahan,
        );
    let kewenangan = state.store().kewenangan().await?;
    let jenis: Vec<String> = state
        .store()
        .lampiran_usulan(id)
        .await?
        .into_iter()
        .map(|l| l.dokumen.jenis_dokumen_id)
        .collect();
    let mut galat: Vec<String> = temuan
        .iter()
        .filter(|t| t.berat == Berat::Galat)
        .map(|t| pesan_temuan(b, t))
        .collect();
    if !u.perubahan.dokumen_cukup(&kewenangan, &jenis) {
        galat.push(b.t("dokumen_wajib_kurang").to_string());
    }
    if !galat.is_empty() {
        return halaman_detail(&state, &m, u, galat, None).await;
    }
    langkah(state, m, id, f, LangkahPengusul::Ajukan, "AJUKAN").await
}

/// GET /usulan/{id}/revisi: the form again, prefilled, for a draft or a returned proposal.
pub async fn form_revisi(
    State(state): State<AppState>,
    m: Masuk,
    Path(id): Path<Uuid>,
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
                b.t("alasan_bts"),
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

fn tujuan_dari_usulan(u: &Usulan) -> (TujuanForm, BTreeMap<String, String>) {
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
    Path(id): Path<Uuid>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let f = baca_multipart(mp, state.konfigurasi().batas_unggah).await?;
    periksa_csrf_sesi(&m.sesi, f.satu("csrf"), b)?;
    let u = usulan_untuk(&state, &m, id).await?;
    let pengusul = m.akun.id == u.pengusul_akun_id;
    if boleh_langkah_pengusul(LangkahPengusul::Ubah, u.status, pengusul).is_err() {
        let galat = vec![b.t("usulan_bukan_giliran").to_string()];
        return halaman_detail(&state, &m, u, galat, None).await;
    }
    let (tujuan, _) = tujuan_dari_usulan(&u);
    let pegawai = state.store().pegawai(u.pegawai_id).await?;
    let riwayat = state.store().riwayat_pegawai(u.pegawai_id, None).await?;
    let lampiran = state.store().lampiran_usulan(id).await?;
    let dokumen_lepas: Vec<Uuid> = f
        .semua("lepas")
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .filter(|d| lampiran.iter().any(|l| l.dokumen.id == *d))
        .collect();
    let tetap: Vec<String> = lampiran
        .iter()
        .filter(|l| !dokumen_lepas.contains(&l.dokumen.id))
        .map(|l| l.dokumen.jenis_dokumen_id.clone())
        .collect();
    let k = periksa_kiriman(&state, &m, &f, &tujuan, &pegawai, &riwayat, tetap).await?;
    let peringatan = k.peringatan_saja();
    let (Some(perubahan), true) = (k.perubahan, k.galat.is_empty()) else {
        return render_form(
            &state,
            &m,
            &tujuan,
            &pegawai,
            format!("/usulan/{id}/revisi"),
            &k.nilai,
            &k.catatan,
            k.galat,
            k.peringatan,
        )
        .await;
    };
    let sebelum = perubahan
        .sebelum(&pegawai, &riwayat)
        .map_err(|_| WebError::TidakValid(b, "form_tidak_valid"))?;
    let status_ke = if k.ajukan {
        StatusUsulan::Diajukan
    } else {
        u.status
    };
    let r = state
        .store()
        .langkah_usulan(
            &LangkahBaru {
                usulan_id: id,
                versi: f.satu("versi").parse().unwrap_or(u.versi),
                status_dari: u.status,
                status_ke,
                revisi: Some(Revisi {
                    perubahan,
                    sebelum,
                    peringatan,
                    catatan: (!k.catatan.is_empty()).then_some(k.catatan),
                    dokumen_baru: k.dokumen_baru,
                    dokumen_arsip: k.dokumen_arsip,
                    dokumen_lepas,
                }),
            },
            if k.ajukan { "AJUKAN_ULANG" } else { "UBAH" },
            &aktor(&state, &m),
            state.jam().sekarang(),
        )
        .await;
    state.bangunkan_surel();
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/usulan/{id}")).into_response()),
        Err(StoreError::Conflict(_)) => {
            let u = state.store().usulan(id).await?;
            let galat = vec![b.t("usulan_sudah_diputuskan").to_string()];
            halaman_detail(&state, &m, u, galat, None).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Lists: my proposals with notifications; verification queues.

/// A list row ready to render.
pub struct BarisDaftar {
    id: Uuid,
    nama: String,
    nip: String,
    jenis: String,
    status: &'static str,
    umur: String,
    peringatan: usize,
    kolektif: Option<Uuid>,
}

fn baris_daftar(b: Bahasa, r: RingkasanUsulan, now: DateTime<Utc>) -> BarisDaftar {
    BarisDaftar {
        id: r.id,
        nama: r.nama,
        nip: r.nip,
        jenis: label_jenis(b, &r.jenis),
        status: label_status(b, r.status),
        umur: umur(b, r.status_sejak, now),
        peringatan: r.peringatan,
        kolektif: r.kolektif_id,
    }
}

#[derive(Template)]
#[template(path = "usulan_daftar.html")]
struct DaftarPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    daftar: Vec<BarisDaftar>,
    notifikasi: Vec<(Option<Uuid>, String, String, bool)>,
    bagian: Vec<(String, String)>,
    pegawai_sendiri: bool,
}

/// GET /usulan: the reader's proposals and notifications (which are then marked read).
pub async fn daftar(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let now = state.jam().sekarang();
    let daftar = state
        .store()
        .usulan_saya(m.akun.pegawai_id, m.akun.id, 100)
        .await?
        .into_iter()
        .map(|r| baris_daftar(b, r, now))
        .collect();
    let notifikasi = state
        .store()
        .notifikasi(m.akun.id, 20)
        .await?
        .into_iter()
        .map(|(u, s, w, dibaca)| {
            let status = StatusUsulan::from_kode(&s).map_or(s, |x| label_status(b, x).to_string());
            (u, status, crate::tampilan::waktu(w, b), dibaca)
        })
        .collect();
    state.store().baca_notifikasi(m.akun.id, now).await?;
    let jenis_pegawai = match m.akun.pegawai_id {
        Some(id) => Some(state.store().pegawai(id).await?.jenis_pegawai),
        None => None,
    };
    let mut bagian = vec![("data_utama".to_string(), b.t("data_utama").to_string())];
    if let Some(j) = jenis_pegawai {
        bagian.extend(
            JenisRiwayat::SEMUA
                .into_iter()
                .filter(|r| r.berlaku_untuk(j))
                .map(|r| {
                    (
                        r.kode().to_string(),
                        b.t(crate::tampilan::kunci_judul(r)).to_string(),
                    )
                }),
        );
    }
    let page = DaftarPage {
        b,
        nama_instance: state.nama_instance(),
        daftar,
        notifikasi,
        bagian,
        pegawai_sendiri: jenis_pegawai.is_some(),
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "verifikasi.html")]
struct AntreanPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    antrean: Vec<(String, i64, Vec<BarisDaftar>)>,
}

/// The verifier grants of the reader by stage, with their scopes.
fn tahap_verifikator(m: &Masuk) -> Vec<(Verifikator, Vec<Cakupan>)> {
    let mut out = Vec::new();
    for (tahap, peran) in [
        (Verifikator::Instansi, Peran::VerifikatorInstansi),
        (Verifikator::Bkn, Peran::VerifikatorBkn),
    ] {
        let cakupan: Vec<Cakupan> = m
            .pelaku
            .peran
            .iter()
            .filter(|p| p.peran == peran)
            .filter_map(|p| p.cakupan(m.pelaku.pegawai_id))
            .collect();
        if !cakupan.is_empty() {
            out.push((tahap, cakupan));
        }
    }
    out
}

/// GET /verifikasi: the queues the reader verifies, oldest first, with their age.
pub async fn antrean(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let tahap = tahap_verifikator(&m);
    if tahap.is_empty() {
        return Err(WebError::Dilarang(b));
    }
    let now = state.jam().sekarang();
    let mut antrean = Vec::new();
    for (t, cakupan) in tahap {
        let jumlah = state.store().jumlah_antrean(t, &cakupan).await?;
        let rows = state
            .store()
            .antrean_usulan(t, &cakupan, m.akun.id, m.akun.pegawai_id, 200)
            .await?
            .into_iter()
            .map(|r| baris_daftar(b, r, now))
            .collect();
        let judul = match t {
            Verifikator::Instansi => b.t("antrean_instansi"),
            Verifikator::Bkn => b.t("antrean_bkn"),
        };
        antrean.push((judul.to_string(), jumlah, rows));
    }
    let page = AntreanPage {
        b,
        nama_instance: state.nama_instance(),
        antrean,
    };
    Ok(Html(page.render()?).into_response())
}

/// Queue counts for the home page: (label, count) per stage the reader verifies.
pub async fn jumlah_antrean(state: &AppState, m: &Masuk) -> Result<Vec<(String, i64)>, WebError> {
    let b = m.konteks.bahasa;
    let mut out = Vec::new();
    for (t, cakupan) in tahap_verifikator(m) {
        let n = state.store().jumlah_antrean(t, &cakupan).await?;
        let label = match t {
            Verifikator::Instansi => b.t("antrean_instansi"),
            Verifikator::Bkn => b.t("antrean_bkn"),
        };
        out.push((label.to_string(), n));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Collective proposals.

#[derive(Template)]
#[template(path = "kolektif.html")]
struct KolektifPage<'a> {
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

fn operator_instansi(m: &Masuk) -> Option<String> {
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
async fn render_kolektif(
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
struct BarisSah {
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
        match kolektif::baca_csv(&csv, jenis, today) {
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
        match kolektif::dari_daftar_nip(&daftar_nip, &nilai_isi, today) {
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
struct KolektifDetailPage<'a> {
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
    Path(id): Path<Uuid>,
) -> Result<Response, WebError> {
    halaman_kolektif(&state, &m, id, Vec::new()).await
}

/// The batch's items the reader may see: list rows with their proposals, scope in the query.
async fn kolektif_terlihat(
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

async fn halaman_kolektif(
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
    Path(id): Path<Uuid>,
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

// ---------------------------------------------------------------------------------------------
// Operational view.

#[derive(Template)]
#[template(path = "statistik.html")]
struct StatistikPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    per_status: Vec<(&'static str, i64)>,
    waktu: Vec<(&'static str, usize, String, String)>,
    tertua: Vec<BarisDaftar>,
}

/// GET /usulan/statistik: proposals by status in the reader's scope, time in each state
/// (median and 90th percentile, last 90 days) and the oldest waiting items.
pub async fn statistik(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let cakupan = cakupan_staf(&m);
    if cakupan.is_empty() {
        return Err(WebError::Dilarang(b));
    }
    let now = state.jam().sekarang();
    let s = state
        .store()
        .statistik_usulan(&cakupan, now - chrono::Duration::days(90), now)
        .await?;
    let label = |k: &str| StatusUsulan::from_kode(k).map_or("?", |s| label_status(b, s));
    let page = StatistikPage {
        b,
        nama_instance: state.nama_instance(),
        per_status: s.per_status.iter().map(|(k, n)| (label(k), *n)).collect(),
        waktu: s
            .waktu
            .iter()
            .map(|(k, n, med, p90)| (label(k), *n, format!("{med:.1}"), format!("{p90:.1}")))
            .collect(),
        tertua: s
            .tertua
            .into_iter()
            .map(|r| baris_daftar(b, r, now))
            .collect(),
    };
    Ok(Html(page.render()?).into_response())
}
