//! Refunds as the manager makes them, against the sandbox over real HTTP with a real journal
//! file: partial and repeated refunds up to the amount paid, an over-refund refused before
//! anything is sent, a refund whose answers are all dropped re-sent after a restart with the
//! same key (exactly one refund made), and statuses followed to REFUNDED and to FAILED.

use kassa_core::money::Money;
use kassa_core::payconiq::AuthMode;
use kassa_core::payconiq::model::RefundStatus;
use kassa_ledger::journal::{Journal, RefundEvent};
use kassa_ledger::refund::{self, RefundError, Refusal};
use kassa_sandbox::testing::*;
use kassa_sandbox::{Fault, FaultKind};

fn euros(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn refund_posts(sandbox: &kassa_sandbox::Sandbox) -> usize {
    sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/refunds"))
        .count()
}

#[tokio::test]
async fn partial_and_repeated_refunds_up_to_the_amount_paid_and_no_further() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let p = paid(&sandbox, &client, 1000, 250).await;

    let first = refund::request(
        &client,
        &journal,
        &p,
        &[],
        euros(500),
        Some("Retour".into()),
    )
    .await
    .unwrap();
    assert_eq!(first.status, RefundStatus::Pending);
    let known = journal.refunds_for(&p.payment_id).await.unwrap();
    assert_eq!(refund::refundable(&p, &known).remaining, euros(750));
    refund::request(&client, &journal, &p, &known, euros(750), None)
        .await
        .unwrap();
    let known = journal.refunds_for(&p.payment_id).await.unwrap();
    let balance = refund::refundable(&p, &known);
    assert_eq!(
        (balance.refunded, balance.remaining),
        (euros(1250), euros(0))
    );

    // One cent more is refused here, before anything leaves.
    let posts = refund_posts(&sandbox);
    let err = refund::request(&client, &journal, &p, &known, euros(1), None)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        RefundError::Refused(Refusal::TooMuch {
            remaining: euros(0)
        })
    );
    assert_eq!(refund_posts(&sandbox), posts, "nothing was sent");
    assert_eq!(sandbox.refunds_of(&p.payment_id).len(), 2);
}

#[tokio::test]
async fn a_refund_whose_answers_were_lost_is_made_exactly_once_after_a_restart() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let p = paid(&sandbox, &client, 2000, 0).await;
    {
        let journal = Journal::open(&path).unwrap();
        // The sandbox makes the refund, then drops the connection: every retry too.
        sandbox.inject(Fault::new("refund-create", FaultKind::Drop, Some(20)));
        let err = refund::request(&client, &journal, &p, &[], euros(800), None)
            .await
            .unwrap_err();
        assert!(matches!(err, RefundError::Unknown { .. }), "{err:?}");
        // The till is killed here.
    }
    sandbox.clear_faults();
    let journal = Journal::open(&path).unwrap();
    let open = journal.open_refunds().await.unwrap();
    assert_eq!(open.len(), 1);
    assert!(open[0].unanswered());
    assert!(matches!(
        open[0].last,
        Some((_, RefundEvent::Unknown { .. }))
    ));
    // An unanswered refund holds its amount: no second refund of the same money is offered.
    assert_eq!(refund::refundable(&p, &open).remaining, euros(1200));

    // What the till does at start-up: send it again with its own key.
    assert_eq!(refund::recover(&client, &journal).await.unwrap(), 1);
    let at_provider = sandbox.refunds_of(&p.payment_id);
    assert_eq!(at_provider.len(), 1, "exactly one refund: {at_provider:?}");
    assert_eq!(at_provider[0].amount, euros(800));
    let known = journal.refunds_for(&p.payment_id).await.unwrap();
    assert_eq!(
        known[0].refund_id.as_deref(),
        Some(at_provider[0].refund_id.as_str())
    );
    // Sending it once more (a second crash) still makes no second refund.
    let again = refund::resume(&client, &journal, &known[0]).await.unwrap();
    assert_eq!(again.refund_id, at_provider[0].refund_id);
    assert_eq!(sandbox.refunds_of(&p.payment_id).len(), 1);
}

#[tokio::test]
async fn refund_statuses_are_followed_to_refunded_and_to_failed() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();

    let p = paid(&sandbox, &client, 900, 0).await;
    refund::request(&client, &journal, &p, &[], euros(900), None)
        .await
        .unwrap();
    let entry = journal.refunds_for(&p.payment_id).await.unwrap().remove(0);
    let mut status = RefundStatus::Pending;
    for _ in 0..100 {
        status = refund::follow(&client, &journal, &entry)
            .await
            .unwrap()
            .status;
        if status != RefundStatus::Pending {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(status, RefundStatus::Refunded);
    let entry = journal.refunds_for(&p.payment_id).await.unwrap().remove(0);
    assert_eq!(entry.status(), Some(&RefundStatus::Refunded));
    assert!(journal.open_refunds().await.unwrap().is_empty(), "settled");

    let q = paid(&sandbox, &client, 400, 0).await;
    let made = refund::request(&client, &journal, &q, &[], euros(400), None)
        .await
        .unwrap();
    sandbox.fail_refund(&made.refund_id).unwrap();
    let entry = journal.refunds_for(&q.payment_id).await.unwrap().remove(0);
    let followed = refund::follow(&client, &journal, &entry).await.unwrap();
    assert_eq!(followed.status, RefundStatus::Failed);
    let known = journal.refunds_for(&q.payment_id).await.unwrap();
    assert_eq!(
        refund::refundable(&q, &known).remaining,
        euros(400),
        "a failed refund gives the amount back to refund"
    );
}

#[tokio::test]
async fn business_refusals_are_recorded_and_not_resent() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let p = paid(&sandbox, &client, 300, 0).await;
    sandbox.inject(Fault::new(
        "refund-create",
        FaultKind::Status { status: 422 },
        Some(1),
    ));
    let err = refund::request(&client, &journal, &p, &[], euros(100), None)
        .await
        .unwrap_err();
    assert!(matches!(err, RefundError::Api(_)), "{err:?}");
    assert!(
        journal.open_refunds().await.unwrap().is_empty(),
        "refused: not re-sent"
    );
    let known = journal.refunds_for(&p.payment_id).await.unwrap();
    assert_eq!(refund::refundable(&p, &known).remaining, euros(300));
}

