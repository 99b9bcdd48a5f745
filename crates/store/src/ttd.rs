//! Electronic signatures: the instance CA, signers' certificates (an official's key only inside
//! its passphrase-encrypted PKCS#12), trusted roots, and the documents signed here.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::{StoreError, StoreResult};
use crate::{Store, Tx, on_pool, on_tx};

/// Who a certificate signs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisPenanda {
    /// An official, unlocked by the official's passphrase at each signing.
    Pejabat,
    /// The instance's seal (card PDFs), used without a person.
    Segel,
}

impl JenisPenanda {
    /// The stored code.
    pub fn kode(self) -> &'static str {
        match self {
            JenisPenanda::Pejabat => "PEJABAT",
            JenisPenanda::Segel => "SEGEL",
        }
    }
}

/// Where a certificate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumberSertifikat {
    /// Imported PKCS#12 (e.g. issued by BSrE).
    Pkcs12,
    /// Issued by this instance's CA.
    CaInstans,
}

impl SumberSertifikat {
    /// The stored code.
    pub fn kode(self) -> &'static str {
        match self {
            SumberSertifikat::Pkcs12 => "PKCS12",
            SumberSertifikat::CaInstans => "CA_INSTANS",
        }
    }
}

/// A signer's certificate as stored (without its key material).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PenandaTtd {
    /// Id.
    pub id: Uuid,
    /// The official's account; none for the seal.
    pub akun_id: Option<Uuid>,
    /// PEJABAT or SEGEL.
    pub jenis: String,
    /// PKCS12 or CA_INSTANS.
    pub sumber: String,
    /// Name in the certificate.
    pub nama: String,
    /// NIP/NIK in the certificate.
    pub nomor_identitas: Option<String>,
    /// Position.
    pub jabatan: Option<String>,
    /// Issuer's name.
    pub penerbit: String,
    /// Serial, hex.
    pub serial: String,
    /// SHA-256 of the certificate, hex.
    pub sidik_jari: String,
    /// The certificate (DER).
    pub sertifikat: Vec<u8>,
    /// Valid from.
    pub berlaku_mulai: DateTime<Utc>,
    /// Valid until.
    pub berlaku_sampai: DateTime<Utc>,
    /// Wrong passphrases in a row.
    pub gagal: i32,
    /// Locked until (after too many wrong passphrases).
    pub terkunci_sampai: Option<DateTime<Utc>>,
    /// Revoked at.
    pub dicabut_pada: Option<DateTime<Utc>>,
    /// Why revoked.
    pub alasan_cabut: Option<String>,
    /// Made at.
    pub dibuat_pada: DateTime<Utc>,
}

const KOLOM: &str = "id, akun_id, jenis, sumber, nama, nomor_identitas, jabatan, penerbit, \
     serial, sidik_jari, sertifikat, berlaku_mulai, berlaku_sampai, gagal, terkunci_sampai, \
     dicabut_pada, alasan_cabut, dibuat_pada";

/// A certificate to store.
#[derive(Debug, Clone)]
pub struct PenandaBaru {
    /// Id.
    pub id: Uuid,
    /// The official's account; none for the seal.
    pub akun_id: Option<Uuid>,
    /// Kind.
    pub jenis: JenisPenanda,
    /// Source.
    pub sumber: SumberSertifikat,
    /// Name in the certificate.
    pub nama: String,
    /// NIP/NIK.
    pub nomor_identitas: Option<String>,
    /// Position.
    pub jabatan: Option<String>,
    /// Issuer's name.
    pub penerbit: String,
    /// Serial, hex.
    pub serial: String,
    /// Fingerprint.
    pub sidik_jari: String,
    /// Certificate DER.
    pub sertifikat: Vec<u8>,
    /// Valid from.
    pub berlaku_mulai: DateTime<Utc>,
    /// Valid until.
    pub berlaku_sampai: DateTime<Utc>,
    /// The passphrase-encrypted container (officials).
    pub pkcs12: Option<Vec<u8>>,
    /// The seal's PKCS#8 key.
    pub kunci_privat: Option<Vec<u8>>,
    /// Who stored it.
    pub dibuat_oleh: String,
}

