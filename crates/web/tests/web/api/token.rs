//! Tokens: both grants, their errors, the texts clients recognise for a bad token, expiry by
//! the clock, and disabled clients.

use super::*;
use crate::common::spawn_app;
use chrono::Duration;
use serde_json::json;

/// A demo with one agency client (`baca tulis`) for the token tests.
async fn siap(app: &App) -> (Demo, KlienBaru) {
    let demo = siapkan(app).await;
    let k = daftar(app, "SIMPEG Jabar", jabar(), "baca tulis", 600).await;
    (demo, k)
}

/// What every refused client credential gets.
fn salah() -> Value {
    json!({"error": "invalid_client", "error_description": "Invalid Credentials"})
}

/// The password grant's URL.
fn url_pengguna(app: &App) -> String {
    format!(
        "{}/auth/realms/public-siasn/protocol/openid-connect/token",
        dasar(app)
    )
}

/// A POST of `form` to `url`, optionally with HTTP Basic.
async fn kirim_form(url: &str, basic: Option<(&str, &str)>, form: &[(&str, &str)]) -> Resp {
    let mut rb = http().post(url).form(form);
    if let Some((key, secret)) = basic {
        rb = rb.basic_auth(key, Some(secret));
    }
    Resp::dari(rb.send().await.unwrap()).await
}

/// The client-credentials grant answers with HTTP Basic or form credentials, and refuses
/// wrong credentials, a wrong grant type and a body that is not a form.
async fn client_credentials_are_granted_and_bad_requests_refused() {
    let app = spawn_app(40).await;
    let (_, k) = siap(&app).await;
    let key = k.klien.consumer_key.clone();
    let url = format!("{}/oauth2/token", dasar(&app));

    // Client credentials with HTTP Basic.
    let r = minta_gateway(&app, &key, &k.secret).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let v = r.json();
    assert!(v["access_token"].as_str().is_some_and(|t| t.len() > 20));
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["expires_in"], 3600);
    assert_eq!(v["scope"], "baca tulis");

    // Client credentials in the form body.
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", key.as_str()),
        ("client_secret", k.secret.as_str()),
    ];
    let r = kirim_form(&url, None, &form).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.json()["token_type"], "Bearer");

    // Wrong secret, unknown key, no credentials: the same 401.
    for (kunci, rahasia) in [
        (key.as_str(), "bukan-rahasianya"),
        ("0123456789abcdef0123456789abcdef", k.secret.as_str()),
    ] {
        let r = minta_gateway(&app, kunci, rahasia).await;
        assert_eq!(r.status, 401, "{}", r.teks());
        assert_eq!(r.json(), salah());
    }
    let r = kirim_form(&url, None, &[("grant_type", "client_credentials")]).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), salah());

    // Wrong or missing grant type; not a form.
    for form in [
        vec![("grant_type", "password")],
        vec![("grant_type", "authorization_code")],
        vec![],
    ] {
        let r = kirim_form(&url, Some((&key, &k.secret)), &form).await;
        assert_eq!(r.status, 400, "{form:?}: {}", r.teks());
        assert_eq!(r.json()["error"], "unsupported_grant_type");
    }
    let r = Resp::dari(
        http()
            .post(&url)
            .basic_auth(&key, Some(&k.secret))
            .header("content-type", "application/json")
            .body(r#"{"grant_type":"client_credentials"}"#)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        r.status,
        200,
        "a JSON body, as some clients send: {}",
        r.teks()
    );
    let r = Resp::dari(
        http()
            .post(&url)
            .basic_auth(&key, Some(&k.secret))
            .header("content-type", "text/plain")
            .body("grant_type=client_credentials")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_request");
}

/// The password grant answers by NIP and by user name, and refuses a bad password, an unknown
/// user or client, a wrong grant type and a missing password.
async fn the_password_grant_by_nip_or_user_name_and_its_errors() {
    let app = spawn_app(40).await;
    let (demo, k) = siap(&app).await;
    let key = k.klien.consumer_key.clone();

    // Password grant: by NIP and by user name.
    let r = minta_pengguna(&app, &key, &nip(&demo.operator), SANDI).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let v = r.json();
    assert_eq!(v["expires_in"], 43200);
    assert_eq!(v["token_type"], "Bearer");
    assert!(v["access_token"].is_string());
    let r = minta_pengguna(&app, &key, "admin.jabar", SANDI).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.json()["expires_in"], 43200);
    // Bad password, unknown user: invalid_grant. Unknown client: invalid_client.
    for (user, sandi) in [("admin.bkn", "SalahSandi#2026"), ("tidak.ada", SANDI)] {
        let r = minta_pengguna(&app, &key, user, sandi).await;
        assert_eq!(r.status, 401, "{}", r.teks());
        assert_eq!(r.json()["error"], "invalid_grant");
    }
    let r = minta_pengguna(
        &app,
        "ffffffffffffffffffffffffffffffff",
        "admin.jabar",
        SANDI,
    )
    .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), salah());
    let auth_url = url_pengguna(&app);
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", key.as_str()),
        ("username", "admin.jabar"),
        ("password", SANDI),
    ];
    let r = kirim_form(&auth_url, None, &form).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "unsupported_grant_type");
    let form = [
        ("grant_type", "password"),
        ("client_id", key.as_str()),
        ("username", "admin.jabar"),
    ];
    let r = kirim_form(&auth_url, None, &form).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_request");
}

