//! TOTP second factor (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps.
//!
//! These are the parameters every authenticator app supports. There is no clock here: callers
//! pass the current Unix time in seconds, and store the last accepted step so that a code
//! cannot be used twice.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// Length of a step in seconds.
pub const LANGKAH_DETIK: u64 = 30;

/// Digits in a code.
pub const JUMLAH_ANGKA: usize = 6;

/// Length of a newly made secret in bytes (the HMAC-SHA1 output size RFC 4226 recommends).
pub const PANJANG_RAHASIA: usize = 20;

/// Steps before and after the current one that are still accepted, for clock drift.
const TOLERANSI_LANGKAH: u64 = 1;

/// RFC 4648 base32 alphabet.
const ALFABET_BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

type HmacSha1 = Hmac<Sha1>;

/// The shared secret of an account's authenticator (normally [`PANJANG_RAHASIA`] random bytes).
#[derive(Clone)]
pub struct RahasiaTotp(Vec<u8>);

impl fmt::Debug for RahasiaTotp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Keeps the secret out of logs and panic messages.
        write!(f, "RahasiaTotp({} bytes)", self.0.len())
    }
}

impl RahasiaTotp {
    /// Wraps secret bytes (from the caller's CSPRNG or from storage).
    pub fn dari_bytes(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }

    /// The secret in RFC 4648 base32, upper case, without padding (as authenticator apps expect).
    pub fn base32(&self) -> String {
        let mut teks = String::with_capacity((self.0.len() * 8).div_ceil(5));
        let mut penampung: u32 = 0;
        let mut jumlah_bit = 0;
        for &byte in &self.0 {
            penampung = (penampung << 8) | u32::from(byte);
            jumlah_bit += 8;
            while jumlah_bit >= 5 {
                jumlah_bit -= 5;
                teks.push(char::from(
                    ALFABET_BASE32[((penampung >> jumlah_bit) & 0x1f) as usize],
                ));
            }
            penampung &= (1 << jumlah_bit) - 1;
        }
        if jumlah_bit > 0 {
            teks.push(char::from(
                ALFABET_BASE32[((penampung << (5 - jumlah_bit)) & 0x1f) as usize],
            ));
        }
        teks
    }

    /// Parses base32, ignoring case, whitespace and '=' padding; `None` if invalid or empty.
    ///
    /// Leftover bits that do not fill a byte are dropped, as decoders of typed secrets usually do.
    pub fn dari_base32(teks: &str) -> Option<Self> {
        let mut bytes = Vec::with_capacity(teks.len() * 5 / 8);
        let mut penampung: u32 = 0;
        let mut jumlah_bit = 0;
        for c in teks.chars() {
            if c.is_whitespace() || c == '=' {
                continue;
            }
            let c = c.to_ascii_uppercase();
            let nilai = ALFABET_BASE32.iter().position(|&a| char::from(a) == c)?;
            penampung = (penampung << 5) | nilai as u32;
            jumlah_bit += 5;
            if jumlah_bit >= 8 {
                jumlah_bit -= 8;
                bytes.push((penampung >> jumlah_bit) as u8);
                penampung &= (1 << jumlah_bit) - 1;
            }
        }
        if bytes.is_empty() {
            None
        } else {
            Some(Self(bytes))
        }
    }

    /// The raw secret bytes (for storage).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// The step number a Unix time falls in.
pub fn langkah_pada(unix_detik: u64) -> u64 {
    unix_detik / LANGKAH_DETIK
}

/// The 6-digit code (zero-padded) for the step containing `unix_detik`.
pub fn kode_pada(rahasia: &RahasiaTotp, unix_detik: u64) -> String {
    // HMAC takes keys of any length, so `None` cannot happen; an empty code matches nothing.
    hotp(rahasia, langkah_pada(unix_detik))
        .map(format_kode)
        .unwrap_or_default()
}

/// Checks a typed code; returns the matched step, to be stored and passed back next time.
///
/// Accepts the current step and one step either side (clock drift), but never a step at or
/// before `langkah_terakhir`, so a code seen over a shoulder cannot be replayed. Whitespace in
/// the input is ignored ("287 082"); anything but 6 digits is refused.
pub fn periksa(
    rahasia: &RahasiaTotp,
    kode: &str,
    unix_detik: u64,
    langkah_terakhir: Option<u64>,
) -> Option<u64> {
    let ketikan: Vec<u8> = kode
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii() { c as u8 } else { 0 })
        .collect();
    if ketikan.len() != JUMLAH_ANGKA || !ketikan.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sekarang = langkah_pada(unix_detik);
    let awal = sekarang.saturating_sub(TOLERANSI_LANGKAH);
    let akhir = sekarang.saturating_add(TOLERANSI_LANGKAH);
    let mut cocok = None;
    // Every candidate is computed and compared in full, so timing says nothing about the code.
    for langkah in awal..=akhir {
        let Some(nilai) = hotp(rahasia, langkah) else {
            continue;
        };
        let sama = sama_waktu_tetap(format_kode(nilai).as_bytes(), &ketikan);
        let baru = langkah_terakhir.is_none_or(|terakhir| langkah > terakhir);
        if sama && baru && cocok.is_none() {
            cocok = Some(langkah);
        }
    }
    cocok
}

