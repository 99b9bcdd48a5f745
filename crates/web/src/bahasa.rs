//! The user's language and the typed message catalogues (a missing text is a compile error).

use serde::Deserialize;

/// Interface language: Indonesian by default, English on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Bahasa {
    /// Bahasa Indonesia.
    #[default]
    #[serde(rename = "id")]
    Indonesia,
    /// English.
    #[serde(rename = "en")]
    Inggris,
}

impl Bahasa {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Indonesia => "id",
            Self::Inggris => "en",
        }
    }

    /// The texts in this language.
    pub fn teks(self) -> &'static Teks {
        match self {
            Self::Indonesia => &ID,
            Self::Inggris => &EN,
        }
    }
}

/// Texts of the pages built so far.
pub struct Teks {
    /// Subtitle under the instance name.
    pub subjudul: &'static str,
    /// What SIASN is.
    pub deskripsi: &'static str,
    /// Heading of the status box.
    pub status: &'static str,
    /// "Database ready".
    pub basis_data_siap: &'static str,
    /// "Database not reachable".
    pub basis_data_gagal: &'static str,
    /// "Agencies".
    pub instansi: &'static str,
    /// "Engine".
    pub mesin: &'static str,
    /// Label of the link to the other language.
    pub ganti_bahasa: &'static str,
    /// Page-not-found title.
    pub tidak_ditemukan: &'static str,
    /// Page-not-found text.
    pub tidak_ditemukan_teks: &'static str,
    /// Back-to-home link.
    pub kembali: &'static str,
    /// Generic server error.
    pub galat_server: &'static str,
}

const ID: Teks = Teks {
    subjudul: "Sistem Informasi ASN",
    deskripsi: "Tempat instansi dan BKN mengelola, memverifikasi, dan menindaklanjuti data \
                kepegawaian ASN, serta portal layanan mandiri bagi setiap PNS dan PPPK.",
    status: "Status layanan",
    basis_data_siap: "Basis data siap",
    basis_data_gagal: "Basis data tidak dapat dihubungi",
    instansi: "Instansi terdaftar",
    mesin: "Penyimpanan",
    ganti_bahasa: "English",
    tidak_ditemukan: "Halaman tidak ditemukan",
    tidak_ditemukan_teks: "Alamat yang Anda buka tidak ada.",
    kembali: "Kembali ke beranda",
    galat_server: "Terjadi kesalahan di server. Silakan coba lagi.",
};

const EN: Teks = Teks {
    subjudul: "Civil Service Information System",
    deskripsi: "Where agencies and BKN keep, verify and act on civil servants' personnel data, \
                and the self-service portal for every PNS and PPPK.",
    status: "Service status",
    basis_data_siap: "Database ready",
    basis_data_gagal: "Database not reachable",
    instansi: "Registered agencies",
    mesin: "Storage",
    ganti_bahasa: "Bahasa Indonesia",
    tidak_ditemukan: "Page not found",
    tidak_ditemukan_teks: "The address you opened does not exist.",
    kembali: "Back to home",
    galat_server: "Something went wrong on the server. Please try again.",
};

/// `?lang=` query parameter.
#[derive(Debug, Default, Deserialize)]
pub struct PilihanBahasa {
    /// Chosen language.
    pub lang: Option<Bahasa>,
}
