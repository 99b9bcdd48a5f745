//! The partner system's side of the API: its HTTP client and both tokens, the token grants,
//! the national envelope, uploads and saves, and what a save leaves in the store.

use crate::common::App;
use serde_json::Value;
pub(super) use siasn_app::klien_api::KlienBaru;
use siasn_domain::akses::Cakupan;
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::JenisRiwayat as J;
use uuid::Uuid;

use super::{D, Demo, SANDI, pdf};

// ---------------------------------------------------------------------------------------------
// HTTP.

pub(super) struct Resp {
    pub(super) status: u16,
    pub(super) headers: reqwest::header::HeaderMap,
    pub(super) body: Vec<u8>,
}

impl Resp {
    pub(super) async fn dari(r: reqwest::Response) -> Self {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let body = r.bytes().await.unwrap().to_vec();
        Self {
            status,
            headers,
            body,
        }
    }

    pub(super) fn teks(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(super) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}: {}", self.status, self.teks()))
    }

    pub(super) fn header(&self, n: &str) -> Option<String> {
        self.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

/// A read success: 200, `code` 1; the body.
pub(super) fn ok(r: &Resp) -> Value {
    assert_eq!(r.status, 200, "{}", r.teks());
    let v = r.json();
    assert_eq!(v["code"], 1, "{v}");
    v
}

/// An error in the national envelope (exactly `Error` and `Message`).
pub(super) fn galat(r: &Resp, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.teks());
    let v = r.json();
    let o = v.as_object().unwrap_or_else(|| panic!("an object: {v}"));
    assert_eq!(o.len(), 2, "only Error and Message: {v}");
    assert!(o["Error"].is_string() && o["Message"].is_string(), "{v}");
    o["Message"].as_str().unwrap().to_string()
}

pub(super) fn http() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}

pub(super) fn dasar(app: &App) -> String {
    format!("http://{}", app.addr)
}

/// A partner system: its HTTP client and the two tokens it sends.
#[derive(Clone)]
pub(super) struct Api {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
    pub(super) gateway: Option<String>,
    pub(super) pengguna: Option<String>,
}

impl Api {
    pub(super) fn dengan(&self, gateway: Option<&str>, pengguna: Option<&str>) -> Self {
        Self {
            http: self.http.clone(),
            base: self.base.clone(),
            gateway: gateway.map(str::to_string),
            pengguna: pengguna.map(str::to_string),
        }
    }

    fn tanda(&self, mut rb: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        if let Some(g) = &self.gateway {
            rb = rb.header("authorization", format!("Bearer {g}"));
        }
        if let Some(u) = &self.pengguna {
            rb = rb.header("auth", format!("bearer {u}"));
        }
        rb
    }

