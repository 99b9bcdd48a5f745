//! Writes: every save, correction, update, upload and delete endpoint, the agency and BKN
//! authorities, bad input that changes nothing, and the audit of every applied write.

use super::*;
use crate::common::spawn_app;
use chrono::Duration;
use serde_json::json;
use siasn_domain::usulan::StatusUsulan;

/// A demo of 40, the agency's full-scope client, the operator's tokens and a unit of the agency.
async fn siap(app: &App) -> (Demo, KlienBaru, Api, String) {
    let demo = siapkan(app).await;
    let k = daftar(app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(app, &k, &nip(&demo.operator)).await;
    let unor = unor_pertama(&api).await;
    (demo, k, api, unor)
}

// ---------------------------------------------------------------------------------------------
// Saves applied at once (agency authority), one helper per kind: the new row's id.

async fn simpan_jabatan(api: &Api, p: &Pegawai, unor: &str) -> Uuid {
    let m = simpan(
        api,
        "jabatan",
        jabatan_baru(p, unor, "821/API-01/BKD"),
        &["872"],
    )
    .await;
    selesai(&m, "rwJabatanId")
}

/// Corrects the position row `jabatan` in place (`id` names the row).
async fn koreksi_jabatan(api: &Api, p: &Pegawai, unor: &str, jabatan: Uuid) {
    let mut ubah = jabatan_baru(p, unor, "821/API-01a/BKD");
    ubah["id"] = json!(jabatan.to_string());
    let m = simpan(api, "jabatan", ubah, &["872"]).await;
    assert_eq!(selesai(&m, "rwJabatanId"), jabatan);
}

async fn simpan_unorjabatan(api: &Api, p: &Pegawai, unor: &str) -> Uuid {
    let mut mutasi = jabatan_baru(p, unor, "821/API-02/BKD");
    for (kunci, nilai) in [
        ("jenisMutasiId", json!("MU")),
        ("jenisPenugasanId", json!("D")),
        ("subJabatanId", Value::Null),
        ("tmtMutasi", json!("01-03-2026")),
        ("tmtJabatan", json!("01-03-2026")),
    ] {
        mutasi[kunci] = nilai;
    }
    let m = simpan(api, "jabatan/unorjabatan", mutasi, &["872"]).await;
    selesai(&m, "rwJabatanId")
}

async fn simpan_angkakredit(api: &Api, pid: &str, jabatan: Uuid) -> Uuid {
    let m = simpan(
        api,
        "angkakredit",
        json!({
            "id": null, "pnsId": pid, "rwJabatanId": jabatan.to_string(),
            "nomorSk": "800/PAK-01/2026", "tanggalSk": "15-01-2026",
            "bulanMulaiPenailan": "1", "tahunMulaiPenailan": "2025",
            "bulanSelesaiPenailan": "12", "tahunSelesaiPenailan": "2025",
            "kreditUtamaBaru": "25.5", "kreditPenunjangBaru": "3", "kreditBaruTotal": "28.5",
            "isAngkaKreditPertama": "0", "isIntegrasi": "0", "isKonversi": "0",
        }),
        &["880"],
    )
    .await;
    selesai(&m, "rwAngkaKreditId")
}

async fn simpan_diklat(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "diklat",
        json!({
            "id": null, "pnsOrangId": pid, "latihanStrukturalId": "2",
            "nomor": "PKP/API/2025/01", "tanggal": "03-03-2025", "tanggalSelesai": "30-05-2025",
            "tahun": "2025", "jumlahJam": "300", "institusiPenyelenggara": "BPSDM Jawa Barat",
            "bobot": 0, "jenisKompetensi": null,
        }),
        &["874"],
    )
    .await;
    selesai(&m, "rwDiklatId")
}

