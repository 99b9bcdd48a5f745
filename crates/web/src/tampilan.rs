//! How records are shown: dates the Indonesian (or English) way, masked numbers, and one display
//! row per history entry of any kind.

use std::collections::HashMap;

use chrono::NaiveDate;
use siasn_domain::usulan::isian::Tipe;

use crate::{AppState, WebError};
use siasn_domain::riwayat::{DataRiwayat, StatusKepegawaian};

use siasn_teks::{Bahasa, Teks};

/// The lists a history row's codes are named from.
pub const DAFTAR_RIWAYAT: [Tipe; 3] = [
    Tipe::Ref("jenis-kp"),
    Tipe::Ref("jenis-penugasan"),
    Tipe::Ref("instansi"),
];

/// Names of reference codes, fetched once per list a page needs.
#[derive(Default)]
pub struct NamaRef {
    daftar: HashMap<&'static str, HashMap<String, String>>,
}

impl NamaRef {
    /// Loads the lists the given field types point to (`Tipe::Ref("instansi")` for agencies).
    pub async fn muat(state: &AppState, tipe: &[Tipe]) -> Result<Self, WebError> {
        let mut out = Self::default();
        for t in tipe.iter().copied() {
            let (Tipe::Ref(k) | Tipe::RefOps(k)) = t else {
                continue;
            };
            // Units are loaded by id (`muat_unor`), never as a whole list.
            if out.daftar.contains_key(k) || k == "unor" {
                continue;
            }
            let nama: HashMap<String, String> = if k == "instansi" {
                state
                    .store()
                    .daftar_instansi()
                    .await?
                    .into_iter()
                    .map(|i| (i.id, i.nama))
                    .collect()
            } else if k == "tingkat-pendidikan" {
                state
                    .store()
                    .tingkat_pendidikan()
                    .await?
                    .into_iter()
                    .map(|t| (t.id, t.nama))
                    .collect()
            } else {
                state
                    .store()
                    .referensi(k)
                    .await?
                    .into_iter()
                    .map(|r| (r.id, r.nama))
                    .collect()
            };
            out.daftar.insert(k, nama);
        }
        Ok(out)
    }

    /// Adds the names of these units, as the list "unor" (one statement).
    pub async fn muat_unor(
        &mut self,
        state: &AppState,
        ids: &[uuid::Uuid],
    ) -> Result<(), WebError> {
        let mut unor = HashMap::new();
        for potong in ids.chunks(500) {
            unor.extend(
                state
                    .store()
                    .nama_unor(potong)
                    .await?
                    .into_iter()
                    .map(|(id, nama)| (id.to_string(), nama)),
            );
        }
        self.daftar.insert("unor", unor);
        Ok(())
    }

    /// The name of `kode` in the list `kategori` ("instansi" for agencies, "unor" for units).
    pub fn nama(&self, kategori: &str, kode: &str) -> Option<&str> {
        self.daftar.get(kategori)?.get(kode).map(String::as_str)
    }
}

pub use siasn_teks::{nip, tanggal, waktu};

/// A spreadsheet cell that cannot run as a formula ("=", "+", "-", "@" lead a formula).
pub fn sel_aman(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A CSV file to download: private, never cached, named.
pub fn unduhan_csv(nama_berkas: &'static str, isi: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let disposisi = format!("attachment; filename=\"{nama_berkas}\"");
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposisi),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        isi,
    )
        .into_response()
}

/// Everything but the last four characters hidden.
pub fn samarkan(nilai: &str) -> String {
    let n = nilai.chars().count();
    if n <= 4 {
        return "•".repeat(n);
    }
    let tail: String = nilai.chars().skip(n - 4).collect();
    format!("{}{tail}", "•".repeat(n - 4))
}

