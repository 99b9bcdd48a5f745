//! Unpaid leave (CLTN), study assignments and state office as service cases: starting a grant,
//! an extension or a return against the record, what its pertek and SK say, and applying the SK — the riwayat CLTN row written or
//! updated, the kedudukan from the case's date (the daily job applies a later date on its day).

use chrono::{DateTime, NaiveDate, Utc};
use siasn_card::surat::Blok;
use siasn_domain::akses::Peran;
use siasn_domain::layanan::cltn::{
    DOKUMEN_SK_CLTN, DataCltn, FaktaCltn, JenisUsulCltn, KeluargaCltn, PermintaanCltn, Tahap,
    UsulCltnDitolak, rancang_cltn,
};
use siasn_domain::layanan::pensiun::tujuan_pertek;
use siasn_domain::layanan::{DataLayanan, KasusLayanan, LangkahDitolak};
use siasn_domain::riwayat::{DataRiwayat, Riwayat, RiwayatCltn, Sk, turunan};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::{JenisPegawai, Pegawai};
use siasn_store::layanan as langkah_layanan;
pub use siasn_store::layanan::pensiun::StatusBerjalan;
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::naskah::Naskah;
use super::pensiun::pensiun_pegawai;
use super::{KasusMulai, ada_terbuka, buat_kasus, letak_untuk_operator};
use crate::{Aktor, App, AppError, AppResult};

/// What became of starting a CLTN case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilMulaiCltn {
    /// Started.
    Dibuat(Uuid),
    /// A rule refused it (the rule is named).
    Ditolak(UsulCltnDitolak),
    /// The engine refused it (a case is already open).
    Langkah(LangkahDitolak),
    /// Not an employee the operator works for (not said whether they exist).
    TidakDitemukan,
}

/// The leave on record not yet ended by a return (the newest one).
pub fn cltn_berjalan(riwayat: &[Riwayat]) -> Option<(Uuid, &RiwayatCltn)> {
    riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Cltn(c) if c.tanggal_aktif_kembali.is_none() => Some((r.id, c)),
            _ => None,
        })
        .max_by_key(|(_, c)| c.tanggal_mulai)
}

/// Starts a CLTN case (grant, extension or return) for one employee, as their agency's
/// operator; the rules are checked against the record and nothing is stored when one fails.
pub async fn mulai(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
    minta: PermintaanCltn,
    alasan: &str,
) -> AppResult<HasilMulaiCltn> {
    if !aktor.pelaku.punya(Peran::OperatorInstansi) {
        return Err(AppError::Dilarang);
    }
    let Some(letak) = letak_untuk_operator(app, aktor, pegawai_id).await? else {
        return Ok(HasilMulaiCltn::TidakDitemukan);
    };
    let layanan = minta.jenis.keluarga().layanan();
    if ada_terbuka(app, pegawai_id, layanan).await? {
        return Ok(HasilMulaiCltn::Langkah(LangkahDitolak::SudahAda));
    }
    let p: Pegawai = app.store().pegawai(pegawai_id).await?;
    let riwayat = app.store().riwayat_pegawai(pegawai_id, None).await?;
    let berjalan = cltn_berjalan(&riwayat);
    let hari_ini = app.sekarang().date_naive();
    let pada = minta.mulai.unwrap_or(hari_ini);
    let fakta = FaktaCltn {
        pns: p.jenis_pegawai == JenisPegawai::Pns,
        kedudukan_hukum_id: p.kedudukan_hukum_id.clone(),
        masa_kerja: turunan::masa_kerja(&riwayat, p.tmt_cpns.unwrap_or(pada), pada),
        berjalan: berjalan.map(|(_, c)| c.clone()),
        diperpanjang: berjalan.is_some_and(|(_, c)| c.diperpanjang),
        tmt_pensiun: pensiun_pegawai(app, &p).await?.tmt_pensiun,
    };
    // A return is into a vacancy of the employee's post, as the register says now.
    let mut minta = minta;
    minta.formasi = match (p.unor_id, p.jabatan_id.as_deref()) {
        (Some(unor), Some(jabatan)) if minta.jenis.tahap() == Tahap::Kembali => {
            app.store().formasi(unor, jabatan).await?
        }
        _ => None,
    };
    let r = match rancang_cltn(&fakta, minta) {
        Ok(r) => r,
        Err(e) => return Ok(HasilMulaiCltn::Ditolak(e)),
    };
    let instansi = app.store().instansi(&letak.instansi_id).await?;
    let data = DataCltn {
        jenis: r.jenis.kode(),
        mulai: r.mulai,
        selesai: r.selesai,
        aktif: r.aktif,
        alasan: alasan.trim().chars().take(500).collect(),
        formasi_lowong: minta.formasi.is_some_and(|f| f.lowong() > 0),
        formasi: minta.formasi,
        riwayat_id: berjalan.map(|(id, _)| id),
        kedudukan_lama: p.kedudukan_hukum_id.clone(),
        kedudukan_baru: r.kedudukan_baru.to_string(),
        tujuan: tujuan_pertek(instansi.jenis),
    };
    let m = KasusMulai {
        instansi_asal_id: None,
        jenis: layanan,
        sub_jenis: r.jenis.kode().to_string(),
        periode: data.tanggal_berlaku(),
        pegawai_id,
        nip: p.nomor_induk.to_string(),
        nama: p.nama.clone(),
        unor_id: p.unor_id,
        letak,
        tujuan: data.tujuan,
        data: DataLayanan::Cltn(Box::new(data)),
    };
    let mut tx = app.store().begin().await?;
    let Some(kasus) = buat_kasus(&mut tx, app, aktor, m, app.sekarang()).await? else {
        tx.rollback().await?;
        return Ok(HasilMulaiCltn::Langkah(LangkahDitolak::SudahAda));
    };
    tx.commit().await?;
    Ok(HasilMulaiCltn::Dibuat(kasus.id))
}

