//! Personnel services (layanan kepegawaian) on one engine: a service case (usul layanan) moves
//! through SIASN's statuses by steps, each done by one kind of actor. Promotion, retirement,
//! transfer and NIP assignment share this lifecycle (SERVICES.md §0); what differs between them
//! — the case's own data, the documents, who decides — is reference data or a module beside
//! this one ([`kp`]).

pub mod cltn;
pub mod cpns;
pub mod kp;
pub mod pensiun;
pub mod pindah;
mod status;

use serde::{Deserialize, Serialize};

pub use status::{Ember, StatusLayanan};

/// Which service a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisLayanan {
    /// Kenaikan pangkat (promotion).
    KenaikanPangkat,
    /// Pensiun and pemberhentian (retirement and dismissal).
    Pensiun,
    /// Cuti di luar tanggungan negara: grant, extension, return.
    Cltn,
    /// Masa persiapan pensiun (pre-retirement leave), granted by the agency.
    Mpp,
    /// Pemberhentian sementara while detained (and the return), set by the agency.
    PemberhentianSementara,
    /// Pindah instansi: a transfer to another agency, proposed by the receiving one.
    PindahInstansi,
    /// Pengangkatan CPNS: the SK CPNS after BKN assigned the NIP.
    Cpns,
}

impl JenisLayanan {
    /// Every service, in menu order.
    pub const SEMUA: [Self; 7] = [
        Self::KenaikanPangkat,
        Self::Pensiun,
        Self::Cltn,
        Self::Mpp,
        Self::PemberhentianSementara,
        Self::PindahInstansi,
        Self::Cpns,
    ];

    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::KenaikanPangkat => "KP",
            Self::Pensiun => "PENSIUN",
            Self::Cltn => "CLTN",
            Self::Mpp => "MPP",
            Self::PemberhentianSementara => "PS",
            Self::PindahInstansi => "PI",
            Self::Cpns => "CPNS",
        }
    }

    /// Whether BKN validates the case and issues a pertek before the SK. MPP and a
    /// temporary dismissal while detained are the PPK's own decisions (PP 11/2017 Ps 280,
    /// Ps 350): the agency official signs the proposal's SK directly. So is the SK CPNS: BKN's
    /// part, the NIP assignment, came before the case.
    pub fn perlu_pertek(self) -> bool {
        !matches!(self, Self::Mpp | Self::PemberhentianSementara | Self::Cpns)
    }

    /// The statuses a case passes on its happy path (what the employee and staff follow).
    pub fn jalur_utama(self) -> &'static [StatusLayanan] {
        use StatusLayanan as S;
        if self == Self::PindahInstansi {
            &[
                S::InputBerkas,
                S::SuratUsulan,
                S::MenungguPersetujuanAsal,
                S::ApprovalSuratUsulan,
                S::ValidasiDisetujui,
                S::PertekDitandatangani,
                S::MenungguSkAsal,
                S::ProfilDiperbarui,
            ]
        } else if self.perlu_pertek() {
            &[
                S::InputBerkas,
                S::SuratUsulan,
                S::ApprovalSuratUsulan,
                S::ValidasiDisetujui,
                S::PertekDitandatangani,
                S::ProfilDiperbarui,
            ]
        } else {
            &[S::InputBerkas, S::SuratUsulan, S::ProfilDiperbarui]
        }
    }

    /// The lifecycle of its cases.
    pub fn alur(self) -> &'static [Aturan] {
        if self == Self::PindahInstansi {
            ALUR_PINDAH
        } else if self.perlu_pertek() {
            ALUR
        } else {
            ALUR_INSTANSI
        }
    }

    /// Parses a storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|j| j.kode() == kode)
    }
}

/// Who does a step. The agency official (PyB/PPK) and the BKN side are separate actors, and
/// the person who proposed a case never decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pelaksana {
    /// The agency HR operator (completes the file, proposes, uploads an SK signed outside).
    OperatorInstansi,
    /// The agency official (PyB/PPK): approves the proposal, signs the SK.
    PejabatInstansi,
    /// BKN central or the Kanreg: validates, issues the pertek.
    Bkn,
    /// The official of the agency an employee transfers from: consents, signs the release.
    PejabatInstansiAsal,
}

