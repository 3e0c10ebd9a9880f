//! JSON output: the API's own reply shapes, pretty-printed, one document per reply.

use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` as pretty JSON followed by a newline.
pub(crate) fn write_json<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use databricks_tokens::types::{ListTokensResponse, TokenInfo};

    #[test]
    fn list_reply_keeps_the_api_shape() {
        let reply = ListTokensResponse::new(vec![TokenInfo::new("a").with_comment("ci")]);
        let mut out = Vec::new();
        write_json(&mut out, &reply).expect("writing to a Vec cannot fail");
        let parsed: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        assert_eq!(
            parsed,
            serde_json::json!({"token_infos": [{"token_id": "a", "comment": "ci"}]})
        );
        assert!(out.ends_with(b"}\n"));
    }
}
