//! Officials' certificates and trusted roots: issued by the instance CA, imported as PKCS#12,
//! revoked; the imported instance seal.

use siasn_domain::akses::Peran;
use siasn_domain::ttd::AlasanTtd;
use siasn_store::StoreError;
use siasn_store::audit::{self, AuditBaru};
use siasn_store::ttd::{
    self as simpan, AkarTtd, JenisPenanda, PenandaBaru, PenandaTtd, SumberSertifikat,
};
use siasn_ttd::ca::{self, SubjekPenanda};
use siasn_ttd::{KunciTtd, TtdError, sertifikat};
use uuid::Uuid;

use crate::{App, AppError, AppResult};

use super::{PANJANG_FRASA_MINIMUM, boleh_punya_sertifikat, ca_instans, gagal_ttd, info_ke_baru};

/// Days a certificate issued by the instance CA is valid.
const HARI_SERTIFIKAT: i64 = 365 * 2;

/// Opens an imported PKCS#12 to check it: it opens with `frasa`, holds a key with its
/// certificate, and the certificate is valid now.
async fn buka_impor(
    app: &App,
    p12: &[u8],
    frasa: &str,
) -> AppResult<Result<(KunciTtd, siasn_ttd::InfoSertifikat), AlasanTtd>> {
    let (p12, frasa) = (p12.to_vec(), frasa.to_string());
    let buka = tokio::task::spawn_blocking(move || KunciTtd::buka_pkcs12(&p12, &frasa))
        .await
        .map_err(|e| AppError::Ttd(e.to_string()))?;
    let kunci = match buka {
        Ok(k) => k,
        Err(TtdError::FrasaSalah) => return Ok(Err(AlasanTtd::FrasaSalah { sisa: 0 })),
        Err(TtdError::BukanPkcs12) => return Ok(Err(AlasanTtd::BukanPkcs12)),
        Err(_) => return Ok(Err(AlasanTtd::SertifikatTidakSah)),
    };
    let Ok(info) = sertifikat::baca(kunci.sertifikat()) else {
        return Ok(Err(AlasanTtd::SertifikatTidakSah));
    };
    if app.sekarang() > info.berlaku_sampai {
        return Ok(Err(AlasanTtd::Kedaluwarsa));
    }
    Ok(Ok((kunci, info)))
}

