//! Proposals as stored: the proposal itself, its queue row, its attachments and its steps.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::validasi::Temuan;
use super::{Perubahan, PosisiUsulan, Sebelum, StatusUsulan};
use crate::akses::LetakPegawai;
use crate::dokumen::Dokumen;
use crate::referensi::Verifikator;

/// A stored proposal.
#[derive(Debug, Clone)]
pub struct Usulan {
    /// Id.
    pub id: Uuid,
    /// Employee concerned.
    pub pegawai_id: Uuid,
    /// Their agency when proposed.
    pub instansi_id: String,
    /// Its Kanreg.
    pub kanreg_id: String,
    /// Collective batch, if any.
    pub kolektif_id: Option<Uuid>,
    /// Proposer's account.
    pub pengusul_akun_id: Uuid,
    /// The change.
    pub perubahan: Perubahan,
    /// The record as the proposer saw it.
    pub sebelum: Sebelum,
    /// Proposer's note.
    pub catatan: Option<String>,
    /// Warnings.
    pub peringatan: Vec<Temuan>,
    /// Who verifies last.
    pub rute: Verifikator,
    /// Status.
    pub status: StatusUsulan,
    /// Round (1, then +1 per resubmission after a return).
    pub putaran: i32,
    /// Version (optimistic concurrency: every step bumps it).
    pub versi: i64,
    /// Created.
    pub dibuat_pada: DateTime<Utc>,
    /// First submitted.
    pub diajukan_pada: Option<DateTime<Utc>>,
    /// In this status since.
    pub status_sejak: DateTime<Utc>,
}

impl Usulan {
    /// The facts that decide who may act on it.
    pub fn posisi(&self) -> PosisiUsulan {
        PosisiUsulan {
            status: self.status,
            pegawai: LetakPegawai {
                pegawai_id: self.pegawai_id,
                instansi_id: self.instansi_id.clone(),
                kanreg_id: self.kanreg_id.clone(),
            },
            pengusul_akun_id: self.pengusul_akun_id,
            rute: self.rute,
        }
    }
}

/// A queue or list row, with the employee's name and NIP.
#[derive(Debug, Clone)]
pub struct RingkasanUsulan {
    /// Id.
    pub id: Uuid,
    /// Employee.
    pub pegawai_id: Uuid,
    /// Employee's NIP.
    pub nip: String,
    /// Employee's name.
    pub nama: String,
    /// Change kind code.
    pub jenis: String,
    /// Status.
    pub status: StatusUsulan,
    /// In this status since.
    pub status_sejak: DateTime<Utc>,
    /// Collective batch.
    pub kolektif_id: Option<Uuid>,
    /// Number of warnings.
    pub peringatan: usize,
}

/// A document attached to a proposal, with the hash frozen at submission.
#[derive(Debug, Clone)]
pub struct LampiranUsulan {
    /// The archive document.
    pub dokumen: Dokumen,
    /// Hash frozen when attached.
    pub sha256_beku: String,
}

/// One step in a proposal's life.
#[derive(Debug, Clone)]
pub struct JejakUsulan {
    /// Round.
    pub putaran: i32,
    /// When.
    pub waktu: DateTime<Utc>,
    /// Who (display name).
    pub aktor: String,
    /// What ("AJUKAN", "SETUJUI", "KEMBALIKAN", ...).
    pub langkah: String,
    /// Status after.
    pub status_ke: String,
    /// Reason given.
    pub alasan: Option<String>,
}
