//! The record: NIP and NIK problems, what is missing on a record, mismatches, and why a
//! regular promotion is not due yet.

use siasn_domain::kelengkapan::Kekurangan;
use siasn_domain::kenaikan_pangkat::AlasanBelumMemenuhi;
use siasn_domain::konsistensi::Inkonsistensi;
use siasn_domain::nik::NikError;
use siasn_domain::nip::{NipError, NipPeringatan};
use siasn_domain::tanggal::format_indonesia;

use super::{Terjemah, nama_riwayat};
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};

impl Terjemah for NipError {
    fn jelaskan(&self, b: Bahasa) -> String {
        use NipError as E;
        match (self, b) {
            (E::Kosong, Id) => "NIP kosong".into(),
            (E::Kosong, En) => "NIP is empty".into(),
            (E::BukanAngka { karakter, posisi }, Id) => {
                format!("NIP hanya boleh berisi angka: karakter '{karakter}' di posisi {posisi}")
            }
            (E::BukanAngka { karakter, posisi }, En) => {
                format!("NIP may contain only digits: '{karakter}' at position {posisi}")
            }
            (E::SpasiSalahTempat { posisi }, Id) => format!(
                "spasi di posisi {posisi} tidak di antara kelompok 8-6-1-3 (contoh: 19680303 198911 2 001)"
            ),
            (E::SpasiSalahTempat { posisi }, En) => format!(
                "space at position {posisi} is not between the 8-6-1-3 groups (e.g. 19680303 198911 2 001)"
            ),
            (E::Panjang { jumlah }, Id) => format!("NIP harus 18 angka, bukan {jumlah}"),
            (E::Panjang { jumlah }, En) => format!("NIP must have 18 digits, not {jumlah}"),
            (E::TanggalLahirMustahil { teks }, Id) => {
                format!("tanggal lahir {teks} (angka 1-8) bukan tanggal yang ada")
            }
            (E::TanggalLahirMustahil { teks }, En) => {
                format!("birth date {teks} (digits 1-8) is not a real date")
            }
            (E::TanggalLahirMasaDepan { tanggal }, Id) => {
                format!("tanggal lahir {tanggal} (angka 1-8) ada di masa depan")
            }
            (E::TanggalLahirMasaDepan { tanggal }, En) => {
                format!("birth date {tanggal} (digits 1-8) is in the future")
            }
            (E::BulanTmtCpnsMustahil { bulan }, Id) => {
                format!("bulan TMT CPNS {bulan:02} (angka 13-14) bukan bulan 01-12")
            }
            (E::BulanTmtCpnsMustahil { bulan }, En) => {
                format!("TMT CPNS month {bulan:02} (digits 13-14) is not 01-12")
            }
            (E::TmtCpnsSebelumLahir { tmt, lahir }, Id) => {
                format!("TMT CPNS {tmt} (angka 9-14) lebih awal dari tanggal lahir {lahir}")
            }
            (E::TmtCpnsSebelumLahir { tmt, lahir }, En) => {
                format!("TMT CPNS {tmt} (digits 9-14) is before the birth date {lahir}")
            }
            (E::JenisKelamin { angka }, Id) => {
                format!("angka ke-15 (jenis kelamin) harus 1 atau 2, bukan {angka}")
            }
            (E::JenisKelamin { angka }, En) => {
                format!("digit 15 (sex) must be 1 or 2, not {angka}")
            }
        }
    }
}

impl Terjemah for NipPeringatan {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (NipPeringatan::UsiaDiBawah18SaatCpns { usia }, Id) => {
                format!("usia saat TMT CPNS baru {usia} tahun (kurang dari 18)")
            }
            (NipPeringatan::UsiaDiBawah18SaatCpns { usia }, En) => {
                format!("only {usia} years old at TMT CPNS (under 18)")
            }
        }
    }
}

impl Terjemah for NikError {
    fn jelaskan(&self, b: Bahasa) -> String {
        use NikError as E;
        match (self, b) {
            (E::Kosong, Id) => "NIK kosong".into(),
            (E::Kosong, En) => "NIK is empty".into(),
            (E::BukanAngka { karakter, posisi }, Id) => {
                format!("NIK hanya boleh berisi angka: karakter '{karakter}' di posisi {posisi}")
            }
            (E::BukanAngka { karakter, posisi }, En) => {
                format!("NIK may contain only digits: '{karakter}' at position {posisi}")
            }
            (E::Panjang { jumlah }, Id) => format!("NIK harus 16 angka, bukan {jumlah}"),
            (E::Panjang { jumlah }, En) => format!("NIK must have 16 digits, not {jumlah}"),
            (E::KodeWilayah, Id) => "kode provinsi NIK (angka 1-2) tidak boleh 00".into(),
            (E::KodeWilayah, En) => "the NIK's province code (digits 1-2) cannot be 00".into(),
            (E::TanggalLahirMustahil { teks }, Id) => {
                format!("tanggal lahir NIK {teks} (angka 7-12) bukan tanggal yang ada")
            }
            (E::TanggalLahirMustahil { teks }, En) => {
                format!("the NIK's birth date {teks} (digits 7-12) is not a real date")
            }
            (E::NomorUrut, Id) => "nomor urut NIK (angka 13-16) tidak boleh 0000".into(),
            (E::NomorUrut, En) => "the NIK's serial (digits 13-16) cannot be 0000".into(),
        }
    }
}

