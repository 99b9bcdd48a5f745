//! Kartu ASN Virtual: the holder's photo (candidate, then in use), issuing the signed card,
//! the signing keys (made on first use, rotated from the command line), and the public check
//! of a card's QR code.

use chrono::{DateTime, NaiveDate, Utc};
use siasn_card::foto::FotoBersih;
use siasn_card::token::{self, Klaim, KunciPenanda, KunciPublik, PANJANG_SERIAL};
use siasn_domain::kartu::{FotoDitolak, Kartu, KebijakanFoto, berlaku_sampai};
use siasn_domain::pegawai::Pegawai;
use siasn_store::audit::AuditBaru;
use siasn_store::kartu::{self, KartuBaru, KunciTersimpan};
use siasn_store::{StoreError, audit};
use uuid::Uuid;

use crate::rahasia::acak;
use crate::{Aktor, App, AppError, AppResult};

/// Names for the card's text, from the references.
#[derive(Debug, Clone)]
pub struct NamaKartu {
    /// The issuing (parent) agency.
    pub penerbit: String,
    /// The agency the holder works in.
    pub instansi: String,
    /// The holder's unit.
    pub unit: String,
    /// The holder's legal status, when known.
    pub kedudukan: Option<siasn_domain::referensi::KedudukanHukum>,
}

/// What the card says about the holder's agency, unit and status.
pub async fn nama_kartu(app: &App, p: &Pegawai) -> AppResult<NamaKartu> {
    let store = app.store();
    let induk = store.instansi(&p.instansi_induk_id).await?;
    let kerja = if p.instansi_kerja_id == p.instansi_induk_id {
        induk.clone()
    } else {
        store.instansi(&p.instansi_kerja_id).await?
    };
    let unit = match p.unor_id {
        Some(id) => store.unor(id).await.map(|u| u.nama).unwrap_or_default(),
        None => String::new(),
    };
    let kedudukan = store
        .kedudukan_hukum()
        .await?
        .into_iter()
        .find(|k| k.id == p.kedudukan_hukum_id);
    Ok(NamaKartu {
        penerbit: induk.nama,
        instansi: kerja.nama,
        unit,
        kedudukan,
    })
}

/// The photo rules of this instance.
pub fn kebijakan_foto(app: &App) -> KebijakanFoto {
    KebijakanFoto {
        wajib_transparan: app.konfigurasi().foto_wajib_transparan,
        ukuran_maks: app.konfigurasi().batas_unggah,
        ..KebijakanFoto::default()
    }
}

