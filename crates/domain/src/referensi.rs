//! Reference data: the code lists SIASN uses, and the typed tables the rules read.
//!
//! The values here are only the *seed* (from DOMAIN.md and the regulations it cites). The store
//! copies them into tables once; administrators may correct them later, and the rules always take
//! the stored rows as input, never these constants.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::golongan::Golongan;
use crate::riwayat::JenisRiwayat;

/// One entry of a simple code list (agama, eselon, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefItem {
    /// SIASN code, kept as text ("01", "101").
    pub id: String,
    /// Display name.
    pub nama: String,
}

/// A level of formal education with the rank it starts at and the ceiling of regular promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TingkatPendidikan {
    /// SIASN id ("40" for S-1).
    pub id: String,
    /// Name ("S-1").
    pub nama: String,
    /// Starting golongan for a CPNS with this education, if known.
    pub golongan_awal: Option<Golongan>,
    /// Highest golongan reachable by regular promotion with this education, if known.
    pub golongan_maks: Option<Golongan>,
}

/// A legal status (kedudukan hukum) and whether its holder is still a civil servant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KedudukanHukum {
    /// SIASN code ("01").
    pub id: String,
    /// Name ("Aktif").
    pub nama: String,
    /// True while the holder is still PNS/PPPK (e.g. on CLTN); false once dismissed or retired.
    pub masih_asn: bool,
}

/// A position in the position reference, with its retirement age (BUP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefJabatan {
    /// Reference id.
    pub id: String,
    /// Position name.
    pub nama: String,
    /// Jenis jabatan code (1 struktural, 2 fungsional tertentu, 4 pelaksana).
    pub jenis_jabatan_id: String,
    /// Retirement age for holders of this position (`usiaBup`).
    pub usia_bup: u8,
}

/// The months in which regular promotions take effect, valid over a date range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodeKp {
    /// First day this calendar applies.
    pub berlaku_mulai: NaiveDate,
    /// Last day this calendar applies (None: until further notice).
    pub berlaku_sampai: Option<NaiveDate>,
    /// Months (1–12) whose 1st day is a KP TMT.
    pub bulan: Vec<u32>,
}

/// Who has the final say over a kind of history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verifikator {
    /// The agency's HR unit verifies and applies.
    Instansi,
    /// The agency verifies first, then BKN (the agency's Kanreg) verifies and applies.
    Bkn,
}

impl Verifikator {
    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Instansi => "INSTANSI",
            Self::Bkn => "BKN",
        }
    }

    /// Parses the storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        match kode {
            "INSTANSI" => Some(Self::Instansi),
            "BKN" => Some(Self::Bkn),
            _ => None,
        }
    }
}

/// One row of the verification-authority table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kewenangan {
    /// The kind of history.
    pub jenis_riwayat: JenisRiwayat,
    /// Who verifies it last.
    pub verifikator: Verifikator,
    /// Document types (ref-dokumen ids) accepted as support for adding or correcting a row:
    /// at least one attached document must be of one of them; empty: none required.
    pub dokumen_wajib: Vec<String>,
}

/// A regional office of BKN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kanreg {
    /// Code ("01" for Kanreg I).
    pub id: String,
    /// Name.
    pub nama: String,
}

