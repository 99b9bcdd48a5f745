//! The calls existing client libraries make that used to fail (issue 23), each through the
//! real server: the endpoints that were missing, save first and attach after, document type
//! 890, the SKP year windows per model, JSON token bodies, the printed client id, `limit=0`,
//! and the card photo read back through the API.

use super::*;
use crate::common::spawn_app;
use siasn_domain::klien_api::JangkauanKlien;
use siasn_domain::usulan::StatusUsulan;

async fn siap(app: &App) -> (Demo, KlienBaru, Api) {
    let demo = siapkan(app).await;
    let k = daftar(app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(app, &k, &nip(&demo.operator)).await;
    (demo, k, api)
}

/// A save answered 200 with the given status; its `mapData`.
async fn simpan_tanpa_path(api: &Api, jenis: &str, isi: Value, status: &str) -> Value {
    let r = api.post_json(&format!("/{jenis}/save"), &isi).await;
    assert_eq!(r.status, 200, "{jenis}/save: {}", r.teks());
    let v = r.json();
    assert_eq!(v["success"], true, "{v}");
    assert_eq!(v["mapData"]["status"], status, "{v}");
    v
}

async fn lampirkan(api: &Api, id_riwayat: &str, jenis: &str) -> Value {
    let r = api
        .multipart(
            "/upload-dok-rw",
            &[("id_riwayat", id_riwayat), ("id_ref_dokumen", jenis)],
            Some(("dokumen.pdf", pdf(&format!("{id_riwayat}-{jenis}")))),
        )
        .await;
    ok(&r)["data"].clone()
}

fn skp22_tanpa_path(pid: &str, tahun: &str) -> Value {
    json!({
        "id": null, "pnsDinilaiOrang": pid, "tahun": tahun,
        "hasilKinerjaNilai": "1", "perilakuKerjaNilai": "1", "kuadranKinerjaNilai": null,
        "penilaiNama": "Drs. Atasan Langsung", "penilaiNipNrp": "197001011990031001",
    })
}

/// Whether the employee's `rw-{nama}` list holds row `id`.
async fn ada_di_rw(api: &Api, p: &Pegawai, nama: &str, id: &str) -> bool {
    let v = ok(&api.get(&format!("/pns/rw-{nama}/{}", nip(p))).await);
    v["data"].as_array().unwrap().iter().any(|x| x["id"] == id)
}

/// A history row saved without `path` waits for its document; `upload-dok-rw` naming the id
/// returned (under both SKP spellings) applies it, document attached. A BKN-authority row
/// waits the same way and then goes to BKN; a document of a type the row does not accept
/// leaves it waiting; a correction waits under the row's own id.
async fn a_save_without_its_document_waits_for_upload_dok_rw() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();

    // Agency authority: waits, then applies when the document arrives.
    let v = simpan_tanpa_path(
        &api,
        "skp22",
        skp22_tanpa_path(&pid, "2025"),
        "MENUNGGU_DOKUMEN",
    )
    .await;
    let m = &v["mapData"];
    let id = m["rwSkp22Id"].as_str().unwrap().to_string();
    assert_eq!(m["rwSkpId"], id, "both spellings: {m}");
    assert!(
        v["message"].as_str().unwrap().contains("upload-dok-rw"),
        "{v}"
    );
    let usulan = Uuid::parse_str(m["usulanId"].as_str().unwrap()).unwrap();
    assert_eq!(
        app.store().usulan(usulan).await.unwrap().status,
        StatusUsulan::Draf,
        "kept as the operator's draft, out of every verifier's queue"
    );
    assert!(
        !ada_di_rw(&api, p, "skp22", &id).await,
        "not applied before its document"
    );
    let d = lampirkan(&api, &id, "890").await;
    assert_eq!(d["status"], "SELESAI", "{d}");
    assert_eq!(d["dok_id"], "890");
    let uri = d["dok_uri"].as_str().unwrap().to_string();
    assert!(ada_di_rw(&api, p, "skp22", &id).await);
    let baris = ok(&api.get(&format!("/skp22/id/{id}")).await)["data"].clone();
    assert_eq!(baris["path"][0]["dok_uri"], uri, "{baris}");
    assert_eq!(
        app.store().usulan(usulan).await.unwrap().status,
        StatusUsulan::Selesai
    );
    let log = app.store().audit_tentang_pegawai(p.id, 100).await.unwrap();
    for aksi in [
        "usulan.disimpan",
        "dokumen.dilampirkan",
        "usulan.ajukan",
        "pegawai.diubah",
    ] {
        assert!(log.iter().any(|e| e.aksi == aksi), "{aksi} audited");
    }

    // BKN authority: waits; a wrong type keeps it waiting; the right one sends it to BKN.
    let v = simpan_tanpa_path(
        &api,
        "pendidikan",
        json!({
            "id": null, "pnsOrangId": pid, "tkPendidikanId": "45",
            "pendidikanNama": "S-2 Administrasi Publik", "namaSekolah": "Universitas Padjadjaran",
            "tahunLulus": "2019", "tglLulus": "20-08-2019", "nomorIjasah": "UNPAD/S2/2019/9",
        }),
        "MENUNGGU_DOKUMEN",
    )
    .await;
    let id = v["mapData"]["rwPendidikanId"].as_str().unwrap().to_string();
    let usulan = Uuid::parse_str(v["mapData"]["usulanId"].as_str().unwrap()).unwrap();
    assert!(!di_antrean_bkn(&app, &demo, usulan).await);
    assert_eq!(
        lampirkan(&api, &id, "872").await["status"],
        "MENUNGGU_DOKUMEN"
    );
    assert!(!di_antrean_bkn(&app, &demo, usulan).await);
    assert_eq!(lampirkan(&api, &id, "L01").await["status"], "MENUNGGU_BKN");
    assert!(di_antrean_bkn(&app, &demo, usulan).await);
    assert_eq!(
        app.store().lampiran_usulan(usulan).await.unwrap().len(),
        2,
        "both documents travel with the proposal"
    );

    // A correction without its document waits under the row's id.
    let baris = app
        .store()
        .riwayat_pegawai(p.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .clone();
    let unor = unor_pertama(&api).await;
    let mut ubah = jabatan_baru(p, &unor, "821/KOREKSI-TANPA-PATH/BKD");
    ubah["id"] = json!(baris.id.to_string());
    let v = simpan_tanpa_path(&api, "jabatan", ubah, "MENUNGGU_DOKUMEN").await;
    assert_eq!(v["mapData"]["rwJabatanId"], baris.id.to_string());
    let d = lampirkan(&api, &baris.id.to_string(), "872").await;
    assert_eq!(d["status"], "SELESAI", "{d}");
    let v = ok(&api.get(&format!("/jabatan/id/{}", baris.id)).await);
    assert_eq!(v["data"]["nomorSk"], "821/KOREKSI-TANPA-PATH/BKD");

    // Another user of the agency cannot attach to the operator's waiting save: as unknown.
    let v = simpan_tanpa_path(
        &api,
        "skp22",
        skp22_tanpa_path(&pid, "2024"),
        "MENUNGGU_DOKUMEN",
    )
    .await;
    let id = v["mapData"]["rwSkp22Id"].as_str().unwrap().to_string();
    let k2 = daftar(&app, "SIMPEG kedua", jabar(), PENUH, 6000).await;
    let api2 = sesi(&app, &k2, &nip(&demo.verifikator)).await;
    let r = api2
        .multipart(
            "/upload-dok-rw",
            &[("id_riwayat", id.as_str()), ("id_ref_dokumen", "890")],
            Some(("dokumen.pdf", pdf("asing"))),
        )
        .await;
    galat(&r, 404);
    assert!(!ada_di_rw(&api, p, "skp22", &id).await);
}

/// Document type 890 ("Riwayat Kinerja") backs a periodic appraisal; SKP up to 2021 saves
/// for its own years through `skp/save` and `skp/2021/save` (with initiative), and each model
/// refuses the other's years.
async fn appraisal_documents_and_year_windows_follow_the_model() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let m = simpan(
        &api,
        "kinerjaperiodik",
        json!({
            "id": null, "pnsDinilaiOrang": pid, "tahun": "2025",
            "bulanMulaiPenilaian": "1", "bulanSelesaiPenilaian": "12",
            "hasilKinerjaNilai": "2", "perilakuKerjaNilai": "2", "kuadranKinerjaNilai": "2",
        }),
        &["890"],
    )
    .await;
    let id = selesai(&m, "rwKinerjaPeriodikId");
    assert_eq!(m["rwSkp22Id"], id.to_string(), "{m}");

    let lama = |tahun: &str| {
        json!({
            "pnsId": pid, "tahun": tahun, "nilaiSkp": "85", "orientasiPelayanan": "80",
            "integritas": "80", "komitmen": "80", "disiplin": "80", "kerjasama": "80",
            "kepemimpinan": null, "penilaiNama": "Drs. Atasan",
        })
    };
    let skp2019 = selesai(
        &simpan(&api, "skp", lama("2019"), &["891"]).await,
        "rwSkpId",
    );
    let mut tahun2021 = lama("2021");
    tahun2021["inisiatifKerja"] = json!("82");
    let skp2021 = selesai(
        &simpan(&api, "skp/2021", tahun2021, &["891"]).await,
        "rwSkpId",
    );
    let v = ok(&api.get(&format!("/skp/id/{skp2021}")).await);
    assert_eq!(v["data"]["tahun"], "2021");
    assert_eq!(v["data"]["inisiatifKerja"], 82.0);
    assert_eq!(v["data"]["jenisPeraturanKinerjaKd"], "PP30");
    let v = ok(&api.get(&format!("/skp/id/{skp2019}")).await);
    assert_eq!(v["data"]["jenisPeraturanKinerjaKd"], "PP46");

    let sebelum = jejak(&app, p).await;
    // The numeric model for a kuadran year, before 2014, and skp/2021 for another year.
    for (jalur, isi) in [
        ("/skp/save", lama("2025")),
        ("/skp/save", lama("2013")),
        ("/skp/2021/save", lama("2020")),
    ] {
        let mut isi = isi;
        isi["path"] = json!([unggah_pdf(&api, "891", "skp-ditolak").await]);
        let pesan = galat(&api.post_json(jalur, &isi).await, 422);
        assert!(pesan.contains("SKP") || pesan.contains("skp"), "{pesan}");
    }
    assert_eq!(jejak(&app, p).await, sebelum);
}

