//! Signing and checking real PDFs: the instance CA and an OpenSSL-made PKCS#12, checked by
//! our verifier and by poppler's pdfsig (with an NSS database that trusts the CA).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use siasn_card::Perender;
use siasn_card::surat::{Blok, IsiSurat};
use siasn_ttd::ca::{self, SubjekPenanda};
use siasn_ttd::kunci::bungkus_pkcs12;
use siasn_ttd::pdf::{Kotak, Tampilan, tandatangani};
use siasn_ttd::sertifikat::{baca, pem, sidik_jari};
use siasn_ttd::{KunciTtd, TtdError, periksa_pdf};

fn surat() -> Vec<u8> {
    Perender::new()
        .surat_pdf(&IsiSurat {
            kop: vec!["BADAN KEPEGAWAIAN NEGARA".into(), "Kantor Pusat".into()],
            judul: "PERTIMBANGAN TEKNIS KENAIKAN PANGKAT".into(),
            nomor: "Nomor: PERTEK-KP/BKN/2026/000001".into(),
            isi: vec![
                Blok::Paragraf("Uji tanda tangan.".into()),
                Blok::Baris("Nama".into(), "Budi Santoso".into()),
            ],
            tempat_tanggal: "Ditetapkan tanggal 6 Desember 2026".into(),
            jabatan_penandatangan: "a.n. Kepala Badan Kepegawaian Negara".into(),
            nama_penandatangan: "Siti Rahmawati".into(),
            nip_penandatangan: "NIP 197001012000032001".into(),
            kaki: vec!["Dokumen uji.".into()],
        })
        .unwrap()
}

fn tampilan(kotak: bool) -> Tampilan {
    Tampilan {
        // Long enough to wrap in the appearance.
        nama: "Dr. Siti Rahmawati Kusumaningrum Wijayakusuma, S.H., M.Si.".into(),
        jabatan: "Direktur Status dan Kedudukan Kepegawaian".into(),
        nomor_identitas: Some("197001012000032001".into()),
        penerbit: "CA Instans Uji (bukan CA pemerintah)".into(),
        alasan: "Pertimbangan teknis kenaikan pangkat".into(),
        lokasi: "Jakarta".into(),
        url_verifikasi: "https://siasn.contoh.go.id/v/abc123".into(),
        kotak: kotak.then_some(Kotak {
            halaman: 1,
            x: 283.0,
            y: 140.0,
            lebar: 255.0,
            tinggi: 85.0,
        }),
    }
}

fn sekarang() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap()
}

struct Ca {
    ca: ca::BahanKunci,
    penanda: KunciTtd,
}

fn ca_uji() -> Ca {
    let c = ca::buat_ca("SIASN Uji", sekarang()).unwrap();
    let leaf = ca::terbitkan(
        &c,
        &SubjekPenanda {
            nama: "Siti Rahmawati".into(),
            nomor_identitas: Some("197001012000032001".into()),
            jabatan: Some("Direktur".into()),
            organisasi: "Badan Kepegawaian Negara".into(),
        },
        sekarang(),
        365,
    )
    .unwrap();
    let penanda = KunciTtd::dari_pkcs8(
        &leaf.pkcs8,
        vec![leaf.sertifikat.clone(), c.sertifikat.clone()],
    )
    .unwrap();
    Ca { ca: c, penanda }
}

fn ada(program: &str) -> bool {
    let ada = Command::new(program).arg("-v").output().is_ok();
    if !ada {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is required in CI"
        );
        eprintln!("{program} not installed: skipped");
    }
    ada
}

