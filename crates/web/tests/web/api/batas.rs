//! The per-client rate limit: a burst hits its own client's limit and changes nothing else.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::common::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_rapid_requests_hit_the_client_limit_and_change_nothing_else() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Terburu-buru", jabar(), "baca", 100).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let p = &demo.target;
    let jalur = format!("/pns/data-utama/{}", nip(p));
    let aktor = format!("klien:{}/akun:", k.klien.id);
    let (baris_awal, audit_awal) = jejak(&app, p).await;

    const JUMLAH: usize = 10_000;
    let berikut = Arc::new(AtomicUsize::new(0));
    let mulai = std::time::Instant::now();
    let mut pekerja = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let api = api.clone();
        let berikut = berikut.clone();
        let jalur = jalur.clone();
        pekerja.spawn(async move {
            let (mut berhasil, mut ditolak) = (0_usize, 0_usize);
            while berikut.fetch_add(1, Ordering::Relaxed) < JUMLAH {
                let r = api.get(&jalur).await;
                match r.status {
                    200 => berhasil += 1,
                    429 => {
                        let tunggu: u64 = r
                            .header("retry-after")
                            .expect("Retry-After")
                            .parse()
                            .unwrap();
                        assert!((1..=60).contains(&tunggu));
                        let v = r.json();
                        assert_eq!(v["Error"], "Too Many Requests");
                        assert!(v["Message"].as_str().unwrap().contains("100"));
                        ditolak += 1;
                    }
                    s => panic!("unexpected {s}: {}", r.teks()),
                }
            }
            (berhasil, ditolak)
        });
    }
    let (mut berhasil, mut ditolak) = (0, 0);
    while let Some(h) = pekerja.join_next().await {
        let (b, d) = h.unwrap();
        berhasil += b;
        ditolak += d;
    }
    let lama = mulai.elapsed();
    assert_eq!(berhasil + ditolak, JUMLAH);
    assert!(berhasil >= 100, "{berhasil}");
    // One-minute windows from the first request: within a minute exactly the limit passes.
    if lama < std::time::Duration::from_secs(60) {
        assert_eq!(berhasil, 100);
    }

    // The same client is refused everywhere, another client is not.
    let r = api.get_abs("/referensi_siasn/1/agama/search").await;
    galat(&r, 429);
    assert!(r.header("retry-after").is_some());
    let k2 = daftar(&app, "SIMPEG Tenang", jabar(), "baca", 100).await;
    ok(&sesi(&app, &k2, &nip(&demo.operator))
        .await
        .get(&jalur)
        .await);

    // Nothing else happened: one audit entry per answered read, no row changed.
    let log = app
        .store()
        .audit_tentang_pegawai(p.id, 100_000)
        .await
        .unwrap();
    let dari_klien = log
        .iter()
        .filter(|e| e.aksi == "api.dibaca" && e.aktor.starts_with(&aktor))
        .count();
    assert_eq!(dari_klien, berhasil);
    let (baris, audit) = jejak(&app, p).await;
    assert_eq!(baris, baris_awal);
    assert_eq!(
        audit,
        audit_awal + berhasil + 1,
        "the answered reads and k2's read"
    );
}
