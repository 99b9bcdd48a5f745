//! The collective-proposal CSV for every kind: a file is refused or read row by row, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siasn_domain::riwayat::JenisRiwayat;
use siasn_domain::usulan::kolektif::{JenisKolektif, baca_csv};

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let Ok(teks) = std::str::from_utf8(isi) else {
        return;
    };
    let jenis = JenisRiwayat::SEMUA
        .get(usize::from(pilih) % (JenisRiwayat::SEMUA.len() + 1))
        .map_or(JenisKolektif::DataUtama, |j| JenisKolektif::Riwayat(*j));
    let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let _ = baca_csv(teks, jenis, hari_ini);
});
