//! Property tests for the NIP and NIK parsers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use siasn_domain::{BulanTahun, JenisKelamin, Nik, Nip, NipError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

prop_compose! {
    fn valid_parts()(days in 0i64..(365 * 70), gap_months in 216i32..480, female in any::<bool>(), seq in 1u32..=999)
        -> (NaiveDate, BulanTahun, JenisKelamin, u32) {
        let lahir = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
        let tmt = BulanTahun::of(lahir).tambah_bulan(gap_months);
        let jk = if female { JenisKelamin::Perempuan } else { JenisKelamin::LakiLaki };
        (lahir, tmt, jk, seq)
    }
}

proptest! {
    #[test]
    fn composed_nips_parse_back_in_every_spacing((lahir, tmt, jk, seq) in valid_parts()) {
        let nip = Nip::compose(lahir, tmt, jk, seq).unwrap();
        let grouped = nip.to_string();
        let parsed = Nip::parse(&grouped, NaiveDate::MAX).unwrap();
        prop_assert_eq!(&parsed, &nip);
        prop_assert_eq!(parsed.tanggal_lahir(), lahir);
        prop_assert_eq!(parsed.tmt_cpns(), tmt);
        prop_assert_eq!(parsed.jenis_kelamin(), jk);
        prop_assert_eq!(parsed.nomor_urut(), seq);
        prop_assert_eq!(grouped.len(), 21);
    }

    #[test]
    fn never_panics_and_accepts_only_18_digits(input in "\\PC{0,30}") {
        if let Ok(nip) = Nip::parse(&input, today()) {
            prop_assert_eq!(nip.as_str().len(), 18);
            prop_assert!(nip.as_str().bytes().all(|b| b.is_ascii_digit()));
            prop_assert!(nip.tanggal_lahir() <= today());
        }
    }

    #[test]
    fn wrong_length_digit_strings_report_length(digits in "[0-9]{1,40}") {
        prop_assume!(digits.len() != 18);
        prop_assert_eq!(Nip::parse(&digits, today()), Err(NipError::Panjang { jumlah: digits.len() }));
    }

    #[test]
    fn a_changed_sex_digit_is_rejected((lahir, tmt, jk, seq) in valid_parts(), bad in "[03-9]") {
        let nip = Nip::compose(lahir, tmt, jk, seq).unwrap();
        let mut s = nip.as_str().to_string();
        s.replace_range(14..15, &bad);
        let rejected = matches!(Nip::parse(&s, NaiveDate::MAX), Err(NipError::JenisKelamin { .. }));
        prop_assert!(rejected);
    }

    #[test]
    fn any_impossible_month_is_rejected((lahir, tmt, jk, seq) in valid_parts(), month in 13u32..100) {
        let nip = Nip::compose(lahir, tmt, jk, seq).unwrap();
        let mut s = nip.as_str().to_string();
        s.replace_range(12..14, &format!("{month:02}"));
        prop_assert_eq!(Nip::parse(&s, NaiveDate::MAX), Err(NipError::BulanTmtCpnsMustahil { bulan: month }));
    }

    #[test]
    fn nik_round_trips_birth_date_and_sex(days in 0i64..(365 * 80), female in any::<bool>(), seq in 1u32..=9999) {
        let lahir = NaiveDate::from_ymd_opt(1945, 1, 1).unwrap() + chrono::Duration::days(days);
        let jk = if female { JenisKelamin::Perempuan } else { JenisKelamin::LakiLaki };
        let nik = Nik::compose("327301", lahir, jk, seq).unwrap();
        prop_assert_eq!(nik.jenis_kelamin(), jk);
        prop_assert!(nik.cocok_tanggal_lahir(lahir));
        let (d, m, yy) = nik.tanggal_lahir_dmy();
        prop_assert_eq!((d, m, yy as i32), (lahir.day(), lahir.month(), lahir.year() % 100));
        prop_assert_eq!(nik.tanggal_lahir(today()), Some(lahir));
    }

    #[test]
    fn nik_never_panics(input in "\\PC{0,24}") {
        if let Ok(nik) = Nik::parse(&input) {
            prop_assert_eq!(nik.as_str().len(), 16);
        }
    }
}
