//! Configuring and starting an emulator.

use crate::clock::{EmulatorClock, SystemClock};
use crate::credential::{self, Digest};
use crate::emulator::{DEFAULT_USER, Emulator, Shared};
use crate::faults::{FaultPlan, Faults};
use crate::http::CorsPolicy;
use crate::principal::Principal;
use crate::server::RunningEmulator;
use crate::state::{Journal, LifetimeRules, Limits, Registry};
use crate::stats::Stats;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokens_types::Secret;

/// 730 days: the default and maximum token lifetime.
pub const DEFAULT_MAX_LIFETIME: Duration = Duration::from_secs(730 * 24 * 60 * 60);
/// 600 live tokens per user.
pub const DEFAULT_QUOTA_PER_USER: usize = 600;
/// One hour: the lifetime of OAuth access tokens.
pub const DEFAULT_OAUTH_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);

/// Why an emulator could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// A user's secret does not have the shape of a personal access token.
    #[error("user `{0}`: the secret must be `dapi` followed by 32 lowercase hex characters")]
    SecretShape(String),
    /// A service principal has an empty client id or secret.
    #[error("service principal `{0}`: the client id and client secret must not be empty")]
    EmptyClientCredential(String),
    /// Two principals were given the same secret.
    #[error("two principals were given the same secret; each needs its own")]
    SharedSecret,
    /// A setting is out of range.
    #[error("invalid setting: {0}")]
    Setting(String),
    /// The operating system's random generator failed.
    #[error("the operating system's random number generator failed")]
    Randomness,
    /// The data file could not be opened or read.
    #[error("cannot use data file {path}: {reason}")]
    Data {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// The listening socket could not be opened.
    #[error("cannot listen: {0}")]
    Bind(#[source] std::io::Error),
}

/// Configures an [`Emulator`]. Every setting has the real service's default.
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use std::time::Duration;
/// use tokens_emulator::Emulator;
/// use tokens_types::Secret;
///
/// let running = Emulator::builder()
///     .user("alice", Secret::new("dapi0123456789abcdef0123456789abcdef"))
///     .quota_per_user(5)
///     .max_lifetime(Duration::from_secs(3600))
///     .start("127.0.0.1:0")
///     .await?;
/// assert!(running.base_url().starts_with("http://127.0.0.1:"));
/// running.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use]
pub struct EmulatorBuilder {
    users: Vec<(String, Secret)>,
    service_principals: Vec<(String, Secret)>,
    clock: Arc<dyn EmulatorClock>,
    max_lifetime: Duration,
    legacy_never_expire: bool,
    quota_per_user: usize,
    oauth_token_lifetime: Duration,
    cors_origins: Vec<String>,
    faults: FaultPlan,
    control_secret: Option<Secret>,
    data_path: Option<PathBuf>,
}

impl EmulatorBuilder {
    pub(crate) fn new() -> Self {
        EmulatorBuilder {
            users: Vec::new(),
            service_principals: Vec::new(),
            clock: Arc::new(SystemClock),
            max_lifetime: DEFAULT_MAX_LIFETIME,
            legacy_never_expire: false,
            quota_per_user: DEFAULT_QUOTA_PER_USER,
            oauth_token_lifetime: DEFAULT_OAUTH_TOKEN_LIFETIME,
            cors_origins: Vec::new(),
            faults: FaultPlan::new(),
            control_secret: None,
            data_path: None,
        }
    }

    /// Adds a user who authenticates with `secret` (`dapi` + 32 lowercase hex). The secret is
    /// a login credential, not a token: it is never listed, never expires and cannot be
    /// deleted. Without any user, one named [`DEFAULT_USER`] is created with a fresh secret.
    pub fn user(mut self, name: impl Into<String>, secret: Secret) -> Self {
        self.users.push((name.into(), secret));
        self
    }

    /// Adds a service principal that exchanges `client_id` and `client_secret` at
    /// `POST /oidc/v1/token` for short-lived bearer tokens.
    pub fn service_principal(
        mut self,
        client_id: impl Into<String>,
        client_secret: Secret,
    ) -> Self {
        self.service_principals
            .push((client_id.into(), client_secret));
        self
    }

    /// The clock for creation and expiry times (the system clock by default).
    pub fn clock(mut self, clock: Arc<dyn EmulatorClock>) -> Self {
        self.clock = clock;
        self
    }

    /// The longest lifetime a create may ask for, and the lifetime when it asks for none
    /// (730 days by default). Whole seconds count.
    pub fn max_lifetime(mut self, max: Duration) -> Self {
        self.max_lifetime = max;
        self
    }

    /// When set, a create without `lifetime_seconds` makes a token that never expires
    /// (`expiry_time: -1`), as older workspaces did. Off by default.
    pub fn legacy_never_expire(mut self, enabled: bool) -> Self {
        self.legacy_never_expire = enabled;
        self
    }

    /// How many live tokens one principal may hold (600 by default).
    pub fn quota_per_user(mut self, quota: usize) -> Self {
        self.quota_per_user = quota;
        self
    }

    /// The lifetime of OAuth access tokens (one hour by default; whole seconds count).
    pub fn oauth_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.oauth_token_lifetime = lifetime;
        self
    }

    /// Origins allowed to call from a browser (`*` for any). CORS is off when none is given.
    pub fn cors_allowed_origins<I, S>(mut self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.cors_origins
            .extend(origins.into_iter().map(Into::into));
        self
    }

    /// The fault rules to start with.
    pub fn faults(mut self, plan: FaultPlan) -> Self {
        self.faults = plan;
        self
    }

    /// Enables the control endpoint (`/__emulator/…`), guarded by this secret.
    pub fn control_secret(mut self, secret: Secret) -> Self {
        self.control_secret = Some(secret);
        self
    }

    /// Keeps tokens in a SQLite file at `path` (created if missing) instead of only in memory.
    pub fn data_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.data_path = Some(path.into());
        self
    }

    /// Builds the emulator without a socket, for [`Emulator::handle`].
    ///
    /// # Errors
    ///
    /// [`StartError`] for a malformed user secret, an empty client credential, a shared
    /// secret, a zero lifetime, a failing random generator or an unusable data file.
    pub fn build(self) -> Result<Emulator, StartError> {
        self.check()?;
        let journal = match &self.data_path {
            Some(path) => Some(Journal::open(path).map_err(|e| StartError::Data {
                path: path.clone(),
                reason: e.to_string(),
            })?),
            None => None,
        };
        let limits = Limits {
            lifetime: LifetimeRules {
                max_lifetime: self.max_lifetime,
                legacy_never_expire: self.legacy_never_expire,
            },
            quota_per_user: self.quota_per_user,
            oauth_token_lifetime: self.oauth_token_lifetime,
        };
        let registry = Registry::new(limits, Arc::clone(&self.clock), journal).map_err(|e| {
            StartError::Data {
                path: self.data_path.clone().unwrap_or_default(),
                reason: e.to_string(),
            }
        })?;

        let mut users = self.users;
        let mut default_user = None;
        if users.is_empty() {
            let secret = credential::mint_pat().map_err(|_| StartError::Randomness)?;
            users.push((DEFAULT_USER.to_owned(), secret.clone()));
            default_user = Some(secret);
        }
        for (name, secret) in &users {
            registry
                .add_login(Principal::user(name.clone()), secret)
                .map_err(|_| StartError::SharedSecret)?;
        }
        for (client_id, secret) in &self.service_principals {
            registry.add_client(client_id, secret);
        }

        Ok(Emulator {
            shared: Arc::new(Shared {
                registry,
                faults: Faults::new(self.faults),
                stats: Stats::default(),
                cors: CorsPolicy::new(&self.cors_origins),
                control: self.control_secret.map(|s| Digest::of(s.expose_secret())),
                default_user,
                clock: self.clock,
                listen_url: OnceLock::new(),
            }),
        })
    }

    fn check(&self) -> Result<(), StartError> {
        for (name, secret) in &self.users {
            if !secret.is_pat_shaped() {
                return Err(StartError::SecretShape(name.clone()));
            }
        }
        for (client_id, secret) in &self.service_principals {
            if client_id.is_empty() || secret.is_empty() {
                return Err(StartError::EmptyClientCredential(client_id.clone()));
            }
        }
        if self.max_lifetime.as_secs() == 0 {
            return Err(StartError::Setting(
                "max lifetime must be at least one second".into(),
            ));
        }
        if self.oauth_token_lifetime.as_secs() == 0 {
            return Err(StartError::Setting(
                "OAuth token lifetime must be at least one second".into(),
            ));
        }
        if self.control_secret.as_ref().is_some_and(Secret::is_empty) {
            return Err(StartError::Setting(
                "the control secret must not be empty".into(),
            ));
        }
        Ok(())
    }

    /// Builds the emulator and serves it on `addr` (use `"127.0.0.1:0"` for a free port).
    /// When this returns, the socket accepts connections.
    ///
    /// The server runs as tasks of the calling tokio runtime: keep that runtime alive while
    /// clients use it, and on a current-thread runtime do not block it (a blocking client
    /// there would wait for a server that cannot run).
    ///
    /// # Errors
    ///
    /// As [`EmulatorBuilder::build`], plus [`StartError::Bind`] when the address cannot be
    /// bound.
    pub async fn start(
        self,
        addr: impl tokio::net::ToSocketAddrs,
    ) -> Result<RunningEmulator, StartError> {
        let emulator = self.build()?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(StartError::Bind)?;
        RunningEmulator::serve(emulator, listener).map_err(StartError::Bind)
    }
}
