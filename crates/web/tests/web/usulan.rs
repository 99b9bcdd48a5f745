//! Peremajaan data over HTTP: both routes, return and resubmit, reject, conflict on apply,
//! concurrent approval, double submit, collective proposals and bad input.

use crate::common::{App, Klien, csrf_dari, sebagai, spawn_app};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat};
use siasn_store::FilterPegawai;
use uuid::Uuid;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

async fn pns(app: &App, instansi: &str, n: usize) -> Vec<Pegawai> {
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
    let mut out = Vec::new();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.jenis_pegawai == JenisPegawai::Pns && p.kedudukan_hukum_id == "01" && p.email.is_some()
        {
            out.push(p);
        }
        if out.len() == n {
            return out;
        }
    }
    panic!("not enough PNS in {instansi}")
}

fn g(peran: Peran, instansi: Option<&str>, kanreg: Option<&str>) -> PeranAkun {
    PeranAkun::new(
        peran,
        instansi.map(str::to_string),
        kanreg.map(str::to_string),
    )
    .unwrap()
}

fn id_dari(r: &crate::common::Resp) -> Uuid {
    assert_eq!(r.status, 303, "{}", r.body);
    let loc = r.location.as_deref().unwrap();
    Uuid::parse_str(loc.rsplit('/').next().unwrap()).unwrap()
}

fn versi_dari(body: &str) -> String {
    let i = body.find("name=\"versi\" value=\"").expect("a versi field") + 20;
    body[i..].split('"').next().unwrap().to_string()
}

async fn putuskan(c: &mut Klien, id: Uuid, aksi: &str, alasan: &str) -> crate::common::Resp {
    let page = c.get(&format!("/usulan/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = csrf_dari(&page.body);
    let versi = versi_dari(&page.body);
    c.post(
        &format!("/usulan/{id}/putuskan"),
        &[
            ("csrf", &csrf),
            ("versi", &versi),
            ("aksi", aksi),
            ("alasan", alasan),
        ],
    )
    .await
}

fn diklat_fields<'a>(csrf: &'a str, kunci: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kunci_kirim", kunci),
        ("jenis", "diklat"),
        ("aksi", "ajukan"),
        ("f_latihan_struktural_id", "2"),
        ("f_nama", "Pelatihan Kepemimpinan Pengawas"),
        ("f_nomor_sertifikat", "PKP/2025/0042"),
        ("f_tanggal_mulai", "2025-03-03"),
        ("f_tanggal_selesai", "2025-05-30"),
        ("f_jumlah_jam", "300"),
        ("f_institusi_penyelenggara", "BPSDM Jawa Barat"),
        ("jenis_dokumen_1", "874"),
    ]
}

async fn status(app: &App, id: Uuid) -> String {
    app.store()
        .usulan(id)
        .await
        .unwrap()
        .status
        .kode()
        .to_string()
}

