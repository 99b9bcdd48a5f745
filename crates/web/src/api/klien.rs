//! Registering a partner client (the admin page and `siasn partner add`).

use siasn_store::StoreError;
use siasn_store::api::KlienApi;
use uuid::Uuid;

/// A newly registered client and its secret (shown once; only its hash is kept).
pub struct KlienBaru {
    /// The stored client.
    pub klien: KlienApi,
    /// The consumer secret in clear.
    pub secret: String,
}

/// Registers a partner client: a random consumer key and secret, the secret stored as an
/// argon2id hash, audited. Used by the admin page and `siasn partner add`.
pub async fn daftarkan_klien(
    store: &siasn_store::Store,
    nama: &str,
    jangkauan: siasn_domain::klien_api::JangkauanKlien,
    lingkup: siasn_domain::klien_api::DaftarLingkup,
    batas_per_menit: u32,
    aktor: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<KlienBaru, StoreError> {
    let nama = nama.trim();
    if nama.is_empty() || nama.chars().count() > 120 {
        return Err(StoreError::Conflict(
            "nama klien wajib, paling panjang 120 karakter".into(),
        ));
    }
    if let siasn_domain::klien_api::JangkauanKlien::Instansi(i) = &jangkauan {
        store.instansi(i).await?;
    }
    let consumer_key = hex::encode(crate::keamanan::acak(16));
    let secret = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        crate::keamanan::acak(32),
    );
    let hash_secret = secret.clone();
    let secret_hash = tokio::task::spawn_blocking(move || siasn_store::sandi::hash(&hash_secret))
        .await
        .map_err(|e| StoreError::Corrupt(e.to_string()))??;
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
    store.tambah_klien_api(&klien).await?;
    Ok(KlienBaru { klien, secret })
}
