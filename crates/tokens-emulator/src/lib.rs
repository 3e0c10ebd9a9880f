//! A local Databricks Token API server for development, tests and demos.
