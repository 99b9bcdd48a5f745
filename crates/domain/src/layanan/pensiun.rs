//! Retirement and dismissal cases (layanan pensiun/pemberhentian) on the engine: what a
//! proposal must satisfy for each jenis pensiun, the TMT each kind takes, the pension right,
//! the kedudukan the SK gives, the case's own data (with the DPCP drawn from the record) and
//! the documents each kind needs (SERVICES.md §2).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::golongan::Golongan;
use crate::instansi::JenisInstansi;
use crate::layanan::kp::Tujuan;
use crate::masa_kerja::MasaKerja;
use crate::pemberhentian::{
    BupDitolak, JenisPemberhentian, JenisPensiun, TanpaHakPensiun, hak_pensiun_aps,
    hak_pensiun_bup, kedudukan_setelah_pensiun, periksa_usul_bup,
};
use crate::pensiun::Pensiun;
use crate::tanggal::BulanTahun;

/// How many months before TMT pensiun a BUP case may be started (a setting; the rule that
/// agencies propose "at least 12 months before" is uncertain, SERVICES.md §2, so the window
/// opens with the first notice at 24 months).
pub const JENDELA_USUL_BUP_BULAN: u32 = 24;

/// Lead times of the retirement notices, in months before TMT pensiun (configurable).
pub const TENGGAT_PEMBERITAHUAN_BULAN: [u32; 3] = [24, 12, 6];

/// How far ahead a non-BUP TMT may be set, in months.
pub const TMT_PALING_JAUH_BULAN: u32 = 12;

/// Service needed for a pension right after a dismissal for infirmity or a death not caused by
/// duty (UU 11/1969 Ps 9: four years), in months.
pub const MASA_KERJA_PENSIUN_UZUR_BULAN: u32 = 48;

/// What the record says about a candidate, for the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaktaPensiun {
    /// Whether the employee is a PNS (a PPPK's agreement ends; there is no pension case).
    pub pns: bool,
    /// Whether their kedudukan is still one of a serving ASN.
    pub masih_asn: bool,
    /// Retirement facts from the birth date and the position's BUP.
    pub pensiun: Pensiun,
    /// Birth date.
    pub lahir: NaiveDate,
    /// Pension service on the TMT (masa kerja incl. credited prior service, without CLTN).
    pub masa_kerja_pensiun: MasaKerja,
    /// Service as PNS/CPNS on the TMT (without credited prior service).
    pub masa_kerja_pns: MasaKerja,
    /// The agency's kind (who issues the pertek).
    pub jenis_instansi: JenisInstansi,
}

/// What the operator asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermintaanPensiun {
    /// Jenis pensiun.
    pub jenis_pensiun: JenisPensiun,
    /// Jenis pemberhentian; the kind's usual one when not given.
    pub jenis_pemberhentian: Option<JenisPemberhentian>,
    /// TMT asked (BUP: the rule's; kinds after an event: from the event's date).
    pub tmt: Option<NaiveDate>,
    /// Date of the event (death, the health team's statement, the verdict), where the kind
    /// has one.
    pub tanggal_peristiwa: Option<NaiveDate>,
}

/// Why a pension case cannot be made as asked; each names its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PensiunDitolak {
    /// Only a PNS has a pension case.
    #[error("pensiun.bukan_pns")]
    BukanPns,
    /// The employee has already left the service.
    #[error("pensiun.sudah_berhenti")]
    SudahBerhenti,
    /// A BUP rule.
    #[error("pensiun.bup")]
    Bup(BupDitolak),
    /// The jenis pemberhentian does not go with the jenis pensiun.
    #[error("pensiun.pemberhentian_tidak_sesuai")]
    PemberhentianTidakSesuai,
    /// The kind needs the date of its event.
    #[error("pensiun.tanggal_peristiwa_wajib")]
    TanggalPeristiwaWajib,
    /// The event's date is in the future.
    #[error("pensiun.peristiwa_di_masa_depan")]
    PeristiwaDiMasaDepan,
    /// The kind needs a TMT.
    #[error("pensiun.tmt_wajib")]
    TmtWajib,
    /// A TMT pensiun is always the first day of a month.
    #[error("pensiun.tmt_bukan_awal_bulan")]
    TmtBukanAwalBulan,
    /// The TMT is not the one the event gives (the first of the month after it).
    #[error("pensiun.tmt_tidak_sesuai_peristiwa")]
    TmtTidakSesuaiPeristiwa {
        /// The TMT the rule gives.
        seharusnya: NaiveDate,
    },
    /// A TMT before the next month or too far ahead.
    #[error("pensiun.tmt_di_luar_rentang")]
    TmtDiLuarRentang {
        /// Earliest allowed.
        paling_awal: NaiveDate,
        /// Latest allowed.
        paling_akhir: NaiveDate,
    },
    /// A TMT on or after the BUP retirement: that is a BUP case.
    #[error("pensiun.tmt_setelah_bup")]
    TmtSetelahBup {
        /// TMT pensiun at BUP.
        tmt_bup: NaiveDate,
    },
}

