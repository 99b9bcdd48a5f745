//! Documents: download by `dok_uri`, and the three multipart uploads. An upload is kept for the
//! client that made it until a save refers to it in `path`; a row upload is attached at once.

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use serde_json::json;
use siasn_app::usulan::{self as kasus, BerkasApi, HasilLampiranApi, Pengarsipan};
use siasn_domain::klien_api::Lingkup;
use siasn_domain::klien_api::UnggahanApi;
use siasn_domain::usulan::StatusUsulan;
use siasn_domain::usulan::berkas::{BerkasDitolak, periksa_berkas};
use uuid::Uuid;

use super::{ApiError, ApiResult, Panggilan, data};
use crate::AppState;
use crate::infra::multipart::{FormMultipart, baca_multipart};

/// `GET /download-dok?filePath=dokumen/<id>`: the file, if its employee is within reach.
pub async fn unduh(
    State(state): State<AppState>,
    c: Panggilan,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Dokumen)?;
    let Ok(Query(q)) = q else {
        return Err(ApiError::tidak_valid("parameter query tidak valid"));
    };
    let jalur = q
        .get("filePath")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::tidak_valid("filePath wajib"))?;
    // The client's own upload, before a save filed it (no employee's data yet).
    if let Some(u) = jalur.trim_start_matches('/').strip_prefix("unggahan/") {
        let id: Uuid = u.parse().map_err(|_| ApiError::tidak_ada())?;
        let u = state.store().unggahan_api(id, c.klien.id).await?;
        let isi = state.store().blobs().get(&u.sha256).await?;
        let mut r = isi.into_response();
        if let Ok(v) = HeaderValue::from_str(&u.media_type) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        return Ok(r);
    }
    let id: Uuid = jalur
        .trim_start_matches('/')
        .strip_prefix("dokumen/")
        .unwrap_or(jalur)
        .parse()
        .map_err(|_| ApiError::tidak_ada())?;
    let d = state
        .store()
        .dokumen_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let isi = state.store().isi_dokumen(&d).await?;
    c.catat_baca(
        &state,
        d.pegawai_id,
        "download-dok",
        &format!("dokumen {}", d.nama_file),
    )
    .await?;
    let mut r = isi.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&d.media_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    let aman: String = d
        .nama_file
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{aman}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}

/// Reads a multipart upload: 415 for another content type, 413 over the limit.
pub(super) async fn baca(
    state: &AppState,
    headers: &HeaderMap,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<FormMultipart, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.to_ascii_lowercase().starts_with("multipart/form-data") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type harus multipart/form-data",
        ));
    }
    let mp = mp.map_err(|_| ApiError::tidak_valid("form multipart tidak valid"))?;
    let f = baca_multipart(mp, state.konfigurasi().app.batas_unggah)
        .await
        .map_err(|_| ApiError::tidak_valid("form multipart tidak valid"))?;
    if f.terlalu_besar {
        return Err(terlalu_besar(state));
    }
    Ok(f)
}

fn terlalu_besar(state: &AppState) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "berkas melebihi batas {} byte",
            state.konfigurasi().app.batas_unggah
        ),
    )
}

/// The `file` field, checked by content, as an upload of type `jenis`.
fn berkas(state: &AppState, f: &FormMultipart, jenis: String) -> Result<BerkasApi, ApiError> {
    let (_, nama, isi) = f
        .berkas
        .iter()
        .find(|(n, _, _)| n == "file")
        .ok_or_else(|| ApiError::tidak_valid("kolom file wajib"))?;
    match periksa_berkas(isi, state.konfigurasi().app.batas_unggah) {
        Ok(j) => Ok(BerkasApi {
            nama_file: nama.clone(),
            isi: isi.clone(),
            jenis_berkas: j,
            jenis_dokumen_id: jenis,
        }),
        Err(BerkasDitolak::TerlaluBesar { .. }) => Err(terlalu_besar(state)),
        Err(BerkasDitolak::Kosong) => Err(ApiError::tidak_valid("berkas kosong")),
        Err(e @ BerkasDitolak::JenisTidakDiizinkan) => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            siasn_teks::Bahasa::Indonesia.jelaskan(&e),
        )),
        Err(e) => Err(ApiError::ditolak(
            siasn_teks::Bahasa::Indonesia.jelaskan(&e),
        )),
    }
}

/// Whether a document type is in the reference list.
async fn jenis_dokumen_dikenal(state: &AppState, jenis: &str) -> Result<bool, ApiError> {
    Ok(state
        .store()
        .referensi("ref-dokumen")
        .await?
        .iter()
        .any(|r| r.id == jenis))
}

/// The form's document type from the reference list, or 400.
async fn jenis_dokumen(state: &AppState, f: &FormMultipart) -> Result<String, ApiError> {
    let j = f.satu("id_ref_dokumen").trim().to_string();
    if jenis_dokumen_dikenal(state, &j).await? {
        Ok(j)
    } else {
        Err(ApiError::tidak_valid(
            "id_ref_dokumen wajib dan harus ada di referensi ref-dokumen",
        ))
    }
}

