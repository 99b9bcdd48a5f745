//! The history row a save payload describes, one reader per kind, in the national service's
//! field names; names missing from the payload are taken from the reference data.

use siasn_domain::golongan::Golongan;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{
    DataRiwayat, Ekspektasi, PredikatKinerja, RiwayatAngkaKredit, RiwayatCpnsPns, RiwayatDiklat,
    RiwayatHukumanDisiplin, RiwayatJabatan, RiwayatKursus, RiwayatPendidikan, RiwayatPenghargaan,
    RiwayatSkp, RiwayatSkp22, Sk, StatusKepegawaian, TingkatHukuman, predikat_kinerja,
};
use siasn_domain::tanggal::BulanTahun;
use uuid::Uuid;

use crate::AppState;
use crate::api::{ApiError, Panggilan};

use super::isian::Isian;

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

/// The history row of a save payload whose kind needs no reference lookup (the others are
/// `None`): the server reads these first, and the fuzzer reads them without a server.
pub(super) fn data_riwayat_murni(
    nama: &str,
    isi: &Isian<'_>,
    golongan_sekarang: Option<Golongan>,
) -> Option<Result<DataRiwayat, ApiError>> {
    Some(match nama {
        "kursus" => kursus(isi),
        "hukdis" => hukuman_disiplin(isi),
        "skp" => skp(isi),
        "skp/2021" => skp_2021(isi),
        "skp22" => skp22(isi).map(DataRiwayat::Skp22),
        "kinerjaperiodik" => kinerja_periodik(isi),
        "cpns" => cpns_pns(isi, golongan_sekarang),
        "pendidikan" => pendidikan(isi),
        "golongan" => golongan(isi),
        _ => return None,
    })
}

/// The history row a save payload describes.
pub(super) async fn data_riwayat(
    state: &AppState,
    c: &Panggilan,
    nama: &str,
    isi: &Isian<'_>,
    p: &Pegawai,
) -> Result<DataRiwayat, ApiError> {
    if let Some(r) = data_riwayat_murni(nama, isi, p.golongan) {
        return r;
    }
    Ok(match nama {
        "jabatan" | "jabatan/unorjabatan" => jabatan(state, isi, p).await?,
        "angkakredit" => angka_kredit(state, c, isi, p).await?,
        "diklat" => diklat(state, isi).await?,
        "penghargaan" => penghargaan(state, isi).await?,
        _ => return Err(ApiError::tidak_ada()),
    })
}

