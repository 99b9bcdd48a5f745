//! NIP assignment at scale: an agency imports N participants (birth dates over 20 years, so
//! many share a 15-digit prefix and need sequences above 001), then BKN assigns every number
//! in one batch; against a baseline measured in the same run: inserting the same N final
//! numbers into the claim table with one multi-row statement (no rule, no retry, no audit).
//!
//! `cargo run --release -p siasn-app --example nip_bench -- [PARTICIPANTS]`
//! with DATABASE_URL (default `postgres://postgres@127.0.0.1:5432/postgres`; a throwaway schema
//! is used and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use siasn_app::pengadaan::{self, HasilImpor};
use siasn_app::{Aktor, App, JamUji, KonfigurasiApp};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_store::{BlobStore, FilterPegawai, PoolSettings, Store};

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let db_url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let skema = format!("bench_{}", uuid::Uuid::new_v4().simple());
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
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &db_url,
        &PoolSettings {
            max_connections: 8,
            pg_schema: Some(skema.clone()),
        },
        BlobStore::local(dir.path().join("b")).unwrap(),
    )
    .await
    .unwrap();
    siasn_demo::buat(
        &store,
        &siasn_demo::DemoConfig {
            pegawai: 30,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(JamUji::pada(
            Utc.with_ymd_and_hms(2026, 11, 2, 3, 0, 0).unwrap(),
        )),
    );
    let page = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            2,
        )
        .await
        .unwrap();
    let akun = |i: usize, peran: Peran, instansi: Option<&str>| {
        let (app, id) = (app.clone(), page.items[i].id);
        let instansi = instansi.map(str::to_string);
        async move {
            let p = app.store().pegawai(id).await.unwrap();
            let g = PeranAkun::new(peran, instansi, None).unwrap();
            let id = siasn_app::akun::beri_peran_langsung(
                &app,
                "bench",
                siasn_app::akun::PenggunaCli::Pegawai(Box::new(p)),
                &g,
            )
            .await
            .unwrap();
            Aktor::akun(&app.store().akun(id).await.unwrap(), None)
        }
    };
    let op = akun(0, Peran::OperatorInstansi, Some("PROV-JABAR")).await;
    let bkn = akun(1, Peran::VerifikatorBkn, None).await;
    let jabatan = store.ref_jabatan().await.unwrap()[0].id.clone();
    let pendidikan = store.tingkat_pendidikan().await.unwrap()[0].id.clone();
    let unor = store.unor_instansi("PROV-JABAR").await.unwrap()[0].id;
    let awal = NaiveDate::from_ymd_opt(1985, 1, 1).unwrap();
    let mut csv = String::from(
        "no_peserta,nama,tgl_lahir,tempat_lahir,jenis_kelamin,tingkat_pendidikan_id,jabatan_id,unor_id,jenis_formasi_id\n",
    );
    for i in 0..n {
        // 20 years of birth dates: about 1.4 participants per prefix, up to a handful.
        let lahir = awal + Duration::days((i * 7919 % 7300) as i64);
        let jk = if i % 2 == 0 { "L" } else { "P" };
        csv.push_str(&format!(
            "N{i:06},Peserta {i},{},Bandung,{jk},{pendidikan},{jabatan},{unor},1\n",
            lahir.format("%d-%m-%Y")
        ));
    }
    let tmt = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let t = Instant::now();
    let h = pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, csv.as_bytes())
        .await
        .unwrap();
    let impor = t.elapsed();
    assert!(matches!(h, HasilImpor::Diimpor { .. }), "{h:?}");
    let t = Instant::now();
    let h = pengadaan::tetapkan_nomor(&app, &bkn, "PROV-JABAR", 2026)
        .await
        .unwrap();
    let tetapkan = t.elapsed();
    assert_eq!(h.ditetapkan.len(), n);
    let lebih = h
        .ditetapkan
        .iter()
        .filter(|(_, x)| !x.ends_with("001"))
        .count();

    // Baseline: the same final numbers into a copy of the claim table, one statement.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "CREATE TABLE {skema}.klaim_dasar (nomor TEXT PRIMARY KEY, peserta_id UUID NOT NULL, \
         terbit_pada TIMESTAMPTZ NOT NULL)"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    let (nomor, id): (Vec<String>, Vec<uuid::Uuid>) =
        h.ditetapkan.iter().map(|(id, x)| (x.clone(), *id)).unzip();
    let t = Instant::now();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO {skema}.klaim_dasar SELECT * , now() FROM UNNEST($1::text[], $2::uuid[])"
    )))
    .bind(&nomor)
    .bind(&id)
    .execute(&mut c)
    .await
    .unwrap();
    let dasar = t.elapsed();
    println!(
        "{n} peserta: impor {:.2} s ({:.0} baris/s); penetapan NIP satu batch {:.2} s \
         ({:.0} NIP/s, {lebih} dengan urutan di atas 001); dasar INSERT nomor yang sama {:.3} s; \
         rasio {:.1}x",
        impor.as_secs_f64(),
        n as f64 / impor.as_secs_f64(),
        tetapkan.as_secs_f64(),
        n as f64 / tetapkan.as_secs_f64(),
        dasar.as_secs_f64(),
        tetapkan.as_secs_f64() / dasar.as_secs_f64().max(1e-6)
    );
    store.close().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
        .execute(&mut c)
        .await
        .unwrap();
}
