//! The card's fonts and text fitting: names and unit names wrap onto more lines or shrink, so
//! they never leave their box.
//!
//! Widths come from the font's advance widths (no kerning). Kerning in DejaVu only ever
//! tightens Latin text, so a line measured here is never narrower than the line drawn.

use std::sync::OnceLock;

/// DejaVu Sans Condensed (Bitstream Vera licence, see `fonts/LICENSE-DejaVu.txt`).
pub static HURUF_BIASA: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed.ttf");
/// DejaVu Sans Condensed Bold.
pub static HURUF_TEBAL: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed-Bold.ttf");
/// The family both files belong to (their typographic family; the faces are condensed).
pub const KELUARGA: &str = "DejaVu Sans";

/// Advance widths per character, in em, for the first 0x2000 code points.
struct Lebar {
    em: Vec<f32>,
    cadangan: f32,
}

impl Lebar {
    fn dari(data: &[u8]) -> Self {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            return Self {
                em: Vec::new(),
                cadangan: 0.6,
            };
        };
        let upm = f32::from(face.units_per_em().max(1));
        let ukur = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / upm)
        };
        let cadangan = ukur('M').unwrap_or(0.8);
        let em = (0u32..0x2000)
            .map(|u| char::from_u32(u).and_then(ukur).unwrap_or(cadangan))
            .collect();
        Self { em, cadangan }
    }

    fn teks(&self, s: &str) -> f32 {
        s.chars()
            .map(|c| self.em.get(c as usize).copied().unwrap_or(self.cadangan))
            .sum()
    }
}

fn lebar(tebal: bool) -> &'static Lebar {
    static BIASA: OnceLock<Lebar> = OnceLock::new();
    static TEBAL: OnceLock<Lebar> = OnceLock::new();
    if tebal {
        TEBAL.get_or_init(|| Lebar::dari(HURUF_TEBAL))
    } else {
        BIASA.get_or_init(|| Lebar::dari(HURUF_BIASA))
    }
}

/// Width of `s` at font size `ukuran` (same unit as the size).
pub fn ukur(s: &str, ukuran: f32, tebal: bool) -> f32 {
    lebar(tebal).teks(s) * ukuran
}

/// A block of text to place: its preferred size, how far it may shrink, and how many lines it
/// may take.
#[derive(Debug, Clone)]
pub struct Blok {
    /// The text (whitespace is normalised).
    pub teks: String,
    /// Preferred font size.
    pub ukuran: f32,
    /// Smallest font size before the last line is cut with an ellipsis.
    pub ukuran_min: f32,
    /// Most lines.
    pub baris_maks: usize,
    /// Bold.
    pub tebal: bool,
    /// Blocks of one group end at one size (the smallest any of them needed), so that, say,
    /// the unit and the agency lines look alike.
    pub kelompok: Option<u8>,
}

impl Blok {
    /// Puts the block in group `k`.
    pub fn sekelompok(mut self, k: u8) -> Self {
        self.kelompok = Some(k);
        self
    }
}

/// A block after fitting.
#[derive(Debug, Clone, PartialEq)]
pub struct BlokPas {
    /// Its lines.
    pub baris: Vec<String>,
    /// The font size used.
    pub ukuran: f32,
    /// Bold.
    pub tebal: bool,
}

impl BlokPas {
    /// Height the block takes (line height 1.2 em).
    pub fn tinggi(&self) -> f32 {
        self.baris.len() as f32 * self.ukuran * JARAK_BARIS
    }
}

/// Line height as a multiple of the font size.
pub const JARAK_BARIS: f32 = 1.2;

/// Greedy word wrap; a word wider than the line is broken by characters.
fn bungkus(teks: &str, ukuran: f32, tebal: bool, lebar_maks: f32) -> Vec<String> {
    let mut baris: Vec<String> = Vec::new();
    let mut kini = String::new();
    for kata in teks.split_whitespace() {
        let calon = if kini.is_empty() {
            kata.to_string()
        } else {
            format!("{kini} {kata}")
        };
        if ukur(&calon, ukuran, tebal) <= lebar_maks {
            kini = calon;
            continue;
        }
        if !kini.is_empty() {
            baris.push(std::mem::take(&mut kini));
        }
        // The word alone: break it by characters when it is wider than a line.
        for c in kata.chars() {
            let mut coba = kini.clone();
            coba.push(c);
            if ukur(&coba, ukuran, tebal) > lebar_maks && !kini.is_empty() {
                baris.push(std::mem::take(&mut kini));
                kini.push(c);
            } else {
                kini = coba;
            }
        }
    }
    if !kini.is_empty() {
        baris.push(kini);
    }
    baris
}

/// Cuts `s` so that it and an ellipsis fit `lebar_maks`.
fn potong(s: &str, ukuran: f32, tebal: bool, lebar_maks: f32) -> String {
    let mut out: String = s.trim_end().to_string();
    while !out.is_empty() && ukur(&format!("{out}…"), ukuran, tebal) > lebar_maks {
        out.pop();
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
    }
    format!("{out}…")
}

