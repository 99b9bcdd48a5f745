//! The employee's own record (and staff's read-only view of it), documents, and the record of
//! who saw or changed it. Staff reads are audited, so the employee can see them.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_app::pegawai::{self, Bacaan};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::JenisRiwayat;
use uuid::Uuid;

use crate::infra::csrf::periksa_csrf_sesi;
use crate::infra::error::DalamBahasa;
use crate::infra::konteks::Masuk;
use crate::infra::konteks::Param;
use crate::tampilan::{self, BarisRiwayat};
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// A label and its value on the page.
pub struct Butir {
    label: &'static str,
    nilai: String,
}

fn butir(label: &'static str, nilai: String) -> Butir {
    Butir { label, nilai }
}

/// A supporting document of a history row.
pub struct BerkasBaris {
    id: Uuid,
    nama: String,
}

/// A history row with its id and its documents.
pub struct BarisBagian {
    id: Uuid,
    isi: BarisRiwayat,
    dokumen: Vec<BerkasBaris>,
}

/// One section of histories.
pub struct Bagian {
    judul: &'static str,
    kode: &'static str,
    baris: Vec<BarisBagian>,
}

#[derive(Template)]
#[template(path = "profil.html")]
struct ProfilPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    aksi_tampilkan: String,
    milik_sendiri: bool,
    /// Query suffix naming the employee on proposal links ("" for one's own record).
    untuk_pegawai: String,
    /// Whether the reader may propose changes to this record (their own, or as its
    /// agency's operator).
    boleh_usul: bool,
    sensitif_terbuka: bool,
    nama: String,
    nip: String,
    ringkas: Vec<Butir>,
    sensitif: Vec<Butir>,
    bagian: Vec<Bagian>,
}

/// Who the page is for, and whether the reader opened the masked numbers.
async fn halaman(
    state: &AppState,
    m: &Masuk,
    p: Pegawai,
    sensitif_terbuka: bool,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let milik_sendiri = m.akun.pegawai_id == Some(p.id);
    let instansi = state.store().instansi(&p.instansi_kerja_id).await?;
    let boleh_usul = m.pelaku.boleh_usul(&siasn_domain::akses::LetakPegawai {
        pegawai_id: p.id,
        instansi_id: instansi.id,
        kanreg_id: instansi.kanreg_id,
    });
    let ringkas = ringkasan(state, &p, b).await?;
    let sensitif = data_sensitif(&p, b, sensitif_terbuka);
    let bagian = bagian_riwayat(state, &p, b).await?;
    let page = ProfilPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        aksi_tampilkan: if milik_sendiri {
            "/profil/tampilkan".into()
        } else {
            format!("/pegawai/{}/tampilkan", p.id)
        },
        milik_sendiri,
        untuk_pegawai: if milik_sendiri {
            String::new()
        } else {
            format!("&pegawai={}", p.id)
        },
        boleh_usul,
        sensitif_terbuka,
        nama: p.nama_lengkap(),
        nip: p.nomor_induk.to_string(),
        ringkas,
        sensitif,
        bagian,
    };
    Ok(Html(page.render()?).into_response())
}

/// The summary under the name: type, rank, position, unit, agency, status, birth, e-mail.
async fn ringkasan(state: &AppState, p: &Pegawai, b: Bahasa) -> Result<Vec<Butir>, WebError> {
    let instansi = state.store().instansi(&p.instansi_kerja_id).await?;
    let unit = match p.unor_id {
        Some(id) => state
            .store()
            .unor(id)
            .await
            .map(|u| u.nama)
            .unwrap_or_default(),
        None => String::new(),
    };
    let kedudukan = state
        .store()
        .kedudukan_hukum()
        .await?
        .into_iter()
        .find(|k| k.id == p.kedudukan_hukum_id)
        .map_or_else(|| p.kedudukan_hukum_id.clone(), |k| k.nama);
    let golongan = match (p.golongan, p.golongan_pppk) {
        (Some(g), _) => format!("{} · {}", g.label(), g.pangkat()),
        (None, Some(g)) => format!("PPPK {}", g.label()),
        _ => "-".into(),
    };
    Ok(vec![
        butir(b.t(Teks::JenisPegawai), p.jenis_pegawai.kode().to_string()),
        butir(b.t(Teks::Golongan), golongan),
        butir(
            b.t(Teks::Jabatan),
            p.nama_jabatan.clone().unwrap_or_else(|| "-".into()),
        ),
        butir(b.t(Teks::Unit), unit),
        butir(b.t(Teks::InstansiKerja), instansi.nama),
        butir(b.t(Teks::Kedudukan), kedudukan),
        butir(b.t(Teks::TempatLahir), p.tempat_lahir.clone()),
        butir(
            b.t(Teks::TanggalLahir),
            tampilan::tanggal(p.tanggal_lahir, b),
        ),
        butir(b.t(Teks::JenisKelamin), p.jenis_kelamin.nama().to_string()),
        butir(
            b.t(match p.jenis_pegawai {
                siasn_domain::pegawai::JenisPegawai::Pns => Teks::TmtCpns,
                siasn_domain::pegawai::JenisPegawai::Pppk => Teks::TmtPppk,
            }),
            p.tmt_cpns
                .map_or_else(|| "-".into(), |d| tampilan::tanggal(d, b)),
        ),
        butir(
            b.t(Teks::EmailTerdaftar),
            p.email.clone().unwrap_or_else(|| "-".into()),
        ),
    ])
}