/// A step of a service case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Langkah {
    /// A case is started (from the prediction or by hand).
    Buat,
    /// The file is saved complete: every required document is attached.
    SimpanBerkas,
    /// The operator proposes the case to the agency official.
    Ajukan,
    /// The agency official approves the proposal; it goes to BKN.
    SetujuiInstansi,
    /// The agency official returns it to the operator (reason).
    KembalikanInstansi,
    /// BKN approves it (validasi: disetujui).
    SetujuiBkn,
    /// BKN returns it for documents (BTS, reason); the operator resubmits in a new round.
    Bts,
    /// BKN rejects it (TMS, reason): final.
    Tms,
    /// BKN numbers and signs the pertek.
    TerbitkanPertek,
    /// The agency official signs the SK; the record is updated in the same transaction.
    TandatanganiSk,
    /// An SK signed outside the system is uploaded; the record is updated likewise.
    UnggahSk,
    /// The operator deletes a case that was not proposed yet.
    Hapus,
    /// The origin agency's official consents to release the employee (transfer).
    SetujuiAsal,
    /// The origin agency's official refuses (reason): final.
    TolakAsal,
    /// The origin agency's official signs the SK releasing the old position (transfer).
    TandatanganiSkAsal,
}

/// One rule of the lifecycle: the step, the statuses it may start from, where it goes, who.
#[derive(Debug, Clone, Copy)]
pub struct Aturan {
    /// The step.
    pub langkah: Langkah,
    /// Statuses the step may be taken from.
    pub dari: &'static [StatusLayanan],
    /// Status after the step.
    pub ke: StatusLayanan,
    /// Who takes it.
    pub pelaksana: Pelaksana,
    /// Whether the step needs a reason.
    pub perlu_alasan: bool,
}

use StatusLayanan as S;

/// The lifecycle every service shares. A returned case (by the agency official or BKN) goes
/// back to the operator, who completes the file again and proposes it in a new round.
pub const ALUR: &[Aturan] = &[
    aturan(
        Langkah::SimpanBerkas,
        &[
            S::InputBerkas,
            S::BerkasDisimpan,
            S::PerbaikanDokumen,
            S::Bts,
        ],
        S::BerkasDisimpan,
        Pelaksana::OperatorInstansi,
        false,
    ),
    aturan(
        Langkah::Ajukan,
        &[S::BerkasDisimpan],
        S::SuratUsulan,
        Pelaksana::OperatorInstansi,
        false,
    ),
    aturan(
        Langkah::SetujuiInstansi,
        &[S::SuratUsulan],
        S::ApprovalSuratUsulan,
        Pelaksana::PejabatInstansi,
        false,
    ),
    aturan(
        Langkah::KembalikanInstansi,
        &[S::SuratUsulan],
        S::PerbaikanDokumen,
        Pelaksana::PejabatInstansi,
        true,
    ),
    aturan(
        Langkah::SetujuiBkn,
        &[S::ApprovalSuratUsulan],
        S::ValidasiDisetujui,
        Pelaksana::Bkn,
        false,
    ),
    aturan(
        Langkah::Bts,
        &[S::ApprovalSuratUsulan],
        S::Bts,
        Pelaksana::Bkn,
        true,
    ),
    aturan(
        Langkah::Tms,
        &[S::ApprovalSuratUsulan],
        S::Tms,
        Pelaksana::Bkn,
        true,
    ),
    aturan(
        Langkah::TerbitkanPertek,
        &[S::ValidasiDisetujui],
        S::PertekDitandatangani,
        Pelaksana::Bkn,
        false,
    ),
    aturan(
        Langkah::TandatanganiSk,
        &[S::PertekDitandatangani],
        S::ProfilDiperbarui,
        Pelaksana::PejabatInstansi,
        false,
    ),
    aturan(
        Langkah::UnggahSk,
        &[S::PertekDitandatangani],
        S::ProfilDiperbarui,
        Pelaksana::OperatorInstansi,
        false,
    ),
    aturan(
        Langkah::Hapus,
        &[
            S::InputBerkas,
            S::BerkasDisimpan,
            S::PerbaikanDokumen,
            S::Bts,
        ],
        S::Dihapus,
        Pelaksana::OperatorInstansi,
        false,
    ),
];

