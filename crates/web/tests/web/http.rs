//! HTTP tests: the real router on port 0 against a fresh database.

use std::net::SocketAddr;

use siasn_store::testing::TestStore;
use siasn_web::AppState;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct App {
    addr: SocketAddr,
    _db: TestStore,
}

async fn spawn_app() -> App {
    spawn_app_dengan(siasn_web::BatasKoneksi::default()).await
}

async fn spawn_app_dengan(koneksi: siasn_web::BatasKoneksi) -> App {
    let db = siasn_store::testing::sqlite().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(
        db.store.clone(),
        siasn_web::KonfigurasiWeb {
            app: siasn_web::KonfigurasiApp {
                nama_instance: "BKD Kota Contoh".into(),
                ..Default::default()
            },
            koneksi,
            ..Default::default()
        },
    );
    let pengirim =
        siasn_web::Pengirim::dari_konfigurasi(None, db.path().join("outbox"), "SIASN <a@b.test>")
            .unwrap();
    tokio::spawn(siasn_web::serve(
        listener,
        state,
        pengirim,
        std::future::pending(),
    ));
    App { addr, _db: db }
}

/// A minimal HTTP/1.1 GET (no client library needed); returns status, headers, body.
async fn get(addr: SocketAddr, path: &str, extra: &str) -> (u16, String, String) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{extra}\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let (status, _, body) = get(app.addr, "/healthz", "").await;
    assert_eq!(status, 200);
    assert_eq!(body, "ok");
    let (status, head, body) = get(app.addr, "/readyz", "").await;
    assert_eq!(status, 200);
    assert!(head.contains("application/json"));
    assert!(
        body.contains("\"status\":\"ready\"") && body.contains("sqlite"),
        "{body}"
    );
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = spawn_app().await;
    app._db.store.close().await;
    let (status, _, body) = get(app.addr, "/readyz", "").await;
    assert_eq!(status, 503);
    assert!(body.contains("unavailable"));
    // Liveness is about the process, not the database.
    assert_eq!(get(app.addr, "/healthz", "").await.0, 200);
}

#[tokio::test]
async fn readiness_names_each_dependency_and_fails_without_the_document_store() {
    let app = spawn_app().await;
    let (status, _, body) = get(app.addr, "/readyz", "").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("\"database\":\"ok\"") && body.contains("\"dokumen\":\"ok\""),
        "{body}"
    );
    std::fs::remove_dir_all(app._db.path().join("blobs")).unwrap();
    let (status, _, body) = get(app.addr, "/readyz", "").await;
    assert_eq!(status, 503);
    assert!(body.contains("\"dokumen\":\"unavailable\""), "{body}");
    assert!(
        !body.contains("No such file"),
        "causes stay in the log: {body}"
    );
}

#[tokio::test]
async fn home_page_is_indonesian_and_names_the_instance() {
    let app = spawn_app().await;
    let (status, head, body) = get(app.addr, "/", "").await;
    assert_eq!(status, 200);
    assert!(head.contains("text/html"));
    assert!(body.contains("<html lang=\"id\">"));
    assert!(body.contains("BKD Kota Contoh"));
    assert!(body.contains("Sistem Informasi ASN"));
    assert!(body.contains("Basis data siap"));
    assert!(body.len() < 100_000);

    let (_, _, en) = get(app.addr, "/?lang=en", "").await;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Civil Service Information System"));
    // An unknown language is refused rather than guessed.
    assert_eq!(get(app.addr, "/?lang=xx", "").await.0, 400);
    // The chosen language sticks through a cookie, HttpOnly and Secure like the others.
    let (_, head, _) = get(app.addr, "/masuk?lang=en", "").await;
    let cookie = head
        .lines()
        .find(|l| l.starts_with("set-cookie: siasn-bahasa=en"))
        .unwrap_or_else(|| panic!("{head}"));
    assert!(
        cookie.contains("httponly") && cookie.contains("secure"),
        "{cookie}"
    );
    let (_, _, page) = get(app.addr, "/masuk", "Cookie: siasn-bahasa=en\r\n").await;
    assert!(page.contains("Sign in") && page.contains("<html lang=\"en\">"));
}

#[tokio::test]
async fn every_response_has_a_request_id_and_security_headers() {
    let app = spawn_app().await;
    let (_, head, _) = get(app.addr, "/", "").await;
    assert!(head.contains("x-request-id: "));
    assert!(head.contains("x-content-type-options: nosniff"));
    assert!(head.contains("x-frame-options: deny"));
    assert!(head.contains("content-security-policy: default-src 'self'"));
    // A plain caller id is kept (for tracing across systems); a hostile one is replaced.
    let (_, head, _) = get(app.addr, "/healthz", "X-Request-Id: simpeg-42\r\n").await;
    assert!(head.contains("x-request-id: simpeg-42"));
    let (_, head, _) = get(app.addr, "/healthz", "X-Request-Id: a b\"<script>\r\n").await;
    assert!(!head.contains("<script>"));
}

