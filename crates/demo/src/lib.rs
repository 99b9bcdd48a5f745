//! Realistic, deterministic demo data for SIASN.
//!
//! Several central and regional agencies with unit trees; PNS whose NIP, NIK, birth date, sex and
//! TMT CPNS agree, with rank histories in the 4-year rhythm within their education ceiling,
//! positions, education, training, SKP, awards and families; a share of PPPK; and a few records
//! made inconsistent on purpose for the data-quality checks. The same seed gives the same data.

mod acak;
mod draf;
mod instansi;
mod jarang;
mod keluarga;
mod konteks;
mod nama;
mod orang;
mod pns;
mod pppk;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{Months, NaiveDate};
use siasn_domain::konsistensi::Inkonsistensi;
use siasn_domain::nik::Nik;
use siasn_domain::pegawai::NomorInduk;
use siasn_store::{PegawaiBaru, Store, StoreError};

pub use acak::Acak;
pub use konteks::Konteks;

/// How much demo data to make.
#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// Seed: the same seed gives the same data.
    pub seed: u64,
    /// Number of employees.
    pub pegawai: u32,
    /// The date the demo world is "now" (fixed, so the data does not depend on the clock).
    pub hari_ini: NaiveDate,
    /// Employees per database transaction.
    pub per_transaksi: usize,
    /// Concurrent write transactions on PostgreSQL (SQLite always uses one).
    pub penulis: usize,
}

/// The default "today" of the demo world.
pub fn hari_ini_bawaan() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or(NaiveDate::MIN)
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            seed: 2026,
            pegawai: 2_000,
            hari_ini: hari_ini_bawaan(),
            per_transaksi: 500,
            penulis: 2,
        }
    }
}

/// What was created.
#[derive(Debug, Clone, Default)]
pub struct Ringkasan {
    /// Agencies.
    pub instansi: usize,
    /// Units.
    pub unor: usize,
    /// Employees.
    pub pegawai: u64,
    /// Of which PPPK.
    pub pppk: u64,
    /// History rows.
    pub riwayat: u64,
    /// Document rows.
    pub dokumen: u64,
    /// NIPs made inconsistent on purpose, with what is wrong.
    pub sengaja_tidak_konsisten: Vec<(String, Inkonsistensi)>,
    /// Time taken.
    pub durasi: Duration,
}

impl Ringkasan {
    /// Employees (with their histories) stored per second.
    pub fn laju(&self) -> f64 {
        self.pegawai as f64 / self.durasi.as_secs_f64().max(1e-9)
    }
}

/// Why the demo could not be created.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already holds employees.
    #[error("basis data sudah berisi {0} pegawai; data demo hanya dibuat pada basis data kosong")]
    TidakKosong(i64),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The generator thread stopped unexpectedly.
    #[error("pembuat data demo berhenti: {0}")]
    Generator(String),
}

/// Sample scans stored once and shared by every demo document of the type.
const CONTOH_DOKUMEN: &[(&str, &str)] = &[
    ("872", "SK Jabatan"),
    ("874", "Sertifikat Diklat"),
    ("880", "SK PAK"),
    ("882", "SK Hukuman Disiplin"),
    ("887", "SK PNS"),
    ("889", "SK CPNS"),
    ("891", "Realisasi SKP"),
    ("892", "Sertifikat Penghargaan"),
];

/// Whether the store has no employees yet.
pub async fn kosong(store: &Store) -> Result<bool, StoreError> {
    Ok(!store.ada_pegawai().await?)
}

