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
    // The chosen language sticks through a cookie.
    let (_, head, _) = get(app.addr, "/masuk?lang=en", "").await;
    assert!(head.contains("set-cookie: siasn-bahasa=en"));
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
