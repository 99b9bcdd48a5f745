//! Writes: saves, the personal-data update, and deletes. An agency client's write is an agency
//! act: it becomes a proposal recorded as submitted and approved at the agency stage by the
//! user, through the client, in ONE transaction (`siasn_app::usulan::simpan_lewat_api`). History under agency
//! authority is applied at once (audited); history under BKN authority waits in the BKN queue.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use siasn_app::usulan::{
    self as kasus, DokumenApi, DokumenSalah, DokumenSimpan, HasilSimpanApi, TolakTulis,
};
use siasn_domain::golongan::Golongan;
use siasn_domain::klien_api::Lingkup;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{
    DataRiwayat, Ekspektasi, PredikatKinerja, RiwayatAngkaKredit, RiwayatCpnsPns, RiwayatDiklat,
    RiwayatHukumanDisiplin, RiwayatJabatan, RiwayatKursus, RiwayatPendidikan, RiwayatPenghargaan,
    RiwayatSkp, RiwayatSkp22, Sk, StatusKepegawaian, TingkatHukuman, predikat_kinerja,
};
use siasn_domain::tanggal::{BulanTahun, parse_siasn};
use siasn_domain::usulan::{KolomDataUtama, Perubahan};
use uuid::Uuid;

use super::baca::id_rekaman;
use super::peta::{jenis_dari_api, kunci_id};
use super::{ApiError, ApiResult, Panggilan};
use crate::AppState;

/// The save endpoints (`/{name}/save`).
pub const SIMPAN: [&str; 13] = [
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
];

/// The delete endpoints (`/{name}/delete/{id}`).
pub const HAPUS: [&str; 6] = [
    "angkakredit",
    "kinerjaperiodik",
    "kursus",
    "penghargaan",
    "jabatan",
    "diklat",
];

/// A JSON body, checked: content type, size, an object.
fn badan(headers: &HeaderMap, body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.to_ascii_lowercase().starts_with("application/json") {
        return Err(ApiError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type harus application/json",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::tidak_valid("body harus objek JSON")),
        Err(e) => Err(ApiError::tidak_valid(format!("JSON tidak valid: {e}"))),
    }
}

/// Typed access to a payload, with 400s that name the field.
struct Isian<'a>(&'a Map<String, Value>);

impl Isian<'_> {
    fn teks(&self, k: &str) -> Option<String> {
        match self.0.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(if *b { "1" } else { "0" }.into()),
            _ => None,
        }
    }

    fn salah_satu(&self, kunci: &[&str]) -> Option<String> {
        kunci.iter().find_map(|k| self.teks(k))
    }

    fn wajib(&self, k: &str) -> Result<String, ApiError> {
        self.teks(k)
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi")))
    }

    fn tanggal(&self, k: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.teks(k) {
            None => Ok(None),
            Some(t) => parse_siasn(&t).map(Some).ok_or_else(|| {
                ApiError::tidak_valid(format!("kolom {k} harus tanggal dd-mm-yyyy, bukan «{t}»"))
            }),
        }
    }

    fn tanggal_wajib(&self, k: &str) -> Result<NaiveDate, ApiError> {
        self.tanggal(k)?
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi (dd-mm-yyyy)")))
    }

    fn angka<T: std::str::FromStr>(&self, k: &str) -> Result<Option<T>, ApiError> {
        match self.teks(k) {
            None => Ok(None),
            Some(t) => t
                .parse()
                .map(Some)
                .map_err(|_| ApiError::tidak_valid(format!("kolom {k} harus angka, bukan «{t}»"))),
        }
    }

    fn angka_wajib<T: std::str::FromStr>(&self, k: &str) -> Result<T, ApiError> {
        self.angka(k)?
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi")))
    }

    fn ya(&self, k: &str) -> bool {
        matches!(self.teks(k).as_deref(), Some("1" | "true" | "ya" | "Y"))
    }

    fn sk(&self, nomor: &str, tanggal: &str) -> Result<Sk, ApiError> {
        Ok(Sk {
            nomor: self.wajib(nomor)?,
            tanggal: self.tanggal_wajib(tanggal)?,
        })
    }
}

