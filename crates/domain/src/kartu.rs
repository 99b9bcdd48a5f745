//! Kartu ASN Virtual rules: who may hold a card, how long it is valid, what its state is when
//! someone checks it, and what a card photo must be.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

use crate::pegawai::{JenisPegawai, Pegawai};
use crate::referensi::KedudukanHukum;
use crate::usulan::berkas::{BerkasDitolak, JenisBerkas, periksa_berkas, ukuran_gambar};

/// Years a card is valid at most (it also ends the day before the holder's TMT pensiun). The
/// regulations set no period for the virtual card; five years keeps photos recent. Data, not
/// law: change it here.
pub const MASA_BERLAKU_TAHUN: i32 = 5;

/// Why an employee cannot have a card (yet). `Display` is a stable code for logs; people read
/// the reason through `siasn_teks`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TidakLayak {
    /// The legal status is not an active civil servant's.
    #[error("kartu.bukan_asn_aktif")]
    BukanAsnAktif(String),
    /// PNS without TMT PNS, or PPPK without the contract's TMT.
    #[error("kartu.belum_diangkat")]
    BelumDiangkat,
    /// No confirmed photo.
    #[error("kartu.tanpa_foto")]
    TanpaFoto,
}

/// Checks that `p` may hold a card: an active PNS with TMT PNS recorded, or a PPPK with the
/// TMT of the contract recorded, with a confirmed photo. `kedudukan` is the reference row of
/// the employee's legal status (unknown codes are not active).
pub fn periksa_kelayakan(
    p: &Pegawai,
    kedudukan: Option<&KedudukanHukum>,
    ada_foto: bool,
) -> Result<(), TidakLayak> {
    match kedudukan {
        Some(k) if k.masih_asn => {}
        Some(k) => return Err(TidakLayak::BukanAsnAktif(k.nama.clone())),
        None => return Err(TidakLayak::BukanAsnAktif(p.kedudukan_hukum_id.clone())),
    }
    let diangkat = match p.jenis_pegawai {
        JenisPegawai::Pns => p.tmt_pns.is_some(),
        JenisPegawai::Pppk => p.tmt_cpns.is_some(),
    };
    if !diangkat {
        return Err(TidakLayak::BelumDiangkat);
    }
    if !ada_foto {
        return Err(TidakLayak::TanpaFoto);
    }
    Ok(())
}

/// The last valid day of a card issued on `terbit`: five years less a day, but never past the
/// day before `tmt_pensiun`.
pub fn berlaku_sampai(terbit: NaiveDate, tmt_pensiun: Option<NaiveDate>) -> NaiveDate {
    let lima_tahun = terbit
        .with_year(terbit.year() + MASA_BERLAKU_TAHUN)
        // 29 February: the card runs to 28 February.
        .or_else(|| {
            terbit
                .pred_opt()?
                .with_year(terbit.year() + MASA_BERLAKU_TAHUN)
        })
        .unwrap_or(terbit);
    let akhir = lima_tahun.pred_opt().unwrap_or(lima_tahun);
    match tmt_pensiun.and_then(|t| t.pred_opt()) {
        Some(p) if p < akhir => p.max(terbit),
        _ => akhir,
    }
}

/// A card's state when someone checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKartu {
    /// Valid.
    Berlaku,
    /// Replaced by a newer card.
    Diganti,
    /// Past its last valid day.
    Kedaluwarsa,
    /// The holder is no longer an active civil servant (retired, dismissed, …): the name of the
    /// legal status.
    PemegangTidakAktif(String),
}

impl StatusKartu {
    /// Valid?
    pub fn berlaku(&self) -> bool {
        matches!(self, Self::Berlaku)
    }
}

/// The state of a card: the holder's legal status first (a retired holder's card is invalid
/// whatever else), then replacement, then expiry.
pub fn status_kartu(
    diganti: bool,
    berlaku_sampai: NaiveDate,
    hari_ini: NaiveDate,
    kedudukan: Option<&KedudukanHukum>,
    kode_kedudukan: &str,
) -> StatusKartu {
    match kedudukan {
        Some(k) if k.masih_asn => {}
        Some(k) => return StatusKartu::PemegangTidakAktif(k.nama.clone()),
        None => return StatusKartu::PemegangTidakAktif(kode_kedudukan.to_string()),
    }
    if diganti {
        StatusKartu::Diganti
    } else if hari_ini > berlaku_sampai {
        StatusKartu::Kedaluwarsa
    } else {
        StatusKartu::Berlaku
    }
}

/// What a card photo must be. The agencies' letters ask for a transparent background, so that
/// is on by default; an instance may turn it off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KebijakanFoto {
    /// A transparent background is required.
    pub wajib_transparan: bool,
    /// Smallest accepted width, pixels.
    pub lebar_min: u32,
    /// Smallest accepted height, pixels.
    pub tinggi_min: u32,
    /// Largest accepted file, bytes.
    pub ukuran_maks: usize,
    /// Share of fully transparent pixels (per mille) that counts as "a transparent background".
    pub transparan_min_permil: u32,
}

