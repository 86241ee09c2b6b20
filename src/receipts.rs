//! What the slips say, in the till's language (the customer's receipt, a refund's slip, the
//! payment's and the invoice's code, the shift report, the test page), and the job that prints
//! one on the till's printer (for the screens and `kassa print test` alike). The layout for the
//! paper and the bytes are `kassa_print`'s.

use kassa_print::{Align, Document};

use crate::config::Settings;
use crate::explain::Explain;
use crate::fl;
use crate::i18n::Lang;
use crate::payconiq::model::Payment;

/// Printing `doc` on `settings`' printer, to be run off the UI thread (`None`: no printer is
/// set; an error: its address is not one).
pub fn job(
    settings: &Settings,
    doc: Document,
) -> Option<Result<impl std::future::Future<Output = Result<(), String>> + use<>, String>> {
    let printer = settings.receipt_printer()?;
    Some(printer.map(|(target, paper)| async move {
        tracing::info!(printer = %target, "printing a slip");
        let bytes = kassa_print::escpos::encode(&doc, paper).map_err(|e| e.explain())?;
        kassa_print::transport::send(&target, &bytes, Default::default())
            .await
            .map_err(|e| e.explain())
    }))
}

/// The head every slip carries: the shop's name, address and VAT number.
fn head(settings: &Settings) -> Document {
    let shop = settings.shop();
    let mut doc = Document::new().title(if shop.name.is_empty() {
        "Kassa".to_string()
    } else {
        shop.name.clone()
    });
    if !shop.address.is_empty() {
        doc = doc.text(shop.address.clone(), Align::Centre);
    }
    if !shop.vat.is_empty() {
        doc = doc.text(fl!("shift-vat", vat = shop.vat.clone()), Align::Centre);
    }
    doc.rule()
}

/// The customer's receipt for a paid `payment`: when (the shop's clock) and where (the till),
/// what was sold, amount, tip and total, how it was paid and the payment's id.
pub fn sale(settings: &Settings, payment: &Payment, lang: Lang) -> Document {
    let at = payment
        .succeeded_at
        .or(payment.created_at)
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    let mut doc = head(settings)
        .pair(
            crate::clock::date_time(at),
            fl!("receipt-till", pos = settings.pos_id.clone()),
        )
        .rule();
    if let Some(d) = payment
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        doc = doc.text(d, Align::Left);
    }
    if let Some(r) = payment
        .reference
        .as_deref()
        .filter(|r| !r.trim().is_empty())
    {
        doc = doc.text(
            fl!("receipt-reference", reference = r.to_string()),
            Align::Left,
        );
    }
    doc = doc.pair(fl!("receipt-amount"), payment.amount.format(lang));
    if let Some(tip) = payment.tip() {
        doc = doc.pair(fl!("receipt-tip"), tip.format(lang));
    }
    doc.total(fl!("receipt-total"), payment.paid_total().format(lang))
        .rule()
        .text(fl!("receipt-paid-with"), Align::Centre)
        .text(
            fl!("receipt-payment", id = payment.payment_id.clone()),
            Align::Centre,
        )
}

/// `doc` printed again, saying so at the top.
pub fn reprint(doc: &Document) -> Document {
    let mut again = Document::new().big(fl!("receipt-reprint"), Align::Centre);
    again.blocks.extend(doc.blocks.iter().cloned());
    again
}

/// The page an installer prints to see the printer works: the shop, the letters the Belgian
/// languages need, an amount and a QR code.
pub fn test_page(settings: &Settings, lang: Lang) -> Document {
    head(settings)
        .title(fl!("receipt-test-title"))
        .text("é ë ç è à ô ü ß €", Align::Centre)
        .pair(
            fl!("receipt-total"),
            crate::money::Money::from_cents(123_450).format(lang),
        )
        .qr("https://payconiq.com")
}

/// An X or Z report on the receipt printer, line for line as on its PDF (a reprint marked so).
pub fn shift_report(
    report: &crate::reports::ShiftReport,
    settings: &Settings,
    lang: Lang,
) -> Document {
    let lines = crate::reports::pdf::lines(
        report,
        lang,
        &settings.shop(),
        time::OffsetDateTime::now_utc(),
    );
    lines
        .into_iter()
        .fold(Document::new(), |doc, line| doc.text(line, Align::Left))
}

/// The payment's code on paper, for a counter without a customer display: amount, the code
/// (the same payload as on screen) and until when it can be paid.
pub fn payment_qr(settings: &Settings, payment: &Payment, lang: Lang) -> Option<Document> {
    let payload = payment.deeplink()?;
    let mut doc = head(settings)
        .big(payment.amount.format(lang), Align::Centre)
        .text(fl!("display-scan"), Align::Centre)
        .qr(payload);
    if let Some(until) = payment.expire_at {
        doc = doc.text(
            fl!("print-qr-until", time = crate::clock::time_of_day(until)),
            Align::Centre,
        );
    }
    Some(doc)
}

/// An invoice QR on paper (a bill paid later): amount, what it is for, and the code.
pub fn invoice_qr(
    settings: &Settings,
    payload: &str,
    amount: crate::money::Money,
    description: &str,
    lang: Lang,
) -> Document {
    let mut doc = head(settings).big(amount.format(lang), Align::Centre);
    if !description.is_empty() {
        doc = doc.text(description, Align::Centre);
    }
    doc.text(fl!("display-scan"), Align::Centre).qr(payload)
}

/// A refund's slip, for the customer: how much, for which payment, the refund's id and where
/// it stands.
pub fn refund(
    settings: &Settings,
    refund: &crate::journal::RefundEntry,
    state: &str,
    lang: Lang,
) -> Document {
    let mut doc = head(settings)
        .title(fl!("receipt-refund"))
        .text(crate::clock::date_time(refund.requested_at), Align::Left);
    if let Some(d) = refund
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        doc = doc.text(d, Align::Left);
    }
    doc = doc
        .total(fl!("receipt-refund-amount"), refund.amount.format(lang))
        .rule()
        .text(
            fl!("receipt-payment", id = refund.payment_id.clone()),
            Align::Left,
        );
    if let Some(id) = &refund.refund_id {
        doc = doc.text(fl!("receipt-refund-id", id = id.clone()), Align::Left);
    }
    doc.text(state, Align::Left)
}
