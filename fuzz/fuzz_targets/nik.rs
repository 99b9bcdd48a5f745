//! NIK parsing and what is derived from it: never a panic; a parsed NIK parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siasn_domain::nik::Nik;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(nik) = Nik::parse(s) {
        let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let _ = nik.tanggal_lahir(hari_ini);
        let _ = nik.masked();
        let _ = nik.kode_wilayah();
        assert_eq!(Nik::parse(nik.as_str()).map(|n| n.as_str().to_string()).ok().as_deref(), Some(nik.as_str()));
    }
});
