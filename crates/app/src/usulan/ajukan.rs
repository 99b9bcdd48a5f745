//! The proposer's side: a new proposal (draft or submitted), a revision of a draft or of a
//! returned proposal, submitting a draft, withdrawing.

use chrono::{DateTime, Utc};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::Riwayat;
use siasn_domain::usulan::validasi::{self, Temuan};
use siasn_domain::usulan::{
    LangkahPengusul, Masalah, Perubahan, StatusUsulan, TidakBoleh, Usulan, boleh_langkah_pengusul,
};
use siasn_store::audit::AuditBaru;
use siasn_store::usulan::{self as langkah_usulan, IsiRevisi, Pindah, UsulanBaru};
use siasn_store::{StoreError, Tx, audit, pegawai};
use uuid::Uuid;

use super::{Ditolak, RefValidasi, Unggahan, catat_langkah, pisahkan, sasaran, terima_unggahan};
use crate::{Aktor, App, AppError, AppResult};

/// A proposal's content as the proposer gives it.
#[derive(Debug, Clone)]
pub struct Isi {
    /// The change.
    pub perubahan: Perubahan,
    /// The proposer's note (required when removing a row).
    pub catatan: Option<String>,
    /// Files uploaded with it.
    pub unggahan: Vec<Unggahan>,
    /// Documents already in the employee's archive, attached.
    pub arsip: Vec<Uuid>,
}

/// The rules on a change for this record: blocking findings (and a removal's missing note),
/// and warnings.
pub async fn periksa(
    app: &App,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    perubahan: &Perubahan,
    catatan: Option<&str>,
    membawa_dokumen: bool,
) -> AppResult<Ditolak> {
    let refs = RefValidasi::muat(app, &[pegawai.instansi_kerja_id.as_str()]).await?;
    let temuan = validasi::lengkapi_dokumen(
        refs.periksa(app.sekarang().date_naive(), pegawai, riwayat, perubahan),
        perubahan,
        membawa_dokumen,
    );
    let (mut masalah, peringatan) = pisahkan(temuan);
    if matches!(perubahan, Perubahan::HapusRiwayat { .. })
        && catatan.is_none_or(|c| c.trim().is_empty())
    {
        masalah.push(Masalah::AlasanHapusWajib);
    }
    Ok(Ditolak {
        masalah,
        peringatan,
    })
}

/// Checks `isi` for `pegawai`: rules, the archive documents (the employee's own, or the
/// request is forged and refused), the files (stored only when everything else is right), and
/// when submitting, the required documents (`terlampir`: types already attached).
async fn periksa_isi(
    app: &App,
    aktor: &Aktor,
    pegawai: &Pegawai,
    riwayat: &[Riwayat],
    isi: &Isi,
    kirim: bool,
    terlampir: Vec<String>,
) -> AppResult<Result<(Vec<Dokumen>, Vec<Temuan>), Ditolak>> {
    let membawa_dokumen =
        !isi.unggahan.is_empty() || !isi.arsip.is_empty() || !terlampir.is_empty();
    let mut d = periksa(
        app,
        pegawai,
        riwayat,
        &isi.perubahan,
        isi.catatan.as_deref(),
        membawa_dokumen,
    )
    .await?;
    let arsip_pegawai = app.store().dokumen_pegawai(pegawai.id).await?;
    let mut jenis = terlampir;
    for id in &isi.arsip {
        match arsip_pegawai.iter().find(|a| a.id == *id) {
            Some(a) => jenis.push(a.jenis_dokumen_id.clone()),
            None => return Err(AppError::Dilarang),
        }
    }
    let mut dokumen = Vec::new();
    if d.masalah.is_empty() {
        match terima_unggahan(app, aktor, pegawai.id, &isi.unggahan).await? {
            Ok(baru) => dokumen = baru,
            Err(m) => d.masalah.extend(m),
        }
    }
    if kirim && d.masalah.is_empty() {
        jenis.extend(dokumen.iter().map(|x| x.jenis_dokumen_id.clone()));
        let kewenangan = app.store().kewenangan().await?;
        if !isi.perubahan.dokumen_cukup(&kewenangan, &jenis) {
            d.masalah.push(Masalah::DokumenWajibKurang);
        }
    }
    Ok(if d.masalah.is_empty() {
        Ok((dokumen, d.peringatan))
    } else {
        Err(d)
    })
}

