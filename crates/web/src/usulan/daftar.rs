//! Lists: the reader's proposals with notifications, the verification queues, and the
//! operational view.

use super::*;

/// A list row ready to render.
pub struct BarisDaftar {
    pub(super) id: Uuid,
    pub(super) nama: String,
    pub(super) nip: String,
    pub(super) jenis: String,
    pub(super) status: &'static str,
    pub(super) umur: String,
}

pub(super) fn baris_daftar(b: Bahasa, r: RingkasanUsulan, now: DateTime<Utc>) -> BarisDaftar {
    BarisDaftar {
        id: r.id,
        nama: r.nama,
        nip: r.nip,
        jenis: label_jenis(b, &r.jenis),
        status: label_status(b, r.status),
        umur: umur(b, r.status_sejak, now),
    }
}

/// A notification about one of the reader's proposals.
pub(super) struct Notifikasi {
    usulan: Option<Uuid>,
    /// What the proposal changes ("Tambah riwayat penghargaan").
    judul: String,
    /// Whose record.
    nama_pegawai: String,
    status: String,
    waktu: String,
    dibaca: bool,
}

/// Time spent in one status: how many, median and 90th percentile in days.
pub(super) struct WaktuStatus {
    status: &'static str,
    jumlah: usize,
    median: String,
    p90: String,
}

#[derive(Template)]
#[template(path = "usulan_daftar.html")]
pub(super) struct DaftarPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    daftar: Vec<BarisDaftar>,
    notifikasi: Vec<Notifikasi>,
    bagian: Vec<(String, String)>,
    pegawai_sendiri: bool,
}

/// GET /usulan: the reader's proposals and notifications (which are then marked read).
pub async fn daftar(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let now = state.sekarang();
    let daftar = state
        .store()
        .usulan_saya(m.akun.pegawai_id, m.akun.id, 100)
        .await?
        .into_iter()
        .map(|r| baris_daftar(b, r, now))
        .collect();
    let notifikasi = state
        .store()
        .notifikasi(m.akun.id, 20)
        .await?
        .into_iter()
        .map(|n| {
            let status = StatusUsulan::from_kode(&n.status)
                .map_or(n.status, |x| label_status(b, x).to_string());
            Notifikasi {
                usulan: n.usulan_id,
                judul: n.jenis.map(|j| label_jenis(b, &j)).unwrap_or_default(),
                nama_pegawai: n.nama_pegawai.unwrap_or_default(),
                status,
                waktu: crate::tampilan::waktu(n.waktu, b),
                dibaca: n.dibaca,
            }
        })
        .collect();
    kasus::baca_notifikasi(state.app(), m.akun.id).await?;
    let jenis_pegawai = match m.akun.pegawai_id {
        Some(id) => Some(state.store().pegawai(id).await?.jenis_pegawai),
        None => None,
    };
    let mut bagian = vec![("data_utama".to_string(), b.t(Teks::DataUtama).to_string())];
    if let Some(j) = jenis_pegawai {
        bagian.extend(
            JenisRiwayat::SEMUA
                .into_iter()
                .filter(|r| r.berlaku_untuk(j))
                .map(|r| {
                    (
                        r.kode().to_string(),
                        b.t(siasn_teks::judul_riwayat(r)).to_string(),
                    )
                }),
        );
    }
    let page = DaftarPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        daftar,
        notifikasi,
        bagian,
        pegawai_sendiri: jenis_pegawai.is_some(),
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "statistik.html")]
pub(super) struct StatistikPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    per_status: Vec<(&'static str, i64)>,
    waktu: Vec<WaktuStatus>,
    tertua: Vec<BarisDaftar>,
}

/// GET /usulan/statistik: proposals by status in the reader's scope, time in each state
/// (median and 90th percentile, last 90 days) and the oldest waiting items.
pub async fn statistik(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let cakupan = cakupan_staf(&m);
    if cakupan.is_empty() {
        return Err(WebError::Dilarang(b));
    }
    let now = state.sekarang();
    let s = state
        .store()
        .statistik_usulan(&cakupan, now - chrono::Duration::days(90), now)
        .await?;
    let label = |k: &str| StatusUsulan::from_kode(k).map_or("?", |s| label_status(b, s));
    let page = StatistikPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        per_status: s.per_status.iter().map(|(k, n)| (label(k), *n)).collect(),
        waktu: s
            .waktu
            .iter()
            .map(|(k, n, med, p90)| WaktuStatus {
                status: label(k),
                jumlah: *n,
                median: format!("{med:.1}"),
                p90: format!("{p90:.1}"),
            })
            .collect(),
        tertua: s
            .tertua
            .into_iter()
            .map(|r| baris_daftar(b, r, now))
            .collect(),
    };
    Ok(Html(page.render()?).into_response())
}
