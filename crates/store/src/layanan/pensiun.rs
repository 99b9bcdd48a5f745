//! Retirement foresight reads and the daily job's writes: candidates by birth date with their
//! position's BUP and kedudukan, pension cases by TMT, decrees whose TMT has come, notices
//! sent once, and the day a daily job last completed.

use chrono::{DateTime, NaiveDate, Utc};
use siasn_domain::layanan::{JenisLayanan, KasusLayanan};
use uuid::Uuid;

use super::{BarisLayanan, DARI, KOLOM};
use crate::error::StoreResult;
use crate::{Store, Tx, on_pool, on_tx};

/// A retirement candidate: what the foresight list and the daily job need of a record.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CalonPensiun {
    /// Employee.
    pub pegawai_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// The position's BUP, when the position is in the reference.
    pub usia_bup: Option<i32>,
    /// Position name (reference, else as recorded).
    pub jabatan: Option<String>,
    /// Jenis jabatan code as recorded (for the BUP when the position is not in the reference).
    pub jenis_jabatan_id: Option<String>,
    /// Eselon code as recorded (likewise).
    pub eselon_id: Option<String>,
    /// Golongan id.
    pub golongan: Option<i16>,
    /// Kedudukan hukum.
    pub kedudukan_hukum_id: String,
    /// Whether that kedudukan is one of a serving ASN.
    pub masih_asn: bool,
    /// Working agency.
    pub instansi_kerja_id: String,
    /// "PNS" / "PPPK".
    pub jenis_pegawai: String,
    /// Whether a decree of leaving the service is on record.
    pub ada_keputusan: bool,
}

/// A decree of leaving the service whose TMT has come while the record still shows the
/// employee serving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemberhentianJatuhTempo {
    /// Employee.
    pub pegawai_id: Uuid,
    /// The history row.
    pub riwayat_id: Uuid,
    /// The decree's row.
    pub data: siasn_domain::riwayat::RiwayatPemberhentian,
}

