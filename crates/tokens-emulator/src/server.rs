//! Serving an emulator on a TCP socket, one hyper HTTP/1.1 connection per task.
//!
//! Each connection runs under a `select!` with a per-connection signal, so a fault can drop
//! the connection mid-request: the client then sees the socket close with no reply, exactly
//! like a crashed server or a lost reply, rather than an error status.

use crate::emulator::Emulator;
use crate::http::{Outcome, dispatch};
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tokio::task::{JoinHandle, JoinSet};

/// An emulator serving on a socket. Derefs to [`Emulator`] for faults, stats and users.
/// Dropping it stops the server, like [`RunningEmulator::shutdown`] without the wait.
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use tokens_emulator::Emulator;
///
/// let running = Emulator::builder().start("127.0.0.1:0").await?;
/// let url = running.base_url(); // http://127.0.0.1:PORT
/// # assert!(url.starts_with("http://127.0.0.1:"));
/// let secret = running.default_user_secret().cloned();
/// # assert!(secret.is_some());
/// running.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct RunningEmulator {
    emulator: Emulator,
    local_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningEmulator {
    /// Serves `emulator` on `listener`, in a task of the current tokio runtime.
    ///
    /// # Errors
    ///
    /// The error of reading the listener's local address.
    pub fn serve(emulator: Emulator, listener: TcpListener) -> std::io::Result<RunningEmulator> {
        let local_addr = listener.local_addr()?;
        let _ = emulator
            .shared
            .listen_url
            .set(format!("http://{local_addr}"));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(accept_loop(listener, emulator.clone(), stopped));
        Ok(RunningEmulator {
            emulator,
            local_addr,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The address the socket is bound to.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `http://HOST:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// The emulator being served.
    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }

    /// Stops accepting, closes every open connection, and waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Deref for RunningEmulator {
    type Target = Emulator;

    fn deref(&self) -> &Emulator {
        &self.emulator
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn accept_loop(
    listener: TcpListener,
    emulator: Emulator,
    mut stopped: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(serve_connection(stream, emulator.clone()));
                }
                Err(error) => {
                    // Such as too many open files: wait a little rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

async fn serve_connection(stream: TcpStream, emulator: Emulator) {
    let _ = stream.set_nodelay(true);
    let close = Arc::new(Notify::new());
    let signal = Arc::clone(&close);
    let service = service_fn(move |request: hyper::Request<Incoming>| {
        let shared = Arc::clone(&emulator.shared);
        let signal = Arc::clone(&signal);
        async move {
            match dispatch(&shared, request).await {
                Outcome::Reply(response) => Ok::<_, Infallible>(response.map(Full::<Bytes>::new)),
                Outcome::Close => {
                    signal.notify_one();
                    std::future::pending().await
                }
            }
        }
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        result = connection => {
            if let Err(error) = result {
                tracing::debug!(%error, "connection ended with an error");
            }
        }
        () = close.notified() => {
            tracing::debug!("connection dropped by a fault rule");
        }
    }
}
