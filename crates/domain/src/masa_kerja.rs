//! Years of service (masa kerja): from TMT CPNS, plus prior service credited by PMK, minus
//! unpaid leave (CLTN is not counted as service).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::riwayat::{RiwayatCltn, RiwayatPmk};
use crate::tanggal::bulan_penuh;

/// Completed years and months of service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MasaKerja {
    /// Whole years.
    pub tahun: u32,
    /// Remaining whole months (0–11).
    pub bulan: u32,
}

impl MasaKerja {
    /// From a number of months.
    pub fn from_bulan(months: u32) -> Self {
        Self {
            tahun: months / 12,
            bulan: months % 12,
        }
    }

    /// Total months.
    pub fn total_bulan(self) -> u32 {
        self.tahun * 12 + self.bulan
    }
}

impl fmt::Display for MasaKerja {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} tahun {} bulan", self.tahun, self.bulan)
    }
}

/// Service on `pada` for someone appointed CPNS on `tmt_cpns`, given their PMK and CLTN rows.
///
/// CLTN months are subtracted only for the part of each leave that lies between TMT CPNS and
/// `pada`; overlapping leaves are counted once.
pub fn hitung(
    tmt_cpns: NaiveDate,
    pada: NaiveDate,
    pmk: &[RiwayatPmk],
    cltn: &[RiwayatCltn],
) -> MasaKerja {
    let dinas = bulan_penuh(tmt_cpns, pada);
    let tambahan: u32 = pmk
        .iter()
        .map(|p| p.masa_kerja_tahun * 12 + p.masa_kerja_bulan)
        .sum();
    let mut cuti: Vec<(NaiveDate, NaiveDate)> = cltn
        .iter()
        .map(|c| (c.tanggal_mulai.max(tmt_cpns), c.akhir().min(pada)))
        .filter(|(a, b)| a < b)
        .collect();
    cuti.sort_unstable();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (a, b) in cuti {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let tidak_dihitung: u32 = merged.iter().map(|(a, b)| bulan_penuh(*a, *b)).sum();
    MasaKerja::from_bulan((dinas + tambahan).saturating_sub(tidak_dihitung))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::Sk;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sk() -> Sk {
        Sk {
            nomor: "SK/1".into(),
            tanggal: d(2000, 1, 1),
        }
    }

    fn cltn(a: NaiveDate, b: NaiveDate) -> RiwayatCltn {
        RiwayatCltn {
            jenis_cltn: 1,
            tanggal_mulai: a,
            tanggal_selesai: b,
            tanggal_aktif_kembali: None,
            sk: sk(),
            nomor_pertek: None,
            tanggal_pertek: None,
            diperpanjang: false,
        }
    }

    #[test]
    fn plain_service() {
        let mk = hitung(d(1989, 11, 1), d(2026, 11, 21), &[], &[]);
        assert_eq!(
            mk,
            MasaKerja {
                tahun: 37,
                bulan: 0
            }
        );
        assert_eq!(
            hitung(d(2020, 3, 1), d(2020, 2, 1), &[], &[]).total_bulan(),
            0
        );
        assert_eq!(
            hitung(d(2020, 3, 1), d(2021, 2, 28), &[], &[]).to_string(),
            "0 tahun 11 bulan"
        );
    }

    #[test]
    fn pmk_adds_prior_service() {
        let pmk = RiwayatPmk {
            instansi_atau_perusahaan: "PT Contoh".into(),
            tanggal_mulai: d(2005, 1, 1),
            tanggal_selesai: d(2009, 6, 30),
            masa_kerja_tahun: 2,
            masa_kerja_bulan: 3,
            sk: sk(),
        };
        let mk = hitung(d(2010, 1, 1), d(2020, 1, 1), &[pmk], &[]);
        assert_eq!(
            mk,
            MasaKerja {
                tahun: 12,
                bulan: 3
            }
        );
    }

    #[test]
    fn cltn_is_not_service_and_overlaps_count_once() {
        let leave = cltn(d(2015, 1, 1), d(2016, 12, 31));
        let overlap = cltn(d(2016, 1, 1), d(2017, 6, 30));
        let mk = hitung(d(2010, 1, 1), d(2020, 1, 1), &[], &[]);
        assert_eq!(
            mk,
            MasaKerja {
                tahun: 10,
                bulan: 0
            }
        );
        let mk = hitung(
            d(2010, 1, 1),
            d(2020, 1, 1),
            &[],
            std::slice::from_ref(&leave),
        );
        assert_eq!(mk, MasaKerja { tahun: 8, bulan: 0 });
        let mk = hitung(d(2010, 1, 1), d(2020, 1, 1), &[], &[leave, overlap]);
        assert_eq!(mk, MasaKerja { tahun: 7, bulan: 6 });
        // A leave still running counts only up to the reference date.
        let running = cltn(d(2019, 7, 1), d(2022, 6, 30));
        let mk = hitung(d(2010, 1, 1), d(2020, 1, 1), &[], &[running]);
        assert_eq!(mk, MasaKerja { tahun: 9, bulan: 6 });
    }
}