impl Terjemah for Kekurangan {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Kekurangan::RiwayatKosong(j), Id) => {
                format!("{} belum diisi", nama_riwayat(*j, b))
            }
            (Kekurangan::RiwayatKosong(j), En) => format!("{} is empty", nama_riwayat(*j, b)),
            (Kekurangan::DiklatAtauKursusKosong, Id) => {
                "riwayat diklat atau kursus belum diisi".into()
            }
            (Kekurangan::DiklatAtauKursusKosong, En) => {
                "no structural training or course is recorded".into()
            }
            (Kekurangan::SkpTahunKosong(t), Id) => format!("SKP tahun {t} belum ada"),
            (Kekurangan::SkpTahunKosong(t), En) => format!("no SKP for {t}"),
            (Kekurangan::DokumenTidakAda { jenis, .. }, Id) => format!(
                "{}: ada baris tanpa dokumen pendukung",
                nama_riwayat(*jenis, b)
            ),
            (Kekurangan::DokumenTidakAda { jenis, .. }, En) => format!(
                "{}: a row has no supporting document",
                nama_riwayat(*jenis, b)
            ),
            (Kekurangan::TidakKonsisten(i), _) => i.jelaskan(b),
            (Kekurangan::MencapaiBupTanpaKeputusan, Id) => {
                "telah melewati batas usia pensiun tanpa keputusan pensiun (Mencapai BUP): usul pensiun perlu dibuat".into()
            }
            (Kekurangan::MencapaiBupTanpaKeputusan, En) => {
                "past retirement age without a retirement decree: a pension case is needed".into()
            }
        }
    }
}

impl Terjemah for Inkonsistensi {
    fn jelaskan(&self, b: Bahasa) -> String {
        use Inkonsistensi as I;
        match (self, b) {
            (I::TanggalLahirNip, Id) => "tanggal lahir di NIP berbeda dengan data pribadi".into(),
            (I::TanggalLahirNip, En) => {
                "the birth date in the NIP differs from the personal data".into()
            }
            (I::JenisKelaminNip, Id) => "jenis kelamin di NIP berbeda dengan data pribadi".into(),
            (I::JenisKelaminNip, En) => "the sex in the NIP differs from the personal data".into(),
            (I::TmtCpnsNip { nip, tercatat }, Id) => {
                format!("TMT CPNS di NIP ({nip}) berbeda dengan TMT CPNS tercatat ({tercatat})")
            }
            (I::TmtCpnsNip { nip, tercatat }, En) => format!(
                "TMT CPNS in the NIP ({nip}) differs from the recorded TMT CPNS ({tercatat})"
            ),
            (I::TanggalLahirNik, Id) => "tanggal lahir di NIK berbeda dengan data pribadi".into(),
            (I::TanggalLahirNik, En) => {
                "the birth date in the NIK differs from the personal data".into()
            }
            (I::JenisKelaminNik, Id) => "jenis kelamin di NIK berbeda dengan data pribadi".into(),
            (I::JenisKelaminNik, En) => "the sex in the NIK differs from the personal data".into(),
            (I::UsiaCpnsDiBawah18, Id) => "usia saat TMT CPNS kurang dari 18 tahun".into(),
            (I::UsiaCpnsDiBawah18, En) => "younger than 18 at TMT CPNS".into(),
            (I::GolonganMelebihiBatasPendidikan, Id) => {
                "golongan melebihi batas tertinggi untuk pendidikan tercatat".into()
            }
            (I::GolonganMelebihiBatasPendidikan, En) => {
                "the rank is above the ceiling for the recorded education".into()
            }
        }
    }
}

