//! Checks made when a proposal is saved or submitted. Hard errors (`Galat`) block submission;
//! soft ones (`Peringatan`) go with the proposal so the verifier sees them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::{KolomDataUtama, Perubahan};
use crate::golongan::Golongan;
use crate::nik::Nik;
use crate::pegawai::Pegawai;
use crate::referensi::TingkatPendidikan;
use crate::riwayat::{DataRiwayat, JenisRiwayat, Riwayat};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Berat {
    /// Blocks submission.
    Galat,
    /// Shown to the verifier.
    Peringatan,
}

/// One finding, explained in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Temuan {
    /// How serious.
    pub berat: Berat,
    /// Stable code (for tests and reports).
    pub kode: String,
    /// Indonesian explanation.
    pub pesan: String,
    /// English explanation.
    pub pesan_en: String,
}

fn temuan(berat: Berat, kode: &str, pesan: String, pesan_en: String) -> Temuan {
    Temuan {
        berat,
        kode: kode.into(),
        pesan,
        pesan_en,
    }
}

/// Whether any finding blocks submission.
pub fn ada_galat(t: &[Temuan]) -> bool {
    t.iter().any(|t| t.berat == Berat::Galat)
}

/// Years back an SKP may still be proposed (the record keeps the last two years' appraisals).
pub const JENDELA_SKP_TAHUN: i32 = 2;
/// Last year of the numeric SKP model (PP 46/2011); the kuadran model starts in 2022.
pub const TAHUN_TERAKHIR_SKP_LAMA: i32 = 2021;

/// What the checks need to know besides the proposal.
pub struct KonteksValidasi<'a> {
    /// Today.
    pub hari_ini: NaiveDate,
    /// The record as it is.
    pub pegawai: &'a Pegawai,
    /// Its histories.
    pub riwayat: &'a [Riwayat],
    /// Education levels with their rank ceilings.
    pub pendidikan: &'a [TingkatPendidikan],
    /// Units of the employee's agency.
    pub unor_instansi: &'a [Uuid],
    /// Whether `kode` is in the reference list `kategori` ("agama", "jenis-kawin").
    pub kode_sah: &'a dyn Fn(&str, &str) -> bool,
}

