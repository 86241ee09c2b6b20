//! The shop's books for the back office: the day report (the Z reports every till took that
//! day, per till and in all) and exports of sales and refunds as CSV, times on the shop's
//! clock with their offset.
//!
//! A day report adds up Z reports rather than recounting sales: each till puts every euro in
//! exactly one of its Zs, so every euro is in exactly one day report, and a late event (a sale
//! paid after its till's Z, a refund answered the next morning) is in the till's next Z and
//! so in the day report of the day that Z was taken, visibly, as the Z itself lists it.
//! Sandbox Zs, sales and refunds (play money) are left out of the report and the exports.

use days::{Bounds, day_bounds};
use deadpool_postgres::Pool;
use kassa_core::clock::local_iso_in;
use kassa_core::csv::field;
use serde_json::Value;
use time::OffsetDateTime;

use crate::ServerError;

pub use kassa_core::shop::{DayLine, DayReport};

fn cents(v: &Value, path: &[&str]) -> i64 {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .and_then(Value::as_i64)
        .unwrap_or(0)
}

/// The shop's day report for `date` (YYYY-MM-DD on the shop's clock, `tz`).
pub async fn day_report(
    pool: &Pool,
    shop: i64,
    date: &str,
    tz: &jiff::tz::TimeZone,
) -> Result<DayReport, ServerError> {
    let Bounds { start, end } = day_bounds(date, tz)
        .ok_or_else(|| ServerError::BadRequest(format!("not a date (YYYY-MM-DD): '{date}'")))?;
    let client = pool.get().await?;
    let tills = client
        .query(
            "SELECT id, name FROM tills WHERE shop_id = $1 ORDER BY name",
            &[&shop],
        )
        .await?;
    let zs = client
        .query(
            "SELECT e.till_id, e.body FROM events e
             WHERE e.shop_id = $3 AND e.kind = 'z' AND e.at >= $1 AND e.at < $2
               AND COALESCE(e.body->>'account', '') <> 'sandbox'
             ORDER BY e.till_id, (e.body->>'number')::bigint",
            &[&start, &end, &shop],
        )
        .await?;
    let mut report = DayReport {
        date: date.trim().to_string(),
        ..DayReport::default()
    };
    for t in &tills {
        let id: i64 = t.get(0);
        let mut line = DayLine {
            till: t.get(1),
            ..DayLine::default()
        };
        for z in zs.iter().filter(|z| z.get::<_, i64>(0) == id) {
            let body: Value = z.get(1);
            let r = &body["report"];
            line.add(&DayLine {
                zs: body["number"].as_i64().into_iter().collect(),
                paid_count: cents(r, &["paid", "count"]),
                paid: cents(r, &["paid", "amount"]),
                tips: cents(r, &["tips"]),
                refunded_count: cents(r, &["refunded", "count"]),
                refunded: cents(r, &["refunded", "amount"]),
                refunds_undone: cents(r, &["refunds_undone", "amount"]),
                carried: r["carried"].as_array().map_or(0, |c| c.len() as i64),
                ..DayLine::default()
            });
        }
        report.total.add(&line);
        report.tills.push(line);
    }
    // Z numbers are each till's own: the total names none.
    report.total.zs.clear();
    report.total.till = "TOTAL".into();
    Ok(report)
}

/// Cents as a bookkeeper's CSV writes them: `12.50`, `-3.00`.
fn euros(cents: i64) -> String {
    kassa_core::money::Money::from_cents(cents).to_decimal_string()
}

/// The day report as CSV: one row per till and a total row.
pub fn csv(report: &DayReport) -> String {
    report.csv()
}

