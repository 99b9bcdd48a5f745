//! Retirement and dismissal (layanan pensiun): starting a case with its DPCP drawn from the
//! record, what its pertek and SK say, applying the SK (riwayat pemberhentian row; the new
//! kedudukan from the TMT), the agency's foresight list, and the daily job that applies decrees
//! whose TMT has come, aligns the kedudukan with leaves whose dates have come, marks whoever
//! is past BUP without a decree, and sends the notices.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Months, NaiveDate, Utc};
use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::akses::Peran;
use siasn_domain::layanan::pensiun::{
    AnggotaKeluarga, DOKUMEN_DPCP, DataPensiun, Dpcp, FaktaPensiun, PensiunDitolak,
    PermintaanPensiun, TENGGAT_PEMBERITAHUAN_BULAN, rancang_pensiun,
};
use siasn_domain::layanan::{DataLayanan, JenisLayanan, KasusLayanan, LangkahDitolak};
use siasn_domain::pemberhentian::{JenisPensiun, kedudukan};
use siasn_domain::pensiun::{self as bup, Pensiun};
use siasn_domain::riwayat::{DataRiwayat, Riwayat, RiwayatPemberhentian, Sk, turunan};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::{BulanTahun, JenisPegawai, Pegawai};
use siasn_store::layanan as langkah_layanan;
use siasn_store::layanan::pensiun::{CalonPensiun, antre_ke_operator, catat_pemberitahuan};
use siasn_store::{Tx, audit, email, pegawai};
use siasn_teks::surel;
use uuid::Uuid;

use super::surat::{Naskah, arsipkan, rupiah};
use super::{KasusMulai, ada_terbuka, buat_kasus, letak_untuk_operator};
use crate::{Aktor, App, AppError, AppResult};

/// What became of starting a pension case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilMulaiPensiun {
    /// Started.
    Dibuat(Uuid),
    /// A rule refused it (the rule is named).
    Ditolak(PensiunDitolak),
    /// The engine refused it (a case is already open).
    Langkah(LangkahDitolak),
    /// Not an employee the operator works for (not said whether they exist).
    TidakDitemukan,
}

/// Kedudukan codes of someone who has left the service (a second case is refused).
fn sudah_keluar(kode: &str) -> bool {
    matches!(
        kode,
        kedudukan::PENSIUN
            | kedudukan::DIBERHENTIKAN
            | kedudukan::DENGAN_HAK_PENSIUN
            | kedudukan::TANPA_HAK_PENSIUN
    )
}

/// The retirement facts of a record: BUP from the position reference, TMT pensiun.
pub async fn pensiun_pegawai(app: &App, p: &Pegawai) -> AppResult<Pensiun> {
    let jabatan = app.store().ref_jabatan().await?;
    let usia = p
        .jabatan_id
        .as_ref()
        .and_then(|j| jabatan.iter().find(|r| &r.id == j))
        .map_or(bup::BUP_BAWAAN, |r| r.usia_bup);
    Ok(bup::hitung(p.tanggal_lahir, usia))
}

