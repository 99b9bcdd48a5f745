//! A transfer between agencies on both engines, through the use cases the pages call: the
//! receiving agency proposes into a vacant post, the origin agency consents, BKN (the Kanreg of
//! both) issues the pertek, both agencies sign their SKs, and on the TMT the daily job moves the
//! employee — record, history, open proposals — after which the receiving agency's staff reach
//! the record and archive and the origin agency's no longer do. Bad requests store nothing; a
//! refusal by the origin agency ends the case and frees the employee for another.

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use siasn_app::layanan::harian::{self, HasilHarian};
use siasn_app::layanan::pindah::{self, HasilMulaiPindah, UsulPindah};
use siasn_app::layanan::{self, HasilLangkah};
use siasn_app::pegawai::Bacaan;
use siasn_app::usulan::Unggahan;
use siasn_app::{Aktor, App, JamUji, KonfigurasiApp};
use siasn_domain::akses::{Cakupan, Peran, PeranAkun};
use siasn_domain::layanan::kp::Tujuan;
use siasn_domain::layanan::pindah::PindahDitolak;
use siasn_domain::layanan::{JenisLayanan, Langkah, LangkahDitolak, StatusLayanan};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::{DataRiwayat, JenisRiwayat};
use siasn_store::Store;
use siasn_store::layanan::FilterLayanan;

const FRASA: &str = "frasa-uji-ttd-123";

async fn akun(app: &App, p: &Pegawai, peran: Peran, instansi: Option<&str>) -> Aktor {
    crate::pensiun::akun(
        app,
        p,
        PeranAkun::new(peran, instansi.map(Into::into), None).unwrap(),
    )
    .await
}

fn d(y: i32, m: u32, h: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, h).unwrap()
}

async fn langkah(
    app: &App,
    siapa: &Aktor,
    id: uuid::Uuid,
    l: Langkah,
    alasan: Option<&str>,
) -> HasilLangkah {
    let k = layanan::kasus(app, siapa, id).await.unwrap();
    layanan::langkah(app, siapa, id, k.versi, l, alasan)
        .await
        .unwrap()
}

/// Attaches the file, saves, proposes and has the receiving official approve: the case then
/// waits for the origin agency.
async fn sampai_persetujuan_asal(app: &App, op: &Aktor, pj: &Aktor, id: uuid::Uuid) {
    let unggahan: Vec<Unggahan> = ["L11", "L02", "L09", "L13"]
        .iter()
        .map(|j| Unggahan {
            nama_file: format!("{j}.pdf"),
            jenis_dokumen_id: (*j).into(),
            isi: crate::pensiun::pdf(j),
        })
        .collect();
    layanan::lampirkan(app, op, id, &[], &unggahan)
        .await
        .unwrap()
        .unwrap();
    for (siapa, l) in [
        (op, Langkah::SimpanBerkas),
        (op, Langkah::Ajukan),
        (pj, Langkah::SetujuiInstansi),
    ] {
        let h = langkah(app, siapa, id, l, None).await;
        assert!(matches!(h, HasilLangkah::Berhasil(_)), "{l:?}: {h:?}");
    }
}

