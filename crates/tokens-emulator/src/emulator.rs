//! The emulator itself, usable in-process without a socket.

use crate::builder::EmulatorBuilder;
use crate::clock::EmulatorClock;
use crate::credential::{self, Digest};
use crate::faults::Faults;
use crate::http::{CorsPolicy, Outcome, dispatch};
use crate::principal::Principal;
use crate::state::Registry;
use crate::stats::Stats;
use bytes::Bytes;
use http::{Request, Response};
use http_body_util::Full;
use std::fmt;
use std::sync::{Arc, OnceLock};
use tokens_types::Secret;

/// The name of the user created when none is configured.
pub const DEFAULT_USER: &str = "emulator-user";

/// The state every connection shares.
pub(crate) struct Shared {
    pub(crate) registry: Registry,
    pub(crate) faults: Faults,
    pub(crate) stats: Stats,
    pub(crate) cors: CorsPolicy,
    /// Digest of the control secret; the control endpoint exists only when set.
    pub(crate) control: Option<Digest>,
    pub(crate) default_user: Option<Secret>,
    pub(crate) clock: Arc<dyn EmulatorClock>,
    /// `http://HOST:PORT` once listening.
    pub(crate) listen_url: OnceLock<String>,
}

impl Shared {
    /// The emulator's own base URL (`http://localhost` when not listening on a socket).
    pub(crate) fn base_url(&self) -> String {
        self.listen_url
            .get()
            .cloned()
            .unwrap_or_else(|| "http://localhost".to_owned())
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared")
            .field("persistent", &self.registry.is_persistent())
            .field("cors", &self.cors)
            .field("control_enabled", &self.control.is_some())
            .field("listen_url", &self.listen_url.get())
            .finish_non_exhaustive()
    }
}

/// A Token API emulator. Cheap to clone; clones share all state.
///
/// Serve it on a socket with [`EmulatorBuilder::start`], or call it in-process with
/// [`Emulator::handle`] (what fast tests do).
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use bytes::Bytes;
/// use tokens_emulator::Emulator;
///
/// let emulator = Emulator::builder().build()?;
/// let secret = emulator.default_user_secret().expect("no user was configured");
/// let request = http::Request::get("/api/2.0/token/list")
///     .header("authorization", format!("Bearer {}", secret.expose_secret()))
///     .body(Bytes::new())?;
/// let response = emulator.handle(request).await?;
/// assert_eq!(response.status(), 200);
/// assert_eq!(response.body().as_ref(), b"{}");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Emulator {
    pub(crate) shared: Arc<Shared>,
}

/// The emulator closed the connection without answering, as a fault rule told it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the emulator closed the connection without answering (injected fault)")]
pub struct ConnectionDropped;

/// A user could not be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddUserError {
    /// The operating system's random generator failed.
    #[error("the operating system's random number generator failed")]
    Randomness,
    /// The secret is already another principal's.
    #[error("this secret already belongs to another principal")]
    SharedSecret,
}

impl Emulator {
    /// A builder with the defaults of the real service.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::new()
    }

    /// Serves one request in-process, exactly as a connection would, faults included.
    ///
    /// # Errors
    ///
    /// [`ConnectionDropped`] when a fault rule closes the connection instead of answering.
    pub async fn handle(
        &self,
        request: Request<Bytes>,
    ) -> Result<Response<Bytes>, ConnectionDropped> {
        match dispatch(&self.shared, request.map(Full::new)).await {
            Outcome::Reply(response) => Ok(response),
            Outcome::Close => Err(ConnectionDropped),
        }
    }

    /// The fault rules in force; push rules to change behaviour at run time.
    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Request counters.
    pub fn stats(&self) -> &Stats {
        &self.shared.stats
    }

    /// How many live tokens `principal` holds.
    pub fn token_count(&self, principal: &Principal) -> usize {
        self.shared.registry.token_count(principal)
    }

    /// The clock the emulator reads.
    pub fn clock(&self) -> &Arc<dyn EmulatorClock> {
        &self.shared.clock
    }

    /// The secret of [`DEFAULT_USER`], created because no user was configured; `None` when
    /// users were configured.
    pub fn default_user_secret(&self) -> Option<&Secret> {
        self.shared.default_user.as_ref()
    }

    /// Adds a user named `name` with a fresh secret and returns the secret. Adding a name
    /// that exists gives that user one more credential.
    ///
    /// # Errors
    ///
    /// [`AddUserError::Randomness`] if the random generator fails.
    pub fn add_user(&self, name: &str) -> Result<Secret, AddUserError> {
        let secret = credential::mint_pat().map_err(|_| AddUserError::Randomness)?;
        self.add_user_with_secret(name, &secret)?;
        Ok(secret)
    }

    /// Adds a user named `name` who authenticates with `secret`.
    ///
    /// # Errors
    ///
    /// [`AddUserError::SharedSecret`] if another principal already has this secret.
    pub fn add_user_with_secret(&self, name: &str, secret: &Secret) -> Result<(), AddUserError> {
        self.shared
            .registry
            .add_login(Principal::user(name), secret)
            .map_err(|_| AddUserError::SharedSecret)
    }
}
