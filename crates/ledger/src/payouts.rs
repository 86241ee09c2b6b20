//! Payouts, UI-free: splitting a date range into the calls the reconciliation API allows (one
//! date per payout list, at most 30 days per payments/refunds list), fetching every page a few
//! calls at a time, checking a payout against its lines and the journal, and CSV for the
//! accountant (decimal euros with a dot, ISO 8601 dates, one header row).

use kassa_core::csv::field;
use std::collections::HashSet;

use time::{Date, Duration};

use crate::money::Money;
use crate::payconiq::model::{Payout, PayoutTransaction};
use crate::payconiq::reconciliation::{MAX_RANGE_DAYS, PayoutFilter, format_date};
use crate::payconiq::{Client, Error};

/// Reconciliation pages are asked for this big.
const PAGE_SIZE: u32 = 200;

/// The longest period of payouts asked at once: a year. The payout list answers one date a
/// call, so a period is as many calls to the provider; a bank statement is reconciled a month
/// or a year at a time, and anything longer is a typing mistake (`1900-01-01`) that would keep
/// the provider busy for half an hour.
pub const MOST_DAYS: i64 = 366;

/// Why a period of payouts is not asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodProblem {
    /// It ends before it starts.
    Backwards,
    /// Longer than [`MOST_DAYS`] (its length in days).
    TooLong(i64),
    /// It starts before Payconiq paid anything out (2014).
    TooEarly,
    /// It ends after today (nothing is paid out in the future).
    Future,
}

/// What is wrong with asking the payouts of `start`..=`end` on `today`, if anything.
pub fn period_problem(start: Date, end: Date, today: Date) -> Option<PeriodProblem> {
    let earliest = Date::from_calendar_date(2014, time::Month::January, 1).ok()?;
    if end < start {
        return Some(PeriodProblem::Backwards);
    }
    if start < earliest {
        return Some(PeriodProblem::TooEarly);
    }
    if end > today {
        return Some(PeriodProblem::Future);
    }
    let days = (end - start).whole_days() + 1;
    (days > MOST_DAYS).then_some(PeriodProblem::TooLong(days))
}

/// Every date from `start` to `end`, both included (the payout list answers one date a call).
pub fn dates(start: Date, end: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = start;
    while d <= end {
        out.push(d);
        match d.next_day() {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// `start..=end` cut into inclusive ranges the payments/refunds lists accept (at most
/// `MAX_RANGE_DAYS` days from first to last day).
pub fn split_range(start: Date, end: Date) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut from = start;
    while from <= end {
        let to = (from + Duration::days(MAX_RANGE_DAYS)).min(end);
        out.push((from, to));
        match to.next_day() {
            Some(n) => from = n,
            None => break,
        }
    }
    out
}

/// Every payout dated `start..=end`, all pages, `parallel` dates at a time; `progress` hears
/// (dates done, dates in all) as they finish. Sorted by date.
pub async fn payouts_between(
    client: &Client,
    start: Date,
    end: Date,
    parallel: usize,
    progress: impl Fn(usize, usize),
) -> Result<Vec<Payout>, Error> {
    let days = dates(start, end);
    let total = days.len();
    let mut out = Vec::new();
    let mut done = 0;
    for chunk in days.chunks(parallel.max(1)) {
        out.extend(payouts_on_dates(client, chunk).await?);
        done += chunk.len();
        progress(done, total);
    }
    out.sort_by_key(|p| p.payout_date);
    Ok(out)
}

/// The payouts of `days`, one call (and its pages) per date, all at once.
pub async fn payouts_on_dates(client: &Client, days: &[Date]) -> Result<Vec<Payout>, Error> {
    let mut set = tokio::task::JoinSet::new();
    for &day in days {
        let client = client.clone();
        set.spawn(async move { payouts_on(&client, day).await });
    }
    let mut out = Vec::new();
    while let Some(joined) = set.join_next().await {
        out.extend(joined.map_err(|e| Error::Config(e.to_string()))??);
    }
    Ok(out)
}

async fn payouts_on(client: &Client, day: Date) -> Result<Vec<Payout>, Error> {
    let mut out = Vec::new();
    let mut page = 0;
    loop {
        let p = client.payouts(day, page, PAGE_SIZE).await?;
        let last = page + 1 >= p.total_pages || p.items.is_empty();
        out.extend(p.items);
        if last {
            return Ok(out);
        }
        page += 1;
    }
}

/// Payments or refunds lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    Payments,
    Refunds,
}

/// Every line of `filter` (all pages); a date range is split as the API requires.
pub async fn lines(
    client: &Client,
    which: Lines,
    filter: &PayoutFilter,
) -> Result<Vec<PayoutTransaction>, Error> {
    let filters = match filter {
        PayoutFilter::Dates { start, end } => split_range(*start, *end)
            .into_iter()
            .map(|(start, end)| PayoutFilter::Dates { start, end })
            .collect(),
        f => vec![f.clone()],
    };
    let mut out = Vec::new();
    for f in filters {
        let mut page = 0;
        loop {
            let p = match which {
                Lines::Payments => client.payout_payments(&f, page, PAGE_SIZE).await?,
                Lines::Refunds => client.payout_refunds(&f, page, PAGE_SIZE).await?,
            };
            let last = page + 1 >= p.total_pages || p.items.is_empty();
            out.extend(p.items);
            if last {
                break;
            }
            page += 1;
        }
    }
    Ok(out)
}

/// Something that does not add up in a payout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// totalPaymentAmount − totalRefundAmount ≠ payoutAmount.
    Payout {
        expected: Money,
        stated: Money,
    },
    /// The listed payments do not add up to the payout's payment total.
    Payments {
        listed: Money,
        stated: Money,
    },
    Refunds {
        listed: Money,
        stated: Money,
    },
    /// A listed payment this till's journal does not know (another till, a sticker, an
    /// invoice QR — or something to look into).
    Unknown {
        payment_id: String,
    },
}

