//! The fields of each history kind as a form (and as CSV columns for collective proposals):
//! one declarative list per kind, and one generic conversion between text fields and the typed
//! row, so every kind can be added, corrected and proposed collectively the same way.
//!
//! Long because it is data: one field list per history kind (19 kinds); splitting it would
//! scatter the lists the form, the CSV and the API all read.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::golongan::SEMUA_GOLONGAN;
use crate::riwayat::{DataRiwayat, JenisRiwayat};

/// How a field is entered and typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tipe {
    /// Text, required.
    Teks,
    /// Text, may be empty.
    TeksOps,
    /// Date (YYYY-MM-DD), required.
    Tanggal,
    /// Date, may be empty.
    TanggalOps,
    /// Whole number, required.
    Bulat,
    /// Decimal number, required.
    Desimal,
    /// Decimal number, may be empty.
    DesimalOps,
    /// Yes / no.
    YaTidak,
    /// One of fixed choices (value, label), required.
    Pilihan(&'static [(&'static str, &'static str)]),
    /// A code from a reference list (by its category), required.
    Ref(&'static str),
    /// A code from a reference list, may be empty.
    RefOps(&'static str),
    /// A PNS golongan (id 11–45), required.
    Golongan,
    /// A PNS golongan, may be empty.
    GolonganOps,
}

impl Tipe {
    /// Whether an empty value is accepted.
    pub fn opsional(self) -> bool {
        matches!(
            self,
            Self::TeksOps
                | Self::TanggalOps
                | Self::DesimalOps
                | Self::RefOps(_)
                | Self::GolonganOps
        )
    }
}

/// One form field: its key (a dotted path in the row), label and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Isian {
    /// Key, e.g. "tmt_golongan" or "sk.nomor".
    pub kunci: &'static str,
    /// What the field is called (people read it through `siasn_teks`).
    pub label: LabelIsian,
    /// Type.
    pub tipe: Tipe,
}

const fn f(kunci: &'static str, label: LabelIsian, tipe: Tipe) -> Isian {
    Isian { kunci, label, tipe }
}

/// The name of a form field; the words are in `siasn_teks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelIsian {
    /// «Nomor SK»
    NomorSK,
    /// «Tanggal SK»
    TanggalSK,
    /// «Jenis jabatan»
    JenisJabatan,
    /// «Nama jabatan»
    NamaJabatan,
    /// «Kode jabatan»
    KodeJabatan,
    /// «Kode instansi»
    KodeInstansi,
    /// «Unit organisasi»
    UnitOrganisasi,
    /// «Eselon»
    Eselon,
    /// «Jenis penugasan»
    JenisPenugasan,
    /// «Jenis mutasi»
    JenisMutasi,
    /// «TMT jabatan»
    TMTJabatan,
    /// «TMT pelantikan»
    TMTPelantikan,
    /// «Tingkat pendidikan»
    TingkatPendidikan,
    /// «Program / jurusan»
    ProgramJurusan,
    /// «Nama sekolah / kampus»
    NamaSekolahKampus,
    /// «Tahun lulus»
    TahunLulus,
    /// «Tanggal lulus»
    TanggalLulus,
    /// «Nomor ijazah»
    NomorIjazah,
    /// «Gelar depan»
    GelarDepan,
    /// «Gelar belakang»
    GelarBelakang,
    /// «Pendidikan saat CPNS»
    PendidikanSaatCPNS,
    /// «Jenis diklat»
    JenisDiklat,
    /// «Nama diklat»
    NamaDiklat,
    /// «Nomor sertifikat»
    NomorSertifikat,
    /// «Tanggal mulai»
    TanggalMulai,
    /// «Tanggal selesai»
    TanggalSelesai,
    /// «Jumlah jam»
    JumlahJam,
    /// «Penyelenggara»
    Penyelenggara,
    /// «Jenis kursus»
    JenisKursus,
    /// «Nama kursus»
    NamaKursus,
    /// «NIP penilai»
    NIPPenilai,
    /// «Nama penilai»
    NamaPenilai,
    /// «Jabatan penilai»
    JabatanPenilai,
    /// «Tahun»
    Tahun,
    /// «Nilai SKP»
    NilaiSKP,
    /// «Orientasi pelayanan»
    OrientasiPelayanan,
    /// «Integritas»
    Integritas,
    /// «Komitmen»
    Komitmen,
    /// «Disiplin»
    Disiplin,
    /// «Kerja sama»
    KerjaSama,
    /// «Kepemimpinan»
    Kepemimpinan,
    /// «Hasil kerja»
    HasilKerja,
    /// «Perilaku kerja»
    PerilakuKerja,
    /// «Predikat kinerja»
    PredikatKinerja,
    /// «Unit penilai»
    UnitPenilai,
    /// «Jenis penghargaan»
    JenisPenghargaan,
    /// «Nama penghargaan»
    NamaPenghargaan,
    /// «Golongan»
    GolonganRuang,
    /// «Jenis kenaikan pangkat»
    JenisKenaikanPangkat,
    /// «TMT golongan»
    TMTGolongan,
    /// «Nomor pertek BKN»
    NomorPertekBKN,
    /// «Tanggal pertek»
    TanggalPertek,
    /// «Masa kerja (tahun)»
    MasaKerjaTahun,
    /// «Masa kerja (bulan)»
    MasaKerjaBulan,
    /// «Angka kredit utama»
    AngkaKreditUtama,
    /// «Angka kredit tambahan»
    AngkaKreditTambahan,
    /// «Nama»
    Nama,
    /// «Jenis kelamin»
    JenisKelamin,
    /// «Tempat lahir»
    TempatLahir,
    /// «Tanggal lahir»
    TanggalLahir,
    /// «NIK»
    NIK,
    /// «ASN»
    ASN,
    /// «Nomor akta nikah»
    NomorAktaNikah,
    /// «Tanggal menikah»
    TanggalMenikah,
    /// «Nomor akta cerai»
    NomorAktaCerai,
    /// «Tanggal cerai»
    TanggalCerai,
    /// «Tanggal meninggal»
    TanggalMeninggal,
    /// «Status»
    Status,
    /// «Status anak»
    StatusAnak,
    /// «Ayah / ibu»
    AyahIbu,
    /// «Instansi / perusahaan»
    InstansiPerusahaan,
    /// «Kode instansi asal»
    KodeInstansiAsal,
    /// «Kode instansi tujuan»
    KodeInstansiTujuan,
    /// «TMT pindah»
    TMTPindah,
    /// «Tanggal aktif kembali»
    TanggalAktifKembali,
    /// «TMT»
    TMT,
    /// «Golongan»
    Golongan,
    /// «Nomor SPMT»
    NomorSPMT,
    /// «Tanggal SPMT»
    TanggalSPMT,
    /// «Nomor STTPL»
    NomorSTTPL,
    /// «Tanggal STTPL»
    TanggalSTTPL,
    /// «Nama organisasi»
    NamaOrganisasi,
    /// «Jabatan»
    JabatanOrganisasi,
    /// «Jenis hukuman»
    JenisHukuman,
    /// «Tingkat»
    Tingkat,
    /// «Alasan»
    Alasan,
    /// «TMT hukuman»
    TMTHukuman,
    /// «Masa (bulan)»
    MasaBulan,
    /// «Jabatan»
    Jabatan,
    /// «Mulai penilaian (tahun)»
    MulaiPenilaianTahun,
    /// «Mulai penilaian (bulan)»
    MulaiPenilaianBulan,
    /// «Selesai penilaian (tahun)»
    SelesaiPenilaianTahun,
    /// «Selesai penilaian (bulan)»
    SelesaiPenilaianBulan,
    /// «Angka kredit penunjang»
    AngkaKreditPenunjang,
    /// «Angka kredit total»
    AngkaKreditTotal,
    /// «Penilaian pertama»
    PenilaianPertama,
    /// «Gaji pokok (Rp)»
    GajiPokokRp,
    /// «Masa kerja golongan (tahun)»
    MasaKerjaGolonganTahun,
    /// «TMT gaji»
    TMTGaji,
}

