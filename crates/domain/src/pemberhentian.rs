//! Leaving the service and status changes: the kinds of pension and dismissal, the pension
//! right, the checks a retirement, CLTN or MPP case must pass, and the kedudukan hukum a
//! completed case gives (SERVICES.md §2 and §5). Each refusal names its rule.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::formasi::Formasi;
use crate::masa_kerja::MasaKerja;
use crate::pensiun::Pensiun;
use crate::tanggal::usia_pada;

/// Jenis pensiun (SIASN reference, codes 1–10). KPP: with a posthumous/service promotion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisPensiun {
    /// 1 BUP, without KPP.
    BupNonKpp,
    /// 2 BUP with KPP.
    BupKpp,
    /// 3 Widow/widower, without KPP.
    JandaDudaNonKpp,
    /// 4 Widow/widower with KPP.
    JandaDudaKpp,
    /// 5 Posthumous (anumerta).
    Anumerta,
    /// 6 Disabled in the line of duty.
    CacatKarenaDinas,
    /// 7 At own request.
    AtasPermintaanSendiri,
    /// 8 Honourable dismissal.
    DenganHormat,
    /// 9 Dishonourable dismissal.
    TidakDenganHormat,
    /// 10 Infirmity (uzur).
    Uzur,
}

impl JenisPensiun {
    /// Every kind, in code order.
    pub const SEMUA: [Self; 10] = [
        Self::BupNonKpp,
        Self::BupKpp,
        Self::JandaDudaNonKpp,
        Self::JandaDudaKpp,
        Self::Anumerta,
        Self::CacatKarenaDinas,
        Self::AtasPermintaanSendiri,
        Self::DenganHormat,
        Self::TidakDenganHormat,
        Self::Uzur,
    ];

    /// SIASN's code.
    pub fn kode(self) -> u8 {
        match self {
            Self::BupNonKpp => 1,
            Self::BupKpp => 2,
            Self::JandaDudaNonKpp => 3,
            Self::JandaDudaKpp => 4,
            Self::Anumerta => 5,
            Self::CacatKarenaDinas => 6,
            Self::AtasPermintaanSendiri => 7,
            Self::DenganHormat => 8,
            Self::TidakDenganHormat => 9,
            Self::Uzur => 10,
        }
    }

    /// From SIASN's code.
    pub fn dari_kode(kode: u8) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == kode)
    }

    /// SIASN's name.
    pub fn nama(self) -> &'static str {
        match self {
            Self::BupNonKpp => "BUP non KPP",
            Self::BupKpp => "BUP KPP",
            Self::JandaDudaNonKpp => "Non BUP Janda/Duda non KPP",
            Self::JandaDudaKpp => "Non BUP Janda/Duda KPP",
            Self::Anumerta => "Non BUP Anumerta",
            Self::CacatKarenaDinas => "Non BUP Cacat Karena Dinas",
            Self::AtasPermintaanSendiri => "Berhenti Atas Permintaan Sendiri",
            Self::DenganHormat => "Pemberhentian Dengan Hormat",
            Self::TidakDenganHormat => "Pemberhentian Tidak Hormat",
            Self::Uzur => "Uzur",
        }
    }

    /// Whether the case is a retirement at BUP (its TMT is fixed by the birth date).
    pub fn karena_bup(self) -> bool {
        matches!(self, Self::BupNonKpp | Self::BupKpp)
    }

    /// Whether the employee has died (the heir signs the DPCP; the pension goes to them).
    pub fn karena_meninggal(self) -> bool {
        matches!(
            self,
            Self::JandaDudaNonKpp | Self::JandaDudaKpp | Self::Anumerta
        )
    }
}

/// Jenis pemberhentian (SIASN reference, codes 1–16): why someone leaves the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JenisPemberhentian(u8);