/// Creates the demo data in an empty store.
pub async fn buat(store: &Store, config: &DemoConfig) -> Result<Ringkasan, DemoError> {
    let started = Instant::now();
    if store.ada_pegawai().await? {
        let mut total = 0;
        for i in store.daftar_instansi().await? {
            total += store.jumlah_pegawai_instansi(&i.id).await?;
        }
        return Err(DemoError::TidakKosong(total));
    }
    let mut contoh = HashMap::new();
    for (jenis, judul) in CONTOH_DOKUMEN {
        let blob = store
            .simpan_blob(&contoh_pdf(judul), "application/pdf")
            .await?;
        contoh.insert(*jenis, blob);
    }
    let mut acak = Acak::new(config.seed);
    let mut penomoran = konteks::Penomoran::new();
    let instansi = instansi::buat(&mut acak, &mut |a| penomoran.id(a));
    let mut ringkasan = Ringkasan {
        instansi: instansi.len(),
        unor: instansi.iter().map(|i| i.unor.len()).sum(),
        ..Ringkasan::default()
    };
    for i in &instansi {
        store.tambah_instansi(&i.instansi).await?;
        store.tambah_unor(&i.unor).await?;
    }
    let konteks = Konteks {
        hari_ini: config.hari_ini,
        pendidikan: store.tingkat_pendidikan().await?,
        kalender: store.periode_kp().await?,
        jabatan: store.ref_jabatan().await?,
        instansi,
        contoh_dokumen: contoh,
    };

    // Generation runs on its own thread while this task writes: one core each.
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<(PegawaiBaru, Option<Inkonsistensi>)>>(4);
    let total = config.pegawai;
    let per = config.per_transaksi.max(1);
    let generator = tokio::task::spawn_blocking(move || {
        let mut batch = Vec::with_capacity(per);
        for _ in 0..total {
            batch.push(satu(&konteks, &mut penomoran, &mut acak));
            if batch.len() == per {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(per));
                if tx.blocking_send(full).is_err() {
                    return;
                }
            }
        }
        if !batch.is_empty() {
            let _ = tx.blocking_send(batch);
        }
    });
    // PostgreSQL spends one server process per connection, so two writers keep both cores busy;
    // SQLite has one writer at a time whatever we do.
    let penulis = match store.engine() {
        siasn_store::Engine::Postgres => config.penulis.max(1),
        siasn_store::Engine::Sqlite => 1,
    };
    let mut writes = tokio::task::JoinSet::new();
    while let Some(batch) = rx.recv().await {
        let rows: Vec<PegawaiBaru> = batch
            .into_iter()
            .map(|(p, salah)| {
                ringkasan.pegawai += 1;
                if p.pegawai.jenis_pegawai == siasn_domain::JenisPegawai::Pppk {
                    ringkasan.pppk += 1;
                }
                ringkasan.riwayat += p.riwayat.len() as u64;
                ringkasan.dokumen += p.dokumen.len() as u64;
                if let Some(s) = salah {
                    ringkasan
                        .sengaja_tidak_konsisten
                        .push((p.pegawai.nomor_induk.as_str().to_string(), s));
                }
                p
            })
            .collect();
        while writes.len() >= penulis {
            join_one(&mut writes).await?;
        }
        let store = store.clone();
        writes.spawn(async move { store.tambah_pegawai(&rows, "demo", "data demo").await });
        tracing::debug!(pegawai = ringkasan.pegawai, "demo batch queued");
    }
    while !writes.is_empty() {
        join_one(&mut writes).await?;
    }
    generator
        .await
        .map_err(|e| DemoError::Generator(e.to_string()))?;
    ringkasan.durasi = started.elapsed();
    Ok(ringkasan)
}

/// Generates `n` employees without storing them (for tests of the generator itself).
pub fn hasilkan(konteks: &Konteks, seed: u64, n: u32) -> Vec<(PegawaiBaru, Option<Inkonsistensi>)> {
    let mut acak = Acak::new(seed);
    let mut penomoran = konteks::Penomoran::new();
    (0..n)
        .map(|_| satu(konteks, &mut penomoran, &mut acak))
        .collect()
}

