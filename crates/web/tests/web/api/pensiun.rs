//! Retirement through the pages and the SIASN-compatible API: the operator's retirement list,
//! refusals that name their rule and store nothing, a BUP case from the list to the signed SK,
//! then `list-pensiun-instansi` answering from the real case (status, pertek, SK and their
//! paths) and `rw-pemberhentian` with SIASN's field names.

use super::*;
use crate::common::{beri_sertifikat, csrf_dari, sebagai, spawn_app};
use crate::layanan::{berhasil, lampirkan};
use siasn_domain::layanan::StatusLayanan;

fn pegawai_pertama(body: &str) -> Uuid {
    body.split("name=\"pegawai\" value=\"")
        .nth(1)
        .and_then(|s| Uuid::parse_str(s.split('"').next()?).ok())
        .expect("someone to propose on the list")
}

async fn pension_through_the_pages_and_the_api() {
    let app = spawn_app(400).await;
    let demo = siapkan(&app).await;
    let operator = grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None);
    let mut op = sebagai(&app, None, vec![operator], 71).await;
    // The list for the next two years (the test world's today is 2 November 2026).
    let daftar_url = "/layanan/pensiun?dari=2026-11-02&sampai=2028-11-01";
    let r = op.get(daftar_url).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Daftar pensiun") && r.body.contains("Usulkan pensiun BUP"));
    let id_pegawai = pegawai_pertama(&r.body);
    let p = app.store().pegawai(id_pegawai).await.unwrap();
    let csrf = csrf_dari(&r.body);
    // The officials: employees of the agency other than the one retiring.
    let mut staf = demo.jabar.iter().skip(3).filter(|x| x.id != p.id);
    let pejabat_p = staf.next().unwrap();
    let mut pejabat = sebagai(
        &app,
        Some(pejabat_p),
        vec![grant(Peran::PejabatInstansi, Some("PROV-JABAR"), None)],
        72,
    )
    .await;
    let bkn_p = staf.next().unwrap();
    let mut bkn = sebagai(
        &app,
        Some(bkn_p),
        vec![grant(Peran::VerifikatorBkn, None, None)],
        73,
    )
    .await;
    for p in [pejabat_p, bkn_p] {
        let akun = app.store().akun_pegawai(p.id).await.unwrap().unwrap();
        beri_sertifikat(&app, akun.id).await;
    }

    // Refusals name their rule and store nothing: a TMT that is not a 1st; BUP years early.
    let r = op
        .post(
            "/layanan/pensiun",
            &[
                ("csrf", &csrf),
                ("nip", &nip(&p)),
                ("jenis_pensiun", "7"),
                ("tmt", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("selalu tanggal 1 suatu bulan"),
        "{}",
        r.body
    );
    assert!(r.body.contains("2027-01-15"), "the refused form is kept");
    let muda = demo
        .jabar
        .iter()
        .find(|x| x.tanggal_lahir > NaiveDate::from_ymd_opt(1985, 1, 1).unwrap())
        .expect("a young PNS");
    let r = op
        .post(
            "/layanan/pensiun",
            &[("csrf", &csrf), ("nip", &nip(muda)), ("jenis_pensiun", "1")],
        )
        .await;
    assert!(r.body.contains("baru dapat dibuat mulai"), "{}", r.body);
    // Someone of another agency is not found, whoever asks.
    let r = op
        .post(
            "/layanan/pensiun",
            &[
                ("csrf", &csrf),
                ("nip", &nip(&demo.lain)),
                ("jenis_pensiun", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    for x in [&p, muda, &demo.lain] {
        assert!(app.store().layanan_pegawai(x.id).await.unwrap().is_empty());
    }
    // A forged request without the session's token.
    let r = op
        .post(
            "/layanan/pensiun",
            &[
                ("csrf", "palsu"),
                ("pegawai", &p.id.to_string()),
                ("jenis_pensiun", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 403);

    // The BUP case from the list's button.
    let r = op
        .post(
            "/layanan/pensiun",
            &[
                ("csrf", &csrf),
                ("pegawai", &p.id.to_string()),
                ("jenis_pensiun", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id: Uuid = r
        .location
        .as_deref()
        .and_then(|l| l.strip_prefix("/layanan/"))
        .and_then(|s| Uuid::parse_str(s).ok())
        .expect("to the case page");
    let page = op.get(&format!("/layanan/{id}")).await;
    assert!(page.body.contains("Pensiun dan pemberhentian"));
    assert!(
        page.body
            .contains("Data Perorangan Calon Penerima Pensiun (DPCP) — ")
    );
    for jenis in ["889", "L02", "L09"] {
        let r = lampirkan(&mut op, id, jenis).await;
        assert_eq!(r.status, 303, "{jenis}: {}", r.body);
    }
    berhasil(&mut op, id, "SIMPAN_BERKAS").await;
    berhasil(&mut op, id, "AJUKAN").await;
    berhasil(&mut pejabat, id, "SETUJUI_INSTANSI").await;
    berhasil(&mut bkn, id, "SETUJUI_BKN").await;
    berhasil(&mut bkn, id, "TERBITKAN_PERTEK").await;

    // The API list: the case with its status and pertek, before the SK.
    let k = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let kasus = app
        .store()
        .layanan_terlihat(id, &[siasn_domain::akses::Cakupan::Nasional])
        .await
        .unwrap();
    let tmt = kasus.periode;
    let q = format!(
        "/pns/list-pensiun-instansi?tglAwal={}&tglAkhir={}",
        siasn_domain::tanggal::format_siasn(tmt),
        siasn_domain::tanggal::format_siasn(tmt)
    );
    let v = ok(&api.get(&q).await);
    let item = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["pnsId"] == p.id.to_string())
        .cloned()
        .expect("the employee in the list");
    punya_bidang(
        &item,
        "id nama statusUsulan statusUsulanNama pnsId nipBaru pertekNomor skNomor pathSk \
         pathPertek pertekTgl skTgl instansiId instansiNama detailLayananNama tglLahir \
         golonganId golonganKppId tmtPensiun pathSkPreview",
        "list-pensiun-instansi",
    );
    periksa_tanggal(&item, "list-pensiun-instansi");
    assert_eq!(item["id"], id.to_string());
    assert_eq!(item["statusUsulan"], "22");
    assert_eq!(item["detailLayananNama"], "BUP non KPP");
    assert!(
        item["pertekNomor"]
            .as_str()
            .unwrap()
            .starts_with("PERTEK-PENSIUN/")
    );
    assert!(item["skNomor"].is_null());

    // The SK: the list shows it and its path downloads the signed PDF; rw-pemberhentian has
    // the decree with SIASN's names.
    berhasil(&mut pejabat, id, "TANDATANGANI_SK").await;
    let v = ok(&api.get(&q).await);
    let item = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["pnsId"] == p.id.to_string())
        .cloned()
        .unwrap();
    assert_eq!(item["statusUsulan"], "31");
    let sk = item["skNomor"].as_str().unwrap().to_string();
    assert!(sk.starts_with("SK-PENSIUN/PROV-JABAR/"), "{sk}");
    assert_eq!(item["tmtPensiun"], siasn_domain::tanggal::format_siasn(tmt));
    let path = item["pathSk"].as_str().unwrap().to_string();
    let r = api.get(&format!("/download-dok?filePath={path}")).await;
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with(b"%PDF-"));
    let v = ok(&api.get(&format!("/pns/rw-pemberhentian/{}", nip(&p))).await);
    let rows = v["data"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{v}");
    punya_bidang(
        &rows[0],
        "jenisHenti kedudukanHukumPns skNomor skTanggal asalId asalNama",
        "rw-pemberhentian",
    );
    assert_eq!(rows[0]["jenisHenti"], "1");
    assert_eq!(rows[0]["kedudukanHukumPns"], "99");
    assert_eq!(rows[0]["skNomor"], sk);
    assert_eq!(rows[0]["asalId"], "PROV-JABAR");
    // Nobody else has such a row; the TMT has not come, so the record still says active.
    let v = ok(&api
        .get(&format!("/pns/rw-pemberhentian/{}", nip(muda)))
        .await);
    assert_eq!(v["data"].as_array().unwrap().len(), 0);
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().kedudukan_hukum_id,
        "01"
    );
    // The list page shows the decree.
    let r = op.get(daftar_url).await;
    assert!(
        r.body.contains(&format!("/layanan/{id}")),
        "the case is linked"
    );
    assert_eq!(
        app.store()
            .layanan_terlihat(id, &[siasn_domain::akses::Cakupan::Nasional])
            .await
            .unwrap()
            .status,
        StatusLayanan::ProfilDiperbarui
    );
}

/// Unpaid leave with its return through the pages, the report-back rules refused with their
/// reason, the return dated ahead applied by the daily job on its day, and `rw-cltn` with
/// SIASN's field names (the pertek as `nomorLetterBkn`).
async fn cltn_with_return_through_the_pages_and_rw_cltn() {
    let app = spawn_app(400).await;
    let demo = siapkan(&app).await;
    let operator = grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None);
    let mut op = sebagai(&app, None, vec![operator], 81).await;
    let p = demo
        .jabar
        .iter()
        .skip(5)
        .find(|x| {
            x.tmt_cpns
                .is_some_and(|t| t < NaiveDate::from_ymd_opt(2018, 1, 1).unwrap())
        })
        .expect("a PNS with long service")
        .clone();
    let mut staf = demo.jabar.iter().skip(3).filter(|x| x.id != p.id);
    let (pejabat_p, bkn_p) = (staf.next().unwrap(), staf.next().unwrap());
    let mut pejabat = sebagai(
        &app,
        Some(pejabat_p),
        vec![grant(Peran::PejabatInstansi, Some("PROV-JABAR"), None)],
        82,
    )
    .await;
    let mut bkn = sebagai(
        &app,
        Some(bkn_p),
        vec![grant(Peran::VerifikatorBkn, None, None)],
        83,
    )
    .await;
    for x in [pejabat_p, bkn_p] {
        let akun = app.store().akun_pegawai(x.id).await.unwrap().unwrap();
        beri_sertifikat(&app, akun.id).await;
    }
    let r = op.get("/layanan/cltn").await;
    assert_eq!(r.status, 200);
    let csrf = csrf_dari(&r.body);
    let nip_p = nip(&p);
    let kirim = async |op: &mut crate::common::Klien, isian: &[(&str, &str)]| {
        let mut f = vec![("csrf", csrf.as_str()), ("nip", nip_p.as_str())];
        f.extend_from_slice(isian);
        op.post("/layanan/cltn", &f).await
    };
    // Longer than three years: refused with the rule, the form kept, nothing stored.
    let r = kirim(
        &mut op,
        &[
            ("jenis", "1"),
            ("mulai", "2026-11-02"),
            ("selesai", "2029-11-02"),
        ],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("CLTN paling lama 3 tahun"), "{}", r.body);
    assert!(r.body.contains("2029-11-02"));
    assert!(app.store().layanan_pegawai(p.id).await.unwrap().is_empty());
    let walk = async |op: &mut crate::common::Klien,
                      pejabat: &mut crate::common::Klien,
                      bkn: &mut crate::common::Klien,
                      r: crate::common::Resp,
                      dokumen: &[&str]| {
        assert_eq!(r.status, 303, "{}", r.body);
        let id: Uuid = r
            .location
            .as_deref()
            .and_then(|l| l.strip_prefix("/layanan/"))
            .and_then(|s| Uuid::parse_str(s).ok())
            .expect("to the case page");
        for j in dokumen {
            assert_eq!(lampirkan(op, id, j).await.status, 303);
        }
        berhasil(op, id, "SIMPAN_BERKAS").await;
        berhasil(op, id, "AJUKAN").await;
        berhasil(pejabat, id, "SETUJUI_INSTANSI").await;
        berhasil(bkn, id, "SETUJUI_BKN").await;
        berhasil(bkn, id, "TERBITKAN_PERTEK").await;
        berhasil(pejabat, id, "TANDATANGANI_SK").await;
        id
    };
    let r = kirim(
        &mut op,
        &[
            ("jenis", "1"),
            ("mulai", "2026-11-02"),
            ("selesai", "2028-11-01"),
            ("alasan", "mendampingi suami"),
        ],
    )
    .await;
    let id = walk(&mut op, &mut pejabat, &mut bkn, r, &["L11", "L04"]).await;
    let page = op.get(&format!("/layanan/{id}")).await;
    assert!(page.body.contains("CLTN, tugas belajar dan pejabat negara"));
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().kedudukan_hukum_id,
        "02"
    );

    // The running status is listed for the operator.
    let page = op.get("/layanan/cltn").await;
    assert!(page.body.contains(&p.nama), "{}", page.body);
    assert!(page.body.contains("cuti di luar tanggungan negara"));

    // The return: refused while the post is not in the formasi register (the form has no
    // "vacancy" box to tick), then the operator records the post's need on the register page
    // — refused without a reason, full when planned for its holders, open with one more.
    let r = kirim(&mut op, &[("jenis", "3"), ("aktif", "2026-11-12")]).await;
    assert!(
        r.body.contains("belum tercatat di peta jabatan"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("formasi_lowong"));
    let unor = p.unor_id.expect("a unit").to_string();
    let jabatan = p.jabatan_id.clone().expect("a position");
    let page = op.get("/layanan/formasi").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Peta jabatan"), "{}", page.body);
    let terisi = app
        .store()
        .daftar_formasi("PROV-JABAR")
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.unor_id.to_string() == unor && f.jabatan_id == jabatan)
        .map_or(0, |f| f.terisi);
    let atur = async |op: &mut crate::common::Klien, kebutuhan: u32, alasan: &str| {
        let kebutuhan = kebutuhan.to_string();
        let csrf = csrf_dari(&op.get("/layanan/formasi").await.body);
        op.post(
            "/layanan/formasi",
            &[
                ("csrf", csrf.as_str()),
                ("unor", unor.as_str()),
                ("jabatan", jabatan.as_str()),
                ("kebutuhan", kebutuhan.as_str()),
                ("alasan", alasan),
            ],
        )
        .await
    };
    let r = atur(&mut op, terisi, " ").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("perlu alasan"), "{}", r.body);
    assert_eq!(atur(&mut op, terisi, "ABK 2026").await.status, 303);
    let r = kirim(&mut op, &[("jenis", "3"), ("aktif", "2026-11-12")]).await;
    assert!(
        r.body
            .contains(&format!("berkebutuhan {terisi} dan terisi {terisi}")),
        "{}",
        r.body
    );
    // The official reads the register but cannot change it.
    assert!(
        pejabat
            .get("/layanan/formasi")
            .await
            .body
            .contains("Peta jabatan")
    );
    assert_eq!(atur(&mut pejabat, terisi + 1, "x").await.status, 403);
    assert_eq!(
        atur(&mut op, terisi + 1, "ABK 2026 revisi").await.status,
        303
    );
    let r = kirim(&mut op, &[("jenis", "3"), ("aktif", "2026-11-12")]).await;
    walk(&mut op, &mut pejabat, &mut bkn, r, &["L11"]).await;
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().kedudukan_hukum_id,
        "02"
    );
    app.jam.maju(Duration::days(10));
    let h = siasn_app::layanan::harian::harian_sekali(app.state.app(), "uji")
        .await
        .unwrap();
    assert!(
        matches!(&h, siasn_app::layanan::harian::HasilHarian::Jalan(r) if r.cltn_berlaku >= 1),
        "{h:?}"
    );
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().kedudukan_hukum_id,
        "01"
    );

    // rw-cltn: the leave with its dates, decree and BKN letter.
    let k = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let v = ok(&api.get(&format!("/pns/rw-cltn/{}", nip(&p))).await);
    let rows = v["data"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|x| x["tanggalAwal"] == "02-11-2026")
        .unwrap_or_else(|| panic!("{v}"));
    punya_bidang(
        row,
        "cltnId skNomor skTanggal tanggalAwal tanggalAkhir tanggalAktif nomorLetterBkn \
         tanggalLetterBkn pnsOrangId path",
        "rw-cltn",
    );
    assert_eq!(row["tanggalAkhir"], "01-11-2028");
    assert_eq!(row["tanggalAktif"], "12-11-2026");
    assert!(
        row["nomorLetterBkn"]
            .as_str()
            .unwrap()
            .starts_with("PERTEK-CLTN/")
    );
    assert!(
        row["skNomor"]
            .as_str()
            .unwrap()
            .starts_with("SK-CLTN/PROV-JABAR/")
    );
}

dua_mesin!(
    pension_through_the_pages_and_the_api,
    cltn_with_return_through_the_pages_and_rw_cltn
);
