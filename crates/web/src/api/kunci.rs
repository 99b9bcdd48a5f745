//! API tokens: a small binary claim (kind, client, account, expiry, nonce) with an HMAC-SHA256
//! tag, base64url. Verifying needs no database round trip; the key is the instance secret
//! stored once in the database, so every app server accepts every other server's tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use uuid::Uuid;

use super::ApiError;
use crate::AppState;
use siasn_app::rahasia::acak;

type HmacSha256 = Hmac<Sha256>;

const PANJANG_KLAIM: usize = 1 + 16 + 16 + 8 + 8;
const PANJANG_TAG: usize = 32;

/// Which token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisToken {
    /// Client credentials (`Authorization: Bearer`).
    Gateway,
    /// Password grant for a user (`Auth: bearer`).
    Pengguna,
}

impl JenisToken {
    fn bita(self) -> u8 {
        match self {
            Self::Gateway => b'g',
            Self::Pengguna => b'u',
        }
    }
}

/// What a token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KlaimToken {
    /// Which token.
    pub jenis: JenisToken,
    /// The client it was issued to.
    pub klien: Uuid,
    /// The user, for user tokens.
    pub akun: Option<Uuid>,
    /// Expiry (Unix seconds).
    pub kedaluwarsa: i64,
}

async fn kunci(state: &AppState) -> Result<&[u8], ApiError> {
    let k = state
        .api()
        .kunci
        .get_or_try_init(|| async {
            let hex_kunci = state
                .store()
                .rahasia_instance("token_api", || hex::encode(acak(32)), state.sekarang())
                .await?;
            hex::decode(hex_kunci.trim())
                .map_err(|e| siasn_store::StoreError::Corrupt(format!("token_api: {e}")))
        })
        .await?;
    Ok(k.as_slice())
}

fn tag(kunci: &[u8], klaim: &[u8]) -> Option<[u8; PANJANG_TAG]> {
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(kunci).ok()?;
    mac.update(klaim);
    Some(mac.finalize().into_bytes().into())
}

/// Issues a token.
pub async fn terbitkan(state: &AppState, k: &KlaimToken) -> Result<String, ApiError> {
    let mut klaim = Vec::with_capacity(PANJANG_KLAIM + PANJANG_TAG);
    klaim.push(k.jenis.bita());
    klaim.extend_from_slice(k.klien.as_bytes());
    klaim.extend_from_slice(k.akun.unwrap_or_default().as_bytes());
    klaim.extend_from_slice(&k.kedaluwarsa.to_be_bytes());
    klaim.extend_from_slice(&acak(8));
    let t = tag(kunci(state).await?, &klaim).ok_or_else(|| {
        ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, "kunci token")
    })?;
    klaim.extend_from_slice(&t);
    Ok(URL_SAFE_NO_PAD.encode(klaim))
}

/// The claim of a genuine, unexpired token of this kind; `None` for anything else.
pub async fn periksa(
    state: &AppState,
    token: &str,
    jenis: JenisToken,
    now: DateTime<Utc>,
) -> Result<Option<KlaimToken>, ApiError> {
    if token.len() > 200 {
        return Ok(None);
    }
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(token) else {
        return Ok(None);
    };
    if bytes.len() != PANJANG_KLAIM + PANJANG_TAG {
        return Ok(None);
    }
    let (klaim, t) = bytes.split_at(PANJANG_KLAIM);
    let mut mac = match <HmacSha256 as KeyInit>::new_from_slice(kunci(state).await?) {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    mac.update(klaim);
    // Constant-time comparison of the tag.
    if mac.verify_slice(t).is_err() || klaim[0] != jenis.bita() {
        return Ok(None);
    }
    let uuid = |b: &[u8]| Uuid::from_slice(b).unwrap_or_default();
    let klien = uuid(&klaim[1..17]);
    let akun = uuid(&klaim[17..33]);
    let mut exp = [0_u8; 8];
    exp.copy_from_slice(&klaim[33..41]);
    let kedaluwarsa = i64::from_be_bytes(exp);
    if kedaluwarsa <= now.timestamp() {
        return Ok(None);
    }
    Ok(Some(KlaimToken {
        jenis,
        klien,
        akun: (!akun.is_nil()).then_some(akun),
        kedaluwarsa,
    }))
}
