//! Payouts against the sandbox over real HTTP: a range longer than the API's 30 days is split
//! into as many calls as needed (one date per payout list), every page read; a payout's lines
//! add up; a tampered payout is caught by the reconciliation check.

use std::collections::HashSet;

use kassa_core::payconiq::AuthMode;
use kassa_core::payconiq::reconciliation::PayoutFilter;
use kassa_ledger::payouts::{self, Lines, Mismatch};
use kassa_sandbox::SandboxConfig;
use kassa_sandbox::testing::*;
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn a_45_day_range_is_split_into_calls_and_every_payout_reconciles() {
    let cfg = SandboxConfig {
        demo_days: 45,
        ..SandboxConfig::for_tests()
    };
    let (sandbox, client) = setup_with(AuthMode::ApiKey, cfg).await;
    let today = OffsetDateTime::now_utc().date();
    let (start, end) = (today - Duration::days(45), today - Duration::days(1));
    let progress = std::sync::Mutex::new(Vec::new());
    let list = payouts::payouts_between(&client, start, end, 4, |done, all| {
        progress.lock().unwrap().push((done, all))
    })
    .await
    .unwrap();
    let calls = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.contains("/payouts"))
        .count();
    assert_eq!(calls, 45, "one call per date");
    let progress = progress.into_inner().unwrap();
    assert_eq!(progress.last(), Some(&(45, 45)));
    assert!(
        list.len() >= 40,
        "a payout for (nearly) every demo day: {}",
        list.len()
    );
    assert!(
        list.windows(2)
            .all(|w| w[0].payout_date <= w[1].payout_date)
    );

    // The payments of the whole range, asked for in 30-day pieces.
    let before = sandbox.requests().len();
    let lines = payouts::lines(
        &client,
        Lines::Payments,
        &PayoutFilter::Dates { start, end },
    )
    .await
    .unwrap();
    let range_calls = sandbox.requests()[before..]
        .iter()
        .filter(|r| r.path.contains("/payments"))
        .count();
    assert!(range_calls >= 2, "split: {range_calls} calls");
    // (Lines are dated by transaction, payouts by payout day, so the totals differ at the
    // edges of the range; each payout is checked against its own lines below.)
    assert!(lines.len() > 200, "every page read: {}", lines.len());

    // Each payout adds up against its own lines (demo payments are another till's: unknown
    // here, which the check names without calling the payout wrong).
    for p in list.iter().take(5) {
        let filter = PayoutFilter::Payout(p.payout_id.clone());
        let pays = payouts::lines(&client, Lines::Payments, &filter)
            .await
            .unwrap();
        let refunds = payouts::lines(&client, Lines::Refunds, &filter)
            .await
            .unwrap();
        let known: HashSet<String> = pays.iter().filter_map(|l| l.payment_id.clone()).collect();
        assert_eq!(payouts::reconcile(p, &pays, &refunds, &known), []);
        let problems = payouts::reconcile(p, &pays, &refunds, &HashSet::new());
        assert!(
            problems
                .iter()
                .all(|m| matches!(m, Mismatch::Unknown { .. }))
        );
    }
}

#[tokio::test]
async fn a_payout_that_does_not_add_up_is_caught() {
    let cfg = SandboxConfig {
        demo_days: 5,
        ..SandboxConfig::for_tests()
    };
    let (sandbox, client) = setup_with(AuthMode::ApiKey, cfg).await;
    let today = OffsetDateTime::now_utc().date();
    let day = today - Duration::days(2);
    // The provider pays out €1.50 less than the day's payments minus refunds.
    sandbox.skew_payout(day, -150);
    let list = payouts::payouts_between(&client, day, day + Duration::days(1), 2, |_, _| {})
        .await
        .unwrap();
    let skewed = list
        .iter()
        .find(|p| {
            p.payout_date
                .is_some_and(|d| d.date() == day + Duration::days(1))
        })
        .expect("the day's payout");
    let filter = PayoutFilter::Payout(skewed.payout_id.clone());
    let pays = payouts::lines(&client, Lines::Payments, &filter)
        .await
        .unwrap();
    let refunds = payouts::lines(&client, Lines::Refunds, &filter)
        .await
        .unwrap();
    let known: HashSet<String> = pays.iter().filter_map(|l| l.payment_id.clone()).collect();
    let problems = payouts::reconcile(skewed, &pays, &refunds, &known);
    assert_eq!(
        problems,
        [Mismatch::Payout {
            expected: skewed.total_payment_amount - skewed.total_refund_amount,
            stated: skewed.payout_amount,
        }]
    );
    assert_eq!(
        (skewed.total_payment_amount - skewed.total_refund_amount).cents() - 150,
        skewed.payout_amount.cents()
    );
}
