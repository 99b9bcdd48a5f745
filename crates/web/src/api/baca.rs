//! Reads: data-utama, family, every `rw-*` history, rows by id, the photo, and the agency lists.
//! Each read of personal data is audited with the client, the user, the employee and the fields.

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use serde_json::{Value, json};
use siasn_domain::akses::{LetakPegawai, meliputi};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::klien_api::{JangkauanKlien, Lingkup};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, PeranOrangTua, Riwayat, StatusPernikahan};
use siasn_domain::tanggal::parse_siasn;
use siasn_store::audit::AuditBaru;
use uuid::Uuid;

use super::peta::{self, tgl};
use super::{ApiError, ApiResult, Halaman, Panggilan, daftar_halaman, data};
use crate::AppState;

/// A path segment, or 400 in the API's envelope.
pub fn segmen(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s)
        .map_err(|_| ApiError::tidak_valid("parameter path tidak valid"))
}

/// A record id, or 400.
pub fn id_rekaman(p: Result<Path<String>, PathRejection>) -> Result<Uuid, ApiError> {
    segmen(p)?
        .trim()
        .parse()
        .map_err(|_| ApiError::tidak_valid("id tidak valid"))
}

pub(super) type Kueri = Result<Query<HashMap<String, String>>, QueryRejection>;

pub(super) fn kueri(q: Kueri) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(m)| m)
        .map_err(|_| ApiError::tidak_valid("parameter query tidak valid"))
}

/// The documents by the history row they back.
fn kelompokkan(dok: &[Dokumen]) -> HashMap<Uuid, Vec<&Dokumen>> {
    let mut m: HashMap<Uuid, Vec<&Dokumen>> = HashMap::new();
    for d in dok {
        if let Some(r) = d.riwayat_id {
            m.entry(r).or_default().push(d);
        }
    }
    m
}

/// Names of the units the position rows point at (one query).
async fn nama_unor(state: &AppState, rows: &[Riwayat]) -> Result<HashMap<Uuid, String>, ApiError> {
    let mut ids: Vec<Uuid> = rows
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Jabatan(j) => j.unor_id,
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(state.store().nama_unor(&ids).await?)
}

/// `GET /pns/data-utama/{nip}`.
pub async fn data_utama(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let nip = segmen(nip)?;
    let nip = c.nip(&nip)?;
    // Only the kinds the answer draws on: last education, first rank, appointment decrees,
    // and what adds to or removes from years of service.
    let (p, nama, riwayat) = state
        .store()
        .data_utama_api(
            nip,
            &c.cakupan_pengguna(),
            &c.cakupan_klien(),
            &[
                JenisRiwayat::Pendidikan,
                JenisRiwayat::CpnsPns,
                JenisRiwayat::Golongan,
                JenisRiwayat::Pmk,
                JenisRiwayat::Cltn,
            ],
        )
        .await?;
    let mut bidang = vec!["data utama"];
    if c.klien.lingkup.punya(Lingkup::Nik) {
        bidang.push("NIK");
    }
    if c.klien.lingkup.punya(Lingkup::Asuransi) {
        bidang.push("nomor BPJS/Taspen/NPWP");
    }
    c.catat_baca(&state, p.id, "data-utama", &bidang.join(", "))
        .await?;
    let hari_ini = state.sekarang().date_naive();
    Ok(data(peta::data_utama(
        &p,
        &nama,
        &riwayat,
        &c.klien.lingkup,
        hari_ini,
    )))
}

async fn keluarga(
    state: &AppState,
    c: &Panggilan,
    nip: Result<Path<String>, PathRejection>,
    jenis: JenisRiwayat,
    jalur: &str,
) -> Result<(Pegawai, Vec<Riwayat>), ApiError> {
    c.wajib(Lingkup::Baca)?;
    c.wajib(Lingkup::Keluarga)?;
    let p = c.pegawai(state, &segmen(nip)?).await?;
    let rows = state.store().riwayat_pegawai(p.id, Some(jenis)).await?;
    c.catat_baca(state, p.id, jalur, "data keluarga").await?;
    Ok((p, rows))
}

