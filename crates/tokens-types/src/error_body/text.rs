//! Plain-text error bodies: `CODE_NAME: message`, or just a message.

use super::message::{finish, one_line};
use super::status::status_message;
use super::{ErrorBody, ErrorCode};

/// Longest code accepted before the colon; a longer "code" is ordinary text.
const MAX_CODE_LEN: usize = 100;

/// Reads a text body. `RESOURCE_DOES_NOT_EXIST: No such token` gives that code and message;
/// any other text is the message, on one line.
pub(super) fn parse(status: u16, text: &str) -> ErrorBody {
    let text = text.trim();
    if let Some((code, rest)) = text.split_once(':')
        && is_code_name(code)
    {
        return ErrorBody {
            error_code: Some(ErrorCode::from_wire(code)),
            message: finish(&one_line(rest)).unwrap_or_else(|| status_message(status)),
            details: Vec::new(),
        };
    }
    ErrorBody {
        error_code: None,
        message: finish(&one_line(text)).unwrap_or_else(|| status_message(status)),
        details: Vec::new(),
    }
}

/// Whether `word` looks like an error code: `SCREAMING_SNAKE_CASE`, starting with a letter.
fn is_code_name(word: &str) -> bool {
    word.len() <= MAX_CODE_LEN
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}