/// The statuses running now in an agency whose lists `aktor` may read, by end date.
pub async fn status_berjalan(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
) -> AppResult<Vec<StatusBerjalan>> {
    let instansi = crate::pegawai::instansi_dalam_cakupan(app, aktor, instansi_id).await?;
    let hari_ini = app.sekarang().date_naive();
    Ok(app
        .store()
        .status_berjalan(Some(&instansi.id), hari_ini)
        .await?)
}

/// What a CLTN case's pertek and SK say.
pub(super) fn naskah(d: &DataCltn, pegawai: &Pegawai, instansi: &siasn_domain::Instansi) -> Naskah {
    let jenis = d.jenis_usul().unwrap_or(JenisUsulCltn::Cltn);
    let hal = match jenis {
        JenisUsulCltn::Cltn => "cuti di luar tanggungan negara",
        JenisUsulCltn::Perpanjangan => "perpanjangan cuti di luar tanggungan negara",
        JenisUsulCltn::AktifKembali => "pengaktifan kembali dari cuti di luar tanggungan negara",
        JenisUsulCltn::TugasBelajar => "tugas belajar",
        JenisUsulCltn::PerpanjanganTugasBelajar => "perpanjangan tugas belajar",
        JenisUsulCltn::AktifDariTugasBelajar => "pengaktifan dari tugas belajar",
        JenisUsulCltn::PejabatNegara => {
            "pemberhentian sementara karena diangkat menjadi pejabat negara"
        }
        JenisUsulCltn::AktifDariPejabatNegara => {
            "pengaktifan kembali setelah menjadi pejabat negara"
        }
        JenisUsulCltn::PemberhentianSementara => {
            "pemberhentian sementara karena ditahan sebagai tersangka"
        }
        JenisUsulCltn::PerpanjanganPemberhentianSementara => {
            "perpanjangan pemberhentian sementara karena penahanan diperpanjang"
        }
        JenisUsulCltn::AktifDariPemberhentianSementara => {
            "pengaktifan kembali dari pemberhentian sementara"
        }
        JenisUsulCltn::Mpp => "pemberian masa persiapan pensiun",
    };
    let mut blok = vec![
        Blok::Baris("Nama".into(), pegawai.nama_lengkap()),
        Blok::Baris("NIP".into(), pegawai.nomor_induk.to_string()),
        Blok::Baris(
            "Pangkat/golongan".into(),
            pegawai
                .golongan
                .map_or_else(|| "-".into(), |g| format!("{}, {}", g.pangkat(), g.label())),
        ),
        Blok::Baris(
            "Jabatan".into(),
            pegawai.nama_jabatan.clone().unwrap_or("-".into()),
        ),
        Blok::Baris("Jenis".into(), jenis.nama().to_string()),
        Blok::Baris("Mulai".into(), format_indonesia(d.mulai)),
        Blok::Baris("Sampai dengan".into(), format_indonesia(d.selesai)),
    ];
    if let Some(a) = d.aktif {
        blok.push(Blok::Baris("Aktif kembali".into(), format_indonesia(a)));
    }
    if !d.alasan.is_empty() {
        blok.push(Blok::Baris("Alasan".into(), d.alasan.clone()));
    }
    // What the status means for the employee's post and pay (PP 11/2017 Ps 280, Ps 350).
    match jenis.keluarga() {
        KeluargaCltn::Mpp => blok.push(Blok::Baris(
            "Ketentuan".into(),
            "dibebaskan dari jabatan selama masa persiapan pensiun dan menerima uang masa \
             persiapan pensiun; masa persiapan pensiun berakhir pada TMT pensiun"
                .into(),
        )),
        KeluargaCltn::PemberhentianSementara if jenis.tahap() != Tahap::Kembali => {
            blok.push(Blok::Baris(
                "Ketentuan".into(),
                "diberhentikan sementara dari jabatan dan menerima uang pemberhentian sementara \
                 sebesar 50% dari penghasilan jabatan terakhir sampai ada putusan pengadilan"
                    .into(),
            ));
        }
        _ => {}
    }
    Naskah {
        // Each service numbers its letters in its own series (SK-MPP/…, SK-PS/…).
        kode: jenis.keluarga().layanan().kode(),
        hal: hal.into(),
        dokumen_sk: DOKUMEN_SK_CLTN,
        pembuka_pertek: format!(
            "Berdasarkan usul {hal} dari {}, setelah dilakukan validasi atas berkas yang \
             diusulkan, Badan Kepegawaian Negara memberikan pertimbangan teknis bahwa usul \
             berikut dapat ditetapkan:",
            instansi.nama
        ),
        pembuka_sk: format!("menetapkan {hal}:"),
        blok,
        penutup_pertek: match jenis.keluarga() {
            KeluargaCltn::Cltn => {
                "Selama cuti di luar tanggungan negara pegawai tidak menerima penghasilan dan \
                 masa cuti tidak dihitung sebagai masa kerja; pegawai wajib melapor kembali \
                 paling lambat satu bulan setelah cuti berakhir."
            }
            KeluargaCltn::TugasBelajar => {
                "Pegawai wajib melapor kepada pejabat yang berwenang setelah tugas belajar \
                 selesai."
            }
            KeluargaCltn::PejabatNegara => {
                "Pegawai wajib melapor kembali paling lambat satu bulan setelah masa jabatannya \
                 berakhir dan diaktifkan kembali pada jabatan yang lowong."
            }
            // Decided by the agency alone: no pertek is issued for these.
            KeluargaCltn::PemberhentianSementara => {
                "Pegawai diaktifkan kembali pada jabatan yang lowong apabila penahanan tidak \
                 dilanjutkan atau dinyatakan tidak bersalah."
            }
            KeluargaCltn::Mpp => "Masa persiapan pensiun berakhir pada TMT pensiun.",
        }
        .into(),
    }
}

