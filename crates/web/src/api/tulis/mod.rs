//! Writes: saves, the personal-data update, deletes, and the data-utama syncs. An agency
//! client's write is an agency act: it becomes a proposal recorded as submitted and approved at the agency stage by the
//! user, through the client, in ONE transaction (`siasn_app::usulan::simpan_lewat_api`). History under agency
//! authority is applied at once (audited); history under BKN authority waits in the BKN queue.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use serde_json::{Map, Value, json};
use siasn_app::usulan::{self as kasus, DokumenApi, DokumenSalah, DokumenSimpan, HasilSimpanApi};
use siasn_domain::klien_api::Lingkup;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::JenisRiwayat;
use siasn_domain::usulan::{KolomDataUtama, Perubahan};
use uuid::Uuid;

mod isian;
mod riwayat;

use super::baca::id_rekaman;
use super::peta::{jenis_dari_api, kunci_id, kunci_id_lain};
use super::{ApiError, ApiResult, Panggilan};
use crate::AppState;
use isian::Isian;
use riwayat::data_riwayat;

/// The save endpoints (`/{name}/save`).
pub const SIMPAN: [&str; 14] = [
    "jabatan",
    "jabatan/unorjabatan",
    "angkakredit",
    "diklat",
    "kursus",
    "hukdis",
    "penghargaan",
    "kinerjaperiodik",
    "skp",
    "skp/2021",
    "skp22",
    "cpns",
    "pendidikan",
    "golongan",
];

/// The delete endpoints (`/{name}/delete/{id}`).
pub const HAPUS: [&str; 6] = [
    "angkakredit",
    "kinerjaperiodik",
    "kursus",
    "penghargaan",
    "jabatan",
    "diklat",
];

/// A JSON body, checked: content type, size, an object.
fn badan(headers: &HeaderMap, body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.to_ascii_lowercase().starts_with("application/json") {
        return Err(ApiError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type harus application/json",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::tidak_valid("body harus objek JSON")),
        Err(e) => Err(ApiError::tidak_valid(format!("JSON tidak valid: {e}"))),
    }
}

/// The employee a payload names (their `id` from data-utama, or a NIP), within reach.
async fn pegawai_payload(
    state: &AppState,
    c: &Panggilan,
    isi: &Isian<'_>,
    kunci: &[&str],
) -> Result<Pegawai, ApiError> {
    let v = isi
        .salah_satu(kunci)
        .ok_or_else(|| ApiError::tidak_valid(format!("kolom {} wajib diisi", kunci[0])))?;
    if v.len() == 18 && v.bytes().all(|b| b.is_ascii_digit()) {
        return c.pegawai(state, &v).await;
    }
    let id: Uuid = v.parse().map_err(|_| {
        ApiError::tidak_valid(format!("kolom {} bukan id PNS yang valid", kunci[0]))
    })?;
    Ok(state
        .store()
        .pegawai_api_id(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?)
}

/// `path` documents: uploads of this client (`unggahan/<id>`) become archive documents of the
/// employee; `dokumen/<id>` must already be theirs.
async fn dokumen_path(
    state: &AppState,
    c: &Panggilan,
    isi: &Isian<'_>,
    p: &Pegawai,
) -> Result<DokumenSimpan, ApiError> {
    let daftar: Vec<Value> = match isi.0.get("path") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(o @ Value::Object(_)) => vec![o.clone()],
        Some(_) => return Err(ApiError::tidak_valid("path harus larik dokumen")),
    };
    let mut dokumen = Vec::with_capacity(daftar.len());
    for d in daftar.iter().take(10) {
        let uri = d
            .get("dok_uri")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::tidak_valid("setiap path wajib punya dok_uri"))?;
        let jenis = d.get("dok_id").and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        dokumen.push(DokumenApi {
            uri: uri.to_string(),
            jenis,
        });
    }
    match kasus::dokumen_simpan(state.app(), &c.aktor_kasus(), &c.klien, p, &dokumen).await? {
        Ok(d) => Ok(d),
        Err(DokumenSalah::TidakDikenal(uri)) => Err(ApiError::tidak_valid(format!(
            "dok_uri tidak dikenal: {uri}"
        ))),
        Err(DokumenSalah::JenisTidakDikenal(j)) => Err(ApiError::tidak_valid(format!(
            "dok_id tidak ada di referensi ref-dokumen: {j}"
        ))),
    }
}

