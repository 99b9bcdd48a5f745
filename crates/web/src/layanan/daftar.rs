//! The queues: what each role must act on, with counts per status, filters and waiting time;
//! an employee sees their own cases.

use siasn_domain::akses::{Cakupan, Peran};
use siasn_store::layanan::FilterLayanan;

use super::*;

/// A case as listed.
pub struct BarisKasus {
    id: Uuid,
    nama: String,
    nip: String,
    layanan: &'static str,
    jenis_kp: String,
    periode: String,
    golongan: String,
    status: &'static str,
    menunggu: String,
}

/// A status chip with its count.
pub struct Hitungan {
    kode: i32,
    label: &'static str,
    jumlah: i64,
}

#[derive(Template)]
#[template(path = "layanan_daftar.html")]
struct DaftarPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    staf: bool,
    operator: bool,
    saya: bool,
    status: Option<i32>,
    periode: String,
    unor: String,
    daftar_unor: Vec<(Uuid, String)>,
    lama: i64,
    hitungan: Vec<Hitungan>,
    ember: Vec<(&'static str, i64)>,
    daftar: Vec<BarisKasus>,
    notifikasi: Vec<(Uuid, &'static str, &'static str, String, bool)>,
    total: i64,
    halaman: i64,
    halaman_akhir: i64,
}

#[derive(Deserialize)]
pub(super) struct Filter {
    #[serde(default)]
    antrean: Option<String>,
    #[serde(default)]
    status: Option<i32>,
    #[serde(default)]
    periode: Option<String>,
    #[serde(default)]
    halaman: Option<i64>,
    #[serde(default)]
    unor: Option<String>,
    #[serde(default)]
    lama: Option<i64>,
}

const PER_HALAMAN: i64 = 50;

/// The statuses at which each role acts.
fn status_peran(m: &Masuk) -> Vec<StatusLayanan> {
    use StatusLayanan as S;
    let mut out = Vec::new();
    if m.pelaku.punya(Peran::OperatorInstansi) {
        out.extend([
            S::InputBerkas,
            S::BerkasDisimpan,
            S::PerbaikanDokumen,
            S::Bts,
            S::PertekDitandatangani,
        ]);
    }
    if m.pelaku.punya(Peran::PejabatInstansi) {
        // A transfer's origin official consents and signs the release.
        out.extend([
            S::SuratUsulan,
            S::PertekDitandatangani,
            S::MenungguPersetujuanAsal,
            S::MenungguSkAsal,
        ]);
    }
    if m.pelaku.punya(Peran::VerifikatorBkn) {
        out.extend([S::ApprovalSuratUsulan, S::ValidasiDisetujui]);
    }
    out.dedup();
    out
}