/// Applies the SK: a grant writes the riwayat CLTN row; an extension moves its end and marks
/// it extended; a return records the day back on duty. The kedudukan changes at once when the
/// case's date has come (otherwise the daily job sets it on that day).
#[allow(clippy::too_many_arguments)]
pub(super) async fn terapkan(
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    d: &DataCltn,
    nomor_sk: &str,
    tanggal_sk: NaiveDate,
    dokumen_sk: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let p = pegawai::kunci(tx, k.pegawai_id).await?;
    let rows = pegawai::riwayat_jenis(tx, k.pegawai_id, siasn_domain::JenisRiwayat::Cltn).await?;
    let sk = Sk {
        nomor: nomor_sk.to_string(),
        tanggal: tanggal_sk,
    };
    let pertek = k.pertek.as_ref();
    let (riwayat_id, sesudah) = match d.jenis_usul().map(JenisUsulCltn::tahap) {
        Some(Tahap::Mulai) => {
            // Another leave began meanwhile.
            if cltn_berjalan(&rows).is_some() {
                return Ok(Err(LangkahDitolak::DataBerubah));
            }
            let r = Riwayat {
                id: Uuid::now_v7(),
                pegawai_id: k.pegawai_id,
                data: DataRiwayat::Cltn(RiwayatCltn {
                    jenis_cltn: d.jenis,
                    tanggal_mulai: d.mulai,
                    tanggal_selesai: d.selesai,
                    tanggal_aktif_kembali: None,
                    sk,
                    nomor_pertek: pertek.map(|s| s.nomor.clone()),
                    tanggal_pertek: pertek.map(|s| s.tanggal),
                    diperpanjang: false,
                }),
            };
            pegawai::tambah_riwayat(tx, &r, now).await?;
            (r.id, r.data)
        }
        Some(j) => {
            // The leave the case was made for must still be the running one.
            let Some(mut r) = rows
                .into_iter()
                .find(|r| Some(r.id) == d.riwayat_id)
                .filter(|r| {
                    matches!(&r.data, DataRiwayat::Cltn(c) if c.tanggal_aktif_kembali.is_none())
                })
            else {
                return Ok(Err(LangkahDitolak::DataBerubah));
            };
            if let DataRiwayat::Cltn(c) = &mut r.data {
                if j == Tahap::Perpanjangan {
                    c.tanggal_selesai = d.selesai;
                    c.diperpanjang = true;
                } else {
                    c.tanggal_aktif_kembali = d.aktif;
                }
            }
            pegawai::ubah_riwayat(tx, &r).await?;
            (r.id, r.data)
        }
        None => return Ok(Err(LangkahDitolak::DataBerubah)),
    };
    langkah_layanan::tautkan_dokumen(tx, dokumen_sk, riwayat_id).await?;
    let berlaku = d.tanggal_berlaku() <= now.date_naive()
        || d.jenis_usul().map(JenisUsulCltn::tahap) == Some(Tahap::Perpanjangan);
    if berlaku {
        pegawai::ubah_kedudukan_hukum(tx, k.pegawai_id, &d.kedudukan_baru, now).await?;
    }
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan CLTN {}: SK {nomor_sk}", k.id));
    e.sebelum = Some(serde_json::json!({ "kedudukan_hukum_id": p.kedudukan_hukum_id }));
    e.sesudah = Some(serde_json::json!({
        "cltn": sesudah,
        "kedudukan_hukum_id": if berlaku { &d.kedudukan_baru } else { &p.kedudukan_hukum_id },
    }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(Ok(()))
}
