//! The rarer histories of a demo employee: PMK, CLTN, discipline, credit points, transfers.

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::Sk;
use siasn_domain::riwayat::{
    DataRiwayat, RiwayatAngkaKredit, RiwayatCltn, RiwayatHukumanDisiplin, RiwayatPindahInstansi,
    RiwayatPmk, TingkatHukuman,
};
use siasn_domain::tanggal::BulanTahun;

use crate::acak::Acak;
use crate::konteks::{Konteks, Penomoran};
use crate::nama::NAMA_BELAKANG;

use crate::draf::Draf;

/// PMK, CLTN, discipline, credit points and transfers: each only for a few people.
pub fn jarang(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    tmt: NaiveDate,
    kode: &str,
) {
    if a.peluang(0.03) {
        jarang_pmk(k, n, a, d, tmt, kode);
    }
    if a.peluang(0.005) {
        jarang_cltn(k, n, a, d, tmt, kode);
    }
    if a.peluang(0.012) {
        jarang_hukdis(k, n, a, d, tmt, kode);
    }
    jarang_angka_kredit(k, n, a, d, kode);
    if a.peluang(0.03) {
        jarang_pindah(k, n, a, d, kode);
    }
}

/// Prior service credited (PMK), for about 3 in 100.
fn jarang_pmk(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    tmt: NaiveDate,
    kode: &str,
) {
    let hari_ini = k.hari_ini;
    let selesai = tmt - chrono::Duration::days(a.antara(30, 400));
    let mulai = selesai - chrono::Duration::days(a.antara(2 * 365, 6 * 365));
    // Private-sector service is credited at half (PP 7/1977 as amended).
    let bulan = siasn_domain::tanggal::bulan_penuh(mulai, selesai) / 2;
    let tanggal_sk = d.pegawai.tmt_pns.unwrap_or(tmt) + chrono::Duration::days(a.antara(30, 300));
    if tanggal_sk <= hari_ini {
        d.tambah(
            DataRiwayat::Pmk(RiwayatPmk {
                instansi_atau_perusahaan: format!("PT {}", a.pilih(NAMA_BELAKANG)),
                tanggal_mulai: mulai,
                tanggal_selesai: selesai,
                masa_kerja_tahun: bulan / 12,
                masa_kerja_bulan: bulan % 12,
                sk: Sk {
                    nomor: n.nomor_sk("PMK", kode, tanggal_sk.year()),
                    tanggal: tanggal_sk,
                },
            }),
            n,
            a,
        );
    }
}

/// Unpaid leave (CLTN), for about 1 in 200; still on leave means kedudukan CLTN.
fn jarang_cltn(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    tmt: NaiveDate,
    kode: &str,
) {
    let hari_ini = k.hari_ini;
    let mulai = tmt.checked_add_months(Months::new(a.antara(4, 10) as u32 * 12));
    if let Some(mulai) = mulai.filter(|m| *m < hari_ini) {
        let selesai = mulai
            .checked_add_months(Months::new(a.antara(12, 36) as u32))
            .unwrap_or(mulai)
            .pred_opt()
            .unwrap_or(mulai);
        let kembali = (selesai < hari_ini).then(|| selesai + chrono::Duration::days(1));
        if kembali.is_none() {
            d.pegawai.kedudukan_hukum_id = "02".into();
        }
        d.tambah(
            DataRiwayat::Cltn(RiwayatCltn {
                jenis_cltn: 1,
                tanggal_mulai: mulai,
                tanggal_selesai: selesai,
                tanggal_aktif_kembali: kembali,
                sk: Sk {
                    nomor: n.nomor_sk("CLTN", kode, mulai.year()),
                    tanggal: mulai - chrono::Duration::days(30),
                },
                nomor_pertek: None,
                tanggal_pertek: None,
                diperpanjang: false,
            }),
            n,
            a,
        );
    }
}

