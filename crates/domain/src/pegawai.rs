//! The employee (pegawai): personal data (data utama) and the current-state snapshot.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::golongan::{Golongan, GolonganPppk};
use crate::nik::Nik;
use crate::nip::{JenisKelamin, Nip, NipError, NipLama, digits_in_groups, number};

/// PNS (career) or PPPK (contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisPegawai {
    /// Pegawai Negeri Sipil.
    #[serde(rename = "PNS")]
    Pns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja.
    #[serde(rename = "PPPK")]
    Pppk,
}

impl JenisPegawai {
    /// Storage code ("PNS"/"PPPK").
    pub fn kode(self) -> &'static str {
        match self {
            Self::Pns => "PNS",
            Self::Pppk => "PPPK",
        }
    }

    /// Parses the storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        match kode {
            "PNS" => Some(Self::Pns),
            "PPPK" => Some(Self::Pppk),
            _ => None,
        }
    }

    /// What the employee number is called: "NIP" or "NI PPPK".
    pub fn label_nomor_induk(self) -> &'static str {
        match self {
            Self::Pns => "NIP",
            Self::Pppk => "NI PPPK",
        }
    }
}

/// A PPPK employee number (NI PPPK): birth date, year first appointed, contract count, sex,
/// sequence (widths 8+4+2+1+3; the layout is uncertain, so only the safe parts are checked).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NiPppk(String);

impl NiPppk {
    /// Parses 18 digits (8-4-2-1-3 groups may be separated by spaces).
    pub fn parse(input: &str) -> Result<Self, NipError> {
        let digits = digits_in_groups(input, 18, &[8, 12, 14, 15])?;
        let y = number(&digits[0..4]) as i32;
        let m = number(&digits[4..6]);
        let d = number(&digits[6..8]);
        if NaiveDate::from_ymd_opt(y, m, d).is_none() {
            return Err(NipError::TanggalLahirMustahil {
                teks: format!("{y:04}-{m:02}-{d:02}"),
            });
        }
        let sex = digits.as_bytes()[14] as char;
        if sex != '1' && sex != '2' {
            return Err(NipError::JenisKelamin { angka: sex });
        }
        Ok(Self(digits))
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Birth date (digits 1–8).
    pub fn tanggal_lahir(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(
            number(&self.0[0..4]) as i32,
            number(&self.0[4..6]),
            number(&self.0[6..8]),
        )
        .unwrap_or(NaiveDate::MIN)
    }

    /// Sex (digit 15).
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        if self.0.as_bytes()[14] == b'2' {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        }
    }

    /// Builds an NI PPPK from its parts (demo generator).
    pub fn compose(
        lahir: NaiveDate,
        tahun_pengangkatan: i32,
        kontrak_ke: u32,
        jenis_kelamin: JenisKelamin,
        nomor_urut: u32,
    ) -> Result<Self, NipError> {
        let sex = match jenis_kelamin {
            JenisKelamin::LakiLaki => 1,
            JenisKelamin::Perempuan => 2,
        };
        Self::parse(&format!(
            "{}{tahun_pengangkatan:04}{:02}{sex}{:03}",
            lahir.format("%Y%m%d"),
            kontrak_ke % 100,
            nomor_urut % 1000
        ))
    }
}

impl fmt::Display for NiPppk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(
            f,
            "{} {} {} {} {}",
            &d[0..8],
            &d[8..12],
            &d[12..14],
            &d[14..15],
            &d[15..18]
        )
    }
}

impl TryFrom<String> for NiPppk {
    type Error = NipError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<NiPppk> for String {
    fn from(value: NiPppk) -> Self {
        value.0
    }
}

/// The employee number: NIP for PNS, NI PPPK for PPPK. Both are 18 digits and share one column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NomorInduk {
    /// A PNS's NIP.
    Nip(Nip),
    /// A PPPK's NI PPPK.
    NiPppk(NiPppk),
}