/// The `otpauth://` URI that authenticator apps read from a QR code.
pub fn uri_otpauth(rahasia: &RahasiaTotp, penerbit: &str, akun: &str) -> String {
    let penerbit = persen(penerbit);
    format!(
        "otpauth://totp/{penerbit}:{akun}?secret={rahasia}&issuer={penerbit}\
         &algorithm=SHA1&digits={JUMLAH_ANGKA}&period={LANGKAH_DETIK}",
        akun = persen(akun),
        rahasia = rahasia.base32(),
    )
}

/// RFC 4226 HOTP value (already reduced to 6 digits) for a counter.
fn hotp(rahasia: &RahasiaTotp, pencacah: u64) -> Option<u32> {
    let mut mac = <HmacSha1 as KeyInit>::new_from_slice(&rahasia.0).ok()?;
    mac.update(&pencacah.to_be_bytes());
    let hasil = mac.finalize().into_bytes();
    let geser = usize::from(hasil[hasil.len() - 1] & 0x0f);
    let potong = u32::from_be_bytes([
        hasil[geser] & 0x7f,
        hasil[geser + 1],
        hasil[geser + 2],
        hasil[geser + 3],
    ]);
    Some(potong % 10u32.pow(JUMLAH_ANGKA as u32))
}

/// A HOTP value as a zero-padded 6-digit string.
fn format_kode(nilai: u32) -> String {
    format!("{nilai:0width$}", width = JUMLAH_ANGKA)
}

/// Equality of two byte strings whose time depends only on their lengths.
fn sama_waktu_tetap(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let beda = a.iter().zip(b).fold(0u8, |beda, (x, y)| beda | (x ^ y));
    std::hint::black_box(beda) == 0
}

