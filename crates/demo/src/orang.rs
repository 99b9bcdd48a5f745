//! What every demo employee has: personal data, education, training, SKP, awards, family, and
//! the rarer histories (PMK, CLTN, discipline, credit points, transfers, memberships).

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::Sk;
use siasn_domain::nik::Nik;
use siasn_domain::nip::JenisKelamin;
use siasn_domain::pegawai::{JenisPegawai, NomorInduk, Pegawai};
use siasn_domain::riwayat::{
    DataRiwayat, Ekspektasi, PredikatKinerja, RiwayatDiklat, RiwayatKursus, RiwayatOrganisasi,
    RiwayatPendidikan, RiwayatPenghargaan, RiwayatSkp, RiwayatSkp22, predikat_kinerja,
};

use crate::acak::Acak;
use crate::draf::Draf;
use crate::jarang::jarang;
use crate::keluarga::keluarga;
use crate::konteks::{Konteks, Penomoran};
use crate::nama::nama_orang;
use crate::nama::{KURSUS, PENYELENGGARA, PROGRAM_STUDI, TEMPAT_LAHIR, UNIVERSITAS};

/// The identity drawn for a new employee.
pub struct Calon {
    /// PNS or PPPK.
    pub jenis: JenisPegawai,
    /// NIP or NI PPPK.
    pub nomor_induk: NomorInduk,
    /// Birth date.
    pub lahir: NaiveDate,
    /// Sex.
    pub jenis_kelamin: JenisKelamin,
    /// Index of the agency in the context.
    pub instansi_index: usize,
    /// Highest education.
    pub tingkat_id: &'static str,
    /// TMT CPNS (PNS) or of the first contract (PPPK).
    pub tmt_cpns: NaiveDate,
}

/// Personal data shared by PNS and PPPK.
pub fn dasar_pegawai(k: &Konteks, n: &mut Penomoran, a: &mut Acak, c: Calon) -> Draf {
    let instansi = &k.instansi[c.instansi_index];
    let leaf = *a.pilih(&instansi.daun);
    let unor = instansi.unor[leaf].clone();
    let wilayah = format!("{}{:02}", instansi.template.kode_wilayah, a.antara(1, 30));
    let perempuan = c.jenis_kelamin == JenisKelamin::Perempuan;
    let serial = n.urut_nik(&wilayah, c.lahir, perempuan);
    let nik = Nik::compose(&wilayah, c.lahir, c.jenis_kelamin, serial).ok();
    let nama = nama_orang(a, c.jenis_kelamin);
    let email_name: String = nama
        .to_lowercase()
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '.' })
        .collect();
    let agama = a.berbobot(&[("1", 87), ("2", 7), ("3", 3), ("4", 2), ("5", 1)]);
    let id = n.id(a);
    let pegawai = Pegawai {
        id,
        jenis_pegawai: c.jenis,
        email: Some(format!(
            "{email_name}.{}@demo.siasn.test",
            &c.nomor_induk.as_str()[14..]
        )),
        nomor_induk: c.nomor_induk,
        nip_lama: None,
        nama,
        gelar_depan: None,
        gelar_belakang: None,
        tempat_lahir: (*a.pilih(TEMPAT_LAHIR)).to_string(),
        tanggal_lahir: c.lahir,
        jenis_kelamin: c.jenis_kelamin,
        agama_id: Some(agama.to_string()),
        jenis_kawin_id: Some("4".into()),
        alamat: Some(format!(
            "Jl. {} No. {}",
            a.pilih(&[
                "Merdeka",
                "Sudirman",
                "Diponegoro",
                "Ahmad Yani",
                "Gatot Subroto",
                "Pahlawan",
                "Kenanga",
                "Melati"
            ]),
            a.antara(1, 250)
        )),
        nik,
        nomor_kk: Some(format!("{wilayah}{:010}", a.antara(1, 9_999_999_999))),
        npwp: Some(format!(
            "{:015}",
            a.antara(10_000_000_000_000, 999_999_999_999_999)
        )),
        bpjs: Some(format!(
            "{:013}",
            a.antara(1_000_000_000, 9_999_999_999_999)
        )),
        taspen: (c.jenis == JenisPegawai::Pns)
            .then(|| format!("{:012}", a.antara(1, 999_999_999_999))),
        email_gov: None,
        nomor_hp: None,
        kedudukan_hukum_id: "01".into(),
        instansi_induk_id: instansi.instansi.id.clone(),
        instansi_kerja_id: instansi.instansi.id.clone(),
        unor_id: Some(unor.id),
        jabatan_id: None,
        nama_jabatan: None,
        jenis_jabatan_id: None,
        eselon_id: None,
        golongan: None,
        golongan_pppk: None,
        tingkat_pendidikan_id: Some(c.tingkat_id.to_string()),
        tmt_cpns: Some(c.tmt_cpns),
        tmt_pns: None,
        tmt_golongan: None,
        tmt_jabatan: None,
    };
    Draf {
        pegawai,
        riwayat: Vec::new(),
        dokumen: Vec::new(),
        unor,
        wilayah,
        jabatan_fungsional: false,
        struktural: None,
        program: *a.pilih(PROGRAM_STUDI),
    }
}

