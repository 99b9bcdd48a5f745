//! The web layer through the real server, in one test binary (one link on 2 cores): sign-in
//! and accounts, the SIASN-compatible API, proposals, cards, pages, the scope matrix, and the
//! transactions that must leave nothing half-written. The suites marked with `dua_mesin!` run
//! on SQLite and on PostgreSQL (`TEST_DATABASE_URL`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod common;

mod akun;
mod api;
mod banyak_server;
mod halaman;
mod http;
mod kartu;
mod layanan;
mod matriks;
mod profil;
mod usulan;
