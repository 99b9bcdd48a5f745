//! What the pages show about proposals besides the proposals themselves: notifications and
//! the operational view (counts, time in each state, oldest waiting).

use chrono::{DateTime, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::usulan::{RingkasanUsulan, StatusUsulan};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::{RINGKASAN_SQL, RingkasanRow, push_cakupan_usulan, ringkasan_from_row};
use crate::error::StoreResult;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

type NotifikasiRow = (
    Option<Uuid>,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<String>,
);

/// A notification about a proposal, with what it needs to say which one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notifikasi {
    /// The proposal.
    pub usulan_id: Option<Uuid>,
    /// The status it moved to.
    pub status: String,
    /// When.
    pub waktu: DateTime<Utc>,
    /// Whether the account has seen it.
    pub dibaca: bool,
    /// The proposal's kind code ("tambah.penghargaan").
    pub jenis: Option<String>,
    /// Whose record the proposal is about.
    pub nama_pegawai: Option<String>,
}

/// Counts and times for the operational view.
#[derive(Debug, Clone, Default)]
pub struct StatistikUsulan {
    /// Proposals by status code.
    pub per_status: Vec<(String, i64)>,
    /// Per status entered: (status, samples, median hours, p90 hours) of time spent in it.
    pub waktu: Vec<(String, usize, f64, f64)>,
    /// Oldest waiting items.
    pub tertua: Vec<RingkasanUsulan>,
}

/// Marks an account's notifications read.
pub async fn baca_notifikasi(tx: &mut Tx, akun_id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE notifikasi SET dibaca_pada = $2 WHERE akun_id = $1 AND dibaca_pada IS NULL",
        )
        .bind(akun_id)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

impl Store {
    /// An account's latest notifications about proposals, newest first.
    pub async fn notifikasi(&self, akun_id: Uuid, batas: i64) -> StoreResult<Vec<Notifikasi>> {
        let rows: Vec<NotifikasiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT n.usulan_id, n.status, n.dibuat_pada, n.dibaca_pada, u.jenis, p.nama \
                 FROM notifikasi n LEFT JOIN usulan u ON u.id = n.usulan_id \
                 LEFT JOIN pegawai p ON p.id = u.pegawai_id \
                 WHERE n.akun_id = $1 AND n.layanan_id IS NULL \
                 ORDER BY n.dibuat_pada DESC, n.id DESC LIMIT $2",
            )
            .bind(akun_id)
            .bind(batas)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(usulan_id, status, waktu, d, jenis, nama_pegawai)| Notifikasi {
                    usulan_id,
                    status,
                    waktu,
                    dibaca: d.is_some(),
                    jenis,
                    nama_pegawai,
                },
            )
            .collect())
    }

    /// Unread notifications of an account.
    pub async fn jumlah_notifikasi_baru(&self, akun_id: Uuid) -> StoreResult<i64> {
        let n: i64 = on_pool!(self.db(), |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM notifikasi WHERE akun_id = $1 AND dibaca_pada IS NULL",
            )
            .bind(akun_id)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }

    /// The operational view within `cakupan`: proposals by status, time spent in each state
    /// (from the round history since `sejak`), and the oldest waiting items.
    pub async fn statistik_usulan(
        &self,
        cakupan: &[Cakupan],
        sejak: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<StatistikUsulan> {
        let per_status: Vec<(String, i64)> = on_pool!(self.db_baca(), |pool| {
            let mut qb = QueryBuilder::new("SELECT u.status, COUNT(*) FROM usulan u WHERE ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" GROUP BY u.status ORDER BY u.status");
            qb.build_query_as().fetch_all(pool).await?
        });
        // Each step ends the state the previous step entered; the open state ends now.
        let langkah: Vec<(Uuid, String, DateTime<Utc>)> = on_pool!(self.db_baca(), |pool| {
            let mut qb = QueryBuilder::new(
                "SELECT j.usulan_id, j.status_ke, j.waktu FROM usulan_jejak j JOIN usulan u ON u.id = j.usulan_id \
                 WHERE j.waktu >= ",
            );
            qb.push_bind(sejak).push(" AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" ORDER BY j.usulan_id, j.waktu, j.id");
            qb.build_query_as().fetch_all(pool).await?
        });
        let mut durasi: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
        for (i, (u, status, waktu)) in langkah.iter().enumerate() {
            let akhir = match langkah.get(i + 1) {
                Some((u2, _, w2)) if u2 == u => *w2,
                _ => {
                    let s = StatusUsulan::from_kode(status);
                    if s.is_some_and(StatusUsulan::final_) {
                        continue;
                    }
                    now
                }
            };
            let jam = (akhir - *waktu).num_seconds() as f64 / 3600.0;
            durasi.entry(status.clone()).or_default().push(jam);
        }
        let waktu = durasi
            .into_iter()
            .map(|(s, mut v)| {
                v.sort_by(f64::total_cmp);
                let q = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
                (s, v.len(), q(0.5), q(0.9))
            })
            .collect();
        let tertua: Vec<RingkasanRow> = on_pool!(self.db_baca(), |pool| {
            let mut qb = QueryBuilder::new(RINGKASAN_SQL);
            qb.push(" WHERE u.status IN ('DIAJUKAN', 'MENUNGGU_BKN') AND ");
            push_cakupan_usulan!(qb, cakupan);
            qb.push(" ORDER BY u.status_sejak LIMIT 10");
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(StatistikUsulan {
            per_status,
            waktu,
            tertua: tertua.into_iter().map(ringkasan_from_row).collect(),
        })
    }
}
