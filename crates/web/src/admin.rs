//! Administration: staff grants, and help for employees' accounts (wrong registered e-mail,
//! lost authenticator). Every target is looked up within the administrator's scope.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::Nip;
use siasn_domain::akses::{Cakupan, Peran, PeranAkun};
use siasn_domain::pegawai::Pegawai;
use siasn_store::StoreError;
use siasn_store::akun::{Login, RingkasanAkun};
use siasn_store::audit::AuditBaru;
use siasn_store::email::{EmailBaru, EmailKeluar};
use uuid::Uuid;

use crate::bahasa::Bahasa;
use crate::konteks::Param;
use crate::konteks::{Masuk, periksa_csrf_sesi};
use crate::{AppState, WebError};

/// Scopes in which this administrator manages employees' accounts (empty: not an admin).
fn cakupan_admin(m: &Masuk) -> Vec<Cakupan> {
    if m.pelaku.punya(Peran::AdminBkn) {
        return vec![Cakupan::Nasional];
    }
    m.pelaku
        .instansi_yang_diadministrasi()
        .into_iter()
        .map(|i| Cakupan::Instansi(i.to_string()))
        .collect()
}

fn wajib_admin(m: &Masuk) -> Result<Vec<Cakupan>, WebError> {
    let c = cakupan_admin(m);
    if c.is_empty() {
        Err(WebError::Dilarang(m.konteks.bahasa))
    } else {
        Ok(c)
    }
}

fn aktor(m: &Masuk) -> String {
    format!("akun:{}", m.akun.id)
}

#[derive(Template)]
#[template(path = "admin_akun.html")]
struct AkunPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    daftar: Vec<RingkasanAkun>,
    peran_pilihan: Vec<Peran>,
    instansi_tetap: Option<String>,
    info: Option<&'static str>,
    galat: Option<String>,
}

async fn halaman_akun(
    state: &AppState,
    m: &Masuk,
    info: Option<&'static str>,
    galat: Option<String>,
) -> Result<Response, WebError> {
    let cakupan = wajib_admin(m)?;
    let daftar = state.store().daftar_akun_staf(&cakupan).await?;
    let bkn = m.pelaku.punya(Peran::AdminBkn);
    let peran_pilihan = if bkn {
        vec![
            Peran::OperatorInstansi,
            Peran::VerifikatorInstansi,
            Peran::AdminInstansi,
            Peran::VerifikatorBkn,
            Peran::AdminBkn,
        ]
    } else {
        vec![Peran::OperatorInstansi, Peran::VerifikatorInstansi]
    };
    let instansi_tetap = if bkn {
        None
    } else {
        m.pelaku
            .instansi_yang_diadministrasi()
            .first()
            .map(|s| s.to_string())
    };
    let page = AkunPage {
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        daftar,
        peran_pilihan,
        instansi_tetap,
        info,
        galat,
    };
    Ok(Html(page.render()?).into_response())
}

/// Staff accounts in the administrator's scope.
pub async fn akun(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_akun(&state, &m, None, None).await
}

/// Grant fields.
#[derive(Deserialize)]
pub struct BeriForm {
    csrf: String,
    login: String,
    peran: String,
    #[serde(default)]
    instansi: String,
    #[serde(default)]
    kanreg: String,
}

