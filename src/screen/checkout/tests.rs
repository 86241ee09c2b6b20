use super::*;
use crate::payconiq::error::TransportKind;

fn payment(status: PaymentStatus) -> Payment {
    serde_json::from_value(serde_json::json!({
        "paymentId": "p1", "status": status.as_str(), "amount": 1250,
        "expireAt": "2099-01-01T00:00:00Z"
    }))
    .unwrap()
}

#[test]
fn polls_quickly_while_the_customer_acts_and_backs_off_when_offline() {
    let policy = PollPolicy::default();
    let mut c = Checkout::new(payment(PaymentStatus::Pending), None, Lang::En, policy);
    assert_eq!(c.poll_interval(), policy.waiting);
    assert_eq!(c.update(Message::Poll), Action::Fetch("p1".into()));
    assert_eq!(
        c.update(Message::Poll),
        Action::None,
        "one request at a time"
    );
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Identified))),
    ));
    assert_eq!(c.poll_interval(), policy.active);

    let offline = || Error::Transport {
        kind: TransportKind::Connect,
        detail: "down".into(),
    };
    c.update(Message::Fetched("p1".into(), Err(offline())));
    let first = c.poll_interval();
    c.update(Message::Fetched("p1".into(), Err(offline())));
    assert!(c.poll_interval() > first, "backs off");
    assert!(c.is_offline());
    for _ in 0..20 {
        c.update(Message::Fetched("p1".into(), Err(offline())));
    }
    assert_eq!(c.poll_interval(), policy.max_backoff);
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Succeeded))),
    ));
    assert!(!c.is_offline());
    assert!(!c.is_live(), "no more ticks once final");
    assert_eq!(c.update(Message::Poll), Action::None);
}

#[test]
fn cancel_asks_first_once_scanned_and_ignores_stale_answers() {
    let mut c = Checkout::new(
        payment(PaymentStatus::Identified),
        None,
        Lang::En,
        PollPolicy::immediate(),
    );
    assert_eq!(c.update(Message::Cancel), Action::None);
    assert!(c.confirm_cancel);
    assert_eq!(
        c.update(Message::ConfirmCancel),
        Action::Cancel("p1".into())
    );
    let mut other = payment(PaymentStatus::Cancelled);
    other.payment_id = "another".into();
    c.update(Message::Fetched(
        "another".into(),
        Ok(Box::new(other.clone())),
    ));
    c.update(Message::Fetched("p1".into(), Ok(Box::new(other))));
    assert_eq!(
        c.status(),
        &PaymentStatus::Identified,
        "an answer about another payment is ignored"
    );
}

fn api_error(status: u16, code: &str, retry_after: Option<u32>) -> Error {
    Error::Api(crate::payconiq::error::ApiFailure {
        status,
        code: Some(code.into()),
        message: None,
        trace_id: None,
        span_id: None,
        retry_after,
    })
}

#[test]
fn a_cancel_refused_as_not_pending_claims_nothing_and_reads_the_true_status() {
    crate::i18n::set_language(Lang::En);
    let mut c = Checkout::new(
        payment(PaymentStatus::Pending),
        None,
        Lang::En,
        PollPolicy::immediate(),
    );
    // "Waiting" may be stale: the status is read before the cancel goes.
    assert_eq!(c.update(Message::Cancel), Action::Fetch("p1".into()));
    assert_eq!(
        c.update(Message::Fetched(
            "p1".into(),
            Ok(Box::new(payment(PaymentStatus::Pending)))
        )),
        Action::Cancel("p1".into())
    );
    // The first answer was lost (retried by the client); the retry finds it no longer pending.
    let next = c.update(Message::OpDone(
        "p1".into(),
        Err(api_error(422, "PAYMENT_NOT_PENDING", None)),
    ));
    assert_eq!(next, Action::Fetch("p1".into()), "reads the payment back");
    assert_eq!(c.problem, None, "no claim that the customer confirmed");
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Cancelled))),
    ));
    assert_eq!(c.status(), &PaymentStatus::Cancelled);
    assert_eq!(
        c.cancelled_why(),
        "Nothing was charged.",
        "our cancel or the customer's decline: not claimed either way"
    );
    // An answer for a checkout that is gone is dropped.
    assert_eq!(
        c.update(Message::OpDone("gone".into(), Ok(()))),
        Action::None
    );
}

