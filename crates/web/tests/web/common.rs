//! Test harness: the real server on port 0 with a fresh database, a test clock, a cookie-keeping
//! client, and a real SMTP listener that collects what the server sends.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use siasn_domain::akses::PeranAkun;
use siasn_domain::akun::{Sesi, TahapSesi};
use siasn_domain::pegawai::Pegawai;
use siasn_store::akun::AkunBaru;
use siasn_store::testing::TestStore;
use siasn_store::{BlobRef, Store};
use siasn_web::{AppState, JamUji, KonfigurasiApp, KonfigurasiWeb, Pengirim};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Which database engine a test runs on (set by [`dua_mesin!`]; SQLite otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mesin {
    /// The embedded default.
    Sqlite,
    /// The server named by `TEST_DATABASE_URL`.
    Postgres,
}

tokio::task_local! {
    /// The engine of the running test.
    pub static MESIN: Mesin;
}

/// Whether the PostgreSQL half can run (an error under CI when it cannot: it must run there).
pub fn pg_tersedia() -> bool {
    if std::env::var_os(siasn_store::testing::TEST_DATABASE_URL).is_some() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but TEST_DATABASE_URL is not: the PostgreSQL suites must run in CI"
    );
    eprintln!("TEST_DATABASE_URL not set: PostgreSQL test skipped");
    false
}

/// Registers async test functions twice: on SQLite, and on PostgreSQL when it is configured.
#[macro_export]
macro_rules! dua_mesin {
    ($($nama:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $nama() {
                    super::$nama().await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $nama() {
                    if $crate::common::pg_tersedia() {
                        $crate::common::MESIN
                            .scope($crate::common::Mesin::Postgres, super::$nama())
                            .await
                    }
                }
            )*
        }
    };
}

pub struct App {
    pub addr: SocketAddr,
    pub db: TestStore,
    pub jam: JamUji,
    pub surat: mpsc::UnboundedReceiver<String>,
    /// The server's state (its use cases, for fixtures that need one).
    pub state: AppState,
}

impl App {
    pub fn store(&self) -> &Store {
        &self.db.store
    }

    pub fn klien(&self) -> Klien {
        Klien {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: format!("http://{}", self.addr),
            cookies: HashMap::new(),
        }
    }

    /// The next e-mail received by the SMTP listener (waits up to 10 s).
    pub async fn surat_berikutnya(&mut self) -> String {
        tokio::time::timeout(Duration::from_secs(10), self.surat.recv())
            .await
            .expect("an e-mail arrives")
            .expect("smtp listener alive")
    }
}

/// A fresh app with `n` demo employees, the test clock and SMTP delivery to a local listener.
pub async fn spawn_app(n: u32) -> App {
    let db = match MESIN.try_with(|m| *m).unwrap_or(Mesin::Sqlite) {
        Mesin::Sqlite => siasn_store::testing::sqlite().await,
        Mesin::Postgres => siasn_store::testing::postgres_dengan(6)
            .await
            .expect("TEST_DATABASE_URL"),
    };
    if n > 0 {
        siasn_demo::buat(
            &db.store,
            &siasn_demo::DemoConfig {
                pegawai: n,
                ..siasn_demo::DemoConfig::default()
            },
        )
        .await
        .unwrap();
    }
    let (port, surat) = smtp_listener().await;
    let jam = JamUji::pada(Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::dengan_jam(
        db.store.clone(),
        KonfigurasiWeb {
            app: KonfigurasiApp {
                nama_instance: "BKD Uji".into(),
                url_publik: format!("http://{addr}"),
                ..KonfigurasiApp::default()
            },
            ..KonfigurasiWeb::default()
        },
        Arc::new(jam.clone()),
    );
    let pengirim = Pengirim::dari_konfigurasi(
        Some(&format!("smtp://127.0.0.1:{port}")),
        db.path().join("outbox"),
        "SIASN Uji <no-reply@uji.test>",
    )
    .unwrap();
    tokio::spawn(siasn_web::serve(
        listener,
        state.clone(),
        pengirim,
        std::future::pending(),
    ));
    App {
        addr,
        db,
        jam,
        surat,
        state,
    }
}

/// A minimal SMTP server: accepts every message and hands its DATA to the channel.
async fn smtp_listener() -> (u16, mpsc::UnboundedReceiver<String>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 uji ESMTP\r\n").await.ok();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        write.write_all(b"250-uji\r\n250 8BITMIME\r\n").await.ok();
                    } else if upper.starts_with("DATA") {
                        write.write_all(b"354 go on\r\n").await.ok();
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(&l);
                            data.push('\n');
                        }
                        tx.send(data).ok();
                        write.write_all(b"250 queued\r\n").await.ok();
                    } else if upper.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.ok();
                        return;
                    } else {
                        write.write_all(b"250 ok\r\n").await.ok();
                    }
                }
            });
        }
    });
    (port, rx)
}

