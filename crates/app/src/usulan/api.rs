//! Writes through the SIASN-compatible API. An agency system's save is the agency's act: the
//! proposal is submitted by the user through the client and approved at the agency stage in
//! the SAME transaction. History under agency authority is applied at once; history under BKN
//! authority waits in the BKN queue. Uploads are kept for a later save or filed at once.

use siasn_domain::akses::{Pelaku, Peran};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::klien_api::{KlienApi, UnggahanApi};
use siasn_domain::pegawai::Pegawai;
use siasn_domain::referensi::Verifikator;
use siasn_domain::usulan::berkas::JenisBerkas;
use siasn_domain::usulan::validasi::Temuan;
use siasn_domain::usulan::{Keputusan, Konflik, Perubahan, StatusUsulan, status_setelah};
use siasn_store::usulan::{Pindah, UsulanBaru};
use siasn_store::{audit, klien_api, pegawai};
use uuid::Uuid;

use super::putuskan::{HasilPutusan, PutusanSiap, jalankan};
use super::{RefValidasi, nama_berkas, pisahkan, simpan_usulan};
use crate::{Aktor, App, AppError, AppResult};

/// Why a client's write is refused before anything is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TolakTulis {
    /// National clients only read.
    KlienNasional,
    /// The user is not an operator or verifier of the employee's agency.
    BukanPetugas,
}

/// Writes are agency acts: an agency's client, and a user who is operator or verifier of the
/// employee's agency.
pub fn boleh_menulis(klien: &KlienApi, pelaku: &Pelaku, p: &Pegawai) -> Result<(), TolakTulis> {
    if !klien.jangkauan.boleh_menulis() {
        return Err(TolakTulis::KlienNasional);
    }
    let petugas = pelaku.peran.iter().any(|g| {
        matches!(
            g.peran,
            Peran::OperatorInstansi | Peran::VerifikatorInstansi
        ) && g.instansi_id.as_deref() == Some(p.instansi_kerja_id.as_str())
    });
    if petugas {
        Ok(())
    } else {
        Err(TolakTulis::BukanPetugas)
    }
}

/// A supporting document named in a save (`path`): an upload of this client
/// (`unggahan/<id>`) or a document already in the employee's archive (`dokumen/<id>`), with
/// an optional document type replacing the upload's.
#[derive(Debug, Clone)]
pub struct DokumenApi {
    /// `dok_uri`.
    pub uri: String,
    /// `dok_id` (a ref-dokumen id).
    pub jenis: Option<String>,
}

/// The documents of a save, resolved.
#[derive(Debug, Clone, Default)]
pub struct DokumenSimpan {
    baru: Vec<Dokumen>,
    arsip: Vec<Uuid>,
    jenis: Vec<String>,
}

/// Why a save's documents cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DokumenSalah {
    /// The `dok_uri` names nothing this client may use.
    TidakDikenal(String),
    /// The `dok_id` is not in the ref-dokumen list.
    JenisTidakDikenal(String),
}

