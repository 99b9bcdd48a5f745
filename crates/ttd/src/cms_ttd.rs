//! The CMS SignedData inside a PDF signature (RFC 5652; ETSI EN 319 122 CAdES baseline as
//! PAdES uses it): detached, SHA-256, signed attributes content-type, message-digest and
//! signing-certificate-v2 (RFC 5035). PAdES keeps the claimed time in the PDF's `/M`, so no
//! CMS signing-time attribute is written; one found in another signer's file is read.

use chrono::{DateTime, Utc};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence};
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::AlgorithmIdentifierOwned;

use crate::kunci::KunciTtd;
use crate::sertifikat::{OID_SHA256, tanda_tangan_sah, urai};
use crate::{TtdError, TtdResult};

const OID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const OID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const OID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const OID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const OID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const OID_SIGNING_CERT_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL }`.
#[derive(Clone, Debug, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// `ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }`;
/// the default is left out, as DER requires.
#[derive(Clone, Debug, Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }`.
#[derive(Clone, Debug, Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

fn sha256_alg() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: OID_SHA256,
        parameters: None,
    }
}

fn atribut(oid: ObjectIdentifier, nilai: Any) -> TtdResult<Attribute> {
    let mut values = SetOfVec::new();
    values.insert(nilai)?;
    Ok(Attribute { oid, values })
}

/// The digest of `bagian` with the algorithm `oid` (SHA-256/384/512), or none if unknown.
pub(crate) fn hitung_digest(oid: ObjectIdentifier, bagian: &[&[u8]]) -> Option<Vec<u8>> {
    fn dengan<D: Digest>(bagian: &[&[u8]]) -> Vec<u8> {
        let mut h = D::new();
        for b in bagian {
            h.update(b);
        }
        h.finalize().to_vec()
    }
    if oid == OID_SHA256 {
        Some(dengan::<Sha256>(bagian))
    } else if oid == OID_SHA384 {
        Some(dengan::<Sha384>(bagian))
    } else if oid == OID_SHA512 {
        Some(dengan::<Sha512>(bagian))
    } else {
        None
    }
}

/// The signature-time-stamp-token unsigned attribute (RFC 3161 appendix A).
pub(crate) const OID_TOKEN_STEMPEL: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");

/// A signed SignerInfo and the chain, before an optional timestamp token joins them.
pub(crate) struct CmsTertanda {
    signer: SignerInfo,
    sertifikat: SetOfVec<CertificateChoices>,
}

impl CmsTertanda {
    /// The signature value (what a timestamp authority stamps).
    pub(crate) fn nilai(&self) -> &[u8] {
        self.signer.signature.as_bytes()
    }

    /// The ContentInfo DER, with the timestamp token as an unsigned attribute when given.
    pub(crate) fn rakit(mut self, token: Option<&[u8]>) -> TtdResult<Vec<u8>> {
        if let Some(t) = token {
            let mut attrs = SetOfVec::new();
            attrs.insert(atribut(OID_TOKEN_STEMPEL, Any::from_der(t)?)?)?;
            self.signer.unsigned_attrs = Some(attrs);
        }
        let mut digest_algs = SetOfVec::new();
        digest_algs.insert(sha256_alg())?;
        let mut signer_infos = SetOfVec::new();
        signer_infos.insert(self.signer)?;
        let sd = SignedData {
            version: CmsVersion::V1,
            digest_algorithms: digest_algs,
            encap_content_info: EncapsulatedContentInfo {
                econtent_type: OID_DATA,
                econtent: None,
            },
            certificates: Some(CertificateSet(self.sertifikat)),
            crls: None,
            signer_infos: SignerInfos(signer_infos),
        };
        let ci = ContentInfo {
            content_type: OID_SIGNED_DATA,
            content: Any::encode_from(&sd)?,
        };
        Ok(ci.to_der()?)
    }
}

/// Signs: the SignerInfo over content whose SHA-256 is `digest`.
pub(crate) fn tanda_tangani(kunci: &KunciTtd, digest: &[u8]) -> TtdResult<CmsTertanda> {
    let leaf = urai(kunci.sertifikat())?;
    let tbs = leaf.tbs_certificate();
    let ess = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            hash_algorithm: None,
            cert_hash: OctetString::new(Sha256::digest(kunci.sertifikat()).to_vec())?,
            issuer_serial: Some(IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer().clone())],
                serial_number: tbs.serial_number().clone(),
            }),
        }],
    };
    let mut signed_attrs = SetOfVec::new();
    signed_attrs.insert(atribut(OID_CONTENT_TYPE, Any::encode_from(&OID_DATA)?)?)?;
    signed_attrs.insert(atribut(
        OID_MESSAGE_DIGEST,
        Any::encode_from(&OctetString::new(digest.to_vec())?)?,
    )?)?;
    signed_attrs.insert(atribut(OID_SIGNING_CERT_V2, Any::encode_from(&ess)?)?)?;
    // The signature covers the attributes encoded as a SET OF (RFC 5652 §5.4).
    let tanda_tangan = kunci.tandatangani(&signed_attrs.to_der()?)?;

    let signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: sha256_alg(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: kunci.algoritma(),
        signature: OctetString::new(tanda_tangan)?,
        unsigned_attrs: None,
    };
    let mut sertifikat = SetOfVec::new();
    for der in kunci.rantai() {
        sertifikat.insert(CertificateChoices::Certificate(urai(der)?))?;
    }
    Ok(CmsTertanda { signer, sertifikat })
}

