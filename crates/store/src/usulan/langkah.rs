//! The steps a proposal use case runs inside its transaction. Each is small and does one thing;
//! the order, the rules and the audit events are the use case's.

use chrono::{DateTime, Utc};
use siasn_domain::referensi::Verifikator;
use siasn_domain::usulan::validasi::Temuan;
use siasn_domain::usulan::{Perubahan, Sebelum, StatusUsulan};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::on_tx;
use crate::tx::Tx;

/// A new proposal row.
#[derive(Debug, Clone)]
pub struct UsulanBaru {
    /// Id (v7: ordered by creation).
    pub id: Uuid,
    /// The form's one-time key (a double submit finds the first proposal).
    pub kunci_kirim: Option<String>,
    /// Employee concerned.
    pub pegawai_id: Uuid,
    /// Their agency (queue scope).
    pub instansi_id: String,
    /// Their agency's Kanreg (BKN queue scope).
    pub kanreg_id: String,
    /// Collective batch, if any.
    pub kolektif_id: Option<Uuid>,
    /// Proposer's account.
    pub pengusul_akun_id: Uuid,
    /// The change.
    pub perubahan: Perubahan,
    /// The record as the proposer saw it.
    pub sebelum: Sebelum,
    /// Proposer's note.
    pub catatan: Option<String>,
    /// Warnings for the verifier.
    pub peringatan: Vec<Temuan>,
    /// Who verifies last.
    pub rute: Verifikator,
    /// Draf or Diajukan.
    pub status: StatusUsulan,
}

/// A collective batch.
#[derive(Debug, Clone)]
pub struct KolektifBaru {
    /// Id.
    pub id: Uuid,
    /// The proposing agency.
    pub instansi_id: String,
    /// Title given by the operator.
    pub judul: String,
    /// Change kind code.
    pub jenis: String,
    /// Proposer's account.
    pub pengusul_akun_id: Uuid,
    /// Employees in it.
    pub jumlah: usize,
}

/// A move from one status to another, made against the version the actor saw.
#[derive(Debug, Clone, Copy)]
pub struct Pindah {
    /// The proposal.
    pub usulan_id: Uuid,
    /// The version the actor saw.
    pub versi: i64,
    /// Status the actor saw.
    pub dari: StatusUsulan,
    /// Status after.
    pub ke: StatusUsulan,
}

/// A proposal as it stood when a move succeeded.
#[derive(Debug, Clone)]
pub struct Dipindah {
    /// Employee concerned.
    pub pegawai_id: Uuid,
    /// The change.
    pub perubahan: Perubahan,
    /// What it was made against.
    pub sebelum: Sebelum,
    /// Round (after the move).
    pub putaran: i32,
    /// Change kind code.
    pub jenis: String,
}

/// Revised content of a proposal (a returned proposal or an edited draft).
#[derive(Debug, Clone)]
pub struct IsiRevisi {
    /// The change.
    pub perubahan: Perubahan,
    /// The record as seen now.
    pub sebelum: Sebelum,
    /// Warnings.
    pub peringatan: Vec<Temuan>,
    /// Note.
    pub catatan: Option<String>,
}

/// One step in a proposal's round history.
#[derive(Debug, Clone)]
pub struct JejakBaru<'a> {
    /// The proposal.
    pub usulan_id: Uuid,
    /// Round.
    pub putaran: i32,
    /// Acting account.
    pub akun_id: Uuid,
    /// Its display name as shown in the history.
    pub aktor: &'a str,
    /// What ("AJUKAN", "SETUJUI", ...).
    pub langkah: &'a str,
    /// Status before (None for a new proposal).
    pub status_dari: Option<StatusUsulan>,
    /// Status after.
    pub status_ke: StatusUsulan,
    /// Reason or note.
    pub alasan: Option<&'a str>,
    /// Documents the verifier flagged (JSON list of ids).
    pub dokumen_bermasalah: Option<String>,
    /// When.
    pub waktu: DateTime<Utc>,
}

