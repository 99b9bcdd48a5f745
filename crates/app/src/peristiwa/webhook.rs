//! Webhooks of partner clients: registering one (admin page and `siasn partner webhook`),
//! turning it off, and replaying from a position. Who may manage a client's webhooks is who
//! may manage the client ([`crate::klien_api::wewenang`]).

use base64::Engine;
use siasn_domain::akses::Pelaku;
use siasn_store::audit;
use siasn_store::audit::AuditBaru;
use siasn_store::peristiwa::{self, Webhook};
use uuid::Uuid;

use crate::klien_api::{terlihat, wewenang};
use crate::rahasia::acak;
use crate::{App, AppError, AppResult};

/// Longest webhook URL.
const PANJANG_URL_MAKS: usize = 500;

/// Why a webhook cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookDitolak {
    /// Not an absolute http(s) URL, or too long.
    UrlTidakSah,
    /// Plain http outside this machine: bodies would travel readable.
    PerluHttps,
}

/// Checks a receiver URL: https, or http to this machine only (tests, a relay on the host).
pub fn periksa_url(url: &str) -> Result<reqwest::Url, WebhookDitolak> {
    if url.len() > PANJANG_URL_MAKS {
        return Err(WebhookDitolak::UrlTidakSah);
    }
    let u = reqwest::Url::parse(url.trim()).map_err(|_| WebhookDitolak::UrlTidakSah)?;
    if !u.username().is_empty() || u.password().is_some() || u.host_str().is_none() {
        return Err(WebhookDitolak::UrlTidakSah);
    }
    match u.scheme() {
        "https" => Ok(u),
        "http" => {
            let host = u.host_str().unwrap_or_default();
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let lokal = host.eq_ignore_ascii_case("localhost")
                || host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            if lokal {
                Ok(u)
            } else {
                Err(WebhookDitolak::PerluHttps)
            }
        }
        _ => Err(WebhookDitolak::UrlTidakSah),
    }
}

/// A registered webhook and its signing secret (shown once).
pub struct WebhookBaru {
    /// The stored webhook.
    pub webhook: Webhook,
    /// The HMAC secret, to give the partner.
    pub rahasia: String,
}

/// Registers a webhook for a client the actor manages. It starts at the current end of the
/// feed (`dari_awal`: from the first event instead). Audited.
pub async fn daftarkan(
    app: &App,
    pelaku: &Pelaku,
    aktor: &str,
    klien_id: Uuid,
    url: &str,
    dari_awal: bool,
) -> AppResult<Result<WebhookBaru, WebhookDitolak>> {
    daftarkan_dengan(app, &wewenang(pelaku)?, aktor, klien_id, url, dari_awal).await
}

/// [`daftarkan`] with what the actor manages given (`None`: every client, as the CLI run by
/// the instance's operator).
pub async fn daftarkan_dengan(
    app: &App,
    w: &Option<Vec<String>>,
    aktor: &str,
    klien_id: Uuid,
    url: &str,
    dari_awal: bool,
) -> AppResult<Result<WebhookBaru, WebhookDitolak>> {
    let k = app
        .store()
        .klien_api(klien_id)
        .await
        .map_err(AppError::dari_store)?;
    if !terlihat(w, &k) {
        return Err(AppError::TidakDitemukan);
    }
    let url = match periksa_url(url) {
        Ok(u) => u,
        Err(t) => return Ok(Err(t)),
    };
    let rahasia = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(acak(32));
    let posisi = if dari_awal {
        0
    } else {
        app.store().posisi_peristiwa_terakhir().await?
    };
    let now = app.sekarang();
    let webhook = Webhook {
        id: Uuid::now_v7(),
        klien_id,
        url: url.to_string(),
        rahasia: rahasia.clone(),
        aktif: true,
        posisi,
        percobaan: 0,
        coba_lagi_pada: None,
        galat_terakhir: None,
        dibuat_pada: now,
    };
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "webhook.didaftarkan".into(),
        alasan: Some(format!("klien {klien_id}, webhook {}", webhook.id)),
        sesudah: Some(serde_json::json!({ "url": webhook.url, "posisi": posisi })),
        ..AuditBaru::default()
    };
    let mut tx = app.store().begin().await?;
    peristiwa::tambah_webhook(&mut tx, &webhook).await?;
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(WebhookBaru { webhook, rahasia }))
}

/// A webhook the actor may manage.
async fn milik(app: &App, w: &Option<Vec<String>>, id: Uuid) -> AppResult<Webhook> {
    let webhook = app
        .store()
        .webhook(id)
        .await
        .map_err(AppError::dari_store)?;
    let k = app
        .store()
        .klien_api(webhook.klien_id)
        .await
        .map_err(AppError::dari_store)?;
    if !terlihat(w, &k) {
        return Err(AppError::TidakDitemukan);
    }
    Ok(webhook)
}

/// Turns a webhook on or off (audited).
pub async fn ubah_status(
    app: &App,
    pelaku: &Pelaku,
    aktor: &str,
    id: Uuid,
    aktif: bool,
) -> AppResult<()> {
    milik(app, &wewenang(pelaku)?, id).await?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: if aktif {
            "webhook.diaktifkan"
        } else {
            "webhook.dinonaktifkan"
        }
        .into(),
        alasan: Some(format!("webhook {id}")),
        ..AuditBaru::default()
    };
    let mut tx = app.store().begin().await?;
    peristiwa::ubah_status_webhook(&mut tx, id, aktif).await?;
    audit::tulis(&mut tx, vec![e], app.sekarang()).await?;
    tx.commit().await?;
    Ok(())
}

/// Delivers again from position `posisi` (dead letters from there are retried). Audited.
pub async fn putar_ulang(
    app: &App,
    w: &Option<Vec<String>>,
    aktor: &str,
    id: Uuid,
    posisi: i64,
) -> AppResult<()> {
    milik(app, w, id).await?;
    let e = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "webhook.diputar_ulang".into(),
        alasan: Some(format!("webhook {id}")),
        sesudah: Some(serde_json::json!({ "dari_posisi": posisi })),
        ..AuditBaru::default()
    };
    let mut tx = app.store().begin().await?;
    peristiwa::putar_ulang_webhook(&mut tx, id, posisi).await?;
    audit::tulis(&mut tx, vec![e], app.sekarang()).await?;
    tx.commit().await?;
    Ok(())
}