/// The names of the kinds of dismissal, by code (each begins "Pemberhentian Karena …").
const NAMA_PEMBERHENTIAN: [&str; 16] = [
    "BUP",
    "Meninggal Dunia",
    "Atas Permintaan Sendiri",
    "Cacat",
    "Keuzuran Jasmani",
    "Tewas",
    "Hukuman Disiplin",
    "Anggota Parpol",
    "Penyederhanaan Organisasi",
    "Pelanggaran Sumpah/Janji PNS",
    "Pelanggaran Sumpah/Janji Jabatan",
    "Tindak Pidana",
    "Meninggalkan Tugas",
    "Dinyatakan Hilang",
    "Lebih dari 6 Bulan setelah CLTN tidak melapor",
    "Kasus Tipikor",
];

impl JenisPemberhentian {
    /// Reaching BUP.
    pub const BUP: Self = Self(1);
    /// Not reporting back after CLTN.
    pub const TIDAK_MELAPOR_SETELAH_CLTN: Self = Self(15);

    /// From SIASN's code (1–16).
    pub fn dari_kode(kode: u8) -> Option<Self> {
        (1..=16).contains(&kode).then_some(Self(kode))
    }

    /// SIASN's code.
    pub fn kode(self) -> u8 {
        self.0
    }

    /// The name ("Pemberhentian Karena …").
    pub fn nama(self) -> String {
        let i = usize::from(self.0.saturating_sub(1));
        format!(
            "Pemberhentian Karena {}",
            NAMA_PEMBERHENTIAN.get(i).copied().unwrap_or("?")
        )
    }
}

/// Why someone has no pension right (or which requirement an own-request pension misses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TanpaHakPensiun {
    /// Fewer than 10 years of pension service.
    #[error("pensiun.masa_kerja_kurang_10_tahun")]
    MasaKerjaPensiun {
        /// The service counted.
        ada: MasaKerja,
    },
    /// Fewer than 5 of them as PNS.
    #[error("pensiun.masa_kerja_pns_kurang_5_tahun")]
    MasaKerjaPns {
        /// The service as PNS.
        ada: MasaKerja,
    },
    /// An own-request pension needs age 45.
    #[error("pensiun.aps_usia_kurang_45")]
    UsiaAps {
        /// The age.
        usia: u32,
    },
    /// An own-request pension needs 20 years of service.
    #[error("pensiun.aps_masa_kerja_kurang_20")]
    MasaKerjaAps {
        /// The service.
        ada: MasaKerja,
    },
}

/// The BUP pension right: at least 10 years of pension service (masa kerja pensiun; fictitious
/// service not counted), at least 5 of them as PNS.
pub fn hak_pensiun_bup(
    masa_kerja_pensiun: MasaKerja,
    masa_kerja_pns: MasaKerja,
) -> Result<(), TanpaHakPensiun> {
    if masa_kerja_pensiun.total_bulan() < 120 {
        return Err(TanpaHakPensiun::MasaKerjaPensiun {
            ada: masa_kerja_pensiun,
        });
    }
    if masa_kerja_pns.total_bulan() < 60 {
        return Err(TanpaHakPensiun::MasaKerjaPns {
            ada: masa_kerja_pns,
        });
    }
    Ok(())
}

/// A pension at own request: age at least 45 and at least 20 years of service on `tmt`.
pub fn hak_pensiun_aps(
    lahir: NaiveDate,
    tmt: NaiveDate,
    masa_kerja: MasaKerja,
) -> Result<(), TanpaHakPensiun> {
    let usia = usia_pada(lahir, tmt);
    if usia < 45 {
        return Err(TanpaHakPensiun::UsiaAps { usia });
    }
    if masa_kerja.total_bulan() < 240 {
        return Err(TanpaHakPensiun::MasaKerjaAps { ada: masa_kerja });
    }
    Ok(())
}

/// Why a BUP retirement case cannot be made as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BupDitolak {
    /// The TMT asked is not the 1st of the month after the BUP month.
    #[error("pensiun.tmt_bukan_aturan_bup")]
    TmtTidakSesuai {
        /// The TMT the rule gives.
        seharusnya: NaiveDate,
    },
    /// Too early: BUP cases open this many months before TMT pensiun.
    #[error("pensiun.terlalu_dini")]
    TerlaluDini {
        /// The first day a case may be made.
        mulai: NaiveDate,
    },
}

