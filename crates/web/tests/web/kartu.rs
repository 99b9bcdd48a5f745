//! Kartu ASN Virtual over HTTP: every photo validation message, the photo flow with preview
//! and audit, issuing, PNG/PDF downloads, the QR decoded from the rendered PNG and followed
//! through the captcha to the public page, revocation (new card, retirement), tampering,
//! the JWKS, scope, and the public rate limit.

use std::io::Cursor;

use crate::common::{App, Klien, csrf_dari, sebagai, spawn_app};
use image::{DynamicImage, ImageFormat, RgbaImage};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_store::FilterPegawai;

pub(crate) fn png(lebar: u32, tinggi: u32, transparan: bool) -> Vec<u8> {
    let img = RgbaImage::from_fn(lebar, tinggi, |x, y| {
        let dx = (x as f32 - lebar as f32 / 2.0) / (lebar as f32 * 0.3);
        let dy = (y as f32 - tinggi as f32 * 0.5) / (tinggi as f32 * 0.35);
        if dx * dx + dy * dy < 1.0 {
            image::Rgba([180, 120, 90, 255])
        } else if transparan {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([200, 30, 30, 255])
        }
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgba8(img)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

fn jpeg() -> Vec<u8> {
    let img = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(600, 800, image::Rgb([9, 9, 9])));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
        .unwrap();
    out
}

async fn pns_aktif(app: &App, n: usize) -> Vec<Pegawai> {
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
    let mut out = Vec::new();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.jenis_pegawai == JenisPegawai::Pns
            && p.kedudukan_hukum_id == "01"
            && p.tmt_pns.is_some()
        {
            out.push(p);
            if out.len() == n {
                break;
            }
        }
    }
    assert_eq!(out.len(), n, "enough active PNS");
    out
}

async fn unggah(c: &mut Klien, isi: Vec<u8>, nama: &str) -> crate::common::Resp {
    let csrf = c.csrf("/foto").await;
    c.multipart("/foto", &[("csrf", &csrf)], &[("foto", nama, isi)])
        .await
}

fn dekode_qr(png: &[u8]) -> String {
    let rgba = image::load_from_memory(png).unwrap().to_rgba8();
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
    assert_eq!(grids.len(), 1);
    grids[0].decode().unwrap().1
}

fn path_dari(url: &str) -> String {
    let i = url.find("/k/").expect("a card link");
    url[i..].to_string()
}

fn captcha_id(body: &str) -> String {
    let i = body
        .find("name=\"captcha_id\" value=\"")
        .expect("a captcha field")
        + 25;
    body[i..].split('"').next().unwrap().to_string()
}

/// Opens a card link as the public and answers the captcha; returns the result page.
async fn periksa(app: &App, c: &mut Klien, path: &str) -> crate::common::Resp {
    let page = c.get(path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let id = captcha_id(&page.body);
    let (status, jenis, _, gambar) = c.unduh(&format!("/k/captcha/{id}.png")).await;
    assert_eq!((status, jenis.as_str()), (200, "image/png"));
    assert!(gambar.starts_with(&[0x89, b'P', b'N', b'G']));
    // The answer is only in the database (the image is the test's "eyes").
    let jawaban = app
        .store()
        .captcha(&id, siasn_web::Jam::sekarang(&app.jam))
        .await
        .unwrap()
        .unwrap()
        .jawaban;
    let csrf = csrf_dari(&page.body);
    c.post(
        path,
        &[
            ("csrf", &csrf),
            ("captcha_id", &id),
            ("jawaban", &jawaban.to_lowercase()),
        ],
    )
    .await
}

#[tokio::test]
async fn every_photo_validation_message_and_nothing_stored() {
    let app = spawn_app(60).await;
    let p = pns_aktif(&app, 1).await.remove(0);
    let mut c = sebagai(
        &app,
        Some(&p),
        vec![PeranAkun::new(Peran::Pegawai, None, None).unwrap()],
        1,
    )
    .await;
    let form = c.get("/foto").await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("transparan") && form.body.contains("3:4"),
        "guidelines beside the upload"
    );

    let mut bom = png(600, 800, true);
    bom[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bom[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let bagus = png(600, 800, true);
    let kasus: Vec<(Vec<u8>, &str, &str)> = vec![
        (
            b"bukan gambar sama sekali".to_vec(),
            "foto.png",
            "bukan gambar PNG atau JPEG",
        ),
        (Vec::new(), "foto.png", "kosong"),
        (
            png(200, 260, true),
            "kecil.png",
            "200×260 piksel terlalu kecil",
        ),
        (png(600, 800, false), "merah.png", "harus transparan"),
        (jpeg(), "foto.jpg", "harus transparan"),
        (bagus[..bagus.len() / 2].to_vec(), "potong.png", "rusak"),
        (bom, "bom.png", "tidak wajar"),
        (
            vec![0x89; 3 * 1024 * 1024],
            "besar.png",
            "lebih besar dari 2048 KB",
        ),
    ];
    for (isi, nama, pesan) in kasus {
        let r = unggah(&mut c, isi, nama).await;
        assert_eq!(r.status, 422, "{nama}: {}", r.body);
        assert!(r.body.contains(pesan), "{nama}: expected '{pesan}'");
    }
    // English.
    c.cookies.insert("siasn-bahasa".into(), "en".into());
    let r = unggah(&mut c, png(600, 800, false), "merah.png").await;
    assert!(r.body.contains("must be transparent"), "{}", r.body);
    c.cookies.remove("siasn-bahasa");
    // Forged form.
    let r = c
        .multipart(
            "/foto",
            &[("csrf", &"0".repeat(64))],
            &[("foto", "f.png", png(600, 800, true))],
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(app.store().foto_aktif(p.id).await.unwrap().is_none());
    // A malformed id in a path is a missing page (the HTML one), not a plain-text 400.
    for path in [
        "/foto/calon/bukan-uuid",
        "/usulan/bukan-uuid",
        "/dokumen/123",
    ] {
        let r = c.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.contains("<html"), "{path}: {}", r.body);
    }
    // Staff without an employee record cannot upload a card photo.
    let mut op = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::OperatorInstansi, Some("PROV-JABAR".into()), None).unwrap()],
        2,
    )
    .await;
    assert_eq!(op.get("/foto").await.status, 403);
}

