//! Pindah instansi (transfer between agencies, SERVICES.md §3, Perban BKN 5/2019): the
//! receiving agency proposes, the origin agency consents in the system, BKN or the Kanreg
//! issues the keputusan perpindahan (the pertek), then the receiving agency signs the SK of the
//! new position and the origin agency the SK releasing the old one. The move itself — agency,
//! unit, position, Kanreg — happens on the TMT, in one transaction.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::formasi::Formasi;
use crate::layanan::kp::Tujuan;
use crate::pemberhentian::kedudukan;

/// Working days BKN has to issue the pertek once the origin agency consented (Perban 5/2019).
pub const HARI_KERJA_PERTEK: u32 = 15;

/// Days the agencies have to sign their SKs after the pertek (Perban 5/2019).
pub const HARI_SK: i64 = 30;

/// The documents a transfer needs: the employee's request, the last rank decree (or the PNS
/// decree), the statement of no disciplinary or criminal case, the Inspectorate's statement of
/// no findings. Editable as reference data.
pub const DOKUMEN_PINDAH_AWAL: &[(&str, &[&str])] = &[("1", &["L11", "L02|887", "L09", "L13"])];

/// The receiving agency's SK (new position).
pub const DOKUMEN_SK_PINDAH: &str = "872";

/// The origin agency's SK releasing the old position.
pub const DOKUMEN_SK_LEPAS: &str = "L14";

/// One side of the move: where the employee is, or goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kedudukan {
    /// Agency (induk and kerja are the same agency here).
    pub instansi_id: String,
    /// Its name when the case was made.
    pub instansi_nama: String,
    /// Its Kanreg.
    pub kanreg_id: String,
    /// Unit.
    pub unor_id: Option<uuid::Uuid>,
    /// Its name.
    pub unor_nama: Option<String>,
    /// Position (ref jabatan id).
    pub jabatan_id: Option<String>,
    /// Its name.
    pub nama_jabatan: Option<String>,
    /// Kind of position.
    pub jenis_jabatan_id: Option<String>,
}

/// A numbered, dated letter recorded with the case (no separate PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomor {
    /// Number.
    pub nomor: String,
    /// Date.
    pub tanggal: NaiveDate,
}

/// A transfer case's own data (`usulan_data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataPindah {
    /// Where the employee is.
    pub asal: Kedudukan,
    /// Where they go.
    pub tujuan: Kedudukan,
    /// TMT of the transfer (the first day in the new agency).
    pub tmt: NaiveDate,
    /// Why (the employee's request, the receiving agency's need).
    pub alasan: String,
    /// The receiving post's register entry when the case was made.
    pub formasi: Formasi,
    /// Who issues the pertek.
    pub tujuan_pertek: Tujuan,
    /// The receiving official's usul (`skUsul`), numbered when they approve.
    #[serde(default)]
    pub usul: Option<Nomor>,
    /// The origin official's consent (`skAsal`), numbered when they consent.
    #[serde(default)]
    pub persetujuan_asal: Option<Nomor>,
    /// The origin agency's SK releasing the old position, once signed.
    #[serde(default)]
    pub sk_asal: Option<super::Surat>,
    /// The day the move was applied to the record (on or after the TMT).
    #[serde(default)]
    pub diterapkan: Option<NaiveDate>,
}

/// What a transfer request is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaktaPindah {
    /// The employee is a PNS (PPPK contracts are not transferred).
    pub pns: bool,
    /// Their kedudukan hukum.
    pub kedudukan_hukum_id: String,
    /// Their agency.
    pub instansi_asal_id: String,
    /// Their TMT pensiun.
    pub tmt_pensiun: NaiveDate,
    /// Today.
    pub hari_ini: NaiveDate,
}

/// What the receiving operator asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermintaanPindah {
    /// The receiving agency.
    pub instansi_tujuan_id: String,
    /// The proposed TMT.
    pub tmt: NaiveDate,
    /// The receiving post's register entry (`None`: not in the register).
    pub formasi: Option<Formasi>,
}

