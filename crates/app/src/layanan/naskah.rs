//! What a service's letters say and the filing of a generated letter: the parts each service
//! module gives the pertek/SK engine ([`super::surat`]), kept below both so neither imports
//! the other back.

use siasn_card::surat::Blok;
use siasn_domain::dokumen::Dokumen;
use siasn_domain::layanan::KasusLayanan;
use siasn_store::layanan as langkah_layanan;
use siasn_store::{Tx, pegawai};
use uuid::Uuid;

use crate::{Aktor, App, AppResult};

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
