//! Writing an [`ErrorBody`] as the service does, for the emulator and for tests.

use super::ErrorBody;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Writes `{"error_code": "...", "message": "...", "details": [...]}`. A missing code and
/// an empty `details` are left out; each detail carries its `@type`.
impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("ErrorBody", 3)?;
        match &self.error_code {
            Some(code) => body.serialize_field("error_code", code)?,
            None => body.skip_field("error_code")?,
        }
        body.serialize_field("message", &self.message)?;
        if self.details.is_empty() {
            body.skip_field("details")?;
        } else {
            body.serialize_field("details", &self.details)?;
        }
        body.end()
    }
}
