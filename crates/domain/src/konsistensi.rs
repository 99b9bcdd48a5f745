//! Cross-checks between the numbers that encode personal data (NIP, NIK) and the record.

use crate::nip::Nip;
use crate::pegawai::{NomorInduk, Pegawai};
use crate::referensi::TingkatPendidikan;
use crate::tanggal::BulanTahun;

/// A mismatch a verifier or the data-quality view should show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inkonsistensi {
    /// The birth date in NIP differs from personal data.
    TanggalLahirNip,
    /// The sex digit in NIP differs from personal data.
    JenisKelaminNip,
    /// TMT CPNS in NIP differs from the recorded TMT CPNS.
    TmtCpnsNip {
        /// Month in NIP.
        nip: BulanTahun,
        /// Month recorded.
        tercatat: BulanTahun,
    },
    /// The birth date in NIK differs from personal data.
    TanggalLahirNik,
    /// The sex in NIK differs from personal data.
    JenisKelaminNik,
    /// The holder was younger than 18 at TMT CPNS.
    UsiaCpnsDiBawah18,
    /// The current golongan is above the ceiling of the recorded education.
    GolonganMelebihiBatasPendidikan,
}

/// Every mismatch on the record; `pendidikan` is the reference row of its education level.
pub fn periksa(pegawai: &Pegawai, pendidikan: Option<&TingkatPendidikan>) -> Vec<Inkonsistensi> {
    let mut found = Vec::new();
    if let NomorInduk::Nip(nip) = &pegawai.nomor_induk {
        periksa_nip(nip, pegawai, &mut found);
    }
    if let Some(nik) = &pegawai.nik {
        if !nik.cocok_tanggal_lahir(pegawai.tanggal_lahir) {
            found.push(Inkonsistensi::TanggalLahirNik);
        }
        if nik.jenis_kelamin() != pegawai.jenis_kelamin {
            found.push(Inkonsistensi::JenisKelaminNik);
        }
    }
    if let (Some(gol), Some(maks)) = (pegawai.golongan, pendidikan.and_then(|p| p.golongan_maks))
        && gol > maks
    {
        found.push(Inkonsistensi::GolonganMelebihiBatasPendidikan);
    }
    found
}

fn periksa_nip(nip: &Nip, pegawai: &Pegawai, found: &mut Vec<Inkonsistensi>) {
    if nip.tanggal_lahir() != pegawai.tanggal_lahir {
        found.push(Inkonsistensi::TanggalLahirNip);
    }
    if nip.jenis_kelamin() != pegawai.jenis_kelamin {
        found.push(Inkonsistensi::JenisKelaminNip);
    }
    if let Some(tmt) = pegawai.tmt_cpns {
        let tercatat = BulanTahun::of(tmt);
        if tercatat != nip.tmt_cpns() {
            found.push(Inkonsistensi::TmtCpnsNip {
                nip: nip.tmt_cpns(),
                tercatat,
            });
        }
        if tmt.years_since(pegawai.tanggal_lahir).unwrap_or(0) < 18 {
            found.push(Inkonsistensi::UsiaCpnsDiBawah18);
        }
    } else if !nip.peringatan().is_empty() {
        found.push(Inkonsistensi::UsiaCpnsDiBawah18);
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::golongan::Golongan;
    use crate::nip::JenisKelamin;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    use crate::contoh::pegawai;

    fn s2() -> TingkatPendidikan {
        TingkatPendidikan {
            id: "45".into(),
            nama: "S-2".into(),
            golongan_awal: Some(Golongan::IIIB),
            golongan_maks: Some(Golongan::IVA),
        }
    }

    #[test]
    fn a_consistent_record_has_no_findings() {
        let p = pegawai();
        assert_eq!(p.nama_lengkap(), "Dr. Siti Aminah, S.Sos., M.Si.");
        assert!(periksa(&p, Some(&s2())).is_empty());
    }

    #[test]
    fn each_mismatch_is_found() {
        let mut p = pegawai();
        p.tanggal_lahir = d(1968, 3, 4);
        p.jenis_kelamin = JenisKelamin::LakiLaki;
        p.tmt_cpns = Some(d(1990, 1, 1));
        p.golongan = Some(Golongan::IVB);
        let found = periksa(&p, Some(&s2()));
        assert!(found.contains(&Inkonsistensi::TanggalLahirNip));
        assert!(found.contains(&Inkonsistensi::JenisKelaminNip));
        assert!(found.contains(&Inkonsistensi::TanggalLahirNik));
        assert!(found.contains(&Inkonsistensi::JenisKelaminNik));
        assert!(found.contains(&Inkonsistensi::GolonganMelebihiBatasPendidikan));
        assert!(
            found
                .iter()
                .any(|f| matches!(f, Inkonsistensi::TmtCpnsNip { .. }))
        );
    }
}
