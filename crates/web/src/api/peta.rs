//! Our records in the national service's JSON shapes: exact field names (odd spellings kept),
//! `dd-mm-yyyy` dates, string ids, and `null` for what this system does not hold.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::golongan::Golongan;
use siasn_domain::klien_api::{DaftarLingkup, Lingkup, tampak};
use siasn_domain::masa_kerja;
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::pensiun;
use siasn_domain::riwayat::{DataRiwayat, JenisRiwayat, Riwayat, Sk};
use siasn_domain::tanggal::format_siasn;
use siasn_store::pegawai::NamaDataUtama;
use uuid::Uuid;

/// The `rw-*` histories readable by NIP.
pub const RW: [&str; 18] = [
    "angkakredit",
    "cltn",
    "diklat",
    "dp3",
    "golongan",
    "hukdis",
    "jabatan",
    "kinerjaperiodik",
    "kursus",
    "masakerja",
    "pemberhentian",
    "pendidikan",
    "penghargaan",
    "pindahinstansi",
    "pnsunor",
    "pwk",
    "skp",
    "skp22",
];

/// The histories readable by record id.
pub const BACA_ID: [&str; 8] = [
    "angkakredit",
    "diklat",
    "hukdis",
    "jabatan",
    "kursus",
    "penghargaan",
    "skp",
    "skp22",
];

/// Our kind behind an API history name; `None` for histories this system does not keep
/// (DP3 ended in 2014, dismissals are the kedudukan hukum, PPPK agreements are not recorded):
/// those answer with an empty list.
pub fn jenis_dari_api(nama: &str) -> Option<JenisRiwayat> {
    Some(match nama {
        "angkakredit" => JenisRiwayat::AngkaKredit,
        "cltn" => JenisRiwayat::Cltn,
        "diklat" => JenisRiwayat::Diklat,
        "golongan" => JenisRiwayat::Golongan,
        "hukdis" => JenisRiwayat::HukumanDisiplin,
        "jabatan" | "pnsunor" => JenisRiwayat::Jabatan,
        "kinerjaperiodik" | "skp22" => JenisRiwayat::Skp22,
        "kursus" => JenisRiwayat::Kursus,
        "masakerja" => JenisRiwayat::Pmk,
        "pendidikan" => JenisRiwayat::Pendidikan,
        "penghargaan" => JenisRiwayat::Penghargaan,
        "pindahinstansi" => JenisRiwayat::PindahInstansi,
        "skp" => JenisRiwayat::Skp,
        "cpns" => JenisRiwayat::CpnsPns,
        _ => return None,
    })
}

/// The `mapData` id key of a history ("rwJabatanId").
pub fn kunci_id(nama: &str) -> &'static str {
    match nama {
        "angkakredit" => "rwAngkaKreditId",
        "diklat" => "rwDiklatId",
        "kursus" => "rwKursusId",
        "hukdis" => "rwHukdisId",
        "penghargaan" => "rwPenghargaanId",
        "kinerjaperiodik" => "rwKinerjaPeriodikId",
        "skp" => "rwSkpId",
        "skp22" => "rwSkp22Id",
        "cpns" => "rwCpnsId",
        "pendidikan" => "rwPendidikanId",
        "golongan" => "rwGolonganId",
        _ => "rwJabatanId",
    }
}

/// A date as the service writes it, or null.
pub fn tgl(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(format_siasn(d)))
}

