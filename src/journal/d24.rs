//! Refunds over D24 deposits in the journal: the request exactly as sent with its
//! X-Idempotency-Key (written before it leaves), D24's refund id once it answers, then each
//! status, unclear outcome or refusal as a new event row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::{Journal, JournalError, from_ms, now_ms, to_ms};
use crate::d24::amount::Amount;
use crate::d24::model::{Method, RefundStatus};

/// A D24 refund about to be asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct D24Request {
    pub key: String,
    /// Which D24 account it goes to (login at base URL): only that account resumes it.
    pub account: String,
    pub deposit_id: u64,
    pub invoice_id: String,
    pub method: Method,
    /// `None`: the whole deposit (cards, or a full refund).
    pub amount: Option<Amount>,
    pub currency: String,
    /// The JSON body as it is sent, every time.
    pub body: Vec<u8>,
    pub at: OffsetDateTime,
}

/// Something learnt about a D24 refund request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum D24Event {
    /// D24 gave this status (with its reason when rejected).
    Status {
        status: RefundStatus,
        reason: Option<String>,
        reason_code: Option<String>,
    },
    /// No clear answer: the refund may or may not have been made; the request is re-sent with
    /// the same key.
    Unknown { detail: String },
    /// D24 refused the request (no refund was made), with its code and type.
    Refused {
        code: Option<u32>,
        kind: Option<String>,
        detail: String,
    },
}

/// A D24 refund as the journal knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct D24Entry {
    pub key: String,
    pub account: String,
    pub deposit_id: u64,
    pub invoice_id: String,
    pub method: Method,
    pub amount: Option<Amount>,
    pub currency: String,
    pub body: Vec<u8>,
    pub requested_at: OffsetDateTime,
    pub refund_id: Option<String>,
    pub last: Option<(OffsetDateTime, D24Event)>,
}

impl D24Entry {
    /// Must be sent again: no answer yet, or only an unclear one.
    pub fn unanswered(&self) -> bool {
        self.refund_id.is_none() && !matches!(self.last, Some((_, D24Event::Refused { .. })))
    }

    /// Made, and its status still to be followed.
    pub fn settling(&self) -> bool {
        self.refund_id.is_some() && self.status().is_none_or(|s| !s.is_final())
    }

    pub fn status(&self) -> Option<&RefundStatus> {
        match &self.last {
            Some((_, D24Event::Status { status, .. })) => Some(status),
            _ => None,
        }
    }
}

const SELECT: &str = "SELECT r.idempotency_key, r.account, r.deposit_id, r.invoice_id, r.method,
        r.amount_minor, r.currency, r.body, r.requested_at, r.refund_id,
        e.at, e.kind, e.status, e.code, e.detail
    FROM d24_refunds r
    LEFT JOIN d24_refund_events e ON e.id =
        (SELECT MAX(id) FROM d24_refund_events WHERE idempotency_key = r.idempotency_key)";

fn method_name(m: Method) -> &'static str {
    match m {
        Method::Card => "card",
        Method::Other => "other",
    }
}

fn entry(row: &Row<'_>) -> rusqlite::Result<D24Entry> {
    let currency: String = row.get(6)?;
    let amount: Option<i64> = row.get(5)?;
    let kind: Option<String> = row.get(11)?;
    let status: Option<String> = row.get(12)?;
    let code: Option<String> = row.get(13)?;
    let detail: Option<String> = row.get(14)?;
    let event = kind.map(|k| match k.as_str() {
        "status" => D24Event::Status {
            status: RefundStatus::parse(status.as_deref().unwrap_or("")),
            reason: detail,
            reason_code: code,
        },
        "refused" => D24Event::Refused {
            code: status.and_then(|s| s.parse().ok()),
            kind: code,
            detail: detail.unwrap_or_default(),
        },
        _ => D24Event::Unknown {
            detail: detail.unwrap_or_default(),
        },
    });
    let at: Option<i64> = row.get(10)?;
    let method: String = row.get(4)?;
    let deposit: i64 = row.get(2)?;
    Ok(D24Entry {
        key: row.get(0)?,
        account: row.get(1)?,
        deposit_id: deposit as u64,
        invoice_id: row.get(3)?,
        method: if method == "card" {
            Method::Card
        } else {
            Method::Other
        },
        amount: amount.and_then(|m| Amount::from_minor(m, &currency).ok()),
        currency,
        body: row.get(7)?,
        requested_at: from_ms(row.get(8)?),
        refund_id: row.get(9)?,
        last: at.zip(event).map(|(at, e)| (from_ms(at), e)),
    })
}

