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

/// The line beneath a sale's description: where it came from when not from this till, and its
/// reference; whichever is missing is left out.
pub fn sale_note(sale: &crate::history::Sale) -> String {
    use crate::history::Origin;
    let origin = match sale.origin {
        Origin::ThisTill => None,
        Origin::Elsewhere => Some(fl!("today-elsewhere")),
    };
    origin
        .into_iter()
        .chain(sale.reference.clone())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Origin, Sale};

    #[test]
    fn the_note_leaves_out_what_is_missing() {
        crate::i18n::set_language(Lang::En);
        let mut s = Sale {
            at: time::OffsetDateTime::UNIX_EPOCH,
            amount: Money::from_cents(100),
            status: None,
            description: Some(String::new()),
            reference: Some("K1".into()),
            payment_id: Some("id-K1".into()),
            origin: Origin::ThisTill,
        };
        assert_eq!(sale_note(&s), "K1");
        s.origin = Origin::Elsewhere;
        assert_eq!(sale_note(&s), "other till, sticker or invoice · K1");
        s.reference = None;
        assert_eq!(sale_note(&s), "other till, sticker or invoice");
        s.origin = Origin::ThisTill;
        assert_eq!(sale_note(&s), "");
    }
}
