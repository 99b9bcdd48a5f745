//! One demo PNS: birth, appointment, rank history in the 4-year rhythm within the education
//! ceiling, positions, education, training, SKP, awards, family and the rarer histories.

use chrono::{Datelike, Months, NaiveDate};
use siasn_domain::golongan::Golongan;
use siasn_domain::kenaikan_pangkat::periode_berikutnya;
use siasn_domain::nip::{JenisKelamin, Nip};
use siasn_domain::pegawai::{JenisPegawai, NomorInduk};
use siasn_domain::riwayat::{
    DataRiwayat, RiwayatCpnsPns, RiwayatGaji, RiwayatGolongan, RiwayatJabatan, StatusKepegawaian,
};
use siasn_domain::tanggal::{BulanTahun, bulan_penuh};
use siasn_domain::{Sk, pensiun};

use crate::acak::Acak;
use crate::draf::Draf;
use crate::konteks::{Konteks, Penomoran};
use crate::orang::{Calon, dasar_pegawai, pendidikan_rows, tambah_umum};

/// Education mix of PNS: (tingkat id, weight).
const PENDIDIKAN_PNS: &[(&str, u32)] = &[
    ("15", 15),
    ("30", 14),
    ("35", 3),
    ("40", 45),
    ("45", 19),
    ("50", 4),
];

/// Age range at CPNS by education.
fn usia_masuk(tingkat: &str) -> (i64, i64) {
    match tingkat {
        "15" => (19, 28),
        "30" => (21, 30),
        "35" | "40" => (23, 33),
        "45" => (26, 35),
        _ => (30, 38),
    }
}

/// Generates one PNS; None when the drawn numbers cannot make a valid NIP (tried again).
pub fn buat(k: &Konteks, n: &mut Penomoran, a: &mut Acak) -> Option<Draf> {
    let hari_ini = k.hari_ini;
    let tingkat_id = a.berbobot(PENDIDIKAN_PNS);
    let tingkat = k.tingkat(tingkat_id)?;
    let awal = tingkat.golongan_awal?;
    let maks = tingkat.golongan_maks.unwrap_or(Golongan::IVE);
    let (min_masuk, max_masuk) = usia_masuk(tingkat_id);
    // A few are past working age: retired, or still in a post with a later BUP.
    let usia = if a.peluang(0.03) {
        a.antara(58, 64)
    } else {
        a.antara((min_masuk + 1).max(22), 57)
    };
    let lahir = hari_ini
        .checked_sub_months(Months::new((usia * 12) as u32))?
        .checked_sub_days(chrono::Days::new(a.antara(0, 364) as u64))?;
    let usia_cpns = a.antara(min_masuk, max_masuk.min(usia - 1));
    let batas_cpns = BulanTahun::of(hari_ini).tambah_bulan(-14).hari_pertama();
    let tmt_cpns = BulanTahun::of(lahir)
        .tambah_bulan((usia_cpns * 12 + a.antara(0, 11)) as i32)
        .hari_pertama()
        .min(batas_cpns)
        .max(
            BulanTahun::of(lahir)
                .tambah_bulan(18 * 12 + 1)
                .hari_pertama(),
        );
    let tmt_pns = BulanTahun::of(tmt_cpns)
        .tambah_bulan(a.antara(12, 24) as i32)
        .hari_pertama()
        .min(hari_ini);
    let jk = if a.peluang(0.5) {
        JenisKelamin::Perempuan
    } else {
        JenisKelamin::LakiLaki
    };
    let prefix = Nip::compose(lahir, BulanTahun::of(tmt_cpns), jk, 0).ok()?;
    let urut = n.urut_nip(prefix.as_str()[..15].to_string())?;
    let nip = Nip::compose(lahir, BulanTahun::of(tmt_cpns), jk, urut).ok()?;

    let instansi_index = a.berbobot(&bobot_instansi(k));
    let mut d = dasar_pegawai(
        k,
        n,
        a,
        Calon {
            jenis: JenisPegawai::Pns,
            nomor_induk: NomorInduk::Nip(nip),
            lahir,
            jenis_kelamin: jk,
            instansi_index,
            tingkat_id,
            tmt_cpns,
        },
    );
    let kode_instansi = k.instansi[instansi_index].instansi.id.clone();
    d.pegawai.tmt_pns = Some(tmt_pns);

    let sk_cpns = pengangkatan(k, n, a, &mut d, &kode_instansi, awal, tmt_cpns, tmt_pns);
    let (riwayat_golongan, tertunda) = kenaikan_pangkat(
        k,
        n,
        a,
        &mut d,
        &kode_instansi,
        (awal, maks),
        tmt_cpns,
        sk_cpns,
    )?;
    let (golongan, tmt_golongan) = *riwayat_golongan.last()?;
    d.pegawai.golongan = Some(golongan);
    d.pegawai.tmt_golongan = Some(tmt_golongan);

    let jabatan_akhir = karier(k, n, a, &mut d, &riwayat_golongan, tmt_pns, &kode_instansi);
    pendidikan_rows(k, n, a, &mut d, tingkat_id);
    tambah_umum(k, n, a, &mut d, true);

    gaji(
        n,
        a,
        &mut d,
        &kode_instansi,
        golongan,
        tmt_cpns,
        tmt_golongan,
        hari_ini,
    );

    // Retired once TMT pensiun (BUP of the last post) has passed, by a decree on record.
    let bup = pensiun::bup(jabatan_akhir.and_then(|id| k.ref_jabatan(id)));
    let tmt_pensiun = pensiun::hitung(lahir, bup).tmt_pensiun;
    if tmt_pensiun <= hari_ini {
        d.pegawai.kedudukan_hukum_id = "99".into();
        d.tambah(
            siasn_domain::DataRiwayat::Pemberhentian(siasn_domain::riwayat::RiwayatPemberhentian {
                jenis_pemberhentian: 1,
                jenis_pensiun: 1,
                kedudukan_hukum_id: "99".into(),
                tmt: tmt_pensiun,
                berhak_pensiun: true,
                instansi_asal_id: kode_instansi.clone(),
                nomor_pertek: Some(n.nomor_sk(
                    "PERTEK-PENSIUN",
                    &kode_instansi,
                    tmt_pensiun.year(),
                )),
                tanggal_pertek: Some(tmt_pensiun - chrono::Duration::days(120)),
                sk: Sk {
                    nomor: n.nomor_sk("SK-PENSIUN", &kode_instansi, tmt_pensiun.year()),
                    tanggal: tmt_pensiun - chrono::Duration::days(90),
                },
            }),
            n,
            a,
        );
    } else if a.peluang(0.01) {
        d.pegawai.kedudukan_hukum_id = "03".into();
    }
    if let Some(id) = tertunda {
        tunda_kenaikan(&mut d, id, &riwayat_golongan);
    }
    Some(d)
}

