//! Events to partners on both engines: the outbox written with the change, sequenced once,
//! published to a real JetStream stream (deduplicated when republished), delivered to a real
//! HTTP receiver with a signature it can check, retried, dead-lettered, replayed, and filtered
//! by the partner's agency and scopes; the change feed returns the same events.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use siasn_app::peristiwa::{AliranPeristiwa, Relay, saring_klien, webhook};
use siasn_app::{Aktor, App};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien, Lingkup};
use siasn_domain::peristiwa::periksa_tanda_webhook;
use siasn_store::{FilterPegawai, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the receiver got: (event id, body, signature header), in order.
type Diterima = Arc<Mutex<Vec<(String, serde_json::Value, String)>>>;

/// A real HTTP receiver on a free port; answers 500 while `gagal` is set.
async fn penerima(gagal: Arc<Mutex<bool>>) -> (String, Diterima) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let diterima: Diterima = Arc::default();
    let d = diterima.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let (d, gagal) = (d.clone(), gagal.clone());
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                let (awal, panjang) = loop {
                    let n = s.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let h = String::from_utf8_lossy(&buf[..i]).to_lowercase();
                        let n: usize = h
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0);
                        break (i + 4, n);
                    }
                };
                while buf.len() < awal + panjang {
                    let n = s.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                let kepala = String::from_utf8_lossy(&buf[..awal]).to_string();
                let header = |nama: &str| {
                    kepala
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case(nama).then(|| v.trim().to_string())
                        })
                        .unwrap_or_default()
                };
                let tolak = *gagal.lock().unwrap();
                if !tolak {
                    let badan = &buf[awal..awal + panjang];
                    d.lock().unwrap().push((
                        header("x-siasn-event-id"),
                        serde_json::from_slice(badan).unwrap(),
                        format!(
                            "{}\n{}",
                            header("x-siasn-signature"),
                            String::from_utf8_lossy(badan)
                        ),
                    ));
                }
                let jawab: &[u8] = if tolak {
                    b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                } else {
                    b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                };
                let _ = s.write_all(jawab).await;
            });
        }
    });
    (format!("http://{addr}/peristiwa"), diterima)
}

async fn satu_pegawai(app: &App, instansi: &str) -> siasn_domain::pegawai::Pegawai {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            5,
        )
        .await
        .unwrap();
    app.store().pegawai(page.items[0].id).await.unwrap()
}

async fn ubah_email(app: &App, aktor: &Aktor, p: &siasn_domain::pegawai::Pegawai, n: u32) {
    siasn_app::pegawai::ubah_email(
        app,
        aktor,
        p,
        &format!("uji{n}@contoh.go.id"),
        "uji peristiwa",
    )
    .await
    .unwrap();
}