/// The lifecycle of a transfer: after the receiving official approves, the origin agency's
/// official consents (or refuses) before BKN; after the pertek, the receiving agency's SK
/// (signed here or uploaded) and then the origin agency's release SK.
pub const ALUR_PINDAH: &[Aturan] = &[
    ALUR[0],
    ALUR[1],
    aturan(
        Langkah::SetujuiInstansi,
        &[S::SuratUsulan],
        S::MenungguPersetujuanAsal,
        Pelaksana::PejabatInstansi,
        false,
    ),
    ALUR[3],
    aturan(
        Langkah::SetujuiAsal,
        &[S::MenungguPersetujuanAsal],
        S::ApprovalSuratUsulan,
        Pelaksana::PejabatInstansiAsal,
        false,
    ),
    aturan(
        Langkah::TolakAsal,
        &[S::MenungguPersetujuanAsal],
        S::DitolakInstansiAsal,
        Pelaksana::PejabatInstansiAsal,
        true,
    ),
    ALUR[4],
    ALUR[5],
    ALUR[6],
    ALUR[7],
    aturan(
        Langkah::TandatanganiSk,
        &[S::PertekDitandatangani],
        S::MenungguSkAsal,
        Pelaksana::PejabatInstansi,
        false,
    ),
    aturan(
        Langkah::UnggahSk,
        &[S::PertekDitandatangani],
        S::MenungguSkAsal,
        Pelaksana::OperatorInstansi,
        false,
    ),
    aturan(
        Langkah::TandatanganiSkAsal,
        &[S::MenungguSkAsal],
        S::ProfilDiperbarui,
        Pelaksana::PejabatInstansiAsal,
        false,
    ),
    ALUR[10],
];

/// The lifecycle of a service the agency decides alone: proposed by the operator, then the
/// agency official signs the SK or returns the case.
pub const ALUR_INSTANSI: &[Aturan] = &[
    ALUR[0],
    ALUR[1],
    aturan(
        Langkah::KembalikanInstansi,
        &[S::SuratUsulan],
        S::PerbaikanDokumen,
        Pelaksana::PejabatInstansi,
        true,
    ),
    aturan(
        Langkah::TandatanganiSk,
        &[S::SuratUsulan],
        S::ProfilDiperbarui,
        Pelaksana::PejabatInstansi,
        false,
    ),
    aturan(
        Langkah::Hapus,
        &[S::InputBerkas, S::BerkasDisimpan, S::PerbaikanDokumen],
        S::Dihapus,
        Pelaksana::OperatorInstansi,
        false,
    ),
];

const fn aturan(
    langkah: Langkah,
    dari: &'static [StatusLayanan],
    ke: StatusLayanan,
    pelaksana: Pelaksana,
    perlu_alasan: bool,
) -> Aturan {
    Aturan {
        langkah,
        dari,
        ke,
        pelaksana,
        perlu_alasan,
    }
}

