//! History rows in the shapes of the national service's `rw-*` lists.

use std::collections::HashMap;

use serde_json::{Value, json};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::pegawai::Pegawai;
use siasn_domain::riwayat::{DataRiwayat, Riwayat, Sk};
use uuid::Uuid;

use super::{id, path, teks, tgl};

fn sk_nomor(sk: Option<&Sk>) -> Value {
    teks(sk.map(|s| s.nomor.as_str()))
}

fn sk_tanggal(sk: Option<&Sk>) -> Value {
    tgl(sk.map(|s| s.tanggal))
}

/// What every history row in the API carries: its id, the employee's id and NIPs, and the
/// documents behind it.
struct Kepala {
    rid: Value,
    pid: Value,
    nip: Value,
    nip_lama: Value,
    path_: Value,
}

/// One history row in the shape of the API history `nama`. `None` if the row is not of it.
pub fn baris(
    nama: &str,
    r: &Riwayat,
    p: &Pegawai,
    nama_unor: &HashMap<Uuid, String>,
    dok: &HashMap<Uuid, Vec<&Dokumen>>,
) -> Option<Value> {
    let k = Kepala {
        rid: id(r.id),
        pid: id(p.id),
        nip: Value::String(p.nomor_induk.as_str().to_string()),
        nip_lama: teks(p.nip_lama.as_ref().map(|n| n.as_str())),
        path_: path(dok.get(&r.id).map_or(&[][..], Vec::as_slice)),
    };
    baris_karier(nama, &k, r, nama_unor)
        .or_else(|| baris_pengembangan(nama, &k, r))
        .or_else(|| baris_kinerja(nama, &k, r))
}

