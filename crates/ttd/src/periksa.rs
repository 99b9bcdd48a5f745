//! Checking every signature of a PDF: what pdfsig checks, in the same words for each
//! signature — the byte range, the digest, the signature and the chain the CMS carries.
//! Whether the chain's root is trusted, and whether the certificate was revoked, depend on
//! the instance's records; the caller decides them from [`HasilTandaTangan::akar`].

use chrono::{DateTime, NaiveDateTime, Utc};
use lopdf::{Dictionary, Document, Object};
use x509_cert::Certificate;

use crate::sertifikat::{InfoSertifikat, diterbitkan_oleh, info};
use crate::{TtdError, TtdResult, cms_ttd};

/// One signature of a PDF, checked.
#[derive(Debug, Clone)]
pub struct HasilTandaTangan {
    /// The signature's name in the document (`/Name`), if any.
    pub nama: Option<String>,
    /// `/Reason`.
    pub alasan: Option<String>,
    /// `/Location`.
    pub lokasi: Option<String>,
    /// The claimed signing time (`/M`, or the CMS attribute).
    pub waktu: Option<DateTime<Utc>>,
    /// `/SubFilter`.
    pub sub_filter: String,
    /// The byte range.
    pub byte_range: [usize; 4],
    /// The signer's certificate.
    pub penanda: Option<InfoSertifikat>,
    /// The chain found in the CMS, signer first; each link verified.
    pub rantai: Vec<InfoSertifikat>,
    /// The same chain, DER.
    pub rantai_der: Vec<Vec<u8>>,
    /// The chain ends at a self-signed certificate whose signature verifies; its fingerprint.
    pub akar: Option<String>,
    /// The signed bytes hash to the digest the signature covers, and the signature verifies.
    pub utuh: bool,
    /// The signature names its certificate (signing-certificate-v2).
    pub sertifikat_terikat: bool,
    /// The signature covers the whole file (nothing was appended after it).
    pub menutup_seluruh: bool,
    /// The RFC 3161 timestamp in the signature, checked (PAdES B-T).
    pub stempel: Option<crate::stempel::Stempel>,
}

fn teks_pdf(o: &Object) -> Option<String> {
    let b = o.as_str().ok()?;
    Some(if b.starts_with(&[0xfe, 0xff]) {
        let unit: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&unit)
    } else {
        b.iter().map(|&c| char::from(c)).collect()
    })
}

/// Reads a PDF date (`D:YYYYMMDDHHmmSS` with an optional `Z`/`+HH'mm'` offset).
fn tanggal_pdf(s: &str) -> Option<DateTime<Utc>> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let angka: String = s.chars().take_while(char::is_ascii_digit).collect();
    if angka.len() < 14 {
        return None;
    }
    let lokal = NaiveDateTime::parse_from_str(&angka[..14], "%Y%m%d%H%M%S").ok()?;
    let sisa = &s[14..];
    let geser = match sisa.chars().next() {
        Some(t @ ('+' | '-')) => {
            let d: String = sisa.chars().filter(char::is_ascii_digit).collect();
            let jam: i64 = d.get(0..2)?.parse().ok()?;
            let menit: i64 = d.get(2..4).and_then(|m| m.parse().ok()).unwrap_or(0);
            let m = jam * 60 + menit;
            if t == '-' { -m } else { m }
        }
        _ => 0,
    };
    Some(lokal.and_utc() - chrono::Duration::minutes(geser))
}

/// The chain from the signer up, following issuer names among the CMS's certificates.
fn rantai(penanda: &Certificate, semua: &[Certificate]) -> (Vec<Certificate>, bool) {
    let mut r = vec![penanda.clone()];
    loop {
        let Some(kini) = r.last() else {
            return (r, false);
        };
        let tbs = kini.tbs_certificate();
        if tbs.issuer() == tbs.subject() {
            let sah = diterbitkan_oleh(kini, kini);
            return (r, sah);
        }
        let Some(induk) = semua
            .iter()
            .find(|c| diterbitkan_oleh(kini, c) && !r.contains(c))
        else {
            // The issuer is not in the file; the caller may still trust it by its name.
            return (r, false);
        };
        r.push(induk.clone());
        if r.len() > 8 {
            return (r, false);
        }
    }
}

