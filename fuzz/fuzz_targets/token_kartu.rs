//! The card's QR text: split, read without checking, and checked against a real key: any text
//! is refused or (only if signed by that key) accepted, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use siasn_card::token::{KunciPenanda, KunciPublik, baca_tanpa_periksa, periksa, pisah};

fn kunci() -> &'static Vec<KunciPublik> {
    static K: OnceLock<Vec<KunciPublik>> = OnceLock::new();
    K.get_or_init(|| {
        let (k, _) = KunciPenanda::baru("2026-12-fuzz").expect("a key");
        vec![KunciPublik {
            kid: k.kid().to_string(),
            kunci: k.publik(),
        }]
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = pisah(s);
    let _ = baca_tanpa_periksa(s);
    assert!(periksa(s, kunci()).is_err(), "nothing the fuzzer makes is signed by the key");
});
