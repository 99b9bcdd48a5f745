//! Explanations of the domain's codes: the domain returns what happened as values (a refusal,
//! a finding, a reason), and this module says it in both languages.

mod audit;
mod kartu;
mod kolektif;
mod layanan;
mod pegawai;
mod pemberhentian;
mod temuan;
mod ttd;

use siasn_domain::riwayat::JenisRiwayat;

pub use audit::{KalimatAudit, kalimat_audit};
pub use layanan::{label_ember, label_langkah, label_status_layanan, label_tujuan, nama_layanan};
pub use ttd::label_status_sertifikat;

use crate::{Bahasa, Teks};

/// A domain value that can be explained to a person.
pub trait Terjemah {
    /// The explanation in `bahasa`.
    fn jelaskan(&self, bahasa: Bahasa) -> String;
}

/// A history kind's name inside a sentence ("Riwayat Golongan belum diisi").
pub fn nama_riwayat(j: JenisRiwayat, b: Bahasa) -> &'static str {
    b.t(match j {
        JenisRiwayat::Jabatan => Teks::NamaRiwayatJabatan,
        JenisRiwayat::Pendidikan => Teks::NamaRiwayatPendidikan,
        JenisRiwayat::Diklat => Teks::NamaRiwayatDiklat,
        JenisRiwayat::Kursus => Teks::NamaRiwayatKursus,
        JenisRiwayat::Skp => Teks::NamaRiwayatSkp,
        JenisRiwayat::Skp22 => Teks::NamaRiwayatSkp22,
        JenisRiwayat::Penghargaan => Teks::NamaRiwayatPenghargaan,
        JenisRiwayat::Golongan => Teks::NamaRiwayatGolongan,
        JenisRiwayat::Pasangan => Teks::NamaRiwayatPasangan,
        JenisRiwayat::Anak => Teks::NamaRiwayatAnak,
        JenisRiwayat::OrangTua => Teks::NamaRiwayatOrangTua,
        JenisRiwayat::Pmk => Teks::NamaRiwayatPmk,
        JenisRiwayat::PindahInstansi => Teks::NamaRiwayatPindahInstansi,
        JenisRiwayat::Cltn => Teks::NamaRiwayatCltn,
        JenisRiwayat::CpnsPns => Teks::NamaRiwayatCpnsPns,
        JenisRiwayat::Organisasi => Teks::NamaRiwayatOrganisasi,
        JenisRiwayat::HukumanDisiplin => Teks::NamaRiwayatHukumanDisiplin,
        JenisRiwayat::AngkaKredit => Teks::NamaRiwayatAngkaKredit,
        JenisRiwayat::Gaji => Teks::NamaRiwayatGaji,
        JenisRiwayat::Pemberhentian => Teks::NamaRiwayatPemberhentian,
    })
}

/// The heading of a history section.
pub fn judul_riwayat(j: JenisRiwayat) -> Teks {
    match j {
        JenisRiwayat::Jabatan => Teks::JudulJabatan,
        JenisRiwayat::Pendidikan => Teks::JudulPendidikan,
        JenisRiwayat::Diklat => Teks::JudulDiklat,
        JenisRiwayat::Kursus => Teks::JudulKursus,
        JenisRiwayat::Skp => Teks::JudulSkp,
        JenisRiwayat::Skp22 => Teks::JudulSkp22,
        JenisRiwayat::Penghargaan => Teks::JudulPenghargaan,
        JenisRiwayat::Golongan => Teks::JudulGolongan,
        JenisRiwayat::Pasangan => Teks::JudulPasangan,
        JenisRiwayat::Anak => Teks::JudulAnak,
        JenisRiwayat::OrangTua => Teks::JudulOrangTua,
        JenisRiwayat::Pmk => Teks::JudulPmk,
        JenisRiwayat::PindahInstansi => Teks::JudulPindahInstansi,
        JenisRiwayat::Cltn => Teks::JudulCltn,
        JenisRiwayat::CpnsPns => Teks::JudulCpnsPns,
        JenisRiwayat::Organisasi => Teks::JudulOrganisasi,
        JenisRiwayat::HukumanDisiplin => Teks::JudulHukumanDisiplin,
        JenisRiwayat::AngkaKredit => Teks::JudulAngkaKredit,
        JenisRiwayat::Gaji => Teks::JudulGaji,
        JenisRiwayat::Pemberhentian => Teks::JudulPemberhentian,
    }
}

