//! The facts the promotion prediction needs, read in keyset pages so a national run never
//! holds more than one page of employees and their histories.

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::akses::Cakupan;
use siasn_domain::instansi::JenisInstansi;
use siasn_domain::layanan::kp::FaktaKp;
use siasn_domain::riwayat::DataRiwayat;
use sqlx::QueryBuilder;
use sqlx::types::Json;
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::referensi::golongan_opt;
use crate::{Store, on_pool, push_cakupan};

/// One employee whose rank could change at a period, with the facts.
#[derive(Debug, Clone)]
pub struct KandidatKp {
    /// Employee.
    pub pegawai_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Agency.
    pub instansi_id: String,
    /// Unit.
    pub unor_id: Option<Uuid>,
    /// The facts the rules look at.
    pub fakta: FaktaKp,
}

type Baris = (
    Uuid,
    String,
    String,
    String,
    Option<Uuid>,
    Option<i16>,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    String,
);

impl Store {
    /// A page of active PNS within `cakupan`, after `setelah` by id, whose time in rank could
    /// be complete at `periode` (two years, the functional minimum) and who are below IV/e.
    pub async fn kandidat_kp(
        &self,
        cakupan: &[Cakupan],
        periode: NaiveDate,
        setelah: Option<Uuid>,
        batas: i64,
    ) -> StoreResult<Vec<KandidatKp>> {
        let batas_tmt = periode
            .checked_sub_months(Months::new(24))
            .unwrap_or(periode);
        self.kandidat(cakupan, periode, batas_tmt, setelah, batas)
            .await
    }

    async fn kandidat(
        &self,
        cakupan: &[Cakupan],
        periode: NaiveDate,
        batas_tmt: NaiveDate,
        setelah: Option<Uuid>,
        batas: i64,
    ) -> StoreResult<Vec<KandidatKp>> {
        let rows: Vec<Baris> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(
                "SELECT p.id, p.nip, p.nama, p.instansi_kerja_id, p.unor_id, p.golongan, \
                 p.tmt_golongan, p.tingkat_pendidikan_id, p.jenis_jabatan_id, i.jenis \
                 FROM pegawai p JOIN instansi i ON i.id = p.instansi_kerja_id \
                 WHERE p.jenis_pegawai = 'PNS' AND p.kedudukan_hukum_id = '01' \
                 AND p.golongan < 45 AND p.tmt_golongan <= ",
            );
            qb.push_bind(batas_tmt);
            if let Some(s) = setelah {
                qb.push(" AND p.id > ").push_bind(s);
            }
            qb.push(" AND p.id IN (SELECT id FROM pegawai WHERE ");
            push_cakupan!(qb, cakupan);
            qb.push(") ORDER BY p.id LIMIT ").push_bind(batas);
            qb.build_query_as().fetch_all(pool).await?
        });
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
        // Only the rows the rules read: SKP of the two years before the period's year,
        // discipline, credit assessments and rank rows (of which the current one is kept
        // below: joining `pegawai` here makes PostgreSQL scan the whole table per page).
        let skp_sejak = NaiveDate::from_ymd_opt(periode.year() - 2, 1, 1).unwrap_or(periode);
        let riwayat: Vec<(Uuid, Json<DataRiwayat>)> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(
                "SELECT pegawai_id, data FROM riwayat WHERE ((jenis IN ('skp', 'skp22') \
                 AND tanggal_efektif >= ",
            );
            qb.push_bind(skp_sejak);
            qb.push(
                ") OR jenis IN ('golongan', 'hukuman_disiplin', 'angka_kredit')) \
                 AND pegawai_id IN (",
            );
            let mut s = qb.separated(", ");
            for id in &ids {
                s.push_bind(*id);
            }
            qb.push(")");
            qb.build_query_as().fetch_all(pool).await?
        });
        let tmt: std::collections::HashMap<Uuid, Option<NaiveDate>> =
            rows.iter().map(|r| (r.0, r.6)).collect();
        let mut per_pegawai: std::collections::HashMap<Uuid, Vec<DataRiwayat>> =
            std::collections::HashMap::with_capacity(ids.len());
        for (id, Json(d)) in riwayat {
            let lama = matches!(&d, DataRiwayat::Golongan(g)
                if tmt.get(&id).copied().flatten() != Some(g.tmt_golongan));
            if !lama {
                per_pegawai.entry(id).or_default().push(d);
            }
        }
        rows.into_iter()
            .map(|r| {
                let golongan = golongan_opt(r.5)?
                    .ok_or_else(|| StoreError::Corrupt("golongan kosong".into()))?;
                Ok(KandidatKp {
                    pegawai_id: r.0,
                    nip: r.1,
                    nama: r.2,
                    instansi_id: r.3,
                    unor_id: r.4,
                    fakta: FaktaKp {
                        jenis_instansi: JenisInstansi::from_kode(&r.9).ok_or_else(|| {
                            StoreError::Corrupt(format!("jenis instansi '{}'", r.9))
                        })?,
                        golongan,
                        tmt_golongan: r
                            .6
                            .ok_or_else(|| StoreError::Corrupt("tmt golongan kosong".into()))?,
                        tingkat_pendidikan_id: r.7,
                        jenis_jabatan_id: r.8,
                        riwayat: per_pegawai.remove(&r.0).unwrap_or_default(),
                    },
                })
            })
            .collect()
    }

    /// The facts of one employee for a promotion at `periode` (for starting a case), whatever
    /// their time in rank, if they are an active PNS below IV/e.
    pub async fn fakta_kp(
        &self,
        pegawai_id: Uuid,
        periode: NaiveDate,
    ) -> StoreResult<Option<KandidatKp>> {
        let kapan_pun = NaiveDate::from_ymd_opt(9999, 12, 1).unwrap_or(NaiveDate::MAX);
        let mut page = self
            .kandidat(&[Cakupan::Diri(pegawai_id)], periode, kapan_pun, None, 1)
            .await?;
        Ok(page.pop())
    }
}
