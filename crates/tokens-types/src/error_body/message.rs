//! Making a person-readable message out of whatever text a reply carried.
//!
//! Every message that [`ErrorBody::parse`](super::ErrorBody::parse) returns passes through
//! here, so three promises hold for all of them: a message is bounded in length, it never
//! holds a token-shaped secret, and it is never empty.

use std::borrow::Cow;

/// Longest message kept, in characters; a longer one is cut on a character boundary and
/// ends with `…`. Proxies can answer with whole web pages, which help nobody in an error.
pub(crate) const MAX_MESSAGE_CHARS: usize = 1024;

/// What replaces a token-shaped secret found in a message.
const REDACTED_TOKEN: &str = "dapi…[redacted]";

/// Characters after `dapi` from which a run counts as a secret. Real tokens have 32; a
/// shorter run is still hidden because a proxy may have cut the token short.
const MIN_SECRET_TAIL: usize = 16;

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

/// Replaces every `dapi` followed by a long run of letters and digits with a redaction, so a
/// proxy that echoes the `Authorization` header cannot put a token into an error message.
pub(crate) fn redact_secrets(text: &str) -> Cow<'_, str> {
    if !text.contains("dapi") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("dapi") {
        let (before, from_prefix) = rest.split_at(start);
        out.push_str(before);
        let tail = from_prefix.get(4..).unwrap_or_default();
        let tail_len = tail.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if tail_len >= MIN_SECRET_TAIL {
            out.push_str(REDACTED_TOKEN);
        } else {
            out.push_str("dapi");
            out.push_str(tail.get(..tail_len).unwrap_or_default());
        }
        rest = tail.get(tail_len..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
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
    fn redacts_a_token_anywhere_in_the_text() {
        let text = "bad header Bearer dapi0123456789abcdef0123456789abcdef, sorry";
        assert_eq!(
            redact_secrets(text),
            "bad header Bearer dapi…[redacted], sorry"
        );
    }

    #[test]
    fn keeps_the_word_dapi_when_no_secret_follows() {
        assert_eq!(
            redact_secrets("the dapi prefix, dapiX"),
            "the dapi prefix, dapiX"
        );
    }

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
