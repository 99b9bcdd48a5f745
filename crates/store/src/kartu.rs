//! Kartu ASN Virtual storage: card photos (candidate → active), the signing keys, issued cards,
//! and the short-lived verification captchas. Photo changes, key rotations and card issues are
//! steps of use cases (audited there, in the same transaction); the first key and captchas are
//! single statements that change no personnel data.

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::kartu::{FotoPegawai, Kartu};
use uuid::Uuid;

use crate::blob::BlobRef;
use crate::error::{StoreError, StoreResult};
use crate::tx::Tx;
use crate::{Store, on_pool, on_tx};

type FotoRow = (Uuid, Uuid, String, i64, String, DateTime<Utc>);

fn foto_from_row(r: FotoRow) -> FotoPegawai {
    FotoPegawai {
        id: r.0,
        pegawai_id: r.1,
        sha256: r.2,
        ukuran: r.3,
        status: r.4,
        diunggah_pada: r.5,
    }
}

type KartuRow = (
    Uuid,
    String,
    Uuid,
    String,
    String,
    String,
    String,
    NaiveDate,
    NaiveDate,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

fn kartu_from_row(r: KartuRow) -> Kartu {
    Kartu {
        id: r.0,
        serial: r.1,
        pegawai_id: r.2,
        kid: r.3,
        teks_qr: r.4,
        nama: r.5,
        instansi_id: r.6,
        diterbitkan: r.7,
        berlaku_sampai: r.8,
        foto_sha256: r.9,
        dibuat_pada: r.10,
        diganti_pada: r.11,
    }
}

const FOTO_COLUMNS: &str = "id, pegawai_id, sha256, ukuran, status, diunggah_pada";

/// A stored signing key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KunciTersimpan {
    /// Key id.
    pub kid: String,
    /// Ed25519 public key (32 bytes).
    pub kunci_publik: Vec<u8>,
    /// PKCS#8 private key.
    pub kunci_privat: Vec<u8>,
    /// Created.
    pub dibuat_pada: DateTime<Utc>,
    /// Retired (no longer signs).
    pub pensiun_pada: Option<DateTime<Utc>>,
}

/// A published key (no private part).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct KunciTerbit {
    /// Key id.
    pub kid: String,
    /// Ed25519 public key.
    pub kunci_publik: Vec<u8>,
    /// Created.
    pub dibuat_pada: DateTime<Utc>,
    /// Retired.
    pub pensiun_pada: Option<DateTime<Utc>>,
}

const KARTU_COLUMNS: &str = "id, serial, pegawai_id, kid, teks_qr, nama, instansi_id, diterbitkan, \
    berlaku_sampai, foto_sha256, dibuat_pada, diganti_pada";

/// A card to issue.
#[derive(Debug, Clone)]
pub struct KartuBaru {
    /// Id.
    pub id: Uuid,
    /// Printed serial.
    pub serial: String,
    /// Holder.
    pub pegawai_id: Uuid,
    /// Signing key.
    pub kid: String,
    /// The signed QR text.
    pub teks_qr: String,
    /// Name as signed.
    pub nama: String,
    /// Agency as signed.
    pub instansi_id: String,
    /// Issue date.
    pub diterbitkan: NaiveDate,
    /// Last valid day.
    pub berlaku_sampai: NaiveDate,
    /// The photo on the card.
    pub foto_sha256: String,
    /// Who issued it.
    pub akun_id: Uuid,
}

/// A stored captcha challenge.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Captcha {
    /// The expected answer.
    pub jawaban: String,
    /// Seed of its image.
    pub benih: i64,
    /// Until when it may be answered.
    pub kedaluwarsa: DateTime<Utc>,
}

/// Records an uploaded, re-encoded photo as a candidate.
pub async fn simpan_foto_calon(
    tx: &mut Tx,
    pegawai_id: Uuid,
    blob: &BlobRef,
    akun_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO foto_pegawai (id, pegawai_id, sha256, ukuran, status, diunggah_oleh, \
             diunggah_pada) VALUES ($1, $2, $3, $4, 'CALON', $5, $6)",
        )
        .bind(id)
        .bind(pegawai_id)
        .bind(&blob.sha256)
        .bind(blob.ukuran)
        .bind(akun_id)
        .bind(now)
        .execute(&mut *c)
        .await?;
    });
    Ok(id)
}