/// What a CMS signature says about itself.
#[derive(Debug)]
pub(crate) struct HasilCms {
    /// The signer's certificate, when the CMS carries it.
    pub penanda: Option<Certificate>,
    /// Every certificate the CMS carries.
    pub sertifikat: Vec<Certificate>,
    /// The message-digest attribute equals the digest of the signed bytes.
    pub digest_cocok: bool,
    /// The signature over the signed attributes verifies with the signer's key.
    pub tanda_tangan_sah: bool,
    /// The signing-certificate-v2 attribute names the signer's certificate.
    pub sertifikat_terikat: bool,
    /// A CMS signing-time attribute, when present.
    pub waktu: Option<DateTime<Utc>>,
    /// The signature value.
    pub nilai: Vec<u8>,
    /// The signature-time-stamp token (DER), when present.
    pub token_stempel: Option<Vec<u8>>,
}

fn nilai_pertama(attrs: &SetOfVec<Attribute>, oid: ObjectIdentifier) -> Option<&Any> {
    attrs
        .iter()
        .find(|a| a.oid == oid)
        .and_then(|a| a.values.iter().next())
}

/// The encapsulated content of a CMS SignedData (a timestamp token's TSTInfo), DER.
pub(crate) fn isi_terbungkus(isi: &[u8]) -> TtdResult<Vec<u8>> {
    let ci = ContentInfo::from_der(isi)?;
    let sd: SignedData = ci.content.decode_as()?;
    let e = sd
        .encap_content_info
        .econtent
        .ok_or_else(|| TtdError::Cms("token tanpa isi".into()))?;
    Ok(e.decode_as::<OctetString>()?.as_bytes().to_vec())
}

/// Reads a CMS signature (trailing zero padding allowed, as PDFs carry it) and checks it
/// against the signed bytes `bagian`.
pub(crate) fn periksa(isi: &[u8], bagian: &[&[u8]]) -> TtdResult<HasilCms> {
    let mut reader = der::SliceReader::new(isi)?;
    let ci = ContentInfo::decode(&mut reader)?;
    if ci.content_type != OID_SIGNED_DATA {
        return Err(TtdError::Cms("bukan SignedData".into()));
    }
    let sd: SignedData = ci.content.decode_as()?;
    let sertifikat: Vec<Certificate> = sd
        .certificates
        .as_ref()
        .map(|s| {
            s.0.iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(c) => Some(c.clone()),
                    CertificateChoices::Other(_) => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or_else(|| TtdError::Cms("tanpa penanda tangan".into()))?;
    let penanda = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => sertifikat
            .iter()
            .find(|c| {
                c.tbs_certificate().issuer() == &ias.issuer
                    && c.tbs_certificate().serial_number() == &ias.serial_number
            })
            .cloned(),
        SignerIdentifier::SubjectKeyIdentifier(_) => sertifikat.first().cloned(),
    };
    let digest = hitung_digest(si.digest_alg.oid, bagian);
    let mut hasil = HasilCms {
        penanda: penanda.clone(),
        sertifikat: sertifikat.clone(),
        digest_cocok: false,
        tanda_tangan_sah: false,
        sertifikat_terikat: false,
        waktu: None,
        nilai: si.signature.as_bytes().to_vec(),
        token_stempel: si
            .unsigned_attrs
            .as_ref()
            .and_then(|u| nilai_pertama(u, OID_TOKEN_STEMPEL))
            .and_then(|a| a.to_der().ok()),
    };
    let Some(attrs) = &si.signed_attrs else {
        // Without signed attributes PAdES is not met; nothing else is checked.
        return Ok(hasil);
    };
    if let (Some(d), Some(md)) = (&digest, nilai_pertama(attrs, OID_MESSAGE_DIGEST)) {
        hasil.digest_cocok = md
            .decode_as::<OctetString>()
            .is_ok_and(|o| o.as_bytes() == d.as_slice());
    }
    if let Some(t) = nilai_pertama(attrs, OID_SIGNING_TIME)
        && let Ok(t) = t.decode_as::<x509_cert::time::Time>()
    {
        let d = t.to_unix_duration();
        hasil.waktu = DateTime::from_timestamp(i64::try_from(d.as_secs()).unwrap_or(0), 0);
    }
    if let Some(c) = &penanda {
        let der_c = c.to_der()?;
        hasil.tanda_tangan_sah = tanda_tangan_sah(
            c.tbs_certificate().subject_public_key_info(),
            &si.signature_algorithm,
            Some(si.digest_alg.oid),
            &attrs.to_der()?,
            si.signature.as_bytes(),
        );
        if let Some(v) = nilai_pertama(attrs, OID_SIGNING_CERT_V2)
            && let Ok(scv2) = v.decode_as::<SigningCertificateV2>()
        {
            hasil.sertifikat_terikat = scv2.certs.first().is_some_and(|id| {
                let alg = id.hash_algorithm.as_ref().map_or(OID_SHA256, |a| a.oid);
                hitung_digest(alg, &[&der_c]).is_some_and(|h| h == id.cert_hash.as_bytes())
            });
        }
    }
    Ok(hasil)
}