fn teks(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn id(u: Uuid) -> Value {
    Value::String(u.to_string())
}

/// Documents as the service lists them in `path`.
pub fn path(dok: &[&Dokumen]) -> Value {
    if dok.is_empty() {
        return Value::Null;
    }
    Value::Array(
        dok.iter()
            .map(|d| {
                let uri = format!("dokumen/{}", d.id);
                json!({
                    "dok_id": d.jenis_dokumen_id,
                    "dok_nama": d.nama_file,
                    "dok_uri": uri,
                    "object": uri,
                    "slug": d.jenis_dokumen_id,
                })
            })
            .collect(),
    )
}

/// The record's data-utama answer. Identifiers the client was not granted are masked.
pub fn data_utama(
    p: &Pegawai,
    n: &NamaDataUtama,
    riwayat: &[Riwayat],
    lingkup: &DaftarLingkup,
    hari_ini: NaiveDate,
) -> Value {
    let nik = lingkup.punya(Lingkup::Nik);
    let asuransi = lingkup.punya(Lingkup::Asuransi);
    let pendidikan_terakhir = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Pendidikan(x) => Some(x),
            _ => None,
        })
        .max_by_key(|x| x.tahun_lulus);
    let golongan_awal = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::CpnsPns(c) => c.golongan,
            _ => None,
        })
        .min_by_key(|g| g.id())
        .or_else(|| {
            riwayat
                .iter()
                .filter_map(|r| match &r.data {
                    DataRiwayat::Golongan(g) => Some((g.tmt_golongan, g.golongan)),
                    _ => None,
                })
                .min_by_key(|(t, _)| *t)
                .map(|(_, g)| g)
        });
    let sk = |status| {
        riwayat.iter().find_map(|r| match &r.data {
            DataRiwayat::CpnsPns(c) if c.status == status => Some(c),
            _ => None,
        })
    };
    let sk_cpns = sk(siasn_domain::riwayat::StatusKepegawaian::Cpns);
    let sk_pns = sk(siasn_domain::riwayat::StatusKepegawaian::Pns);
    let pmk: Vec<_> = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Pmk(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    let cltn: Vec<_> = riwayat
        .iter()
        .filter_map(|r| match &r.data {
            DataRiwayat::Cltn(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    let mk = p
        .tmt_cpns
        .map(|t| masa_kerja::hitung(t, hari_ini, &pmk, &cltn));
    let bup = n
        .usia_bup
        .and_then(|b| u8::try_from(b).ok())
        .unwrap_or(pensiun::BUP_BAWAAN);
    let pensiun = pensiun::hitung(p.tanggal_lahir, bup);
    let gol = |g: Option<Golongan>| g.map(|g| g.id().to_string());
    let (gol_akhir_id, gol_akhir, pangkat_akhir) = match (p.golongan, p.golongan_pppk) {
        (Some(g), _) => (
            Some(g.id().to_string()),
            Some(g.label().to_string()),
            Some(g.pangkat().to_string()),
        ),
        (None, Some(g)) => (
            Some(g.nomor().to_string()),
            Some(g.label().to_string()),
            None,
        ),
        _ => (None, None, None),
    };
    let jenis_jabatan = p.jenis_jabatan_id.as_deref();
    let jabatan_struktural = jenis_jabatan == Some("1");
    let jabatan_ft = jenis_jabatan == Some("2");
    let jabatan_fu = jenis_jabatan == Some("4");
    let jab = |ya: bool, v: Option<&str>| if ya { teks(v) } else { Value::Null };
    let nik_teks = p.nik.as_ref().map(|n| n.as_str());
    let mut m = Map::new();
    let mut set = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    set("id", id(p.id));
    set("nipBaru", Value::String(p.nomor_induk.as_str().to_string()));
    set("nipLama", teks(p.nip_lama.as_ref().map(|n| n.as_str())));
    set("nama", Value::String(p.nama.clone()));
    set("gelarDepan", teks(p.gelar_depan.as_deref()));
    set("gelarBelakang", teks(p.gelar_belakang.as_deref()));
    set("tempatLahir", Value::String(p.tempat_lahir.clone()));
    set("tempatLahirId", Value::Null);
    set("tglLahir", tgl(Some(p.tanggal_lahir)));
    set("agama", teks(n.agama_nama.as_deref()));
    set("agamaId", teks(p.agama_id.as_deref()));
    set("email", teks(p.email.as_deref()));
    set("emailGov", teks(p.email_gov.as_deref()));
    set("nik", teks(tampak(nik_teks, nik).as_deref()));
    set("alamat", teks(tampak(p.alamat.as_deref(), nik).as_deref()));
    set("noHp", teks(p.nomor_hp.as_deref()));
    set("noTelp", Value::Null);
    set(
        "jenisPegawaiId",
        Value::String(
            match p.jenis_pegawai {
                JenisPegawai::Pns => "1",
                JenisPegawai::Pppk => "8",
            }
            .into(),
        ),
    );
    set(
        "jenisPegawaiNama",
        Value::String(p.jenis_pegawai.kode().into()),
    );
    set(
        "kedudukanPnsId",
        Value::String(p.kedudukan_hukum_id.clone()),
    );
    set("kedudukanPnsNama", teks(n.kedudukan_nama.as_deref()));
    set(
        "statusPegawai",
        Value::String(
            match (p.jenis_pegawai, p.tmt_pns.is_some()) {
                (JenisPegawai::Pppk, _) => "PPPK",
                (JenisPegawai::Pns, true) => "PNS",
                (JenisPegawai::Pns, false) => "CPNS",
            }
            .into(),
        ),
    );
    set("jenisKelamin", Value::String(p.jenis_kelamin.kode().into()));
    set(
        "jenisIdDokumenId",
        if nik_teks.is_some() {
            json!("1")
        } else {
            Value::Null
        },
    );
    set(
        "jenisIdDokumenNama",
        if nik_teks.is_some() {
            json!("KTP")
        } else {
            Value::Null
        },
    );
    set("nomorIdDocument", teks(tampak(nik_teks, nik).as_deref()));
    set("noSeriKarpeg", Value::Null);
    set(
        "tkPendidikanTerakhirId",
        teks(p.tingkat_pendidikan_id.as_deref()),
    );
    set(
        "tkPendidikanTerakhir",
        teks(n.tingkat_pendidikan_nama.as_deref()),
    );
    set("pendidikanTerakhirId", Value::Null);
    set(
        "pendidikanTerakhirNama",
        teks(pendidikan_terakhir.map(|x| x.nama_pendidikan.as_str())),
    );
    set(
        "tahunLulus",
        pendidikan_terakhir.map_or(Value::Null, |x| json!(x.tahun_lulus.to_string())),
    );
    set("tmtPns", tgl(p.tmt_pns));
    set("tmtPensiun", tgl(Some(pensiun.tmt_pensiun)));
    set("bupPensiun", json!(pensiun.bup.to_string()));
    set("tglSkPns", tgl(sk_pns.map(|s| s.sk.tanggal)));
    set("tmtCpns", tgl(p.tmt_cpns));
    set("tglSkCpns", tgl(sk_cpns.map(|s| s.sk.tanggal)));
    set(
        "instansiIndukId",
        Value::String(p.instansi_induk_id.clone()),
    );
    set("instansiIndukNama", teks(n.instansi_induk_nama.as_deref()));
    set("satuanKerjaIndukId", Value::Null);
    set("satuanKerjaIndukNama", Value::Null);
    set("kanregId", teks(n.kanreg_id.as_deref()));
    set("kanregNama", teks(n.kanreg_nama.as_deref()));
    set(
        "instansiKerjaId",
        Value::String(p.instansi_kerja_id.clone()),
    );
    set("instansiKerjaNama", teks(n.instansi_kerja_nama.as_deref()));
    set(
        "instansiKerjaKodeCepat",
        teks(n.instansi_kerja_kode_cepat.as_deref()),
    );
    set("satuanKerjaKerjaId", Value::Null);
    set("satuanKerjaKerjaNama", Value::Null);
    set("unorId", p.unor_id.map_or(Value::Null, id));
    set("unorNama", teks(n.unor_nama.as_deref()));
    set("unorIndukId", n.unor_induk_id.map_or(Value::Null, id));
    set("unorIndukNama", teks(n.unor_induk_nama.as_deref()));
    set("jenisJabatanId", teks(jenis_jabatan));
    set("jenisJabatan", teks(n.jenis_jabatan_nama.as_deref()));
    set("jabatanNama", teks(p.nama_jabatan.as_deref()));
    set(
        "jabatanStrukturalId",
        jab(jabatan_struktural, p.jabatan_id.as_deref()),
    );
    set(
        "jabatanStrukturalNama",
        jab(jabatan_struktural, p.nama_jabatan.as_deref()),
    );
    set(
        "jabatanFungsionalId",
        jab(jabatan_ft, p.jabatan_id.as_deref()),
    );
    set(
        "jabatanFungsionalNama",
        jab(jabatan_ft, p.nama_jabatan.as_deref()),
    );
    set(
        "jabatanFungsionalUmumId",
        jab(jabatan_fu, p.jabatan_id.as_deref()),
    );
    set(
        "jabatanFungsionalUmumNama",
        jab(jabatan_fu, p.nama_jabatan.as_deref()),
    );
    set("tmtJabatan", tgl(p.tmt_jabatan));
    set("lokasiKerjaId", Value::Null);
    set("lokasiKerja", Value::Null);
    set("golRuangAwalId", teks(gol(golongan_awal).as_deref()));
    set("golRuangAwal", teks(golongan_awal.map(|g| g.label())));
    set("golRuangAkhirId", teks(gol_akhir_id.as_deref()));
    set("golRuangAkhir", teks(gol_akhir.as_deref()));
    set("tmtGolAkhir", tgl(p.tmt_golongan));
    set(
        "masaKerja",
        mk.map_or(Value::Null, |m| {
            json!(format!("{} Tahun {} Bulan", m.tahun, m.bulan))
        }),
    );
    set(
        "mkTahun",
        mk.map_or(Value::Null, |m| json!(m.tahun.to_string())),
    );
    set(
        "mkBulan",
        mk.map_or(Value::Null, |m| json!(m.bulan.to_string())),
    );
    set("eselon", teks(n.eselon_nama.as_deref()));
    set("eselonId", teks(p.eselon_id.as_deref()));
    set("eselonLevel", Value::Null);
    set(
        "tmtEselon",
        if jabatan_struktural {
            tgl(p.tmt_jabatan)
        } else {
            Value::Null
        },
    );
    set("gajiPokok", Value::Null);
    for k in [
        "kpknId",
        "kpknNama",
        "ktuaId",
        "ktuaNama",
        "taspenId",
        "taspenNama",
    ] {
        set(k, Value::Null);
    }
    set("jenisKawinId", teks(p.jenis_kawin_id.as_deref()));
    set("statusPerkawinan", teks(n.jenis_kawin_nama.as_deref()));
    set("statusHidup", Value::Null);
    set(
        "noNpwp",
        teks(tampak(p.npwp.as_deref(), asuransi).as_deref()),
    );
    set("tglNpwp", Value::Null);
    set("noAskes", Value::Null);
    set("bpjs", teks(tampak(p.bpjs.as_deref(), asuransi).as_deref()));
    set("kodePos", Value::Null);
    set(
        "noSpmt",
        teks(sk_cpns.and_then(|s| s.nomor_spmt.as_deref())),
    );
    set(
        "noTaspen",
        teks(tampak(p.taspen.as_deref(), asuransi).as_deref()),
    );
    set("bahasa", Value::Null);
    set("kppnId", Value::Null);
    set("kppnNama", Value::Null);
    set("pangkatAkhir", teks(pangkat_akhir.as_deref()));
    set("tglSttpl", tgl(sk_pns.and_then(|s| s.tanggal_sttpl)));
    set(
        "nomorSttpl",
        teks(sk_pns.and_then(|s| s.nomor_sttpl.as_deref())),
    );
    set("nomorSkCpns", teks(sk_cpns.map(|s| s.sk.nomor.as_str())));
    set("nomorSkPns", teks(sk_pns.map(|s| s.sk.nomor.as_str())));
    set("jenjang", Value::Null);
    set("jabatanAsn", Value::Null);
    set("kartuAsn", Value::Null);
    set("validNik", Value::Null);
    set("pangkatAwal", teks(golongan_awal.map(|g| g.pangkat())));
    for k in [
        "asnJenjangJabatan",
        "levelJabatan",
        "tanggal_taspen",
        "tabrum2",
        "kelas_jabatan",
        "karis_karsu",
        "kode_jenjang_jabatan",
        "path",
        "genEmailAsn",
    ] {
        set(k, Value::Null);
    }
    set("tglSpmt", tgl(sk_cpns.and_then(|s| s.tanggal_spmt)));
    Value::Object(m)
}

fn sk_nomor(sk: Option<&Sk>) -> Value {
    teks(sk.map(|s| s.nomor.as_str()))
}

fn sk_tanggal(sk: Option<&Sk>) -> Value {
    tgl(sk.map(|s| s.tanggal))
}

/// One history row in the shape of the API history `nama`. `None` if the row is not of it.
pub fn baris(
    nama: &str,
    r: &Riwayat,
    p: &Pegawai,
    nama_unor: &HashMap<Uuid, String>,
    dok: &HashMap<Uuid, Vec<&Dokumen>>,
) -> Option<Value> {
    let rid = id(r.id);
    let pid = id(p.id);
    let nip = Value::String(p.nomor_induk.as_str().to_string());
    let nip_lama = teks(p.nip_lama.as_ref().map(|n| n.as_str()));
    let path_ = path(dok.get(&r.id).map_or(&[][..], Vec::as_slice));
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
        ("skp", DataRiwayat::Skp(x)) => {
            let perilaku = [
                x.orientasi_pelayanan,
                x.integritas,
                x.komitmen,
                x.disiplin,
                x.kerjasama,
            ]
            .into_iter()
            .chain(x.kepemimpinan)
            .collect::<Vec<f64>>();
            let jumlah: f64 = perilaku.iter().sum();
            let rata = jumlah / perilaku.len().max(1) as f64;
            let prestasi = x.nilai_skp * 0.6 + rata * 0.4;
            json!({
                "id": rid, "tahun": x.tahun.to_string(), "nilaiSkp": x.nilai_skp,
                "orientasiPelayanan": x.orientasi_pelayanan, "integritas": x.integritas,
                "komitmen": x.komitmen, "disiplin": x.disiplin, "kerjasama": x.kerjasama,
                "nilaiPerilakuKerja": rata, "nilaiPrestasiKerja": prestasi,
                "kepemimpinan": x.kepemimpinan, "jumlah": jumlah, "nilairatarata": rata,
                "penilaiNipNrp": x.penilai_nip, "penilaiNama": x.penilai_nama,
                "penilaiJabatan": x.penilai_jabatan, "penilaiGolongan": null,
                "jenisPeraturanKinerjaKd": "PP46", "inisiatifKerja": null,
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
            "id": rid, "pnsOrangId": pid, "nomorSk": x.sk.nomor, "tanggalSk": tgl(Some(x.sk.tanggal)),
            "tanggalAwal": tgl(Some(x.tanggal_mulai)), "tanggalAkhir": tgl(Some(x.tanggal_selesai)),
            "tanggalAktif": tgl(x.tanggal_aktif_kembali), "path": path_,
        }),
        ("masakerja", DataRiwayat::Pmk(x)) => json!({
            "id": rid, "pnsOrang": pid, "masaKerjaTahun": x.masa_kerja_tahun.to_string(),
            "masaKerjaBulan": x.masa_kerja_bulan.to_string(),
            "tanggalAwal": tgl(Some(x.tanggal_mulai)), "tanggalSelesai": tgl(Some(x.tanggal_selesai)),
            "nomorSk": x.sk.nomor, "tanggalSk": tgl(Some(x.sk.tanggal)),
            "pengalaman": x.instansi_atau_perusahaan, "path": path_,
        }),
        ("pindahinstansi", DataRiwayat::PindahInstansi(x)) => json!({
            "id": rid, "pnsOrang": pid, "instansiAsalId": x.instansi_asal_id, "instansiAsalNama": null,
            "instansiTujuanId": x.instansi_tujuan_id, "instansiTujuanNama": null,
            "unorBaruId": x.unor_tujuan_id.map(|u| u.to_string()),
            "skNomor": x.sk.nomor, "skTanggal": tgl(Some(x.sk.tanggal)),
            "tmtPi": tgl(Some(x.tmt_pindah)), "path": path_,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_history_name_has_a_route() {
        for n in BACA_ID {
            assert!(RW.contains(&n), "{n}");
            assert!(jenis_dari_api(n).is_some(), "{n}");
        }
        for n in ["dp3", "pemberhentian", "pwk"] {
            assert_eq!(jenis_dari_api(n), None);
        }
        assert_eq!(
            tgl(NaiveDate::from_ymd_opt(1968, 3, 3)),
            json!("03-03-1968")
        );
        assert_eq!(tgl(None), Value::Null);
    }
}