impl Langkah {
    /// Storage code (the case log).
    pub fn kode(self) -> &'static str {
        match self {
            Self::Buat => "BUAT",
            Self::SimpanBerkas => "SIMPAN_BERKAS",
            Self::Ajukan => "AJUKAN",
            Self::SetujuiInstansi => "SETUJUI_INSTANSI",
            Self::KembalikanInstansi => "KEMBALIKAN_INSTANSI",
            Self::SetujuiBkn => "SETUJUI_BKN",
            Self::Bts => "BTS",
            Self::Tms => "TMS",
            Self::TerbitkanPertek => "TERBITKAN_PERTEK",
            Self::TandatanganiSk => "TANDATANGANI_SK",
            Self::UnggahSk => "UNGGAH_SK",
            Self::Hapus => "HAPUS",
            Self::SetujuiAsal => "SETUJUI_ASAL",
            Self::TolakAsal => "TOLAK_ASAL",
            Self::TandatanganiSkAsal => "TANDATANGANI_SK_ASAL",
        }
    }

    /// Parses a storage code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        [
            Self::Buat,
            Self::SimpanBerkas,
            Self::Ajukan,
            Self::SetujuiInstansi,
            Self::KembalikanInstansi,
            Self::SetujuiBkn,
            Self::Bts,
            Self::Tms,
            Self::TerbitkanPertek,
            Self::TandatanganiSk,
            Self::UnggahSk,
            Self::Hapus,
            Self::SetujuiAsal,
            Self::TolakAsal,
            Self::TandatanganiSkAsal,
        ]
        .into_iter()
        .find(|l| l.kode() == kode)
    }

    /// The lifecycle rule of this step (every step but [`Langkah::Buat`] has one).
    pub fn aturan(self) -> Option<&'static Aturan> {
        ALUR.iter().find(|a| a.langkah == self)
    }

    /// The rule of this step in `alur`.
    pub fn aturan_dalam(self, alur: &'static [Aturan]) -> Option<&'static Aturan> {
        alur.iter().find(|a| a.langkah == self)
    }
}

/// Why a step may not be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LangkahDitolak {
    /// The case is not at a status the step starts from.
    #[error("layanan.status_tidak_sesuai")]
    StatusTidakSesuai,
    /// The actor is not the kind of actor the step needs.
    #[error("layanan.bukan_pelaksana")]
    BukanPelaksana,
    /// The actor proposed or is the subject of the case; someone else decides it.
    #[error("layanan.memutuskan_sendiri")]
    MemutuskanSendiri,
    /// The step needs a reason.
    #[error("layanan.perlu_alasan")]
    PerluAlasan,
    /// Required documents are missing.
    #[error("layanan.berkas_belum_lengkap")]
    BerkasBelumLengkap,
    /// Today is outside the period's proposal window.
    #[error("layanan.di_luar_jadwal")]
    DiLuarJadwal {
        /// Window opens.
        buka: chrono::NaiveDate,
        /// Window closes.
        tutup: chrono::NaiveDate,
    },
    /// The document's type is not one the service needs.
    #[error("layanan.jenis_dokumen")]
    JenisDokumenTidakSesuai,
    /// The record changed since the case was made (e.g. the rank is no longer the old one).
    #[error("layanan.data_berubah")]
    DataBerubah,
    /// The TMT is not a date of the period calendar.
    #[error("layanan.bukan_periode")]
    BukanPeriode,
    /// The employee does not meet the conditions (the reasons are in the prediction).
    #[error("layanan.belum_memenuhi")]
    BelumMemenuhi,
    /// A live case for the employee, service and period already exists.
    #[error("layanan.sudah_ada")]
    SudahAda,
    /// The employee is not an active PNS with a rank (nothing to promote).
    #[error("layanan.bukan_kandidat")]
    BukanKandidat,
    /// Nobody is set to decide such a case (the "who decides" table has no row for it).
    #[error("layanan.tanpa_tujuan")]
    TanpaTujuan,
    /// The SK date or number is missing or impossible.
    #[error("layanan.sk_tidak_sah")]
    SkTidakSah,
    /// The electronic signature the step needs was not made.
    #[error("layanan.ttd")]
    Ttd(crate::ttd::AlasanTtd),
}

