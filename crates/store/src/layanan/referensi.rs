//! The services' reference data: the salary table, who decides, credit points, required
//! documents and proposal windows. Seeded once; an administrator's changes are kept.

use chrono::NaiveDate;
use siasn_domain::golongan::Golongan;
use siasn_domain::instansi::JenisInstansi;
use siasn_domain::layanan::kp::{self, AturanTujuan, BarisGaji, Tujuan};
use siasn_domain::layanan::{JenisLayanan, SyaratDokumen, cltn, cpns, pensiun, pindah};

use crate::error::{StoreError, StoreResult};
use crate::{Store, on_pool};

/// Date the seeded salary table is in force from (PP 5/2024).
fn berlaku_gaji_2024() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn golongan(id: i16) -> StoreResult<Golongan> {
    u8::try_from(id)
        .ok()
        .and_then(Golongan::from_id)
        .ok_or_else(|| StoreError::Corrupt(format!("golongan {id}")))
}

impl Store {
    /// Inserts the services' missing seed rows.
    pub(crate) async fn seed_referensi_layanan(&self) -> StoreResult<()> {
        let gaji = kp::tabel_gaji_2024();
        let berlaku = berlaku_gaji_2024();
        on_pool!(self.db(), |pool| {
            let mut tx = pool.begin().await?;
            for b in &gaji {
                sqlx::query(
                    "INSERT INTO ref_gaji_pokok (berlaku_mulai, golongan, mkg, gaji_pokok) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                )
                .bind(berlaku)
                .bind(i16::from(b.golongan.id()))
                .bind(i32::try_from(b.mkg).unwrap_or(0))
                .bind(b.gaji_pokok)
                .execute(&mut *tx)
                .await?;
            }
            for a in kp::aturan_tujuan_awal() {
                sqlx::query(
                    "INSERT INTO ref_tujuan_kp (jenis_instansi, sampai, tujuan) VALUES ($1, $2, $3) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(a.jenis_instansi.kode())
                .bind(i16::from(a.sampai.id()))
                .bind(a.tujuan.kode())
                .execute(&mut *tx)
                .await?;
            }
            for (g, minimal) in kp::ANGKA_KREDIT_KP_AWAL {
                sqlx::query(
                    "INSERT INTO ref_angka_kredit_kp (golongan, minimal) VALUES ($1, $2) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(i16::from(g.id()))
                .bind(*minimal)
                .execute(&mut *tx)
                .await?;
            }
            let dokumen = kp::DOKUMEN_KP_AWAL
                .iter()
                .map(|(sub, s)| (JenisLayanan::KenaikanPangkat, sub, s))
                .chain(
                    pensiun::DOKUMEN_PENSIUN_AWAL
                        .iter()
                        .map(|(sub, s)| (JenisLayanan::Pensiun, sub, s)),
                )
                .chain(cltn::DOKUMEN_CLTN_AWAL.iter().map(|(sub, s)| {
                    let layanan = sub
                        .parse()
                        .ok()
                        .and_then(cltn::JenisUsulCltn::dari_kode)
                        .map_or(JenisLayanan::Cltn, |j| j.keluarga().layanan());
                    (layanan, sub, s)
                }))
                .chain(
                    pindah::DOKUMEN_PINDAH_AWAL
                        .iter()
                        .map(|(sub, s)| (JenisLayanan::PindahInstansi, sub, s)),
                )
                .chain(
                    cpns::DOKUMEN_CPNS_AWAL
                        .iter()
                        .map(|(sub, s)| (JenisLayanan::Cpns, sub, s)),
                );
            for (jenis, sub, syarat) in dokumen {
                for (i, s) in syarat.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO ref_dokumen_layanan (jenis_layanan, sub_jenis, urutan, jenis_dokumen) \
                         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    )
                    .bind(jenis.kode())
                    .bind(*sub)
                    .bind(i32::try_from(i).unwrap_or(0))
                    .bind(*s)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The salary table in force on `pada` (the newest table starting on or before it).
    pub async fn tabel_gaji(&self, pada: NaiveDate) -> StoreResult<Vec<BarisGaji>> {
        let rows: Vec<(i16, i32, i64)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT golongan, mkg, gaji_pokok FROM ref_gaji_pokok WHERE berlaku_mulai = \
                 (SELECT MAX(berlaku_mulai) FROM ref_gaji_pokok WHERE berlaku_mulai <= $1) \
                 ORDER BY golongan, mkg",
            )
            .bind(pada)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(g, mkg, gaji_pokok)| {
                Ok(BarisGaji {
                    golongan: golongan(g)?,
                    mkg: u32::try_from(mkg).unwrap_or(0),
                    gaji_pokok,
                })
            })
            .collect()
    }

    /// The "who decides a promotion" table.
    pub async fn aturan_tujuan_kp(&self) -> StoreResult<Vec<AturanTujuan>> {
        let rows: Vec<(String, i16, String)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT jenis_instansi, sampai, tujuan FROM ref_tujuan_kp ORDER BY sampai",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(jenis, sampai, tujuan)| {
                Ok(AturanTujuan {
                    jenis_instansi: JenisInstansi::from_kode(&jenis)
                        .ok_or_else(|| StoreError::Corrupt(format!("jenis instansi '{jenis}'")))?,
                    sampai: golongan(sampai)?,
                    tujuan: Tujuan::from_kode(&tujuan)
                        .ok_or_else(|| StoreError::Corrupt(format!("tujuan '{tujuan}'")))?,
                })
            })
            .collect()
    }

    /// Credit points a functional promotion to each golongan needs.
    pub async fn angka_kredit_kp(&self) -> StoreResult<Vec<(Golongan, f64)>> {
        let rows: Vec<(i16, f64)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT golongan, minimal FROM ref_angka_kredit_kp ORDER BY golongan")
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(g, m)| Ok((golongan(g)?, m)))
            .collect()
    }

    /// The documents a service's sub-kind needs.
    pub async fn syarat_dokumen(
        &self,
        jenis: JenisLayanan,
        sub_jenis: &str,
    ) -> StoreResult<Vec<SyaratDokumen>> {
        let rows: Vec<(String,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT jenis_dokumen FROM ref_dokumen_layanan WHERE jenis_layanan = $1 \
                 AND sub_jenis = $2 ORDER BY urutan",
            )
            .bind(jenis.kode())
            .bind(sub_jenis)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(s,)| SyaratDokumen {
                jenis_dokumen: s.split('|').map(str::trim).map(str::to_string).collect(),
            })
            .collect())
    }

    /// The proposal window an administrator set for a KP period, if any.
    pub async fn jadwal_kp(
        &self,
        periode: NaiveDate,
    ) -> StoreResult<Option<(NaiveDate, NaiveDate)>> {
        on_pool!(self.db(), |pool| {
            Ok(
                sqlx::query_as(
                    "SELECT usul_buka, usul_tutup FROM ref_jadwal_kp WHERE periode = $1",
                )
                .bind(periode)
                .fetch_optional(pool)
                .await?,
            )
        })
    }
}
