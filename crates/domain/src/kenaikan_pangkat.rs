//! Regular promotion (KP reguler, jenis KP 101): conditions that explain themselves, and the KP
//! period calendar (TMT of a KP is always the 1st of a period month).

use chrono::{Months, NaiveDate};

use crate::golongan::Golongan;
use crate::kinerja_terakhir::PenilaianTahunan;
use crate::referensi::{PeriodeKp, TingkatPendidikan};
use crate::riwayat::PredikatKinerja;
use crate::tanggal::BulanTahun;

/// Years in rank required for a regular promotion.
pub const MASA_GOLONGAN_REGULER_TAHUN: u32 = 4;

/// The facts the regular-promotion rule looks at.
#[derive(Debug, Clone)]
pub struct DataKpReguler<'a> {
    /// Current golongan.
    pub golongan: Golongan,
    /// TMT of the current golongan.
    pub tmt_golongan: NaiveDate,
    /// Education reference row of the highest recognised education.
    pub pendidikan: Option<&'a TingkatPendidikan>,
    /// SKP ratings by year (any model).
    pub penilaian: &'a [PenilaianTahunan],
    /// Direct superior's golongan, when known.
    pub golongan_atasan: Option<Golongan>,
    /// Whether the required service exam (ujian dinas) has been passed.
    pub lulus_ujian_dinas: bool,
    /// Whether a disciplinary penalty is in force on the period date.
    pub hukuman_disiplin_aktif: bool,
}

/// A condition of regular promotion that is not met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlasanBelumMemenuhi {
    /// Already IV/e.
    GolonganTertinggi,
    /// Fewer than 4 years in rank; met from the given date.
    MasaGolonganKurang {
        /// First date the 4 years are complete.
        terpenuhi_pada: NaiveDate,
    },
    /// The next golongan is above the education ceiling.
    MelebihiBatasPendidikan {
        /// The ceiling.
        batas: Golongan,
    },
    /// The education has no known ceiling in the reference.
    BatasPendidikanTidakDiketahui,
    /// An SKP of one of the last two years is missing or below "Baik".
    SkpKurang {
        /// The year.
        tahun: i32,
        /// The rating, if there is one.
        predikat: Option<PredikatKinerja>,
    },
    /// The next golongan would be above the direct superior's.
    MelebihiAtasan {
        /// The superior's golongan.
        atasan: Golongan,
    },
    /// I/d→II/a and II/d→III/a need the service exam.
    PerluUjianDinas,
    /// A disciplinary penalty is in force.
    HukumanDisiplin,
}

/// The outcome of the regular-promotion rule for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HasilKpReguler {
    /// The KP period date evaluated.
    pub periode: NaiveDate,
    /// The golongan the promotion would give.
    pub golongan_baru: Option<Golongan>,
    /// Conditions not met; empty means eligible.
    pub alasan: Vec<AlasanBelumMemenuhi>,
}

impl HasilKpReguler {
    /// True when every condition is met.
    pub fn memenuhi(&self) -> bool {
        self.alasan.is_empty()
    }
}

