//! D24's errors in words a manager can act on, in the current language.

use kassa_core::d24::Error;
use kassa_core::d24::error::ApiFailure;
use kassa_core::d24::model::RequestProblem;
use kassa_core::http::TransportKind;

use super::Explain;
use crate::fl;

impl Explain for Error {
    /// A short explanation in the current language.
    fn explain(&self) -> String {
        match self {
            Error::Invalid(p) => explain_problem(p),
            Error::Api(f) => super::with_code(
                explain_code(f),
                "D24",
                f.code.map(|c| c.to_string()).or(f.kind.clone()),
                f.status,
            ),
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
        _ => fl!("d24-error-other"),
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
