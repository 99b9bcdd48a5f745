//! Letters of the personnel services (pertek, SK) as one-page A4 PDFs: a letterhead, a title
//! with the number, paragraphs and label–value rows, and the signature block. The words are the
//! caller's; this lays them out with the embedded fonts.

use askama::Template;

use crate::{KartuError, Perender};

/// One block of a letter's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blok {
    /// A paragraph, wrapped to the page.
    Paragraf(String),
    /// A label and its value, aligned in two columns.
    Baris(String, String),
    /// Vertical space.
    Jarak,
}

/// The content of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsiSurat {
    /// Issuer lines of the letterhead (first is bold).
    pub kop: Vec<String>,
    /// Title ("PERTIMBANGAN TEKNIS KENAIKAN PANGKAT").
    pub judul: String,
    /// "Nomor: …".
    pub nomor: String,
    /// Body.
    pub isi: Vec<Blok>,
    /// Place and date line above the signature.
    pub tempat_tanggal: String,
    /// Signer's position.
    pub jabatan_penandatangan: String,
    /// Signer's name.
    pub nama_penandatangan: String,
    /// Signer's NIP line.
    pub nip_penandatangan: String,
    /// Footer (what the document is and how to check it).
    pub kaki: Vec<String>,
}

struct Baris {
    x: f32,
    y: f32,
    ukuran: f32,
    tebal: bool,
    jangkar: &'static str,
    isi: String,
}

#[derive(Template)]
#[template(path = "surat.svg")]
struct SuratSvg {
    teks: Vec<Baris>,
}

const KIRI: f32 = 20.0;
const UKURAN: f32 = 3.6;
const SPASI: f32 = 5.4;
/// Characters per line of body text at [`UKURAN`] (DejaVu Sans condensed, 170 mm).
const LEBAR_KARAKTER: usize = 92;

/// Wraps `teks` at word boundaries to lines of at most `lebar` characters.
pub fn bungkus(teks: &str, lebar: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut baris = String::new();
    for kata in teks.split_whitespace() {
        if !baris.is_empty() && baris.chars().count() + 1 + kata.chars().count() > lebar {
            out.push(std::mem::take(&mut baris));
        }
        if !baris.is_empty() {
            baris.push(' ');
        }
        baris.push_str(kata);
    }
    if !baris.is_empty() {
        out.push(baris);
    }
    out
}

fn tulis(
    out: &mut Vec<Baris>,
    x: f32,
    y: f32,
    ukuran: f32,
    tebal: bool,
    jangkar: &'static str,
    isi: &str,
) {
    out.push(Baris {
        x,
        y,
        ukuran,
        tebal,
        jangkar,
        isi: isi.to_string(),
    });
}

/// Where the electronic signature's appearance goes on the page, in millimetres from the
/// top-left corner: the space between the signer's position and name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KotakTtd {
    /// Left edge.
    pub x_mm: f32,
    /// Top edge.
    pub y_mm: f32,
    /// Width.
    pub lebar_mm: f32,
    /// Height.
    pub tinggi_mm: f32,
}

/// Height of the signature space (QR code and signer lines).
const TINGGI_TTD: f32 = 30.0;

/// Lays out a letter as an A4 SVG.
pub fn svg(s: &IsiSurat) -> Result<String, KartuError> {
    Ok(SuratSvg {
        teks: tata_letak(s).0,
    }
    .render()?)
}

/// The signature space of a letter's layout.
pub fn kotak_ttd(s: &IsiSurat) -> KotakTtd {
    tata_letak(s).1
}

