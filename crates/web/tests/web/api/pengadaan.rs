//! Appointments through the pages: the agency's operator imports a participant file — refused
//! whole with every problem by line and column, then accepted — and BKN's Kanreg assigns the
//! numbers, after which each participant is an employee record the agency's staff can open.

use super::*;
use crate::common::{csrf_dari, sebagai, spawn_app};

async fn participants_through_the_pages() {
    let app = spawn_app(100).await;
    let demo = siapkan(&app).await;
    let mut op = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
        101,
    )
    .await;
    let mut bkn = sebagai(
        &app,
        None,
        vec![grant(Peran::VerifikatorBkn, None, Some("03"))],
        102,
    )
    .await;
    let mut lain = sebagai(
        &app,
        None,
        vec![grant(Peran::OperatorInstansi, Some("KAB-GOWA"), None)],
        103,
    )
    .await;
    let jabatan = app.store().ref_jabatan().await.unwrap()[0].id.clone();
    let pendidikan = app.store().tingkat_pendidikan().await.unwrap()[0]
        .id
        .clone();
    let unor = app.store().unor_instansi("PROV-JABAR").await.unwrap()[0].id;
    let kepala = "no_peserta,nama,tgl_lahir,tempat_lahir,jenis_kelamin,tingkat_pendidikan_id,jabatan_id,unor_id,jenis_formasi_id";
    let baris = |no: &str, nama: &str, lahir: &str| {
        format!("{no},{nama},{lahir},Bandung,P,{pendidikan},{jabatan},{unor},1")
    };
    let page = op.get("/layanan/pengadaan").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Impor hasil seleksi"), "{}", page.body);
    let csrf = csrf_dari(&page.body);
    let kirim = async |c: &mut crate::common::Klien, isi: String| {
        c.multipart(
            "/layanan/pengadaan/impor",
            &[
                ("csrf", csrf.as_str()),
                ("tahun", "2026"),
                ("tmt", "2027-01-01"),
            ],
            &[("berkas", "peserta.csv", isi.into_bytes())],
        )
        .await
    };
    // Duplicate number and an impossible date: the report names both, nothing is stored.
    let buruk = format!(
        "{kepala}\n{}\n{}\n{}\n",
        baris("P-1", "Siti Rahma", "09-07-1998"),
        baris("P-1", "Dewi Lestari", "10-07-1998"),
        baris("P-3", "Rina Wati", "31-04-1999"),
    );
    let r = kirim(&mut op, buruk).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Tidak ada yang diimpor"), "{}", r.body);
    assert!(
        r.body
            .contains("<td>3</td><td><code>no_peserta</code></td>"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("<td>4</td><td><code>tgl_lahir</code></td>"),
        "{}",
        r.body
    );
    assert!(
        app.store()
            .daftar_peserta("PROV-JABAR", 2026)
            .await
            .unwrap()
            .is_empty()
    );
    let baik = format!(
        "{kepala}\n{}\n{}\n",
        baris("P-1", "Siti Rahma", "09-07-1998"),
        baris("P-2", "Dewi Lestari", "09-07-1998"),
    );
    let r = kirim(&mut op, baik).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = op.get(r.location.as_deref().unwrap()).await;
    assert!(page.body.contains("2 peserta diimpor"), "{}", page.body);
    assert!(page.body.contains("Siti Rahma") && page.body.contains("belum ditetapkan"));
    // Another agency's operator sees none of it; the operator has no assign button.
    assert!(
        !lain
            .get("/layanan/pengadaan?tahun=2026")
            .await
            .body
            .contains("Siti Rahma")
    );
    assert!(!page.body.contains("/layanan/pengadaan/tetapkan"));

    // The Kanreg assigns: 001 and 002 for the same prefix.
    let page = bkn
        .get("/layanan/pengadaan?tahun=2026&instansi=PROV-JABAR")
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf_bkn = csrf_dari(&page.body);
    let r = bkn
        .post(
            "/layanan/pengadaan/tetapkan",
            &[
                ("csrf", csrf_bkn.as_str()),
                ("instansi", "PROV-JABAR"),
                ("tahun", "2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = bkn.get(r.location.as_deref().unwrap()).await;
    assert!(
        page.body.contains("2 nomor induk ditetapkan"),
        "{}",
        page.body
    );
    assert!(page.body.contains("19980709 202701 2 001"), "{}", page.body);
    assert!(page.body.contains("19980709 202701 2 002"));
    // Each is an employee record the agency's operator opens.
    let p = app
        .store()
        .pegawai_by_nip("199807092027012001")
        .await
        .unwrap();
    assert_eq!(op.get(&format!("/pegawai/{}", p.id)).await.status, 200);
    assert_eq!(lain.get(&format!("/pegawai/{}", p.id)).await.status, 404);

    // The operator proposes the SK CPNS from the list: on to the new case's page.
    let page = op.get("/layanan/pengadaan?tahun=2026").await;
    assert!(page.body.contains("Usulkan SK CPNS"), "{}", page.body);
    let csrf_op = csrf_dari(&page.body);
    let pid = p.id.to_string();
    let r = op
        .post(
            "/layanan/pengadaan/sk-cpns",
            &[
                ("csrf", csrf_op.as_str()),
                ("pegawai", pid.as_str()),
                ("tahun", "2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let kasus = op.get(r.location.as_deref().unwrap()).await;
    assert!(kasus.body.contains("Pengangkatan CPNS"), "{}", kasus.body);
    // A second time: refused with the reason, on the list page.
    let r = op
        .post(
            "/layanan/pengadaan/sk-cpns",
            &[
                ("csrf", csrf_op.as_str()),
                ("pegawai", pid.as_str()),
                ("tahun", "2026"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("role=\"alert\""), "{}", r.body);

    // Partners read the same participants with SIASN's field names.
    let k = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let v = ok(&api
        .get("/pengadaan/list-pengadaan-instansi?tahun=2026&limit=10&offset=0")
        .await);
    let rows = v["data"].as_array().unwrap_or_else(|| panic!("{v}"));
    assert_eq!(rows.len(), 2, "{v}");
    punya_bidang(
        &rows[0],
        "id orang_id no_peserta nip nama periode instansi_id no_pertek tgl_pertek no_sk tgl_sk \
         path_ttd_pertek path_ttd_sk tgl_kontrak_mulai tgl_kontrak_akhir jenis_formasi_id \
         jenis_formasi_nama",
        "list-pengadaan-instansi",
    );
    let siti = rows.iter().find(|r| r["nama"] == "Siti Rahma").unwrap();
    assert_eq!(siti["nip"].as_str().unwrap().len(), 18);
    let rekam = app
        .store()
        .pegawai_by_nip(siti["nip"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(siti["orang_id"], rekam.id.to_string());
    assert_eq!(siti["periode"], "2026");
    assert_eq!(siti["jenis_formasi_nama"], "UMUM");
    // Another year has nobody; a bad year is refused.
    let v = ok(&api
        .get("/pengadaan/list-pengadaan-instansi?tahun=2020")
        .await);
    assert_eq!(v["data"].as_array().map(Vec::len), Some(0), "{v}");
    assert_eq!(
        api.get("/pengadaan/list-pengadaan-instansi?tahun=20x6")
            .await
            .status,
        400
    );
}

dua_mesin!(participants_through_the_pages);
