//! The card signing keys: created on first use, rotated from the CLI, published as a JWKS
//! (shared by the card pages, the public check and the CLI).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use siasn_card::token::{self, KunciPenanda, KunciPublik};
use siasn_store::audit::AuditBaru;
use siasn_store::kartu::KunciTersimpan;
use siasn_store::{Store, StoreError};

use crate::keamanan::acak;
use crate::{AppState, WebError};

/// The key that signs new cards; the first one is created on first use.
pub async fn kunci_penanda(store: &Store, now: DateTime<Utc>) -> Result<KunciPenanda, WebError> {
    let tersimpan = match store.kunci_kartu_aktif().await? {
        Some(k) => k,
        None => {
            let kid = kid_baru();
            let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
            store
                .simpan_kunci_pertama(&kid, &kunci.publik(), &pkcs8, now)
                .await?
        }
    };
    dari_simpanan(&tersimpan)
}

fn dari_simpanan(k: &KunciTersimpan) -> Result<KunciPenanda, WebError> {
    KunciPenanda::dari_pkcs8(&k.kid, &k.kunci_privat).map_err(gagal_kunci)
}

pub(super) fn gagal_kunci(e: token::TokenError) -> WebError {
    WebError::Store(StoreError::Corrupt(format!("kunci kartu: {e}")))
}

/// A new key id: the month and random hex ("2026-11-a3f9c2").
pub fn kid_baru() -> String {
    format!("{}-{}", Utc::now().format("%Y-%m"), hex::encode(acak(3)))
}

/// Rotates the signing key (CLI `siasn card rotate-key`); returns the new key id.
pub async fn putar_kunci(
    store: &Store,
    aktor: &str,
    now: DateTime<Utc>,
) -> Result<String, WebError> {
    let kid = kid_baru();
    let (kunci, pkcs8) = KunciPenanda::baru(&kid).map_err(gagal_kunci)?;
    let audit = AuditBaru {
        aktor: aktor.to_string(),
        aksi: "kartu.kunci.diputar".into(),
        sesudah: Some(serde_json::json!({ "kid": kid })),
        ..AuditBaru::default()
    };
    store
        .putar_kunci_kartu(&kid, &kunci.publik(), &pkcs8, audit, now)
        .await?;
    Ok(kid)
}

/// The published keys.
pub async fn kunci_publik(
    store: &Store,
    hari_ini: NaiveDate,
) -> Result<Vec<KunciPublik>, WebError> {
    Ok(store
        .kunci_kartu_terbit(hari_ini)
        .await?
        .into_iter()
        .map(|k| KunciPublik {
            kid: k.kid,
            kunci: k.kunci_publik,
        })
        .collect())
}

/// The JWKS document (RFC 7517) of the published keys.
pub async fn jwks(store: &Store, hari_ini: NaiveDate) -> Result<serde_json::Value, WebError> {
    let keys: Vec<serde_json::Value> = kunci_publik(store, hari_ini)
        .await?
        .iter()
        .map(|k| token::jwk(&k.kid, &k.kunci))
        .collect();
    Ok(serde_json::json!({ "keys": keys }))
}

/// `GET /.well-known/jwks.json`.
pub async fn jwks_get(State(state): State<AppState>) -> Result<Response, WebError> {
    let hari_ini = state.jam().sekarang().date_naive();
    let body = jwks(state.store(), hari_ini).await?.to_string();
    let mut r = ([(header::CONTENT_TYPE, "application/jwk-set+json")], body).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(r)
}
