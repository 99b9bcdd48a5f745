//! NIP, NIP lama and NI PPPK parsing: any text gives a value or an error, never a panic, and a
//! parsed NIP prints back to digits that parse to the same NIP.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siasn_domain::nip::{Nip, NipLama};
use siasn_domain::pegawai::{JenisPegawai, NomorInduk};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let hari_ini = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    if let Ok(nip) = Nip::parse(s, hari_ini) {
        let lagi = Nip::parse(nip.as_str(), hari_ini).expect("a parsed NIP parses again");
        assert_eq!(lagi.as_str(), nip.as_str());
    }
    let _ = NipLama::parse(s);
    let _ = NomorInduk::parse_for(JenisPegawai::Pns, s);
    let _ = NomorInduk::parse_for(JenisPegawai::Pppk, s);
});
