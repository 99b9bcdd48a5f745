//! Typed access to a save payload: texts, numbers, dates and decrees, with 400s that name the
//! field.

use chrono::NaiveDate;
use serde_json::{Map, Value};
use siasn_domain::riwayat::Sk;
use siasn_domain::tanggal::parse_siasn;

use crate::api::ApiError;

/// Typed access to a payload, with 400s that name the field.
pub(super) struct Isian<'a>(pub(super) &'a Map<String, Value>);

impl Isian<'_> {
    pub(super) fn teks(&self, k: &str) -> Option<String> {
        match self.0.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(if *b { "1" } else { "0" }.into()),
            _ => None,
        }
    }

    pub(super) fn salah_satu(&self, kunci: &[&str]) -> Option<String> {
        kunci.iter().find_map(|k| self.teks(k))
    }

    pub(super) fn wajib(&self, k: &str) -> Result<String, ApiError> {
        self.teks(k)
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi")))
    }

    pub(super) fn tanggal(&self, k: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.teks(k) {
            None => Ok(None),
            Some(t) => parse_siasn(&t).map(Some).ok_or_else(|| {
                ApiError::tidak_valid(format!("kolom {k} harus tanggal dd-mm-yyyy, bukan «{t}»"))
            }),
        }
    }

    pub(super) fn tanggal_wajib(&self, k: &str) -> Result<NaiveDate, ApiError> {
        self.tanggal(k)?
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi (dd-mm-yyyy)")))
    }

    pub(super) fn angka<T: std::str::FromStr>(&self, k: &str) -> Result<Option<T>, ApiError> {
        match self.teks(k) {
            None => Ok(None),
            Some(t) => t
                .parse()
                .map(Some)
                .map_err(|_| ApiError::tidak_valid(format!("kolom {k} harus angka, bukan «{t}»"))),
        }
    }

    pub(super) fn angka_wajib<T: std::str::FromStr>(&self, k: &str) -> Result<T, ApiError> {
        self.angka(k)?
            .ok_or_else(|| ApiError::tidak_valid(format!("kolom {k} wajib diisi")))
    }

    pub(super) fn ya(&self, k: &str) -> bool {
        matches!(self.teks(k).as_deref(), Some("1" | "true" | "ya" | "Y"))
    }

    pub(super) fn sk(&self, nomor: &str, tanggal: &str) -> Result<Sk, ApiError> {
        Ok(Sk {
            nomor: self.wajib(nomor)?,
            tanggal: self.tanggal_wajib(tanggal)?,
        })
    }
}
