//! Leaving the service and status changes: why a pension right is missing and why a BUP,
//! CLTN or MPP case is refused, each naming its rule.

use siasn_domain::formasi::FormasiDitolak;
use siasn_domain::layanan::cltn::{KeluargaCltn, UsulCltnDitolak};
use siasn_domain::layanan::pensiun::PensiunDitolak;
use siasn_domain::masa_kerja::MasaKerja;
use siasn_domain::pemberhentian::{BupDitolak, CltnDitolak, MppDitolak, TanpaHakPensiun};

use super::Terjemah;
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};
use crate::tanggal;

fn masa(m: MasaKerja, b: Bahasa) -> String {
    match b {
        Id => format!("{} tahun {} bulan", m.tahun, m.bulan),
        En => format!("{} years {} months", m.tahun, m.bulan),
    }
}

impl Terjemah for TanpaHakPensiun {
    fn jelaskan(&self, b: Bahasa) -> String {
        use TanpaHakPensiun as E;
        match (self, b) {
            (E::MasaKerjaPensiun { ada }, Id) => format!(
                "hak pensiun butuh masa kerja pensiun paling sedikit 10 tahun (ada {})",
                masa(*ada, b)
            ),
            (E::MasaKerjaPensiun { ada }, En) => format!(
                "a pension right needs at least 10 years of pension service (has {})",
                masa(*ada, b)
            ),
            (E::MasaKerjaPns { ada }, Id) => format!(
                "hak pensiun butuh paling sedikit 5 tahun sebagai PNS (ada {})",
                masa(*ada, b)
            ),
            (E::MasaKerjaPns { ada }, En) => format!(
                "a pension right needs at least 5 years as a PNS (has {})",
                masa(*ada, b)
            ),
            (E::UsiaAps { usia }, Id) => format!(
                "pensiun atas permintaan sendiri butuh usia paling rendah 45 tahun pada TMT (usia {usia})"
            ),
            (E::UsiaAps { usia }, En) => {
                format!("a pension at own request needs age 45 on the TMT (age {usia})")
            }
            (E::MasaKerjaAps { ada }, Id) => format!(
                "pensiun atas permintaan sendiri butuh masa kerja paling sedikit 20 tahun (ada {})",
                masa(*ada, b)
            ),
            (E::MasaKerjaAps { ada }, En) => format!(
                "a pension at own request needs 20 years of service (has {})",
                masa(*ada, b)
            ),
        }
    }
}

impl Terjemah for BupDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (BupDitolak::TmtTidakSesuai { seharusnya }, Id) => format!(
                "TMT pensiun BUP adalah tanggal 1 bulan berikutnya setelah bulan mencapai BUP: {}",
                tanggal(*seharusnya, b)
            ),
            (BupDitolak::TmtTidakSesuai { seharusnya }, En) => format!(
                "a BUP retirement takes effect on the 1st of the month after the BUP month: {}",
                tanggal(*seharusnya, b)
            ),
            (BupDitolak::TerlaluDini { mulai }, Id) => format!(
                "usul pensiun BUP baru dapat dibuat mulai {}",
                tanggal(*mulai, b)
            ),
            (BupDitolak::TerlaluDini { mulai }, En) => format!(
                "a BUP retirement case can be made from {}",
                tanggal(*mulai, b)
            ),
        }
    }
}

