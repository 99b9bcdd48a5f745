//! Employees: their record and where it sits (agency, Kanreg), lookups by NIP and id within a
//! reader's scope, and the steps that change the record inside a use case's transaction.
//! Searches and lists are in [`cari`], histories and documents in [`riwayat`], the reads that
//! apply an API client's reach in [`jangkauan`], the write steps in [`langkah`].

mod cari;
mod jangkauan;
mod langkah;
mod riwayat;

pub use cari::*;
pub use jangkauan::*;
pub use langkah::*;
pub(crate) use riwayat::{DOKUMEN_COLUMNS, dokumen_from_row};

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::akses::{Cakupan, LetakPegawai};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::golongan::GolonganPppk;
use siasn_domain::nik::Nik;
use siasn_domain::nip::{JenisKelamin, NipLama};
use siasn_domain::pegawai::{JenisPegawai, NomorInduk, Pegawai};
use siasn_domain::riwayat::Riwayat;
use sqlx::QueryBuilder;
use sqlx::types::Json;
use uuid::Uuid;

use crate::audit::{self, AuditBaru};
use crate::error::{StoreError, StoreResult};
use crate::referensi::golongan_opt;
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// A new employee with everything recorded about them.
#[derive(Debug, Clone)]
pub struct PegawaiBaru {
    /// Personal data and current state.
    pub pegawai: Pegawai,
    /// Histories.
    pub riwayat: Vec<Riwayat>,
    /// Documents (their blobs must already be stored).
    pub dokumen: Vec<Dokumen>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct PegawaiRow {
    pub(crate) id: Uuid,
    pub(crate) jenis_pegawai: String,
    pub(crate) nip: String,
    pub(crate) nip_lama: Option<String>,
    pub(crate) nama: String,
    pub(crate) gelar_depan: Option<String>,
    pub(crate) gelar_belakang: Option<String>,
    pub(crate) tempat_lahir: String,
    pub(crate) tanggal_lahir: NaiveDate,
    pub(crate) jenis_kelamin: String,
    pub(crate) agama_id: Option<String>,
    pub(crate) jenis_kawin_id: Option<String>,
    pub(crate) alamat: Option<String>,
    pub(crate) nik: Option<String>,
    pub(crate) nomor_kk: Option<String>,
    pub(crate) npwp: Option<String>,
    pub(crate) bpjs: Option<String>,
    pub(crate) taspen: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) email_gov: Option<String>,
    pub(crate) nomor_hp: Option<String>,
    pub(crate) kedudukan_hukum_id: String,
    pub(crate) instansi_induk_id: String,
    pub(crate) instansi_kerja_id: String,
    pub(crate) unor_id: Option<Uuid>,
    pub(crate) jabatan_id: Option<String>,
    pub(crate) nama_jabatan: Option<String>,
    pub(crate) jenis_jabatan_id: Option<String>,
    pub(crate) eselon_id: Option<String>,
    pub(crate) golongan: Option<i16>,
    pub(crate) golongan_pppk: Option<i16>,
    pub(crate) tingkat_pendidikan_id: Option<String>,
    pub(crate) tmt_cpns: Option<NaiveDate>,
    pub(crate) tmt_pns: Option<NaiveDate>,
    pub(crate) tmt_golongan: Option<NaiveDate>,
    pub(crate) tmt_jabatan: Option<NaiveDate>,
}

pub(crate) const PEGAWAI_COLUMNS: &str = "id, jenis_pegawai, nip, nip_lama, nama, gelar_depan, gelar_belakang, \
    tempat_lahir, tanggal_lahir, jenis_kelamin, agama_id, jenis_kawin_id, alamat, nik, nomor_kk, \
    npwp, bpjs, taspen, email, email_gov, nomor_hp, kedudukan_hukum_id, instansi_induk_id, \
    instansi_kerja_id, unor_id, jabatan_id, nama_jabatan, jenis_jabatan_id, eselon_id, golongan, \
    golongan_pppk, tingkat_pendidikan_id, tmt_cpns, tmt_pns, tmt_golongan, tmt_jabatan";

/// Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters.
const PEGAWAI_PER_STATEMENT: usize = 200;
const ROWS_PER_STATEMENT: usize = 1000;

