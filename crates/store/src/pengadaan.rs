//! Pengadaan: participants of an agency's selection results, and the claim of a NIP or NI PPPK
//! for one of them. The claim is a row in `nomor_induk_terbit` inserted with `ON CONFLICT DO
//! NOTHING`: on PostgreSQL a second transaction inserting the same number waits for the first
//! and then inserts nothing, so it moves on to the next sequence — the same number is never
//! handed out twice, however many app servers assign at once.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::pengadaan::{Peserta, nip_calon, urut_dari};
use sqlx::types::Json;
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

/// A participant as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PesertaTersimpan {
    /// Id.
    pub id: Uuid,
    /// The importing agency.
    pub instansi_id: String,
    /// Selection year.
    pub tahun: i32,
    /// The participant.
    pub peserta: Peserta,
    /// The TMT their appointment will have.
    pub tmt: NaiveDate,
    /// The NIP or NI PPPK, once assigned.
    pub nomor_induk: Option<String>,
    /// The employee record made at the assignment.
    pub pegawai_id: Option<Uuid>,
    /// That record's kedudukan hukum now (51 until the SK CPNS).
    pub kedudukan_hukum_id: Option<String>,
}

/// A participant to store.
#[derive(Debug, Clone)]
pub struct PesertaBaru<'a> {
    /// Id.
    pub id: Uuid,
    /// The importing agency.
    pub instansi_id: &'a str,
    /// Selection year.
    pub tahun: i32,
    /// The participant.
    pub peserta: &'a Peserta,
    /// TMT.
    pub tmt: NaiveDate,
    /// The import it came with.
    pub impor_id: Uuid,
}

