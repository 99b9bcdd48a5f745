//! Card photos: checked against the policy, decoded with limits, cropped to 3:4, scaled, and
//! re-encoded as a fresh PNG, so no metadata (EXIF, comments) or trailing payload survives.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbaImage};
use siasn_domain::kartu::{FotoDitolak, KebijakanFoto, periksa_foto_awal, potong_3_4};
use siasn_domain::usulan::berkas::JenisBerkas;

/// Width of the stored photo (height is 4/3 of it); enough for 300 dpi on the card.
pub const LEBAR_SIMPAN: u32 = 450;

/// A processed photo.
#[derive(Debug, Clone)]
pub struct FotoBersih {
    /// PNG bytes (RGBA, 3:4).
    pub png: Vec<u8>,
    /// Width.
    pub lebar: u32,
    /// Height.
    pub tinggi: u32,
}

/// Checks and re-encodes an uploaded photo.
pub fn proses(isi: &[u8], k: &KebijakanFoto) -> Result<FotoBersih, FotoDitolak> {
    let (jenis, lebar, tinggi) = periksa_foto_awal(isi, k)?;
    let format = match jenis {
        JenisBerkas::Png => ImageFormat::Png,
        _ => ImageFormat::Jpeg,
    };
    let mut reader = ImageReader::with_format(Cursor::new(isi), format);
    let mut batas = Limits::default();
    // The header was checked; these limits also hold if a later chunk lies about it.
    batas.max_image_width = Some(lebar);
    batas.max_image_height = Some(tinggi);
    batas.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(batas);
    let gambar = reader.decode().map_err(|_| FotoDitolak::Rusak)?;
    let rgba: RgbaImage = gambar.to_rgba8();
    if k.wajib_transparan {
        let total = u64::from(rgba.width()) * u64::from(rgba.height());
        let bening = rgba.pixels().filter(|p| p.0[3] < 16).count() as u64;
        if bening * 1000 < total * u64::from(k.transparan_min_permil) {
            return Err(FotoDitolak::TidakTransparan);
        }
    }
    let (x, y, w, h) = potong_3_4(rgba.width(), rgba.height());
    let potong = image::imageops::crop_imm(&rgba, x, y, w, h).to_image();
    let hasil = if w > LEBAR_SIMPAN {
        image::imageops::resize(
            &potong,
            LEBAR_SIMPAN,
            LEBAR_SIMPAN * 4 / 3,
            image::imageops::FilterType::CatmullRom,
        )
    } else {
        potong
    };
    let (lebar, tinggi) = hasil.dimensions();
    let mut png = Vec::new();
    DynamicImage::ImageRgba8(hasil)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| FotoDitolak::Rusak)?;
    Ok(FotoBersih { png, lebar, tinggi })
}

/// A smaller copy for web pages (the public verification page, the home header).
pub fn kecil(png: &[u8], lebar: u32) -> Option<Vec<u8>> {
    let g = image::load_from_memory_with_format(png, ImageFormat::Png).ok()?;
    let g = g.resize(lebar, lebar * 4 / 3, image::imageops::FilterType::Triangle);
    let mut out = Vec::new();
    g.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .ok()?;
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A portrait-ish test photo: an opaque ellipse ("the person") on a transparent or white
    /// background.
    pub fn foto_uji(lebar: u32, tinggi: u32, transparan: bool) -> Vec<u8> {
        let img = RgbaImage::from_fn(lebar, tinggi, |x, y| {
            let dx = (x as f32 - lebar as f32 / 2.0) / (lebar as f32 * 0.3);
            let dy = (y as f32 - tinggi as f32 * 0.55) / (tinggi as f32 * 0.4);
            if dx * dx + dy * dy < 1.0 {
                image::Rgba([150, 90, 60, 255])
            } else if transparan {
                image::Rgba([0, 0, 0, 0])
            } else {
                image::Rgba([255, 255, 255, 255])
            }
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_good_photo_is_cropped_scaled_and_reencoded() {
        let mut isi = foto_uji(900, 1000, true);
        // Something hidden after the image end: it must not survive.
        isi.extend_from_slice(b"RAHASIA-PAYLOAD");
        let f = proses(&isi, &KebijakanFoto::default()).unwrap();
        assert_eq!((f.lebar, f.tinggi), (LEBAR_SIMPAN, 600));
        assert!(!f.png.windows(7).any(|w| w == b"RAHASIA"));
        let back = image::load_from_memory(&f.png).unwrap();
        assert_eq!(back.width() * 4, back.height() * 3);
        // Transparency kept.
        assert!(back.to_rgba8().pixels().any(|p| p.0[3] == 0));
    }

    #[test]
    fn an_opaque_background_is_refused_when_the_policy_asks() {
        let isi = foto_uji(600, 800, false);
        assert_eq!(
            proses(&isi, &KebijakanFoto::default()).unwrap_err(),
            FotoDitolak::TidakTransparan
        );
        let longgar = KebijakanFoto {
            wajib_transparan: false,
            ..KebijakanFoto::default()
        };
        assert!(proses(&isi, &longgar).is_ok());
    }

    #[test]
    fn a_jpeg_is_refused_for_transparency_and_metadata_is_dropped() {
        let img =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(600, 800, image::Rgb([9, 9, 9])));
        let mut jpeg = Vec::new();
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        assert_eq!(
            proses(&jpeg, &KebijakanFoto::default()).unwrap_err(),
            FotoDitolak::TidakTransparan
        );
        // An EXIF segment (APP1) right after SOI is gone after re-encoding.
        let mut exif = jpeg[..2].to_vec();
        let muatan = b"Exif\0\0GPS-LAT-6.9175";
        exif.extend_from_slice(&[0xff, 0xe1]);
        exif.extend_from_slice(&u16::try_from(muatan.len() + 2).unwrap().to_be_bytes());
        exif.extend_from_slice(muatan);
        exif.extend_from_slice(&jpeg[2..]);
        let longgar = KebijakanFoto {
            wajib_transparan: false,
            ..KebijakanFoto::default()
        };
        let f = proses(&exif, &longgar).unwrap();
        assert!(!f.png.windows(7).any(|w| w == b"GPS-LAT"));
        assert!(f.png.starts_with(&[0x89, b'P', b'N', b'G']));
    }

    #[test]
    fn a_truncated_png_is_damaged() {
        let isi = foto_uji(600, 800, true);
        assert_eq!(
            proses(&isi[..isi.len() / 2], &KebijakanFoto::default()).unwrap_err(),
            FotoDitolak::Rusak
        );
    }
}