/// Position, unit, rank, penalty, leave, service-review and transfer rows.
fn baris_karier(
    nama: &str,
    k: &Kepala,
    r: &Riwayat,
    nama_unor: &HashMap<Uuid, String>,
) -> Option<Value> {
    let Kepala {
        rid,
        pid,
        nip,
        nip_lama,
        path_,
    } = k;
    Some(match (nama, &r.data) {
        ("jabatan", DataRiwayat::Jabatan(j)) => {
            let unor = j.unor_id.and_then(|u| nama_unor.get(&u).cloned());
            let jenis = j.jenis_jabatan_id.as_str();
            json!({
                "id": rid, "idPns": pid, "nipBaru": nip, "nipLama": nip_lama,
                "jenisJabatan": jenis,
                "instansiKerjaId": j.instansi_id, "instansiKerjaNama": null,
                "satuanKerjaId": null, "satuanKerjaNama": null,
                "unorId": j.unor_id.map(|u| u.to_string()), "unorNama": unor.unwrap_or_else(|| j.nama_unor.clone()),
                "unorIndukId": null, "unorIndukNama": null,
                "eselon": null, "eselonId": j.eselon_id,
                "jabatanFungsionalId": if jenis == "2" { j.jabatan_id.clone() } else { None },
                "jabatanFungsionalNama": if jenis == "2" { Some(j.nama_jabatan.clone()) } else { None },
                "jabatanFungsionalUmumId": if jenis == "4" { j.jabatan_id.clone() } else { None },
                "jabatanFungsionalUmumNama": if jenis == "4" { Some(j.nama_jabatan.clone()) } else { None },
                "tmtJabatan": tgl(Some(j.tmt_jabatan)),
                "nomorSk": j.sk.nomor, "tanggalSk": tgl(Some(j.sk.tanggal)),
                "namaUnor": j.nama_unor, "namaJabatan": j.nama_jabatan,
                "tmtPelantikan": tgl(j.tmt_pelantikan), "path": path_,
                "jenisPenugasanId": j.jenis_penugasan_id, "jenisMutasiId": j.jenis_mutasi_id,
                "subJabatanId": null, "tmtMutasi": null,
            })
        }
        ("pnsunor", DataRiwayat::Jabatan(j)) => json!({
            "id": rid, "pnsOrang": pid,
            "unorId": j.unor_id.map(|u| u.to_string()),
            "unorNama": j.unor_id.and_then(|u| nama_unor.get(&u).cloned()).unwrap_or_else(|| j.nama_unor.clone()),
            "unorIndukId": null, "unorIndukNama": null,
            "tmtUnor": tgl(Some(j.tmt_jabatan)),
            "nomorSk": j.sk.nomor, "tanggalSk": tgl(Some(j.sk.tanggal)), "path": path_,
        }),
        ("golongan", DataRiwayat::Golongan(g)) => json!({
            "id": rid, "idPns": pid, "nipBaru": nip, "nipLama": nip_lama,
            "golonganId": g.golongan.id().to_string(), "golongan": g.golongan.label(),
            "skNomor": g.sk.nomor, "skTanggal": tgl(Some(g.sk.tanggal)),
            "tmtGolongan": tgl(Some(g.tmt_golongan)),
            "noPertekBkn": g.nomor_pertek, "tglPertekBkn": tgl(g.tanggal_pertek),
            "jumlahKreditUtama": g.angka_kredit_utama, "jumlahKreditTambahan": g.angka_kredit_tambahan,
            "jenisKPId": g.jenis_kp_id, "jenisKPNama": null,
            "masaKerjaGolonganTahun": g.masa_kerja_tahun.to_string(),
            "masaKerjaGolonganBulan": g.masa_kerja_bulan.to_string(),
            "path": path_, "pangkat": g.golongan.pangkat(),
        }),
        ("hukdis", DataRiwayat::HukumanDisiplin(x)) => {
            let akhir = x
                .tmt_hukuman
                .checked_add_months(chrono::Months::new(x.masa_bulan));
            json!({
                "id": rid, "pnsOrang": pid, "jenisHukuman": x.jenis_hukuman_id,
                "jenisHukumanNama": x.jenis_hukuman_id.replace('_', " "),
                "skNomor": x.sk.nomor, "skTanggal": tgl(Some(x.sk.tanggal)),
                "hukumanTanggal": tgl(Some(x.tmt_hukuman)),
                "masaTahun": (x.masa_bulan / 12).to_string(), "masaBulan": (x.masa_bulan % 12).to_string(),
                "akhirHukumTanggal": tgl(akhir), "alasanHukumanDisiplinNama": x.alasan, "path": path_,
            })
        }
        ("cltn", DataRiwayat::Cltn(x)) => json!({
            "id": rid, "pnsOrangId": pid, "cltnId": x.jenis_cltn.to_string(),
            "nomorSk": x.sk.nomor, "tanggalSk": tgl(Some(x.sk.tanggal)),
            "skNomor": x.sk.nomor, "skTanggal": tgl(Some(x.sk.tanggal)),
            "tanggalAwal": tgl(Some(x.tanggal_mulai)), "tanggalAkhir": tgl(Some(x.tanggal_selesai)),
            "tanggalAktif": tgl(x.tanggal_aktif_kembali),
            "nomorLetterBkn": x.nomor_pertek, "tanggalLetterBkn": tgl(x.tanggal_pertek), "path": path_,
        }),
        ("pemberhentian", DataRiwayat::Pemberhentian(x)) => json!({
            "id": rid, "pnsOrang": pid,
            "jenisHenti": x.jenis_pemberhentian.to_string(),
            "jenisHentiNama": siasn_domain::pemberhentian::JenisPemberhentian::dari_kode(x.jenis_pemberhentian).map(|j| j.nama()),
            "jenisPensiun": x.jenis_pensiun.to_string(),
            "kedudukanHukumPns": x.kedudukan_hukum_id, "tmtHenti": tgl(Some(x.tmt)),
            "skNomor": x.sk.nomor, "skTanggal": tgl(Some(x.sk.tanggal)),
            "nomorPertek": x.nomor_pertek, "tanggalPertek": tgl(x.tanggal_pertek),
            "asalId": x.instansi_asal_id, "asalNama": null, "path": path_,
        }),
        ("masakerja", DataRiwayat::Pmk(x)) => json!({
            "id": rid, "pnsOrang": pid, "masaKerjaTahun": x.masa_kerja_tahun.to_string(),
            "masaKerjaBulan": x.masa_kerja_bulan.to_string(),
            "tanggalAwal": tgl(Some(x.tanggal_mulai)), "tanggalSelesai": tgl(Some(x.tanggal_selesai)),
            "nomorSk": x.sk.nomor, "tanggalSk": tgl(Some(x.sk.tanggal)),
            "pengalaman": x.instansi_atau_perusahaan, "path": path_,
        }),
        ("pindahinstansi", DataRiwayat::PindahInstansi(x)) => {
            let r = x.rincian.as_deref();
            let surat = |s: Option<&siasn_domain::riwayat::Sk>| {
                (s.map(|s| s.nomor.clone()), tgl(s.map(|s| s.tanggal)))
            };
            let (usul_no, usul_tgl) = surat(r.and_then(|r| r.usul.as_ref()));
            let (asal_no, asal_tgl) = surat(r.and_then(|r| r.asal.as_ref()));
            let (tujuan_no, tujuan_tgl) = surat(r.and_then(|r| r.tujuan.as_ref()));
            let (bkn_no, bkn_tgl) = surat(r.and_then(|r| r.bkn.as_ref()));
            json!({
                "id": rid, "pnsOrang": pid, "instansiAsalId": x.instansi_asal_id, "instansiAsalNama": null,
                "instansiTujuanId": x.instansi_tujuan_id, "instansiTujuanNama": null,
                "instansiIndukLamaId": x.instansi_asal_id, "instansiIndukBaruId": x.instansi_tujuan_id,
                "instansiKerjaLamaId": x.instansi_asal_id, "instansiKerjaBaruId": x.instansi_tujuan_id,
                "unorLamaId": r.and_then(|r| r.unor_asal_id).map(|u| u.to_string()),
                "unorBaruId": x.unor_tujuan_id.map(|u| u.to_string()),
                "jenisJabatanLamaId": r.and_then(|r| r.jenis_jabatan_asal_id.clone()),
                "jenisJabatanBaruId": r.and_then(|r| r.jenis_jabatan_tujuan_id.clone()),
                "jabatanFungsionalLamaId": r.and_then(|r| r.jabatan_asal_id.clone()),
                "jabatanFungsionalBaruId": r.and_then(|r| r.jabatan_tujuan_id.clone()),
                "skUsulNomor": usul_no, "skUsulTanggal": usul_tgl,
                "skAsalNomor": asal_no, "skAsalTanggal": asal_tgl,
                "skTujuanNomor": tujuan_no, "skTujuanTanggal": tujuan_tgl,
                "skBknNomor": bkn_no, "skBknTanggal": bkn_tgl,
                "skNomor": x.sk.nomor, "skTanggal": tgl(Some(x.sk.tanggal)),
                "tmtPi": tgl(Some(x.tmt_pindah)), "path": path_,
            })
        }
        _ => return None,
    })
}