/// The employee a payload names (their `id` from data-utama, or a NIP), within reach.
async fn pegawai_payload(
    state: &AppState,
    c: &Panggilan,
    isi: &Isian<'_>,
    kunci: &[&str],
) -> Result<Pegawai, ApiError> {
    let v = isi
        .salah_satu(kunci)
        .ok_or_else(|| ApiError::tidak_valid(format!("kolom {} wajib diisi", kunci[0])))?;
    if v.len() == 18 && v.bytes().all(|b| b.is_ascii_digit()) {
        return c.pegawai(state, &v).await;
    }
    let id: Uuid = v.parse().map_err(|_| {
        ApiError::tidak_valid(format!("kolom {} bukan id PNS yang valid", kunci[0]))
    })?;
    Ok(state
        .store()
        .pegawai_api_id(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?)
}

/// Writes are agency acts: the client must be an agency's, with `tulis`, and the user an
/// operator or verifier of the employee's agency.
pub(super) fn boleh_menulis(c: &Panggilan, p: &Pegawai) -> Result<(), ApiError> {
    c.wajib(Lingkup::Tulis)?;
    kasus::boleh_menulis(&c.klien, &c.pelaku, p).map_err(|t| {
        ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            match t {
                TolakTulis::KlienNasional => "klien nasional hanya dapat membaca",
                TolakTulis::BukanPetugas => {
                    "pengguna bukan operator atau verifikator instansi pegawai ini"
                }
            },
        )
    })
}

/// `path` documents: uploads of this client (`unggahan/<id>`) become archive documents of the
/// employee; `dokumen/<id>` must already be theirs.
async fn dokumen_path(
    state: &AppState,
    c: &Panggilan,
    isi: &Isian<'_>,
    p: &Pegawai,
) -> Result<DokumenSimpan, ApiError> {
    let daftar: Vec<Value> = match isi.0.get("path") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(o @ Value::Object(_)) => vec![o.clone()],
        Some(_) => return Err(ApiError::tidak_valid("path harus larik dokumen")),
    };
    let mut dokumen = Vec::with_capacity(daftar.len());
    for d in daftar.iter().take(10) {
        let uri = d
            .get("dok_uri")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::tidak_valid("setiap path wajib punya dok_uri"))?;
        let jenis = d.get("dok_id").and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        dokumen.push(DokumenApi {
            uri: uri.to_string(),
            jenis,
        });
    }
    match kasus::dokumen_simpan(state.app(), &c.aktor_kasus(), &c.klien, p, &dokumen).await? {
        Ok(d) => Ok(d),
        Err(DokumenSalah::TidakDikenal(uri)) => Err(ApiError::tidak_valid(format!(
            "dok_uri tidak dikenal: {uri}"
        ))),
        Err(DokumenSalah::JenisTidakDikenal(j)) => Err(ApiError::tidak_valid(format!(
            "dok_id tidak ada di referensi ref-dokumen: {j}"
        ))),
    }
}

async fn nama_referensi(
    state: &AppState,
    kategori: &str,
    id: &str,
) -> Result<Option<String>, ApiError> {
    Ok(state
        .store()
        .referensi(kategori)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .map(|r| r.nama))
}

fn ekspektasi(isi: &Isian<'_>, k: &str) -> Result<Ekspektasi, ApiError> {
    let n: u8 = isi.angka_wajib(k)?;
    Ekspektasi::from_kode(n)
        .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} harus 1, 2 atau 3")))
}

fn skp22(isi: &Isian<'_>) -> Result<RiwayatSkp22, ApiError> {
    let hasil = ekspektasi(isi, "hasilKinerjaNilai")?;
    let perilaku = ekspektasi(isi, "perilakuKerjaNilai")?;
    let predikat = match isi.angka::<u8>("kuadranKinerjaNilai")? {
        Some(k) => PredikatKinerja::from_kuadran(k)
            .ok_or_else(|| ApiError::tidak_valid("kuadranKinerjaNilai harus 1–5"))?,
        None => predikat_kinerja(hasil, perilaku),
    };
    Ok(RiwayatSkp22 {
        tahun: isi.angka_wajib("tahun")?,
        hasil_kinerja: hasil,
        perilaku_kerja: perilaku,
        predikat,
        penilai_nip: isi.teks("penilaiNipNrp"),
        penilai_nama: isi.teks("penilaiNama"),
        penilai_jabatan: isi.salah_satu(&["penilaiJabatan", "penilaiJabatanNama"]),
        penilai_unor: isi.teks("penilaiUnorNama"),
    })
}

