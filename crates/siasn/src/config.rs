//! Configuration: an optional TOML file, overridden by environment variables.
//!
//! | file key      | environment        | default                         |
//! |---------------|--------------------|---------------------------------|
//! | data_dir      | SIASN_DATA_DIR     | ./data                          |
//! | database_url  | DATABASE_URL       | sqlite://<data_dir>/siasn.sqlite |
//! | listen        | SIASN_LISTEN       | 127.0.0.1:8080                  |
//! | instance_name | SIASN_INSTANCE_NAME| SIASN                           |
//! | log_format    | SIASN_LOG_FORMAT   | text (or json)                  |
//! | time_zone     | SIASN_TIME_ZONE    | WIB (or WITA, WIT: how times are shown on pages, e-mails and PDFs) |
//! | max_connections | SIASN_DB_MAX_CONNECTIONS | 16                    |
//! | blob_url      | SIASN_BLOB_URL     | (local folder <data_dir>/blobs; or s3://bucket/prefix) |
//! | multi_server  | SIASN_MULTI_SERVER | false (true: several app servers share this database; needs PostgreSQL and s3:// blobs, and shares rate limits through the database) |
//! | database_replica_url | DATABASE_REPLICA_URL | (none; a PostgreSQL streaming replica for search, statistics and agency lists, used while fresh) |
//! | nats_url      | SIASN_NATS_URL     | (none; nats://host:port[/STREAM]: events are also published to JetStream) |
//! | smtp_url      | SIASN_SMTP_URL     | (none: e-mail goes to <data_dir>/outbox) |
//! | email_from    | SIASN_EMAIL_FROM   | SIASN <no-reply@siasn.invalid>  |
//! | public_url    | SIASN_PUBLIC_URL   | http://<listen>                 |
//! | cookie_secure | SIASN_COOKIE_SECURE| true                            |
//! | trust_proxy   | SIASN_TRUST_PROXY  | false                           |
//! | password_min_length | SIASN_PASSWORD_MIN_LENGTH | 8 (never below 6)  |
//! | token_minutes | SIASN_TOKEN_MINUTES | 30                             |
//! | login_limit_per_address | SIASN_LOGIN_LIMIT_PER_ADDRESS | 300 (sign-in attempts per 5 minutes from one address; an office behind NAT shares one) |
//! | login_limit_per_account | SIASN_LOGIN_LIMIT_PER_ACCOUNT | 30 (sign-in attempts per 5 minutes at one account name, from anywhere) |
//! | verify_due_days | SIASN_VERIFY_DUE_DAYS | 5 (days a proposal may wait at one verification stage before its queue marks it late) |
//! | upload_max_bytes | SIASN_UPLOAD_MAX_BYTES | 2097152 (2 MB per file)   |
//! | photo_transparent_required | SIASN_PHOTO_TRANSPARENT_REQUIRED | true |
//! | signature_tsa_url | SIASN_SIGNATURE_TSA_URL | (none; an RFC 3161 timestamp authority stamps every signature when set) |
//! | (environment only) | SIASN_SIGNATURE_SEAL_PASSPHRASE | (none; opens an imported instance seal) |
//! | signature_instance_ca | SIASN_SIGNATURE_INSTANCE_CA | true (false: only imported PKCS#12 certificates sign) |
//! | header_timeout_seconds | SIASN_HEADER_TIMEOUT_SECONDS | 10 (a request's headers, and an idle keep-alive) |
//! | body_pause_seconds | SIASN_BODY_PAUSE_SECONDS | 20 (longest pause while a body is sent) |
//! | request_timeout_seconds | SIASN_REQUEST_TIMEOUT_SECONDS | 120 (a whole request) |
//! | connections_per_address | SIASN_CONNECTIONS_PER_ADDRESS | 256, or 0 (no cap) with trust_proxy |
//! | audit_key_dir | SIASN_AUDIT_KEY_DIR | <data_dir>/audit-kunci (MAC and head-signing keys; made at first start) |
//! | audit_publish_url | SIASN_AUDIT_PUBLISH_URL | <data_dir>/audit-terbit (signed tree heads; a folder, s3://bucket/prefix or nats://host:port/STREAM) |
//! | audit_publish_seconds | SIASN_AUDIT_PUBLISH_SECONDS | 60 (a new head at most this often while entries arrive; at least every 5 minutes) |

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Folder holding the SQLite file and blobs.
    pub data_dir: PathBuf,
    /// Database URL.
    pub database_url: String,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Name shown on pages.
    pub instance_name: String,
    /// Log format.
    pub log_format: LogFormat,
    /// The zone times are shown in.
    pub time_zone: siasn_teks::ZonaWaktu,
    /// Database pool size.
    pub max_connections: u32,
    /// S3-compatible bucket for documents (`s3://bucket/prefix`); None: `<data_dir>/blobs`.
    pub blob_url: Option<String>,
    /// SMTP server URL; None: write e-mail to `<data_dir>/outbox`.
    pub smtp_url: Option<String>,
    /// Several app servers share the database (shared rate limits; S3 blobs required).
    pub multi_server: bool,
    /// A PostgreSQL streaming replica for read-only work.
    pub database_replica_url: Option<String>,
    /// A NATS server (and stream) events are published to.
    pub nats_url: Option<String>,
    /// Sender address of e-mail.
    pub email_from: String,
    /// Public base URL (links in e-mail; https turns on HSTS).
    pub public_url: String,
    /// Cookies only over https.
    pub cookie_secure: bool,
    /// Trust X-Forwarded-For from a load balancer.
    pub trust_proxy: bool,
    /// Minimum password length.
    pub password_min_length: usize,
    /// Minutes a reset/activation token is valid.
    pub token_minutes: i64,
    /// Days a proposal may wait at one verification stage.
    pub verify_due_days: u32,
    /// Sign-in attempts per 5 minutes from one address.
    pub login_limit_per_address: u32,
    /// Sign-in attempts per 5 minutes at one account name.
    pub login_limit_per_account: u32,
    /// Largest accepted upload per file, in bytes.
    pub upload_max_bytes: usize,
    /// Card photos must have a transparent background.
    pub photo_transparent_required: bool,
    /// Officials' certificates may come from the instance CA.
    pub signature_instance_ca: bool,
    /// An RFC 3161 timestamp authority (PAdES B-T).
    pub signature_tsa_url: Option<String>,
    /// The passphrase of an imported instance seal (environment only, never printed).
    pub signature_seal_passphrase: Option<Rahasia>,
    /// Seconds a client has to send a request's headers.
    pub header_timeout_seconds: u64,
    /// Longest pause, in seconds, while a request body is sent.
    pub body_pause_seconds: u64,
    /// Longest a request may take, in seconds.
    pub request_timeout_seconds: u64,
    /// Open connections one address may hold (0: no cap).
    pub connections_per_address: usize,
    /// Folder of the audit log's MAC and head-signing keys (outside the database).
    pub audit_key_dir: PathBuf,
    /// Where signed audit tree heads are published (a folder, `s3://bucket/prefix` or
    /// `nats://host:port/STREAM`, a JetStream stream).
    pub audit_publish_url: String,
    /// Seconds between signed heads while entries arrive.
    pub audit_publish_seconds: u64,
}