async fn simpan_kursus(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "kursus",
        json!({
            "id": null, "pnsOrangId": pid, "instansiId": "PROV-JABAR", "jenisKursus": "Teknis",
            "jenisKursusSertipikat": "S", "namaKursus": "Pengelolaan Arsip Dinamis",
            "nomorSertipikat": "KRS/2025/77", "tanggalKursus": "10-06-2025",
            "tanggalSelesaiKursus": "12-06-2025", "tahunKursus": "2025", "jumlahJam": "24",
            "institusiPenyelenggara": "ANRI", "jenisDiklatId": null, "lokasiId": null,
        }),
        &["881"],
    )
    .await;
    selesai(&m, "rwKursusId")
}

async fn simpan_hukdis(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "hukdis",
        json!({
            "pnsOrangId": pid, "jenisHukumanId": "TEGURAN_TERTULIS",
            "alasanHukumanDisiplinNama": "Tidak masuk kerja tanpa keterangan",
            "hukumanTanggal": "01-07-2025", "masaTahun": "0", "masaBulan": "6",
            "skNomor": "800/HD-01/2025", "skTanggal": "25-06-2025",
        }),
        &["882"],
    )
    .await;
    selesai(&m, "rwHukdisId")
}

async fn simpan_penghargaan(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "penghargaan",
        json!({
            "id": null, "pnsOrangId": pid, "hargaId": "201", "tahun": "2025",
            "skNomor": "KEP-01/2025", "skDate": "17-08-2025",
        }),
        &["892"],
    )
    .await;
    selesai(&m, "rwPenghargaanId")
}

async fn simpan_skp22(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "skp22",
        json!({
            "id": null, "pnsDinilaiOrang": pid, "tahun": "2025",
            "hasilKinerjaNilai": "1", "perilakuKerjaNilai": "2", "kuadranKinerjaNilai": null,
            "penilaiNama": "Drs. Atasan Langsung", "penilaiNipNrp": "197001011990031001",
            "penilaiJabatan": "Kepala Bidang", "penilaiUnorNama": "Badan Kepegawaian Daerah",
            "penilaiGolongan": "IV/a", "statusPenilai": "ASN",
        }),
        &["891"],
    )
    .await;
    selesai(&m, "rwSkp22Id")
}

async fn simpan_kinerja(api: &Api, pid: &str) -> Uuid {
    let m = simpan(
        api,
        "kinerjaperiodik",
        json!({
            "id": null, "pnsDinilaiOrang": pid, "tahun": "2024",
            "bulanMulaiPenilaian": "1", "bulanSelesaiPenilaian": "12",
            "hasilKinerjaNilai": "2", "perilakuKerjaNilai": "2", "kuadranKinerjaNilai": "2",
            "penilaiNama": "Drs. Atasan Langsung", "penilaiNipNrp": "197001011990031001",
        }),
        &["891"],
    )
    .await;
    selesai(&m, "rwKinerjaPeriodikId")
}

