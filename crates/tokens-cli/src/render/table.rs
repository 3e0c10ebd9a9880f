//! The `tokens list` table: id, comment, created, expires, scopes, with a mark on tokens that
//! expire within seven days and on tokens that Databricks will revoke for inactivity within
//! seven days.

use super::cell::{MAX_COMMENT_WIDTH, cell_text, width};
use super::date::format_utc_minute;
use super::expiry::{EXPIRY_WARNING_WINDOW, describe_expiry, expires_within};
use super::inactivity::{
    INACTIVITY_LIMIT_DAYS, INACTIVITY_WARNING_DAYS, revoked_for_inactivity_soon,
};
use databricks_tokens::types::{Timestamp, TokenInfo};
use std::io::{self, Write};

/// The mark in the first column of a token that expires within seven days.
pub(crate) const SOON_MARK: &str = "!";

/// The mark in the first column of a token unused for so long that Databricks will revoke it
/// within seven days.
pub(crate) const IDLE_MARK: &str = "~";

const HEADERS: [&str; 6] = ["", "ID", "COMMENT", "CREATED", "EXPIRES", "SCOPES"];

/// Writes `tokens` as an aligned table, one line per token, followed by a legend when a token
/// is marked. Writes a single line saying so when there are no tokens.
pub(crate) fn write_token_table(
    out: &mut dyn Write,
    tokens: &[TokenInfo],
    now: Timestamp,
) -> io::Result<()> {
    if tokens.is_empty() {
        return writeln!(out, "No tokens.");
    }

    let rows: Vec<[String; 6]> = tokens.iter().map(|token| table_row(token, now)).collect();
    let mut widths = HEADERS.map(width);
    // The mark column keeps its place even when no token is marked, so layouts compare.
    widths[0] = width(SOON_MARK);
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            widths[column] = widths[column].max(width(cell));
        }
    }

    write_line(out, &HEADERS.map(str::to_owned), &widths)?;
    for row in &rows {
        write_line(out, row, &widths)?;
    }

    let marked = |mark: &str| rows.iter().any(|row| row[0].contains(mark));
    let (soon, idle) = (marked(SOON_MARK), marked(IDLE_MARK));
    if soon || idle {
        writeln!(out)?;
    }
    if soon {
        writeln!(
            out,
            "{SOON_MARK} expires within 7 days: rotate it with `tokens rotate ID`"
        )?;
    }
    if idle {
        writeln!(
            out,
            "{IDLE_MARK} last used {} or more days ago: Databricks revokes a token unused for \
             {INACTIVITY_LIMIT_DAYS} days",
            INACTIVITY_LIMIT_DAYS - INACTIVITY_WARNING_DAYS,
        )?;
    }
    Ok(())
}

/// The cells of one token.
fn table_row(token: &TokenInfo, now: Timestamp) -> [String; 6] {
    let mut mark = String::new();
    if expires_within(token.expiry_time, now, EXPIRY_WARNING_WINDOW) {
        mark.push_str(SOON_MARK);
    }
    if revoked_for_inactivity_soon(token, now) {
        mark.push_str(IDLE_MARK);
    }
    let id = token
        .token_id
        .as_ref()
        .map_or_else(|| "-".to_owned(), |id| cell_text(id.as_str(), usize::MAX));
    let comment = match token.comment.as_deref() {
        None | Some("") => "-".to_owned(),
        Some(comment) => cell_text(comment, MAX_COMMENT_WIDTH),
    };
    let created = token
        .creation_time
        .map_or_else(|| "-".to_owned(), format_utc_minute);
    let scopes = match token.scopes.as_deref() {
        None | Some([]) => "-".to_owned(),
        Some(scopes) => cell_text(&scopes.join(","), usize::MAX),
    };
    [
        mark,
        id,
        comment,
        created,
        describe_expiry(token.expiry_time, now),
        scopes,
    ]
}

