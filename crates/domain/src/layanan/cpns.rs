//! Pengangkatan CPNS: after BKN assigned the NIP (the pertek of an appointment), the agency's
//! official signs the SK CPNS; the new employee then is on duty from the TMT CPNS (kedudukan
//! 01), with the SPMT's number in their riwayat CPNS/PNS, and receives their account.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kedudukan of someone with a NIP but no SK CPNS yet.
pub const KEDUDUKAN_CALON: &str = "51";

/// The SK CPNS's document type.
pub const DOKUMEN_SK_CPNS: &str = "889";

/// The documents the SK CPNS needs: the diploma and the identity card (editable reference
/// data; the selection's other documents stay in SSCASN).
pub const DOKUMEN_CPNS_AWAL: &[(&str, &[&str])] = &[("1", &["L01", "L03"])];

/// An SK CPNS case's own data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataCpns {
    /// TMT CPNS (as in the NIP).
    pub tmt_cpns: NaiveDate,
    /// The participant's registration number.
    pub no_peserta: Option<String>,
    /// Position name.
    pub nama_jabatan: Option<String>,
    /// Unit name.
    pub nama_unor: Option<String>,
    /// The SPMT's number, given when the SK is signed.
    #[serde(default)]
    pub nomor_spmt: Option<String>,
}

/// Why an SK CPNS case cannot start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CpnsDitolak {
    /// The employee is not waiting for an SK CPNS (kedudukan other than 51).
    #[error("cpns.bukan_calon")]
    BukanCalon,
    /// A PPPK is appointed by contract, not by an SK CPNS.
    #[error("cpns.pppk")]
    Pppk,
}

/// Whether an employee with this kedudukan and kind may get an SK CPNS.
pub fn periksa_mulai(kedudukan_hukum_id: &str, pns: bool) -> Result<(), CpnsDitolak> {
    if !pns {
        return Err(CpnsDitolak::Pppk);
    }
    if kedudukan_hukum_id != KEDUDUKAN_CALON {
        return Err(CpnsDitolak::BukanCalon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_cpns_waiting_for_the_sk() {
        assert_eq!(periksa_mulai("51", true), Ok(()));
        assert_eq!(periksa_mulai("01", true), Err(CpnsDitolak::BukanCalon));
        assert_eq!(periksa_mulai("51", false), Err(CpnsDitolak::Pppk));
    }
}