/// The day report as the terminal shows it.
pub fn text(report: &DayReport) -> String {
    let mut out = format!(
        "Day report {}\n{:<20} {:>8} {:>6} {:>12} {:>10} {:>12} {:>12}\n",
        report.date, "TILL", "Z", "PAID", "AMOUNT", "TIPS", "REFUNDED", "NET"
    );
    for l in report.tills.iter().chain(std::iter::once(&report.total)) {
        let zs = if l.zs.is_empty() {
            "-".to_string()
        } else {
            l.zs.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        out.push_str(&format!(
            "{:<20} {:>8} {:>6} {:>12} {:>10} {:>12} {:>12}\n",
            l.till,
            zs,
            l.paid_count,
            euros(l.paid),
            euros(l.tips),
            euros(l.refunded),
            euros(l.net())
        ));
    }
    out.push_str("Play money (sandbox Z reports) is left out.\n");
    out.trim_end().to_string()
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Sales,
    Refunds,
}

/// The shop's sales (rung up) or refunds (asked for) from `from` to `to` (dates on the shop's
/// clock, both included) as CSV.
pub async fn export(
    pool: &Pool,
    what: Export,
    from: &str,
    to: &str,
    tz: &jiff::tz::TimeZone,
) -> Result<String, ServerError> {
    let bad = |d: &str| ServerError::BadRequest(format!("not a date (YYYY-MM-DD): '{d}'"));
    let start = day_bounds(from, tz).ok_or_else(|| bad(from))?.start;
    let end = day_bounds(to, tz).ok_or_else(|| bad(to))?.end;
    if end <= start {
        return Err(ServerError::BadRequest(
            "the period ends before it starts".into(),
        ));
    }
    let client = pool.get().await?;
    let iso = |t: Option<OffsetDateTime>| t.map(|t| local_iso_in(t, tz)).unwrap_or_default();
    let mut out = String::new();
    match what {
        Export::Sales => {
            out.push_str("till,reference,payment_id,rung_up_at,amount,tip,total,status,description,account\n");
            let rows = client
                .query(
                    "SELECT t.name, s.reference, s.payment_id, s.attempted_at, s.amount_cents,
                            s.tip_cents, s.total_cents, s.status, s.description, s.account
                     FROM sales s JOIN tills t ON t.id = s.till_id
                     WHERE s.attempted_at >= $1 AND s.attempted_at < $2
                       AND COALESCE(s.account, '') <> 'sandbox'
                     ORDER BY s.attempted_at, t.name, s.reference",
                    &[&start, &end],
                )
                .await?;
            for r in rows {
                let money = |i: usize| r.get::<_, Option<i64>>(i).map(euros).unwrap_or_default();
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{}\n",
                    field(&r.get::<_, String>(0)),
                    field(&r.get::<_, String>(1)),
                    field(&r.get::<_, Option<String>>(2).unwrap_or_default()),
                    iso(r.get(3)),
                    money(4),
                    money(5),
                    money(6),
                    field(&r.get::<_, Option<String>>(7).unwrap_or_default()),
                    field(&r.get::<_, Option<String>>(8).unwrap_or_default()),
                    field(&r.get::<_, Option<String>>(9).unwrap_or_default()),
                ));
            }
        }
        Export::Refunds => {
            out.push_str(
                "till,payment_id,refund_id,requested_at,amount,status,description,account\n",
            );
            let rows = client
                .query(
                    "SELECT t.name, r.payment_id, r.refund_id, r.requested_at, r.amount_cents,
                            r.status, r.description, r.account
                     FROM refunds r JOIN tills t ON t.id = r.till_id
                     WHERE r.requested_at >= $1 AND r.requested_at < $2
                       AND COALESCE(r.account, '') <> 'sandbox'
                     ORDER BY r.requested_at, t.name",
                    &[&start, &end],
                )
                .await?;
            for r in rows {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{}\n",
                    field(&r.get::<_, String>(0)),
                    field(&r.get::<_, Option<String>>(1).unwrap_or_default()),
                    field(&r.get::<_, Option<String>>(2).unwrap_or_default()),
                    iso(r.get(3)),
                    r.get::<_, Option<i64>>(4).map(euros).unwrap_or_default(),
                    field(&r.get::<_, Option<String>>(5).unwrap_or_default()),
                    field(&r.get::<_, Option<String>>(6).unwrap_or_default()),
                    field(&r.get::<_, Option<String>>(7).unwrap_or_default()),
                ));
            }
        }
    }
    Ok(out)
}

/// A local day's bounds on the shop's clock.
mod days {
    use time::OffsetDateTime;

    pub struct Bounds {
        pub start: OffsetDateTime,
        pub end: OffsetDateTime,
    }

    /// From the start of `date` to the start of the next day, in `tz` (DST days are 23 or 25
    /// hours long).
    pub fn day_bounds(date: &str, tz: &jiff::tz::TimeZone) -> Option<Bounds> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let day = time::Date::parse(date.trim(), &format).ok()?;
        let next = day.next_day()?.format(&format).ok()?;
        Some(Bounds {
            start: kassa_core::clock::day_start_of(date, tz)?,
            end: kassa_core::clock::day_start_of(&next, tz)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_money_as_a_bookkeeper_reads_them() {
        let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
        // The autumn change: a 25-hour day.
        let b = day_bounds("2026-10-25", &tz).unwrap();
        assert_eq!((b.end - b.start).whole_hours(), 25);
        assert!(day_bounds("2026-13-01", &tz).is_none());
        assert_eq!(euros(1250), "12.50");
        assert_eq!(euros(-300), "-3.00");
        assert_eq!(field("a,b"), "\"a,b\"");
    }
}
