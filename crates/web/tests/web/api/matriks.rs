//! The client × user × endpoint authorisation matrix, with masking of what a client may not see.

use super::*;
use crate::common::spawn_app;
use siasn_domain::klien_api::JangkauanKlien;

/// The four clients of the matrix: full agency scopes, the default scopes, an agency client
/// without `keluarga`, and a national partner.
async fn klien_matriks(app: &App) -> [(&'static str, KlienBaru); 4] {
    [
        (
            "penuh",
            daftar(app, "SIMPEG Penuh", jabar(), PENUH, 6000).await,
        ),
        // No scopes named: the default (baca dokumen layanan referensi).
        ("baca", daftar(app, "SIMPEG Baca", jabar(), "", 6000).await),
        (
            "tanpa-keluarga",
            daftar(
                app,
                "SIMPEG Tanpa Keluarga",
                jabar(),
                "baca tulis dokumen layanan referensi nik asuransi",
                6000,
            )
            .await,
        ),
        // National: reads everyone; `tulis` granted but writes are agency acts.
        (
            "nasional",
            daftar(
                app,
                "Mitra Nasional",
                JangkauanKlien::Nasional,
                "baca tulis layanan nik keluarga asuransi",
                6000,
            )
            .await,
        ),
    ]
}

async fn authorisation_matrix_of_clients_users_and_endpoints() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let t = &demo.target;
    let klien = klien_matriks(&app).await;
    let pengguna = [
        ("operator", nip(&demo.operator)),
        ("diri", nip(t)),
        ("lain", nip(&demo.lain)),
        ("bkn", "verifikator.kanreg3".to_string()),
    ];
    // data-utama, data-anak, rw-jabatan, jabatan/save, jabatan/delete, referensi, list-kp.
    const HARAPAN: [(&str, &str, [u16; 7]); 16] = [
        ("penuh", "operator", [200, 200, 200, 200, 200, 200, 200]),
        ("penuh", "diri", [200, 200, 200, 403, 403, 200, 404]),
        ("penuh", "lain", [404, 404, 404, 404, 404, 200, 404]),
        ("penuh", "bkn", [200, 200, 200, 403, 403, 200, 200]),
        ("baca", "operator", [200, 403, 200, 403, 403, 200, 200]),
        ("baca", "diri", [200, 403, 200, 403, 403, 200, 404]),
        ("baca", "lain", [404, 403, 404, 403, 403, 200, 404]),
        ("baca", "bkn", [200, 403, 200, 403, 403, 200, 200]),
        (
            "tanpa-keluarga",
            "operator",
            [200, 403, 200, 200, 200, 200, 200],
        ),
        (
            "tanpa-keluarga",
            "diri",
            [200, 403, 200, 403, 403, 200, 404],
        ),
        (
            "tanpa-keluarga",
            "lain",
            [404, 403, 404, 404, 404, 200, 404],
        ),
        ("tanpa-keluarga", "bkn", [200, 403, 200, 403, 403, 200, 200]),
        ("nasional", "operator", [200, 200, 200, 403, 403, 403, 200]),
        ("nasional", "diri", [200, 200, 200, 403, 403, 403, 404]),
        ("nasional", "lain", [404, 404, 404, 404, 404, 403, 404]),
        ("nasional", "bkn", [200, 200, 200, 403, 403, 403, 200]),
    ];
    const TITIK: [&str; 7] = [
        "data-utama",
        "data-anak",
        "rw-jabatan",
        "jabatan/save",
        "jabatan/delete",
        "referensi",
        "list-kp",
    ];
    let jabatan_lama = app
        .store()
        .riwayat_pegawai(t.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    let baris_awal = jejak(&app, t).await.0;
    let mut unor: Option<String> = None;
    let mut salah = Vec::new();
    let mut sesi_ini = HashMap::new();
    for (nk, k) in &klien {
        for (np, login) in &pengguna {
            let api = sesi(&app, k, login).await;
            sesi_ini.insert((*nk, *np), api.clone());
            let harapan = HARAPAN
                .iter()
                .find(|(a, b, _)| a == nk && b == np)
                .unwrap()
                .2;
            let mut hasil = Vec::new();
            hasil.push(api.get(&format!("/pns/data-utama/{}", nip(t))).await);
            hasil.push(api.get(&format!("/pns/data-anak/{}", nip(t))).await);
            hasil.push(api.get(&format!("/pns/rw-jabatan/{}", nip(t))).await);
            let mut isi = jabatan_baru(t, unor.as_deref().unwrap_or("x"), "821/MATRIKS/BKD");
            if harapan[3] == 200 {
                let u = match &unor {
                    Some(u) => u.clone(),
                    None => {
                        let u = unor_pertama(&api).await;
                        unor = Some(u.clone());
                        u
                    }
                };
                isi = jabatan_baru(t, &u, &format!("821/MATRIKS/{nk}"));
                isi["path"] = json!([unggah_pdf(&api, "872", nk).await]);
            }
            let r = api.post_json("/jabatan/save", &isi).await;
            let baru = (r.status == 200).then(|| {
                Uuid::parse_str(r.json()["mapData"]["rwJabatanId"].as_str().unwrap()).unwrap()
            });
            hasil.push(r);
            hasil.push(
                api.delete(&format!("/jabatan/delete/{}", baru.unwrap_or(jabatan_lama)))
                    .await,
            );
            hasil.push(api.get_abs("/referensi_siasn/1/agama/search").await);
            hasil.push(
                api.get("/pns/list-kp-instansi?periode=2026-10-01&instansiId=PROV-JABAR")
                    .await,
            );
            for (i, r) in hasil.iter().enumerate() {
                if r.status != harapan[i] {
                    salah.push(format!(
                        "{nk} × {np} × {}: {} (expected {}): {}",
                        TITIK[i],
                        r.status,
                        harapan[i],
                        r.teks()
                    ));
                } else if r.status != 200 {
                    galat(r, r.status);
                } else {
                    assert_eq!(r.json()["code"], 1);
                }
            }
        }
    }
    assert!(
        salah.is_empty(),
        "matrix cells differ:\n{}",
        salah.join("\n")
    );
    assert_eq!(
        jejak(&app, t).await.0,
        baris_awal,
        "saved rows were deleted again"
    );
}

/// NIK and address are masked unless the client has `nik`; insurance and tax numbers unless
/// it has `asuransi`; the spouse's NIK follows the same rule.
async fn identifiers_are_masked_unless_the_client_is_granted_them() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let t = &demo.target;
    let klien = klien_matriks(&app).await;
    let operator = nip(&demo.operator);
    let mut sesi_ini = HashMap::new();
    sesi_ini.insert(
        ("penuh", "operator"),
        sesi(&app, &klien[0].1, &operator).await,
    );
    sesi_ini.insert(
        ("baca", "operator"),
        sesi(&app, &klien[1].1, &operator).await,
    );
    sesi_ini.insert(
        ("tanpa-keluarga", "operator"),
        sesi(&app, &klien[2].1, &operator).await,
    );
    sesi_ini.insert(
        ("nasional", "bkn"),
        sesi(&app, &klien[3].1, "verifikator.kanreg3").await,
    );
    let nik = t.nik.as_ref().unwrap().as_str().to_string();
    let bpjs = t.bpjs.clone().unwrap();
    let taspen = t.taspen.clone().unwrap();
    let alamat = t.alamat.clone().unwrap();
    let asuransi_saja = daftar(
        &app,
        "SIMPEG Asuransi",
        jabar(),
        "baca asuransi keluarga",
        6000,
    )
    .await;
    let api_asuransi = sesi(&app, &asuransi_saja, &nip(&demo.operator)).await;
    for (nama, api, buka_nik, buka_asuransi) in [
        ("penuh", &sesi_ini[&("penuh", "operator")], true, true),
        ("baca", &sesi_ini[&("baca", "operator")], false, false),
        (
            "tanpa-keluarga",
            &sesi_ini[&("tanpa-keluarga", "operator")],
            true,
            true,
        ),
        ("nasional", &sesi_ini[&("nasional", "bkn")], true, true),
        ("asuransi", &api_asuransi, false, true),
    ] {
        let v = ok(&api.get(&format!("/pns/data-utama/{}", nip(t))).await);
        let d = &v["data"];
        let tampak = |s: &str, buka: bool| if buka { s.to_string() } else { samar(s) };
        assert_eq!(d["nik"], tampak(&nik, buka_nik), "{nama}");
        assert_eq!(d["nomorIdDocument"], tampak(&nik, buka_nik), "{nama}");
        assert_eq!(d["alamat"], tampak(&alamat, buka_nik), "{nama}");
        assert_eq!(d["bpjs"], tampak(&bpjs, buka_asuransi), "{nama}");
        assert_eq!(d["noTaspen"], tampak(&taspen, buka_asuransi), "{nama}");
        assert_eq!(
            d["noNpwp"],
            json!(t.npwp.as_deref().map(|s| tampak(s, buka_asuransi))),
            "{nama}"
        );
        if !buka_nik {
            assert!(
                !String::from_utf8_lossy(
                    &api.get(&format!("/pns/data-utama/{}", nip(t))).await.body
                )
                .contains(&nik)
            );
        }
    }
    // The spouse's NIK follows the same rule.
    let pasangan = ok(&api_asuransi
        .get(&format!("/pns/data-pasangan/{}", nip(t)))
        .await);
    for x in pasangan["data"]["listPasangan"].as_array().unwrap() {
        if let Some(n) = x["orang"]["nik"].as_str() {
            assert!(n.starts_with('*'), "spouse NIK masked: {n}");
        }
    }
}

