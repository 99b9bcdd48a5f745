//! The subcommands.

use std::process::ExitCode;

use anyhow::Context;
use chrono::Local;
use siasn_app::akun::{self, PenggunaCli};
use siasn_app::{App, JamSistem, KonfigurasiApp};
use siasn_domain::Nip;
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::akun::Login;
use siasn_store::{BlobStore, FilterPegawai, PoolSettings, Store};
use siasn_teks::Bahasa;

use crate::config::{Config, LogFormat};

/// Sets up structured logs (RUST_LOG filters; default `info`, with the database and NATS
/// clients' routine connection messages left out).
pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,async_nats=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().flatten_event(true).init(),
        LogFormat::Text => builder.init(),
    }
}

pub(crate) async fn open_store(config: &Config) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "folder data {} tidak dapat dibuat",
            config.data_dir.display()
        )
    })?;
    // Every entry this process writes carries a MAC under the key folder's keys.
    let kunci =
        siasn_app::audit::muat_kunci(&config.audit_key_dir, true).context("kunci log audit")?;
    siasn_store::audit::pasang_kunci_mac(kunci.mac);
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
    let store = Store::open(&config.database_url, &settings, blobs)
        .await
        .with_context(|| {
            format!(
                "basis data {} tidak dapat dibuka",
                config.database_url_for_log()
            )
        })?;
    match &config.database_replica_url {
        Some(url) => store
            .dengan_replika(url, &settings)
            .await
            .context("DATABASE_REPLICA_URL"),
        None => Ok(store),
    }
}

/// Refuses to serve when the newest audit entries carry MAC keys this server's key folder lacks:
/// another app server writes with keys of its own (a folder not shared, or not copied after a
/// rotation), so `siasn audit verify` here would call those entries forged.
async fn periksa_kunci_bersama(config: &Config, store: &Store) -> anyhow::Result<()> {
    let asing = store
        .kunci_mac_asing(1_000)
        .await
        .context("kunci MAC entri audit terbaru")?;
    if asing.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "entri audit terbaru ditandai dengan kunci MAC {} yang tidak ada di folder kunci audit {}: \
         semua server aplikasi harus memakai folder kunci yang sama (SIASN_AUDIT_KEY_DIR), \
         termasuk kunci baru setelah rotasi; salin folder itu dari server lain lalu mulai lagi",
        asing.join(", "),
        config.audit_key_dir.display()
    )
}

/// The use cases' settings from the configuration.
fn konfigurasi_app(config: &Config) -> KonfigurasiApp {
    KonfigurasiApp {
        nama_instance: config.instance_name.clone(),
        url_publik: config.public_url.clone(),
        token_menit: config.token_minutes,
        tenggat_verifikasi_hari: config.verify_due_days,
        panjang_sandi_minimum: config.password_min_length,
        batas_unggah: config.upload_max_bytes,
        foto_wajib_transparan: config.photo_transparent_required,
        ttd_ca_instans: config.signature_instance_ca,
        ttd_tsa_url: config.signature_tsa_url.clone(),
        ttd_frasa_segel: config
            .signature_seal_passphrase
            .as_ref()
            .map(|r| r.0.clone()),
        ..KonfigurasiApp::default()
    }
}

/// The use cases over a freshly opened store.
pub(crate) async fn open_app(config: &Config) -> anyhow::Result<App> {
    let store = open_store(config).await?;
    Ok(App::new(
        store,
        konfigurasi_app(config),
        std::sync::Arc::new(JamSistem),
    ))
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
    let app = open_app(config).await?;
    let result = buat_demo(&app, employees, seed).await;
    app.store().close().await;
    result
}

async fn buat_demo(app: &App, employees: u32, seed: u64) -> anyhow::Result<()> {
    let store = app.store();
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
    let akun = akun_demo(app).await?;
    crate::demo_layanan::kasus_kp(app, &akun).await?;
    crate::demo_layanan::kasus_pensiun(app, &akun).await?;
    crate::demo_layanan::formasi(app).await?;
    crate::demo_layanan::kasus_cltn(app, &akun).await?;
    crate::demo_layanan::kasus_status_instansi(app, &akun).await?;
    crate::demo_layanan::kasus_pindah(app, &akun).await?;
    crate::demo_layanan::pengadaan(app, &akun).await?;
    crate::demo_layanan::harian(app).await
}

/// The password of every demo account (documented in the README; demo data only).
pub const SANDI_DEMO: &str = "SiasnDemo#2026";

