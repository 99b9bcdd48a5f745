//! Sign-in, sign-out, activation and forgotten password, and the second factor.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Duration;
use serde::Deserialize;
use siasn_domain::Nip;
use siasn_domain::akses::Pelaku;
use siasn_domain::akun::penguncian::{self, KebijakanKunci, StatusGagal};
use siasn_domain::akun::{kata_sandi, kode, totp};
use siasn_store::akun::{Akun, JenisToken, Login};
use siasn_store::audit::AuditBaru;
use siasn_store::email::EmailBaru;
use siasn_store::sesi::{Sesi, TahapSesi};

use crate::bahasa::Bahasa;
use crate::batas_laju::Jalur;
use crate::keamanan::{acak, sama, sidik, token_acak};
use crate::konteks::{Konteks, SesiApaSaja, periksa_csrf_sesi, periksa_csrf_tamu};
use crate::{AppState, WebError};

/// Longest login identifier or e-mail accepted (anything longer is refused before any work).
const PANJANG_ISIAN_MAKS: usize = 254;
/// Characters of a reset/activation token.
const PANJANG_TOKEN: usize = 12;
/// Recovery codes issued at MFA enrolment.
const JUMLAH_KODE_PEMULIHAN: usize = 10;

fn html(t: impl Template) -> Result<Response, WebError> {
    Ok(Html(t.render()?).into_response())
}

/// A page with a fresh guest CSRF cookie when there is none yet.
pub(crate) fn dengan_csrf_tamu(state: &AppState, mut r: Response, baru: Option<&str>) -> Response {
    if let Some(token) = baru
        && let Ok(v) = HeaderValue::from_str(&state.konfigurasi().set_cookie(
            state.konfigurasi().cookie_csrf(),
            token,
            None,
        ))
    {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The guest CSRF token to put in a form, and whether it must be set as a cookie.
pub(crate) fn csrf_tamu(state: &AppState, k: &Konteks) -> (String, Option<String>) {
    match k.cookie(state.konfigurasi().cookie_csrf()) {
        Some(c) if c.len() == 64 => (c.to_string(), None),
        _ => {
            let t = token_acak();
            (t.clone(), Some(t))
        }
    }
}

pub(crate) fn audit(aksi: &str, akun: Option<&Akun>, k: &Konteks) -> AuditBaru {
    AuditBaru {
        aktor: akun.map_or_else(|| "anonim".into(), |a| format!("akun:{}", a.id)),
        aksi: aksi.into(),
        pegawai_id: akun.and_then(|a| a.pegawai_id),
        akun_id: akun.map(|a| a.id),
        alamat: Some(k.alamat.to_string()),
        ..AuditBaru::default()
    }
}

/// Reads a login identifier: a NIP (with or without spaces) or a user name.
pub(crate) fn baca_login(input: &str, hari_ini: chrono::NaiveDate) -> Option<Login> {
    let t = input.trim();
    if t.is_empty() || t.len() > PANJANG_ISIAN_MAKS {
        return None;
    }
    if t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
        return Nip::parse(t, hari_ini)
            .ok()
            .map(|n| Login::Nip(n.as_str().to_string()));
    }
    let ok = t.len() <= 64
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    ok.then(|| Login::NamaPengguna(t.to_ascii_lowercase()))
}

#[derive(Template)]
#[template(path = "masuk.html")]
struct MasukPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    login: String,
    galat: Option<String>,
    info: Option<String>,
}

/// The sign-in form.
pub async fn masuk_form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(&state, &k);
    let page = html(MasukPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        login: String::new(),
        galat: None,
        info: None,
    })?;
    Ok(dengan_csrf_tamu(&state, page, baru.as_deref()))
}

/// Sign-in form fields.
#[derive(Deserialize)]
pub struct MasukForm {
    csrf: String,
    login: String,
    sandi: String,
    #[serde(default)]
    ingat_saya: Option<String>,
}

