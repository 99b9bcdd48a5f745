//! The audit log's keys, sequencer, signed tree heads, verification and proofs (decision 0017).
//!
//! Keys live in a folder outside the database (`audit_key_dir`): `mac-<id>.key` (32 random
//! bytes, hex; every app server needs the same ones) and `tanda-<id>.pk8` (Ed25519, PKCS#8)
//! with its public half `tanda-<id>.pub`. The greatest id signs; all of them verify, so a
//! rotation (`siasn audit rotate`) adds keys without invalidating what was signed before.
//! A verifier needs only the `.pub` files.

mod bukti;
mod pengurut;
mod periksa;

use std::collections::BTreeMap;
use std::path::Path;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use chrono::{DateTime, SubsecRound, Utc};
use siasn_domain::merkle::Hash;
use siasn_store::StoreError;
use siasn_store::audit::{CincinMac, KepalaTertanda, KunciMac};

pub use bukti::{BuktiAudit, bukti, periksa_bukti};
pub use pengurut::Pengurut;
pub use periksa::{KeadaanVerifikasi, LaporanVerifikasi, baca_keadaan, simpan_keadaan, verifikasi};

/// What went wrong with keys, publication or verification input.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// A key file is missing, unreadable or malformed.
    #[error("kunci audit: {0}")]
    Kunci(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A proof document cannot be read.
    #[error("bukti: {0}")]
    Bukti(String),
}

/// A key's id: when it was made, then a random tail (ids sort by age).
fn id_baru() -> String {
    let acak = crate::rahasia::acak(3);
    format!(
        "{}-{}",
        Utc::now().format("%Y%m%d%H%M%S"),
        hex::encode(acak)
    )
}

/// One Ed25519 public key for checking heads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KunciPublikAudit {
    /// Key id.
    pub id: String,
    /// 32 bytes.
    pub kunci: Vec<u8>,
}

/// The head-signing key.
pub struct PenandaKepala {
    id: String,
    pasangan: Ed25519KeyPair,
}

impl std::fmt::Debug for PenandaKepala {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PenandaKepala")
            .field("id", &self.id)
            .finish()
    }
}

impl PenandaKepala {
    /// Key id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Signs the head of a tree of `ukuran` entries with root `akar` at `waktu`.
    pub fn tandatangani(
        &self,
        ukuran: u64,
        akar: &Hash,
        waktu: DateTime<Utc>,
    ) -> Result<KepalaTertanda, AuditError> {
        let waktu = waktu.trunc_subsecs(6);
        let ukuran = ukuran_i64(ukuran)?;
        let akar = hex::encode(akar);
        let pesan = KepalaTertanda::pesan(ukuran, waktu, &akar, &self.id);
        let tanda = hex::encode(self.pasangan.sign(&pesan).as_ref());
        Ok(KepalaTertanda {
            ukuran,
            waktu,
            akar,
            kunci: self.id.clone(),
            tanda,
        })
    }
}

/// A tree size as stored (signed 64-bit): larger ones cannot occur in practice, but are refused
/// rather than folded into another size.
fn ukuran_i64(ukuran: u64) -> Result<i64, AuditError> {
    i64::try_from(ukuran)
        .map_err(|_| AuditError::Bukti(format!("ukuran pohon {ukuran} terlalu besar")))
}

/// A stored size or position (signed) as a tree index; a negative one is damaged data.
fn ukuran_u64(ukuran: i64) -> Result<u64, AuditError> {
    u64::try_from(ukuran)
        .map_err(|_| AuditError::Bukti(format!("ukuran atau posisi {ukuran} negatif")))
}

/// The keys of the audit folder.
#[derive(Debug)]
pub struct KunciAudit {
    /// MAC keys (entries).
    pub mac: CincinMac,
    /// The newest signing key, where a private one is present.
    pub penanda: Option<PenandaKepala>,
    /// Every public key (verification).
    pub publik: Vec<KunciPublikAudit>,
}

fn tulis_rahasia(path: &Path, isi: &[u8]) -> Result<(), AuditError> {
    use std::io::Write;
    let mut opsi = std::fs::OpenOptions::new();
    opsi.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opsi.mode(0o600);
    }
    let mut f = opsi
        .open(path)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display())))?;
    f.write_all(isi)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", path.display())))
}

