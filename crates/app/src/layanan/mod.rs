//! Personnel services on one engine: reading a case within the actor's reach, and taking a
//! step — authorised by the lifecycle, made against the version the actor saw, logged,
//! notified and audited in one transaction. The pertek and the SK are numbered, signed and
//! filed by one engine ([`terbitkan_pertek`], [`tandatangani_sk`], [`unggah_sk`]); what they
//! say and what the SK changes in the record is the service's own module ([`kp`],
//! [`pensiun`]).

pub mod cltn;
pub mod cpns;
pub mod harian;
pub mod kp;
mod naskah;
pub mod pensiun;
pub mod pindah;
mod surat;

pub use surat::{tandatangani_sk, terbitkan_pertek, unggah_sk};

use chrono::{DateTime, Utc};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::layanan::{
    self as engine, JenisLayanan, KasusLayanan, Langkah, LangkahDitolak, Pelaksana, StatusLayanan,
};
use siasn_store::layanan::{self as langkah_layanan, JejakBaru, Pindah};
use siasn_store::{Tx, audit, email, pegawai};
use siasn_teks::{Bahasa, label_status_layanan, surel};
use uuid::Uuid;

use crate::usulan::{Unggahan, terima_unggahan};
use crate::{Aktor, App, AppError, AppResult};