const EKSPEKTASI: &[(&str, &str)] = &[
    ("DiAtas", "Di atas ekspektasi"),
    ("Sesuai", "Sesuai ekspektasi"),
    ("DiBawah", "Di bawah ekspektasi"),
];
const PREDIKAT: &[(&str, &str)] = &[
    ("SangatBaik", "Sangat Baik"),
    ("Baik", "Baik"),
    ("ButuhPerbaikan", "Butuh Perbaikan"),
    ("Kurang", "Kurang"),
    ("SangatKurang", "Sangat Kurang"),
];
const KELAMIN: &[(&str, &str)] = &[("L", "Laki-laki"), ("P", "Perempuan")];

const SK_NOMOR: Isian = f("sk.nomor", LabelIsian::NomorSK, Tipe::Teks);
const SK_TANGGAL: Isian = f("sk.tanggal", LabelIsian::TanggalSK, Tipe::Tanggal);

const JABATAN: &[Isian] = &[
    f(
        "jenis_jabatan_id",
        LabelIsian::JenisJabatan,
        Tipe::Ref("jenis-jabatan"),
    ),
    f("nama_jabatan", LabelIsian::NamaJabatan, Tipe::Teks),
    f("jabatan_id", LabelIsian::KodeJabatan, Tipe::TeksOps),
    f("instansi_id", LabelIsian::KodeInstansi, Tipe::Teks),
    f("nama_unor", LabelIsian::UnitOrganisasi, Tipe::Teks),
    f("eselon_id", LabelIsian::Eselon, Tipe::RefOps("eselon")),
    f(
        "jenis_penugasan_id",
        LabelIsian::JenisPenugasan,
        Tipe::RefOps("jenis-penugasan"),
    ),
    f(
        "jenis_mutasi_id",
        LabelIsian::JenisMutasi,
        Tipe::RefOps("jenis-mutasi"),
    ),
    f("tmt_jabatan", LabelIsian::TMTJabatan, Tipe::Tanggal),
    f(
        "tmt_pelantikan",
        LabelIsian::TMTPelantikan,
        Tipe::TanggalOps,
    ),
    SK_NOMOR,
    SK_TANGGAL,
];