fn dir_uji(nama: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("siasn-ttd-{nama}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn pdfsig(berkas: &Path, nss: Option<&Path>) -> String {
    let mut c = Command::new("pdfsig");
    if let Some(n) = nss {
        c.arg("-nssdir").arg(format!("sql:{}", n.display()));
    }
    let out = c.arg(berkas).output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// An NSS database trusting `ca_pem` for signing.
fn nss_percaya(dir: &Path, ca_der: &[u8]) -> PathBuf {
    let db = dir.join("nss");
    std::fs::create_dir_all(&db).unwrap();
    let s = Command::new("certutil")
        .args(["-N", "--empty-password", "-d"])
        .arg(format!("sql:{}", db.display()))
        .status()
        .unwrap();
    assert!(s.success());
    let berkas = dir.join("ca.pem");
    std::fs::write(&berkas, pem(ca_der).unwrap()).unwrap();
    let s = Command::new("certutil")
        .args(["-A", "-n", "ca-instans", "-t", "CT,C,C", "-d"])
        .arg(format!("sql:{}", db.display()))
        .arg("-i")
        .arg(&berkas)
        .status()
        .unwrap();
    assert!(s.success());
    db
}

#[test]
fn a_letter_signed_by_the_instance_ca_verifies_here_and_in_pdfsig() {
    let c = ca_uji();
    let asli = surat();
    let ttd = tandatangani(&asli, &c.penanda, &tampilan(true), sekarang()).unwrap();
    assert!(
        ttd.starts_with(&asli),
        "an incremental update keeps the original bytes"
    );

    let h = periksa_pdf(&ttd).unwrap();
    assert_eq!(h.len(), 1);
    let s = &h[0];
    assert!(s.utuh && s.menutup_seluruh && s.sertifikat_terikat, "{s:?}");
    assert_eq!(s.sub_filter, "ETSI.CAdES.detached");
    assert_eq!(s.waktu, Some(sekarang()));
    let p = s.penanda.as_ref().unwrap();
    assert_eq!(p.nama, "Siti Rahmawati");
    assert_eq!(p.nomor_identitas.as_deref(), Some("197001012000032001"));
    assert!(p.subjek.contains("Bukan CA pemerintah"));
    assert_eq!(
        s.akar.as_deref(),
        Some(sidik_jari(&c.ca.sertifikat).as_str())
    );
    assert_eq!(s.rantai.len(), 2);

    // One byte changed inside the signed range: the digest no longer matches.
    let mut ubah = ttd.clone();
    let i = asli.len() / 2;
    ubah[i] ^= 0x01;
    let h2 = periksa_pdf(&ubah).map(|v| v.into_iter().all(|s| !s.utuh));
    assert!(h2.unwrap_or(true));

    // The unsigned original has no signature at all.
    assert!(periksa_pdf(&asli).unwrap().is_empty());

    if !ada("pdfsig") {
        return;
    }
    let dir = dir_uji("ca");
    let f = dir.join("surat.pdf");
    std::fs::write(&f, &ttd).unwrap();
    let out = pdfsig(&f, None);
    assert!(out.contains("Signature is Valid"), "{out}");
    assert!(out.contains("Total document signed"), "{out}");
    assert!(out.contains("Siti Rahmawati"), "{out}");

    if ada("certutil") {
        let nss = nss_percaya(&dir, &c.ca.sertifikat);
        let out = pdfsig(&f, Some(&nss));
        assert!(out.contains("Signature is Valid"), "{out}");
        assert!(out.contains("Certificate is Trusted"), "{out}");
    }

    // A byte changed in a content stream of the signed range: pdfsig says invalid.
    let mut ubah = ttd.clone();
    let pos = ubah.windows(6).position(|w| w == b"stream").unwrap() + 20;
    ubah[pos] ^= 0x20;
    let f2 = dir.join("diubah.pdf");
    std::fs::write(&f2, &ubah).unwrap();
    let out = pdfsig(&f2, None);
    assert!(!out.contains("Signature is Valid"), "{out}");
    assert!(
        out.contains("Signature is Invalid") || out.contains("Digest Mismatch"),
        "{out}"
    );
    assert!(periksa_pdf(&ubah).unwrap().iter().all(|s| !s.utuh));
}

#[test]
fn a_second_signature_keeps_the_first_valid_over_its_own_range() {
    let c = ca_uji();
    let satu = tandatangani(&surat(), &c.penanda, &tampilan(true), sekarang()).unwrap();
    let dua = tandatangani(&satu, &c.penanda, &tampilan(false), sekarang()).unwrap();
    let h = periksa_pdf(&dua).unwrap();
    assert_eq!(h.len(), 2);
    assert!(h.iter().all(|s| s.utuh));
    assert!(!h[0].menutup_seluruh && h[1].menutup_seluruh);
}

#[test]
fn instance_ca_keys_travel_in_a_passphrase_protected_pkcs12() {
    let c = ca_uji();
    let leaf = ca::terbitkan(
        &c.ca,
        &SubjekPenanda {
            nama: "Andi".into(),
            nomor_identitas: Some("198001012005011001".into()),
            jabatan: None,
            organisasi: "Pemerintah Provinsi Jawa Barat".into(),
        },
        sekarang(),
        30,
    )
    .unwrap();
    let p12 = bungkus_pkcs12(
        &leaf.pkcs8,
        &[leaf.sertifikat.clone(), c.ca.sertifikat.clone()],
        "andi",
        "frasa rahasia panjang",
    )
    .unwrap();
    let k = KunciTtd::buka_pkcs12(&p12, "frasa rahasia panjang").unwrap();
    assert_eq!(k.sertifikat(), leaf.sertifikat.as_slice());
    assert_eq!(k.rantai().len(), 2);
    assert!(matches!(
        KunciTtd::buka_pkcs12(&p12, "salah"),
        Err(TtdError::FrasaSalah)
    ));
    assert!(matches!(
        KunciTtd::buka_pkcs12(b"%PDF-1.7 bukan p12", "x"),
        Err(TtdError::BukanPkcs12)
    ));
    let info = baca(&leaf.sertifikat).unwrap();
    assert_eq!(info.nama, "Andi");
    assert!(info.berlaku_pada(sekarang()));
    assert!(!info.berlaku_pada(sekarang() + chrono::Duration::days(31)));
}

/// A certificate made by OpenSSL, exported as PKCS#12 (modern and legacy encryption), signs a
/// letter that pdfsig accepts.
#[test]
fn an_openssl_pkcs12_signs_what_pdfsig_accepts() {
    if !ada("openssl") {
        return;
    }
    let dir = dir_uji("openssl");
    let jalan = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    jalan(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "k.pem",
        "-out",
        "c.pem",
        "-days",
        "30",
        "-subj",
        "/C=ID/O=Uji/CN=Rina Wulandari/serialNumber=3201010101800001",
    ]);
    jalan(&[
        "pkcs12",
        "-export",
        "-inkey",
        "k.pem",
        "-in",
        "c.pem",
        "-out",
        "modern.p12",
        "-passout",
        "pass:sandi-uji-1",
    ]);
    jalan(&[
        "pkcs12",
        "-export",
        "-inkey",
        "k.pem",
        "-in",
        "c.pem",
        "-out",
        "lama.p12",
        "-passout",
        "pass:sandi-uji-1",
        "-certpbe",
        "PBE-SHA1-3DES",
        "-keypbe",
        "PBE-SHA1-3DES",
        "-macalg",
        "sha1",
    ]);
    for nama in ["modern.p12", "lama.p12"] {
        let p12 = std::fs::read(dir.join(nama)).unwrap();
        assert!(matches!(
            KunciTtd::buka_pkcs12(&p12, "bukan-ini"),
            Err(TtdError::FrasaSalah)
        ));
        let k = KunciTtd::buka_pkcs12(&p12, "sandi-uji-1").unwrap();
        let ttd = tandatangani(&surat(), &k, &tampilan(true), Utc::now()).unwrap();
        let h = periksa_pdf(&ttd).unwrap();
        assert!(h[0].utuh && h[0].menutup_seluruh, "{nama}: {:?}", h[0]);
        assert_eq!(
            h[0].penanda.as_ref().unwrap().nomor_identitas.as_deref(),
            Some("3201010101800001")
        );
        if ada("pdfsig") {
            let f = dir.join(format!("{nama}.pdf"));
            std::fs::write(&f, &ttd).unwrap();
            let out = pdfsig(&f, None);
            assert!(out.contains("Signature is Valid"), "{nama}: {out}");
        }
    }
}

/// A timestamp authority run by OpenSSL (`openssl ts -reply`): a self-signed TSA certificate
/// with the critical timeStamping usage; answers one DER request with one DER reply.
struct TsaOpenssl {
    dir: PathBuf,
}

impl TsaOpenssl {
    fn baru(nama: &str) -> Self {
        let dir = dir_uji(nama);
        let jalan = |args: &[&str]| {
            let out = Command::new("openssl")
                .args(args)
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        jalan(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "tsa.key",
            "-out",
            "tsa.pem",
            "-days",
            "30",
            "-subj",
            "/C=ID/O=Uji/CN=TSA Uji",
            "-addext",
            "extendedKeyUsage=critical,timeStamping",
        ]);
        std::fs::write(
            dir.join("tsa.cnf"),
            "[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ./serial\ncrypto_device = builtin\n\
             signer_cert = ./tsa.pem\nsigner_key = ./tsa.key\nsigner_digest = sha256\n\
             default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\n\
             ordering = yes\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n",
        )
        .unwrap();
        std::fs::write(dir.join("serial"), "01\n").unwrap();
        Self { dir }
    }

    fn jawab(&self, permintaan: &[u8]) -> Vec<u8> {
        std::fs::write(self.dir.join("req.tsq"), permintaan).unwrap();
        let out = Command::new("openssl")
            .args([
                "ts",
                "-reply",
                "-config",
                "tsa.cnf",
                "-queryfile",
                "req.tsq",
                "-out",
                "resp.tsr",
            ])
            .current_dir(&self.dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(self.dir.join("resp.tsr")).unwrap()
    }
}

/// PAdES B-T: the signature value stamped by a TSA; the token is read back and checked, and a
/// token for another signature is refused.
#[test]
fn a_timestamp_from_a_tsa_joins_the_signature() {
    if !ada("openssl") {
        return;
    }
    let c = ca_uji();
    let tsa = TsaOpenssl::baru("tsa");
    let p = siasn_ttd::pdf::siapkan(
        &surat(),
        &c.penanda,
        &tampilan(true),
        sekarang(),
        siasn_ttd::pdf::RUANG_STEMPEL,
    )
    .unwrap();
    let minta = siasn_ttd::stempel::permintaan(p.nilai_tanda_tangan()).unwrap();
    let jawaban = tsa.jawab(&minta.der);
    let token = siasn_ttd::stempel::baca_jawaban(&minta, &jawaban).unwrap();
    // An answer to another request is refused (its nonce and imprint differ).
    let lain = siasn_ttd::stempel::permintaan(b"tanda tangan lain").unwrap();
    assert!(siasn_ttd::stempel::baca_jawaban(&lain, &jawaban).is_err());
    let ttd = p.selesaikan(Some(&token)).unwrap();
    let h = periksa_pdf(&ttd).unwrap();
    assert!(h[0].utuh && h[0].menutup_seluruh, "{:?}", h[0]);
    let s = h[0].stempel.as_ref().expect("the timestamp is read back");
    assert!(s.sah, "{s:?}");
    assert_eq!(s.tsa.as_ref().unwrap().nama, "TSA Uji");
    assert!(
        (Utc::now() - s.waktu).num_minutes().abs() < 5,
        "{}",
        s.waktu
    );
    if ada("pdfsig") {
        let dir = dir_uji("tsa-pdf");
        let f = dir.join("bt.pdf");
        std::fs::write(&f, &ttd).unwrap();
        let out = pdfsig(&f, None);
        assert!(out.contains("Signature is Valid"), "{out}");
    }
}
