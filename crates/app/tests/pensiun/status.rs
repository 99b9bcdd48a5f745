//! The statuses the agency decides alone (MPP, a temporary dismissal while detained) on the
//! engine without a BKN step, and the daily job's reminders: a status ending within 30 days,
//! and leave whose report-back deadline passed, each sent once per end date.

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use siasn_app::layanan::cltn::{self, HasilMulaiCltn};
use siasn_app::layanan::harian::{self, HasilHarian};
use siasn_app::layanan::{self, HasilLangkah};
use siasn_app::usulan::Unggahan;
use siasn_app::{Aktor, App, Jam, JamUji, KonfigurasiApp};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::layanan::cltn::{JenisUsulCltn, PermintaanCltn, UsulCltnDitolak};
use siasn_domain::layanan::{JenisLayanan, Langkah, LangkahDitolak, StatusLayanan};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::pemberhentian::{CltnDitolak, MppDitolak};
use siasn_domain::{BulanTahun, DataRiwayat, JenisRiwayat};
use siasn_store::Store;

use super::{FRASA, akun, pdf, pegawai_instansi, sampai_sk};

fn minta(
    jenis: JenisUsulCltn,
    mulai: Option<NaiveDate>,
    selesai: Option<NaiveDate>,
    aktif: Option<NaiveDate>,
) -> PermintaanCltn {
    PermintaanCltn {
        jenis,
        mulai,
        selesai,
        aktif,
        formasi: None,
    }
}

/// Attaches the documents, saves, proposes, and has the agency official sign the SK: the
/// whole agency-only lifecycle.
async fn sampai_sk_instansi(app: &App, op: &Aktor, pj: &Aktor, id: uuid::Uuid, dokumen: &[&str]) {
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
    for l in [Langkah::SimpanBerkas, Langkah::Ajukan] {
        let k = layanan::kasus(app, op, id).await.unwrap();
        let h = layanan::langkah(app, op, id, k.versi, l, None)
            .await
            .unwrap();
        assert!(matches!(h, HasilLangkah::Berhasil(_)), "{l:?}: {h:?}");
    }
    // There is no approval to BKN for it.
    let k = layanan::kasus(app, pj, id).await.unwrap();
    assert_eq!(
        layanan::langkah(app, pj, id, k.versi, Langkah::SetujuiInstansi, None)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
    );
    assert_eq!(
        layanan::tandatangani_sk(app, pj, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
}

fn status_terakhir(rows: &[siasn_domain::Riwayat]) -> siasn_domain::riwayat::RiwayatCltn {
    rows.iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Cltn(c) => Some(c.clone()),
            _ => None,
        })
        .max_by_key(|c| c.tanggal_mulai)
        .expect("a status row")
}

