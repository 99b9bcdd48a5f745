//! Use cases on both engines: what a proposal's decision does to the record (once, and never
//! over a change made meanwhile), run through the same functions the pages and the API call.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::Arc;

use siasn_app::akun::{self, PenggunaCli};
use siasn_app::usulan::{self, HasilPutusan, Isi};
use siasn_app::{Aktor, App, JamSistem, KonfigurasiApp};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::usulan::{Keputusan, KolomDataUtama, Perubahan, StatusUsulan};
use siasn_store::{FilterPegawai, Store, conformance};

mod audit;
mod pengadaan;
mod pensiun;
mod peristiwa;
mod pindah;

/// Test officials' certificate passphrase.
const FRASA: &str = "frasa-uji-ttd-123";

async fn app_dengan_demo(store: &Store) -> App {
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 30,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(JamSistem),
    )
}

async fn pegawai_jabar(app: &App) -> Vec<Pegawai> {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            100,
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.kedudukan_hukum_id == "01" {
            out.push(p);
        }
    }
    out
}

async fn petugas(app: &App, p: &Pegawai, peran: Peran) -> Aktor {
    let grant = PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let id = akun::beri_peran_langsung(
        app,
        "uji",
        PenggunaCli::Pegawai(Box::new(p.clone())),
        &grant,
    )
    .await
    .unwrap();
    Aktor::akun(&app.store().akun(id).await.unwrap(), None)
}

fn nomor_hp(hp: &str) -> Isi {
    Isi {
        perubahan: Perubahan::DataUtama {
            nilai: BTreeMap::from([(KolomDataUtama::NomorHp, Some(hp.to_string()))]),
        },
        catatan: None,
        unggahan: vec![],
        arsip: vec![],
    }
}

async fn proposals_apply_once_and_refuse_stale_changes(store: &Store) {
    let app = app_dengan_demo(store).await;
    let orang = pegawai_jabar(&app).await;
    let (op, ver, p) = (&orang[0], &orang[1], &orang[2]);
    let operator = petugas(&app, op, Peran::OperatorInstansi).await;
    let verifikator = petugas(&app, ver, Peran::VerifikatorInstansi).await;
    let ajukan = |hp: &'static str| {
        let (app, operator, id) = (app.clone(), operator.clone(), p.id);
        async move {
            usulan::ajukan(&app, &operator, Some(id), nomor_hp(hp), true, Some(hp))
                .await
                .unwrap()
                .unwrap()
        }
    };
    let a = ajukan("081200000011").await;
    // The same form key again: the same proposal.
    assert_eq!(ajukan("081200000011").await, a);
    let b = ajukan("081200000022").await;

    // Two verifiers acting on the same version: exactly one decision is recorded.
    let ua = store.usulan(a).await.unwrap();
    let hasil = usulan::putuskan(&app, &verifikator, &ua, ua.versi, Keputusan::Setujui)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hasil, HasilPutusan::Berhasil(StatusUsulan::Selesai));
    let lagi = usulan::putuskan(&app, &verifikator, &ua, ua.versi, Keputusan::Setujui)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lagi, HasilPutusan::SudahDiputuskan);
    assert_eq!(
        store.pegawai(p.id).await.unwrap().nomor_hp.as_deref(),
        Some("081200000011")
    );

    // The other proposal was made against the old number: refused, nothing changes.
    let ub = store.usulan(b).await.unwrap();
    let hasil = usulan::putuskan(&app, &verifikator, &ub, ub.versi, Keputusan::Setujui)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(&hasil, HasilPutusan::Konflik(k) if k.len() == 1),
        "{hasil:?}"
    );
    assert_eq!(
        store.usulan(b).await.unwrap().status,
        StatusUsulan::Diajukan
    );
    assert_eq!(
        store.pegawai(p.id).await.unwrap().nomor_hp.as_deref(),
        Some("081200000011")
    );
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
    let changed = store
        .audit_tentang_pegawai(p.id, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.aksi == "pegawai.diubah")
        .count();
    assert_eq!(changed, 1);
}

async fn akun_dengan(app: &App, p: &Pegawai, grant: PeranAkun) -> Aktor {
    let id = akun::beri_peran_langsung(
        app,
        "uji",
        PenggunaCli::Pegawai(Box::new(p.clone())),
        &grant,
    )
    .await
    .unwrap();
    Aktor::akun(
        &app.store().akun(id).await.unwrap(),
        Some("192.0.2.7".into()),
    )
}

/// A one-page letter with only a title, as the signing tests sign it.
fn surat_uji(judul: &str) -> Vec<u8> {
    siasn_card::Perender::new()
        .surat_pdf(&siasn_card::surat::IsiSurat {
            kop: vec![judul.into()],
            judul: judul.into(),
            nomor: String::new(),
            isi: vec![],
            tempat_tanggal: String::new(),
            jabatan_penandatangan: String::new(),
            nama_penandatangan: String::new(),
            nip_penandatangan: String::new(),
            kaki: vec![],
        })
        .unwrap()
}