/// Checks a BUP retirement case made on `hari_ini` asking for `tmt`: the TMT must be the one
/// the rule gives, and the case may open at most `jendela_bulan` months before it (a setting:
/// the rule that agencies propose about a year ahead is uncertain, SERVICES.md §2). A case after
/// TMT pensiun (a late proposal) is allowed.
pub fn periksa_usul_bup(
    p: &Pensiun,
    tmt: NaiveDate,
    hari_ini: NaiveDate,
    jendela_bulan: u32,
) -> Result<(), BupDitolak> {
    if tmt != p.tmt_pensiun {
        return Err(BupDitolak::TmtTidakSesuai {
            seharusnya: p.tmt_pensiun,
        });
    }
    let mulai = p
        .tmt_pensiun
        .checked_sub_months(Months::new(jendela_bulan))
        .unwrap_or(NaiveDate::MIN);
    if hari_ini < mulai {
        return Err(BupDitolak::TerlaluDini { mulai });
    }
    Ok(())
}

/// Longest CLTN granted at once, in months.
pub const CLTN_MAKS_BULAN: u32 = 36;
/// Longest extension, in months.
pub const CLTN_PERPANJANGAN_MAKS_BULAN: u32 = 12;
/// Service needed before CLTN, in months.
pub const CLTN_MASA_KERJA_MIN_BULAN: u32 = 60;

/// Why a CLTN (unpaid leave) step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CltnDitolak {
    /// Fewer than 5 years of continuous service.
    #[error("cltn.masa_kerja_kurang_5_tahun")]
    MasaKerjaKurang {
        /// The service.
        ada: MasaKerja,
    },
    /// The end is not after the start.
    #[error("cltn.tanggal_terbalik")]
    TanggalTerbalik,
    /// Longer than 3 years.
    #[error("cltn.lebih_dari_3_tahun")]
    TerlaluLama,
    /// An extension longer than 1 year, or not following the CLTN.
    #[error("cltn.perpanjangan_lebih_dari_1_tahun")]
    PerpanjanganTerlaluLama,
    /// A second extension.
    #[error("cltn.perpanjangan_sudah_pernah")]
    SudahDiperpanjang,
    /// Reactivation needs a vacant post: this one is full.
    #[error("cltn.tanpa_formasi_lowong")]
    TanpaFormasi {
        /// Holders the post is planned for.
        kebutuhan: u32,
        /// Holders occupying it.
        terisi: u32,
    },
    /// Reactivation needs a vacant post: the post is not in the formasi register.
    #[error("cltn.formasi_tidak_tercatat")]
    FormasiTidakTercatat,
}

/// A CLTN granted from `awal` to `akhir` (inclusive) to someone with `masa_kerja` continuous
/// service.
pub fn periksa_cltn(
    masa_kerja: MasaKerja,
    awal: NaiveDate,
    akhir: NaiveDate,
) -> Result<(), CltnDitolak> {
    if masa_kerja.total_bulan() < CLTN_MASA_KERJA_MIN_BULAN {
        return Err(CltnDitolak::MasaKerjaKurang { ada: masa_kerja });
    }
    if akhir < awal {
        return Err(CltnDitolak::TanggalTerbalik);
    }
    let batas = tambah_bulan(awal, CLTN_MAKS_BULAN);
    if akhir >= batas {
        return Err(CltnDitolak::TerlaluLama);
    }
    Ok(())
}

/// An extension of a CLTN that ended on `akhir_lama` to `akhir_baru` (once, at most a year).
pub fn periksa_perpanjangan_cltn(
    akhir_lama: NaiveDate,
    akhir_baru: NaiveDate,
    sudah_diperpanjang: bool,
) -> Result<(), CltnDitolak> {
    if sudah_diperpanjang {
        return Err(CltnDitolak::SudahDiperpanjang);
    }
    if akhir_baru <= akhir_lama {
        return Err(CltnDitolak::TanggalTerbalik);
    }
    if akhir_baru > tambah_bulan(akhir_lama, CLTN_PERPANJANGAN_MAKS_BULAN) {
        return Err(CltnDitolak::PerpanjanganTerlaluLama);
    }
    Ok(())
}