impl Terjemah for AlasanBelumMemenuhi {
    fn jelaskan(&self, b: Bahasa) -> String {
        use AlasanBelumMemenuhi as A;
        match (self, b) {
            (A::GolonganTertinggi, Id) => "sudah golongan tertinggi (IV/e)".into(),
            (A::GolonganTertinggi, En) => "already at the highest rank (IV/e)".into(),
            (A::MasaGolonganKurang { terpenuhi_pada }, Id) => format!(
                "masa dalam golongan belum 4 tahun (terpenuhi {})",
                format_indonesia(*terpenuhi_pada)
            ),
            (A::MasaGolonganKurang { terpenuhi_pada }, En) => format!(
                "less than 4 years in the current rank (met on {})",
                terpenuhi_pada.format("%-d %B %Y")
            ),
            (A::MelebihiBatasPendidikan { batas }, Id) => {
                format!("golongan berikutnya melebihi batas pendidikan ({batas})")
            }
            (A::MelebihiBatasPendidikan { batas }, En) => {
                format!("the next rank is above the ceiling for the recorded education ({batas})")
            }
            (A::BatasPendidikanTidakDiketahui, Id) => {
                "batas golongan untuk pendidikan tercatat belum ada di referensi".into()
            }
            (A::BatasPendidikanTidakDiketahui, En) => {
                "the rank ceiling for the recorded education is not in the reference data".into()
            }
            // Rating words stay in Indonesian, as on the appraisal.
            (A::SkpKurang { tahun, predikat }, Id) => match predikat {
                Some(p) => format!("SKP {tahun} bernilai {} (minimal Baik)", p.nama()),
                None => format!("SKP {tahun} belum ada"),
            },
            (A::SkpKurang { tahun, predikat }, En) => match predikat {
                Some(p) => format!("SKP {tahun} rated {} (at least Baik required)", p.nama()),
                None => format!("no SKP for {tahun}"),
            },
            (A::MelebihiAtasan { atasan }, Id) => {
                format!("golongan berikutnya melebihi golongan atasan langsung ({atasan})")
            }
            (A::MelebihiAtasan { atasan }, En) => {
                format!("the next rank is above the direct superior's rank ({atasan})")
            }
            (A::PerluUjianDinas, Id) => "perlu lulus ujian dinas".into(),
            (A::PerluUjianDinas, En) => "the service exam (ujian dinas) must be passed".into(),
            (A::HukumanDisiplin, Id) => "sedang menjalani hukuman disiplin".into(),
            (A::HukumanDisiplin, En) => "a disciplinary penalty is in force".into(),
            (A::AngkaKreditKurang { dimiliki, minimal }, Id) => match dimiliki {
                Some(ak) => format!("angka kredit {ak} kurang dari {minimal}"),
                None => format!("belum ada PAK; perlu angka kredit {minimal}"),
            },
            (A::AngkaKreditKurang { dimiliki, minimal }, En) => match dimiliki {
                Some(ak) => format!("credit points {ak} are below {minimal}"),
                None => format!("no credit assessment (PAK) recorded; {minimal} points needed"),
            },
            (A::AngkaKreditTidakDiketahui, Id) => {
                "angka kredit minimal untuk golongan berikutnya belum ada di referensi".into()
            }
            (A::AngkaKreditTidakDiketahui, En) => {
                "the credit points needed for the next rank are not in the reference data".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use siasn_domain::riwayat::JenisRiwayat;
    use uuid::Uuid;

    #[test]
    fn nip_reasons_in_both_languages() {
        let e = NipError::Panjang { jumlah: 3 };
        assert_eq!(En.jelaskan(&e), "NIP must have 18 digits, not 3");
        assert_ne!(Id.jelaskan(&e), En.jelaskan(&e));
    }

    #[test]
    fn every_shortfall_has_an_english_text() {
        let semua = [
            Kekurangan::RiwayatKosong(JenisRiwayat::Golongan),
            Kekurangan::DiklatAtauKursusKosong,
            Kekurangan::SkpTahunKosong(2025),
            Kekurangan::DokumenTidakAda {
                jenis: JenisRiwayat::Jabatan,
                riwayat_id: Uuid::nil(),
            },
            Kekurangan::TidakKonsisten(Inkonsistensi::TanggalLahirNip),
            Kekurangan::TidakKonsisten(Inkonsistensi::GolonganMelebihiBatasPendidikan),
        ];
        for k in &semua {
            assert!(!En.jelaskan(k).is_empty());
            assert_ne!(En.jelaskan(k), Id.jelaskan(k), "{k:?}");
        }
        assert_eq!(
            Id.jelaskan(&Kekurangan::SkpTahunKosong(2025)),
            "SKP tahun 2025 belum ada"
        );
        assert_eq!(
            En.jelaskan(&Kekurangan::RiwayatKosong(JenisRiwayat::Golongan)),
            "Rank history is empty"
        );
    }

    #[test]
    fn promotion_reasons_in_both_languages() {
        let a = AlasanBelumMemenuhi::MasaGolonganKurang {
            terpenuhi_pada: NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
        };
        assert_eq!(
            En.jelaskan(&a),
            "less than 4 years in the current rank (met on 1 April 2027)"
        );
        let b = AlasanBelumMemenuhi::MasaGolonganKurang {
            terpenuhi_pada: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
        };
        assert_eq!(
            Id.jelaskan(&b),
            "masa dalam golongan belum 4 tahun (terpenuhi 1 April 2026)"
        );
        assert!(
            En.jelaskan(&AlasanBelumMemenuhi::PerluUjianDinas)
                .contains("service exam")
        );
    }
}
