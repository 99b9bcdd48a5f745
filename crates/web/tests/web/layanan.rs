//! Personnel services over HTTP, promotion first: prediction → cases → file → the agency
//! official → BKN (with a BTS round) → pertek → SK → record, the employee following it, and
//! every bad input refused with nothing changed.

use crate::common::{
    App, FRASA_UJI, Klien, beri_sertifikat, csrf_dari, pdfsig, sebagai, spawn_app,
};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::layanan::StatusLayanan;
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_store::FilterPegawai;
use uuid::Uuid;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PERIODE: &str = "2026-11-01";

fn g(peran: Peran, instansi: Option<&str>) -> PeranAkun {
    PeranAkun::new(peran, instansi.map(str::to_string), None).unwrap()
}

async fn pns(app: &App, instansi: &str) -> Vec<Pegawai> {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            500,
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.jenis_pegawai == JenisPegawai::Pns && p.kedudukan_hukum_id == "01" {
            out.push(p);
        }
    }
    out
}

fn nilai_dari(body: &str, nama: &str) -> String {
    let kunci = format!("name=\"{nama}\" value=\"");
    let i = body
        .find(&kunci)
        .unwrap_or_else(|| panic!("a {nama} field"))
        + kunci.len();
    body[i..].split('"').next().unwrap().to_string()
}

/// The checked (eligible) employees of the prediction page.
fn dicentang(body: &str) -> Vec<Uuid> {
    body.split("name=\"pegawai\" value=\"")
        .skip(1)
        .filter(|s| s.split('>').next().unwrap_or("").contains("checked"))
        .filter_map(|s| Uuid::parse_str(s.split('"').next()?).ok())
        .collect()
}

async fn status(app: &App, id: Uuid) -> StatusLayanan {
    app.store()
        .layanan_terlihat(id, &[siasn_domain::akses::Cakupan::Nasional])
        .await
        .unwrap()
        .status
}

/// A step through the page's own form (its csrf and version), signing steps with the test
/// officials' passphrase.
pub(crate) async fn langkah(
    c: &mut Klien,
    id: Uuid,
    kode: &str,
    alasan: &str,
) -> crate::common::Resp {
    langkah_frasa(c, id, kode, alasan, FRASA_UJI).await
}