/// Percent-encodes everything but RFC 3986 unreserved characters and '@' (kept for e-mail
/// addresses as in the Key URI Format examples).
fn persen(teks: &str) -> String {
    let mut hasil = String::with_capacity(teks.len());
    for byte in teks.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~@".contains(&byte) {
            hasil.push(char::from(byte));
        } else {
            hasil.push_str(&format!("%{byte:02X}"));
        }
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc() -> RahasiaTotp {
        RahasiaTotp::dari_bytes(b"12345678901234567890")
    }

    #[test]
    fn rfc6238_sha1_vectors() {
        for (t, kode) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(kode_pada(&rfc(), t), kode, "T={t}");
        }
    }

    #[test]
    fn rfc4226_hotp_vectors() {
        let harapan = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (pencacah, nilai) in harapan.into_iter().enumerate() {
            assert_eq!(hotp(&rfc(), pencacah as u64), Some(nilai));
        }
    }

    #[test]
    fn rfc4648_base32_vectors() {
        for (mentah, teks) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            let rahasia = RahasiaTotp::dari_bytes(mentah.as_bytes());
            assert_eq!(rahasia.base32(), teks);
            if !mentah.is_empty() {
                let balik = RahasiaTotp::dari_base32(teks).unwrap();
                assert_eq!(balik.as_bytes(), mentah.as_bytes());
            }
        }
        assert_eq!(rfc().base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    #[test]
    fn base32_parsing_is_lenient_about_case_spaces_and_padding() {
        let rahasia = RahasiaTotp::dari_base32("mzxw 6ytb oi======").unwrap();
        assert_eq!(rahasia.as_bytes(), b"foobar");
        assert_eq!(
            RahasiaTotp::dari_base32("MZXW6YQ=").unwrap().as_bytes(),
            b"foob"
        );
        assert!(RahasiaTotp::dari_base32("MZXW1").is_none());
        assert!(RahasiaTotp::dari_base32("MZ0W").is_none());
        assert!(RahasiaTotp::dari_base32("").is_none());
        assert!(RahasiaTotp::dari_base32(" == ").is_none());
    }

    #[test]
    fn base32_round_trip() {
        for panjang in 1..=40u8 {
            let bytes: Vec<u8> = (0..panjang).map(|i| i.wrapping_mul(151) ^ 0x5a).collect();
            let teks = RahasiaTotp::dari_bytes(&bytes).base32();
            assert!(!teks.contains('='));
            let balik = RahasiaTotp::dari_base32(&teks.to_lowercase()).unwrap();
            assert_eq!(balik.as_bytes(), &bytes[..]);
        }
    }

    #[test]
    fn current_step_and_one_either_side_are_accepted() {
        let t = 1_111_111_111;
        let langkah = t / LANGKAH_DETIK;
        assert_eq!(periksa(&rfc(), "050471", t, None), Some(langkah));
        assert_eq!(periksa(&rfc(), " 050 471 ", t, None), Some(langkah));
        let sebelum = kode_pada(&rfc(), t - LANGKAH_DETIK);
        let sesudah = kode_pada(&rfc(), t + LANGKAH_DETIK);
        assert_eq!(periksa(&rfc(), &sebelum, t, None), Some(langkah - 1));
        assert_eq!(periksa(&rfc(), &sesudah, t, None), Some(langkah + 1));
    }

    #[test]
    fn two_steps_away_are_refused() {
        let t: u64 = 1_111_111_111;
        for geser in [-2i64, 2, -3, 3] {
            let lain = t.saturating_add_signed(geser * LANGKAH_DETIK as i64);
            let kode = kode_pada(&rfc(), lain);
            assert_eq!(periksa(&rfc(), &kode, t, None), None, "{geser}");
        }
    }

    #[test]
    fn replay_is_refused() {
        let t = 1_111_111_111;
        let langkah = periksa(&rfc(), "050471", t, None).unwrap();
        assert_eq!(periksa(&rfc(), "050471", t, Some(langkah)), None);
        assert_eq!(periksa(&rfc(), "050471", t + 10, Some(langkah)), None);
        // An older code within the drift window is refused once a newer step was used.
        let sebelum = kode_pada(&rfc(), t - LANGKAH_DETIK);
        assert_eq!(periksa(&rfc(), &sebelum, t, Some(langkah)), None);
        // The next step's code is still fine.
        let berikut = kode_pada(&rfc(), t + LANGKAH_DETIK);
        assert_eq!(
            periksa(&rfc(), &berikut, t + LANGKAH_DETIK, Some(langkah)),
            Some(langkah + 1)
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        let t = 1_111_111_111;
        for kode in [
            "", "05047", "0504711", "05047a", "o50471", "05047１", "-50471",
        ] {
            assert_eq!(periksa(&rfc(), kode, t, None), None, "{kode}");
        }
        assert_eq!(periksa(&rfc(), "000000", t, None), None);
    }

    #[test]
    fn time_zero_does_not_underflow() {
        let kode = kode_pada(&rfc(), 0);
        assert_eq!(kode, "755224");
        assert_eq!(periksa(&rfc(), &kode, 0, None), Some(0));
        assert_eq!(periksa(&rfc(), &kode_pada(&rfc(), 30), 0, None), Some(1));
    }

    #[test]
    fn otpauth_uri() {
        let uri = uri_otpauth(&rfc(), "SIASN BKN", "siti.aminah@bkn.go.id");
        assert_eq!(
            uri,
            "otpauth://totp/SIASN%20BKN:siti.aminah@bkn.go.id\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=SIASN%20BKN\
             &algorithm=SHA1&digits=6&period=30"
        );
        let uri = uri_otpauth(&rfc(), "BKN:Pusat&Co", "196803031989112001");
        assert!(uri.starts_with("otpauth://totp/BKN%3APusat%26Co:196803031989112001?"));
        assert!(uri.contains("&issuer=BKN%3APusat%26Co&"));
        assert!(uri_otpauth(&rfc(), "Siti Ä", "x").contains("Siti%20%C3%84"));
    }

    #[test]
    fn debug_hides_the_secret() {
        assert_eq!(format!("{:?}", rfc()), "RahasiaTotp(20 bytes)");
    }
}
