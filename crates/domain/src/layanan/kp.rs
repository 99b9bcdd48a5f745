//! Promotion (kenaikan pangkat) as a service: the case's own data, who decides it, the base
//! salary it gives and the years in rank it carries (SERVICES.md §1). The eligibility rule
//! itself is [`crate::kenaikan_pangkat`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::golongan::Golongan;
use crate::instansi::JenisInstansi;
use crate::masa_kerja::MasaKerja;
use crate::tanggal::bulan_penuh;

/// Jenis KP of a regular promotion.
pub const JENIS_KP_REGULER: &str = "101";
/// Jenis KP of a promotion in a functional position (Pilihan, Jabatan Fungsional Tertentu).
pub const JENIS_KP_FUNGSIONAL: &str = "202";

/// What a promotion case carries besides the engine's fields (`usulan_data` in SIASN).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataKp {
    /// Jenis KP (101 reguler, 201–210 pilihan).
    pub jenis_kp_id: String,
    /// Current golongan.
    pub golongan_lama: Golongan,
    /// Golongan after the promotion.
    pub golongan_baru: Golongan,
    /// TMT of the new golongan (a period date).
    pub tmt_kp: NaiveDate,
    /// Masa kerja golongan on the TMT.
    pub masa_kerja_golongan: MasaKerja,
    /// Base salary now (None: not in the salary table).
    pub gaji_pokok_lama: Option<i64>,
    /// Base salary after the promotion.
    pub gaji_pokok_baru: Option<i64>,
    /// Who decides: the Kanreg, BKN central or the President's channel.
    pub tujuan: Tujuan,
    /// Cumulative credit points, for a functional promotion.
    pub angka_kredit: Option<f64>,
}

/// Where a promotion is decided (SERVICES.md §1 "Who signs what").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tujuan {
    /// The agency's Kanreg.
    Kanreg,
    /// BKN central.
    BknPusat,
    /// The President, through SIAPP (BKN central prepares it).
    Presiden,
}

impl Tujuan {
    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Kanreg => "KANREG",
            Self::BknPusat => "PUSAT",
            Self::Presiden => "PRESIDEN",
        }
    }

    /// Parses a storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        [Self::Kanreg, Self::BknPusat, Self::Presiden]
            .into_iter()
            .find(|t| t.kode() == kode)
    }
}

/// One row of the "who decides" reference: for agencies of this kind, new golongan up to and
/// including `sampai` go to `tujuan` (rows are tried lowest `sampai` first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AturanTujuan {
    /// Central or regional agency.
    pub jenis_instansi: JenisInstansi,
    /// Highest new golongan the row covers.
    pub sampai: Golongan,
    /// Who decides.
    pub tujuan: Tujuan,
}

/// Who decides a promotion to `baru` for an agency of kind `jenis`; None when the reference
/// has no row for it (the case cannot be routed: an administrator must complete the table).
pub fn tujuan(aturan: &[AturanTujuan], jenis: JenisInstansi, baru: Golongan) -> Option<Tujuan> {
    let mut cocok: Vec<&AturanTujuan> = aturan
        .iter()
        .filter(|a| a.jenis_instansi == jenis && baru <= a.sampai)
        .collect();
    cocok.sort_by_key(|a| a.sampai);
    cocok.first().map(|a| a.tujuan)
}

/// The seed of the "who decides" table: regional agencies' promotions up to IV/a go to their
/// Kanreg; IV/b and above, and every central agency's, to BKN central (a Kanreg serves "I/b
/// s/d IV/b" by one source and "IV/b ke atas" goes to the centre by the same: the boundary is
/// uncertain, so it is data). The President's channel (JPT Utama/Madya, JF Ahli Utama) is
/// decided by position, which an administrator adds as rows when needed.
pub fn aturan_tujuan_awal() -> Vec<AturanTujuan> {
    vec![
        AturanTujuan {
            jenis_instansi: JenisInstansi::Daerah,
            sampai: Golongan::IVA,
            tujuan: Tujuan::Kanreg,
        },
        AturanTujuan {
            jenis_instansi: JenisInstansi::Daerah,
            sampai: Golongan::IVE,
            tujuan: Tujuan::BknPusat,
        },
        AturanTujuan {
            jenis_instansi: JenisInstansi::Pusat,
            sampai: Golongan::IVE,
            tujuan: Tujuan::BknPusat,
        },
    ]
}

