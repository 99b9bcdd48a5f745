//! Pengadaan use cases: an agency imports a formasi's selection results (a CSV of participants,
//! checked row by row, stored whole or not at all, one audit event with the file's hash), and
//! BKN assigns their NIP or NI PPPK by the rule in one transaction per batch (claims that never
//! collide, however many app servers assign at once).

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};
use siasn_domain::akses::Peran;
use siasn_domain::pengadaan::{
    AcuanPeserta, BARIS_MAKS, BarisPeserta, KOLOM_OPSIONAL, KOLOM_PESERTA, MasalahPeserta, Peserta,
    awalan_ni_pppk, awalan_nip, periksa_baris, pppk,
};
use siasn_store::audit;
use siasn_store::pengadaan::{self as simpan, PesertaBaru};
use uuid::Uuid;

use crate::{Aktor, App, AppError, AppResult};

/// One problem of an import, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasalahImpor {
    /// Line in the file (the header is line 1); 0 for the file as a whole.
    pub baris: usize,
    /// Column, when the problem is in one.
    pub kolom: Option<String>,
    /// What is wrong.
    pub masalah: JenisMasalahImpor,
}

/// What is wrong with an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JenisMasalahImpor {
    /// A row's field.
    Baris(MasalahPeserta),
    /// The file is not UTF-8 text.
    BukanUtf8,
    /// A column the file must have is missing.
    KolomHilang,
    /// A column the format does not know.
    KolomTidakDikenal,
    /// More rows than one import takes.
    TerlaluBanyak {
        /// The limit.
        maks: usize,
    },
    /// A line is not well-formed CSV (e.g. a wrong number of fields).
    CsvRusak,
    /// No rows at all.
    Kosong,
}

/// What became of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilImpor {
    /// Every row was valid and is stored.
    Diimpor {
        /// Rows stored.
        jumlah: usize,
        /// The import's id (in the audit event with the file's hash).
        impor_id: Uuid,
    },
    /// Nothing was stored; every problem found.
    Ditolak(Vec<MasalahImpor>),
}

fn berkas(masalah: JenisMasalahImpor, kolom: Option<&str>) -> HasilImpor {
    HasilImpor::Ditolak(vec![MasalahImpor {
        baris: 0,
        kolom: kolom.map(str::to_string),
        masalah,
    }])
}

/// Whether the actor manages this agency's appointments (its operator or admin).
fn pengelola(aktor: &Aktor, instansi_id: &str) -> bool {
    aktor.pelaku.peran.iter().any(|g| {
        matches!(g.peran, Peran::OperatorInstansi | Peran::AdminInstansi)
            && g.instansi_id.as_deref() == Some(instansi_id)
    })
}

