//! Servers, certificates and sockets the tests start for themselves, on 127.0.0.1 only.

// Each test binary uses only part of this module, and `pub` here means "shared by the
// test files", not part of an API.
#![allow(
    dead_code,
    unreachable_pub,
    unused_imports,
    reason = "shared by several test binaries, each using a part"
)]

mod pki;
mod raw;
mod server;

pub use pki::TestPki;
pub use raw::{bind_local, closed_port, get, read_request_head, wait_for_peer_close};
pub use server::{
    Handler, Seen, TestServer, echo, fixed, serve_http, serve_https, serve_https_with_new_ca,
};
