//! Pengadaan on both engines: a participant file is stored whole or not at all, with every
//! problem named by line and column; BKN assigns NIPs and NI PPPK by the rule (001 unless the
//! first 15 digits are taken, also by an employee already on record), once; and on PostgreSQL
//! two app servers assigning at the same moment for participants sharing a prefix never hand
//! out the same number.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use siasn_app::pengadaan::{self, HasilImpor, JenisMasalahImpor};
use siasn_app::{Aktor, App, AppError, JamUji, KonfigurasiApp};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::nip::Nip;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::pengadaan::MasalahPeserta;
use siasn_store::Store;

const KEPALA: &str = "no_peserta,nama,tgl_lahir,tempat_lahir,jenis_kelamin,tingkat_pendidikan_id,jabatan_id,unor_id,jenis_formasi_id";

async fn akun(app: &App, p: &Pegawai, peran: Peran, instansi: Option<&str>) -> Aktor {
    crate::pensiun::akun(
        app,
        p,
        PeranAkun::new(peran, instansi.map(Into::into), None).unwrap(),
    )
    .await
}

/// What a participant row needs from the references: a position, an education level, a unit.
struct Acuan {
    jabatan: String,
    pendidikan: String,
    unor: uuid::Uuid,
}

async fn acuan(store: &Store, instansi: &str) -> Acuan {
    Acuan {
        jabatan: store.ref_jabatan().await.unwrap()[0].id.clone(),
        pendidikan: store.tingkat_pendidikan().await.unwrap()[0].id.clone(),
        unor: store.unor_instansi(instansi).await.unwrap()[0].id,
    }
}

fn baris(a: &Acuan, no: &str, lahir: &str, jk: &str, jenis: &str) -> String {
    format!(
        "{no},Peserta {no},{lahir},Bandung,{jk},{},{},{},{jenis}",
        a.pendidikan, a.jabatan, a.unor
    )
}

fn berkas(rows: &[String]) -> Vec<u8> {
    let mut s = String::from(KEPALA);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s.into_bytes()
}

fn d(y: i32, m: u32, h: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, h).unwrap()
}

async fn app_uji(store: &Store) -> App {
    App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(JamUji::pada(
            Utc.with_ymd_and_hms(2026, 11, 2, 3, 0, 0).unwrap(),
        )),
    )
}