impl Terjemah for siasn_domain::akun::kata_sandi::AlasanDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::akun::kata_sandi::AlasanDitolak as A;
        match (self, b) {
            (A::TerlaluPendek { minimum }, Bahasa::Indonesia) => {
                format!("kata sandi minimal {minimum} karakter")
            }
            (A::TerlaluPendek { minimum }, Bahasa::Inggris) => {
                format!("password must have at least {minimum} characters")
            }
            (A::TerlaluPanjang { maksimum }, Bahasa::Indonesia) => {
                format!("kata sandi maksimal {maksimum} karakter")
            }
            (A::TerlaluPanjang { maksimum }, Bahasa::Inggris) => {
                format!("password must have at most {maksimum} characters")
            }
            (A::TanpaHurufBesar, _) => b
                .pilih(
                    "kata sandi harus memuat minimal satu huruf kapital",
                    "password must contain at least one capital letter",
                )
                .into(),
            (A::TanpaAngka, _) => b
                .pilih(
                    "kata sandi harus memuat minimal satu angka",
                    "password must contain at least one digit",
                )
                .into(),
            (A::MemuatNip, _) => b
                .pilih(
                    "kata sandi tidak boleh memuat NIP",
                    "password must not contain your NIP",
                )
                .into(),
            (A::MemuatNik, _) => b
                .pilih(
                    "kata sandi tidak boleh memuat NIK",
                    "password must not contain your NIK",
                )
                .into(),
            (A::MemuatTanggalLahir, _) => b
                .pilih(
                    "kata sandi tidak boleh memuat tanggal lahir",
                    "password must not contain your birth date",
                )
                .into(),
            (A::MemuatNama, _) => b
                .pilih(
                    "kata sandi tidak boleh memuat nama Anda",
                    "password must not contain your name",
                )
                .into(),
            (A::TerlaluUmum, _) => b
                .pilih(
                    "kata sandi terlalu umum dan mudah ditebak",
                    "password is too common and easy to guess",
                )
                .into(),
        }
    }
}

impl Terjemah for siasn_domain::usulan::Konflik {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::usulan::Konflik as K;
        match (self, b) {
            // Values of sensitive columns are not repeated.
            (K::Kolom { kolom, .. }, Bahasa::Indonesia) if kolom.sensitif() => {
                format!("{} sudah diubah sejak usulan dibuat", kolom.jelaskan(b))
            }
            (K::Kolom { kolom, .. }, Bahasa::Inggris) if kolom.sensitif() => {
                format!(
                    "{} was changed after the proposal was made",
                    kolom.jelaskan(b)
                )
            }
            (K::Kolom { kolom, dulu, kini }, _) => {
                let d = dulu.as_deref().unwrap_or("-");
                let k = kini.as_deref().unwrap_or("-");
                match b {
                    Bahasa::Indonesia => format!(
                        "{} sudah berubah dari «{d}» menjadi «{k}» sejak usulan dibuat",
                        kolom.jelaskan(b)
                    ),
                    Bahasa::Inggris => format!(
                        "{} changed from «{d}» to «{k}» after the proposal was made",
                        kolom.jelaskan(b)
                    ),
                }
            }
            (K::RiwayatBerubah, Bahasa::Indonesia) => {
                "baris riwayat ini sudah diubah sejak usulan dibuat".into()
            }
            (K::RiwayatBerubah, Bahasa::Inggris) => {
                "this history row was changed after the proposal was made".into()
            }
            (K::RiwayatHilang, Bahasa::Indonesia) => "baris riwayat ini sudah tidak ada".into(),
            (K::RiwayatHilang, Bahasa::Inggris) => "this history row no longer exists".into(),
        }
    }
}

impl Terjemah for siasn_domain::usulan::StatusUsulan {
    fn jelaskan(&self, b: Bahasa) -> String {
        label_status(*self, b).to_string()
    }
}

