//! What can go wrong talking to D24, as data the app puts into words a manager can act on. `Clone`, so it can
//! ride in a UI message.

use crate::http::TransportKind;

use super::model::{ErrorBody, RequestProblem};

/// An error answer from D24.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiFailure {
    pub status: u16,
    /// D24's own number (802, 804, 208…).
    pub code: Option<u32>,
    /// Its name (`INVALID_AMOUNT_TO_REFUND`…).
    pub kind: Option<String>,
    pub description: Option<String>,
    pub retry_after: Option<u32>,
}

/// "HTTP 401 code 102 INVALID_SIGNATURE: Signature already used…": D24's own words after its
/// numbers (they say which of several causes it was), without control characters and cut
/// short, as the answer is not ours.
impl std::fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(c) = self.code {
            write!(f, " code {c}")?;
        }
        if let Some(k) = &self.kind {
            write!(f, " {k}")?;
        }
        if let Some(d) = self.description.as_deref().filter(|d| !d.trim().is_empty()) {
            let said: String = d.chars().filter(|c| !c.is_control()).take(200).collect();
            write!(f, ": {}", said.trim())?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Refused before sending.
    #[error("invalid request: {0:?}")]
    Invalid(RequestProblem),
    #[error("{}", .0)]
    Api(ApiFailure),
    #[error("network problem ({kind:?}): {detail}")]
    Transport { kind: TransportKind, detail: String },
    /// A success answer we could not read.
    #[error("unreadable response: {0}")]
    Response(String),
    /// The account lacks something (login, secret key, base URL).
    #[error("not configured: {0}")]
    Config(String),
}

impl ApiFailure {
    pub fn from_body(status: u16, body: ErrorBody, retry_after: Option<u32>) -> ApiFailure {
        ApiFailure {
            status,
            code: body.code,
            kind: body.kind,
            description: body.description,
            retry_after,
        }
    }
}

impl Error {
    /// D24's error number, when it answered with one.
    pub fn code(&self) -> Option<u32> {
        match self {
            Error::Api(f) => f.code,
            _ => None,
        }
    }

    /// Whether the refund may exist although no answer said so: the request may have been
    /// processed (timeout, broken connection, 5xx, an unreadable success). Such a request is
    /// re-sent with the same idempotency key, never given up on silently.
    pub fn may_have_created(&self) -> bool {
        match self {
            Error::Transport { kind, .. } => *kind != TransportKind::Connect,
            Error::Api(f) => f.status >= 500,
            Error::Response(_) => true,
            _ => false,
        }
    }
}

impl crate::http::Failure for Error {
    fn status(&self) -> Option<u16> {
        match self {
            Error::Api(f) => Some(f.status),
            _ => None,
        }
    }

    fn transport(&self) -> Option<TransportKind> {
        match self {
            Error::Transport { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            Error::Api(f) => f
                .retry_after
                .map(|s| std::time::Duration::from_secs(u64::from(s))),
            _ => None,
        }
    }
}
