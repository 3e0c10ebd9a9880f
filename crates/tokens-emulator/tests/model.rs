//! Model-based test: random create, list, update, delete and clock moves by two users, driven
//! in-process, checked after every step against a plain model of the rules in §5.

use bytes::Bytes;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use tokens_emulator::{Emulator, ManualClock};
use tokens_types::{Secret, Timestamp};

const USERS: [&str; 2] = [
    "dapi00000000000000000000000000000a11",
    "dapi00000000000000000000000000000b0b",
];
const QUOTA: usize = 4;
const MAX_LIFETIME_S: i64 = 300;
const START_MS: i64 = 1_700_000_000_000;

#[derive(Debug, Clone)]
enum Op {
    Create {
        user: usize,
        lifetime: Option<i64>,
        comment: Option<String>,
    },
    List {
        user: usize,
    },
    Update {
        user: usize,
        target: usize,
        mask: &'static str,
        comment: Option<String>,
        scopes: Option<Vec<String>>,
    },
    Delete {
        user: usize,
        target: usize,
    },
    Advance {
        seconds: u64,
    },
}

fn comment() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        "[a-z ]{0,12}".prop_map(Some),
        Just(Some("x".repeat(255))),
        Just(Some("y".repeat(256))),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0..2_usize;
    prop_oneof![
        3 => (user.clone(), prop_oneof![Just(None), (-2..=MAX_LIFETIME_S + 2).prop_map(Some)], comment())
            .prop_map(|(user, lifetime, comment)| Op::Create { user, lifetime, comment }),
        2 => user.clone().prop_map(|user| Op::List { user }),
        2 => (
            user.clone(),
            0..16_usize,
            prop::sample::select(vec!["comment", "scopes", "comment,scopes", "*", "token_id", "", "comment,comment"]),
            comment(),
            prop_oneof![Just(None), prop::collection::vec("[a-z]{1,5}", 0..3).prop_map(Some)],
        )
            .prop_map(|(user, target, mask, comment, scopes)| Op::Update { user, target, mask, comment, scopes }),
        2 => (user, 0..16_usize).prop_map(|(user, target)| Op::Delete { user, target }),
        1 => (0..200_u64).prop_map(|seconds| Op::Advance { seconds }),
    ]
}

/// The rules, written out plainly.
#[derive(Debug, Clone)]
struct ModelToken {
    id: String,
    owner: usize,
    created: i64,
    expiry: i64,
    comment: Option<String>,
    scopes: Option<Vec<String>>,
    deleted: bool,
}

#[derive(Debug, Default)]
struct Model {
    now: i64,
    tokens: Vec<ModelToken>,
}

impl Model {
    fn live(&self, user: usize) -> Vec<&ModelToken> {
        self.tokens
            .iter()
            .filter(|t| t.owner == user && !t.deleted && t.expiry > self.now)
            .collect()
    }

    fn target_id(&self, target: usize) -> String {
        if self.tokens.is_empty() {
            "0".repeat(64)
        } else {
            self.tokens[target % self.tokens.len()].id.clone()
        }
    }

    fn live_index(&self, user: usize, id: &str) -> Option<usize> {
        self.tokens
            .iter()
            .position(|t| t.id == id && t.owner == user && !t.deleted && t.expiry > self.now)
    }
}

fn comment_ok(comment: Option<&String>) -> bool {
    comment.is_none_or(|c| c.chars().count() <= 255)
}

struct Harness {
    emulator: Emulator,
    clock: ManualClock,
}

impl Harness {
    async fn send(
        &self,
        user: usize,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let request = http::Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", format!("Bearer {}", USERS[user]))
            .body(body.map_or_else(Bytes::new, |b| Bytes::from(b.to_string())))
            .expect("request");
        let response = self
            .emulator
            .handle(request)
            .await
            .expect("no faults configured");
        let status = response.status().as_u16();
        let json: Value = serde_json::from_slice(response.body()).expect("every reply is JSON");
        (status, json)
    }

    async fn check_lists(&self, model: &Model) -> Result<(), TestCaseError> {
        for user in 0..2 {
            let (status, json) = self.send(user, "GET", "/api/2.0/token/list", None).await;
            prop_assert_eq!(status, 200);
            let listed = json["token_infos"].as_array().cloned().unwrap_or_default();
            let expected: Vec<Value> = model
                .live(user)
                .iter()
                .map(|t| {
                    let mut info = json!({
                        "token_id": t.id, "creation_time": t.created, "expiry_time": t.expiry,
                    });
                    if let Some(c) = &t.comment {
                        info["comment"] = json!(c);
                    }
                    if let Some(s) = &t.scopes {
                        info["scopes"] = json!(s);
                    }
                    info
                })
                .collect();
            prop_assert_eq!(listed, expected);
        }
        Ok(())
    }