/// Parses a save body of `nama` as the server does (a JSON object, then the kind's fields),
/// for the kinds that need no reference data; `None` for the others. Exists for the fuzzer
/// (`fuzz/`), which feeds it arbitrary bytes: it must answer an error, never panic.
#[doc(hidden)]
pub fn urai_simpan(
    nama: &str,
    body: &[u8],
) -> Option<Result<siasn_domain::riwayat::DataRiwayat, ApiError>> {
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json"),
    );
    let m = match badan(&h, &Bytes::copy_from_slice(body)) {
        Ok(m) => m,
        Err(e) => return Some(Err(e)),
    };
    riwayat::data_riwayat_murni(nama, &Isian(&m), None)
}

/// The field naming the employee in each save payload (the first is the documented one).
fn kunci_pegawai(nama: &str) -> &'static [&'static str] {
    match nama {
        "jabatan" | "jabatan/unorjabatan" | "angkakredit" => &["pnsId", "pnsOrangId"],
        "skp" | "skp/2021" => &["pnsId", "pnsDinilaiOrang", "pnsOrangId"],
        "skp22" | "kinerjaperiodik" => &["pnsDinilaiOrang", "pnsDinilaiId", "pnsOrangId"],
        "cpns" => &["pns_orang_id", "pnsOrangId"],
        _ => &["pnsOrangId", "pnsId"],
    }
}

/// What the response says when a change was applied.
const TERSIMPAN: &str = "Data berhasil disimpan";

/// Submits the change as the agency's act (one use case, one transaction) and reports what
/// became of it (`pesan_selesai` is the message when it was applied at once).
async fn jalankan(
    state: &AppState,
    c: &Panggilan,
    p: &Pegawai,
    perubahan: Perubahan,
    dokumen: DokumenSimpan,
    kunci: &str,
    pesan_selesai: &str,
) -> ApiResult {
    let catatan = format!("Dikirim melalui API oleh {}", c.klien.nama);
    let hasil = kasus::simpan_lewat_api(
        state.app(),
        &c.aktor_kasus(),
        p,
        perubahan,
        dokumen,
        catatan,
    )
    .await?;
    let b = siasn_teks::Bahasa::Indonesia;
    match hasil {
        HasilSimpanApi::Selesai {
            id_hasil,
            usulan_id,
        } => Ok(simpan_berhasil(
            pesan_selesai,
            kunci,
            Some(id_hasil),
            usulan_id,
            "SELESAI",
        )),
        HasilSimpanApi::MenungguBkn { usulan_id } => Ok(simpan_berhasil(
            "Data disimpan sebagai usulan dan menunggu verifikasi BKN",
            kunci,
            None,
            usulan_id,
            "MENUNGGU_BKN",
        )),
        HasilSimpanApi::MenungguDokumen {
            id_riwayat,
            usulan_id,
            wajib,
        } => Ok(simpan_berhasil(
            &format!(
                "Data disimpan dan menunggu dokumen pendukung: kirim dengan upload-dok-rw \
                 (id_riwayat={id_riwayat}) dengan id_ref_dokumen salah satu dari: {}",
                wajib.join(", ")
            ),
            kunci,
            Some(id_riwayat),
            usulan_id,
            "MENUNGGU_DOKUMEN",
        )),
        HasilSimpanApi::Ditolak(temuan) => Err(ApiError::ditolak(
            temuan
                .iter()
                .map(|t| b.jelaskan(t))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        HasilSimpanApi::DokumenKurang { wajib } => Err(ApiError::ditolak(format!(
            "dokumen pendukung wajib (path) dengan dok_id salah satu dari: {}",
            wajib.join(", ")
        ))),
        HasilSimpanApi::Konflik(k) => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            k.iter()
                .map(|k| b.jelaskan(k))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        HasilSimpanApi::Bersamaan => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            "data berubah bersamaan; ulangi permintaan",
        )),
    }
}

