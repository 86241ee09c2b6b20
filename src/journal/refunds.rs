//! Refunds in the journal: the request with its Idempotency-Key (written before it leaves), the
//! refund id once the API answers, then each status or problem as a new event row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::{Journal, JournalError, from_ms, now_ms, to_ms};
use crate::money::Money;
use crate::payconiq::model::{Refund, RefundStatus};

/// A refund about to be asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundRequest {
    /// Sent as `Idempotency-Key`; the same key is used for every repeat of this request.
    pub key: String,
    pub payment_id: String,
    pub amount: Money,
    pub description: Option<String>,
    pub account: String,
    pub at: OffsetDateTime,
}

/// Something learnt about a refund request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefundEvent {
    /// The API gave this status.
    Status(RefundStatus),
    /// The request got no clear answer: it may or may not have been made.
    Unknown { detail: String },
    /// The API refused it (no refund was made).
    Refused {
        code: Option<String>,
        detail: String,
    },
}

/// A refund as the journal knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundEntry {
    pub key: String,
    pub payment_id: String,
    pub amount: Money,
    pub description: Option<String>,
    pub account: Option<String>,
    pub requested_at: OffsetDateTime,
    pub refund_id: Option<String>,
    pub last: Option<(OffsetDateTime, RefundEvent)>,
}

impl RefundEntry {
    /// Whether the request must be sent again (no answer yet, or only an unclear one).
    pub fn unanswered(&self) -> bool {
        self.refund_id.is_none() && !matches!(self.last, Some((_, RefundEvent::Refused { .. })))
    }

    /// Whether its status is still to be followed (made, not yet settled).
    pub fn settling(&self) -> bool {
        self.refund_id.is_some()
            && matches!(
                &self.last,
                Some((
                    _,
                    RefundEvent::Status(RefundStatus::Pending | RefundStatus::Processing)
                )) | None
            )
    }

    /// The status last seen, if the API gave one.
    pub fn status(&self) -> Option<&RefundStatus> {
        match &self.last {
            Some((_, RefundEvent::Status(s))) => Some(s),
            _ => None,
        }
    }
}

pub(super) const SELECT: &str =
    "SELECT r.idempotency_key, r.payment_id, r.amount_cents, r.description,
        r.account, r.requested_at, r.refund_id, e.at, e.kind, e.status, e.detail
    FROM refunds r
    LEFT JOIN refund_events e ON e.id =
        (SELECT MAX(id) FROM refund_events WHERE idempotency_key = r.idempotency_key)";

pub(super) fn entry(row: &Row<'_>) -> rusqlite::Result<RefundEntry> {
    let kind: Option<String> = row.get(8)?;
    let status: Option<String> = row.get(9)?;
    let detail: Option<String> = row.get(10)?;
    let event = kind.map(|k| match k.as_str() {
        "status" => RefundEvent::Status(RefundStatus::parse(status.as_deref().unwrap_or(""))),
        "refused" => RefundEvent::Refused {
            code: status,
            detail: detail.unwrap_or_default(),
        },
        _ => RefundEvent::Unknown {
            detail: detail.unwrap_or_default(),
        },
    });
    let at: Option<i64> = row.get(7)?;
    Ok(RefundEntry {
        key: row.get(0)?,
        payment_id: row.get(1)?,
        amount: Money::from_cents(row.get(2)?),
        description: row.get(3)?,
        account: row.get(4)?,
        requested_at: from_ms(row.get(5)?),
        refund_id: row.get(6)?,
        last: at.zip(event).map(|(at, e)| (from_ms(at), e)),
    })
}

fn latest(conn: &Connection, key: &str) -> rusqlite::Result<Option<RefundEntry>> {
    conn.query_row(
        &format!("{SELECT} WHERE r.idempotency_key = ?1"),
        [key],
        entry,
    )
    .optional()
}

