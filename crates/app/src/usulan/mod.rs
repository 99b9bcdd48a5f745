//! Peremajaan data: proposing a change (a person's form, an operator's collective list, or an
//! agency system through the API), deciding it, and applying it to the record. Every entry
//! point runs the same sequence: reference data → rules → documents → what the change is made
//! against → route → save, and a decision runs the same steps wherever it is taken.

mod ajukan;
mod api;
mod kolektif;
mod menunggu_dokumen;
mod putuskan;
mod validasi;

pub use ajukan::*;
pub use api::*;
pub use kolektif::*;
pub use menunggu_dokumen::*;
pub use putuskan::*;
pub use validasi::RefValidasi;

use chrono::{DateTime, Utc};
use siasn_domain::akses::LetakPegawai;
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::usulan::berkas::{JenisBerkas, periksa_berkas};
use siasn_domain::usulan::validasi::{Berat, Temuan};
use siasn_domain::usulan::{Masalah, StatusUsulan};
use siasn_store::usulan::{self as langkah_usulan, JejakBaru};
use siasn_store::{BlobRef, StoreError, Tx, email};
use siasn_teks::surel;
use uuid::Uuid;

use crate::{Aktor, App, AppError, AppResult};

/// A file as uploaded with a proposal: checked by content before anything is stored.
#[derive(Debug, Clone)]
pub struct Unggahan {
    /// The name the uploader gave it (kept, cleaned, as a label only).
    pub nama_file: String,
    /// The document type chosen (a ref-dokumen id).
    pub jenis_dokumen_id: String,
    /// The bytes.
    pub isi: Vec<u8>,
}

/// A refusal: everything that must be fixed, with the warnings found meanwhile (shown again
/// with the form so nothing the proposer saw is lost).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ditolak {
    /// What blocks it.
    pub masalah: Vec<Masalah>,
    /// What the verifier would be warned of.
    pub peringatan: Vec<Temuan>,
}

/// The employee a proposal is for, if the actor may propose for them: their own record, or an
/// operator's employee in their agency. Anything else is refused without saying whether the
/// employee exists.
pub async fn sasaran(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Option<Uuid>,
) -> AppResult<(Pegawai, LetakPegawai)> {
    let id = pegawai_id
        .or(aktor.pelaku.pegawai_id)
        .ok_or(AppError::Dilarang)?;
    let letak = match app.store().letak_pegawai(id).await {
        Ok(l) => l,
        Err(StoreError::NotFound) => return Err(AppError::Dilarang),
        Err(e) => return Err(e.into()),
    };
    if !aktor.pelaku.boleh_usul(&letak) {
        return Err(AppError::Dilarang);
    }
    let pegawai = app.store().pegawai(id).await?;
    // Someone who has left the service keeps reading their record and decrees, but their own
    // account no longer proposes changes (the agency still can).
    if aktor.pelaku.pegawai_id == Some(id) && !crate::pegawai::masih_dinas(app, &pegawai).await? {
        return Err(AppError::Dilarang);
    }
    Ok((pegawai, letak))
}

/// The stored name of an uploaded file: the uploader's name cleaned to a label, with the
/// extension of the real type.
pub fn nama_berkas(file: &str, jenis: JenisBerkas) -> String {
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

/// Checks a file by content and stores its bytes (content-addressed and harmless alone:
/// nothing points at them until a use case saves a document).
pub async fn simpan_berkas(
    app: &App,
    nama_file: &str,
    isi: &[u8],
) -> AppResult<Result<(JenisBerkas, BlobRef), Masalah>> {
    match periksa_berkas(isi, app.konfigurasi().batas_unggah) {
        Ok(j) => Ok(Ok((j, app.store().simpan_blob(isi, j.media_type()).await?))),
        Err(alasan) => Ok(Err(Masalah::Berkas {
            nama_file: nama_file.to_string(),
            alasan,
        })),
    }
}

/// An archive document of `pegawai_id` for stored content.
pub(crate) fn dokumen_baru(
    aktor: &Aktor,
    pegawai_id: Uuid,
    jenis_dokumen_id: &str,
    nama_file: &str,
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
        nama_file: nama_berkas(nama_file, jenis),
        media_type: jenis.media_type().to_string(),
        ukuran: blob.ukuran,
        diunggah_pada: now,
        diunggah_oleh: aktor.label(),
    }
}

