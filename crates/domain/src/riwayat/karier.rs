//! Career histories: positions, rank, appointment, transfers, leave, discipline, credit, salary.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Sk;
use crate::golongan::Golongan;
use crate::tanggal::BulanTahun;

/// A position held (riwayat jabatan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatJabatan {
    /// Jenis jabatan code (1 struktural, 2 fungsional tertentu, 4 pelaksana).
    pub jenis_jabatan_id: String,
    /// Position reference id, when the position is in the reference.
    pub jabatan_id: Option<String>,
    /// Position name as on the decree.
    pub nama_jabatan: String,
    /// Agency where the position is.
    pub instansi_id: String,
    /// Unit, when it is in the unor tree.
    pub unor_id: Option<Uuid>,
    /// Unit name as on the decree.
    pub nama_unor: String,
    /// Eselon code for structural posts.
    pub eselon_id: Option<String>,
    /// Jenis penugasan (D, PLT, PLH, PJ, TT).
    pub jenis_penugasan_id: Option<String>,
    /// Jenis mutasi (MJ, MU).
    pub jenis_mutasi_id: Option<String>,
    /// TMT of the position.
    pub tmt_jabatan: NaiveDate,
    /// Date of inauguration, for structural posts.
    pub tmt_pelantikan: Option<NaiveDate>,
    /// The appointing decree.
    pub sk: Sk,
}

/// A rank held (riwayat golongan/pangkat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiwayatGolongan {
    /// The golongan.
    pub golongan: Golongan,
    /// Jenis KP code (101 reguler, 2xx pilihan, 211 pengadaan).
    pub jenis_kp_id: String,
    /// TMT of the rank (always the 1st of a KP period month).
    pub tmt_golongan: NaiveDate,
    /// The promotion decree.
    pub sk: Sk,
    /// BKN technical approval number (pertek), if any.
    pub nomor_pertek: Option<String>,
    /// BKN technical approval date.
    pub tanggal_pertek: Option<NaiveDate>,
    /// Masa kerja golongan, years.
    pub masa_kerja_tahun: u32,
    /// Masa kerja golongan, months.
    pub masa_kerja_bulan: u32,
    /// Credit points (main), for functional-position promotions.
    pub angka_kredit_utama: Option<f64>,
    /// Credit points (supporting).
    pub angka_kredit_tambahan: Option<f64>,
}

/// Whether an appointment decree makes a CPNS or a PNS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusKepegawaian {
    /// Candidate civil servant.
    Cpns,
    /// Civil servant.
    Pns,
}

/// A CPNS or PNS appointment decree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatCpnsPns {
    /// Which appointment.
    pub status: StatusKepegawaian,
    /// TMT of the appointment.
    pub tmt: NaiveDate,
    /// The decree.
    pub sk: Sk,
    /// Golongan at appointment.
    pub golongan: Option<Golongan>,
    /// SPMT (letter stating the start of duty), CPNS only.
    pub nomor_spmt: Option<String>,
    /// Date of duty start per SPMT.
    pub tanggal_spmt: Option<NaiveDate>,
    /// Pre-service training certificate (STTPL) number, PNS only.
    pub nomor_sttpl: Option<String>,
    /// STTPL date.
    pub tanggal_sttpl: Option<NaiveDate>,
}

/// A review of years of service that adds prior service (PMK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPmk {
    /// Where the prior service was (employer).
    pub instansi_atau_perusahaan: String,
    /// Start of the prior service.
    pub tanggal_mulai: NaiveDate,
    /// End of the prior service.
    pub tanggal_selesai: NaiveDate,
    /// Years credited.
    pub masa_kerja_tahun: u32,
    /// Months credited.
    pub masa_kerja_bulan: u32,
    /// The PMK decree.
    pub sk: Sk,
}

/// A transfer from one agency to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPindahInstansi {
    /// Agency left.
    pub instansi_asal_id: String,
    /// Agency joined.
    pub instansi_tujuan_id: String,
    /// Unit joined, when known.
    pub unor_tujuan_id: Option<Uuid>,
    /// TMT of the transfer.
    pub tmt_pindah: NaiveDate,
    /// The transfer decree.
    pub sk: Sk,
    /// What changed and every letter, when the transfer went through a case here.
    #[serde(default)]
    pub rincian: Option<Box<RincianPindah>>,
}

