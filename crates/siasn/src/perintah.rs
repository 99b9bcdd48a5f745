//! The subcommands.

use std::process::ExitCode;

use anyhow::Context;
use chrono::Local;
use siasn_domain::Nip;
use siasn_store::{BlobStore, PoolSettings, Store};

use crate::config::{Config, LogFormat};

/// Sets up structured logs (RUST_LOG filters; default `info`).
pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().flatten_event(true).init(),
        LogFormat::Text => builder.init(),
    }
}

async fn open_store(config: &Config) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "folder data {} tidak dapat dibuat",
            config.data_dir.display()
        )
    })?;
    let blobs = match &config.blob_url {
        Some(url) => BlobStore::s3_url(url)
            .with_context(|| format!("penyimpanan berkas {url} tidak dapat dipakai"))?,
        None => BlobStore::local(config.data_dir.join("blobs")).with_context(|| {
            format!(
                "folder berkas di {} tidak dapat dibuat",
                config.data_dir.display()
            )
        })?,
    };
    let settings = PoolSettings {
        max_connections: config.max_connections,
        pg_schema: None,
    };
    Store::open(&config.database_url, &settings, blobs)
        .await
        .with_context(|| {
            format!(
                "basis data {} tidak dapat dibuka",
                config.database_url_for_log()
            )
        })
}

/// `siasn migrate`.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    tracing::info!(
        version = siasn_store::migrate::latest_version(),
        engine = store.engine().name(),
        "schema up to date"
    );
    store.close().await;
    Ok(())
}

/// `siasn demo`.
pub async fn demo(config: &Config, employees: u32, seed: u64) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let result = buat_demo(&store, employees, seed).await;
    store.close().await;
    result
}

async fn buat_demo(store: &Store, employees: u32, seed: u64) -> anyhow::Result<()> {
    let cfg = siasn_demo::DemoConfig {
        seed,
        pegawai: employees,
        ..siasn_demo::DemoConfig::default()
    };
    tracing::info!(
        employees,
        seed,
        engine = store.engine().name(),
        "creating demo data"
    );
    let r = siasn_demo::buat(store, &cfg).await?;
    println!(
        "data demo: {} instansi, {} unor, {} pegawai ({} PPPK), {} riwayat, {} dokumen, {} sengaja tidak konsisten",
        r.instansi,
        r.unor,
        r.pegawai,
        r.pppk,
        r.riwayat,
        r.dokumen,
        r.sengaja_tidak_konsisten.len()
    );
    println!(
        "waktu {:.1} s, laju {:.0} pegawai/s ({})",
        r.durasi.as_secs_f64(),
        r.laju(),
        store.engine().name()
    );
    Ok(())
}

/// `siasn serve [--demo]`.
pub async fn serve(config: &Config, demo: bool, employees: u32) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    if demo {
        if siasn_demo::kosong(&store).await? {
            buat_demo(&store, employees, siasn_demo::DemoConfig::default().seed).await?;
        } else {
            tracing::info!("database already has employees: demo data not created again");
        }
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("tidak dapat mendengarkan di {}", config.listen))?;
    let addr = listener.local_addr().context("alamat server")?;
    tracing::info!(
        address = %addr,
        engine = store.engine().name(),
        database = %config.database_url_for_log(),
        "SIASN listening on http://{addr}"
    );
    let state = siasn_web::AppState::new(store.clone(), config.instance_name.clone());
    // After the signal, open requests get SHUTDOWN_GRACE to finish; a stuck client cannot keep
    // the process (and a rolling deployment) waiting forever.
    let (signalled_tx, mut signalled_rx) = tokio::sync::watch::channel(false);
    let server = siasn_web::serve(listener, state, async move {
        shutdown_signal().await;
        let _ = signalled_tx.send(true);
    });
    let deadline = async move {
        let _ = signalled_rx.wait_for(|s| *s).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        result = server => result.context("server berhenti karena galat")?,
        () = deadline => tracing::warn!(
            seconds = SHUTDOWN_GRACE.as_secs(),
            "open requests did not finish in time: stopping anyway"
        ),
    }
    store.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// How long open requests may run after a shutdown signal.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(20);

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown requested: finishing open requests");
}

/// `siasn nip NIP`: explains it (exit 0) or says what is wrong (exit 1).
pub fn nip(input: &str) -> ExitCode {
    let today = Local::now().date_naive();
    match Nip::parse(input, today) {
        Ok(nip) => {
            println!("NIP            {nip}");
            println!("tanggal lahir  {}", nip.tanggal_lahir().format("%Y-%m-%d"));
            println!("TMT CPNS       {}", nip.tmt_cpns());
            println!("jenis kelamin  {}", nip.jenis_kelamin().nama());
            println!("nomor urut     {:03}", nip.nomor_urut());
            for w in nip.peringatan() {
                println!("perhatian      {w}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("NIP tidak valid: {e}");
            ExitCode::FAILURE
        }
    }
}
