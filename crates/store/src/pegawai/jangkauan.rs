//! Reads for the SIASN-compatible API: the user's scope and the client's reach applied
//! together in the query, and the data-utama record with its names and rows in one statement.

use chrono::NaiveDate;
use siasn_domain::akses::Cakupan;
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, Riwayat};
use sqlx::QueryBuilder;
use sqlx::types::Json;
use uuid::Uuid;

use super::{PEGAWAI_COLUMNS, PegawaiRow};
use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

/// Names of the codes on an employee record, for the data-utama answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct NamaDataUtama {
    /// Working agency name.
    pub instansi_kerja_nama: Option<String>,
    /// Its quick code.
    pub instansi_kerja_kode_cepat: Option<String>,
    /// Parent agency name.
    pub instansi_induk_nama: Option<String>,
    /// Kanreg id.
    pub kanreg_id: Option<String>,
    /// Kanreg name.
    pub kanreg_nama: Option<String>,
    /// Unit name.
    pub unor_nama: Option<String>,
    /// Parent unit id.
    pub unor_induk_id: Option<Uuid>,
    /// Parent unit name.
    pub unor_induk_nama: Option<String>,
    /// Kedudukan hukum name.
    pub kedudukan_nama: Option<String>,
    /// Education level name.
    pub tingkat_pendidikan_nama: Option<String>,
    /// Religion name.
    pub agama_nama: Option<String>,
    /// Marital status name.
    pub jenis_kawin_nama: Option<String>,
    /// Position type name.
    pub jenis_jabatan_nama: Option<String>,
    /// Reference position name.
    pub jabatan_ref_nama: Option<String>,
    /// Retirement age of the reference position.
    pub usia_bup: Option<i32>,
    /// Eselon name.
    pub eselon_nama: Option<String>,
}

/// Adds `AND (<user scope>) AND (<client reach>)` over the `pegawai` columns.
macro_rules! push_dua_cakupan {
    ($qb:expr, $pengguna:expr, $klien:expr) => {{
        $qb.push(" AND ");
        crate::push_cakupan!($qb, $pengguna);
        $qb.push(" AND ");
        crate::push_cakupan!($qb, $klien);
    }};
}

impl Store {
    /// The employee with this NIP if both the user's scope and the client's reach cover them.
    pub async fn pegawai_api(
        &self,
        nip: &str,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
    ) -> StoreResult<Pegawai> {
        self.pegawai_api_oleh("nip", IdAtauNip::Nip(nip.to_string()), pengguna, klien)
            .await
    }

    /// The employee with this id if both scopes cover them.
    pub async fn pegawai_api_id(
        &self,
        id: Uuid,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
    ) -> StoreResult<Pegawai> {
        self.pegawai_api_oleh("id", IdAtauNip::Id(id), pengguna, klien)
            .await
    }

