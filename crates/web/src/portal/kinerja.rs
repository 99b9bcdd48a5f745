//! Kinerja (SKP history in both models, with a small server-rendered chart) and Kompetensi
//! (training and courses: hours per year, structural training level reached).

use std::collections::BTreeMap;
use std::fmt::Write;

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use chrono::Datelike;
use siasn_domain::riwayat::{DataRiwayat, PredikatKinerja};

use crate::infra::konteks::Masuk;
use crate::{AppState, WebError};
use siasn_teks::{Bahasa, Teks};

/// One appraisal year as shown.
pub struct BarisSkp {
    tahun: i32,
    model: &'static str,
    nilai: String,
    predikat: &'static str,
}

#[derive(Template)]
#[template(path = "kinerja.html")]
struct KinerjaPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    baris: Vec<BarisSkp>,
    grafik: String,
}

/// A bar per year, height by rating (Sangat Kurang 1 … Sangat Baik 5); no script, no library.
pub fn grafik_svg(data: &[(i32, PredikatKinerja)], judul: &str) -> String {
    if data.is_empty() {
        return String::new();
    }
    let (w, h, pad) = (320, 140, 24);
    let step = (w - 2 * pad) / data.len().max(1) as i32;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{judul}\" class=\"chart\">"
    );
    for (i, (tahun, p)) in data.iter().enumerate() {
        let level = 6 - i32::from(p.kuadran()); // 5 = Sangat Baik
        let bar_h = level * (h - 2 * pad) / 5;
        let x = pad + i as i32 * step + step / 6;
        let y = h - pad - bar_h;
        let color = if level >= 4 {
            "#1d7a34"
        } else if level == 3 {
            "#b8860b"
        } else {
            "#b3261e"
        };
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{bar_h}\" fill=\"{color}\"><title>{tahun}: {}</title></rect>\
             <text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{tahun}</text>",
            step * 2 / 3,
            p.nama(),
            x + step / 3,
            h - pad + 12
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The SKP page.
pub async fn kinerja(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let Some(id) = m.akun.pegawai_id else {
        return Err(WebError::Alihkan("/beranda"));
    };
    let mut baris: Vec<BarisSkp> = state
        .store()
        .riwayat_pegawai(id, None)
        .await?
        .into_iter()
        .filter_map(|r| match r.data {
            DataRiwayat::Skp(s) => Some(BarisSkp {
                tahun: s.tahun,
                model: "PP 46/2011",
                nilai: format!("{:.2}", s.nilai_prestasi()),
                predikat: s.predikat().nama(),
            }),
            DataRiwayat::Skp22(s) => Some(BarisSkp {
                tahun: s.tahun,
                model: "PermenPANRB 6/2022",
                nilai: format!(
                    "{} {} · {} {}",
                    b.t(Teks::HasilKerja),
                    b.t(kunci_ekspektasi(s.hasil_kinerja)),
                    b.t(Teks::PerilakuKerja),
                    b.t(kunci_ekspektasi(s.perilaku_kerja))
                ),
                predikat: s.predikat.nama(),
            }),
            _ => None,
        })
        .collect();
    baris.sort_by_key(|r| std::cmp::Reverse(r.tahun));
    let mut urut: Vec<(i32, PredikatKinerja)> = baris
        .iter()
        .filter_map(|r| predikat_dari_nama(r.predikat).map(|p| (r.tahun, p)))
        .collect();
    urut.sort_by_key(|(t, _)| *t);
    let page = KinerjaPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        grafik: grafik_svg(&urut, b.t(Teks::Kinerja)),
        baris,
    };
    Ok(Html(page.render()?).into_response())
}

fn kunci_ekspektasi(e: siasn_domain::riwayat::Ekspektasi) -> Teks {
    match e {
        siasn_domain::riwayat::Ekspektasi::DiAtas => Teks::DiAtas,
        siasn_domain::riwayat::Ekspektasi::Sesuai => Teks::Sesuai,
        siasn_domain::riwayat::Ekspektasi::DiBawah => Teks::DiBawah,
    }
}

fn predikat_dari_nama(nama: &str) -> Option<PredikatKinerja> {
    (1..=5)
        .filter_map(PredikatKinerja::from_kuadran)
        .find(|p| p.nama() == nama)
}

#[derive(Template)]
#[template(path = "kompetensi.html")]
struct KompetensiPage<'a> {
    menu: crate::infra::menu::Menu,
    b: Bahasa,
    nama_instance: &'a str,
    jam_per_tahun: Vec<(i32, u32)>,
    diklat_tertinggi: Option<String>,
    daftar: Vec<Pelatihan>,
}

/// A training or course, as listed.
struct Pelatihan {
    nama: String,
    tanggal: String,
    jam: u32,
}

/// The training page: hours per year and the structural training level reached.
pub async fn kompetensi(State(state): State<AppState>, m: Masuk) -> Result<Response, WebError> {
    let b = m.konteks.bahasa;
    let Some(id) = m.akun.pegawai_id else {
        return Err(WebError::Alihkan("/beranda"));
    };
    let riwayat = state.store().riwayat_pegawai(id, None).await?;
    let latihan = state.store().referensi("latihan-struktural").await?;
    let mut jam: BTreeMap<i32, u32> = BTreeMap::new();
    let mut daftar = Vec::new();
    let mut tertinggi: Option<(u32, String)> = None;
    for r in &riwayat {
        match &r.data {
            DataRiwayat::Diklat(d) => {
                *jam.entry(d.tanggal_mulai.year()).or_default() += d.jumlah_jam;
                daftar.push(Pelatihan {
                    nama: d.nama.clone(),
                    tanggal: crate::tampilan::tanggal(d.tanggal_mulai, b),
                    jam: d.jumlah_jam,
                });
                // Levels 2 (PIM IV) to 7 (SESPATI) rank leadership training; 8 is "other".
                if let Ok(level) = d.latihan_struktural_id.parse::<u32>()
                    && (1..=7).contains(&level)
                    && tertinggi.as_ref().is_none_or(|(l, _)| level > *l)
                {
                    let nama = latihan
                        .iter()
                        .find(|x| x.id == d.latihan_struktural_id)
                        .map_or_else(|| d.nama.clone(), |x| x.nama.clone());
                    tertinggi = Some((level, nama));
                }
            }
            DataRiwayat::Kursus(k) => {
                *jam.entry(k.tanggal_mulai.year()).or_default() += k.jumlah_jam;
                daftar.push(Pelatihan {
                    nama: k.nama_kursus.clone(),
                    tanggal: crate::tampilan::tanggal(k.tanggal_mulai, b),
                    jam: k.jumlah_jam,
                });
            }
            _ => {}
        }
    }
    let page = KompetensiPage {
        menu: m.menu(&state).await?,
        b,
        nama_instance: state.nama_instance(),
        jam_per_tahun: jam.into_iter().rev().collect(),
        diklat_tertinggi: tertinggi.map(|(_, n)| n),
        daftar,
    };
    Ok(Html(page.render()?).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_has_one_bar_per_year_and_no_script() {
        let svg = grafik_svg(
            &[
                (2023, PredikatKinerja::Baik),
                (2024, PredikatKinerja::SangatBaik),
                (2025, PredikatKinerja::ButuhPerbaikan),
            ],
            "SKP",
        );
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("2024: Sangat Baik"));
        assert!(!svg.contains("<script"));
        assert_eq!(grafik_svg(&[], "SKP"), "");
    }
}