/// Formal education up to `tingkat_id`, with the titles it gives.
pub fn pendidikan_rows(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    tingkat_id: &str,
) {
    let lahir = d.pegawai.tanggal_lahir;
    let kota = d.pegawai.tempat_lahir.clone();
    let (program, gelar_s1, gelar_s2) = d.program;
    let mut steps: Vec<(&str, String, String, i32, Option<&str>)> = vec![(
        "15",
        "SLTA/SMA IPA".into(),
        format!("SMA Negeri {} {kota}", a.antara(1, 12)),
        lahir.year() + 18,
        None,
    )];
    let universitas = (*a.pilih(UNIVERSITAS)).to_string();
    match tingkat_id {
        "30" => steps.push((
            "30",
            format!("D-III {program}"),
            universitas,
            lahir.year() + 21,
            Some("A.Md."),
        )),
        "35" => steps.push((
            "35",
            format!("D-IV {program}"),
            universitas,
            lahir.year() + 22,
            Some("S.Tr."),
        )),
        "40" => steps.push((
            "40",
            format!("S-1 {program}"),
            universitas,
            lahir.year() + 22,
            Some(gelar_s1),
        )),
        "45" | "50" => {
            steps.push((
                "40",
                format!("S-1 {program}"),
                universitas.clone(),
                lahir.year() + 22,
                Some(gelar_s1),
            ));
            steps.push((
                "45",
                format!("S-2 {program}"),
                (*a.pilih(UNIVERSITAS)).to_string(),
                lahir.year() + a.antara(25, 30) as i32,
                Some(gelar_s2),
            ));
            if tingkat_id == "50" {
                steps.push((
                    "50",
                    format!("S-3 {program}"),
                    (*a.pilih(UNIVERSITAS)).to_string(),
                    lahir.year() + a.antara(31, 36) as i32,
                    None,
                ));
            }
        }
        _ => {}
    }
    let hari_ini = k.hari_ini.year();
    let mut gelar: Vec<&str> = Vec::new();
    let last = steps.len() - 1;
    for (i, (tingkat, nama, sekolah, tahun, title)) in steps.into_iter().enumerate() {
        let tahun = tahun.min(hari_ini);
        if let Some(t) = title {
            gelar.push(t);
        }
        let tanggal = NaiveDate::from_ymd_opt(tahun, a.antara(6, 9) as u32, a.antara(1, 28) as u32);
        d.tambah(
            DataRiwayat::Pendidikan(RiwayatPendidikan {
                tingkat_pendidikan_id: tingkat.to_string(),
                nama_pendidikan: nama,
                nama_sekolah: sekolah,
                tahun_lulus: tahun,
                tanggal_lulus: tanggal,
                nomor_ijazah: Some(format!("{:08}", a.antara(1, 99_999_999))),
                gelar_depan: (tingkat == "50").then(|| "Dr.".to_string()),
                gelar_belakang: title.map(str::to_string),
                pendidikan_pertama: i == last,
            }),
            n,
            a,
        );
    }
    if tingkat_id == "50" {
        d.pegawai.gelar_depan = Some("Dr.".into());
    }
    if !gelar.is_empty() {
        d.pegawai.gelar_belakang = Some(gelar.join(", "));
    }
}