/// Identity and family-card numbers, tax and insurance numbers, address: masked until the
/// reader asks (and that request is audited).
fn data_sensitif(p: &Pegawai, b: Bahasa, sensitif_terbuka: bool) -> Vec<Butir> {
    let buka = |v: Option<&str>| {
        v.map_or_else(
            || "-".to_string(),
            |v| {
                if sensitif_terbuka {
                    v.to_string()
                } else {
                    tampilan::samarkan(v)
                }
            },
        )
    };
    vec![
        butir("NIK", buka(p.nik.as_ref().map(|n| n.as_str()))),
        butir("KK", buka(p.nomor_kk.as_deref())),
        butir("NPWP", buka(p.npwp.as_deref())),
        butir("BPJS", buka(p.bpjs.as_deref())),
        butir("Taspen", buka(p.taspen.as_deref())),
        butir(b.t(Teks::Alamat), buka(p.alamat.as_deref())),
    ]
}

/// Every history section that applies to the employee, newest row first, with documents.
async fn bagian_riwayat(state: &AppState, p: &Pegawai, b: Bahasa) -> Result<Vec<Bagian>, WebError> {
    let riwayat = state.store().riwayat_pegawai(p.id, None).await?;
    let nama = tampilan::NamaRef::muat(state, &tampilan::DAFTAR_RIWAYAT).await?;
    let mut dokumen: HashMap<Uuid, Vec<BerkasBaris>> = HashMap::new();
    for d in state.store().dokumen_pegawai(p.id).await? {
        if let Some(r) = d.riwayat_id {
            dokumen.entry(r).or_default().push(BerkasBaris {
                id: d.id,
                nama: d.nama_file,
            });
        }
    }
    Ok(JenisRiwayat::SEMUA
        .into_iter()
        .filter(|j| j.berlaku_untuk(p.jenis_pegawai))
        .map(|j| {
            let mut rows: Vec<_> = riwayat.iter().filter(|r| r.data.jenis() == j).collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.data.tanggal_efektif()));
            Bagian {
                judul: b.t(siasn_teks::judul_riwayat(j)),
                kode: j.kode(),
                baris: rows
                    .into_iter()
                    .map(|r| BarisBagian {
                        id: r.id,
                        isi: tampilan::baris(&r.data, b, &nama),
                        dokumen: dokumen.remove(&r.id).unwrap_or_default(),
                    })
                    .collect(),
            }
        })
        .collect())
}

async fn milik_sendiri(state: &AppState, m: &Masuk, bacaan: Bacaan) -> Result<Pegawai, WebError> {
    match m.akun.pegawai_id {
        Some(id) => Ok(pegawai::baca(state.app(), &m.aktor(), id, bacaan)
            .await
            .dalam(m.bahasa())?),
        None => Err(WebError::Alihkan("/beranda")),
    }
}

/// My profile, sensitive numbers masked.
pub async fn saya(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let p = milik_sendiri(&state, &m, Bacaan::Biasa).await?;
    halaman(&state, &m, p, false).await
}

/// CSRF-only form.
#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// My profile with the masked numbers shown (audited).
pub async fn saya_tampilkan(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let p = milik_sendiri(&state, &m, Bacaan::Sensitif).await?;
    halaman(&state, &m, p, true).await
}

