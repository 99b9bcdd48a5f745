//! The storage conformance suite: every test runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, Utc};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::golongan::Golongan;
use siasn_domain::instansi::{Instansi, JenisInstansi, Unor};
use siasn_domain::nip::{JenisKelamin, Nip};
use siasn_domain::pegawai::{JenisPegawai, NomorInduk, Pegawai};
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::{
    DataRiwayat, Ekspektasi, JenisRiwayat, PredikatKinerja, Riwayat, RiwayatGolongan,
    RiwayatJabatan, RiwayatSkp22, Sk,
};
use siasn_domain::{BulanTahun, Nik};
use siasn_store::{FilterPegawai, PegawaiBaru, Store, StoreError, conformance, migrate};
use uuid::Uuid;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn agency(store: &Store, id: &str) -> (Unor, Unor) {
    store
        .tambah_instansi(&Instansi {
            id: id.into(),
            nama: format!("Instansi {id}"),
            jenis: JenisInstansi::Daerah,
            kanreg_id: "03".into(),
            kode_cepat: None,
        })
        .await
        .unwrap();
    let top = Unor {
        id: Uuid::now_v7(),
        instansi_id: id.into(),
        induk_id: None,
        nama: "Sekretariat Daerah".into(),
        eselon_id: Some("21".into()),
        nama_jabatan_kepala: Some("Sekretaris Daerah".into()),
    };
    let child = Unor {
        id: Uuid::now_v7(),
        instansi_id: id.into(),
        induk_id: Some(top.id),
        nama: "Bagian Umum".into(),
        eselon_id: Some("31".into()),
        nama_jabatan_kepala: None,
    };
    store
        .tambah_unor(&[top.clone(), child.clone()])
        .await
        .unwrap();
    (top, child)
}

fn pegawai(instansi: &str, unor: Uuid, nama: &str, seq: u32) -> Pegawai {
    let lahir = d(1980, 1, 1) + chrono::Duration::days(i64::from(seq) * 37);
    let tmt = BulanTahun::of(d(2005, 3, 1));
    let nip = Nip::compose(lahir, tmt, JenisKelamin::LakiLaki, 1 + seq % 999).unwrap();
    Pegawai {
        id: Uuid::now_v7(),
        jenis_pegawai: JenisPegawai::Pns,
        nomor_induk: NomorInduk::Nip(nip),
        nip_lama: None,
        nama: nama.into(),
        gelar_depan: None,
        gelar_belakang: Some("S.Kom.".into()),
        tempat_lahir: "Bandung".into(),
        tanggal_lahir: lahir,
        jenis_kelamin: JenisKelamin::LakiLaki,
        agama_id: Some("1".into()),
        jenis_kawin_id: Some("1".into()),
        alamat: Some("Jl. Diponegoro No. 22".into()),
        nik: Some(Nik::compose("327301", lahir, JenisKelamin::LakiLaki, seq + 1).unwrap()),
        nomor_kk: None,
        npwp: None,
        bpjs: None,
        taspen: None,
        email: Some("pegawai@example.go.id".into()),
        email_gov: None,
        nomor_hp: None,
        kedudukan_hukum_id: "01".into(),
        instansi_induk_id: instansi.into(),
        instansi_kerja_id: instansi.into(),
        unor_id: Some(unor),
        jabatan_id: Some("PRAKOM-AP".into()),
        nama_jabatan: Some("Pranata Komputer Ahli Pertama".into()),
        jenis_jabatan_id: Some("2".into()),
        eselon_id: None,
        golongan: Some(Golongan::IIIB),
        golongan_pppk: None,
        tingkat_pendidikan_id: Some("40".into()),
        tmt_cpns: Some(d(2005, 3, 1)),
        tmt_pns: Some(d(2006, 4, 1)),
        tmt_golongan: Some(d(2009, 4, 1)),
        tmt_jabatan: Some(d(2015, 1, 2)),
    }
}

fn histories(p: &Pegawai, unor: Uuid) -> Vec<Riwayat> {
    let sk = |n: &str, t| Sk {
        nomor: n.into(),
        tanggal: t,
    };
    let rows = vec![
        DataRiwayat::Golongan(RiwayatGolongan {
            golongan: Golongan::IIIA,
            jenis_kp_id: "211".into(),
            tmt_golongan: d(2005, 3, 1),
            sk: sk("813/1/2005", d(2005, 2, 1)),
            nomor_pertek: None,
            tanggal_pertek: None,
            masa_kerja_tahun: 0,
            masa_kerja_bulan: 0,
            angka_kredit_utama: None,
            angka_kredit_tambahan: None,
        }),
        DataRiwayat::Golongan(RiwayatGolongan {
            golongan: Golongan::IIIB,
            jenis_kp_id: "101".into(),
            tmt_golongan: d(2009, 4, 1),
            sk: sk("823/9/2009", d(2009, 3, 2)),
            nomor_pertek: Some("PT-1".into()),
            tanggal_pertek: Some(d(2009, 2, 20)),
            masa_kerja_tahun: 4,
            masa_kerja_bulan: 1,
            angka_kredit_utama: Some(12.5),
            angka_kredit_tambahan: None,
        }),
        DataRiwayat::Jabatan(RiwayatJabatan {
            jenis_jabatan_id: "2".into(),
            jabatan_id: Some("PRAKOM-AP".into()),
            nama_jabatan: "Pranata Komputer Ahli Pertama".into(),
            instansi_id: p.instansi_kerja_id.clone(),
            unor_id: Some(unor),
            nama_unor: "Bagian Umum".into(),
            eselon_id: None,
            jenis_penugasan_id: Some("D".into()),
            jenis_mutasi_id: None,
            tmt_jabatan: d(2015, 1, 2),
            tmt_pelantikan: None,
            sk: sk("821/15/2015", d(2014, 12, 20)),
        }),
        DataRiwayat::Skp22(RiwayatSkp22 {
            tahun: 2024,
            hasil_kinerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::DiAtas,
            predikat: PredikatKinerja::Baik,
            penilai_nip: None,
            penilai_nama: Some("Atasan".into()),
            penilai_jabatan: None,
            penilai_unor: None,
        }),
    ];
    rows.into_iter()
        .map(|data| Riwayat {
            id: Uuid::now_v7(),
            pegawai_id: p.id,
            data,
        })
        .collect()
}