/// Demo logins for each role, printed for the person trying the demo.
async fn akun_demo(app: &App) -> anyhow::Result<crate::demo_layanan::AkunDemo> {
    const AKTOR: &str = "demo";
    let store = app.store();
    let page = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            50,
        )
        .await?;
    let mut pns = Vec::new();
    for r in page.items.iter().filter(|r| r.jenis_pegawai == "PNS") {
        let p = store.pegawai(r.id).await?;
        if p.kedudukan_hukum_id == "01" {
            pns.push(p);
        }
        if pns.len() == 3 {
            break;
        }
    }
    let mut baris = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (p, peran) in pns.iter().zip([
        Some(Peran::OperatorInstansi),
        Some(Peran::VerifikatorInstansi),
        None,
    ]) {
        let grant = match peran {
            Some(r) => PeranAkun::new(r, Some("PROV-JABAR".into()), None)?,
            None => PeranAkun::new(Peran::Pegawai, None, None)?,
        };
        let siapa = PenggunaCli::Pegawai(Box::new(p.clone()));
        let id = akun::beri_peran_langsung(app, AKTOR, siapa, &grant).await?;
        aktifkan(app, id, Some(p)).await?;
        ids.insert(grant.peran.kode(), id);
        baris.push((grant.peran.nama().to_string(), p.nomor_induk.to_string()));
    }
    for (login, nama, grant) in [
        (
            "admin.jabar",
            "Admin BKD Provinsi Jawa Barat",
            PeranAkun::new(Peran::AdminInstansi, Some("PROV-JABAR".into()), None)?,
        ),
        (
            "verifikator.kanreg3",
            "Verifikator Kanreg III BKN",
            PeranAkun::new(Peran::VerifikatorBkn, None, Some("03".into()))?,
        ),
        (
            "admin.bkn",
            "Admin BKN",
            PeranAkun::new(Peran::AdminBkn, None, None)?,
        ),
        (
            "pejabat.jabar",
            "Pejabat Pembina Kepegawaian Provinsi Jawa Barat",
            PeranAkun::new(Peran::PejabatInstansi, Some("PROV-JABAR".into()), None)?,
        ),
        (
            "verifikator.bkn",
            "Verifikator BKN Pusat",
            PeranAkun::new(Peran::VerifikatorBkn, None, None)?,
        ),
        (
            "operator.bandung",
            "Operator BKPSDM Kota Bandung",
            PeranAkun::new(Peran::OperatorInstansi, Some("KOTA-BANDUNG".into()), None)?,
        ),
        (
            "pejabat.bandung",
            "Pejabat Pembina Kepegawaian Kota Bandung",
            PeranAkun::new(Peran::PejabatInstansi, Some("KOTA-BANDUNG".into()), None)?,
        ),
    ] {
        let siapa = PenggunaCli::NamaPengguna {
            login: login.into(),
            nama: Some(nama.into()),
            email: Some(format!("{login}@demo.siasn.test")),
        };
        let id = akun::beri_peran_langsung(app, AKTOR, siapa, &grant).await?;
        aktifkan(app, id, None).await?;
        ids.insert(login, id);
        baris.push((grant.peran.nama().to_string(), login.to_string()));
    }
    println!(
        "login demo (kata sandi semua akun: {SANDI_DEMO}; petugas mendaftarkan MFA saat masuk pertama):"
    );
    for (peran, login) in baris {
        println!("  {peran:<26} {login}");
    }
    let ambil = |k: &str| {
        ids.get(k)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("akun demo {k} tidak dibuat"))
    };
    Ok(crate::demo_layanan::AkunDemo {
        operator: ambil(Peran::OperatorInstansi.kode())?,
        pejabat: ambil("pejabat.jabar")?,
        bkn: ambil("verifikator.bkn")?,
        // A tiny demo may have too few employees for the employee login.
        pegawai: ids.get(Peran::Pegawai.kode()).copied(),
        operator_bandung: ambil("operator.bandung")?,
        pejabat_bandung: ambil("pejabat.bandung")?,
    })
}

async fn aktifkan(
    app: &App,
    akun_id: uuid::Uuid,
    pegawai: Option<&siasn_domain::pegawai::Pegawai>,
) -> anyhow::Result<()> {
    let akun = app.store().akun(akun_id).await?;
    akun::atur_sandi_langsung(app, Some(akun), pegawai, SANDI_DEMO, "demo")
        .await?
        .map_err(|alasan| {
            let list: Vec<String> = alasan
                .iter()
                .map(|a| Bahasa::Indonesia.jelaskan(a))
                .collect();
            anyhow::anyhow!("kata sandi demo ditolak: {}", list.join("; "))
        })?;
    Ok(())
}