/// Staff's read-only view of an employee in scope (audited as a read of personal data).
pub async fn petugas(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let p = pegawai::baca(state.app(), &m.aktor(), id, Bacaan::Biasa)
        .await
        .dalam(m.bahasa())?;
    halaman(&state, &m, p, false).await
}

/// Staff open the masked numbers of an employee in scope (audited).
pub async fn petugas_tampilkan(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let p = pegawai::baca(state.app(), &m.aktor(), id, Bacaan::Sensitif)
        .await
        .dalam(m.bahasa())?;
    halaman(&state, &m, p, true).await
}

#[derive(Template)]
#[template(path = "dokumen.html")]
struct DokumenPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    /// Documents grouped by kind, kinds in name order.
    kelompok: Vec<(String, Vec<DokumenBaris>)>,
}

/// A document in the employee's archive, as listed.
struct DokumenBaris {
    id: Uuid,
    nama_file: String,
    /// The history row it supports ("PAK · Analis SDM Aparatur · 1 Januari 2021"), so twelve
    /// SK PAK can be told apart.
    untuk: Option<String>,
    /// Its row's effective date, for ordering (newest first).
    urut: Option<chrono::NaiveDate>,
    tanggal: String,
    ukuran: String,
}

/// My documents.
pub async fn dokumen_saya(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let p = milik_sendiri(&state, &m, Bacaan::Biasa).await?;
    let jenis: HashMap<String, String> = state
        .store()
        .referensi("ref-dokumen")
        .await?
        .into_iter()
        .map(|r| (r.id, r.nama))
        .collect();
    let riwayat: HashMap<Uuid, siasn_domain::riwayat::DataRiwayat> = state
        .store()
        .riwayat_pegawai(p.id, None)
        .await?
        .into_iter()
        .map(|r| (r.id, r.data))
        .collect();
    let nama = tampilan::NamaRef::muat(&state, &tampilan::DAFTAR_RIWAYAT).await?;
    let mut kelompok: std::collections::BTreeMap<String, Vec<DokumenBaris>> =
        std::collections::BTreeMap::new();
    for d in state.store().dokumen_pegawai(p.id).await? {
        let baris = d.riwayat_id.and_then(|r| riwayat.get(&r));
        let untuk = baris.map(|data| {
            let r = tampilan::baris(data, b, &nama);
            match r.tanggal {
                Some(t) => format!("{} · {t}", r.judul),
                None => r.judul,
            }
        });
        let nama_jenis = jenis
            .get(&d.jenis_dokumen_id)
            .cloned()
            .unwrap_or(d.jenis_dokumen_id);
        kelompok.entry(nama_jenis).or_default().push(DokumenBaris {
            id: d.id,
            nama_file: d.nama_file,
            untuk,
            urut: baris.and_then(|data| data.tanggal_efektif()),
            tanggal: tampilan::tanggal(d.diunggah_pada.date_naive(), b),
            ukuran: format!("{:.1} KB", d.ukuran as f64 / 1024.0),
        });
    }
    let kelompok = kelompok
        .into_iter()
        .map(|(j, mut daftar)| {
            daftar.sort_by_key(|d| std::cmp::Reverse(d.urut));
            (j, daftar)
        })
        .collect();
    let page = DokumenPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        kelompok,
    };
    Ok(Html(page.render()?).into_response())
}

/// A document's bytes, for its owner or staff in scope (staff downloads are audited).
pub async fn unduh(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let (d, bytes) = pegawai::unduh_dokumen(state.app(), &m.aktor(), id)
        .await
        .dalam(m.bahasa())?;
    // The stored name is shown to people; in the header only a safe ASCII form is used.
    let aman: String = d
        .nama_file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&d.media_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{aman}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}

#[derive(Template)]
#[template(path = "riwayat_akses.html")]
struct AksesPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    daftar: Vec<AksesBaris>,
}

/// One entry of who saw or changed the record.
struct AksesBaris {
    id: Uuid,
    /// Under a signed head already: its proof can be downloaded.
    bertanda: bool,
    waktu: String,
    siapa: String,
    aksi: String,
    /// An attempt by someone else (failed sign-in, reset request): shown as a warning.
    percobaan: bool,
    alasan: String,
}

