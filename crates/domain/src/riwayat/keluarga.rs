//! Family data: spouse, children, parents.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::nik::Nik;
use crate::nip::JenisKelamin;

/// State of a marriage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusPernikahan {
    /// Married.
    Menikah,
    /// Divorced.
    Cerai,
    /// Spouse deceased.
    CeraiMati,
}

/// A spouse (pasangan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pasangan {
    /// Name.
    pub nama: String,
    /// Title before the name.
    pub gelar_depan: Option<String>,
    /// Title after the name.
    pub gelar_belakang: Option<String>,
    /// Sex.
    pub jenis_kelamin: JenisKelamin,
    /// Birth place.
    pub tempat_lahir: Option<String>,
    /// Birth date.
    pub tanggal_lahir: Option<NaiveDate>,
    /// National ID (sensitive).
    pub nik: Option<Nik>,
    /// Whether the spouse is a civil servant too.
    pub pns: bool,
    /// Marriage certificate number.
    pub akta_menikah: Option<String>,
    /// Marriage date.
    pub tanggal_menikah: Option<NaiveDate>,
    /// Divorce certificate number.
    pub akta_cerai: Option<String>,
    /// Divorce date.
    pub tanggal_cerai: Option<NaiveDate>,
    /// Date of death.
    pub tanggal_meninggal: Option<NaiveDate>,
    /// State of the marriage.
    pub status: StatusPernikahan,
}

/// A child (anak).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anak {
    /// Name.
    pub nama: String,
    /// Sex.
    pub jenis_kelamin: JenisKelamin,
    /// Jenis anak code (1 kandung, 2 tiri, 3 angkat).
    pub jenis_anak_id: String,
    /// Birth place.
    pub tempat_lahir: Option<String>,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// National ID (sensitive).
    pub nik: Option<Nik>,
    /// The other parent, when recorded as a spouse row.
    pub pasangan_id: Option<Uuid>,
}

/// Father or mother.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeranOrangTua {
    /// Father.
    Ayah,
    /// Mother.
    Ibu,
}

/// A parent (orang tua).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrangTua {
    /// Father or mother.
    pub peran: PeranOrangTua,
    /// Name.
    pub nama: String,
    /// Birth place.
    pub tempat_lahir: Option<String>,
    /// Birth date.
    pub tanggal_lahir: Option<NaiveDate>,
    /// Date of death.
    pub tanggal_meninggal: Option<NaiveDate>,
}
