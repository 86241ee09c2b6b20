//! The manager's records through the real views: PIN → history → a payment's detail → refund
//! → review → confirm → the refund followed to REFUNDED; and the history filters.

use std::sync::Arc;

use crate::support::ui::Harness;
use kassa::app::{Message, Screen};
use kassa::payconiq::model::{PaymentStatus, RefundStatus};
use kassa::sandbox::SandboxConfig;
use kassa::screen::history::Message as Hist;
use kassa::secrets::MemoryStore;

async fn manager(h: &mut Harness) {
    h.choose_pin("2468").await;
    // The manager lands on the payment history.
    assert!(matches!(h.app.screen(), Screen::History(_)));
}

async fn harness() -> Harness {
    Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await
}

#[tokio::test(flavor = "multi_thread")]
async fn pin_history_detail_refund_confirm_and_follow() {
    let mut h = harness().await;
    // A paid sale with a tip, rung up on this till.
    h.charge("20").await;
    h.send(Message::Phone(kassa::screen::phone::Message::Tip(
        "2".into(),
    )))
    .await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let id = h.payment_id();
    h.click("New sale").await;

    manager(&mut h).await;
    assert!(h.shows("€22.00"), "the total with the tip");
    in_view(
        &mut h,
        &["Payment history", "Settings…", "Close", "Open", "€22.00"],
    );
    h.click("€22.00").await;
    assert!(matches!(h.app.screen(), Screen::Detail(_)));
    in_view(
        &mut h,
        &["Payment", "Refresh", "Back", "Refund…", "Customer's IBAN"],
    );
    assert!(h.shows(&id));
    assert!(h.shows("€2.00"), "the tip on its own line");
    assert!(h.shows("Paid €22.00 · refunded €0.00 · refundable €22.00"));

    h.click("Refund…").await;
    assert!(h.shows("Refundable: €22.00"));
    // More than what is left is refused before anything is sent.
    h.send(Message::Detail(kassa::screen::detail::Message::Amount(
        "25".into(),
    )))
    .await;
    h.click("Next").await;
    assert!(h.shows("At most €22.00 can still be refunded."));
    h.send(Message::Detail(kassa::screen::detail::Message::Amount(
        "12,50".into(),
    )))
    .await;
    h.click("Next").await;
    assert!(h.shows_prefix("Refund €12.50 to "));
    in_view(&mut h, &["Change", "Refund now", "Refund €12.50 to …"]);
    h.click("Refund now").await;
    assert!(h.shows("Refund of €12.50 asked for; its status is shown under Refunds."));
    assert_eq!(h.sandbox().refunds_of(&id).len(), 1);

    // Followed until the provider says REFUNDED (the subscription sends Refresh each second).
    for _ in 0..100 {
        if h.shows_prefix("Paid €22.00 · refunded €12.50") && !following(&h) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        h.send(Message::Detail(kassa::screen::detail::Message::Refresh))
            .await;
    }
    assert!(h.shows("Paid €22.00 · refunded €12.50 · refundable €9.50"));
    let Screen::Detail(d) = h.app.screen() else {
        unreachable!()
    };
    assert_eq!(d.refunds()[0].status(), Some(&RefundStatus::Refunded));
    let log = h.app.journal().unwrap().audit_log(10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "refund" && e.detail == format!("{id} 12.50"))
    );
}

