//! The DPCP (Data Perorangan Calon Penerima Pensiun): drawn from the record when a pension
//! case starts, and its sheet filed in the archive.

use chrono::NaiveDate;
use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::Pegawai;
use siasn_domain::layanan::DataLayanan;
use siasn_domain::layanan::pensiun::{AnggotaKeluarga, Dpcp};
use siasn_domain::riwayat::{DataRiwayat, Riwayat};
use siasn_domain::tanggal::format_indonesia;

use super::super::naskah::rupiah;
use super::blok_keputusan;
use crate::{App, AppResult};

/// The DPCP drawn from the record: identity, rank, position, service, last salary, family.
pub(super) async fn dpcp(
    app: &App,
    p: &Pegawai,
    riwayat: &[Riwayat],
    instansi: &str,
    masa_kerja_pensiun: siasn_domain::masa_kerja::MasaKerja,
    masa_kerja_pns: siasn_domain::masa_kerja::MasaKerja,
) -> AppResult<Dpcp> {
    let unor = match p.unor_id {
        Some(u) => app.store().nama_unor(&[u]).await?.remove(&u),
        None => None,
    };
    let jabatan = match &p.jabatan_id {
        Some(j) => app
            .store()
            .ref_jabatan()
            .await?
            .into_iter()
            .find(|r| &r.id == j)
            .map(|r| r.nama),
        None => None,
    }
    .or_else(|| p.nama_jabatan.clone());
    let gaji_pokok = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Gaji(g) => Some((g.tmt_gaji, g.gaji_pokok)),
            _ => None,
        })
        .max_by_key(|(t, _)| *t)
        .map(|(_, g)| g);
    let mut keluarga = Vec::new();
    for r in riwayat {
        match &r.data {
            DataRiwayat::Pasangan(x) => keluarga.push(AnggotaKeluarga {
                nama: x.nama.clone(),
                hubungan: match x.jenis_kelamin {
                    siasn_domain::JenisKelamin::Perempuan => "Istri".into(),
                    siasn_domain::JenisKelamin::LakiLaki => "Suami".into(),
                },
                tanggal_lahir: x.tanggal_lahir,
            }),
            DataRiwayat::Anak(x) => keluarga.push(AnggotaKeluarga {
                nama: x.nama.clone(),
                hubungan: "Anak".into(),
                tanggal_lahir: Some(x.tanggal_lahir),
            }),
            _ => {}
        }
    }
    Ok(Dpcp {
        nama: p.nama_lengkap(),
        nip: p.nomor_induk.to_string(),
        tempat_lahir: p.tempat_lahir.clone(),
        tanggal_lahir: p.tanggal_lahir,
        jenis_kelamin: match p.jenis_kelamin {
            siasn_domain::JenisKelamin::Perempuan => "Perempuan".into(),
            siasn_domain::JenisKelamin::LakiLaki => "Laki-laki".into(),
        },
        golongan: p.golongan,
        tmt_golongan: p.tmt_golongan,
        jabatan,
        unor,
        instansi: instansi.to_string(),
        tmt_cpns: p.tmt_cpns,
        masa_kerja_pensiun,
        masa_kerja_pns,
        gaji_pokok,
        alamat: p.alamat.clone(),
        keluarga,
    })
}

fn tanggal_atau_strip(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".into(), format_indonesia)
}

/// The DPCP as a sheet for the archive (not signed: it is the record's data on that day).
pub(super) fn lembar_dpcp(data: &DataLayanan, hari_ini: NaiveDate) -> IsiSurat {
    let mut isi = Vec::new();
    if let DataLayanan::Pensiun(d) = data {
        let x = &d.dpcp;
        isi.push(Blok::Paragraf("I. Data pegawai".into()));
        isi.extend([
            Blok::Baris("Nama".into(), x.nama.clone()),
            Blok::Baris("NIP".into(), x.nip.clone()),
            Blok::Baris(
                "Tempat, tanggal lahir".into(),
                format!("{}, {}", x.tempat_lahir, format_indonesia(x.tanggal_lahir)),
            ),
            Blok::Baris("Jenis kelamin".into(), x.jenis_kelamin.clone()),
            Blok::Baris(
                "Pangkat/golongan".into(),
                x.golongan
                    .map_or_else(|| "-".into(), |g| format!("{}, {}", g.pangkat(), g.label())),
            ),
            Blok::Baris("TMT golongan".into(), tanggal_atau_strip(x.tmt_golongan)),
            Blok::Baris("Jabatan".into(), x.jabatan.clone().unwrap_or("-".into())),
            Blok::Baris("Unit kerja".into(), x.unor.clone().unwrap_or("-".into())),
            Blok::Baris("Instansi".into(), x.instansi.clone()),
            Blok::Baris("TMT CPNS".into(), tanggal_atau_strip(x.tmt_cpns)),
            Blok::Baris(
                "Masa kerja pensiun".into(),
                x.masa_kerja_pensiun.to_string(),
            ),
            Blok::Baris(
                "Masa kerja sebagai PNS".into(),
                x.masa_kerja_pns.to_string(),
            ),
            Blok::Baris("Gaji pokok terakhir".into(), rupiah(x.gaji_pokok)),
            Blok::Baris("Alamat".into(), x.alamat.clone().unwrap_or("-".into())),
            Blok::Jarak,
            Blok::Paragraf("II. Keluarga".into()),
        ]);
        if x.keluarga.is_empty() {
            isi.push(Blok::Paragraf("Tidak ada data keluarga tercatat.".into()));
        }
        for a in &x.keluarga {
            isi.push(Blok::Baris(
                a.hubungan.clone(),
                format!("{} (lahir {})", a.nama, tanggal_atau_strip(a.tanggal_lahir)),
            ));
        }
        isi.push(Blok::Jarak);
        isi.push(Blok::Paragraf("III. Pensiun yang diusulkan".into()));
        isi.extend(blok_keputusan(d));
    }
    IsiSurat {
        kop: vec![
            "DATA PERORANGAN CALON PENERIMA PENSIUN".into(),
            "Sistem Informasi ASN".into(),
        ],
        judul: "DPCP".into(),
        nomor: String::new(),
        isi,
        tempat_tanggal: format!(
            "Dibuat dari data SIASN tanggal {}",
            format_indonesia(hari_ini)
        ),
        jabatan_penandatangan: String::new(),
        nama_penandatangan: String::new(),
        nip_penandatangan: String::new(),
        kaki: vec![
            "Lembar ini disusun otomatis dari data kepegawaian yang tercatat; kekeliruan \
             diperbaiki lewat usul perubahan data sebelum usul pensiun diajukan."
                .into(),
        ],
    }
}
