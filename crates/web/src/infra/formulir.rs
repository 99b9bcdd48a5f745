//! Small helpers for the forms and files pages answer with.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The first value of field `nama` in a urlencoded form read as pairs ("" when absent); pairs
/// keep repeated fields (checkbox lists) that a struct would lose.
pub fn isian<'a>(pairs: &'a [(String, String)], nama: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == nama)
        .map_or("", |(_, v)| v.as_str())
}

/// An optional date field (a date input's `YYYY-MM-DD`): `Ok(None)` when empty, `Err(())` when
/// it is not a date.
pub fn tanggal_opsional(
    pairs: &[(String, String)],
    nama: &str,
) -> Result<Option<chrono::NaiveDate>, ()> {
    match isian(pairs, nama) {
        "" => Ok(None),
        t => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ()),
    }
}

/// A stored document shown inline in the page's own frame (the viewer), with its media type.
pub fn dokumen_inline(isi: Vec<u8>, media_type: &str) -> Response {
    let mut res = isi.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(media_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline"),
    );
    h.insert(
        super::telemetry::BINGKAI_SENDIRI,
        HeaderValue::from_static("1"),
    );
    res
}
