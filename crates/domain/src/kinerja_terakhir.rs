//! One rating per year across both SKP models, for rules that look at recent performance.

use crate::riwayat::{DataRiwayat, PredikatKinerja};

/// The rating of one appraisal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenilaianTahunan {
    /// Year.
    pub tahun: i32,
    /// Rating.
    pub predikat: PredikatKinerja,
}

/// Ratings by year from an employee's SKP rows (both models), newest first.
pub fn dari_riwayat<'a>(rows: impl IntoIterator<Item = &'a DataRiwayat>) -> Vec<PenilaianTahunan> {
    let mut out: Vec<PenilaianTahunan> = rows
        .into_iter()
        .filter_map(|r| match r {
            DataRiwayat::Skp(s) => Some(PenilaianTahunan {
                tahun: s.tahun,
                predikat: s.predikat(),
            }),
            DataRiwayat::Skp22(s) => Some(PenilaianTahunan {
                tahun: s.tahun,
                predikat: s.predikat,
            }),
            _ => None,
        })
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(p.tahun));
    out.dedup_by_key(|p| p.tahun);
    out
}
