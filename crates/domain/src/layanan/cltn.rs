//! Unpaid leave outside state service (CLTN) as service cases: the grant, its one extension
//! and the return (pengaktifan kembali), each checked against the record, with the kedudukan
//! each gives and the report-back deadline after which the dismissal case applies
//! (SERVICES.md §5; Perban 24/2017 jo 7/2021).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::formasi::Formasi;
use crate::layanan::JenisLayanan;
use crate::masa_kerja::MasaKerja;
use crate::pemberhentian::{
    CltnDitolak, MppDitolak, batas_lapor_cltn, kedudukan, periksa_aktif_kembali, periksa_cltn,
    periksa_mpp, periksa_perpanjangan_cltn,
};
use crate::riwayat::RiwayatCltn;

/// The statuses recorded in the riwayat CLTN (SIASN's `cltn` reference): unpaid leave, study
/// assignment (tugas belajar) and serving as a state official (pejabat negara, a temporary
/// dismissal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeluargaCltn {
    /// Cuti di luar tanggungan negara.
    Cltn,
    /// Tugas belajar.
    TugasBelajar,
    /// Pejabat negara (pemberhentian sementara).
    PejabatNegara,
    /// Pemberhentian sementara while detained as a criminal suspect (PP 11/2017 Ps 276(c)).
    PemberhentianSementara,
    /// Masa persiapan pensiun: at most a year before TMT pensiun, on request.
    Mpp,
}

impl KeluargaCltn {
    /// The family of a history row's grant code (1 when the row predates the code).
    pub fn dari_kode_mulai(kode: u8) -> Self {
        match kode {
            6 => Self::TugasBelajar,
            9 => Self::PejabatNegara,
            101 => Self::PemberhentianSementara,
            103 => Self::Mpp,
            _ => Self::Cltn,
        }
    }

    /// The kedudukan while the status runs (extended or not).
    pub fn kedudukan(self, diperpanjang: bool) -> &'static str {
        match (self, diperpanjang) {
            (Self::Cltn, false) => kedudukan::CLTN,
            (Self::Cltn, true) => kedudukan::PERPANJANGAN_CLTN,
            (Self::TugasBelajar, _) => kedudukan::TUGAS_BELAJAR,
            (Self::PejabatNegara, _) => kedudukan::PEJABAT_NEGARA,
            (Self::PemberhentianSementara, _) => kedudukan::PEMBERHENTIAN_SEMENTARA,
            (Self::Mpp, _) => kedudukan::MPP,
        }
    }

    /// The service its cases belong to.
    pub fn layanan(self) -> JenisLayanan {
        match self {
            Self::Cltn | Self::TugasBelajar | Self::PejabatNegara => JenisLayanan::Cltn,
            Self::PemberhentianSementara => JenisLayanan::PemberhentianSementara,
            Self::Mpp => JenisLayanan::Mpp,
        }
    }

    /// Whether returning from it needs a vacant post: after leave, a term of office or a
    /// detention the post was filled; a study assignment keeps it.
    pub fn kembali_perlu_formasi(self) -> bool {
        matches!(
            self,
            Self::Cltn | Self::PejabatNegara | Self::PemberhentianSementara
        )
    }

    /// Whether the employee must report back within a month of its end or be dismissed
    /// (leave and a term of office; a detention ends by the court, not by a date).
    pub fn wajib_melapor(self) -> bool {
        matches!(self, Self::Cltn | Self::PejabatNegara)
    }
}