impl Terjemah for siasn_domain::usulan::KolomDataUtama {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::usulan::KolomDataUtama as K;
        b.t(match self {
            K::Nama => Teks::KolomNama,
            K::GelarDepan => Teks::KolomGelarDepan,
            K::GelarBelakang => Teks::KolomGelarBelakang,
            K::TempatLahir => Teks::KolomTempatLahir,
            K::AgamaId => Teks::KolomAgama,
            K::JenisKawinId => Teks::KolomStatusPerkawinan,
            K::Alamat => Teks::KolomAlamat,
            K::Nik => Teks::KolomNik,
            K::NomorKk => Teks::KolomNomorKk,
            K::Npwp => Teks::KolomNpwp,
            K::Bpjs => Teks::KolomBpjs,
            K::Taspen => Teks::KolomTaspen,
            K::NomorHp => Teks::KolomNomorHp,
            K::EmailGov => Teks::KolomEmailDinas,
            K::UnorId => Teks::KolomUnitKerja,
        })
        .to_string()
    }
}

impl Terjemah for siasn_domain::usulan::isian::Isian {
    fn jelaskan(&self, b: Bahasa) -> String {
        b.t(label_isian(self.label)).to_string()
    }
}

/// The catalogue key of a form field's name.
pub fn label_isian(l: siasn_domain::usulan::isian::LabelIsian) -> Teks {
    use siasn_domain::usulan::isian::LabelIsian as L;
    match l {
        L::NomorSK => Teks::IsianNomorSK,
        L::TanggalSK => Teks::IsianTanggalSK,
        L::JenisJabatan => Teks::IsianJenisJabatan,
        L::NamaJabatan => Teks::IsianNamaJabatan,
        L::KodeJabatan => Teks::IsianKodeJabatan,
        L::KodeInstansi => Teks::IsianKodeInstansi,
        L::UnitOrganisasi => Teks::IsianUnitOrganisasi,
        L::Eselon => Teks::IsianEselon,
        L::JenisPenugasan => Teks::IsianJenisPenugasan,
        L::JenisMutasi => Teks::IsianJenisMutasi,
        L::TMTJabatan => Teks::IsianTMTJabatan,
        L::TMTPelantikan => Teks::IsianTMTPelantikan,
        L::TingkatPendidikan => Teks::IsianTingkatPendidikan,
        L::ProgramJurusan => Teks::IsianProgramJurusan,
        L::NamaSekolahKampus => Teks::IsianNamaSekolahKampus,
        L::TahunLulus => Teks::IsianTahunLulus,
        L::TanggalLulus => Teks::IsianTanggalLulus,
        L::NomorIjazah => Teks::IsianNomorIjazah,
        L::GelarDepan => Teks::IsianGelarDepan,
        L::GelarBelakang => Teks::IsianGelarBelakang,
        L::PendidikanSaatCPNS => Teks::IsianPendidikanSaatCPNS,
        L::JenisDiklat => Teks::IsianJenisDiklat,
        L::NamaDiklat => Teks::IsianNamaDiklat,
        L::NomorSertifikat => Teks::IsianNomorSertifikat,
        L::TanggalMulai => Teks::IsianTanggalMulai,
        L::TanggalSelesai => Teks::IsianTanggalSelesai,
        L::JumlahJam => Teks::IsianJumlahJam,
        L::Penyelenggara => Teks::IsianPenyelenggara,
        L::JenisKursus => Teks::IsianJenisKursus,
        L::NamaKursus => Teks::IsianNamaKursus,
        L::NIPPenilai => Teks::IsianNIPPenilai,
        L::NamaPenilai => Teks::IsianNamaPenilai,
        L::JabatanPenilai => Teks::IsianJabatanPenilai,
        L::Tahun => Teks::IsianTahun,
        L::NilaiSKP => Teks::IsianNilaiSKP,
        L::OrientasiPelayanan => Teks::IsianOrientasiPelayanan,
        L::Integritas => Teks::IsianIntegritas,
        L::Komitmen => Teks::IsianKomitmen,
        L::Disiplin => Teks::IsianDisiplin,
        L::KerjaSama => Teks::IsianKerjaSama,
        L::Kepemimpinan => Teks::IsianKepemimpinan,
        L::HasilKerja => Teks::IsianHasilKerja,
        L::PerilakuKerja => Teks::IsianPerilakuKerja,
        L::PredikatKinerja => Teks::IsianPredikatKinerja,
        L::UnitPenilai => Teks::IsianUnitPenilai,
        L::JenisPenghargaan => Teks::IsianJenisPenghargaan,
        L::NamaPenghargaan => Teks::IsianNamaPenghargaan,
        L::GolonganRuang => Teks::IsianGolonganRuang,
        L::JenisKenaikanPangkat => Teks::IsianJenisKenaikanPangkat,
        L::TMTGolongan => Teks::IsianTMTGolongan,
        L::NomorPertekBKN => Teks::IsianNomorPertekBKN,
        L::TanggalPertek => Teks::IsianTanggalPertek,
        L::MasaKerjaTahun => Teks::IsianMasaKerjaTahun,
        L::MasaKerjaBulan => Teks::IsianMasaKerjaBulan,
        L::AngkaKreditUtama => Teks::IsianAngkaKreditUtama,
        L::AngkaKreditTambahan => Teks::IsianAngkaKreditTambahan,
        L::Nama => Teks::IsianNama,
        L::JenisKelamin => Teks::IsianJenisKelamin,
        L::TempatLahir => Teks::IsianTempatLahir,
        L::TanggalLahir => Teks::IsianTanggalLahir,
        L::NIK => Teks::IsianNIK,
        L::ASN => Teks::IsianASN,
        L::NomorAktaNikah => Teks::IsianNomorAktaNikah,
        L::TanggalMenikah => Teks::IsianTanggalMenikah,
        L::NomorAktaCerai => Teks::IsianNomorAktaCerai,
        L::TanggalCerai => Teks::IsianTanggalCerai,
        L::TanggalMeninggal => Teks::IsianTanggalMeninggal,
        L::Status => Teks::IsianStatus,
        L::StatusAnak => Teks::IsianStatusAnak,
        L::AyahIbu => Teks::IsianAyahIbu,
        L::InstansiPerusahaan => Teks::IsianInstansiPerusahaan,
        L::KodeInstansiAsal => Teks::IsianKodeInstansiAsal,
        L::KodeInstansiTujuan => Teks::IsianKodeInstansiTujuan,
        L::TMTPindah => Teks::IsianTMTPindah,
        L::TanggalAktifKembali => Teks::IsianTanggalAktifKembali,
        L::TMT => Teks::IsianTMT,
        L::Golongan => Teks::IsianGolongan,
        L::NomorSPMT => Teks::IsianNomorSPMT,
        L::TanggalSPMT => Teks::IsianTanggalSPMT,
        L::NomorSTTPL => Teks::IsianNomorSTTPL,
        L::TanggalSTTPL => Teks::IsianTanggalSTTPL,
        L::NamaOrganisasi => Teks::IsianNamaOrganisasi,
        L::JabatanOrganisasi => Teks::IsianJabatanOrganisasi,
        L::JenisHukuman => Teks::IsianJenisHukuman,
        L::Tingkat => Teks::IsianTingkat,
        L::Alasan => Teks::IsianAlasan,
        L::TMTHukuman => Teks::IsianTMTHukuman,
        L::MasaBulan => Teks::IsianMasaBulan,
        L::Jabatan => Teks::IsianJabatan,
        L::MulaiPenilaianTahun => Teks::IsianMulaiPenilaianTahun,
        L::MulaiPenilaianBulan => Teks::IsianMulaiPenilaianBulan,
        L::SelesaiPenilaianTahun => Teks::IsianSelesaiPenilaianTahun,
        L::SelesaiPenilaianBulan => Teks::IsianSelesaiPenilaianBulan,
        L::AngkaKreditPenunjang => Teks::IsianAngkaKreditPenunjang,
        L::AngkaKreditTotal => Teks::IsianAngkaKreditTotal,
        L::PenilaianPertama => Teks::IsianPenilaianPertama,
        L::GajiPokokRp => Teks::IsianGajiPokokRp,
        L::MasaKerjaGolonganTahun => Teks::IsianMasaKerjaGolonganTahun,
        L::TMTGaji => Teks::IsianTMTGaji,
    }
}