async fn langkah_frasa(
    c: &mut Klien,
    id: Uuid,
    kode: &str,
    alasan: &str,
    frasa: &str,
) -> crate::common::Resp {
    let page = c.get(&format!("/layanan/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    // A page without buttons for this reader has no form: the session's token from a form page.
    let (csrf, versi) = if page.body.contains("name=\"versi\"") {
        (csrf_dari(&page.body), nilai_dari(&page.body, "versi"))
    } else {
        let csrf = c.csrf("/layanan/kp/prediksi").await;
        let versi = page
            .body
            .split("data-versi=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("the page names its version")
            .to_string();
        (csrf, versi)
    };
    c.post(
        &format!("/layanan/{id}/langkah"),
        &[
            ("csrf", &csrf),
            ("versi", &versi),
            ("langkah", kode),
            ("alasan", alasan),
            ("frasa", frasa),
        ],
    )
    .await
}

pub(crate) async fn berhasil(c: &mut Klien, id: Uuid, kode: &str) {
    let r = langkah(c, id, kode, "").await;
    assert_eq!(r.status, 303, "{kode}: {}", r.body);
}

pub(crate) async fn lampirkan(c: &mut Klien, id: Uuid, jenis: &str) -> crate::common::Resp {
    let csrf = c.csrf(&format!("/layanan/{id}")).await;
    c.multipart(
        &format!("/layanan/{id}/lampiran"),
        &[("csrf", &csrf), ("jenis_dokumen", jenis)],
        &[("berkas", "berkas.pdf", PDF.to_vec())],
    )
    .await
}

/// A letter signed at its step: our verifier, pdfsig trusting the instance CA, the public
/// page by the QR code and by upload; a changed byte, a stripped signature, all said plainly.
pub(crate) async fn periksa_surat_bertanda(app: &App, isi: &[u8]) {
    let h = siasn_ttd::periksa_pdf(isi).unwrap();
    assert_eq!(h.len(), 1);
    assert!(h[0].utuh && h[0].menutup_seluruh && h[0].sertifikat_terikat);
    let ca = siasn_app::ttd::sertifikat_ca(app.state.app())
        .await
        .unwrap();
    if let Some(out) = pdfsig(isi, Some(&ca)) {
        assert!(out.contains("Signature is Valid"), "{out}");
        assert!(out.contains("Certificate is Trusted"), "{out}");
        assert!(out.contains("Total document signed"), "{out}");
    }
    let sha = siasn_store::blob::hash_hex(isi);
    let d = app.store().dokumen_ttd_sha256(&sha).await.unwrap().unwrap();
    let mut publik = app.klien();
    let page = publik.get(&format!("/v/{}", d.kode)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains(&d.judul) && page.body.contains(&sha),
        "{}",
        page.body
    );
    let csrf = csrf_dari(&page.body);
    let unggah = async |publik: &mut Klien, isi: Vec<u8>| {
        publik
            .multipart(
                "/v",
                &[("csrf", &csrf), ("kode", &d.kode)],
                &[("berkas", "dokumen.pdf", isi)],
            )
            .await
    };
    let r = unggah(&mut publik, isi.to_vec()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Tanda tangan elektronik sah"), "{}", r.body);
    assert!(
        r.body
            .contains("sama persis dengan dokumen yang diterbitkan"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("berlaku dan tidak dicabut saat menandatangani"),
        "{}",
        r.body
    );
    // One byte changed in a content stream.
    let mut ubah = isi.to_vec();
    let pos = ubah.windows(6).position(|w| w == b"stream").unwrap() + 20;
    ubah[pos] ^= 0x20;
    let r = unggah(&mut publik, ubah).await;
    assert!(r.body.contains("TIDAK sah"), "{}", r.body);
    assert!(r.body.contains("BERUBAH"), "{}", r.body);
    // The signature stripped: the file as it was before the signing update.
    let akhir = isi.windows(5).position(|w| w == b"%%EOF").unwrap() + 5;
    let r = unggah(&mut publik, isi[..akhir].to_vec()).await;
    assert!(
        r.body.contains("tidak memuat tanda tangan elektronik"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("tidak sama dengan dokumen mana pun"),
        "{}",
        r.body
    );
    // Not a PDF.
    let r = unggah(&mut publik, b"bukan pdf".to_vec()).await;
    assert_eq!(r.status, 422);
}

async fn promotion_through_the_pages_with_every_refusal() {
    let mut app = spawn_app(400).await;
    let jabar = pns(&app, "PROV-JABAR").await;
    let pegawai = g(Peran::Pegawai, None);
    let mut operator = sebagai(
        &app,
        Some(&jabar[0]),
        vec![
            pegawai.clone(),
            g(Peran::OperatorInstansi, Some("PROV-JABAR")),
        ],
        61,
    )
    .await;
    let mut pejabat = sebagai(
        &app,
        Some(&jabar[1]),
        vec![
            pegawai.clone(),
            g(Peran::PejabatInstansi, Some("PROV-JABAR")),
        ],
        62,
    )
    .await;
    let pejabat_akun = app
        .store()
        .akun_pegawai(jabar[1].id)
        .await
        .unwrap()
        .unwrap();
    beri_sertifikat(&app, pejabat_akun.id).await;
    let bkn = g(Peran::VerifikatorBkn, None);
    let mut bkn1 = sebagai(&app, None, vec![bkn.clone()], 63).await;
    let mut bkn2 = sebagai(&app, None, vec![bkn], 64).await;
    let mut operator_lain = sebagai(
        &app,
        None,
        vec![g(Peran::OperatorInstansi, Some("KAB-GOWA"))],
        65,
    )
    .await;

    // The prediction lists who is due, with the reasons of who is not.
    let page = operator
        .get(&format!("/layanan/kp/prediksi?periode={PERIODE}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Prediksi kenaikan pangkat"));
    assert!(page.body.contains("Belum memenuhi") || page.body.contains("masa dalam golongan"));
    let staf = [jabar[0].id, jabar[1].id];
    let layak: Vec<Uuid> = dicentang(&page.body)
        .into_iter()
        .filter(|id| !staf.contains(id))
        .collect();
    assert!(layak.len() >= 2, "two are due in {PERIODE}");
    let target = layak[0];
    let csrf = csrf_dari(&page.body);

    // A TMT that is not a period date: refused, nothing started.
    let r = operator
        .post(
            "/layanan/kp/prediksi",
            &[
                ("csrf", &csrf),
                ("periode", "2026-11-15"),
                ("pegawai", &target.to_string()),
            ],
        )
        .await;
    assert!(r.body.contains("TMT bukan tanggal periode"), "{}", r.body);
    assert!(
        app.store()
            .layanan_pegawai(target)
            .await
            .unwrap()
            .is_empty()
    );
    // An operator of another agency cannot start one for this employee.
    let page_lain = operator_lain.get("/layanan/kp/prediksi").await;
    assert_eq!(page_lain.status, 200, "{}", page_lain.body);
    let csrf_lain = csrf_dari(&page_lain.body);
    let r = operator_lain
        .post(
            "/layanan/kp/prediksi",
            &[
                ("csrf", &csrf_lain),
                ("periode", PERIODE),
                ("pegawai", &target.to_string()),
            ],
        )
        .await;
    assert!(
        r.body.contains("tidak ditemukan di instansi Anda"),
        "{}",
        r.body
    );
    assert!(
        app.store()
            .layanan_pegawai(target)
            .await
            .unwrap()
            .is_empty()
    );

    let r = operator
        .post(
            "/layanan/kp/prediksi",
            &[
                ("csrf", &csrf),
                ("periode", PERIODE),
                ("pegawai", &target.to_string()),
            ],
        )
        .await;
    assert!(r.body.contains("1 usul dibuat"), "{}", r.body);
    let kasus = app.store().layanan_pegawai(target).await.unwrap();
    assert_eq!(kasus.len(), 1);
    let id = kasus[0].id;
    // A second case for the same employee and period.
    let r = operator
        .post(
            "/layanan/kp/prediksi",
            &[
                ("csrf", &csrf),
                ("periode", PERIODE),
                ("pegawai", &target.to_string()),
            ],
        )
        .await;
    assert!(
        r.body.contains("sudah ada usul kenaikan pangkat"),
        "{}",
        r.body
    );
    assert_eq!(app.store().layanan_pegawai(target).await.unwrap().len(), 1);
    // Someone holding both the operator's and the official's roles cannot approve the case
    // they proposed themself.
    let mut ganda = sebagai(
        &app,
        None,
        vec![
            g(Peran::OperatorInstansi, Some("PROV-JABAR")),
            g(Peran::PejabatInstansi, Some("PROV-JABAR")),
        ],
        67,
    )
    .await;
    let kedua = layak[1];
    let csrf_g = ganda.csrf("/layanan/kp/prediksi").await;
    let r = ganda
        .post(
            "/layanan/kp/prediksi",
            &[
                ("csrf", &csrf_g),
                ("periode", PERIODE),
                ("pegawai", &kedua.to_string()),
            ],
        )
        .await;
    assert!(r.body.contains("1 usul dibuat"), "{}", r.body);
    let id_g = app.store().layanan_pegawai(kedua).await.unwrap()[0].id;
    let mut jenis_g = vec!["L02", "891"];
    if app.store().layanan_pegawai(kedua).await.unwrap()[0].sub_jenis == "202" {
        jenis_g.push("880");
    }
    for j in jenis_g {
        assert_eq!(lampirkan(&mut ganda, id_g, j).await.status, 303);
    }
    berhasil(&mut ganda, id_g, "SIMPAN_BERKAS").await;
    berhasil(&mut ganda, id_g, "AJUKAN").await;
    let r = langkah(&mut ganda, id_g, "SETUJUI_INSTANSI", "").await;
    assert!(r.body.contains("diputuskan orang lain"), "{}", r.body);
    assert_eq!(status(&app, id_g).await, StatusLayanan::SuratUsulan);

    // Outside the agency the case does not exist.
    assert_eq!(
        operator_lain.get(&format!("/layanan/{id}")).await.status,
        404
    );

    // The file: nothing proposed before it is complete; a wrong document type is refused.
    let r = langkah(&mut operator, id, "SIMPAN_BERKAS", "").await;
    assert!(r.body.contains("dokumen wajib belum lengkap"), "{}", r.body);
    let r = lampirkan(&mut operator, id, "L03").await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("jenis dokumen ini tidak diperlukan"),
        "{}",
        r.body
    );
    assert!(app.store().lampiran_layanan(id).await.unwrap().is_empty());
    // An SK upload before the SK step is refused.
    let csrf = operator.csrf(&format!("/layanan/{id}")).await;
    let r = operator
        .multipart(
            &format!("/layanan/{id}/sk"),
            &[
                ("csrf", &csrf),
                ("nomor_sk", "X/1"),
                ("tanggal_sk", "2026-11-02"),
            ],
            &[("berkas", "sk.pdf", PDF.to_vec())],
        )
        .await;
    assert!(
        r.body.contains("bukan wewenang") || r.body.contains("tahap lain"),
        "{}",
        r.body
    );
    let mut jenis = vec!["L02", "891"];
    if kasus[0].sub_jenis == "202" {
        jenis.push("880");
    }
    for j in jenis {
        assert_eq!(lampirkan(&mut operator, id, j).await.status, 303);
    }
    berhasil(&mut operator, id, "SIMPAN_BERKAS").await;
    berhasil(&mut operator, id, "AJUKAN").await;
    assert_eq!(status(&app, id).await, StatusLayanan::SuratUsulan);

    // Wrong roles: the operator cannot approve, BKN cannot act before the official.
    let r = langkah(&mut operator, id, "SETUJUI_INSTANSI", "").await;
    assert!(r.body.contains("bukan wewenang"), "{}", r.body);
    let r = langkah(&mut bkn1, id, "SETUJUI_BKN", "").await;
    assert!(r.body.contains("tahap lain"), "{}", r.body);
    assert_eq!(status(&app, id).await, StatusLayanan::SuratUsulan);
    berhasil(&mut pejabat, id, "SETUJUI_INSTANSI").await;

    // BTS needs a reason; the operator fixes the file and proposes again in round 2.
    let r = langkah(&mut bkn1, id, "BTS", "").await;
    assert!(r.body.contains("tuliskan alasannya"), "{}", r.body);
    let r = langkah(&mut bkn1, id, "BTS", "SKP 2025 belum ditandatangani").await;
    assert_eq!(r.status, 303);
    let page = operator.get(&format!("/layanan/{id}")).await;
    assert!(page.body.contains("SKP 2025 belum ditandatangani"));
    berhasil(&mut operator, id, "SIMPAN_BERKAS").await;
    berhasil(&mut operator, id, "AJUKAN").await;
    berhasil(&mut pejabat, id, "SETUJUI_INSTANSI").await;

    // Two BKN verifiers decide at once: exactly one wins.
    let page = bkn1.get(&format!("/layanan/{id}")).await;
    let versi = nilai_dari(&page.body, "versi");
    let (c1, c2) = (
        csrf_dari(&page.body),
        bkn2.csrf(&format!("/layanan/{id}")).await,
    );
    let jalur = format!("/layanan/{id}/langkah");
    let f1 = [
        ("csrf", c1.as_str()),
        ("versi", &versi),
        ("langkah", "SETUJUI_BKN"),
    ];
    let f2 = [
        ("csrf", c2.as_str()),
        ("versi", &versi),
        ("langkah", "SETUJUI_BKN"),
    ];
    let (r1, r2) = tokio::join!(bkn1.post(&jalur, &f1), bkn2.post(&jalur, &f2));
    let menang = [&r1, &r2].iter().filter(|r| r.status == 303).count();
    assert_eq!(menang, 1, "{} / {}", r1.status, r2.status);
    // The loser is told the case moved on (raced inside the transaction, or read after it).
    let kalah = if r1.status == 303 { &r2 } else { &r1 };
    assert!(
        kalah.body.contains("baru saja diubah") || kalah.body.contains("tahap lain"),
        "{}",
        kalah.body
    );
    assert_eq!(status(&app, id).await, StatusLayanan::ValidasiDisetujui);

    // The pertek is signed electronically: without a certificate, or with a wrong passphrase,
    // nothing happens (and the wrong passphrase counts toward a lock).
    let r = langkah(&mut bkn2, id, "TERBITKAN_PERTEK", "").await;
    assert!(
        r.body.contains("belum memiliki sertifikat elektronik"),
        "{}",
        r.body
    );
    // The verifier makes their own certificate with a passphrase only they know.
    let page = bkn2.get("/layanan/sertifikat").await;
    assert!(
        page.body
            .contains("belum memiliki sertifikat elektronik aktif"),
        "{}",
        page.body
    );
    let csrf = csrf_dari(&page.body);
    let buat = async |c: &mut Klien, frasa: &str, ulang: &str| {
        c.multipart(
            "/layanan/sertifikat",
            &[
                ("csrf", &csrf),
                ("aksi", "buat"),
                ("jabatan", "Verifikator"),
                ("frasa", frasa),
                ("frasa_ulang", ulang),
            ],
            &[],
        )
        .await
    };
    let r = buat(&mut bkn2, FRASA_UJI, "lain").await;
    assert!(r.body.contains("Kedua passphrase tidak sama"), "{}", r.body);
    let r = buat(&mut bkn2, "pendek", "pendek").await;
    assert!(
        r.body.contains("passphrase minimal 10 karakter"),
        "{}",
        r.body
    );
    let r = buat(&mut bkn2, FRASA_UJI, FRASA_UJI).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = bkn2.get("/layanan/sertifikat?ok=1").await;
    assert!(
        page.body.contains("Sertifikat tersimpan") && page.body.contains("bukan CA pemerintah")
    );
    let r = buat(&mut bkn2, FRASA_UJI, FRASA_UJI).await;
    assert!(
        r.body.contains("sudah memiliki sertifikat aktif"),
        "{}",
        r.body
    );
    // Importing a file that is not PKCS#12; an operator has no such page.
    let csrf1 = bkn1.csrf("/layanan/sertifikat").await;
    let r = bkn1
        .multipart(
            "/layanan/sertifikat",
            &[("csrf", &csrf1), ("aksi", "impor"), ("frasa", "x")],
            &[("berkas", "sertifikat.p12", PDF.to_vec())],
        )
        .await;
    assert!(r.body.contains("bukan sertifikat PKCS#12"), "{}", r.body);
    assert_eq!(operator.get("/layanan/sertifikat").await.status, 404);
    let r = langkah_frasa(&mut bkn2, id, "TERBITKAN_PERTEK", "", "frasa keliru").await;
    assert!(
        r.body.contains("passphrase salah; sisa 9 percobaan"),
        "{}",
        r.body
    );
    assert_eq!(status(&app, id).await, StatusLayanan::ValidasiDisetujui);
    let page = bkn2.get(&format!("/layanan/{id}")).await;
    assert!(
        page.body.contains("name=\"frasa\" type=\"password\""),
        "{}",
        page.body
    );
    berhasil(&mut bkn2, id, "TERBITKAN_PERTEK").await;
    let sebelum = app.store().pegawai(target).await.unwrap();
    berhasil(&mut pejabat, id, "TANDATANGANI_SK").await;
    let k = app
        .store()
        .layanan_terlihat(id, &[siasn_domain::akses::Cakupan::Nasional])
        .await
        .unwrap();
    assert_eq!(k.status, StatusLayanan::ProfilDiperbarui);
    let d = k.kp().unwrap();
    let sesudah = app.store().pegawai(target).await.unwrap();
    assert_eq!(sebelum.golongan, Some(d.golongan_lama));
    assert_eq!(sesudah.golongan, Some(d.golongan_baru));

    // The letters download from the case page and are PDFs.
    for s in [k.pertek.as_ref().unwrap(), k.sk.as_ref().unwrap()] {
        let (st, tipe, _, isi) = pejabat
            .unduh(&format!("/layanan/{id}/dokumen/{}", s.dokumen_id.unwrap()))
            .await;
        assert_eq!((st, tipe.as_str()), (200, "application/pdf"));
        assert!(isi.starts_with(b"%PDF-"));
        periksa_surat_bertanda(&app, &isi).await;
    }
    // A code nobody issued: the page says so.
    let r = app.klien().get("/v/0123456789abcdef0123456789abcdef").await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains("tidak terdaftar"), "{}", r.body);

    // The employee follows it: the list, the stages, the SK in "Dokumen saya", a notice.
    let p = app.store().pegawai(target).await.unwrap();
    let mut emp = sebagai(&app, Some(&p), vec![pegawai], 66).await;
    let page = emp.get("/layanan").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("SK terbit, data kepegawaian diperbarui"),
        "{}",
        page.body
    );
    let page = emp.get(&format!("/layanan/{id}")).await;
    assert!(page.body.contains("aria-current=\"step\"") || page.body.contains("selesai"));
    assert!(!page.body.contains("name=\"langkah\""));
    let dok = emp.get("/dokumen").await;
    assert!(dok.body.contains("SK kenaikan pangkat"), "{}", dok.body);
    let surat = app.surat_berikutnya().await;
    assert!(surat.contains("kenaikan pangkat"), "{surat}");
    // Nothing more can happen to it.
    let csrf = pejabat.csrf("/layanan/kp/prediksi").await;
    let versi = k.versi.to_string();
    let r = pejabat
        .post(
            &format!("/layanan/{id}/langkah"),
            &[
                ("csrf", &csrf),
                ("versi", &versi),
                ("langkah", "TANDATANGANI_SK"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("tahap lain"), "{}", r.body);
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );
}

/// The queues: each role sees what waits for it, with counts, and nothing of other agencies.
async fn queues_by_role() {
    let app = spawn_app(120).await;
    let jabar = pns(&app, "PROV-JABAR").await;
    let mut operator = sebagai(
        &app,
        Some(&jabar[0]),
        vec![g(Peran::OperatorInstansi, Some("PROV-JABAR"))],
        71,
    )
    .await;
    let page = operator.get("/layanan").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Menunggu tindakan saya"));
    assert!(
        page.body.contains("Ringkasan: Input berkas"),
        "{}",
        page.body
    );
    // Filters by unit and by time waited answer (and keep the chosen values).
    let unor = jabar[0].unor_id.unwrap();
    let page = operator
        .get(&format!(
            "/layanan?antrean=semua&lama=7&unor={unor}&periode={PERIODE}"
        ))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&format!("value=\"{unor}\" selected")));
    assert!(page.body.contains("value=\"7\" selected"));
    let mut emp = sebagai(&app, Some(&jabar[2]), vec![g(Peran::Pegawai, None)], 72).await;
    let page = emp.get("/layanan").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Layanan kepegawaian saya"));
    // BKN, reaching every agency, sees the totals and picks an agency for the list.
    let mut bkn = sebagai(&app, None, vec![g(Peran::VerifikatorBkn, None)], 73).await;
    let page = bkn
        .get(&format!("/layanan/kp/prediksi?periode={PERIODE}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Pilih instansi"), "{}", page.body);
    assert!(!page.body.contains("name=\"pegawai\""));
    let page = bkn
        .get(&format!(
            "/layanan/kp/prediksi?periode={PERIODE}&instansi=PROV-JABAR&keadaan=belum"
        ))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("value=\"PROV-JABAR\" selected"));
    assert!(!page.body.contains("Memenuhi syarat</span>"));
    // An agency operator cannot look into another agency.
    let status_lain = operator
        .get(&format!(
            "/layanan/kp/prediksi?periode={PERIODE}&instansi=KAB-GOWA"
        ))
        .await
        .status;
    assert_eq!(status_lain, 404);
    // An employee has no prediction.
    assert_eq!(emp.get("/layanan/kp/prediksi").await.status, 403);
}

dua_mesin!(
    promotion_through_the_pages_with_every_refusal,
    queues_by_role
);