/// Which case: a status begins, is extended, or ends with the return to duty (SIASN's `cltn`
/// reference codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisUsulCltn {
    /// 1 CLTN: the grant.
    Cltn,
    /// 5 Perpanjangan CLTN: the one extension.
    Perpanjangan,
    /// 3 Pengaktifan kembali dari CLTN: the return to duty.
    AktifKembali,
    /// 6 Tugas belajar.
    TugasBelajar,
    /// 7 Perpanjangan tugas belajar.
    PerpanjanganTugasBelajar,
    /// 8 Pengaktifan dari tugas belajar.
    AktifDariTugasBelajar,
    /// 9 Pejabat negara.
    PejabatNegara,
    /// 11 Pengaktifan kembali pejabat negara.
    AktifDariPejabatNegara,
    /// 101 Pemberhentian sementara (detention). This code and the next three are ours:
    /// SIASN's `cltn` reference has none for these statuses (decision 0022).
    PemberhentianSementara,
    /// 102 Pengaktifan kembali dari pemberhentian sementara.
    AktifDariPemberhentianSementara,
    /// 103 Masa persiapan pensiun.
    Mpp,
    /// 104 Perpanjangan pemberhentian sementara (the detention was extended).
    PerpanjanganPemberhentianSementara,
}

/// The stage of a status a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tahap {
    /// It begins.
    Mulai,
    /// It is extended.
    Perpanjangan,
    /// It ends with the return to duty.
    Kembali,
}

impl JenisUsulCltn {
    /// Every kind, family by family.
    pub const SEMUA: [Self; 12] = [
        Self::Cltn,
        Self::Perpanjangan,
        Self::AktifKembali,
        Self::TugasBelajar,
        Self::PerpanjanganTugasBelajar,
        Self::AktifDariTugasBelajar,
        Self::PejabatNegara,
        Self::AktifDariPejabatNegara,
        Self::PemberhentianSementara,
        Self::PerpanjanganPemberhentianSementara,
        Self::AktifDariPemberhentianSementara,
        Self::Mpp,
    ];

    /// SIASN's code.
    pub fn kode(self) -> u8 {
        match self {
            Self::Cltn => 1,
            Self::Perpanjangan => 5,
            Self::AktifKembali => 3,
            Self::TugasBelajar => 6,
            Self::PerpanjanganTugasBelajar => 7,
            Self::AktifDariTugasBelajar => 8,
            Self::PejabatNegara => 9,
            Self::AktifDariPejabatNegara => 11,
            Self::PemberhentianSementara => 101,
            Self::AktifDariPemberhentianSementara => 102,
            Self::Mpp => 103,
            Self::PerpanjanganPemberhentianSementara => 104,
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
            Self::TugasBelajar => "Tugas Belajar",
            Self::PerpanjanganTugasBelajar => "Perpanjangan Tugas Belajar",
            Self::AktifDariTugasBelajar => "Pengaktifan dari Tugas Belajar",
            Self::PejabatNegara => "Pejabat Negara",
            Self::AktifDariPejabatNegara => "Pengaktifan Kembali Pejabat Negara",
            Self::PemberhentianSementara => "Pemberhentian Sementara",
            Self::AktifDariPemberhentianSementara => {
                "Pengaktifan Kembali dari Pemberhentian Sementara"
            }
            Self::Mpp => "Masa Persiapan Pensiun",
            Self::PerpanjanganPemberhentianSementara => "Perpanjangan Pemberhentian Sementara",
        }
    }

    /// The status it belongs to.
    pub fn keluarga(self) -> KeluargaCltn {
        match self {
            Self::Cltn | Self::Perpanjangan | Self::AktifKembali => KeluargaCltn::Cltn,
            Self::TugasBelajar | Self::PerpanjanganTugasBelajar | Self::AktifDariTugasBelajar => {
                KeluargaCltn::TugasBelajar
            }
            Self::PejabatNegara | Self::AktifDariPejabatNegara => KeluargaCltn::PejabatNegara,
            Self::PemberhentianSementara
            | Self::PerpanjanganPemberhentianSementara
            | Self::AktifDariPemberhentianSementara => KeluargaCltn::PemberhentianSementara,
            Self::Mpp => KeluargaCltn::Mpp,
        }
    }