impl Terjemah for siasn_domain::usulan::berkas::BerkasDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::usulan::berkas::BerkasDitolak as B;
        match (self, b) {
            (B::Kosong, Bahasa::Indonesia) => "berkas kosong".into(),
            (B::Kosong, Bahasa::Inggris) => "the file is empty".into(),
            (B::TerlaluBesar { batas }, Bahasa::Indonesia) => {
                format!("berkas lebih besar dari {batas} byte")
            }
            (B::TerlaluBesar { batas }, Bahasa::Inggris) => {
                format!("the file is larger than {batas} bytes")
            }
            (B::JenisTidakDiizinkan, Bahasa::Indonesia) => {
                "isi berkas bukan PDF, JPEG atau PNG".into()
            }
            (B::JenisTidakDiizinkan, Bahasa::Inggris) => {
                "the content is not a PDF, JPEG or PNG".into()
            }
            (B::GambarTidakWajar, Bahasa::Indonesia) => "ukuran gambar tidak wajar".into(),
            (B::GambarTidakWajar, Bahasa::Inggris) => {
                "the image dimensions are not plausible".into()
            }
            (B::Rusak, Bahasa::Indonesia) => "berkas rusak atau terpotong".into(),
            (B::Rusak, Bahasa::Inggris) => "the file is damaged or cut short".into(),
        }
    }
}