impl NomorInduk {
    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Nip(n) => n.as_str(),
            Self::NiPppk(n) => n.as_str(),
        }
    }

    /// Reads a stored number for an employee of the given type.
    pub fn parse_for(jenis: JenisPegawai, digits: &str) -> Result<Self, NipError> {
        match jenis {
            JenisPegawai::Pns => Ok(Self::Nip(Nip::try_from(digits.to_string())?)),
            JenisPegawai::Pppk => Ok(Self::NiPppk(NiPppk::parse(digits)?)),
        }
    }
}

impl fmt::Display for NomorInduk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Nip(n) => n.fmt(f),
            Self::NiPppk(n) => n.fmt(f),
        }
    }
}

/// An employee's personal data and current state (data utama).
///
/// The current rank, position and unit are a snapshot kept in step with the histories, so lists
/// and searches need no history scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pegawai {
    /// Internal id (never shown in public URLs together with personal data).
    pub id: Uuid,
    /// PNS or PPPK.
    pub jenis_pegawai: JenisPegawai,
    /// NIP or NI PPPK.
    pub nomor_induk: NomorInduk,
    /// Legacy 9-digit NIP.
    pub nip_lama: Option<NipLama>,
    /// Name without titles.
    pub nama: String,
    /// Academic titles before the name.
    pub gelar_depan: Option<String>,
    /// Academic titles after the name.
    pub gelar_belakang: Option<String>,
    /// Birth place.
    pub tempat_lahir: String,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// Sex.
    pub jenis_kelamin: JenisKelamin,
    /// Agama code.
    pub agama_id: Option<String>,
    /// Jenis kawin code.
    pub jenis_kawin_id: Option<String>,
    /// Address.
    pub alamat: Option<String>,
    /// National ID number (sensitive).
    pub nik: Option<Nik>,
    /// Family card number (sensitive).
    pub nomor_kk: Option<String>,
    /// Tax number (sensitive).
    pub npwp: Option<String>,
    /// Health-insurance number (sensitive).
    pub bpjs: Option<String>,
    /// Pension-fund number (sensitive).
    pub taspen: Option<String>,
    /// Registered personal e-mail (used for activation and reset).
    pub email: Option<String>,
    /// Government e-mail.
    pub email_gov: Option<String>,
    /// Mobile phone.
    pub nomor_hp: Option<String>,
    /// Kedudukan hukum code.
    pub kedudukan_hukum_id: String,
    /// Agency that holds the employee's record (instansi induk).
    pub instansi_induk_id: String,
    /// Agency where the employee works (instansi kerja).
    pub instansi_kerja_id: String,
    /// Current unit.
    pub unor_id: Option<Uuid>,
    /// Current position reference id.
    pub jabatan_id: Option<String>,
    /// Current position name.
    pub nama_jabatan: Option<String>,
    /// Current jenis jabatan code.
    pub jenis_jabatan_id: Option<String>,
    /// Current eselon code.
    pub eselon_id: Option<String>,
    /// Current PNS golongan.
    pub golongan: Option<Golongan>,
    /// Current PPPK golongan.
    pub golongan_pppk: Option<GolonganPppk>,
    /// Highest education level id.
    pub tingkat_pendidikan_id: Option<String>,
    /// TMT CPNS (PNS) or TMT of the first contract (PPPK).
    pub tmt_cpns: Option<NaiveDate>,
    /// TMT PNS.
    pub tmt_pns: Option<NaiveDate>,
    /// TMT of the current golongan.
    pub tmt_golongan: Option<NaiveDate>,
    /// TMT of the current position.
    pub tmt_jabatan: Option<NaiveDate>,
}

impl Pegawai {
    /// Name with academic titles: "Dr. Siti Aminah, S.Kom., M.T.".
    pub fn nama_lengkap(&self) -> String {
        let mut out = String::new();
        if let Some(depan) = self.gelar_depan.as_deref().filter(|g| !g.trim().is_empty()) {
            out.push_str(depan.trim());
            out.push(' ');
        }
        out.push_str(self.nama.trim());
        if let Some(belakang) = self
            .gelar_belakang
            .as_deref()
            .filter(|g| !g.trim().is_empty())
        {
            out.push_str(", ");
            out.push_str(belakang.trim());
        }
        out
    }
}
