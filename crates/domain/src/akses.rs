//! Roles and scopes: who may see and change what. Decided here, in one place; the store turns a
//! scope into a WHERE clause so every list and read is filtered in the query itself.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What someone does in the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Peran {
    /// A civil servant: their own record.
    Pegawai,
    /// Agency HR operator: proposes changes for the agency's employees.
    OperatorInstansi,
    /// Agency HR verifier: verifies proposals of the agency.
    VerifikatorInstansi,
    /// Agency HR admin: manages the agency's operator and verifier accounts, fixes e-mails.
    AdminInstansi,
    /// Agency official (PyB/PPK): approves the agency's service proposals and signs its SKs.
    PejabatInstansi,
    /// BKN verifier: verifies BKN-authority data of a Kanreg's agencies (or nationally).
    VerifikatorBkn,
    /// BKN admin: national; manages agencies' admins and BKN accounts.
    AdminBkn,
}

impl Peran {
    /// Every role, least powerful first.
    pub const SEMUA: [Peran; 7] = [
        Self::Pegawai,
        Self::OperatorInstansi,
        Self::VerifikatorInstansi,
        Self::AdminInstansi,
        Self::PejabatInstansi,
        Self::VerifikatorBkn,
        Self::AdminBkn,
    ];

    /// Storage code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Pegawai => "PEGAWAI",
            Self::OperatorInstansi => "OPERATOR_INSTANSI",
            Self::VerifikatorInstansi => "VERIFIKATOR_INSTANSI",
            Self::AdminInstansi => "ADMIN_INSTANSI",
            Self::PejabatInstansi => "PEJABAT_INSTANSI",
            Self::VerifikatorBkn => "VERIFIKATOR_BKN",
            Self::AdminBkn => "ADMIN_BKN",
        }
    }

    /// Parses a storage code (also the lower-case, dashed CLI form "admin-instansi").
    pub fn from_kode(kode: &str) -> Option<Self> {
        let k = kode.trim().to_ascii_uppercase().replace('-', "_");
        Self::SEMUA.into_iter().find(|p| p.kode() == k)
    }

    /// Indonesian label.
    pub fn nama(self) -> &'static str {
        match self {
            Self::Pegawai => "Pegawai",
            Self::OperatorInstansi => "Operator Instansi",
            Self::VerifikatorInstansi => "Verifikator Instansi",
            Self::AdminInstansi => "Admin Instansi",
            Self::PejabatInstansi => "Pejabat Instansi (PyB/PPK)",
            Self::VerifikatorBkn => "Verifikator BKN",
            Self::AdminBkn => "Admin BKN",
        }
    }

    /// Whether holders must use a second factor (everyone but plain employees).
    pub fn wajib_mfa(self) -> bool {
        self != Self::Pegawai
    }

    /// Whether the role is bound to one agency.
    pub fn terikat_instansi(self) -> bool {
        matches!(
            self,
            Self::OperatorInstansi
                | Self::VerifikatorInstansi
                | Self::AdminInstansi
                | Self::PejabatInstansi
        )
    }
}

/// Which employees a grant covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cakupan {
    /// One employee (their own record).
    Diri(Uuid),
    /// Employees working in one agency.
    Instansi(String),
    /// Employees of the agencies of one Kanreg.
    Kanreg(String),
    /// Everyone.
    Nasional,
}

/// One role held by an account, with its scope data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeranAkun {
    /// The role.
    pub peran: Peran,
    /// Agency, for agency roles.
    pub instansi_id: Option<String>,
    /// Kanreg, for a regional BKN verifier (None: national).
    pub kanreg_id: Option<String>,
}

/// Why a grant is not well-formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeranTidakValid {
    /// An agency role without an agency.
    #[error("peran.perlu_instansi")]
    PerluInstansi(&'static str),
    /// A non-agency role with an agency.
    #[error("peran.tanpa_instansi")]
    TanpaInstansi(&'static str),
    /// A Kanreg on a role other than BKN verifier.
    #[error("peran.kanreg_tidak_berlaku")]
    KanregTidakBerlaku,
}

impl PeranAkun {
    /// A checked grant.
    pub fn new(
        peran: Peran,
        instansi_id: Option<String>,
        kanreg_id: Option<String>,
    ) -> Result<Self, PeranTidakValid> {
        match (peran.terikat_instansi(), &instansi_id) {
            (true, None) => return Err(PeranTidakValid::PerluInstansi(peran.nama())),
            (false, Some(_)) => return Err(PeranTidakValid::TanpaInstansi(peran.nama())),
            _ => {}
        }
        if kanreg_id.is_some() && peran != Peran::VerifikatorBkn {
            return Err(PeranTidakValid::KanregTidakBerlaku);
        }
        Ok(Self {
            peran,
            instansi_id,
            kanreg_id,
        })
    }

    /// The employees this grant lets its holder read; `pegawai_id` is the holder's own record.
    pub fn cakupan(&self, pegawai_id: Option<Uuid>) -> Option<Cakupan> {
        match self.peran {
            Peran::Pegawai => pegawai_id.map(Cakupan::Diri),
            Peran::OperatorInstansi
            | Peran::VerifikatorInstansi
            | Peran::AdminInstansi
            | Peran::PejabatInstansi => self.instansi_id.clone().map(Cakupan::Instansi),
            Peran::VerifikatorBkn => Some(
                self.kanreg_id
                    .clone()
                    .map_or(Cakupan::Nasional, Cakupan::Kanreg),
            ),
            Peran::AdminBkn => Some(Cakupan::Nasional),
        }
    }
}

/// Where an employee sits, for scope decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetakPegawai {
    /// The employee.
    pub pegawai_id: Uuid,
    /// The agency they work in.
    pub instansi_id: String,
    /// That agency's Kanreg.
    pub kanreg_id: String,
}