/// Reactivation after CLTN: only into a post of the formasi register with a vacancy.
pub fn periksa_aktif_kembali(formasi: Option<Formasi>) -> Result<(), CltnDitolak> {
    match formasi {
        None => Err(CltnDitolak::FormasiTidakTercatat),
        Some(f) if f.lowong() == 0 => Err(CltnDitolak::TanpaFormasi {
            kebutuhan: f.kebutuhan,
            terisi: f.terisi,
        }),
        Some(_) => Ok(()),
    }
}

/// The last day to report back after a CLTN ending on `akhir`: one month later; whoever has
/// not reported by then is dismissed (pemberhentian 15).
pub fn batas_lapor_cltn(akhir: NaiveDate) -> NaiveDate {
    tambah_bulan(akhir, 1)
}

/// Why an MPP (pre-retirement leave) request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MppDitolak {
    /// It would start more than a year before TMT pensiun.
    #[error("mpp.lebih_dari_1_tahun")]
    LebihDariSetahun {
        /// The earliest start.
        paling_awal: NaiveDate,
    },
    /// It would start on or after TMT pensiun.
    #[error("mpp.setelah_pensiun")]
    SetelahPensiun,
}

/// MPP starting on `mulai` for someone retiring on `tmt_pensiun`: at most one year before it.
pub fn periksa_mpp(mulai: NaiveDate, tmt_pensiun: NaiveDate) -> Result<(), MppDitolak> {
    if mulai >= tmt_pensiun {
        return Err(MppDitolak::SetelahPensiun);
    }
    let paling_awal = tmt_pensiun
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    if mulai < paling_awal {
        return Err(MppDitolak::LebihDariSetahun { paling_awal });
    }
    Ok(())
}

/// Kedudukan hukum codes services set (SERVICES.md §2, §5; which event sets which code is not
/// in a public rule, so these are the defaults the reference data can change).
pub mod kedudukan {
    /// Active.
    pub const AKTIF: &str = "01";
    /// On CLTN.
    pub const CLTN: &str = "02";
    /// On study assignment.
    pub const TUGAS_BELAJAR: &str = "03";
    /// Temporarily dismissed.
    pub const PEMBERHENTIAN_SEMENTARA: &str = "04";
    /// State official (a temporary dismissal of that kind).
    pub const PEJABAT_NEGARA: &str = "07";
    /// CLTN extended.
    pub const PERPANJANGAN_CLTN: &str = "13";
    /// Pre-retirement leave.
    pub const MPP: &str = "20";
    /// Dismissed.
    pub const DIBERHENTIKAN: &str = "66";
    /// Dismissed without a pension right.
    pub const TANPA_HAK_PENSIUN: &str = "77";
    /// Dismissed with a pension right.
    pub const DENGAN_HAK_PENSIUN: &str = "88";
    /// Past BUP without a decree yet.
    pub const MENCAPAI_BUP: &str = "98";
    /// Retired.
    pub const PENSIUN: &str = "99";

    /// Whether the code is one of someone who has left the service by a decree.
    pub fn sudah_keluar(kode: &str) -> bool {
        matches!(
            kode,
            PENSIUN | DIBERHENTIKAN | DENGAN_HAK_PENSIUN | TANPA_HAK_PENSIUN
        )
    }
}

/// The kedudukan hukum a completed pension case gives: retired for BUP, dismissed with or
/// without a pension right otherwise, dismissed for a dishonourable dismissal.
pub fn kedudukan_setelah_pensiun(jenis: JenisPensiun, berhak: bool) -> &'static str {
    match jenis {
        j if j.karena_bup() => kedudukan::PENSIUN,
        JenisPensiun::TidakDenganHormat => kedudukan::DIBERHENTIKAN,
        _ if berhak => kedudukan::DENGAN_HAK_PENSIUN,
        _ => kedudukan::TANPA_HAK_PENSIUN,
    }
}