pub async fn participants_import_whole_and_get_numbers_by_the_rule(store: &Store) {
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 30,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let app = app_uji(store).await;
    let jabar = crate::pensiun::pegawai_instansi(store, "PROV-JABAR").await;
    let op = akun(&app, &jabar[0], Peran::OperatorInstansi, Some("PROV-JABAR")).await;
    let bkn = akun(&app, &jabar[1], Peran::VerifikatorBkn, None).await;
    let a = acuan(store, "PROV-JABAR").await;
    let tmt = d(2027, 1, 1);

    // Bad rows: each named by line and column; nothing stored.
    let mut salah_jabatan = baris(&a, "P-4", "01-01-1999", "L", "1");
    salah_jabatan = salah_jabatan.replace(&a.jabatan, "TIDAK-ADA");
    let buruk = berkas(&[
        baris(&a, "P-1", "09-07-1998", "P", "1"),
        baris(&a, "P-1", "10-07-1998", "P", "1"),
        baris(&a, "P-3", "30-02-2000", "L", "1"),
        salah_jabatan,
    ]);
    let HasilImpor::Ditolak(m) = pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &buruk)
        .await
        .unwrap()
    else {
        panic!("a file with bad rows is refused");
    };
    let tempat: Vec<(usize, Option<&str>)> =
        m.iter().map(|x| (x.baris, x.kolom.as_deref())).collect();
    assert_eq!(
        tempat,
        [
            (3, Some("no_peserta")),
            (4, Some("tgl_lahir")),
            (5, Some("jabatan_id"))
        ]
    );
    assert_eq!(
        m[0].masalah,
        JenisMasalahImpor::Baris(MasalahPeserta::NoPesertaGanda)
    );
    assert!(
        store
            .daftar_peserta("PROV-JABAR", 2026)
            .await
            .unwrap()
            .is_empty()
    );
    // The file as a whole: an unknown column, not UTF-8, too many rows.
    let asing = format!("{KEPALA},warna\n").into_bytes();
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &asing).await.unwrap(),
        HasilImpor::Ditolak(m) if m[0].masalah == JenisMasalahImpor::KolomTidakDikenal
            && m[0].kolom.as_deref() == Some("warna")
    ));
    let latin1 = b"no_peserta,nama\nX,Jos\xe9\n".to_vec();
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &latin1).await.unwrap(),
        HasilImpor::Ditolak(m) if m[0].masalah == JenisMasalahImpor::BukanUtf8
    ));
    let banyak: Vec<String> = (0..20_001)
        .map(|i| baris(&a, &format!("B-{i}"), "09-07-1998", "P", "1"))
        .collect();
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &berkas(&banyak)).await.unwrap(),
        HasilImpor::Ditolak(m) if matches!(m[0].masalah, JenisMasalahImpor::TerlaluBanyak { .. })
    ));
    // Only the agency's operator or admin imports.
    assert!(matches!(
        pengadaan::impor(&app, &bkn, "PROV-JABAR", 2026, tmt, &berkas(&[])).await,
        Err(AppError::Dilarang)
    ));

    // A good file: two women born the same day (one prefix), a man, and a PPPK; the optional
    // e-mail column filled for one.
    let baik = format!(
        "{KEPALA},email\n{},siti@contoh.go.id\n{},\n{},\n{},\n",
        baris(&a, "P-1", "09-07-1998", "P", "1"),
        baris(&a, "P-2", "1998-07-09", "2", "G"),
        baris(&a, "P-3", "01-01-1999", "L", "1"),
        baris(&a, "P-4", "03-03-1990", "L", "C"),
    )
    .into_bytes();
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &baik)
            .await
            .unwrap(),
        HasilImpor::Diimpor { jumlah: 4, .. }
    ));
    // The same file again: every row was imported already.
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2026, tmt, &baik).await.unwrap(),
        HasilImpor::Ditolak(m) if m.len() == 4
    ));
    assert_eq!(
        store
            .daftar_peserta("PROV-JABAR", 2026)
            .await
            .unwrap()
            .len(),
        4
    );

    // BKN assigns; the operator may not.
    assert!(matches!(
        pengadaan::tetapkan_nomor(&app, &op, "PROV-JABAR", 2026).await,
        Err(AppError::Dilarang)
    ));
    let h = pengadaan::tetapkan_nomor(&app, &bkn, "PROV-JABAR", 2026)
        .await
        .unwrap();
    assert_eq!(h.ditetapkan.len(), 4);
    assert!(h.habis.is_empty());
    let nomor: HashSet<&str> = h.ditetapkan.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        nomor,
        HashSet::from([
            "199807092027012001",
            "199807092027012002",
            "199901012027011001",
            // NI PPPK: birth date, year, first contract, sex, sequence.
            "199003032027011001",
        ])
    );
    for n in ["199807092027012001", "199901012027011001"] {
        assert!(Nip::parse(n, d(2027, 1, 1)).is_ok(), "{n}");
    }
    // Each has an employee record now: not yet on duty (kedudukan 51), in the agency and post
    // they were selected for, TMT CPNS as in the NIP.
    let baru = store.pegawai_by_nip("199807092027012001").await.unwrap();
    assert_eq!(baru.kedudukan_hukum_id, "51");
    assert_eq!(baru.instansi_kerja_id, "PROV-JABAR");
    assert_eq!(baru.jabatan_id.as_deref(), Some(a.jabatan.as_str()));
    assert_eq!(baru.tmt_cpns, Some(tmt));
    assert_eq!(
        baru.jenis_kelamin,
        siasn_domain::nip::JenisKelamin::Perempuan
    );
    let pppk = store.pegawai_by_nip("199003032027011001").await.unwrap();
    assert_eq!(pppk.jenis_pegawai, siasn_domain::JenisPegawai::Pppk);

    // The SK CPNS: the operator starts it (not for a PPPK, not twice), completes the file and
    // proposes; the official signs it: on duty from the TMT, the riwayat row with the SPMT, an
    // account and the activation e-mail to the selection file's address.
    use siasn_app::layanan::cpns::{self, HasilMulaiCpns};
    use siasn_app::layanan::{self, HasilLangkah};
    use siasn_domain::layanan::cpns::CpnsDitolak;
    use siasn_domain::layanan::{Langkah, StatusLayanan};
    let siti = store.pegawai_by_nip("199807092027012002").await.unwrap();
    let siti = if siti.email.is_some() {
        siti
    } else {
        store.pegawai_by_nip("199807092027012001").await.unwrap()
    };
    assert_eq!(siti.email.as_deref(), Some("siti@contoh.go.id"));
    assert_eq!(
        cpns::mulai(&app, &op, pppk.id).await.unwrap(),
        HasilMulaiCpns::Ditolak(CpnsDitolak::Pppk)
    );
    let HasilMulaiCpns::Dibuat(id) = cpns::mulai(&app, &op, siti.id).await.unwrap() else {
        panic!("the SK CPNS case starts");
    };
    assert!(matches!(
        cpns::mulai(&app, &op, siti.id).await.unwrap(),
        HasilMulaiCpns::Langkah(_)
    ));
    let pj = akun(&app, &jabar[2], Peran::PejabatInstansi, Some("PROV-JABAR")).await;
    siasn_app::ttd::terbitkan_sertifikat(&app, "uji", pj.pelaku.akun_id, None, "frasa-uji-ttd-123")
        .await
        .unwrap()
        .unwrap();
    let unggahan: Vec<siasn_app::usulan::Unggahan> = ["L01", "L03"]
        .iter()
        .map(|j| siasn_app::usulan::Unggahan {
            nama_file: format!("{j}.pdf"),
            jenis_dokumen_id: (*j).into(),
            isi: crate::pensiun::pdf(j),
        })
        .collect();
    layanan::lampirkan(&app, &op, id, &[], &unggahan)
        .await
        .unwrap()
        .unwrap();
    for l in [Langkah::SimpanBerkas, Langkah::Ajukan] {
        let k = layanan::kasus(&app, &op, id).await.unwrap();
        assert!(matches!(
            layanan::langkah(&app, &op, id, k.versi, l, None)
                .await
                .unwrap(),
            HasilLangkah::Berhasil(_)
        ));
    }
    let k = layanan::kasus(&app, &pj, id).await.unwrap();
    assert_eq!(
        layanan::tandatangani_sk(&app, &pj, id, k.versi, "frasa-uji-ttd-123")
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
    let sesudah = store.pegawai(siti.id).await.unwrap();
    assert_eq!(sesudah.kedudukan_hukum_id, "01");
    let rw = store
        .riwayat_pegawai(siti.id, Some(siasn_domain::JenisRiwayat::CpnsPns))
        .await
        .unwrap();
    let siasn_domain::DataRiwayat::CpnsPns(r) = &rw[0].data else {
        panic!("a riwayat CPNS row")
    };
    assert_eq!(r.tmt, tmt);
    assert!(r.sk.nomor.starts_with("SK-CPNS/PROV-JABAR/"));
    assert!(
        r.nomor_spmt
            .as_deref()
            .unwrap()
            .starts_with("SPMT/PROV-JABAR/")
    );
    let k = layanan::kasus(&app, &op, id).await.unwrap();
    let sk = k.sk.unwrap();
    assert_eq!(
        store
            .dokumen(sk.dokumen_id.unwrap())
            .await
            .unwrap()
            .jenis_dokumen_id,
        "889"
    );
    assert!(store.akun_pegawai(siti.id).await.unwrap().is_some());
    let surel = store.email_pegawai(siti.id, 10).await.unwrap();
    assert!(
        surel.iter().any(|e| e.ke == "siti@contoh.go.id"),
        "{surel:?}"
    );
    // Nothing left to assign: a second run changes nothing.
    let lagi = pengadaan::tetapkan_nomor(&app, &bkn, "PROV-JABAR", 2026)
        .await
        .unwrap();
    assert!(lagi.ditetapkan.is_empty());

    // A prefix an employee on record already holds: the next sequence after theirs.
    let p = jabar
        .iter()
        .find(|p| p.jenis_pegawai == siasn_domain::JenisPegawai::Pns)
        .unwrap();
    let nip = p.nomor_induk.as_str().to_string();
    let tmt_lama = NaiveDate::parse_from_str(&format!("{}01", &nip[8..14]), "%Y%m%d").unwrap();
    let jk = &nip[14..15];
    let lahir = p.tanggal_lahir.format("%d-%m-%Y").to_string();
    let satu = berkas(&[baris(&a, "Q-1", &lahir, jk, "1")]);
    assert!(matches!(
        pengadaan::impor(&app, &op, "PROV-JABAR", 2025, tmt_lama, &satu)
            .await
            .unwrap(),
        HasilImpor::Diimpor { jumlah: 1, .. }
    ));
    let h = pengadaan::tetapkan_nomor(&app, &bkn, "PROV-JABAR", 2025)
        .await
        .unwrap();
    let berikut: u16 = nip[15..18].parse::<u16>().unwrap() + 1;
    assert_eq!(h.ditetapkan[0].1, format!("{}{berikut:03}", &nip[..15]));
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}

