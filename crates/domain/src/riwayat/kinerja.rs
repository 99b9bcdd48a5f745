//! Performance appraisal (SKP): the numeric model to 2021 (PP 46/2011) and the kuadran model from
//! 2022 (PermenPANRB 6/2022).

use serde::{Deserialize, Serialize};

/// Performance rating in words, comparable across both models for the promotion rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PredikatKinerja {
    /// Sangat Kurang (2022 model) / Buruk (numeric ≤ 50).
    SangatKurang,
    /// Kurang (numeric 51–60).
    Kurang,
    /// Butuh Perbaikan (2022) / Cukup (numeric 61–75).
    ButuhPerbaikan,
    /// Baik (numeric 76–90).
    Baik,
    /// Sangat Baik (numeric ≥ 91).
    SangatBaik,
}

impl PredikatKinerja {
    /// Indonesian label.
    pub fn nama(self) -> &'static str {
        match self {
            Self::SangatKurang => "Sangat Kurang",
            Self::Kurang => "Kurang",
            Self::ButuhPerbaikan => "Butuh Perbaikan",
            Self::Baik => "Baik",
            Self::SangatBaik => "Sangat Baik",
        }
    }

    /// The 2022 kuadran code (1 Sangat Baik ... 5 Sangat Kurang).
    pub fn kuadran(self) -> u8 {
        match self {
            Self::SangatBaik => 1,
            Self::Baik => 2,
            Self::ButuhPerbaikan => 3,
            Self::Kurang => 4,
            Self::SangatKurang => 5,
        }
    }

    /// From a 2022 kuadran code.
    pub fn from_kuadran(kuadran: u8) -> Option<Self> {
        match kuadran {
            1 => Some(Self::SangatBaik),
            2 => Some(Self::Baik),
            3 => Some(Self::ButuhPerbaikan),
            4 => Some(Self::Kurang),
            5 => Some(Self::SangatKurang),
            _ => None,
        }
    }

    /// From a numeric SKP score (PP 46/2011 bands).
    pub fn from_nilai(nilai: f64) -> Self {
        if nilai >= 91.0 {
            Self::SangatBaik
        } else if nilai >= 76.0 {
            Self::Baik
        } else if nilai >= 61.0 {
            Self::ButuhPerbaikan
        } else if nilai > 50.0 {
            Self::Kurang
        } else {
            Self::SangatKurang
        }
    }
}

/// Rating of work results or behaviour against expectation (2022 model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ekspektasi {
    /// 1: above expectation.
    DiAtas,
    /// 2: as expected.
    Sesuai,
    /// 3: below expectation.
    DiBawah,
}

impl Ekspektasi {
    /// SIASN code (1–3).
    pub fn kode(self) -> u8 {
        match self {
            Self::DiAtas => 1,
            Self::Sesuai => 2,
            Self::DiBawah => 3,
        }
    }

    /// From the SIASN code.
    pub fn from_kode(kode: u8) -> Option<Self> {
        match kode {
            1 => Some(Self::DiAtas),
            2 => Some(Self::Sesuai),
            3 => Some(Self::DiBawah),
            _ => None,
        }
    }
}

/// The 2022 rating matrix: work results × behaviour → predikat.
pub fn predikat_kinerja(hasil_kerja: Ekspektasi, perilaku: Ekspektasi) -> PredikatKinerja {
    use Ekspektasi::*;
    match (hasil_kerja, perilaku) {
        (DiAtas, DiAtas) => PredikatKinerja::SangatBaik,
        (DiAtas, Sesuai) | (Sesuai, DiAtas) | (Sesuai, Sesuai) => PredikatKinerja::Baik,
        (DiBawah, DiAtas) | (DiBawah, Sesuai) => PredikatKinerja::ButuhPerbaikan,
        (DiAtas, DiBawah) | (Sesuai, DiBawah) => PredikatKinerja::Kurang,
        (DiBawah, DiBawah) => PredikatKinerja::SangatKurang,
    }
}