/// The endpoints that were missing answer in the national shapes: IP ASN (by path and by
/// query, from the record), the three assessment histories, the procurement lists.
async fn the_missing_read_endpoints_answer_in_the_national_shapes() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let p = &demo.target;
    let n = nip(p);
    let a = ok(&api.get(&format!("/pns/nilaiipasn/{n}?nipBaru={n}")).await)["data"].clone();
    let b = ok(&api.get(&format!("/pns/nilaiipasn?nipBaru={n}")).await)["data"].clone();
    let dimensi = |v: &Value| {
        ["kualifikasi", "kompetensi", "kinerja", "disiplin"]
            .map(|k| v[k].as_u64().unwrap_or_else(|| panic!("{k}: {v}")))
    };
    assert_eq!(dimensi(&a), dimensi(&b));
    let [kualifikasi, kompetensi, kinerja, disiplin] = dimensi(&a);
    assert!((1..=25).contains(&kualifikasi) && kompetensi <= 40 && kinerja <= 30);
    assert_eq!(a["subtotal"], kualifikasi + kompetensi + kinerja + disiplin);
    assert_eq!(a["nipBaru"], n);
    assert!(a["created_at"].is_string() && a["kategori"].is_string());
    // The record drives it: a heavy penalty this year takes discipline to 1.
    let hukdis = json!({
        "pnsOrangId": p.id.to_string(), "jenisHukumanId": "07",
        "alasanHukumanDisiplinNama": "Uji", "hukumanTanggal": "01-06-2026",
        "masaTahun": "1", "masaBulan": "0", "skNomor": "800/HD-IPASN/2026", "skTanggal": "25-05-2026",
    });
    selesai(
        &simpan(&api, "hukdis", hukdis, &["882"]).await,
        "rwHukdisId",
    );
    let c = ok(&api.get(&format!("/pns/nilaiipasn/{n}")).await)["data"].clone();
    assert_eq!(c["disiplin"], 1, "{c}");
    assert_eq!(
        c["subtotal"].as_u64().unwrap(),
        kualifikasi + kompetensi + kinerja + 1
    );
    galat(
        &api.get(&format!("/pns/nilaiipasn/{}", nip(&demo.lain)))
            .await,
        404,
    );
    galat(&api.get("/pns/nilaiipasn").await, 400);

    for nama in ["potensi", "kompetensi", "sertifikasi"] {
        let v = ok(&api.get(&format!("/pns/rw-{nama}/{n}")).await);
        assert_eq!(v["data"], json!([]), "{nama}");
        assert_eq!(v["count"], 0);
    }
    for jalur in [
        "/pengadaan/list-pengadaan-instansi?tahun=2025&limit=10&offset=0",
        "/pengadaan/list-pengadaan-instansi",
        "/pengadaan/dokumen-pengadaan",
    ] {
        let v = ok(&api.get(jalur).await);
        assert_eq!(
            (v["data"].clone(), v["count"].clone()),
            (json!([]), json!(0)),
            "{jalur}"
        );
    }
    galat(
        &api.get("/pengadaan/list-pengadaan-instansi?tahun=25").await,
        400,
    );
}

