//! Storage for the SIASN-compatible API: partner clients (secret hashed, scopes, reach), the
//! instance secret that signs API tokens, documents uploaded before a save refers to them, and
//! reads that apply the user's scope and the client's reach together in the query.

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::akses::Cakupan;
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, Riwayat};
use sqlx::QueryBuilder;
use sqlx::types::Json;
use uuid::Uuid;

use crate::audit::AuditBaru;
use crate::error::{StoreError, StoreResult};
use crate::pegawai::{PEGAWAI_COLUMNS, PegawaiRow};
use crate::{Store, on_pool};

/// A registered partner client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KlienApi {
    /// Id.
    pub id: Uuid,
    /// Display name ("SIMPEG Kabupaten X", "PT Taspen").
    pub nama: String,
    /// Public consumer key.
    pub consumer_key: String,
    /// argon2id hash of the consumer secret.
    pub secret_hash: String,
    /// Which employees it reaches.
    pub jangkauan: JangkauanKlien,
    /// Granted scopes.
    pub lingkup: DaftarLingkup,
    /// Requests per minute.
    pub batas_per_menit: u32,
    /// Whether it may obtain and use tokens.
    pub aktif: bool,
    /// When it was registered.
    pub dibuat_pada: DateTime<Utc>,
    /// Who registered it.
    pub dibuat_oleh: String,
}

type KlienRow = (
    Uuid,
    String,
    String,
    String,
    Option<String>,
    String,
    i32,
    bool,
    DateTime<Utc>,
    String,
);

const KLIEN_COLUMNS: &str = "id, nama, consumer_key, secret_hash, instansi_id, cakupan, batas_per_menit, aktif, \
    dibuat_pada, dibuat_oleh";

fn klien_from_row(r: KlienRow) -> StoreResult<KlienApi> {
    Ok(KlienApi {
        id: r.0,
        nama: r.1,
        consumer_key: r.2,
        secret_hash: r.3,
        jangkauan: r
            .4
            .map_or(JangkauanKlien::Nasional, JangkauanKlien::Instansi),
        lingkup: DaftarLingkup::parse(&r.5).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        batas_per_menit: u32::try_from(r.6).unwrap_or(0),
        aktif: r.7,
        dibuat_pada: r.8,
        dibuat_oleh: r.9,
    })
}

/// A document uploaded through the API, waiting for a save to refer to it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UnggahanApi {
    /// Id (the `dok_uri` handed back is `unggahan/<id>`).
    pub id: Uuid,
    /// The client that uploaded it (only it may refer to it).
    pub klien_id: Uuid,
    /// Blob hash.
    pub sha256: String,
    /// Cleaned file name.
    pub nama_file: String,
    /// Detected media type.
    pub media_type: String,
    /// Size in bytes.
    pub ukuran: i64,
    /// Document type (ref-dokumen id).
    pub jenis_dokumen_id: String,
    /// When.
    pub dibuat_pada: DateTime<Utc>,
}

/// Names of the codes on an employee record, for the data-utama answer (one query).
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