/// The id of a generated promotion row the employee is due for but has not received yet.
type Tertunda = uuid::Uuid;

/// The ranks generated, with their TMT.
type PangkatDemo = Vec<(Golongan, NaiveDate)>;

/// Undoes a generated last promotion (the employee is due, not promoted yet): the rank row
/// goes, the record's rank and the salary row fall back to the rank before.
fn tunda_kenaikan(d: &mut Draf, id: uuid::Uuid, riwayat_golongan: &[(Golongan, NaiveDate)]) {
    let Some(&(lama, tmt_lama)) = riwayat_golongan.iter().rev().nth(1) else {
        return;
    };
    d.riwayat.retain(|r| r.id != id);
    d.pegawai.golongan = Some(lama);
    d.pegawai.tmt_golongan = Some(tmt_lama);
    for r in &mut d.riwayat {
        if let DataRiwayat::Gaji(g) = &mut r.data {
            g.golongan = Some(lama);
            g.gaji_pokok = gaji_pokok(lama, g.masa_kerja_tahun);
        }
    }
}

/// The CPNS and PNS appointment decrees with their documents; the SK CPNS, which is also the
/// first rank's decree.
#[allow(clippy::too_many_arguments)]
fn pengangkatan(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    kode_instansi: &str,
    awal: Golongan,
    tmt_cpns: NaiveDate,
    tmt_pns: NaiveDate,
) -> Sk {
    let sk_cpns = Sk {
        nomor: n.nomor_sk("813", kode_instansi, tmt_cpns.year()),
        tanggal: tmt_cpns - chrono::Duration::days(a.antara(20, 60)),
    };
    let sk_pns = Sk {
        nomor: n.nomor_sk("821.13", kode_instansi, tmt_pns.year()),
        tanggal: tmt_pns - chrono::Duration::days(a.antara(10, 45)),
    };
    let cpns_id = d.tambah(
        DataRiwayat::CpnsPns(RiwayatCpnsPns {
            status: StatusKepegawaian::Cpns,
            tmt: tmt_cpns,
            sk: sk_cpns.clone(),
            golongan: Some(awal),
            nomor_spmt: Some(n.nomor_sk("800", kode_instansi, tmt_cpns.year())),
            tanggal_spmt: Some(tmt_cpns),
            nomor_sttpl: None,
            tanggal_sttpl: None,
        }),
        n,
        a,
    );
    d.dokumen(k, n, a, cpns_id, "889", "SK CPNS.pdf");
    let pns_id = d.tambah(
        DataRiwayat::CpnsPns(RiwayatCpnsPns {
            status: StatusKepegawaian::Pns,
            tmt: tmt_pns,
            sk: sk_pns,
            golongan: Some(awal),
            nomor_spmt: None,
            tanggal_spmt: None,
            nomor_sttpl: Some(format!("STTPL/{}/{}", n.sk_ke % 10_000, tmt_pns.year())),
            tanggal_sttpl: Some(tmt_pns - chrono::Duration::days(90)),
        }),
        n,
        a,
    );
    d.dokumen(k, n, a, pns_id, "887", "SK PNS.pdf");
    sk_cpns
}