/// Checks the password; on success starts a session at the right stage.
pub async fn masuk(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<MasukForm>,
) -> Result<Response, WebError> {
    let now = state.jam().sekarang();
    state
        .batas()
        .periksa(Jalur::Masuk, k.alamat, now)
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    let gagal = |state: &AppState, k: &Konteks, login: &str| {
        html(MasukPage {
            b: k.bahasa,
            nama_instance: state.nama_instance(),
            csrf: f.csrf.clone(),
            login: login.chars().take(64).collect(),
            galat: Some(k.bahasa.t("login_salah").into()),
            info: None,
        })
    };
    if f.sandi.chars().count() > kata_sandi::PANJANG_MAKSIMUM {
        return gagal(&state, &k, &f.login);
    }
    let akun = match baca_login(&f.login, now.date_naive()) {
        Some(login) => state.store().akun_by_login(&login).await?,
        None => None,
    };
    let status = akun.as_ref().map(|a| StatusGagal {
        gagal_berturut: a.gagal_berturut,
        tunda_sampai: a.tunda_sampai,
        terkunci_sampai: a.terkunci_sampai,
    });
    let boleh = status.is_none_or(|s| penguncian::boleh_dicoba(&s, now));
    // The hash is always computed, for unknown and locked accounts too, so timing reveals nothing.
    let cocok = state
        .hasher()
        .cocok(
            f.sandi.clone(),
            akun.as_ref().and_then(|a| a.sandi_hash.clone()),
        )
        .await;
    let Some(akun) = akun else {
        state
            .store()
            .catat_audit(vec![audit("login.gagal", None, &k)])
            .await?;
        return gagal(&state, &k, &f.login);
    };
    if !boleh {
        state
            .store()
            .catat_audit(vec![audit("login.ditolak_terkunci", Some(&akun), &k)])
            .await?;
        return gagal(&state, &k, &f.login);
    }
    if !cocok {
        catat_gagal(&state, &akun, &k, "login.gagal").await?;
        return gagal(&state, &k, &f.login);
    }
    state.store().catat_login_berhasil(akun.id).await?;
    let pelaku = Pelaku {
        akun_id: akun.id,
        pegawai_id: akun.pegawai_id,
        peran: akun.peran.clone(),
    };
    let tahap = if akun.mfa_aktif {
        TahapSesi::PerluMfa
    } else if pelaku.wajib_mfa() {
        TahapSesi::PerluDaftarMfa
    } else {
        TahapSesi::Penuh
    };
    let ingat = f.ingat_saya.is_some();
    let cfg = state.konfigurasi();
    let id = token_acak();
    let sesi = Sesi {
        id_hash: sidik(&id),
        akun_id: akun.id,
        tahap,
        csrf: token_acak(),
        ingat_saya: ingat,
        dibuat_pada: now,
        aktif_pada: now,
        batas_mutlak: now
            + if ingat {
                Duration::days(cfg.ingat_saya_hari)
            } else {
                Duration::hours(cfg.sesi_mutlak_jam)
            },
        alamat: Some(k.alamat.to_string()),
        perangkat: k.perangkat.clone(),
    };
    state.store().buat_sesi(&sesi).await?;
    if tahap == TahapSesi::PerluDaftarMfa {
        siapkan_rahasia(&state, &akun).await?;
    }
    state
        .store()
        .catat_audit(vec![audit("login.berhasil", Some(&akun), &k)])
        .await?;
    let tujuan = match tahap {
        TahapSesi::Penuh => "/beranda",
        TahapSesi::PerluMfa => "/mfa",
        TahapSesi::PerluDaftarMfa => "/mfa/daftar",
    };
    let mut r = Redirect::to(tujuan).into_response();
    let umur = ingat.then(|| cfg.ingat_saya_hari * 86_400);
    if let Ok(v) = HeaderValue::from_str(&cfg.set_cookie(cfg.cookie_sesi(), &id, umur)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

pub(crate) async fn catat_gagal(
    state: &AppState,
    akun: &Akun,
    k: &Konteks,
    aksi: &str,
) -> Result<(), WebError> {
    let now = state.jam().sekarang();
    let cfg = state.konfigurasi();
    let kebijakan = KebijakanKunci {
        gagal_sebelum_tunda: cfg.gagal_sebelum_tunda,
        gagal_sebelum_kunci: cfg.gagal_sebelum_kunci,
        lama_kunci: Duration::minutes(cfg.kunci_menit),
    };
    let sebelum = StatusGagal {
        gagal_berturut: akun.gagal_berturut,
        tunda_sampai: akun.tunda_sampai,
        terkunci_sampai: akun.terkunci_sampai,
    };
    let s = penguncian::setelah_gagal(&kebijakan, &sebelum, now);
    state
        .store()
        .catat_login_gagal(akun.id, s.gagal_berturut, s.tunda_sampai, s.terkunci_sampai)
        .await?;
    let mut events = vec![audit(aksi, Some(akun), k)];
    if penguncian::terkunci(&s, now) && !penguncian::terkunci(&sebelum, now) {
        events.push(audit("akun.dikunci", Some(akun), k));
    }
    state.store().catat_audit(events).await?;
    Ok(())
}

/// Sign-out form field.
#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// Ends the session on the server and clears the cookie.
pub async fn keluar(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&s.sesi, &f.csrf, s.konteks.bahasa)?;
    state.store().hapus_sesi(&s.sesi.id_hash).await?;
    state
        .store()
        .catat_audit(vec![audit("logout", Some(&s.akun), &s.konteks)])
        .await?;
    let cfg = state.konfigurasi();
    let mut r = Redirect::to("/masuk").into_response();
    if let Ok(v) = HeaderValue::from_str(&cfg.set_cookie(cfg.cookie_sesi(), "", Some(0))) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

#[derive(Template)]
#[template(path = "lupa.html")]
struct LupaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    judul: &'static str,
    aksi: &'static str,
    terkirim: Option<String>,
}

fn lupa_page(state: &AppState, k: &Konteks, aktivasi: bool) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(state, k);
    let page = html(LupaPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        judul: k.bahasa.t(if aktivasi {
            "aktivasi_judul"
        } else {
            "lupa_judul"
        }),
        aksi: if aktivasi { "/aktivasi" } else { "/lupa-sandi" },
        terkirim: None,
    })?;
    Ok(dengan_csrf_tamu(state, page, baru.as_deref()))
}

