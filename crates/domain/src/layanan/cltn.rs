//! Unpaid leave outside state service (CLTN) as service cases: the grant, its one extension
//! and the return (pengaktifan kembali), each checked against the record, with the kedudukan
//! each gives and the report-back deadline after which the dismissal case applies
//! (SERVICES.md §5; Perban 24/2017 jo 7/2021).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::masa_kerja::MasaKerja;
use crate::pemberhentian::{
    CltnDitolak, batas_lapor_cltn, kedudukan, periksa_aktif_kembali, periksa_cltn,
    periksa_perpanjangan_cltn,
};
use crate::riwayat::RiwayatCltn;

/// Which CLTN case (SIASN's `cltn` reference codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisUsulCltn {
    /// 1 CLTN: the grant.
    Cltn,
    /// 5 Perpanjangan CLTN: the one extension.
    Perpanjangan,
    /// 3 Pengaktifan kembali dari CLTN: the return to duty.
    AktifKembali,
}

impl JenisUsulCltn {
    /// Every kind, in the order a leave goes through them.
    pub const SEMUA: [Self; 3] = [Self::Cltn, Self::Perpanjangan, Self::AktifKembali];

    /// SIASN's code.
    pub fn kode(self) -> u8 {
        match self {
            Self::Cltn => 1,
            Self::Perpanjangan => 5,
            Self::AktifKembali => 3,
        }
    }

    /// From SIASN's code.
    pub fn dari_kode(kode: u8) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == kode)
    }

    /// SIASN's name.
    pub fn nama(self) -> &'static str {
        match self {
            Self::Cltn => "CLTN",
            Self::Perpanjangan => "Perpanjangan CLTN",
            Self::AktifKembali => "Pengaktifan Kembali dari CLTN",
        }
    }
}

/// What the record says, for the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaktaCltn {
    /// Whether the employee is a PNS.
    pub pns: bool,
    /// Kedudukan hukum now.
    pub kedudukan_hukum_id: String,
    /// Continuous service on the day the leave would start.
    pub masa_kerja: MasaKerja,
    /// The leave on record that has not ended with a return, if any.
    pub berjalan: Option<RiwayatCltn>,
    /// Whether that leave was extended already.
    pub diperpanjang: bool,
}

/// What the operator asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermintaanCltn {
    /// Which case.
    pub jenis: JenisUsulCltn,
    /// First day of leave (grant).
    pub mulai: Option<NaiveDate>,
    /// Last day of leave (grant), or the new last day (extension).
    pub selesai: Option<NaiveDate>,
    /// Day back on duty (return).
    pub aktif: Option<NaiveDate>,
    /// The operator's statement that a vacant post (formasi) takes the returning employee.
    pub formasi_lowong: bool,
}

/// Why a CLTN case cannot be made as asked; each names its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsulCltnDitolak {
    /// A rule of the regulation (service, length, extension, vacancy).
    #[error("cltn.aturan")]
    Aturan(CltnDitolak),
    /// Only a PNS takes CLTN.
    #[error("cltn.bukan_pns")]
    BukanPns,
    /// A grant needs an employee on active duty.
    #[error("cltn.tidak_aktif")]
    TidakAktif,
    /// A leave is already running.
    #[error("cltn.sudah_berjalan")]
    SudahBerjalan,
    /// An extension or a return needs a leave on record.
    #[error("cltn.tanpa_cltn")]
    TanpaCltn,
    /// A date the case needs is missing.
    #[error("cltn.tanggal_wajib")]
    TanggalWajib,
    /// A return before the leave began.
    #[error("cltn.aktif_sebelum_mulai")]
    AktifSebelumMulai,
    /// A return after the report-back deadline: the dismissal case (pemberhentian 15) applies.
    #[error("cltn.terlambat_melapor")]
    TerlambatMelapor {
        /// The last day to report back.
        batas: NaiveDate,
    },
}

impl From<CltnDitolak> for UsulCltnDitolak {
    fn from(e: CltnDitolak) -> Self {
        Self::Aturan(e)
    }
}

/// What a valid CLTN case becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RancanganCltn {
    /// Which case.
    pub jenis: JenisUsulCltn,
    /// First day of the leave.
    pub mulai: NaiveDate,
    /// Last day of the leave (after the extension, for one).
    pub selesai: NaiveDate,
    /// Day back on duty, for a return.
    pub aktif: Option<NaiveDate>,
    /// Kedudukan hukum the case gives from its date.
    pub kedudukan_baru: &'static str,
}