fn periksa_satu(pdf: &[u8], d: &Dictionary) -> Option<HasilTandaTangan> {
    let br = d.get(b"ByteRange").ok()?.as_array().ok()?;
    let contents = d.get(b"Contents").ok()?.as_str().ok()?;
    let angka: Vec<usize> = br
        .iter()
        .filter_map(|o| o.as_i64().ok().and_then(|n| usize::try_from(n).ok()))
        .collect();
    let [a, b, c, dd] = <[usize; 4]>::try_from(angka.as_slice()).ok()?;
    let sub_filter = d
        .get(b"SubFilter")
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let mut h = HasilTandaTangan {
        nama: d.get(b"Name").ok().and_then(teks_pdf),
        alasan: d.get(b"Reason").ok().and_then(teks_pdf),
        lokasi: d.get(b"Location").ok().and_then(teks_pdf),
        waktu: d
            .get(b"M")
            .ok()
            .and_then(teks_pdf)
            .and_then(|s| tanggal_pdf(&s)),
        sub_filter,
        byte_range: [a, b, c, dd],
        penanda: None,
        rantai: Vec::new(),
        rantai_der: Vec::new(),
        akar: None,
        utuh: false,
        sertifikat_terikat: false,
        menutup_seluruh: false,
        stempel: None,
    };
    // The range must start at 0, leave exactly the /Contents string out, and stay in the file.
    let sah_range = a == 0
        && b < c
        && c.checked_add(dd).is_some_and(|e| e <= pdf.len())
        && pdf.get(b) == Some(&b'<')
        && c > 0
        && pdf.get(c - 1) == Some(&b'>')
        && c - b == contents.len() * 2 + 2;
    h.menutup_seluruh = sah_range && c + dd == pdf.len();
    if !sah_range {
        return Some(h);
    }
    let Ok(cms) = cms_ttd::periksa(contents, &[&pdf[..b], &pdf[c..c + dd]]) else {
        return Some(h);
    };
    h.utuh = cms.digest_cocok && cms.tanda_tangan_sah;
    h.sertifikat_terikat = cms.sertifikat_terikat;
    h.stempel = cms
        .token_stempel
        .as_deref()
        .and_then(|t| crate::stempel::periksa_token(t, &cms.nilai));
    if h.waktu.is_none() {
        h.waktu = cms.waktu;
    }
    if let Some(p) = &cms.penanda {
        let (r, sampai_akar) = rantai(p, &cms.sertifikat);
        h.rantai_der = r
            .iter()
            .filter_map(|c| der::Encode::to_der(c).ok())
            .collect();
        h.rantai = r
            .iter()
            .zip(&h.rantai_der)
            .map(|(c, der)| info(c, der))
            .collect();
        h.penanda = h.rantai.first().cloned();
        if sampai_akar {
            h.akar = h.rantai.last().map(|i| i.sidik_jari.clone());
        }
    }
    Some(h)
}

/// Whether the signature's chain leads to `akar` (DER): it ends at that very certificate, or
/// its last certificate was issued by it (a file that leaves the root out).
pub fn berakar_pada(h: &HasilTandaTangan, akar: &[u8]) -> bool {
    let sidik = crate::sertifikat::sidik_jari(akar);
    if h.akar.as_deref() == Some(sidik.as_str()) {
        return true;
    }
    let (Some(terakhir), Ok(akar)) = (h.rantai_der.last(), crate::sertifikat::urai(akar)) else {
        return false;
    };
    crate::sertifikat::urai(terakhir).is_ok_and(|c| diterbitkan_oleh(&c, &akar))
}

/// Every signature in `pdf`, in file order. An error only when the file is not a PDF.
pub fn periksa_pdf(pdf: &[u8]) -> TtdResult<Vec<HasilTandaTangan>> {
    let doc = Document::load_mem(pdf).map_err(|e| TtdError::Pdf(e.to_string()))?;
    let mut hasil = Vec::new();
    for obj in doc.objects.values() {
        let Object::Dictionary(d) = obj else {
            continue;
        };
        if d.has(b"ByteRange")
            && d.has(b"Contents")
            && let Some(h) = periksa_satu(pdf, d)
        {
            hasil.push(h);
        }
    }
    hasil.sort_by_key(|h| h.byte_range[2]);
    Ok(hasil)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_with_their_offset() {
        let t = tanggal_pdf("D:20261206153000+07'00'").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-06T08:30:00+00:00");
        let z = tanggal_pdf("D:20261206153000Z").unwrap();
        assert_eq!(z.to_rfc3339(), "2026-12-06T15:30:00+00:00");
        assert!(tanggal_pdf("D:2026").is_none());
    }
}