    async fn pegawai_api_oleh(
        &self,
        kolom: &'static str,
        nilai: IdAtauNip,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
    ) -> StoreResult<Pegawai> {
        if pengguna.is_empty() || klien.is_empty() {
            return Err(StoreError::NotFound);
        }
        let row: Option<PegawaiRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!(
                "SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE {kolom} = "
            ));
            match &nilai {
                IdAtauNip::Nip(n) => qb.push_bind(n.clone()),
                IdAtauNip::Id(i) => qb.push_bind(*i),
            };
            push_dua_cakupan!(qb, pengguna, klien);
            qb.build_query_as().fetch_optional(pool).await?
        });
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// A history row if both scopes cover its employee.
    pub async fn riwayat_api(
        &self,
        id: Uuid,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
    ) -> StoreResult<Riwayat> {
        if pengguna.is_empty() || klien.is_empty() {
            return Err(StoreError::NotFound);
        }
        let row: Option<(Uuid, Uuid, Json<DataRiwayat>)> = on_pool!(self.db(), |pool| {
            let mut qb =
                QueryBuilder::new("SELECT r.id, r.pegawai_id, r.data FROM riwayat r WHERE r.id = ");
            qb.push_bind(id);
            qb.push(" AND r.pegawai_id IN (SELECT id FROM pegawai WHERE 1 = 1");
            push_dua_cakupan!(qb, pengguna, klien);
            qb.push(")");
            qb.build_query_as().fetch_optional(pool).await?
        });
        let (id, pegawai_id, Json(data)) = row.ok_or(StoreError::NotFound)?;
        Ok(Riwayat {
            id,
            pegawai_id,
            data,
        })
    }

    /// An employee's rows of some kinds (the data-utama answer needs five of nineteen).
    pub async fn riwayat_pegawai_jenis(
        &self,
        pegawai_id: Uuid,
        jenis: &[siasn_domain::riwayat::JenisRiwayat],
    ) -> StoreResult<Vec<Riwayat>> {
        let rows: Vec<(Uuid, Uuid, Json<DataRiwayat>)> = on_pool!(self.db(), |pool| {
            let mut qb =
                QueryBuilder::new("SELECT id, pegawai_id, data FROM riwayat WHERE pegawai_id = ");
            qb.push_bind(pegawai_id).push(" AND jenis IN (");
            let mut sep = qb.separated(", ");
            for j in jenis {
                sep.push_bind(j.kode());
            }
            qb.push(") ORDER BY tanggal_efektif DESC, id DESC");
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, pegawai_id, Json(data))| Riwayat {
                id,
                pegawai_id,
                data,
            })
            .collect())
    }

    /// Names of units, in one query.
    pub async fn nama_unor(
        &self,
        ids: &[Uuid],
    ) -> StoreResult<std::collections::HashMap<Uuid, String>> {
        if ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        let rows: Vec<(Uuid, String)> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new("SELECT id, nama FROM unor WHERE id IN (");
            let mut sep = qb.separated(", ");
            for id in ids {
                sep.push_bind(*id);
            }
            qb.push(")");
            qb.build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().collect())
    }

    /// An archive document if both scopes cover its employee.
    pub async fn dokumen_api(
        &self,
        id: Uuid,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
    ) -> StoreResult<Dokumen> {
        if pengguna.is_empty() || klien.is_empty() {
            return Err(StoreError::NotFound);
        }
        let d = self.dokumen(id).await?;
        // The scope test runs in the database against the document's employee.
        self.pegawai_api_id(d.pegawai_id, pengguna, klien).await?;
        Ok(d)
    }

    /// Everything the data-utama answer needs in one statement: the employee with this NIP if
    /// both scopes cover them, the names of the codes on the record, and the rows of `jenis`
    /// (newest first, as [`Store::riwayat_pegawai_jenis`] orders them). One statement is one
    /// round trip on PostgreSQL and one hop to the worker thread on SQLite; three separate
    /// reads measured about three times the time of the database work itself.
    pub async fn data_utama_api(
        &self,
        nip: &str,
        pengguna: &[Cakupan],
        klien: &[Cakupan],
        jenis: &[siasn_domain::riwayat::JenisRiwayat],
    ) -> StoreResult<(Pegawai, NamaDataUtama, Vec<Riwayat>)> {
        if pengguna.is_empty() || klien.is_empty() {
            return Err(StoreError::NotFound);
        }
        let engine = self.db().engine();
        let row: Option<DataUtamaRow> = on_pool!(self.db(), |pool| {
            let mut qb = QueryBuilder::new(format!(
                "WITH p AS (SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE nip = "
            ));
            qb.push_bind(nip.to_string());
            push_dua_cakupan!(qb, pengguna, klien);
            qb.push(format!(
                ") SELECT p.*, {NAMA_KOLOM}, ({}",
                riwayat_json(engine)
            ));
            let mut sep = qb.separated(", ");
            for j in jenis {
                sep.push_bind(j.kode());
            }
            qb.push(format!(")) AS riwayat_json FROM p {NAMA_GABUNG}"));
            qb.build_query_as().fetch_optional(pool).await?
        });
        let row = row.ok_or(StoreError::NotFound)?;
        let pegawai: Pegawai = row.pegawai.try_into()?;
        let rows: Vec<(Uuid, DataRiwayat)> = match row.riwayat_json {
            Some(teks) => serde_json::from_str(&teks)
                .map_err(|e| StoreError::Corrupt(format!("riwayat data-utama: {e}")))?,
            None => Vec::new(),
        };
        let riwayat = rows
            .into_iter()
            .map(|(id, data)| Riwayat {
                id,
                pegawai_id: pegawai.id,
                data,
            })
            .collect();
        Ok((pegawai, row.nama, riwayat))
    }

    /// Employees of an agency born between two dates (retirement candidates), by birth date.
    pub async fn pegawai_lahir_antara(
        &self,
        instansi_id: &str,
        dari: NaiveDate,
        sampai: NaiveDate,
        batas: u32,
    ) -> StoreResult<Vec<Pegawai>> {
        let sql = format!(
            "SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE instansi_kerja_id = $1 \
             AND tanggal_lahir >= $2 AND tanggal_lahir <= $3 ORDER BY tanggal_lahir, id LIMIT $4"
        );
        let rows: Vec<PegawaiRow> = on_pool!(self.db_baca(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(instansi_id)
                .bind(dari)
                .bind(sampai)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }
}

/// The names [`NamaDataUtama`] holds, over the joins of [`NAMA_GABUNG`].
const NAMA_KOLOM: &str = "ik.nama AS instansi_kerja_nama, ik.kode_cepat AS instansi_kerja_kode_cepat, \
     ii.nama AS instansi_induk_nama, k.id AS kanreg_id, k.nama AS kanreg_nama, \
     u.nama AS unor_nama, ui.id AS unor_induk_id, ui.nama AS unor_induk_nama, \
     kh.nama AS kedudukan_nama, tp.nama AS tingkat_pendidikan_nama, ag.nama AS agama_nama, \
     jk.nama AS jenis_kawin_nama, jj.nama AS jenis_jabatan_nama, rj.nama AS jabatan_ref_nama, \
     CAST(rj.usia_bup AS INTEGER) AS usia_bup, es.nama AS eselon_nama";

/// The reference tables joined to the record `p`.
const NAMA_GABUNG: &str = "LEFT JOIN instansi ik ON ik.id = p.instansi_kerja_id \
     LEFT JOIN instansi ii ON ii.id = p.instansi_induk_id \
     LEFT JOIN kanreg k ON k.id = ik.kanreg_id \
     LEFT JOIN unor u ON u.id = p.unor_id \
     LEFT JOIN unor ui ON ui.id = u.induk_id \
     LEFT JOIN ref_kedudukan_hukum kh ON kh.id = p.kedudukan_hukum_id \
     LEFT JOIN ref_tingkat_pendidikan tp ON tp.id = p.tingkat_pendidikan_id \
     LEFT JOIN referensi ag ON ag.kategori = 'agama' AND ag.id = p.agama_id \
     LEFT JOIN referensi jk ON jk.kategori = 'jenis-kawin' AND jk.id = p.jenis_kawin_id \
     LEFT JOIN referensi jj ON jj.kategori = 'jenis-jabatan' AND jj.id = p.jenis_jabatan_id \
     LEFT JOIN ref_jabatan rj ON rj.id = p.jabatan_id \
     LEFT JOIN referensi es ON es.kategori = 'eselon' AND es.id = p.eselon_id";

/// The record's rows of some kinds as one JSON array of `[id, data]`, newest first; the
/// caller appends the kinds and closes with `))`. Each engine has its own JSON functions and
/// stores ids differently (SQLite: 16 bytes, written here as 32 hex digits).
fn riwayat_json(engine: crate::Engine) -> &'static str {
    match engine {
        crate::Engine::Postgres => {
            "SELECT CAST(json_agg(json_build_array(r.id, r.data) \
             ORDER BY r.tanggal_efektif DESC, r.id DESC) AS TEXT) \
             FROM riwayat r WHERE r.pegawai_id = p.id AND r.jenis IN ("
        }
        crate::Engine::Sqlite => {
            "SELECT json_group_array(json_array(lower(hex(r.id)), json(r.data)) \
             ORDER BY r.tanggal_efektif DESC, r.id DESC) \
             FROM riwayat r WHERE r.pegawai_id = p.id AND r.jenis IN ("
        }
    }
}

/// One row of [`Store::data_utama_api`].
#[derive(sqlx::FromRow)]
struct DataUtamaRow {
    #[sqlx(flatten)]
    pegawai: PegawaiRow,
    #[sqlx(flatten)]
    nama: NamaDataUtama,
    riwayat_json: Option<String>,
}

enum IdAtauNip {
    Nip(String),
    Id(Uuid),
}
