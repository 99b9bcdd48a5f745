//! Ranks: PNS golongan ruang with pangkat (PP 99/2000) and PPPK golongan I–XVII (Perpres 98/2020).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A PNS golongan ruang. The discriminant is the SIASN id (11–45); ordering follows seniority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
#[repr(u8)]
pub enum Golongan {
    /// I/a Juru Muda.
    IA = 11,
    /// I/b Juru Muda Tingkat I.
    IB = 12,
    /// I/c Juru.
    IC = 13,
    /// I/d Juru Tingkat I.
    ID = 14,
    /// II/a Pengatur Muda.
    IIA = 21,
    /// II/b Pengatur Muda Tingkat I.
    IIB = 22,
    /// II/c Pengatur.
    IIC = 23,
    /// II/d Pengatur Tingkat I.
    IID = 24,
    /// III/a Penata Muda.
    IIIA = 31,
    /// III/b Penata Muda Tingkat I.
    IIIB = 32,
    /// III/c Penata.
    IIIC = 33,
    /// III/d Penata Tingkat I.
    IIID = 34,
    /// IV/a Pembina.
    IVA = 41,
    /// IV/b Pembina Tingkat I.
    IVB = 42,
    /// IV/c Pembina Utama Muda.
    IVC = 43,
    /// IV/d Pembina Utama Madya.
    IVD = 44,
    /// IV/e Pembina Utama.
    IVE = 45,
}

/// Every PNS golongan, lowest first.
pub const SEMUA_GOLONGAN: [Golongan; 17] = [
    Golongan::IA,
    Golongan::IB,
    Golongan::IC,
    Golongan::ID,
    Golongan::IIA,
    Golongan::IIB,
    Golongan::IIC,
    Golongan::IID,
    Golongan::IIIA,
    Golongan::IIIB,
    Golongan::IIIC,
    Golongan::IIID,
    Golongan::IVA,
    Golongan::IVB,
    Golongan::IVC,
    Golongan::IVD,
    Golongan::IVE,
];

/// An id or label that names no golongan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("golongan tidak dikenal: {0}")]
pub struct GolonganTidakDikenal(pub String);

impl Golongan {
    /// SIASN id (11–45).
    pub fn id(self) -> u8 {
        self as u8
    }

    /// Looks a golongan up by SIASN id.
    pub fn from_id(id: u8) -> Option<Self> {
        SEMUA_GOLONGAN.into_iter().find(|g| g.id() == id)
    }

    /// Label as written on decrees, e.g. "III/a".
    pub fn label(self) -> &'static str {
        const LABELS: [&str; 17] = [
            "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
            "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
        ];
        LABELS.get(self.index()).copied().unwrap_or("?")
    }

    /// Pangkat name, e.g. "Penata Muda".
    pub fn pangkat(self) -> &'static str {
        const PANGKAT: [&str; 17] = [
            "Juru Muda",
            "Juru Muda Tingkat I",
            "Juru",
            "Juru Tingkat I",
            "Pengatur Muda",
            "Pengatur Muda Tingkat I",
            "Pengatur",
            "Pengatur Tingkat I",
            "Penata Muda",
            "Penata Muda Tingkat I",
            "Penata",
            "Penata Tingkat I",
            "Pembina",
            "Pembina Tingkat I",
            "Pembina Utama Muda",
            "Pembina Utama Madya",
            "Pembina Utama",
        ];
        PANGKAT.get(self.index()).copied().unwrap_or("?")
    }

    /// The next higher golongan (None for IV/e).
    pub fn berikutnya(self) -> Option<Self> {
        SEMUA_GOLONGAN.get(self.index() + 1).copied()
    }

    /// The Roman-numeral group (I–IV) as a number 1–4.
    pub fn kelompok(self) -> u8 {
        self.id() / 10
    }

    /// Parses a label such as "III/a" (case-insensitive, spaces ignored) or an id such as "31".
    pub fn parse(text: &str) -> Result<Self, GolonganTidakDikenal> {
        let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Ok(id) = cleaned.parse::<u8>() {
            return Self::from_id(id).ok_or(GolonganTidakDikenal(text.to_string()));
        }
        SEMUA_GOLONGAN
            .into_iter()
            .find(|g| g.label().eq_ignore_ascii_case(&cleaned))
            .ok_or(GolonganTidakDikenal(text.to_string()))
    }

    fn index(self) -> usize {
        SEMUA_GOLONGAN.iter().position(|g| *g == self).unwrap_or(0)
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl TryFrom<u8> for Golongan {
    type Error = GolonganTidakDikenal;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::from_id(value).ok_or(GolonganTidakDikenal(value.to_string()))
    }
}