/// A minimal PDF the upload check accepts.
fn pdf(teks: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {teks}\n%%EOF\n").into_bytes()
}

fn unggahan(jenis: &str, teks: &str) -> usulan::Unggahan {
    usulan::Unggahan {
        nama_file: format!("{teks}.pdf"),
        jenis_dokumen_id: jenis.into(),
        isi: pdf(teks),
    }
}

/// Promotion from the prediction to the record: start, file, propose, the official, BKN with
/// a BTS round, exactly one of two simultaneous BKN decisions, pertek, SK, the new rank in the
/// record with its audit; and every refusal on the way changes nothing.
async fn promotion_from_prediction_to_record(store: &Store) {
    use siasn_app::layanan::{self, HasilLangkah, kp};
    use siasn_domain::layanan::{Langkah, LangkahDitolak, StatusLayanan};
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 400,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let app = App::new(
        store.clone(),
        KonfigurasiApp::default(),
        Arc::new(JamSistem),
    );
    let hari_ini = app.sekarang().date_naive();
    let periode = siasn_domain::BulanTahun::of(hari_ini).hari_pertama();
    siasn_app::layanan::kp::atur_jadwal(
        &app,
        "uji",
        periode,
        hari_ini - chrono::Duration::days(10),
        hari_ini + chrono::Duration::days(10),
    )
    .await
    .unwrap()
    .unwrap();
    let ps = pegawai_jabar(&app).await;
    let jabar = |peran| PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let operator = akun_dengan(&app, &ps[0], jabar(Peran::OperatorInstansi)).await;
    let pejabat = akun_dengan(&app, &ps[1], jabar(Peran::PejabatInstansi)).await;
    let bkn = PeranAkun::new(Peran::VerifikatorBkn, None, None).unwrap();
    let bkn1 = akun_dengan(&app, &ps[2], bkn.clone()).await;
    let bkn2 = akun_dengan(&app, &ps[3], bkn).await;
    for a in [&pejabat, &bkn2] {
        siasn_app::ttd::terbitkan_sertifikat(&app, "uji", a.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap();
    }

    let prediksi = kp::prediksi(&app, &operator, periode, None)
        .await
        .unwrap()
        .unwrap();
    let layak: Vec<_> = prediksi
        .iter()
        .filter(|i| i.rancangan.hasil.boleh_diusulkan() && i.rancangan.data.is_some())
        .filter(|i| ![ps[0].id, ps[1].id, ps[2].id, ps[3].id].contains(&i.kandidat.pegawai_id))
        .collect();
    assert!(
        layak.len() >= 2,
        "prediction: {} candidates",
        prediksi.len()
    );
    let (a, b) = (layak[0].kandidat.pegawai_id, layak[1].kandidat.pegawai_id);
    let data = layak[0].rancangan.data.clone().unwrap();

    // Bad starts: a TMT that is not a period date, an employee outside the agency.
    let luar = store
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "KOTA-BANDUNG".into(),
                unor_id: None,
            },
            None,
            1,
        )
        .await
        .unwrap()
        .items[0]
        .id;
    let r = kp::mulai(&app, &operator, periode + chrono::Duration::days(14), &[a])
        .await
        .unwrap();
    assert_eq!(
        r,
        vec![(a, kp::HasilMulai::Ditolak(LangkahDitolak::BukanPeriode))]
    );
    let r = kp::mulai(&app, &operator, periode, &[luar]).await.unwrap();
    assert_eq!(r, vec![(luar, kp::HasilMulai::TidakDitemukan)]);
    assert!(matches!(
        kp::mulai(&app, &pejabat, periode, &[a]).await,
        Err(siasn_app::AppError::Dilarang)
    ));

    let r = kp::mulai(&app, &operator, periode, &[a, b]).await.unwrap();
    let ids: Vec<_> = r
        .iter()
        .map(|(_, h)| match h {
            kp::HasilMulai::Dibuat(id) => *id,
            h => panic!("{h:?}"),
        })
        .collect();
    let (id, id_b) = (ids[0], ids[1]);
    // A second case for the same employee and period.
    let r = kp::mulai(&app, &operator, periode, &[a]).await.unwrap();
    assert_eq!(
        r,
        vec![(a, kp::HasilMulai::Ditolak(LangkahDitolak::SudahAda))]
    );
    // Nor for the next period while this one is open: one promotion at a time.
    let berikut = siasn_domain::BulanTahun::of(periode)
        .tambah_bulan(1)
        .hari_pertama();
    let r = kp::mulai(&app, &operator, berikut, &[a]).await.unwrap();
    assert_eq!(
        r,
        vec![(a, kp::HasilMulai::Ditolak(LangkahDitolak::SudahAda))]
    );

    let versi = |id| async move {
        store
            .layanan_terlihat(id, &[siasn_domain::akses::Cakupan::Nasional])
            .await
            .unwrap()
    };
    // The file must be complete first; a document of the wrong type is refused.
    let k = versi(id).await;
    assert_eq!(k.status, StatusLayanan::InputBerkas);
    assert_eq!(
        layanan::langkah(&app, &operator, id, k.versi, Langkah::SimpanBerkas, None)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::BerkasBelumLengkap)
    );
    assert_eq!(
        layanan::lampirkan(&app, &operator, id, &[], &[unggahan("L03", "ktp")])
            .await
            .unwrap(),
        Err(layanan::LampiranDitolak::JenisTidakSesuai)
    );
    assert!(store.lampiran_layanan(id).await.unwrap().is_empty());
    for bid in [id, id_b] {
        let mut berkas = vec![unggahan("L02", "sk-terakhir"), unggahan("891", "skp")];
        if versi(bid).await.sub_jenis == "202" {
            berkas.push(unggahan("880", "sk-pak"));
        }
        layanan::lampirkan(&app, &operator, bid, &[], &berkas)
            .await
            .unwrap()
            .unwrap();
        let k = versi(bid).await;
        assert_eq!(
            layanan::langkah(&app, &operator, bid, k.versi, Langkah::SimpanBerkas, None)
                .await
                .unwrap(),
            HasilLangkah::Berhasil(StatusLayanan::BerkasDisimpan)
        );
        let k = versi(bid).await;
        assert_eq!(
            layanan::langkah(&app, &operator, bid, k.versi, Langkah::Ajukan, None)
                .await
                .unwrap(),
            HasilLangkah::Berhasil(StatusLayanan::SuratUsulan)
        );
        // BKN cannot act before the official; the operator cannot approve.
        let k = versi(bid).await;
        assert_eq!(
            layanan::langkah(&app, &bkn1, bid, k.versi, Langkah::SetujuiBkn, None)
                .await
                .unwrap(),
            HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
        );
        assert_eq!(
            layanan::langkah(
                &app,
                &operator,
                bid,
                k.versi,
                Langkah::SetujuiInstansi,
                None
            )
            .await
            .unwrap(),
            HasilLangkah::Ditolak(LangkahDitolak::BukanPelaksana)
        );
        assert_eq!(
            layanan::langkah(&app, &pejabat, bid, k.versi, Langkah::SetujuiInstansi, None)
                .await
                .unwrap(),
            HasilLangkah::Berhasil(StatusLayanan::ApprovalSuratUsulan)
        );
    }

    // TMS on the second: final, and it frees the period for a new case.
    let k = versi(id_b).await;
    assert_eq!(
        layanan::langkah(&app, &bkn1, id_b, k.versi, Langkah::Tms, Some(" "))
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::PerluAlasan)
    );
    assert_eq!(
        layanan::langkah(
            &app,
            &bkn1,
            id_b,
            k.versi,
            Langkah::Tms,
            Some("Ijazah tidak diakui")
        )
        .await
        .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::Tms)
    );
    assert_eq!(
        versi(id_b).await.alasan.as_deref(),
        Some("Ijazah tidak diakui")
    );
    let r = kp::mulai(&app, &operator, periode, &[b]).await.unwrap();
    assert!(matches!(r[0].1, kp::HasilMulai::Dibuat(_)), "{r:?}");

    // BTS: back to the operator, resubmitted in round 2.
    let k = versi(id).await;
    assert_eq!(
        layanan::langkah(
            &app,
            &bkn1,
            id,
            k.versi,
            Langkah::Bts,
            Some("SKP tahun lalu buram")
        )
        .await
        .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::Bts)
    );
    for (aktor, l) in [
        (&operator, Langkah::SimpanBerkas),
        (&operator, Langkah::Ajukan),
        (&pejabat, Langkah::SetujuiInstansi),
    ] {
        let k = versi(id).await;
        assert!(matches!(
            layanan::langkah(&app, aktor, id, k.versi, l, None)
                .await
                .unwrap(),
            HasilLangkah::Berhasil(_)
        ));
    }
    let k = versi(id).await;
    assert_eq!(
        (k.status, k.putaran),
        (StatusLayanan::ApprovalSuratUsulan, 2)
    );

    // Two BKN verifiers decide at once: exactly one wins.
    let (x, y) = tokio::join!(
        layanan::langkah(&app, &bkn1, id, k.versi, Langkah::SetujuiBkn, None),
        layanan::langkah(&app, &bkn2, id, k.versi, Langkah::SetujuiBkn, None),
    );
    let hasil = [x.unwrap(), y.unwrap()];
    assert_eq!(
        hasil
            .iter()
            .filter(|h| matches!(h, HasilLangkah::Berhasil(_)))
            .count(),
        1,
        "{hasil:?}"
    );
    // The loser raced inside the transaction, or read the case after the winner committed.
    assert_eq!(
        hasil
            .iter()
            .filter(|h| matches!(
                h,
                HasilLangkah::SudahBerubah
                    | HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
            ))
            .count(),
        1,
        "{hasil:?}"
    );
    let k = versi(id).await;
    assert_eq!(k.status, StatusLayanan::ValidasiDisetujui);

    // The SK cannot come before the pertek; the pertek is BKN's.
    assert_eq!(
        siasn_app::layanan::tandatangani_sk(&app, &pejabat, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
    );
    assert_eq!(
        siasn_app::layanan::terbitkan_pertek(&app, &pejabat, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::BukanPelaksana)
    );
    assert_eq!(
        siasn_app::layanan::terbitkan_pertek(&app, &bkn2, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::PertekDitandatangani)
    );
    let k = versi(id).await;
    let pertek = k.pertek.clone().unwrap();
    let dok = store.dokumen(pertek.dokumen_id.unwrap()).await.unwrap();
    assert!(store.isi_dokumen(&dok).await.unwrap().starts_with(b"%PDF-"));
    // An SK upload by a stranger to the case is refused.
    assert!(
        siasn_app::layanan::unggah_sk(&app, &bkn1, id, "X", Some(hari_ini), "sk.pdf", &pdf("sk"))
            .await
            .unwrap()
            .is_ok_and(|h| h == HasilLangkah::Ditolak(LangkahDitolak::BukanPelaksana))
    );

    let sebelum = store.pegawai(a).await.unwrap();
    assert_eq!(sebelum.golongan, Some(data.golongan_lama));
    assert_eq!(
        siasn_app::layanan::tandatangani_sk(&app, &pejabat, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(StatusLayanan::ProfilDiperbarui)
    );
    let k = versi(id).await;
    let sk = k.sk.clone().unwrap();
    let p = store.pegawai(a).await.unwrap();
    assert_eq!(p.golongan, Some(data.golongan_baru));
    assert_eq!(p.tmt_golongan, Some(periode));
    let rows = store
        .riwayat_pegawai(a, Some(siasn_domain::JenisRiwayat::Golongan))
        .await
        .unwrap();
    let baru = rows
        .iter()
        .find_map(|r| match &r.data {
            siasn_domain::DataRiwayat::Golongan(g) if g.sk.nomor == sk.nomor => {
                Some((r.id, g.clone()))
            }
            _ => None,
        })
        .expect("new rank row");
    assert_eq!(baru.1.nomor_pertek.as_deref(), Some(pertek.nomor.as_str()));
    assert_eq!(baru.1.masa_kerja_tahun, data.masa_kerja_golongan.tahun);
    assert_eq!(
        store
            .dokumen(sk.dokumen_id.unwrap())
            .await
            .unwrap()
            .riwayat_id,
        Some(baru.0)
    );
    // The new base salary from the TMT, on the SK.
    let gaji = store
        .riwayat_pegawai(a, Some(siasn_domain::JenisRiwayat::Gaji))
        .await
        .unwrap();
    assert!(gaji.iter().any(|r| matches!(&r.data,
        siasn_domain::DataRiwayat::Gaji(g) if g.sk.nomor == sk.nomor
            && Some(g.gaji_pokok) == data.gaji_pokok_baru
            && g.tmt_gaji == periode)));
    // Every step is in the case log, with who and from where.
    let jejak = store.jejak_layanan(id).await.unwrap();
    assert_eq!(jejak.first().unwrap().langkah, Langkah::Buat);
    assert_eq!(jejak.last().unwrap().langkah, Langkah::TandatanganiSk);
    assert!(
        jejak
            .iter()
            .all(|j| j.alamat.as_deref() == Some("192.0.2.7"))
    );
    assert!(jejak.iter().any(|j| j.putaran == 2));
    // Nothing more can happen; the audit chain holds and records the change once.
    assert_eq!(
        siasn_app::layanan::tandatangani_sk(&app, &pejabat, id, k.versi, FRASA)
            .await
            .unwrap(),
        HasilLangkah::Ditolak(LangkahDitolak::StatusTidakSesuai)
    );
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());
    let diubah = store
        .audit_tentang_pegawai(a, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.aksi == "pegawai.diubah")
        .count();
    assert_eq!(diubah, 1);
}

