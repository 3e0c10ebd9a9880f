//! `application/x-www-form-urlencoded` bodies.

use percent_encoding::percent_decode_str;

/// Decodes one form component: `+` is a space, `%XX` a byte; `None` if not UTF-8.
pub(crate) fn decode(text: &str) -> Option<String> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// The value of the first `name=` pair of a form body.
pub(crate) fn field(body: &str, name: &str) -> Option<String> {
    body.split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| decode(key).as_deref() == Some(name))
        .and_then(|(_, value)| decode(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields() {
        let body = "grant_type=client_credentials&scope=all-apis+sql&x=%41";
        assert_eq!(
            field(body, "grant_type").as_deref(),
            Some("client_credentials")
        );
        assert_eq!(field(body, "scope").as_deref(), Some("all-apis sql"));
        assert_eq!(field(body, "x").as_deref(), Some("A"));
        assert_eq!(field(body, "missing"), None);
    }
}
