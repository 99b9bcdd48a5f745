//! Reads: every read endpoint answers in the national shapes, with the values on record, and
//! every read is audited.

use std::collections::HashMap;

use super::*;
use crate::common::spawn_app;
use serde_json::json;

/// A demo of 60 with the agency's full-scope client and the operator's tokens.
async fn siap(app: &App) -> (Demo, KlienBaru, Api) {
    let demo = siapkan(app).await;
    let k = daftar(app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(app, &k, &nip(&demo.operator)).await;
    (demo, k, api)
}

/// data-utama has every documented field, dates `dd-mm-yyyy` or null, and the values on record.
async fn data_utama_has_every_documented_field_and_the_values_on_record() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    for p in demo.jabar.iter().take(6) {
        let v = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await);
        let d = &v["data"];
        punya_bidang(d, DATA_UTAMA, "data-utama");
        periksa_tanggal(d, "data-utama");
        assert_eq!(d["id"], p.id.to_string());
        assert_eq!(d["nipBaru"], nip(p));
        assert_eq!(d["nama"], p.nama);
        assert_eq!(d["tglLahir"], tgl(p.tanggal_lahir));
        assert_eq!(d["tmtCpns"], json!(p.tmt_cpns.map(tgl)));
        assert_eq!(d["tmtPns"], json!(p.tmt_pns.map(tgl)));
        assert_eq!(d["instansiKerjaId"], "PROV-JABAR");
        assert_eq!(d["statusPegawai"], "PNS");
        assert_eq!(d["kanregId"], "03");
        assert_eq!(d["nik"], json!(p.nik.as_ref().map(|n| n.as_str())));
        assert_eq!(d["bpjs"], json!(p.bpjs));
        assert!(d["tmtPensiun"].as_str().is_some_and(tanggal_sah));
        for kosong in [
            "tempatLahirId",
            "gajiPokok",
            "kpknId",
            "lokasiKerjaId",
            "kartuAsn",
        ] {
            assert!(d[kosong].is_null(), "{kosong} not held: null");
        }
    }
}

/// The family reads list the spouses, children and parents on record in the documented shape.
async fn family_reads_list_spouses_children_and_parents() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let mut sudah = [false; 3];
    for p in &demo.jabar {
        let rows = app.store().riwayat_pegawai(p.id, None).await.unwrap();
        let n = |j: J| rows.iter().filter(|r| r.data.jenis() == j).count();
        if !sudah[0] && n(J::Pasangan) > 0 {
            let v = ok(&api.get(&format!("/pns/data-pasangan/{}", nip(p))).await);
            periksa_tanggal(&v, "data-pasangan");
            let list = v["data"]["listPasangan"].as_array().unwrap();
            assert_eq!(list.len(), n(J::Pasangan));
            for x in list {
                punya_bidang(
                    &x["orang"],
                    "nama tglLahir tempatLahir jenisKelamin gelarDepan gelarBlk aktaMeninggal tglMeninggal",
                    "pasangan.orang",
                );
                punya_bidang(
                    &x["dataPernikahan"],
                    "id aktaMenikah tgglMenikah aktaCerai tgglCerai status isPns",
                    "pasangan.dataPernikahan",
                );
                assert!(x["statusNikah"].is_string());
                assert!(x["dataPernikahan"]["id"].is_string());
            }
            sudah[0] = true;
        }
        if !sudah[1] && n(J::Anak) > 0 {
            let v = ok(&api.get(&format!("/pns/data-anak/{}", nip(p))).await);
            periksa_tanggal(&v, "data-anak");
            let list = v["data"]["listAnak"].as_array().unwrap();
            assert_eq!(list.len(), n(J::Anak));
            for x in list {
                punya_bidang(
                    x,
                    "id nama jenisKelamin jenisAnak tempatLahir kabupatenId tglLahir",
                    "anak",
                );
                assert!(x["tglLahir"].is_string());
            }
            sudah[1] = true;
        }
        if !sudah[2] && n(J::OrangTua) > 0 {
            let v = ok(&api.get(&format!("/pns/data-ortu/{}", nip(p))).await);
            periksa_tanggal(&v, "data-ortu");
            let d = v["data"].as_object().unwrap();
            assert!(d.contains_key("ayah") && d.contains_key("ibu"), "{v}");
            let mut ada = 0;
            for o in [&d["ayah"], &d["ibu"]] {
                if !o.is_null() {
                    punya_bidang(o, "nama tglLahir", "ortu");
                    ada += 1;
                }
            }
            assert_eq!(ada, n(J::OrangTua));
            sudah[2] = true;
        }
    }
    assert_eq!(sudah, [true; 3], "someone with spouse, children, parents");
}