impl Terjemah for siasn_domain::usulan::TidakBoleh {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::usulan::TidakBoleh as T;
        b.t(match self {
            T::BukanGiliran(_) => Teks::UsulanBukanGiliran,
            T::UsulanSendiri => Teks::UsulanSendiri,
            T::BukanVerifikator => Teks::BukanVerifikator,
            T::AlasanKosong => Teks::AlasanWajib,
            T::BukanPengusul => Teks::BukanPengusul,
        })
        .to_string()
    }
}

impl Terjemah for siasn_domain::usulan::Masalah {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::usulan::Masalah as M;
        match self {
            M::Temuan(t) => t.jelaskan(b),
            M::AlasanHapusWajib => b.t(Teks::AlasanHapusWajib).into(),
            M::DokumenWajibKurang => b.t(Teks::DokumenWajibKurang).into(),
            M::JenisDokumenWajib { nama_file } => {
                format!("{nama_file}: {}", b.t(Teks::JenisDokumenWajib))
            }
            M::Berkas { nama_file, alasan } => format!("{nama_file}: {}", alasan.jelaskan(b)),
            M::JudulWajib => b.t(Teks::JudulWajib).into(),
            M::TanpaBarisSah => b.t(Teks::KolektifTanpaBarisSah).into(),
        }
    }
}

impl Terjemah for siasn_domain::akses::PeranTidakValid {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::akses::PeranTidakValid as P;
        match (self, b) {
            (P::PerluInstansi(p), Bahasa::Indonesia) => {
                format!("peran {p} harus terikat pada satu instansi")
            }
            (P::PerluInstansi(p), Bahasa::Inggris) => format!("the role {p} needs one agency"),
            (P::TanpaInstansi(p), Bahasa::Indonesia) => {
                format!("peran {p} tidak terikat pada instansi")
            }
            (P::TanpaInstansi(p), Bahasa::Inggris) => {
                format!("the role {p} is not tied to an agency")
            }
            (P::KanregTidakBerlaku, Bahasa::Indonesia) => {
                "hanya Verifikator BKN yang dapat dibatasi pada satu Kanreg".into()
            }
            (P::KanregTidakBerlaku, Bahasa::Inggris) => {
                "only a BKN verifier can be limited to one Kanreg".into()
            }
        }
    }
}

impl Terjemah for siasn_domain::klien_api::LingkupTidakDikenal {
    fn jelaskan(&self, b: Bahasa) -> String {
        let ada = "baca, tulis, dokumen, layanan, referensi, nik, keluarga, asuransi";
        match b {
            Bahasa::Indonesia => format!("lingkup tidak dikenal: «{}» (yang ada: {ada})", self.0),
            Bahasa::Inggris => format!("unknown scope: «{}» (known: {ada})", self.0),
        }
    }
}

/// What an API scope allows.
pub fn keterangan_lingkup(l: siasn_domain::klien_api::Lingkup) -> Teks {
    use siasn_domain::klien_api::Lingkup as L;
    match l {
        L::Baca => Teks::LingkupBaca,
        L::Tulis => Teks::LingkupTulis,
        L::Dokumen => Teks::LingkupDokumen,
        L::Layanan => Teks::LingkupLayanan,
        L::Referensi => Teks::LingkupReferensi,
        L::Nik => Teks::LingkupNik,
        L::Keluarga => Teks::LingkupKeluarga,
        L::Asuransi => Teks::LingkupAsuransi,
    }
}

