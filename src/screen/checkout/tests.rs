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
    assert_eq!(c.update(Message::Tick), Action::Fetch("p1".into()));
    assert_eq!(
        c.update(Message::Tick),
        Action::None,
        "one request at a time"
    );
    c.update(Message::Fetched(Ok(Box::new(payment(
        PaymentStatus::Identified,
    )))));
    assert_eq!(c.poll_interval(), policy.active);

    let offline = || Error::Transport {
        kind: TransportKind::Connect,
        detail: "down".into(),
    };
    c.update(Message::Fetched(Err(offline())));
    let first = c.poll_interval();
    c.update(Message::Fetched(Err(offline())));
    assert!(c.poll_interval() > first, "backs off");
    assert!(c.is_offline());
    for _ in 0..20 {
        c.update(Message::Fetched(Err(offline())));
    }
    assert_eq!(c.poll_interval(), policy.max_backoff);
    c.update(Message::Fetched(Ok(Box::new(payment(
        PaymentStatus::Succeeded,
    )))));
    assert!(!c.is_offline());
    assert!(!c.is_live(), "no more ticks once final");
    assert_eq!(c.update(Message::Tick), Action::None);
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
    c.update(Message::Fetched(Ok(Box::new(other))));
    assert_eq!(
        c.status(),
        &PaymentStatus::Identified,
        "an answer about another payment is ignored"
    );
}
