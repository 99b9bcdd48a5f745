//! Request ids, one structured log line per request, and security headers on every response.
//!
//! The log names the route *template* (`/pns/data-utama/{nip}`), never the raw path, so personal
//! data in paths never reaches the logs.

use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use tracing::{Instrument, field};

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps `router` with the request span (outer) and the route recorder (inner).
pub fn layers(router: Router, https: bool, cookie_secure: bool) -> Router {
    let router = router
        .route_layer(from_fn(record_route))
        .layer(from_fn(move |req, next| {
            request_span(req, next, cookie_secure)
        }));
    if https {
        router.layer(from_fn(hsts))
    } else {
        router
    }
}

async fn hsts(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.headers_mut().insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    res
}

/// Accepts a caller's request id only if it is short and plain; otherwise makes a new one.
fn request_id(req: &Request) -> String {
    req.headers()
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string)
}

async fn request_span(mut req: Request, next: Next, cookie_secure: bool) -> Response {
    let id = request_id(&req);
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        route = field::Empty,
    );
    let bahasa_dipilih = req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
            .filter(|v| *v == "id" || *v == "en")
            .map(str::to_string)
    });
    let header_value = HeaderValue::from_str(&id).ok();
    if let Some(v) = &header_value {
        req.headers_mut().insert(X_REQUEST_ID, v.clone());
    }
    let started = Instant::now();
    let mut res = next.run(req).instrument(span.clone()).await;
    let status = res.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(parent: &span, status, ms, "request finished");
    } else {
        tracing::info!(parent: &span, status, ms, "request finished");
    }
    let headers = res.headers_mut();
    // A language chosen with ?lang= sticks for later pages. No script reads it, so it is
    // HttpOnly like every other cookie, and Secure wherever the session cookie is.
    if let Some(lang) = bahasa_dipilih
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{}={lang}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{}",
            crate::infra::konteks::COOKIE_BAHASA,
            if cookie_secure { "; Secure" } else { "" }
        ))
    {
        headers.append(header::SET_COOKIE, v);
    }
    if let Some(v) = header_value {
        headers.insert(X_REQUEST_ID, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Documents shown inside a proposal page may be framed by our own pages, nothing else.
    let bingkai_sendiri = headers.remove(BINGKAI_SENDIRI).is_some();
    headers.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static(if bingkai_sendiri {
            "SAMEORIGIN"
        } else {
            "DENY"
        }),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // Pages can hold personal data: never keep them in shared caches.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if bingkai_sendiri {
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; \
             frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
        } else {
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        }),
    );
    res
}

/// Internal response header: this response may be framed by our own pages (removed before
/// the response leaves).
pub const BINGKAI_SENDIRI: &str = "x-siasn-bingkai-sendiri";

async fn record_route(req: Request, next: Next) -> Response {
    if let Some(path) = req.extensions().get::<MatchedPath>() {
        tracing::Span::current().record("route", path.as_str());
    }
    next.run(req).await
}
