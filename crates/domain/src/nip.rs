//! NIP: the 18-digit PNS employee number, and the legacy 9-digit NIP lama.
//!
//! Layout (PP 99/2000 practice, as written on every SK): `YYYYMMDD` birth date, `YYYYMM` TMT CPNS,
//! `G` sex (1 male, 2 female), `NNN` sequence. Commonly written in 8-6-1-3 groups.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::tanggal::{BulanTahun, usia_pada};

/// Sex as encoded in NIP, NIK and personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisKelamin {
    /// Laki-laki (NIP digit 1).
    #[serde(rename = "L")]
    LakiLaki,
    /// Perempuan (NIP digit 2).
    #[serde(rename = "P")]
    Perempuan,
}

impl JenisKelamin {
    /// Single-letter code used in storage and the API ("L"/"P").
    pub fn kode(self) -> &'static str {
        match self {
            Self::LakiLaki => "L",
            Self::Perempuan => "P",
        }
    }

    /// Parses the single-letter code ("L"/"P", also "M"/"F").
    pub fn from_kode(kode: &str) -> Option<Self> {
        match kode {
            "L" | "l" | "M" | "m" | "1" => Some(Self::LakiLaki),
            "P" | "p" | "F" | "f" | "2" => Some(Self::Perempuan),
            _ => None,
        }
    }

    /// Indonesian label.
    pub fn nama(self) -> &'static str {
        match self {
            Self::LakiLaki => "Laki-laki",
            Self::Perempuan => "Perempuan",
        }
    }
}

/// Why a string is not a valid NIP. `Display` is a stable code for logs; people read the reason through `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    /// Nothing but whitespace was given.
    #[error("nip.kosong")]
    Kosong,
    /// A character that is neither a digit nor a group-separating space.
    #[error("nip.bukan_angka")]
    BukanAngka { karakter: char, posisi: usize },
    /// A space somewhere other than between the 8-6-1-3 groups.
    #[error("nip.spasi_salah_tempat")]
    SpasiSalahTempat { posisi: usize },
    /// Not exactly 18 digits.
    #[error("nip.panjang")]
    Panjang { jumlah: usize },
    /// Digits 1–8 are not a real calendar date.
    #[error("nip.tanggal_lahir_mustahil")]
    TanggalLahirMustahil { teks: String },
    /// Digits 1–8 are a date after today.
    #[error("nip.tanggal_lahir_masa_depan")]
    TanggalLahirMasaDepan { tanggal: NaiveDate },
    /// Digits 13–14 are not a month 01–12.
    #[error("nip.bulan_tmt_cpns_mustahil")]
    BulanTmtCpnsMustahil { bulan: u32 },
    /// TMT CPNS (digits 9–14) lies before the birth month.
    #[error("nip.tmt_cpns_sebelum_lahir")]
    TmtCpnsSebelumLahir { tmt: BulanTahun, lahir: NaiveDate },
    /// Digit 15 is not 1 (male) or 2 (female).
    #[error("nip.jenis_kelamin")]
    JenisKelamin { angka: char },
}

/// Something unusual about a valid NIP that a verifier should look at (never a rejection).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NipPeringatan {
    /// The holder was younger than 18 at TMT CPNS.
    UsiaDiBawah18SaatCpns { usia: u32 },
}

/// A valid 18-digit NIP (nipBaru). Stores digits only; displays in 8-6-1-3 groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

/// Positions (counted in digits) after which a separating space is allowed.
const NIP_GROUP_ENDS: [usize; 3] = [8, 14, 15];

