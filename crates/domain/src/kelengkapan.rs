//! Data completeness of a record: which mandatory histories are missing, which rows lack their
//! supporting document, and which numbers disagree with the personal data.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::konsistensi::{self, Inkonsistensi};
use crate::pegawai::{JenisPegawai, Pegawai};
use crate::referensi::TingkatPendidikan;
use crate::riwayat::{JenisRiwayat, Riwayat};

/// One thing missing or wrong on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kekurangan {
    /// A mandatory history section has no rows.
    RiwayatKosong(JenisRiwayat),
    /// Neither a structural training nor a course is recorded.
    DiklatAtauKursusKosong,
    /// No appraisal for a year that should have one.
    SkpTahunKosong(i32),
    /// A row that needs a decree scan has none.
    DokumenTidakAda {
        /// The section.
        jenis: JenisRiwayat,
        /// The row.
        riwayat_id: Uuid,
    },
    /// Numbers disagree with the personal data.
    TidakKonsisten(Inkonsistensi),
    /// Past TMT pensiun without a decree of leaving the service ("Mencapai BUP").
    MencapaiBupTanpaKeputusan,
}

/// Sections whose rows stand on a decree scan of a type the reference defines (SK CPNS/PNS,
/// SK Jabatan). Rank decrees join once the document reference has a type for them.
const PERLU_DOKUMEN: [JenisRiwayat; 2] = [JenisRiwayat::CpnsPns, JenisRiwayat::Jabatan];