/// The jenis pemberhentian each jenis pensiun may go with, the first being the usual one (the
/// pairing is not in a public rule; these are defaults).
pub fn pemberhentian_yang_sesuai(jenis: JenisPensiun) -> &'static [u8] {
    match jenis {
        JenisPensiun::BupNonKpp | JenisPensiun::BupKpp => &[1],
        JenisPensiun::JandaDudaNonKpp | JenisPensiun::JandaDudaKpp => &[2, 6, 14],
        JenisPensiun::Anumerta => &[6],
        JenisPensiun::CacatKarenaDinas => &[4],
        JenisPensiun::AtasPermintaanSendiri => &[3],
        JenisPensiun::DenganHormat => &[9, 7, 8, 10, 11, 12, 13, 15],
        JenisPensiun::TidakDenganHormat => &[7, 8, 10, 11, 12, 13, 16],
        JenisPensiun::Uzur => &[5],
    }
}

/// Whether the kind starts from an event whose date sets the TMT (death, disability or
/// infirmity: the first of the following month).
pub fn tmt_dari_peristiwa(jenis: JenisPensiun) -> bool {
    jenis.karena_meninggal() || matches!(jenis, JenisPensiun::CacatKarenaDinas | JenisPensiun::Uzur)
}

/// The first day of the month after `d`.
pub fn awal_bulan_berikutnya(d: NaiveDate) -> NaiveDate {
    BulanTahun::of(d).tambah_bulan(1).hari_pertama()
}

/// What a valid proposal becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RancanganPensiun {
    /// Jenis pensiun.
    pub jenis_pensiun: JenisPensiun,
    /// Jenis pemberhentian.
    pub jenis_pemberhentian: JenisPemberhentian,
    /// TMT.
    pub tmt: NaiveDate,
    /// Pension right, or why there is none.
    pub hak: Result<(), TanpaHakPensiun>,
    /// Kedudukan hukum from the TMT.
    pub kedudukan_baru: &'static str,
    /// Who issues the pertek.
    pub tujuan: Tujuan,
}