#[tokio::test]
async fn a_refund_waiting_for_the_customers_account_is_kept_as_a_reminder() {
    let cfg = kassa_sandbox::SandboxConfig {
        iban_delay: time::Duration::hours(1),
        ..kassa_sandbox::SandboxConfig::for_tests()
    };
    let (sandbox, client) = setup_with(AuthMode::ApiKey, cfg).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let p = paid(&sandbox, &client, 600, 0).await;
    let err = refund::request(&client, &journal, &p, &[], euros(600), None)
        .await
        .unwrap_err();
    let RefundError::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.code(), Some("DEBTOR_IBAN_NOT_AVAILABLE"));
    let reminders = journal.refunds_to_retry().await.unwrap();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].payment_id, p.payment_id);
    // Nothing was made, so the whole amount is still refundable.
    let known = journal.refunds_for(&p.payment_id).await.unwrap();
    assert_eq!(refund::refundable(&p, &known).remaining, euros(600));
    // Asking again (here refused again) replaces the reminder rather than adding one.
    let _ = refund::request(&client, &journal, &p, &known, euros(600), None).await;
    assert_eq!(journal.refunds_to_retry().await.unwrap().len(), 1);
}

/// One request per refund at a time: two look-ups that both find it unanswered (two screens,
/// a screen and a command) send it once; the other is told it is on its way.
#[tokio::test]
async fn an_unanswered_refund_is_sent_again_once_however_many_ask() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let p = paid(&sandbox, &client, 1000, 0).await;
    sandbox.inject(Fault::new("refund-create", FaultKind::Drop, Some(4)));
    let Err(RefundError::Unknown { key, .. }) =
        refund::request(&client, &journal, &p, &[], euros(300), None).await
    else {
        panic!("a dropped answer is unclear");
    };
    let entry = journal.refund_by_key(&key).await.unwrap().unwrap();
    sandbox.clear_faults();
    sandbox.inject(Fault::new(
        "refund-create",
        FaultKind::Latency { ms: 400 },
        Some(1),
    ));
    let posts = refund_posts(&sandbox);
    // The second asks through its own handle on the file, as a command beside the till does.
    let other = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let (a, b) = tokio::join!(
        refund::resume(&client, &journal, &entry),
        refund::resume(&client, &other, &entry)
    );
    let results = [a, b];
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        results
            .iter()
            .any(|r| matches!(r, Err(RefundError::InFlight)))
    );
    assert_eq!(refund_posts(&sandbox), posts + 1, "one request went out");
    assert_eq!(sandbox.refunds_of(&p.payment_id).len(), 1);

    // Unanswered for more than a day, the key may be forgotten: not sent again, flagged to
    // check by hand, in the history's reminders and the X report.
    journal
        .record_refund_request(kassa_ledger::journal::RefundRequest {
            key: "asked-yesterday".into(),
            payment_id: p.payment_id.clone(),
            amount: euros(100),
            description: None,
            account: kassa_ledger::journal::SANDBOX.into(),
            at: time::OffsetDateTime::now_utc() - time::Duration::hours(25),
        })
        .await
        .unwrap();
    let old = journal
        .refund_by_key("asked-yesterday")
        .await
        .unwrap()
        .unwrap();
    // The X report finds it even when nobody opens its payment (a till left running).
    let x = kassa_ledger::reports::x_report(&journal, kassa_ledger::journal::SANDBOX)
        .await
        .unwrap();
    assert!(
        x.carried
            .iter()
            .any(|c| c.what == kassa_ledger::reports::CarriedKind::CheckByHand)
    );
    let posts = refund_posts(&sandbox);
    assert!(matches!(
        refund::resume(&client, &journal, &old).await,
        Err(RefundError::CheckByHand { .. })
    ));
    assert_eq!(refund_posts(&sandbox), posts, "nothing sent");
    let reminders = journal.refunds_to_retry().await.unwrap();
    assert!(reminders.iter().any(|r| r.key == "asked-yesterday"));
    let x = kassa_ledger::reports::x_report(&journal, kassa_ledger::journal::SANDBOX)
        .await
        .unwrap();
    assert!(
        x.carried
            .iter()
            .any(|c| c.what == kassa_ledger::reports::CarriedKind::CheckByHand),
        "{:?}",
        x.carried
    );
    assert!(x.csv(&Default::default()).contains("refund-check-by-hand"));
}
