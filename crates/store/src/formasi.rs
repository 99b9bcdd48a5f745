//! The formasi register: each post's planned holders, with occupancy counted from the record.

use chrono::{DateTime, Utc};
use siasn_domain::formasi::{Formasi, MENDUDUKI_JABATAN};
use uuid::Uuid;

use crate::error::StoreResult;
use crate::{Store, Tx, on_pool, on_tx};

/// One post of an agency as the register page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisFormasi {
    /// Unit.
    pub unor_id: Uuid,
    /// Its name.
    pub unor_nama: String,
    /// Position id.
    pub jabatan_id: String,
    /// Its name (the reference's, else as recorded on a holder).
    pub jabatan_nama: String,
    /// Holders planned, when the post is in the register.
    pub kebutuhan: Option<u32>,
    /// Holders occupying it now.
    pub terisi: u32,
}

fn u32_dari(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl Store {
    /// The register's entry for a post with its occupancy now, or None when it is not in the
    /// register. Counted on the primary: a return is decided on it.
    pub async fn formasi(&self, unor_id: Uuid, jabatan_id: &str) -> StoreResult<Option<Formasi>> {
        let row: Option<(i64, i64)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT CAST(f.kebutuhan AS BIGINT), (SELECT COUNT(*) FROM pegawai p \
                 WHERE p.unor_id = f.unor_id AND p.jabatan_id = f.jabatan_id \
                 AND p.kedudukan_hukum_id IN ($3, $4)) \
                 FROM formasi_jabatan f WHERE f.unor_id = $1 AND f.jabatan_id = $2",
            )
            .bind(unor_id)
            .bind(jabatan_id)
            .bind(MENDUDUKI_JABATAN[0])
            .bind(MENDUDUKI_JABATAN[1])
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(kebutuhan, terisi)| Formasi {
            kebutuhan: u32_dari(kebutuhan),
            terisi: u32_dari(terisi),
        }))
    }

    /// Every post of an agency that is in the register or has a holder, by unit and position
    /// name.
    pub async fn daftar_formasi(&self, instansi_id: &str) -> StoreResult<Vec<BarisFormasi>> {
        type Baris = (Uuid, String, String, String, Option<i64>, i64);
        let rows: Vec<Baris> = on_pool!(self.db_baca(), |pool| {
            sqlx::query_as(
                "SELECT k.unor_id, u.nama, k.jabatan_id, \
                 COALESCE(rj.nama, (SELECT MIN(p.nama_jabatan) FROM pegawai p \
                   WHERE p.unor_id = k.unor_id AND p.jabatan_id = k.jabatan_id), k.jabatan_id), \
                 CAST(f.kebutuhan AS BIGINT), \
                 (SELECT COUNT(*) FROM pegawai p WHERE p.unor_id = k.unor_id \
                   AND p.jabatan_id = k.jabatan_id AND p.kedudukan_hukum_id IN ($2, $3)) \
                 FROM (SELECT unor_id, jabatan_id FROM formasi_jabatan WHERE instansi_id = $1 \
                       UNION SELECT p.unor_id, p.jabatan_id FROM pegawai p \
                       JOIN unor u2 ON u2.id = p.unor_id \
                       WHERE u2.instansi_id = $1 AND p.jabatan_id IS NOT NULL \
                       AND p.kedudukan_hukum_id IN ($2, $3)) k \
                 JOIN unor u ON u.id = k.unor_id \
                 LEFT JOIN ref_jabatan rj ON rj.id = k.jabatan_id \
                 LEFT JOIN formasi_jabatan f ON f.unor_id = k.unor_id AND f.jabatan_id = k.jabatan_id \
                 ORDER BY u.nama, 4",
            )
            .bind(instansi_id)
            .bind(MENDUDUKI_JABATAN[0])
            .bind(MENDUDUKI_JABATAN[1])
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(unor_id, unor_nama, jabatan_id, jabatan_nama, kebutuhan, terisi)| BarisFormasi {
                    unor_id,
                    unor_nama,
                    jabatan_id,
                    jabatan_nama,
                    kebutuhan: kebutuhan.map(u32_dari),
                    terisi: u32_dari(terisi),
                },
            )
            .collect())
    }
}

/// Sets a post's planned holders; returns the value it replaces (None when the post was not
/// in the register).
pub async fn atur_formasi(
    tx: &mut Tx,
    instansi_id: &str,
    unor_id: Uuid,
    jabatan_id: &str,
    kebutuhan: u32,
    now: DateTime<Utc>,
) -> StoreResult<Option<u32>> {
    let lama: Option<(i64,)> = on_tx!(tx, |c| {
        sqlx::query_as(
            "SELECT CAST(kebutuhan AS BIGINT) FROM formasi_jabatan \
             WHERE unor_id = $1 AND jabatan_id = $2",
        )
        .bind(unor_id)
        .bind(jabatan_id)
        .fetch_optional(&mut *c)
        .await?
    });
    let kebutuhan = i32::try_from(kebutuhan).unwrap_or(i32::MAX);
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO formasi_jabatan (unor_id, jabatan_id, instansi_id, kebutuhan, diubah_pada) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (unor_id, jabatan_id) DO UPDATE \
             SET kebutuhan = excluded.kebutuhan, diubah_pada = excluded.diubah_pada",
        )
        .bind(unor_id)
        .bind(jabatan_id)
        .bind(instansi_id)
        .bind(kebutuhan)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(lama.map(|(n,)| u32_dari(n)))
}
