//! Everything the CLI prints as a result: tables, the secret block and JSON.
//!
//! Each writer takes the output as `&mut dyn Write` and the current time as a parameter, so
//! that what a command prints is tested without a terminal or a clock.

mod cell;
mod date;
mod expiry;
mod inactivity;
mod json;
mod secret_block;
mod table;

pub(crate) use expiry::expires_within;
pub(crate) use json::write_json;
pub(crate) use secret_block::write_secret_block;
pub(crate) use table::write_token_table;
