//! A D24 refund's status in the words the Refund screen and `kassa d24` both use.

use super::model::RefundStatus;
use crate::fl;

/// What `status` means for the shop, with D24's reason where it gave one.
pub fn status_words(status: &RefundStatus, reason: Option<&str>) -> String {
    match status {
        RefundStatus::Completed => fl!("d24-status-completed"),
        RefundStatus::Rejected => fl!("d24-status-rejected", reason = sentence(reason)),
        RefundStatus::Cancelled => fl!("d24-status-cancelled"),
        RefundStatus::Delivered => fl!("d24-status-delivered"),
        RefundStatus::IncorrectDetails => fl!("d24-status-incorrect-details"),
        RefundStatus::Pending | RefundStatus::Unknown => fl!("d24-status-pending"),
    }
}

/// D24's reason as a sentence of its own (its texts often end without a full stop); none
/// when it gave none.
fn sentence(reason: Option<&str>) -> String {
    let r = reason.unwrap_or_default().trim();
    match r.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?') => r.to_string(),
        Some(_) => format!("{r}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_a_sentence_of_its_own() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        let said = status_words(
            &RefundStatus::Rejected,
            Some("The beneficiary's bank account does not exist"),
        );
        assert!(said.contains("does not exist. The money"), "{said}");
        let said = status_words(&RefundStatus::Rejected, Some("Closed account."));
        assert!(said.contains("Closed account. The money"), "{said}");
    }
}
