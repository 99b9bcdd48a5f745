//! Peremajaan data: proposals (usulan) to change an employee's record, their route through
//! agency and BKN verification, what each one must be supported by, and how a decided proposal
//! is checked against the record as it is now.
//!
//! The state's personnel data changes only through this path: an approved proposal is applied
//! in the same transaction that records its decision and the audit event.

mod alur;
pub mod berkas;
pub mod isian;
pub mod kolektif;
mod masalah;
pub mod tenggat;
pub mod terapkan;
mod tersimpan;
pub mod validasi;

pub use alur::*;
pub use masalah::Masalah;
pub use tersimpan::{JejakUsulan, LampiranUsulan, RingkasanUsulan, Usulan};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::pegawai::Pegawai;
use crate::referensi::{Kewenangan, Verifikator};
use crate::riwayat::{DataRiwayat, JenisRiwayat, Riwayat};

/// A column of personal data (data utama) an employee may propose to correct.
///
/// NIP, birth date and sex are not here: they are encoded in the NIP and change only through
/// BKN's NIP correction, not through self-service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KolomDataUtama {
    /// Name without titles.
    Nama,
    /// Titles before the name.
    GelarDepan,
    /// Titles after the name.
    GelarBelakang,
    /// Birth place.
    TempatLahir,
    /// Religion code.
    AgamaId,
    /// Marital status code.
    JenisKawinId,
    /// Address.
    Alamat,
    /// National ID number.
    Nik,
    /// Family card number.
    NomorKk,
    /// Tax number.
    Npwp,
    /// Health-insurance number.
    Bpjs,
    /// Pension-fund number.
    Taspen,
    /// Mobile phone.
    NomorHp,
    /// Government e-mail.
    EmailGov,
    /// Work unit (unor id).
    UnorId,
}

impl KolomDataUtama {
    /// Every column, in form order.
    pub const SEMUA: [KolomDataUtama; 15] = [
        Self::Nama,
        Self::GelarDepan,
        Self::GelarBelakang,
        Self::TempatLahir,
        Self::AgamaId,
        Self::JenisKawinId,
        Self::Alamat,
        Self::Nik,
        Self::NomorKk,
        Self::Npwp,
        Self::Bpjs,
        Self::Taspen,
        Self::NomorHp,
        Self::EmailGov,
        Self::UnorId,
    ];

    /// Code used in forms, CSV headers and storage.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Nama => "nama",
            Self::GelarDepan => "gelar_depan",
            Self::GelarBelakang => "gelar_belakang",
            Self::TempatLahir => "tempat_lahir",
            Self::AgamaId => "agama_id",
            Self::JenisKawinId => "jenis_kawin_id",
            Self::Alamat => "alamat",
            Self::Nik => "nik",
            Self::NomorKk => "nomor_kk",
            Self::Npwp => "npwp",
            Self::Bpjs => "bpjs",
            Self::Taspen => "taspen",
            Self::NomorHp => "nomor_hp",
            Self::EmailGov => "email_gov",
            Self::UnorId => "unor_id",
        }
    }

    /// Parses a code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|k| k.kode() == kode.trim())
    }

    /// Whether the value is masked outside the owner and verifiers.
    pub fn sensitif(self) -> bool {
        matches!(
            self,
            Self::Nik | Self::NomorKk | Self::Npwp | Self::Bpjs | Self::Taspen | Self::Alamat
        )
    }

    /// The column's value on a record, as text.
    pub fn nilai(self, p: &Pegawai) -> Option<String> {
        match self {
            Self::Nama => Some(p.nama.clone()),
            Self::GelarDepan => p.gelar_depan.clone(),
            Self::GelarBelakang => p.gelar_belakang.clone(),
            Self::TempatLahir => Some(p.tempat_lahir.clone()),
            Self::AgamaId => p.agama_id.clone(),
            Self::JenisKawinId => p.jenis_kawin_id.clone(),
            Self::Alamat => p.alamat.clone(),
            Self::Nik => p.nik.as_ref().map(|n| n.as_str().to_string()),
            Self::NomorKk => p.nomor_kk.clone(),
            Self::Npwp => p.npwp.clone(),
            Self::Bpjs => p.bpjs.clone(),
            Self::Taspen => p.taspen.clone(),
            Self::NomorHp => p.nomor_hp.clone(),
            Self::EmailGov => p.email_gov.clone(),
            Self::UnorId => p.unor_id.map(|u| u.to_string()),
        }
    }

    /// Columns that identify the person: a correction needs an identity document (KTP/KK).
    pub fn perlu_dokumen_identitas(self) -> bool {
        matches!(
            self,
            Self::Nama
                | Self::TempatLahir
                | Self::Nik
                | Self::NomorKk
                | Self::GelarDepan
                | Self::GelarBelakang
        )
    }
}

/// What a proposal changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "aksi", rename_all = "snake_case")]
pub enum Perubahan {
    /// New values for some personal-data columns (None clears an optional column).
    DataUtama {
        /// Column → new value.
        nilai: BTreeMap<KolomDataUtama, Option<String>>,
    },
    /// A new history row.
    TambahRiwayat {
        /// Its content.
        data: DataRiwayat,
    },
    /// A corrected history row.
    UbahRiwayat {
        /// The row corrected.
        riwayat_id: Uuid,
        /// Its corrected content.
        data: DataRiwayat,
    },
    /// A history row that should not exist.
    HapusRiwayat {
        /// The row.
        riwayat_id: Uuid,
        /// Its kind (for routing; checked against the row).
        jenis: JenisRiwayat,
    },
}

