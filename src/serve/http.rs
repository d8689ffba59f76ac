//! `serve`'s connections: each served by hyper with a timeout for reading a request's
//! header (which also closes a connection left idle between requests), no more than
//! [`MAX_CONNECTIONS`] at once, and only requests for this machine's own names when the
//! server listens on loopback: a page elsewhere whose name was made to resolve to
//! 127.0.0.1 (DNS rebinding) cannot read the site or its errors.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

/// How long a client may take to send a request's header, and how long a connection may
/// wait idle for its next request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections open at once; those over it are closed as they come. Live-reload streams
/// have a smaller cap of their own (`MAX_EVENT_STREAMS`).
pub const MAX_CONNECTIONS: usize = 512;

/// Accepts and serves connections on `listener` until the process stops.
pub async fn serve_connections(listener: tokio::net::TcpListener, app: Router) {
    let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was taken: wait
            // a moment rather than spin, and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&open).try_acquire_owned() else {
            continue;
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            // A client that goes away or times out is no error of the server's.
            let _ = connection.await;
        });
    }
}

/// The names a request may give in its `Host` header, when the server listens on `bind`:
/// any, for an address reachable from elsewhere (the user chose to share the site); else
/// this machine's own names.
#[derive(Debug, Clone)]
pub struct AllowedHosts(Option<Vec<String>>);

impl AllowedHosts {
    pub fn for_bind(bind: IpAddr) -> AllowedHosts {
        if !bind.is_loopback() {
            return AllowedHosts(None);
        }
        let own = match bind {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"].map(String::from).into();
        names.push(own);
        AllowedHosts(Some(names))
    }

    pub fn allows(&self, host: &str) -> bool {
        let Some(names) = &self.0 else {
            return true;
        };
        let name = match host.strip_prefix('[') {
            Some(rest) => rest
                .split_once(']')
                .map_or(host, |(ip, _)| &host[..ip.len() + 2]),
            None => host.split(':').next().unwrap_or(host),
        };
        names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// Refuses a request whose `Host` names another machine (see the module's note).
pub async fn check_host(
    State(allowed): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    match host {
        Some(host) if !allowed.allows(host) => (
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "annals serve answers requests for this machine (localhost) only, not for {host}.\n"
            ),
        )
            .into_response(),
        _ => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_loopback_only_this_machines_names_are_served() {
        let local = AllowedHosts::for_bind("127.0.0.1".parse().unwrap());
        for host in [
            "localhost:1111",
            "127.0.0.1:1111",
            "LOCALHOST",
            "[::1]:8080",
            "127.0.0.1",
        ] {
            assert!(local.allows(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "localhost.evil.example",
            "[::2]:1111",
            "10.0.0.1",
        ] {
            assert!(!local.allows(host), "{host}");
        }
        let shared = AllowedHosts::for_bind("0.0.0.0".parse().unwrap());
        assert!(shared.allows("my-laptop.lan:1111"));
    }
}