/// Starts a pension or dismissal case for one employee, as their agency's operator: the rules
/// of its kind are checked, the DPCP is drawn from the record and filed in the archive and on
/// the case, all in one transaction.
pub async fn mulai(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
    minta: PermintaanPensiun,
) -> AppResult<HasilMulaiPensiun> {
    if !aktor.pelaku.punya(Peran::OperatorInstansi) {
        return Err(AppError::Dilarang);
    }
    let Some(letak) = letak_untuk_operator(app, aktor, pegawai_id).await? else {
        return Ok(HasilMulaiPensiun::TidakDitemukan);
    };
    if ada_terbuka(app, pegawai_id, JenisLayanan::Pensiun).await? {
        return Ok(HasilMulaiPensiun::Langkah(LangkahDitolak::SudahAda));
    }
    let p = app.store().pegawai(pegawai_id).await?;
    let riwayat = app.store().riwayat_pegawai(pegawai_id, None).await?;
    let kedudukan_list = app.store().kedudukan_hukum().await?;
    let masih_asn = kedudukan_list
        .iter()
        .any(|k| k.id == p.kedudukan_hukum_id && k.masih_asn)
        || p.kedudukan_hukum_id == kedudukan::MENCAPAI_BUP;
    let sudah_diputus = riwayat
        .iter()
        .any(|r| matches!(r.data, DataRiwayat::Pemberhentian(_)));
    let instansi = app.store().instansi(&letak.instansi_id).await?;
    let pensiun = pensiun_pegawai(app, &p).await?;
    let hari_ini = app.sekarang().date_naive();
    // Service is counted to the TMT the kind would take; BUP's TMT when the kind has its own
    // TMT not known yet (the rules compare against it only for the right).
    let tmt_perkiraan = minta
        .tmt
        .or_else(|| {
            minta
                .tanggal_peristiwa
                .map(siasn_domain::layanan::pensiun::awal_bulan_berikutnya)
        })
        .unwrap_or(pensiun.tmt_pensiun);
    let tmt_cpns = p.tmt_cpns.unwrap_or(tmt_perkiraan);
    let mk_pensiun = turunan::masa_kerja(&riwayat, tmt_cpns, tmt_perkiraan);
    let tanpa_pmk: Vec<Riwayat> = riwayat
        .iter()
        .filter(|r| !matches!(r.data, DataRiwayat::Pmk(_)))
        .cloned()
        .collect();
    let mk_pns = turunan::masa_kerja(&tanpa_pmk, tmt_cpns, tmt_perkiraan);
    let fakta = FaktaPensiun {
        pns: p.jenis_pegawai == JenisPegawai::Pns,
        masih_asn: masih_asn && !sudah_diputus && !sudah_keluar(&p.kedudukan_hukum_id),
        pensiun,
        lahir: p.tanggal_lahir,
        masa_kerja_pensiun: mk_pensiun,
        masa_kerja_pns: mk_pns,
        jenis_instansi: instansi.jenis,
    };
    let r = match rancang_pensiun(&fakta, minta, hari_ini) {
        Ok(r) => r,
        Err(e) => return Ok(HasilMulaiPensiun::Ditolak(e)),
    };
    // The right is judged on the TMT the rules gave.
    let (mk_pensiun, mk_pns) = if r.tmt == tmt_perkiraan {
        (mk_pensiun, mk_pns)
    } else {
        (
            turunan::masa_kerja(&riwayat, tmt_cpns, r.tmt),
            turunan::masa_kerja(&tanpa_pmk, tmt_cpns, r.tmt),
        )
    };
    let dpcp = dpcp(app, &p, &riwayat, &instansi.nama, mk_pensiun, mk_pns).await?;
    let data = DataPensiun {
        jenis_pensiun: r.jenis_pensiun.kode(),
        jenis_pemberhentian: r.jenis_pemberhentian.kode(),
        tmt: r.tmt,
        bup: pensiun.bup,
        tmt_bup: pensiun.tmt_pensiun,
        tanggal_peristiwa: minta.tanggal_peristiwa,
        berhak_pensiun: r.hak.is_ok(),
        tanpa_hak: r.hak.err().map(|e| e.to_string()),
        kedudukan_lama: p.kedudukan_hukum_id.clone(),
        kedudukan_baru: r.kedudukan_baru.to_string(),
        tujuan: r.tujuan,
        dpcp,
    };
    let now = app.sekarang();
    let m = KasusMulai {
        jenis: JenisLayanan::Pensiun,
        sub_jenis: r.jenis_pensiun.kode().to_string(),
        periode: r.tmt,
        pegawai_id,
        nip: p.nomor_induk.to_string(),
        nama: p.nama.clone(),
        unor_id: p.unor_id,
        letak,
        tujuan: r.tujuan,
        data: DataLayanan::Pensiun(Box::new(data)),
    };
    let lembar = lembar_dpcp(&m.data, now.date_naive());
    let pdf = app.surat_pdf(lembar).await?;
    let mut tx = app.store().begin().await?;
    let Some(kasus) = buat_kasus(&mut tx, app, aktor, m, now).await? else {
        tx.rollback().await?;
        return Ok(HasilMulaiPensiun::Langkah(LangkahDitolak::SudahAda));
    };
    let id = kasus.id;
    let dok = arsipkan(app, &mut tx, aktor, &kasus, DOKUMEN_DPCP, "DPCP.pdf", &pdf).await?;
    langkah_layanan::lampirkan(&mut tx, id, pegawai_id, dok)
        .await
        .map_err(AppError::dari_store)?;
    tx.commit().await?;
    Ok(HasilMulaiPensiun::Dibuat(id))
}

