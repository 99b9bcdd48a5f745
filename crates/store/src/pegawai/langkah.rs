//! The steps that change an employee's record inside a use case's transaction. The audit event
//! that explains a change is the use case's to write, in the same transaction.

use chrono::{DateTime, Utc};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, Riwayat};
use sqlx::types::Json;
use uuid::Uuid;

use super::{PEGAWAI_COLUMNS, PegawaiRow, nama_cari};
use crate::error::{StoreError, StoreResult};
use crate::on_tx;
use crate::tx::Tx;

/// Locks the employee's row until commit and reads it as it is now: concurrent changes to
/// one employee then run one after another (a no-op UPDATE takes the row lock on both engines,
/// and on distributed PostgreSQL, without advisory locks).
pub async fn kunci(tx: &mut Tx, pegawai_id: Uuid) -> StoreResult<Pegawai> {
    let sql = format!("SELECT {PEGAWAI_COLUMNS} FROM pegawai WHERE id = $1");
    let row: Option<PegawaiRow> = on_tx!(tx, |c| {
        sqlx::query("UPDATE pegawai SET versi = versi WHERE id = $1")
            .bind(pegawai_id)
            .execute(&mut *c)
            .await?;
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(pegawai_id)
            .fetch_optional(&mut *c)
            .await?
    });
    row.ok_or(StoreError::NotFound)?.try_into()
}

/// The employee's history rows of one kind, as they are inside the transaction.
pub async fn riwayat_jenis(
    tx: &mut Tx,
    pegawai_id: Uuid,
    jenis: JenisRiwayat,
) -> StoreResult<Vec<Riwayat>> {
    let rows: Vec<(Uuid, Json<DataRiwayat>)> = on_tx!(tx, |c| {
        sqlx::query_as("SELECT id, data FROM riwayat WHERE pegawai_id = $1 AND jenis = $2")
            .bind(pegawai_id)
            .bind(jenis.kode())
            .fetch_all(&mut *c)
            .await?
    });
    Ok(rows
        .into_iter()
        .map(|(id, Json(data))| Riwayat {
            id,
            pegawai_id,
            data,
        })
        .collect())
}

