//! Promotion (kenaikan pangkat): the prediction for a period, starting cases from it, the
//! proposal window, the pertek and the SK as letters in the employee's archive, and applying
//! the SK to the record — new riwayat golongan row and master data — in the SK's transaction.

mod prediksi;
mod surat;

pub use prediksi::*;
pub use surat::*;

use chrono::NaiveDate;
use siasn_domain::akses::Peran;
use siasn_domain::layanan::kp::{DataKp, jendela_usul, rancang};
use siasn_domain::layanan::{
    DataLayanan, JenisLayanan, KasusLayanan, Langkah, LangkahDitolak, StatusLayanan,
};
use siasn_store::layanan::{self as langkah_layanan, KasusBaru, Pindah};
use siasn_store::{StoreError, Tx, audit};
use uuid::Uuid;

use super::catat;
use crate::{Aktor, App, AppError, AppResult};
use prediksi::periksa_periode;
/// What became of starting a case for one employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilMulai {
    /// Started.
    Dibuat(Uuid),
    /// Not started, and why.
    Ditolak(LangkahDitolak),
    /// Not an employee the operator works for (not said whether they exist).
    TidakDitemukan,
}

/// Starts promotion cases at `periode` for the chosen employees, as the agency operator: each
/// one is checked against the rules now and started on its own (one refused does not stop the
/// others); all in one transaction.
pub async fn mulai(
    app: &App,
    aktor: &Aktor,
    periode: NaiveDate,
    pegawai_ids: &[Uuid],
) -> AppResult<Vec<(Uuid, HasilMulai)>> {
    if !aktor.pelaku.punya(Peran::OperatorInstansi) {
        return Err(AppError::Dilarang);
    }
    if let Err(e) = periksa_periode(app, periode).await? {
        return Ok(pegawai_ids
            .iter()
            .map(|id| (*id, HasilMulai::Ditolak(e.clone())))
            .collect());
    }
    let r = rujukan(app, periode).await?;
    let mut siap = Vec::new();
    let mut hasil = Vec::new();
    for &id in pegawai_ids {
        let letak = match app.store().letak_pegawai(id).await {
            Ok(l) => l,
            Err(StoreError::NotFound) => {
                hasil.push((id, HasilMulai::TidakDitemukan));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let operator = aktor.pelaku.peran.iter().any(|p| {
            p.peran == Peran::OperatorInstansi
                && p.instansi_id.as_deref() == Some(letak.instansi_id.as_str())
        });
        if !operator {
            hasil.push((id, HasilMulai::TidakDitemukan));
            continue;
        }
        // One promotion at a time: a case still open (for this or another period) holds it.
        let terbuka = app
            .store()
            .layanan_pegawai(id)
            .await?
            .iter()
            .any(|k| k.jenis == JenisLayanan::KenaikanPangkat && !k.status.final_());
        if terbuka {
            hasil.push((id, HasilMulai::Ditolak(LangkahDitolak::SudahAda)));
            continue;
        }
        let Some(k) = app.store().fakta_kp(id, periode).await? else {
            hasil.push((id, HasilMulai::Ditolak(LangkahDitolak::BukanKandidat)));
            continue;
        };
        let rancangan = rancang(&k.fakta, periode, &r);
        if !rancangan.hasil.boleh_diusulkan() {
            hasil.push((id, HasilMulai::Ditolak(LangkahDitolak::BelumMemenuhi)));
            continue;
        }
        let Some(data) = rancangan.data else {
            hasil.push((id, HasilMulai::Ditolak(LangkahDitolak::TanpaTujuan)));
            continue;
        };
        siap.push((k, letak, data));
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    for (k, letak, data) in siap {
        let id = Uuid::now_v7();
        let data = DataLayanan::Kp(data);
        let DataLayanan::Kp(kp) = &data;
        let tujuan = kp.tujuan;
        tx.savepoint().await?;
        let baru = KasusBaru {
            id,
            jenis: JenisLayanan::KenaikanPangkat.kode(),
            sub_jenis: &kp.jenis_kp_id,
            periode,
            pegawai_id: k.pegawai_id,
            instansi_id: &letak.instansi_id,
            kanreg_id: &letak.kanreg_id,
            unor_id: k.unor_id,
            tujuan: tujuan.kode(),
            pengusul_akun_id: aktor.akun_id(),
            status: StatusLayanan::InputBerkas,
            data: &data,
        };
        match langkah_layanan::buat(&mut tx, &baru, now).await {
            Ok(()) => {}
            Err(StoreError::Conflict(_)) => {
                tx.rollback_to_savepoint().await?;
                hasil.push((k.pegawai_id, HasilMulai::Ditolak(LangkahDitolak::SudahAda)));
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        let kasus = KasusLayanan {
            id,
            jenis: JenisLayanan::KenaikanPangkat,
            sub_jenis: kp.jenis_kp_id.clone(),
            periode,
            pegawai_id: k.pegawai_id,
            nip: k.nip.clone(),
            nama: k.nama.clone(),
            instansi_id: letak.instansi_id.clone(),
            kanreg_id: letak.kanreg_id.clone(),
            tujuan,
            pengusul_akun_id: Some(aktor.akun_id()),
            status: StatusLayanan::InputBerkas,
            data: data.clone(),
            putaran: 1,
            versi: 1,
            alasan: None,
            pertek: None,
            sk: None,
            dibuat_pada: now,
            status_sejak: now,
        };
        catat(
            &mut tx,
            app,
            aktor,
            &kasus,
            1,
            Langkah::Buat,
            StatusLayanan::InputBerkas,
            None,
            now,
        )
        .await?;
        tx.release().await?;
        hasil.push((k.pegawai_id, HasilMulai::Dibuat(id)));
    }
    tx.commit().await?;
    Ok(hasil)
}

/// A move forward with no reason and no new round, against the version the actor saw.
pub(super) async fn maju(
    tx: &mut Tx,
    k: &KasusLayanan,
    versi: i64,
    ke: StatusLayanan,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Option<i32>> {
    Ok(langkah_layanan::pindah(
        tx,
        Pindah {
            id: k.id,
            versi,
            dari: k.status,
            ke,
            putaran_baru: false,
            alasan: None,
        },
        now,
    )
    .await?)
}

/// Whether today is inside the case period's proposal window.
pub(crate) async fn dalam_jadwal(
    app: &App,
    k: &KasusLayanan,
) -> AppResult<Result<(), LangkahDitolak>> {
    let jadwal = app.store().jadwal_kp(k.periode).await?;
    let (buka, tutup) = jendela_usul(k.periode, jadwal);
    let hari_ini = app.sekarang().date_naive();
    Ok(if (buka..=tutup).contains(&hari_ini) {
        Ok(())
    } else {
        Err(LangkahDitolak::DiLuarJadwal { buka, tutup })
    })
}

pub(super) fn data_kp(k: &KasusLayanan) -> &DataKp {
    match &k.data {
        DataLayanan::Kp(d) => d,
    }
}

/// Sets the proposal window of a KP period (reference data an administrator keeps), audited.
pub async fn atur_jadwal(
    app: &App,
    aktor: &str,
    periode: NaiveDate,
    buka: NaiveDate,
    tutup: NaiveDate,
) -> AppResult<Result<(), LangkahDitolak>> {
    if let Err(e) = periksa_periode(app, periode).await? {
        return Ok(Err(e));
    }
    if tutup < buka {
        return Ok(Err(LangkahDitolak::DiLuarJadwal { buka, tutup }));
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    langkah_layanan::atur_jadwal(&mut tx, periode, buka, tutup).await?;
    audit::tulis(
        &mut tx,
        vec![siasn_store::audit::AuditBaru {
            aktor: aktor.to_string(),
            aksi: "referensi.jadwal_kp".into(),
            alasan: Some(format!("periode {periode}: {buka} s.d. {tutup}")),
            ..siasn_store::audit::AuditBaru::default()
        }],
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}