/// A secret from the environment: its Debug never shows it.
#[derive(Clone)]
pub struct Rahasia(pub String);

impl std::fmt::Debug for Rahasia {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rahasia(..)")
    }
}

/// A configuration problem, said in one line.
#[derive(Debug, thiserror::Error)]
#[error("konfigurasi salah: {0}")]
pub struct ConfigError(pub String);

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    listen: Option<String>,
    instance_name: Option<String>,
    log_format: Option<String>,
    time_zone: Option<String>,
    max_connections: Option<u32>,
    blob_url: Option<String>,
    multi_server: Option<bool>,
    database_replica_url: Option<String>,
    nats_url: Option<String>,
    smtp_url: Option<String>,
    email_from: Option<String>,
    public_url: Option<String>,
    cookie_secure: Option<bool>,
    trust_proxy: Option<bool>,
    password_min_length: Option<usize>,
    token_minutes: Option<i64>,
    verify_due_days: Option<i64>,
    login_limit_per_address: Option<i64>,
    login_limit_per_account: Option<i64>,
    upload_max_bytes: Option<i64>,
    photo_transparent_required: Option<bool>,
    signature_instance_ca: Option<bool>,
    signature_tsa_url: Option<String>,
    header_timeout_seconds: Option<i64>,
    body_pause_seconds: Option<i64>,
    request_timeout_seconds: Option<i64>,
    connections_per_address: Option<i64>,
    audit_key_dir: Option<PathBuf>,
    audit_publish_url: Option<String>,
    audit_publish_seconds: Option<i64>,
}

