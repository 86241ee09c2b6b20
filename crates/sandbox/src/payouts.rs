//! Reconciliation derived from the sandbox's own succeeded payments and refunds: one payout per
//! day of activity, visible after `payout_delay` from the end of that day (the real API makes
//! them available the next morning).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Router;
use axum::extract::OriginalUri;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use time::{Date, OffsetDateTime, Time};

use crate::money::Money;
use crate::payconiq::model::{
    PaymentStatus, Payout, PayoutStatus, PayoutTransaction, RefundStatus,
};
use crate::payconiq::reconciliation::{MAX_RANGE_DAYS, format_date, parse_date};

use super::Shared;
use super::auth::Accepts;
use super::reply::{Reject, Reply, json};

pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/payouts", get(payouts))
        .route("/payments", get(payments))
        .route("/refunds", get(refunds))
}

/// One day's settled activity.
#[derive(Default)]
struct Day {
    payments: Vec<PayoutTransaction>,
    refunds: Vec<PayoutTransaction>,
}

fn payout_id(merchant: &str, day: Date) -> String {
    // Stable per merchant and day, 24 hex digits like the API's ids.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in merchant.bytes().chain(format_date(day).bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}{h:016x}", day.to_julian_day())
}

fn payout_time(s: &Shared, day: Date) -> OffsetDateTime {
    day.next_day()
        .unwrap_or(day)
        .with_time(Time::MIDNIGHT)
        .assume_utc()
        + s.cfg.payout_delay
}

/// A payout line: the fields every payment and refund line shares.
fn line(s: &Shared, at: OffsetDateTime, amount: Money) -> PayoutTransaction {
    PayoutTransaction {
        payment_id: None,
        refund_id: None,
        payout_id: Some(payout_id(&s.cfg.merchant_id, at.date())),
        payment_profile_id: Some(s.cfg.profile_id.clone()),
        merchant_name: Some(s.cfg.merchant_name.clone()),
        submerchant_name: Some(String::new()),
        submerchant_id: Some(String::new()),
        payment_channel: Some("INSTORE".into()),
        currency: Some("EUR".into()),
        amount,
        reference: None,
        description: None,
        transaction_date: Some(at),
    }
}

/// Every day whose payout is already visible, with its transactions.
fn ledger(s: &Shared) -> BTreeMap<Date, Day> {
    let now = OffsetDateTime::now_utc();
    let mut days: BTreeMap<Date, Day> = BTreeMap::new();
    s.with_store(|st| {
        let payments = st.all_payments(&s.cfg);
        for p in &payments {
            let (PaymentStatus::Succeeded, Some(at)) = (&p.status, p.succeeded_at) else {
                continue;
            };
            days.entry(at.date())
                .or_default()
                .payments
                .push(PayoutTransaction {
                    payment_id: Some(p.payment_id.clone()),
                    reference: p.reference.clone(),
                    description: p.description.clone(),
                    ..line(s, at, p.paid_total())
                });
        }
        let ids = st.refund_ids();
        for id in ids {
            let Some(r) = st.refund(&s.cfg, &id) else {
                continue;
            };
            let (RefundStatus::Refunded, Some(at)) = (&r.view.status, r.view.creation_date) else {
                continue;
            };
            let reference = payments
                .iter()
                .find(|p| p.payment_id == r.view.payment_id)
                .and_then(|p| p.reference.clone());
            days.entry(at.date())
                .or_default()
                .refunds
                .push(PayoutTransaction {
                    payment_id: Some(r.view.payment_id.clone()),
                    refund_id: Some(r.view.refund_id.clone()),
                    reference,
                    description: r.view.description.clone(),
                    ..line(s, at, r.view.amount)
                });
        }
    });
    days.retain(|day, _| payout_time(s, *day) <= now);
    for day in days.values_mut() {
        day.payments.sort_by_key(|t| t.transaction_date);
        day.refunds.sort_by_key(|t| t.transaction_date);
    }
    days
}

fn payout_of(s: &Shared, day: Date, book: &Day) -> Payout {
    let paid: Money = book.payments.iter().map(|t| t.amount).sum();
    let refunded: Money = book.refunds.iter().map(|t| t.amount).sum();
    let skew = s.with_store(|st| st.payout_skew.get(&day).copied().unwrap_or(0));
    Payout {
        payout_id: payout_id(&s.cfg.merchant_id, day),
        merchant_id: Some(s.cfg.merchant_id.clone()),
        bulk_id: Some("NONE".into()),
        iban: Some(s.cfg.merchant_iban.clone()),
        payout_status: PayoutStatus::Succeeded,
        payout_date: Some(payout_time(s, day)),
        payout_currency: Some("EUR".into()),
        total_payments: book.payments.len() as u32,
        total_refunds: book.refunds.len() as u32,
        total_payment_amount: paid,
        total_refund_amount: refunded,
        payout_amount: paid - refunded + Money::from_cents(skew),
    }
}