/// The forgotten-password form.
pub async fn lupa_form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    lupa_page(&state, &k, false)
}

/// The activation form (the same flow, worded for first use).
pub async fn aktivasi_form(
    State(state): State<AppState>,
    k: Konteks,
) -> Result<Response, WebError> {
    lupa_page(&state, &k, true)
}

/// Token request fields.
#[derive(Deserialize)]
pub struct LupaForm {
    csrf: String,
    nip: String,
    email: String,
}

/// Sends a token when NIP and e-mail match; answers the same either way.
pub async fn lupa(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<LupaForm>,
) -> Result<Response, WebError> {
    let now = state.jam().sekarang();
    state
        .batas()
        .periksa(Jalur::MintaToken, k.alamat, now)
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    if f.nip.len() > PANJANG_ISIAN_MAKS || f.email.len() > PANJANG_ISIAN_MAKS {
        return Err(WebError::TidakValid(k.bahasa, "input_terlalu_panjang"));
    }
    // The work happens after the answer, so the answer's timing says nothing about the NIP.
    let bg_state = state.clone();
    let alamat = k.alamat.to_string();
    let (nip, email) = (f.nip.clone(), f.email.clone());
    tokio::spawn(async move {
        if let Err(e) = kirim_token(&bg_state, &nip, &email, &alamat).await {
            tracing::warn!(error = %e, "token request failed");
        }
    });
    let page = LupaPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf: f.csrf.clone(),
        judul: k.bahasa.t("lupa_judul"),
        aksi: "/lupa-sandi",
        terkirim: Some(
            k.bahasa
                .t("token_dikirim")
                .replace("{}", &state.konfigurasi().token_menit.to_string()),
        ),
    };
    html(page)
}