/// The DPCP drawn from the record: identity, rank, position, service, last salary, family.
async fn dpcp(
    app: &App,
    p: &Pegawai,
    riwayat: &[Riwayat],
    instansi: &str,
    masa_kerja_pensiun: siasn_domain::masa_kerja::MasaKerja,
    masa_kerja_pns: siasn_domain::masa_kerja::MasaKerja,
) -> AppResult<Dpcp> {
    let unor = match p.unor_id {
        Some(u) => app.store().nama_unor(&[u]).await?.remove(&u),
        None => None,
    };
    let jabatan = match &p.jabatan_id {
        Some(j) => app
            .store()
            .ref_jabatan()
            .await?
            .into_iter()
            .find(|r| &r.id == j)
            .map(|r| r.nama),
        None => None,
    }
    .or_else(|| p.nama_jabatan.clone());
    let gaji_pokok = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Gaji(g) => Some((g.tmt_gaji, g.gaji_pokok)),
            _ => None,
        })
        .max_by_key(|(t, _)| *t)
        .map(|(_, g)| g);
    let mut keluarga = Vec::new();
    for r in riwayat {
        match &r.data {
            DataRiwayat::Pasangan(x) => keluarga.push(AnggotaKeluarga {
                nama: x.nama.clone(),
                hubungan: match x.jenis_kelamin {
                    siasn_domain::JenisKelamin::Perempuan => "Istri".into(),
                    siasn_domain::JenisKelamin::LakiLaki => "Suami".into(),
                },
                tanggal_lahir: x.tanggal_lahir,
            }),
            DataRiwayat::Anak(x) => keluarga.push(AnggotaKeluarga {
                nama: x.nama.clone(),
                hubungan: "Anak".into(),
                tanggal_lahir: Some(x.tanggal_lahir),
            }),
            _ => {}
        }
    }
    Ok(Dpcp {
        nama: p.nama_lengkap(),
        nip: p.nomor_induk.to_string(),
        tempat_lahir: p.tempat_lahir.clone(),
        tanggal_lahir: p.tanggal_lahir,
        jenis_kelamin: match p.jenis_kelamin {
            siasn_domain::JenisKelamin::Perempuan => "Perempuan".into(),
            siasn_domain::JenisKelamin::LakiLaki => "Laki-laki".into(),
        },
        golongan: p.golongan,
        tmt_golongan: p.tmt_golongan,
        jabatan,
        unor,
        instansi: instansi.to_string(),
        tmt_cpns: p.tmt_cpns,
        masa_kerja_pensiun,
        masa_kerja_pns,
        gaji_pokok,
        alamat: p.alamat.clone(),
        keluarga,
    })
}

fn tanggal_atau_strip(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".into(), format_indonesia)
}

/// The DPCP as a sheet for the archive (not signed: it is the record's data on that day).
fn lembar_dpcp(data: &DataLayanan, hari_ini: NaiveDate) -> IsiSurat {
    let mut isi = Vec::new();
    if let DataLayanan::Pensiun(d) = data {
        let x = &d.dpcp;
        isi.push(Blok::Paragraf("I. Data pegawai".into()));
        isi.extend([
            Blok::Baris("Nama".into(), x.nama.clone()),
            Blok::Baris("NIP".into(), x.nip.clone()),
            Blok::Baris(
                "Tempat, tanggal lahir".into(),
                format!("{}, {}", x.tempat_lahir, format_indonesia(x.tanggal_lahir)),
            ),
            Blok::Baris("Jenis kelamin".into(), x.jenis_kelamin.clone()),
            Blok::Baris(
                "Pangkat/golongan".into(),
                x.golongan
                    .map_or_else(|| "-".into(), |g| format!("{}, {}", g.pangkat(), g.label())),
            ),
            Blok::Baris("TMT golongan".into(), tanggal_atau_strip(x.tmt_golongan)),
            Blok::Baris("Jabatan".into(), x.jabatan.clone().unwrap_or("-".into())),
            Blok::Baris("Unit kerja".into(), x.unor.clone().unwrap_or("-".into())),
            Blok::Baris("Instansi".into(), x.instansi.clone()),
            Blok::Baris("TMT CPNS".into(), tanggal_atau_strip(x.tmt_cpns)),
            Blok::Baris(
                "Masa kerja pensiun".into(),
                x.masa_kerja_pensiun.to_string(),
            ),
            Blok::Baris(
                "Masa kerja sebagai PNS".into(),
                x.masa_kerja_pns.to_string(),
            ),
            Blok::Baris("Gaji pokok terakhir".into(), rupiah(x.gaji_pokok)),
            Blok::Baris("Alamat".into(), x.alamat.clone().unwrap_or("-".into())),
            Blok::Jarak,
            Blok::Paragraf("II. Keluarga".into()),
        ]);
        if x.keluarga.is_empty() {
            isi.push(Blok::Paragraf("Tidak ada data keluarga tercatat.".into()));
        }
        for a in &x.keluarga {
            isi.push(Blok::Baris(
                a.hubungan.clone(),
                format!("{} (lahir {})", a.nama, tanggal_atau_strip(a.tanggal_lahir)),
            ));
        }
        isi.push(Blok::Jarak);
        isi.push(Blok::Paragraf("III. Pensiun yang diusulkan".into()));
        isi.extend(blok_keputusan(d));
    }
    IsiSurat {
        kop: vec![
            "DATA PERORANGAN CALON PENERIMA PENSIUN".into(),
            "Sistem Informasi ASN".into(),
        ],
        judul: "DPCP".into(),
        nomor: String::new(),
        isi,
        tempat_tanggal: format!(
            "Dibuat dari data SIASN tanggal {}",
            format_indonesia(hari_ini)
        ),
        jabatan_penandatangan: String::new(),
        nama_penandatangan: String::new(),
        nip_penandatangan: String::new(),
        kaki: vec![
            "Lembar ini disusun otomatis dari data kepegawaian yang tercatat; kekeliruan \
             diperbaiki lewat usul perubahan data sebelum usul pensiun diajukan."
                .into(),
        ],
    }
}

