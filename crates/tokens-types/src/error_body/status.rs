//! HTTP status reason phrases, for replies that carry no readable message of their own.
//!
//! The table itself is public as [`reason_phrase`], whose docs say where it comes from.

/// The standard reason phrase of an HTTP status, such as `Bad Gateway` for 502, or `None` for
/// a status without one.
///
/// The phrases are the IANA registry's, plus `Client Closed Request` for 499, which nginx and
/// Databricks use for a request the client cancelled. This crate has no HTTP dependency, so
/// the table is its own; the rest of the SDK uses it too, so one table ships.
///
/// ```
/// assert_eq!(tokens_types::reason_phrase(502), Some("Bad Gateway"));
/// assert_eq!(tokens_types::reason_phrase(499), Some("Client Closed Request"));
/// assert_eq!(tokens_types::reason_phrase(599), None);
/// ```
#[must_use]
pub fn reason_phrase(status: u16) -> Option<&'static str> {
    let phrase = match status {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        499 => "Client Closed Request",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    };
    Some(phrase)
}

/// A message for a reply that said nothing readable: the reason phrase, or the bare status
/// when the status has none (`HTTP status 599`).
pub(crate) fn status_message(status: u16) -> String {
    match reason_phrase(status) {
        Some(phrase) => phrase.to_owned(),
        None => format!("HTTP status {status}"),
    }
}

/// The reason phrase of `status` as an error code: `Bad Gateway` becomes `BAD_GATEWAY`.
pub(crate) fn reason_code(status: u16) -> Option<String> {
    reason_phrase(status).map(screaming_snake)
}

/// Upper-cases ASCII letters and joins the words with single underscores.
fn screaming_snake(phrase: &str) -> String {
    let mut code = String::with_capacity(phrase.len());
    for word in phrase.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !code.is_empty() {
            code.push('_');
        }
        code.push_str(&word.to_ascii_uppercase());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_are_screaming_snake_case() {
        assert_eq!(reason_code(502).as_deref(), Some("BAD_GATEWAY"));
        assert_eq!(
            reason_code(203).as_deref(),
            Some("NON_AUTHORITATIVE_INFORMATION")
        );
        assert_eq!(reason_code(418).as_deref(), Some("I_M_A_TEAPOT"));
        assert_eq!(reason_code(599), None);
    }

    #[test]
    fn unknown_status_still_has_a_message() {
        assert_eq!(status_message(599), "HTTP status 599");
        assert_eq!(status_message(503), "Service Unavailable");
    }
}
