//! Retirement and dismissal (layanan pensiun): starting a case with its DPCP drawn from the
//! record, what its pertek and SK say, applying the SK (riwayat pemberhentian row; the new
//! kedudukan from the TMT), and the agency's foresight list. Decrees taking effect on their TMT
//! and the notices are the daily job's ([`super::harian`]).

mod dpcp;

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use siasn_card::surat::Blok;
use siasn_domain::akses::Peran;
use siasn_domain::layanan::pensiun::{
    DOKUMEN_DPCP, DataPensiun, FaktaPensiun, PensiunDitolak, PermintaanPensiun, rancang_pensiun,
};
use siasn_domain::layanan::{DataLayanan, JenisLayanan, KasusLayanan, LangkahDitolak};
use siasn_domain::pemberhentian::{JenisPensiun, kedudukan};
use siasn_domain::pensiun::{self as bup, Pensiun};
use siasn_domain::riwayat::{DataRiwayat, Riwayat, RiwayatPemberhentian, Sk, turunan};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::{JenisPegawai, Pegawai};
use siasn_store::layanan as langkah_layanan;
use siasn_store::layanan::pensiun::CalonPensiun;
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::naskah::{Naskah, arsipkan, rupiah};
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

/// The retirement facts of a record: BUP from the position reference, TMT pensiun.
pub async fn pensiun_pegawai(app: &App, p: &Pegawai) -> AppResult<Pensiun> {
    let jabatan = app.store().ref_jabatan().await?;
    Ok(bup::hitung(
        p.tanggal_lahir,
        bup::bup_pegawai(p, &jabatan).usia,
    ))
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
    let masih_asn = crate::pegawai::masih_dinas(app, &p).await?;
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
        masih_asn: masih_asn && !sudah_diputus && !kedudukan::sudah_keluar(&p.kedudukan_hukum_id),
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
    let dpcp = dpcp::dpcp(app, &p, &riwayat, &instansi.nama, mk_pensiun, mk_pns).await?;
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
        instansi_asal_id: None,
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
    let lembar = dpcp::lembar_dpcp(&m.data, now.date_naive());
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

/// The decision's lines: kind, TMT, right, new kedudukan.
pub(super) fn blok_keputusan(d: &DataPensiun) -> Vec<Blok> {
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
    if kedudukan::sudah_keluar(&p.kedudukan_hukum_id) {
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
    let instansi = crate::pegawai::instansi_dalam_cakupan(app, aktor, instansi_id).await?;
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
        let usia = bup::bup_pegawai(&p, &jabatan).usia;
        let c = CalonPensiun {
            pegawai_id: p.id,
            nip: p.nomor_induk.to_string(),
            nama: p.nama.clone(),
            tanggal_lahir: p.tanggal_lahir,
            usia_bup: Some(i32::from(usia)),
            jabatan: p.nama_jabatan.clone(),
            jenis_jabatan_id: p.jenis_jabatan_id.clone(),
            eselon_id: p.eselon_id.clone(),
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

pub(super) fn usia_bup(c: &CalonPensiun) -> u8 {
    bup::usia_bup(
        c.usia_bup.and_then(|u| u8::try_from(u).ok()),
        c.jenis_jabatan_id.as_deref(),
        c.eselon_id.as_deref(),
        c.jabatan.as_deref(),
        c.tanggal_lahir,
    )
}

/// The lowest and highest BUP in the position reference (with the ages by kind of position).
pub(super) fn rentang_bup(jabatan: &[siasn_domain::referensi::RefJabatan]) -> (u8, u8) {
    let semua = jabatan
        .iter()
        .map(|j| j.usia_bup)
        .chain(bup::BUP_MENURUT_KELOMPOK);
    let min = semua.clone().min().unwrap_or(bup::BUP_BAWAAN);
    let maks = semua.max().unwrap_or(bup::BUP_BAWAAN);
    (min, maks)
}
