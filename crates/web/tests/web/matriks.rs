//! Authorisation matrix: every protected route, each role inside and outside its scope.
//! Sessions are made directly in the store (authentication is tested in akun.rs).

use crate::common::{App, Klien, csrf_dari, sebagai, spawn_app};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::pegawai::Pegawai;
use siasn_store::FilterPegawai;

async fn satu(app: &App, instansi: &str) -> Pegawai {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            50,
        )
        .await
        .unwrap();
    let r = page
        .items
        .iter()
        .find(|r| r.jenis_pegawai == "PNS")
        .unwrap();
    app.store().pegawai(r.id).await.unwrap()
}

fn g(peran: Peran, instansi: Option<&str>, kanreg: Option<&str>) -> PeranAkun {
    PeranAkun::new(peran, instansi.map(String::from), kanreg.map(String::from)).unwrap()
}

#[tokio::test]
async fn every_route_for_every_role_in_and_out_of_scope() {
    let app = spawn_app(60).await;
    let a = satu(&app, "PROV-JABAR").await; // Kanreg 03
    let b = satu(&app, "KAB-GOWA").await; // Kanreg 04
    let self_employee = satu(&app, "KOTA-BANDUNG").await;

    let mut roles: Vec<(&str, Option<Klien>)> = vec![
        ("anonim", None),
        (
            "pegawai",
            Some(
                sebagai(
                    &app,
                    Some(&self_employee),
                    vec![g(Peran::Pegawai, None, None)],
                    1,
                )
                .await,
            ),
        ),
        (
            "operator A",
            Some(
                sebagai(
                    &app,
                    None,
                    vec![g(Peran::OperatorInstansi, Some("PROV-JABAR"), None)],
                    2,
                )
                .await,
            ),
        ),
        (
            "verifikator A",
            Some(
                sebagai(
                    &app,
                    None,
                    vec![g(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)],
                    3,
                )
                .await,
            ),
        ),
        (
            "admin A",
            Some(
                sebagai(
                    &app,
                    None,
                    vec![g(Peran::AdminInstansi, Some("PROV-JABAR"), None)],
                    4,
                )
                .await,
            ),
        ),
        (
            "verifikator BKN 03",
            Some(
                sebagai(
                    &app,
                    None,
                    vec![g(Peran::VerifikatorBkn, None, Some("03"))],
                    5,
                )
                .await,
            ),
        ),
        (
            "admin BKN",
            Some(sebagai(&app, None, vec![g(Peran::AdminBkn, None, None)], 6).await),
        ),
    ];
    // Expected: 'R' redirect to sign-in, 'F' forbidden, 'O' ok.
    let routes: Vec<(String, &str, [char; 7])> = vec![
        (
            "/beranda".into(),
            "GET",
            ['R', 'O', 'O', 'O', 'O', 'O', 'O'],
        ),
        ("/sesi".into(), "GET", ['R', 'O', 'O', 'O', 'O', 'O', 'O']),
        (
            "/admin/akun".into(),
            "GET",
            ['R', 'F', 'F', 'F', 'O', 'F', 'O'],
        ),
        (
            "/admin/pegawai".into(),
            "GET",
            ['R', 'F', 'F', 'F', 'O', 'F', 'O'],
        ),
        (
            format!("/admin/pegawai/{}", a.id),
            "GET",
            ['R', 'F', 'F', 'F', 'O', 'F', 'O'],
        ),
        (
            format!("/admin/pegawai/{}", b.id),
            "GET",
            ['R', 'F', 'F', 'F', 'F', 'F', 'O'],
        ),
        (
            format!("/admin/pegawai/{}/reset-mfa", a.id),
            "POST",
            ['R', 'F', 'F', 'F', 'O', 'F', 'O'],
        ),
        (
            format!("/admin/pegawai/{}/reset-mfa", b.id),
            "POST",
            ['R', 'F', 'F', 'F', 'F', 'F', 'O'],
        ),
        (
            format!("/admin/pegawai/{}/email", b.id),
            "POST",
            ['R', 'F', 'F', 'F', 'F', 'F', 'O'],
        ),
    ];
    for (path, method, expected) in &routes {
        for (i, (role, klien)) in roles.iter_mut().enumerate() {
            let mut anon = app.klien();
            let k = klien.as_mut().unwrap_or(&mut anon);
            let r = if *method == "GET" {
                k.get(path).await
            } else {
                let csrf = match k.get("/beranda").await {
                    r if r.status == 200 => csrf_dari(&r.body),
                    _ => "x".repeat(64),
                };
                k.post(
                    path,
                    &[
                        ("csrf", &csrf),
                        ("alasan", "uji matriks"),
                        ("email", "baru@contoh.test"),
                    ],
                )
                .await
            };
            let got = match (r.status, r.location.as_deref()) {
                (303, Some("/masuk")) => 'R',
                (403, _) => 'F',
                (200, _) => 'O',
                other => panic!("{method} {path} as {role}: unexpected {other:?}"),
            };
            assert_eq!(got, expected[i], "{method} {path} as {role}");
        }
    }
    // Out-of-scope attempts changed nothing: B's e-mail was changed only by the BKN admin.
    let audit = app.store().audit_tentang_pegawai(b.id, 20).await.unwrap();
    let changes: Vec<_> = audit
        .iter()
        .filter(|e| e.aksi == "pegawai.email_diubah")
        .collect();
    assert_eq!(changes.len(), 1);
}