/// Stores participants; a registration number already stored for the year is a `Conflict`
/// (the caller rolls the whole import back).
pub async fn simpan_peserta(
    tx: &mut Tx,
    rows: &[PesertaBaru<'_>],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    for r in rows {
        on_tx!(tx, |c| {
            sqlx::query(
                "INSERT INTO peserta_pengadaan (id, instansi_id, tahun, no_peserta, nama, data, \
                 tmt, impor_id, dibuat_pada) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(r.id)
            .bind(r.instansi_id)
            .bind(r.tahun)
            .bind(&r.peserta.no_peserta)
            .bind(&r.peserta.nama)
            .bind(Json(r.peserta))
            .bind(r.tmt)
            .bind(r.impor_id)
            .bind(now)
            .execute(&mut *c)
            .await
            .map_err(|e| StoreError::from_write(e, "pengadaan.no_peserta_ganda"))?;
        });
    }
    Ok(())
}

/// The highest number already held or claimed with these first 15 digits.
async fn tertinggi(tx: &mut Tx, awalan: &str) -> StoreResult<Option<u16>> {
    let (dari, sampai) = (format!("{awalan}000"), format!("{awalan}999"));
    let row: (Option<String>, Option<String>) = on_tx!(tx, |c| {
        sqlx::query_as(
            "SELECT (SELECT MAX(nomor) FROM nomor_induk_terbit WHERE nomor BETWEEN $1 AND $2), \
             (SELECT MAX(nip) FROM pegawai WHERE nip BETWEEN $1 AND $2)",
        )
        .bind(&dari)
        .bind(&sampai)
        .fetch_one(&mut *c)
        .await?
    });
    Ok([row.0, row.1]
        .into_iter()
        .flatten()
        .filter_map(|n| urut_dari(&n))
        .max())
}

/// Claims the first free number with these first 15 digits for a participant and records it
/// on them; `None` when all 999 are taken.
pub async fn klaim_nomor(
    tx: &mut Tx,
    awalan: &str,
    peserta_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Option<String>> {
    let mulai = tertinggi(tx, awalan).await?;
    for nomor in nip_calon(awalan, mulai) {
        let diklaim: Option<(String,)> = on_tx!(tx, |c| {
            sqlx::query_as(
                "INSERT INTO nomor_induk_terbit (nomor, peserta_id, terbit_pada) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING nomor",
            )
            .bind(&nomor)
            .bind(peserta_id)
            .bind(now)
            .fetch_optional(&mut *c)
            .await?
        });
        if diklaim.is_some() {
            on_tx!(tx, |c| {
                sqlx::query("UPDATE peserta_pengadaan SET nomor_induk = $1 WHERE id = $2")
                    .bind(&nomor)
                    .bind(peserta_id)
                    .execute(&mut *c)
                    .await?;
            });
            return Ok(Some(nomor));
        }
    }
    Ok(None)
}

/// Links participants to the employee records made for them (after the records exist).
pub async fn tautkan_pegawai(tx: &mut Tx, pasangan: &[(Uuid, Uuid)]) -> StoreResult<()> {
    for (peserta_id, pegawai_id) in pasangan {
        on_tx!(tx, |c| {
            sqlx::query("UPDATE peserta_pengadaan SET pegawai_id = $1 WHERE id = $2")
                .bind(pegawai_id)
                .bind(peserta_id)
                .execute(&mut *c)
                .await?;
        });
    }
    Ok(())
}

type BarisPeserta = (
    Uuid,
    String,
    i32,
    Json<Peserta>,
    NaiveDate,
    Option<String>,
    Option<Uuid>,
    Option<String>,
);

fn peserta(r: BarisPeserta) -> PesertaTersimpan {
    PesertaTersimpan {
        id: r.0,
        instansi_id: r.1,
        tahun: r.2,
        peserta: r.3.0,
        tmt: r.4,
        nomor_induk: r.5,
        pegawai_id: r.6,
        kedudukan_hukum_id: r.7,
    }
}

/// An agency's participants of a year without a number yet, inside the transaction (locked
/// on PostgreSQL so two assigners of the same agency do not both take them).
pub async fn peserta_tanpa_nomor(
    tx: &mut Tx,
    instansi_id: &str,
    tahun: i32,
) -> StoreResult<Vec<PesertaTersimpan>> {
    let rows: Vec<BarisPeserta> = match tx {
        Tx::Sqlite(c) => {
            sqlx::query_as(
                "SELECT s.id, s.instansi_id, s.tahun, s.data, s.tmt, s.nomor_induk, s.pegawai_id, \
                 p.kedudukan_hukum_id FROM peserta_pengadaan s \
                 LEFT JOIN pegawai p ON p.id = s.pegawai_id \
                 WHERE s.instansi_id = $1 AND s.tahun = $2 AND s.nomor_induk IS NULL ORDER BY s.nama, s.id",
            )
            .bind(instansi_id)
            .bind(tahun)
            .fetch_all(&mut **c)
            .await?
        }
        Tx::Postgres(c) => {
            sqlx::query_as(
                "SELECT s.id, s.instansi_id, s.tahun, s.data, s.tmt, s.nomor_induk, s.pegawai_id, \
                 p.kedudukan_hukum_id FROM peserta_pengadaan s \
                 LEFT JOIN pegawai p ON p.id = s.pegawai_id \
                 WHERE s.instansi_id = $1 AND s.tahun = $2 AND s.nomor_induk IS NULL ORDER BY s.nama, s.id \
                 FOR UPDATE OF s",
            )
            .bind(instansi_id)
            .bind(tahun)
            .fetch_all(&mut **c)
            .await?
        }
    };
    Ok(rows.into_iter().map(peserta).collect())
}

impl Store {
    /// Registration numbers already imported for a year (any agency: they are national).
    pub async fn no_peserta_tahun(&self, tahun: i32) -> StoreResult<HashSet<String>> {
        let rows: Vec<(String,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT no_peserta FROM peserta_pengadaan WHERE tahun = $1")
                .bind(tahun)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The participant an employee record was made for, if any.
    pub async fn peserta_pegawai(&self, pegawai_id: Uuid) -> StoreResult<Option<PesertaTersimpan>> {
        let row: Option<BarisPeserta> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT s.id, s.instansi_id, s.tahun, s.data, s.tmt, s.nomor_induk, s.pegawai_id, \
                 p.kedudukan_hukum_id FROM peserta_pengadaan s \
                 LEFT JOIN pegawai p ON p.id = s.pegawai_id WHERE s.pegawai_id = $1",
            )
            .bind(pegawai_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(peserta))
    }

    /// An agency's participants of a year, by name.
    pub async fn daftar_peserta(
        &self,
        instansi_id: &str,
        tahun: i32,
    ) -> StoreResult<Vec<PesertaTersimpan>> {
        let rows: Vec<BarisPeserta> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT s.id, s.instansi_id, s.tahun, s.data, s.tmt, s.nomor_induk, s.pegawai_id, \
                 p.kedudukan_hukum_id FROM peserta_pengadaan s \
                 LEFT JOIN pegawai p ON p.id = s.pegawai_id \
                 WHERE s.instansi_id = $1 AND s.tahun = $2 ORDER BY s.nama, s.id",
            )
            .bind(instansi_id)
            .bind(tahun)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(peserta).collect())
    }
}
