//! Why a proposal cannot be saved or submitted as it is: the findings that block it, and the
//! rules about its documents and note.

use super::berkas::BerkasDitolak;
use super::validasi::Temuan;

/// One reason a proposal is refused; the proposer can fix each and try again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Masalah {
    /// A blocking finding on the change itself.
    Temuan(Temuan),
    /// Removing a history row needs a note saying why.
    AlasanHapusWajib,
    /// Submitting needs a supporting document of an accepted type.
    DokumenWajibKurang,
    /// An uploaded file has no (known) document type.
    JenisDokumenWajib {
        /// The file as the uploader named it.
        nama_file: String,
    },
    /// An uploaded file is refused by its content.
    Berkas {
        /// The file as the uploader named it.
        nama_file: String,
        /// Why.
        alasan: BerkasDitolak,
    },
    /// A collective proposal needs a title.
    JudulWajib,
    /// A collective proposal has no row that can be proposed.
    TanpaBarisSah,
}