impl Nip {
    /// Parses a NIP written with or without 8-6-1-3 spaces, checking it against `today`.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, NipError> {
        let digits = digits_in_groups(input, 18, &NIP_GROUP_ENDS)?;
        let lahir = birth_date_of(&digits)?;
        if lahir > today {
            return Err(NipError::TanggalLahirMasaDepan { tanggal: lahir });
        }
        let tahun = number(&digits[8..12]) as i32;
        let bulan = number(&digits[12..14]);
        if !(1..=12).contains(&bulan) {
            return Err(NipError::BulanTmtCpnsMustahil { bulan });
        }
        let tmt = BulanTahun { tahun, bulan };
        if tmt < BulanTahun::of(lahir) {
            return Err(NipError::TmtCpnsSebelumLahir { tmt, lahir });
        }
        let sex = digits.as_bytes()[14] as char;
        if sex != '1' && sex != '2' {
            return Err(NipError::JenisKelamin { angka: sex });
        }
        Ok(Self(digits))
    }

    /// The 18 digits without spaces (the storage and API form).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Birth date (digits 1–8).
    pub fn tanggal_lahir(&self) -> NaiveDate {
        // Validated in `parse`; the fallback is unreachable for a constructed Nip.
        birth_date_of(&self.0).unwrap_or(NaiveDate::MIN)
    }

    /// TMT CPNS year and month (digits 9–14).
    pub fn tmt_cpns(&self) -> BulanTahun {
        BulanTahun {
            tahun: number(&self.0[8..12]) as i32,
            bulan: number(&self.0[12..14]),
        }
    }

    /// Sex (digit 15).
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        if self.0.as_bytes()[14] == b'2' {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        }
    }

    /// Sequence number (digits 16–18); 1 unless the first 15 digits collide.
    pub fn nomor_urut(&self) -> u32 {
        number(&self.0[15..18])
    }

    /// Things a verifier should look at; empty for an ordinary NIP.
    pub fn peringatan(&self) -> Vec<NipPeringatan> {
        let tmt = self.tmt_cpns().hari_pertama();
        let usia = usia_pada(self.tanggal_lahir(), tmt);
        if usia < 18 {
            vec![NipPeringatan::UsiaDiBawah18SaatCpns { usia }]
        } else {
            Vec::new()
        }
    }

    /// Builds the NIP for the given parts (used when appointing and by the demo generator).
    pub fn compose(
        lahir: NaiveDate,
        tmt_cpns: BulanTahun,
        jenis_kelamin: JenisKelamin,
        nomor_urut: u32,
    ) -> Result<Self, NipError> {
        if nomor_urut > 999 {
            return Err(NipError::Panjang { jumlah: 19 });
        }
        let sex = match jenis_kelamin {
            JenisKelamin::LakiLaki => 1,
            JenisKelamin::Perempuan => 2,
        };
        let text = format!(
            "{:04}{:02}{:02}{:04}{:02}{}{:03}",
            lahir.year(),
            lahir.month(),
            lahir.day(),
            tmt_cpns.tahun,
            tmt_cpns.bulan,
            sex,
            nomor_urut
        );
        Self::parse(&text, NaiveDate::MAX)
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(
            f,
            "{} {} {} {}",
            &d[0..8],
            &d[8..14],
            &d[14..15],
            &d[15..18]
        )
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    /// Accepts a stored NIP; the future-date check is left to `parse` at input time.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value, NaiveDate::MAX)
    }
}

impl From<Nip> for String {
    fn from(value: Nip) -> Self {
        value.0
    }
}

/// The legacy 9-digit NIP lama (BAKN numbering before 2000s), kept as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NipLama(String);

impl NipLama {
    /// Parses 9 digits, allowing spaces anywhere (it was written in several ways).
    pub fn parse(input: &str) -> Result<Self, NipError> {
        let mut digits = String::with_capacity(9);
        for (i, c) in input.trim().chars().enumerate() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !c.is_whitespace() {
                return Err(NipError::BukanAngka {
                    karakter: c,
                    posisi: i + 1,
                });
            }
        }
        match digits.len() {
            0 => Err(NipError::Kosong),
            9 => Ok(Self(digits)),
            n => Err(NipError::Panjang { jumlah: n }),
        }
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NipLama {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for NipLama {
    type Error = NipError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<NipLama> for String {
    fn from(value: NipLama) -> Self {
        value.0
    }
}

/// Collects `len` digits, allowing whitespace only right after the digit counts in `group_ends`.
pub(crate) fn digits_in_groups(
    input: &str,
    len: usize,
    group_ends: &[usize],
) -> Result<String, NipError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(NipError::Kosong);
    }
    let mut digits = String::with_capacity(len);
    let mut bad_space = None;
    for (i, c) in trimmed.chars().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ' ' || c == '\u{a0}' || c == '\t' || c == '-' || c == '.' {
            // Spaces (and the dots/dashes some spreadsheets insert) may only separate groups.
            if !group_ends.contains(&digits.len()) && bad_space.is_none() {
                bad_space = Some(i + 1);
            }
        } else {
            return Err(NipError::BukanAngka {
                karakter: c,
                posisi: i + 1,
            });
        }
    }
    if digits.len() != len {
        return Err(NipError::Panjang {
            jumlah: digits.len(),
        });
    }
    if let Some(posisi) = bad_space {
        return Err(NipError::SpasiSalahTempat { posisi });
    }
    Ok(digits)
}

fn birth_date_of(digits: &str) -> Result<NaiveDate, NipError> {
    let y = number(&digits[0..4]) as i32;
    let m = number(&digits[4..6]);
    let d = number(&digits[6..8]);
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| NipError::TanggalLahirMustahil {
        teks: format!("{y:04}-{m:02}-{d:02}"),
    })
}

