//! The promotion service through the SIASN-compatible API: list-kp-instansi and
//! kp-instansi-byId answer from real cases with SIASN's status codes and field names, an SK
//! signed outside is uploaded with upload-dok-sk-kp and updates the record, and the SK then
//! downloads by its `path_ttd_sk`.

use super::*;
use crate::common::spawn_app;
use siasn_app::Aktor;
use siasn_app::layanan::{self, HasilLangkah, kp};
use siasn_app::usulan::Unggahan;
use siasn_domain::layanan::{Langkah, StatusLayanan};

async fn siap(app: &App) -> (Demo, Api) {
    let demo = siapkan(app).await;
    let k = daftar(app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(app, &k, &nip(&demo.operator)).await;
    (demo, api)
}

async fn aktor_baru(app: &App, login: &str, g: PeranAkun) -> Aktor {
    let penanda = matches!(g.peran, Peran::PejabatInstansi | Peran::VerifikatorBkn);
    let id = crate::common::buat_akun(
        app.store(),
        &AkunBaru {
            pegawai_id: None,
            nama_pengguna: Some(login.into()),
            nama: login.into(),
            email: None,
            peran: vec![g],
        },
    )
    .await;
    if penanda {
        crate::common::beri_sertifikat(app, id).await;
    }
    Aktor::akun(&app.store().akun(id).await.unwrap(), None)
}

/// Walks a new case for `pegawai_id` up to the SK step; the case and the agency official.
async fn kasus_sampai_pertek(app: &App, operator: &Aktor, pegawai_id: Uuid) -> (Uuid, Aktor) {
    let a = app.state.app();
    let periode = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let r = kp::mulai(a, operator, periode, &[pegawai_id])
        .await
        .unwrap();
    let kp::HasilMulai::Dibuat(id) = r[0].1 else {
        panic!("{r:?}")
    };
    let pejabat = aktor_baru(
        app,
        &format!("pejabat-{id}"),
        grant(Peran::PejabatInstansi, Some("PROV-JABAR"), None),
    )
    .await;
    let bkn = aktor_baru(
        app,
        &format!("bkn-{id}"),
        grant(Peran::VerifikatorBkn, None, None),
    )
    .await;
    let k = layanan::kasus(a, operator, id).await.unwrap();
    let mut unggahan: Vec<Unggahan> = ["L02", "891"]
        .iter()
        .map(|j| Unggahan {
            nama_file: format!("{j}.pdf"),
            jenis_dokumen_id: (*j).into(),
            isi: pdf(j),
        })
        .collect();
    if k.sub_jenis == "202" {
        unggahan.push(Unggahan {
            nama_file: "pak.pdf".into(),
            jenis_dokumen_id: "880".into(),
            isi: pdf("pak"),
        });
    }
    layanan::lampirkan(a, operator, id, &[], &unggahan)
        .await
        .unwrap()
        .unwrap();
    for (siapa, l) in [
        (operator, Langkah::SimpanBerkas),
        (operator, Langkah::Ajukan),
        (&pejabat, Langkah::SetujuiInstansi),
        (&bkn, Langkah::SetujuiBkn),
    ] {
        let k = layanan::kasus(a, siapa, id).await.unwrap();
        let h = layanan::langkah(a, siapa, id, k.versi, l, None)
            .await
            .unwrap();
        assert!(matches!(h, HasilLangkah::Berhasil(_)), "{l:?}: {h:?}");
    }
    let k = layanan::kasus(a, &bkn, id).await.unwrap();
    assert!(matches!(
        siasn_app::layanan::terbitkan_pertek(a, &bkn, id, k.versi, crate::common::FRASA_UJI)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(_)
    ));
    (id, pejabat)
}

async fn promotion_cases_through_the_api() {
    let app = spawn_app(400).await;
    let (demo, api) = siap(&app).await;
    let a = app.state.app();
    let operator = Aktor::akun(
        &app.store()
            .akun(demo.akun[&nip(&demo.operator)])
            .await
            .unwrap(),
        None,
    );
    let periode = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let staf = [demo.operator.id, demo.verifikator.id];
    let layak: Vec<Uuid> = kp::prediksi(a, &operator, periode, None)
        .await
        .unwrap()
        .unwrap()
        .into_iter()
        .filter(|i| i.rancangan.hasil.boleh_diusulkan() && i.rancangan.data.is_some())
        .map(|i| i.kandidat.pegawai_id)
        .filter(|id| !staf.contains(id))
        .collect();
    assert!(layak.len() >= 2, "two employees due in November 2026");
    let (siap_sk, _) = kasus_sampai_pertek(&app, &operator, layak[0]).await;
    let r = kp::mulai(a, &operator, periode, &[layak[1]]).await.unwrap();
    let kp::HasilMulai::Dibuat(baru) = r[0].1 else {
        panic!("{r:?}")
    };

    // The list: both cases, SIASN's fields, statuses and names.
    let v = ok(&api.get("/pns/list-kp-instansi?periode=2026-11-01").await);
    assert_eq!(v["count"], 2, "{v}");
    let cari = |v: &Value, id: Uuid| {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id.to_string())
            .cloned()
            .expect("the case")
    };
    let item = cari(&v, siap_sk);
    punya_bidang(
        &item,
        "id pnsId statusUsulan statusUsulanNama nipBaru nama no_pertek no_sk path_ttd_sk \
         path_ttd_pertek tgl_pertek tgl_sk golonganBaruId tmtKp path_preview_sk gaji_pokok_baru \
         gaji_pokok_lama masa_kerja_tahun masa_kerja_bulan jenis_kp jenis_prosedur",
        "list-kp-instansi",
    );
    periksa_tanggal(&item, "list-kp-instansi");
    assert_eq!(item["statusUsulan"], "22");
    assert_eq!(item["statusUsulanNama"], "Sdh di TTD - Pertek");
    assert_eq!(item["tmtKp"], "01-11-2026");
    assert!(item["no_pertek"].is_string());
    assert!(item["gaji_pokok_baru"].is_string());
    assert_eq!(cari(&v, baru)["statusUsulan"], "1");
    assert_eq!(
        ok(&api.get("/pns/list-kp-instansi?periode=2026-12-01").await)["count"],
        0
    );
    galat(
        &api.get("/pns/list-kp-instansi?periode=01-11-2026").await,
        400,
    );

    // One case by id; unknown and malformed ids.
    let v = ok(&api
        .get(&format!("/pns/kp-instansi-byId?IdUsulan={siap_sk}"))
        .await);
    assert_eq!(v["data"]["id"], siap_sk.to_string());
    galat(
        &api.get(&format!(
            "/pns/kp-instansi-byId?IdUsulan={}",
            Uuid::now_v7()
        ))
        .await,
        404,
    );
    galat(&api.get("/pns/kp-instansi-byId?IdUsulan=abc").await, 400);

    // An SK upload for a case not at the SK step: refused, nothing changes.
    let r = api
        .multipart(
            "/upload-dok-sk-kp",
            &[
                ("id_usulan", baru.to_string().as_str()),
                ("no_sk", "800/KP/1"),
                ("tgl_sk", "02-11-2026"),
            ],
            Some(("sk.pdf", pdf("sk-dini"))),
        )
        .await;
    galat(&r, 422);
    assert_eq!(
        app.store()
            .layanan_terlihat(baru, &[siasn_domain::akses::Cakupan::Nasional])
            .await
            .unwrap()
            .status,
        StatusLayanan::InputBerkas
    );

    // The SK signed outside: filed, applied, and downloadable by its path.
    let sebelum = app.store().pegawai(layak[0]).await.unwrap();
    let r = api
        .multipart(
            "/upload-dok-sk-kp",
            &[
                ("id_usulan", siap_sk.to_string().as_str()),
                ("no_sk", "800/KP-LUAR/2026/7"),
                ("tgl_sk", "02-11-2026"),
            ],
            Some(("sk-kp.pdf", pdf("sk-kp"))),
        )
        .await;
    let v = ok(&r);
    assert_eq!(v["data"]["dok_id"], "L02");
    let v = ok(&api
        .get(&format!("/pns/kp-instansi-byId?IdUsulan={siap_sk}"))
        .await);
    let item = &v["data"];
    assert_eq!(item["statusUsulan"], "31");
    assert_eq!(item["no_sk"], "800/KP-LUAR/2026/7");
    assert_eq!(item["tgl_sk"], "02-11-2026");
    let path = item["path_ttd_sk"].as_str().unwrap().to_string();
    let r = api.get(&format!("/download-dok?filePath={path}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, pdf("sk-kp"));
    let sesudah = app.store().pegawai(layak[0]).await.unwrap();
    assert_ne!(sebelum.golongan, sesudah.golongan);
    assert_eq!(
        item["golonganBaruId"],
        sesudah.golongan.unwrap().id().to_string()
    );
    let du = ok(&api.get(&format!("/pns/data-utama/{}", nip(&sesudah))).await);
    assert_eq!(
        du["data"]["golRuangAkhirId"],
        sesudah.golongan.unwrap().id().to_string()
    );
    assert_eq!(du["data"]["tmtGolAkhir"], "01-11-2026");

    // A case whose SK was signed in the system: its generated SK and pertek download by path.
    assert!(layak.len() >= 3, "three employees due in November 2026");
    let (ketiga, pejabat) = kasus_sampai_pertek(&app, &operator, layak[2]).await;
    let k = layanan::kasus(a, &pejabat, ketiga).await.unwrap();
    assert!(matches!(
        siasn_app::layanan::tandatangani_sk(a, &pejabat, ketiga, k.versi, crate::common::FRASA_UJI)
            .await
            .unwrap(),
        HasilLangkah::Berhasil(_)
    ));
    let v = ok(&api
        .get(&format!("/pns/kp-instansi-byId?IdUsulan={ketiga}"))
        .await);
    assert_eq!(v["data"]["statusUsulan"], "31");
    for kunci in ["path_ttd_sk", "path_ttd_pertek"] {
        let path = v["data"][kunci].as_str().unwrap().to_string();
        let r = api.get(&format!("/download-dok?filePath={path}")).await;
        assert_eq!(r.status, 200, "{kunci}");
        assert!(r.body.starts_with(b"%PDF-"), "{kunci}");
        // Signed by the official / BKN through the instance CA, unchanged, the copy issued.
        let l = siasn_app::ttd::periksa_dokumen(a, r.body.to_vec())
            .await
            .unwrap()
            .unwrap();
        assert!(l.sah() && l.terbitan.is_some(), "{kunci}: {l:?}");
    }
}

dua_mesin!(promotion_cases_through_the_api);