/// Everything missing on the record on `hari_ini`. `berdokumen` holds the ids of rows that have
/// at least one document.
pub fn periksa(
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    berdokumen: &HashSet<Uuid>,
    pendidikan: Option<&TingkatPendidikan>,
    hari_ini: NaiveDate,
) -> Vec<Kekurangan> {
    let mut out = Vec::new();
    let ada = |j: JenisRiwayat| riwayat.iter().any(|r| r.data.jenis() == j);
    if pegawai.jenis_pegawai == JenisPegawai::Pns {
        // Transfers and unpaid leave are mandatory only where they happened, so an empty
        // section there is not a gap.
        for j in [
            JenisRiwayat::CpnsPns,
            JenisRiwayat::Golongan,
            JenisRiwayat::Jabatan,
            JenisRiwayat::Pendidikan,
        ] {
            if !ada(j) {
                out.push(Kekurangan::RiwayatKosong(j));
            }
        }
        if !ada(JenisRiwayat::Diklat) && !ada(JenisRiwayat::Kursus) {
            out.push(Kekurangan::DiklatAtauKursusKosong);
        }
        // The last two completed years, for those who served through them.
        let tahun_mulai = pegawai.tmt_cpns.map_or(hari_ini.year(), |t| t.year() + 1);
        let penilaian = crate::kinerja_terakhir::dari_riwayat(riwayat.iter().map(|r| &r.data));
        for tahun in [hari_ini.year() - 2, hari_ini.year() - 1] {
            if tahun >= tahun_mulai && !penilaian.iter().any(|p| p.tahun == tahun) {
                out.push(Kekurangan::SkpTahunKosong(tahun));
            }
        }
        for j in PERLU_DOKUMEN {
            if let Some(r) = riwayat
                .iter()
                .find(|r| r.data.jenis() == j && !berdokumen.contains(&r.id))
            {
                out.push(Kekurangan::DokumenTidakAda {
                    jenis: j,
                    riwayat_id: r.id,
                });
            }
        }
    }
    if pegawai.kedudukan_hukum_id == crate::pemberhentian::kedudukan::MENCAPAI_BUP
        && !riwayat
            .iter()
            .any(|r| r.data.jenis() == JenisRiwayat::Pemberhentian)
    {
        out.push(Kekurangan::MencapaiBupTanpaKeputusan);
    }
    out.extend(
        konsistensi::periksa(pegawai, pendidikan)
            .into_iter()
            .map(Kekurangan::TidakKonsisten),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contoh::pegawai;
    use crate::golongan::Golongan;
    use crate::riwayat::{
        DataRiwayat, Ekspektasi, PredikatKinerja, RiwayatCpnsPns, RiwayatKursus, RiwayatSkp22, Sk,
        StatusKepegawaian,
    };

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn row(data: DataRiwayat) -> Riwayat {
        Riwayat {
            id: Uuid::now_v7(),
            pegawai_id: Uuid::nil(),
            data,
        }
    }

    fn skp(tahun: i32) -> Riwayat {
        row(DataRiwayat::Skp22(RiwayatSkp22 {
            tahun,
            hasil_kinerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::Sesuai,
            predikat: PredikatKinerja::Baik,
            penilai_nip: None,
            penilai_nama: None,
            penilai_jabatan: None,
            penilai_unor: None,
        }))
    }

    #[test]
    fn an_empty_pns_record_lists_every_gap() {
        let p = pegawai();
        let found = periksa(&p, &[], &HashSet::new(), None, d(2026, 11, 21));
        assert!(found.contains(&Kekurangan::RiwayatKosong(JenisRiwayat::Golongan)));
        assert!(found.contains(&Kekurangan::RiwayatKosong(JenisRiwayat::Jabatan)));
        assert!(found.contains(&Kekurangan::DiklatAtauKursusKosong));
        assert!(found.contains(&Kekurangan::SkpTahunKosong(2024)));
        assert!(found.contains(&Kekurangan::SkpTahunKosong(2025)));
        assert!(
            !found
                .iter()
                .any(|k| matches!(k, Kekurangan::RiwayatKosong(JenisRiwayat::Cltn)))
        );
    }

    #[test]
    fn documents_and_skp_years_are_checked() {
        let p = pegawai();
        let cpns = row(DataRiwayat::CpnsPns(RiwayatCpnsPns {
            status: StatusKepegawaian::Cpns,
            tmt: d(1989, 11, 1),
            sk: Sk {
                nomor: "1".into(),
                tanggal: d(1989, 10, 1),
            },
            golongan: Some(Golongan::IIIA),
            nomor_spmt: None,
            tanggal_spmt: None,
            nomor_sttpl: None,
            tanggal_sttpl: None,
        }));
        let kursus = row(DataRiwayat::Kursus(RiwayatKursus {
            jenis_kursus: "Bimtek".into(),
            nama_kursus: "SIASN".into(),
            nomor_sertifikat: None,
            tanggal_mulai: d(2024, 1, 1),
            tanggal_selesai: d(2024, 1, 2),
            jumlah_jam: 8,
            institusi_penyelenggara: "BKN".into(),
        }));
        let rows = vec![cpns.clone(), kursus, skp(2024), skp(2025)];
        let found = periksa(&p, &rows, &HashSet::new(), None, d(2026, 11, 21));
        assert!(found.contains(&Kekurangan::DokumenTidakAda {
            jenis: JenisRiwayat::CpnsPns,
            riwayat_id: cpns.id
        }));
        assert!(!found.contains(&Kekurangan::DiklatAtauKursusKosong));
        assert!(
            !found
                .iter()
                .any(|k| matches!(k, Kekurangan::SkpTahunKosong(_)))
        );
        let with_doc: HashSet<Uuid> = [cpns.id].into_iter().collect();
        let found = periksa(&p, &rows, &with_doc, None, d(2026, 11, 21));
        assert!(
            !found
                .iter()
                .any(|k| matches!(k, Kekurangan::DokumenTidakAda { .. }))
        );
        // A new CPNS owes no appraisal for years before appointment.
        let mut baru = pegawai();
        baru.tmt_cpns = Some(d(2025, 3, 1));
        let found = periksa(&baru, &[], &HashSet::new(), None, d(2026, 11, 21));
        assert!(!found.contains(&Kekurangan::SkpTahunKosong(2024)));
        assert!(
            !found.contains(&Kekurangan::SkpTahunKosong(2025)),
            "appointed 2025: first full year is 2026"
        );
    }

    #[test]
    fn past_bup_without_a_decree_is_a_problem() {
        let mut p = pegawai();
        assert!(
            !periksa(&p, &[], &HashSet::new(), None, d(2026, 11, 21))
                .contains(&Kekurangan::MencapaiBupTanpaKeputusan)
        );
        p.kedudukan_hukum_id = "98".into();
        assert!(
            periksa(&p, &[], &HashSet::new(), None, d(2026, 11, 21))
                .contains(&Kekurangan::MencapaiBupTanpaKeputusan)
        );
    }

    #[test]
    fn inconsistencies_are_included() {
        let mut p = pegawai();
        p.tanggal_lahir = d(1968, 3, 4);
        let found = periksa(&p, &[], &HashSet::new(), None, d(2026, 11, 21));
        assert!(found.contains(&Kekurangan::TidakKonsisten(Inkonsistensi::TanggalLahirNip)));
    }
}
