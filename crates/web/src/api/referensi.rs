//! The reference API (`/referensi_siasn/1/{name}/search`): code lists, gateway token only.

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde_json::{Value, json};
use siasn_domain::klien_api::Lingkup;

use super::{ApiError, ApiResult, Klien, daftar_halaman};
use crate::AppState;

/// The names the national service serves, and the list behind each here (`None`: a list this
/// system does not keep, answered empty).
const DAFTAR: [(&str, Option<&str>); 23] = [
    ("agama", Some("agama")),
    ("alasan-hukuman-disiplin", None),
    ("asn-jenis-jabatan", Some("jenis-jabatan")),
    ("asn-jenjang-jabatan", None),
    ("eselon", Some("eselon")),
    ("golongan", Some("@golongan")),
    ("instansi", Some("@instansi")),
    ("jabatan-fungsional", Some("@jabatan:2")),
    ("jabatan-fungsional-umum", Some("@jabatan:4")),
    ("jenis-anak", Some("jenis-anak")),
    ("jenis-hukuman", None),
    ("jenis-jabatan", Some("jenis-jabatan")),
    ("kanreg", Some("@kanreg")),
    ("kedudukan-hukum", Some("@kedudukan")),
    ("kel-jabatan", None),
    ("latihan-struktural", Some("latihan-struktural")),
    ("lokasi", None),
    ("pendidikan", None),
    ("ref-dokumen", Some("ref-dokumen")),
    ("ref-jenjang-jf", None),
    ("satuan-kerja", None),
    ("tingkat-pendidikan", Some("@tingkat-pendidikan")),
    ("jenis-diklat", Some("latihan-struktural")),
];

/// `GET /referensi_siasn/1/{nama}/search[?q=...]`.
pub async fn cari(
    State(state): State<AppState>,
    k: Klien,
    nama: Result<Path<String>, PathRejection>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    if !k.klien.lingkup.punya(Lingkup::Referensi) {
        return Err(ApiError::lingkup(Lingkup::Referensi));
    }
    let nama = super::baca::segmen(nama)?;
    let Some((_, sumber)) = DAFTAR.iter().find(|(n, _)| *n == nama) else {
        return Err(ApiError::tidak_ada());
    };
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let h = super::Halaman::dari(&q)?;
    let filter = q
        .get("q")
        .cloned()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let store = state.store();
    let pasangan: Vec<(String, String)> = match *sumber {
        None => Vec::new(),
        Some("@golongan") => siasn_domain::golongan::SEMUA_GOLONGAN
            .iter()
            .map(|g| {
                (
                    g.id().to_string(),
                    format!("{} ({})", g.label(), g.pangkat()),
                )
            })
            .collect(),
        Some("@instansi") => store
            .daftar_instansi()
            .await?
            .into_iter()
            .map(|i| (i.id, i.nama))
            .collect(),
        Some("@kanreg") => store
            .kanreg()
            .await?
            .into_iter()
            .map(|k| (k.id, k.nama))
            .collect(),
        Some("@kedudukan") => store
            .kedudukan_hukum()
            .await?
            .into_iter()
            .map(|k| (k.id, k.nama))
            .collect(),
        Some("@tingkat-pendidikan") => store
            .tingkat_pendidikan()
            .await?
            .into_iter()
            .map(|t| (t.id, t.nama))
            .collect(),
        Some(s) if s.starts_with("@jabatan:") => {
            let jenis = s.trim_start_matches("@jabatan:");
            store
                .ref_jabatan()
                .await?
                .into_iter()
                .filter(|j| j.jenis_jabatan_id == jenis)
                .map(|j| (j.id, j.nama))
                .collect()
        }
        Some(kategori) => store
            .referensi(kategori)
            .await?
            .into_iter()
            .map(|r| (r.id, r.nama))
            .collect(),
    };
    let isi: Vec<Value> = pasangan
        .into_iter()
        .filter(|(_, n)| filter.as_ref().is_none_or(|f| n.to_lowercase().contains(f)))
        .map(|(id, nama)| json!({ "id": id, "nama": nama }))
        .collect();
    Ok(daftar_halaman(isi, h))
}