/// The old and new placement of a transfer made through a case, and its letters (SIASN's
/// `rw-pindahinstansi` pairs and `skUsul`/`skAsal`/`skTujuan`/`skBkn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RincianPindah {
    /// Unit left.
    pub unor_asal_id: Option<Uuid>,
    /// Position left.
    pub jabatan_asal_id: Option<String>,
    /// Its kind.
    pub jenis_jabatan_asal_id: Option<String>,
    /// Position joined.
    pub jabatan_tujuan_id: Option<String>,
    /// Its kind.
    pub jenis_jabatan_tujuan_id: Option<String>,
    /// The receiving agency's usul.
    pub usul: Option<Sk>,
    /// The origin agency's consent.
    pub asal: Option<Sk>,
    /// The receiving agency's SK (the one in `sk` too).
    pub tujuan: Option<Sk>,
    /// The origin agency's release SK.
    pub lepas: Option<Sk>,
    /// BKN's keputusan perpindahan (pertek).
    pub bkn: Option<Sk>,
    /// The service case.
    pub layanan_id: Option<Uuid>,
}

/// An unpaid leave outside state service (CLTN); its months do not count as service. The same
/// history holds a study assignment and a state office (SIASN's `cltn` reference), by `jenis`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatCltn {
    /// The status's `cltn` code where it began: 1 CLTN, 6 tugas belajar, 9 pejabat negara.
    #[serde(default = "jenis_cltn_bawaan")]
    pub jenis_cltn: u8,
    /// First day of leave.
    pub tanggal_mulai: NaiveDate,
    /// Last day of leave as decreed.
    pub tanggal_selesai: NaiveDate,
    /// Day the employee returned to duty, if they did.
    pub tanggal_aktif_kembali: Option<NaiveDate>,
    /// The leave decree.
    pub sk: Sk,
    /// BKN's pertek (`nomorLetterBkn`), when the leave went through a case here.
    #[serde(default)]
    pub nomor_pertek: Option<String>,
    /// Its date (`tanggalLetterBkn`).
    #[serde(default)]
    pub tanggal_pertek: Option<NaiveDate>,
    /// Whether the leave was extended (once at most).
    #[serde(default)]
    pub diperpanjang: bool,
}

fn jenis_cltn_bawaan() -> u8 {
    1
}

impl RiwayatCltn {
    /// The day service resumes: the return date if known, else the day after the decreed end.
    pub fn akhir(&self) -> NaiveDate {
        self.tanggal_aktif_kembali
            .or_else(|| self.tanggal_selesai.succ_opt())
            .unwrap_or(self.tanggal_selesai)
    }
}

/// Leaving the service: the pension or dismissal decree of a completed service case
/// (`rw-pemberhentian`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPemberhentian {
    /// Jenis pemberhentian (SIASN code 1–16).
    pub jenis_pemberhentian: u8,
    /// Jenis pensiun (SIASN code 1–10).
    pub jenis_pensiun: u8,
    /// Kedudukan hukum from the TMT.
    pub kedudukan_hukum_id: String,
    /// TMT.
    pub tmt: NaiveDate,
    /// Whether there is a pension right.
    pub berhak_pensiun: bool,
    /// The agency the employee left.
    pub instansi_asal_id: String,
    /// The pertek's number, where there was one.
    pub nomor_pertek: Option<String>,
    /// The pertek's date.
    pub tanggal_pertek: Option<NaiveDate>,
    /// The decree.
    pub sk: Sk,
}

/// Level of a disciplinary penalty (PP 94/2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TingkatHukuman {
    /// Ringan.
    Ringan,
    /// Sedang.
    Sedang,
    /// Berat.
    Berat,
}