/// Saves one proposal with its documents inside the use case's transaction: the new archive
/// documents, the proposal, its attachments, its first step (with the notification when it
/// is submitted); returns its audit event for the caller to write with its others.
pub(crate) async fn simpan_usulan(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    u: &UsulanBaru,
    dokumen_baru: &[Dokumen],
    dokumen_arsip: &[Uuid],
    now: DateTime<Utc>,
) -> AppResult<AuditBaru> {
    pegawai::simpan_dokumen(tx, dokumen_baru).await?;
    langkah_usulan::simpan(tx, u, now).await?;
    let lampiran: Vec<Uuid> = dokumen_baru
        .iter()
        .map(|d| d.id)
        .chain(dokumen_arsip.iter().copied())
        .collect();
    langkah_usulan::lampirkan(tx, u.id, u.pegawai_id, &lampiran)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::Dilarang,
            e => e.into(),
        })?;
    let diajukan = u.status == StatusUsulan::Diajukan;
    catat_langkah(
        tx,
        app,
        aktor,
        u.id,
        1,
        u.pegawai_id,
        &u.perubahan.kode(),
        if diajukan { "AJUKAN" } else { "SIMPAN" },
        None,
        u.status,
        u.catatan.as_deref(),
        None,
        now,
    )
    .await?;
    let mut e = aktor.audit(if diajukan {
        "usulan.diajukan"
    } else {
        "usulan.disimpan"
    });
    e.akun_id = None;
    e.pegawai_id = Some(u.pegawai_id);
    e.alasan = Some(format!("usulan {}", u.id));
    e.sesudah = Some(serde_json::json!({ "jenis": u.perubahan.kode() }));
    Ok(e)
}

/// A new proposal from a form: a draft, or submitted (`kirim`). A second submit of the same
/// form (`kunci_kirim`) finds the first proposal instead of making another.
pub async fn ajukan(
    app: &App,
    aktor: &Aktor,
    pegawai_id: Option<Uuid>,
    isi: Isi,
    kirim: bool,
    kunci_kirim: Option<&str>,
) -> AppResult<Result<Uuid, Ditolak>> {
    let (pegawai, letak) = sasaran(app, aktor, pegawai_id).await?;
    let riwayat = app.store().riwayat_pegawai(pegawai.id, None).await?;
    let (dokumen_baru, peringatan) =
        match periksa_isi(app, aktor, &pegawai, &riwayat, &isi, kirim, Vec::new()).await? {
            Ok(x) => x,
            Err(d) => return Ok(Err(d)),
        };
    let sebelum = isi
        .perubahan
        .sebelum(&pegawai, &riwayat)
        .map_err(|_| AppError::TidakDitemukan)?;
    let kunci = kunci_kirim
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| format!("{}:{k}", aktor.akun_id()));
    if let Some(k) = &kunci
        && let Some(id) = app.store().usulan_dengan_kunci(k).await?
    {
        return Ok(Ok(id));
    }
    let kewenangan = app.store().kewenangan().await?;
    let u = UsulanBaru {
        id: Uuid::now_v7(),
        kunci_kirim: kunci.clone(),
        pegawai_id: pegawai.id,
        instansi_id: letak.instansi_id,
        kanreg_id: letak.kanreg_id,
        kolektif_id: None,
        pengusul_akun_id: aktor.akun_id(),
        rute: isi.perubahan.rute(&kewenangan),
        perubahan: isi.perubahan,
        sebelum,
        catatan: isi.catatan.filter(|c| !c.is_empty()),
        peringatan,
        status: if kirim {
            StatusUsulan::Diajukan
        } else {
            StatusUsulan::Draf
        },
    };
    let now = app.sekarang();
    let hasil: AppResult<()> = async {
        let mut tx = app.store().begin().await?;
        let e = simpan_usulan(&mut tx, app, aktor, &u, &dokumen_baru, &isi.arsip, now).await?;
        audit::tulis(&mut tx, vec![e], now).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    match hasil {
        Ok(()) => {
            app.bangunkan_surel();
            Ok(Ok(u.id))
        }
        // Two submits racing with the same key: the loser finds the winner's proposal.
        Err(AppError::Store(StoreError::Conflict(_))) if kunci.is_some() => {
            let k = kunci.unwrap_or_default();
            app.store()
                .usulan_dengan_kunci(&k)
                .await?
                .map(Ok)
                .ok_or(AppError::SudahBerubah)
        }
        Err(e) => Err(e),
    }
}