    async fn apply(&self, model: &mut Model, op: Op) -> Result<(), TestCaseError> {
        match op {
            Op::Advance { seconds } => {
                self.clock.advance(Duration::from_secs(seconds));
                model.now += i64::try_from(seconds).unwrap() * 1000;
            }
            Op::List { user } => {
                let (status, _) = self.send(user, "GET", "/api/2.0/token/list", None).await;
                prop_assert_eq!(status, 200);
            }
            Op::Create {
                user,
                lifetime,
                comment,
            } => self.create(model, user, lifetime, comment).await?,
            Op::Delete { user, target } => self.delete(model, user, target).await?,
            Op::Update {
                user,
                target,
                mask,
                comment,
                scopes,
            } => {
                self.update(model, user, target, mask, comment, scopes)
                    .await?;
            }
        }
        self.check_lists(model).await
    }

    async fn create(
        &self,
        model: &mut Model,
        user: usize,
        lifetime: Option<i64>,
        comment: Option<String>,
    ) -> Result<(), TestCaseError> {
        let mut body = json!({});
        if let Some(l) = lifetime {
            body["lifetime_seconds"] = json!(l);
        }
        if let Some(c) = &comment {
            body["comment"] = json!(c);
        }
        let (status, json) = self
            .send(user, "POST", "/api/2.0/token/create", Some(body))
            .await;
        let lifetime_ok = lifetime.is_none_or(|l| (1..=MAX_LIFETIME_S).contains(&l));
        if !lifetime_ok || !comment_ok(comment.as_ref()) {
            prop_assert_eq!(
                (status, json["error_code"].clone()),
                (400, json!("INVALID_PARAMETER_VALUE"))
            );
        } else if model.live(user).len() >= QUOTA {
            prop_assert_eq!(
                (status, json["error_code"].clone()),
                (400, json!("QUOTA_EXCEEDED"))
            );
        } else {
            prop_assert_eq!(status, 200);
            let id = json["token_info"]["token_id"].as_str().unwrap().to_owned();
            model.tokens.push(ModelToken {
                id,
                owner: user,
                created: model.now,
                expiry: model.now + lifetime.unwrap_or(MAX_LIFETIME_S) * 1000,
                comment,
                scopes: None,
                deleted: false,
            });
        }
        Ok(())
    }

    async fn delete(
        &self,
        model: &mut Model,
        user: usize,
        target: usize,
    ) -> Result<(), TestCaseError> {
        let id = model.target_id(target);
        let (status, json) = self
            .send(
                user,
                "POST",
                "/api/2.0/token/delete",
                Some(json!({ "token_id": id })),
            )
            .await;
        if let Some(index) = model.live_index(user, &id) {
            prop_assert_eq!(status, 200);
            model.tokens[index].deleted = true;
        } else {
            prop_assert_eq!(
                (status, json["error_code"].clone()),
                (404, json!("RESOURCE_DOES_NOT_EXIST"))
            );
        }
        Ok(())
    }

    async fn update(
        &self,
        model: &mut Model,
        user: usize,
        target: usize,
        mask: &str,
        comment: Option<String>,
        scopes: Option<Vec<String>>,
    ) -> Result<(), TestCaseError> {
        let id = model.target_id(target);
        let mut token = json!({});
        if let Some(c) = &comment {
            token["comment"] = json!(c);
        }
        if let Some(s) = &scopes {
            token["scopes"] = json!(s);
        }
        let body = json!({ "token": token, "update_mask": mask });
        let (status, json) = self
            .send(user, "PATCH", &format!("/api/2.0/token/{id}"), Some(body))
            .await;
        let mask_ok = ["comment", "scopes", "comment,scopes", "*"].contains(&mask);
        let sets_comment = mask.contains("comment") || mask == "*";
        let sets_scopes = mask.contains("scopes") || mask == "*";
        if !mask_ok || (sets_comment && !comment_ok(comment.as_ref())) {
            prop_assert_eq!(
                (status, json["error_code"].clone()),
                (400, json!("INVALID_PARAMETER_VALUE"))
            );
        } else if let Some(index) = model.live_index(user, &id) {
            prop_assert_eq!(status, 200);
            if sets_comment {
                model.tokens[index].comment = comment;
            }
            if sets_scopes {
                model.tokens[index].scopes = scopes;
            }
        } else {
            prop_assert_eq!(
                (status, json["error_code"].clone()),
                (404, json!("NOT_FOUND"))
            );
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn emulator_follows_the_model(ops in prop::collection::vec(op(), 1..40)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let clock = ManualClock::new(Timestamp::from_millis(START_MS));
            let emulator = Emulator::builder()
                .user("alice", Secret::new(USERS[0]))
                .user("bob", Secret::new(USERS[1]))
                .clock(Arc::new(clock.clone()))
                .quota_per_user(QUOTA)
                .max_lifetime(Duration::from_secs(MAX_LIFETIME_S.unsigned_abs()))
                .build()
                .unwrap();
            let harness = Harness { emulator, clock };
            let mut model = Model { now: START_MS, tokens: Vec::new() };
            for op in ops {
                harness.apply(&mut model, op).await?;
            }
            Ok::<(), TestCaseError>(())
        })?;
    }
}
