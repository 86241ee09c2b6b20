//! What the slips say, in the till's language (the customer's receipt, a refund's slip, the
//! payment's and the invoice's code, the shift report, the test page), and the job that prints
//! one on the till's printer (for the screens and `kassa print test` alike). The layout for the
//! paper and the bytes are `kassa_print`'s.

use std::future::Future;
use std::pin::Pin;

use kassa_print::system::Content;
use kassa_print::{Align, Document};

use crate::config::Settings;
use crate::explain::Explain;
use crate::fl;
use crate::i18n::Lang;
use crate::payconiq::model::Payment;

/// A print job, run off the UI thread: what to tell the cashier when it is printed, or why
/// it was not, in the cashier's words.
pub type Job = Pin<Box<dyn Future<Output = Result<String, String>> + Send>>;

/// Printing `doc` on `settings`' receipt printer, saying `done` once the printer took it
/// (`None`: no printer is set; an error: its address is not one).
pub fn job(settings: &Settings, doc: Document, done: String) -> Option<Result<Job, String>> {
    let printer = settings.receipt_printer()?;
    Some(printer.map(|(target, paper)| -> Job {
        // A system queue takes the job and prints it later: say so, not "printed".
        let done = match &target {
            kassa_print::Target::System(name) => fl!("print-sent", printer = name.clone()),
            _ => done,
        };
        Box::pin(async move {
            tracing::info!(printer = %target, "printing a slip");
            let bytes = kassa_print::escpos::encode(&doc, paper).map_err(|e| e.explain())?;
            kassa_print::transport::send(&target, &bytes, Default::default())
                .await
                .map(|()| done)
                .map_err(|e| e.explain())
        })
    }))
}

/// Printing `lines` as A4 pages on `settings`' report printer, a job called `title` (`None`:
/// no report printer is set).
pub fn a4_job(settings: &Settings, title: String, lines: Vec<String>) -> Option<Job> {
    let queue = settings.report_printer()?.to_string();
    Some(Box::pin(async move {
        tracing::info!(printer = %queue, title = %title, "printing a report");
        let pdf = crate::reports::pdf::a4(&lines);
        kassa_print::system::print(&queue, &pdf, Content::Pdf, &title)
            .await
            .map(|job| {
                tracing::info!(printer = %queue, job = %job, "the print service took it");
                fl!("print-sent", printer = queue.clone())
            })
            .map_err(|e| e.explain())
    }))
}

/// Printing an X or Z report, as the Shift screen and `kassa report … --print` do: as A4
/// pages on the report printer when one is set, else as a slip on the receipt printer
/// (`None`: no printer at all).
pub fn report_job(
    settings: &Settings,
    report: &crate::reports::ShiftReport,
    lang: Lang,
) -> Option<Result<Job, String>> {
    let title = match report.kind {
        crate::reports::Kind::X => "Kassa X".to_string(),
        crate::reports::Kind::Z(n) => format!("Kassa Z {n}"),
    };
    let lines = report_lines(report, settings, lang, crate::reports::pdf::A4_COLUMNS);
    match a4_job(settings, title, lines) {
        Some(job) => Some(Ok(job)),
        None => job(
            settings,
            shift_report(report, settings, lang),
            fl!("print-report-done"),
        ),
    }
}

/// The report's lines as on its PDF, `columns` characters wide.
fn report_lines(
    report: &crate::reports::ShiftReport,
    settings: &Settings,
    lang: Lang,
    columns: usize,
) -> Vec<String> {
    crate::reports::pdf::lines_at(
        report,
        lang,
        &settings.shop(),
        time::OffsetDateTime::now_utc(),
        columns,
    )
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

/// The customer's receipt for a paid `payment`: when (the shop's clock) and where (the till
/// and the shift), what was sold, amount, tip and total, how it was paid and the payment's id.
pub fn sale(settings: &Settings, payment: &Payment, shift: Option<i64>, lang: Lang) -> Document {
    let at = payment
        .succeeded_at
        .or(payment.created_at)
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    let mut doc = head(settings).pair(
        crate::clock::date_time(at),
        fl!("receipt-till", pos = settings.pos_id.clone()),
    );
    if let Some(n) = shift {
        doc = doc.pair(fl!("shift-session"), n.to_string());
    }
    doc = doc.rule();
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

/// An X or Z report on the receipt printer, line for line as on its PDF but as wide as the
/// paper (a reprint marked so).
pub fn shift_report(
    report: &crate::reports::ShiftReport,
    settings: &Settings,
    lang: Lang,
) -> Document {
    let columns = settings
        .receipt_printer()
        .and_then(Result::ok)
        .map_or(kassa_print::Paper::Mm80, |(_, paper)| paper)
        .columns();
    report_lines(report, settings, lang, columns)
        .into_iter()
        .fold(Document::new(), |doc, line| doc.text(line, Align::Left))
}

/// The test page for an office printer: the shop, the letters, an amount.
pub fn a4_test_page(settings: &Settings, lang: Lang) -> Vec<String> {
    let shop = settings.shop();
    let mut lines = vec![if shop.name.is_empty() {
        "Kassa".to_string()
    } else {
        shop.name
    }];
    lines.extend(
        [shop.address, shop.vat]
            .into_iter()
            .filter(|l| !l.is_empty()),
    );
    lines.extend([
        String::new(),
        fl!("receipt-test-title"),
        "é ë ç è à ô ü ß €".to_string(),
        format!(
            "{} {}",
            fl!("receipt-total"),
            crate::money::Money::from_cents(123_450).format(lang)
        ),
    ]);
    lines
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

/// The shop's static sticker on paper, to stick on the counter: the shop, "scan to pay", the
/// code, and the till it pays.
pub fn sticker(settings: &Settings, payload: &str) -> Document {
    head(settings)
        .big(fl!("display-scan"), Align::Centre)
        .qr(payload)
        .text(
            fl!("receipt-till", pos = settings.pos_id.clone()),
            Align::Centre,
        )
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