impl Terjemah for PensiunDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use PensiunDitolak as E;
        match (self, b) {
            (E::BukanPns, Id) => "usul pensiun hanya untuk PNS (perjanjian kerja PPPK berakhir dengan sendirinya)".into(),
            (E::BukanPns, En) => "a pension case is only for a PNS (a PPPK's agreement simply ends)".into(),
            (E::SudahBerhenti, Id) => "pegawai ini sudah berhenti atau sudah memiliki keputusan pemberhentian".into(),
            (E::SudahBerhenti, En) => "this employee has already left the service or has a dismissal decree".into(),
            (E::Bup(e), _) => e.jelaskan(b),
            (E::PemberhentianTidakSesuai, Id) => "jenis pemberhentian tidak sesuai dengan jenis pensiun yang dipilih".into(),
            (E::PemberhentianTidakSesuai, En) => "the reason for leaving does not go with the kind of pension chosen".into(),
            (E::TanggalPeristiwaWajib, Id) => "jenis pensiun ini memerlukan tanggal peristiwa (meninggal dunia, surat keterangan tim penguji kesehatan)".into(),
            (E::TanggalPeristiwaWajib, En) => "this kind needs the date of its event (death, the health board's statement)".into(),
            (E::PeristiwaDiMasaDepan, Id) => "tanggal peristiwa tidak boleh di masa depan".into(),
            (E::PeristiwaDiMasaDepan, En) => "the event's date cannot be in the future".into(),
            (E::TmtWajib, Id) => "jenis pensiun ini memerlukan TMT".into(),
            (E::TmtWajib, En) => "this kind needs an effective date (TMT)".into(),
            (E::TmtBukanAwalBulan, Id) => "TMT pensiun/pemberhentian selalu tanggal 1 suatu bulan".into(),
            (E::TmtBukanAwalBulan, En) => "a pension's effective date is always the 1st of a month".into(),
            (E::TmtTidakSesuaiPeristiwa { seharusnya }, Id) => format!(
                "TMT adalah tanggal 1 bulan berikutnya setelah peristiwa: {}",
                tanggal(*seharusnya, b)
            ),
            (E::TmtTidakSesuaiPeristiwa { seharusnya }, En) => format!(
                "the effective date is the 1st of the month after the event: {}",
                tanggal(*seharusnya, b)
            ),
            (E::TmtDiLuarRentang { paling_awal, paling_akhir }, Id) => format!(
                "TMT harus antara {} dan {}",
                tanggal(*paling_awal, b),
                tanggal(*paling_akhir, b)
            ),
            (E::TmtDiLuarRentang { paling_awal, paling_akhir }, En) => format!(
                "the effective date must be between {} and {}",
                tanggal(*paling_awal, b),
                tanggal(*paling_akhir, b)
            ),
            (E::TmtSetelahBup { tmt_bup }, Id) => format!(
                "TMT ini sesudah TMT pensiun BUP ({}); usulkan pensiun BUP",
                tanggal(*tmt_bup, b)
            ),
            (E::TmtSetelahBup { tmt_bup }, En) => format!(
                "this date is after the BUP retirement ({}); propose a BUP pension",
                tanggal(*tmt_bup, b)
            ),
        }
    }
}

impl Terjemah for UsulCltnDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use UsulCltnDitolak as E;
        match (self, b) {
            (E::Aturan(e), _) => e.jelaskan(b),
            (E::Mpp(e), _) => e.jelaskan(b),
            (E::BukanPns, Id) => "perubahan status ini hanya untuk PNS".into(),
            (E::BukanPns, En) => "this status change is only for a PNS".into(),
            (E::TidakAktif, Id) => {
                "status ini hanya dapat dimulai bagi pegawai yang sedang aktif".into()
            }
            (E::TidakAktif, En) => {
                "this status can only begin for an employee on active duty".into()
            }
            (E::SudahBerjalan, Id) => {
                "pegawai ini sedang menjalani CLTN, tugas belajar, jabatan negara, pemberhentian \
                 sementara, atau masa persiapan pensiun"
                    .into()
            }
            (E::SudahBerjalan, En) => {
                "this employee is already on leave, on study, in a state office, temporarily \
                 dismissed or on pre-retirement leave"
                    .into()
            }
            (E::TanpaCltn, Id) => {
                "tidak ada status jenis ini yang sedang berjalan untuk diperpanjang atau diakhiri"
                    .into()
            }
            (E::TanpaCltn, En) => "no status of this kind is running to extend or end".into(),
            (E::TidakDiperpanjang, Id) => {
                "masa jabatan pejabat negara dan masa persiapan pensiun tidak diperpanjang lewat \
                 usul ini"
                    .into()
            }
            (E::TidakDiperpanjang, En) => {
                "a state official's term and pre-retirement leave are not extended by this case"
                    .into()
            }
            (E::TanggalWajib, Id) => "tanggal yang diperlukan belum diisi".into(),
            (E::TanggalWajib, En) => "a date the case needs is missing".into(),
            (E::AktifSebelumMulai, Id) => {
                "tanggal aktif kembali harus sesudah status itu dimulai".into()
            }
            (E::AktifSebelumMulai, En) => "the return must come after the status began".into(),
            (E::TerlambatMelapor { batas }, Id) => format!(
                "batas melapor kembali adalah {}; sesudahnya pegawai diberhentikan (pemberhentian karena tidak melapor setelah CLTN)",
                tanggal(*batas, b)
            ),
            (E::TerlambatMelapor { batas }, En) => format!(
                "the last day to report back was {}; after it the employee is dismissed (not reporting after CLTN)",
                tanggal(*batas, b)
            ),
        }
    }
}

