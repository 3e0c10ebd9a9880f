//! Typed `details` entries of an error reply (the `google.rpc` detail messages).

mod decode;
mod encode;
mod retry_delay;

use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// One entry of an error reply's `details`, typed by its `@type`.
///
/// [`ErrorDetail::from_json`] reads an entry; serializing writes it back with its `@type`
/// (`type.googleapis.com/google.rpc.ErrorInfo`, ...), which is how the emulator sends them.
///
/// ```
/// use std::time::Duration;
/// use tokens_types::ErrorDetail;
///
/// let detail = ErrorDetail::from_json(serde_json::json!({
///     "@type": "type.googleapis.com/google.rpc.RetryInfo",
///     "retry_delay": "1.5s"
/// }));
/// assert_eq!(detail, ErrorDetail::RetryInfo { retry_delay: Some(Duration::from_millis(1500)) });
/// assert_eq!(
///     serde_json::to_string(&detail)?,
///     r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retry_delay":"1.500s"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorDetail {
    /// `google.rpc.ErrorInfo`: a machine-readable reason.
    ErrorInfo {
        /// The reason, such as `TOKEN_QUOTA_EXCEEDED`.
        reason: String,
        /// The domain that issued the reason.
        domain: String,
        /// Extra facts as key/value pairs.
        metadata: BTreeMap<String, String>,
    },
    /// `google.rpc.RequestInfo`: which request this was, for support.
    RequestInfo {
        /// The server's id for the request.
        request_id: String,
        /// Opaque data for the service's own debugging.
        serving_data: String,
    },
    /// `google.rpc.RetryInfo`: when to try again.
    RetryInfo {
        /// The wait the server asks for; `None` when absent or unreadable. Read from the
        /// string form (`"1.5s"`), the object form (`{"seconds": 1, "nanos": 500000000}`) or
        /// a bare number of seconds; negative delays and delays over 10,000 years read as
        /// `None`.
        retry_delay: Option<Duration>,
    },
    /// `google.rpc.DebugInfo`.
    DebugInfo {
        /// Stack frames, if the server shared them.
        stack_entries: Vec<String>,
        /// Free text.
        detail: String,
    },
    /// `google.rpc.QuotaFailure`: which quota was exceeded.
    QuotaFailure {
        /// The exceeded quotas.
        violations: Vec<QuotaViolation>,
    },
    /// `google.rpc.PreconditionFailure`.
    PreconditionFailure {
        /// The failed preconditions.
        violations: Vec<PreconditionViolation>,
    },
    /// `google.rpc.BadRequest`: which request fields were wrong.
    BadRequest {
        /// One entry per wrong field.
        field_violations: Vec<BadRequestViolation>,
    },
    /// `google.rpc.ResourceInfo`: the resource the error is about.
    ResourceInfo {
        /// Kind of resource.
        resource_type: String,
        /// Its name.
        resource_name: String,
        /// Its owner.
        owner: String,
        /// Free text.
        description: String,
    },
    /// `google.rpc.Help`: links to documentation.
    Help {
        /// The links.
        links: Vec<HelpLink>,
    },
    /// A detail of a type this version does not know, or one that did not parse; kept whole.
    Unknown(Value),
}

impl ErrorDetail {
    /// Reads one `details` entry by its `@type`. An entry of an unknown type, or one whose
    /// fields have the wrong JSON types, is kept whole as [`ErrorDetail::Unknown`].
    pub fn from_json(value: Value) -> Self {
        decode::decode(value)
    }
}

/// One exceeded quota of a [`ErrorDetail::QuotaFailure`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct QuotaViolation {
    /// What the quota applies to.
    pub subject: String,
    /// Why it was exceeded.
    pub description: String,
}

impl QuotaViolation {
    /// A violation of the quota on `subject`.
    pub fn new(subject: impl Into<String>, description: impl Into<String>) -> Self {
        QuotaViolation {
            subject: subject.into(),
            description: description.into(),
        }
    }
}

/// One failed precondition of a [`ErrorDetail::PreconditionFailure`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct PreconditionViolation {
    /// Kind of precondition.
    pub kind: String,
    /// What it applies to.
    pub subject: String,
    /// Why it failed.
    pub description: String,
}

impl PreconditionViolation {
    /// A failed precondition of type `kind` on `subject`.
    pub fn new(
        kind: impl Into<String>,
        subject: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        PreconditionViolation {
            kind: kind.into(),
            subject: subject.into(),
            description: description.into(),
        }
    }
}

/// One wrong request field of a [`ErrorDetail::BadRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BadRequestViolation {
    /// The field's path.
    pub field: String,
    /// What is wrong with it.
    pub description: String,
}

impl BadRequestViolation {
    /// A complaint about the request field `field`.
    pub fn new(field: impl Into<String>, description: impl Into<String>) -> Self {
        BadRequestViolation {
            field: field.into(),
            description: description.into(),
        }
    }
}

/// One link of a [`ErrorDetail::Help`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct HelpLink {
    /// What the link is about.
    pub description: String,
    /// Where it points.
    pub url: String,
}

impl HelpLink {
    /// A link to `url`.
    pub fn new(description: impl Into<String>, url: impl Into<String>) -> Self {
        HelpLink {
            description: description.into(),
            url: url.into(),
        }
    }
}
