//! Walking an error's causes, looking inside `std::io::Error` too.
//!
//! `io::Error::source()` skips the error it wraps and returns that error's own source, so a
//! plain `source()` walk misses a `rustls::Error` wrapped in an `io::Error` (as tokio-rustls
//! reports handshake failures). This walk descends through `io::Error::get_ref` instead.

use std::error::Error as StdError;
use std::io;

/// The first error of type `E` among `err` and its causes, at most 32 levels deep.
pub(crate) fn find<'a, E>(err: &'a (dyn StdError + 'static)) -> Option<&'a E>
where
    E: StdError + 'static,
{
    let mut current: Option<&'a (dyn StdError + 'static)> = Some(err);
    for _ in 0..32 {
        let here = current?;
        if let Some(found) = here.downcast_ref::<E>() {
            return Some(found);
        }
        current = match here.downcast_ref::<io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn StdError + 'static)),
            None => here.source(),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt;

    #[derive(Debug)]
    struct Marker;

    impl fmt::Display for Marker {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("marker")
        }
    }

    impl StdError for Marker {}

    #[test]
    fn finds_an_error_wrapped_in_two_io_errors() {
        let inner = io::Error::new(io::ErrorKind::InvalidData, Marker);
        let outer = io::Error::other(inner);
        assert!(find::<Marker>(&outer).is_some());
    }

    #[test]
    fn returns_none_when_absent() {
        let err = io::Error::other("plain");
        assert!(find::<Marker>(&err).is_none());
    }
}
