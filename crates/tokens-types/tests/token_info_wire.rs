//! `PublicTokenInfo` (`TokenInfo`) on the wire, as spec §1 describes it.

use serde_json::json;
use tokens_types::{AutoscopeState, Expiry, Timestamp, TokenInfo};

const ID: &str = "5684c955822ac792a51ae2aeb80fa6e8a5db5a9ce70ddb3b9e5ab2c98a69e2d2";

fn every_field() -> TokenInfo {
    TokenInfo::new(ID)
        .with_comment("ci pipeline")
        .with_creation_time(Timestamp::from_millis(1_700_000_000_000))
        .with_expiry_time(Expiry::At(Timestamp::from_millis(1_763_072_000_000)))
        .with_scopes(["sql", "unity-catalog:read"])
        .with_autoscope_state(AutoscopeState::Completed)
        .with_inferred_scopes(vec!["sql".to_owned()])
        .with_backfill_scopes(vec!["authentication".to_owned()])
        .with_last_accessed_time(Timestamp::from_millis(1_700_000_500_000))
}

const EVERY_FIELD_WIRE: &str = concat!(
    r#"{"token_id":"5684c955822ac792a51ae2aeb80fa6e8a5db5a9ce70ddb3b9e5ab2c98a69e2d2","#,
    r#""comment":"ci pipeline","creation_time":1700000000000,"expiry_time":1763072000000,"#,
    r#""scopes":["sql","unity-catalog:read"],"autoscope_state":"AUTOSCOPE_STATE_COMPLETED","#,
    r#""inferred_scopes":["sql"],"backfill_scopes":["authentication"],"#,
    r#""last_accessed_time":1700000500000}"#
);

#[test]
fn every_field_serializes_to_the_exact_wire_json() {
    assert_eq!(
        serde_json::to_string(&every_field()).unwrap(),
        EVERY_FIELD_WIRE
    );
}

#[test]
fn every_field_decodes_from_the_wire_json() {
    let info: TokenInfo = serde_json::from_str(EVERY_FIELD_WIRE).unwrap();
    assert_eq!(info, every_field());
}

#[test]
fn no_field_set_is_an_empty_object_both_ways() {
    assert_eq!(serde_json::to_string(&TokenInfo::default()).unwrap(), "{}");
    let info: TokenInfo = serde_json::from_str("{}").unwrap();
    assert_eq!(info, TokenInfo::default());
}

#[test]
fn null_fields_read_as_absent() {
    let info: TokenInfo = serde_json::from_str(
        r#"{"token_id": null, "comment": null, "creation_time": null, "expiry_time": null,
            "scopes": null, "autoscope_state": null, "last_accessed_time": null}"#,
    )
    .unwrap();
    assert_eq!(info, TokenInfo::default());
}

#[test]
fn unknown_fields_are_kept_and_written_back() {
    let wire = json!({
        "token_id": "ab12",
        "owner_id": 42,
        "workspace": {"id": "w1", "tags": ["a"]},
        "future_flag": true
    });
    let info: TokenInfo = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(info.extra["owner_id"], 42);
    assert_eq!(info.extra["workspace"]["tags"][0], "a");
    assert_eq!(serde_json::to_value(&info).unwrap(), wire);
}

#[test]
fn int64_fields_accept_numeric_strings() {
    let info: TokenInfo = serde_json::from_str(
        r#"{"creation_time": "1700000000000", "expiry_time": "1763072000000",
            "last_accessed_time": "1700000500000"}"#,
    )
    .unwrap();
    assert_eq!(
        info.creation_time,
        Some(Timestamp::from_millis(1_700_000_000_000))
    );
    assert_eq!(
        info.expiry_time,
        Some(Expiry::At(Timestamp::from_millis(1_763_072_000_000)))
    );
    assert_eq!(
        info.last_accessed_time,
        Some(Timestamp::from_millis(1_700_000_500_000))
    );
}

#[test]
fn int64_fields_are_written_as_json_numbers() {
    let info = TokenInfo::default().with_creation_time(Timestamp::from_millis(i64::MAX));
    assert_eq!(
        serde_json::to_string(&info).unwrap(),
        r#"{"creation_time":9223372036854775807}"#
    );
}