/// Both tokens open a read, and every missing, garbage or misplaced token answers with the
/// texts clients recognise (`JWT` for the gateway token, `SSO` for the user token).
async fn every_token_failure_answers_with_the_texts_clients_recognise() {
    let app = spawn_app(40).await;
    let (demo, k) = siap(&app).await;
    let key = k.klien.consumer_key.clone();
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let gateway = api.gateway.clone().unwrap();
    let pengguna = api.pengguna.clone().unwrap();

    let jalur = format!("/pns/data-utama/{}", nip(&demo.target));
    ok(&api.get(&jalur).await);
    let k2 = daftar(&app, "SIMPEG Lain", jabar(), "baca", 600).await;
    let pengguna_k2 = token_pengguna(&app, &k2, &nip(&demo.operator)).await;
    let sampah = "bm90LWEtdG9rZW4";
    for (g, u, pesan, kasus) in [
        (None, Some(pengguna.as_str()), JWT, "no gateway token"),
        (
            Some(sampah),
            Some(pengguna.as_str()),
            JWT,
            "garbage gateway token",
        ),
        (
            Some(pengguna.as_str()),
            Some(pengguna.as_str()),
            JWT,
            "user token as gateway token",
        ),
        (Some(gateway.as_str()), None, SSO, "no user token"),
        (
            Some(gateway.as_str()),
            Some(sampah),
            SSO,
            "garbage user token",
        ),
        (
            Some(gateway.as_str()),
            Some(gateway.as_str()),
            SSO,
            "gateway token as user token",
        ),
        (
            Some(gateway.as_str()),
            Some(pengguna_k2.as_str()),
            SSO,
            "user token of another client",
        ),
    ] {
        let r = api.dengan(g, u).get(&jalur).await;
        assert_eq!(galat(&r, 401), pesan, "{kasus}");
        assert!(r.header("www-authenticate").is_some(), "{kasus}");
    }
    // HTTP Basic instead of a bearer token.
    let r = Resp::dari(
        http()
            .get(format!("{}{D}{jalur}", dasar(&app)))
            .basic_auth(&key, Some(&k.secret))
            .header("auth", format!("bearer {pengguna}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(galat(&r, 401), JWT);
}

/// The gateway token expires by the clock at 3600 s and the user token at 43200 s; new ones
/// work again.
async fn tokens_expire_by_the_clock() {
    let app = spawn_app(40).await;
    let (demo, k) = siap(&app).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let pengguna = api.pengguna.clone().unwrap();
    let jalur = format!("/pns/data-utama/{}", nip(&demo.target));

    app.jam.maju(Duration::seconds(3599));
    ok(&api.get(&jalur).await);
    app.jam.maju(Duration::seconds(1));
    assert_eq!(galat(&api.get(&jalur).await, 401), JWT);
    let baru = token_gateway(&app, &k).await;
    let api = api.dengan(Some(&baru), Some(&pengguna));
    ok(&api.get(&jalur).await);
    app.jam.maju(Duration::seconds(43_200 - 3600 - 1));
    let baru = token_gateway(&app, &k).await;
    let api = api.dengan(Some(&baru), Some(&pengguna));
    ok(&api.get(&jalur).await);
    app.jam.maju(Duration::seconds(1));
    assert_eq!(galat(&api.get(&jalur).await, 401), SSO);
    let pengguna = token_pengguna(&app, &k, &nip(&demo.operator)).await;
    ok(&api.dengan(Some(&baru), Some(&pengguna)).get(&jalur).await);
}

/// A disabled client gets neither grant and its earlier gateway token is refused; enabled
/// again it gets tokens again, and the grants are audited.
async fn a_disabled_client_gets_no_tokens_until_enabled_again() {
    let app = spawn_app(40).await;
    let (demo, k) = siap(&app).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let jalur = format!("/pns/data-utama/{}", nip(&demo.target));

    // Disabled before its first data call, so no server cache holds it.
    let k3 = daftar(&app, "SIMPEG Dinonaktifkan", jabar(), "baca", 600).await;
    let g3 = token_gateway(&app, &k3).await;
    let u3 = token_pengguna(&app, &k3, &nip(&demo.operator)).await;
    crate::common::ubah_status_klien(app.store(), k3.klien.id, false).await;
    let r = minta_gateway(&app, &k3.klien.consumer_key, &k3.secret).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), salah());
    let r = minta_pengguna(&app, &k3.klien.consumer_key, &nip(&demo.operator), SANDI).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"], "invalid_client");
    let r = api.dengan(Some(&g3), Some(&u3)).get(&jalur).await;
    assert_eq!(galat(&r, 401), JWT);
    // Enabled again, it gets tokens again.
    crate::common::ubah_status_klien(app.store(), k3.klien.id, true).await;
    assert_eq!(
        minta_gateway(&app, &k3.klien.consumer_key, &k3.secret)
            .await
            .status,
        200
    );
    // The grants are audited.
    let log = app
        .store()
        .audit_tentang_akun(demo.akun(&nip(&demo.operator)), 100)
        .await
        .unwrap();
    assert!(log.iter().any(|e| e.aksi == "login.api"));
}

dua_mesin!(
    client_credentials_are_granted_and_bad_requests_refused,
    the_password_grant_by_nip_or_user_name_and_its_errors,
    every_token_failure_answers_with_the_texts_clients_recognise,
    tokens_expire_by_the_clock,
    a_disabled_client_gets_no_tokens_until_enabled_again,
);
