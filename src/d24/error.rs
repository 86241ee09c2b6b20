//! What can go wrong talking to D24, each with words a manager can act on. `Clone`, so it can
//! ride in a UI message.

use crate::fl;
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

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Refused before sending.
    #[error("invalid request: {0:?}")]
    Invalid(RequestProblem),
    #[error("HTTP {}{}{}", .0.status, .0.code.map(|c| format!(" code {c}")).unwrap_or_default(), .0.kind.as_ref().map(|k| format!(" {k}")).unwrap_or_default())]
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

    /// A short explanation in the current language.
    pub fn explain(&self) -> String {
        match self {
            Error::Invalid(p) => explain_problem(p),
            Error::Api(f) => explain_code(f),
            Error::Transport {
                kind: TransportKind::Timeout,
                ..
            } => fl!("d24-error-timeout"),
            Error::Transport { .. } => fl!("d24-error-network"),
            Error::Response(_) => fl!("d24-error-response"),
            Error::Config(what) => fl!("d24-error-config", detail = what.clone()),
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

/// D24's documented codes in plain words: the refund codes (800–805), the common header and
/// request codes (100–103, 200–203) and "not found" (208).
fn explain_code(f: &ApiFailure) -> String {
    match f.code {
        Some(100) => fl!("d24-error-credentials"),
        Some(101) => fl!("d24-error-header"),
        Some(102) => fl!("d24-error-signature"),
        Some(103) => fl!("d24-error-date"),
        Some(200) => fl!("d24-error-method"),
        Some(201) => fl!("d24-error-ip"),
        Some(202) => fl!(
            "d24-error-body",
            detail = f.description.clone().unwrap_or_default()
        ),
        Some(203) => fl!("d24-error-forbidden"),
        Some(208) => fl!("d24-error-not-found"),
        Some(800) => fl!("d24-error-refunds-not-enabled"),
        Some(801) => fl!("d24-error-deposit-not-completed"),
        Some(802) => fl!("d24-error-invalid-amount"),
        Some(803) => fl!("d24-error-insufficient-funds"),
        Some(804) => fl!("d24-error-missing-bank-account"),
        Some(805) => fl!(
            "d24-error-refund-failed",
            detail = f.description.clone().unwrap_or_default()
        ),
        _ if f.status == 429 => fl!("d24-error-rate-limited"),
        _ if f.status >= 500 => fl!("d24-error-provider-down"),
        _ => fl!(
            "d24-error-other",
            status = f.status,
            detail = f.kind.clone().or(f.description.clone()).unwrap_or_default()
        ),
    }
}

fn explain_problem(p: &RequestProblem) -> String {
    let field = match p {
        RequestProblem::CardAmount => return fl!("d24-problem-card-amount"),
        RequestProblem::MissingBankAccount => return fl!("d24-error-missing-bank-account"),
        RequestProblem::DepositId => fl!("d24-field-deposit"),
        RequestProblem::InvoiceId => fl!("d24-field-invoice"),
        RequestProblem::Amount(_) => fl!("d24-field-amount"),
        RequestProblem::Beneficiary => fl!("d24-field-beneficiary"),
        RequestProblem::BankCode => fl!("d24-field-bank-code"),
        RequestProblem::Branch => fl!("d24-field-branch"),
        RequestProblem::AccountNumber => fl!("d24-field-account-number"),
        RequestProblem::DocumentId => fl!("d24-field-document-id"),
        RequestProblem::Comments => fl!("d24-field-comments"),
        RequestProblem::NotificationUrl => fl!("d24-field-notification-url"),
    };
    fl!("d24-problem-field", field = field)
}