async fn kirim_token(
    state: &AppState,
    nip: &str,
    email: &str,
    alamat: &str,
) -> Result<(), WebError> {
    let now = state.jam().sekarang();
    let Ok(nip) = Nip::parse(nip, now.date_naive()) else {
        return Ok(());
    };
    let pegawai = match state.store().pegawai_by_nip(nip.as_str()).await {
        Ok(p) => p,
        Err(siasn_store::StoreError::NotFound) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let terdaftar = pegawai.email.as_deref().map(str::trim).unwrap_or("");
    if terdaftar.is_empty() || !terdaftar.eq_ignore_ascii_case(email.trim()) {
        state
            .store()
            .catat_audit(vec![AuditBaru {
                aktor: "anonim".into(),
                aksi: "sandi.token_ditolak_email_beda".into(),
                pegawai_id: Some(pegawai.id),
                alamat: Some(alamat.into()),
                ..AuditBaru::default()
            }])
            .await?;
        return Ok(());
    }
    let akun = state
        .store()
        .pastikan_akun_pegawai(&pegawai, "sistem")
        .await?;
    let jenis = if akun.sandi_hash.is_some() {
        JenisToken::AturUlang
    } else {
        JenisToken::Aktivasi
    };
    let token = kode::dari_acak(&acak(kode::bytes_dibutuhkan(PANJANG_TOKEN)), PANJANG_TOKEN);
    let menit = state.konfigurasi().token_menit;
    state
        .store()
        .simpan_token(
            akun.id,
            jenis,
            &sidik(&kode::normalisasi(&token)),
            now,
            now + Duration::minutes(menit),
        )
        .await?;
    let cfg = state.konfigurasi();
    let isi = format!(
        "Yth. {nama},\n\nToken {instance} Anda: {token}\n\nMasukkan token ini bersama NIP dan kata sandi baru di {url}/atur-sandi .\nToken berlaku {menit} menit dan hanya dapat dipakai sekali.\n\nJika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.\n\n-- \n(English) Your {instance} token is {token}. Enter it with your NIP and a new password at {url}/atur-sandi within {menit} minutes.\n",
        nama = pegawai.nama_lengkap(),
        instance = cfg.nama_instance,
        url = cfg.url_publik,
    );
    state
        .kirim_email(EmailBaru {
            akun_id: Some(akun.id),
            pegawai_id: Some(pegawai.id),
            ke: terdaftar.to_string(),
            subjek: format!("Token {} Anda", cfg.nama_instance),
            isi,
        })
        .await?;
    state
        .store()
        .catat_audit(vec![AuditBaru {
            aktor: "anonim".into(),
            aksi: match jenis {
                JenisToken::Aktivasi => "akun.aktivasi_diminta".into(),
                JenisToken::AturUlang => "sandi.reset_diminta".into(),
            },
            pegawai_id: Some(pegawai.id),
            akun_id: Some(akun.id),
            alamat: Some(alamat.into()),
            ..AuditBaru::default()
        }])
        .await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "atur.html")]
struct AturPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    nip: String,
    aturan: String,
    galat: Vec<String>,
}

/// The set-password form (NIP + token + new password).
pub async fn atur_form(State(state): State<AppState>, k: Konteks) -> Result<Response, WebError> {
    let (csrf, baru) = csrf_tamu(&state, &k);
    let page = html(AturPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        csrf,
        nip: String::new(),
        aturan: k
            .bahasa
            .t("aturan_sandi")
            .replace("{}", &state.konfigurasi().panjang_sandi_minimum.to_string()),
        galat: Vec::new(),
    })?;
    Ok(dengan_csrf_tamu(&state, page, baru.as_deref()))
}

/// Set-password fields.
#[derive(Deserialize)]
pub struct AturForm {
    csrf: String,
    nip: String,
    token: String,
    sandi: String,
    ulangi: String,
}

#[derive(Template)]
#[template(path = "pesan.html")]
struct PesanPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    judul: &'static str,
    pesan: String,
    lanjut: Option<(&'static str, &'static str)>,
}