const PENDIDIKAN: &[Isian] = &[
    f(
        "tingkat_pendidikan_id",
        LabelIsian::TingkatPendidikan,
        Tipe::Ref("tingkat-pendidikan"),
    ),
    f("nama_pendidikan", LabelIsian::ProgramJurusan, Tipe::Teks),
    f("nama_sekolah", LabelIsian::NamaSekolahKampus, Tipe::Teks),
    f("tahun_lulus", LabelIsian::TahunLulus, Tipe::Bulat),
    f("tanggal_lulus", LabelIsian::TanggalLulus, Tipe::TanggalOps),
    f("nomor_ijazah", LabelIsian::NomorIjazah, Tipe::TeksOps),
    f("gelar_depan", LabelIsian::GelarDepan, Tipe::TeksOps),
    f("gelar_belakang", LabelIsian::GelarBelakang, Tipe::TeksOps),
    f(
        "pendidikan_pertama",
        LabelIsian::PendidikanSaatCPNS,
        Tipe::YaTidak,
    ),
];

const DIKLAT: &[Isian] = &[
    f(
        "latihan_struktural_id",
        LabelIsian::JenisDiklat,
        Tipe::Ref("latihan-struktural"),
    ),
    f("nama", LabelIsian::NamaDiklat, Tipe::Teks),
    f("nomor_sertifikat", LabelIsian::NomorSertifikat, Tipe::Teks),
    f("tanggal_mulai", LabelIsian::TanggalMulai, Tipe::Tanggal),
    f("tanggal_selesai", LabelIsian::TanggalSelesai, Tipe::Tanggal),
    f("jumlah_jam", LabelIsian::JumlahJam, Tipe::Bulat),
    f(
        "institusi_penyelenggara",
        LabelIsian::Penyelenggara,
        Tipe::Teks,
    ),
];

const KURSUS: &[Isian] = &[
    f("jenis_kursus", LabelIsian::JenisKursus, Tipe::Teks),
    f("nama_kursus", LabelIsian::NamaKursus, Tipe::Teks),
    f(
        "nomor_sertifikat",
        LabelIsian::NomorSertifikat,
        Tipe::TeksOps,
    ),
    f("tanggal_mulai", LabelIsian::TanggalMulai, Tipe::Tanggal),
    f("tanggal_selesai", LabelIsian::TanggalSelesai, Tipe::Tanggal),
    f("jumlah_jam", LabelIsian::JumlahJam, Tipe::Bulat),
    f(
        "institusi_penyelenggara",
        LabelIsian::Penyelenggara,
        Tipe::Teks,
    ),
];

const PENILAI: [Isian; 3] = [
    f("penilai_nip", LabelIsian::NIPPenilai, Tipe::TeksOps),
    f("penilai_nama", LabelIsian::NamaPenilai, Tipe::TeksOps),
    f("penilai_jabatan", LabelIsian::JabatanPenilai, Tipe::TeksOps),
];