fn tata_letak(s: &IsiSurat) -> (Vec<Baris>, KotakTtd) {
    let mut t = Vec::new();
    let tengah = 105.0;
    let mut y = 16.0;
    for (i, k) in s.kop.iter().enumerate() {
        tulis(
            &mut t,
            tengah,
            y,
            if i == 0 { 5.0 } else { 3.6 },
            i == 0,
            "middle",
            k,
        );
        y += if i == 0 { 6.5 } else { 5.0 };
    }
    y = 48.0;
    tulis(&mut t, tengah, y, 4.4, true, "middle", &s.judul);
    y += 6.0;
    tulis(&mut t, tengah, y, UKURAN, false, "middle", &s.nomor);
    y += 12.0;
    for b in &s.isi {
        match b {
            Blok::Paragraf(p) => {
                for l in bungkus(p, LEBAR_KARAKTER) {
                    tulis(&mut t, KIRI, y, UKURAN, false, "start", &l);
                    y += SPASI;
                }
                y += 1.5;
            }
            Blok::Baris(label, nilai) => {
                tulis(&mut t, KIRI + 6.0, y, UKURAN, false, "start", label);
                let baris = bungkus(nilai, LEBAR_KARAKTER - 36);
                for (i, l) in baris.iter().enumerate() {
                    let isi = if i == 0 {
                        format!(": {l}")
                    } else {
                        format!("  {l}")
                    };
                    tulis(&mut t, KIRI + 62.0, y, UKURAN, false, "start", &isi);
                    y += SPASI;
                }
                if baris.is_empty() {
                    y += SPASI;
                }
            }
            Blok::Jarak => y += SPASI,
        }
    }
    y = y.max(200.0) + 8.0;
    let x_ttd = 125.0;
    for (l, tebal) in [
        (&s.tempat_tanggal, false),
        (&s.jabatan_penandatangan, false),
    ] {
        for w in bungkus(l, 40) {
            tulis(&mut t, x_ttd, y, UKURAN, tebal, "start", &w);
            y += SPASI;
        }
    }
    let kotak = KotakTtd {
        x_mm: 100.0,
        y_mm: y - 2.0,
        lebar_mm: 90.0,
        tinggi_mm: TINGGI_TTD,
    };
    y += TINGGI_TTD + 2.0;
    for w in bungkus(&s.nama_penandatangan, 36) {
        tulis(&mut t, x_ttd, y, UKURAN, true, "start", &w);
        y += SPASI;
    }
    tulis(
        &mut t,
        x_ttd,
        y,
        UKURAN,
        false,
        "start",
        &s.nip_penandatangan,
    );
    let mut y = 297.0 - 12.0 - SPASI * (s.kaki.len() as f32 - 1.0);
    for k in &s.kaki {
        for l in bungkus(k, 110) {
            tulis(&mut t, KIRI, y, 2.9, false, "start", &l);
            y += 4.2;
        }
    }
    (t, kotak)
}

impl Perender {
    /// A letter as a one-page A4 PDF.
    pub fn surat_pdf(&self, s: &IsiSurat) -> Result<Vec<u8>, KartuError> {
        let isi = svg(s)?;
        self.pdf(&[isi.as_str()], 210.0, 297.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words() {
        assert_eq!(
            bungkus("satu dua tiga empat", 9),
            vec!["satu dua", "tiga", "empat"]
        );
        assert!(bungkus("", 9).is_empty());
    }

    #[test]
    fn a_letter_renders_to_a_pdf_with_its_words_escaped() {
        let s = IsiSurat {
            kop: vec![
                "BADAN KEPEGAWAIAN NEGARA".into(),
                "Kantor Regional I".into(),
            ],
            judul: "PERTIMBANGAN TEKNIS".into(),
            nomor: "Nomor: PERTEK-KP/I/2027/000001".into(),
            isi: vec![
                Blok::Paragraf("Berdasarkan usul <Instansi> & data.".into()),
                Blok::Baris("Nama".into(), "Budi".into()),
                Blok::Jarak,
            ],
            tempat_tanggal: "Yogyakarta, 2 Januari 2027".into(),
            jabatan_penandatangan: "Kepala Kantor Regional I".into(),
            nama_penandatangan: "Ani".into(),
            nip_penandatangan: "NIP 198001012005012001".into(),
            kaki: vec!["Dokumen ini dibuat oleh sistem.".into()],
        };
        let svg = svg(&s).unwrap();
        assert!(svg.contains("&#60;Instansi&#62; &#38; data."));
        let pdf = Perender::new().surat_pdf(&s).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
