//! The formasi register (peta jabatan): for each post of a unit, how many holders its
//! workload analysis (ABK) needs, against how many occupy it now (bezetting). A return to
//! duty after leave, a term of office or a detention goes only into a post with a vacancy
//! (SERVICES.md §5, §6).

use serde::{Deserialize, Serialize};

/// One post's need and occupancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formasi {
    /// Holders the workload analysis needs (kebutuhan ABK).
    pub kebutuhan: u32,
    /// Holders occupying it now (bezetting).
    pub terisi: u32,
}

impl Formasi {
    /// Places still open (never negative: an over-filled post has none).
    pub fn lowong(self) -> u32 {
        self.kebutuhan.saturating_sub(self.terisi)
    }
}

/// Kedudukan hukum whose holders occupy their post: active, and on study assignment (which
/// keeps the post). Leave, state office, detention and MPP release it.
pub const MENDUDUKI_JABATAN: [&str; 2] = ["01", "03"];

/// The most holders one post may be planned for (a typo guard, not a rule).
pub const KEBUTUHAN_MAKS: u32 = 10_000;

/// Why a register change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FormasiDitolak {
    /// The unit is not the agency's.
    #[error("formasi.unor_lain")]
    UnorLain,
    /// No position named.
    #[error("formasi.tanpa_jabatan")]
    TanpaJabatan,
    /// More holders than any post is planned for.
    #[error("formasi.terlalu_besar")]
    TerlaluBesar,
    /// A change to the register needs its reason.
    #[error("formasi.perlu_alasan")]
    PerluAlasan,
}

/// A change setting a post (`jabatan_id`) to `kebutuhan` holders, for `alasan`.
pub fn periksa_perubahan(
    jabatan_id: &str,
    kebutuhan: u32,
    alasan: &str,
) -> Result<(), FormasiDitolak> {
    if jabatan_id.trim().is_empty() {
        return Err(FormasiDitolak::TanpaJabatan);
    }
    if kebutuhan > KEBUTUHAN_MAKS {
        return Err(FormasiDitolak::TerlaluBesar);
    }
    if alasan.trim().is_empty() {
        return Err(FormasiDitolak::PerluAlasan);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacancies_never_go_negative() {
        let f = |kebutuhan, terisi| Formasi { kebutuhan, terisi };
        assert_eq!(f(3, 1).lowong(), 2);
        assert_eq!(f(3, 3).lowong(), 0);
        assert_eq!(f(2, 5).lowong(), 0);
        assert_eq!(f(0, 0).lowong(), 0);
    }

    #[test]
    fn a_change_names_its_post_and_reason_and_stays_plausible() {
        assert_eq!(periksa_perubahan("J1", 3, "hasil ABK 2026"), Ok(()));
        assert_eq!(periksa_perubahan("J1", 0, "jabatan dihapus"), Ok(()));
        assert_eq!(
            periksa_perubahan(" ", 3, "x"),
            Err(FormasiDitolak::TanpaJabatan)
        );
        assert_eq!(
            periksa_perubahan("J1", KEBUTUHAN_MAKS + 1, "x"),
            Err(FormasiDitolak::TerlaluBesar)
        );
        assert_eq!(
            periksa_perubahan("J1", 3, "  "),
            Err(FormasiDitolak::PerluAlasan)
        );
    }
}
