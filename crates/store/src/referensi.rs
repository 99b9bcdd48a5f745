//! Reference data: seeded once from the domain's seed values, read back as typed rows.

use chrono::NaiveDate;
use siasn_domain::golongan::Golongan;
use siasn_domain::referensi::{
    self as seed, Kanreg, KedudukanHukum, Kewenangan, PeriodeKp, RefItem, RefJabatan,
    TingkatPendidikan, Verifikator,
};
use siasn_domain::riwayat::JenisRiwayat;

use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

impl Store {
    /// Inserts every seed row that is missing; rows an administrator changed are left alone.
    pub async fn seed_referensi(&self) -> StoreResult<()> {
        let periode = seed::periode_kp_awal();
        let kewenangan = seed::kewenangan_awal();
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            for (kategori, items) in seed::DAFTAR_SEDERHANA {
                for (id, nama) in *items {
                    sqlx::query(
                        "INSERT INTO referensi (kategori, id, nama) VALUES ($1, $2, $3) \
                         ON CONFLICT (kategori, id) DO NOTHING",
                    )
                    .bind(*kategori)
                    .bind(*id)
                    .bind(*nama)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            for (id, nama, awal, maks) in seed::TINGKAT_PENDIDIKAN {
                sqlx::query(
                    "INSERT INTO ref_tingkat_pendidikan (id, nama, golongan_awal, golongan_maks) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
                )
                .bind(*id)
                .bind(*nama)
                .bind(awal.map(|g| i16::from(g.id())))
                .bind(maks.map(|g| i16::from(g.id())))
                .execute(&mut *tx)
                .await?;
            }
            for (id, nama, masih_asn) in seed::KEDUDUKAN_HUKUM {
                sqlx::query(
                    "INSERT INTO ref_kedudukan_hukum (id, nama, masih_asn) VALUES ($1, $2, $3) \
                     ON CONFLICT (id) DO NOTHING",
                )
                .bind(*id)
                .bind(*nama)
                .bind(*masih_asn)
                .execute(&mut *tx)
                .await?;
            }
            for (id, nama, jenis, bup) in seed::JABATAN {
                sqlx::query(
                    "INSERT INTO ref_jabatan (id, nama, jenis_jabatan_id, usia_bup) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
                )
                .bind(*id)
                .bind(*nama)
                .bind(*jenis)
                .bind(i16::from(*bup))
                .execute(&mut *tx)
                .await?;
            }
            for p in &periode {
                let bulan = p
                    .bulan
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(",");
                sqlx::query(
                    "INSERT INTO ref_periode_kp (berlaku_mulai, berlaku_sampai, bulan) \
                     VALUES ($1, $2, $3) ON CONFLICT (berlaku_mulai) DO NOTHING",
                )
                .bind(p.berlaku_mulai)
                .bind(p.berlaku_sampai)
                .bind(bulan)
                .execute(&mut *tx)
                .await?;
            }
            for k in &kewenangan {
                sqlx::query(
                    "INSERT INTO ref_kewenangan (jenis_riwayat, verifikator, dokumen_wajib) \
                     VALUES ($1, $2, $3) ON CONFLICT (jenis_riwayat) DO UPDATE \
                     SET dokumen_wajib = excluded.dokumen_wajib \
                     WHERE ref_kewenangan.dokumen_wajib IS NULL",
                )
                .bind(k.jenis_riwayat.kode())
                .bind(k.verifikator.kode())
                .bind(k.dokumen_wajib.join(","))
                .execute(&mut *tx)
                .await?;
            }
            for (id, nama) in seed::KANREG {
                sqlx::query(
                    "INSERT INTO kanreg (id, nama) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                )
                .bind(*id)
                .bind(*nama)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        self.seed_referensi_layanan().await
    }

    /// A simple code list by its reference-API name ("agama", "eselon", ...), ordered by id.
    pub async fn referensi(&self, kategori: &str) -> StoreResult<Vec<RefItem>> {
        let rows: Vec<(String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT id, nama FROM referensi WHERE kategori = $1 ORDER BY id")
                .bind(kategori)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, nama)| RefItem { id, nama })
            .collect())
    }

    /// Changes the name of a code-list entry (administrators correcting reference data).
    pub async fn ubah_referensi(&self, kategori: &str, id: &str, nama: &str) -> StoreResult<()> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query("UPDATE referensi SET nama = $3 WHERE kategori = $1 AND id = $2")
                .bind(kategori)
                .bind(id)
                .bind(nama)
                .execute(pool)
                .await?
                .rows_affected()
        });
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Education levels with their starting rank and ceiling.
    pub async fn tingkat_pendidikan(&self) -> StoreResult<Vec<TingkatPendidikan>> {
        let rows: Vec<(String, String, Option<i16>, Option<i16>)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, nama, golongan_awal, golongan_maks FROM ref_tingkat_pendidikan ORDER BY id",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, nama, awal, maks)| {
                Ok(TingkatPendidikan {
                    id,
                    nama,
                    golongan_awal: golongan_opt(awal)?,
                    golongan_maks: golongan_opt(maks)?,
                })
            })
            .collect()
    }

    /// Sets the ceiling of an education level (e.g. to fill in a specialist level).
    pub async fn ubah_batas_pendidikan(
        &self,
        id: &str,
        awal: Option<Golongan>,
        maks: Option<Golongan>,
    ) -> StoreResult<()> {
        let n = on_pool!(self.db(), |pool| {
            sqlx::query(
                "UPDATE ref_tingkat_pendidikan SET golongan_awal = $2, golongan_maks = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(awal.map(|g| i16::from(g.id())))
            .bind(maks.map(|g| i16::from(g.id())))
            .execute(pool)
            .await?
            .rows_affected()
        });
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Legal statuses.
    pub async fn kedudukan_hukum(&self) -> StoreResult<Vec<KedudukanHukum>> {
        let rows: Vec<(String, String, bool)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT id, nama, masih_asn FROM ref_kedudukan_hukum ORDER BY id")
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, nama, masih_asn)| KedudukanHukum {
                id,
                nama,
                masih_asn,
            })
            .collect())
    }

    /// The position reference with BUP.
    pub async fn ref_jabatan(&self) -> StoreResult<Vec<RefJabatan>> {
        let rows: Vec<(String, String, String, i16)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT id, nama, jenis_jabatan_id, usia_bup FROM ref_jabatan ORDER BY id",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, nama, jenis_jabatan_id, bup)| {
                Ok(RefJabatan {
                    id,
                    nama,
                    jenis_jabatan_id,
                    usia_bup: u8::try_from(bup)
                        .map_err(|_| StoreError::Corrupt(format!("usia_bup {bup}")))?,
                })
            })
            .collect()
    }

    /// The KP period calendar, oldest first.
    pub async fn periode_kp(&self) -> StoreResult<Vec<PeriodeKp>> {
        let rows: Vec<(NaiveDate, Option<NaiveDate>, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT berlaku_mulai, berlaku_sampai, bulan FROM ref_periode_kp ORDER BY berlaku_mulai",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(berlaku_mulai, berlaku_sampai, bulan)| {
                let bulan = bulan
                    .split(',')
                    .map(|b| b.trim().parse::<u32>())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| StoreError::Corrupt(format!("bulan periode KP '{bulan}'")))?;
                Ok(PeriodeKp {
                    berlaku_mulai,
                    berlaku_sampai,
                    bulan,
                })
            })
            .collect()
    }

    /// The verification-authority table.
    pub async fn kewenangan(&self) -> StoreResult<Vec<Kewenangan>> {
        let rows: Vec<(String, String, Option<String>)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT jenis_riwayat, verifikator, dokumen_wajib FROM ref_kewenangan \
                 ORDER BY jenis_riwayat",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(jenis, verifikator, dokumen)| {
                Ok(Kewenangan {
                    jenis_riwayat: JenisRiwayat::from_kode(&jenis)
                        .ok_or_else(|| StoreError::Corrupt(format!("jenis riwayat '{jenis}'")))?,
                    verifikator: Verifikator::from_kode(&verifikator).ok_or_else(|| {
                        StoreError::Corrupt(format!("verifikator '{verifikator}'"))
                    })?,
                    dokumen_wajib: dokumen
                        .unwrap_or_default()
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                })
            })
            .collect()
    }

    /// Changes who verifies a kind of history.
    pub async fn ubah_kewenangan(
        &self,
        jenis: JenisRiwayat,
        verifikator: Verifikator,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query("UPDATE ref_kewenangan SET verifikator = $2 WHERE jenis_riwayat = $1")
                .bind(jenis.kode())
                .bind(verifikator.kode())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// BKN regional offices.
    pub async fn kanreg(&self) -> StoreResult<Vec<Kanreg>> {
        let rows: Vec<(String, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT id, nama FROM kanreg ORDER BY id")
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, nama)| Kanreg { id, nama })
            .collect())
    }
}

pub(crate) fn golongan_opt(id: Option<i16>) -> StoreResult<Option<Golongan>> {
    id.map(|id| {
        u8::try_from(id)
            .ok()
            .and_then(Golongan::from_id)
            .ok_or_else(|| StoreError::Corrupt(format!("golongan {id}")))
    })
    .transpose()
}