fn kosong_jadi_none(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Grants a role to an employee (by NIP, in scope) or an existing user-name account.
pub async fn beri(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<BeriForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let cakupan = wajib_admin(&m)?;
    let Some(peran) = Peran::from_kode(&f.peran) else {
        return Err(WebError::TidakValid(b, "akun_tidak_ada"));
    };
    let instansi = if m.pelaku.punya(Peran::AdminBkn) {
        kosong_jadi_none(&f.instansi)
    } else {
        m.pelaku
            .instansi_yang_diadministrasi()
            .first()
            .map(|s| s.to_string())
    };
    let grant = match PeranAkun::new(peran, instansi, kosong_jadi_none(&f.kanreg)) {
        Ok(g) => g,
        Err(e) => return halaman_akun(&state, &m, None, Some(e.to_string())).await,
    };
    if !m.pelaku.boleh_kelola_peran(&grant) {
        return Err(WebError::Dilarang(b));
    }
    let now = state.jam().sekarang();
    let login = f.login.trim();
    let akun_id = if login.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        let Ok(nip) = Nip::parse(login, now.date_naive()) else {
            return halaman_akun(&state, &m, None, Some(b.t("akun_tidak_ada").into())).await;
        };
        // An agency admin may only appoint employees of the agency.
        let pegawai = match state
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                return halaman_akun(&state, &m, None, Some(b.t("akun_tidak_ada").into())).await;
            }
            Err(e) => return Err(e.into()),
        };
        state
            .store()
            .pastikan_akun_pegawai(&pegawai, &aktor(&m))
            .await?
            .id
    } else {
        match state
            .store()
            .akun_by_login(&Login::NamaPengguna(login.to_ascii_lowercase()))
            .await?
        {
            Some(a) if m.pelaku.punya(Peran::AdminBkn) => a.id,
            _ => return halaman_akun(&state, &m, None, Some(b.t("akun_tidak_ada").into())).await,
        }
    };
    state
        .store()
        .beri_peran(akun_id, &grant, &aktor(&m))
        .await?;
    halaman_akun(&state, &m, Some(b.t("peran_diberikan")), None).await
}

/// Revoke fields.
#[derive(Deserialize)]
pub struct CabutForm {
    csrf: String,
    akun: Uuid,
    peran: String,
}

/// Revokes one grant, if the administrator may manage it.
pub async fn cabut(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CabutForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    wajib_admin(&m)?;
    let target = match state.store().akun(f.akun).await {
        Ok(a) => a,
        Err(StoreError::NotFound) => return Err(WebError::Dilarang(b)),
        Err(e) => return Err(e.into()),
    };
    let Some(grant) = target
        .peran
        .iter()
        .find(|p| Peran::from_kode(&f.peran) == Some(p.peran))
    else {
        return Err(WebError::Dilarang(b));
    };
    if !m.pelaku.boleh_kelola_peran(grant) {
        return Err(WebError::Dilarang(b));
    }
    state
        .store()
        .cabut_peran(target.id, grant.peran, &aktor(&m))
        .await?;
    halaman_akun(&state, &m, Some(b.t("peran_dicabut")), None).await
}

#[derive(Template)]
#[template(path = "admin_pegawai.html")]
struct PegawaiPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    pegawai: Option<Pegawai>,
    email: Vec<EmailKeluar>,
    punya_akun: bool,
    mfa_aktif: bool,
    info: Option<&'static str>,
    galat: Option<&'static str>,
}

async fn halaman_pegawai(
    state: &AppState,
    m: &Masuk,
    pegawai: Option<Pegawai>,
    info: Option<&'static str>,
    galat: Option<&'static str>,
) -> Result<Response, WebError> {
    let (email, punya_akun, mfa_aktif) = match &pegawai {
        Some(p) => {
            let akun = state.store().akun_pegawai(p.id).await?;
            (
                state.store().email_pegawai(p.id, 10).await?,
                akun.is_some(),
                akun.is_some_and(|a| a.mfa_aktif),
            )
        }
        None => (Vec::new(), false, false),
    };
    let page = PegawaiPage {
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        pegawai,
        email,
        punya_akun,
        mfa_aktif,
        info,
        galat,
    };
    Ok(Html(page.render()?).into_response())
}

/// The search form (NIPs go in a POST body, never in the URL).
pub async fn pegawai_form(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    wajib_admin(&m)?;
    halaman_pegawai(&state, &m, None, None, None).await
}

/// Search fields.
#[derive(Deserialize)]
pub struct CariForm {
    csrf: String,
    nip: String,
}

/// Finds an employee by NIP within scope.
pub async fn pegawai_cari(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CariForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let cakupan = wajib_admin(&m)?;
    let now = state.jam().sekarang();
    let found = match Nip::parse(&f.nip, now.date_naive()) {
        Ok(nip) => match state
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => Some(p),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        Err(_) => None,
    };
    let galat = found
        .is_none()
        .then(|| m.konteks.bahasa.t("pegawai_tidak_ada"));
    halaman_pegawai(&state, &m, found, None, galat).await
}

