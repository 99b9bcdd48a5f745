//! `GET /apisiasn/1.0/peristiwa?sejak=N&limit=M`: the change feed (decision 0019). A partner
//! system keeps the position of the last event it processed and asks for what came after;
//! it sees only its agency's employees and the kinds its scopes cover, and the NIP only with
//! scope `baca`. Authenticated by the gateway token alone: the feed is machine-to-machine.

use axum::extract::State;
use serde_json::{Value, json};
use siasn_domain::klien_api::Lingkup;

use super::baca::{Kueri, kueri};
use super::panggilan::Klien;
use super::{ApiError, ApiResult};
use crate::AppState;

/// Most events per page.
const BATAS_MAKS: u32 = 1000;

/// The feed after a position.
pub async fn feed(State(state): State<AppState>, c: Klien, q: Kueri) -> ApiResult {
    let q = kueri(q)?;
    let angka = |k: &str, bawaan: i64| -> Result<i64, ApiError> {
        match q.get(k) {
            None => Ok(bawaan),
            Some(v) => v
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| ApiError::tidak_valid(format!("{k} harus bilangan bulat ≥ 0"))),
        }
    };
    let sejak = angka("sejak", 0)?;
    let batas = u32::try_from(angka("limit", 100)?.clamp(1, i64::from(BATAS_MAKS))).unwrap_or(100);
    let saring = siasn_app::peristiwa::saring_klien(&c.klien);
    let dengan_nip = c.klien.lingkup.punya(Lingkup::Baca);
    let terakhir = state.store().posisi_peristiwa_terakhir().await?;
    let daftar = state
        .store()
        .peristiwa_sejak(sejak, Some(terakhir), batas, Some(&saring))
        .await?;
    let penuh = daftar.len() == batas as usize;
    // A short page covers everything up to the feed's end, so the next call can start there
    // even if none of the last events were this client's.
    let berikutnya = match daftar.last() {
        Some(p) if penuh => p.posisi,
        _ => terakhir.max(sejak),
    };
    let isi: Vec<Value> = daftar
        .iter()
        .map(|p| siasn_app::peristiwa::badan(p, dengan_nip))
        .collect();
    Ok(super::data(json!({
        "peristiwa": isi,
        "berikutnya": berikutnya,
        "masihAda": penuh,
    })))
}
