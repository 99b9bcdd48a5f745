//! The signed-in home and the "my sessions" page.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use siasn_domain::akses::Peran;
use siasn_store::audit::AuditBaru;
use siasn_store::sesi::Sesi;

use crate::bahasa::Bahasa;
use crate::konteks::{Masuk, periksa_csrf_sesi};
use crate::tampilan;
use crate::{AppState, WebError};

#[derive(Template)]
#[template(path = "beranda.html")]
struct BerandaPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    nama: &'a str,
    peran: Vec<String>,
    admin: bool,
    mfa_aktif: bool,
    pegawai: bool,
    staf: bool,
    kp: Option<(String, Vec<String>)>,
    pensiun: Option<String>,
    kekurangan: Vec<String>,
    antrean: Vec<(String, i64)>,
    notifikasi_baru: i64,
    operator: bool,
    kepala: Option<Kepala>,
}

/// The employee's header card on the home page.
struct Kepala {
    nama: String,
    nomor: String,
    label_nomor: &'static str,
    jenis: &'static str,
    golongan: String,
    jabatan: String,
    unit: String,
    instansi: String,
    ada_foto: bool,
}

async fn kepala(state: &AppState, pegawai_id: uuid::Uuid) -> Result<Kepala, WebError> {
    let p = state.store().pegawai(pegawai_id).await?;
    let n = crate::kartu::nama_kartu(state, &p).await?;
    let golongan = match (p.golongan, p.golongan_pppk) {
        (Some(g), _) => format!("{} · {}", g.pangkat(), g.label()),
        (None, Some(g)) => format!("PPPK {}", g.label()),
        _ => "-".into(),
    };
    Ok(Kepala {
        nama: p.nama_lengkap(),
        nomor: p.nomor_induk.to_string(),
        label_nomor: p.jenis_pegawai.label_nomor_induk(),
        jenis: p.jenis_pegawai.kode(),
        golongan,
        jabatan: p.nama_jabatan.clone().unwrap_or_else(|| "-".into()),
        unit: n.unit,
        instansi: n.instansi,
        ada_foto: state.store().foto_aktif(p.id).await?.is_some(),
    })
}

/// Notices for an employee's own home: promotion, retirement, completeness.
struct Pemberitahuan {
    kp: Option<(String, Vec<String>)>,
    pensiun: Option<String>,
    kekurangan: Vec<String>,
}

async fn pemberitahuan(
    state: &AppState,
    pegawai_id: uuid::Uuid,
    b: Bahasa,
) -> Result<Pemberitahuan, WebError> {
    use siasn_domain::kenaikan_pangkat::{DataKpReguler, kp_reguler, periode_berikutnya};
    use siasn_domain::riwayat::DataRiwayat;
    use siasn_domain::{kelengkapan, kinerja_terakhir, pensiun};

    let hari_ini = state.jam().sekarang().date_naive();
    let p = state.store().pegawai(pegawai_id).await?;
    let riwayat = state.store().riwayat_pegawai(p.id, None).await?;
    let pendidikan = state.store().tingkat_pendidikan().await?;
    let tingkat = p
        .tingkat_pendidikan_id
        .as_deref()
        .and_then(|id| pendidikan.iter().find(|t| t.id == id));
    let kalender = state.store().periode_kp().await?;
    let kp = match (
        p.golongan,
        p.tmt_golongan,
        periode_berikutnya(&kalender, hari_ini),
    ) {
        (Some(golongan), Some(tmt_golongan), Some(periode)) if p.kedudukan_hukum_id == "01" => {
            let penilaian = kinerja_terakhir::dari_riwayat(riwayat.iter().map(|r| &r.data));
            let hukuman = riwayat.iter().any(
                |r| matches!(&r.data, DataRiwayat::HukumanDisiplin(h) if h.aktif_pada(periode)),
            );
            let hasil = kp_reguler(
                &DataKpReguler {
                    golongan,
                    tmt_golongan,
                    pendidikan: tingkat,
                    penilaian: &penilaian,
                    golongan_atasan: None,
                    lulus_ujian_dinas: false,
                    hukuman_disiplin_aktif: hukuman,
                },
                periode,
            );
            let tanggal = tampilan::tanggal(periode, b);
            let judul = match (hasil.memenuhi(), hasil.golongan_baru) {
                (true, Some(g)) => b
                    .t("kp_memenuhi")
                    .replace("{}", &format!("{tanggal} ({})", g.label())),
                _ => b.t("kp_belum").replace("{}", &tanggal),
            };
            Some((
                judul,
                hasil
                    .alasan
                    .iter()
                    .map(|a| b.pilih(|| a.to_string(), || a.pesan_en()))
                    .collect(),
            ))
        }
        _ => None,
    };
    let jabatan = state.store().ref_jabatan().await?;
    let bup = pensiun::bup(
        p.jabatan_id
            .as_deref()
            .and_then(|id| jabatan.iter().find(|j| j.id == id)),
    );
    let hitungan = pensiun::hitung(p.tanggal_lahir, bup);
    let pensiun = pensiun::dalam_waktu(&hitungan, hari_ini, 2).then(|| {
        b.t("pensiun_dekat").replace(
            "{}",
            &format!("{} (BUP {bup})", tampilan::tanggal(hitungan.tmt_pensiun, b)),
        )
    });
    let berdokumen = state
        .store()
        .dokumen_pegawai(p.id)
        .await?
        .into_iter()
        .filter_map(|d| d.riwayat_id)
        .collect();
    let kekurangan = kelengkapan::periksa(&p, &riwayat, &berdokumen, tingkat, hari_ini)
        .iter()
        .map(|k| b.pilih(|| k.to_string(), || k.pesan_en()))
        .collect();
    Ok(Pemberitahuan {
        kp,
        pensiun,
        kekurangan,
    })
}

