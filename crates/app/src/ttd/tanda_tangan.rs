//! Signing: unlocking an official's key with the passphrase, signing a document inside the
//! caller's transaction (with a TSA timestamp when configured), sealing on-demand documents.

use chrono::Duration;
use sha2::{Digest, Sha256};
use siasn_domain::ttd::{AlasanTtd, KeadaanSertifikat, boleh_menandatangani};
use siasn_store::audit::{self, AuditBaru};
use siasn_store::ttd::{self as simpan, DokumenTtd, PenandaTtd, SumberSertifikat};
use siasn_store::{StoreError, Tx};
use siasn_ttd::pdf::{Kotak, Tampilan};
use siasn_ttd::{KunciTtd, TtdError};
use uuid::Uuid;

use crate::rahasia::acak;
use crate::{Aktor, App, AppError, AppResult};

use super::{ca_instans, gagal_ttd, segel, url_verifikasi};

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
