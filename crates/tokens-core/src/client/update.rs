//! `TokenUpdate`: what an update changes, and the field mask it implies.

use crate::Error;
use tokens_types::{FieldMask, TOKEN_UPDATABLE_PATHS, TokenInfo, UpdateTokenRequest};

/// The changes of one update: a new comment, new scopes, or both, with an optional explicit
/// field mask.
///
/// Without a mask, the mask names exactly the fields that are set (`comment`, then
/// `scopes`). With one, it is checked against the updatable paths, and every field that is
/// set must be named by it (a set field the mask leaves out would silently not change).
/// Everything is checked before a request is sent.
///
/// ```
/// use tokens_core::TokenUpdate;
/// use tokens_core::types::FieldMask;
///
/// let update = TokenUpdate::new().with_comment("renamed").with_scopes(["sql"]);
/// assert_eq!(update.field_mask()?.to_string(), "comment,scopes");
///
/// // An explicit mask may clear a field the update does not set.
/// let clear = TokenUpdate::new().with_mask(FieldMask::parse("scopes")?);
/// assert_eq!(clear.field_mask()?.to_string(), "scopes");
///
/// assert!(TokenUpdate::new().field_mask().unwrap_err().is_invalid_request());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenUpdate {
    comment: Option<String>,
    scopes: Option<Vec<String>>,
    mask: Option<FieldMask>,
}

impl TokenUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        TokenUpdate::default()
    }

    /// Sets the new comment.
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Sets the new scopes (an empty list is sent as `[]`).
    #[must_use]
    pub fn with_scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes = Some(scopes.into_iter().map(Into::into).collect());
        self
    }

    /// Gives the field mask explicitly instead of deriving it from the fields set.
    #[must_use]
    pub fn with_mask(mut self, mask: FieldMask) -> Self {
        self.mask = Some(mask);
        self
    }

    /// The new comment, if set.
    pub fn comment(&self) -> Option<&str> {
        self.comment.as_deref()
    }

    /// The new scopes, if set.
    pub fn scopes(&self) -> Option<&[String]> {
        self.scopes.as_deref()
    }

    /// The explicit mask, if given.
    pub fn mask(&self) -> Option<&FieldMask> {
        self.mask.as_ref()
    }

    /// The mask this update sends: the explicit one, or one naming the fields set.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) when the update
    /// changes nothing, when the mask names a path a token cannot update, or when a field is
    /// set that the explicit mask does not name.
    pub fn field_mask(&self) -> Result<FieldMask, Error> {
        let Some(mask) = &self.mask else {
            return self.derived_mask();
        };
        mask.validate_for(TOKEN_UPDATABLE_PATHS)?;
        for (path, set) in self.set_fields() {
            if set && !mask.covers(path) {
                return Err(Error::invalid_request(format!(
                    "`{path}` is set but the field mask `{mask}` does not name it, \
                     so it would not change; add it to the mask"
                )));
            }
        }
        Ok(mask.clone())
    }

    /// The request body of this update.
    ///
    /// # Errors
    ///
    /// As for [`TokenUpdate::field_mask`].
    pub fn to_request(&self) -> Result<UpdateTokenRequest, Error> {
        let mask = self.field_mask()?;
        let mut token = TokenInfo::default();
        token.comment.clone_from(&self.comment);
        token.scopes.clone_from(&self.scopes);
        Ok(UpdateTokenRequest::new(token, mask))
    }

    fn set_fields(&self) -> [(&'static str, bool); 2] {
        [
            ("comment", self.comment.is_some()),
            ("scopes", self.scopes.is_some()),
        ]
    }

    fn derived_mask(&self) -> Result<FieldMask, Error> {
        let paths: Vec<&str> = self
            .set_fields()
            .into_iter()
            .filter_map(|(path, set)| set.then_some(path))
            .collect();
        if paths.is_empty() {
            return Err(Error::invalid_request(
                "the update changes no field: set a comment or scopes, or give a field mask",
            ));
        }
        Ok(FieldMask::from_paths(paths)?)
    }
}
