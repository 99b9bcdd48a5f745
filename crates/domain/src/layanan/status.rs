//! Service-case statuses: ours, each mapped onto SIASN's `statusUsulan` code and name
//! (SERVICES.md §0) so the API reports them as SIASN does, and onto a dashboard bucket.

use serde::{Deserialize, Serialize};

/// Where a service case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusLayanan {
    /// The operator is completing the file (1 Input Berkas).
    InputBerkas,
    /// The file is complete and saved (2 Berkas Disimpan).
    BerkasDisimpan,
    /// Proposed; waiting for the agency official (3 Surat Usulan).
    SuratUsulan,
    /// The agency official approved; at BKN (4 Approval Surat Usulan).
    ApprovalSuratUsulan,
    /// Returned by the agency official (5 Perbaikan Dokumen).
    PerbaikanDokumen,
    /// Rejected by BKN (13 Validasi Usulan – Tidak Memenuhi Syarat): final.
    Tms,
    /// Returned by BKN for documents (14 Validasi Usulan – Perbaikan Dokumen).
    Bts,
    /// Approved by BKN, waiting for the pertek (15 Validasi Usulan – Disetujui).
    ValidasiDisetujui,
    /// The pertek is signed; waiting for the SK (22 Sdh di TTD - Pertek).
    PertekDitandatangani,
    /// The SK is signed and the record updated (31 Telah Update di Profile PNS): final.
    ProfilDiperbarui,
    /// Deleted before it was proposed (99 Usulan Dihapus): final.
    Dihapus,
    /// A transfer waits for the origin agency's consent (our code 101: SIASN's is not published).
    MenungguPersetujuanAsal,
    /// The origin agency refused to release the employee (our code 102): final.
    DitolakInstansiAsal,
    /// The receiving agency's SK is signed; the origin agency's release SK is pending (our 103).
    MenungguSkAsal,
}

/// Dashboard buckets (SERVICES.md §0 "Buckets").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ember {
    /// With the agency operator.
    Input,
    /// Proposed, with the agency official or BKN.
    Diajukan,
    /// Returned for documents.
    Bts,
    /// Rejected.
    Tms,
    /// Pertek signed, SK pending.
    PertekTtd,
    /// SK issued and the record updated.
    Selesai,
    /// Deleted.
    Dihapus,
}

impl Ember {
    /// Every bucket, in dashboard order.
    pub const SEMUA: [Self; 7] = [
        Self::Input,
        Self::Diajukan,
        Self::Bts,
        Self::Tms,
        Self::PertekTtd,
        Self::Selesai,
        Self::Dihapus,
    ];
}

impl StatusLayanan {
    /// Every status, in lifecycle order.
    pub const SEMUA: [Self; 14] = [
        Self::InputBerkas,
        Self::BerkasDisimpan,
        Self::SuratUsulan,
        Self::ApprovalSuratUsulan,
        Self::PerbaikanDokumen,
        Self::Bts,
        Self::Tms,
        Self::ValidasiDisetujui,
        Self::PertekDitandatangani,
        Self::ProfilDiperbarui,
        Self::Dihapus,
        Self::MenungguPersetujuanAsal,
        Self::DitolakInstansiAsal,
        Self::MenungguSkAsal,
    ];

    /// SIASN's `statusUsulan` code (also our storage value).
    pub fn kode_siasn(self) -> i32 {
        match self {
            Self::InputBerkas => 1,
            Self::BerkasDisimpan => 2,
            Self::SuratUsulan => 3,
            Self::ApprovalSuratUsulan => 4,
            Self::PerbaikanDokumen => 5,
            Self::Tms => 13,
            Self::Bts => 14,
            Self::ValidasiDisetujui => 15,
            Self::PertekDitandatangani => 22,
            Self::ProfilDiperbarui => 31,
            Self::Dihapus => 99,
            Self::MenungguPersetujuanAsal => 101,
            Self::DitolakInstansiAsal => 102,
            Self::MenungguSkAsal => 103,
        }
    }

    /// Parses a `statusUsulan` code.
    pub fn from_kode_siasn(kode: i32) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode_siasn() == kode)
    }

    /// SIASN's `statusUsulanNama`, exactly as its clients expect it.
    pub fn nama_siasn(self) -> &'static str {
        match self {
            Self::InputBerkas => "Input Berkas",
            Self::BerkasDisimpan => "Berkas Disimpan",
            Self::SuratUsulan => "Surat Usulan",
            Self::ApprovalSuratUsulan => "Approval Surat Usulan",
            Self::PerbaikanDokumen => "Perbaikan Dokumen",
            Self::Tms => "Validasi Usulan - Tidak Memenuhi Syarat",
            Self::Bts => "Validasi Usulan - Perbaikan Dokumen",
            Self::ValidasiDisetujui => "Validasi Usulan - Disetujui",
            Self::PertekDitandatangani => "Sdh di TTD - Pertek",
            Self::ProfilDiperbarui => "Telah Update di Profile PNS",
            Self::Dihapus => "Usulan Dihapus",
            Self::MenungguPersetujuanAsal => "Menunggu Persetujuan Instansi Asal",
            Self::DitolakInstansiAsal => "Ditolak Instansi Asal",
            Self::MenungguSkAsal => "Menunggu SK Instansi Asal",
        }
    }

    /// The dashboard bucket.
    pub fn ember(self) -> Ember {
        match self {
            Self::InputBerkas | Self::BerkasDisimpan | Self::PerbaikanDokumen => Ember::Input,
            Self::SuratUsulan
            | Self::ApprovalSuratUsulan
            | Self::ValidasiDisetujui
            | Self::MenungguPersetujuanAsal => Ember::Diajukan,
            Self::Bts => Ember::Bts,
            Self::Tms | Self::DitolakInstansiAsal => Ember::Tms,
            Self::PertekDitandatangani | Self::MenungguSkAsal => Ember::PertekTtd,
            Self::ProfilDiperbarui => Ember::Selesai,
            Self::Dihapus => Ember::Dihapus,
        }
    }

    /// Whether nothing more happens to the case.
    pub fn final_(self) -> bool {
        matches!(
            self,
            Self::Tms | Self::ProfilDiperbarui | Self::Dihapus | Self::DitolakInstansiAsal
        )
    }

    /// Statuses at which a case still holds the employee's place for its period (a second
    /// case for the same employee and period is refused while one of these exists).
    pub fn menahan_periode(self) -> bool {
        !matches!(self, Self::Tms | Self::Dihapus | Self::DitolakInstansiAsal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_siasn_codes() {
        for s in StatusLayanan::SEMUA {
            assert_eq!(StatusLayanan::from_kode_siasn(s.kode_siasn()), Some(s));
        }
        assert_eq!(StatusLayanan::PertekDitandatangani.kode_siasn(), 22);
        assert_eq!(StatusLayanan::from_kode_siasn(7), None);
        assert_eq!(StatusLayanan::Bts.ember(), Ember::Bts);
        assert!(!StatusLayanan::Tms.menahan_periode());
        assert!(StatusLayanan::ProfilDiperbarui.menahan_periode());
    }
}
