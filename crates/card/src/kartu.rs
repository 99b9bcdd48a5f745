//! The card's two sides as SVG, laid out for landscape or portrait ID-1 (85.6 × 53.98 mm).
//!
//! Coordinates are millimetres. Every text line is measured before it is placed (see
//! [`crate::huruf`]): long names and unit names wrap and shrink inside their area.

use askama::Template;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::KartuError;
use crate::huruf::{self, Blok, BlokPas};

/// ID-1 long side, mm.
pub const PANJANG_MM: f32 = 85.6;
/// ID-1 short side, mm.
pub const LEBAR_MM: f32 = 53.98;

/// Which way the card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientasi {
    /// Wide (the usual ID card).
    #[default]
    Lanskap,
    /// Tall (lanyard style).
    Potret,
}

impl Orientasi {
    /// From a query value (`potret` / `lanskap`); anything else is landscape.
    pub fn from_kode(s: &str) -> Self {
        if s.eq_ignore_ascii_case("potret") || s.eq_ignore_ascii_case("portrait") {
            Self::Potret
        } else {
            Self::Lanskap
        }
    }

    /// Query value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Lanskap => "lanskap",
            Self::Potret => "potret",
        }
    }

    /// Width and height in mm.
    pub fn ukuran(self) -> (f32, f32) {
        match self {
            Self::Lanskap => (PANJANG_MM, LEBAR_MM),
            Self::Potret => (LEBAR_MM, PANJANG_MM),
        }
    }
}

/// What the card shows.
#[derive(Debug, Clone)]
pub struct DataKartu {
    /// Issuer line under the title (the instance's name).
    pub penerbit: String,
    /// Name with academic titles.
    pub nama: String,
    /// "NIP" or "NI PPPK".
    pub label_nomor: String,
    /// The number in its printed groups.
    pub nomor: String,
    /// Position.
    pub jabatan: String,
    /// Work unit.
    pub unit: String,
    /// Agency.
    pub instansi: String,
    /// "PNS" or "PPPK".
    pub jenis: String,
    /// Printed serial, or a preview mark.
    pub serial: String,
    /// Issue date as printed.
    pub diterbitkan: String,
    /// Last valid day as printed.
    pub berlaku_sampai: String,
    /// The photo (PNG, 3:4), already re-encoded.
    pub foto_png: Option<Vec<u8>>,
    /// The QR text (back side).
    pub teks_qr: Option<String>,
}

/// The terms printed on the back.
pub const KETENTUAN: &str = "Kartu ASN Virtual adalah tanda pengenal Aparatur Sipil Negara dan \
    berlaku selama pemegangnya berstatus PNS atau PPPK. Kartu ini tidak dapat dipindahtangankan. \
    Keabsahan kartu diperiksa dengan memindai kode QR: data yang tampil harus sama dengan kartu \
    ini. Kartu yang diganti dengan kartu baru tidak berlaku lagi.";

/// A text line placed on the card.
#[derive(Debug, Clone)]
pub struct Teks {
    /// `t-<area>-<n>` (tests find the area of each line by it).
    pub id: String,
    /// Anchor x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// Font size.
    pub ukuran: f32,
    /// Bold.
    pub tebal: bool,
    /// start / middle / end.
    pub jangkar: &'static str,
    /// Fill colour.
    pub warna: &'static str,
    /// The text.
    pub isi: String,
}

/// A rectangle: x, y, width, height.
pub type Kotak = (f32, f32, f32, f32);

/// A named area where text may go (used by the layout and by the overflow tests).
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// Name (the middle part of the text ids).
    pub nama: &'static str,
    /// Its rectangle.
    pub kotak: Kotak,
    /// Centred text.
    pub tengah: bool,
}