/// Personal data kept here: applied at once; keys not kept are named in the message.
async fn ubah_alamat_dan_hp(api: &Api, pid: &str) {
    let r = api
        .post_json(
            "/pns/data-utama-update",
            &json!({
                "pns_orang_id": pid, "alamat": "Jl. Uji API No. 1, Bandung",
                "nomor_hp": "081234567890", "kpkn_id": "X1",
            }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let v = r.json();
    assert_eq!(v["success"], true);
    assert_eq!(v["mapData"]["status"], "SELESAI");
    assert_eq!(v["mapData"]["pnsOrangId"], pid);
    assert!(v["message"].as_str().unwrap().contains("kpkn_id"), "{v}");
}

/// Attaches a supporting document (type 873) to the row `jabatan`; its `dok_uri`.
async fn lampirkan_pelantikan(api: &Api, jabatan: Uuid) -> String {
    let r = api
        .multipart(
            "/upload-dok-rw",
            &[
                ("id_riwayat", jabatan.to_string().as_str()),
                ("id_ref_dokumen", "873"),
            ],
            Some(("pelantikan.pdf", pdf("pelantikan"))),
        )
        .await;
    let v = ok(&r);
    let uri = v["data"]["dok_uri"].as_str().unwrap().to_string();
    assert!(uri.starts_with("dokumen/"));
    assert_eq!(v["data"]["dok_id"], "873");
    uri
}

/// Deletes row `id` of kind `nama`; afterwards it no longer reads by id under `baca`.
async fn hapus(api: &Api, nama: &str, id: Uuid, baca: &str) {
    let r = api.delete(&format!("/{nama}/delete/{id}")).await;
    assert_eq!(r.status, 200, "{nama}: {}", r.teks());
    let v = r.json();
    assert_eq!(v["success"], true);
    assert_eq!(v["mapData"]["status"], "SELESAI");
    galat(&api.get(&format!("/{baca}/id/{id}")).await, 404);
}

// ---------------------------------------------------------------------------------------------
// Agency authority.

/// A position applies at once and reads by id, is corrected in place, and a transfer
/// (`unorjabatan`) keeps its mutation fields.
async fn positions_apply_at_once_and_are_corrected_in_place() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let jabatan = simpan_jabatan(&api, p, &unor).await;
    let v = ok(&api.get(&format!("/jabatan/id/{jabatan}")).await);
    assert_eq!(v["data"]["namaJabatan"], "Analis Kepegawaian Ahli Muda");
    assert_eq!(v["data"]["jabatanFungsionalId"], "ANKEP-AM");
    assert_eq!(v["data"]["nomorSk"], "821/API-01/BKD");
    assert_eq!(v["data"]["tmtJabatan"], "01-02-2026");
    assert_eq!(v["data"]["path"][0]["dok_id"], "872");
    koreksi_jabatan(&api, p, &unor, jabatan).await;
    let v = ok(&api.get(&format!("/jabatan/id/{jabatan}")).await);
    assert_eq!(v["data"]["nomorSk"], "821/API-01a/BKD");

    let unorjabatan = simpan_unorjabatan(&api, p, &unor).await;
    let v = ok(&api.get(&format!("/jabatan/id/{unorjabatan}")).await);
    assert_eq!(v["data"]["jenisMutasiId"], "MU");
    assert_eq!(v["data"]["jenisPenugasanId"], "D");
}

/// Credit points (on a position row), structural training and courses apply at once and read
/// back by id.
async fn credit_points_training_and_courses_apply_at_once() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let jabatan = simpan_jabatan(&api, p, &unor).await;
    let angkakredit = simpan_angkakredit(&api, &pid, jabatan).await;
    let v = ok(&api.get(&format!("/angkakredit/id/{angkakredit}")).await);
    assert_eq!(v["data"]["kreditBaruTotal"], 28.5);
    assert_eq!(v["data"]["namaJabatan"], "Analis Kepegawaian Ahli Muda");
    assert_eq!(v["data"]["tahunSelesaiPenailan"], "2025");

    let diklat = simpan_diklat(&api, &pid).await;
    let v = ok(&api.get(&format!("/diklat/id/{diklat}")).await);
    assert_eq!(v["data"]["latihanStrukturalNama"], "PIM IV");
    assert_eq!(v["data"]["tanggalSelesai"], "30-05-2025");

    let kursus = simpan_kursus(&api, &pid).await;
    let v = ok(&api.get(&format!("/kursus/id/{kursus}")).await);
    assert_eq!(v["data"]["namaKursus"], "Pengelolaan Arsip Dinamis");
}

/// Disciplinary penalties (with their end date) and awards apply at once and read back by id.
async fn penalties_and_awards_apply_at_once() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let pid = demo.target.id.to_string();
    let hukdis = simpan_hukdis(&api, &pid).await;
    let v = ok(&api.get(&format!("/hukdis/id/{hukdis}")).await);
    assert_eq!(v["data"]["jenisHukuman"], "TEGURAN_TERTULIS");
    assert_eq!(v["data"]["akhirHukumTanggal"], "01-01-2026");

    let penghargaan = simpan_penghargaan(&api, &pid).await;
    let v = ok(&api.get(&format!("/penghargaan/id/{penghargaan}")).await);
    assert_eq!(v["data"]["hargaNama"], "Satyalancana Karya Satya X Tahun");
    assert_eq!(v["data"]["skDate"], "17-08-2025");
}

