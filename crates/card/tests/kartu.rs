//! Rendered cards: the QR decodes from the PNG, text stays inside its area in both
//! orientations for short and very long data, and the PDF has two ID-1 pages.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, RgbaImage};
use resvg::usvg;
use siasn_card::kartu::{self, Orientasi, area};
use siasn_card::{DataKartu, Perender};

fn foto() -> Vec<u8> {
    let img = RgbaImage::from_fn(300, 400, |x, y| {
        let dx = (x as f32 - 150.0) / 90.0;
        let dy = (y as f32 - 220.0) / 160.0;
        if dx * dx + dy * dy < 1.0 {
            image::Rgba([150, 90, 60, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgba8(img)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

const QR: &str = "https://siasn.contoh.go.id/k/AQJrMQcBAgMEBQYICfoAAE6AAABVCiBBNUVCMDNFMjNDQ0NGNkEwRTA0MDY0MEEwNDAyNTJBRAAdRHIuIFNpdGkgQW1pbmFoLCBTLktvbS4sIE0uVC4xrb3nYH8VvQ9xqJqCfZCg0XxlV3b5W3rS9q2jQ8v0Ow6Vh4mKq1bq0mJcQpq1zZQ";

fn pendek() -> DataKartu {
    DataKartu {
        penerbit: "Pemerintah Kota Bandung".into(),
        nama: "Budi".into(),
        label_nomor: "NIP".into(),
        nomor: "19730523 199806 1 001".into(),
        jabatan: "Analis SDM Aparatur".into(),
        unit: "Bidang Mutasi".into(),
        instansi: "Pemerintah Kota Bandung".into(),
        jenis: "PNS".into(),
        serial: "8F3K-2M9Q-7XT4-1ZBD".into(),
        diterbitkan: "21 November 2026".into(),
        berlaku_sampai: "20 November 2031".into(),
        foto_png: Some(foto()),
        teks_qr: Some(QR.into()),
    }
}

fn panjang() -> DataKartu {
    DataKartu {
        penerbit: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Provinsi Jawa Barat".into(),
        nama: "Prof. Dr. dr. Raden Ajeng Siti Nurhaliza Kusumawardhani Purbaningrum Hadiningrat, S.H., M.Kn., M.Sc., Ph.D., Sp.PD-KGEH, FINASIM".into(),
        label_nomor: "NI PPPK".into(),
        nomor: "19900101 2024 01 2 001".into(),
        jabatan: "Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama pada Subbidang Pengelolaan Data dan Informasi Kepegawaian".into(),
        unit: "Subbagian Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah".into(),
        instansi: "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta dan Kepulauan Seribu Administrasi".into(),
        jenis: "PPPK".into(),
        serial: "ZZZZ-ZZZZ-ZZZZ-ZZZZ".into(),
        diterbitkan: "30 September 2026".into(),
        berlaku_sampai: "29 September 2031".into(),
        foto_png: Some(foto()),
        teks_qr: Some(format!("{QR}{}", "x".repeat(120))),
    }
}

fn teks_node(g: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
    for n in g.children() {
        match n {
            usvg::Node::Group(g) => teks_node(g, out),
            usvg::Node::Text(t) => out.push((t.id().to_string(), t.abs_bounding_box())),
            _ => {}
        }
    }
}

#[test]
fn text_stays_inside_its_area_for_short_and_long_data_in_both_orientations() {
    let p = Perender::new();
    for data in [pendek(), panjang()] {
        for o in [Orientasi::Lanskap, Orientasi::Potret] {
            for belakang in [false, true] {
                let svg = if belakang {
                    kartu::svg_belakang(&data, o).unwrap()
                } else {
                    kartu::svg_depan(&data, o).unwrap()
                };
                let pohon = p.pohon(&svg).unwrap();
                let skala = pohon.size().width() / o.ukuran().0;
                let mut teks = Vec::new();
                teks_node(pohon.root(), &mut teks);
                assert!(teks.len() >= 4, "{o:?} {belakang}: {}", teks.len());
                let areas = area(o, belakang);
                for (id, kotak) in &teks {
                    if !id.starts_with("t-") {
                        continue;
                    }
                    let nama = id.split('-').nth(1).unwrap();
                    let a = areas.iter().find(|a| a.nama == nama).unwrap();
                    let (x, y, w, h) = a.kotak;
                    let toleransi = 0.35;
                    let (l, t, r, b) = (
                        kotak.left() / skala,
                        kotak.top() / skala,
                        kotak.right() / skala,
                        kotak.bottom() / skala,
                    );
                    assert!(
                        l >= x - toleransi && r <= x + w + toleransi,
                        "{o:?} back={belakang} {id} x {l}..{r} outside {x}..{}",
                        x + w
                    );
                    assert!(
                        t >= y - toleransi && b <= y + h + toleransi,
                        "{o:?} back={belakang} {id} y {t}..{b} outside {y}..{}",
                        y + h
                    );
                }
            }
        }
    }
}

fn dekode_qr(png: &[u8]) -> String {
    let img = image::load_from_memory(png).unwrap();
    // Transparent corners count as white.
    let rgba = img.to_rgba8();
    let (w, h) = rgba.dimensions();
    let mut siap = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
        let p = rgba.get_pixel(x as u32, y as u32).0;
        if p[3] < 128 {
            255
        } else {
            ((u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3) as u8
        }
    });
    let grids = siap.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the back");
    grids[0].decode().unwrap().1
}

#[test]
fn the_qr_decodes_from_the_rendered_back_in_both_orientations() {
    let p = Perender::new();
    for data in [pendek(), panjang()] {
        for o in [Orientasi::Lanskap, Orientasi::Potret] {
            let png = p.belakang_png(&data, o, siasn_card::DPI_CETAK).unwrap();
            assert_eq!(dekode_qr(&png), data.teks_qr.clone().unwrap(), "{o:?}");
        }
    }
}

#[test]
fn pngs_have_id1_proportions_at_300_dpi() {
    let p = Perender::new();
    let png = p.depan_png(&pendek(), Orientasi::Lanskap, 300.0).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1011, 638));
    let png = p.depan_png(&pendek(), Orientasi::Potret, 300.0).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (638, 1011));
}

#[test]
fn the_pdf_has_two_id1_pages() {
    let p = Perender::new();
    let pdf = p.kartu_pdf(&panjang(), Orientasi::Lanskap).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let teks = String::from_utf8_lossy(&pdf);
    assert!(teks.contains("/Count 2"), "two pages");
    // 85.6 mm = 242.65 pt, 53.98 mm = 153.01 pt.
    assert!(
        teks.contains("242.6") && teks.contains("153.0"),
        "ID-1 media box"
    );
}

#[test]
fn markup_in_data_is_escaped() {
    let mut d = pendek();
    d.nama = "Budi <script>&amp;\"".into();
    let svg = kartu::svg_depan(&d, Orientasi::Lanskap).unwrap();
    assert!(!svg.contains("<script>"));
    Perender::new().pohon(&svg).unwrap();
}

/// The PDF converted to PNG by poppler's pdftoppm: two pages, and the back's QR decodes.
/// Skipped where pdftoppm is not installed, except in CI (`.ci/run` installs it).
#[test]
fn the_pdf_rendered_by_pdftoppm_carries_a_readable_qr() {
    let ada = std::process::Command::new("pdftoppm")
        .arg("-v")
        .output()
        .is_ok();
    if !ada {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftoppm is required in CI"
        );
        eprintln!("pdftoppm not installed: skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("siasn-kartu-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("kartu.pdf");
    let data = pendek();
    std::fs::write(
        &pdf,
        Perender::new().kartu_pdf(&data, Orientasi::Potret).unwrap(),
    )
    .unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-png"])
        .arg(&pdf)
        .arg(dir.join("hal"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut halaman: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    halaman.sort();
    assert_eq!(halaman.len(), 2, "front and back pages");
    let belakang = std::fs::read(&halaman[1]).unwrap();
    assert_eq!(dekode_qr(&belakang), data.teks_qr.unwrap());
    let depan = image::load_from_memory(&std::fs::read(&halaman[0]).unwrap()).unwrap();
    // 53.98 × 85.6 mm at 300 dpi.
    assert!(depan.width().abs_diff(638) <= 1 && depan.height().abs_diff(1011) <= 1);
    let _ = std::fs::remove_dir_all(&dir);
}
