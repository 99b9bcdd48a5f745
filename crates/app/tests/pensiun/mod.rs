//! Retirement on both engines, through the use cases the pages, the API and the command line
//! call: a BUP pension from the DPCP to the SK, refusals that name their rule and store
//! nothing, the decree taking effect on its TMT by the daily job (run once however many app
//! servers ask, with an injected clock), "Mencapai BUP" for whoever passes BUP without one,
//! notices sent once, and the retiree's account becoming read-only.

mod status;

pub use status::mpp_and_a_detention_by_the_agency_and_status_reminders;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use siasn_app::layanan::harian::{self, HasilHarian};
use siasn_app::layanan::pensiun::{self, HasilMulaiPensiun};
use siasn_app::layanan::{self, HasilLangkah};
use siasn_app::usulan::{self, Unggahan};
use siasn_app::{Aktor, App, Jam, JamSistem, JamUji, KonfigurasiApp};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::layanan::pensiun::{PensiunDitolak, PermintaanPensiun};
use siasn_domain::layanan::{Langkah, LangkahDitolak, StatusLayanan};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::pemberhentian::{BupDitolak, JenisPensiun};
use siasn_domain::{BulanTahun, DataRiwayat};
use siasn_store::{FilterPegawai, Store};

const FRASA: &str = "frasa-uji-ttd-123";

fn minta(jenis: JenisPensiun, tmt: Option<NaiveDate>) -> PermintaanPensiun {
    PermintaanPensiun {
        jenis_pensiun: jenis,
        jenis_pemberhentian: None,
        tmt,
        tanggal_peristiwa: None,
    }
}

pub(crate) async fn akun(app: &App, p: &Pegawai, g: PeranAkun) -> Aktor {
    let id = siasn_app::akun::beri_peran_langsung(
        app,
        "uji",
        siasn_app::akun::PenggunaCli::Pegawai(Box::new(p.clone())),
        &g,
    )
    .await
    .unwrap();
    Aktor::akun(&app.store().akun(id).await.unwrap(), None)
}

pub(crate) async fn pegawai_instansi(store: &Store, instansi: &str) -> Vec<Pegawai> {
    let page = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            500,
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    for r in page.items {
        out.push(store.pegawai(r.id).await.unwrap());
    }
    out
}

pub(crate) fn pdf(teks: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {teks}\n%%EOF\n").into_bytes()
}

