//! A realistic partner sequence: a SIMPEG replays its calls from tokens to a proposal at BKN.

use super::*;
use crate::common::spawn_app;
use siasn_domain::usulan::StatusUsulan;

async fn a_simpeg_replays_its_sequence_from_tokens_to_a_bkn_proposal() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG BKD Jawa Barat", jabar(), PENUH, 600).await;
    let p = &demo.target;

    // Tokens, as the client library asks for them.
    let api = sesi(&app, &k, &nip(&demo.operator)).await;

    // Read the record and every history.
    let v = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await);
    let pns_id = v["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(pns_id, p.id.to_string());
    for (nama, _) in RW {
        ok(&api.get(&format!("/pns/rw-{nama}/{}", nip(p))).await);
    }
    let unor = unor_pertama(&api).await;

    // Upload the decree, then save the position with it.
    let isi_pdf = pdf("SK jabatan 821/2026/01");
    let r = api
        .multipart(
            "/upload-dok",
            &[("id_ref_dokumen", "872")],
            Some(("SK Jabatan.pdf", isi_pdf.clone())),
        )
        .await;
    let dok = ok(&r)["data"].clone();
    assert!(dok["dok_uri"].as_str().unwrap().starts_with("unggahan/"));
    let mut isi = jabatan_baru(p, &unor, "821/2026/01");
    isi["pnsId"] = json!(pns_id);
    isi["path"] = json!([{"dok_id": "872", "dok_uri": dok["dok_uri"], "dok_nama": dok["dok_nama"],
        "object": dok["object"], "slug": "872"}]);
    let r = api.post_json("/jabatan/save", &isi).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let v = r.json();
    assert_eq!(v["code"], 1);
    assert_eq!(v["success"], true);
    let id = selesai(&v["mapData"], "rwJabatanId");

    // The row is in rw-jabatan with its document, which downloads as uploaded.
    let v = ok(&api.get(&format!("/pns/rw-jabatan/{}", nip(p))).await);
    let row = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id.to_string())
        .expect("the new row in rw-jabatan")
        .clone();
    assert_eq!(row["nomorSk"], "821/2026/01");
    assert_eq!(row["path"][0]["dok_id"], "872");
    let uri = row["path"][0]["dok_uri"].as_str().unwrap();
    assert!(uri.starts_with("dokumen/"));
    let r = api.get(&format!("/download-dok?filePath={uri}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, isi_pdf);
    assert_eq!(r.header("content-type").as_deref(), Some("application/pdf"));

    // The change is audited as the client and the user.
    let aktor = format!(
        "klien:{}/akun:{}",
        k.klien.id,
        demo.akun(&nip(&demo.operator))
    );
    let log = app.store().audit_tentang_pegawai(p.id, 200).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.aksi == "pegawai.diubah" && e.aktor == aktor),
        "{log:#?}"
    );
    assert!(
        log.iter()
            .any(|e| e.aksi == "api.dibaca" && e.aktor == aktor)
    );

    // Education is BKN's: a proposal in the BKN queue, not a row yet.
    let m = simpan(
        &api,
        "pendidikan",
        json!({
            "pnsOrangId": pns_id, "tkPendidikanId": "45",
            "pendidikanNama": "S-2 Manajemen SDM", "namaSekolah": "Institut Teknologi Bandung",
            "tahunLulus": "2020", "tglLulus": "15-09-2020", "nomorIjasah": "ITB/S2/2020/9",
            "gelarBelakang": "M.M.", "isPendidikanPertama": "0",
        }),
        &["L01"],
    )
    .await;
    let usulan = menunggu_bkn(&m, "rwPendidikanId");
    let u = app.store().usulan(usulan).await.unwrap();
    assert_eq!(u.status, StatusUsulan::MenungguBkn);
    assert_eq!(u.pegawai_id, p.id);
    assert!(di_antrean_bkn(&app, &demo, usulan).await);
    let v = ok(&api.get(&format!("/pns/rw-pendidikan/{}", nip(p))).await);
    assert!(
        !v["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["namaSekolah"] == "Institut Teknologi Bandung"),
        "not in rw-pendidikan before BKN decides"
    );
}

dua_mesin!(a_simpeg_replays_its_sequence_from_tokens_to_a_bkn_proposal,);