/// Sets the password when the token is right; ends every session; notifies by e-mail.
pub async fn atur(
    State(state): State<AppState>,
    k: Konteks,
    Form(f): Form<AturForm>,
) -> Result<Response, WebError> {
    let now = state.jam().sekarang();
    state
        .batas()
        .periksa(Jalur::PakaiToken, k.alamat, now)
        .map_err(|s| WebError::TerlaluSering(k.bahasa, s))?;
    periksa_csrf_tamu(&state, &k, &f.csrf)?;
    let cfg = state.konfigurasi();
    let ulang = |galat: Vec<String>| {
        html(AturPage {
            b: k.bahasa,
            nama_instance: state.nama_instance(),
            csrf: f.csrf.clone(),
            nip: f.nip.chars().take(32).collect(),
            aturan: k
                .bahasa
                .t("aturan_sandi")
                .replace("{}", &cfg.panjang_sandi_minimum.to_string()),
            galat,
        })
    };
    let token_salah = || ulang(vec![k.bahasa.t("token_salah").to_string()]);
    if f.token.len() > 64 || f.nip.len() > PANJANG_ISIAN_MAKS {
        return token_salah();
    }
    let Ok(nip) = Nip::parse(&f.nip, now.date_naive()) else {
        return token_salah();
    };
    let pegawai = match state.store().pegawai_by_nip(nip.as_str()).await {
        Ok(p) => p,
        Err(siasn_store::StoreError::NotFound) => return token_salah(),
        Err(e) => return Err(e.into()),
    };
    let Some(akun) = state.store().akun_pegawai(pegawai.id).await? else {
        return token_salah();
    };
    let Some(token) = state.store().token_terbuka(akun.id).await? else {
        return token_salah();
    };
    let dimasukkan = sidik(&kode::normalisasi(&f.token));
    if now >= token.kedaluwarsa
        || token.percobaan >= cfg.token_maks_percobaan
        || !sama(&token.hash, &dimasukkan)
    {
        state
            .store()
            .catat_token_salah(&token.hash, cfg.token_maks_percobaan, now)
            .await?;
        state
            .store()
            .catat_audit(vec![audit("sandi.token_salah", Some(&akun), &k)])
            .await?;
        return token_salah();
    }
    if f.sandi != f.ulangi {
        return ulang(vec![k.bahasa.t("sandi_tidak_sama").to_string()]);
    }
    let nik = pegawai.nik.as_ref().map(|n| n.as_str().to_string());
    let data = kata_sandi::DataPribadi {
        nip: Some(nip.as_str()),
        nik: nik.as_deref(),
        tanggal_lahir: Some(pegawai.tanggal_lahir),
        nama: Some(&pegawai.nama),
    };
    if let Err(alasan) = kata_sandi::periksa(
        &f.sandi,
        &kata_sandi::KebijakanSandi::new(cfg.panjang_sandi_minimum),
        &data,
    ) {
        let pesan = alasan
            .iter()
            .map(|a| match k.bahasa {
                Bahasa::Indonesia => a.pesan(),
                Bahasa::Inggris => a.message_en(),
            })
            .collect();
        return ulang(pesan);
    }
    let Some(hash) = state.hasher().hash(f.sandi.clone()).await else {
        return Err(WebError::Store(siasn_store::StoreError::Corrupt(
            "hash".into(),
        )));
    };
    let aksi = if akun.sandi_hash.is_some() {
        "sandi.diatur_ulang"
    } else {
        "akun.diaktifkan"
    };
    state
        .store()
        .ganti_sandi(akun.id, &hash, None, audit(aksi, Some(&akun), &k), now)
        .await?;
    if let Some(email) = akun.email.clone() {
        state
            .kirim_email(EmailBaru {
                akun_id: Some(akun.id),
                pegawai_id: akun.pegawai_id,
                ke: email,
                subjek: format!("Kata sandi {} Anda telah diubah", cfg.nama_instance),
                isi: format!(
                    "Yth. {},\n\nKata sandi akun {} Anda baru saja diatur. Semua sesi lain telah diakhiri.\nJika bukan Anda yang melakukannya, segera hubungi unit kepegawaian instansi Anda.\n\n-- \n(English) Your {} password was just set and every other session ended. If this was not you, contact your agency's HR unit at once.\n",
                    akun.nama, cfg.nama_instance, cfg.nama_instance
                ),
            })
            .await?;
    }
    html(PesanPage {
        b: k.bahasa,
        nama_instance: state.nama_instance(),
        judul: k.bahasa.t("atur_judul"),
        pesan: k.bahasa.t("sandi_berhasil").to_string(),
        lanjut: Some(("/masuk", k.bahasa.t("masuk"))),
    })
}

#[derive(Template)]
#[template(path = "mfa.html")]
struct MfaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    galat: Option<&'static str>,
}

