//! Aborting a fetch when the future that owns it goes away.

use tokens_core::{SendState, TransportError, TransportErrorKind};
use web_sys::{AbortController, AbortSignal};

/// Owns the `AbortController` of one request and aborts it when dropped, unless the
/// request finished first.
#[derive(Debug)]
pub(super) struct AbortOnDrop {
    controller: AbortController,
    finished: bool,
}

impl AbortOnDrop {
    /// A fresh controller for one request.
    pub(super) fn new() -> Result<Self, TransportError> {
        let controller = AbortController::new().map_err(|_| {
            TransportError::new(TransportErrorKind::Other, SendState::NotSent)
                .with_message("this JavaScript host has no AbortController")
        })?;
        Ok(AbortOnDrop {
            controller,
            finished: false,
        })
    }

    /// The signal to hand to `fetch`.
    pub(super) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Stops the request now (for example when its body turned out too large).
    pub(super) fn abort(&mut self) {
        self.controller.abort();
        self.finished = true;
    }

    /// Marks the request complete, so dropping the guard does nothing.
    pub(super) fn finish(&mut self) {
        self.finished = true;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AbortOnDrop;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dropping_an_unfinished_request_aborts_its_signal() {
        let guard = AbortOnDrop::new().expect("AbortController exists");
        let signal = guard.signal();
        assert!(!signal.aborted());
        drop(guard);
        assert!(signal.aborted());
    }

    #[wasm_bindgen_test]
    fn dropping_a_finished_request_leaves_its_signal_alone() {
        let mut guard = AbortOnDrop::new().expect("AbortController exists");
        let signal = guard.signal();
        guard.finish();
        drop(guard);
        assert!(!signal.aborted());
    }
}
