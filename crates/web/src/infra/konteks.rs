//! What every page handler needs about the request: language, client address, cookies, and the
//! signed-in session if there is one.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use siasn_app::Aktor;
use siasn_app::akun::Asal;
use siasn_domain::akses::Pelaku;
use siasn_domain::akun::{Akun, Sesi, TahapSesi};
use siasn_teks::Bahasa;

use super::error::WebError;
use crate::AppState;

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
    /// The request's path (without the query), to mark the current page in the menu.
    pub jalur: String,
}

impl Konteks {
    /// Where the request came from, for the use cases.
    pub fn asal(&self) -> Asal {
        Asal {
            alamat: self.alamat.to_string(),
            perangkat: self.perangkat.clone(),
        }
    }

    /// Whether the request carries a fully signed-in session (the front page sends such
    /// readers to their home).
    pub async fn sudah_masuk(&self, state: &AppState) -> Result<bool, WebError> {
        Ok(matches!(sesi_hidup(state, self).await?, Some((s, _)) if s.tahap == TahapSesi::Penuh))
    }

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
                .and_then(Bahasa::from_kode)
        });
        let bahasa = dari_query
            .or_else(|| {
                cookies
                    .get(COOKIE_BAHASA)
                    .and_then(|v| Bahasa::from_kode(v))
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
            jalur: parts.uri.path().to_string(),
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

/// The live session named by the cookie, with its account (ended sessions are removed).
async fn sesi_hidup(state: &AppState, konteks: &Konteks) -> Result<Option<(Sesi, Akun)>, WebError> {
    let Some(nilai) = konteks.cookie(state.konfigurasi().cookie_sesi()) else {
        return Ok(None);
    };
    Ok(siasn_app::akun::sesi_hidup(state.app(), nilai).await?)
}

impl SesiApaSaja {
    /// Where the request came from.
    pub fn asal(&self) -> Asal {
        self.konteks.asal()
    }
}

impl Masuk {
    /// The signed-in person as the actor of a use case.
    pub fn aktor(&self) -> Aktor {
        Aktor::akun(&self.akun, Some(self.konteks.alamat.to_string()))
    }

    /// The reader's language.
    pub fn bahasa(&self) -> Bahasa {
        self.konteks.bahasa
    }
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
        let pelaku = s.akun.pelaku();
        Ok(Self {
            sesi: s.sesi,
            akun: s.akun,
            pelaku,
            konteks: s.konteks,
        })
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
            .map_err(|_| WebError::TidakDitemukan)
    }
}
