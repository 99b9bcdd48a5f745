//! GET /verifikasi: the verification queue as a table — filters (kind, unit, age, warnings)
//! with counts, sortable columns, pages of 50, due-time markers, and the same rows as CSV.
//! Every choice is in the address, so a filtered view can be bookmarked and shared.

use siasn_domain::usulan::tenggat::{self, PosisiTenggat};
use siasn_store::usulan::{FilterAntrean, HalamanAntrean, UrutAntrean};

use super::*;

/// Rows per page.
const PER_HALAMAN: i64 = 50;
/// Most rows one CSV export holds.
const CSV_MAKS: i64 = 5_000;
/// The last page anyone can ask for (5 million rows deep), so an absurd page number cannot
/// overflow the offset.
const HAL_MAKS: i64 = 100_000;

/// The query of GET /verifikasi.
#[derive(Debug, Default, Deserialize)]
pub struct PilihanAntrean {
    /// Stage: "instansi" or "bkn" (the reader's first by default).
    #[serde(default)]
    tahap: String,
    /// Proposal kind code.
    #[serde(default)]
    jenis: String,
    /// Unit id.
    #[serde(default)]
    unor: String,
    /// Waiting at least this many days.
    #[serde(default)]
    umur: String,
    /// "1": only proposals with warnings.
    #[serde(default)]
    peringatan: String,
    /// Sort column: menunggu, nama, jenis, instansi.
    #[serde(default)]
    urut: String,
    /// "turun" for descending.
    #[serde(default)]
    arah: String,
    /// Page, from 1.
    #[serde(default)]
    hal: String,
    /// "csv" for a download of the filtered rows.
    #[serde(default)]
    format: String,
}

fn kode_tahap(t: Verifikator) -> &'static str {
    match t {
        Verifikator::Instansi => "instansi",
        Verifikator::Bkn => "bkn",
    }
}

fn urut_dari(kode: &str) -> UrutAntrean {
    match kode {
        "nama" => UrutAntrean::Nama,
        "jenis" => UrutAntrean::Jenis,
        "instansi" => UrutAntrean::Instansi,
        _ => UrutAntrean::Menunggu,
    }
}

fn kode_urut(u: UrutAntrean) -> &'static str {
    match u {
        UrutAntrean::Menunggu => "menunggu",
        UrutAntrean::Nama => "nama",
        UrutAntrean::Jenis => "jenis",
        UrutAntrean::Instansi => "instansi",
    }
}

/// The choices as understood (anything malformed is simply not applied).
struct Pilihan {
    tahap: Verifikator,
    jenis: Option<String>,
    unor: Option<Uuid>,
    umur: Option<u32>,
    peringatan: bool,
    urut: UrutAntrean,
    turun: bool,
    hal: i64,
}

impl Pilihan {
    fn dari(q: &PilihanAntrean, tahap_boleh: &[Verifikator]) -> Self {
        let tahap = tahap_boleh
            .iter()
            .copied()
            .find(|t| kode_tahap(*t) == q.tahap)
            .or_else(|| tahap_boleh.first().copied())
            .unwrap_or(Verifikator::Instansi);
        Self {
            tahap,
            jenis: Some(q.jenis.trim().to_string()).filter(|j| !j.is_empty() && j.len() <= 64),
            unor: q.unor.parse().ok(),
            umur: q.umur.parse().ok().filter(|d| (1..=365).contains(d)),
            peringatan: q.peringatan == "1",
            urut: urut_dari(&q.urut),
            turun: q.arah == "turun",
            hal: q.hal.parse::<i64>().map_or(1, |h| h.clamp(1, HAL_MAKS)),
        }
    }

    /// This view's address with some choices replaced (for sort headers and page links).
    fn alamat(&self, urut: UrutAntrean, turun: bool, hal: i64, format: &str) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("tahap", kode_tahap(self.tahap));
        if let Some(j) = &self.jenis {
            q.append_pair("jenis", j);
        }
        if let Some(u) = self.unor {
            q.append_pair("unor", &u.to_string());
        }
        if let Some(d) = self.umur {
            q.append_pair("umur", &d.to_string());
        }
        if self.peringatan {
            q.append_pair("peringatan", "1");
        }
        q.append_pair("urut", kode_urut(urut));
        if turun {
            q.append_pair("arah", "turun");
        }
        if hal > 1 {
            q.append_pair("hal", &hal.to_string());
        }
        if !format.is_empty() {
            q.append_pair("format", format);
        }
        format!("/verifikasi?{}", q.finish())
    }
}

/// A sortable column header.
pub(super) struct Kolom {
    label: &'static str,
    href: String,
    /// "ascending"/"descending" when the table is sorted by it.
    aria_sort: Option<&'static str>,
}

