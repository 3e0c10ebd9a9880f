//! The secret never shows: not in `Debug` or `Display` of any type that holds it, and not in
//! an error message.

use proptest::prelude::*;
use tokens_types::{CreateTokenResponse, ErrorBody, Secret, TokenInfo};

const SECRET: &str = "dapi0123456789abcdef0123456789abcdef";

fn create_reply() -> CreateTokenResponse {
    CreateTokenResponse::new(
        TokenInfo::new("ab12").with_comment("ci"),
        Secret::new(SECRET),
    )
}

#[test]
fn secret_debug_and_display_show_only_prefix_and_last_four() {
    let secret = Secret::new(SECRET);
    assert_eq!(secret.to_string(), "dapi…cdef");
    assert_eq!(format!("{secret:?}"), "Secret(dapi…cdef)");
    assert_eq!(format!("{secret:#?}"), "Secret(dapi…cdef)");
}

#[test]
fn secret_is_read_only_through_expose_secret() {
    assert_eq!(Secret::new(SECRET).expose_secret(), SECRET);
}

#[test]
fn short_or_non_token_secrets_are_fully_redacted() {
    for value in [
        "",
        "x",
        "dapi",
        "dapi0123456789abcdef",
        "hunter2-is-my-password-ok",
        "dapi0123456789abcdefé0123456789",
    ] {
        let secret = Secret::new(value);
        assert_eq!(secret.to_string(), "[redacted]", "{value}");
        assert_eq!(format!("{secret:?}"), "Secret([redacted])", "{value}");
    }
}

#[test]
fn create_response_debug_does_not_show_the_secret() {
    let shown = format!("{:?} {:#?}", create_reply(), create_reply());
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains("dapi…cdef"));
}

#[test]
fn create_response_still_serializes_the_secret_for_the_wire() {
    let wire = serde_json::to_string(&create_reply()).unwrap();
    assert!(wire.contains(SECRET));
}

#[test]
fn secrets_compare_by_value() {
    assert_eq!(Secret::new(SECRET), Secret::new(SECRET.to_owned()));
    assert_ne!(
        Secret::new(SECRET),
        Secret::new("dapi0123456789abcdef0123456789abcdee")
    );
    assert_ne!(Secret::new(SECRET), Secret::new("dapi"));
}

#[test]
fn pat_shape_is_recognised() {
    assert!(Secret::new(SECRET).is_pat_shaped());
    assert!(!Secret::new("dapi0123456789ABCDEF0123456789abcdef").is_pat_shaped());
    assert!(!Secret::new("dapi0123").is_pat_shaped());
    assert!(!Secret::new("dapi0123456789abcdef0123456789abcdé").is_pat_shaped());
}