    /// Its stage.
    pub fn tahap(self) -> Tahap {
        match self {
            Self::Cltn
            | Self::TugasBelajar
            | Self::PejabatNegara
            | Self::PemberhentianSementara
            | Self::Mpp => Tahap::Mulai,
            Self::Perpanjangan
            | Self::PerpanjanganTugasBelajar
            | Self::PerpanjanganPemberhentianSementara => Tahap::Perpanjangan,
            Self::AktifKembali
            | Self::AktifDariTugasBelajar
            | Self::AktifDariPejabatNegara
            | Self::AktifDariPemberhentianSementara => Tahap::Kembali,
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
    /// The status on record that has not ended with a return, if any.
    pub berjalan: Option<RiwayatCltn>,
    /// Whether that leave was extended already.
    pub diperpanjang: bool,
    /// TMT pensiun by BUP (MPP ends the day before it).
    pub tmt_pensiun: NaiveDate,
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
    /// For a return: the formasi register's entry for the employee's post (none when the
    /// post is not in it). Read from the register, never typed.
    pub formasi: Option<Formasi>,
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
    /// A status (leave, study, state office) is already running.
    #[error("cltn.sudah_berjalan")]
    SudahBerjalan,
    /// An extension or a return needs that status running.
    #[error("cltn.tanpa_cltn")]
    TanpaCltn,
    /// This status is not extended (a state official's term is not).
    #[error("cltn.tidak_diperpanjang")]
    TidakDiperpanjang,
    /// A date the case needs is missing.
    #[error("cltn.tanggal_wajib")]
    TanggalWajib,
    /// A return before the leave began.
    #[error("cltn.aktif_sebelum_mulai")]
    AktifSebelumMulai,
    /// MPP outside the year before TMT pensiun.
    #[error("cltn.mpp")]
    Mpp(MppDitolak),
    /// A return after the report-back deadline: the dismissal case (pemberhentian 15) applies.
    #[error("cltn.terlambat_melapor")]
    TerlambatMelapor {
        /// The last day to report back.
        batas: NaiveDate,
    },
}

impl From<MppDitolak> for UsulCltnDitolak {
    fn from(e: MppDitolak) -> Self {
        Self::Mpp(e)
    }
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
    let keluarga = m.jenis.keluarga();
    // An extension or a return is of the status running, of the same family.
    let berjalan = || {
        f.berjalan
            .as_ref()
            .filter(|b| KeluargaCltn::dari_kode_mulai(b.jenis_cltn) == keluarga)
            .ok_or(UsulCltnDitolak::TanpaCltn)
    };
    match m.jenis.tahap() {
        Tahap::Mulai => {
            if f.berjalan.is_some() {
                return Err(UsulCltnDitolak::SudahBerjalan);
            }
            if f.kedudukan_hukum_id != kedudukan::AKTIF {
                return Err(UsulCltnDitolak::TidakAktif);
            }
            let Some(mulai) = m.mulai else {
                return Err(UsulCltnDitolak::TanggalWajib);
            };
            // MPP runs to the day before TMT pensiun, whatever end was typed.
            let selesai = if keluarga == KeluargaCltn::Mpp {
                periksa_mpp(mulai, f.tmt_pensiun)?;
                f.tmt_pensiun.pred_opt().unwrap_or(f.tmt_pensiun)
            } else {
                m.selesai.ok_or(UsulCltnDitolak::TanggalWajib)?
            };
            match keluarga {
                KeluargaCltn::Cltn => periksa_cltn(f.masa_kerja, mulai, selesai)?,
                // No public limit for study or a term of office: only the order of the dates.
                _ if selesai < mulai => return Err(CltnDitolak::TanggalTerbalik.into()),
                _ => {}
            }
            Ok(RancanganCltn {
                jenis: m.jenis,
                mulai,
                selesai,
                aktif: None,
                kedudukan_baru: keluarga.kedudukan(false),
            })
        }
        Tahap::Perpanjangan => {
            let b = berjalan()?;
            let selesai = m.selesai.ok_or(UsulCltnDitolak::TanggalWajib)?;
            match keluarga {
                KeluargaCltn::Cltn => {
                    periksa_perpanjangan_cltn(b.tanggal_selesai, selesai, f.diperpanjang)?;
                }
                KeluargaCltn::TugasBelajar if f.diperpanjang => {
                    return Err(CltnDitolak::SudahDiperpanjang.into());
                }
                KeluargaCltn::TugasBelajar if selesai <= b.tanggal_selesai => {
                    return Err(CltnDitolak::TanggalTerbalik.into());
                }
                KeluargaCltn::TugasBelajar => {}
                // A detention is extended as often as the court orders, each time later.
                KeluargaCltn::PemberhentianSementara if selesai <= b.tanggal_selesai => {
                    return Err(CltnDitolak::TanggalTerbalik.into());
                }
                KeluargaCltn::PemberhentianSementara => {}
                KeluargaCltn::PejabatNegara | KeluargaCltn::Mpp => {
                    return Err(UsulCltnDitolak::TidakDiperpanjang);
                }
            }
            Ok(RancanganCltn {
                jenis: m.jenis,
                mulai: b.tanggal_mulai,
                selesai,
                aktif: None,
                kedudukan_baru: keluarga.kedudukan(true),
            })
        }
        Tahap::Kembali => {
            let b = berjalan()?;
            let aktif = m.aktif.ok_or(UsulCltnDitolak::TanggalWajib)?;
            if aktif <= b.tanggal_mulai {
                return Err(UsulCltnDitolak::AktifSebelumMulai);
            }
            // After leave or a term of office: report within a month (PP 11/2017); after
            // those and a detention, into a vacant post; a study assignment kept its post.
            if keluarga.wajib_melapor() {
                let batas = batas_lapor_cltn(b.tanggal_selesai);
                if aktif > batas {
                    return Err(UsulCltnDitolak::TerlambatMelapor { batas });
                }
            }
            if keluarga.kembali_perlu_formasi() {
                periksa_aktif_kembali(m.formasi)?;
            }
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
    /// Which case ([`JenisUsulCltn`] code).
    pub jenis: u8,
    /// First day of the leave.
    pub mulai: NaiveDate,
    /// Last day of the leave (the new one, for an extension).
    pub selesai: NaiveDate,
    /// Day back on duty, for a return.
    pub aktif: Option<NaiveDate>,
    /// Why (accompanying a spouse, fertility treatment, caring for family; the return's post).
    pub alasan: String,
    /// For a return: the register showed a vacancy in the employee's post.
    pub formasi_lowong: bool,
    /// For a return: the register's entry for the post when the case was made.
    #[serde(default)]
    pub formasi: Option<Formasi>,
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
        match self.jenis_usul().map(JenisUsulCltn::tahap) {
            Some(Tahap::Kembali) => self.aktif.unwrap_or(self.selesai),
            Some(Tahap::Perpanjangan) => self.selesai,
            _ => self.mulai,
        }
    }
}

/// Documents a case needs, by SIASN code: the request (L11) and, where a status begins, the
/// proof of its reason (L04: the spouse's posting, the study admission, the appointment; for
/// a detention, the detention order, its extension, or the court's release or acquittal).
pub const DOKUMEN_CLTN_AWAL: &[(&str, &[&str])] = &[
    ("1", &["L11", "L04"]),
    ("5", &["L11"]),
    ("3", &["L11"]),
    ("6", &["L11", "L04"]),
    ("7", &["L11"]),
    ("8", &["L11"]),
    ("9", &["L11", "L04"]),
    ("11", &["L11"]),
    ("101", &["L04"]),
    ("102", &["L04"]),
    ("103", &["L11"]),
    ("104", &["L04"]),
];

/// The SK CLTN's document type.
pub const DOKUMEN_SK_CLTN: &str = "L12";

/// Days before a status's last day that the employee and the agency are reminded.
pub const PENGINGAT_AKHIR_STATUS_HARI: i64 = 30;

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
            tmt_pensiun: d(2040, 1, 1),
        }
    }

