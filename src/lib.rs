//! `databricks-tokens`: a Rust SDK for the Databricks workspace Token API.
//!
//! This facade re-exports the data types of [`tokens_types`] as [`types`].
//!
//! ```
//! use databricks_tokens::types::FieldMask;
//!
//! let mask: FieldMask = "comment".parse()?;
//! assert_eq!(mask.to_string(), "comment");
//! # Ok::<(), databricks_tokens::types::FieldMaskError>(())
//! ```

pub use tokens_types as types;