pub struct Resp {
    pub status: u16,
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub set_cookies: Vec<String>,
    pub body: String,
}

pub struct Klien {
    pub http: reqwest::Client,
    pub base: String,
    pub cookies: HashMap<String, String>,
}

impl Klien {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn selesai(&mut self, r: reqwest::Response) -> Resp {
        let status = r.status().as_u16();
        let header = |n: &str| {
            r.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location");
        let retry_after = header("retry-after");
        let set_cookies: Vec<String> = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        for c in &set_cookies {
            let first = c.split(';').next().unwrap_or("");
            if let Some((k, v)) = first.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), v.to_string());
                }
            }
        }
        let body = r.text().await.unwrap_or_default();
        Resp {
            status,
            location,
            retry_after,
            set_cookies,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        self.selesai(r).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Resp {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .form(form)
            .send()
            .await
            .unwrap();
        self.selesai(r).await
    }

    /// POSTs a multipart form: text fields and files (field, file name, bytes).
    pub async fn multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, Vec<u8>)],
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        for (k, name, bytes) in files {
            form = form.part(
                k.to_string(),
                reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string()),
            );
        }
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.selesai(r).await
    }

    /// GETs binary content: status, content type, content disposition and the bytes.
    pub async fn unduh(&mut self, path: &str) -> (u16, String, String, Vec<u8>) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        Self::isi_unduhan(r).await
    }

    /// POSTs a form that answers with a file (an export): as [`Klien::unduh`].
    pub async fn unduh_post(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String, String, Vec<u8>) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .form(form)
            .send()
            .await
            .unwrap();
        Self::isi_unduhan(r).await
    }

    async fn isi_unduhan(r: reqwest::Response) -> (u16, String, String, Vec<u8>) {
        let h = |n: &str| {
            r.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let (status, jenis, disposisi) = (
            r.status().as_u16(),
            h("content-type"),
            h("content-disposition"),
        );
        (status, jenis, disposisi, r.bytes().await.unwrap().to_vec())
    }

    /// GETs a form page and returns its CSRF token.
    pub async fn csrf(&mut self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        csrf_dari(&r.body)
    }

    /// Signs in with login and password; returns the redirect target.
    pub async fn masuk(&mut self, login: &str, sandi: &str) -> Resp {
        let csrf = self.csrf("/masuk").await;
        self.post(
            "/masuk",
            &[("csrf", &csrf), ("login", login), ("sandi", sandi)],
        )
        .await
    }
}

pub fn csrf_dari(body: &str) -> String {
    let i = body.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    body[i..i + 64].to_string()
}

/// The 12-character token (XXXX-XXXX-XXXX) in an e-mail.
pub fn token_dari(surat: &str) -> String {
    let text = surat.replace("=\n", "");
    let alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for w in text.split(|c: char| c.is_whitespace()) {
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| p.len() == 4 && p.chars().all(|c| alphabet.contains(c)))
        {
            return w.to_string();
        }
    }
    panic!("no token in e-mail:\n{surat}")
}

/// Gives an account a usable password directly (tests of other flows).
pub async fn beri_sandi(store: &Store, akun_id: uuid::Uuid, sandi: &str) {
    let hash = siasn_store::sandi::hash(sandi).unwrap();
    ganti_sandi(store, akun_id, &hash, "uji").await;
}