/// The environment over the file: a non-empty variable wins over the file's key, which wins
/// over the default.
struct Sources<E: Fn(&str) -> Option<String>> {
    env: E,
}

impl<E: Fn(&str) -> Option<String>> Sources<E> {
    fn pick(&self, var: &str, file_value: Option<String>) -> Option<String> {
        (self.env)(var)
            .filter(|v| !v.trim().is_empty())
            .or(file_value)
    }

    fn flag(
        &self,
        var: &str,
        file_value: Option<bool>,
        default: bool,
    ) -> Result<bool, ConfigError> {
        match (self.env)(var).as_deref().map(str::trim) {
            None | Some("") => Ok(file_value.unwrap_or(default)),
            Some("1" | "true" | "yes") => Ok(true),
            Some("0" | "false" | "no") => Ok(false),
            Some(other) => Err(ConfigError(format!(
                "{var} '{other}' harus true atau false"
            ))),
        }
    }

    fn number(
        &self,
        var: &str,
        file_value: Option<i64>,
        default: i64,
        min: i64,
    ) -> Result<i64, ConfigError> {
        match (self.env)(var) {
            Some(v) => v
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= min)
                .ok_or_else(|| ConfigError(format!("{var} '{v}' harus bilangan bulat >= {min}"))),
            None => Ok(file_value.unwrap_or(default).max(min)),
        }
    }
}

/// The TOML file, or every key unset when there is none.
fn read_file(file: Option<&Path>) -> Result<FileConfig, ConfigError> {
    let Some(path) = file else {
        return Ok(FileConfig::default());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("berkas {} tidak dapat dibaca: {e}", path.display())))?;
    toml::from_str::<FileConfig>(&text).map_err(|e| {
        ConfigError(format!(
            "berkas {}: {}",
            path.display(),
            e.message().replace('\n', " ")
        ))
    })
}

/// Where data lives: the data folder, the database, the blob store.
fn storage(
    src: &Sources<impl Fn(&str) -> Option<String>>,
    f: &mut FileConfig,
) -> Result<(PathBuf, String, Option<String>), ConfigError> {
    let data_dir = src
        .pick(
            "SIASN_DATA_DIR",
            f.data_dir.take().map(|p| p.to_string_lossy().into_owned()),
        )
        .map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let database_url = src
        .pick("DATABASE_URL", f.database_url.take())
        .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("siasn.sqlite").display()));
    if !(database_url.starts_with("sqlite:")
        || database_url.starts_with("postgres://")
        || database_url.starts_with("postgresql://"))
    {
        return Err(ConfigError(format!(
            "DATABASE_URL harus diawali sqlite: atau postgres:// (sekarang '{}')",
            redact_url(&database_url)
        )));
    }
    let blob_url = src.pick("SIASN_BLOB_URL", f.blob_url.take());
    if let Some(url) = &blob_url
        && !url.starts_with("s3://")
    {
        return Err(ConfigError(format!(
            "SIASN_BLOB_URL '{url}' harus berbentuk s3://bucket/prefix (kosongkan untuk folder lokal)"
        )));
    }
    Ok((data_dir, database_url, blob_url))
}