/// Imports the instance seal as PKCS#12 (an instance with government certificates): the file
/// is stored as it came; its passphrase lives in the server's configuration
/// (`SIASN_SIGNATURE_SEAL_PASSPHRASE`), not in the database. Replaces a live seal.
pub async fn impor_segel(
    app: &App,
    oleh: &str,
    p12: Vec<u8>,
    frasa: &str,
) -> AppResult<Result<PenandaTtd, AlasanTtd>> {
    let (kunci, info) = match buka_impor(app, &p12, frasa).await? {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    let now = app.sekarang();
    let mut p = info_ke_baru(
        &info,
        kunci.sertifikat().to_vec(),
        None,
        JenisPenanda::Segel,
        SumberSertifikat::Pkcs12,
        oleh.to_string(),
    );
    p.pkcs12 = Some(p12);
    let mut tx = app.store().begin().await?;
    if let Some((lama, _)) = app.store().segel().await? {
        simpan::cabut(&mut tx, lama.id, "diganti segel impor", now).await?;
    }
    simpan::simpan_penanda(&mut tx, &p, now).await?;
    let e = AuditBaru {
        aktor: oleh.to_string(),
        aksi: "ttd.segel.diimpor".into(),
        sesudah: Some(serde_json::json!({ "sidik_jari": p.sidik_jari, "penerbit": p.penerbit })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(app.store().penanda(p.id).await?))
}

/// What an official's certificate needs from the account.
async fn pemilik(
    app: &App,
    akun_id: Uuid,
) -> AppResult<Result<siasn_domain::akun::Akun, AlasanTtd>> {
    let akun = app
        .store()
        .akun(akun_id)
        .await
        .map_err(AppError::dari_store)?;
    let peran: Vec<Peran> = akun.peran.iter().map(|p| p.peran).collect();
    if !boleh_punya_sertifikat(&peran) {
        return Ok(Err(AlasanTtd::BukanPejabat));
    }
    Ok(Ok(akun))
}

async fn simpan_baru(
    app: &App,
    p: &PenandaBaru,
    aksi: &str,
) -> AppResult<Result<PenandaTtd, AlasanTtd>> {
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    match simpan::simpan_penanda(&mut tx, p, now).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            tx.rollback().await?;
            return Err(AppError::SudahBerubah);
        }
        Err(e) => return Err(e.into()),
    }
    let e = AuditBaru {
        aktor: p.dibuat_oleh.clone(),
        aksi: aksi.into(),
        akun_id: p.akun_id,
        sesudah: Some(serde_json::json!({
            "penanda_id": p.id,
            "sidik_jari": p.sidik_jari,
            "serial": p.serial,
            "penerbit": p.penerbit,
            "berlaku_sampai": p.berlaku_sampai,
        })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(app.store().penanda(p.id).await?))
}

/// Issues an official a certificate from the instance CA; the new key is kept only inside a
/// PKCS#12 container encrypted with `frasa`. Refused when the instance does not use its CA.
/// A live certificate of the account is a conflict (revoke it first).
pub async fn terbitkan_sertifikat(
    app: &App,
    oleh: &str,
    akun_id: Uuid,
    jabatan: Option<&str>,
    frasa: &str,
) -> AppResult<Result<PenandaTtd, AlasanTtd>> {
    if !app.konfigurasi().ttd_ca_instans {
        return Ok(Err(AlasanTtd::TanpaCaInstans));
    }
    if frasa.chars().count() < PANJANG_FRASA_MINIMUM {
        return Ok(Err(AlasanTtd::FrasaPendek {
            minimal: PANJANG_FRASA_MINIMUM,
        }));
    }
    let akun = match pemilik(app, akun_id).await? {
        Ok(a) => a,
        Err(e) => return Ok(Err(e)),
    };
    let nip = match akun.pegawai_id {
        Some(id) => Some(
            app.store()
                .pegawai(id)
                .await?
                .nomor_induk
                .as_str()
                .to_string(),
        ),
        None => None,
    };
    let ca = ca_instans(app).await?;
    let now = app.sekarang();
    let subjek = SubjekPenanda {
        nama: akun.nama.clone(),
        nomor_identitas: nip,
        jabatan: jabatan.map(str::to_string).filter(|j| !j.trim().is_empty()),
        organisasi: app.konfigurasi().nama_instance.clone(),
    };
    let frasa = frasa.to_string();
    let (bahan, p12) = tokio::task::spawn_blocking(move || {
        let bahan = ca::terbitkan(&ca, &subjek, now, HARI_SERTIFIKAT)?;
        let p12 = siasn_ttd::kunci::bungkus_pkcs12(
            &bahan.pkcs8,
            &[bahan.sertifikat.clone(), ca.sertifikat.clone()],
            &subjek.nama,
            &frasa,
        )?;
        Ok::<_, TtdError>((bahan, p12))
    })
    .await
    .map_err(|e| AppError::Ttd(e.to_string()))?
    .map_err(gagal_ttd)?;
    let info = sertifikat::baca(&bahan.sertifikat).map_err(gagal_ttd)?;
    let mut p = info_ke_baru(
        &info,
        bahan.sertifikat,
        Some(akun_id),
        JenisPenanda::Pejabat,
        SumberSertifikat::CaInstans,
        oleh.to_string(),
    );
    p.pkcs12 = Some(p12);
    simpan_baru(app, &p, "ttd.sertifikat.diterbitkan").await
}

/// Imports an official's PKCS#12 (e.g. from BSrE): it must open with `frasa`, hold a key with
/// its certificate, and be valid now. The container is stored as it came (still encrypted by
/// its passphrase); the passphrase is not kept.
pub async fn impor_pkcs12(
    app: &App,
    oleh: &str,
    akun_id: Uuid,
    p12: Vec<u8>,
    frasa: &str,
) -> AppResult<Result<PenandaTtd, AlasanTtd>> {
    if let Err(e) = pemilik(app, akun_id).await? {
        return Ok(Err(e));
    }
    let (kunci, info) = match buka_impor(app, &p12, frasa).await? {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    let mut p = info_ke_baru(
        &info,
        kunci.sertifikat().to_vec(),
        Some(akun_id),
        JenisPenanda::Pejabat,
        SumberSertifikat::Pkcs12,
        oleh.to_string(),
    );
    p.pkcs12 = Some(p12);
    simpan_baru(app, &p, "ttd.sertifikat.diimpor").await
}

/// Revokes a certificate (audited). False when it was not live.
pub async fn cabut(app: &App, oleh: &str, id: Uuid, alasan: &str) -> AppResult<bool> {
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    if !simpan::cabut(&mut tx, id, alasan, now).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let e = AuditBaru {
        aktor: oleh.to_string(),
        aksi: "ttd.sertifikat.dicabut".into(),
        sesudah: Some(serde_json::json!({ "penanda_id": id, "alasan": alasan })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Trusts a root certificate (PEM or DER) besides the instance CA, e.g. the BSrE root.
pub async fn percayai_akar(app: &App, oleh: &str, isi: &[u8]) -> AppResult<AkarTtd> {
    let der = sertifikat::dari_pem_atau_der(isi).map_err(gagal_ttd)?;
    let info = sertifikat::baca(&der).map_err(gagal_ttd)?;
    let now = app.sekarang();
    let a = AkarTtd {
        sidik_jari: info.sidik_jari.clone(),
        nama: info.nama.clone(),
        sertifikat: der,
        ditambahkan_pada: now,
    };
    let mut tx = app.store().begin().await?;
    simpan::simpan_akar(&mut tx, &a, oleh).await?;
    let e = AuditBaru {
        aktor: oleh.to_string(),
        aksi: "ttd.akar.dipercaya".into(),
        sesudah: Some(serde_json::json!({ "sidik_jari": a.sidik_jari, "nama": a.nama })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(a)
}
