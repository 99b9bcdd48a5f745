//! The SIASN-compatible web service over HTTP, as its existing clients use it
//! (`shared/domain/SIASN_API.md`): both token grants, every read endpoint's shape, every write
//! and document endpoint, the reference API, the client × user × endpoint authorisation matrix
//! with masking, a realistic SIMPEG sequence, the per-client rate limit and the OpenAPI
//! description.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::{App, spawn_app};
use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};
use siasn_app::klien_api::KlienBaru;
use siasn_domain::akses::{Cakupan, Peran, PeranAkun};
use siasn_domain::akun::{Sesi, TahapSesi};
use siasn_domain::klien_api::{DaftarLingkup, JangkauanKlien};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::referensi::Verifikator;
use siasn_domain::riwayat::JenisRiwayat as J;
use siasn_domain::usulan::StatusUsulan;
use siasn_store::FilterPegawai;
use siasn_store::akun::AkunBaru;
use uuid::Uuid;

const SANDI: &str = "SiasnDemo#2026";
const D: &str = "/apisiasn/1.0";
const JWT: &str = "invalid or expired jwt";
const SSO: &str = "Token SSO mismatch";
/// Every scope.
const PENUH: &str = "baca tulis dokumen layanan referensi nik keluarga asuransi";

/// data-utama fields, exactly as SIASN_API.md lists them.
const DATA_UTAMA: &str = "id nipBaru nipLama nama gelarDepan gelarBelakang tempatLahir tempatLahirId tglLahir \
agama agamaId email emailGov nik alamat noHp noTelp jenisPegawaiId jenisPegawaiNama kedudukanPnsId \
kedudukanPnsNama statusPegawai jenisKelamin jenisIdDokumenId jenisIdDokumenNama nomorIdDocument \
noSeriKarpeg tkPendidikanTerakhirId tkPendidikanTerakhir pendidikanTerakhirId pendidikanTerakhirNama \
tahunLulus tmtPns tmtPensiun bupPensiun tglSkPns tmtCpns tglSkCpns instansiIndukId instansiIndukNama \
satuanKerjaIndukId satuanKerjaIndukNama kanregId kanregNama instansiKerjaId instansiKerjaNama \
instansiKerjaKodeCepat satuanKerjaKerjaId satuanKerjaKerjaNama unorId unorNama unorIndukId \
unorIndukNama jenisJabatanId jenisJabatan jabatanNama jabatanStrukturalId jabatanStrukturalNama \
jabatanFungsionalId jabatanFungsionalNama jabatanFungsionalUmumId jabatanFungsionalUmumNama \
tmtJabatan lokasiKerjaId lokasiKerja golRuangAwalId golRuangAwal golRuangAkhirId golRuangAkhir \
tmtGolAkhir masaKerja mkTahun mkBulan eselon eselonId eselonLevel tmtEselon gajiPokok kpknId kpknNama \
ktuaId ktuaNama taspenId taspenNama jenisKawinId statusPerkawinan statusHidup noNpwp tglNpwp noAskes \
bpjs kodePos noSpmt noTaspen bahasa kppnId kppnNama pangkatAkhir tglSttpl nomorSttpl nomorSkCpns \
nomorSkPns jenjang jabatanAsn kartuAsn validNik pangkatAwal asnJenjangJabatan levelJabatan \
tanggal_taspen tabrum2 kelas_jabatan karis_karsu tglSpmt kode_jenjang_jabatan path genEmailAsn";

/// History row fields, exactly as SIASN_API.md lists them.
const BIDANG_RW: [(&str, &str); 9] = [
    (
        "jabatan",
        "id idPns nipBaru nipLama jenisJabatan instansiKerjaId instansiKerjaNama satuanKerjaId \
         satuanKerjaNama unorId unorNama unorIndukId unorIndukNama eselon eselonId jabatanFungsionalId \
         jabatanFungsionalNama jabatanFungsionalUmumId jabatanFungsionalUmumNama tmtJabatan nomorSk tanggalSk \
         namaUnor namaJabatan tmtPelantikan path jenisPenugasanId jenisMutasiId subJabatanId tmtMutasi",
    ),
    (
        "golongan",
        "id idPns nipBaru nipLama golonganId golongan skNomor skTanggal tmtGolongan noPertekBkn \
         tglPertekBkn jumlahKreditUtama jumlahKreditTambahan jenisKPId jenisKPNama masaKerjaGolonganTahun \
         masaKerjaGolonganBulan path pangkat",
    ),
    (
        "pendidikan",
        "id idPns nipBaru nipLama pendidikanId pendidikanNama tkPendidikanId tkPendidikanNama \
         tahunLulus tglLulus isPendidikanPertama nomorIjasah namaSekolah gelarDepan gelarBelakang path",
    ),
    (
        "diklat",
        "id idPns nipBaru nipLama latihanStrukturalId latihanStrukturalNama nomor tanggal tahun path \
         jumlahJam tanggalSelesai institusiPenyelenggara",
    ),
    (
        "kursus",
        "id idPns nipBaru nipLama jenisKursusNama jenisKursusSertifikat institusiPenyelenggara \
         jenisKursusId jumlahJam namaKursus noSertipikat tahunKursus tanggalKursus path jenisDiklatId \
         tanggalSelesaiKursus",
    ),
    (
        "skp",
        "id tahun nilaiSkp orientasiPelayanan integritas komitmen disiplin kerjasama \
         nilaiPerilakuKerja nilaiPrestasiKerja kepemimpinan jumlah nilairatarata penilaiNipNrp penilaiNama \
         penilaiJabatan penilaiGolongan jenisPeraturanKinerjaKd inisiatifKerja konversiNilai nilaiIntegrasi",
    ),
    (
        "skp22",
        "id hasilKinerja hasilKinerjaNilai kuadranKinerja KuadranKinerjaNilai namaPenilai \
         nipNrpPenilai penilaiGolonganId penilaiJabatanNm penilaiUnorNm perilakuKerja PerilakuKerjaNilai \
         pnsDinilaiId statusPenilai tahun path",
    ),
    (
        "angkakredit",
        "id pns nomorSk tanggalSk bulanMulaiPenailan tahunMulaiPenailan bulanSelesaiPenailan \
         tahunSelesaiPenailan kreditUtamaBaru kreditPenunjangBaru kreditBaruTotal rwJabatan namaJabatan \
         isAngkaKreditPertama isIntegrasi isKonversi path Sumber",
    ),
    (
        "penghargaan",
        "id tahun skNomor skDate hargaNama hargaId pnsOrangId path",
    ),
];

/// The 18 `rw-*` histories and the kind of row behind each here (`None`: not kept, always empty).
const RW: [(&str, Option<J>); 18] = [
    ("angkakredit", Some(J::AngkaKredit)),
    ("cltn", Some(J::Cltn)),
    ("diklat", Some(J::Diklat)),
    ("dp3", None),
    ("golongan", Some(J::Golongan)),
    ("hukdis", Some(J::HukumanDisiplin)),
    ("jabatan", Some(J::Jabatan)),
    ("kinerjaperiodik", Some(J::Skp22)),
    ("kursus", Some(J::Kursus)),
    ("masakerja", Some(J::Pmk)),
    ("pemberhentian", None),
    ("pendidikan", Some(J::Pendidikan)),
    ("penghargaan", Some(J::Penghargaan)),
    ("pindahinstansi", Some(J::PindahInstansi)),
    ("pnsunor", Some(J::Jabatan)),
    ("pwk", None),
    ("skp", Some(J::Skp)),
    ("skp22", Some(J::Skp22)),
];

/// Histories readable by record id.
const BACA_ID: [&str; 8] = [
    "angkakredit",
    "diklat",
    "hukdis",
    "jabatan",
    "kursus",
    "penghargaan",
    "skp",
    "skp22",
];

/// Reference lists the clients use.
const REFERENSI: [&str; 23] = [
    "agama",
    "alasan-hukuman-disiplin",
    "asn-jenis-jabatan",
    "asn-jenjang-jabatan",
    "eselon",
    "golongan",
    "instansi",
    "jabatan-fungsional",
    "jabatan-fungsional-umum",
    "jenis-anak",
    "jenis-hukuman",
    "jenis-jabatan",
    "kanreg",
    "kedudukan-hukum",
    "kel-jabatan",
    "latihan-struktural",
    "lokasi",
    "pendidikan",
    "ref-dokumen",
    "ref-jenjang-jf",
    "satuan-kerja",
    "tingkat-pendidikan",
    "jenis-diklat",
];

// ---------------------------------------------------------------------------------------------
// Demo people and accounts.