pub async fn a_transfer_between_two_agencies_moves_the_record_and_access_on_its_tmt(store: &Store) {
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 150,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let jam = JamUji::pada(Utc.with_ymd_and_hms(2026, 11, 2, 3, 0, 0).unwrap());
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
    let jabar = crate::pensiun::pegawai_instansi(store, "PROV-JABAR").await;
    let bandung = crate::pensiun::pegawai_instansi(store, "KOTA-BANDUNG").await;
    let sleman = crate::pensiun::pegawai_instansi(store, "KAB-SLEMAN").await;
    let aktif = |v: &[Pegawai]| -> Vec<Pegawai> {
        v.iter()
            .filter(|p| p.kedudukan_hukum_id == "01" && p.jenis_pegawai == JenisPegawai::Pns)
            .cloned()
            .collect()
    };
    let (jabar_aktif, bandung_aktif) = (aktif(&jabar), aktif(&bandung));
    let op_bdg = akun(
        &app,
        &bandung_aktif[0],
        Peran::OperatorInstansi,
        Some("KOTA-BANDUNG"),
    )
    .await;
    let pj_bdg = akun(
        &app,
        &bandung_aktif[1],
        Peran::PejabatInstansi,
        Some("KOTA-BANDUNG"),
    )
    .await;
    let op_jabar = akun(
        &app,
        &jabar_aktif[0],
        Peran::OperatorInstansi,
        Some("PROV-JABAR"),
    )
    .await;
    let pj_jabar = akun(
        &app,
        &jabar_aktif[1],
        Peran::PejabatInstansi,
        Some("PROV-JABAR"),
    )
    .await;
    let op_sleman = akun(
        &app,
        &sleman[0],
        Peran::OperatorInstansi,
        Some("KAB-SLEMAN"),
    )
    .await;
    let bkn = akun(&app, &jabar_aktif[2], Peran::VerifikatorBkn, None).await;
    for a in [&pj_bdg, &pj_jabar, &bkn] {
        siasn_app::ttd::terbitkan_sertifikat(&app, "uji", a.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap();
    }
    let jabatan = store.ref_jabatan().await.unwrap();
    let muda = |p: &&Pegawai| {
        siasn_domain::pensiun::hitung(
            p.tanggal_lahir,
            siasn_domain::pensiun::bup_pegawai(p, &jabatan).usia,
        )
        .tmt_pensiun
            > d(2028, 1, 1)
    };
    let calon: Vec<&Pegawai> = jabar_aktif[3..].iter().filter(muda).collect();
    let (subjek, subjek2) = (calon[0], calon[1]);

    // The receiving post: one of the city's posts, planned for one more holder than it has.
    let pos = store
        .daftar_formasi("KOTA-BANDUNG")
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("a post in the city");
    siasn_app::formasi::atur(
        &app,
        &op_bdg,
        "KOTA-BANDUNG",
        pos.unor_id,
        &pos.jabatan_id,
        pos.terisi + 1,
        "hasil ABK 2026",
    )
    .await
    .unwrap()
    .unwrap();
    let usul = |nip: &str, tmt: NaiveDate, jabatan_id: &str| UsulPindah {
        nip: nip.to_string(),
        unor_id: pos.unor_id,
        jabatan_id: jabatan_id.to_string(),
        tmt,
        alasan: "mengikuti suami".into(),
    };
    let nip = subjek.nomor_induk.to_string();

    // Bad requests name their rule and store nothing.
    let tidak_aktif = jabar
        .iter()
        .find(|p| p.kedudukan_hukum_id != "01" && p.jenis_pegawai == JenisPegawai::Pns)
        .expect("someone not on active duty");
    for (u, harap) in [
        (
            usul(&nip, d(2027, 1, 15), &pos.jabatan_id),
            HasilMulaiPindah::Ditolak(PindahDitolak::TmtBukanAwalBulan),
        ),
        (
            usul(&nip, d(2026, 11, 1), &pos.jabatan_id),
            HasilMulaiPindah::Ditolak(PindahDitolak::TmtLampau),
        ),
        (
            usul(&nip, d(2027, 1, 1), "TIDAK-ADA"),
            HasilMulaiPindah::Ditolak(PindahDitolak::FormasiTidakTercatat),
        ),
        (
            usul(
                &tidak_aktif.nomor_induk.to_string(),
                d(2027, 1, 1),
                &pos.jabatan_id,
            ),
            HasilMulaiPindah::Ditolak(PindahDitolak::TidakAktif),
        ),
        (
            usul("199001012020121001", d(2027, 1, 1), &pos.jabatan_id),
            HasilMulaiPindah::TidakDitemukan,
        ),
    ] {
        assert_eq!(pindah::mulai(&app, &op_bdg, u).await.unwrap(), harap);
    }
    // The origin's own operator cannot "transfer" into their own agency.
    let mut sendiri = usul(
        &nip,
        d(2027, 1, 1),
        subjek.jabatan_id.as_deref().unwrap_or("x"),
    );
    sendiri.unor_id = subjek.unor_id.unwrap();
    assert_eq!(
        pindah::mulai(&app, &op_jabar, sendiri).await.unwrap(),
        HasilMulaiPindah::Ditolak(PindahDitolak::InstansiSama)
    );
    // Into a post of another agency than the operator's: not found.
    let mut lain = usul(&nip, d(2027, 1, 1), &pos.jabatan_id);
    lain.unor_id = sleman[0].unor_id.unwrap();
    assert_eq!(
        pindah::mulai(&app, &op_bdg, lain).await.unwrap(),
        HasilMulaiPindah::TidakDitemukan
    );
    assert!(store.layanan_pegawai(subjek.id).await.unwrap().is_empty());

    // Started by the receiving agency; once only.
    let HasilMulaiPindah::Dibuat(id) =
        pindah::mulai(&app, &op_bdg, usul(&nip, d(2027, 1, 1), &pos.jabatan_id))
            .await
            .unwrap()
    else {
        panic!("transfer not started");
    };
    assert_eq!(
        pindah::mulai(&app, &op_bdg, usul(&nip, d(2027, 2, 1), &pos.jabatan_id))
            .await
            .unwrap(),
        HasilMulaiPindah::Langkah(LangkahDitolak::SudahAda)
    );
    let k = layanan::kasus(&app, &op_bdg, id).await.unwrap();
    assert_eq!(k.jenis, JenisLayanan::PindahInstansi);
    assert_eq!(k.instansi_id, "KOTA-BANDUNG");
    assert_eq!(k.instansi_asal_id.as_deref(), Some("PROV-JABAR"));
    // Both agencies are in Kanreg 03: the Kanreg decides.
    assert_eq!(k.tujuan, Tujuan::Kanreg);
    // Both agencies see it in their queues; a third agency does not.
    for (siapa, instansi) in [(&op_bdg, "KOTA-BANDUNG"), (&op_jabar, "PROV-JABAR")] {
        assert!(layanan::kasus(&app, siapa, id).await.is_ok());
        let (daftar, _) = store
            .daftar_layanan(
                &[Cakupan::Instansi(instansi.into())],
                &FilterLayanan {
                    jenis: Some(JenisLayanan::PindahInstansi),
                    batas: 50,
                    ..FilterLayanan::default()
                },
            )
            .await
            .unwrap();
        assert!(daftar.iter().any(|x| x.id == id), "{instansi}");
    }
    assert!(layanan::kasus(&app, &op_sleman, id).await.is_err());

    // An open data-update proposal at the origin agency, to be carried over.
    let isi = siasn_app::usulan::Isi {
        perubahan: siasn_domain::usulan::Perubahan::DataUtama {
            nilai: std::collections::BTreeMap::from([(
                siasn_domain::usulan::KolomDataUtama::NomorHp,
                Some("081211112222".to_string()),
            )]),
        },
        catatan: None,
        unggahan: vec![],
        arsip: vec![],
    };
    let usulan_id = siasn_app::usulan::ajukan(&app, &op_jabar, Some(subjek.id), isi, true, None)
        .await
        .unwrap()
        .unwrap();

    sampai_persetujuan_asal(&app, &op_bdg, &pj_bdg, id).await;
    // Only the origin agency's official consents.
    assert_eq!(
        langkah(&app, &pj_bdg, id, Langkah::SetujuiAsal, None).await,
        HasilLangkah::Ditolak(LangkahDitolak::BukanPelaksana)
    );
    assert_eq!(
        langkah(&app, &bkn, id, Langkah::SetujuiBkn, None).await,
        HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
    );
    assert_eq!(
        langkah(&app, &pj_jabar, id, Langkah::SetujuiAsal, None).await,
        HasilLangkah::Berhasil(StatusLayanan::ApprovalSuratUsulan)
    );
    assert_eq!(
        langkah(&app, &bkn, id, Langkah::SetujuiBkn, None).await,
        HasilLangkah::Berhasil(StatusLayanan::ValidasiDisetujui)
    );
    let k = layanan::kasus(&app, &bkn, id).await.unwrap();
    assert!(matches!(
        layanan::terbitkan_pertek(&app, &bkn, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::PertekDitandatangani)
    ));
    // The receiving agency's SK first, then the origin's release; neither for the other.
    let k = layanan::kasus(&app, &pj_jabar, id).await.unwrap();
    assert_eq!(
        pindah::tandatangani_sk_asal(&app, &pj_jabar, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
    );
    assert_eq!(
        layanan::tandatangani_sk(&app, &pj_jabar, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::BukanPelaksana)
    );
    assert_eq!(
        layanan::tandatangani_sk(&app, &pj_bdg, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::MenungguSkAsal)
    );
    let k = layanan::kasus(&app, &pj_jabar, id).await.unwrap();
    assert_eq!(
        pindah::tandatangani_sk_asal(&app, &pj_jabar, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
    let k = layanan::kasus(&app, &op_bdg, id).await.unwrap();
    let data = k.pindah().unwrap().clone();
    assert!(
        data.usul
            .as_ref()
            .unwrap()
            .nomor
            .starts_with("USUL-PI/KOTA-BANDUNG/")
    );
    assert!(
        data.persetujuan_asal
            .as_ref()
            .unwrap()
            .nomor
            .starts_with("PERSETUJUAN-PI/PROV-JABAR/")
    );
    let sk_asal = data.sk_asal.clone().unwrap();
    assert!(sk_asal.nomor.starts_with("SK-LEPAS-PI/PROV-JABAR/"));
    assert!(
        k.sk.as_ref()
            .unwrap()
            .nomor
            .starts_with("SK-PI/KOTA-BANDUNG/")
    );
    assert!(
        k.pertek
            .as_ref()
            .unwrap()
            .nomor
            .starts_with("PERTEK-PI/KANREG-03/")
    );
    assert_eq!(data.diterapkan, None);

    // Before the TMT nothing moved: the origin keeps the record, the receiver does not see it.
    assert_eq!(
        store.pegawai(subjek.id).await.unwrap().instansi_kerja_id,
        "PROV-JABAR"
    );
    assert!(
        siasn_app::pegawai::baca(&app, &op_jabar, subjek.id, Bacaan::Biasa)
            .await
            .is_ok()
    );
    assert!(
        siasn_app::pegawai::baca(&app, &op_bdg, subjek.id, Bacaan::Biasa)
            .await
            .is_err()
    );
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("daily job did not run");
    };
    assert_eq!(r.pindah_berlaku, 0);

    // On the TMT the daily job moves the employee, once.
    jam.maju(chrono::Duration::days(60));
    assert_eq!(jam_hari(&app), d(2027, 1, 1));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-b").await.unwrap() else {
        panic!("daily job did not run");
    };
    assert_eq!((r.pindah_berlaku, r.pindah_tertahan), (1, 0));
    let p = store.pegawai(subjek.id).await.unwrap();
    assert_eq!(p.instansi_kerja_id, "KOTA-BANDUNG");
    assert_eq!(p.instansi_induk_id, "KOTA-BANDUNG");
    assert_eq!(p.unor_id, Some(pos.unor_id));
    assert_eq!(p.jabatan_id.as_deref(), Some(pos.jabatan_id.as_str()));
    assert_eq!(p.tmt_jabatan, Some(d(2027, 1, 1)));
    assert_eq!(
        store.letak_pegawai(subjek.id).await.unwrap().kanreg_id,
        "03"
    );
    let riwayat = store
        .riwayat_pegawai(subjek.id, Some(JenisRiwayat::PindahInstansi))
        .await
        .unwrap();
    let DataRiwayat::PindahInstansi(rw) = &riwayat
        .iter()
        .find(|r| matches!(&r.data, DataRiwayat::PindahInstansi(x) if x.rincian.is_some()))
        .expect("the transfer's history row")
        .data
    else {
        unreachable!()
    };
    assert_eq!(rw.instansi_asal_id, "PROV-JABAR");
    assert_eq!(rw.instansi_tujuan_id, "KOTA-BANDUNG");
    assert_eq!(rw.tmt_pindah, d(2027, 1, 1));
    let rincian = rw.rincian.as_deref().unwrap();
    assert_eq!(rincian.unor_asal_id, subjek.unor_id);
    assert_eq!(rincian.lepas.as_ref().unwrap().nomor, sk_asal.nomor);
    assert_eq!(
        rincian.bkn.as_ref().unwrap().nomor,
        k.pertek.as_ref().unwrap().nomor
    );
    assert_eq!(
        rincian.asal.as_ref().unwrap().nomor,
        data.persetujuan_asal.unwrap().nomor
    );
    assert_eq!(
        rincian.usul.as_ref().unwrap().nomor,
        data.usul.unwrap().nomor
    );
    assert_eq!(rw.sk.nomor, k.sk.as_ref().unwrap().nomor);
    // From the TMT the receiver reaches the record and its archive; the origin does not.
    assert!(
        siasn_app::pegawai::baca(&app, &op_bdg, subjek.id, Bacaan::Biasa)
            .await
            .is_ok()
    );
    assert!(
        siasn_app::pegawai::baca(&app, &op_jabar, subjek.id, Bacaan::Biasa)
            .await
            .is_err()
    );
    let arsip = store.dokumen_pegawai(subjek.id).await.unwrap();
    let lepas = arsip
        .iter()
        .find(|x| Some(x.id) == sk_asal.dokumen_id)
        .expect("the release SK in the archive");
    assert!(
        siasn_app::pegawai::unduh_dokumen(&app, &op_bdg, lepas.id)
            .await
            .is_ok()
    );
    assert!(
        siasn_app::pegawai::unduh_dokumen(&app, &op_jabar, lepas.id)
            .await
            .is_err()
    );
    // The open proposal went with the employee.
    assert_eq!(
        store.usulan(usulan_id).await.unwrap().instansi_id,
        "KOTA-BANDUNG"
    );
    // The job does not move anyone twice.
    jam.maju(chrono::Duration::days(1));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("daily job did not run");
    };
    assert_eq!(r.pindah_berlaku, 0);
    assert_eq!(
        store
            .riwayat_pegawai(subjek.id, Some(JenisRiwayat::PindahInstansi))
            .await
            .unwrap()
            .len(),
        riwayat.len()
    );

    // The origin agency refuses another transfer: a reason is required, the case ends, and the
    // employee may be proposed again.
    let nip2 = subjek2.nomor_induk.to_string();
    // The moved employee now holds the post: it is full until the register plans another.
    assert_eq!(
        pindah::mulai(&app, &op_bdg, usul(&nip2, d(2027, 3, 1), &pos.jabatan_id))
            .await
            .unwrap(),
        HasilMulaiPindah::Ditolak(PindahDitolak::TanpaFormasi {
            kebutuhan: pos.terisi + 1,
            terisi: pos.terisi + 1
        })
    );
    siasn_app::formasi::atur(
        &app,
        &op_bdg,
        "KOTA-BANDUNG",
        pos.unor_id,
        &pos.jabatan_id,
        pos.terisi + 2,
        "tambahan formasi 2027",
    )
    .await
    .unwrap()
    .unwrap();
    let HasilMulaiPindah::Dibuat(id2) =
        pindah::mulai(&app, &op_bdg, usul(&nip2, d(2027, 3, 1), &pos.jabatan_id))
            .await
            .unwrap()
    else {
        panic!("second transfer not started");
    };
    sampai_persetujuan_asal(&app, &op_bdg, &pj_bdg, id2).await;
    assert_eq!(
        langkah(&app, &pj_jabar, id2, Langkah::TolakAsal, Some(" ")).await,
        HasilLangkah::Ditolak(LangkahDitolak::PerluAlasan)
    );
    assert_eq!(
        langkah(
            &app,
            &pj_jabar,
            id2,
            Langkah::TolakAsal,
            Some("masih dibutuhkan")
        )
        .await,
        HasilLangkah::Berhasil(StatusLayanan::DitolakInstansiAsal)
    );
    assert_eq!(
        store.pegawai(subjek2.id).await.unwrap().instansi_kerja_id,
        "PROV-JABAR"
    );
    assert!(matches!(
        pindah::mulai(&app, &op_bdg, usul(&nip2, d(2027, 3, 1), &pos.jabatan_id))
            .await
            .unwrap(),
        HasilMulaiPindah::Dibuat(_)
    ));
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}

fn jam_hari(app: &App) -> NaiveDate {
    app.sekarang().date_naive()
}