/// What several app servers need: one PostgreSQL, documents in a bucket every server reaches,
/// optionally a read replica and NATS.
fn bersama(
    src: &Sources<impl Fn(&str) -> Option<String>>,
    f: &mut FileConfig,
    database_url: &str,
    blob_url: Option<&str>,
) -> Result<(bool, Option<String>, Option<String>), ConfigError> {
    let multi_server = src.flag("SIASN_MULTI_SERVER", f.multi_server, false)?;
    let postgres = database_url.starts_with("postgres");
    if multi_server && !postgres {
        return Err(ConfigError(
            "SIASN_MULTI_SERVER=true butuh PostgreSQL (DATABASE_URL=postgres://...): berkas SQLite \
             hanya untuk satu server"
                .into(),
        ));
    }
    if multi_server && blob_url.is_none() {
        return Err(ConfigError(
            "SIASN_MULTI_SERVER=true butuh penyimpanan dokumen bersama (SIASN_BLOB_URL=s3://bucket/prefix): \
             dokumen di folder lokal tidak terlihat oleh server lain"
                .into(),
        ));
    }
    let replika = src.pick("DATABASE_REPLICA_URL", f.database_replica_url.take());
    if let Some(url) = &replika
        && !(postgres && (url.starts_with("postgres://") || url.starts_with("postgresql://")))
    {
        return Err(ConfigError(format!(
            "DATABASE_REPLICA_URL '{}' harus postgres:// dan hanya berlaku bila DATABASE_URL juga PostgreSQL",
            redact_url(url)
        )));
    }
    let nats_url = src.pick("SIASN_NATS_URL", f.nats_url.take());
    if let Some(url) = &nats_url
        && !url.starts_with("nats://")
    {
        return Err(ConfigError(format!(
            "SIASN_NATS_URL '{}' harus diawali nats:// (contoh: nats://127.0.0.1:4222)",
            redact_url(url)
        )));
    }
    Ok((multi_server, replika, nats_url))
}

/// How mail leaves: the SMTP server (or the outbox folder) and the sender.
fn mail(
    src: &Sources<impl Fn(&str) -> Option<String>>,
    f: &mut FileConfig,
) -> Result<(Option<String>, String), ConfigError> {
    let smtp_url = src.pick("SIASN_SMTP_URL", f.smtp_url.take());
    if let Some(url) = &smtp_url
        && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
    {
        return Err(ConfigError(format!(
            "SIASN_SMTP_URL '{}' harus diawali smtp:// atau smtps://",
            redact_url(url)
        )));
    }
    let email_from = src
        .pick("SIASN_EMAIL_FROM", f.email_from.take())
        .unwrap_or_else(|| "SIASN <no-reply@siasn.invalid>".to_string());
    Ok((smtp_url, email_from))
}