/// The inclusion proof of one entry about the signed-in employee, as a JSON file to keep and
/// check offline (`siasn audit prove`). Entries about anyone else look like missing ones.
pub async fn bukti_akses(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let p = milik_sendiri(&state, &m, Bacaan::Biasa).await?;
    let entri = state.store().audit_entri(id).await?;
    if entri.is_none_or(|e| e.pegawai_id != Some(p.id)) {
        return Err(WebError::TidakDitemukan);
    }
    let rusak = |e: String| WebError::Store(siasn_store::StoreError::Corrupt(e));
    let Some(bukti) = siasn_app::audit::bukti(state.store(), id)
        .await
        .map_err(|e| match e {
            siasn_app::audit::AuditError::Store(s) => WebError::Store(s),
            other => rusak(other.to_string()),
        })?
    else {
        return Ok(crate::infra::error::halaman(
            axum::http::StatusCode::ACCEPTED,
            b,
            b.t(Teks::BuktiBelumAda),
        ));
    };
    let json = serde_json::to_vec_pretty(&bukti).map_err(|e| rusak(e.to_string()))?;
    let mut r = ([(header::CONTENT_TYPE, "application/json")], json).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"bukti-audit-{}.json\"",
        bukti.posisi
    )) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}

/// The actor of an audit entry by name: the account's name and roles, and through the API
/// "klien:<client>/akun:<user>" as "<client> (API) · <user>". Names found are kept in `nama`.
async fn nama_pelaku(
    state: &AppState,
    m: &Masuk,
    aktor_audit: &str,
    nama: &mut HashMap<String, String>,
) -> String {
    let (klien, aktor) = match aktor_audit
        .strip_prefix("klien:")
        .and_then(|r| r.split_once('/'))
    {
        Some((k, akun)) => (Some(k.to_string()), akun.to_string()),
        None => (None, aktor_audit.to_string()),
    };
    let siapa = if let Some(id) = aktor.strip_prefix("akun:") {
        if !nama.contains_key(id) {
            let n = match id.parse::<Uuid>() {
                Ok(u) if u == m.akun.id => m.akun.nama.clone(),
                Ok(u) => state.store().akun(u).await.map_or_else(
                    |_| aktor_audit.to_string(),
                    |a| {
                        let peran: Vec<&str> = a.peran.iter().map(|p| p.peran.nama()).collect();
                        format!("{} ({})", a.nama, peran.join(", "))
                    },
                ),
                Err(_) => aktor_audit.to_string(),
            };
            nama.insert(id.to_string(), n);
        }
        nama.get(id).cloned().unwrap_or_default()
    } else {
        aktor
    };
    match klien {
        Some(k) => {
            let n = match k.parse::<Uuid>() {
                Ok(u) => state
                    .store()
                    .klien_api(u)
                    .await
                    .map_or_else(|_| k.clone(), |c| c.nama),
                Err(_) => k.clone(),
            };
            format!("{n} (API) · {siapa}")
        }
        None => siapa,
    }
}

/// Who saw or changed my data (the subject-access view of the audit log).
pub async fn riwayat_akses(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let p = milik_sendiri(&state, &m, Bacaan::Biasa).await?;
    let entri = state.store().audit_tentang_pegawai(p.id, 200).await?;
    let ukuran_bertanda = state
        .store()
        .kepala_audit_terakhir()
        .await?
        .map_or(0, |k| k.ukuran);
    let mut nama: HashMap<String, String> = HashMap::new();
    let mut daftar = Vec::new();
    for e in entri {
        let kalimat = siasn_teks::kalimat_audit(&e.aksi);
        let siapa = if kalimat.percobaan {
            // Whoever typed the NIP is not the owner: say so, with where it came from.
            match &e.alamat {
                Some(a) => format!("{} ({} {a})", b.t(Teks::Seseorang), b.t(Teks::DariAlamat)),
                None => b.t(Teks::Seseorang).to_string(),
            }
        } else {
            nama_pelaku(&state, &m, &e.aktor, &mut nama).await
        };
        daftar.push(AksesBaris {
            id: e.id,
            bertanda: e.posisi.is_some_and(|p| p < ukuran_bertanda),
            waktu: tampilan::waktu(e.waktu, b),
            siapa,
            aksi: b.t(kalimat.teks).to_string(),
            percobaan: kalimat.percobaan,
            alasan: e.alasan.unwrap_or_default(),
        });
    }
    let page = AksesPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        daftar,
    };
    Ok(Html(page.render()?).into_response())
}