fn page_of<T: serde::Serialize>(
    name: &str,
    items: Vec<T>,
    q: &HashMap<String, String>,
) -> Result<serde_json::Value, Reject> {
    let number = |key: &str, default: usize| -> Result<usize, Reject> {
        q.get(key).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| Reject::new(400, "BAD_REQUEST", format!("'{key}' must be a number")))
        })
    };
    let (page, size) = (number("page", 0)?, number("size", 10_000)?.max(1));
    let total = items.len();
    let slice: Vec<T> = items.into_iter().skip(page * size).take(size).collect();
    let mut body = serde_json::json!({
        "size": size,
        "totalPages": total.div_ceil(size),
        "totalElements": total,
        "number": page,
    });
    body[name] = serde_json::to_value(slice).unwrap_or_default();
    Ok(body)
}

fn date_param(q: &HashMap<String, String>, key: &str) -> Result<Option<Date>, Reject> {
    q.get(key)
        .map(|v| {
            parse_date(v).ok_or_else(|| {
                Reject::new(400, "BAD_REQUEST", format!("'{key}' must be yyyy-MM-dd"))
            })
        })
        .transpose()
}

async fn payouts(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    s.authenticate(&headers, &uri, &[], Accepts::JwsOnly)?;
    let date = date_param(&q, "date")?.unwrap_or_else(|| OffsetDateTime::now_utc().date());
    let list: Vec<Payout> = ledger(&s)
        .iter()
        .map(|(day, book)| payout_of(&s, *day, book))
        .filter(|p| p.payout_date.is_some_and(|at| at.date() == date))
        .collect();
    Ok(json(200, &page_of("payouts", list, &q)?))
}

/// The days a payments/refunds query covers: one payout's day, or a range of at most 30 days.
fn selected_days(
    s: &Shared,
    q: &HashMap<String, String>,
) -> Result<(BTreeMap<Date, Day>, Vec<Date>), Reject> {
    let ledger = ledger(s);
    if let Some(id) = q.get("payout-id") {
        let day = ledger
            .keys()
            .find(|d| &payout_id(&s.cfg.merchant_id, **d) == id)
            .copied()
            .ok_or_else(|| {
                Reject::new(
                    404,
                    "PAYOUT_NOT_FOUND",
                    format!("Payout with id '{id}' not found"),
                )
            })?;
        return Ok((ledger, vec![day]));
    }
    let (start, end) = match (date_param(q, "start-date")?, date_param(q, "end-date")?) {
        (Some(start), Some(end)) => (start, end),
        (None, None) => {
            return Err(Reject::new(
                400,
                "BAD_REQUEST",
                "Either payout-id or start-date and end-date are required",
            ));
        }
        _ => {
            return Err(Reject::new(
                400,
                "BAD_REQUEST",
                "start-date and end-date go together",
            ));
        }
    };
    if end < start {
        return Err(Reject::new(
            400,
            "BAD_REQUEST",
            "end-date is before start-date",
        ));
    }
    if (end - start).whole_days() > MAX_RANGE_DAYS {
        return Err(Reject::new(
            400,
            "BAD_REQUEST",
            "Period between start and end date can not be bigger than 30 days",
        ));
    }
    let days = ledger
        .keys()
        .filter(|d| **d >= start && **d <= end)
        .copied()
        .collect();
    Ok((ledger, days))
}

async fn payments(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    lines(&s, &q, &headers, &uri, "payments", |d| d.payments)
}

async fn refunds(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Reply {
    lines(&s, &q, &headers, &uri, "refunds", |d| d.refunds)
}

/// The payment or refund lines (`pick`) of the selected days, as the page named `name`.
fn lines(
    s: &Shared,
    q: &HashMap<String, String>,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
    name: &str,
    pick: fn(Day) -> Vec<PayoutTransaction>,
) -> Reply {
    s.authenticate(headers, uri, &[], Accepts::JwsOnly)?;
    let (mut ledger, days) = selected_days(s, q)?;
    let items: Vec<_> = days
        .iter()
        .flat_map(|d| ledger.remove(d).map(pick).unwrap_or_default())
        .collect();
    Ok(json(200, &page_of(name, items, q)?))
}
