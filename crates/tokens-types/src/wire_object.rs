//! Reading a reply object field by field, keeping the fields this version does not know.
//!
//! The models keep unknown fields in an `extra` map. Deriving that with `#[serde(flatten)]`
//! makes serde buffer every field of the object in its private `Content` tree before it is
//! decoded, which costs time on a long token list and pulls a large generic decoder into
//! every program (a browser's wasm module most of all). The models' own `Deserialize` impls
//! read the object in one pass instead, with the same outcome as the derive: known fields
//! decoded by their types, a repeated known field refused as `duplicate field`, and every
//! other field kept in `extra`.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// A field name, borrowed from the input when it holds no escapes.
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The name.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(name)))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(name.to_owned())))
    }
}

/// Which known fields an object has shown so far (one bit per field).
#[derive(Debug, Default)]
pub(crate) struct Seen(u32);

impl Seen {
    /// Reads the value of the known field number `index`, named `name`, refusing it the
    /// second time.
    pub(crate) fn value<'de, A, T>(
        &mut self,
        map: &mut A,
        index: u32,
        name: &'static str,
    ) -> Result<T, A::Error>
    where
        A: MapAccess<'de>,
        T: Deserialize<'de>,
    {
        let bit = 1 << index;
        if self.0 & bit != 0 {
            return Err(de::Error::duplicate_field(name));
        }
        self.0 |= bit;
        map.next_value()
    }
}

/// Keeps the value of the unknown field `key` in `extra` (a repeated key keeps its last
/// value, as the derive does).
pub(crate) fn keep<'de, A: MapAccess<'de>>(
    map: &mut A,
    extra: &mut Map<String, Value>,
    key: Key<'de>,
) -> Result<(), A::Error> {
    let value = map.next_value()?;
    extra.insert(key.0.into_owned(), value);
    Ok(())
}
