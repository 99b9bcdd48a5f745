//! Indeks Profesionalitas ASN (PermenPANRB 38/2018; Perban BKN 8/2019): four dimensions
//! measured from the record — qualification (education, at most 25), competence (training,
//! at most 40), performance (the latest appraisal, at most 30) and discipline (penalties, at
//! most 5) — summed to at most 100.
//!
//! The dimensions' maxima are the regulation's weights. The points within the competence
//! dimension follow public summaries of the regulation and are marked uncertain in decision
//! 0015 (they belong in editable reference data once BKN publishes the table).

use chrono::{Datelike, Months, NaiveDate};

use crate::riwayat::{DataRiwayat, PredikatKinerja, Riwayat, TingkatHukuman};

/// Years back training and penalties count.
pub const JENDELA_TAHUN: u32 = 2;
/// Hours of technical training in the window that earn the technical-training points.
pub const JAM_DIKLAT_TEKNIS: u32 = 20;

/// One employee's index and how each dimension was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpAsn {
    /// Qualification: 25 (S-3), 20 (S-2 and specialists), 15 (S-1, D-IV, profession),
    /// 10 (D-III), 5 (D-I/D-II), 1 (below).
    pub kualifikasi: u8,
    /// Competence: 15 for leadership or functional training, 15 for at least
    /// [`JAM_DIKLAT_TEKNIS`] hours of technical training in the window, 10 for any seminar or
    /// course in the window.
    pub kompetensi: u8,
    /// Performance from the latest appraisal: 30 very good, 25 good, 15 needs improvement or
    /// fair, 10 poor, 5 very poor; 0 without an appraisal.
    pub kinerja: u8,
    /// Discipline: 5 without a penalty in the window, 3 light, 2 medium, 1 heavy (the worst).
    pub disiplin: u8,
    /// The year of the appraisal used, if any.
    pub tahun_kinerja: Option<i32>,
}

/// The index's band (PermenPANRB 38/2018).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KategoriIpAsn {
    /// 91–100.
    SangatTinggi,
    /// 81–90.
    Tinggi,
    /// 71–80.
    Sedang,
    /// 61–70.
    Rendah,
    /// 60 and below.
    SangatRendah,
}

impl KategoriIpAsn {
    /// The band's name as the national service writes it.
    pub fn nama(self) -> &'static str {
        match self {
            Self::SangatTinggi => "Sangat Tinggi",
            Self::Tinggi => "Tinggi",
            Self::Sedang => "Sedang",
            Self::Rendah => "Rendah",
            Self::SangatRendah => "Sangat Rendah",
        }
    }
}

impl IpAsn {
    /// The index: the four dimensions summed.
    pub fn total(&self) -> u8 {
        self.kualifikasi + self.kompetensi + self.kinerja + self.disiplin
    }

    /// The band of the total.
    pub fn kategori(&self) -> KategoriIpAsn {
        match self.total() {
            91.. => KategoriIpAsn::SangatTinggi,
            81..=90 => KategoriIpAsn::Tinggi,
            71..=80 => KategoriIpAsn::Sedang,
            61..=70 => KategoriIpAsn::Rendah,
            _ => KategoriIpAsn::SangatRendah,
        }
    }
}

/// Qualification points of a tingkat pendidikan id (the SIASN ids order the levels).
pub fn poin_kualifikasi(tingkat_pendidikan_id: Option<&str>) -> u8 {
    match tingkat_pendidikan_id.map(str::trim) {
        Some("50") => 25,
        Some("45" | "47" | "49") => 20,
        Some("40" | "35" | "42") => 15,
        Some("30") => 10,
        Some("20" | "25") => 5,
        _ => 1,
    }
}

fn poin_predikat(p: PredikatKinerja) -> u8 {
    match p {
        PredikatKinerja::SangatBaik => 30,
        PredikatKinerja::Baik => 25,
        PredikatKinerja::ButuhPerbaikan => 15,
        PredikatKinerja::Kurang => 10,
        PredikatKinerja::SangatKurang => 5,
    }
}

/// Points of a numeric appraisal (PP 46/2011 bands: 91+ very good, 76+ good, 61+ fair,
/// 51+ poor, below that very poor).
fn poin_nilai(nilai: f64) -> u8 {
    if nilai >= 90.5 {
        30
    } else if nilai >= 75.5 {
        25
    } else if nilai >= 60.5 {
        15
    } else if nilai >= 50.5 {
        10
    } else {
        5
    }
}

