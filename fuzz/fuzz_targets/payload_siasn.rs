//! The SIASN-compatible API's save bodies, parsed as the server parses them: the first byte
//! picks the endpoint, the rest is the body. Any bytes give a row or an error in the API's
//! envelope, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, body)) = data.split_first() else {
        return;
    };
    let daftar = siasn_web::api::SIMPAN;
    let nama = daftar[usize::from(pilih) % daftar.len()];
    let _ = siasn_web::api::urai_simpan(nama, body);
});
