//! Events for partners (decision 0019): which audited actions become events, which scope a
//! partner needs to receive each kind, how a webhook body is signed and how failed deliveries
//! are retried.

use chrono::Duration;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::klien_api::Lingkup;

/// What an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KelasPeristiwa {
    /// An employee's record or one of their histories changed.
    DataPegawai,
    /// A service case (promotion, …) moved to another status.
    Layanan,
    /// A document was issued (a signed pertek or SK, a card).
    Dokumen,
}

impl KelasPeristiwa {
    /// The scope a partner needs to receive events of this kind.
    pub fn lingkup(self) -> Lingkup {
        match self {
            Self::DataPegawai => Lingkup::Baca,
            Self::Layanan => Lingkup::Layanan,
            Self::Dokumen => Lingkup::Dokumen,
        }
    }

    /// Stable code (in event bodies and NATS subjects).
    pub fn kode(self) -> &'static str {
        match self {
            Self::DataPegawai => "pegawai",
            Self::Layanan => "layanan",
            Self::Dokumen => "dokumen",
        }
    }

    /// From [`Self::kode`].
    pub fn dari_kode(kode: &str) -> Option<Self> {
        [Self::DataPegawai, Self::Layanan, Self::Dokumen]
            .into_iter()
            .find(|k| k.kode() == kode)
    }
}

/// The kind of event an audited action produces, if any. Reads (someone looked at a record)
/// and attachments in progress are not changes a partner acts on; everything else that
/// changes an employee's data, moves a service case or issues a document is.
pub fn kelas_aksi(aksi: &str) -> Option<KelasPeristiwa> {
    if let Some(sisa) = aksi.strip_prefix("pegawai.") {
        // Reading is audited as pegawai.dilihat / dibaca / data_sensitif_dilihat.
        let baca = sisa.ends_with("dilihat") || sisa.ends_with("dibaca");
        return (!baca).then_some(KelasPeristiwa::DataPegawai);
    }
    if let Some(sisa) = aksi.strip_prefix("layanan.") {
        // Attaching or removing a file does not change the case's status.
        let lampiran = matches!(sisa, "lampirkan" | "lepas_lampiran");
        return (!lampiran).then_some(KelasPeristiwa::Layanan);
    }
    match aksi {
        // A document filed on a history row is part of the record.
        "dokumen.dilampirkan" => Some(KelasPeristiwa::DataPegawai),
        "dokumen.ditandatangani" | "kartu.diterbitkan" => Some(KelasPeristiwa::Dokumen),
        _ => None,
    }
}

/// Header carrying a webhook body's signature.
pub const HEADER_TANDA: &str = "X-SIASN-Signature";
/// Header carrying the event's id (the receiver's deduplication key).
pub const HEADER_ID: &str = "X-SIASN-Event-Id";

/// The signature header's value for `badan` sent at `waktu_unix`: `t=<seconds>,v1=<hex>`, the
/// HMAC-SHA256 under the webhook's secret of `"<seconds>.<body>"`. The time is inside the MAC
/// so a captured request cannot be replayed later as new.
pub fn tanda_webhook(rahasia: &[u8], waktu_unix: i64, badan: &[u8]) -> String {
    format!("t={waktu_unix},v1={}", hex_mac(rahasia, waktu_unix, badan))
}

fn hex_mac(rahasia: &[u8], waktu_unix: i64, badan: &[u8]) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(rahasia) {
        Ok(m) => m,
        // HMAC accepts keys of any length; this arm is never taken.
        Err(_) => return String::new(),
    };
    mac.update(waktu_unix.to_string().as_bytes());
    mac.update(b".");
    mac.update(badan);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks a signature header as a receiver would: the MAC matches (in constant time) and the
/// time is within `toleransi_detik` of `sekarang_unix`.
pub fn periksa_tanda_webhook(
    rahasia: &[u8],
    header: &str,
    badan: &[u8],
    sekarang_unix: i64,
    toleransi_detik: i64,
) -> bool {
    let mut waktu = None;
    let mut v1 = None;
    for bagian in header.split(',') {
        match bagian.split_once('=') {
            Some(("t", t)) => waktu = t.parse::<i64>().ok(),
            Some(("v1", v)) => v1 = Some(v),
            _ => {}
        }
    }
    let (Some(waktu), Some(v1)) = (waktu, v1) else {
        return false;
    };
    if (sekarang_unix - waktu).abs() > toleransi_detik {
        return false;
    }
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(rahasia) else {
        return false;
    };
    mac.update(waktu.to_string().as_bytes());
    mac.update(b".");
    mac.update(badan);
    let Some(bytes) = dari_hex(v1) else {
        return false;
    };
    mac.verify_slice(&bytes).is_ok()
}