const SKP: &[Isian] = &[
    f("tahun", LabelIsian::Tahun, Tipe::Bulat),
    f("nilai_skp", LabelIsian::NilaiSKP, Tipe::Desimal),
    f(
        "orientasi_pelayanan",
        LabelIsian::OrientasiPelayanan,
        Tipe::Desimal,
    ),
    f("integritas", LabelIsian::Integritas, Tipe::Desimal),
    f("komitmen", LabelIsian::Komitmen, Tipe::Desimal),
    f("disiplin", LabelIsian::Disiplin, Tipe::Desimal),
    f("kerjasama", LabelIsian::KerjaSama, Tipe::Desimal),
    f("kepemimpinan", LabelIsian::Kepemimpinan, Tipe::DesimalOps),
    PENILAI[0],
    PENILAI[1],
    PENILAI[2],
];

const SKP22: &[Isian] = &[
    f("tahun", LabelIsian::Tahun, Tipe::Bulat),
    f(
        "hasil_kinerja",
        LabelIsian::HasilKerja,
        Tipe::Pilihan(EKSPEKTASI),
    ),
    f(
        "perilaku_kerja",
        LabelIsian::PerilakuKerja,
        Tipe::Pilihan(EKSPEKTASI),
    ),
    f(
        "predikat",
        LabelIsian::PredikatKinerja,
        Tipe::Pilihan(PREDIKAT),
    ),
    PENILAI[0],
    PENILAI[1],
    PENILAI[2],
    f("penilai_unor", LabelIsian::UnitPenilai, Tipe::TeksOps),
];

const PENGHARGAAN: &[Isian] = &[
    f(
        "penghargaan_id",
        LabelIsian::JenisPenghargaan,
        Tipe::Ref("penghargaan"),
    ),
    f("nama", LabelIsian::NamaPenghargaan, Tipe::Teks),
    f("tahun", LabelIsian::Tahun, Tipe::Bulat),
    f("sk.nomor", LabelIsian::NomorSK, Tipe::TeksOps),
    f("sk.tanggal", LabelIsian::TanggalSK, Tipe::TanggalOps),
];

const GOLONGAN: &[Isian] = &[
    f("golongan", LabelIsian::GolonganRuang, Tipe::Golongan),
    f(
        "jenis_kp_id",
        LabelIsian::JenisKenaikanPangkat,
        Tipe::Ref("jenis-kp"),
    ),
    f("tmt_golongan", LabelIsian::TMTGolongan, Tipe::Tanggal),
    SK_NOMOR,
    SK_TANGGAL,
    f("nomor_pertek", LabelIsian::NomorPertekBKN, Tipe::TeksOps),
    f(
        "tanggal_pertek",
        LabelIsian::TanggalPertek,
        Tipe::TanggalOps,
    ),
    f("masa_kerja_tahun", LabelIsian::MasaKerjaTahun, Tipe::Bulat),
    f("masa_kerja_bulan", LabelIsian::MasaKerjaBulan, Tipe::Bulat),
    f(
        "angka_kredit_utama",
        LabelIsian::AngkaKreditUtama,
        Tipe::DesimalOps,
    ),
    f(
        "angka_kredit_tambahan",
        LabelIsian::AngkaKreditTambahan,
        Tipe::DesimalOps,
    ),
];

const PASANGAN: &[Isian] = &[
    f("nama", LabelIsian::Nama, Tipe::Teks),
    f("gelar_depan", LabelIsian::GelarDepan, Tipe::TeksOps),
    f("gelar_belakang", LabelIsian::GelarBelakang, Tipe::TeksOps),
    f(
        "jenis_kelamin",
        LabelIsian::JenisKelamin,
        Tipe::Pilihan(KELAMIN),
    ),
    f("tempat_lahir", LabelIsian::TempatLahir, Tipe::TeksOps),
    f("tanggal_lahir", LabelIsian::TanggalLahir, Tipe::TanggalOps),
    f("nik", LabelIsian::NIK, Tipe::TeksOps),
    f("pns", LabelIsian::ASN, Tipe::YaTidak),
    f("akta_menikah", LabelIsian::NomorAktaNikah, Tipe::TeksOps),
    f(
        "tanggal_menikah",
        LabelIsian::TanggalMenikah,
        Tipe::TanggalOps,
    ),
    f("akta_cerai", LabelIsian::NomorAktaCerai, Tipe::TeksOps),
    f("tanggal_cerai", LabelIsian::TanggalCerai, Tipe::TanggalOps),
    f(
        "tanggal_meninggal",
        LabelIsian::TanggalMeninggal,
        Tipe::TanggalOps,
    ),
    f(
        "status",
        LabelIsian::Status,
        Tipe::Pilihan(&[
            ("Menikah", "Menikah"),
            ("Cerai", "Cerai"),
            ("CeraiMati", "Cerai mati"),
        ]),
    ),
];

