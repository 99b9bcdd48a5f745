//! Retirement at national scale: an agency's retirement list for 12 months and the daily job
//! (its first run catching up everyone past BUP, then a following day's run) over N employees,
//! each against a raw SQL baseline of the same work measured in the same run: the list against
//! counting the same birth-date range by index; the catch-up against one bulk `UPDATE` of the
//! same rows (rolled back), which writes no audit entries.
//!
//! `cargo run --release -p siasn-app --example pensiun_bench -- [EMPLOYEES]`
//! with DATABASE_URL (default `postgres://postgres@127.0.0.1:5432/postgres`; a throwaway schema
//! is used and dropped).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::Instant;

use chrono::{Months, NaiveDate, TimeZone, Utc};
use siasn_app::layanan::harian::{self, HasilHarian};
use siasn_app::layanan::pensiun;
use siasn_app::{App, JamUji, KonfigurasiApp};
use siasn_store::{BlobStore, PoolSettings, Store};

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: i64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
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
    // Agencies, units and positions from a small demo; then N employees in one statement:
    // birth dates over 40 years, positions with BUP 58, 60 and 65, every agency.
    siasn_demo::buat(
        &store,
        &siasn_demo::DemoConfig {
            pegawai: 50,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let t = Instant::now();
    let isi = format!(
        "SET search_path TO {skema}, public;
         INSERT INTO pegawai (id, jenis_pegawai, nip, nama, tempat_lahir, tanggal_lahir,
             jenis_kelamin, kedudukan_hukum_id, instansi_induk_id, instansi_kerja_id, jabatan_id,
             tmt_cpns, versi, dibuat_pada, diubah_pada, nama_cari)
         SELECT gen_random_uuid(), 'PNS', '9' || lpad(g::text, 17, '0'), 'Pegawai Uji ' || g, 'Bandung',
             DATE '1966-01-01' + (g % 14610)::int, CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END, '01',
             i.id, i.id, (ARRAY['PELAKSANA','ANKEP-AMD','ANKEP-AU','GURU-AM','ANKEP-AM'])[1 + g % 5],
             DATE '1990-03-01', 1, now(), now(), 'pegawai uji ' || g
         FROM generate_series(1, {n}) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k,
                      count(*) OVER () AS c FROM instansi) i ON i.k = g % i.c;
         ANALYZE pegawai; ANALYZE riwayat;"
    );
    sqlx::raw_sql(sqlx::AssertSqlSafe(isi))
        .execute(&mut c)
        .await
        .unwrap();
    println!(
        "{n} pegawai dimuat dalam {:.1} s (PostgreSQL, skema {skema})",
        t.elapsed().as_secs_f64()
    );

    let hari_ini = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let jam = JamUji::pada(Utc.from_utc_datetime(&hari_ini.and_hms_opt(1, 0, 0).unwrap()));
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
    let instansi = "PROV-JABAR";
    let akhir = hari_ini.checked_add_months(Months::new(12)).unwrap();

    // The list, against counting the same birth range by index.
    let (dari_lahir, sampai_lahir) = (
        hari_ini.checked_sub_months(Months::new(66 * 12)).unwrap(),
        akhir.checked_sub_months(Months::new(58 * 12)).unwrap(),
    );
    let mut dasar = f64::MAX;
    let mut daftar = f64::MAX;
    let mut jumlah = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let (_k,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {skema}.pegawai WHERE instansi_kerja_id = $1 \
             AND tanggal_lahir BETWEEN $2 AND $3"
        )))
        .bind(instansi)
        .bind(dari_lahir)
        .bind(sampai_lahir)
        .fetch_one(&mut c)
        .await
        .unwrap();
        dasar = dasar.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        jumlah = pensiun::daftar_instansi(&app, instansi, hari_ini, akhir)
            .await
            .unwrap()
            .len();
        daftar = daftar.min(t.elapsed().as_secs_f64());
    }
    println!(
        "daftar pensiun 12 bulan {instansi}: {jumlah} pegawai, {:.0} ms (dasar: hitung rentang lahir {:.0} ms; rasio {:.1}×)",
        daftar * 1000.0,
        dasar * 1000.0,
        daftar / dasar.max(1e-9)
    );

    // The catch-up: everyone past TMT pensiun, against one bulk UPDATE of the same rows.
    let t = Instant::now();
    let mut tx = <sqlx::PgConnection as sqlx::Connection>::begin(&mut c)
        .await
        .unwrap();
    let diubah = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {skema}.pegawai p SET kedudukan_hukum_id = '98' \
         WHERE p.jenis_pegawai = 'PNS' AND p.kedudukan_hukum_id IN \
           (SELECT id FROM {skema}.ref_kedudukan_hukum WHERE masih_asn) \
         AND NOT EXISTS (SELECT 1 FROM {skema}.riwayat r WHERE r.pegawai_id = p.id \
           AND r.jenis = 'pemberhentian') \
         AND (date_trunc('month', p.tanggal_lahir + make_interval(years => COALESCE( \
           (SELECT rj.usia_bup::int FROM {skema}.ref_jabatan rj WHERE rj.id = p.jabatan_id), 58))) \
           + INTERVAL '1 month')::date <= $1"
    )))
    .bind(hari_ini)
    .execute(&mut *tx)
    .await
    .unwrap()
    .rows_affected();
    let dasar = t.elapsed().as_secs_f64();
    tx.rollback().await.unwrap();
    let t = Instant::now();
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "bench").await.unwrap() else {
        panic!("the job runs")
    };
    let kejar = t.elapsed().as_secs_f64();
    println!(
        "tugas harian pertama (mengejar): {r}; {kejar:.1} s ({:.0} pegawai/s; dasar UPDATE massal tanpa audit {diubah} baris {dasar:.2} s; rasio {:.1}×)",
        r.mencapai_bup as f64 / kejar.max(1e-9),
        kejar / dasar.max(1e-9)
    );
    assert_eq!(
        r.mencapai_bup, diubah,
        "the job and the SQL agree on who is past BUP"
    );
    jam.maju(chrono::Duration::days(1));
    let t = Instant::now();
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "bench").await.unwrap() else {
        panic!("the next day runs")
    };
    println!(
        "tugas harian hari berikutnya: {r}; {:.2} s",
        t.elapsed().as_secs_f64()
    );
    store.close().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA {skema} CASCADE")))
        .execute(&mut c)
        .await
        .unwrap();
}
