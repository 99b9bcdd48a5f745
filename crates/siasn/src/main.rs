//! `siasn`: one binary for one agency on SQLite or the whole nation on PostgreSQL.

mod audit;
mod config;
mod demo_layanan;
mod kp;
mod pensiun;
mod perintah;
mod ttd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// SIASN: the civil-service information system and MySAPK self-service portal.
#[derive(Debug, Parser)]
#[command(name = "siasn", version, about)]
struct Cli {
    /// Configuration file (TOML); environment variables override it. Also SIASN_CONFIG.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application.
    Serve {
        /// On an empty database, create demo data first.
        #[arg(long)]
        demo: bool,
        /// Number of demo employees (with --demo).
        #[arg(long, default_value_t = 2_000)]
        employees: u32,
    },
    /// Create demo data in an empty database, without serving.
    Demo {
        /// Number of employees.
        #[arg(long, default_value_t = 2_000)]
        employees: u32,
        /// Seed: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Explain a NIP: birth date, TMT CPNS, sex, sequence; or say what is wrong with it.
    Nip {
        /// The NIP, with or without spaces.
        nip: Vec<String>,
    },
    /// Bring the database schema up to date and load missing reference data.
    Migrate,
    /// Manage accounts (first admin, scripts).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Kartu ASN Virtual: verify a card's QR text, publish or rotate the signing keys.
    Card {
        #[command(subcommand)]
        command: CardCommand,
    },
    /// Promotion (kenaikan pangkat): the prediction of a period, proposal windows.
    Kp {
        #[command(subcommand)]
        command: KpCommand,
    },
    /// Retirement: the daily job on demand, an agency's retirement list.
    Pensiun {
        #[command(subcommand)]
        command: PensiunCommand,
    },
    /// Electronic signatures: signers' certificates, the instance CA, trusted roots.
    Ttd {
        #[command(subcommand)]
        command: TtdCommand,
    },
    /// Signed documents: check any PDF's signatures.
    Dokumen {
        #[command(subcommand)]
        command: DokumenCommand,
    },
    /// Partner clients of the SIASN-compatible API.
    Partner {
        #[command(subcommand)]
        command: PartnerCommand,
    },
}

#[derive(Debug, Subcommand)]
enum TtdCommand {
    /// Import an official's PKCS#12 (.p12/.pfx, e.g. from BSrE); the passphrase is read from
    /// standard input to check the file and is not kept.
    Import {
        /// The PKCS#12 file.
        file: PathBuf,
        /// The official: NIP or user name.
        #[arg(long, required_unless_present = "seal", conflicts_with = "seal")]
        login: Option<String>,
        /// Import the instance seal (signs card PDFs) instead of an official's certificate;
        /// the server opens it with SIASN_SIGNATURE_SEAL_PASSPHRASE.
        #[arg(long)]
        seal: bool,
        /// Read the passphrase from standard input (required: never pass it as an argument).
        #[arg(long, required = true)]
        passphrase_stdin: bool,
    },
    /// Issue an official a certificate from the instance CA (not a government CA); the key is
    /// kept only inside a PKCS#12 encrypted with the passphrase read from standard input.
    Issue {
        /// The official: NIP or user name.
        #[arg(long)]
        login: String,
        /// Position written in the certificate.
        #[arg(long)]
        jabatan: Option<String>,
        /// Read the passphrase from standard input (required).
        #[arg(long, required = true)]
        passphrase_stdin: bool,
    },
    /// List certificates (never their keys).
    List,
    /// Revoke a certificate: it signs nothing more; what it signed before stays valid.
    Revoke {
        /// Certificate id (from `list`).
        id: uuid::Uuid,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// Print the instance CA certificate (PEM), to add to a trust store.
    CaExport,
    /// Trust a root certificate (PEM or DER) besides the instance CA, e.g. the BSrE root.
    Trust {
        /// The certificate file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum DokumenCommand {
    /// Check a signed PDF: who signed, when, chain, unchanged, certificate status, and
    /// whether it is the copy this instance issued. Exits non-zero unless valid.
    Verify {
        /// The PDF.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum PartnerCommand {
    /// Register a client; prints `consumer_key=...` and `consumer_secret=...` (the secret is
    /// shown only now).
    Add {
        /// Display name ("SIMPEG Kabupaten X", "PT Taspen").
        #[arg(long)]
        name: String,
        /// The agency whose employees it reaches (an agency's own system; may write).
        #[arg(
            long,
            conflicts_with = "national",
            required_unless_present = "national"
        )]
        instansi: Option<String>,
        /// National read access (pension fund, health insurance).
        #[arg(long)]
        national: bool,
        /// Scopes, space or comma separated: baca tulis dokumen layanan referensi nik keluarga
        /// asuransi (default: baca dokumen layanan referensi).
        #[arg(long, num_args = 1.., value_delimiter = ',')]
        scope: Vec<String>,
        /// Requests per minute.
        #[arg(long, default_value_t = siasn_domain::klien_api::BATAS_BAWAAN_PER_MENIT)]
        rate: u32,
    },
    /// List registered clients (never their secrets).
    List,
    /// Register a webhook for a client: events it may see are POSTed there, signed with a
    /// secret printed only now (`webhook_secret=...`).
    WebhookAdd {
        /// The client's id (`client_id` printed by `partner add`).
        #[arg(long)]
        client: uuid::Uuid,
        /// The receiver (https, or http to this machine).
        #[arg(long)]
        url: String,
        /// Deliver every event from the first, not only those from now on.
        #[arg(long)]
        from_start: bool,
    },
    /// List webhooks with their position, last error and dead letters.
    Webhooks,
    /// Deliver a webhook's events again from a position (dead letters from there are retried).
    WebhookReplay {
        /// The webhook's id.
        #[arg(long)]
        id: uuid::Uuid,
        /// The first position to deliver again.
        #[arg(long)]
        from: i64,
    },
}

#[derive(Debug, Subcommand)]
enum CardCommand {
    /// Check a card's QR text offline: the signature, then print the claims. With --keys it
    /// needs nothing but the key file (the instance's /.well-known/jwks.json); without, the
    /// keys come from this instance's database.
    Verify {
        /// The text of the QR code (the whole link).
        qr: String,
        /// A JWKS file with the issuing instance's public keys.
        #[arg(long)]
        keys: Option<PathBuf>,
    },
    /// Print the published public keys (JWKS), as served at /.well-known/jwks.json.
    Keys,
    /// Start signing new cards with a new key; cards signed before stay verifiable until
    /// they expire.
    RotateKey,
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Give an account a role: an employee by --nip, or a user-name account by --login.
    Add {
        /// User name (created if missing).
        #[arg(long, conflicts_with = "nip", required_unless_present = "nip")]
        login: Option<String>,
        /// Employee NIP (their account is created if missing).
        #[arg(long)]
        nip: Option<String>,
        /// pegawai, operator-instansi, verifikator-instansi, admin-instansi, pejabat-instansi, verifikator-bkn, admin-bkn
        #[arg(long)]
        role: String,
        /// Agency id, for agency roles.
        #[arg(long)]
        instansi: Option<String>,
        /// Kanreg code, to limit a BKN verifier to one regional office.
        #[arg(long)]
        kanreg: Option<String>,
        /// Display name of a user-name account.
        #[arg(long)]
        nama: Option<String>,
        /// E-mail of a user-name account.
        #[arg(long)]
        email: Option<String>,
    },
    /// Set a password (read from standard input), activating the account if needed.
    SetPassword {
        /// NIP or user name.
        login: String,
        /// Read the password from standard input (required: never pass it as an argument).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum PensiunCommand {
    /// Runs today's daily job (decrees whose TMT came, "Mencapai BUP", notices) unless it
    /// already ran today, and prints what it did.
    Harian,
    /// Prints how many of an agency's employees retire in a date range and how long it took.
    Daftar {
        /// Agency id.
        #[arg(long)]
        instansi: String,
        /// From (YYYY-MM-DD; today by default).
        #[arg(long)]
        dari: Option<chrono::NaiveDate>,
        /// To (YYYY-MM-DD; 12 months after `dari` by default).
        #[arg(long)]
        sampai: Option<chrono::NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
enum KpCommand {
    /// Works out the prediction of a period and prints its totals and how long it took.
    Prediksi {
        /// The period (TMT), YYYY-MM-DD.
        #[arg(long)]
        periode: chrono::NaiveDate,
        /// One agency (default: every agency).
        #[arg(long)]
        instansi: Option<String>,
    },
    /// Sets the proposal window of a period (the monthly scheme's deadlines are not published).
    Jadwal {
        /// The period (TMT), YYYY-MM-DD.
        #[arg(long)]
        periode: chrono::NaiveDate,
        /// First day proposals are accepted.
        #[arg(long)]
        buka: chrono::NaiveDate,
        /// Last day proposals are accepted.
        #[arg(long)]
        tutup: chrono::NaiveDate,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the log against the signed heads published outside the database: signatures,
    /// consistency between heads, every entry's content and MAC. Continues from the last
    /// verified head unless --full.
    Verify {
        /// Read every entry, not only those after the last verified head.
        #[arg(long = "full", alias = "penuh")]
        full: bool,
        /// The verifier's state file (default: <data_dir>/audit-terverifikasi.json).
        #[arg(long = "state")]
        state: Option<PathBuf>,
    },
    /// Sequence waiting entries and sign and publish a tree head now.
    Publish,
    /// Add a new MAC key and head-signing key (rotation; old keys keep verifying).
    Rotate,
    /// Benchmarks only: append COUNT synthetic entries (scripts/bench-audit.sh).
    #[command(hide = true)]
    BenchFill {
        /// How many.
        count: u64,
    },
    /// Check an inclusion proof (downloaded from "Siapa melihat atau mengubah data saya")
    /// offline, with the public keys only.
    Prove {
        /// The proof file (JSON).
        file: PathBuf,
        /// Folder with the `tanda-*.pub` public keys (default: the audit key folder).
        #[arg(long = "keys")]
        keys: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Nip { nip } = &cli.command {
        return perintah::nip(&nip.join(" "));
    }
    if let Command::Card {
        command: CardCommand::Verify {
            qr,
            keys: Some(keys),
        },
    } = &cli.command
    {
        return perintah::card_verify_offline(qr, keys);
    }
    let config_file = cli
        .config
        .clone()
        .or_else(|| std::env::var_os("SIASN_CONFIG").map(PathBuf::from));
    let config = match config::Config::load(config_file.as_deref(), |k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("siasn: {e}");
            return ExitCode::from(2);
        }
    };
    perintah::init_logging(config.log_format);
    siasn_teks::atur_zona_waktu(config.time_zone);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("siasn: runtime tidak dapat dibuat: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve { demo, employees } => perintah::serve(&config, demo, employees).await,
            Command::Demo { employees, seed } => perintah::demo(&config, employees, seed).await,
            Command::Migrate => perintah::migrate(&config).await,
            Command::User {
                command:
                    UserCommand::Add {
                        login,
                        nip,
                        role,
                        instansi,
                        kanreg,
                        nama,
                        email,
                    },
            } => {
                perintah::user_add(
                    &config,
                    perintah::UserAdd {
                        login,
                        nip,
                        role,
                        instansi,
                        kanreg,
                        nama,
                        email,
                    },
                )
                .await
            }
            Command::User {
                command: UserCommand::SetPassword { login, .. },
            } => perintah::user_set_password(&config, &login).await,
            Command::Audit {
                command: AuditCommand::Verify { full, state },
            } => audit::verify(&config, full, state).await,
            Command::Audit {
                command: AuditCommand::Publish,
            } => audit::publish(&config).await,
            Command::Audit {
                command: AuditCommand::Rotate,
            } => audit::rotate(&config),
            Command::Audit {
                command: AuditCommand::BenchFill { count },
            } => audit::bench_fill(&config, count).await,
            Command::Audit {
                command: AuditCommand::Prove { file, keys },
            } => audit::prove(&config, &file, keys.as_deref()),
            Command::Pensiun {
                command: PensiunCommand::Harian,
            } => pensiun::harian(&config).await,
            Command::Pensiun {
                command:
                    PensiunCommand::Daftar {
                        instansi,
                        dari,
                        sampai,
                    },
            } => pensiun::daftar(&config, &instansi, dari, sampai).await,
            Command::Kp {
                command: KpCommand::Prediksi { periode, instansi },
            } => kp::prediksi(&config, periode, instansi).await,
            Command::Kp {
                command:
                    KpCommand::Jadwal {
                        periode,
                        buka,
                        tutup,
                    },
            } => kp::jadwal(&config, periode, buka, tutup).await,
            Command::Card {
                command: CardCommand::Verify { qr, .. },
            } => perintah::card_verify_instance(&config, &qr).await,
            Command::Card {
                command: CardCommand::Keys,
            } => perintah::card_keys(&config).await,
            Command::Card {
                command: CardCommand::RotateKey,
            } => perintah::card_rotate_key(&config).await,
            Command::Partner {
                command:
                    PartnerCommand::Add {
                        name,
                        instansi,
                        national: _,
                        scope,
                        rate,
                    },
            } => perintah::partner_add(&config, &name, instansi, &scope.join(" "), rate).await,
            Command::Partner {
                command: PartnerCommand::List,
            } => perintah::partner_list(&config).await,
            Command::Partner {
                command:
                    PartnerCommand::WebhookAdd {
                        client,
                        url,
                        from_start,
                    },
            } => perintah::webhook_add(&config, client, &url, from_start).await,
            Command::Partner {
                command: PartnerCommand::Webhooks,
            } => perintah::webhook_list(&config).await,
            Command::Partner {
                command: PartnerCommand::WebhookReplay { id, from },
            } => perintah::webhook_replay(&config, id, from).await,
            Command::Ttd { command } => match command {
                TtdCommand::Import { file, login, .. } => {
                    ttd::import(&config, &file, login.as_deref()).await
                }
                TtdCommand::Issue { login, jabatan, .. } => {
                    ttd::issue(&config, &login, jabatan.as_deref()).await
                }
                TtdCommand::List => ttd::list(&config).await,
                TtdCommand::Revoke { id, reason } => ttd::revoke(&config, id, &reason).await,
                TtdCommand::CaExport => ttd::ca_export(&config).await,
                TtdCommand::Trust { file } => ttd::trust(&config, &file).await,
            },
            Command::Dokumen {
                command: DokumenCommand::Verify { file },
            } => ttd::verify(&config, &file).await,
            Command::Nip { .. } => Ok(()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("siasn: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, leaving out causes the message already contains.
fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace('\n', " ")
}
