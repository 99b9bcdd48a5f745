//! The service's OpenAPI 3.1 description, served as JSON and as a readable page built from it
//! (one source: the page cannot drift from the description).

use std::sync::OnceLock;

use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;

/// The OpenAPI 3.1 description of the whole service.
pub const OPENAPI: &str = include_str!("openapi.json");

/// `GET /api/openapi.json`.
pub async fn json() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Alternating spans of `pemisah` wrapped in `tag`.
fn selang(s: &str, pemisah: &str, tag: &str) -> String {
    let mut out = String::new();
    for (i, bagian) in s.split(pemisah).enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<{tag}>{bagian}</{tag}>"));
        } else {
            out.push_str(bagian);
        }
    }
    out
}

/// The descriptions' little markdown (`code`, **bold**), escaped.
fn teks(s: &str) -> String {
    selang(&selang(&esc(s), "`", "code"), "**", "strong")
}

fn bangun() -> String {
    let spec: Value = serde_json::from_str(OPENAPI).unwrap_or(Value::Null);
    let mut html = String::from(
        "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>SIASN API</title><link rel=\"stylesheet\" href=\"/static/siasn.css\"><main class=\"dok-api\">",
    );
    let info = &spec["info"];
    html.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        esc(info["title"].as_str().unwrap_or("SIASN API")),
        teks(info["description"].as_str().unwrap_or(""))
            .replace("\n\n---\n\n", "</p><hr><p lang=\"en\">")
            .replace("\n\n", "</p><p>")
    ));
    html.push_str(
        "<p>Deskripsi mesin / machine-readable description: \
         <a href=\"/api/openapi.json\">/api/openapi.json</a> (OpenAPI 3.1).</p>\
         <h2>Alur / Flow</h2><ol>\
         <li><code>POST /oauth2/token</code> — <code>grant_type=client_credentials</code>, HTTP Basic \
         <code>consumer_key:consumer_secret</code> → token gateway (3600 s).</li>\
         <li><code>POST /auth/realms/public-siasn/protocol/openid-connect/token</code> — \
         <code>grant_type=password</code>, <code>client_id</code>, <code>username</code> (NIP / login), \
         <code>password</code> → token pengguna (43200 s).</li>\
         <li>Setiap panggilan data / every data call: <code>Authorization: Bearer &lt;gateway&gt;</code> \
         dan <code>Auth: bearer &lt;pengguna&gt;</code>. Referensi: hanya gateway.</li>\
         <li>HTTP 401 <code>invalid or expired jwt</code> / <code>Token SSO mismatch</code>: \
         minta token baru lalu ulangi sekali / fetch new tokens and retry once.</li></ol>\
         <p>Sukses / success: <code>{\"code\": 1, \"data\": …}</code>; simpan / save: \
         <code>{\"code\": 1, \"success\": true, \"message\": …, \"mapData\": {…}}</code>; \
         galat / error: <code>{\"Error\": …, \"Message\": …}</code>. Tanggal / dates: \
         <code>dd-mm-yyyy</code>.</p>",
    );
    let tags: Vec<String> = spec["tags"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|x| x["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    for tag in tags {
        html.push_str(&format!("<h2>{}</h2><ul class=\"operasi\">", esc(&tag)));
        if let Some(paths) = spec["paths"].as_object() {
            for (path, ops) in paths {
                let Some(ops) = ops.as_object() else { continue };
                for (metode, op) in ops {
                    let cocok = op["tags"]
                        .as_array()
                        .is_some_and(|t| t.iter().any(|x| x.as_str() == Some(tag.as_str())));
                    if !cocok {
                        continue;
                    }
                    let lingkup = op["x-siasn-scope"]
                        .as_array()
                        .map(|l| {
                            l.iter()
                                .filter_map(Value::as_str)
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                        .unwrap_or_default();
                    let lingkup = if lingkup.is_empty() {
                        String::new()
                    } else {
                        format!(" · <small>lingkup / scope: {}</small>", esc(&lingkup))
                    };
                    html.push_str(&format!(
                        "<li><code><strong>{}</strong> {}</code><br>{}{}</li>",
                        metode.to_ascii_uppercase(),
                        esc(path),
                        teks(op["summary"].as_str().unwrap_or("")),
                        lingkup
                    ));
                }
            }
        }
        html.push_str("</ul>");
    }
    html.push_str("</main></html>");
    html
}

/// `GET /api`: the readable page.
pub async fn halaman() -> Response {
    static HALAMAN: OnceLock<String> = OnceLock::new();
    Html(HALAMAN.get_or_init(bangun).clone()).into_response()
}
