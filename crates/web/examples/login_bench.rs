//! Benchmark (not a test): login throughput over HTTP against the raw argon2id verification rate
//! on the same machine. The ratio shows what sessions, audit and HTTP add to the hash itself.
//!
//! cargo run --release -p siasn-web --example login_bench [-- SECONDS]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use siasn_domain::akses::{Peran, PeranAkun};
use siasn_store::akun::AkunBaru;
use siasn_web::{AppState, KonfigurasiWeb, Pengirim};

const SANDI: &str = "Kopi-Tubruk-2026";

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let hash = siasn_store::sandi::hash(SANDI).unwrap();

    // 1. Raw argon2id verifications, one thread per core.
    let raw_before = raw_rate(seconds, cores, &hash);

    // 2. Full logins through the real server (SQLite), from distinct addresses so the
    //    per-address limit does not cap the measurement.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("b.sqlite").display());
    let store = siasn_store::Store::open(
        &url,
        &siasn_store::PoolSettings::default(),
        siasn_store::BlobStore::local(dir.path().join("blobs")).unwrap(),
    )
    .await
    .unwrap();
    // The account as a fixture, straight through the store's steps (the bench measures sign-in).
    let mut tx = store.begin().await.unwrap();
    let baru = AkunBaru {
        pegawai_id: None,
        nama_pengguna: Some("bench".into()),
        nama: "Bench".into(),
        email: None,
        peran: vec![PeranAkun::new(Peran::Pegawai, None, None).unwrap()],
    };
    let akun = siasn_store::akun::buat_akun(&mut tx, &baru, chrono::Utc::now())
        .await
        .unwrap();
    siasn_store::akun::ganti_sandi(&mut tx, akun.id, &hash, None, chrono::Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(
        store,
        KonfigurasiWeb {
            percaya_proxy: true,
            ..KonfigurasiWeb::default()
        },
    );
    let pengirim =
        Pengirim::dari_konfigurasi(None, dir.path().join("outbox"), "a <a@b.test>").unwrap();
    tokio::spawn(siasn_web::serve(
        listener,
        state,
        pengirim,
        std::future::pending(),
    ));

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // Alternating phases, raw first and last, so drift in the machine's speed (shared cores)
    // falls on both sides alike.
    let alamat = Arc::new(AtomicU64::new(0));
    let mut raw = vec![raw_before];
    let mut http = Vec::new();
    for _ in 0..3 {
        http.push(http_rate(&client, addr, seconds, cores * 4, &alamat).await);
        raw.push(raw_rate(seconds, cores, &hash));
    }
    let rata = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (raw_rata, http_rata) = (rata(&raw), rata(&http));
    let bulat = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.1}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "raw argon2id verifications: {raw_rata:.1}/s on {cores} threads (phases: {})",
        bulat(&raw)
    );
    println!(
        "HTTP logins (session + audit + SQLite): {http_rata:.1}/s (phases: {})",
        bulat(&http)
    );
    println!("ratio: {:.2}", http_rata / raw_rata);
}

/// Logins per second through the server for `seconds`, from `workers` concurrent clients,
/// each login from a distinct address so the per-address limit does not cap the measurement.
async fn http_rate(
    client: &reqwest::Client,
    addr: std::net::SocketAddr,
    seconds: u64,
    workers: usize,
    alamat: &Arc<AtomicU64>,
) -> f64 {
    let csrf = "c".repeat(64);
    let logins = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (client, logins, csrf, alamat) =
            (client.clone(), logins.clone(), csrf.clone(), alamat.clone());
        tasks.push(tokio::spawn(async move {
            while started.elapsed() < Duration::from_secs(seconds) {
                let n = alamat.fetch_add(1, Ordering::Relaxed);
                let r = client
                    .post(format!("http://{addr}/masuk"))
                    .header("cookie", format!("__Host-siasn-csrf={csrf}"))
                    .header(
                        "x-forwarded-for",
                        format!("10.{}.{}.{}", n / 62_500 % 250, n / 250 % 250, n % 250),
                    )
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("login", "bench"),
                        ("sandi", SANDI),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status().as_u16(), 303, "login succeeded");
                logins.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    logins.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

/// Verifications per second on `cores` threads for `seconds`.
fn raw_rate(seconds: u64, cores: usize, hash: &str) -> f64 {
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..cores)
        .map(|_| {
            let (done, hash) = (done.clone(), hash.to_string());
            std::thread::spawn(move || {
                // The server's own verification: memory kept between hashes, as its Hasher does.
                let mut memori = siasn_store::sandi::MemoriArgon2::default();
                while started.elapsed() < Duration::from_secs(seconds) {
                    assert!(siasn_store::sandi::cocok_dengan(SANDI, &hash, &mut memori));
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}
