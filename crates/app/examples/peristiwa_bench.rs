//! Events through the outbox to NATS JetStream: throughput (events per second sequenced and
//! published, against raw JetStream publishing of the same bodies in the same run) and
//! end-to-end latency from commit to delivery to a JetStream consumer (p50/p95), with the
//! relay's production interval (500 ms) and a short one (50 ms).
//!
//! `cargo run --release -p siasn-app --example peristiwa_bench -- [EVENTS]`
//! with DATABASE_URL (default `postgres://postgres@127.0.0.1:5432/postgres`; a throwaway schema
//! is used and dropped) and NATS_URL (default `nats://127.0.0.1:4222`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use async_nats::jetstream;
use chrono::Utc;
use futures_util::StreamExt;
use siasn_app::peristiwa::{AliranPeristiwa, Relay};
use siasn_store::audit::{self, AuditBaru};
use siasn_store::{BlobStore, PoolSettings, Store};

fn peristiwa(i: usize) -> AuditBaru {
    AuditBaru {
        aktor: "bench".into(),
        aksi: "pegawai.diubah".into(),
        alasan: Some(format!("bench {i}")),
        ..AuditBaru::default()
    }
}

async fn tulis(store: &Store, n: usize, per_tx: usize) {
    let mut i = 0;
    while i < n {
        let k = per_tx.min(n - i);
        let mut tx = store.begin().await.unwrap();
        audit::tulis(&mut tx, (i..i + k).map(peristiwa).collect(), Utc::now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        i += k;
    }
}

fn persentil(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

async fn latensi(store: &Store, nats_url: &str, selang: Duration, n: usize) -> (f64, f64) {
    let aliran = format!("BENCH_LAT_{}", uuid::Uuid::new_v4().simple());
    let tujuan = AliranPeristiwa::dari_url(&format!("{nats_url}/{aliran}")).unwrap();
    let js = tujuan.siapkan().await.unwrap();
    // Everything so far is old news for this stream.
    let (berhenti, rx) = tokio::sync::watch::channel(false);
    let sekali = Relay::baru(store.clone(), None);
    sekali.langkah().await.unwrap();
    sekali.lepaskan().await.unwrap();
    let akhir = store.posisi_peristiwa_terakhir().await.unwrap();
    store.simpan_kursor_peristiwa("nats", akhir).await.unwrap();
    let relay = tokio::spawn(Relay::baru(store.clone(), Some(tujuan)).jalankan(selang, rx));
    let stream = js.get_stream(&aliran).await.unwrap();
    let konsumen = stream
        .create_consumer(jetstream::consumer::pull::OrderedConfig::default())
        .await
        .unwrap();
    let mut pesan = konsumen.messages().await.unwrap();
    let terima = tokio::spawn(async move {
        let mut lat = Vec::with_capacity(n);
        while lat.len() < n {
            let Some(Ok(m)) = pesan.next().await else {
                break;
            };
            let v: serde_json::Value = serde_json::from_slice(&m.payload).unwrap();
            let waktu = chrono::DateTime::parse_from_rfc3339(v["waktu"].as_str().unwrap()).unwrap();
            lat.push(
                (Utc::now() - waktu.with_timezone(&Utc))
                    .num_microseconds()
                    .unwrap() as f64
                    / 1000.0,
            );
        }
        lat
    });
    // One event per transaction, about 100 a second.
    for i in 0..n {
        tulis(store, 1, 1).await;
        if i % 10 == 9 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let mut lat = tokio::time::timeout(Duration::from_secs(60), terima)
        .await
        .expect("every event delivered within a minute")
        .unwrap();
    let _ = berhenti.send(true);
    let _ = relay.await;
    js.delete_stream(&aliran).await.ok();
    (persentil(&mut lat, 0.5), persentil(&mut lat, 0.95))
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let db_url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let nats_url = std::env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
    let skema = format!("bench_{}", uuid::Uuid::new_v4().simple());
    let dir = tempfile::tempdir().unwrap();
    let (url, settings) = if db_url.starts_with("postgres") {
        let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&db_url)
            .await
            .unwrap();
        for sql in [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public".to_string(),
            format!("CREATE SCHEMA {skema}"),
        ] {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut c)
                .await
                .unwrap();
        }
        (
            db_url.clone(),
            PoolSettings {
                max_connections: 8,
                pg_schema: Some(skema.clone()),
            },
        )
    } else {
        (
            format!("sqlite://{}", dir.path().join("bench.sqlite").display()),
            PoolSettings::default(),
        )
    };
    let store = Store::open(
        &url,
        &settings,
        BlobStore::local(dir.path().join("b")).unwrap(),
    )
    .await
    .unwrap();
    println!("engine {}, {n} events", store.engine().name());

    // Throughput: N events waiting, then the relay sequences and publishes them all.
    let t = Instant::now();
    tulis(&store, n, 100).await;
    let tulis_detik = t.elapsed().as_secs_f64();
    let aliran = format!("BENCH_{}", uuid::Uuid::new_v4().simple());
    let tujuan = AliranPeristiwa::dari_url(&format!("{nats_url}/{aliran}")).unwrap();
    let js = tujuan.siapkan().await.unwrap();
    let relay = Relay::baru(store.clone(), Some(tujuan));
    let t = Instant::now();
    loop {
        relay.langkah().await.unwrap();
        if store.kursor_peristiwa("nats").await.unwrap() >= n as i64 {
            break;
        }
    }
    let relay_detik = t.elapsed().as_secs_f64();
    relay.lepaskan().await.unwrap();
    let tersimpan = js
        .get_stream(&aliran)
        .await
        .unwrap()
        .info()
        .await
        .unwrap()
        .state
        .messages;
    assert_eq!(tersimpan, n as u64);

    // Baseline: the same bodies published straight to JetStream, pipelined, acknowledged.
    let contoh = store
        .peristiwa_sejak(0, None, n as u32, None)
        .await
        .unwrap();
    let badan: Vec<(String, String)> = contoh
        .iter()
        .map(|p| {
            (
                siasn_app::peristiwa::badan(p, true).to_string(),
                format!("dasar-{}", p.id),
            )
        })
        .collect();
    let aliran_dasar = format!("BENCH_DASAR_{}", uuid::Uuid::new_v4().simple());
    js.get_or_create_stream(jetstream::stream::Config {
        name: aliran_dasar.clone(),
        subjects: vec![format!("{}.>", aliran_dasar.to_lowercase())],
        duplicate_window: Duration::from_secs(3600),
        ..Default::default()
    })
    .await
    .unwrap();
    let t = Instant::now();
    for chunk in badan.chunks(1000) {
        let mut acks = Vec::with_capacity(chunk.len());
        for (isi, id) in chunk {
            acks.push(
                js.send_publish(
                    format!("{}.x", aliran_dasar.to_lowercase()),
                    jetstream::message::PublishMessage::build()
                        .payload(isi.clone().into())
                        .message_id(id.clone()),
                )
                .await
                .unwrap(),
            );
        }
        for a in acks {
            a.await.unwrap();
        }
    }
    let dasar_detik = t.elapsed().as_secs_f64();
    let laju = n as f64 / relay_detik;
    let laju_dasar = n as f64 / dasar_detik;
    println!(
        "write (100 events per transaction):      {:>9.0} events/s",
        n as f64 / tulis_detik
    );
    println!("outbox -> JetStream (sequence+publish):  {laju:>9.0} events/s");
    println!("raw JetStream publish (same bodies):     {laju_dasar:>9.0} events/s");
    println!(
        "ratio relay / raw:                        {:>9.2}",
        laju / laju_dasar
    );
    js.delete_stream(&aliran).await.ok();
    js.delete_stream(&aliran_dasar).await.ok();

    for selang in [Duration::from_millis(500), Duration::from_millis(50)] {
        let (p50, p95) = latensi(&store, &nats_url, selang, 1000).await;
        println!(
            "commit -> JetStream consumer, relay every {:>3} ms: p50 {p50:>6.1} ms, p95 {p95:>6.1} ms",
            selang.as_millis()
        );
    }
    store.close().await;
    if settings.pg_schema.is_some() {
        let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&db_url)
            .await
            .unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
            .execute(&mut c)
            .await
            .unwrap();
    }
}