/// The signed-in account and its grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pelaku {
    /// Account id.
    pub akun_id: Uuid,
    /// The account's own employee record, if it is an employee.
    pub pegawai_id: Option<Uuid>,
    /// Grants.
    pub peran: Vec<PeranAkun>,
}

impl Pelaku {
    /// Whether any grant has this role.
    pub fn punya(&self, peran: Peran) -> bool {
        self.peran.iter().any(|p| p.peran == peran)
    }

    /// Whether a second factor is required for this account.
    pub fn wajib_mfa(&self) -> bool {
        self.peran.iter().any(|p| p.peran.wajib_mfa())
    }

    /// Every scope this principal may read employee data in.
    pub fn cakupan_baca(&self) -> Vec<Cakupan> {
        let mut out: Vec<Cakupan> = self
            .peran
            .iter()
            .filter_map(|p| p.cakupan(self.pegawai_id))
            .collect();
        out.dedup();
        out
    }

    /// Whether this principal may read the employee's record.
    pub fn boleh_baca(&self, target: &LetakPegawai) -> bool {
        self.cakupan_baca().iter().any(|c| meliputi(c, target))
    }

    /// Whether this principal may propose changes to the employee's record: their own record,
    /// or as an agency operator for the agency's employees.
    pub fn boleh_usul(&self, target: &LetakPegawai) -> bool {
        self.pegawai_id == Some(target.pegawai_id)
            || self.peran.iter().any(|p| {
                p.peran == Peran::OperatorInstansi
                    && p.instansi_id.as_deref() == Some(target.instansi_id.as_str())
            })
    }

    /// Agencies in which this principal administers employees' accounts (fix e-mail, reset MFA).
    pub fn instansi_yang_diadministrasi(&self) -> Vec<&str> {
        self.peran
            .iter()
            .filter(|p| p.peran == Peran::AdminInstansi)
            .filter_map(|p| p.instansi_id.as_deref())
            .collect()
    }

    /// The verification stages this principal works at, each with the scopes it covers.
    pub fn tahap_verifikasi(&self) -> Vec<(crate::referensi::Verifikator, Vec<Cakupan>)> {
        use crate::referensi::Verifikator;
        let mut out = Vec::new();
        for (tahap, peran) in [
            (Verifikator::Instansi, Peran::VerifikatorInstansi),
            (Verifikator::Bkn, Peran::VerifikatorBkn),
        ] {
            let cakupan: Vec<Cakupan> = self
                .peran
                .iter()
                .filter(|p| p.peran == peran)
                .filter_map(|p| p.cakupan(self.pegawai_id))
                .collect();
            if !cakupan.is_empty() {
                out.push((tahap, cakupan));
            }
        }
        out
    }

    /// Scopes in which this principal manages employees' accounts (empty: not an admin).
    pub fn cakupan_admin(&self) -> Vec<Cakupan> {
        if self.punya(Peran::AdminBkn) {
            return vec![Cakupan::Nasional];
        }
        self.instansi_yang_diadministrasi()
            .into_iter()
            .map(|i| Cakupan::Instansi(i.to_string()))
            .collect()
    }

    /// Whether this principal may fix e-mail and reset MFA of the employee.
    pub fn boleh_administrasi_pegawai(&self, target: &LetakPegawai) -> bool {
        self.punya(Peran::AdminBkn)
            || self
                .instansi_yang_diadministrasi()
                .contains(&target.instansi_id.as_str())
    }

