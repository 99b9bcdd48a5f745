//! SIASN domain: the types and rules of Indonesia's civil-service personnel data.
//!
//! Pure: no I/O, no clock (callers pass "today"), no async. Reference data (code lists, the
//! education ceilings, the KP calendar, the authority table) is passed in by callers; the
//! constants in [`referensi`] are only the seed the store loads on first start.

pub mod akses;
pub mod akun;
#[cfg(test)]
mod contoh;
pub mod dokumen;
pub mod formasi;
pub mod golongan;
pub mod instansi;
pub mod ip_asn;
pub mod kartu;
pub mod kelengkapan;
pub mod kenaikan_pangkat;
pub mod kinerja_terakhir;
pub mod klien_api;
pub mod konsistensi;
pub mod layanan;
pub mod masa_kerja;
pub mod merkle;
pub mod nik;
pub mod nip;
pub mod pegawai;
pub mod pemberhentian;
pub mod pengadaan;
pub mod pensiun;
pub mod peristiwa;
pub mod referensi;
pub mod riwayat;
pub mod tanggal;
pub mod ttd;
pub mod usulan;

pub use dokumen::Dokumen;
pub use golongan::{Golongan, GolonganPppk};
pub use instansi::{Instansi, JenisInstansi, Unor};
pub use nik::{Nik, NikError};
pub use nip::{JenisKelamin, Nip, NipError, NipLama};
pub use pegawai::{JenisPegawai, NiPppk, NomorInduk, Pegawai};
pub use riwayat::{DataRiwayat, JenisRiwayat, Riwayat, Sk};
pub use tanggal::BulanTahun;
