//! SIASN over HTTP: pages for people, probes for operators, and (later) the interoperability API.

mod bahasa;
mod error;
mod home;
mod probe;
mod telemetry;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use siasn_store::Store;
use tokio::net::TcpListener;

pub use bahasa::Bahasa;
pub use error::WebError;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    nama_instance: String,
}

impl AppState {
    /// State for a server of the instance named `nama_instance`.
    pub fn new(store: Store, nama_instance: impl Into<String>) -> Self {
        Self {
            inner: Arc::new(Inner {
                store,
                nama_instance: nama_instance.into(),
            }),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The instance's display name.
    pub fn nama_instance(&self) -> &str {
        &self.inner.nama_instance
    }
}

/// Every route of the application, with its middleware.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/", get(home::get))
        .route("/healthz", get(probe::healthz))
        .route("/readyz", get(probe::readyz))
        .route("/static/siasn.css", get(home::css))
        .fallback(home::not_found)
        .with_state(state);
    telemetry::layers(routes)
}

/// Serves `router` on `listener` until `shutdown` completes, then finishes open requests.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