/// Whether `langkah` may be taken now; the rule says where it leads.
pub fn boleh(
    jenis: JenisLayanan,
    langkah: Langkah,
    status: StatusLayanan,
    aktor: &[Pelaksana],
    pengusul: bool,
    subjek: bool,
    alasan: Option<&str>,
) -> Result<&'static Aturan, LangkahDitolak> {
    let aturan = langkah
        .aturan_dalam(jenis.alur())
        .ok_or(LangkahDitolak::StatusTidakSesuai)?;
    if !aktor.contains(&aturan.pelaksana) {
        return Err(LangkahDitolak::BukanPelaksana);
    }
    if !aturan.dari.contains(&status) {
        return Err(LangkahDitolak::StatusTidakSesuai);
    }
    // The operator acts on their own proposals; a decision is someone else's.
    if subjek || (pengusul && aturan.pelaksana != Pelaksana::OperatorInstansi) {
        return Err(LangkahDitolak::MemutuskanSendiri);
    }
    if aturan.perlu_alasan && alasan.is_none_or(|a| a.trim().is_empty()) {
        return Err(LangkahDitolak::PerluAlasan);
    }
    Ok(aturan)
}

/// The steps `aktor` could take now (for showing buttons).
pub fn langkah_tersedia(
    jenis: JenisLayanan,
    status: StatusLayanan,
    aktor: &[Pelaksana],
    pengusul: bool,
    subjek: bool,
) -> Vec<Langkah> {
    jenis
        .alur()
        .iter()
        .filter(|a| boleh(jenis, a.langkah, status, aktor, pengusul, subjek, Some("x")).is_ok())
        .map(|a| a.langkah)
        .collect()
}

/// The kinds of actor `pelaku` is for a case of the agency `instansi_id` (Kanreg `kanreg_id`)
/// decided at `tujuan`: the agency's operator and official by their grants (for a transfer,
/// the origin agency `instansi_asal_id`'s official too); BKN by a national verifier grant, or a
/// Kanreg one for the cases its Kanreg decides.
pub fn pelaksana(
    pelaku: &crate::akses::Pelaku,
    instansi_id: &str,
    instansi_asal_id: Option<&str>,
    kanreg_id: &str,
    tujuan: kp::Tujuan,
) -> Vec<Pelaksana> {
    use crate::akses::Peran;
    let mut out = Vec::new();
    for g in &pelaku.peran {
        let milik_instansi = g.instansi_id.as_deref() == Some(instansi_id);
        let milik_asal = instansi_asal_id.is_some() && g.instansi_id.as_deref() == instansi_asal_id;
        let p = match g.peran {
            Peran::OperatorInstansi if milik_instansi => Pelaksana::OperatorInstansi,
            Peran::PejabatInstansi if milik_instansi => Pelaksana::PejabatInstansi,
            Peran::PejabatInstansi if milik_asal => Pelaksana::PejabatInstansiAsal,
            Peran::VerifikatorBkn
                if g.kanreg_id.is_none()
                    || (g.kanreg_id.as_deref() == Some(kanreg_id)
                        && tujuan == kp::Tujuan::Kanreg) =>
            {
                Pelaksana::Bkn
            }
            _ => continue,
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// Which documents a case needs: each requirement is met by any one of its document types
/// (e.g. "the last rank decree, or the PNS decree for a first promotion").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyaratDokumen {
    /// Accepted ref-dokumen ids (any one).
    pub jenis_dokumen: Vec<String>,
}

/// The requirements not met by the attached document types.
pub fn syarat_kurang<'a>(
    syarat: &'a [SyaratDokumen],
    terlampir: &[&str],
) -> Vec<&'a SyaratDokumen> {
    syarat
        .iter()
        .filter(|s| {
            !s.jenis_dokumen
                .iter()
                .any(|j| terlampir.contains(&j.as_str()))
        })
        .collect()
}