/// A disciplinary penalty, for about 1 in 80, with its decree.
fn jarang_hukdis(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    tmt: NaiveDate,
    kode: &str,
) {
    let hari_ini = k.hari_ini;
    let hari = (hari_ini - tmt).num_days().max(1);
    let tmt_hukuman = tmt + chrono::Duration::days(a.antara(0, hari - 1));
    let berat = a.peluang(0.2);
    let rid = d.tambah(
        DataRiwayat::HukumanDisiplin(RiwayatHukumanDisiplin {
            jenis_hukuman_id: if berat {
                "PEMOTONGAN_TUKIN_25_12"
            } else {
                "TEGURAN_TERTULIS"
            }
            .into(),
            tingkat: if berat {
                TingkatHukuman::Sedang
            } else {
                TingkatHukuman::Ringan
            },
            alasan: "Tidak masuk kerja tanpa alasan yang sah".into(),
            tmt_hukuman,
            masa_bulan: if berat { 12 } else { 0 },
            sk: Sk {
                nomor: n.nomor_sk("862", kode, tmt_hukuman.year()),
                tanggal: tmt_hukuman - chrono::Duration::days(7),
            },
        }),
        n,
        a,
    );
    d.dokumen(k, n, a, rid, "882", "SK Hukuman Disiplin.pdf");
}

/// Credit-point assessments of a functional position, every one to three years.
fn jarang_angka_kredit(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf, kode: &str) {
    let hari_ini = k.hari_ini;
    if d.jabatan_fungsional
        && let Some(mulai) = d.pegawai.tmt_jabatan
    {
        let nama_jabatan = d.pegawai.nama_jabatan.clone().unwrap_or_default();
        let mut awal = BulanTahun::of(mulai);
        let mut pertama = true;
        while awal.tambah_bulan(12).hari_pertama() <= hari_ini {
            let akhir = awal.tambah_bulan(11);
            let utama = a.antara(1200, 5000) as f64 / 100.0;
            let penunjang = a.antara(0, 500) as f64 / 100.0;
            let tanggal_sk = akhir.tambah_bulan(2).hari_pertama();
            let rid = d.tambah(
                DataRiwayat::AngkaKredit(RiwayatAngkaKredit {
                    nama_jabatan: nama_jabatan.clone(),
                    mulai_penilaian: awal,
                    selesai_penilaian: akhir,
                    kredit_utama: utama,
                    kredit_penunjang: penunjang,
                    kredit_total: utama + penunjang,
                    pertama,
                    sk: Sk {
                        nomor: n.nomor_sk("PAK", kode, tanggal_sk.year()),
                        tanggal: tanggal_sk,
                    },
                }),
                n,
                a,
            );
            d.dokumen(k, n, a, rid, "880", "SK PAK.pdf");
            pertama = false;
            awal = awal.tambah_bulan(12 * a.antara(1, 3) as i32);
        }
    }
}

/// A transfer from another agency, for about 3 in 100.
fn jarang_pindah(k: &Konteks, n: &mut Penomoran, a: &mut Acak, d: &mut Draf, kode: &str) {
    let hari_ini = k.hari_ini;
    let lain: Vec<&str> = k
        .instansi
        .iter()
        .map(|i| i.template.id)
        .filter(|id| *id != kode)
        .collect();
    let tmt_pindah = d
        .pegawai
        .tmt_pns
        .and_then(|t| t.checked_add_months(Months::new(a.antara(2, 8) as u32 * 12)))
        .map(|t| BulanTahun::of(t).hari_pertama());
    if let (Some(asal), Some(tmt_pindah)) =
        (lain.first().copied().map(|_| *a.pilih(&lain)), tmt_pindah)
        && tmt_pindah <= hari_ini
    {
        d.tambah(
            DataRiwayat::PindahInstansi(RiwayatPindahInstansi {
                instansi_asal_id: asal.into(),
                instansi_tujuan_id: kode.into(),
                unor_tujuan_id: Some(d.unor.id),
                tmt_pindah,
                sk: Sk {
                    nomor: n.nomor_sk("PI", kode, tmt_pindah.year()),
                    tanggal: tmt_pindah - chrono::Duration::days(45),
                },
                rincian: None,
            }),
            n,
            a,
        );
    }
}
