//! Time and sleeping, injected by the transport crate so this crate never touches a wall
//! clock or a runtime (both panic on `wasm32-unknown-unknown`).

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
use tokens_types::Timestamp;

/// A boxed future that is `Send` on native targets. On `wasm32` it need not be `Send`,
/// because browser futures (`JsFuture`) are not and the browser runs one thread.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A boxed future that is `Send` on native targets. On `wasm32` it need not be `Send`,
/// because browser futures (`JsFuture`) are not and the browser runs one thread.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Where the client gets the time and how it waits.
///
/// `tokens-hyper` implements it with tokio, `tokens-fetch` with `Date.now`,
/// `performance.now` and `setTimeout`, and tests with [`crate::ManualClock`]. Every layer
/// that needs time takes a `Clock`, so none of them reads a clock of its own.
pub trait Clock: Debug + Send + Sync + 'static {
    /// Wall-clock time, for token expiry and HTTP-date `Retry-After` values.
    fn now(&self) -> Timestamp;

    /// A monotonic reading since an arbitrary fixed origin, for deadlines and rate limits.
    /// It never goes backwards.
    fn monotonic(&self) -> Duration;

    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// `Send` on native targets and nothing on `wasm32`, for bounds that a boxed future needs.
///
/// A layer whose response future is a [`BoxFuture`] needs the inner service and its future
/// to be `Send` on native targets, where that future is `Send`, and must not ask for it on
/// `wasm32`, where browser futures are not. Bounds written with `MaybeSend` say both at once.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send {}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + ?Sized> MaybeSend for T {}

/// `Send` on native targets and nothing on `wasm32`, for bounds that a boxed future needs.
///
/// A layer whose response future is a [`BoxFuture`] needs the inner service and its future
/// to be `Send` on native targets, where that future is `Send`, and must not ask for it on
/// `wasm32`, where browser futures are not. Bounds written with `MaybeSend` say both at once.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}

#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}
