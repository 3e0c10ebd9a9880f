//! Turning hyper and hyper-util failures into [`TransportError`]s that say whether the
//! request may have reached the server.
//!
//! The rules, from what hyper-util 0.1's pooled client reports:
//!
//! | failure | kind | send state |
//! |---|---|---|
//! | connector error (`Error::is_connect`): DNS, TCP connect, proxy tunnel, connect timeout | `Dns` / `Connect` | `NotSent` |
//! | connector error from the TLS handshake (certificate, protocol) | `Tls` | `NotSent` |
//! | hyper `is_canceled`: the request was handed back unwritten (the connection closed first) | `Io` | `NotSent` |
//! | HTTP/1 or HTTP/2 handshake failure, before the connection carried any request | `Io` | `NotSent` |
//! | the server reset the HTTP/2 stream with `REFUSED_STREAM`, which promises that it did not process the request (RFC 9113, section 8.7) | `Io` | `NotSent` |
//! | the client refused the request itself (unsupported version or method) | `InvalidRequest` | `NotSent` |
//! | anything after the request was handed to a live connection: reset, EOF mid-response (`is_incomplete_message`), unparsable response | `Io` / `Other` | `MaybeSent` |
//! | a failure while reading the response body | `Io` | `MaybeSent` |
//!
//! hyper-util itself resends a request that a *reused* pooled connection handed back
//! unwritten (`retry_canceled_requests`, kept on), so a connection that died while idle in
//! the pool costs nothing; the `NotSent` rows above are what is left when that does not apply.

use crate::connect::ConnectFailure;
use crate::error_chain;
use tokens_core::{BoxError, SendState, TransportError, TransportErrorKind};

/// Classifies an error of `Client::request` (no response head arrived).
pub(crate) fn request_error(err: hyper_util::client::legacy::Error) -> TransportError {
    let classified = if err.is_connect() {
        connect_error(&err)
    } else if let Some(hyper_err) = error_chain::find::<hyper::Error>(&err) {
        hyper_error(hyper_err, err.connect_info().is_some())
    } else {
        refused_error(&err)
    };
    classified.with_source(err)
}

/// Classifies a failure while reading the response body: the server had already answered.
pub(crate) fn body_error(err: BoxError) -> TransportError {
    TransportError::new(TransportErrorKind::Io, SendState::MaybeSent)
        .with_message(format!("reading the response body failed: {err}"))
        .with_source(err)
}

fn connect_error(err: &hyper_util::client::legacy::Error) -> TransportError {
    if let Some(failure) = error_chain::find::<ConnectFailure>(err) {
        return TransportError::new(failure.kind(), SendState::NotSent)
            .with_message(failure.message());
    }

    // Everything else a connector reports comes from hyper-rustls, i.e. the TLS handshake.
    let message = if let Some(tls) = error_chain::find::<rustls::Error>(err) {
        tls.to_string()
    } else if let Some(io) = error_chain::find::<std::io::Error>(err) {
        format!("the connection failed during the handshake: {io}")
    } else {
        "the handshake failed".to_owned()
    };
    TransportError::new(TransportErrorKind::Tls, SendState::NotSent).with_message(message)
}

fn hyper_error(err: &hyper::Error, on_request_connection: bool) -> TransportError {
    if err.is_canceled() {
        // hyper hands a request back (canceled) only when it never started writing it.
        return TransportError::new(TransportErrorKind::Io, SendState::NotSent)
            .with_message("the connection closed before the request was written");
    }
    if !on_request_connection {
        // hyper-util attaches connection details to every error of a request it handed to a
        // connection; without them the failure was in the HTTP handshake, before any request.
        return TransportError::new(TransportErrorKind::Io, SendState::NotSent)
            .with_message(format!("the HTTP handshake failed: {err}"));
    }
    if refused_stream(err) {
        return TransportError::new(TransportErrorKind::Io, SendState::NotSent).with_message(
            "the server refused the HTTP/2 stream before processing the request (REFUSED_STREAM)",
        );
    }
    if err.is_incomplete_message() {
        return TransportError::new(TransportErrorKind::Io, SendState::MaybeSent)
            .with_message("the connection closed before a complete response arrived");
    }
    if err.is_parse() {
        return TransportError::new(TransportErrorKind::Other, SendState::MaybeSent)
            .with_message(format!("the server sent an invalid HTTP response: {err}"));
    }
    TransportError::new(TransportErrorKind::Io, SendState::MaybeSent)
        .with_message(format!("the connection failed: {err}"))
}

/// Whether the server reset the request's HTTP/2 stream with `REFUSED_STREAM`. Only a reset
/// sent by the server counts: h2 also uses the code for streams it refuses to open itself.
fn refused_stream(err: &hyper::Error) -> bool {
    error_chain::find::<h2::Error>(err).is_some_and(|h2| {
        h2.is_reset() && h2.is_remote() && h2.reason() == Some(h2::Reason::REFUSED_STREAM)
    })
}

fn refused_error(err: &hyper_util::client::legacy::Error) -> TransportError {
    // Without a hyper error inside, hyper-util refused the request before choosing a
    // connection (its `User*` kinds) or gave up on a connection still being set up.
    let text = err.to_string();
    let kind = if text.contains("User") {
        TransportErrorKind::InvalidRequest
    } else {
        TransportErrorKind::Io
    };
    TransportError::new(kind, SendState::NotSent).with_message(text)
}
