//! Where requests go and the headers every request carries.

use crate::{Error, UserAgent, normalize_host};
use http::{HeaderValue, Uri};

/// The path of the list endpoint.
pub(crate) const LIST_PATH: &str = "/api/2.0/token/list";
/// The path of the create endpoint.
pub(crate) const CREATE_PATH: &str = "/api/2.0/token/create";
/// The path of the delete endpoint.
pub(crate) const DELETE_PATH: &str = "/api/2.0/token/delete";

/// The workspace a client talks to: its base URL, the optional workspace id header and the
/// `User-Agent`.
///
/// ```
/// use tokens_core::Endpoint;
///
/// let endpoint = Endpoint::new("adb-1.azuredatabricks.net/")?.with_workspace_id("1234")?;
/// assert_eq!(endpoint.base_url(), "https://adb-1.azuredatabricks.net");
/// assert_eq!(endpoint.url("/api/2.0/token/list"), "https://adb-1.azuredatabricks.net/api/2.0/token/list");
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Endpoint {
    base_url: String,
    workspace_id: Option<HeaderValue>,
    user_agent: UserAgent,
    user_agent_header: HeaderValue,
    fixed: FixedUris,
}

/// The URIs of the endpoints whose path never changes, parsed once: cloning a parsed `Uri`
/// shares its bytes, where formatting and parsing it again for every request cost about a
/// fifth of a call's own work. `None` when the base URL does not parse as a URI; requests
/// then fail as they are built, as they would without this cache.
#[derive(Debug, Clone)]
struct FixedUris {
    list: Option<Uri>,
    create: Option<Uri>,
    delete: Option<Uri>,
}

impl FixedUris {
    fn new(base_url: &str) -> Self {
        let parse = |path: &str| Uri::try_from(format!("{base_url}{path}")).ok();
        FixedUris {
            list: parse(LIST_PATH),
            create: parse(CREATE_PATH),
            delete: parse(DELETE_PATH),
        }
    }
}

impl Endpoint {
    /// An endpoint for `host`, normalised by [`normalize_host`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when the host is not a usable URL.
    pub fn new(host: &str) -> Result<Self, Error> {
        let user_agent = UserAgent::new();
        let base_url = normalize_host(host)?;
        Ok(Endpoint {
            fixed: FixedUris::new(&base_url),
            base_url,
            workspace_id: None,
            user_agent_header: user_agent.to_header_value(),
            user_agent,
        })
    }

    /// Sends `X-Databricks-Workspace-Id: <id>` on every request.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when `id` is empty or not printable
    /// ASCII.
    pub fn with_workspace_id(mut self, id: &str) -> Result<Self, Error> {
        let valid = !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic());
        let value = HeaderValue::from_str(id)
            .ok()
            .filter(|_| valid)
            .ok_or_else(|| {
                Error::config(format!("workspace id `{}` is not valid", id.escape_debug()))
            })?;
        self.workspace_id = Some(value);
        Ok(self)
    }

    /// Replaces the `User-Agent`.
    #[must_use]
    pub fn with_user_agent(mut self, user_agent: UserAgent) -> Self {
        self.user_agent_header = user_agent.to_header_value();
        self.user_agent = user_agent;
        self
    }

    /// The normalised base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The workspace id header value, if configured.
    pub fn workspace_id(&self) -> Option<&HeaderValue> {
        self.workspace_id.as_ref()
    }

    /// The `User-Agent`.
    pub fn user_agent(&self) -> &UserAgent {
        &self.user_agent
    }

    pub(crate) fn user_agent_header(&self) -> &HeaderValue {
        &self.user_agent_header
    }

    /// The parsed URI of `path` (which starts with `/`): a shared copy for the fixed paths,
    /// parsed anew for others.
    ///
    /// # Errors
    ///
    /// The parse error when the URL is not a valid URI.
    pub(crate) fn uri(&self, path: &str) -> Result<Uri, http::Error> {
        let cached = match path {
            LIST_PATH => self.fixed.list.as_ref(),
            CREATE_PATH => self.fixed.create.as_ref(),
            DELETE_PATH => self.fixed.delete.as_ref(),
            _ => None,
        };
        match cached {
            Some(uri) => Ok(uri.clone()),
            None => Ok(Uri::try_from(self.url(path))?),
        }
    }
}