/// A promotion proposal of an agency, for the KP list.
#[derive(Debug, Clone, PartialEq)]
pub struct UsulanKp {
    /// Proposal id.
    pub id: Uuid,
    /// Employee id.
    pub pegawai_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Status code.
    pub status: String,
    /// The proposed rank row.
    pub data: DataRiwayat,
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
    /// Registers a client (audited).
    pub async fn tambah_klien_api(&self, k: &KlienApi) -> StoreResult<()> {
        let instansi = match &k.jangkauan {
            JangkauanKlien::Instansi(i) => Some(i.clone()),
            JangkauanKlien::Nasional => None,
        };
        let audit = vec![AuditBaru {
            aktor: k.dibuat_oleh.clone(),
            aksi: "klien_api.dibuat".into(),
            alasan: Some(format!("klien {}", k.id)),
            sesudah: Some(serde_json::json!({
                "nama": k.nama,
                "consumer_key": k.consumer_key,
                "instansi_id": instansi,
                "lingkup": k.lingkup.to_string(),
                "batas_per_menit": k.batas_per_menit,
            })),
            ..AuditBaru::default()
        }];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO klien_api (id, nama, consumer_key, secret_hash, instansi_id, cakupan, \
                 batas_per_menit, aktif, dibuat_pada, dibuat_oleh) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(k.id)
            .bind(k.nama.clone())
            .bind(k.consumer_key.clone())
            .bind(k.secret_hash.clone())
            .bind(instansi.clone())
            .bind(k.lingkup.to_string())
            .bind(i32::try_from(k.batas_per_menit).unwrap_or(i32::MAX))
            .bind(k.aktif)
            .bind(k.dibuat_pada)
            .bind(k.dibuat_oleh.clone())
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_write(e, "consumer key sudah dipakai"))?;
            crate::tulis_audit!(tx, audit, k.dibuat_pada);
            tx.commit().await?;
        });
        Ok(())
    }

    /// A client by consumer key.
    pub async fn klien_api_by_key(&self, key: &str) -> StoreResult<Option<KlienApi>> {
        let sql = format!("SELECT {KLIEN_COLUMNS} FROM klien_api WHERE consumer_key = $1");
        let row: Option<KlienRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(key)
                .fetch_optional(pool)
                .await?
        });
        row.map(klien_from_row).transpose()
    }

    /// A client by id.
    pub async fn klien_api(&self, id: Uuid) -> StoreResult<KlienApi> {
        let sql = format!("SELECT {KLIEN_COLUMNS} FROM klien_api WHERE id = $1");
        let row: Option<KlienRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        klien_from_row(row.ok_or(StoreError::NotFound)?)
    }

    /// Every client, newest first.
    pub async fn daftar_klien_api(&self) -> StoreResult<Vec<KlienApi>> {
        let sql = format!("SELECT {KLIEN_COLUMNS} FROM klien_api ORDER BY dibuat_pada DESC, id");
        let rows: Vec<KlienRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(klien_from_row).collect()
    }

    /// Enables or disables a client (audited).
    pub async fn ubah_status_klien_api(
        &self,
        id: Uuid,
        aktif: bool,
        aktor: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let audit = vec![AuditBaru {
            aktor: aktor.to_string(),
            aksi: if aktif {
                "klien_api.diaktifkan"
            } else {
                "klien_api.dinonaktifkan"
            }
            .into(),
            alasan: Some(format!("klien {id}")),
            ..AuditBaru::default()
        }];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("UPDATE klien_api SET aktif = $2 WHERE id = $1")
                .bind(id)
                .bind(aktif)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            crate::tulis_audit!(tx, audit, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// The named instance secret, created by `buat` at first use. Servers racing to create it
    /// all end up with the one that was stored first.
    pub async fn rahasia_instance(
        &self,
        nama: &str,
        buat: impl FnOnce() -> String,
        now: DateTime<Utc>,
    ) -> StoreResult<String> {
        let baru = buat();
        let nilai: (String,) = on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO rahasia_instance (nama, nilai, dibuat_pada) VALUES ($1, $2, $3) \
                 ON CONFLICT (nama) DO NOTHING",
            )
            .bind(nama)
            .bind(baru.clone())
            .bind(now)
            .execute(pool)
            .await?;
            sqlx::query_as("SELECT nilai FROM rahasia_instance WHERE nama = $1")
                .bind(nama)
                .fetch_one(pool)
                .await?
        });
        Ok(nilai.0)
    }

    /// Records an uploaded document of a client.
    pub async fn simpan_unggahan_api(&self, u: &UnggahanApi) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO unggahan_api (id, klien_id, sha256, nama_file, media_type, ukuran, \
                 jenis_dokumen_id, dibuat_pada) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(u.id)
            .bind(u.klien_id)
            .bind(u.sha256.clone())
            .bind(u.nama_file.clone())
            .bind(u.media_type.clone())
            .bind(u.ukuran)
            .bind(u.jenis_dokumen_id.clone())
            .bind(u.dibuat_pada)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// An upload, only for the client that made it.
    pub async fn unggahan_api(&self, id: Uuid, klien_id: Uuid) -> StoreResult<UnggahanApi> {
        let row: Option<UnggahanApi> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, klien_id, sha256, nama_file, media_type, ukuran, jenis_dokumen_id, dibuat_pada \
                 FROM unggahan_api WHERE id = $1 AND klien_id = $2",
            )
            .bind(id)
            .bind(klien_id)
            .fetch_optional(pool)
            .await?
        });
        row.ok_or(StoreError::NotFound)
    }

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
    ) -> StoreResult<siasn_domain::dokumen::Dokumen> {
        if pengguna.is_empty() || klien.is_empty() {
            return Err(StoreError::NotFound);
        }
        let d = self.dokumen(id).await?;
        // The scope test runs in the database against the document's employee.
        self.pegawai_api_id(d.pegawai_id, pengguna, klien).await?;
        Ok(d)
    }

    /// Names of the codes on a record, in one query.
    pub async fn nama_data_utama(&self, p: &Pegawai) -> StoreResult<NamaDataUtama> {
        let row: Option<NamaDataUtama> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT ik.nama AS instansi_kerja_nama, ik.kode_cepat AS instansi_kerja_kode_cepat, \
                 ii.nama AS instansi_induk_nama, k.id AS kanreg_id, k.nama AS kanreg_nama, \
                 u.nama AS unor_nama, ui.id AS unor_induk_id, ui.nama AS unor_induk_nama, \
                 kh.nama AS kedudukan_nama, tp.nama AS tingkat_pendidikan_nama, ag.nama AS agama_nama, \
                 jk.nama AS jenis_kawin_nama, jj.nama AS jenis_jabatan_nama, rj.nama AS jabatan_ref_nama, \
                 CAST(rj.usia_bup AS INTEGER) AS usia_bup, es.nama AS eselon_nama \
                 FROM instansi ik \
                 LEFT JOIN instansi ii ON ii.id = $2 \
                 LEFT JOIN kanreg k ON k.id = ik.kanreg_id \
                 LEFT JOIN unor u ON u.id = $3 \
                 LEFT JOIN unor ui ON ui.id = u.induk_id \
                 LEFT JOIN ref_kedudukan_hukum kh ON kh.id = $4 \
                 LEFT JOIN ref_tingkat_pendidikan tp ON tp.id = $5 \
                 LEFT JOIN referensi ag ON ag.kategori = 'agama' AND ag.id = $6 \
                 LEFT JOIN referensi jk ON jk.kategori = 'jenis-kawin' AND jk.id = $7 \
                 LEFT JOIN referensi jj ON jj.kategori = 'jenis-jabatan' AND jj.id = $8 \
                 LEFT JOIN ref_jabatan rj ON rj.id = $9 \
                 LEFT JOIN referensi es ON es.kategori = 'eselon' AND es.id = $10 \
                 WHERE ik.id = $1",
            )
            .bind(p.instansi_kerja_id.clone())
            .bind(p.instansi_induk_id.clone())
            .bind(p.unor_id)
            .bind(p.kedudukan_hukum_id.clone())
            .bind(p.tingkat_pendidikan_id.clone())
            .bind(p.agama_id.clone())
            .bind(p.jenis_kawin_id.clone())
            .bind(p.jenis_jabatan_id.clone())
            .bind(p.jabatan_id.clone())
            .bind(p.eselon_id.clone())
            .fetch_optional(pool)
            .await?
        });
        Ok(row.unwrap_or_default())
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
        let rows: Vec<PegawaiRow> = on_pool!(self.db(), |pool| {
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

    /// Rank proposals (new golongan rows) of an agency's employees, newest first.
    pub async fn usulan_kp_instansi(&self, instansi_id: &str) -> StoreResult<Vec<UsulanKp>> {
        let rows: Vec<(Uuid, Uuid, String, String, String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                    "SELECT u.id, u.pegawai_id, p.nip, p.nama, u.status, u.perubahan FROM usulan u \
                     JOIN pegawai p ON p.id = u.pegawai_id \
                     WHERE u.instansi_id = $1 AND u.jenis = 'tambah.golongan' ORDER BY u.id DESC LIMIT 5000",
                )
                .bind(instansi_id)
                .fetch_all(pool)
                .await?
        });
        let mut out = Vec::with_capacity(rows.len());
        for (id, pegawai_id, nip, nama, status, perubahan) in rows {
            let perubahan: serde_json::Value =
                serde_json::from_str(&perubahan).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let Some(data) = perubahan.get("data").cloned() else {
                continue;
            };
            let data: DataRiwayat =
                serde_json::from_value(data).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            out.push(UsulanKp {
                id,
                pegawai_id,
                nip,
                nama,
                status,
                data,
            });
        }
        Ok(out)
    }

    /// Files an upload in the employee's archive (linked to a history row, if given), with
    /// its audit event in the same transaction; returns the archive document's id.
    pub async fn lampirkan_unggahan_api(
        &self,
        u: &UnggahanApi,
        pegawai_id: Uuid,
        riwayat_id: Option<Uuid>,
        audit: &AuditBaru,
    ) -> StoreResult<Uuid> {
        let id = Uuid::now_v7();
        let events = vec![audit.clone()];
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO dokumen (id, pegawai_id, riwayat_id, jenis_dokumen_id, sha256, nama_file, \
                 media_type, ukuran, diunggah_pada, diunggah_oleh) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(id)
            .bind(pegawai_id)
            .bind(riwayat_id)
            .bind(u.jenis_dokumen_id.clone())
            .bind(u.sha256.clone())
            .bind(u.nama_file.clone())
            .bind(u.media_type.clone())
            .bind(u.ukuran)
            .bind(u.dibuat_pada)
            .bind(audit.aktor.clone())
            .execute(&mut *tx)
            .await?;
            crate::tulis_audit!(tx, events, u.dibuat_pada);
            tx.commit().await?;
        });
        Ok(id)
    }
}

enum IdAtauNip {
    Nip(String),
    Id(Uuid),
}