/// The history row a save payload describes.
async fn data_riwayat(
    state: &AppState,
    c: &Panggilan,
    nama: &str,
    isi: &Isian<'_>,
    p: &Pegawai,
) -> Result<DataRiwayat, ApiError> {
    Ok(match nama {
        "jabatan" | "jabatan/unorjabatan" => {
            let jenis = isi.wajib("jenisJabatan")?;
            let jabatan_id = match jenis.as_str() {
                "2" => isi.teks("jabatanFungsionalId"),
                "4" => isi.teks("jabatanFungsionalUmumId"),
                _ => isi.salah_satu(&["jabatanStrukturalId", "jabatanId"]),
            };
            let unor_id = match isi.teks("unorId") {
                Some(u) => Some(
                    u.parse::<Uuid>()
                        .map_err(|_| ApiError::tidak_valid("unorId tidak valid"))?,
                ),
                None => None,
            };
            let unor = match unor_id {
                Some(u) => Some(state.store().unor(u).await.map_err(|_| {
                    ApiError::ditolak("unorId tidak ditemukan di daftar unit organisasi")
                })?),
                None => None,
            };
            let ref_nama = match &jabatan_id {
                Some(j) => state
                    .store()
                    .ref_jabatan()
                    .await?
                    .into_iter()
                    .find(|r| &r.id == j)
                    .map(|r| r.nama),
                None => None,
            };
            let nama_jabatan = isi
                .teks("namaJabatan")
                .or(ref_nama)
                .or_else(|| unor.as_ref().and_then(|u| u.nama_jabatan_kepala.clone()))
                .ok_or_else(|| {
                    ApiError::ditolak("nama jabatan tidak dapat ditentukan: isi namaJabatan atau id jabatan dari referensi")
                })?;
            DataRiwayat::Jabatan(RiwayatJabatan {
                jenis_jabatan_id: jenis,
                jabatan_id,
                nama_jabatan,
                instansi_id: isi
                    .teks("instansiId")
                    .unwrap_or_else(|| p.instansi_kerja_id.clone()),
                unor_id,
                nama_unor: unor
                    .map(|u| u.nama)
                    .or_else(|| isi.teks("namaUnor"))
                    .ok_or_else(|| ApiError::tidak_valid("kolom unorId wajib diisi"))?,
                eselon_id: isi.teks("eselonId"),
                jenis_penugasan_id: isi.teks("jenisPenugasanId"),
                jenis_mutasi_id: isi.teks("jenisMutasiId"),
                tmt_jabatan: isi.tanggal_wajib("tmtJabatan")?,
                tmt_pelantikan: isi.tanggal("tmtPelantikan")?,
                sk: isi.sk("nomorSk", "tanggalSk")?,
            })
        }
        "angkakredit" => {
            let bt = |b: &str, t: &str| -> Result<BulanTahun, ApiError> {
                let bulan: u32 = isi.angka_wajib(b)?;
                if !(1..=12).contains(&bulan) {
                    return Err(ApiError::tidak_valid(format!("kolom {b} harus 1–12")));
                }
                Ok(BulanTahun {
                    tahun: isi.angka_wajib(t)?,
                    bulan,
                })
            };
            let utama: f64 = isi.angka("kreditUtamaBaru")?.unwrap_or(0.0);
            let penunjang: f64 = isi.angka("kreditPenunjangBaru")?.unwrap_or(0.0);
            let jabatan = match isi.teks("rwJabatanId").and_then(|r| r.parse::<Uuid>().ok()) {
                Some(r) => match state
                    .store()
                    .riwayat_api(r, &c.cakupan_pengguna(), &c.cakupan_klien())
                    .await
                {
                    Ok(row) => match row.data {
                        DataRiwayat::Jabatan(j) if row.pegawai_id == p.id => Some(j.nama_jabatan),
                        _ => None,
                    },
                    Err(_) => None,
                },
                None => None,
            };
            DataRiwayat::AngkaKredit(RiwayatAngkaKredit {
                nama_jabatan: isi
                    .teks("namaJabatan")
                    .or(jabatan)
                    .or_else(|| p.nama_jabatan.clone())
                    .unwrap_or_default(),
                mulai_penilaian: bt("bulanMulaiPenailan", "tahunMulaiPenailan")?,
                selesai_penilaian: bt("bulanSelesaiPenailan", "tahunSelesaiPenailan")?,
                kredit_utama: utama,
                kredit_penunjang: penunjang,
                kredit_total: isi.angka("kreditBaruTotal")?.unwrap_or(utama + penunjang),
                pertama: isi.ya("isAngkaKreditPertama"),
                sk: isi.sk("nomorSk", "tanggalSk")?,
            })
        }
        "diklat" => {
            let jenis = isi.wajib("latihanStrukturalId")?;
            let mulai = isi.tanggal_wajib("tanggal")?;
            DataRiwayat::Diklat(RiwayatDiklat {
                nama: match isi.teks("namaDiklat") {
                    Some(n) => n,
                    None => nama_referensi(state, "latihan-struktural", &jenis)
                        .await?
                        .ok_or_else(|| {
                            ApiError::ditolak("latihanStrukturalId tidak ada di referensi")
                        })?,
                },
                latihan_struktural_id: jenis,
                nomor_sertifikat: isi.wajib("nomor")?,
                tanggal_mulai: mulai,
                tanggal_selesai: isi.tanggal("tanggalSelesai")?.unwrap_or(mulai),
                jumlah_jam: isi.angka("jumlahJam")?.unwrap_or(0),
                institusi_penyelenggara: isi.teks("institusiPenyelenggara").unwrap_or_default(),
            })
        }
        "kursus" => {
            let mulai = isi.tanggal_wajib("tanggalKursus")?;
            DataRiwayat::Kursus(RiwayatKursus {
                jenis_kursus: isi
                    .salah_satu(&["jenisKursus", "jenisDiklatId"])
                    .unwrap_or_else(|| "Kursus".into()),
                nama_kursus: isi.wajib("namaKursus")?,
                nomor_sertifikat: isi.teks("nomorSertipikat"),
                tanggal_mulai: mulai,
                tanggal_selesai: isi.tanggal("tanggalSelesaiKursus")?.unwrap_or(mulai),
                jumlah_jam: isi.angka("jumlahJam")?.unwrap_or(0),
                institusi_penyelenggara: isi.teks("institusiPenyelenggara").unwrap_or_default(),
            })
        }
        "hukdis" => {
            let jenis = isi.wajib("jenisHukumanId")?;
            let tahun: u32 = isi.angka("masaTahun")?.unwrap_or(0);
            let bulan: u32 = isi.angka("masaBulan")?.unwrap_or(0);
            DataRiwayat::HukumanDisiplin(RiwayatHukumanDisiplin {
                tingkat: TingkatHukuman::dari_jenis(&jenis),
                jenis_hukuman_id: jenis,
                alasan: isi
                    .salah_satu(&["alasanHukumanDisiplinNama", "alasanHukumanDisiplinId"])
                    .unwrap_or_default(),
                tmt_hukuman: isi.tanggal_wajib("hukumanTanggal")?,
                masa_bulan: tahun.saturating_mul(12).saturating_add(bulan),
                sk: isi.sk("skNomor", "skTanggal")?,
            })
        }
        "penghargaan" => {
            let id = isi.wajib("hargaId")?;
            let sk = match isi.teks("skNomor") {
                Some(nomor) => Some(Sk {
                    nomor,
                    tanggal: isi.tanggal_wajib("skDate")?,
                }),
                None => None,
            };
            DataRiwayat::Penghargaan(RiwayatPenghargaan {
                nama: nama_referensi(state, "penghargaan", &id)
                    .await?
                    .or_else(|| isi.teks("hargaNama"))
                    .ok_or_else(|| ApiError::ditolak("hargaId tidak ada di referensi"))?,
                penghargaan_id: id,
                tahun: isi.angka_wajib("tahun")?,
                sk,
            })
        }
        "skp" => DataRiwayat::Skp(RiwayatSkp {
            tahun: isi.angka_wajib("tahun")?,
            nilai_skp: isi.angka_wajib("nilaiSkp")?,
            orientasi_pelayanan: isi.angka_wajib("orientasiPelayanan")?,
            integritas: isi.angka_wajib("integritas")?,
            komitmen: isi.angka_wajib("komitmen")?,
            disiplin: isi.angka_wajib("disiplin")?,
            kerjasama: isi.angka_wajib("kerjasama")?,
            kepemimpinan: isi.angka("kepemimpinan")?,
            penilai_nip: isi.teks("penilaiNipNrp"),
            penilai_nama: isi.teks("penilaiNama"),
            penilai_jabatan: isi.teks("penilaiJabatan"),
        }),
        "skp22" => DataRiwayat::Skp22(skp22(isi)?),
        "kinerjaperiodik" => {
            let mulai: u32 = isi.angka("bulanMulaiPenilaian")?.unwrap_or(1);
            let selesai: u32 = isi.angka("bulanSelesaiPenilaian")?.unwrap_or(12);
            if (mulai, selesai) != (1, 12) {
                return Err(ApiError::ditolak(
                    "penilaian kinerja disimpan per tahun (bulan 1–12); periode bulanan/triwulanan belum disimpan sistem ini",
                ));
            }
            DataRiwayat::Skp22(skp22(isi)?)
        }
        "cpns" => {
            let pns = isi.teks("nomor_sk_pns").is_some();
            DataRiwayat::CpnsPns(if pns {
                RiwayatCpnsPns {
                    status: StatusKepegawaian::Pns,
                    tmt: isi.tanggal_wajib("tmt_pns")?,
                    sk: isi.sk("nomor_sk_pns", "tgl_sk_pns")?,
                    golongan: p.golongan,
                    nomor_spmt: None,
                    tanggal_spmt: None,
                    nomor_sttpl: isi.teks("nomor_sttpl"),
                    tanggal_sttpl: isi.tanggal("tgl_sttpl")?,
                }
            } else {
                RiwayatCpnsPns {
                    status: StatusKepegawaian::Cpns,
                    tmt: isi.tanggal_wajib("tmt_cpns")?,
                    sk: isi.sk("nomor_sk_cpns", "tgl_sk_cpns")?,
                    golongan: p.golongan,
                    nomor_spmt: isi.teks("nomor_spmt"),
                    tanggal_spmt: isi.tanggal("tgl_spmt")?,
                    nomor_sttpl: None,
                    tanggal_sttpl: None,
                }
            })
        }
        "pendidikan" => DataRiwayat::Pendidikan(RiwayatPendidikan {
            tingkat_pendidikan_id: isi.wajib("tkPendidikanId")?,
            nama_pendidikan: isi
                .salah_satu(&["pendidikanNama", "pendidikanId"])
                .ok_or_else(|| ApiError::tidak_valid("kolom pendidikanNama wajib diisi"))?,
            nama_sekolah: isi.wajib("namaSekolah")?,
            tahun_lulus: isi.angka_wajib("tahunLulus")?,
            tanggal_lulus: isi.tanggal("tglLulus")?,
            nomor_ijazah: isi.teks("nomorIjasah"),
            gelar_depan: isi.teks("gelarDepan"),
            gelar_belakang: isi.teks("gelarBelakang"),
            pendidikan_pertama: isi.ya("isPendidikanPertama"),
        }),
        "golongan" => {
            let g = isi.wajib("golonganId")?;
            let golongan = g
                .parse::<u8>()
                .ok()
                .and_then(Golongan::from_id)
                .ok_or_else(|| ApiError::tidak_valid("golonganId tidak dikenal"))?;
            DataRiwayat::Golongan(siasn_domain::riwayat::RiwayatGolongan {
                golongan,
                jenis_kp_id: isi.teks("jenisKPId").unwrap_or_else(|| "101".into()),
                tmt_golongan: isi.tanggal_wajib("tmtGolongan")?,
                sk: isi.sk("skNomor", "skTanggal")?,
                nomor_pertek: isi.teks("noPertekBkn"),
                tanggal_pertek: isi.tanggal("tglPertekBkn")?,
                masa_kerja_tahun: isi.angka("masaKerjaGolonganTahun")?.unwrap_or(0),
                masa_kerja_bulan: isi.angka("masaKerjaGolonganBulan")?.unwrap_or(0),
                angka_kredit_utama: isi.angka("jumlahKreditUtama")?,
                angka_kredit_tambahan: isi.angka("jumlahKreditTambahan")?,
            })
        }
        _ => return Err(ApiError::tidak_ada()),
    })
}