/// A context with the seed reference data and the demo agencies, without a store.
pub fn konteks_tanpa_store(hari_ini: NaiveDate, seed: u64) -> Konteks {
    use siasn_domain::referensi as r;
    let mut acak = Acak::new(seed);
    let mut penomoran = konteks::Penomoran::new();
    Konteks {
        hari_ini,
        pendidikan: r::TINGKAT_PENDIDIKAN
            .iter()
            .map(|(id, nama, awal, maks)| r::TingkatPendidikan {
                id: (*id).into(),
                nama: (*nama).into(),
                golongan_awal: *awal,
                golongan_maks: *maks,
            })
            .collect(),
        kalender: r::periode_kp_awal(),
        jabatan: r::JABATAN
            .iter()
            .map(|(id, nama, jenis, bup)| r::RefJabatan {
                id: (*id).into(),
                nama: (*nama).into(),
                jenis_jabatan_id: (*jenis).into(),
                usia_bup: *bup,
            })
            .collect(),
        instansi: instansi::buat(&mut acak, &mut |a| penomoran.id(a)),
        contoh_dokumen: HashMap::new(),
    }
}

/// One employee: a PNS (about 80%) or a PPPK, sometimes made inconsistent on purpose.
fn satu(
    k: &Konteks,
    n: &mut konteks::Penomoran,
    a: &mut Acak,
) -> (PegawaiBaru, Option<Inkonsistensi>) {
    loop {
        let pns = a.peluang(0.8);
        let draf = if pns {
            pns::buat(k, n, a)
        } else {
            pppk::buat(k, n, a)
        };
        let Some(mut d) = draf else { continue };
        let salah = if pns && a.peluang(0.004) {
            rusak(&mut d, a, k)
        } else {
            None
        };
        return (
            PegawaiBaru {
                pegawai: d.pegawai,
                riwayat: d.riwayat,
                dokumen: d.dokumen,
            },
            salah,
        );
    }
}

/// Makes one field disagree with another, as real data-entry errors do.
fn rusak(d: &mut draf::Draf, a: &mut Acak, k: &Konteks) -> Option<Inkonsistensi> {
    let p = &mut d.pegawai;
    match a.antara(0, 3) {
        0 => {
            p.tanggal_lahir = p.tanggal_lahir.succ_opt()?;
            // Keep the NIK consistent with the (now wrong) personal date so only the NIP differs.
            if let Some(nik) = &p.nik {
                p.nik = Nik::compose(
                    nik.kode_wilayah(),
                    p.tanggal_lahir,
                    p.jenis_kelamin,
                    nik.as_str()[12..].parse().ok()?,
                )
                .ok();
            }
            Some(Inkonsistensi::TanggalLahirNip)
        }
        1 => {
            let nik = p.nik.as_ref()?;
            let salah = p.tanggal_lahir.checked_add_months(Months::new(1))?;
            p.nik = Nik::compose(nik.kode_wilayah(), salah, p.jenis_kelamin, 9000).ok();
            Some(Inkonsistensi::TanggalLahirNik)
        }
        2 => {
            let NomorInduk::Nip(nip) = &p.nomor_induk else {
                return None;
            };
            let tercatat = p.tmt_cpns?.checked_add_months(Months::new(1))?;
            p.tmt_cpns = Some(tercatat);
            Some(Inkonsistensi::TmtCpnsNip {
                nip: nip.tmt_cpns(),
                tercatat: siasn_domain::BulanTahun::of(tercatat),
            })
        }
        _ => {
            // Education recorded lower than the rank needs (a diploma never entered).
            let gol = p.golongan?;
            let lower = k
                .pendidikan
                .iter()
                .filter(|t| t.golongan_maks.is_some_and(|m| m < gol))
                .max_by_key(|t| t.golongan_maks)?;
            p.tingkat_pendidikan_id = Some(lower.id.clone());
            Some(Inkonsistensi::GolonganMelebihiBatasPendidikan)
        }
    }
}

async fn join_one(
    writes: &mut tokio::task::JoinSet<Result<(), StoreError>>,
) -> Result<(), DemoError> {
    match writes.join_next().await {
        Some(Ok(result)) => Ok(result?),
        Some(Err(e)) => Err(DemoError::Generator(e.to_string())),
        None => Ok(()),
    }
}

/// A small valid one-page PDF saying it is a demo scan.
pub fn contoh_pdf(judul: &str) -> Vec<u8> {
    let text = format!("DATA DEMO SIASN - {judul} (contoh, bukan dokumen asli)");
    let content = format!("BT /F1 14 Tf 40 780 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
