//! Browser and WASM transport (global fetch) and clock for the Databricks Token API client.