/// Checks every uploaded file (type chosen from the reference list, content) and, only when
/// all pass, stores them as archive documents of `pegawai_id`.
pub(crate) async fn terima_unggahan(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
    unggahan: &[Unggahan],
) -> AppResult<Result<Vec<Dokumen>, Vec<Masalah>>> {
    let jenis_dokumen: Vec<String> = app
        .store()
        .referensi("ref-dokumen")
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut masalah = Vec::new();
    for u in unggahan {
        if !jenis_dokumen.contains(&u.jenis_dokumen_id) {
            masalah.push(Masalah::JenisDokumenWajib {
                nama_file: u.nama_file.clone(),
            });
        } else if let Err(alasan) = periksa_berkas(&u.isi, app.konfigurasi().batas_unggah) {
            masalah.push(Masalah::Berkas {
                nama_file: u.nama_file.clone(),
                alasan,
            });
        }
    }
    if !masalah.is_empty() {
        return Ok(Err(masalah));
    }
    let now = app.sekarang();
    let mut out = Vec::with_capacity(unggahan.len());
    for u in unggahan {
        match simpan_berkas(app, &u.nama_file, &u.isi).await? {
            Ok((j, blob)) => out.push(dokumen_baru(
                aktor,
                pegawai_id,
                &u.jenis_dokumen_id,
                &u.nama_file,
                j,
                &blob,
                now,
            )),
            Err(m) => masalah.push(m),
        }
    }
    Ok(if masalah.is_empty() {
        Ok(out)
    } else {
        Err(masalah)
    })
}

/// Splits findings into what blocks and what warns.
pub(crate) fn pisahkan(temuan: Vec<Temuan>) -> (Vec<Masalah>, Vec<Temuan>) {
    let (galat, peringatan): (Vec<Temuan>, Vec<Temuan>) =
        temuan.into_iter().partition(|t| t.berat == Berat::Galat);
    (galat.into_iter().map(Masalah::Temuan).collect(), peringatan)
}

/// A step of a proposal's life: the round history, and for every status but a draft the
/// employee's in-app notification and e-mail.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn catat_langkah(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    usulan_id: Uuid,
    putaran: i32,
    pegawai_id: Uuid,
    jenis: &str,
    langkah: &str,
    dari: Option<StatusUsulan>,
    ke: StatusUsulan,
    alasan: Option<&str>,
    dokumen_bermasalah: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let nama = aktor.nama_tampil();
    langkah_usulan::catat_jejak(
        tx,
        &JejakBaru {
            usulan_id,
            putaran,
            akun_id: aktor.akun_id(),
            aktor: &nama,
            langkah,
            status_dari: dari,
            status_ke: ke,
            alasan,
            dokumen_bermasalah,
            waktu: now,
        },
    )
    .await?;
    if ke != StatusUsulan::Draf {
        langkah_usulan::beri_tahu(tx, usulan_id, pegawai_id, ke, now).await?;
        let status_id = siasn_teks::label_status(ke, siasn_teks::Bahasa::Indonesia);
        let status_en = siasn_teks::label_status(ke, siasn_teks::Bahasa::Inggris);
        let surat = surel::status_usulan(
            jenis,
            (status_id, status_en),
            &format!("{}/usulan/{usulan_id}", app.url_dasar()),
        );
        email::antre_ke_pegawai(tx, pegawai_id, &surat.subjek, &surat.isi, now).await?;
    }
    Ok(())
}

/// Marks the account's notifications read (they were shown).
pub async fn baca_notifikasi(app: &App, akun_id: Uuid) -> AppResult<()> {
    let mut tx = app.store().begin().await?;
    langkah_usulan::baca_notifikasi(&mut tx, akun_id, app.sekarang()).await?;
    tx.commit().await?;
    Ok(())
}

/// How many proposals wait at each stage the actor verifies (for the home page).
pub async fn jumlah_antrean(
    app: &App,
    pelaku: &siasn_domain::akses::Pelaku,
) -> AppResult<Vec<(siasn_domain::referensi::Verifikator, i64)>> {
    let mut out = Vec::new();
    for (tahap, cakupan) in pelaku.tahap_verifikasi() {
        out.push((tahap, app.store().jumlah_antrean(tahap, &cakupan).await?));
    }
    Ok(out)
}
