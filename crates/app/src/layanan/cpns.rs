//! Pengangkatan CPNS as a service case: the agency's operator starts it for an employee whose
//! NIP BKN assigned (kedudukan 51), completes the file and proposes; the agency's official
//! signs the SK CPNS, which — in the same transaction — puts the employee on duty from the TMT
//! CPNS, writes the riwayat CPNS/PNS row with the SK and the SPMT's number, and gives them an
//! account with an activation e-mail to the address of their selection file.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use siasn_card::surat::Blok;
use siasn_domain::akses::Peran;
use siasn_domain::akun::JenisToken;
use siasn_domain::layanan::cpns::{CpnsDitolak, DOKUMEN_SK_CPNS, DataCpns, periksa_mulai};
use siasn_domain::layanan::{DataLayanan, JenisLayanan, KasusLayanan, LangkahDitolak};
use siasn_domain::riwayat::{DataRiwayat, Riwayat, RiwayatCpnsPns, Sk, StatusKepegawaian};
use siasn_domain::tanggal::format_indonesia;
use siasn_domain::{JenisPegawai, Pegawai};
use siasn_store::layanan as langkah_layanan;
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::naskah::Naskah;
use super::{KasusMulai, ada_terbuka, buat_kasus, letak_untuk_operator};
use crate::{Aktor, App, AppError, AppResult};

/// What became of starting an SK CPNS case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilMulaiCpns {
    /// Started.
    Dibuat(Uuid),
    /// A rule refused it.
    Ditolak(CpnsDitolak),
    /// A case is already open.
    Langkah(LangkahDitolak),
    /// Not an employee the operator works for.
    TidakDitemukan,
}

/// Starts the SK CPNS case of one employee of the operator's agency.
pub async fn mulai(app: &App, aktor: &Aktor, pegawai_id: Uuid) -> AppResult<HasilMulaiCpns> {
    if !aktor.pelaku.punya(Peran::OperatorInstansi) {
        return Err(AppError::Dilarang);
    }
    let Some(letak) = letak_untuk_operator(app, aktor, pegawai_id).await? else {
        return Ok(HasilMulaiCpns::TidakDitemukan);
    };
    let p: Pegawai = app.store().pegawai(pegawai_id).await?;
    if let Err(e) = periksa_mulai(&p.kedudukan_hukum_id, p.jenis_pegawai == JenisPegawai::Pns) {
        return Ok(HasilMulaiCpns::Ditolak(e));
    }
    if ada_terbuka(app, pegawai_id, JenisLayanan::Cpns).await? {
        return Ok(HasilMulaiCpns::Langkah(LangkahDitolak::SudahAda));
    }
    let Some(tmt_cpns) = p.tmt_cpns else {
        return Ok(HasilMulaiCpns::Ditolak(CpnsDitolak::BukanCalon));
    };
    let nama_unor = match p.unor_id {
        Some(id) => Some(app.store().unor(id).await?.nama),
        None => None,
    };
    let no_peserta = app
        .store()
        .peserta_pegawai(pegawai_id)
        .await?
        .map(|x| x.peserta.no_peserta);
    let data = DataCpns {
        tmt_cpns,
        no_peserta,
        nama_jabatan: p.nama_jabatan.clone(),
        nama_unor,
        nomor_spmt: None,
    };
    let m = KasusMulai {
        instansi_asal_id: None,
        jenis: JenisLayanan::Cpns,
        sub_jenis: "1".into(),
        periode: tmt_cpns,
        pegawai_id,
        nip: p.nomor_induk.to_string(),
        nama: p.nama.clone(),
        unor_id: p.unor_id,
        letak,
        tujuan: siasn_domain::layanan::kp::Tujuan::Kanreg,
        data: DataLayanan::Cpns(Box::new(data)),
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let Some(k) = buat_kasus(&mut tx, app, aktor, m, now).await? else {
        tx.rollback().await?;
        return Ok(HasilMulaiCpns::Langkah(LangkahDitolak::SudahAda));
    };
    tx.commit().await?;
    Ok(HasilMulaiCpns::Dibuat(k.id))
}

/// What the SK CPNS says.
pub(super) fn naskah(d: &DataCpns, pegawai: &Pegawai, instansi: &siasn_domain::Instansi) -> Naskah {
    let blok = vec![
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
            "Jabatan".into(),
            d.nama_jabatan.clone().unwrap_or_else(|| "-".into()),
        ),
        Blok::Baris(
            "Unit kerja".into(),
            d.nama_unor.clone().unwrap_or_else(|| "-".into()),
        ),
        Blok::Baris("Instansi".into(), instansi.nama.clone()),
        Blok::Baris("TMT CPNS".into(), format_indonesia(d.tmt_cpns)),
        Blok::Baris(
            "Ketentuan".into(),
            "menjalani masa percobaan satu tahun dan wajib mengikuti pelatihan dasar sebelum \
             diangkat menjadi PNS"
                .into(),
        ),
    ];
    Naskah {
        kode: "CPNS",
        hal: "pengangkatan calon pegawai negeri sipil".into(),
        dokumen_sk: DOKUMEN_SK_CPNS,
        pembuka_pertek: String::new(),
        pembuka_sk: "berdasarkan penetapan NIP oleh Badan Kepegawaian Negara, menetapkan \
                     pengangkatan calon pegawai negeri sipil:"
            .into(),
        blok,
        penutup_pertek: String::new(),
    }
}

