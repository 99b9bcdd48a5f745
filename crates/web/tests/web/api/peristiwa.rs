//! The change feed (`GET /apisiasn/1.0/peristiwa`) and the admin's webhook page over HTTP:
//! a partner sees its agency's events in order with the NIP only under `baca`, pages with
//! `berikutnya`; an admin registers a webhook (https only), sees its secret once, its
//! progress and dead letters, and replays.

use super::*;
use crate::common::{csrf_dari, spawn_app};
use siasn_app::Aktor;
use siasn_app::peristiwa::Relay;
use siasn_domain::klien_api::JangkauanKlien;

async fn ubah_email(app: &App, aktor: &Aktor, p: &Pegawai, n: u32) {
    siasn_app::pegawai::ubah_email(
        app.state.app(),
        aktor,
        p,
        &format!("umpan{n}@contoh.go.id"),
        "uji umpan",
    )
    .await
    .unwrap();
}

async fn the_change_feed_and_the_webhook_page() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    // The test server runs no relay: rounds are run here.
    let relay = Relay::baru(app.store().clone(), None);
    relay.langkah().await.unwrap();
    let awal = app.store().posisi_peristiwa_terakhir().await.unwrap();
    let admin = Aktor::akun(
        &app.store().akun(demo.akun["admin.bkn"]).await.unwrap(),
        None,
    );
    ubah_email(&app, &admin, &demo.target, 1).await;
    ubah_email(&app, &admin, &demo.lain, 2).await;
    ubah_email(&app, &admin, &demo.target, 3).await;
    relay.langkah().await.unwrap();

    let baca = daftar(&app, "SIMPEG Jabar", jabar(), "baca", 6000).await;
    let api = Api {
        http: http(),
        base: dasar(&app),
        gateway: Some(token_gateway(&app, &baca).await),
        pengguna: None,
    };
    let v = ok(&api.get(&format!("/peristiwa?sejak={awal}")).await);
    let daftar_p = v["data"]["peristiwa"].as_array().unwrap();
    assert_eq!(daftar_p.len(), 2, "only the agency's: {v}");
    for e in daftar_p {
        assert_eq!(e["jenis"], "pegawai.email_diubah");
        assert_eq!(e["pegawai"]["nip"], nip(&demo.target));
        assert!(e["posisi"].as_i64().unwrap() > awal);
        assert!(!e.to_string().contains("umpan1@"), "no changed values");
    }
    let terakhir = app.store().posisi_peristiwa_terakhir().await.unwrap();
    assert_eq!(v["data"]["berikutnya"], terakhir);
    assert_eq!(v["data"]["masihAda"], false);
    // Paging: one at a time, then nothing after the end.
    let v1 = ok(&api.get(&format!("/peristiwa?sejak={awal}&limit=1")).await);
    assert_eq!(v1["data"]["masihAda"], true);
    let lanjut = v1["data"]["berikutnya"].as_i64().unwrap();
    let v2 = ok(&api.get(&format!("/peristiwa?sejak={lanjut}&limit=1")).await);
    assert_eq!(
        v2["data"]["peristiwa"][0]["id"], daftar_p[1]["id"],
        "the next page starts after the first"
    );
    let v3 = ok(&api.get(&format!("/peristiwa?sejak={terakhir}")).await);
    assert!(v3["data"]["peristiwa"].as_array().unwrap().is_empty());
    galat(&api.get("/peristiwa?sejak=-1").await, 400);
    galat(&api.get("/peristiwa?sejak=abc").await, 400);
    galat(&api.dengan(None, None).get("/peristiwa").await, 401);
    // A national client with service lists only: no data changes, and never a NIP.
    let layanan = daftar(&app, "Mitra", JangkauanKlien::Nasional, "layanan", 6000).await;
    let api_l = api.dengan(Some(&token_gateway(&app, &layanan).await), None);
    let v = ok(&api_l.get(&format!("/peristiwa?sejak={awal}")).await);
    assert!(v["data"]["peristiwa"].as_array().unwrap().is_empty(), "{v}");

    // The admin page: register a webhook for the client.
    let mut c = peramban(&app, demo.akun["admin.bkn"], 31).await;
    let page = c.get("/admin/klien-api").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Tambah webhook"));
    let csrf = csrf_dari(&page.body);
    let jalur = format!("/admin/klien-api/{}/webhook", baca.klien.id);
    let r = c
        .post(
            &jalur,
            &[("csrf", &csrf), ("url", "http://mitra.example/terima")],
        )
        .await;
    assert!(r.body.contains("harus https"), "{}", r.body);
    assert!(app.store().daftar_webhook(None).await.unwrap().is_empty());
    let r = c
        .post(
            &jalur,
            &[
                ("csrf", &csrf),
                ("url", "https://simpeg.jabar.go.id/siasn/peristiwa"),
                ("dari_awal", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Webhook didaftarkan"), "{}", r.body);
    let w = app.store().daftar_webhook(None).await.unwrap().remove(0);
    assert!(r.body.contains(&w.rahasia), "the secret, once");
    assert_eq!(w.posisi, 0, "from the start");
    let r = c.get("/admin/klien-api").await;
    assert!(!r.body.contains(&w.rahasia), "never again");
    assert!(
        r.body
            .contains(&format!("Terkirim sampai peristiwa ke 0 dari {terakhir}"))
    );

    // An agency admin may not point the relay at this machine or a private network.
    let mut admin_jabar = peramban(&app, demo.akun["admin.jabar"], 33).await;
    let csrf_j = csrf_dari(&admin_jabar.get("/admin/klien-api").await.body);
    for internal in [
        "https://127.0.0.1:9/x",
        "https://10.0.0.5/x",
        "http://localhost/x",
    ] {
        let r = admin_jabar
            .post(&jalur, &[("csrf", &csrf_j), ("url", internal)])
            .await;
        assert!(
            r.body.contains("jaringan internal"),
            "{internal}: {}",
            r.body
        );
    }
    assert_eq!(app.store().daftar_webhook(None).await.unwrap().len(), 1);

    // A dead letter shows with its error; replay clears it and rewinds the webhook.
    app.store()
        .webhook_menyerah(
            w.id,
            0,
            5,
            9,
            "penerima menjawab HTTP 503",
            app.state.sekarang(),
        )
        .await
        .unwrap();
    let r = c.get("/admin/klien-api").await;
    assert!(
        r.body.contains("Peristiwa yang gagal dikirim"),
        "{}",
        r.body
    );
    assert!(r.body.contains("#5 · 9 percobaan"));
    assert!(r.body.contains("HTTP 503"));
    let r = c
        .post(
            &format!("/admin/webhook/{}/ulang", w.id),
            &[("csrf", &csrf), ("dari", "3")],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("Peristiwa yang gagal dikirim"));
    assert_eq!(app.store().webhook(w.id).await.unwrap().posisi, 2);
    let r = c
        .post(
            &format!("/admin/webhook/{}/status", w.id),
            &[("csrf", &csrf), ("aktif", "0")],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(!app.store().webhook(w.id).await.unwrap().aktif);
    // An agency admin of another agency cannot touch it.
    let jatim = crate::common::sebagai(
        &app,
        None,
        vec![grant(Peran::AdminInstansi, Some("KAB-GOWA"), None)],
        32,
    )
    .await;
    let mut jatim = jatim;
    let csrf2 = csrf_dari(&jatim.get("/admin/klien-api").await.body);
    let r = jatim
        .post(
            &format!("/admin/webhook/{}/ulang", w.id),
            &[("csrf", &csrf2), ("dari", "1")],
        )
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(app.store().webhook(w.id).await.unwrap().posisi, 2);
}

dua_mesin!(the_change_feed_and_the_webhook_page,);