const ANAK: &[Isian] = &[
    f("nama", LabelIsian::Nama, Tipe::Teks),
    f(
        "jenis_kelamin",
        LabelIsian::JenisKelamin,
        Tipe::Pilihan(KELAMIN),
    ),
    f(
        "jenis_anak_id",
        LabelIsian::StatusAnak,
        Tipe::Ref("jenis-anak"),
    ),
    f("tempat_lahir", LabelIsian::TempatLahir, Tipe::TeksOps),
    f("tanggal_lahir", LabelIsian::TanggalLahir, Tipe::Tanggal),
    f("nik", LabelIsian::NIK, Tipe::TeksOps),
];

const ORANG_TUA: &[Isian] = &[
    f(
        "peran",
        LabelIsian::AyahIbu,
        Tipe::Pilihan(&[("Ayah", "Ayah"), ("Ibu", "Ibu")]),
    ),
    f("nama", LabelIsian::Nama, Tipe::Teks),
    f("tempat_lahir", LabelIsian::TempatLahir, Tipe::TeksOps),
    f("tanggal_lahir", LabelIsian::TanggalLahir, Tipe::TanggalOps),
    f(
        "tanggal_meninggal",
        LabelIsian::TanggalMeninggal,
        Tipe::TanggalOps,
    ),
];

const PMK: &[Isian] = &[
    f(
        "instansi_atau_perusahaan",
        LabelIsian::InstansiPerusahaan,
        Tipe::Teks,
    ),
    f("tanggal_mulai", LabelIsian::TanggalMulai, Tipe::Tanggal),
    f("tanggal_selesai", LabelIsian::TanggalSelesai, Tipe::Tanggal),
    f("masa_kerja_tahun", LabelIsian::MasaKerjaTahun, Tipe::Bulat),
    f("masa_kerja_bulan", LabelIsian::MasaKerjaBulan, Tipe::Bulat),
    SK_NOMOR,
    SK_TANGGAL,
];

const PINDAH: &[Isian] = &[
    f("instansi_asal_id", LabelIsian::KodeInstansiAsal, Tipe::Teks),
    f(
        "instansi_tujuan_id",
        LabelIsian::KodeInstansiTujuan,
        Tipe::Teks,
    ),
    f("tmt_pindah", LabelIsian::TMTPindah, Tipe::Tanggal),
    SK_NOMOR,
    SK_TANGGAL,
];

const CLTN: &[Isian] = &[
    f("tanggal_mulai", LabelIsian::TanggalMulai, Tipe::Tanggal),
    f("tanggal_selesai", LabelIsian::TanggalSelesai, Tipe::Tanggal),
    f(
        "tanggal_aktif_kembali",
        LabelIsian::TanggalAktifKembali,
        Tipe::TanggalOps,
    ),
    SK_NOMOR,
    SK_TANGGAL,
];

const CPNS_PNS: &[Isian] = &[
    f(
        "status",
        LabelIsian::Status,
        Tipe::Pilihan(&[("Cpns", "CPNS"), ("Pns", "PNS")]),
    ),
    f("tmt", LabelIsian::TMT, Tipe::Tanggal),
    SK_NOMOR,
    SK_TANGGAL,
    f("golongan", LabelIsian::Golongan, Tipe::GolonganOps),
    f("nomor_spmt", LabelIsian::NomorSPMT, Tipe::TeksOps),
    f("tanggal_spmt", LabelIsian::TanggalSPMT, Tipe::TanggalOps),
    f("nomor_sttpl", LabelIsian::NomorSTTPL, Tipe::TeksOps),
    f("tanggal_sttpl", LabelIsian::TanggalSTTPL, Tipe::TanggalOps),
];