/// Fixture: sets a password hash (and the audit event an activation writes).
pub async fn ganti_sandi(store: &Store, akun_id: uuid::Uuid, hash: &str, aktor: &str) {
    let mut tx = store.begin().await.unwrap();
    siasn_store::akun::ganti_sandi(&mut tx, akun_id, hash, None, Utc::now())
        .await
        .unwrap();
    let e = siasn_store::audit::AuditBaru {
        aktor: aktor.into(),
        aksi: "akun.diaktifkan".into(),
        akun_id: Some(akun_id),
        ..Default::default()
    };
    siasn_store::audit::tulis(&mut tx, vec![e], Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Fixture: an account with its grants.
pub async fn buat_akun(store: &Store, baru: &AkunBaru) -> uuid::Uuid {
    let mut tx = store.begin().await.unwrap();
    let akun = siasn_store::akun::buat_akun(&mut tx, baru, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    akun.id
}

/// Fixture: a stored session.
pub async fn buat_sesi(store: &Store, sesi: &Sesi) {
    let mut tx = store.begin().await.unwrap();
    siasn_store::akun::buat_sesi(&mut tx, sesi).await.unwrap();
    tx.commit().await.unwrap();
}

/// Fixture: a photo in use on the holder's card.
pub async fn pasang_foto(
    store: &Store,
    pegawai_id: uuid::Uuid,
    blob: &BlobRef,
    akun_id: uuid::Uuid,
    now: chrono::DateTime<Utc>,
) {
    let mut tx = store.begin().await.unwrap();
    let foto = siasn_store::kartu::simpan_foto_calon(&mut tx, pegawai_id, blob, akun_id, now)
        .await
        .unwrap();
    siasn_store::kartu::gunakan_foto(&mut tx, foto, pegawai_id, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// A client signed in (fully) as a new account holding `grants`.
pub async fn sebagai(
    app: &App,
    pegawai: Option<&Pegawai>,
    grants: Vec<PeranAkun>,
    n: u32,
) -> Klien {
    let id = buat_akun(
        app.store(),
        &AkunBaru {
            pegawai_id: pegawai.map(|p| p.id),
            nama_pengguna: pegawai.is_none().then(|| format!("petugas{n}")),
            nama: format!("Petugas {n}"),
            email: None,
            peran: grants,
        },
    )
    .await;
    let token = format!("{:064x}", u128::from(n) + 7);
    let now = siasn_web::Jam::sekarang(&app.jam);
    buat_sesi(
        app.store(),
        &Sesi {
            id_hash: siasn_store::blob::hash_hex(token.as_bytes()),
            akun_id: id,
            tahap: TahapSesi::Penuh,
            csrf: format!("{:064x}", u128::from(n) + 1000),
            ingat_saya: false,
            dibuat_pada: now,
            aktif_pada: now,
            batas_mutlak: now + chrono::Duration::hours(8),
            alamat: None,
            perangkat: None,
        },
    )
    .await;
    let mut k = app.klien();
    k.cookies.insert("__Host-siasn".into(), token);
    k
}

/// Fixture: enables or disables an API client.
pub async fn ubah_status_klien(store: &Store, id: uuid::Uuid, aktif: bool) {
    let mut tx = store.begin().await.unwrap();
    siasn_store::klien_api::ubah_status(&mut tx, id, aktif)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// The passphrase test officials' certificates are issued with.
pub const FRASA_UJI: &str = "frasa-uji-ttd-123";

/// Fixture: issues the account a signing certificate from the instance CA.
pub async fn beri_sertifikat(app: &App, akun_id: uuid::Uuid) {
    siasn_app::ttd::terbitkan_sertifikat(
        app.state.app(),
        "uji",
        akun_id,
        Some("Pejabat Uji"),
        FRASA_UJI,
    )
    .await
    .unwrap()
    .unwrap();
}

/// poppler's pdfsig on `pdf`, with an NSS database trusting `ca` (DER) when given. None where
/// pdfsig or certutil is not installed, except in CI (`.ci/run` installs them).
pub fn pdfsig(pdf: &[u8], ca: Option<&[u8]>) -> Option<String> {
    use std::process::Command;
    for program in ["pdfsig", "certutil"] {
        if Command::new(program).arg("-v").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "{program} is required in CI"
            );
            eprintln!("{program} not installed: pdfsig check skipped");
            return None;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let berkas = dir.path().join("dokumen.pdf");
    std::fs::write(&berkas, pdf).unwrap();
    let mut c = Command::new("pdfsig");
    if let Some(ca) = ca {
        let db = dir.path().join("nss");
        std::fs::create_dir_all(&db).unwrap();
        let nss = format!("sql:{}", db.display());
        assert!(
            Command::new("certutil")
                .args(["-N", "--empty-password", "-d", &nss])
                .status()
                .unwrap()
                .success()
        );
        let pem = dir.path().join("ca.pem");
        std::fs::write(&pem, siasn_ttd::sertifikat::pem(ca).unwrap()).unwrap();
        assert!(
            Command::new("certutil")
                .args(["-A", "-n", "ca", "-t", "CT,C,C", "-d", &nss, "-i"])
                .arg(&pem)
                .status()
                .unwrap()
                .success()
        );
        c.arg("-nssdir").arg(&nss);
    }
    let out = c.arg(&berkas).output().unwrap();
    Some(format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}