impl Terjemah for CltnDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use CltnDitolak as E;
        match (self, b) {
            (E::MasaKerjaKurang { ada }, Id) => format!(
                "CLTN butuh masa kerja terus-menerus paling sedikit 5 tahun (ada {})",
                masa(*ada, b)
            ),
            (E::MasaKerjaKurang { ada }, En) => format!(
                "CLTN needs at least 5 years of continuous service (has {})",
                masa(*ada, b)
            ),
            (E::TanggalTerbalik, Id) => "tanggal akhir harus sesudah tanggal awal".into(),
            (E::TanggalTerbalik, En) => "the end date must be after the start".into(),
            (E::TerlaluLama, Id) => "CLTN paling lama 3 tahun".into(),
            (E::TerlaluLama, En) => "CLTN lasts at most 3 years".into(),
            (E::PerpanjanganTerlaluLama, Id) => "perpanjangan CLTN paling lama 1 tahun".into(),
            (E::PerpanjanganTerlaluLama, En) => "a CLTN extension lasts at most 1 year".into(),
            (E::SudahDiperpanjang, Id) => "CLTN hanya dapat diperpanjang satu kali".into(),
            (E::SudahDiperpanjang, En) => "a CLTN can be extended only once".into(),
            (E::TanpaFormasi { kebutuhan, terisi }, Id) => format!(
                "pengaktifan kembali butuh formasi yang lowong: jabatan pegawai di unitnya \
                 berkebutuhan {kebutuhan} dan terisi {terisi}; tambah kebutuhan di peta jabatan \
                 atau pindahkan pegawai ke jabatan yang lowong lebih dahulu"
            ),
            (E::TanpaFormasi { kebutuhan, terisi }, En) => format!(
                "the return needs a vacant post: the employee's post in their unit is planned \
                 for {kebutuhan} and has {terisi}; raise the need in the formasi register or \
                 move the employee to a vacant post first"
            ),
            (E::FormasiTidakTercatat, Id) => {
                "pengaktifan kembali butuh formasi yang lowong, tetapi jabatan pegawai di unitnya \
                 belum tercatat di peta jabatan (formasi)"
                    .into()
            }
            (E::FormasiTidakTercatat, En) => {
                "the return needs a vacant post, but the employee's post in their unit is not in \
                 the formasi register"
                    .into()
            }
        }
    }
}

impl Terjemah for MppDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (MppDitolak::LebihDariSetahun { paling_awal }, Id) => format!(
                "masa persiapan pensiun paling lama 1 tahun: paling awal mulai {}",
                tanggal(*paling_awal, b)
            ),
            (MppDitolak::LebihDariSetahun { paling_awal }, En) => format!(
                "pre-retirement leave lasts at most a year: it can start from {}",
                tanggal(*paling_awal, b)
            ),
            (MppDitolak::SetelahPensiun, Id) => {
                "masa persiapan pensiun harus dimulai sebelum TMT pensiun".into()
            }
            (MppDitolak::SetelahPensiun, En) => {
                "pre-retirement leave must start before the retirement date".into()
            }
        }
    }
}

