//! The steps a service use case runs inside its transaction. Each does one thing; the order,
//! the rules and the audit events are the use case's.

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::layanan::{DataLayanan, KasusLayanan, Langkah, StatusLayanan};
use sqlx::types::Json;
use uuid::Uuid;

use super::{BarisLayanan, DARI, KOLOM};
use crate::error::{StoreError, StoreResult};
use crate::on_tx;
use crate::tx::Tx;

/// A new case row (round 1, version 1).
#[derive(Debug, Clone)]
pub struct KasusBaru<'a> {
    /// Id.
    pub id: Uuid,
    /// Service code.
    pub jenis: &'a str,
    /// Sub-kind.
    pub sub_jenis: &'a str,
    /// Period.
    pub periode: NaiveDate,
    /// Employee.
    pub pegawai_id: Uuid,
    /// Their agency.
    pub instansi_id: &'a str,
    /// For a transfer, the agency the employee leaves.
    pub instansi_asal_id: Option<&'a str>,
    /// Its Kanreg.
    pub kanreg_id: &'a str,
    /// Their unit.
    pub unor_id: Option<Uuid>,
    /// Who decides at BKN (code).
    pub tujuan: &'a str,
    /// Starting account.
    pub pengusul_akun_id: Uuid,
    /// First status.
    pub status: StatusLayanan,
    /// The service's data.
    pub data: &'a DataLayanan,
}

/// Inserts a case. A live case for the same employee, service and period is a `Conflict`.
pub async fn buat(tx: &mut Tx, k: &KasusBaru<'_>, now: DateTime<Utc>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO layanan (id, jenis, sub_jenis, periode, pegawai_id, instansi_id, kanreg_id, \
             unor_id, tujuan, pengusul_akun_id, status, data, dibuat_pada, status_sejak, \
             instansi_asal_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)",
        )
        .bind(k.id)
        .bind(k.jenis)
        .bind(k.sub_jenis)
        .bind(k.periode)
        .bind(k.pegawai_id)
        .bind(k.instansi_id)
        .bind(k.kanreg_id)
        .bind(k.unor_id)
        .bind(k.tujuan)
        .bind(k.pengusul_akun_id)
        .bind(k.status.kode_siasn())
        .bind(Json(k.data))
        .bind(now)
        .bind(k.instansi_asal_id)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "layanan.sudah_ada"))?;
    });
    Ok(())
}

/// Replaces a case's own data (a letter numbered at a step, the day a transfer was applied);
/// the step that changes it has already moved the case against the version the actor saw.
pub async fn ubah_data(tx: &mut Tx, id: Uuid, data: &DataLayanan) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE layanan SET data = $1 WHERE id = $2")
            .bind(Json(data))
            .bind(id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Records that a completed transfer was applied to the record on `hari` (its data says so
/// too), so the daily job does not take it again.
pub async fn tandai_diterapkan(
    tx: &mut Tx,
    id: Uuid,
    data: &DataLayanan,
    hari: NaiveDate,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE layanan SET data = $1, diterapkan_pada = $2 WHERE id = $3")
            .bind(Json(data))
            .bind(hari)
            .bind(id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Moves an employee's open service cases (all but `kecuali`) and open data-update proposals
/// to their new agency and Kanreg, so the new agency's staff carry them on; returns how many
/// of each were moved.
pub async fn pindahkan_terbuka(
    tx: &mut Tx,
    pegawai_id: Uuid,
    kecuali: Uuid,
    instansi_id: &str,
    kanreg_id: &str,
) -> StoreResult<(u64, u64)> {
    let layanan = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE layanan SET instansi_id = $1, kanreg_id = $2, versi = versi + 1 \
             WHERE pegawai_id = $3 AND id <> $4 AND status NOT IN (13, 31, 99, 102)",
        )
        .bind(instansi_id)
        .bind(kanreg_id)
        .bind(pegawai_id)
        .bind(kecuali)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    let usulan = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE usulan SET instansi_id = $1, kanreg_id = $2, versi = versi + 1 \
             WHERE pegawai_id = $3 AND status NOT IN ('SELESAI', 'DITOLAK', 'DIBATALKAN')",
        )
        .bind(instansi_id)
        .bind(kanreg_id)
        .bind(pegawai_id)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok((layanan, usulan))
}

/// The case as it is inside the transaction.
pub async fn baca(tx: &mut Tx, id: Uuid) -> StoreResult<KasusLayanan> {
    let sql = format!("SELECT {KOLOM} {DARI} WHERE l.id = $1");
    let row: Option<BarisLayanan> = on_tx!(tx, |c| {
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *c)
            .await?
    });
    row.ok_or(StoreError::NotFound)?.try_into()
}

/// A move made against the version and status the actor saw. Of two actors moving the same
/// case at once exactly one matches; None: someone else acted first and nothing changed.
#[derive(Debug, Clone, Copy)]
pub struct Pindah<'a> {
    /// The case.
    pub id: Uuid,
    /// Version seen.
    pub versi: i64,
    /// Status seen.
    pub dari: StatusLayanan,
    /// Status after.
    pub ke: StatusLayanan,
    /// Whether the move opens the next round (a resubmission after a return).
    pub putaran_baru: bool,
    /// Reason kept on the case (a return or a rejection); None clears it.
    pub alasan: Option<&'a str>,
}