/// The guide's void table: "422 PAYMENT_NOT_PENDING: Payment is not in a pending or identify
/// state" — what a void whose first answer was lost meets when it is sent again.
#[test]
fn a_void_refused_as_not_pending_claims_nothing_and_reads_the_true_status() {
    crate::i18n::set_language(Lang::En);
    let mut c = Checkout::new(
        payment(PaymentStatus::PendingMerchantAcknowledgement),
        None,
        Lang::En,
        PollPolicy::immediate(),
    );
    assert_eq!(c.update(Message::Void), Action::None, "asks first");
    assert_eq!(c.update(Message::ConfirmVoid), Action::Void("p1".into()));
    let next = c.update(Message::OpDone(
        "p1".into(),
        Err(api_error(422, "PAYMENT_NOT_PENDING", None)),
    ));
    assert_eq!(next, Action::Fetch("p1".into()), "reads the payment back");
    assert_eq!(
        c.problem, None,
        "no error shown for a void that took effect"
    );
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Voided))),
    ));
    assert_eq!(c.status(), &PaymentStatus::Voided);
    assert_eq!(c.problem, None);

    // Completed elsewhere before the void arrived: paid, and said so.
    let mut c = Checkout::new(
        payment(PaymentStatus::PendingMerchantAcknowledgement),
        None,
        Lang::En,
        PollPolicy::immediate(),
    );
    c.update(Message::Void);
    c.update(Message::ConfirmVoid);
    c.update(Message::OpDone(
        "p1".into(),
        Err(api_error(422, "PAYMENT_NOT_PENDING", None)),
    ));
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Succeeded))),
    ));
    assert_eq!(c.status(), &PaymentStatus::Succeeded);
    assert_eq!(
        c.problem.as_deref(),
        Some("The payment was completed before the void arrived: it is paid, not voided.")
    );
}

#[test]
fn polls_at_the_policy_pace_and_honours_retry_after() {
    let policy = PollPolicy::default();
    let mut c = Checkout::new(payment(PaymentStatus::Pending), None, Lang::En, policy);
    assert_eq!(
        c.poll_interval(),
        Duration::from_secs(1),
        "1 request/s while waiting"
    );
    c.update(Message::Poll);
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Identified))),
    ));
    assert_eq!(
        c.poll_interval(),
        Duration::from_millis(500),
        "2 requests/s once scanned"
    );
    c.update(Message::Poll);
    c.update(Message::Fetched(
        "p1".into(),
        Err(api_error(429, "TOO_MANY_REQUESTS", Some(7))),
    ));
    assert_eq!(c.poll_interval(), Duration::from_secs(7));
}

/// No status read overlaps a cancel (polls wait for it), and from the press until the read
/// sent after its answer the screen says it is cancelling: Cancel never comes back meanwhile.
#[test]
fn cancelling_lasts_until_the_read_after_the_answer() {
    let policy = PollPolicy::immediate();
    let mut c = Checkout::new(payment(PaymentStatus::Pending), None, Lang::En, policy);
    assert_eq!(c.update(Message::Cancel), Action::Fetch("p1".into()));
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Pending))),
    ));
    assert_eq!(c.busy_with(), Some(super::Op::Cancel), "the cancel is sent");
    assert_eq!(c.update(Message::Poll), Action::None, "no read overlaps it");
    assert_eq!(
        c.update(Message::OpDone("p1".into(), Ok(()))),
        Action::Fetch("p1".into())
    );
    assert_eq!(
        c.busy_with(),
        Some(super::Op::Cancel),
        "accepted, not read back"
    );
    assert_eq!(c.update(Message::Poll), Action::None);
    c.update(Message::Fetched(
        "p1".into(),
        Ok(Box::new(payment(PaymentStatus::Cancelled))),
    ));
    assert_eq!(c.busy_with(), None);
    assert_eq!(c.status(), &PaymentStatus::Cancelled);
}