/// A queue row as shown.
pub(super) struct BarisTabel {
    id: Uuid,
    nama: String,
    nip: String,
    instansi: String,
    unor: String,
    jenis: String,
    umur: String,
    tenggat: String,
    posisi: PosisiTenggat,
    peringatan: usize,
    kolektif: Option<Uuid>,
}

#[derive(Template)]
#[template(path = "verifikasi.html")]
pub(super) struct AntreanPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    /// Stages the reader works at: (code, label, waiting count, current).
    tahap: Vec<(&'static str, &'static str, i64, bool)>,
    tahap_kini: &'static str,
    kolom: Vec<Kolom>,
    baris: Vec<BarisTabel>,
    /// (code, label with count, chosen) of the kinds waiting.
    pilihan_jenis: Vec<(String, String, bool)>,
    /// (id, label with count, chosen) of the units waiting.
    pilihan_unor: Vec<(String, String, bool)>,
    /// (days, label, chosen) of the age filter.
    pilihan_umur: Vec<(u32, String, bool)>,
    peringatan: bool,
    urut: &'static str,
    arah: &'static str,
    /// "Showing 1–50 of 123".
    ringkasan: String,
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
    csv: String,
    hari_tenggat: u32,
}

/// GET /verifikasi.
pub async fn antrean(
    State(state): State<AppState>,
    m: Masuk,
    Query(q): Query<PilihanAntrean>,
) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let tahap_cakupan = m.pelaku.tahap_verifikasi();
    if tahap_cakupan.is_empty() {
        return Err(WebError::Dilarang(b));
    }
    let tahap_boleh: Vec<Verifikator> = tahap_cakupan.iter().map(|(t, _)| *t).collect();
    let p = Pilihan::dari(&q, &tahap_boleh);
    let cakupan = tahap_cakupan
        .iter()
        .find(|(t, _)| *t == p.tahap)
        .map(|(_, c)| c.clone())
        .unwrap_or_default();
    let now = state.sekarang();
    let csv = q.format == "csv";
    let filter = FilterAntrean {
        jenis: p.jenis.clone(),
        unor_id: p.unor,
        menunggu_sejak_sebelum: p.umur.map(|d| now - chrono::Duration::days(i64::from(d))),
        hanya_peringatan: p.peringatan,
        urut: p.urut,
        turun: p.turun,
        offset: if csv { 0 } else { (p.hal - 1) * PER_HALAMAN },
        batas: if csv { CSV_MAKS } else { PER_HALAMAN },
    };
    let h = state
        .store()
        .halaman_antrean(p.tahap, &cakupan, m.akun.id, m.akun.pegawai_id, &filter)
        .await?;
    let hari = state.konfigurasi().app.tenggat_verifikasi_hari;
    let baris: Vec<BarisTabel> = h
        .baris
        .iter()
        .map(|r| {
            let jatuh_tempo = tenggat::tenggat(r.usulan.status_sejak, hari);
            BarisTabel {
                id: r.usulan.id,
                nama: r.usulan.nama.clone(),
                nip: crate::tampilan::nip(&r.usulan.nip),
                instansi: r.nama_instansi.clone(),
                unor: r.nama_unor.clone().unwrap_or_default(),
                jenis: label_jenis(b, &r.usulan.jenis),
                umur: umur(b, r.usulan.status_sejak, now),
                tenggat: crate::tampilan::waktu(jatuh_tempo, b),
                posisi: tenggat::posisi(jatuh_tempo, now),
                peringatan: r.usulan.peringatan,
                kolektif: r.usulan.kolektif_id,
            }
        })
        .collect();
    if csv {
        return csv_antrean(b, &baris);
    }
    let mut tahap = Vec::new();
    for (t, c) in &tahap_cakupan {
        let label = match t {
            Verifikator::Instansi => b.t(Teks::AntreanInstansi),
            Verifikator::Bkn => b.t(Teks::AntreanBkn),
        };
        let n = state.store().jumlah_antrean(*t, c).await?;
        tahap.push((kode_tahap(*t), label, n, *t == p.tahap));
    }
    let page = halaman(&state, &m, &p, h, baris, tahap, hari).await?;
    Ok(Html(page.render()?).into_response())
}