fn tambah_bulan(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pensiun::hitung;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    #[test]
    fn every_kedudukan_a_service_sets_is_in_the_seed() {
        use kedudukan::*;
        for k in [
            AKTIF,
            CLTN,
            TUGAS_BELAJAR,
            PEMBERHENTIAN_SEMENTARA,
            PEJABAT_NEGARA,
            PERPANJANGAN_CLTN,
            MPP,
            DIBERHENTIKAN,
            TANPA_HAK_PENSIUN,
            DENGAN_HAK_PENSIUN,
            MENCAPAI_BUP,
            PENSIUN,
        ] {
            assert!(
                crate::referensi::KEDUDUKAN_HUKUM
                    .iter()
                    .any(|(id, _, _)| *id == k),
                "{k}"
            );
        }
    }

    #[test]
    fn kinds_keep_siasn_codes_and_names() {
        for j in JenisPensiun::SEMUA {
            assert_eq!(JenisPensiun::dari_kode(j.kode()), Some(j));
        }
        assert_eq!(JenisPensiun::dari_kode(0), None);
        assert_eq!(JenisPensiun::dari_kode(11), None);
        assert!(JenisPensiun::BupKpp.karena_bup() && !JenisPensiun::Uzur.karena_bup());
        assert!(JenisPensiun::Anumerta.karena_meninggal());
        assert_eq!(
            JenisPemberhentian::dari_kode(15).unwrap().nama(),
            "Pemberhentian Karena Lebih dari 6 Bulan setelah CLTN tidak melapor"
        );
        assert_eq!(JenisPemberhentian::BUP.nama(), "Pemberhentian Karena BUP");
        assert_eq!(JenisPemberhentian::dari_kode(17), None);
        assert_eq!(JenisPemberhentian::dari_kode(0), None);
    }

    #[test]
    fn pension_right_needs_ten_years_five_as_pns() {
        let mk = MasaKerja::from_bulan;
        assert!(hak_pensiun_bup(mk(120), mk(60)).is_ok());
        assert_eq!(
            hak_pensiun_bup(mk(119), mk(119)),
            Err(TanpaHakPensiun::MasaKerjaPensiun { ada: mk(119) })
        );
        assert_eq!(
            hak_pensiun_bup(mk(200), mk(59)),
            Err(TanpaHakPensiun::MasaKerjaPns { ada: mk(59) })
        );
        // Own request: 45 years old on the TMT, 20 years of service.
        let lahir = d(1980, 6, 15);
        assert!(hak_pensiun_aps(lahir, d(2025, 6, 15), mk(240)).is_ok());
        assert_eq!(
            hak_pensiun_aps(lahir, d(2025, 6, 14), mk(300)),
            Err(TanpaHakPensiun::UsiaAps { usia: 44 })
        );
        assert_eq!(
            hak_pensiun_aps(lahir, d(2026, 1, 1), mk(239)),
            Err(TanpaHakPensiun::MasaKerjaAps { ada: mk(239) })
        );
    }

    #[test]
    fn a_bup_case_asks_the_rule_s_tmt_and_not_years_ahead() {
        // Born 31 May 1968, BUP 58: reaches it on 31 May 2026, retires 1 June 2026.
        let p = hitung(d(1968, 5, 31), 58);
        assert_eq!(p.tmt_pensiun, d(2026, 6, 1));
        assert!(periksa_usul_bup(&p, d(2026, 6, 1), d(2025, 7, 1), 12).is_ok());
        assert_eq!(
            periksa_usul_bup(&p, d(2026, 7, 1), d(2025, 7, 1), 12),
            Err(BupDitolak::TmtTidakSesuai {
                seharusnya: d(2026, 6, 1)
            })
        );
        assert_eq!(
            periksa_usul_bup(&p, d(2026, 6, 1), d(2023, 1, 1), 12),
            Err(BupDitolak::TerlaluDini {
                mulai: d(2025, 6, 1)
            })
        );
        // A late proposal is still accepted.
        assert!(periksa_usul_bup(&p, d(2026, 6, 1), d(2026, 9, 1), 12).is_ok());
        // Born on the 1st: the month of the birthday still counts whole.
        assert_eq!(hitung(d(1968, 6, 1), 58).tmt_pensiun, d(2026, 7, 1));
        // Born on a leap day: BUP reached in February of a common year, TMT 1 March.
        assert_eq!(hitung(d(1968, 2, 29), 58).tmt_pensiun, d(2026, 3, 1));
        // Born on 31 December: TMT on 1 January of the next year.
        assert_eq!(hitung(d(1966, 12, 31), 60).tmt_pensiun, d(2027, 1, 1));
    }

    #[test]
    fn cltn_needs_five_years_and_lasts_at_most_three_plus_one() {
        let mk = MasaKerja::from_bulan;
        assert!(periksa_cltn(mk(60), d(2026, 1, 1), d(2028, 12, 31)).is_ok());
        assert_eq!(
            periksa_cltn(mk(59), d(2026, 1, 1), d(2026, 12, 31)),
            Err(CltnDitolak::MasaKerjaKurang { ada: mk(59) })
        );
        assert_eq!(
            periksa_cltn(mk(100), d(2026, 1, 1), d(2029, 1, 1)),
            Err(CltnDitolak::TerlaluLama)
        );
        assert_eq!(
            periksa_cltn(mk(100), d(2026, 1, 2), d(2026, 1, 1)),
            Err(CltnDitolak::TanggalTerbalik)
        );
        assert!(periksa_perpanjangan_cltn(d(2028, 12, 31), d(2029, 12, 31), false).is_ok());
        assert_eq!(
            periksa_perpanjangan_cltn(d(2028, 12, 31), d(2030, 1, 1), false),
            Err(CltnDitolak::PerpanjanganTerlaluLama)
        );
        assert_eq!(
            periksa_perpanjangan_cltn(d(2028, 12, 31), d(2029, 6, 30), true),
            Err(CltnDitolak::SudahDiperpanjang)
        );
        let f = |kebutuhan, terisi| Some(Formasi { kebutuhan, terisi });
        assert_eq!(
            periksa_aktif_kembali(f(2, 2)),
            Err(CltnDitolak::TanpaFormasi {
                kebutuhan: 2,
                terisi: 2
            })
        );
        assert_eq!(
            periksa_aktif_kembali(None),
            Err(CltnDitolak::FormasiTidakTercatat)
        );
        assert!(periksa_aktif_kembali(f(3, 2)).is_ok());
        assert_eq!(batas_lapor_cltn(d(2029, 1, 31)), d(2029, 2, 28));
    }

    #[test]
    fn mpp_is_at_most_a_year_before_retirement() {
        let tmt = d(2027, 3, 1);
        assert!(periksa_mpp(d(2026, 3, 1), tmt).is_ok());
        assert_eq!(
            periksa_mpp(d(2026, 2, 28), tmt),
            Err(MppDitolak::LebihDariSetahun {
                paling_awal: d(2026, 3, 1)
            })
        );
        assert_eq!(periksa_mpp(tmt, tmt), Err(MppDitolak::SetelahPensiun));
    }

    #[test]
    fn a_completed_case_sets_the_kedudukan() {
        assert_eq!(
            kedudukan_setelah_pensiun(JenisPensiun::BupNonKpp, true),
            kedudukan::PENSIUN
        );
        assert_eq!(
            kedudukan_setelah_pensiun(JenisPensiun::AtasPermintaanSendiri, true),
            kedudukan::DENGAN_HAK_PENSIUN
        );
        assert_eq!(
            kedudukan_setelah_pensiun(JenisPensiun::DenganHormat, false),
            kedudukan::TANPA_HAK_PENSIUN
        );
        assert_eq!(
            kedudukan_setelah_pensiun(JenisPensiun::TidakDenganHormat, true),
            kedudukan::DIBERHENTIKAN
        );
    }
}