/// Gives one employee a disciplinary penalty through the API (rare in the demo), then reads
/// every `rw-*` list of every PROV-JABAR PNS and checks each against the rows on record.
/// Returns the first row of each list by name, and the first document named in a `path`.
async fn baca_semua_riwayat(
    app: &App,
    demo: &Demo,
    api: &Api,
) -> (HashMap<&'static str, Value>, Option<(Uuid, String)>) {
    let subjek = &demo.jabar[3];
    let m = simpan(
        api,
        "hukdis",
        json!({
            "pnsOrangId": subjek.id.to_string(),
            "jenisHukumanId": "TEGURAN_TERTULIS",
            "alasanHukumanDisiplinNama": "Tidak masuk kerja tanpa keterangan",
            "hukumanTanggal": "01-07-2025",
            "masaTahun": "0",
            "masaBulan": "6",
            "skNomor": "800/HD-01/2025",
            "skTanggal": "25-06-2025",
        }),
        &["882"],
    )
    .await;
    selesai(&m, "rwHukdisId");

    let mut contoh: HashMap<&str, Value> = HashMap::new();
    let mut dokumen: Option<(Uuid, String)> = None;
    for p in &demo.jabar {
        for (nama, jenis) in RW {
            let r = api.get(&format!("/pns/rw-{nama}/{}", nip(p))).await;
            let v = ok(&r);
            assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
            let rows = v["data"]
                .as_array()
                .unwrap_or_else(|| panic!("rw-{nama}: {v}"));
            assert_eq!(v["count"], rows.len(), "rw-{nama}");
            let harap = match jenis {
                Some(j) => jumlah_baris(app, p, j).await,
                None => 0,
            };
            assert_eq!(rows.len(), harap, "rw-{nama} of {}", nip(p));
            periksa_tanggal(&v["data"], &format!("rw-{nama}"));
            for row in rows {
                assert!(row["id"].is_string(), "rw-{nama} id is a string: {row}");
                if dokumen.is_none()
                    && let Some(uri) = row["path"][0]["dok_uri"].as_str()
                {
                    dokumen = Some((p.id, uri.to_string()));
                }
            }
            if let Some(first) = rows.first() {
                contoh.entry(nama).or_insert_with(|| first.clone());
            }
        }
    }
    (contoh, dokumen)
}

/// Every `rw-*` list holds the rows on record with the documented fields, and `jabatan/pns` is
/// the positions list.
async fn every_history_list_holds_the_rows_on_record_in_the_documented_shape() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let (contoh, _) = baca_semua_riwayat(&app, &demo, &api).await;
    for (nama, bidang) in BIDANG_RW {
        let row = contoh
            .get(nama)
            .unwrap_or_else(|| panic!("someone has a {nama} row"));
        punya_bidang(row, bidang, &format!("rw-{nama}"));
    }
    assert!(contoh["jabatan"]["nomorSk"].is_string());

    // jabatan/pns is the positions list.
    let p0 = &demo.jabar[0];
    assert_eq!(
        ok(&api.get(&format!("/jabatan/pns/{}", nip(p0))).await)["data"],
        ok(&api.get(&format!("/pns/rw-jabatan/{}", nip(p0))).await)["data"]
    );
}

/// A row read by id is the same object as in its list; another kind's id, a malformed id and an
/// unknown id are refused.
async fn a_history_row_by_id_is_the_object_in_its_list() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let (contoh, _) = baca_semua_riwayat(&app, &demo, &api).await;
    for nama in BACA_ID {
        let row = &contoh[nama];
        let id = row["id"].as_str().unwrap();
        let v = ok(&api.get(&format!("/{nama}/id/{id}")).await);
        assert_eq!(&v["data"], row, "{nama}/id");
        let lain = if nama == "diklat" { "kursus" } else { "diklat" };
        galat(&api.get(&format!("/{lain}/id/{id}")).await, 404);
        galat(&api.get(&format!("/{nama}/id/bukan-uuid")).await, 400);
        galat(
            &api.get(&format!("/{nama}/id/{}", Uuid::now_v7())).await,
            404,
        );
    }
}

