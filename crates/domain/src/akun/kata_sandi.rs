//! Password policy for SIASN and MySAPK accounts.
//!
//! MySAPK documents the rule "at least 6 characters, at least one capital letter, at least one
//! digit". We keep that rule, default to 8 characters (never fewer than the documented 6), and
//! also refuse passwords that contain the holder's NIP, NIK, birth date or name, or that are on
//! a list of common passwords, because those are the first guesses an attacker tries.
//!
//! Lengths are counted in Unicode characters, not bytes. Passwords are never truncated: the
//! upper bound [`PANJANG_MAKSIMUM`] only refuses absurdly long input, so that hashing stays cheap.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::NaiveDate;

/// The minimum length MySAPK documents; no policy may go below it.
pub const PANJANG_MINIMUM_TERDOKUMENTASI: usize = 6;

/// The minimum length of the default policy.
pub const PANJANG_MINIMUM_BAWAAN: usize = 8;

/// The longest accepted password, in characters (bounds the cost of hashing it).
pub const PANJANG_MAKSIMUM: usize = 1024;

/// The common-password list: the imported list first, then our Indonesian additions.
const DAFTAR_UMUM: &str = include_str!("../../data/kata_sandi_umum.txt");

/// Which passwords are acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KebijakanSandi {
    /// Fewest characters a password may have (never below [`PANJANG_MINIMUM_TERDOKUMENTASI`]).
    pub panjang_minimum: usize,
}

impl KebijakanSandi {
    /// A policy with the given minimum length, raised to the documented 6 if lower.
    pub fn new(panjang_minimum: usize) -> Self {
        // Capping at the maximum too keeps the policy satisfiable.
        Self {
            panjang_minimum: panjang_minimum
                .clamp(PANJANG_MINIMUM_TERDOKUMENTASI, PANJANG_MAKSIMUM),
        }
    }

    /// The minimum actually enforced; the field is public, so it may have been set too low.
    fn minimum_efektif(&self) -> usize {
        self.panjang_minimum
            .clamp(PANJANG_MINIMUM_TERDOKUMENTASI, PANJANG_MAKSIMUM)
    }
}

impl Default for KebijakanSandi {
    fn default() -> Self {
        Self::new(PANJANG_MINIMUM_BAWAAN)
    }
}

/// Personal data of the account holder that a password must not contain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DataPribadi<'a> {
    /// The 18-digit NIP, with or without group spaces.
    pub nip: Option<&'a str>,
    /// The 16-digit NIK, with or without spaces.
    pub nik: Option<&'a str>,
    /// Birth date.
    pub tanggal_lahir: Option<NaiveDate>,
    /// Full name as recorded (titles may be included).
    pub nama: Option<&'a str>,
}

/// Why a password is refused. `Display` is a stable code; people read the reason through
/// `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlasanDitolak {
    /// Fewer characters than the policy's minimum.
    #[error("sandi.terlalu_pendek")]
    TerlaluPendek { minimum: usize },
    /// More characters than [`PANJANG_MAKSIMUM`].
    #[error("sandi.terlalu_panjang")]
    TerlaluPanjang { maksimum: usize },
    /// No capital letter.
    #[error("sandi.tanpa_huruf_besar")]
    TanpaHurufBesar,
    /// No digit 0–9.
    #[error("sandi.tanpa_angka")]
    TanpaAngka,
    /// Contains the NIP or the birth date at its start.
    #[error("sandi.memuat_nip")]
    MemuatNip,
    /// Contains the NIK.
    #[error("sandi.memuat_nik")]
    MemuatNik,
    /// Contains the birth date in a usual written form.
    #[error("sandi.memuat_tanggal_lahir")]
    MemuatTanggalLahir,
    /// Contains a word of the holder's name.
    #[error("sandi.memuat_nama")]
    MemuatNama,
    /// On the common-password list (possibly with digits or symbols appended).
    #[error("sandi.terlalu_umum")]
    TerlaluUmum,
}

