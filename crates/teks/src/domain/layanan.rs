//! Personnel services: statuses, steps, who decides, and why a step was refused.

use siasn_domain::layanan::kp::Tujuan;
use siasn_domain::layanan::{JenisLayanan, Langkah, LangkahDitolak, StatusLayanan};
use siasn_domain::tanggal::format_indonesia;

use super::Terjemah;
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};
use crate::Teks;

/// A service's name.
pub fn nama_layanan(j: JenisLayanan) -> Teks {
    match j {
        JenisLayanan::KenaikanPangkat => Teks::LayananKp,
        JenisLayanan::Pensiun => Teks::LayananPensiun,
        JenisLayanan::Cltn => Teks::LayananCltn,
        JenisLayanan::Mpp => Teks::LayananMpp,
        JenisLayanan::PemberhentianSementara => Teks::LayananPemberhentianSementara,
        JenisLayanan::PindahInstansi => Teks::LayananPindahInstansi,
        JenisLayanan::Cpns => Teks::LayananCpns,
    }
}

/// A case status as people say it (the SIASN name is shown beside it where it matters).
pub fn label_status_layanan(s: StatusLayanan, b: Bahasa) -> &'static str {
    use StatusLayanan as S;
    b.t(match s {
        S::InputBerkas => Teks::LayananStatusInputBerkas,
        S::BerkasDisimpan => Teks::LayananStatusBerkasDisimpan,
        S::SuratUsulan => Teks::LayananStatusSuratUsulan,
        S::ApprovalSuratUsulan => Teks::LayananStatusApproval,
        S::PerbaikanDokumen => Teks::LayananStatusPerbaikan,
        S::Tms => Teks::LayananStatusTms,
        S::Bts => Teks::LayananStatusBts,
        S::ValidasiDisetujui => Teks::LayananStatusDisetujui,
        S::PertekDitandatangani => Teks::LayananStatusPertek,
        S::ProfilDiperbarui => Teks::LayananStatusSelesai,
        S::Dihapus => Teks::LayananStatusDihapus,
        S::MenungguPersetujuanAsal => Teks::LayananStatusPersetujuanAsal,
        S::DitolakInstansiAsal => Teks::LayananStatusDitolakAsal,
        S::MenungguSkAsal => Teks::LayananStatusSkAsal,
    })
}

/// A step as a button and in the case log.
pub fn label_langkah(l: Langkah, b: Bahasa) -> &'static str {
    use Langkah as L;
    b.t(match l {
        L::Buat => Teks::LayananLangkahBuat,
        L::SimpanBerkas => Teks::LayananLangkahSimpanBerkas,
        L::Ajukan => Teks::LayananLangkahAjukan,
        L::SetujuiInstansi => Teks::LayananLangkahSetujuiInstansi,
        L::KembalikanInstansi => Teks::LayananLangkahKembalikanInstansi,
        L::SetujuiBkn => Teks::LayananLangkahSetujuiBkn,
        L::Bts => Teks::LayananLangkahBts,
        L::Tms => Teks::LayananLangkahTms,
        L::TerbitkanPertek => Teks::LayananLangkahPertek,
        L::TandatanganiSk => Teks::LayananLangkahSk,
        L::UnggahSk => Teks::LayananLangkahUnggahSk,
        L::Hapus => Teks::LayananLangkahHapus,
        L::SetujuiAsal => Teks::LayananLangkahSetujuiAsal,
        L::TolakAsal => Teks::LayananLangkahTolakAsal,
        L::TandatanganiSkAsal => Teks::LayananLangkahSkAsal,
    })
}

/// A dashboard bucket.
pub fn label_ember(e: siasn_domain::layanan::Ember, b: Bahasa) -> &'static str {
    use siasn_domain::layanan::Ember as E;
    b.t(match e {
        E::Input => Teks::LayananEmberInput,
        E::Diajukan => Teks::LayananEmberDiajukan,
        E::Bts => Teks::LayananEmberBts,
        E::Tms => Teks::LayananEmberTms,
        E::PertekTtd => Teks::LayananEmberPertek,
        E::Selesai => Teks::LayananEmberSelesai,
        E::Dihapus => Teks::LayananEmberDihapus,
    })
}

