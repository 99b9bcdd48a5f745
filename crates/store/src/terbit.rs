//! Where signed audit tree heads are published: outside the database, so that someone who can
//! rewrite the database cannot also rewrite what was said about it. A local folder (default,
//! ideally on another disk or a mount the database host cannot write) or an S3-compatible
//! bucket (ideally one with object lock / write-once retention).

use std::path::PathBuf;
use std::sync::Arc;

use object_store::aws::AmazonS3;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::audit::KepalaTertanda;
use crate::blob::BlobStore;
use crate::error::{StoreError, StoreResult};

/// A place for published heads.
#[derive(Debug, Clone)]
pub enum TempatTerbit {
    /// A folder.
    Folder(PathBuf),
    /// A bucket and key prefix.
    Objek {
        /// The bucket's client.
        client: Arc<AmazonS3>,
        /// Key prefix (may be empty).
        prefix: String,
    },
}

/// One published head as found, or why it could not be read.
pub type KepalaDitemukan = (String, Result<KepalaTertanda, String>);

impl TempatTerbit {
    /// `s3://bucket/prefix` (credentials as for the blob store) or a folder path (`file://`
    /// optional).
    pub fn dari_url(url: &str) -> StoreResult<Self> {
        if url.starts_with("s3://") {
            match BlobStore::s3_url(url)? {
                BlobStore::S3 { client, prefix } => Ok(Self::Objek { client, prefix }),
                BlobStore::Local { root } => Ok(Self::Folder(root)),
            }
        } else {
            let path = url.strip_prefix("file://").unwrap_or(url);
            Ok(Self::Folder(PathBuf::from(path)))
        }
    }

    /// Where, for messages.
    pub fn keterangan(&self) -> String {
        match self {
            Self::Folder(p) => p.display().to_string(),
            Self::Objek { prefix, .. } => format!("bucket, awalan '{prefix}'"),
        }
    }

    fn nama(k: &KepalaTertanda) -> String {
        format!(
            "kepala-{:012}-{}.json",
            k.ukuran,
            k.waktu.format("%Y%m%dT%H%M%S%6fZ")
        )
    }

    fn kunci_objek(prefix: &str, nama: &str) -> object_store::path::Path {
        if prefix.is_empty() {
            object_store::path::Path::from(nama)
        } else {
            object_store::path::Path::from(format!("{prefix}/{nama}"))
        }
    }

    /// Publishes one head (a new file; nothing published is ever overwritten).
    pub async fn terbitkan(&self, k: &KepalaTertanda) -> StoreResult<()> {
        let json = serde_json::to_vec_pretty(k)
            .map_err(|e| StoreError::Corrupt(format!("kepala audit: {e}")))?;
        let nama = Self::nama(k);
        match self {
            Self::Folder(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let sementara = dir.join(format!(".{nama}.tmp"));
                tokio::fs::write(&sementara, &json).await?;
                tokio::fs::rename(&sementara, dir.join(&nama)).await?;
            }
            Self::Objek { client, prefix } => {
                client
                    .put(&Self::kunci_objek(prefix, &nama), PutPayload::from(json))
                    .await
                    .map_err(|e| StoreError::ObjectStore(e.to_string()))?;
            }
        }
        Ok(())
    }

    /// Every published head, each parsed or with the reason it could not be.
    pub async fn semua(&self) -> StoreResult<Vec<KepalaDitemukan>> {
        let mut isi: Vec<(String, Vec<u8>)> = Vec::new();
        match self {
            Self::Folder(dir) => {
                let mut rd = match tokio::fs::read_dir(dir).await {
                    Ok(rd) => rd,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
                    Err(e) => return Err(e.into()),
                };
                while let Some(f) = rd.next_entry().await? {
                    let nama = f.file_name().to_string_lossy().into_owned();
                    if nama.starts_with("kepala-") && nama.ends_with(".json") {
                        isi.push((nama, tokio::fs::read(f.path()).await?));
                    }
                }
            }
            Self::Objek { client, prefix } => {
                let awalan =
                    (!prefix.is_empty()).then(|| object_store::path::Path::from(prefix.as_str()));
                let daftar = client
                    .list_with_delimiter(awalan.as_ref())
                    .await
                    .map_err(|e| StoreError::ObjectStore(e.to_string()))?;
                for o in daftar.objects {
                    let nama = o.location.filename().unwrap_or_default().to_string();
                    if !(nama.starts_with("kepala-") && nama.ends_with(".json")) {
                        continue;
                    }
                    let bytes = client
                        .get(&o.location)
                        .await
                        .map_err(|e| StoreError::ObjectStore(e.to_string()))?
                        .bytes()
                        .await
                        .map_err(|e| StoreError::ObjectStore(e.to_string()))?;
                    isi.push((nama, bytes.to_vec()));
                }
            }
        }
        isi.sort();
        Ok(isi
            .into_iter()
            .map(|(nama, b)| {
                let k = serde_json::from_slice::<KepalaTertanda>(&b).map_err(|e| e.to_string());
                (nama, k)
            })
            .collect())
    }
}