/// The employee within the administrator's scope, or 403/404 without revealing which.
async fn pegawai_admin(state: &AppState, m: &Masuk, id: Uuid) -> Result<Pegawai, WebError> {
    wajib_admin(m)?;
    let letak = match state.store().letak_pegawai(id).await {
        Ok(l) => l,
        Err(StoreError::NotFound) => return Err(WebError::Dilarang(m.konteks.bahasa)),
        Err(e) => return Err(e.into()),
    };
    if !m.pelaku.boleh_administrasi_pegawai(&letak) {
        return Err(WebError::Dilarang(m.konteks.bahasa));
    }
    Ok(state.store().pegawai(id).await?)
}

/// One employee's account help page.
pub async fn pegawai(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
) -> Result<Response, WebError> {
    let p = pegawai_admin(&state, &m, id).await?;
    halaman_pegawai(&state, &m, Some(p), None, None).await
}

/// New e-mail fields.
#[derive(Deserialize)]
pub struct EmailForm {
    csrf: String,
    email: String,
    alasan: String,
}

fn email_masuk_akal(e: &str) -> bool {
    let e = e.trim();
    e.len() <= 254
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
        && e.split_once('@').is_some_and(|(a, d)| {
            !a.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
        })
}

/// Corrects the registered e-mail; notifies the old and the new address.
pub async fn ubah_email(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<EmailForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let p = pegawai_admin(&state, &m, id).await?;
    let alasan = f.alasan.trim();
    if alasan.is_empty() || alasan.len() > 500 {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t("alasan_wajib"))).await;
    }
    if !email_masuk_akal(&f.email) {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t("email_tidak_valid"))).await;
    }
    let baru = f.email.trim().to_string();
    let lama = p.email.clone();
    let now = state.jam().sekarang();
    state
        .store()
        .ubah_email_pegawai(
            p.id,
            &baru,
            AuditBaru {
                aktor: aktor(&m),
                aksi: "pegawai.email_diubah".into(),
                pegawai_id: Some(p.id),
                alasan: Some(alasan.to_string()),
                sebelum: Some(serde_json::json!({ "email": lama })),
                sesudah: Some(serde_json::json!({ "email": baru })),
                alamat: Some(m.konteks.alamat.to_string()),
                ..AuditBaru::default()
            },
            now,
        )
        .await?;
    let nama_instance = state.nama_instance().to_string();
    for ke in lama.iter().chain(std::iter::once(&baru)) {
        state
            .kirim_email(EmailBaru {
                akun_id: None,
                pegawai_id: Some(p.id),
                ke: ke.clone(),
                subjek: format!("E-mail terdaftar {nama_instance} Anda diubah"),
                isi: format!(
                    "Yth. {},\n\nUnit kepegawaian instansi Anda mengubah e-mail terdaftar akun {nama_instance} Anda menjadi {baru}.\nAlasan: {alasan}\nJika ini tidak benar, segera hubungi unit kepegawaian instansi Anda.\n\n-- \n(English) Your agency's HR unit changed the registered e-mail of your {nama_instance} account to {baru}.\n",
                    p.nama_lengkap()
                ),
            })
            .await?;
    }
    let p = state.store().pegawai(p.id).await?;
    halaman_pegawai(&state, &m, Some(p), Some(b.t("email_diubah")), None).await
}

/// Reset fields.
#[derive(Deserialize)]
pub struct ResetForm {
    csrf: String,
    alasan: String,
}

/// Removes the employee's authenticator so they can enrol again.
pub async fn reset_mfa(
    State(state): State<AppState>,
    m: Masuk,
    Param(id): Param<Uuid>,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    periksa_csrf_sesi(&m.sesi, &f.csrf, b)?;
    let p = pegawai_admin(&state, &m, id).await?;
    let alasan = f.alasan.trim();
    if alasan.is_empty() || alasan.len() > 500 {
        return halaman_pegawai(&state, &m, Some(p), None, Some(b.t("alasan_wajib"))).await;
    }
    if let Some(akun) = state.store().akun_pegawai(p.id).await? {
        state
            .store()
            .reset_mfa(
                akun.id,
                AuditBaru {
                    aktor: aktor(&m),
                    aksi: "mfa.direset".into(),
                    pegawai_id: Some(p.id),
                    akun_id: Some(akun.id),
                    alasan: Some(alasan.to_string()),
                    alamat: Some(m.konteks.alamat.to_string()),
                    ..AuditBaru::default()
                },
                state.jam().sekarang(),
            )
            .await?;
    }
    halaman_pegawai(&state, &m, Some(p), Some(b.t("mfa_direset")), None).await
}