impl Default for KebijakanFoto {
    fn default() -> Self {
        Self {
            wajib_transparan: true,
            lebar_min: 300,
            tinggi_min: 400,
            ukuran_maks: 2 * 1024 * 1024,
            transparan_min_permil: 50,
        }
    }
}

/// Why a photo is refused (`Display`: a stable code; the reason is in `siasn_teks`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FotoDitolak {
    /// Nothing sent.
    #[error("foto.kosong")]
    Kosong,
    /// Over the size limit.
    #[error("foto.terlalu_besar")]
    TerlaluBesar(usize),
    /// Not PNG or JPEG by content.
    #[error("foto.bukan_gambar")]
    BukanGambar,
    /// Too small to print sharply.
    #[error("foto.resolusi_kurang")]
    ResolusiKurang {
        /// Width sent.
        lebar: u32,
        /// Height sent.
        tinggi: u32,
        /// Minimum width.
        lebar_min: u32,
        /// Minimum height.
        tinggi_min: u32,
    },
    /// Dimensions beyond any photo (a decompression bomb).
    #[error("foto.tidak_wajar")]
    TidakWajar,
    /// JPEG (no alpha), or a PNG without a transparent background.
    #[error("foto.tidak_transparan")]
    TidakTransparan,
    /// The image could not be decoded.
    #[error("foto.rusak")]
    Rusak,
}

/// Checks what can be checked before decoding: size, type by content (the upload rules of
/// `usulan::berkas`, narrowed to images), resolution, and (for JPEG, which has no alpha) the
/// transparency requirement. Returns the type and the declared size.
pub fn periksa_foto_awal(
    isi: &[u8],
    k: &KebijakanFoto,
) -> Result<(JenisBerkas, u32, u32), FotoDitolak> {
    let jenis = match periksa_berkas(isi, k.ukuran_maks) {
        Ok(JenisBerkas::Pdf) | Err(BerkasDitolak::JenisTidakDiizinkan) => {
            return Err(FotoDitolak::BukanGambar);
        }
        Ok(j) => j,
        Err(BerkasDitolak::Kosong) => return Err(FotoDitolak::Kosong),
        Err(BerkasDitolak::TerlaluBesar { batas }) => {
            return Err(FotoDitolak::TerlaluBesar(batas / 1024));
        }
        Err(BerkasDitolak::GambarTidakWajar) => return Err(FotoDitolak::TidakWajar),
        Err(BerkasDitolak::Rusak) => return Err(FotoDitolak::Rusak),
    };
    let (lebar, tinggi) = ukuran_gambar(isi).ok_or(FotoDitolak::Rusak)?;
    if lebar < k.lebar_min || tinggi < k.tinggi_min {
        return Err(FotoDitolak::ResolusiKurang {
            lebar,
            tinggi,
            lebar_min: k.lebar_min,
            tinggi_min: k.tinggi_min,
        });
    }
    if k.wajib_transparan && jenis == JenisBerkas::Jpeg {
        return Err(FotoDitolak::TidakTransparan);
    }
    Ok((jenis, lebar, tinggi))
}

/// The centred 3:4 crop of a `lebar` × `tinggi` image: x, y, width, height.
pub fn potong_3_4(lebar: u32, tinggi: u32) -> (u32, u32, u32, u32) {
    // Compare w/h with 3/4 in integers: 4w vs 3h.
    if u64::from(lebar) * 4 > u64::from(tinggi) * 3 {
        let w = u32::try_from(u64::from(tinggi) * 3 / 4)
            .unwrap_or(lebar)
            .max(1);
        ((lebar - w) / 2, 0, w, tinggi)
    } else {
        let h = u32::try_from(u64::from(lebar) * 4 / 3)
            .unwrap_or(tinggi)
            .max(1);
        (0, (tinggi - h) / 2, lebar, h)
    }
}

/// A card photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FotoPegawai {
    /// Id.
    pub id: Uuid,
    /// Whose.
    pub pegawai_id: Uuid,
    /// Blob hash (PNG).
    pub sha256: String,
    /// Bytes.
    pub ukuran: i64,
    /// CALON, AKTIF or DIGANTI.
    pub status: String,
    /// When uploaded.
    pub diunggah_pada: DateTime<Utc>,
}

