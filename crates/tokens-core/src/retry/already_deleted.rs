//! The response the retry layer makes up for a delete that had already worked.

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode, header};

/// A response extension: this `200 {}` was not sent by the server. An earlier attempt of the
/// delete may have worked (its reply was lost), and the retry then found the token gone
/// (`RESOURCE_DOES_NOT_EXIST`), so the delete counts as done.
///
/// ```
/// # fn check(response: &http::Response<bytes::Bytes>) {
/// use tokens_core::retry::AlreadyDeleted;
///
/// if response.extensions().get::<AlreadyDeleted>().is_some() {
///     println!("the token was deleted by an attempt whose reply was lost");
/// }
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadyDeleted;

/// `200 OK` with the body `{}`, as the service answers a delete, marked [`AlreadyDeleted`].
pub(super) fn response() -> Response<Bytes> {
    let mut response = Response::new(Bytes::from_static(b"{}"));
    *response.status_mut() = StatusCode::OK;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response.extensions_mut().insert(AlreadyDeleted);
    response
}