/// The simple code lists and their seed values, by the name the reference API uses.
pub const DAFTAR_SEDERHANA: &[(&str, &[(&str, &str)])] = &[
    (
        "agama",
        &[
            ("1", "Islam"),
            ("2", "Kristen"),
            ("3", "Katholik"),
            ("4", "Hindu"),
            ("5", "Budha"),
            ("6", "Konghucu"),
            ("7", "Lainnya"),
        ],
    ),
    (
        "jenis-kawin",
        &[
            ("1", "Menikah"),
            ("2", "Cerai"),
            ("3", "Janda/Duda"),
            ("4", "Belum Kawin"),
        ],
    ),
    (
        "jenis-jabatan",
        &[
            ("1", "Struktural"),
            ("2", "Fungsional Tertentu"),
            ("3", "Rangkap"),
            ("4", "Fungsional Umum"),
        ],
    ),
    (
        "eselon",
        &[
            ("10", "I.a (JPT Utama)"),
            ("11", "I.a (JPT Madya)"),
            ("12", "I.b"),
            ("21", "II.a"),
            ("22", "II.b (JPT Pratama)"),
            ("31", "III.a (Administrator)"),
            ("32", "III.b (Administrator)"),
            ("41", "IV.a (Pengawas)"),
            ("42", "IV.b (Pengawas)"),
            ("51", "V.a"),
            ("52", "V.b"),
            ("99", "Non Eselon"),
        ],
    ),
    (
        "jenis-kp",
        &[
            ("101", "Reguler"),
            ("201", "Pilihan (Jabatan Struktural)"),
            ("202", "Pilihan (Jabatan Fungsional Tertentu)"),
            ("203", "Pilihan (Penyesuaian Ijazah)"),
            ("204", "Pilihan (Sedang Melaksanakan Tugas Belajar)"),
            ("205", "Pilihan (Setelah Selesai Tugas Belajar)"),
            ("206", "Pilihan (Diperbantukan/Diperkerjakan Instansi Lain)"),
            ("207", "Pilihan (Penemuan Baru)"),
            ("208", "Pilihan (Prestasi Luar Biasa)"),
            ("209", "Pilihan (Pejabat Negara)"),
            ("210", "Pilihan (Selama DPK/DPB)"),
            ("211", "Pengadaan (dari rekrutmen)"),
        ],
    ),
    (
        "latihan-struktural",
        &[
            ("1", "SEPADA"),
            ("2", "PIM IV"),
            ("3", "PIM III"),
            ("4", "PIM II"),
            ("5", "PIM I"),
            ("6", "SESPIM"),
            ("7", "SESPATI"),
            ("8", "Lainnya"),
        ],
    ),
    (
        "jenis-anak",
        &[("1", "Kandung"), ("2", "Tiri"), ("3", "Angkat")],
    ),
    (
        "kuadran-kinerja",
        &[
            ("1", "Sangat Baik"),
            ("2", "Baik"),
            ("3", "Butuh Perbaikan"),
            ("4", "Kurang"),
            ("5", "Sangat Kurang"),
        ],
    ),
    (
        "nilai-ekspektasi",
        &[
            ("1", "Di atas ekspektasi"),
            ("2", "Sesuai ekspektasi"),
            ("3", "Di bawah ekspektasi"),
        ],
    ),
    (
        "penghargaan",
        &[
            ("201", "Satyalancana Karya Satya X Tahun"),
            ("202", "Satyalancana Karya Satya XX Tahun"),
            ("203", "Satyalancana Karya Satya XXX Tahun"),
        ],
    ),
    (
        "jenis-penugasan",
        &[
            ("D", "Definitif"),
            ("PLT", "Pelaksana Tugas"),
            ("PLH", "Pelaksana Harian"),
            ("PJ", "Penjabat"),
            ("TT", "Tugas Tambahan"),
        ],
    ),
    (
        "jenis-mutasi",
        &[("MJ", "Mutasi Jabatan"), ("MU", "Mutasi Unor")],
    ),
    (
        "ref-dokumen",
        &[
            ("872", "SK Jabatan"),
            ("873", "Surat Pelantikan"),
            ("874", "Sertifikat Diklat"),
            ("879", "PAK"),
            ("880", "SK PAK"),
            ("881", "Sertifikat Kursus"),
            ("882", "SK Hukuman Disiplin"),
            ("887", "SK PNS"),
            ("888", "SPMT"),
            ("889", "SK CPNS"),
            ("890", "Dokumen Evaluasi Kinerja"),
            ("891", "Realisasi SKP"),
            ("892", "Sertifikat Penghargaan"),
            ("1179", "Dokumen Evaluasi Kinerja (Riwayat Kinerja)"),
            // SIASN's own codes for these are not published; local "L" codes, editable as data.
            ("L01", "Ijazah dan Transkrip Nilai"),
            ("L02", "SK Kenaikan Pangkat"),
            ("L03", "KTP / Kartu Keluarga"),
            ("L04", "Dokumen Pendukung Lain"),
            ("L05", "Pertimbangan Teknis (Pertek) BKN"),
            ("L06", "Data Perorangan Calon Penerima Pensiun (DPCP)"),
            ("L07", "SK Pensiun / Pemberhentian"),
            ("L08", "Surat Keterangan Kematian"),
            (
                "L09",
                "Surat Pernyataan Tidak Pernah Dijatuhi Hukuman / Tidak dalam Proses Pidana",
            ),
            ("L10", "Surat Keterangan Tim Penguji Kesehatan"),
            ("L11", "Surat Permohonan"),
            ("L12", "SK CLTN / Pengaktifan Kembali"),
            ("L13", "Surat Keterangan Bebas Temuan Inspektorat"),
            ("L14", "SK Pemberhentian dari Jabatan Instansi Asal"),
        ],
    ),
    ("jenis-pegawai", &[("PNS", "PNS"), ("PPPK", "PPPK")]),
];

