//! The OpenAPI description covers every route the server answers.

use super::*;
use crate::common::spawn_app;

async fn the_openapi_description_covers_every_route() {
    let app = spawn_app(0).await;
    let api = Api {
        http: http(),
        base: dasar(&app),
        gateway: None,
        pengguna: None,
    };
    let r = api.get_abs("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let spec = r.json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = spec["paths"].as_object().unwrap();

    let mut harap: Vec<(String, &str)> = vec![
        ("/oauth2/token".into(), "post"),
        (
            "/auth/realms/public-siasn/protocol/openid-connect/token".into(),
            "post",
        ),
    ];
    for p in [
        "/pns/data-utama/{nip}",
        "/pns/data-pasangan/{nip}",
        "/pns/data-anak/{nip}",
        "/pns/data-ortu/{nip}",
        "/jabatan/pns/{nip}",
        "/pns/photo/{pnsId}",
        "/pns/list-kp-instansi",
        "/pns/kp-instansi-byId",
        "/pns/list-pensiun-instansi",
        "/referensi/ref-unor",
        "/download-dok",
        "/pns/nilaiipasn",
        "/pns/nilaiipasn/{nip}",
        "/pns/data-utama-jabatansync",
        "/pns/data-utama-jabatansync/{id}",
        "/pns/data-utama-golongansync",
        "/pns/data-utama-golongansync/{id}",
        "/pengadaan/list-pengadaan-instansi",
        "/pengadaan/dokumen-pengadaan",
        "/peristiwa",
    ] {
        harap.push((format!("{D}{p}"), "get"));
    }
    for p in [
        "/pns/data-utama-update",
        "/upload-dok",
        "/upload-dok-rw",
        "/upload-dok-sk-kp",
    ] {
        harap.push((format!("{D}{p}"), "post"));
    }
    for (nama, _) in RW {
        harap.push((format!("{D}/pns/rw-{nama}/{{nip}}"), "get"));
    }
    for nama in BACA_ID {
        harap.push((format!("{D}/{nama}/id/{{id}}"), "get"));
    }
    for nama in [
        "jabatan",
        "jabatan/unorjabatan",
        "angkakredit",
        "diklat",
        "kursus",
        "hukdis",
        "penghargaan",
        "kinerjaperiodik",
        "skp",
        "skp/2021",
        "skp22",
        "cpns",
        "pendidikan",
        "golongan",
    ] {
        harap.push((format!("{D}/{nama}/save"), "post"));
    }
    for nama in [
        "angkakredit",
        "kinerjaperiodik",
        "kursus",
        "penghargaan",
        "jabatan",
        "diklat",
    ] {
        harap.push((format!("{D}/{nama}/delete/{{id}}"), "delete"));
    }
    for nama in REFERENSI {
        harap.push((format!("/referensi_siasn/1/{nama}/search"), "get"));
    }
    let kurang: Vec<String> = harap
        .iter()
        .filter(|(p, m)| paths.get(p).and_then(|o| o.get(*m)).is_none())
        .map(|(p, m)| format!("{} {p}", m.to_uppercase()))
        .collect();
    assert!(
        kurang.is_empty(),
        "missing from the description: {kurang:#?}"
    );
    for (p, ops) in paths {
        for (m, op) in ops.as_object().unwrap() {
            assert!(op["summary"].is_string(), "{m} {p} has a summary");
        }
    }

    let r = api.get_abs("/api").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let html = r.teks();
    assert!(html.contains("/apisiasn/1.0/pns/data-utama/{nip}"));
    assert!(html.contains("/api/openapi.json"));

    // An unknown path under the API bases answers in the API's envelope.
    galat(&api.get("/pns/tidak-ada").await, 404);
    galat(&api.get_abs("/referensi_siasn/2/agama").await, 404);
}

// ---------------------------------------------------------------------------------------------
// 6. One transaction per save.

dua_mesin!(the_openapi_description_covers_every_route,);
