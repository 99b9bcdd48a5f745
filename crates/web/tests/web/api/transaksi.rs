//! One transaction per save: a save that fails part-way keeps nothing.

use super::*;
use crate::common::spawn_app;

/// are not kept either.
async fn a_bkn_save_keeps_nothing_when_its_agency_approval_fails() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Jabar", jabar(), PENUH, 600).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let p = &demo.target;
    let pendidikan = |nomor: &str| {
        json!({
            "pnsOrangId": p.id.to_string(), "tkPendidikanId": "45",
            "pendidikanNama": "S-2 Manajemen SDM", "namaSekolah": "Institut Teknologi Bandung",
            "tahunLulus": "2020", "tglLulus": "15-09-2020", "nomorIjasah": nomor,
            "gelarBelakang": "M.M.", "isPendidikanPertama": "0",
        })
    };
    let usulan = |app: &App| {
        let store = app.store().clone();
        let (pid, akun) = (p.id, demo.akun(&nip(&demo.operator)));
        async move { store.usulan_saya(Some(pid), akun, 100).await.unwrap().len() }
    };
    let sebelum_usulan = usulan(&app).await;
    let dokumen_sebelum = app.store().dokumen_pegawai(p.id).await.unwrap().len();
    let (_, audit_sebelum) = jejak(&app, p).await;

    siasn_store::testing::gagalkan_update(app.store(), "usulan", "NEW.status = 'MENUNGGU_BKN'")
        .await;
    let mut isi = pendidikan("ITB/S2/2020/9");
    isi["path"] = Value::Array(vec![unggah_pdf(&api, "L01", "ijazah gagal").await]);
    let r = api.post_json("/pendidikan/save", &isi).await;
    assert_eq!(galat(&r, 500), "kesalahan server");
    assert_eq!(usulan(&app).await, sebelum_usulan);
    assert_eq!(
        app.store().dokumen_pegawai(p.id).await.unwrap().len(),
        dokumen_sebelum
    );
    assert_eq!(jejak(&app, p).await.1, audit_sebelum);
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );

    // Once the fault is gone the same save goes through to the BKN queue.
    siasn_store::testing::pulihkan(app.store(), "usulan").await;
    let m = simpan(&api, "pendidikan", pendidikan("ITB/S2/2020/9"), &["L01"]).await;
    let id = menunggu_bkn(&m, "rwPendidikanId");
    assert!(di_antrean_bkn(&app, &demo, id).await);
    assert_eq!(usulan(&app).await, sebelum_usulan + 1);
}

dua_mesin!(a_bkn_save_keeps_nothing_when_its_agency_approval_fails,);
