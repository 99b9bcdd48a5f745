//! Every page, for each kind of reader: answers, stays under 100 KB with its CSS (photos
//! aside), declares its language, labels every form control, gives every image a text
//! alternative, in Indonesian and English; and the colour pairs of the style sheet meet WCAG AA
//! contrast.

use crate::common::{Klien, sebagai, spawn_app};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::JenisPegawai;
use siasn_store::FilterPegawai;

const BATAS_HALAMAN: usize = 100 * 1024;

/// The attribute `nama` of one tag's text, if present.
fn atribut<'a>(tag: &'a str, nama: &str) -> Option<&'a str> {
    let kunci = format!(" {nama}=\"");
    let i = tag.find(&kunci)? + kunci.len();
    tag[i..].split('"').next()
}

/// Problems with labels, images and language on one page.
fn periksa_aksesibilitas(path: &str, html: &str) -> Vec<String> {
    let mut masalah = Vec::new();
    if !html.contains("<html lang=\"id\"") && !html.contains("<html lang=\"en\"") {
        masalah.push(format!("{path}: no <html lang>"));
    }
    for (i, _) in html.match_indices('<') {
        let sisa = &html[i..];
        let Some(akhir) = sisa.find('>') else {
            continue;
        };
        let tag = &sisa[..=akhir];
        let kontrol = ["<input", "<select", "<textarea"]
            .iter()
            .any(|t| tag.starts_with(t));
        if tag.starts_with("<img") && atribut(tag, "alt").is_none_or(str::is_empty) {
            masalah.push(format!("{path}: image without alt: {tag}"));
        }
        if !kontrol {
            continue;
        }
        if matches!(atribut(tag, "type"), Some("hidden" | "submit" | "button")) {
            continue;
        }
        if atribut(tag, "aria-label").is_some() {
            continue;
        }
        let dibungkus = {
            let sebelum = &html[..i];
            match (sebelum.rfind("<label"), sebelum.rfind("</label>")) {
                (Some(buka), Some(tutup)) => buka > tutup,
                (Some(_), None) => true,
                _ => false,
            }
        };
        let berlabel =
            atribut(tag, "id").is_some_and(|id| html.contains(&format!("<label for=\"{id}\"")));
        if !dibungkus && !berlabel {
            masalah.push(format!("{path}: unlabelled control: {tag}"));
        }
    }
    masalah
}

