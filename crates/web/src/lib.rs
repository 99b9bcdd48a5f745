//! SIASN over HTTP: pages for people, probes for operators, and (later) the interoperability API.

mod admin;
mod admin_klien;
pub mod api;
mod auth;
mod bahasa;
mod batas_laju;
mod beranda;
mod cari;
mod error;
mod hasher;
mod home;
mod jam;
mod kartu;
mod keamanan;
mod kinerja;
mod konfigurasi;
mod konteks;
mod periksa_kartu;
mod probe;
mod profil;
mod surel;
mod tampilan;
mod telemetry;
mod usulan;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use siasn_store::Store;
use tokio::net::TcpListener;
use tokio::sync::Notify;

pub use bahasa::Bahasa;
pub use error::WebError;
pub use jam::{Jam, JamSistem, JamUji};
pub use kartu::{jwks, kunci_publik, putar_kunci};
pub use konfigurasi::KonfigurasiWeb;
pub use surel::Pengirim;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    konfigurasi: KonfigurasiWeb,
    jam: Arc<dyn Jam>,
    hasher: hasher::Hasher,
    batas: batas_laju::BatasLaju,
    surel: Arc<Notify>,
    perender: siasn_card::Perender,
    api: api::KeadaanApi,
}

impl AppState {
    /// State with the system clock.
    pub fn new(store: Store, konfigurasi: KonfigurasiWeb) -> Self {
        Self::dengan_jam(store, konfigurasi, Arc::new(JamSistem))
    }