/// Kedudukan hukum seed: the codes DOMAIN.md names (SIASN has 31; the rest are added as data).
pub const KEDUDUKAN_HUKUM: &[(&str, &str, bool)] = &[
    ("01", "Aktif", true),
    ("02", "CLTN", true),
    ("03", "Tugas Belajar", true),
    ("04", "Pemberhentian Sementara", true),
    ("05", "Penerima Uang Tunggu", true),
    ("07", "Pejabat Negara", true),
    ("13", "Perpanjangan CLTN", true),
    ("15", "Kena Hukuman Disiplin", true),
    ("20", "Masa Persiapan Pensiun", true),
    ("51", "CPNS yang belum menerima SK CPNS", true),
    ("69", "TMS dari Pengadaan", false),
    ("70", "Pembatalan NIP", false),
    ("66", "Diberhentikan", false),
    ("77", "Berhenti tanpa hak pensiun", false),
    ("88", "Berhenti dengan hak pensiun", false),
    ("98", "Mencapai BUP", false),
    ("99", "Pensiun", false),
];

/// Tingkat pendidikan seed: (id, name, start, ceiling). Ids are inferred (uncertain); the
/// ceilings follow the education table in DOMAIN.md. Specialist levels have no published
/// ceiling in that table, so they are left empty for an administrator to fill in.
pub const TINGKAT_PENDIDIKAN: &[(&str, &str, Option<Golongan>, Option<Golongan>)] = &[
    ("05", "SD", Some(Golongan::IA), Some(Golongan::IIA)),
    ("10", "SLTP", Some(Golongan::IC), Some(Golongan::IIC)),
    (
        "12",
        "SLTP Kejuruan",
        Some(Golongan::IC),
        Some(Golongan::IID),
    ),
    ("15", "SLTA", Some(Golongan::IIA), Some(Golongan::IIIB)),
    (
        "17",
        "SLTA Kejuruan",
        Some(Golongan::IIA),
        Some(Golongan::IIIB),
    ),
    (
        "18",
        "SLTA Keguruan",
        Some(Golongan::IIA),
        Some(Golongan::IIIB),
    ),
    ("20", "D-I", Some(Golongan::IIA), Some(Golongan::IIIB)),
    ("25", "D-II", Some(Golongan::IIB), Some(Golongan::IIIB)),
    ("30", "D-III", Some(Golongan::IIC), Some(Golongan::IIIC)),
    ("35", "D-IV", Some(Golongan::IIIA), Some(Golongan::IIID)),
    ("40", "S-1", Some(Golongan::IIIA), Some(Golongan::IIID)),
    ("42", "Profesi", Some(Golongan::IIIB), Some(Golongan::IVA)),
    ("45", "S-2", Some(Golongan::IIIB), Some(Golongan::IVA)),
    ("47", "Spesialis", None, None),
    ("49", "Subspesialis", None, None),
    ("50", "S-3", Some(Golongan::IIIC), Some(Golongan::IVB)),
];

/// KP period calendar seed (DOMAIN.md "Periods").
pub fn periode_kp_awal() -> Vec<PeriodeKp> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    vec![
        PeriodeKp {
            berlaku_mulai: date(1900, 1, 1),
            berlaku_sampai: Some(date(2023, 12, 31)),
            bulan: vec![4, 10],
        },
        PeriodeKp {
            berlaku_mulai: date(2024, 1, 1),
            berlaku_sampai: Some(date(2025, 9, 30)),
            bulan: vec![2, 4, 6, 8, 10, 12],
        },
        PeriodeKp {
            berlaku_mulai: date(2025, 10, 1),
            berlaku_sampai: None,
            bulan: (1..=12).collect(),
        },
    ]
}

/// Identity document type (KTP / KK), required for corrections of identifying personal data.
pub const DOKUMEN_IDENTITAS: &str = "L03";

/// Verification-authority seed (DOMAIN.md "What is recorded", column "verified by").
pub fn kewenangan_awal() -> Vec<Kewenangan> {
    use JenisRiwayat as J;
    JenisRiwayat::SEMUA
        .iter()
        .map(|&jenis| Kewenangan {
            jenis_riwayat: jenis,
            verifikator: match jenis {
                J::Pendidikan
                | J::Golongan
                | J::Pmk
                | J::PindahInstansi
                | J::Cltn
                | J::CpnsPns
                | J::Pemberhentian => Verifikator::Bkn,
                _ => Verifikator::Instansi,
            },
            dokumen_wajib: match jenis {
                J::Jabatan => vec!["872"],
                J::Pendidikan => vec!["L01"],
                J::Diklat => vec!["874"],
                J::Kursus => vec!["881", "874"],
                J::Skp | J::Skp22 => vec!["891", "890", "1179"],
                J::Penghargaan => vec!["892"],
                J::Golongan => vec!["L02"],
                J::Pasangan | J::Anak | J::OrangTua => vec![DOKUMEN_IDENTITAS],
                J::CpnsPns => vec!["889", "887"],
                J::HukumanDisiplin => vec!["882"],
                J::AngkaKredit => vec!["880", "879"],
                J::Pmk | J::PindahInstansi | J::Cltn | J::Gaji => vec!["L04"],
                J::Pemberhentian => vec!["L07"],
                J::Organisasi => vec![],
            }
            .into_iter()
            .map(str::to_string)
            .collect(),
        })
        .collect()
}

