//! Failures of a use case. Expected outcomes (a wrong password, a refused proposal, a
//! conflict with the record) are values of each use case's own result type; these are what
//! stops a use case.

use siasn_store::StoreError;

/// Why a use case stopped without doing anything.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store failed (the transaction was rolled back).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The actor may not do this.
    #[error("tidak berwenang")]
    Dilarang,
    /// The thing does not exist, or is outside the actor's scope (the two look the same).
    #[error("tidak ditemukan")]
    TidakDitemukan,
    /// Someone else changed it first; nothing was changed.
    #[error("sudah berubah")]
    SudahBerubah,
    /// The card's signing key could not be used.
    #[error("kunci kartu: {0}")]
    Kunci(String),
    /// An electronic signature could not be made or read.
    #[error("tanda tangan elektronik: {0}")]
    Ttd(String),
    /// A letter (pertek, SK) could not be rendered.
    #[error("surat: {0}")]
    Surat(String),
    /// A password could not be hashed.
    #[error("hash kata sandi gagal")]
    Hash,
}

impl AppError {
    /// `NotFound` from the store is the use case's "not found"; anything else stays a failure.
    pub fn dari_store(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::TidakDitemukan,
            e => Self::Store(e),
        }
    }
}

/// Result of a use case.
pub type AppResult<T> = Result<T, AppError>;
