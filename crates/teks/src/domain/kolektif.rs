//! Why a form field, an employee's row of a collective proposal, or a whole CSV is refused.

use siasn_domain::usulan::isian::{AlasanIsian, IsianSalah};
use siasn_domain::usulan::kolektif::{CsvDitolak, SalahKolektif};

use super::Terjemah;
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};

impl Terjemah for IsianSalah {
    fn jelaskan(&self, b: Bahasa) -> String {
        self.alasan.jelaskan(b)
    }
}

impl Terjemah for AlasanIsian {
    fn jelaskan(&self, b: Bahasa) -> String {
        use AlasanIsian as A;
        match (self, b) {
            (A::Wajib, Id) => "wajib diisi".into(),
            (A::Wajib, En) => "required".into(),
            (A::TerlaluPanjang, Id) => "terlalu panjang (maks. 500 karakter)".into(),
            (A::TerlaluPanjang, En) => "too long (max 500 characters)".into(),
            (A::TanggalTidakValid, Id) => "tanggal tidak valid (TTTT-BB-HH)".into(),
            (A::TanggalTidakValid, En) => "invalid date (YYYY-MM-DD)".into(),
            (A::BukanBulat, Id) => "harus bilangan bulat".into(),
            (A::BukanBulat, En) => "must be a whole number".into(),
            (A::BukanAngka, Id) => "harus angka".into(),
            (A::BukanAngka, En) => "must be a number".into(),
            (A::PilihanTidakDikenal, Id) => "pilihan tidak dikenal".into(),
            (A::PilihanTidakDikenal, En) => "unknown choice".into(),
            (A::GolonganTidakDikenal, Id) => "golongan tidak dikenal".into(),
            (A::GolonganTidakDikenal, En) => "unknown rank".into(),
            (A::TidakLengkap(e), Id) => format!("isian tidak lengkap atau tidak sesuai: {e}"),
            (A::TidakLengkap(e), En) => format!("fields incomplete or invalid: {e}"),
        }
    }
}

impl Terjemah for SalahKolektif {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Self::KolomTidakDikenal(k), Id) => format!("kolom tidak dikenal: {k}"),
            (Self::KolomTidakDikenal(k), En) => format!("unknown column: {k}"),
            (Self::TidakAdaNilai, Id) => "tidak ada nilai yang diubah".into(),
            (Self::TidakAdaNilai, En) => "no value is changed".into(),
            // The column's key, as the operator wrote it in the CSV header.
            (Self::Isian(x), _) if x.kunci.is_empty() => x.jelaskan(b),
            (Self::Isian(x), _) => format!("{}: {}", x.kunci, x.jelaskan(b)),
        }
    }
}

impl Terjemah for CsvDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Self::Kosong, Id) => "berkas CSV kosong".into(),
            (Self::Kosong, En) => "the CSV file is empty".into(),
            (Self::TerlaluBanyak { ada, maks }, Id) => {
                format!("terlalu banyak baris: {ada} (maks. {maks} per usulan kolektif)")
            }
            (Self::TerlaluBanyak { ada, maks }, En) => {
                format!("too many rows: {ada} (at most {maks} per collective proposal)")
            }
            (Self::TanpaNip, Id) => "kolom «nip» tidak ada di baris judul".into(),
            (Self::TanpaNip, En) => "the header has no «nip» column".into(),
            (Self::KolomTidakDikenal(k), Id) => {
                format!("kolom «{k}» tidak dikenal untuk jenis usulan ini")
            }
            (Self::KolomTidakDikenal(k), En) => {
                format!("column «{k}» is not one of this kind of proposal")
            }
            (Self::KutipRusak(n), Id) => format!("tanda kutip tidak seimbang pada baris {n}"),
            (Self::KutipRusak(n), En) => format!("unbalanced quotes on line {n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siasn_domain::nip::NipError;

    #[test]
    fn collective_refusals_read_as_before() {
        let x = SalahKolektif::Isian(IsianSalah {
            kunci: "tmt_golongan".into(),
            alasan: AlasanIsian::TanggalTidakValid,
        });
        assert_eq!(
            Id.jelaskan(&x),
            "tmt_golongan: tanggal tidak valid (TTTT-BB-HH)"
        );
        assert_eq!(
            Id.jelaskan(&CsvDitolak::TerlaluBanyak {
                ada: 6000,
                maks: 5000
            }),
            "terlalu banyak baris: 6000 (maks. 5000 per usulan kolektif)"
        );
        assert!(
            !Id.jelaskan(&NipError::Panjang { jumlah: 3 })
                .contains("nip.")
        );
    }
}