/// Checks a proposal made on `hari_ini` and works out its TMT, pension right and new
/// kedudukan.
///
/// - BUP: the TMT is the rule's (first of the month after the BUP birthday), and the case
///   opens at most [`JENDELA_USUL_BUP_BULAN`] months before it; the right needs 10 years of
///   pension service, 5 as PNS.
/// - Death, disability in service, infirmity: the TMT is the first of the month after the event.
/// - Own request and dismissals: a first of a month from next month to 12 months ahead, and
///   before the BUP retirement; own request has a right from age 45 with 20 years' service.
/// - Death or disability caused by duty always gives a right; infirmity and a death not
///   caused by duty need four years; a dishonourable dismissal never does.
pub fn rancang_pensiun(
    fakta: &FaktaPensiun,
    minta: PermintaanPensiun,
    hari_ini: NaiveDate,
) -> Result<RancanganPensiun, PensiunDitolak> {
    if !fakta.pns {
        return Err(PensiunDitolak::BukanPns);
    }
    if !fakta.masih_asn {
        return Err(PensiunDitolak::SudahBerhenti);
    }
    let jenis = minta.jenis_pensiun;
    let sesuai = pemberhentian_yang_sesuai(jenis);
    let jenis_pemberhentian = match minta.jenis_pemberhentian {
        Some(j) if sesuai.contains(&j.kode()) => j,
        Some(_) => return Err(PensiunDitolak::PemberhentianTidakSesuai),
        None => sesuai
            .first()
            .and_then(|k| JenisPemberhentian::dari_kode(*k))
            .ok_or(PensiunDitolak::PemberhentianTidakSesuai)?,
    };
    let tmt = if jenis.karena_bup() {
        let tmt = minta.tmt.unwrap_or(fakta.pensiun.tmt_pensiun);
        periksa_usul_bup(&fakta.pensiun, tmt, hari_ini, JENDELA_USUL_BUP_BULAN)
            .map_err(PensiunDitolak::Bup)?;
        tmt
    } else if tmt_dari_peristiwa(jenis) {
        let peristiwa = minta
            .tanggal_peristiwa
            .ok_or(PensiunDitolak::TanggalPeristiwaWajib)?;
        if peristiwa > hari_ini {
            return Err(PensiunDitolak::PeristiwaDiMasaDepan);
        }
        let seharusnya = awal_bulan_berikutnya(peristiwa);
        match minta.tmt {
            Some(t) if t != seharusnya => {
                return Err(PensiunDitolak::TmtTidakSesuaiPeristiwa { seharusnya });
            }
            _ => seharusnya,
        }
    } else {
        let tmt = minta.tmt.ok_or(PensiunDitolak::TmtWajib)?;
        if minta.tanggal_peristiwa.is_some_and(|p| p > hari_ini) {
            return Err(PensiunDitolak::PeristiwaDiMasaDepan);
        }
        if BulanTahun::of(tmt).hari_pertama() != tmt {
            return Err(PensiunDitolak::TmtBukanAwalBulan);
        }
        let paling_awal = awal_bulan_berikutnya(hari_ini);
        let paling_akhir = paling_awal
            .checked_add_months(Months::new(TMT_PALING_JAUH_BULAN))
            .unwrap_or(NaiveDate::MAX);
        if tmt < paling_awal || tmt > paling_akhir {
            return Err(PensiunDitolak::TmtDiLuarRentang {
                paling_awal,
                paling_akhir,
            });
        }
        if tmt >= fakta.pensiun.tmt_pensiun {
            return Err(PensiunDitolak::TmtSetelahBup {
                tmt_bup: fakta.pensiun.tmt_pensiun,
            });
        }
        tmt
    };
    let hak = hak_pensiun(fakta, jenis, tmt);
    Ok(RancanganPensiun {
        jenis_pensiun: jenis,
        jenis_pemberhentian,
        tmt,
        hak,
        kedudukan_baru: kedudukan_setelah_pensiun(jenis, hak.is_ok()),
        tujuan: tujuan_pertek(fakta.jenis_instansi),
    })
}

/// The pension right for a case of kind `jenis` taking effect on `tmt`.
pub fn hak_pensiun(
    fakta: &FaktaPensiun,
    jenis: JenisPensiun,
    tmt: NaiveDate,
) -> Result<(), TanpaHakPensiun> {
    match jenis {
        JenisPensiun::BupNonKpp | JenisPensiun::BupKpp | JenisPensiun::DenganHormat => {
            hak_pensiun_bup(fakta.masa_kerja_pensiun, fakta.masa_kerja_pns)
        }
        JenisPensiun::AtasPermintaanSendiri => {
            hak_pensiun_aps(fakta.lahir, tmt, fakta.masa_kerja_pensiun)
        }
        JenisPensiun::Anumerta | JenisPensiun::CacatKarenaDinas => Ok(()),
        JenisPensiun::JandaDudaNonKpp | JenisPensiun::JandaDudaKpp | JenisPensiun::Uzur => {
            if fakta.masa_kerja_pensiun.total_bulan() >= MASA_KERJA_PENSIUN_UZUR_BULAN {
                Ok(())
            } else {
                Err(TanpaHakPensiun::MasaKerjaPensiun {
                    ada: fakta.masa_kerja_pensiun,
                })
            }
        }
        JenisPensiun::TidakDenganHormat => Err(TanpaHakPensiun::MasaKerjaPensiun {
            ada: MasaKerja::from_bulan(0),
        }),
    }
}

/// Who issues a pension pertek: the Kanreg for regional agencies, BKN central for central ones
/// (SERVICES.md §2 says "Kanreg or BKN"; the split by agency kind is this system's default).
pub fn tujuan_pertek(jenis_instansi: JenisInstansi) -> Tujuan {
    match jenis_instansi {
        JenisInstansi::Daerah => Tujuan::Kanreg,
        JenisInstansi::Pusat => Tujuan::BknPusat,
    }
}

