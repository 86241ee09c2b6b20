//! One error type for everything the client can run into. `Clone`, so it can ride in a UI
//! message; the app puts each variant into words a cashier can act on.

use std::fmt;

use super::jws::SignatureError;
use super::model::ErrorBody;
use super::validate::ValidationError;

/// An error response from the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiFailure {
    pub status: u16,
    pub code: Option<String>,
    pub message: Option<String>,
    pub trace_id: Option<String>,
    pub span_id: Option<String>,
    /// `Retry-After` in seconds, when the answer (usually a 429 or 503) gave one.
    pub retry_after: Option<u32>,
}

impl ApiFailure {
    pub fn from_body(status: u16, body: ErrorBody) -> Self {
        ApiFailure {
            status,
            code: body.code,
            message: body.message,
            trace_id: body.trace_id,
            span_id: body.span_id,
            retry_after: None,
        }
    }
}

pub use crate::http::TransportKind;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Refused before sending: a field breaks the API's rules.
    #[error("invalid request: {0}")]
    Invalid(#[from] ValidationError),
    #[error("{0}")]
    Api(ApiFailure),
    #[error("network problem ({kind:?}): {detail}")]
    Transport { kind: TransportKind, detail: String },
    /// A response or callback whose signature failed. Its content was not used.
    #[error("signature rejected: {0}")]
    Signature(#[from] SignatureError),
    /// A 2xx response we could not read.
    #[error("unreadable response: {0}")]
    Response(String),
    /// The account lacks something this call needs (e.g. a signing key for refunds).
    #[error("not configured: {0}")]
    Config(String),
    /// A create-payment whose outcome stayed unknown after searching its reference.
    #[error("payment outcome unknown (reference {reference:?})")]
    UnknownOutcome { reference: Option<String> },
}

impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(trace) = &self.trace_id {
            write!(f, " (traceId {trace}")?;
            if let Some(span) = &self.span_id {
                write!(f, ", spanId {span}")?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

impl Error {
    /// The API's error code, if the API answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(f) => f.code.as_deref(),
            _ => None,
        }
    }

    /// How long the provider asked us to wait before trying again.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            Error::Api(f) => f
                .retry_after
                .map(|s| std::time::Duration::from_secs(u64::from(s))),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(f) => Some(f.status),
            _ => None,
        }
    }

    /// For a create-payment: whether the payment may exist although no answer said so
    /// (timeout, dropped connection, 5xx, an answer we could not trust).
    pub fn may_have_created(&self) -> bool {
        match self {
            Error::Transport { kind, .. } => *kind != TransportKind::Connect,
            Error::Api(f) => f.status >= 500,
            // A 2xx whose signature or body failed: the payment exists, but we may not trust
            // the answer; searching gives a verified record.
            Error::Signature(_) | Error::Response(_) => true,
            Error::UnknownOutcome { .. } => true,
            _ => false,
        }
    }

    /// Whether trying again later may work (network trouble, rate limits, provider outages).
    pub fn is_transient(&self) -> bool {
        crate::http::Failure::is_transient(self)
    }
}

impl crate::http::Failure for Error {
    fn status(&self) -> Option<u16> {
        Error::status(self)
    }
    fn transport(&self) -> Option<TransportKind> {
        match self {
            Error::Transport { kind, .. } => Some(*kind),
            _ => None,
        }
    }
    fn retry_after(&self) -> Option<std::time::Duration> {
        Error::retry_after(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, code: &str) -> Error {
        Error::Api(ApiFailure {
            status,
            code: Some(code.into()),
            message: None,
            trace_id: Some("t1".into()),
            span_id: Some("s1".into()),
            retry_after: None,
        })
    }

    #[test]
    fn transience_and_trace_ids() {
        assert!(api(429, "X").is_transient());
        assert!(!api(422, "PAYMENT_NOT_PENDING").is_transient());
        assert!(
            api(422, "PAYMENT_NOT_PENDING")
                .to_string()
                .contains("traceId t1, spanId s1")
        );
    }
}
