//! The two token endpoints: client credentials for the partner system (gateway token) and the
//! OpenID Connect password grant for the person on whose behalf it calls (user token).

use axum::extract::{Form, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::json;
use siasn_app::{akun, klien_api};
use siasn_domain::klien_api::{UMUR_TOKEN_GATEWAY, UMUR_TOKEN_PENGGUNA};

use super::kunci::{self, JenisToken, KlaimToken};
use crate::AppState;
use crate::infra::batas_laju::Jalur;
use crate::infra::konteks::Konteks;

/// An OAuth2 error (RFC 6749 §5.2 shape, which token clients parse).
fn galat(status: StatusCode, kode: &str, keterangan: &str) -> Response {
    let mut r = (
        status,
        axum::Json(json!({ "error": kode, "error_description": keterangan })),
    )
        .into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn terlalu_sering(detik: u64) -> Response {
    let mut r = (
        StatusCode::TOO_MANY_REQUESTS,
        axum::Json(json!({
            "Error": "Too Many Requests",
            "Message": format!("terlalu banyak permintaan token; coba lagi dalam {detik} detik"),
        })),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&detik.to_string()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

fn berhasil(isi: serde_json::Value) -> Response {
    let mut r = axum::Json(isi).into_response();
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

/// Token request fields (both grants), from a form body (RFC 6749) or, as some clients send
/// them, a JSON object.
#[derive(Deserialize, Default)]
pub struct FormToken {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    username: Option<String>,
    password: Option<String>,
}

/// The token request body: `application/json` or a form; anything else is a 400 in the
/// OAuth2 shape.
pub struct BadanToken(FormToken);

impl<S: Send + Sync> FromRequest<S> for BadanToken {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/json")
            });
        let salah = || {
            galat(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "body harus application/x-www-form-urlencoded atau objek JSON",
            )
        };
        if json {
            axum::Json::<FormToken>::from_request(req, state)
                .await
                .map(|axum::Json(f)| Self(f))
                .map_err(|_| salah())
        } else {
            Form::<FormToken>::from_request(req, state)
                .await
                .map(|Form(f)| Self(f))
                .map_err(|_| salah())
        }
    }
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (skema, isi) = v.trim().split_once(' ')?;
    if !skema.eq_ignore_ascii_case("basic") {
        return None;
    }
    let teks = String::from_utf8(STANDARD.decode(isi.trim()).ok()?).ok()?;
    let (k, s) = teks.split_once(':')?;
    Some((k.to_string(), s.to_string()))
}

/// `POST /oauth2/token`: client credentials (HTTP Basic, or client_id/client_secret in the form).
pub async fn gateway(
    State(state): State<AppState>,
    k: Konteks,
    headers: HeaderMap,
    form: Result<BadanToken, Response>,
) -> Response {
    let now = state.sekarang();
    if let Err(s) = state.batas().periksa(Jalur::TokenApi, k.alamat, now).await {
        return terlalu_sering(s);
    }
    let f = match form {
        Ok(BadanToken(f)) => f,
        Err(r) => return r,
    };
    if f.grant_type.as_deref() != Some("client_credentials") {
        return galat(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type harus client_credentials",
        );
    }
    let Some((key, secret)) = basic(&headers).or_else(|| f.client_id.zip(f.client_secret)) else {
        return galat(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Invalid Credentials",
        );
    };
    let klien = match klien_api::verifikasi_klien(state.app(), &key, &secret).await {
        Ok(Some(k)) => k,
        Ok(None) => {
            return galat(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Invalid Credentials",
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "client lookup failed");
            return galat(
                StatusCode::INTERNAL_SERVER_ERROR,
                "server_error",
                "kesalahan server",
            );
        }
    };
    let klaim = KlaimToken {
        jenis: JenisToken::Gateway,
        klien: klien.id,
        akun: None,
        kedaluwarsa: now.timestamp() + UMUR_TOKEN_GATEWAY,
    };
    match kunci::terbitkan(&state, &klaim).await {
        Ok(t) => berhasil(json!({
            "access_token": t,
            "token_type": "Bearer",
            "expires_in": UMUR_TOKEN_GATEWAY,
            "scope": klien.lingkup.to_string(),
        })),
        Err(e) => e.into_response(),
    }
}

/// `POST /auth/realms/public-siasn/protocol/openid-connect/token`: the password grant for a
/// user (NIP or operator login) through a registered client.
pub async fn pengguna(
    State(state): State<AppState>,
    k: Konteks,
    form: Result<BadanToken, Response>,
) -> Response {
    let now = state.sekarang();
    if let Err(s) = state.batas().periksa(Jalur::TokenApi, k.alamat, now).await {
        return terlalu_sering(s);
    }
    let f = match form {
        Ok(BadanToken(f)) => f,
        Err(r) => return r,
    };
    if f.grant_type.as_deref() != Some("password") {
        return galat(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type harus password",
        );
    }
    let (Some(client_id), Some(username), Some(password)) = (f.client_id, f.username, f.password)
    else {
        return galat(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "client_id, username dan password wajib",
        );
    };
    // `client_id` is the consumer key, or the client's id that `siasn partner add` and the
    // admin page print as `client_id` (both name the same registered client).
    let client_id = client_id.trim();
    let dicari = match client_id.parse::<uuid::Uuid>() {
        Ok(id) => match state.store().klien_api(id).await {
            Ok(k) => Ok(Some(k)),
            Err(siasn_store::StoreError::NotFound) => {
                state.store().klien_api_by_key(client_id).await
            }
            Err(e) => Err(e),
        },
        Err(_) => state.store().klien_api_by_key(client_id).await,
    };
    let klien = match dicari {
        Ok(Some(kl)) if kl.aktif => kl,
        Ok(_) => {
            return galat(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Invalid Credentials",
            );
        }
        Err(e) => return super::ApiError::from(e).into_response(),
    };
    match akun::masuk_api(state.app(), &username, &password, &klien.nama, &k.asal()).await {
        Ok(Some(akun)) => {
            let klaim = KlaimToken {
                jenis: JenisToken::Pengguna,
                klien: klien.id,
                akun: Some(akun.id),
                kedaluwarsa: now.timestamp() + UMUR_TOKEN_PENGGUNA,
            };
            match kunci::terbitkan(&state, &klaim).await {
                Ok(t) => berhasil(json!({
                    "access_token": t,
                    "expires_in": UMUR_TOKEN_PENGGUNA,
                    "refresh_expires_in": 0,
                    "token_type": "Bearer",
                    "not-before-policy": 0,
                    "scope": "openid",
                })),
                Err(e) => e.into_response(),
            }
        }
        Ok(None) => galat(
            StatusCode::UNAUTHORIZED,
            "invalid_grant",
            "Invalid user credentials",
        ),
        Err(e) => super::ApiError::from(e).into_response(),
    }
}
