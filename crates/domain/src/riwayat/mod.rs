//! Histories (riwayat): every effective-dated record kept about an employee.
//!
//! Each kind is its own struct; `DataRiwayat` is the closed set of them. A row carries its decree
//! (`Sk`) where one exists; supporting documents are linked to the row by id in the document
//! archive, so one scan can back several rows.

mod karier;
mod keluarga;
mod kinerja;
mod pengembangan;
pub mod turunan;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::pegawai::JenisPegawai;

pub use karier::{
    RincianPindah, RiwayatAngkaKredit, RiwayatCltn, RiwayatCpnsPns, RiwayatGaji, RiwayatGolongan,
    RiwayatHukumanDisiplin, RiwayatJabatan, RiwayatPemberhentian, RiwayatPindahInstansi,
    RiwayatPmk, StatusKepegawaian, TingkatHukuman,
};
pub use keluarga::{Anak, OrangTua, Pasangan, PeranOrangTua, StatusPernikahan};
pub use kinerja::{Ekspektasi, PredikatKinerja, RiwayatSkp, RiwayatSkp22, predikat_kinerja};
pub use pengembangan::{
    RiwayatDiklat, RiwayatKursus, RiwayatOrganisasi, RiwayatPendidikan, RiwayatPenghargaan,
};

/// The kinds of history, with the code used in storage, the API and the authority table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisRiwayat {
    /// Positions.
    Jabatan,
    /// Formal education.
    Pendidikan,
    /// Structural/leadership training.
    Diklat,
    /// Courses and technical training.
    Kursus,
    /// Performance appraisal before 2022 (numeric).
    Skp,
    /// Performance appraisal from 2022 (kuadran).
    Skp22,
    /// Awards and decorations.
    Penghargaan,
    /// Rank (golongan/pangkat).
    Golongan,
    /// Spouse.
    Pasangan,
    /// Children.
    Anak,
    /// Parents.
    OrangTua,
    /// Review of years of service.
    Pmk,
    /// Transfers between agencies.
    PindahInstansi,
    /// Unpaid leave outside state service.
    Cltn,
    /// CPNS and PNS appointment decrees.
    CpnsPns,
    /// Organisation memberships.
    Organisasi,
    /// Disciplinary penalties.
    HukumanDisiplin,
    /// Credit points of functional positions.
    AngkaKredit,
    /// Salary history.
    Gaji,
    /// Leaving the service (pension or dismissal decree); written only by a service case.
    Pemberhentian,
}

impl JenisRiwayat {
    /// Every kind, in the order the profile shows them.
    pub const SEMUA: [JenisRiwayat; 20] = [
        Self::CpnsPns,
        Self::Golongan,
        Self::Jabatan,
        Self::Pendidikan,
        Self::Diklat,
        Self::Kursus,
        Self::Skp,
        Self::Skp22,
        Self::Penghargaan,
        Self::Pasangan,
        Self::Anak,
        Self::OrangTua,
        Self::Pmk,
        Self::PindahInstansi,
        Self::Cltn,
        Self::Organisasi,
        Self::HukumanDisiplin,
        Self::AngkaKredit,
        Self::Gaji,
        Self::Pemberhentian,
    ];