/// The second-factor form.
pub async fn mfa_form(State(state): State<AppState>, s: SesiApaSaja) -> Result<Response, WebError> {
    match s.sesi.tahap {
        TahapSesi::PerluMfa => html(MfaPage {
            b: s.konteks.bahasa,
            nama_instance: state.nama_instance(),
            csrf: s.sesi.csrf.clone(),
            galat: None,
        }),
        TahapSesi::PerluDaftarMfa => Err(WebError::Alihkan("/mfa/daftar")),
        TahapSesi::Penuh => Err(WebError::Alihkan("/beranda")),
    }
}

/// Second-factor fields.
#[derive(Deserialize)]
pub struct KodeForm {
    csrf: String,
    kode: String,
}

/// Accepts a TOTP code (±1 step) or an unused recovery code.
pub async fn mfa(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<KodeForm>,
) -> Result<Response, WebError> {
    let b = s.konteks.bahasa;
    let now = state.jam().sekarang();
    state
        .batas()
        .periksa(Jalur::Masuk, s.konteks.alamat, now)
        .map_err(|d| WebError::TerlaluSering(b, d))?;
    periksa_csrf_sesi(&s.sesi, &f.csrf, b)?;
    if s.sesi.tahap != TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/beranda"));
    }
    let status = StatusGagal {
        gagal_berturut: s.akun.gagal_berturut,
        tunda_sampai: s.akun.tunda_sampai,
        terkunci_sampai: s.akun.terkunci_sampai,
    };
    let diterima =
        penguncian::boleh_dicoba(&status, now) && cek_kode(&state, &s.akun, &f.kode).await?;
    if !diterima {
        catat_gagal(&state, &s.akun, &s.konteks, "mfa.gagal").await?;
        return html(MfaPage {
            b,
            nama_instance: state.nama_instance(),
            csrf: s.sesi.csrf.clone(),
            galat: Some(b.t("mfa_salah")),
        });
    }
    state.store().catat_login_berhasil(s.akun.id).await?;
    state
        .store()
        .ubah_tahap_sesi(&s.sesi.id_hash, TahapSesi::Penuh)
        .await?;
    state
        .store()
        .catat_audit(vec![audit("mfa.berhasil", Some(&s.akun), &s.konteks)])
        .await?;
    Ok(Redirect::to("/beranda").into_response())
}

async fn cek_kode(state: &AppState, akun: &Akun, masukan: &str) -> Result<bool, WebError> {
    let now = state.jam().sekarang();
    let digits: String = masukan.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == totp::JUMLAH_ANGKA && digits.chars().all(|c| c.is_ascii_digit()) {
        let Some(rahasia) = akun
            .mfa_rahasia
            .as_deref()
            .and_then(totp::RahasiaTotp::dari_base32)
        else {
            return Ok(false);
        };
        let unix = u64::try_from(now.timestamp()).unwrap_or(0);
        let terakhir = akun
            .mfa_langkah_terakhir
            .and_then(|l| u64::try_from(l).ok());
        return match totp::periksa(&rahasia, &digits, unix, terakhir) {
            Some(langkah) => Ok(state
                .store()
                .catat_langkah_mfa(akun.id, i64::try_from(langkah).unwrap_or(i64::MAX))
                .await?),
            None => Ok(false),
        };
    }
    if masukan.len() > 64 {
        return Ok(false);
    }
    Ok(state
        .store()
        .pakai_kode_pemulihan(akun.id, &sidik(&kode::normalisasi(masukan)), now)
        .await?)
}

#[derive(Template)]
#[template(path = "mfa_daftar.html")]
struct DaftarMfaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: String,
    qr_svg: String,
    rahasia: String,
    wajib: bool,
    galat: Option<&'static str>,
}

fn qr_svg(teks: &str) -> String {
    qrcode::QrCode::new(teks.as_bytes())
        .map(|q| {
            q.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .build()
        })
        .unwrap_or_default()
}

