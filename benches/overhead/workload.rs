//! What one operation is, on each side of the comparison.

use crate::raw::RawClient;
use databricks_tokens::Client;
use databricks_tokens::types::{
    CreateTokenRequest, CreateTokenResponse, DeleteTokenResponse, ListTokensResponse, TokenId,
};
use std::fmt;

/// The measured operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Workload {
    /// One `list` call.
    List,
    /// A `create` then a `delete` of the token it made: one operation, two calls.
    CreateDelete,
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Workload::List => "list",
            Workload::CreateDelete => "create+delete",
        })
    }
}

/// One side of the comparison: the same calls through raw hyper or through the SDK.
#[derive(Clone)]
pub(crate) enum Side {
    /// Side A, the physical limit: bytes only, nothing decoded.
    Raw {
        /// Lists the lister's tokens.
        lister: RawClient,
        /// Creates and deletes the creator's tokens.
        creator: RawClient,
    },
    /// A reference between A and B: bare hyper, each reply decoded into the same models
    /// with serde_json, as a hand-written client without layers would.
    RawDecoded {
        /// Lists the lister's tokens.
        lister: RawClient,
        /// Creates and deletes the creator's tokens.
        creator: RawClient,
    },
    /// Side B: the default stack (retry, rate limit, timeout, auth) over hyper.
    Stack {
        /// Lists the lister's tokens.
        lister: Client,
        /// Creates and deletes the creator's tokens.
        creator: Client,
        /// The body of every create.
        create: CreateTokenRequest,
    },
}

impl Side {
    /// The name printed in the results.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Side::Raw { .. } => "raw hyper",
            Side::RawDecoded { .. } => "raw+serde",
            Side::Stack { .. } => "client",
        }
    }

    /// Runs one operation of `workload`.
    pub(crate) async fn run(&self, workload: Workload) -> Result<(), String> {
        match (self, workload) {
            (Side::Raw { lister, .. }, Workload::List) => lister.list().await.map(drop),
            (Side::Raw { creator, .. }, Workload::CreateDelete) => {
                let id = creator.create().await?;
                creator.delete(&id).await.map(drop)
            }
            (Side::RawDecoded { lister, .. }, Workload::List) => {
                serde_json::from_slice::<ListTokensResponse>(&lister.list().await?)
                    .map(drop)
                    .map_err(|err| err.to_string())
            }
            (Side::RawDecoded { creator, .. }, Workload::CreateDelete) => {
                let reply = creator.create_reply().await?;
                let created: CreateTokenResponse =
                    serde_json::from_slice(&reply).map_err(|err| err.to_string())?;
                let id = created
                    .token_info
                    .and_then(|info| info.token_id)
                    .ok_or("the create reply has no token id")?;
                let reply = creator.delete(id.as_str()).await?;
                serde_json::from_slice::<DeleteTokenResponse>(&reply)
                    .map(drop)
                    .map_err(|err| err.to_string())
            }
            (Side::Stack { lister, .. }, Workload::List) => {
                lister.list().await.map(drop).map_err(|err| err.to_string())
            }
            (
                Side::Stack {
                    creator, create, ..
                },
                Workload::CreateDelete,
            ) => {
                let created = creator
                    .create(create.clone())
                    .await
                    .map_err(|err| err.to_string())?;
                let id: TokenId = created
                    .token_info
                    .and_then(|info| info.token_id)
                    .ok_or("the create reply has no token id")?;
                creator.delete(&id).await.map_err(|err| err.to_string())
            }
        }
    }
}