#[test]
fn decoding_errors_of_a_create_reply_do_not_show_the_secret() {
    for wire in [
        format!(r#"{{"token_value": "{SECRET}", "token_info": {{"creation_time": "soon"}}}}"#),
        format!(r#"{{"token_value": "{SECRET}", "token_info": 5}}"#),
        format!(r#"{{"token_value": "{SECRET}", "token_info": {{"scopes": "sql"}}}}"#),
        format!(r#"{{"token_value": "{SECRET}""#),
        format!(r#"{{"token_value": ["{SECRET}"]}}"#),
    ] {
        let err = serde_json::from_str::<CreateTokenResponse>(&wire).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
}

#[test]
fn error_body_hides_a_secret_that_a_server_echoes() {
    let bodies = [
        format!(r#"{{"error_code": "INVALID_STATE", "message": "token {SECRET} is bad"}}"#),
        format!(r#"{{"error": "bad token {SECRET}"}}"#),
        format!(r#"{{"detail": "{SECRET}", "status": "401"}}"#),
        format!("UNAUTHENTICATED: Bearer {SECRET}"),
        format!("<html><pre>Authorization: Bearer {SECRET}</pre></html>"),
        format!("<html><title>{SECRET}</title></html>"),
        format!("plain echo of {SECRET} here"),
        format!(r#"{{"unexpected": "{SECRET}"}}"#),
    ];
    for body in bodies {
        let parsed = ErrorBody::parse(401, body.as_bytes());
        let shown = format!("{parsed} {parsed:?}");
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains("0123456789abcdef0123"), "{shown}");
        assert!(shown.contains("dapi…[redacted]"), "{shown}");
    }
}

#[test]
fn error_body_hides_oauth_access_tokens_and_bearer_credentials_that_a_proxy_echoes() {
    let jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzcCIsImV4cCI6MTcwMDAwMDAwMH0.c2ln";
    let opaque = "Zm9vYmFyYmF6cXV4MTIzNDU2";
    let bodies = [
        format!(r#"{{"error": "invalid_token", "error_description": "token {jwt} expired"}}"#),
        format!("<html><pre>Authorization: Bearer {jwt}</pre></html>"),
        format!("Authorization: Bearer {opaque}"),
        format!(r#"{{"message": "authorization: bearer {opaque}"}}"#),
    ];
    for body in bodies {
        let parsed = ErrorBody::parse(401, body.as_bytes());
        let shown = format!("{parsed} {parsed:?}");
        assert!(!shown.contains("eyJzdWIi"), "{shown}");
        assert!(!shown.contains(opaque), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
}

#[test]
fn error_body_cut_at_its_length_limit_does_not_leave_part_of_a_secret() {
    // The secret straddles the 1,024-character limit of a message.
    let body = format!("{}{SECRET}", "x".repeat(1_010));
    let parsed = ErrorBody::parse(500, body.as_bytes());
    assert!(!parsed.message.contains("dapi0123"), "{}", parsed.message);
}

proptest! {
    #[test]
    fn secret_display_is_a_redaction_never_the_value(value in ".{0,64}") {
        let secret = Secret::new(value.clone());
        let shown = secret.to_string();
        let tail: String = value.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
        let hinted = value.starts_with("dapi") && value.len() >= 24 && value.is_ascii();
        if hinted {
            prop_assert_eq!(&shown, &format!("dapi…{tail}"));
        } else {
            prop_assert_eq!(&shown, "[redacted]");
        }
        prop_assert_eq!(format!("{secret:?}"), format!("Secret({shown})"));
    }

    #[test]
    fn jwt_never_appears_in_an_error_message(
        before in "[a-zA-Z0-9 .,:]{0,40}",
        header in "[A-Za-z0-9_-]{10,40}",
        payload in "[A-Za-z0-9_-]{10,200}",
        signature in "[A-Za-z0-9_-]{0,80}",
        after in "[ ,;][a-zA-Z0-9 .,:]{0,40}",
    ) {
        let jwt = format!("eyJ{header}.{payload}.{signature}");
        let parsed = ErrorBody::parse(401, format!("{before}{jwt}{after}").as_bytes());
        prop_assert!(!parsed.message.contains(&payload), "{}", parsed.message);
    }

    #[test]
    fn bearer_credential_never_appears_in_an_error_message(
        before in "[a-zA-Z0-9 .,:]{0,40}",
        credential in "[A-Za-z0-9._~+/-]{8,60}[0-9][A-Za-z0-9._~+/-]{7,60}=*",
        after in "([ ,;][a-zA-Z0-9 .,:]{0,40})?",
    ) {
        let body = format!("{before} Bearer {credential}{after}");
        let parsed = ErrorBody::parse(401, body.as_bytes());
        prop_assert!(!parsed.message.contains(&credential), "{}", parsed.message);
    }

    #[test]
    fn token_shaped_secret_never_appears_in_debug_of_a_create_reply(hex in "[0-9a-f]{32}") {
        let value = format!("dapi{hex}");
        let reply = CreateTokenResponse::new(TokenInfo::new("id"), Secret::new(value.clone()));
        let shown = format!("{reply:?} {}", reply.token_value.as_ref().unwrap());
        prop_assert!(!shown.contains(&value));
        prop_assert!(!shown.contains(&hex[..28]));
    }
}
