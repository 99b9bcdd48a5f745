//! An employee's record as people read and administer it: staff reads within scope (audited,
//! so the employee sees who looked), document downloads, and an administrator's corrections
//! of the registered e-mail and the legal status.

use siasn_domain::akses::LetakPegawai;
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_store::audit::AuditBaru;
use siasn_store::email::EmailBaru;
use siasn_store::{StoreError, audit, email, pegawai};
use siasn_teks::surel;
use uuid::Uuid;

use crate::{Aktor, App, AppError, AppResult};

/// How much of a record a read opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bacaan {
    /// The record with identifiers masked (staff reads of others are audited).
    Biasa,
    /// The masked identifiers opened (always audited, own record too).
    Sensitif,
}

async fn letak(app: &App, pegawai_id: Uuid) -> AppResult<LetakPegawai> {
    app.store()
        .letak_pegawai(pegawai_id)
        .await
        .map_err(AppError::dari_store)
}

fn audit_baca(aktor: &Aktor, p: &Pegawai, aksi: &str) -> AuditBaru {
    let mut e = aktor.audit(aksi);
    e.pegawai_id = Some(p.id);
    e
}

/// Reads a record the actor may see (their own, or one in their scope; anything else is
/// "not found", so existence is not revealed). Reads of personal data by others, and every
/// opening of the masked identifiers, are audited.
pub async fn baca(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
    bacaan: Bacaan,
) -> AppResult<Pegawai> {
    if !aktor.pelaku.boleh_baca(&letak(app, pegawai_id).await?) {
        return Err(AppError::TidakDitemukan);
    }
    let p = app.store().pegawai(pegawai_id).await?;
    let sendiri = aktor.pelaku.pegawai_id == Some(p.id);
    let aksi = match bacaan {
        Bacaan::Sensitif => Some("pegawai.data_sensitif_dilihat"),
        Bacaan::Biasa if !sendiri => Some("pegawai.dilihat"),
        Bacaan::Biasa => None,
    };
    if let Some(aksi) = aksi {
        catat(app, vec![audit_baca(aktor, &p, aksi)]).await?;
    }
    Ok(p)
}

/// A document's content for its owner or staff in scope (staff downloads are audited).
pub async fn unduh_dokumen(
    app: &App,
    aktor: &Aktor,
    dokumen_id: Uuid,
) -> AppResult<(Dokumen, Vec<u8>)> {
    let d = app
        .store()
        .dokumen(dokumen_id)
        .await
        .map_err(AppError::dari_store)?;
    if !aktor.pelaku.boleh_baca(&letak(app, d.pegawai_id).await?) {
        return Err(AppError::TidakDitemukan);
    }
    if aktor.pelaku.pegawai_id != Some(d.pegawai_id) {
        let mut e = aktor.audit("dokumen.diunduh");
        e.pegawai_id = Some(d.pegawai_id);
        e.sesudah = Some(serde_json::json!({ "dokumen": d.id, "jenis": d.jenis_dokumen_id }));
        catat(app, vec![e]).await?;
    }
    let isi = app.store().isi_dokumen(&d).await?;
    Ok((d, isi))
}

/// Appends audit events that go with no change (reads of personal data).
pub async fn catat(app: &App, events: Vec<AuditBaru>) -> AppResult<()> {
    let mut tx = app.store().begin().await?;
    audit::tulis(&mut tx, events, app.sekarang()).await?;
    tx.commit().await?;
    Ok(())
}

/// The record an administrator may help with (fix e-mail, reset MFA): within their scope,
/// else refused without saying whether it exists.
pub async fn untuk_admin(app: &App, aktor: &Aktor, pegawai_id: Uuid) -> AppResult<Pegawai> {
    if aktor.pelaku.cakupan_admin().is_empty() {
        return Err(AppError::Dilarang);
    }
    let letak = app
        .store()
        .letak_pegawai(pegawai_id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::Dilarang,
            e => e.into(),
        })?;
    if !aktor.pelaku.boleh_administrasi_pegawai(&letak) {
        return Err(AppError::Dilarang);
    }
    Ok(app.store().pegawai(pegawai_id).await?)
}