/// Who decides a promotion.
pub fn label_tujuan(t: Tujuan, b: Bahasa) -> &'static str {
    b.t(match t {
        Tujuan::Kanreg => Teks::LayananTujuanKanreg,
        Tujuan::BknPusat => Teks::LayananTujuanPusat,
        Tujuan::Presiden => Teks::LayananTujuanPresiden,
    })
}

impl Terjemah for LangkahDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use LangkahDitolak as L;
        match (self, b) {
            (L::StatusTidakSesuai, Id) => "usul sudah berada di tahap lain; muat ulang halaman".into(),
            (L::StatusTidakSesuai, En) => "the case is at another stage now; reload the page".into(),
            (L::BukanPelaksana, Id) => "langkah ini bukan wewenang peran Anda untuk usul ini".into(),
            (L::BukanPelaksana, En) => "your role may not take this step on this case".into(),
            (L::MemutuskanSendiri, Id) => {
                "usul yang Anda buat atau tentang diri Anda diputuskan orang lain".into()
            }
            (L::MemutuskanSendiri, En) => {
                "a case you started, or about yourself, is decided by someone else".into()
            }
            (L::PerluAlasan, Id) => "tuliskan alasannya".into(),
            (L::PerluAlasan, En) => "give the reason".into(),
            (L::BerkasBelumLengkap, Id) => "dokumen wajib belum lengkap".into(),
            (L::BerkasBelumLengkap, En) => "required documents are missing".into(),
            (L::DiLuarJadwal { buka, tutup }, Id) => format!(
                "di luar jadwal pengusulan periode ini ({} s.d. {})",
                format_indonesia(*buka),
                format_indonesia(*tutup)
            ),
            (L::DiLuarJadwal { buka, tutup }, En) => format!(
                "outside this period's proposal window ({} to {})",
                buka.format("%-d %B %Y"),
                tutup.format("%-d %B %Y")
            ),
            (L::JenisDokumenTidakSesuai, Id) => "jenis dokumen ini tidak diperlukan layanan ini".into(),
            (L::JenisDokumenTidakSesuai, En) => "this document type is not one the service needs".into(),
            (L::DataBerubah, Id) => {
                "data pegawai sudah berubah sejak usul dibuat (golongan sekarang bukan golongan lama usul)".into()
            }
            (L::DataBerubah, En) => {
                "the record changed since the case was made (the current rank is not the case's old rank)".into()
            }
            (L::BukanPeriode, Id) => "TMT bukan tanggal periode kenaikan pangkat".into(),
            (L::BukanPeriode, En) => "the TMT is not a promotion period date".into(),
            (L::BelumMemenuhi, Id) => "belum memenuhi syarat kenaikan pangkat pada periode ini".into(),
            (L::BelumMemenuhi, En) => "does not meet the promotion conditions at this period".into(),
            (L::SudahAda, Id) => "sudah ada usul kenaikan pangkat pegawai ini yang belum selesai atau untuk periode ini".into(),
            (L::SudahAda, En) => "this employee already has a promotion case open or for this period".into(),
            (L::BukanKandidat, Id) => "bukan PNS aktif dengan golongan yang dapat naik".into(),
            (L::BukanKandidat, En) => "not an active civil servant with a rank that can rise".into(),
            (L::TanpaTujuan, Id) => {
                "referensi belum menentukan siapa yang memutuskan usul ini; hubungi admin BKN".into()
            }
            (L::TanpaTujuan, En) => {
                "the reference does not say who decides this case; contact a BKN admin".into()
            }
            (L::SkTidakSah, Id) => "nomor dan tanggal SK wajib diisi dengan benar".into(),
            (L::SkTidakSah, En) => "the SK number and date are required".into(),
            (L::Ttd(a), b) => a.jelaskan(b),
        }
    }
}
