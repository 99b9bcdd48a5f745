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

/// Years in rank required for a promotion in a functional position (with the credit points).
pub const MASA_GOLONGAN_FUNGSIONAL_TAHUN: u32 = 2;

/// Perban BKN 2/2025 (20 May 2025) lifted the limit of the direct superior's rank for regular
/// promotions; periods from this date are no longer checked against it.
pub fn batas_atasan_dicabut() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 5, 20).unwrap_or(NaiveDate::MIN)
}

/// Credit points for a promotion in a functional position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SyaratFungsional {
    /// Cumulative credit points the employee has (latest PAK), if any.
    pub angka_kredit: Option<f64>,
    /// Cumulative points the next golongan needs, from the reference (None: not known).
    pub minimal: Option<f64>,
}

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
    /// For an employee in a functional position: the credit-point condition (2 years in rank
    /// instead of 4). None: a regular promotion.
    pub fungsional: Option<SyaratFungsional>,
}

/// A condition of regular promotion that is not met.
#[derive(Debug, Clone, PartialEq)]
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
    /// Not enough credit points for the next golongan.
    AngkaKreditKurang {
        /// Points the employee has (None: no PAK recorded).
        dimiliki: Option<f64>,
        /// Points needed.
        minimal: f64,
    },
    /// The reference does not say how many credit points the next golongan needs.
    AngkaKreditTidakDiketahui,
}

/// The outcome of the regular-promotion rule for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct HasilKpReguler {
    /// The KP period date evaluated.
    pub periode: NaiveDate,
    /// The golongan the promotion would give.
    pub golongan_baru: Option<Golongan>,
    /// Conditions not met; empty means eligible.
    pub alasan: Vec<AlasanBelumMemenuhi>,
}

impl AlasanBelumMemenuhi {
    /// Whether the condition stops a case from being started. Conditions the record cannot
    /// show (the service exam, a ceiling or credit table the reference lacks) do not: the
    /// operator proves them with documents and BKN checks them.
    pub fn menghalangi(&self) -> bool {
        !matches!(
            self,
            Self::PerluUjianDinas
                | Self::BatasPendidikanTidakDiketahui
                | Self::AngkaKreditTidakDiketahui
                | Self::MelebihiAtasan { .. }
        )
    }
}

impl HasilKpReguler {
    /// Whether a case may be started (no blocking condition).
    pub fn boleh_diusulkan(&self) -> bool {
        self.alasan.iter().all(|a| !a.menghalangi())
    }

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
    let tahun = if data.fungsional.is_some() {
        MASA_GOLONGAN_FUNGSIONAL_TAHUN
    } else {
        MASA_GOLONGAN_REGULER_TAHUN
    };
    let terpenuhi_pada = data
        .tmt_golongan
        .checked_add_months(Months::new(tahun * 12))
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
        && periode < batas_atasan_dicabut()
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
    if let Some(f) = data.fungsional {
        match f.minimal {
            None => alasan.push(AlasanBelumMemenuhi::AngkaKreditTidakDiketahui),
            Some(minimal) if f.angka_kredit.is_none_or(|ak| ak < minimal) => {
                alasan.push(AlasanBelumMemenuhi::AngkaKreditKurang {
                    dimiliki: f.angka_kredit,
                    minimal,
                })
            }
            Some(_) => {}
        }
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
            fungsional: None,
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
            fungsional: None,
        };
        let h = kp_reguler(&data, d(2025, 4, 1));
        assert_eq!(
            h.alasan,
            vec![
                AlasanBelumMemenuhi::MelebihiBatasPendidikan {
                    batas: Golongan::IIID
                },
                AlasanBelumMemenuhi::SkpKurang {
                    tahun: 2023,
                    predikat: None
                },
                AlasanBelumMemenuhi::SkpKurang {
                    tahun: 2024,
                    predikat: None
                },
                AlasanBelumMemenuhi::MelebihiAtasan {
                    atasan: Golongan::IIID
                },
                AlasanBelumMemenuhi::HukumanDisiplin,
            ]
        );
    }

    #[test]
    fn superior_limit_ends_with_perban_2_2025_and_functional_needs_credit() {
        let pend = s1();
        let skp = [baik(2023), baik(2024), baik(2025)];
        let mut data = DataKpReguler {
            golongan: Golongan::IIIA,
            tmt_golongan: d(2021, 4, 1),
            pendidikan: Some(&pend),
            penilaian: &skp,
            golongan_atasan: Some(Golongan::IIIA),
            lulus_ujian_dinas: false,
            hukuman_disiplin_aktif: false,
            fungsional: None,
        };
        assert_eq!(
            kp_reguler(&data, d(2025, 4, 1)).alasan,
            vec![AlasanBelumMemenuhi::MelebihiAtasan {
                atasan: Golongan::IIIA
            }]
        );
        assert!(kp_reguler(&data, d(2025, 6, 1)).memenuhi());
        // Functional: two years in rank are enough, with the credit points.
        data.tmt_golongan = d(2023, 6, 1);
        data.fungsional = Some(SyaratFungsional {
            angka_kredit: Some(49.5),
            minimal: Some(50.0),
        });
        assert_eq!(
            kp_reguler(&data, d(2025, 6, 1)).alasan,
            vec![AlasanBelumMemenuhi::AngkaKreditKurang {
                dimiliki: Some(49.5),
                minimal: 50.0
            }]
        );
        data.fungsional = Some(SyaratFungsional {
            angka_kredit: Some(50.0),
            minimal: Some(50.0),
        });
        assert!(kp_reguler(&data, d(2025, 6, 1)).memenuhi());
        data.fungsional = Some(SyaratFungsional {
            angka_kredit: None,
            minimal: None,
        });
        assert_eq!(
            kp_reguler(&data, d(2025, 6, 1)).alasan,
            vec![AlasanBelumMemenuhi::AngkaKreditTidakDiketahui]
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
            fungsional: None,
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
