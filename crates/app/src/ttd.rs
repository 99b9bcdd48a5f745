//! Electronic signatures (TTE) as use cases: the instance CA and seal, officials'
//! certificates (issued here or imported as PKCS#12), unlocking with the passphrase (counted
//! like a password), signing a document inside the caller's transaction, and checking any PDF.
//! One signing interface for every output: the card, the pertek, the SK, what comes next.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use siasn_domain::akses::Peran;
use siasn_domain::ttd::{AlasanTtd, KeadaanSertifikat, StatusSertifikat, boleh_menandatangani};
use siasn_store::audit::{self, AuditBaru};
use siasn_store::ttd::{
    self as simpan, AkarTtd, DokumenTtd, JenisPenanda, KunciSegel, PenandaBaru, PenandaTtd,
    SumberSertifikat,
};
use siasn_store::{StoreError, Tx};
use siasn_ttd::ca::{self, BahanKunci, SubjekPenanda};
use siasn_ttd::pdf::{Kotak, Tampilan};
use siasn_ttd::{HasilTandaTangan, KunciTtd, TtdError, sertifikat};
use uuid::Uuid;

use crate::rahasia::acak;
use crate::{Aktor, App, AppError, AppResult};

/// Days a certificate issued by the instance CA is valid.
const HARI_SERTIFIKAT: i64 = 365 * 2;
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

/// An official's key, unlocked for one signing.
pub struct KunciTerbuka {
    /// The certificate's record.
    pub penanda: PenandaTtd,
    kunci: KunciTtd,
}

impl std::fmt::Debug for KunciTerbuka {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KunciTerbuka")
            .field("penanda", &self.penanda.id)
            .finish_non_exhaustive()
    }
}

/// Unlocks the actor's certificate with the passphrase. A wrong passphrase counts toward a
/// lock like a password (the count and the lock are stored and audited at once).
pub async fn buka_kunci(
    app: &App,
    aktor: &Aktor,
    frasa: &str,
) -> AppResult<Result<KunciTerbuka, AlasanTtd>> {
    if frasa.is_empty() {
        return Ok(Err(AlasanTtd::FrasaKosong));
    }
    let Some((penanda, p12)) = app.store().penanda_akun(aktor.pelaku.akun_id).await? else {
        return Ok(Err(AlasanTtd::TanpaSertifikat));
    };
    let now = app.sekarang();
    let keadaan = KeadaanSertifikat {
        berlaku_mulai: penanda.berlaku_mulai,
        berlaku_sampai: penanda.berlaku_sampai,
        dicabut_pada: penanda.dicabut_pada,
        terkunci_sampai: penanda.terkunci_sampai,
    };
    if let Err(e) = boleh_menandatangani(&keadaan, now) {
        return Ok(Err(e));
    }
    let frasa_salin = frasa.to_string();
    let buka = tokio::task::spawn_blocking(move || KunciTtd::buka_pkcs12(&p12, &frasa_salin))
        .await
        .map_err(|e| AppError::Ttd(e.to_string()))?;
    let mut kunci = match buka {
        Ok(k) => k,
        Err(TtdError::FrasaSalah) => {
            let batas = app.konfigurasi().gagal_sebelum_kunci;
            let sampai = now + Duration::minutes(app.konfigurasi().kunci_menit);
            let mut tx = app.store().begin().await?;
            let n = simpan::catat_gagal(&mut tx, penanda.id, batas, sampai).await?;
            let mut e = aktor.audit("ttd.frasa_salah");
            e.sesudah = Some(serde_json::json!({ "penanda_id": penanda.id, "gagal": n }));
            audit::tulis(&mut tx, vec![e], now).await?;
            tx.commit().await?;
            return Ok(Err(if n >= batas {
                AlasanTtd::Terkunci { sampai }
            } else {
                AlasanTtd::FrasaSalah { sisa: batas - n }
            }));
        }
        Err(_) => return Ok(Err(AlasanTtd::SertifikatTidakSah)),
    };
    // The stored certificate must be the one in the container (a container swapped in the
    // database would sign under another name).
    if kunci.sertifikat() != penanda.sertifikat.as_slice() {
        return Ok(Err(AlasanTtd::SertifikatTidakSah));
    }
    if penanda.sumber == SumberSertifikat::CaInstans.kode() && kunci.rantai().len() < 2 {
        let ca = ca_instans(app).await?;
        kunci = kunci.tambah_rantai(vec![ca.sertifikat]);
    }
    Ok(Ok(KunciTerbuka { penanda, kunci }))
}