    /// Storage code ("jabatan", "skp22", ...).
    pub fn kode(self) -> &'static str {
        match self {
            Self::Jabatan => "jabatan",
            Self::Pendidikan => "pendidikan",
            Self::Diklat => "diklat",
            Self::Kursus => "kursus",
            Self::Skp => "skp",
            Self::Skp22 => "skp22",
            Self::Penghargaan => "penghargaan",
            Self::Golongan => "golongan",
            Self::Pasangan => "pasangan",
            Self::Anak => "anak",
            Self::OrangTua => "orang_tua",
            Self::Pmk => "pmk",
            Self::PindahInstansi => "pindah_instansi",
            Self::Cltn => "cltn",
            Self::CpnsPns => "cpns_pns",
            Self::Organisasi => "organisasi",
            Self::HukumanDisiplin => "hukuman_disiplin",
            Self::AngkaKredit => "angka_kredit",
            Self::Gaji => "gaji",
            Self::Pemberhentian => "pemberhentian",
        }
    }

    /// Parses a storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == kode)
    }

    /// Whether this kind belongs to the data set of the given employee type (DOMAIN.md table).
    pub fn berlaku_untuk(self, jenis: JenisPegawai) -> bool {
        match jenis {
            JenisPegawai::Pns => true,
            JenisPegawai::Pppk => matches!(
                self,
                Self::Diklat
                    | Self::Kursus
                    | Self::Penghargaan
                    | Self::Pasangan
                    | Self::Anak
                    | Self::OrangTua
                    | Self::Organisasi
            ),
        }
    }

    /// Whether rows of this kind come only from a personnel service's decree (so they are
    /// never proposed or corrected through a data-update proposal).
    pub fn lewat_layanan(self) -> bool {
        matches!(self, Self::Pemberhentian)
    }

    /// Whether a PNS record must have this section filled in (DOMAIN.md, "mandatory for PNS").
    /// Diklat and kursus together count as one mandatory section.
    pub fn wajib_untuk_pns(self) -> bool {
        matches!(
            self,
            Self::Jabatan
                | Self::Pendidikan
                | Self::Diklat
                | Self::Kursus
                | Self::Skp
                | Self::Skp22
                | Self::Penghargaan
                | Self::Golongan
                | Self::PindahInstansi
                | Self::Cltn
                | Self::CpnsPns
        )
    }
}

/// A decree (surat keputusan): its number and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sk {
    /// Decree number as written on it.
    pub nomor: String,
    /// Date the decree was signed.
    pub tanggal: NaiveDate,
}

/// The content of one history row, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum DataRiwayat {
    /// A position.
    Jabatan(RiwayatJabatan),
    /// A formal education.
    Pendidikan(RiwayatPendidikan),
    /// A structural/leadership training.
    Diklat(RiwayatDiklat),
    /// A course.
    Kursus(RiwayatKursus),
    /// A numeric SKP (to 2021).
    Skp(RiwayatSkp),
    /// A kuadran SKP (from 2022).
    Skp22(RiwayatSkp22),
    /// An award.
    Penghargaan(RiwayatPenghargaan),
    /// A rank.
    Golongan(RiwayatGolongan),
    /// A spouse.
    Pasangan(Pasangan),
    /// A child.
    Anak(Anak),
    /// A parent.
    OrangTua(OrangTua),
    /// A service-years review.
    Pmk(RiwayatPmk),
    /// An agency transfer.
    PindahInstansi(RiwayatPindahInstansi),
    /// An unpaid leave.
    Cltn(RiwayatCltn),
    /// A CPNS or PNS decree.
    CpnsPns(RiwayatCpnsPns),
    /// An organisation membership.
    Organisasi(RiwayatOrganisasi),
    /// A disciplinary penalty.
    HukumanDisiplin(RiwayatHukumanDisiplin),
    /// A credit-point assessment.
    AngkaKredit(RiwayatAngkaKredit),
    /// A salary decision.
    Gaji(RiwayatGaji),
    /// A pension or dismissal decree.
    Pemberhentian(RiwayatPemberhentian),
}

impl DataRiwayat {
    /// Which kind this row is.
    pub fn jenis(&self) -> JenisRiwayat {
        match self {
            Self::Jabatan(_) => JenisRiwayat::Jabatan,
            Self::Pendidikan(_) => JenisRiwayat::Pendidikan,
            Self::Diklat(_) => JenisRiwayat::Diklat,
            Self::Kursus(_) => JenisRiwayat::Kursus,
            Self::Skp(_) => JenisRiwayat::Skp,
            Self::Skp22(_) => JenisRiwayat::Skp22,
            Self::Penghargaan(_) => JenisRiwayat::Penghargaan,
            Self::Golongan(_) => JenisRiwayat::Golongan,
            Self::Pasangan(_) => JenisRiwayat::Pasangan,
            Self::Anak(_) => JenisRiwayat::Anak,
            Self::OrangTua(_) => JenisRiwayat::OrangTua,
            Self::Pmk(_) => JenisRiwayat::Pmk,
            Self::PindahInstansi(_) => JenisRiwayat::PindahInstansi,
            Self::Cltn(_) => JenisRiwayat::Cltn,
            Self::CpnsPns(_) => JenisRiwayat::CpnsPns,
            Self::Organisasi(_) => JenisRiwayat::Organisasi,
            Self::HukumanDisiplin(_) => JenisRiwayat::HukumanDisiplin,
            Self::AngkaKredit(_) => JenisRiwayat::AngkaKredit,
            Self::Gaji(_) => JenisRiwayat::Gaji,
            Self::Pemberhentian(_) => JenisRiwayat::Pemberhentian,
        }
    }

