//! A proposal's route: its statuses, who may decide it at each stage, and the proposer's own
//! steps (submit, withdraw, resubmit).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::akses::{LetakPegawai, Pelaku, Peran, meliputi};
use crate::referensi::Verifikator;

/// Where a proposal is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusUsulan {
    /// Saved, not yet submitted; the proposer may still edit it.
    Draf,
    /// Submitted, waiting for the agency's verifier.
    Diajukan,
    /// Returned for correction (BTS): the proposer revises and resubmits.
    Dikembalikan,
    /// Approved by the agency, waiting for BKN (the agency's Kanreg).
    MenungguBkn,
    /// Approved and applied to the record.
    Selesai,
    /// Rejected, with a reason.
    Ditolak,
    /// Withdrawn by the proposer before anyone decided.
    Dibatalkan,
}

impl StatusUsulan {
    /// Every status, in life order.
    pub const SEMUA: [StatusUsulan; 7] = [
        Self::Draf,
        Self::Diajukan,
        Self::Dikembalikan,
        Self::MenungguBkn,
        Self::Selesai,
        Self::Ditolak,
        Self::Dibatalkan,
    ];

    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Draf => "DRAF",
            Self::Diajukan => "DIAJUKAN",
            Self::Dikembalikan => "DIKEMBALIKAN",
            Self::MenungguBkn => "MENUNGGU_BKN",
            Self::Selesai => "SELESAI",
            Self::Ditolak => "DITOLAK",
            Self::Dibatalkan => "DIBATALKAN",
        }
    }

    /// Parses a storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == kode)
    }

    /// Whether nothing more will happen to it.
    pub fn final_(self) -> bool {
        matches!(self, Self::Selesai | Self::Ditolak | Self::Dibatalkan)
    }

    /// The status of proposals waiting at `tahap` (the inverse of [`Self::tahap`]).
    pub fn menunggu_di(tahap: Verifikator) -> Self {
        match tahap {
            Verifikator::Instansi => Self::Diajukan,
            Verifikator::Bkn => Self::MenungguBkn,
        }
    }

    /// The verification stage it waits in, if any.
    pub fn tahap(self) -> Option<Verifikator> {
        match self {
            Self::Diajukan => Some(Verifikator::Instansi),
            Self::MenungguBkn => Some(Verifikator::Bkn),
            _ => None,
        }
    }
}

/// A verifier's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keputusan {
    /// Approve (at the last stage this applies the change).
    Setujui,
    /// Reject, with the reason.
    Tolak {
        /// Why.
        alasan: String,
    },
    /// Return for correction (BTS), with the reason and the documents at fault.
    Kembalikan {
        /// What to fix.
        alasan: String,
        /// Attached documents that must be replaced.
        dokumen: Vec<Uuid>,
    },
}

impl Keputusan {
    /// Code for the audit log and the round history.
    pub fn kode(&self) -> &'static str {
        match self {
            Self::Setujui => "SETUJUI",
            Self::Tolak { .. } => "TOLAK",
            Self::Kembalikan { .. } => "KEMBALIKAN",
        }
    }
}

/// Why someone may not do something to a proposal. `Display` is a stable code for logs; people
/// read the reason through `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TidakBoleh {
    /// The proposal is not waiting for this step.
    #[error("usulan.bukan_giliran")]
    BukanGiliran(StatusUsulan),
    /// Verifying one's own proposal or own record.
    #[error("usulan.usulan_sendiri")]
    UsulanSendiri,
    /// Not a verifier of this stage for this employee.
    #[error("usulan.bukan_verifikator")]
    BukanVerifikator,
    /// Rejecting or returning without saying why.
    #[error("usulan.alasan_wajib")]
    AlasanKosong,
    /// Only the proposer can do this.
    #[error("usulan.bukan_pengusul")]
    BukanPengusul,
}

/// The facts about a proposal that decide who may act on it.
#[derive(Debug, Clone)]
pub struct PosisiUsulan {
    /// Its status.
    pub status: StatusUsulan,
    /// The employee concerned, with agency and Kanreg.
    pub pegawai: LetakPegawai,
    /// The account that proposed it.
    pub pengusul_akun_id: Uuid,
    /// Who verifies last.
    pub rute: Verifikator,
}

/// The stage `pelaku` would decide at, if they may decide now.
pub fn boleh_memutuskan(pelaku: &Pelaku, u: &PosisiUsulan) -> Result<Verifikator, TidakBoleh> {
    let tahap = u.status.tahap().ok_or(TidakBoleh::BukanGiliran(u.status))?;
    if pelaku.akun_id == u.pengusul_akun_id || pelaku.pegawai_id == Some(u.pegawai.pegawai_id) {
        return Err(TidakBoleh::UsulanSendiri);
    }
    let peran = match tahap {
        Verifikator::Instansi => Peran::VerifikatorInstansi,
        Verifikator::Bkn => Peran::VerifikatorBkn,
    };
    let berwenang = pelaku
        .peran
        .iter()
        .filter(|p| p.peran == peran)
        .filter_map(|p| p.cakupan(pelaku.pegawai_id))
        .any(|c| meliputi(&c, &u.pegawai));
    if berwenang {
        Ok(tahap)
    } else {
        Err(TidakBoleh::BukanVerifikator)
    }
}

/// The status after `keputusan` at `tahap` for a proposal routed to `rute`.
pub fn status_setelah(
    tahap: Verifikator,
    rute: Verifikator,
    keputusan: &Keputusan,
) -> Result<StatusUsulan, TidakBoleh> {
    match keputusan {
        Keputusan::Setujui => Ok(match (tahap, rute) {
            (Verifikator::Instansi, Verifikator::Bkn) => StatusUsulan::MenungguBkn,
            _ => StatusUsulan::Selesai,
        }),
        Keputusan::Tolak { alasan } | Keputusan::Kembalikan { alasan, .. }
            if alasan.trim().is_empty() =>
        {
            Err(TidakBoleh::AlasanKosong)
        }
        Keputusan::Tolak { .. } => Ok(StatusUsulan::Ditolak),
        Keputusan::Kembalikan { .. } => Ok(StatusUsulan::Dikembalikan),
    }
}

/// What the proposer may do with their own proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangkahPengusul {
    /// Submit a draft, or resubmit after a return.
    Ajukan,
    /// Withdraw while nobody has decided anything.
    Batalkan,
    /// Edit values or documents (drafts and returned proposals).
    Ubah,
}

/// Checks a proposer's step and gives the status after it. Withdrawing is possible until a
/// verifier approves a stage: once the agency has approved, the proposal is the agency's too.
pub fn boleh_langkah_pengusul(
    langkah: LangkahPengusul,
    status: StatusUsulan,
    pelaku_adalah_pengusul: bool,
) -> Result<StatusUsulan, TidakBoleh> {
    if !pelaku_adalah_pengusul {
        return Err(TidakBoleh::BukanPengusul);
    }
    match (langkah, status) {
        (LangkahPengusul::Ajukan, StatusUsulan::Draf | StatusUsulan::Dikembalikan) => {
            Ok(StatusUsulan::Diajukan)
        }
        (LangkahPengusul::Ubah, StatusUsulan::Draf | StatusUsulan::Dikembalikan) => Ok(status),
        (
            LangkahPengusul::Batalkan,
            StatusUsulan::Draf | StatusUsulan::Diajukan | StatusUsulan::Dikembalikan,
        ) => Ok(StatusUsulan::Dibatalkan),
        _ => Err(TidakBoleh::BukanGiliran(status)),
    }
}
