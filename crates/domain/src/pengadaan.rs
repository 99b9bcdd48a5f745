//! Pengadaan (appointment of new CPNS and PPPK, SERVICES.md §4, DOMAIN.md "NIP"): the
//! selection results an agency imports, checked row by row, and the rule BKN assigns a NIP or an
//! NI PPPK by. A NIP is the birth date, the TMT CPNS year and month, the sex digit and a
//! sequence that is 001 unless the first 15 digits are already taken; the store makes the
//! "never twice" hold with a unique constraint and a retry ([`nip_calon`] gives the candidates
//! in order).

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::nip::JenisKelamin;

/// The most participant rows one import takes (a formasi's results, not a national file).
pub const BARIS_MAKS: usize = 20_000;

/// The youngest age at TMT CPNS (PP 11/2017 Ps 23: at least 18 when applying).
pub const USIA_MINIMAL: u32 = 18;

/// The oldest age at TMT CPNS accepted without a second look (35 for most formasi; some
/// positions allow 40 — the check flags, the agency decides). Above this the row is refused
/// as an impossible birth date only past [`USIA_MUSTAHIL`].
pub const USIA_MUSTAHIL: u32 = 60;

/// The sequence digits' range.
pub const URUT_MAKS: u16 = 999;

/// Jenis pengadaan (SERVICES.md §4, BC): code and name.
pub const JENIS_PENGADAAN: &[(&str, &str)] = &[
    ("1", "Umum"),
    ("2", "Honorer"),
    ("3", "Sekdes"),
    ("4", "Alih status"),
    ("5", "Dokter"),
    ("6", "Tenaga ahli"),
    ("7", "SM-3T"),
    ("8", "Disabilitas"),
    ("9", "Putra putri terbaik"),
    ("A", "D1 STAN"),
    ("B", "Diaspora"),
    ("C", "PPPK"),
    ("D", "Guru Garis Depan"),
    ("G", "Guru"),
    ("I", "Ikatan dinas"),
    ("K", "PTT Kemenkes"),
    ("L", "THL-TB"),
    ("O", "Olahragawan"),
    ("P", "Papua"),
    ("S", "STTD"),
];

/// Whether the participant becomes a PPPK (jenis pengadaan C) rather than a CPNS.
pub fn pppk(jenis_pengadaan: &str) -> bool {
    jenis_pengadaan == "C"
}

/// One participant of a formasi's selection results, as imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peserta {
    /// Registration number (nomor peserta SSCASN).
    pub no_peserta: String,
    /// Name.
    pub nama: String,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// Birth place.
    pub tempat_lahir: String,
    /// Sex.
    pub jenis_kelamin: JenisKelamin,
    /// Education level (ref tingkat pendidikan id).
    pub tingkat_pendidikan_id: String,
    /// Position applied for (ref jabatan id).
    pub jabatan_id: String,
    /// Unit.
    pub unor_id: uuid::Uuid,
    /// Jenis pengadaan code.
    pub jenis_pengadaan: String,
    /// E-mail address of the selection file (the account's activation goes there).
    #[serde(default)]
    pub email: Option<String>,
}

/// A row as read from the file: every field as text, by SIASN's column names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct BarisPeserta {
    /// `no_peserta`.
    #[serde(default)]
    pub no_peserta: String,
    /// `nama`.
    #[serde(default)]
    pub nama: String,
    /// `tgl_lahir` (dd-mm-yyyy as SIASN writes dates, or yyyy-mm-dd).
    #[serde(default)]
    pub tgl_lahir: String,
    /// `tempat_lahir`.
    #[serde(default)]
    pub tempat_lahir: String,
    /// `jenis_kelamin`: L/P, or 1/2 as in the NIP.
    #[serde(default)]
    pub jenis_kelamin: String,
    /// `tingkat_pendidikan_id`.
    #[serde(default)]
    pub tingkat_pendidikan_id: String,
    /// `jabatan_id`.
    #[serde(default)]
    pub jabatan_id: String,
    /// `unor_id`.
    #[serde(default)]
    pub unor_id: String,
    /// `jenis_formasi_id` (jenis pengadaan).
    #[serde(default)]
    pub jenis_formasi_id: String,
    /// `email` (optional column).
    #[serde(default)]
    pub email: String,
}