/// A new random code for a document's QR (32 hex characters).
pub fn kode_baru() -> String {
    hex::encode(acak(16))
}

/// The visible signature's box on a letter, from the letter's layout (millimetres from the
/// top-left) to PDF points from the bottom-left of the A4 page.
pub fn kotak_surat(s: &siasn_card::surat::IsiSurat) -> Kotak {
    let k = siasn_card::surat::kotak_ttd(s);
    let pt = 72.0 / 25.4;
    Kotak {
        halaman: 1,
        x: k.x_mm * pt,
        y: (297.0 - k.y_mm - k.tinggi_mm) * pt,
        lebar: k.lebar_mm * pt,
        tinggi: k.tinggi_mm * pt,
    }
}

/// A document to sign and record.
#[derive(Debug, Clone)]
pub struct DokumenBaru {
    /// The code its QR carries ([`kode_baru`]; the letter may print it too).
    pub kode: String,
    /// KARTU, PERTEK, SK.
    pub jenis: &'static str,
    /// Title ("Pertimbangan teknis kenaikan pangkat").
    pub judul: String,
    /// Letter number, if any.
    pub nomor: Option<String>,
    /// Subject employee.
    pub pegawai_id: Option<Uuid>,
    /// Service case.
    pub layanan_id: Option<Uuid>,
    /// Name of an on-demand document (signed once, served again).
    pub rujukan: Option<String>,
    /// Reason shown in the signature.
    pub alasan: String,
    /// The signer's position as shown.
    pub jabatan: String,
    /// The visible box; none for an invisible signature.
    pub kotak: Option<Kotak>,
}

/// A signed document with the code its QR carries.
#[derive(Debug, Clone)]
pub struct DokumenBertanda {
    /// The signed PDF.
    pub pdf: Vec<u8>,
    /// The code in the QR (and the verification address's last part).
    pub kode: String,
    /// SHA-256 of the signed PDF, hex.
    pub sha256: String,
}

async fn tandatangani_dengan(
    app: &App,
    tx: &mut Tx,
    penanda: &PenandaTtd,
    kunci: KunciTtd,
    pdf: Vec<u8>,
    d: DokumenBaru,
) -> AppResult<(DokumenBertanda, KunciTtd)> {
    let now = app.sekarang();
    let kode = d.kode.clone();
    let tampilan = Tampilan {
        nama: penanda.nama.clone(),
        jabatan: d.jabatan.clone(),
        nomor_identitas: penanda.nomor_identitas.clone(),
        penerbit: penanda.penerbit.clone(),
        alasan: d.alasan.clone(),
        lokasi: app.konfigurasi().nama_instance.clone(),
        url_verifikasi: url_verifikasi(app, &kode),
        kotak: d.kotak,
    };
    let tsa = app.konfigurasi().ttd_tsa_url.clone();
    let ruang = if tsa.is_some() {
        siasn_ttd::pdf::RUANG_STEMPEL
    } else {
        0
    };
    let (persiapan, kunci) = tokio::task::spawn_blocking(move || {
        let r = siasn_ttd::pdf::siapkan(&pdf, &kunci, &tampilan, now, ruang);
        r.map(|p| (p, kunci))
    })
    .await
    .map_err(|e| AppError::Ttd(e.to_string()))?
    .map_err(gagal_ttd)?;
    let token = match &tsa {
        Some(url) => Some(minta_stempel(url, persiapan.nilai_tanda_tangan()).await?),
        None => None,
    };
    let pdf = persiapan.selesaikan(token.as_deref()).map_err(gagal_ttd)?;
    let sha256 = hex::encode(Sha256::digest(&pdf));
    let e = AuditBaru {
        aktor: format!("penanda:{}", penanda.id),
        aksi: "dokumen.ditandatangani".into(),
        pegawai_id: d.pegawai_id,
        akun_id: penanda.akun_id,
        sesudah: Some(serde_json::json!({
            "kode": kode,
            "jenis": d.jenis,
            "nomor": d.nomor,
            "sha256": sha256,
            "sertifikat": penanda.sidik_jari,
            "stempel_waktu": token.is_some(),
        })),
        ..AuditBaru::default()
    };
    audit::tulis(tx, vec![e], now).await?;
    simpan::simpan_dokumen(
        tx,
        &DokumenTtd {
            kode: kode.clone(),
            sha256: sha256.clone(),
            jenis: d.jenis.to_string(),
            judul: d.judul,
            nomor: d.nomor,
            pegawai_id: d.pegawai_id,
            layanan_id: d.layanan_id,
            rujukan: d.rujukan,
            penanda_id: penanda.id,
            ditandatangani_pada: now,
        },
    )
    .await?;
    Ok((DokumenBertanda { pdf, kode, sha256 }, kunci))
}