/// One history entry ready for display.
pub struct BarisRiwayat {
    /// Main line.
    pub judul: String,
    /// Effective date, formatted.
    pub tanggal: Option<String>,
    /// Decree number and date, formatted.
    pub sk: Option<String>,
    /// Further details (label, value).
    pub rincian: Vec<(&'static str, String)>,
}

/// The display row of a history entry, codes named from `nama` (loaded with
/// [`DAFTAR_RIWAYAT`]); sensitive family numbers are left out.
pub fn baris(data: &DataRiwayat, b: Bahasa, nama: &NamaRef) -> BarisRiwayat {
    let t = |d: NaiveDate| tanggal(d, b);
    let sebut = |kategori: &str, kode: &str| {
        nama.nama(kategori, kode)
            .map_or_else(|| kode.to_string(), str::to_string)
    };
    let mut rincian: Vec<(&'static str, String)> = Vec::new();
    let judul = match data {
        DataRiwayat::Jabatan(r) => {
            rincian.push((b.t(Teks::Unit), r.nama_unor.clone()));
            if let Some(p) = &r.jenis_penugasan_id {
                rincian.push((b.t(Teks::Penugasan), sebut("jenis-penugasan", p)));
            }
            r.nama_jabatan.clone()
        }
        DataRiwayat::Pendidikan(r) => {
            rincian.push((b.t(Teks::Sekolah), r.nama_sekolah.clone()));
            rincian.push((b.t(Teks::TahunLulus), r.tahun_lulus.to_string()));
            if let Some(g) = &r.gelar_belakang {
                rincian.push((b.t(Teks::Gelar), g.clone()));
            }
            r.nama_pendidikan.clone()
        }
        DataRiwayat::Diklat(r) => {
            rincian.push((b.t(Teks::Jam), r.jumlah_jam.to_string()));
            rincian.push((b.t(Teks::Penyelenggara), r.institusi_penyelenggara.clone()));
            r.nama.clone()
        }
        DataRiwayat::Kursus(r) => {
            rincian.push((b.t(Teks::Jam), r.jumlah_jam.to_string()));
            rincian.push((b.t(Teks::Penyelenggara), r.institusi_penyelenggara.clone()));
            format!("{} ({})", r.nama_kursus, r.jenis_kursus)
        }
        DataRiwayat::Skp(r) => {
            rincian.push((b.t(Teks::Nilai), format!("{:.2}", r.nilai_prestasi())));
            format!("SKP {} · {}", r.tahun, r.predikat().nama())
        }
        DataRiwayat::Skp22(r) => format!("SKP {} · {}", r.tahun, r.predikat.nama()),
        DataRiwayat::Penghargaan(r) => format!("{} ({})", r.nama, r.tahun),
        DataRiwayat::Golongan(r) => {
            rincian.push((b.t(Teks::JenisKp), sebut("jenis-kp", &r.jenis_kp_id)));
            rincian.push((
                b.t(Teks::MasaKerja),
                format!("{} th {} bl", r.masa_kerja_tahun, r.masa_kerja_bulan),
            ));
            format!("{} · {}", r.golongan.label(), r.golongan.pangkat())
        }
        DataRiwayat::Pasangan(r) => {
            if let Some(d) = r.tanggal_menikah {
                rincian.push((b.t(Teks::TanggalMenikah), t(d)));
            }
            r.nama.clone()
        }
        DataRiwayat::Anak(r) => {
            rincian.push((b.t(Teks::TanggalLahir), t(r.tanggal_lahir)));
            r.nama.clone()
        }
        DataRiwayat::OrangTua(r) => format!(
            "{} ({})",
            r.nama,
            match r.peran {
                siasn_domain::riwayat::PeranOrangTua::Ayah => b.t(Teks::Ayah),
                siasn_domain::riwayat::PeranOrangTua::Ibu => b.t(Teks::Ibu),
            }
        ),
        DataRiwayat::Pmk(r) => format!(
            "{} · +{} th {} bl",
            r.instansi_atau_perusahaan, r.masa_kerja_tahun, r.masa_kerja_bulan
        ),
        DataRiwayat::PindahInstansi(r) => {
            format!(
                "{} → {}",
                sebut("instansi", &r.instansi_asal_id),
                sebut("instansi", &r.instansi_tujuan_id)
            )
        }
        DataRiwayat::Cltn(r) => format!("{} – {}", t(r.tanggal_mulai), t(r.tanggal_selesai)),
        DataRiwayat::CpnsPns(r) => match r.status {
            StatusKepegawaian::Cpns => "CPNS".into(),
            StatusKepegawaian::Pns => "PNS".into(),
        },
        DataRiwayat::Organisasi(r) => r.nama_organisasi.clone(),
        DataRiwayat::HukumanDisiplin(r) => {
            rincian.push((b.t(Teks::Alasan), r.alasan.clone()));
            r.jenis_hukuman_id.replace('_', " ").to_lowercase()
        }
        DataRiwayat::AngkaKredit(r) => format!(
            "{} · {:.2} ({} – {})",
            r.nama_jabatan, r.kredit_total, r.mulai_penilaian, r.selesai_penilaian
        ),
        DataRiwayat::Gaji(r) => format!("Rp{}", ribuan(r.gaji_pokok)),
        DataRiwayat::Pemberhentian(r) => {
            use siasn_domain::pemberhentian::{JenisPemberhentian, JenisPensiun};
            if let Some(j) = JenisPensiun::dari_kode(r.jenis_pensiun) {
                rincian.push((b.t(Teks::JenisPensiun), j.nama().to_string()));
            }
            rincian.push((
                b.t(Teks::HakPensiun),
                b.t(if r.berhak_pensiun {
                    Teks::BerhakPensiun
                } else {
                    Teks::TidakBerhakPensiun
                })
                .to_string(),
            ));
            JenisPemberhentian::dari_kode(r.jenis_pemberhentian)
                .map_or_else(|| r.jenis_pemberhentian.to_string(), |j| j.nama())
        }
    };
    BarisRiwayat {
        judul,
        tanggal: data.tanggal_efektif().map(t),
        sk: data
            .sk()
            .map(|sk| format!("{} · {}", sk.nomor, t(sk.tanggal))),
        rincian,
    }
}

/// 3044300 → "3.044.300".
pub fn ribuan(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(1968, 3, 3).unwrap();
        assert_eq!(tanggal(d, Bahasa::Indonesia), "3 Maret 1968");
        assert_eq!(tanggal(d, Bahasa::Inggris), "3 March 1968");
        assert_eq!(samarkan("3273014303680001"), "••••••••••••0001");
        assert_eq!(samarkan("123"), "•••");
        assert_eq!(ribuan(3_044_300), "3.044.300");
        assert_eq!(ribuan(999), "999");
        assert_eq!(sel_aman("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(sel_aman("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(sel_aman("Dinas Pendidikan"), "Dinas Pendidikan");
    }
}