/// The text a reader sees: outside tags, and not inside form fields (whose values are
/// machine formats by design) or code samples.
fn teks_terlihat(html: &str) -> String {
    let mut out = String::new();
    let mut dalam_tag = false;
    let mut lewati: Option<&str> = None;
    let mut i = 0;
    while i < html.len() {
        let sisa = &html[i..];
        if let Some(tutup) = lewati {
            if sisa.starts_with(tutup) {
                lewati = None;
            }
            i += sisa.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        for (buka, tutup) in [
            ("<textarea", "</textarea>"),
            ("<code", "</code>"),
            ("<pre", "</pre>"),
        ] {
            if sisa.starts_with(buka) {
                lewati = Some(tutup);
            }
        }
        let c = sisa.chars().next().unwrap_or(' ');
        match c {
            '<' => dalam_tag = true,
            '>' => {
                dalam_tag = false;
                out.push(' ');
            }
            _ if !dalam_tag && lewati.is_none() => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// Codes shown where people expect names: ISO dates, ungrouped NIPs, audit and proposal-kind
/// codes, and reference fields followed by their bare code ("Jenis KP: 101").
fn periksa_kode(path: &str, html: &str) -> Vec<String> {
    let teks = teks_terlihat(html);
    let mut masalah = Vec::new();
    let b = teks.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        if i > 0 && digit(i - 1) {
            continue;
        }
        let run = (i..b.len()).take_while(|j| digit(*j)).count();
        if run >= 18 {
            masalah.push(format!(
                "{path}: ungrouped NIP near {:?}",
                &teks[i..i + run]
            ));
        }
        let iso = run == 4
            && b.get(i + 4) == Some(&b'-')
            && digit(i + 5)
            && digit(i + 6)
            && b.get(i + 7) == Some(&b'-')
            && digit(i + 8)
            && digit(i + 9);
        if iso {
            masalah.push(format!("{path}: ISO date {:?}", &teks[i..i + 10]));
        }
    }
    for kata in teks.split(|c: char| c.is_whitespace() || "(),;:\"'".contains(c)) {
        let Some((depan, belakang)) = kata.split_once('.') else {
            continue;
        };
        let kode = !belakang.is_empty()
            && belakang
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
            && [
                "login", "sandi", "mfa", "pegawai", "dokumen", "kartu", "usulan", "layanan",
                "akun", "api", "sesi", "tambah", "ubah", "hapus",
            ]
            .contains(&depan);
        if kode {
            masalah.push(format!("{path}: code {kata:?}"));
        }
    }
    for label in [
        "Jenis KP",
        "Jenis kenaikan pangkat",
        "Jenis penghargaan",
        "Penugasan",
        "Eselon",
        "KP type",
        "Award type",
        "Assignment",
    ] {
        for (i, _) in teks.match_indices(label) {
            let setelah = teks[i + label.len()..].trim_start_matches([' ', ':', '\n']);
            if setelah.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                let cuplik: String = setelah.chars().take(12).collect();
                masalah.push(format!("{path}: {label} followed by a code: {cuplik:?}"));
            }
        }
    }
    masalah
}

async fn periksa_halaman(c: &mut Klien, css: usize, paths: &[String], masalah: &mut Vec<String>) {
    for bahasa in ["id", "en"] {
        c.cookies.insert("siasn-bahasa".into(), bahasa.into());
        for path in paths {
            let r = c.get(path).await;
            assert_eq!(r.status, 200, "{path} ({bahasa}): {}", r.body);
            let total = r.body.len() + css;
            assert!(
                total < BATAS_HALAMAN,
                "{path} ({bahasa}) weighs {total} bytes"
            );
            masalah.extend(periksa_aksesibilitas(path, &r.body));
            masalah.extend(periksa_kode(&format!("{path} ({bahasa})"), &r.body));
        }
    }
    c.cookies.remove("siasn-bahasa");
}

#[tokio::test]
async fn every_page_is_light_labelled_and_has_text_alternatives() {
    let app = spawn_app(120).await;
    let css = app.klien().get("/static/siasn.css").await.body.len();
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            300,
        )
        .await
        .unwrap();
    // The employee with the most history rows: the heaviest profile page.
    let mut terberat = None;
    let mut paling = 0;
    for r in &page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.jenis_pegawai != JenisPegawai::Pns || p.kedudukan_hukum_id != "01" {
            continue;
        }
        let n = app.store().riwayat_pegawai(p.id, None).await.unwrap().len();
        if n > paling {
            paling = n;
            terberat = Some(p);
        }
    }
    let p = terberat.unwrap();
    let mut masalah = Vec::new();

    // Public pages.
    let mut tamu = app.klien();
    let publik: Vec<String> = ["/", "/masuk", "/lupa-sandi", "/aktivasi"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    periksa_halaman(&mut tamu, css, &publik, &mut masalah).await;

    // The employee, with a card photo and a card.
    let mut e = sebagai(
        &app,
        Some(&p),
        vec![PeranAkun::new(Peran::Pegawai, None, None).unwrap()],
        1,
    )
    .await;
    let blob = app
        .store()
        .simpan_blob(&png_foto(), "image/png")
        .await
        .unwrap();
    let akun = app.store().akun_pegawai(p.id).await.unwrap().unwrap().id;
    let now = siasn_web::Jam::sekarang(&app.jam);
    crate::common::pasang_foto(app.store(), p.id, &blob, akun, now).await;
    let csrf = e.csrf("/kartu").await;
    assert_eq!(
        e.post("/kartu/terbitkan", &[("csrf", &csrf)]).await.status,
        303
    );
    assert!(app.store().kartu_aktif(p.id).await.unwrap().is_some());
    pegawai_paths_cetak(&mut e, css, &mut masalah).await;
    let dokumen = app.store().dokumen_pegawai(p.id).await.unwrap();
    let pegawai_paths: Vec<String> = [
        "/beranda",
        "/profil",
        "/dokumen",
        "/kinerja",
        "/kompetensi",
        "/riwayat-akses",
        "/sesi",
        "/usulan",
        "/usulan/baru?jenis=data_utama",
        "/usulan/baru?jenis=golongan",
        "/usulan/baru?jenis=pendidikan",
        "/foto",
        "/kartu",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert!(!dokumen.is_empty(), "the demo employee has documents");
    // A draft award proposal: its page names the award, not its code.
    let csrf = e.csrf("/usulan/baru?jenis=penghargaan").await;
    let r = e
        .multipart(
            "/usulan",
            &[
                ("csrf", &csrf),
                ("kunci_kirim", "halaman-1"),
                ("jenis", "penghargaan"),
                ("aksi", "simpan"),
                ("f_penghargaan_id", "203"),
                ("f_nama", "Satyalancana Karya Satya"),
                ("f_tahun", "2024"),
                ("f_sk.nomor", "12/TK/2024"),
                ("f_sk.tanggal", "2024-08-13"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let usulan = r.location.clone().unwrap_or_default();
    let mut pegawai_paths = pegawai_paths;
    pegawai_paths.push(usulan.clone());
    let draf = e.get(&usulan).await;
    assert!(
        draf.body.contains("Satyalancana Karya Satya XXX Tahun")
            && draf.body.contains("13 Agustus 2024"),
        "{}",
        draf.body
    );

    periksa_halaman(&mut e, css, &pegawai_paths, &mut masalah).await;

    // Staff: operator, verifier and admin of the agency.
    let grants = vec![
        PeranAkun::new(Peran::OperatorInstansi, Some("PROV-JABAR".into()), None).unwrap(),
        PeranAkun::new(Peran::VerifikatorInstansi, Some("PROV-JABAR".into()), None).unwrap(),
        PeranAkun::new(Peran::AdminInstansi, Some("PROV-JABAR".into()), None).unwrap(),
    ];
    let mut s = sebagai(&app, None, grants, 2).await;
    let staf: Vec<String> = [
        "/beranda".to_string(),
        "/pegawai".into(),
        format!("/pegawai/{}", p.id),
        "/verifikasi".into(),
        "/kolektif".into(),
        "/usulan/statistik".into(),
        "/admin/akun".into(),
        "/admin/pegawai".into(),
        format!("/admin/pegawai/{}", p.id),
    ]
    .to_vec();
    periksa_halaman(&mut s, css, &staf, &mut masalah).await;
    // A search result page (POST) too.
    let csrf = s.csrf("/pegawai").await;
    let r = s.post("/pegawai", &[("csrf", &csrf), ("teks", "a")]).await;
    assert!(r.body.len() + css < BATAS_HALAMAN);
    masalah.extend(periksa_aksesibilitas("/pegawai (hasil)", &r.body));

    assert!(masalah.is_empty(), "{masalah:#?}");
}

/// A tiny valid PNG (stored directly: the upload path has its own tests).
fn png_foto() -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(300, 400, image::Rgba([0, 0, 0, 0]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// The print view is a page of its own (no base layout).
async fn pegawai_paths_cetak(c: &mut Klien, css: usize, masalah: &mut Vec<String>) {
    periksa_halaman(
        c,
        css,
        &[
            "/kartu/cetak".to_string(),
            "/kartu?orientasi=potret".to_string(),
        ],
        masalah,
    )
    .await;
}

/// Relative luminance of an sRGB colour (WCAG 2).
fn luminans(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let h = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect::<String>()
    } else {
        h.to_string()
    };
    let kanal = |i: usize| {
        let v = f64::from(u8::from_str_radix(&h[i..i + 2], 16).unwrap()) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * kanal(0) + 0.7152 * kanal(2) + 0.0722 * kanal(4)
}

fn kontras(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminans(a), luminans(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_palette_meets_wcag_aa_contrast() {
    let css = include_str!("../../static/siasn.css");
    let var = |nama: &str| {
        let kunci = format!("--{nama}:");
        let i = css.find(&kunci).unwrap() + kunci.len();
        css[i..].split([';', '}']).next().unwrap().to_string()
    };
    let (fg, muted, bg, card, brand, ok, bad) = (
        var("fg"),
        var("muted"),
        var("bg"),
        var("card"),
        var("brand"),
        var("ok"),
        var("bad"),
    );
    // (foreground, background, where)
    let pasangan = [
        (fg.as_str(), bg.as_str(), "text on the page"),
        (fg.as_str(), card.as_str(), "text on cards"),
        (muted.as_str(), bg.as_str(), "hints on the page"),
        (muted.as_str(), card.as_str(), "hints on cards"),
        (brand.as_str(), bg.as_str(), "links and headings"),
        (brand.as_str(), card.as_str(), "links on cards"),
        (ok.as_str(), card.as_str(), "success text"),
        (bad.as_str(), card.as_str(), "error text"),
        (bad.as_str(), bg.as_str(), "error text on the page"),
        ("#ffffff", brand.as_str(), "buttons and the top bar"),
        (fg.as_str(), "#e7ecf2", "secondary buttons"),
        ("#ffffff", "#a61b1b", "danger buttons and badges"),
        ("#14532d", "#e3f4e8", "valid card state"),
        ("#7f1010", "#fbe7e7", "invalid card state"),
    ];
    for (depan, latar, di) in pasangan {
        let k = kontras(depan, latar);
        assert!(k >= 4.5, "{di}: {depan} on {latar} is {k:.2}:1");
    }
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    let baik = r#"<html lang="id"><label for="a">A</label><input id="a" name="a"><label class="check"><input type="checkbox" name="b"> B</label><input type="hidden" name="c"><img src="x" alt="X"></html>"#;
    assert!(periksa_aksesibilitas("baik", baik).is_empty());
    let buruk = r#"<html><input id="a" name="a"><select name="s"></select><img src="x"><img src="y" alt=""></html>"#;
    let m = periksa_aksesibilitas("buruk", buruk);
    assert_eq!(m.len(), 5, "{m:#?}");
}
