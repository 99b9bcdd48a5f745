//! Content-addressed blob store: a file's bytes are kept once under their SHA-256.
//!
//! The default is a folder in the data dir (`blobs/ab/cd/<hash>`). Writes go to a temporary
//! file that is renamed into place, so a crash never leaves a half-written blob under a hash.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{StoreError, StoreResult};

/// The identity of stored content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobRef {
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub ukuran: i64,
    /// Media type.
    pub media_type: String,
}

/// Where blob bytes live.
#[derive(Debug, Clone)]
pub enum BlobStore {
    /// A local folder.
    Local {
        /// The folder.
        root: PathBuf,
    },
}

impl BlobStore {
    /// A blob store in a local folder (created if missing).
    pub fn local(root: impl Into<PathBuf>) -> StoreResult<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root)?;
        Ok(Self::Local { root })
    }

    /// Stores `bytes` (a no-op when the same content is already there) and returns its identity.
    pub async fn put(&self, bytes: &[u8], media_type: &str) -> StoreResult<BlobRef> {
        let sha256 = hash_hex(bytes);
        match self {
            Self::Local { root } => {
                let path = path_for(root, &sha256);
                if !tokio::fs::try_exists(&path).await? {
                    if let Some(dir) = path.parent() {
                        tokio::fs::create_dir_all(dir).await?;
                    }
                    let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4()));
                    tokio::fs::write(&tmp, bytes).await?;
                    let file = tokio::fs::File::open(&tmp).await?;
                    file.sync_all().await?;
                    tokio::fs::rename(&tmp, &path).await?;
                }
            }
        }
        Ok(BlobRef {
            sha256,
            ukuran: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            media_type: media_type.to_string(),
        })
    }

    /// Reads a blob, checking that its content still matches its hash.
    pub async fn get(&self, sha256: &str) -> StoreResult<Vec<u8>> {
        if !is_hash(sha256) {
            return Err(StoreError::NotFound);
        }
        let bytes = match self {
            Self::Local { root } => match tokio::fs::read(path_for(root, sha256)).await {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(StoreError::NotFound);
                }
                Err(e) => return Err(e.into()),
            },
        };
        if hash_hex(&bytes) != sha256 {
            return Err(StoreError::BlobTampered(sha256.to_string()));
        }
        Ok(bytes)
    }
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn hash_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn path_for(root: &Path, sha256: &str) -> PathBuf {
    root.join(&sha256[0..2]).join(&sha256[2..4]).join(sha256)
}