/// Applies a move; returns the round after it.
pub async fn pindah(tx: &mut Tx, p: Pindah<'_>, now: DateTime<Utc>) -> StoreResult<Option<i32>> {
    let row: Option<(i32,)> = on_tx!(tx, |c| {
        sqlx::query_as(
            "UPDATE layanan SET versi = versi + 1, status = $4, status_sejak = $5, \
             putaran = putaran + $6, alasan = $7, \
             selesai_pada = CASE WHEN $8 THEN $5 ELSE selesai_pada END \
             WHERE id = $1 AND versi = $2 AND status = $3 RETURNING putaran",
        )
        .bind(p.id)
        .bind(p.versi)
        .bind(p.dari.kode_siasn())
        .bind(p.ke.kode_siasn())
        .bind(now)
        .bind(i32::from(p.putaran_baru))
        .bind(p.alasan)
        .bind(p.ke.final_())
        .fetch_optional(&mut *c)
        .await?
    });
    Ok(row.map(|r| r.0))
}

/// One step of a case's log.
#[derive(Debug, Clone)]
pub struct JejakBaru<'a> {
    /// The case.
    pub layanan_id: Uuid,
    /// Round.
    pub putaran: i32,
    /// Acting account.
    pub akun_id: Option<Uuid>,
    /// Its display name.
    pub aktor: &'a str,
    /// Network address.
    pub alamat: Option<&'a str>,
    /// The step.
    pub langkah: Langkah,
    /// Status before.
    pub status_dari: Option<StatusLayanan>,
    /// Status after.
    pub status_ke: StatusLayanan,
    /// Note or reason.
    pub catatan: Option<&'a str>,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// Records a step.
