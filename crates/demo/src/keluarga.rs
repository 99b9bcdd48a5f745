//! A demo employee's family: spouse, children and parents, with their numbers and dates.

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::nik::Nik;
use siasn_domain::nip::JenisKelamin;
use siasn_domain::riwayat::{
    Anak, DataRiwayat, OrangTua, Pasangan, PeranOrangTua, StatusPernikahan,
};
use siasn_domain::tanggal::usia_pada;

use crate::acak::Acak;
use crate::konteks::{Konteks, Penomoran};
use crate::nama::{NAMA_LAKI, TEMPAT_LAHIR};

use crate::draf::Draf;
use crate::nama::nama_orang;

pub fn keluarga(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf) {
    let lahir = d.pegawai.tanggal_lahir;
    let usia = usia_pada(lahir, k.hari_ini);
    let belakang = d
        .pegawai
        .nama
        .split(' ')
        .next_back()
        .unwrap_or("")
        .to_string();
    for (peran, jk) in [
        (PeranOrangTua::Ayah, JenisKelamin::LakiLaki),
        (PeranOrangTua::Ibu, JenisKelamin::Perempuan),
    ] {
        let tahun_lahir = lahir.year() - a.antara(22, 38) as i32;
        let tanggal_lahir =
            NaiveDate::from_ymd_opt(tahun_lahir, a.antara(1, 12) as u32, a.antara(1, 28) as u32);
        let meninggal = (a.peluang(f64::from(usia) / 90.0)).then(|| {
            let tahun = (k.hari_ini.year() - a.antara(0, 15) as i32).max(lahir.year() + 1);
            NaiveDate::from_ymd_opt(tahun, a.antara(1, 12) as u32, a.antara(1, 28) as u32)
        });
        let nama = match peran {
            PeranOrangTua::Ayah if !belakang.is_empty() && a.peluang(0.5) => {
                format!("{} {belakang}", a.pilih(NAMA_LAKI))
            }
            _ => nama_orang(a, jk),
        };
        d.tambah(
            DataRiwayat::OrangTua(OrangTua {
                peran,
                nama,
                tempat_lahir: Some((*a.pilih(TEMPAT_LAHIR)).to_string()),
                tanggal_lahir,
                tanggal_meninggal: meninggal.flatten(),
            }),
            n,
            a,
        );
    }
    if usia < 24 || !a.peluang(0.85) {
        return;
    }
    let usia_nikah = a.antara(23, 32.min(i64::from(usia)));
    let Some(tanggal_menikah) = lahir
        .checked_add_months(Months::new(usia_nikah as u32 * 12 + a.antara(0, 11) as u32))
        .filter(|t| *t <= k.hari_ini)
    else {
        return;
    };
    d.pegawai.jenis_kawin_id = Some("1".into());
    let jk_pasangan = match d.pegawai.jenis_kelamin {
        JenisKelamin::LakiLaki => JenisKelamin::Perempuan,
        JenisKelamin::Perempuan => JenisKelamin::LakiLaki,
    };
    let lahir_pasangan = lahir + chrono::Duration::days(a.antara(-5 * 365, 5 * 365));
    let serial = n.urut_nik(
        &d.wilayah,
        lahir_pasangan,
        jk_pasangan == JenisKelamin::Perempuan,
    );
    let pasangan = Pasangan {
        nama: nama_orang(a, jk_pasangan),
        gelar_depan: None,
        gelar_belakang: None,
        jenis_kelamin: jk_pasangan,
        tempat_lahir: Some((*a.pilih(TEMPAT_LAHIR)).to_string()),
        tanggal_lahir: Some(lahir_pasangan),
        nik: Nik::compose(&d.wilayah, lahir_pasangan, jk_pasangan, serial).ok(),
        pns: a.peluang(0.2),
        akta_menikah: Some(format!(
            "{}/{}/{}",
            a.antara(100, 999),
            a.antara(1, 12),
            tanggal_menikah.year()
        )),
        tanggal_menikah: Some(tanggal_menikah),
        akta_cerai: None,
        tanggal_cerai: None,
        tanggal_meninggal: None,
        status: StatusPernikahan::Menikah,
    };
    let pasangan_id = d.tambah(DataRiwayat::Pasangan(pasangan), n, a);
    let mut lahir_anak = tanggal_menikah;
    for _ in 0..a.berbobot(&[(0, 15), (1, 30), (2, 35), (3, 20)]) {
        let Some(t) = lahir_anak
            .checked_add_months(Months::new(a.antara(12, 60) as u32))
            .filter(|t| *t < k.hari_ini)
        else {
            break;
        };
        lahir_anak = t;
        let jk = if a.peluang(0.5) {
            JenisKelamin::LakiLaki
        } else {
            JenisKelamin::Perempuan
        };
        let serial = n.urut_nik(&d.wilayah, t, jk == JenisKelamin::Perempuan);
        d.tambah(
            DataRiwayat::Anak(Anak {
                nama: nama_orang(a, jk),
                jenis_kelamin: jk,
                jenis_anak_id: a.berbobot(&[("1", 96), ("2", 2), ("3", 2)]).into(),
                tempat_lahir: Some((*a.pilih(TEMPAT_LAHIR)).to_string()),
                tanggal_lahir: t,
                nik: Nik::compose(&d.wilayah, t, jk, serial).ok(),
                pasangan_id: Some(pasangan_id),
            }),
            n,
            a,
        );
    }
}
