//! Agencies and their unit trees.

use siasn_domain::instansi::{Instansi, JenisInstansi, Unor};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

type InstansiRow = (String, String, String, String, Option<String>);
type UnorRow = (
    Uuid,
    String,
    Option<Uuid>,
    String,
    Option<String>,
    Option<String>,
);

impl Store {
    /// Adds an agency.
    pub async fn tambah_instansi(&self, i: &Instansi) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO instansi (id, nama, jenis, kanreg_id, kode_cepat) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&i.id)
            .bind(&i.nama)
            .bind(i.jenis.kode())
            .bind(&i.kanreg_id)
            .bind(&i.kode_cepat)
            .execute(pool)
            .await
            .map_err(|e| StoreError::from_write(e, "instansi sudah ada"))?;
        });
        Ok(())
    }

    /// Adds units (parents before children) in one transaction.
    pub async fn tambah_unor(&self, units: &[Unor]) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            for u in units {
                sqlx::query(
                    "INSERT INTO unor (id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(u.id)
                .bind(&u.instansi_id)
                .bind(u.induk_id)
                .bind(&u.nama)
                .bind(&u.eselon_id)
                .bind(&u.nama_jabatan_kepala)
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_write(e, "unor sudah ada"))?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every agency, by name.
    pub async fn daftar_instansi(&self) -> StoreResult<Vec<Instansi>> {
        let rows: Vec<InstansiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, nama, jenis, kanreg_id, kode_cepat FROM instansi ORDER BY nama",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter().map(instansi_from_row).collect()
    }

    /// One agency.
    pub async fn instansi(&self, id: &str) -> StoreResult<Instansi> {
        let row: Option<InstansiRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, nama, jenis, kanreg_id, kode_cepat FROM instansi WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        row.map(instansi_from_row)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    /// One unit.
    pub async fn unor(&self, id: Uuid) -> StoreResult<Unor> {
        let row: Option<UnorRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala FROM unor WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        row.map(unor_from_row).ok_or(StoreError::NotFound)
    }

    /// All units of an agency (parents and children mixed; build the tree with `induk_id`).
    pub async fn unor_instansi(&self, instansi_id: &str) -> StoreResult<Vec<Unor>> {
        let rows: Vec<UnorRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala FROM unor \
                 WHERE instansi_id = $1 ORDER BY nama",
            )
            .bind(instansi_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(unor_from_row).collect())
    }

    /// The direct children of a unit (or the top units when `induk` is None).
    pub async fn sub_unor(&self, instansi_id: &str, induk: Option<Uuid>) -> StoreResult<Vec<Unor>> {
        let rows: Vec<UnorRow> = on_pool!(self.db(), |pool| {
            match induk {
                Some(induk) => {
                    sqlx::query_as(
                        "SELECT id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala FROM unor \
                         WHERE instansi_id = $1 AND induk_id = $2 ORDER BY nama",
                    )
                    .bind(instansi_id)
                    .bind(induk)
                    .fetch_all(pool)
                    .await?
                }
                None => {
                    sqlx::query_as(
                        "SELECT id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala FROM unor \
                         WHERE instansi_id = $1 AND induk_id IS NULL ORDER BY nama",
                    )
                    .bind(instansi_id)
                    .fetch_all(pool)
                    .await?
                }
            }
        });
        Ok(rows.into_iter().map(unor_from_row).collect())
    }
}

fn instansi_from_row(
    (id, nama, jenis, kanreg_id, kode_cepat): InstansiRow,
) -> StoreResult<Instansi> {
    Ok(Instansi {
        jenis: JenisInstansi::from_kode(&jenis)
            .ok_or_else(|| StoreError::Corrupt(format!("jenis instansi '{jenis}'")))?,
        id,
        nama,
        kanreg_id,
        kode_cepat,
    })
}

fn unor_from_row(
    (id, instansi_id, induk_id, nama, eselon_id, nama_jabatan_kepala): UnorRow,
) -> Unor {
    Unor {
        id,
        instansi_id,
        induk_id,
        nama,
        eselon_id,
        nama_jabatan_kepala,
    }
}