async fn agency_route_from_submit_to_applied_with_audit_and_notice() {
    let mut app = spawn_app(120).await;
    let p = pns(&app, "PROV-JABAR", 1).await.remove(0);
    let mut emp = sebagai(&app, Some(&p), vec![g(Peran::Pegawai, None, None)], 31).await;
    let csrf = emp.csrf("/usulan/baru?jenis=diklat").await;
    let r = emp
        .multipart(
            "/usulan",
            &diklat_fields(&csrf, "k1"),
            &[("dokumen_1", "sertifikat.pdf", PDF.to_vec())],
        )
        .await;
    let id = id_dari(&r);
    assert_eq!(status(&app, id).await, "DIAJUKAN");
    let page = emp.get(&format!("/usulan/{id}")).await;
    assert!(page.body.contains("Pelatihan Kepemimpinan Pengawas"));
    assert!(
        page.body.contains("Batalkan usulan"),
        "cancel while undecided"
    );
    // The employee is told by e-mail (real SMTP listener).
    let surat = app.surat_berikutnya().await.replace("=\n", "");
    assert!(surat.contains("Menunggu verifikasi instansi"), "{surat}");
    assert!(!surat.contains(p.nomor_induk.as_str()), "no NIP in e-mail");

    // A verifier of another agency sees nothing; the agency's verifier sees it in the queue.
    let mut lain = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("KOTA-BANDUNG"), None)],
        32,
    )
    .await;
    assert_eq!(lain.get(&format!("/usulan/{id}")).await.status, 404);
    let mut ver = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        33,
    )
    .await;
    let q = ver.get("/verifikasi").await;
    assert!(q.body.contains(&p.nama), "{}", q.body);
    let doc = app.store().lampiran_usulan(id).await.unwrap().remove(0);
    let inline = ver
        .get(&format!("/usulan/{id}/dokumen/{}", doc.dokumen.id))
        .await;
    assert_eq!(inline.status, 200);
    assert!(inline.body.starts_with("%PDF"));

    let r = putuskan(&mut ver, id, "setujui", "").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(status(&app, id).await, "SELESAI");
    let rows = app
        .store()
        .riwayat_pegawai(p.id, Some(JenisRiwayat::Diklat))
        .await
        .unwrap();
    let baru = rows
        .iter()
        .find(
            |r| matches!(&r.data, DataRiwayat::Diklat(d) if d.nomor_sertifikat == "PKP/2025/0042"),
        )
        .expect("row applied");
    let dok = app.store().dokumen(doc.dokumen.id).await.unwrap();
    assert_eq!(
        dok.riwayat_id,
        Some(baru.id),
        "document linked to the new row"
    );
    let audit = app.store().audit_tentang_pegawai(p.id, 20).await.unwrap();
    let ubah = audit
        .iter()
        .find(|e| e.aksi == "pegawai.diubah")
        .expect("audit of the change");
    assert_eq!(
        ubah.alasan.as_deref(),
        Some(format!("usulan {id}").as_str())
    );
    assert!(ubah.sesudah.as_deref().unwrap().contains("PKP/2025/0042"));
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );
    let surat = app.surat_berikutnya().await.replace("=\n", "");
    assert!(surat.contains("Disetujui dan diterapkan"), "{surat}");
    // In-app notifications, newest first.
    let list = emp.get("/usulan").await;
    assert!(list.body.contains("Disetujui dan diterapkan"));
    // Decided: no more cancelling, and no second decision.
    let page = emp.get(&format!("/usulan/{id}")).await;
    assert!(!page.body.contains("Batalkan usulan"));
}

