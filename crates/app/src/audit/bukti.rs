//! Inclusion proofs an employee downloads and anyone checks offline.

use serde::{Deserialize, Serialize};
use siasn_domain::merkle;
use siasn_store::Store;
use siasn_store::audit::{AuditEntri, KepalaTertanda};

use super::{AuditError, KunciPublikAudit, hash_hex, tanda_sah, ukuran_u64};

/// An inclusion proof an employee can keep and check offline: the entry, its position, the
/// signed head it is under and the path between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuktiAudit {
    /// Format tag.
    pub format: String,
    /// The entry as stored.
    pub entri: AuditEntri,
    /// Its position.
    pub posisi: u64,
    /// The signed head.
    pub kepala: KepalaTertanda,
    /// Sibling hashes from the leaf to the root, hex.
    pub jalur: Vec<String>,
}

const FORMAT_BUKTI: &str = "siasn-audit-bukti-v1";

/// The proof for entry `id` under the newest signed head; `None` while the entry is not yet
/// under a head (it will be within minutes).
pub async fn bukti(store: &Store, id: uuid::Uuid) -> Result<Option<BuktiAudit>, AuditError> {
    let Some(entri) = store.audit_entri(id).await? else {
        return Ok(None);
    };
    let (Some(posisi), Some(kepala)) = (
        entri.posisi.and_then(|p| u64::try_from(p).ok()),
        store.kepala_audit_terakhir().await?,
    ) else {
        return Ok(None);
    };
    let n = ukuran_u64(kepala.ukuran)?;
    if posisi >= n {
        return Ok(None);
    }
    let jalur = store.bukti_inklusi_audit(posisi, n).await?;
    Ok(Some(BuktiAudit {
        format: FORMAT_BUKTI.into(),
        entri,
        posisi,
        kepala,
        jalur: jalur.iter().map(hex::encode).collect(),
    }))
}

/// Checks a proof with nothing but public keys: the head's signature, and that the entry as
/// written (its leaf recomputed from its content) is in the signed tree.
pub fn periksa_bukti(b: &BuktiAudit, publik: &[KunciPublikAudit]) -> Result<(), AuditError> {
    if b.format != FORMAT_BUKTI {
        return Err(AuditError::Bukti(format!(
            "format '{}' tidak dikenal",
            b.format
        )));
    }
    if !tanda_sah(&b.kepala, publik) {
        return Err(AuditError::Bukti(format!(
            "tanda tangan kepala (kunci '{}') tidak sah atau kuncinya tidak dikenal",
            b.kepala.kunci
        )));
    }
    let akar = hash_hex(&b.kepala.akar)
        .ok_or_else(|| AuditError::Bukti("akar kepala tidak terbaca".into()))?;
    let mut jalur = Vec::with_capacity(b.jalur.len());
    for h in &b.jalur {
        jalur.push(hash_hex(h).ok_or_else(|| AuditError::Bukti("jalur tidak terbaca".into()))?);
    }
    let n = ukuran_u64(b.kepala.ukuran)?;
    if !merkle::periksa_inklusi(b.posisi, n, &b.entri.hash_daun(), &jalur, &akar) {
        return Err(AuditError::Bukti(
            "entri ini tidak ada di log yang ditandatangani (isi atau posisinya berbeda)".into(),
        ));
    }
    Ok(())
}