fn dari_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// Waits between a failed delivery and the next attempt: quick at first (a receiver
/// restarting), then longer (a receiver down for maintenance), about a day in all.
const JEDA_KIRIM_ULANG_DETIK: [i64; 9] =
    [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600];

/// How long to wait after the `percobaan`-th failed attempt (1 = the first), or `None` when
/// the event goes to the dead-letter list.
pub fn jeda_kirim_ulang(percobaan: u32) -> Option<Duration> {
    let i = usize::try_from(percobaan.checked_sub(1)?).ok()?;
    JEDA_KIRIM_ULANG_DETIK.get(i).map(|d| Duration::seconds(*d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_become_events_and_reads_do_not() {
        assert_eq!(
            kelas_aksi("pegawai.diubah"),
            Some(KelasPeristiwa::DataPegawai)
        );
        assert_eq!(
            kelas_aksi("pegawai.foto.diganti"),
            Some(KelasPeristiwa::DataPegawai)
        );
        assert_eq!(kelas_aksi("pegawai.dilihat"), None);
        assert_eq!(kelas_aksi("pegawai.dibaca"), None);
        assert_eq!(kelas_aksi("pegawai.data_sensitif_dilihat"), None);
        assert_eq!(kelas_aksi("layanan.ajukan"), Some(KelasPeristiwa::Layanan));
        assert_eq!(kelas_aksi("layanan.lampirkan"), None);
        assert_eq!(
            kelas_aksi("dokumen.ditandatangani"),
            Some(KelasPeristiwa::Dokumen)
        );
        assert_eq!(kelas_aksi("dokumen.diunduh"), None);
        assert_eq!(
            kelas_aksi("dokumen.dilampirkan"),
            Some(KelasPeristiwa::DataPegawai)
        );
        assert_eq!(kelas_aksi("login.berhasil"), None);
        assert_eq!(kelas_aksi("usulan.diajukan"), None);
        for k in [
            KelasPeristiwa::DataPegawai,
            KelasPeristiwa::Layanan,
            KelasPeristiwa::Dokumen,
        ] {
            assert_eq!(KelasPeristiwa::dari_kode(k.kode()), Some(k));
        }
    }

    #[test]
    fn a_signature_checks_only_with_its_secret_body_and_time() {
        let h = tanda_webhook(b"rahasia", 1_700_000_000, b"{\"a\":1}");
        assert!(h.starts_with("t=1700000000,v1="));
        assert!(periksa_tanda_webhook(
            b"rahasia",
            &h,
            b"{\"a\":1}",
            1_700_000_100,
            300
        ));
        assert!(!periksa_tanda_webhook(
            b"lain",
            &h,
            b"{\"a\":1}",
            1_700_000_100,
            300
        ));
        assert!(!periksa_tanda_webhook(
            b"rahasia",
            &h,
            b"{\"a\":2}",
            1_700_000_100,
            300
        ));
        assert!(
            !periksa_tanda_webhook(b"rahasia", &h, b"{\"a\":1}", 1_700_001_000, 300),
            "too old"
        );
        let geser = h.replace("t=1700000000", "t=1700000500");
        assert!(
            !periksa_tanda_webhook(b"rahasia", &geser, b"{\"a\":1}", 1_700_000_500, 300),
            "time is under the MAC"
        );
        assert!(!periksa_tanda_webhook(b"rahasia", "v1=zz", b"", 0, 300));
    }

    #[test]
    fn retries_back_off_then_stop() {
        assert_eq!(jeda_kirim_ulang(0), None);
        assert_eq!(jeda_kirim_ulang(1), Some(Duration::seconds(5)));
        assert!(jeda_kirim_ulang(2) > jeda_kirim_ulang(1));
        assert_eq!(jeda_kirim_ulang(9), Some(Duration::hours(12)));
        assert_eq!(jeda_kirim_ulang(10), None);
    }
}
