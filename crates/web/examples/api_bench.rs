//! Benchmark (not a test): throughput and latency of `GET /apisiasn/1.0/pns/data-utama/{nip}`
//! (two tokens checked, the record and its names read within scope, the read audited) against
//! a trivial handler (`/healthz`) on the same server, same process, same machine.
//!
//! cargo run --release -p siasn-web --example api_bench -- [EMPLOYEES] [SECONDS] [CONNECTIONS]
//! DATABASE_URL=postgres://... uses PostgreSQL (an empty database or schema); otherwise a
//! temporary SQLite file.
//!
//! With SECONDS = 0 it only serves: it prints `base`, the two header lines and a file of NIPs,
//! then waits, so a load generator in its own process (`wrk`, scripts/bench-audit.sh) measures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use siasn_demo::DemoConfig;
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien};
use siasn_store::{BlobStore, FilterPegawai, PoolSettings, Store};
use siasn_web::{AppState, KonfigurasiWeb, Pengirim};

fn arg<T: std::str::FromStr>(i: usize, bawaan: T) -> T {
    std::env::args()
        .nth(i)
        .and_then(|s| s.parse().ok())
        .unwrap_or(bawaan)
}

struct Hasil {
    permintaan: usize,
    gagal: usize,
    detik: f64,
    p50: Duration,
    p99: Duration,
}

async fn beban(
    http: reqwest::Client,
    urls: Arc<Vec<String>>,
    header: Arc<Vec<(String, String)>>,
    detik: u64,
    koneksi: usize,
) -> Hasil {
    let mulai = Instant::now();
    let batas = mulai + Duration::from_secs(detik);
    let mut tugas = Vec::new();
    for k in 0..koneksi {
        let http = http.clone();
        let urls = urls.clone();
        let header = header.clone();
        tugas.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut gagal = 0;
            let mut i = k;
            while Instant::now() < batas {
                let mut req = http.get(&urls[i % urls.len()]);
                for (n, v) in header.iter() {
                    req = req.header(n, v);
                }
                let t = Instant::now();
                match req.send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        lat.push(t.elapsed());
                    }
                    _ => gagal += 1,
                }
                i += koneksi;
            }
            (lat, gagal)
        }));
    }
    let mut semua = Vec::new();
    let mut gagal = 0;
    for t in tugas {
        let (l, g) = t.await.unwrap();
        semua.extend(l);
        gagal += g;
    }
    let detik = mulai.elapsed().as_secs_f64();
    semua.sort_unstable();
    let q = |p: f64| semua[((semua.len() as f64 * p) as usize).min(semua.len() - 1)];
    Hasil {
        permintaan: semua.len(),
        gagal,
        detik,
        p50: q(0.50),
        p99: q(0.99),
    }
}

fn cetak(nama: &str, h: &Hasil) -> f64 {
    let rps = h.permintaan as f64 / h.detik;
    println!(
        "{nama:<28} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} ok, {} failed)",
        rps,
        h.p50.as_secs_f64() * 1000.0,
        h.p99.as_secs_f64() * 1000.0,
        h.permintaan,
        h.gagal
    );
    rps
}

/// An operator of the agency with a user name and password, for the user token.
async fn operator(app: &siasn_app::App, store: &Store) -> String {
    let username = format!("operator.bench.{}", std::process::id());
    let grant = siasn_domain::akses::PeranAkun::new(
        siasn_domain::akses::Peran::OperatorInstansi,
        Some("PROV-JABAR".into()),
        None,
    )
    .unwrap();
    let siapa = siasn_app::akun::PenggunaCli::NamaPengguna {
        login: username.clone(),
        nama: Some("Operator Bench".into()),
        email: None,
    };
    let akun = siasn_app::akun::beri_peran_langsung(app, "bench", siapa, &grant)
        .await
        .unwrap();
    let akun = store.akun(akun).await.unwrap();
    siasn_app::akun::atur_sandi_langsung(app, Some(akun), None, "SiasnDemo#2026", "bench")
        .await
        .unwrap()
        .unwrap();
    username
}