/// Arguments of `siasn user add`.
pub struct UserAdd {
    /// User name.
    pub login: Option<String>,
    /// Employee NIP.
    pub nip: Option<String>,
    /// Role.
    pub role: String,
    /// Agency.
    pub instansi: Option<String>,
    /// Kanreg.
    pub kanreg: Option<String>,
    /// Display name.
    pub nama: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// `siasn user add`.
pub async fn user_add(config: &Config, a: UserAdd) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let result = async {
        let store = app.store();
        let peran = Peran::from_kode(&a.role).with_context(|| {
            format!("peran '{}' tidak dikenal (pilih: pegawai, operator-instansi, verifikator-instansi, admin-instansi, pejabat-instansi, verifikator-bkn, admin-bkn)", a.role)
        })?;
        if let Some(i) = &a.instansi {
            store.instansi(i).await.with_context(|| format!("instansi '{i}' tidak ada"))?;
        }
        let grant = PeranAkun::new(peran, a.instansi.clone(), a.kanreg.clone())
            .map_err(|e| anyhow::anyhow!(Bahasa::Indonesia.jelaskan(&e)))?;
        let siapa = match (&a.nip, &a.login) {
            (Some(nip), _) => {
                let nip = Nip::parse(nip, Local::now().date_naive())
                    .map_err(|e| anyhow::anyhow!("NIP tidak valid: {e}"))?;
                let p = store
                    .pegawai_by_nip(nip.as_str())
                    .await
                    .with_context(|| format!("pegawai dengan NIP {nip} tidak ada"))?;
                PenggunaCli::Pegawai(Box::new(p))
            }
            (None, Some(login)) => {
                let valid = !login.is_empty()
                    && login.len() <= 64
                    && login.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                    && !login.chars().all(|c| c.is_ascii_digit());
                anyhow::ensure!(valid, "nama pengguna hanya huruf, angka, titik, garis bawah, tanda hubung (dan bukan hanya angka)");
                PenggunaCli::NamaPengguna {
                    login: login.clone(),
                    nama: a.nama.clone(),
                    email: a.email.clone(),
                }
            }
            (None, None) => anyhow::bail!("sebutkan --nip atau --login"),
        };
        let akun_id = akun::beri_peran_langsung(&app, "cli", siapa, &grant).await?;
        println!("akun {akun_id}: peran {} diberikan", peran.nama());
        Ok(())
    }
    .await;
    app.store().close().await;
    result
}

/// `siasn user set-password LOGIN --password-stdin`.
pub async fn user_set_password(config: &Config, login: &str) -> anyhow::Result<()> {
    let mut sandi = String::new();
    std::io::stdin()
        .read_line(&mut sandi)
        .context("kata sandi tidak dapat dibaca dari standard input")?;
    let sandi = sandi.trim_end_matches(['\n', '\r']).to_string();
    let app = open_app(config).await?;
    let result = async {
        let store = app.store();
        let today = Local::now().date_naive();
        let digits = login.chars().all(|c| c.is_ascii_digit() || c == ' ');
        let (akun, pegawai) = if digits {
            let nip =
                Nip::parse(login, today).map_err(|e| anyhow::anyhow!("NIP tidak valid: {e}"))?;
            let p = store
                .pegawai_by_nip(nip.as_str())
                .await
                .with_context(|| format!("pegawai dengan NIP {nip} tidak ada"))?;
            (store.akun_pegawai(p.id).await?, Some(p))
        } else {
            let akun = store
                .akun_by_login(&Login::NamaPengguna(login.to_lowercase()))
                .await?
                .with_context(|| format!("akun '{login}' tidak ada"))?;
            (Some(akun), None)
        };
        let akun_id = akun::atur_sandi_langsung(&app, akun, pegawai.as_ref(), &sandi, "cli")
            .await?
            .map_err(|alasan| {
                let list: Vec<String> = alasan
                    .iter()
                    .map(|a| Bahasa::Indonesia.jelaskan(a))
                    .collect();
                anyhow::anyhow!("kata sandi ditolak: {}", list.join("; "))
            })?;
        println!("kata sandi akun {akun_id} disimpan; sesi lain diakhiri");
        Ok(())
    }
    .await;
    app.store().close().await;
    result
}

