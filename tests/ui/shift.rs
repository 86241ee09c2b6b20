//! Shift reports through the real views: PIN → history → shift report (X) → CSV → Z report after
//! a question, numbered; the next shift's Z report gets the next number.

use std::sync::Arc;

use crate::support::ui::{Harness, till_screens};
use kassa::app::{Message, Screen};
use kassa::money::Money;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;
use kassa::screen::export::Message as Ex;
use kassa::screen::shift::Message as Sh;
use kassa::secrets::MemoryStore;

async fn to_shift_report(h: &mut Harness, first: bool) {
    if first {
        h.choose_pin("2468").await;
    } else {
        h.unlock("2468").await;
    }
    h.click("Shift report…").await;
    assert!(matches!(h.app.screen(), Screen::Shift(_)));
}

#[tokio::test(flavor = "multi_thread")]
async fn x_report_csv_then_numbered_z_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    h.no_file_dialogs();
    h.charge("10").await;
    h.send(Message::Phone(kassa::screen::phone::Message::Tip(
        "1,50".into(),
    )))
    .await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.charge("4").await;
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    h.click("New sale").await;

    to_shift_report(&mut h, true).await;
    assert!(h.shows_prefix("X report — shift "));
    assert!(h.shows("Paid (tips included)"));
    assert!(h.shows("€11.50"));
    assert!(h.shows("€1.50"), "the tips");
    for size in till_screens() {
        h.size = size;
        let wrong = h.not_in_view(&[
            "Shift report",
            "X report",
            "Save CSV…",
            "Close the shift (Z report)…",
            "Net takings",
        ]);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
    h.size = iced::Size::new(1024.0, 768.0);

    // CSV (to a typed path: the test machine shows no dialogs).
    h.click("Save CSV…").await;
    let file = dir.path().join("x.csv");
    h.send(Message::Shift(Sh::Export(Ex::TypedPath(
        file.display().to_string(),
    ))))
    .await;
    h.click("Save here").await;
    let csv = std::fs::read_to_string(&file).unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "report",
            "account",
            "session",
            "from",
            "until",
            "item",
            "count",
            "amount",
            "note",
            "shop",
            "shop_address",
            "shop_vat"
        ]
    );
    let paid = rows.iter().find(|r| r[5] == "paid").unwrap();
    assert_eq!(
        (paid[0], paid[1], paid[6], paid[7]),
        ("X", "sandbox", "1", "11.50")
    );
    let cancelled = rows.iter().find(|r| r[5] == "cancelled").unwrap();
    assert_eq!((cancelled[6], cancelled[7]), ("1", "4.00"));
    assert!(h.shows("Account: Sandbox (play money, not takings)"));

    // Z: asks first, then closes under number 1.
    h.click("Close the shift (Z report)…").await;
    assert!(h.shows(
        "Close this shift? Its Z report gets the next number and the shift cannot be reopened."
    ));
    h.click("Keep it open").await;
    assert!(h.shows_prefix("X report"));
    h.click("Close the shift (Z report)…").await;
    h.click("Close the shift").await;
    assert!(h.shows("Z report no. 1 — shift closed"));
    let log = h.app.journal().unwrap().audit_log(10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "z-report" && e.detail == "1")
    );
    assert!(
        h.shows_prefix("Z report no. 1 · "),
        "listed among the earlier ones"
    );

    // A refund made after the Z, from the payment's screen: in the next X, not in Z 1.
    h.click("Back").await;
    h.click("€11.50").await;
    h.click("Refund…").await;
    h.send(Message::Detail(kassa::screen::detail::Message::Amount(
        "1".into(),
    )))
    .await;
    h.click("Next").await;
    h.click("Refund now").await;
    h.click("Back").await;
    h.click("Shift report…").await;
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    let x = s.report().unwrap();
    assert_eq!(x.kind, kassa::reports::Kind::X);
    assert_eq!(
        x.refunded.count, 1,
        "the refund after the Z is in the next X"
    );
    assert_eq!(x.refunded.amount, kassa::money::Money::from_cents(100));
    // Z 1 printed again: as it was taken, marked.
    h.click_prefix("Z report no. 1 · ").await;
    assert!(h.shows("REPRINT — as taken"));
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    let z1 = s.report().unwrap();
    assert_eq!((z1.refunded.count, z1.paid.count), (0, 1));

    // The next shift holds the refund and the new sale, and closes as number 2.
    h.click("Back").await;
    h.click("Close").await;
    h.charge("2").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    to_shift_report(&mut h, false).await;
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    assert_eq!(
        s.report().unwrap().paid.count,
        1,
        "only the new shift's sale"
    );
    h.click("Close the shift (Z report)…").await;
    h.click("Close the shift").await;
    assert!(h.shows("Z report no. 2 — shift closed"));
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    assert_eq!(s.report().unwrap().refunded.count, 1, "and in Z 2");
}

/// Closing a shift over a sale still open says so, with its amount, before anything closes.
#[tokio::test(flavor = "multi_thread")]
async fn the_close_question_names_sales_still_open() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    to_shift_report(&mut h, true).await;
    // The X report as it would read with a sale whose outcome is not known yet (a till sees
    // one after a create lost its answer, or a crash).
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    let mut report = s.report().unwrap().clone();
    report.open.count = 1;
    report.open.amount = Money::from_cents(400);
    h.send(Message::Shift(Sh::Loaded(Ok(Box::new(report)))))
        .await;
    h.click("Close the shift (Z report)…").await;
    assert!(
        h.shows(
            "One sale is still open (€4.00): if it is paid later, it counts in the next shift."
        ),
        "named before closing"
    );
    assert!(
        h.shows("Close the shift"),
        "and the choice is still the manager's"
    );
}
