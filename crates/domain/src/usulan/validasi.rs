//! Checks made when a proposal is saved or submitted. Hard errors (`Galat`) block submission;
//! soft ones (`Peringatan`) go with the proposal so the verifier sees them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::{KolomDataUtama, Perubahan};
use crate::golongan::Golongan;
use crate::nik::{Nik, NikError};
use crate::pegawai::{JenisPegawai, Pegawai};
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

/// One finding: how serious, a stable code, and what was found with its values (people read
/// it through `siasn_teks`). Findings are stored with a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Temuan {
    /// How serious.
    pub berat: Berat,
    /// Stable code (for tests and reports).
    pub kode: String,
    /// What was found. `None` only on findings stored before findings carried values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alasan: Option<AlasanTemuan>,
    /// The sentences of a finding stored before findings carried values (Indonesian, English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pesan: Option<String>,
    /// See `pesan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pesan_en: Option<String>,
}

/// What a check found, with the values a sentence about it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlasanTemuan {
    /// Nothing is changed.
    TidakAdaPerubahan,
    /// The new value of a column is the one on record.
    NilaiSama(KolomDataUtama),
    /// A required column is empty.
    Wajib(KolomDataUtama),
    /// A column's value is too long.
    TerlaluPanjang(KolomDataUtama),
    /// The NIK is not valid, and why.
    NikTidakValid(NikError),
    /// The NIK's birth date differs from the record's.
    NikTanggalLahir,
    /// The NIK's sex differs from the record's.
    NikJenisKelamin,
    /// The family card number is not 16 digits.
    KkTidakValid,
    /// The tax number is not 15 or 16 digits.
    NpwpTidakValid,
    /// The BPJS number is not 13 digits.
    BpjsTidakValid,
    /// The mobile number is not 8–15 digits.
    HpTidakValid,
    /// The e-mail address is not valid.
    EmailTidakValid,
    /// The religion code is not in the reference list.
    AgamaTidakDikenal,
    /// The marital status code is not in the reference list.
    JenisKawinTidakDikenal,
    /// The unit is not part of the employee's agency.
    UnorTidakDikenal,
    /// A correction of a row of another kind.
    JenisBerbeda,
    /// The row is not on this employee's record.
    RiwayatTidakAda,
    /// Removing the last row of a section every PNS must have.
    RiwayatWajibKosong(JenisRiwayat),
    /// The kind does not apply to this type of employee.
    TidakBerlaku(JenisRiwayat, JenisPegawai),
    /// The kind is written only by a personnel service's decree (e.g. leaving the service).
    LewatLayanan(JenisRiwayat),
    /// A date after today.
    TanggalMasaDepan(NaiveDate),
    /// The effective date is before the employee's birth.
    SebelumLahir,
    /// The effective date is before TMT CPNS.
    SebelumTmtCpns,
    /// A rank above the ceiling of the recorded education.
    MelebihiBatasPendidikan {
        /// The rank proposed.
        golongan: Golongan,
        /// The ceiling.
        maks: Golongan,
    },
    /// Service months outside 0–11.
    MasaKerjaBulan,
    /// A graduation year after this year.
    TahunLulusMasaDepan,
    /// An end date before the start date.
    SelesaiSebelumMulai,
    /// The SKP model does not fit the year (scores to 2021, ratings from 2022).
    ModelSkp,
    /// An SKP year outside the years that may be proposed.
    SkpDiLuarJendela {
        /// First year allowed.
        awal: i32,
        /// Last year allowed.
        akhir: i32,
    },
    /// The same row is already on record.
    RiwayatKembar,
}

impl AlasanTemuan {
    /// The stable code.
    pub fn kode(&self) -> &'static str {
        use AlasanTemuan as A;
        match self {
            A::TidakAdaPerubahan | A::NilaiSama(_) => "tanpa_perubahan",
            A::Wajib(_) => "wajib",
            A::TerlaluPanjang(_) => "terlalu_panjang",
            A::NikTidakValid(_) => "nik_tidak_valid",
            A::NikTanggalLahir => "nik_tanggal_lahir",
            A::NikJenisKelamin => "nik_jenis_kelamin",
            A::KkTidakValid => "kk_tidak_valid",
            A::NpwpTidakValid => "npwp_tidak_valid",
            A::BpjsTidakValid => "bpjs_tidak_valid",
            A::HpTidakValid => "hp_tidak_valid",
            A::EmailTidakValid => "email_tidak_valid",
            A::AgamaTidakDikenal | A::JenisKawinTidakDikenal => "kode_tidak_dikenal",
            A::UnorTidakDikenal => "unor_tidak_dikenal",
            A::JenisBerbeda => "jenis_berbeda",
            A::RiwayatTidakAda => "riwayat_tidak_ada",
            A::RiwayatWajibKosong(_) => "riwayat_wajib_kosong",
            A::TidakBerlaku(..) => "tidak_berlaku",
            A::LewatLayanan(_) => "lewat_layanan",
            A::TanggalMasaDepan(_) | A::TahunLulusMasaDepan => "tanggal_masa_depan",
            A::SebelumLahir => "sebelum_lahir",
            A::SebelumTmtCpns => "sebelum_tmt_cpns",
            A::MelebihiBatasPendidikan { .. } => "melebihi_batas_pendidikan",
            A::MasaKerjaBulan => "masa_kerja_bulan",
            A::SelesaiSebelumMulai => "selesai_sebelum_mulai",
            A::ModelSkp => "model_skp",
            A::SkpDiLuarJendela { .. } => "skp_di_luar_jendela",
            A::RiwayatKembar => "riwayat_kembar",
        }
    }
}

