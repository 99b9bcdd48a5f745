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
}

/// Readiness: the database answers (503 otherwise, so traffic goes elsewhere).
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Kesiapan>) {
    match state.store().ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(Kesiapan {
                status: "ready",
                database: state.store().engine().name(),
            }),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Kesiapan {
                    status: "unavailable",
                    database: state.store().engine().name(),
                }),
            )
        }
    }
}