/// Rank: from recruitment, then every 4 years (sometimes later), never past the ceiling;
/// the ranks with their TMT, first to last.
#[allow(clippy::too_many_arguments)]
fn kenaikan_pangkat(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    kode_instansi: &str,
    (awal, maks): (Golongan, Golongan),
    tmt_cpns: NaiveDate,
    sk_cpns: Sk,
) -> Option<(PangkatDemo, Option<Tertunda>)> {
    let hari_ini = k.hari_ini;
    let mut golongan = awal;
    let mut tmt_golongan = tmt_cpns;
    let mut riwayat_golongan = vec![(awal, tmt_cpns)];
    let mut terakhir = None;
    d.tambah(
        DataRiwayat::Golongan(RiwayatGolongan {
            golongan: awal,
            jenis_kp_id: "211".into(),
            tmt_golongan: tmt_cpns,
            sk: sk_cpns,
            nomor_pertek: None,
            tanggal_pertek: None,
            masa_kerja_tahun: 0,
            masa_kerja_bulan: 0,
            angka_kredit_utama: None,
            angka_kredit_tambahan: None,
        }),
        n,
        a,
    );
    while let Some(next) = golongan.berikutnya() {
        if next > maks {
            break;
        }
        let tunda = if a.peluang(0.75) { 0 } else { a.antara(1, 3) };
        let paling_cepat = tmt_golongan.checked_add_months(Months::new((4 + tunda as u32) * 12))?;
        let Some(periode) = periode_berikutnya(&k.kalender, paling_cepat) else {
            break;
        };
        if periode > hari_ini {
            break;
        }
        let tanggal_sk = periode - chrono::Duration::days(a.antara(15, 60));
        let mk = bulan_penuh(tmt_cpns, periode);
        terakhir = Some(d.tambah(
            DataRiwayat::Golongan(RiwayatGolongan {
                golongan: next,
                jenis_kp_id: "101".into(),
                tmt_golongan: periode,
                sk: Sk {
                    nomor: n.nomor_sk("823.3", kode_instansi, tanggal_sk.year()),
                    tanggal: tanggal_sk,
                },
                nomor_pertek: Some(format!("PT-{}/KP/{}", n.sk_ke % 100_000, tanggal_sk.year())),
                tanggal_pertek: Some(tanggal_sk - chrono::Duration::days(a.antara(5, 20))),
                masa_kerja_tahun: mk / 12,
                masa_kerja_bulan: mk % 12,
                angka_kredit_utama: None,
                angka_kredit_tambahan: None,
            }),
            n,
            a,
        ));
        golongan = next;
        tmt_golongan = periode;
        riwayat_golongan.push((next, periode));
    }
    // Half of those whose last promotion fell due this past year are not promoted yet: the
    // promotion service's work, so the prediction and its cases have someone to show. Decided
    // from the row's id and undone by the caller after the fact, so the rest of the demo draws
    // the same numbers.
    let setahun_lalu = hari_ini
        .checked_sub_months(Months::new(12))
        .unwrap_or(hari_ini);
    let tertunda = match (terakhir, riwayat_golongan.last()) {
        (Some(id), Some(&(_, tmt)))
            if riwayat_golongan.len() > 1 && tmt > setahun_lalu && id.as_bytes()[15] % 2 == 0 =>
        {
            Some(id)
        }
        _ => None,
    };
    Some((riwayat_golongan, tertunda))
}

