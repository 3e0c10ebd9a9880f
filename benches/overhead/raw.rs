//! Side A: a bare hyper-util client sending the same HTTP requests as the SDK, with no
//! layers. It reads each body whole; decoding is up to the caller (the bytes-only side finds
//! the id of a created token by a byte search).

use bytes::Bytes;
use databricks_tokens::types::{CreateTokenRequest, Secret};
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use std::sync::Arc;

/// The same `User-Agent` length class as the SDK's, so both sides send similar bytes.
const RAW_USER_AGENT: &str = "databricks-tokens-rust/0.1.0 raw-hyper-bench os/linux";

/// A pooled hyper-util client and the pieces of every request, made once.
#[derive(Clone)]
pub(crate) struct RawClient {
    client: Client<HttpConnector, Full<Bytes>>,
    shared: Arc<Prepared>,
}

struct Prepared {
    list_url: String,
    create_url: String,
    delete_url: String,
    authorization: HeaderValue,
    create_body: Bytes,
}

impl RawClient {
    /// A client for `base_url` authenticating with `secret`, the `create` body of `create`.
    pub(crate) fn new(
        base_url: &str,
        secret: &Secret,
        create: &CreateTokenRequest,
    ) -> Result<RawClient, String> {
        let mut authorization =
            HeaderValue::from_str(&format!("Bearer {}", secret.expose_secret()))
                .map_err(|_| "the secret is not a header value".to_owned())?;
        authorization.set_sensitive(true);
        let create_body = serde_json::to_vec(create).map_err(|err| err.to_string())?;

        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .build(connector);
        Ok(RawClient {
            client,
            shared: Arc::new(Prepared {
                list_url: format!("{base_url}/api/2.0/token/list"),
                create_url: format!("{base_url}/api/2.0/token/create"),
                delete_url: format!("{base_url}/api/2.0/token/delete"),
                authorization,
                create_body: Bytes::from(create_body),
            }),
        })
    }

    /// `GET /api/2.0/token/list`; the body is read whole.
    pub(crate) async fn list(&self) -> Result<Bytes, String> {
        self.send(Method::GET, &self.shared.list_url, None).await
    }

    /// `POST /api/2.0/token/create`, returning the new token's id.
    pub(crate) async fn create(&self) -> Result<String, String> {
        let reply = self.create_reply().await?;
        token_id(&reply).ok_or_else(|| "the create reply has no token_id".to_owned())
    }

    /// `POST /api/2.0/token/create`, returning the reply body.
    pub(crate) async fn create_reply(&self) -> Result<Bytes, String> {
        let body = Some(self.shared.create_body.clone());
        self.send(Method::POST, &self.shared.create_url, body).await
    }

    /// `POST /api/2.0/token/delete` of token `id`, returning the reply body.
    pub(crate) async fn delete(&self, id: &str) -> Result<Bytes, String> {
        let body = Bytes::from(format!(r#"{{"token_id":"{id}"}}"#));
        self.send(Method::POST, &self.shared.delete_url, Some(body))
            .await
    }

    async fn send(&self, method: Method, url: &str, body: Option<Bytes>) -> Result<Bytes, String> {
        let mut builder = Request::builder()
            .method(method)
            .uri(url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, HeaderValue::from_static(RAW_USER_AGENT))
            .header(AUTHORIZATION, self.shared.authorization.clone());
        if body.is_some() {
            builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        let request = builder
            .body(Full::new(body.unwrap_or_default()))
            .map_err(|err| err.to_string())?;

        let response = self
            .client
            .request(request)
            .await
            .map_err(|err| err.to_string())?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|err| err.to_string())?
            .to_bytes();
        if status == StatusCode::OK {
            Ok(body)
        } else {
            Err(format!("status {status}"))
        }
    }
}

/// The value of the first `"token_id":"…"` in a compact JSON reply.
fn token_id(reply: &[u8]) -> Option<String> {
    const KEY: &[u8] = br#""token_id":""#;
    let start = reply.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let len = reply[start..].iter().position(|&b| b == b'"')?;
    String::from_utf8(reply[start..start + len].to_vec()).ok()
}
