//! Electronic signatures (tanda tangan elektronik, TTE) on the PDFs SIASN issues.
//!
//! - [`kunci`]: a signer's private key and certificate chain, opened from a PKCS#12 file with
//!   the signer's passphrase (what a BSrE-issued certificate is) and dropped after use.
//! - [`ca`]: the instance CA for an instance without government certificates: it issues signer
//!   certificates, labelled in their names as not a government CA.
//! - [`pdf`]: signs a PDF by an incremental update (PAdES baseline B-B: a detached CMS signature
//!   over the byte range with the signing-certificate-v2 attribute, the time in `/M`), with a
//!   visible appearance (name, position, statement and a verification QR) or an invisible one.
//! - [`stempel`]: RFC 3161 timestamps (PAdES B-T) when a timestamp authority is configured.
//! - [`periksa`]: reads every signature of any PDF and checks it: the byte range, the digest,
//!   the signature, the chain inside the CMS; trust and revocation are the caller's (they live
//!   in its database).
//!
//! Cryptography is aws-lc-rs; ASN.1 structures are RustCrypto's `der`, `x509-cert` and `cms`;
//! certificates are made by `rcgen`, PKCS#12 is read and written by `p12-keystore`, and the PDF
//! is parsed and updated by `lopdf` (decision 0014).

pub mod ca;
mod cms_ttd;
pub mod kunci;
pub mod pdf;
pub mod periksa;
pub mod sertifikat;
pub mod stempel;

pub use kunci::KunciTtd;
pub use periksa::{HasilTandaTangan, periksa_pdf};
pub use sertifikat::InfoSertifikat;

/// Why signing or reading a signature failed.
#[derive(Debug, thiserror::Error)]
pub enum TtdError {
    /// The file is not a PKCS#12 container.
    #[error("berkas bukan sertifikat PKCS#12")]
    BukanPkcs12,
    /// The passphrase does not open the container.
    #[error("passphrase salah")]
    FrasaSalah,
    /// The container holds no private key with its certificate.
    #[error("berkas PKCS#12 tidak memuat kunci privat beserta sertifikatnya")]
    TanpaKunci,
    /// The key kind is not one we sign with (RSA and ECDSA P-256/P-384 are).
    #[error("jenis kunci tidak didukung")]
    KunciTakDidukung,
    /// A certificate could not be read or made.
    #[error("sertifikat tidak sah: {0}")]
    Sertifikat(String),
    /// The PDF could not be read or updated.
    #[error("PDF tidak dapat diproses: {0}")]
    Pdf(String),
    /// The CMS structure could not be made or read.
    #[error("struktur tanda tangan tidak sah: {0}")]
    Cms(String),
    /// The key refused to sign.
    #[error("penandatanganan gagal")]
    Tandatangan,
}

impl From<der::Error> for TtdError {
    fn from(e: der::Error) -> Self {
        TtdError::Cms(e.to_string())
    }
}

/// Result of this crate.
pub type TtdResult<T> = Result<T, TtdError>;