impl Terjemah for KeluargaCltn {
    fn jelaskan(&self, b: Bahasa) -> String {
        use KeluargaCltn as K;
        match (self, b) {
            (K::Cltn, Id) => "cuti di luar tanggungan negara",
            (K::Cltn, En) => "unpaid leave",
            (K::TugasBelajar, Id) => "tugas belajar",
            (K::TugasBelajar, En) => "study assignment",
            (K::PejabatNegara, Id) => "masa jabatan pejabat negara",
            (K::PejabatNegara, En) => "term as a state official",
            (K::PemberhentianSementara, Id) => "pemberhentian sementara",
            (K::PemberhentianSementara, En) => "temporary dismissal",
            (K::Mpp, Id) => "masa persiapan pensiun",
            (K::Mpp, En) => "pre-retirement leave",
        }
        .into()
    }
}

impl Terjemah for siasn_domain::pengadaan::MasalahPeserta {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::pengadaan::MasalahPeserta as E;
        match (self, b) {
            (E::Kosong(k), Id) => format!("{k} wajib diisi"),
            (E::Kosong(k), En) => format!("{k} is required"),
            (E::NoPesertaGanda, Id) => {
                "nomor peserta sudah ada di baris sebelumnya atau sudah pernah diimpor".into()
            }
            (E::NoPesertaGanda, En) => {
                "the registration number is on an earlier row or was imported before".into()
            }
            (E::TanggalLahirTidakSah, Id) => {
                "tanggal lahir tidak sah (tulis dd-mm-yyyy, tanggal yang ada)".into()
            }
            (E::TanggalLahirTidakSah, En) => {
                "not a valid birth date (write dd-mm-yyyy, a real date)".into()
            }
            (E::Usia { usia }, Id) => format!(
                "usia pada TMT {usia} tahun: paling muda {} tahun",
                siasn_domain::pengadaan::USIA_MINIMAL
            ),
            (E::Usia { usia }, En) => format!(
                "aged {usia} at the TMT: at least {}",
                siasn_domain::pengadaan::USIA_MINIMAL
            ),
            (E::JenisKelamin, Id) => "jenis kelamin harus L atau P".into(),
            (E::JenisKelamin, En) => "sex must be L or P".into(),
            (E::JabatanTidakDikenal, Id) => "jabatan tidak ada di referensi".into(),
            (E::JabatanTidakDikenal, En) => "the position is not in the reference".into(),
            (E::UnorTidakDikenal, Id) => "unit kerja bukan milik instansi ini".into(),
            (E::UnorTidakDikenal, En) => "the unit is not this agency's".into(),
            (E::PendidikanTidakDikenal, Id) => "tingkat pendidikan tidak ada di referensi".into(),
            (E::PendidikanTidakDikenal, En) => "the education level is not in the reference".into(),
            (E::JenisPengadaanTidakDikenal, Id) => "jenis pengadaan tidak dikenal".into(),
            (E::JenisPengadaanTidakDikenal, En) => "unknown jenis pengadaan".into(),
            (E::TerlaluPanjang(k), Id) => format!("{k} terlalu panjang"),
            (E::TerlaluPanjang(k), En) => format!("{k} is too long"),
            (E::Email, Id) => "alamat surel tidak sah".into(),
            (E::Email, En) => "not an e-mail address".into(),
        }
    }
}

impl Terjemah for siasn_domain::layanan::cpns::CpnsDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::layanan::cpns::CpnsDitolak as E;
        match (self, b) {
            (E::BukanCalon, Id) => "pegawai ini tidak sedang menunggu SK CPNS".into(),
            (E::BukanCalon, En) => "this employee is not waiting for an SK CPNS".into(),
            (E::Pppk, Id) => "PPPK diangkat dengan perjanjian kerja, bukan SK CPNS".into(),
            (E::Pppk, En) => "a PPPK is appointed by contract, not by an SK CPNS".into(),
        }
    }
}

impl Terjemah for FormasiDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use FormasiDitolak as E;
        match (self, b) {
            (E::UnorLain, Id) => "unit kerja itu bukan milik instansi ini".into(),
            (E::UnorLain, En) => "that unit is not this agency's".into(),
            (E::TanpaJabatan, Id) => "pilih jabatannya".into(),
            (E::TanpaJabatan, En) => "choose the position".into(),
            (E::TerlaluBesar, Id) => format!(
                "kebutuhan satu jabatan paling banyak {}",
                siasn_domain::formasi::KEBUTUHAN_MAKS
            ),
            (E::TerlaluBesar, En) => format!(
                "one post is planned for at most {} holders",
                siasn_domain::formasi::KEBUTUHAN_MAKS
            ),
            (E::PerluAlasan, Id) => "perubahan peta jabatan perlu alasan (mis. hasil ABK)".into(),
            (E::PerluAlasan, En) => {
                "a change to the register needs a reason (e.g. the workload analysis)".into()
            }
        }
    }
}