    /// Whether this principal may grant or revoke `grant`.
    ///
    /// Agency admins manage their agency's operators and verifiers; BKN admins manage agency
    /// admins and BKN accounts. Nobody manages grants equal to or above their own level elsewhere.
    pub fn boleh_kelola_peran(&self, grant: &PeranAkun) -> bool {
        match grant.peran {
            Peran::OperatorInstansi | Peran::VerifikatorInstansi | Peran::PejabatInstansi => {
                self.punya(Peran::AdminBkn)
                    || grant
                        .instansi_id
                        .as_deref()
                        .is_some_and(|i| self.instansi_yang_diadministrasi().contains(&i))
            }
            Peran::AdminInstansi | Peran::VerifikatorBkn | Peran::AdminBkn => {
                self.punya(Peran::AdminBkn)
            }
            Peran::Pegawai => false,
        }
    }
}

/// Whether `cakupan` covers the employee.
pub fn meliputi(cakupan: &Cakupan, target: &LetakPegawai) -> bool {
    match cakupan {
        Cakupan::Diri(id) => *id == target.pegawai_id,
        Cakupan::Instansi(i) => *i == target.instansi_id,
        Cakupan::Kanreg(k) => *k == target.kanreg_id,
        Cakupan::Nasional => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(peran: Peran, instansi: Option<&str>, kanreg: Option<&str>) -> PeranAkun {
        PeranAkun::new(
            peran,
            instansi.map(str::to_string),
            kanreg.map(str::to_string),
        )
        .unwrap()
    }

    fn letak(id: Uuid, instansi: &str, kanreg: &str) -> LetakPegawai {
        LetakPegawai {
            pegawai_id: id,
            instansi_id: instansi.into(),
            kanreg_id: kanreg.into(),
        }
    }

    #[test]
    fn grants_are_checked() {
        assert_eq!(
            PeranAkun::new(Peran::OperatorInstansi, None, None),
            Err(PeranTidakValid::PerluInstansi("Operator Instansi"))
        );
        assert!(PeranAkun::new(Peran::AdminBkn, Some("X".into()), None).is_err());
        assert!(PeranAkun::new(Peran::AdminInstansi, Some("X".into()), Some("01".into())).is_err());
        assert!(PeranAkun::new(Peran::VerifikatorBkn, None, Some("03".into())).is_ok());
        assert_eq!(
            Peran::from_kode("admin-instansi"),
            Some(Peran::AdminInstansi)
        );
    }

    #[test]
    fn scope_matrix() {
        let me = Uuid::from_u128(1);
        let other = Uuid::from_u128(2);
        let in_a = letak(other, "A", "03");
        let in_b = letak(other, "B", "04");
        let mine = letak(me, "A", "03");
        let employee = Pelaku {
            akun_id: Uuid::from_u128(10),
            pegawai_id: Some(me),
            peran: vec![grant(Peran::Pegawai, None, None)],
        };
        assert!(employee.boleh_baca(&mine));
        assert!(!employee.boleh_baca(&in_a));
        assert!(!employee.wajib_mfa());

        let operator = Pelaku {
            akun_id: Uuid::from_u128(11),
            pegawai_id: Some(me),
            peran: vec![
                grant(Peran::Pegawai, None, None),
                grant(Peran::OperatorInstansi, Some("A"), None),
            ],
        };
        assert!(operator.boleh_baca(&in_a));
        assert!(!operator.boleh_baca(&in_b));
        assert!(operator.wajib_mfa());
        assert!(!operator.boleh_administrasi_pegawai(&in_a));

        let kanreg = Pelaku {
            akun_id: Uuid::from_u128(12),
            pegawai_id: None,
            peran: vec![grant(Peran::VerifikatorBkn, None, Some("03"))],
        };
        assert!(kanreg.boleh_baca(&in_a));
        assert!(!kanreg.boleh_baca(&in_b));

        let admin_a = Pelaku {
            akun_id: Uuid::from_u128(13),
            pegawai_id: None,
            peran: vec![grant(Peran::AdminInstansi, Some("A"), None)],
        };
        assert!(admin_a.boleh_administrasi_pegawai(&in_a));
        assert!(!admin_a.boleh_administrasi_pegawai(&in_b));
        assert!(admin_a.boleh_kelola_peran(&grant(Peran::OperatorInstansi, Some("A"), None)));
        assert!(!admin_a.boleh_kelola_peran(&grant(Peran::OperatorInstansi, Some("B"), None)));
        assert!(!admin_a.boleh_kelola_peran(&grant(Peran::AdminInstansi, Some("A"), None)));

        let bkn = Pelaku {
            akun_id: Uuid::from_u128(14),
            pegawai_id: None,
            peran: vec![grant(Peran::AdminBkn, None, None)],
        };
        assert!(bkn.boleh_baca(&in_b));
        assert!(bkn.boleh_kelola_peran(&grant(Peran::AdminInstansi, Some("B"), None)));
        assert!(!bkn.boleh_kelola_peran(&grant(Peran::Pegawai, None, None)));
    }
}