/// A numeric SKP (to 2021): 60% work target, 40% behaviour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiwayatSkp {
    /// Year appraised.
    pub tahun: i32,
    /// Work-target score (nilai SKP).
    pub nilai_skp: f64,
    /// Behaviour: service orientation.
    pub orientasi_pelayanan: f64,
    /// Behaviour: integrity.
    pub integritas: f64,
    /// Behaviour: commitment.
    pub komitmen: f64,
    /// Behaviour: discipline.
    pub disiplin: f64,
    /// Behaviour: cooperation.
    pub kerjasama: f64,
    /// Behaviour: leadership (structural posts only).
    pub kepemimpinan: Option<f64>,
    /// Behaviour: initiative, appraised in 2021 under PermenPANRB 8/2021's transition (SIASN's
    /// `inisiatifKerja`); absent before.
    #[serde(default)]
    pub inisiatif_kerja: Option<f64>,
    /// Appraiser's NIP.
    pub penilai_nip: Option<String>,
    /// Appraiser's name.
    pub penilai_nama: Option<String>,
    /// Appraiser's position.
    pub penilai_jabatan: Option<String>,
}

impl RiwayatSkp {
    /// The behaviour items (five, or six with leadership).
    fn perilaku(&self) -> Vec<f64> {
        let mut items = vec![
            self.orientasi_pelayanan,
            self.integritas,
            self.komitmen,
            self.disiplin,
            self.kerjasama,
        ];
        items.extend(self.kepemimpinan);
        items
    }

    /// Sum of the behaviour items.
    pub fn jumlah_perilaku(&self) -> f64 {
        self.perilaku().iter().sum()
    }

    /// Average of the behaviour items.
    pub fn nilai_perilaku(&self) -> f64 {
        self.jumlah_perilaku() / self.perilaku().len() as f64
    }

    /// Final score: 60% SKP plus 40% behaviour.
    pub fn nilai_prestasi(&self) -> f64 {
        self.nilai_skp * 0.6 + self.nilai_perilaku() * 0.4
    }

    /// Rating in words.
    pub fn predikat(&self) -> PredikatKinerja {
        PredikatKinerja::from_nilai(self.nilai_prestasi())
    }
}

/// A kuadran SKP (from 2022).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatSkp22 {
    /// Year appraised.
    pub tahun: i32,
    /// Work results against expectation.
    pub hasil_kinerja: Ekspektasi,
    /// Behaviour against expectation.
    pub perilaku_kerja: Ekspektasi,
    /// Resulting rating (kuadran).
    pub predikat: PredikatKinerja,
    /// Appraiser's NIP.
    pub penilai_nip: Option<String>,
    /// Appraiser's name.
    pub penilai_nama: Option<String>,
    /// Appraiser's position.
    pub penilai_jabatan: Option<String>,
    /// Appraiser's unit.
    pub penilai_unor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_of_permenpanrb_6_2022() {
        use Ekspektasi::*;
        assert_eq!(
            predikat_kinerja(DiAtas, DiAtas),
            PredikatKinerja::SangatBaik
        );
        assert_eq!(predikat_kinerja(Sesuai, Sesuai), PredikatKinerja::Baik);
        assert_eq!(predikat_kinerja(DiAtas, Sesuai), PredikatKinerja::Baik);
        assert_eq!(
            predikat_kinerja(DiBawah, DiAtas),
            PredikatKinerja::ButuhPerbaikan
        );
        assert_eq!(predikat_kinerja(Sesuai, DiBawah), PredikatKinerja::Kurang);
        assert_eq!(
            predikat_kinerja(DiBawah, DiBawah),
            PredikatKinerja::SangatKurang
        );
    }

    #[test]
    fn numeric_bands_of_pp_46_2011() {
        assert_eq!(
            PredikatKinerja::from_nilai(91.0),
            PredikatKinerja::SangatBaik
        );
        assert_eq!(PredikatKinerja::from_nilai(90.99), PredikatKinerja::Baik);
        assert_eq!(PredikatKinerja::from_nilai(76.0), PredikatKinerja::Baik);
        assert_eq!(
            PredikatKinerja::from_nilai(75.9),
            PredikatKinerja::ButuhPerbaikan
        );
        assert_eq!(PredikatKinerja::from_nilai(51.0), PredikatKinerja::Kurang);
        assert_eq!(
            PredikatKinerja::from_nilai(50.0),
            PredikatKinerja::SangatKurang
        );
        let skp = RiwayatSkp {
            tahun: 2020,
            nilai_skp: 85.0,
            orientasi_pelayanan: 80.0,
            integritas: 80.0,
            komitmen: 80.0,
            disiplin: 80.0,
            kerjasama: 80.0,
            kepemimpinan: None,
            inisiatif_kerja: None,
            penilai_nip: None,
            penilai_nama: None,
            penilai_jabatan: None,
        };
        assert!((skp.nilai_prestasi() - 83.0).abs() < 1e-9);
        assert_eq!(skp.predikat(), PredikatKinerja::Baik);
    }
}