/// An issued card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kartu {
    /// Id.
    pub id: Uuid,
    /// Printed serial.
    pub serial: String,
    /// Holder.
    pub pegawai_id: Uuid,
    /// Signing key.
    pub kid: String,
    /// The QR text.
    pub teks_qr: String,
    /// Name as signed.
    pub nama: String,
    /// Agency as signed.
    pub instansi_id: String,
    /// Issue date.
    pub diterbitkan: NaiveDate,
    /// Last valid day.
    pub berlaku_sampai: NaiveDate,
    /// The photo on the card.
    pub foto_sha256: String,
    /// When issued.
    pub dibuat_pada: DateTime<Utc>,
    /// When replaced by a newer card.
    pub diganti_pada: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contoh;

    fn aktif() -> KedudukanHukum {
        KedudukanHukum {
            id: "01".into(),
            nama: "Aktif".into(),
            masih_asn: true,
        }
    }

    fn pensiun() -> KedudukanHukum {
        KedudukanHukum {
            id: "99".into(),
            nama: "Pensiun".into(),
            masih_asn: false,
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn only_appointed_active_employees_with_a_photo_get_a_card() {
        let mut p = contoh::pegawai();
        p.tmt_pns = Some(d(2000, 3, 1));
        assert_eq!(periksa_kelayakan(&p, Some(&aktif()), true), Ok(()));
        assert_eq!(
            periksa_kelayakan(&p, Some(&aktif()), false),
            Err(TidakLayak::TanpaFoto)
        );
        assert_eq!(
            periksa_kelayakan(&p, Some(&pensiun()), true),
            Err(TidakLayak::BukanAsnAktif("Pensiun".into()))
        );
        assert!(periksa_kelayakan(&p, None, true).is_err());
        p.tmt_pns = None;
        assert_eq!(
            periksa_kelayakan(&p, Some(&aktif()), true),
            Err(TidakLayak::BelumDiangkat)
        );
        // CLTN is still a civil servant.
        let cltn = KedudukanHukum {
            id: "02".into(),
            nama: "CLTN".into(),
            masih_asn: true,
        };
        p.tmt_pns = Some(d(2000, 3, 1));
        assert_eq!(periksa_kelayakan(&p, Some(&cltn), true), Ok(()));
    }

    #[test]
    fn validity_is_five_years_or_until_retirement() {
        assert_eq!(berlaku_sampai(d(2026, 11, 21), None), d(2031, 11, 20));
        assert_eq!(berlaku_sampai(d(2028, 2, 29), None), d(2033, 2, 27));
        assert_eq!(
            berlaku_sampai(d(2026, 11, 21), Some(d(2028, 6, 1))),
            d(2028, 5, 31)
        );
        assert_eq!(
            berlaku_sampai(d(2026, 11, 21), Some(d(2040, 1, 1))),
            d(2031, 11, 20)
        );
        // Issued on the last day: valid that day at least.
        assert_eq!(
            berlaku_sampai(d(2026, 11, 21), Some(d(2026, 11, 21))),
            d(2026, 11, 21)
        );
    }

    #[test]
    fn state_puts_legal_status_before_replacement_and_expiry() {
        let akhir = d(2031, 11, 20);
        let hari = d(2027, 1, 1);
        assert_eq!(
            status_kartu(false, akhir, hari, Some(&aktif()), "01"),
            StatusKartu::Berlaku
        );
        assert_eq!(
            status_kartu(true, akhir, hari, Some(&aktif()), "01"),
            StatusKartu::Diganti
        );
        assert_eq!(
            status_kartu(false, akhir, d(2031, 11, 21), Some(&aktif()), "01"),
            StatusKartu::Kedaluwarsa
        );
        assert_eq!(
            status_kartu(false, akhir, akhir, Some(&aktif()), "01"),
            StatusKartu::Berlaku
        );
        let s = status_kartu(true, akhir, hari, Some(&pensiun()), "99");
        assert_eq!(s, StatusKartu::PemegangTidakAktif("Pensiun".into()));
        assert!(!status_kartu(false, akhir, hari, None, "42").berlaku());
    }

    #[test]
    fn photo_checks_before_decoding() {
        let k = KebijakanFoto::default();
        assert_eq!(periksa_foto_awal(b"", &k), Err(FotoDitolak::Kosong));
        assert_eq!(
            periksa_foto_awal(b"GIF89a....", &k),
            Err(FotoDitolak::BukanGambar)
        );
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&200u32.to_be_bytes());
        png.extend_from_slice(&260u32.to_be_bytes());
        assert_eq!(
            periksa_foto_awal(&png, &k),
            Err(FotoDitolak::ResolusiKurang {
                lebar: 200,
                tinggi: 260,
                lebar_min: 300,
                tinggi_min: 400
            })
        );
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert_eq!(periksa_foto_awal(&png, &k), Err(FotoDitolak::TidakWajar));
        let besar = vec![0u8; k.ukuran_maks + 1];
        assert_eq!(
            periksa_foto_awal(&besar, &k),
            Err(FotoDitolak::TerlaluBesar(2048))
        );
    }

    #[test]
    fn crops_are_centred_three_by_four() {
        assert_eq!(potong_3_4(600, 800), (0, 0, 600, 800));
        assert_eq!(potong_3_4(1000, 800), (200, 0, 600, 800));
        assert_eq!(potong_3_4(600, 1000), (0, 100, 600, 800));
        let (_, _, w, h) = potong_3_4(333, 1001);
        assert_eq!((w, h), (333, 444));
    }
}