async fn bkn_route_with_return_and_resubmit() {
    let app = spawn_app(120).await;
    let p = pns(&app, "PROV-JABAR", 1).await.remove(0);
    let kanreg = app.store().letak_pegawai(p.id).await.unwrap().kanreg_id;
    let mut emp = sebagai(&app, Some(&p), vec![g(Peran::Pegawai, None, None)], 41).await;
    let gol = p.golongan.unwrap();
    let next = gol.berikutnya().unwrap_or(gol);
    let gol_id = next.id().to_string();
    let csrf = emp.csrf("/usulan/baru?jenis=golongan").await;
    let fields = vec![
        ("csrf", csrf.as_str()),
        ("kunci_kirim", "g1"),
        ("jenis", "golongan"),
        ("aksi", "ajukan"),
        ("f_golongan", gol_id.as_str()),
        ("f_jenis_kp_id", "101"),
        ("f_tmt_golongan", "2026-10-01"),
        ("f_sk.nomor", "823.3/KP.01/2026"),
        ("f_sk.tanggal", "2026-09-15"),
        ("f_masa_kerja_tahun", "12"),
        ("f_masa_kerja_bulan", "0"),
    ];
    // The rank needs an SK KP: a training certificate does not do.
    let mut wrong = fields.clone();
    wrong.push(("jenis_dokumen_1", "874"));
    let r = emp
        .multipart("/usulan", &wrong, &[("dokumen_1", "sk.pdf", PDF.to_vec())])
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body
            .contains("Dokumen pendukung yang diwajibkan belum dilampirkan")
    );
    let mut ok = fields.clone();
    ok.push(("jenis_dokumen_1", "L02"));
    let id = id_dari(
        &emp.multipart("/usulan", &ok, &[("dokumen_1", "sk-kp.pdf", PDF.to_vec())])
            .await,
    );
    assert_eq!(app.store().usulan(id).await.unwrap().rute.kode(), "BKN");

    let mut ver = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        42,
    )
    .await;
    let mut bkn = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorBkn, None, Some(&kanreg))],
        43,
    )
    .await;
    let kanreg_lain = if kanreg == "01" { "02" } else { "01" };
    let mut bkn_lain = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorBkn, None, Some(kanreg_lain))],
        44,
    )
    .await;
    // BKN cannot act before the agency.
    let early = bkn.get(&format!("/usulan/{id}")).await;
    assert!(!early.body.contains("value=\"setujui\""));
    assert_eq!(putuskan(&mut ver, id, "setujui", "").await.status, 200);
    assert_eq!(status(&app, id).await, "MENUNGGU_BKN");
    assert_eq!(
        bkn_lain.get(&format!("/usulan/{id}")).await.status,
        404,
        "other Kanreg"
    );
    assert!(bkn.get("/verifikasi").await.body.contains(&p.nama));

    // Return without a reason is refused; with one it goes back to the employee.
    let r = putuskan(&mut bkn, id, "kembalikan", " ").await;
    assert!(r.body.contains("Alasan wajib diisi"), "{}", r.body);
    assert_eq!(status(&app, id).await, "MENUNGGU_BKN");
    putuskan(&mut bkn, id, "kembalikan", "SK buram, unggah ulang").await;
    assert_eq!(status(&app, id).await, "DIKEMBALIKAN");
    let form = emp.get(&format!("/usulan/{id}/revisi")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("SK buram, unggah ulang"));
    let csrf = csrf_dari(&form.body);
    let mut revisi: Vec<(&str, &str)> = fields
        .iter()
        .filter(|(k, _)| *k != "csrf")
        .copied()
        .collect();
    revisi.push(("csrf", &csrf));
    revisi.push(("jenis_dokumen_1", "L02"));
    let r = emp
        .multipart(
            &format!("/usulan/{id}/revisi"),
            &revisi,
            &[(
                "dokumen_1",
                "sk-kp-jelas.pdf",
                b"%PDF-1.7\n% jelas\n%%EOF".to_vec(),
            )],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let u = app.store().usulan(id).await.unwrap();
    assert_eq!((u.status.kode(), u.putaran), ("DIAJUKAN", 2));
    assert_eq!(putuskan(&mut ver, id, "setujui", "").await.status, 200);
    assert_eq!(putuskan(&mut bkn, id, "setujui", "").await.status, 200);
    assert_eq!(status(&app, id).await, "SELESAI");
    let q = app.store().pegawai(p.id).await.unwrap();
    assert_eq!(q.golongan, Some(next), "snapshot follows the newest rank");
    assert_eq!(q.tmt_golongan, chrono::NaiveDate::from_ymd_opt(2026, 10, 1));
    let jejak = app.store().jejak_usulan(id).await.unwrap();
    let langkah: Vec<_> = jejak.iter().map(|j| j.langkah.as_str()).collect();
    assert_eq!(
        langkah,
        [
            "AJUKAN",
            "SETUJUI",
            "KEMBALIKAN",
            "AJUKAN_ULANG",
            "SETUJUI",
            "SETUJUI"
        ]
    );
}

async fn usul_hp(c: &mut Klien, kunci: &str, hp: &str) -> crate::common::Resp {
    let csrf = c.csrf("/usulan/baru?jenis=data_utama").await;
    c.multipart(
        "/usulan",
        &[
            ("csrf", &csrf),
            ("kunci_kirim", kunci),
            ("jenis", "data_utama"),
            ("aksi", "ajukan"),
            ("f_nomor_hp", hp),
        ],
        &[],
    )
    .await
}