impl From<Golongan> for u8 {
    fn from(value: Golongan) -> Self {
        value.id()
    }
}

/// A PPPK golongan, I to XVII.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct GolonganPppk(u8);

impl GolonganPppk {
    /// Golongan number 1–17.
    pub fn new(nomor: u8) -> Option<Self> {
        (1..=17).contains(&nomor).then_some(Self(nomor))
    }

    /// Golongan number 1–17.
    pub fn nomor(self) -> u8 {
        self.0
    }

    /// Roman-numeral label, e.g. "IX".
    pub fn label(self) -> &'static str {
        const ROMAN: [&str; 17] = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
            "XIV", "XV", "XVI", "XVII",
        ];
        ROMAN.get(usize::from(self.0) - 1).copied().unwrap_or("?")
    }

    /// Parses a Roman numeral ("IX") or a number ("9").
    pub fn parse(text: &str) -> Result<Self, GolonganTidakDikenal> {
        let t = text.trim();
        if let Ok(n) = t.parse::<u8>() {
            return Self::new(n).ok_or(GolonganTidakDikenal(text.to_string()));
        }
        (1..=17)
            .filter_map(Self::new)
            .find(|g| g.label().eq_ignore_ascii_case(t))
            .ok_or(GolonganTidakDikenal(text.to_string()))
    }
}

impl fmt::Display for GolonganPppk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl TryFrom<u8> for GolonganPppk {
    type Error = GolonganTidakDikenal;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value).ok_or(GolonganTidakDikenal(value.to_string()))
    }
}

impl From<GolonganPppk> for u8 {
    fn from(value: GolonganPppk) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_pp_99_2000() {
        assert_eq!(Golongan::IIIA.label(), "III/a");
        assert_eq!(Golongan::IIIA.pangkat(), "Penata Muda");
        assert_eq!(Golongan::IB.pangkat(), "Juru Muda Tingkat I");
        assert_eq!(Golongan::IVE.pangkat(), "Pembina Utama");
        assert_eq!(Golongan::IVD.pangkat(), "Pembina Utama Madya");
        assert_eq!(Golongan::IID.id(), 24);
        assert_eq!(Golongan::from_id(45), Some(Golongan::IVE));
        assert_eq!(Golongan::from_id(15), None);
        assert_eq!(Golongan::from_id(25), None);
    }

    #[test]
    fn ordering_and_next() {
        assert!(Golongan::IID < Golongan::IIIA);
        assert_eq!(Golongan::ID.berikutnya(), Some(Golongan::IIA));
        assert_eq!(Golongan::IIID.berikutnya(), Some(Golongan::IVA));
        assert_eq!(Golongan::IVE.berikutnya(), None);
        let mut g = Golongan::IA;
        let mut steps = 0;
        while let Some(n) = g.berikutnya() {
            assert!(n > g);
            g = n;
            steps += 1;
        }
        assert_eq!(steps, 16);
    }

    #[test]
    fn parsing() {
        assert_eq!(Golongan::parse("iii/ A"), Ok(Golongan::IIIA));
        assert_eq!(Golongan::parse("41"), Ok(Golongan::IVA));
        assert!(Golongan::parse("V/a").is_err());
        assert_eq!(GolonganPppk::parse("ix").map(|g| g.nomor()), Ok(9));
        assert_eq!(GolonganPppk::parse("17").map(|g| g.label()), Ok("XVII"));
        assert!(GolonganPppk::parse("XVIII").is_err());
        assert!(GolonganPppk::new(0).is_none());
    }
}
