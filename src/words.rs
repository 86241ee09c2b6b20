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
        PaymentStatus::PendingMerchantAcknowledgement => fl!("status-to-complete"),
        PaymentStatus::Other(s) => s.clone(),
    }
}

/// An IBAN as people read and type it: in groups of four ("BE68 5390 0754 7034"). A masked
/// one (`*************12636`, as payments carry it) stays as the provider wrote it.
pub fn iban_groups(iban: &str) -> String {
    if iban.contains('*') {
        return iban.to_string();
    }
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The customer as a payment names them: name and IBAN (grouped), what is known of each.
pub fn debtor(d: &crate::payconiq::model::Debtor) -> String {
    [d.name.clone(), d.iban.as_deref().map(iban_groups)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
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
    let origin = match (sale.origin, &sale.till) {
        (Origin::ThisTill, _) => None,
        (Origin::Elsewhere, Some(till)) => Some(fl!("history-at-till", till = till.clone())),
        (Origin::Elsewhere, None) => Some(fl!("today-elsewhere")),
    };
    origin
        .into_iter()
        .chain(sale.reference.clone())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Why a period of payouts is not asked for, in words.
pub fn period_problem(p: crate::payouts::PeriodProblem) -> String {
    use crate::payouts::PeriodProblem;
    match p {
        PeriodProblem::Backwards => fl!("history-bad-period"),
        PeriodProblem::TooLong(days) => fl!("payouts-period-too-long", days = days),
        PeriodProblem::TooEarly => fl!("payouts-period-too-early"),
        PeriodProblem::Future => fl!("payouts-period-future"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Origin, Sale};

    #[test]
    fn ibans_read_in_groups_of_four() {
        assert_eq!(iban_groups("BE68539007547034"), "BE68 5390 0754 7034");
        assert_eq!(iban_groups("be68 5390 0754 7034"), "be68 5390 0754 7034");
        assert_eq!(iban_groups("NL91ABNA0417164300"), "NL91 ABNA 0417 1643 00");
        assert_eq!(iban_groups(""), "");
        assert_eq!(iban_groups("*************12636"), "*************12636");
    }

    #[test]
    fn the_note_leaves_out_what_is_missing() {
        crate::i18n::set_language(Lang::En);
        let mut s = Sale {
            at: time::OffsetDateTime::UNIX_EPOCH,
            amount: Money::from_cents(100),
            tip: None,
            status: None,
            description: Some(String::new()),
            reference: Some("K1".into()),
            payment_id: Some("id-K1".into()),
            origin: Origin::ThisTill,
            till: None,
        };
        assert_eq!(sale_note(&s), "K1");
        s.origin = Origin::Elsewhere;
        assert_eq!(sale_note(&s), "other till, sticker or invoice · K1");
        s.till = Some("Terras".into());
        assert_eq!(sale_note(&s), "till Terras · K1");
        s.till = None;
        s.reference = None;
        assert_eq!(sale_note(&s), "other till, sticker or invoice");
        s.origin = Origin::ThisTill;
        assert_eq!(sale_note(&s), "");
    }
}
