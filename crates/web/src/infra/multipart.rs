//! Reading a multipart form with size limits: text fields (repeatable) and files, every file
//! within the upload limit (a larger one is dropped and flagged while streaming).

use std::collections::HashMap;

use axum::extract::Multipart;
use siasn_teks::{Bahasa, Teks};

use super::error::WebError;

/// Largest text field accepted.
const TEKS_MAKS: usize = 2_000_000;

/// A multipart form.
#[derive(Default)]
pub struct FormMultipart {
    teks: HashMap<String, Vec<String>>,
    /// Files: (field name, file name, bytes).
    pub berkas: Vec<(String, String, Vec<u8>)>,
    /// A file was larger than the limit (and was dropped).
    pub terlalu_besar: bool,
}

impl FormMultipart {
    /// The first value of a text field ("" when absent).
    pub fn satu(&self, nama: &str) -> &str {
        self.teks
            .get(nama)
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    /// Every value of a repeated text field.
    pub fn semua(&self, nama: &str) -> &[String] {
        self.teks.get(nama).map_or(&[], Vec::as_slice)
    }

    /// The fields whose names start with `awalan`, without it (first value each).
    pub fn dengan_awalan(&self, awalan: &str) -> std::collections::BTreeMap<String, String> {
        self.teks
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(awalan)?.to_string(), v.first()?.clone())))
            .collect()
    }
}

/// Reads the whole form, dropping any file larger than `batas` bytes.
pub async fn baca_multipart(mut mp: Multipart, batas: usize) -> Result<FormMultipart, WebError> {
    let mut out = FormMultipart::default();
    let rusak = |_| WebError::TidakValid(Bahasa::default(), Teks::FormTidakValid);
    while let Some(mut field) = mp.next_field().await.map_err(rusak)? {
        let nama = field.name().unwrap_or_default().to_string();
        if let Some(file) = field.file_name().map(str::to_string) {
            let mut isi = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(rusak)? {
                if isi.len() + chunk.len() > batas {
                    // Keep reading nothing more of it; the form is answered with the limit.
                    out.terlalu_besar = true;
                    isi.clear();
                    break;
                }
                isi.extend_from_slice(&chunk);
            }
            if out.terlalu_besar {
                continue;
            }
            if !file.is_empty() || !isi.is_empty() {
                out.berkas.push((nama, file, isi));
            }
        } else {
            let v = field.text().await.map_err(rusak)?;
            if v.len() > TEKS_MAKS {
                return Err(WebError::TidakValid(
                    Bahasa::default(),
                    Teks::FormTidakValid,
                ));
            }
            out.teks.entry(nama).or_default().push(v);
        }
    }
    Ok(out)
}