/// The decision's lines: kind, TMT, right, new kedudukan.
fn blok_keputusan(d: &DataPensiun) -> Vec<Blok> {
    let jenis = d.jenis().map_or("-", JenisPensiun::nama);
    let mut b = vec![
        Blok::Baris("Jenis pensiun".into(), jenis.to_string()),
        Blok::Baris(
            "Jenis pemberhentian".into(),
            d.pemberhentian().map_or_else(|| "-".into(), |j| j.nama()),
        ),
        Blok::Baris("Terhitung mulai tanggal".into(), format_indonesia(d.tmt)),
        Blok::Baris(
            "Batas usia pensiun".into(),
            format!("{} tahun (TMT {})", d.bup, format_indonesia(d.tmt_bup)),
        ),
        Blok::Baris(
            "Hak pensiun".into(),
            if d.berhak_pensiun {
                "Berhak atas pensiun".into()
            } else {
                "Tidak berhak atas pensiun".into()
            },
        ),
    ];
    if let Some(mulai) = d.pensiun_ahli_waris_mulai() {
        b.push(Blok::Baris(
            "Pensiun janda/duda mulai".into(),
            format!(
                "{} (gaji terusan 4 bulan sejak {})",
                format_indonesia(mulai),
                format_indonesia(d.tmt)
            ),
        ));
    }
    b
}

/// What the pension's pertek and SK say.
pub(super) fn naskah(
    d: &DataPensiun,
    pegawai: &Pegawai,
    instansi: &siasn_domain::Instansi,
) -> Naskah {
    let hal = if d.berhak_pensiun {
        "pemberhentian dengan hak pensiun"
    } else {
        "pemberhentian tanpa hak pensiun"
    };
    let mut blok = vec![
        Blok::Baris("Nama".into(), pegawai.nama_lengkap()),
        Blok::Baris("NIP".into(), pegawai.nomor_induk.to_string()),
        Blok::Baris(
            "Tempat, tanggal lahir".into(),
            format!(
                "{}, {}",
                pegawai.tempat_lahir,
                format_indonesia(pegawai.tanggal_lahir)
            ),
        ),
        Blok::Baris(
            "Pangkat/golongan".into(),
            d.dpcp
                .golongan
                .map_or_else(|| "-".into(), |g| format!("{}, {}", g.pangkat(), g.label())),
        ),
        Blok::Baris(
            "Jabatan".into(),
            d.dpcp.jabatan.clone().unwrap_or("-".into()),
        ),
        Blok::Baris(
            "Masa kerja pensiun".into(),
            d.dpcp.masa_kerja_pensiun.to_string(),
        ),
        Blok::Baris("Gaji pokok terakhir".into(), rupiah(d.dpcp.gaji_pokok)),
    ];
    blok.extend(blok_keputusan(d));
    Naskah {
        kode: "PENSIUN",
        hal: hal.into(),
        dokumen_sk: siasn_domain::layanan::pensiun::DOKUMEN_SK_PENSIUN,
        pembuka_pertek: format!(
            "Berdasarkan usul {hal} dari {} beserta Data Perorangan Calon Penerima Pensiun, \
             setelah dilakukan validasi atas berkas yang diusulkan, Badan Kepegawaian Negara \
             memberikan pertimbangan teknis bahwa pegawai berikut dapat diberhentikan:",
            instansi.nama
        ),
        pembuka_sk: format!("menetapkan {hal}:"),
        blok,
        penutup_pertek: "Pertimbangan teknis ini menjadi dasar penetapan keputusan \
                         pemberhentian oleh pejabat yang berwenang."
            .into(),
    }
}