impl From<&Pegawai> for PegawaiRow {
    fn from(p: &Pegawai) -> Self {
        Self {
            id: p.id,
            jenis_pegawai: p.jenis_pegawai.kode().to_string(),
            nip: p.nomor_induk.as_str().to_string(),
            nip_lama: p.nip_lama.as_ref().map(|n| n.as_str().to_string()),
            nama: p.nama.clone(),
            gelar_depan: p.gelar_depan.clone(),
            gelar_belakang: p.gelar_belakang.clone(),
            tempat_lahir: p.tempat_lahir.clone(),
            tanggal_lahir: p.tanggal_lahir,
            jenis_kelamin: p.jenis_kelamin.kode().to_string(),
            agama_id: p.agama_id.clone(),
            jenis_kawin_id: p.jenis_kawin_id.clone(),
            alamat: p.alamat.clone(),
            nik: p.nik.as_ref().map(|n| n.as_str().to_string()),
            nomor_kk: p.nomor_kk.clone(),
            npwp: p.npwp.clone(),
            bpjs: p.bpjs.clone(),
            taspen: p.taspen.clone(),
            email: p.email.clone(),
            email_gov: p.email_gov.clone(),
            nomor_hp: p.nomor_hp.clone(),
            kedudukan_hukum_id: p.kedudukan_hukum_id.clone(),
            instansi_induk_id: p.instansi_induk_id.clone(),
            instansi_kerja_id: p.instansi_kerja_id.clone(),
            unor_id: p.unor_id,
            jabatan_id: p.jabatan_id.clone(),
            nama_jabatan: p.nama_jabatan.clone(),
            jenis_jabatan_id: p.jenis_jabatan_id.clone(),
            eselon_id: p.eselon_id.clone(),
            golongan: p.golongan.map(|g| i16::from(g.id())),
            golongan_pppk: p.golongan_pppk.map(|g| i16::from(g.nomor())),
            tingkat_pendidikan_id: p.tingkat_pendidikan_id.clone(),
            tmt_cpns: p.tmt_cpns,
            tmt_pns: p.tmt_pns,
            tmt_golongan: p.tmt_golongan,
            tmt_jabatan: p.tmt_jabatan,
        }
    }
}

impl TryFrom<PegawaiRow> for Pegawai {
    type Error = StoreError;

    fn try_from(r: PegawaiRow) -> StoreResult<Self> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("pegawai {}: {what}", r.id));
        let jenis_pegawai =
            JenisPegawai::from_kode(&r.jenis_pegawai).ok_or_else(|| corrupt("jenis_pegawai"))?;
        let nomor_induk = NomorInduk::parse_for(jenis_pegawai, &r.nip)
            .map_err(|e| corrupt(&format!("nip: {e}")))?;
        let nip_lama = r
            .nip_lama
            .as_deref()
            .map(NipLama::parse)
            .transpose()
            .map_err(|e| corrupt(&format!("nip_lama: {e}")))?;
        let nik = r
            .nik
            .as_deref()
            .map(Nik::parse)
            .transpose()
            .map_err(|e| corrupt(&format!("nik: {e}")))?;
        let jenis_kelamin =
            JenisKelamin::from_kode(&r.jenis_kelamin).ok_or_else(|| corrupt("jenis_kelamin"))?;
        let golongan_pppk = r
            .golongan_pppk
            .map(|g| {
                u8::try_from(g)
                    .ok()
                    .and_then(GolonganPppk::new)
                    .ok_or_else(|| corrupt("golongan_pppk"))
            })
            .transpose()?;
        Ok(Pegawai {
            id: r.id,
            jenis_pegawai,
            nomor_induk,
            nip_lama,
            nama: r.nama,
            gelar_depan: r.gelar_depan,
            gelar_belakang: r.gelar_belakang,
            tempat_lahir: r.tempat_lahir,
            tanggal_lahir: r.tanggal_lahir,
            jenis_kelamin,
            agama_id: r.agama_id,
            jenis_kawin_id: r.jenis_kawin_id,
            alamat: r.alamat,
            nik,
            nomor_kk: r.nomor_kk,
            npwp: r.npwp,
            bpjs: r.bpjs,
            taspen: r.taspen,
            email: r.email,
            email_gov: r.email_gov,
            nomor_hp: r.nomor_hp,
            kedudukan_hukum_id: r.kedudukan_hukum_id,
            instansi_induk_id: r.instansi_induk_id,
            instansi_kerja_id: r.instansi_kerja_id,
            unor_id: r.unor_id,
            jabatan_id: r.jabatan_id,
            nama_jabatan: r.nama_jabatan,
            jenis_jabatan_id: r.jenis_jabatan_id,
            eselon_id: r.eselon_id,
            golongan: golongan_opt(r.golongan)?,
            golongan_pppk,
            tingkat_pendidikan_id: r.tingkat_pendidikan_id,
            tmt_cpns: r.tmt_cpns,
            tmt_pns: r.tmt_pns,
            tmt_golongan: r.tmt_golongan,
            tmt_jabatan: r.tmt_jabatan,
        })
    }
}