async fn reject_conflict_concurrency_and_double_submit() {
    let app = spawn_app(120).await;
    let p = pns(&app, "PROV-JABAR", 1).await.remove(0);
    let mut emp = sebagai(&app, Some(&p), vec![g(Peran::Pegawai, None, None)], 51).await;
    // Double submit (same form key): one proposal.
    let a = id_dari(&usul_hp(&mut emp, "same", "081200000001").await);
    let a2 = id_dari(&usul_hp(&mut emp, "same", "081200000001").await);
    assert_eq!(a, a2);
    let b = id_dari(&usul_hp(&mut emp, "other", "081200000002").await);
    let c = id_dari(&usul_hp(&mut emp, "third", "081200000003").await);
    assert_eq!(
        app.store()
            .usulan_saya(Some(p.id), Uuid::nil(), 10)
            .await
            .unwrap()
            .len(),
        3
    );

    let mut v1 = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        52,
    )
    .await;
    let mut v2 = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        53,
    )
    .await;
    // Two verifiers approve the same proposal at the same moment: exactly one wins.
    let page1 = v1.get(&format!("/usulan/{a}")).await;
    let page2 = v2.get(&format!("/usulan/{a}")).await;
    let (c1, c2) = (csrf_dari(&page1.body), csrf_dari(&page2.body));
    let versi = versi_dari(&page1.body);
    let path = format!("/usulan/{a}/putuskan");
    let f1 = [
        ("csrf", c1.as_str()),
        ("versi", versi.as_str()),
        ("aksi", "setujui"),
        ("alasan", ""),
    ];
    let f2 = [
        ("csrf", c2.as_str()),
        ("versi", versi.as_str()),
        ("aksi", "setujui"),
        ("alasan", ""),
    ];
    let (r1, r2) = tokio::join!(v1.post(&path, &f1), v2.post(&path, &f2));
    let menang = [&r1, &r2]
        .iter()
        .filter(|r| r.body.contains("Keputusan tersimpan"))
        .count();
    let kalah = [&r1, &r2]
        .iter()
        .filter(|r| r.body.contains("sudah diproses oleh orang lain"))
        .count();
    assert_eq!((menang, kalah), (1, 1), "{}\n{}", r1.body, r2.body);
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().nomor_hp.as_deref(),
        Some("081200000001")
    );
    let diubah = app
        .store()
        .audit_tentang_pegawai(p.id, 50)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.aksi == "pegawai.diubah")
        .count();
    assert_eq!(diubah, 1);

    // b was made when the phone was the old number: applying it now is refused, explained.
    let r = putuskan(&mut v1, b, "setujui", "").await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("sudah berubah dari"), "{}", r.body);
    assert!(r.body.contains("081200000001"));
    assert_eq!(status(&app, b).await, "DIAJUKAN");
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().nomor_hp.as_deref(),
        Some("081200000001")
    );

    // Reject needs a reason; with one it is final and the employee can no longer cancel.
    let r = putuskan(&mut v1, c, "tolak", "").await;
    assert!(r.body.contains("Alasan wajib diisi"));
    putuskan(&mut v1, c, "tolak", "Nomor tidak aktif").await;
    assert_eq!(status(&app, c).await, "DITOLAK");
    let page = emp.get(&format!("/usulan/{c}")).await;
    assert!(page.body.contains("Nomor tidak aktif"));
    assert!(!page.body.contains("Batalkan usulan"));
    // The employee withdraws b.
    let page = emp.get(&format!("/usulan/{b}")).await;
    let r = emp
        .post(
            &format!("/usulan/{b}/batalkan"),
            &[
                ("csrf", &csrf_dari(&page.body)),
                ("versi", &versi_dari(&page.body)),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(status(&app, b).await, "DIBATALKAN");
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );
    // The operational view counts them.
    let mut ops = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        54,
    )
    .await;
    let s = ops.get("/usulan/statistik").await;
    assert_eq!(s.status, 200);
    assert!(s.body.contains("Ditolak") && s.body.contains("Disetujui dan diterapkan"));
}