/// A family member on the DPCP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnggotaKeluarga {
    /// Name.
    pub nama: String,
    /// "Istri", "Suami", "Anak".
    pub hubungan: String,
    /// Birth date, where recorded.
    pub tanggal_lahir: Option<NaiveDate>,
}

/// The pension candidate's data sheet (Data Perorangan Calon Penerima Pensiun), drawn from
/// the record when the case starts instead of typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dpcp {
    /// Full name with titles.
    pub nama: String,
    /// NIP.
    pub nip: String,
    /// Birth place.
    pub tempat_lahir: String,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// "Laki-laki" / "Perempuan".
    pub jenis_kelamin: String,
    /// Rank.
    pub golongan: Option<Golongan>,
    /// Its TMT.
    pub tmt_golongan: Option<NaiveDate>,
    /// Position name.
    pub jabatan: Option<String>,
    /// Unit name.
    pub unor: Option<String>,
    /// Agency name.
    pub instansi: String,
    /// TMT CPNS.
    pub tmt_cpns: Option<NaiveDate>,
    /// Pension service on the TMT.
    pub masa_kerja_pensiun: MasaKerja,
    /// Service as PNS on the TMT.
    pub masa_kerja_pns: MasaKerja,
    /// Last base salary.
    pub gaji_pokok: Option<i64>,
    /// Address.
    pub alamat: Option<String>,
    /// Spouses and children (heirs of a pension).
    pub keluarga: Vec<AnggotaKeluarga>,
}

/// A pension case's own data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataPensiun {
    /// Jenis pensiun (SIASN code 1–10).
    pub jenis_pensiun: u8,
    /// Jenis pemberhentian (SIASN code 1–16).
    pub jenis_pemberhentian: u8,
    /// TMT.
    pub tmt: NaiveDate,
    /// BUP applied.
    pub bup: u8,
    /// TMT pensiun at BUP.
    pub tmt_bup: NaiveDate,
    /// Date of the event (death, statement, verdict), where the kind has one.
    pub tanggal_peristiwa: Option<NaiveDate>,
    /// Whether there is a pension right.
    pub berhak_pensiun: bool,
    /// Why not, as a catalogue key.
    pub tanpa_hak: Option<String>,
    /// Kedudukan before the case.
    pub kedudukan_lama: String,
    /// Kedudukan from the TMT.
    pub kedudukan_baru: String,
    /// Who issues the pertek.
    pub tujuan: Tujuan,
    /// The data sheet.
    pub dpcp: Dpcp,
}

impl DataPensiun {
    /// Jenis pensiun.
    pub fn jenis(&self) -> Option<JenisPensiun> {
        JenisPensiun::dari_kode(self.jenis_pensiun)
    }

    /// Jenis pemberhentian.
    pub fn pemberhentian(&self) -> Option<JenisPemberhentian> {
        JenisPemberhentian::dari_kode(self.jenis_pemberhentian)
    }

    /// When the heirs' pension starts after a death: the salary continues for four months
    /// from the TMT (UU 11/1969), the pension follows.
    pub fn pensiun_ahli_waris_mulai(&self) -> Option<NaiveDate> {
        self.jenis()
            .filter(|j| j.karena_meninggal())
            .and_then(|_| self.tmt.checked_add_months(Months::new(4)))
    }
}

/// Document types a pension case needs, by jenis pensiun: each entry is met by any one of its
/// '|'-separated types (KB Kanreg II for BUP; kepegawaian.uny.ac.id for the other kinds).
/// The DPCP (L06) is generated and attached when the case starts.
pub const DOKUMEN_PENSIUN_AWAL: &[(&str, &[&str])] = &[
    ("1", &["L06", "889", "L02|887", "L09"]),
    ("2", &["L06", "889", "L02|887", "L09"]),
    ("3", &["L06", "889", "L02|887", "L08"]),
    ("4", &["L06", "889", "L02|887", "L08"]),
    ("5", &["L06", "889", "L02|887", "L08", "L04"]),
    ("6", &["L06", "889", "L02|887", "L10"]),
    ("7", &["L06", "889", "L02|887", "L11"]),
    ("8", &["L06", "889", "L04"]),
    ("9", &["L06", "889", "L04"]),
    ("10", &["L06", "889", "L02|887", "L10"]),
];

