//! RFC 3161 timestamps (PAdES baseline B-T): the request a timestamp authority (TSA) answers,
//! reading its answer, and checking a token already in a signature. The HTTP exchange is the
//! caller's; this is the ASN.1 and the checks.

use chrono::{DateTime, Utc};
use der::asn1::{GeneralizedTime, ObjectIdentifier, OctetString, Uint};
use der::{Any, Decode, Encode, Sequence};
use sha2::{Digest, Sha256};
use x509_cert::ext::Extensions;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::spki::AlgorithmIdentifierOwned;

use crate::sertifikat::{InfoSertifikat, OID_SHA256};
use crate::{TtdError, TtdResult, cms_ttd};

/// `MessageImprint ::= SEQUENCE { hashAlgorithm, hashedMessage }`.
#[derive(Clone, Debug, Sequence, PartialEq, Eq)]
struct MessageImprint {
    hash_algorithm: AlgorithmIdentifierOwned,
    hashed_message: OctetString,
}

/// `TimeStampReq` (RFC 3161 §2.4.1), without policy or extensions.
#[derive(Clone, Debug, Sequence)]
struct TimeStampReq {
    version: u8,
    message_imprint: MessageImprint,
    #[asn1(optional = "true")]
    nonce: Option<Uint>,
    #[asn1(default = "Default::default")]
    cert_req: bool,
}

/// `PKIStatusInfo` (RFC 3161 §2.4.2).
#[derive(Clone, Debug, Sequence)]
struct PkiStatusInfo {
    status: u32,
    #[asn1(optional = "true")]
    status_string: Option<Vec<String>>,
    #[asn1(optional = "true")]
    fail_info: Option<der::asn1::BitString>,
}

/// `TimeStampResp` (RFC 3161 §2.4.2).
#[derive(Clone, Debug, Sequence)]
struct TimeStampResp {
    status: PkiStatusInfo,
    #[asn1(optional = "true")]
    time_stamp_token: Option<Any>,
}

/// `Accuracy` (RFC 3161 §2.4.2).
#[derive(Clone, Debug, Sequence)]
struct Accuracy {
    #[asn1(optional = "true")]
    seconds: Option<u32>,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    millis: Option<u16>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    micros: Option<u16>,
}

/// `TSTInfo` (RFC 3161 §2.4.2).
#[derive(Clone, Debug, Sequence)]
struct TstInfo {
    version: u8,
    policy: ObjectIdentifier,
    message_imprint: MessageImprint,
    serial_number: Uint,
    gen_time: GeneralizedTime,
    #[asn1(optional = "true")]
    accuracy: Option<Accuracy>,
    #[asn1(default = "Default::default")]
    ordering: bool,
    #[asn1(optional = "true")]
    nonce: Option<Uint>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<Extensions>,
}

fn imprint(nilai: &[u8]) -> TtdResult<MessageImprint> {
    Ok(MessageImprint {
        hash_algorithm: AlgorithmIdentifierOwned {
            oid: OID_SHA256,
            parameters: None,
        },
        hashed_message: OctetString::new(Sha256::digest(nilai).to_vec())?,
    })
}

/// A request for a timestamp over a signature value, with a fresh nonce.
#[derive(Debug, Clone)]
pub struct PermintaanStempel {
    /// The DER to POST (`application/timestamp-query`).
    pub der: Vec<u8>,
    nonce: Uint,
    imprint: MessageImprint,
}

/// The request for `nilai` (the signature value).
pub fn permintaan(nilai: &[u8]) -> TtdResult<PermintaanStempel> {
    let mut acak = [0u8; 8];
    aws_lc_rs::rand::fill(&mut acak).map_err(|_| TtdError::Cms("acak".into()))?;
    let nonce = Uint::new(&acak)?;
    let imprint = imprint(nilai)?;
    let req = TimeStampReq {
        version: 1,
        message_imprint: imprint.clone(),
        nonce: Some(nonce.clone()),
        cert_req: true,
    };
    Ok(PermintaanStempel {
        der: req.to_der()?,
        nonce,
        imprint,
    })
}

/// Reads the TSA's answer (`application/timestamp-reply`) to `p`: the token (DER) when the
/// TSA granted it for this very imprint and nonce.
pub fn baca_jawaban(p: &PermintaanStempel, jawaban: &[u8]) -> TtdResult<Vec<u8>> {
    let r = TimeStampResp::from_der(jawaban)?;
    if r.status.status > 1 {
        let alasan = r
            .status
            .status_string
            .map(|s| s.join("; "))
            .unwrap_or_default();
        return Err(TtdError::Cms(format!(
            "TSA menolak (status {}): {alasan}",
            r.status.status
        )));
    }
    let token = r
        .time_stamp_token
        .ok_or_else(|| TtdError::Cms("jawaban TSA tanpa token".into()))?
        .to_der()?;
    let tst = TstInfo::from_der(&cms_ttd::isi_terbungkus(&token)?)?;
    if tst.message_imprint != p.imprint || tst.nonce.as_ref() != Some(&p.nonce) {
        return Err(TtdError::Cms(
            "token TSA bukan untuk tanda tangan ini".into(),
        ));
    }
    Ok(token)
}

/// A timestamp found in a signature, checked.
#[derive(Debug, Clone)]
pub struct Stempel {
    /// The time the TSA vouches for.
    pub waktu: DateTime<Utc>,
    /// The TSA's certificate, when the token carries it.
    pub tsa: Option<InfoSertifikat>,
    /// The token is signed by its certificate and stamps this very signature value.
    pub sah: bool,
}

/// Checks a signature-time-stamp token against the signature value it should stamp.
pub fn periksa_token(token: &[u8], nilai: &[u8]) -> Option<Stempel> {
    let isi = cms_ttd::isi_terbungkus(token).ok()?;
    let tst = TstInfo::from_der(&isi).ok()?;
    let waktu = DateTime::<Utc>::from(tst.gen_time.to_system_time());
    let cocok = imprint(nilai).is_ok_and(|i| i == tst.message_imprint);
    let cms = cms_ttd::periksa(token, &[&isi]).ok()?;
    let tsa = cms
        .penanda
        .as_ref()
        .and_then(|c| c.to_der().ok().map(|d| crate::sertifikat::info(c, &d)));
    Some(Stempel {
        waktu,
        tsa,
        sah: cocok && cms.digest_cocok && cms.tanda_tangan_sah,
    })
}
