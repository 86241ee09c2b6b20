//! A shift report's words: the row labels, the notes under the figures, the books' name.

use kassa_ledger::journal::SANDBOX;
use kassa_ledger::reports::{CarriedKind, ShiftReport};

use crate::fl;
use crate::i18n::Lang;

/// The lines under the figures, in the UI language: what came from earlier shifts, and the
/// D24 refunds.
pub fn notes(report: &ShiftReport, lang: Lang) -> Vec<String> {
    let z = |n: Option<i64>| match n {
        Some(n) => fl!("shift-earlier-z", number = n.to_string()),
        None => fl!("shift-earlier-open"),
    };
    let mut out: Vec<String> = report
        .carried
        .iter()
        .map(|c| match c.what {
            CarriedKind::Paid => fl!(
                "shift-carried-paid",
                reference = c.reference.clone(),
                earlier = z(c.z_number),
                amount = c.amount.format(lang)
            ),
            CarriedKind::RefundUndone => fl!(
                "shift-carried-refund-undone",
                payment = c.reference.clone(),
                earlier = z(c.z_number),
                amount = c.amount.format(lang)
            ),
            CarriedKind::CheckByHand => fl!(
                "shift-check-by-hand",
                payment = c.reference.clone(),
                amount = c.amount.format(lang)
            ),
        })
        .collect();
    for d in &report.d24 {
        let amount = d
            .amount
            .clone()
            .unwrap_or_else(|| fl!("shift-d24-whole-deposit"));
        let mut line = fl!(
            "shift-d24-line",
            deposit = d.deposit_id.to_string(),
            amount = amount,
            currency = d.currency.clone(),
            status = d.status.clone()
        );
        if d.earlier_z.is_some() {
            line = format!("{line} ({})", z(d.earlier_z));
        }
        out.push(line);
    }
    out
}

/// The books a report covers, in words: the sandbox is named as play money.
pub fn account_name(account: &str) -> String {
    match account {
        SANDBOX => fl!("shift-account-sandbox"),
        "" => fl!("shift-account-legacy"),
        a => {
            let (base, profile) = a.split_once('#').unwrap_or((a, ""));
            let host = url::Url::parse(base)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| base.to_string());
            if profile.is_empty() {
                host
            } else {
                fl!("shift-account", host = host, profile = profile.to_string())
            }
        }
    }
}

/// The words for a row of [`ShiftReport::rows`].
pub fn label(key: &str) -> String {
    match key {
        "paid" => fl!("shift-paid"),
        "tips" => fl!("shift-tips"),
        "cancelled" => fl!("shift-cancelled"),
        "expired" => fl!("shift-expired"),
        "failed" => fl!("shift-failed"),
        "open" => fl!("shift-open"),
        "refunded" => fl!("shift-refunded"),
        "refunds-undone" => fl!("shift-refunds-undone"),
        _ => fl!("shift-net"),
    }
}