/// Whether a document type may be attached to a case with these requirements.
pub fn dokumen_diterima(syarat: &[SyaratDokumen], jenis_dokumen: &str) -> bool {
    syarat
        .iter()
        .any(|s| s.jenis_dokumen.iter().any(|j| j == jenis_dokumen))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KP: JenisLayanan = JenisLayanan::KenaikanPangkat;

    const OP: &[Pelaksana] = &[Pelaksana::OperatorInstansi];
    const PJ: &[Pelaksana] = &[Pelaksana::PejabatInstansi];
    const BKN: &[Pelaksana] = &[Pelaksana::Bkn];

    #[test]
    fn the_happy_path_walks_every_status() {
        let mut s = S::InputBerkas;
        for (l, a) in [
            (Langkah::SimpanBerkas, OP),
            (Langkah::Ajukan, OP),
            (Langkah::SetujuiInstansi, PJ),
            (Langkah::SetujuiBkn, BKN),
            (Langkah::TerbitkanPertek, BKN),
            (Langkah::TandatanganiSk, PJ),
        ] {
            s = boleh(KP, l, s, a, false, false, None).unwrap().ke;
        }
        assert_eq!(s, S::ProfilDiperbarui);
        assert_eq!(s.kode_siasn(), 31);
        assert!(s.final_());
    }

    #[test]
    fn wrong_actor_wrong_status_self_and_missing_reason_are_refused() {
        assert_eq!(
            boleh(
                KP,
                Langkah::SetujuiBkn,
                S::ApprovalSuratUsulan,
                PJ,
                false,
                false,
                None
            )
            .unwrap_err(),
            LangkahDitolak::BukanPelaksana
        );
        assert_eq!(
            boleh(
                KP,
                Langkah::TandatanganiSk,
                S::ValidasiDisetujui,
                PJ,
                false,
                false,
                None
            )
            .unwrap_err(),
            LangkahDitolak::StatusTidakSesuai
        );
        assert_eq!(
            boleh(
                KP,
                Langkah::SetujuiInstansi,
                S::SuratUsulan,
                PJ,
                true,
                false,
                None
            )
            .unwrap_err(),
            LangkahDitolak::MemutuskanSendiri
        );
        assert_eq!(
            boleh(
                KP,
                Langkah::SetujuiBkn,
                S::ApprovalSuratUsulan,
                BKN,
                false,
                true,
                None
            )
            .unwrap_err(),
            LangkahDitolak::MemutuskanSendiri
        );
        assert_eq!(
            boleh(
                KP,
                Langkah::Tms,
                S::ApprovalSuratUsulan,
                BKN,
                false,
                false,
                Some("  ")
            )
            .unwrap_err(),
            LangkahDitolak::PerluAlasan
        );
        // The operator proposes their own case.
        assert!(
            boleh(
                KP,
                Langkah::Ajukan,
                S::BerkasDisimpan,
                OP,
                true,
                false,
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn bts_and_return_go_back_to_the_operator() {
        let s = boleh(
            KP,
            Langkah::Bts,
            S::ApprovalSuratUsulan,
            BKN,
            false,
            false,
            Some("SKP 2024 buram"),
        )
        .unwrap()
        .ke;
        assert_eq!(s.ember(), Ember::Bts);
        assert_eq!(
            langkah_tersedia(KP, s, OP, true, false),
            vec![Langkah::SimpanBerkas, Langkah::Hapus]
        );
        assert!(langkah_tersedia(KP, S::Tms, OP, true, false).is_empty());
        assert!(S::Tms.final_());
    }

    #[test]
    fn documents_any_of_each_requirement() {
        let syarat = vec![
            SyaratDokumen {
                jenis_dokumen: vec!["L02".into(), "887".into()],
            },
            SyaratDokumen {
                jenis_dokumen: vec!["891".into()],
            },
        ];
        assert_eq!(syarat_kurang(&syarat, &["887"]), vec![&syarat[1]]);
        assert!(syarat_kurang(&syarat, &["L02", "891"]).is_empty());
        assert!(dokumen_diterima(&syarat, "891"));
        assert!(!dokumen_diterima(&syarat, "L03"));
    }

    #[test]
    fn codes_round_trip() {
        for a in ALUR.iter().chain(ALUR_PINDAH) {
            assert_eq!(Langkah::from_kode(a.langkah.kode()), Some(a.langkah));
        }
        assert_eq!(
            JenisLayanan::from_kode("KP"),
            Some(JenisLayanan::KenaikanPangkat)
        );
    }

    #[test]
    fn a_transfer_needs_the_origin_agency_twice() {
        const PI: JenisLayanan = JenisLayanan::PindahInstansi;
        const ASAL: &[Pelaksana] = &[Pelaksana::PejabatInstansiAsal];
        let mut s = S::InputBerkas;
        for (l, a) in [
            (Langkah::SimpanBerkas, OP),
            (Langkah::Ajukan, OP),
            (Langkah::SetujuiInstansi, PJ),
            (Langkah::SetujuiAsal, ASAL),
            (Langkah::SetujuiBkn, BKN),
            (Langkah::TerbitkanPertek, BKN),
            (Langkah::TandatanganiSk, PJ),
            (Langkah::TandatanganiSkAsal, ASAL),
        ] {
            s = boleh(PI, l, s, a, false, false, None).unwrap().ke;
            assert!(
                s == S::BerkasDisimpan || PI.jalur_utama().contains(&s),
                "{s:?}"
            );
        }
        assert_eq!(s, S::ProfilDiperbarui);
        // The receiving official cannot consent for the origin, nor BKN skip the consent.
        assert_eq!(
            boleh(
                PI,
                Langkah::SetujuiAsal,
                S::MenungguPersetujuanAsal,
                PJ,
                false,
                false,
                None
            )
            .err(),
            Some(LangkahDitolak::BukanPelaksana)
        );
        assert_eq!(
            boleh(
                PI,
                Langkah::SetujuiBkn,
                S::MenungguPersetujuanAsal,
                BKN,
                false,
                false,
                None
            )
            .err(),
            Some(LangkahDitolak::StatusTidakSesuai)
        );
        // A refusal needs its reason and ends the case, freeing the employee's place.
        assert_eq!(
            boleh(
                PI,
                Langkah::TolakAsal,
                S::MenungguPersetujuanAsal,
                ASAL,
                false,
                false,
                None
            )
            .err(),
            Some(LangkahDitolak::PerluAlasan)
        );
        let tolak = boleh(
            PI,
            Langkah::TolakAsal,
            S::MenungguPersetujuanAsal,
            ASAL,
            false,
            false,
            Some("masih dibutuhkan"),
        )
        .unwrap()
        .ke;
        assert!(tolak.final_() && !tolak.menahan_periode());
        // Other services know nothing of the origin agency.
        assert!(
            boleh(
                KP,
                Langkah::SetujuiAsal,
                S::SuratUsulan,
                ASAL,
                false,
                false,
                None
            )
            .is_err()
        );
    }

    #[test]
    fn the_origin_official_is_recognised_by_the_origin_agency() {
        use crate::akses::{Pelaku, Peran, PeranAkun};
        let pelaku = Pelaku {
            akun_id: uuid::Uuid::nil(),
            pegawai_id: None,
            peran: vec![PeranAkun::new(Peran::PejabatInstansi, Some("A".into()), None).unwrap()],
        };
        assert_eq!(
            pelaksana(&pelaku, "B", Some("A"), "03", kp::Tujuan::Kanreg),
            vec![Pelaksana::PejabatInstansiAsal]
        );
        assert_eq!(
            pelaksana(&pelaku, "A", None, "03", kp::Tujuan::Kanreg),
            vec![Pelaksana::PejabatInstansi]
        );
        assert!(pelaksana(&pelaku, "B", None, "03", kp::Tujuan::Kanreg).is_empty());
    }

    #[test]
    fn an_agency_decision_skips_bkn() {
        const MPP: JenisLayanan = JenisLayanan::Mpp;
        assert!(!MPP.perlu_pertek());
        assert!(KP.perlu_pertek());
        let mut s = S::InputBerkas;
        for (l, a) in [
            (Langkah::SimpanBerkas, OP),
            (Langkah::Ajukan, OP),
            (Langkah::TandatanganiSk, PJ),
        ] {
            s = boleh(MPP, l, s, a, false, false, None).unwrap().ke;
        }
        assert_eq!(s, S::ProfilDiperbarui);
        // No BKN step and no approval to BKN exist for it.
        assert_eq!(
            boleh(
                MPP,
                Langkah::SetujuiInstansi,
                S::SuratUsulan,
                PJ,
                false,
                false,
                None
            )
            .err(),
            Some(LangkahDitolak::StatusTidakSesuai)
        );
        assert_eq!(
            langkah_tersedia(MPP, S::SuratUsulan, PJ, false, false),
            vec![Langkah::KembalikanInstansi, Langkah::TandatanganiSk]
        );
        // A promotion's SK still needs the pertek first.
        assert!(
            boleh(
                KP,
                Langkah::TandatanganiSk,
                S::SuratUsulan,
                PJ,
                false,
                false,
                None
            )
            .is_err()
        );
    }
}

/// A service's own data (SIASN's `usulan_data`), by service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "layanan", rename_all = "snake_case")]
pub enum DataLayanan {
    /// Promotion.
    Kp(kp::DataKp),
    /// Retirement or dismissal.
    Pensiun(Box<pensiun::DataPensiun>),
    /// Unpaid leave.
    Cltn(Box<cltn::DataCltn>),
    /// Transfer between agencies.
    Pindah(Box<pindah::DataPindah>),
    /// SK CPNS.
    Cpns(Box<cpns::DataCpns>),
}

/// A numbered, dated letter of a case (pertek or SK) and the archive document holding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Surat {
    /// Number as written on it.
    pub nomor: String,
    /// Date.
    pub tanggal: chrono::NaiveDate,
    /// The PDF in the employee's archive, if there is one.
    pub dokumen_id: Option<uuid::Uuid>,
}

/// A service case (usul layanan).
#[derive(Debug, Clone, PartialEq)]
pub struct KasusLayanan {
    /// Id.
    pub id: uuid::Uuid,
    /// Which service.
    pub jenis: JenisLayanan,
    /// Sub-kind (jenis KP, …).
    pub sub_jenis: String,
    /// The period (KP: the TMT).
    pub periode: chrono::NaiveDate,
    /// Employee.
    pub pegawai_id: uuid::Uuid,
    /// Their NIP (for lists).
    pub nip: String,
    /// Their name (for lists).
    pub nama: String,
    /// The agency whose operator keeps the case (for a transfer, the receiving one).
    pub instansi_id: String,
    /// For a transfer, the agency the employee leaves (its official consents and releases).
    pub instansi_asal_id: Option<String>,
    /// That agency's Kanreg.
    pub kanreg_id: String,
    /// Who decides at BKN.
    pub tujuan: kp::Tujuan,
    /// The account that started the case.
    pub pengusul_akun_id: Option<uuid::Uuid>,
    /// Status.
    pub status: StatusLayanan,
    /// The service's own data.
    pub data: DataLayanan,
    /// Round (a resubmission after a return starts the next).
    pub putaran: i32,
    /// Version, for "exactly one wins".
    pub versi: i64,
    /// Reason of the last return or rejection.
    pub alasan: Option<String>,
    /// The pertek, once issued.
    pub pertek: Option<Surat>,
    /// The SK, once issued.
    pub sk: Option<Surat>,
    /// Started.
    pub dibuat_pada: chrono::DateTime<chrono::Utc>,
    /// At the current status since.
    pub status_sejak: chrono::DateTime<chrono::Utc>,
}

impl KasusLayanan {
    /// The promotion data, for a promotion case.
    pub fn kp(&self) -> Option<&kp::DataKp> {
        match &self.data {
            DataLayanan::Kp(d) => Some(d),
            _ => None,
        }
    }

    /// The retirement data, for a pension case.
    pub fn pensiun(&self) -> Option<&pensiun::DataPensiun> {
        match &self.data {
            DataLayanan::Pensiun(d) => Some(d),
            _ => None,
        }
    }

    /// The leave data, for a CLTN case.
    pub fn cltn(&self) -> Option<&cltn::DataCltn> {
        match &self.data {
            DataLayanan::Cltn(d) => Some(d),
            _ => None,
        }
    }

    /// The transfer data, for a transfer case.
    pub fn pindah(&self) -> Option<&pindah::DataPindah> {
        match &self.data {
            DataLayanan::Pindah(d) => Some(d),
            _ => None,
        }
    }
}
