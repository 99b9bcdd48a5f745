//! Benchmark (not a test): back-office search latency, p50/p95, on a demo database.
//!
//! DATABASE_URL=... cargo run --release -p siasn-demo --example search_bench -- EMPLOYEES [QUERIES]
//! Without DATABASE_URL a temporary SQLite file is used. Demo data is created if the database
//! is empty.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use siasn_demo::{Acak, DemoConfig};
use siasn_domain::akses::Cakupan;
use siasn_store::{BlobStore, FilterPegawai, KriteriaCari, PoolSettings, Store};

#[tokio::main]
async fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000);
    let queries: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
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
        let r = siasn_demo::buat(
            &store,
            &DemoConfig {
                pegawai: n,
                ..DemoConfig::default()
            },
        )
        .await
        .unwrap();
        println!(
            "created {} employees in {:.1} s",
            r.pegawai,
            r.durasi.as_secs_f64()
        );
    }
    // Real NIPs and names to look for.
    let sample = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            500,
        )
        .await
        .unwrap()
        .items;
    let mut acak = Acak::new(7);
    let agency = [Cakupan::Instansi("PROV-JABAR".into())];
    let national = [Cakupan::Nasional];
    for (label, scope) in [
        ("agency scope", &agency[..]),
        ("national scope", &national[..]),
    ] {
        for kind in [
            "NIP exact",
            "NIP prefix (birth date)",
            "name",
            "filter golongan III/a",
            "first page, no criteria",
        ] {
            let mut times = Vec::with_capacity(queries);
            for _ in 0..queries {
                let r = acak.pilih(&sample);
                let k = match kind {
                    "NIP exact" => KriteriaCari {
                        teks: Some(r.nip.clone()),
                        ..Default::default()
                    },
                    "NIP prefix (birth date)" => KriteriaCari {
                        teks: Some(r.nip[..8].to_string()),
                        ..Default::default()
                    },
                    "name" => KriteriaCari {
                        teks: Some(r.nama.split(' ').next_back().unwrap_or("a").to_lowercase()),
                        ..Default::default()
                    },
                    "filter golongan III/a" => KriteriaCari {
                        golongan: Some(31),
                        ..Default::default()
                    },
                    _ => KriteriaCari::default(),
                };
                let t = Instant::now();
                let page = store.cari_pegawai(scope, &k, None, 25).await.unwrap();
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                std::hint::black_box(page);
            }
            times.sort_by(f64::total_cmp);
            let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
            println!(
                "{:<7} {label:<15} {kind:<26} p50 {:>7.2} ms  p95 {:>7.2} ms",
                store.engine().name(),
                p(0.5),
                p(0.95)
            );
        }
    }
}