/// Salary: the latest regular increase (every 2 years of service).
#[allow(clippy::too_many_arguments)]
fn gaji(
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    kode_instansi: &str,
    golongan: Golongan,
    tmt_cpns: NaiveDate,
    tmt_golongan: NaiveDate,
    hari_ini: NaiveDate,
) {
    let mk = bulan_penuh(tmt_cpns, hari_ini) / 12;
    let mk_gaji = mk - mk % 2;
    let tmt_gaji = tmt_cpns
        .checked_add_months(Months::new(mk_gaji * 12))
        .unwrap_or(tmt_cpns)
        .max(tmt_golongan);
    d.tambah(
        DataRiwayat::Gaji(RiwayatGaji {
            golongan: Some(golongan),
            gaji_pokok: gaji_pokok(golongan, mk_gaji),
            masa_kerja_tahun: mk_gaji,
            tmt_gaji,
            sk: Sk {
                nomor: n.nomor_sk("822.2", kode_instansi, tmt_gaji.year()),
                tanggal: tmt_gaji - chrono::Duration::days(30),
            },
        }),
        n,
        a,
    );
}

/// Weights of agencies for drawing where someone works.
pub fn bobot_instansi(k: &Konteks) -> Vec<(usize, u32)> {
    k.instansi
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x.template.bobot))
        .collect()
}

/// The golongan held on `tanggal`.
fn golongan_pada(riwayat: &[(Golongan, NaiveDate)], tanggal: NaiveDate) -> Golongan {
    riwayat
        .iter()
        .rev()
        .find(|(_, tmt)| *tmt <= tanggal)
        .or(riwayat.first())
        .map_or(Golongan::IIA, |(g, _)| *g)
}

/// Positions over the career; returns the reference id of the last one.
fn karier(
    k: &Konteks,
    n: &mut Penomoran,
    a: &mut Acak,
    d: &mut Draf,
    golongan: &[(Golongan, NaiveDate)],
    tmt_pns: NaiveDate,
    kode_instansi: &str,
) -> Option<&'static str> {
    let hari_ini = k.hari_ini;
    let unor = d.unor.clone();
    let mut posts: Vec<(NaiveDate, &'static str, String, Option<&'static str>)> = Vec::new();
    let tmt_cpns = d.pegawai.tmt_cpns.unwrap_or(tmt_pns);
    posts.push((tmt_cpns, "PELAKSANA", pelaksana(a), None));

    let unit = unor.nama.to_lowercase();
    let sekolah = ["sd ", "smp", "sma", "smk", "pendidikan"]
        .iter()
        .any(|s| unit.contains(s));
    let kesehatan = ["puskesmas", "rsud", "kesehatan", "laboratorium"]
        .iter()
        .any(|s| unit.contains(s));
    let mulai_jf = tmt_pns.checked_add_months(Months::new(a.antara(0, 6) as u32 * 12));
    if (sekolah || kesehatan || a.peluang(0.3))
        && let Some(mulai) = mulai_jf.filter(|m| *m <= hari_ini)
    {
        let gol = golongan_pada(golongan, mulai);
        let id = jf_untuk(sekolah, kesehatan, gol, a);
        posts.push((mulai, id, nama_ref(k, id), None));
    } else if d.pegawai.tingkat_pendidikan_id.as_deref() >= Some("35")
        && a.peluang(0.25)
        && let Some(mulai) = tmt_pns
            .checked_add_months(Months::new(a.antara(6, 12) as u32 * 12))
            .filter(|m| *m <= hari_ini && golongan_pada(golongan, *m) >= Golongan::IIIB)
    {
        {
            let nama = format!("Kepala Subbagian {}", subbagian(a));
            posts.push((mulai, "PENGAWAS", nama, Some("41")));
            if let Some(naik) = mulai
                .checked_add_months(Months::new(a.antara(4, 7) as u32 * 12))
                .filter(|m| *m <= hari_ini && golongan_pada(golongan, *m) >= Golongan::IIID)
                .filter(|_| a.peluang(0.4))
            {
                let nama = format!("Kepala {}", unor.nama);
                posts.push((naik, "ADMINISTRATOR", nama, Some("31")));
            }
        }
    }

    let mut last = None;
    for (tmt, id, nama, eselon) in posts {
        let jenis = k
            .ref_jabatan(id)
            .map_or("4".to_string(), |j| j.jenis_jabatan_id.clone());
        let tanggal_sk = tmt - chrono::Duration::days(a.antara(7, 40));
        let rid = d.tambah(
            DataRiwayat::Jabatan(RiwayatJabatan {
                jenis_jabatan_id: jenis.clone(),
                jabatan_id: Some(id.to_string()),
                nama_jabatan: nama.clone(),
                instansi_id: kode_instansi.to_string(),
                unor_id: Some(unor.id),
                nama_unor: unor.nama.clone(),
                eselon_id: eselon.map(str::to_string),
                jenis_penugasan_id: Some("D".into()),
                jenis_mutasi_id: None,
                tmt_jabatan: tmt,
                tmt_pelantikan: eselon.map(|_| tmt),
                sk: Sk {
                    nomor: n.nomor_sk("821.2", kode_instansi, tanggal_sk.year()),
                    tanggal: tanggal_sk,
                },
            }),
            n,
            a,
        );
        d.dokumen(k, n, a, rid, "872", "SK Jabatan.pdf");
        d.pegawai.jabatan_id = Some(id.to_string());
        d.pegawai.nama_jabatan = Some(nama);
        d.pegawai.jenis_jabatan_id = Some(jenis);
        d.pegawai.eselon_id = eselon.map(str::to_string);
        d.pegawai.tmt_jabatan = Some(tmt);
        d.jabatan_fungsional = id != "PELAKSANA" && eselon.is_none();
        if eselon.is_some() {
            d.struktural = Some(eselon == Some("31"));
        }
        last = Some(id);
    }
    last
}

