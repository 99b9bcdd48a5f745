//! API saves sent without their supporting document (decision 0015): the user's draft waits,
//! and `upload-dok-rw` naming its row brings the document, attaches it and, when it is of an
//! accepted type, submits and approves the proposal at the agency stage in ONE transaction.

use siasn_domain::klien_api::KlienApi;
use siasn_domain::klien_api::UnggahanApi;
use siasn_domain::usulan::{Konflik, Perubahan, StatusUsulan, Usulan};
use siasn_store::usulan::Pindah;
use siasn_store::{audit, klien_api, pegawai};
use uuid::Uuid;

use super::api::{BerkasApi, Persetujuan, dokumen_arsip, setujui_tahap_instansi, unggahan_baru};
use crate::{Aktor, App, AppResult};

/// The user's draft, saved through the API, that waits for a document for the row `id_riwayat`
/// names: the new row's id (the proposal's own), or the existing row a correction targets.
pub async fn usulan_menunggu_dokumen(
    app: &App,
    aktor: &Aktor,
    id_riwayat: Uuid,
) -> AppResult<Option<Usulan>> {
    let akun = aktor.akun_id();
    let menunggu = |u: &Usulan| u.status == StatusUsulan::Draf && u.pengusul_akun_id == akun;
    match app
        .store()
        .usulan_terlihat(id_riwayat, akun, &aktor.pelaku.cakupan_baca())
        .await
    {
        Ok(u) if menunggu(&u) && matches!(u.perubahan, Perubahan::TambahRiwayat { .. }) => {
            return Ok(Some(u));
        }
        Ok(_) | Err(siasn_store::StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    // A correction waits under its own id; find it among the user's recent drafts.
    for r in app.store().usulan_saya(None, akun, 200).await? {
        if r.status != StatusUsulan::Draf {
            continue;
        }
        let u = app.store().usulan(r.id).await?;
        if menunggu(&u)
            && matches!(u.perubahan, Perubahan::UbahRiwayat { riwayat_id, .. } if riwayat_id == id_riwayat)
        {
            return Ok(Some(u));
        }
    }
    Ok(None)
}

/// What a document sent for a waiting save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilLampiranApi {
    /// Attached; the change went on as a save with its document would have.
    Lanjut {
        /// The stored upload.
        unggahan: UnggahanApi,
        /// The archive document.
        dokumen_id: Uuid,
        /// Where the change is now: `Selesai` (applied) or `MenungguBkn`.
        status: StatusUsulan,
    },
    /// Attached, but not of a type the change accepts: it still waits.
    MasihMenunggu {
        /// The stored upload.
        unggahan: UnggahanApi,
        /// The archive document.
        dokumen_id: Uuid,
        /// Accepted document types.
        wajib: Vec<String>,
    },
    /// The record changed meanwhile: nothing saved.
    Konflik(Vec<Konflik>),
    /// Someone acted on the proposal at the same moment: nothing saved.
    Bersamaan,
}

/// A document for a save that waits for it: filed in the employee's archive and attached to
/// the proposal; when it is of an accepted type the proposal is submitted and approved at the
/// agency stage, all in ONE transaction with the audit (as if the save had carried it).
pub async fn lampirkan_ke_usulan_api(
    app: &App,
    aktor: &Aktor,
    klien: &KlienApi,
    b: &BerkasApi,
    u: &Usulan,
) -> AppResult<HasilLampiranApi> {
    let kewenangan = app.store().kewenangan().await?;
    let mut jenis: Vec<String> = app
        .store()
        .lampiran_usulan(u.id)
        .await?
        .into_iter()
        .map(|l| l.dokumen.jenis_dokumen_id)
        .collect();
    jenis.push(b.jenis_dokumen_id.clone());
    let cukup = u.perubahan.dokumen_cukup(&kewenangan, &jenis);
    let now = app.sekarang();
    let unggahan = unggahan_baru(app, klien, b).await?;
    let d = dokumen_arsip(&unggahan, u.pegawai_id, None, aktor);
    let mut tx = app.store().begin().await?;
    klien_api::simpan_unggahan(&mut tx, &unggahan).await?;
    pegawai::simpan_dokumen(&mut tx, std::slice::from_ref(&d)).await?;
    siasn_store::usulan::lampirkan(&mut tx, u.id, u.pegawai_id, &[d.id]).await?;
    let mut e = aktor.audit("dokumen.dilampirkan");
    e.akun_id = None;
    e.pegawai_id = Some(u.pegawai_id);
    e.alasan = Some(format!(
        "{} via API: upload-dok-rw untuk usulan {}",
        klien.nama, u.id
    ));
    e.sesudah =
        Some(serde_json::json!({ "usulan_id": u.id, "jenis_dokumen_id": d.jenis_dokumen_id }));
    audit::tulis(&mut tx, vec![e], now).await?;
    if !cukup {
        tx.commit().await?;
        return Ok(HasilLampiranApi::MasihMenunggu {
            unggahan,
            dokumen_id: d.id,
            wajib: u.perubahan.dokumen_wajib(&kewenangan),
        });
    }
    let ajukan = Pindah {
        usulan_id: u.id,
        versi: u.versi,
        dari: StatusUsulan::Draf,
        ke: StatusUsulan::Diajukan,
    };
    let Some((pegawai_id, putaran, kode)) =
        siasn_store::usulan::langkah_pengusul(&mut tx, ajukan, now).await?
    else {
        tx.rollback().await?;
        return Ok(HasilLampiranApi::Bersamaan);
    };
    super::ajukan::selesaikan_langkah(
        &mut tx, app, aktor, u.id, putaran, pegawai_id, &kode, "AJUKAN", ajukan, now,
    )
    .await?;
    let status =
        match setujui_tahap_instansi(&mut tx, app, aktor, u.id, u.versi + 1, u.rute, now).await? {
            Persetujuan::Berhasil(s) => s,
            Persetujuan::Konflik(k) => {
                tx.rollback().await?;
                return Ok(HasilLampiranApi::Konflik(k));
            }
            Persetujuan::Bersamaan => {
                tx.rollback().await?;
                return Ok(HasilLampiranApi::Bersamaan);
            }
        };
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLampiranApi::Lanjut {
        unggahan,
        dokumen_id: d.id,
        status,
    })
}