/// A proposal the actor may see (they proposed it, or their scope covers it).
pub async fn usulan_terlihat(app: &App, aktor: &Aktor, id: Uuid) -> AppResult<Usulan> {
    app.store()
        .usulan_terlihat(id, aktor.akun_id(), &aktor.pelaku.cakupan_baca())
        .await
        .map_err(AppError::dari_store)
}

/// What became of a proposer's step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilLangkah {
    /// Done.
    Berhasil,
    /// Not the proposer's turn, or not the proposer.
    TidakBoleh(TidakBoleh),
    /// The proposal moved on since the proposer looked; nothing changed.
    SudahBerubah,
    /// The content does not pass the rules (submitting a draft, or a revision).
    Ditolak(Ditolak),
}

/// A revision of a draft or a returned proposal: new content and documents, attachments the
/// verifier flagged dropped (`lepas`); resubmitted when `kirim`. Checked like a new proposal.
pub async fn revisi(
    app: &App,
    aktor: &Aktor,
    u: &Usulan,
    versi: i64,
    isi: Isi,
    lepas: &[Uuid],
    kirim: bool,
) -> AppResult<HasilLangkah> {
    let pengusul = aktor.akun_id() == u.pengusul_akun_id;
    if let Err(e) = boleh_langkah_pengusul(LangkahPengusul::Ubah, u.status, pengusul) {
        return Ok(HasilLangkah::TidakBoleh(e));
    }
    let pegawai = app.store().pegawai(u.pegawai_id).await?;
    let riwayat = app.store().riwayat_pegawai(u.pegawai_id, None).await?;
    let lampiran = app.store().lampiran_usulan(u.id).await?;
    let lepas: Vec<Uuid> = lepas
        .iter()
        .copied()
        .filter(|d| lampiran.iter().any(|l| l.dokumen.id == *d))
        .collect();
    let tetap: Vec<String> = lampiran
        .iter()
        .filter(|l| !lepas.contains(&l.dokumen.id))
        .map(|l| l.dokumen.jenis_dokumen_id.clone())
        .collect();
    let (dokumen_baru, peringatan) =
        match periksa_isi(app, aktor, &pegawai, &riwayat, &isi, kirim, tetap).await? {
            Ok(x) => x,
            Err(d) => return Ok(HasilLangkah::Ditolak(d)),
        };
    let sebelum = isi
        .perubahan
        .sebelum(&pegawai, &riwayat)
        .map_err(|_| AppError::TidakDitemukan)?;
    let ke = if kirim {
        StatusUsulan::Diajukan
    } else {
        u.status
    };
    let langkah = if kirim { "AJUKAN_ULANG" } else { "UBAH" };
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let pindah = Pindah {
        usulan_id: u.id,
        versi,
        dari: u.status,
        ke,
    };
    let Some((pegawai_id, putaran, _)) =
        langkah_usulan::langkah_pengusul(&mut tx, pindah, now).await?
    else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    let isi_baru = IsiRevisi {
        perubahan: isi.perubahan,
        sebelum,
        peringatan,
        catatan: isi.catatan.filter(|c| !c.is_empty()),
    };
    langkah_usulan::revisi(&mut tx, u.id, &isi_baru).await?;
    langkah_usulan::lepas_lampiran(&mut tx, u.id, &lepas).await?;
    pegawai::simpan_dokumen(&mut tx, &dokumen_baru).await?;
    let ids: Vec<Uuid> = dokumen_baru
        .iter()
        .map(|d| d.id)
        .chain(isi.arsip.iter().copied())
        .collect();
    langkah_usulan::lampirkan(&mut tx, u.id, pegawai_id, &ids)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::Dilarang,
            e => e.into(),
        })?;
    let jenis = isi_baru.perubahan.kode();
    selesaikan_langkah(
        &mut tx, app, aktor, u.id, putaran, pegawai_id, &jenis, langkah, pindah, now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil)
}

