//! HTTP Basic credentials (`Authorization: Basic base64(id:secret)`).

use tokens_types::Secret;

/// The client id and secret a Basic `Authorization` value may mean, to be tried in order;
/// `None` if it is not Basic or does not decode.
///
/// RFC 6749 §2.3.1 asks clients to form-urlencode both parts before Basic encoding, but the
/// official Databricks SDKs send them as they are. The parts as sent come first; their
/// form-decoded reading follows when it differs, so both kinds of client authenticate.
pub(crate) fn parse(header: &str) -> Option<Vec<(String, Secret)>> {
    let (scheme, encoded) = header.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = decode_base64(encoded.trim())?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let mut readings = vec![(id.to_owned(), Secret::new(secret))];
    if let (Some(form_id), Some(form_secret)) =
        (super::form::decode(id), super::form::decode(secret))
        && (form_id != id || form_secret != secret)
    {
        readings.push((form_id, Secret::new(form_secret)));
    }
    Some(readings)
}

/// Decodes standard base64 with padding (the alphabet of RFC 4648 §4).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(byte: u8) -> Option<u32> {
        match byte {
            b'A'..=b'Z' => Some(u32::from(byte - b'A')),
            b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, chunk) in bytes.chunks(4).enumerate() {
        let last = index == bytes.len() / 4 - 1;
        let padding = chunk.iter().rev().take_while(|b| **b == b'=').count();
        if padding > 2 || (padding > 0 && !last) {
            return None;
        }
        let mut group = 0_u32;
        for byte in &chunk[..4 - padding] {
            group = (group << 6) | value(*byte)?;
        }
        group <<= 6 * padding;
        let produced = group.to_be_bytes();
        let produced = [produced[1], produced[2], produced[3]];
        out.extend_from_slice(&produced[..3 - padding]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64() {
        assert_eq!(
            decode_base64("aWQ6c2VjcmV0").as_deref(),
            Some(&b"id:secret"[..])
        );
        assert_eq!(decode_base64("YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_base64("YWI=").as_deref(), Some(&b"ab"[..]));
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(decode_base64("YQ="), None);
        assert_eq!(decode_base64("Y===",), None);
        assert_eq!(decode_base64("YQ==YQ=="), None);
        assert_eq!(decode_base64("a!==",), None);
    }

    #[test]
    fn parses_basic_header() {
        let readings = parse("Basic aWQ6c2VjcmV0").unwrap();
        assert_eq!(readings.len(), 1, "nothing to form-decode");
        let (id, secret) = &readings[0];
        assert_eq!(id, "id");
        assert_eq!(secret.expose_secret(), "secret");
        assert!(parse("Bearer aWQ6c2VjcmV0").is_none());
    }

    #[test]
    fn a_secret_with_form_characters_is_read_as_sent_first_then_decoded() {
        // base64 of `id:a+b%2F`
        let readings = parse("Basic aWQ6YStiJTJG").unwrap();
        let secrets: Vec<&str> = readings.iter().map(|(_, s)| s.expose_secret()).collect();
        assert_eq!(secrets, ["a+b%2F", "a b/"]);
    }
}