/// The placement of an employee the actor may start a case for: only their agency's operator
/// may; for anyone else (or no such employee) `None`, without saying which.
pub(crate) async fn letak_untuk_operator(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Uuid,
) -> AppResult<Option<siasn_domain::akses::LetakPegawai>> {
    let letak = match app.store().letak_pegawai(pegawai_id).await {
        Ok(l) => l,
        Err(siasn_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let operator = aktor.pelaku.peran.iter().any(|g| {
        g.peran == siasn_domain::akses::Peran::OperatorInstansi
            && g.instansi_id.as_deref() == Some(letak.instansi_id.as_str())
    });
    Ok(operator.then_some(letak))
}

/// Whether the employee has a case of this service still open (one at a time per service).
pub(crate) async fn ada_terbuka(
    app: &App,
    pegawai_id: Uuid,
    jenis: JenisLayanan,
) -> AppResult<bool> {
    Ok(app
        .store()
        .layanan_pegawai(pegawai_id)
        .await?
        .iter()
        .any(|k| k.jenis == jenis && !k.status.final_()))
}

/// A case about to start.
pub(crate) struct KasusMulai {
    /// Which service.
    pub jenis: JenisLayanan,
    /// Sub-kind.
    pub sub_jenis: String,
    /// Period (the date the case is about).
    pub periode: chrono::NaiveDate,
    /// Employee.
    pub pegawai_id: Uuid,
    /// Their NIP.
    pub nip: String,
    /// Their name.
    pub nama: String,
    /// Their unit.
    pub unor_id: Option<Uuid>,
    /// The agency keeping the case and its Kanreg (the employee's own, except for a transfer).
    pub letak: siasn_domain::akses::LetakPegawai,
    /// For a transfer, the agency the employee leaves.
    pub instansi_asal_id: Option<String>,
    /// Who decides at BKN.
    pub tujuan: siasn_domain::layanan::kp::Tujuan,
    /// The service's own data.
    pub data: siasn_domain::layanan::DataLayanan,
}

/// Stores a new case at "input berkas" with its first log entry and audit, inside `tx`; `None`
/// when a live case for the same employee, service and period exists (the caller rolls back).
pub(crate) async fn buat_kasus(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    m: KasusMulai,
    now: DateTime<Utc>,
) -> AppResult<Option<KasusLayanan>> {
    let id = Uuid::now_v7();
    let baru = langkah_layanan::KasusBaru {
        id,
        jenis: m.jenis.kode(),
        sub_jenis: &m.sub_jenis,
        periode: m.periode,
        pegawai_id: m.pegawai_id,
        instansi_id: &m.letak.instansi_id,
        instansi_asal_id: m.instansi_asal_id.as_deref(),
        kanreg_id: &m.letak.kanreg_id,
        unor_id: m.unor_id,
        tujuan: m.tujuan.kode(),
        pengusul_akun_id: aktor.akun_id(),
        status: StatusLayanan::InputBerkas,
        data: &m.data,
    };
    match langkah_layanan::buat(tx, &baru, now).await {
        Ok(()) => {}
        Err(siasn_store::StoreError::Conflict(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let kasus = KasusLayanan {
        id,
        jenis: m.jenis,
        sub_jenis: m.sub_jenis,
        periode: m.periode,
        pegawai_id: m.pegawai_id,
        nip: m.nip,
        nama: m.nama,
        instansi_id: m.letak.instansi_id,
        instansi_asal_id: m.instansi_asal_id,
        kanreg_id: m.letak.kanreg_id,
        tujuan: m.tujuan,
        pengusul_akun_id: Some(aktor.akun_id()),
        status: StatusLayanan::InputBerkas,
        data: m.data,
        putaran: 1,
        versi: 1,
        alasan: None,
        pertek: None,
        sk: None,
        dibuat_pada: now,
        status_sejak: now,
    };
    catat(
        tx,
        app,
        aktor,
        &kasus,
        1,
        Langkah::Buat,
        StatusLayanan::InputBerkas,
        None,
        now,
    )
    .await?;
    Ok(Some(kasus))
}

/// What became of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilLangkah {
    /// Done; the case is now at this status.
    Berhasil(StatusLayanan),
    /// Someone else moved the case first; nothing was changed.
    SudahBerubah,
    /// Refused, and why; nothing was changed.
    Ditolak(LangkahDitolak),
}

/// A case the actor may see (their own, or within their scopes); anything else is "not found".
pub async fn kasus(app: &App, aktor: &Aktor, id: Uuid) -> AppResult<KasusLayanan> {
    app.store()
        .layanan_terlihat(id, &aktor.pelaku.cakupan_baca())
        .await
        .map_err(AppError::dari_store)
}

/// The kinds of actor `aktor` is for `k`, whether they started it, whether it is about them.
pub fn posisi(aktor: &Aktor, k: &KasusLayanan) -> (Vec<Pelaksana>, bool, bool) {
    (
        engine::pelaksana(
            &aktor.pelaku,
            &k.instansi_id,
            k.instansi_asal_id.as_deref(),
            &k.kanreg_id,
            k.tujuan,
        ),
        k.pengusul_akun_id == Some(aktor.akun_id()),
        aktor.pelaku.pegawai_id == Some(k.pegawai_id),
    )
}

/// The steps the actor could take on `k` now (for buttons).
pub fn langkah_tersedia(aktor: &Aktor, k: &KasusLayanan) -> Vec<Langkah> {
    let (p, pengusul, subjek) = posisi(aktor, k);
    engine::langkah_tersedia(k.jenis, k.status, &p, pengusul, subjek)
}

/// Whether `aktor` may take `langkah` on `k` now, and where it leads.
fn periksa(
    aktor: &Aktor,
    k: &KasusLayanan,
    langkah: Langkah,
    alasan: Option<&str>,
) -> Result<&'static engine::Aturan, LangkahDitolak> {
    let (p, pengusul, subjek) = posisi(aktor, k);
    engine::boleh(k.jenis, langkah, k.status, &p, pengusul, subjek, alasan)
}

/// Takes a step that needs nothing but the move: saving the file, proposing, the agency
/// official's and BKN's decisions, deleting. The pertek and the SK are [`terbitkan_pertek`]
/// and [`tandatangani_sk`].
pub async fn langkah(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    versi: i64,
    langkah: Langkah,
    alasan: Option<&str>,
) -> AppResult<HasilLangkah> {
    if matches!(
        langkah,
        Langkah::Buat
            | Langkah::TerbitkanPertek
            | Langkah::TandatanganiSk
            | Langkah::UnggahSk
            | Langkah::TandatanganiSkAsal
    ) {
        return Err(AppError::Dilarang);
    }
    let k = kasus(app, aktor, id).await?;
    let aturan = match periksa(aktor, &k, langkah, alasan) {
        Ok(a) => a,
        Err(e) => return Ok(HasilLangkah::Ditolak(e)),
    };
    if k.versi != versi {
        return Ok(HasilLangkah::SudahBerubah);
    }
    if langkah == Langkah::SimpanBerkas {
        let syarat = app.store().syarat_dokumen(k.jenis, &k.sub_jenis).await?;
        let terlampir = app.store().lampiran_layanan(k.id).await?;
        let jenis: Vec<&str> = terlampir
            .iter()
            .map(|l| l.jenis_dokumen_id.as_str())
            .collect();
        if !engine::syarat_kurang(&syarat, &jenis).is_empty() {
            return Ok(HasilLangkah::Ditolak(LangkahDitolak::BerkasBelumLengkap));
        }
    }
    if langkah == Langkah::Ajukan
        && k.jenis == JenisLayanan::KenaikanPangkat
        && let Err(e) = kp::dalam_jadwal(app, &k).await?
    {
        return Ok(HasilLangkah::Ditolak(e));
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let putaran_baru = langkah == Langkah::SimpanBerkas
        && matches!(
            k.status,
            StatusLayanan::PerbaikanDokumen | StatusLayanan::Bts
        );
    let simpan_alasan = aturan.perlu_alasan.then_some(alasan).flatten();
    let Some(putaran) = langkah_layanan::pindah(
        &mut tx,
        Pindah {
            id,
            versi,
            dari: k.status,
            ke: aturan.ke,
            putaran_baru,
            alasan: simpan_alasan.map(str::trim),
        },
        now,
    )
    .await?
    else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    // A transfer's usul and the origin's consent are letters with numbers of their own.
    let nomor = match k.pindah() {
        Some(d) => pindah::beri_nomor(&mut tx, &k, d, langkah, now).await?,
        None => None,
    };
    catat(
        &mut tx,
        app,
        aktor,
        &k,
        putaran,
        langkah,
        aturan.ke,
        simpan_alasan.or(nomor.as_deref()),
        now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil(aturan.ke))
}

/// The log entry, the employee's notices (in-app and e-mail) and the audit event of a step.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn catat(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    k: &KasusLayanan,
    putaran: i32,
    langkah: Langkah,
    ke: StatusLayanan,
    catatan: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let nama = aktor.nama_tampil();
    langkah_layanan::catat_jejak(
        tx,
        &JejakBaru {
            layanan_id: k.id,
            putaran,
            akun_id: Some(aktor.akun_id()),
            aktor: &nama,
            alamat: aktor.alamat.as_deref(),
            langkah,
            status_dari: (langkah != Langkah::Buat).then_some(k.status),
            status_ke: ke,
            catatan,
            waktu: now,
        },
    )
    .await?;
    // The employee follows their case from the moment it is proposed.
    if !matches!(
        ke,
        StatusLayanan::InputBerkas | StatusLayanan::BerkasDisimpan
    ) {
        langkah_layanan::beri_tahu(tx, k.id, k.pegawai_id, ke, now).await?;
        let nama_layanan = |b: Bahasa| b.t(siasn_teks::nama_layanan(k.jenis));
        let surat = surel::status_layanan(
            (
                nama_layanan(Bahasa::Indonesia),
                nama_layanan(Bahasa::Inggris),
            ),
            (
                label_status_layanan(ke, Bahasa::Indonesia),
                label_status_layanan(ke, Bahasa::Inggris),
            ),
            &format!("{}/layanan/{}", app.url_dasar(), k.id),
        );
        email::antre_ke_pegawai(tx, k.pegawai_id, &surat.subjek, &surat.isi, now).await?;
    }
    let mut e = aktor.audit(&format!("layanan.{}", langkah.kode().to_lowercase()));
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(match catatan {
        Some(c) => format!("layanan {} {}: {c}", k.jenis.kode(), k.id),
        None => format!("layanan {} {}", k.jenis.kode(), k.id),
    });
    e.sesudah = Some(serde_json::json!({ "status": ke.kode_siasn() }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(())
}

/// Why documents were not attached (nothing of the request was kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LampiranDitolak {
    /// A document's type is not one the service needs.
    JenisTidakSesuai,
    /// An upload was refused by its content.
    Berkas(Vec<siasn_domain::usulan::Masalah>),
}

/// Attaches documents to a case while the operator completes its file: archive documents of
/// the employee chosen by id, and new uploads (checked by content, filed in the archive first
/// so they are uploaded once). A type the service does not need is refused.
pub async fn lampirkan(
    app: &App,
    aktor: &Aktor,
    id: Uuid,
    dokumen: &[Uuid],
    unggahan: &[Unggahan],
) -> AppResult<Result<(), LampiranDitolak>> {
    let k = kasus(app, aktor, id).await?;
    let boleh = periksa(aktor, &k, Langkah::SimpanBerkas, None);
    if let Err(e) = boleh {
        return Err(match e {
            LangkahDitolak::StatusTidakSesuai => AppError::SudahBerubah,
            _ => AppError::Dilarang,
        });
    }
    let syarat = app.store().syarat_dokumen(k.jenis, &k.sub_jenis).await?;
    if unggahan
        .iter()
        .any(|u| !engine::dokumen_diterima(&syarat, &u.jenis_dokumen_id))
    {
        return Ok(Err(LampiranDitolak::JenisTidakSesuai));
    }
    let baru: Vec<Dokumen> = match terima_unggahan(app, aktor, k.pegawai_id, unggahan).await? {
        Ok(d) => d,
        Err(m) => return Ok(Err(LampiranDitolak::Berkas(m))),
    };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    pegawai::simpan_dokumen(&mut tx, &baru).await?;
    let semua = dokumen.iter().copied().chain(baru.iter().map(|d| d.id));
    for dok in semua {
        let jenis = langkah_layanan::lampirkan(&mut tx, k.id, k.pegawai_id, dok)
            .await
            .map_err(AppError::dari_store)?;
        if !engine::dokumen_diterima(&syarat, &jenis) {
            // Nothing of this request is kept.
            tx.rollback().await?;
            return Ok(Err(LampiranDitolak::JenisTidakSesuai));
        }
    }
    let mut e = aktor.audit("layanan.lampirkan");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan {} {}", k.jenis.kode(), k.id));
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Detaches a document from a case whose file is being completed.
pub async fn lepas(app: &App, aktor: &Aktor, id: Uuid, dokumen_id: Uuid) -> AppResult<()> {
    let k = kasus(app, aktor, id).await?;
    if periksa(aktor, &k, Langkah::SimpanBerkas, None).is_err() {
        return Err(AppError::Dilarang);
    }
    let mut tx = app.store().begin().await?;
    langkah_layanan::lepas(&mut tx, k.id, dokumen_id).await?;
    // A file that loses a document is no longer complete.
    if k.status == StatusLayanan::BerkasDisimpan {
        langkah_layanan::pindah(
            &mut tx,
            Pindah {
                id,
                versi: k.versi,
                dari: k.status,
                ke: StatusLayanan::InputBerkas,
                putaran_baru: false,
                alasan: None,
            },
            app.sekarang(),
        )
        .await?
        .ok_or(AppError::SudahBerubah)?;
    }
    let mut e = aktor.audit("layanan.lepas_lampiran");
    e.akun_id = None;
    e.pegawai_id = Some(k.pegawai_id);
    e.alasan = Some(format!("layanan {} {}", k.jenis.kode(), k.id));
    audit::tulis(&mut tx, vec![e], app.sekarang()).await?;
    tx.commit().await?;
    Ok(())
}
