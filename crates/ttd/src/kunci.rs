//! A signer's key: opened from PKCS#12 with the passphrase, used, dropped. The private key is
//! never written anywhere by this crate except back into a passphrase-encrypted PKCS#12.

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256,
    RsaKeyPair,
};
use der::asn1::ObjectIdentifier;
use p12_keystore::{
    EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, Pkcs12ImportPolicy, PrivateKey,
    PrivateKeyChain,
};
use x509_cert::spki::AlgorithmIdentifierOwned;

use crate::{TtdError, TtdResult};

/// sha256WithRSAEncryption (RFC 4055).
pub(crate) const OID_SHA256_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
/// ecdsa-with-SHA256 (RFC 5758).
pub(crate) const OID_ECDSA_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// ecdsa-with-SHA384 (RFC 5758).
pub(crate) const OID_ECDSA_SHA384: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");

enum Pasangan {
    Rsa(RsaKeyPair),
    EcP256(EcdsaKeyPair),
    EcP384(EcdsaKeyPair),
}

/// An opened signing key with its certificate chain (leaf first, DER).
pub struct KunciTtd {
    pasangan: Pasangan,
    rantai: Vec<Vec<u8>>,
}

impl std::fmt::Debug for KunciTtd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print key material.
        f.debug_struct("KunciTtd")
            .field("sertifikat", &self.rantai.len())
            .finish_non_exhaustive()
    }
}

fn pasangan_dari_pkcs8(pkcs8: &[u8]) -> TtdResult<Pasangan> {
    if let Ok(k) = RsaKeyPair::from_pkcs8(pkcs8) {
        return Ok(Pasangan::Rsa(k));
    }
    if let Ok(k) = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8) {
        return Ok(Pasangan::EcP256(k));
    }
    if let Ok(k) = EcdsaKeyPair::from_pkcs8(&ECDSA_P384_SHA384_ASN1_SIGNING, pkcs8) {
        return Ok(Pasangan::EcP384(k));
    }
    Err(TtdError::KunciTakDidukung)
}

impl KunciTtd {
    /// A key from its PKCS#8 DER and its chain (leaf first).
    pub fn dari_pkcs8(pkcs8: &[u8], rantai: Vec<Vec<u8>>) -> TtdResult<Self> {
        if rantai.is_empty() {
            return Err(TtdError::TanpaKunci);
        }
        Ok(Self {
            pasangan: pasangan_dari_pkcs8(pkcs8)?,
            rantai,
        })
    }

    /// Opens a PKCS#12 container with its passphrase: the first private key that has its
    /// certificate. A wrong passphrase is [`TtdError::FrasaSalah`]; anything that is not a
    /// PKCS#12 file is [`TtdError::BukanPkcs12`].
    pub fn buka_pkcs12(data: &[u8], frasa: &str) -> TtdResult<Self> {
        use p12_keystore::error::Error as E;
        let ks = KeyStore::from_pkcs12(data, frasa, Pkcs12ImportPolicy::Strict).map_err(
            |e| match e {
                // The MAC is checked before anything is decrypted; an unpadding or PBES error
                // is what a wrong passphrase gives a container without a MAC.
                E::MacError(_) | E::UnpadError | E::Pkcs5Error(_) => TtdError::FrasaSalah,
                E::UnsupportedEncryptionScheme | E::UnsupportedMacAlgorithm => {
                    TtdError::Sertifikat("skema enkripsi PKCS#12 tidak didukung".into())
                }
                _ => TtdError::BukanPkcs12,
            },
        )?;
        let (_, rantai) = ks.private_key_chain().ok_or(TtdError::TanpaKunci)?;
        let sertifikat: Vec<Vec<u8>> = rantai.certs().iter().map(|c| c.as_der().to_vec()).collect();
        Self::dari_pkcs8(rantai.key().as_der(), sertifikat)
    }

    /// Adds issuers to the chain (a container that holds only the signer's certificate).
    pub fn tambah_rantai(mut self, penerbit: Vec<Vec<u8>>) -> Self {
        for c in penerbit {
            if !self.rantai.contains(&c) {
                self.rantai.push(c);
            }
        }
        self
    }

    /// The signer's certificate (DER).
    pub fn sertifikat(&self) -> &[u8] {
        self.rantai.first().map_or(&[], Vec::as_slice)
    }

    /// The chain, leaf first (DER).
    pub fn rantai(&self) -> &[Vec<u8>] {
        &self.rantai
    }

    /// The signature algorithm this key signs with.
    pub(crate) fn algoritma(&self) -> AlgorithmIdentifierOwned {
        match &self.pasangan {
            Pasangan::Rsa(_) => AlgorithmIdentifierOwned {
                oid: OID_SHA256_RSA,
                parameters: Some(der::asn1::Null.into()),
            },
            Pasangan::EcP256(_) => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA256,
                parameters: None,
            },
            Pasangan::EcP384(_) => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA384,
                parameters: None,
            },
        }
    }

    /// Signs `pesan` (hashing it with the algorithm's digest).
    pub(crate) fn tandatangani(&self, pesan: &[u8]) -> TtdResult<Vec<u8>> {
        let rng = SystemRandom::new();
        match &self.pasangan {
            Pasangan::Rsa(k) => {
                let mut sig = vec![0u8; k.public_modulus_len()];
                k.sign(&RSA_PKCS1_SHA256, &rng, pesan, &mut sig)
                    .map_err(|_| TtdError::Tandatangan)?;
                Ok(sig)
            }
            Pasangan::EcP256(k) | Pasangan::EcP384(k) => k
                .sign(&rng, pesan)
                .map(|s| s.as_ref().to_vec())
                .map_err(|_| TtdError::Tandatangan),
        }
    }
}

/// Wraps a key and its chain into a PKCS#12 container encrypted with `frasa`
/// (PBES2 AES-256 and an HMAC-SHA256 MAC, what OpenSSL 3 writes by default).
pub fn bungkus_pkcs12(
    pkcs8: &[u8],
    rantai: &[Vec<u8>],
    alias: &str,
    frasa: &str,
) -> TtdResult<Vec<u8>> {
    let kunci = PrivateKey::from_der(pkcs8).map_err(|_| TtdError::KunciTakDidukung)?;
    let mut sertifikat = Vec::new();
    for der in rantai {
        sertifikat.push(
            p12_keystore::Certificate::from_der(der)
                .map_err(|e| TtdError::Sertifikat(e.to_string()))?,
        );
    }
    let id_kunci = {
        use sha2::Digest;
        sha2::Sha256::digest(rantai.first().map_or(&[][..], Vec::as_slice)).to_vec()
    };
    let mut ks = KeyStore::new();
    ks.add_entry(
        alias,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(id_kunci, kunci, sertifikat)),
    );
    ks.writer(frasa)
        .encryption_algorithm(EncryptionAlgorithm::PbeWithHmacSha256AndAes256)
        .mac_algorithm(MacAlgorithm::HmacSha256)
        .write()
        .map_err(|e| TtdError::Sertifikat(e.to_string()))
}