async fn migrations_are_idempotent(store: &Store) {
    assert!(migrate::run(store.db()).await.unwrap().is_empty());
    store.seed_referensi().await.unwrap();
    store.ping().await.unwrap();
}

async fn reference_data_is_seeded_and_editable(store: &Store) {
    let agama = store.referensi("agama").await.unwrap();
    assert_eq!(agama.len(), 7);
    assert_eq!(agama[0].nama, "Islam");
    let pendidikan = store.tingkat_pendidikan().await.unwrap();
    let s1 = pendidikan.iter().find(|p| p.id == "40").unwrap();
    assert_eq!(s1.golongan_awal, Some(Golongan::IIIA));
    assert_eq!(s1.golongan_maks, Some(Golongan::IIID));
    assert_eq!(store.periode_kp().await.unwrap().len(), 3);
    assert_eq!(store.kanreg().await.unwrap().len(), 14);
    assert!(
        store
            .ref_jabatan()
            .await
            .unwrap()
            .iter()
            .any(|j| j.usia_bup == 65)
    );
    assert!(
        store
            .kedudukan_hukum()
            .await
            .unwrap()
            .iter()
            .any(|k| k.id == "99" && !k.masih_asn)
    );
    let kewenangan = store.kewenangan().await.unwrap();
    let of = |j| {
        kewenangan
            .iter()
            .find(|k| k.jenis_riwayat == j)
            .unwrap()
            .verifikator
    };
    assert_eq!(of(JenisRiwayat::Pendidikan), Verifikator::Bkn);
    assert_eq!(of(JenisRiwayat::Jabatan), Verifikator::Instansi);

    // Corrections by an administrator survive a later seeding.
    store
        .ubah_referensi("agama", "7", "Kepercayaan")
        .await
        .unwrap();
    store
        .ubah_batas_pendidikan("47", Some(Golongan::IIIB), Some(Golongan::IVA))
        .await
        .unwrap();
    store
        .ubah_kewenangan(JenisRiwayat::Pmk, Verifikator::Instansi)
        .await
        .unwrap();
    store.seed_referensi().await.unwrap();
    let agama = store.referensi("agama").await.unwrap();
    assert_eq!(agama.last().unwrap().nama, "Kepercayaan");
    let spesialis = store.tingkat_pendidikan().await.unwrap();
    assert_eq!(
        spesialis
            .iter()
            .find(|p| p.id == "47")
            .unwrap()
            .golongan_maks,
        Some(Golongan::IVA)
    );
    let kewenangan = store.kewenangan().await.unwrap();
    assert!(kewenangan.iter().any(|k| k.jenis_riwayat == JenisRiwayat::Pmk
        && k.verifikator == Verifikator::Instansi));
    assert!(matches!(
        store.ubah_referensi("agama", "42", "x").await,
        Err(StoreError::NotFound)
    ));
}

async fn employee_round_trips_with_histories_documents_and_audit(store: &Store) {
    let (_, unor) = agency(store, "KOTA-A").await;
    let p = pegawai("KOTA-A", unor.id, "Budi Santoso", 1);
    let riwayat = histories(&p, unor.id);
    let pdf = b"%PDF-1.4\n% contoh SK\n".to_vec();
    let blob = store.simpan_blob(&pdf, "application/pdf").await.unwrap();
    let dokumen = Dokumen {
        id: Uuid::now_v7(),
        pegawai_id: p.id,
        riwayat_id: Some(riwayat[2].id),
        jenis_dokumen_id: "872".into(),
        sha256: blob.sha256.clone(),
        nama_file: "SK Jabatan.pdf".into(),
        media_type: "application/pdf".into(),
        ukuran: blob.ukuran,
        diunggah_pada: Utc::now(),
        diunggah_oleh: "uji".into(),
    };
    store
        .tambah_pegawai(
            &[PegawaiBaru {
                pegawai: p.clone(),
                riwayat: riwayat.clone(),
                dokumen: vec![dokumen.clone()],
            }],
            "uji",
            "data uji",
        )
        .await
        .unwrap();

    let by_nip = store.pegawai_by_nip(p.nomor_induk.as_str()).await.unwrap();
    assert_eq!(by_nip, p);
    assert_eq!(store.pegawai(p.id).await.unwrap(), p);
    assert!(matches!(
        store.pegawai_by_nip("199001012015031001").await,
        Err(StoreError::NotFound)
    ));

    let all = store.riwayat_pegawai(p.id, None).await.unwrap();
    assert_eq!(all.len(), riwayat.len());
    let golongan = store
        .riwayat_pegawai(p.id, Some(JenisRiwayat::Golongan))
        .await
        .unwrap();
    assert_eq!(golongan.len(), 2);
    assert_eq!(
        golongan[0], riwayat[1],
        "newest TMT first, every field intact"
    );
    assert_eq!(golongan[1], riwayat[0]);

    let docs = store.dokumen_pegawai(p.id).await.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].sha256, dokumen.sha256);
    let got = store.dokumen_milik(dokumen.id, p.id).await.unwrap();
    assert_eq!(store.isi_dokumen(&got).await.unwrap(), pdf);
    // Someone else's id never reaches the document.
    assert!(matches!(
        store.dokumen_milik(dokumen.id, Uuid::now_v7()).await,
        Err(StoreError::NotFound)
    ));

    let audit = store.audit_tentang_pegawai(p.id, 10).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].aksi, "pegawai.dibuat");
}