/// Checks a CLTN case against the record:
/// - a grant is for an active PNS with no leave running, at least 5 years of continuous
///   service, at most 3 years long;
/// - an extension follows a running leave, once, by at most a year;
/// - a return ends a running leave, on or before the report-back deadline (a month after the
///   leave's last day), into a vacant post.
pub fn rancang_cltn(f: &FaktaCltn, m: PermintaanCltn) -> Result<RancanganCltn, UsulCltnDitolak> {
    if !f.pns {
        return Err(UsulCltnDitolak::BukanPns);
    }
    match m.jenis {
        JenisUsulCltn::Cltn => {
            if f.berjalan.is_some() {
                return Err(UsulCltnDitolak::SudahBerjalan);
            }
            if f.kedudukan_hukum_id != kedudukan::AKTIF {
                return Err(UsulCltnDitolak::TidakAktif);
            }
            let (Some(mulai), Some(selesai)) = (m.mulai, m.selesai) else {
                return Err(UsulCltnDitolak::TanggalWajib);
            };
            periksa_cltn(f.masa_kerja, mulai, selesai)?;
            Ok(RancanganCltn {
                jenis: m.jenis,
                mulai,
                selesai,
                aktif: None,
                kedudukan_baru: kedudukan::CLTN,
            })
        }
        JenisUsulCltn::Perpanjangan => {
            let b = f.berjalan.as_ref().ok_or(UsulCltnDitolak::TanpaCltn)?;
            let selesai = m.selesai.ok_or(UsulCltnDitolak::TanggalWajib)?;
            periksa_perpanjangan_cltn(b.tanggal_selesai, selesai, f.diperpanjang)?;
            Ok(RancanganCltn {
                jenis: m.jenis,
                mulai: b.tanggal_mulai,
                selesai,
                aktif: None,
                kedudukan_baru: kedudukan::PERPANJANGAN_CLTN,
            })
        }
        JenisUsulCltn::AktifKembali => {
            let b = f.berjalan.as_ref().ok_or(UsulCltnDitolak::TanpaCltn)?;
            let aktif = m.aktif.ok_or(UsulCltnDitolak::TanggalWajib)?;
            if aktif <= b.tanggal_mulai {
                return Err(UsulCltnDitolak::AktifSebelumMulai);
            }
            let batas = batas_lapor_cltn(b.tanggal_selesai);
            if aktif > batas {
                return Err(UsulCltnDitolak::TerlambatMelapor { batas });
            }
            periksa_aktif_kembali(m.formasi_lowong)?;
            Ok(RancanganCltn {
                jenis: m.jenis,
                mulai: b.tanggal_mulai,
                selesai: b.tanggal_selesai,
                aktif: Some(aktif),
                kedudukan_baru: kedudukan::AKTIF,
            })
        }
    }
}

/// A CLTN case's own data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCltn {
    /// Which case (SIASN `cltn` code: 1, 5 or 3).
    pub jenis: u8,
    /// First day of the leave.
    pub mulai: NaiveDate,
    /// Last day of the leave (the new one, for an extension).
    pub selesai: NaiveDate,
    /// Day back on duty, for a return.
    pub aktif: Option<NaiveDate>,
    /// Why (accompanying a spouse, fertility treatment, caring for family; the return's post).
    pub alasan: String,
    /// For a return: the operator stated a vacant post takes the employee.
    pub formasi_lowong: bool,
    /// For an extension or a return: the leave's history row.
    pub riwayat_id: Option<uuid::Uuid>,
    /// Kedudukan before the case.
    pub kedudukan_lama: String,
    /// Kedudukan the case gives from its date.
    pub kedudukan_baru: String,
    /// Who issues the pertek.
    pub tujuan: crate::layanan::kp::Tujuan,
}

impl DataCltn {
    /// Which case.
    pub fn jenis_usul(&self) -> Option<JenisUsulCltn> {
        JenisUsulCltn::dari_kode(self.jenis)
    }

    /// The date the case takes effect: the leave's start, the extension's new end, the return.
    pub fn tanggal_berlaku(&self) -> NaiveDate {
        match self.jenis_usul() {
            Some(JenisUsulCltn::AktifKembali) => self.aktif.unwrap_or(self.selesai),
            Some(JenisUsulCltn::Perpanjangan) => self.selesai,
            _ => self.mulai,
        }
    }
}

/// Documents a CLTN case needs, by SIASN code: the request (L11) and, for a grant, the proof of
/// its reason (L04).
pub const DOKUMEN_CLTN_AWAL: &[(&str, &[&str])] =
    &[("1", &["L11", "L04"]), ("5", &["L11"]), ("3", &["L11"])];

/// The SK CLTN's document type.
pub const DOKUMEN_SK_CLTN: &str = "L12";