    /// State with an injected clock (tests).
    pub fn dengan_jam(store: Store, konfigurasi: KonfigurasiWeb, jam: Arc<dyn Jam>) -> Self {
        let paralel = std::thread::available_parallelism().map_or(2, usize::from);
        Self {
            inner: Arc::new(Inner {
                store,
                konfigurasi,
                jam,
                hasher: hasher::Hasher::new(paralel),
                batas: batas_laju::BatasLaju::default(),
                surel: Arc::new(Notify::new()),
                perender: siasn_card::Perender::new(),
                api: api::KeadaanApi::default(),
            }),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The instance's display name.
    pub fn nama_instance(&self) -> &str {
        &self.inner.konfigurasi.nama_instance
    }

    /// Web settings.
    pub fn konfigurasi(&self) -> &KonfigurasiWeb {
        &self.inner.konfigurasi
    }

    /// The clock.
    pub fn jam(&self) -> &dyn Jam {
        self.inner.jam.as_ref()
    }

    pub(crate) fn hasher(&self) -> &hasher::Hasher {
        &self.inner.hasher
    }

    pub(crate) fn batas(&self) -> &batas_laju::BatasLaju {
        &self.inner.batas
    }

    pub(crate) fn api(&self) -> &api::KeadaanApi {
        &self.inner.api
    }

    /// Runs CPU-heavy work (image decoding, rendering) off the async workers, with the card
    /// renderer (fonts loaded once per server).
    pub(crate) async fn berat<T: Send + 'static>(
        &self,
        kerja: impl FnOnce(&siasn_card::Perender) -> T + Send + 'static,
    ) -> Result<T, WebError> {
        let p = self.inner.perender.clone();
        Ok(tokio::task::spawn_blocking(move || kerja(&p)).await?)
    }

    /// Wakes the e-mail sender (after a store operation queued messages in its transaction).
    pub(crate) fn bangunkan_surel(&self) {
        self.inner.surel.notify_one();
    }

    /// Queues an e-mail and wakes the sender.
    pub(crate) async fn kirim_email(
        &self,
        email: siasn_store::email::EmailBaru,
    ) -> Result<(), WebError> {
        self.store()
            .antre_email(&email, self.jam().sekarang())
            .await?;
        self.inner.surel.notify_one();
        Ok(())
    }
}

/// Every route of the application, with its middleware.
pub fn router(state: AppState) -> Router {
    // Upload forms: a few files at the configured limit plus the form itself; every other
    // route keeps axum's 2 MB default.
    let batas_unggah = axum::extract::DefaultBodyLimit::max(
        state.konfigurasi().batas_unggah.saturating_mul(4) + 1024 * 1024,
    );
    // API uploads are checked against the limit while streaming (413 in the API's envelope);
    // the body limit only has to let one file and its fields through.
    let batas_unggah_api = axum::extract::DefaultBodyLimit::max(
        state.konfigurasi().batas_unggah.saturating_mul(2) + 1024 * 1024,
    );
    let routes = Router::new()
        .route("/", get(home::get))
        .route("/healthz", get(probe::healthz))
        .route("/readyz", get(probe::readyz))
        .route("/static/siasn.css", get(home::css))
        .route("/manifest.webmanifest", get(home::manifest))
        .route("/static/ikon.svg", get(home::ikon_svg))
        .route("/static/ikon-192.png", get(home::ikon_192))
        .route("/static/ikon-512.png", get(home::ikon_512))
        .route("/masuk", get(auth::masuk_form).post(auth::masuk))
        .route("/keluar", post(auth::keluar))
        .route("/lupa-sandi", get(auth::lupa_form).post(auth::lupa))
        .route("/aktivasi", get(auth::aktivasi_form).post(auth::lupa))
        .route("/atur-sandi", get(auth::atur_form).post(auth::atur))
        .route("/mfa", get(auth::mfa_form).post(auth::mfa))
        .route(
            "/mfa/daftar",
            get(auth::daftar_mfa_form).post(auth::daftar_mfa),
        )
        .route("/mfa/mulai", post(auth::mulai_mfa))
        .route("/beranda", get(beranda::get))
        .route("/profil", get(profil::saya))
        .route("/profil/tampilkan", post(profil::saya_tampilkan))
        .route("/dokumen", get(profil::dokumen_saya))
        .route("/dokumen/{id}", get(profil::unduh))
        .route("/riwayat-akses", get(profil::riwayat_akses))
        .route("/kinerja", get(kinerja::kinerja))
        .route("/kompetensi", get(kinerja::kompetensi))
        .route("/pegawai", get(cari::form).post(cari::cari))
        .route("/pegawai/{id}", get(profil::petugas))
        .route("/pegawai/{id}/tampilkan", post(profil::petugas_tampilkan))
        .route("/sesi", get(beranda::sesi))
        .route("/sesi/akhiri-lain", post(beranda::akhiri_lain))
        .route("/admin/akun", get(admin::akun))
        .route("/admin/akun/beri", post(admin::beri))
        .route("/admin/akun/cabut", post(admin::cabut))
        .route(
            "/admin/pegawai",
            get(admin::pegawai_form).post(admin::pegawai_cari),
        )
        .route("/admin/pegawai/{id}", get(admin::pegawai))
        .route("/admin/pegawai/{id}/email", post(admin::ubah_email))
        .route("/admin/pegawai/{id}/reset-mfa", post(admin::reset_mfa))
        .route(
            "/admin/klien-api",
            get(admin_klien::daftar).post(admin_klien::tambah),
        )
        .route("/admin/klien-api/{id}/status", post(admin_klien::status))
        .route(
            "/usulan",
            get(usulan::daftar).post(usulan::buat).layer(batas_unggah),
        )
        .route("/usulan/baru", get(usulan::form_baru))
        .route("/usulan/statistik", get(usulan::statistik))
        .route("/usulan/{id}", get(usulan::detail))
        .route("/usulan/{id}/dokumen/{dok}", get(usulan::lihat_dokumen))
        .route("/usulan/{id}/putuskan", post(usulan::putuskan))
        .route("/usulan/{id}/batalkan", post(usulan::batalkan))
        .route("/usulan/{id}/ajukan", post(usulan::ajukan))
        .route(
            "/usulan/{id}/revisi",
            get(usulan::form_revisi)
                .post(usulan::revisi)
                .layer(batas_unggah),
        )
        .route("/verifikasi", get(usulan::antrean))
        .route(
            "/kolektif",
            get(usulan::form_kolektif)
                .post(usulan::kolektif)
                .layer(batas_unggah),
        )
        .route("/kolektif/{id}", get(usulan::detail_kolektif))
        .route("/kolektif/{id}/putuskan", post(usulan::putuskan_kolektif))
        .route(
            "/foto",
            get(kartu::foto_form)
                .post(kartu::foto_unggah)
                .layer(batas_unggah),
        )
        .route("/foto/saya.png", get(kartu::foto_saya))
        .route("/foto/calon/{id}", get(kartu::foto_calon))
        .route("/foto/calon/{id}/pratinjau.png", get(kartu::foto_pratinjau))
        .route("/foto/calon/{id}/gunakan", post(kartu::foto_gunakan))
        .route("/kartu", get(kartu::kartu))
        .route("/kartu/terbitkan", post(kartu::terbitkan))
        .route("/kartu/depan.png", get(kartu::depan))
        .route("/kartu/belakang.png", get(kartu::belakang))
        .route("/kartu/kartu.pdf", get(kartu::pdf))
        .route("/kartu/cetak", get(kartu::cetak))
        .route("/k/captcha/{id}", get(periksa_kartu::gambar_captcha))
        .route(
            "/k/{token}",
            get(periksa_kartu::halaman).post(periksa_kartu::jawab),
        )
        .route("/.well-known/jwks.json", get(kartu::jwks_get))
        .merge(api::routes().layer(batas_unggah_api))
        .fallback(home::not_found)
        .with_state(state.clone());
    telemetry::layers(routes, state.konfigurasi().https)
}

/// Serves the application on `listener` until `shutdown` completes, then finishes open
/// requests. The e-mail sender runs alongside.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    pengirim: Pengirim,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sender = tokio::spawn(surel::jalankan(
        state.clone(),
        pengirim,
        state.inner.surel.clone(),
    ));
    let housekeeping = tokio::spawn(bersihkan_sesi(state.clone()));
    let result = axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sender.abort();
    housekeeping.abort();
    result
}

/// Deletes sessions past their limits every ten minutes (lookups already refuse them; this only
/// keeps the table small).
async fn bersihkan_sesi(state: AppState) {
    loop {
        let now = state.jam().sekarang();
        let idle = chrono::Duration::minutes(state.konfigurasi().sesi_idle_menit);
        match state.store().hapus_sesi_kedaluwarsa(now, now - idle).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "expired sessions removed"),
            Err(e) => tracing::warn!(error = %e, "cannot remove expired sessions"),
        }
        if let Err(e) = state.store().hapus_captcha_kedaluwarsa(now).await {
            tracing::warn!(error = %e, "cannot remove expired captchas");
        }
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
}