const ORGANISASI: &[Isian] = &[
    f("nama_organisasi", LabelIsian::NamaOrganisasi, Tipe::Teks),
    f("jabatan", LabelIsian::JabatanOrganisasi, Tipe::TeksOps),
    f("tanggal_mulai", LabelIsian::TanggalMulai, Tipe::TanggalOps),
    f(
        "tanggal_selesai",
        LabelIsian::TanggalSelesai,
        Tipe::TanggalOps,
    ),
];

const HUKDIS: &[Isian] = &[
    f("jenis_hukuman_id", LabelIsian::JenisHukuman, Tipe::Teks),
    f(
        "tingkat",
        LabelIsian::Tingkat,
        Tipe::Pilihan(&[
            ("Ringan", "Ringan"),
            ("Sedang", "Sedang"),
            ("Berat", "Berat"),
        ]),
    ),
    f("alasan", LabelIsian::Alasan, Tipe::Teks),
    f("tmt_hukuman", LabelIsian::TMTHukuman, Tipe::Tanggal),
    f("masa_bulan", LabelIsian::MasaBulan, Tipe::Bulat),
    SK_NOMOR,
    SK_TANGGAL,
];

const ANGKA_KREDIT: &[Isian] = &[
    f("nama_jabatan", LabelIsian::Jabatan, Tipe::Teks),
    f(
        "mulai_penilaian.tahun",
        LabelIsian::MulaiPenilaianTahun,
        Tipe::Bulat,
    ),
    f(
        "mulai_penilaian.bulan",
        LabelIsian::MulaiPenilaianBulan,
        Tipe::Bulat,
    ),
    f(
        "selesai_penilaian.tahun",
        LabelIsian::SelesaiPenilaianTahun,
        Tipe::Bulat,
    ),
    f(
        "selesai_penilaian.bulan",
        LabelIsian::SelesaiPenilaianBulan,
        Tipe::Bulat,
    ),
    f("kredit_utama", LabelIsian::AngkaKreditUtama, Tipe::Desimal),
    f(
        "kredit_penunjang",
        LabelIsian::AngkaKreditPenunjang,
        Tipe::Desimal,
    ),
    f("kredit_total", LabelIsian::AngkaKreditTotal, Tipe::Desimal),
    f("pertama", LabelIsian::PenilaianPertama, Tipe::YaTidak),
    SK_NOMOR,
    SK_TANGGAL,
];

const GAJI: &[Isian] = &[
    f("golongan", LabelIsian::Golongan, Tipe::GolonganOps),
    f("gaji_pokok", LabelIsian::GajiPokokRp, Tipe::Bulat),
    f(
        "masa_kerja_tahun",
        LabelIsian::MasaKerjaGolonganTahun,
        Tipe::Bulat,
    ),
    f("tmt_gaji", LabelIsian::TMTGaji, Tipe::Tanggal),
    SK_NOMOR,
    SK_TANGGAL,
];

/// Shown only: rows of this kind come from a pension or dismissal decree, never a form.
const PEMBERHENTIAN: &[Isian] = &[
    f("tmt", LabelIsian::TMT, Tipe::Tanggal),
    SK_NOMOR,
    SK_TANGGAL,
];

/// The fields of a history kind.
pub fn isian(jenis: JenisRiwayat) -> &'static [Isian] {
    use JenisRiwayat as J;
    match jenis {
        J::Jabatan => JABATAN,
        J::Pendidikan => PENDIDIKAN,
        J::Diklat => DIKLAT,
        J::Kursus => KURSUS,
        J::Skp => SKP,
        J::Skp22 => SKP22,
        J::Penghargaan => PENGHARGAAN,
        J::Golongan => GOLONGAN,
        J::Pasangan => PASANGAN,
        J::Anak => ANAK,
        J::OrangTua => ORANG_TUA,
        J::Pmk => PMK,
        J::PindahInstansi => PINDAH,
        J::Cltn => CLTN,
        J::CpnsPns => CPNS_PNS,
        J::Organisasi => ORGANISASI,
        J::HukumanDisiplin => HUKDIS,
        J::AngkaKredit => ANGKA_KREDIT,
        J::Gaji => GAJI,
        J::Pemberhentian => PEMBERHENTIAN,
    }
}

/// The choices of a golongan field: (id, "III/a").
pub fn pilihan_golongan() -> Vec<(String, &'static str)> {
    SEMUA_GOLONGAN
        .iter()
        .map(|g| (g.id().to_string(), g.label()))
        .collect()
}

