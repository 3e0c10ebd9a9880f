//! The commands that call the Token API. Each takes the API, its arguments and an [`Output`],
//! and returns a [`Failure`](crate::failure::Failure) when the process should exit non-zero.

mod create;
mod delete;
mod list;
mod rotate;
mod successor;
mod update;
mod update_plan;

#[cfg(test)]
mod fake_api;

pub(crate) use create::create;
pub(crate) use delete::delete;
pub(crate) use list::list;
pub(crate) use rotate::rotate;
pub(crate) use update::update;

use crate::cli::OutputFormat;
use databricks_tokens::types::Timestamp;
use std::io::Write;

/// Where a command writes, in which format, and what time it is.
pub(crate) struct Output<'a> {
    /// Results only: tables, secrets, JSON replies.
    pub(crate) out: &'a mut dyn Write,
    /// Notes and errors for the person running the command.
    pub(crate) err: &'a mut dyn Write,
    /// Text for people or JSON for scripts.
    pub(crate) format: OutputFormat,
    /// The current time, for "in 3 days".
    pub(crate) now: Timestamp,
}

impl std::fmt::Debug for Output<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("format", &self.format)
            .field("now", &self.now)
            .finish_non_exhaustive()
    }
}