fn cetak_klaim(k: &siasn_card::token::Klaim) {
    println!("tanda tangan sah (kunci {})", k.kid);
    println!("serial:         {}", k.serial_cetak());
    println!("nama:           {}", k.nama);
    println!("instansi:       {}", k.instansi);
    println!("diterbitkan:    {}", k.diterbitkan);
    println!("berlaku sampai: {}", k.kedaluwarsa);
    if chrono::Utc::now().date_naive() > k.kedaluwarsa {
        println!("PERHATIAN: masa berlaku kartu sudah habis");
    }
    println!(
        "(status terkini, misalnya kartu diganti atau pemegang pensiun, hanya dapat dilihat daring)"
    );
}

/// `siasn card verify QR --keys FILE`: needs no database or configuration.
pub fn card_verify_offline(qr: &str, keys: &std::path::Path) -> ExitCode {
    let teks = match std::fs::read_to_string(keys) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tidak dapat membaca {}: {e}", keys.display());
            return ExitCode::from(2);
        }
    };
    let kunci = match siasn_card::token::baca_jwks(&teks) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match siasn_card::token::periksa(qr, &kunci) {
        Ok(k) => {
            cetak_klaim(&k);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kartu TIDAK SAH: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `siasn card verify QR`: with this instance's published keys.
pub async fn card_verify_instance(config: &Config, qr: &str) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let kunci = siasn_app::kartu::kunci_publik(&app, chrono::Utc::now().date_naive()).await;
    app.store().close().await;
    let kunci = kunci.map_err(|e| anyhow::anyhow!("{e}"))?;
    let k = siasn_card::token::periksa(qr, &kunci)
        .map_err(|e| anyhow::anyhow!("kartu TIDAK SAH: {e}"))?;
    cetak_klaim(&k);
    Ok(())
}

/// `siasn card keys`: the JWKS.
pub async fn card_keys(config: &Config) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let jwks = siasn_app::kartu::jwks(&app, chrono::Utc::now().date_naive()).await;
    app.store().close().await;
    let jwks = jwks.map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("{}", serde_json::to_string_pretty(&jwks)?);
    Ok(())
}

/// `siasn card rotate-key`.
pub async fn card_rotate_key(config: &Config) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let kid = siasn_app::kartu::putar_kunci(&app, "cli").await;
    app.store().close().await;
    let kid = kid.map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("kunci baru: {kid}");
    Ok(())
}

/// Raises the open-file soft limit to the hard limit: every connection is a file, and the
/// common default soft limit (1,024) is far below what the hard limit usually allows.
fn naikkan_batas_berkas() {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => tracing::info!(open_files = n, "open-file limit"),
        Err(e) => tracing::warn!(error = %e, "cannot raise the open-file limit"),
    }
}