fn temuan(berat: Berat, alasan: AlasanTemuan) -> Temuan {
    Temuan {
        berat,
        kode: alasan.kode().into(),
        alasan: Some(alasan),
        pesan: None,
        pesan_en: None,
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
/// First year of the numeric SKP model: PP 46/2011 replaced the DP3 from the 2014 appraisal.
pub const TAHUN_PERTAMA_SKP_LAMA: i32 = 2014;

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

/// A correction of a history row that changes no value but brings documents completes the
/// row's file (an SK never scanned, the clearer copy a verifier asked for): "nothing changed"
/// does not apply to it. Every other finding stays.
pub fn lengkapi_dokumen(
    temuan: Vec<Temuan>,
    perubahan: &Perubahan,
    membawa_dokumen: bool,
) -> Vec<Temuan> {
    if !membawa_dokumen || !matches!(perubahan, Perubahan::UbahRiwayat { .. }) {
        return temuan;
    }
    temuan
        .into_iter()
        .filter(|t| t.alasan != Some(AlasanTemuan::TidakAdaPerubahan))
        .collect()
}

/// Every finding on `perubahan` for this record.
pub fn periksa(perubahan: &Perubahan, k: &KonteksValidasi<'_>) -> Vec<Temuan> {
    let mut out = Vec::new();
    match perubahan {
        Perubahan::DataUtama { nilai } => {
            if nilai.is_empty() {
                out.push(temuan(Berat::Galat, AlasanTemuan::TidakAdaPerubahan));
            }
            for (kolom, baru) in nilai {
                periksa_kolom(*kolom, baru.as_deref(), k, &mut out);
            }
        }
        Perubahan::TambahRiwayat { data } => periksa_riwayat(data, None, k, &mut out),
        Perubahan::UbahRiwayat { riwayat_id, data } => {
            match k.riwayat.iter().find(|r| r.id == *riwayat_id) {
                Some(r) if r.data.jenis() != data.jenis() => {
                    out.push(temuan(Berat::Galat, AlasanTemuan::JenisBerbeda))
                }
                Some(r) if r.data == *data => {
                    out.push(temuan(Berat::Galat, AlasanTemuan::TidakAdaPerubahan))
                }
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
                            AlasanTemuan::RiwayatWajibKosong(*jenis),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn riwayat_tidak_ada() -> Temuan {
    temuan(Berat::Galat, AlasanTemuan::RiwayatTidakAda)
}

fn galat(alasan: AlasanTemuan) -> Temuan {
    temuan(Berat::Galat, alasan)
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
    if baru.map(str::to_string) == kolom.nilai(k.pegawai) {
        out.push(temuan(Berat::Galat, AlasanTemuan::NilaiSama(kolom)));
        return;
    }
    let Some(v) = baru else {
        if matches!(kolom, K::Nama | K::TempatLahir) {
            out.push(temuan(Berat::Galat, AlasanTemuan::Wajib(kolom)));
        }
        return;
    };
    if v.chars().count() > 200 {
        out.push(temuan(Berat::Galat, AlasanTemuan::TerlaluPanjang(kolom)));
        return;
    }
    periksa_format(kolom, v, k, out);
}

/// The format and reference checks of a non-empty new value.
fn periksa_format(kolom: KolomDataUtama, v: &str, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    use KolomDataUtama as K;
    match kolom {
        K::Nik => match Nik::parse(v) {
            Err(e) => out.push(temuan(Berat::Galat, AlasanTemuan::NikTidakValid(e))),
            Ok(nik) => {
                if !nik.cocok_tanggal_lahir(k.pegawai.tanggal_lahir) {
                    out.push(temuan(Berat::Peringatan, AlasanTemuan::NikTanggalLahir));
                }
                if nik.jenis_kelamin() != k.pegawai.jenis_kelamin {
                    out.push(temuan(Berat::Peringatan, AlasanTemuan::NikJenisKelamin));
                }
            }
        },
        K::NomorKk if digit(v).len() != 16 || digit(v).len() != v.len() => {
            out.push(galat(AlasanTemuan::KkTidakValid))
        }
        K::Npwp if !matches!(digit(v).len(), 15 | 16) => {
            out.push(galat(AlasanTemuan::NpwpTidakValid))
        }
        K::Bpjs if digit(v).len() != 13 || digit(v).len() != v.len() => {
            out.push(galat(AlasanTemuan::BpjsTidakValid))
        }
        K::NomorHp
            if !(8..=15).contains(&digit(v).len())
                || !v
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '+' || c == ' ' || c == '-') =>
        {
            out.push(galat(AlasanTemuan::HpTidakValid))
        }
        K::EmailGov
            if !v
                .split_once('@')
                .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
                || v.contains(char::is_whitespace) =>
        {
            out.push(galat(AlasanTemuan::EmailTidakValid))
        }
        K::AgamaId if !(k.kode_sah)("agama", v) => out.push(galat(AlasanTemuan::AgamaTidakDikenal)),
        K::JenisKawinId if !(k.kode_sah)("jenis-kawin", v) => {
            out.push(galat(AlasanTemuan::JenisKawinTidakDikenal))
        }
        K::UnorId => {
            let dikenal = Uuid::parse_str(v).is_ok_and(|u| k.unor_instansi.contains(&u));
            if !dikenal {
                out.push(galat(AlasanTemuan::UnorTidakDikenal));
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
            AlasanTemuan::TidakBerlaku(jenis, p.jenis_pegawai),
        ));
        return;
    }
    if jenis.lewat_layanan() {
        out.push(temuan(Berat::Galat, AlasanTemuan::LewatLayanan(jenis)));
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
        out.push(temuan(Berat::Peringatan, AlasanTemuan::RiwayatKembar));
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
        out.push(temuan(Berat::Galat, AlasanTemuan::TanggalMasaDepan(*d)));
    }
    if let Some(efektif) = data.tanggal_efektif() {
        // A parent's dates precede the employee's birth by nature.
        if jenis != JenisRiwayat::OrangTua && efektif < p.tanggal_lahir {
            out.push(temuan(Berat::Galat, AlasanTemuan::SebelumLahir));
        } else if dalam_masa_dinas(jenis)
            && let Some(tmt_cpns) = p.tmt_cpns
            && efektif < tmt_cpns
        {
            // SKP rows are dated 31 December; compare the year for them.
            let tahun_saja = matches!(jenis, JenisRiwayat::Skp | JenisRiwayat::Skp22);
            if !tahun_saja || efektif.year() < tmt_cpns.year() {
                out.push(temuan(Berat::Galat, AlasanTemuan::SebelumTmtCpns));
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
                    AlasanTemuan::MelebihiBatasPendidikan {
                        golongan: g.golongan,
                        maks,
                    },
                ));
            }
            if g.masa_kerja_bulan > 11 {
                out.push(galat(AlasanTemuan::MasaKerjaBulan));
            }
        }
        DataRiwayat::Skp(s) => periksa_tahun_skp(s.tahun, false, k, out),
        DataRiwayat::Skp22(s) => periksa_tahun_skp(s.tahun, true, k, out),
        DataRiwayat::Pendidikan(d) if d.tahun_lulus > k.hari_ini.year() => {
            out.push(galat(AlasanTemuan::TahunLulusMasaDepan))
        }
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
    galat(AlasanTemuan::SelesaiSebelumMulai)
}

fn batas_pendidikan(k: &KonteksValidasi<'_>) -> Option<Golongan> {
    let id = k.pegawai.tingkat_pendidikan_id.as_deref()?;
    k.pendidikan
        .iter()
        .find(|t| t.id == id)
        .and_then(|t| t.golongan_maks)
}

/// The years an SKP of one model may be proposed for on `hari_ini`: the kuadran model for the
/// last [`JENDELA_SKP_TAHUN`] finished years (never before 2022); the numeric model for its own
/// years, 2014–2021, which are corrections of closed appraisals and so have no rolling window.
pub fn jendela_skp(model_2022: bool, hari_ini: NaiveDate) -> (i32, i32) {
    let tahun_lalu = hari_ini.year() - 1;
    if model_2022 {
        let awal = (hari_ini.year() - JENDELA_SKP_TAHUN).max(TAHUN_TERAKHIR_SKP_LAMA + 1);
        (awal, tahun_lalu)
    } else {
        (
            TAHUN_PERTAMA_SKP_LAMA,
            TAHUN_TERAKHIR_SKP_LAMA.min(tahun_lalu),
        )
    }
}

fn periksa_tahun_skp(tahun: i32, model_2022: bool, k: &KonteksValidasi<'_>, out: &mut Vec<Temuan>) {
    if model_2022 == (tahun <= TAHUN_TERAKHIR_SKP_LAMA) {
        // The wrong model for the year: the window of the other model says nothing useful.
        out.push(galat(AlasanTemuan::ModelSkp));
        return;
    }
    let (awal, akhir) = jendela_skp(model_2022, k.hari_ini);
    if tahun < awal || tahun > akhir {
        out.push(temuan(
            Berat::Galat,
            AlasanTemuan::SkpDiLuarJendela { awal, akhir },
        ));
    }
}