async fn halaman_daftar(
    state: &AppState,
    s: &SesiApaSaja,
    galat: Option<&'static str>,
) -> Result<Response, WebError> {
    let rahasia = match s
        .akun
        .mfa_rahasia
        .as_deref()
        .and_then(totp::RahasiaTotp::dari_base32)
    {
        Some(r) if !s.akun.mfa_aktif => r,
        _ => {
            let r = totp::RahasiaTotp::dari_bytes(&acak(totp::PANJANG_RAHASIA));
            state.store().mulai_mfa(s.akun.id, &r.base32()).await?;
            r
        }
    };
    let label = s
        .akun
        .nama_pengguna
        .clone()
        .unwrap_or_else(|| s.akun.nama.clone());
    let uri = totp::uri_otpauth(&rahasia, state.nama_instance(), &label);
    let pelaku_wajib = s.akun.peran.iter().any(|p| p.peran.wajib_mfa());
    html(DaftarMfaPage {
        b: s.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: s.sesi.csrf.clone(),
        qr_svg: qr_svg(&uri),
        rahasia: rahasia.base32(),
        wajib: pelaku_wajib,
        galat,
    })
}

/// Stores a fresh pending TOTP secret unless one is already waiting.
async fn siapkan_rahasia(state: &AppState, akun: &Akun) -> Result<(), WebError> {
    if akun.mfa_aktif || akun.mfa_rahasia.is_some() {
        return Ok(());
    }
    let r = totp::RahasiaTotp::dari_bytes(&acak(totp::PANJANG_RAHASIA));
    state.store().mulai_mfa(akun.id, &r.base32()).await?;
    Ok(())
}

/// An employee chooses to turn MFA on: make the secret, then show the enrolment page.
pub async fn mulai_mfa(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&s.sesi, &f.csrf, s.konteks.bahasa)?;
    if s.sesi.tahap == TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/mfa"));
    }
    siapkan_rahasia(&state, &s.akun).await?;
    Ok(Redirect::to("/mfa/daftar").into_response())
}

/// MFA enrolment: a QR code for the authenticator app.
pub async fn daftar_mfa_form(
    State(state): State<AppState>,
    s: SesiApaSaja,
) -> Result<Response, WebError> {
    if s.sesi.tahap == TahapSesi::PerluMfa {
        return Err(WebError::Alihkan("/mfa"));
    }
    if s.akun.mfa_aktif {
        return Err(WebError::Alihkan("/beranda"));
    }
    halaman_daftar(&state, &s, None).await
}

#[derive(Template)]
#[template(path = "kode_pemulihan.html")]
struct KodePemulihanPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    kode: Vec<String>,
}

/// Confirms enrolment with a first code; shows the recovery codes once.
pub async fn daftar_mfa(
    State(state): State<AppState>,
    s: SesiApaSaja,
    Form(f): Form<KodeForm>,
) -> Result<Response, WebError> {
    let b = s.konteks.bahasa;
    let now = state.jam().sekarang();
    state
        .batas()
        .periksa(Jalur::Masuk, s.konteks.alamat, now)
        .map_err(|d| WebError::TerlaluSering(b, d))?;
    periksa_csrf_sesi(&s.sesi, &f.csrf, b)?;
    if s.sesi.tahap == TahapSesi::PerluMfa || s.akun.mfa_aktif {
        return Err(WebError::Alihkan("/beranda"));
    }
    let Some(rahasia) = s
        .akun
        .mfa_rahasia
        .as_deref()
        .and_then(totp::RahasiaTotp::dari_base32)
    else {
        return Err(WebError::Alihkan("/mfa/daftar"));
    };
    let unix = u64::try_from(now.timestamp()).unwrap_or(0);
    let Some(langkah) = totp::periksa(&rahasia, &f.kode, unix, None) else {
        return halaman_daftar(&state, &s, Some(b.t("mfa_salah"))).await;
    };
    let kode_pemulihan: Vec<String> = (0..JUMLAH_KODE_PEMULIHAN)
        .map(|_| kode::dari_acak(&acak(kode::bytes_dibutuhkan(10)), 10))
        .collect();
    let hashes: Vec<String> = kode_pemulihan
        .iter()
        .map(|c| sidik(&kode::normalisasi(c)))
        .collect();
    state
        .store()
        .aktifkan_mfa(
            s.akun.id,
            i64::try_from(langkah).unwrap_or(i64::MAX),
            &hashes,
            audit("mfa.didaftarkan", Some(&s.akun), &s.konteks),
            now,
        )
        .await?;
    state
        .store()
        .ubah_tahap_sesi(&s.sesi.id_hash, TahapSesi::Penuh)
        .await?;
    html(KodePemulihanPage {
        b,
        nama_instance: state.nama_instance(),
        kode: kode_pemulihan,
    })
}