/// The columns a participant file must have.
pub const KOLOM_PESERTA: [&str; 9] = [
    "no_peserta",
    "nama",
    "tgl_lahir",
    "tempat_lahir",
    "jenis_kelamin",
    "tingkat_pendidikan_id",
    "jabatan_id",
    "unor_id",
    "jenis_formasi_id",
];

/// Columns a participant file may have besides [`KOLOM_PESERTA`].
pub const KOLOM_OPSIONAL: [&str; 1] = ["email"];

/// Why a row is refused (the field it is about is [`MasalahPeserta::kolom`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MasalahPeserta {
    /// A required field is empty.
    #[error("pengadaan.kosong")]
    Kosong(&'static str),
    /// The registration number appears on an earlier row of the file, or was imported before.
    #[error("pengadaan.no_peserta_ganda")]
    NoPesertaGanda,
    /// Not a date, or not a possible one.
    #[error("pengadaan.tanggal_lahir")]
    TanggalLahirTidakSah,
    /// Younger than 18, or implausibly old, at the TMT.
    #[error("pengadaan.usia")]
    Usia {
        /// Age at TMT in years.
        usia: u32,
    },
    /// Not L/P (or 1/2).
    #[error("pengadaan.jenis_kelamin")]
    JenisKelamin,
    /// Not a position of the reference.
    #[error("pengadaan.jabatan")]
    JabatanTidakDikenal,
    /// Not a unit of the importing agency.
    #[error("pengadaan.unor")]
    UnorTidakDikenal,
    /// Not an education level of the reference.
    #[error("pengadaan.pendidikan")]
    PendidikanTidakDikenal,
    /// Not a jenis pengadaan code.
    #[error("pengadaan.jenis")]
    JenisPengadaanTidakDikenal,
    /// Longer than a field may be.
    #[error("pengadaan.terlalu_panjang")]
    TerlaluPanjang(&'static str),
    /// Not an e-mail address.
    #[error("pengadaan.email")]
    Email,
}

impl MasalahPeserta {
    /// The column the problem is in.
    pub fn kolom(&self) -> &'static str {
        match self {
            Self::Kosong(k) | Self::TerlaluPanjang(k) => k,
            Self::NoPesertaGanda => "no_peserta",
            Self::TanggalLahirTidakSah | Self::Usia { .. } => "tgl_lahir",
            Self::JenisKelamin => "jenis_kelamin",
            Self::JabatanTidakDikenal => "jabatan_id",
            Self::UnorTidakDikenal => "unor_id",
            Self::PendidikanTidakDikenal => "tingkat_pendidikan_id",
            Self::JenisPengadaanTidakDikenal => "jenis_formasi_id",
            Self::Email => "email",
        }
    }
}

/// What a row is checked against: the references and the importing agency's units.
#[derive(Debug, Clone, Default)]
pub struct AcuanPeserta {
    /// Ref jabatan ids.
    pub jabatan: HashSet<String>,
    /// The agency's units.
    pub unor: HashSet<uuid::Uuid>,
    /// Ref tingkat pendidikan ids.
    pub pendidikan: HashSet<String>,
    /// Registration numbers already imported for this year.
    pub sudah_ada: HashSet<String>,
    /// The TMT the appointments will have (ages are taken at it).
    pub tmt: NaiveDate,
}

/// A date as SIASN writes it (dd-mm-yyyy) or in ISO form.
pub fn baca_tanggal(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%d-%m-%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .ok()
}

fn usia_pada(lahir: NaiveDate, pada: NaiveDate) -> Option<u32> {
    let mut tahun = pada.year() - lahir.year();
    if (pada.month(), pada.day()) < (lahir.month(), lahir.day()) {
        tahun -= 1;
    }
    u32::try_from(tahun).ok()
}

