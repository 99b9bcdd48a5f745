//! The audit log's actions as sentences for the person the entry is about ("who saw or
//! changed my data"): no event codes on the page, and attempts by someone else are said to be
//! by someone else, not by the account's owner.

use crate::Teks;

/// How an audit action reads on the owner's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KalimatAudit {
    /// The sentence.
    pub teks: Teks,
    /// Whether the entry records an attempt by whoever typed the account's NIP (a failed
    /// sign-in, a reset request): its actor is then "someone", never the owner.
    pub percobaan: bool,
}

/// The sentence for an audit action code; unknown codes get a sentence by their prefix.
pub fn kalimat_audit(aksi: &str) -> KalimatAudit {
    use Teks::*;
    let (teks, percobaan) = match aksi {
        "login.berhasil" => (AuditMasuk, false),
        "logout" => (AuditKeluar, false),
        "login.gagal" => (AuditMasukGagal, true),
        "login.ditolak_terkunci" => (AuditMasukTerkunci, true),
        "login.api" => (AuditMasukApi, false),
        "login.api_gagal" => (AuditMasukApiGagal, true),
        "akun.dikunci" => (AuditAkunDikunci, false),
        "akun.dibuat" => (AuditAkunDibuat, false),
        "akun.diaktifkan" => (AuditAkunDiaktifkan, false),
        "akun.aktivasi_diminta" => (AuditAktivasiDiminta, true),
        "akun.peran_diberikan" => (AuditPeranDiberikan, false),
        "akun.peran_dicabut" => (AuditPeranDicabut, false),
        "sandi.reset_diminta" => (AuditResetDiminta, true),
        "sandi.token_salah" => (AuditTokenSalah, true),
        "sandi.token_ditolak_email_beda" => (AuditTokenEmailBeda, true),
        "sandi.diatur_ulang" => (AuditSandiDiganti, false),
        "sandi.diatur_cli" => (AuditSandiDiaturAdmin, false),
        "mfa.didaftarkan" => (AuditMfaDidaftarkan, false),
        "mfa.berhasil" => (AuditMfaBerhasil, false),
        "mfa.gagal" => (AuditMfaGagal, true),
        "mfa.direset" => (AuditMfaDireset, false),
        "sesi.lain_diakhiri" => (AuditSesiDiakhiri, false),
        "pegawai.dilihat" => (AuditDataDilihat, false),
        "pegawai.data_sensitif_dilihat" => (AuditSensitifDilihat, false),
        "api.dibaca" => (AuditDibacaApi, false),
        "pegawai.dibuat" => (AuditPegawaiDibuat, false),
        "pegawai.diubah" => (AuditPegawaiDiubah, false),
        "pegawai.disinkronkan" => (AuditPegawaiDisinkronkan, false),
        "pegawai.email_diubah" => (AuditEmailDiubah, false),
        "pegawai.foto.diganti" => (AuditFotoDiganti, false),
        "pegawai.kedudukan_hukum_diubah" => (AuditKedudukanDiubah, false),
        "dokumen.dilampirkan" => (AuditDokumenDilampirkan, false),
        "dokumen.diunduh" => (AuditDokumenDiunduh, false),
        "dokumen.ditandatangani" => (AuditDokumenDitandatangani, false),
        "kartu.diterbitkan" => (AuditKartuDiterbitkan, false),
        "kartu.diperiksa" => (AuditKartuDiperiksa, false),
        "usulan.disimpan" => (AuditUsulanDisimpan, false),
        "usulan.diajukan" => (AuditUsulanDiajukan, false),
        "usulan.ubah" => (AuditUsulanDiubah, false),
        "usulan.ajukan_ulang" => (AuditUsulanDiajukanUlang, false),
        "usulan.setujui" => (AuditUsulanDisetujui, false),
        "usulan.tolak" => (AuditUsulanDitolak, false),
        "usulan.kembalikan" => (AuditUsulanDikembalikan, false),
        "usulan.batalkan" => (AuditUsulanDibatalkan, false),
        "layanan.buat" => (AuditLayananDibuat, false),
        "layanan.simpan_berkas" => (AuditLayananBerkas, false),
        "layanan.ajukan" => (AuditLayananDiajukan, false),
        "layanan.setujui_instansi" => (AuditLayananSetujuiInstansi, false),
        "layanan.kembalikan_instansi" => (AuditLayananKembaliInstansi, false),
        "layanan.setujui_bkn" => (AuditLayananSetujuiBkn, false),
        "layanan.bts" => (AuditLayananBts, false),
        "layanan.tms" => (AuditLayananTms, false),
        "layanan.terbitkan_pertek" => (AuditLayananPertek, false),
        "layanan.tandatangani_sk" => (AuditLayananSk, false),
        "layanan.unggah_sk" => (AuditLayananUnggahSk, false),
        "layanan.hapus" => (AuditLayananDihapus, false),
        "layanan.lampirkan" => (AuditLayananLampirkan, false),
        "layanan.lepas_lampiran" => (AuditLayananLepas, false),
        a if a.starts_with("usulan.") => (AuditUsulanLain, false),
        a if a.starts_with("layanan.") => (AuditLayananLain, false),
        _ => (AuditLain, false),
    };
    KalimatAudit { teks, percobaan }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Bahasa;

    #[test]
    fn actions_read_as_sentences_and_attempts_are_by_someone_else() {
        let k = kalimat_audit("login.ditolak_terkunci");
        assert!(k.percobaan);
        assert!(
            Bahasa::Indonesia
                .t(k.teks)
                .starts_with("Seseorang mencoba masuk")
        );
        assert!(!kalimat_audit("login.berhasil").percobaan);
        assert_eq!(
            kalimat_audit("usulan.setujui").teks,
            Teks::AuditUsulanDisetujui
        );
        assert_eq!(kalimat_audit("usulan.lainnya").teks, Teks::AuditUsulanLain);
        assert_eq!(kalimat_audit("x.y").teks, Teks::AuditLain);
    }

    #[test]
    fn no_sentence_shows_a_code() {
        for kode in [
            "login.gagal",
            "sandi.reset_diminta",
            "pegawai.dilihat",
            "layanan.bts",
        ] {
            for b in [Bahasa::Indonesia, Bahasa::Inggris] {
                let t = b.t(kalimat_audit(kode).teks);
                assert!(!t.contains('.') && !t.contains('_'), "{t}");
            }
        }
    }
}
