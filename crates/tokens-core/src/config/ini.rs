//! A reader for `.databrickscfg`: INI sections of `key = value` lines.

use std::collections::BTreeMap;

/// The profiles of a config file: section name to its keys (lower-cased) and values.
pub(crate) type Profiles = BTreeMap<String, BTreeMap<String, String>>;

/// Why a config file could not be read; the caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IniError {
    pub(crate) line: usize,
    pub(crate) reason: &'static str,
}

/// Parses INI text the way the official SDKs read `.databrickscfg`.
///
/// - `[name]` starts a profile; keys before the first profile are an error.
/// - `key = value` or `key: value`, split at the first `=` or `:`; key and value are trimmed,
///   keys lower-cased. Everything after the delimiter is the value verbatim: a `#`, `;` or
///   `\` inside a value is kept, not read as a comment or an escape.
/// - Lines starting with `#` or `;` are comments; blank lines are skipped.
/// - A key given twice in one profile keeps the last value.
pub(crate) fn parse(text: &str) -> Result<Profiles, IniError> {
    let mut profiles = Profiles::new();
    let mut current: Option<String> = None;
    for (index, raw) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest.strip_suffix(']').map(str::trim).ok_or(IniError {
                line: line_number,
                reason: "a section header must end with `]`",
            })?;
            if name.is_empty() {
                return Err(IniError {
                    line: line_number,
                    reason: "a section name is empty",
                });
            }
            profiles.entry(name.to_owned()).or_default();
            current = Some(name.to_owned());
            continue;
        }
        let Some(split) = line.find(['=', ':']) else {
            return Err(IniError {
                line: line_number,
                reason: "a line must be `[profile]`, `key = value` or a comment",
            });
        };
        let Some(section) = &current else {
            return Err(IniError {
                line: line_number,
                reason: "a key appears before any `[profile]` line",
            });
        };
        let key = line[..split].trim().to_ascii_lowercase();
        if key.is_empty() {
            return Err(IniError {
                line: line_number,
                reason: "a line has a value but no key",
            });
        }
        let value = line[split + 1..].trim().to_owned();
        profiles
            .entry(section.clone())
            .or_default()
            .insert(key, value);
    }
    Ok(profiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keys_and_verbatim_values() {
        let profiles = parse(
            "# comment\n[DEFAULT]\nhost = https://a\n\n[dev]\nToken=dapi#x\\y ; z\nhost: h:1\n",
        )
        .unwrap();
        assert_eq!(profiles["DEFAULT"]["host"], "https://a");
        assert_eq!(profiles["dev"]["token"], "dapi#x\\y ; z");
        assert_eq!(profiles["dev"]["host"], "h:1");
    }

    #[test]
    fn last_duplicate_wins() {
        let profiles = parse("[p]\nhost=a\nhost=b\n").unwrap();
        assert_eq!(profiles["p"]["host"], "b");
    }

    #[test]
    fn malformed_lines_name_their_line() {
        assert_eq!(parse("host = a\n").unwrap_err().line, 1);
        assert_eq!(parse("[p]\njunk\n").unwrap_err().line, 2);
        assert_eq!(parse("[p\n").unwrap_err().line, 1);
        assert_eq!(parse("[]\n").unwrap_err().line, 1);
        assert_eq!(parse("[p]\n= v\n").unwrap_err().line, 2);
    }
}