/// Checks one row; `terlihat` holds the registration numbers of the file's earlier rows (the
/// row's is added when it is new). Every problem of the row is returned, not only the first.
pub fn periksa_baris(
    b: &BarisPeserta,
    acuan: &AcuanPeserta,
    terlihat: &mut HashSet<String>,
) -> Result<Peserta, Vec<MasalahPeserta>> {
    let mut masalah = Vec::new();
    let wajib = |v: &str, k: &'static str, m: &mut Vec<MasalahPeserta>| {
        if v.trim().is_empty() {
            m.push(MasalahPeserta::Kosong(k));
        }
    };
    wajib(&b.no_peserta, "no_peserta", &mut masalah);
    wajib(&b.nama, "nama", &mut masalah);
    wajib(&b.tempat_lahir, "tempat_lahir", &mut masalah);
    for (v, k, maks) in [
        (&b.no_peserta, "no_peserta", 40),
        (&b.nama, "nama", 150),
        (&b.tempat_lahir, "tempat_lahir", 100),
    ] {
        if v.chars().count() > maks {
            masalah.push(MasalahPeserta::TerlaluPanjang(k));
        }
    }
    let no = b.no_peserta.trim().to_string();
    if !no.is_empty() && (acuan.sudah_ada.contains(&no) || !terlihat.insert(no.clone())) {
        masalah.push(MasalahPeserta::NoPesertaGanda);
    }
    let lahir = baca_tanggal(&b.tgl_lahir);
    match lahir.map(|l| (l, usia_pada(l, acuan.tmt))) {
        None | Some((_, None)) => masalah.push(MasalahPeserta::TanggalLahirTidakSah),
        Some((_, Some(usia))) if !(USIA_MINIMAL..=USIA_MUSTAHIL).contains(&usia) => {
            masalah.push(MasalahPeserta::Usia { usia });
        }
        Some(_) => {}
    }
    let jenis_kelamin = match b.jenis_kelamin.trim() {
        "L" | "l" | "1" => Some(JenisKelamin::LakiLaki),
        "P" | "p" | "2" => Some(JenisKelamin::Perempuan),
        _ => {
            masalah.push(MasalahPeserta::JenisKelamin);
            None
        }
    };
    if !acuan.jabatan.contains(b.jabatan_id.trim()) {
        masalah.push(MasalahPeserta::JabatanTidakDikenal);
    }
    let unor = uuid::Uuid::parse_str(b.unor_id.trim())
        .ok()
        .filter(|u| acuan.unor.contains(u));
    if unor.is_none() {
        masalah.push(MasalahPeserta::UnorTidakDikenal);
    }
    if !acuan.pendidikan.contains(b.tingkat_pendidikan_id.trim()) {
        masalah.push(MasalahPeserta::PendidikanTidakDikenal);
    }
    let jenis = b.jenis_formasi_id.trim();
    if !JENIS_PENGADAAN.iter().any(|(k, _)| *k == jenis) {
        masalah.push(MasalahPeserta::JenisPengadaanTidakDikenal);
    }
    let email = b.email.trim();
    if !email.is_empty() && !email_wajar(email) {
        masalah.push(MasalahPeserta::Email);
    }
    match (lahir, jenis_kelamin, unor) {
        (Some(tanggal_lahir), Some(jenis_kelamin), Some(unor_id)) if masalah.is_empty() => {
            Ok(Peserta {
                no_peserta: no,
                nama: b.nama.trim().to_string(),
                tanggal_lahir,
                tempat_lahir: b.tempat_lahir.trim().to_string(),
                jenis_kelamin,
                tingkat_pendidikan_id: b.tingkat_pendidikan_id.trim().to_string(),
                jabatan_id: b.jabatan_id.trim().to_string(),
                unor_id,
                jenis_pengadaan: jenis.to_string(),
                email: (!email.is_empty()).then(|| email.to_string()),
            })
        }
        _ => Err(masalah),
    }
}

