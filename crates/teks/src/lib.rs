//! Every sentence users read, in one place: the short texts of the pages ([`Teks`], typed
//! keys from [`katalog`]), the explanations of the domain's codes ([`Terjemah`] for rule
//! outcomes and refusals), and e-mail bodies ([`surel`]). Indonesian first, English second;
//! a text cannot exist in one language only, and a missing key fails the build.

#[macro_use]
mod makro;
mod domain;
mod katalog;
mod nomor;
pub mod surel;
mod waktu;

use std::fmt::Display;

use serde::Deserialize;

pub use domain::{
    KalimatAudit, Terjemah, judul_riwayat, kalimat_audit, keterangan_lingkup, label_ember,
    label_jenis_usulan, label_langkah, label_status, label_status_layanan, label_status_sertifikat,
    label_tujuan, nama_layanan,
};
pub use katalog::Teks;
pub use nomor::nip;
pub use waktu::{ZonaWaktu, atur_zona_waktu, tanggal, waktu, waktu_di};

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

    /// The other language (for the switch link).
    pub fn lain(self) -> Self {
        match self {
            Self::Indonesia => Self::Inggris,
            Self::Inggris => Self::Indonesia,
        }
    }

    /// From a cookie or query value ("id"/"en").
    pub fn from_kode(kode: &str) -> Option<Self> {
        match kode {
            "id" => Some(Self::Indonesia),
            "en" => Some(Self::Inggris),
            _ => None,
        }
    }

    /// The text for `kunci` in this language.
    pub fn t(self, kunci: impl Into<Teks>) -> &'static str {
        kunci.into().dalam(self)
    }

    /// A text with one value in place of its `{}`.
    pub fn isi(self, kunci: Teks, nilai: impl Display) -> String {
        self.t(kunci).replacen("{}", &nilai.to_string(), 1)
    }

    /// A text with two values in place of its `{}`s, in order.
    pub fn isi2(self, kunci: Teks, a: impl Display, b: impl Display) -> String {
        self.t(kunci)
            .replacen("{}", &a.to_string(), 1)
            .replacen("{}", &b.to_string(), 1)
    }

    /// A domain code explained in this language.
    pub fn jelaskan(self, kode: &impl Terjemah) -> String {
        kode.jelaskan(self)
    }

    /// One of two texts, for the language in use (`id` first).
    pub fn pilih<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Indonesia => id,
            Self::Inggris => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for k in Teks::SEMUA {
            assert!(!Bahasa::Indonesia.t(*k).is_empty(), "{k:?}");
            assert!(!Bahasa::Inggris.t(*k).is_empty(), "{k:?}");
        }
        assert_eq!(Bahasa::Inggris.t(Teks::Masuk), "Sign in");
        assert_eq!(Bahasa::Indonesia.t(Teks::Masuk), "Masuk");
        assert_eq!(Bahasa::from_kode("en"), Some(Bahasa::Inggris));
        assert_eq!(Bahasa::Indonesia.lain(), Bahasa::Inggris);
    }
}