/// Certificates and signing as use cases: issued and imported certificates, the passphrase
/// counted toward a lock, revocation, a signer without the role; the seal signs a document
/// once; the check names the signer, the chain to the instance CA and the state at signing.
async fn certificates_sign_only_with_their_passphrase(store: &Store) {
    use siasn_app::ttd::{self, DokumenBaru};
    use siasn_domain::ttd::{AlasanTtd, StatusSertifikat};
    let app = app_dengan_demo(store).await;
    let ps = pegawai_jabar(&app).await;
    let jabar = |peran| PeranAkun::new(peran, Some("PROV-JABAR".into()), None).unwrap();
    let pejabat = akun_dengan(&app, &ps[0], jabar(Peran::PejabatInstansi)).await;
    let operator = akun_dengan(&app, &ps[1], jabar(Peran::OperatorInstansi)).await;
    let lain = akun_dengan(&app, &ps[2], jabar(Peran::PejabatInstansi)).await;
    let id = pejabat.pelaku.akun_id;

    // No certificate yet; an operator may not hold one; a short passphrase is refused.
    assert_eq!(
        ttd::buka_kunci(&app, &pejabat, FRASA)
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::TanpaSertifikat
    );
    assert_eq!(
        ttd::terbitkan_sertifikat(&app, "uji", operator.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::BukanPejabat
    );
    assert_eq!(
        ttd::terbitkan_sertifikat(&app, "uji", id, None, "pendek")
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::FrasaPendek { minimal: 10 }
    );
    let p = ttd::terbitkan_sertifikat(&app, "uji", id, Some("Kepala BKD"), FRASA)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        p.nomor_identitas.as_deref(),
        Some(ps[0].nomor_induk.as_str())
    );
    assert!(p.penerbit.contains("bukan CA pemerintah"), "{}", p.penerbit);
    // One live certificate per official.
    assert!(matches!(
        ttd::terbitkan_sertifikat(&app, "uji", id, None, FRASA).await,
        Err(siasn_app::AppError::SudahBerubah)
    ));

    // Wrong passphrases count down to a lock; the right one then waits for the lock.
    let batas = KonfigurasiApp::default().gagal_sebelum_kunci;
    for i in 1..batas {
        assert_eq!(
            ttd::buka_kunci(&app, &pejabat, "salah")
                .await
                .unwrap()
                .unwrap_err(),
            AlasanTtd::FrasaSalah { sisa: batas - i }
        );
    }
    assert!(matches!(
        ttd::buka_kunci(&app, &pejabat, "salah").await.unwrap(),
        Err(AlasanTtd::Terkunci { .. })
    ));
    assert!(matches!(
        ttd::buka_kunci(&app, &pejabat, FRASA).await.unwrap(),
        Err(AlasanTtd::Terkunci { .. })
    ));

    // Another official signs a letter; the check names them and the instance CA.
    ttd::terbitkan_sertifikat(&app, "uji", lain.pelaku.akun_id, None, FRASA)
        .await
        .unwrap()
        .unwrap();
    let terbuka = ttd::buka_kunci(&app, &lain, FRASA).await.unwrap().unwrap();
    let surat = siasn_card::surat::IsiSurat {
        kop: vec!["PEMERINTAH PROVINSI JAWA BARAT".into()],
        judul: "KEPUTUSAN".into(),
        nomor: "Nomor: 1".into(),
        isi: vec![],
        tempat_tanggal: "Bandung".into(),
        jabatan_penandatangan: "Gubernur".into(),
        nama_penandatangan: lain.nama.clone(),
        nip_penandatangan: String::new(),
        kaki: vec![],
    };
    let kotak = ttd::kotak_surat(&surat);
    let pdf = siasn_card::Perender::new().surat_pdf(&surat).unwrap();
    let mut tx = store.begin().await.unwrap();
    let d = ttd::tandatangani(
        &app,
        &mut tx,
        terbuka,
        pdf,
        DokumenBaru {
            kode: ttd::kode_baru(),
            jenis: "SK",
            judul: "Keputusan uji".into(),
            nomor: Some("1".into()),
            pegawai_id: Some(ps[3].id),
            layanan_id: None,
            rujukan: None,
            alasan: "Uji".into(),
            jabatan: "Gubernur".into(),
            kotak: Some(kotak),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let l = ttd::periksa_dokumen(&app, d.pdf.clone())
        .await
        .unwrap()
        .unwrap();
    assert!(l.sah(), "{l:?}");
    assert_eq!(l.terbitan.as_ref().unwrap().kode, d.kode);
    let t = &l.tanda_tangan[0];
    assert_eq!(t.hasil.penanda.as_ref().unwrap().nama, lain.nama);
    assert!(t.akar_dipercaya.as_ref().unwrap().contains("CA Instans"));
    assert_eq!(t.status, StatusSertifikat::Berlaku);

    // Revoked afterwards: it signs nothing more, what it signed stands.
    let penanda = store
        .penanda_akun(lain.pelaku.akun_id)
        .await
        .unwrap()
        .unwrap()
        .0;
    assert!(
        ttd::cabut(&app, "uji", penanda.id, "pindah jabatan")
            .await
            .unwrap()
    );
    assert!(!ttd::cabut(&app, "uji", penanda.id, "lagi").await.unwrap());
    assert_eq!(
        ttd::buka_kunci(&app, &lain, FRASA)
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::TanpaSertifikat
    );
    let l = ttd::periksa_dokumen(&app, d.pdf.clone())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(l.tanda_tangan[0].status, StatusSertifikat::DicabutSesudah);
    assert!(l.sah());

    // The seal signs an on-demand document once; the second request gets the same bytes.
    let kartu = siasn_card::Perender::new().surat_pdf(&surat).unwrap();
    let a = ttd::segelkan_sekali(&app, "uji:1", "KARTU", "Kartu uji", ps[3].id, kartu.clone())
        .await
        .unwrap();
    let b = ttd::segelkan_sekali(&app, "uji:1", "KARTU", "Kartu uji", ps[3].id, kartu)
        .await
        .unwrap();
    assert_eq!(
        ttd::dokumen_tersimpan(&app, "uji:1")
            .await
            .unwrap()
            .unwrap(),
        a
    );
    let l = ttd::periksa_dokumen(&app, b).await.unwrap().unwrap();
    assert!(l.sah() && l.terbitan.is_some(), "{l:?}");
    assert!(store.verifikasi_audit().await.unwrap().rusak.is_none());

    // Not a PDF at all.
    assert!(
        ttd::periksa_dokumen(&app, b"bukan".to_vec())
            .await
            .unwrap()
            .is_none()
    );
}

/// A PKCS#12 made by OpenSSL imports only with its passphrase and signs; a file that is not
/// one is said to be not one.
async fn a_pkcs12_from_openssl_imports_and_signs(store: &Store) {
    use siasn_app::ttd;
    use siasn_domain::ttd::AlasanTtd;
    use std::process::Command;
    if Command::new("openssl").arg("version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "openssl is required in CI"
        );
        return;
    }
    let app = app_dengan_demo(store).await;
    let ps = pegawai_jabar(&app).await;
    let grant = PeranAkun::new(Peran::PejabatInstansi, Some("PROV-JABAR".into()), None).unwrap();
    let pejabat = akun_dengan(&app, &ps[0], grant).await;
    let dir = tempfile::tempdir().unwrap();
    let jalan = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let subj = format!(
        "/C=ID/O=BKD Jawa Barat/CN={}/serialNumber={}",
        pejabat.nama,
        ps[0].nomor_induk.as_str()
    );
    jalan(&[
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
        "-days", "30", "-subj", &subj,
    ]);
    jalan(&[
        "pkcs12",
        "-export",
        "-inkey",
        "k.pem",
        "-in",
        "c.pem",
        "-out",
        "p.p12",
        "-passout",
        "pass:rahasia-bsre-1",
    ]);
    let p12 = std::fs::read(dir.path().join("p.p12")).unwrap();
    let akun = pejabat.pelaku.akun_id;
    assert_eq!(
        ttd::impor_pkcs12(&app, "uji", akun, p12.clone(), "bukan")
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::FrasaSalah { sisa: 0 }
    );
    assert_eq!(
        ttd::impor_pkcs12(&app, "uji", akun, b"%PDF-1.4".to_vec(), "x")
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::BukanPkcs12
    );
    let p = ttd::impor_pkcs12(&app, "uji", akun, p12, "rahasia-bsre-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.sumber, "PKCS12");
    assert_eq!(
        p.nomor_identitas.as_deref(),
        Some(ps[0].nomor_induk.as_str())
    );
    let terbuka = ttd::buka_kunci(&app, &pejabat, "rahasia-bsre-1")
        .await
        .unwrap()
        .unwrap();
    let pdf = surat_uji("UJI");
    let mut tx = store.begin().await.unwrap();
    let d = ttd::tandatangani(
        &app,
        &mut tx,
        terbuka,
        pdf,
        ttd::DokumenBaru {
            kode: ttd::kode_baru(),
            jenis: "SK",
            judul: "Uji".into(),
            nomor: None,
            pegawai_id: None,
            layanan_id: None,
            rujukan: None,
            alasan: "Uji".into(),
            jabatan: "Kepala".into(),
            kotak: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    // Intact, but its self-signed root is not trusted until an administrator trusts it.
    let l = ttd::periksa_dokumen(&app, d.pdf.clone())
        .await
        .unwrap()
        .unwrap();
    assert!(l.tanda_tangan[0].hasil.utuh);
    assert!(l.tanda_tangan[0].akar_dipercaya.is_none() && !l.sah());
    let ca = std::fs::read(dir.path().join("c.pem")).unwrap();
    ttd::percayai_akar(&app, "uji", &ca).await.unwrap();
    let l = ttd::periksa_dokumen(&app, d.pdf).await.unwrap().unwrap();
    assert!(l.sah(), "{l:?}");

    // An instance on imported certificates only: no CA-issued certificates, no seal until
    // one is imported (card PDFs stay unsigned), then the seal opens with the configured
    // passphrase and signs.
    let hanya_p12 = App::new(
        store.clone(),
        KonfigurasiApp {
            ttd_ca_instans: false,
            ttd_frasa_segel: Some("rahasia-bsre-1".into()),
            ..KonfigurasiApp::default()
        },
        Arc::new(JamSistem),
    );
    let lain = akun_dengan(
        &hanya_p12,
        &ps[1],
        PeranAkun::new(Peran::PejabatInstansi, Some("PROV-JABAR".into()), None).unwrap(),
    )
    .await;
    assert_eq!(
        ttd::terbitkan_sertifikat(&hanya_p12, "uji", lain.pelaku.akun_id, None, FRASA)
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::TanpaCaInstans
    );
    let polos = surat_uji("KARTU");
    let tanpa = ttd::segelkan_sekali(&hanya_p12, "k:1", "KARTU", "Kartu", ps[1].id, polos.clone())
        .await
        .unwrap();
    assert_eq!(tanpa, polos, "no seal: served as rendered");
    jalan(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "s.key",
        "-out",
        "s.pem",
        "-days",
        "30",
        "-subj",
        "/C=ID/O=BKD Jawa Barat/CN=Segel Elektronik BKD",
    ]);
    jalan(&[
        "pkcs12",
        "-export",
        "-inkey",
        "s.key",
        "-in",
        "s.pem",
        "-out",
        "s.p12",
        "-passout",
        "pass:rahasia-bsre-1",
    ]);
    let p12 = std::fs::read(dir.path().join("s.p12")).unwrap();
    assert_eq!(
        ttd::impor_segel(&hanya_p12, "uji", p12.clone(), "salah")
            .await
            .unwrap()
            .unwrap_err(),
        AlasanTtd::FrasaSalah { sisa: 0 }
    );
    ttd::impor_segel(&hanya_p12, "uji", p12, "rahasia-bsre-1")
        .await
        .unwrap()
        .unwrap();
    let bertanda = ttd::segelkan_sekali(&hanya_p12, "k:2", "KARTU", "Kartu", ps[1].id, polos)
        .await
        .unwrap();
    let l = ttd::periksa_dokumen(&hanya_p12, bertanda.clone())
        .await
        .unwrap()
        .unwrap();
    assert!(l.tanda_tangan[0].hasil.utuh, "{l:?}");
    let s = l.tanda_tangan[0].hasil.penanda.as_ref().unwrap();
    assert_eq!(s.nama, "Segel Elektronik BKD");
    assert!(!l.sah(), "not trusted before its root is");
    // Its self-signed root is trusted once an administrator trusts it.
    let pem = std::fs::read(dir.path().join("s.pem")).unwrap();
    ttd::percayai_akar(&hanya_p12, "uji", &pem).await.unwrap();
    let l = ttd::periksa_dokumen(&hanya_p12, bertanda)
        .await
        .unwrap()
        .unwrap();
    assert!(l.sah(), "{l:?}");
}

/// A timestamp authority over HTTP for tests: OpenSSL's `ts -reply` behind a minimal HTTP
/// listener (one request per connection). Returns its URL.
async fn tsa_openssl(dir: &std::path::Path) -> String {
    use std::process::Command;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let out = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "tsa.key",
            "-out",
            "tsa.pem",
            "-days",
            "30",
            "-subj",
            "/C=ID/O=Uji/CN=TSA Uji",
            "-addext",
            "extendedKeyUsage=critical,timeStamping",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        dir.join("tsa.cnf"),
        "[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ./serial\ncrypto_device = builtin\n\
         signer_cert = ./tsa.pem\nsigner_key = ./tsa.key\nsigner_digest = sha256\n\
         default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\n\
         tsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n",
    )
    .unwrap();
    std::fs::write(dir.join("serial"), "01\n").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let dir = dir.to_path_buf();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let (kepala, panjang) = loop {
                let n = s.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break (None, 0);
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let h = String::from_utf8_lossy(&buf[..i]).to_lowercase();
                    let n: usize = h
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    break (Some(i + 4), n);
                }
            };
            let Some(awal) = kepala else { continue };
            while buf.len() < awal + panjang {
                let n = s.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            std::fs::write(dir.join("req.tsq"), &buf[awal..]).unwrap();
            let out = Command::new("openssl")
                .args([
                    "ts",
                    "-reply",
                    "-config",
                    "tsa.cnf",
                    "-queryfile",
                    "req.tsq",
                    "-out",
                    "resp.tsr",
                ])
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let isi = std::fs::read(dir.join("resp.tsr")).unwrap();
            let kepala = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/timestamp-reply\r\n\
                 content-length: {}\r\nconnection: close\r\n\r\n",
                isi.len()
            );
            let _ = s.write_all(kepala.as_bytes()).await;
            let _ = s.write_all(&isi).await;
        }
    });
    format!("http://{addr}/tsa")
}

