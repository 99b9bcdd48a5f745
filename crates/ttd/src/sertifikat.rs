//! Reading X.509 certificates: who they name, who issued them, when they are valid, and
//! whether one certificate's signature was made by another's key.

use aws_lc_rs::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use chrono::{DateTime, Utc};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode, Tag, Tagged};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::name::Name;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::kunci::{OID_ECDSA_SHA256, OID_ECDSA_SHA384, OID_SHA256_RSA};
use crate::{TtdError, TtdResult};

const OID_CN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_SERIAL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.5");
const OID_O: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const OID_TITLE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.12");
const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_SHA1_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const OID_SHA384_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const OID_SHA512_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
pub(crate) const OID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// What a certificate says, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoSertifikat {
    /// The subject's common name (the signer's name).
    pub nama: String,
    /// The subject's serial number attribute (NIP or NIK the certificate is bound to).
    pub nomor_identitas: Option<String>,
    /// The subject's organisation.
    pub organisasi: Option<String>,
    /// The subject's title (position).
    pub jabatan: Option<String>,
    /// The full subject name.
    pub subjek: String,
    /// The issuer's common name.
    pub nama_penerbit: String,
    /// The full issuer name.
    pub penerbit: String,
    /// The serial number, hex.
    pub serial: String,
    /// Valid from.
    pub berlaku_mulai: DateTime<Utc>,
    /// Valid until.
    pub berlaku_sampai: DateTime<Utc>,
    /// SHA-256 of the DER, hex: how this system names a certificate.
    pub sidik_jari: String,
}

impl InfoSertifikat {
    /// Whether the certificate was within its validity at `saat`.
    pub fn berlaku_pada(&self, saat: DateTime<Utc>) -> bool {
        self.berlaku_mulai <= saat && saat <= self.berlaku_sampai
    }
}

/// Text of one attribute value, whatever string type it was written with.
fn teks(nilai: &der::Any) -> String {
    match nilai.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String => {
            String::from_utf8_lossy(nilai.value()).into_owned()
        }
        // BMPString: UTF-16BE.
        Tag::BmpString => {
            let unit: Vec<u16> = nilai
                .value()
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&unit)
        }
        // TeletexString and the rest: read as Latin-1.
        _ => nilai.value().iter().map(|&b| char::from(b)).collect(),
    }
}

fn atribut(nama: &Name, oid: ObjectIdentifier) -> Option<String> {
    nama.iter()
        .find(|a| a.oid == oid)
        .map(|a| teks(&a.value))
        .filter(|s| !s.trim().is_empty())
}

/// SHA-256 of a DER certificate, hex.
pub fn sidik_jari(der: &[u8]) -> String {
    hex::encode(Sha256::digest(der))
}

pub(crate) fn urai(der: &[u8]) -> TtdResult<Certificate> {
    Certificate::from_der(der).map_err(|e| TtdError::Sertifikat(e.to_string()))
}