/// A document named in a row's `path` downloads as stored; an unknown one, none, and one out of
/// reach are refused.
async fn a_document_downloads_as_stored_and_out_of_reach_as_unknown() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let (_, dokumen) = baca_semua_riwayat(&app, &demo, &api).await;
    let (pemilik, uri) = dokumen.expect("a row with a document");
    let r = api.get(&format!("/download-dok?filePath={uri}")).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let id = Uuid::parse_str(uri.strip_prefix("dokumen/").unwrap()).unwrap();
    let d = app
        .store()
        .dokumen_pegawai(pemilik)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap();
    assert_eq!(r.body, app.store().isi_dokumen(&d).await.unwrap());
    assert_eq!(
        r.header("content-type").as_deref(),
        Some(d.media_type.as_str())
    );
    galat(
        &api.get(&format!(
            "/download-dok?filePath=dokumen/{}",
            Uuid::now_v7()
        ))
        .await,
        404,
    );
    galat(&api.get("/download-dok").await, 400);
    // Someone else's document, out of reach: as unknown.
    let luar = app
        .store()
        .dokumen_pegawai(demo.lain.id)
        .await
        .unwrap()
        .remove(0);
    galat(
        &api.get(&format!("/download-dok?filePath=dokumen/{}", luar.id))
            .await,
        404,
    );
}

/// The photo is unknown until one is confirmed, then the PNG bytes, audited like every read.
async fn the_photo_is_unknown_until_confirmed_then_the_png() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let p0 = &demo.jabar[0];
    galat(&api.get(&format!("/pns/photo/{}", p0.id)).await, 404);
    galat(&api.get("/pns/photo/bukan-uuid").await, 400);
    galat(&api.get(&format!("/pns/photo/{}", demo.lain.id)).await, 404);
    let png = png_kecil();
    let blob = app.store().simpan_blob(&png, "image/png").await.unwrap();
    let akun_p0 = demo.akun(&nip(p0));
    let now = siasn_web::Jam::sekarang(&app.jam);
    crate::common::pasang_foto(app.store(), p0.id, &blob, akun_p0, now).await;
    let r = api.get(&format!("/pns/photo/{}", p0.id)).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(r.body, png);
    let log = app.store().audit_tentang_pegawai(p0.id, 50).await.unwrap();
    assert!(log.iter().any(
        |e| e.aksi == "api.dibaca" && e.alasan.as_deref().is_some_and(|a| a.contains("photo"))
    ));
}

/// The agency's promotion and retirement lists check their dates, and the retirement list
/// holds only people retiring in the range, each read audited.
async fn the_promotion_and_retirement_lists_of_the_agency() {
    let app = spawn_app(60).await;
    let (_, _, api) = siap(&app).await;
    let v = ok(&api.get("/pns/list-kp-instansi?periode=2026-10-01").await);
    assert_eq!(v["count"], v["data"].as_array().unwrap().len());
    galat(&api.get("/pns/list-kp-instansi").await, 400);
    galat(
        &api.get("/pns/list-kp-instansi?periode=01-10-2026").await,
        400,
    );

    let v = ok(&api
        .get("/pns/list-pensiun-instansi?tglAwal=01-01-2026&tglAkhir=31-12-2030")
        .await);
    let items = v["data"].as_array().unwrap();
    assert!(!items.is_empty(), "someone retires by 2030");
    let (awal, akhir) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    );
    for x in items {
        punya_bidang(
            x,
            "id nama statusUsulan statusUsulanNama pnsId nipBaru pertekNomor skNomor pathSk pathPertek \
             pertekTgl skTgl instansiId instansiNama detailLayananNama tglLahir golonganId golonganKppId \
             tmtPensiun pathSkPreview",
            "list-pensiun-instansi",
        );
        periksa_tanggal(x, "list-pensiun-instansi");
        let t = NaiveDate::parse_from_str(x["tmtPensiun"].as_str().unwrap(), "%d-%m-%Y").unwrap();
        assert!(awal <= t && t <= akhir, "{t} in range");
        assert_eq!(x["instansiId"], "PROV-JABAR");
        // One audit event per employee listed.
        let pid = Uuid::parse_str(x["pnsId"].as_str().unwrap()).unwrap();
        let log = app.store().audit_tentang_pegawai(pid, 100).await.unwrap();
        assert!(log.iter().any(|e| {
            e.aksi == "api.dibaca"
                && e.alasan
                    .as_deref()
                    .is_some_and(|a| a.contains("list-pensiun-instansi"))
        }));
    }
    for q in [
        "tglAwal=2026-01-01&tglAkhir=31-12-2030",
        "tglAwal=01-01-2026",
        "tglAwal=31-12-2030&tglAkhir=01-01-2026",
        "",
    ] {
        galat(
            &api.get(&format!("/pns/list-pensiun-instansi?{q}")).await,
            400,
        );
    }
}