/// Checks a payout against its lines, and each payment against `known` payment ids.
pub fn reconcile(
    payout: &Payout,
    payments: &[PayoutTransaction],
    refunds: &[PayoutTransaction],
    known: &HashSet<String>,
) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let expected = payout.total_payment_amount - payout.total_refund_amount;
    if expected != payout.payout_amount {
        out.push(Mismatch::Payout {
            expected,
            stated: payout.payout_amount,
        });
    }
    let sum = |lines: &[PayoutTransaction]| lines.iter().map(|l| l.amount).sum::<Money>();
    let listed = sum(payments);
    if listed != payout.total_payment_amount {
        out.push(Mismatch::Payments {
            listed,
            stated: payout.total_payment_amount,
        });
    }
    let listed = sum(refunds);
    if listed != payout.total_refund_amount {
        out.push(Mismatch::Refunds {
            listed,
            stated: payout.total_refund_amount,
        });
    }
    for p in payments {
        if let Some(id) = &p.payment_id
            && !known.contains(id)
        {
            out.push(Mismatch::Unknown {
                payment_id: id.clone(),
            });
        }
    }
    out
}

fn euros(m: Money) -> String {
    m.to_decimal_string()
}

/// On the shop's clock with its offset (a bookkeeper's import reads local times).
fn iso(at: Option<time::OffsetDateTime>) -> String {
    at.map(crate::clock::local_iso).unwrap_or_default()
}

/// Payouts as CSV.
pub fn payouts_csv(payouts: &[Payout]) -> String {
    let mut out = String::from(
        "payout_id,payout_date,status,currency,payments,payment_amount,refunds,refund_amount,payout_amount,iban\n",
    );
    for p in payouts {
        let row = [
            field(&p.payout_id),
            iso(p.payout_date),
            field(p.payout_status.as_str()),
            field(p.payout_currency.as_deref().unwrap_or("EUR")),
            p.total_payments.to_string(),
            euros(p.total_payment_amount),
            p.total_refunds.to_string(),
            euros(p.total_refund_amount),
            euros(p.payout_amount),
            field(p.iban.as_deref().unwrap_or_default()),
        ];
        out += &row.join(",");
        out.push('\n');
    }
    out
}

/// A payout's payment and refund lines as CSV (refunds as negative amounts, so the column adds
/// up to the payout).
pub fn lines_csv(payments: &[PayoutTransaction], refunds: &[PayoutTransaction]) -> String {
    let mut out = String::from(
        "kind,date,payment_id,refund_id,payout_id,amount,currency,reference,description\n",
    );
    let rows = payments.iter().map(|l| ("payment", l, l.amount)).chain(
        refunds
            .iter()
            .map(|l| ("refund", l, Money::from_cents(-l.amount.cents()))),
    );
    for (kind, l, amount) in rows {
        let row = [
            kind.to_string(),
            iso(l.transaction_date),
            field(l.payment_id.as_deref().unwrap_or_default()),
            field(l.refund_id.as_deref().unwrap_or_default()),
            field(l.payout_id.as_deref().unwrap_or_default()),
            euros(amount),
            field(l.currency.as_deref().unwrap_or("EUR")),
            field(l.reference.as_deref().unwrap_or_default()),
            field(l.description.as_deref().unwrap_or_default()),
        ];
        out += &row.join(",");
        out.push('\n');
    }
    out
}