/// `GET /pns/data-pasangan/{nip}`.
pub async fn pasangan(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let (_, rows) = keluarga(&state, &c, nip, JenisRiwayat::Pasangan, "data-pasangan").await?;
    let nik = c.klien.lingkup.punya(Lingkup::Nik);
    let list: Vec<Value> = rows
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Pasangan(x) => Some(json!({
                "orang": {
                    "nama": x.nama,
                    "tglLahir": tgl(x.tanggal_lahir),
                    "tempatLahir": x.tempat_lahir,
                    "jenisKelamin": x.jenis_kelamin.kode(),
                    "gelarDepan": x.gelar_depan,
                    "gelarBlk": x.gelar_belakang,
                    "aktaMeninggal": null,
                    "tglMeninggal": tgl(x.tanggal_meninggal),
                    "nik": siasn_domain::klien_api::tampak(x.nik.as_ref().map(|n| n.as_str()), nik),
                },
                "dataPernikahan": {
                    "id": r.id.to_string(),
                    "aktaMenikah": x.akta_menikah,
                    "tgglMenikah": tgl(x.tanggal_menikah),
                    "aktaCerai": x.akta_cerai,
                    "tgglCerai": tgl(x.tanggal_cerai),
                    "status": match x.status {
                        StatusPernikahan::Menikah => "1",
                        StatusPernikahan::Cerai => "2",
                        StatusPernikahan::CeraiMati => "3",
                    },
                    "isPns": x.pns,
                },
                "statusNikah": match x.status {
                    StatusPernikahan::Menikah => "Menikah",
                    StatusPernikahan::Cerai => "Cerai",
                    StatusPernikahan::CeraiMati => "Cerai Mati",
                },
            })),
            _ => None,
        })
        .collect();
    Ok(data(json!({ "listPasangan": list })))
}

/// `GET /pns/data-anak/{nip}`.
pub async fn anak(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let (_, rows) = keluarga(&state, &c, nip, JenisRiwayat::Anak, "data-anak").await?;
    let list: Vec<Value> = rows
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Anak(x) => Some(json!({
                "id": r.id.to_string(),
                "nama": x.nama,
                "jenisKelamin": x.jenis_kelamin.kode(),
                "jenisAnak": x.jenis_anak_id,
                "tempatLahir": x.tempat_lahir,
                "kabupatenId": null,
                "tglLahir": tgl(Some(x.tanggal_lahir)),
            })),
            _ => None,
        })
        .collect();
    Ok(data(json!({ "listAnak": list })))
}

/// `GET /pns/data-ortu/{nip}`.
pub async fn ortu(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let (_, rows) = keluarga(&state, &c, nip, JenisRiwayat::OrangTua, "data-ortu").await?;
    let orang = |peran: PeranOrangTua| {
        rows.iter()
            .find_map(|r| match &r.data {
                DataRiwayat::OrangTua(x) if x.peran == peran => Some(json!({
                    "id": r.id.to_string(),
                    "nama": x.nama,
                    "tglLahir": tgl(x.tanggal_lahir),
                    "tempatLahir": x.tempat_lahir,
                    "tglMeninggal": tgl(x.tanggal_meninggal),
                    "aktaMeninggal": null,
                })),
                _ => None,
            })
            .unwrap_or(Value::Null)
    };
    Ok(data(json!({
        "ayah": orang(PeranOrangTua::Ayah),
        "ibu": orang(PeranOrangTua::Ibu),
    })))
}

/// `GET /pns/rw-{nama}/{nip}`.
pub async fn rw(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
    q: Kueri,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let h = Halaman::dari(&kueri(q)?)?;
    let p = c.pegawai(&state, &segmen(nip)?).await?;
    daftar_rw(&state, &c, &p, nama, h).await
}

async fn daftar_rw(
    state: &AppState,
    c: &Panggilan,
    p: &Pegawai,
    nama: &str,
    h: Halaman,
) -> ApiResult {
    let rows = match peta::jenis_dari_api(nama) {
        Some(j) => state.store().riwayat_pegawai(p.id, Some(j)).await?,
        None => Vec::new(),
    };
    let dok = state.store().dokumen_pegawai(p.id).await?;
    let dok = kelompokkan(&dok);
    let unor = nama_unor(state, &rows).await?;
    c.catat_baca(state, p.id, &format!("rw-{nama}"), "riwayat")
        .await?;
    Ok(daftar_halaman(
        rows.iter()
            .filter_map(|r| peta::baris(nama, r, p, &unor, &dok))
            .collect(),
        h,
    ))
}

/// `GET /jabatan/pns/{nip}`: the positions.
pub async fn jabatan_pns(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Result<Path<String>, PathRejection>,
    q: Kueri,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let h = Halaman::dari(&kueri(q)?)?;
    let p = c.pegawai(&state, &segmen(nip)?).await?;
    daftar_rw(&state, &c, &p, "jabatan", h).await
}

