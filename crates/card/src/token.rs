//! The signed card credential carried in the QR code.
//!
//! The QR text is `<instance URL>/k/<token>`; the token is base64url (no padding) of a small
//! binary record followed by an Ed25519 signature. The signature covers a fixed label, the
//! instance URL in front of `/k/` and the record, so changing any byte of the QR text (the
//! address included) makes verification fail. Public keys are published as a JWKS; see
//! decision 0010.
//!
//! Record layout (version 1), all integers big-endian:
//! `01` · kid (u8 length + ASCII) · serial (10 bytes) · issued (u32 days since 1970-01-01) ·
//! expires (u32 days) · agency code (u8 length + UTF-8) · name (u16 length + UTF-8).

use aws_lc_rs::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Bytes in a card serial.
pub const PANJANG_SERIAL: usize = 10;
const VERSI: u8 = 1;
const LABEL: &[u8] = b"SIASN-KARTU-ASN-1\0";
const PANJANG_TANDA_TANGAN: usize = 64;
/// The path segment between the instance URL and the token.
pub const JALUR: &str = "/k/";

/// What a card claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Klaim {
    /// Key id that signed it.
    pub kid: String,
    /// Card serial.
    pub serial: [u8; PANJANG_SERIAL],
    /// Issue date.
    pub diterbitkan: NaiveDate,
    /// Expiry date (last valid day).
    pub kedaluwarsa: NaiveDate,
    /// Agency code (instansi induk id).
    pub instansi: String,
    /// Name with titles, as printed.
    pub nama: String,
}

/// Why a QR text is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not `<url>/k/<token>`.
    #[error("teks QR bukan tautan kartu ASN (tidak memuat /k/)")]
    BukanTautan,
    /// Not base64url, or not canonical.
    #[error("token bukan base64url yang sah")]
    Base64,
    /// Too short, wrong version, or lengths that do not add up.
    #[error("isi token rusak")]
    Rusak,
    /// The key id is not among the known keys.
    #[error("kunci '{0}' tidak dikenal")]
    KunciTidakDikenal(String),
    /// The signature does not match.
    #[error("tanda tangan tidak cocok: kartu ini diubah atau bukan terbitan instance ini")]
    TandaTangan,
    /// A field cannot be encoded (too long).
    #[error("data kartu terlalu panjang untuk dienkode")]
    TerlaluPanjang,
    /// A key could not be generated or read.
    #[error("kunci penanda tangan tidak sah")]
    Kunci,
}

impl Klaim {
    /// The serial as printed: 16 Crockford base-32 characters in groups of four.
    pub fn serial_cetak(&self) -> String {
        serial_cetak(&self.serial)
    }
}

/// A serial as printed on the card, e.g. `8F3K-2M9Q-7XT4-1ZBD`.
pub fn serial_cetak(serial: &[u8; PANJANG_SERIAL]) -> String {
    const ABJAD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bits: u128 = 0;
    for b in serial {
        bits = (bits << 8) | u128::from(*b);
    }
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let shift = (15 - i) * 5;
        out.push(char::from(ABJAD[((bits >> shift) & 31) as usize]));
    }
    out
}

fn hari(d: NaiveDate) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    u32::try_from((d - epoch).num_days()).unwrap_or(0)
}

fn tanggal(h: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(u64::from(h)))
}

fn rekam(k: &Klaim) -> Result<Vec<u8>, TokenError> {
    let kid = k.kid.as_bytes();
    let instansi = k.instansi.as_bytes();
    let nama = k.nama.as_bytes();
    let kid_len = u8::try_from(kid.len()).map_err(|_| TokenError::TerlaluPanjang)?;
    let ins_len = u8::try_from(instansi.len()).map_err(|_| TokenError::TerlaluPanjang)?;
    let nama_len = u16::try_from(nama.len()).map_err(|_| TokenError::TerlaluPanjang)?;
    let mut out = Vec::with_capacity(32 + kid.len() + instansi.len() + nama.len());
    out.push(VERSI);
    out.push(kid_len);
    out.extend_from_slice(kid);
    out.extend_from_slice(&k.serial);
    out.extend_from_slice(&hari(k.diterbitkan).to_be_bytes());
    out.extend_from_slice(&hari(k.kedaluwarsa).to_be_bytes());
    out.push(ins_len);
    out.extend_from_slice(instansi);
    out.extend_from_slice(&nama_len.to_be_bytes());
    out.extend_from_slice(nama);
    Ok(out)
}

