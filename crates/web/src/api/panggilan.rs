//! Who is calling: the gateway token's client and the user token's account, checked on every
//! call (signature, expiry, client still active, the user token bound to that client), with
//! short-lived caches and the per-client rate limit.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use siasn_domain::akses::{Cakupan, Pelaku};
use siasn_domain::klien_api::KlienApi;
use siasn_domain::klien_api::Lingkup;
use siasn_domain::pegawai::Pegawai;
use siasn_store::StoreError;
use siasn_store::audit::AuditBaru;
use uuid::Uuid;

use super::kunci::{self, JenisToken};
use super::{ApiError, catat_baca_berkelompok};
use crate::AppState;
use crate::infra::konteks::Konteks;

/// How long a client or an account stays cached: disabling a client or removing a grant takes
/// effect on every app server within this time.
const UMUR_CACHE: Duration = Duration::from_secs(30);

/// Values by id, each kept for [`UMUR_CACHE`].
pub struct Cache<V>(Mutex<HashMap<Uuid, (Instant, V)>>);

impl<V> Default for Cache<V> {
    fn default() -> Self {
        Self(Mutex::new(HashMap::new()))
    }
}

impl<V: Clone> Cache<V> {
    fn ambil(&self, id: Uuid) -> Option<V> {
        let map = self.0.lock().ok()?;
        map.get(&id)
            .filter(|(t, _)| t.elapsed() < UMUR_CACHE)
            .map(|(_, v)| v.clone())
    }

    fn simpan(&self, id: Uuid, v: V) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() > 10_000 {
                map.retain(|_, (t, _)| t.elapsed() < UMUR_CACHE);
            }
            map.insert(id, (Instant::now(), v));
        }
    }
}

/// A call authenticated by its gateway token only (reference API).
pub struct Klien {
    /// The partner client.
    pub klien: KlienApi,
}

/// A data call: the client, the user on whose behalf it calls, and where it comes from.
pub struct Panggilan {
    /// The partner client.
    pub klien: KlienApi,
    /// The user (account) and grants.
    pub pelaku: Pelaku,
    /// The user's display name.
    pub nama_pengguna: String,
    /// Network address.
    pub alamat: IpAddr,
}

impl Panggilan {
    /// Writes are agency acts: the client must be an agency's, with `tulis`, and the user an
    /// operator or verifier of the employee's agency.
    pub fn boleh_menulis(&self, p: &Pegawai) -> Result<(), ApiError> {
        self.wajib(Lingkup::Tulis)?;
        siasn_app::usulan::boleh_menulis(&self.klien, &self.pelaku, p).map_err(|t| {
            ApiError::new(
                axum::http::StatusCode::FORBIDDEN,
                match t {
                    siasn_app::usulan::TolakTulis::KlienNasional => {
                        "klien nasional hanya dapat membaca"
                    }
                    siasn_app::usulan::TolakTulis::BukanPetugas => {
                        "pengguna bukan operator atau verifikator instansi pegawai ini"
                    }
                },
            )
        })
    }

    /// The user's read scopes.
    pub fn cakupan_pengguna(&self) -> Vec<Cakupan> {
        self.pelaku.cakupan_baca()
    }

    /// The client's reach, as scopes.
    pub fn cakupan_klien(&self) -> Vec<Cakupan> {
        vec![self.klien.jangkauan.cakupan()]
    }

    /// Fails with 403 unless the client holds `l`.
    pub fn wajib(&self, l: Lingkup) -> Result<(), ApiError> {
        if self.klien.lingkup.punya(l) {
            Ok(())
        } else {
            Err(ApiError::lingkup(l))
        }
    }

    /// Who acted, for the audit log: the client and the user.
    pub fn aktor(&self) -> String {
        self.aktor_kasus().label()
    }

    /// The user acting through the client, for the use cases.
    pub fn aktor_kasus(&self) -> siasn_app::Aktor {
        siasn_app::Aktor {
            pelaku: self.pelaku.clone(),
            nama: self.nama_pengguna.clone(),
            alamat: Some(self.alamat.to_string()),
            klien: Some((self.klien.id, self.klien.nama.clone())),
        }
    }

    /// The employee with this NIP within reach (400 for a malformed NIP, 404 outside reach).
    pub async fn pegawai(&self, state: &AppState, nip: &str) -> Result<Pegawai, ApiError> {
        Ok(state
            .store()
            .pegawai_api(
                self.nip(nip)?,
                &self.cakupan_pengguna(),
                &self.cakupan_klien(),
            )
            .await?)
    }

