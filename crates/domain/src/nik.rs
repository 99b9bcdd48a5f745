//! NIK: the 16-digit national identity number (Dukcapil).
//!
//! Layout: 6 digits region (province, regency/city, district), `DDMMYY` birth date with 40 added
//! to the day for women, 4-digit serial. The century is not encoded, so the birth date is only
//! known up to `YY`; cross-checks compare day, month and the last two digits of the year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::nip::{JenisKelamin, number};

/// Why a string is not a structurally valid NIK. `Display` is a stable code for logs; people read the reason through `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum NikError {
    /// Nothing but whitespace.
    #[error("nik.kosong")]
    Kosong,
    /// A character other than a digit or space.
    #[error("nik.bukan_angka")]
    BukanAngka { karakter: char, posisi: usize },
    /// Not exactly 16 digits.
    #[error("nik.panjang")]
    Panjang { jumlah: usize },
    /// Province code 00 (no such province).
    #[error("nik.kode_wilayah")]
    KodeWilayah,
    /// Digits 7–12 are not a possible `DDMMYY` (day 1–31 or 41–71).
    #[error("nik.tanggal_lahir_mustahil")]
    TanggalLahirMustahil { teks: String },
    /// Serial 0000.
    #[error("nik.nomor_urut")]
    NomorUrut,
}

/// A structurally valid NIK. Sensitive: mask it wherever it is shown to someone else.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

impl Nik {
    /// Parses 16 digits (spaces between groups of 4 or 6-6-4 are tolerated).
    pub fn parse(input: &str) -> Result<Self, NikError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NikError::Kosong);
        }
        let mut digits = String::with_capacity(16);
        for (i, c) in trimmed.chars().enumerate() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if c != ' ' {
                return Err(NikError::BukanAngka {
                    karakter: c,
                    posisi: i + 1,
                });
            }
        }
        if digits.len() != 16 {
            return Err(NikError::Panjang {
                jumlah: digits.len(),
            });
        }
        if &digits[0..2] == "00" {
            return Err(NikError::KodeWilayah);
        }
        let raw_day = number(&digits[6..8]);
        let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
        let month = number(&digits[8..10]);
        let yy = number(&digits[10..12]);
        // 2000 stands for every YY: leap in both centuries when YY % 4 == 0 (2000 was leap too).
        let probe_year = 2000 + yy as i32;
        if !(1..=31).contains(&day) || NaiveDate::from_ymd_opt(probe_year, month, day).is_none() {
            return Err(NikError::TanggalLahirMustahil {
                teks: digits[6..12].to_string(),
            });
        }
        if &digits[12..16] == "0000" {
            return Err(NikError::NomorUrut);
        }
        Ok(Self(digits))
    }

    /// The 16 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Region code (province, regency/city, district).
    pub fn kode_wilayah(&self) -> &str {
        &self.0[0..6]
    }

    /// Sex from the day field (day + 40 for women).
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        if number(&self.0[6..8]) > 40 {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        }
    }

    /// Birth day, month and two-digit year as encoded.
    pub fn tanggal_lahir_dmy(&self) -> (u32, u32, u32) {
        let raw_day = number(&self.0[6..8]);
        let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
        (day, number(&self.0[8..10]), number(&self.0[10..12]))
    }

    /// Birth date, taking the latest century that puts it on or before `today`.
    pub fn tanggal_lahir(&self, today: NaiveDate) -> Option<NaiveDate> {
        let (d, m, yy) = self.tanggal_lahir_dmy();
        let century = today.year() - today.year().rem_euclid(100);
        [century, century - 100]
            .into_iter()
            .filter_map(|c| NaiveDate::from_ymd_opt(c + yy as i32, m, d))
            .find(|date| *date <= today)
    }

    /// Whether the encoded birth date matches `lahir` (day, month, last two digits of the year).
    pub fn cocok_tanggal_lahir(&self, lahir: NaiveDate) -> bool {
        self.tanggal_lahir_dmy()
            == (
                lahir.day(),
                lahir.month(),
                lahir.year().rem_euclid(100) as u32,
            )
    }

    /// The NIK shown to someone who may not see it: region code and last two digits kept.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[0..6], &self.0[14..16])
    }

    /// Builds a NIK from its parts (used by the demo generator).
    pub fn compose(
        kode_wilayah: &str,
        lahir: NaiveDate,
        jenis_kelamin: JenisKelamin,
        nomor_urut: u32,
    ) -> Result<Self, NikError> {
        let day = match jenis_kelamin {
            JenisKelamin::LakiLaki => lahir.day(),
            JenisKelamin::Perempuan => lahir.day() + 40,
        };
        Self::parse(&format!(
            "{kode_wilayah}{day:02}{:02}{:02}{:04}",
            lahir.month(),
            lahir.year().rem_euclid(100),
            nomor_urut
        ))
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nik {
    type Error = NikError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Nik> for String {
    fn from(value: Nik) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn woman_born_3_march_1968() {
        let nik = Nik::parse("3273 0143 0368 0001").unwrap();
        assert_eq!(nik.jenis_kelamin(), JenisKelamin::Perempuan);
        assert_eq!(nik.tanggal_lahir_dmy(), (3, 3, 68));
        assert_eq!(nik.tanggal_lahir(d(2026, 11, 21)), Some(d(1968, 3, 3)));
        assert!(nik.cocok_tanggal_lahir(d(1968, 3, 3)));
        assert!(!nik.cocok_tanggal_lahir(d(1968, 3, 4)));
        assert_eq!(nik.masked(), "327301********01");
    }

    #[test]
    fn man_and_century() {
        let nik = Nik::parse("3404071512010003").unwrap();
        assert_eq!(nik.jenis_kelamin(), JenisKelamin::LakiLaki);
        assert_eq!(nik.tanggal_lahir(d(2026, 11, 21)), Some(d(2001, 12, 15)));
        let nik = Nik::parse("3404071512300003").unwrap();
        assert_eq!(nik.tanggal_lahir(d(2026, 11, 21)), Some(d(1930, 12, 15)));
    }

    #[test]
    fn rejections() {
        assert_eq!(Nik::parse(" "), Err(NikError::Kosong));
        assert_eq!(
            Nik::parse("327301430368000"),
            Err(NikError::Panjang { jumlah: 15 })
        );
        assert!(matches!(
            Nik::parse("32730143036800x1"),
            Err(NikError::BukanAngka { .. })
        ));
        assert_eq!(Nik::parse("0073014303680001"), Err(NikError::KodeWilayah));
        assert_eq!(Nik::parse("3273014303680000"), Err(NikError::NomorUrut));
        // day 32, day 40 (neither male nor female), day 72, month 13, 30 Feb, 29 Feb of YY=69
        for bad in [
            "3273013203680001",
            "3273014003680001",
            "3273017203680001",
            "3273010313680001",
            "3273013002680001",
            "3273012902690001",
        ] {
            assert!(
                matches!(Nik::parse(bad), Err(NikError::TanggalLahirMustahil { .. })),
                "{bad}"
            );
        }
        assert!(Nik::parse("3273016902680001").is_ok(), "29 Feb 68, woman");
    }

    #[test]
    fn compose_matches_parts() {
        let nik = Nik::compose("327301", d(1990, 7, 9), JenisKelamin::Perempuan, 12).unwrap();
        assert_eq!(nik.as_str(), "3273014907900012");
    }
}
