//! Property tests: every model survives JSON encode then decode unchanged, including the
//! unknown fields it carries.

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::fmt::Debug;
use tokens_types::{
    AutoscopeState, CreateTokenRequest, CreateTokenResponse, DeleteTokenRequest,
    DeleteTokenResponse, Expiry, FieldMask, ListTokensResponse, Secret, Timestamp, TokenId,
    TokenInfo, UpdateTokenRequest, UpdateTokenResponse,
};

fn round_trips<T>(model: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let wire = serde_json::to_string(model).unwrap();
    let back: T =
        serde_json::from_str(&wire).map_err(|e| TestCaseError::fail(format!("{e}: {wire}")))?;
    prop_assert_eq!(&back, model, "wire: {}", wire);
    Ok(())
}

/// Unknown fields: keys that no model knows (the `x_` prefix), with exact JSON values.
fn extra() -> impl Strategy<Value = Map<String, Value>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,10}".prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    });
    prop::collection::btree_map("x_[a-z0-9_]{1,8}", value, 0..3)
        .prop_map(|map| map.into_iter().collect())
}

fn strings() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(".{0,12}", 0..4)
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    any::<i64>().prop_map(Timestamp::from_millis)
}

/// Any expiry that has a wire form of its own (`At(-1)` is written as `-1`, which is `Never`).
fn expiry() -> impl Strategy<Value = Expiry> {
    prop_oneof![
        Just(Expiry::Never),
        any::<i64>()
            .prop_filter("-1 means never", |m| *m != Expiry::NEVER_MILLIS)
            .prop_map(|m| Expiry::At(Timestamp::from_millis(m))),
    ]
}

fn autoscope_state() -> impl Strategy<Value = AutoscopeState> {
    prop_oneof![
        Just(AutoscopeState::ApiNotCovered),
        Just(AutoscopeState::Backfilled),
        Just(AutoscopeState::Completed),
        Just(AutoscopeState::Disabled),
        Just(AutoscopeState::Running),
        Just(AutoscopeState::UserSelected),
        "AUTOSCOPE_STATE_[A-Z_]{1,12}".prop_map(|name| AutoscopeState::from_wire(&name)),
    ]
}

prop_compose! {
    fn token_info()(
        token_id in prop::option::of(".{0,70}".prop_map(TokenId::new)),
        comment in prop::option::of(".{0,40}"),
        creation_time in prop::option::of(timestamp()),
        expiry_time in prop::option::of(expiry()),
        scopes in prop::option::of(strings()),
        autoscope_state in prop::option::of(autoscope_state()),
        inferred_scopes in prop::option::of(strings()),
        backfill_scopes in prop::option::of(strings()),
        last_accessed_time in prop::option::of(timestamp()),
        extra in extra(),
    ) -> TokenInfo {
        let mut info = TokenInfo::default();
        info.token_id = token_id;
        info.comment = comment;
        info.creation_time = creation_time;
        info.expiry_time = expiry_time;
        info.scopes = scopes;
        info.autoscope_state = autoscope_state;
        info.inferred_scopes = inferred_scopes;
        info.backfill_scopes = backfill_scopes;
        info.last_accessed_time = last_accessed_time;
        info.extra = extra;
        info
    }
}

prop_compose! {
    fn create_request()(
        comment in prop::option::of(".{0,40}"),
        lifetime_seconds in prop::option::of(any::<i64>()),
        scopes in prop::option::of(strings()),
        autoscope_enabled in prop::option::of(any::<bool>()),
        extra in extra(),
    ) -> CreateTokenRequest {
        let mut request = CreateTokenRequest::new();
        request.comment = comment;
        request.lifetime_seconds = lifetime_seconds;
        request.scopes = scopes;
        request.autoscope_enabled = autoscope_enabled;
        request.extra = extra;
        request
    }
}

/// A syntactically valid field mask.
fn field_mask() -> impl Strategy<Value = FieldMask> {
    prop_oneof![
        Just(FieldMask::wildcard()),
        prop::collection::btree_set("[a-z_][a-z0-9_]{0,6}(\\.[a-z_][a-z0-9_]{0,6}){0,2}", 1..4)
            .prop_map(|paths| FieldMask::from_paths(paths).unwrap()),
    ]
}

proptest! {
    #[test]
    fn token_info_round_trips(info in token_info()) {
        round_trips(&info)?;
    }

    #[test]
    fn create_request_round_trips(request in create_request()) {
        round_trips(&request)?;
    }

    #[test]
    fn create_response_round_trips(
        info in prop::option::of(token_info()),
        secret in prop::option::of(".{0,40}".prop_map(Secret::new)),
        extra in extra(),
    ) {
        let mut reply = CreateTokenResponse::default();
        reply.token_info = info;
        reply.token_value = secret;
        reply.extra = extra;
        round_trips(&reply)?;
    }

    #[test]
    fn list_response_round_trips(
        infos in prop::collection::vec(token_info(), 0..4),
        extra in extra(),
    ) {
        let mut reply = ListTokensResponse::new(infos);
        reply.extra = extra;
        round_trips(&reply)?;
    }

    #[test]
    fn delete_request_round_trips(id in ".{0,70}", extra in extra()) {
        let mut request = DeleteTokenRequest::new(id);
        request.extra = extra;
        round_trips(&request)?;
    }

    #[test]
    fn update_request_round_trips(info in token_info(), mask in field_mask(), extra in extra()) {
        let mut request = UpdateTokenRequest::new(info, mask);
        request.extra = extra;
        round_trips(&request)?;
    }

    #[test]
    fn empty_replies_round_trip(extra in extra()) {
        let mut update = UpdateTokenResponse::new();
        update.extra = extra.clone();
        round_trips(&update)?;
        let mut delete = DeleteTokenResponse::new();
        delete.extra = extra;
        round_trips(&delete)?;
    }

    #[test]
    fn int64_fields_read_the_same_from_numbers_and_strings(millis in any::<i64>()) {
        let as_number: Timestamp = serde_json::from_str(&millis.to_string()).unwrap();
        let as_string: Timestamp = serde_json::from_str(&format!("\"{millis}\"")).unwrap();
        prop_assert_eq!(as_number, as_string);
        prop_assert_eq!(as_number.as_millis(), millis);
    }
}