/// Why a transfer cannot be proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PindahDitolak {
    /// The employee already works in the receiving agency: a move inside an agency is the
    /// PPK's own decision, not this service.
    #[error("pindah.instansi_sama")]
    InstansiSama,
    /// Only a PNS is transferred between agencies.
    #[error("pindah.bukan_pns")]
    BukanPns,
    /// The employee has left the service or is not on active duty.
    #[error("pindah.tidak_aktif")]
    TidakAktif,
    /// The TMT is not the first day of a month.
    #[error("pindah.tmt_awal_bulan")]
    TmtBukanAwalBulan,
    /// The TMT is not after today.
    #[error("pindah.tmt_lampau")]
    TmtLampau,
    /// The TMT is on or after the employee's retirement.
    #[error("pindah.setelah_pensiun")]
    SetelahPensiun {
        /// TMT pensiun.
        tmt_pensiun: NaiveDate,
    },
    /// The receiving post is not in the register.
    #[error("pindah.formasi_tidak_tercatat")]
    FormasiTidakTercatat,
    /// The receiving post has no vacancy.
    #[error("pindah.tanpa_formasi")]
    TanpaFormasi {
        /// Planned holders.
        kebutuhan: u32,
        /// Present holders.
        terisi: u32,
    },
    /// A transfer needs its reason.
    #[error("pindah.perlu_alasan")]
    PerluAlasan,
}

/// Checks a transfer request against the record; the register entry is returned when it holds.
pub fn periksa_pindah(
    f: &FaktaPindah,
    minta: &PermintaanPindah,
    alasan: &str,
) -> Result<Formasi, PindahDitolak> {
    if f.instansi_asal_id == minta.instansi_tujuan_id {
        return Err(PindahDitolak::InstansiSama);
    }
    if !f.pns {
        return Err(PindahDitolak::BukanPns);
    }
    if f.kedudukan_hukum_id != kedudukan::AKTIF {
        return Err(PindahDitolak::TidakAktif);
    }
    if alasan.trim().is_empty() {
        return Err(PindahDitolak::PerluAlasan);
    }
    if minta.tmt.day() != 1 {
        return Err(PindahDitolak::TmtBukanAwalBulan);
    }
    if minta.tmt <= f.hari_ini {
        return Err(PindahDitolak::TmtLampau);
    }
    if minta.tmt >= f.tmt_pensiun {
        return Err(PindahDitolak::SetelahPensiun {
            tmt_pensiun: f.tmt_pensiun,
        });
    }
    let formasi = minta.formasi.ok_or(PindahDitolak::FormasiTidakTercatat)?;
    if formasi.lowong() == 0 {
        return Err(PindahDitolak::TanpaFormasi {
            kebutuhan: formasi.kebutuhan,
            terisi: formasi.terisi,
        });
    }
    Ok(formasi)
}

/// Who issues the keputusan perpindahan: the Kanreg when both agencies are in its region, BKN
/// central otherwise (Perban 5/2019 gives the Kepala BKN the transfers across regions; the
/// split is this system's default and marked uncertain in SERVICES.md).
pub fn tujuan_pertek_pindah(kanreg_asal: &str, kanreg_tujuan: &str) -> Tujuan {
    if kanreg_asal == kanreg_tujuan {
        Tujuan::Kanreg
    } else {
        Tujuan::BknPusat
    }
}

/// `n` working days (Monday to Friday) after `dari`. Public holidays are not counted out: the
/// national holiday calendar is not reference data yet, so a due date may be a day or two early.
pub fn tambah_hari_kerja(dari: NaiveDate, n: u32) -> NaiveDate {
    let mut d = dari;
    let mut sisa = n;
    while sisa > 0 {
        d += Duration::days(1);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            sisa -= 1;
        }
    }
    d
}

/// When the pertek is due, for a case at BKN since `sejak`.
pub fn batas_pertek(sejak: NaiveDate) -> NaiveDate {
    tambah_hari_kerja(sejak, HARI_KERJA_PERTEK)
}