/// An uploaded photo, checked and re-encoded off the async workers, becomes the holder's
/// candidate photo (shown on a card preview before it is used). Returns the candidate's id.
pub async fn unggah_foto(
    app: &App,
    aktor: &Aktor,
    isi: Vec<u8>,
) -> AppResult<Result<Uuid, FotoDitolak>> {
    let pegawai_id = aktor.pelaku.pegawai_id.ok_or(AppError::Dilarang)?;
    let k = kebijakan_foto(app);
    let bersih: Result<FotoBersih, FotoDitolak> =
        tokio::task::spawn_blocking(move || siasn_card::foto::proses(&isi, &k))
            .await
            .map_err(|e| StoreError::Corrupt(format!("pemrosesan foto: {e}")))?;
    let bersih = match bersih {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    let blob = app.store().simpan_blob(&bersih.png, "image/png").await?;
    let mut tx = app.store().begin().await?;
    let id = kartu::simpan_foto_calon(&mut tx, pegawai_id, &blob, aktor.akun_id(), app.sekarang())
        .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// "Gunakan foto ini": the candidate becomes the card photo, audited with the old and new
/// content hashes.
pub async fn gunakan_foto(app: &App, aktor: &Aktor, foto_id: Uuid) -> AppResult<()> {
    let pegawai_id = aktor.pelaku.pegawai_id.ok_or(AppError::Dilarang)?;
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let ganti = kartu::gunakan_foto(&mut tx, foto_id, pegawai_id, now)
        .await
        .map_err(AppError::dari_store)?;
    let mut e = aktor.audit("pegawai.foto.diganti");
    e.pegawai_id = Some(pegawai_id);
    e.sebelum = ganti.lama.map(|s| serde_json::json!({ "foto_sha256": s }));
    e.sesudah = Some(serde_json::json!({ "foto_sha256": ganti.baru }));
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

fn gagal_kunci(e: token::TokenError) -> AppError {
    AppError::Kunci(e.to_string())
}

/// A new key id: the month and random hex ("2026-11-a3f9c2").
fn kid_baru(now: DateTime<Utc>) -> String {
    format!("{}-{}", now.format("%Y-%m"), hex::encode(acak(3)))
}

fn dari_simpanan(k: &KunciTersimpan) -> AppResult<KunciPenanda> {
    KunciPenanda::dari_pkcs8(&k.kid, &k.kunci_privat).map_err(gagal_kunci)
}

/// The key that signs new cards; the first one is created on first use (servers racing to
/// create it all end up with the one stored first).
pub async fn kunci_penanda(app: &App) -> AppResult<KunciPenanda> {
    let tersimpan = match app.store().kunci_kartu_aktif().await? {
        Some(k) => k,
        None => {
            let now = app.sekarang();
            let kid = kid_baru(now);
            let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
            app.store()
                .simpan_kunci_pertama(&kid, &kunci.publik(), &pkcs8, now)
                .await?
        }
    };
    dari_simpanan(&tersimpan)
}

/// Rotates the signing key (`siasn card rotate-key`): the old key stays published while cards
/// it signed are valid. Audited. Returns the new key id.
pub async fn putar_kunci(app: &App, aktor: &str) -> AppResult<String> {
    let now = app.sekarang();
    let kid = kid_baru(now);
    let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
    let mut tx = app.store().begin().await?;
    kartu::putar_kunci(&mut tx, &kid, &kunci.publik(), &pkcs8, now).await?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "kartu.kunci.diputar".into(),
        sesudah: Some(serde_json::json!({ "kid": kid })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(kid)
}

/// The published keys: the active one, and every retired one that signed a card still valid.
pub async fn kunci_publik(app: &App, hari_ini: NaiveDate) -> AppResult<Vec<KunciPublik>> {
    Ok(app
        .store()
        .kunci_kartu_terbit(hari_ini)
        .await?
        .into_iter()
        .map(|k| KunciPublik {
            kid: k.kid,
            kunci: k.kunci_publik,
        })
        .collect())
}

/// The JWKS document (RFC 7517) of the published keys.
pub async fn jwks(app: &App, hari_ini: NaiveDate) -> AppResult<serde_json::Value> {
    let keys: Vec<serde_json::Value> = kunci_publik(app, hari_ini)
        .await?
        .iter()
        .map(|k| token::jwk(&k.kid, &k.kunci))
        .collect();
    Ok(serde_json::json!({ "keys": keys }))
}

/// Issues the holder's card: the claim (name, agency, validity until the pension date or the
/// usual term) is signed into the QR text, the previous card is marked replaced, and both are
/// audited, in one transaction. The caller has checked eligibility and that a photo is in use.
/// A double click finds the card the other request issued.
pub async fn terbitkan_kartu(
    app: &App,
    aktor: &Aktor,
    p: &Pegawai,
    foto_sha256: String,
) -> AppResult<()> {
    let now = app.sekarang();
    let hari_ini = now.date_naive();
    let jabatan = app.store().ref_jabatan().await?;
    let bup = siasn_domain::pensiun::bup_pegawai(p, &jabatan).usia;
    let pensiun = siasn_domain::pensiun::hitung(p.tanggal_lahir, bup);
    let mut serial = [0u8; PANJANG_SERIAL];
    serial.copy_from_slice(&acak(PANJANG_SERIAL));
    let klaim = Klaim {
        kid: String::new(),
        serial,
        diterbitkan: hari_ini,
        kedaluwarsa: berlaku_sampai(hari_ini, Some(pensiun.tmt_pensiun)),
        instansi: p.instansi_induk_id.clone(),
        nama: p.nama_lengkap(),
    };
    let kunci = kunci_penanda(app).await?;
    let teks_qr = kunci
        .tandatangani(app.url_dasar(), &klaim)
        .map_err(gagal_kunci)?;
    let baru = KartuBaru {
        id: Uuid::now_v7(),
        serial: klaim.serial_cetak(),
        pegawai_id: p.id,
        kid: kunci.kid().to_string(),
        teks_qr,
        nama: klaim.nama.clone(),
        instansi_id: klaim.instansi.clone(),
        diterbitkan: klaim.diterbitkan,
        berlaku_sampai: klaim.kedaluwarsa,
        foto_sha256,
        akun_id: aktor.akun_id(),
    };
    let mut tx = app.store().begin().await?;
    let lama = match kartu::terbitkan(&mut tx, &baru, now).await {
        Ok(l) => l,
        // A double click: the other request issued it.
        Err(StoreError::Conflict(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut e = aktor.audit("kartu.diterbitkan");
    e.pegawai_id = Some(p.id);
    e.sebelum = lama.map(|s| serde_json::json!({ "kartu_serial": s }));
    e.sesudah = Some(serde_json::json!({
        "kartu_serial": baru.serial,
        "kid": baru.kid,
        "berlaku_sampai": baru.berlaku_sampai.to_string(),
    }));
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

/// The public check of a card (after the captcha): the card by its serial, audited as a check
/// by the public.
pub async fn periksa_kartu_publik(app: &App, serial: &str, alamat: &str) -> AppResult<Kartu> {
    let kartu = app
        .store()
        .kartu_serial(serial)
        .await?
        .ok_or(AppError::TidakDitemukan)?;
    let e = AuditBaru {
        aktor: "publik".into(),
        aksi: "kartu.diperiksa".into(),
        pegawai_id: Some(kartu.pegawai_id),
        alasan: Some(format!("kartu {}", kartu.serial)),
        alamat: Some(alamat.to_string()),
        ..AuditBaru::default()
    };
    crate::pegawai::catat(app, vec![e]).await?;
    Ok(kartu)
}