#[tokio::test]
async fn photo_card_qr_captcha_public_page_and_revocation() {
    let app = spawn_app(60).await;
    let mut semua = pns_aktif(&app, 2).await;
    let lain = semua.pop().unwrap();
    let p = semua.pop().unwrap();
    let pegawai = || vec![PeranAkun::new(Peran::Pegawai, None, None).unwrap()];
    let mut c = sebagai(&app, Some(&p), pegawai(), 1).await;

    // No photo yet: the card page says so.
    let r = c.get("/kartu").await;
    assert!(r.body.contains("belum ada foto"), "{}", r.body);

    // Upload with a hidden payload after the image: re-encoded, preview, confirm.
    let mut isi = png(900, 1000, true);
    isi.extend_from_slice(b"MUATAN-RAHASIA");
    let r = unggah(&mut c, isi, "saya.png").await;
    assert_eq!(r.status, 303, "{}", r.body);
    let calon = r.location.unwrap();
    assert!(calon.starts_with("/foto/calon/"));
    let halaman = c.get(&calon).await;
    assert!(halaman.body.contains("Gunakan foto ini"));
    let (status, jenis, _, pratinjau) = c.unduh(&format!("{calon}/pratinjau.png")).await;
    assert_eq!((status, jenis.as_str()), (200, "image/png"));
    assert!(!pratinjau.is_empty());
    // Another employee cannot see or confirm this candidate.
    let mut c2 = sebagai(&app, Some(&lain), pegawai(), 2).await;
    assert_eq!(c2.get(&calon).await.status, 404);
    let csrf2 = c2.csrf("/foto").await;
    assert_eq!(
        c2.post(&format!("{calon}/gunakan"), &[("csrf", &csrf2)])
            .await
            .status,
        404
    );
    let csrf = csrf_dari(&halaman.body);
    let r = c
        .post(&format!("{calon}/gunakan"), &[("csrf", &csrf)])
        .await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some("/kartu")));
    let foto = app.store().foto_aktif(p.id).await.unwrap().unwrap();
    let tersimpan = app.store().blobs().get(&foto.sha256).await.unwrap();
    assert!(
        !tersimpan.windows(6).any(|w| w == b"MUATAN"),
        "re-encoded, nothing hidden survives"
    );
    let img = image::load_from_memory(&tersimpan).unwrap();
    assert_eq!(img.width() * 4, img.height() * 3, "cropped to 3:4");
    let audit = app.store().audit_tentang_pegawai(p.id, 50).await.unwrap();
    assert!(audit.iter().any(|e| e.aksi == "pegawai.foto.diganti"));
    // The home header card shows the photo.
    let beranda = c.get("/beranda").await;
    assert!(beranda.body.contains("/foto/saya.png"));
    assert_eq!(c.unduh("/foto/saya.png").await.0, 200);

    // Issue the card.
    let r = c.get("/kartu").await;
    assert!(r.body.contains("Terbitkan kartu"), "{}", r.body);
    let r = c
        .post("/kartu/terbitkan", &[("csrf", &csrf_dari(&r.body))])
        .await;
    assert_eq!(r.status, 303);
    let kartu = app.store().kartu_aktif(p.id).await.unwrap().unwrap();
    let r = c.get("/kartu").await;
    assert!(r.body.contains(&kartu.serial));
    for o in ["lanskap", "potret"] {
        let (status, jenis, disposisi, depan) = c
            .unduh(&format!("/kartu/depan.png?orientasi={o}&unduh=1"))
            .await;
        assert_eq!((status, jenis.as_str()), (200, "image/png"));
        assert!(
            disposisi.starts_with("attachment;") && disposisi.contains(".png"),
            "{disposisi}"
        );
        assert!(depan.len() > 1000);
        let (_, _, _, pdf) = c.unduh(&format!("/kartu/kartu.pdf?orientasi={o}")).await;
        assert!(pdf.starts_with(b"%PDF-"));
        // Sealed by the instance (invisible signature), signed once: the same bytes again.
        let h = siasn_ttd::periksa_pdf(&pdf).unwrap();
        assert_eq!(h.len(), 1);
        assert!(h[0].utuh && h[0].menutup_seluruh, "{:?}", h[0]);
        assert!(
            h[0].penanda
                .as_ref()
                .unwrap()
                .nama
                .starts_with("Segel Elektronik")
        );
        let (_, _, _, lagi) = c.unduh(&format!("/kartu/kartu.pdf?orientasi={o}")).await;
        assert_eq!(lagi, pdf);
        let ca = siasn_app::ttd::sertifikat_ca(app.state.app())
            .await
            .unwrap();
        if let Some(out) = crate::common::pdfsig(&pdf, Some(&ca)) {
            assert!(out.contains("Signature is Valid"), "{out}");
            assert!(out.contains("Certificate is Trusted"), "{out}");
        }
        let l = siasn_app::ttd::periksa_dokumen(app.state.app(), pdf.clone())
            .await
            .unwrap()
            .unwrap();
        assert!(l.sah() && l.terbitan.is_some(), "{l:?}");
        assert_eq!(
            c.get(&format!("/kartu/cetak?orientasi={o}")).await.status,
            200
        );
    }
    let (_, _, _, belakang) = c.unduh("/kartu/belakang.png?unduh=1").await;
    let qr = dekode_qr(&belakang);
    assert_eq!(qr, kartu.teks_qr);
    assert!(
        !qr.contains(p.nomor_induk.as_str()),
        "the QR never carries the NIP"
    );
    // Another employee has no card to download.
    assert_eq!(c2.unduh("/kartu/depan.png").await.0, 404);

    // The QR verifies offline against the published keys.
    let jwks = app.klien().get("/.well-known/jwks.json").await;
    assert_eq!(jwks.status, 200);
    let kunci = siasn_card::token::baca_jwks(&jwks.body).unwrap();
    let klaim = siasn_card::token::periksa(&qr, &kunci).unwrap();
    assert_eq!(klaim.serial_cetak(), kartu.serial);

    // The public follows the QR: captcha, then the information and "valid".
    let mut publik = app.klien();
    let path = path_dari(&qr);
    let salah = {
        let page = publik.get(&path).await;
        let id = captcha_id(&page.body);
        publik
            .post(
                &path,
                &[
                    ("csrf", &csrf_dari(&page.body)),
                    ("captcha_id", &id),
                    ("jawaban", "XXXXX"),
                ],
            )
            .await
    };
    assert_eq!(salah.status, 422);
    assert!(salah.body.contains("tidak cocok") && !salah.body.contains(p.nomor_induk.as_str()));
    let hasil = periksa(&app, &mut publik, &path).await;
    assert_eq!(hasil.status, 200, "{}", hasil.body);
    assert!(hasil.body.contains("Kartu BERLAKU"), "{}", hasil.body);
    assert!(hasil.body.contains(&p.nomor_induk.to_string()));
    assert!(hasil.body.contains(&kartu.nama));
    assert!(hasil.body.contains("data:image/png;base64,"), "photo shown");
    // The employee sees the check in "who saw my data".
    let akses = c.get("/riwayat-akses").await;
    assert!(
        akses.body.contains("Kartu ASN Anda diperiksa keasliannya"),
        "{}",
        akses.body
    );

    // A tampered link is refused before any lookup.
    let mut ubah = path.clone().into_bytes();
    let n = ubah.len() - 10;
    ubah[n] = if ubah[n] == b'A' { b'B' } else { b'A' };
    let ubah = String::from_utf8(ubah).unwrap();
    assert_eq!(publik.get(&ubah).await.status, 404);

    // A new card replaces the old one: the old QR is no longer valid.
    let csrf = c.csrf("/kartu").await;
    assert_eq!(
        c.post("/kartu/terbitkan", &[("csrf", &csrf)]).await.status,
        303
    );
    let baru = app.store().kartu_aktif(p.id).await.unwrap().unwrap();
    assert_ne!(baru.serial, kartu.serial);
    let hasil = periksa(&app, &mut publik, &path).await;
    assert!(hasil.body.contains("sudah diganti"), "{}", hasil.body);
    let hasil = periksa(&app, &mut publik, &path_dari(&baru.teks_qr)).await;
    assert!(hasil.body.contains("Kartu BERLAKU"));

    // Retirement: the current card becomes no longer valid, and no new card is issued.
    siasn_app::pegawai::ubah_kedudukan_hukum(app.state.app(), "uji", p.id, "99", "pensiun")
        .await
        .unwrap();
    let hasil = periksa(&app, &mut publik, &path_dari(&baru.teks_qr)).await;
    assert!(
        hasil.body.contains("TIDAK BERLAKU LAGI") && hasil.body.contains("Pensiun"),
        "{}",
        hasil.body
    );
    let r = c.get("/kartu").await;
    assert!(r.body.contains("bukan ASN aktif"), "{}", r.body);
    let csrf = c.csrf("/foto").await;
    c.post("/kartu/terbitkan", &[("csrf", &csrf)]).await;
    assert_eq!(
        app.store().kartu_aktif(p.id).await.unwrap().unwrap().serial,
        baru.serial
    );
}

#[tokio::test]
async fn the_public_check_is_rate_limited_per_address() {
    let app = spawn_app(0).await;
    let mut publik = app.klien();
    let mut terakhir = 0;
    for _ in 0..40 {
        terakhir = publik.get("/k/AAAA").await.status;
        if terakhir == 429 {
            break;
        }
    }
    assert_eq!(terakhir, 429, "the limit stops a flood");
}
