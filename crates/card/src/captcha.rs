//! A self-hosted image captcha for the public card check: five characters from an alphabet
//! without look-alikes, each rotated and shifted, over noise lines, rendered to PNG on the
//! server (the answer never reaches the browser as text).

use std::fmt::Write as _;

use crate::{KartuError, Perender};

/// Characters used (no 0/O, 1/I/L, Q).
pub const ABJAD: &[u8] = b"ABCDEFGHJKMNPRSTUVWXYZ23456789";
/// Characters per challenge.
pub const PANJANG: usize = 5;

/// A small deterministic generator (SplitMix64); the seed comes from the OS at the caller.
struct Acak(u64);

impl Acak {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn di_bawah(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn antara(&mut self, a: f32, b: f32) -> f32 {
        a + (b - a) * (self.di_bawah(10_000) as f32 / 10_000.0)
    }
}

/// A new answer from `benih`.
pub fn jawaban(benih: u64) -> String {
    let mut a = Acak(benih);
    (0..PANJANG)
        .map(|_| char::from(ABJAD[a.di_bawah(ABJAD.len() as u64) as usize]))
        .collect()
}

/// Whether `masukan` answers `jawaban` (case and spaces do not matter).
pub fn cocok(jawaban: &str, masukan: &str) -> bool {
    let bersih: String = masukan
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    !jawaban.is_empty() && bersih == jawaban
}

/// The challenge image (PNG, 220 × 80 px).
pub fn gambar(p: &Perender, jawaban: &str, benih: u64) -> Result<Vec<u8>, KartuError> {
    let mut a = Acak(benih ^ 0x5eed_cafe);
    let (w, h) = (220.0_f32, 80.0_f32);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="#f2f5f9"/>"##
    );
    for _ in 0..7 {
        let _ = write!(
            svg,
            r##"<path d="M{} {} Q{} {} {} {}" stroke="#{:06x}" stroke-width="{}" fill="none"/>"##,
            a.antara(0.0, 40.0),
            a.antara(5.0, h - 5.0),
            a.antara(60.0, 160.0),
            a.antara(0.0, h),
            a.antara(180.0, w),
            a.antara(5.0, h - 5.0),
            a.di_bawah(0x80_8080),
            a.antara(1.0, 2.5),
        );
    }
    for (i, c) in jawaban.chars().enumerate() {
        let x = 22.0 + i as f32 * 40.0 + a.antara(-5.0, 5.0);
        let y = 56.0 + a.antara(-8.0, 8.0);
        let sudut = a.antara(-28.0, 28.0);
        let warna = 0x10_2040 + a.di_bawah(0x40_4040);
        let _ = write!(
            svg,
            r##"<text x="{x}" y="{y}" font-size="{}" font-weight="bold" fill="#{warna:06x}" transform="rotate({sudut} {x} {y})">{c}</text>"##,
            a.antara(34.0, 42.0),
        );
    }
    for _ in 0..60 {
        let _ = write!(
            svg,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#{:06x}"/>"##,
            a.antara(0.0, w),
            a.antara(0.0, h),
            a.antara(0.5, 1.6),
            a.di_bawah(0xa0_a0a0)
        );
    }
    svg.push_str("</svg>");
    p.png(&svg, 96.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_use_the_alphabet_and_match_loosely() {
        let j = jawaban(42);
        assert_eq!(j.len(), PANJANG);
        assert!(j.bytes().all(|b| ABJAD.contains(&b)));
        assert_ne!(jawaban(42), jawaban(43));
        assert!(cocok(&j, &j.to_lowercase()));
        assert!(cocok(&j, &format!(" {} ", &j)));
        assert!(!cocok(&j, "AAAAA") || j == "AAAAA");
        assert!(!cocok("", ""));
    }

    #[test]
    fn the_image_is_a_png_that_changes_with_the_seed() {
        let p = Perender::new();
        let a = gambar(&p, "K7M3X", 1).unwrap();
        let b = gambar(&p, "K7M3X", 2).unwrap();
        assert!(a.starts_with(&[0x89, b'P', b'N', b'G']));
        assert_ne!(a, b);
    }
}
