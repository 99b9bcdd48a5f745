//! The signed-in home: the employee's header card and notices (promotion, retirement,
//! completeness), queues and notifications for staff.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

use crate::infra::konteks::Masuk;
use crate::tampilan;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

#[derive(Template)]
#[template(path = "beranda.html")]
struct BerandaPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    csrf: &'a str,
    nama: &'a str,
    peran: Vec<String>,
    pegawai: bool,
    mfa_aktif: bool,
    kp: Option<(String, Vec<String>)>,
    pensiun: Option<(String, bool)>,
    kasus_pensiun: Option<(uuid::Uuid, String)>,
    kekurangan: Vec<String>,
    antrean: Vec<(String, i64)>,
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
    let n = siasn_app::kartu::nama_kartu(state.app(), &p).await?;
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
    pensiun: Option<(String, bool)>,
    kasus_pensiun: Option<(uuid::Uuid, String)>,
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

    let hari_ini = state.sekarang().date_naive();
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
                    fungsional: None,
                },
                periode,
            );
            let tanggal = tampilan::tanggal(periode, b);
            let judul = match (hasil.memenuhi(), hasil.golongan_baru) {
                (true, Some(g)) => b.isi(Teks::KpMemenuhi, format!("{tanggal} ({})", g.label())),
                _ => b.isi(Teks::KpBelum, &tanggal),
            };
            Some((judul, hasil.alasan.iter().map(|a| b.jelaskan(a)).collect()))
        }
        _ => None,
    };
    let jabatan = state.store().ref_jabatan().await?;
    let bup = pensiun::bup_pegawai(&p, &jabatan).usia;
    let hitungan = pensiun::hitung(p.tanggal_lahir, bup);
    let tmt = format!("{} (BUP {bup})", tampilan::tanggal(hitungan.tmt_pensiun, b));
    let keputusan = riwayat.iter().find_map(|r| match &r.data {
        DataRiwayat::Pemberhentian(x) => Some(x),
        _ => None,
    });
    // Retirement concerns a PNS; a PPPK's agreement ends on its own date.
    let pensiun = match keputusan {
        Some(x) => Some((
            b.isi2(
                Teks::PensiunSudahDiputuskan,
                tampilan::tanggal(x.tmt, b),
                &x.sk.nomor,
            ),
            false,
        )),
        None if p.jenis_pegawai != siasn_domain::JenisPegawai::Pns => None,
        None if pensiun::dalam_waktu(&hitungan, hari_ini, 2) => Some((
            match pensiun::bulan_menuju(&hitungan, hari_ini) {
                1 => b.isi(Teks::PensiunBulanDepan, tmt),
                n => b.isi2(Teks::PensiunDalamBulan, n, tmt),
            },
            true,
        )),
        None if hitungan.tmt_pensiun <= hari_ini => Some((b.isi(Teks::PensiunLewatBup, tmt), true)),
        None => Some((b.isi(Teks::PensiunBupAnda, tmt), false)),
    };
    let kasus_pensiun = state
        .store()
        .layanan_pegawai(p.id)
        .await?
        .into_iter()
        // The pension case, or the pre-retirement leave that comes before it.
        .filter(|k| {
            matches!(
                k.jenis,
                siasn_domain::layanan::JenisLayanan::Pensiun
                    | siasn_domain::layanan::JenisLayanan::Mpp
            ) && k.status != siasn_domain::layanan::StatusLayanan::Dihapus
        })
        .max_by_key(|k| k.dibuat_pada)
        .map(|k| {
            let jenis = k
                .pensiun()
                .and_then(|d| d.jenis())
                .map_or_else(|| b.t(siasn_teks::nama_layanan(k.jenis)), |j| j.nama());
            (
                k.id,
                format!("{jenis}: {}", crate::layanan::label_status_kasus(&k, b)),
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
        .map(|k| b.jelaskan(k))
        .collect();
    Ok(Pemberitahuan {
        kp,
        pensiun,
        kasus_pensiun,
        kekurangan,
    })
}

/// Home after sign-in (the full employee home is built on this).
pub async fn get(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    // Grants in words: the agency by its name, the Kanreg by its number.
    let mut peran = Vec::new();
    for p in &m.akun.peran {
        peran.push(match (&p.instansi_id, &p.kanreg_id) {
            (Some(i), _) => {
                let nama = state
                    .store()
                    .instansi(i)
                    .await
                    .map_or_else(|_| i.clone(), |x| x.nama);
                format!("{} ({nama})", p.peran.nama())
            }
            (None, Some(k)) => format!("{} (Kanreg {k})", p.peran.nama()),
            _ => p.peran.nama().to_string(),
        });
    }
    let info = match m.akun.pegawai_id {
        Some(id) => Some(pemberitahuan(&state, id, b).await?),
        None => None,
    };
    let kepala = match m.akun.pegawai_id {
        Some(id) => Some(kepala(&state, id).await?),
        None => None,
    };
    let (kp, pensiun, kasus_pensiun, kekurangan) = match info {
        Some(i) => (i.kp, i.pensiun, i.kasus_pensiun, i.kekurangan),
        None => (None, None, None, Vec::new()),
    };
    let page = BerandaPage {
        menu: m.menu(&state).await?,
        b,
        pegawai: m.akun.pegawai_id.is_some(),
        kp,
        pensiun,
        kasus_pensiun,
        kekurangan,
        nama_instance: state.nama_instance(),
        csrf: &m.sesi.csrf,
        nama: &m.akun.nama,
        peran,
        mfa_aktif: m.akun.mfa_aktif,
        antrean: jumlah_antrean(&state, &m).await?,
        kepala,
    };
    Ok(Html(page.render()?).into_response())
}

/// Queue counts for the home page: (label, count) per stage the reader verifies.
async fn jumlah_antrean(state: &AppState, m: &Masuk) -> Result<Vec<(String, i64)>, WebError> {
    let b = m.konteks.bahasa;
    Ok(siasn_app::usulan::jumlah_antrean(state.app(), &m.pelaku)
        .await?
        .into_iter()
        .map(|(t, n)| {
            let label = match t {
                siasn_domain::referensi::Verifikator::Instansi => b.t(Teks::AntreanInstansi),
                siasn_domain::referensi::Verifikator::Bkn => b.t(Teks::AntreanBkn),
            };
            (label.to_string(), n)
        })
        .collect())
}