impl Perubahan {
    /// The history kind concerned, if any.
    pub fn jenis_riwayat(&self) -> Option<JenisRiwayat> {
        match self {
            Self::DataUtama { .. } => None,
            Self::TambahRiwayat { data } | Self::UbahRiwayat { data, .. } => Some(data.jenis()),
            Self::HapusRiwayat { jenis, .. } => Some(*jenis),
        }
    }

    /// The row concerned, for corrections and deletions.
    pub fn riwayat_id(&self) -> Option<Uuid> {
        match self {
            Self::UbahRiwayat { riwayat_id, .. } | Self::HapusRiwayat { riwayat_id, .. } => {
                Some(*riwayat_id)
            }
            _ => None,
        }
    }

    /// Short code for queues and reports: "data_utama", "tambah.golongan", "hapus.jabatan".
    pub fn kode(&self) -> String {
        match self {
            Self::DataUtama { .. } => "data_utama".into(),
            Self::TambahRiwayat { data } => format!("tambah.{}", data.jenis().kode()),
            Self::UbahRiwayat { data, .. } => format!("ubah.{}", data.jenis().kode()),
            Self::HapusRiwayat { jenis, .. } => format!("hapus.{}", jenis.kode()),
        }
    }

    /// Who verifies last, from the authority table (personal data is the agency's).
    pub fn rute(&self, kewenangan: &[Kewenangan]) -> Verifikator {
        match self.jenis_riwayat() {
            None => Verifikator::Instansi,
            Some(j) => kewenangan
                .iter()
                .find(|k| k.jenis_riwayat == j)
                .map_or(Verifikator::Instansi, |k| k.verifikator),
        }
    }

    /// Document types accepted as support: at least one attached document must be of one of
    /// these types; empty means no document is required.
    pub fn dokumen_wajib(&self, kewenangan: &[Kewenangan]) -> Vec<String> {
        match self {
            Self::DataUtama { nilai } => {
                if nilai.keys().any(|k| k.perlu_dokumen_identitas()) {
                    vec![crate::referensi::DOKUMEN_IDENTITAS.to_string()]
                } else {
                    Vec::new()
                }
            }
            // Removing a row is argued with a reason, not a new document.
            Self::HapusRiwayat { .. } => Vec::new(),
            Self::TambahRiwayat { data } | Self::UbahRiwayat { data, .. } => kewenangan
                .iter()
                .find(|k| k.jenis_riwayat == data.jenis())
                .map(|k| k.dokumen_wajib.clone())
                .unwrap_or_default(),
        }
    }

    /// Whether the attached document types satisfy [`Self::dokumen_wajib`].
    pub fn dokumen_cukup(&self, kewenangan: &[Kewenangan], terlampir: &[String]) -> bool {
        let wajib = self.dokumen_wajib(kewenangan);
        wajib.is_empty() || terlampir.iter().any(|t| wajib.contains(t))
    }

    /// The state of the record this proposal was made against (kept with the proposal so that
    /// applying it later can tell what changed meanwhile).
    pub fn sebelum(&self, pegawai: &Pegawai, riwayat: &[Riwayat]) -> Result<Sebelum, Konflik> {
        match self {
            Self::DataUtama { nilai } => Ok(Sebelum::DataUtama(
                nilai.keys().map(|k| (*k, k.nilai(pegawai))).collect(),
            )),
            Self::TambahRiwayat { .. } => Ok(Sebelum::Tidak),
            Self::UbahRiwayat { riwayat_id, .. } | Self::HapusRiwayat { riwayat_id, .. } => {
                let row = riwayat
                    .iter()
                    .find(|r| r.id == *riwayat_id && r.pegawai_id == pegawai.id)
                    .ok_or(Konflik::RiwayatHilang)?;
                if Some(row.data.jenis()) != self.jenis_riwayat() {
                    return Err(Konflik::RiwayatHilang);
                }
                Ok(Sebelum::Riwayat(Box::new(row.data.clone())))
            }
        }
    }

    /// What changed on the record since `dulu` was taken; empty if the proposal still applies
    /// to the record as its proposer saw it.
    pub fn konflik(&self, dulu: &Sebelum, pegawai: &Pegawai, riwayat: &[Riwayat]) -> Vec<Konflik> {
        let kini = match self.sebelum(pegawai, riwayat) {
            Ok(k) => k,
            Err(k) => return vec![k],
        };
        match (dulu, kini) {
            (Sebelum::DataUtama(a), Sebelum::DataUtama(b)) => a
                .iter()
                .filter_map(|(kolom, lama)| {
                    let sekarang = b.get(kolom).cloned().flatten();
                    (lama != &sekarang).then(|| Konflik::Kolom {
                        kolom: *kolom,
                        dulu: lama.clone(),
                        kini: sekarang,
                    })
                })
                .collect(),
            (Sebelum::Riwayat(a), Sebelum::Riwayat(b)) => {
                if *a == b {
                    Vec::new()
                } else {
                    vec![Konflik::RiwayatBerubah]
                }
            }
            (Sebelum::Tidak, Sebelum::Tidak) => Vec::new(),
            _ => vec![Konflik::RiwayatBerubah],
        }
    }
}

/// The record as the proposer saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sebelum {
    /// Nothing to compare (a new row).
    Tidak,
    /// The columns' values.
    DataUtama(BTreeMap<KolomDataUtama, Option<String>>),
    /// The row's content.
    Riwayat(Box<DataRiwayat>),
}

/// Why a decided proposal cannot be applied as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Konflik {
    /// A column has another value than when the proposal was made.
    Kolom {
        /// The column.
        kolom: KolomDataUtama,
        /// Value then.
        dulu: Option<String>,
        /// Value now.
        kini: Option<String>,
    },
    /// The history row was changed after the proposal was made.
    RiwayatBerubah,
    /// The history row no longer exists (or never belonged to this employee).
    RiwayatHilang,
}

#[cfg(test)]
mod tests;