/// The unit reference lists the agency's units, paged by `limit` and `offset`.
async fn the_unit_reference_pages_by_limit_and_offset() {
    let app = spawn_app(60).await;
    let (_, _, api) = siap(&app).await;
    let v = ok(&api.get("/referensi/ref-unor?limit=5&offset=0").await);
    let unit = v["data"].as_array().unwrap();
    assert!(!unit.is_empty() && unit.len() <= 5);
    let total = v["count"].as_u64().unwrap();
    assert!(total >= unit.len() as u64);
    for u in unit {
        Uuid::parse_str(u["Id"].as_str().unwrap()).unwrap();
        assert!(u["NamaUnor"].is_string());
        assert_eq!(u["InstansiId"], "PROV-JABAR");
    }
    let semua = ok(&api.get("/referensi/ref-unor?limit=1000").await);
    let geser = ok(&api.get("/referensi/ref-unor?limit=2&offset=2").await);
    assert_eq!(
        geser["data"].as_array().unwrap()[..],
        semua["data"].as_array().unwrap()[2..4]
    );
    galat(&api.get("/referensi/ref-unor?limit=lima").await, 400);
}

/// The reference API answers with the gateway token only, as `id` and `nama` pairs, filtered
/// by `q`; an unknown list and no token are refused.
async fn the_reference_api_needs_only_the_gateway_token() {
    let app = spawn_app(60).await;
    let (_, _, api) = siap(&app).await;
    let gateway = api.dengan(api.gateway.as_deref(), None);
    for nama in REFERENSI {
        let r = gateway
            .get_abs(&format!("/referensi_siasn/1/{nama}/search"))
            .await;
        let v = ok(&r);
        let list = v["data"].as_array().unwrap();
        assert_eq!(v["count"], list.len());
        for x in list {
            let o = x.as_object().unwrap();
            assert_eq!(o.len(), 2, "{nama}: {x}");
            assert!(o["id"].is_string() && o["nama"].is_string(), "{nama}: {x}");
        }
        let disimpan = ![
            "alasan-hukuman-disiplin",
            "asn-jenjang-jabatan",
            "jenis-hukuman",
            "kel-jabatan",
            "lokasi",
            "pendidikan",
            "ref-jenjang-jf",
            "satuan-kerja",
        ]
        .contains(&nama);
        assert_eq!(!list.is_empty(), disimpan, "{nama}");
    }
    let v = ok(&gateway
        .get_abs("/referensi_siasn/1/latihan-struktural/search?q=pim")
        .await);
    let list = v["data"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(
        list.iter()
            .all(|x| x["nama"].as_str().unwrap().to_lowercase().contains("pim"))
    );
    galat(
        &gateway.get_abs("/referensi_siasn/1/tidak-ada/search").await,
        404,
    );
    assert_eq!(
        galat(
            &api.dengan(None, None)
                .get_abs("/referensi_siasn/1/agama/search")
                .await,
            401
        ),
        JWT
    );
}

/// Out of reach and unknown answer the same; a malformed NIP is refused.
async fn out_of_reach_reads_as_unknown_and_a_malformed_nip_is_refused() {
    let app = spawn_app(60).await;
    let (demo, _, api) = siap(&app).await;
    let luar = api
        .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
        .await;
    let tak_ada = api.get("/pns/data-utama/190001012000011999").await;
    galat(&luar, 404);
    galat(&tak_ada, 404);
    assert_eq!(luar.body, tak_ada.body);
    for salah in ["123", "19900101202012100X", "1990010120201210011"] {
        galat(&api.get(&format!("/pns/data-utama/{salah}")).await, 400);
        galat(&api.get(&format!("/pns/rw-jabatan/{salah}")).await, 400);
    }
}

/// Every read is audited with the client and the user, and the employee sees it in "who saw my
/// data".
async fn every_read_is_audited_and_the_employee_can_see_it() {
    let app = spawn_app(60).await;
    let (demo, k, api) = siap(&app).await;
    let t = nip(&demo.target);
    for jalur in ["data-utama", "rw-jabatan", "rw-skp22"] {
        ok(&api.get(&format!("/pns/{jalur}/{t}")).await);
    }
    let aktor = format!(
        "klien:{}/akun:{}",
        k.klien.id,
        demo.akun(&nip(&demo.operator))
    );
    let log = app
        .store()
        .audit_tentang_pegawai(demo.target.id, 500)
        .await
        .unwrap();
    let dibaca: Vec<_> = log.iter().filter(|e| e.aksi == "api.dibaca").collect();
    assert!(dibaca.iter().all(|e| e.aktor == aktor));
    for jalur in ["data-utama", "rw-jabatan", "rw-skp22"] {
        assert!(
            dibaca.iter().any(|e| e.alasan.as_deref().is_some_and(|a| {
                a.contains("SIMPEG Provinsi Jawa Barat") && a.contains(jalur)
            })),
            "{jalur} audited: {dibaca:?}"
        );
    }
    let mut c = peramban(&app, demo.akun(&nip(&demo.target)), 41).await;
    let page = c.get("/riwayat-akses").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Data Anda dibaca oleh aplikasi mitra (API)")
            && !page.body.contains("api.dibaca"),
        "{}",
        page.body
    );
    let entri = dibaca[0].id;
    // Not yet under a signed head: no proof link yet, and the proof says to come back later.
    assert!(!page.body.contains(&format!("/riwayat-akses/{entri}/bukti")));
    assert_eq!(
        c.get(&format!("/riwayat-akses/{entri}/bukti")).await.status,
        202
    );

    // The sequencer signs a head; the employee downloads a proof that checks offline.
    let kunci_dir = tempfile::tempdir().unwrap();
    let terbit_dir = tempfile::tempdir().unwrap();
    let kunci = siasn_app::audit::muat_kunci(kunci_dir.path(), true).unwrap();
    let tempat =
        siasn_store::terbit::TempatTerbit::dari_url(&terbit_dir.path().display().to_string())
            .unwrap();
    siasn_app::audit::Pengurut::baru(app.store().clone(), kunci.penanda.unwrap(), tempat)
        .terbitkan_sekarang()
        .await
        .unwrap();
    let page = c.get("/riwayat-akses").await;
    assert!(
        page.body.contains(&format!("/riwayat-akses/{entri}/bukti")),
        "{}",
        page.body
    );
    let unduh = c.get(&format!("/riwayat-akses/{entri}/bukti")).await;
    assert_eq!(unduh.status, 200);
    let bukti: siasn_app::audit::BuktiAudit = serde_json::from_str(&unduh.body).unwrap();
    assert_eq!(bukti.entri.id, entri);
    siasn_app::audit::periksa_bukti(&bukti, &kunci.publik).unwrap();

    // Someone else's entry looks like a missing one.
    let lain = app
        .store()
        .audit_tentang_pegawai(demo.operator.id, 5)
        .await
        .unwrap();
    if let Some(e) = lain.first() {
        assert_eq!(
            c.get(&format!("/riwayat-akses/{}/bukti", e.id))
                .await
                .status,
            404
        );
    }
}