/// Home after sign-in (the full employee home is built on this).
pub async fn get(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let peran = m
        .akun
        .peran
        .iter()
        .map(|p| match (&p.instansi_id, &p.kanreg_id) {
            (Some(i), _) => format!("{} ({i})", p.peran.nama()),
            (None, Some(k)) => format!("{} (Kanreg {k})", p.peran.nama()),
            _ => p.peran.nama().to_string(),
        })
        .collect();
    let info = match m.akun.pegawai_id {
        Some(id) => Some(pemberitahuan(&state, id, b).await?),
        None => None,
    };
    let kepala = match m.akun.pegawai_id {
        Some(id) => Some(kepala(&state, id).await?),
        None => None,
    };
    let (kp, pensiun, kekurangan) = match info {
        Some(i) => (i.kp, i.pensiun, i.kekurangan),
        None => (None, None, Vec::new()),
    };
    let page = BerandaPage {
        b,
        pegawai: m.akun.pegawai_id.is_some(),
        staf: m
            .pelaku
            .peran
            .iter()
            .any(|p| p.peran != siasn_domain::akses::Peran::Pegawai),
        kp,
        pensiun,
        kekurangan,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        nama: &m.akun.nama,
        peran,
        admin: m.pelaku.punya(Peran::AdminInstansi) || m.pelaku.punya(Peran::AdminBkn),
        mfa_aktif: m.akun.mfa_aktif,
        antrean: crate::usulan::jumlah_antrean(&state, &m).await?,
        notifikasi_baru: state.store().jumlah_notifikasi_baru(m.akun.id).await?,
        operator: m.pelaku.punya(Peran::OperatorInstansi),
        kepala,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "sesi.html")]
struct SesiPage<'a> {
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    ini: &'a str,
    daftar: Vec<Sesi>,
    info: Option<&'static str>,
}

async fn halaman_sesi(
    state: &AppState,
    m: &Masuk,
    info: Option<&'static str>,
) -> Result<Response, WebError> {
    let daftar = state.store().daftar_sesi(m.akun.id).await?;
    let page = SesiPage {
        b: m.konteks.bahasa,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        ini: &m.sesi.id_hash,
        daftar,
        info,
    };
    Ok(Html(page.render()?).into_response())
}

/// The account's active sessions.
pub async fn sesi(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    halaman_sesi(&state, &m, None).await
}

/// CSRF-only form.
#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// Ends every session of the account except this one.
pub async fn akhiri_lain(
    State(state): State<AppState>,
    m: Masuk,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    periksa_csrf_sesi(&m.sesi, &f.csrf, m.konteks.bahasa)?;
    let n = state
        .store()
        .hapus_sesi_lain(m.akun.id, &m.sesi.id_hash)
        .await?;
    state
        .store()
        .catat_audit(vec![AuditBaru {
            aktor: format!("akun:{}", m.akun.id),
            aksi: "sesi.lain_diakhiri".into(),
            akun_id: Some(m.akun.id),
            pegawai_id: m.akun.pegawai_id,
            sesudah: Some(serde_json::json!({ "jumlah": n })),
            alamat: Some(m.konteks.alamat.to_string()),
            ..AuditBaru::default()
        }])
        .await?;
    halaman_sesi(&state, &m, Some(m.konteks.bahasa.t("sesi_lain_diakhiri"))).await
}
