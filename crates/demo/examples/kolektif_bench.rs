//! Benchmark (not a test): saving and applying a collective proposal for 1,000 employees (move
//! them to another unit), through the same store calls the web layer uses.
//!
//! DATABASE_URL=... cargo run --release -p siasn-demo --example kolektif_bench -- [EMPLOYEES]
//! Without DATABASE_URL a temporary SQLite file is used.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

use siasn_demo::DemoConfig;
use siasn_domain::referensi::Verifikator;
use siasn_domain::usulan::{Keputusan, KolomDataUtama, Perubahan, StatusUsulan};
use siasn_store::akun::AkunBaru;
use siasn_store::usulan::{AktorUsulan, HasilPutusan, KolektifBaru, Putusan, UsulanBaru};
use siasn_store::{BlobStore, FilterPegawai, PoolSettings, Store};
use uuid::Uuid;

#[tokio::main]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000);
    let dir = tempfile::tempdir().unwrap();
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("b.sqlite").display()));
    let store = Store::open(
        &url,
        &PoolSettings::default(),
        BlobStore::local(dir.path().join("blobs")).unwrap(),
    )
    .await
    .unwrap();
    if siasn_demo::kosong(&store).await.unwrap() {
        // PROV-JABAR gets about a third of the demo's employees.
        siasn_demo::buat(
            &store,
            &DemoConfig {
                pegawai: (n as u32) * 4,
                ..DemoConfig::default()
            },
        )
        .await
        .unwrap();
    }
    let mut orang = Vec::new();
    let mut setelah = None;
    while orang.len() < n {
        let page = store
            .daftar_pegawai(
                &FilterPegawai {
                    instansi_id: "PROV-JABAR".into(),
                    unor_id: None,
                },
                setelah,
                500,
            )
            .await
            .unwrap();
        for r in &page.items {
            orang.push(store.pegawai(r.id).await.unwrap());
        }
        match page.berikutnya {
            Some(k) if !page.items.is_empty() => setelah = Some(k),
            _ => break,
        }
    }
    orang.truncate(n);
    let unit = store
        .unor_instansi("PROV-JABAR")
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    let akun = store
        .buat_akun(
            &AkunBaru {
                pegawai_id: None,
                nama_pengguna: Some(format!("bench-{}", Uuid::new_v4().simple())),
                nama: "Operator Bench".into(),
                email: None,
                peran: vec![],
            },
            "bench",
        )
        .await
        .unwrap();
    let aktor = AktorUsulan {
        akun_id: akun,
        nama: "Operator Bench".into(),
        alamat: None,
        url_dasar: "http://127.0.0.1:8080".into(),
        klien_api: None,
    };
    let batch: Vec<UsulanBaru> = orang
        .iter()
        .map(|p| {
            let perubahan = Perubahan::DataUtama {
                nilai: BTreeMap::from([(KolomDataUtama::UnorId, Some(unit.to_string()))]),
            };
            UsulanBaru {
                id: Uuid::now_v7(),
                kunci_kirim: None,
                pegawai_id: p.id,
                instansi_id: "PROV-JABAR".into(),
                kanreg_id: "03".into(),
                sebelum: perubahan.sebelum(p, &[]).unwrap(),
                perubahan,
                catatan: Some("SK penataan organisasi".into()),
                peringatan: vec![],
                rute: Verifikator::Instansi,
                status: StatusUsulan::Diajukan,
                dokumen_baru: vec![],
                dokumen_arsip: vec![],
            }
        })
        .collect();
    let kolektif = KolektifBaru {
        id: Uuid::now_v7(),
        instansi_id: "PROV-JABAR".into(),
        judul: "bench".into(),
        jenis: "data_utama".into(),
    };
    let t = Instant::now();
    store
        .simpan_usulan(&batch, Some(&kolektif), &aktor, chrono::Utc::now())
        .await
        .unwrap();
    let simpan = t.elapsed();
    let putusan: Vec<Putusan> = batch
        .iter()
        .map(|u| Putusan {
            usulan_id: u.id,
            versi: 1,
            status_dari: StatusUsulan::Diajukan,
            status_ke: StatusUsulan::Selesai,
            keputusan: Keputusan::Setujui,
        })
        .collect();
    let t = Instant::now();
    let hasil = store
        .putuskan_usulan(&putusan, &aktor, chrono::Utc::now())
        .await
        .unwrap();
    let terapkan = t.elapsed();
    let ok = hasil
        .iter()
        .filter(|h| matches!(h, HasilPutusan::Berhasil(_)))
        .count();
    let t = Instant::now();
    let audit = store.verifikasi_audit().await.unwrap();
    println!(
        "{}: {} employees; submit {:.2} s; approve+apply {:.2} s ({:.0}/s, {} applied); audit verify {} entries in {:.2} s, intact: {}",
        store.engine().name(),
        batch.len(),
        simpan.as_secs_f64(),
        terapkan.as_secs_f64(),
        batch.len() as f64 / terapkan.as_secs_f64(),
        ok,
        audit.jumlah,
        t.elapsed().as_secs_f64(),
        audit.rusak.is_none()
    );
}