/// Yearly appraisals (SKP 2022 model, periodic performance) apply at once; a quarter and an
/// old-model SKP are refused.
async fn yearly_appraisals_apply_and_quarters_or_old_model_skp_are_refused() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let skp22 = simpan_skp22(&api, &pid).await;
    let v = ok(&api.get(&format!("/skp22/id/{skp22}")).await);
    assert_eq!(v["data"]["hasilKinerjaNilai"], "1");
    assert_eq!(v["data"]["PerilakuKerjaNilai"], "2");
    assert!(v["data"]["KuadranKinerjaNilai"].is_string());

    let kinerja = simpan_kinerja(&api, &pid).await;
    let v = ok(&api
        .get(&format!("/pns/rw-kinerjaperiodik/{}", nip(p)))
        .await);
    assert!(
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == kinerja.to_string() && x["tahun"] == "2024")
    );
    // A quarter is not kept here (yearly only): refused, not silently widened.
    let r = api
        .post_json(
            "/kinerjaperiodik/save",
            &json!({
                "pnsDinilaiOrang": pid, "tahun": "2024", "bulanMulaiPenilaian": "1",
                "bulanSelesaiPenilaian": "3", "hasilKinerjaNilai": "2", "perilakuKerjaNilai": "2",
            }),
        )
        .await;
    galat(&r, 422);

    // SKP up to 2021 (numeric) saves for its own years; a kuadran year is refused.
    let m = simpan(
        &api,
        "skp",
        json!({
            "pnsId": pid, "tahun": "2021", "nilaiSkp": "85", "orientasiPelayanan": "80",
            "integritas": "80", "komitmen": "80", "disiplin": "80", "kerjasama": "80",
            "kepemimpinan": null, "penilaiNama": "Drs. Atasan",
        }),
        &["891"],
    )
    .await;
    selesai(&m, "rwSkpId");
    for tahun in ["2025"] {
        let path = vec![unggah_pdf(&api, "891", &format!("skp-{tahun}")).await];
        let r = api
            .post_json(
                "/skp/save",
                &json!({
                    "pnsId": pid, "tahun": tahun, "nilaiSkp": "85", "orientasiPelayanan": "80",
                    "integritas": "80", "komitmen": "80", "disiplin": "80", "kerjasama": "80",
                    "kepemimpinan": null, "penilaiNama": "Drs. Atasan", "path": path,
                }),
            )
            .await;
        assert!(galat(&r, 422).contains("SKP"), "{}", r.teks());
    }
}

/// Personal data kept here applies at once and reads back; the same values again change
/// nothing.
async fn personal_data_updates_apply_at_once() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    ubah_alamat_dan_hp(&api, &pid).await;
    let du = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await);
    assert_eq!(du["data"]["alamat"], "Jl. Uji API No. 1, Bandung");
    assert_eq!(du["data"]["noHp"], "081234567890");
    let r = api
        .post_json(
            "/pns/data-utama-update",
            &json!({ "pns_orang_id": pid, "nomor_hp": "081234567890" }),
        )
        .await;
    assert_eq!(r.json()["mapData"]["status"], "TIDAK_BERUBAH");
}

/// A supporting document attaches to an existing row, shows in its `path` and downloads as
/// uploaded.
async fn a_supporting_document_attaches_to_an_existing_row() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let jabatan = simpan_jabatan(&api, &demo.target, &unor).await;
    let uri = lampirkan_pelantikan(&api, jabatan).await;
    let row = ok(&api.get(&format!("/jabatan/id/{jabatan}")).await);
    assert!(
        row["data"]["path"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["dok_uri"] == uri && d["dok_id"] == "873")
    );
    let unduh = api.get(&format!("/download-dok?filePath={uri}")).await;
    assert_eq!(unduh.status, 200);
    assert_eq!(unduh.body, pdf("pelantikan"));
}