/// Training, courses, SKP, awards, family, and the rarer histories.
pub fn tambah_umum(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf, pns: bool) {
    let hari_ini = k.hari_ini;
    let tmt = d.pegawai.tmt_cpns.unwrap_or(hari_ini);
    let kode = d.pegawai.instansi_kerja_id.clone();

    // Basic training of new civil servants (Latsar since 2018, Prajabatan before).
    if pns {
        let mulai = tmt
            .checked_add_months(Months::new(a.antara(3, 9) as u32))
            .unwrap_or(tmt)
            .min(hari_ini);
        let nama = if mulai.year() >= 2018 {
            "Pelatihan Dasar CPNS"
        } else {
            "Diklat Prajabatan"
        };
        let rid = d.tambah(
            DataRiwayat::Diklat(RiwayatDiklat {
                latihan_struktural_id: "8".into(),
                nama: nama.into(),
                nomor_sertifikat: format!("{}/LATSAR/{}", a.antara(1, 9999), mulai.year()),
                tanggal_mulai: mulai,
                tanggal_selesai: mulai + chrono::Duration::days(a.antara(14, 50)),
                jumlah_jam: a.antara(100, 300) as u32,
                institusi_penyelenggara: "BPSDM".into(),
            }),
            n,
            a,
        );
        d.dokumen(k, n, a, rid, "874", "Sertifikat Latsar.pdf");
    }
    if let (Some(admin), Some(tmt_jab)) = (d.struktural, d.pegawai.tmt_jabatan) {
        let mulai = tmt_jab
            .checked_add_months(Months::new(a.antara(2, 12) as u32))
            .unwrap_or(tmt_jab);
        if mulai <= hari_ini {
            let (id, nama) = match (admin, mulai.year() >= 2019) {
                (false, false) => ("2", "Diklat Kepemimpinan Tingkat IV"),
                (false, true) => ("2", "Pelatihan Kepemimpinan Pengawas"),
                (true, false) => ("3", "Diklat Kepemimpinan Tingkat III"),
                (true, true) => ("3", "Pelatihan Kepemimpinan Administrator"),
            };
            let rid = d.tambah(
                DataRiwayat::Diklat(RiwayatDiklat {
                    latihan_struktural_id: id.into(),
                    nama: nama.into(),
                    nomor_sertifikat: format!("{}/PK/{}", a.antara(1, 9999), mulai.year()),
                    tanggal_mulai: mulai,
                    tanggal_selesai: mulai + chrono::Duration::days(a.antara(30, 90)),
                    jumlah_jam: a.antara(200, 500) as u32,
                    institusi_penyelenggara: "Lembaga Administrasi Negara".into(),
                }),
                n,
                a,
            );
            d.dokumen(k, n, a, rid, "874", "Sertifikat Diklat.pdf");
        }
    }
    for _ in 0..a.antara(0, 4) {
        let hari = (hari_ini - tmt).num_days().max(1);
        let mulai = tmt + chrono::Duration::days(a.antara(0, hari - 1));
        d.tambah(
            DataRiwayat::Kursus(RiwayatKursus {
                jenis_kursus: (*a.pilih(&["Kursus", "Bimtek", "Workshop", "Seminar"])).into(),
                nama_kursus: (*a.pilih(KURSUS)).into(),
                nomor_sertifikat: Some(format!("{}/SERT/{}", a.antara(1, 9999), mulai.year())),
                tanggal_mulai: mulai,
                tanggal_selesai: (mulai + chrono::Duration::days(a.antara(0, 5))).min(hari_ini),
                jumlah_jam: a.antara(8, 40) as u32,
                institusi_penyelenggara: (*a.pilih(PENYELENGGARA)).into(),
            }),
            n,
            a,
        );
    }
    if pns {
        skp(k, n, a, d, tmt);
        penghargaan(k, n, a, d, tmt);
        jarang(k, n, a, d, tmt, &kode);
    }
    keluarga(k, n, a, d);
    if a.peluang(0.3) {
        let org = if d.jabatan_fungsional
            && d.pegawai
                .nama_jabatan
                .as_deref()
                .is_some_and(|j| j.starts_with("Guru"))
        {
            "Persatuan Guru Republik Indonesia"
        } else {
            "Korps Pegawai Republik Indonesia"
        };
        d.tambah(
            DataRiwayat::Organisasi(RiwayatOrganisasi {
                nama_organisasi: org.into(),
                jabatan: Some("Anggota".into()),
                tanggal_mulai: Some(tmt),
                tanggal_selesai: None,
            }),
            n,
            a,
        );
    }
}