/// A disciplinary penalty.
impl TingkatHukuman {
    /// The level of a penalty type code, as clients send it (PP 94/2021: teguran and pernyataan
    /// tidak puas are light; pemotongan tunjangan is medium; demotion, release from a position
    /// and dismissal are severe). Numeric codes follow the same order: 01–03 light, 04–06
    /// medium, the rest severe.
    pub fn dari_jenis(kode: &str) -> Self {
        let k = kode.trim().to_ascii_uppercase();
        if k.contains("TEGURAN")
            || k.contains("PERNYATAAN")
            || matches!(k.as_str(), "01" | "02" | "03")
        {
            Self::Ringan
        } else if k.contains("POTONG")
            || k.contains("PEMOTONGAN")
            || matches!(k.as_str(), "04" | "05" | "06")
        {
            Self::Sedang
        } else {
            Self::Berat
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatHukumanDisiplin {
    /// Jenis hukuman code.
    pub jenis_hukuman_id: String,
    /// Level.
    pub tingkat: TingkatHukuman,
    /// Reason as stated.
    pub alasan: String,
    /// TMT of the penalty.
    pub tmt_hukuman: NaiveDate,
    /// Duration in months (0 for penalties without duration).
    pub masa_bulan: u32,
    /// The penalty decree.
    pub sk: Sk,
}

impl RiwayatHukumanDisiplin {
    /// Whether the penalty is in force on `tanggal`.
    pub fn aktif_pada(&self, tanggal: NaiveDate) -> bool {
        if tanggal < self.tmt_hukuman {
            return false;
        }
        if self.masa_bulan == 0 {
            return false;
        }
        let end = self
            .tmt_hukuman
            .checked_add_months(chrono::Months::new(self.masa_bulan))
            .unwrap_or(NaiveDate::MAX);
        tanggal < end
    }
}

/// A credit-point assessment (PAK) for a functional position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiwayatAngkaKredit {
    /// Position assessed.
    pub nama_jabatan: String,
    /// First month assessed.
    pub mulai_penilaian: BulanTahun,
    /// Last month assessed.
    pub selesai_penilaian: BulanTahun,
    /// Main credit points.
    pub kredit_utama: f64,
    /// Supporting credit points.
    pub kredit_penunjang: f64,
    /// Total credit points.
    pub kredit_total: f64,
    /// First assessment in this position.
    pub pertama: bool,
    /// The PAK decree.
    pub sk: Sk,
}

/// A salary decision (regular increase or with a promotion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatGaji {
    /// Golongan the salary is for (PNS).
    pub golongan: Option<Golongan>,
    /// Basic monthly salary in rupiah.
    pub gaji_pokok: i64,
    /// Masa kerja golongan, years.
    pub masa_kerja_tahun: u32,
    /// TMT of the salary.
    pub tmt_gaji: NaiveDate,
    /// The decree.
    pub sk: Sk,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn penalty_level_from_type_code() {
        assert_eq!(
            TingkatHukuman::dari_jenis("TEGURAN_TERTULIS"),
            TingkatHukuman::Ringan
        );
        assert_eq!(TingkatHukuman::dari_jenis("03"), TingkatHukuman::Ringan);
        assert_eq!(
            TingkatHukuman::dari_jenis("PEMOTONGAN_TUKIN_25_12"),
            TingkatHukuman::Sedang
        );
        assert_eq!(TingkatHukuman::dari_jenis(" 05 "), TingkatHukuman::Sedang);
        assert_eq!(
            TingkatHukuman::dari_jenis("PEMBERHENTIAN"),
            TingkatHukuman::Berat
        );
        assert_eq!(TingkatHukuman::dari_jenis("07"), TingkatHukuman::Berat);
    }

    #[test]
    fn penalty_in_force_for_its_duration() {
        let h = RiwayatHukumanDisiplin {
            jenis_hukuman_id: "x".into(),
            tingkat: TingkatHukuman::Sedang,
            alasan: "-".into(),
            tmt_hukuman: d(2025, 1, 1),
            masa_bulan: 12,
            sk: Sk {
                nomor: "1".into(),
                tanggal: d(2024, 12, 20),
            },
        };
        assert!(!h.aktif_pada(d(2024, 12, 31)));
        assert!(h.aktif_pada(d(2025, 1, 1)));
        assert!(h.aktif_pada(d(2025, 12, 31)));
        assert!(!h.aktif_pada(d(2026, 1, 1)));
    }
}