/// The six deletable kinds delete; another kind's id, a malformed id and an unknown id are
/// refused first.
async fn the_six_deletable_kinds_delete_and_bad_ids_are_refused() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let jabatan = simpan_jabatan(&api, p, &unor).await;
    let angkakredit = simpan_angkakredit(&api, &pid, jabatan).await;
    let kinerja = simpan_kinerja(&api, &pid).await;
    let kursus = simpan_kursus(&api, &pid).await;
    let penghargaan = simpan_penghargaan(&api, &pid).await;
    let unorjabatan = simpan_unorjabatan(&api, p, &unor).await;
    let diklat = simpan_diklat(&api, &pid).await;

    galat(&api.delete(&format!("/kursus/delete/{diklat}")).await, 404);
    galat(&api.delete("/kursus/delete/bukan-uuid").await, 400);
    galat(
        &api.delete(&format!("/kursus/delete/{}", Uuid::now_v7()))
            .await,
        404,
    );
    for (nama, id, baca) in [
        ("angkakredit", angkakredit, "angkakredit"),
        ("kinerjaperiodik", kinerja, "skp22"),
        ("kursus", kursus, "kursus"),
        ("penghargaan", penghargaan, "penghargaan"),
        ("jabatan", unorjabatan, "jabatan"),
        ("diklat", diklat, "diklat"),
    ] {
        hapus(&api, nama, id, baca).await;
    }
}

/// Every applied write (10 saves and corrections, 1 personal-data update, 6 deletes) is in the
/// audit trail as the client and the user, and so is an attached document.
async fn every_applied_write_is_audited_as_the_client_and_the_user() {
    let app = spawn_app(40).await;
    let (demo, k, api, unor) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let jabatan = simpan_jabatan(&api, p, &unor).await;
    koreksi_jabatan(&api, p, &unor, jabatan).await;
    let unorjabatan = simpan_unorjabatan(&api, p, &unor).await;
    let angkakredit = simpan_angkakredit(&api, &pid, jabatan).await;
    let diklat = simpan_diklat(&api, &pid).await;
    let kursus = simpan_kursus(&api, &pid).await;
    simpan_hukdis(&api, &pid).await;
    let penghargaan = simpan_penghargaan(&api, &pid).await;
    simpan_skp22(&api, &pid).await;
    let kinerja = simpan_kinerja(&api, &pid).await;
    ubah_alamat_dan_hp(&api, &pid).await;
    lampirkan_pelantikan(&api, jabatan).await;
    for (nama, id, baca) in [
        ("angkakredit", angkakredit, "angkakredit"),
        ("kinerjaperiodik", kinerja, "skp22"),
        ("kursus", kursus, "kursus"),
        ("penghargaan", penghargaan, "penghargaan"),
        ("jabatan", unorjabatan, "jabatan"),
        ("diklat", diklat, "diklat"),
    ] {
        hapus(&api, nama, id, baca).await;
    }

    let aktor = format!(
        "klien:{}/akun:{}",
        k.klien.id,
        demo.akun(&nip(&demo.operator))
    );
    let log = app.store().audit_tentang_pegawai(p.id, 1000).await.unwrap();
    let diubah = log
        .iter()
        .filter(|e| e.aksi == "pegawai.diubah" && e.aktor == aktor)
        .count();
    // 10 saves and corrections applied + 1 personal-data update + 6 deletes.
    assert_eq!(
        diubah,
        17,
        "{:#?}",
        log.iter().map(|e| (&e.aksi, &e.aktor)).collect::<Vec<_>>()
    );
    assert!(
        log.iter()
            .any(|e| e.aksi == "dokumen.dilampirkan" && e.aktor == aktor)
    );
}

// ---------------------------------------------------------------------------------------------
// BKN authority.