async fn a_duplicate_nip_stores_nothing_of_the_batch(store: &Store) {
    let (_, unor) = agency(store, "KOTA-B").await;
    let first = pegawai("KOTA-B", unor.id, "Ani", 7);
    store
        .tambah_pegawai(
            &[PegawaiBaru {
                pegawai: first.clone(),
                riwayat: vec![],
                dokumen: vec![],
            }],
            "uji",
            "data uji",
        )
        .await
        .unwrap();
    let fresh = pegawai("KOTA-B", unor.id, "Citra", 8);
    let mut clash = pegawai("KOTA-B", unor.id, "Dewi", 9);
    clash.nomor_induk = first.nomor_induk.clone();
    let result = store
        .tambah_pegawai(
            &[
                PegawaiBaru {
                    riwayat: histories(&fresh, unor.id),
                    pegawai: fresh.clone(),
                    dokumen: vec![],
                },
                PegawaiBaru {
                    pegawai: clash,
                    riwayat: vec![],
                    dokumen: vec![],
                },
            ],
            "uji",
            "data uji",
        )
        .await;
    assert!(matches!(result, Err(StoreError::Conflict(_))), "{result:?}");
    assert!(matches!(
        store.pegawai(fresh.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .riwayat_pegawai(fresh.id, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.jumlah_pegawai_instansi("KOTA-B").await.unwrap(), 1);
}

async fn keyset_pages_cover_the_agency_exactly_once(store: &Store) {
    let (top, child) = agency(store, "PROV-C").await;
    let (_, other_unit) = agency(store, "PROV-D").await;
    let names = ["Agus", "Bambang", "Cahya", "Dedi", "Eka", "Fitri", "Gita"];
    let mut batch = Vec::new();
    for i in 0..53u32 {
        let unit = if i % 3 == 0 { top.id } else { child.id };
        // Repeated names make the id tiebreak matter.
        let p = pegawai("PROV-C", unit, names[(i as usize) % names.len()], i);
        batch.push(PegawaiBaru {
            pegawai: p,
            riwayat: vec![],
            dokumen: vec![],
        });
    }
    for i in 100..105u32 {
        batch.push(PegawaiBaru {
            pegawai: pegawai("PROV-D", other_unit.id, "Zaenal", i),
            riwayat: vec![],
            dokumen: vec![],
        });
    }
    store
        .tambah_pegawai(&batch, "uji", "data uji")
        .await
        .unwrap();

    let filter = FilterPegawai {
        instansi_id: "PROV-C".into(),
        unor_id: None,
    };
    let mut seen = Vec::new();
    let mut cursor = None;
    let mut pages = 0;
    loop {
        let page = store.daftar_pegawai(&filter, cursor, 10).await.unwrap();
        assert!(page.items.len() <= 10);
        seen.extend(page.items.iter().map(|r| (r.nama.clone(), r.id)));
        pages += 1;
        match page.berikutnya {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(pages, 6);
    assert_eq!(seen.len(), 53);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 53, "no employee twice");
    assert!(seen.iter().all(|(n, _)| n != "Zaenal"), "scope holds");

    let unit_page = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-C".into(),
                unor_id: Some(top.id),
            },
            None,
            100,
        )
        .await
        .unwrap();
    assert_eq!(unit_page.items.len(), 18);
    assert!(unit_page.berikutnya.is_none());
    // A unit of another agency yields nothing under this agency's scope.
    let foreign = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-C".into(),
                unor_id: Some(other_unit.id),
            },
            None,
            100,
        )
        .await
        .unwrap();
    assert!(foreign.items.is_empty());
}

async fn unit_tree_and_agencies(store: &Store) {
    let (top, child) = agency(store, "KAB-E").await;
    let roots = store.sub_unor("KAB-E", None).await.unwrap();
    assert_eq!(roots, vec![top.clone()]);
    assert_eq!(
        store.sub_unor("KAB-E", Some(top.id)).await.unwrap(),
        vec![child]
    );
    assert_eq!(store.unor_instansi("KAB-E").await.unwrap().len(), 2);
    assert_eq!(store.instansi("KAB-E").await.unwrap().kanreg_id, "03");
    assert!(matches!(
        store.instansi("NOPE").await,
        Err(StoreError::NotFound)
    ));
    let again = store
        .tambah_instansi(&store.instansi("KAB-E").await.unwrap())
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))));
}

async fn blobs_are_content_addressed_and_checked(store: &Store) {
    let a = store
        .simpan_blob(b"isi yang sama", "text/plain")
        .await
        .unwrap();
    let b = store
        .simpan_blob(b"isi yang sama", "text/plain")
        .await
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(a.ukuran, 13);
    assert_eq!(a.sha256, SHA_ISI_YANG_SAMA);
    assert_eq!(
        store.blobs().get(&a.sha256).await.unwrap(),
        b"isi yang sama"
    );
    // Content changed behind the store's back is detected on read.
    let siasn_store::BlobStore::Local { root } = store.blobs() else {
        panic!("conformance stores use a local blob folder")
    };
    let path = root
        .join(&a.sha256[0..2])
        .join(&a.sha256[2..4])
        .join(&a.sha256);
    std::fs::write(&path, b"isi yang beda").unwrap();
    assert!(matches!(
        store.blobs().get(&a.sha256).await,
        Err(StoreError::BlobTampered(_))
    ));
    assert!(matches!(
        store.blobs().get("../../etc/passwd").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.blobs().get(&"0".repeat(64)).await,
        Err(StoreError::NotFound)
    ));
}

