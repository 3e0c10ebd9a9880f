//! Reply bodies of the four endpoints on the wire, as spec §1 describes them.

use serde_json::json;
use tokens_types::{
    CreateTokenResponse, DeleteTokenResponse, Expiry, ListTokensResponse, Secret, Timestamp,
    TokenInfo, UpdateTokenResponse,
};

const SECRET: &str = "dapi0123456789abcdef0123456789abcdef";

#[test]
fn create_response_with_every_field_matches_the_wire() {
    let reply = CreateTokenResponse::new(
        TokenInfo::new("ab12").with_expiry_time(Expiry::Never),
        Secret::new(SECRET),
    );
    let wire = r#"{"token_info":{"token_id":"ab12","expiry_time":-1},"token_value":"dapi0123456789abcdef0123456789abcdef"}"#;
    assert_eq!(serde_json::to_string(&reply).unwrap(), wire);
    assert_eq!(
        serde_json::from_str::<CreateTokenResponse>(wire).unwrap(),
        reply
    );
}

#[test]
fn create_response_with_no_field_is_an_empty_object() {
    let reply: CreateTokenResponse = serde_json::from_str("{}").unwrap();
    assert_eq!(reply, CreateTokenResponse::default());
    assert_eq!(serde_json::to_string(&reply).unwrap(), "{}");
}

#[test]
fn create_response_keeps_unknown_fields_on_round_trip() {
    let wire = json!({"token_info": {"token_id": "ab12"}, "token_value": SECRET, "hint": "x"});
    let reply: CreateTokenResponse = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(reply.extra["hint"], "x");
    assert_eq!(serde_json::to_value(&reply).unwrap(), wire);
}

#[test]
fn list_response_reads_every_token() {
    let wire = r#"{"token_infos":[
        {"token_id":"a","comment":"one","creation_time":1700000000000,"expiry_time":-1},
        {"token_id":"b","creation_time":"1700000000001","expiry_time":"1800000000000",
         "scopes":["sql"],"autoscope_state":"AUTOSCOPE_STATE_RUNNING"}
    ]}"#;
    let reply: ListTokensResponse = serde_json::from_str(wire).unwrap();
    assert_eq!(reply.token_infos.len(), 2);
    assert_eq!(reply.token_infos[0].expiry_time, Some(Expiry::Never));
    assert_eq!(
        reply.token_infos[1].expiry_time,
        Some(Expiry::At(Timestamp::from_millis(1_800_000_000_000)))
    );
}

#[test]
fn list_response_writes_the_exact_wire_json() {
    let reply = ListTokensResponse::new(vec![
        TokenInfo::new("a").with_comment("one"),
        TokenInfo::new("b"),
    ]);
    assert_eq!(
        serde_json::to_string(&reply).unwrap(),
        r#"{"token_infos":[{"token_id":"a","comment":"one"},{"token_id":"b"}]}"#
    );
}

#[test]
fn list_response_without_token_infos_is_empty() {
    let reply: ListTokensResponse = serde_json::from_str("{}").unwrap();
    assert!(reply.token_infos.is_empty());
    assert_eq!(
        serde_json::to_string(&reply).unwrap(),
        r#"{"token_infos":[]}"#
    );
}

#[test]
fn list_response_keeps_unknown_fields_on_round_trip() {
    let wire = json!({"token_infos": [{"token_id": "a", "x": 1}], "next_page_token": "p"});
    let reply: ListTokensResponse = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&reply).unwrap(), wire);
}

#[test]
fn update_and_delete_responses_are_empty_objects() {
    assert_eq!(
        serde_json::to_string(&UpdateTokenResponse::new()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::to_string(&DeleteTokenResponse::new()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::from_str::<UpdateTokenResponse>("{}").unwrap(),
        UpdateTokenResponse::new()
    );
    assert_eq!(
        serde_json::from_str::<DeleteTokenResponse>("{}").unwrap(),
        DeleteTokenResponse::new()
    );
}

#[test]
fn update_and_delete_responses_keep_unknown_fields_on_round_trip() {
    let wire = json!({"status": "done"});
    let update: UpdateTokenResponse = serde_json::from_value(wire.clone()).unwrap();
    let delete: DeleteTokenResponse = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&update).unwrap(), wire);
    assert_eq!(serde_json::to_value(&delete).unwrap(), wire);
}

#[test]
fn create_response_with_null_fields_reads_them_as_absent() {
    let reply: CreateTokenResponse =
        serde_json::from_str(r#"{"token_info": null, "token_value": null}"#).unwrap();
    assert_eq!(reply, CreateTokenResponse::default());
}

#[test]
fn create_response_with_a_repeated_secret_is_refused() {
    let wire = format!(r#"{{"token_value": "{SECRET}", "token_value": "{SECRET}"}}"#);
    let err = serde_json::from_str::<CreateTokenResponse>(&wire).unwrap_err();
    assert!(
        err.to_string().contains("duplicate field `token_value`"),
        "{err}"
    );
}

#[test]
fn create_response_that_is_not_an_object_is_refused() {
    assert!(serde_json::from_str::<CreateTokenResponse>("[]").is_err());
    assert!(serde_json::from_str::<CreateTokenResponse>("\"dapi\"").is_err());
}

#[test]
fn list_response_keeps_unknown_fields_and_refuses_a_repeated_list() {
    let listed: ListTokensResponse =
        serde_json::from_str(r#"{"token_infos": [{"token_id": "a"}], "next": "x"}"#).unwrap();
    assert_eq!(listed.token_infos.len(), 1);
    assert_eq!(listed.extra.get("next"), Some(&serde_json::json!("x")));
    let err =
        serde_json::from_str::<ListTokensResponse>(r#"{"token_infos": [], "token_infos": []}"#)
            .unwrap_err();
    assert!(
        err.to_string().contains("duplicate field `token_infos`"),
        "{err}"
    );
    assert!(serde_json::from_str::<ListTokensResponse>(r#"{"token_infos": null}"#).is_err());
}

#[test]
fn update_and_delete_responses_keep_every_field() {
    let updated: UpdateTokenResponse = serde_json::from_str(r#"{"a": 1}"#).unwrap();
    assert_eq!(updated.extra.get("a"), Some(&serde_json::json!(1)));
    let deleted: DeleteTokenResponse = serde_json::from_str(r#"{"b": [true]}"#).unwrap();
    assert_eq!(deleted.extra.get("b"), Some(&serde_json::json!([true])));
    assert!(serde_json::from_str::<DeleteTokenResponse>("[]").is_err());
}
