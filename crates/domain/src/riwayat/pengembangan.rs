//! Education and development histories: schooling, training, courses, awards, organisations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Sk;

/// A formal education completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPendidikan {
    /// Tingkat pendidikan id ("40" for S-1).
    pub tingkat_pendidikan_id: String,
    /// Programme name ("S-1 Ilmu Administrasi Negara").
    pub nama_pendidikan: String,
    /// School or university.
    pub nama_sekolah: String,
    /// Year of graduation.
    pub tahun_lulus: i32,
    /// Date of graduation.
    pub tanggal_lulus: Option<NaiveDate>,
    /// Diploma number.
    pub nomor_ijazah: Option<String>,
    /// Academic title before the name ("Dr.").
    pub gelar_depan: Option<String>,
    /// Academic title after the name ("S.Kom.").
    pub gelar_belakang: Option<String>,
    /// The education the employee was appointed with.
    pub pendidikan_pertama: bool,
}

/// A structural/leadership training (diklat).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatDiklat {
    /// Latihan struktural code (1 SEPADA ... 8 Lainnya).
    pub latihan_struktural_id: String,
    /// Training name.
    pub nama: String,
    /// Certificate number.
    pub nomor_sertifikat: String,
    /// First day.
    pub tanggal_mulai: NaiveDate,
    /// Last day.
    pub tanggal_selesai: NaiveDate,
    /// Hours.
    pub jumlah_jam: u32,
    /// Organiser.
    pub institusi_penyelenggara: String,
}

/// A course or technical training (kursus).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatKursus {
    /// Kind of course ("Kursus", "Seminar", "Workshop", "Bimtek", ...).
    pub jenis_kursus: String,
    /// Course name.
    pub nama_kursus: String,
    /// Certificate number.
    pub nomor_sertifikat: Option<String>,
    /// First day.
    pub tanggal_mulai: NaiveDate,
    /// Last day.
    pub tanggal_selesai: NaiveDate,
    /// Hours.
    pub jumlah_jam: u32,
    /// Organiser.
    pub institusi_penyelenggara: String,
}

/// An award or decoration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPenghargaan {
    /// Penghargaan code (201 Satyalancana Karya Satya X, ...).
    pub penghargaan_id: String,
    /// Name as awarded.
    pub nama: String,
    /// Year awarded.
    pub tahun: i32,
    /// The award decree (Keppres), if recorded.
    pub sk: Option<Sk>,
}

/// A membership in an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatOrganisasi {
    /// Organisation.
    pub nama_organisasi: String,
    /// Role held.
    pub jabatan: Option<String>,
    /// From.
    pub tanggal_mulai: Option<NaiveDate>,
    /// Until.
    pub tanggal_selesai: Option<NaiveDate>,
}
