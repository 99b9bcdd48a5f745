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
    /// An address inside this machine or a private network, registered by an agency admin: the
    /// relay would post to services no partner should reach through it.
    AlamatInternal,
}

/// Whether an address is this machine, a private or link-local network, or unspecified.
fn ip_internal(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                // 100.64.0.0/10 (carrier-grade NAT) is internal too.
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64)
        }
        std::net::IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some_and(|v4| ip_internal(v4.into()))
        }
    }
}

/// Checks a receiver URL. https to a partner's host; `lokal_boleh` (BKN admins and the
/// command line, who run the instance) also allows this machine and private networks, over
/// plain http only to this machine (a relay on the host, tests).
pub fn periksa_url(url: &str, lokal_boleh: bool) -> Result<reqwest::Url, WebhookDitolak> {
    if url.len() > PANJANG_URL_MAKS {
        return Err(WebhookDitolak::UrlTidakSah);
    }
    let u = reqwest::Url::parse(url.trim()).map_err(|_| WebhookDitolak::UrlTidakSah)?;
    if !u.username().is_empty() || u.password().is_some() || u.host_str().is_none() {
        return Err(WebhookDitolak::UrlTidakSah);
    }
    let host = u.host_str().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ip = host.parse::<std::net::IpAddr>().ok();
    let mesin_ini = host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || ip.is_some_and(|ip| ip.is_loopback());
    let internal = mesin_ini || ip.is_some_and(ip_internal);
    match u.scheme() {
        "https" | "http" if internal && !lokal_boleh => Err(WebhookDitolak::AlamatInternal),
        "https" => Ok(u),
        "http" if mesin_ini => Ok(u),
        "http" => Err(WebhookDitolak::PerluHttps),
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
    let url = match periksa_url(url, w.is_none()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receivers_are_partners_over_https_unless_the_operator_says_otherwise() {
        let ok = |u: &str, lokal| periksa_url(u, lokal).is_ok();
        let tolak = |u: &str, lokal| periksa_url(u, lokal).err();
        assert!(ok("https://simpeg.jabar.go.id/siasn", false));
        assert_eq!(
            tolak("http://simpeg.jabar.go.id/siasn", false),
            Some(WebhookDitolak::PerluHttps)
        );
        for internal in [
            "https://127.0.0.1/x",
            "https://localhost:8443/x",
            "https://10.1.2.3/x",
            "https://192.168.0.9/x",
            "https://169.254.169.254/latest",
            "https://100.64.0.1/x",
            "https://[::1]/x",
            "https://[fd00::1]/x",
            "https://[::ffff:10.0.0.1]/x",
            "http://127.0.0.1:9000/x",
        ] {
            assert_eq!(
                tolak(internal, false),
                Some(WebhookDitolak::AlamatInternal),
                "{internal}"
            );
        }
        assert!(
            ok("http://127.0.0.1:9000/x", true),
            "the operator's own relay"
        );
        assert!(ok("https://10.1.2.3/x", true));
        assert_eq!(
            tolak("http://10.1.2.3/x", true),
            Some(WebhookDitolak::PerluHttps)
        );
        assert_eq!(
            tolak("https://user:pw@simpeg.go.id/", false),
            Some(WebhookDitolak::UrlTidakSah)
        );
        assert_eq!(
            tolak("ftp://simpeg.go.id/", true),
            Some(WebhookDitolak::UrlTidakSah)
        );
        assert_eq!(tolak("bukan url", true), Some(WebhookDitolak::UrlTidakSah));
    }
}