#[tokio::test]
async fn agency_admin_fixes_an_email_with_reason_and_both_addresses_hear_of_it() {
    let mut app = spawn_app(40).await;
    let p = satu(&app, "PROV-JABAR").await;
    let lama = p.email.clone().unwrap();
    let mut admin = sebagai(
        &app,
        None,
        vec![g(Peran::AdminInstansi, Some("PROV-JABAR"), None)],
        9,
    )
    .await;
    let page = admin.get("/admin/pegawai").await;
    let csrf = csrf_dari(&page.body);
    // Found by NIP in a POST body, never in the URL.
    let found = admin
        .post(
            "/admin/pegawai",
            &[("csrf", &csrf), ("nip", &p.nomor_induk.to_string())],
        )
        .await;
    assert!(found.body.contains(&lama), "{}", found.body);
    let path = format!("/admin/pegawai/{}/email", p.id);
    let r = admin
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("email", "baru@contoh.test"),
                ("alasan", " "),
            ],
        )
        .await;
    assert!(r.body.contains("Alasan wajib"));
    let r = admin
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("email", "bukan email"),
                ("alasan", "salah ketik"),
            ],
        )
        .await;
    assert!(r.body.contains("tidak valid"));
    let r = admin
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("email", "siti.baru@contoh.test"),
                ("alasan", "E-mail lama salah ketik (surat BKD 800/12)"),
            ],
        )
        .await;
    assert!(
        r.body.contains("E-mail terdaftar telah diubah"),
        "{}",
        r.body
    );
    assert_eq!(
        app.store().pegawai(p.id).await.unwrap().email.as_deref(),
        Some("siti.baru@contoh.test")
    );
    let mut to = [app.surat_berikutnya().await, app.surat_berikutnya().await];
    to.sort();
    assert!(
        to.iter().any(|m| m.contains(&lama))
            && to.iter().any(|m| m.contains("siti.baru@contoh.test"))
    );
    let audit = app.store().audit_tentang_pegawai(p.id, 5).await.unwrap();
    let e = audit
        .iter()
        .find(|e| e.aksi == "pegawai.email_diubah")
        .unwrap();
    assert_eq!(
        e.alasan.as_deref(),
        Some("E-mail lama salah ketik (surat BKD 800/12)")
    );
    assert!(e.sebelum.as_deref().unwrap().contains(&lama));
    assert!(
        e.sesudah
            .as_deref()
            .unwrap()
            .contains("siti.baru@contoh.test")
    );
    // The delivery status of the last messages is visible to the admin.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let view = admin.get(&format!("/admin/pegawai/{}", p.id)).await;
    assert!(view.body.contains("TERKIRIM"), "{}", view.body);
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );
}