fn jf_untuk(sekolah: bool, kesehatan: bool, gol: Golongan, a: &mut Acak) -> &'static str {
    if sekolah {
        return match gol {
            g if g >= Golongan::IVA => "GURU-AMD",
            g if g >= Golongan::IIIC => "GURU-AM",
            _ => "GURU-AP",
        };
    }
    if kesehatan {
        return match gol {
            g if g < Golongan::IIIA => "PERAWAT-T",
            g if g >= Golongan::IVA => "DOKTER-AMD",
            _ if a.peluang(0.3) => "DOKTER-AP",
            _ => "PERAWAT-T",
        };
    }
    match gol {
        g if g < Golongan::IIIA => "PRAKOM-T",
        g if g >= Golongan::IVA => a.pilih::<&str>(&["ANKEP-AMD", "PERENCANA-AMD"]),
        g if g >= Golongan::IIIC => a.pilih::<&str>(&["ANKEP-AM", "PERENCANA-AM"]),
        _ => a.pilih::<&str>(&["ANKEP-AP", "PRAKOM-AP"]),
    }
}

fn nama_ref(k: &Konteks, id: &str) -> String {
    k.ref_jabatan(id)
        .map_or_else(|| id.to_string(), |j| j.nama.clone())
}

fn pelaksana(a: &mut Acak) -> String {
    (*a.pilih(&[
        "Pengadministrasi Umum",
        "Pengelola Data",
        "Pengadministrasi Kepegawaian",
        "Pengelola Keuangan",
        "Pengadministrasi Perkantoran",
        "Penata Laporan Keuangan",
        "Pengelola Sistem Informasi",
    ]))
    .to_string()
}

fn subbagian(a: &mut Acak) -> &'static str {
    a.pilih::<&str>(&[
        "Umum",
        "Kepegawaian",
        "Keuangan",
        "Perencanaan",
        "Program dan Pelaporan",
    ])
}

/// Basic salary (approximation of PP 15/2019: minimum of each group plus about 2.6% per two
/// years of service). Demo data only; the real table belongs in reference data.
fn gaji_pokok(g: Golongan, masa_kerja: u32) -> i64 {
    let dasar: f64 = match g.kelompok() {
        1 => 1_560_800.0,
        2 => 2_022_200.0,
        3 => 2_579_400.0,
        _ => 3_044_300.0,
    };
    let ruang = f64::from(g.id() % 10 - 1) * 0.035;
    let naik = f64::from(masa_kerja / 2) * 0.026;
    (dasar * (1.0 + ruang + naik) / 100.0).round() as i64 * 100
}