/// Appends `(scope OR scope …)` to a query on `pegawai`: the one place where a reader's scopes
/// become SQL, so every read and list filters the same way.
#[macro_export]
#[doc(hidden)]
macro_rules! push_cakupan {
    ($qb:expr, $cakupan:expr) => {{
        $qb.push("(");
        for (i, c) in $cakupan.iter().enumerate() {
            if i > 0 {
                $qb.push(" OR ");
            }
            match c {
                Cakupan::Diri(id) => {
                    $qb.push("id = ").push_bind(*id);
                }
                Cakupan::Instansi(instansi) => {
                    $qb.push("instansi_kerja_id = ").push_bind(instansi.clone());
                }
                Cakupan::Kanreg(kanreg) => {
                    $qb.push("instansi_kerja_id IN (SELECT id FROM instansi WHERE kanreg_id = ")
                        .push_bind(kanreg.clone())
                        .push(")");
                }
                Cakupan::Nasional => {
                    $qb.push("1 = 1");
                }
            }
        }
        $qb.push(")");
    }};
}

/// A name as searched: lower-case, single spaces, trimmed.
pub fn nama_cari(nama: &str) -> String {
    nama.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Creates employees with their histories and documents, and one audit event each.
pub async fn tambah(
    tx: &mut Tx,
    batch: &[PegawaiBaru],
    aktor: &str,
    alasan: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let pegawai: Vec<PegawaiRow> = batch.iter().map(|b| (&b.pegawai).into()).collect();
    let riwayat: Vec<&Riwayat> = batch.iter().flat_map(|b| &b.riwayat).collect();
    let dokumen: Vec<&Dokumen> = batch.iter().flat_map(|b| &b.dokumen).collect();
    let audit: Vec<AuditBaru> = batch
        .iter()
        .map(|b| AuditBaru {
            aktor: aktor.to_string(),
            aksi: "pegawai.dibuat".to_string(),
            pegawai_id: Some(b.pegawai.id),
            alasan: Some(alasan.to_string()),
            sesudah: Some(serde_json::json!({
                "nip": b.pegawai.nomor_induk.as_str(),
                "riwayat": b.riwayat.len(),
                "dokumen": b.dokumen.len(),
            })),
            ..AuditBaru::default()
        })
        .collect();
    on_tx!(tx, |c| {
        for chunk in pegawai.chunks(PEGAWAI_PER_STATEMENT) {
            let mut qb = QueryBuilder::new(format!(
                "INSERT INTO pegawai ({PEGAWAI_COLUMNS}, nama_cari, versi, dibuat_pada, diubah_pada) "
            ));
            qb.push_values(chunk, |mut b, r| {
                b.push_bind(r.id)
                    .push_bind(r.jenis_pegawai.clone())
                    .push_bind(r.nip.clone())
                    .push_bind(r.nip_lama.clone())
                    .push_bind(r.nama.clone())
                    .push_bind(r.gelar_depan.clone())
                    .push_bind(r.gelar_belakang.clone())
                    .push_bind(r.tempat_lahir.clone())
                    .push_bind(r.tanggal_lahir)
                    .push_bind(r.jenis_kelamin.clone())
                    .push_bind(r.agama_id.clone())
                    .push_bind(r.jenis_kawin_id.clone())
                    .push_bind(r.alamat.clone())
                    .push_bind(r.nik.clone())
                    .push_bind(r.nomor_kk.clone())
                    .push_bind(r.npwp.clone())
                    .push_bind(r.bpjs.clone())
                    .push_bind(r.taspen.clone())
                    .push_bind(r.email.clone())
                    .push_bind(r.email_gov.clone())
                    .push_bind(r.nomor_hp.clone())
                    .push_bind(r.kedudukan_hukum_id.clone())
                    .push_bind(r.instansi_induk_id.clone())
                    .push_bind(r.instansi_kerja_id.clone())
                    .push_bind(r.unor_id)
                    .push_bind(r.jabatan_id.clone())
                    .push_bind(r.nama_jabatan.clone())
                    .push_bind(r.jenis_jabatan_id.clone())
                    .push_bind(r.eselon_id.clone())
                    .push_bind(r.golongan)
                    .push_bind(r.golongan_pppk)
                    .push_bind(r.tingkat_pendidikan_id.clone())
                    .push_bind(r.tmt_cpns)
                    .push_bind(r.tmt_pns)
                    .push_bind(r.tmt_golongan)
                    .push_bind(r.tmt_jabatan)
                    .push_bind(nama_cari(&r.nama))
                    .push_bind(1_i64)
                    .push_bind(now)
                    .push_bind(now);
            });
            qb.build()
                .execute(&mut *c)
                .await
                .map_err(|e| StoreError::from_write(e, "NIP sudah terdaftar"))?;
        }
        for chunk in riwayat.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::new(
                "INSERT INTO riwayat (id, pegawai_id, jenis, tanggal_efektif, nomor_sk, tanggal_sk, data, dibuat_pada) ",
            );
            qb.push_values(chunk, |mut b, r| {
                let sk = r.data.sk();
                b.push_bind(r.id)
                    .push_bind(r.pegawai_id)
                    .push_bind(r.data.jenis().kode())
                    .push_bind(r.data.tanggal_efektif())
                    .push_bind(sk.map(|s| s.nomor.clone()))
                    .push_bind(sk.map(|s| s.tanggal))
                    .push_bind(Json(r.data.clone()))
                    .push_bind(now);
            });
            qb.build().execute(&mut *c).await?;
        }
        for chunk in dokumen.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::new(
                "INSERT INTO dokumen (id, pegawai_id, riwayat_id, jenis_dokumen_id, sha256, nama_file, \
                 media_type, ukuran, diunggah_pada, diunggah_oleh) ",
            );
            qb.push_values(chunk, |mut b, d| {
                b.push_bind(d.id)
                    .push_bind(d.pegawai_id)
                    .push_bind(d.riwayat_id)
                    .push_bind(d.jenis_dokumen_id.clone())
                    .push_bind(d.sha256.clone())
                    .push_bind(d.nama_file.clone())
                    .push_bind(d.media_type.clone())
                    .push_bind(d.ukuran)
                    .push_bind(d.diunggah_pada)
                    .push_bind(d.diunggah_oleh.clone());
            });
            qb.build().execute(&mut *c).await?;
        }
    });
    audit::tulis(tx, audit, now).await
}

