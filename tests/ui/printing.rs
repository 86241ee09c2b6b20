//! Receipts from the till on a virtual network printer (a TCP listener here that answers the
//! paper status as an ESC/POS printer does), read back with the print crate's test decoder:
//! the sale receipt after a payment, its reprint from the till, and a printer that is not
//! there, which never holds the next sale.

#[path = "../../crates/print/tests/print/decode.rs"]
mod decode;
#[path = "../../crates/print/tests/print/printer.rs"]
mod virtual_printer;

use std::time::{Duration, Instant};

use crate::support::ui::Harness;
use kassa::app::Screen;
use kassa::config::Settings;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::SandboxConfig;

/// A printer that takes `jobs` slips.
async fn printer(jobs: usize) -> (String, tokio::task::JoinHandle<Vec<Vec<u8>>>) {
    virtual_printer::printer(virtual_printer::Behaviour::Prints, jobs).await
}

fn with_printer(printer: String) -> Settings {
    Settings {
        printer,
        shop_name: "Bakkerij Peeters".into(),
        shop_vat: "BE0123456789".into(),
        ..Settings::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_receipt_after_a_payment_and_its_reprint() {
    let (address, slips) = printer(2).await;
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(address)).await;
    h.charge("12.50").await;
    assert!(
        !h.shows("Print receipt"),
        "nothing to print before it is paid"
    );
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let id = h.payment_id();
    h.click("Print receipt").await;
    assert!(h.shows("Receipt printed."));
    h.click("New sale").await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
    h.click("Reprint last receipt").await;
    let slips = slips.await.unwrap();
    let first = decode::decode(&slips[0]);
    let text = first.lines.join("\n");
    for expected in [
        "Bakkerij Peeters",
        "VAT BE0123456789",
        "Paid with Payconiq by Bancontact",
        &format!("Payment {id}"),
        "Till POS00001",
    ] {
        assert!(text.contains(expected), "'{expected}' in\n{text}");
    }
    let total = first.lines.iter().find(|l| l.starts_with("Total")).unwrap();
    assert!(total.ends_with("€12.50"), "{total}");
    let again = decode::decode(&slips[1]).lines.join("\n");
    assert!(again.contains("REPRINT") && again.contains(&id), "{again}");
    // Both are in the sale's audit, the second as a reprint.
    let log = h.app.journal().unwrap().audit_log(20).await.unwrap();
    let printed: Vec<&str> = log
        .iter()
        .filter(|e| e.action == "receipt-printed")
        .map(|e| e.detail.as_str())
        .collect();
    assert!(printed.contains(&id.as_str()), "{printed:?}");
    assert!(
        printed.contains(&format!("{id} reprint").as_str()),
        "{printed:?}"
    );
    // The next sale does not read the last slip's news as its own.
    h.charge("1").await;
    assert!(!h.shows("Receipt printed."));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_printer_that_is_not_there_never_holds_the_next_sale() {
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("tcp://127.0.0.1:{}", l.local_addr().unwrap().port())
    };
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(closed.clone())).await;
    h.charge("4").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let started = Instant::now();
    h.click("Print receipt").await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "said within seconds"
    );
    assert!(h.shows(&format!(
        "Not printed: no printer answers at {closed}. The sale is safe; print it again later."
    )));
    h.click("New sale").await;
    h.charge("5").await;
    assert!(
        matches!(h.app.screen(), Screen::Checkout(_)),
        "the next sale goes on"
    );
}

/// The payment's code on paper reads as the payload on screen; the X report prints as on its
/// PDF.
#[tokio::test(flavor = "multi_thread")]
async fn the_code_on_paper_and_the_shift_report() {
    let (address, slips) = printer(2).await;
    let mut h = Harness::saving(
        SandboxConfig::for_tests(),
        std::sync::Arc::new(kassa::secrets::MemoryStore::default()),
    )
    .await;
    // Set through the settings as a manager does.
    h.choose_pin("2468").await;
    h.click("Settings…").await;
    h.send(kassa::app::Message::Settings(
        kassa::screen::settings::Message::Text(kassa::screen::settings::Field::Printer, address),
    ))
    .await;
    h.click("Save").await;
    h.click("Close").await;
    h.charge("7").await;
    let Screen::Checkout(c) = h.app.screen() else {
        unreachable!()
    };
    let deeplink = c.payment().deeplink().unwrap().to_string();
    h.click("Print QR").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.unlock("2468").await;
    h.click("Shift report…").await;
    h.click("Print").await;
    let slips = slips.await.unwrap();
    let code = decode::decode(&slips[0]);
    assert_eq!(code.qr, [deeplink], "the same payload as on screen");
    assert!(
        code.lines.iter().any(|l| l.contains("€7.00")),
        "{:?}",
        code.lines
    );
    let report = decode::decode(&slips[1]).lines.join("\n");
    assert!(
        report.contains("X report") && report.contains("€7.00"),
        "{report}"
    );
}

/// An invoice QR on paper reads as the code on screen.
#[tokio::test(flavor = "multi_thread")]
async fn the_invoice_code_on_paper() {
    let (address, slips) = printer(1).await;
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(address)).await;
    h.click("Invoice QR").await;
    use kassa::screen::invoice::Message as I;
    h.send(kassa::app::Message::Invoice(I::Amount("25,00".into())))
        .await;
    h.send(kassa::app::Message::Invoice(I::Description(
        "Factuur 2026-117".into(),
    )))
    .await;
    let Screen::Invoice(i) = h.app.screen() else {
        panic!("on the invoice QR")
    };
    let payload = i.payload().unwrap().to_string();
    h.click("Print").await;
    let slip = decode::decode(&slips.await.unwrap()[0]);
    assert_eq!(slip.qr, [payload]);
    let text = slip.lines.join("\n");
    assert!(
        text.contains("Factuur 2026-117") && text.contains("€25.00"),
        "{text}"
    );
}

/// A refund's slip: the amount refunded, the payment and where the refund stands.
#[tokio::test(flavor = "multi_thread")]
async fn a_refund_slip() {
    let (address, slips) = printer(1).await;
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(address)).await;
    h.charge("9").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let id = h.payment_id();
    h.click("New sale").await;
    h.choose_pin("2468").await;
    h.click("€9.00").await;
    h.click("Refund…").await;
    use kassa::screen::detail::Message as D;
    h.send(kassa::app::Message::Detail(D::Amount("3".into())))
        .await;
    h.click("Next").await;
    h.click("Refund now").await;
    h.click("Print refund slip").await;
    let text = decode::decode(&slips.await.unwrap()[0]).lines.join("\n");
    assert!(text.contains("Refund") && text.contains("€3.00"), "{text}");
    assert!(text.contains(&format!("Payment {id}")), "{text}");
}
