//! Electronic signatures (TTE) as use cases: the instance CA and seal, officials'
//! certificates (issued here or imported as PKCS#12), unlocking with the passphrase (counted
//! like a password), signing a document inside the caller's transaction, and checking any PDF.
//! One signing interface for every output: the card, the pertek, the SK, what comes next.
//!
//! Here: the instance CA and seal; officials' certificates in `sertifikat_pejabat`; signing in
//! `tanda_tangan`; the check of any PDF in `periksa`.

mod periksa;
mod sertifikat_pejabat;
mod tanda_tangan;

pub use periksa::{LaporanDokumen, LaporanTtd, periksa_dokumen};
pub use sertifikat_pejabat::{
    cabut, impor_pkcs12, impor_segel, percayai_akar, terbitkan_sertifikat,
};
pub use tanda_tangan::{
    DokumenBaru, DokumenBertanda, KunciTerbuka, buka_kunci, dokumen_tersimpan, kode_baru,
    kotak_surat, segelkan_sekali, tandatangani,
};

use siasn_domain::akses::Peran;
use siasn_store::StoreError;
use siasn_store::audit::{self, AuditBaru};
use siasn_store::ttd::{
    self as simpan, JenisPenanda, KunciSegel, PenandaBaru, PenandaTtd, SumberSertifikat,
};
use siasn_ttd::ca::{self, BahanKunci, SubjekPenanda};
use siasn_ttd::{KunciTtd, TtdError, sertifikat};
use uuid::Uuid;

use crate::{App, AppError, AppResult};

/// Shortest passphrase for a certificate issued here.
pub const PANJANG_FRASA_MINIMUM: usize = 10;
/// The path of the public verification page of a signed document.
pub const JALUR_VERIFIKASI: &str = "/v/";

fn gagal_ttd(e: TtdError) -> AppError {
    AppError::Ttd(e.to_string())
}

/// Whether an account may hold a signing certificate: officials who sign SKs and BKN staff
/// who sign pertek.
pub fn boleh_punya_sertifikat(peran: &[Peran]) -> bool {
    peran
        .iter()
        .any(|p| matches!(p, Peran::PejabatInstansi | Peran::VerifikatorBkn))
}

/// The instance CA; made on first use (servers racing to make it keep the one stored first).
pub async fn ca_instans(app: &App) -> AppResult<BahanKunci> {
    let (sertifikat, pkcs8) = match app.store().ttd_ca().await? {
        Some(x) => x,
        None => {
            let now = app.sekarang();
            let nama = app.konfigurasi().nama_instance.clone();
            let baru = tokio::task::spawn_blocking(move || ca::buat_ca(&nama, now))
                .await
                .map_err(|e| AppError::Ttd(e.to_string()))?
                .map_err(gagal_ttd)?;
            app.store()
                .simpan_ttd_ca_pertama(&baru.sertifikat, &baru.pkcs8, now)
                .await?
        }
    };
    Ok(BahanKunci { sertifikat, pkcs8 })
}

/// The instance CA certificate (DER), making the CA if needed.
pub async fn sertifikat_ca(app: &App) -> AppResult<Vec<u8>> {
    Ok(ca_instans(app).await?.sertifikat)
}

fn info_ke_baru(
    info: &siasn_ttd::InfoSertifikat,
    der: Vec<u8>,
    akun_id: Option<Uuid>,
    jenis: JenisPenanda,
    sumber: SumberSertifikat,
    oleh: String,
) -> PenandaBaru {
    PenandaBaru {
        id: Uuid::now_v7(),
        akun_id,
        jenis,
        sumber,
        nama: info.nama.clone(),
        nomor_identitas: info.nomor_identitas.clone(),
        jabatan: info.jabatan.clone(),
        penerbit: info.nama_penerbit.clone(),
        serial: info.serial.clone(),
        sidik_jari: info.sidik_jari.clone(),
        sertifikat: der,
        berlaku_mulai: info.berlaku_mulai,
        berlaku_sampai: info.berlaku_sampai,
        pkcs12: None,
        kunci_privat: None,
        dibuat_oleh: oleh,
    }
}

/// The instance seal that signs card PDFs; issued by the instance CA on first use when the
/// instance uses its CA. None when the instance has neither (PKCS#12-only, no seal imported).
pub async fn segel(app: &App) -> AppResult<Option<(PenandaTtd, KunciTtd)>> {
    let tersimpan = match app.store().segel().await? {
        Some(s) => Some(s),
        None if app.konfigurasi().ttd_ca_instans => {
            let ca = ca_instans(app).await?;
            let now = app.sekarang();
            let subjek = SubjekPenanda {
                nama: format!("Segel Elektronik {}", app.konfigurasi().nama_instance),
                nomor_identitas: None,
                jabatan: None,
                organisasi: app.konfigurasi().nama_instance.clone(),
            };
            let bahan = ca::terbitkan(&ca, &subjek, now, 365 * 5).map_err(gagal_ttd)?;
            let info = sertifikat::baca(&bahan.sertifikat).map_err(gagal_ttd)?;
            let mut p = info_ke_baru(
                &info,
                bahan.sertifikat.clone(),
                None,
                JenisPenanda::Segel,
                SumberSertifikat::CaInstans,
                "sistem".into(),
            );
            p.kunci_privat = Some(bahan.pkcs8.clone());
            let mut tx = app.store().begin().await?;
            match simpan::simpan_penanda(&mut tx, &p, now).await {
                Ok(()) => {
                    let e = AuditBaru {
                        aktor: "sistem".into(),
                        aksi: "ttd.segel.diterbitkan".into(),
                        sesudah: Some(serde_json::json!({ "sidik_jari": p.sidik_jari })),
                        ..AuditBaru::default()
                    };
                    audit::tulis(&mut tx, vec![e], now).await?;
                    tx.commit().await?;
                }
                // Another server made it first.
                Err(StoreError::Conflict(_)) => tx.rollback().await?,
                Err(e) => return Err(e.into()),
            }
            app.store().segel().await?
        }
        None => None,
    };
    let Some((p, kunci)) = tersimpan else {
        return Ok(None);
    };
    let kunci = match kunci {
        KunciSegel::Pkcs8(pkcs8) => {
            let mut rantai = vec![p.sertifikat.clone()];
            if p.sumber == SumberSertifikat::CaInstans.kode() {
                rantai.push(ca_instans(app).await?.sertifikat);
            }
            KunciTtd::dari_pkcs8(&pkcs8, rantai).map_err(gagal_ttd)?
        }
        // An imported seal opens with the passphrase from the server's configuration.
        KunciSegel::Pkcs12(p12) => {
            let frasa = app.konfigurasi().ttd_frasa_segel.clone().ok_or_else(|| {
                AppError::Ttd(
                    "passphrase segel belum dikonfigurasi (SIASN_SIGNATURE_SEAL_PASSPHRASE)".into(),
                )
            })?;
            tokio::task::spawn_blocking(move || KunciTtd::buka_pkcs12(&p12, &frasa))
                .await
                .map_err(|e| AppError::Ttd(e.to_string()))?
                .map_err(gagal_ttd)?
        }
    };
    Ok(Some((p, kunci)))
}

/// The public verification address of a signed document.
pub fn url_verifikasi(app: &App, kode: &str) -> String {
    format!("{}{JALUR_VERIFIKASI}{kode}", app.url_dasar())
}