/// Seconds a timestamp authority may take to answer.
const TSA_DETIK: u64 = 10;

/// Asks the configured timestamp authority (RFC 3161 over HTTP) to stamp a signature value.
/// A configured TSA that does not answer stops the signing: a B-T instance never issues a
/// signature without its timestamp.
async fn minta_stempel(url: &str, nilai: &[u8]) -> AppResult<Vec<u8>> {
    let minta = siasn_ttd::stempel::permintaan(nilai).map_err(gagal_ttd)?;
    let gagal = |e: String| AppError::Ttd(format!("stempel waktu (TSA): {e}"));
    let klien = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(TSA_DETIK))
        .build()
        .map_err(|e| gagal(e.to_string()))?;
    let r = klien
        .post(url)
        .header("content-type", "application/timestamp-query")
        .body(minta.der.clone())
        .send()
        .await
        .map_err(|e| gagal(e.to_string()))?;
    if !r.status().is_success() {
        return Err(gagal(format!("HTTP {}", r.status())));
    }
    let isi = r.bytes().await.map_err(|e| gagal(e.to_string()))?;
    siasn_ttd::stempel::baca_jawaban(&minta, &isi).map_err(|e| gagal(e.to_string()))
}

/// Signs `pdf` with the unlocked key and records it in `tx` (the caller's transaction: the
/// document exists only if the step that needed it commits). Clears the passphrase count.
pub async fn tandatangani(
    app: &App,
    tx: &mut Tx,
    terbuka: KunciTerbuka,
    pdf: Vec<u8>,
    d: DokumenBaru,
) -> AppResult<DokumenBertanda> {
    simpan::catat_berhasil(tx, terbuka.penanda.id).await?;
    let (hasil, _) = tandatangani_dengan(app, tx, &terbuka.penanda, terbuka.kunci, pdf, d).await?;
    Ok(hasil)
}

/// The public verification address of a signed document.
pub fn url_verifikasi(app: &App, kode: &str) -> String {
    format!("{}{JALUR_VERIFIKASI}{kode}", app.url_dasar())
}

/// One signature of a checked PDF, judged against this instance's records.
#[derive(Debug, Clone)]
pub struct LaporanTtd {
    /// What the file itself says.
    pub hasil: HasilTandaTangan,
    /// The chain ends at a root this instance trusts; its name.
    pub akar_dipercaya: Option<String>,
    /// The certificate's state at the signing time, when this instance knows it; otherwise
    /// only its validity is judged.
    pub status: StatusSertifikat,
    /// The certificate is one this instance holds.
    pub dikenal: bool,
}

impl LaporanTtd {
    /// Valid: intact, covering the file, trusted, valid and unrevoked when it signed.
    pub fn sah(&self) -> bool {
        self.hasil.utuh
            && self.akar_dipercaya.is_some()
            && matches!(
                self.status,
                StatusSertifikat::Berlaku | StatusSertifikat::DicabutSesudah
            )
    }
}

/// A checked PDF.
#[derive(Debug, Clone)]
pub struct LaporanDokumen {
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Every signature in it.
    pub tanda_tangan: Vec<LaporanTtd>,
    /// The document this instance issued with exactly these bytes, if any.
    pub terbitan: Option<DokumenTtd>,
}

impl LaporanDokumen {
    /// The whole verdict: at least one signature, all valid, the last covering the whole
    /// file (nothing added after signing).
    pub fn sah(&self) -> bool {
        !self.tanda_tangan.is_empty()
            && self.tanda_tangan.iter().all(LaporanTtd::sah)
            && self
                .tanda_tangan
                .last()
                .is_some_and(|t| t.hasil.menutup_seluruh)
    }
}