/// The demo's people, with accounts made as `siasn demo` makes them (password `SANDI`).
struct Demo {
    /// Operator Instansi of PROV-JABAR (an employee, logs in by NIP).
    operator: Pegawai,
    /// Verifikator Instansi of PROV-JABAR.
    verifikator: Pegawai,
    /// A PROV-JABAR employee with NIK, BPJS, Taspen and address, with an employee account.
    target: Pegawai,
    /// Every active PROV-JABAR PNS (the three above included).
    jabar: Vec<Pegawai>,
    /// A KAB-GOWA employee with an employee account.
    lain: Pegawai,
    /// Login (NIP or user name) → account id.
    akun: HashMap<String, Uuid>,
}

impl Demo {
    fn akun(&self, login: &str) -> Uuid {
        self.akun[login]
    }
}

fn nip(p: &Pegawai) -> String {
    p.nomor_induk.as_str().to_string()
}

fn grant(peran: Peran, instansi: Option<&str>, kanreg: Option<&str>) -> PeranAkun {
    PeranAkun::new(
        peran,
        instansi.map(str::to_string),
        kanreg.map(str::to_string),
    )
    .unwrap()
}

/// Active PNS of an agency (with TMT PNS), in list order.
async fn pns(app: &App, instansi: &str) -> Vec<Pegawai> {
    let page = app
        .store()
        .daftar_pegawai(
            &FilterPegawai {
                instansi_id: instansi.into(),
                unor_id: None,
            },
            None,
            300,
        )
        .await
        .unwrap();
    let mut out = Vec::new();
    for r in page.items {
        let p = app.store().pegawai(r.id).await.unwrap();
        if p.jenis_pegawai == JenisPegawai::Pns
            && p.kedudukan_hukum_id == "01"
            && p.tmt_pns.is_some()
        {
            out.push(p);
        }
    }
    out
}

async fn siapkan(app: &App) -> Demo {
    let jabar = pns(app, "PROV-JABAR").await;
    assert!(jabar.len() >= 4, "enough PROV-JABAR PNS");
    let operator = jabar[0].clone();
    let verifikator = jabar[1].clone();
    let target = jabar[2..]
        .iter()
        .find(|p| p.nik.is_some() && p.bpjs.is_some() && p.taspen.is_some() && p.alamat.is_some())
        .cloned()
        .expect("a PROV-JABAR PNS with NIK, BPJS, Taspen and address");
    let lain = pns(app, "KAB-GOWA")
        .await
        .into_iter()
        .next()
        .expect("a KAB-GOWA PNS");
    let hash = tokio::task::spawn_blocking(|| siasn_store::sandi::hash(SANDI))
        .await
        .unwrap()
        .unwrap();
    let mut akun = HashMap::new();
    let pegawai_grant = grant(Peran::Pegawai, None, None);
    for (p, staf) in [
        (
            &operator,
            Some(grant(Peran::OperatorInstansi, Some("PROV-JABAR"), None)),
        ),
        (
            &verifikator,
            Some(grant(Peran::VerifikatorInstansi, Some("PROV-JABAR"), None)),
        ),
        (&target, None),
        (&lain, None),
    ] {
        let mut peran = vec![pegawai_grant.clone()];
        peran.extend(staf);
        let id = crate::common::buat_akun(
            app.store(),
            &AkunBaru {
                pegawai_id: Some(p.id),
                nama_pengguna: None,
                nama: p.nama_lengkap(),
                email: None,
                peran,
            },
        )
        .await;
        aktifkan(app, id, &hash).await;
        akun.insert(nip(p), id);
    }
    for (login, nama, g) in [
        (
            "admin.jabar",
            "Admin BKD Provinsi Jawa Barat",
            grant(Peran::AdminInstansi, Some("PROV-JABAR"), None),
        ),
        (
            "verifikator.kanreg3",
            "Verifikator Kanreg III BKN",
            grant(Peran::VerifikatorBkn, None, Some("03")),
        ),
        ("admin.bkn", "Admin BKN", grant(Peran::AdminBkn, None, None)),
    ] {
        let id = crate::common::buat_akun(
            app.store(),
            &AkunBaru {
                pegawai_id: None,
                nama_pengguna: Some(login.into()),
                nama: nama.into(),
                email: Some(format!("{login}@demo.siasn.test")),
                peran: vec![g],
            },
        )
        .await;
        aktifkan(app, id, &hash).await;
        akun.insert(login.to_string(), id);
    }
    Demo {
        operator,
        verifikator,
        target,
        jabar,
        lain,
        akun,
    }
}

async fn aktifkan(app: &App, akun_id: Uuid, hash: &str) {
    crate::common::ganti_sandi(app.store(), akun_id, hash, "demo").await;
}

/// A browser signed in (fully) as an existing account.
async fn peramban(app: &App, akun_id: Uuid, n: u32) -> crate::common::Klien {
    let token = format!("{:064x}", u128::from(n) + 7);
    let now = siasn_web::Jam::sekarang(&app.jam);
    crate::common::buat_sesi(
        app.store(),
        &Sesi {
            id_hash: siasn_store::blob::hash_hex(token.as_bytes()),
            akun_id,
            tahap: TahapSesi::Penuh,
            csrf: format!("{:064x}", u128::from(n) + 1000),
            ingat_saya: false,
            dibuat_pada: now,
            aktif_pada: now,
            batas_mutlak: now + Duration::hours(8),
            alamat: None,
            perangkat: None,
        },
    )
    .await;
    let mut k = app.klien();
    k.cookies.insert("__Host-siasn".into(), token);
    k
}

// ---------------------------------------------------------------------------------------------
// HTTP.

struct Resp {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Resp {
    async fn dari(r: reqwest::Response) -> Self {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let body = r.bytes().await.unwrap().to_vec();
        Self {
            status,
            headers,
            body,
        }
    }

    fn teks(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}: {}", self.status, self.teks()))
    }

    fn header(&self, n: &str) -> Option<String> {
        self.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

/// A read success: 200, `code` 1; the body.
fn ok(r: &Resp) -> Value {
    assert_eq!(r.status, 200, "{}", r.teks());
    let v = r.json();
    assert_eq!(v["code"], 1, "{v}");
    v
}

/// An error in the national envelope (exactly `Error` and `Message`).
fn galat(r: &Resp, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.teks());
    let v = r.json();
    let o = v.as_object().unwrap_or_else(|| panic!("an object: {v}"));
    assert_eq!(o.len(), 2, "only Error and Message: {v}");
    assert!(o["Error"].is_string() && o["Message"].is_string(), "{v}");
    o["Message"].as_str().unwrap().to_string()
}

fn http() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}

fn dasar(app: &App) -> String {
    format!("http://{}", app.addr)
}

/// A partner system: its HTTP client and the two tokens it sends.
#[derive(Clone)]
struct Api {
    http: reqwest::Client,
    base: String,
    gateway: Option<String>,
    pengguna: Option<String>,
}

