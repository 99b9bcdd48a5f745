//! The blob store on an S3-compatible server (`TEST_S3_ENDPOINT`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use object_store::{ObjectStoreExt, PutPayload};
use siasn_store::blob::{hash_hex, key_for};
use siasn_store::{BlobStore, PoolSettings, Store, StoreError};

#[tokio::test]
async fn blobs_round_trip_and_tampering_is_detected_on_s3() {
    let Some((blobs, builder)) = siasn_store::testing::s3_blobs().await else {
        return;
    };
    let content = b"%PDF-1.4\n% SK Jabatan\n".to_vec();
    let a = blobs.put(&content, "application/pdf").await.unwrap();
    let b = blobs.put(&content, "application/pdf").await.unwrap();
    assert_eq!(a, b, "same content, same identity, stored once");
    assert_eq!(a.sha256, hash_hex(&content));
    assert_eq!(blobs.get(&a.sha256).await.unwrap(), content);
    assert!(matches!(
        blobs.get(&"ab".repeat(32)).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(blobs.get("../x").await, Err(StoreError::NotFound)));

    // Someone with bucket access swaps the bytes: reading notices.
    let raw = builder.build().unwrap();
    raw.put(
        &key_for("siasn", &a.sha256),
        PutPayload::from(b"bukan isi aslinya".to_vec()),
    )
    .await
    .unwrap();
    assert!(matches!(
        blobs.get(&a.sha256).await,
        Err(StoreError::BlobTampered(_))
    ));
}

#[tokio::test]
async fn a_store_with_s3_blobs_keeps_documents_there() {
    let Some((blobs, _)) = siasn_store::testing::s3_blobs().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("s.sqlite").display());
    let store = Store::open(&url, &PoolSettings::default(), blobs)
        .await
        .unwrap();
    let blob = store.simpan_blob(b"ijazah", "image/png").await.unwrap();
    assert_eq!(store.blobs().get(&blob.sha256).await.unwrap(), b"ijazah");
    assert!(
        !dir.path().join("blobs").exists(),
        "nothing written locally"
    );
}

#[test]
fn s3_urls_are_checked() {
    assert!(matches!(
        BlobStore::s3_url("gs://bucket/x"),
        Err(StoreError::BlobConfig(_))
    ));
    assert!(matches!(
        BlobStore::s3_url("s3:///prefix"),
        Err(StoreError::BlobConfig(_))
    ));
}
