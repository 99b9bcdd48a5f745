//! Upload sniffing (PDF, JPEG, PNG by content, with their structure checks): any bytes are
//! accepted as one type or refused with a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siasn_domain::usulan::berkas::periksa_berkas;

fuzz_target!(|data: &[u8]| {
    let _ = periksa_berkas(data, 2 * 1024 * 1024);
});
