//! Content-addressed blob store: a file's bytes are kept once under their SHA-256.
//!
//! The default is a folder in the data dir (`blobs/ab/cd/<hash>`). Writes go to a temporary
//! file that is renamed into place, so a crash never leaves a half-written blob under a hash.
//! For several app servers, an S3-compatible bucket (`s3://bucket/prefix`) holds the same layout.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::{ObjectStoreExt, PutPayload};
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
    /// An S3-compatible bucket.
    S3 {
        /// The client, bound to one bucket.
        client: Arc<AmazonS3>,
        /// Key prefix inside the bucket (may be empty).
        prefix: String,
    },
}

impl BlobStore {
    /// A blob store in a local folder (created if missing).
    pub fn local(root: impl Into<PathBuf>) -> StoreResult<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root)?;
        Ok(Self::Local { root })
    }

    /// An S3-compatible bucket from `s3://bucket/prefix`; credentials, region and endpoint come
    /// from the usual `AWS_*` variables (`AWS_ENDPOINT_URL` and `AWS_ALLOW_HTTP=true` for a
    /// local MinIO-style server).
    pub fn s3_url(url: &str) -> StoreResult<Self> {
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| StoreError::BlobConfig(format!("'{url}' bukan s3://bucket/prefix")))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(StoreError::BlobConfig(format!(
                "'{url}' tidak menyebut bucket"
            )));
        }
        Self::s3(AmazonS3Builder::from_env().with_bucket_name(bucket), prefix)
    }

    /// An S3-compatible bucket from an explicit client configuration.
    pub fn s3(builder: AmazonS3Builder, prefix: &str) -> StoreResult<Self> {
        let client = builder
            .build()
            .map_err(|e| StoreError::BlobConfig(e.to_string()))?;
        Ok(Self::S3 {
            client: Arc::new(client),
            prefix: prefix.trim_matches('/').to_string(),
        })
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
            Self::S3 { client, prefix } => {
                let key = key_for(prefix, &sha256);
                match client.head(&key).await {
                    Ok(_) => {}
                    Err(object_store::Error::NotFound { .. }) => {
                        client
                            .put(&key, PutPayload::from(bytes.to_vec()))
                            .await
                            .map_err(object_error)?;
                    }
                    Err(e) => return Err(object_error(e)),
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
            Self::S3 { client, prefix } => match client.get(&key_for(prefix, sha256)).await {
                Ok(result) => result.bytes().await.map_err(object_error)?.to_vec(),
                Err(object_store::Error::NotFound { .. }) => return Err(StoreError::NotFound),
                Err(e) => return Err(object_error(e)),
            },
        };
        if hash_hex(&bytes) != sha256 {
            return Err(StoreError::BlobTampered(sha256.to_string()));
        }
        Ok(bytes)
    }

    /// Whether the store answers (readiness): the folder exists, or the bucket answers a
    /// lookup of a key that never exists (not found is the healthy answer).
    pub async fn periksa(&self) -> StoreResult<()> {
        match self {
            Self::Local { root } => {
                tokio::fs::metadata(root).await?;
                Ok(())
            }
            Self::S3 { client, prefix } => {
                let kunci = key_for(prefix, &"0".repeat(64));
                match client.head(&kunci).await {
                    Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                    Err(e) => Err(object_error(e)),
                }
            }
        }
    }

    /// Whether documents live in a folder of this server (invisible to other servers).
    pub fn lokal(&self) -> bool {
        matches!(self, Self::Local { .. })
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

/// The object key of a blob in a bucket: same fan-out as the local folder.
pub fn key_for(prefix: &str, sha256: &str) -> object_store::path::Path {
    let relative = format!("{}/{}/{sha256}", &sha256[0..2], &sha256[2..4]);
    if prefix.is_empty() {
        object_store::path::Path::from(relative)
    } else {
        object_store::path::Path::from(format!("{prefix}/{relative}"))
    }
}

fn object_error(e: object_store::Error) -> StoreError {
    StoreError::ObjectStore(e.to_string())
}

fn path_for(root: &Path, sha256: &str) -> PathBuf {
    root.join(&sha256[0..2]).join(&sha256[2..4]).join(sha256)
}