/// Applies the SK CPNS: on duty from the TMT CPNS, the riwayat row with the SK and the SPMT's
/// number, the account and its activation e-mail. Refused when the employee is no longer
/// waiting for it.
#[allow(clippy::too_many_arguments)]
pub(super) async fn terapkan(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    k: &KasusLayanan,
    d: &DataCpns,
    nomor_sk: &str,
    tanggal_sk: NaiveDate,
    dokumen_sk: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let p = pegawai::kunci(tx, k.pegawai_id).await?;
    if periksa_mulai(&p.kedudukan_hukum_id, p.jenis_pegawai == JenisPegawai::Pns).is_err() {
        return Ok(Err(LangkahDitolak::DataBerubah));
    }
    let tahun = tanggal_sk.year();
    let urut = langkah_layanan::nomor_berikutnya(
        tx,
        &format!("INSTANSI-{}", k.instansi_id),
        "SPMT",
        tahun,
    )
    .await?;
    let nomor_spmt = format!("SPMT/{}/{tahun}/{urut:06}", k.instansi_id);
    let r = Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: p.id,
        data: DataRiwayat::CpnsPns(RiwayatCpnsPns {
            status: StatusKepegawaian::Cpns,
            tmt: d.tmt_cpns,
            sk: Sk {
                nomor: nomor_sk.to_string(),
                tanggal: tanggal_sk,
            },
            golongan: p.golongan,
            nomor_spmt: Some(nomor_spmt.clone()),
            tanggal_spmt: Some(d.tmt_cpns.max(tanggal_sk)),
            nomor_sttpl: None,
            tanggal_sttpl: None,
        }),
    };
    pegawai::tambah_riwayat(tx, &r, now).await?;
    langkah_layanan::tautkan_dokumen(tx, dokumen_sk, r.id).await?;
    pegawai::ubah_kedudukan_hukum(tx, p.id, "01", now).await?;
    let mut data = d.clone();
    data.nomor_spmt = Some(nomor_spmt.clone());
    langkah_layanan::ubah_data(tx, k.id, &DataLayanan::Cpns(Box::new(data))).await?;
    // The account, and the activation e-mail when the selection file gave an address.
    let akun = match app.store().akun_pegawai(p.id).await? {
        Some(a) => a,
        None => crate::akun::peran::buat_akun_pegawai(tx, &p, &aktor.label(), now).await?,
    };
    let dikirim = match p.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(ke) => {
            crate::akun::sandi::kirim_token(tx, app, &akun, &p, ke, JenisToken::Aktivasi, now)
                .await?;
            true
        }
        None => false,
    };
    let mut e = aktor.audit("pegawai.diubah");
    e.akun_id = Some(akun.id);
    e.pegawai_id = Some(p.id);
    e.alasan = Some(format!(
        "layanan CPNS {}: SK {nomor_sk}, SPMT {nomor_spmt}; aktivasi akun {}",
        k.id,
        if dikirim {
            "dikirim"
        } else {
            "menunggu alamat surel"
        }
    ));
    e.sebelum = Some(serde_json::json!({ "kedudukan_hukum_id": p.kedudukan_hukum_id }));
    e.sesudah = Some(serde_json::json!({ "kedudukan_hukum_id": "01", "tmt_cpns": d.tmt_cpns }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(Ok(()))
}