/// Applies the SK: a riwayat pemberhentian row with the SK and pertek, the SK document linked
/// to it, and — when the TMT has come — the new kedudukan; a later TMT is applied by the daily
/// job on its day. Refused when the employee has already left the service.
#[allow(clippy::too_many_arguments)]
pub(super) async fn terapkan(
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    d: &DataPensiun,
    nomor_sk: &str,
    tanggal_sk: NaiveDate,
    dokumen_sk: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let p = pegawai::kunci(tx, k.pegawai_id).await?;
    if sudah_keluar(&p.kedudukan_hukum_id) {
        return Ok(Err(LangkahDitolak::DataBerubah));
    }
    let r = Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        data: DataRiwayat::Pemberhentian(RiwayatPemberhentian {
            jenis_pemberhentian: d.jenis_pemberhentian,
            jenis_pensiun: d.jenis_pensiun,
            kedudukan_hukum_id: d.kedudukan_baru.clone(),
            tmt: d.tmt,
            berhak_pensiun: d.berhak_pensiun,
            instansi_asal_id: k.instansi_id.clone(),
            nomor_pertek: k.pertek.as_ref().map(|s| s.nomor.clone()),
            tanggal_pertek: k.pertek.as_ref().map(|s| s.tanggal),
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
        }),
    };
    pegawai::tambah_riwayat(tx, &r, now).await?;
    langkah_layanan::tautkan_dokumen(tx, dokumen_sk, r.id).await?;
    let berlaku = d.tmt <= now.date_naive();
    if berlaku {
        pegawai::ubah_kedudukan_hukum(tx, k.pegawai_id, &d.kedudukan_baru, now).await?;
    }
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan PENSIUN {}: SK {nomor_sk}", k.id));
    e.sebelum = Some(serde_json::json!({ "kedudukan_hukum_id": p.kedudukan_hukum_id }));
    e.sesudah = Some(serde_json::json!({
        "pemberhentian": r.data,
        "kedudukan_hukum_id": if berlaku { &d.kedudukan_baru } else { &p.kedudukan_hukum_id },
    }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(Ok(()))
}

/// One row of the agency's retirement list: a candidate by BUP or a case by its TMT.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisPensiun {
    /// Employee.
    pub pegawai_id: Uuid,
    /// NIP.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// Birth date.
    pub tanggal_lahir: NaiveDate,
    /// Position.
    pub jabatan: Option<String>,
    /// Golongan id.
    pub golongan: Option<i16>,
    /// BUP and TMT pensiun at BUP.
    pub pensiun: Pensiun,
    /// The case's TMT, else TMT pensiun at BUP.
    pub tmt: NaiveDate,
    /// Kedudukan hukum now.
    pub kedudukan_hukum_id: String,
    /// The newest case (not deleted) with that TMT, if any.
    pub kasus: Option<KasusLayanan>,
}

/// [`daftar_instansi`] for a reader whose scope covers the agency (anything else is
/// refused as forbidden).
pub async fn daftar(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
    awal: NaiveDate,
    akhir: NaiveDate,
) -> AppResult<Vec<BarisPensiun>> {
    let instansi = app
        .store()
        .instansi(instansi_id)
        .await
        .map_err(AppError::dari_store)?;
    let letak = siasn_domain::akses::LetakPegawai {
        pegawai_id: Uuid::nil(),
        instansi_id: instansi.id.clone(),
        kanreg_id: instansi.kanreg_id.clone(),
    };
    let boleh = aktor
        .pelaku
        .peran
        .iter()
        .filter(|g| g.peran != Peran::Pegawai)
        .filter_map(|g| g.cakupan(None))
        .any(|c| siasn_domain::akses::meliputi(&c, &letak));
    if !boleh {
        return Err(AppError::Dilarang);
    }
    daftar_instansi(app, &instansi.id, awal, akhir).await
}

/// Retirements of an agency with a TMT between `awal` and `akhir`: PNS reaching BUP in the
/// range (serving, or already decreed) and every pension or dismissal case with its TMT in it,
/// ordered by TMT. The caller has checked the reader's reach.
pub async fn daftar_instansi(
    app: &App,
    instansi_id: &str,
    awal: NaiveDate,
    akhir: NaiveDate,
) -> AppResult<Vec<BarisPensiun>> {
    let jabatan = app.store().ref_jabatan().await?;
    let (bup_min, bup_maks) = rentang_bup(&jabatan);
    let tahun = |d: NaiveDate, n: u8| d.checked_sub_months(Months::new(u32::from(n) * 12));
    let (Some(dari), Some(sampai)) = (tahun(awal, bup_maks + 1), tahun(akhir, bup_min)) else {
        return Ok(Vec::new());
    };
    let kasus = app
        .store()
        .kasus_pensiun_antara(instansi_id, awal, akhir)
        .await?;
    let mut per_pegawai: HashMap<Uuid, KasusLayanan> = HashMap::new();
    for k in kasus {
        per_pegawai.insert(k.pegawai_id, k);
    }
    let mut out = Vec::new();
    let mut setelah = None;
    loop {
        let calon = app
            .store()
            .calon_pensiun(Some(instansi_id), dari, sampai, false, setelah, 5_000)
            .await?;
        let Some(terakhir) = calon.last() else { break };
        setelah = Some(terakhir.pegawai_id);
        let habis = calon.len() < 5_000;
        for c in calon {
            let pensiun = bup::hitung(c.tanggal_lahir, usia_bup(&c));
            let k = per_pegawai.remove(&c.pegawai_id);
            let dalam = (awal..=akhir).contains(&pensiun.tmt_pensiun);
            // A retiree without a case in range is history, not foresight.
            if k.is_none() && (!dalam || !(c.masih_asn || c.kedudukan_hukum_id == "98")) {
                continue;
            }
            out.push(baris(c, pensiun, k));
        }
        if habis {
            break;
        }
    }
    // Cases of employees outside the BUP birth range (own request, death, dismissal).
    for (_, k) in per_pegawai {
        let p = app.store().pegawai(k.pegawai_id).await?;
        let usia = p
            .jabatan_id
            .as_ref()
            .and_then(|j| jabatan.iter().find(|r| &r.id == j))
            .map_or(bup::BUP_BAWAAN, |r| r.usia_bup);
        let c = CalonPensiun {
            pegawai_id: p.id,
            nip: p.nomor_induk.to_string(),
            nama: p.nama.clone(),
            tanggal_lahir: p.tanggal_lahir,
            usia_bup: Some(i32::from(usia)),
            jabatan: p.nama_jabatan.clone(),
            golongan: p.golongan.map(|g| i16::from(g.id())),
            kedudukan_hukum_id: p.kedudukan_hukum_id.clone(),
            masih_asn: true,
            instansi_kerja_id: p.instansi_kerja_id.clone(),
            jenis_pegawai: "PNS".into(),
            // Not read by the list (its case says more).
            ada_keputusan: false,
        };
        let pensiun = bup::hitung(p.tanggal_lahir, usia);
        out.push(baris(c, pensiun, Some(k)));
    }
    out.sort_by(|a, b| (a.tmt, &a.nama).cmp(&(b.tmt, &b.nama)));
    Ok(out)
}

