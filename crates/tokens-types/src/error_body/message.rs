//! Making a person-readable message out of whatever text a reply carried.
//!
//! Every message that [`ErrorBody::parse`](super::ErrorBody::parse) returns passes through
//! here, so three promises hold for all of them: a message is bounded in length, it never
//! holds a credential-shaped secret (see [`redact_secrets`]), and it is never empty.

use super::redact::redact_secrets;
use std::borrow::Cow;

/// Longest message kept, in characters; a longer one is cut on a character boundary and
/// ends with `…`. Proxies can answer with whole web pages, which help nobody in an error.
pub(crate) const MAX_MESSAGE_CHARS: usize = 1024;

/// Cuts `text` to at most [`MAX_MESSAGE_CHARS`] characters, marking the cut with `…`.
pub(crate) fn truncate(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let kept = text.get(..cut).unwrap_or_default();
            Cow::Owned(format!("{kept}…"))
        }
    }
}

/// Turns free text (plain text, HTML fragments) into one line: control characters become
/// spaces and every run of white space becomes a single space.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MAX_MESSAGE_CHARS));
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Finishes a message: redacts secrets and bounds its length. Returns `None` when nothing
/// readable is left, so the caller can fall back to the status.
pub(crate) fn finish(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    // Redact before cutting, so a cut through a token cannot leave a readable piece of it.
    let redacted = redact_secrets(text);
    Some(truncate(&redacted).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_cuts_on_a_character_boundary() {
        let text = "é".repeat(MAX_MESSAGE_CHARS + 10);
        let cut = truncate(&text);
        assert_eq!(cut.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn one_line_collapses_white_space_and_controls() {
        assert_eq!(one_line("  a\n\tb\u{1b}[31m  c "), "a b [31m c");
    }
}