impl Config {
    /// Loads `file` (if given) and applies the environment read through `env`.
    pub fn load(
        file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut f = read_file(file)?;
        let src = Sources { env };
        let (data_dir, database_url, blob_url) = storage(&src, &mut f)?;
        let (multi_server, database_replica_url, nats_url) =
            bersama(&src, &mut f, &database_url, blob_url.as_deref())?;
        let (smtp_url, email_from) = mail(&src, &mut f)?;
        let listen_text = src
            .pick("SIASN_LISTEN", f.listen.take())
            .unwrap_or_else(|| "127.0.0.1:8080".to_string());
        let listen = listen_text.trim().parse::<SocketAddr>().map_err(|_| {
            ConfigError(format!(
                "SIASN_LISTEN '{listen_text}' bukan alamat IP:port (contoh: 127.0.0.1:8080)"
            ))
        })?;
        let instance_name = src
            .pick("SIASN_INSTANCE_NAME", f.instance_name.take())
            .unwrap_or_else(|| "SIASN".to_string());
        let log_format = match src.pick("SIASN_LOG_FORMAT", f.log_format.take()).as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError(format!(
                    "SIASN_LOG_FORMAT '{other}' tidak dikenal (pilih text atau json)"
                )));
            }
        };
        let time_zone = match src.pick("SIASN_TIME_ZONE", f.time_zone.take()) {
            None => siasn_teks::ZonaWaktu::default(),
            Some(z) => siasn_teks::ZonaWaktu::dari_kode(&z).ok_or_else(|| {
                ConfigError(format!(
                    "SIASN_TIME_ZONE '{z}' tidak dikenal (pilih WIB, WITA atau WIT)"
                ))
            })?,
        };
        let max_connections = match (src.env)("SIASN_DB_MAX_CONNECTIONS") {
            Some(v) => v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    ConfigError(format!(
                        "SIASN_DB_MAX_CONNECTIONS '{v}' harus bilangan bulat positif"
                    ))
                })?,
            None => f.max_connections.unwrap_or(16),
        };
        let signature_tsa_url = src.pick("SIASN_SIGNATURE_TSA_URL", f.signature_tsa_url.take());
        if let Some(u) = &signature_tsa_url
            && !(u.starts_with("http://") || u.starts_with("https://"))
        {
            return Err(ConfigError(format!(
                "SIASN_SIGNATURE_TSA_URL '{u}' harus diawali http:// atau https://"
            )));
        }
        let public_url = src
            .pick("SIASN_PUBLIC_URL", f.public_url.take())
            .unwrap_or_else(|| format!("http://{listen}"))
            .trim_end_matches('/')
            .to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError(format!(
                "SIASN_PUBLIC_URL '{public_url}' harus diawali http:// atau https://"
            )));
        }
        let trust_proxy = src.flag("SIASN_TRUST_PROXY", f.trust_proxy, false)?;
        Ok(Self {
            smtp_url,
            email_from,
            public_url,
            cookie_secure: src.flag("SIASN_COOKIE_SECURE", f.cookie_secure, true)?,
            trust_proxy,
            header_timeout_seconds: src.number(
                "SIASN_HEADER_TIMEOUT_SECONDS",
                f.header_timeout_seconds,
                10,
                1,
            )? as u64,
            body_pause_seconds: src.number(
                "SIASN_BODY_PAUSE_SECONDS",
                f.body_pause_seconds,
                20,
                1,
            )? as u64,
            request_timeout_seconds: src.number(
                "SIASN_REQUEST_TIMEOUT_SECONDS",
                f.request_timeout_seconds,
                120,
                1,
            )? as u64,
            // Behind a trusted proxy every connection comes from the proxy: the proxy caps
            // per client instead.
            connections_per_address: src.number(
                "SIASN_CONNECTIONS_PER_ADDRESS",
                f.connections_per_address,
                if trust_proxy { 0 } else { 256 },
                0,
            )? as usize,
            password_min_length: src.number(
                "SIASN_PASSWORD_MIN_LENGTH",
                f.password_min_length.map(|n| n as i64),
                8,
                6,
            )? as usize,
            token_minutes: src.number("SIASN_TOKEN_MINUTES", f.token_minutes, 30, 5)?,
            verify_due_days: u32::try_from(
                src.number("SIASN_VERIFY_DUE_DAYS", f.verify_due_days, 5, 1)?
                    .min(365),
            )
            .unwrap_or(5),
            login_limit_per_address: u32::try_from(
                src.number(
                    "SIASN_LOGIN_LIMIT_PER_ADDRESS",
                    f.login_limit_per_address,
                    300,
                    10,
                )?
                .min(1_000_000),
            )
            .unwrap_or(300),
            login_limit_per_account: u32::try_from(
                src.number(
                    "SIASN_LOGIN_LIMIT_PER_ACCOUNT",
                    f.login_limit_per_account,
                    30,
                    5,
                )?
                .min(1_000_000),
            )
            .unwrap_or(30),
            upload_max_bytes: src.number(
                "SIASN_UPLOAD_MAX_BYTES",
                f.upload_max_bytes,
                2 * 1024 * 1024,
                64 * 1024,
            )? as usize,
            photo_transparent_required: src.flag(
                "SIASN_PHOTO_TRANSPARENT_REQUIRED",
                f.photo_transparent_required,
                true,
            )?,
            signature_instance_ca: src.flag(
                "SIASN_SIGNATURE_INSTANCE_CA",
                f.signature_instance_ca,
                true,
            )?,
            audit_key_dir: src
                .pick(
                    "SIASN_AUDIT_KEY_DIR",
                    f.audit_key_dir
                        .take()
                        .map(|p| p.to_string_lossy().into_owned()),
                )
                .map_or_else(|| data_dir.join("audit-kunci"), PathBuf::from),
            audit_publish_url: src
                .pick("SIASN_AUDIT_PUBLISH_URL", f.audit_publish_url.take())
                .unwrap_or_else(|| data_dir.join("audit-terbit").to_string_lossy().into_owned()),
            audit_publish_seconds: src.number(
                "SIASN_AUDIT_PUBLISH_SECONDS",
                f.audit_publish_seconds,
                60,
                1,
            )? as u64,
            signature_tsa_url,
            signature_seal_passphrase: (src.env)("SIASN_SIGNATURE_SEAL_PASSPHRASE")
                .filter(|v| !v.is_empty())
                .map(Rahasia),
            blob_url,
            multi_server,
            database_replica_url,
            nats_url,
            data_dir,
            database_url,
            listen,
            instance_name,
            log_format,
            time_zone,
            max_connections,
        })
    }

    /// The database URL with any password hidden, for logs.
    pub fn database_url_for_log(&self) -> String {
        redact_url(&self.database_url)
    }
}

