//! The instance CA: for an instance without government (BSrE) certificates — the demo, an
//! agency trying the system — a CA made at first start issues signer certificates. Its name
//! says plainly that it is not a government CA, and so does every certificate it issues.

use chrono::{DateTime, Duration, Utc};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_ECDSA_P256_SHA256, SerialNumber,
};

use crate::{TtdError, TtdResult};

/// The label every instance-CA certificate carries in its organisational unit.
pub const LABEL_BUKAN_PEMERINTAH: &str =
    "Bukan CA pemerintah - CA instans SIASN, bukan sertifikat BSrE";

/// Years the instance CA is valid.
const TAHUN_CA: i64 = 10;

/// A certificate with its private key (PKCS#8 DER). The key is the caller's to protect.
pub struct BahanKunci {
    /// The certificate (DER).
    pub sertifikat: Vec<u8>,
    /// The private key (PKCS#8 DER).
    pub pkcs8: Vec<u8>,
}

impl std::fmt::Debug for BahanKunci {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BahanKunci").finish_non_exhaustive()
    }
}

/// Whom a signer certificate names.
#[derive(Debug, Clone)]
pub struct SubjekPenanda {
    /// Full name.
    pub nama: String,
    /// NIP (or NIK) the certificate is bound to; none for an instance seal.
    pub nomor_identitas: Option<String>,
    /// Position.
    pub jabatan: Option<String>,
    /// Agency or office.
    pub organisasi: String,
}

fn gagal(e: rcgen::Error) -> TtdError {
    TtdError::Sertifikat(e.to_string())
}

fn waktu(t: DateTime<Utc>) -> TtdResult<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(t.timestamp())
        .map_err(|e| TtdError::Sertifikat(e.to_string()))
}

fn serial_acak() -> TtdResult<SerialNumber> {
    let mut b = [0u8; 16];
    aws_lc_rs::rand::fill(&mut b).map_err(|_| TtdError::Sertifikat("acak".into()))?;
    // A positive INTEGER without a leading zero byte.
    b[0] = (b[0] & 0x7f) | 0x40;
    Ok(SerialNumber::from_slice(&b))
}

/// Makes the instance CA (ECDSA P-256, self-signed, valid ten years from `sekarang`).
pub fn buat_ca(nama_instance: &str, sekarang: DateTime<Utc>) -> TtdResult<BahanKunci> {
    let kunci = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(gagal)?;
    let mut p = CertificateParams::default();
    p.distinguished_name = rcgen::DistinguishedName::new();
    p.distinguished_name.push(
        DnType::CommonName,
        format!("CA Instans {nama_instance} (bukan CA pemerintah)"),
    );
    p.distinguished_name
        .push(DnType::OrganizationName, nama_instance.to_string());
    p.distinguished_name
        .push(DnType::OrganizationalUnitName, LABEL_BUKAN_PEMERINTAH);
    p.distinguished_name.push(DnType::CountryName, "ID");
    p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    p.not_before = waktu(sekarang - Duration::minutes(5))?;
    p.not_after = waktu(sekarang + Duration::days(365 * TAHUN_CA))?;
    p.serial_number = Some(serial_acak()?);
    let c = p.self_signed(&kunci).map_err(gagal)?;
    Ok(BahanKunci {
        sertifikat: c.der().to_vec(),
        pkcs8: kunci.serialize_der(),
    })
}

/// Issues a signer certificate (new ECDSA P-256 key) from the instance CA, valid `hari` days
/// from `sekarang` and never past the CA's own end.
pub fn terbitkan(
    ca: &BahanKunci,
    subjek: &SubjekPenanda,
    sekarang: DateTime<Utc>,
    hari: i64,
) -> TtdResult<BahanKunci> {
    let kunci_ca = KeyPair::try_from(ca.pkcs8.as_slice()).map_err(gagal)?;
    let der_ca = rustls_pki_types::CertificateDer::from(ca.sertifikat.as_slice());
    let penerbit = Issuer::from_ca_cert_der(&der_ca, kunci_ca).map_err(gagal)?;
    let akhir_ca = crate::sertifikat::baca(&ca.sertifikat)?.berlaku_sampai;

    let kunci = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(gagal)?;
    let mut p = CertificateParams::default();
    p.distinguished_name = rcgen::DistinguishedName::new();
    p.distinguished_name
        .push(DnType::CommonName, subjek.nama.clone());
    if let Some(n) = &subjek.nomor_identitas {
        // serialNumber (2.5.4.5), where a PSrE puts the identity number.
        p.distinguished_name
            .push(DnType::CustomDnType(vec![2, 5, 4, 5]), n.clone());
    }
    if let Some(j) = &subjek.jabatan {
        // title (2.5.4.12).
        p.distinguished_name
            .push(DnType::CustomDnType(vec![2, 5, 4, 12]), j.clone());
    }
    p.distinguished_name
        .push(DnType::OrganizationName, subjek.organisasi.clone());
    p.distinguished_name
        .push(DnType::OrganizationalUnitName, LABEL_BUKAN_PEMERINTAH);
    p.distinguished_name.push(DnType::CountryName, "ID");
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::ContentCommitment,
    ];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::EmailProtection];
    p.use_authority_key_identifier_extension = true;
    p.not_before = waktu(sekarang - Duration::minutes(5))?;
    p.not_after = waktu((sekarang + Duration::days(hari)).min(akhir_ca))?;
    p.serial_number = Some(serial_acak()?);
    let c = p.signed_by(&kunci, &penerbit).map_err(gagal)?;
    Ok(BahanKunci {
        sertifikat: c.der().to_vec(),
        pkcs8: kunci.serialize_der(),
    })
}
