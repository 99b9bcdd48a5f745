//! A transfer between agencies through the pages and the SIASN-compatible API: the receiving
//! city proposes a provincial employee into a vacant post, the province consents and signs the
//! release, the Kanreg issues the pertek; before the TMT the province's staff and its API
//! client reach the record and the city's do not, from the TMT the other way round, and
//! `rw-pindahinstansi` lists the move with both placements and every letter.

use super::*;
use crate::common::{beri_sertifikat, csrf_dari, sebagai, spawn_app};
use crate::layanan::{berhasil, lampirkan, langkah, periksa_surat_bertanda};
use siasn_domain::klien_api::JangkauanKlien;

async fn transfer_through_the_pages_and_rw_pindahinstansi() {
    let app = spawn_app(400).await;
    let demo = siapkan(&app).await;
    let bandung = pns(&app, "KOTA-BANDUNG").await;
    assert!(bandung.len() >= 3, "enough KOTA-BANDUNG PNS");
    let p = demo
        .jabar
        .iter()
        .skip(6)
        .find(|x| {
            x.tanggal_lahir > NaiveDate::from_ymd_opt(1975, 1, 1).unwrap() && x.unor_id.is_some()
        })
        .expect("a young provincial PNS")
        .clone();
    // The city's operator, with a password for the API too.
    let hash = tokio::task::spawn_blocking(|| siasn_store::sandi::hash(SANDI))
        .await
        .unwrap()
        .unwrap();
    let op_bdg_p = &bandung[0];
    let op_bdg_akun = crate::common::buat_akun(
        app.store(),
        &AkunBaru {
            pegawai_id: Some(op_bdg_p.id),
            nama_pengguna: None,
            nama: op_bdg_p.nama_lengkap(),
            email: None,
            peran: vec![
                grant(Peran::Pegawai, None, None),
                grant(Peran::OperatorInstansi, Some("KOTA-BANDUNG"), None),
            ],
        },
    )
    .await;
    aktifkan(&app, op_bdg_akun, &hash).await;
    let mut op_bdg = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("KOTA-BANDUNG"), None)],
        90,
    )
    .await;
    let mut op_jabar = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
        91,
    )
    .await;
    let mut pj_bdg = sebagai(
        &app,
        Some(&bandung[1]),
        vec![grant(Peran::PejabatInstansi, Some("KOTA-BANDUNG"), None)],
        92,
    )
    .await;
    let pj_jabar_p = demo.jabar.iter().skip(3).find(|x| x.id != p.id).unwrap();
    let mut pj_jabar = sebagai(
        &app,
        Some(pj_jabar_p),
        vec![grant(Peran::PejabatInstansi, Some("PROV-JABAR"), None)],
        93,
    )
    .await;
    let bkn_p = &bandung[2];
    let mut bkn = sebagai(
        &app,
        Some(bkn_p),
        vec![grant(Peran::VerifikatorBkn, None, Some("03"))],
        94,
    )
    .await;
    for x in [&bandung[1], pj_jabar_p, bkn_p] {
        let akun = app.store().akun_pegawai(x.id).await.unwrap().unwrap();
        beri_sertifikat(&app, akun.id).await;
    }

    // The city plans one more holder for a post, which the form then offers.
    let pos = app
        .store()
        .daftar_formasi("KOTA-BANDUNG")
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("a city post");
    let csrf = csrf_dari(&op_bdg.get("/layanan/formasi").await.body);
    let kebutuhan = (pos.terisi + 1).to_string();
    let unor = pos.unor_id.to_string();
    let r = op_bdg
        .post(
            "/layanan/formasi",
            &[
                ("csrf", csrf.as_str()),
                ("unor", unor.as_str()),
                ("jabatan", pos.jabatan_id.as_str()),
                ("kebutuhan", kebutuhan.as_str()),
                ("alasan", "ABK 2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = op_bdg.get("/layanan/pindah").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Usul pindah masuk"), "{}", page.body);
    let nilai_pos = format!("{}|{}", pos.unor_id, pos.jabatan_id);
    assert!(page.body.contains(&nilai_pos), "{}", page.body);
    let csrf = csrf_dari(&page.body);
    let nip_p = nip(&p);
    let kirim = async |c: &mut crate::common::Klien, tmt: &str| {
        c.post(
            "/layanan/pindah",
            &[
                ("csrf", csrf.as_str()),
                ("nip", nip_p.as_str()),
                ("pos", nilai_pos.as_str()),
                ("tmt", tmt),
                ("alasan", "mengikuti suami"),
            ],
        )
        .await
    };
    // A TMT that is not a 1st: the rule, the form kept, nothing stored.
    let r = kirim(&mut op_bdg, "2027-01-15").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("harus tanggal 1"), "{}", r.body);
    assert!(r.body.contains("2027-01-15"));
    assert!(app.store().layanan_pegawai(p.id).await.unwrap().is_empty());
    // The province's operator cannot use the city's post.
    let csrf_jabar = csrf_dari(&op_jabar.get("/layanan/pindah").await.body);
    let r = op_jabar
        .post(
            "/layanan/pindah",
            &[
                ("csrf", csrf_jabar.as_str()),
                ("nip", nip_p.as_str()),
                ("pos", nilai_pos.as_str()),
                ("tmt", "2027-01-01"),
                ("alasan", "x"),
            ],
        )
        .await;
    assert!(r.body.contains("bukan milik instansi Anda"), "{}", r.body);

    let r = kirim(&mut op_bdg, "2027-01-01").await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id: Uuid = r
        .location
        .as_deref()
        .and_then(|l| l.strip_prefix("/layanan/"))
        .and_then(|s| Uuid::parse_str(s).ok())
        .expect("to the case page");
    // Both agencies list it, each on its side.
    let page = op_bdg.get("/layanan/pindah").await;
    assert!(page.body.contains("Pindah masuk") && page.body.contains(&p.nama));
    let page = op_jabar.get("/layanan/pindah").await;
    let keluar = page.body.split("Pindah keluar").nth(1).unwrap_or_default();
    assert!(keluar.contains(&p.nama), "{}", page.body);

    for j in ["L11", "L02", "L09", "L13"] {
        assert_eq!(lampirkan(&mut op_bdg, id, j).await.status, 303);
    }
    berhasil(&mut op_bdg, id, "SIMPAN_BERKAS").await;
    berhasil(&mut op_bdg, id, "AJUKAN").await;
    berhasil(&mut pj_bdg, id, "SETUJUI_INSTANSI").await;
    // Waiting for the province: its official has the buttons, the city's does not.
    let page = pj_jabar.get(&format!("/layanan/{id}")).await;
    assert!(
        page.body.contains("Setujui pindah (instansi asal)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Menunggu persetujuan instansi asal"));
    let page = pj_bdg.get(&format!("/layanan/{id}")).await;
    assert!(!page.body.contains("SETUJUI_ASAL"));
    let r = langkah(&mut pj_bdg, id, "SETUJUI_ASAL", "").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("bukan wewenang"), "{}", r.body);
    // The province's official's queue holds it.
    let antrean = pj_jabar.get("/layanan").await;
    assert!(antrean.body.contains(&p.nama), "{}", antrean.body);
    berhasil(&mut pj_jabar, id, "SETUJUI_ASAL").await;
    let page = bkn.get(&format!("/layanan/{id}")).await;
    assert!(page.body.contains("Batas waktu"), "{}", page.body);
    assert!(page.body.contains("Persetujuan instansi asal"));
    berhasil(&mut bkn, id, "SETUJUI_BKN").await;
    berhasil(&mut bkn, id, "TERBITKAN_PERTEK").await;
    berhasil(&mut pj_bdg, id, "TANDATANGANI_SK").await;
    berhasil(&mut pj_jabar, id, "TANDATANGANI_SK_ASAL").await;
    let page = op_bdg.get(&format!("/layanan/{id}")).await;
    assert!(
        page.body.contains("SK pemberhentian dari jabatan"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Menunggu TMT"));
    // Every letter is a signed PDF that verifies.
    let k = app.store().layanan_pegawai(p.id).await.unwrap().remove(0);
    let d = k.pindah().unwrap().clone();
    for dok in [
        k.pertek.as_ref().unwrap().dokumen_id,
        k.sk.as_ref().unwrap().dokumen_id,
        d.sk_asal.as_ref().unwrap().dokumen_id,
    ] {
        let (st, tipe, _, isi) = pj_jabar
            .unduh(&format!("/layanan/{id}/dokumen/{}", dok.unwrap()))
            .await;
        assert_eq!((st, tipe.as_str()), (200, "application/pdf"));
        periksa_surat_bertanda(&app, &isi).await;
    }

    // Before the TMT: the province reaches the record and its API client lists nothing moved;
    // the city does not reach it.
    let profil = format!("/pegawai/{}", p.id);
    let r = op_jabar.get(&profil).await;
    assert_eq!(r.status, 200, "{:?} {}", r.location, r.body);
    let r = op_bdg.get(&profil).await;
    assert_eq!(r.status, 404, "{:?}", r.location);
    let k_jabar = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api_jabar = sesi(&app, &k_jabar, &nip(&demo.operator)).await;
    let k_bdg = daftar(
        &app,
        "SIMPEG Kota Bandung",
        JangkauanKlien::Instansi("KOTA-BANDUNG".into()),
        PENUH,
        6000,
    )
    .await;
    let api_bdg = sesi(&app, &k_bdg, &nip(op_bdg_p)).await;
    let rw = format!("/pns/rw-pindahinstansi/{nip_p}");
    assert_eq!(api_jabar.get(&rw).await.status, 200);
    assert_ne!(api_bdg.get(&rw).await.status, 200);

    // The TMT: the daily job moves the employee, and access with them.
    app.jam.maju(Duration::days(60));
    let h = siasn_app::layanan::harian::harian_sekali(app.state.app(), "uji")
        .await
        .unwrap();
    assert!(
        matches!(&h, siasn_app::layanan::harian::HasilHarian::Jalan(r) if r.pindah_berlaku == 1),
        "{h:?}"
    );
    // Sixty days on, everyone signs in again.
    let mut op_bdg = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("KOTA-BANDUNG"), None)],
        95,
    )
    .await;
    let mut op_jabar = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
        96,
    )
    .await;
    let api_jabar = sesi(&app, &k_jabar, &nip(&demo.operator)).await;
    let api_bdg = sesi(&app, &k_bdg, &nip(op_bdg_p)).await;
    assert_eq!(op_bdg.get(&profil).await.status, 200);
    assert_eq!(op_jabar.get(&profil).await.status, 404);
    assert_ne!(api_jabar.get(&rw).await.status, 200);
    let v = ok(&api_bdg.get(&rw).await);
    let rows = v["data"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|x| x["skAsalNomor"].is_string())
        .unwrap_or_else(|| panic!("{v}"));
    punya_bidang(
        row,
        "instansiIndukLamaId instansiIndukBaruId instansiKerjaLamaId instansiKerjaBaruId \
         unorLamaId unorBaruId skUsulNomor skUsulTanggal skAsalNomor skAsalTanggal \
         skTujuanNomor skTujuanTanggal skBknNomor skBknTanggal tmtPi",
        "rw-pindahinstansi",
    );
    assert_eq!(row["instansiIndukLamaId"], "PROV-JABAR");
    assert_eq!(row["instansiIndukBaruId"], "KOTA-BANDUNG");
    assert_eq!(row["unorBaruId"], pos.unor_id.to_string());
    assert_eq!(row["tmtPi"], "01-01-2027");
    assert!(
        row["skBknNomor"]
            .as_str()
            .unwrap()
            .starts_with("PERTEK-PI/KANREG-03/")
    );
    assert!(
        row["skAsalNomor"]
            .as_str()
            .unwrap()
            .starts_with("PERSETUJUAN-PI/PROV-JABAR/")
    );
    assert!(
        row["skTujuanNomor"]
            .as_str()
            .unwrap()
            .starts_with("SK-PI/KOTA-BANDUNG/")
    );
    // The case page says when the record moved.
    let page = op_bdg.get(&format!("/layanan/{id}")).await;
    assert!(
        page.body.contains("Data pegawai dipindahkan"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Menunggu TMT"));
}

dua_mesin!(transfer_through_the_pages_and_rw_pindahinstansi);