/// Reach is the client's and the user's together; uploads belong to their client; rows out of
/// reach read as unknown; the agency's verifier may write, its admin may only read.
async fn reach_is_the_clients_and_the_users_together() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let t = &demo.target;
    let klien = klien_matriks(&app).await;
    let mut sesi_ini = HashMap::new();
    sesi_ini.insert(
        ("penuh", "operator"),
        sesi(&app, &klien[0].1, &nip(&demo.operator)).await,
    );
    sesi_ini.insert(("penuh", "diri"), sesi(&app, &klien[0].1, &nip(t)).await);
    sesi_ini.insert(
        ("tanpa-keluarga", "operator"),
        sesi(&app, &klien[2].1, &nip(&demo.operator)).await,
    );
    let unor = Some(unor_pertama(&sesi_ini[&("penuh", "operator")]).await);
    let admin_bkn_jabar = sesi(&app, &klien[0].1, "admin.bkn").await;
    let admin_bkn_nasional = sesi(&app, &klien[3].1, "admin.bkn").await;
    galat(
        &admin_bkn_jabar
            .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
            .await,
        404,
    );
    ok(&admin_bkn_nasional
        .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
        .await);
    // An employee's token sees only their own record, even through the agency's client.
    let diri = &sesi_ini[&("penuh", "diri")];
    galat(
        &diri
            .get(&format!("/pns/data-utama/{}", nip(&demo.operator)))
            .await,
        404,
    );
    // An upload belongs to the client that made it.
    let dari_penuh = unggah_pdf(&sesi_ini[&("penuh", "operator")], "872", "milik-penuh").await;
    let mut isi = jabatan_baru(t, unor.as_deref().unwrap(), "821/LAIN-KLIEN/BKD");
    isi["path"] = json!([dari_penuh]);
    let pesan = galat(
        &sesi_ini[&("tanpa-keluarga", "operator")]
            .post_json("/jabatan/save", &isi)
            .await,
        400,
    );
    assert!(pesan.contains("dok_uri"), "{pesan}");
    // A row out of reach reads as an unknown id.
    let baris_luar = app
        .store()
        .riwayat_pegawai(demo.lain.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    let penuh = &sesi_ini[&("penuh", "operator")];
    let luar = penuh.get(&format!("/jabatan/id/{baris_luar}")).await;
    let tak_ada = penuh.get(&format!("/jabatan/id/{}", Uuid::now_v7())).await;
    galat(&luar, 404);
    assert_eq!(luar.body, tak_ada.body);
    galat(
        &penuh.delete(&format!("/jabatan/delete/{baris_luar}")).await,
        404,
    );
    // The verifier of the agency may write for its employees too.
    let verifikator = sesi(&app, &klien[0].1, &nip(&demo.verifikator)).await;
    let mut isi = jabatan_baru(t, unor.as_deref().unwrap(), "821/VERIF/BKD");
    isi["path"] = json!([unggah_pdf(&verifikator, "872", "verif").await]);
    let r = verifikator.post_json("/jabatan/save", &isi).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    // admin.jabar reads the agency but is neither operator nor verifier: no writes.
    let admin = sesi(&app, &klien[0].1, "admin.jabar").await;
    ok(&admin.get(&format!("/pns/data-utama/{}", nip(t))).await);
    galat(&admin.post_json("/jabatan/save", &isi).await, 403);
}

dua_mesin!(
    authorisation_matrix_of_clients_users_and_endpoints,
    identifiers_are_masked_unless_the_client_is_granted_them,
    reach_is_the_clients_and_the_users_together,
);
