//! Storing what a till pushes. The database decides what is new: a batch's events go in with
//! one `INSERT … ON CONFLICT (till_id, seq) DO NOTHING`, so a batch sent twice, out of order
//! or after a crash is stored once; an event under a known (till, seq) with another id is kept
//! aside as a conflict, never written over, and never holds back the events behind it. What
//! is new also updates the shop's sales and refunds, in the same transaction.

use deadpool_postgres::Pool;
use kassa_core::payconiq::model::PaymentStatus;
use kassa_core::shop::{MAX_BATCH, OutEvent, PushAnswer};
use serde_json::Value;
use time::OffsetDateTime;

use crate::ServerError;
use crate::tills::Till;

fn at(ms: i64) -> OffsetDateTime {
    kassa_core::clock::from_millis(ms).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn text(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_string)
}

/// `v` without NUL characters, which PostgreSQL refuses in text and JSON: an event carrying one
/// (a description typed with it, an API's odd detail) would otherwise be refused again and
/// again and hold back every event of its till behind it.
fn without_nul(v: &Value) -> Value {
    match v {
        Value::String(s) if s.contains('\0') => Value::String(s.replace('\0', "")),
        Value::Array(a) => Value::Array(a.iter().map(without_nul).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.replace('\0', ""), without_nul(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn number(body: &Value, key: &str) -> Option<i64> {
    body.get(key).and_then(Value::as_i64)
}

/// Stores `events` of `till`.
pub async fn ingest(
    pool: &Pool,
    till: &Till,
    events: &[OutEvent],
) -> Result<PushAnswer, ServerError> {
    if events.is_empty() {
        return Err(ServerError::BadRequest("an empty batch".into()));
    }
    if events.len() > MAX_BATCH {
        return Err(ServerError::BadRequest(format!(
            "at most {MAX_BATCH} events a batch"
        )));
    }
    if events
        .iter()
        .any(|e| e.seq < 1 || e.id.is_empty() || e.kind.is_empty())
    {
        return Err(ServerError::BadRequest(
            "every event needs a sequence number from 1, an id and a kind".into(),
        ));
    }
    let clean: Vec<OutEvent> = events
        .iter()
        .map(|e| OutEvent {
            id: e.id.replace('\0', ""),
            kind: e.kind.replace('\0', ""),
            body: without_nul(&e.body),
            ..e.clone()
        })
        .collect();
    let events = clean.as_slice();
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    let ats: Vec<OffsetDateTime> = events.iter().map(|e| at(e.at_ms)).collect();
    let bodies: Vec<&Value> = events.iter().map(|e| &e.body).collect();
    let insert = tx
        .prepare_cached(
            "INSERT INTO events (shop_id, till_id, seq, event_id, kind, at, body)
             SELECT $1, $2, s, i, k, a, b
             FROM UNNEST($3::bigint[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[])
                  AS t(s, i, k, a, b)
             ON CONFLICT (till_id, seq) DO NOTHING
             RETURNING seq",
        )
        .await?;
    let inserted = tx
        .query(
            &insert,
            &[&till.shop_id, &till.id, &seqs, &ids, &kinds, &ats, &bodies],
        )
        .await?;
    let new: std::collections::HashSet<i64> = inserted.iter().map(|r| r.get(0)).collect();
    let mut answer = PushAnswer {
        stored: new.len() as u32,
        through: seqs.iter().copied().max().unwrap_or(0),
        ..PushAnswer::default()
    };
    // What was there before: the same event sent again, or a different one (an alarm).
    let old: Vec<&OutEvent> = events.iter().filter(|e| !new.contains(&e.seq)).collect();
    if !old.is_empty() {
        let old_seqs: Vec<i64> = old.iter().map(|e| e.seq).collect();
        let stored = tx
            .query(
                "SELECT seq, event_id FROM events WHERE till_id = $1 AND seq = ANY($2)",
                &[&till.id, &old_seqs],
            )
            .await?;
        let stored: std::collections::HashMap<i64, String> =
            stored.iter().map(|r| (r.get(0), r.get(1))).collect();
        for e in old {
            match stored.get(&e.seq) {
                Some(id) if *id == e.id => answer.duplicates += 1,
                Some(id) => {
                    tracing::warn!(till = %till.name, seq = e.seq, "a different event under a stored sequence number");
                    let offered = serde_json::to_value(e).unwrap_or(Value::Null);
                    tx.execute(
                        &tx.prepare_cached(
                        "INSERT INTO event_conflicts (till_id, seq, stored_event_id, offered_event_id, offered)
                         VALUES ($1, $2, $3, $4, $5)").await?,
                        &[&till.id, &e.seq, id, &e.id, &offered],
                    )
                    .await?;
                    answer.conflicts.push(e.seq);
                }
                // Twice in this very batch: the first one was stored.
                None => answer.duplicates += 1,
            }
        }
    }
    // The books, from what is new, in the till's order.
    let mut fresh: Vec<&OutEvent> = events.iter().filter(|e| new.contains(&e.seq)).collect();
    fresh.sort_by_key(|e| e.seq);
    fresh.dedup_by_key(|e| e.seq);
    // Sent together: the connection pipelines them (one round trip, not one per event), in the
    // till's order: with every statement already prepared, each future sends its statement
    // when first polled, and they are polled in order (a later status of the same rank wins).
    for sql in BOOKS {
        tx.prepare_cached(sql).await?;
    }
    futures::future::try_join_all(fresh.into_iter().map(|e| apply(&tx, till, e))).await?;
    tx.execute(
        &tx.prepare_cached("UPDATE tills SET last_seen_at = now() WHERE id = $1")
            .await?,
        &[&till.id],
    )
    .await?;
    tx.commit().await?;
    Ok(answer)
}

/// What each kind of event does to the books (prepared once per connection).
const SALE: &str = "INSERT INTO sales (shop_id, till_id, reference, account, amount_cents, description, pos_id, attempted_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
                 ON CONFLICT (till_id, reference) DO UPDATE SET account = EXCLUDED.account,
                    amount_cents = EXCLUDED.amount_cents, description = EXCLUDED.description,
                    pos_id = EXCLUDED.pos_id, attempted_at = EXCLUDED.attempted_at";
const SALE_CREATED: &str = "INSERT INTO sales (shop_id, till_id, reference, payment_id, updated_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (till_id, reference) DO UPDATE SET payment_id = EXCLUDED.payment_id";
const SALE_EVENT: &str = "INSERT INTO sales (shop_id, till_id, reference, status, status_rank, tip_cents, total_cents, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (till_id, reference) DO UPDATE SET
                    status = CASE WHEN EXCLUDED.status IS NOT NULL AND EXCLUDED.status_rank >= sales.status_rank
                                  THEN EXCLUDED.status ELSE sales.status END,
                    tip_cents = CASE WHEN EXCLUDED.status_rank >= sales.status_rank
                                  THEN COALESCE(EXCLUDED.tip_cents, sales.tip_cents) ELSE sales.tip_cents END,
                    total_cents = CASE WHEN EXCLUDED.status_rank >= sales.status_rank
                                  THEN COALESCE(EXCLUDED.total_cents, sales.total_cents) ELSE sales.total_cents END,
                    status_rank = GREATEST(sales.status_rank, EXCLUDED.status_rank),
                    updated_at = GREATEST(sales.updated_at, EXCLUDED.updated_at)";
const REFUND: &str = "INSERT INTO refunds (shop_id, till_id, key, payment_id, amount_cents, description, account, requested_at, refund_id, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8)
                 ON CONFLICT (till_id, key) DO UPDATE SET payment_id = EXCLUDED.payment_id,
                    amount_cents = EXCLUDED.amount_cents, description = EXCLUDED.description,
                    account = EXCLUDED.account, requested_at = EXCLUDED.requested_at,
                    refund_id = COALESCE(refunds.refund_id, EXCLUDED.refund_id)";
const REFUND_MADE: &str =
    "INSERT INTO refunds (shop_id, till_id, key, refund_id) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (till_id, key) DO UPDATE SET refund_id = EXCLUDED.refund_id";
const REFUND_EVENT: &str = "INSERT INTO refunds (shop_id, till_id, key, status, updated_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (till_id, key) DO UPDATE SET
                    status = CASE WHEN EXCLUDED.status IS NOT NULL
                                   AND (refunds.updated_at IS NULL OR EXCLUDED.updated_at >= refunds.updated_at)
                                  THEN EXCLUDED.status ELSE refunds.status END,
                    updated_at = GREATEST(refunds.updated_at, EXCLUDED.updated_at)";
const AUDIT: &str =
    "INSERT INTO audit (shop_id, till_id, at, action, detail) VALUES ($1, $2, $3, $4, $5)";
const BOOKS: [&str; 7] = [
    SALE,
    SALE_CREATED,
    SALE_EVENT,
    REFUND,
    REFUND_MADE,
    REFUND_EVENT,
    AUDIT,
];

/// What an event changes in the shop's sales and refunds. A status only moves forward (by its
/// rank in the API's order), whatever order events arrive in.
async fn apply(
    tx: &deadpool_postgres::Transaction<'_>,
    till: &Till,
    e: &OutEvent,
) -> Result<(), ServerError> {
    let b = &e.body;
    let when = at(e.at_ms);
    let (shop, id) = (&till.shop_id, &till.id);
    match e.kind.as_str() {
        "sale" => {
            tx.execute(
                &tx.prepare_cached(SALE).await?,
                &[
                    shop,
                    id,
                    &text(b, "reference"),
                    &text(b, "account"),
                    &number(b, "amount_cents"),
                    &text(b, "description"),
                    &text(b, "pos_id"),
                    &when,
                ],
            )
            .await?;
        }
        "sale-created" => {
            tx.execute(
                &tx.prepare_cached(SALE_CREATED).await?,
                &[
                    shop,
                    id,
                    &text(b, "reference"),
                    &text(b, "payment_id"),
                    &when,
                ],
            )
            .await?;
        }
        "sale-event" => {
            let status = text(b, "status");
            let rank: i32 = match &status {
                Some(s) => serde_json::from_value::<PaymentStatus>(Value::String(s.clone()))
                    .map(|st| i32::from(st.rank()))
                    .unwrap_or(1),
                None => -1,
            };
            tx.execute(
                &tx.prepare_cached(SALE_EVENT).await?,
                &[
                    shop,
                    id,
                    &text(b, "reference"),
                    &status,
                    &rank,
                    &number(b, "tip_cents"),
                    &number(b, "total_cents"),
                    &when,
                ],
            )
            .await?;
        }
        "refund" => {
            tx.execute(
                &tx.prepare_cached(REFUND).await?,
                &[
                    shop,
                    id,
                    &text(b, "key"),
                    &text(b, "payment_id"),
                    &number(b, "amount_cents"),
                    &text(b, "description"),
                    &text(b, "account"),
                    &when,
                    &text(b, "refund_id"),
                ],
            )
            .await?;
        }
        "refund-made" => {
            tx.execute(
                &tx.prepare_cached(REFUND_MADE).await?,
                &[shop, id, &text(b, "key"), &text(b, "refund_id")],
            )
            .await?;
        }
        "refund-event" => {
            tx.execute(
                &tx.prepare_cached(REFUND_EVENT).await?,
                &[shop, id, &text(b, "key"), &text(b, "status"), &when],
            )
            .await?;
        }
        // A manager's action on a till (a refund, a Z, settings, an unlock): in the server's
        // audit log with the till and the time.
        "audit" => {
            tx.execute(
                &tx.prepare_cached(AUDIT).await?,
                &[
                    shop,
                    id,
                    &when,
                    &text(b, "action").unwrap_or_default(),
                    &text(b, "detail").unwrap_or_default(),
                ],
            )
            .await?;
        }
        // Z reports and D24 refunds are kept as events (the day report reads the Zs there).
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_characters_are_taken_out_everywhere() {
        let v = serde_json::json!({"description": "Koffie\u{0}", "list": ["a\u{0}b"], "n": 1});
        assert_eq!(
            without_nul(&v),
            serde_json::json!({"description": "Koffie", "list": ["ab"], "n": 1})
        );
    }
}
