//! Serving connections with the limits an exposed server needs: a client that sends its
//! headers or its body too slowly is cut off, no request runs without end, one address cannot
//! hold more than its share of connections, and a failing `accept` (the open-file limit
//! reached) slows the loop down instead of stopping it. A reverse proxy in front should still
//! buffer requests and limit per client (README, "Running behind a proxy").

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::timeout::TimeoutBody;

/// Connection limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatasKoneksi {
    /// Time a client has to send a request's headers once it started (and an idle keep-alive
    /// connection to start the next one).
    pub baca_kepala: Duration,
    /// Longest pause while a request body is read.
    pub jeda_badan: Duration,
    /// Longest a request may take to be answered, body included.
    pub permintaan: Duration,
    /// Open connections one address may hold (0: no cap, for use behind a trusted proxy whose
    /// own address every connection has).
    pub per_alamat: usize,
}

impl Default for BatasKoneksi {
    fn default() -> Self {
        Self {
            baca_kepala: Duration::from_secs(10),
            jeda_badan: Duration::from_secs(20),
            permintaan: Duration::from_secs(120),
            per_alamat: 256,
        }
    }
}

/// Open connections per address; a connection's [`Slot`] gives its place back when dropped.
#[derive(Default)]
struct Hitungan(Mutex<HashMap<IpAddr, usize>>);

struct Slot {
    hitungan: Arc<Hitungan>,
    alamat: IpAddr,
}

impl Hitungan {
    fn ambil(self: &Arc<Self>, alamat: IpAddr, batas: usize) -> Option<Slot> {
        let mut peta = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let n = peta.entry(alamat).or_insert(0);
        if batas != 0 && *n >= batas {
            return None;
        }
        *n += 1;
        Some(Slot {
            hitungan: Arc::clone(self),
            alamat,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut peta = self
            .hitungan
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = peta.get_mut(&self.alamat) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                peta.remove(&self.alamat);
            }
        }
    }
}

fn waktu_habis() -> Response {
    let mut r = (
        StatusCode::REQUEST_TIMEOUT,
        "Waktu permintaan habis. / The request took too long.",
    )
        .into_response();
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

/// Serves `router` on `listener` within `batas` until `shutdown` completes, then lets open
/// requests finish. Handlers see the peer as `ConnectInfo<SocketAddr>`.
pub async fn layani(
    listener: TcpListener,
    router: Router,
    batas: BatasKoneksi,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let hitungan = Arc::new(Hitungan::default());
    let (berhenti, tanda_berhenti) = tokio::sync::watch::channel(false);
    let mut koneksi = tokio::task::JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, alamat) = tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    // Usually the open-file limit: connections close as their timeouts pass,
                    // so wait a little and accept again.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = hitungan.ambil(alamat.ip(), batas.per_alamat) else {
            // Over this address's share: closed at once, costing nothing further.
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let mut tanda = tanda_berhenti.clone();
        koneksi.spawn(async move {
            let _slot = slot;
            layani_koneksi(stream, alamat, router, batas, &mut tanda).await;
        });
        // Reap finished connections so the set stays small.
        while koneksi.try_join_next().is_some() {}
    }
    let _ = berhenti.send(true);
    while koneksi.join_next().await.is_some() {}
    Ok(())
}

async fn layani_koneksi(
    stream: tokio::net::TcpStream,
    alamat: SocketAddr,
    router: Router,
    batas: BatasKoneksi,
    tanda: &mut tokio::sync::watch::Receiver<bool>,
) {
    let layanan = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(alamat));
        let req = req.map(|b| axum::body::Body::new(TimeoutBody::new(batas.jeda_badan, b)));
        let router = router.clone();
        async move {
            match tokio::time::timeout(batas.permintaan, router.oneshot(req)).await {
                Ok(r) => r,
                Err(_) => Ok(waktu_habis()),
            }
        }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(batas.baca_kepala)
        .serve_connection(TokioIo::new(stream), layanan);
    tokio::pin!(conn);
    tokio::select! {
        r = conn.as_mut() => {
            if let Err(e) = r {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        }
        _ = tanda.changed() => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_holds_at_most_its_share_and_gets_it_back() {
        let h = Arc::new(Hitungan::default());
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        let s1 = h.ambil(a, 2);
        let s2 = h.ambil(a, 2);
        assert!(s1.is_some() && s2.is_some());
        assert!(h.ambil(a, 2).is_none(), "the third is refused");
        assert!(h.ambil(b, 2).is_some(), "another address is not affected");
        drop(s1);
        assert!(
            h.ambil(a, 2).is_some(),
            "a closed connection frees its place"
        );
        assert!((0..1000).all(|_| h.ambil(a, 0).is_some()), "0 means no cap");
    }
}
