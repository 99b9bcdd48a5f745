//! The audit of API reads: one writer per app server that group-commits read events.

use axum::http::StatusCode;
use siasn_store::audit::AuditBaru;

use super::ApiError;
use crate::AppState;

/// Read events waiting to be appended, with the request waiting for their commit.
pub(super) type KirimanAudit = (
    Vec<AuditBaru>,
    tokio::sync::oneshot::Sender<Result<(), String>>,
);

/// Appends read events through one writer per app server that commits whatever has queued up
/// in one transaction (group commit). Each request still waits for its own events to be
/// committed before it answers, so no read goes unrecorded; but a burst of reads costs one
/// append transaction instead of one each, and readers never contend for the write lock.
pub async fn catat_baca_berkelompok(
    state: &AppState,
    events: Vec<AuditBaru>,
) -> Result<(), ApiError> {
    let penulis = state.api().penulis.get_or_init(|| {
        let (tx, rx) = tokio::sync::mpsc::channel(4096);
        tokio::spawn(penulis_audit(state.app().clone(), rx));
        tx
    });
    let (selesai, tunggu) = tokio::sync::oneshot::channel();
    let gagal = |_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "pencatat audit tidak tersedia",
        )
    };
    penulis
        .send((events, selesai))
        .await
        .map_err(|_| gagal(()))?;
    match tunggu.await.map_err(|_| gagal(()))? {
        Ok(()) => Ok(()),
        Err(e) => {
            tracing::error!(error = %e, "audit append failed");
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "kesalahan server",
            ))
        }
    }
}

async fn penulis_audit(app: siasn_app::App, mut rx: tokio::sync::mpsc::Receiver<KirimanAudit>) {
    while let Some(pertama) = rx.recv().await {
        let mut antre = vec![pertama];
        while antre.len() < 512 {
            match rx.try_recv() {
                Ok(k) => antre.push(k),
                Err(_) => break,
            }
        }
        let events: Vec<AuditBaru> = antre.iter().flat_map(|(e, _)| e.iter().cloned()).collect();
        let hasil = siasn_app::pegawai::catat(&app, events)
            .await
            .map_err(|e| e.to_string());
        for (_, selesai) in antre {
            let _ = selesai.send(hasil.clone());
        }
    }
}