async fn jabatan(state: &AppState, isi: &Isian<'_>, p: &Pegawai) -> Result<DataRiwayat, ApiError> {
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
    let unor =
        match unor_id {
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
    Ok(DataRiwayat::Jabatan(RiwayatJabatan {
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
    }))
}

async fn angka_kredit(
    state: &AppState,
    c: &Panggilan,
    isi: &Isian<'_>,
    p: &Pegawai,
) -> Result<DataRiwayat, ApiError> {
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
    Ok(DataRiwayat::AngkaKredit(RiwayatAngkaKredit {
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
    }))
}

async fn diklat(state: &AppState, isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let jenis = isi.wajib("latihanStrukturalId")?;
    let mulai = isi.tanggal_wajib("tanggal")?;
    Ok(DataRiwayat::Diklat(RiwayatDiklat {
        nama: match isi.teks("namaDiklat") {
            Some(n) => n,
            None => nama_referensi(state, "latihan-struktural", &jenis)
                .await?
                .ok_or_else(|| ApiError::ditolak("latihanStrukturalId tidak ada di referensi"))?,
        },
        latihan_struktural_id: jenis,
        nomor_sertifikat: isi.wajib("nomor")?,
        tanggal_mulai: mulai,
        tanggal_selesai: isi.tanggal("tanggalSelesai")?.unwrap_or(mulai),
        jumlah_jam: isi.angka("jumlahJam")?.unwrap_or(0),
        institusi_penyelenggara: isi.teks("institusiPenyelenggara").unwrap_or_default(),
    }))
}

fn kursus(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let mulai = isi.tanggal_wajib("tanggalKursus")?;
    Ok(DataRiwayat::Kursus(RiwayatKursus {
        jenis_kursus: isi
            .salah_satu(&["jenisKursus", "jenisDiklatId"])
            .unwrap_or_else(|| "Kursus".into()),
        nama_kursus: isi.wajib("namaKursus")?,
        nomor_sertifikat: isi.teks("nomorSertipikat"),
        tanggal_mulai: mulai,
        tanggal_selesai: isi.tanggal("tanggalSelesaiKursus")?.unwrap_or(mulai),
        jumlah_jam: isi.angka("jumlahJam")?.unwrap_or(0),
        institusi_penyelenggara: isi.teks("institusiPenyelenggara").unwrap_or_default(),
    }))
}

fn hukuman_disiplin(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let jenis = isi.wajib("jenisHukumanId")?;
    let tahun: u32 = isi.angka("masaTahun")?.unwrap_or(0);
    let bulan: u32 = isi.angka("masaBulan")?.unwrap_or(0);
    Ok(DataRiwayat::HukumanDisiplin(RiwayatHukumanDisiplin {
        tingkat: TingkatHukuman::dari_jenis(&jenis),
        jenis_hukuman_id: jenis,
        alasan: isi
            .salah_satu(&["alasanHukumanDisiplinNama", "alasanHukumanDisiplinId"])
            .unwrap_or_default(),
        tmt_hukuman: isi.tanggal_wajib("hukumanTanggal")?,
        masa_bulan: tahun.saturating_mul(12).saturating_add(bulan),
        sk: isi.sk("skNomor", "skTanggal")?,
    }))
}

async fn penghargaan(state: &AppState, isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let id = isi.wajib("hargaId")?;
    let sk = match isi.teks("skNomor") {
        Some(nomor) => Some(Sk {
            nomor,
            tanggal: isi.tanggal_wajib("skDate")?,
        }),
        None => None,
    };
    Ok(DataRiwayat::Penghargaan(RiwayatPenghargaan {
        nama: nama_referensi(state, "penghargaan", &id)
            .await?
            .or_else(|| isi.teks("hargaNama"))
            .ok_or_else(|| ApiError::ditolak("hargaId tidak ada di referensi"))?,
        penghargaan_id: id,
        tahun: isi.angka_wajib("tahun")?,
        sk,
    }))
}

fn skp(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    Ok(DataRiwayat::Skp(RiwayatSkp {
        tahun: isi.angka_wajib("tahun")?,
        nilai_skp: isi.angka_wajib("nilaiSkp")?,
        orientasi_pelayanan: isi.angka_wajib("orientasiPelayanan")?,
        integritas: isi.angka_wajib("integritas")?,
        komitmen: isi.angka_wajib("komitmen")?,
        disiplin: isi.angka_wajib("disiplin")?,
        kerjasama: isi.angka_wajib("kerjasama")?,
        kepemimpinan: isi.angka("kepemimpinan")?,
        inisiatif_kerja: None,
        penilai_nip: isi.teks("penilaiNipNrp"),
        penilai_nama: isi.teks("penilaiNama"),
        penilai_jabatan: isi.teks("penilaiJabatan"),
    }))
}

/// `skp/2021/save`: the 2021 appraisal, numeric like the older model, with initiative
/// (`inisiatifKerja`) added by the transition to PP 30/2019.
fn skp_2021(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let tahun: i32 = isi.angka("tahun")?.unwrap_or(2021);
    if tahun != 2021 {
        return Err(ApiError::ditolak(
            "skp/2021/save hanya untuk SKP tahun 2021; tahun lain memakai skp/save (sampai 2020) atau skp22/save (sejak 2022)",
        ));
    }
    let mut m = isi.0.clone();
    m.insert("tahun".into(), serde_json::Value::String("2021".into()));
    let DataRiwayat::Skp(mut s) = skp(&Isian(&m))? else {
        return Err(ApiError::tidak_valid("SKP tidak valid"));
    };
    s.inisiatif_kerja = isi.angka("inisiatifKerja")?;
    Ok(DataRiwayat::Skp(s))
}

fn kinerja_periodik(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let mulai: u32 = isi.angka("bulanMulaiPenilaian")?.unwrap_or(1);
    let selesai: u32 = isi.angka("bulanSelesaiPenilaian")?.unwrap_or(12);
    if (mulai, selesai) != (1, 12) {
        return Err(ApiError::ditolak(
            "penilaian kinerja disimpan per tahun (bulan 1–12); periode bulanan/triwulanan belum disimpan sistem ini",
        ));
    }
    Ok(DataRiwayat::Skp22(skp22(isi)?))
}

fn cpns_pns(isi: &Isian<'_>, golongan: Option<Golongan>) -> Result<DataRiwayat, ApiError> {
    let pns = isi.teks("nomor_sk_pns").is_some();
    Ok(DataRiwayat::CpnsPns(if pns {
        RiwayatCpnsPns {
            status: StatusKepegawaian::Pns,
            tmt: isi.tanggal_wajib("tmt_pns")?,
            sk: isi.sk("nomor_sk_pns", "tgl_sk_pns")?,
            golongan,
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
            golongan,
            nomor_spmt: isi.teks("nomor_spmt"),
            tanggal_spmt: isi.tanggal("tgl_spmt")?,
            nomor_sttpl: None,
            tanggal_sttpl: None,
        }
    }))
}

fn pendidikan(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    Ok(DataRiwayat::Pendidikan(RiwayatPendidikan {
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
    }))
}

fn golongan(isi: &Isian<'_>) -> Result<DataRiwayat, ApiError> {
    let g = isi.wajib("golonganId")?;
    let golongan = g
        .parse::<u8>()
        .ok()
        .and_then(Golongan::from_id)
        .ok_or_else(|| ApiError::tidak_valid("golonganId tidak dikenal"))?;
    Ok(DataRiwayat::Golongan(
        siasn_domain::riwayat::RiwayatGolongan {
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
        },
    ))
}