pub async fn mpp_and_a_detention_by_the_agency_and_status_reminders(store: &Store) {
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 150,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let semua = pegawai_instansi(store, "PROV-JABAR").await;
    let jabatan = store.ref_jabatan().await.unwrap();
    let awal = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let aktif: Vec<&Pegawai> = semua
        .iter()
        .filter(|p| p.kedudukan_hukum_id == "01" && p.jenis_pegawai == JenisPegawai::Pns)
        .collect();
    // The nearest retirement after the first accounts: the clock goes to six months before it.
    let tmt = |p: &Pegawai| {
        siasn_domain::pensiun::hitung(
            p.tanggal_lahir,
            siasn_domain::pensiun::bup_pegawai(p, &jabatan).usia,
        )
        .tmt_pensiun
    };
    let calon_mpp = *aktif[3..]
        .iter()
        .filter(|p| tmt(p) > awal + Duration::days(62))
        .min_by_key(|p| tmt(p))
        .expect("someone retires after today");
    let tmt_pensiun = tmt(calon_mpp);
    let hari_ini = awal.max(
        tmt_pensiun
            .checked_sub_months(chrono::Months::new(6))
            .unwrap(),
    );
    let jam = JamUji::pada(Utc.from_utc_datetime(&hari_ini.and_hms_opt(3, 0, 0).unwrap()));
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(jam.clone()),
    );
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

    // MPP: more than a year before TMT pensiun is refused and stores nothing.
    let terlalu_awal = tmt_pensiun
        .checked_sub_months(chrono::Months::new(13))
        .unwrap();
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            calon_mpp.id,
            minta(JenisUsulCltn::Mpp, Some(terlalu_awal), None, None),
            "permohonan MPP",
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Mpp(MppDitolak::LebihDariSetahun {
            paling_awal: tmt_pensiun
                .checked_sub_months(chrono::Months::new(12))
                .unwrap()
        }))
    );
    assert!(
        store
            .layanan_pegawai(calon_mpp.id)
            .await
            .unwrap()
            .is_empty()
    );
    // From the first of next month to the day before TMT pensiun; the agency decides alone.
    let mulai_mpp = BulanTahun::of(hari_ini).tambah_bulan(1).hari_pertama();
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        calon_mpp.id,
        minta(JenisUsulCltn::Mpp, Some(mulai_mpp), None, None),
        "permohonan MPP",
    )
    .await
    .unwrap() else {
        panic!("the MPP case starts")
    };
    let k = layanan::kasus(&app, &op, id).await.unwrap();
    assert_eq!(k.jenis, JenisLayanan::Mpp);
    sampai_sk_instansi(&app, &op, &pj, id, &["L11"]).await;
    let k = layanan::kasus(&app, &pj, id).await.unwrap();
    assert!(k.pertek.is_none(), "no pertek for MPP");
    assert!(
        k.sk.as_ref()
            .is_some_and(|s| s.nomor.starts_with("SK-MPP/")),
        "{:?}",
        k.sk
    );
    // BKN never sees it as theirs to decide.
    assert!(layanan::langkah_tersedia(&bkn, &k).is_empty());
    let c = status_terakhir(
        &store
            .riwayat_pegawai(calon_mpp.id, Some(JenisRiwayat::Cltn))
            .await
            .unwrap(),
    );
    assert_eq!(c.jenis_cltn, 103);
    assert_eq!(
        (c.tanggal_mulai, c.tanggal_selesai),
        (mulai_mpp, tmt_pensiun.pred_opt().unwrap())
    );
    assert!(c.nomor_pertek.is_none());
    // Dated ahead: kedudukan MPP from its first day, by the daily job.
    assert_eq!(
        store
            .pegawai(calon_mpp.id)
            .await
            .unwrap()
            .kedudukan_hukum_id,
        "01"
    );

    // A detention: kedudukan 04 at once, extended as ordered, no BKN step.
    let ditahan = *aktif[3..]
        .iter()
        .find(|p| p.id != calon_mpp.id)
        .expect("another PNS");
    let akhir_tahan = hari_ini + Duration::days(19);
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        ditahan.id,
        minta(
            JenisUsulCltn::PemberhentianSementara,
            Some(hari_ini),
            Some(akhir_tahan),
            None,
        ),
        "surat perintah penahanan",
    )
    .await
    .unwrap() else {
        panic!("the temporary dismissal starts")
    };
    assert_eq!(
        layanan::kasus(&app, &op, id).await.unwrap().jenis,
        JenisLayanan::PemberhentianSementara
    );
    sampai_sk_instansi(&app, &op, &pj, id, &["L04"]).await;
    assert_eq!(
        store.pegawai(ditahan.id).await.unwrap().kedudukan_hukum_id,
        "04"
    );

    // Leave that ended 40 days ago with no return on record (granted through BKN, backdated).
    let cuti = *aktif[3..]
        .iter()
        .filter(|p| p.id != calon_mpp.id && p.id != ditahan.id)
        .find(|p| p.tmt_cpns.is_some_and(|t| t.year() + 9 < hari_ini.year()))
        .expect("a PNS with long service");
    let selesai_cuti = hari_ini - Duration::days(40);
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        cuti.id,
        minta(
            JenisUsulCltn::Cltn,
            Some(selesai_cuti - Duration::days(365)),
            Some(selesai_cuti),
            None,
        ),
        "mendampingi suami",
    )
    .await
    .unwrap() else {
        panic!("the leave starts")
    };
    sampai_sk(&app, &op, &pj, &bkn, id, &["L11", "L04"]).await;

    // The operator's list shows the three running statuses (MPP once it begins).
    let berjalan = cltn::status_berjalan(&app, &op, "PROV-JABAR")
        .await
        .unwrap();
    assert!(berjalan.iter().any(|s| s.pegawai_id == ditahan.id));
    assert!(berjalan.iter().any(|s| s.pegawai_id == cuti.id));
    // Out of another agency's scope.
    assert!(cltn::status_berjalan(&app, &op, "KAB-GOWA").await.is_err());

    // The daily job: the detention ends within 30 days, the leave passed its deadline.
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("the job runs")
    };
    assert!(r.pengingat_status >= 1, "{r}");
    assert!(r.lewat_lapor >= 1, "{r}");
    assert!(r.surel_operator >= 2, "{r}");
    let surel = store.email_pegawai(ditahan.id, 10).await.unwrap();
    if ditahan.email.is_some() {
        assert!(
            surel
                .iter()
                .any(|e| e.subjek.contains("pemberhentian sementara")),
            "{surel:?}"
        );
    }
    let surel = store.email_pegawai(cuti.id, 10).await.unwrap();
    if cuti.email.is_some() {
        assert!(
            surel.iter().any(|e| e.subjek.contains("batas melapor")),
            "{surel:?}"
        );
    }
    // The next day nothing is sent twice.
    jam.maju(Duration::days(1));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-b").await.unwrap() else {
        panic!("the next day's job runs")
    };
    assert_eq!((r.pengingat_status, r.lewat_lapor), (0, 0), "{r}");

    // The detention is extended: a new end date, reminded again when it comes near.
    let hari = jam.sekarang().date_naive();
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        ditahan.id,
        minta(
            JenisUsulCltn::PerpanjanganPemberhentianSementara,
            None,
            Some(hari + Duration::days(25)),
            None,
        ),
        "perpanjangan penahanan",
    )
    .await
    .unwrap() else {
        panic!("the extension starts")
    };
    sampai_sk_instansi(&app, &op, &pj, id, &["L04"]).await;
    jam.maju(Duration::days(1));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("the job runs")
    };
    assert_eq!(r.pengingat_status, 1, "the new end date is reminded: {r}");

    // Released: the return needs a vacancy.
    let hari = jam.sekarang().date_naive();
    assert_eq!(
        cltn::mulai(
            &app,
            &op,
            ditahan.id,
            minta(
                JenisUsulCltn::AktifDariPemberhentianSementara,
                None,
                None,
                Some(hari),
            ),
            "penahanan dihentikan",
        )
        .await
        .unwrap(),
        HasilMulaiCltn::Ditolak(UsulCltnDitolak::Aturan(CltnDitolak::FormasiTidakTercatat))
    );
    // The post gets a place in the register (the detainee no longer counts as a holder).
    let unor = ditahan.unor_id.expect("a unit");
    let jabatan = ditahan.jabatan_id.clone().expect("a position");
    let terisi = store
        .daftar_formasi("PROV-JABAR")
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.unor_id == unor && f.jabatan_id == jabatan)
        .map_or(0, |f| f.terisi);
    siasn_app::formasi::atur(
        &app,
        &op,
        "PROV-JABAR",
        unor,
        &jabatan,
        terisi + 1,
        "ABK 2026",
    )
    .await
    .unwrap()
    .unwrap();
    let HasilMulaiCltn::Dibuat(id) = cltn::mulai(
        &app,
        &op,
        ditahan.id,
        minta(
            JenisUsulCltn::AktifDariPemberhentianSementara,
            None,
            None,
            Some(hari),
        ),
        "penahanan dihentikan",
    )
    .await
    .unwrap() else {
        panic!("the return starts")
    };
    sampai_sk_instansi(&app, &op, &pj, id, &["L04"]).await;
    assert_eq!(
        store.pegawai(ditahan.id).await.unwrap().kedudukan_hukum_id,
        "01"
    );

    // MPP's first day: kedudukan 20 by the daily job.
    let sampai_mpp = (mulai_mpp - jam.sekarang().date_naive()).num_days();
    jam.maju(Duration::days(sampai_mpp));
    let HasilHarian::Jalan(_) = harian::harian_sekali(&app, "server-b").await.unwrap() else {
        panic!("the job runs on MPP's first day")
    };
    assert_eq!(
        store
            .pegawai(calon_mpp.id)
            .await
            .unwrap()
            .kedudukan_hukum_id,
        "20"
    );
    // Thirty days before MPP's last day: the employee is told the pension begins next.
    let akhir_mpp = tmt_pensiun.pred_opt().unwrap();
    let sampai_pengingat =
        (akhir_mpp - Duration::days(30) - jam.sekarang().date_naive()).num_days();
    assert!(sampai_pengingat > 0, "MPP runs longer than a month here");
    jam.maju(Duration::days(sampai_pengingat));
    let HasilHarian::Jalan(r) = harian::harian_sekali(&app, "server-a").await.unwrap() else {
        panic!("the job runs a month before MPP ends")
    };
    assert_eq!(r.pengingat_status, 1, "{r}");
    if calon_mpp.email.is_some() {
        let surel = store.email_pegawai(calon_mpp.id, 20).await.unwrap();
        assert!(
            surel
                .iter()
                .any(|e| e.subjek.contains("masa persiapan pensiun")),
            "{surel:?}"
        );
    }
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
}
