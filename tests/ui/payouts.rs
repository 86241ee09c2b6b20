//! Payouts through the real views: PIN → history → payouts (loaded a few dates at a time) →
//! drill-down with the reconciliation check → CSV export.

use std::sync::Arc;

use crate::support::ui::{Harness, till_screens};
use kassa::app::{Message, Screen};
use kassa::sandbox::SandboxConfig;
use kassa::screen::export::Message as Ex;
use kassa::screen::payouts::Message as Po;
use kassa::secrets::MemoryStore;

#[tokio::test(flavor = "multi_thread")]
async fn payouts_drill_down_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = SandboxConfig {
        demo_days: 12,
        ..SandboxConfig::for_tests()
    };
    let mut h = Harness::saving(cfg, Arc::new(MemoryStore::default())).await;
    h.no_file_dialogs();
    h.choose_pin("2468").await;
    h.click("Payouts…").await;
    let Screen::Payouts(p) = h.app.screen() else {
        panic!("payouts open")
    };
    assert_eq!(p.progress(), (30, 30), "all 30 days loaded");
    let count = p.payouts().len();
    assert!((10..=12).contains(&count), "a payout per demo day: {count}");
    assert!(h.shows_prefix(&format!("{count} payouts · ")));
    // Each line counts in words that agree with the number ("1 refund", "0 refunds").
    let noun = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    for payout in p.payouts() {
        let line = format!(
            "{}, {}",
            noun(payout.total_payments, "payment", "payments"),
            noun(payout.total_refunds, "refund", "refunds")
        );
        assert!(h.shows(&line), "{line}");
    }
    for size in till_screens() {
        h.size = size;
        let wrong = h.not_in_view(&["Payouts", "Save CSV…", "Back", "Show"]);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
    h.size = iced::Size::new(1024.0, 768.0);

    // The newest payout, drilled into.
    h.send(Message::Payouts(Po::Open(count - 1))).await;
    let Screen::Payouts(p) = h.app.screen() else {
        unreachable!()
    };
    let d = p.drill().expect("drilled").clone();
    let listed: kassa::money::Money = d.payments.iter().map(|l| l.amount).sum();
    assert_eq!(listed, d.payout.total_payment_amount);
    assert!(
        d.mismatches
            .iter()
            .all(|m| matches!(m, kassa::payouts::Mismatch::Unknown { .. })),
        "the sums add up; demo payments are another till's"
    );
    assert!(h.shows_prefix("Payments €"));
    assert!(
        h.shows("The sums add up: payments − refunds = paid out, and the lines match the totals.")
    );
    assert!(h.shows_prefix(&format!(
        "{} payments were not rung up on this till",
        d.mismatches.len()
    )));

    h.click("Save CSV…").await;
    let file = dir.path().join("payout.csv");
    h.send(Message::Payouts(Po::Export(Ex::TypedPath(
        file.display().to_string(),
    ))))
    .await;
    h.click("Save here").await;
    let csv = std::fs::read_to_string(&file).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "kind,date,payment_id,refund_id,payout_id,amount,currency,reference,description"
    );
    assert_eq!(rows.len(), 1 + d.payments.len() + d.refunds.len());
    let first: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(first[0], "payment");
    assert_eq!(first[5], d.payments[0].amount.to_decimal_string());
    let log = h.app.journal().unwrap().audit_log(5).await.unwrap();
    assert!(log.iter().any(|e| e.action == "payouts-exported"));

    // The provider pays out €1.50 too little: the drill-down says so, in red.
    let today = time::OffsetDateTime::now_utc().date();
    for days_ago in 0..=13 {
        h.sandbox()
            .skew_payout(today - time::Duration::days(days_ago), -150);
    }
    h.click("Back").await;
    h.click("Show").await;
    h.send(Message::Payouts(Po::Open(count - 1))).await;
    assert!(h.shows_prefix("Does not add up: payments minus refunds make €"));
    assert!(
        !h.shows("The sums add up: payments − refunds = paid out, and the lines match the totals.")
    );
}