/// A field that could not be read, with the reason (people read it through `siasn_teks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsianSalah {
    /// The field's key (empty when the row as a whole is wrong).
    pub kunci: String,
    /// Why.
    pub alasan: AlasanIsian,
}

/// Why a field could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlasanIsian {
    /// A required field is empty.
    Wajib,
    /// Longer than 500 characters.
    TerlaluPanjang,
    /// Not a date in `YYYY-MM-DD`.
    TanggalTidakValid,
    /// Not a whole number.
    BukanBulat,
    /// Not a number.
    BukanAngka,
    /// Not one of the choices.
    PilihanTidakDikenal,
    /// Not a rank id.
    GolonganTidakDikenal,
    /// The fields together do not make a row (the reader's detail, for support).
    TidakLengkap(String),
}

fn salah(kunci: &str, alasan: AlasanIsian) -> IsianSalah {
    IsianSalah {
        kunci: kunci.to_string(),
        alasan,
    }
}

/// Reads a row of `jenis` from text fields. `dasar` is the row being corrected: fields that the
/// form does not show (such as a linked unit id) keep their value from it.
pub fn baca(
    jenis: JenisRiwayat,
    nilai: &BTreeMap<String, String>,
    dasar: Option<&DataRiwayat>,
) -> Result<DataRiwayat, Vec<IsianSalah>> {
    let mut obj = match dasar.map(serde_json::to_value) {
        Some(Ok(Value::Object(m))) => m,
        _ => Map::new(),
    };
    let mut galat = Vec::new();
    for i in isian(jenis) {
        let teks = nilai.get(i.kunci).map(|s| s.trim()).unwrap_or("");
        match ketik(i, teks) {
            Ok(v) => pasang(&mut obj, i.kunci, v),
            Err(e) => galat.push(e),
        }
    }
    // An optional decree with neither number nor date is no decree.
    for (_, v) in obj.iter_mut() {
        if let Value::Object(inner) = v
            && !inner.is_empty()
            && inner.values().all(Value::is_null)
        {
            *v = Value::Null;
        }
    }
    if !galat.is_empty() {
        return Err(galat);
    }
    obj.insert("jenis".into(), Value::String(jenis.kode().into()));
    serde_json::from_value::<DataRiwayat>(Value::Object(obj))
        .map_err(|e| vec![salah("", AlasanIsian::TidakLengkap(e.to_string()))])
}

fn ketik(i: &Isian, teks: &str) -> Result<Value, IsianSalah> {
    if teks.is_empty() {
        return match i.tipe {
            Tipe::YaTidak => Ok(Value::Bool(false)),
            t if t.opsional() => Ok(Value::Null),
            _ => Err(salah(i.kunci, AlasanIsian::Wajib)),
        };
    }
    if teks.chars().count() > 500 {
        return Err(salah(i.kunci, AlasanIsian::TerlaluPanjang));
    }
    match i.tipe {
        Tipe::Teks | Tipe::TeksOps | Tipe::Ref(_) | Tipe::RefOps(_) => {
            Ok(Value::String(teks.to_string()))
        }
        Tipe::Tanggal | Tipe::TanggalOps => NaiveDate::parse_from_str(teks, "%Y-%m-%d")
            .map(|d| Value::String(d.format("%Y-%m-%d").to_string()))
            .map_err(|_| salah(i.kunci, AlasanIsian::TanggalTidakValid)),
        Tipe::Bulat => teks
            .parse::<i64>()
            .map(|n| Value::Number(n.into()))
            .map_err(|_| salah(i.kunci, AlasanIsian::BukanBulat)),
        Tipe::Desimal | Tipe::DesimalOps => teks
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| salah(i.kunci, AlasanIsian::BukanAngka)),
        Tipe::YaTidak => Ok(Value::Bool(matches!(
            teks,
            "1" | "ya" | "Ya" | "true" | "on"
        ))),
        Tipe::Pilihan(pilihan) => pilihan
            .iter()
            .find(|(v, _)| *v == teks)
            .map(|(v, _)| Value::String((*v).to_string()))
            .ok_or_else(|| salah(i.kunci, AlasanIsian::PilihanTidakDikenal)),
        Tipe::Golongan | Tipe::GolonganOps => teks
            .parse::<u8>()
            .ok()
            .filter(|id| SEMUA_GOLONGAN.iter().any(|g| g.id() == *id))
            .map(|id| Value::Number(id.into()))
            .ok_or_else(|| salah(i.kunci, AlasanIsian::GolonganTidakDikenal)),
    }
}

