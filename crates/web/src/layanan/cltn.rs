//! "Usul CLTN": starting an unpaid-leave case — the grant, its extension or the return — for
//! one employee of the operator's agency; the case then follows the engine's pages.

use siasn_app::layanan::cltn::{self, HasilMulaiCltn};
use siasn_domain::akses::Peran;
use siasn_domain::layanan::cltn::{
    JenisUsulCltn, KeluargaCltn, PENGINGAT_AKHIR_STATUS_HARI, PermintaanCltn, lewat_batas_lapor,
};
use siasn_domain::pemberhentian::batas_lapor_cltn;

use super::*;

/// The form as sent, shown again after a refusal.
#[derive(Default)]
struct Isian {
    nip: String,
    jenis: u8,
    mulai: String,
    selesai: String,
    aktif: String,
    alasan: String,
}

#[derive(Template)]
#[template(path = "layanan_cltn.html")]
struct CltnPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    operator: bool,
    galat: Option<String>,
    jenis: Vec<(u8, &'static str)>,
    isian: Isian,
    berjalan: Vec<BarisStatus>,
}

/// One running status as listed.
struct BarisStatus {
    nama: String,
    nip: String,
    status: String,
    mulai: String,
    selesai: String,
    /// The report-back deadline, where the status has one.
    batas_lapor: Option<String>,
    /// "Ends soon" or "past the deadline".
    peringatan: Option<&'static str>,
}

/// The agency's running statuses, for an operator or official of one agency.
async fn berjalan(state: &AppState, m: &Masuk) -> Result<Vec<BarisStatus>, WebError> {
    let b = m.bahasa();
    let Some(instansi) = super::prediksi::satu_instansi(m) else {
        return Ok(Vec::new());
    };
    let hari_ini = state.app().sekarang().date_naive();
    let t = |d: chrono::NaiveDate| crate::tampilan::tanggal(d, b);
    Ok(cltn::status_berjalan(state.app(), &m.aktor(), &instansi)
        .await
        .dalam(b)?
        .into_iter()
        .map(|s| {
            let keluarga = KeluargaCltn::dari_kode_mulai(s.status.jenis_cltn);
            let akhir = s.status.tanggal_selesai;
            let peringatan = if keluarga.wajib_melapor() && lewat_batas_lapor(akhir, hari_ini) {
                Some(b.t(Teks::CltnLewatBatas))
            } else if akhir >= hari_ini
                && (akhir - hari_ini).num_days() <= PENGINGAT_AKHIR_STATUS_HARI
            {
                Some(b.t(Teks::CltnSegeraBerakhir))
            } else {
                None
            };
            BarisStatus {
                nama: s.nama,
                nip: siasn_teks::nip(&s.nip),
                status: b.jelaskan(&keluarga),
                mulai: t(s.status.tanggal_mulai),
                selesai: t(akhir),
                batas_lapor: keluarga.wajib_melapor().then(|| t(batas_lapor_cltn(akhir))),
                peringatan,
            }
        })
        .collect())
}

async fn tampilkan(
    state: &AppState,
    m: &Masuk,
    galat: Option<String>,
    isian: Isian,
) -> Result<Response, WebError> {
    let page = CltnPage {
        menu: m.menu(state).await?,
        b: m.bahasa(),
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        operator: m.pelaku.punya(Peran::OperatorInstansi),
        galat,
        jenis: JenisUsulCltn::SEMUA
            .into_iter()
            .map(|j| (j.kode(), j.nama()))
            .collect(),
        isian,
        berjalan: berjalan(state, m).await?,
    };
    Ok(Html(page.render()?).into_response())
}

/// `GET /layanan/cltn`.
pub async fn halaman(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    tampilkan(&state, &m, None, Isian::default()).await
}

/// `POST /layanan/cltn`: start the case, or show the form again with the rule it breaks.
pub async fn mulai(
    State(state): State<AppState>,
    m: Masuk,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let get = |k: &str| crate::infra::formulir::isian(&pairs, k);
    periksa_csrf_sesi(&m.sesi, get("csrf"), b)?;
    let tidak_valid = || WebError::TidakValid(b, Teks::FormTidakValid);
    let jenis = get("jenis")
        .parse::<u8>()
        .ok()
        .and_then(JenisUsulCltn::dari_kode)
        .ok_or_else(tidak_valid)?;
    let tanggal =
        |k: &str| crate::infra::formulir::tanggal_opsional(&pairs, k).map_err(|()| tidak_valid());
    let minta = PermintaanCltn {
        jenis,
        mulai: tanggal("mulai")?,
        selesai: tanggal("selesai")?,
        aktif: tanggal("aktif")?,
        // Read from the formasi register by the use case, never from the form.
        formasi: None,
    };
    let nip: String = get("nip").chars().filter(char::is_ascii_digit).collect();
    let hasil = match state.store().pegawai_by_nip(&nip).await {
        Ok(p) => cltn::mulai(state.app(), &m.aktor(), p.id, minta, get("alasan"))
            .await
            .dalam(b)?,
        Err(siasn_store::StoreError::NotFound) => HasilMulaiCltn::TidakDitemukan,
        Err(e) => return Err(e.into()),
    };
    let galat = match hasil {
        HasilMulaiCltn::Dibuat(id) => {
            return Ok(Redirect::to(&format!("/layanan/{id}")).into_response());
        }
        HasilMulaiCltn::Ditolak(e) => b.jelaskan(&e),
        HasilMulaiCltn::Langkah(e) => b.jelaskan(&e),
        HasilMulaiCltn::TidakDitemukan => b.t(Teks::LayananPegawaiLuar).to_string(),
    };
    let isian = Isian {
        nip: get("nip").to_string(),
        jenis: jenis.kode(),
        mulai: get("mulai").to_string(),
        selesai: get("selesai").to_string(),
        aktif: get("aktif").to_string(),
        alasan: get("alasan").to_string(),
    };
    tampilkan(&state, &m, Some(galat), isian).await
}