fn simpan_berhasil(
    pesan: &str,
    kunci: &str,
    id: Option<Uuid>,
    usulan_id: Uuid,
    status: &str,
) -> axum::response::Response {
    let mut map = Map::new();
    let nilai = id.map_or(Value::Null, |i| json!(i.to_string()));
    for k in std::iter::once(kunci).chain(kunci_id_lain_dari(kunci).iter().copied()) {
        map.insert(k.into(), nilai.clone());
    }
    map.insert("usulanId".into(), json!(usulan_id.to_string()));
    map.insert("status".into(), json!(status));
    super::tanpa_cache(
        axum::Json(json!({
            "code": 1,
            "success": true,
            "message": pesan,
            "mapData": map,
        }))
        .into_response(),
    )
}

/// The other spellings of a `mapData` id key (by the key, so every caller gets them).
fn kunci_id_lain_dari(kunci: &str) -> &'static [&'static str] {
    match kunci {
        "rwSkp22Id" => kunci_id_lain("skp22"),
        "rwKinerjaPeriodikId" => kunci_id_lain("kinerjaperiodik"),
        _ => &[],
    }
}

/// `POST /{nama}/save`.
pub async fn simpan(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    body: Bytes,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let m = badan(&headers, &body)?;
    let isi = Isian(&m);
    let p = pegawai_payload(&state, &c, &isi, kunci_pegawai(nama)).await?;
    c.boleh_menulis(&p)?;
    let data = data_riwayat(&state, &c, nama, &isi, &p).await?;
    let perubahan = match isi.teks("id") {
        None => Perubahan::TambahRiwayat { data },
        Some(id) => {
            let id: Uuid = id
                .parse()
                .map_err(|_| ApiError::tidak_valid("id tidak valid"))?;
            let lama = state
                .store()
                .riwayat_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
                .await?;
            if lama.pegawai_id != p.id || lama.data.jenis() != data.jenis() {
                return Err(ApiError::tidak_ada());
            }
            Perubahan::UbahRiwayat {
                riwayat_id: id,
                data,
            }
        }
    };
    let dok = dokumen_path(&state, &c, &isi, &p).await?;
    let nama_kunci = if nama == "jabatan/unorjabatan" {
        "jabatan"
    } else {
        nama
    };
    jalankan(
        &state,
        &c,
        &p,
        perubahan,
        dok,
        kunci_id(nama_kunci),
        TERSIMPAN,
    )
    .await
}

