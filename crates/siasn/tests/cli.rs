//! The binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn siasn() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_siasn"));
    for var in [
        "DATABASE_URL",
        "SIASN_DATA_DIR",
        "SIASN_LISTEN",
        "SIASN_CONFIG",
        "SIASN_LOG_FORMAT",
    ] {
        c.env_remove(var);
    }
    c
}

#[test]
fn nip_is_explained() {
    let out = siasn()
        .args(["nip", "19680303", "198911", "2", "001"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("tanggal lahir  1968-03-03"), "{text}");
    assert!(text.contains("TMT CPNS       1989-11"));
    assert!(text.contains("jenis kelamin  Perempuan"));
    assert!(text.contains("nomor urut     001"));
}

#[test]
fn a_wrong_nip_says_exactly_what_is_wrong() {
    let out = siasn()
        .args(["nip", "196803031989113001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        "NIP tidak valid: angka ke-15 (jenis kelamin) harus 1 atau 2, bukan 3"
    );
    let out = siasn()
        .args(["nip", "1900022919250310012"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("harus 18 angka, bukan 19")
    );
}

#[test]
fn bad_configuration_is_one_line_not_a_panic() {
    let out = siasn()
        .arg("serve")
        .env("SIASN_LISTEN", "bukan-alamat")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("SIASN_LISTEN 'bukan-alamat'"));
    assert!(!err.contains("panicked"));
}

fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    (text[9..12].parse().unwrap(), text)
}

#[test]
fn serve_demo_answers_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = siasn()
        .args(["serve", "--demo", "--employees", "50"])
        .env("SIASN_DATA_DIR", dir.path())
        .env("SIASN_LISTEN", "127.0.0.1:0")
        .env("SIASN_LOG_FORMAT", "json")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // The address comes from the "listening" log line (port 0 picks a free port).
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut addr = None;
    let mut log = Vec::new();
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        log.push(line.clone());
        if line.contains("SIASN listening") {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            addr = Some(v["address"].as_str().unwrap().to_string());
            break;
        }
    }
    let addr = addr.unwrap_or_else(|| panic!("no listening line in {log:#?}"));
    let (status, _) = http_get(&addr, "/healthz");
    assert_eq!(status, 200);
    let (status, page) = http_get(&addr, "/");
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"id\">"));
    assert!(
        page.contains("Instansi terdaftar</dt><dd>6"),
        "demo agencies are there"
    );

    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status:?}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(
        rest.iter().any(|l| l.contains("stopped cleanly")),
        "{rest:#?}"
    );
    // Logs are structured and carry the request id and route template, not raw paths.
    assert!(
        rest.iter()
            .any(|l| l.contains("request finished") && l.contains("request_id")),
        "{rest:#?}"
    );
    assert!(dir.path().join("siasn.sqlite").exists());
}