impl Terjemah for siasn_domain::layanan::pindah::PindahDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        use siasn_domain::layanan::pindah::PindahDitolak as E;
        match (self, b) {
            (E::InstansiSama, Id) => {
                "pegawai sudah bekerja di instansi ini; pindah dalam satu instansi cukup \
                 keputusan PPK"
                    .into()
            }
            (E::InstansiSama, En) => {
                "the employee already works in this agency; a move inside one agency is the \
                 PPK's own decision"
                    .into()
            }
            (E::BukanPns, Id) => "hanya PNS yang dapat pindah antar instansi".into(),
            (E::BukanPns, En) => "only civil servants (PNS) transfer between agencies".into(),
            (E::TidakAktif, Id) => {
                "pegawai tidak berkedudukan aktif (sudah pensiun, diberhentikan, cuti, atau MPP)"
                    .into()
            }
            (E::TidakAktif, En) => {
                "the employee is not on active duty (retired, dismissed, on leave or MPP)".into()
            }
            (E::TmtBukanAwalBulan, Id) => "TMT pindah harus tanggal 1".into(),
            (E::TmtBukanAwalBulan, En) => "the transfer's TMT must be the first of a month".into(),
            (E::TmtLampau, Id) => "TMT pindah harus setelah hari ini".into(),
            (E::TmtLampau, En) => "the transfer's TMT must be after today".into(),
            (E::SetelahPensiun { tmt_pensiun }, Id) => format!(
                "TMT pindah harus sebelum TMT pensiun pegawai ({})",
                tanggal(*tmt_pensiun, b)
            ),
            (E::SetelahPensiun { tmt_pensiun }, En) => format!(
                "the transfer's TMT must be before the employee's retirement ({})",
                tanggal(*tmt_pensiun, b)
            ),
            (E::FormasiTidakTercatat, Id) => {
                "jabatan tujuan belum tercatat di peta jabatan instansi; isi kebutuhannya \
                 terlebih dahulu"
                    .into()
            }
            (E::FormasiTidakTercatat, En) => {
                "the receiving post is not in the agency's register; set its need first".into()
            }
            (E::TanpaFormasi { kebutuhan, terisi }, Id) => {
                format!("jabatan tujuan tidak lowong: berkebutuhan {kebutuhan} dan terisi {terisi}")
            }
            (E::TanpaFormasi { kebutuhan, terisi }, En) => {
                format!("the receiving post has no vacancy: {kebutuhan} planned, {terisi} present")
            }
            (E::PerluAlasan, Id) => "tuliskan alasan pindah".into(),
            (E::PerluAlasan, En) => "give the reason for the transfer".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn refusals_name_their_rule_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let e = BupDitolak::TmtTidakSesuai { seharusnya: d };
        assert!(
            Id.jelaskan(&e).contains("1 Juni 2026"),
            "{}",
            Id.jelaskan(&e)
        );
        assert!(En.jelaskan(&e).contains("1 June 2026"));
        let e = CltnDitolak::MasaKerjaKurang {
            ada: MasaKerja::from_bulan(50),
        };
        assert!(Id.jelaskan(&e).contains("5 tahun (ada 4 tahun 2 bulan)"));
        assert!(
            Id.jelaskan(&TanpaHakPensiun::UsiaAps { usia: 44 })
                .contains("45")
        );
        assert!(En.jelaskan(&MppDitolak::SetelahPensiun).contains("before"));
        let e = PensiunDitolak::Bup(BupDitolak::TerlaluDini { mulai: d });
        assert!(Id.jelaskan(&e).contains("1 Juni 2026"));
        assert!(
            Id.jelaskan(&PensiunDitolak::TmtBukanAwalBulan)
                .contains("tanggal 1")
        );
    }
}
