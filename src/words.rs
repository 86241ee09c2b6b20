//! What a person reads for the engine's values (status names, amount problems), shared by the
//! screens and the command line. No UI here.

use crate::fl;
use crate::i18n::Lang;
use crate::money::{Money, MoneyError};
use crate::payconiq::model::PaymentStatus;

/// Why an amount cannot be charged, with the limits written as money in `lang`.
pub fn money_problem(e: &MoneyError, lang: Lang) -> String {
    match e {
        MoneyError::Empty => fl!("till-enter-amount"),
        MoneyError::TooSmall => fl!(
            "till-amount-too-small",
            min = Money::from_cents(crate::money::MIN_CENTS).format(lang)
        ),
        MoneyError::TooLarge => fl!(
            "till-amount-too-large",
            max = Money::from_cents(crate::money::MAX_CENTS).format(lang)
        ),
        MoneyError::TooManyDecimals => fl!("till-amount-decimals"),
        MoneyError::InvalidCharacter(_) | MoneyError::Malformed => fl!("till-amount-malformed"),
    }
}

pub fn status_label(status: &PaymentStatus) -> String {
    match status {
        PaymentStatus::Succeeded => fl!("final-paid"),
        PaymentStatus::Cancelled => fl!("final-cancelled"),
        PaymentStatus::Expired => fl!("final-expired"),
        PaymentStatus::AuthorizationFailed => fl!("final-authorization-failed"),
        PaymentStatus::Failed => fl!("final-failed"),
        PaymentStatus::Voided => fl!("final-voided"),
        PaymentStatus::Pending => fl!("step-waiting"),
        PaymentStatus::Identified => fl!("step-scanned"),
        PaymentStatus::Authorized => fl!("step-authorized"),
        PaymentStatus::PendingMerchantAcknowledgement => fl!("checkout-complete"),
        PaymentStatus::Other(s) => s.clone(),
    }
}

/// Why a refund was not sent, checked before anything left.
pub fn refusal(r: &crate::refund::Refusal, lang: Lang) -> String {
    use crate::refund::Refusal;
    match r {
        Refusal::NotPaid(s) => fl!("refund-not-paid", status = status_label(s)),
        Refusal::Nothing => fl!("refund-nothing"),
        Refusal::TooMuch { remaining } => {
            fl!("refund-too-much", remaining = remaining.format(lang))
        }
    }
}