/// Resolves `path` entries: uploads become new archive documents of the employee (the bytes
/// are already stored); archive documents must be the employee's own.
pub async fn dokumen_simpan(
    app: &App,
    aktor: &Aktor,
    klien: &KlienApi,
    p: &Pegawai,
    daftar: &[DokumenApi],
) -> AppResult<Result<DokumenSimpan, DokumenSalah>> {
    let mut out = DokumenSimpan::default();
    let now = app.sekarang();
    let ref_dokumen: Vec<String> = app
        .store()
        .referensi("ref-dokumen")
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    for d in daftar.iter().take(10) {
        let tidak_dikenal = || DokumenSalah::TidakDikenal(d.uri.clone());
        if let Some(id) = d.uri.strip_prefix("unggahan/") {
            let Ok(id) = id.parse::<Uuid>() else {
                return Ok(Err(tidak_dikenal()));
            };
            let Ok(u) = app.store().unggahan_api(id, klien.id).await else {
                return Ok(Err(tidak_dikenal()));
            };
            // A type named in `path` replaces the one given at upload, but only with a type
            // from the reference list (the upload itself accepts no other).
            let jenis = match d.jenis.as_deref().map(str::trim) {
                Some(j) if !j.is_empty() && j != u.jenis_dokumen_id => {
                    if !ref_dokumen.iter().any(|r| r == j) {
                        return Ok(Err(DokumenSalah::JenisTidakDikenal(j.to_string())));
                    }
                    j.to_string()
                }
                _ => u.jenis_dokumen_id.clone(),
            };
            out.jenis.push(jenis.clone());
            out.baru.push(Dokumen {
                id: Uuid::now_v7(),
                pegawai_id: p.id,
                riwayat_id: None,
                jenis_dokumen_id: jenis,
                sha256: u.sha256,
                nama_file: u.nama_file,
                media_type: u.media_type,
                ukuran: u.ukuran,
                diunggah_pada: now,
                diunggah_oleh: aktor.label(),
            });
        } else if let Some(id) = d.uri.strip_prefix("dokumen/") {
            let Ok(id) = id.parse::<Uuid>() else {
                return Ok(Err(tidak_dikenal()));
            };
            let Ok(doc) = app.store().dokumen_milik(id, p.id).await else {
                return Ok(Err(tidak_dikenal()));
            };
            out.jenis.push(doc.jenis_dokumen_id.clone());
            out.arsip.push(doc.id);
        } else {
            return Ok(Err(tidak_dikenal()));
        }
    }
    Ok(Ok(out))
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilSimpanApi {
    /// Applied at once: the row (or employee) it landed on, and the proposal.
    Selesai {
        /// The employee for personal data; the row otherwise (a new row takes the proposal's id).
        id_hasil: Uuid,
        /// The proposal.
        usulan_id: Uuid,
    },
    /// Waiting for BKN verification.
    MenungguBkn {
        /// The proposal.
        usulan_id: Uuid,
    },
    /// Blocking findings: nothing saved.
    Ditolak(Vec<Temuan>),
    /// Saved without any supporting document: the proposal waits, as a draft of the user, for
    /// its document (`upload-dok-rw` naming `id_riwayat`), then goes on like any save.
    MenungguDokumen {
        /// The row the change will land on (a new row takes the proposal's id).
        id_riwayat: Uuid,
        /// The proposal.
        usulan_id: Uuid,
        /// Accepted document types.
        wajib: Vec<String>,
    },
    /// Supporting documents given, but none of an accepted type: nothing saved.
    DokumenKurang {
        /// Accepted document types.
        wajib: Vec<String>,
    },
    /// The record changed meanwhile: nothing saved.
    Konflik(Vec<Konflik>),
    /// Someone else acted on it at the same moment: nothing saved.
    Bersamaan,
}

/// Saves a change as the agency's act: checked like any proposal, then submitted and
/// approved at the agency stage in ONE transaction, so a failure anywhere leaves no
/// half-done proposal behind.
pub async fn simpan_lewat_api(
    app: &App,
    aktor: &Aktor,
    p: &Pegawai,
    perubahan: Perubahan,
    dokumen: DokumenSimpan,
    catatan: String,
) -> AppResult<HasilSimpanApi> {
    let riwayat = app.store().riwayat_pegawai(p.id, None).await?;
    let refs = RefValidasi::muat(app, &[p.instansi_kerja_id.as_str()]).await?;
    let temuan = refs.periksa(app.sekarang().date_naive(), p, &riwayat, &perubahan);
    let (galat, peringatan) = pisahkan(temuan);
    if !galat.is_empty() {
        let galat = galat
            .into_iter()
            .filter_map(|m| match m {
                siasn_domain::usulan::Masalah::Temuan(t) => Some(t),
                _ => None,
            })
            .collect();
        return Ok(HasilSimpanApi::Ditolak(galat));
    }
    let kewenangan = app.store().kewenangan().await?;
    // Clients that save first and attach after send no `path` at all: the change waits for
    // its document instead of being refused (decision 0015). Documents of the wrong type are
    // still a mistake to report now.
    let tunggu_dokumen = !perubahan.dokumen_cukup(&kewenangan, &dokumen.jenis);
    let bisa_menunggu = dokumen.jenis.is_empty()
        && matches!(
            perubahan,
            Perubahan::TambahRiwayat { .. } | Perubahan::UbahRiwayat { .. }
        );
    if tunggu_dokumen && !bisa_menunggu {
        return Ok(HasilSimpanApi::DokumenKurang {
            wajib: perubahan.dokumen_wajib(&kewenangan),
        });
    }
    let sebelum = perubahan
        .sebelum(p, &riwayat)
        .map_err(|_| AppError::TidakDitemukan)?;
    let instansi = app.store().instansi(&p.instansi_kerja_id).await?;
    let rute = perubahan.rute(&kewenangan);
    let wajib = perubahan.dokumen_wajib(&kewenangan);
    let usulan_id = Uuid::now_v7();
    let id_hasil = match &perubahan {
        Perubahan::DataUtama { .. } => p.id,
        Perubahan::TambahRiwayat { .. } => usulan_id,
        Perubahan::UbahRiwayat { riwayat_id, .. } | Perubahan::HapusRiwayat { riwayat_id, .. } => {
            *riwayat_id
        }
    };
    let catatan = if tunggu_dokumen {
        format!("{catatan}; menunggu dokumen pendukung (upload-dok-rw)")
    } else {
        catatan
    };
    let u = UsulanBaru {
        id: usulan_id,
        kunci_kirim: None,
        pegawai_id: p.id,
        instansi_id: instansi.id,
        kanreg_id: instansi.kanreg_id,
        kolektif_id: None,
        pengusul_akun_id: aktor.akun_id(),
        rute,
        perubahan,
        sebelum,
        catatan: Some(catatan),
        peringatan,
        status: if tunggu_dokumen {
            StatusUsulan::Draf
        } else {
            StatusUsulan::Diajukan
        },
    };
    let now = app.sekarang();
    if tunggu_dokumen {
        let mut tx = app.store().begin().await?;
        let e = simpan_usulan(&mut tx, app, aktor, &u, &[], &[], now).await?;
        audit::tulis(&mut tx, vec![e], now).await?;
        tx.commit().await?;
        let id_riwayat = id_hasil;
        return Ok(HasilSimpanApi::MenungguDokumen {
            id_riwayat,
            usulan_id,
            wajib,
        });
    }
    let mut tx = app.store().begin().await?;
    let e = simpan_usulan(&mut tx, app, aktor, &u, &dokumen.baru, &dokumen.arsip, now).await?;
    audit::tulis(&mut tx, vec![e], now).await?;
    let jawaban = match setujui_tahap_instansi(&mut tx, app, aktor, usulan_id, 1, rute, now).await?
    {
        Persetujuan::Berhasil(StatusUsulan::MenungguBkn) => {
            HasilSimpanApi::MenungguBkn { usulan_id }
        }
        Persetujuan::Berhasil(_) => HasilSimpanApi::Selesai {
            id_hasil,
            usulan_id,
        },
        Persetujuan::Konflik(k) => {
            tx.rollback().await?;
            return Ok(HasilSimpanApi::Konflik(k));
        }
        Persetujuan::Bersamaan => {
            tx.rollback().await?;
            return Ok(HasilSimpanApi::Bersamaan);
        }
    };
    tx.commit().await?;
    app.bangunkan_surel();
    Ok(jawaban)
}

/// A file a client uploads, checked by content already.
#[derive(Debug, Clone)]
pub struct BerkasApi {
    /// The name the client gave it.
    pub nama_file: String,
    /// The bytes.
    pub isi: Vec<u8>,
    /// Its type by content.
    pub jenis_berkas: JenisBerkas,
    /// The document type (a ref-dokumen id, checked by the caller).
    pub jenis_dokumen_id: String,
}

/// Stores the bytes (content-addressed, before any transaction opens) and describes the upload.
pub(super) async fn unggahan_baru(
    app: &App,
    klien: &KlienApi,
    b: &BerkasApi,
) -> AppResult<UnggahanApi> {
    let blob = app
        .store()
        .simpan_blob(&b.isi, b.jenis_berkas.media_type())
        .await?;
    Ok(UnggahanApi {
        id: Uuid::now_v7(),
        klien_id: klien.id,
        sha256: blob.sha256,
        nama_file: nama_berkas(&b.nama_file, b.jenis_berkas),
        media_type: b.jenis_berkas.media_type().to_string(),
        ukuran: blob.ukuran,
        jenis_dokumen_id: b.jenis_dokumen_id.clone(),
        dibuat_pada: app.sekarang(),
    })
}

/// Keeps an upload for a later save's `path` (only this client may refer to it).
pub async fn unggah(app: &App, klien: &KlienApi, b: &BerkasApi) -> AppResult<UnggahanApi> {
    let u = unggahan_baru(app, klien, b).await?;
    let mut tx = app.store().begin().await?;
    klien_api::simpan_unggahan(&mut tx, &u).await?;
    tx.commit().await?;
    Ok(u)
}

/// Where an upload is filed and how the filing is explained in the audit log.
#[derive(Debug, Clone)]
pub struct Pengarsipan {
    /// The history row the document supports, if any.
    pub riwayat_id: Option<Uuid>,
    /// The audit action.
    pub aksi: &'static str,
    /// Why (the call and what it names).
    pub alasan: String,
    /// What the event records.
    pub sesudah: Option<serde_json::Value>,
}

/// Files an upload in the employee's archive at once: the upload, the archive document and
/// its audit event in one transaction. Returns the upload and the archive document's id.
pub async fn unggah_ke_arsip(
    app: &App,
    aktor: &Aktor,
    klien: &KlienApi,
    b: &BerkasApi,
    p: &Pegawai,
    arsip: Pengarsipan,
) -> AppResult<(UnggahanApi, Uuid)> {
    let Pengarsipan {
        riwayat_id,
        aksi,
        alasan,
        sesudah,
    } = arsip;
    let now = app.sekarang();
    let u = unggahan_baru(app, klien, b).await?;
    let mut tx = app.store().begin().await?;
    klien_api::simpan_unggahan(&mut tx, &u).await?;
    let d = dokumen_arsip(&u, p.id, riwayat_id, aktor);
    pegawai::simpan_dokumen(&mut tx, std::slice::from_ref(&d)).await?;
    let mut e = aktor.audit(aksi);
    e.akun_id = None;
    e.pegawai_id = Some(p.id);
    e.alasan = Some(alasan);
    e.sesudah = sesudah;
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok((u, d.id))
}

/// The archive document an upload becomes (the bytes are already stored).
pub(super) fn dokumen_arsip(
    u: &UnggahanApi,
    pegawai_id: Uuid,
    riwayat_id: Option<Uuid>,
    aktor: &Aktor,
) -> Dokumen {
    Dokumen {
        id: Uuid::now_v7(),
        pegawai_id,
        riwayat_id,
        jenis_dokumen_id: u.jenis_dokumen_id.clone(),
        sha256: u.sha256.clone(),
        nama_file: u.nama_file.clone(),
        media_type: u.media_type.clone(),
        ukuran: u.ukuran,
        diunggah_pada: u.dibuat_pada,
        diunggah_oleh: aktor.label(),
    }
}

/// How the agency stage's approval of an API proposal ended.
pub(super) enum Persetujuan {
    /// Approved: applied (`Selesai`) or on to BKN (`MenungguBkn`).
    Berhasil(StatusUsulan),
    /// The record changed since the proposal was made.
    Konflik(Vec<Konflik>),
    /// Someone acted on the proposal at the same moment.
    Bersamaan,
}

/// Approves a submitted API proposal at the agency stage inside the caller's transaction (the
/// user through the client is the agency); the caller rolls back unless it succeeded.
pub(super) async fn setujui_tahap_instansi(
    tx: &mut siasn_store::Tx,
    app: &App,
    aktor: &Aktor,
    usulan_id: Uuid,
    versi: i64,
    rute: Verifikator,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Persetujuan> {
    let ke = status_setelah(Verifikator::Instansi, rute, &Keputusan::Setujui)
        .map_err(|_| AppError::Dilarang)?;
    let putusan = [PutusanSiap {
        pindah: Pindah {
            usulan_id,
            versi,
            dari: StatusUsulan::Diajukan,
            ke,
        },
        keputusan: Keputusan::Setujui,
    }];
    Ok(
        match jalankan(tx, app, aktor, &putusan, now)
            .await?
            .into_iter()
            .next()
        {
            Some(HasilPutusan::Berhasil(
                s @ (StatusUsulan::Selesai | StatusUsulan::MenungguBkn),
            )) => Persetujuan::Berhasil(s),
            Some(HasilPutusan::Konflik(k)) => Persetujuan::Konflik(k),
            _ => Persetujuan::Bersamaan,
        },
    )
}