/// One row of the base-salary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarisGaji {
    /// Golongan.
    pub golongan: Golongan,
    /// Masa kerja golongan, years (the table's step).
    pub mkg: u32,
    /// Base salary, rupiah.
    pub gaji_pokok: i64,
}

/// The base salary for a golongan and masa kerja golongan: the row of the highest step not
/// above the years served (the regulation's table lists steps; between two, the lower holds).
pub fn gaji_pokok(tabel: &[BarisGaji], golongan: Golongan, mkg: MasaKerja) -> Option<i64> {
    tabel
        .iter()
        .filter(|b| b.golongan == golongan && b.mkg <= mkg.tahun)
        .max_by_key(|b| b.mkg)
        .map(|b| b.gaji_pokok)
}

/// The base-salary table of PP 5/2024 (in force from 1 January 2024), from the data file that
/// cites it. Lines that are not three numbers are comments or the header.
pub fn tabel_gaji_2024() -> Vec<BarisGaji> {
    include_str!("../../data/gaji_pokok_pns_2024.csv")
        .lines()
        .filter_map(|baris| {
            let mut kolom = baris.split(',').map(str::trim);
            let golongan = Golongan::from_id(kolom.next()?.parse().ok()?)?;
            let mkg = kolom.next()?.parse().ok()?;
            let gaji_pokok = kolom.next()?.parse().ok()?;
            Some(BarisGaji {
                golongan,
                mkg,
                gaji_pokok,
            })
        })
        .collect()
}

/// Years of masa kerja golongan dropped when a promotion crosses into a higher group: from
/// group I to II six years, from II to III five (PP 7/1977 as amended, art. 7; the same
/// reduction as at appointment with a higher diploma).
fn potongan_kelompok(lama: Golongan, baru: Golongan) -> u32 {
    match (lama.kelompok(), baru.kelompok()) {
        (1, 2) => 6,
        (2, 3) => 5,
        _ => 0,
    }
}

/// Masa kerja golongan on the new TMT: the years in rank recorded at the last rank's TMT, plus
/// the months since, less the group-crossing reduction (never below zero).
pub fn masa_kerja_golongan_baru(
    mkg_lama: MasaKerja,
    tmt_lama: NaiveDate,
    tmt_baru: NaiveDate,
    lama: Golongan,
    baru: Golongan,
) -> MasaKerja {
    let bulan = mkg_lama.total_bulan() + bulan_penuh(tmt_lama, tmt_baru);
    MasaKerja::from_bulan(bulan.saturating_sub(potongan_kelompok(lama, baru) * 12))
}

/// Cumulative credit points a functional-position promotion to `baru` needs (PermenPANRB
/// 1/2023, Lampiran: kenaikan pangkat in the ahli and keterampilan levels). Seed values, kept
/// as reference data an administrator can change; None where the table has no single value.
pub const ANGKA_KREDIT_KP_AWAL: &[(Golongan, f64)] = &[
    (Golongan::IIB, 15.0),
    (Golongan::IIC, 20.0),
    (Golongan::IID, 20.0),
    (Golongan::IIIB, 50.0),
    (Golongan::IIIC, 100.0),
    (Golongan::IIID, 100.0),
    (Golongan::IVA, 200.0),
    (Golongan::IVB, 150.0),
    (Golongan::IVC, 300.0),
    (Golongan::IVD, 450.0),
    (Golongan::IVE, 200.0),
];

