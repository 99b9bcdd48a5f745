//! The service calls of the SIASN-compatible API, answered from real promotion cases:
//! `list-kp-instansi`, `kp-instansi-byId` and `upload-dok-sk-kp`, with SIASN's field names
//! and status codes (SERVICES.md §0–§1).

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::HeaderMap;
use chrono::NaiveDate;
use serde_json::{Value, json};
use siasn_app::layanan::HasilLangkah;
use siasn_domain::akses::Cakupan;
use siasn_domain::klien_api::Lingkup;
use siasn_domain::layanan::{JenisLayanan, KasusLayanan};
use siasn_store::layanan::FilterLayanan;
use uuid::Uuid;

use super::baca::{Kueri, catat_daftar, instansi_daftar, kueri};
use super::dokumen::{baca, jawaban_dok};
use super::panggilan::Panggilan;
use super::{ApiError, ApiResult, data};
use crate::AppState;

fn tgl(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::String(siasn_domain::tanggal::format_siasn(d))
    })
}

/// A case as SIASN's `list-kp-instansi` item.
fn item_kp(k: &KasusLayanan) -> Value {
    let d = k.kp();
    let path = |s: &Option<siasn_domain::layanan::Surat>| {
        s.as_ref()
            .and_then(|s| s.dokumen_id)
            .map_or(Value::Null, |id| Value::String(format!("dokumen/{id}")))
    };
    json!({
        "id": k.id.to_string(),
        "pnsId": k.pegawai_id.to_string(),
        "statusUsulan": k.status.kode_siasn().to_string(),
        "statusUsulanNama": k.status.nama_siasn(),
        "nipBaru": k.nip,
        "nama": k.nama,
        "no_pertek": k.pertek.as_ref().map(|s| s.nomor.clone()),
        "no_sk": k.sk.as_ref().map(|s| s.nomor.clone()),
        "path_ttd_sk": path(&k.sk),
        "path_ttd_pertek": path(&k.pertek),
        "tgl_pertek": tgl(k.pertek.as_ref().map(|s| s.tanggal)),
        "tgl_sk": tgl(k.sk.as_ref().map(|s| s.tanggal)),
        "golonganBaruId": d.map(|d| d.golongan_baru.id().to_string()),
        "tmtKp": tgl(Some(k.periode)),
        "path_preview_sk": path(&k.sk),
        "gaji_pokok_baru": d.and_then(|d| d.gaji_pokok_baru).map(|g| g.to_string()),
        "gaji_pokok_lama": d.and_then(|d| d.gaji_pokok_lama).map(|g| g.to_string()),
        "masa_kerja_tahun": d.map(|d| d.masa_kerja_golongan.tahun.to_string()),
        "masa_kerja_bulan": d.map(|d| d.masa_kerja_golongan.bulan.to_string()),
        "jenis_kp": k.sub_jenis,
        "jenis_prosedur": "KP",
        "alasan_tolak_tambahan": k.alasan,
    })
}

/// `GET /pns/list-kp-instansi?periode=YYYY-MM-DD`: the agency's promotion cases of a period.
pub async fn list_kp(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q = kueri(q)?;
    let h = super::Halaman::dari(&q)?;
    let periode = q
        .get("periode")
        .and_then(|p| NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d").ok())
        .ok_or_else(|| ApiError::tidak_valid("periode wajib, format YYYY-MM-DD"))?;
    let instansi = instansi_daftar(&state, &c, &q).await?;
    let (kasus, _) = state
        .store()
        .daftar_layanan(
            &[Cakupan::Instansi(instansi)],
            &FilterLayanan {
                jenis: Some(JenisLayanan::KenaikanPangkat),
                periode: Some(periode),
                batas: 20_000,
                ..FilterLayanan::default()
            },
        )
        .await?;
    // Only the page returned counts as seen.
    let dilihat: Vec<Uuid> = h.potong(kasus.iter().map(|k| k.pegawai_id).collect());
    let items = kasus.iter().map(item_kp).collect();
    catat_daftar(&state, &c, &dilihat, "list-kp-instansi").await?;
    Ok(super::daftar_halaman(items, h))
}

/// The case named by `IdUsulan`/`id_usulan` if it is a promotion within the caller's reach.
async fn kasus_kp(state: &AppState, c: &Panggilan, id: &str) -> Result<KasusLayanan, ApiError> {
    let id: Uuid = id
        .trim()
        .parse()
        .map_err(|_| ApiError::tidak_valid("id usulan tidak valid"))?;
    let mut cakupan = c.cakupan_pengguna();
    cakupan.retain(|k| !matches!(k, Cakupan::Diri(_)));
    let k = state.store().layanan_terlihat(id, &cakupan).await?;
    let dalam_klien = c.cakupan_klien().iter().any(|ck| match ck {
        Cakupan::Instansi(i) => *i == k.instansi_id,
        Cakupan::Kanreg(r) => *r == k.kanreg_id,
        Cakupan::Nasional => true,
        Cakupan::Diri(p) => *p == k.pegawai_id,
    });
    if k.jenis != JenisLayanan::KenaikanPangkat || !dalam_klien {
        return Err(ApiError::tidak_ada());
    }
    Ok(k)
}

/// `GET /pns/kp-instansi-byId?IdUsulan=`: one promotion case.
pub async fn kp_by_id(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q: HashMap<String, String> = kueri(q)?;
    let id = q
        .get("IdUsulan")
        .or_else(|| q.get("idUsulan"))
        .ok_or_else(|| ApiError::tidak_valid("IdUsulan wajib"))?;
    let k = kasus_kp(&state, &c, id).await?;
    catat_daftar(&state, &c, &[k.pegawai_id], "kp-instansi-byId").await?;
    Ok(data(item_kp(&k)))
}

/// `POST /upload-dok-sk-kp` (`id_usulan`, `no_sk`, `tgl_sk`, `file`): an SK signed outside the
/// system for a case waiting for its SK; the record is updated as when the SK is signed here.
pub async fn unggah_sk_kp(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    mp: Result<Multipart, MultipartRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Dokumen)?;
    c.wajib(Lingkup::Tulis)?;
    let f = baca(&state, &headers, mp).await?;
    let k = kasus_kp(&state, &c, f.satu("id_usulan")).await?;
    let no_sk = f.satu("no_sk").trim().to_string();
    if no_sk.is_empty() {
        return Err(ApiError::tidak_valid("no_sk wajib"));
    }
    let tgl_sk = siasn_domain::tanggal::parse_siasn(f.satu("tgl_sk"))
        .ok_or_else(|| ApiError::tidak_valid("tgl_sk wajib, format dd-mm-yyyy"))?;
    let (nama, isi) = f
        .berkas
        .first()
        .map(|(_, n, i)| (n.as_str(), i.as_slice()))
        .ok_or_else(|| ApiError::tidak_valid("file wajib"))?;
    let b = siasn_teks::Bahasa::Indonesia;
    let hasil = siasn_app::layanan::unggah_sk(
        state.app(),
        &c.aktor_kasus(),
        k.id,
        &no_sk,
        Some(tgl_sk),
        nama,
        isi,
    )
    .await?;
    match hasil {
        Err(m) => Err(ApiError::tidak_valid(b.jelaskan(&m))),
        Ok(HasilLangkah::Berhasil(_)) => {
            let k = state
                .store()
                .layanan_terlihat(k.id, &[Cakupan::Nasional])
                .await?;
            let uri =
                k.sk.as_ref()
                    .and_then(|s| s.dokumen_id)
                    .map(|id| format!("dokumen/{id}"))
                    .unwrap_or_default();
            Ok(jawaban_dok("L02", nama, &uri))
        }
        Ok(HasilLangkah::SudahBerubah) => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            "usulan berubah bersamaan; ulangi permintaan",
        )),
        Ok(HasilLangkah::Ditolak(e)) => Err(ApiError::ditolak(b.jelaskan(&e))),
    }
}

