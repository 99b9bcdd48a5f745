//! Two app servers on one PostgreSQL database and one S3 bucket (the S3 test server), as the
//! nation runs: a journey spread over both, a rate limit counted across both, and the event
//! relay on both delivering each event once to JetStream and to a webhook receiver while one
//! server is killed in the middle of the load.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{TimeZone, Utc};
use siasn_app::peristiwa::{AliranPeristiwa, Relay, webhook};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien, Lingkup};
use siasn_store::akun::AkunBaru;
use siasn_store::{FilterPegawai, Store};
use siasn_web::{AppState, BatasMasuk, JamUji, KonfigurasiApp, KonfigurasiWeb, Pengirim};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::task::JoinHandle;

use crate::common::{Klien, beri_sandi, buat_akun};

struct Server {
    base: String,
    state: AppState,
    layani: JoinHandle<std::io::Result<()>>,
    relay: JoinHandle<()>,
    _berhenti: tokio::sync::watch::Sender<bool>,
}

impl Server {
    fn klien(&self) -> Klien {
        Klien {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: self.base.clone(),
            cookies: Default::default(),
        }
    }

    /// As a crash: the tasks stop where they are; nothing is given back.
    fn matikan(&self) {
        self.layani.abort();
        self.relay.abort();
    }
}

async fn server(
    store: Store,
    jam: &JamUji,
    outbox: std::path::PathBuf,
    nats: Option<AliranPeristiwa>,
) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::bersama(
        store.clone(),
        KonfigurasiWeb {
            app: KonfigurasiApp {
                nama_instance: "BKN Uji".into(),
                url_publik: "http://siasn.uji".into(),
                ..KonfigurasiApp::default()
            },
            batas_masuk: BatasMasuk {
                per_alamat: 300,
                per_akun: 4,
            },
            nats: nats.clone(),
            ..KonfigurasiWeb::default()
        },
        Arc::new(jam.clone()),
    )
    .await
    .unwrap();
    let pengirim =
        Pengirim::dari_konfigurasi(None, outbox, "SIASN Uji <no-reply@uji.test>").unwrap();
    let layani = tokio::spawn(siasn_web::serve(
        listener,
        state.clone(),
        pengirim,
        std::future::pending(),
    ));
    let (berhenti, rx) = tokio::sync::watch::channel(false);
    let relay = tokio::spawn(
        Relay::baru(store, nats)
            .dengan_lama_sewa(chrono::Duration::seconds(2))
            .jalankan(Duration::from_millis(100), rx),
    );
    Server {
        base: format!("http://{addr}"),
        state,
        layani,
        relay,
        _berhenti: berhenti,
    }
}

/// A webhook receiver counting deliveries per event id.
async fn penerima() -> (String, Arc<Mutex<BTreeMap<String, usize>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let diterima: Arc<Mutex<BTreeMap<String, usize>>> = Arc::default();
    let d = diterima.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let d = d.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                loop {
                    let n = s.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                        continue;
                    };
                    let kepala = String::from_utf8_lossy(&buf[..i]).to_lowercase();
                    let panjang: usize = kepala
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    if buf.len() < i + 4 + panjang {
                        continue;
                    }
                    if let Some(id) = kepala
                        .lines()
                        .find_map(|l| l.strip_prefix("x-siasn-event-id:"))
                    {
                        *d.lock().unwrap().entry(id.trim().to_string()).or_default() += 1;
                    }
                    let _ = s
                        .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
                        .await;
                    return;
                }
            });
        }
    });
    (format!("http://{addr}/terima"), diterima)
}

