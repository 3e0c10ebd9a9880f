//! The HTTP Basic `Authorization` value of the token request.

use tokens_types::Secret;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `Basic base64(client_id:client_secret)`, itself a secret.
///
/// The id and secret are joined as they are, as the official SDKs do; Databricks client ids
/// are UUIDs and secrets are alphanumeric, so RFC 6749's form-encoding changes nothing.
pub(super) fn basic_authorization(client_id: &str, client_secret: &Secret) -> Secret {
    let joined = Secret::new(format!("{client_id}:{}", client_secret.expose_secret()));
    let mut value = String::with_capacity(6 + joined.expose_secret().len() * 4 / 3 + 4);
    value.push_str("Basic ");
    encode_base64(joined.expose_secret().as_bytes(), &mut value);
    Secret::new(value)
}

/// Standard base64 with padding.
fn encode_base64(input: &[u8], out: &mut String) {
    for chunk in input.chunks(3) {
        let b0 = u32::from(chunk[0]);
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let group = (b0 << 16) | (b1 << 8) | b2;
        let symbols = chunk.len() + 1;
        for index in 0..4 {
            if index < symbols {
                let six = (group >> (18 - 6 * index)) & 0x3f;
                out.push(char::from(ALPHABET[six as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(input: &str) -> String {
        let mut out = String::new();
        encode_base64(input.as_bytes(), &mut out);
        out
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        assert_eq!(b64(""), "");
        assert_eq!(b64("f"), "Zg==");
        assert_eq!(b64("fo"), "Zm8=");
        assert_eq!(b64("foo"), "Zm9v");
        assert_eq!(b64("foob"), "Zm9vYg==");
        assert_eq!(b64("fooba"), "Zm9vYmE=");
        assert_eq!(b64("foobar"), "Zm9vYmFy");
    }

    #[test]
    fn basic_value_joins_id_and_secret() {
        let value = basic_authorization("Aladdin", &Secret::new("open sesame"));
        assert_eq!(value.expose_secret(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }
}