/// Places fitted blocks from the top of `area`, `jarak` apart.
fn tempatkan(
    area: &Area,
    blok: &[BlokPas],
    jarak: f32,
    warna: &[&'static str],
    out: &mut Vec<Teks>,
) {
    let (x, mut y, w, _) = area.kotak;
    let mut n = 0;
    for (i, b) in blok.iter().enumerate() {
        for baris in &b.baris {
            out.push(Teks {
                id: format!("t-{}-{n}", area.nama),
                x: if area.tengah { x + w / 2.0 } else { x },
                // Baseline: DejaVu's ascender is 0.93 em; the line box is 1.2 em.
                y: y + b.ukuran * 0.98,
                ukuran: b.ukuran,
                tebal: b.tebal,
                jangkar: if area.tengah { "middle" } else { "start" },
                warna: warna.get(i).copied().unwrap_or("#1b2733"),
                isi: baris.clone(),
            });
            n += 1;
            y += b.ukuran * huruf::JARAK_BARIS;
        }
        y += jarak;
    }
}

fn blok(teks: &str, ukuran: f32, ukuran_min: f32, baris_maks: usize, tebal: bool) -> Blok {
    Blok {
        teks: teks.to_string(),
        ukuran,
        ukuran_min,
        baris_maks,
        tebal,
        kelompok: None,
    }
}

/// Fits and places `bloks` in `area`.
fn isi_area(area: &Area, bloks: &[Blok], jarak: f32, warna: &[&'static str], out: &mut Vec<Teks>) {
    let (_, _, w, h) = area.kotak;
    let pas = huruf::pas(bloks, w, h, jarak);
    tempatkan(area, &pas, jarak, warna, out);
}

/// Layout of the front for one orientation.
struct TataDepan {
    pita: f32,
    kaki: f32,
    bingkai: Kotak,
    lencana: Kotak,
    judul: Area,
    identitas: Area,
    kaki_kiri: Area,
    kaki_kanan: Option<Area>,
}

fn tata_depan(o: Orientasi) -> TataDepan {
    match o {
        Orientasi::Lanskap => TataDepan {
            pita: 11.0,
            kaki: 47.5,
            bingkai: (4.0, 14.0, 22.5, 30.0),
            lencana: (PANJANG_MM - 18.0, 2.6, 14.0, 5.8),
            judul: Area {
                nama: "judul",
                kotak: (4.0, 1.4, 60.0, 9.0),
                tengah: false,
            },
            identitas: Area {
                nama: "identitas",
                kotak: (30.0, 13.5, 51.6, 32.5),
                tengah: false,
            },
            kaki_kiri: Area {
                nama: "kaki",
                kotak: (4.0, 48.6, 45.0, 5.0),
                tengah: false,
            },
            kaki_kanan: Some(Area {
                nama: "berlaku",
                kotak: (51.0, 48.6, 30.6, 5.0),
                tengah: false,
            }),
        },
        Orientasi::Potret => TataDepan {
            pita: 13.0,
            kaki: 78.0,
            bingkai: ((LEBAR_MM - 24.0) / 2.0, 16.5, 24.0, 32.0),
            lencana: (40.2, 16.5, 10.3, 5.0),
            judul: Area {
                nama: "judul",
                kotak: (3.0, 1.6, LEBAR_MM - 6.0, 11.0),
                tengah: true,
            },
            identitas: Area {
                nama: "identitas",
                kotak: (3.5, 50.5, LEBAR_MM - 7.0, 27.0),
                tengah: true,
            },
            kaki_kiri: Area {
                nama: "kaki",
                kotak: (3.0, 79.0, LEBAR_MM - 6.0, 6.0),
                tengah: true,
            },
            kaki_kanan: None,
        },
    }
}

#[derive(Template)]
#[template(path = "depan.svg")]
struct DepanSvg<'a> {
    w: f32,
    h: f32,
    pita: f32,
    kaki: f32,
    bingkai: Kotak,
    lencana: Kotak,
    jenis: &'a str,
    foto: Option<String>,
    teks: Vec<Teks>,
}

#[derive(Template)]
#[template(path = "belakang.svg")]
struct BelakangSvg {
    w: f32,
    h: f32,
    pita: f32,
    kaki: f32,
    qr: (f32, f32, f32),
    modul: String,
    teks: Vec<Teks>,
}

const PUTIH: &str = "#ffffff";
const GELAP: &str = "#1b2733";
const BIRU: &str = "#0b4f8a";
const ABU: &str = "#3d4b59";

/// The text areas of a side (for tests and for anyone checking a layout).
pub fn area(o: Orientasi, belakang: bool) -> Vec<Area> {
    if belakang {
        let t = tata_belakang(o);
        vec![t.judul, t.ketentuan, t.kaki_area]
    } else {
        let t = tata_depan(o);
        let mut v = vec![t.judul, t.identitas, t.kaki_kiri];
        v.extend(t.kaki_kanan);
        v
    }
}

/// The front as SVG.
pub fn svg_depan(d: &DataKartu, o: Orientasi) -> Result<String, KartuError> {
    let (w, h) = o.ukuran();
    let t = tata_depan(o);
    let mut teks = Vec::new();
    isi_area(
        &t.judul,
        &[
            blok("KARTU ASN VIRTUAL", 3.6, 3.0, 1, true),
            blok(&d.penerbit, 2.1, 1.5, 2, false),
        ],
        0.4,
        &[PUTIH, PUTIH],
        &mut teks,
    );
    isi_area(
        &t.identitas,
        &[
            blok(&d.nama, 3.7, 1.9, 4, true),
            blok(&format!("{} {}", d.label_nomor, d.nomor), 2.9, 2.0, 1, true),
            blok(&d.jabatan, 2.5, 1.5, 3, false),
            blok(&d.unit, 2.3, 1.5, 3, false).sekelompok(1),
            blok(&d.instansi, 2.3, 1.5, 2, false).sekelompok(1),
        ],
        0.9,
        &[GELAP, BIRU, GELAP, ABU, ABU],
        &mut teks,
    );
    let serial = format!("No. {}", d.serial);
    let berlaku = format!("Berlaku s.d. {}", d.berlaku_sampai);
    match &t.kaki_kanan {
        Some(kanan) => {
            isi_area(
                &t.kaki_kiri,
                &[blok(&serial, 2.1, 1.6, 1, true)],
                0.0,
                &[BIRU],
                &mut teks,
            );
            isi_area(
                kanan,
                &[blok(&berlaku, 2.1, 1.6, 1, false)],
                0.0,
                &[ABU],
                &mut teks,
            );
            // The validity line reads from the right edge.
            let ujung = kanan.kotak.0 + kanan.kotak.2;
            for l in teks.iter_mut().filter(|l| l.id.starts_with("t-berlaku-")) {
                l.x = ujung;
                l.jangkar = "end";
            }
        }
        None => isi_area(
            &t.kaki_kiri,
            &[
                blok(&serial, 2.1, 1.6, 1, true),
                blok(&berlaku, 1.9, 1.5, 1, false),
            ],
            0.2,
            &[BIRU, ABU],
            &mut teks,
        ),
    }
    let svg = DepanSvg {
        w,
        h,
        pita: t.pita,
        kaki: t.kaki,
        bingkai: t.bingkai,
        lencana: t.lencana,
        jenis: &d.jenis,
        foto: d.foto_png.as_ref().map(|f| STANDARD.encode(f)),
        teks,
    };
    Ok(svg.render()?)
}

struct TataBelakang {
    pita: f32,
    kaki: f32,
    /// x, y, side of the QR (quiet zone included).
    qr: (f32, f32, f32),
    judul: Area,
    ketentuan: Area,
    kaki_area: Area,
}

fn tata_belakang(o: Orientasi) -> TataBelakang {
    match o {
        Orientasi::Lanskap => TataBelakang {
            pita: 7.5,
            kaki: 47.5,
            qr: (2.5, 9.0, 38.0),
            judul: Area {
                nama: "judul",
                kotak: (4.0, 1.3, 77.6, 5.5),
                tengah: false,
            },
            ketentuan: Area {
                nama: "ketentuan",
                kotak: (42.5, 10.0, 39.6, 36.5),
                tengah: false,
            },
            kaki_area: Area {
                nama: "kaki",
                kotak: (4.0, 48.6, 77.6, 5.0),
                tengah: false,
            },
        },
        Orientasi::Potret => TataBelakang {
            pita: 8.5,
            kaki: 78.0,
            qr: ((LEBAR_MM - 40.0) / 2.0, 10.0, 40.0),
            judul: Area {
                nama: "judul",
                kotak: (3.0, 1.6, LEBAR_MM - 6.0, 6.0),
                tengah: true,
            },
            ketentuan: Area {
                nama: "ketentuan",
                kotak: (3.5, 51.0, LEBAR_MM - 7.0, 26.5),
                tengah: true,
            },
            kaki_area: Area {
                nama: "kaki",
                kotak: (3.0, 79.0, LEBAR_MM - 6.0, 6.0),
                tengah: true,
            },
        },
    }
}

/// The back as SVG (with the QR when the data has one).
pub fn svg_belakang(d: &DataKartu, o: Orientasi) -> Result<String, KartuError> {
    let (w, h) = o.ukuran();
    let t = tata_belakang(o);
    let (modul, sisi) = match &d.teks_qr {
        Some(q) => crate::qr::jalur(q)?,
        None => (String::new(), 1),
    };
    let skala = t.qr.2 / sisi as f32;
    let mut teks = Vec::new();
    isi_area(
        &t.judul,
        &[blok("KARTU ASN VIRTUAL", 3.0, 2.4, 1, true)],
        0.0,
        &[PUTIH],
        &mut teks,
    );
    isi_area(
        &t.ketentuan,
        &[
            blok(KETENTUAN, 2.0, 1.5, 12, false),
            blok(
                &format!("Diterbitkan: {}", d.diterbitkan),
                2.2,
                1.6,
                1,
                true,
            ),
            blok(
                &format!("Berlaku s.d.: {}", d.berlaku_sampai),
                2.2,
                1.6,
                1,
                true,
            ),
        ],
        0.8,
        &[ABU, GELAP, GELAP],
        &mut teks,
    );
    isi_area(
        &t.kaki_area,
        &[blok(
            &format!(
                "No. {} · pindai kode QR untuk memeriksa keabsahan",
                d.serial
            ),
            1.9,
            1.4,
            1,
            false,
        )],
        0.0,
        &[BIRU],
        &mut teks,
    );
    let svg = BelakangSvg {
        w,
        h,
        pita: t.pita,
        kaki: t.kaki,
        qr: (t.qr.0, t.qr.1, skala),
        modul,
        teks,
    };
    Ok(svg.render()?)
}
