//! Collective proposals: an operator proposes one kind of change for many employees of their
//! agency at once (a NIP list with shared values, or a CSV). Every row is checked like a single
//! proposal and reported; the batch is saved in one transaction.

use std::collections::HashSet;

use siasn_domain::akses::{Cakupan, Peran};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::usulan::kolektif::{BarisKolektif, JenisKolektif};
use siasn_domain::usulan::validasi::Temuan;
use siasn_domain::usulan::{Masalah, Perubahan, Sebelum, StatusUsulan};
use siasn_store::StoreError;
use siasn_store::audit;
use siasn_store::usulan::{self as langkah_usulan, KolektifBaru, UsulanBaru};
use uuid::Uuid;

use super::{RefValidasi, Unggahan, dokumen_baru, pisahkan, simpan_berkas, simpan_usulan};
use crate::{Aktor, App, AppError, AppResult};

/// What the report says about one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KetBaris {
    /// Will be proposed; the warnings the verifier will see.
    Sah(Vec<Temuan>),
    /// The NIP is not a NIP, and why.
    NipSalah(siasn_domain::nip::NipError),
    /// The same NIP appears earlier in the list.
    NipGanda,
    /// No such employee in the operator's agency.
    DiLuarCakupan,
    /// The row's values do not make a change of this kind.
    IsianSalah(Vec<siasn_domain::usulan::kolektif::SalahKolektif>),
    /// Blocking findings.
    Galat(Vec<Temuan>),
    /// The change cannot be made against the record as it is.
    TidakValid,
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisLaporan {
    /// Line in the file (or position in the list).
    pub baris: usize,
    /// The NIP as written.
    pub nip_teks: String,
    /// The employee's name, when found.
    pub nama: String,
    /// The outcome.
    pub ket: KetBaris,
    /// For a row that passes: what would be written, and the record as it is now (so the
    /// operator checks the values before submitting).
    pub isi: Option<(Perubahan, Sebelum)>,
}

impl BarisLaporan {
    /// Whether the row will be proposed.
    pub fn sah(&self) -> bool {
        matches!(self.ket, KetBaris::Sah(_))
    }
}

struct BarisSah {
    pegawai: Pegawai,
    perubahan: Perubahan,
    sebelum: Sebelum,
    peringatan: Vec<Temuan>,
}

/// The agency the actor operates for (collective proposals are an operator's).
pub fn instansi_operator(aktor: &Aktor) -> Option<String> {
    aktor
        .pelaku
        .peran
        .iter()
        .find(|p| p.peran == Peran::OperatorInstansi)
        .and_then(|p| p.instansi_id.clone())
}

