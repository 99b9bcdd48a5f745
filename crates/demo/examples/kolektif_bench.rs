//! Benchmark (not a test): saving and applying a collective proposal for 1,000 employees (move
//! them to another unit), through the same use cases the pages call.
//!
//! DATABASE_URL=... cargo run --release -p siasn-demo --example kolektif_bench -- [EMPLOYEES]
//! Without DATABASE_URL a temporary SQLite file is used.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

use siasn_app::{Aktor, App, JamSistem, KonfigurasiApp, akun, usulan};
use siasn_demo::DemoConfig;
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::usulan::kolektif::{JenisKolektif, dari_daftar_nip};
use siasn_domain::usulan::{Keputusan, KolomDataUtama};
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
    // An operator proposes, a verifier of the agency approves: the same use cases the pages
    // call, each in one transaction.
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        std::sync::Arc::new(JamSistem),
    );
    let operator = aktor(&app, Peran::OperatorInstansi).await;
    let verifikator = aktor(&app, Peran::VerifikatorInstansi).await;
    let daftar: Vec<String> = orang.iter().map(|p| p.nomor_induk.to_string()).collect();
    let nilai = BTreeMap::from([(KolomDataUtama::UnorId.kode().to_string(), unit.to_string())]);
    let baris =
        dari_daftar_nip(&daftar.join("\n"), &nilai, chrono::Utc::now().date_naive()).unwrap();
    let t = Instant::now();
    let kolektif = usulan::ajukan_kolektif(
        &app,
        &operator,
        JenisKolektif::DataUtama,
        "SK penataan organisasi",
        &baris,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    let simpan = t.elapsed();
    let t = Instant::now();
    let hasil = usulan::putuskan_kolektif(&app, &verifikator, kolektif, Keputusan::Setujui)
        .await
        .unwrap()
        .unwrap();
    let terapkan = t.elapsed();
    let ok = hasil
        .iter()
        .filter(|(_, h)| matches!(h, usulan::HasilPutusan::Berhasil(_)))
        .count();
    let t = Instant::now();
    let audit = store.verifikasi_audit().await.unwrap();
    println!(
        "{}: {} employees; submit {:.2} s; approve+apply {:.2} s ({:.0}/s, {} applied); audit verify {} entries in {:.2} s, intact: {}",
        store.engine().name(),
        baris.len(),
        simpan.as_secs_f64(),
        terapkan.as_secs_f64(),
        hasil.len() as f64 / terapkan.as_secs_f64(),
        ok,
        audit.jumlah,
        t.elapsed().as_secs_f64(),
        audit.rusak.is_none()
    );
}

/// An account of PROV-JABAR with one staff role, as an actor.
async fn aktor(app: &App, peran: Peran) -> Aktor {
    let grant = PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let siapa = akun::PenggunaCli::NamaPengguna {
        login: format!("bench-{}", Uuid::new_v4().simple()),
        nama: Some("Petugas Bench".into()),
        email: None,
    };
    let id = akun::beri_peran_langsung(app, "bench", siapa, &grant)
        .await
        .unwrap();
    Aktor::akun(&app.store().akun(id).await.unwrap(), None)
}
