//! Pindah instansi as a service case: the receiving agency's operator starts it for an
//! employee of another agency into a vacant post of its register; the usul and the origin's
//! consent are numbered at their steps; the pertek and the receiving SK go through the shared
//! engine; the origin official's release SK completes the case; the move itself — agency,
//! unit, position, the riwayat pindah instansi row, open cases and proposals — is applied in
//! one transaction on the TMT (at once when the TMT has come, else by the daily job).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::JenisPegawai;
use siasn_domain::akses::{LetakPegawai, Peran};
use siasn_domain::formasi::Formasi;
use siasn_domain::layanan::pindah::{
    DOKUMEN_SK_LEPAS, DOKUMEN_SK_PINDAH, DataPindah, FaktaPindah, Kedudukan, Nomor,
    PermintaanPindah, PindahDitolak, jatuh_tempo, periksa_pindah, tujuan_pertek_pindah,
};
use siasn_domain::layanan::{DataLayanan, KasusLayanan, Langkah, LangkahDitolak, Surat};
use siasn_domain::riwayat::{DataRiwayat, RincianPindah, Riwayat, RiwayatPindahInstansi, Sk};
use siasn_domain::tanggal::format_indonesia;
use siasn_store::layanan as langkah_layanan;
use siasn_store::{Tx, audit, pegawai};
use uuid::Uuid;

use super::naskah::{Naskah, maju, penandatangan, tandatangani_surat};
use super::pensiun::pensiun_pegawai;
use super::{HasilLangkah, KasusMulai, ada_terbuka, buat_kasus, catat, kasus, periksa};
use crate::{Aktor, App, AppError, AppResult, ttd};

/// Who the daily job acts as in the audit log.
const AKTOR_HARIAN: &str = "sistem:harian";

/// What became of starting a transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilMulaiPindah {
    /// Started.
    Dibuat(Uuid),
    /// A rule refused it (the rule is named).
    Ditolak(PindahDitolak),
    /// The engine refused it (a transfer is already open).
    Langkah(LangkahDitolak),
    /// No employee with that NIP, or a post that is not the agency's.
    TidakDitemukan,
}

/// What the receiving operator fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsulPindah {
    /// The employee's NIP.
    pub nip: String,
    /// The receiving unit.
    pub unor_id: Uuid,
    /// The receiving position.
    pub jabatan_id: String,
    /// The proposed TMT (first of a month).
    pub tmt: NaiveDate,
    /// Why.
    pub alasan: String,
}

/// The agencies whose operator the actor is.
fn instansi_operator(aktor: &Aktor) -> Vec<&str> {
    aktor
        .pelaku
        .peran
        .iter()
        .filter(|g| g.peran == Peran::OperatorInstansi)
        .filter_map(|g| g.instansi_id.as_deref())
        .collect()
}

