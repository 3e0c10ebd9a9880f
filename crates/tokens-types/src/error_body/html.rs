//! HTML error pages, as load balancers and proxies send them (`502 Bad Gateway`).
//!
//! The message is the text of the first `<pre>` element, else of `<title>`, else of `<h1>`;
//! the code is the reply's reason phrase in SCREAMING_SNAKE_CASE (`BAD_GATEWAY`), since a
//! page like this comes from something in front of the service, not from the service.
//! This is a scan for three elements, not an HTML parser: it finds them in any letter case
//! and with attributes, drops tags nested inside them and decodes the common entities.

use super::message::{finish, one_line};
use super::status::{reason_code, status_message};
use super::{ErrorBody, ErrorCode};

/// Elements that hold the message, best first.
const MESSAGE_ELEMENTS: [&str; 3] = ["pre", "title", "h1"];

/// Whether a text body is an HTML (or XML) document rather than plain text.
pub(super) fn looks_like_html(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// Reads an HTML page.
pub(super) fn parse(status: u16, page: &str) -> ErrorBody {
    let message = MESSAGE_ELEMENTS
        .iter()
        .find_map(|tag| element_text(page, tag))
        .and_then(|text| finish(&text))
        .unwrap_or_else(|| status_message(status));
    ErrorBody {
        error_code: reason_code(status).map(|code| ErrorCode::from_wire(&code)),
        message,
        details: Vec::new(),
    }
}

/// The text inside the first `<tag ...>...</tag>` of `page`, on one line, or `None` when
/// the element is missing, unclosed or empty.
fn element_text(page: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}");

    let mut from = 0;
    let content_start = loop {
        let at = find_ignore_case(page, &open, from)?;
        let after_name = at + open.len();
        // `<pre>` or `<pre class=...>`, but not `<prefix>`.
        let next = page.as_bytes().get(after_name).copied()?;
        if next == b'>' || next == b'/' || next.is_ascii_whitespace() {
            let end_of_tag = page.get(after_name..)?.find('>')?;
            break after_name + end_of_tag + 1;
        }
        from = after_name;
    };
    let content_len = find_ignore_case(page, &close, content_start)? - content_start;
    let inner = page.get(content_start..content_start + content_len)?;

    let text = one_line(&decode_entities(&strip_tags(inner)));
    (!text.is_empty()).then_some(text)
}

/// Byte offset of the first match of the ASCII `needle` at or after `from`, ignoring ASCII
/// case. A match starts with `<`, so it always lies on a character boundary.
fn find_ignore_case(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return None;
    }
    haystack
        .as_bytes()
        .get(from..)?
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
        .map(|offset| from + offset)
}

/// Drops every `<...>` tag; an unclosed `<` drops the rest.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => {
                in_tag = false;
                out.push(' ');
            }
            (false, c) => out.push(c),
            (true, _) => {}
        }
    }
    out
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references;
/// anything else is kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (before, from_amp) = rest.split_at(at);
        out.push_str(before);
        let decoded = from_amp
            .get(1..)
            .and_then(|after| after.split_once(';'))
            .filter(|(name, _)| name.len() <= 10)
            .and_then(|(name, after)| Some((entity(name)?, after)));
        if let Some((c, after)) = decoded {
            out.push(c);
            rest = after;
        } else {
            out.push('&');
            rest = from_amp.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity name stands for.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_in_any_case_and_with_attributes() {
        let page = "<HTML><Pre class='x'>Upstream <b>gone</b></PRE></HTML>";
        assert_eq!(element_text(page, "pre").as_deref(), Some("Upstream gone"));
    }

    #[test]
    fn does_not_mistake_a_longer_tag_for_the_element() {
        assert_eq!(element_text("<prefix>no</prefix>", "pre"), None);
    }

    #[test]
    fn decodes_common_and_numeric_entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &amp; &#39;c&#x27; &bogus; &"),
            "a <b> & 'c' &bogus; &"
        );
    }

    #[test]
    fn unclosed_element_yields_nothing() {
        assert_eq!(element_text("<title>half", "title"), None);
    }
}