impl Api {
    fn dengan(&self, gateway: Option<&str>, pengguna: Option<&str>) -> Self {
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
    async fn get_abs(&self, path: &str) -> Resp {
        let rb = self.http.get(format!("{}{path}", self.base));
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    /// GET under `/apisiasn/1.0`.
    async fn get(&self, path: &str) -> Resp {
        self.get_abs(&format!("{D}{path}")).await
    }

    async fn post_raw(&self, path: &str, jenis: &str, body: Vec<u8>) -> Resp {
        let rb = self
            .http
            .post(format!("{}{D}{path}", self.base))
            .header("content-type", jenis)
            .body(body);
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    async fn post_json(&self, path: &str, isi: &Value) -> Resp {
        self.post_raw(path, "application/json", serde_json::to_vec(isi).unwrap())
            .await
    }

    async fn delete(&self, path: &str) -> Resp {
        let rb = self.http.delete(format!("{}{D}{path}", self.base));
        Resp::dari(self.tanda(rb).send().await.unwrap()).await
    }

    async fn multipart(
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

fn jabar() -> JangkauanKlien {
    JangkauanKlien::Instansi("PROV-JABAR".into())
}

async fn daftar(
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
async fn minta_gateway(app: &App, key: &str, secret: &str) -> Resp {
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
async fn minta_pengguna(app: &App, client_id: &str, username: &str, password: &str) -> Resp {
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

async fn token_gateway(app: &App, k: &KlienBaru) -> String {
    let r = minta_gateway(app, &k.klien.consumer_key, &k.secret).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    r.json()["access_token"].as_str().unwrap().to_string()
}

async fn token_pengguna(app: &App, k: &KlienBaru, username: &str) -> String {
    let r = minta_pengguna(app, &k.klien.consumer_key, username, SANDI).await;
    assert_eq!(r.status, 200, "{username}: {}", r.teks());
    r.json()["access_token"].as_str().unwrap().to_string()
}

/// Both tokens for `username` through client `k`.
async fn sesi(app: &App, k: &KlienBaru, username: &str) -> Api {
    let g = token_gateway(app, k).await;
    let u = token_pengguna(app, k, username).await;
    Api {
        http: http(),
        base: dasar(app),
        gateway: Some(g),
        pengguna: Some(u),
    }
}

// ---------------------------------------------------------------------------------------------
// Shapes.

fn tgl(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn tanggal_sah(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[2] == b'-'
        && b[5] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
        && NaiveDate::parse_from_str(s, "%d-%m-%Y").is_ok()
}

/// Every date-named field (tgl*, tggl*, tmt*, tanggal*, *Tanggal, skDate), at any depth, is
/// null or `dd-mm-yyyy`.
fn periksa_tanggal(v: &Value, konteks: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let kecil = k.to_ascii_lowercase();
                let tanggal = ["tgl", "tggl", "tmt", "tanggal"]
                    .iter()
                    .any(|a| kecil.starts_with(a))
                    || kecil.ends_with("tanggal")
                    || kecil == "skdate";
                if tanggal {
                    match x {
                        Value::Null => {}
                        Value::String(s) => {
                            assert!(tanggal_sah(s), "{konteks}.{k} = {s:?} is not dd-mm-yyyy");
                        }
                        other => panic!("{konteks}.{k} = {other} is not a date string"),
                    }
                } else {
                    periksa_tanggal(x, konteks);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| periksa_tanggal(x, konteks)),
        _ => {}
    }
}

fn punya_bidang(v: &Value, bidang: &str, konteks: &str) {
    let o = v.as_object().unwrap_or_else(|| panic!("{konteks}: {v}"));
    for f in bidang.split_whitespace() {
        assert!(o.contains_key(f), "{konteks} lacks {f}: {v}");
    }
}

/// All but the last four characters as `*`.
fn samar(s: &str) -> String {
    let n = s.chars().count();
    s.chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '*' } else { c })
        .collect()
}

/// A small real PNG.
fn png_kecil() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(30, 40, image::Rgb([180, 120, 90]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn pdf(tanda: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tanda}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").into_bytes()
}

/// Uploads a small PDF as document type `jenis`; the `path` entry a save refers to.
async fn unggah_pdf(api: &Api, jenis: &str, tanda: &str) -> Value {
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
async fn simpan(api: &Api, jenis: &str, mut isi: Value, dok: &[&str]) -> Value {
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
fn selesai(m: &Value, kunci: &str) -> Uuid {
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
fn menunggu_bkn(m: &Value, kunci: &str) -> Uuid {
    assert_eq!(m["status"], "MENUNGGU_BKN", "{m}");
    assert!(
        m.get(kunci).is_some_and(Value::is_null),
        "{kunci} present and null: {m}"
    );
    Uuid::parse_str(m["usulanId"].as_str().unwrap()).unwrap()
}

/// Rows of the employee and audit entries about them.
async fn jejak(app: &App, p: &Pegawai) -> (usize, usize) {
    (
        app.store().riwayat_pegawai(p.id, None).await.unwrap().len(),
        app.store()
            .audit_tentang_pegawai(p.id, 100_000)
            .await
            .unwrap()
            .len(),
    )
}

async fn jumlah_baris(app: &App, p: &Pegawai, jenis: J) -> usize {
    app.store()
        .riwayat_pegawai(p.id, Some(jenis))
        .await
        .unwrap()
        .len()
}

/// Whether the proposal waits in Kanreg III's BKN queue.
async fn di_antrean_bkn(app: &App, demo: &Demo, usulan: Uuid) -> bool {
    app.store()
        .antrean_usulan(
            Verifikator::Bkn,
            &[Cakupan::Kanreg("03".into())],
            demo.akun("verifikator.kanreg3"),
            None,
            1000,
        )
        .await
        .unwrap()
        .iter()
        .any(|u| u.id == usulan)
}

fn jabatan_baru(p: &Pegawai, unor: &str, nomor: &str) -> Value {
    json!({
        "id": null,
        "pnsId": p.id.to_string(),
        "instansiId": "PROV-JABAR",
        "satuanKerjaId": null,
        "unorId": unor,
        "jenisJabatan": "2",
        "jabatanFungsionalId": "ANKEP-AM",
        "jabatanFungsionalUmumId": null,
        "eselonId": null,
        "nomorSk": nomor,
        "tanggalSk": "02-01-2026",
        "tmtJabatan": "01-02-2026",
        "tmtPelantikan": "03-02-2026",
    })
}

async fn unor_pertama(api: &Api) -> String {
    let v = ok(&api.get("/referensi/ref-unor?limit=5&offset=0").await);
    v["data"][0]["Id"].as_str().unwrap().to_string()
}

// ---------------------------------------------------------------------------------------------
// 1. Tokens.

async fn tokens_both_grants_errors_expiry_and_disabled_clients() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Jabar", jabar(), "baca tulis", 600).await;
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
    let gateway = v["access_token"].as_str().unwrap().to_string();

    // Client credentials in the form body.
    let r = Resp::dari(
        http()
            .post(&url)
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", key.as_str()),
                ("client_secret", k.secret.as_str()),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.json()["token_type"], "Bearer");

    // Wrong secret, unknown key, no credentials: the same 401.
    let salah = json!({"error": "invalid_client", "error_description": "Invalid Credentials"});
    for (kunci, rahasia) in [
        (key.as_str(), "bukan-rahasianya"),
        ("0123456789abcdef0123456789abcdef", k.secret.as_str()),
    ] {
        let r = minta_gateway(&app, kunci, rahasia).await;
        assert_eq!(r.status, 401, "{}", r.teks());
        assert_eq!(r.json(), salah);
    }
    let r = Resp::dari(
        http()
            .post(&url)
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), salah);

    // Wrong or missing grant type; not a form.
    for form in [
        vec![("grant_type", "password")],
        vec![("grant_type", "authorization_code")],
        vec![],
    ] {
        let r = Resp::dari(
            http()
                .post(&url)
                .basic_auth(&key, Some(&k.secret))
                .form(&form)
                .send()
                .await
                .unwrap(),
        )
        .await;
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
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_request");

    // Password grant: by NIP and by user name.
    let r = minta_pengguna(&app, &key, &nip(&demo.operator), SANDI).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    let v = r.json();
    assert_eq!(v["expires_in"], 43200);
    assert_eq!(v["token_type"], "Bearer");
    let pengguna = v["access_token"].as_str().unwrap().to_string();
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
    assert_eq!(r.json(), salah);
    let auth_url = format!(
        "{}/auth/realms/public-siasn/protocol/openid-connect/token",
        dasar(&app)
    );
    let r = Resp::dari(
        http()
            .post(&auth_url)
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", key.as_str()),
                ("username", "admin.jabar"),
                ("password", SANDI),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "unsupported_grant_type");
    let r = Resp::dari(
        http()
            .post(&auth_url)
            .form(&[
                ("grant_type", "password"),
                ("client_id", key.as_str()),
                ("username", "admin.jabar"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_request");

    // The tokens work, and every token failure answers with the texts clients recognise.
    let api = Api {
        http: http(),
        base: dasar(&app),
        gateway: Some(gateway.clone()),
        pengguna: Some(pengguna.clone()),
    };
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

    // Expiry by the clock: the gateway token at 3600 s, the user token at 43200 s.
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

    // A disabled client (disabled before its first data call, so no server cache holds it):
    // neither grant is given, and a gateway token issued earlier is refused.
    let k3 = daftar(&app, "SIMPEG Dinonaktifkan", jabar(), "baca", 600).await;
    let g3 = token_gateway(&app, &k3).await;
    let u3 = token_pengguna(&app, &k3, &nip(&demo.operator)).await;
    crate::common::ubah_status_klien(app.store(), k3.klien.id, false).await;
    let r = minta_gateway(&app, &k3.klien.consumer_key, &k3.secret).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.json(), salah);
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

// ---------------------------------------------------------------------------------------------
// 2. Reads.

async fn every_read_endpoint_answers_in_the_national_shapes() {
    let app = spawn_app(60).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;

    // data-utama: every documented field, dates dd-mm-yyyy or null, the values on record.
    for p in demo.jabar.iter().take(6) {
        let v = ok(&api.get(&format!("/pns/data-utama/{}", nip(p))).await);
        let d = &v["data"];
        punya_bidang(d, DATA_UTAMA, "data-utama");
        periksa_tanggal(d, "data-utama");
        assert_eq!(d["id"], p.id.to_string());
        assert_eq!(d["nipBaru"], nip(p));
        assert_eq!(d["nama"], p.nama);
        assert_eq!(d["tglLahir"], tgl(p.tanggal_lahir));
        assert_eq!(d["tmtCpns"], json!(p.tmt_cpns.map(tgl)));
        assert_eq!(d["tmtPns"], json!(p.tmt_pns.map(tgl)));
        assert_eq!(d["instansiKerjaId"], "PROV-JABAR");
        assert_eq!(d["statusPegawai"], "PNS");
        assert_eq!(d["kanregId"], "03");
        assert_eq!(d["nik"], json!(p.nik.as_ref().map(|n| n.as_str())));
        assert_eq!(d["bpjs"], json!(p.bpjs));
        assert!(d["tmtPensiun"].as_str().is_some_and(tanggal_sah));
        for kosong in [
            "tempatLahirId",
            "gajiPokok",
            "kpknId",
            "lokasiKerjaId",
            "kartuAsn",
        ] {
            assert!(d[kosong].is_null(), "{kosong} not held: null");
        }
    }

    // Family: spouse, children, parents.
    let mut sudah = [false; 3];
    for p in &demo.jabar {
        let rows = app.store().riwayat_pegawai(p.id, None).await.unwrap();
        let n = |j: J| rows.iter().filter(|r| r.data.jenis() == j).count();
        if !sudah[0] && n(J::Pasangan) > 0 {
            let v = ok(&api.get(&format!("/pns/data-pasangan/{}", nip(p))).await);
            periksa_tanggal(&v, "data-pasangan");
            let list = v["data"]["listPasangan"].as_array().unwrap();
            assert_eq!(list.len(), n(J::Pasangan));
            for x in list {
                punya_bidang(
                    &x["orang"],
                    "nama tglLahir tempatLahir jenisKelamin gelarDepan gelarBlk aktaMeninggal tglMeninggal",
                    "pasangan.orang",
                );
                punya_bidang(
                    &x["dataPernikahan"],
                    "id aktaMenikah tgglMenikah aktaCerai tgglCerai status isPns",
                    "pasangan.dataPernikahan",
                );
                assert!(x["statusNikah"].is_string());
                assert!(x["dataPernikahan"]["id"].is_string());
            }
            sudah[0] = true;
        }
        if !sudah[1] && n(J::Anak) > 0 {
            let v = ok(&api.get(&format!("/pns/data-anak/{}", nip(p))).await);
            periksa_tanggal(&v, "data-anak");
            let list = v["data"]["listAnak"].as_array().unwrap();
            assert_eq!(list.len(), n(J::Anak));
            for x in list {
                punya_bidang(
                    x,
                    "id nama jenisKelamin jenisAnak tempatLahir kabupatenId tglLahir",
                    "anak",
                );
                assert!(x["tglLahir"].is_string());
            }
            sudah[1] = true;
        }
        if !sudah[2] && n(J::OrangTua) > 0 {
            let v = ok(&api.get(&format!("/pns/data-ortu/{}", nip(p))).await);
            periksa_tanggal(&v, "data-ortu");
            let d = v["data"].as_object().unwrap();
            assert!(d.contains_key("ayah") && d.contains_key("ibu"), "{v}");
            let mut ada = 0;
            for o in [&d["ayah"], &d["ibu"]] {
                if !o.is_null() {
                    punya_bidang(o, "nama tglLahir", "ortu");
                    ada += 1;
                }
            }
            assert_eq!(ada, n(J::OrangTua));
            sudah[2] = true;
        }
    }
    assert_eq!(sudah, [true; 3], "someone with spouse, children, parents");

    // Disciplinary penalties are rare in the demo: give one employee a row through the API.
    let subjek = &demo.jabar[3];
    let m = simpan(
        &api,
        "hukdis",
        json!({
            "pnsOrangId": subjek.id.to_string(),
            "jenisHukumanId": "TEGURAN_TERTULIS",
            "alasanHukumanDisiplinNama": "Tidak masuk kerja tanpa keterangan",
            "hukumanTanggal": "01-07-2025",
            "masaTahun": "0",
            "masaBulan": "6",
            "skNomor": "800/HD-01/2025",
            "skTanggal": "25-06-2025",
        }),
        &["882"],
    )
    .await;
    selesai(&m, "rwHukdisId");

    // Every rw-* list for every employee: the rows on record, documented fields, dates.
    let mut contoh: HashMap<&str, Value> = HashMap::new();
    let mut dokumen: Option<(Uuid, String)> = None;
    for p in &demo.jabar {
        for (nama, jenis) in RW {
            let r = api.get(&format!("/pns/rw-{nama}/{}", nip(p))).await;
            let v = ok(&r);
            assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
            let rows = v["data"]
                .as_array()
                .unwrap_or_else(|| panic!("rw-{nama}: {v}"));
            assert_eq!(v["count"], rows.len(), "rw-{nama}");
            let harap = match jenis {
                Some(j) => jumlah_baris(&app, p, j).await,
                None => 0,
            };
            assert_eq!(rows.len(), harap, "rw-{nama} of {}", nip(p));
            periksa_tanggal(&v["data"], &format!("rw-{nama}"));
            for row in rows {
                assert!(row["id"].is_string(), "rw-{nama} id is a string: {row}");
                if dokumen.is_none()
                    && let Some(uri) = row["path"][0]["dok_uri"].as_str()
                {
                    dokumen = Some((p.id, uri.to_string()));
                }
            }
            if let Some(first) = rows.first() {
                contoh.entry(nama).or_insert_with(|| first.clone());
            }
        }
    }
    for (nama, bidang) in BIDANG_RW {
        let row = contoh
            .get(nama)
            .unwrap_or_else(|| panic!("someone has a {nama} row"));
        punya_bidang(row, bidang, &format!("rw-{nama}"));
    }
    assert!(contoh["jabatan"]["nomorSk"].is_string());

    // jabatan/pns is the positions list.
    let p0 = &demo.jabar[0];
    assert_eq!(
        ok(&api.get(&format!("/jabatan/pns/{}", nip(p0))).await)["data"],
        ok(&api.get(&format!("/pns/rw-jabatan/{}", nip(p0))).await)["data"]
    );

    // Rows by id: the same object as in the list; another kind's id, malformed, unknown.
    for nama in BACA_ID {
        let row = &contoh[nama];
        let id = row["id"].as_str().unwrap();
        let v = ok(&api.get(&format!("/{nama}/id/{id}")).await);
        assert_eq!(&v["data"], row, "{nama}/id");
        let lain = if nama == "diklat" { "kursus" } else { "diklat" };
        galat(&api.get(&format!("/{lain}/id/{id}")).await, 404);
        galat(&api.get(&format!("/{nama}/id/bukan-uuid")).await, 400);
        galat(
            &api.get(&format!("/{nama}/id/{}", Uuid::now_v7())).await,
            404,
        );
    }

    // The photo: 404 until one is confirmed, then the PNG bytes (audited like every read).
    galat(&api.get(&format!("/pns/photo/{}", p0.id)).await, 404);
    galat(&api.get("/pns/photo/bukan-uuid").await, 400);
    galat(&api.get(&format!("/pns/photo/{}", demo.lain.id)).await, 404);
    let png = png_kecil();
    let blob = app.store().simpan_blob(&png, "image/png").await.unwrap();
    let akun_p0 = demo.akun(&nip(p0));
    let now = siasn_web::Jam::sekarang(&app.jam);
    crate::common::pasang_foto(app.store(), p0.id, &blob, akun_p0, now).await;
    let r = api.get(&format!("/pns/photo/{}", p0.id)).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(r.body, png);
    let log = app.store().audit_tentang_pegawai(p0.id, 50).await.unwrap();
    assert!(log.iter().any(
        |e| e.aksi == "api.dibaca" && e.alasan.as_deref().is_some_and(|a| a.contains("photo"))
    ));

    // Agency lists.
    let v = ok(&api.get("/pns/list-kp-instansi?periode=2026-10-01").await);
    assert_eq!(v["count"], v["data"].as_array().unwrap().len());
    galat(&api.get("/pns/list-kp-instansi").await, 400);
    galat(
        &api.get("/pns/list-kp-instansi?periode=01-10-2026").await,
        400,
    );

    let v = ok(&api
        .get("/pns/list-pensiun-instansi?tglAwal=01-01-2026&tglAkhir=31-12-2030")
        .await);
    let items = v["data"].as_array().unwrap();
    assert!(!items.is_empty(), "someone retires by 2030");
    let (awal, akhir) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    );
    for x in items {
        punya_bidang(
            x,
            "id nama statusUsulan statusUsulanNama pnsId nipBaru pertekNomor skNomor pathSk pathPertek \
             pertekTgl skTgl instansiId instansiNama detailLayananNama tglLahir golonganId golonganKppId \
             tmtPensiun pathSkPreview",
            "list-pensiun-instansi",
        );
        periksa_tanggal(x, "list-pensiun-instansi");
        let t = NaiveDate::parse_from_str(x["tmtPensiun"].as_str().unwrap(), "%d-%m-%Y").unwrap();
        assert!(awal <= t && t <= akhir, "{t} in range");
        assert_eq!(x["instansiId"], "PROV-JABAR");
        // One audit event per employee listed.
        let pid = Uuid::parse_str(x["pnsId"].as_str().unwrap()).unwrap();
        let log = app.store().audit_tentang_pegawai(pid, 100).await.unwrap();
        assert!(log.iter().any(|e| {
            e.aksi == "api.dibaca"
                && e.alasan
                    .as_deref()
                    .is_some_and(|a| a.contains("list-pensiun-instansi"))
        }));
    }
    for q in [
        "tglAwal=2026-01-01&tglAkhir=31-12-2030",
        "tglAwal=01-01-2026",
        "tglAwal=31-12-2030&tglAkhir=01-01-2026",
        "",
    ] {
        galat(
            &api.get(&format!("/pns/list-pensiun-instansi?{q}")).await,
            400,
        );
    }

    let v = ok(&api.get("/referensi/ref-unor?limit=5&offset=0").await);
    let unit = v["data"].as_array().unwrap();
    assert!(!unit.is_empty() && unit.len() <= 5);
    let total = v["count"].as_u64().unwrap();
    assert!(total >= unit.len() as u64);
    for u in unit {
        Uuid::parse_str(u["Id"].as_str().unwrap()).unwrap();
        assert!(u["NamaUnor"].is_string());
        assert_eq!(u["InstansiId"], "PROV-JABAR");
    }
    let semua = ok(&api.get("/referensi/ref-unor?limit=1000").await);
    let geser = ok(&api.get("/referensi/ref-unor?limit=2&offset=2").await);
    assert_eq!(
        geser["data"].as_array().unwrap()[..],
        semua["data"].as_array().unwrap()[2..4]
    );
    galat(&api.get("/referensi/ref-unor?limit=lima").await, 400);

    // A document named in a row's `path`: the bytes on record.
    let (pemilik, uri) = dokumen.expect("a row with a document");
    let r = api.get(&format!("/download-dok?filePath={uri}")).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let id = Uuid::parse_str(uri.strip_prefix("dokumen/").unwrap()).unwrap();
    let d = app
        .store()
        .dokumen_pegawai(pemilik)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap();
    assert_eq!(r.body, app.store().isi_dokumen(&d).await.unwrap());
    assert_eq!(
        r.header("content-type").as_deref(),
        Some(d.media_type.as_str())
    );
    galat(
        &api.get(&format!(
            "/download-dok?filePath=dokumen/{}",
            Uuid::now_v7()
        ))
        .await,
        404,
    );
    galat(&api.get("/download-dok").await, 400);
    // Someone else's document, out of reach: as unknown.
    let luar = app
        .store()
        .dokumen_pegawai(demo.lain.id)
        .await
        .unwrap()
        .remove(0);
    galat(
        &api.get(&format!("/download-dok?filePath=dokumen/{}", luar.id))
            .await,
        404,
    );

    // Reference API: gateway token only.
    let gateway = api.dengan(api.gateway.as_deref(), None);
    for nama in REFERENSI {
        let r = gateway
            .get_abs(&format!("/referensi_siasn/1/{nama}/search"))
            .await;
        let v = ok(&r);
        let list = v["data"].as_array().unwrap();
        assert_eq!(v["count"], list.len());
        for x in list {
            let o = x.as_object().unwrap();
            assert_eq!(o.len(), 2, "{nama}: {x}");
            assert!(o["id"].is_string() && o["nama"].is_string(), "{nama}: {x}");
        }
        let disimpan = ![
            "alasan-hukuman-disiplin",
            "asn-jenjang-jabatan",
            "jenis-hukuman",
            "kel-jabatan",
            "lokasi",
            "pendidikan",
            "ref-jenjang-jf",
            "satuan-kerja",
        ]
        .contains(&nama);
        assert_eq!(!list.is_empty(), disimpan, "{nama}");
    }
    let v = ok(&gateway
        .get_abs("/referensi_siasn/1/latihan-struktural/search?q=pim")
        .await);
    let list = v["data"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(
        list.iter()
            .all(|x| x["nama"].as_str().unwrap().to_lowercase().contains("pim"))
    );
    galat(
        &gateway.get_abs("/referensi_siasn/1/tidak-ada/search").await,
        404,
    );
    assert_eq!(
        galat(
            &api.dengan(None, None)
                .get_abs("/referensi_siasn/1/agama/search")
                .await,
            401
        ),
        JWT
    );

    // Reach: out of reach and unknown answer the same; a malformed NIP is a 400.
    let luar = api
        .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
        .await;
    let tak_ada = api.get("/pns/data-utama/190001012000011999").await;
    galat(&luar, 404);
    galat(&tak_ada, 404);
    assert_eq!(luar.body, tak_ada.body);
    for salah in ["123", "19900101202012100X", "1990010120201210011"] {
        galat(&api.get(&format!("/pns/data-utama/{salah}")).await, 400);
        galat(&api.get(&format!("/pns/rw-jabatan/{salah}")).await, 400);
    }

    // Every read is audited with the client and the user, and the employee can see it.
    let aktor = format!(
        "klien:{}/akun:{}",
        k.klien.id,
        demo.akun(&nip(&demo.operator))
    );
    let log = app
        .store()
        .audit_tentang_pegawai(demo.target.id, 500)
        .await
        .unwrap();
    let dibaca: Vec<_> = log.iter().filter(|e| e.aksi == "api.dibaca").collect();
    assert!(dibaca.iter().all(|e| e.aktor == aktor));
    for jalur in ["data-utama", "rw-jabatan", "rw-skp22"] {
        assert!(
            dibaca.iter().any(|e| e.alasan.as_deref().is_some_and(|a| {
                a.contains("SIMPEG Provinsi Jawa Barat") && a.contains(jalur)
            })),
            "{jalur} audited: {dibaca:?}"
        );
    }
    let mut c = peramban(&app, demo.akun(&nip(&demo.target)), 41).await;
    let page = c.get("/riwayat-akses").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("api.dibaca"), "{}", page.body);
}

// ---------------------------------------------------------------------------------------------
// 3. Writes.

async fn every_write_endpoint_and_bad_input() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Provinsi Jawa Barat", jabar(), PENUH, 6000).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let p = &demo.target;
    let pid = p.id.to_string();
    let unor = unor_pertama(&api).await;

    // Positions (agency authority): applied at once, readable by id and in the list.
    let m = simpan(
        &api,
        "jabatan",
        jabatan_baru(p, &unor, "821/API-01/BKD"),
        &["872"],
    )
    .await;
    let jabatan = selesai(&m, "rwJabatanId");
    let v = ok(&api.get(&format!("/jabatan/id/{jabatan}")).await);
    assert_eq!(v["data"]["namaJabatan"], "Analis Kepegawaian Ahli Muda");
    assert_eq!(v["data"]["jabatanFungsionalId"], "ANKEP-AM");
    assert_eq!(v["data"]["nomorSk"], "821/API-01/BKD");
    assert_eq!(v["data"]["tmtJabatan"], "01-02-2026");
    assert_eq!(v["data"]["path"][0]["dok_id"], "872");
    // Corrected in place (`id` names the row).
    let mut ubah = jabatan_baru(p, &unor, "821/API-01a/BKD");
    ubah["id"] = json!(jabatan.to_string());
    let m = simpan(&api, "jabatan", ubah, &["872"]).await;
    assert_eq!(selesai(&m, "rwJabatanId"), jabatan);
    let v = ok(&api.get(&format!("/jabatan/id/{jabatan}")).await);
    assert_eq!(v["data"]["nomorSk"], "821/API-01a/BKD");

    let mut mutasi = jabatan_baru(p, &unor, "821/API-02/BKD");
    for (kunci, nilai) in [
        ("jenisMutasiId", json!("MU")),
        ("jenisPenugasanId", json!("D")),
        ("subJabatanId", Value::Null),
        ("tmtMutasi", json!("01-03-2026")),
        ("tmtJabatan", json!("01-03-2026")),
    ] {
        mutasi[kunci] = nilai;
    }
    let m = simpan(&api, "jabatan/unorjabatan", mutasi, &["872"]).await;
    let unorjabatan = selesai(&m, "rwJabatanId");
    let v = ok(&api.get(&format!("/jabatan/id/{unorjabatan}")).await);
    assert_eq!(v["data"]["jenisMutasiId"], "MU");
    assert_eq!(v["data"]["jenisPenugasanId"], "D");

    let m = simpan(
        &api,
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
    let angkakredit = selesai(&m, "rwAngkaKreditId");
    let v = ok(&api.get(&format!("/angkakredit/id/{angkakredit}")).await);
    assert_eq!(v["data"]["kreditBaruTotal"], 28.5);
    assert_eq!(v["data"]["namaJabatan"], "Analis Kepegawaian Ahli Muda");
    assert_eq!(v["data"]["tahunSelesaiPenailan"], "2025");

    let m = simpan(
        &api,
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
    let diklat = selesai(&m, "rwDiklatId");
    let v = ok(&api.get(&format!("/diklat/id/{diklat}")).await);
    assert_eq!(v["data"]["latihanStrukturalNama"], "PIM IV");
    assert_eq!(v["data"]["tanggalSelesai"], "30-05-2025");

    let m = simpan(
        &api,
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
    let kursus = selesai(&m, "rwKursusId");
    let v = ok(&api.get(&format!("/kursus/id/{kursus}")).await);
    assert_eq!(v["data"]["namaKursus"], "Pengelolaan Arsip Dinamis");

    let m = simpan(
        &api,
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
    let hukdis = selesai(&m, "rwHukdisId");
    let v = ok(&api.get(&format!("/hukdis/id/{hukdis}")).await);
    assert_eq!(v["data"]["jenisHukuman"], "TEGURAN_TERTULIS");
    assert_eq!(v["data"]["akhirHukumTanggal"], "01-01-2026");

    let m = simpan(
        &api,
        "penghargaan",
        json!({
            "id": null, "pnsOrangId": pid, "hargaId": "201", "tahun": "2025",
            "skNomor": "KEP-01/2025", "skDate": "17-08-2025",
        }),
        &["892"],
    )
    .await;
    let penghargaan = selesai(&m, "rwPenghargaanId");
    let v = ok(&api.get(&format!("/penghargaan/id/{penghargaan}")).await);
    assert_eq!(v["data"]["hargaNama"], "Satyalancana Karya Satya X Tahun");
    assert_eq!(v["data"]["skDate"], "17-08-2025");

    let m = simpan(
        &api,
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
    let skp22 = selesai(&m, "rwSkp22Id");
    let v = ok(&api.get(&format!("/skp22/id/{skp22}")).await);
    assert_eq!(v["data"]["hasilKinerjaNilai"], "1");
    assert_eq!(v["data"]["PerilakuKerjaNilai"], "2");
    assert!(v["data"]["KuadranKinerjaNilai"].is_string());

    let m = simpan(
        &api,
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
    let kinerja = selesai(&m, "rwKinerjaPeriodikId");
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

    // SKP up to 2021 (numeric): the proposal rules only accept the last two years, and from
    // 2022 the kuadran model, so on this clock (2026) no old-model SKP can be saved.
    for tahun in ["2021", "2025"] {
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

    // Under BKN authority: proposals waiting for BKN, not rows yet.
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

    // A promotion (golongan) proposal, then the agency's KP list and its decree upload.
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
            "pnsOrangId": pid, "golonganId": naik, "jenisKPId": "101",
            "tmtGolongan": "01-10-2026", "skNomor": "KP/API/2026/01", "skTanggal": "15-09-2026",
            "masaKerjaGolonganTahun": "3", "masaKerjaGolonganBulan": "0",
        }),
        &["L02"],
    )
    .await;
    let usulan_kp = menunggu_bkn(&m, "rwGolonganId");
    let v = ok(&api.get("/pns/list-kp-instansi?periode=2026-10-01").await);
    let item = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == usulan_kp.to_string())
        .expect("the proposal in the KP list")
        .clone();
    punya_bidang(
        &item,
        "id pnsId statusUsulan statusUsulanNama nipBaru nama no_pertek no_sk path_ttd_sk \
         path_ttd_pertek tgl_pertek tgl_sk golonganBaruId tmtKp path_preview_sk gaji_pokok_baru \
         gaji_pokok_lama masa_kerja_tahun masa_kerja_bulan jenis_kp jenis_prosedur",
        "list-kp-instansi",
    );
    periksa_tanggal(&item, "list-kp-instansi");
    assert_eq!(item["nipBaru"], nip(p));
    assert_eq!(item["statusUsulan"], "MENUNGGU_BKN");
    assert_eq!(item["golonganBaruId"], naik);
    assert_eq!(item["tmtKp"], "01-10-2026");
    assert_eq!(
        ok(&api.get("/pns/list-kp-instansi?periode=2026-11-01").await)["count"],
        0
    );
    let r = api
        .multipart(
            "/upload-dok-sk-kp",
            &[
                ("id_usulan", usulan_kp.to_string().as_str()),
                ("no_sk", "KP/API/2026/01"),
                ("tgl_sk", "15-09-2026"),
            ],
            Some(("sk-kp.pdf", pdf("sk-kp"))),
        )
        .await;
    let v = ok(&r);
    assert_eq!(v["data"]["dok_id"], "L02");
    assert!(
        v["data"]["dok_uri"]
            .as_str()
            .unwrap()
            .starts_with("dokumen/")
    );

    // Personal data kept here: applied at once; keys not kept are named in the message.
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

    // A supporting document attached to an existing row.
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

    // Deletes: the six kinds; another kind's id, malformed and unknown ids first.
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
        let r = api.delete(&format!("/{nama}/delete/{id}")).await;
        assert_eq!(r.status, 200, "{nama}: {}", r.teks());
        let v = r.json();
        assert_eq!(v["success"], true);
        assert_eq!(v["mapData"]["status"], "SELESAI");
        galat(&api.get(&format!("/{baca}/id/{id}")).await, 404);
    }

    // Bad input changes nothing (no row, no audit entry).
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
    // Without the required document; with a document nobody uploaded; a future date.
    let tanpa = jabatan_baru(p, &unor, "821/SALAH/BKD");
    let pesan = galat(&api.post_json("/jabatan/save", &tanpa).await, 422);
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
    // Missing tokens.
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
    // Uploads: too large, not a PDF/JPEG/PNG, cut short, unknown type, not multipart.
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

    // Every applied write is in the audit trail as the client and the user.
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
// 4. Authorisation matrix.

async fn authorisation_matrix_of_clients_users_and_endpoints() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let t = &demo.target;
    let klien = [
        (
            "penuh",
            daftar(&app, "SIMPEG Penuh", jabar(), PENUH, 6000).await,
        ),
        // No scopes named: the default (baca dokumen layanan referensi).
        ("baca", daftar(&app, "SIMPEG Baca", jabar(), "", 6000).await),
        (
            "tanpa-keluarga",
            daftar(
                &app,
                "SIMPEG Tanpa Keluarga",
                jabar(),
                "baca tulis dokumen layanan referensi nik asuransi",
                6000,
            )
            .await,
        ),
        // National: reads everyone; `tulis` granted but writes are agency acts.
        (
            "nasional",
            daftar(
                &app,
                "Mitra Nasional",
                JangkauanKlien::Nasional,
                "baca tulis layanan nik keluarga asuransi",
                6000,
            )
            .await,
        ),
    ];
    let pengguna = [
        ("operator", nip(&demo.operator)),
        ("diri", nip(t)),
        ("lain", nip(&demo.lain)),
        ("bkn", "verifikator.kanreg3".to_string()),
    ];
    // data-utama, data-anak, rw-jabatan, jabatan/save, jabatan/delete, referensi, list-kp.
    const HARAPAN: [(&str, &str, [u16; 7]); 16] = [
        ("penuh", "operator", [200, 200, 200, 200, 200, 200, 200]),
        ("penuh", "diri", [200, 200, 200, 403, 403, 200, 404]),
        ("penuh", "lain", [404, 404, 404, 404, 404, 200, 404]),
        ("penuh", "bkn", [200, 200, 200, 403, 403, 200, 200]),
        ("baca", "operator", [200, 403, 200, 403, 403, 200, 200]),
        ("baca", "diri", [200, 403, 200, 403, 403, 200, 404]),
        ("baca", "lain", [404, 403, 404, 403, 403, 200, 404]),
        ("baca", "bkn", [200, 403, 200, 403, 403, 200, 200]),
        (
            "tanpa-keluarga",
            "operator",
            [200, 403, 200, 200, 200, 200, 200],
        ),
        (
            "tanpa-keluarga",
            "diri",
            [200, 403, 200, 403, 403, 200, 404],
        ),
        (
            "tanpa-keluarga",
            "lain",
            [404, 403, 404, 404, 404, 200, 404],
        ),
        ("tanpa-keluarga", "bkn", [200, 403, 200, 403, 403, 200, 200]),
        ("nasional", "operator", [200, 200, 200, 403, 403, 403, 200]),
        ("nasional", "diri", [200, 200, 200, 403, 403, 403, 404]),
        ("nasional", "lain", [404, 404, 404, 404, 404, 403, 404]),
        ("nasional", "bkn", [200, 200, 200, 403, 403, 403, 200]),
    ];
    const TITIK: [&str; 7] = [
        "data-utama",
        "data-anak",
        "rw-jabatan",
        "jabatan/save",
        "jabatan/delete",
        "referensi",
        "list-kp",
    ];
    let jabatan_lama = app
        .store()
        .riwayat_pegawai(t.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    let baris_awal = jejak(&app, t).await.0;
    let mut unor: Option<String> = None;
    let mut salah = Vec::new();
    let mut sesi_ini = HashMap::new();
    for (nk, k) in &klien {
        for (np, login) in &pengguna {
            let api = sesi(&app, k, login).await;
            sesi_ini.insert((*nk, *np), api.clone());
            let harapan = HARAPAN
                .iter()
                .find(|(a, b, _)| a == nk && b == np)
                .unwrap()
                .2;
            let mut hasil = Vec::new();
            hasil.push(api.get(&format!("/pns/data-utama/{}", nip(t))).await);
            hasil.push(api.get(&format!("/pns/data-anak/{}", nip(t))).await);
            hasil.push(api.get(&format!("/pns/rw-jabatan/{}", nip(t))).await);
            let mut isi = jabatan_baru(t, unor.as_deref().unwrap_or("x"), "821/MATRIKS/BKD");
            if harapan[3] == 200 {
                let u = match &unor {
                    Some(u) => u.clone(),
                    None => {
                        let u = unor_pertama(&api).await;
                        unor = Some(u.clone());
                        u
                    }
                };
                isi = jabatan_baru(t, &u, &format!("821/MATRIKS/{nk}"));
                isi["path"] = json!([unggah_pdf(&api, "872", nk).await]);
            }
            let r = api.post_json("/jabatan/save", &isi).await;
            let baru = (r.status == 200).then(|| {
                Uuid::parse_str(r.json()["mapData"]["rwJabatanId"].as_str().unwrap()).unwrap()
            });
            hasil.push(r);
            hasil.push(
                api.delete(&format!("/jabatan/delete/{}", baru.unwrap_or(jabatan_lama)))
                    .await,
            );
            hasil.push(api.get_abs("/referensi_siasn/1/agama/search").await);
            hasil.push(
                api.get("/pns/list-kp-instansi?periode=2026-10-01&instansiId=PROV-JABAR")
                    .await,
            );
            for (i, r) in hasil.iter().enumerate() {
                if r.status != harapan[i] {
                    salah.push(format!(
                        "{nk} × {np} × {}: {} (expected {}): {}",
                        TITIK[i],
                        r.status,
                        harapan[i],
                        r.teks()
                    ));
                } else if r.status != 200 {
                    galat(r, r.status);
                } else {
                    assert_eq!(r.json()["code"], 1);
                }
            }
        }
    }
    assert!(
        salah.is_empty(),
        "matrix cells differ:\n{}",
        salah.join("\n")
    );
    assert_eq!(
        jejak(&app, t).await.0,
        baris_awal,
        "saved rows were deleted again"
    );

    // Masking of personal identifiers per client.
    let nik = t.nik.as_ref().unwrap().as_str().to_string();
    let bpjs = t.bpjs.clone().unwrap();
    let taspen = t.taspen.clone().unwrap();
    let alamat = t.alamat.clone().unwrap();
    let asuransi_saja = daftar(
        &app,
        "SIMPEG Asuransi",
        jabar(),
        "baca asuransi keluarga",
        6000,
    )
    .await;
    let api_asuransi = sesi(&app, &asuransi_saja, &nip(&demo.operator)).await;
    for (nama, api, buka_nik, buka_asuransi) in [
        ("penuh", &sesi_ini[&("penuh", "operator")], true, true),
        ("baca", &sesi_ini[&("baca", "operator")], false, false),
        (
            "tanpa-keluarga",
            &sesi_ini[&("tanpa-keluarga", "operator")],
            true,
            true,
        ),
        ("nasional", &sesi_ini[&("nasional", "bkn")], true, true),
        ("asuransi", &api_asuransi, false, true),
    ] {
        let v = ok(&api.get(&format!("/pns/data-utama/{}", nip(t))).await);
        let d = &v["data"];
        let tampak = |s: &str, buka: bool| if buka { s.to_string() } else { samar(s) };
        assert_eq!(d["nik"], tampak(&nik, buka_nik), "{nama}");
        assert_eq!(d["nomorIdDocument"], tampak(&nik, buka_nik), "{nama}");
        assert_eq!(d["alamat"], tampak(&alamat, buka_nik), "{nama}");
        assert_eq!(d["bpjs"], tampak(&bpjs, buka_asuransi), "{nama}");
        assert_eq!(d["noTaspen"], tampak(&taspen, buka_asuransi), "{nama}");
        assert_eq!(
            d["noNpwp"],
            json!(t.npwp.as_deref().map(|s| tampak(s, buka_asuransi))),
            "{nama}"
        );
        if !buka_nik {
            assert!(
                !String::from_utf8_lossy(
                    &api.get(&format!("/pns/data-utama/{}", nip(t))).await.body
                )
                .contains(&nik)
            );
        }
    }
    // The spouse's NIK follows the same rule.
    let pasangan = ok(&api_asuransi
        .get(&format!("/pns/data-pasangan/{}", nip(t)))
        .await);
    for x in pasangan["data"]["listPasangan"].as_array().unwrap() {
        if let Some(n) = x["orang"]["nik"].as_str() {
            assert!(n.starts_with('*'), "spouse NIK masked: {n}");
        }
    }

    // Reach is the client's and the user's together.
    let admin_bkn_jabar = sesi(&app, &klien[0].1, "admin.bkn").await;
    let admin_bkn_nasional = sesi(&app, &klien[3].1, "admin.bkn").await;
    galat(
        &admin_bkn_jabar
            .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
            .await,
        404,
    );
    ok(&admin_bkn_nasional
        .get(&format!("/pns/data-utama/{}", nip(&demo.lain)))
        .await);
    // An employee's token sees only their own record, even through the agency's client.
    let diri = &sesi_ini[&("penuh", "diri")];
    galat(
        &diri
            .get(&format!("/pns/data-utama/{}", nip(&demo.operator)))
            .await,
        404,
    );
    // An upload belongs to the client that made it.
    let dari_penuh = unggah_pdf(&sesi_ini[&("penuh", "operator")], "872", "milik-penuh").await;
    let mut isi = jabatan_baru(t, unor.as_deref().unwrap(), "821/LAIN-KLIEN/BKD");
    isi["path"] = json!([dari_penuh]);
    let pesan = galat(
        &sesi_ini[&("tanpa-keluarga", "operator")]
            .post_json("/jabatan/save", &isi)
            .await,
        400,
    );
    assert!(pesan.contains("dok_uri"), "{pesan}");
    // A row out of reach reads as an unknown id.
    let baris_luar = app
        .store()
        .riwayat_pegawai(demo.lain.id, Some(J::Jabatan))
        .await
        .unwrap()[0]
        .id;
    let penuh = &sesi_ini[&("penuh", "operator")];
    let luar = penuh.get(&format!("/jabatan/id/{baris_luar}")).await;
    let tak_ada = penuh.get(&format!("/jabatan/id/{}", Uuid::now_v7())).await;
    galat(&luar, 404);
    assert_eq!(luar.body, tak_ada.body);
    galat(
        &penuh.delete(&format!("/jabatan/delete/{baris_luar}")).await,
        404,
    );
    // The verifier of the agency may write for its employees too.
    let verifikator = sesi(&app, &klien[0].1, &nip(&demo.verifikator)).await;
    let mut isi = jabatan_baru(t, unor.as_deref().unwrap(), "821/VERIF/BKD");
    isi["path"] = json!([unggah_pdf(&verifikator, "872", "verif").await]);
    let r = verifikator.post_json("/jabatan/save", &isi).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    // admin.jabar reads the agency but is neither operator nor verifier: no writes.
    let admin = sesi(&app, &klien[0].1, "admin.jabar").await;
    ok(&admin.get(&format!("/pns/data-utama/{}", nip(t))).await);
    galat(&admin.post_json("/jabatan/save", &isi).await, 403);
}

// ---------------------------------------------------------------------------------------------
// 5. A realistic client sequence.

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

// ---------------------------------------------------------------------------------------------
// 6. Rate limit.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_rapid_requests_hit_the_client_limit_and_change_nothing_else() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Terburu-buru", jabar(), "baca", 100).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let p = &demo.target;
    let jalur = format!("/pns/data-utama/{}", nip(p));
    let aktor = format!("klien:{}/akun:", k.klien.id);
    let (baris_awal, audit_awal) = jejak(&app, p).await;

    const JUMLAH: usize = 10_000;
    let berikut = Arc::new(AtomicUsize::new(0));
    let mulai = std::time::Instant::now();
    let mut pekerja = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let api = api.clone();
        let berikut = berikut.clone();
        let jalur = jalur.clone();
        pekerja.spawn(async move {
            let (mut berhasil, mut ditolak) = (0_usize, 0_usize);
            while berikut.fetch_add(1, Ordering::Relaxed) < JUMLAH {
                let r = api.get(&jalur).await;
                match r.status {
                    200 => berhasil += 1,
                    429 => {
                        let tunggu: u64 = r
                            .header("retry-after")
                            .expect("Retry-After")
                            .parse()
                            .unwrap();
                        assert!((1..=60).contains(&tunggu));
                        let v = r.json();
                        assert_eq!(v["Error"], "Too Many Requests");
                        assert!(v["Message"].as_str().unwrap().contains("100"));
                        ditolak += 1;
                    }
                    s => panic!("unexpected {s}: {}", r.teks()),
                }
            }
            (berhasil, ditolak)
        });
    }
    let (mut berhasil, mut ditolak) = (0, 0);
    while let Some(h) = pekerja.join_next().await {
        let (b, d) = h.unwrap();
        berhasil += b;
        ditolak += d;
    }
    let lama = mulai.elapsed();
    assert_eq!(berhasil + ditolak, JUMLAH);
    assert!(berhasil >= 100, "{berhasil}");
    // One-minute windows from the first request: within a minute exactly the limit passes.
    if lama < std::time::Duration::from_secs(60) {
        assert_eq!(berhasil, 100);
    }

    // The same client is refused everywhere, another client is not.
    let r = api.get_abs("/referensi_siasn/1/agama/search").await;
    galat(&r, 429);
    assert!(r.header("retry-after").is_some());
    let k2 = daftar(&app, "SIMPEG Tenang", jabar(), "baca", 100).await;
    ok(&sesi(&app, &k2, &nip(&demo.operator))
        .await
        .get(&jalur)
        .await);

    // Nothing else happened: one audit entry per answered read, no row changed.
    let log = app
        .store()
        .audit_tentang_pegawai(p.id, 100_000)
        .await
        .unwrap();
    let dari_klien = log
        .iter()
        .filter(|e| e.aksi == "api.dibaca" && e.aktor.starts_with(&aktor))
        .count();
    assert_eq!(dari_klien, berhasil);
    let (baris, audit) = jejak(&app, p).await;
    assert_eq!(baris, baris_awal);
    assert_eq!(
        audit,
        audit_awal + berhasil + 1,
        "the answered reads and k2's read"
    );
}

// ---------------------------------------------------------------------------------------------
// 7. OpenAPI.

async fn the_openapi_description_covers_every_route() {
    let app = spawn_app(0).await;
    let api = Api {
        http: http(),
        base: dasar(&app),
        gateway: None,
        pengguna: None,
    };
    let r = api.get_abs("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let spec = r.json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = spec["paths"].as_object().unwrap();

    let mut harap: Vec<(String, &str)> = vec![
        ("/oauth2/token".into(), "post"),
        (
            "/auth/realms/public-siasn/protocol/openid-connect/token".into(),
            "post",
        ),
    ];
    for p in [
        "/pns/data-utama/{nip}",
        "/pns/data-pasangan/{nip}",
        "/pns/data-anak/{nip}",
        "/pns/data-ortu/{nip}",
        "/jabatan/pns/{nip}",
        "/pns/photo/{pnsId}",
        "/pns/list-kp-instansi",
        "/pns/list-pensiun-instansi",
        "/referensi/ref-unor",
        "/download-dok",
    ] {
        harap.push((format!("{D}{p}"), "get"));
    }
    for p in [
        "/pns/data-utama-update",
        "/upload-dok",
        "/upload-dok-rw",
        "/upload-dok-sk-kp",
    ] {
        harap.push((format!("{D}{p}"), "post"));
    }
    for (nama, _) in RW {
        harap.push((format!("{D}/pns/rw-{nama}/{{nip}}"), "get"));
    }
    for nama in BACA_ID {
        harap.push((format!("{D}/{nama}/id/{{id}}"), "get"));
    }
    for nama in [
        "jabatan",
        "jabatan/unorjabatan",
        "angkakredit",
        "diklat",
        "kursus",
        "hukdis",
        "penghargaan",
        "kinerjaperiodik",
        "skp",
        "skp22",
        "cpns",
        "pendidikan",
        "golongan",
    ] {
        harap.push((format!("{D}/{nama}/save"), "post"));
    }
    for nama in [
        "angkakredit",
        "kinerjaperiodik",
        "kursus",
        "penghargaan",
        "jabatan",
        "diklat",
    ] {
        harap.push((format!("{D}/{nama}/delete/{{id}}"), "delete"));
    }
    for nama in REFERENSI {
        harap.push((format!("/referensi_siasn/1/{nama}/search"), "get"));
    }
    let kurang: Vec<String> = harap
        .iter()
        .filter(|(p, m)| paths.get(p).and_then(|o| o.get(*m)).is_none())
        .map(|(p, m)| format!("{} {p}", m.to_uppercase()))
        .collect();
    assert!(
        kurang.is_empty(),
        "missing from the description: {kurang:#?}"
    );
    for (p, ops) in paths {
        for (m, op) in ops.as_object().unwrap() {
            assert!(op["summary"].is_string(), "{m} {p} has a summary");
        }
    }

    let r = api.get_abs("/api").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let html = r.teks();
    assert!(html.contains("/apisiasn/1.0/pns/data-utama/{nip}"));
    assert!(html.contains("/api/openapi.json"));

    // An unknown path under the API bases answers in the API's envelope.
    galat(&api.get("/pns/tidak-ada").await, 404);
    galat(&api.get_abs("/referensi_siasn/2/agama").await, 404);
}

// ---------------------------------------------------------------------------------------------
// 6. One transaction per save.

/// A BKN-authority save is submitted and approved at the agency stage in ONE transaction:
/// when the approval step fails, the proposal, its documents, its steps and its audit events
/// are not kept either.
async fn a_bkn_save_keeps_nothing_when_its_agency_approval_fails() {
    let app = spawn_app(40).await;
    let demo = siapkan(&app).await;
    let k = daftar(&app, "SIMPEG Jabar", jabar(), PENUH, 600).await;
    let api = sesi(&app, &k, &nip(&demo.operator)).await;
    let p = &demo.target;
    let pendidikan = |nomor: &str| {
        json!({
            "pnsOrangId": p.id.to_string(), "tkPendidikanId": "45",
            "pendidikanNama": "S-2 Manajemen SDM", "namaSekolah": "Institut Teknologi Bandung",
            "tahunLulus": "2020", "tglLulus": "15-09-2020", "nomorIjasah": nomor,
            "gelarBelakang": "M.M.", "isPendidikanPertama": "0",
        })
    };
    let usulan = |app: &App| {
        let store = app.store().clone();
        let (pid, akun) = (p.id, demo.akun(&nip(&demo.operator)));
        async move { store.usulan_saya(Some(pid), akun, 100).await.unwrap().len() }
    };
    let sebelum_usulan = usulan(&app).await;
    let dokumen_sebelum = app.store().dokumen_pegawai(p.id).await.unwrap().len();
    let (_, audit_sebelum) = jejak(&app, p).await;

    siasn_store::testing::gagalkan_update(app.store(), "usulan", "NEW.status = 'MENUNGGU_BKN'")
        .await;
    let mut isi = pendidikan("ITB/S2/2020/9");
    isi["path"] = Value::Array(vec![unggah_pdf(&api, "L01", "ijazah gagal").await]);
    let r = api.post_json("/pendidikan/save", &isi).await;
    assert_eq!(galat(&r, 500), "kesalahan server");
    assert_eq!(usulan(&app).await, sebelum_usulan);
    assert_eq!(
        app.store().dokumen_pegawai(p.id).await.unwrap().len(),
        dokumen_sebelum
    );
    assert_eq!(jejak(&app, p).await.1, audit_sebelum);
    assert!(
        app.store()
            .verifikasi_audit()
            .await
            .unwrap()
            .rusak
            .is_none()
    );

    // Once the fault is gone the same save goes through to the BKN queue.
    siasn_store::testing::pulihkan(app.store(), "usulan").await;
    let m = simpan(&api, "pendidikan", pendidikan("ITB/S2/2020/9"), &["L01"]).await;
    let id = menunggu_bkn(&m, "rwPendidikanId");
    assert!(di_antrean_bkn(&app, &demo, id).await);
    assert_eq!(usulan(&app).await, sebelum_usulan + 1);
}

dua_mesin!(
    tokens_both_grants_errors_expiry_and_disabled_clients,
    every_read_endpoint_answers_in_the_national_shapes,
    every_write_endpoint_and_bad_input,
    authorisation_matrix_of_clients_users_and_endpoints,
    a_simpeg_replays_its_sequence_from_tokens_to_a_bkn_proposal,
    the_openapi_description_covers_every_route,
    a_bkn_save_keeps_nothing_when_its_agency_approval_fails,
);
