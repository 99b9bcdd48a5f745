//! Partner clients of the SIASN-compatible API: registering one (admin page and
//! `siasn partner add`), enabling and disabling it, and checking its credentials.

use base64::Engine;
use siasn_domain::akses::{Pelaku, Peran};
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien, KlienApi, Lingkup};
use siasn_store::audit::AuditBaru;
use siasn_store::{StoreError, audit, klien_api};
use uuid::Uuid;

use crate::rahasia::acak;
use crate::{App, AppError, AppResult};

/// Longest client name.
const PANJANG_NAMA_MAKS: usize = 120;

/// A newly registered client and its secret (shown once; only its hash is kept).
pub struct KlienBaru {
    /// The stored client.
    pub klien: KlienApi,
    /// The consumer secret in clear.
    pub secret: String,
}

/// Why a client cannot be registered as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KlienDitolak {
    /// The name is empty or too long.
    NamaTidakSah,
    /// An agency client needs an agency.
    PerluInstansi,
    /// The agency does not exist.
    InstansiTidakAda,
    /// National clients only read.
    NasionalHanyaBaca,
}

/// Which clients an actor manages: `None` all (BKN admins), else those of these agencies.
pub fn wewenang(pelaku: &Pelaku) -> AppResult<Option<Vec<String>>> {
    if pelaku.punya(Peran::AdminBkn) {
        return Ok(None);
    }
    let i: Vec<String> = pelaku
        .instansi_yang_diadministrasi()
        .into_iter()
        .map(str::to_string)
        .collect();
    if i.is_empty() {
        Err(AppError::Dilarang)
    } else {
        Ok(Some(i))
    }
}

/// Whether a client is within what `wewenang` manages.
pub fn terlihat(w: &Option<Vec<String>>, k: &KlienApi) -> bool {
    match (w, &k.jangkauan) {
        (None, _) => true,
        (Some(daftar), JangkauanKlien::Instansi(i)) => daftar.contains(i),
        (Some(_), JangkauanKlien::Nasional) => false,
    }
}

/// What administrators may register: national clients only read (their writes are refused by
/// the API anyway; this says so at registration).
pub fn periksa_lingkup(
    jangkauan: &JangkauanKlien,
    lingkup: &DaftarLingkup,
) -> Result<(), KlienDitolak> {
    if *jangkauan == JangkauanKlien::Nasional && lingkup.punya(Lingkup::Tulis) {
        Err(KlienDitolak::NasionalHanyaBaca)
    } else {
        Ok(())
    }
}

/// Registers a partner client: a random consumer key and secret, the secret stored as an
/// argon2id hash; the client and its audit event in one transaction.
pub async fn daftarkan(
    app: &App,
    aktor: &str,
    nama: &str,
    jangkauan: JangkauanKlien,
    lingkup: DaftarLingkup,
    batas_per_menit: u32,
) -> AppResult<Result<KlienBaru, KlienDitolak>> {
    let nama = nama.trim();
    if nama.is_empty() || nama.chars().count() > PANJANG_NAMA_MAKS {
        return Ok(Err(KlienDitolak::NamaTidakSah));
    }
    match &jangkauan {
        JangkauanKlien::Instansi(i) if i.trim().is_empty() => {
            return Ok(Err(KlienDitolak::PerluInstansi));
        }
        JangkauanKlien::Instansi(i) => match app.store().instansi(i).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => return Ok(Err(KlienDitolak::InstansiTidakAda)),
            Err(e) => return Err(e.into()),
        },
        JangkauanKlien::Nasional => {}
    }
    let consumer_key = hex::encode(acak(16));
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(acak(32));
    let secret_hash = app
        .hasher()
        .hash(secret.clone())
        .await
        .ok_or(AppError::Hash)?;
    let now = app.sekarang();
    let klien = KlienApi {
        id: Uuid::now_v7(),
        nama: nama.to_string(),
        consumer_key,
        secret_hash,
        jangkauan,
        lingkup,
        batas_per_menit: batas_per_menit.max(1),
        aktif: true,
        dibuat_pada: now,
        dibuat_oleh: aktor.to_string(),
    };
    let instansi = match &klien.jangkauan {
        JangkauanKlien::Instansi(i) => Some(i.clone()),
        JangkauanKlien::Nasional => None,
    };
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "klien_api.dibuat".into(),
        alasan: Some(format!("klien {}", klien.id)),
        sesudah: Some(serde_json::json!({
            "nama": klien.nama,
            "consumer_key": klien.consumer_key,
            "instansi_id": instansi,
            "lingkup": klien.lingkup.to_string(),
            "batas_per_menit": klien.batas_per_menit,
        })),
        ..AuditBaru::default()
    };
    let mut tx = app.store().begin().await?;
    klien_api::tambah(&mut tx, &klien).await?;
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(KlienBaru { klien, secret }))
}

/// Enables or disables a client the actor manages (audited).
pub async fn ubah_status(
    app: &App,
    pelaku: &Pelaku,
    aktor: &str,
    id: Uuid,
    aktif: bool,
) -> AppResult<()> {
    let w = wewenang(pelaku)?;
    let k = app
        .store()
        .klien_api(id)
        .await
        .map_err(AppError::dari_store)?;
    if !terlihat(&w, &k) {
        return Err(AppError::TidakDitemukan);
    }
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: if aktif {
            "klien_api.diaktifkan"
        } else {
            "klien_api.dinonaktifkan"
        }
        .into(),
        alasan: Some(format!("klien {id}")),
        ..AuditBaru::default()
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    klien_api::ubah_status(&mut tx, id, aktif)
        .await
        .map_err(AppError::dari_store)?;
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(())
}

/// An active client by key and secret (the hash is computed even for unknown keys, so timing
/// says nothing about which keys exist).
pub async fn verifikasi_klien(app: &App, key: &str, secret: &str) -> AppResult<Option<KlienApi>> {
    let klien = if key.len() <= 128 {
        app.store().klien_api_by_key(key).await?
    } else {
        None
    };
    let cocok = app
        .hasher()
        .cocok(
            secret.chars().take(256).collect(),
            klien.as_ref().map(|k| k.secret_hash.clone()),
        )
        .await;
    Ok(klien.filter(|k| cocok && k.aktif))
}
