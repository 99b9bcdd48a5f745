//! Uploaded files: the type is decided by the content (magic bytes), never by the name, and
//! images whose declared size would explode when decoded are refused before anyone decodes them.

/// The file types a proposal accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBerkas {
    /// PDF document.
    Pdf,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
}

impl JenisBerkas {
    /// Media type to store and serve.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    /// File extension for downloads.
    pub fn ekstensi(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Jpeg => "jpg",
            Self::Png => "png",
        }
    }
}

/// Why an upload is refused (`Display`: a stable code; the reason is in `siasn_teks`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BerkasDitolak {
    /// Nothing was sent.
    #[error("berkas.kosong")]
    Kosong,
    /// Over the size limit.
    #[error("berkas.terlalu_besar")]
    TerlaluBesar {
        /// The limit in bytes.
        batas: usize,
    },
    /// Not a PDF, JPEG or PNG by content (whatever its name says).
    #[error("berkas.jenis_tidak_diizinkan")]
    JenisTidakDiizinkan,
    /// An image whose pixel count is beyond any scan (a decompression bomb).
    #[error("berkas.gambar_tidak_wajar")]
    GambarTidakWajar,
    /// A PDF or image cut short or malformed.
    #[error("berkas.rusak")]
    Rusak,
}

/// Most pixels an accepted image may declare: an A3 page at 600 dpi is about 70 million.
pub const PIKSEL_MAKS: u64 = 80_000_000;

/// Decides the type of `isi` from its content and checks size and plausibility.
pub fn periksa_berkas(isi: &[u8], batas: usize) -> Result<JenisBerkas, BerkasDitolak> {
    if isi.is_empty() {
        return Err(BerkasDitolak::Kosong);
    }
    if isi.len() > batas {
        return Err(BerkasDitolak::TerlaluBesar { batas });
    }
    if isi.starts_with(b"%PDF-") {
        // A PDF ends with %%EOF (possibly followed by whitespace); a cut-off upload does not.
        let ekor = &isi[isi.len().saturating_sub(1024)..];
        if !ekor.windows(5).any(|w| w == b"%%EOF") {
            return Err(BerkasDitolak::Rusak);
        }
        return Ok(JenisBerkas::Pdf);
    }
    if isi.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
        let (w, h) = ukuran_png(isi).ok_or(BerkasDitolak::Rusak)?;
        return cek_piksel(w, h).map(|()| JenisBerkas::Png);
    }
    if isi.starts_with(&[0xff, 0xd8, 0xff]) {
        let (w, h) = ukuran_jpeg(isi).ok_or(BerkasDitolak::Rusak)?;
        return cek_piksel(w, h).map(|()| JenisBerkas::Jpeg);
    }
    Err(BerkasDitolak::JenisTidakDiizinkan)
}

fn cek_piksel(w: u32, h: u32) -> Result<(), BerkasDitolak> {
    if w == 0 || h == 0 || u64::from(w) * u64::from(h) > PIKSEL_MAKS {
        Err(BerkasDitolak::GambarTidakWajar)
    } else {
        Ok(())
    }
}

/// Declared width and height of a PNG or JPEG, read from its header without decoding.
pub fn ukuran_gambar(isi: &[u8]) -> Option<(u32, u32)> {
    if isi.starts_with(&[0x89, b'P', b'N', b'G']) {
        ukuran_png(isi)
    } else if isi.starts_with(&[0xff, 0xd8, 0xff]) {
        ukuran_jpeg(isi)
    } else {
        None
    }
}

/// Width and height from the IHDR chunk, which must come first.
fn ukuran_png(isi: &[u8]) -> Option<(u32, u32)> {
    if isi.len() < 24 || &isi[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(isi[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(isi[20..24].try_into().ok()?);
    Some((w, h))
}

/// Width and height from the first start-of-frame marker.
fn ukuran_jpeg(isi: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 4 <= isi.len() {
        if isi[i] != 0xff {
            return None;
        }
        let marker = isi[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        // Markers without a length.
        if marker == 0xd8 || marker == 0x01 || (0xd0..=0xd7).contains(&marker) {
            i += 2;
            continue;
        }
        let panjang = usize::from(u16::from_be_bytes([isi[i + 2], isi[i + 3]]));
        let sof = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if sof {
            if i + 9 > isi.len() {
                return None;
            }
            let h = u16::from_be_bytes([isi[i + 5], isi[i + 6]]);
            let w = u16::from_be_bytes([isi[i + 7], isi[i + 8]]);
            return Some((u32::from(w), u32::from(h)));
        }
        if panjang < 2 {
            return None;
        }
        i += 2 + panjang;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB2: usize = 2 * 1024 * 1024;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut v = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
        v.extend_from_slice(b"IHDR");
        v.extend_from_slice(&w.to_be_bytes());
        v.extend_from_slice(&h.to_be_bytes());
        v.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        v
    }

    fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut v = vec![0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8];
        v.extend_from_slice(&h.to_be_bytes());
        v.extend_from_slice(&w.to_be_bytes());
        v.extend_from_slice(&[1, 1, 0x11, 0]);
        v
    }

    #[test]
    fn type_comes_from_content_not_name() {
        assert_eq!(
            periksa_berkas(b"%PDF-1.4\n1 0 obj\n%%EOF\n", MB2),
            Ok(JenisBerkas::Pdf)
        );
        assert_eq!(periksa_berkas(&png(800, 600), MB2), Ok(JenisBerkas::Png));
        assert_eq!(
            periksa_berkas(&jpeg(1240, 1754), MB2),
            Ok(JenisBerkas::Jpeg)
        );
        // A Windows executable and a zip archive, whatever they are called.
        assert_eq!(
            periksa_berkas(b"MZ\x90\x00\x03\x00\x00\x00", MB2),
            Err(BerkasDitolak::JenisTidakDiizinkan)
        );
        assert_eq!(
            periksa_berkas(b"PK\x03\x04\x14\x00\x00\x00", MB2),
            Err(BerkasDitolak::JenisTidakDiizinkan)
        );
        assert_eq!(periksa_berkas(b"", MB2), Err(BerkasDitolak::Kosong));
    }

    #[test]
    fn size_limit_and_truncation() {
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(MB2 + 1, b' ');
        assert_eq!(
            periksa_berkas(&big, MB2),
            Err(BerkasDitolak::TerlaluBesar { batas: MB2 })
        );
        assert_eq!(
            periksa_berkas(b"%PDF-1.7\n1 0 obj <<", MB2),
            Err(BerkasDitolak::Rusak)
        );
        assert_eq!(
            periksa_berkas(&png(1, 1)[..20], MB2),
            Err(BerkasDitolak::Rusak)
        );
    }

    #[test]
    fn decompression_bombs_are_refused_before_decoding() {
        assert_eq!(
            periksa_berkas(&png(100_000, 100_000), MB2),
            Err(BerkasDitolak::GambarTidakWajar)
        );
        assert_eq!(
            periksa_berkas(&jpeg(65_000, 65_000), MB2),
            Err(BerkasDitolak::GambarTidakWajar)
        );
        assert_eq!(
            periksa_berkas(&png(0, 10), MB2),
            Err(BerkasDitolak::GambarTidakWajar)
        );
        assert_eq!(
            periksa_berkas(&[0xff, 0xd8, 0xff, 0xd9], MB2),
            Err(BerkasDitolak::Rusak)
        );
    }
}