async fn periksa_semua(
    app: &App,
    instansi: &str,
    jenis: JenisKolektif,
    baris: &[BarisKolektif],
) -> AppResult<(Vec<BarisLaporan>, Vec<BarisSah>)> {
    let cakupan = vec![Cakupan::Instansi(instansi.to_string())];
    // Every row is in the operator's agency (the scope above), so one load serves them all.
    let refs = RefValidasi::muat(app, &[instansi]).await?;
    let hari_ini = app.sekarang().date_naive();
    let mut laporan = Vec::with_capacity(baris.len());
    let mut sah = Vec::new();
    let mut nip_terlihat = HashSet::new();
    for r in baris {
        let mut catat = |nama: String, ket: KetBaris| {
            laporan.push(BarisLaporan {
                baris: r.baris,
                nip_teks: r.nip_teks.clone(),
                nama,
                ket,
                isi: None,
            });
        };
        let nip = match &r.nip {
            Ok(n) => n,
            Err(e) => {
                catat(String::new(), KetBaris::NipSalah(e.clone()));
                continue;
            }
        };
        if !nip_terlihat.insert(nip.as_str().to_string()) {
            catat(String::new(), KetBaris::NipGanda);
            continue;
        }
        let pegawai = match app
            .store()
            .pegawai_dalam_cakupan(nip.as_str(), &cakupan)
            .await
        {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                catat(String::new(), KetBaris::DiLuarCakupan);
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let nama = pegawai.nama_lengkap();
        let perubahan = match jenis.perubahan(&r.nilai) {
            Ok(p) => p,
            Err(e) => {
                catat(nama, KetBaris::IsianSalah(e));
                continue;
            }
        };
        let riwayat = match perubahan.jenis_riwayat() {
            Some(j) => app.store().riwayat_pegawai(pegawai.id, Some(j)).await?,
            None => Vec::new(),
        };
        let (galat, peringatan) = pisahkan(refs.periksa(hari_ini, &pegawai, &riwayat, &perubahan));
        if !galat.is_empty() {
            let temuan = galat
                .into_iter()
                .filter_map(|m| match m {
                    Masalah::Temuan(t) => Some(t),
                    _ => None,
                })
                .collect();
            catat(nama, KetBaris::Galat(temuan));
            continue;
        }
        let Ok(sebelum) = perubahan.sebelum(&pegawai, &riwayat) else {
            catat(nama, KetBaris::TidakValid);
            continue;
        };
        catat(nama, KetBaris::Sah(peringatan.clone()));
        if let Some(l) = laporan.last_mut() {
            l.isi = Some((perubahan.clone(), sebelum.clone()));
        }
        sah.push(BarisSah {
            pegawai,
            perubahan,
            sebelum,
            peringatan,
        });
    }
    Ok((laporan, sah))
}

/// Checks every row for the operator's agency and reports each (nothing is saved).
pub async fn periksa_kolektif(
    app: &App,
    aktor: &Aktor,
    jenis: JenisKolektif,
    baris: &[BarisKolektif],
) -> AppResult<Vec<BarisLaporan>> {
    let instansi = instansi_operator(aktor).ok_or(AppError::Dilarang)?;
    Ok(periksa_semua(app, &instansi, jenis, baris).await?.0)
}

/// A refused batch: the report and what blocks the whole batch.
#[derive(Debug, Clone, PartialEq)]
pub struct KolektifDitolak {
    /// The per-row report.
    pub laporan: Vec<BarisLaporan>,
    /// What blocks the batch.
    pub masalah: Vec<Masalah>,
}

/// Submits the rows that pass, with one shared supporting document (e.g. the reorganisation
/// decree) filed in each employee's archive: every proposal, document, step and audit event
/// of the batch in one transaction.
pub async fn ajukan_kolektif(
    app: &App,
    aktor: &Aktor,
    jenis: JenisKolektif,
    judul: &str,
    baris: &[BarisKolektif],
    dokumen: Option<Unggahan>,
) -> AppResult<Result<Uuid, KolektifDitolak>> {
    let instansi = instansi_operator(aktor).ok_or(AppError::Dilarang)?;
    let (laporan, sah) = periksa_semua(app, &instansi, jenis, baris).await?;
    if sah.is_empty() {
        let masalah = if baris.is_empty() {
            Vec::new()
        } else {
            vec![Masalah::TanpaBarisSah]
        };
        return Ok(Err(KolektifDitolak { laporan, masalah }));
    }
    let mut masalah = Vec::new();
    let mut bersama = None;
    if let Some(u) = &dokumen {
        match simpan_berkas(app, &u.nama_file, &u.isi).await? {
            Ok((j, blob)) => bersama = Some((u, j, blob)),
            Err(m) => masalah.push(m),
        }
    }
    let kewenangan = app.store().kewenangan().await?;
    let jenis_terlampir: Vec<String> = bersama
        .iter()
        .map(|(u, _, _)| u.jenis_dokumen_id.clone())
        .collect();
    if !sah
        .iter()
        .all(|s| s.perubahan.dokumen_cukup(&kewenangan, &jenis_terlampir))
    {
        masalah.push(Masalah::DokumenWajibKurang);
    }
    if judul.trim().is_empty() {
        masalah.push(Masalah::JudulWajib);
    }
    if !masalah.is_empty() {
        return Ok(Err(KolektifDitolak { laporan, masalah }));
    }
    let now = app.sekarang();
    let kanreg_id = app.store().instansi(&instansi).await?.kanreg_id;
    let k = KolektifBaru {
        id: Uuid::now_v7(),
        instansi_id: instansi.clone(),
        judul: judul.to_string(),
        jenis: jenis.kode().to_string(),
        pengusul_akun_id: aktor.akun_id(),
        jumlah: sah.len(),
    };
    let mut tx = app.store().begin().await?;
    langkah_usulan::simpan_kolektif(&mut tx, &k, now).await?;
    let mut events = Vec::with_capacity(sah.len());
    for s in sah {
        let dokumen: Vec<_> = bersama
            .iter()
            .map(|(u, j, blob)| {
                dokumen_baru(
                    aktor,
                    s.pegawai.id,
                    &u.jenis_dokumen_id,
                    &u.nama_file,
                    *j,
                    blob,
                    now,
                )
            })
            .collect();
        let u = UsulanBaru {
            id: Uuid::now_v7(),
            kunci_kirim: None,
            pegawai_id: s.pegawai.id,
            instansi_id: instansi.clone(),
            kanreg_id: kanreg_id.clone(),
            kolektif_id: Some(k.id),
            pengusul_akun_id: aktor.akun_id(),
            rute: s.perubahan.rute(&kewenangan),
            perubahan: s.perubahan,
            sebelum: s.sebelum,
            catatan: Some(judul.to_string()),
            peringatan: s.peringatan,
            status: StatusUsulan::Diajukan,
        };
        events.push(simpan_usulan(&mut tx, app, aktor, &u, &dokumen, &[], now).await?);
    }
    audit::tulis(&mut tx, events, now).await?;
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(Ok(k.id))
}