fn latest(conn: &Connection, key: &str) -> rusqlite::Result<Option<D24Entry>> {
    conn.query_row(
        &format!("{SELECT} WHERE r.idempotency_key = ?1"),
        [key],
        entry,
    )
    .optional()
}

/// Adds `event` unless it is what the journal already says last.
fn add_if_new(conn: &Connection, key: &str, event: D24Event) -> rusqlite::Result<()> {
    if latest(conn, key)?
        .and_then(|e| e.last)
        .is_some_and(|(_, last)| last == event)
    {
        return Ok(());
    }
    let (kind, status, code, detail) = match event {
        D24Event::Status {
            status,
            reason,
            reason_code,
        } => (
            "status",
            Some(status.as_str().to_string()),
            reason_code,
            reason,
        ),
        D24Event::Unknown { detail } => ("unknown", None, None, Some(detail)),
        D24Event::Refused { code, kind, detail } => {
            ("refused", code.map(|c| c.to_string()), kind, Some(detail))
        }
    };
    conn.execute(
        "INSERT INTO d24_refund_events (idempotency_key, at, kind, status, code, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key, now_ms(), kind, status, code, detail],
    )?;
    Ok(())
}

impl Journal {
    /// Commits the request, its body and its key before it may leave.
    pub async fn record_d24_request(&self, r: D24Request) -> Result<(), JournalError> {
        self.run(move |conn| {
            conn.execute(
                "INSERT INTO d24_refunds (idempotency_key, account, deposit_id, invoice_id,
                    method, amount_minor, currency, body, requested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    r.key,
                    r.account,
                    r.deposit_id as i64,
                    r.invoice_id,
                    method_name(r.method),
                    r.amount.as_ref().map(Amount::minor),
                    r.currency,
                    r.body,
                    to_ms(r.at)
                ],
            )
            .map(|_| ())
        })
        .await
    }

    /// D24 made the refund: its id, and what it said about it.
    pub async fn record_d24_refund(
        &self,
        key: &str,
        refund_id: &str,
        event: D24Event,
    ) -> Result<(), JournalError> {
        let (key, id) = (key.to_string(), refund_id.to_string());
        self.run(move |conn| {
            conn.execute(
                "UPDATE d24_refunds SET refund_id = ?2
                 WHERE idempotency_key = ?1 AND refund_id IS NULL",
                params![key, id],
            )?;
            add_if_new(conn, &key, event)
        })
        .await
    }

    pub async fn record_d24_event(&self, key: &str, event: D24Event) -> Result<(), JournalError> {
        let key = key.to_string();
        self.run(move |conn| add_if_new(conn, &key, event)).await
    }

    pub async fn d24_refund(&self, key: &str) -> Result<Option<D24Entry>, JournalError> {
        let key = key.to_string();
        self.run(move |conn| latest(conn, &key)).await
    }

    /// Every D24 refund asked for, newest first.
    pub async fn d24_refunds(&self) -> Result<Vec<D24Entry>, JournalError> {
        self.run(|conn| {
            let mut stmt = conn.prepare(&format!(
                "{SELECT} ORDER BY r.requested_at DESC, r.rowid DESC"
            ))?;
            stmt.query_map([], entry)?.collect()
        })
        .await
    }

    /// D24 refunds still to be sent again or followed.
    pub async fn open_d24_refunds(&self) -> Result<Vec<D24Entry>, JournalError> {
        Ok(self
            .d24_refunds()
            .await?
            .into_iter()
            .filter(|e| e.unanswered() || e.settling())
            .collect())
    }
}