/// `POST /pns/data-utama-update`: personal data kept by this system; other keys of the
/// national payload are reported as not kept.
pub async fn data_utama(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let m = badan(&headers, &body)?;
    let isi = Isian(&m);
    let p = pegawai_payload(&state, &c, &isi, &["pns_orang_id", "pnsOrangId"]).await?;
    c.boleh_menulis(&p)?;
    let kolom = [
        ("agama_id", KolomDataUtama::AgamaId),
        ("alamat", KolomDataUtama::Alamat),
        ("email_gov", KolomDataUtama::EmailGov),
        ("nomor_bpjs", KolomDataUtama::Bpjs),
        ("nomor_hp", KolomDataUtama::NomorHp),
        ("npwp_nomor", KolomDataUtama::Npwp),
        ("taspen_nomor", KolomDataUtama::Taspen),
    ];
    let mut nilai = BTreeMap::new();
    for (k, kol) in kolom {
        if let Some(v) = isi.teks(k)
            && kol.nilai(&p).as_deref() != Some(v.as_str())
        {
            nilai.insert(kol, Some(v));
        }
    }
    let tidak_disimpan: Vec<&str> = m
        .keys()
        .map(String::as_str)
        .filter(|k| {
            *k != "pns_orang_id" && *k != "pnsOrangId" && !kolom.iter().any(|(n, _)| n == k)
        })
        .collect();
    if nilai.is_empty() {
        return Ok(simpan_berhasil(
            "Tidak ada perubahan",
            "pnsOrangId",
            Some(p.id),
            Uuid::nil(),
            "TIDAK_BERUBAH",
        ));
    }
    // Say which keys of the national payload this system does not keep.
    let pesan = if tidak_disimpan.is_empty() {
        TERSIMPAN.to_string()
    } else {
        format!(
            "{TERSIMPAN}; kolom tidak disimpan sistem ini: {}",
            tidak_disimpan.join(", ")
        )
    };
    jalankan(
        &state,
        &c,
        &p,
        Perubahan::DataUtama { nilai },
        DokumenSimpan::default(),
        "pnsOrangId",
        &pesan,
    )
    .await
}

/// `DELETE /{nama}/delete/{id}`.
pub async fn hapus(
    State(state): State<AppState>,
    c: Panggilan,
    id: Result<Path<String>, PathRejection>,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let id = id_rekaman(id)?;
    let r = state
        .store()
        .riwayat_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let jenis = r.data.jenis();
    if jenis_dari_api(nama) != Some(jenis) {
        return Err(ApiError::tidak_ada());
    }
    let p = state
        .store()
        .pegawai_api_id(r.pegawai_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    c.boleh_menulis(&p)?;
    let perubahan = Perubahan::HapusRiwayat {
        riwayat_id: id,
        jenis,
    };
    jalankan(
        &state,
        &c,
        &p,
        perubahan,
        DokumenSimpan::default(),
        kunci_id(nama),
        TERSIMPAN,
    )
    .await
}

/// `GET /pns/data-utama-jabatansync` and `/pns/data-utama-golongansync`, as
/// `?pns_orang_id=ID` or `/{ID}`: the data-utama's current position (or rank) re-derived from
/// the history rows, as the national service's sync calls do. An agency act: it needs the
/// `tulis` scope and an operator or verifier of the employee's agency; audited when it changes
/// the record. Answers `"Error": "false"` on success, which is what those clients test.
pub async fn sinkron(
    State(state): State<AppState>,
    c: Panggilan,
    id: Option<Path<String>>,
    q: super::baca::Kueri,
    jenis: JenisRiwayat,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let q = super::baca::kueri(q)?;
    let id = match id {
        Some(Path(i)) => i,
        None => q
            .get("pns_orang_id")
            .cloned()
            .ok_or_else(|| ApiError::tidak_valid("pns_orang_id wajib"))?,
    };
    let id: Uuid = id
        .trim()
        .parse()
        .map_err(|_| ApiError::tidak_valid("pns_orang_id tidak valid"))?;
    let p = state
        .store()
        .pegawai_api_id(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    c.boleh_menulis(&p)?;
    let nama = match jenis {
        JenisRiwayat::Golongan => "golongan",
        _ => "jabatan",
    };
    let berubah = siasn_app::pegawai::sinkronkan_cuplikan(
        state.app(),
        &c.aktor_kasus(),
        p.id,
        jenis,
        format!("{} via API: data-utama-{nama}sync", c.klien.nama),
    )
    .await?;
    let pesan = if berubah {
        format!("data utama disinkronkan dengan riwayat {nama} terakhir")
    } else {
        format!("data utama sudah sesuai dengan riwayat {nama} terakhir")
    };
    Ok(super::tanpa_cache(
        axum::Json(json!({
            "code": 1,
            "Error": "false",
            "Message": pesan,
            "success": true,
            "mapData": { "pnsOrangId": p.id.to_string(), "berubah": berubah },
        }))
        .into_response(),
    ))
}