fn pasang(obj: &mut Map<String, Value>, kunci: &str, v: Value) {
    match kunci.split_once('.') {
        None => {
            obj.insert(kunci.to_string(), v);
        }
        Some((luar, dalam)) => {
            let entry = obj
                .entry(luar.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(m) = entry {
                pasang(m, dalam, v);
            }
        }
    }
}

/// The text fields of a stored row (to prefill a correction form or show before/after).
pub fn tulis(data: &DataRiwayat) -> BTreeMap<String, String> {
    let v = serde_json::to_value(data).unwrap_or(Value::Null);
    isian(data.jenis())
        .iter()
        .map(|i| {
            let mut cur = &v;
            for part in i.kunci.split('.') {
                cur = cur.get(part).unwrap_or(&Value::Null);
            }
            let teks = match cur {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Bool(b) => if *b { "1" } else { "" }.to_string(),
                other => other.to_string(),
            };
            (i.kunci.to_string(), teks)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::riwayat::RiwayatGolongan;

    fn m(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn golongan_row_reads_from_text_fields() {
        let data = baca(
            JenisRiwayat::Golongan,
            &m(&[
                ("golongan", "32"),
                ("jenis_kp_id", "101"),
                ("tmt_golongan", "2024-04-01"),
                ("sk.nomor", "823/KP/2024"),
                ("sk.tanggal", "2024-03-15"),
                ("masa_kerja_tahun", "10"),
                ("masa_kerja_bulan", "0"),
                ("angka_kredit_utama", "12,5"),
            ]),
            None,
        )
        .unwrap();
        let DataRiwayat::Golongan(RiwayatGolongan {
            golongan,
            sk,
            angka_kredit_utama,
            nomor_pertek,
            ..
        }) = &data
        else {
            panic!("{data:?}")
        };
        assert_eq!(golongan.label(), "III/b");
        assert_eq!(sk.nomor, "823/KP/2024");
        assert_eq!(*angka_kredit_utama, Some(12.5));
        assert_eq!(*nomor_pertek, None);
        // And back to the same text.
        let back = tulis(&data);
        assert_eq!(back["golongan"], "32");
        assert_eq!(back["tmt_golongan"], "2024-04-01");
        assert_eq!(baca(JenisRiwayat::Golongan, &back, None).unwrap(), data);
    }

    #[test]
    fn every_kind_has_fields_that_name_real_struct_fields() {
        // Filling every field with a plausible value must give a row of that kind (kinds only
        // a service's decree writes are never read from a form).
        for jenis in JenisRiwayat::SEMUA
            .into_iter()
            .filter(|j| !j.lewat_layanan())
        {
            let nilai: BTreeMap<String, String> = isian(jenis)
                .iter()
                .map(|i| {
                    let v = match i.tipe {
                        Tipe::Tanggal | Tipe::TanggalOps => "2020-01-02",
                        Tipe::Bulat => "3",
                        Tipe::Desimal | Tipe::DesimalOps => "80.5",
                        Tipe::YaTidak => "1",
                        Tipe::Pilihan(p) => p[0].0,
                        Tipe::Golongan | Tipe::GolonganOps => "31",
                        Tipe::Teks | Tipe::TeksOps | Tipe::Ref(_) | Tipe::RefOps(_) => {
                            if i.kunci == "nik" { "" } else { "X1" }
                        }
                    };
                    (i.kunci.to_string(), v.to_string())
                })
                .collect();
            let data = baca(jenis, &nilai, None).unwrap_or_else(|e| panic!("{jenis:?}: {e:?}"));
            assert_eq!(data.jenis(), jenis);
        }
    }

    #[test]
    fn errors_name_the_field() {
        let e = baca(
            JenisRiwayat::Diklat,
            &m(&[("tanggal_mulai", "31-12-2020"), ("jumlah_jam", "banyak")]),
            None,
        )
        .unwrap_err();
        let keys: Vec<_> = e.iter().map(|x| x.kunci.as_str()).collect();
        assert!(keys.contains(&"tanggal_mulai"));
        assert!(keys.contains(&"jumlah_jam"));
        assert!(keys.contains(&"nama"));
        assert!(!keys.contains(&"tanggal_selesai") || keys.len() > 3);
    }
}
