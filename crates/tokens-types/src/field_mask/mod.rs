//! `FieldMask`: which fields of a resource an update changes.

mod error;

pub use error::FieldMaskError;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The paths of a token that an update may change.
pub const TOKEN_UPDATABLE_PATHS: &[&str] = &["comment", "scopes"];

/// The field mask of an update: the paths of the fields it changes, one string on the wire
/// (`"comment,scopes"`).
///
/// Checking happens in two steps. [`FieldMask::parse`] and [`FieldMask::from_paths`] check the
/// syntax, which is the same for every resource; [`FieldMask::validate_for`] then checks the
/// paths against what one resource allows (for a token, [`TOKEN_UPDATABLE_PATHS`]).
///
/// ```
/// use tokens_types::{FieldMask, FieldMaskError, TOKEN_UPDATABLE_PATHS};
///
/// let mask = FieldMask::parse("comment,scopes")?;
/// mask.validate_for(TOKEN_UPDATABLE_PATHS)?;
/// assert_eq!(mask.to_string(), "comment,scopes");
///
/// let err = FieldMask::parse("comment,,scopes").unwrap_err();
/// assert_eq!(err, FieldMaskError::EmptyPath { position: 1 });
///
/// let err = FieldMask::parse("token_id")?.validate_for(TOKEN_UPDATABLE_PATHS).unwrap_err();
/// assert!(err.to_string().contains("`token_id` cannot be updated"));
/// # Ok::<(), FieldMaskError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldMask {
    paths: Vec<String>,
}

impl FieldMask {
    /// The wildcard path that replaces the whole resource.
    pub const WILDCARD: &'static str = "*";

    /// Parses the wire form: paths joined by `,` with no spaces.
    ///
    /// # Errors
    ///
    /// A [`FieldMaskError`] naming the first offending path and its position: an empty mask,
    /// an empty path, white space, a character outside `[a-z0-9_]` and `.`, an empty segment,
    /// element addressing, a duplicate, or `*` beside other paths.
    pub fn parse(mask: &str) -> Result<Self, FieldMaskError> {
        if mask.is_empty() {
            return Err(FieldMaskError::Empty);
        }
        FieldMask::from_paths(mask.split(','))
    }

    /// Builds a mask from separate paths, with the same checks as [`FieldMask::parse`].
    ///
    /// # Errors
    ///
    /// As for [`FieldMask::parse`]; no paths at all is [`FieldMaskError::Empty`].
    pub fn from_paths<I, S>(paths: I) -> Result<Self, FieldMaskError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut checked: Vec<String> = Vec::new();
        for (position, path) in paths.into_iter().enumerate() {
            let path = path.as_ref();
            check_path(path, position)?;
            if checked.iter().any(|earlier| earlier == path) {
                return Err(FieldMaskError::Duplicate {
                    path: path.to_owned(),
                    position,
                });
            }
            let wildcard_mixed = (path == Self::WILDCARD && position > 0)
                || checked.first().is_some_and(|first| first == Self::WILDCARD);
            if wildcard_mixed {
                return Err(FieldMaskError::WildcardNotAlone { position });
            }
            checked.push(path.to_owned());
        }
        if checked.is_empty() {
            return Err(FieldMaskError::Empty);
        }
        Ok(FieldMask { paths: checked })
    }

    /// The mask `*`: replace every updatable field.
    pub fn wildcard() -> Self {
        FieldMask {
            paths: vec![Self::WILDCARD.to_owned()],
        }
    }

    /// Whether this is the wildcard mask `*`.
    pub fn is_wildcard(&self) -> bool {
        self.paths.len() == 1 && self.paths[0] == Self::WILDCARD
    }

    /// The paths, in the order given.
    pub fn paths(&self) -> impl ExactSizeIterator<Item = &str> {
        self.paths.iter().map(String::as_str)
    }

    /// Whether the mask names `path` exactly, or is the wildcard.
    pub fn covers(&self, path: &str) -> bool {
        self.is_wildcard() || self.paths.iter().any(|p| p == path)
    }

    /// Checks every path against the paths a resource allows to be updated. The wildcard is
    /// allowed and means all of them.
    ///
    /// # Errors
    ///
    /// [`FieldMaskError::NotUpdatable`] for the first path that `updatable` does not hold.
    pub fn validate_for(&self, updatable: &[&str]) -> Result<(), FieldMaskError> {
        if self.is_wildcard() {
            return Ok(());
        }
        for (position, path) in self.paths.iter().enumerate() {
            if !updatable.contains(&path.as_str()) {
                return Err(FieldMaskError::NotUpdatable {
                    path: path.clone(),
                    position,
                    allowed: updatable.join(", "),
                });
            }
        }
        Ok(())
    }
}

/// Checks the syntax of one path.
fn check_path(path: &str, position: usize) -> Result<(), FieldMaskError> {
    let owned = || path.to_owned();
    if path.is_empty() {
        return Err(FieldMaskError::EmptyPath { position });
    }
    if path == FieldMask::WILDCARD {
        return Ok(());
    }
    if path.chars().any(char::is_whitespace) {
        return Err(FieldMaskError::Whitespace {
            path: owned(),
            position,
        });
    }
    if path.contains(['[', ']', '*']) {
        return Err(FieldMaskError::ElementAddressing {
            path: owned(),
            position,
        });
    }
    if let Some(character) = path
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '.'))
    {
        return Err(FieldMaskError::InvalidCharacter {
            path: owned(),
            position,
            character,
        });
    }
    for segment in path.split('.') {
        if segment.is_empty() {
            return Err(FieldMaskError::EmptySegment {
                path: owned(),
                position,
            });
        }
        if segment.starts_with(|c: char| c.is_ascii_digit()) {
            // `scopes.0` names a list element; no field name starts with a digit.
            return Err(FieldMaskError::ElementAddressing {
                path: owned(),
                position,
            });
        }
    }
    Ok(())
}

impl fmt::Display for FieldMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.paths.join(","))
    }
}

impl FromStr for FieldMask {
    type Err = FieldMaskError;

    fn from_str(mask: &str) -> Result<Self, Self::Err> {
        FieldMask::parse(mask)
    }
}

impl Serialize for FieldMask {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldMask {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = String::deserialize(deserializer)?;
        FieldMask::parse(&wire).map_err(serde::de::Error::custom)
    }
}