/// Checks a password; on refusal gives every reason, in the order of [`AlasanDitolak`].
pub fn periksa(
    sandi: &str,
    kebijakan: &KebijakanSandi,
    data: &DataPribadi<'_>,
) -> Result<(), Vec<AlasanDitolak>> {
    let mut alasan = Vec::new();
    let panjang = sandi.chars().count();
    let minimum = kebijakan.minimum_efektif();
    if panjang < minimum {
        alasan.push(AlasanDitolak::TerlaluPendek { minimum });
    }
    if panjang > PANJANG_MAKSIMUM {
        alasan.push(AlasanDitolak::TerlaluPanjang {
            maksimum: PANJANG_MAKSIMUM,
        });
    }
    if !sandi.chars().any(char::is_uppercase) {
        alasan.push(AlasanDitolak::TanpaHurufBesar);
    }
    if !sandi.chars().any(|c| c.is_ascii_digit()) {
        alasan.push(AlasanDitolak::TanpaAngka);
    }

    // Separators are dropped so that "1968-0303..." or "3273 0143..." are still caught.
    let angka_sandi = hanya_angka(sandi);
    if let Some(nip) = data.nip {
        let nip = hanya_angka(nip);
        let tanggal_di_nip = if nip.len() == 18 { &nip[..8] } else { "" };
        if memuat_nomor(&angka_sandi, &nip) || memuat_nomor(&angka_sandi, tanggal_di_nip) {
            alasan.push(AlasanDitolak::MemuatNip);
        }
    }
    if let Some(nik) = data.nik
        && memuat_nomor(&angka_sandi, &hanya_angka(nik))
    {
        alasan.push(AlasanDitolak::MemuatNik);
    }
    if let Some(lahir) = data.tanggal_lahir
        && memuat_tanggal(sandi, &angka_sandi, lahir)
    {
        alasan.push(AlasanDitolak::MemuatTanggalLahir);
    }
    if let Some(nama) = data.nama
        && memuat_nama(&sandi.to_lowercase(), nama)
    {
        alasan.push(AlasanDitolak::MemuatNama);
    }
    if terlalu_umum(sandi) {
        alasan.push(AlasanDitolak::TerlaluUmum);
    }

    if alasan.is_empty() {
        Ok(())
    } else {
        Err(alasan)
    }
}

/// Whether the password, ignoring case and any digits or symbols at its end, is a common one.
pub fn terlalu_umum(sandi: &str) -> bool {
    let daftar = daftar_umum();
    let kecil = sandi.to_lowercase();
    // "Password1!" is as guessable as "password": crackers append digits and symbols first.
    let tanpa_tanda = kecil.trim_end_matches(|c: char| c.is_ascii_punctuation());
    let tanpa_akhiran =
        kecil.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    [kecil.as_str(), tanpa_tanda, tanpa_akhiran]
        .iter()
        .any(|calon| daftar.contains(calon))
}

/// The embedded common-password list, parsed once.
fn daftar_umum() -> &'static HashSet<&'static str> {
    static DAFTAR: OnceLock<HashSet<&'static str>> = OnceLock::new();
    DAFTAR.get_or_init(|| {
        DAFTAR_UMUM
            .lines()
            .map(str::trim)
            .filter(|baris| !baris.is_empty())
            .collect()
    })
}

/// The ASCII digits of `teks`, in order.
fn hanya_angka(teks: &str) -> String {
    teks.chars().filter(char::is_ascii_digit).collect()
}

/// Whether the password's digits contain `nomor`.
fn memuat_nomor(angka_sandi: &str, nomor: &str) -> bool {
    // An empty or very short number would match nearly everything.
    nomor.len() >= PANJANG_MINIMUM_TERDOKUMENTASI && angka_sandi.contains(nomor)
}

/// Whether the password contains the birth date in one of the usual Indonesian or ISO forms.
fn memuat_tanggal(sandi: &str, angka_sandi: &str, lahir: NaiveDate) -> bool {
    const BENTUK_TERTULIS: [&str; 7] = [
        "%d%m%Y", "%Y%m%d", "%d%m%y", "%y%m%d", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y",
    ];
    const BENTUK_ANGKA: [&str; 4] = ["%d%m%Y", "%Y%m%d", "%d%m%y", "%y%m%d"];
    BENTUK_TERTULIS
        .iter()
        .any(|bentuk| sandi.contains(&lahir.format(bentuk).to_string()))
        || BENTUK_ANGKA
            .iter()
            .any(|bentuk| angka_sandi.contains(&lahir.format(bentuk).to_string()))
}