fn baris(c: CalonPensiun, pensiun: Pensiun, kasus: Option<KasusLayanan>) -> BarisPensiun {
    let tmt = kasus.as_ref().map_or(pensiun.tmt_pensiun, |k| k.periode);
    BarisPensiun {
        pegawai_id: c.pegawai_id,
        nip: c.nip,
        nama: c.nama,
        tanggal_lahir: c.tanggal_lahir,
        jabatan: c.jabatan,
        golongan: c.golongan,
        pensiun,
        tmt,
        kedudukan_hukum_id: c.kedudukan_hukum_id,
        kasus,
    }
}

fn usia_bup(c: &CalonPensiun) -> u8 {
    c.usia_bup
        .and_then(|u| u8::try_from(u).ok())
        .unwrap_or(bup::BUP_BAWAAN)
}

/// The lowest and highest BUP in the position reference (with the default).
fn rentang_bup(jabatan: &[siasn_domain::referensi::RefJabatan]) -> (u8, u8) {
    let semua = jabatan.iter().map(|j| j.usia_bup).chain([bup::BUP_BAWAAN]);
    let min = semua.clone().min().unwrap_or(bup::BUP_BAWAAN);
    let maks = semua.max().unwrap_or(bup::BUP_BAWAAN);
    (min, maks)
}

/// What one run of the daily job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RingkasanHarian {
    /// Decrees whose TMT came: kedudukan set.
    pub diterapkan: u64,
    /// Leaves whose first day or return came: kedudukan set.
    pub cltn_berlaku: u64,
    /// Employees past BUP without a decree, set to "Mencapai BUP".
    pub mencapai_bup: u64,
    /// Notices sent to employees.
    pub pemberitahuan: u64,
    /// Digest e-mails to agency operators.
    pub surel_operator: u64,
}

impl std::fmt::Display for RingkasanHarian {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} keputusan berlaku, {} CLTN berlaku, {} mencapai BUP, {} pemberitahuan, {} surel operator",
            self.diterapkan,
            self.cltn_berlaku,
            self.mencapai_bup,
            self.pemberitahuan,
            self.surel_operator
        )
    }
}

/// What became of asking for the daily job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilHarian {
    /// It ran for today.
    Jalan(RingkasanHarian),
    /// It already ran today.
    SudahHariIni,
    /// Another server holds the job's lease now.
    DipegangLain,
}

/// The daily job's name (its lease and its completion record).
pub const TUGAS_HARIAN: &str = "pensiun-harian";

const AKTOR_HARIAN: &str = "sistem: tugas harian pensiun";

/// A birth date before anyone on record (the engines' date ranges differ; this is in both).
const LAHIR_PALING_AWAL: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Runs the daily retirement job once for today's date (by the injected clock): whoever holds
/// the lease runs it, once per day however many app servers ask.
pub async fn harian_sekali(app: &App, pemilik: &str) -> AppResult<HasilHarian> {
    let now = app.sekarang();
    let hari_ini = now.date_naive();
    let sampai = now + chrono::Duration::minutes(30);
    if !app
        .store()
        .ambil_sewa(TUGAS_HARIAN, pemilik, now, sampai)
        .await?
    {
        return Ok(HasilHarian::DipegangLain);
    }
    let hasil = async {
        if app
            .store()
            .tugas_harian_terakhir(TUGAS_HARIAN)
            .await?
            .is_some_and(|t| t >= hari_ini)
        {
            return Ok(HasilHarian::SudahHariIni);
        }
        let r = harian(app, hari_ini).await?;
        app.store()
            .tugas_harian_selesai(TUGAS_HARIAN, hari_ini, &r.to_string())
            .await?;
        Ok(HasilHarian::Jalan(r))
    }
    .await;
    app.store().lepas_sewa(TUGAS_HARIAN, pemilik).await?;
    hasil
}