/// Education, training, course, award and credit-point rows.
fn baris_pengembangan(nama: &str, k: &Kepala, r: &Riwayat) -> Option<Value> {
    let Kepala {
        rid,
        pid,
        nip,
        nip_lama,
        path_,
    } = k;
    Some(match (nama, &r.data) {
        ("pendidikan", DataRiwayat::Pendidikan(x)) => json!({
            "id": rid, "idPns": pid, "nipBaru": nip, "nipLama": nip_lama,
            "pendidikanId": null, "pendidikanNama": x.nama_pendidikan,
            "tkPendidikanId": x.tingkat_pendidikan_id, "tkPendidikanNama": null,
            "tahunLulus": x.tahun_lulus.to_string(), "tglLulus": tgl(x.tanggal_lulus),
            "isPendidikanPertama": if x.pendidikan_pertama { "1" } else { "0" },
            "nomorIjasah": x.nomor_ijazah, "namaSekolah": x.nama_sekolah,
            "gelarDepan": x.gelar_depan, "gelarBelakang": x.gelar_belakang, "path": path_,
        }),
        ("diklat", DataRiwayat::Diklat(x)) => json!({
            "id": rid, "idPns": pid, "nipBaru": nip, "nipLama": nip_lama,
            "latihanStrukturalId": x.latihan_struktural_id, "latihanStrukturalNama": x.nama,
            "nomor": x.nomor_sertifikat, "tanggal": tgl(Some(x.tanggal_mulai)),
            "tahun": x.tanggal_selesai.format("%Y").to_string(), "path": path_,
            "jumlahJam": x.jumlah_jam.to_string(), "tanggalSelesai": tgl(Some(x.tanggal_selesai)),
            "institusiPenyelenggara": x.institusi_penyelenggara,
        }),
        ("kursus", DataRiwayat::Kursus(x)) => json!({
            "id": rid, "idPns": pid, "nipBaru": nip, "nipLama": nip_lama,
            "jenisKursusNama": x.jenis_kursus, "jenisKursusSertifikat": null,
            "institusiPenyelenggara": x.institusi_penyelenggara,
            "jenisKursusId": null, "jumlahJam": x.jumlah_jam.to_string(),
            "namaKursus": x.nama_kursus, "noSertipikat": x.nomor_sertifikat,
            "tahunKursus": x.tanggal_selesai.format("%Y").to_string(),
            "tanggalKursus": tgl(Some(x.tanggal_mulai)), "path": path_,
            "jenisDiklatId": null, "tanggalSelesaiKursus": tgl(Some(x.tanggal_selesai)),
        }),
        ("angkakredit", DataRiwayat::AngkaKredit(x)) => json!({
            "id": rid, "pns": pid, "nomorSk": x.sk.nomor, "tanggalSk": tgl(Some(x.sk.tanggal)),
            "bulanMulaiPenailan": x.mulai_penilaian.bulan.to_string(),
            "tahunMulaiPenailan": x.mulai_penilaian.tahun.to_string(),
            "bulanSelesaiPenailan": x.selesai_penilaian.bulan.to_string(),
            "tahunSelesaiPenailan": x.selesai_penilaian.tahun.to_string(),
            "kreditUtamaBaru": x.kredit_utama, "kreditPenunjangBaru": x.kredit_penunjang,
            "kreditBaruTotal": x.kredit_total, "rwJabatan": null, "namaJabatan": x.nama_jabatan,
            "isAngkaKreditPertama": if x.pertama { "1" } else { "0" },
            "isIntegrasi": "0", "isKonversi": "0", "path": path_, "Sumber": "SIASN",
        }),
        ("penghargaan", DataRiwayat::Penghargaan(x)) => json!({
            "id": rid, "tahun": x.tahun.to_string(), "skNomor": sk_nomor(x.sk.as_ref()),
            "skDate": sk_tanggal(x.sk.as_ref()), "hargaNama": x.nama, "hargaId": x.penghargaan_id,
            "pnsOrangId": pid, "path": path_,
        }),
        _ => return None,
    })
}

