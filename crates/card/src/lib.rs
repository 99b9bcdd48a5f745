//! Kartu ASN Virtual: the card's SVG templates rendered to PNG and PDF, its QR code, the
//! signed credential inside the QR, photo processing, and the verification captcha.
//!
//! Everything here is pure computation over bytes; storage and HTTP live in `siasn-store` and
//! `siasn-web`.

pub mod captcha;
pub mod foto;
pub mod huruf;
pub mod kartu;
pub mod qr;
pub mod render;
pub mod surat;
pub mod token;

pub use kartu::{DataKartu, Orientasi};
pub use render::Perender;

/// Resolution of downloaded card images (print quality).
pub const DPI_CETAK: f32 = 300.0;

/// Why a card could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum KartuError {
    /// The template failed.
    #[error("templat kartu gagal: {0}")]
    Templat(#[from] askama::Error),
    /// The SVG could not be parsed or rendered.
    #[error("SVG kartu gagal: {0}")]
    Svg(String),
    /// The PDF could not be written.
    #[error("PDF kartu gagal: {0}")]
    Pdf(String),
    /// The QR text does not fit a QR code.
    #[error("kode QR gagal: {0}")]
    Qr(String),
}

/// Both sides of a card as PNG and the PDF.
#[derive(Debug, Clone)]
pub struct BerkasKartu {
    /// Front, PNG.
    pub depan_png: Vec<u8>,
    /// Back, PNG.
    pub belakang_png: Vec<u8>,
    /// ID-1 PDF, front and back pages.
    pub pdf: Vec<u8>,
}

impl Perender {
    /// The front as PNG.
    pub fn depan_png(&self, d: &DataKartu, o: Orientasi, dpi: f32) -> Result<Vec<u8>, KartuError> {
        self.png(&kartu::svg_depan(d, o)?, dpi)
    }

    /// The back as PNG.
    pub fn belakang_png(
        &self,
        d: &DataKartu,
        o: Orientasi,
        dpi: f32,
    ) -> Result<Vec<u8>, KartuError> {
        self.png(&kartu::svg_belakang(d, o)?, dpi)
    }

    /// The printable PDF: ID-1 pages, front then back.
    pub fn kartu_pdf(&self, d: &DataKartu, o: Orientasi) -> Result<Vec<u8>, KartuError> {
        let (w, h) = o.ukuran();
        let depan = kartu::svg_depan(d, o)?;
        let belakang = kartu::svg_belakang(d, o)?;
        self.pdf(&[&depan, &belakang], w, h)
    }

    /// Everything at once.
    pub fn semua(&self, d: &DataKartu, o: Orientasi) -> Result<BerkasKartu, KartuError> {
        Ok(BerkasKartu {
            depan_png: self.depan_png(d, o, DPI_CETAK)?,
            belakang_png: self.belakang_png(d, o, DPI_CETAK)?,
            pdf: self.kartu_pdf(d, o)?,
        })
    }
}
