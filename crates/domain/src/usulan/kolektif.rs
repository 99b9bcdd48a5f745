//! Collective proposals (kolektif): one kind of change for many employees, from a list of NIPs
//! with one set of values, or from a CSV with a row per employee.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{KolomDataUtama, Perubahan, isian};
use crate::nip::{Nip, NipError};
use crate::riwayat::JenisRiwayat;

/// Most employees in one collective proposal (larger reorganisations are split into batches).
pub const BARIS_MAKS: usize = 5_000;

/// What a collective proposal changes for each employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisKolektif {
    /// Personal-data columns (e.g. the work unit after a reorganisation).
    DataUtama,
    /// A new history row of this kind (e.g. the same training for a list).
    Riwayat(JenisRiwayat),
}

impl JenisKolektif {
    /// Code in forms: "data_utama" or the history kind's code.
    pub fn kode(self) -> &'static str {
        match self {
            Self::DataUtama => "data_utama",
            Self::Riwayat(j) => j.kode(),
        }
    }

    /// Parses a code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        if kode == "data_utama" {
            Some(Self::DataUtama)
        } else {
            JenisRiwayat::from_kode(kode).map(Self::Riwayat)
        }
    }

    /// The value columns it accepts.
    pub fn kolom(self) -> Vec<&'static str> {
        match self {
            Self::DataUtama => KolomDataUtama::SEMUA.iter().map(|k| k.kode()).collect(),
            Self::Riwayat(j) => isian::isian(j).iter().map(|i| i.kunci).collect(),
        }
    }

    /// The change for one employee from their values; errors name the column.
    pub fn perubahan(
        self,
        nilai: &BTreeMap<String, String>,
    ) -> Result<Perubahan, Vec<SalahKolektif>> {
        match self {
            Self::DataUtama => {
                let mut map = BTreeMap::new();
                for (k, v) in nilai {
                    let kolom = KolomDataUtama::from_kode(k)
                        .ok_or_else(|| vec![SalahKolektif::KolomTidakDikenal(k.clone())])?;
                    // In a collective list an empty cell means "leave as is".
                    if !v.trim().is_empty() {
                        map.insert(kolom, Some(v.trim().to_string()));
                    }
                }
                if map.is_empty() {
                    return Err(vec![SalahKolektif::TidakAdaNilai]);
                }
                Ok(Perubahan::DataUtama { nilai: map })
            }
            Self::Riwayat(j) => isian::baca(j, nilai, None)
                .map(|data| Perubahan::TambahRiwayat { data })
                .map_err(|e| e.into_iter().map(SalahKolektif::Isian).collect()),
        }
    }
}

/// One row of a collective list, before checks against the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisKolektif {
    /// Line number in the file (1 = header), for the report.
    pub baris: usize,
    /// The NIP as written.
    pub nip_teks: String,
    /// The NIP, if it is one.
    pub nip: Result<Nip, NipError>,
    /// Column → value.
    pub nilai: BTreeMap<String, String>,
}

/// Why one employee's values do not make a change (people read it through `siasn_teks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SalahKolektif {
    /// A column that is not one of this change's.
    KolomTidakDikenal(String),
    /// Every value cell is empty.
    TidakAdaNilai,
    /// A field could not be read.
    Isian(isian::IsianSalah),
}

/// Why a whole CSV is refused (row-level problems go in the per-row report instead).
/// `Display` is a stable code; the reason is in `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvDitolak {
    /// No header or no rows.
    #[error("csv.kosong")]
    Kosong,
    /// More rows than one batch may hold.
    #[error("csv.terlalu_banyak")]
    TerlaluBanyak {
        /// Rows found.
        ada: usize,
        /// The limit.
        maks: usize,
    },
    /// No "nip" column.
    #[error("csv.tanpa_nip")]
    TanpaNip,
    /// A header that is not a column of this change.
    #[error("csv.kolom_tidak_dikenal")]
    KolomTidakDikenal(String),
    /// Unbalanced quotes.
    #[error("csv.kutip_rusak")]
    KutipRusak(usize),
}

/// Splits CSV text into records (RFC 4180 quoting; comma or semicolon, taken from the header,
/// since spreadsheets in Indonesian locales save with semicolons).
fn rekaman(teks: &str) -> Result<Vec<(usize, Vec<String>)>, CsvDitolak> {
    let teks = teks.strip_prefix('\u{feff}').unwrap_or(teks);
    let pemisah = match teks.lines().next() {
        Some(h) if h.matches(';').count() > h.matches(',').count() => ';',
        _ => ',',
    };
    let mut out = Vec::new();
    let mut baris = 1;
    let mut mulai = 1;
    let mut sel = String::new();
    let mut rek = Vec::new();
    let mut kutip = false;
    let mut chars = teks.chars().peekable();
    while let Some(c) = chars.next() {
        if kutip {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    sel.push('"');
                }
                '"' => kutip = false,
                '\n' => {
                    baris += 1;
                    sel.push('\n');
                }
                _ => sel.push(c),
            }
            continue;
        }
        match c {
            '"' if sel.is_empty() => kutip = true,
            c if c == pemisah => rek.push(std::mem::take(&mut sel)),
            '\r' => {}
            '\n' => {
                rek.push(std::mem::take(&mut sel));
                if rek.iter().any(|s| !s.trim().is_empty()) {
                    out.push((mulai, std::mem::take(&mut rek)));
                } else {
                    rek.clear();
                }
                baris += 1;
                mulai = baris;
            }
            _ => sel.push(c),
        }
    }
    if kutip {
        return Err(CsvDitolak::KutipRusak(mulai));
    }
    rek.push(sel);
    if rek.iter().any(|s| !s.trim().is_empty()) {
        out.push((mulai, rek));
    }
    Ok(out)
}

