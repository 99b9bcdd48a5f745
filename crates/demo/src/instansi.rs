//! Demo agencies: central and regional, each with a realistic unit tree.

use siasn_domain::instansi::{Instansi, JenisInstansi, Unor};
use uuid::Uuid;

use crate::acak::Acak;

/// A demo agency template: id, name, kind, Kanreg, NIK region prefix of its area, weight (share
/// of employees), unit tree.
pub struct TemplateInstansi {
    /// Agency id.
    pub id: &'static str,
    /// Name.
    pub nama: &'static str,
    /// Central or regional.
    pub jenis: JenisInstansi,
    /// Kanreg code.
    pub kanreg_id: &'static str,
    /// Region code (province+regency) for NIKs of people from the area.
    pub kode_wilayah: &'static str,
    /// Relative number of employees.
    pub bobot: u32,
    /// Top units with their sub-units.
    pub unor: &'static [(&'static str, &'static [&'static str])],
}

/// The demo agencies.
pub const INSTANSI: &[TemplateInstansi] = &[
    TemplateInstansi {
        id: "KEMENPANRB",
        nama: "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        jenis: JenisInstansi::Pusat,
        kanreg_id: "05",
        kode_wilayah: "3171",
        bobot: 6,
        unor: &[
            (
                "Sekretariat Kementerian",
                &[
                    "Biro Umum",
                    "Biro SDM dan Organisasi",
                    "Biro Perencanaan dan Keuangan",
                ],
            ),
            (
                "Deputi Bidang Sumber Daya Manusia Aparatur",
                &[
                    "Asisten Deputi Perencanaan SDM",
                    "Asisten Deputi Kinerja SDM",
                ],
            ),
            (
                "Deputi Bidang Kelembagaan dan Tata Laksana",
                &["Asisten Deputi Kelembagaan", "Asisten Deputi Tata Laksana"],
            ),
        ],
    },
    TemplateInstansi {
        id: "BKN",
        nama: "Badan Kepegawaian Negara",
        jenis: JenisInstansi::Pusat,
        kanreg_id: "05",
        kode_wilayah: "3175",
        bobot: 10,
        unor: &[
            (
                "Sekretariat Utama",
                &["Biro Umum", "Biro SDM", "Biro Humas, Hukum dan Kerja Sama"],
            ),
            (
                "Deputi Bidang Mutasi Kepegawaian",
                &[
                    "Direktorat Status dan Kedudukan Kepegawaian",
                    "Direktorat Pensiun PNS dan Pejabat Negara",
                ],
            ),
            (
                "Deputi Bidang Sistem Informasi Kepegawaian",
                &[
                    "Direktorat Pengolahan Data dan Penyajian Informasi",
                    "Direktorat Sistem Informasi",
                ],
            ),
        ],
    },
    TemplateInstansi {
        id: "PROV-JABAR",
        nama: "Pemerintah Provinsi Jawa Barat",
        jenis: JenisInstansi::Daerah,
        kanreg_id: "03",
        kode_wilayah: "3273",
        bobot: 30,
        unor: &[
            (
                "Sekretariat Daerah",
                &["Biro Organisasi", "Biro Hukum dan HAM", "Biro Umum"],
            ),
            (
                "Badan Kepegawaian Daerah",
                &[
                    "Bidang Mutasi",
                    "Bidang Pengembangan Kompetensi",
                    "Bidang Data dan Informasi",
                ],
            ),
            (
                "Dinas Pendidikan",
                &[
                    "SMA Negeri 3 Bandung",
                    "SMK Negeri 1 Cimahi",
                    "Bidang Pembinaan SMA",
                ],
            ),
            (
                "Dinas Kesehatan",
                &["RSUD Al Ihsan", "Bidang Pelayanan Kesehatan"],
            ),
        ],
    },
    TemplateInstansi {
        id: "KOTA-BANDUNG",
        nama: "Pemerintah Kota Bandung",
        jenis: JenisInstansi::Daerah,
        kanreg_id: "03",
        kode_wilayah: "3273",
        bobot: 22,
        unor: &[
            ("Sekretariat Daerah", &["Bagian Organisasi", "Bagian Umum"]),
            (
                "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                &[
                    "Bidang Mutasi dan Promosi",
                    "Bidang Pengembangan Kompetensi",
                ],
            ),
            (
                "Dinas Pendidikan",
                &[
                    "SD Negeri 1 Bandung",
                    "SMP Negeri 2 Bandung",
                    "SMP Negeri 5 Bandung",
                ],
            ),
            (
                "Dinas Kesehatan",
                &[
                    "Puskesmas Garuda",
                    "Puskesmas Puter",
                    "UPT Laboratorium Kesehatan",
                ],
            ),
            (
                "Kecamatan Coblong",
                &["Kelurahan Dago", "Kelurahan Lebak Siliwangi"],
            ),
        ],
    },
    TemplateInstansi {
        id: "KAB-SLEMAN",
        nama: "Pemerintah Kabupaten Sleman",
        jenis: JenisInstansi::Daerah,
        kanreg_id: "01",
        kode_wilayah: "3404",
        bobot: 18,
        unor: &[
            ("Sekretariat Daerah", &["Bagian Organisasi", "Bagian Umum"]),
            (
                "Badan Kepegawaian, Pendidikan dan Pelatihan",
                &["Bidang Mutasi", "Bidang Diklat"],
            ),
            (
                "Dinas Pendidikan",
                &["SD Negeri Depok 1", "SMP Negeri 1 Sleman"],
            ),
            ("Dinas Kesehatan", &["Puskesmas Depok I", "RSUD Sleman"]),
        ],
    },
    TemplateInstansi {
        id: "KAB-GOWA",
        nama: "Pemerintah Kabupaten Gowa",
        jenis: JenisInstansi::Daerah,
        kanreg_id: "04",
        kode_wilayah: "7306",
        bobot: 14,
        unor: &[
            ("Sekretariat Daerah", &["Bagian Organisasi", "Bagian Umum"]),
            (
                "Badan Kepegawaian dan Pengembangan SDM",
                &["Bidang Mutasi", "Bidang Pengembangan"],
            ),
            (
                "Dinas Pendidikan",
                &["SD Inpres Sungguminasa", "SMP Negeri 1 Sungguminasa"],
            ),
            (
                "Dinas Kesehatan",
                &["Puskesmas Somba Opu", "RSUD Syekh Yusuf"],
            ),
        ],
    },
];