/// Two app servers (two pools on one PostgreSQL schema) assign at the same moment for two
/// agencies whose participants all share one prefix: every number is different, and together
/// they are exactly 001 to the total.
#[tokio::test]
async fn two_servers_never_assign_the_same_nip() {
    let Some(t) = siasn_store::testing::postgres_dengan(4).await else {
        return;
    };
    siasn_demo::buat(
        &t.store,
        &siasn_demo::DemoConfig {
            pegawai: 40,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let store_a = siasn_store::testing::postgres_kedua(&t, 4, t.store.blobs().clone())
        .await
        .unwrap();
    let store_b = siasn_store::testing::postgres_kedua(&t, 4, t.store.blobs().clone())
        .await
        .unwrap();
    let (app_a, app_b) = (app_uji(&store_a).await, app_uji(&store_b).await);
    let tmt = d(2027, 1, 1);
    let mut bkn = Vec::new();
    const N: usize = 60;
    for (i, instansi) in ["PROV-JABAR", "KOTA-BANDUNG"].into_iter().enumerate() {
        let orang = crate::pensiun::pegawai_instansi(&t.store, instansi).await;
        let op = akun(&app_a, &orang[0], Peran::OperatorInstansi, Some(instansi)).await;
        bkn.push(akun(&app_a, &orang[1], Peran::VerifikatorBkn, None).await);
        let a = acuan(&t.store, instansi).await;
        let rows: Vec<String> = (0..N)
            .map(|k| baris(&a, &format!("S{i}-{k}"), "09-07-1998", "P", "1"))
            .collect();
        assert!(matches!(
            pengadaan::impor(&app_a, &op, instansi, 2026, tmt, &berkas(&rows))
                .await
                .unwrap(),
            HasilImpor::Diimpor { .. }
        ));
    }
    let (a, b) = tokio::join!(
        pengadaan::tetapkan_nomor(&app_a, &bkn[0], "PROV-JABAR", 2026),
        pengadaan::tetapkan_nomor(&app_b, &bkn[1], "KOTA-BANDUNG", 2026),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.ditetapkan.len(), b.ditetapkan.len()), (N, N));
    let semua: HashSet<String> = a
        .ditetapkan
        .iter()
        .chain(&b.ditetapkan)
        .map(|(_, n)| n.clone())
        .collect();
    assert_eq!(semua.len(), 2 * N, "a number was handed out twice");
    let harap: HashSet<String> = (1..=2 * N)
        .map(|k| format!("199807092027012{k:03}"))
        .collect();
    assert_eq!(semua, harap);
}