/// The job's three parts for `hari_ini`; each is idempotent, so an interrupted run is simply
/// run again.
async fn harian(app: &App, hari_ini: NaiveDate) -> AppResult<RingkasanHarian> {
    let mut r = RingkasanHarian::default();
    // 1. Decrees whose TMT has come.
    loop {
        let jatuh = app.store().pemberhentian_jatuh_tempo(hari_ini, 500).await?;
        if jatuh.is_empty() {
            break;
        }
        let now = app.sekarang();
        let mut tx = app.store().begin().await?;
        let mut audit_baru = Vec::new();
        for j in &jatuh {
            let lama = pegawai::ubah_kedudukan_hukum(
                &mut tx,
                j.pegawai_id,
                &j.data.kedudukan_hukum_id,
                now,
            )
            .await?;
            audit_baru.push(audit::AuditBaru {
                aktor: AKTOR_HARIAN.into(),
                aksi: "pegawai.diubah".into(),
                pegawai_id: Some(j.pegawai_id),
                alasan: Some(format!(
                    "TMT {} SK {}: kedudukan hukum berlaku",
                    j.data.tmt, j.data.sk.nomor
                )),
                sebelum: Some(serde_json::json!({ "kedudukan_hukum_id": lama })),
                sesudah: Some(
                    serde_json::json!({ "kedudukan_hukum_id": j.data.kedudukan_hukum_id }),
                ),
                ..audit::AuditBaru::default()
            });
        }
        audit::tulis(&mut tx, audit_baru, now).await?;
        tx.commit().await?;
        r.diterapkan += jatuh.len() as u64;
    }
    // 1b. Leaves whose dates have come: on leave from its first day, active from the return.
    let mut selaras = Vec::new();
    for (pegawai_id, _, c, kini) in app.store().cltn_untuk_diselaraskan(hari_ini).await? {
        let seharusnya = match c.tanggal_aktif_kembali {
            Some(a) if a <= hari_ini => kedudukan::AKTIF,
            Some(_) => continue,
            None if c.tanggal_selesai < hari_ini => continue,
            None => siasn_domain::layanan::cltn::KeluargaCltn::dari_kode_mulai(c.jenis_cltn)
                .kedudukan(c.diperpanjang),
        };
        if kini != seharusnya {
            selaras.push((pegawai_id, kini, seharusnya));
        }
    }
    if !selaras.is_empty() {
        let now = app.sekarang();
        let mut tx = app.store().begin().await?;
        let mut audit_baru = Vec::new();
        for (pegawai_id, kini, seharusnya) in &selaras {
            pegawai::ubah_kedudukan_hukum(&mut tx, *pegawai_id, seharusnya, now).await?;
            audit_baru.push(audit::AuditBaru {
                aktor: AKTOR_HARIAN.into(),
                aksi: "pegawai.diubah".into(),
                pegawai_id: Some(*pegawai_id),
                alasan: Some("tanggal CLTN berlaku: kedudukan hukum diselaraskan".into()),
                sebelum: Some(serde_json::json!({ "kedudukan_hukum_id": kini })),
                sesudah: Some(serde_json::json!({ "kedudukan_hukum_id": seharusnya })),
                ..audit::AuditBaru::default()
            });
        }
        audit::tulis(&mut tx, audit_baru, now).await?;
        tx.commit().await?;
        r.cltn_berlaku += selaras.len() as u64;
    }
    // 2. Past BUP without a decree: "Mencapai BUP" (shown as a data-quality problem).
    let jabatan = app.store().ref_jabatan().await?;
    let (bup_min, _) = rentang_bup(&jabatan);
    // Whoever reached the lowest BUP before the first of this month has a TMT on or before it.
    let batas_lahir = BulanTahun::of(hari_ini)
        .hari_pertama()
        .checked_sub_months(Months::new(u32::from(bup_min) * 12))
        .unwrap_or(LAHIR_PALING_AWAL);
    let mut setelah = None;
    loop {
        let calon = app
            .store()
            .calon_pensiun(None, LAHIR_PALING_AWAL, batas_lahir, true, setelah, 2_000)
            .await?;
        let Some(terakhir) = calon.last() else { break };
        setelah = Some(terakhir.pegawai_id);
        let habis = calon.len() < 2_000;
        let lewat: Vec<&CalonPensiun> = calon
            .iter()
            .filter(|c| bup::hitung(c.tanggal_lahir, usia_bup(c)).tmt_pensiun <= hari_ini)
            .collect();
        if !lewat.is_empty() {
            let now = app.sekarang();
            let mut tx = app.store().begin().await?;
            let mut audit_baru = Vec::new();
            // A decree waiting for its TMT does not make someone "past BUP".
            for c in lewat.iter().filter(|c| !c.ada_keputusan) {
                let lama = pegawai::ubah_kedudukan_hukum(
                    &mut tx,
                    c.pegawai_id,
                    kedudukan::MENCAPAI_BUP,
                    now,
                )
                .await?;
                audit_baru.push(audit::AuditBaru {
                    aktor: AKTOR_HARIAN.into(),
                    aksi: "pegawai.diubah".into(),
                    pegawai_id: Some(c.pegawai_id),
                    alasan: Some(
                        "melewati TMT pensiun tanpa keputusan pemberhentian: Mencapai BUP".into(),
                    ),
                    sebelum: Some(serde_json::json!({ "kedudukan_hukum_id": lama })),
                    sesudah: Some(
                        serde_json::json!({ "kedudukan_hukum_id": kedudukan::MENCAPAI_BUP }),
                    ),
                    ..audit::AuditBaru::default()
                });
            }
            r.mencapai_bup += audit_baru.len() as u64;
            audit::tulis(&mut tx, audit_baru, now).await?;
            tx.commit().await?;
        }
        if habis {
            break;
        }
    }
    // 3. Notices at each lead time: TMT pensiun in the month `tenggat` months from now.
    let mut bup_ada: Vec<u8> = jabatan.iter().map(|j| j.usia_bup).collect();
    bup_ada.push(bup::BUP_BAWAAN);
    bup_ada.sort_unstable();
    bup_ada.dedup();
    for tenggat in TENGGAT_PEMBERITAHUAN_BULAN {
        let bulan_tmt = BulanTahun::of(hari_ini).tambah_bulan(i32::try_from(tenggat).unwrap_or(0));
        let tmt = bulan_tmt.hari_pertama();
        // TMT in that month means BUP reached in the month before.
        let bulan_lahir = bulan_tmt.tambah_bulan(-1);
        let mut per_instansi: BTreeMap<String, usize> = BTreeMap::new();
        for &usia in &bup_ada {
            let awal = bulan_lahir
                .hari_pertama()
                .checked_sub_months(Months::new(u32::from(usia) * 12));
            let akhir = bulan_lahir
                .tambah_bulan(1)
                .hari_pertama()
                .checked_sub_months(Months::new(u32::from(usia) * 12))
                .and_then(|d| d.pred_opt());
            let (Some(awal), Some(akhir)) = (awal, akhir) else {
                continue;
            };
            let mut setelah = None;
            loop {
                let calon = app
                    .store()
                    .calon_pensiun(None, awal, akhir, true, setelah, 2_000)
                    .await?;
                let Some(terakhir) = calon.last() else { break };
                setelah = Some(terakhir.pegawai_id);
                let habis = calon.len() < 2_000;
                let now = app.sekarang();
                let mut tx = app.store().begin().await?;
                let surat = surel::pensiun_mendekat(tenggat, app.url_dasar());
                for c in calon.iter().filter(|c| usia_bup(c) == usia) {
                    if bup::hitung(c.tanggal_lahir, usia).tmt_pensiun != tmt {
                        continue;
                    }
                    if catat_pemberitahuan(&mut tx, c.pegawai_id, tmt, tenggat, now).await? {
                        email::antre_ke_pegawai(
                            &mut tx,
                            c.pegawai_id,
                            &surat.subjek,
                            &surat.isi,
                            now,
                        )
                        .await?;
                        *per_instansi.entry(c.instansi_kerja_id.clone()).or_default() += 1;
                        r.pemberitahuan += 1;
                    }
                }
                tx.commit().await?;
                if habis {
                    break;
                }
            }
        }
        if !per_instansi.is_empty() {
            let now = app.sekarang();
            let mut tx = app.store().begin().await?;
            for (instansi, jumlah) in &per_instansi {
                let s = surel::pensiun_mendekat_operator(*jumlah, tenggat, app.url_dasar());
                r.surel_operator +=
                    antre_ke_operator(&mut tx, instansi, &s.subjek, &s.isi, now).await?;
            }
            tx.commit().await?;
        }
    }
    if r.pemberitahuan > 0 || r.surel_operator > 0 {
        app.bangunkan_surel();
    }
    Ok(r)
}

/// Asks for the daily job every `jeda` until told to stop (every app server runs this; the
/// lease and the completion record make it run once a day). Failures are logged and retried
/// at the next turn.
pub async fn jalankan_harian(
    app: App,
    pemilik: String,
    jeda: std::time::Duration,
    mut berhenti: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        match harian_sekali(&app, &pemilik).await {
            Ok(HasilHarian::Jalan(r)) => {
                tracing::info!(ringkasan = %r, "tugas harian pensiun selesai")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "tugas harian pensiun gagal; dicoba lagi nanti"),
        }
        tokio::select! {
            () = tokio::time::sleep(jeda) => {}
            _ = berhenti.changed() => return,
        }
    }
}