/// With a timestamp authority configured every signature carries its timestamp (PAdES B-T)
/// and the check reads it; a configured authority that does not answer stops the signing.
async fn a_configured_tsa_stamps_every_signature(store: &Store) {
    use siasn_app::ttd::{self, DokumenBaru};
    if std::process::Command::new("openssl")
        .arg("version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "openssl is required in CI"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = tsa_openssl(dir.path()).await;
    siasn_demo::buat(
        store,
        &siasn_demo::DemoConfig {
            pegawai: 30,
            ..siasn_demo::DemoConfig::default()
        },
    )
    .await
    .unwrap();
    let dengan = |url: &str| {
        App::new(
            store.clone(),
            KonfigurasiApp {
                ttd_tsa_url: Some(url.to_string()),
                ..KonfigurasiApp::default()
            },
            Arc::new(JamSistem),
        )
    };
    let app = dengan(&url);
    let ps = pegawai_jabar(&app).await;
    let grant = PeranAkun::new(Peran::PejabatInstansi, Some("PROV-JABAR".into()), None).unwrap();
    let pejabat = akun_dengan(&app, &ps[0], grant).await;
    ttd::terbitkan_sertifikat(&app, "uji", pejabat.pelaku.akun_id, None, FRASA)
        .await
        .unwrap()
        .unwrap();
    let dokumen = || DokumenBaru {
        kode: ttd::kode_baru(),
        jenis: "SK",
        judul: "Uji B-T".into(),
        nomor: None,
        pegawai_id: None,
        layanan_id: None,
        rujukan: None,
        alasan: "Uji".into(),
        jabatan: "Kepala".into(),
        kotak: None,
    };
    let pdf = surat_uji("UJI");
    let terbuka = ttd::buka_kunci(&app, &pejabat, FRASA)
        .await
        .unwrap()
        .unwrap();
    let mut tx = store.begin().await.unwrap();
    let d = ttd::tandatangani(&app, &mut tx, terbuka, pdf.clone(), dokumen())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let l = ttd::periksa_dokumen(&app, d.pdf).await.unwrap().unwrap();
    assert!(l.sah(), "{l:?}");
    let s = l.tanda_tangan[0].hasil.stempel.as_ref().expect("stamped");
    assert!(s.sah && s.tsa.as_ref().unwrap().nama == "TSA Uji", "{s:?}");

    // The authority is down: nothing is signed or recorded.
    let mati = dengan("http://127.0.0.1:9/tsa");
    let terbuka = ttd::buka_kunci(&mati, &pejabat, FRASA)
        .await
        .unwrap()
        .unwrap();
    let mut tx = store.begin().await.unwrap();
    let r = ttd::tandatangani(&mati, &mut tx, terbuka, pdf, dokumen()).await;
    assert!(
        matches!(r, Err(siasn_app::AppError::Ttd(ref e)) if e.contains("TSA")),
        "{r:?}"
    );
    tx.rollback().await.unwrap();
}

use pengadaan::participants_import_whole_and_get_numbers_by_the_rule;
use pensiun::{
    a_bup_pension_from_dpcp_to_record_and_the_daily_job, a_cltn_with_extension_and_return,
    mpp_and_a_detention_by_the_agency_and_status_reminders,
};
use peristiwa::events_reach_nats_webhooks_and_the_feed;
use pindah::a_transfer_between_two_agencies_moves_the_record_and_access_on_its_tmt;

conformance!(
    a_bup_pension_from_dpcp_to_record_and_the_daily_job,
    a_cltn_with_extension_and_return,
    mpp_and_a_detention_by_the_agency_and_status_reminders,
    a_transfer_between_two_agencies_moves_the_record_and_access_on_its_tmt,
    participants_import_whole_and_get_numbers_by_the_rule,
    events_reach_nats_webhooks_and_the_feed,
    proposals_apply_once_and_refuse_stale_changes,
    promotion_from_prediction_to_record,
    certificates_sign_only_with_their_passphrase,
    a_pkcs12_from_openssl_imports_and_signs,
    a_configured_tsa_stamps_every_signature
);