impl Store {
    /// The bulk loader (demo data, tests): [`tambah`] in a transaction of its own, so either
    /// all of `batch` is stored or none of it.
    pub async fn tambah_pegawai(
        &self,
        batch: &[PegawaiBaru],
        aktor: &str,
        alasan: &str,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tambah(&mut tx, batch, aktor, alasan, Utc::now()).await?;
        tx.commit().await
    }

    /// The employee with this NIP / NI PPPK (18 digits, no spaces).
    pub async fn pegawai_by_nip(&self, nip: &str) -> StoreResult<Pegawai> {
        let sql = format!("SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE nip = $1");
        let row: Option<PegawaiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(nip)
                .fetch_optional(pool)
                .await?
        });
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// The employee with this id.
    pub async fn pegawai(&self, id: Uuid) -> StoreResult<Pegawai> {
        let sql = format!("SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE id = $1");
        let row: Option<PegawaiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// A page of employees in an agency (optionally one unit), by name then id.
    ///
    /// `setelah` is the cursor from the previous page. Served from the (agency|unit, name, id)
    /// index, so a page costs the same on page 1 and page 10,000.
    /// Whether any employee is stored (cheap on any size).
    pub async fn ada_pegawai(&self) -> StoreResult<bool> {
        let row: Option<i32> = on_pool!(self.db(), |pool| {
            sqlx::query_scalar("SELECT 1 FROM pegawai LIMIT 1")
                .fetch_optional(pool)
                .await?
        });
        Ok(row.is_some())
    }

    /// Number of employees working in an agency (uses the agency index).
    pub async fn jumlah_pegawai_instansi(&self, instansi_id: &str) -> StoreResult<i64> {
        let n: i64 = on_pool!(self.db(), |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM pegawai WHERE instansi_kerja_id = $1")
                .bind(instansi_id)
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// Where an employee sits (agency and Kanreg), for scope decisions.
    pub async fn letak_pegawai(&self, pegawai_id: Uuid) -> StoreResult<LetakPegawai> {
        let row: Option<(String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT p.instansi_kerja_id, i.kanreg_id FROM pegawai p \
                 JOIN instansi i ON i.id = p.instansi_kerja_id WHERE p.id = $1",
            )
            .bind(pegawai_id)
            .fetch_optional(pool)
            .await?
        });
        let (instansi_id, kanreg_id) = row.ok_or(StoreError::NotFound)?;
        Ok(LetakPegawai {
            pegawai_id,
            instansi_id,
            kanreg_id,
        })
    }

    /// The employee with this NIP, only if one of `cakupan` covers them (scope in the query).
    pub async fn pegawai_dalam_cakupan(
        &self,
        nip: &str,
        cakupan: &[Cakupan],
    ) -> StoreResult<Pegawai> {
        if cakupan.is_empty() {
            return Err(StoreError::NotFound);
        }
        let row: Option<PegawaiRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE nip = "
            ));
            qb.push_bind(nip.to_string()).push(" AND ");
            push_cakupan!(qb, cakupan);
            qb.build_query_as().fetch_optional(pool).await?
        });
        row.ok_or(StoreError::NotFound)?.try_into()
    }
}