/// The texts lie inside the window at every till size.
fn in_view(h: &mut Harness, texts: &[&str]) {
    let size = h.size;
    for s in crate::support::ui::till_screens() {
        h.size = s;
        let wrong = h.not_in_view(texts);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
    h.size = size;
}

fn following(h: &Harness) -> bool {
    matches!(h.app.screen(), Screen::Detail(d) if d.following())
}

#[tokio::test(flavor = "multi_thread")]
async fn history_filters_apply_without_fetching_again() {
    let mut h = harness().await;
    // The local day the sales start on (the test may cross midnight).
    let first_day = kassa::clock::date_time(time::OffsetDateTime::now_utc())[..10].to_string();
    for (amount, pay) in [("12.50", true), ("7", false), ("3.10", true)] {
        h.charge(amount).await;
        if pay {
            h.click("Pay").await;
            h.until(PaymentStatus::Succeeded).await;
        } else {
            h.click("Cancel payment").await;
            h.until(PaymentStatus::Cancelled).await;
        }
        h.click("New sale").await;
    }
    manager(&mut h).await;
    let searches = |h: &Harness| {
        h.sandbox()
            .requests()
            .iter()
            .filter(|r| r.path.contains("/search"))
            .count()
    };
    let before = searches(&h);
    let shown = |h: &Harness| match h.app.screen() {
        Screen::History(s) => s.shown().map(|s| s.amount.cents()).collect::<Vec<_>>(),
        _ => panic!("not on history"),
    };
    // Demo history is there too; only today's three are ours.
    h.send(Message::History(Hist::Text("12,50".into()))).await;
    assert_eq!(shown(&h), [1250]);
    h.send(Message::History(Hist::Text(String::new()))).await;
    h.send(Message::History(Hist::Status(
        kassa::screen::history::StatusChoice(kassa::history::StatusFilter::NotPaid),
    )))
    .await;
    assert!(shown(&h).contains(&700));
    assert!(!shown(&h).contains(&1250));
    assert_eq!(searches(&h), before, "filters never fetch again");

    // A typed period (both days included) loads that period.
    h.send(Message::History(Hist::Status(
        kassa::screen::history::StatusChoice(kassa::history::StatusFilter::All),
    )))
    .await;
    let today = kassa::clock::date_time(time::OffsetDateTime::now_utc())[..10].to_string();
    h.send(Message::History(Hist::From(first_day))).await;
    h.send(Message::History(Hist::To(today))).await;
    h.click("Show").await;
    let mut amounts = shown(&h);
    amounts.sort();
    assert_eq!(amounts, [310, 700, 1250], "today's sales only");
    h.send(Message::History(Hist::From("2026-13-40".into())))
        .await;
    h.click("Show").await;
    assert!(h.shows("Type both dates as YYYY-MM-DD, the first not after the second."));
}

/// The payment screen's reloads are single-flight: a Refresh asked for while one is out is
/// dropped, so an unanswered refund is sent again once; the automatic reloads (while a refund
/// settles) follow it and never re-send.
#[tokio::test(flavor = "multi_thread")]
async fn overlapping_detail_reloads_send_one_request() {
    use kassa::sandbox::{Fault, FaultKind};
    let mut h = harness().await;
    h.charge("20").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let id = h.payment_id();
    h.click("New sale").await;
    manager(&mut h).await;
    h.click("€20.00").await;
    h.click("Refund…").await;
    h.send(Message::Detail(kassa::screen::detail::Message::Amount(
        "5".into(),
    )))
    .await;
    h.click("Next").await;
    h.sandbox()
        .inject(Fault::new("refund-create", FaultKind::Drop, Some(20)));
    h.click("Refund now").await;
    let posts = |h: &Harness| {
        h.sandbox()
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/refunds"))
            .count()
    };
    assert!(following(&h), "an unanswered refund is followed");
    let before = posts(&h);
    // Automatic reloads: no re-send.
    h.send(Message::Detail(kassa::screen::detail::Message::Follow))
        .await;
    assert_eq!(posts(&h), before);
    // One Refresh re-sends the unanswered refund (its answer lost again)...
    h.send(Message::Detail(kassa::screen::detail::Message::Refresh))
        .await;
    let one = posts(&h) - before;
    assert!(one >= 1, "a Refresh re-sends");
    // ...and two, the second asked while the first is out, re-send it once.
    let before = posts(&h);
    h.queue(Message::Detail(kassa::screen::detail::Message::Refresh));
    h.queue(Message::Detail(kassa::screen::detail::Message::Refresh));
    h.run_until(|_| false).await;
    assert_eq!(posts(&h) - before, one, "one request for two reloads");
    assert_eq!(h.sandbox().refunds_of(&id).len(), 1);
}

/// The customer's IBAN for a manual refund: in groups of four, in a field it can be selected
/// from, with a Copy button; the refund's review restates its description.
#[tokio::test(flavor = "multi_thread")]
async fn the_customers_iban_reads_in_groups_and_copies() {
    let mut h = harness().await;
    h.charge("8").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    manager(&mut h).await;
    h.click("€8.00").await;
    h.click("Customer's IBAN").await;
    let shown = h.laid().input_texts;
    let iban = shown
        .iter()
        .find(|t| t.len() > 4 && t[..2].chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or_else(|| panic!("the IBAN in a field: {shown:?}"));
    let groups: Vec<&str> = iban.split(' ').collect();
    assert!(
        groups.len() > 3 && groups[..groups.len() - 1].iter().all(|g| g.len() == 4),
        "{iban}"
    );
    let messages = {
        let mut ui = crate::support::ui::screen_sized(h.app.view_main(), h.size);
        ui.click("Copy").unwrap();
        ui.into_messages().collect::<Vec<_>>()
    };
    let Screen::Detail(d) = &mut h.app_screen_mut() else {
        panic!("on the payment")
    };
    let mut copied = None;
    for m in messages {
        if let Message::Detail(m) = m
            && let kassa::screen::detail::Action::Copy(text) = d.update(m)
        {
            copied = Some(text);
        }
    }
    assert_eq!(copied, Some(iban.replace(' ', "")), "copied without spaces");
    assert!(h.shows("The IBAN is on the clipboard."));

    h.click("Refund…").await;
    h.send(Message::Detail(
        kassa::screen::detail::Message::Description("Returned goods".into()),
    ))
    .await;
    h.click("Next").await;
    assert!(
        h.shows("Description: “Returned goods”"),
        "restated before sending"
    );
    // From the press until the answer: "Refunding…", and nothing to press twice.
    h.queue_click("Refund now");
    assert!(h.step().await);
    assert!(h.shows("Refunding…"));
    let laid = h.laid();
    let refund = laid.text("Refund…").unwrap();
    assert!(
        laid.disabled
            .iter()
            .any(|d| crate::support::ui::contains(*d, refund)),
        "Refund… is disabled while it runs"
    );
    h.run_until(|_| false).await;
    assert!(!h.shows("Refunding…"));
}

/// A payment opened by its typed id is the till's own sale when it is: its journal record
/// shows, as when its line is opened.
#[tokio::test(flavor = "multi_thread")]
async fn a_typed_payment_id_shows_the_tills_own_record() {
    let mut h = harness().await;
    h.charge("6").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let id = h.payment_id();
    h.click("New sale").await;
    manager(&mut h).await;
    h.send(Message::History(kassa::screen::history::Message::TypedId(
        id.clone(),
    )))
    .await;
    h.click("Open").await;
    assert!(matches!(h.app.screen(), Screen::Detail(_)));
    assert!(h.shows(&id));
    assert!(
        !h.shows("Not rung up on this till (another till, a sticker or an invoice QR)."),
        "its own sale"
    );
    assert!(h.shows("Paid"), "its journal events");
}

/// Void on a payment's detail asks first, as at the checkout: the money goes back only once
/// confirmed, and "Keep the payment" (or Esc) leaves it waiting.
#[tokio::test(flavor = "multi_thread")]
async fn void_on_the_detail_asks_first() {
    let mut h = harness().await;
    h.sandbox().set_void_enabled(true);
    // Paid on another door (a sticker, another till): waiting for complete or void.
    let id = kassa::sandbox::testing::charge_in(h.sandbox(), 1575).await;
    h.sandbox()
        .confirm(&id, kassa::money::Money::default())
        .unwrap();
    kassa::sandbox::testing::wait_for_status(
        h.sandbox(),
        &id,
        PaymentStatus::PendingMerchantAcknowledgement,
    )
    .await;
    manager(&mut h).await;
    h.send(Message::History(Hist::TypedId(id.clone()))).await;
    h.click("Open").await;
    h.run_until(|app| {
        matches!(app.screen(), Screen::Detail(d)
            if d.payment().is_some_and(|p| p.status == PaymentStatus::PendingMerchantAcknowledgement))
    })
    .await;
    h.click("Void").await;
    assert!(h.shows("Void this payment? The customer gets €15.75 back."));
    h.click("Keep the payment").await;
    assert!(!h.shows("Void this payment? The customer gets €15.75 back."));
    h.run_until(|_| false).await;
    let status = |h: &Harness| {
        h.sandbox()
            .payments()
            .into_iter()
            .find(|p| p.payment_id == id)
            .map(|p| p.status)
    };
    assert_eq!(
        status(&h),
        Some(PaymentStatus::PendingMerchantAcknowledgement),
        "nothing was sent"
    );
    h.click("Void").await;
    h.click("Void and give the money back").await;
    h.run_until(|app| {
        matches!(app.screen(), Screen::Detail(d)
            if d.payment().is_some_and(|p| p.status == PaymentStatus::Voided))
    })
    .await;
    assert_eq!(status(&h), Some(PaymentStatus::Voided));
}