#[test]
fn int64_fields_refuse_non_integers() {
    for bad in [
        r#"{"creation_time": "soon"}"#,
        r#"{"creation_time": 1.5}"#,
        r#"{"creation_time": "9223372036854775808"}"#,
        r#"{"creation_time": 9223372036854775808}"#,
        r#"{"creation_time": true}"#,
    ] {
        assert!(serde_json::from_str::<TokenInfo>(bad).is_err(), "{bad}");
    }
}

#[test]
fn expiry_minus_one_means_never_and_is_written_back_as_minus_one() {
    for wire in [r#"{"expiry_time": -1}"#, r#"{"expiry_time": "-1"}"#] {
        let info: TokenInfo = serde_json::from_str(wire).unwrap();
        assert_eq!(info.expiry_time, Some(Expiry::Never));
        assert_eq!(
            serde_json::to_string(&info).unwrap(),
            r#"{"expiry_time":-1}"#
        );
    }
}

#[test]
fn unknown_autoscope_state_decodes_and_is_written_back_unchanged() {
    let wire = r#"{"autoscope_state":"AUTOSCOPE_STATE_SOMETHING_NEW"}"#;
    let info: TokenInfo = serde_json::from_str(wire).unwrap();
    assert_eq!(
        info.autoscope_state,
        Some(AutoscopeState::Unknown(
            "AUTOSCOPE_STATE_SOMETHING_NEW".to_owned()
        ))
    );
    assert_eq!(serde_json::to_string(&info).unwrap(), wire);
}

#[test]
fn every_known_autoscope_state_reads_as_its_variant() {
    let known = [
        (
            "AUTOSCOPE_STATE_API_NOT_COVERED",
            AutoscopeState::ApiNotCovered,
        ),
        ("AUTOSCOPE_STATE_BACKFILLED", AutoscopeState::Backfilled),
        ("AUTOSCOPE_STATE_COMPLETED", AutoscopeState::Completed),
        ("AUTOSCOPE_STATE_DISABLED", AutoscopeState::Disabled),
        ("AUTOSCOPE_STATE_RUNNING", AutoscopeState::Running),
        (
            "AUTOSCOPE_STATE_USER_SELECTED",
            AutoscopeState::UserSelected,
        ),
    ];
    for (wire, state) in known {
        let read: AutoscopeState = serde_json::from_value(json!(wire)).unwrap();
        assert_eq!(read, state);
        assert_eq!(serde_json::to_value(&state).unwrap(), json!(wire));
    }
}

#[test]
fn token_id_is_a_plain_string_on_the_wire() {
    let info = TokenInfo::new("not-hex");
    assert_eq!(
        serde_json::to_string(&info).unwrap(),
        r#"{"token_id":"not-hex"}"#
    );
    assert!(!info.token_id.unwrap().is_well_formed());
}

#[test]
fn a_repeated_known_field_is_refused_even_after_a_null() {
    for body in [
        r#"{"comment": "a", "comment": "b"}"#,
        r#"{"comment": null, "comment": "b"}"#,
    ] {
        let err = serde_json::from_str::<TokenInfo>(body).unwrap_err();
        assert!(
            err.to_string().contains("duplicate field `comment`"),
            "{err}"
        );
    }
}

#[test]
fn field_names_with_escapes_are_read_like_plain_ones() {
    let info: TokenInfo =
        serde_json::from_str(r#"{"token\u005fid": "ab12", "n\u00e9w": 1}"#).unwrap();
    assert_eq!(
        info.token_id.as_ref().map(tokens_types::TokenId::as_str),
        Some("ab12")
    );
    assert_eq!(info.extra.get("n\u{e9}w"), Some(&json!(1)));
}

#[test]
fn a_repeated_unknown_field_keeps_its_last_value() {
    let info: TokenInfo = serde_json::from_str(r#"{"future": 1, "future": 2}"#).unwrap();
    assert_eq!(info.extra.get("future"), Some(&json!(2)));
}

#[test]
fn a_token_info_must_be_an_object() {
    assert!(serde_json::from_str::<TokenInfo>(r#"["ab12"]"#).is_err());
}
