//! Sample records for unit tests.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::golongan::Golongan;
use crate::nik::Nik;
use crate::nip::{JenisKelamin, Nip};
use crate::pegawai::{JenisPegawai, NomorInduk, Pegawai};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A consistent PNS record: NIP 19680303 198911 2 001, NIK 3273014303680001, S-2, IV/a.
pub fn pegawai() -> Pegawai {
    Pegawai {
        id: Uuid::nil(),
        jenis_pegawai: JenisPegawai::Pns,
        nomor_induk: NomorInduk::Nip(Nip::parse("196803031989112001", d(2026, 1, 1)).unwrap()),
        nip_lama: None,
        nama: "Siti Aminah".into(),
        gelar_depan: Some("Dr.".into()),
        gelar_belakang: Some("S.Sos., M.Si.".into()),
        tempat_lahir: "Bandung".into(),
        tanggal_lahir: d(1968, 3, 3),
        jenis_kelamin: JenisKelamin::Perempuan,
        agama_id: Some("1".into()),
        jenis_kawin_id: Some("1".into()),
        alamat: None,
        nik: Some(Nik::parse("3273014303680001").unwrap()),
        nomor_kk: None,
        npwp: None,
        bpjs: None,
        taspen: None,
        email: None,
        email_gov: None,
        nomor_hp: None,
        kedudukan_hukum_id: "01".into(),
        instansi_induk_id: "X".into(),
        instansi_kerja_id: "X".into(),
        unor_id: None,
        jabatan_id: None,
        nama_jabatan: None,
        jenis_jabatan_id: None,
        eselon_id: None,
        golongan: Some(Golongan::IVA),
        golongan_pppk: None,
        tingkat_pendidikan_id: Some("45".into()),
        tmt_cpns: Some(d(1989, 11, 1)),
        tmt_pns: Some(d(1990, 12, 1)),
        tmt_golongan: None,
        tmt_jabatan: None,
    }
}
