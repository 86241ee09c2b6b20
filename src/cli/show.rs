//! How the API's answers read on a terminal: label-value lists and aligned tables, in the
//! user's language, times in local time; and notes that cannot wait for the answer.

use time::{Date, OffsetDateTime};

use crate::fl;
use crate::i18n::{self, Lang};
use crate::money::Money;
use crate::payconiq::model::{Payment, Payout, Refund};
use crate::payconiq::reconciliation::format_date;
use crate::words::status_label;

fn lang() -> Lang {
    i18n::current_language()
}

fn when(at: Option<OffsetDateTime>) -> String {
    at.map(crate::clock::date_time).unwrap_or_default()
}

/// Label-value lines, labels padded to one width.
fn fields(rows: &[(String, String)]) -> String {
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(l, v)| format!("{l:<width$}  {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn payment_text(p: &Payment) -> String {
    let lang = lang();
    let mut rows = vec![
        (fl!("detail-payment-id"), p.payment_id.clone()),
        (
            fl!("detail-status"),
            format!("{} ({})", status_label(&p.status), p.status.as_str()),
        ),
        (fl!("detail-amount"), p.amount.format(lang)),
    ];
    if let Some(tip) = p.tipping_amount.filter(|t| t.cents() > 0) {
        rows.push((fl!("detail-tip"), tip.format(lang)));
        rows.push((fl!("detail-total"), p.paid_total().format(lang)));
    }
    rows.extend([
        (
            fl!("detail-description"),
            p.description.clone().unwrap_or_default(),
        ),
        (
            fl!("detail-reference"),
            p.reference.clone().unwrap_or_default(),
        ),
        (fl!("detail-created"), when(p.created_at)),
        (fl!("cli-api-expires"), when(p.expire_at)),
        (fl!("detail-paid-at"), when(p.succeeded_at)),
        (
            fl!("detail-customer"),
            p.debtor
                .as_ref()
                .map(crate::words::debtor)
                .unwrap_or_default(),
        ),
        (
            fl!("cli-api-qr"),
            p.links
                .deeplink
                .as_ref()
                .map(|l| l.href.clone())
                .unwrap_or_default(),
        ),
    ]);
    fields(&rows)
}

pub fn refund_text(r: &Refund) -> String {
    let status = match r.status.as_str() {
        "PENDING" => fl!("refund-state-pending"),
        "REFUNDED" => fl!("refund-state-refunded"),
        "FAILED" => fl!("refund-state-failed"),
        other => other.to_string(),
    };
    fields(&[
        (fl!("cli-api-refund-id"), r.refund_id.clone()),
        (fl!("detail-payment-id"), r.payment_id.clone()),
        (
            fl!("detail-status"),
            format!("{status} ({})", r.status.as_str()),
        ),
        (fl!("detail-amount"), r.amount.format(lang())),
        (
            fl!("detail-description"),
            r.description.clone().unwrap_or_default(),
        ),
        (fl!("detail-created"), when(r.creation_date)),
    ])
}

/// Rows under a header, each column as wide as its widest cell; `right` columns (amounts)
/// are aligned right.
fn table(header: Vec<String>, rows: Vec<Vec<String>>, right: &[usize]) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &Vec<String>| {
        cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let w = widths[c];
                if right.contains(&c) {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    std::iter::once(line(&header))
        .chain(rows.iter().map(line))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn payments_table(found: &[Payment]) -> String {
    if found.is_empty() {
        return fl!("history-none");
    }
    let lang = lang();
    let rows = found
        .iter()
        .map(|p| {
            vec![
                when(p.created_at),
                status_label(&p.status),
                p.paid_total().format(lang),
                p.reference.clone().unwrap_or_default(),
                p.description.clone().unwrap_or_default(),
                p.payment_id.clone(),
            ]
        })
        .collect();
    let header = vec![
        fl!("detail-created"),
        fl!("detail-status"),
        fl!("detail-amount"),
        fl!("detail-reference"),
        fl!("detail-description"),
        fl!("detail-payment-id"),
    ];
    format!(
        "{}\n\n{}",
        table(header, rows, &[2]),
        fl!("cli-api-count", count = found.len())
    )
}

pub fn payouts_table(found: &[Payout], start: Date, end: Date) -> String {
    let period = format!("{} – {}", format_date(start), format_date(end));
    if found.is_empty() {
        return fl!("cli-api-no-payouts", period = period);
    }
    let lang = lang();
    let rows = found
        .iter()
        .map(|p| {
            vec![
                p.payout_date
                    .map(|d| format_date(d.date()))
                    .unwrap_or_default(),
                p.payout_amount.format(lang),
                p.total_payments.to_string(),
                p.total_payment_amount.format(lang),
                p.total_refunds.to_string(),
                p.total_refund_amount.format(lang),
                p.payout_id.clone(),
            ]
        })
        .collect();
    let header = vec![
        fl!("cli-api-payout-date"),
        fl!("cli-api-paid-out"),
        fl!("cli-api-payments"),
        fl!("detail-amount"),
        fl!("detail-refunds"),
        fl!("detail-amount"),
        fl!("cli-api-payout-id"),
    ];
    let total: Money = found.iter().map(|p| p.payout_amount).sum();
    format!(
        "{}\n\n{}",
        table(header, rows, &[1, 2, 3, 4, 5]),
        fl!(
            "payouts-total",
            count = found.len(),
            total = total.format(lang)
        )
    )
}

/// A note for the person at the terminal while the command goes on (standard error, at once:
/// a refund's key must be seen before its request leaves).
/// A progress line on a terminal ("12 of 365 days read"), rewritten in place; the line ends
/// when `done` reaches `total`. Nothing when standard error is not a terminal.
pub fn progress(text: &str, done: bool) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if !err.is_terminal() {
        return;
    }
    let _ = write!(err, "\r{text}");
    if done {
        let _ = writeln!(err);
    }
    let _ = err.flush();
}

/// Text for standard output now, before the command's outcome (which may be an error).
pub fn output(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

pub fn note(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr();
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}