/// Events go everywhere they should, once, and only where they may.
pub(crate) async fn events_reach_nats_webhooks_and_the_feed(store: &Store) {
    let app = super::app_dengan_demo(store).await;
    let nats = std::env::var("TEST_NATS_URL").ok().map(|server| {
        let aliran = format!("SIASN_PERISTIWA_UJI_{}", uuid::Uuid::new_v4().simple());
        AliranPeristiwa::dari_url(&format!("{server}/{aliran}")).unwrap()
    });
    if nats.is_none() {
        eprintln!("NATS part skipped: TEST_NATS_URL not set");
    }
    let relay = Relay::baru(store.clone(), nats.clone());

    // An agency system reading Jawa Barat, and a national partner with service lists only.
    let jabar = siasn_app::klien_api::daftarkan(
        &app,
        "uji",
        "SIMPEG Jabar",
        JangkauanKlien::Instansi("PROV-JABAR".into()),
        DaftarLingkup::dari([Lingkup::Baca, Lingkup::Layanan]),
        600,
    )
    .await
    .unwrap()
    .unwrap()
    .klien;
    let nasional = siasn_app::klien_api::daftarkan(
        &app,
        "uji",
        "Mitra layanan",
        JangkauanKlien::Nasional,
        DaftarLingkup::dari([Lingkup::Layanan]),
        600,
    )
    .await
    .unwrap()
    .unwrap()
    .klien;
    // The demo's own events are sequenced first: a webhook registered "from now" starts after
    // everything sequenced at that moment.
    relay.langkah().await.unwrap();
    let gagal = Arc::new(Mutex::new(false));
    let (url, diterima) = penerima(gagal.clone()).await;
    let (url_nas, diterima_nas) = penerima(Arc::new(Mutex::new(false))).await;
    // A receiver elsewhere must use https.
    assert!(matches!(
        webhook::daftarkan_dengan(
            &app,
            &None,
            "uji",
            jabar.id,
            "http://mitra.example/x",
            false
        )
        .await
        .unwrap(),
        Err(webhook::WebhookDitolak::PerluHttps)
    ));
    let baru = webhook::daftarkan_dengan(&app, &None, "uji", jabar.id, &url, false)
        .await
        .unwrap()
        .unwrap();
    let w = baru.webhook.clone();
    webhook::daftarkan_dengan(&app, &None, "uji", nasional.id, &url_nas, false)
        .await
        .unwrap()
        .unwrap();

    // Two changes in Jawa Barat and one elsewhere.
    let p = satu_pegawai(&app, "PROV-JABAR").await;
    let admin = super::akun_dengan(
        &app,
        &p,
        PeranAkun::new(Peran::AdminInstansi, Some("PROV-JABAR".into()), None).unwrap(),
    )
    .await;
    let lain = satu_pegawai(&app, "KOTA-BANDUNG").await;
    ubah_email(&app, &admin, &p, 1).await;
    ubah_email(&app, &admin, &lain, 2).await;
    ubah_email(&app, &admin, &p, 3).await;
    let h = relay.langkah().await.unwrap();
    assert!(h.memegang && h.diurutkan >= 3, "{h:?}");
    let semua = store.posisi_peristiwa_terakhir().await.unwrap();
    assert_eq!(store.peristiwa_menunggu().await.unwrap(), 0);

    // The agency's receiver got its two, in order, signed, with the NIP; not the other agency's.
    let got = diterima.lock().unwrap().clone();
    assert_eq!(
        got.len(),
        2,
        "{:?}",
        got.iter().map(|g| g.1["jenis"].clone()).collect::<Vec<_>>()
    );
    for (id, badan, tanda) in &got {
        assert_eq!(badan["jenis"], "pegawai.email_diubah");
        assert_eq!(badan["id"].as_str().unwrap(), id);
        assert_eq!(
            badan["pegawai"]["nip"].as_str().unwrap(),
            p.nomor_induk.as_str()
        );
        assert!(
            badan.get("email").is_none() && !tanda.contains("uji1@"),
            "no changed values"
        );
        let (header, isi) = tanda.split_once('\n').unwrap();
        let now = chrono::Utc::now().timestamp();
        assert!(periksa_tanda_webhook(
            baru.rahasia.as_bytes(),
            header,
            isi.as_bytes(),
            now,
            300
        ));
        assert!(!periksa_tanda_webhook(
            b"salah",
            header,
            isi.as_bytes(),
            now,
            300
        ));
    }
    assert!(got[0].1["posisi"].as_i64() < got[1].1["posisi"].as_i64());
    // The national partner without `baca` gets no data-change events.
    assert!(diterima_nas.lock().unwrap().is_empty());
    assert_eq!(store.webhook(w.id).await.unwrap().posisi, semua);

    // The change feed gives the same events to the same client.
    let feed = store
        .peristiwa_sejak(0, None, 1000, Some(&saring_klien(&jabar)))
        .await
        .unwrap();
    let feed_ids: Vec<String> = feed
        .iter()
        .filter(|e| e.aksi == "pegawai.email_diubah")
        .map(|e| e.id.to_string())
        .collect();
    let got_ids: Vec<String> = got.iter().map(|(id, _, _)| id.clone()).collect();
    assert_eq!(feed_ids, got_ids);
    assert!(
        feed.iter()
            .all(|e| e.instansi_induk_id.as_deref() == Some("PROV-JABAR")
                || e.instansi_kerja_id.as_deref() == Some("PROV-JABAR"))
    );

    // NATS: every event once; a relay that lost its cursor republishes and nothing doubles.
    if let Some(n) = &nats {
        let js = n.siapkan().await.unwrap();
        let jumlah = |js: async_nats::jetstream::Context| async move {
            js.get_stream(n.aliran())
                .await
                .unwrap()
                .info()
                .await
                .unwrap()
                .state
                .messages
        };
        assert_eq!(jumlah(js.clone()).await, u64::try_from(semua).unwrap());
        store.simpan_kursor_peristiwa("nats", 0).await.unwrap();
        relay.langkah().await.unwrap();
        assert_eq!(store.kursor_peristiwa("nats").await.unwrap(), semua);
        assert_eq!(
            jumlah(js.clone()).await,
            u64::try_from(semua).unwrap(),
            "deduplicated"
        );
    }

    // The receiver fails: the attempt is recorded and retried later, then delivered.
    *gagal.lock().unwrap() = true;
    ubah_email(&app, &admin, &p, 4).await;
    relay.langkah().await.unwrap();
    let tertahan = store.webhook(w.id).await.unwrap();
    assert_eq!(tertahan.percobaan, 1);
    assert!(tertahan.coba_lagi_pada.unwrap() > chrono::Utc::now());
    assert!(tertahan.galat_terakhir.unwrap().contains("500"));
    relay.langkah().await.unwrap();
    assert_eq!(diterima.lock().unwrap().len(), 2, "not before its time");
    *gagal.lock().unwrap() = false;
    let lalu = chrono::Utc::now() - chrono::Duration::seconds(1);
    store
        .webhook_gagal_kirim(w.id, tertahan.posisi, 1, lalu, "uji")
        .await
        .unwrap();
    relay.langkah().await.unwrap();
    assert_eq!(diterima.lock().unwrap().len(), 3);

    // After the last retry the event goes to the dead-letter list and delivery moves on.
    *gagal.lock().unwrap() = true;
    ubah_email(&app, &admin, &p, 5).await;
    let sebelum = store.webhook(w.id).await.unwrap().posisi;
    store
        .webhook_gagal_kirim(w.id, sebelum, 9, lalu, "uji")
        .await
        .unwrap();
    relay.langkah().await.unwrap();
    let mati = store.daftar_webhook_gagal(w.id, 10).await.unwrap();
    assert_eq!(mati.len(), 1, "{mati:?}");
    assert_eq!(mati[0].percobaan, 10);
    assert_eq!(store.webhook(w.id).await.unwrap().posisi, mati[0].posisi);
    // Replayed from the dead letter once the receiver is back: delivered, list cleared.
    *gagal.lock().unwrap() = false;
    webhook::putar_ulang(&app, &None, "uji", w.id, mati[0].posisi)
        .await
        .unwrap();
    relay.langkah().await.unwrap();
    assert!(
        store
            .daftar_webhook_gagal(w.id, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let got = diterima.lock().unwrap().clone();
    assert_eq!(got.len(), 4);
    let per_id: BTreeMap<&str, usize> = got.iter().fold(BTreeMap::new(), |mut m, (id, _, _)| {
        *m.entry(id.as_str()).or_default() += 1;
        m
    });
    assert!(
        per_id.values().all(|n| *n == 1),
        "each event once: {per_id:?}"
    );

    // A second relay (another server) does nothing while the first holds the lease.
    let lain_server = Relay::baru(store.clone(), nats);
    assert!(!lain_server.langkah().await.unwrap().memegang);
}
