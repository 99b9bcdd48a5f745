//! Our records in the national service's JSON shapes: exact field names (odd spellings kept),
//! `dd-mm-yyyy` dates, string ids, and `null` for what this system does not hold.

mod riwayat;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::golongan::Golongan;
use siasn_domain::klien_api::{DaftarLingkup, Lingkup, tampak};
use siasn_domain::masa_kerja::MasaKerja;
use siasn_domain::pegawai::{JenisPegawai, Pegawai};
use siasn_domain::pensiun;
use siasn_domain::riwayat::turunan;
use siasn_domain::riwayat::{
    JenisRiwayat, Riwayat, RiwayatCpnsPns, RiwayatPendidikan, StatusKepegawaian,
};
use siasn_domain::tanggal::format_siasn;
use siasn_store::pegawai::NamaDataUtama;
use uuid::Uuid;

pub use riwayat::baris;

/// The `rw-*` histories readable by NIP.
pub const RW: [&str; 21] = [
    "angkakredit",
    "cltn",
    "diklat",
    "dp3",
    "golongan",
    "hukdis",
    "jabatan",
    "kinerjaperiodik",
    "kompetensi",
    "kursus",
    "masakerja",
    "pemberhentian",
    "pendidikan",
    "penghargaan",
    "pindahinstansi",
    "pnsunor",
    "potensi",
    "pwk",
    "sertifikasi",
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
/// (DP3 ended in 2014, PPPK agreements are not recorded;
/// potential and competence assessments and professional certifications come from assessment
/// centres and certifying bodies this system has no feed from): those answer with an empty
/// list.
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
        "pemberhentian" => JenisRiwayat::Pemberhentian,
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
        "skp" | "skp/2021" => "rwSkpId",
        "skp22" => "rwSkp22Id",
        "cpns" => "rwCpnsId",
        "pendidikan" => "rwPendidikanId",
        "golongan" => "rwGolonganId",
        _ => "rwJabatanId",
    }
}

