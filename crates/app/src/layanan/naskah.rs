//! What a service's letters say, and signing and filing a generated letter: the parts each
//! service module gives the pertek/SK engine ([`super::surat`]) or uses itself (a transfer's
//! second SK), kept below both so neither imports the other back.

use siasn_card::surat::{Blok, IsiSurat};
use siasn_domain::dokumen::Dokumen;
use siasn_domain::layanan::{KasusLayanan, StatusLayanan};
use siasn_store::layanan::{self as langkah_layanan, Pindah};
use siasn_store::{Tx, pegawai};
use uuid::Uuid;

use crate::{Aktor, App, AppResult, ttd};

/// What a service's pertek and SK say; the engine numbers, signs and files them.
pub(crate) struct Naskah {
    /// The service in letter numbers ("KP", "PENSIUN").
    pub kode: &'static str,
    /// What the letters are about, in a sentence ("kenaikan pangkat", "pensiun").
    pub hal: String,
    /// The SK's document type in the archive.
    pub dokumen_sk: &'static str,
    /// The pertek's opening paragraph.
    pub pembuka_pertek: String,
    /// The SK's opening paragraph after its legal basis ("menetapkan kenaikan pangkat:").
    pub pembuka_sk: String,
    /// The employee and the decision, as label/value lines.
    pub blok: Vec<Blok>,
    /// The pertek's closing paragraph.
    pub penutup_pertek: String,
}

/// "Rp3.123.400" or "-".
pub(crate) fn rupiah(n: Option<i64>) -> String {
    n.map_or_else(
        || "-".to_string(),
        |n| {
            let s = n.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push('.');
                }
                out.push(c);
            }
            format!("Rp{out}")
        },
    )
}

/// Stores a generated letter in the employee's archive (content-addressed blob first).
pub(crate) async fn arsipkan(
    app: &App,
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    jenis_dokumen: &str,
    nama_file: &str,
    pdf: &[u8],
) -> AppResult<Uuid> {
    let blob = langkah_layanan::simpan_blob(
        tx,
        app.store().blobs(),
        pdf,
        "application/pdf",
        app.sekarang(),
    )
    .await?;
    let d = Dokumen {
        id: Uuid::now_v7(),
        pegawai_id: k.pegawai_id,
        riwayat_id: None,
        jenis_dokumen_id: jenis_dokumen.to_string(),
        sha256: blob.sha256,
        nama_file: nama_file.to_string(),
        media_type: "application/pdf".into(),
        ukuran: blob.ukuran,
        diunggah_pada: app.sekarang(),
        diunggah_oleh: aktor.label(),
    };
    pegawai::simpan_dokumen(tx, std::slice::from_ref(&d)).await?;
    Ok(d.id)
}

/// A move forward with no reason and no new round, against the version the actor saw.
pub(crate) async fn maju(
    tx: &mut Tx,
    k: &KasusLayanan,
    versi: i64,
    ke: StatusLayanan,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Option<i32>> {
    Ok(langkah_layanan::pindah(
        tx,
        Pindah {
            id: k.id,
            versi,
            dari: k.status,
            ke,
            putaran_baru: false,
            alasan: None,
        },
        now,
    )
    .await?)
}

/// The footer of every signed letter: the statement and where to check it.
fn kaki(app: &App, terbuka: &ttd::KunciTerbuka, kode: &str) -> Vec<String> {
    vec![
        format!(
            "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat \
             elektronik yang diterbitkan oleh {}.",
            terbuka.penanda.penerbit
        ),
        format!(
            "Periksa keasliannya dengan memindai kode QR atau di {}",
            ttd::url_verifikasi(app, kode)
        ),
    ]
}

/// Signs a letter with the unlocked key inside the step's transaction and files it in the
/// employee's archive; returns the archive document's id.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn tandatangani_surat(
    app: &App,
    tx: &mut Tx,
    aktor: &Aktor,
    k: &KasusLayanan,
    terbuka: ttd::KunciTerbuka,
    mut surat: IsiSurat,
    jenis: &'static str,
    n: &Naskah,
    nomor: &str,
) -> AppResult<Uuid> {
    let judul = match jenis {
        "PERTEK" => format!("Pertimbangan teknis {}", n.hal),
        _ => format!("Keputusan {}", n.hal),
    };
    let kode = ttd::kode_baru();
    surat.kaki = kaki(app, &terbuka, &kode);
    let kotak = ttd::kotak_surat(&surat);
    let jabatan = surat.jabatan_penandatangan.clone();
    let pdf = app.surat_pdf(surat).await?;
    let bertanda = ttd::tandatangani(
        app,
        tx,
        terbuka,
        pdf,
        ttd::DokumenBaru {
            kode,
            jenis,
            judul: judul.clone(),
            nomor: Some(nomor.to_string()),
            pegawai_id: Some(k.pegawai_id),
            layanan_id: Some(k.id),
            rujukan: None,
            alasan: judul,
            jabatan,
            kotak: Some(kotak),
        },
    )
    .await?;
    let (jenis_dokumen, nama_file) = match jenis {
        "PERTEK" => ("L05", format!("Pertek {}.pdf", n.hal)),
        _ => (n.dokumen_sk, format!("SK {}.pdf", n.hal)),
    };
    arsipkan(app, tx, aktor, k, jenis_dokumen, &nama_file, &bertanda.pdf).await
}

/// The signer lines: the acting account, with its NIP when it is an employee.
pub(crate) async fn penandatangan(app: &App, aktor: &Aktor) -> AppResult<String> {
    Ok(match aktor.pelaku.pegawai_id {
        Some(id) => format!("NIP {}", app.store().pegawai(id).await?.nomor_induk),
        None => String::new(),
    })
}