/// Adds `event` unless it is what the journal already says last.
fn add_if_new(conn: &Connection, key: &str, event: RefundEvent) -> rusqlite::Result<()> {
    if latest(conn, key)?
        .and_then(|e| e.last)
        .is_some_and(|(_, last)| last == event)
    {
        return Ok(());
    }
    let (kind, status, detail) = match event {
        RefundEvent::Status(s) => ("status", Some(s.as_str().to_string()), None),
        RefundEvent::Unknown { detail } => ("unknown", None, Some(detail)),
        RefundEvent::Refused { code, detail } => ("refused", code, Some(detail)),
    };
    conn.execute(
        "INSERT INTO refund_events (idempotency_key, at, kind, status, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key, now_ms(), kind, status, detail],
    )?;
    Ok(())
}

impl Journal {
    /// Commits the request (and its key) before it may leave.
    pub async fn record_refund_request(&self, r: RefundRequest) -> Result<(), JournalError> {
        self.run(move |conn| {
            conn.execute(
                "INSERT INTO refunds
                    (idempotency_key, payment_id, amount_cents, description, account, requested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    r.key,
                    r.payment_id,
                    r.amount.cents(),
                    r.description,
                    r.account,
                    to_ms(r.at)
                ],
            )
            .map(|_| ())
        })
        .await
    }

    /// What the API answered for the request with `key`: the refund and its status.
    pub async fn record_refund(&self, key: &str, refund: &Refund) -> Result<(), JournalError> {
        let (key, id, status) = (
            key.to_string(),
            refund.refund_id.clone(),
            refund.status.clone(),
        );
        self.run(move |conn| {
            conn.execute(
                "UPDATE refunds SET refund_id = ?2 WHERE idempotency_key = ?1 AND refund_id IS NULL",
                params![key, id],
            )?;
            add_if_new(conn, &key, RefundEvent::Status(status))
        })
        .await
    }

    /// Something else learnt about the request with `key` (an unclear answer, a refusal).
    pub async fn record_refund_event(
        &self,
        key: &str,
        event: RefundEvent,
    ) -> Result<(), JournalError> {
        let key = key.to_string();
        self.run(move |conn| add_if_new(conn, &key, event)).await
    }

    /// The refunds asked for on one payment, oldest first.
    pub async fn refunds_for(&self, payment_id: &str) -> Result<Vec<RefundEntry>, JournalError> {
        let payment_id = payment_id.to_string();
        self.run(move |conn| {
            let mut stmt = conn.prepare(&format!(
                "{SELECT} WHERE r.payment_id = ?1 ORDER BY r.requested_at, r.rowid"
            ))?;
            stmt.query_map([payment_id], entry)?.collect()
        })
        .await
    }

    /// Refunds refused because the bank had not yet given the customer's account, and not asked
    /// for again since on that payment: reminders to try later.
    pub async fn refunds_to_retry(&self) -> Result<Vec<RefundEntry>, JournalError> {
        let all = self
            .run(|conn| {
                let mut stmt =
                    conn.prepare(&format!("{SELECT} ORDER BY r.requested_at, r.rowid"))?;
                stmt.query_map([], entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .await?;
        let waiting = |e: &RefundEntry| {
            matches!(&e.last, Some((_, RefundEvent::Refused { code: Some(c), .. }))
                if c == "DEBTOR_IBAN_NOT_AVAILABLE" || c == "REFUND_NOT_AVAILABLE")
        };
        Ok(all
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                waiting(e)
                    && !all[i + 1..]
                        .iter()
                        .any(|later| later.payment_id == e.payment_id)
            })
            .map(|(_, e)| e.clone())
            .collect())
    }

    /// Refunds still to be sent again or followed (after a crash or a lost answer).
    pub async fn open_refunds(&self) -> Result<Vec<RefundEntry>, JournalError> {
        let all = self
            .run(|conn| {
                let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY r.requested_at"))?;
                stmt.query_map([], entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .await?;
        Ok(all
            .into_iter()
            .filter(|e| e.unanswered() || e.settling())
            .collect())
    }
}
