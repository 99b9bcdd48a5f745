//! Agencies (instansi) and their organisational units (unor).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Central (ministries, national bodies) or regional (provinces, regencies, cities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JenisInstansi {
    /// Instansi pusat.
    Pusat,
    /// Instansi daerah.
    Daerah,
}

impl JenisInstansi {
    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Pusat => "PUSAT",
            Self::Daerah => "DAERAH",
        }
    }

    /// Parses the storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        match kode {
            "PUSAT" => Some(Self::Pusat),
            "DAERAH" => Some(Self::Daerah),
            _ => None,
        }
    }
}

/// An agency with its own HR unit; belongs to one Kanreg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    /// Agency id.
    pub id: String,
    /// Name.
    pub nama: String,
    /// Central or regional.
    pub jenis: JenisInstansi,
    /// The BKN regional office it belongs to.
    pub kanreg_id: String,
    /// Short code used on forms.
    pub kode_cepat: Option<String>,
}

/// A unit in an agency's organisation tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unor {
    /// Unit id.
    pub id: Uuid,
    /// Agency.
    pub instansi_id: String,
    /// Parent unit (None for the top unit).
    pub induk_id: Option<Uuid>,
    /// Name.
    pub nama: String,
    /// Eselon of the head's post.
    pub eselon_id: Option<String>,
    /// Title of the head's post.
    pub nama_jabatan_kepala: Option<String>,
}