/// `GET /{nama}/id/{id}`.
pub async fn by_id(
    State(state): State<AppState>,
    c: Panggilan,
    id: Result<Path<String>, PathRejection>,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let id = id_rekaman(id)?;
    let r = state
        .store()
        .riwayat_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    if peta::jenis_dari_api(nama) != Some(r.data.jenis()) {
        return Err(ApiError::tidak_ada());
    }
    let p = state
        .store()
        .pegawai_api_id(r.pegawai_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let dok = state.store().dokumen_pegawai(p.id).await?;
    let dok = kelompokkan(&dok);
    let unor = nama_unor(&state, std::slice::from_ref(&r)).await?;
    let v = peta::baris(nama, &r, &p, &unor, &dok).ok_or_else(ApiError::tidak_ada)?;
    c.catat_baca(&state, p.id, &format!("{nama}/id"), "riwayat")
        .await?;
    Ok(data(v))
}

/// `GET /pns/photo/{pnsId}`: the card photo (PNG).
pub async fn foto(
    State(state): State<AppState>,
    c: Panggilan,
    id: Result<Path<String>, PathRejection>,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let id = id_rekaman(id)?;
    let p = state
        .store()
        .pegawai_api_id(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let f = state
        .store()
        .foto_aktif(p.id)
        .await?
        .ok_or_else(ApiError::tidak_ada)?;
    let isi = state.store().blobs().get(&f.sha256).await?;
    c.catat_baca(&state, p.id, "photo", "foto").await?;
    let mut r = isi.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}

/// The agency a list is about: the client's own, or for a national client the one asked for
/// (`instansiId`); the user's scope must cover it.
pub(super) async fn instansi_daftar(
    state: &AppState,
    c: &Panggilan,
    q: &HashMap<String, String>,
) -> Result<String, ApiError> {
    let instansi = match &c.klien.jangkauan {
        JangkauanKlien::Instansi(i) => i.clone(),
        JangkauanKlien::Nasional => q
            .get("instansiId")
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .ok_or_else(|| ApiError::tidak_valid("klien nasional wajib menyertakan instansiId"))?,
    };
    let i = state.store().instansi(&instansi).await?;
    let letak = LetakPegawai {
        pegawai_id: Uuid::nil(),
        instansi_id: i.id.clone(),
        kanreg_id: i.kanreg_id,
    };
    if !c.cakupan_pengguna().iter().any(|k| meliputi(k, &letak)) {
        return Err(ApiError::tidak_ada());
    }
    Ok(i.id)
}

pub(super) async fn catat_daftar(
    state: &AppState,
    c: &Panggilan,
    pegawai: &[Uuid],
    jalur: &str,
) -> Result<(), ApiError> {
    if pegawai.is_empty() {
        return Ok(());
    }
    let events = pegawai
        .iter()
        .map(|id| AuditBaru {
            aktor: c.aktor(),
            aksi: "api.dibaca".into(),
            pegawai_id: Some(*id),
            alasan: Some(format!(
                "{} via API: {jalur} (nama, NIP, layanan)",
                c.klien.nama
            )),
            alamat: Some(c.alamat.to_string()),
            ..AuditBaru::default()
        })
        .collect();
    super::catat_baca_berkelompok(state, events).await
}

/// `GET /pns/list-pensiun-instansi?tglAwal=dd-mm-yyyy&tglAkhir=dd-mm-yyyy`: the agency's
/// retirements with a TMT in the range — employees reaching BUP (by their position's BUP) and
/// every pension or dismissal case — with the case's status, pertek and SK where there is one.
pub async fn list_pensiun(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q = kueri(q)?;
    let h = Halaman::dari(&q)?;
    let tanggal = |k: &str| {
        q.get(k)
            .and_then(|v| parse_siasn(v))
            .ok_or_else(|| ApiError::tidak_valid(format!("{k} wajib, format dd-mm-yyyy")))
    };
    let (awal, akhir) = (tanggal("tglAwal")?, tanggal("tglAkhir")?);
    if akhir < awal || (akhir - awal).num_days() > 366 * 5 {
        return Err(ApiError::tidak_valid(
            "rentang tglAwal–tglAkhir harus urut dan paling lama 5 tahun",
        ));
    }
    let instansi = instansi_daftar(&state, &c, &q).await?;
    let nama_instansi = state.store().instansi(&instansi).await?.nama;
    let baris =
        siasn_app::layanan::pensiun::daftar_instansi(state.app(), &instansi, awal, akhir).await?;
    let path = |s: Option<&siasn_domain::layanan::Surat>| {
        s.and_then(|s| s.dokumen_id)
            .map_or(Value::Null, |id| Value::String(format!("dokumen/{id}")))
    };
    let mut items = Vec::new();
    let mut dilihat = Vec::new();
    for r in baris {
        dilihat.push(r.pegawai_id);
        let k = r.kasus.as_ref();
        let d = k.and_then(|k| k.pensiun());
        let detail = match d.and_then(|d| d.jenis()) {
            Some(j) => j.nama().to_string(),
            None => format!("Pensiun BUP {} tahun", r.pensiun.bup),
        };
        let kpp = d
            .filter(|d| matches!(d.jenis_pensiun, 2 | 4))
            .and_then(|d| d.dpcp.golongan)
            .and_then(|g| siasn_domain::Golongan::from_id(g.id() + 1))
            .map(|g| g.id().to_string());
        items.push(json!({
            "id": k.map(|k| k.id.to_string()),
            "nama": r.nama,
            "statusUsulan": k.map(|k| k.status.kode_siasn().to_string()),
            "statusUsulanNama": k.map(|k| k.status.nama_siasn()),
            "pnsId": r.pegawai_id.to_string(),
            "nipBaru": r.nip,
            "pertekNomor": k.and_then(|k| k.pertek.as_ref()).map(|s| s.nomor.clone()),
            "skNomor": k.and_then(|k| k.sk.as_ref()).map(|s| s.nomor.clone()),
            "pathSk": path(k.and_then(|k| k.sk.as_ref())),
            "pathPertek": path(k.and_then(|k| k.pertek.as_ref())),
            "pertekTgl": tgl(k.and_then(|k| k.pertek.as_ref()).map(|s| s.tanggal)),
            "skTgl": tgl(k.and_then(|k| k.sk.as_ref()).map(|s| s.tanggal)),
            "instansiId": instansi,
            "instansiNama": nama_instansi,
            "detailLayananNama": detail,
            "tglLahir": tgl(Some(r.tanggal_lahir)),
            "golonganId": r.golongan.map(|g| g.to_string()),
            "golonganKppId": kpp,
            "tmtPensiun": tgl(Some(r.tmt)),
            "pathSkPreview": path(k.and_then(|k| k.sk.as_ref())),
        }));
    }
    // Only the page returned counts as seen.
    let dilihat = h.potong(dilihat);
    catat_daftar(&state, &c, &dilihat, "list-pensiun-instansi").await?;
    Ok(daftar_halaman(items, h))
}

/// `GET /referensi/ref-unor?limit=&offset=`: the agency's units.
pub async fn ref_unor(State(state): State<AppState>, c: Panggilan, q: Kueri) -> ApiResult {
    c.wajib(Lingkup::Layanan)?;
    let q = kueri(q)?;
    let h = Halaman::dari(&q)?;
    let instansi = instansi_daftar(&state, &c, &q).await?;
    let unor = state.store().unor_instansi(&instansi).await?;
    let items: Vec<Value> = unor
        .iter()
        .map(|u| {
            json!({
                "Id": u.id.to_string(),
                "NamaUnor": u.nama,
                "DiatasanId": u.induk_id.map(|i| i.to_string()),
                "InstansiId": u.instansi_id,
                "EselonId": u.eselon_id,
                "NamaJabatan": u.nama_jabatan_kepala,
            })
        })
        .collect();
    Ok(daftar_halaman(items, h))
}

/// `GET /pns/nilaiipasn/{nip}` (also `?nipBaru=`): the Indeks Profesionalitas ASN measured
/// from the record today (`siasn_domain::ip_asn`), with its four dimensions.
pub async fn nilai_ipasn(
    State(state): State<AppState>,
    c: Panggilan,
    nip: Option<Path<String>>,
    q: Kueri,
) -> ApiResult {
    c.wajib(Lingkup::Baca)?;
    let q = kueri(q)?;
    let nip = match nip {
        Some(Path(n)) => n,
        None => q
            .get("nipBaru")
            .cloned()
            .ok_or_else(|| ApiError::tidak_valid("nipBaru wajib"))?,
    };
    let p = c.pegawai(&state, &nip).await?;
    let riwayat = state
        .store()
        .riwayat_pegawai_jenis(
            p.id,
            &[
                JenisRiwayat::Pendidikan,
                JenisRiwayat::Diklat,
                JenisRiwayat::Kursus,
                JenisRiwayat::Skp,
                JenisRiwayat::Skp22,
                JenisRiwayat::HukumanDisiplin,
            ],
        )
        .await?;
    let sekarang = state.sekarang();
    let hari_ini = sekarang.date_naive();
    let x = siasn_domain::ip_asn::hitung(p.tingkat_pendidikan_id.as_deref(), &riwayat, hari_ini);
    c.catat_baca(&state, p.id, "nilaiipasn", "nilai IP ASN")
        .await?;
    Ok(data(json!({
        "pnsId": p.id.to_string(),
        "nipBaru": p.nomor_induk.as_str(),
        "nama": p.nama_lengkap(),
        "tahun": chrono::Datelike::year(&hari_ini).to_string(),
        "kualifikasi": x.kualifikasi,
        "kompetensi": x.kompetensi,
        "kinerja": x.kinerja,
        "disiplin": x.disiplin,
        "subtotal": x.total(),
        "total": x.total(),
        "kategori": x.kategori().nama(),
        "tahunKinerja": x.tahun_kinerja.map(|t| t.to_string()),
        "created_at": sekarang.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })))
}