/// `siasn serve [--demo]`.
pub async fn serve(config: &Config, demo: bool, employees: u32) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let store = app.store().clone();
    periksa_kunci_bersama(config, &store).await?;
    if demo {
        if siasn_demo::kosong(&store).await? {
            buat_demo(&app, employees, siasn_demo::DemoConfig::default().seed).await?;
        } else {
            tracing::info!("database already has employees: demo data not created again");
        }
    }
    // The instance CA and its seal are made at first start (card PDFs are sealed with it).
    if app.konfigurasi().ttd_ca_instans {
        siasn_app::ttd::segel(&app)
            .await
            .context("CA instans untuk tanda tangan elektronik")?;
    }
    naikkan_batas_berkas();
    if config.multi_server && store.blobs().lokal() {
        anyhow::bail!(
            "SIASN_MULTI_SERVER=true tetapi dokumen disimpan di folder lokal: server lain tidak \
             akan melihatnya; atur SIASN_BLOB_URL=s3://bucket/prefix"
        );
    }
    let nats = config
        .nats_url
        .as_deref()
        .map(siasn_app::peristiwa::AliranPeristiwa::dari_url)
        .transpose()
        .map_err(|e| anyhow::anyhow!("SIASN_NATS_URL: {e}"))?;
    if let Some(n) = &nats {
        n.siapkan()
            .await
            .map_err(|e| anyhow::anyhow!("NATS untuk peristiwa belum siap: {e}"))?;
        tracing::info!(
            server = n.server(),
            stream = n.aliran(),
            "events are published to JetStream"
        );
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
    let web = siasn_web::KonfigurasiWeb {
        cookie_secure: config.cookie_secure,
        https: config.public_url.starts_with("https://"),
        percaya_proxy: config.trust_proxy,
        koneksi: siasn_web::BatasKoneksi {
            baca_kepala: std::time::Duration::from_secs(config.header_timeout_seconds),
            jeda_badan: std::time::Duration::from_secs(config.body_pause_seconds),
            permintaan: std::time::Duration::from_secs(config.request_timeout_seconds),
            per_alamat: config.connections_per_address,
        },
        batas_masuk: siasn_web::BatasMasuk {
            per_alamat: config.login_limit_per_address,
            per_akun: config.login_limit_per_account,
        },
        app: konfigurasi_app(config),
        nats: nats.clone(),
    };
    let pengirim = siasn_web::Pengirim::dari_konfigurasi(
        config.smtp_url.as_deref(),
        config.data_dir.join("outbox"),
        &config.email_from,
    )
    .map_err(|e| anyhow::anyhow!(e))?;
    let state = if config.multi_server {
        siasn_web::AppState::bersama(
            store.clone(),
            web,
            std::sync::Arc::new(siasn_web::JamSistem),
        )
        .await
        .context("batas laju bersama")?
    } else {
        siasn_web::AppState::new(store.clone(), web)
    };
    // Reads go to the replica only while the monitor finds it fresh.
    let pantau = tokio::spawn(
        store
            .clone()
            .pantau_replika(std::time::Duration::from_millis(500)),
    );
    // Every server runs an event relay; the lease lets one work at a time.
    let (berhenti_relay, relay_rx) = tokio::sync::watch::channel(false);
    let relay = tokio::spawn(
        siasn_app::peristiwa::Relay::baru(store.clone(), nats)
            .jalankan(std::time::Duration::from_millis(500), relay_rx),
    );
    // Every server runs a sequencer; the lease lets one work at a time.
    let (berhenti_urut, berhenti_rx) = tokio::sync::watch::channel(false);
    let urut = tokio::spawn(
        crate::audit::pengurut(config, &store)?
            .jalankan(std::time::Duration::from_secs(1), berhenti_rx),
    );
    // Every server asks for the daily retirement job; a lease and the day's completion record
    // let it run once a day.
    let (berhenti_harian, harian_rx) = tokio::sync::watch::channel(false);
    let harian = tokio::spawn(siasn_app::layanan::harian::jalankan_harian(
        state.app().clone(),
        format!("serve-{}", uuid::Uuid::now_v7()),
        std::time::Duration::from_secs(15 * 60),
        harian_rx,
    ));
    // After the signal, open requests get SHUTDOWN_GRACE to finish; a stuck client cannot keep
    // the process (and a rolling deployment) waiting forever.
    let (signalled_tx, mut signalled_rx) = tokio::sync::watch::channel(false);
    let server = siasn_web::serve(listener, state, pengirim, async move {
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
    let _ = berhenti_urut.send(true);
    let _ = berhenti_relay.send(true);
    let _ = berhenti_harian.send(true);
    let _ = harian.await;
    let _ = urut.await;
    let _ = relay.await;
    pantau.abort();
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
                println!("perhatian      {}", Bahasa::Indonesia.jelaskan(&w));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("NIP tidak valid: {}", Bahasa::Indonesia.jelaskan(&e));
            ExitCode::FAILURE
        }
    }
}

/// `siasn partner add`: registers an API client and prints its credentials for scripts.
pub async fn partner_add(
    config: &Config,
    nama: &str,
    instansi: Option<String>,
    lingkup: &str,
    batas: u32,
) -> anyhow::Result<()> {
    use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien};
    let lingkup = DaftarLingkup::parse(lingkup)
        .map_err(|e| anyhow::anyhow!(Bahasa::Indonesia.jelaskan(&e)))?;
    let jangkauan = instansi.map_or(JangkauanKlien::Nasional, JangkauanKlien::Instansi);
    if siasn_app::klien_api::periksa_lingkup(&jangkauan, &lingkup).is_err() {
        anyhow::bail!("klien nasional hanya membaca: lingkup «tulis» hanya untuk klien instansi");
    }
    let app = open_app(config).await?;
    let hasil = siasn_app::klien_api::daftarkan(&app, "cli", nama, jangkauan, lingkup, batas).await;
    app.store().close().await;
    let baru = hasil?.map_err(|e| {
        use siasn_app::klien_api::KlienDitolak as K;
        anyhow::anyhow!(match e {
            K::NamaTidakSah => "nama klien wajib, paling panjang 120 karakter",
            K::PerluInstansi | K::InstansiTidakAda => "instansi tidak dikenal",
            K::NasionalHanyaBaca => {
                "klien nasional hanya membaca: lingkup «tulis» hanya untuk klien instansi"
            }
        })
    })?;
    println!("client_id={}", baru.klien.id);
    println!("consumer_key={}", baru.klien.consumer_key);
    println!("consumer_secret={}", baru.secret);
    println!("scope={}", baru.klien.lingkup);
    // Which value goes where: clients written for the national service ask for both.
    println!("# token gateway (POST /oauth2/token): HTTP Basic consumer_key:consumer_secret");
    println!(
        "# token pengguna (password grant): client_id = nilai client_id atau consumer_key di atas"
    );
    Ok(())
}

