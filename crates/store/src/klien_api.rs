//! Partner clients of the SIASN-compatible API (secret hashed, scopes, reach), the instance
//! secrets that sign API tokens, and documents uploaded before a save refers to them.

use chrono::{DateTime, Utc};
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien, KlienApi, UnggahanApi};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

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

type UnggahanRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    i64,
    String,
    DateTime<Utc>,
);

fn unggahan_from_row(r: UnggahanRow) -> UnggahanApi {
    UnggahanApi {
        id: r.0,
        klien_id: r.1,
        sha256: r.2,
        nama_file: r.3,
        media_type: r.4,
        ukuran: r.5,
        jenis_dokumen_id: r.6,
        dibuat_pada: r.7,
    }
}

/// Registers a client.
pub async fn tambah(tx: &mut Tx, k: &KlienApi) -> StoreResult<()> {
    let instansi = match &k.jangkauan {
        JangkauanKlien::Instansi(i) => Some(i.clone()),
        JangkauanKlien::Nasional => None,
    };
    on_tx!(tx, |c| {
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
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "consumer key sudah dipakai"))?;
    });
    Ok(())
}
/// Enables or disables a client.
pub async fn ubah_status(tx: &mut Tx, id: Uuid, aktif: bool) -> StoreResult<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query("UPDATE klien_api SET aktif = $2 WHERE id = $1")
            .bind(id)
            .bind(aktif)
            .execute(&mut *c)
            .await?
            .rows_affected()
    });
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Records an uploaded document of a client.
pub async fn simpan_unggahan(tx: &mut Tx, u: &UnggahanApi) -> StoreResult<()> {
    on_tx!(tx, |c| {
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
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

impl Store {
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
    /// An upload, only for the client that made it.
    pub async fn unggahan_api(&self, id: Uuid, klien_id: Uuid) -> StoreResult<UnggahanApi> {
        let row: Option<UnggahanRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, klien_id, sha256, nama_file, media_type, ukuran, jenis_dokumen_id, dibuat_pada \
                 FROM unggahan_api WHERE id = $1 AND klien_id = $2",
            )
            .bind(id)
            .bind(klien_id)
            .fetch_optional(pool)
            .await?
        });
        row.map(unggahan_from_row).ok_or(StoreError::NotFound)
    }
}
