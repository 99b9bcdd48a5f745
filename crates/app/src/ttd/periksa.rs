//! Checking any PDF against this instance's trust and records.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use siasn_domain::ttd::StatusSertifikat;
use siasn_store::ttd::DokumenTtd;
use siasn_ttd::{HasilTandaTangan, sertifikat};

use crate::{App, AppError, AppResult};

/// One signature of a checked PDF, judged against this instance's records.
#[derive(Debug, Clone)]
pub struct LaporanTtd {
    /// What the file itself says.
    pub hasil: HasilTandaTangan,
    /// The chain ends at a root this instance trusts; its name.
    pub akar_dipercaya: Option<String>,
    /// The certificate's state at the signing time, when this instance knows it; otherwise
    /// only its validity is judged.
    pub status: StatusSertifikat,
    /// The certificate is one this instance holds.
    pub dikenal: bool,
}

impl LaporanTtd {
    /// Valid: intact, covering the file, trusted, valid and unrevoked when it signed.
    pub fn sah(&self) -> bool {
        self.hasil.utuh
            && self.akar_dipercaya.is_some()
            && matches!(
                self.status,
                StatusSertifikat::Berlaku | StatusSertifikat::DicabutSesudah
            )
    }
}

/// A checked PDF.
#[derive(Debug, Clone)]
pub struct LaporanDokumen {
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Every signature in it.
    pub tanda_tangan: Vec<LaporanTtd>,
    /// The document this instance issued with exactly these bytes, if any.
    pub terbitan: Option<DokumenTtd>,
}

impl LaporanDokumen {
    /// The whole verdict: at least one signature, all valid, the last covering the whole
    /// file (nothing added after signing).
    pub fn sah(&self) -> bool {
        !self.tanda_tangan.is_empty()
            && self.tanda_tangan.iter().all(LaporanTtd::sah)
            && self
                .tanda_tangan
                .last()
                .is_some_and(|t| t.hasil.menutup_seluruh)
    }
}

/// Checks any PDF: every signature against the trusted roots (the instance CA and those
/// imported) and this instance's revocations, and whether the file is a copy it issued.
/// `Ok(None)` when the file is not a PDF.
pub async fn periksa_dokumen(app: &App, pdf: Vec<u8>) -> AppResult<Option<LaporanDokumen>> {
    let sha256 = hex::encode(Sha256::digest(&pdf));
    let hasil = tokio::task::spawn_blocking(move || siasn_ttd::periksa_pdf(&pdf))
        .await
        .map_err(|e| AppError::Ttd(e.to_string()))?;
    let Ok(hasil) = hasil else {
        return Ok(None);
    };
    let mut akar: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some((der, _)) = app.store().ttd_ca().await? {
        let nama = sertifikat::baca(&der).map(|i| i.nama).unwrap_or_default();
        akar.push((nama, der));
    }
    for a in app.store().akar_ttd().await? {
        akar.push((a.nama, a.sertifikat));
    }
    let mut laporan = Vec::new();
    for h in hasil {
        let akar_dipercaya = akar
            .iter()
            .find(|(_, der)| siasn_ttd::periksa::berakar_pada(&h, der))
            .map(|(n, _)| n.clone());
        // A valid timestamp is the time that counts; else the signer's claim.
        let waktu = h
            .stempel
            .as_ref()
            .filter(|s| s.sah)
            .map(|s| s.waktu)
            .or(h.waktu)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let dikenal = match &h.penanda {
            Some(p) => app.store().penanda_sidik_jari(&p.sidik_jari).await?,
            None => None,
        };
        let status = match (&dikenal, &h.penanda) {
            (Some(d), _) => siasn_domain::ttd::status_pada(
                d.berlaku_mulai,
                d.berlaku_sampai,
                d.dicabut_pada,
                waktu,
            ),
            (None, Some(p)) => {
                siasn_domain::ttd::status_pada(p.berlaku_mulai, p.berlaku_sampai, None, waktu)
            }
            (None, None) => StatusSertifikat::TidakBerlaku,
        };
        laporan.push(LaporanTtd {
            hasil: h,
            akar_dipercaya,
            status,
            dikenal: dikenal.is_some(),
        });
    }
    let terbitan = app.store().dokumen_ttd_sha256(&sha256).await?;
    Ok(Some(LaporanDokumen {
        sha256,
        tanda_tangan: laporan,
        terbitan,
    }))
}