/// Both sync calls, as `?pns_orang_id=` and as a path, put the data-utama's position and
/// rank back in line with the latest history rows, audited; a second call changes nothing; a
/// national (read-only) client may not.
async fn the_sync_calls_rederive_position_and_rank_from_the_histories() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let p = &demo.target;
    let benar = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await)["data"].clone();
    let mut salah = app.store().pegawai(p.id).await.unwrap();
    salah.nama_jabatan = Some("Jabatan yang tertinggal".into());
    salah.tmt_golongan = NaiveDate::from_ymd_opt(1990, 1, 1);
    let mut tx = app.store().begin().await.unwrap();
    siasn_store::pegawai::simpan_data(&mut tx, &salah, chrono::Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let v = ok(&api
        .get(&format!(
            "/pns/data-utama-jabatansync?pns_orang_id={}",
            p.id
        ))
        .await);
    assert_eq!(v["Error"], "false", "what the clients test: {v}");
    assert_eq!(v["mapData"]["berubah"], true);
    let v = ok(&api
        .get(&format!("/pns/data-utama-golongansync/{}", p.id))
        .await);
    assert_eq!(
        (v["Error"].clone(), v["mapData"]["berubah"].clone()),
        (json!("false"), json!(true))
    );
    let sesudah = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await)["data"].clone();
    assert_eq!(sesudah["jabatanNama"], benar["jabatanNama"]);
    assert_eq!(sesudah["tmtGolAkhir"], benar["tmtGolAkhir"]);
    let v = ok(&api
        .get(&format!("/pns/data-utama-jabatansync/{}", p.id))
        .await);
    assert_eq!(v["mapData"]["berubah"], false);
    let log = app.store().audit_tentang_pegawai(p.id, 100).await.unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| e.aksi == "pegawai.disinkronkan")
            .count(),
        2
    );
    galat(&api.get("/pns/data-utama-jabatansync").await, 400);
    galat(
        &api.get("/pns/data-utama-jabatansync/bukan-uuid").await,
        400,
    );
    galat(
        &api.get(&format!("/pns/data-utama-jabatansync/{}", demo.lain.id))
            .await,
        404,
    );
    let nasional = daftar(
        &app,
        "Kementerian Uji",
        JangkauanKlien::Nasional,
        "baca dokumen layanan referensi",
        6000,
    )
    .await;
    let api_n = sesi(&app, &nasional, &nip(&demo.operator)).await;
    galat(
        &api_n
            .get(&format!("/pns/data-utama-jabatansync/{}", p.id))
            .await,
        403,
    );
}