/// Appraisal rows: SKP to 2021, SKP from 2022 and its periodic form.
fn baris_kinerja(nama: &str, k: &Kepala, r: &Riwayat) -> Option<Value> {
    let Kepala {
        rid, pid, path_, ..
    } = k;
    Some(match (nama, &r.data) {
        ("skp", DataRiwayat::Skp(x)) => {
            let (jumlah, rata) = (x.jumlah_perilaku(), x.nilai_perilaku());
            let prestasi = x.nilai_prestasi();
            json!({
                "id": rid, "tahun": x.tahun.to_string(), "nilaiSkp": x.nilai_skp,
                "orientasiPelayanan": x.orientasi_pelayanan, "integritas": x.integritas,
                "komitmen": x.komitmen, "disiplin": x.disiplin, "kerjasama": x.kerjasama,
                "nilaiPerilakuKerja": rata, "nilaiPrestasiKerja": prestasi,
                "kepemimpinan": x.kepemimpinan, "jumlah": jumlah, "nilairatarata": rata,
                "penilaiNipNrp": x.penilai_nip, "penilaiNama": x.penilai_nama,
                "penilaiJabatan": x.penilai_jabatan, "penilaiGolongan": null,
                // 2021 appraisals under PP 30/2019 (PermenPANRB 8/2021) carry initiative.
                "jenisPeraturanKinerjaKd": if x.inisiatif_kerja.is_some() { "PP30" } else { "PP46" },
                "inisiatifKerja": x.inisiatif_kerja,
                "konversiNilai": null, "nilaiIntegrasi": null,
            })
        }
        ("skp22", DataRiwayat::Skp22(x)) => json!({
            "id": rid, "hasilKinerja": ekspektasi(x.hasil_kinerja),
            "hasilKinerjaNilai": x.hasil_kinerja.kode().to_string(),
            "kuadranKinerja": x.predikat.nama(),
            "KuadranKinerjaNilai": x.predikat.kuadran().to_string(),
            "namaPenilai": x.penilai_nama, "nipNrpPenilai": x.penilai_nip,
            "penilaiGolonganId": null, "penilaiJabatanNm": x.penilai_jabatan,
            "penilaiUnorNm": x.penilai_unor,
            "perilakuKerja": ekspektasi(x.perilaku_kerja),
            "PerilakuKerjaNilai": x.perilaku_kerja.kode().to_string(),
            "pnsDinilaiId": pid, "statusPenilai": null,
            "tahun": x.tahun.to_string(), "path": path_,
        }),
        ("kinerjaperiodik", DataRiwayat::Skp22(x)) => json!({
            "id": rid, "pnsDinilaiOrang": pid, "tahun": x.tahun.to_string(), "periodikId": null,
            "bulanMulaiPenilaian": "1", "bulanSelesaiPenilaian": "12",
            "hasilKinerjaNilai": x.hasil_kinerja.kode().to_string(),
            "perilakuKerjaNilai": x.perilaku_kerja.kode().to_string(),
            "kuadranKinerjaNilai": x.predikat.kuadran().to_string(),
            "penilaiNipNrp": x.penilai_nip, "penilaiNama": x.penilai_nama,
            "penilaiJabatan": x.penilai_jabatan, "penilaiUnorNama": x.penilai_unor,
            "penilaiGolongan": null, "statusPenilai": null, "path": path_,
        }),
        _ => return None,
    })
}

fn ekspektasi(e: siasn_domain::riwayat::Ekspektasi) -> &'static str {
    use siasn_domain::riwayat::Ekspektasi as E;
    match e {
        E::DiAtas => "DIATAS EKSPEKTASI",
        E::Sesuai => "SESUAI EKSPEKTASI",
        E::DiBawah => "DIBAWAH EKSPEKTASI",
    }
}
