//! SIASN over HTTP: the portal for employees, the back office for agency and BKN staff,
//! public pages, the SIASN-compatible API and administration — each a folder that parses,
//! calls a use case of `siasn_app` and renders. What they all use (request context, CSRF,
//! errors, limits, telemetry) is in `infra`.

mod admin;
pub mod api;
mod infra;
mod kantor;
mod kartu;
mod layanan;
mod masuk;
mod portal;
mod publik;
mod tampilan;
mod usulan;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use siasn_app::App;
use siasn_store::Store;
use tokio::net::TcpListener;

pub use infra::batas_laju::BatasMasuk;
pub use infra::error::WebError;
pub use infra::konfigurasi::KonfigurasiWeb;
pub use infra::pelayan::BatasKoneksi;
pub use siasn_app::surel::Pengirim;
pub use siasn_app::{Jam, JamSistem, JamUji, KonfigurasiApp};
pub use siasn_teks::Bahasa;

/// What every handler can reach: the use cases and what only HTTP needs.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    app: App,
    konfigurasi: KonfigurasiWeb,
    batas: infra::batas_laju::BatasLaju,
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
        let batas = infra::batas_laju::BatasLaju::new(konfigurasi.batas_masuk);
        Self::dengan_batas(store, konfigurasi, jam, batas)
    }

    /// State for one of several app servers on one database: rate limits are counted in the
    /// database, together with the other servers.
    pub async fn bersama(
        store: Store,
        konfigurasi: KonfigurasiWeb,
        jam: Arc<dyn Jam>,
    ) -> Result<Self, siasn_store::StoreError> {
        let batas =
            infra::batas_laju::BatasLaju::bersama(konfigurasi.batas_masuk, store.clone()).await?;
        Ok(Self::dengan_batas(store, konfigurasi, jam, batas))
    }

    fn dengan_batas(
        store: Store,
        konfigurasi: KonfigurasiWeb,
        jam: Arc<dyn Jam>,
        batas: infra::batas_laju::BatasLaju,
    ) -> Self {
        let app = App::new(store, konfigurasi.app.clone(), jam);
        Self {
            inner: Arc::new(Inner {
                app,
                konfigurasi,
                batas,
                perender: siasn_card::Perender::new(),
                api: api::KeadaanApi::default(),
            }),
        }
    }

    /// The use cases.
    pub fn app(&self) -> &App {
        &self.inner.app
    }

    /// The store, for reads that only fetch for display.
    pub fn store(&self) -> &Store {
        self.inner.app.store()
    }

    /// The instance's display name.
    pub fn nama_instance(&self) -> &str {
        &self.inner.konfigurasi.app.nama_instance
    }

    /// Web settings.
    pub fn konfigurasi(&self) -> &KonfigurasiWeb {
        &self.inner.konfigurasi
    }

    /// Now, by the injected clock.
    pub fn sekarang(&self) -> chrono::DateTime<chrono::Utc> {
        self.inner.app.sekarang()
    }

    pub(crate) fn batas(&self) -> &infra::batas_laju::BatasLaju {
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
}

/// Every route of the application, with its middleware.
pub fn router(state: AppState) -> Router {
    // Upload forms: a few files at the configured limit plus the form itself; every other
    // route keeps axum's 2 MB default.
    let batas = state.konfigurasi().app.batas_unggah;
    let batas_unggah = axum::extract::DefaultBodyLimit::max(batas.saturating_mul(4) + 1024 * 1024);
    // API uploads are checked against the limit while streaming (413 in the API's envelope);
    // the body limit only has to let one file and its fields through.
    let batas_unggah_api =
        axum::extract::DefaultBodyLimit::max(batas.saturating_mul(2) + 1024 * 1024);
    let routes = Router::new()
        .merge(publik::routes())
        .merge(masuk::routes())
        .merge(portal::routes())
        .merge(kantor::routes())
        .merge(admin::routes())
        .merge(usulan::routes(batas_unggah))
        .merge(layanan::routes(batas_unggah))
        .merge(kartu::routes(batas_unggah))
        .merge(api::routes().layer(batas_unggah_api))
        .fallback(publik::tidak_ditemukan)
        .with_state(state.clone());
    infra::telemetry::layers(
        routes,
        state.konfigurasi().https,
        state.konfigurasi().cookie_secure,
    )
}

/// Serves the application on `listener` until `shutdown` completes, then finishes open
/// requests. The e-mail sender and the session housekeeping run alongside.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    pengirim: Pengirim,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sender = tokio::spawn(siasn_app::surel::jalankan(state.app().clone(), pengirim));
    let housekeeping = tokio::spawn(bersihkan(state.app().clone()));
    let batas = state.konfigurasi().koneksi;
    let result = infra::pelayan::layani(listener, router(state), batas, shutdown).await;
    sender.abort();
    housekeeping.abort();
    result
}

/// Deletes sessions, captchas and rate-limit windows past their limits every ten minutes (lookups already refuse
/// them; this only keeps the tables small).
async fn bersihkan(app: App) {
    loop {
        match siasn_app::akun::bersihkan_sesi(&app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "expired sessions removed"),
            Err(e) => tracing::warn!(error = %e, "cannot remove expired sessions"),
        }
        if let Err(e) = app.store().hapus_captcha_kedaluwarsa(app.sekarang()).await {
            tracing::warn!(error = %e, "cannot remove expired captchas");
        }
        // Shared rate-limit windows last at most an hour.
        let lama = (app.sekarang() - chrono::Duration::hours(2)).timestamp();
        if let Err(e) = app.store().hapus_batas_laju_lama(lama).await {
            tracing::warn!(error = %e, "cannot remove old rate-limit windows");
        }
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
}