/// Writes the record's own columns (personal data and the snapshot of the current position,
/// rank and education) and bumps its version.
pub async fn simpan_data(tx: &mut Tx, p: &Pegawai, now: DateTime<Utc>) -> StoreResult<()> {
    let r = PegawaiRow::from(p);
    let cari = nama_cari(&r.nama);
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE pegawai SET nama = $2, gelar_depan = $3, gelar_belakang = $4, tempat_lahir = $5, \
             agama_id = $6, jenis_kawin_id = $7, alamat = $8, nik = $9, nomor_kk = $10, npwp = $11, \
             bpjs = $12, taspen = $13, nomor_hp = $14, email_gov = $15, unor_id = $16, \
             jabatan_id = $17, nama_jabatan = $18, jenis_jabatan_id = $19, eselon_id = $20, \
             golongan = $21, tingkat_pendidikan_id = $22, tmt_cpns = $23, tmt_pns = $24, \
             tmt_golongan = $25, tmt_jabatan = $26, nama_cari = $27, versi = versi + 1, diubah_pada = $28 \
             WHERE id = $1",
        )
        .bind(r.id)
        .bind(&r.nama)
        .bind(&r.gelar_depan)
        .bind(&r.gelar_belakang)
        .bind(&r.tempat_lahir)
        .bind(&r.agama_id)
        .bind(&r.jenis_kawin_id)
        .bind(&r.alamat)
        .bind(&r.nik)
        .bind(&r.nomor_kk)
        .bind(&r.npwp)
        .bind(&r.bpjs)
        .bind(&r.taspen)
        .bind(&r.nomor_hp)
        .bind(&r.email_gov)
        .bind(r.unor_id)
        .bind(&r.jabatan_id)
        .bind(&r.nama_jabatan)
        .bind(&r.jenis_jabatan_id)
        .bind(&r.eselon_id)
        .bind(r.golongan)
        .bind(&r.tingkat_pendidikan_id)
        .bind(r.tmt_cpns)
        .bind(r.tmt_pns)
        .bind(r.tmt_golongan)
        .bind(r.tmt_jabatan)
        .bind(cari)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Moves the employee to another agency (instansi induk and kerja; the Kanreg follows the
/// agency) and bumps the record's version. From this commit the new agency's staff reach the
/// record and the old agency's no longer do: every scope is checked against these columns.
pub async fn pindahkan_instansi(
    tx: &mut Tx,
    pegawai_id: Uuid,
    instansi_id: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE pegawai SET instansi_induk_id = $2, instansi_kerja_id = $2, \
             versi = versi + 1, diubah_pada = $3 WHERE id = $1",
        )
        .bind(pegawai_id)
        .bind(instansi_id)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Adds a history row.
pub async fn tambah_riwayat(tx: &mut Tx, r: &Riwayat, now: DateTime<Utc>) -> StoreResult<()> {
    let sk = r.data.sk();
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO riwayat (id, pegawai_id, jenis, tanggal_efektif, nomor_sk, tanggal_sk, data, dibuat_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(r.id)
        .bind(r.pegawai_id)
        .bind(r.data.jenis().kode())
        .bind(r.data.tanggal_efektif())
        .bind(sk.map(|s| s.nomor.clone()))
        .bind(sk.map(|s| s.tanggal))
        .bind(Json(&r.data))
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Replaces a history row's content.
pub async fn ubah_riwayat(tx: &mut Tx, r: &Riwayat) -> StoreResult<()> {
    let sk = r.data.sk();
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE riwayat SET tanggal_efektif = $3, nomor_sk = $4, tanggal_sk = $5, data = $6 \
             WHERE id = $1 AND pegawai_id = $2",
        )
        .bind(r.id)
        .bind(r.pegawai_id)
        .bind(r.data.tanggal_efektif())
        .bind(sk.map(|s| s.nomor.clone()))
        .bind(sk.map(|s| s.tanggal))
        .bind(Json(&r.data))
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Removes a history row; its scans stay in the archive, only their link to the row goes.
pub async fn hapus_riwayat(tx: &mut Tx, pegawai_id: Uuid, riwayat_id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE dokumen SET riwayat_id = NULL WHERE riwayat_id = $1")
            .bind(riwayat_id)
            .execute(&mut *c)
            .await?;
        sqlx::query("DELETE FROM riwayat WHERE id = $1 AND pegawai_id = $2")
            .bind(riwayat_id)
            .bind(pegawai_id)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// Adds documents to the employee's archive (their blobs must already be stored).
pub async fn simpan_dokumen(tx: &mut Tx, dokumen: &[Dokumen]) -> StoreResult<()> {
    for d in dokumen {
        on_tx!(tx, |c| {
            sqlx::query(
                "INSERT INTO dokumen (id, pegawai_id, riwayat_id, jenis_dokumen_id, sha256, nama_file, \
                 media_type, ukuran, diunggah_pada, diunggah_oleh) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(d.id)
            .bind(d.pegawai_id)
            .bind(d.riwayat_id)
            .bind(&d.jenis_dokumen_id)
            .bind(&d.sha256)
            .bind(&d.nama_file)
            .bind(&d.media_type)
            .bind(d.ukuran)
            .bind(d.diunggah_pada)
            .bind(&d.diunggah_oleh)
            .execute(&mut *c)
            .await?;
        });
    }
    Ok(())
}

/// Links the documents attached to a proposal to the history row it became (those not yet
/// linked to another row).
pub async fn tautkan_dokumen_usulan(
    tx: &mut Tx,
    pegawai_id: Uuid,
    usulan_id: Uuid,
    riwayat_id: Uuid,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE dokumen SET riwayat_id = $1 WHERE riwayat_id IS NULL AND pegawai_id = $2 \
             AND id IN (SELECT dokumen_id FROM usulan_dokumen WHERE usulan_id = $3)",
        )
        .bind(riwayat_id)
        .bind(pegawai_id)
        .bind(usulan_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Replaces the employee's registered e-mail.
pub async fn ubah_email(
    tx: &mut Tx,
    pegawai_id: Uuid,
    email_baru: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE pegawai SET email = $2, versi = versi + 1, diubah_pada = $3 WHERE id = $1",
        )
        .bind(pegawai_id)
        .bind(email_baru)
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Records a new legal status (kedudukan hukum); returns the one it replaced.
pub async fn ubah_kedudukan_hukum(
    tx: &mut Tx,
    pegawai_id: Uuid,
    kode: &str,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    on_tx!(tx, |c| {
        let lama: Option<(String,)> =
            sqlx::query_as("SELECT kedudukan_hukum_id FROM pegawai WHERE id = $1")
                .bind(pegawai_id)
                .fetch_optional(&mut *c)
                .await?;
        let Some((lama,)) = lama else {
            return Err(StoreError::NotFound);
        };
        sqlx::query(
            "UPDATE pegawai SET kedudukan_hukum_id = $2, versi = versi + 1, diubah_pada = $3 \
             WHERE id = $1",
        )
        .bind(pegawai_id)
        .bind(kode)
        .bind(now)
        .execute(&mut *c)
        .await?;
        Ok(lama)
    })
}