/// The document object the service answers uploads with (the shape of `path` entries).
fn jawaban(u: &UnggahanApi, uri: String) -> axum::response::Response {
    jawaban_dok(&u.jenis_dokumen_id, &u.nama_file, &uri)
}

/// The upload answer SIASN's clients read: the document's type, name and `dok_uri`.
pub(super) fn jawaban_dok(jenis: &str, nama: &str, uri: &str) -> axum::response::Response {
    data(json!({
        "dok_id": jenis,
        "dok_nama": nama,
        "dok_uri": uri,
        "object": uri,
        "slug": jenis,
    }))
}

/// `POST /upload-dok` (`file`, `id_ref_dokumen`): kept for a later save's `path`.
pub async fn unggah(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    mp: Result<Multipart, MultipartRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Dokumen)?;
    c.wajib(Lingkup::Tulis)?;
    let f = baca(&state, &headers, mp).await?;
    let jenis = jenis_dokumen(&state, &f).await?;
    let u = kasus::unggah(state.app(), &c.klien, &berkas(&state, &f, jenis)?).await?;
    Ok(jawaban(&u, format!("unggahan/{}", u.id)))
}

/// `POST /upload-dok-rw` (`file`, `id_riwayat`, `id_ref_dokumen`): attached to the row at once
/// as a supporting document (the row's data does not change), audited.
pub async fn unggah_rw(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    mp: Result<Multipart, MultipartRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Dokumen)?;
    c.wajib(Lingkup::Tulis)?;
    let f = baca(&state, &headers, mp).await?;
    let riwayat_id: Uuid = f
        .satu("id_riwayat")
        .trim()
        .parse()
        .map_err(|_| ApiError::tidak_valid("id_riwayat tidak valid"))?;
    // A save made without its document waits for this one (decision 0015).
    if let Some(u) =
        kasus::usulan_menunggu_dokumen(state.app(), &c.aktor_kasus(), riwayat_id).await?
    {
        return lampirkan_ke_usulan(&state, &c, &f, &u).await;
    }
    let r = state
        .store()
        .riwayat_api(riwayat_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let p = state
        .store()
        .pegawai_api_id(r.pegawai_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    c.boleh_menulis(&p)?;
    let jenis = jenis_dokumen(&state, &f).await?;
    let b = berkas(&state, &f, jenis)?;
    let sesudah = json!({ "riwayat_id": riwayat_id, "jenis_dokumen_id": b.jenis_dokumen_id });
    let (u, dokumen_id) = kasus::unggah_ke_arsip(
        state.app(),
        &c.aktor_kasus(),
        &c.klien,
        &b,
        &p,
        Pengarsipan {
            riwayat_id: Some(riwayat_id),
            aksi: "dokumen.dilampirkan",
            alasan: format!("{} via API: upload-dok-rw", c.klien.nama),
            sesudah: Some(sesudah),
        },
    )
    .await?;
    Ok(jawaban(&u, format!("dokumen/{dokumen_id}")))
}

/// A document for a save that waits for it: attached to the proposal, which then goes on as
/// the save would have (applied, or to BKN). The answer is the document, with `status`.
async fn lampirkan_ke_usulan(
    state: &AppState,
    c: &Panggilan,
    f: &FormMultipart,
    u: &siasn_domain::usulan::Usulan,
) -> ApiResult {
    let p = state
        .store()
        .pegawai_api_id(u.pegawai_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    c.boleh_menulis(&p)?;
    let jenis = jenis_dokumen(state, f).await?;
    let b = berkas(state, f, jenis)?;
    let bahasa = siasn_teks::Bahasa::Indonesia;
    let (u, dokumen_id, status) =
        match kasus::lampirkan_ke_usulan_api(state.app(), &c.aktor_kasus(), &c.klien, &b, u).await?
        {
            HasilLampiranApi::Lanjut {
                unggahan,
                dokumen_id,
                status,
            } => (
                unggahan,
                dokumen_id,
                match status {
                    StatusUsulan::Selesai => "SELESAI",
                    _ => "MENUNGGU_BKN",
                },
            ),
            HasilLampiranApi::MasihMenunggu {
                unggahan,
                dokumen_id,
                ..
            } => (unggahan, dokumen_id, "MENUNGGU_DOKUMEN"),
            HasilLampiranApi::Konflik(k) => {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    k.iter()
                        .map(|k| bahasa.jelaskan(k))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            }
            HasilLampiranApi::Bersamaan => {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "data berubah bersamaan; ulangi permintaan",
                ));
            }
        };
    let uri = format!("dokumen/{dokumen_id}");
    Ok(data(json!({
        "dok_id": u.jenis_dokumen_id,
        "dok_nama": u.nama_file,
        "dok_uri": uri,
        "object": uri,
        "slug": u.jenis_dokumen_id,
        "status": status,
    })))
}