/// The photos a photo change replaced: (old content hash if there was an active photo, new).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GantiFoto {
    /// The photo that was in use.
    pub lama: Option<String>,
    /// The photo now in use.
    pub baru: String,
}

/// "Gunakan foto ini": the candidate becomes the card photo and the previous one is marked
/// replaced. A photo that is not a candidate of `pegawai_id` is `NotFound`.
pub async fn gunakan_foto(
    tx: &mut Tx,
    id: Uuid,
    pegawai_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<GantiFoto> {
    on_tx!(tx, |c| {
        let baru: Option<(String,)> = sqlx::query_as(
            "UPDATE foto_pegawai SET status = 'CALON' WHERE id = $1 AND pegawai_id = $2 \
             AND status = 'CALON' RETURNING sha256",
        )
        .bind(id)
        .bind(pegawai_id)
        .fetch_optional(&mut *c)
        .await?;
        let Some((baru,)) = baru else {
            return Err(StoreError::NotFound);
        };
        let lama: Option<(String,)> = sqlx::query_as(
            "UPDATE foto_pegawai SET status = 'DIGANTI' WHERE pegawai_id = $1 \
             AND status = 'AKTIF' RETURNING sha256",
        )
        .bind(pegawai_id)
        .fetch_optional(&mut *c)
        .await?;
        sqlx::query("UPDATE foto_pegawai SET status = 'AKTIF', dipakai_pada = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&mut *c)
            .await?;
        Ok(GantiFoto {
            lama: lama.map(|(s,)| s),
            baru,
        })
    })
}

/// Rotates the signing key: the active key retires (it stays published while cards it signed
/// are valid) and the new one signs from now on.
pub async fn putar_kunci(
    tx: &mut Tx,
    kid: &str,
    publik: &[u8],
    privat: &[u8],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE kunci_kartu SET aktif = NULL, pensiun_pada = $1 WHERE aktif IS NOT NULL",
        )
        .bind(now)
        .execute(&mut *c)
        .await?;
        sqlx::query(
            "INSERT INTO kunci_kartu (kid, kunci_publik, kunci_privat, aktif, dibuat_pada) \
             VALUES ($1, $2, $3, TRUE, $4)",
        )
        .bind(kid)
        .bind(publik)
        .bind(privat)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "kid sudah dipakai"))?;
    });
    Ok(())
}

/// Issues a card: the holder's current card (if any) is marked replaced and the new one is
/// stored; returns the replaced card's serial.
pub async fn terbitkan(
    tx: &mut Tx,
    k: &KartuBaru,
    now: DateTime<Utc>,
) -> StoreResult<Option<String>> {
    on_tx!(tx, |c| {
        let lama: Option<(String,)> = sqlx::query_as(
            "UPDATE kartu_asn SET diganti_pada = $2 WHERE pegawai_id = $1 \
             AND diganti_pada IS NULL RETURNING serial",
        )
        .bind(k.pegawai_id)
        .bind(now)
        .fetch_optional(&mut *c)
        .await?;
        sqlx::query(
            "INSERT INTO kartu_asn (id, serial, pegawai_id, kid, teks_qr, nama, instansi_id, \
             diterbitkan, berlaku_sampai, foto_sha256, diterbitkan_oleh, dibuat_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(k.id)
        .bind(&k.serial)
        .bind(k.pegawai_id)
        .bind(&k.kid)
        .bind(&k.teks_qr)
        .bind(&k.nama)
        .bind(&k.instansi_id)
        .bind(k.diterbitkan)
        .bind(k.berlaku_sampai)
        .bind(&k.foto_sha256)
        .bind(k.akun_id)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "kartu sedang diterbitkan"))?;
        Ok(lama.map(|(s,)| s))
    })
}

