//! Shift reports through the real views: PIN → history → shift report (X) → CSV → Z report after
//! a question, numbered; the next shift's Z report gets the next number.

mod support;

use std::sync::Arc;

use kassa::app::{Message, Screen};
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;
use kassa::screen::export::Message as Ex;
use kassa::screen::shift::Message as Sh;
use kassa::secrets::MemoryStore;
use support::ui::{Harness, till_screens};

async fn to_shift_report(h: &mut Harness, first: bool) {
    if first {
        h.choose_pin("2468").await;
    } else {
        h.click("Manager").await;
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
            "report", "session", "from", "until", "item", "count", "amount"
        ]
    );
    let paid = rows.iter().find(|r| r[4] == "paid").unwrap();
    assert_eq!((paid[0], paid[5], paid[6]), ("X", "1", "11.50"));
    let cancelled = rows.iter().find(|r| r[4] == "cancelled").unwrap();
    assert_eq!((cancelled[5], cancelled[6]), ("1", "4.00"));

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

    // The next shift starts empty and closes as number 2.
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
}
