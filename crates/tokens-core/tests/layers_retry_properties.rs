//! Properties of the retry layer over random server behaviour: the deadline holds, a create
//! is never sent again after the server may have acted, and final replies are final.

mod support;

use proptest::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, START, ScriptedTransport, request};
use tokens_core::retry::{CallTimeout, RetryBudget, RetryLayer};
use tokens_core::timeout::TimeoutLayer;
use tokens_core::{Clock, ManualClock, Operation, SendState, TransportErrorKind};
use tower::{Layer, ServiceExt};

const ATTEMPT_LIMIT: Duration = Duration::from_secs(10);

fn reply() -> impl Strategy<Value = Reply> {
    prop_oneof![
        Just(Reply::ok()),
        Just(Reply::status(400)),
        Just(Reply::error(404, "RESOURCE_DOES_NOT_EXIST", "gone")),
        (
            prop::sample::select(vec![429u16, 500, 502, 503, 504]),
            prop::option::of(0u64..40)
        )
            .prop_map(|(status, wait)| match wait {
                Some(secs) => Reply::status(status).header("retry-after", &secs.to_string()),
                None => Reply::status(status),
            }),
        Just(Reply::Fail(TransportErrorKind::Connect, SendState::NotSent)),
        Just(Reply::Fail(TransportErrorKind::Io, SendState::MaybeSent)),
        Just(Reply::Hang),
    ]
}

/// Whether the server may have acted on a request that got `reply`.
fn may_have_acted(reply: &Reply) -> bool {
    match reply {
        Reply::Http { status, .. } => matches!(status, 200 | 500 | 502 | 504),
        Reply::Fail(_, state) => *state == SendState::MaybeSent,
        Reply::Hang => true,
    }
}

/// Whether no retry may follow `reply`, whatever the operation.
fn is_final(reply: &Reply) -> bool {
    matches!(reply, Reply::Http { status, .. } if matches!(status, 200 | 400 | 404))
}

fn operation() -> impl Strategy<Value = Operation> {
    prop::sample::select(vec![
        Operation::CREATE,
        Operation::LIST,
        Operation::UPDATE,
        Operation::DELETE,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn retries_respect_the_deadline_and_the_create_rules(
        replies in prop::collection::vec(reply(), 1..12),
        operation in operation(),
        deadline_secs in 1u64..120,
        seed in any::<u64>(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let clock = ManualClock::auto_advancing(START);
        let transport = ScriptedTransport::new(&clock, replies.clone());
        let shared: Arc<dyn Clock> = Arc::new(clock.clone());
        let svc = RetryLayer::new(Arc::clone(&shared))
            .with_seed(seed)
            .with_budget(RetryBudget::unlimited())
            .layer(TimeoutLayer::new(shared).with_limit(ATTEMPT_LIMIT).layer(transport.clone()));
        let deadline = Duration::from_secs(deadline_secs);
        let mut req = request(operation);
        req.extensions_mut().insert(CallTimeout(deadline));

        let _ = runtime.block_on(svc.oneshot(req));

        prop_assert!(clock.monotonic() <= deadline, "ended at {:?}", clock.monotonic());
        let attempts = transport.count();
        prop_assert!(attempts >= 1);
        // Every attempt but the last was followed by another, so it must have allowed one.
        for reply in replies.iter().take(attempts - 1) {
            prop_assert!(!is_final(reply), "retried after a final reply {reply:?}");
            if !operation.is_idempotent() {
                prop_assert!(!may_have_acted(reply), "create sent again after {reply:?}");
            }
        }
    }
}