/// The seal's key as stored.
#[derive(Clone)]
pub enum KunciSegel {
    /// PKCS#8 (issued by the instance CA).
    Pkcs8(Vec<u8>),
    /// An imported PKCS#12, opened with the configured passphrase.
    Pkcs12(Vec<u8>),
}

impl std::fmt::Debug for KunciSegel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KunciSegel(..)")
    }
}

/// A signed document as issued.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DokumenTtd {
    /// The code in the QR.
    pub kode: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// KARTU, PERTEK, SK.
    pub jenis: String,
    /// Title.
    pub judul: String,
    /// Letter number.
    pub nomor: Option<String>,
    /// Subject employee.
    pub pegawai_id: Option<Uuid>,
    /// Service case.
    pub layanan_id: Option<Uuid>,
    /// Name of an on-demand document.
    pub rujukan: Option<String>,
    /// Signer.
    pub penanda_id: Uuid,
    /// Signed at.
    pub ditandatangani_pada: DateTime<Utc>,
}

/// A trusted root besides the instance CA.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AkarTtd {
    /// Fingerprint.
    pub sidik_jari: String,
    /// Name.
    pub nama: String,
    /// DER.
    pub sertifikat: Vec<u8>,
    /// Added at.
    pub ditambahkan_pada: DateTime<Utc>,
}

/// Stores a certificate. A second live certificate for the same account (or a second live
/// seal) is a conflict.
pub async fn simpan_penanda(tx: &mut Tx, p: &PenandaBaru, now: DateTime<Utc>) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO penanda_ttd (id, akun_id, jenis, sumber, nama, nomor_identitas, \
             jabatan, penerbit, serial, sidik_jari, sertifikat, berlaku_mulai, berlaku_sampai, \
             pkcs12, kunci_privat, dibuat_pada, dibuat_oleh) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(p.id)
        .bind(p.akun_id)
        .bind(p.jenis.kode())
        .bind(p.sumber.kode())
        .bind(&p.nama)
        .bind(&p.nomor_identitas)
        .bind(&p.jabatan)
        .bind(&p.penerbit)
        .bind(&p.serial)
        .bind(&p.sidik_jari)
        .bind(&p.sertifikat)
        .bind(p.berlaku_mulai)
        .bind(p.berlaku_sampai)
        .bind(&p.pkcs12)
        .bind(&p.kunci_privat)
        .bind(now)
        .bind(&p.dibuat_oleh)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "sertifikat sudah ada"))?;
    });
    Ok(())
}

/// Revokes a live certificate; false when it was not live.
pub async fn cabut(tx: &mut Tx, id: Uuid, alasan: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE penanda_ttd SET dicabut_pada = $2, alasan_cabut = $3 \
             WHERE id = $1 AND dicabut_pada IS NULL",
        )
        .bind(id)
        .bind(now)
        .bind(alasan)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}

/// Counts a wrong passphrase; locks until `kunci_sampai` when the count reaches `batas`.
/// Returns the count.
pub async fn catat_gagal(
    tx: &mut Tx,
    id: Uuid,
    batas: i32,
    kunci_sampai: DateTime<Utc>,
) -> StoreResult<i32> {
    let (n,): (i32,) = on_tx!(tx, |c| {
        sqlx::query_as(
            "UPDATE penanda_ttd SET gagal = gagal + 1, \
             terkunci_sampai = CASE WHEN gagal + 1 >= $2 THEN $3 ELSE terkunci_sampai END \
             WHERE id = $1 RETURNING gagal",
        )
        .bind(id)
        .bind(batas)
        .bind(kunci_sampai)
        .fetch_one(&mut *c)
        .await?
    });
    Ok(n)
}

