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

fn siasn_in(dir: &std::path::Path) -> Command {
    let mut c = siasn();
    c.env("SIASN_DATA_DIR", dir);
    c
}

fn set_password(dir: &std::path::Path, login: &str, password: &str) -> std::process::Output {
    let mut child = siasn_in(dir)
        .args(["user", "set-password", login, "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn first_admin_from_the_command_line_and_audit_verification() {
    let dir = tempfile::tempdir().unwrap();
    let demo = siasn_in(dir.path())
        .args(["demo", "--employees", "30"])
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let printed = String::from_utf8(demo.stdout).unwrap();
    assert!(
        printed.contains("login demo") && printed.contains("admin.bkn"),
        "{printed}"
    );

    let out = siasn_in(dir.path())
        .args([
            "user",
            "add",
            "--login",
            "kepala.bkd",
            "--role",
            "admin-instansi",
            "--instansi",
            "KAB-SLEMAN",
            "--nama",
            "Kepala BKD",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = siasn_in(dir.path())
        .args(["user", "add", "--login", "x", "--role", "admin-instansi"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("harus terikat pada satu instansi"));
    let out = siasn_in(dir.path())
        .args(["user", "add", "--login", "y", "--role", "raja"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("peran 'raja' tidak dikenal"));

    let weak = set_password(dir.path(), "kepala.bkd", "password");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("huruf kapital"));
    let ok = set_password(dir.path(), "kepala.bkd", "Teh-Manis-Hangat-7");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&ok.stdout).contains("Teh-Manis"),
        "never echoed"
    );

    let verify = siasn_in(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(verify.status.success());
    assert!(String::from_utf8_lossy(&verify.stdout).contains("rantai audit utuh"));

    // Someone edits the database behind the application's back.
    let db = dir.path().join("siasn.sqlite");
    let tamper = Command::new("sqlite3")
        .arg(&db)
        .arg("UPDATE audit_event SET aktor = 'orang lain' WHERE urutan = 3")
        .status();
    if tamper.is_ok_and(|s| s.success()) {
        let verify = siasn_in(dir.path())
            .args(["audit", "verify"])
            .output()
            .unwrap();
        assert!(!verify.status.success());
        assert!(String::from_utf8_lossy(&verify.stderr).contains("rusak pada entri 3"));
    } else {
        eprintln!(
            "sqlite3 not installed: tamper half of this test skipped (the store suite covers it)"
        );
    }
}

#[test]
fn card_verify_checks_offline_against_a_key_file_and_fails_on_any_change() {
    use siasn_card::token::{Klaim, KunciPenanda, jwk};
    let (kunci, _) = KunciPenanda::baru("k-uji").unwrap();
    let klaim = Klaim {
        kid: String::new(),
        serial: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        diterbitkan: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        kedaluwarsa: chrono::NaiveDate::from_ymd_opt(2031, 11, 20).unwrap(),
        instansi: "PROV-JABAR".into(),
        nama: "Siti Aminah, S.Kom.".into(),
    };
    let qr = kunci
        .tandatangani("https://siasn.contoh.go.id", &klaim)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(
        &jwks,
        serde_json::json!({ "keys": [jwk("k-uji", &kunci.publik())] }).to_string(),
    )
    .unwrap();
    let out = siasn()
        .args(["card", "verify", &qr, "--keys"])
        .arg(&jwks)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let teks = String::from_utf8_lossy(&out.stdout);
    assert!(
        teks.contains("tanda tangan sah") && teks.contains("Siti Aminah, S.Kom."),
        "{teks}"
    );
    // One changed character anywhere: refused with exit 1.
    for i in [10, qr.len() / 2, qr.len() - 1] {
        let mut b = qr.clone().into_bytes();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let out = siasn()
            .args(["card", "verify", &String::from_utf8(b).unwrap(), "--keys"])
            .arg(&jwks)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "byte {i}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("TIDAK SAH"));
    }
}
