//! Histories and documents of one employee (reads), and storing a document's content.

use chrono::{DateTime, Utc};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, Riwayat};
use sqlx::types::Json;
use uuid::Uuid;

use crate::blob::BlobRef;
use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

pub(crate) type DokumenRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
    String,
);

pub(crate) const DOKUMEN_COLUMNS: &str = "id, pegawai_id, riwayat_id, jenis_dokumen_id, sha256, nama_file, \
    media_type, ukuran, diunggah_pada, diunggah_oleh";

impl Store {
    /// An employee's histories, newest first; all kinds, or one.
    pub async fn riwayat_pegawai(
        &self,
        pegawai_id: Uuid,
        jenis: Option<JenisRiwayat>,
    ) -> StoreResult<Vec<Riwayat>> {
        let rows: Vec<(Uuid, Uuid, Json<DataRiwayat>)> = on_pool!(self.db(), |pool| {
            match jenis {
                Some(jenis) => sqlx::query_as(
                    "SELECT id, pegawai_id, data FROM riwayat WHERE pegawai_id = $1 AND jenis = $2 \
                         ORDER BY tanggal_efektif DESC, id DESC",
                )
                .bind(pegawai_id)
                .bind(jenis.kode())
                .fetch_all(pool)
                .await?,
                None => {
                    sqlx::query_as(
                        "SELECT id, pegawai_id, data FROM riwayat WHERE pegawai_id = $1 \
                         ORDER BY jenis, tanggal_efektif DESC, id DESC",
                    )
                    .bind(pegawai_id)
                    .fetch_all(pool)
                    .await?
                }
            }
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

    /// Stores content in the blob store and records it (idempotent for the same content).
    pub async fn simpan_blob(&self, bytes: &[u8], media_type: &str) -> StoreResult<BlobRef> {
        let blob = self.blobs().put(bytes, media_type).await?;
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO blob (sha256, ukuran, media_type, dibuat_pada) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (sha256) DO NOTHING",
            )
            .bind(&blob.sha256)
            .bind(blob.ukuran)
            .bind(&blob.media_type)
            .bind(Utc::now())
            .execute(pool)
            .await?;
        });
        Ok(blob)
    }

    /// An employee's documents, newest first.
    pub async fn dokumen_pegawai(&self, pegawai_id: Uuid) -> StoreResult<Vec<Dokumen>> {
        let sql = format!(
            "SELECT {DOKUMEN_COLUMNS} FROM dokumen WHERE pegawai_id = $1 ORDER BY diunggah_pada DESC, id"
        );
        let rows: Vec<DokumenRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(dokumen_from_row).collect())
    }

    /// One document, only if it belongs to `pegawai_id` (scope is part of the query).
    pub async fn dokumen_milik(&self, id: Uuid, pegawai_id: Uuid) -> StoreResult<Dokumen> {
        let sql =
            format!("SELECT {DOKUMEN_COLUMNS} FROM dokumen WHERE id = $1 AND pegawai_id = $2");
        let row: Option<DokumenRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .bind(pegawai_id)
                .fetch_optional(pool)
                .await?
        });
        row.map(dokumen_from_row).ok_or(StoreError::NotFound)
    }

    /// One document by id (callers check the reader's scope against its owner).
    pub async fn dokumen(&self, id: Uuid) -> StoreResult<Dokumen> {
        let sql = format!("SELECT {DOKUMEN_COLUMNS} FROM dokumen WHERE id = $1");
        let row: Option<DokumenRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        row.map(dokumen_from_row).ok_or(StoreError::NotFound)
    }

    /// The bytes of a document, verified against its hash.
    pub async fn isi_dokumen(&self, dokumen: &Dokumen) -> StoreResult<Vec<u8>> {
        self.blobs().get(&dokumen.sha256).await
    }
}

pub(crate) fn dokumen_from_row(
    (
        id,
        pegawai_id,
        riwayat_id,
        jenis_dokumen_id,
        sha256,
        nama_file,
        media_type,
        ukuran,
        diunggah_pada,
        diunggah_oleh,
    ): DokumenRow,
) -> Dokumen {
    Dokumen {
        id,
        pegawai_id,
        riwayat_id,
        jenis_dokumen_id,
        sha256,
        nama_file,
        media_type,
        ukuran,
        diunggah_pada,
        diunggah_oleh,
    }
}