async fn audit_chain_detects_a_changed_or_missing_entry(store: &Store) {
    use siasn_store::audit::AuditBaru;
    let event = |aksi: &str| AuditBaru {
        aktor: "uji".into(),
        aksi: aksi.into(),
        sesudah: Some(serde_json::json!({"nilai": 1.5, "teks": "Ä\n\"x\""})),
        ..AuditBaru::default()
    };
    store
        .catat_audit(vec![event("a"), event("b"), event("c")])
        .await
        .unwrap();
    store.catat_audit(vec![event("d")]).await.unwrap();
    let ok = store.verifikasi_audit().await.unwrap();
    assert_eq!(ok.jumlah, 4);
    assert!(ok.rusak.is_none(), "{ok:?}");
    // Waiting entries are checked too, before the sequencer gives them positions.
    siasn_store::on_pool!(store.db(), |pool| {
        sqlx::query("UPDATE audit_masuk SET aksi = 'diubah' WHERE aksi = 'b'")
            .execute(pool)
            .await
            .unwrap();
    });
    assert_eq!(
        store.verifikasi_audit().await.unwrap().rusak.map(|r| r.0),
        Some(-1)
    );
    siasn_store::on_pool!(store.db(), |pool| {
        sqlx::query("UPDATE audit_masuk SET aksi = 'b' WHERE aksi = 'diubah'")
            .execute(pool)
            .await
            .unwrap();
    });

    let h = store.urutkan_audit(2).await.unwrap();
    assert_eq!((h.diurutkan, h.ukuran), (2, 2));
    let h = store.urutkan_audit(100).await.unwrap();
    assert_eq!((h.diurutkan, h.ukuran), (2, 4));
    assert!(h.tanpa_mac_sah.is_empty());
    let urut: Vec<String> = store
        .audit_berurutan(0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.aksi)
        .collect();
    assert_eq!(urut, ["a", "b", "c", "d"]);
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());

    siasn_store::on_pool!(store.db(), |pool| {
        sqlx::query("UPDATE audit_entri SET aksi = 'diubah' WHERE posisi = 1")
            .execute(pool)
            .await
            .unwrap();
    });
    let broken = store.verifikasi_audit().await.unwrap();
    assert_eq!(broken.rusak.as_ref().map(|r| r.0), Some(1), "{broken:?}");

    siasn_store::on_pool!(store.db(), |pool| {
        sqlx::query("UPDATE audit_entri SET aksi = 'b' WHERE posisi = 1")
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("DELETE FROM audit_entri WHERE posisi = 3")
            .execute(pool)
            .await
            .unwrap();
    });
    let truncated = store.verifikasi_audit().await.unwrap();
    assert_eq!(
        truncated.rusak.as_ref().map(|r| r.0),
        Some(3),
        "{truncated:?}"
    );

    // Entries MACed with keys this process lacks (another app server's), sequenced or still
    // waiting, are named; only the newest entries of each table are looked at.
    assert!(store.kunci_mac_asing(1_000).await.unwrap().is_empty());
    store.catat_audit(vec![event("e")]).await.unwrap();
    siasn_store::on_pool!(store.db(), |pool| {
        sqlx::query("UPDATE audit_entri SET kunci_mac = 'server-lain-1' WHERE posisi = 0")
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("UPDATE audit_masuk SET kunci_mac = 'server-lain-2'")
            .execute(pool)
            .await
            .unwrap();
    });
    assert_eq!(
        store.kunci_mac_asing(1_000).await.unwrap(),
        ["server-lain-1", "server-lain-2"]
    );
    assert_eq!(store.kunci_mac_asing(1).await.unwrap(), ["server-lain-2"]);
}

