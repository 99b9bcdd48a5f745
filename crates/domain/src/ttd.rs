//! Electronic signatures (TTE): when a signer's certificate may sign, and why not.

use chrono::{DateTime, Utc};

/// Why a signature was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlasanTtd {
    /// The signer has no live certificate.
    #[error("ttd.tanpa_sertifikat")]
    TanpaSertifikat,
    /// The certificate was revoked.
    #[error("ttd.dicabut")]
    Dicabut,
    /// The certificate is not yet valid.
    #[error("ttd.belum_berlaku")]
    BelumBerlaku,
    /// The certificate has expired.
    #[error("ttd.kedaluwarsa")]
    Kedaluwarsa,
    /// Too many wrong passphrases; try again after this time.
    #[error("ttd.terkunci")]
    Terkunci {
        /// Locked until.
        sampai: DateTime<Utc>,
    },
    /// The passphrase is wrong; this many tries remain before the lock.
    #[error("ttd.frasa_salah")]
    FrasaSalah {
        /// Tries left.
        sisa: i32,
    },
    /// The passphrase is empty.
    #[error("ttd.frasa_kosong")]
    FrasaKosong,
    /// A new certificate's passphrase is shorter than this.
    #[error("ttd.frasa_pendek")]
    FrasaPendek {
        /// Shortest allowed.
        minimal: usize,
    },
    /// The file is not a PKCS#12 certificate.
    #[error("ttd.bukan_pkcs12")]
    BukanPkcs12,
    /// The certificate or key cannot be used (kind, chain, content).
    #[error("ttd.sertifikat_tidak_sah")]
    SertifikatTidakSah,
    /// This instance does not issue certificates from its own CA (only imported PKCS#12).
    #[error("ttd.tanpa_ca_instans")]
    TanpaCaInstans,
    /// The account may not sign documents (no signing role).
    #[error("ttd.bukan_pejabat")]
    BukanPejabat,
}

/// The state of a certificate that decides whether it may sign at `saat`.
#[derive(Debug, Clone, Copy)]
pub struct KeadaanSertifikat {
    /// Valid from.
    pub berlaku_mulai: DateTime<Utc>,
    /// Valid until.
    pub berlaku_sampai: DateTime<Utc>,
    /// Revoked at.
    pub dicabut_pada: Option<DateTime<Utc>>,
    /// Locked until.
    pub terkunci_sampai: Option<DateTime<Utc>>,
}

/// Whether the certificate may sign at `saat` (before its passphrase is tried).
pub fn boleh_menandatangani(k: &KeadaanSertifikat, saat: DateTime<Utc>) -> Result<(), AlasanTtd> {
    if k.dicabut_pada.is_some_and(|d| d <= saat) {
        return Err(AlasanTtd::Dicabut);
    }
    if let Some(sampai) = k.terkunci_sampai.filter(|s| *s > saat) {
        return Err(AlasanTtd::Terkunci { sampai });
    }
    if saat < k.berlaku_mulai {
        return Err(AlasanTtd::BelumBerlaku);
    }
    if saat > k.berlaku_sampai {
        return Err(AlasanTtd::Kedaluwarsa);
    }
    Ok(())
}

/// What a signature check concludes about the certificate at the signing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusSertifikat {
    /// Valid and not revoked when it signed.
    Berlaku,
    /// Outside its validity when it signed.
    TidakBerlaku,
    /// Revoked before it signed.
    DicabutSebelum,
    /// Revoked after it signed: the signature stands.
    DicabutSesudah,
}

/// The certificate's status at `waktu_ttd`, given its validity and revocation.
pub fn status_pada(
    berlaku_mulai: DateTime<Utc>,
    berlaku_sampai: DateTime<Utc>,
    dicabut_pada: Option<DateTime<Utc>>,
    waktu_ttd: DateTime<Utc>,
) -> StatusSertifikat {
    match dicabut_pada {
        Some(d) if d <= waktu_ttd => StatusSertifikat::DicabutSebelum,
        _ if waktu_ttd < berlaku_mulai || waktu_ttd > berlaku_sampai => {
            StatusSertifikat::TidakBerlaku
        }
        Some(_) => StatusSertifikat::DicabutSesudah,
        None => StatusSertifikat::Berlaku,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap() + Duration::hours(h)
    }

    fn k() -> KeadaanSertifikat {
        KeadaanSertifikat {
            berlaku_mulai: t(0),
            berlaku_sampai: t(100),
            dicabut_pada: None,
            terkunci_sampai: None,
        }
    }

    #[test]
    fn a_certificate_signs_only_inside_its_validity_unrevoked_and_unlocked() {
        assert_eq!(boleh_menandatangani(&k(), t(50)), Ok(()));
        assert_eq!(
            boleh_menandatangani(&k(), t(-1)),
            Err(AlasanTtd::BelumBerlaku)
        );
        assert_eq!(
            boleh_menandatangani(&k(), t(101)),
            Err(AlasanTtd::Kedaluwarsa)
        );
        let dicabut = KeadaanSertifikat {
            dicabut_pada: Some(t(10)),
            ..k()
        };
        assert_eq!(boleh_menandatangani(&dicabut, t(9)), Ok(()));
        assert_eq!(
            boleh_menandatangani(&dicabut, t(10)),
            Err(AlasanTtd::Dicabut)
        );
        let terkunci = KeadaanSertifikat {
            terkunci_sampai: Some(t(20)),
            ..k()
        };
        assert_eq!(
            boleh_menandatangani(&terkunci, t(19)),
            Err(AlasanTtd::Terkunci { sampai: t(20) })
        );
        assert_eq!(boleh_menandatangani(&terkunci, t(20)), Ok(()));
    }

    #[test]
    fn revocation_after_signing_leaves_the_signature_standing() {
        use StatusSertifikat as S;
        assert_eq!(status_pada(t(0), t(100), None, t(5)), S::Berlaku);
        assert_eq!(
            status_pada(t(0), t(100), Some(t(10)), t(5)),
            S::DicabutSesudah
        );
        assert_eq!(
            status_pada(t(0), t(100), Some(t(5)), t(5)),
            S::DicabutSebelum
        );
        assert_eq!(status_pada(t(0), t(100), None, t(101)), S::TidakBerlaku);
        assert_eq!(
            status_pada(t(0), t(100), Some(t(200)), t(101)),
            S::TidakBerlaku
        );
    }
}