/// Imports the participants of one selection year for an agency from a CSV whose header is
/// [`KOLOM_PESERTA`]. Valid or not, every row is read and every problem reported; only a
/// file without problems is stored, in one transaction with one audit event.
pub async fn impor(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
    tahun: i32,
    tmt: NaiveDate,
    isi: &[u8],
) -> AppResult<HasilImpor> {
    if !pengelola(aktor, instansi_id) {
        return Err(AppError::Dilarang);
    }
    let Ok(teks) = std::str::from_utf8(isi) else {
        return Ok(berkas(JenisMasalahImpor::BukanUtf8, None));
    };
    let teks = teks.strip_prefix('\u{feff}').unwrap_or(teks);
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(teks.as_bytes());
    let Ok(header) = rdr.headers().cloned() else {
        return Ok(berkas(JenisMasalahImpor::CsvRusak, None));
    };
    if let Some(k) = header
        .iter()
        .find(|h| !KOLOM_PESERTA.contains(h) && !KOLOM_OPSIONAL.contains(h))
    {
        return Ok(berkas(JenisMasalahImpor::KolomTidakDikenal, Some(k)));
    }
    if let Some(k) = KOLOM_PESERTA
        .iter()
        .find(|k| !header.iter().any(|h| h == **k))
    {
        return Ok(berkas(JenisMasalahImpor::KolomHilang, Some(k)));
    }
    let acuan = AcuanPeserta {
        jabatan: app
            .store()
            .ref_jabatan()
            .await?
            .into_iter()
            .map(|j| j.id)
            .collect(),
        unor: app
            .store()
            .unor_instansi(instansi_id)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect(),
        pendidikan: app
            .store()
            .tingkat_pendidikan()
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect(),
        sudah_ada: app.store().no_peserta_tahun(tahun).await?,
        tmt,
    };
    let mut terlihat = HashSet::new();
    let mut baik: Vec<Peserta> = Vec::new();
    let mut masalah = Vec::new();
    for (i, rec) in rdr.deserialize::<BarisPeserta>().enumerate() {
        let baris = i + 2;
        if i >= BARIS_MAKS {
            return Ok(berkas(
                JenisMasalahImpor::TerlaluBanyak { maks: BARIS_MAKS },
                None,
            ));
        }
        match rec {
            Err(_) => masalah.push(MasalahImpor {
                baris,
                kolom: None,
                masalah: JenisMasalahImpor::CsvRusak,
            }),
            Ok(b) => match periksa_baris(&b, &acuan, &mut terlihat) {
                Ok(p) => baik.push(p),
                Err(m) => masalah.extend(m.into_iter().map(|m| MasalahImpor {
                    baris,
                    kolom: Some(m.kolom().to_string()),
                    masalah: JenisMasalahImpor::Baris(m),
                })),
            },
        }
    }
    if !masalah.is_empty() {
        return Ok(HasilImpor::Ditolak(masalah));
    }
    if baik.is_empty() {
        return Ok(berkas(JenisMasalahImpor::Kosong, None));
    }
    let impor_id = Uuid::now_v7();
    let rows: Vec<PesertaBaru<'_>> = baik
        .iter()
        .map(|p| PesertaBaru {
            id: Uuid::now_v7(),
            instansi_id,
            tahun,
            peserta: p,
            tmt,
            impor_id,
        })
        .collect();
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    match simpan::simpan_peserta(&mut tx, &rows, now).await {
        Ok(()) => {}
        // Imported by someone else meanwhile: nothing of this file is kept.
        Err(siasn_store::StoreError::Conflict(_)) => {
            tx.rollback().await?;
            return Ok(berkas(
                JenisMasalahImpor::Baris(MasalahPeserta::NoPesertaGanda),
                Some("no_peserta"),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let mut e = aktor.audit("pengadaan.diimpor");
    e.alasan = Some(format!(
        "peserta {instansi_id} {tahun}: {} baris, sha256 {}",
        rows.len(),
        hex::encode(Sha256::digest(isi))
    ));
    e.sesudah = Some(serde_json::json!({
        "impor_id": impor_id,
        "instansi_id": instansi_id,
        "tahun": tahun,
        "tmt": tmt,
        "jumlah": rows.len(),
    }));
    audit::tulis(&mut tx, vec![e], now).await?;
    tx.commit().await?;
    Ok(HasilImpor::Diimpor {
        jumlah: rows.len(),
        impor_id,
    })
}

/// An agency's participants of a year, for its operator, admin or official, or BKN.
pub async fn daftar(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
    tahun: i32,
) -> AppResult<Vec<simpan::PesertaTersimpan>> {
    let pejabat = aktor.pelaku.peran.iter().any(|g| {
        g.peran == Peran::PejabatInstansi && g.instansi_id.as_deref() == Some(instansi_id)
    });
    if !(pengelola(aktor, instansi_id) || pejabat || bkn_untuk(app, aktor, instansi_id).await?) {
        return Err(AppError::Dilarang);
    }
    Ok(app.store().daftar_peserta(instansi_id, tahun).await?)
}

/// What became of an assignment batch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HasilPenetapan {
    /// Numbers assigned: (participant id, number).
    pub ditetapkan: Vec<(Uuid, String)>,
    /// Participants whose 15-digit prefix has all 999 sequences taken.
    pub habis: Vec<Uuid>,
}

/// Whether the actor is BKN for this agency: a national verifier, or its Kanreg's.
async fn bkn_untuk(app: &App, aktor: &Aktor, instansi_id: &str) -> AppResult<bool> {
    let kanreg = app.store().instansi(instansi_id).await?.kanreg_id;
    Ok(aktor.pelaku.peran.iter().any(|g| {
        g.peran == Peran::VerifikatorBkn && g.kanreg_id.as_deref().is_none_or(|k| k == kanreg)
    }))
}

/// The employee record made when a participant's number is assigned: kedudukan 51 ("CPNS yang
/// belum menerima SK CPNS") until the SK CPNS, in the post and unit they were selected for.
fn pegawai_baru(
    p: &simpan::PesertaTersimpan,
    nomor: &str,
    jabatan: &[siasn_domain::referensi::RefJabatan],
) -> AppResult<siasn_store::pegawai::PegawaiBaru> {
    use siasn_domain::pegawai::{JenisPegawai, NiPppk, NomorInduk, Pegawai};
    let d = &p.peserta;
    let salah = |e: siasn_domain::nip::NipError| {
        AppError::Store(siasn_store::StoreError::Corrupt(format!(
            "nomor induk {nomor}: {e}"
        )))
    };
    let (jenis_pegawai, nomor_induk) = if pppk(&d.jenis_pengadaan) {
        (
            JenisPegawai::Pppk,
            NomorInduk::NiPppk(NiPppk::parse(nomor).map_err(salah)?),
        )
    } else {
        (
            JenisPegawai::Pns,
            NomorInduk::Nip(siasn_domain::nip::Nip::parse(nomor, p.tmt).map_err(salah)?),
        )
    };
    let jab = jabatan.iter().find(|j| j.id == d.jabatan_id);
    Ok(siasn_store::pegawai::PegawaiBaru {
        pegawai: Pegawai {
            id: Uuid::now_v7(),
            jenis_pegawai,
            nomor_induk,
            nip_lama: None,
            nama: d.nama.clone(),
            gelar_depan: None,
            gelar_belakang: None,
            tempat_lahir: d.tempat_lahir.clone(),
            tanggal_lahir: d.tanggal_lahir,
            jenis_kelamin: d.jenis_kelamin,
            agama_id: None,
            jenis_kawin_id: None,
            alamat: None,
            nik: None,
            nomor_kk: None,
            npwp: None,
            bpjs: None,
            taspen: None,
            email: d.email.clone(),
            email_gov: None,
            nomor_hp: None,
            kedudukan_hukum_id: "51".into(),
            instansi_induk_id: p.instansi_id.clone(),
            instansi_kerja_id: p.instansi_id.clone(),
            unor_id: Some(d.unor_id),
            jabatan_id: Some(d.jabatan_id.clone()),
            nama_jabatan: jab.map(|j| j.nama.clone()),
            jenis_jabatan_id: jab.map(|j| j.jenis_jabatan_id.clone()),
            eselon_id: None,
            golongan: None,
            golongan_pppk: None,
            tingkat_pendidikan_id: Some(d.tingkat_pendidikan_id.clone()),
            tmt_cpns: Some(p.tmt),
            tmt_pns: None,
            tmt_golongan: None,
            tmt_jabatan: None,
        },
        riwayat: Vec::new(),
        dokumen: Vec::new(),
    })
}

/// BKN assigns the NIP (CPNS: birth date, TMT year and month, sex, sequence) or NI PPPK
/// (birth date, year, first contract, sex, sequence) of every participant of the agency's year
/// that has none yet, and creates their employee record (kedudukan 51, until the SK CPNS), in
/// one transaction with the audit events.
pub async fn tetapkan_nomor(
    app: &App,
    aktor: &Aktor,
    instansi_id: &str,
    tahun: i32,
) -> AppResult<HasilPenetapan> {
    if !bkn_untuk(app, aktor, instansi_id).await? {
        return Err(AppError::Dilarang);
    }
    let now = app.sekarang();
    let mut tx = app.store().begin().await?;
    let peserta = simpan::peserta_tanpa_nomor(&mut tx, instansi_id, tahun).await?;
    let mut hasil = HasilPenetapan::default();
    let mut baru = Vec::new();
    let mut pasangan = Vec::new();
    let jabatan = app.store().ref_jabatan().await?;
    for p in &peserta {
        let d = &p.peserta;
        let awalan = if pppk(&d.jenis_pengadaan) {
            awalan_ni_pppk(d.tanggal_lahir, p.tmt.year(), 1, d.jenis_kelamin)
        } else {
            awalan_nip(d.tanggal_lahir, p.tmt, d.jenis_kelamin)
        };
        match simpan::klaim_nomor(&mut tx, &awalan, p.id, now).await? {
            Some(n) => {
                let b = pegawai_baru(p, &n, &jabatan)?;
                pasangan.push((p.id, b.pegawai.id));
                baru.push(b);
                hasil.ditetapkan.push((p.id, n));
            }
            None => hasil.habis.push(p.id),
        }
    }
    if !baru.is_empty() {
        siasn_store::pegawai::tambah(
            &mut tx,
            &baru,
            &aktor.label(),
            &format!("penetapan NIP peserta {instansi_id} {tahun}"),
            now,
        )
        .await?;
        simpan::tautkan_pegawai(&mut tx, &pasangan).await?;
    }
    if !hasil.ditetapkan.is_empty() {
        let mut e = aktor.audit("pengadaan.nomor_ditetapkan");
        e.alasan = Some(format!(
            "peserta {instansi_id} {tahun}: {} nomor induk",
            hasil.ditetapkan.len()
        ));
        e.sesudah = Some(serde_json::json!({
            "instansi_id": instansi_id,
            "tahun": tahun,
            "jumlah": hasil.ditetapkan.len(),
            "habis": hasil.habis.len(),
        }));
        audit::tulis(&mut tx, vec![e], now).await?;
    }
    tx.commit().await?;
    Ok(hasil)
}
