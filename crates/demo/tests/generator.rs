//! The demo generator: deterministic, consistent where it should be, inconsistent where planted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use chrono::Months;
use siasn_demo::{DemoConfig, DemoError, hari_ini_bawaan, hasilkan, konteks_tanpa_store};
use siasn_domain::kenaikan_pangkat::tmt_sesuai_periode;
use siasn_domain::konsistensi::periksa;
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, StatusKepegawaian};
use siasn_domain::tanggal::usia_pada;
use siasn_domain::{JenisPegawai, NomorInduk};

#[test]
fn same_seed_same_people_other_seed_other_people() {
    let k = konteks_tanpa_store(hari_ini_bawaan(), 1);
    let a = hasilkan(&k, 99, 200);
    let b = hasilkan(&k, 99, 200);
    let c = hasilkan(&k, 100, 200);
    for ((x, _), (y, _)) in a.iter().zip(&b) {
        assert_eq!(x.pegawai, y.pegawai);
        assert_eq!(x.riwayat, y.riwayat);
        assert_eq!(x.dokumen, y.dokumen);
    }
    assert_ne!(a[0].0.pegawai, c[0].0.pegawai);
}

#[test]
fn records_are_consistent_except_the_planted_ones() {
    let hari_ini = hari_ini_bawaan();
    let k = konteks_tanpa_store(hari_ini, 1);
    let people = hasilkan(&k, 7, 4000);
    let mut nips = HashSet::new();
    let mut pppk = 0;
    let mut planted = 0;
    for (p, salah) in &people {
        let pg = &p.pegawai;
        assert!(
            nips.insert(pg.nomor_induk.as_str().to_string()),
            "unique NIP"
        );
        let tingkat = pg
            .tingkat_pendidikan_id
            .as_deref()
            .and_then(|id| k.tingkat(id));
        let found = periksa(pg, tingkat);
        match salah {
            None => assert!(found.is_empty(), "{} {:?}", pg.nomor_induk, found),
            Some(s) => {
                planted += 1;
                assert!(found.contains(s), "planted {s:?} not detected: {found:?}");
            }
        }
        if pg.jenis_pegawai == JenisPegawai::Pppk {
            pppk += 1;
            assert!(matches!(pg.nomor_induk, NomorInduk::NiPppk(_)));
            assert!(pg.golongan_pppk.is_some() && pg.golongan.is_none());
            for r in &p.riwayat {
                assert!(
                    r.data.jenis().berlaku_untuk(JenisPegawai::Pppk),
                    "{:?}",
                    r.data.jenis()
                );
            }
            continue;
        }
        // PNS: the NIP was made from the same facts as the record.
        let NomorInduk::Nip(nip) = &pg.nomor_induk else {
            panic!("PNS without NIP")
        };
        assert!(nip.peringatan().is_empty(), "at least 18 at TMT CPNS");
        let tmt_cpns = pg.tmt_cpns.unwrap();
        assert!(usia_pada(pg.tanggal_lahir, tmt_cpns) >= 18 || salah.is_some());
        assert!(pg.nik.is_some());

        // Rank: start by education, one step at a time, at least 4 years apart, on KP periods,
        // never past the education ceiling, never in the future.
        let mut ranks: Vec<_> = p
            .riwayat
            .iter()
            .filter_map(|r| match &r.data {
                DataRiwayat::Golongan(g) => Some(g.clone()),
                _ => None,
            })
            .collect();
        ranks.sort_by_key(|g| g.tmt_golongan);
        let ref_pendidikan = k
            .tingkat(
                p.riwayat
                    .iter()
                    .find_map(|r| match &r.data {
                        DataRiwayat::Pendidikan(e) if e.pendidikan_pertama => {
                            Some(e.tingkat_pendidikan_id.as_str())
                        }
                        _ => None,
                    })
                    .unwrap(),
            )
            .unwrap();
        assert_eq!(Some(ranks[0].golongan), ref_pendidikan.golongan_awal);
        for pair in ranks.windows(2) {
            assert_eq!(pair[0].golongan.berikutnya(), Some(pair[1].golongan));
            assert!(
                pair[0]
                    .tmt_golongan
                    .checked_add_months(Months::new(48))
                    .unwrap()
                    <= pair[1].tmt_golongan
            );
            assert!(
                tmt_sesuai_periode(&k.kalender, pair[1].tmt_golongan),
                "{}",
                pair[1].tmt_golongan
            );
            assert!(pair[1].tmt_golongan <= hari_ini);
            assert!(pair[1].sk.tanggal < pair[1].tmt_golongan);
        }
        let last = ranks.last().unwrap();
        assert!(Some(last.golongan) <= ref_pendidikan.golongan_maks);
        assert_eq!(pg.golongan, Some(last.golongan));
        assert_eq!(pg.tmt_golongan, Some(last.tmt_golongan));

        // Appointment decrees and every mandatory position row are there.
        let cpns = p.riwayat.iter().filter(|r| matches!(&r.data, DataRiwayat::CpnsPns(c) if c.status == StatusKepegawaian::Cpns)).count();
        assert_eq!(cpns, 1);
        for jenis in [
            JenisRiwayat::Jabatan,
            JenisRiwayat::Pendidikan,
            JenisRiwayat::Diklat,
            JenisRiwayat::CpnsPns,
        ] {
            assert!(
                p.riwayat.iter().any(|r| r.data.jenis() == jenis),
                "{jenis:?}"
            );
        }
        // Every history row and document belongs to this employee; nothing dated after "today".
        for r in &p.riwayat {
            assert_eq!(r.pegawai_id, pg.id);
            if let Some(t) = r.data.tanggal_efektif() {
                assert!(
                    t <= hari_ini || matches!(r.data, DataRiwayat::Skp(_) | DataRiwayat::Skp22(_)),
                    "{:?}",
                    r.data
                );
            }
        }
    }
    let share = f64::from(pppk) / people.len() as f64;
    assert!((0.12..0.28).contains(&share), "PPPK share {share}");
    assert!(planted >= 3, "a few planted inconsistencies, got {planted}");
    assert!(planted < 60);
}