fn skp(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf, tmt: NaiveDate) {
    let dari = (tmt.year() + 1).max(k.hari_ini.year() - 7);
    let mut last = None;
    for tahun in dari..k.hari_ini.year() {
        let predikat = a.berbobot(&[
            (PredikatKinerja::SangatBaik, 10),
            (PredikatKinerja::Baik, 82),
            (PredikatKinerja::ButuhPerbaikan, 7),
            (PredikatKinerja::Kurang, 1),
        ]);
        let jk_penilai = if a.peluang(0.5) {
            JenisKelamin::LakiLaki
        } else {
            JenisKelamin::Perempuan
        };
        let penilai = nama_orang(a, jk_penilai);
        let data = if tahun <= 2021 {
            let (lo, hi) = match predikat {
                PredikatKinerja::SangatBaik => (91, 98),
                PredikatKinerja::Baik => (77, 89),
                PredikatKinerja::ButuhPerbaikan => (62, 74),
                _ => (52, 59),
            };
            let v = |a: &mut Acak| a.antara(lo, hi) as f64;
            DataRiwayat::Skp(RiwayatSkp {
                tahun,
                nilai_skp: v(a),
                orientasi_pelayanan: v(a),
                integritas: v(a),
                komitmen: v(a),
                disiplin: v(a),
                kerjasama: v(a),
                kepemimpinan: d.struktural.map(|_| v(a)),
                inisiatif_kerja: None,
                penilai_nip: None,
                penilai_nama: Some(penilai),
                penilai_jabatan: Some(format!("Kepala {}", d.unor.nama)),
            })
        } else {
            use Ekspektasi::*;
            let pasangan: &[(Ekspektasi, Ekspektasi)] = match predikat {
                PredikatKinerja::SangatBaik => &[(DiAtas, DiAtas)],
                PredikatKinerja::Baik => &[(Sesuai, Sesuai), (DiAtas, Sesuai), (Sesuai, DiAtas)],
                PredikatKinerja::ButuhPerbaikan => &[(DiBawah, Sesuai), (DiBawah, DiAtas)],
                _ => &[(Sesuai, DiBawah)],
            };
            let (hasil, perilaku) = *a.pilih(pasangan);
            DataRiwayat::Skp22(RiwayatSkp22 {
                tahun,
                hasil_kinerja: hasil,
                perilaku_kerja: perilaku,
                predikat: predikat_kinerja(hasil, perilaku),
                penilai_nip: None,
                penilai_nama: Some(penilai),
                penilai_jabatan: Some(format!("Kepala {}", d.unor.nama)),
                penilai_unor: Some(d.unor.nama.clone()),
            })
        };
        last = Some(d.tambah(data, n, a));
    }
    if let Some(rid) = last {
        d.dokumen(k, n, a, rid, "891", "Realisasi SKP.pdf");
    }
}

fn penghargaan(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf, tmt: NaiveDate) {
    for (tahun_dinas, id, nama) in [
        (10, "201", "Satyalancana Karya Satya X Tahun"),
        (20, "202", "Satyalancana Karya Satya XX Tahun"),
        (30, "203", "Satyalancana Karya Satya XXX Tahun"),
    ] {
        let tahun = tmt.year() + tahun_dinas + a.antara(0, 2) as i32;
        if tahun >= k.hari_ini.year() || !a.peluang(0.7) {
            break;
        }
        let tanggal = NaiveDate::from_ymd_opt(tahun, 8, a.antara(1, 17) as u32);
        let rid = d.tambah(
            DataRiwayat::Penghargaan(RiwayatPenghargaan {
                penghargaan_id: id.into(),
                nama: nama.into(),
                tahun,
                sk: tanggal.map(|t| Sk {
                    nomor: format!("{}/TK/Tahun {tahun}", a.antara(1, 150)),
                    tanggal: t,
                }),
            }),
            n,
            a,
        );
        d.dokumen(k, n, a, rid, "892", "Piagam Satyalancana.pdf");
    }
}