/// Required documents of each jenis KP (SERVICES.md §1 "Documents"; SIASN's own type ids are
/// not published, so these are the instance's ref-dokumen ids, as data): each entry is met by
/// any one of its types. "L02|887": the last rank decree, or the PNS decree for a first KP.
pub const DOKUMEN_KP_AWAL: &[(&str, &[&str])] = &[
    (JENIS_KP_REGULER, &["L02|887", "891"]),
    ("201", &["L02|887", "891", "872", "873"]),
    (JENIS_KP_FUNGSIONAL, &["L02|887", "891", "879|880"]),
    ("203", &["L02|887", "891", "L01"]),
];

/// The proposal window of a period: from the reference when an administrator set one, else
/// from three months before the period to the end of the period's month (the monthly scheme's
/// deadlines are not published, and decrees with a TMT already passed are common).
pub fn jendela_usul(
    periode: NaiveDate,
    jadwal: Option<(NaiveDate, NaiveDate)>,
) -> (NaiveDate, NaiveDate) {
    jadwal.unwrap_or_else(|| {
        (
            periode
                .checked_sub_months(chrono::Months::new(3))
                .unwrap_or(periode),
            crate::tanggal::BulanTahun::of(periode)
                .tambah_bulan(1)
                .hari_pertama()
                .pred_opt()
                .unwrap_or(periode),
        )
    })
}

/// What the promotion rules look at for one employee (from the record and their histories).
#[derive(Debug, Clone)]
pub struct FaktaKp {
    /// Agency kind (who decides).
    pub jenis_instansi: JenisInstansi,
    /// Current golongan.
    pub golongan: Golongan,
    /// Its TMT.
    pub tmt_golongan: NaiveDate,
    /// Highest education (reference id).
    pub tingkat_pendidikan_id: Option<String>,
    /// Jenis jabatan ("2": functional).
    pub jenis_jabatan_id: Option<String>,
    /// Histories that matter: SKP (both models), discipline, credit points, rank.
    pub riwayat: Vec<crate::riwayat::DataRiwayat>,
}

/// The reference data the promotion rules use.
#[derive(Debug, Clone, Default)]
pub struct RujukanKp {
    /// Education levels with their ceilings.
    pub pendidikan: Vec<crate::referensi::TingkatPendidikan>,
    /// Base salary table.
    pub gaji: Vec<BarisGaji>,
    /// Credit points per target golongan.
    pub angka_kredit: Vec<(Golongan, f64)>,
    /// Who decides.
    pub tujuan: Vec<AturanTujuan>,
}

/// A promotion worked out for a period: whether it may go ahead, and what it would be.
#[derive(Debug, Clone, PartialEq)]
pub struct RancanganKp {
    /// The rule's outcome (the reasons explain themselves).
    pub hasil: crate::kenaikan_pangkat::HasilKpReguler,
    /// The case data it would carry (None at IV/e, or when nobody decides such a case).
    pub data: Option<DataKp>,
}

