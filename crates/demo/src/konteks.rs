//! What the generator needs to know: the reference data as stored, the agencies, the sample
//! documents, and the running counters that keep NIPs, NIKs and ids unique and deterministic.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::referensi::{PeriodeKp, RefJabatan, TingkatPendidikan};
use siasn_store::BlobRef;
use uuid::Uuid;

use crate::acak::Acak;
use crate::instansi::InstansiDemo;

/// Reference data and agencies, read once before generating.
pub struct Konteks {
    /// The date the demo world is "now".
    pub hari_ini: NaiveDate,
    /// Education levels with start and ceiling.
    pub pendidikan: Vec<TingkatPendidikan>,
    /// KP period calendar.
    pub kalender: Vec<PeriodeKp>,
    /// Position reference.
    pub jabatan: Vec<RefJabatan>,
    /// Agencies with their unit trees.
    pub instansi: Vec<InstansiDemo>,
    /// Sample scan per document type.
    pub contoh_dokumen: HashMap<&'static str, BlobRef>,
}

impl Konteks {
    /// The education reference row with this id.
    pub fn tingkat(&self, id: &str) -> Option<&TingkatPendidikan> {
        self.pendidikan.iter().find(|p| p.id == id)
    }

    /// The position reference row with this id.
    pub fn ref_jabatan(&self, id: &str) -> Option<&RefJabatan> {
        self.jabatan.iter().find(|j| j.id == id)
    }
}

/// Counters that make numbers unique; advanced in generation order, so deterministic.
pub struct Penomoran {
    /// Next id timestamp offset.
    id_ke: u64,
    /// Used 15-digit NIP / NI PPPK prefixes and their last sequence.
    nip: HashMap<String, u32>,
    /// Used NIK prefixes (12 digits) and their last serial.
    nik: HashMap<String, u32>,
    /// Running number for decree numbers.
    pub sk_ke: u64,
}

/// 2026-01-01T00:00:00Z: demo ids are UUIDv7 counted up from here, one millisecond apart.
const ID_EPOCH_MS: u64 = 1_767_225_600_000;

impl Penomoran {
    /// Fresh counters.
    pub fn new() -> Self {
        Self {
            id_ke: 0,
            nip: HashMap::new(),
            nik: HashMap::new(),
            sk_ke: 0,
        }
    }

    /// A time-ordered id (UUIDv7) whose random part comes from `acak`.
    pub fn id(&mut self, acak: &mut Acak) -> Uuid {
        self.id_ke += 1;
        let bytes = acak.bytes16();
        let mut tail = [0u8; 10];
        tail.copy_from_slice(&bytes[..10]);
        uuid::Builder::from_unix_timestamp_millis(ID_EPOCH_MS + self.id_ke, &tail).into_uuid()
    }

    /// The next free sequence for a 15-digit NIP / NI PPPK prefix (None after 999).
    pub fn urut_nip(&mut self, prefix15: String) -> Option<u32> {
        let n = self.nip.entry(prefix15).or_insert(0);
        *n += 1;
        (*n <= 999).then_some(*n)
    }

    /// The next NIK serial for a region, birth date and sex.
    pub fn urut_nik(&mut self, wilayah: &str, lahir: NaiveDate, perempuan: bool) -> u32 {
        let day = lahir.day() + if perempuan { 40 } else { 0 };
        let key = format!(
            "{wilayah}{day:02}{:02}{:02}",
            lahir.month(),
            lahir.year() % 100
        );
        let n = self.nik.entry(key).or_insert(0);
        *n += 1;
        *n
    }

    /// A decree number in the style agencies use.
    pub fn nomor_sk(&mut self, kode: &str, instansi: &str, tahun: i32) -> String {
        self.sk_ke += 1;
        format!("{kode}/{}/{instansi}/{tahun}", self.sk_ke % 100_000)
    }
}

impl Default for Penomoran {
    fn default() -> Self {
        Self::new()
    }
}

/// A document row for a history row, pointing at the sample scan of its type.
pub fn dokumen_untuk(
    konteks: &Konteks,
    penomoran: &mut Penomoran,
    acak: &mut Acak,
    pegawai_id: Uuid,
    riwayat_id: Uuid,
    jenis: &'static str,
    nama_file: &str,
) -> Option<Dokumen> {
    let blob = konteks.contoh_dokumen.get(jenis)?;
    Some(Dokumen {
        id: penomoran.id(acak),
        pegawai_id,
        riwayat_id: Some(riwayat_id),
        jenis_dokumen_id: jenis.to_string(),
        sha256: blob.sha256.clone(),
        nama_file: nama_file.to_string(),
        media_type: blob.media_type.clone(),
        ukuran: blob.ukuran,
        diunggah_pada: konteks
            .hari_ini
            .and_hms_opt(8, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or_default(),
        diunggah_oleh: "demo".to_string(),
    })
}