    /// GET under the server root.
    pub(super) async fn get_abs(&self, path: &str) -> Resp {
        let rb = self.http.get(format!("{}{path}", self.base));
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    /// GET under `/apisiasn/1.0`.
    pub(super) async fn get(&self, path: &str) -> Resp {
        self.get_abs(&format!("{D}{path}")).await
    }

    pub(super) async fn post_raw(&self, path: &str, jenis: &str, body: Vec<u8>) -> Resp {
        let rb = self
            .http
            .post(format!("{}{D}{path}", self.base))
            .header("content-type", jenis)
            .body(body);
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    pub(super) async fn post_json(&self, path: &str, isi: &Value) -> Resp {
        self.post_raw(path, "application/json", serde_json::to_vec(isi).unwrap())
            .await
    }

    pub(super) async fn delete(&self, path: &str) -> Resp {
        let rb = self.http.delete(format!("{}{D}{path}", self.base));
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    pub(super) async fn multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some((nama, isi)) = file {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(isi).file_name(nama.to_string()),
            );
        }
        let rb = self
            .http
            .post(format!("{}{D}{path}", self.base))
            .multipart(form);
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }
}

pub(super) fn jabar() -> JangkauanKlien {
    JangkauanKlien::Instansi("PROV-JABAR".into())
}

pub(super) async fn daftar(
    app: &App,
    nama: &str,
    jangkauan: JangkauanKlien,
    lingkup: &str,
    batas: u32,
) -> KlienBaru {
    siasn_app::klien_api::daftarkan(
        app.state.app(),
        "uji",
        nama,
        jangkauan,
        DaftarLingkup::parse(lingkup).unwrap(),
        batas,
    )
    .await
    .unwrap()
    .unwrap()
}

/// `POST /oauth2/token` with HTTP Basic.
pub(super) async fn minta_gateway(app: &App, key: &str, secret: &str) -> Resp {
    let r = http()
        .post(format!("{}/oauth2/token", dasar(app)))
        .basic_auth(key, Some(secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    Resp::dari(r).await
}

/// The password grant.
pub(super) async fn minta_pengguna(
    app: &App,
    client_id: &str,
    username: &str,
    password: &str,
) -> Resp {
    let r = http()
        .post(format!(
            "{}/auth/realms/public-siasn/protocol/openid-connect/token",
            dasar(app)
        ))
        .form(&[
            ("grant_type", "password"),
            ("client_id", client_id),
            ("username", username),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    Resp::dari(r).await
}

pub(super) async fn token_gateway(app: &App, k: &KlienBaru) -> String {
    let r = minta_gateway(app, &k.klien.consumer_key, &k.secret).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    r.json()["access_token"].as_str().unwrap().to_string()
}

pub(super) async fn token_pengguna(app: &App, k: &KlienBaru, username: &str) -> String {
    let r = minta_pengguna(app, &k.klien.consumer_key, username, SANDI).await;
    assert_eq!(r.status, 200, "{username}: {}", r.teks());
    r.json()["access_token"].as_str().unwrap().to_string()
}

/// Both tokens for `username` through client `k`.
pub(super) async fn sesi(app: &App, k: &KlienBaru, username: &str) -> Api {
    let g = token_gateway(app, k).await;
    let u = token_pengguna(app, k, username).await;
    Api {
        http: http(),
        base: dasar(app),
        gateway: Some(g),
        pengguna: Some(u),
    }
}

pub(super) async fn unggah_pdf(api: &Api, jenis: &str, tanda: &str) -> Value {
    let r = api
        .multipart(
            "/upload-dok",
            &[("id_ref_dokumen", jenis)],
            Some(("surat keputusan.pdf", pdf(tanda))),
        )
        .await;
    let v = ok(&r);
    let d = v["data"].clone();
    let uri = d["dok_uri"].as_str().unwrap();
    let id = uri
        .strip_prefix("unggahan/")
        .unwrap_or_else(|| panic!("{uri}"));
    Uuid::parse_str(id).unwrap();
    assert_eq!(d["dok_id"], jenis);
    assert_eq!(d["object"], uri);
    assert_eq!(d["dok_nama"], "surat keputusan.pdf");
    d
}

/// A save with freshly uploaded documents of the given types; its `mapData`.
pub(super) async fn simpan(api: &Api, jenis: &str, mut isi: Value, dok: &[&str]) -> Value {
    let mut path = Vec::new();
    for d in dok {
        path.push(unggah_pdf(api, d, &format!("{jenis}-{d}-{}", Uuid::now_v7())).await);
    }
    isi["path"] = Value::Array(path);
    let r = api.post_json(&format!("/{jenis}/save"), &isi).await;
    assert_eq!(r.status, 200, "{jenis}/save: {}", r.teks());
    let v = r.json();
    assert_eq!(v["code"], 1, "{v}");
    assert_eq!(v["success"], true, "{v}");
    assert!(v["message"].is_string(), "{v}");
    v["mapData"].clone()
}

/// A save applied at once: the new row's id under `kunci`.
pub(super) fn selesai(m: &Value, kunci: &str) -> Uuid {
    assert_eq!(m["status"], "SELESAI", "{m}");
    Uuid::parse_str(m["usulanId"].as_str().unwrap()).unwrap();
    Uuid::parse_str(
        m[kunci]
            .as_str()
            .unwrap_or_else(|| panic!("{kunci} in {m}")),
    )
    .unwrap()
}

/// A save waiting for BKN: no row id yet; the proposal's id.
pub(super) fn menunggu_bkn(m: &Value, kunci: &str) -> Uuid {
    assert_eq!(m["status"], "MENUNGGU_BKN", "{m}");
    assert!(
        m.get(kunci).is_some_and(Value::is_null),
        "{kunci} present and null: {m}"
    );
    Uuid::parse_str(m["usulanId"].as_str().unwrap()).unwrap()
}

/// Rows of the employee and audit entries about them.
pub(super) async fn jejak(app: &App, p: &Pegawai) -> (usize, usize) {
    (
        app.store().riwayat_pegawai(p.id, None).await.unwrap().len(),
        app.store()
            .audit_tentang_pegawai(p.id, 100_000)
            .await
            .unwrap()
            .len(),
    )
}

pub(super) async fn jumlah_baris(app: &App, p: &Pegawai, jenis: J) -> usize {
    app.store()
        .riwayat_pegawai(p.id, Some(jenis))
        .await
        .unwrap()
        .len()
}

/// Whether the proposal waits in Kanreg III's BKN queue.
pub(super) async fn di_antrean_bkn(app: &App, demo: &Demo, usulan: Uuid) -> bool {
    let filter = siasn_store::usulan::FilterAntrean {
        jenis: None,
        unor_id: None,
        menunggu_sejak_sebelum: None,
        hanya_peringatan: false,
        urut: siasn_store::usulan::UrutAntrean::Menunggu,
        turun: false,
        offset: 0,
        batas: 500,
    };
    app.store()
        .halaman_antrean(
            Verifikator::Bkn,
            &[Cakupan::Kanreg("03".into())],
            demo.akun("verifikator.kanreg3"),
            None,
            &filter,
        )
        .await
        .unwrap()
        .baris
        .iter()
        .any(|u| u.usulan.id == usulan)
}

pub(super) async fn unor_pertama(api: &Api) -> String {
    let v = ok(&api.get("/referensi/ref-unor?limit=5&offset=0").await);
    v["data"][0]["Id"].as_str().unwrap().to_string()
}