/// The index of a record on `hari_ini`. `tingkat_pendidikan_id` is the record's last
/// education level (the histories' highest level counts when it is higher).
pub fn hitung(
    tingkat_pendidikan_id: Option<&str>,
    riwayat: &[Riwayat],
    hari_ini: NaiveDate,
) -> IpAsn {
    let awal = hari_ini
        .checked_sub_months(Months::new(12 * JENDELA_TAHUN))
        .unwrap_or(NaiveDate::MIN);
    let dalam = |d: NaiveDate| d >= awal && d <= hari_ini;

    let mut tingkat = tingkat_pendidikan_id.map(str::to_string);
    for r in riwayat {
        if let DataRiwayat::Pendidikan(p) = &r.data
            && tingkat
                .as_deref()
                .is_none_or(|t| p.tingkat_pendidikan_id.as_str() > t)
        {
            tingkat = Some(p.tingkat_pendidikan_id.clone());
        }
    }
    let kualifikasi = poin_kualifikasi(tingkat.as_deref());

    let pelatihan_jabatan = riwayat
        .iter()
        .any(|r| matches!(&r.data, DataRiwayat::Diklat(_)));
    let kursus: Vec<_> = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Kursus(k) if dalam(k.tanggal_selesai) => Some(k),
            _ => None,
        })
        .collect();
    let jam: u32 = kursus.iter().map(|k| k.jumlah_jam).sum();
    let kompetensi = if pelatihan_jabatan { 15 } else { 0 }
        + if jam >= JAM_DIKLAT_TEKNIS { 15 } else { 0 }
        + if kursus.is_empty() { 0 } else { 10 };

    let terakhir = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Skp22(s) => Some((s.tahun, poin_predikat(s.predikat))),
            DataRiwayat::Skp(s) => Some((s.tahun, poin_nilai(s.nilai_skp))),
            _ => None,
        })
        .filter(|(t, _)| *t <= hari_ini.year())
        .max_by_key(|(t, _)| *t);
    let kinerja = terakhir.map_or(0, |(_, p)| p);

    let terberat = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::HukumanDisiplin(h) if dalam(h.tmt_hukuman) => Some(h.tingkat),
            _ => None,
        })
        .max_by_key(|t| match t {
            TingkatHukuman::Ringan => 1,
            TingkatHukuman::Sedang => 2,
            TingkatHukuman::Berat => 3,
        });
    let disiplin = match terberat {
        None => 5,
        Some(TingkatHukuman::Ringan) => 3,
        Some(TingkatHukuman::Sedang) => 2,
        Some(TingkatHukuman::Berat) => 1,
    };

    IpAsn {
        kualifikasi,
        kompetensi,
        kinerja,
        disiplin,
        tahun_kinerja: terakhir.map(|(t, _)| t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::{
        Ekspektasi, RiwayatDiklat, RiwayatHukumanDisiplin, RiwayatKursus, RiwayatPendidikan,
        RiwayatSkp22, Sk,
    };
    use uuid::Uuid;

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

    fn kursus(selesai: NaiveDate, jam: u32) -> Riwayat {
        row(DataRiwayat::Kursus(RiwayatKursus {
            jenis_kursus: "Teknis".into(),
            nama_kursus: "Arsip".into(),
            nomor_sertifikat: None,
            tanggal_mulai: selesai,
            tanggal_selesai: selesai,
            jumlah_jam: jam,
            institusi_penyelenggara: "ANRI".into(),
        }))
    }

    fn skp22(tahun: i32, predikat: PredikatKinerja) -> Riwayat {
        row(DataRiwayat::Skp22(RiwayatSkp22 {
            tahun,
            hasil_kinerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::Sesuai,
            predikat,
            penilai_nip: None,
            penilai_nama: None,
            penilai_jabatan: None,
            penilai_unor: None,
        }))
    }

    fn hukdis(tmt: NaiveDate, tingkat: TingkatHukuman) -> Riwayat {
        row(DataRiwayat::HukumanDisiplin(RiwayatHukumanDisiplin {
            jenis_hukuman_id: "X".into(),
            tingkat,
            alasan: String::new(),
            tmt_hukuman: tmt,
            masa_bulan: 6,
            sk: Sk {
                nomor: "1".into(),
                tanggal: tmt,
            },
        }))
    }

    #[test]
    fn an_empty_record_scores_only_discipline_and_the_floor_of_qualification() {
        let x = hitung(None, &[], d(2026, 12, 1));
        assert_eq!(
            (x.kualifikasi, x.kompetensi, x.kinerja, x.disiplin),
            (1, 0, 0, 5)
        );
        assert_eq!(x.total(), 6);
        assert_eq!(x.kategori(), KategoriIpAsn::SangatRendah);
        assert_eq!(x.tahun_kinerja, None);
    }

    #[test]
    fn qualification_follows_the_highest_level_on_record() {
        assert_eq!(poin_kualifikasi(Some("50")), 25);
        assert_eq!(poin_kualifikasi(Some("45")), 20);
        assert_eq!(poin_kualifikasi(Some("40")), 15);
        assert_eq!(poin_kualifikasi(Some("35")), 15);
        assert_eq!(poin_kualifikasi(Some("30")), 10);
        assert_eq!(poin_kualifikasi(Some("25")), 5);
        assert_eq!(poin_kualifikasi(Some("15")), 1);
        // A master's degree in the histories counts over an older S-1 in the personal data.
        let s2 = row(DataRiwayat::Pendidikan(RiwayatPendidikan {
            tingkat_pendidikan_id: "45".into(),
            nama_pendidikan: "Magister Administrasi Publik".into(),
            nama_sekolah: "Universitas Padjadjaran".into(),
            tahun_lulus: 2020,
            tanggal_lulus: None,
            nomor_ijazah: None,
            gelar_depan: None,
            gelar_belakang: Some("M.A.P.".into()),
            pendidikan_pertama: false,
        }));
        assert_eq!(hitung(Some("40"), &[s2], d(2026, 12, 1)).kualifikasi, 20);
    }

    #[test]
    fn competence_counts_training_within_two_years_and_hours_on_the_boundary() {
        let hari_ini = d(2026, 12, 1);
        let diklat = row(DataRiwayat::Diklat(RiwayatDiklat {
            latihan_struktural_id: "2".into(),
            nama: "PKP".into(),
            nomor_sertifikat: "1".into(),
            tanggal_mulai: d(2015, 3, 1),
            tanggal_selesai: d(2015, 5, 1),
            jumlah_jam: 300,
            institusi_penyelenggara: "BPSDM".into(),
        }));
        // Leadership training counts whenever it was taken.
        assert_eq!(
            hitung(None, std::slice::from_ref(&diklat), hari_ini).kompetensi,
            15
        );
        // 19 hours: a course, not yet technical training; 20 hours: both.
        let sedikit = [diklat.clone(), kursus(d(2026, 6, 1), 19)];
        assert_eq!(hitung(None, &sedikit, hari_ini).kompetensi, 25);
        let cukup = [diklat, kursus(d(2026, 6, 1), 12), kursus(d(2024, 12, 1), 8)];
        assert_eq!(hitung(None, &cukup, hari_ini).kompetensi, 40);
        // A day outside the window does not count.
        let lama = [kursus(d(2024, 11, 30), 40)];
        assert_eq!(hitung(None, &lama, hari_ini).kompetensi, 0);
    }

    #[test]
    fn performance_is_the_latest_appraisal_and_discipline_the_worst_recent_penalty() {
        let hari_ini = d(2026, 12, 1);
        let rows = [
            skp22(2024, PredikatKinerja::Kurang),
            skp22(2025, PredikatKinerja::SangatBaik),
            hukdis(d(2025, 7, 1), TingkatHukuman::Ringan),
            hukdis(d(2026, 1, 1), TingkatHukuman::Sedang),
            hukdis(d(2020, 1, 1), TingkatHukuman::Berat),
        ];
        let x = hitung(Some("40"), &rows, hari_ini);
        assert_eq!(x.kinerja, 30);
        assert_eq!(x.tahun_kinerja, Some(2025));
        assert_eq!(
            x.disiplin, 2,
            "the heavy penalty of 2020 is outside the window"
        );
        assert_eq!(x.total(), 15 + 30 + 2);
    }

    #[test]
    fn bands_have_their_edges() {
        let x = |kualifikasi, kompetensi, kinerja, disiplin| IpAsn {
            kualifikasi,
            kompetensi,
            kinerja,
            disiplin,
            tahun_kinerja: None,
        };
        assert_eq!(x(25, 40, 30, 5).kategori(), KategoriIpAsn::SangatTinggi);
        assert_eq!(x(25, 40, 25, 1).kategori(), KategoriIpAsn::SangatTinggi);
        assert_eq!(x(20, 40, 25, 5).kategori(), KategoriIpAsn::Tinggi);
        assert_eq!(x(15, 40, 25, 1).kategori(), KategoriIpAsn::Tinggi);
        assert_eq!(x(15, 40, 25, 0).kategori(), KategoriIpAsn::Sedang);
        assert_eq!(x(15, 25, 25, 5).kategori(), KategoriIpAsn::Rendah);
        assert_eq!(x(15, 25, 15, 5).kategori(), KategoriIpAsn::SangatRendah);
        assert_eq!(KategoriIpAsn::Tinggi.nama(), "Tinggi");
    }
}