/// Other `mapData` keys some clients read the new id from (an SKP 2022 save is read back as
/// `rwSkpId` by some).
pub fn kunci_id_lain(nama: &str) -> &'static [&'static str] {
    match nama {
        "skp22" => &["rwSkpId"],
        "kinerjaperiodik" => &["rwSkp22Id", "rwSkpId"],
        _ => &[],
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

/// What the data-utama fields are read from: the record, its reference names, what the
/// histories say, and which identifiers the client may see.
struct Sumber<'a> {
    p: &'a Pegawai,
    n: &'a NamaDataUtama,
    nik: Option<&'a str>,
    nik_terbuka: bool,
    asuransi_terbuka: bool,
    pendidikan_terakhir: Option<&'a RiwayatPendidikan>,
    golongan_awal: Option<Golongan>,
    sk_cpns: Option<&'a RiwayatCpnsPns>,
    sk_pns: Option<&'a RiwayatCpnsPns>,
    masa_kerja: Option<MasaKerja>,
    pensiun: pensiun::Pensiun,
}

/// The data-utama object, filled one group of fields at a time in the service's order.
struct DataUtama(Map<String, Value>);

impl DataUtama {
    fn set(&mut self, k: &str, v: Value) {
        self.0.insert(k.to_string(), v);
    }

    fn kosong(&mut self, kunci: &[&str]) {
        for k in kunci {
            self.set(k, Value::Null);
        }
    }
}

/// The record's data-utama answer. Identifiers the client was not granted are masked.
pub fn data_utama(
    p: &Pegawai,
    n: &NamaDataUtama,
    riwayat: &[Riwayat],
    lingkup: &DaftarLingkup,
    hari_ini: NaiveDate,
) -> Value {
    let bup = pensiun::usia_bup(
        n.usia_bup.and_then(|b| u8::try_from(b).ok()),
        p.jenis_jabatan_id.as_deref(),
        p.eselon_id.as_deref(),
        p.nama_jabatan.as_deref(),
        p.tanggal_lahir,
    );
    let s = Sumber {
        p,
        n,
        nik: p.nik.as_ref().map(|n| n.as_str()),
        nik_terbuka: lingkup.punya(Lingkup::Nik),
        asuransi_terbuka: lingkup.punya(Lingkup::Asuransi),
        pendidikan_terakhir: turunan::pendidikan_terakhir(riwayat),
        golongan_awal: turunan::golongan_awal(riwayat),
        sk_cpns: turunan::sk_pengangkatan(riwayat, StatusKepegawaian::Cpns),
        sk_pns: turunan::sk_pengangkatan(riwayat, StatusKepegawaian::Pns),
        masa_kerja: p
            .tmt_cpns
            .map(|t| turunan::masa_kerja(riwayat, t, hari_ini)),
        pensiun: pensiun::hitung(p.tanggal_lahir, bup),
    };
    let mut m = DataUtama(Map::new());
    identitas(&mut m, &s);
    kepegawaian(&mut m, &s);
    unit_dan_jabatan(&mut m, &s);
    golongan_dan_masa_kerja(&mut m, &s);
    keuangan_dan_sk(&mut m, &s);
    Value::Object(m.0)
}

/// Name, birth, religion, contacts and identity document.
fn identitas(m: &mut DataUtama, s: &Sumber) {
    let (p, n) = (s.p, s.n);
    m.set("id", id(p.id));
    m.set("nipBaru", Value::String(p.nomor_induk.as_str().to_string()));
    m.set("nipLama", teks(p.nip_lama.as_ref().map(|n| n.as_str())));
    m.set("nama", Value::String(p.nama.clone()));
    m.set("gelarDepan", teks(p.gelar_depan.as_deref()));
    m.set("gelarBelakang", teks(p.gelar_belakang.as_deref()));
    m.set("tempatLahir", Value::String(p.tempat_lahir.clone()));
    m.set("tempatLahirId", Value::Null);
    m.set("tglLahir", tgl(Some(p.tanggal_lahir)));
    m.set("agama", teks(n.agama_nama.as_deref()));
    m.set("agamaId", teks(p.agama_id.as_deref()));
    m.set("email", teks(p.email.as_deref()));
    m.set("emailGov", teks(p.email_gov.as_deref()));
    m.set("nik", teks(tampak(s.nik, s.nik_terbuka).as_deref()));
    m.set(
        "alamat",
        teks(tampak(p.alamat.as_deref(), s.nik_terbuka).as_deref()),
    );
    m.set("noHp", teks(p.nomor_hp.as_deref()));
    m.set("noTelp", Value::Null);
}

/// Employee type, legal status, identity document, education and appointment dates.
fn kepegawaian(m: &mut DataUtama, s: &Sumber) {
    let (p, n) = (s.p, s.n);
    let jenis_pegawai_id = match p.jenis_pegawai {
        JenisPegawai::Pns => "1",
        JenisPegawai::Pppk => "8",
    };
    m.set("jenisPegawaiId", json!(jenis_pegawai_id));
    m.set("jenisPegawaiNama", json!(p.jenis_pegawai.kode()));
    m.set("kedudukanPnsId", json!(p.kedudukan_hukum_id));
    m.set("kedudukanPnsNama", teks(n.kedudukan_nama.as_deref()));
    let status = match (p.jenis_pegawai, p.tmt_pns.is_some()) {
        (JenisPegawai::Pppk, _) => "PPPK",
        (JenisPegawai::Pns, true) => "PNS",
        (JenisPegawai::Pns, false) => "CPNS",
    };
    m.set("statusPegawai", json!(status));
    m.set("jenisKelamin", json!(p.jenis_kelamin.kode()));
    let ktp = s.nik.is_some();
    m.set(
        "jenisIdDokumenId",
        if ktp { json!("1") } else { Value::Null },
    );
    m.set(
        "jenisIdDokumenNama",
        if ktp { json!("KTP") } else { Value::Null },
    );
    m.set(
        "nomorIdDocument",
        teks(tampak(s.nik, s.nik_terbuka).as_deref()),
    );
    m.set("noSeriKarpeg", Value::Null);
    m.set(
        "tkPendidikanTerakhirId",
        teks(p.tingkat_pendidikan_id.as_deref()),
    );
    m.set(
        "tkPendidikanTerakhir",
        teks(n.tingkat_pendidikan_nama.as_deref()),
    );
    m.set("pendidikanTerakhirId", Value::Null);
    m.set(
        "pendidikanTerakhirNama",
        teks(s.pendidikan_terakhir.map(|x| x.nama_pendidikan.as_str())),
    );
    m.set(
        "tahunLulus",
        s.pendidikan_terakhir
            .map_or(Value::Null, |x| json!(x.tahun_lulus.to_string())),
    );
    m.set("tmtPns", tgl(p.tmt_pns));
    m.set("tmtPensiun", tgl(Some(s.pensiun.tmt_pensiun)));
    m.set("bupPensiun", json!(s.pensiun.bup.to_string()));
    m.set("tglSkPns", tgl(s.sk_pns.map(|x| x.sk.tanggal)));
    m.set("tmtCpns", tgl(p.tmt_cpns));
    m.set("tglSkCpns", tgl(s.sk_cpns.map(|x| x.sk.tanggal)));
}

/// Agencies, unit and position (the position appears under its own type only).
fn unit_dan_jabatan(m: &mut DataUtama, s: &Sumber) {
    let (p, n) = (s.p, s.n);
    m.set("instansiIndukId", json!(p.instansi_induk_id));
    m.set("instansiIndukNama", teks(n.instansi_induk_nama.as_deref()));
    m.kosong(&["satuanKerjaIndukId", "satuanKerjaIndukNama"]);
    m.set("kanregId", teks(n.kanreg_id.as_deref()));
    m.set("kanregNama", teks(n.kanreg_nama.as_deref()));
    m.set("instansiKerjaId", json!(p.instansi_kerja_id));
    m.set("instansiKerjaNama", teks(n.instansi_kerja_nama.as_deref()));
    m.set(
        "instansiKerjaKodeCepat",
        teks(n.instansi_kerja_kode_cepat.as_deref()),
    );
    m.kosong(&["satuanKerjaKerjaId", "satuanKerjaKerjaNama"]);
    m.set("unorId", p.unor_id.map_or(Value::Null, id));
    m.set("unorNama", teks(n.unor_nama.as_deref()));
    m.set("unorIndukId", n.unor_induk_id.map_or(Value::Null, id));
    m.set("unorIndukNama", teks(n.unor_induk_nama.as_deref()));
    let jenis_jabatan = p.jenis_jabatan_id.as_deref();
    m.set("jenisJabatanId", teks(jenis_jabatan));
    m.set("jenisJabatan", teks(n.jenis_jabatan_nama.as_deref()));
    m.set("jabatanNama", teks(p.nama_jabatan.as_deref()));
    for (jenis, kunci) in [
        ("1", "jabatanStruktural"),
        ("2", "jabatanFungsional"),
        ("4", "jabatanFungsionalUmum"),
    ] {
        let ya = jenis_jabatan == Some(jenis);
        let jab = |v: Option<&str>| if ya { teks(v) } else { Value::Null };
        m.set(&format!("{kunci}Id"), jab(p.jabatan_id.as_deref()));
        m.set(&format!("{kunci}Nama"), jab(p.nama_jabatan.as_deref()));
    }
    m.set("tmtJabatan", tgl(p.tmt_jabatan));
    m.kosong(&["lokasiKerjaId", "lokasiKerja"]);
}

/// First and last rank, years of service, echelon.
fn golongan_dan_masa_kerja(m: &mut DataUtama, s: &Sumber) {
    let (p, n) = (s.p, s.n);
    let awal = s.golongan_awal;
    m.set(
        "golRuangAwalId",
        teks(awal.map(|g| g.id().to_string()).as_deref()),
    );
    m.set("golRuangAwal", teks(awal.map(|g| g.label())));
    let (akhir_id, akhir) = match (p.golongan, p.golongan_pppk) {
        (Some(g), _) => (Some(g.id().to_string()), Some(g.label().to_string())),
        (None, Some(g)) => (Some(g.nomor().to_string()), Some(g.label().to_string())),
        _ => (None, None),
    };
    m.set("golRuangAkhirId", teks(akhir_id.as_deref()));
    m.set("golRuangAkhir", teks(akhir.as_deref()));
    m.set("tmtGolAkhir", tgl(p.tmt_golongan));
    let mk = s.masa_kerja;
    m.set(
        "masaKerja",
        mk.map_or(Value::Null, |m| {
            json!(format!("{} Tahun {} Bulan", m.tahun, m.bulan))
        }),
    );
    m.set(
        "mkTahun",
        mk.map_or(Value::Null, |m| json!(m.tahun.to_string())),
    );
    m.set(
        "mkBulan",
        mk.map_or(Value::Null, |m| json!(m.bulan.to_string())),
    );
    m.set("eselon", teks(n.eselon_nama.as_deref()));
    m.set("eselonId", teks(p.eselon_id.as_deref()));
    m.set("eselonLevel", Value::Null);
    let struktural = p.jenis_jabatan_id.as_deref() == Some("1");
    m.set(
        "tmtEselon",
        if struktural {
            tgl(p.tmt_jabatan)
        } else {
            Value::Null
        },
    );
}

/// Salary, marriage, tax and insurance numbers (masked unless granted), decrees; the fields
/// this system does not hold are null.
fn keuangan_dan_sk(m: &mut DataUtama, s: &Sumber) {
    let (p, n) = (s.p, s.n);
    let asuransi = |v: Option<&str>| teks(tampak(v, s.asuransi_terbuka).as_deref());
    m.kosong(&[
        "gajiPokok",
        "kpknId",
        "kpknNama",
        "ktuaId",
        "ktuaNama",
        "taspenId",
        "taspenNama",
    ]);
    m.set("jenisKawinId", teks(p.jenis_kawin_id.as_deref()));
    m.set("statusPerkawinan", teks(n.jenis_kawin_nama.as_deref()));
    m.set("statusHidup", Value::Null);
    m.set("noNpwp", asuransi(p.npwp.as_deref()));
    m.kosong(&["tglNpwp", "noAskes"]);
    m.set("bpjs", asuransi(p.bpjs.as_deref()));
    m.set("kodePos", Value::Null);
    m.set(
        "noSpmt",
        teks(s.sk_cpns.and_then(|x| x.nomor_spmt.as_deref())),
    );
    m.set("noTaspen", asuransi(p.taspen.as_deref()));
    m.kosong(&["bahasa", "kppnId", "kppnNama"]);
    let pangkat_akhir = p.golongan.map(|g| g.pangkat());
    m.set("pangkatAkhir", teks(pangkat_akhir));
    m.set("tglSttpl", tgl(s.sk_pns.and_then(|x| x.tanggal_sttpl)));
    m.set(
        "nomorSttpl",
        teks(s.sk_pns.and_then(|x| x.nomor_sttpl.as_deref())),
    );
    m.set("nomorSkCpns", teks(s.sk_cpns.map(|x| x.sk.nomor.as_str())));
    m.set("nomorSkPns", teks(s.sk_pns.map(|x| x.sk.nomor.as_str())));
    m.kosong(&["jenjang", "jabatanAsn", "kartuAsn", "validNik"]);
    m.set("pangkatAwal", teks(s.golongan_awal.map(|g| g.pangkat())));
    m.kosong(&[
        "asnJenjangJabatan",
        "levelJabatan",
        "tanggal_taspen",
        "tabrum2",
        "kelas_jabatan",
        "karis_karsu",
        "kode_jenjang_jabatan",
        "path",
        "genEmailAsn",
    ]);
    m.set("tglSpmt", tgl(s.sk_cpns.and_then(|x| x.tanggal_spmt)));
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
        assert_eq!(
            jenis_dari_api("pemberhentian"),
            Some(JenisRiwayat::Pemberhentian)
        );
        for n in ["dp3", "pwk", "potensi", "kompetensi", "sertifikasi"] {
            assert_eq!(jenis_dari_api(n), None);
        }
        assert_eq!(
            tgl(NaiveDate::from_ymd_opt(1968, 3, 3)),
            json!("03-03-1968")
        );
        assert_eq!(tgl(None), Value::Null);
    }
}