async fn halaman<'a>(
    state: &'a AppState,
    m: &Masuk,
    p: &Pilihan,
    h: HalamanAntrean,
    baris: Vec<BarisTabel>,
    tahap: Vec<(&'static str, &'static str, i64, bool)>,
    hari_tenggat: u32,
) -> Result<AntreanPage<'a>, WebError> {
    let b = m.konteks.bahasa;
    let kolom = [
        (UrutAntrean::Nama, Teks::KolomPegawai),
        (UrutAntrean::Instansi, Teks::KolomInstansiUnit),
        (UrutAntrean::Jenis, Teks::KolomJenisUsulan),
        (UrutAntrean::Menunggu, Teks::KolomMenunggu),
    ]
    .into_iter()
    .map(|(u, t)| {
        let kini = p.urut == u;
        Kolom {
            label: b.t(t),
            // Clicking the sorted column flips it; another column sorts ascending.
            href: p.alamat(u, kini && !p.turun, 1, ""),
            aria_sort: kini.then_some(if p.turun { "descending" } else { "ascending" }),
        }
    })
    .collect();
    let pilihan_jenis = h
        .per_jenis
        .iter()
        .map(|(j, n)| {
            (
                j.clone(),
                format!("{} ({n})", label_jenis(b, j)),
                p.jenis.as_deref() == Some(j.as_str()),
            )
        })
        .collect();
    let pilihan_unor = h
        .per_unor
        .iter()
        .map(|(id, nama, n)| (id.to_string(), format!("{nama} ({n})"), p.unor == Some(*id)))
        .collect();
    let pilihan_umur = [1, 3, 7, 14, 30]
        .into_iter()
        .map(|d| (d, b.isi(Teks::MenungguLebihDari, d), p.umur == Some(d)))
        .collect();
    let awal = (p.hal - 1) * PER_HALAMAN;
    let ringkasan = if h.cocok == 0 {
        String::new()
    } else {
        b.isi2(
            Teks::MenampilkanDari,
            format!("{}–{}", awal + 1, awal + baris.len() as i64),
            h.cocok,
        )
    };
    Ok(AntreanPage {
        menu: m.menu(state).await?,
        b,
        nama_instance: state.nama_instance(),
        tahap_kini: kode_tahap(p.tahap),
        tahap,
        kolom,
        baris,
        pilihan_jenis,
        pilihan_unor,
        pilihan_umur,
        peringatan: p.peringatan,
        urut: kode_urut(p.urut),
        arah: if p.turun { "turun" } else { "" },
        sebelumnya: (p.hal > 1).then(|| p.alamat(p.urut, p.turun, p.hal - 1, "")),
        berikutnya: (awal + PER_HALAMAN < h.cocok)
            .then(|| p.alamat(p.urut, p.turun, p.hal + 1, "")),
        csv: p.alamat(p.urut, p.turun, 1, "csv"),
        ringkasan,
        hari_tenggat,
    })
}

/// The filtered queue as CSV (names and words, as on the page).
fn csv_antrean(b: Bahasa, baris: &[BarisTabel]) -> Result<Response, WebError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let judul = [
        b.t(Teks::KolomPegawai),
        "NIP",
        b.t(Teks::InstansiKerja),
        b.t(Teks::Unit),
        b.t(Teks::KolomJenisUsulan),
        b.t(Teks::KolomMenunggu),
        b.t(Teks::KolomTenggat),
        b.t(Teks::Peringatan),
    ];
    let gagal = |e: csv::Error| WebError::Csv(e.to_string());
    w.write_record(judul).map_err(gagal)?;
    for r in baris {
        w.write_record([
            crate::tampilan::sel_aman(&r.nama),
            r.nip.clone(),
            crate::tampilan::sel_aman(&r.instansi),
            crate::tampilan::sel_aman(&r.unor),
            r.jenis.clone(),
            r.umur.clone(),
            r.tenggat.clone(),
            r.peringatan.to_string(),
        ])
        .map_err(gagal)?;
    }
    let isi = w.into_inner().map_err(|e| WebError::Csv(e.to_string()))?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"antrean-verifikasi.csv\"",
            ),
            (axum::http::header::CACHE_CONTROL, "private, no-store"),
        ],
        isi,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_through_the_address_and_bad_values_are_ignored() {
        let q = PilihanAntrean {
            tahap: "bkn".into(),
            jenis: "tambah.penghargaan".into(),
            unor: "bukan-uuid".into(),
            umur: "9999".into(),
            peringatan: "1".into(),
            urut: "nama".into(),
            arah: "turun".into(),
            hal: "9223372036854775807".into(),
            format: String::new(),
        };
        let p = Pilihan::dari(&q, &[Verifikator::Instansi]);
        // A stage the reader does not work at falls back to theirs.
        assert_eq!(p.tahap, Verifikator::Instansi);
        assert_eq!(p.unor, None);
        assert_eq!(p.umur, None);
        // An absurd page is the last one there can be, not an overflow.
        assert_eq!(p.hal, HAL_MAKS);
        let p = Pilihan::dari(
            &PilihanAntrean {
                hal: "-3".into(),
                ..PilihanAntrean::default()
            },
            &[Verifikator::Instansi],
        );
        assert_eq!(p.hal, 1);
        let p = Pilihan::dari(&q, &[Verifikator::Instansi]);
        let a = p.alamat(UrutAntrean::Nama, true, 2, "csv");
        assert_eq!(
            a,
            "/verifikasi?tahap=instansi&jenis=tambah.penghargaan&peringatan=1&urut=nama&arah=turun&hal=2&format=csv"
        );
    }
}