#[tokio::test]
async fn unknown_pages_are_404_in_indonesian() {
    let app = spawn_app().await;
    let (status, _, body) = get(app.addr, "/tidak-ada", "").await;
    assert_eq!(status, 404);
    assert!(body.contains("Halaman tidak ditemukan"));
    let (status, head, manifest) = get(app.addr, "/manifest.webmanifest", "").await;
    assert_eq!(status, 200);
    assert!(head.contains("application/manifest+json"));
    assert!(manifest.contains("\"start_url\": \"/beranda\"") && manifest.contains("512x512"));
    let (status, head, _) = get(app.addr, "/static/ikon-192.png", "").await;
    assert_eq!(status, 200);
    assert!(head.contains("image/png"));
    let (status, _, css) = get(app.addr, "/static/siasn.css", "").await;
    assert_eq!(status, 200);
    assert!(css.contains("--brand"));
}

/// Whether the server closes `s` within `dalam` (reads end or reset), without answering
/// anything but an error status.
async fn ditutup_dalam(
    s: &mut tokio::net::TcpStream,
    dalam: std::time::Duration,
) -> (bool, String) {
    let mut buf = Vec::new();
    let r = tokio::time::timeout(dalam, s.read_to_end(&mut buf)).await;
    let teks = String::from_utf8_lossy(&buf).into_owned();
    (r.is_ok(), teks)
}

fn cepat() -> siasn_web::BatasKoneksi {
    siasn_web::BatasKoneksi {
        baca_kepala: std::time::Duration::from_secs(1),
        jeda_badan: std::time::Duration::from_secs(1),
        permintaan: std::time::Duration::from_secs(3),
        per_alamat: 4,
    }
}

/// A client that stops halfway through its headers, one that never sends anything, and one
/// that stops halfway through its body are all closed once their timeout passes; a client
/// sending at a normal pace is served.
#[tokio::test]
async fn slow_headers_and_slow_bodies_are_closed_after_their_timeout() {
    let app = spawn_app_dengan(cepat()).await;
    let lama = std::time::Duration::from_secs(4);
    let mut kepala = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    kepala
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut diam = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let mut badan = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    badan
        .write_all(
            b"POST /masuk HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nlogin=",
        )
        .await
        .unwrap();
    let (tutup, teks) = ditutup_dalam(&mut kepala, lama).await;
    assert!(
        tutup && !teks.contains(" 200 "),
        "slow headers closed: {teks}"
    );
    let (tutup, _) = ditutup_dalam(&mut diam, lama).await;
    assert!(tutup, "an idle connection is closed");
    let (tutup, teks) = ditutup_dalam(&mut badan, lama).await;
    assert!(tutup && !teks.contains(" 200 "), "slow body closed: {teks}");
    // Meanwhile and afterwards, normal requests are answered.
    assert_eq!(get(app.addr, "/healthz", "").await.0, 200);
}

/// One address holds at most its share of connections; more are closed at once, and the
/// share comes back as connections close. Another address is not affected.
#[tokio::test]
async fn one_address_holds_at_most_its_share_of_connections() {
    let app = spawn_app_dengan(siasn_web::BatasKoneksi {
        baca_kepala: std::time::Duration::from_secs(30),
        ..cepat()
    })
    .await;
    let mut ditahan = Vec::new();
    for _ in 0..4 {
        let s = tokio::net::TcpStream::connect(app.addr).await.unwrap();
        ditahan.push(s);
    }
    // Let the server accept them all before the fifth arrives.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut lebih = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let (tutup, teks) = ditutup_dalam(&mut lebih, std::time::Duration::from_secs(2)).await;
    assert!(
        tutup && teks.is_empty(),
        "the fifth is closed at once: {teks}"
    );
    let lain = tokio::net::TcpSocket::new_v4().unwrap();
    lain.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let mut lain = lain.connect(app.addr).await.unwrap();
    lain.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (_, teks) = ditutup_dalam(&mut lain, std::time::Duration::from_secs(2)).await;
    assert!(teks.starts_with("HTTP/1.1 200"), "another address: {teks}");
    drop(ditahan);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        get(app.addr, "/healthz", "").await.0,
        200,
        "the share came back"
    );
}