/// The client's gateway token and the operator's user token, as the two headers of a call.
async fn token(
    http: &reqwest::Client,
    base: &str,
    klien: &siasn_app::klien_api::KlienBaru,
    username: &str,
) -> Vec<(String, String)> {
    let g: serde_json::Value = http
        .post(format!("{base}/oauth2/token"))
        .basic_auth(&klien.klien.consumer_key, Some(&klien.secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap();
    let u: serde_json::Value = http
        .post(format!(
            "{base}/auth/realms/public-siasn/protocol/openid-connect/token"
        ))
        .form(&[
            ("grant_type", "password"),
            ("client_id", klien.klien.consumer_key.as_str()),
            ("username", username),
            ("password", "SiasnDemo#2026"),
        ])
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap();
    vec![
        (
            "authorization".to_string(),
            format!("Bearer {}", g["access_token"].as_str().unwrap()),
        ),
        (
            "auth".to_string(),
            format!("bearer {}", u["access_token"].as_str().unwrap()),
        ),
    ]
}

#[tokio::main]
async fn main() {
    let n: u32 = arg(1, 5_000);
    let detik: u64 = arg(2, 10);
    let koneksi: usize = arg(3, 32);
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
        siasn_demo::buat(
            &store,
            &DemoConfig {
                pegawai: n,
                ..DemoConfig::default()
            },
        )
        .await
        .unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(
        store.clone(),
        KonfigurasiWeb {
            app: siasn_web::KonfigurasiApp {
                url_publik: format!("http://{addr}"),
                ..Default::default()
            },
            ..KonfigurasiWeb::default()
        },
    );
    let app = state.app();
    let klien = siasn_app::klien_api::daftarkan(
        app,
        "bench",
        "Bench SIMPEG",
        JangkauanKlien::Instansi("PROV-JABAR".into()),
        DaftarLingkup::parse("baca").unwrap(),
        u32::MAX / 2,
    )
    .await
    .unwrap()
    .unwrap();
    let nip: Vec<String> = store
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
        .items
        .into_iter()
        .map(|p| p.nip)
        .collect();
    let username = operator(app, &store).await;
    let pengirim =
        Pengirim::dari_konfigurasi(None, dir.path().join("outbox"), "bench <b@b.test>").unwrap();
    tokio::spawn(siasn_web::serve(
        listener,
        state,
        pengirim,
        std::future::pending(),
    ));
    let base = format!("http://{addr}");
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(koneksi)
        .build()
        .unwrap();
    let header = Arc::new(token(&http, &base, &klien, &username).await);
    if detik == 0 {
        let berkas = dir.path().join("nip.txt");
        std::fs::write(&berkas, nip.join("\n") + "\n").unwrap();
        println!("base={base}");
        for (nama, nilai) in header.iter() {
            println!("header={nama}: {nilai}");
        }
        println!("nips={}", berkas.display());
        println!("siap");
        std::future::pending::<()>().await;
    }
    let data_utama: Arc<Vec<String>> = Arc::new(
        nip.iter()
            .map(|n| format!("{base}/apisiasn/1.0/pns/data-utama/{n}"))
            .collect(),
    );
    let trivial = Arc::new(vec![format!("{base}/healthz")]);
    println!(
        "{} engine, {n} employees, {koneksi} connections, {detik} s each, 2 warm-up s",
        store.engine().name()
    );
    beban(http.clone(), data_utama.clone(), header.clone(), 2, koneksi).await;
    let t = beban(http.clone(), trivial, header.clone(), detik, koneksi).await;
    let d = beban(http.clone(), data_utama, header, detik, koneksi).await;
    let rt = cetak("GET /healthz (trivial)", &t);
    let rd = cetak("GET data-utama/{nip}", &d);
    println!("throughput ratio data-utama / trivial: {:.2}", rd / rt);
}