/// Clears the wrong-passphrase count after a signing.
pub async fn catat_berhasil(tx: &mut Tx, id: Uuid) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE penanda_ttd SET gagal = 0, terkunci_sampai = NULL \
             WHERE id = $1 AND (gagal <> 0 OR terkunci_sampai IS NOT NULL)",
        )
        .bind(id)
        .execute(&mut *c)
        .await?;
    });
    Ok(())
}

/// Records a signed document.
pub async fn simpan_dokumen(tx: &mut Tx, d: &DokumenTtd) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO dokumen_ttd (kode, sha256, jenis, judul, nomor, pegawai_id, layanan_id, \
             rujukan, penanda_id, ditandatangani_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&d.kode)
        .bind(&d.sha256)
        .bind(&d.jenis)
        .bind(&d.judul)
        .bind(&d.nomor)
        .bind(d.pegawai_id)
        .bind(d.layanan_id)
        .bind(&d.rujukan)
        .bind(d.penanda_id)
        .bind(d.ditandatangani_pada)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "dokumen sudah ditandatangani"))?;
    });
    Ok(())
}

/// Adds a trusted root.
pub async fn simpan_akar(tx: &mut Tx, a: &AkarTtd, oleh: &str) -> StoreResult<()> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO ttd_akar (sidik_jari, nama, sertifikat, ditambahkan_pada, \
             ditambahkan_oleh) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&a.sidik_jari)
        .bind(&a.nama)
        .bind(&a.sertifikat)
        .bind(a.ditambahkan_pada)
        .bind(oleh)
        .execute(&mut *c)
        .await
        .map_err(|e| StoreError::from_write(e, "akar sudah dipercaya"))?;
    });
    Ok(())
}

