//! SVG to PNG (resvg) and to a two-page ID-1 PDF (svg2pdf), with the embedded fonts only:
//! the output never depends on the fonts of the machine.

use std::sync::Arc;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use resvg::{tiny_skia, usvg};

use crate::KartuError;
use crate::huruf;

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Parses and renders card SVGs; holds the font database (build once, share).
#[derive(Clone)]
pub struct Perender {
    opsi: Arc<usvg::Options<'static>>,
}

impl std::fmt::Debug for Perender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Perender")
    }
}

impl Default for Perender {
    fn default() -> Self {
        Self::new()
    }
}

impl Perender {
    /// A renderer with the card fonts.
    pub fn new() -> Self {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(huruf::HURUF_BIASA.to_vec());
        db.load_font_data(huruf::HURUF_TEBAL.to_vec());
        db.set_sans_serif_family(huruf::KELUARGA);
        let opsi = usvg::Options {
            font_family: huruf::KELUARGA.to_string(),
            fontdb: Arc::new(db),
            // Card SVGs are ours; no file or network references are ever followed.
            resources_dir: None,
            ..usvg::Options::default()
        };
        Self {
            opsi: Arc::new(opsi),
        }
    }

    /// Parses an SVG (text is shaped with the card fonts).
    pub fn pohon(&self, svg: &str) -> Result<usvg::Tree, KartuError> {
        usvg::Tree::from_str(svg, &self.opsi).map_err(|e| KartuError::Svg(e.to_string()))
    }

    /// Renders an SVG to PNG at `dpi`.
    pub fn png(&self, svg: &str, dpi: f32) -> Result<Vec<u8>, KartuError> {
        let pohon = self.pohon(svg)?;
        // usvg sizes are CSS pixels (96 per inch).
        let skala = dpi / 96.0;
        let ukuran = pohon.size();
        let w = (ukuran.width() * skala).round() as u32;
        let h = (ukuran.height() * skala).round() as u32;
        let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1))
            .ok_or_else(|| KartuError::Svg("ukuran gambar tidak sah".into()))?;
        resvg::render(
            &pohon,
            tiny_skia::Transform::from_scale(skala, skala),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| KartuError::Svg(e.to_string()))
    }

    /// A PDF with one page per SVG, each page `lebar_mm` × `tinggi_mm`.
    pub fn pdf(
        &self,
        halaman: &[&str],
        lebar_mm: f32,
        tinggi_mm: f32,
    ) -> Result<Vec<u8>, KartuError> {
        let mut nomor = Ref::new(1);
        let mut baru = || nomor.bump();
        let katalog = baru();
        let pohon_halaman = baru();
        let mut pdf = Pdf::new();
        let (w, h) = (lebar_mm * PT_PER_MM, tinggi_mm * PT_PER_MM);
        let mut anak = Vec::new();
        let mut potongan = Vec::new();
        for (i, svg) in halaman.iter().enumerate() {
            let pohon = self.pohon(svg)?;
            let (chunk, id_svg) = svg2pdf::to_chunk(&pohon, svg2pdf::ConversionOptions::default())
                .map_err(|e| KartuError::Pdf(e.to_string()))?;
            let mut peta = std::collections::HashMap::new();
            let chunk = chunk.renumber(|lama| *peta.entry(lama).or_insert_with(&mut baru));
            let id_svg = *peta
                .get(&id_svg)
                .ok_or_else(|| KartuError::Pdf("objek SVG hilang".into()))?;
            let id_halaman = baru();
            let id_isi = baru();
            let nama = format!("S{i}");
            let mut isi = Content::new();
            // The SVG XObject is a unit square; stretch it over the page.
            isi.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
            isi.x_object(Name(nama.as_bytes()));
            potongan.push((id_halaman, id_isi, id_svg, nama, isi.finish(), chunk));
            anak.push(id_halaman);
        }
        pdf.catalog(katalog).pages(pohon_halaman);
        pdf.pages(pohon_halaman)
            .kids(anak.iter().copied())
            .count(i32::try_from(anak.len()).unwrap_or(i32::MAX));
        for (id_halaman, id_isi, id_svg, nama, isi, chunk) in &potongan {
            let mut page = pdf.page(*id_halaman);
            page.media_box(Rect::new(0.0, 0.0, w, h));
            page.parent(pohon_halaman);
            page.contents(*id_isi);
            page.resources()
                .x_objects()
                .pair(Name(nama.as_bytes()), *id_svg);
            page.finish();
            pdf.stream(*id_isi, isi);
            pdf.extend(chunk);
        }
        Ok(pdf.finish())
    }
}