/// Every finding on `perubahan` for this record.
pub fn periksa(perubahan: &Perubahan, k: &KonteksValidasi<'_>) -> Vec<Temuan> {
    let mut out = Vec::new();
    match perubahan {
        Perubahan::DataUtama { nilai } => {
            if nilai.is_empty() {
                out.push(temuan(
                    Berat::Galat,
                    "tanpa_perubahan",
                    "tidak ada data yang diubah".into(),
                    "nothing is changed".into(),
                ));
            }
            for (kolom, baru) in nilai {
                periksa_kolom(*kolom, baru.as_deref(), k, &mut out);
            }
        }
        Perubahan::TambahRiwayat { data } => periksa_riwayat(data, None, k, &mut out),
        Perubahan::UbahRiwayat { riwayat_id, data } => {
            match k.riwayat.iter().find(|r| r.id == *riwayat_id) {
                Some(r) if r.data.jenis() != data.jenis() => out.push(temuan(
                    Berat::Galat,
                    "jenis_berbeda",
                    "jenis riwayat tidak sama dengan baris yang dikoreksi".into(),
                    "the history kind differs from the row being corrected".into(),
                )),
                Some(r) if r.data == *data => out.push(temuan(
                    Berat::Galat,
                    "tanpa_perubahan",
                    "tidak ada data yang diubah".into(),
                    "nothing is changed".into(),
                )),
                Some(_) => {}
                None => out.push(riwayat_tidak_ada()),
            }
            periksa_riwayat(data, Some(*riwayat_id), k, &mut out);
        }
        Perubahan::HapusRiwayat { riwayat_id, jenis } => {
            match k.riwayat.iter().find(|r| r.id == *riwayat_id) {
                None => out.push(riwayat_tidak_ada()),
                Some(r) if r.data.jenis() != *jenis => out.push(riwayat_tidak_ada()),
                Some(_) => {
                    let sisa = k
                        .riwayat
                        .iter()
                        .filter(|r| r.data.jenis() == *jenis)
                        .count();
                    if sisa == 1
                        && jenis.wajib_untuk_pns()
                        && k.pegawai.jenis_pegawai.kode() == "PNS"
                    {
                        out.push(temuan(
                            Berat::Peringatan,
                            "riwayat_wajib_kosong",
                            format!("menghapus baris terakhir {} yang wajib ada", jenis.nama()),
                            format!(
                                "removes the last row of a mandatory section ({})",
                                jenis.kode()
                            ),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn riwayat_tidak_ada() -> Temuan {
    temuan(
        Berat::Galat,
        "riwayat_tidak_ada",
        "baris riwayat tidak ditemukan pada data pegawai ini".into(),
        "the history row is not on this employee's record".into(),
    )
}

fn galat(kode: &str, pesan: &str, pesan_en: &str) -> Temuan {
    temuan(Berat::Galat, kode, pesan.into(), pesan_en.into())
}

fn digit(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn periksa_kolom(
    kolom: KolomDataUtama,
    baru: Option<&str>,
    k: &KonteksValidasi<'_>,
    out: &mut Vec<Temuan>,
) {
    use KolomDataUtama as K;
    let baru = baru.map(str::trim).filter(|s| !s.is_empty());
    let (label, label_en) = kolom.label();
    if baru.map(str::to_string) == kolom.nilai(k.pegawai) {
        out.push(temuan(
            Berat::Galat,
            "tanpa_perubahan",
            format!("{label}: nilai baru sama dengan yang tercatat"),
            format!("{label_en}: the new value is the one on record"),
        ));
        return;
    }
    let Some(v) = baru else {
        if matches!(kolom, K::Nama | K::TempatLahir) {
            out.push(temuan(
                Berat::Galat,
                "wajib",
                format!("{label} wajib diisi"),
                format!("{label_en} is required"),
            ));
        }
        return;
    };
    if v.chars().count() > 200 {
        out.push(temuan(
            Berat::Galat,
            "terlalu_panjang",
            format!("{label} terlalu panjang"),
            format!("{label_en} is too long"),
        ));
        return;
    }
    periksa_format(kolom, v, k, out);
}

/// The format and reference checks of a non-empty new value.
fn periksa_format(kolom: KolomDataUtama, v: &str, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    use KolomDataUtama as K;
    match kolom {
        K::Nik => match Nik::parse(v) {
            Err(e) => out.push(temuan(
                Berat::Galat,
                "nik_tidak_valid",
                format!("NIK tidak valid: {e}"),
                "the NIK is not valid".into(),
            )),
            Ok(nik) => {
                if !nik.cocok_tanggal_lahir(k.pegawai.tanggal_lahir) {
                    out.push(temuan(
                        Berat::Peringatan,
                        "nik_tanggal_lahir",
                        "tanggal lahir di NIK berbeda dengan tanggal lahir di NIP/data pribadi"
                            .into(),
                        "the birth date in the NIK differs from the NIP / personal data".into(),
                    ));
                }
                if nik.jenis_kelamin() != k.pegawai.jenis_kelamin {
                    out.push(temuan(
                        Berat::Peringatan,
                        "nik_jenis_kelamin",
                        "jenis kelamin di NIK berbeda dengan data pribadi".into(),
                        "the sex in the NIK differs from personal data".into(),
                    ));
                }
            }
        },
        K::NomorKk if digit(v).len() != 16 || digit(v).len() != v.len() => out.push(galat(
            "kk_tidak_valid",
            "nomor KK harus 16 angka",
            "the family card number must be 16 digits",
        )),
        K::Npwp if !matches!(digit(v).len(), 15 | 16) => out.push(galat(
            "npwp_tidak_valid",
            "NPWP harus 15 atau 16 angka",
            "the tax number must have 15 or 16 digits",
        )),
        K::Bpjs if digit(v).len() != 13 || digit(v).len() != v.len() => out.push(galat(
            "bpjs_tidak_valid",
            "nomor BPJS harus 13 angka",
            "the health insurance number must be 13 digits",
        )),
        K::NomorHp
            if !(8..=15).contains(&digit(v).len())
                || !v
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '+' || c == ' ' || c == '-') =>
        {
            out.push(galat(
                "hp_tidak_valid",
                "nomor HP harus 8–15 angka",
                "the mobile number must have 8–15 digits",
            ))
        }
        K::EmailGov
            if !v
                .split_once('@')
                .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
                || v.contains(char::is_whitespace) =>
        {
            out.push(galat(
                "email_tidak_valid",
                "alamat e-mail tidak valid",
                "the e-mail address is not valid",
            ))
        }
        K::AgamaId if !(k.kode_sah)("agama", v) => out.push(galat(
            "kode_tidak_dikenal",
            "kode agama tidak dikenal",
            "unknown religion code",
        )),
        K::JenisKawinId if !(k.kode_sah)("jenis-kawin", v) => out.push(galat(
            "kode_tidak_dikenal",
            "kode status perkawinan tidak dikenal",
            "unknown marital status code",
        )),
        K::UnorId => {
            let dikenal = Uuid::parse_str(v).is_ok_and(|u| k.unor_instansi.contains(&u));
            if !dikenal {
                out.push(galat(
                    "unor_tidak_dikenal",
                    "unit kerja bukan bagian dari instansi pegawai",
                    "the unit is not part of the employee's agency",
                ));
            }
        }
        _ => {}
    }
}

/// Kinds whose dates fall within service, so they cannot precede TMT CPNS.
fn dalam_masa_dinas(j: JenisRiwayat) -> bool {
    use JenisRiwayat as J;
    matches!(
        j,
        J::Jabatan
            | J::Golongan
            | J::HukumanDisiplin
            | J::AngkaKredit
            | J::Gaji
            | J::Cltn
            | J::PindahInstansi
            | J::Skp
            | J::Skp22
    )
}

fn tanggal_dalam(v: &Value, out: &mut Vec<NaiveDate>) {
    match v {
        Value::String(s) if s.len() == 10 => {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                out.push(d);
            }
        }
        Value::Object(m) => m.values().for_each(|x| tanggal_dalam(x, out)),
        Value::Array(a) => a.iter().for_each(|x| tanggal_dalam(x, out)),
        _ => {}
    }
}

fn periksa_riwayat(
    data: &DataRiwayat,
    dikoreksi: Option<Uuid>,
    k: &KonteksValidasi<'_>,
    out: &mut Vec<Temuan>,
) {
    let jenis = data.jenis();
    let p = k.pegawai;
    if !jenis.berlaku_untuk(p.jenis_pegawai) {
        out.push(temuan(
            Berat::Galat,
            "tidak_berlaku",
            format!(
                "{} tidak berlaku untuk {}",
                jenis.nama(),
                p.jenis_pegawai.kode()
            ),
            format!(
                "this history kind does not apply to {}",
                p.jenis_pegawai.kode()
            ),
        ));
        return;
    }
    periksa_tanggal(data, k, out);
    periksa_isi(data, k, out);
    // The same row twice (e.g. a double upload of the same certificate) is almost always a slip.
    let kembar = k
        .riwayat
        .iter()
        .any(|r| Some(r.id) != dikoreksi && r.data == *data);
    if kembar {
        out.push(temuan(
            Berat::Peringatan,
            "riwayat_kembar",
            "baris yang sama persis sudah ada".into(),
            "an identical row is already on record".into(),
        ));
    }
}

/// Dates: none in the future, none before birth, none in service before TMT CPNS.
fn periksa_tanggal(data: &DataRiwayat, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    let jenis = data.jenis();
    let p = k.pegawai;
    let mut tanggal = Vec::new();
    if let Ok(v) = serde_json::to_value(data) {
        tanggal_dalam(&v, &mut tanggal);
    }
    if let Some(d) = tanggal.iter().filter(|d| **d > k.hari_ini).max() {
        out.push(temuan(
            Berat::Galat,
            "tanggal_masa_depan",
            format!("tanggal {} ada di masa depan", d.format("%d-%m-%Y")),
            format!("the date {} is in the future", d.format("%Y-%m-%d")),
        ));
    }
    if let Some(efektif) = data.tanggal_efektif() {
        // A parent's dates precede the employee's birth by nature.
        if jenis != JenisRiwayat::OrangTua && efektif < p.tanggal_lahir {
            out.push(temuan(
                Berat::Galat,
                "sebelum_lahir",
                "TMT/tanggal riwayat sebelum tanggal lahir pegawai".into(),
                "the effective date is before the employee's birth".into(),
            ));
        } else if dalam_masa_dinas(jenis)
            && let Some(tmt_cpns) = p.tmt_cpns
            && efektif < tmt_cpns
        {
            // SKP rows are dated 31 December; compare the year for them.
            let tahun_saja = matches!(jenis, JenisRiwayat::Skp | JenisRiwayat::Skp22);
            if !tahun_saja || efektif.year() < tmt_cpns.year() {
                out.push(temuan(
                    Berat::Galat,
                    "sebelum_tmt_cpns",
                    "TMT riwayat sebelum TMT CPNS".into(),
                    "the effective date is before the TMT CPNS".into(),
                ));
            }
        }
    }
}

/// The rules of each kind: rank within the education ceiling, SKP years, end after start.
fn periksa_isi(data: &DataRiwayat, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    match data {
        DataRiwayat::Golongan(g) => {
            if let Some(maks) = batas_pendidikan(k)
                && g.golongan > maks
            {
                out.push(temuan(
                    Berat::Peringatan,
                    "melebihi_batas_pendidikan",
                    format!(
                        "golongan {} melebihi batas tertinggi pendidikan tercatat ({})",
                        g.golongan.label(),
                        maks.label()
                    ),
                    format!(
                        "rank {} is above the ceiling of the recorded education ({})",
                        g.golongan.label(),
                        maks.label()
                    ),
                ));
            }
            if g.masa_kerja_bulan > 11 {
                out.push(galat(
                    "masa_kerja_bulan",
                    "masa kerja (bulan) harus 0–11",
                    "service months must be 0–11",
                ));
            }
        }
        DataRiwayat::Skp(s) => periksa_tahun_skp(s.tahun, false, k, out),
        DataRiwayat::Skp22(s) => periksa_tahun_skp(s.tahun, true, k, out),
        DataRiwayat::Pendidikan(d) if d.tahun_lulus > k.hari_ini.year() => out.push(galat(
            "tanggal_masa_depan",
            "tahun lulus ada di masa depan",
            "the graduation year is in the future",
        )),
        DataRiwayat::Diklat(d) if d.tanggal_selesai < d.tanggal_mulai => {
            out.push(selesai_sebelum_mulai())
        }
        DataRiwayat::Kursus(d) if d.tanggal_selesai < d.tanggal_mulai => {
            out.push(selesai_sebelum_mulai())
        }
        DataRiwayat::Cltn(d) if d.tanggal_selesai < d.tanggal_mulai => {
            out.push(selesai_sebelum_mulai())
        }
        DataRiwayat::Pmk(d) if d.tanggal_selesai < d.tanggal_mulai => {
            out.push(selesai_sebelum_mulai())
        }
        _ => {}
    }
}

fn selesai_sebelum_mulai() -> Temuan {
    galat(
        "selesai_sebelum_mulai",
        "tanggal selesai sebelum tanggal mulai",
        "the end date is before the start date",
    )
}

fn batas_pendidikan(k: &KonteksValidasi<'_>) -> Option<Golongan> {
    let id = k.pegawai.tingkat_pendidikan_id.as_deref()?;
    k.pendidikan
        .iter()
        .find(|t| t.id == id)
        .and_then(|t| t.golongan_maks)
}

fn periksa_tahun_skp(tahun: i32, model_2022: bool, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    let akhir = k.hari_ini.year() - 1;
    let awal = k.hari_ini.year() - JENDELA_SKP_TAHUN;
    if model_2022 == (tahun <= TAHUN_TERAKHIR_SKP_LAMA) {
        out.push(galat(
            "model_skp",
            "SKP sampai 2021 memakai nilai angka, sejak 2022 memakai predikat kinerja",
            "SKP up to 2021 uses scores; from 2022 it uses performance ratings",
        ));
    }
    if tahun < awal || tahun > akhir {
        out.push(temuan(
            Berat::Galat,
            "skp_di_luar_jendela",
            format!("SKP yang dapat diusulkan hanya tahun {awal}–{akhir}"),
            format!("only SKP for {awal}–{akhir} can be proposed"),
        ));
    }
}