/// The field naming the employee in each save payload (the first is the documented one).
fn kunci_pegawai(nama: &str) -> &'static [&'static str] {
    match nama {
        "jabatan" | "jabatan/unorjabatan" | "angkakredit" => &["pnsId", "pnsOrangId"],
        "skp" => &["pnsId", "pnsDinilaiOrang", "pnsOrangId"],
        "skp22" | "kinerjaperiodik" => &["pnsDinilaiOrang", "pnsDinilaiId", "pnsOrangId"],
        "cpns" => &["pns_orang_id", "pnsOrangId"],
        _ => &["pnsOrangId", "pnsId"],
    }
}

/// What the response says when a change was applied.
const TERSIMPAN: &str = "Data berhasil disimpan";

/// Submits the change as the agency's act (one use case, one transaction) and reports what
/// became of it (`pesan_selesai` is the message when it was applied at once).
async fn jalankan(
    state: &AppState,
    c: &Panggilan,
    p: &Pegawai,
    perubahan: Perubahan,
    dokumen: DokumenSimpan,
    kunci: &str,
    pesan_selesai: &str,
) -> ApiResult {
    let catatan = format!("Dikirim melalui API oleh {}", c.klien.nama);
    let hasil = kasus::simpan_lewat_api(
        state.app(),
        &c.aktor_kasus(),
        p,
        perubahan,
        dokumen,
        catatan,
    )
    .await?;
    let b = siasn_teks::Bahasa::Indonesia;
    match hasil {
        HasilSimpanApi::Selesai {
            id_hasil,
            usulan_id,
        } => Ok(simpan_berhasil(
            pesan_selesai,
            kunci,
            Some(id_hasil),
            usulan_id,
            "SELESAI",
        )),
        HasilSimpanApi::MenungguBkn { usulan_id } => Ok(simpan_berhasil(
            "Data disimpan sebagai usulan dan menunggu verifikasi BKN",
            kunci,
            None,
            usulan_id,
            "MENUNGGU_BKN",
        )),
        HasilSimpanApi::Ditolak(temuan) => Err(ApiError::ditolak(
            temuan
                .iter()
                .map(|t| b.jelaskan(t))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        HasilSimpanApi::DokumenKurang { wajib } => Err(ApiError::ditolak(format!(
            "dokumen pendukung wajib (path) dengan dok_id salah satu dari: {}",
            wajib.join(", ")
        ))),
        HasilSimpanApi::Konflik(k) => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            k.iter()
                .map(|k| b.jelaskan(k))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        HasilSimpanApi::Bersamaan => Err(ApiError::new(
            axum::http::StatusCode::CONFLICT,
            "data berubah bersamaan; ulangi permintaan",
        )),
    }
}

fn simpan_berhasil(
    pesan: &str,
    kunci: &str,
    id: Option<Uuid>,
    usulan_id: Uuid,
    status: &str,
) -> axum::response::Response {
    let mut map = Map::new();
    map.insert(
        kunci.into(),
        id.map_or(Value::Null, |i| json!(i.to_string())),
    );
    map.insert("usulanId".into(), json!(usulan_id.to_string()));
    map.insert("status".into(), json!(status));
    super::tanpa_cache(
        axum::Json(json!({
            "code": 1,
            "success": true,
            "message": pesan,
            "mapData": map,
        }))
        .into_response(),
    )
}

/// `POST /{nama}/save`.
pub async fn simpan(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    body: Bytes,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let m = badan(&headers, &body)?;
    let isi = Isian(&m);
    let p = pegawai_payload(&state, &c, &isi, kunci_pegawai(nama)).await?;
    boleh_menulis(&c, &p)?;
    let data = data_riwayat(&state, &c, nama, &isi, &p).await?;
    let perubahan = match isi.teks("id") {
        None => Perubahan::TambahRiwayat { data },
        Some(id) => {
            let id: Uuid = id
                .parse()
                .map_err(|_| ApiError::tidak_valid("id tidak valid"))?;
            let lama = state
                .store()
                .riwayat_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
                .await?;
            if lama.pegawai_id != p.id || lama.data.jenis() != data.jenis() {
                return Err(ApiError::tidak_ada());
            }
            Perubahan::UbahRiwayat {
                riwayat_id: id,
                data,
            }
        }
    };
    let dok = dokumen_path(&state, &c, &isi, &p).await?;
    let nama_kunci = if nama == "jabatan/unorjabatan" {
        "jabatan"
    } else {
        nama
    };
    jalankan(
        &state,
        &c,
        &p,
        perubahan,
        dok,
        kunci_id(nama_kunci),
        TERSIMPAN,
    )
    .await
}

/// `POST /pns/data-utama-update`: personal data kept by this system; other keys of the
/// national payload are reported as not kept.
pub async fn data_utama(
    State(state): State<AppState>,
    c: Panggilan,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let m = badan(&headers, &body)?;
    let isi = Isian(&m);
    let p = pegawai_payload(&state, &c, &isi, &["pns_orang_id", "pnsOrangId"]).await?;
    boleh_menulis(&c, &p)?;
    let kolom = [
        ("agama_id", KolomDataUtama::AgamaId),
        ("alamat", KolomDataUtama::Alamat),
        ("email_gov", KolomDataUtama::EmailGov),
        ("nomor_bpjs", KolomDataUtama::Bpjs),
        ("nomor_hp", KolomDataUtama::NomorHp),
        ("npwp_nomor", KolomDataUtama::Npwp),
        ("taspen_nomor", KolomDataUtama::Taspen),
    ];
    let mut nilai = BTreeMap::new();
    for (k, kol) in kolom {
        if let Some(v) = isi.teks(k)
            && kol.nilai(&p).as_deref() != Some(v.as_str())
        {
            nilai.insert(kol, Some(v));
        }
    }
    let tidak_disimpan: Vec<&str> = m
        .keys()
        .map(String::as_str)
        .filter(|k| {
            *k != "pns_orang_id" && *k != "pnsOrangId" && !kolom.iter().any(|(n, _)| n == k)
        })
        .collect();
    if nilai.is_empty() {
        return Ok(simpan_berhasil(
            "Tidak ada perubahan",
            "pnsOrangId",
            Some(p.id),
            Uuid::nil(),
            "TIDAK_BERUBAH",
        ));
    }
    // Say which keys of the national payload this system does not keep.
    let pesan = if tidak_disimpan.is_empty() {
        TERSIMPAN.to_string()
    } else {
        format!(
            "{TERSIMPAN}; kolom tidak disimpan sistem ini: {}",
            tidak_disimpan.join(", ")
        )
    };
    jalankan(
        &state,
        &c,
        &p,
        Perubahan::DataUtama { nilai },
        DokumenSimpan::default(),
        "pnsOrangId",
        &pesan,
    )
    .await
}

/// `DELETE /{nama}/delete/{id}`.
pub async fn hapus(
    State(state): State<AppState>,
    c: Panggilan,
    id: Result<Path<String>, PathRejection>,
    nama: &'static str,
) -> ApiResult {
    c.wajib(Lingkup::Tulis)?;
    let id = id_rekaman(id)?;
    let r = state
        .store()
        .riwayat_api(id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    let jenis = r.data.jenis();
    if jenis_dari_api(nama) != Some(jenis) {
        return Err(ApiError::tidak_ada());
    }
    let p = state
        .store()
        .pegawai_api_id(r.pegawai_id, &c.cakupan_pengguna(), &c.cakupan_klien())
        .await?;
    boleh_menulis(&c, &p)?;
    let perubahan = Perubahan::HapusRiwayat {
        riwayat_id: id,
        jenis,
    };
    jalankan(
        &state,
        &c,
        &p,
        perubahan,
        DokumenSimpan::default(),
        kunci_id(nama),
        TERSIMPAN,
    )
    .await
}
