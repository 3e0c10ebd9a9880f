//! Native HTTPS transport (hyper 1, rustls) and tokio clock for the Databricks Token API client.
