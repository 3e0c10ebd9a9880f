//! The output-only `autoscope_state` of a token.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Where automatic scoping of a token stands. Output only.
///
/// Values this crate does not know decode as [`AutoscopeState::Unknown`] and encode back
/// unchanged, so a newer service never breaks an older client.
///
/// ```
/// use tokens_types::AutoscopeState;
///
/// let known: AutoscopeState = serde_json::from_str("\"AUTOSCOPE_STATE_COMPLETED\"").unwrap();
/// assert_eq!(known, AutoscopeState::Completed);
/// let new: AutoscopeState = serde_json::from_str("\"AUTOSCOPE_STATE_FUTURE\"").unwrap();
/// assert_eq!(new.as_str(), "AUTOSCOPE_STATE_FUTURE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AutoscopeState {
    /// `AUTOSCOPE_STATE_API_NOT_COVERED`
    ApiNotCovered,
    /// `AUTOSCOPE_STATE_BACKFILLED`
    Backfilled,
    /// `AUTOSCOPE_STATE_COMPLETED`
    Completed,
    /// `AUTOSCOPE_STATE_DISABLED`
    Disabled,
    /// `AUTOSCOPE_STATE_RUNNING`
    Running,
    /// `AUTOSCOPE_STATE_USER_SELECTED`
    UserSelected,
    /// A value this version does not know, kept as sent.
    Unknown(String),
}

impl AutoscopeState {
    /// The wire name.
    pub fn as_str(&self) -> &str {
        match self {
            AutoscopeState::ApiNotCovered => "AUTOSCOPE_STATE_API_NOT_COVERED",
            AutoscopeState::Backfilled => "AUTOSCOPE_STATE_BACKFILLED",
            AutoscopeState::Completed => "AUTOSCOPE_STATE_COMPLETED",
            AutoscopeState::Disabled => "AUTOSCOPE_STATE_DISABLED",
            AutoscopeState::Running => "AUTOSCOPE_STATE_RUNNING",
            AutoscopeState::UserSelected => "AUTOSCOPE_STATE_USER_SELECTED",
            AutoscopeState::Unknown(other) => other,
        }
    }

    /// Reads a wire name; unknown names become [`AutoscopeState::Unknown`].
    pub fn from_wire(name: &str) -> Self {
        match name {
            "AUTOSCOPE_STATE_API_NOT_COVERED" => AutoscopeState::ApiNotCovered,
            "AUTOSCOPE_STATE_BACKFILLED" => AutoscopeState::Backfilled,
            "AUTOSCOPE_STATE_COMPLETED" => AutoscopeState::Completed,
            "AUTOSCOPE_STATE_DISABLED" => AutoscopeState::Disabled,
            "AUTOSCOPE_STATE_RUNNING" => AutoscopeState::Running,
            "AUTOSCOPE_STATE_USER_SELECTED" => AutoscopeState::UserSelected,
            other => AutoscopeState::Unknown(other.to_owned()),
        }
    }
}

impl fmt::Display for AutoscopeState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AutoscopeState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AutoscopeState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(AutoscopeState::from_wire(&name))
    }
}