/// Checks any PDF: every signature against the trusted roots (the instance CA and those
/// imported) and this instance's revocations, and whether the file is a copy it issued.
/// `Ok(None)` when the file is not a PDF.
pub async fn periksa_dokumen(app: &App, pdf: Vec<u8>) -> AppResult<Option<LaporanDokumen>> {
    let sha256 = hex::encode(Sha256::digest(&pdf));
    let hasil = tokio::task::spawn_blocking(move || siasn_ttd::periksa_pdf(&pdf))
        .await
        .map_err(|e| AppError::Ttd(e.to_string()))?;
    let Ok(hasil) = hasil else {
        return Ok(None);
    };
    let mut akar: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some((der, _)) = app.store().ttd_ca().await? {
        let nama = sertifikat::baca(&der).map(|i| i.nama).unwrap_or_default();
        akar.push((nama, der));
    }
    for a in app.store().akar_ttd().await? {
        akar.push((a.nama, a.sertifikat));
    }
    let mut laporan = Vec::new();
    for h in hasil {
        let akar_dipercaya = akar
            .iter()
            .find(|(_, der)| siasn_ttd::periksa::berakar_pada(&h, der))
            .map(|(n, _)| n.clone());
        // A valid timestamp is the time that counts; else the signer's claim.
        let waktu = h
            .stempel
            .as_ref()
            .filter(|s| s.sah)
            .map(|s| s.waktu)
            .or(h.waktu)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let dikenal = match &h.penanda {
            Some(p) => app.store().penanda_sidik_jari(&p.sidik_jari).await?,
            None => None,
        };
        let status = match (&dikenal, &h.penanda) {
            (Some(d), _) => siasn_domain::ttd::status_pada(
                d.berlaku_mulai,
                d.berlaku_sampai,
                d.dicabut_pada,
                waktu,
            ),
            (None, Some(p)) => {
                siasn_domain::ttd::status_pada(p.berlaku_mulai, p.berlaku_sampai, None, waktu)
            }
            (None, None) => StatusSertifikat::TidakBerlaku,
        };
        laporan.push(LaporanTtd {
            hasil: h,
            akar_dipercaya,
            status,
            dikenal: dikenal.is_some(),
        });
    }
    let terbitan = app.store().dokumen_ttd_sha256(&sha256).await?;
    Ok(Some(LaporanDokumen {
        sha256,
        tanda_tangan: laporan,
        terbitan,
    }))
}

/// A document made on demand and signed before (a card PDF), by its name: the stored copy.
pub async fn dokumen_tersimpan(app: &App, rujukan: &str) -> AppResult<Option<Vec<u8>>> {
    match app.store().dokumen_ttd_rujukan(rujukan).await? {
        Some(d) => Ok(Some(app.store().blobs().get(&d.sha256).await?)),
        None => Ok(None),
    }
}

/// Seals an on-demand document (a card PDF) once: signed with the instance seal, stored
/// content-addressed and recorded under `rujukan`; a second request gets the same bytes.
/// Without a seal (a PKCS#12-only instance) the PDF is returned as rendered.
pub async fn segelkan_sekali(
    app: &App,
    rujukan: &str,
    jenis: &'static str,
    judul: &str,
    pegawai_id: Uuid,
    pdf: Vec<u8>,
) -> AppResult<Vec<u8>> {
    // The seal first: making it writes in its own transaction (one writer on SQLite).
    let Some((penanda, kunci)) = segel(app).await? else {
        return Ok(pdf);
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let d = DokumenBaru {
        kode: kode_baru(),
        jenis,
        judul: judul.to_string(),
        nomor: None,
        pegawai_id: Some(pegawai_id),
        layanan_id: None,
        rujukan: Some(rujukan.to_string()),
        alasan: judul.to_string(),
        jabatan: app.konfigurasi().nama_instance.clone(),
        kotak: None,
    };
    let bertanda = match tandatangani_dengan(app, &mut tx, &penanda, kunci, pdf, d).await {
        Ok((b, _)) => b,
        // Another request sealed it first: serve that one.
        Err(AppError::Store(StoreError::Conflict(_))) => {
            tx.rollback().await?;
            return dokumen_tersimpan(app, rujukan)
                .await?
                .ok_or(AppError::TidakDitemukan);
        }
        Err(e) => return Err(e),
    };
    siasn_store::layanan::simpan_blob(
        &mut tx,
        app.store().blobs(),
        &bertanda.pdf,
        "application/pdf",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(bertanda.pdf)
}
