//! The employee's own record, documents and access log; staff's scoped read-only view.

use crate::common::{App, csrf_dari, sebagai, spawn_app};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_store::FilterPegawai;

async fn cari(app: &App, instansi: &str, jenis: JenisPegawai) -> Pegawai {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            200,
        )
        .await
        .unwrap();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        let punya_dokumen = !app.store().dokumen_pegawai(p.id).await.unwrap().is_empty();
        // PNS with documents; PPPK without (the empty-state case).
        if p.jenis_pegawai == jenis
            && p.nik.is_some()
            && punya_dokumen == (jenis == JenisPegawai::Pns)
        {
            return p;
        }
    }
    panic!("no {jenis:?} in {instansi}")
}

fn pegawai_grant() -> PeranAkun {
    PeranAkun::new(Peran::Pegawai, None, None).unwrap()
}

#[tokio::test]
async fn my_profile_masks_until_asked_and_the_reveal_is_audited() {
    let app = spawn_app(80).await;
    let p = cari(&app, "PROV-JABAR", JenisPegawai::Pns).await;
    let nik = p.nik.clone().unwrap().as_str().to_string();
    let mut c = sebagai(&app, Some(&p), vec![pegawai_grant()], 21).await;
    let page = c.get("/profil").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&p.nama_lengkap()));
    assert!(
        page.body.contains(&p.nomor_induk.to_string()),
        "grouped NIP"
    );
    assert!(!page.body.contains(&nik), "NIK masked");
    assert!(page.body.contains(&nik[12..]), "last digits shown");
    assert!(page.body.contains("Riwayat golongan") && page.body.contains("Riwayat jabatan"));
    assert!(page.body.len() < 100_000);

    let shown = c
        .post("/profil/tampilkan", &[("csrf", &csrf_dari(&page.body))])
        .await;
    assert!(shown.body.contains(&nik));
    assert!(shown.body.contains("tercatat di log audit"));
    let log = c.get("/riwayat-akses").await;
    assert!(
        log.body
            .contains("Nomor identitas Anda (NIK, KK, NPWP, BPJS) dibuka")
    );

    let en = c.get("/profil?lang=en").await;
    assert!(en.body.contains("Positions") && en.body.contains("Birth date"));
}

#[tokio::test]
async fn a_pppk_profile_has_the_pppk_sections_and_empty_states() {
    let app = spawn_app(80).await;
    let p = cari(&app, "PROV-JABAR", JenisPegawai::Pppk).await;
    let mut c = sebagai(&app, Some(&p), vec![pegawai_grant()], 22).await;
    let page = c.get("/profil").await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("Riwayat golongan"),
        "no PNS rank section for PPPK"
    );
    assert!(page.body.contains("PPPK "));
    assert!(page.body.contains("Riwayat kursus"));
    assert!(
        page.body.contains("TMT PPPK") && !page.body.contains("TMT CPNS"),
        "a PPPK record is not labelled with a CPNS date"
    );
    let docs = c.get("/dokumen").await;
    assert!(docs.body.contains("Belum ada data"));
}