pub async fn catat_jejak(tx: &mut Tx, j: &JejakBaru<'_>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO layanan_jejak (id, layanan_id, putaran, waktu, akun_id, aktor, alamat, \
             langkah, status_dari, status_ke, catatan) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(Uuid::now_v7())
        .bind(j.layanan_id)
        .bind(j.putaran)
        .bind(j.waktu)
        .bind(j.akun_id)
        .bind(j.aktor)
        .bind(j.alamat)
        .bind(j.langkah.kode())
        .bind(j.status_dari.map(StatusLayanan::kode_siasn))
        .bind(j.status_ke.kode_siasn())
        .bind(j.catatan)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Attaches one of the employee's archive documents to a case, freezing its hash; returns its
/// type. A document that is not the employee's is `NotFound`.
pub async fn lampirkan(
    tx: &mut Tx,
    layanan_id: Uuid,
    pegawai_id: Uuid,
    dokumen_id: Uuid,
) -> StoreResult<String> {
    let row: Option<(String,)> = on_tx!(tx, |c| {
        let row = sqlx::query_as(
            "SELECT jenis_dokumen_id FROM dokumen WHERE id = $1 AND pegawai_id = $2",
        )
        .bind(dokumen_id)
        .bind(pegawai_id)
        .fetch_optional(&mut *c)
        .await?;
        sqlx::query(
            "INSERT INTO layanan_dokumen (layanan_id, dokumen_id, jenis_dokumen_id, sha256) \
             SELECT $1, d.id, d.jenis_dokumen_id, d.sha256 FROM dokumen d \
             WHERE d.id = $2 AND d.pegawai_id = $3 ON CONFLICT DO NOTHING",
        )
        .bind(layanan_id)
        .bind(dokumen_id)
        .bind(pegawai_id)
        .execute(&mut *c)
        .await?;
        row
    });
    row.map(|r| r.0).ok_or(StoreError::NotFound)
}

/// Detaches a document from a case.
pub async fn lepas(tx: &mut Tx, layanan_id: Uuid, dokumen_id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM layanan_dokumen WHERE layanan_id = $1 AND dokumen_id = $2")
            .bind(layanan_id)
            .bind(dokumen_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// The types of the documents attached to a case, inside the transaction.
pub async fn jenis_terlampir(tx: &mut Tx, layanan_id: Uuid) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> = on_tx!(tx, |c| {
        sqlx::query_as("SELECT jenis_dokumen_id FROM layanan_dokumen WHERE layanan_id = $1")
            .bind(layanan_id)
            .fetch_all(&mut *c)
            .await?
    });
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The next letter number of an issuer, kind and year (1, 2, …; never reused).
pub async fn nomor_berikutnya(
    tx: &mut Tx,
    penerbit: &str,
    jenis: &str,
    tahun: i32,
) -> StoreResult<i32> {
    let (n,): (i32,) = on_tx!(tx, |c| {
        sqlx::query_as(
            "INSERT INTO nomor_surat (penerbit, jenis, tahun, terakhir) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (penerbit, jenis, tahun) DO UPDATE SET terakhir = nomor_surat.terakhir + 1 \
             RETURNING terakhir",
        )
        .bind(penerbit)
        .bind(jenis)
        .bind(tahun)
        .fetch_one(&mut *c)
        .await?
    });
    Ok(n)
}

/// Which letter of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisSurat {
    /// The technical approval.
    Pertek,
    /// The decree.
    Sk,
}

/// Records a case's pertek or SK.
pub async fn simpan_surat(
    tx: &mut Tx,
    layanan_id: Uuid,
    jenis: JenisSurat,
    nomor: &str,
    tanggal: NaiveDate,
    dokumen_id: Option<Uuid>,
) -> StoreResult<()> {
    let sql = match jenis {
        JenisSurat::Pertek => {
            "UPDATE layanan SET nomor_pertek = $2, tanggal_pertek = $3, dokumen_pertek_id = $4 WHERE id = $1"
        }
        JenisSurat::Sk => {
            "UPDATE layanan SET nomor_sk = $2, tanggal_sk = $3, dokumen_sk_id = $4 WHERE id = $1"
        }
    };
    on_tx!(tx, |c| {
        sqlx::query(sql)
            .bind(layanan_id)
            .bind(nomor)
            .bind(tanggal)
            .bind(dokumen_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// An in-app notification of a case's new status to the employee's account (if any).
pub async fn beri_tahu(
    tx: &mut Tx,
    layanan_id: Uuid,
    pegawai_id: Uuid,
    status: StatusLayanan,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO notifikasi (id, akun_id, layanan_id, status, dibuat_pada) \
             SELECT $1, a.id, $2, $3, $4 FROM akun a WHERE a.pegawai_id = $5",
        )
        .bind(Uuid::now_v7())
        .bind(layanan_id)
        .bind(status.kode_siasn().to_string())
        .bind(now)
        .bind(pegawai_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Links an archive document to the history row it supports (the SK to its rank row).
pub async fn tautkan_dokumen(tx: &mut Tx, dokumen_id: Uuid, riwayat_id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE dokumen SET riwayat_id = $2 WHERE id = $1")
            .bind(dokumen_id)
            .bind(riwayat_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Puts generated content in the blob store and records it inside the transaction (a letter
/// made mid-transaction: a pool write here would wait on the transaction's own lock).
pub async fn simpan_blob(
    tx: &mut Tx,
    blobs: &crate::BlobStore,
    bytes: &[u8],
    media_type: &str,
    now: DateTime<Utc>,
) -> StoreResult<crate::BlobRef> {
    let blob = blobs.put(bytes, media_type).await?;
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO blob (sha256, ukuran, media_type, dibuat_pada) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (sha256) DO NOTHING",
        )
        .bind(&blob.sha256)
        .bind(blob.ukuran)
        .bind(&blob.media_type)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(blob)
}

/// Sets the proposal window of a KP period.
pub async fn atur_jadwal(
    tx: &mut Tx,
    periode: NaiveDate,
    buka: NaiveDate,
    tutup: NaiveDate,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO ref_jadwal_kp (periode, usul_buka, usul_tutup) VALUES ($1, $2, $3) \
             ON CONFLICT (periode) DO UPDATE SET usul_buka = excluded.usul_buka, \
             usul_tutup = excluded.usul_tutup",
        )
        .bind(periode)
        .bind(buka)
        .bind(tutup)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}