/// A cursor over the record.
struct Baca<'a>(&'a [u8]);

impl<'a> Baca<'a> {
    fn ambil(&mut self, n: usize) -> Result<&'a [u8], TokenError> {
        if self.0.len() < n {
            return Err(TokenError::Rusak);
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, TokenError> {
        Ok(self.ambil(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, TokenError> {
        let b = self.ambil(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, TokenError> {
        let b = self.ambil(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn teks(&mut self, n: usize) -> Result<String, TokenError> {
        String::from_utf8(self.ambil(n)?.to_vec()).map_err(|_| TokenError::Rusak)
    }
}

fn urai(rekaman: &[u8]) -> Result<Klaim, TokenError> {
    let mut r = Baca(rekaman);
    if r.u8()? != VERSI {
        return Err(TokenError::Rusak);
    }
    let n = usize::from(r.u8()?);
    let kid = r.teks(n)?;
    let mut serial = [0u8; PANJANG_SERIAL];
    serial.copy_from_slice(r.ambil(PANJANG_SERIAL)?);
    let diterbitkan = tanggal(r.u32()?).ok_or(TokenError::Rusak)?;
    let kedaluwarsa = tanggal(r.u32()?).ok_or(TokenError::Rusak)?;
    let n = usize::from(r.u8()?);
    let instansi = r.teks(n)?;
    let n = usize::from(r.u16()?);
    let nama = r.teks(n)?;
    if !r.0.is_empty() {
        return Err(TokenError::Rusak);
    }
    Ok(Klaim {
        kid,
        serial,
        diterbitkan,
        kedaluwarsa,
        instansi,
        nama,
    })
}

fn pesan(url_instance: &str, rekaman: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(LABEL.len() + url_instance.len() + 1 + rekaman.len());
    m.extend_from_slice(LABEL);
    m.extend_from_slice(url_instance.as_bytes());
    m.push(0);
    m.extend_from_slice(rekaman);
    m
}

/// An Ed25519 signing key with its id.
pub struct KunciPenanda {
    kid: String,
    pasangan: Ed25519KeyPair,
}

impl std::fmt::Debug for KunciPenanda {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KunciPenanda")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl KunciPenanda {
    /// A new random key: returns it with its PKCS#8 document (to store).
    pub fn baru(kid: &str) -> Result<(Self, Vec<u8>), TokenError> {
        let rng = aws_lc_rs::rand::SystemRandom::new();
        let doc = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| TokenError::Kunci)?;
        let pkcs8 = doc.as_ref().to_vec();
        Ok((Self::dari_pkcs8(kid, &pkcs8)?, pkcs8))
    }

    /// A stored key.
    pub fn dari_pkcs8(kid: &str, pkcs8: &[u8]) -> Result<Self, TokenError> {
        let pasangan = Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| TokenError::Kunci)?;
        Ok(Self {
            kid: kid.to_string(),
            pasangan,
        })
    }

    /// Its id.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The 32-byte public key.
    pub fn publik(&self) -> Vec<u8> {
        self.pasangan.public_key().as_ref().to_vec()
    }

    /// The QR text for `klaim` (whose `kid` is replaced by this key's).
    pub fn tandatangani(&self, url_instance: &str, klaim: &Klaim) -> Result<String, TokenError> {
        let mut klaim = klaim.clone();
        klaim.kid.clone_from(&self.kid);
        let mut isi = rekam(&klaim)?;
        let ttd = self.pasangan.sign(&pesan(url_instance, &isi));
        isi.extend_from_slice(ttd.as_ref());
        Ok(format!(
            "{}{JALUR}{}",
            url_instance.trim_end_matches('/'),
            URL_SAFE_NO_PAD.encode(isi)
        ))
    }
}

/// A published public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KunciPublik {
    /// Key id.
    pub kid: String,
    /// 32-byte Ed25519 public key.
    pub kunci: Vec<u8>,
}

/// Splits a QR text into the instance URL and the token.
pub fn pisah(teks_qr: &str) -> Result<(&str, &str), TokenError> {
    teks_qr
        .trim()
        .rsplit_once(JALUR)
        .ok_or(TokenError::BukanTautan)
}

/// Reads the claims and the key id without checking the signature (to pick the key, or to
/// show what a refused card claimed).
pub fn baca_tanpa_periksa(token: &str) -> Result<Klaim, TokenError> {
    let isi = URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| TokenError::Base64)?;
    if isi.len() <= PANJANG_TANDA_TANGAN {
        return Err(TokenError::Rusak);
    }
    urai(&isi[..isi.len() - PANJANG_TANDA_TANGAN])
}

/// Verifies a QR text against the known public keys and returns its claims.
pub fn periksa(teks_qr: &str, kunci: &[KunciPublik]) -> Result<Klaim, TokenError> {
    let (url, token) = pisah(teks_qr)?;
    let isi = URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| TokenError::Base64)?;
    if isi.len() <= PANJANG_TANDA_TANGAN {
        return Err(TokenError::Rusak);
    }
    let (rekaman, ttd) = isi.split_at(isi.len() - PANJANG_TANDA_TANGAN);
    let klaim = urai(rekaman)?;
    let publik = kunci
        .iter()
        .find(|k| k.kid == klaim.kid)
        .ok_or_else(|| TokenError::KunciTidakDikenal(klaim.kid.clone()))?;
    UnparsedPublicKey::new(&ED25519, &publik.kunci)
        .verify(&pesan(url, rekaman), ttd)
        .map_err(|_| TokenError::TandaTangan)?;
    Ok(klaim)
}

/// One key as a JWK (RFC 8037 OKP / Ed25519).
pub fn jwk(kid: &str, kunci_publik: &[u8]) -> serde_json::Value {
    serde_json::json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "alg": "EdDSA",
        "use": "sig",
        "kid": kid,
        "x": URL_SAFE_NO_PAD.encode(kunci_publik),
    })
}

/// A JWKS document.
#[derive(Debug, Deserialize)]
struct Jwks {
    keys: Vec<Jwk>,
}

#[derive(Debug, Deserialize)]
struct Jwk {
    kid: String,
    kty: String,
    crv: Option<String>,
    x: Option<String>,
}

/// Reads the Ed25519 keys of a JWKS document (other key types are skipped).
pub fn baca_jwks(json: &str) -> Result<Vec<KunciPublik>, String> {
    let jwks: Jwks = serde_json::from_str(json).map_err(|e| format!("JWKS tidak sah: {e}"))?;
    Ok(jwks
        .keys
        .into_iter()
        .filter(|k| k.kty == "OKP" && k.crv.as_deref() == Some("Ed25519"))
        .filter_map(|k| {
            let x = URL_SAFE_NO_PAD.decode(k.x?).ok()?;
            (x.len() == 32).then_some(KunciPublik {
                kid: k.kid,
                kunci: x,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn klaim() -> Klaim {
        Klaim {
            kid: String::new(),
            serial: [7, 1, 2, 3, 4, 5, 6, 8, 9, 250],
            diterbitkan: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            kedaluwarsa: NaiveDate::from_ymd_opt(2031, 11, 20).unwrap(),
            instansi: "A5EB03E23CCCF6A0E040640A040252AD".into(),
            nama: "Dr. Siti Aminah, S.Kom., M.T.".into(),
        }
    }

    #[test]
    fn a_signed_card_verifies_and_carries_its_claims() {
        let (k, _) = KunciPenanda::baru("k1").unwrap();
        let qr = k
            .tandatangani("https://siasn.contoh.go.id", &klaim())
            .unwrap();
        assert!(qr.starts_with("https://siasn.contoh.go.id/k/"));
        assert!(!qr.contains("19730523"));
        let publik = [KunciPublik {
            kid: "k1".into(),
            kunci: k.publik(),
        }];
        let c = periksa(&qr, &publik).unwrap();
        assert_eq!(c.nama, "Dr. Siti Aminah, S.Kom., M.T.");
        assert_eq!(c.kid, "k1");
        assert_eq!(c.kedaluwarsa, klaim().kedaluwarsa);
        assert_eq!(c.serial_cetak().len(), 19);
    }

    #[test]
    fn every_altered_byte_is_refused() {
        let (k, _) = KunciPenanda::baru("k1").unwrap();
        let publik = [KunciPublik {
            kid: "k1".into(),
            kunci: k.publik(),
        }];
        let qr = k
            .tandatangani("https://siasn.contoh.go.id", &klaim())
            .unwrap();
        let bytes = qr.as_bytes();
        for i in 0..bytes.len() {
            for pengganti in [b'A', b'z', b'-', b'0'] {
                if bytes[i] == pengganti {
                    continue;
                }
                let mut ubah = bytes.to_vec();
                ubah[i] = pengganti;
                let Ok(teks) = String::from_utf8(ubah) else {
                    continue;
                };
                assert!(periksa(&teks, &publik).is_err(), "byte {i} -> {pengganti}");
            }
        }
        // Truncated and extended.
        assert!(periksa(&qr[..qr.len() - 1], &publik).is_err());
        assert!(periksa(&format!("{qr}A"), &publik).is_err());
    }

    #[test]
    fn an_unknown_or_other_key_is_refused() {
        let (k1, _) = KunciPenanda::baru("k1").unwrap();
        let (k2, _) = KunciPenanda::baru("k1").unwrap();
        let qr = k1.tandatangani("https://a.example", &klaim()).unwrap();
        let lain = [KunciPublik {
            kid: "k1".into(),
            kunci: k2.publik(),
        }];
        assert_eq!(periksa(&qr, &lain), Err(TokenError::TandaTangan));
        assert!(matches!(
            periksa(&qr, &[]),
            Err(TokenError::KunciTidakDikenal(_))
        ));
        assert_eq!(
            periksa("https://a.example/x", &lain),
            Err(TokenError::BukanTautan)
        );
    }

    #[test]
    fn rotated_keys_keep_old_cards_verifiable_through_the_jwks() {
        let (lama, pkcs8) = KunciPenanda::baru("k-lama").unwrap();
        let (baru, _) = KunciPenanda::baru("k-baru").unwrap();
        let qr_lama = lama.tandatangani("https://a.example", &klaim()).unwrap();
        let qr_baru = baru.tandatangani("https://a.example", &klaim()).unwrap();
        let jwks = serde_json::json!({"keys": [jwk("k-lama", &lama.publik()), jwk("k-baru", &baru.publik())]});
        let kunci = baca_jwks(&jwks.to_string()).unwrap();
        assert_eq!(periksa(&qr_lama, &kunci).unwrap().kid, "k-lama");
        assert_eq!(periksa(&qr_baru, &kunci).unwrap().kid, "k-baru");
        // A stored key signs the same way after reloading.
        let lagi = KunciPenanda::dari_pkcs8("k-lama", &pkcs8).unwrap();
        assert_eq!(lagi.publik(), lama.publik());
    }

    #[test]
    fn a_long_name_still_round_trips() {
        let (k, _) = KunciPenanda::baru("k1").unwrap();
        let mut c = klaim();
        c.nama = "Prof. Dr. Ir. Raden Mas Panji ".repeat(10);
        let qr = k.tandatangani("https://a.example", &c).unwrap();
        let publik = [KunciPublik {
            kid: "k1".into(),
            kunci: k.publik(),
        }];
        assert_eq!(periksa(&qr, &publik).unwrap().nama, c.nama);
        assert_eq!(
            baca_tanpa_periksa(pisah(&qr).unwrap().1).unwrap().nama,
            c.nama
        );
    }
}