#[tokio::test]
async fn documents_reach_only_their_owner_and_staff_in_scope() {
    let app = spawn_app(80).await;
    let owner = cari(&app, "PROV-JABAR", JenisPegawai::Pns).await;
    let other = cari(&app, "KAB-GOWA", JenisPegawai::Pns).await;
    let doc = app
        .store()
        .dokumen_pegawai(owner.id)
        .await
        .unwrap()
        .remove(0);
    let path = format!("/dokumen/{}", doc.id);

    let mut me = sebagai(&app, Some(&owner), vec![pegawai_grant()], 31).await;
    let list = me.get("/dokumen").await;
    assert!(list.body.contains(&path));
    let r = me.get(&path).await;
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with("%PDF-1.4"));
    let disposition = r.set_cookies.is_empty(); // no cookies set on a download
    assert!(disposition);

    let mut stranger = sebagai(&app, Some(&other), vec![pegawai_grant()], 32).await;
    assert_eq!(stranger.get(&path).await.status, 404);
    assert_eq!(
        stranger.get(&format!("/pegawai/{}", owner.id)).await.status,
        404
    );

    let mut operator_b = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::OperatorInstansi, Some("KAB-GOWA".into()), None).unwrap()],
        33,
    )
    .await;
    assert_eq!(operator_b.get(&path).await.status, 404);

    let mut operator_a = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::OperatorInstansi, Some("PROV-JABAR".into()), None).unwrap()],
        34,
    )
    .await;
    assert_eq!(operator_a.get(&path).await.status, 200);
    let view = operator_a.get(&format!("/pegawai/{}", owner.id)).await;
    assert_eq!(view.status, 200);
    // The agency's operator may propose from the record: each section offers it, for this
    // employee, and the form opens for them.
    assert!(
        view.body.contains("usulkan perubahan dari setiap bagian"),
        "{}",
        view.body
    );
    let usul = format!("/usulan/baru?jenis=data_utama&#38;pegawai={}", owner.id);
    assert!(view.body.contains(&usul), "{}", view.body);
    let form = operator_a
        .get(&format!(
            "/usulan/baru?jenis=data_utama&pegawai={}",
            owner.id
        ))
        .await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains(&owner.nama));
    // Read-only for staff who may not propose (another agency's admin, BKN verifier).
    let mut bkn = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::VerifikatorBkn, None, None).unwrap()],
        35,
    )
    .await;
    let lihat = bkn.get(&format!("/pegawai/{}", owner.id)).await;
    assert_eq!(lihat.status, 200);
    assert!(lihat.body.contains("hanya baca") && !lihat.body.contains("/usulan/baru"));

    // The employee sees who read their record and documents.
    let log = me.get("/riwayat-akses").await;
    assert!(
        log.body.contains("Data kepegawaian Anda dilihat"),
        "{}",
        log.body
    );
    assert!(log.body.contains("Dokumen Anda diunduh") && !log.body.contains("dokumen.diunduh"));
    assert!(log.body.contains("Petugas 34 (Operator Instansi)"));
    assert!(
        !log.body.contains("Petugas 33"),
        "refused reads leave no trace as reads"
    );
}

#[tokio::test]
async fn the_employee_home_shows_promotion_retirement_and_completeness_notices() {
    let app = spawn_app(80).await;
    let p = cari(&app, "PROV-JABAR", JenisPegawai::Pns).await;
    let mut c = sebagai(&app, Some(&p), vec![pegawai_grant()], 41).await;
    let home = c.get("/beranda").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Pemberitahuan"));
    assert!(
        home.body.contains("kenaikan pangkat reguler periode"),
        "{}",
        home.body
    );
    assert!(home.body.contains("Kelengkapan data"));
    // Staff accounts without an employee record get no employee notices.
    let mut admin = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::AdminBkn, None, None).unwrap()],
        42,
    )
    .await;
    assert!(!admin.get("/beranda").await.body.contains("Pemberitahuan"));
}

#[tokio::test]
async fn performance_and_competence_pages_with_empty_states() {
    let app = spawn_app(80).await;
    // Someone appointed long enough ago to have appraisals in both models.
    let mut pns = None;
    for r in app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: "PROV-JABAR".into(),
                unor_id: None,
            },
            None,
            200,
        )
        .await
        .unwrap()
        .items
    {
        let rows = app
            .store()
            .riwayat_pegawai(r.id, Some(siasn_domain::riwayat::JenisRiwayat::Skp))
            .await
            .unwrap();
        if !rows.is_empty() {
            pns = Some(app.store().pegawai(r.id).await.unwrap());
            break;
        }
    }
    let pns = pns.expect("a PNS with appraisals before 2022");
    let mut c = sebagai(&app, Some(&pns), vec![pegawai_grant()], 51).await;
    let k = c.get("/kinerja").await;
    assert_eq!(k.status, 200);
    assert!(
        k.body.contains("<svg") && k.body.contains("<rect"),
        "chart: {}",
        k.body
    );
    assert!(k.body.contains("PermenPANRB 6/2022"), "2022 model rows");
    let t = c.get("/kompetensi").await;
    assert_eq!(t.status, 200);
    assert!(t.body.contains("Jam pelatihan per tahun"));
    assert!(t.body.contains("Pelatihan Dasar CPNS") || t.body.contains("Diklat Prajabatan"));

    // A PPPK has no SKP rows in the demo: an empty state, not an error.
    let pppk = cari(&app, "PROV-JABAR", JenisPegawai::Pppk).await;
    let mut d = sebagai(&app, Some(&pppk), vec![pegawai_grant()], 52).await;
    let k = d.get("/kinerja").await;
    assert_eq!(k.status, 200);
    assert!(k.body.contains("Belum ada data"));
    // Staff without an employee record are sent home.
    let mut admin = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::AdminBkn, None, None).unwrap()],
        53,
    )
    .await;
    assert_eq!(
        admin.get("/kinerja").await.location.as_deref(),
        Some("/beranda")
    );
}

