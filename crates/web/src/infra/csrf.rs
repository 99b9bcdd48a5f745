//! CSRF: a token bound to the session for signed-in forms, and a double-submit cookie for the
//! forms before sign-in.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use siasn_app::rahasia::{sama, token_acak};
use siasn_domain::akun::Sesi;
use siasn_teks::Bahasa;

use super::error::WebError;
use super::konteks::Konteks;
use crate::AppState;

/// Checks a form's CSRF token against the session's (signed-in forms).
pub fn periksa_csrf_sesi(sesi: &Sesi, dari_form: &str, bahasa: Bahasa) -> Result<(), WebError> {
    if sama(&sesi.csrf, dari_form) {
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
        Some(c) if !c.is_empty() && sama(c, dari_form) => Ok(()),
        _ => Err(WebError::Csrf(konteks.bahasa)),
    }
}

/// The guest CSRF token to put in a form, and the new one to set as a cookie if there is none.
pub fn csrf_tamu(state: &AppState, k: &Konteks) -> (String, Option<String>) {
    match k.cookie(state.konfigurasi().cookie_csrf()) {
        Some(c) if c.len() == 64 => (c.to_string(), None),
        _ => {
            let t = token_acak();
            (t.clone(), Some(t))
        }
    }
}

/// A page with the fresh guest CSRF cookie, when one was made.
pub fn dengan_csrf_tamu(state: &AppState, mut r: Response, baru: Option<&str>) -> Response {
    if let Some(token) = baru
        && let Ok(v) = HeaderValue::from_str(&state.konfigurasi().set_cookie(
            state.konfigurasi().cookie_csrf(),
            token,
            None,
        ))
    {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}