    fn cuti(mulai: NaiveDate, selesai: NaiveDate) -> RiwayatCltn {
        RiwayatCltn {
            jenis_cltn: 1,
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
            formasi: None,
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
            Err(UsulCltnDitolak::Aturan(CltnDitolak::FormasiTidakTercatat))
        );
        m.formasi = Some(Formasi {
            kebutuhan: 3,
            terisi: 3,
        });
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::TanpaFormasi {
                kebutuhan: 3,
                terisi: 3
            }))
        );
        m.formasi = Some(Formasi {
            kebutuhan: 4,
            terisi: 3,
        });
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
    fn mpp_runs_at_most_the_year_before_tmt_pensiun() {
        // TMT pensiun 1 March 2027: MPP from 1 March 2026 at the earliest, to 28 February 2027.
        let mut f = fakta(30, None);
        f.tmt_pensiun = d(2027, 3, 1);
        let mut m = minta(JenisUsulCltn::Mpp);
        m.mulai = Some(d(2026, 3, 1));
        let r = rancang_cltn(&f, m).unwrap();
        assert_eq!((r.kedudukan_baru, r.selesai), ("20", d(2027, 2, 28)));
        assert_eq!(JenisUsulCltn::Mpp.keluarga().layanan(), JenisLayanan::Mpp);
        // A day earlier is more than a year; the TMT itself is too late.
        m.mulai = Some(d(2026, 2, 28));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Mpp(MppDitolak::LebihDariSetahun {
                paling_awal: d(2026, 3, 1)
            }))
        );
        m.mulai = Some(d(2027, 3, 1));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Mpp(MppDitolak::SetelahPensiun))
        );
        // Leap year: TMT 1 March 2028, MPP ends 29 February 2028.
        f.tmt_pensiun = d(2028, 3, 1);
        m.mulai = Some(d(2027, 9, 1));
        assert_eq!(rancang_cltn(&f, m).unwrap().selesai, d(2028, 2, 29));
        // Not extended, and only for someone on active duty.
        let mut mpp = cuti(d(2027, 9, 1), d(2028, 2, 29));
        mpp.jenis_cltn = 103;
        let mut p = minta(JenisUsulCltn::Perpanjangan);
        p.selesai = Some(d(2028, 6, 30));
        assert_eq!(
            rancang_cltn(&fakta(30, Some(mpp)), p),
            Err(UsulCltnDitolak::TanpaCltn)
        );
        f.kedudukan_hukum_id = "02".into();
        assert_eq!(rancang_cltn(&f, m), Err(UsulCltnDitolak::TidakAktif));
    }

    #[test]
    fn a_detention_is_extended_as_ordered_and_the_return_needs_a_vacancy() {
        let mut m = minta(JenisUsulCltn::PemberhentianSementara);
        m.mulai = Some(d(2026, 11, 3));
        m.selesai = Some(d(2026, 11, 22));
        // No service minimum: a new PNS may be detained too.
        let r = rancang_cltn(&fakta(1, None), m).unwrap();
        assert_eq!(r.kedudukan_baru, "04");
        assert_eq!(
            JenisUsulCltn::PemberhentianSementara.keluarga().layanan(),
            JenisLayanan::PemberhentianSementara
        );
        let mut tahan = cuti(d(2026, 11, 3), d(2026, 11, 22));
        tahan.jenis_cltn = 101;
        let mut f = fakta(1, Some(tahan));
        f.kedudukan_hukum_id = "04".into();
        // Extended twice: each time later than the last order.
        let mut p = minta(JenisUsulCltn::PerpanjanganPemberhentianSementara);
        p.selesai = Some(d(2027, 1, 1));
        assert_eq!(rancang_cltn(&f, p).unwrap().kedudukan_baru, "04");
        f.diperpanjang = true;
        p.selesai = Some(d(2027, 3, 1));
        assert!(rancang_cltn(&f, p).is_ok());
        p.selesai = Some(d(2026, 11, 1));
        assert_eq!(
            rancang_cltn(&f, p),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::TanggalTerbalik))
        );
        // Released: back only into a vacant post, but not bound to a month's deadline.
        let mut k = minta(JenisUsulCltn::AktifDariPemberhentianSementara);
        k.aktif = Some(d(2027, 6, 1));
        assert_eq!(
            rancang_cltn(&f, k),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::FormasiTidakTercatat))
        );
        k.formasi = Some(Formasi {
            kebutuhan: 4,
            terisi: 3,
        });
        assert_eq!(rancang_cltn(&f, k).unwrap().kedudukan_baru, "01");
        // A leave's return cannot end a detention.
        let mut salah = minta(JenisUsulCltn::AktifKembali);
        salah.aktif = Some(d(2027, 6, 1));
        salah.formasi = Some(Formasi {
            kebutuhan: 4,
            terisi: 3,
        });
        assert_eq!(rancang_cltn(&f, salah), Err(UsulCltnDitolak::TanpaCltn));
    }

    #[test]
    fn study_and_state_office_follow_their_own_rules() {
        // Study: no service minimum or length limit; the return needs no vacancy or deadline.
        let mut m = minta(JenisUsulCltn::TugasBelajar);
        m.mulai = Some(d(2027, 8, 1));
        m.selesai = Some(d(2031, 7, 31));
        let r = rancang_cltn(&fakta(2, None), m).unwrap();
        assert_eq!(r.kedudukan_baru, "03");
        m.selesai = Some(d(2027, 7, 31));
        assert_eq!(
            rancang_cltn(&fakta(2, None), m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::TanggalTerbalik))
        );
        let mut belajar = cuti(d(2023, 8, 1), d(2025, 7, 31));
        belajar.jenis_cltn = 6;
        let f = fakta(8, Some(belajar));
        let mut m = minta(JenisUsulCltn::AktifDariTugasBelajar);
        m.aktif = Some(d(2026, 1, 5));
        assert_eq!(rancang_cltn(&f, m).unwrap().kedudukan_baru, "01");
        // A CLTN return does not end a study assignment.
        m.jenis = JenisUsulCltn::AktifKembali;
        assert_eq!(rancang_cltn(&f, m), Err(UsulCltnDitolak::TanpaCltn));
        // State office: kedudukan 07, no extension, the return into a vacancy within a month.
        let mut m = minta(JenisUsulCltn::PejabatNegara);
        m.mulai = Some(d(2024, 10, 20));
        m.selesai = Some(d(2029, 10, 19));
        assert_eq!(
            rancang_cltn(&fakta(10, None), m).unwrap().kedudukan_baru,
            "07"
        );
        let mut jabatan = cuti(d(2024, 10, 20), d(2029, 10, 19));
        jabatan.jenis_cltn = 9;
        let f = fakta(10, Some(jabatan));
        let mut m = minta(JenisUsulCltn::PejabatNegara);
        m.jenis = JenisUsulCltn::AktifDariPejabatNegara;
        m.aktif = Some(d(2029, 11, 1));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::Aturan(CltnDitolak::FormasiTidakTercatat))
        );
        m.formasi = Some(Formasi {
            kebutuhan: 4,
            terisi: 3,
        });
        assert!(rancang_cltn(&f, m).is_ok());
        m.aktif = Some(d(2029, 11, 20));
        assert_eq!(
            rancang_cltn(&f, m),
            Err(UsulCltnDitolak::TerlambatMelapor {
                batas: d(2029, 11, 19)
            })
        );
        assert_eq!(KeluargaCltn::dari_kode_mulai(9).kedudukan(false), "07");
        assert_eq!(KeluargaCltn::dari_kode_mulai(1).kedudukan(true), "13");
    }

    #[test]
    fn codes_round_trip() {
        for j in JenisUsulCltn::SEMUA {
            assert_eq!(JenisUsulCltn::dari_kode(j.kode()), Some(j));
        }
        assert_eq!(JenisUsulCltn::dari_kode(2), None);
        assert_eq!(
            JenisUsulCltn::dari_kode(11),
            Some(JenisUsulCltn::AktifDariPejabatNegara)
        );
    }
}