/// Education and CPNS saves are BKN's: proposals waiting for BKN, not rows yet.
async fn education_and_cpns_saves_wait_for_bkn() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let pendidikan_sebelum = jumlah_baris(&app, p, J::Pendidikan).await;
    let m = simpan(
        &api,
        "pendidikan",
        json!({
            "id": null, "pnsOrangId": pid, "tkPendidikanId": "45",
            "pendidikanNama": "S-2 Administrasi Publik", "namaSekolah": "Universitas Padjadjaran",
            "tahunLulus": "2019", "tglLulus": "20-08-2019", "nomorIjasah": "UNPAD/S2/2019/123",
            "gelarDepan": null, "gelarBelakang": "M.AP", "isPendidikanPertama": "0",
        }),
        &["L01"],
    )
    .await;
    let usulan_pendidikan = menunggu_bkn(&m, "rwPendidikanId");
    assert_eq!(
        jumlah_baris(&app, p, J::Pendidikan).await,
        pendidikan_sebelum
    );
    assert!(di_antrean_bkn(&app, &demo, usulan_pendidikan).await);

    let cpns = simpan(
        &api,
        "cpns",
        json!({
            "pns_orang_id": pid, "nomor_sk_cpns": "813/CPNS-API/2021",
            "tgl_sk_cpns": tgl(p.tmt_cpns.unwrap() - Duration::days(30)),
            "tmt_cpns": tgl(p.tmt_cpns.unwrap()), "nomor_spmt": "SPMT/API/1",
            "tgl_spmt": tgl(p.tmt_cpns.unwrap()),
        }),
        &["889"],
    )
    .await;
    let usulan_cpns = menunggu_bkn(&cpns, "rwCpnsId");
    assert_eq!(
        app.store().usulan(usulan_cpns).await.unwrap().status,
        StatusUsulan::MenungguBkn
    );
}

/// A rank (golongan) written through the API waits for BKN like any rank correction.
async fn a_promotion_waits_for_bkn_in_the_kp_list_and_takes_its_decree() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let p = &demo.target;
    let du = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await);
    let sekarang = du["data"]["golRuangAkhirId"].as_str().unwrap().to_string();
    let gol = ok(&api.get_abs("/referensi_siasn/1/golongan/search").await);
    let ids: Vec<&str> = gol["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    let i = ids.iter().position(|g| *g == sekarang).unwrap();
    let naik = ids[(i + 1).min(ids.len() - 1)];
    let m = simpan(
        &api,
        "golongan",
        json!({
            "pnsOrangId": p.id.to_string(), "golonganId": naik, "jenisKPId": "101",
            "tmtGolongan": "01-10-2026", "skNomor": "KP/API/2026/01", "skTanggal": "15-09-2026",
            "masaKerjaGolonganTahun": "3", "masaKerjaGolonganBulan": "0",
        }),
        &["L02"],
    )
    .await;
    // A rank written through the API waits for BKN like any rank correction (the promotion
    // service's cases, not these, are what list-kp-instansi reports).
    menunggu_bkn(&m, "rwGolonganId");
}

// ---------------------------------------------------------------------------------------------
// Bad input changes nothing (no row, no audit entry).