#[tokio::test]
async fn staff_search_stays_within_scope_and_keeps_criteria_out_of_urls() {
    let app = spawn_app(80).await;
    let a = cari(&app, "PROV-JABAR", JenisPegawai::Pns).await;
    let b = cari(&app, "KAB-GOWA", JenisPegawai::Pns).await;
    let mut op = sebagai(
        &app,
        None,
        vec![PeranAkun::new(Peran::OperatorInstansi, Some("PROV-JABAR".into()), None).unwrap()],
        61,
    )
    .await;
    let form = op.get("/pegawai").await;
    assert_eq!(form.status, 200);
    let csrf = csrf_dari(&form.body);
    let r = op
        .post(
            "/pegawai",
            &[("csrf", &csrf), ("teks", &a.nomor_induk.to_string())],
        )
        .await;
    assert!(r.body.contains(&a.nama), "{}", r.body);
    let r = op
        .post(
            "/pegawai",
            &[("csrf", &csrf), ("teks", b.nomor_induk.as_str())],
        )
        .await;
    assert!(r.body.contains("Tidak ada pegawai yang cocok"));
    let first = a.nama.split(' ').next().unwrap().to_lowercase();
    let r = op
        .post("/pegawai", &[("csrf", &csrf), ("teks", &first)])
        .await;
    assert!(r.body.contains(&a.nama));
    // The unit filter lists the agency's units and narrows to one.
    assert!(
        form.body.contains("id=\"unit\""),
        "unit filter for an agency operator"
    );
    let unit = a.unor_id.unwrap();
    let lain = app
        .store()
        .unor_instansi("PROV-JABAR")
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.id != unit)
        .unwrap();
    let r = op
        .post(
            "/pegawai",
            &[
                ("csrf", &csrf),
                ("teks", &first),
                ("unit", &unit.to_string()),
            ],
        )
        .await;
    assert!(r.body.contains(&a.nama), "{}", r.body);
    assert!(r.body.contains(" pegawai cocok"), "{}", r.body);
    // The row names the agency and the unit, and the NIP is grouped.
    let nama_unit = app.store().unor(unit).await.unwrap().nama;
    assert!(r.body.contains(&nama_unit), "{}", r.body);
    assert!(
        r.body.contains("Pemerintah Provinsi Jawa Barat"),
        "{}",
        r.body
    );
    assert!(r.body.contains(&a.nomor_induk.to_string()));
    // The same search as CSV: every match, names not codes, nothing cached.
    let (status, jenis, _, isi) = op
        .unduh_post(
            "/pegawai",
            &[("csrf", &csrf), ("teks", &first), ("format", "csv")],
        )
        .await;
    assert_eq!(status, 200);
    assert!(jenis.starts_with("text/csv"), "{jenis}");
    let teks = String::from_utf8(isi).unwrap();
    let mut baris = teks.lines();
    assert!(baris.next().unwrap().starts_with("Nama,NIP,"), "{teks}");
    assert!(
        teks.contains(&a.nama) && teks.contains(&nama_unit),
        "{teks}"
    );
    assert!(
        !teks.contains(&b.nama),
        "another agency's employee in the export"
    );
    let r = op
        .post(
            "/pegawai",
            &[
                ("csrf", &csrf),
                ("teks", a.nomor_induk.as_str()),
                ("unit", &lain.id.to_string()),
            ],
        )
        .await;
    assert!(
        !r.body.contains(&a.nama),
        "another unit excludes the employee"
    );
    // A unit of another agency finds nothing (the scope stays in the query).
    let unit_b = b.unor_id.unwrap().to_string();
    let r = op
        .post("/pegawai", &[("csrf", &csrf), ("unit", &unit_b)])
        .await;
    assert!(r.body.contains("Tidak ada pegawai yang cocok"));
    let mut employee = sebagai(&app, Some(&a), vec![pegawai_grant()], 62).await;
    assert_eq!(employee.get("/pegawai").await.status, 403);
}
