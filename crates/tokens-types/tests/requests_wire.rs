//! Request bodies of the four endpoints on the wire, as spec §1 describes them.

use serde_json::json;
use tokens_types::{
    CreateTokenRequest, DeleteTokenRequest, FieldMask, TokenInfo, UpdateTokenRequest,
};

#[test]
fn create_request_with_every_field_matches_the_wire() {
    let request = CreateTokenRequest::new()
        .with_comment("ci")
        .with_lifetime_seconds(3600)
        .with_scopes(["sql"])
        .with_autoscope_enabled(true);
    let wire =
        r#"{"comment":"ci","lifetime_seconds":3600,"scopes":["sql"],"autoscope_enabled":true}"#;
    assert_eq!(serde_json::to_string(&request).unwrap(), wire);
    assert_eq!(
        serde_json::from_str::<CreateTokenRequest>(wire).unwrap(),
        request
    );
}

#[test]
fn create_request_with_no_field_is_an_empty_object() {
    assert_eq!(
        serde_json::to_string(&CreateTokenRequest::new()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::from_str::<CreateTokenRequest>("{}").unwrap(),
        CreateTokenRequest::new()
    );
}

#[test]
fn create_request_sends_zero_and_empty_values_that_were_set() {
    let request = CreateTokenRequest::new()
        .with_lifetime_seconds(0)
        .with_scopes(Vec::<String>::new())
        .with_autoscope_enabled(false);
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"lifetime_seconds":0,"scopes":[],"autoscope_enabled":false}"#
    );
}

#[test]
fn create_request_reads_lifetime_seconds_as_a_string() {
    let request: CreateTokenRequest =
        serde_json::from_str(r#"{"lifetime_seconds": "86400"}"#).unwrap();
    assert_eq!(request.lifetime_seconds, Some(86_400));
}

#[test]
fn create_request_keeps_unknown_fields_on_round_trip() {
    let wire = json!({"comment": "ci", "new_option": {"a": 1}});
    let request: CreateTokenRequest = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(request.extra["new_option"]["a"], 1);
    assert_eq!(serde_json::to_value(&request).unwrap(), wire);
}

#[test]
fn delete_request_matches_the_wire() {
    let request = DeleteTokenRequest::new("ab12");
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"token_id":"ab12"}"#
    );
    assert_eq!(
        serde_json::from_str::<DeleteTokenRequest>(r#"{"token_id":"ab12"}"#).unwrap(),
        request
    );
}

#[test]
fn delete_request_without_token_id_is_refused() {
    assert!(serde_json::from_str::<DeleteTokenRequest>("{}").is_err());
}

#[test]
fn delete_request_keeps_unknown_fields_on_round_trip() {
    let wire = json!({"token_id": "ab12", "reason": "rotated"});
    let request: DeleteTokenRequest = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&request).unwrap(), wire);
}

#[test]
fn update_request_with_every_field_matches_the_wire() {
    let request = UpdateTokenRequest::new(
        TokenInfo::default()
            .with_comment("renamed")
            .with_scopes(["sql", "authentication"]),
        FieldMask::parse("comment,scopes").unwrap(),
    );
    let wire = concat!(
        r#"{"token":{"comment":"renamed","scopes":["sql","authentication"]},"#,
        r#""update_mask":"comment,scopes"}"#
    );
    assert_eq!(serde_json::to_string(&request).unwrap(), wire);
    assert_eq!(
        serde_json::from_str::<UpdateTokenRequest>(wire).unwrap(),
        request
    );
}

#[test]
fn update_request_with_an_empty_token_still_sends_the_token_object() {
    let request = UpdateTokenRequest::new(TokenInfo::default(), FieldMask::wildcard());
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"token":{},"update_mask":"*"}"#
    );
}

#[test]
fn update_request_keeps_unknown_fields_on_round_trip() {
    let wire = json!({
        "token": {"comment": "x", "token_extra": 1},
        "update_mask": "comment",
        "validate_only": true
    });
    let request: UpdateTokenRequest = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(request.extra["validate_only"], true);
    assert_eq!(serde_json::to_value(&request).unwrap(), wire);
}

#[test]
fn update_request_with_a_malformed_mask_is_refused_with_the_mask_error() {
    let err = serde_json::from_str::<UpdateTokenRequest>(
        r#"{"token": {}, "update_mask": "comment,,scopes"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("path 1 is empty"), "{err}");
}
