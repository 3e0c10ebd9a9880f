//! Why a field mask was refused.

/// Why a field mask was refused. Positions are 0-based indexes into the mask's list of paths.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldMaskError {
    /// The mask names no path at all.
    #[error("field mask is empty: name at least one path, such as `comment`")]
    Empty,
    /// A path is empty, as in `comment,,scopes` or a trailing comma.
    #[error("field mask path {position} is empty (two commas in a row, or a comma at an end)")]
    EmptyPath {
        /// Index of the empty path.
        position: usize,
    },
    /// A path holds white space; the wire format allows none.
    #[error("field mask path {position} `{path}` contains white space")]
    Whitespace {
        /// The path as given.
        path: String,
        /// Index of the path.
        position: usize,
    },
    /// A path holds a character that no field name has.
    #[error(
        "field mask path {position} `{path}` contains `{character}`; \
         a path is snake_case names joined by dots"
    )]
    InvalidCharacter {
        /// The path as given.
        path: String,
        /// Index of the path.
        position: usize,
        /// The first offending character.
        character: char,
    },
    /// A path has an empty segment, as in `token..comment` or `.comment`.
    #[error("field mask path {position} `{path}` has an empty name between dots")]
    EmptySegment {
        /// The path as given.
        path: String,
        /// Index of the path.
        position: usize,
    },
    /// A path addresses an element of a list or map (`scopes[0]`, `scopes.0`, `a.*`).
    #[error(
        "field mask path {position} `{path}` addresses an element of a list or map, \
         which a field mask cannot do; name the whole field"
    )]
    ElementAddressing {
        /// The path as given.
        path: String,
        /// Index of the path.
        position: usize,
    },
    /// The same path appears twice.
    #[error("field mask path {position} `{path}` repeats an earlier path")]
    Duplicate {
        /// The repeated path.
        path: String,
        /// Index of the second occurrence.
        position: usize,
    },
    /// `*` appears together with other paths.
    #[error("field mask path {position} is `*`, which must stand alone")]
    WildcardNotAlone {
        /// Index of the `*` (or of the first other path when `*` came first).
        position: usize,
    },
    /// A well-formed path that this resource does not allow to be updated.
    #[error("field mask path {position} `{path}` cannot be updated; updatable: {allowed}")]
    NotUpdatable {
        /// The path as given.
        path: String,
        /// Index of the path.
        position: usize,
        /// The updatable paths, comma-separated.
        allowed: String,
    },
}