/// Value of an ASCII digit string (callers pass validated digits only).
pub(crate) fn number(digits: &str) -> u32 {
    digits
        .bytes()
        .fold(0, |acc, b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn example_from_a_signed_letter() {
        let nip = Nip::parse("19680303 198911 2 001", today()).unwrap();
        assert_eq!(nip.as_str(), "196803031989112001");
        assert_eq!(
            nip.tanggal_lahir(),
            NaiveDate::from_ymd_opt(1968, 3, 3).unwrap()
        );
        assert_eq!(
            nip.tmt_cpns(),
            BulanTahun {
                tahun: 1989,
                bulan: 11
            }
        );
        assert_eq!(nip.jenis_kelamin(), JenisKelamin::Perempuan);
        assert_eq!(nip.nomor_urut(), 1);
        assert_eq!(nip.to_string(), "19680303 198911 2 001");
        assert!(nip.peringatan().is_empty());
    }

    #[test]
    fn accepts_common_spacings() {
        for s in [
            "196803031989112001",
            "19680303 198911 2 001",
            "19680303 1989112001",
            "19680303 198911 2001",
            "  19680303198911 2 001 ",
            "19680303.198911.2.001",
        ] {
            assert_eq!(
                Nip::parse(s, today()).unwrap().as_str(),
                "196803031989112001",
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_with_reasons() {
        let t = today();
        assert_eq!(Nip::parse("", t), Err(NipError::Kosong));
        assert_eq!(
            Nip::parse("19680303198911200", t),
            Err(NipError::Panjang { jumlah: 17 })
        );
        assert_eq!(
            Nip::parse("1968030319891120011", t),
            Err(NipError::Panjang { jumlah: 19 })
        );
        assert_eq!(
            Nip::parse("19680303198911200O", t),
            Err(NipError::BukanAngka {
                karakter: 'O',
                posisi: 18
            })
        );
        assert_eq!(
            Nip::parse("1968 0303198911 2001", t),
            Err(NipError::SpasiSalahTempat { posisi: 5 })
        );
        assert!(matches!(
            Nip::parse("197102291995031001", t),
            Err(NipError::TanggalLahirMustahil { .. })
        ));
        assert!(matches!(
            Nip::parse("196813031989112001", t),
            Err(NipError::TanggalLahirMustahil { .. })
        ));
        assert!(matches!(
            Nip::parse("196804311989112001", t),
            Err(NipError::TanggalLahirMustahil { .. })
        ));
        assert_eq!(
            Nip::parse("196803031989132001", t),
            Err(NipError::BulanTmtCpnsMustahil { bulan: 13 })
        );
        assert_eq!(
            Nip::parse("196803031989002001", t),
            Err(NipError::BulanTmtCpnsMustahil { bulan: 0 })
        );
        assert!(matches!(
            Nip::parse("196803031967112001", t),
            Err(NipError::TmtCpnsSebelumLahir { .. })
        ));
        assert_eq!(
            Nip::parse("196803031989113001", t),
            Err(NipError::JenisKelamin { angka: '3' })
        );
        assert_eq!(
            Nip::parse("196803031989110001", t),
            Err(NipError::JenisKelamin { angka: '0' })
        );
        assert!(matches!(
            Nip::parse("202703032045112001", t),
            Err(NipError::TanggalLahirMasaDepan { .. })
        ));
    }

    #[test]
    fn leap_day_births() {
        let t = today();
        assert!(Nip::parse("197202291995031001", t).is_ok());
        assert!(Nip::parse("200002292023031001", t).is_ok());
        // 1900 is not a leap year (divisible by 100, not by 400).
        assert!(matches!(
            Nip::parse("190002291925031001", t),
            Err(NipError::TanggalLahirMustahil { .. })
        ));
    }

    #[test]
    fn same_month_cpns_is_valid_but_flagged() {
        let nip = Nip::parse("200005052000051001", today()).unwrap();
        assert_eq!(
            nip.peringatan(),
            vec![NipPeringatan::UsiaDiBawah18SaatCpns { usia: 0 }]
        );
    }

    #[test]
    fn under_18_at_cpns_is_flagged_not_rejected() {
        let nip = Nip::parse("19900615 200801 1 001", today()).unwrap();
        assert_eq!(
            nip.peringatan(),
            vec![NipPeringatan::UsiaDiBawah18SaatCpns { usia: 17 }]
        );
        let nip = Nip::parse("19900101 200801 1 001", today()).unwrap();
        assert!(nip.peringatan().is_empty());
    }

    #[test]
    fn nip_lama() {
        assert_eq!(NipLama::parse("010 203 040").unwrap().as_str(), "010203040");
        assert_eq!(
            NipLama::parse("12345678"),
            Err(NipError::Panjang { jumlah: 8 })
        );
    }

    #[test]
    fn compose_round_trips() {
        let lahir = NaiveDate::from_ymd_opt(1985, 12, 31).unwrap();
        let nip = Nip::compose(
            lahir,
            BulanTahun {
                tahun: 2010,
                bulan: 1,
            },
            JenisKelamin::LakiLaki,
            12,
        )
        .unwrap();
        assert_eq!(nip.as_str(), "198512312010011012");
    }
}
