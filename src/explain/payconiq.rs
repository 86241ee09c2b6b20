//! Payconiq's errors in words a cashier can act on, in the current language.

use kassa_core::http::TransportKind;
use kassa_core::payconiq::Error;
use kassa_core::payconiq::error::ApiFailure;

use super::Explain;
use crate::fl;

impl Explain for Error {
    /// A short explanation in the current language, for the screen.
    fn explain(&self) -> String {
        match self {
            Error::Invalid(v) => fl!("error-invalid", detail = v.to_string()),
            Error::Api(f) => {
                super::with_code(explain_code(f), "Payconiq", f.code.clone(), f.status)
            }
            Error::Transport {
                kind: TransportKind::Timeout,
                ..
            } => fl!("error-timeout"),
            Error::Transport { .. } => fl!("error-network"),
            Error::Signature(s) => fl!("error-signature", detail = s.to_string()),
            Error::Response(_) => fl!("error-response"),
            Error::Config(what) => fl!("error-config", detail = what.clone()),
            Error::UnknownOutcome { .. } => fl!("error-unknown-outcome"),
        }
    }
}

fn explain_code(f: &ApiFailure) -> String {
    match f.code.as_deref() {
        Some("PAYMENT_NOT_PENDING") => fl!("error-payment-not-pending"),
        Some("PAYMENT_NOT_FOUND" | "PAYMENT_FOR_REFUND_NOT_FOUND") => {
            fl!("error-payment-not-found")
        }
        Some("PAYMENT_VOIDED") => fl!("error-payment-voided"),
        Some("UNAUTHORIZED") => fl!("error-unauthorized"),
        Some("ACCESS_DENIED") => fl!("error-access-denied"),
        Some("BODY_MISSING" | "FIELD_IS_REQUIRED" | "FIELD_REQUIRED" | "FIELD_IS_INVALID")
        | Some("VALIDATION_ERROR" | "BAD_REQUEST") => fl!("error-rejected-field"),
        Some("INVALID_REFUND_AMOUNT") => fl!("error-invalid-refund-amount"),
        Some("REFUND_REQUEST_CONFLICT") => fl!("error-refund-conflict"),
        Some("DEBTOR_IBAN_NOT_AVAILABLE" | "REFUND_NOT_AVAILABLE") => {
            fl!("error-iban-not-available")
        }
        Some("REFUND_NOT_POSSIBLE") => fl!("error-refund-not-possible"),
        Some("REFUND_NOT_ALLOWED") => fl!("error-refund-not-allowed"),
        Some("REFUND_NOT_FOUND") => fl!("error-refund-not-found"),
        Some("PAYOUT_NOT_FOUND") => fl!("error-payout-not-found"),
        Some("MERCHANT_PROFILE_NOT_FOUND") => fl!("error-profile-not-found"),
        Some("UNABLE_TO_PAY_CREDITOR") => fl!("error-unable-to-pay-creditor"),
        Some("CALLER_NOT_ALLOWED_TO_CANCEL") => fl!("error-not-allowed-to-cancel"),
        _ if f.status == 429 => fl!("error-rate-limited"),
        _ if f.status >= 500 => fl!("error-provider-down"),
        _ => fl!("error-other"),
    }
}