/// Adds a new MAC key and a new signing key to `dir` (created if missing); returns their id.
/// The old keys stay, so entries and heads made with them still verify.
pub fn buat_kunci_baru(dir: &Path) -> Result<String, AuditError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| AuditError::Kunci(format!("{}: {e}", dir.display())))?;
    let id = id_baru();
    tulis_rahasia(
        &dir.join(format!("mac-{id}.key")),
        hex::encode(crate::rahasia::acak(32)).as_bytes(),
    )?;
    let rng = SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng)
        .map_err(|_| AuditError::Kunci("kunci Ed25519 tidak dapat dibuat".into()))?;
    let pasangan = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref())
        .map_err(|_| AuditError::Kunci("kunci Ed25519 tidak terbaca".into()))?;
    tulis_rahasia(&dir.join(format!("tanda-{id}.pk8")), pkcs8.as_ref())?;
    std::fs::write(
        dir.join(format!("tanda-{id}.pub")),
        hex::encode(pasangan.public_key().as_ref()),
    )
    .map_err(|e| AuditError::Kunci(format!("{}: {e}", dir.display())))?;
    Ok(id)
}

/// Reads the keys of `dir`; with `buat`, makes the first ones when there are none (a single
/// server's default). Several servers must share one folder's keys.
pub fn muat_kunci(dir: &Path, buat: bool) -> Result<KunciAudit, AuditError> {
    let kosong = !dir.exists()
        || std::fs::read_dir(dir).is_ok_and(|mut rd| {
            !rd.any(|f| f.is_ok_and(|f| f.file_name().to_string_lossy().starts_with("mac-")))
        });
    if buat && kosong {
        buat_kunci_baru(dir)?;
    }
    let mut mac = Vec::new();
    let mut privat: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut publik: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => Some(rd),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(AuditError::Kunci(format!("{}: {e}", dir.display()))),
    };
    for f in rd.into_iter().flatten().flatten() {
        let nama = f.file_name().to_string_lossy().into_owned();
        let baca =
            || std::fs::read(f.path()).map_err(|e| AuditError::Kunci(format!("{nama}: {e}")));
        if let Some(id) = nama
            .strip_prefix("mac-")
            .and_then(|n| n.strip_suffix(".key"))
        {
            let teks = baca()?;
            let b = hex::decode(String::from_utf8_lossy(&teks).trim())
                .map_err(|_| AuditError::Kunci(format!("{nama}: bukan hex")))?;
            let rahasia: [u8; 32] = b
                .try_into()
                .map_err(|_| AuditError::Kunci(format!("{nama}: harus 32 bita")))?;
            mac.push(KunciMac {
                id: id.to_string(),
                rahasia,
            });
        } else if let Some(id) = nama
            .strip_prefix("tanda-")
            .and_then(|n| n.strip_suffix(".pk8"))
        {
            privat.insert(id.to_string(), baca()?);
        } else if let Some(id) = nama
            .strip_prefix("tanda-")
            .and_then(|n| n.strip_suffix(".pub"))
        {
            let teks = baca()?;
            let b = hex::decode(String::from_utf8_lossy(&teks).trim())
                .map_err(|_| AuditError::Kunci(format!("{nama}: bukan hex")))?;
            publik.insert(id.to_string(), b);
        }
    }
    let mut penanda = None;
    for (id, pkcs8) in &privat {
        let pasangan = Ed25519KeyPair::from_pkcs8(pkcs8)
            .map_err(|_| AuditError::Kunci(format!("tanda-{id}.pk8 tidak terbaca")))?;
        publik.insert(id.clone(), pasangan.public_key().as_ref().to_vec());
        // BTreeMap order: the last one read is the newest.
        penanda = Some(PenandaKepala {
            id: id.clone(),
            pasangan,
        });
    }
    let mac = match CincinMac::baru(mac) {
        Some(c) => c,
        None if buat => {
            return Err(AuditError::Kunci(format!(
                "tidak ada kunci MAC di {}",
                dir.display()
            )));
        }
        // A verifier with only public keys checks heads and proofs, not MACs.
        None => CincinMac::baru(vec![KunciMac {
            id: "tidak-ada".into(),
            rahasia: [0; 32],
        }])
        .ok_or_else(|| AuditError::Kunci("kunci MAC".into()))?,
    };
    Ok(KunciAudit {
        mac,
        penanda,
        publik: publik
            .into_iter()
            .map(|(id, kunci)| KunciPublikAudit { id, kunci })
            .collect(),
    })
}

/// Whether a head's signature was made by one of `publik` over exactly its fields.
pub fn tanda_sah(k: &KepalaTertanda, publik: &[KunciPublikAudit]) -> bool {
    let Some(p) = publik.iter().find(|p| p.id == k.kunci) else {
        return false;
    };
    let Ok(tanda) = hex::decode(&k.tanda) else {
        return false;
    };
    let pesan = KepalaTertanda::pesan(k.ukuran, k.waktu, &k.akar, &k.kunci);
    UnparsedPublicKey::new(&ED25519, &p.kunci)
        .verify(&pesan, &tanda)
        .is_ok()
}

fn hash_hex(s: &str) -> Option<Hash> {
    hex::decode(s).ok()?.try_into().ok()
}