/// Whether a leave ending on `selesai` that has no return on record has passed its
/// report-back deadline on `hari_ini` (the agency must then propose the dismissal).
pub fn lewat_batas_lapor(selesai: NaiveDate, hari_ini: NaiveDate) -> bool {
    hari_ini > batas_lapor_cltn(selesai)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::Sk;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn fakta(tahun: u32, berjalan: Option<RiwayatCltn>) -> FaktaCltn {
        FaktaCltn {
            pns: true,
            kedudukan_hukum_id: if berjalan.is_some() { "02" } else { "01" }.into(),
            masa_kerja: MasaKerja::from_bulan(tahun * 12),
            berjalan,
            diperpanjang: false,
        }
    }

    fn cuti(mulai: NaiveDate, selesai: NaiveDate) -> RiwayatCltn {
        RiwayatCltn {
            tanggal_mulai: mulai,
            tanggal_selesai: selesai,
            tanggal_aktif_kembali: None,
            sk: Sk {
                nomor: "CLTN/1".into(),
                tanggal: mulai,
            },
            nomor_pertek: None,
            tanggal_pertek: None,
            diperpanjang: false,
        }
    }

    fn minta(jenis: JenisUsulCltn) -> PermintaanCltn {
        PermintaanCltn {
            jenis,
            mulai: None,
            selesai: None,
            aktif: None,
            formasi_lowong: false,
        }
    }

    #[test]
    fn a_grant_needs_five_years_and_at_most_three_years_of_leave() {
        let mut m = minta(JenisUsulCltn::Cltn);
        assert_eq!(
            rancang_cltn(&fakta(6, None), m),
            Err(UsulCltnDitolak::TanggalWajib)
        );
        m.mulai = Some(d(2027, 1, 1));
        m.selesai = Some(d(2029, 12, 31));
        let r = rancang_cltn(&fakta(6, None), m).unwrap();
        assert_eq!((r.kedudukan_baru, r.selesai), ("02", d(2029, 12, 31)));
        // Three years and a day.
        m.selesai = Some(d(2030, 1, 1));
        assert_eq!(
            rancang_cltn(&fakta(6, None), m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::TerlaluLama))
        );
        m.selesai = Some(d(2027, 12, 31));
        assert_eq!(
            rancang_cltn(&fakta(4, None), m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::MasaKerjaKurang {
                ada: MasaKerja::from_bulan(48)
            }))
        );
        // Already on leave; not active; not a PNS.
        let berjalan = fakta(6, Some(cuti(d(2026, 1, 1), d(2026, 12, 31))));
        assert_eq!(
            rancang_cltn(&berjalan, m),
            Err(UsulCltnDitolak::SudahBerjalan)
        );
        let mut lain = fakta(6, None);
        lain.kedudukan_hukum_id = "04".into();
        assert_eq!(rancang_cltn(&lain, m), Err(UsulCltnDitolak::TidakAktif));
        lain.pns = false;
        assert_eq!(rancang_cltn(&lain, m), Err(UsulCltnDitolak::BukanPns));
    }

    #[test]
    fn one_extension_of_at_most_a_year() {
        let f = fakta(8, Some(cuti(d(2025, 1, 1), d(2027, 12, 31))));
        let mut m = minta(JenisUsulCltn::Perpanjangan);
        m.selesai = Some(d(2028, 12, 31));
        let r = rancang_cltn(&f, m).unwrap();
        assert_eq!((r.kedudukan_baru, r.mulai), ("13", d(2025, 1, 1)));
        m.selesai = Some(d(2029, 1, 1));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Aturan(
                CltnDitolak::PerpanjanganTerlaluLama
            ))
        );
        let mut sekali = f.clone();
        sekali.diperpanjang = true;
        m.selesai = Some(d(2028, 6, 30));
        assert_eq!(
            rancang_cltn(&sekali, m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::SudahDiperpanjang))
        );
        assert_eq!(
            rancang_cltn(&fakta(8, None), m),
            Err(UsulCltnDitolak::TanpaCltn)
        );
    }

    #[test]
    fn a_return_needs_a_vacancy_and_the_report_back_deadline() {
        let f = fakta(8, Some(cuti(d(2025, 1, 1), d(2026, 10, 31))));
        let mut m = minta(JenisUsulCltn::AktifKembali);
        m.aktif = Some(d(2026, 11, 15));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::TanpaFormasi))
        );
        m.formasi_lowong = true;
        let r = rancang_cltn(&f, m).unwrap();
        assert_eq!((r.kedudukan_baru, r.aktif), ("01", Some(d(2026, 11, 15))));
        // The last day to report is a month after the leave's last day.
        m.aktif = Some(d(2026, 11, 30));
        assert!(rancang_cltn(&f, m).is_ok());
        m.aktif = Some(d(2026, 12, 1));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::TerlambatMelapor {
                batas: d(2026, 11, 30)
            })
        );
        assert!(!lewat_batas_lapor(d(2026, 10, 31), d(2026, 11, 30)));
        assert!(lewat_batas_lapor(d(2026, 10, 31), d(2026, 12, 1)));
        // An early return is allowed; one before the leave began is not.
        m.aktif = Some(d(2025, 6, 1));
        assert!(rancang_cltn(&f, m).is_ok());
        m.aktif = Some(d(2025, 1, 1));
        assert_eq!(rancang_cltn(&f, m), Err(UsulCltnDitolak::AktifSebelumMulai));
    }

    #[test]
    fn codes_round_trip() {
        for j in JenisUsulCltn::SEMUA {
            assert_eq!(JenisUsulCltn::dari_kode(j.kode()), Some(j));
        }
        assert_eq!(JenisUsulCltn::dari_kode(2), None);
    }
}
