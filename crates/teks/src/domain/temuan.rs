//! The findings of the proposal checks, in both languages.

use siasn_domain::usulan::validasi::{AlasanTemuan, Temuan};

use super::{Terjemah, nama_riwayat};
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};

impl Terjemah for Temuan {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (&self.alasan, b) {
            (Some(a), _) => a.jelaskan(b),
            // Stored before findings carried values: the sentences kept with it.
            (None, Id) => self.pesan.clone().unwrap_or_else(|| self.kode.clone()),
            (None, En) => self
                .pesan_en
                .clone()
                .or_else(|| self.pesan.clone())
                .unwrap_or_else(|| self.kode.clone()),
        }
    }
}

impl Terjemah for AlasanTemuan {
    fn jelaskan(&self, b: Bahasa) -> String {
        use AlasanTemuan as A;
        let kolom = |k: &siasn_domain::usulan::KolomDataUtama| k.jelaskan(b);
        match (self, b) {
            (A::TidakAdaPerubahan, Id) => "tidak ada data yang diubah".into(),
            (A::TidakAdaPerubahan, En) => "nothing is changed".into(),
            (A::NilaiSama(k), Id) => format!("{}: nilai baru sama dengan yang tercatat", kolom(k)),
            (A::NilaiSama(k), En) => format!("{}: the new value is the one on record", kolom(k)),
            (A::Wajib(k), Id) => format!("{} wajib diisi", kolom(k)),
            (A::Wajib(k), En) => format!("{} is required", kolom(k)),
            (A::TerlaluPanjang(k), Id) => format!("{} terlalu panjang", kolom(k)),
            (A::TerlaluPanjang(k), En) => format!("{} is too long", kolom(k)),
            (A::NikTidakValid(e), Id) => format!("NIK tidak valid: {}", e.jelaskan(b)),
            (A::NikTidakValid(e), En) => format!("the NIK is not valid: {}", e.jelaskan(b)),
            (A::NikTanggalLahir, Id) => {
                "tanggal lahir di NIK berbeda dengan tanggal lahir di NIP/data pribadi".into()
            }
            (A::NikTanggalLahir, En) => {
                "the birth date in the NIK differs from the NIP / personal data".into()
            }
            (A::NikJenisKelamin, Id) => "jenis kelamin di NIK berbeda dengan data pribadi".into(),
            (A::NikJenisKelamin, En) => "the sex in the NIK differs from personal data".into(),
            (A::KkTidakValid, Id) => "nomor KK harus 16 angka".into(),
            (A::KkTidakValid, En) => "the family card number must be 16 digits".into(),
            (A::NpwpTidakValid, Id) => "NPWP harus 15 atau 16 angka".into(),
            (A::NpwpTidakValid, En) => "the tax number must have 15 or 16 digits".into(),
            (A::BpjsTidakValid, Id) => "nomor BPJS harus 13 angka".into(),
            (A::BpjsTidakValid, En) => "the health insurance number must be 13 digits".into(),
            (A::HpTidakValid, Id) => "nomor HP harus 8–15 angka".into(),
            (A::HpTidakValid, En) => "the mobile number must have 8–15 digits".into(),
            (A::EmailTidakValid, Id) => "alamat e-mail tidak valid".into(),
            (A::EmailTidakValid, En) => "the e-mail address is not valid".into(),
            (A::AgamaTidakDikenal, Id) => "kode agama tidak dikenal".into(),
            (A::AgamaTidakDikenal, En) => "unknown religion code".into(),
            (A::JenisKawinTidakDikenal, Id) => "kode status perkawinan tidak dikenal".into(),
            (A::JenisKawinTidakDikenal, En) => "unknown marital status code".into(),
            (A::UnorTidakDikenal, Id) => "unit kerja bukan bagian dari instansi pegawai".into(),
            (A::UnorTidakDikenal, En) => "the unit is not part of the employee's agency".into(),
            (A::JenisBerbeda, Id) => "jenis riwayat tidak sama dengan baris yang dikoreksi".into(),
            (A::JenisBerbeda, En) => "the history kind differs from the row being corrected".into(),
            (A::RiwayatTidakAda, Id) => {
                "baris riwayat tidak ditemukan pada data pegawai ini".into()
            }
            (A::RiwayatTidakAda, En) => "the history row is not on this employee's record".into(),
            (A::RiwayatWajibKosong(j), Id) => format!(
                "menghapus baris terakhir {} yang wajib ada",
                nama_riwayat(*j, b)
            ),
            (A::RiwayatWajibKosong(j), En) => format!(
                "removes the last row of a mandatory section ({})",
                nama_riwayat(*j, b)
            ),
            (A::TidakBerlaku(j, p), Id) => {
                format!("{} tidak berlaku untuk {}", nama_riwayat(*j, b), p.kode())
            }
            (A::TidakBerlaku(_, p), En) => {
                format!("this history kind does not apply to {}", p.kode())
            }
            (A::LewatLayanan(j), Id) => format!(
                "{} hanya diisi oleh keputusan layanan kepegawaian, bukan usul perubahan data",
                nama_riwayat(*j, b)
            ),
            (A::LewatLayanan(j), En) => format!(
                "{} is written only by a personnel service's decree, not by a data-update proposal",
                nama_riwayat(*j, b)
            ),
            (A::TanggalMasaDepan(d), Id) => {
                format!("tanggal {} ada di masa depan", d.format("%d-%m-%Y"))
            }
            (A::TanggalMasaDepan(d), En) => {
                format!("the date {} is in the future", d.format("%Y-%m-%d"))
            }
            (A::SebelumLahir, Id) => "TMT/tanggal riwayat sebelum tanggal lahir pegawai".into(),
            (A::SebelumLahir, En) => "the effective date is before the employee's birth".into(),
            (A::SebelumTmtCpns, Id) => "TMT riwayat sebelum TMT CPNS".into(),
            (A::SebelumTmtCpns, En) => "the effective date is before the TMT CPNS".into(),
            (A::MelebihiBatasPendidikan { golongan, maks }, Id) => format!(
                "golongan {} melebihi batas tertinggi pendidikan tercatat ({})",
                golongan.label(),
                maks.label()
            ),
            (A::MelebihiBatasPendidikan { golongan, maks }, En) => format!(
                "rank {} is above the ceiling of the recorded education ({})",
                golongan.label(),
                maks.label()
            ),
            (A::MasaKerjaBulan, Id) => "masa kerja (bulan) harus 0–11".into(),
            (A::MasaKerjaBulan, En) => "service months must be 0–11".into(),
            (A::TahunLulusMasaDepan, Id) => "tahun lulus ada di masa depan".into(),
            (A::TahunLulusMasaDepan, En) => "the graduation year is in the future".into(),
            (A::SelesaiSebelumMulai, Id) => "tanggal selesai sebelum tanggal mulai".into(),
            (A::SelesaiSebelumMulai, En) => "the end date is before the start date".into(),
            (A::ModelSkp, Id) => {
                "SKP sampai 2021 memakai nilai angka, sejak 2022 memakai predikat kinerja".into()
            }
            (A::ModelSkp, En) => {
                "SKP up to 2021 uses scores; from 2022 it uses performance ratings".into()
            }
            (A::SkpDiLuarJendela { awal, akhir }, Id) => {
                format!("SKP yang dapat diusulkan hanya tahun {awal}–{akhir}")
            }
            (A::SkpDiLuarJendela { awal, akhir }, En) => {
                format!("only SKP for {awal}–{akhir} can be proposed")
            }
            (A::RiwayatKembar, Id) => "baris yang sama persis sudah ada".into(),
            (A::RiwayatKembar, En) => "an identical row is already on record".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siasn_domain::nik::NikError;
    use siasn_domain::usulan::validasi::Berat;

    #[test]
    fn a_finding_stored_before_codes_keeps_its_sentences() {
        let lama: Temuan = serde_json::from_str(
            r#"{"berat":"Peringatan","kode":"riwayat_kembar","pesan":"baris sama","pesan_en":"same row"}"#,
        )
        .unwrap();
        assert_eq!(Id.jelaskan(&lama), "baris sama");
        assert_eq!(En.jelaskan(&lama), "same row");
        assert_eq!(lama.berat, Berat::Peringatan);
    }

    #[test]
    fn an_invalid_nik_says_why() {
        let a = AlasanTemuan::NikTidakValid(NikError::Panjang { jumlah: 3 });
        let id = Id.jelaskan(&a);
        assert!(
            id.starts_with("NIK tidak valid: ") && !id.contains("nik."),
            "{id}"
        );
        assert!(En.jelaskan(&a).starts_with("the NIK is not valid: "));
    }
}
