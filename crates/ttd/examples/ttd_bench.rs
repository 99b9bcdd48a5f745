//! Signing and verification time per document: a one-page letter signed with an ECDSA P-256
//! key from the instance CA and with an RSA-2048 key (what BSrE certificates are), p50/p95,
//! against the time to render the letter itself (the baseline measured in the same run).
//!
//! `cargo run --release -p siasn-ttd --example ttd_bench -- [N]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::Utc;
use siasn_card::Perender;
use siasn_card::surat::{Blok, IsiSurat};
use siasn_ttd::KunciTtd;
use siasn_ttd::ca::{self, SubjekPenanda};
use siasn_ttd::pdf::{Kotak, Tampilan, tandatangani};

fn persentil(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let surat = IsiSurat {
        kop: vec!["BADAN KEPEGAWAIAN NEGARA".into(), "Kantor Pusat".into()],
        judul: "PERTIMBANGAN TEKNIS KENAIKAN PANGKAT".into(),
        nomor: "Nomor: PERTEK-KP/BKN/2026/000001".into(),
        isi: (0..8)
            .map(|i| Blok::Baris(format!("Baris {i}"), "Nilai contoh".into()))
            .collect(),
        tempat_tanggal: "Ditetapkan tanggal 6 Desember 2026".into(),
        jabatan_penandatangan: "a.n. Kepala Badan Kepegawaian Negara".into(),
        nama_penandatangan: "Siti Rahmawati".into(),
        nip_penandatangan: "NIP 197001012000032001".into(),
        kaki: vec!["Dokumen uji.".into()],
    };
    let perender = Perender::new();
    let now = Utc::now();

    // Keys: ECDSA P-256 from the instance CA; RSA-2048 self-signed.
    let c = ca::buat_ca("Bench", now).unwrap();
    let leaf = ca::terbitkan(
        &c,
        &SubjekPenanda {
            nama: "Siti Rahmawati".into(),
            nomor_identitas: Some("197001012000032001".into()),
            jabatan: None,
            organisasi: "BKN".into(),
        },
        now,
        365,
    )
    .unwrap();
    let ec = KunciTtd::dari_pkcs8(&leaf.pkcs8, vec![leaf.sertifikat, c.sertifikat]).unwrap();
    let rsa_kunci =
        rcgen::KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, rcgen::RsaKeySize::_2048)
            .unwrap();
    let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name
        .push(rcgen::DnType::CommonName, "Siti Rahmawati (RSA)");
    let rsa_cert = p.self_signed(&rsa_kunci).unwrap();
    let rsa =
        KunciTtd::dari_pkcs8(&rsa_kunci.serialize_der(), vec![rsa_cert.der().to_vec()]).unwrap();

    let tampilan = Tampilan {
        nama: "Siti Rahmawati".into(),
        jabatan: "Direktur".into(),
        nomor_identitas: Some("197001012000032001".into()),
        penerbit: "CA Instans Bench (bukan CA pemerintah)".into(),
        alasan: "Pertimbangan teknis".into(),
        lokasi: "Jakarta".into(),
        url_verifikasi: "https://siasn.contoh.go.id/v/0123456789abcdef0123456789abcdef".into(),
        kotak: Some(Kotak {
            halaman: 1,
            x: 283.0,
            y: 140.0,
            lebar: 255.0,
            tinggi: 85.0,
        }),
    };

    let mut render = Vec::new();
    let mut pdf = Vec::new();
    for _ in 0..n.min(50) {
        let t = Instant::now();
        pdf = perender.surat_pdf(&surat).unwrap();
        render.push(t.elapsed());
    }
    let dasar = persentil(render.clone(), 0.5);
    println!(
        "render letter (baseline): p50 {:.2} ms  p95 {:.2} ms  ({} bytes)",
        ms(dasar),
        ms(persentil(render, 0.95)),
        pdf.len()
    );
    for (nama, kunci) in [("ECDSA P-256", &ec), ("RSA-2048", &rsa)] {
        let mut tanda = Vec::with_capacity(n);
        let mut periksa = Vec::with_capacity(n);
        let mut hasil = Vec::new();
        for _ in 0..n {
            let t = Instant::now();
            hasil = tandatangani(&pdf, kunci, &tampilan, now).unwrap();
            tanda.push(t.elapsed());
            let t = Instant::now();
            let h = siasn_ttd::periksa_pdf(&hasil).unwrap();
            periksa.push(t.elapsed());
            assert!(h[0].utuh);
        }
        let (s50, s95) = (persentil(tanda.clone(), 0.5), persentil(tanda, 0.95));
        let (v50, v95) = (persentil(periksa.clone(), 0.5), persentil(periksa, 0.95));
        println!(
            "{nama:12} sign:   p50 {:.2} ms  p95 {:.2} ms  ({:.2}x render)  +{} bytes",
            ms(s50),
            ms(s95),
            s50.as_secs_f64() / dasar.as_secs_f64(),
            hasil.len() - pdf.len()
        );
        println!(
            "{nama:12} verify: p50 {:.2} ms  p95 {:.2} ms  ({:.2}x render)",
            ms(v50),
            ms(v95),
            v50.as_secs_f64() / dasar.as_secs_f64()
        );
    }
}
