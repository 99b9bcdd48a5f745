//! The card rules' outcomes: who may not hold a card yet, why a photo is refused, and what a
//! card's check says.

use siasn_domain::kartu::{FotoDitolak, StatusKartu, TidakLayak};

use super::Terjemah;
use crate::Bahasa::{self, Indonesia as Id, Inggris as En};

impl Terjemah for TidakLayak {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Self::BukanAsnAktif(k), Id) => format!("kedudukan hukum \"{k}\" bukan ASN aktif"),
            (Self::BukanAsnAktif(k), En) => {
                format!("legal status \"{k}\" is not an active civil servant")
            }
            (Self::BelumDiangkat, Id) => {
                "pengangkatan belum tercatat (TMT PNS / TMT PPPK kosong)".into()
            }
            (Self::BelumDiangkat, En) => {
                "the appointment is not recorded (TMT PNS / PPPK is empty)".into()
            }
            (Self::TanpaFoto, Id) => "belum ada foto kartu yang dikonfirmasi".into(),
            (Self::TanpaFoto, En) => "no confirmed card photo yet".into(),
        }
    }
}

impl Terjemah for FotoDitolak {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Self::Kosong, Id) => "berkas foto kosong".into(),
            (Self::Kosong, En) => "the photo file is empty".into(),
            (Self::TerlaluBesar(kb), Id) => format!("foto lebih besar dari {kb} KB"),
            (Self::TerlaluBesar(kb), En) => format!("the photo is larger than {kb} KB"),
            (Self::BukanGambar, Id) => "isi berkas bukan gambar PNG atau JPEG".into(),
            (Self::BukanGambar, En) => "the file is not a PNG or JPEG image".into(),
            (
                Self::ResolusiKurang {
                    lebar,
                    tinggi,
                    lebar_min,
                    tinggi_min,
                },
                Id,
            ) => format!(
                "resolusi foto {lebar}×{tinggi} piksel terlalu kecil; minimal {lebar_min}×{tinggi_min} piksel"
            ),
            (
                Self::ResolusiKurang {
                    lebar,
                    tinggi,
                    lebar_min,
                    tinggi_min,
                },
                En,
            ) => format!(
                "the photo's resolution {lebar}×{tinggi} pixels is too small; at least {lebar_min}×{tinggi_min} pixels"
            ),
            (Self::TidakWajar, Id) => "ukuran gambar tidak wajar".into(),
            (Self::TidakWajar, En) => "the image dimensions are not plausible".into(),
            (Self::TidakTransparan, Id) => {
                "latar belakang foto harus transparan (PNG dengan latar transparan)".into()
            }
            (Self::TidakTransparan, En) => {
                "the photo's background must be transparent (a PNG with a transparent background)"
                    .into()
            }
            (Self::Rusak, Id) => "gambar rusak atau tidak dapat dibaca".into(),
            (Self::Rusak, En) => "the image is damaged or cannot be read".into(),
        }
    }
}

impl Terjemah for StatusKartu {
    fn jelaskan(&self, b: Bahasa) -> String {
        match (self, b) {
            (Self::Berlaku, Id) => "Kartu BERLAKU".into(),
            (Self::Berlaku, En) => "Card VALID".into(),
            (Self::Diganti, Id) => {
                "TIDAK BERLAKU LAGI: kartu ini sudah diganti dengan kartu baru".into()
            }
            (Self::Diganti, En) => "NO LONGER VALID: this card was replaced by a newer card".into(),
            (Self::Kedaluwarsa, Id) => "TIDAK BERLAKU LAGI: masa berlaku kartu sudah habis".into(),
            (Self::Kedaluwarsa, En) => "NO LONGER VALID: the card has expired".into(),
            (Self::PemegangTidakAktif(k), Id) => {
                format!("TIDAK BERLAKU LAGI: pemegang tidak lagi ASN aktif ({k})")
            }
            (Self::PemegangTidakAktif(k), En) => {
                format!("NO LONGER VALID: the holder is no longer an active civil servant ({k})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_texts_in_both_languages() {
        let semua = [
            StatusKartu::Berlaku,
            StatusKartu::Diganti,
            StatusKartu::Kedaluwarsa,
            StatusKartu::PemegangTidakAktif("Pensiun".into()),
        ];
        for s in &semua {
            assert_ne!(Id.jelaskan(s), En.jelaskan(s));
        }
        let pensiun = StatusKartu::PemegangTidakAktif("Pensiun".into());
        assert!(
            Id.jelaskan(&pensiun).contains("Pensiun") && En.jelaskan(&pensiun).contains("Pensiun")
        );
        assert_eq!(
            Id.jelaskan(&FotoDitolak::TerlaluBesar(2048)),
            "foto lebih besar dari 2048 KB"
        );
        assert!(En.jelaskan(&TidakLayak::TanpaFoto).contains("photo"));
    }
}
