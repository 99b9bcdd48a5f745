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

#[test]
fn a_server_whose_audit_key_folder_is_not_shared_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let demo = siasn_in(dir.path())
        .args(["demo", "--employees", "10"])
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    // A second app server on the same database with a key folder of its own.
    let lain = tempfile::tempdir().unwrap();
    let out = siasn_in(dir.path())
        .arg("serve")
        .env("SIASN_LISTEN", "127.0.0.1:0")
        .env("SIASN_AUDIT_KEY_DIR", lain.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("tidak ada di folder kunci audit") && err.contains("SIASN_AUDIT_KEY_DIR"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
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

    let publish = siasn_in(dir.path())
        .args(["audit", "publish"])
        .output()
        .unwrap();
    assert!(
        publish.status.success(),
        "{}",
        String::from_utf8_lossy(&publish.stderr)
    );
    assert!(String::from_utf8_lossy(&publish.stdout).contains("kepala audit diterbitkan"));
    assert!(dir.path().join("audit-terbit").read_dir().unwrap().count() >= 1);
    let verify = siasn_in(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(String::from_utf8_lossy(&verify.stdout).contains("log audit utuh"));
    assert!(dir.path().join("audit-terverifikasi.json").exists());

    // Someone edits the database behind the application's back.
    let db = dir.path().join("siasn.sqlite");
    let tamper = Command::new("sqlite3")
        .arg(&db)
        .arg("UPDATE audit_entri SET aktor = 'orang lain' WHERE posisi = 2")
        .status();
    if tamper.is_ok_and(|s| s.success()) {
        let verify = siasn_in(dir.path())
            .args(["audit", "verify", "--full"])
            .output()
            .unwrap();
        assert!(!verify.status.success());
        let err = String::from_utf8_lossy(&verify.stderr);
        assert!(err.contains("posisi 2") && err.contains("MAC"), "{err}");
        assert!(err.contains("akar kepala terbit"), "{err}");
    } else {
        eprintln!(
            "sqlite3 not installed: tamper half of this test skipped (the app suite covers it)"
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

fn jalankan(dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = siasn_in(dir).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn pdf_dalam(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            pdf_dalam(&p, out);
        } else if std::fs::read(&p).is_ok_and(|b| b.starts_with(b"%PDF-")) {
            out.push(p);
        }
    }
}

/// The demo signs its letters with the instance CA: `siasn dokumen verify` says who signed and
/// that the copy is the one issued, pdfsig agrees with the exported CA trusted, one changed
/// byte fails both; `siasn ttd` lists, refuses and revokes.
#[test]
fn signed_demo_letters_verify_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, err) = jalankan(dir.path(), &["demo", "--employees", "400"]);
    assert!(ok, "{err}");
    let (ok, daftar, err) = jalankan(dir.path(), &["ttd", "list"]);
    assert!(ok, "{err}");
    assert!(
        daftar.contains("PEJABAT") && daftar.contains("CA_INSTANS"),
        "{daftar}"
    );
    let (ok, pem, _) = jalankan(dir.path(), &["ttd", "ca-export"]);
    assert!(
        ok && pem.starts_with("-----BEGIN CERTIFICATE-----"),
        "{pem}"
    );

    let mut pdf = Vec::new();
    pdf_dalam(dir.path(), &mut pdf);
    let mut bertanda = None;
    for p in &pdf {
        let (ok, teks, _) = jalankan(dir.path(), &["dokumen", "verify", p.to_str().unwrap()]);
        if ok {
            assert!(teks.contains("Kesimpulan: SAH"), "{teks}");
            assert!(teks.contains("sama persis"), "{teks}");
            assert!(teks.contains("berakar pada CA Instans"), "{teks}");
            bertanda = Some(p.clone());
            break;
        }
        assert!(teks.contains("TIDAK SAH"), "{teks}");
    }
    let bertanda = bertanda.expect("the demo holds a signed letter");
    let isi = std::fs::read(&bertanda).unwrap();
    let salinan = dir.path().join("salinan.pdf");
    let mut ubah = isi.clone();
    let pos = ubah.windows(6).position(|w| w == b"stream").unwrap() + 20;
    ubah[pos] ^= 0x20;
    std::fs::write(&salinan, &ubah).unwrap();
    let (ok, teks, err) = jalankan(
        dir.path(),
        &["dokumen", "verify", salinan.to_str().unwrap()],
    );
    assert!(
        !ok && teks.contains("BERUBAH") && err.contains("tidak sah"),
        "{teks}{err}"
    );

    // pdfsig gives the same answers (where installed; CI installs it).
    let ada = Command::new("pdfsig").arg("-v").output().is_ok()
        && Command::new("certutil").arg("-H").output().is_ok();
    if ada {
        let nss = dir.path().join("nss");
        std::fs::create_dir_all(&nss).unwrap();
        let db = format!("sql:{}", nss.display());
        assert!(
            Command::new("certutil")
                .args(["-N", "--empty-password", "-d", &db])
                .status()
                .unwrap()
                .success()
        );
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, &pem).unwrap();
        assert!(
            Command::new("certutil")
                .args(["-A", "-n", "ca", "-t", "CT,C,C", "-d", &db, "-i"])
                .arg(&ca)
                .status()
                .unwrap()
                .success()
        );
        let out = Command::new("pdfsig")
            .args(["-nssdir", &db])
            .arg(&bertanda)
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            s.contains("Signature is Valid") && s.contains("Certificate is Trusted"),
            "{s}"
        );
        let out = Command::new("pdfsig")
            .args(["-nssdir", &db])
            .arg(&salinan)
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(!s.contains("Signature is Valid"), "{s}");
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdfsig and certutil are required in CI"
        );
    }

    // An administrator account may not hold a signing certificate; a second one is refused.
    let (ok, _, err) = jalankan(
        dir.path(),
        &["ttd", "issue", "--login", "admin.bkn", "--passphrase-stdin"],
    );
    assert!(!ok, "{err}");
    let (ok, _, err) = jalankan(
        dir.path(),
        &[
            "ttd",
            "import",
            "/dev/null",
            "--login",
            "admin.bkn",
            "--passphrase-stdin",
        ],
    );
    assert!(
        !ok && err.contains("tidak berwenang menandatangani"),
        "{err}"
    );
    // Revoking: it signs nothing more; listing shows it.
    let id = daftar.split_whitespace().next().unwrap();
    let (ok, teks, err) = jalankan(dir.path(), &["ttd", "revoke", id, "--reason", "uji"]);
    assert!(ok && teks.contains("dicabut"), "{err}");
    let (ok, _, err) = jalankan(dir.path(), &["ttd", "revoke", id, "--reason", "lagi"]);
    assert!(!ok && err.contains("sudah dicabut"), "{err}");
    let (_, daftar, _) = jalankan(dir.path(), &["ttd", "list"]);
    assert!(daftar.contains("[dicabut"), "{daftar}");
}

