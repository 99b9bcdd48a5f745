use std::collections::BTreeMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::validasi::{
    Berat, KonteksValidasi, TAHUN_PERTAMA_SKP_LAMA, TAHUN_TERAKHIR_SKP_LAMA, jendela_skp,
    lengkapi_dokumen, periksa,
};
use super::*;
use crate::akses::{LetakPegawai, Pelaku, Peran, PeranAkun};
use crate::contoh;
use crate::golongan::Golongan;
use crate::referensi::{TingkatPendidikan, kewenangan_awal};
use crate::riwayat::{
    Ekspektasi, PredikatKinerja, RiwayatDiklat, RiwayatGolongan, RiwayatSkp, RiwayatSkp22, Sk,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn hari_ini() -> NaiveDate {
    d(2026, 11, 21)
}

fn golongan(g: Golongan, tmt: NaiveDate) -> DataRiwayat {
    DataRiwayat::Golongan(RiwayatGolongan {
        golongan: g,
        jenis_kp_id: "101".into(),
        tmt_golongan: tmt,
        sk: Sk {
            nomor: "823/1".into(),
            tanggal: tmt.pred_opt().unwrap(),
        },
        nomor_pertek: None,
        tanggal_pertek: None,
        masa_kerja_tahun: 20,
        masa_kerja_bulan: 0,
        angka_kredit_utama: None,
        angka_kredit_tambahan: None,
    })
}

fn diklat(mulai: NaiveDate) -> DataRiwayat {
    DataRiwayat::Diklat(RiwayatDiklat {
        latihan_struktural_id: "2".into(),
        nama: "PIM IV".into(),
        nomor_sertifikat: "X/1".into(),
        tanggal_mulai: mulai,
        tanggal_selesai: mulai + chrono::Days::new(30),
        jumlah_jam: 200,
        institusi_penyelenggara: "LAN".into(),
    })
}

fn cek(
    perubahan: &Perubahan,
    riwayat: &[Riwayat],
    pendidikan: &[TingkatPendidikan],
) -> Vec<String> {
    let p = contoh::pegawai();
    let unor = [Uuid::from_u128(7)];
    let kode_sah = |kat: &str, kode: &str| kat == "agama" && ("1"..="7").contains(&kode);
    let k = KonteksValidasi {
        hari_ini: hari_ini(),
        pegawai: &p,
        riwayat,
        pendidikan,
        unor_instansi: &unor,
        kode_sah: &kode_sah,
    };
    periksa(perubahan, &k)
        .into_iter()
        .map(|t| {
            format!(
                "{}:{}",
                if t.berat == Berat::Galat { "G" } else { "P" },
                t.kode
            )
        })
        .collect()
}

#[test]
fn a_correction_that_only_brings_documents_completes_the_row() {
    let p = contoh::pegawai();
    let row = Riwayat {
        id: Uuid::from_u128(9),
        pegawai_id: p.id,
        data: diklat(d(2020, 1, 6)),
    };
    let sama = Perubahan::UbahRiwayat {
        riwayat_id: row.id,
        data: row.data.clone(),
    };
    let unor = [Uuid::from_u128(7)];
    let kode_sah = |_: &str, _: &str| true;
    let k = KonteksValidasi {
        hari_ini: hari_ini(),
        pegawai: &p,
        riwayat: std::slice::from_ref(&row),
        pendidikan: &[],
        unor_instansi: &unor,
        kode_sah: &kode_sah,
    };
    let kode = |t: Vec<validasi::Temuan>| t.into_iter().map(|t| t.kode).collect::<Vec<_>>();
    // Without a document, nothing changes: refused.
    assert!(
        kode(lengkapi_dokumen(periksa(&sama, &k), &sama, false))
            .contains(&"tanpa_perubahan".into())
    );
    // With one, it completes the row's file.
    assert!(
        !kode(lengkapi_dokumen(periksa(&sama, &k), &sama, true))
            .contains(&"tanpa_perubahan".into())
    );
    // Data utama with nothing in it stays refused even with a document.
    let kosong = Perubahan::DataUtama {
        nilai: BTreeMap::new(),
    };
    assert!(
        kode(lengkapi_dokumen(periksa(&kosong, &k), &kosong, true))
            .contains(&"tanpa_perubahan".into())
    );
}

#[test]
fn routing_follows_the_authority_table() {
    let tabel = kewenangan_awal();
    let rank = Perubahan::TambahRiwayat {
        data: golongan(Golongan::IVB, d(2025, 4, 1)),
    };
    assert_eq!(rank.rute(&tabel), Verifikator::Bkn);
    assert_eq!(rank.dokumen_wajib(&tabel), vec!["L02".to_string()]);
    let training = Perubahan::TambahRiwayat {
        data: diklat(d(2024, 5, 1)),
    };
    assert_eq!(training.rute(&tabel), Verifikator::Instansi);
    assert!(!training.dokumen_cukup(&tabel, &["872".into()]));
    assert!(training.dokumen_cukup(&tabel, &["874".into()]));
    let phone = Perubahan::DataUtama {
        nilai: BTreeMap::from([(KolomDataUtama::NomorHp, Some("081234567890".into()))]),
    };
    assert_eq!(phone.rute(&tabel), Verifikator::Instansi);
    assert!(phone.dokumen_cukup(&tabel, &[]));
    let name = Perubahan::DataUtama {
        nilai: BTreeMap::from([(KolomDataUtama::Nama, Some("Siti Aminah Putri".into()))]),
    };
    assert!(!name.dokumen_cukup(&tabel, &[]));
    assert!(name.dokumen_cukup(&tabel, &["L03".into()]));
    // The table is data: moving a kind to BKN changes the route.
    let mut ubah = tabel.clone();
    for k in &mut ubah {
        if k.jenis_riwayat == JenisRiwayat::Diklat {
            k.verifikator = Verifikator::Bkn;
        }
    }
    assert_eq!(training.rute(&ubah), Verifikator::Bkn);
}

fn pelaku(
    akun: u128,
    pegawai: Option<u128>,
    peran: &[(Peran, Option<&str>, Option<&str>)],
) -> Pelaku {
    Pelaku {
        akun_id: Uuid::from_u128(akun),
        pegawai_id: pegawai.map(Uuid::from_u128),
        peran: peran
            .iter()
            .map(|(p, i, k)| {
                PeranAkun::new(*p, i.map(str::to_string), k.map(str::to_string)).unwrap()
            })
            .collect(),
    }
}

#[test]
fn who_may_decide_at_which_stage() {
    let posisi = |status| PosisiUsulan {
        status,
        pegawai: LetakPegawai {
            pegawai_id: Uuid::from_u128(1),
            instansi_id: "A".into(),
            kanreg_id: "03".into(),
        },
        pengusul_akun_id: Uuid::from_u128(100),
        rute: Verifikator::Bkn,
    };
    let ver_a = pelaku(
        200,
        Some(2),
        &[(Peran::VerifikatorInstansi, Some("A"), None)],
    );
    let ver_b = pelaku(201, None, &[(Peran::VerifikatorInstansi, Some("B"), None)]);
    let bkn_03 = pelaku(300, None, &[(Peran::VerifikatorBkn, None, Some("03"))]);
    let bkn_04 = pelaku(301, None, &[(Peran::VerifikatorBkn, None, Some("04"))]);
    let bkn_pusat = pelaku(302, None, &[(Peran::VerifikatorBkn, None, None)]);
    assert_eq!(
        boleh_memutuskan(&ver_a, &posisi(StatusUsulan::Diajukan)),
        Ok(Verifikator::Instansi)
    );
    assert_eq!(
        boleh_memutuskan(&ver_b, &posisi(StatusUsulan::Diajukan)),
        Err(TidakBoleh::BukanVerifikator)
    );
    assert_eq!(
        boleh_memutuskan(&bkn_03, &posisi(StatusUsulan::Diajukan)),
        Err(TidakBoleh::BukanVerifikator)
    );
    assert_eq!(
        boleh_memutuskan(&bkn_03, &posisi(StatusUsulan::MenungguBkn)),
        Ok(Verifikator::Bkn)
    );
    assert_eq!(
        boleh_memutuskan(&bkn_04, &posisi(StatusUsulan::MenungguBkn)),
        Err(TidakBoleh::BukanVerifikator)
    );
    assert_eq!(
        boleh_memutuskan(&bkn_pusat, &posisi(StatusUsulan::MenungguBkn)),
        Ok(Verifikator::Bkn)
    );
    assert_eq!(
        boleh_memutuskan(&ver_a, &posisi(StatusUsulan::MenungguBkn)),
        Err(TidakBoleh::BukanVerifikator)
    );
    assert_eq!(
        boleh_memutuskan(&ver_a, &posisi(StatusUsulan::Selesai)),
        Err(TidakBoleh::BukanGiliran(StatusUsulan::Selesai))
    );
    // The proposer, and the employee concerned, never verify it, even holding the role.
    let operator_verifier = pelaku(
        100,
        Some(9),
        &[(Peran::VerifikatorInstansi, Some("A"), None)],
    );
    assert_eq!(
        boleh_memutuskan(&operator_verifier, &posisi(StatusUsulan::Diajukan)),
        Err(TidakBoleh::UsulanSendiri)
    );
    let own_record = pelaku(
        400,
        Some(1),
        &[(Peran::VerifikatorInstansi, Some("A"), None)],
    );
    assert_eq!(
        boleh_memutuskan(&own_record, &posisi(StatusUsulan::Diajukan)),
        Err(TidakBoleh::UsulanSendiri)
    );
}

#[test]
fn status_transitions() {
    use StatusUsulan as S;
    use Verifikator::{Bkn, Instansi};
    assert_eq!(
        status_setelah(Instansi, Bkn, &Keputusan::Setujui),
        Ok(S::MenungguBkn)
    );
    assert_eq!(
        status_setelah(Instansi, Instansi, &Keputusan::Setujui),
        Ok(S::Selesai)
    );
    assert_eq!(
        status_setelah(Bkn, Bkn, &Keputusan::Setujui),
        Ok(S::Selesai)
    );
    assert_eq!(
        status_setelah(Instansi, Bkn, &Keputusan::Tolak { alasan: " ".into() }),
        Err(TidakBoleh::AlasanKosong)
    );
    assert_eq!(
        status_setelah(
            Bkn,
            Bkn,
            &Keputusan::Kembalikan {
                alasan: "SK buram".into(),
                dokumen: vec![]
            }
        ),
        Ok(S::Dikembalikan)
    );
    use LangkahPengusul as L;
    assert_eq!(
        boleh_langkah_pengusul(L::Ajukan, S::Draf, true),
        Ok(S::Diajukan)
    );
    assert_eq!(
        boleh_langkah_pengusul(L::Ajukan, S::Dikembalikan, true),
        Ok(S::Diajukan)
    );
    assert_eq!(
        boleh_langkah_pengusul(L::Batalkan, S::Diajukan, true),
        Ok(S::Dibatalkan)
    );
    assert_eq!(
        boleh_langkah_pengusul(L::Batalkan, S::MenungguBkn, true),
        Err(TidakBoleh::BukanGiliran(S::MenungguBkn))
    );
    assert_eq!(
        boleh_langkah_pengusul(L::Ubah, S::Diajukan, true),
        Err(TidakBoleh::BukanGiliran(S::Diajukan))
    );
    assert_eq!(
        boleh_langkah_pengusul(L::Ajukan, S::Draf, false),
        Err(TidakBoleh::BukanPengusul)
    );
    for s in S::SEMUA {
        assert_eq!(S::from_kode(s.kode()), Some(s));
    }
}

#[test]
fn conflicts_explain_what_changed() {
    let mut p = contoh::pegawai();
    let ubah_nama = Perubahan::DataUtama {
        nilai: BTreeMap::from([
            (KolomDataUtama::Nama, Some("Siti Aminah Putri".into())),
            (KolomDataUtama::Nik, Some("3273014303680001".into())),
        ]),
    };
    let dulu = ubah_nama.sebelum(&p, &[]).unwrap();
    assert!(ubah_nama.konflik(&dulu, &p, &[]).is_empty());
    p.nama = "Siti Aminah S".into();
    let k = ubah_nama.konflik(&dulu, &p, &[]);
    assert_eq!(k.len(), 1);
    assert!(matches!(
        &k[0],
        Konflik::Kolom { kolom: KolomDataUtama::Nama, dulu: Some(a), kini: Some(b) }
            if a == "Siti Aminah" && b == "Siti Aminah S"
    ));

    let row = Riwayat {
        id: Uuid::from_u128(5),
        pegawai_id: p.id,
        data: diklat(d(2020, 1, 6)),
    };
    let hapus = Perubahan::HapusRiwayat {
        riwayat_id: row.id,
        jenis: JenisRiwayat::Diklat,
    };
    let dulu = hapus.sebelum(&p, std::slice::from_ref(&row)).unwrap();
    assert!(
        hapus
            .konflik(&dulu, &p, std::slice::from_ref(&row))
            .is_empty()
    );
    let mut diubah = row.clone();
    diubah.data = diklat(d(2020, 2, 3));
    assert_eq!(
        hapus.konflik(&dulu, &p, &[diubah]),
        vec![Konflik::RiwayatBerubah]
    );
    assert_eq!(hapus.konflik(&dulu, &p, &[]), vec![Konflik::RiwayatHilang]);
    // A row of another employee cannot be targeted.
    let mut asing = row.clone();
    asing.pegawai_id = Uuid::from_u128(99);
    assert_eq!(hapus.sebelum(&p, &[asing]), Err(Konflik::RiwayatHilang));
}

#[test]
fn validation_hard_and_soft() {
    // Born 1968-03-03, TMT CPNS 1989-11-01, S-2 (ceiling IV/e in the seed) per contoh.
    let masa_depan = Perubahan::TambahRiwayat {
        data: diklat(d(2027, 1, 5)),
    };
    assert!(cek(&masa_depan, &[], &[]).contains(&"G:tanggal_masa_depan".to_string()));

    let sebelum_lahir = Perubahan::TambahRiwayat {
        data: diklat(d(1960, 1, 5)),
    };
    assert!(cek(&sebelum_lahir, &[], &[]).contains(&"G:sebelum_lahir".to_string()));

    let sebelum_cpns = Perubahan::TambahRiwayat {
        data: golongan(Golongan::IIIA, d(1988, 4, 1)),
    };
    assert!(cek(&sebelum_cpns, &[], &[]).contains(&"G:sebelum_tmt_cpns".to_string()));

    let ceiling = [TingkatPendidikan {
        id: "45".into(),
        nama: "S-2".into(),
        golongan_awal: Some(Golongan::IIIB),
        golongan_maks: Some(Golongan::IVA),
    }];
    let di_atas = Perubahan::TambahRiwayat {
        data: golongan(Golongan::IVB, d(2025, 4, 1)),
    };
    let t = cek(&di_atas, &[], &ceiling);
    assert!(
        t.contains(&"P:melebihi_batas_pendidikan".to_string()),
        "{t:?}"
    );
    assert!(!t.iter().any(|x| x.starts_with("G:")), "{t:?}");

    let skp = |tahun| Perubahan::TambahRiwayat {
        data: DataRiwayat::Skp22(RiwayatSkp22 {
            tahun,
            hasil_kinerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::Sesuai,
            predikat: PredikatKinerja::Baik,
            penilai_nip: None,
            penilai_nama: None,
            penilai_jabatan: None,
            penilai_unor: None,
        }),
    };
    assert!(cek(&skp(2025), &[], &[]).is_empty());
    assert!(cek(&skp(2024), &[], &[]).is_empty());
    assert!(cek(&skp(2023), &[], &[]).contains(&"G:skp_di_luar_jendela".to_string()));
    assert!(cek(&skp(2026), &[], &[]).contains(&"G:skp_di_luar_jendela".to_string()));
    assert!(cek(&skp(2021), &[], &[]).contains(&"G:model_skp".to_string()));

    // The numeric model has its own years (2014–2021), not the kuadran model's rolling window.
    let skp_lama = |tahun| Perubahan::TambahRiwayat {
        data: DataRiwayat::Skp(RiwayatSkp {
            tahun,
            nilai_skp: 85.0,
            orientasi_pelayanan: 80.0,
            integritas: 80.0,
            komitmen: 80.0,
            disiplin: 80.0,
            kerjasama: 80.0,
            kepemimpinan: None,
            inisiatif_kerja: None,
            penilai_nip: None,
            penilai_nama: None,
            penilai_jabatan: None,
        }),
    };
    assert!(cek(&skp_lama(2021), &[], &[]).is_empty());
    assert!(cek(&skp_lama(2014), &[], &[]).is_empty());
    assert!(cek(&skp_lama(2013), &[], &[]).contains(&"G:skp_di_luar_jendela".to_string()));
    let t = cek(&skp_lama(2024), &[], &[]);
    assert_eq!(t, vec!["G:model_skp".to_string()], "one finding, not two");
    assert_eq!(
        jendela_skp(false, d(2026, 12, 1)),
        (TAHUN_PERTAMA_SKP_LAMA, TAHUN_TERAKHIR_SKP_LAMA)
    );
    assert_eq!(jendela_skp(true, d(2026, 12, 1)), (2024, 2025));
    // Early in the kuadran model the window never reaches back into the numeric years.
    assert_eq!(jendela_skp(true, d(2023, 3, 1)), (2022, 2022));

    // NIK: must parse; a mismatch with the birth date in the NIP is a warning for the verifier.
    let nik = |v: &str| Perubahan::DataUtama {
        nilai: BTreeMap::from([(KolomDataUtama::Nik, Some(v.to_string()))]),
    };
    assert!(cek(&nik("12345"), &[], &[]).contains(&"G:nik_tidak_valid".to_string()));
    let lain = cek(&nik("3273014404700001"), &[], &[]);
    assert!(
        lain.contains(&"P:nik_tanggal_lahir".to_string()),
        "{lain:?}"
    );
    assert!(cek(&nik("3273014303680001"), &[], &[]).contains(&"G:tanpa_perubahan".to_string()));

    let unor = |v: &str| Perubahan::DataUtama {
        nilai: BTreeMap::from([(KolomDataUtama::UnorId, Some(v.to_string()))]),
    };
    assert!(
        cek(&unor(&Uuid::from_u128(8).to_string()), &[], &[])
            .contains(&"G:unor_tidak_dikenal".to_string())
    );
    assert!(cek(&unor(&Uuid::from_u128(7).to_string()), &[], &[]).is_empty());
    let agama = Perubahan::DataUtama {
        nilai: BTreeMap::from([(KolomDataUtama::AgamaId, Some("9".to_string()))]),
    };
    assert!(cek(&agama, &[], &[]).contains(&"G:kode_tidak_dikenal".to_string()));

    // Deleting the last row of a mandatory section warns; a row that is not there is an error.
    let row = Riwayat {
        id: Uuid::from_u128(5),
        pegawai_id: Uuid::nil(),
        data: golongan(Golongan::IVA, d(2010, 4, 1)),
    };
    let hapus = Perubahan::HapusRiwayat {
        riwayat_id: row.id,
        jenis: JenisRiwayat::Golongan,
    };
    assert_eq!(
        cek(&hapus, std::slice::from_ref(&row), &[]),
        vec!["P:riwayat_wajib_kosong"]
    );
    assert_eq!(cek(&hapus, &[], &[]), vec!["G:riwayat_tidak_ada"]);
}

#[test]
fn applying_updates_the_snapshot() {
    let p = contoh::pegawai();
    let rows = vec![
        Riwayat {
            id: Uuid::from_u128(1),
            pegawai_id: p.id,
            data: golongan(Golongan::IVA, d(2015, 4, 1)),
        },
        Riwayat {
            id: Uuid::from_u128(2),
            pegawai_id: p.id,
            data: golongan(Golongan::IVB, d(2019, 10, 1)),
        },
    ];
    let q = terapkan::segarkan_cuplikan(&p, JenisRiwayat::Golongan, &rows);
    assert_eq!(q.golongan, Some(Golongan::IVB));
    assert_eq!(q.tmt_golongan, Some(d(2019, 10, 1)));
    let r = terapkan::terapkan_data_utama(
        &p,
        &BTreeMap::from([
            (KolomDataUtama::NomorHp, Some(" 0812 ".into())),
            (KolomDataUtama::GelarDepan, None),
        ]),
    )
    .unwrap();
    assert_eq!(r.nomor_hp.as_deref(), Some("0812"));
    assert_eq!(r.gelar_depan, None);
    assert!(
        terapkan::terapkan_data_utama(&p, &BTreeMap::from([(KolomDataUtama::Nama, None)])).is_err()
    );
}