/// The DPCP's document type.
pub const DOKUMEN_DPCP: &str = "L06";
/// The SK pensiun/pemberhentian's document type.
pub const DOKUMEN_SK_PENSIUN: &str = "L07";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pensiun::hitung;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn fakta(lahir: NaiveDate, bup: u8, mk_bulan: u32) -> FaktaPensiun {
        FaktaPensiun {
            pns: true,
            masih_asn: true,
            pensiun: hitung(lahir, bup),
            lahir,
            masa_kerja_pensiun: MasaKerja::from_bulan(mk_bulan),
            masa_kerja_pns: MasaKerja::from_bulan(mk_bulan),
            jenis_instansi: JenisInstansi::Daerah,
        }
    }

    fn minta(jenis: JenisPensiun) -> PermintaanPensiun {
        PermintaanPensiun {
            jenis_pensiun: jenis,
            jenis_pemberhentian: None,
            tmt: None,
            tanggal_peristiwa: None,
        }
    }

    #[test]
    fn tmt_pensiun_on_month_edges_and_leap_days() {
        // Born on the 1st: BUP reached on 1 March, retired from 1 April (the month after).
        assert_eq!(hitung(d(1968, 3, 1), 58).tmt_pensiun, d(2026, 4, 1));
        // Born on the last day of a month.
        assert_eq!(hitung(d(1968, 3, 31), 58).tmt_pensiun, d(2026, 4, 1));
        assert_eq!(hitung(d(1968, 12, 31), 58).tmt_pensiun, d(2027, 1, 1));
        // Born on 29 February: in a common year BUP is reached on 28 February.
        let p = hitung(d(1968, 2, 29), 58);
        assert_eq!(p.tanggal_mencapai_bup, d(2026, 2, 28));
        assert_eq!(p.tmt_pensiun, d(2026, 3, 1));
        // And on 29 February when the BUP year is a leap year.
        assert_eq!(
            hitung(d(1968, 2, 29), 60).tanggal_mencapai_bup,
            d(2028, 2, 29)
        );
        assert_eq!(hitung(d(1961, 7, 15), 65).tmt_pensiun, d(2026, 8, 1));
    }

    #[test]
    fn a_bup_case_takes_the_rule_s_tmt_and_opens_24_months_before() {
        let f = fakta(d(1968, 12, 15), 58, 400);
        let r = rancang_pensiun(&f, minta(JenisPensiun::BupNonKpp), d(2026, 12, 7)).unwrap();
        assert_eq!(r.tmt, d(2027, 1, 1));
        assert_eq!(r.jenis_pemberhentian, JenisPemberhentian::BUP);
        assert_eq!(r.kedudukan_baru, "99");
        assert!(r.hak.is_ok());
        assert_eq!(r.tujuan, Tujuan::Kanreg);
        // Years from BUP: refused, naming the first day it may be made.
        let muda = fakta(d(1975, 6, 2), 58, 300);
        assert_eq!(
            rancang_pensiun(&muda, minta(JenisPensiun::BupNonKpp), d(2026, 12, 7)),
            Err(PensiunDitolak::Bup(BupDitolak::TerlaluDini {
                mulai: d(2031, 7, 1)
            }))
        );
        // A TMT other than the rule's.
        let mut m = minta(JenisPensiun::BupKpp);
        m.tmt = Some(d(2027, 2, 1));
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::Bup(BupDitolak::TmtTidakSesuai {
                seharusnya: d(2027, 1, 1)
            }))
        );
        // Nine years of service: retired all the same, without a pension right.
        let singkat = fakta(d(1968, 12, 15), 58, 108);
        let r = rancang_pensiun(&singkat, minta(JenisPensiun::BupNonKpp), d(2026, 12, 7)).unwrap();
        assert!(r.hak.is_err());
        assert_eq!(r.kedudukan_baru, "99");
    }

    #[test]
    fn event_kinds_take_the_first_of_the_month_after_the_event() {
        let f = fakta(d(1975, 6, 2), 58, 300);
        let mut m = minta(JenisPensiun::JandaDudaNonKpp);
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TanggalPeristiwaWajib)
        );
        m.tanggal_peristiwa = Some(d(2026, 11, 30));
        let r = rancang_pensiun(&f, m, d(2026, 12, 7)).unwrap();
        assert_eq!(r.tmt, d(2026, 12, 1));
        assert_eq!(r.jenis_pemberhentian.kode(), 2);
        assert_eq!(r.kedudukan_baru, "88");
        m.tanggal_peristiwa = Some(d(2026, 12, 31));
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::PeristiwaDiMasaDepan)
        );
        m.tanggal_peristiwa = Some(d(2026, 11, 1));
        m.tmt = Some(d(2027, 1, 1));
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TmtTidakSesuaiPeristiwa {
                seharusnya: d(2026, 12, 1)
            })
        );
        // Three years' service: the heirs have no pension; in the line of duty they do.
        let baru = fakta(d(1990, 1, 1), 58, 36);
        let mut m = minta(JenisPensiun::JandaDudaNonKpp);
        m.tanggal_peristiwa = Some(d(2026, 10, 10));
        assert_eq!(
            rancang_pensiun(&baru, m, d(2026, 12, 7))
                .unwrap()
                .kedudukan_baru,
            "77"
        );
        m.jenis_pensiun = JenisPensiun::Anumerta;
        assert_eq!(
            rancang_pensiun(&baru, m, d(2026, 12, 7))
                .unwrap()
                .kedudukan_baru,
            "88"
        );
        let anumerta = rancang_pensiun(&baru, m, d(2026, 12, 7)).unwrap();
        assert_eq!(anumerta.jenis_pemberhentian.kode(), 6);
    }

    #[test]
    fn own_request_and_dismissals_need_a_first_of_month_within_a_year_before_bup() {
        let f = fakta(d(1975, 6, 2), 58, 300);
        let mut m = minta(JenisPensiun::AtasPermintaanSendiri);
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TmtWajib)
        );
        m.tmt = Some(d(2027, 3, 15));
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TmtBukanAwalBulan)
        );
        m.tmt = Some(d(2026, 12, 1));
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TmtDiLuarRentang {
                paling_awal: d(2027, 1, 1),
                paling_akhir: d(2028, 1, 1)
            })
        );
        m.tmt = Some(d(2027, 3, 1));
        let r = rancang_pensiun(&f, m, d(2026, 12, 7)).unwrap();
        // 51 years old with 25 years' service: a pension right.
        assert!(r.hak.is_ok());
        assert_eq!(r.kedudukan_baru, "88");
        // A wrong pairing of kinds.
        m.jenis_pemberhentian = JenisPemberhentian::dari_kode(12);
        assert_eq!(
            rancang_pensiun(&f, m, d(2026, 12, 7)),
            Err(PensiunDitolak::PemberhentianTidakSesuai)
        );
        // A dishonourable dismissal: no right, kedudukan "Diberhentikan".
        let mut m = minta(JenisPensiun::TidakDenganHormat);
        m.tmt = Some(d(2027, 1, 1));
        m.jenis_pemberhentian = JenisPemberhentian::dari_kode(16);
        let r = rancang_pensiun(&f, m, d(2026, 12, 7)).unwrap();
        assert_eq!(r.kedudukan_baru, "66");
        // After BUP it would be a BUP case.
        let tua = fakta(d(1969, 2, 10), 58, 400);
        let mut m = minta(JenisPensiun::AtasPermintaanSendiri);
        m.tmt = Some(d(2027, 4, 1));
        assert_eq!(
            rancang_pensiun(&tua, m, d(2026, 12, 7)),
            Err(PensiunDitolak::TmtSetelahBup {
                tmt_bup: d(2027, 3, 1)
            })
        );
    }

    #[test]
    fn only_serving_pns_have_a_case_and_central_agencies_go_to_bkn() {
        let mut f = fakta(d(1968, 12, 15), 58, 400);
        f.pns = false;
        assert_eq!(
            rancang_pensiun(&f, minta(JenisPensiun::BupNonKpp), d(2026, 12, 7)),
            Err(PensiunDitolak::BukanPns)
        );
        f.pns = true;
        f.masih_asn = false;
        assert_eq!(
            rancang_pensiun(&f, minta(JenisPensiun::BupNonKpp), d(2026, 12, 7)),
            Err(PensiunDitolak::SudahBerhenti)
        );
        assert_eq!(tujuan_pertek(JenisInstansi::Pusat), Tujuan::BknPusat);
        for j in JenisPensiun::SEMUA {
            assert!(!pemberhentian_yang_sesuai(j).is_empty());
            assert!(
                DOKUMEN_PENSIUN_AWAL
                    .iter()
                    .any(|(k, s)| *k == j.kode().to_string() && s.contains(&DOKUMEN_DPCP))
            );
        }
    }
}
