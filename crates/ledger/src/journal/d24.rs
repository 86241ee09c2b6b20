//! Refunds over D24 deposits in the journal: the request exactly as sent with its
//! X-Idempotency-Key (written before it leaves), D24's refund id once it answers, then each
//! status, unclear outcome or refusal as a new event row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::sessions::open_session;
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
    /// The till's books it is counted in (its Payconiq account, see
    /// [`super::account_key`]): a D24 refund made on the sandbox is play money too.
    pub book: String,
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

macro_rules! d24_columns {
    () => {
        "r.idempotency_key, r.account, r.deposit_id, r.invoice_id, r.method,
        r.amount_minor, r.currency, r.body, r.requested_at, r.refund_id,
        e.at, e.kind, e.status, e.code, e.detail"
    };
}

/// The columns [`entry`] reads, with `e` the event that counts as the refund's latest.
pub(super) const COLUMNS: &str = d24_columns!();

const SELECT: &str = concat!(
    "SELECT ",
    d24_columns!(),
    " FROM d24_refunds r
    LEFT JOIN d24_refund_events e ON e.id =
        (SELECT MAX(id) FROM d24_refund_events WHERE idempotency_key = r.idempotency_key)"
);

fn method_name(m: Method) -> &'static str {
    match m {
        Method::Card => "card",
        Method::Other => "other",
    }
}

/// An event from five columns starting at `at`: at, kind, status, code, detail.
pub(super) fn event_at(
    row: &Row<'_>,
    at: usize,
) -> rusqlite::Result<Option<(OffsetDateTime, D24Event)>> {
    let when: Option<i64> = row.get(at)?;
    let kind: Option<String> = row.get(at + 1)?;
    let status: Option<String> = row.get(at + 2)?;
    let code: Option<String> = row.get(at + 3)?;
    let detail: Option<String> = row.get(at + 4)?;
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
    Ok(when.zip(event).map(|(w, e)| (from_ms(w), e)))
}

pub(super) fn entry(row: &Row<'_>) -> rusqlite::Result<D24Entry> {
    let currency: String = row.get(6)?;
    let amount: Option<i64> = row.get(5)?;
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
        last: event_at(row, 10)?,
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

/// Adds `event` unless it is what the journal already says last or would follow a final
/// status or a refusal; it goes to the shift open for the refund's books now.
fn add_if_new(conn: &Connection, key: &str, event: D24Event) -> rusqlite::Result<()> {
    let last = latest(conn, key)?;
    if let Some((_, last)) = last.as_ref().and_then(|e| e.last.as_ref()) {
        let closed = match last {
            D24Event::Refused { .. } => true,
            D24Event::Status { status, .. } => {
                status.is_final() || !matches!(event, D24Event::Status { .. })
            }
            D24Event::Unknown { .. } => false,
        };
        if *last == event || closed {
            return Ok(());
        }
    }
    let now = now_ms();
    let book: Option<String> = conn
        .query_row(
            "SELECT book FROM d24_refunds WHERE idempotency_key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let session = match book {
        Some(book) => Some(open_session(conn, &book, now)?),
        None => None,
    };
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
        "INSERT INTO d24_refund_events
            (idempotency_key, at, kind, status, code, detail, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![key, now, kind, status, code, detail, session],
    )?;
    Ok(())
}

impl Journal {
    /// Commits the request, its body and its key before it may leave.
    pub async fn record_d24_request(&self, r: D24Request) -> Result<(), JournalError> {
        self.write(move |conn| {
            // Counted in the shift open for the till's books now.
            let session = open_session(conn, &r.book, now_ms())?;
            conn.execute(
                "INSERT INTO d24_refunds (idempotency_key, account, deposit_id, invoice_id,
                    method, amount_minor, currency, body, requested_at, book, session_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    r.key,
                    r.account,
                    r.deposit_id as i64,
                    r.invoice_id,
                    method_name(r.method),
                    r.amount.as_ref().map(Amount::minor),
                    r.currency,
                    r.body,
                    to_ms(r.at),
                    r.book,
                    session
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
        self.write(move |conn| {
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
        self.write(move |tx| add_if_new(tx, &key, event)).await
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
