//! An employee being generated: the record, its histories and documents so far.

use siasn_domain::dokumen::Dokumen;
use siasn_domain::instansi::Unor;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, Riwayat};
use uuid::Uuid;

use crate::acak::Acak;
use crate::konteks::{Konteks, Penomoran, dokumen_untuk};

/// An employee being generated.
pub struct Draf {
    /// Personal data and current state.
    pub pegawai: Pegawai,
    /// Histories so far.
    pub riwayat: Vec<Riwayat>,
    /// Documents so far.
    pub dokumen: Vec<Dokumen>,
    /// Current unit.
    pub unor: Unor,
    /// NIK region (6 digits).
    pub wilayah: String,
    /// Holds a functional post.
    pub jabatan_fungsional: bool,
    /// Holds a structural post (true: administrator level).
    pub struktural: Option<bool>,
    /// Programme of the highest degree, for titles.
    pub program: (&'static str, &'static str, &'static str),
}

impl Draf {
    /// Adds a history row and returns its id.
    pub fn tambah(&mut self, data: DataRiwayat, n: &mut Penomoran, a: &mut Acak) -> Uuid {
        let id = n.id(a);
        self.riwayat.push(Riwayat {
            id,
            pegawai_id: self.pegawai.id,
            data,
        });
        id
    }

    /// Attaches the sample scan of `jenis` to a history row.
    pub fn dokumen(
        &mut self,
        k: &Konteks,
        n: &mut Penomoran,
        a: &mut Acak,
        riwayat_id: Uuid,
        jenis: &'static str,
        nama_file: &str,
    ) {
        if let Some(d) = dokumen_untuk(k, n, a, self.pegawai.id, riwayat_id, jenis, nama_file) {
            self.dokumen.push(d);
        }
    }
}
