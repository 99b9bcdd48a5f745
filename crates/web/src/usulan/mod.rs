//! Peremajaan data over HTTP: proposing (own record, or an operator for the agency's
//! employees), the proposal page with before/after and documents, verifier decisions, the
//! queues, collective proposals and the operational view. Rules live in
//! `siasn_domain::usulan`; this module parses, authorises and renders.

mod daftar;
mod form;
mod halaman;
mod kolektif;

pub use daftar::*;
pub use form::*;
pub use halaman::*;
pub use kolektif::*;

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Multipart, Query, State};
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
use siasn_domain::usulan::kolektif::{BarisKolektif, JenisKolektif, baca_csv, dari_daftar_nip};
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
pub(crate) struct FormMultipart {
    teks: HashMap<String, Vec<String>>,
    pub(crate) berkas: Vec<(String, String, Vec<u8>)>,
    pub(crate) terlalu_besar: bool,
}

impl FormMultipart {
    pub(crate) fn satu(&self, nama: &str) -> &str {
        self.teks
            .get(nama)
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    fn semua(&self, nama: &str) -> &[String] {
        self.teks.get(nama).map_or(&[], Vec::as_slice)
    }
}

pub(crate) async fn baca_multipart(
    mut mp: Multipart,
    batas: usize,
) -> Result<FormMultipart, WebError> {
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
        klien_api: None,
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
pub(crate) struct RefValidasi {
    pendidikan: Vec<TingkatPendidikan>,
    agama: Vec<String>,
    kawin: Vec<String>,
    /// Units by agency, for the agencies the request concerns.
    unor: HashMap<String, Vec<Uuid>>,
}

impl RefValidasi {
    pub(crate) async fn muat(state: &AppState, instansi: &[&str]) -> Result<Self, WebError> {
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
    pub(crate) fn periksa(
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

/// The stored name of an uploaded file: the uploader's name cleaned to a label, with the
/// extension of the real type.
pub(crate) fn nama_berkas(file: &str, jenis: JenisBerkas) -> String {
    let dasar: String = file
        .rsplit_once('.')
        .map_or(file, |(a, _)| a)
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .take(80)
        .collect();
    let dasar = dasar.trim();
    format!(
        "{}.{}",
        if dasar.is_empty() { "dokumen" } else { dasar },
        jenis.ekstensi()
    )
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
    Dokumen {
        id: Uuid::now_v7(),
        pegawai_id,
        riwayat_id: None,
        jenis_dokumen_id: jenis_dokumen_id.to_string(),
        sha256: blob.sha256.clone(),
        nama_file: nama_berkas(file, jenis),
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