/// Fits one block at a scale: wraps at each size from preferred down to the minimum; at the
/// minimum the last allowed line is cut with an ellipsis.
fn pas_satu(blok: &Blok, skala: f32, lebar_maks: f32) -> BlokPas {
    let teks = blok.teks.split_whitespace().collect::<Vec<_>>().join(" ");
    let min = blok.ukuran_min * skala;
    let mut ukuran = blok.ukuran * skala;
    loop {
        let baris = bungkus(&teks, ukuran, blok.tebal, lebar_maks);
        if baris.len() <= blok.baris_maks.max(1) {
            return BlokPas {
                baris,
                ukuran,
                tebal: blok.tebal,
            };
        }
        if ukuran <= min {
            let maks = blok.baris_maks.max(1);
            let mut baris = baris;
            let sisa = baris.split_off(maks - 1).join(" ");
            baris.push(potong(&sisa, ukuran, blok.tebal, lebar_maks));
            return BlokPas {
                baris,
                ukuran,
                tebal: blok.tebal,
            };
        }
        ukuran = (ukuran * 0.94).max(min);
    }
}

/// Re-wraps the blocks of each group at the group's smallest size (a smaller size never
/// needs more lines, so the line limit still holds).
fn samakan_kelompok(blok: &[Blok], hasil: &mut [BlokPas], lebar: f32) {
    for (i, b) in blok.iter().enumerate() {
        let Some(k) = b.kelompok else { continue };
        let terkecil = blok
            .iter()
            .zip(hasil.iter())
            .filter(|(lain, _)| lain.kelompok == Some(k))
            .map(|(_, h)| h.ukuran)
            .fold(f32::INFINITY, f32::min);
        if let Some(h) = hasil.get_mut(i)
            && h.ukuran > terkecil
        {
            let satu = Blok {
                ukuran: terkecil,
                ukuran_min: terkecil,
                ..b.clone()
            };
            *h = pas_satu(&satu, 1.0, lebar);
        }
    }
}

/// Fits blocks stacked in a box `lebar` wide and `tinggi` high, with `jarak` between blocks:
/// everything shrinks together until the stack fits (down to 60 %).
pub fn pas(blok: &[Blok], lebar: f32, tinggi: f32, jarak: f32) -> Vec<BlokPas> {
    let mut skala = 1.0_f32;
    loop {
        let mut hasil: Vec<BlokPas> = blok.iter().map(|b| pas_satu(b, skala, lebar)).collect();
        samakan_kelompok(blok, &mut hasil, lebar);
        let total: f32 = hasil.iter().map(BlokPas::tinggi).sum::<f32>()
            + jarak * skala * hasil.len().saturating_sub(1) as f32;
        if total <= tinggi || skala <= 0.6 {
            return hasil;
        }
        skala = (skala - 0.05).max(0.6);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_is_measured() {
        let w = ukur("Siti Aminah", 10.0, false);
        assert!(w > 40.0 && w < 70.0, "{w}");
        assert!(ukur("MMMM", 10.0, true) > ukur("iiii", 10.0, true) * 2.0);
    }

    #[test]
    fn short_text_stays_at_its_size_on_one_line() {
        let b = Blok {
            teks: "Budi  Santoso".into(),
            ukuran: 4.0,
            ukuran_min: 2.0,
            baris_maks: 2,
            tebal: true,
            kelompok: None,
        };
        let p = pas(&[b], 50.0, 20.0, 1.0);
        assert_eq!(p[0].baris, vec!["Budi Santoso".to_string()]);
        assert!((p[0].ukuran - 4.0).abs() < 1e-6);
    }

    #[test]
    fn long_text_wraps_shrinks_and_never_overflows() {
        let nama = "Prof. Dr. dr. Raden Ajeng Siti Nurhaliza Kusumawardhani Purbaningrum, S.H., M.Kn., M.Sc., Ph.D., Sp.PD-KGEH";
        let b = Blok {
            teks: nama.into(),
            ukuran: 4.0,
            ukuran_min: 2.2,
            baris_maks: 3,
            tebal: true,
            kelompok: None,
        };
        let p = pas(std::slice::from_ref(&b), 50.0, 14.0, 1.0);
        assert!(p[0].baris.len() <= 3);
        for l in &p[0].baris {
            assert!(ukur(l, p[0].ukuran, true) <= 50.0 + 1e-3, "{l}");
        }
        assert!(p[0].tinggi() <= 14.0 + 1e-3);
    }

    #[test]
    fn an_unbreakable_word_is_cut_with_an_ellipsis() {
        let b = Blok {
            teks: "X".repeat(400),
            ukuran: 4.0,
            ukuran_min: 3.0,
            baris_maks: 1,
            tebal: false,
            kelompok: None,
        };
        let p = pas(&[b], 30.0, 10.0, 0.0);
        assert_eq!(p[0].baris.len(), 1);
        assert!(p[0].baris[0].ends_with('…'));
        assert!(ukur(&p[0].baris[0], p[0].ukuran, false) <= 30.0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_fits_its_width(teks in "[A-Za-z.,' -]{0,300}", maks in 1usize..4) {
            let b = Blok { teks, ukuran: 3.0, ukuran_min: 1.8, baris_maks: maks, tebal: false, kelompok: None };
            let p = pas(&[b], 40.0, 30.0, 1.0);
            proptest::prop_assert!(p[0].baris.len() <= maks);
            for l in &p[0].baris {
                proptest::prop_assert!(ukur(l, p[0].ukuran, false) <= 40.0 + 1e-3);
            }
        }
    }
}
