//! Why a command failed, and the exit code a script sees.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | the API refused the request, or it could not be reached |
//! | 2 | usage or configuration error: fix the command line or the configuration |
//! | 3 | the outcome is unknown: a create may or may not have happened |

use std::fmt;
use std::process::ExitCode;

/// The exit status of a run of `tokens`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    /// Everything asked for was done.
    Success,
    /// The API refused the request, or the request failed on the way.
    Failed,
    /// The command line or the configuration is wrong or incomplete.
    Usage,
    /// A create may have happened; only a list can tell.
    OutcomeUnknown,
}

impl ExitStatus {
    /// The process exit code.
    pub(crate) const fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failed => 1,
            ExitStatus::Usage => 2,
            ExitStatus::OutcomeUnknown => 3,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        ExitCode::from(status.code())
    }
}

/// A failed command: its exit status and the message printed to stderr. The message never
/// holds a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    status: ExitStatus,
    message: String,
}

impl Failure {
    /// A failure with exit code 1: the API refused, or the call failed on the way.
    pub(crate) fn failed(message: impl Into<String>) -> Self {
        Failure::new(ExitStatus::Failed, message)
    }

    /// A failure with exit code 2: the command line or the configuration needs fixing.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Failure::new(ExitStatus::Usage, message)
    }

    /// A failure with exit code 3: something may or may not have been created.
    pub(crate) fn outcome_unknown(message: impl Into<String>) -> Self {
        Failure::new(ExitStatus::OutcomeUnknown, message)
    }

    fn new(status: ExitStatus, message: impl Into<String>) -> Self {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// The exit status this failure ends the process with.
    pub(crate) fn status(&self) -> ExitStatus {
        self.status
    }

    /// The message for stderr.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The same failure with `context` put in front of its message.
    #[must_use]
    pub(crate) fn context(self, context: impl fmt::Display) -> Self {
        Failure {
            status: self.status,
            message: format!("{context}: {}", self.message),
        }
    }

    /// The same failure with `note` on a line after its message.
    #[must_use]
    pub(crate) fn with_note(self, note: impl fmt::Display) -> Self {
        Failure {
            status: self.status,
            message: format!("{}\n{note}", self.message),
        }
    }

    /// Of several failures, the one a script should see: an unknown outcome outranks a
    /// refusal, which outranks a usage error; among equals the first wins.
    pub(crate) fn most_severe(failures: Vec<Failure>) -> Option<Failure> {
        let rank = |status: ExitStatus| match status {
            ExitStatus::OutcomeUnknown => 3,
            ExitStatus::Failed => 2,
            ExitStatus::Usage => 1,
            ExitStatus::Success => 0,
        };
        let mut worst: Option<Failure> = None;
        for failure in failures {
            if worst
                .as_ref()
                .is_none_or(|w| rank(failure.status) > rank(w.status))
            {
                worst = Some(failure);
            }
        }
        worst
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for Failure {
    /// A write to stdout or stderr failed. When the reader has gone away (`tokens list |
    /// head -1`), there is nobody to tell, so the message is empty and nothing is printed.
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::failed("")
        } else {
            Failure::failed(format!("could not write the output: {err}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_match_the_documented_table() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Failed.code(), 1);
        assert_eq!(ExitStatus::Usage.code(), 2);
        assert_eq!(ExitStatus::OutcomeUnknown.code(), 3);
    }

    #[test]
    fn closed_pipe_fails_silently() {
        let failure = Failure::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(failure.status(), ExitStatus::Failed);
        assert!(failure.message().is_empty());
    }

    #[test]
    fn context_goes_in_front() {
        let failure = Failure::failed("not found").context("token abc");
        assert_eq!(failure.message(), "token abc: not found");
        assert_eq!(failure.status(), ExitStatus::Failed);
    }

    #[test]
    fn note_goes_on_its_own_line() {
        let failure = Failure::usage("no host").with_note("hint: --host");
        assert_eq!(failure.message(), "no host\nhint: --host");
        assert_eq!(failure.status(), ExitStatus::Usage);
    }

    #[test]
    fn most_severe_prefers_unknown_outcome_then_refusal() {
        let worst = Failure::most_severe(vec![
            Failure::usage("u"),
            Failure::failed("f1"),
            Failure::outcome_unknown("o"),
            Failure::failed("f2"),
        ]);
        assert_eq!(worst, Some(Failure::outcome_unknown("o")));

        let worst = Failure::most_severe(vec![Failure::failed("f1"), Failure::failed("f2")]);
        assert_eq!(worst, Some(Failure::failed("f1")));
        assert_eq!(Failure::most_severe(Vec::new()), None);
    }
}