fn png_foto() -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(600, 800, image::Rgba([0, 0, 0, 0]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[tokio::test]
async fn two_servers_share_sessions_documents_limits_and_events() {
    if !crate::common::pg_tersedia() {
        return;
    }
    let Some((blobs, _)) = siasn_store::testing::s3_blobs().await else {
        return;
    };
    let t = siasn_store::testing::postgres_dengan(4).await.unwrap();
    siasn_demo::buat(
        &t.store,
        &siasn_demo::DemoConfig {
            pegawai: 20,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let store_a = siasn_store::testing::postgres_kedua(&t, 6, blobs.clone())
        .await
        .unwrap();
    let store_b = siasn_store::testing::postgres_kedua(&t, 6, blobs)
        .await
        .unwrap();
    let nats = std::env::var("TEST_NATS_URL").ok().map(|server| {
        let aliran = format!("SIASN_PERISTIWA_DUA_{}", uuid::Uuid::new_v4().simple());
        AliranPeristiwa::dari_url(&format!("{server}/{aliran}")).unwrap()
    });
    let jam = JamUji::pada(Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap());
    let a = server(
        store_a.clone(),
        &jam,
        t.path().join("outbox-a"),
        nats.clone(),
    )
    .await;
    let b = server(
        store_b.clone(),
        &jam,
        t.path().join("outbox-b"),
        nats.clone(),
    )
    .await;

    // An employee signs in on A; the session works on B.
    let page = store_a
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            20,
        )
        .await
        .unwrap();
    let mut pegawai = Vec::new();
    for r in page.items {
        let p = store_a.pegawai(r.id).await.unwrap();
        if p.kedudukan_hukum_id == "01" && p.tmt_pns.is_some() {
            pegawai.push(p);
        }
    }
    let p = pegawai.remove(0);
    let akun = buat_akun(
        &store_a,
        &AkunBaru {
            pegawai_id: Some(p.id),
            nama_pengguna: None,
            nama: p.nama.clone(),
            email: None,
            peran: vec![PeranAkun::new(Peran::Pegawai, None, None).unwrap()],
        },
    )
    .await;
    beri_sandi(&store_a, akun, "Sandi-Uji-2026").await;
    let mut di_a = a.klien();
    let r = di_a.masuk(p.nomor_induk.as_str(), "Sandi-Uji-2026").await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mut di_b = b.klien();
    di_b.cookies = di_a.cookies.clone();
    let r = di_b.get("/beranda").await;
    assert_eq!(r.status, 200, "signed in on A, recognised on B");
    assert!(r.body.contains(&p.nama));

    // A photo uploaded through B is downloaded through A (one bucket).
    let csrf = di_b.csrf("/foto").await;
    let r = di_b
        .multipart(
            "/foto",
            &[("csrf", &csrf)],
            &[("foto", "saya.png", png_foto())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let calon = r.location.unwrap();
    let (status, jenis, _, isi) = di_a.unduh(&format!("{calon}/pratinjau.png")).await;
    assert_eq!((status, jenis.as_str()), (200, "image/png"));
    assert!(!isi.is_empty());

    // Four sign-in attempts at one name are allowed in all, wherever they land.
    for (i, s) in [&a, &b, &a, &b].into_iter().enumerate() {
        let r = s.klien().masuk("tidak.ada", "salah").await;
        assert_ne!(r.status, 429, "attempt {}", i + 1);
    }
    assert_eq!(a.klien().masuk("tidak.ada", "salah").await.status, 429);
    assert_eq!(b.klien().masuk("tidak.ada", "salah").await.status, 429);

    // Events: a national partner's webhook and the JetStream stream, fed by whichever relay
    // holds the lease; A is killed in the middle of the load.
    let mitra = siasn_app::klien_api::daftarkan(
        a.state.app(),
        "uji",
        "Mitra nasional",
        JangkauanKlien::Nasional,
        DaftarLingkup::dari([Lingkup::Baca, Lingkup::Layanan, Lingkup::Dokumen]),
        600,
    )
    .await
    .unwrap()
    .unwrap()
    .klien;
    let (url, diterima) = penerima().await;
    let w = webhook::daftarkan_dengan(a.state.app(), &None, "uji", mitra.id, &url, true)
        .await
        .unwrap()
        .unwrap()
        .webhook;
    let admin = siasn_app::Aktor::akun(&store_a.akun(akun).await.unwrap(), None);
    for (i, q) in pegawai.iter().cycle().take(30).enumerate() {
        let s = if i < 15 { &a } else { &b };
        siasn_app::pegawai::ubah_email(
            s.state.app(),
            &admin,
            q,
            &format!("beban{i}@contoh.go.id"),
            "uji dua server",
        )
        .await
        .unwrap();
        if i == 15 {
            a.matikan();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // B takes over when A's lease lapses and finishes the work.
    let mut semua = 0;
    for _ in 0..300 {
        semua = store_b.posisi_peristiwa_terakhir().await.unwrap();
        let menunggu = store_b.peristiwa_menunggu().await.unwrap();
        let webhook_di = store_b.webhook(w.id).await.unwrap().posisi;
        let nats_di = store_b.kursor_peristiwa("nats").await.unwrap();
        if menunggu == 0 && webhook_di == semua && (nats.is_none() || nats_di == semua) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        store_b.peristiwa_menunggu().await.unwrap(),
        0,
        "all sequenced"
    );
    let ids: BTreeSet<String> = store_b
        .peristiwa_sejak(0, None, 10_000, None)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id.to_string())
        .collect();
    assert_eq!(
        ids.len(),
        usize::try_from(semua).unwrap(),
        "positions without gaps"
    );
    let dapat = diterima.lock().unwrap().clone();
    let dapat_ids: BTreeSet<String> = dapat.keys().cloned().collect();
    assert_eq!(dapat_ids, ids, "every event reached the webhook");
    let ulang: usize = dapat.values().map(|n| n - 1).sum();
    eprintln!(
        "two servers: {semua} events, {} webhook deliveries ({ulang} repeated after the kill, dropped by id)",
        dapat.values().sum::<usize>()
    );
    if let Some(n) = &nats {
        // The stream holds each event once, and a consumer reads them all in position order.
        let js = n.siapkan().await.unwrap();
        let aliran = js.get_stream(n.aliran()).await.unwrap();
        let jumlah = aliran.get_info().await.unwrap().state.messages;
        assert_eq!(
            jumlah,
            u64::try_from(semua).unwrap(),
            "JetStream holds each event once"
        );
        let konsumen = aliran
            .create_consumer(async_nats::jetstream::consumer::pull::Config::default())
            .await
            .unwrap();
        let mut pesan = konsumen
            .fetch()
            .max_messages(10_000)
            .expires(Duration::from_secs(2))
            .messages()
            .await
            .unwrap();
        let mut dibaca = Vec::new();
        while let Some(Ok(m)) = futures_util::StreamExt::next(&mut pesan).await {
            let v: serde_json::Value = serde_json::from_slice(&m.payload).unwrap();
            dibaca.push((
                v["posisi"].as_i64().unwrap(),
                v["id"].as_str().unwrap().to_string(),
            ));
            m.ack().await.unwrap();
        }
        let posisi: Vec<i64> = dibaca.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            posisi,
            (1..=semua).collect::<Vec<_>>(),
            "each once, in order"
        );
        let nats_ids: BTreeSet<String> = dibaca.into_iter().map(|(_, id)| id).collect();
        assert_eq!(nats_ids, ids);
    }
    b.matikan();
}