/// Evaluates regular promotion for the KP period starting on `periode`.
pub fn kp_reguler(data: &DataKpReguler<'_>, periode: NaiveDate) -> HasilKpReguler {
    let mut alasan = Vec::new();
    let Some(baru) = data.golongan.berikutnya() else {
        return HasilKpReguler {
            periode,
            golongan_baru: None,
            alasan: vec![AlasanBelumMemenuhi::GolonganTertinggi],
        };
    };
    let terpenuhi_pada = data
        .tmt_golongan
        .checked_add_months(Months::new(MASA_GOLONGAN_REGULER_TAHUN * 12))
        .unwrap_or(NaiveDate::MAX);
    if periode < terpenuhi_pada {
        alasan.push(AlasanBelumMemenuhi::MasaGolonganKurang { terpenuhi_pada });
    }
    match data.pendidikan.and_then(|p| p.golongan_maks) {
        Some(batas) if baru > batas => {
            alasan.push(AlasanBelumMemenuhi::MelebihiBatasPendidikan { batas })
        }
        Some(_) => {}
        None => alasan.push(AlasanBelumMemenuhi::BatasPendidikanTidakDiketahui),
    }
    // The two full appraisal years before the period.
    let tahun_periode = BulanTahun::of(periode).tahun;
    for tahun in [tahun_periode - 2, tahun_periode - 1] {
        let predikat = data
            .penilaian
            .iter()
            .find(|p| p.tahun == tahun)
            .map(|p| p.predikat);
        if predikat.is_none_or(|p| p < PredikatKinerja::Baik) {
            alasan.push(AlasanBelumMemenuhi::SkpKurang { tahun, predikat });
        }
    }
    if let Some(atasan) = data.golongan_atasan
        && baru > atasan
    {
        alasan.push(AlasanBelumMemenuhi::MelebihiAtasan { atasan });
    }
    let butuh_ujian = matches!(
        (data.golongan, baru),
        (Golongan::ID, Golongan::IIA) | (Golongan::IID, Golongan::IIIA)
    );
    if butuh_ujian && !data.lulus_ujian_dinas {
        alasan.push(AlasanBelumMemenuhi::PerluUjianDinas);
    }
    if data.hukuman_disiplin_aktif {
        alasan.push(AlasanBelumMemenuhi::HukumanDisiplin);
    }
    HasilKpReguler {
        periode,
        golongan_baru: Some(baru),
        alasan,
    }
}

/// The first KP period date on or after `dari`, from the period calendar.
pub fn periode_berikutnya(kalender: &[PeriodeKp], dari: NaiveDate) -> Option<NaiveDate> {
    let mut month = BulanTahun::of(dari);
    if month.hari_pertama() < dari {
        month = month.tambah_bulan(1);
    }
    // Twelve years is longer than any gap between periods; stop there so bad data cannot loop.
    for _ in 0..144 {
        let date = month.hari_pertama();
        let berlaku = kalender
            .iter()
            .find(|p| p.berlaku_mulai <= date && p.berlaku_sampai.is_none_or(|end| date <= end));
        if berlaku.is_some_and(|p| p.bulan.contains(&month.bulan)) {
            return Some(date);
        }
        month = month.tambah_bulan(1);
    }
    None
}

