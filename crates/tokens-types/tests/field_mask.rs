//! `FieldMask`: the wire syntax, its errors with path and position, and the per-resource
//! check, plus property tests of the parser.

use proptest::prelude::*;
use tokens_types::{FieldMask, FieldMaskError, TOKEN_UPDATABLE_PATHS};

fn parse_err(mask: &str) -> FieldMaskError {
    FieldMask::parse(mask).expect_err(mask)
}

fn path(text: &str) -> String {
    text.to_owned()
}

#[test]
fn a_valid_mask_keeps_its_paths_in_order_and_displays_as_given() {
    let mask = FieldMask::parse("scopes,comment,token.inner_name").unwrap();
    assert_eq!(
        mask.paths().collect::<Vec<_>>(),
        ["scopes", "comment", "token.inner_name"]
    );
    assert_eq!(mask.to_string(), "scopes,comment,token.inner_name");
}

#[test]
fn from_paths_builds_the_same_mask_as_parse() {
    let built = FieldMask::from_paths(["comment", "scopes"]).unwrap();
    assert_eq!(built, FieldMask::parse("comment,scopes").unwrap());
}

#[test]
fn empty_mask_is_refused() {
    assert_eq!(parse_err(""), FieldMaskError::Empty);
    assert_eq!(
        FieldMask::from_paths(Vec::<String>::new()).unwrap_err(),
        FieldMaskError::Empty
    );
}

#[test]
fn empty_path_is_refused_with_its_position() {
    assert_eq!(
        parse_err("comment,,scopes"),
        FieldMaskError::EmptyPath { position: 1 }
    );
    assert_eq!(
        parse_err(",comment"),
        FieldMaskError::EmptyPath { position: 0 }
    );
    assert_eq!(
        parse_err("comment,"),
        FieldMaskError::EmptyPath { position: 1 }
    );
    assert_eq!(parse_err(","), FieldMaskError::EmptyPath { position: 0 });
}

#[test]
fn white_space_is_refused_with_the_path_and_position() {
    assert_eq!(
        parse_err("comment, scopes"),
        FieldMaskError::Whitespace {
            path: path(" scopes"),
            position: 1
        }
    );
    assert_eq!(
        parse_err("comment\t"),
        FieldMaskError::Whitespace {
            path: path("comment\t"),
            position: 0
        }
    );
    assert_eq!(
        parse_err(" "),
        FieldMaskError::Whitespace {
            path: path(" "),
            position: 0
        }
    );
}

#[test]
fn characters_outside_snake_case_are_refused_with_the_character() {
    assert_eq!(
        parse_err("Comment"),
        FieldMaskError::InvalidCharacter {
            path: path("Comment"),
            position: 0,
            character: 'C'
        }
    );
    assert_eq!(
        parse_err("comment,expiry-time"),
        FieldMaskError::InvalidCharacter {
            path: path("expiry-time"),
            position: 1,
            character: '-'
        }
    );
    assert_eq!(
        parse_err("commént"),
        FieldMaskError::InvalidCharacter {
            path: path("commént"),
            position: 0,
            character: 'é'
        }
    );
}

#[test]
fn empty_segment_between_dots_is_refused() {
    for (mask, bad) in [
        ("token..comment", "token..comment"),
        (".comment", ".comment"),
        ("a,comment.", "comment."),
    ] {
        let err = parse_err(mask);
        assert!(
            matches!(&err, FieldMaskError::EmptySegment { path, .. } if path == bad),
            "{mask}: {err:?}"
        );
    }
}

#[test]
fn element_addressing_is_refused() {
    for (mask, position) in [
        ("scopes[0]", 0),
        ("comment,scopes.0", 1),
        ("scopes.*", 0),
        ("map.key.1abc", 0),
        ("scopes[]", 0),
    ] {
        let err = parse_err(mask);
        assert!(
            matches!(err, FieldMaskError::ElementAddressing { position: p, .. } if p == position),
            "{mask}: {err:?}"
        );
    }
}

#[test]
fn duplicate_path_is_refused_at_its_second_position() {
    assert_eq!(
        parse_err("comment,scopes,comment"),
        FieldMaskError::Duplicate {
            path: path("comment"),
            position: 2
        }
    );
}

#[test]
fn wildcard_mixed_with_other_paths_is_refused() {
    assert_eq!(
        parse_err("*,comment"),
        FieldMaskError::WildcardNotAlone { position: 1 }
    );
    assert_eq!(
        parse_err("comment,*"),
        FieldMaskError::WildcardNotAlone { position: 1 }
    );
}