fn waktu(t: x509_cert::time::Time) -> DateTime<Utc> {
    let d = t.to_unix_duration();
    DateTime::from_timestamp(i64::try_from(d.as_secs()).unwrap_or(i64::MAX), 0)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Reads a DER certificate.
pub fn baca(der: &[u8]) -> TtdResult<InfoSertifikat> {
    let c = urai(der)?;
    Ok(info(&c, der))
}

pub(crate) fn info(c: &Certificate, der: &[u8]) -> InfoSertifikat {
    let tbs = c.tbs_certificate();
    let subjek = tbs.subject();
    let penerbit = tbs.issuer();
    InfoSertifikat {
        nama: atribut(subjek, OID_CN).unwrap_or_else(|| subjek.to_string()),
        nomor_identitas: atribut(subjek, OID_SERIAL_NUMBER),
        organisasi: atribut(subjek, OID_O),
        jabatan: atribut(subjek, OID_TITLE),
        subjek: subjek.to_string(),
        nama_penerbit: atribut(penerbit, OID_CN).unwrap_or_else(|| penerbit.to_string()),
        penerbit: penerbit.to_string(),
        serial: hex::encode(tbs.serial_number().as_bytes()),
        berlaku_mulai: waktu(tbs.validity().not_before),
        berlaku_sampai: waktu(tbs.validity().not_after),
        sidik_jari: sidik_jari(der),
    }
}

/// The verification algorithm for a signature algorithm and the signer's key; `digest`
/// names the hash when the signature algorithm (plain rsaEncryption in CMS) does not.
fn algoritma_verifikasi(
    alg: &AlgorithmIdentifierOwned,
    spki: &SubjectPublicKeyInfoOwned,
    digest: Option<ObjectIdentifier>,
) -> Option<&'static dyn VerificationAlgorithm> {
    let kurva = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    let oid = alg.oid;
    let rsa_dengan = |d: Option<ObjectIdentifier>| -> Option<&'static dyn VerificationAlgorithm> {
        match d {
            Some(d) if d == OID_SHA256 => Some(&signature::RSA_PKCS1_2048_8192_SHA256),
            Some(d) if d == OID_SHA384 => Some(&signature::RSA_PKCS1_2048_8192_SHA384),
            Some(d) if d == OID_SHA512 => Some(&signature::RSA_PKCS1_2048_8192_SHA512),
            _ => None,
        }
    };
    if oid == OID_SHA256_RSA {
        rsa_dengan(Some(OID_SHA256))
    } else if oid == OID_SHA384_RSA {
        rsa_dengan(Some(OID_SHA384))
    } else if oid == OID_SHA512_RSA {
        rsa_dengan(Some(OID_SHA512))
    } else if oid == OID_SHA1_RSA {
        Some(&signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY)
    } else if oid == OID_RSA {
        rsa_dengan(digest)
    } else if oid == OID_ECDSA_SHA256 {
        match kurva {
            Some(k) if k == OID_P256 => Some(&signature::ECDSA_P256_SHA256_ASN1),
            Some(k) if k == OID_P384 => Some(&signature::ECDSA_P384_SHA256_ASN1),
            _ => None,
        }
    } else if oid == OID_ECDSA_SHA384 {
        match kurva {
            Some(k) if k == OID_P256 => Some(&signature::ECDSA_P256_SHA384_ASN1),
            Some(k) if k == OID_P384 => Some(&signature::ECDSA_P384_SHA384_ASN1),
            _ => None,
        }
    } else {
        None
    }
}

/// Whether `tanda_tangan` over `pesan` verifies with the key in `spki`.
pub(crate) fn tanda_tangan_sah(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &AlgorithmIdentifierOwned,
    digest: Option<ObjectIdentifier>,
    pesan: &[u8],
    tanda_tangan: &[u8],
) -> bool {
    let Some(a) = algoritma_verifikasi(alg, spki, digest) else {
        return false;
    };
    let Some(kunci) = spki.subject_public_key.as_bytes() else {
        return false;
    };
    UnparsedPublicKey::new(a, kunci)
        .verify(pesan, tanda_tangan)
        .is_ok()
}

/// Whether `anak` names `induk` as its issuer and carries a signature made by its key.
pub fn diterbitkan_oleh(anak: &Certificate, induk: &Certificate) -> bool {
    if anak.tbs_certificate().issuer() != induk.tbs_certificate().subject() {
        return false;
    }
    let Ok(tbs) = anak.tbs_certificate().to_der() else {
        return false;
    };
    let Some(sig) = anak.signature().as_bytes() else {
        return false;
    };
    tanda_tangan_sah(
        induk.tbs_certificate().subject_public_key_info(),
        anak.signature_algorithm(),
        None,
        &tbs,
        sig,
    )
}

/// A certificate as PEM text.
pub fn pem(der: &[u8]) -> TtdResult<String> {
    use der::EncodePem;
    let c = urai(der)?;
    c.to_pem(der::pem::LineEnding::LF)
        .map_err(|e| TtdError::Sertifikat(e.to_string()))
}

/// Reads a certificate given as PEM or DER.
pub fn dari_pem_atau_der(isi: &[u8]) -> TtdResult<Vec<u8>> {
    use der::DecodePem;
    if let Ok(s) = std::str::from_utf8(isi)
        && s.contains("-----BEGIN CERTIFICATE-----")
    {
        let c = Certificate::from_pem(s.trim()).map_err(|e| TtdError::Sertifikat(e.to_string()))?;
        return c.to_der().map_err(|e| TtdError::Sertifikat(e.to_string()));
    }
    urai(isi)?;
    Ok(isi.to_vec())
}