fn json<T: serde::Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn baca_json<T: serde::de::DeserializeOwned>(s: &str) -> StoreResult<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Records a collective batch.
pub async fn simpan_kolektif(tx: &mut Tx, k: &KolektifBaru, now: DateTime<Utc>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO kolektif (id, instansi_id, judul, jenis, pengusul_akun_id, jumlah, dibuat_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(k.id)
        .bind(&k.instansi_id)
        .bind(&k.judul)
        .bind(&k.jenis)
        .bind(k.pengusul_akun_id)
        .bind(i32::try_from(k.jumlah).unwrap_or(i32::MAX))
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Inserts a proposal (round 1, version 1). A used one-time key is a `Conflict`.
pub async fn simpan(tx: &mut Tx, u: &UsulanBaru, now: DateTime<Utc>) -> StoreResult<()> {
    let (perubahan, sebelum, peringatan) =
        (json(&u.perubahan)?, json(&u.sebelum)?, json(&u.peringatan)?);
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO usulan (id, kunci_kirim, pegawai_id, instansi_id, kanreg_id, kolektif_id, \
             pengusul_akun_id, jenis, perubahan, sebelum, catatan, peringatan, rute, status, \
             putaran, versi, dibuat_pada, diajukan_pada, status_sejak) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, 1, $15, $16, $15)",
        )
        .bind(u.id)
        .bind(&u.kunci_kirim)
        .bind(u.pegawai_id)
        .bind(&u.instansi_id)
        .bind(&u.kanreg_id)
        .bind(u.kolektif_id)
        .bind(u.pengusul_akun_id)
        .bind(u.perubahan.kode())
        .bind(perubahan)
        .bind(sebelum)
        .bind(&u.catatan)
        .bind(peringatan)
        .bind(u.rute.kode())
        .bind(u.status.kode())
        .bind(now)
        .bind((u.status == StatusUsulan::Diajukan).then_some(now))
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "usulan ini sudah terkirim"))?;
    });
    Ok(())
}

/// Attaches archive documents of the employee to a proposal, freezing their hashes. A document
/// that is not the employee's is `NotFound` (a forged form): the caller's transaction then
/// keeps nothing.
pub async fn lampirkan(
    tx: &mut Tx,
    usulan_id: Uuid,
    pegawai_id: Uuid,
    dokumen: &[Uuid],
) -> StoreResult<()> {
    for dok in dokumen {
        on_tx!(tx, |c| {
            let n = sqlx::query(
                "INSERT INTO usulan_dokumen (usulan_id, dokumen_id, jenis_dokumen_id, sha256) \
                 SELECT $1, d.id, d.jenis_dokumen_id, d.sha256 FROM dokumen d \
                 WHERE d.id = $2 AND d.pegawai_id = $3 ON CONFLICT DO NOTHING",
            )
            .bind(usulan_id)
            .bind(*dok)
            .bind(pegawai_id)
            .execute(&mut *c)
            .await?
            .rows_affected();
            if n == 0 {
                let sudah: Option<(Uuid,)> = sqlx::query_as(
                    "SELECT dokumen_id FROM usulan_dokumen WHERE usulan_id = $1 AND dokumen_id = $2",
                )
                .bind(usulan_id)
                .bind(*dok)
                .fetch_optional(&mut *c)
                .await?;
                if sudah.is_none() {
                    return Err(StoreError::NotFound);
                }
            }
        });
    }
    Ok(())
}

/// Detaches documents from a proposal (those the verifier flagged, on revision).
pub async fn lepas_lampiran(tx: &mut Tx, usulan_id: Uuid, dokumen: &[Uuid]) -> StoreResult<()> {
    for dok in dokumen {
        on_tx!(tx, |c| {
            sqlx::query("DELETE FROM usulan_dokumen WHERE usulan_id = $1 AND dokumen_id = $2")
                .bind(usulan_id)
                .bind(*dok)
                .execute(&mut *c)
                .await?;
        });
    }
    Ok(())
}

