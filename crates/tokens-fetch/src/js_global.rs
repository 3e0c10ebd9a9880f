//! The few JavaScript globals this crate calls, bound on the global object itself.
//!
//! Everything here is looked up on `globalThis`, never through `window`, so the same code
//! runs in a page, in a dedicated worker and in Node 20, all of which define these names.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `fetch(url, init)`: starts a request and returns a promise of its `Response`.
    #[wasm_bindgen(catch, js_name = fetch)]
    pub(crate) fn fetch_with_init(
        url: &str,
        init: &web_sys::RequestInit,
    ) -> Result<js_sys::Promise, JsValue>;

    /// `setTimeout(handler, ms)`: the returned handle is a number in browsers and an object
    /// in Node, so it stays a `JsValue`.
    #[wasm_bindgen(js_name = setTimeout)]
    pub(crate) fn set_timeout(handler: &js_sys::Function, millis: i32) -> JsValue;

    /// `clearTimeout(handle)`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub(crate) fn clear_timeout(handle: &JsValue);

    /// The `Performance` interface; only its `now()` is used.
    #[derive(Debug, Clone)]
    pub(crate) type Performance;

    /// `globalThis.performance`, absent in a few embedded hosts.
    #[wasm_bindgen(thread_local_v2, js_name = performance)]
    pub(crate) static PERFORMANCE: Option<Performance>;

    /// `performance.now()`: milliseconds since the time origin, monotonic.
    #[wasm_bindgen(method)]
    pub(crate) fn now(this: &Performance) -> f64;
}
