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

conformance!(proposals_apply_once_and_refuse_stale_changes);