/// `GET /layanan`: the queue (staff) or the employee's own cases.
pub async fn daftar(
    State(state): State<AppState>,
    m: Masuk,
    Query(f): Query<Filter>,
) -> Result<Response, WebError> {
    let b = m.bahasa();
    let staf_cakupan: Vec<Cakupan> = m
        .pelaku
        .peran
        .iter()
        .filter(|p| p.peran != Peran::Pegawai)
        .filter_map(|p| p.cakupan(None))
        .collect();
    let staf = !staf_cakupan.is_empty();
    let cakupan = if staf {
        staf_cakupan
    } else {
        m.pelaku.cakupan_baca()
    };
    let saya = staf && f.antrean.as_deref() != Some("semua") && f.status.is_none();
    let periode = f
        .periode
        .as_deref()
        .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok());
    let halaman = f.halaman.unwrap_or(1).max(1);
    let unor = f.unor.as_deref().and_then(|u| Uuid::parse_str(u).ok());
    let lama = f.lama.unwrap_or(0).clamp(0, 3650);
    // Units to filter by: those of the agency the reader works in (one agency).
    let instansi: Vec<&str> = m
        .pelaku
        .peran
        .iter()
        .filter_map(|p| p.instansi_id.as_deref())
        .collect();
    let daftar_unor = match instansi.as_slice() {
        [i] => state
            .store()
            .unor_instansi(i)
            .await?
            .into_iter()
            .map(|u| (u.id, u.nama))
            .collect(),
        _ => Vec::new(),
    };
    let mut filter = FilterLayanan {
        periode,
        unor_id: unor,
        menunggu_sejak: (lama > 0).then(|| state.app().sekarang() - chrono::Duration::days(lama)),
        batas: PER_HALAMAN,
        lewati: (halaman - 1) * PER_HALAMAN,
        ..FilterLayanan::default()
    };
    let per_status = state.store().hitung_layanan(&cakupan, &filter).await?;
    // The dashboard buckets (SERVICES.md §0), summed from the statuses.
    let ember: Vec<(&'static str, i64)> = siasn_domain::layanan::Ember::SEMUA
        .into_iter()
        .filter(|e| *e != siasn_domain::layanan::Ember::Dihapus)
        .map(|e| {
            let n = per_status
                .iter()
                .filter(|(s, _)| s.ember() == e)
                .map(|(_, n)| n)
                .sum();
            (siasn_teks::label_ember(e, b), n)
        })
        .collect();
    let hitungan = per_status
        .into_iter()
        .map(|(s, jumlah)| Hitungan {
            kode: s.kode_siasn(),
            label: label_status_layanan(s, b),
            jumlah,
        })
        .collect();
    filter.status = match f.status.and_then(StatusLayanan::from_kode_siasn) {
        Some(s) => vec![s],
        None if saya => status_peran(&m),
        None => Vec::new(),
    };
    let (kasus_list, total) = state.store().daftar_layanan(&cakupan, &filter).await?;
    let jenis_kp = state.store().referensi("jenis-kp").await?;
    let daftar = kasus_list
        .iter()
        .map(|k| {
            let (jenis, ringkas) = match (k.kp(), k.pensiun()) {
                (Some(d), _) => (
                    jenis_kp
                        .iter()
                        .find(|r| r.id == k.sub_jenis)
                        .map_or_else(|| k.sub_jenis.clone(), |r| r.nama.clone()),
                    format!("{} → {}", d.golongan_lama.label(), d.golongan_baru.label()),
                ),
                (None, Some(d)) => (
                    d.jenis()
                        .map_or_else(|| k.sub_jenis.clone(), |j| j.nama().to_string()),
                    d.dpcp
                        .golongan
                        .map_or_else(String::new, |g| g.label().to_string()),
                ),
                (None, None) => match k.cltn() {
                    Some(d) => (
                        d.jenis_usul()
                            .map_or_else(|| k.sub_jenis.clone(), |j| j.nama().to_string()),
                        format!(
                            "{} – {}",
                            crate::tampilan::tanggal(d.mulai, b),
                            crate::tampilan::tanggal(d.selesai, b)
                        ),
                    ),
                    None => match k.pindah() {
                        Some(d) => (
                            b.t(super::nama_layanan(k.jenis)).to_string(),
                            format!("{} → {}", d.asal.instansi_nama, d.tujuan.instansi_nama),
                        ),
                        None => (k.sub_jenis.clone(), String::new()),
                    },
                },
            };
            BarisKasus {
                id: k.id,
                nama: k.nama.clone(),
                nip: k.nip.clone(),
                layanan: b.t(super::nama_layanan(k.jenis)),
                jenis_kp: jenis,
                periode: crate::tampilan::tanggal(k.periode, b),
                golongan: ringkas,
                status: super::label_status_kasus(k, b),
                menunggu: lama_menunggu(k, b),
            }
        })
        .collect();
    let notifikasi = if staf {
        Vec::new()
    } else {
        state
            .store()
            .notifikasi_layanan(m.akun.id, 10)
            .await?
            .into_iter()
            .map(|(id, s, w, dibaca, jenis)| {
                (
                    id,
                    b.t(super::nama_layanan(jenis)),
                    label_status_layanan(s, b),
                    crate::tampilan::waktu(w, b),
                    dibaca,
                )
            })
            .collect()
    };
    let page = DaftarPage {
        menu: m.menu(&state).await?,
        notifikasi,
        b,
        nama_instance: state.nama_instance(),
        staf,
        operator: m.pelaku.punya(Peran::OperatorInstansi) || m.pelaku.punya(Peran::VerifikatorBkn),
        saya,
        status: f.status,
        periode: periode.map(|p| p.to_string()).unwrap_or_default(),
        unor: unor.map(|u| u.to_string()).unwrap_or_default(),
        daftar_unor,
        lama,
        hitungan,
        ember,
        daftar,
        total,
        halaman,
        halaman_akhir: ((total + PER_HALAMAN - 1) / PER_HALAMAN).max(1),
    };
    Ok(Html(page.render()?).into_response())
}
