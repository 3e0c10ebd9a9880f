//! `tokens` run as a real process against an emulator started by each test.
//!
//! Every test starts its own emulator on 127.0.0.1 (port 0), runs the built binary with a
//! cleared environment (only `HOME`, pointing at a fresh temporary directory, and the
//! variables the test sets), and checks the exit code, stdout and stderr.

mod config;
mod create;
mod delete;
mod help;
mod list;
mod rotate;
mod support;
mod update;
mod verbose;
