//! What every page handler needs about the request: language, client address, cookies, and the
//! signed-in session if there is one.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use chrono::Duration;
use siasn_domain::akses::Pelaku;
use siasn_store::akun::Akun;
use siasn_store::sesi::{Sesi, TahapSesi};

use crate::bahasa::Bahasa;
use crate::keamanan::sidik;
use crate::{AppState, WebError};

/// Language cookie (not a secret, not prefixed).
pub const COOKIE_BAHASA: &str = "siasn-bahasa";

/// Request facts.
pub struct Konteks {
    /// Chosen language.
    pub bahasa: Bahasa,
    /// Client address.
    pub alamat: IpAddr,
    /// User-Agent, shortened.
    pub perangkat: Option<String>,
    /// Cookies sent.
    pub cookies: HashMap<String, String>,
}

impl Konteks {
    /// A cookie's value.
    pub fn cookie(&self, nama: &str) -> Option<&str> {
        self.cookies.get(nama).map(String::as_str)
    }
}

fn parse_cookies(parts: &Parts) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for value in parts.headers.get_all(header::COOKIE) {
        let Ok(text) = value.to_str() else { continue };
        for pair in text.split(';') {
            if let Some((k, v)) = pair.trim().split_once('=') {
                out.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
    }
    out
}

impl FromRequestParts<AppState> for Konteks {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let cookies = parse_cookies(parts);
        let dari_query = parts.uri.query().and_then(|q| {
            q.split('&')
                .find_map(|kv| kv.strip_prefix("lang="))
                .and_then(Bahasa::dari_kode)
        });
        let bahasa = dari_query
            .or_else(|| {
                cookies
                    .get(COOKIE_BAHASA)
                    .and_then(|v| Bahasa::dari_kode(v))
            })
            .unwrap_or_default();
        let langsung = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip());
        // Behind a trusted load balancer the client is the last address it appended.
        let alamat = if state.konfigurasi().percaya_proxy {
            parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(langsung)
        } else {
            langsung
        };
        let perangkat = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(120).collect());
        Ok(Self {
            bahasa,
            alamat,
            perangkat,
            cookies,
        })
    }
}

/// A session at any login stage (for the MFA pages).
pub struct SesiApaSaja {
    /// The session.
    pub sesi: Sesi,
    /// Its account.
    pub akun: Akun,
    /// Request facts.
    pub konteks: Konteks,
}

/// A fully signed-in session.
pub struct Masuk {
    /// The session.
    pub sesi: Sesi,
    /// Its account.
    pub akun: Akun,
    /// Who, with grants.
    pub pelaku: Pelaku,
    /// Request facts.
    pub konteks: Konteks,
}

/// Finds the live session named by the cookie; ends it when a time limit has passed.
async fn sesi_hidup(state: &AppState, konteks: &Konteks) -> Result<Option<(Sesi, Akun)>, WebError> {
    let Some(nilai) = konteks.cookie(state.konfigurasi().cookie_sesi()) else {
        return Ok(None);
    };
    let id_hash = sidik(nilai);
    let Some(sesi) = state.store().sesi(&id_hash).await? else {
        return Ok(None);
    };
    let now = state.jam().sekarang();
    let cfg = state.konfigurasi();
    let idle = if sesi.ingat_saya {
        Duration::days(cfg.ingat_saya_hari)
    } else {
        Duration::minutes(cfg.sesi_idle_menit)
    };
    if now >= sesi.batas_mutlak || now >= sesi.aktif_pada + idle {
        state.store().hapus_sesi(&id_hash).await?;
        return Ok(None);
    }
    if now - sesi.aktif_pada > Duration::seconds(60) {
        state.store().sentuh_sesi(&id_hash, now).await?;
    }
    let akun = state.store().akun(sesi.akun_id).await?;
    Ok(Some((sesi, akun)))
}

impl FromRequestParts<AppState> for SesiApaSaja {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let konteks = Konteks::from_request_parts(parts, state).await?;
        match sesi_hidup(state, &konteks).await? {
            Some((sesi, akun)) => Ok(Self {
                sesi,
                akun,
                konteks,
            }),
            None => Err(WebError::PerluMasuk),
        }
    }
}

impl FromRequestParts<AppState> for Masuk {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let s = SesiApaSaja::from_request_parts(parts, state).await?;
        match s.sesi.tahap {
            TahapSesi::Penuh => {}
            TahapSesi::PerluMfa => return Err(WebError::Alihkan("/mfa")),
            TahapSesi::PerluDaftarMfa => return Err(WebError::Alihkan("/mfa/daftar")),
        }
        let pelaku = Pelaku {
            akun_id: s.akun.id,
            pegawai_id: s.akun.pegawai_id,
            peran: s.akun.peran.clone(),
        };
        Ok(Self {
            sesi: s.sesi,
            akun: s.akun,
            pelaku,
            konteks: s.konteks,
        })
    }
}

/// Checks a form's CSRF token against the session's (signed-in forms).
pub fn periksa_csrf_sesi(sesi: &Sesi, dari_form: &str, bahasa: Bahasa) -> Result<(), WebError> {
    if crate::keamanan::sama(&sesi.csrf, dari_form) {
        Ok(())
    } else {
        Err(WebError::Csrf(bahasa))
    }
}

/// Checks a form's CSRF token against the double-submit cookie (forms before sign-in).
pub fn periksa_csrf_tamu(
    state: &AppState,
    konteks: &Konteks,
    dari_form: &str,
) -> Result<(), WebError> {
    match konteks.cookie(state.konfigurasi().cookie_csrf()) {
        Some(c) if !c.is_empty() && crate::keamanan::sama(c, dari_form) => Ok(()),
        _ => Err(WebError::Csrf(konteks.bahasa)),
    }
}

/// A path parameter; one that does not parse (not a UUID, say) is a page that does not
/// exist, answered like any other missing page instead of with axum's plain-text 400.
pub struct Param<T>(pub T);

impl<T, S> FromRequestParts<S> for Param<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(v)| Self(v))
            .map_err(|_| WebError::Store(siasn_store::StoreError::NotFound))
    }
}
