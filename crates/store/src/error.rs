//! Errors of the storage layer.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL cannot be used.
    #[error("DATABASE_URL tidak valid: {0}")]
    Url(String),
    /// The database answered with an error or could not be reached.
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored row does not decode into a domain value (data corrupted outside the app).
    #[error("data tersimpan rusak: {0}")]
    Corrupt(String),
    /// A blob could not be read or written.
    #[error("penyimpanan berkas: {0}")]
    Blob(#[from] std::io::Error),
    /// The blob store configuration cannot be used.
    #[error("penyimpanan berkas tidak valid: {0}")]
    BlobConfig(String),
    /// The object store (S3-compatible) failed.
    #[error("penyimpanan objek: {0}")]
    ObjectStore(String),
    /// The NATS server (JetStream) failed or cannot be reached.
    #[error("NATS: {0}")]
    Nats(String),
    /// A blob's content no longer matches its hash.
    #[error("isi berkas {0} tidak cocok dengan hash-nya")]
    BlobTampered(String),
    /// The thing asked for does not exist.
    #[error("tidak ditemukan")]
    NotFound,
    /// The write conflicts with existing data (duplicate NIP, ...).
    #[error("konflik: {0}")]
    Conflict(String),
}

impl StoreError {
    /// Maps unique-constraint violations to `Conflict`, keeping other errors as they are.
    pub(crate) fn from_write(err: sqlx::Error, what: &str) -> Self {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            return Self::Conflict(what.to_string());
        }
        Self::Database(err)
    }
}

/// Result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;
