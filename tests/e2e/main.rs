//! End-to-end tests: the facade's client over hyper against the emulator, in process, on
//! ephemeral loopback ports.

mod errors;
mod faults;
mod insecure_http;
mod lifecycle;
mod oauth;
mod quickstart;
mod refused;
mod soak;
mod support;
mod tls;