/// Malformed dates, a body that is not JSON or not an object, and a bad phone number are
/// refused and change nothing.
async fn malformed_dates_and_bodies_change_nothing() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let sebelum = jejak(&app, p).await;
    let dok = unggah_pdf(&api, "872", "salah").await;
    for (kunci, nilai) in [
        ("tmtJabatan", "2024-13-45"),
        ("tanggalSk", "2024-01-02"),
        ("tmtPelantikan", "31-02-2026"),
    ] {
        let mut isi = jabatan_baru(p, &unor, "821/SALAH/BKD");
        isi[kunci] = json!(nilai);
        isi["path"] = json!([dok.clone()]);
        let pesan = galat(&api.post_json("/jabatan/save", &isi).await, 400);
        assert!(pesan.contains(kunci), "{pesan}");
    }
    let mut isi = jabatan_baru(p, &unor, "821/SALAH/BKD");
    isi["path"] = json!([dok.clone()]);
    let badan = serde_json::to_vec(&isi).unwrap();
    galat(
        &api.post_raw("/jabatan/save", "text/plain", badan.clone())
            .await,
        415,
    );
    galat(
        &api.post_raw("/jabatan/save", "application/x-www-form-urlencoded", badan)
            .await,
        415,
    );
    galat(
        &api.post_raw("/jabatan/save", "application/json", b"bukan json".to_vec())
            .await,
        400,
    );
    galat(&api.post_json("/jabatan/save", &json!([1, 2])).await, 400);
    galat(
        &api.post_json(
            "/pns/data-utama-update",
            &json!({"pns_orang_id": pid, "nomor_hp": "12"}),
        )
        .await,
        422,
    );
    assert_eq!(jejak(&app, p).await, sebelum, "bad input changed nothing");
}

/// A save without its document, with a document nobody uploaded or of an unknown type, dated
/// in the future, with another employee's document or row, or for someone out of reach is
/// refused and changes nothing.
async fn missing_foreign_or_unknown_documents_and_rows_change_nothing() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let sebelum = jejak(&app, p).await;
    let dok = unggah_pdf(&api, "872", "salah").await;
    let tanpa = jabatan_baru(p, &unor, "821/SALAH/BKD");
    // A document of a type the row does not accept is refused at once (a save with no
    // document at all waits for one instead: see `kompatibel`).
    let mut salah_jenis = tanpa.clone();
    salah_jenis["path"] = json!([unggah_pdf(&api, "882", "jenis-salah").await]);
    let pesan = galat(&api.post_json("/jabatan/save", &salah_jenis).await, 422);
    assert!(pesan.contains("872"), "{pesan}");
    let mut asing = tanpa.clone();
    asing["path"] = json!([{"dok_id": "872", "dok_uri": format!("unggahan/{}", Uuid::now_v7())}]);
    galat(&api.post_json("/jabatan/save", &asing).await, 400);
    // A document type that is not in the reference list, next to a valid document.
    let mut jenis_asing = tanpa.clone();
    let lagi = unggah_pdf(&api, "872", "jenis-asing").await;
    jenis_asing["path"] = json!([dok.clone(), {"dok_id": "ZZZ", "dok_uri": lagi["dok_uri"]}]);
    let pesan = galat(&api.post_json("/jabatan/save", &jenis_asing).await, 400);
    assert!(pesan.contains("ZZZ"), "{pesan}");
    let mut depan = tanpa.clone();
    depan["tmtJabatan"] = json!("01-01-2027");
    depan["path"] = json!([dok.clone()]);
    galat(&api.post_json("/jabatan/save", &depan).await, 422);
    // A document of another employee, and another employee's row named as the row to correct.
    let mut asing = tanpa.clone();
    let dok_lain = app
        .store()
        .dokumen_pegawai(demo.operator.id)
        .await
        .unwrap()
        .remove(0);
    asing["path"] = json!([{"dok_id": "872", "dok_uri": format!("dokumen/{}", dok_lain.id)}]);
    galat(&api.post_json("/jabatan/save", &asing).await, 400);
    let mut koreksi = tanpa.clone();
    let baris_lain = app
        .store()
        .riwayat_pegawai(demo.operator.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    koreksi["id"] = json!(baris_lain.to_string());
    koreksi["path"] = json!([dok.clone()]);
    galat(&api.post_json("/jabatan/save", &koreksi).await, 404);
    // Someone out of reach (another agency): as unknown.
    let lain_sebelum = jejak(&app, &demo.lain).await;
    let mut luar = jabatan_baru(&demo.lain, &unor, "821/SALAH/BKD");
    luar["path"] = json!([dok.clone()]);
    galat(&api.post_json("/jabatan/save", &luar).await, 404);
    assert_eq!(jejak(&app, &demo.lain).await, lain_sebelum);
    assert_eq!(jejak(&app, p).await, sebelum, "bad input changed nothing");
}