    /// The date the row takes effect (TMT, or the event's date where there is no TMT);
    /// histories are ordered by it.
    pub fn tanggal_efektif(&self) -> Option<NaiveDate> {
        match self {
            Self::Jabatan(r) => Some(r.tmt_jabatan),
            Self::Pendidikan(r) => r
                .tanggal_lulus
                .or_else(|| NaiveDate::from_ymd_opt(r.tahun_lulus, 1, 1)),
            Self::Diklat(r) => Some(r.tanggal_mulai),
            Self::Kursus(r) => Some(r.tanggal_mulai),
            Self::Skp(r) => NaiveDate::from_ymd_opt(r.tahun, 12, 31),
            Self::Skp22(r) => NaiveDate::from_ymd_opt(r.tahun, 12, 31),
            Self::Penghargaan(r) => {
                r.sk.as_ref()
                    .map(|sk| sk.tanggal)
                    .or_else(|| NaiveDate::from_ymd_opt(r.tahun, 1, 1))
            }
            Self::Golongan(r) => Some(r.tmt_golongan),
            Self::Pasangan(r) => r.tanggal_menikah,
            Self::Anak(r) => Some(r.tanggal_lahir),
            Self::OrangTua(r) => r.tanggal_lahir,
            Self::Pmk(r) => Some(r.tanggal_mulai),
            Self::PindahInstansi(r) => Some(r.tmt_pindah),
            Self::Cltn(r) => Some(r.tanggal_mulai),
            Self::CpnsPns(r) => Some(r.tmt),
            Self::Organisasi(r) => r.tanggal_mulai,
            Self::HukumanDisiplin(r) => Some(r.tmt_hukuman),
            Self::AngkaKredit(r) => Some(r.selesai_penilaian.hari_pertama()),
            Self::Gaji(r) => Some(r.tmt_gaji),
            Self::Pemberhentian(r) => Some(r.tmt),
        }
    }

    /// The decree behind the row, if it has one.
    pub fn sk(&self) -> Option<&Sk> {
        match self {
            Self::Jabatan(r) => Some(&r.sk),
            Self::Golongan(r) => Some(&r.sk),
            Self::Pmk(r) => Some(&r.sk),
            Self::PindahInstansi(r) => Some(&r.sk),
            Self::Cltn(r) => Some(&r.sk),
            Self::CpnsPns(r) => Some(&r.sk),
            Self::HukumanDisiplin(r) => Some(&r.sk),
            Self::AngkaKredit(r) => Some(&r.sk),
            Self::Gaji(r) => Some(&r.sk),
            Self::Pemberhentian(r) => Some(&r.sk),
            Self::Penghargaan(r) => r.sk.as_ref(),
            Self::Diklat(_)
            | Self::Kursus(_)
            | Self::Pendidikan(_)
            | Self::Skp(_)
            | Self::Skp22(_)
            | Self::Pasangan(_)
            | Self::Anak(_)
            | Self::OrangTua(_)
            | Self::Organisasi(_) => None,
        }
    }
}

/// One stored history row of an employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Riwayat {
    /// Row id.
    pub id: Uuid,
    /// The employee it belongs to.
    pub pegawai_id: Uuid,
    /// The content.
    pub data: DataRiwayat,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut codes: Vec<_> = JenisRiwayat::SEMUA.iter().map(|j| j.kode()).collect();
        for j in JenisRiwayat::SEMUA {
            assert_eq!(JenisRiwayat::from_kode(j.kode()), Some(j));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), JenisRiwayat::SEMUA.len());
    }

    #[test]
    fn pppk_data_set_is_smaller() {
        assert!(JenisRiwayat::Golongan.berlaku_untuk(JenisPegawai::Pns));
        assert!(!JenisRiwayat::Golongan.berlaku_untuk(JenisPegawai::Pppk));
        assert!(JenisRiwayat::Kursus.berlaku_untuk(JenisPegawai::Pppk));
        assert!(!JenisRiwayat::Pasangan.wajib_untuk_pns());
        assert!(JenisRiwayat::CpnsPns.wajib_untuk_pns());
    }
}
