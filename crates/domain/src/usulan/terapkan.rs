//! Applying an approved proposal to the record: personal-data columns, and the snapshot of the
//! current rank, position, education and appointment dates kept in step with the histories.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::KolomDataUtama;
use crate::nik::Nik;
use crate::pegawai::Pegawai;
use crate::riwayat::{DataRiwayat, JenisRiwayat, Riwayat, StatusKepegawaian};

/// Why values cannot be written (validation normally catches these first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TidakDapatDiterapkan {
    /// A required column left empty.
    #[error("{0} wajib diisi")]
    Wajib(&'static str),
    /// A value that does not parse.
    #[error("{0} tidak valid")]
    TidakValid(&'static str),
}

fn bersih(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The record with the proposed personal-data values written in.
pub fn terapkan_data_utama(
    p: &Pegawai,
    nilai: &BTreeMap<KolomDataUtama, Option<String>>,
) -> Result<Pegawai, TidakDapatDiterapkan> {
    use KolomDataUtama as K;
    let mut out = p.clone();
    for (kolom, v) in nilai {
        let v = bersih(v);
        match kolom {
            K::Nama => out.nama = v.ok_or(TidakDapatDiterapkan::Wajib("nama"))?,
            K::TempatLahir => {
                out.tempat_lahir = v.ok_or(TidakDapatDiterapkan::Wajib("tempat lahir"))?
            }
            K::GelarDepan => out.gelar_depan = v,
            K::GelarBelakang => out.gelar_belakang = v,
            K::AgamaId => out.agama_id = v,
            K::JenisKawinId => out.jenis_kawin_id = v,
            K::Alamat => out.alamat = v,
            K::Nik => {
                out.nik = v
                    .as_deref()
                    .map(Nik::parse)
                    .transpose()
                    .map_err(|_| TidakDapatDiterapkan::TidakValid("NIK"))?;
            }
            K::NomorKk => out.nomor_kk = v,
            K::Npwp => out.npwp = v,
            K::Bpjs => out.bpjs = v,
            K::Taspen => out.taspen = v,
            K::NomorHp => out.nomor_hp = v,
            K::EmailGov => out.email_gov = v,
            K::UnorId => {
                out.unor_id = v
                    .as_deref()
                    .map(Uuid::parse_str)
                    .transpose()
                    .map_err(|_| TidakDapatDiterapkan::TidakValid("unit kerja"))?;
            }
        }
    }
    Ok(out)
}

/// The record with its snapshot of `jenis` recomputed from the histories (after a row of that
/// kind was added, corrected or removed). Kinds without a snapshot leave the record as it is;
/// a snapshot whose last row was removed keeps its value, since an empty rank or position would
/// be more wrong than a stale one and the verifier saw the warning.
pub fn segarkan_cuplikan(p: &Pegawai, jenis: JenisRiwayat, riwayat: &[Riwayat]) -> Pegawai {
    let mut out = p.clone();
    let rows = riwayat
        .iter()
        .filter(|r| r.pegawai_id == p.id)
        .map(|r| &r.data);
    match jenis {
        JenisRiwayat::Golongan => {
            let terbaru = rows
                .filter_map(|d| match d {
                    DataRiwayat::Golongan(g) => Some(g),
                    _ => None,
                })
                .max_by_key(|g| (g.tmt_golongan, g.golongan));
            if let Some(g) = terbaru {
                out.golongan = Some(g.golongan);
                out.tmt_golongan = Some(g.tmt_golongan);
            }
        }
        JenisRiwayat::Jabatan => {
            let terbaru = rows
                .filter_map(|d| match d {
                    DataRiwayat::Jabatan(j) => Some(j),
                    _ => None,
                })
                .max_by_key(|j| j.tmt_jabatan);
            if let Some(j) = terbaru {
                out.jabatan_id = j.jabatan_id.clone();
                out.nama_jabatan = Some(j.nama_jabatan.clone());
                out.jenis_jabatan_id = Some(j.jenis_jabatan_id.clone());
                out.eselon_id = j.eselon_id.clone();
                out.tmt_jabatan = Some(j.tmt_jabatan);
                if j.unor_id.is_some() {
                    out.unor_id = j.unor_id;
                }
            }
        }
        JenisRiwayat::Pendidikan => {
            // Level codes are ordered by level (05 SD … 50 S-3).
            let tertinggi = rows
                .filter_map(|d| match d {
                    DataRiwayat::Pendidikan(e) => Some(e),
                    _ => None,
                })
                .max_by_key(|e| {
                    (
                        e.tingkat_pendidikan_id.parse::<u32>().unwrap_or(0),
                        e.tahun_lulus,
                    )
                });
            if let Some(e) = tertinggi {
                out.tingkat_pendidikan_id = Some(e.tingkat_pendidikan_id.clone());
            }
        }
        JenisRiwayat::CpnsPns => {
            for d in rows {
                if let DataRiwayat::CpnsPns(c) = d {
                    match c.status {
                        StatusKepegawaian::Cpns => out.tmt_cpns = Some(c.tmt),
                        StatusKepegawaian::Pns => out.tmt_pns = Some(c.tmt),
                    }
                }
            }
        }
        _ => {}
    }
    out
}