/// Position reference seed: a few common positions with their BUP (PP 11/2017 as amended, and
/// the functional-position reference's `usiaBup`).
pub const JABATAN: &[(&str, &str, &str, u8)] = &[
    ("JPT-MADYA", "Jabatan Pimpinan Tinggi Madya", "1", 60),
    ("JPT-PRATAMA", "Jabatan Pimpinan Tinggi Pratama", "1", 60),
    ("ADMINISTRATOR", "Jabatan Administrator", "1", 58),
    ("PENGAWAS", "Jabatan Pengawas", "1", 58),
    ("PELAKSANA", "Pelaksana", "4", 58),
    ("ANKEP-AP", "Analis Kepegawaian Ahli Pertama", "2", 58),
    ("ANKEP-AM", "Analis Kepegawaian Ahli Muda", "2", 58),
    ("ANKEP-AMD", "Analis Kepegawaian Ahli Madya", "2", 60),
    ("ANKEP-AU", "Analis Kepegawaian Ahli Utama", "2", 65),
    ("PRAKOM-T", "Pranata Komputer Terampil", "2", 58),
    ("PRAKOM-AP", "Pranata Komputer Ahli Pertama", "2", 58),
    ("PERENCANA-AM", "Perencana Ahli Muda", "2", 58),
    ("PERENCANA-AMD", "Perencana Ahli Madya", "2", 60),
    ("GURU-AP", "Guru Ahli Pertama", "2", 60),
    ("GURU-AM", "Guru Ahli Muda", "2", 60),
    ("GURU-AMD", "Guru Ahli Madya", "2", 60),
    ("DOKTER-AP", "Dokter Ahli Pertama", "2", 58),
    ("DOKTER-AMD", "Dokter Ahli Madya", "2", 60),
    ("PERAWAT-T", "Perawat Terampil", "2", 58),
    ("DOSEN-LK", "Dosen Lektor Kepala", "2", 65),
    ("PROFESOR", "Profesor", "2", 70),
];

/// The BKN regional offices.
pub const KANREG: &[(&str, &str)] = &[
    ("01", "Kantor Regional I BKN Yogyakarta"),
    ("02", "Kantor Regional II BKN Surabaya"),
    ("03", "Kantor Regional III BKN Bandung"),
    ("04", "Kantor Regional IV BKN Makassar"),
    ("05", "Kantor Regional V BKN Jakarta"),
    ("06", "Kantor Regional VI BKN Medan"),
    ("07", "Kantor Regional VII BKN Palembang"),
    ("08", "Kantor Regional VIII BKN Banjarmasin"),
    ("09", "Kantor Regional IX BKN Jayapura"),
    ("10", "Kantor Regional X BKN Denpasar"),
    ("11", "Kantor Regional XI BKN Manado"),
    ("12", "Kantor Regional XII BKN Pekanbaru"),
    ("13", "Kantor Regional XIII BKN Banda Aceh"),
    ("14", "Kantor Regional XIV BKN Manokwari"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_lists_have_unique_codes() {
        for (nama, items) in DAFTAR_SEDERHANA {
            let mut ids: Vec<_> = items.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), items.len(), "{nama}");
        }
    }

    #[test]
    fn authority_split_follows_domain_table() {
        let table = kewenangan_awal();
        let of = |j| {
            table
                .iter()
                .find(|k| k.jenis_riwayat == j)
                .map(|k| k.verifikator)
        };
        assert_eq!(of(JenisRiwayat::Jabatan), Some(Verifikator::Instansi));
        assert_eq!(of(JenisRiwayat::Diklat), Some(Verifikator::Instansi));
        assert_eq!(of(JenisRiwayat::Pendidikan), Some(Verifikator::Bkn));
        assert_eq!(of(JenisRiwayat::Golongan), Some(Verifikator::Bkn));
        assert_eq!(table.len(), JenisRiwayat::SEMUA.len());
    }

    #[test]
    fn kp_calendars_do_not_overlap() {
        let p = periode_kp_awal();
        for pair in p.windows(2) {
            let end = pair[0].berlaku_sampai.unwrap();
            assert_eq!(end.succ_opt(), Some(pair[1].berlaku_mulai));
        }
    }
}
