//! Partner clients of the SIASN-compatible API: what a client may reach (one agency or national
//! read access), which parts of the service it may use (scopes), which personal fields it sees
//! unmasked, and how its reach combines with the reach of the user on whose behalf it calls.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::akses::Cakupan;

/// A part of the service a client may be granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lingkup {
    /// Read employee data and histories.
    Baca,
    /// Saves, updates and deletes.
    Tulis,
    /// Document download and upload.
    Dokumen,
    /// Agency service lists (promotion, retirement) and the unit list.
    Layanan,
    /// The reference API.
    Referensi,
    /// NIK and identity document numbers unmasked.
    Nik,
    /// Family data (spouse, children, parents).
    Keluarga,
    /// Insurance, pension-fund and tax numbers unmasked.
    Asuransi,
}

impl Lingkup {
    /// Every scope.
    pub const SEMUA: [Lingkup; 8] = [
        Self::Baca,
        Self::Tulis,
        Self::Dokumen,
        Self::Layanan,
        Self::Referensi,
        Self::Nik,
        Self::Keluarga,
        Self::Asuransi,
    ];

    /// What a client gets when none is named: reading without personal identifiers.
    pub const BAWAAN: [Lingkup; 4] = [Self::Baca, Self::Dokumen, Self::Layanan, Self::Referensi];

    /// The scope's token (in tokens, the CLI and storage).
    pub fn kode(self) -> &'static str {
        match self {
            Self::Baca => "baca",
            Self::Tulis => "tulis",
            Self::Dokumen => "dokumen",
            Self::Layanan => "layanan",
            Self::Referensi => "referensi",
            Self::Nik => "nik",
            Self::Keluarga => "keluarga",
            Self::Asuransi => "asuransi",
        }
    }

    /// Parses a token.
    pub fn from_kode(kode: &str) -> Option<Self> {
        let k = kode.trim().to_ascii_lowercase();
        Self::SEMUA.into_iter().find(|l| l.kode() == k)
    }
}

/// A set of scopes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaftarLingkup(BTreeSet<Lingkup>);

/// A scope token nobody knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lingkup.tidak_dikenal")]
pub struct LingkupTidakDikenal(pub String);

impl DaftarLingkup {
    /// Parses a list separated by spaces or commas; empty means [`Lingkup::BAWAAN`].
    pub fn parse(teks: &str) -> Result<Self, LingkupTidakDikenal> {
        let mut set = BTreeSet::new();
        for t in teks.split([' ', ',']).filter(|t| !t.trim().is_empty()) {
            set.insert(Lingkup::from_kode(t).ok_or_else(|| LingkupTidakDikenal(t.to_string()))?);
        }
        if set.is_empty() {
            set.extend(Lingkup::BAWAAN);
        }
        Ok(Self(set))
    }

    /// From scopes.
    pub fn dari(lingkup: impl IntoIterator<Item = Lingkup>) -> Self {
        Self(lingkup.into_iter().collect())
    }

    /// Whether the scope is granted.
    pub fn punya(&self, l: Lingkup) -> bool {
        self.0.contains(&l)
    }

    /// The scopes, in order.
    pub fn iter(&self) -> impl Iterator<Item = Lingkup> + '_ {
        self.0.iter().copied()
    }
}

impl fmt::Display for DaftarLingkup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kode: Vec<&str> = self.0.iter().map(|l| l.kode()).collect();
        f.write_str(&kode.join(" "))
    }
}

/// Which employees a client reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JangkauanKlien {
    /// An agency's own system: that agency's employees; it may write.
    Instansi(String),
    /// A national partner (pension fund, health insurance): everyone, read only.
    Nasional,
}

impl JangkauanKlien {
    /// As a read scope.
    pub fn cakupan(&self) -> Cakupan {
        match self {
            Self::Instansi(i) => Cakupan::Instansi(i.clone()),
            Self::Nasional => Cakupan::Nasional,
        }
    }

