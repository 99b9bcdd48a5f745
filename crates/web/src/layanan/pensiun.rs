//! "Daftar pensiun": an agency's retirements for a date range (the next 12 months by
//! default) with each one's BUP, TMT and case, and starting a pension or dismissal case.

use siasn_app::layanan::pensiun::{self, BarisPensiun, HasilMulaiPensiun};
use siasn_domain::akses::Peran;
use siasn_domain::layanan::pensiun::PermintaanPensiun;
use siasn_domain::pemberhentian::{JenisPemberhentian, JenisPensiun, kedudukan};

use super::prediksi::{instansi_terjangkau, satu_instansi};
use super::*;

/// One row as listed.
pub struct Baris {
    pegawai_id: Uuid,
    nama: String,
    nip: String,
    jabatan: String,
    lahir: String,
    bup: u8,
    tmt: String,
    /// "Mencapai BUP" or another kedudukan worth a warning.
    peringatan: Option<String>,
    kasus: Option<(Uuid, String, &'static str)>,
}

#[derive(Template)]
#[template(path = "layanan_pensiun.html")]
struct PensiunPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    dari: String,
    sampai: String,
    instansi: String,
    pilihan_instansi: Vec<(String, String)>,
    operator: bool,
    daftar: Vec<Baris>,
    jumlah_bup: usize,
    jumlah_kasus: usize,
    galat: Option<String>,
    jenis_pensiun: Vec<(u8, &'static str)>,
    jenis_pemberhentian: Vec<(u8, String)>,
    isian: Isian,
}

/// The "other case" form as sent, shown again after a refusal.
#[derive(Default)]
struct Isian {
    nip: String,
    jenis_pensiun: u8,
    jenis_pemberhentian: Option<u8>,
    tmt: String,
    tanggal_peristiwa: String,
}

#[derive(Deserialize, Default)]
pub(super) struct RentangQuery {
    #[serde(default)]
    dari: Option<String>,
    #[serde(default)]
    sampai: Option<String>,
    #[serde(default)]
    instansi: Option<String>,
}

fn tanggal_query(t: Option<&str>) -> Option<NaiveDate> {
    t.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    q: RentangQuery,
    galat: Option<String>,
    isian: Isian,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let aktor = m.aktor();
    let hari_ini = state.app().sekarang().date_naive();
    let dari = tanggal_query(q.dari.as_deref()).unwrap_or(hari_ini);
    let sampai = tanggal_query(q.sampai.as_deref())
        .filter(|s| *s >= dari)
        .unwrap_or_else(|| {
            dari.checked_add_months(chrono::Months::new(12))
                .unwrap_or(dari)
        });
    // At most five years at a time: the list is computed per request.
    let sampai = sampai.min(
        dari.checked_add_months(chrono::Months::new(60))
            .unwrap_or(sampai),
    );
    let instansi = q
        .instansi
        .filter(|i| !i.trim().is_empty())
        .or_else(|| satu_instansi(m));
    let pilihan_instansi = if satu_instansi(m).is_none() {
        instansi_terjangkau(state, m).await?
    } else {
        Vec::new()
    };
    let baris: Vec<BarisPensiun> = match &instansi {
        Some(i) => pensiun::daftar(state.app(), &aktor, i, dari, sampai)
            .await
            .dalam(b)?,
        None => Vec::new(),
    };
    let kedudukan_ref = state.store().kedudukan_hukum().await?;
    let t = |d: NaiveDate| crate::tampilan::tanggal(d, b);
    let daftar: Vec<Baris> = baris
        .into_iter()
        .map(|r| {
            let peringatan = (r.kasus.is_none()
                && (r.kedudukan_hukum_id == kedudukan::MENCAPAI_BUP || r.tmt <= hari_ini))
                .then(|| {
                    kedudukan_ref
                        .iter()
                        .find(|k| k.id == kedudukan::MENCAPAI_BUP)
                        .map_or_else(|| "Mencapai BUP".to_string(), |k| k.nama.clone())
                });
            Baris {
                pegawai_id: r.pegawai_id,
                nama: r.nama,
                nip: r.nip,
                jabatan: r.jabatan.unwrap_or_default(),
                lahir: t(r.tanggal_lahir),
                bup: r.pensiun.bup,
                tmt: t(r.tmt),
                peringatan,
                kasus: r.kasus.map(|k| {
                    let jenis = k
                        .pensiun()
                        .and_then(|d| d.jenis())
                        .map_or_else(String::new, |j| j.nama().to_string());
                    (k.id, jenis, label_status_layanan(k.status, b))
                }),
            }
        })
        .collect();
    let jumlah_kasus = daftar.iter().filter(|r| r.kasus.is_some()).count();
    let page = PensiunPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        dari: dari.to_string(),
        sampai: sampai.to_string(),
        instansi: instansi.unwrap_or_default(),
        pilihan_instansi,
        operator: m.pelaku.punya(Peran::OperatorInstansi),
        jumlah_bup: daftar.len(),
        jumlah_kasus,
        daftar,
        galat,
        jenis_pensiun: JenisPensiun::SEMUA
            .into_iter()
            .map(|j| (j.kode(), j.nama()))
            .collect(),
        jenis_pemberhentian: (1..=16)
            .filter_map(JenisPemberhentian::dari_kode)
            .map(|j| (j.kode(), j.nama()))
            .collect(),
        isian,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /layanan/pensiun?dari=&sampai=&instansi=`.
pub async fn halaman(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<RentangQuery>,
) -> Result<Response, WebError> {
    tampilkan(&state, &m, q, None, Isian::default()).await
}

/// `POST /layanan/pensiun`: start a case for one employee (by id from the list, or by NIP).
pub async fn mulai(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let jenis_pensiun = get("jenis_pensiun")
        .parse::<u8>()
        .ok()
        .and_then(JenisPensiun::dari_kode)
        .ok_or_else(tidak_valid)?;
    let jenis_pemberhentian = match get("jenis_pemberhentian") {
        "" => None,
        k => Some(
            k.parse::<u8>()
                .ok()
                .and_then(JenisPemberhentian::dari_kode)
                .ok_or_else(tidak_valid)?,
        ),
    };
    let tanggal =
        |k: &str| crate::infra::formulir::tanggal_opsional(&pairs, k).map_err(|()| tidak_valid());
    let minta = PermintaanPensiun {
        jenis_pensiun,
        jenis_pemberhentian,
        tmt: tanggal("tmt")?,
        tanggal_peristiwa: tanggal("tanggal_peristiwa")?,
    };
    let pegawai_id = match Uuid::parse_str(get("pegawai")) {
        Ok(id) => Some(id),
        Err(_) => {
            let nip: String = get("nip").chars().filter(char::is_ascii_digit).collect();
            match state.store().pegawai_by_nip(&nip).await {
                Ok(p) => Some(p.id),
                Err(siasn_store::StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            }
        }
    };
    let hasil = match pegawai_id {
        Some(id) => pensiun::mulai(state.app(), &m.aktor(), id, minta)
            .await
            .dalam(b)?,
        None => HasilMulaiPensiun::TidakDitemukan,
    };
    let galat = match hasil {
        HasilMulaiPensiun::Dibuat(id) => {
            return Ok(Redirect::to(&format!("/layanan/{id}")).into_response());
        }
        HasilMulaiPensiun::Ditolak(e) => b.jelaskan(&e),
        HasilMulaiPensiun::Langkah(e) => b.jelaskan(&e),
        HasilMulaiPensiun::TidakDitemukan => b.t(Teks::LayananPegawaiLuar).to_string(),
    };
    let q = RentangQuery {
        dari: Some(get("dari").to_string()).filter(|s| !s.is_empty()),
        sampai: Some(get("sampai").to_string()).filter(|s| !s.is_empty()),
        instansi: Some(get("instansi").to_string()).filter(|s| !s.is_empty()),
    };
    // The list's own button sends an id, not the form: only the form is shown again.
    let isian = if get("nip").is_empty() {
        Isian::default()
    } else {
        Isian {
            nip: get("nip").to_string(),
            jenis_pensiun: jenis_pensiun.kode(),
            jenis_pemberhentian: jenis_pemberhentian.map(JenisPemberhentian::kode),
            tmt: get("tmt").to_string(),
            tanggal_peristiwa: get("tanggal_peristiwa").to_string(),
        }
    };
    tampilkan(&state, &m, q, Some(galat), isian).await
}
