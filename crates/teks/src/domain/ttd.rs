//! Why a signature was not made, in both languages.

use siasn_domain::ttd::{AlasanTtd, StatusSertifikat};

use super::Terjemah;
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};
use crate::Teks;

/// A certificate's state at the signing time, and whether the signature stands with it.
pub fn label_status_sertifikat(s: StatusSertifikat, b: Bahasa) -> (&'static str, bool) {
    let (k, baik) = match s {
        StatusSertifikat::Berlaku => (Teks::VerifikasiStatusBerlaku, true),
        StatusSertifikat::DicabutSesudah => (Teks::VerifikasiStatusDicabutSesudah, true),
        StatusSertifikat::TidakBerlaku => (Teks::VerifikasiStatusTidakBerlaku, false),
        StatusSertifikat::DicabutSebelum => (Teks::VerifikasiStatusDicabutSebelum, false),
    };
    (b.t(k), baik)
}

impl Terjemah for AlasanTtd {
    fn jelaskan(&self, b: Bahasa) -> String {
        use AlasanTtd as A;
        match (self, b) {
            (A::TanpaSertifikat, Id) => {
                "Anda belum memiliki sertifikat elektronik aktif; minta admin menerbitkan atau mengimpornya".into()
            }
            (A::TanpaSertifikat, En) => {
                "you have no active electronic certificate; ask an admin to issue or import one".into()
            }
            (A::Dicabut, Id) => "sertifikat elektronik Anda telah dicabut".into(),
            (A::Dicabut, En) => "your electronic certificate was revoked".into(),
            (A::BelumBerlaku, Id) => "sertifikat elektronik Anda belum berlaku".into(),
            (A::BelumBerlaku, En) => "your electronic certificate is not valid yet".into(),
            (A::Kedaluwarsa, Id) => "sertifikat elektronik Anda sudah kedaluwarsa".into(),
            (A::Kedaluwarsa, En) => "your electronic certificate has expired".into(),
            (A::Terkunci { sampai }, Id) => format!(
                "terlalu banyak passphrase salah; sertifikat terkunci sampai {} UTC",
                sampai.format("%d-%m-%Y %H:%M")
            ),
            (A::Terkunci { sampai }, En) => format!(
                "too many wrong passphrases; the certificate is locked until {} UTC",
                sampai.format("%Y-%m-%d %H:%M")
            ),
            (A::FrasaSalah { sisa }, Id) => {
                format!("passphrase salah; sisa {sisa} percobaan sebelum sertifikat terkunci")
            }
            (A::FrasaSalah { sisa }, En) => {
                format!("wrong passphrase; {sisa} tries left before the certificate locks")
            }
            (A::FrasaKosong, Id) => "masukkan passphrase sertifikat elektronik Anda".into(),
            (A::FrasaKosong, En) => "enter your electronic certificate's passphrase".into(),
            (A::FrasaPendek { minimal }, Id) => format!("passphrase minimal {minimal} karakter"),
            (A::FrasaPendek { minimal }, En) => format!("the passphrase needs at least {minimal} characters"),
            (A::BukanPkcs12, Id) => "berkas bukan sertifikat PKCS#12 (.p12/.pfx)".into(),
            (A::BukanPkcs12, En) => "the file is not a PKCS#12 certificate (.p12/.pfx)".into(),
            (A::SertifikatTidakSah, Id) => "sertifikat atau kuncinya tidak dapat dipakai".into(),
            (A::SertifikatTidakSah, En) => "the certificate or its key cannot be used".into(),
            (A::TanpaCaInstans, Id) => {
                "instans ini hanya memakai sertifikat yang diimpor (PKCS#12 dari BSrE)".into()
            }
            (A::TanpaCaInstans, En) => {
                "this instance only uses imported certificates (PKCS#12 from BSrE)".into()
            }
            (A::BukanPejabat, Id) => "akun ini tidak berwenang menandatangani dokumen".into(),
            (A::BukanPejabat, En) => "this account may not sign documents".into(),
        }
    }
}
