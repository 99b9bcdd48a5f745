//! Promotion (kenaikan pangkat): the prediction for a period, starting cases from it, the
//! proposal window, what its pertek and SK say, and applying the SK to the record — new
//! riwayat golongan row and master data — in the SK's transaction.

mod prediksi;

pub use prediksi::*;

use chrono::NaiveDate;
use siasn_card::surat::Blok;
use siasn_domain::akses::Peran;
use siasn_domain::layanan::kp::{DataKp, jendela_usul, rancang};
use siasn_domain::layanan::{DataLayanan, JenisLayanan, KasusLayanan, LangkahDitolak};
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, Riwayat, RiwayatGolongan, Sk};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::usulan::terapkan::segarkan_cuplikan;
use siasn_store::layanan as langkah_layanan;
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::naskah::{Naskah, rupiah};
use super::{KasusMulai, ada_terbuka, buat_kasus, letak_untuk_operator};
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
        let Some(letak) = letak_untuk_operator(app, aktor, id).await? else {
            hasil.push((id, HasilMulai::TidakDitemukan));
            continue;
        };
        // One promotion at a time: a case still open (for this or another period) holds it.
        if ada_terbuka(app, id, JenisLayanan::KenaikanPangkat).await? {
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
        let m = KasusMulai {
            instansi_asal_id: None,
            jenis: JenisLayanan::KenaikanPangkat,
            sub_jenis: data.jenis_kp_id.clone(),
            periode,
            pegawai_id: k.pegawai_id,
            nip: k.nip.clone(),
            nama: k.nama.clone(),
            unor_id: k.unor_id,
            letak,
            tujuan: data.tujuan,
            data: DataLayanan::Kp(data),
        };
        tx.savepoint().await?;
        match buat_kasus(&mut tx, app, aktor, m, now).await? {
            Some(kasus) => {
                tx.release().await?;
                hasil.push((k.pegawai_id, HasilMulai::Dibuat(kasus.id)));
            }
            None => {
                tx.rollback_to_savepoint().await?;
                hasil.push((k.pegawai_id, HasilMulai::Ditolak(LangkahDitolak::SudahAda)));
            }
        }
    }
    tx.commit().await?;
    Ok(hasil)
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

/// What the promotion's pertek and SK say.
pub(super) fn naskah(
    k: &KasusLayanan,
    d: &DataKp,
    pegawai: &siasn_domain::Pegawai,
    instansi: &siasn_domain::Instansi,
) -> Naskah {
    Naskah {
        kode: "KP",
        hal: "kenaikan pangkat".into(),
        dokumen_sk: "L02",
        pembuka_pertek: format!(
            "Berdasarkan usul kenaikan pangkat dari {} untuk periode {}, setelah dilakukan \
             validasi atas berkas yang diusulkan, Badan Kepegawaian Negara memberikan \
             pertimbangan teknis bahwa kenaikan pangkat pegawai berikut dapat ditetapkan:",
            instansi.nama,
            format_indonesia(k.periode)
        ),
        pembuka_sk: "menetapkan kenaikan pangkat:".into(),
        blok: blok_pegawai(pegawai, d),
        penutup_pertek: "Pertimbangan teknis ini menjadi dasar penetapan keputusan kenaikan \
                         pangkat oleh pejabat yang berwenang."
            .into(),
    }
}

/// Who the letters name as the employee.
fn blok_pegawai(p: &siasn_domain::Pegawai, d: &DataKp) -> Vec<Blok> {
    vec![
        Blok::Baris("Nama".into(), p.nama_lengkap()),
        Blok::Baris("NIP".into(), p.nomor_induk.to_string()),
        Blok::Baris(
            "Tempat, tanggal lahir".into(),
            format!("{}, {}", p.tempat_lahir, format_indonesia(p.tanggal_lahir)),
        ),
        Blok::Baris(
            "Pangkat/golongan lama".into(),
            format!("{}, {}", d.golongan_lama.pangkat(), d.golongan_lama.label()),
        ),
        Blok::Baris(
            "Pangkat/golongan baru".into(),
            format!("{}, {}", d.golongan_baru.pangkat(), d.golongan_baru.label()),
        ),
        Blok::Baris("Terhitung mulai tanggal".into(), format_indonesia(d.tmt_kp)),
        Blok::Baris(
            "Masa kerja golongan".into(),
            format!(
                "{} tahun {} bulan",
                d.masa_kerja_golongan.tahun, d.masa_kerja_golongan.bulan
            ),
        ),
        Blok::Baris("Gaji pokok lama".into(), rupiah(d.gaji_pokok_lama)),
        Blok::Baris("Gaji pokok baru".into(), rupiah(d.gaji_pokok_baru)),
    ]
}

/// Applies the SK to the record: locks the employee, checks the rank is still the case's old
/// one, adds the riwayat golongan row (SK, pertek, jenis KP, masa kerja golongan) with the SK
/// document linked to it, refreshes the record's rank and TMT, and audits the change.
#[allow(clippy::too_many_arguments)]
pub(super) async fn terapkan(
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    d: &DataKp,
    nomor_sk: &str,
    tanggal_sk: NaiveDate,
    dokumen_sk: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let p = pegawai::kunci(tx, k.pegawai_id).await?;
    if p.golongan != Some(d.golongan_lama) {
        return Ok(Err(LangkahDitolak::DataBerubah));
    }
    let mut riwayat = pegawai::riwayat_jenis(tx, k.pegawai_id, JenisRiwayat::Golongan).await?;
    let r = Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        data: DataRiwayat::Golongan(RiwayatGolongan {
            golongan: d.golongan_baru,
            jenis_kp_id: d.jenis_kp_id.clone(),
            tmt_golongan: d.tmt_kp,
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
            nomor_pertek: k.pertek.as_ref().map(|s| s.nomor.clone()),
            tanggal_pertek: k.pertek.as_ref().map(|s| s.tanggal),
            masa_kerja_tahun: d.masa_kerja_golongan.tahun,
            masa_kerja_bulan: d.masa_kerja_golongan.bulan,
            angka_kredit_utama: d.angka_kredit,
            angka_kredit_tambahan: None,
        }),
    };
    pegawai::tambah_riwayat(tx, &r, now).await?;
    langkah_layanan::tautkan_dokumen(tx, dokumen_sk, r.id).await?;
    // The SK also sets the new base salary from the TMT (a salary row, as a KGB decree would).
    let gaji = d.gaji_pokok_baru.map(|gaji_pokok| Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        data: DataRiwayat::Gaji(siasn_domain::riwayat::RiwayatGaji {
            golongan: Some(d.golongan_baru),
            gaji_pokok,
            masa_kerja_tahun: d.masa_kerja_golongan.tahun,
            tmt_gaji: d.tmt_kp,
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
        }),
    });
    if let Some(g) = &gaji {
        pegawai::tambah_riwayat(tx, g, now).await?;
    }
    riwayat.push(r.clone());
    let baru = segarkan_cuplikan(&p, JenisRiwayat::Golongan, &riwayat);
    pegawai::simpan_data(tx, &baru, now).await?;
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan KP {}: SK {nomor_sk}", k.id));
    e.sebelum = Some(serde_json::json!({
        "golongan": p.golongan.map(|g| g.id()),
        "tmt_golongan": p.tmt_golongan,
    }));
    e.sesudah = Some(serde_json::json!({
        "golongan": r.data,
        "gaji": gaji.as_ref().map(|g| &g.data),
    }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(Ok(()))
}