/// Works out a promotion of `f` at `periode`: regular (101) or, in a functional position,
/// 202 with the credit points; the masa kerja golongan, the old and new base salary and who
/// decides. The direct superior's rank is not known here (its limit ended with Perban 2/2025).
pub fn rancang(f: &FaktaKp, periode: NaiveDate, r: &RujukanKp) -> RancanganKp {
    use crate::kenaikan_pangkat::{DataKpReguler, SyaratFungsional, kp_reguler};
    use crate::riwayat::DataRiwayat;
    let penilaian = crate::kinerja_terakhir::dari_riwayat(&f.riwayat);
    let hukuman = f
        .riwayat
        .iter()
        .any(|d| matches!(d, DataRiwayat::HukumanDisiplin(h) if h.aktif_pada(periode)));
    let fungsional_jabatan = f.jenis_jabatan_id.as_deref() == Some("2");
    let angka_kredit = f
        .riwayat
        .iter()
        .filter_map(|d| match d {
            DataRiwayat::AngkaKredit(a) => Some((a.sk.tanggal, a.kredit_total)),
            _ => None,
        })
        .max_by_key(|(t, _)| *t)
        .map(|(_, ak)| ak);
    let baru = f.golongan.berikutnya();
    let fungsional = fungsional_jabatan.then(|| SyaratFungsional {
        angka_kredit,
        minimal: baru.and_then(|b| {
            r.angka_kredit
                .iter()
                .find(|(g, _)| *g == b)
                .map(|(_, m)| *m)
        }),
    });
    let pendidikan = f
        .tingkat_pendidikan_id
        .as_deref()
        .and_then(|id| r.pendidikan.iter().find(|p| p.id == id));
    let hasil = kp_reguler(
        &DataKpReguler {
            golongan: f.golongan,
            tmt_golongan: f.tmt_golongan,
            pendidikan,
            penilaian: &penilaian,
            golongan_atasan: None,
            lulus_ujian_dinas: false,
            hukuman_disiplin_aktif: hukuman,
            fungsional,
        },
        periode,
    );
    let data = baru.and_then(|baru| {
        let tujuan = tujuan(&r.tujuan, f.jenis_instansi, baru)?;
        let mkg_lama = f
            .riwayat
            .iter()
            .filter_map(|d| match d {
                DataRiwayat::Golongan(g) if g.golongan == f.golongan => Some(MasaKerja {
                    tahun: g.masa_kerja_tahun,
                    bulan: g.masa_kerja_bulan,
                }),
                _ => None,
            })
            .next()
            .unwrap_or(MasaKerja { tahun: 0, bulan: 0 });
        let mkg_sekarang =
            MasaKerja::from_bulan(mkg_lama.total_bulan() + bulan_penuh(f.tmt_golongan, periode));
        let mkg_baru =
            masa_kerja_golongan_baru(mkg_lama, f.tmt_golongan, periode, f.golongan, baru);
        Some(DataKp {
            jenis_kp_id: if fungsional_jabatan {
                JENIS_KP_FUNGSIONAL
            } else {
                JENIS_KP_REGULER
            }
            .to_string(),
            golongan_lama: f.golongan,
            golongan_baru: baru,
            tmt_kp: periode,
            masa_kerja_golongan: mkg_baru,
            gaji_pokok_lama: gaji_pokok(&r.gaji, f.golongan, mkg_sekarang),
            gaji_pokok_baru: gaji_pokok(&r.gaji, baru, mkg_baru),
            tujuan,
            angka_kredit: if fungsional_jabatan {
                angka_kredit
            } else {
                None
            },
        })
    });
    RancanganKp { hasil, data }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::{DataRiwayat, RiwayatGolongan, Sk};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_promotion_carries_salary_years_and_route() {
        let r = RujukanKp {
            pendidikan: vec![crate::referensi::TingkatPendidikan {
                id: "40".into(),
                nama: "S-1".into(),
                golongan_awal: Some(Golongan::IIIA),
                golongan_maks: Some(Golongan::IIID),
            }],
            gaji: tabel_gaji_2024(),
            angka_kredit: ANGKA_KREDIT_KP_AWAL.to_vec(),
            tujuan: aturan_tujuan_awal(),
        };
        let f = FaktaKp {
            jenis_instansi: JenisInstansi::Daerah,
            golongan: Golongan::IIIA,
            tmt_golongan: d(2022, 4, 1),
            tingkat_pendidikan_id: Some("40".into()),
            jenis_jabatan_id: Some("4".into()),
            riwayat: vec![DataRiwayat::Golongan(RiwayatGolongan {
                golongan: Golongan::IIIA,
                jenis_kp_id: "211".into(),
                tmt_golongan: d(2022, 4, 1),
                sk: Sk {
                    nomor: "1".into(),
                    tanggal: d(2022, 3, 1),
                },
                nomor_pertek: None,
                tanggal_pertek: None,
                masa_kerja_tahun: 0,
                masa_kerja_bulan: 0,
                angka_kredit_utama: None,
                angka_kredit_tambahan: None,
            })],
        };
        let k = rancang(&f, d(2026, 4, 1), &r);
        // No SKP recorded: not eligible, and it says which years.
        assert!(!k.hasil.memenuhi());
        let data = k.data.unwrap();
        assert_eq!(data.golongan_baru, Golongan::IIIB);
        assert_eq!(data.jenis_kp_id, "101");
        assert_eq!(data.masa_kerja_golongan, MasaKerja { tahun: 4, bulan: 0 });
        assert_eq!(data.tujuan, Tujuan::Kanreg);
        let t = tabel_gaji_2024();
        let mk4 = MasaKerja { tahun: 4, bulan: 0 };
        assert_eq!(data.gaji_pokok_lama, gaji_pokok(&t, Golongan::IIIA, mk4));
        assert_eq!(data.gaji_pokok_baru, gaji_pokok(&t, Golongan::IIIB, mk4));
        assert!(data.gaji_pokok_baru > data.gaji_pokok_lama);
    }

    #[test]
    fn salary_table_is_complete_and_anchored() {
        let t = tabel_gaji_2024();
        assert_eq!(t.len(), 272);
        let mk = |tahun| MasaKerja { tahun, bulan: 0 };
        assert_eq!(gaji_pokok(&t, Golongan::IA, mk(0)), Some(1_685_700));
        assert_eq!(gaji_pokok(&t, Golongan::IVE, mk(32)), Some(6_373_200));
        // Between two steps the lower holds; past the last step, the last.
        assert_eq!(
            gaji_pokok(&t, Golongan::IIIA, mk(3)),
            gaji_pokok(&t, Golongan::IIIA, mk(2))
        );
        assert_eq!(gaji_pokok(&t, Golongan::IVE, mk(40)), Some(6_373_200));
        // I/b starts at three years: nothing below.
        assert_eq!(gaji_pokok(&t, Golongan::IB, mk(2)), None);
        for g in crate::golongan::SEMUA_GOLONGAN {
            let mut baris: Vec<_> = t.iter().filter(|b| b.golongan == g).collect();
            baris.sort_by_key(|b| b.mkg);
            assert!(
                baris.windows(2).all(|w| w[0].gaji_pokok < w[1].gaji_pokok),
                "{g:?}"
            );
        }
    }

    #[test]
    fn years_in_rank_carry_over_less_the_group_crossing() {
        let mk = MasaKerja { tahun: 4, bulan: 3 };
        assert_eq!(
            masa_kerja_golongan_baru(
                mk,
                d(2022, 4, 1),
                d(2026, 4, 1),
                Golongan::IIIA,
                Golongan::IIIB
            ),
            MasaKerja { tahun: 8, bulan: 3 }
        );
        assert_eq!(
            masa_kerja_golongan_baru(
                mk,
                d(2022, 4, 1),
                d(2026, 4, 1),
                Golongan::IID,
                Golongan::IIIA
            ),
            MasaKerja { tahun: 3, bulan: 3 }
        );
        assert_eq!(
            masa_kerja_golongan_baru(
                MasaKerja { tahun: 0, bulan: 0 },
                d(2022, 4, 1),
                d(2026, 4, 1),
                Golongan::ID,
                Golongan::IIA
            ),
            MasaKerja { tahun: 0, bulan: 0 }
        );
    }

    #[test]
    fn who_decides_comes_from_the_table() {
        let a = aturan_tujuan_awal();
        assert_eq!(
            tujuan(&a, JenisInstansi::Daerah, Golongan::IIIB),
            Some(Tujuan::Kanreg)
        );
        assert_eq!(
            tujuan(&a, JenisInstansi::Daerah, Golongan::IVA),
            Some(Tujuan::Kanreg)
        );
        assert_eq!(
            tujuan(&a, JenisInstansi::Daerah, Golongan::IVB),
            Some(Tujuan::BknPusat)
        );
        assert_eq!(
            tujuan(&a, JenisInstansi::Pusat, Golongan::IIB),
            Some(Tujuan::BknPusat)
        );
        assert_eq!(tujuan(&[], JenisInstansi::Pusat, Golongan::IIB), None);
        for t in [Tujuan::Kanreg, Tujuan::BknPusat, Tujuan::Presiden] {
            assert_eq!(Tujuan::from_kode(t.kode()), Some(t));
        }
    }
}