/// One `@` between a non-empty local part and a dotted domain, no spaces, at most 254 bytes:
/// enough to catch a column shifted by one, not a full RFC 5322 check.
fn email_wajar(s: &str) -> bool {
    s.len() <= 254
        && !s.contains(char::is_whitespace)
        && s.split_once('@').is_some_and(|(lokal, domain)| {
            !lokal.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
}

fn digit_kelamin(j: JenisKelamin) -> char {
    match j {
        JenisKelamin::LakiLaki => '1',
        JenisKelamin::Perempuan => '2',
    }
}

/// The first 15 digits of a CPNS's NIP: birth date, TMT CPNS year and month, sex.
pub fn awalan_nip(lahir: NaiveDate, tmt_cpns: NaiveDate, j: JenisKelamin) -> String {
    format!(
        "{}{}{}",
        lahir.format("%Y%m%d"),
        tmt_cpns.format("%Y%m"),
        digit_kelamin(j)
    )
}

/// The first 15 digits of an NI PPPK: birth date, year first appointed, contract count (two
/// digits), sex (widths 8+4+2+1+3, DOMAIN.md, uncertain).
pub fn awalan_ni_pppk(lahir: NaiveDate, tahun: i32, kontrak_ke: u8, j: JenisKelamin) -> String {
    format!(
        "{}{:04}{:02}{}",
        lahir.format("%Y%m%d"),
        tahun,
        kontrak_ke.min(99),
        digit_kelamin(j)
    )
}

/// The numbers to try for an awalan, in order: 001 first, then the next free sequence after
/// the highest `terpakai` one (the store retries with the next when another server took it).
pub fn nip_calon(awalan: &str, terpakai_tertinggi: Option<u16>) -> impl Iterator<Item = String> {
    let mulai = terpakai_tertinggi.map_or(1, |n| n.saturating_add(1));
    let awalan = awalan.to_string();
    (mulai..=URUT_MAKS).map(move |n| format!("{awalan}{n:03}"))
}

/// The sequence digits of a number (its last three).
pub fn urut_dari(nomor: &str) -> Option<u16> {
    nomor.get(15..18)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nip::Nip;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn acuan() -> AcuanPeserta {
        AcuanPeserta {
            jabatan: ["J1".to_string()].into(),
            unor: [uuid::Uuid::nil()].into(),
            pendidikan: ["40".to_string()].into(),
            sudah_ada: ["LAMA".to_string()].into(),
            tmt: d(2027, 1, 1),
        }
    }

    fn baris(no: &str, lahir: &str) -> BarisPeserta {
        BarisPeserta {
            no_peserta: no.into(),
            nama: "Siti Rahma".into(),
            tgl_lahir: lahir.into(),
            tempat_lahir: "Bandung".into(),
            jenis_kelamin: "P".into(),
            tingkat_pendidikan_id: "40".into(),
            jabatan_id: "J1".into(),
            unor_id: uuid::Uuid::nil().to_string(),
            jenis_formasi_id: "1".into(),
            email: String::new(),
        }
    }

    #[test]
    fn the_nip_is_birth_tmt_sex_and_sequence() {
        // DOMAIN.md's example: born 1968-03-03, CPNS from 1989-11, female, 001.
        let awalan = awalan_nip(d(1968, 3, 3), d(1989, 11, 1), JenisKelamin::Perempuan);
        let pertama = nip_calon(&awalan, None).next().unwrap();
        assert_eq!(pertama, "196803031989112001");
        assert!(Nip::parse(&pertama, d(2026, 1, 1)).is_ok());
        // Taken up to 002: the next is 003; the last possible is 999.
        assert_eq!(
            nip_calon(&awalan, Some(2)).next().unwrap(),
            "196803031989112003"
        );
        assert_eq!(nip_calon(&awalan, Some(998)).count(), 1);
        assert_eq!(nip_calon(&awalan, Some(999)).count(), 0);
        assert_eq!(urut_dari("196803031989112017"), Some(17));
    }

    #[test]
    fn the_ni_pppk_has_its_own_widths() {
        let a = awalan_ni_pppk(d(1990, 7, 9), 2024, 1, JenisKelamin::LakiLaki);
        assert_eq!(a, "199007092024011");
        assert_eq!(a.len(), 15);
    }

    #[test]
    fn a_good_row_reads_in_both_date_forms() {
        let mut t = HashSet::new();
        let p = periksa_baris(&baris("A1", "09-07-1998"), &acuan(), &mut t).unwrap();
        assert_eq!(p.tanggal_lahir, d(1998, 7, 9));
        assert_eq!(p.jenis_kelamin, JenisKelamin::Perempuan);
        let p = periksa_baris(&baris("A2", "1998-07-09"), &acuan(), &mut t).unwrap();
        assert_eq!(p.no_peserta, "A2");
    }

    #[test]
    fn bad_rows_name_every_problem() {
        let mut t = HashSet::new();
        periksa_baris(&baris("A1", "09-07-1998"), &acuan(), &mut t).unwrap();
        // The same number again in the file, and one imported before.
        assert_eq!(
            periksa_baris(&baris("A1", "09-07-1998"), &acuan(), &mut t),
            Err(vec![MasalahPeserta::NoPesertaGanda])
        );
        assert_eq!(
            periksa_baris(&baris("LAMA", "09-07-1998"), &acuan(), &mut t),
            Err(vec![MasalahPeserta::NoPesertaGanda])
        );
        // Impossible dates: 30 February, a date in the future, a 12-year-old.
        for lahir in ["30-02-1998", "01-01-2030", "x"] {
            let e = periksa_baris(&baris("B", lahir), &acuan(), &mut HashSet::new()).unwrap_err();
            assert!(
                e == vec![MasalahPeserta::TanggalLahirTidakSah]
                    || matches!(e.as_slice(), [MasalahPeserta::Usia { .. }]),
                "{lahir}: {e:?}"
            );
        }
        assert_eq!(
            periksa_baris(&baris("C", "01-06-2014"), &acuan(), &mut HashSet::new()),
            Err(vec![MasalahPeserta::Usia { usia: 12 }])
        );
        let mut b = baris("D", "09-07-1998");
        b.jabatan_id = "TIDAK-ADA".into();
        b.unor_id = "bukan-uuid".into();
        b.jenis_kelamin = "X".into();
        b.jenis_formasi_id = "Z".into();
        b.nama = " ".into();
        let e = periksa_baris(&b, &acuan(), &mut HashSet::new()).unwrap_err();
        let kolom: Vec<&str> = e.iter().map(MasalahPeserta::kolom).collect();
        assert_eq!(
            kolom,
            [
                "nama",
                "jenis_kelamin",
                "jabatan_id",
                "unor_id",
                "jenis_formasi_id"
            ]
        );
    }

    #[test]
    fn an_email_column_is_checked_when_filled() {
        let mut b = baris("E1", "09-07-1998");
        b.email = "siti@contoh.go.id".into();
        let p = periksa_baris(&b, &acuan(), &mut HashSet::new()).unwrap();
        assert_eq!(p.email.as_deref(), Some("siti@contoh.go.id"));
        for salah in ["Bandung", "a@b", "a b@c.id", "@c.id", "a@.id"] {
            b.email = salah.into();
            assert_eq!(
                periksa_baris(&b, &acuan(), &mut HashSet::new()),
                Err(vec![MasalahPeserta::Email]),
                "{salah}"
            );
        }
    }

    #[test]
    fn only_jenis_c_is_pppk() {
        assert!(pppk("C"));
        assert!(!pppk("1"));
        assert!(JENIS_PENGADAAN.iter().any(|(k, _)| *k == "S"));
    }
}