/// Records a step of the round history.
pub async fn catat_jejak(tx: &mut Tx, j: &JejakBaru<'_>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO usulan_jejak (id, usulan_id, putaran, waktu, akun_id, aktor, langkah, \
             status_dari, status_ke, alasan, dokumen_bermasalah) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(Uuid::now_v7())
        .bind(j.usulan_id)
        .bind(j.putaran)
        .bind(j.waktu)
        .bind(j.akun_id)
        .bind(j.aktor)
        .bind(j.langkah)
        .bind(j.status_dari.map(StatusUsulan::kode))
        .bind(j.status_ke.kode())
        .bind(j.alasan)
        .bind(&j.dokumen_bermasalah)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// An in-app notification of a status change to the employee's account (if they have one).
pub async fn beri_tahu(
    tx: &mut Tx,
    usulan_id: Uuid,
    pegawai_id: Uuid,
    status: StatusUsulan,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO notifikasi (id, akun_id, usulan_id, status, dibuat_pada) \
             SELECT $1, a.id, $2, $3, $4 FROM akun a WHERE a.pegawai_id = $5",
        )
        .bind(Uuid::now_v7())
        .bind(usulan_id)
        .bind(status.kode())
        .bind(now)
        .bind(pegawai_id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// A verifier's move: succeeds only if the proposal is still at the version and status the
/// verifier saw (of two verifiers acting at once exactly one matches). None: someone else
/// acted first and nothing changed.
pub async fn putuskan(tx: &mut Tx, p: Pindah, now: DateTime<Utc>) -> StoreResult<Option<Dipindah>> {
    let row: Option<(Uuid, String, String, i32, String)> = on_tx!(tx, |c| {
        sqlx::query_as(
            "UPDATE usulan SET versi = versi + 1, status = $4, status_sejak = $5, \
             selesai_pada = CASE WHEN $6 THEN $5 ELSE selesai_pada END \
             WHERE id = $1 AND versi = $2 AND status = $3 \
             RETURNING pegawai_id, perubahan, sebelum, putaran, jenis",
        )
        .bind(p.usulan_id)
        .bind(p.versi)
        .bind(p.dari.kode())
        .bind(p.ke.kode())
        .bind(now)
        .bind(p.ke.final_())
        .fetch_optional(&mut *c)
        .await?
    });
    let Some((pegawai_id, perubahan, sebelum, putaran, jenis)) = row else {
        return Ok(None);
    };
    Ok(Some(Dipindah {
        pegawai_id,
        perubahan: baca_json(&perubahan)?,
        sebelum: baca_json(&sebelum)?,
        putaran,
        jenis,
    }))
}

/// A proposer's move (submit, resubmit, edit, withdraw), against the version they saw; a
/// resubmission after a return opens the next round. None: the proposal moved on meanwhile.
pub async fn langkah_pengusul(
    tx: &mut Tx,
    p: Pindah,
    now: DateTime<Utc>,
) -> StoreResult<Option<(Uuid, i32, String)>> {
    let naik_putaran = p.dari == StatusUsulan::Dikembalikan && p.ke == StatusUsulan::Diajukan;
    let row = on_tx!(tx, |c| {
        sqlx::query_as(
            "UPDATE usulan SET versi = versi + 1, status = $4, status_sejak = $5, \
             putaran = putaran + $6, diajukan_pada = COALESCE(diajukan_pada, CASE WHEN $7 THEN $5 END), \
             selesai_pada = CASE WHEN $8 THEN $5 ELSE selesai_pada END \
             WHERE id = $1 AND versi = $2 AND status = $3 RETURNING pegawai_id, putaran, jenis",
        )
        .bind(p.usulan_id)
        .bind(p.versi)
        .bind(p.dari.kode())
        .bind(p.ke.kode())
        .bind(now)
        .bind(i32::from(naik_putaran))
        .bind(p.ke == StatusUsulan::Diajukan)
        .bind(p.ke.final_())
        .fetch_optional(&mut *c)
        .await?
    });
    Ok(row)
}

/// Replaces a proposal's content (after [`langkah_pengusul`] has claimed it).
pub async fn revisi(tx: &mut Tx, usulan_id: Uuid, r: &IsiRevisi) -> StoreResult<()> {
    let (perubahan, sebelum, peringatan) =
        (json(&r.perubahan)?, json(&r.sebelum)?, json(&r.peringatan)?);
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE usulan SET perubahan = $2, sebelum = $3, peringatan = $4, catatan = $5, jenis = $6 \
             WHERE id = $1",
        )
        .bind(usulan_id)
        .bind(perubahan)
        .bind(sebelum)
        .bind(peringatan)
        .bind(&r.catatan)
        .bind(r.perubahan.kode())
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}