    /// Whether the client may write at all: writes are agency acts, so only agency clients.
    pub fn boleh_menulis(&self) -> bool {
        matches!(self, Self::Instansi(_))
    }
}

/// Masks an identifier, keeping its last four characters ("************0001").
pub fn samarkan(nilai: &str) -> String {
    let n = nilai.chars().count();
    nilai
        .chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '*' } else { c })
        .collect()
}

/// What a client sees of a personal identifier: the value, masked, or nothing.
pub fn tampak(nilai: Option<&str>, terbuka: bool) -> Option<String> {
    nilai.map(|v| if terbuka { v.to_string() } else { samarkan(v) })
}

/// Requests per minute a client gets unless its registration says otherwise.
pub const BATAS_BAWAAN_PER_MENIT: u32 = 600;

/// Lifetime of a gateway token (client credentials), seconds, as clients assume.
pub const UMUR_TOKEN_GATEWAY: i64 = 3600;
/// Lifetime of a user token (password grant), seconds, as clients assume.
pub const UMUR_TOKEN_PENGGUNA: i64 = 43_200;

/// A registered partner client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KlienApi {
    /// Id.
    pub id: Uuid,
    /// Display name ("SIMPEG Kabupaten X", "PT Taspen").
    pub nama: String,
    /// Public consumer key.
    pub consumer_key: String,
    /// argon2id hash of the consumer secret.
    pub secret_hash: String,
    /// Which employees it reaches.
    pub jangkauan: JangkauanKlien,
    /// Granted scopes.
    pub lingkup: DaftarLingkup,
    /// Requests per minute.
    pub batas_per_menit: u32,
    /// Whether it may obtain and use tokens.
    pub aktif: bool,
    /// When it was registered.
    pub dibuat_pada: DateTime<Utc>,
    /// Who registered it.
    pub dibuat_oleh: String,
}

/// A document uploaded through the API, waiting for a save to refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnggahanApi {
    /// Id (the `dok_uri` handed back is `unggahan/<id>`).
    pub id: Uuid,
    /// The client that uploaded it (only it may refer to it).
    pub klien_id: Uuid,
    /// Blob hash.
    pub sha256: String,
    /// Cleaned file name.
    pub nama_file: String,
    /// Detected media type.
    pub media_type: String,
    /// Size in bytes.
    pub ukuran: i64,
    /// Document type (ref-dokumen id).
    pub jenis_dokumen_id: String,
    /// When.
    pub dibuat_pada: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_print() {
        let d = DaftarLingkup::parse("tulis, baca  nik").unwrap_or_default();
        assert_eq!(d.to_string(), "baca tulis nik");
        assert!(d.punya(Lingkup::Nik));
        assert!(!d.punya(Lingkup::Keluarga));
        assert_eq!(
            DaftarLingkup::parse("").map(|d| d.to_string()),
            Ok("baca dokumen layanan referensi".into())
        );
        assert_eq!(
            DaftarLingkup::parse("baca semua"),
            Err(LingkupTidakDikenal("semua".into()))
        );
        assert!(DaftarLingkup::parse("BACA").is_ok_and(|d| d.punya(Lingkup::Baca)));
    }

    #[test]
    fn masking_keeps_last_four() {
        assert_eq!(samarkan("3174012345670001"), "************0001");
        assert_eq!(samarkan("123"), "123");
        assert_eq!(samarkan(""), "");
        assert_eq!(
            tampak(Some("0001234567890"), false).as_deref(),
            Some("*********7890")
        );
        assert_eq!(
            tampak(Some("0001234567890"), true).as_deref(),
            Some("0001234567890")
        );
        assert_eq!(tampak(None, true), None);
    }

    #[test]
    fn only_agency_clients_write() {
        assert!(JangkauanKlien::Instansi("A".into()).boleh_menulis());
        assert!(!JangkauanKlien::Nasional.boleh_menulis());
        assert_eq!(JangkauanKlien::Nasional.cakupan(), Cakupan::Nasional);
    }
}
