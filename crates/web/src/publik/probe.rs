//! Liveness and readiness probes for load balancers and orchestrators.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::AppState;

/// Liveness: the process answers.
pub async fn healthz() -> &'static str {
    "ok"
}

#[derive(Serialize)]
pub struct Kesiapan {
    status: &'static str,
    database: &'static str,
    /// Each dependency: "ok" or "unavailable" (causes go to the log, not to the caller).
    periksa: std::collections::BTreeMap<&'static str, &'static str>,
}

/// Readiness: the database, the document store and (when configured) NATS answer; 503
/// otherwise, so traffic goes elsewhere.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Kesiapan>) {
    let mut periksa = std::collections::BTreeMap::new();
    let mut siap = true;
    let mut catat = |nama: &'static str, hasil: Result<(), String>| {
        if let Err(e) = &hasil {
            tracing::warn!(dependency = nama, error = %e, "readiness check failed");
            siap = false;
        }
        periksa.insert(nama, if hasil.is_ok() { "ok" } else { "unavailable" });
    };
    let store = state.store();
    catat("database", store.ping().await.map_err(|e| e.to_string()));
    catat(
        "dokumen",
        store.blobs().periksa().await.map_err(|e| e.to_string()),
    );
    if let Some(nats) = &state.konfigurasi().nats {
        catat("nats", nats.periksa().await);
    }
    let k = Kesiapan {
        status: if siap { "ready" } else { "unavailable" },
        database: store.engine().name(),
        periksa,
    };
    let kode = if siap {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (kode, Json(k))
}
