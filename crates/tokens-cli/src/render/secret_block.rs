//! The text shown after a create or a rotation: the new token's details and its secret, once.

use super::cell::cell_text;
use super::date::format_utc_minute;
use super::expiry::describe_expiry;
use databricks_tokens::types::{CreateTokenResponse, Expiry, Timestamp};
use std::io::{self, Write};

/// Writes the new token's id, comment, expiry and scopes, then its secret on a line of its own
/// with a notice that it will not be shown again.
///
/// This is the one place where the CLI writes a secret in text form; it goes to stdout, which
/// carries only results.
pub(crate) fn write_secret_block(
    out: &mut dyn Write,
    created: &CreateTokenResponse,
    now: Timestamp,
) -> io::Result<()> {
    let info = created.token_info.as_ref();
    let id = info
        .and_then(|info| info.token_id.as_ref())
        .map_or("(the service sent no id)", |id| id.as_str());
    writeln!(out, "Created token {}", cell_text(id, usize::MAX))?;

    if let Some(info) = info {
        if let Some(comment) = info.comment.as_deref().filter(|c| !c.is_empty()) {
            writeln!(out, "  comment: {}", cell_text(comment, usize::MAX))?;
        }
        writeln!(out, "  expires: {}", expiry_line(info.expiry_time, now))?;
        if let Some(scopes) = info.scopes.as_deref().filter(|s| !s.is_empty()) {
            writeln!(
                out,
                "  scopes:  {}",
                cell_text(&scopes.join(","), usize::MAX)
            )?;
        }
    }

    writeln!(out)?;
    match &created.token_value {
        Some(secret) => {
            writeln!(out, "    {}", secret.expose_secret())?;
            writeln!(out)?;
            writeln!(
                out,
                "This secret will not be shown again: store it now (for example in your \
                 secret manager)."
            )
        }
        None => writeln!(out, "The service sent no secret for this token."),
    }
}

/// `in 90 days (2027-03-03 18:42 UTC)`, `never`, or `unknown`.
fn expiry_line(expiry: Option<Expiry>, now: Timestamp) -> String {
    let words = describe_expiry(expiry, now);
    match expiry.and_then(Expiry::at) {
        Some(at) => format!("{words} ({})", format_utc_minute(at)),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use databricks_tokens::types::{Secret, TokenInfo};

    const NOW: Timestamp = Timestamp::from_millis(1_700_000_000_000);
    const SECRET: &str = "dapi0123456789abcdef0123456789abcdef";

    fn render(created: &CreateTokenResponse) -> String {
        let mut out = Vec::new();
        write_secret_block(&mut out, created, NOW).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn block_shows_details_secret_and_notice() {
        let info = TokenInfo::new("abc123")
            .with_comment("ci")
            .with_expiry_time(Expiry::At(Timestamp::from_millis(
                NOW.as_millis() + 90 * 86_400_000,
            )))
            .with_scopes(["sql"]);
        let text = render(&CreateTokenResponse::new(info, Secret::new(SECRET)));
        assert_eq!(
            text,
            format!(
                "Created token abc123\n  comment: ci\n  expires: in 90 days (2024-02-12 22:13 UTC)\n  \
                 scopes:  sql\n\n    {SECRET}\n\nThis secret will not be shown again: store it \
                 now (for example in your secret manager).\n"
            )
        );
    }

    #[test]
    fn never_expiring_token_says_never() {
        let info = TokenInfo::new("abc").with_expiry_time(Expiry::Never);
        let text = render(&CreateTokenResponse::new(info, Secret::new(SECRET)));
        assert!(text.contains("  expires: never\n"));
    }

    #[test]
    fn reply_without_secret_says_so() {
        let text = render(&CreateTokenResponse::default());
        assert!(text.contains("The service sent no secret"));
        assert!(!text.contains("will not be shown again"));
    }
}