/// `GET /pengadaan/list-pengadaan-instansi?tahun=&limit=&offset=`: the agency's participants
/// of a selection year (this year when none is given) with their NIP or NI PPPK once assigned,
/// SERVICES.md §4's fields; the pertek and SK fields stay empty until those steps are built.
pub async fn list_pengadaan(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q = kueri(q)?;
    let h = super::Halaman::dari(&q)?;
    let tahun: i32 = match q.get("tahun").map(|t| t.trim()).filter(|t| !t.is_empty()) {
        Some(t) if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) => t
            .parse()
            .map_err(|_| ApiError::tidak_valid("tahun harus empat angka (YYYY)"))?,
        Some(_) => return Err(ApiError::tidak_valid("tahun harus empat angka (YYYY)")),
        None => chrono::Datelike::year(&state.app().sekarang().date_naive()),
    };
    let instansi = instansi_daftar(&state, &c, &q).await?;
    let peserta = state.store().daftar_peserta(&instansi, tahun).await?;
    let mut items = Vec::new();
    let mut dilihat = Vec::new();
    for p in peserta {
        dilihat.push(p.pegawai_id);
        let jenis = &p.peserta.jenis_pengadaan;
        let pppk = siasn_domain::pengadaan::pppk(jenis);
        items.push(json!({
            "id": p.id.to_string(),
            "orang_id": p.pegawai_id.map(|x| x.to_string()),
            "no_peserta": p.peserta.no_peserta,
            "nip": p.nomor_induk,
            "nama": p.peserta.nama,
            "periode": tahun.to_string(),
            "instansi_id": instansi,
            "no_pertek": Value::Null,
            "tgl_pertek": Value::Null,
            "no_sk": Value::Null,
            "tgl_sk": Value::Null,
            "path_ttd_pertek": Value::Null,
            "path_ttd_sk": Value::Null,
            "tgl_kontrak_mulai": if pppk { super::peta::tgl(Some(p.tmt)) } else { Value::Null },
            "tgl_kontrak_akhir": Value::Null,
            "jenis_formasi_id": jenis,
            "jenis_formasi_nama": siasn_domain::pengadaan::JENIS_PENGADAAN
                .iter()
                .find(|(k, _)| k == jenis)
                .map(|(_, n)| n.to_uppercase()),
        }));
    }
    // Only the page returned counts as seen (participants without a record yet are nobody's).
    let dilihat: Vec<Uuid> = h.potong(dilihat).into_iter().flatten().collect();
    catat_daftar(&state, &c, &dilihat, "list-pengadaan-instansi").await?;
    Ok(super::daftar_halaman(items, h))
}

/// `GET /pengadaan/dokumen-pengadaan`: the appointment documents of the agency (empty until
/// NIP assignment is built, like the list).
pub async fn dokumen_pengadaan(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q = kueri(q)?;
    let h = super::Halaman::dari(&q)?;
    instansi_daftar(&state, &c, &q).await?;
    Ok(super::daftar_halaman(Vec::new(), h))
}
