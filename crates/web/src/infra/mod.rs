//! What every feature of the web layer uses and none owns: the request context and
//! extractors, CSRF, errors and their one mapping to responses, rate limits, multipart forms,
//! security headers and telemetry, settings, and the connection loop with its limits.

pub mod batas_laju;
pub mod csrf;
pub mod error;
pub mod formulir;
pub mod konfigurasi;
pub mod konteks;
pub mod menu;
pub mod multipart;
pub mod pelayan;
pub mod telemetry;