/// A save or delete without the gateway or the user token is refused and changes nothing.
async fn writes_without_tokens_change_nothing() {
    let app = spawn_app(40).await;
    let (demo, _, api, unor) = siap(&app).await;
    let p = &demo.target;
    let sebelum = jejak(&app, p).await;
    let tanpa = jabatan_baru(p, &unor, "821/SALAH/BKD");
    let jabatan = app
        .store()
        .riwayat_pegawai(p.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    assert_eq!(
        galat(
            &api.dengan(None, api.pengguna.as_deref())
                .post_json("/jabatan/save", &tanpa)
                .await,
            401
        ),
        JWT
    );
    assert_eq!(
        galat(
            &api.dengan(api.gateway.as_deref(), None)
                .post_json("/jabatan/save", &tanpa)
                .await,
            401
        ),
        SSO
    );
    assert_eq!(
        galat(
            &api.dengan(None, None)
                .delete(&format!("/jabatan/delete/{jabatan}"))
                .await,
            401
        ),
        JWT
    );
    assert_eq!(jejak(&app, p).await, sebelum, "bad input changed nothing");
}

/// Uploads too large, not a PDF/JPEG/PNG, cut short, of an unknown type, not multipart, or for
/// a malformed row id are refused and change nothing.
async fn bad_uploads_change_nothing() {
    let app = spawn_app(40).await;
    let (demo, _, api, _) = siap(&app).await;
    let p = &demo.target;
    let sebelum = jejak(&app, p).await;
    let mut besar = b"%PDF-1.4\n".to_vec();
    besar.resize(2 * 1024 * 1024 + 1, b' ');
    besar.extend_from_slice(b"\n%%EOF\n");
    galat(
        &api.multipart(
            "/upload-dok",
            &[("id_ref_dokumen", "872")],
            Some(("besar.pdf", besar)),
        )
        .await,
        413,
    );
    galat(
        &api.multipart(
            "/upload-dok",
            &[("id_ref_dokumen", "872")],
            Some(("sk.pdf", b"GIF89a bukan pdf".to_vec())),
        )
        .await,
        415,
    );
    galat(
        &api.multipart(
            "/upload-dok",
            &[("id_ref_dokumen", "872")],
            Some(("sk.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\n".to_vec())),
        )
        .await,
        422,
    );
    galat(
        &api.multipart(
            "/upload-dok",
            &[("id_ref_dokumen", "999")],
            Some(("sk.pdf", pdf("x"))),
        )
        .await,
        400,
    );
    galat(
        &api.post_json("/upload-dok", &json!({"id_ref_dokumen": "872"}))
            .await,
        415,
    );
    galat(
        &api.multipart(
            "/upload-dok-rw",
            &[("id_riwayat", "bukan-uuid"), ("id_ref_dokumen", "873")],
            Some(("sk.pdf", pdf("y"))),
        )
        .await,
        400,
    );
    assert_eq!(jejak(&app, p).await, sebelum, "bad input changed nothing");
}

dua_mesin!(
    positions_apply_at_once_and_are_corrected_in_place,
    credit_points_training_and_courses_apply_at_once,
    penalties_and_awards_apply_at_once,
    yearly_appraisals_apply_and_quarters_or_old_model_skp_are_refused,
    personal_data_updates_apply_at_once,
    a_supporting_document_attaches_to_an_existing_row,
    the_six_deletable_kinds_delete_and_bad_ids_are_refused,
    every_applied_write_is_audited_as_the_client_and_the_user,
    education_and_cpns_saves_wait_for_bkn,
    a_promotion_waits_for_bkn_in_the_kp_list_and_takes_its_decree,
    malformed_dates_and_bodies_change_nothing,
    missing_foreign_or_unknown_documents_and_rows_change_nothing,
    writes_without_tokens_change_nothing,
    bad_uploads_change_nothing,
);