/// The CSV file name for a period.
pub fn file_name(prefix: &str, start: Date, end: Date) -> String {
    format!("{prefix}-{}-{}.csv", format_date(start), format_date(end))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_period_of_payouts_is_bounded() {
        use time::macros::date;
        let today = date!(2026 - 12 - 05);
        let p = |a, b| period_problem(a, b, today);
        assert_eq!(p(date!(2026 - 11 - 01), date!(2026 - 11 - 30)), None);
        assert_eq!(p(date!(2025 - 12 - 05), today), None, "a year and a day");
        assert_eq!(
            p(date!(2025 - 12 - 04), today),
            Some(PeriodProblem::TooLong(367))
        );
        assert_eq!(
            p(date!(1900 - 01 - 01), today),
            Some(PeriodProblem::TooEarly)
        );
        assert_eq!(
            p(date!(2026 - 12 - 01), date!(2026 - 11 - 01)),
            Some(PeriodProblem::Backwards)
        );
        assert_eq!(
            p(date!(2026 - 12 - 01), date!(2026 - 12 - 06)),
            Some(PeriodProblem::Future)
        );
    }

    use super::*;
    use time::macros::date;

    #[test]
    fn ranges_are_split_as_the_api_allows() {
        assert_eq!(dates(date!(2026 - 02 - 27), date!(2026 - 03 - 02)).len(), 4);
        let parts = split_range(date!(2026 - 01 - 01), date!(2026 - 03 - 31));
        assert_eq!(
            parts,
            [
                (date!(2026 - 01 - 01), date!(2026 - 01 - 31)),
                (date!(2026 - 02 - 01), date!(2026 - 03 - 03)),
                (date!(2026 - 03 - 04), date!(2026 - 03 - 31)),
            ]
        );
        for (a, b) in &parts {
            assert!((*b - *a).whole_days() <= MAX_RANGE_DAYS);
        }
        assert_eq!(
            split_range(date!(2026 - 05 - 05), date!(2026 - 05 - 05)),
            [(date!(2026 - 05 - 05), date!(2026 - 05 - 05))]
        );
        assert!(split_range(date!(2026 - 05 - 06), date!(2026 - 05 - 05)).is_empty());
    }

    fn line(id: &str, cents: i64) -> PayoutTransaction {
        serde_json::from_value(serde_json::json!({"paymentId": id, "amount": cents})).unwrap()
    }

    fn payout(payments: i64, refunds: i64, paid_out: i64) -> Payout {
        serde_json::from_value(serde_json::json!({
            "payoutId": "po1", "payoutStatus": "SUCCEEDED",
            "totalPaymentAmount": payments, "totalRefundAmount": refunds,
            "payoutAmount": paid_out, "totalPayments": 2, "totalRefunds": 1
        }))
        .unwrap()
    }

    #[test]
    fn a_payout_that_adds_up_passes_and_each_mismatch_is_named() {
        let known: HashSet<String> = ["a".to_string(), "b".to_string()].into();
        let payments = [line("a", 1000), line("b", 500)];
        let refunds = [line("a", 200)];
        assert_eq!(
            reconcile(&payout(1500, 200, 1300), &payments, &refunds, &known),
            []
        );
        let wrong = reconcile(&payout(1500, 200, 1290), &payments, &refunds, &known);
        assert_eq!(
            wrong,
            [Mismatch::Payout {
                expected: Money::from_cents(1300),
                stated: Money::from_cents(1290)
            }]
        );
        let extra = [line("a", 1000), line("b", 500), line("x", 1)];
        let found = reconcile(&payout(1500, 200, 1300), &extra, &refunds, &known);
        assert!(found.contains(&Mismatch::Payments {
            listed: Money::from_cents(1501),
            stated: Money::from_cents(1500)
        }));
        assert!(found.contains(&Mismatch::Unknown {
            payment_id: "x".into()
        }));
    }

    #[test]
    fn csv_is_what_an_accountant_imports() {
        let csv = payouts_csv(&[payout(1500, 200, 1300)]);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "payout_id,payout_date,status,currency,payments,payment_amount,refunds,refund_amount,payout_amount,iban"
        );
        let row: Vec<&str> = lines.next().unwrap().split(',').collect();
        assert_eq!(
            row,
            [
                "po1",
                "",
                "SUCCEEDED",
                "EUR",
                "2",
                "15.00",
                "1",
                "2.00",
                "13.00",
                ""
            ]
        );

        let mut with_comma = line("a", 1050);
        with_comma.description = Some("Koffie, taart \"groot\"".into());
        with_comma.transaction_date = Some(time::macros::datetime!(2026-11-20 09:30:00 UTC));
        let csv = lines_csv(&[with_comma], &[line("a", 250)]);
        let rows: Vec<&str> = csv.lines().collect();
        // The shop's clock, with its offset (UTC here gives +00:00).
        let at = crate::clock::local_iso(time::macros::datetime!(2026-11-20 09:30:00 UTC));
        assert!(at.starts_with("2026-11-20T") && !at.ends_with('Z'), "{at}");
        assert_eq!(
            rows[1],
            format!("payment,{at},a,,,10.50,EUR,,\"Koffie, taart \"\"groot\"\"\"")
        );
        assert_eq!(rows[2], "refund,,a,,,-2.50,EUR,,");
    }
}