#[tokio::test]
async fn stored_on_sqlite_and_refuses_a_second_run() {
    let t = siasn_store::testing::sqlite().await;
    store_and_check(&t.store).await;
}

#[tokio::test]
async fn stored_on_postgres_and_refuses_a_second_run() {
    if let Some(t) = siasn_store::testing::postgres().await {
        store_and_check(&t.store).await;
    }
}

async fn store_and_check(store: &siasn_store::Store) {
    let config = DemoConfig {
        pegawai: 300,
        per_transaksi: 64,
        ..DemoConfig::default()
    };
    let r = siasn_demo::buat(store, &config).await.unwrap();
    assert_eq!(r.pegawai, 300);
    assert_eq!(r.instansi, 6);
    assert!(r.riwayat > 300 * 10);
    assert!(r.dokumen > 300);
    let mut total = 0;
    for i in store.daftar_instansi().await.unwrap() {
        total += store.jumlah_pegawai_instansi(&i.id).await.unwrap();
        assert!(!store.unor_instansi(&i.id).await.unwrap().is_empty());
    }
    assert_eq!(total, 300);
    // A stored employee reads back with its histories and documents, whose bytes are a PDF.
    let first = store
        .daftar_pegawai(
            &siasn_store::FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            5,
        )
        .await
        .unwrap();
    let p = store.pegawai(first.items[0].id).await.unwrap();
    assert!(!store.riwayat_pegawai(p.id, None).await.unwrap().is_empty());
    let docs = store.dokumen_pegawai(p.id).await.unwrap();
    if let Some(doc) = docs.first() {
        assert!(
            store
                .isi_dokumen(doc)
                .await
                .unwrap()
                .starts_with(b"%PDF-1.4")
        );
    }
    assert!(matches!(
        siasn_demo::buat(store, &config).await,
        Err(DemoError::TidakKosong(300))
    ));
}