/// Whether `tmt` is a valid KP TMT under the calendar (1st of a period month).
pub fn tmt_sesuai_periode(kalender: &[PeriodeKp], tmt: NaiveDate) -> bool {
    periode_berikutnya(kalender, tmt) == Some(tmt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referensi::periode_kp_awal;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn s1() -> TingkatPendidikan {
        TingkatPendidikan {
            id: "40".into(),
            nama: "S-1".into(),
            golongan_awal: Some(Golongan::IIIA),
            golongan_maks: Some(Golongan::IIID),
        }
    }

    fn baik(tahun: i32) -> PenilaianTahunan {
        PenilaianTahunan {
            tahun,
            predikat: PredikatKinerja::Baik,
        }
    }

    #[test]
    fn period_calendar_follows_its_validity() {
        let k = periode_kp_awal();
        // Until 2023: April and October.
        assert_eq!(periode_berikutnya(&k, d(2023, 4, 2)), Some(d(2023, 10, 1)));
        assert_eq!(periode_berikutnya(&k, d(2023, 10, 2)), Some(d(2024, 2, 1)));
        // 2024 to Sept 2025: six a year.
        assert_eq!(periode_berikutnya(&k, d(2024, 2, 1)), Some(d(2024, 2, 1)));
        assert_eq!(periode_berikutnya(&k, d(2025, 8, 15)), Some(d(2025, 10, 1)));
        // From 1 Oct 2025: every month.
        assert_eq!(periode_berikutnya(&k, d(2025, 10, 2)), Some(d(2025, 11, 1)));
        assert!(tmt_sesuai_periode(&k, d(2026, 7, 1)));
        assert!(!tmt_sesuai_periode(&k, d(2024, 3, 1)));
        assert!(!tmt_sesuai_periode(&k, d(2022, 6, 1)));
        assert_eq!(periode_berikutnya(&[], d(2025, 1, 1)), None);
    }

    #[test]
    fn eligible_after_four_years_with_good_skp() {
        let pend = s1();
        let skp = [baik(2024), baik(2025)];
        let data = DataKpReguler {
            golongan: Golongan::IIIA,
            tmt_golongan: d(2022, 4, 1),
            pendidikan: Some(&pend),
            penilaian: &skp,
            golongan_atasan: Some(Golongan::IVA),
            lulus_ujian_dinas: false,
            hukuman_disiplin_aktif: false,
        };
        let h = kp_reguler(&data, d(2026, 4, 1));
        assert!(h.memenuhi(), "{:?}", h.alasan);
        assert_eq!(h.golongan_baru, Some(Golongan::IIIB));
        let early = kp_reguler(&data, d(2026, 3, 1));
        assert_eq!(
            early.alasan,
            vec![AlasanBelumMemenuhi::MasaGolonganKurang {
                terpenuhi_pada: d(2026, 4, 1)
            }]
        );
    }

    #[test]
    fn every_unmet_condition_is_named() {
        let pend = s1();
        let skp = [PenilaianTahunan {
            tahun: 2025,
            predikat: PredikatKinerja::ButuhPerbaikan,
        }];
        let data = DataKpReguler {
            golongan: Golongan::IIID,
            tmt_golongan: d(2020, 4, 1),
            pendidikan: Some(&pend),
            penilaian: &skp,
            golongan_atasan: Some(Golongan::IIID),
            lulus_ujian_dinas: true,
            hukuman_disiplin_aktif: true,
        };
        let h = kp_reguler(&data, d(2026, 4, 1));
        assert_eq!(
            h.alasan,
            vec![
                AlasanBelumMemenuhi::MelebihiBatasPendidikan {
                    batas: Golongan::IIID
                },
                AlasanBelumMemenuhi::SkpKurang {
                    tahun: 2024,
                    predikat: None
                },
                AlasanBelumMemenuhi::SkpKurang {
                    tahun: 2025,
                    predikat: Some(PredikatKinerja::ButuhPerbaikan)
                },
                AlasanBelumMemenuhi::MelebihiAtasan {
                    atasan: Golongan::IIID
                },
                AlasanBelumMemenuhi::HukumanDisiplin,
            ]
        );
    }

    #[test]
    fn service_exam_at_group_boundaries() {
        let slta = TingkatPendidikan {
            id: "15".into(),
            nama: "SLTA".into(),
            golongan_awal: Some(Golongan::IIA),
            golongan_maks: Some(Golongan::IIIB),
        };
        let skp = [baik(2024), baik(2025)];
        let mut data = DataKpReguler {
            golongan: Golongan::IID,
            tmt_golongan: d(2020, 4, 1),
            pendidikan: Some(&slta),
            penilaian: &skp,
            golongan_atasan: None,
            lulus_ujian_dinas: false,
            hukuman_disiplin_aktif: false,
        };
        assert_eq!(
            kp_reguler(&data, d(2026, 4, 1)).alasan,
            vec![AlasanBelumMemenuhi::PerluUjianDinas]
        );
        data.lulus_ujian_dinas = true;
        assert!(kp_reguler(&data, d(2026, 4, 1)).memenuhi());
        data.golongan = Golongan::IVE;
        assert_eq!(
            kp_reguler(&data, d(2026, 4, 1)).alasan,
            vec![AlasanBelumMemenuhi::GolonganTertinggi]
        );
    }
}