/// Starts a transfer into the operator's agency. The employee is found by NIP in any agency;
/// the post must be in the receiving agency's register with a vacancy; nothing is stored when
/// a rule fails.
pub async fn mulai(app: &App, aktor: &Aktor, u: UsulPindah) -> AppResult<HasilMulaiPindah> {
    let agensi = instansi_operator(aktor);
    if agensi.is_empty() {
        return Err(AppError::Dilarang);
    }
    let hari_ini = app.sekarang().date_naive();
    let Ok(nip) = siasn_domain::nip::Nip::parse(&u.nip, hari_ini) else {
        return Ok(HasilMulaiPindah::TidakDitemukan);
    };
    let p = match app.store().pegawai_by_nip(nip.as_str()).await {
        Ok(p) => p,
        Err(siasn_store::StoreError::NotFound) => return Ok(HasilMulaiPindah::TidakDitemukan),
        Err(e) => return Err(e.into()),
    };
    let unor = match app.store().unor(u.unor_id).await {
        Ok(x) if agensi.contains(&x.instansi_id.as_str()) => x,
        Ok(_) | Err(siasn_store::StoreError::NotFound) => {
            return Ok(HasilMulaiPindah::TidakDitemukan);
        }
        Err(e) => return Err(e.into()),
    };
    let tujuan_instansi = app.store().instansi(&unor.instansi_id).await?;
    let pos = app
        .store()
        .daftar_formasi(&tujuan_instansi.id)
        .await?
        .into_iter()
        .find(|b| b.unor_id == u.unor_id && b.jabatan_id == u.jabatan_id);
    let formasi = pos.as_ref().and_then(|b| {
        b.kebutuhan.map(|kebutuhan| Formasi {
            kebutuhan,
            terisi: b.terisi,
        })
    });
    let fakta = FaktaPindah {
        pns: p.jenis_pegawai == JenisPegawai::Pns,
        kedudukan_hukum_id: p.kedudukan_hukum_id.clone(),
        instansi_asal_id: p.instansi_kerja_id.clone(),
        tmt_pensiun: pensiun_pegawai(app, &p).await?.tmt_pensiun,
        hari_ini,
    };
    let minta = PermintaanPindah {
        instansi_tujuan_id: tujuan_instansi.id.clone(),
        tmt: u.tmt,
        formasi,
    };
    let formasi = match periksa_pindah(&fakta, &minta, &u.alasan) {
        Ok(f) => f,
        Err(e) => return Ok(HasilMulaiPindah::Ditolak(e)),
    };
    if ada_terbuka(
        app,
        p.id,
        siasn_domain::layanan::JenisLayanan::PindahInstansi,
    )
    .await?
    {
        return Ok(HasilMulaiPindah::Langkah(LangkahDitolak::SudahAda));
    }
    let asal_instansi = app.store().instansi(&p.instansi_kerja_id).await?;
    let unor_asal = match p.unor_id {
        Some(id) => Some(app.store().unor(id).await?.nama),
        None => None,
    };
    let jabatan = app.store().ref_jabatan().await?;
    let jenis_jabatan = jabatan
        .iter()
        .find(|j| j.id == u.jabatan_id)
        .map(|j| j.jenis_jabatan_id.clone());
    let data = DataPindah {
        asal: Kedudukan {
            instansi_id: asal_instansi.id.clone(),
            instansi_nama: asal_instansi.nama.clone(),
            kanreg_id: asal_instansi.kanreg_id.clone(),
            unor_id: p.unor_id,
            unor_nama: unor_asal,
            jabatan_id: p.jabatan_id.clone(),
            nama_jabatan: p.nama_jabatan.clone(),
            jenis_jabatan_id: p.jenis_jabatan_id.clone(),
        },
        tujuan: Kedudukan {
            instansi_id: tujuan_instansi.id.clone(),
            instansi_nama: tujuan_instansi.nama.clone(),
            kanreg_id: tujuan_instansi.kanreg_id.clone(),
            unor_id: Some(u.unor_id),
            unor_nama: Some(unor.nama.clone()),
            jabatan_id: Some(u.jabatan_id.clone()),
            nama_jabatan: pos.map(|b| b.jabatan_nama),
            jenis_jabatan_id: jenis_jabatan,
        },
        tmt: u.tmt,
        alasan: u.alasan.trim().chars().take(500).collect(),
        formasi,
        tujuan_pertek: tujuan_pertek_pindah(&asal_instansi.kanreg_id, &tujuan_instansi.kanreg_id),
        usul: None,
        persetujuan_asal: None,
        sk_asal: None,
        diterapkan: None,
    };
    let m = KasusMulai {
        instansi_asal_id: Some(asal_instansi.id.clone()),
        jenis: siasn_domain::layanan::JenisLayanan::PindahInstansi,
        sub_jenis: "1".into(),
        periode: u.tmt,
        pegawai_id: p.id,
        nip: p.nomor_induk.to_string(),
        nama: p.nama.clone(),
        unor_id: Some(u.unor_id),
        letak: LetakPegawai {
            pegawai_id: p.id,
            instansi_id: tujuan_instansi.id.clone(),
            kanreg_id: tujuan_instansi.kanreg_id.clone(),
        },
        tujuan: data.tujuan_pertek,
        data: DataLayanan::Pindah(Box::new(data)),
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let Some(k) = buat_kasus(&mut tx, app, aktor, m, now).await? else {
        tx.rollback().await?;
        return Ok(HasilMulaiPindah::Langkah(LangkahDitolak::SudahAda));
    };
    tx.commit().await?;
    Ok(HasilMulaiPindah::Dibuat(k.id))
}

/// Numbers the receiving official's usul (at their approval) and the origin official's consent
/// (at theirs) in the agencies' series and keeps them with the case; returns the number.
pub(super) async fn beri_nomor(
    tx: &mut Tx,
    k: &KasusLayanan,
    d: &DataPindah,
    langkah: Langkah,
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    let (seri, instansi) = match langkah {
        Langkah::SetujuiInstansi => ("USUL-PI", &d.tujuan.instansi_id),
        Langkah::SetujuiAsal => ("PERSETUJUAN-PI", &d.asal.instansi_id),
        _ => return Ok(None),
    };
    let hari_ini = now.date_naive();
    let urut = langkah_layanan::nomor_berikutnya(
        tx,
        &format!("INSTANSI-{instansi}"),
        seri,
        hari_ini.year(),
    )
    .await?;
    let surat = Nomor {
        nomor: format!("{seri}/{instansi}/{}/{urut:06}", hari_ini.year()),
        tanggal: hari_ini,
    };
    let mut baru = d.clone();
    if langkah == Langkah::SetujuiInstansi {
        baru.usul = Some(surat.clone());
    } else {
        baru.persetujuan_asal = Some(surat.clone());
    }
    langkah_layanan::ubah_data(tx, k.id, &DataLayanan::Pindah(Box::new(baru))).await?;
    Ok(Some(surat.nomor))
}

fn baris_kedudukan(blok: &mut Vec<Blok>, judul: &str, x: &Kedudukan) {
    blok.push(Blok::Baris(
        format!("{judul}: instansi"),
        x.instansi_nama.clone(),
    ));
    blok.push(Blok::Baris(
        format!("{judul}: unit kerja"),
        x.unor_nama.clone().unwrap_or_else(|| "-".into()),
    ));
    blok.push(Blok::Baris(
        format!("{judul}: jabatan"),
        x.nama_jabatan.clone().unwrap_or_else(|| "-".into()),
    ));
}

/// What the pertek (keputusan perpindahan) and the receiving agency's SK say.
pub(super) fn naskah(
    d: &DataPindah,
    pegawai: &siasn_domain::Pegawai,
    _instansi: &siasn_domain::Instansi,
) -> Naskah {
    let mut blok = vec![
        Blok::Baris("Nama".into(), pegawai.nama_lengkap()),
        Blok::Baris("NIP".into(), pegawai.nomor_induk.to_string()),
        Blok::Baris(
            "Pangkat/golongan".into(),
            pegawai
                .golongan
                .map_or_else(|| "-".into(), |g| format!("{}, {}", g.pangkat(), g.label())),
        ),
    ];
    baris_kedudukan(&mut blok, "Asal", &d.asal);
    baris_kedudukan(&mut blok, "Tujuan", &d.tujuan);
    blok.push(Blok::Baris("TMT pindah".into(), format_indonesia(d.tmt)));
    if let Some(u) = &d.usul {
        blok.push(Blok::Baris(
            "Usul instansi penerima".into(),
            format!("{} tanggal {}", u.nomor, format_indonesia(u.tanggal)),
        ));
    }
    if let Some(a) = &d.persetujuan_asal {
        blok.push(Blok::Baris(
            "Persetujuan instansi asal".into(),
            format!("{} tanggal {}", a.nomor, format_indonesia(a.tanggal)),
        ));
    }
    Naskah {
        kode: "PI",
        hal: "pindah antar instansi".into(),
        dokumen_sk: DOKUMEN_SK_PINDAH,
        pembuka_pertek: format!(
            "Berdasarkan usul {} dan persetujuan {}, setelah dilakukan validasi atas berkas \
             yang diusulkan, Badan Kepegawaian Negara menetapkan perpindahan berikut:",
            d.tujuan.instansi_nama, d.asal.instansi_nama
        ),
        pembuka_sk: format!(
            "menetapkan pengangkatan dalam jabatan di lingkungan {} bagi pegawai yang pindah \
             antar instansi:",
            d.tujuan.instansi_nama
        ),
        blok,
        penutup_pertek: format!(
            "Pejabat Pembina Kepegawaian instansi penerima menetapkan keputusan pengangkatan \
             dalam jabatan dan Pejabat Pembina Kepegawaian instansi asal menetapkan keputusan \
             pemberhentian dari jabatan paling lama {} hari sejak tanggal pertimbangan teknis \
             ini.",
            siasn_domain::layanan::pindah::HARI_SK
        ),
    }
}

/// The receiving agency's SK changes nothing yet: the record moves with the origin's release.
pub(super) fn terapkan_sk_tujuan() -> Result<(), LangkahDitolak> {
    Ok(())
}

/// The origin agency's official signs the SK releasing the employee from their old position:
/// the letter is generated into the archive and the case completed, and when the TMT has come
/// the move is applied in the same transaction.
pub async fn tandatangani_sk_asal(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    versi: i64,
    frasa: &str,
) -> AppResult<HasilLangkah> {
    let k = kasus(app, aktor, id).await?;
    let aturan = match periksa(aktor, &k, Langkah::TandatanganiSkAsal, None) {
        Ok(a) => a,
        Err(e) => return Ok(HasilLangkah::Ditolak(e)),
    };
    let Some(d) = k.pindah().cloned() else {
        return Err(AppError::Dilarang);
    };
    if k.versi != versi {
        return Ok(HasilLangkah::SudahBerubah);
    }
    let terbuka = match ttd::buka_kunci(app, aktor, frasa).await? {
        Ok(t) => t,
        Err(a) => return Ok(HasilLangkah::Ditolak(LangkahDitolak::Ttd(a))),
    };
    let pegawai = app.store().pegawai(k.pegawai_id).await?;
    let nip_ttd = penandatangan(app, aktor).await?;
    let now = app.sekarang();
    let hari_ini = now.date_naive();
    let mut blok = vec![
        Blok::Baris("Nama".into(), pegawai.nama_lengkap()),
        Blok::Baris("NIP".into(), pegawai.nomor_induk.to_string()),
    ];
    baris_kedudukan(&mut blok, "Jabatan yang ditinggalkan", &d.asal);
    blok.push(Blok::Baris(
        "Pindah ke".into(),
        d.tujuan.instansi_nama.clone(),
    ));
    blok.push(Blok::Baris(
        "Terhitung mulai".into(),
        format_indonesia(d.tmt),
    ));
    let n = Naskah {
        kode: "LEPAS-PI",
        hal: "pemberhentian dari jabatan karena pindah antar instansi".into(),
        dokumen_sk: DOKUMEN_SK_LEPAS,
        pembuka_pertek: String::new(),
        pembuka_sk: String::new(),
        blok: blok.clone(),
        penutup_pertek: String::new(),
    };
    let mut isi = vec![Blok::Paragraf(match &k.pertek {
        Some(p) => format!(
            "Menimbang keputusan perpindahan Badan Kepegawaian Negara Nomor {} tanggal {}, \
             menetapkan pemberhentian dari jabatan di lingkungan {}:",
            p.nomor,
            format_indonesia(p.tanggal),
            d.asal.instansi_nama
        ),
        None => format!(
            "Menetapkan pemberhentian dari jabatan di lingkungan {}:",
            d.asal.instansi_nama
        ),
    })];
    isi.extend(blok);
    isi.push(Blok::Jarak);
    isi.push(Blok::Paragraf(
        "Segala hak kepegawaian yang bersangkutan selanjutnya dibayarkan oleh instansi \
         penerima terhitung mulai tanggal tersebut."
            .into(),
    ));
    let mut surat = IsiSurat {
        kop: vec![
            d.asal.instansi_nama.to_uppercase(),
            "Pejabat Pembina Kepegawaian".into(),
        ],
        judul: "KEPUTUSAN PEMBERHENTIAN DARI JABATAN".into(),
        nomor: String::new(),
        isi,
        tempat_tanggal: format!("Ditetapkan tanggal {}", format_indonesia(hari_ini)),
        jabatan_penandatangan: "Pejabat Pembina Kepegawaian".into(),
        nama_penandatangan: aktor.nama.clone(),
        nip_penandatangan: nip_ttd,
        kaki: Vec::new(),
    };
    let mut tx = app.store().begin().await?;
    let Some(putaran) = maju(&mut tx, &k, versi, aturan.ke, now).await? else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    let seri = "SK-LEPAS-PI";
    let asal = &d.asal.instansi_id;
    let urut = langkah_layanan::nomor_berikutnya(
        &mut tx,
        &format!("INSTANSI-{asal}"),
        seri,
        hari_ini.year(),
    )
    .await?;
    let nomor = format!("{seri}/{asal}/{}/{urut:06}", hari_ini.year());
    surat.nomor = format!("Nomor: {nomor}");
    let dok = tandatangani_surat(app, &mut tx, aktor, &k, terbuka, surat, "SK", &n, &nomor).await?;
    let mut baru = d.clone();
    baru.sk_asal = Some(Surat {
        nomor: nomor.clone(),
        tanggal: hari_ini,
        dokumen_id: Some(dok),
    });
    langkah_layanan::ubah_data(&mut tx, k.id, &DataLayanan::Pindah(Box::new(baru.clone()))).await?;
    if jatuh_tempo(&baru, hari_ini) {
        let hasil = pindahkan(&mut tx, &aktor.label(), &k, &baru, hari_ini, now).await?;
        if let Err(e) = hasil {
            tx.rollback().await?;
            return Ok(HasilLangkah::Ditolak(e));
        }
    }
    catat(
        &mut tx,
        app,
        aktor,
        &k,
        putaran,
        Langkah::TandatanganiSkAsal,
        aturan.ke,
        Some(&nomor),
        now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil(aturan.ke))
}

fn sk(n: &Nomor) -> Sk {
    Sk {
        nomor: n.nomor.clone(),
        tanggal: n.tanggal,
    }
}

fn sk_surat(s: &Surat) -> Sk {
    Sk {
        nomor: s.nomor.clone(),
        tanggal: s.tanggal,
    }
}

/// The move, inside the caller's transaction: the record's agency, unit and position; the
/// riwayat pindah instansi row with both placements and every letter; the employee's other
/// open cases and proposals handed to the receiving agency; the case marked applied; one audit
/// event. Refused when the employee is no longer where the case found them.
async fn pindahkan(
    tx: &mut Tx,
    aktor: &str,
    k: &KasusLayanan,
    d: &DataPindah,
    hari_ini: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Result<(), LangkahDitolak>> {
    let mut p = pegawai::kunci(tx, k.pegawai_id).await?;
    if p.instansi_kerja_id != d.asal.instansi_id
        || siasn_domain::pemberhentian::kedudukan::sudah_keluar(&p.kedudukan_hukum_id)
    {
        return Ok(Err(LangkahDitolak::DataBerubah));
    }
    let Some(sk_tujuan) = k.sk.as_ref() else {
        return Ok(Err(LangkahDitolak::SkTidakSah));
    };
    let sebelum = serde_json::json!({
        "instansi_induk_id": p.instansi_induk_id,
        "instansi_kerja_id": p.instansi_kerja_id,
        "unor_id": p.unor_id,
        "jabatan_id": p.jabatan_id,
        "nama_jabatan": p.nama_jabatan,
    });
    p.unor_id = d.tujuan.unor_id;
    p.jabatan_id.clone_from(&d.tujuan.jabatan_id);
    p.nama_jabatan.clone_from(&d.tujuan.nama_jabatan);
    p.jenis_jabatan_id.clone_from(&d.tujuan.jenis_jabatan_id);
    p.eselon_id = None;
    p.tmt_jabatan = Some(d.tmt);
    pegawai::simpan_data(tx, &p, now).await?;
    pegawai::pindahkan_instansi(tx, p.id, &d.tujuan.instansi_id, now).await?;
    let r = Riwayat {
        id: Uuid::now_v7(),
        pegawai_id: p.id,
        data: DataRiwayat::PindahInstansi(RiwayatPindahInstansi {
            instansi_asal_id: d.asal.instansi_id.clone(),
            instansi_tujuan_id: d.tujuan.instansi_id.clone(),
            unor_tujuan_id: d.tujuan.unor_id,
            tmt_pindah: d.tmt,
            sk: sk_surat(sk_tujuan),
            rincian: Some(Box::new(RincianPindah {
                unor_asal_id: d.asal.unor_id,
                jabatan_asal_id: d.asal.jabatan_id.clone(),
                jenis_jabatan_asal_id: d.asal.jenis_jabatan_id.clone(),
                jabatan_tujuan_id: d.tujuan.jabatan_id.clone(),
                jenis_jabatan_tujuan_id: d.tujuan.jenis_jabatan_id.clone(),
                usul: d.usul.as_ref().map(sk),
                asal: d.persetujuan_asal.as_ref().map(sk),
                tujuan: Some(sk_surat(sk_tujuan)),
                lepas: d.sk_asal.as_ref().map(sk_surat),
                bkn: k.pertek.as_ref().map(sk_surat),
                layanan_id: Some(k.id),
            })),
        }),
    };
    pegawai::tambah_riwayat(tx, &r, now).await?;
    if let Some(dok) = sk_tujuan.dokumen_id {
        langkah_layanan::tautkan_dokumen(tx, dok, r.id).await?;
    }
    let (layanan, usulan) = langkah_layanan::pindahkan_terbuka(
        tx,
        p.id,
        k.id,
        &d.tujuan.instansi_id,
        &d.tujuan.kanreg_id,
    )
    .await?;
    let mut baru = d.clone();
    baru.diterapkan = Some(hari_ini);
    langkah_layanan::tandai_diterapkan(tx, k.id, &DataLayanan::Pindah(Box::new(baru)), hari_ini)
        .await?;
    audit::tulis(
        tx,
        vec![audit::AuditBaru {
            aktor: aktor.to_string(),
            aksi: "pegawai.diubah".into(),
            pegawai_id: Some(p.id),
            alasan: Some(format!(
                "layanan PI {}: pindah instansi TMT {}, SK {}; {layanan} layanan dan {usulan} \
                 usulan terbuka dipindahkan",
                k.id, d.tmt, sk_tujuan.nomor
            )),
            sebelum: Some(sebelum),
            sesudah: Some(serde_json::json!({
                "instansi_induk_id": d.tujuan.instansi_id,
                "instansi_kerja_id": d.tujuan.instansi_id,
                "unor_id": d.tujuan.unor_id,
                "jabatan_id": d.tujuan.jabatan_id,
                "nama_jabatan": d.tujuan.nama_jabatan,
            })),
            ..audit::AuditBaru::default()
        }],
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// Completed transfers whose TMT has come: each moved in its own transaction (the daily job).
/// A transfer whose employee is no longer where the case found them is left, and counted.
pub async fn terapkan_jatuh_tempo(app: &App, hari_ini: NaiveDate) -> AppResult<(u64, u64)> {
    let mut pindah = 0;
    let mut tertahan = 0;
    for k in app.store().pindah_jatuh_tempo(hari_ini).await? {
        let Some(d) = k.pindah().filter(|d| jatuh_tempo(d, hari_ini)) else {
            continue;
        };
        let now = app.sekarang();
        let mut tx = app.store().begin().await?;
        match pindahkan(&mut tx, AKTOR_HARIAN, &k, d, hari_ini, now).await? {
            Ok(()) => {
                tx.commit().await?;
                pindah += 1;
            }
            Err(_) => {
                tx.rollback().await?;
                tertahan += 1;
            }
        }
    }
    Ok((pindah, tertahan))
}
