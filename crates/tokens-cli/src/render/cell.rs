//! Making service-provided text safe and short enough for a terminal cell.

/// Longest comment shown in a table cell, in characters; `-o json` shows the whole text.
pub(crate) const MAX_COMMENT_WIDTH: usize = 40;

/// Text for one table cell: control characters (newlines, escape sequences) are shown
/// escaped so that a comment cannot redraw the terminal or break the table, and text longer
/// than `max_chars` is cut with an ellipsis.
pub(crate) fn cell_text(text: &str, max_chars: usize) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            cleaned.extend(c.escape_default());
        } else {
            cleaned.push(c);
        }
    }

    if cleaned.chars().count() <= max_chars {
        return cleaned;
    }
    let mut cut: String = cleaned.chars().take(max_chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The number of characters a cell takes, used to pad columns.
pub(crate) fn width(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(cell_text("ci deploy", 40), "ci deploy");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(cell_text("a\nb\u{1b}[2J", 40), "a\\nb\\u{1b}[2J");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let cut = cell_text("abcdefghij", 5);
        assert_eq!(cut, "abcd…");
        assert_eq!(width(&cut), 5);
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        assert_eq!(cell_text("ééééé", 3), "éé…");
    }
}