/// Whether the lower-cased password contains a word of at least four letters of the name.
fn memuat_nama(sandi_kecil: &str, nama: &str) -> bool {
    // Short words ("Dr", "S.Kom", "Nur") would refuse too many unrelated passwords.
    nama.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|kata| kata.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .any(|kata| sandi_kecil.contains(&kata.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn siti() -> DataPribadi<'static> {
        DataPribadi {
            nip: Some("19680303 198911 2 001"),
            nik: Some("3273014303680001"),
            tanggal_lahir: NaiveDate::from_ymd_opt(1968, 3, 3),
            nama: Some("Dra. Siti Aminah, M.Si."),
        }
    }

    fn alasan(sandi: &str) -> Vec<AlasanDitolak> {
        match periksa(sandi, &KebijakanSandi::default(), &siti()) {
            Ok(()) => Vec::new(),
            Err(alasan) => alasan,
        }
    }

    #[test]
    fn good_password_is_accepted() {
        assert_eq!(alasan("Kopi Tubruk 2024!"), []);
        assert_eq!(alasan("Lamtoro7gung"), []);
    }

    #[test]
    fn multi_byte_password_is_accepted_and_counted_in_chars() {
        assert_eq!(alasan("Kopi☕Tubruk2024!"), []);
        // 7 characters but 15 bytes: still too short for the default 8.
        assert_eq!(
            alasan("Ab1☕☕☕☕"),
            [AlasanDitolak::TerlaluPendek { minimum: 8 }]
        );
        // 1024 three-byte characters are within the limit; one more is not.
        let batas = format!("A1{}", "☕".repeat(PANJANG_MAKSIMUM - 2));
        assert_eq!(alasan(&batas), []);
        let lewat = format!("{batas}☕");
        assert_eq!(
            alasan(&lewat),
            [AlasanDitolak::TerlaluPanjang {
                maksimum: PANJANG_MAKSIMUM
            }]
        );
    }

    #[test]
    fn long_passwords_are_accepted_whole() {
        let sandi64 = format!("Kebun{}", "teh hijau ".repeat(6)).replace("hijau", "h1jau");
        let sandi64 = &sandi64[..64];
        assert_eq!(sandi64.chars().count(), 64);
        assert_eq!(alasan(sandi64), []);

        let sandi200 = format!("Gunung Salak {}", "pagi berkabut 7 ".repeat(12));
        let sandi200 = &sandi200[..200];
        assert_eq!(sandi200.chars().count(), 200);
        assert_eq!(alasan(sandi200), []);

        // A hash truncating at 72 bytes would never see the capital letter and the digit.
        let awal = "kopi tubruk hangat ".repeat(5);
        assert!(awal.chars().count() > 72);
        assert_eq!(
            alasan(&awal),
            [AlasanDitolak::TanpaHurufBesar, AlasanDitolak::TanpaAngka]
        );
        assert_eq!(alasan(&format!("{awal}Z9")), []);
    }

    #[test]
    fn too_short_and_the_documented_floor() {
        assert_eq!(
            alasan("Kopi7a"),
            [AlasanDitolak::TerlaluPendek { minimum: 8 }]
        );
        assert_eq!(KebijakanSandi::new(3).panjang_minimum, 6);
        assert_eq!(KebijakanSandi::new(12).panjang_minimum, 12);
        assert_eq!(KebijakanSandi::default().panjang_minimum, 8);
        let longgar = KebijakanSandi::new(3);
        let kosong = DataPribadi::default();
        assert_eq!(periksa("Kopi7a", &longgar, &kosong), Ok(()));
        assert_eq!(
            periksa("Kop7a", &longgar, &kosong),
            Err(vec![AlasanDitolak::TerlaluPendek { minimum: 6 }])
        );
        // A policy built by hand below the floor is still held to it.
        let curang = KebijakanSandi { panjang_minimum: 1 };
        assert_eq!(
            periksa("Kop7a", &curang, &kosong),
            Err(vec![AlasanDitolak::TerlaluPendek { minimum: 6 }])
        );
    }

    #[test]
    fn capital_and_digit_are_required() {
        assert_eq!(alasan("kopitubruk7"), [AlasanDitolak::TanpaHurufBesar]);
        assert_eq!(alasan("KopiTubrukPahit"), [AlasanDitolak::TanpaAngka]);
        // Any uppercase letter counts, not only A-Z.
        assert_eq!(alasan("éclair kopi Ékstra 7"), []);
        // Non-ASCII digits do not count.
        assert_eq!(alasan("Kopi tubruk ٧"), [AlasanDitolak::TanpaAngka]);
    }

    #[test]
    fn nip_is_refused_whole_or_by_its_birth_date() {
        assert_eq!(
            alasan("Nomor196803031989112001"),
            [AlasanDitolak::MemuatNip, AlasanDitolak::MemuatTanggalLahir]
        );
        // The NIP's first eight digits, written with a separator, are both NIP and birth date.
        assert_eq!(
            alasan("Kopi1968-0303"),
            [AlasanDitolak::MemuatNip, AlasanDitolak::MemuatTanggalLahir]
        );
        // Without a birth date on record the NIP rule still catches it.
        let data = DataPribadi {
            nip: Some("196803031989112001"),
            ..DataPribadi::default()
        };
        assert_eq!(
            periksa("Kopi 1968 0303 x", &KebijakanSandi::default(), &data),
            Err(vec![AlasanDitolak::MemuatNip])
        );
        assert_eq!(
            periksa("Kopi198911x2001", &KebijakanSandi::default(), &data),
            Ok(())
        );
    }

    #[test]
    fn nik_is_refused() {
        assert_eq!(alasan("Kopi3273014303680001"), [AlasanDitolak::MemuatNik]);
        assert_eq!(alasan("K 3273-0143-0368-0001"), [AlasanDitolak::MemuatNik]);
    }

    #[test]
    fn birth_date_is_refused_in_usual_forms() {
        for sandi in [
            "Kopi03031968",
            "Kopi030368",
            "Kopi680303",
            "Kopi03-03-1968",
            "Kopi03/03/1968",
            "Kopi 03.03.1968",
            "Kopi 03 03 68",
        ] {
            assert_eq!(
                alasan(sandi),
                [AlasanDitolak::MemuatTanggalLahir],
                "{sandi}"
            );
        }
        // The ISO forms are also the NIP's first eight digits.
        assert_eq!(
            alasan("Kopi1968-03-03"),
            [AlasanDitolak::MemuatNip, AlasanDitolak::MemuatTanggalLahir]
        );
        assert_eq!(alasan("Kopi03041968"), []);
    }

    #[test]
    fn name_words_are_refused_case_insensitively() {
        assert_eq!(alasan("SITIkopi77"), [AlasanDitolak::MemuatNama]);
        assert_eq!(alasan("Kopi7aminah"), [AlasanDitolak::MemuatNama]);
        // Titles and words shorter than four letters do not count.
        assert_eq!(alasan("Dra Msi kopi 7"), []);
        let nur = DataPribadi {
            nama: Some("Nur Ali"),
            ..DataPribadi::default()
        };
        assert_eq!(
            periksa("Nur Ali Kopi 7", &KebijakanSandi::default(), &nur),
            Ok(())
        );
    }

    #[test]
    fn common_passwords_are_refused() {
        assert_eq!(alasan("Password1"), [AlasanDitolak::TerlaluUmum]);
        assert_eq!(alasan("Indonesia2024"), [AlasanDitolak::TerlaluUmum]);
        assert_eq!(alasan("Bismillah123!"), [AlasanDitolak::TerlaluUmum]);
        assert_eq!(alasan("Merdeka1945!!"), [AlasanDitolak::TerlaluUmum]);
        assert!(terlalu_umum("qwerty"));
        assert!(terlalu_umum("SIASN@2024"));
        assert!(terlalu_umum("MySAPK2025"));
        assert!(terlalu_umum("P@ssw0rd"));
        assert!(!terlalu_umum("Kopi☕Tubruk2024!"));
        // Digits alone are never stripped to the empty string and matched.
        assert!(!terlalu_umum("90817263!"));
    }

    #[test]
    fn embedded_list_is_large_and_clean() {
        let daftar = daftar_umum();
        assert!(daftar.len() >= 10_000, "{}", daftar.len());
        assert!(!daftar.contains(""));
        for kata in [
            "indonesia",
            "merdeka",
            "katasandi",
            "pegawai",
            "siasn",
            "mysapk",
            "bkn",
        ] {
            assert!(daftar.contains(kata), "{kata}");
        }
        let baris = DAFTAR_UMUM.lines().filter(|b| !b.trim().is_empty()).count();
        assert_eq!(baris, daftar.len(), "the data file has duplicates");
        assert!(daftar.iter().all(|kata| *kata == kata.to_lowercase()));
    }

    #[test]
    fn all_reasons_are_returned_in_order() {
        assert_eq!(
            alasan("siti"),
            [
                AlasanDitolak::TerlaluPendek { minimum: 8 },
                AlasanDitolak::TanpaHurufBesar,
                AlasanDitolak::TanpaAngka,
                AlasanDitolak::MemuatNama,
            ]
        );
        assert_eq!(
            alasan("password196803031989112001 3273014303680001 aminah"),
            [
                AlasanDitolak::TanpaHurufBesar,
                AlasanDitolak::MemuatNip,
                AlasanDitolak::MemuatNik,
                AlasanDitolak::MemuatTanggalLahir,
                AlasanDitolak::MemuatNama,
            ]
        );
        let panjang = format!("aminah{}", "x".repeat(PANJANG_MAKSIMUM));
        assert_eq!(
            alasan(&panjang),
            [
                AlasanDitolak::TerlaluPanjang {
                    maksimum: PANJANG_MAKSIMUM
                },
                AlasanDitolak::TanpaHurufBesar,
                AlasanDitolak::TanpaAngka,
                AlasanDitolak::MemuatNama,
            ]
        );
        assert_eq!(
            alasan("1234"),
            [
                AlasanDitolak::TerlaluPendek { minimum: 8 },
                AlasanDitolak::TanpaHurufBesar,
                AlasanDitolak::TerlaluUmum,
            ]
        );
    }
}
