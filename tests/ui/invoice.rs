//! The invoice QR, as a cashier uses it: no PIN, the code drawn as the fields are typed, saved
//! as a PNG that decodes to exactly the guide's template URL (values that need encoding
//! included), laid out inside the till's screens, and a payment made with it (the sandbox's
//! customer scans it) shows in Today's sales through the search API.

use crate::support::ui::{Harness, till_screens};
use kassa::app::{Message, Screen};
use kassa::payconiq::model::PaymentStatus;
use kassa::screen::export::Message as Ex;
use kassa::screen::invoice::Message as Inv;

#[tokio::test(flavor = "multi_thread")]
async fn an_invoice_qr_is_made_saved_paid_and_listed() {
    let mut h = Harness::new().await;
    h.no_file_dialogs();
    h.click("Invoice QR").await;
    assert!(matches!(h.app.screen(), Screen::Invoice(_)), "no PIN asked");
    assert!(h.shows("Enter the amount to make the code."));

    h.send(Message::Invoice(Inv::Amount("12,50".into()))).await;
    h.send(Message::Invoice(Inv::Description(
        "Café & thé? 100%".into(),
    )))
    .await;
    h.send(Message::Invoice(Inv::Reference("Factuur #12".into())))
        .await;
    let account = h.services.client.account().clone();
    let expected = format!(
        "{}/t/1/{}?D=Caf%C3%A9%20%26%20th%C3%A9%3F%20100%25&A=1250&R=Factuur%20%2312",
        account.environment.payload_base.trim_end_matches('/'),
        account.profile_id
    );
    let Screen::Invoice(i) = h.app.screen() else {
        unreachable!()
    };
    assert_eq!(i.payload(), Some(expected.as_str()));

    for size in till_screens() {
        h.size = size;
        let wrong = h.not_in_view(&[
            "Invoice QR code",
            "Save PNG…",
            "Save SVG…",
            "The customer pays it (sandbox)",
            "Close",
        ]);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
    h.size = iced::Size::new(1024.0, 768.0);

    // Saved (here to a typed path: the test machine shows no dialogs) and decoded back.
    h.click("Save PNG…").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("invoice.png");
    h.send(Message::Invoice(Inv::Export(Ex::TypedPath(
        file.display().to_string(),
    ))))
    .await;
    h.click("Save here").await;
    let png = image::open(&file).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(png);
    let (_, decoded) = prepared.detect_grids()[0].decode().unwrap();
    assert_eq!(decoded, expected, "exactly the guide's URL form");
    let log = h.app.journal().unwrap().audit_log(5).await.unwrap();
    assert!(log.iter().any(|e| e.action == "invoice-qr-exported"));

    // Too long a reference: no code, and why.
    h.send(Message::Invoice(Inv::Reference("R".repeat(36))))
        .await;
    assert!(h.shows("Reference (at most 35 characters): 36 characters; at most 35 are allowed."));
    let Screen::Invoice(i) = h.app.screen() else {
        unreachable!()
    };
    assert_eq!(i.payload(), None);
    h.send(Message::Invoice(Inv::Reference("Factuur #12".into())))
        .await;

    // The customer scans it and pays; the till learns of it through the search API.
    h.click("The customer pays it (sandbox)").await;
    assert!(h.shows("Paid in the sandbox: €12.50. It is in Today's sales."));
    let paid = h
        .sandbox()
        .payments()
        .into_iter()
        .find(|p| p.reference.as_deref() == Some("Factuur #12"))
        .unwrap();
    crate::support::wait_for_status(h.sandbox(), &paid.payment_id, PaymentStatus::Succeeded).await;
    h.click("Close").await;
    h.click("Today's sales").await;
    assert!(h.shows("Café & thé? 100%"));
    assert!(
        !h.shows("other till, sticker or invoice · Factuur #12"),
        "made with this till's code: this till's sale"
    );
    let sales = h
        .app
        .journal()
        .unwrap()
        .entries_since(time::OffsetDateTime::UNIX_EPOCH)
        .await
        .unwrap();
    assert_eq!(sales.len(), 1);
    assert_eq!(sales[0].reference, "Factuur #12");
    assert_eq!(
        sales[0].paid_total(),
        Some(kassa::money::Money::from_cents(1250))
    );

    // The X report agrees with Today's sales, and counts it once however often it is looked at.
    h.click("Close").await;
    h.choose_pin("2468").await;
    for _ in 0..2 {
        h.click("Shift report…").await;
        let Screen::Shift(s) = h.app.screen() else {
            unreachable!()
        };
        let x = s.report().unwrap();
        assert_eq!(x.paid.count, 1);
        assert_eq!(x.paid.amount, kassa::money::Money::from_cents(1250));
        h.click("Back").await;
    }
}

/// A payment made with an invoice code is found by the X report even when Today's sales was
/// never opened, and an invoice code paid by somebody else's amount is not taken for it.
#[tokio::test(flavor = "multi_thread")]
async fn an_invoice_paid_is_in_the_x_report_without_todays_sales() {
    let mut h = Harness::new().await;
    h.click("Invoice QR").await;
    h.send(Message::Invoice(Inv::Amount("45".into()))).await;
    h.send(Message::Invoice(Inv::Description("Table 4".into())))
        .await;
    h.click("The customer pays it (sandbox)").await;
    let paid = h
        .sandbox()
        .payments()
        .into_iter()
        .find(|p| p.description.as_deref() == Some("Table 4"))
        .unwrap();
    crate::support::wait_for_status(h.sandbox(), &paid.payment_id, PaymentStatus::Succeeded).await;
    // Another payment on the profile, not made with this till's code.
    crate::support::paid(h.sandbox(), &h.services.client, 4500, 0).await;
    h.click("Close").await;
    h.choose_pin("2468").await;
    h.click("Shift report…").await;
    let Screen::Shift(s) = h.app.screen() else {
        unreachable!()
    };
    let x = s.report().unwrap();
    assert_eq!(x.paid.count, 1, "only the invoice's payment is this till's");
    assert_eq!(x.paid.amount, kassa::money::Money::from_cents(4500));
    let verdict = h.app.journal().unwrap().verify().await.unwrap();
    assert_eq!(
        verdict.problem, None,
        "invoices and their payments are chained"
    );
}