impl Store {
    /// One photo of `pegawai_id` (scope in the query).
    pub async fn foto_pegawai(&self, id: Uuid, pegawai_id: Uuid) -> StoreResult<FotoPegawai> {
        let sql =
            format!("SELECT {FOTO_COLUMNS} FROM foto_pegawai WHERE id = $1 AND pegawai_id = $2");
        let row: Option<FotoRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .bind(pegawai_id)
                .fetch_optional(pool)
                .await?
        });
        row.map(foto_from_row).ok_or(StoreError::NotFound)
    }

    /// The photo in use, if any.
    pub async fn foto_aktif(&self, pegawai_id: Uuid) -> StoreResult<Option<FotoPegawai>> {
        let sql = format!(
            "SELECT {FOTO_COLUMNS} FROM foto_pegawai WHERE pegawai_id = $1 AND status = 'AKTIF'"
        );
        let row: Option<FotoRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(foto_from_row))
    }

    /// The key that signs new cards.
    pub async fn kunci_kartu_aktif(&self) -> StoreResult<Option<KunciTersimpan>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT kid, kunci_publik, kunci_privat, dibuat_pada, pensiun_pada \
                 FROM kunci_kartu WHERE aktif IS NOT NULL",
            )
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Stores a first signing key unless another server stored one first (then that one is
    /// returned): at most one key is active, enforced by a unique column.
    pub async fn simpan_kunci_pertama(
        &self,
        kid: &str,
        publik: &[u8],
        privat: &[u8],
        now: DateTime<Utc>,
    ) -> StoreResult<KunciTersimpan> {
        let hasil = on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO kunci_kartu (kid, kunci_publik, kunci_privat, aktif, dibuat_pada) \
                 VALUES ($1, $2, $3, TRUE, $4)",
            )
            .bind(kid)
            .bind(publik)
            .bind(privat)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        });
        match hasil {
            Ok(_) => {}
            Err(e) => match StoreError::from_write(e, "kunci kartu") {
                StoreError::Conflict(_) => {}
                lain => return Err(lain),
            },
        }
        self.kunci_kartu_aktif().await?.ok_or(StoreError::NotFound)
    }

    /// Keys to publish: the active one, and every retired one that signed a card still valid
    /// on `hari_ini`.
    pub async fn kunci_kartu_terbit(&self, hari_ini: NaiveDate) -> StoreResult<Vec<KunciTerbit>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT kid, kunci_publik, dibuat_pada, pensiun_pada FROM kunci_kartu k \
                 WHERE aktif IS NOT NULL OR EXISTS (SELECT 1 FROM kartu_asn c \
                 WHERE c.kid = k.kid AND c.berlaku_sampai >= $1) ORDER BY dibuat_pada",
            )
            .bind(hari_ini)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The holder's current card.
    pub async fn kartu_aktif(&self, pegawai_id: Uuid) -> StoreResult<Option<Kartu>> {
        let sql = format!(
            "SELECT {KARTU_COLUMNS} FROM kartu_asn WHERE pegawai_id = $1 AND diganti_pada IS NULL"
        );
        let row: Option<KartuRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(pegawai_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(kartu_from_row))
    }

    /// A card by its printed serial.
    pub async fn kartu_serial(&self, serial: &str) -> StoreResult<Option<Kartu>> {
        let sql = format!("SELECT {KARTU_COLUMNS} FROM kartu_asn WHERE serial = $1");
        let row: Option<KartuRow> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(serial)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(kartu_from_row))
    }

    /// Stores a captcha challenge.
    pub async fn simpan_captcha(
        &self,
        id: &str,
        jawaban: &str,
        benih: i64,
        kedaluwarsa: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO captcha (id, jawaban, benih, kedaluwarsa) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(jawaban)
            .bind(benih)
            .bind(kedaluwarsa)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// A challenge that has not expired (to draw its image).
    pub async fn captcha(&self, id: &str, now: DateTime<Utc>) -> StoreResult<Option<Captcha>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT jawaban, benih, kedaluwarsa FROM captcha WHERE id = $1 AND kedaluwarsa > $2",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Takes a challenge for answering: it is deleted whatever the answer (one attempt each),
    /// and its answer is returned if it had not expired.
    pub async fn pakai_captcha(&self, id: &str, now: DateTime<Utc>) -> StoreResult<Option<String>> {
        let row: Option<(String, DateTime<Utc>)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("DELETE FROM captcha WHERE id = $1 RETURNING jawaban, kedaluwarsa")
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.and_then(|(j, k)| (k > now).then_some(j)))
    }

    /// Deletes expired challenges.
    pub async fn hapus_captcha_kedaluwarsa(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query("DELETE FROM captcha WHERE kedaluwarsa <= $1")
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }
}