/// Both token endpoints take JSON bodies as well as forms; the password grant takes the
/// `client_id` that `siasn partner add` prints as well as the consumer key.
async fn tokens_take_json_bodies_and_the_printed_client_id() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG JSON", jabar(), PENUH, 6000).await;
    let basis = dasar(&app);
    let r = Resp::dari(
        http()
            .post(format!("{basis}/oauth2/token"))
            .basic_auth(&k.klien.consumer_key, Some(&k.secret))
            .header("content-type", "application/json")
            .body(json!({ "grant_type": "client_credentials" }).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert!(r.json()["access_token"].is_string());
    let pengguna = |client_id: String| {
        let basis = basis.clone();
        let username = nip(&demo.operator);
        async move {
            Resp::dari(
                http()
                    .post(format!(
                        "{basis}/auth/realms/public-siasn/protocol/openid-connect/token"
                    ))
                    .header("content-type", "application/json")
                    .body(
                        json!({
                            "grant_type": "password", "client_id": client_id,
                            "username": username, "password": SANDI,
                        })
                        .to_string(),
                    )
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let r = pengguna(k.klien.id.to_string()).await;
    assert_eq!(r.status, 200, "the printed client_id: {}", r.teks());
    let r = pengguna(k.klien.consumer_key.clone()).await;
    assert_eq!(r.status, 200, "the consumer key: {}", r.teks());
    let r = pengguna(Uuid::now_v7().to_string()).await;
    assert_eq!(r.status, 401, "{}", r.teks());
    let r = minta_pengguna(&app, &k.klien.id.to_string(), &nip(&demo.operator), SANDI).await;
    assert_eq!(r.status, 200, "form body with the client id: {}", r.teks());
    let r = Resp::dari(
        http()
            .post(format!("{basis}/oauth2/token"))
            .basic_auth(&k.klien.consumer_key, Some(&k.secret))
            .header("content-type", "application/json")
            .body("{bukan json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.teks());
    assert_eq!(r.json()["error"], "invalid_request");
}

/// `limit=0` (and no limit) means the whole list on every list endpoint, whatever the offset;
/// a positive limit pages with `count` the whole list's length.
async fn limit_zero_means_the_whole_list_on_every_list() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let semua = ok(&api.get("/referensi/ref-unor").await);
    let n = semua["count"].as_u64().unwrap();
    assert!(n >= 3, "{semua}");
    assert_eq!(semua["data"].as_array().unwrap().len() as u64, n);
    let v = ok(&api.get("/referensi/ref-unor?limit=0&offset=10000").await);
    assert_eq!(v["data"], semua["data"]);
    let v = ok(&api.get("/referensi/ref-unor?limit=2&offset=1").await);
    assert_eq!(v["data"].as_array().unwrap().len(), 2);
    assert_eq!(v["data"][0], semua["data"][1]);
    assert_eq!(v["count"], n);
    galat(&api.get("/referensi/ref-unor?limit=dua").await, 400);

    let jalur = format!("/pns/rw-jabatan/{}", nip(&demo.target));
    let semua = ok(&api.get(&jalur).await);
    let n = semua["count"].as_u64().unwrap();
    assert!(n >= 1, "{semua}");
    let v = ok(&api.get(&format!("{jalur}?limit=0&offset=10000")).await);
    assert_eq!(v["data"], semua["data"]);
    let v = ok(&api.get(&format!("{jalur}?limit=1&offset=0")).await);
    assert_eq!(v["data"][0], semua["data"][0]);
    let v = ok(&api.get(&format!("{jalur}?limit=1&offset={n}")).await);
    assert_eq!(
        (v["data"].clone(), v["count"].as_u64()),
        (json!([]), Some(n))
    );

    let r = api
        .get_abs("/referensi_siasn/1/agama/search?limit=0&offset=10000")
        .await;
    let v = ok(&r);
    assert_eq!(v["data"].as_array().unwrap().len(), 7, "{v}");
    let v = ok(&api.get_abs("/referensi_siasn/1/agama/search?limit=3").await);
    assert_eq!(
        (v["data"].as_array().unwrap().len(), v["count"].clone()),
        (3, json!(7))
    );
}

/// The photo an employee uploads and uses for the card on the portal is what
/// `GET /pns/photo/{id}` returns, byte for byte.
async fn the_card_photo_is_what_the_api_returns() {
    let app = spawn_app(40).await;
    let (demo, _, api) = siap(&app).await;
    let p = &demo.target;
    let mut c = peramban(&app, demo.akun(&nip(p)), 91).await;
    // Before one is uploaded and used there is no photo to return.
    galat(&api.get(&format!("/pns/photo/{}", p.id)).await, 404);
    let csrf = c.csrf("/foto").await;
    let r = c
        .multipart(
            "/foto",
            &[("csrf", &csrf)],
            &[("foto", "saya.png", crate::kartu::png(600, 800, true))],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let calon = r.location.unwrap();
    // A candidate not yet used for the card is not the card's photo.
    galat(&api.get(&format!("/pns/photo/{}", p.id)).await, 404);
    let halaman = c.get(&calon).await;
    let csrf = crate::common::csrf_dari(&halaman.body);
    let r = c
        .post(&format!("{calon}/gunakan"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // The card is drawn from the photo in use (re-encoded and cropped to 3:4 at upload).
    let foto = app.store().foto_aktif(p.id).await.unwrap().unwrap();
    let di_kartu = app.store().blobs().get(&foto.sha256).await.unwrap();
    let r = api.get(&format!("/pns/photo/{}", p.id)).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(r.body, di_kartu, "the API's photo is the card's");
    let img = image::load_from_memory(&r.body).unwrap();
    assert_eq!(img.width() * 4, img.height() * 3);
}

dua_mesin!(
    a_save_without_its_document_waits_for_upload_dok_rw,
    appraisal_documents_and_year_windows_follow_the_model,
    the_missing_read_endpoints_answer_in_the_national_shapes,
    the_sync_calls_rederive_position_and_rank_from_the_histories,
    tokens_take_json_bodies_and_the_printed_client_id,
    limit_zero_means_the_whole_list_on_every_list,
    the_card_photo_is_what_the_api_returns,
);