/// `siasn partner list`.
pub async fn partner_list(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let daftar = store.daftar_klien_api().await;
    store.close().await;
    for k in daftar? {
        let jangkauan = match &k.jangkauan {
            siasn_domain::klien_api::JangkauanKlien::Instansi(i) => format!("instansi {i}"),
            siasn_domain::klien_api::JangkauanKlien::Nasional => "nasional".into(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{}/menit\t{}",
            k.consumer_key,
            k.nama,
            jangkauan,
            k.lingkup,
            k.batas_per_menit,
            if k.aktif { "aktif" } else { "nonaktif" }
        );
    }
    Ok(())
}

/// `siasn partner webhook-add`.
pub async fn webhook_add(
    config: &Config,
    klien: uuid::Uuid,
    url: &str,
    dari_awal: bool,
) -> anyhow::Result<()> {
    use siasn_app::peristiwa::webhook::{WebhookDitolak, daftarkan_dengan};
    let app = open_app(config).await?;
    let hasil = daftarkan_dengan(&app, &None, "cli", klien, url, dari_awal).await;
    app.store().close().await;
    let baru = match hasil {
        Err(siasn_app::AppError::TidakDitemukan) => anyhow::bail!("klien {klien} tidak ada"),
        other => other?,
    }
    .map_err(|e| {
        anyhow::anyhow!(match e {
            WebhookDitolak::UrlTidakSah =>
                "URL penerima tidak sah (http(s)://host/jalur, tanpa nama pengguna)",
            WebhookDitolak::PerluHttps => "URL penerima harus https (http hanya ke mesin ini)",
            WebhookDitolak::AlamatInternal => "URL penerima di jaringan internal",
        })
    })?;
    println!("webhook_id={}", baru.webhook.id);
    println!("webhook_secret={}", baru.rahasia);
    println!("from_position={}", baru.webhook.posisi);
    println!(
        "# setiap kiriman: header X-SIASN-Event-Id (kunci dedup) dan X-SIASN-Signature \
         t=<detik>,v1=HMAC-SHA256(secret, \"<detik>.<badan>\")"
    );
    Ok(())
}

/// `siasn partner webhooks`.
pub async fn webhook_list(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let hasil = async {
        let terakhir = store.posisi_peristiwa_terakhir().await?;
        println!("# posisi peristiwa terakhir: {terakhir}");
        for w in store.daftar_webhook(None).await? {
            println!(
                "{}\tklien {}\t{}\t{}\tposisi {}\t{}",
                w.id,
                w.klien_id,
                w.url,
                if w.aktif { "aktif" } else { "nonaktif" },
                w.posisi,
                w.galat_terakhir.as_deref().unwrap_or("-")
            );
            for g in store.daftar_webhook_gagal(w.id, 20).await? {
                println!(
                    "  gagal: posisi {} setelah {} percobaan ({}): {}",
                    g.posisi,
                    g.percobaan,
                    g.waktu.format("%Y-%m-%d %H:%M:%S UTC"),
                    g.galat
                );
            }
        }
        Ok::<_, siasn_store::StoreError>(())
    }
    .await;
    store.close().await;
    Ok(hasil?)
}

/// `siasn partner webhook-replay`.
pub async fn webhook_replay(config: &Config, id: uuid::Uuid, dari: i64) -> anyhow::Result<()> {
    let app = open_app(config).await?;
    let hasil = siasn_app::peristiwa::webhook::putar_ulang(&app, &None, "cli", id, dari).await;
    app.store().close().await;
    match hasil {
        Err(siasn_app::AppError::TidakDitemukan) => anyhow::bail!("webhook {id} tidak ada"),
        other => other?,
    }
    println!("webhook {id} dikirim ulang mulai posisi {}", dari.max(1));
    Ok(())
}