impl Store {
    /// PNS born between `dari` and `sampai` (inclusive), of one agency or all, by birth date;
    /// `hanya_aktif` keeps those whose kedudukan is still serving (or "Mencapai BUP" when
    /// `dengan_bup` says so). Reads go to a fresh replica when there is one.
    #[allow(clippy::too_many_arguments)]
    pub async fn calon_pensiun(
        &self,
        instansi_id: Option<&str>,
        dari: NaiveDate,
        sampai: NaiveDate,
        hanya_aktif: bool,
        setelah: Option<Uuid>,
        batas: u32,
    ) -> StoreResult<Vec<CalonPensiun>> {
        let mut sql = String::from(
            "SELECT p.id AS pegawai_id, p.nip, p.nama, p.tanggal_lahir, \
             CAST(rj.usia_bup AS INTEGER) AS usia_bup, COALESCE(rj.nama, p.nama_jabatan) AS jabatan, \
             p.jenis_jabatan_id, p.eselon_id, \
             CAST(p.golongan AS SMALLINT) AS golongan, p.kedudukan_hukum_id, \
             COALESCE(kh.masih_asn, FALSE) AS masih_asn, p.instansi_kerja_id, p.jenis_pegawai, \
             EXISTS (SELECT 1 FROM riwayat r WHERE r.pegawai_id = p.id \
             AND r.jenis = 'pemberhentian') AS ada_keputusan \
             FROM pegawai p LEFT JOIN ref_jabatan rj ON rj.id = p.jabatan_id \
             LEFT JOIN ref_kedudukan_hukum kh ON kh.id = p.kedudukan_hukum_id \
             WHERE p.jenis_pegawai = 'PNS' AND p.tanggal_lahir >= $1 AND p.tanggal_lahir <= $2 \
             AND ($3 IS NULL OR p.instansi_kerja_id = $3) AND ($4 IS NULL OR p.id > $4)",
        );
        if hanya_aktif {
            sql.push_str(" AND kh.masih_asn");
        }
        sql.push_str(" ORDER BY p.id LIMIT $5");
        let rows: Vec<CalonPensiun> = on_pool!(self.db_baca(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(dari)
                .bind(sampai)
                .bind(instansi_id)
                .bind(setelah)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Pension cases of an agency whose TMT falls between two dates (deleted ones left out).
    pub async fn kasus_pensiun_antara(
        &self,
        instansi_id: &str,
        dari: NaiveDate,
        sampai: NaiveDate,
    ) -> StoreResult<Vec<KasusLayanan>> {
        let sql = format!(
            "SELECT {KOLOM} {DARI} WHERE l.instansi_id = $1 AND l.jenis = $2 \
             AND l.periode >= $3 AND l.periode <= $4 AND l.status <> 99 \
             ORDER BY l.periode, l.dibuat_pada"
        );
        let rows: Vec<BarisLayanan> = on_pool!(self.db(), |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(instansi_id)
                .bind(JenisLayanan::Pensiun.kode())
                .bind(dari)
                .bind(sampai)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Decrees of leaving the service with a TMT on or before `hari_ini` whose employee is
    /// still recorded as serving (or as "Mencapai BUP"), oldest first.
    pub async fn pemberhentian_jatuh_tempo(
        &self,
        hari_ini: NaiveDate,
        batas: u32,
    ) -> StoreResult<Vec<PemberhentianJatuhTempo>> {
        let rows: Vec<(Uuid, Uuid, sqlx::types::Json<siasn_domain::DataRiwayat>)> =
            on_pool!(self.db(), |pool| {
                sqlx::query_as(
                    "SELECT r.pegawai_id, r.id, r.data FROM riwayat r \
                     JOIN pegawai p ON p.id = r.pegawai_id \
                     LEFT JOIN ref_kedudukan_hukum kh ON kh.id = p.kedudukan_hukum_id \
                     WHERE r.jenis = 'pemberhentian' AND r.tanggal_efektif <= $1 \
                     AND (kh.masih_asn OR p.kedudukan_hukum_id = '98') \
                     ORDER BY r.tanggal_efektif, r.id LIMIT $2",
                )
                .bind(hari_ini)
                .bind(i64::from(batas))
                .fetch_all(pool)
                .await?
            });
        Ok(rows
            .into_iter()
            .filter_map(|(pegawai_id, riwayat_id, data)| match data.0 {
                siasn_domain::DataRiwayat::Pemberhentian(data) => Some(PemberhentianJatuhTempo {
                    pegawai_id,
                    riwayat_id,
                    data,
                }),
                _ => None,
            })
            .collect())
    }

    /// Status rows (the riwayat CLTN: leave, study, state office, temporary dismissal, MPP)
    /// begun on or before `hari_ini` of employees whose kedudukan is active or one of those
    /// statuses: (employee, row id, row, kedudukan now), for the daily job to align the
    /// kedudukan with the row's dates.
    pub async fn cltn_untuk_diselaraskan(
        &self,
        hari_ini: NaiveDate,
    ) -> StoreResult<Vec<(Uuid, Uuid, siasn_domain::riwayat::RiwayatCltn, String)>> {
        let rows: Vec<(
            Uuid,
            Uuid,
            sqlx::types::Json<siasn_domain::DataRiwayat>,
            String,
        )> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT r.pegawai_id, r.id, r.data, p.kedudukan_hukum_id FROM riwayat r \
                     JOIN pegawai p ON p.id = r.pegawai_id \
                     WHERE r.jenis = 'cltn' AND r.tanggal_efektif <= $1 \
                     AND p.kedudukan_hukum_id IN ('01', '02', '03', '04', '07', '13', '20') \
                     ORDER BY r.id",
            )
            .bind(hari_ini)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(p, id, data, k)| match data.0 {
                siasn_domain::DataRiwayat::Cltn(c) => Some((p, id, c, k)),
                _ => None,
            })
            .collect())
    }

    /// Statuses running now (a status row without a return, of an employee whose kedudukan
    /// is that of a status), of one agency or all, by end date.
    pub async fn status_berjalan(
        &self,
        instansi_id: Option<&str>,
        hari_ini: NaiveDate,
    ) -> StoreResult<Vec<StatusBerjalan>> {
        let rows: Vec<(
            Uuid,
            Uuid,
            String,
            String,
            String,
            sqlx::types::Json<siasn_domain::DataRiwayat>,
        )> = on_pool!(self.db_baca(), |pool| {
            sqlx::query_as(
                "SELECT r.pegawai_id, r.id, p.nip, p.nama, p.instansi_kerja_id, r.data \
                 FROM riwayat r JOIN pegawai p ON p.id = r.pegawai_id \
                 WHERE r.jenis = 'cltn' AND r.tanggal_efektif <= $1 \
                 AND p.kedudukan_hukum_id IN ('02', '03', '04', '07', '13', '20') \
                 AND ($2 IS NULL OR p.instansi_kerja_id = $2) ORDER BY r.id",
            )
            .bind(hari_ini)
            .bind(instansi_id)
            .fetch_all(pool)
            .await?
        });
        let mut out: Vec<StatusBerjalan> = rows
            .into_iter()
            .filter_map(
                |(pegawai_id, riwayat_id, nip, nama, instansi_kerja_id, data)| match data.0 {
                    siasn_domain::DataRiwayat::Cltn(c) if c.tanggal_aktif_kembali.is_none() => {
                        Some(StatusBerjalan {
                            pegawai_id,
                            riwayat_id,
                            nip,
                            nama,
                            instansi_kerja_id,
                            status: c,
                        })
                    }
                    _ => None,
                },
            )
            .collect();
        out.sort_by(|a, b| {
            (a.status.tanggal_selesai, &a.nama).cmp(&(b.status.tanggal_selesai, &b.nama))
        });
        Ok(out)
    }

    /// The last day the daily job `nama` completed.
    pub async fn tugas_harian_terakhir(&self, nama: &str) -> StoreResult<Option<NaiveDate>> {
        let row: Option<(NaiveDate,)> = on_pool!(self.db(), |pool| {
            sqlx::query_as("SELECT tanggal FROM tugas_harian WHERE nama = $1")
                .bind(nama)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|r| r.0))
    }

    /// Records that the daily job `nama` completed for `tanggal`, with what it did.
    pub async fn tugas_harian_selesai(
        &self,
        nama: &str,
        tanggal: NaiveDate,
        ringkasan: &str,
    ) -> StoreResult<()> {
        on_pool!(self.db(), |pool| {
            sqlx::query(
                "INSERT INTO tugas_harian (nama, tanggal, ringkasan) VALUES ($1, $2, $3) \
                 ON CONFLICT (nama) DO UPDATE SET tanggal = excluded.tanggal, \
                 ringkasan = excluded.ringkasan",
            )
            .bind(nama)
            .bind(tanggal)
            .bind(ringkasan)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The notices already sent for these employees and lead time (to show on the list).
    pub async fn pemberitahuan_pensiun(
        &self,
        pegawai_id: Uuid,
    ) -> StoreResult<Vec<(u32, DateTime<Utc>)>> {
        let rows: Vec<(i32, DateTime<Utc>)> = on_pool!(self.db(), |pool| {
            sqlx::query_as(
                "SELECT tenggat_bulan, dikirim_pada FROM pemberitahuan_pensiun \
                 WHERE pegawai_id = $1 ORDER BY dikirim_pada",
            )
            .bind(pegawai_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(t, w)| (u32::try_from(t).unwrap_or(0), w))
            .collect())
    }
}

/// A status running now: whose, and its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusBerjalan {
    /// Employee.
    pub pegawai_id: Uuid,
    /// The status row.
    pub riwayat_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Working agency.
    pub instansi_kerja_id: String,
    /// The row.
    pub status: siasn_domain::riwayat::RiwayatCltn,
}

/// Records a reminder about a status row ending on `tanggal_akhir`; false when it was
/// already sent.
pub async fn catat_pengingat_status(
    tx: &mut Tx,
    riwayat_id: Uuid,
    tanggal_akhir: NaiveDate,
    jenis: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO pengingat_status (riwayat_id, tanggal_akhir, jenis, dikirim_pada) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(riwayat_id)
        .bind(tanggal_akhir)
        .bind(jenis)
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}

/// Records a retirement notice; false when it was already sent (nothing is sent twice).
pub async fn catat_pemberitahuan(
    tx: &mut Tx,
    pegawai_id: Uuid,
    tmt_pensiun: NaiveDate,
    tenggat_bulan: u32,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO pemberitahuan_pensiun (pegawai_id, tmt_pensiun, tenggat_bulan, dikirim_pada) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(pegawai_id)
        .bind(tmt_pensiun)
        .bind(i32::try_from(tenggat_bulan).unwrap_or(i32::MAX))
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected()
    });
    Ok(n == 1)
}

/// Queues one message to every operator of an agency at their account's (or record's)
/// address.
pub async fn antre_ke_operator(
    tx: &mut Tx,
    instansi_id: &str,
    subjek: &str,
    isi: &str,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let alamat: Vec<(Uuid, String)> = on_tx!(tx, |c| {
        sqlx::query_as(
            "SELECT a.id, COALESCE(a.email, p.email) FROM akun_peran ap JOIN akun a ON a.id = ap.akun_id \
             LEFT JOIN pegawai p ON p.id = a.pegawai_id \
             WHERE ap.instansi_id = $1 AND ap.peran = 'OPERATOR_INSTANSI' \
             AND COALESCE(a.email, p.email) IS NOT NULL ORDER BY a.id",
        )
        .bind(instansi_id)
        .fetch_all(&mut *c)
        .await?
    });
    for (akun_id, ke) in &alamat {
        crate::email::antre(
            tx,
            &crate::email::EmailBaru {
                akun_id: Some(*akun_id),
                pegawai_id: None,
                ke: ke.clone(),
                subjek: subjek.to_string(),
                isi: isi.to_string(),
            },
            now,
        )
        .await?;
    }
    Ok(alamat.len() as u64)
}
