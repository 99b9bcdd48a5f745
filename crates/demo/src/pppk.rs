//! One demo PPPK: contract civil servant with NI PPPK, PPPK golongan and the PPPK data set.

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::golongan::GolonganPppk;
use siasn_domain::nip::JenisKelamin;
use siasn_domain::pegawai::{JenisPegawai, NiPppk, NomorInduk};
use siasn_domain::tanggal::BulanTahun;

use crate::acak::Acak;
use crate::draf::Draf;
use crate::konteks::{Konteks, Penomoran};
use crate::orang::{Calon, dasar_pegawai, pendidikan_rows, tambah_umum};
use crate::pns::bobot_instansi;

/// Education mix of PPPK: (tingkat id, weight, PPPK golongan).
const PENDIDIKAN_PPPK: &[(&str, u32, u8)] =
    &[("15", 10, 5), ("30", 25, 7), ("40", 55, 9), ("45", 10, 10)];

/// Generates one PPPK; None when the drawn numbers cannot make a valid NI PPPK.
pub fn buat(k: &Konteks, n: &mut Penomoran, a: &mut Acak) -> Option<Draf> {
    let hari_ini = k.hari_ini;
    let pilihan: Vec<(usize, u32)> = PENDIDIKAN_PPPK
        .iter()
        .enumerate()
        .map(|(i, (_, w, _))| (i, *w))
        .collect();
    let (tingkat_id, _, gol) = PENDIDIKAN_PPPK[a.berbobot(&pilihan)];
    let usia = a.antara(24, 56);
    let lahir = hari_ini
        .checked_sub_months(Months::new((usia * 12) as u32))?
        .checked_sub_days(chrono::Days::new(a.antara(0, 364) as u64))?;
    let tahun_angkat = a.antara(2019, i64::from(hari_ini.year()) - 1) as i32;
    let tmt = NaiveDate::from_ymd_opt(tahun_angkat, *a.pilih(&[1, 3, 7]), 1)?.min(hari_ini);
    let kontrak = if hari_ini.year() - tahun_angkat >= 5 {
        2
    } else {
        1
    };
    let jk = if a.peluang(0.55) {
        JenisKelamin::Perempuan
    } else {
        JenisKelamin::LakiLaki
    };
    let prefix = NiPppk::compose(lahir, tahun_angkat, kontrak, jk, 0).ok()?;
    let urut = n.urut_nip(prefix.as_str()[..15].to_string())?;
    let ni = NiPppk::compose(lahir, tahun_angkat, kontrak, jk, urut).ok()?;
    let instansi_index = a.berbobot(&bobot_instansi(k));
    let mut d = dasar_pegawai(
        k,
        n,
        a,
        Calon {
            jenis: JenisPegawai::Pppk,
            nomor_induk: NomorInduk::NiPppk(ni),
            lahir,
            jenis_kelamin: jk,
            instansi_index,
            tingkat_id,
            tmt_cpns: tmt,
        },
    );
    d.pegawai.golongan_pppk = GolonganPppk::new(gol);
    let unit = d.unor.nama.to_lowercase();
    let jabatan = if ["sd ", "smp", "sma", "smk", "pendidikan"]
        .iter()
        .any(|s| unit.contains(s))
    {
        "GURU-AP"
    } else if ["puskesmas", "rsud", "kesehatan"]
        .iter()
        .any(|s| unit.contains(s))
    {
        "PERAWAT-T"
    } else if gol >= 9 {
        "PRAKOM-AP"
    } else {
        "PELAKSANA"
    };
    let r = k.ref_jabatan(jabatan);
    d.pegawai.jabatan_id = Some(jabatan.into());
    d.pegawai.nama_jabatan = Some(r.map_or_else(|| "Pelaksana".into(), |j| j.nama.clone()));
    d.pegawai.jenis_jabatan_id = Some(r.map_or_else(|| "4".into(), |j| j.jenis_jabatan_id.clone()));
    d.pegawai.tmt_jabatan = Some(tmt);
    d.pegawai.tmt_golongan = Some(BulanTahun::of(tmt).hari_pertama());
    pendidikan_rows(k, n, a, &mut d, tingkat_id);
    // Education is not part of the PPPK data set: keep only the titles it gives.
    d.riwayat.clear();
    tambah_umum(k, n, a, &mut d, false);
    Some(d)
}