impl Store {
    /// The instance CA (certificate and PKCS#8 key), if made.
    pub async fn ttd_ca(&self) -> StoreResult<Option<(Vec<u8>, Vec<u8>)>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT sertifikat, kunci_privat FROM ttd_ca WHERE id = 1")
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Stores the instance CA unless another server stored one first; returns the one kept.
    pub async fn simpan_ttd_ca_pertama(
        &self,
        sertifikat: &[u8],
        kunci: &[u8],
        now: DateTime<Utc>,
    ) -> StoreResult<(Vec<u8>, Vec<u8>)> {
        let hasil = on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO ttd_ca (id, sertifikat, kunci_privat, dibuat_pada) \
                 VALUES (1, $1, $2, $3)",
            )
            .bind(sertifikat)
            .bind(kunci)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        });
        if let Err(e) = hasil {
            match StoreError::from_write(e, "CA instans") {
                StoreError::Conflict(_) => {}
                lain => return Err(lain),
            }
        }
        self.ttd_ca().await?.ok_or(StoreError::NotFound)
    }

    /// Every certificate, newest first.
    pub async fn daftar_penanda(&self) -> StoreResult<Vec<PenandaTtd>> {
        let sql = format!("SELECT {KOLOM} FROM penanda_ttd ORDER BY dibuat_pada DESC, id");
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_all(pool)
                .await?
        }))
    }

    /// One certificate.
    pub async fn penanda(&self, id: Uuid) -> StoreResult<PenandaTtd> {
        let sql = format!("SELECT {KOLOM} FROM penanda_ttd WHERE id = $1");
        let r: Option<PenandaTtd> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        r.ok_or(StoreError::NotFound)
    }

    /// A certificate by its fingerprint.
    pub async fn penanda_sidik_jari(&self, sidik_jari: &str) -> StoreResult<Option<PenandaTtd>> {
        let sql = format!("SELECT {KOLOM} FROM penanda_ttd WHERE sidik_jari = $1");
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(sidik_jari)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The account's live certificate with its PKCS#12 container.
    pub async fn penanda_akun(&self, akun_id: Uuid) -> StoreResult<Option<(PenandaTtd, Vec<u8>)>> {
        let sql = format!(
            "SELECT {KOLOM}, pkcs12 FROM penanda_ttd \
             WHERE akun_id = $1 AND dicabut_pada IS NULL"
        );
        let r: Option<(PenandaTtd, Option<Vec<u8>>)> = on_pool!(self.db(), |pool| {
            use sqlx::Row;
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(akun_id)
                .fetch_optional(pool)
                .await?
                .map(|row| {
                    let p12: Option<Vec<u8>> = row.try_get("pkcs12")?;
                    let p = <PenandaTtd as sqlx::FromRow<_>>::from_row(&row)?;
                    Ok::<_, sqlx::Error>((p, p12))
                })
                .transpose()?
        });
        Ok(r.and_then(|(p, k)| k.map(|k| (p, k))))
    }

    /// The live seal with its key: PKCS#8 (issued by the instance CA) or the imported
    /// PKCS#12.
    pub async fn segel(&self) -> StoreResult<Option<(PenandaTtd, KunciSegel)>> {
        let sql = format!(
            "SELECT {KOLOM}, kunci_privat, pkcs12 FROM penanda_ttd \
             WHERE jenis = 'SEGEL' AND dicabut_pada IS NULL"
        );
        // The certificate, its PKCS#8 key, its PKCS#12.
        type Baris = (PenandaTtd, Option<Vec<u8>>, Option<Vec<u8>>);
        let r: Option<Baris> = on_pool!(self.db(), |pool| {
            use sqlx::Row;
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_optional(pool)
                .await?
                .map(|row| {
                    let k: Option<Vec<u8>> = row.try_get("kunci_privat")?;
                    let p12: Option<Vec<u8>> = row.try_get("pkcs12")?;
                    let p = <PenandaTtd as sqlx::FromRow<_>>::from_row(&row)?;
                    Ok::<_, sqlx::Error>((p, k, p12))
                })
                .transpose()?
        });
        Ok(r.and_then(|(p, k, p12)| match (k, p12) {
            (Some(k), _) => Some((p, KunciSegel::Pkcs8(k))),
            (None, Some(p12)) => Some((p, KunciSegel::Pkcs12(p12))),
            (None, None) => None,
        }))
    }

    /// Trusted roots besides the instance CA.
    pub async fn akar_ttd(&self) -> StoreResult<Vec<AkarTtd>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT sidik_jari, nama, sertifikat, ditambahkan_pada FROM ttd_akar \
                 ORDER BY ditambahkan_pada",
            )
            .fetch_all(pool)
            .await?
        }))
    }

    /// A signed document by the code in its QR.
    pub async fn dokumen_ttd(&self, kode: &str) -> StoreResult<Option<DokumenTtd>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT kode, sha256, jenis, judul, nomor, pegawai_id, layanan_id, rujukan, \
                 penanda_id, ditandatangani_pada FROM dokumen_ttd WHERE kode = $1",
            )
            .bind(kode)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// The signed document issued with this hash, if any.
    pub async fn dokumen_ttd_sha256(&self, sha256: &str) -> StoreResult<Option<DokumenTtd>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT kode, sha256, jenis, judul, nomor, pegawai_id, layanan_id, rujukan, \
                 penanda_id, ditandatangani_pada FROM dokumen_ttd WHERE sha256 = $1 \
                 ORDER BY ditandatangani_pada LIMIT 1",
            )
            .bind(sha256)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// A document made on demand, by its name.
    pub async fn dokumen_ttd_rujukan(&self, rujukan: &str) -> StoreResult<Option<DokumenTtd>> {
        Ok(on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT kode, sha256, jenis, judul, nomor, pegawai_id, layanan_id, rujukan, \
                 penanda_id, ditandatangani_pada FROM dokumen_ttd WHERE rujukan = $1",
            )
            .bind(rujukan)
            .fetch_optional(pool)
            .await?
        }))
    }
}
