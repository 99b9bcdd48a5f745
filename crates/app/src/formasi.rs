//! The formasi register as the agency keeps it: each post's planned holders beside its
//! occupancy, read by the agency's staff and set by its operator, every change audited with
//! its reason in the same transaction.

use siasn_domain::akses::Peran;
pub use siasn_domain::formasi::FormasiDitolak;
use siasn_domain::formasi::periksa_perubahan;
pub use siasn_store::formasi::BarisFormasi;
use siasn_store::formasi::atur_formasi;
use siasn_store::{StoreError, audit};
use uuid::Uuid;

use crate::pegawai::instansi_dalam_cakupan;
use crate::{Aktor, App, AppError, AppResult};

/// An agency's posts: in the register or held by someone, with planned and actual holders.
pub async fn daftar(app: &App, aktor: &Aktor, instansi_id: &str) -> AppResult<Vec<BarisFormasi>> {
    let instansi = instansi_dalam_cakupan(app, aktor, instansi_id).await?;
    Ok(app.store().daftar_formasi(&instansi.id).await?)
}

/// Sets how many holders a post of the agency is planned for, as the agency's operator.
pub async fn atur(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
    unor_id: Uuid,
    jabatan_id: &str,
    kebutuhan: u32,
    alasan: &str,
) -> AppResult<Result<(), FormasiDitolak>> {
    let operator = aktor.pelaku.peran.iter().any(|g| {
        g.peran == Peran::OperatorInstansi && g.instansi_id.as_deref() == Some(instansi_id)
    });
    if !operator {
        return Err(AppError::Dilarang);
    }
    if let Err(e) = periksa_perubahan(jabatan_id, kebutuhan, alasan) {
        return Ok(Err(e));
    }
    let (jabatan_id, alasan) = (jabatan_id.trim(), alasan.trim());
    match app.store().unor(unor_id).await {
        Ok(u) if u.instansi_id == instansi_id => {}
        Ok(_) | Err(StoreError::NotFound) => return Ok(Err(FormasiDitolak::UnorLain)),
        Err(e) => return Err(e.into()),
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let lama = atur_formasi(&mut tx, instansi_id, unor_id, jabatan_id, kebutuhan, now).await?;
    let mut e = aktor.audit("formasi.diubah");
    e.pegawai_id = None;
    e.alasan = Some(alasan.chars().take(500).collect());
    let pos = serde_json::json!({
        "instansi_id": instansi_id,
        "unor_id": unor_id,
        "jabatan_id": jabatan_id,
    });
    e.sebelum = Some(serde_json::json!({ "formasi": pos, "kebutuhan": lama }));
    e.sesudah = Some(serde_json::json!({ "formasi": pos, "kebutuhan": kebutuhan }));
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
