//! Human-typeable one-time codes: password-reset and activation tokens, MFA recovery codes.
//!
//! The domain has no randomness source, so callers pass random bytes (from the OS CSPRNG).
//! Each character carries 5 bits, drawn from a 32-letter alphabet without the look-alikes
//! 0/O and 1/I, and codes are shown in groups of four, e.g. `K7QM-3XPA-RT9D`.

/// The code alphabet: A–Z and 2–9 without 0, O, 1 and I.
pub const ALFABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Characters per group in the displayed form.
pub const PANJANG_KELOMPOK: usize = 4;

/// Bits of randomness each code character carries.
const BIT_PER_KARAKTER: usize = 5;

/// How many random bytes [`dari_acak`] needs for a code of `panjang` characters.
pub fn bytes_dibutuhkan(panjang: usize) -> usize {
    (panjang * BIT_PER_KARAKTER).div_ceil(8)
}

/// A code of `panjang` alphabet characters taken 5 bits at a time from `bytes`, grouped with '-'.
///
/// If `bytes` holds fewer than [`bytes_dibutuhkan`]`(panjang)` bytes the code is shorter: only
/// whole characters the bytes can fill are produced, never padding that would add no
/// randomness. The same bytes always give the same code.
pub fn dari_acak(bytes: &[u8], panjang: usize) -> String {
    let tersedia = bytes.len() * 8 / BIT_PER_KARAKTER;
    let panjang = panjang.min(tersedia);
    let mut kode = String::with_capacity(panjang + panjang / PANJANG_KELOMPOK);
    let mut penampung: u32 = 0;
    let mut jumlah_bit = 0;
    let mut sisa = bytes.iter();
    for urutan in 0..panjang {
        if jumlah_bit < BIT_PER_KARAKTER {
            // `tersedia` guarantees a byte is left whenever fewer than 5 bits are buffered.
            let Some(&byte) = sisa.next() else { break };
            penampung = (penampung << 8) | u32::from(byte);
            jumlah_bit += 8;
        }
        jumlah_bit -= BIT_PER_KARAKTER;
        let indeks = (penampung >> jumlah_bit) & 0x1f;
        penampung &= (1 << jumlah_bit) - 1;
        if urutan > 0 && urutan % PANJANG_KELOMPOK == 0 {
            kode.push('-');
        }
        kode.push(char::from(ALFABET[indeks as usize]));
    }
    kode
}

/// The form in which a typed code is compared: upper case, without whitespace and '-'.
///
/// No look-alike is mapped: '0', 'O', '1' and 'I' are all outside the alphabet, so there is no
/// letter they could stand for, and a wrongly typed character simply makes the code not match.
pub fn normalisasi(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_has_no_look_alikes() {
        for c in b"01IO" {
            assert!(!ALFABET.contains(c));
        }
        let mut urut = ALFABET.to_vec();
        urut.sort_unstable();
        urut.dedup();
        assert_eq!(urut.len(), 32);
    }

    #[test]
    fn length_and_grouping() {
        let bytes: Vec<u8> = (0u8..40)
            .map(|i| i.wrapping_mul(97).wrapping_add(13))
            .collect();
        let kode = dari_acak(&bytes, 12);
        assert_eq!(kode.len(), 14);
        let kelompok: Vec<&str> = kode.split('-').collect();
        assert_eq!(kelompok.len(), 3);
        assert!(kelompok.iter().all(|k| k.len() == 4));

        assert_eq!(dari_acak(&bytes, 4).len(), 4);
        assert_eq!(dari_acak(&bytes, 5).len(), 6);
        assert_eq!(dari_acak(&bytes, 10), "BXZN-8NET-8K");
        assert_eq!(dari_acak(&bytes, 0), "");
        assert_eq!(dari_acak(&bytes, 64).replace('-', "").len(), 64);
    }

    #[test]
    fn only_alphabet_characters() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        let kode = dari_acak(&bytes, 400);
        let tanpa_pemisah = kode.replace('-', "");
        assert_eq!(tanpa_pemisah.len(), 400);
        assert!(tanpa_pemisah.bytes().all(|b| ALFABET.contains(&b)));
        // Every alphabet character shows up, so all 5-bit values are used.
        assert!(ALFABET.iter().all(|b| tanpa_pemisah.as_bytes().contains(b)));
    }

    #[test]
    fn bits_are_taken_most_significant_first() {
        assert_eq!(dari_acak(&[0, 0, 0, 0, 0], 8), "AAAA-AAAA");
        assert_eq!(dari_acak(&[0xff; 5], 8), "9999-9999");
        // 0b00001_00010_00011_00100_00101_00110_00111_01000
        assert_eq!(dari_acak(&[0x08, 0x86, 0x42, 0x98, 0xe8], 8), "BCDE-FGHJ");
    }

    #[test]
    fn too_few_bytes_give_a_shorter_code() {
        assert_eq!(bytes_dibutuhkan(12), 8);
        assert_eq!(bytes_dibutuhkan(16), 10);
        assert_eq!(dari_acak(&[0xff; 7], 12), "9999-9999-999");
        assert_eq!(dari_acak(&[], 12), "");
        assert_eq!(dari_acak(&[0xff; 8], 12), "9999-9999-9999");
    }

    #[test]
    fn same_bytes_same_code() {
        let bytes = [17u8, 250, 3, 99, 140, 7, 66, 201, 5, 38];
        assert_eq!(dari_acak(&bytes, 16), dari_acak(&bytes, 16));
        assert_ne!(dari_acak(&bytes, 16), dari_acak(&bytes[1..], 16));
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalisasi(" k7qm 3xpa-rt9d "), "K7QM3XPART9D");
        assert_eq!(normalisasi("K7QM-3XPA-RT9D"), "K7QM3XPART9D");
        assert_eq!(normalisasi("k7qm\t3xpa\nrt9d"), "K7QM3XPART9D");
        // Look-alikes are left as typed and then fail to match.
        assert_eq!(normalisasi("o0i1"), "O0I1");
        let kode = dari_acak(&[9, 8, 7, 6, 5, 4, 3, 2], 12);
        assert_eq!(
            normalisasi(&kode.to_lowercase().replace('-', " ")),
            kode.replace('-', "")
        );
    }
}