/// When both SKs are due after a pertek dated `pertek`.
pub fn batas_sk(pertek: NaiveDate) -> NaiveDate {
    pertek + Duration::days(HARI_SK)
}

/// When the case's current stage is due, where the regulation sets a deadline: the pertek 15
/// working days after the consent (the case reached BKN that day), both SKs 30 days after the
/// pertek.
pub fn batas_waktu(
    d: &DataPindah,
    status: super::StatusLayanan,
    pertek: Option<NaiveDate>,
) -> Option<NaiveDate> {
    use super::StatusLayanan as S;
    match status {
        S::ApprovalSuratUsulan | S::ValidasiDisetujui => {
            d.persetujuan_asal.as_ref().map(|a| batas_pertek(a.tanggal))
        }
        S::PertekDitandatangani | S::MenungguSkAsal => pertek.map(batas_sk),
        _ => None,
    }
}

/// Whether the move is to be applied on `hari_ini`: both SKs signed, not applied yet, TMT
/// reached.
pub fn jatuh_tempo(d: &DataPindah, hari_ini: NaiveDate) -> bool {
    d.sk_asal.is_some() && d.diterapkan.is_none() && d.tmt <= hari_ini
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn fakta() -> FaktaPindah {
        FaktaPindah {
            pns: true,
            kedudukan_hukum_id: "01".into(),
            instansi_asal_id: "PROV-JABAR".into(),
            tmt_pensiun: d(2040, 1, 1),
            hari_ini: d(2026, 11, 2),
        }
    }

    fn minta(tmt: NaiveDate, formasi: Option<Formasi>) -> PermintaanPindah {
        PermintaanPindah {
            instansi_tujuan_id: "KOTA-BANDUNG".into(),
            tmt,
            formasi,
        }
    }

    const LOWONG: Option<Formasi> = Some(Formasi {
        kebutuhan: 3,
        terisi: 2,
    });

    #[test]
    fn a_transfer_into_a_vacancy_on_the_first_of_a_later_month_holds() {
        assert_eq!(
            periksa_pindah(&fakta(), &minta(d(2027, 1, 1), LOWONG), "ikut suami"),
            Ok(LOWONG.unwrap())
        );
    }

    #[test]
    fn each_rule_is_named() {
        let f = fakta();
        let mut sama = minta(d(2027, 1, 1), LOWONG);
        sama.instansi_tujuan_id = "PROV-JABAR".into();
        assert_eq!(
            periksa_pindah(&f, &sama, "x"),
            Err(PindahDitolak::InstansiSama)
        );
        let pppk = FaktaPindah {
            pns: false,
            ..fakta()
        };
        assert_eq!(
            periksa_pindah(&pppk, &minta(d(2027, 1, 1), LOWONG), "x"),
            Err(PindahDitolak::BukanPns)
        );
        for k in ["99", "20", "02", "04"] {
            let f = FaktaPindah {
                kedudukan_hukum_id: k.into(),
                ..fakta()
            };
            assert_eq!(
                periksa_pindah(&f, &minta(d(2027, 1, 1), LOWONG), "x"),
                Err(PindahDitolak::TidakAktif),
                "{k}"
            );
        }
        assert_eq!(
            periksa_pindah(&f, &minta(d(2027, 1, 1), LOWONG), "  "),
            Err(PindahDitolak::PerluAlasan)
        );
        assert_eq!(
            periksa_pindah(&f, &minta(d(2027, 1, 15), LOWONG), "x"),
            Err(PindahDitolak::TmtBukanAwalBulan)
        );
        // The first of this month is already past.
        assert_eq!(
            periksa_pindah(&f, &minta(d(2026, 11, 1), LOWONG), "x"),
            Err(PindahDitolak::TmtLampau)
        );
        assert_eq!(
            periksa_pindah(&f, &minta(d(2040, 1, 1), LOWONG), "x"),
            Err(PindahDitolak::SetelahPensiun {
                tmt_pensiun: d(2040, 1, 1)
            })
        );
        assert_eq!(
            periksa_pindah(&f, &minta(d(2027, 1, 1), None), "x"),
            Err(PindahDitolak::FormasiTidakTercatat)
        );
        let penuh = Some(Formasi {
            kebutuhan: 2,
            terisi: 2,
        });
        assert_eq!(
            periksa_pindah(&f, &minta(d(2027, 1, 1), penuh), "x"),
            Err(PindahDitolak::TanpaFormasi {
                kebutuhan: 2,
                terisi: 2
            })
        );
    }

    #[test]
    fn the_kanreg_decides_inside_its_region_bkn_across() {
        assert_eq!(tujuan_pertek_pindah("03", "03"), Tujuan::Kanreg);
        assert_eq!(tujuan_pertek_pindah("03", "01"), Tujuan::BknPusat);
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday 6 Nov 2026 + 1 working day = Monday 9 Nov.
        assert_eq!(tambah_hari_kerja(d(2026, 11, 6), 1), d(2026, 11, 9));
        // Monday 2 Nov 2026 + 15 working days = Monday 23 Nov.
        assert_eq!(batas_pertek(d(2026, 11, 2)), d(2026, 11, 23));
        // Saturday start: the next Monday is the first working day.
        assert_eq!(tambah_hari_kerja(d(2026, 11, 7), 1), d(2026, 11, 9));
        assert_eq!(tambah_hari_kerja(d(2026, 11, 7), 0), d(2026, 11, 7));
        assert_eq!(batas_sk(d(2026, 12, 15)), d(2027, 1, 14));
    }

    #[test]
    fn the_move_falls_due_on_its_tmt_once_both_sks_are_signed() {
        let sk = super::super::Surat {
            nomor: "SK".into(),
            tanggal: d(2026, 12, 1),
            dokumen_id: None,
        };
        let k = |asal: Option<super::super::Surat>, diterapkan| DataPindah {
            asal: Kedudukan {
                instansi_id: "A".into(),
                instansi_nama: "A".into(),
                kanreg_id: "03".into(),
                unor_id: None,
                unor_nama: None,
                jabatan_id: None,
                nama_jabatan: None,
                jenis_jabatan_id: None,
            },
            tujuan: Kedudukan {
                instansi_id: "B".into(),
                instansi_nama: "B".into(),
                kanreg_id: "03".into(),
                unor_id: None,
                unor_nama: None,
                jabatan_id: None,
                nama_jabatan: None,
                jenis_jabatan_id: None,
            },
            tmt: d(2027, 1, 1),
            alasan: "x".into(),
            formasi: Formasi {
                kebutuhan: 1,
                terisi: 0,
            },
            tujuan_pertek: Tujuan::Kanreg,
            usul: None,
            persetujuan_asal: None,
            sk_asal: asal,
            diterapkan,
        };
        assert!(!jatuh_tempo(&k(None, None), d(2027, 1, 1)));
        let mut setuju = k(None, None);
        setuju.persetujuan_asal = Some(Nomor {
            nomor: "P".into(),
            tanggal: d(2026, 11, 2),
        });
        use super::super::StatusLayanan as S;
        assert_eq!(
            batas_waktu(&setuju, S::ValidasiDisetujui, None),
            Some(d(2026, 11, 23))
        );
        assert_eq!(
            batas_waktu(&setuju, S::MenungguSkAsal, Some(d(2026, 12, 15))),
            Some(d(2027, 1, 14))
        );
        assert_eq!(batas_waktu(&setuju, S::SuratUsulan, None), None);
        assert!(!jatuh_tempo(&k(Some(sk.clone()), None), d(2026, 12, 31)));
        assert!(jatuh_tempo(&k(Some(sk.clone()), None), d(2027, 1, 1)));
        assert!(!jatuh_tempo(
            &k(Some(sk), Some(d(2027, 1, 1))),
            d(2027, 1, 2)
        ));
    }
}