/// The round history, notification and audit event of a proposer's step.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn selesaikan_langkah(
    tx: &mut Tx,
    app: &App,
    aktor: &Aktor,
    usulan_id: Uuid,
    putaran: i32,
    pegawai_id: Uuid,
    jenis: &str,
    langkah: &str,
    pindah: Pindah,
    now: DateTime<Utc>,
) -> AppResult<()> {
    catat_langkah(
        tx,
        app,
        aktor,
        usulan_id,
        putaran,
        pegawai_id,
        jenis,
        langkah,
        Some(pindah.dari),
        pindah.ke,
        None,
        None,
        now,
    )
    .await?;
    let mut e = aktor.audit(&format!("usulan.{}", langkah.to_lowercase()));
    e.akun_id = None;
    e.pegawai_id = Some(pegawai_id);
    e.alasan = Some(format!("usulan {usulan_id}"));
    e.sesudah = Some(serde_json::json!({ "status": pindah.ke.kode() }));
    audit::tulis(tx, vec![e], now).await?;
    Ok(())
}

/// Submits a saved draft (checked again as if it were new) or withdraws a proposal nobody has
/// approved yet.
pub async fn langkah_pengusul(
    app: &App,
    aktor: &Aktor,
    u: &Usulan,
    versi: i64,
    l: LangkahPengusul,
) -> AppResult<HasilLangkah> {
    let ke = match boleh_langkah_pengusul(l, u.status, aktor.akun_id() == u.pengusul_akun_id) {
        Ok(s) => s,
        Err(e) => return Ok(HasilLangkah::TidakBoleh(e)),
    };
    let kode = match l {
        LangkahPengusul::Ajukan => "AJUKAN",
        LangkahPengusul::Batalkan => "BATALKAN",
        LangkahPengusul::Ubah => "UBAH",
    };
    if l == LangkahPengusul::Ajukan {
        let pegawai = app.store().pegawai(u.pegawai_id).await?;
        let riwayat = app.store().riwayat_pegawai(u.pegawai_id, None).await?;
        let jenis: Vec<String> = app
            .store()
            .lampiran_usulan(u.id)
            .await?
            .into_iter()
            .map(|x| x.dokumen.jenis_dokumen_id)
            .collect();
        let mut d = periksa(
            app,
            &pegawai,
            &riwayat,
            &u.perubahan,
            u.catatan.as_deref(),
            !jenis.is_empty(),
        )
        .await?;
        let kewenangan = app.store().kewenangan().await?;
        if !u.perubahan.dokumen_cukup(&kewenangan, &jenis) {
            d.masalah.push(Masalah::DokumenWajibKurang);
        }
        if !d.masalah.is_empty() {
            return Ok(HasilLangkah::Ditolak(d));
        }
    }
    let now = app.sekarang();
    let pindah = Pindah {
        usulan_id: u.id,
        versi,
        dari: u.status,
        ke,
    };
    let mut tx = app.store().begin().await?;
    let Some((pegawai_id, putaran, jenis)) =
        langkah_usulan::langkah_pengusul(&mut tx, pindah, now).await?
    else {
        return Ok(HasilLangkah::SudahBerubah);
    };
    selesaikan_langkah(
        &mut tx, app, aktor, u.id, putaran, pegawai_id, &jenis, kode, pindah, now,
    )
    .await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(HasilLangkah::Berhasil)
}
