//! Receipts from the till on a virtual network printer (a TCP listener here that answers the
//! paper status as an ESC/POS printer does), read back with the print crate's test decoder:
//! the sale receipt after a payment, its reprint from the till, and a printer that is not
//! there, which never holds the next sale.

#[path = "../../crates/print/tests/print/decode.rs"]
mod decode;
#[path = "../../crates/print/tests/print/render.rs"]
mod render;
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

/// The paper as it came out, drawn to `$KASSA_SHOTS/{name}.png` when that variable is set (the
/// README's pictures of a receipt: `KASSA_SHOTS=assets/screenshots cargo test --test ui
/// printing`).
fn picture(printed: &decode::Printed, name: &str) {
    if let Some(dir) = std::env::var_os("KASSA_SHOTS") {
        let to = std::path::Path::new(&dir).join(format!("{name}.png"));
        render::paper(&printed.paper, 48).save(&to).unwrap();
    }
}

fn with_printer(printer: String) -> Settings {
    Settings {
        printer,
        shop_name: "Bakkerij Peeters".into(),
        shop_address: "Kerkstraat 12, 2000 Antwerpen".into(),
        shop_vat: "BE0123456789".into(),
        ..Settings::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_receipt_after_a_payment_and_its_reprint() {
    let (address, slips) = printer(3).await;
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
    // After a restart the till has no last receipt: the manager prints it from the payment.
    h.choose_pin("2468").await;
    h.click("€12.50").await;
    h.click("Print receipt").await;
    h.click("Lock now").await;
    let slips = slips.await.unwrap();
    let first = decode::decode(&slips[0]);
    picture(&first, "receipt-sale");
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
    assert!(
        first
            .lines
            .iter()
            .any(|l| l.starts_with("Shift") && l.ends_with(" 1")),
        "the shift it was rung up in:\n{text}"
    );
    let total = first.lines.iter().find(|l| l.starts_with("Total")).unwrap();
    assert!(total.ends_with("€12.50"), "{total}");
    let again = decode::decode(&slips[1]).lines.join("\n");
    assert!(again.contains("REPRINT") && again.contains(&id), "{again}");
    assert!(!text.contains("REPRINT"), "the first copy is the receipt");
    let from_detail = decode::decode(&slips[2]).lines.join("\n");
    assert!(
        from_detail.contains("REPRINT") && from_detail.contains(&id),
        "{from_detail}"
    );
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
    let (_held, port) = kassa::sandbox::testing::closed_port();
    let closed = format!("tcp://127.0.0.1:{port}");
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(closed.clone())).await;
    h.charge("4").await;
    // The code on paper, before it is paid: why not, and no word of a sale kept safe (the
    // code runs out in two minutes).
    h.click("Print QR").await;
    assert!(h.shows(&format!("Not printed: no printer answers at {closed}.")));
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
    assert!(h.shows("Report printed."), "said where it was asked");
    let slips = slips.await.unwrap();
    let code = decode::decode(&slips[0]);
    picture(&code, "receipt-qr");
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
    assert!(h.shows("Code printed."));
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
    assert!(h.shows("Refund slip printed."));
    let text = decode::decode(&slips.await.unwrap()[0]).lines.join("\n");
    assert!(text.contains("Refund") && text.contains("€3.00"), "{text}");
    assert!(text.contains(&format!("Payment {id}")), "{text}");
}

/// The shop's sticker on paper: the code the sticker screen shows, with the till it pays.
#[tokio::test(flavor = "multi_thread")]
async fn the_sticker_on_paper() {
    let (address, slips) = printer(1).await;
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(address)).await;
    h.choose_pin("2468").await;
    h.click("Settings…").await;
    h.click("Sticker…").await;
    h.click("Print").await;
    assert!(h.shows("Code printed."));
    let slip = decode::decode(&slips.await.unwrap()[0]);
    assert_eq!(slip.qr.len(), 1);
    assert!(
        slip.qr[0].to_lowercase().contains("/l/1/") && slip.qr[0].ends_with("POS00001"),
        "{:?}",
        slip.qr
    );
    let text = slip.lines.join("\n");
    assert!(
        text.contains("Till POS00001") && text.contains("Bakkerij Peeters"),
        "{text}"
    );
}

/// A printer that takes the connection and never reads (wedged, or not a receipt printer): the
/// slip is given up within seconds, and all the while the till sells on.
#[tokio::test(flavor = "multi_thread")]
async fn a_printer_that_never_answers_is_said_while_the_next_sale_goes_on() {
    let (address, _held) = virtual_printer::printer(virtual_printer::Behaviour::Silent, 1).await;
    let mut h = Harness::with(SandboxConfig::for_tests(), with_printer(address.clone())).await;
    h.charge("4").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    // Print receipt: the shift is looked up, then the slip goes off on its own.
    h.queue_click("Print receipt");
    assert!(h.step().await);
    let started = Instant::now();
    let Some(print) = h.take_queued() else {
        panic!("the slip was not handed to the printer")
    };
    let printing = h.detached(print);
    // Meanwhile the next customer.
    h.click("New sale").await;
    h.charge("5").await;
    let Screen::Checkout(c) = h.app.screen() else {
        panic!("the next sale waits for the printer")
    };
    assert_eq!(c.payment().amount, kassa::money::Money::from_cents(500));
    assert!(
        !printing.is_finished(),
        "the printer is still being waited for"
    );
    let came = printing.await.unwrap();
    let said = format!("{came:?}");
    for m in came {
        h.send(m).await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "given up within seconds"
    );
    assert!(
        h.shows(&format!(
            "Not printed: the printer at {address} takes the connection but does not answer (is it on, and a receipt printer?). The sale is safe; print it again later."
        )),
        "said on the till; the print job said {said}; on screen: {:?}",
        h.texts()
    );
    // The next sale is still the one on screen.
    assert!(matches!(h.app.screen(), Screen::Checkout(_)));
}

/// The printers in Settings: the system's printers named, a report printer kept, and its A4
/// test page on a printer this computer lacks said as such (nothing pretends to print).
#[tokio::test(flavor = "multi_thread")]
async fn settings_name_the_systems_printers_and_keep_a_report_printer() {
    let mut h = Harness::saving(
        SandboxConfig::for_tests(),
        std::sync::Arc::new(kassa::secrets::MemoryStore::default()),
    )
    .await;
    h.choose_pin("2468").await;
    h.click("Settings…").await;
    use kassa::screen::settings::{Field, Message as S};
    h.send(kassa::app::Message::Settings(S::SystemPrinters(Ok(vec![
        "KassaPDF".into(),
        "Kantoor".into(),
    ]))))
    .await;
    assert!(h.shows("Printers on this computer: KassaPDF, Kantoor"));
    h.send(kassa::app::Message::Settings(S::Text(
        Field::ReportPrinter,
        "Nergens".into(),
    )))
    .await;
    // Below the fold of the form: pressed as its button does.
    h.send(kassa::app::Message::Settings(S::PrintTestA4)).await;
    // No such printer, or no print service running here to ask (CI runs none): said, not
    // pretended.
    assert!(
        h.shows("Not printed: this computer has no printer called “Nergens”.")
            || h.shows(
                "Not printed: this computer has no print service to reach its printers (CUPS is not installed or not running)."
            ),
        "said, not pretended"
    );
    h.click("Save").await;
    let saved = Settings::load(h.settings_file()).unwrap();
    assert_eq!(saved.report_printer, "Nergens");
}