/// Starts `siasn serve` on a free port with the open-file limit (soft and hard) set to
/// `berkas`, as on many default systems; returns the child, its address and its log lines.
fn serve_dengan_batas_berkas(
    dir: &std::path::Path,
    berkas: u32,
    env: &[(&str, &str)],
) -> (
    std::process::Child,
    String,
    std::io::Lines<BufReader<std::process::ChildStderr>>,
) {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("ulimit -n {berkas} && exec \"$0\" serve"))
        .arg(env!("CARGO_BIN_EXE_siasn"));
    for var in [
        "DATABASE_URL",
        "SIASN_DATA_DIR",
        "SIASN_LISTEN",
        "SIASN_CONFIG",
        "SIASN_LOG_FORMAT",
    ] {
        c.env_remove(var);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c
        .env("SIASN_DATA_DIR", dir)
        .env("SIASN_LISTEN", "127.0.0.1:0")
        .env("SIASN_LOG_FORMAT", "json")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if line.contains("SIASN listening") {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            return (child, v["address"].as_str().unwrap().to_string(), lines);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not start");
}

/// `GET /healthz` from the loopback address `sumber` (the flood comes from 127.0.0.1), with a
/// deadline; the status, or None when there was no answer.
fn healthz_dari(addr: &str, sumber: [u8; 4]) -> Option<u16> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let tujuan: std::net::SocketAddr = addr.parse().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let kerja = async {
            let sock = tokio::net::TcpSocket::new_v4().ok()?;
            sock.bind((std::net::Ipv4Addr::from(sumber), 0).into())
                .ok()?;
            let mut s = sock.connect(tujuan).await.ok()?;
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .await
                .ok()?;
            let mut buf = Vec::new();
            s.read_to_end(&mut buf).await.ok()?;
            String::from_utf8_lossy(&buf).get(9..12)?.parse().ok()
        };
        tokio::time::timeout(Duration::from_secs(5), kerja)
            .await
            .ok()
            .flatten()
    })
}

/// With the common 1,024 open-file limit, 2,000 connections that send half a request and
/// stop do not stop the server: one address holds at most its share (the rest are closed at
/// once), `/healthz` answers meanwhile, and the held ones are closed when the header timeout
/// passes.
#[test]
fn two_thousand_slow_connections_under_a_1024_file_limit_leave_the_server_answering() {
    // This process needs more than 2,000 descriptors for its side of the flood.
    rlimit::increase_nofile_limit(8192).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr, _log) =
        serve_dengan_batas_berkas(dir.path(), 1024, &[("SIASN_HEADER_TIMEOUT_SECONDS", "4")]);
    let tujuan: std::net::SocketAddr = addr.parse().unwrap();
    let mut banjir = Vec::new();
    for _ in 0..2000 {
        if let Ok(mut s) = TcpStream::connect_timeout(&tujuan, Duration::from_millis(500)) {
            let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n");
            banjir.push(s);
        }
    }
    assert!(banjir.len() > 1500, "the flood connected: {}", banjir.len());
    // While the flood is held: the server answers another address.
    assert_eq!(healthz_dari(&addr, [127, 0, 0, 2]), Some(200));
    // The flood's address got at most its share; the rest were closed at once.
    std::thread::sleep(Duration::from_millis(500));
    let terbuka = |banjir: &mut Vec<TcpStream>| {
        let mut n = 0;
        for s in banjir.iter_mut() {
            s.set_nonblocking(true).unwrap();
            let mut b = [0u8; 1];
            if matches!(s.read(&mut b), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock) {
                n += 1;
            }
        }
        n
    };
    let n = terbuka(&mut banjir);
    assert!(n <= 256, "held by the server: {n}");
    assert!(n > 0, "some are held until their timeout");
    // After the header timeout every held connection has been closed by the server.
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(
        terbuka(&mut banjir),
        0,
        "all closed after the header timeout"
    );
    drop(banjir);
    assert_eq!(healthz_dari(&addr, [127, 0, 0, 1]), Some(200));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}
