//! Values derived from an employee's history rows, shared by the profile, the API and the
//! services: last education, first rank, the appointment decrees, and years of service.

use chrono::NaiveDate;

use super::{
    DataRiwayat, Riwayat, RiwayatCltn, RiwayatCpnsPns, RiwayatPendidikan, RiwayatPmk,
    StatusKepegawaian,
};
use crate::golongan::Golongan;
use crate::masa_kerja::{self, MasaKerja};

/// The education with the latest graduation year (the first of equal years as stored).
pub fn pendidikan_terakhir(riwayat: &[Riwayat]) -> Option<&RiwayatPendidikan> {
    riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Pendidikan(x) => Some(x),
            _ => None,
        })
        .max_by_key(|x| x.tahun_lulus)
}

/// The rank at appointment: the lowest golongan on an SK CPNS/PNS, or, when no appointment
/// decree names one, the rank with the earliest TMT in the rank history.
pub fn golongan_awal(riwayat: &[Riwayat]) -> Option<Golongan> {
    riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::CpnsPns(c) => c.golongan,
            _ => None,
        })
        .min_by_key(|g| g.id())
        .or_else(|| {
            riwayat
                .iter()
                .filter_map(|r| match &r.data {
                    DataRiwayat::Golongan(g) => Some((g.tmt_golongan, g.golongan)),
                    _ => None,
                })
                .min_by_key(|(tmt, _)| *tmt)
                .map(|(_, g)| g)
        })
}

/// The appointment decree that made the employee CPNS or PNS, when recorded.
pub fn sk_pengangkatan(riwayat: &[Riwayat], status: StatusKepegawaian) -> Option<&RiwayatCpnsPns> {
    riwayat.iter().find_map(|r| match &r.data {
        DataRiwayat::CpnsPns(c) if c.status == status => Some(c),
        _ => None,
    })
}

/// Years of service on `pada` from TMT CPNS, with the PMK credits and CLTN leaves on record.
pub fn masa_kerja(riwayat: &[Riwayat], tmt_cpns: NaiveDate, pada: NaiveDate) -> MasaKerja {
    let pmk: Vec<RiwayatPmk> = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Pmk(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    let cltn: Vec<RiwayatCltn> = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Cltn(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    masa_kerja::hitung(tmt_cpns, pada, &pmk, &cltn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::{RiwayatGolongan, Sk};
    use uuid::Uuid;

    fn d(y: i32, m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, h).unwrap()
    }

    fn baris(data: DataRiwayat) -> Riwayat {
        Riwayat {
            id: Uuid::new_v4(),
            pegawai_id: Uuid::nil(),
            data,
        }
    }

    fn sk() -> Sk {
        Sk {
            nomor: "1/SK/2000".into(),
            tanggal: d(2000, 1, 1),
        }
    }

    fn pendidikan(nama: &str, tahun: i32) -> Riwayat {
        baris(DataRiwayat::Pendidikan(RiwayatPendidikan {
            tingkat_pendidikan_id: "40".into(),
            nama_pendidikan: nama.into(),
            nama_sekolah: "Universitas".into(),
            tahun_lulus: tahun,
            tanggal_lulus: None,
            nomor_ijazah: None,
            gelar_depan: None,
            gelar_belakang: None,
            pendidikan_pertama: false,
        }))
    }

    fn golongan(g: Golongan, tmt: NaiveDate) -> Riwayat {
        baris(DataRiwayat::Golongan(RiwayatGolongan {
            golongan: g,
            jenis_kp_id: "101".into(),
            tmt_golongan: tmt,
            sk: sk(),
            nomor_pertek: None,
            tanggal_pertek: None,
            masa_kerja_tahun: 0,
            masa_kerja_bulan: 0,
            angka_kredit_utama: None,
            angka_kredit_tambahan: None,
        }))
    }

    fn pengangkatan(status: StatusKepegawaian, g: Option<Golongan>) -> Riwayat {
        baris(DataRiwayat::CpnsPns(RiwayatCpnsPns {
            status,
            tmt: d(2000, 3, 1),
            sk: sk(),
            golongan: g,
            nomor_spmt: None,
            tanggal_spmt: None,
            nomor_sttpl: None,
            tanggal_sttpl: None,
        }))
    }

    #[test]
    fn last_education_is_the_latest_graduation() {
        let r = [
            pendidikan("S1", 1998),
            pendidikan("S2", 2010),
            pendidikan("SMA", 1993),
        ];
        assert_eq!(pendidikan_terakhir(&r).unwrap().nama_pendidikan, "S2");
        assert!(pendidikan_terakhir(&[]).is_none());
    }

    #[test]
    fn first_rank_from_the_appointment_then_from_the_rank_history() {
        let sejarah = [
            golongan(Golongan::IIIB, d(2004, 4, 1)),
            golongan(Golongan::IIIA, d(2000, 3, 1)),
        ];
        assert_eq!(golongan_awal(&sejarah), Some(Golongan::IIIA));
        let mut dengan_sk = sejarah.to_vec();
        dengan_sk.push(pengangkatan(StatusKepegawaian::Pns, Some(Golongan::IIC)));
        assert_eq!(golongan_awal(&dengan_sk), Some(Golongan::IIC));
        let tanpa_golongan = [pengangkatan(StatusKepegawaian::Cpns, None)];
        assert_eq!(golongan_awal(&tanpa_golongan), None);
    }

    #[test]
    fn appointment_decrees_by_status() {
        let r = [pengangkatan(StatusKepegawaian::Cpns, Some(Golongan::IIIA))];
        assert!(sk_pengangkatan(&r, StatusKepegawaian::Cpns).is_some());
        assert!(sk_pengangkatan(&r, StatusKepegawaian::Pns).is_none());
    }

    #[test]
    fn service_years_count_pmk_and_skip_cltn() {
        let tmt = d(2000, 3, 1);
        let pada = d(2010, 3, 1);
        assert_eq!(masa_kerja(&[], tmt, pada).tahun, 10);
        let pmk = baris(DataRiwayat::Pmk(RiwayatPmk {
            instansi_atau_perusahaan: "PT Contoh".into(),
            tanggal_mulai: d(1995, 1, 1),
            tanggal_selesai: d(1999, 12, 31),
            masa_kerja_tahun: 2,
            masa_kerja_bulan: 6,
            sk: sk(),
        }));
        let m = masa_kerja(&[pmk], tmt, pada);
        assert_eq!((m.tahun, m.bulan), (12, 6));
        let cltn = baris(DataRiwayat::Cltn(RiwayatCltn {
            jenis_cltn: 1,
            tanggal_mulai: d(2005, 3, 1),
            tanggal_selesai: d(2006, 2, 28),
            tanggal_aktif_kembali: Some(d(2006, 3, 1)),
            sk: sk(),
            nomor_pertek: None,
            tanggal_pertek: None,
            diperpanjang: false,
        }));
        assert_eq!(masa_kerja(&[cltn], tmt, pada).tahun, 9);
    }
}
