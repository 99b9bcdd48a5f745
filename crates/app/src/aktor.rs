//! Who acts: an account with its grants, from where, and through which API client if any.

use siasn_domain::akses::Pelaku;
use siasn_domain::akun::Akun;
use siasn_store::audit::AuditBaru;
use uuid::Uuid;

/// The actor of a use case.
#[derive(Debug, Clone)]
pub struct Aktor {
    /// The account with its grants.
    pub pelaku: Pelaku,
    /// Display name (kept in a proposal's history).
    pub nama: String,
    /// Network address the request came from.
    pub alamat: Option<String>,
    /// The API client the account acts through: (id, display name).
    pub klien: Option<(Uuid, String)>,
}

impl Aktor {
    /// An account acting through the pages.
    pub fn akun(akun: &Akun, alamat: Option<String>) -> Self {
        Self {
            pelaku: akun.pelaku(),
            nama: akun.nama.clone(),
            alamat,
            klien: None,
        }
    }

    /// The account's id.
    pub fn akun_id(&self) -> Uuid {
        self.pelaku.akun_id
    }

    /// The label in the audit log: `akun:<id>`, or `klien:<id>/akun:<id>` through the API.
    pub fn label(&self) -> String {
        match &self.klien {
            Some((k, _)) => format!("klien:{k}/akun:{}", self.pelaku.akun_id),
            None => format!("akun:{}", self.pelaku.akun_id),
        }
    }

    /// The name shown in a proposal's history (with the client when through the API).
    pub fn nama_tampil(&self) -> String {
        match &self.klien {
            Some((_, klien)) => format!("{} (via {klien})", self.nama),
            None => self.nama.clone(),
        }
    }

    /// An audit event by this actor.
    pub fn audit(&self, aksi: &str) -> AuditBaru {
        AuditBaru {
            aktor: self.label(),
            aksi: aksi.into(),
            pegawai_id: self.pelaku.pegawai_id,
            akun_id: Some(self.pelaku.akun_id),
            alamat: self.alamat.clone(),
            ..AuditBaru::default()
        }
    }
}
