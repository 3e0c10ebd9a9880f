//! tokens: manage Databricks personal access tokens from a shell.
fn main() {}