async fn collective_with_mixed_rows_and_per_employee_outcome() {
    let app = spawn_app(160).await;
    let orang = pns(&app, "PROV-JABAR", 3).await;
    let luar = pns(&app, "KOTA-BANDUNG", 1).await.remove(0);
    let unor = app.store().unor_instansi("PROV-JABAR").await.unwrap();
    let tujuan = unor.last().unwrap().id.to_string();
    let mut op = sebagai(
        &app,
        None,
        vec![g(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
        61,
    )
    .await;
    let csv = format!(
        "nip;unor_id;nomor_hp\n{};{tujuan};081311110001\n{};{tujuan};\n{};{tujuan};0813\n{};{tujuan};\n12345;{tujuan};\n{};{tujuan};\n",
        orang[0].nomor_induk.as_str(),
        orang[1].nomor_induk.as_str(),
        orang[2].nomor_induk.as_str(),
        luar.nomor_induk.as_str(),
        orang[0].nomor_induk.as_str(),
    );
    let csrf = op.csrf("/kolektif?jenis=data_utama").await;
    let base = [
        ("csrf", csrf.as_str()),
        ("jenis", "data_utama"),
        ("judul", "SK Penataan Organisasi 2026"),
    ];
    let mut periksa = base.to_vec();
    periksa.push(("langkah", "periksa"));
    let r = op
        .multipart(
            "/kolektif",
            &periksa,
            &[("csv", "daftar.csv", csv.clone().into_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("2 / 6"), "{}", r.body);
    assert!(r.body.contains("nomor HP harus 8–15 angka"));
    assert!(r.body.contains("NIP tidak ditemukan di instansi Anda"));
    assert!(r.body.contains("NIP muncul lebih dari sekali"));
    // Each passing row shows the values about to be written beside the current ones, by name.
    let nama_tujuan = &unor.last().unwrap().nama;
    assert!(
        r.body.contains(&format!("<strong>{nama_tujuan}</strong>")),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("<strong>081311110001</strong>"),
        "{}",
        r.body
    );
    let sekarang = app.store().pegawai(orang[0].id).await.unwrap().unor_id;
    if let Some(u) = sekarang {
        let nama_sekarang = app.store().unor(u).await.unwrap().nama;
        assert!(
            r.body.contains(&format!("{nama_sekarang} → ")),
            "{}",
            r.body
        );
    }
    let mut ajukan = base.to_vec();
    ajukan.push(("langkah", "ajukan"));
    ajukan.push(("csv_teks", &csv));
    let r = op.multipart("/kolektif", &ajukan, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let kid: Uuid = r
        .location
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let items = app.store().usulan_kolektif(kid).await.unwrap();
    assert_eq!(items.len(), 2);

    // Meanwhile one of them gets a different unit by another approved path: a conflict later.
    let mut ver = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        62,
    )
    .await;
    // Make the record change underneath one item.
    let mut emp = sebagai(
        &app,
        Some(&orang[1]),
        vec![g(Peran::Pegawai, None, None)],
        63,
    )
    .await;
    let csrf_e = emp.csrf("/usulan/baru?jenis=data_utama").await;
    let lain = unor.first().unwrap().id.to_string();
    let r = emp
        .multipart(
            "/usulan",
            &[
                ("csrf", &csrf_e),
                ("kunci_kirim", "x"),
                ("jenis", "data_utama"),
                ("aksi", "ajukan"),
                ("f_unor_id", &lain),
            ],
            &[],
        )
        .await;
    let sendiri = id_dari(&r);
    if orang[1].unor_id.map(|u| u.to_string()) != Some(lain.clone()) {
        assert_eq!(putuskan(&mut ver, sendiri, "setujui", "").await.status, 200);
    }
    let page = ver.get(&format!("/kolektif/{kid}")).await;
    let r = ver
        .post(
            &format!("/kolektif/{kid}/putuskan"),
            &[
                ("csrf", &csrf_dari(&page.body)),
                ("aksi", "setujui"),
                ("alasan", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let q0 = app.store().pegawai(orang[0].id).await.unwrap();
    assert_eq!(q0.unor_id.map(|u| u.to_string()), Some(tujuan.clone()));
    assert_eq!(q0.nomor_hp.as_deref(), Some("081311110001"));
    if orang[1].unor_id.map(|u| u.to_string()) != Some(lain) {
        assert!(r.body.contains("data sudah berubah"), "{}", r.body);
        let q1 = app.store().pegawai(orang[1].id).await.unwrap();
        assert_ne!(q1.unor_id.map(|u| u.to_string()), Some(tujuan));
    }
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );
}

async fn bad_input_is_refused_and_nothing_is_stored() {
    let app = spawn_app(120).await;
    let orang = pns(&app, "PROV-JABAR", 2).await;
    let luar = pns(&app, "KOTA-BANDUNG", 1).await.remove(0);
    let mut emp = sebagai(
        &app,
        Some(&orang[0]),
        vec![g(Peran::Pegawai, None, None)],
        71,
    )
    .await;
    let csrf = emp.csrf("/usulan/baru?jenis=diklat").await;
    let hitung = || async {
        app.store()
            .usulan_saya(Some(orang[0].id), Uuid::nil(), 10)
            .await
            .unwrap()
            .len()
    };
    let dok_awal = app
        .store()
        .dokumen_pegawai(orang[0].id)
        .await
        .unwrap()
        .len();
    // A renamed executable, an empty file, a zip, an oversized PDF.
    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec();
    let mut besar = b"%PDF-1.4\n".to_vec();
    besar.resize(2 * 1024 * 1024 + 10, b'0');
    for (nama, isi, pesan) in [
        ("sertifikat.pdf", exe, "bukan PDF, JPEG atau PNG"),
        ("kosong.pdf", Vec::new(), "berkas kosong"),
        (
            "bom.pdf",
            b"PK\x03\x04\x14\x00\x08\x00".to_vec(),
            "bukan PDF, JPEG atau PNG",
        ),
        ("besar.pdf", besar, "melebihi batas"),
    ] {
        let r = emp
            .multipart(
                "/usulan",
                &diklat_fields(&csrf, nama),
                &[("dokumen_1", nama, isi)],
            )
            .await;
        assert_eq!(r.status, 422, "{nama}: {}", r.body);
        assert!(r.body.contains(pesan), "{nama}: {}", r.body);
    }
    // A date in the future is a hard error.
    let mut masa_depan = diklat_fields(&csrf, "future");
    masa_depan.retain(|(k, _)| *k != "f_tanggal_selesai");
    masa_depan.push(("f_tanggal_selesai", "2030-01-01"));
    let r = emp
        .multipart(
            "/usulan",
            &masa_depan,
            &[("dokumen_1", "s.pdf", PDF.to_vec())],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("di masa depan"));
    assert_eq!(hitung().await, 0);
    assert_eq!(
        app.store()
            .dokumen_pegawai(orang[0].id)
            .await
            .unwrap()
            .len(),
        dok_awal
    );

    // Forged forms: another employee's record, another employee's archive document.
    let mut forged = diklat_fields(&csrf, "forged");
    let lain_id = orang[1].id.to_string();
    forged.push(("pegawai", &lain_id));
    let r = emp
        .multipart("/usulan", &forged, &[("dokumen_1", "s.pdf", PDF.to_vec())])
        .await;
    assert_eq!(r.status, 403);
    let dok_lain = app.store().dokumen_pegawai(orang[1].id).await.unwrap();
    if let Some(d) = dok_lain.first() {
        let mut f = diklat_fields(&csrf, "forged-doc");
        let did = d.id.to_string();
        f.push(("arsip", &did));
        let r = emp
            .multipart("/usulan", &f, &[("dokumen_1", "s.pdf", PDF.to_vec())])
            .await;
        assert_eq!(r.status, 403);
    }
    let r = emp
        .multipart("/usulan", &[("csrf", "salah"), ("jenis", "diklat")], &[])
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(hitung().await, 0);

    // An operator cannot propose outside their agency; a 100,000-row CSV is refused whole.
    let mut op = sebagai(
        &app,
        None,
        vec![g(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
        72,
    )
    .await;
    assert_eq!(
        op.get(&format!(
            "/usulan/baru?jenis=data_utama&pegawai={}",
            luar.id
        ))
        .await
        .status,
        403
    );
    let csrf_op = op.csrf("/kolektif").await;
    let mut csv = String::from("nip,nomor_hp\n");
    for _ in 0..100_000 {
        csv.push_str("198503302010012003,081234567890\n");
    }
    let r = op
        .multipart(
            "/kolektif",
            &[
                ("csrf", &csrf_op),
                ("jenis", "data_utama"),
                ("langkah", "periksa"),
            ],
            &[("csv", "besar.csv", csv.into_bytes())],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("melebihi batas"), "{}", r.body);
    let mut csv = String::from("nip,nomor_hp\n");
    for _ in 0..5_001 {
        csv.push_str("198503302010012003,081234567890\n");
    }
    let r = op
        .multipart(
            "/kolektif",
            &[
                ("csrf", &csrf_op),
                ("jenis", "data_utama"),
                ("langkah", "periksa"),
            ],
            &[("csv", "besar.csv", csv.into_bytes())],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("terlalu banyak baris"), "{}", r.body);
    // The server is still up.
    assert_eq!(op.get("/healthz").await.status, 200);
}

/// The fields a browser would send from a rendered form: every `f_*` input's value and each
/// select's selected option (HTML entities for `&` and quotes undone).
fn isian_form(html: &str) -> Vec<(String, String)> {
    let buka = |s: &str| {
        s.replace("&#38;", "&")
            .replace("&amp;", "&")
            .replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
    };
    let attr = |tag: &str, nama: &str| {
        let k = format!(" {nama}=\"");
        tag.find(&k).map(|i| {
            tag[i + k.len()..]
                .split('"')
                .next()
                .unwrap_or("")
                .to_string()
        })
    };
    let mut out = Vec::new();
    for (i, _) in html.match_indices("<input ") {
        let tag = &html[i..i + html[i..].find('>').unwrap()];
        if let Some(n) = attr(tag, "name").filter(|n| n.starts_with("f_")) {
            if attr(tag, "type").as_deref() == Some("checkbox") && !tag.contains(" checked") {
                continue;
            }
            out.push((n, buka(&attr(tag, "value").unwrap_or_default())));
        }
    }
    for (i, _) in html.match_indices("<select ") {
        let akhir = i + html[i..].find("</select>").unwrap();
        let sel = &html[i..akhir];
        let tag = &sel[..sel.find('>').unwrap()];
        let Some(n) = attr(tag, "name").filter(|n| n.starts_with("f_")) else {
            continue;
        };
        let v = sel
            .match_indices("<option ")
            .map(|(j, _)| &sel[j..j + sel[j..].find('>').unwrap()])
            .find(|o| o.contains(" selected"))
            .and_then(|o| attr(o, "value"))
            .unwrap_or_default();
        out.push((n, buka(&v)));
    }
    out
}

/// BTS asks for a better document: resubmitting the returned proposal exactly as the form
/// shows it, with only a new document, is accepted (data utama and a new history row).
async fn returned_proposal_resubmitted_with_only_a_new_document() {
    let app = spawn_app(120).await;
    let p = pns(&app, "PROV-JABAR", 1).await.remove(0);
    let mut emp = sebagai(&app, Some(&p), vec![g(Peran::Pegawai, None, None)], 71).await;
    let mut ver = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
        72,
    )
    .await;
    let csrf = emp.csrf("/usulan/baru?jenis=data_utama").await;
    let id = id_dari(
        &emp.multipart(
            "/usulan",
            &[
                ("csrf", &csrf),
                ("kunci_kirim", "bts-1"),
                ("jenis", "data_utama"),
                ("aksi", "ajukan"),
                ("f_tempat_lahir", "Kota Bandung"),
                ("jenis_dokumen_1", "L03"),
            ],
            &[("dokumen_1", "ktp.pdf", PDF.to_vec())],
        )
        .await,
    );
    let r = putuskan(&mut ver, id, "kembalikan", "KTP buram, unggah ulang").await;
    assert_eq!(r.status, 200);
    kirim_ulang_seperti_form(&app, &mut emp, id, "bts-2", "L03").await;

    // A correction of a rank row that changes no value but brings its missing SK.
    let kanreg = app.store().letak_pegawai(p.id).await.unwrap().kanreg_id;
    let baris = app
        .store()
        .riwayat_pegawai(p.id, Some(siasn_domain::riwayat::JenisRiwayat::Golongan))
        .await
        .unwrap()
        .remove(0);
    let form = emp
        .get(&format!("/usulan/baru?jenis=golongan&riwayat={}", baris.id))
        .await;
    assert_eq!(form.status, 200);
    let isian = isian_form(&form.body);
    let csrf = csrf_dari(&form.body);
    let riwayat_id = baris.id.to_string();
    let mut kirim: Vec<(&str, &str)> = isian
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    kirim.extend([
        ("csrf", csrf.as_str()),
        ("kunci_kirim", "sk-1"),
        ("jenis", "golongan"),
        ("riwayat", riwayat_id.as_str()),
        ("aksi", "ajukan"),
        ("jenis_dokumen_1", "L02"),
    ]);
    let r = emp
        .multipart(
            "/usulan",
            &kirim,
            &[("dokumen_1", "sk-kp.pdf", PDF.to_vec())],
        )
        .await;
    let sk = id_dari(&r);
    let r = putuskan(&mut ver, sk, "kembalikan", "SK terpotong, unggah ulang").await;
    assert_eq!(r.status, 200);
    kirim_ulang_seperti_form(&app, &mut emp, sk, "sk-2", "L02").await;
    let mut bkn = sebagai(
        &app,
        None,
        vec![g(Peran::VerifikatorBkn, None, Some(&kanreg))],
        73,
    )
    .await;
    assert_eq!(putuskan(&mut ver, sk, "setujui", "").await.status, 200);
    assert_eq!(putuskan(&mut bkn, sk, "setujui", "").await.status, 200);
    assert_eq!(status(&app, sk).await, "SELESAI");
    // The row is unchanged and now has the SK that came with the correction.
    let sesudah = app
        .store()
        .riwayat_pegawai(p.id, Some(siasn_domain::riwayat::JenisRiwayat::Golongan))
        .await
        .unwrap();
    assert!(
        sesudah
            .iter()
            .any(|r| r.id == baris.id && r.data == baris.data)
    );
    let dok = app.store().dokumen_pegawai(p.id).await.unwrap();
    assert!(
        dok.iter()
            .any(|d| d.riwayat_id == Some(baris.id) && d.nama_file == "sk-lagi.pdf"),
        "{dok:?}"
    );
}

/// Sends the revision form back exactly as the browser shows it, with one new document.
async fn kirim_ulang_seperti_form(app: &App, emp: &mut Klien, id: Uuid, kunci: &str, jenis: &str) {
    assert_eq!(status(app, id).await, "DIKEMBALIKAN");
    let form = emp.get(&format!("/usulan/{id}/revisi")).await;
    assert_eq!(form.status, 200);
    let isian = isian_form(&form.body);
    let csrf = csrf_dari(&form.body);
    let tersembunyi = |nama: &str| {
        let k = format!("name=\"{nama}\" value=\"");
        form.body
            .find(&k)
            .map(|i| {
                form.body[i + k.len()..]
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default()
    };
    let (jenis_form, riwayat, pegawai) = (
        tersembunyi("jenis"),
        tersembunyi("riwayat"),
        tersembunyi("pegawai"),
    );
    let mut kirim: Vec<(&str, &str)> = isian
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    kirim.extend([
        ("csrf", csrf.as_str()),
        ("kunci_kirim", kunci),
        ("jenis", jenis_form.as_str()),
        ("riwayat", riwayat.as_str()),
        ("pegawai", pegawai.as_str()),
        ("aksi", "ajukan"),
        ("jenis_dokumen_1", jenis),
    ]);
    let r = emp
        .multipart(
            &format!("/usulan/{id}/revisi"),
            &kirim,
            &[(
                "dokumen_1",
                "sk-lagi.pdf",
                b"%PDF-1.7\n% jelas\n%%EOF".to_vec(),
            )],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let u = app.store().usulan(id).await.unwrap();
    assert_eq!((u.status.kode(), u.putaran), ("DIAJUKAN", 2));
}

dua_mesin!(
    returned_proposal_resubmitted_with_only_a_new_document,
    agency_route_from_submit_to_applied_with_audit_and_notice,
    bkn_route_with_return_and_resubmit,
    reject_conflict_concurrency_and_double_submit,
    collective_with_mixed_rows_and_per_employee_outcome,
    bad_input_is_refused_and_nothing_is_stored,
);