/// A demo agency with its units, and which units take employees (the leaves).
pub struct InstansiDemo {
    /// The agency.
    pub instansi: Instansi,
    /// All units, parents first.
    pub unor: Vec<Unor>,
    /// Leaf units (where people work).
    pub daun: Vec<usize>,
    /// Template it came from.
    pub template: &'static TemplateInstansi,
}

/// Builds the demo agencies and their unit trees (ids drawn from `acak`).
pub fn buat(acak: &mut Acak, id_baru: &mut impl FnMut(&mut Acak) -> Uuid) -> Vec<InstansiDemo> {
    INSTANSI
        .iter()
        .map(|t| {
            let mut unor = Vec::new();
            let mut daun = Vec::new();
            for (induk, anak) in t.unor {
                let induk_id = id_baru(acak);
                unor.push(Unor {
                    id: induk_id,
                    instansi_id: t.id.to_string(),
                    induk_id: None,
                    nama: (*induk).to_string(),
                    eselon_id: Some(
                        if t.jenis == JenisInstansi::Pusat {
                            "11"
                        } else {
                            "22"
                        }
                        .into(),
                    ),
                    nama_jabatan_kepala: Some(format!("Kepala {induk}")),
                });
                for a in *anak {
                    daun.push(unor.len());
                    unor.push(Unor {
                        id: id_baru(acak),
                        instansi_id: t.id.to_string(),
                        induk_id: Some(induk_id),
                        nama: (*a).to_string(),
                        eselon_id: Some(
                            if t.jenis == JenisInstansi::Pusat {
                                "22"
                            } else {
                                "31"
                            }
                            .into(),
                        ),
                        nama_jabatan_kepala: Some(format!("Kepala {a}")),
                    });
                }
            }
            InstansiDemo {
                instansi: Instansi {
                    id: t.id.to_string(),
                    nama: t.nama.to_string(),
                    jenis: t.jenis,
                    kanreg_id: t.kanreg_id.to_string(),
                    kode_cepat: None,
                },
                unor,
                daun,
                template: t,
            }
        })
        .collect()
}
