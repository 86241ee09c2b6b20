//! The words for the codes the sandbox answers in the engine tests (those tests check the
//! codes; these check what a person reads for them).

use kassa_core::http::TransportKind;

use super::Explain;
use crate::i18n::{Lang, set_language};

fn payconiq(status: u16, code: &str) -> kassa_core::payconiq::Error {
    kassa_core::payconiq::Error::Api(kassa_core::payconiq::error::ApiFailure {
        status,
        code: Some(code.into()),
        message: None,
        trace_id: Some("t1".into()),
        span_id: Some("s1".into()),
        retry_after: None,
    })
}

fn d24(status: u16, code: u32) -> kassa_core::d24::Error {
    kassa_core::d24::Error::Api(kassa_core::d24::error::ApiFailure {
        status,
        code: Some(code),
        kind: None,
        description: None,
        retry_after: None,
    })
}

#[test]
fn payconiq_codes_in_words() {
    set_language(Lang::En);
    assert_eq!(
        payconiq(422, "PAYMENT_NOT_PENDING").explain(),
        "This payment can no longer be cancelled: the customer already confirmed it.\n\
         · Payconiq PAYMENT_NOT_PENDING · HTTP 422"
    );
    assert!(payconiq(503, "").explain().contains("Payconiq"));
    assert!(
        payconiq(409, "REFUND_REQUEST_CONFLICT")
            .explain()
            .contains("different details")
    );
    assert!(
        payconiq(422, "DEBTOR_IBAN_NOT_AVAILABLE")
            .explain()
            .contains("Try the refund later")
    );
    let timeout = kassa_core::payconiq::Error::Transport {
        kind: TransportKind::Timeout,
        detail: "t".into(),
    };
    assert_ne!(timeout.explain(), payconiq(500, "").explain());
}

/// A refusal reads in the cashier's words; the provider's own (English) text stays out, its
/// code goes in the fine print. (The same in Dutch: `tests/ui/words.rs`, where the language
/// may be switched without racing the other tests.)
#[test]
fn a_provider_refusal_keeps_its_code_in_fine_print() {
    let mut failure = payconiq(400, "FIELD_IS_INVALID");
    if let kassa_core::payconiq::Error::Api(f) = &mut failure {
        f.message = Some("Amount must be positive".into());
    }
    set_language(Lang::En);
    let said = failure.explain();
    let (words, fine) = super::split(&said);
    assert!(words.starts_with("Payconiq refused the request"), "{words}");
    assert!(!said.contains("Amount must be positive"), "{said}");
    assert_eq!(fine, Some("Payconiq FIELD_IS_INVALID · HTTP 400"));
}

#[test]
fn d24_codes_in_words() {
    set_language(Lang::En);
    let words = |e: kassa_core::d24::Error| e.explain();
    assert!(words(d24(400, 802)).contains("more than is left"));
    assert!(words(d24(400, 804)).contains("bank account"));
    assert!(words(d24(404, 208)).contains("no such deposit"));
    assert!(words(d24(401, 102)).contains("secret key"));
    assert_eq!(
        words(kassa_core::d24::Error::Response("<html>".into())),
        "D24 sent an answer Kassa cannot read."
    );
}

#[test]
fn a_journal_error_names_what_to_do() {
    set_language(Lang::En);
    let e = kassa_ledger::journal::JournalError::ShiftMoved(Some(7));
    assert!(e.explain().contains('7'), "{}", e.explain());
}