pub async fn a_bup_pension_from_dpcp_to_record_and_the_daily_job(store: &Store) {
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 150,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let awal = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(JamSistem),
    );
    let demo_hari_ini = siasn_demo::hari_ini_bawaan();
    let semua = pegawai_instansi(store, "PROV-JABAR").await;
    // Nobody serves past BUP in the demo: whoever passed it has a decree on record.
    for p in &semua {
        let ps = pensiun::pensiun_pegawai(&awal, p).await.unwrap();
        let riwayat = store.riwayat_pegawai(p.id, None).await.unwrap();
        let keputusan = riwayat
            .iter()
            .any(|r| matches!(r.data, DataRiwayat::Pemberhentian(_)));
        if p.jenis_pegawai == JenisPegawai::Pns && ps.tmt_pensiun <= demo_hari_ini {
            assert!(
                keputusan && p.kedudukan_hukum_id == "99",
                "{}",
                p.nomor_induk
            );
        }
    }
    // Every serving PNS of every agency, as the demo left them.
    let mut nasional = Vec::new();
    for c in store
        .calon_pensiun(
            None,
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
            false,
            None,
            100_000,
        )
        .await
        .unwrap()
    {
        if c.kedudukan_hukum_id == "01" {
            nasional.push(store.pegawai(c.pegawai_id).await.unwrap());
        }
    }
    let aktif: Vec<&Pegawai> = semua
        .iter()
        .filter(|p| p.kedudukan_hukum_id == "01" && p.jenis_pegawai == JenisPegawai::Pns)
        .collect();
    let staf = &aktif[..4];
    let mut calon = Vec::new();
    for p in &aktif[4..] {
        let ps = pensiun::pensiun_pegawai(&awal, p).await.unwrap();
        let lama = p
            .tmt_cpns
            .is_some_and(|t| t.year() + 12 < ps.tmt_pensiun.year());
        calon.push((ps.tmt_pensiun, lama, *p));
    }
    calon.sort_by_key(|(t, _, p)| (*t, p.id));
    let (tmt, _, p) = *calon
        .iter()
        .find(|(t, lama, _)| *lama && *t > demo_hari_ini)
        .expect("a PNS nearing BUP with long service");
    let (tmt_muda, _, muda) = *calon.last().unwrap();
    // The world five months before p's TMT pensiun.
    let t0 = BulanTahun::of(tmt).tambah_bulan(-5).hari_pertama();
    let jam = JamUji::pada(Utc.from_utc_datetime(&t0.and_hms_opt(2, 0, 0).unwrap()));
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
    let jabar = |peran| PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let operator = akun(&app, staf[0], jabar(Peran::OperatorInstansi)).await;
    let pejabat = akun(&app, staf[1], jabar(Peran::PejabatInstansi)).await;
    let bkn = akun(
        &app,
        staf[2],
        PeranAkun::new(Peran::VerifikatorBkn, None, None).unwrap(),
    )
    .await;
    for a in [&pejabat, &bkn] {
        siasn_app::ttd::terbitkan_sertifikat(&app, "uji", a.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap();
    }
    let diri = akun(&app, p, PeranAkun::new(Peran::Pegawai, None, None).unwrap()).await;

    // Bad input: years from BUP, a TMT off the rule, not a first of month, a PPPK, not the
    // operator. Each names its rule and stores nothing.
    if tmt_muda > t0 + chrono::Duration::days(800) {
        let mulai = BulanTahun::of(tmt_muda).tambah_bulan(-24).hari_pertama();
        assert_eq!(
            pensiun::mulai(
                &app,
                &operator,
                muda.id,
                minta(JenisPensiun::BupNonKpp, None)
            )
            .await
            .unwrap(),
            HasilMulaiPensiun::Ditolak(PensiunDitolak::Bup(BupDitolak::TerlaluDini { mulai }))
        );
    }
    assert_eq!(
        pensiun::mulai(
            &app,
            &operator,
            p.id,
            minta(
                JenisPensiun::BupNonKpp,
                Some(BulanTahun::of(tmt).tambah_bulan(1).hari_pertama())
            )
        )
        .await
        .unwrap(),
        HasilMulaiPensiun::Ditolak(PensiunDitolak::Bup(BupDitolak::TmtTidakSesuai {
            seharusnya: tmt
        }))
    );
    assert_eq!(
        pensiun::mulai(
            &app,
            &operator,
            p.id,
            minta(
                JenisPensiun::AtasPermintaanSendiri,
                Some(t0 + chrono::Duration::days(40))
            )
        )
        .await
        .unwrap(),
        HasilMulaiPensiun::Ditolak(PensiunDitolak::TmtBukanAwalBulan)
    );
    if let Some(pppk) = semua.iter().find(|x| x.jenis_pegawai == JenisPegawai::Pppk) {
        assert_eq!(
            pensiun::mulai(
                &app,
                &operator,
                pppk.id,
                minta(JenisPensiun::BupNonKpp, None)
            )
            .await
            .unwrap(),
            HasilMulaiPensiun::Ditolak(PensiunDitolak::BukanPns)
        );
    }
    assert!(matches!(
        pensiun::mulai(&app, &pejabat, p.id, minta(JenisPensiun::BupNonKpp, None)).await,
        Err(siasn_app::AppError::Dilarang)
    ));
    assert!(store.layanan_pegawai(p.id).await.unwrap().is_empty());

    // The case, with its DPCP drawn from the record and already attached.
    let HasilMulaiPensiun::Dibuat(id) =
        pensiun::mulai(&app, &operator, p.id, minta(JenisPensiun::BupNonKpp, None))
            .await
            .unwrap()
    else {
        panic!("not started")
    };
    assert_eq!(
        pensiun::mulai(&app, &operator, p.id, minta(JenisPensiun::BupNonKpp, None))
            .await
            .unwrap(),
        HasilMulaiPensiun::Langkah(LangkahDitolak::SudahAda)
    );
    let k = layanan::kasus(&app, &operator, id).await.unwrap();
    let d = k.pensiun().unwrap().clone();
    assert_eq!(
        (k.periode, d.tmt, d.kedudukan_baru.as_str()),
        (tmt, tmt, "99")
    );
    assert_eq!(d.dpcp.nip, p.nomor_induk.to_string());
    assert!(d.berhak_pensiun, "{:?}", d.tanpa_hak);
    let lampiran = store.lampiran_layanan(id).await.unwrap();
    assert_eq!(lampiran.len(), 1);
    assert_eq!(lampiran[0].jenis_dokumen_id, "L06");
    let dpcp = store.dokumen(lampiran[0].dokumen_id).await.unwrap();
    assert!(
        store
            .isi_dokumen(&dpcp)
            .await
            .unwrap()
            .starts_with(b"%PDF-")
    );

    // The file needs SK CPNS, the last rank decree and the statement.
    assert_eq!(
        layanan::langkah(&app, &operator, id, k.versi, Langkah::SimpanBerkas, None)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::BerkasBelumLengkap)
    );
    let unggahan: Vec<Unggahan> = ["889", "L02", "L09"]
        .iter()
        .map(|j| Unggahan {
            nama_file: format!("{j}.pdf"),
            jenis_dokumen_id: (*j).into(),
            isi: pdf(j),
        })
        .collect();
    layanan::lampirkan(&app, &operator, id, &[], &unggahan)
        .await
        .unwrap()
        .unwrap();
    for (siapa, l) in [
        (&operator, Langkah::SimpanBerkas),
        (&operator, Langkah::Ajukan),
        (&pejabat, Langkah::SetujuiInstansi),
        (&bkn, Langkah::SetujuiBkn),
    ] {
        let k = layanan::kasus(&app, siapa, id).await.unwrap();
        let h = layanan::langkah(&app, siapa, id, k.versi, l, None)
            .await
            .unwrap();
        assert!(matches!(h, HasilLangkah::Berhasil(_)), "{l:?}: {h:?}");
    }
    let k = layanan::kasus(&app, &bkn, id).await.unwrap();
    assert_eq!(
        layanan::terbitkan_pertek(&app, &bkn, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::PertekDitandatangani)
    );
    let k = layanan::kasus(&app, &pejabat, id).await.unwrap();
    assert!(
        k.pertek
            .as_ref()
            .unwrap()
            .nomor
            .starts_with("PERTEK-PENSIUN/")
    );
    assert_eq!(
        layanan::tandatangani_sk(&app, &pejabat, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
    let k = layanan::kasus(&app, &pejabat, id).await.unwrap();
    let sk = k.sk.clone().unwrap();
    assert!(sk.nomor.starts_with("SK-PENSIUN/PROV-JABAR/"));
    // The decree is on record; the TMT has not come, so the kedudukan waits for it.
    let rows = store
        .riwayat_pegawai(p.id, Some(siasn_domain::JenisRiwayat::Pemberhentian))
        .await
        .unwrap();
    let [baris] = rows.as_slice() else {
        panic!("{rows:?}")
    };
    let DataRiwayat::Pemberhentian(r) = &baris.data else {
        panic!()
    };
    assert_eq!(
        (r.tmt, r.sk.nomor.as_str(), r.jenis_pemberhentian),
        (tmt, sk.nomor.as_str(), 1)
    );
    assert_eq!(
        store
            .dokumen(sk.dokumen_id.unwrap())
            .await
            .unwrap()
            .riwayat_id,
        Some(baris.id)
    );
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "01");
    // Before the TMT the employee still proposes changes to their data.
    let hp = |n: &str| usulan::Isi {
        perubahan: siasn_domain::usulan::Perubahan::DataUtama {
            nilai: std::collections::BTreeMap::from([(
                siasn_domain::usulan::KolomDataUtama::NomorHp,
                Some(n.to_string()),
            )]),
        },
        catatan: None,
        unggahan: vec![],
        arsip: vec![],
    };
    assert!(
        usulan::ajukan(&app, &diri, None, hp("081211110000"), false, None)
            .await
            .unwrap()
            .is_ok()
    );

    // The daily job today: notices go out once; the decree waits for its TMT.
    let kedua = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("the first ask runs the job")
    };
    assert_eq!(r.diterapkan, 0, "{r}");
    // Whoever was due a notice at a lead time this month got exactly one.
    let mut diharapkan = 0;
    let bulan = |n: u32| BulanTahun::of(t0).tambah_bulan(n as i32).hari_pertama();
    for x in semua
        .iter()
        .filter(|x| x.jenis_pegawai == JenisPegawai::Pns && x.kedudukan_hukum_id == "01")
    {
        let ps = pensiun::pensiun_pegawai(&app, x).await.unwrap();
        let tenggat = [24, 12, 6]
            .into_iter()
            .find(|n| ps.tmt_pensiun == bulan(*n));
        let dikirim = store.pemberitahuan_pensiun(x.id).await.unwrap();
        match tenggat {
            Some(n) => {
                diharapkan += 1;
                assert_eq!(dikirim.iter().map(|(t, _)| *t).collect::<Vec<_>>(), vec![n]);
            }
            None => assert!(dikirim.is_empty(), "{}", x.nomor_induk),
        }
    }
    assert!(r.pemberitahuan >= diharapkan, "{r}");
    assert_eq!(
        harian::harian_sekali(&kedua, "server-b").await.unwrap(),
        HasilHarian::SudahHariIni
    );
    jam.maju(chrono::Duration::days(1));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&kedua, "server-b").await.unwrap() else {
        panic!("a new day runs again")
    };
    assert_eq!(r.pemberitahuan, 0, "nothing is sent twice: {r}");

    // On the TMT two servers ask at once: it runs once and the decree takes effect.
    let sampai = Utc.from_utc_datetime(&tmt.and_hms_opt(1, 0, 0).unwrap());
    jam.maju(sampai - jam.sekarang());
    let (x, y) = tokio::join!(
        harian::harian_sekali(&app, "server-a"),
        harian::harian_sekali(&kedua, "server-b")
    );
    let hasil = [x.unwrap(), y.unwrap()];
    let jalan: Vec<_> = hasil
        .iter()
        .filter_map(|h| match h {
            HasilHarian::Jalan(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(jalan.len(), 1, "{hasil:?}");
    assert!(jalan[0].diterapkan >= 1, "{}", jalan[0]);
    let sesudah = store.pegawai(p.id).await.unwrap();
    assert_eq!(sesudah.kedudukan_hukum_id, "99");
    // A retiree keeps reading their record and decree but proposes nothing more.
    assert!(matches!(
        usulan::ajukan(&app, &diri, None, hp("081211112222"), false, None).await,
        Err(siasn_app::AppError::Dilarang)
    ));
    assert!(
        store
            .dokumen_pegawai(p.id)
            .await
            .unwrap()
            .iter()
            .any(|d| Some(d.id) == sk.dokumen_id)
    );
    // Later: q is six months from BUP and gets one notice (the agency's operators a digest);
    // whoever passed BUP meanwhile without a decree is "Mencapai BUP", with an audit entry.
    let (tmt_q, _, q) = *calon
        .iter()
        .find(|(t, _, _)| *t >= BulanTahun::of(tmt).tambah_bulan(7).hari_pertama())
        .expect("someone retiring later");
    let t_q = BulanTahun::of(tmt_q).tambah_bulan(-6).hari_pertama();
    jam.maju(Utc.from_utc_datetime(&t_q.and_hms_opt(1, 0, 0).unwrap()) - jam.sekarang());
    let HasilHarian::Jalan(r) = harian::harian_sekali(&kedua, "server-b").await.unwrap() else {
        panic!("a later day runs")
    };
    let dikirim = store.pemberitahuan_pensiun(q.id).await.unwrap();
    assert_eq!(dikirim.iter().map(|(t, _)| *t).collect::<Vec<_>>(), vec![6]);
    let surel = store.email_pegawai(q.id, 10).await.unwrap();
    if q.email.is_some() {
        assert!(
            surel.iter().any(|e| e.subjek.contains("6 bulan")),
            "{surel:?}"
        );
    }
    assert!(r.pemberitahuan >= 1 && r.surel_operator >= 1, "{r}");
    let mut lewat = 0u64;
    for x in &nasional {
        if x.id == p.id {
            continue;
        }
        let ps = pensiun::pensiun_pegawai(&app, x).await.unwrap();
        let kini = store.pegawai(x.id).await.unwrap();
        if ps.tmt_pensiun <= t_q {
            lewat += 1;
            assert_eq!(kini.kedudukan_hukum_id, "98", "{}", x.nomor_induk);
            assert!(
                store
                    .audit_tentang_pegawai(x.id, 50)
                    .await
                    .unwrap()
                    .iter()
                    .any(|e| e.aksi == "pegawai.diubah" && e.aktor.starts_with("sistem"))
            );
        } else {
            assert_eq!(kini.kedudukan_hukum_id, "01", "{}", x.nomor_induk);
        }
    }
    assert!(lewat >= 1, "someone passed BUP meanwhile");
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "99");
    // A second BUP case for the retiree is refused: they have left the service.
    assert_eq!(
        pensiun::mulai(&app, &operator, p.id, minta(JenisPensiun::BupNonKpp, None))
            .await
            .unwrap(),
        HasilMulaiPensiun::Ditolak(PensiunDitolak::SudahBerhenti)
    );
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}

/// Walks a case from its file to the signed SK.
async fn sampai_sk(
    app: &App,
    op: &Aktor,
    pj: &Aktor,
    bkn: &Aktor,
    id: uuid::Uuid,
    dokumen: &[&str],
) {
    let unggahan: Vec<Unggahan> = dokumen
        .iter()
        .map(|j| Unggahan {
            nama_file: format!("{j}.pdf"),
            jenis_dokumen_id: (*j).into(),
            isi: pdf(j),
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
        (bkn, Langkah::SetujuiBkn),
    ] {
        let k = layanan::kasus(app, siapa, id).await.unwrap();
        let h = layanan::langkah(app, siapa, id, k.versi, l, None)
            .await
            .unwrap();
        assert!(matches!(h, HasilLangkah::Berhasil(_)), "{l:?}: {h:?}");
    }
    let k = layanan::kasus(app, bkn, id).await.unwrap();
    assert!(matches!(
        layanan::terbitkan_pertek(app, bkn, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(_)
    ));
    let k = layanan::kasus(app, pj, id).await.unwrap();
    assert_eq!(
        layanan::tandatangani_sk(app, pj, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
}

/// Unpaid leave on the engine: refusals naming their rule and storing nothing, the grant
/// (kedudukan CLTN, riwayat row with the pertek), one extension (and not two), a return refused
/// without a vacancy or after the report-back deadline, then a return dated ahead that the
/// daily job applies on its day.
pub async fn a_cltn_with_extension_and_return(store: &Store) {
    use siasn_app::layanan::cltn::{self, HasilMulaiCltn};
    use siasn_domain::layanan::cltn::{JenisUsulCltn, PermintaanCltn, UsulCltnDitolak};
    use siasn_domain::pemberhentian::CltnDitolak;
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 150,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let hari_ini = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let jam = JamUji::pada(Utc.from_utc_datetime(&hari_ini.and_hms_opt(3, 0, 0).unwrap()));
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
    let semua = pegawai_instansi(store, "PROV-JABAR").await;
    let aktif: Vec<&Pegawai> = semua
        .iter()
        .filter(|p| p.kedudukan_hukum_id == "01" && p.jenis_pegawai == JenisPegawai::Pns)
        .collect();
    let jabar = |peran| PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let op = akun(&app, aktif[0], jabar(Peran::OperatorInstansi)).await;
    let pj = akun(&app, aktif[1], jabar(Peran::PejabatInstansi)).await;
    let bkn = akun(
        &app,
        aktif[2],
        PeranAkun::new(Peran::VerifikatorBkn, None, None).unwrap(),
    )
    .await;
    for a in [&pj, &bkn] {
        siasn_app::ttd::terbitkan_sertifikat(&app, "uji", a.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap();
    }
    let lama = |p: &&&Pegawai| p.tmt_cpns.is_some_and(|t| t.year() + 7 < hari_ini.year());
    let p = *aktif[3..]
        .iter()
        .find(lama)
        .expect("a PNS with long service");
    let minta = |jenis, mulai, selesai, aktif| PermintaanCltn {
        jenis,
        mulai,
        selesai,
        aktif,
        formasi: None,
    };
    let d = |y, m, h| NaiveDate::from_ymd_opt(y, m, h);
    let mulai = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(JenisUsulCltn::Cltn, Some(hari_ini), d(2029, 11, 2), None),
        "mendampingi suami tugas belajar",
    )
    .await
    .unwrap();
    assert_eq!(
        mulai,
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::TerlaluLama))
    );
    if let Some(baru) = aktif[3..]
        .iter()
        .find(|x| x.tmt_cpns.is_some_and(|t| t.year() + 3 > hari_ini.year()))
    {
        assert!(matches!(
            cltn::mulai(
                &app,
                &op,
                baru.id,
                minta(JenisUsulCltn::Cltn, Some(hari_ini), d(2027, 11, 1), None),
                "x"
            )
            .await
            .unwrap(),
            HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::MasaKerjaKurang { .. }))
        ));
    }
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            p.id,
            minta(JenisUsulCltn::Perpanjangan, None, d(2028, 1, 1), None),
            "x"
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::TanpaCltn)
    );
    assert!(store.layanan_pegawai(p.id).await.unwrap().is_empty());

    // The grant: two years from today.
    let selesai = d(2028, 11, 1).unwrap();
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(JenisUsulCltn::Cltn, Some(hari_ini), Some(selesai), None),
        "mendampingi suami tugas belajar",
    )
    .await
    .unwrap() else {
        panic!("the grant starts")
    };
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11", "L04"]).await;
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "02");
    let baris = |rows: Vec<siasn_domain::Riwayat>| match rows.as_slice() {
        [r] => match &r.data {
            DataRiwayat::Cltn(c) => c.clone(),
            x => panic!("{x:?}"),
        },
        x => panic!("{x:?}"),
    };
    let c = baris(
        store
            .riwayat_pegawai(p.id, Some(siasn_domain::JenisRiwayat::Cltn))
            .await
            .unwrap(),
    );
    assert_eq!((c.tanggal_mulai, c.tanggal_selesai), (hari_ini, selesai));
    assert!(c.nomor_pertek.unwrap().starts_with("PERTEK-CLTN/"));

    // One extension, of at most a year.
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            p.id,
            minta(JenisUsulCltn::Perpanjangan, None, d(2029, 11, 2), None),
            "x"
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(
            CltnDitolak::PerpanjanganTerlaluLama
        ))
    );
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(JenisUsulCltn::Perpanjangan, None, d(2029, 5, 1), None),
        "perawatan anak",
    )
    .await
    .unwrap() else {
        panic!("the extension starts")
    };
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11"]).await;
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "13");
    let c = baris(
        store
            .riwayat_pegawai(p.id, Some(siasn_domain::JenisRiwayat::Cltn))
            .await
            .unwrap(),
    );
    assert_eq!(c.tanggal_selesai, d(2029, 5, 1).unwrap());
    assert!(c.diperpanjang);
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            p.id,
            minta(JenisUsulCltn::Perpanjangan, None, d(2029, 6, 1), None),
            "x"
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::SudahDiperpanjang))
    );

    // The return: a vacancy in the employee's post is needed (the formasi register, not the
    // operator's word), and the report-back deadline holds.
    let kembali = hari_ini + chrono::Duration::days(10);
    let kembali_ke = |app, op| async move {
        cltn::mulai(
            app,
            op,
            p.id,
            minta(JenisUsulCltn::AktifKembali, None, None, Some(kembali)),
            "x",
        )
        .await
        .unwrap()
    };
    assert_eq!(
        kembali_ke(&app, &op).await,
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::FormasiTidakTercatat))
    );
    let unor = p.unor_id.expect("a unit");
    let jabatan = p.jabatan_id.clone().expect("a position");
    let terisi = store
        .daftar_formasi("PROV-JABAR")
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.unor_id == unor && f.jabatan_id == jabatan)
        .map_or(0, |f| f.terisi);
    let atur = |kebutuhan| {
        let (app, op, jabatan) = (&app, &op, jabatan.clone());
        async move {
            siasn_app::formasi::atur(app, op, "PROV-JABAR", unor, &jabatan, kebutuhan, "ABK 2026")
                .await
                .unwrap()
        }
    };
    assert_eq!(atur(terisi).await, Ok(()));
    assert_eq!(
        kembali_ke(&app, &op).await,
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::TanpaFormasi {
            kebutuhan: terisi,
            terisi
        }))
    );
    // A unit of another agency, and no reason: refused, nothing changed.
    let lain = store.unor_instansi("KAB-GOWA").await.unwrap();
    assert_eq!(
        siasn_app::formasi::atur(&app, &op, "PROV-JABAR", lain[0].id, &jabatan, 5, "x")
            .await
            .unwrap(),
        Err(siasn_domain::formasi::FormasiDitolak::UnorLain)
    );
    assert_eq!(
        siasn_app::formasi::atur(&app, &op, "PROV-JABAR", unor, &jabatan, 5, " ")
            .await
            .unwrap(),
        Err(siasn_domain::formasi::FormasiDitolak::PerluAlasan)
    );
    assert!(matches!(
        siasn_app::formasi::atur(&app, &pj, "PROV-JABAR", unor, &jabatan, 5, "x").await,
        Err(siasn_app::AppError::Dilarang)
    ));
    assert_eq!(atur(terisi + 1).await, Ok(()));
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            p.id,
            minta(JenisUsulCltn::AktifKembali, None, None, d(2029, 6, 2)),
            "x"
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::TerlambatMelapor {
            batas: d(2029, 6, 1).unwrap()
        })
    );
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(JenisUsulCltn::AktifKembali, None, None, Some(kembali)),
        "kembali ke formasi Analis Kepegawaian",
    )
    .await
    .unwrap() else {
        panic!("the return starts")
    };
    let d_kasus = layanan::kasus(&app, &op, id).await.unwrap();
    assert_eq!(
        d_kasus.cltn().and_then(|d| d.formasi),
        Some(siasn_domain::formasi::Formasi {
            kebutuhan: terisi + 1,
            terisi
        })
    );
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11"]).await;
    let c = baris(
        store
            .riwayat_pegawai(p.id, Some(siasn_domain::JenisRiwayat::Cltn))
            .await
            .unwrap(),
    );
    assert_eq!(c.tanggal_aktif_kembali, Some(kembali));
    // Dated ahead: still on leave until the day, when the daily job brings them back.
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "13");
    jam.maju(chrono::Duration::days(10));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "uji").await.unwrap() else {
        panic!("the job runs")
    };
    assert!(r.cltn_berlaku >= 1, "{r}");
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "01");

    // A study assignment in the same history: kedudukan "Tugas Belajar", and the return needs
    // no vacancy.
    let hari = jam.sekarang().date_naive();
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(
            JenisUsulCltn::TugasBelajar,
            Some(hari),
            d(2029, 7, 31),
            None,
        ),
        "S2 Administrasi Publik",
    )
    .await
    .unwrap() else {
        panic!("the study assignment starts")
    };
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11", "L04"]).await;
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "03");
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        p.id,
        minta(
            JenisUsulCltn::AktifDariTugasBelajar,
            None,
            None,
            Some(hari + chrono::Duration::days(1)),
        ),
        "lulus lebih awal",
    )
    .await
    .unwrap() else {
        panic!("the return from study starts")
    };
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11"]).await;
    jam.maju(chrono::Duration::days(1));
    jam.maju(chrono::Duration::hours(1));
    let HasilHarian::Jalan(_) = harian::harian_sekali(&app, "uji").await.unwrap() else {
        panic!("the next day's job runs")
    };
    assert_eq!(store.pegawai(p.id).await.unwrap().kedudukan_hukum_id, "01");
    let rows = store
        .riwayat_pegawai(p.id, Some(siasn_domain::JenisRiwayat::Cltn))
        .await
        .unwrap();
    assert!(
        rows.iter()
            .any(|r| matches!(&r.data, DataRiwayat::Cltn(c) if c.jenis_cltn == 6))
    );
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}