/// The name of a proposal's status.
pub fn label_status(s: siasn_domain::usulan::StatusUsulan, b: Bahasa) -> &'static str {
    use siasn_domain::usulan::StatusUsulan as S;
    b.t(match s {
        S::Draf => Teks::StatusDraf,
        S::Diajukan => Teks::StatusDiajukan,
        S::Dikembalikan => Teks::StatusDikembalikan,
        S::MenungguBkn => Teks::StatusMenungguBkn,
        S::Selesai => Teks::StatusSelesai,
        S::Ditolak => Teks::StatusDitolak,
        S::Dibatalkan => Teks::StatusDibatalkan,
    })
}

/// A proposal's kind in words, from its code: "tambah.penghargaan" → "Tambah · Riwayat
/// Penghargaan", "data_utama" → "Data utama".
pub fn label_jenis_usulan(kode: &str, b: Bahasa) -> String {
    let (aksi, jenis) = kode.split_once('.').unwrap_or(("", kode));
    let nama = match JenisRiwayat::from_kode(jenis) {
        Some(j) => b.t(judul_riwayat(j)),
        None => b.t(Teks::DataUtama),
    };
    match aksi {
        "tambah" => format!("{} · {nama}", b.t(Teks::AksiTambah)),
        "ubah" => format!("{} · {nama}", b.t(Teks::AksiUbah)),
        "hapus" => format!("{} · {nama}", b.t(Teks::AksiHapus)),
        _ => nama.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siasn_domain::akun::kata_sandi::AlasanDitolak;
    use siasn_domain::usulan::berkas::BerkasDitolak;

    #[test]
    fn proposal_kinds_are_named_not_coded() {
        let t = label_jenis_usulan("tambah.penghargaan", Bahasa::Indonesia);
        assert!(!t.contains('.') && !t.contains("tambah"), "{t}");
        assert!(t.starts_with(Bahasa::Indonesia.t(Teks::AksiTambah)), "{t}");
        assert_eq!(
            label_jenis_usulan("data_utama", Bahasa::Inggris),
            Bahasa::Inggris.t(Teks::DataUtama)
        );
    }

    #[test]
    fn password_reasons_in_both_languages() {
        let id = Bahasa::Indonesia;
        let en = Bahasa::Inggris;
        assert_eq!(
            id.jelaskan(&AlasanDitolak::TerlaluPendek { minimum: 8 }),
            "kata sandi minimal 8 karakter"
        );
        assert_eq!(
            id.jelaskan(&AlasanDitolak::TanpaHurufBesar),
            "kata sandi harus memuat minimal satu huruf kapital"
        );
        assert_eq!(
            id.jelaskan(&AlasanDitolak::MemuatTanggalLahir),
            "kata sandi tidak boleh memuat tanggal lahir"
        );
        assert_eq!(
            en.jelaskan(&AlasanDitolak::TerlaluUmum),
            "password is too common and easy to guess"
        );
        assert_eq!(
            en.jelaskan(&AlasanDitolak::TerlaluPendek { minimum: 6 }),
            "password must have at least 6 characters"
        );
    }

    #[test]
    fn a_conflict_names_the_column_and_both_values() {
        use siasn_domain::usulan::{KolomDataUtama, Konflik};
        let k = Konflik::Kolom {
            kolom: KolomDataUtama::Nama,
            dulu: Some("Siti Aminah".into()),
            kini: Some("Siti Aminah S".into()),
        };
        let id = Bahasa::Indonesia.jelaskan(&k);
        assert!(id.contains("«Siti Aminah» menjadi «Siti Aminah S»"), "{id}");
        assert!(Bahasa::Inggris.jelaskan(&k).starts_with("Name"));
        let nik = Konflik::Kolom {
            kolom: KolomDataUtama::Nik,
            dulu: Some("3273014303680001".into()),
            kini: None,
        };
        assert!(!Bahasa::Indonesia.jelaskan(&nik).contains("3273"));
    }

    #[test]
    fn upload_refusals_in_both_languages() {
        let e = BerkasDitolak::TerlaluBesar { batas: 10 };
        assert_eq!(
            Bahasa::Indonesia.jelaskan(&e),
            "berkas lebih besar dari 10 byte"
        );
        assert_eq!(
            Bahasa::Inggris.jelaskan(&e),
            "the file is larger than 10 bytes"
        );
    }
}
