//! The TCP connection a [`Connector`](super::Connector) returns, which remembers whether it
//! leads to an HTTP proxy (so hyper writes requests in absolute form).

use hyper::rt::{Read, ReadBufCursor, Write};
use hyper_util::client::legacy::connect::{Connected, Connection};
use hyper_util::rt::TokioIo;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::net::TcpStream;

/// A TCP stream to the server, to a proxy, or through a proxy's `CONNECT` tunnel.
#[derive(Debug)]
pub(crate) struct TcpConnection {
    io: TokioIo<TcpStream>,
    to_http_proxy: bool,
}

impl TcpConnection {
    /// A stream that carries requests for the server itself (direct, or tunnelled).
    pub(crate) fn to_server(io: TokioIo<TcpStream>) -> Self {
        TcpConnection {
            io,
            to_http_proxy: false,
        }
    }

    /// A stream to a proxy that forwards plain `http://` requests.
    pub(crate) fn to_http_proxy(io: TokioIo<TcpStream>) -> Self {
        TcpConnection {
            io,
            to_http_proxy: true,
        }
    }
}

impl Connection for TcpConnection {
    fn connected(&self) -> Connected {
        self.io.connected().proxy(self.to_http_proxy)
    }
}

impl Read for TcpConnection {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl Write for TcpConnection {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }
}