/// Reads a collective CSV: a header with "nip" and the value columns of `jenis`, then a row per
/// employee. Whole-file problems refuse the file; row problems are reported per row later.
pub fn baca_csv(
    teks: &str,
    jenis: JenisKolektif,
    hari_ini: NaiveDate,
) -> Result<Vec<BarisKolektif>, CsvDitolak> {
    // Count first, so a 100,000-row file is refused before it is parsed into memory.
    let kira = teks.lines().filter(|l| !l.trim().is_empty()).count();
    if kira > BARIS_MAKS + 1 {
        return Err(CsvDitolak::TerlaluBanyak {
            ada: kira - 1,
            maks: BARIS_MAKS,
        });
    }
    let mut recs = rekaman(teks)?.into_iter();
    let (_, judul) = recs.next().ok_or(CsvDitolak::Kosong)?;
    let judul: Vec<String> = judul.iter().map(|h| h.trim().to_lowercase()).collect();
    let idx_nip = judul
        .iter()
        .position(|h| h == "nip")
        .ok_or(CsvDitolak::TanpaNip)?;
    let sah = jenis.kolom();
    if let Some(asing) = judul
        .iter()
        .enumerate()
        .find(|(i, h)| *i != idx_nip && !sah.contains(&h.as_str()))
    {
        return Err(CsvDitolak::KolomTidakDikenal(asing.1.clone()));
    }
    let rows: Vec<BarisKolektif> = recs
        .map(|(baris, sel)| {
            let nip_teks = sel
                .get(idx_nip)
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            let nilai = judul
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != idx_nip)
                .map(|(i, h)| {
                    (
                        h.clone(),
                        sel.get(i).map(|s| s.trim().to_string()).unwrap_or_default(),
                    )
                })
                .collect();
            BarisKolektif {
                baris,
                nip: Nip::parse(&nip_teks, hari_ini),
                nip_teks,
                nilai,
            }
        })
        .collect();
    if rows.is_empty() {
        return Err(CsvDitolak::Kosong);
    }
    Ok(rows)
}

/// Rows for a list of NIPs (one per line, or separated by commas or semicolons; spaces inside a
/// NIP are allowed) sharing one set of
/// values.
pub fn dari_daftar_nip(
    daftar: &str,
    nilai: &BTreeMap<String, String>,
    hari_ini: NaiveDate,
) -> Result<Vec<BarisKolektif>, CsvDitolak> {
    let nips: Vec<&str> = daftar
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if nips.len() > BARIS_MAKS {
        return Err(CsvDitolak::TerlaluBanyak {
            ada: nips.len(),
            maks: BARIS_MAKS,
        });
    }
    if nips.is_empty() {
        return Err(CsvDitolak::Kosong);
    }
    Ok(nips
        .into_iter()
        .enumerate()
        .map(|(i, n)| BarisKolektif {
            baris: i + 1,
            nip_teks: n.to_string(),
            nip: Nip::parse(n, hari_ini),
            nilai: nilai.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIP_A: &str = "198503302010012003";

    fn hari() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn csv_with_semicolons_quotes_and_bad_rows() {
        let csv = format!(
            "\u{feff}NIP;unor_id;nomor_hp\r\n{NIP_A};\"abc;def\";0812\n\n12345;x;\"a \"\"b\"\"\"\n"
        );
        let rows = baca_csv(&csv, JenisKolektif::DataUtama, hari()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].baris, 2);
        assert!(rows[0].nip.is_ok());
        assert_eq!(rows[0].nilai["unor_id"], "abc;def");
        assert_eq!(rows[1].baris, 4);
        assert!(rows[1].nip.is_err());
        assert_eq!(rows[1].nilai["nomor_hp"], "a \"b\"");
    }

    #[test]
    fn whole_file_problems() {
        assert_eq!(
            baca_csv("", JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::Kosong)
        );
        assert_eq!(
            baca_csv("nip\n", JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::Kosong)
        );
        assert_eq!(
            baca_csv("nomor,unor_id\n1,2\n", JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::TanpaNip)
        );
        assert_eq!(
            baca_csv("nip,gaji\n1,2\n", JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::KolomTidakDikenal("gaji".into()))
        );
        assert_eq!(
            baca_csv("nip,nama\n\"1,2\n", JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::KutipRusak(2))
        );
        let mut big = String::from("nip,nama\n");
        for _ in 0..100_000 {
            big.push_str("198503302010012003,X\n");
        }
        assert_eq!(
            baca_csv(&big, JenisKolektif::DataUtama, hari()),
            Err(CsvDitolak::TerlaluBanyak {
                ada: 100_000,
                maks: BARIS_MAKS
            })
        );
    }

    #[test]
    fn a_list_of_nips_shares_values() {
        let nilai = BTreeMap::from([("nomor_hp".to_string(), "081234567890".to_string())]);
        let rows =
            dari_daftar_nip(&format!("{NIP_A}\n198503302010012003, 1"), &nilai, hari()).unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows[2].nip.is_err());
        let p = JenisKolektif::DataUtama.perubahan(&rows[0].nilai).unwrap();
        assert_eq!(p.kode(), "data_utama");
        assert!(
            JenisKolektif::Riwayat(JenisRiwayat::Diklat)
                .perubahan(&BTreeMap::new())
                .is_err()
        );
    }
}