/// Writes cells padded to `widths`, two spaces apart, without trailing white space.
fn write_line(out: &mut dyn Write, cells: &[String; 6], widths: &[usize; 6]) -> io::Result<()> {
    let mut line = String::new();
    for (column, cell) in cells.iter().enumerate() {
        if column > 0 {
            line.push_str("  ");
        }
        line.push_str(cell);
        let padding = widths[column].saturating_sub(width(cell));
        line.extend(std::iter::repeat_n(' ', padding));
    }
    writeln!(out, "{}", line.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use databricks_tokens::types::Expiry;

    const DAY_MS: i64 = 86_400_000;
    const NOW: Timestamp = Timestamp::from_millis(1_700_000_000_000);

    fn render(tokens: &[TokenInfo]) -> String {
        let mut out = Vec::new();
        write_token_table(&mut out, tokens, NOW).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("the table is UTF-8")
    }

    fn token(id: &str, expires_in_days: i64) -> TokenInfo {
        TokenInfo::new(id)
            .with_comment("ci")
            .with_creation_time(Timestamp::from_millis(NOW.as_millis() - DAY_MS))
            .with_expiry_time(Expiry::At(Timestamp::from_millis(
                NOW.as_millis() + expires_in_days * DAY_MS,
            )))
            .with_scopes(["sql", "unity-catalog:read"])
    }

    #[test]
    fn empty_list_says_no_tokens() {
        assert_eq!(render(&[]), "No tokens.\n");
    }

    #[test]
    fn table_has_a_header_and_a_row_per_token() {
        let text = render(&[token("aaa", 30), token("bbb", 90)]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "   ID   COMMENT  CREATED               EXPIRES     SCOPES"
        );
        assert_eq!(
            lines[1],
            "   aaa  ci       2023-11-13 22:13 UTC  in 30 days  sql,unity-catalog:read"
        );
        assert!(lines[2].contains("in 90 days"));
    }

    #[test]
    fn token_expiring_within_a_week_is_marked_and_explained() {
        let text = render(&[token("soon", 3), token("later", 30)]);
        let soon = text.lines().find(|l| l.contains("soon")).expect("soon row");
        let later = text
            .lines()
            .find(|l| l.contains("later"))
            .expect("later row");
        assert!(soon.starts_with("! "));
        assert!(soon.contains("in 3 days"));
        assert!(later.starts_with("  "));
        assert!(text.contains("! expires within 7 days"));
    }

    #[test]
    fn no_legend_when_nothing_is_marked() {
        let text = render(&[token("later", 30)]);
        assert!(!text.contains("expires within"));
        assert!(!text.contains("Databricks revokes"));
    }

    fn last_used_days_ago(token: TokenInfo, days: i64) -> TokenInfo {
        token.with_last_accessed_time(Timestamp::from_millis(NOW.as_millis() - days * DAY_MS))
    }

    #[test]
    fn token_unused_for_83_days_is_marked_and_explained() {
        let text = render(&[
            last_used_days_ago(token("idle", 30), 85),
            last_used_days_ago(token("busy", 30), 1),
        ]);
        let idle = text.lines().find(|l| l.contains("idle")).expect("idle row");
        let busy = text.lines().find(|l| l.contains("busy")).expect("busy row");
        assert!(idle.starts_with("~ "), "{text}");
        assert!(busy.starts_with("  "), "{text}");
        assert!(
            text.contains(
                "~ last used 83 or more days ago: Databricks revokes a token unused for 90 days"
            ),
            "{text}"
        );
        assert!(!text.contains("expires within"), "{text}");
    }

    #[test]
    fn token_both_expiring_and_idle_carries_both_marks_and_legends() {
        let text = render(&[last_used_days_ago(token("both", 2), 89), token("plain", 30)]);
        let both = text.lines().find(|l| l.contains("both")).expect("both row");
        let plain = text
            .lines()
            .find(|l| l.contains("plain"))
            .expect("plain row");
        assert!(both.starts_with("!~ "), "{text}");
        assert!(plain.starts_with("    "), "{text}");
        assert!(text.contains("! expires within 7 days"), "{text}");
        assert!(text.contains("~ last used 83 or more days ago"), "{text}");
    }

    #[test]
    fn never_expiring_token_reads_never_and_is_not_marked() {
        let never = TokenInfo::new("forever").with_expiry_time(Expiry::Never);
        let text = render(&[never]);
        let row = text.lines().nth(1).expect("row");
        assert!(row.starts_with("  "));
        assert!(row.contains("never"));
    }

    #[test]
    fn missing_fields_show_a_dash() {
        let text = render(&[TokenInfo::new("bare")]);
        let row = text.lines().nth(1).expect("row");
        assert_eq!(row, "   bare  -        -        unknown  -");
    }

    #[test]
    fn hostile_comment_cannot_break_the_table() {
        let text = render(&[TokenInfo::new("x").with_comment("line1\nline2\u{1b}[31m")]);
        assert_eq!(text.lines().count(), 2);
        assert!(!text.contains('\u{1b}'));
    }
}