    /// A NIP from a path or query, trimmed (400 unless 18 digits).
    pub fn nip<'a>(&self, nip: &'a str) -> Result<&'a str, ApiError> {
        let nip = nip.trim();
        if nip.len() != 18 || !nip.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::tidak_valid("NIP harus 18 digit angka"));
        }
        Ok(nip)
    }

    /// Records a read of personal data: who (client and user), which employee, which fields.
    pub async fn catat_baca(
        &self,
        state: &AppState,
        pegawai_id: Uuid,
        jalur: &str,
        bidang: &str,
    ) -> Result<(), ApiError> {
        catat_baca_berkelompok(
            state,
            vec![AuditBaru {
                aktor: self.aktor(),
                aksi: "api.dibaca".into(),
                pegawai_id: Some(pegawai_id),
                alasan: Some(format!("{} via API: {jalur} ({bidang})", self.klien.nama)),
                alamat: Some(self.alamat.to_string()),
                ..AuditBaru::default()
            }],
        )
        .await
    }
}

fn header_token<'a>(parts: &'a Parts, nama: &str) -> Option<&'a str> {
    let v = parts.headers.get(nama)?.to_str().ok()?.trim();
    let (skema, token) = v.split_once(' ')?;
    skema.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The gateway token's client, checked: signature, expiry, client still active, rate limit.
async fn klien_dari(parts: &Parts, state: &AppState) -> Result<KlienApi, ApiError> {
    let token = header_token(parts, header::AUTHORIZATION.as_str()).ok_or_else(ApiError::jwt)?;
    let now = state.sekarang();
    let klaim = kunci::periksa(state, token, JenisToken::Gateway, now)
        .await?
        .ok_or_else(ApiError::jwt)?;
    let klien = klien_tersimpan(state, klaim.klien)
        .await?
        .ok_or_else(ApiError::jwt)?;
    if !klien.aktif {
        return Err(ApiError::jwt());
    }
    hitung_laju(state, &klien).await?;
    Ok(klien)
}

/// Fixed one-minute windows per client (shared by every app server when several run).
async fn hitung_laju(state: &AppState, klien: &KlienApi) -> Result<(), ApiError> {
    state
        .batas()
        .periksa_klien(klien.id, klien.batas_per_menit, state.sekarang())
        .await
        .map_err(|sisa| {
            let mut err = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "batas {} permintaan per menit untuk klien ini terlampaui",
                    klien.batas_per_menit
                ),
            );
            err.tunggu = Some(sisa);
            err
        })
}

async fn klien_tersimpan(state: &AppState, id: Uuid) -> Result<Option<KlienApi>, ApiError> {
    let cache = &state.api().klien;
    if let Some(k) = cache.ambil(id) {
        return Ok(Some(k));
    }
    match state.store().klien_api(id).await {
        Ok(k) => {
            cache.simpan(id, k.clone());
            Ok(Some(k))
        }
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn pelaku_tersimpan(
    state: &AppState,
    akun_id: Uuid,
) -> Result<Option<(Pelaku, String)>, ApiError> {
    let cache = &state.api().akun;
    if let Some(v) = cache.ambil(akun_id) {
        return Ok(Some(v));
    }
    match state.store().akun(akun_id).await {
        Ok(a) => {
            let v = (
                Pelaku {
                    akun_id: a.id,
                    pegawai_id: a.pegawai_id,
                    peran: a.peran,
                },
                a.nama,
            );
            cache.simpan(akun_id, v.clone());
            Ok(Some(v))
        }
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

impl FromRequestParts<AppState> for Klien {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(Self {
            klien: klien_dari(parts, state).await?,
        })
    }
}

impl FromRequestParts<AppState> for Panggilan {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let klien = klien_dari(parts, state).await?;
        let token = header_token(parts, "auth").ok_or_else(ApiError::sso)?;
        let now = state.sekarang();
        let klaim = kunci::periksa(state, token, JenisToken::Pengguna, now)
            .await?
            .ok_or_else(ApiError::sso)?;
        // A user token works only with the gateway token of the client it was issued to.
        if klaim.klien != klien.id {
            return Err(ApiError::sso());
        }
        let akun = klaim.akun.ok_or_else(ApiError::sso)?;
        let (pelaku, nama_pengguna) = pelaku_tersimpan(state, akun)
            .await?
            .ok_or_else(ApiError::sso)?;
        let alamat = Konteks::from_request_parts(parts, state)
            .await
            .map(|k| k.alamat)
            .map_err(|_| ApiError::sso())?;
        Ok(Self {
            klien,
            pelaku,
            nama_pengguna,
            alamat,
        })
    }
}
