//! Where signed audit tree heads are published: outside the database, so that someone who can
//! rewrite the database cannot also rewrite what was said about it. A local folder (default,
//! ideally on another disk or a mount the database host cannot write) or an S3-compatible
//! bucket (ideally one with object lock / write-once retention), or a NATS JetStream stream
//! (created on first use with deletes and purges denied, so published heads cannot be removed
//! through the NATS API).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream;

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
    /// A JetStream stream on a NATS server.
    Nats(AliranNats),
}

/// A JetStream stream holding one subject, on a NATS server connected on first use.
#[derive(Debug, Clone)]
pub struct AliranNats {
    /// The server (`nats://host:port`).
    server: String,
    /// The stream's name.
    aliran: String,
    /// The one subject the stream holds.
    subjek: String,
    /// The connection, once made.
    konteks: Arc<tokio::sync::OnceCell<jetstream::Context>>,
}

/// Splits `nats://host:port[/STREAM]` into the server's URL and the stream's name (`bawaan`
/// when none is named); JetStream stream names hold letters, digits, '-' and '_' only.
pub fn urai_url_nats(url: &str, bawaan: &str) -> Result<(String, String), String> {
    let sisa = url
        .strip_prefix("nats://")
        .ok_or_else(|| format!("{url}: harus diawali nats://"))?;
    let (host, aliran) = sisa.split_once('/').unwrap_or((sisa, ""));
    let aliran = if aliran.is_empty() { bawaan } else { aliran };
    if host.is_empty()
        || !aliran
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "{url}: harus nats://host:port atau nats://host:port/NAMA_ALIRAN (huruf, angka, - dan _)"
        ));
    }
    Ok((format!("nats://{host}"), aliran.to_string()))
}

/// Connects to a NATS server's JetStream with the time limits every SIASN client uses (a
/// server that does not answer fails the caller quickly instead of hanging it).
pub async fn sambung_jetstream(server: &str) -> Result<jetstream::Context, String> {
    let client = async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(5))
        .request_timeout(Some(Duration::from_secs(10)))
        .connect(server)
        .await
        .map_err(|e| format!("{server}: {e}"))?;
    Ok(jetstream::new(client))
}

/// The stream used when a `nats://` URL names none.
const ALIRAN_BAWAAN: &str = "SIASN_AUDIT";

/// One published head as found, or why it could not be read.
pub type KepalaDitemukan = (String, Result<KepalaTertanda, String>);

impl TempatTerbit {
    /// `s3://bucket/prefix` (credentials as for the blob store) or a folder path (`file://`
    /// optional).
    pub fn dari_url(url: &str) -> StoreResult<Self> {
        if url.starts_with("nats://") {
            let (server, aliran) = urai_url_nats(url, ALIRAN_BAWAAN).map_err(StoreError::Nats)?;
            return Ok(Self::Nats(AliranNats {
                server,
                aliran: aliran.clone(),
                subjek: format!("{}.kepala", aliran.to_lowercase().replace(['_', '-'], ".")),
                konteks: Arc::new(tokio::sync::OnceCell::new()),
            }));
        }
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
            Self::Nats(a) => format!("{}, aliran {}", a.server, a.aliran),
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
            Self::Nats(a) => a.terbitkan(&nama, json).await?,
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
            Self::Nats(a) => isi = a.semua().await?,
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

impl AliranNats {
    fn galat(&self, e: &dyn std::fmt::Display) -> StoreError {
        StoreError::Nats(format!("{}: {e}", self.server))
    }

    /// The stream, created (deletes and purges denied) if missing, with its context.
    async fn buka(&self) -> StoreResult<(jetstream::Context, jetstream::stream::Stream)> {
        let ctx = self
            .konteks
            .get_or_try_init(|| async {
                sambung_jetstream(&self.server)
                    .await
                    .map_err(StoreError::Nats)
            })
            .await?;
        let stream = ctx
            .get_or_create_stream(jetstream::stream::Config {
                name: self.aliran.clone(),
                subjects: vec![self.subjek.clone()],
                storage: jetstream::stream::StorageType::File,
                deny_delete: true,
                deny_purge: true,
                ..Default::default()
            })
            .await
            .map_err(|e| self.galat(&e))?;
        Ok((ctx.clone(), stream))
    }

    /// Publishes a head under its name, acknowledged by the stream. The name is the message id,
    /// so a publish retried within the stream's duplicate window is stored once.
    async fn terbitkan(&self, nama: &str, json: Vec<u8>) -> StoreResult<()> {
        let (ctx, _) = self.buka().await?;
        ctx.send_publish(
            self.subjek.clone(),
            jetstream::message::PublishMessage::build()
                .payload(json.into())
                .message_id(nama),
        )
        .await
        .map_err(|e| self.galat(&e))?
        .await
        .map_err(|e| self.galat(&e))?;
        Ok(())
    }

    /// Every message of the stream with its name (the message id).
    async fn semua(&self) -> StoreResult<Vec<(String, Vec<u8>)>> {
        let (_, mut stream) = self.buka().await?;
        let state = stream
            .info()
            .await
            .map_err(|e| self.galat(&e))?
            .state
            .clone();
        let mut isi = Vec::new();
        if state.messages > 0 {
            for seq in state.first_sequence..=state.last_sequence {
                let m = stream
                    .get_raw_message(seq)
                    .await
                    .map_err(|e| self.galat(&e))?;
                let nama = m
                    .headers
                    .get(async_nats::header::NATS_MESSAGE_ID)
                    .map(|v| v.as_str().to_string())
                    .unwrap_or_else(|| format!("pesan-{seq:012}"));
                isi.push((nama, m.payload.to_vec()));
            }
        }
        Ok(isi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nats(url: &str) -> Option<(String, String, String)> {
        match TempatTerbit::dari_url(url).ok()? {
            TempatTerbit::Nats(a) => Some((a.server, a.aliran, a.subjek)),
            _ => None,
        }
    }

    #[test]
    fn a_nats_url_names_the_server_and_the_stream() {
        let s = |a: &str, b: &str, c: &str| Some((a.into(), b.into(), c.into()));
        assert_eq!(
            nats("nats://127.0.0.1:4222"),
            s("nats://127.0.0.1:4222", "SIASN_AUDIT", "siasn.audit.kepala")
        );
        assert_eq!(
            nats("nats://nats.bkn.go.id:4222/AUDIT-KAB_SLEMAN"),
            s(
                "nats://nats.bkn.go.id:4222",
                "AUDIT-KAB_SLEMAN",
                "audit.kab.sleman.kepala"
            )
        );
        for salah in [
            "nats://",
            "nats://h:4222/a b",
            "nats://h:4222/a.b",
            "nats://h/x/y",
        ] {
            assert!(
                matches!(TempatTerbit::dari_url(salah), Err(StoreError::Nats(_))),
                "{salah}"
            );
        }
        assert!(matches!(
            TempatTerbit::dari_url("/var/lib/siasn/terbit"),
            Ok(TempatTerbit::Folder(_))
        ));
    }
}