#[test]
fn wildcard_alone_is_allowed_and_covers_every_path() {
    let mask = FieldMask::parse("*").unwrap();
    assert!(mask.is_wildcard());
    assert_eq!(mask, FieldMask::wildcard());
    assert!(mask.covers("comment") && mask.covers("anything"));
    assert!(mask.validate_for(TOKEN_UPDATABLE_PATHS).is_ok());
}

#[test]
fn error_messages_name_the_path_and_its_position() {
    let text = parse_err("comment,bad-name").to_string();
    assert!(
        text.contains("path 1") && text.contains("`bad-name`") && text.contains('-'),
        "{text}"
    );
    let text = parse_err("comment,comment").to_string();
    assert!(text.contains("path 1 `comment`"), "{text}");
}

#[test]
fn token_masks_accept_only_comment_and_scopes() {
    for ok in ["comment", "scopes", "comment,scopes", "scopes,comment"] {
        let mask = FieldMask::parse(ok).unwrap();
        assert!(mask.validate_for(TOKEN_UPDATABLE_PATHS).is_ok(), "{ok}");
    }
}

#[test]
fn token_masks_refuse_other_paths_with_the_allowed_list() {
    let err = FieldMask::parse("comment,token_id")
        .unwrap()
        .validate_for(TOKEN_UPDATABLE_PATHS)
        .unwrap_err();
    assert_eq!(
        err,
        FieldMaskError::NotUpdatable {
            path: path("token_id"),
            position: 1,
            allowed: path("comment, scopes"),
        }
    );
    for refused in [
        "expiry_time",
        "autoscope_state",
        "comment.inner",
        "unknown_field",
    ] {
        let mask = FieldMask::parse(refused).unwrap();
        assert!(
            mask.validate_for(TOKEN_UPDATABLE_PATHS).is_err(),
            "{refused}"
        );
    }
}

#[test]
fn syntax_check_is_reusable_for_another_resource() {
    let mask = FieldMask::parse("settings.max_lifetime").unwrap();
    assert!(
        mask.validate_for(&["settings.max_lifetime", "name"])
            .is_ok()
    );
    assert!(mask.validate_for(TOKEN_UPDATABLE_PATHS).is_err());
}

#[test]
fn covers_names_exact_paths_only() {
    let mask = FieldMask::parse("comment").unwrap();
    assert!(mask.covers("comment"));
    assert!(!mask.covers("scopes"));
    assert!(!mask.covers("comment.inner"));
}

#[test]
fn mask_is_one_json_string_on_the_wire() {
    let mask = FieldMask::parse("comment,scopes").unwrap();
    assert_eq!(serde_json::to_string(&mask).unwrap(), r#""comment,scopes""#);
    let read: FieldMask = serde_json::from_str(r#""comment,scopes""#).unwrap();
    assert_eq!(read, mask);
    assert!(serde_json::from_str::<FieldMask>(r#"["comment"]"#).is_err());
    assert!(serde_json::from_str::<FieldMask>(r#""""#).is_err());
}

/// A field name: snake_case, not starting with a digit.
fn segment() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,10}"
}

/// A path: one to three names joined by dots.
fn valid_path() -> impl Strategy<Value = String> {
    prop::collection::vec(segment(), 1..4).prop_map(|segments| segments.join("."))
}

/// A syntactically valid mask: distinct paths in any order, or the wildcard alone.
fn valid_mask() -> impl Strategy<Value = String> {
    let paths = prop::collection::btree_set(valid_path(), 1..6)
        .prop_map(|set| set.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
        .prop_map(|paths| paths.join(","));
    prop_oneof![9 => paths, 1 => Just("*".to_owned())]
}

proptest! {
    #[test]
    fn any_valid_mask_survives_parse_display_parse(mask in valid_mask()) {
        let parsed = FieldMask::parse(&mask).unwrap();
        let shown = parsed.to_string();
        prop_assert_eq!(&shown, &mask);
        prop_assert_eq!(FieldMask::parse(&shown).unwrap(), parsed.clone());
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_str::<FieldMask>(&json).unwrap(), parsed);
    }

    #[test]
    fn parser_never_panics_on_arbitrary_strings(mask in any::<String>()) {
        let _ = FieldMask::parse(&mask);
    }

    #[test]
    fn parser_never_panics_on_mask_like_strings(mask in "[a-zA-Z0-9_.,* \\[\\]\t-]{0,40}") {
        match FieldMask::parse(&mask) {
            Ok(parsed) => prop_assert_eq!(parsed.to_string(), mask),
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
