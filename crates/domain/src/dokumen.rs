//! Documents in an employee's digital archive (scans of decrees, diplomas, certificates).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A document on an employee's record; its bytes live in the blob store under `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dokumen {
    /// Document id (used in URLs instead of anything personal).
    pub id: Uuid,
    /// Owner.
    pub pegawai_id: Uuid,
    /// History row it supports, if any.
    pub riwayat_id: Option<Uuid>,
    /// Document type code (ref-dokumen, e.g. 872 SK Jabatan).
    pub jenis_dokumen_id: String,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// File name shown for download.
    pub nama_file: String,
    /// Media type of the content.
    pub media_type: String,
    /// Size in bytes.
    pub ukuran: i64,
    /// When it was uploaded.
    pub diunggah_pada: DateTime<Utc>,
    /// Who uploaded it.
    pub diunggah_oleh: String,
}