async fn search_by_nip_and_name_within_scope(store: &Store) {
    use siasn_domain::akses::Cakupan;
    use siasn_store::KriteriaCari;
    let (top, _) = agency(store, "KOTA-S").await;
    let (other_unit, _) = agency(store, "KOTA-T").await;
    let people = [
        ("KOTA-S", top.id, "Siti  Aminah", 1),
        ("KOTA-S", top.id, "Budi Santoso", 2),
        ("KOTA-S", top.id, "Agus Budiman", 3),
        ("KOTA-S", top.id, "Dewi 100% Lestari", 4),
        ("KOTA-T", other_unit.id, "Budi Lain", 5),
    ];
    let batch: Vec<PegawaiBaru> = people
        .iter()
        .map(|(i, u, n, seq)| PegawaiBaru {
            pegawai: pegawai(i, *u, n, *seq),
            riwayat: vec![],
            dokumen: vec![],
        })
        .collect();
    store
        .tambah_pegawai(&batch, "uji", "data uji")
        .await
        .unwrap();
    let s_scope = [Cakupan::Instansi("KOTA-S".into())];
    let cari = |teks: &str| KriteriaCari {
        teks: Some(teks.into()),
        ..KriteriaCari::default()
    };
    let names = |h: siasn_store::Halaman<siasn_store::RingkasanPegawai>| {
        h.items.into_iter().map(|r| r.nama).collect::<Vec<_>>()
    };
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari("budi"), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(
        found,
        vec!["Agus Budiman", "Budi Santoso"],
        "word starts, case-insensitive, scoped"
    );
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari(" SITI   aminah "), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(found, vec!["Siti  Aminah"], "spacing tolerated");
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari("%"), None, 10)
            .await
            .unwrap(),
    );
    assert!(found.is_empty(), "wildcards are literal");
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari("100%"), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(found, vec!["Dewi 100% Lestari"]);

    let nip = batch[1].pegawai.nomor_induk.as_str().to_string();
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari(&nip), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(found, vec!["Budi Santoso"]);
    let spaced = batch[1].pegawai.nomor_induk.to_string();
    let found = names(
        store
            .cari_pegawai(&s_scope, &cari(&spaced[..8]), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(found, vec!["Budi Santoso"], "NIP prefix (birth date)");
    let t_nip = batch[4].pegawai.nomor_induk.as_str().to_string();
    assert!(
        names(
            store
                .cari_pegawai(&s_scope, &cari(&t_nip), None, 10)
                .await
                .unwrap()
        )
        .is_empty()
    );

    let kanreg = [Cakupan::Kanreg("03".into())];
    let found = names(
        store
            .cari_pegawai(&kanreg, &cari("budi"), None, 10)
            .await
            .unwrap(),
    );
    assert_eq!(found.len(), 3, "a Kanreg sees its agencies");
    // The count matches the same criteria in the same scope, and stops at its ceiling.
    assert_eq!(
        store
            .hitung_cari_pegawai(&s_scope, &cari("budi"), 1000)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .hitung_cari_pegawai(&kanreg, &cari("budi"), 1000)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        store
            .hitung_cari_pegawai(&kanreg, &KriteriaCari::default(), 1)
            .await
            .unwrap(),
        2,
        "counting stops one past the ceiling"
    );
    assert_eq!(
        store
            .hitung_cari_pegawai(&[], &cari("budi"), 1000)
            .await
            .unwrap(),
        0
    );
    let pppk = KriteriaCari {
        jenis_pegawai: Some("PPPK".into()),
        ..KriteriaCari::default()
    };
    assert!(
        store
            .cari_pegawai(&s_scope, &pppk, None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let first = store
        .cari_pegawai(&s_scope, &KriteriaCari::default(), None, 3)
        .await
        .unwrap();
    let rest = store
        .cari_pegawai(&s_scope, &KriteriaCari::default(), first.berikutnya, 3)
        .await
        .unwrap();
    assert_eq!(first.items.len() + rest.items.len(), 4);
    assert!(rest.berikutnya.is_none());
    assert!(
        store
            .cari_pegawai(&[], &cari("budi"), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
}

const SHA_ISI_YANG_SAMA: &str = "f19c28962e7e1f20b96d8d9c9aa3b302f73684e16320121cf9026a97256cbeea";

async fn card_photos_keys_cards_and_captchas(store: &Store) {
    use siasn_store::kartu::{self, KartuBaru};
    let (_, unit) = agency(store, "X").await;
    let p = pegawai("X", unit.id, "Rina Wati", 3);
    store
        .tambah_pegawai(
            &[PegawaiBaru {
                pegawai: p.clone(),
                riwayat: vec![],
                dokumen: vec![],
            }],
            "uji",
            "uji",
        )
        .await
        .unwrap();
    let akun = buat_akun(
        store,
        &siasn_store::akun::AkunBaru {
            pegawai_id: Some(p.id),
            nama_pengguna: None,
            nama: "Rina".into(),
            email: None,
            peran: vec![],
        },
    )
    .await;
    let now = Utc::now();
    // Each step in a transaction of its own, as a use case would run it.
    let foto_calon = |blob: siasn_store::BlobRef| async move {
        let mut tx = store.begin().await.unwrap();
        let id = kartu::simpan_foto_calon(&mut tx, p.id, &blob, akun, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    };
    let gunakan = |foto: Uuid, pegawai: Uuid| async move {
        let mut tx = store.begin().await?;
        kartu::gunakan_foto(&mut tx, foto, pegawai, now).await?;
        tx.commit().await
    };
    let terbitkan = |k: KartuBaru| async move {
        let mut tx = store.begin().await?;
        kartu::terbitkan(&mut tx, &k, now).await?;
        tx.commit().await?;
        Ok::<_, StoreError>(store.kartu_serial(&k.serial).await?.unwrap())
    };
    // Photos: candidate, then confirmed; a second confirmed photo replaces the first.
    assert!(store.foto_aktif(p.id).await.unwrap().is_none());
    let b1 = store.simpan_blob(b"foto-satu", "image/png").await.unwrap();
    let f1 = foto_calon(b1).await;
    assert!(store.foto_aktif(p.id).await.unwrap().is_none());
    gunakan(f1, p.id).await.unwrap();
    assert_eq!(store.foto_aktif(p.id).await.unwrap().unwrap().id, f1);
    // Confirming twice, or someone else's photo, finds nothing.
    assert!(matches!(gunakan(f1, p.id).await, Err(StoreError::NotFound)));
    let b2 = store.simpan_blob(b"foto-dua", "image/png").await.unwrap();
    let f2 = foto_calon(b2.clone()).await;
    assert!(matches!(
        gunakan(f2, Uuid::now_v7()).await,
        Err(StoreError::NotFound)
    ));
    gunakan(f2, p.id).await.unwrap();
    assert_eq!(
        store.foto_aktif(p.id).await.unwrap().unwrap().sha256,
        b2.sha256
    );
    assert_eq!(
        store.foto_pegawai(f1, p.id).await.unwrap().status,
        "DIGANTI"
    );

    // Keys: the first stored key wins; a second "first" returns it.
    let k1 = store
        .simpan_kunci_pertama("k1", &[1; 32], b"priv1", now)
        .await
        .unwrap();
    let k1b = store
        .simpan_kunci_pertama("k2", &[2; 32], b"priv2", now)
        .await
        .unwrap();
    assert_eq!((k1.kid.as_str(), k1b.kid.as_str()), ("k1", "k1"));

    // Cards: a new card replaces the old one.
    let kartu = |serial: &str| KartuBaru {
        id: Uuid::now_v7(),
        serial: serial.into(),
        pegawai_id: p.id,
        kid: "k1".into(),
        teks_qr: format!("http://x/k/{serial}"),
        nama: "Rina Wati, S.Kom.".into(),
        instansi_id: "X".into(),
        diterbitkan: d(2026, 11, 21),
        berlaku_sampai: d(2031, 11, 20),
        foto_sha256: b2.sha256.clone(),
        akun_id: akun,
    };
    let c1 = terbitkan(kartu("AAAA-0001")).await.unwrap();
    assert_eq!(store.kartu_aktif(p.id).await.unwrap().unwrap().id, c1.id);
    let c2 = terbitkan(kartu("AAAA-0002")).await.unwrap();
    assert_eq!(store.kartu_aktif(p.id).await.unwrap().unwrap().id, c2.id);
    assert!(
        store
            .kartu_serial("AAAA-0001")
            .await
            .unwrap()
            .unwrap()
            .diganti_pada
            .is_some()
    );
    assert!(matches!(
        terbitkan(kartu("AAAA-0002")).await,
        Err(StoreError::Conflict(_))
    ));

    // Rotation: the retired key stays published while a card it signed is valid.
    let mut tx = store.begin().await.unwrap();
    kartu::putar_kunci(&mut tx, "k2", &[2; 32], b"priv2", now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.kunci_kartu_aktif().await.unwrap().unwrap().kid, "k2");
    let terbit: Vec<String> = store
        .kunci_kartu_terbit(d(2027, 1, 1))
        .await
        .unwrap()
        .into_iter()
        .map(|k| k.kid)
        .collect();
    assert_eq!(terbit, vec!["k1".to_string(), "k2".to_string()]);
    let terbit = store.kunci_kartu_terbit(d(2032, 1, 1)).await.unwrap();
    assert_eq!(terbit.len(), 1, "k1 only signed expired cards");

    // Captchas: one attempt each, none after expiry.
    store
        .simpan_captcha("c1", "K7M3X", 42, now + chrono::Duration::minutes(5))
        .await
        .unwrap();
    assert_eq!(store.captcha("c1", now).await.unwrap().unwrap().benih, 42);
    assert_eq!(
        store.pakai_captcha("c1", now).await.unwrap().as_deref(),
        Some("K7M3X")
    );
    assert_eq!(store.pakai_captcha("c1", now).await.unwrap(), None);
    store
        .simpan_captcha("c2", "ABCDE", 1, now - chrono::Duration::seconds(1))
        .await
        .unwrap();
    assert!(store.captcha("c2", now).await.unwrap().is_none());
    assert_eq!(store.hapus_captcha_kedaluwarsa(now).await.unwrap(), 1);

    // Every change above is in the chain.
    let v = store.verifikasi_audit().await.unwrap();
    assert!(v.rusak.is_none());
}

async fn api_clients_secrets_uploads_and_double_scope(store: &Store) {
    use siasn_domain::akses::Cakupan;
    use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien, Lingkup};
    use siasn_domain::klien_api::{KlienApi, UnggahanApi};
    use siasn_store::klien_api;
    let (_, unor_a) = agency(store, "KOTA-A").await;
    let (_, unor_b) = agency(store, "KOTA-B").await;
    let a = pegawai("KOTA-A", unor_a.id, "Ani", 1);
    let b = pegawai("KOTA-B", unor_b.id, "Badu", 2);
    let riwayat_a = histories(&a, unor_a.id);
    store
        .tambah_pegawai(
            &[
                PegawaiBaru {
                    pegawai: a.clone(),
                    riwayat: riwayat_a.clone(),
                    dokumen: vec![],
                },
                PegawaiBaru {
                    pegawai: b.clone(),
                    riwayat: vec![],
                    dokumen: vec![],
                },
            ],
            "uji",
            "data uji",
        )
        .await
        .unwrap();
    // Microseconds: what both engines keep.
    let now = chrono::SubsecRound::trunc_subsecs(Utc::now(), 6);
    let klien = KlienApi {
        id: Uuid::now_v7(),
        nama: "SIMPEG A".into(),
        consumer_key: "kunci-a".into(),
        secret_hash: "$argon2id$x".into(),
        jangkauan: JangkauanKlien::Instansi("KOTA-A".into()),
        lingkup: DaftarLingkup::parse("baca tulis nik").unwrap(),
        batas_per_menit: 100,
        aktif: true,
        dibuat_pada: now,
        dibuat_oleh: "uji".into(),
    };
    let tambah = |k: KlienApi| async move {
        let mut tx = store.begin().await?;
        klien_api::tambah(&mut tx, &k).await?;
        tx.commit().await
    };
    tambah(klien.clone()).await.unwrap();
    let got = store.klien_api_by_key("kunci-a").await.unwrap().unwrap();
    assert_eq!(got.jangkauan, klien.jangkauan);
    assert!(got.lingkup.punya(Lingkup::Nik) && !got.lingkup.punya(Lingkup::Keluarga));
    assert!(store.klien_api_by_key("lain").await.unwrap().is_none());
    let dup = KlienApi {
        id: Uuid::now_v7(),
        ..klien.clone()
    };
    assert!(matches!(tambah(dup).await, Err(StoreError::Conflict(_))));
    let mut tx = store.begin().await.unwrap();
    klien_api::ubah_status(&mut tx, klien.id, false)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(!store.klien_api(klien.id).await.unwrap().aktif);
    assert_eq!(store.daftar_klien_api().await.unwrap().len(), 1);

    // The instance secret: the first stored wins, later callers get it too.
    let s1 = store
        .rahasia_instance("uji", || "satu".into(), now)
        .await
        .unwrap();
    let s2 = store
        .rahasia_instance("uji", || "dua".into(), now)
        .await
        .unwrap();
    assert_eq!((s1.as_str(), s2.as_str()), ("satu", "satu"));

    // Reach is the user's scope and the client's together.
    let klien_a = [Cakupan::Instansi("KOTA-A".into())];
    let nip_a = a.nomor_induk.as_str();
    let nip_b = b.nomor_induk.as_str();
    assert_eq!(
        store
            .pegawai_api(nip_a, &[Cakupan::Nasional], &klien_a)
            .await
            .unwrap()
            .id,
        a.id
    );
    assert!(matches!(
        store
            .pegawai_api(nip_b, &[Cakupan::Nasional], &klien_a)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .pegawai_api(nip_a, &[Cakupan::Diri(b.id)], &klien_a)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.pegawai_api(nip_a, &[], &klien_a).await,
        Err(StoreError::NotFound)
    ));
    let row = store
        .riwayat_api(riwayat_a[0].id, &[Cakupan::Diri(a.id)], &klien_a)
        .await
        .unwrap();
    assert_eq!(row.data, riwayat_a[0].data);
    assert!(matches!(
        store
            .riwayat_api(
                riwayat_a[0].id,
                &[Cakupan::Nasional],
                &[Cakupan::Instansi("KOTA-B".into())]
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let some = store
        .riwayat_pegawai_jenis(a.id, &[JenisRiwayat::Golongan, JenisRiwayat::Jabatan])
        .await
        .unwrap();
    assert!(!some.is_empty());
    assert!(some.iter().all(|r| matches!(
        r.data.jenis(),
        JenisRiwayat::Golongan | JenisRiwayat::Jabatan
    )));
    // The data-utama read: record, names and rows in one statement, within both scopes, the
    // rows as the separate read returns them (same kinds, same order).
    let (p, nama, rows) = store
        .data_utama_api(
            nip_a,
            &[Cakupan::Diri(a.id)],
            &klien_a,
            &[JenisRiwayat::Golongan, JenisRiwayat::Jabatan],
        )
        .await
        .unwrap();
    assert_eq!(p, store.pegawai(a.id).await.unwrap());
    assert!(nama.instansi_kerja_nama.is_some());
    assert_eq!(nama.unor_nama.as_deref(), Some(unor_a.nama.as_str()));
    assert_eq!(rows, some);
    let (_, _, tidak_ada) = store
        .data_utama_api(
            nip_a,
            &[Cakupan::Nasional],
            &klien_a,
            &[JenisRiwayat::HukumanDisiplin],
        )
        .await
        .unwrap();
    assert!(tidak_ada.is_empty());
    for (pengguna, klien) in [
        (
            vec![Cakupan::Nasional],
            vec![Cakupan::Instansi("KOTA-B".into())],
        ),
        (vec![Cakupan::Diri(b.id)], klien_a.to_vec()),
        (vec![], klien_a.to_vec()),
    ] {
        assert!(matches!(
            store
                .data_utama_api(nip_a, &pengguna, &klien, &[JenisRiwayat::Golongan])
                .await,
            Err(StoreError::NotFound)
        ));
    }

    // Uploads belong to their client; filing one is audited with it.
    let blob = store
        .simpan_blob(b"%PDF-1.4\n%%EOF", "application/pdf")
        .await
        .unwrap();
    let u = UnggahanApi {
        id: Uuid::now_v7(),
        klien_id: klien.id,
        sha256: blob.sha256.clone(),
        nama_file: "sk.pdf".into(),
        media_type: "application/pdf".into(),
        ukuran: blob.ukuran,
        jenis_dokumen_id: "872".into(),
        dibuat_pada: now,
    };
    let mut tx = store.begin().await.unwrap();
    klien_api::simpan_unggahan(&mut tx, &u).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.unggahan_api(u.id, klien.id).await.unwrap(), u);
    assert!(matches!(
        store.unggahan_api(u.id, Uuid::now_v7()).await,
        Err(StoreError::NotFound)
    ));
    // Filing it: the archive document and its audit event in one transaction.
    let dok = Uuid::now_v7();
    let mut tx = store.begin().await.unwrap();
    siasn_store::pegawai::simpan_dokumen(
        &mut tx,
        &[siasn_domain::dokumen::Dokumen {
            id: dok,
            pegawai_id: a.id,
            riwayat_id: Some(riwayat_a[0].id),
            jenis_dokumen_id: u.jenis_dokumen_id.clone(),
            sha256: u.sha256.clone(),
            nama_file: u.nama_file.clone(),
            media_type: u.media_type.clone(),
            ukuran: u.ukuran,
            diunggah_pada: now,
            diunggah_oleh: format!("klien:{}/akun:x", klien.id),
        }],
    )
    .await
    .unwrap();
    let e = siasn_store::audit::AuditBaru {
        aktor: format!("klien:{}/akun:x", klien.id),
        aksi: "dokumen.dilampirkan".into(),
        pegawai_id: Some(a.id),
        ..Default::default()
    };
    siasn_store::audit::tulis(&mut tx, vec![e], now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let d = store
        .dokumen_api(dok, &[Cakupan::Nasional], &klien_a)
        .await
        .unwrap();
    assert_eq!(d.riwayat_id, Some(riwayat_a[0].id));
    assert!(matches!(
        store
            .dokumen_api(
                dok,
                &[Cakupan::Nasional],
                &[Cakupan::Instansi("KOTA-B".into())]
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let v = store.verifikasi_audit().await.unwrap();
    assert!(v.rusak.is_none());
}

conformance!(
    api_clients_secrets_uploads_and_double_scope,
    card_photos_keys_cards_and_captchas,
    migrations_are_idempotent,
    reference_data_is_seeded_and_editable,
    employee_round_trips_with_histories_documents_and_audit,
    a_duplicate_nip_stores_nothing_of_the_batch,
    keyset_pages_cover_the_agency_exactly_once,
    unit_tree_and_agencies,
    blobs_are_content_addressed_and_checked,
    audit_chain_detects_a_changed_or_missing_entry,
    search_by_nip_and_name_within_scope,
);

/// Creates an account in a transaction of its own.
async fn buat_akun(store: &Store, baru: &siasn_store::akun::AkunBaru) -> Uuid {
    let mut tx = store.begin().await.unwrap();
    let a = siasn_store::akun::buat_akun(&mut tx, baru, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    a.id
}

/// A real hot standby (`scripts/replika.sh start`, named by TEST_REPLICA_URL): read-only work
/// goes to it while it has replayed what the primary wrote, and to the primary when its
/// replay lags or it cannot be reached.
#[tokio::test]
async fn reads_use_a_fresh_replica_and_fall_back_when_it_lags_or_is_lost() {
    use siasn_domain::akses::Cakupan;
    use siasn_store::replika::KeadaanReplika;
    use siasn_store::{Db, KriteriaCari, PoolSettings};
    let Ok(replika) = std::env::var("TEST_REPLICA_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but TEST_REPLICA_URL is not: the replica test must run in CI"
        );
        eprintln!("TEST_REPLICA_URL not set: replica test skipped");
        return;
    };
    let Some(t) = siasn_store::testing::postgres().await else {
        return;
    };
    let utama = std::env::var("TEST_DATABASE_URL").unwrap();
    let nama_db = utama.rsplit('/').next().unwrap();
    let settings = PoolSettings {
        max_connections: 2,
        pg_schema: t.skema.clone(),
    };
    let store = t
        .store
        .clone()
        .dengan_replika(&format!("{replika}/{nama_db}"), &settings)
        .await
        .unwrap();
    let di_replika = |s: &Store| {
        let s = s.clone();
        async move {
            let Db::Postgres(pool) = s.db_baca() else {
                unreachable!()
            };
            let (r,): (bool,) = sqlx::query_as("SELECT pg_is_in_recovery()")
                .fetch_one(pool)
                .await
                .unwrap();
            r
        }
    };
    let tunggu = |s: &Store, ingin_segar: bool| {
        let s = s.clone();
        async move {
            for _ in 0..100 {
                let k = s.periksa_replika().await;
                if (k == KeadaanReplika::Segar) == ingin_segar {
                    return k;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            panic!(
                "replica never became {}",
                if ingin_segar { "fresh" } else { "stale" }
            );
        }
    };
    assert!(
        !di_replika(&store).await,
        "the primary until the first check"
    );

    // An employee written on the primary is found through the replica once it is fresh.
    let (unit, _) = agency(&store, "KOTA-R").await;
    let baru = |nama: &str, seq: u32| PegawaiBaru {
        pegawai: pegawai("KOTA-R", unit.id, nama, seq),
        riwayat: vec![],
        dokumen: vec![],
    };
    store
        .tambah_pegawai(&[baru("Rina Replika", 1)], "uji", "data uji")
        .await
        .unwrap();
    tunggu(&store, true).await;
    assert!(di_replika(&store).await, "fresh: reads go to the standby");
    let cakupan = [Cakupan::Instansi("KOTA-R".into())];
    let cari = |teks: &str| KriteriaCari {
        teks: Some(teks.into()),
        ..KriteriaCari::default()
    };
    let ketemu = store
        .cari_pegawai(&cakupan, &cari("rina"), None, 10)
        .await
        .unwrap();
    assert_eq!(ketemu.items.len(), 1);

    // Replay paused on the standby: the next write makes it stale and reads go back to the
    // primary, which already has the new employee.
    let Db::Postgres(pool_replika) = store.db_baca().clone() else {
        unreachable!()
    };
    sqlx::query("SELECT pg_wal_replay_pause()")
        .execute(&pool_replika)
        .await
        .unwrap();
    store
        .tambah_pegawai(&[baru("Rudi Tertinggal", 2)], "uji", "data uji")
        .await
        .unwrap();
    let k = tunggu(&store, false).await;
    assert!(
        matches!(k, KeadaanReplika::Tertinggal(ref a) if a.contains("tertinggal")),
        "{k:?}"
    );
    assert!(!di_replika(&store).await);
    let ketemu = store
        .cari_pegawai(&cakupan, &cari("rudi"), None, 10)
        .await
        .unwrap();
    assert_eq!(ketemu.items.len(), 1, "never a stale answer");
    sqlx::query("SELECT pg_wal_replay_resume()")
        .execute(&pool_replika)
        .await
        .unwrap();
    tunggu(&store, true).await;
    assert!(di_replika(&store).await, "back once it caught up");
    assert_eq!(
        store
            .cari_pegawai(&cakupan, &cari("rudi"), None, 10)
            .await
            .unwrap()
            .items
            .len(),
        1
    );

    // A replica that cannot be reached: reads stay on the primary and keep working.
    let hilang = t
        .store
        .clone()
        .dengan_replika(
            &format!("postgres://postgres@127.0.0.1:9/{nama_db}"),
            &settings,
        )
        .await
        .unwrap();
    let k = hilang.periksa_replika().await;
    assert!(
        matches!(k, KeadaanReplika::Tertinggal(ref a) if a.contains("tidak menjawab")),
        "{k:?}"
    );
    assert!(!di_replika(&hilang).await);
    assert_eq!(
        hilang
            .cari_pegawai(&cakupan, &cari("rina"), None, 10)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
}