/// An administrator corrects the registered e-mail: the change (before, after, reason) is
/// audited and both the old and the new address are told, in one transaction.
pub async fn ubah_email(
    app: &App,
    aktor: &Aktor,
    p: &Pegawai,
    baru: &str,
    alasan: &str,
) -> AppResult<()> {
    let now = app.sekarang();
    let lama = p.email.clone();
    let mut tx = app.store().begin().await?;
    pegawai::ubah_email(&mut tx, p.id, baru, now).await?;
    let e = AuditBaru {
        aktor: aktor.label(),
        aksi: "pegawai.email_diubah".into(),
        pegawai_id: Some(p.id),
        alasan: Some(alasan.to_string()),
        sebelum: Some(serde_json::json!({ "email": lama })),
        sesudah: Some(serde_json::json!({ "email": baru })),
        alamat: aktor.alamat.clone(),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    let surat = surel::email_diubah(
        &p.nama_lengkap(),
        &app.konfigurasi().nama_instance,
        baru,
        alasan,
    );
    for ke in lama.iter().map(String::as_str).chain(std::iter::once(baru)) {
        let e = EmailBaru {
            akun_id: None,
            pegawai_id: Some(p.id),
            ke: ke.to_string(),
            subjek: surat.subjek.clone(),
            isi: surat.isi.clone(),
        };
        email::antre(&mut tx, &e, now).await?;
    }
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(())
}

/// Records a new legal status (kedudukan hukum) decided elsewhere, e.g. retirement or
/// dismissal, audited with before and after. A card whose holder is no longer an active civil
/// servant shows as no longer valid from then on.
pub async fn ubah_kedudukan_hukum(
    app: &App,
    aktor: &str,
    pegawai_id: Uuid,
    kode: &str,
    alasan: &str,
) -> AppResult<()> {
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let lama = pegawai::ubah_kedudukan_hukum(&mut tx, pegawai_id, kode, now)
        .await
        .map_err(AppError::dari_store)?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "pegawai.kedudukan_hukum_diubah".into(),
        pegawai_id: Some(pegawai_id),
        alasan: Some(alasan.to_string()),
        sebelum: Some(serde_json::json!({ "kedudukan_hukum_id": lama })),
        sesudah: Some(serde_json::json!({ "kedudukan_hukum_id": kode })),
        ..AuditBaru::default()
    };
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

/// Brings the record's snapshot of one section (the current position, or the current rank)
/// back in line with its history rows, as SIASN's `data-utama-jabatansync` and
/// `data-utama-golongansync` do: the same derivation that applying a proposal runs, under the
/// employee's row lock, audited when something changed. Returns whether it did.
pub async fn sinkronkan_cuplikan(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
    jenis: siasn_domain::riwayat::JenisRiwayat,
    alasan: String,
) -> AppResult<bool> {
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let p = pegawai::kunci(&mut tx, pegawai_id).await?;
    let riwayat = pegawai::riwayat_jenis(&mut tx, pegawai_id, jenis).await?;
    let baru = siasn_domain::usulan::terapkan::segarkan_cuplikan(&p, jenis, &riwayat);
    if baru == p {
        tx.rollback().await?;
        return Ok(false);
    }
    pegawai::simpan_data(&mut tx, &baru, now).await?;
    let mut e = audit_baca(aktor, &p, "pegawai.disinkronkan");
    e.akun_id = None;
    e.alasan = Some(alasan);
    // Only the fields that changed, not the whole record.
    let (sebelum, sesudah) = beda(&p, &baru);
    e.sebelum = Some(sebelum);
    e.sesudah = Some(sesudah);
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(true)
}

/// The fields of two versions of a record that differ, as (before, after) objects.
fn beda(lama: &Pegawai, baru: &Pegawai) -> (serde_json::Value, serde_json::Value) {
    let (serde_json::Value::Object(a), serde_json::Value::Object(b)) = (
        serde_json::to_value(lama).unwrap_or_default(),
        serde_json::to_value(baru).unwrap_or_default(),
    ) else {
        return (serde_json::Value::Null, serde_json::Value::Null);
    };
    let mut sebelum = serde_json::Map::new();
    let mut sesudah = serde_json::Map::new();
    for (k, v) in b {
        let lama = a.get(&k).cloned().unwrap_or_default();
        if lama != v {
            sebelum.insert(k.clone(), lama);
            sesudah.insert(k, v);
        }
    }
    (sebelum.into(), sesudah.into())
}

/// Whether the record's kedudukan is one of a serving ASN, or past BUP awaiting the decree.
pub async fn masih_dinas(app: &App, p: &Pegawai) -> AppResult<bool> {
    if p.kedudukan_hukum_id == siasn_domain::pemberhentian::kedudukan::MENCAPAI_BUP {
        return Ok(true);
    }
    Ok(app
        .store()
        .kedudukan_hukum()
        .await?
        .iter()
        .any(|k| k.id == p.kedudukan_hukum_id && k.masih_asn))
}

/// An agency whose lists `aktor` may read (staff whose scope covers it), or `Dilarang`.
pub(crate) async fn instansi_dalam_cakupan(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
) -> AppResult<siasn_domain::Instansi> {
    let instansi = app
        .store()
        .instansi(instansi_id)
        .await
        .map_err(AppError::dari_store)?;
    let letak = siasn_domain::akses::LetakPegawai {
        pegawai_id: Uuid::nil(),
        instansi_id: instansi.id.clone(),
        kanreg_id: instansi.kanreg_id.clone(),
    };
    let boleh = aktor
        .pelaku
        .peran
        .iter()
        .filter(|g| g.peran != siasn_domain::akses::Peran::Pegawai)
        .filter_map(|g| g.cakupan(None))
        .any(|c| siasn_domain::akses::meliputi(&c, &letak));
    if !boleh {
        return Err(AppError::Dilarang);
    }
    Ok(instansi)
}
