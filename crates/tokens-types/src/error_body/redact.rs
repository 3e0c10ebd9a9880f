//! Finding credentials in text that a server or a proxy sent back, and hiding them.
//!
//! A proxy that fails may echo the request, `Authorization` header included, into its error
//! page. Three shapes are recognised: personal access tokens (`dapi…`), JSON Web Tokens
//! (OAuth access tokens are JWTs: `eyJ…`, three base64url parts joined by dots), and whatever
//! credential follows the word `Bearer`.

use std::borrow::Cow;
use std::ops::Range;

/// What replaces a personal access token.
const REDACTED_PAT: &str = "dapi…[redacted]";
/// What replaces a JSON Web Token.
const REDACTED_JWT: &str = "eyJ…[redacted]";
/// What replaces the credential after `Bearer`.
const REDACTED_BEARER: &str = "[redacted]";

/// Characters after `dapi` from which a run counts as a secret. Real tokens have 32; a
/// shorter run is still hidden because a proxy may have cut the token short.
const MIN_PAT_TAIL: usize = 16;
/// Shortest first and second part of a JWT: an encoded `{"alg":"…"}` alone is longer.
const MIN_JWT_PART: usize = 10;
/// Shortest credential after `Bearer`; with the digit it must hold, this keeps words such as
/// `Bearer authentication required` readable.
const MIN_BEARER_CREDENTIAL: usize = 16;

/// Replaces every credential-shaped run in `text` with a redaction. Borrows when there is
/// nothing to hide.
pub(crate) fn redact_secrets(text: &str) -> Cow<'_, str> {
    let text = replace_all(Cow::Borrowed(text), next_pat, REDACTED_PAT);
    let text = replace_all(text, next_jwt, REDACTED_JWT);
    replace_all(text, next_bearer_credential, REDACTED_BEARER)
}

/// Replaces each range that `next` finds (searching the text after the previous one) with
/// `replacement`.
fn replace_all<'a>(
    text: Cow<'a, str>,
    next: fn(&str) -> Option<Range<usize>>,
    replacement: &str,
) -> Cow<'a, str> {
    let Some(first) = next(&text) else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    let mut found = Some(first);
    let mut rest: &str = &text;
    while let Some(range) = found {
        out.push_str(rest.get(..range.start).unwrap_or_default());
        out.push_str(replacement);
        rest = rest.get(range.end..).unwrap_or_default();
        found = next(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `dapi` followed by at least [`MIN_PAT_TAIL`] ASCII letters and digits.
fn next_pat(text: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find("dapi") {
        let start = from + found;
        let tail = run_len(text, start + 4, |b| b.is_ascii_alphanumeric());
        if tail >= MIN_PAT_TAIL {
            return Some(start..start + 4 + tail);
        }
        from = start + 4;
    }
    None
}

/// `eyJ` starting a base64url part of at least [`MIN_JWT_PART`] characters, a dot, a second
/// such part, a dot, and a third part of any length (empty for an unsigned token).
fn next_jwt(text: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find("eyJ") {
        let start = from + found;
        if let Some(end) = jwt_end(text, start) {
            return Some(start..end);
        }
        from = start + 3;
    }
    None
}

/// Where the JWT that starts at `start` ends, if one does.
fn jwt_end(text: &str, start: usize) -> Option<usize> {
    let header = run_len(text, start, is_base64url);
    let first_dot = start + header;
    if header < MIN_JWT_PART || text.as_bytes().get(first_dot) != Some(&b'.') {
        return None;
    }
    let payload = run_len(text, first_dot + 1, is_base64url);
    let second_dot = first_dot + 1 + payload;
    if payload < MIN_JWT_PART || text.as_bytes().get(second_dot) != Some(&b'.') {
        return None;
    }
    Some(second_dot + 1 + run_len(text, second_dot + 1, is_base64url))
}

/// The credential after the word `Bearer` (any case) and one or more spaces: a run of at least
/// [`MIN_BEARER_CREDENTIAL`] `token68` characters (RFC 7235) that holds a digit.
fn next_bearer_credential(text: &str) -> Option<Range<usize>> {
    const WORD: &[u8] = b"bearer";
    let bytes = text.as_bytes();
    for (at, window) in bytes.windows(WORD.len()).enumerate() {
        let starts_word = at == 0
            || bytes
                .get(at - 1)
                .is_some_and(|b| !b.is_ascii_alphanumeric());
        if !starts_word || !window.eq_ignore_ascii_case(WORD) {
            continue;
        }
        let spaces = run_len(text, at + WORD.len(), |b| b == b' ');
        let start = at + WORD.len() + spaces;
        let credential = bytes.get(start..).unwrap_or_default();
        let len = credential.iter().take_while(|&&b| is_token68(b)).count();
        let has_digit = credential.iter().take(len).any(u8::is_ascii_digit);
        if spaces > 0 && len >= MIN_BEARER_CREDENTIAL && has_digit {
            return Some(start..start + len);
        }
    }
    None
}

/// How many bytes from `start` satisfy `accept` (0 when `start` is past the end).
fn run_len(text: &str, start: usize, accept: impl Fn(u8) -> bool) -> usize {
    text.as_bytes()
        .get(start..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| accept(b)).count())
}

fn is_base64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn is_token68(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'=')
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMiLCJleHAiOjF9.c2lnbmF0dXJl-_x";

    #[test]
    fn redacts_a_pat_anywhere_in_the_text() {
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
    fn redacts_a_jwt_with_or_without_a_signature() {
        assert_eq!(
            redact_secrets(&format!("token {JWT} refused")),
            "token eyJ…[redacted] refused"
        );
        let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ.";
        assert_eq!(redact_secrets(unsigned), "eyJ…[redacted]");
    }

    #[test]
    fn keeps_text_that_only_starts_like_a_jwt() {
        for text in [
            "eyJ",
            "eyJshort.eyJshort.x",
            "eyJhbGciOiJSUzI1NiJ9 and more",
        ] {
            assert_eq!(redact_secrets(text), text);
        }
    }

    #[test]
    fn redacts_an_opaque_credential_after_bearer_in_any_case() {
        assert_eq!(
            redact_secrets("Authorization: Bearer abc123def456ghi789jkl"),
            "Authorization: Bearer [redacted]"
        );
        assert_eq!(
            redact_secrets("authorization=bearer  Zm9vYmFyMTIzNDU2Nzg5MA=="),
            "authorization=bearer  [redacted]"
        );
    }

    #[test]
    fn keeps_words_after_bearer() {
        for text in [
            "Bearer authentication required",
            "Bearer token missing",
            "bearer",
            "Bearer ",
            "unbearer abc123def456ghi789jkl",
        ] {
            assert_eq!(redact_secrets(text), text);
        }
    }

    #[test]
    fn redacts_every_occurrence_of_every_shape() {
        let text =
            format!("a dapi0123456789abcdef0123 b {JWT} c Bearer opaque0123456789xyz d {JWT}");
        assert_eq!(
            redact_secrets(&text),
            "a dapi…[redacted] b eyJ…[redacted] c Bearer [redacted] d eyJ…[redacted]"
        );
    }

    #[test]
    fn borrows_when_nothing_is_hidden() {
        assert!(matches!(
            redact_secrets("plain message"),
            Cow::Borrowed("plain message")
        ));
    }
}
