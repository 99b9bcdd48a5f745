//! Renders one card (front and back PNG at 300 dpi, and the two-page PDF) in both
//! orientations, prints the time each takes, and writes the files to a folder to look at.
//!
//! `cargo run --release -p siasn-card --example kartu_bench -- [out-dir] [short|long]`

use std::time::Instant;

use siasn_card::token::{Klaim, KunciPenanda};
use siasn_card::{DPI_CETAK, DataKartu, Orientasi, Perender};

fn foto() -> Vec<u8> {
    use image::{DynamicImage, ImageFormat, RgbaImage};
    let img = RgbaImage::from_fn(450, 600, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let kepala = ((fx - 225.0) / 95.0).powi(2) + ((fy - 220.0) / 120.0).powi(2) < 1.0;
        let badan = ((fx - 225.0) / 200.0).powi(2) + ((fy - 600.0) / 190.0).powi(2) < 1.0;
        if kepala {
            image::Rgba([196, 140, 105, 255])
        } else if badan {
            image::Rgba([30, 40, 70, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Vec::new();
    let _ = DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png);
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/kartu".into()));
    let panjang = args.next().as_deref() == Some("long");
    std::fs::create_dir_all(&out)?;
    let (kunci, _) = KunciPenanda::baru("bench")?;
    let nama = if panjang {
        "Prof. Dr. dr. Raden Ajeng Siti Nurhaliza Kusumawardhani Purbaningrum Hadiningrat, S.H., M.Kn., M.Sc., Ph.D., Sp.PD-KGEH, FINASIM"
    } else {
        "Budi Santoso, S.E."
    };
    let klaim = Klaim {
        kid: String::new(),
        serial: [0x45, 0x1f, 0x9a, 0, 3, 77, 200, 13, 8, 1],
        diterbitkan: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?,
        kedaluwarsa: chrono::NaiveDate::from_ymd_opt(2031, 11, 20).ok_or("date")?,
        instansi: "A5EB03E23CCCF6A0E040640A040252AD".into(),
        nama: nama.into(),
    };
    let qr = kunci.tandatangani("https://siasn.contoh.go.id", &klaim)?;
    let data = DataKartu {
        penerbit: if panjang {
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Provinsi Jawa Barat"
                .into()
        } else {
            "Pemerintah Kota Bandung".into()
        },
        nama: nama.into(),
        label_nomor: "NIP".into(),
        nomor: "19730523 199806 1 001".into(),
        jabatan: if panjang {
            "Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama pada Subbidang Pengelolaan Data dan Informasi Kepegawaian".into()
        } else {
            "Analis SDM Aparatur Ahli Muda".into()
        },
        unit: if panjang {
            "Subbagian Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah".into()
        } else {
            "Bidang Mutasi dan Promosi".into()
        },
        instansi: if panjang {
            "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta dan Kepulauan Seribu Administrasi"
                .into()
        } else {
            "Pemerintah Kota Bandung".into()
        },
        jenis: "PNS".into(),
        serial: klaim.serial_cetak(),
        diterbitkan: "21 November 2026".into(),
        berlaku_sampai: "20 November 2031".into(),
        foto_png: Some(foto()),
        teks_qr: Some(qr),
    };
    let p = Perender::new();
    // Warm up (font database, first allocation).
    p.depan_png(&data, Orientasi::Lanskap, DPI_CETAK)?;
    let ulang = 20;
    for o in [Orientasi::Lanskap, Orientasi::Potret] {
        let mut waktu = [0.0_f64; 3];
        let mut berkas = None;
        for _ in 0..ulang {
            let t = Instant::now();
            let depan = p.depan_png(&data, o, DPI_CETAK)?;
            waktu[0] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let belakang = p.belakang_png(&data, o, DPI_CETAK)?;
            waktu[1] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let pdf = p.kartu_pdf(&data, o)?;
            waktu[2] += t.elapsed().as_secs_f64();
            berkas = Some((depan, belakang, pdf));
        }
        let n = f64::from(ulang);
        println!(
            "{:8} front PNG {:6.1} ms  back PNG {:6.1} ms  front+back {:6.1} ms  PDF {:6.1} ms",
            o.kode(),
            waktu[0] / n * 1000.0,
            waktu[1] / n * 1000.0,
            (waktu[0] + waktu[1]) / n * 1000.0,
            waktu[2] / n * 1000.0
        );
        if let Some((depan, belakang, pdf)) = berkas {
            std::fs::write(out.join(format!("{}-depan.png", o.kode())), depan)?;
            std::fs::write(out.join(format!("{}-belakang.png", o.kode())), belakang)?;
            std::fs::write(out.join(format!("{}.pdf", o.kode())), pdf)?;
        }
    }
    println!("files in {}", out.display());
    Ok(())
}