/// X-Road's rule: a read whose audit entry cannot be written is not answered.
async fn a_read_whose_audit_cannot_be_written_fails_closed() {
    let app = spawn_app(60).await;
    let (demo, _k, api) = siap(&app).await;
    let t = nip(&demo.target);
    ok(&api.get(&format!("/pns/data-utama/{t}")).await);
    siasn_store::testing::gagalkan_insert(app.store(), "audit_masuk").await;
    let r = api.get(&format!("/pns/data-utama/{t}")).await;
    assert_eq!(r.status, 500, "{}", r.teks());
    assert!(
        !r.teks().contains(&demo.target.nama),
        "no personal data without its audit"
    );
    assert!(!r.teks().contains(&t));
    siasn_store::testing::pulihkan(app.store(), "audit_masuk").await;
    ok(&api.get(&format!("/pns/data-utama/{t}")).await);
}

dua_mesin!(
    data_utama_has_every_documented_field_and_the_values_on_record,
    family_reads_list_spouses_children_and_parents,
    every_history_list_holds_the_rows_on_record_in_the_documented_shape,
    a_history_row_by_id_is_the_object_in_its_list,
    a_document_downloads_as_stored_and_out_of_reach_as_unknown,
    the_photo_is_unknown_until_confirmed_then_the_png,
    the_promotion_and_retirement_lists_of_the_agency,
    the_unit_reference_pages_by_limit_and_offset,
    the_reference_api_needs_only_the_gateway_token,
    out_of_reach_reads_as_unknown_and_a_malformed_nip_is_refused,
    every_read_is_audited_and_the_employee_can_see_it,
    a_read_whose_audit_cannot_be_written_fails_closed,
);