/// Hides the password in `scheme://user:password@host`.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(colon) => format!("{}{}:***{}", &url[..s + 3], &creds[..colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn defaults() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.database_url, "sqlite://data/siasn.sqlite");
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.log_format, LogFormat::Text);
    }

    #[test]
    fn connection_limits_default_and_follow_the_proxy_setting() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(
            (
                c.header_timeout_seconds,
                c.body_pause_seconds,
                c.request_timeout_seconds,
                c.connections_per_address
            ),
            (10, 20, 120, 256)
        );
        let c = Config::load(None, env(&[("SIASN_TRUST_PROXY", "true")])).unwrap();
        assert_eq!(c.connections_per_address, 0, "the proxy caps per client");
        let c = Config::load(
            None,
            env(&[
                ("SIASN_TRUST_PROXY", "true"),
                ("SIASN_CONNECTIONS_PER_ADDRESS", "64"),
                ("SIASN_HEADER_TIMEOUT_SECONDS", "5"),
            ]),
        )
        .unwrap();
        assert_eq!(
            (c.connections_per_address, c.header_timeout_seconds),
            (64, 5)
        );
        let e = Config::load(None, env(&[("SIASN_HEADER_TIMEOUT_SECONDS", "0")])).unwrap_err();
        assert!(
            e.to_string().contains("SIASN_HEADER_TIMEOUT_SECONDS"),
            "{e}"
        );
    }

    #[test]
    fn environment_overrides_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("siasn.toml");
        std::fs::write(
            &path,
            "data_dir = \"/srv/siasn\"\nlisten = \"0.0.0.0:9000\"\ninstance_name = \"BKD Contoh\"\n",
        )
        .unwrap();
        let c = Config::load(Some(&path), env(&[("SIASN_LISTEN", "127.0.0.1:7000")])).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(c.instance_name, "BKD Contoh");
        assert_eq!(c.database_url, "sqlite:///srv/siasn/siasn.sqlite");
    }

    #[test]
    fn time_zone_login_limits_and_due_days_are_read_and_checked() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.time_zone, siasn_teks::ZonaWaktu::Wib);
        assert_eq!(
            (c.login_limit_per_address, c.login_limit_per_account),
            (300, 30)
        );
        assert_eq!(c.verify_due_days, 5);
        let c = Config::load(
            None,
            env(&[
                ("SIASN_TIME_ZONE", "wita"),
                ("SIASN_LOGIN_LIMIT_PER_ADDRESS", "1000"),
                ("SIASN_VERIFY_DUE_DAYS", "10"),
            ]),
        )
        .unwrap();
        assert_eq!(c.time_zone, siasn_teks::ZonaWaktu::Wita);
        assert_eq!(c.login_limit_per_address, 1000);
        assert_eq!(c.verify_due_days, 10);
        let e = Config::load(None, env(&[("SIASN_TIME_ZONE", "UTC")])).unwrap_err();
        assert!(e.to_string().contains("WIB, WITA atau WIT"), "{e}");
        let e = Config::load(None, env(&[("SIASN_LOGIN_LIMIT_PER_ACCOUNT", "1")])).unwrap_err();
        assert!(e.to_string().contains(">= 5"), "{e}");
    }

    #[test]
    fn several_servers_need_postgres_and_a_bucket() {
        let c = Config::load(None, env(&[])).unwrap();
        assert!(!c.multi_server && c.nats_url.is_none() && c.database_replica_url.is_none());
        let e = Config::load(None, env(&[("SIASN_MULTI_SERVER", "true")])).unwrap_err();
        assert!(e.to_string().contains("PostgreSQL"), "{e}");
        let pg = ("DATABASE_URL", "postgres://siasn:rahasia@db:5432/siasn");
        let e = Config::load(None, env(&[pg, ("SIASN_MULTI_SERVER", "true")])).unwrap_err();
        assert!(e.to_string().contains("SIASN_BLOB_URL"), "{e}");
        let c = Config::load(
            None,
            env(&[
                pg,
                ("SIASN_MULTI_SERVER", "true"),
                ("SIASN_BLOB_URL", "s3://dokumen/prod"),
                (
                    "DATABASE_REPLICA_URL",
                    "postgres://siasn@replika:5432/siasn",
                ),
                ("SIASN_NATS_URL", "nats://nats:4222"),
            ]),
        )
        .unwrap();
        assert!(c.multi_server);
        assert_eq!(c.nats_url.as_deref(), Some("nats://nats:4222"));
        assert!(c.database_replica_url.is_some());
        let e = Config::load(
            None,
            env(&[(
                "DATABASE_REPLICA_URL",
                "postgres://siasn:rahasia@replika/siasn",
            )]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("DATABASE_REPLICA_URL"), "{e}");
        assert!(!e.to_string().contains("rahasia"), "password hidden: {e}");
        let e = Config::load(None, env(&[("SIASN_NATS_URL", "http://nats:4222")])).unwrap_err();
        assert!(e.to_string().contains("nats://"), "{e}");
    }

    #[test]
    fn bad_values_give_one_clear_line() {
        let e = Config::load(None, env(&[("SIASN_LISTEN", "localhost")])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "konfigurasi salah: SIASN_LISTEN 'localhost' bukan alamat IP:port (contoh: 127.0.0.1:8080)"
        );
        let e = Config::load(None, env(&[("DATABASE_URL", "mysql://u:secret@h/db")])).unwrap_err();
        assert!(e.to_string().contains("mysql://u:***@h/db"), "{e}");
        assert!(!e.to_string().contains("secret"));
        let e = Config::load(Some(Path::new("/nonexistent/siasn.toml")), env(&[])).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("konfigurasi salah: berkas /nonexistent/siasn.toml")
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        std::fs::write(&path, "lisen = \"x\"\n").unwrap();
        let e = Config::load(Some(&path), env(&[])).unwrap_err();
        assert!(!e.to_string().contains('\n'));
        assert!(e.to_string().contains("lisen"), "{e}");
        let e = Config::load(None, env(&[("SIASN_BLOB_URL", "/mnt/berkas")])).unwrap_err();
        assert!(e.to_string().contains("s3://bucket/prefix"), "{e}");
        let e = Config::load(None, env(&[("SIASN_PASSWORD_MIN_LENGTH", "4")])).unwrap_err();
        assert!(e.to_string().contains(">= 6"), "{e}");
        let e = Config::load(None, env(&[("SIASN_COOKIE_SECURE", "maybe")])).unwrap_err();
        assert!(e.to_string().contains("SIASN_COOKIE_SECURE"));
        let e = Config::load(None, env(&[("SIASN_SMTP_URL", "http://x:pw@mail")])).unwrap_err();
        assert!(!e.to_string().contains("pw@"), "{e}");
        let e = Config::load(None, env(&[("SIASN_DB_MAX_CONNECTIONS", "0")])).unwrap_err();
        assert!(e.to_string().contains("SIASN_DB_MAX_CONNECTIONS"));
    }

    #[test]
    fn passwords_are_hidden_in_logs() {
        let c = Config::load(
            None,
            env(&[("DATABASE_URL", "postgres://siasn:rahasia@db:5432/siasn")]),
        )
        .unwrap();
        assert_eq!(
            c.database_url_for_log(),
            "postgres://siasn:***@db:5432/siasn"
        );
    }
}
