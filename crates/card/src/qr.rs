//! The QR code as an SVG path, in module units with a four-module quiet zone.

use qrcode::{Color, EcLevel, QrCode};

use crate::KartuError;

/// Modules of quiet zone on each side (the QR specification asks for four).
pub const ZONA_SENYAP: usize = 4;

/// The dark modules of `teks` as one SVG path (runs along each row), and the side length in
/// modules including the quiet zone. Error correction M: a worn print still scans.
pub fn jalur(teks: &str) -> Result<(String, usize), KartuError> {
    let kode = QrCode::with_error_correction_level(teks.as_bytes(), EcLevel::M)
        .map_err(|e| KartuError::Qr(e.to_string()))?;
    let lebar = kode.width();
    let warna = kode.to_colors();
    let mut d = String::new();
    for y in 0..lebar {
        let mut x = 0;
        while x < lebar {
            if warna.get(y * lebar + x) == Some(&Color::Dark) {
                let awal = x;
                while x < lebar && warna.get(y * lebar + x) == Some(&Color::Dark) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    awal + ZONA_SENYAP,
                    y + ZONA_SENYAP,
                    x - awal,
                    x - awal
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok((d, lebar + 2 * ZONA_SENYAP))
}
