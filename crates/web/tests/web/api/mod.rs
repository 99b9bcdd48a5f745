//! The SIASN-compatible web service over HTTP, as its existing clients use it
//! (`docs/domain/SIASN_API.md`), one file per topic: both token grants ([`token`]), every
//! read endpoint's shape and the reference API ([`baca`]), every write and document endpoint
//! ([`tulis`]), the client × user × endpoint authorisation matrix with masking ([`matriks`]),
//! a realistic SIMPEG sequence ([`urutan`]), one transaction per save ([`transaksi`]), the
//! per-client rate limit ([`batas`]) and the OpenAPI description ([`openapi`]). This file holds
//! the demo people and the shapes; [`klien`] holds the partner system's HTTP side.

mod baca;
mod batas;
mod klien;
mod kompatibel;
mod layanan;
mod matriks;
mod openapi;
mod pengadaan;
mod pensiun;
mod peristiwa;
mod pindah;
mod token;
mod transaksi;
mod tulis;
mod urutan;

use std::collections::HashMap;

use crate::common::App;
use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};
use siasn_domain::akses::{Peran, PeranAkun};
use siasn_domain::akun::{Sesi, TahapSesi};
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::riwayat::JenisRiwayat as J;
use siasn_store::FilterPegawai;
use siasn_store::akun::AkunBaru;
use uuid::Uuid;

use klien::*;

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

/// The 21 `rw-*` histories and the kind of row behind each here (`None`: not kept, always empty).
const RW: [(&str, Option<J>); 21] = [
    ("angkakredit", Some(J::AngkaKredit)),
    ("cltn", Some(J::Cltn)),
    ("diklat", Some(J::Diklat)),
    ("dp3", None),
    ("golongan", Some(J::Golongan)),
    ("hukdis", Some(J::HukumanDisiplin)),
    ("jabatan", Some(J::Jabatan)),
    ("kinerjaperiodik", Some(J::Skp22)),
    ("kompetensi", None),
    ("kursus", Some(J::Kursus)),
    ("masakerja", Some(J::Pmk)),
    ("pemberhentian", None),
    ("pendidikan", Some(J::Pendidikan)),
    ("penghargaan", Some(J::Penghargaan)),
    ("pindahinstansi", Some(J::PindahInstansi)),
    ("pnsunor", Some(J::Jabatan)),
    ("potensi", None),
    ("pwk", None),
    ("sertifikasi", None),
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
