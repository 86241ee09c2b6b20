//! Sales in the journal: the attempt (written before the create request leaves), then each thing
//! learnt about it as a new event row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::sessions::open_session;
use super::{Journal, JournalError, from_ms, now_ms, to_ms};
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};

/// What the till is about to ask the API to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The till's unique reference: how an unanswered create is found again.
    pub reference: String,
    pub amount: Money,
    pub description: Option<String>,
    /// The sticker's POS id for sticker payments.
    pub pos_id: Option<String>,
    /// Which account it is made on (see [`account_key`]).
    pub account: String,
    pub at: OffsetDateTime,
}

/// The account of every simulator (the embedded sandbox, or one on loopback): play money, kept
/// in books of its own.
pub const SANDBOX: &str = "sandbox";

/// Names an account for the journal and its books: the API base and profile id, or
/// [`SANDBOX`] for an API on loopback (the real API never is; the embedded sandbox's port
/// changes with every start, its books do not).
pub fn account_key(api_base: &str, profile_id: &str) -> String {
    match url::Url::parse(api_base) {
        Ok(u) if crate::payconiq::environment::is_loopback(&u) => SANDBOX.into(),
        _ => format!("{api_base}#{profile_id}"),
    }
}

/// Something learnt about a sale after its attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The API said this.
    Status {
        status: PaymentStatus,
        tip: Option<Money>,
        total: Option<Money>,
    },
    /// The create request got no clear answer; the payment may or may not exist.
    Unknown { detail: String },
    /// The API refused the create, or a search proved it was never made.
    NotCreated { detail: String },
}

/// A sale as the journal knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub reference: String,
    pub session: i64,
    pub amount: Money,
    pub description: Option<String>,
    pub pos_id: Option<String>,
    /// `None` for sales recorded before the journal kept it.
    pub account: Option<String>,
    pub attempted_at: OffsetDateTime,
    pub payment_id: Option<String>,
    pub created_at: Option<OffsetDateTime>,
    /// The latest event and when it was recorded; `None` while the create is unanswered.
    pub last: Option<(OffsetDateTime, Event)>,
}

impl Entry {
    /// The latest status the API gave, if any.
    pub fn status(&self) -> Option<&PaymentStatus> {
        match &self.last {
            Some((_, Event::Status { status, .. })) => Some(status),
            _ => None,
        }
    }

    /// Whether the sale still needs following: unanswered, unknown, or not yet final.
    pub fn is_open(&self) -> bool {
        match &self.last {
            None | Some((_, Event::Unknown { .. })) => true,
            Some((_, Event::NotCreated { .. })) => false,
            Some((_, Event::Status { status, .. })) => !status.is_final(),
        }
    }

    /// What the customer paid (tip included), once paid.
    pub fn paid_total(&self) -> Option<Money> {
        match &self.last {
            Some((
                _,
                Event::Status {
                    status: PaymentStatus::Succeeded,
                    total,
                    ..
                },
            )) => Some(total.unwrap_or(self.amount)),
            _ => None,
        }
    }

    pub fn tip(&self) -> Option<Money> {
        match &self.last {
            Some((_, Event::Status { tip, .. })) => tip.filter(|t| t.cents() > 0),
            _ => None,
        }
    }
}

macro_rules! entry_columns {
    () => {
        "p.reference, p.session_id, p.amount_cents, p.description,
        p.pos_id, p.attempted_at, p.payment_id, p.created_at, p.account,
        e.at, e.kind, e.status, e.tip_cents, e.total_cents, e.detail"
    };
}

/// The columns [`entry`] reads, with `e` the event that counts as the sale's latest.
pub(super) const ENTRY_COLUMNS: &str = entry_columns!();

pub(super) const ENTRY_SELECT: &str = concat!(
    "SELECT ",
    entry_columns!(),
    " FROM payments p
    LEFT JOIN payment_events e
        ON e.id = (SELECT MAX(id) FROM payment_events WHERE reference = p.reference)"
);

/// An event from six columns starting at `at`: at, kind, status, tip, total, detail.
pub(super) fn event_at(
    row: &Row<'_>,
    at: usize,
) -> rusqlite::Result<Option<(OffsetDateTime, Event)>> {
    let when: Option<i64> = row.get(at)?;
    let kind: Option<String> = row.get(at + 1)?;
    let detail = || -> rusqlite::Result<String> {
        Ok(row.get::<_, Option<String>>(at + 5)?.unwrap_or_default())
    };
    Ok(match (when, kind.as_deref()) {
        (Some(when), Some("status")) => Some((
            from_ms(when),
            Event::Status {
                status: PaymentStatus::parse(&row.get::<_, String>(at + 2)?),
                tip: row.get::<_, Option<i64>>(at + 3)?.map(Money::from_cents),
                total: row.get::<_, Option<i64>>(at + 4)?.map(Money::from_cents),
            },
        )),
        (Some(when), Some("unknown")) => {
            Some((from_ms(when), Event::Unknown { detail: detail()? }))
        }
        (Some(when), Some(_)) => Some((from_ms(when), Event::NotCreated { detail: detail()? })),
        _ => None,
    })
}

pub(super) fn entry(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        reference: row.get(0)?,
        session: row.get(1)?,
        amount: Money::from_cents(row.get(2)?),
        description: row.get(3)?,
        pos_id: row.get(4)?,
        attempted_at: from_ms(row.get(5)?),
        payment_id: row.get(6)?,
        created_at: row.get::<_, Option<i64>>(7)?.map(from_ms),
        account: row.get(8)?,
        last: event_at(row, 9)?,
    })
}

pub(super) fn insert_event(
    conn: &Connection,
    reference: &str,
    event: &Event,
) -> rusqlite::Result<()> {
    let now = now_ms();
    // The shift open for the sale's account now: the event is counted there, and only there.
    let account: Option<String> = conn.query_row(
        "SELECT account FROM payments WHERE reference = ?1",
        [reference],
        |r| r.get(0),
    )?;
    let session = open_session(conn, account.as_deref().unwrap_or(SANDBOX), now)?;
    let (kind, status, tip, total, detail) = match event {
        Event::Status { status, tip, total } => (
            "status",
            Some(status.as_str().to_string()),
            tip.map(Money::cents),
            total.map(Money::cents),
            None,
        ),
        Event::Unknown { detail } => ("unknown", None, None, None, Some(detail.clone())),
        Event::NotCreated { detail } => ("not-created", None, None, None, Some(detail.clone())),
    };
    conn.execute(
        "INSERT INTO payment_events
            (reference, at, kind, status, tip_cents, total_cents, detail, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![reference, now, kind, status, tip, total, detail, session],
    )?;
    Ok(())
}

pub(super) fn status_event(p: &Payment) -> Event {
    Event::Status {
        status: p.status.clone(),
        tip: p.tipping_amount,
        total: p.total_amount,
    }
}

fn latest_event(conn: &Connection, reference: &str) -> rusqlite::Result<Option<Entry>> {
    conn.query_row(
        &format!("{ENTRY_SELECT} WHERE p.reference = ?1"),
        [reference],
        entry,
    )
    .optional()
}

/// Which of `values` a sale has in `column` (our own column name, never input).
fn known(
    conn: &Connection,
    column: &str,
    values: Vec<String>,
) -> rusqlite::Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare(&format!("SELECT 1 FROM payments WHERE {column} = ?1"))?;
    let mut found = std::collections::HashSet::new();
    for v in values {
        if stmt.exists([&v])? {
            found.insert(v);
        }
    }
    Ok(found)
}

/// Whether `new` may follow `last`: statuses only move forward (never from a final one, never
/// back in the API's order), and once the API has given a status an unclear or "not created"
/// outcome says nothing new. A late answer that would move back is dropped.
pub(super) fn moves_forward(last: &Event, new: &Event) -> bool {
    match (last, new) {
        (Event::Status { status, .. }, _) if status.is_final() => false,
        (Event::Status { status: old, .. }, Event::Status { status, .. }) => status.may_follow(old),
        (Event::Status { .. }, _) => false,
        // A payment proved absent may still turn up (found after all): only a status follows.
        (Event::NotCreated { .. }, new) => matches!(new, Event::Status { .. }),
        (Event::Unknown { .. }, _) => true,
    }
}

/// Adds `event` unless it is what the journal already says last (polls repeat themselves) or
/// would move the sale backwards. Returns whether it was added.
fn add_if_new(conn: &Connection, reference: &str, event: Event) -> rusqlite::Result<bool> {
    let last = latest_event(conn, reference)?.and_then(|e| e.last);
    let news = match &last {
        None => true,
        Some((_, last)) => *last != event && moves_forward(last, &event),
    };
    if news {
        insert_event(conn, reference, &event)?;
    } else if let Some((_, last)) = &last
        && *last != event
    {
        tracing::info!(reference, ?last, ?event, "stale answer not recorded");
    }
    Ok(news)
}

impl Journal {
    /// Commits the sale before its create request may leave. A reference used before is refused.
    pub async fn record_attempt(&self, attempt: Attempt) -> Result<(), JournalError> {
        let reference = attempt.reference.clone();
        let result = self
            .run(move |conn| {
                // The shift open for this account now.
                let session = open_session(conn, &attempt.account, now_ms())?;
                conn.execute(
                    "INSERT INTO payments
                    (reference, session_id, amount_cents, description, pos_id, attempted_at,
                     account)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        attempt.reference,
                        session,
                        attempt.amount.cents(),
                        attempt.description,
                        attempt.pos_id,
                        to_ms(attempt.at),
                        attempt.account
                    ],
                )
                .map(|_| ())
            })
            .await;
        match result {
            Err(JournalError::Other(d)) if d.contains("UNIQUE") => {
                Err(JournalError::Duplicate(reference))
            }
            other => other,
        }
    }

    /// The API created the payment (or a search found it): its id and first status.
    pub async fn record_created(
        &self,
        reference: &str,
        payment: &Payment,
    ) -> Result<(), JournalError> {
        let reference = reference.to_string();
        let payment = payment.clone();
        self.write(move |tx| {
            tx.execute(
                "UPDATE payments SET payment_id = ?2, created_at = ?3
                 WHERE reference = ?1 AND payment_id IS NULL",
                params![reference, payment.payment_id, payment.created_at.map(to_ms)],
            )?;
            add_if_new(tx, &reference, status_event(&payment)).map(|_| ())
        })
        .await
    }

    /// A status read from the API. Returns whether it was news to the journal.
    pub async fn record_status(&self, payment: &Payment) -> Result<bool, JournalError> {
        let payment = payment.clone();
        self.write(move |conn| {
            let reference: Option<String> = conn
                .query_row(
                    "SELECT reference FROM payments WHERE payment_id = ?1",
                    [&payment.payment_id],
                    |r| r.get(0),
                )
                .optional()?;
            match reference {
                Some(r) => add_if_new(conn, &r, status_event(&payment)),
                // Not a sale of this till (another till's, or a sticker payment).
                None => Ok(false),
            }
        })
        .await
    }

    /// The create got no clear answer.
    pub async fn record_unknown(&self, reference: &str, detail: &str) -> Result<(), JournalError> {
        let (reference, detail) = (reference.to_string(), detail.to_string());
        self.write(move |tx| add_if_new(tx, &reference, Event::Unknown { detail }).map(|_| ()))
            .await
    }

    /// The payment was never created (refused, or proved absent by searching its reference).
    pub async fn record_not_created(
        &self,
        reference: &str,
        detail: &str,
    ) -> Result<(), JournalError> {
        let (reference, detail) = (reference.to_string(), detail.to_string());
        self.write(move |tx| add_if_new(tx, &reference, Event::NotCreated { detail }).map(|_| ()))
            .await
    }

    /// Sales that still need following, oldest first.
    pub async fn open_entries(&self) -> Result<Vec<Entry>, JournalError> {
        let entries = self
            .run(|conn| {
                let mut stmt = conn.prepare(&format!(
                    "{ENTRY_SELECT} WHERE e.id IS NULL OR e.kind != 'not-created'
                     ORDER BY p.attempted_at"
                ))?;
                stmt.query_map([], entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .await?;
        Ok(entries.into_iter().filter(Entry::is_open).collect())
    }

    /// Sales attempted at or after `from`, newest first.
    pub async fn entries_since(&self, from: OffsetDateTime) -> Result<Vec<Entry>, JournalError> {
        let from = to_ms(from);
        self.write(move |conn| {
            let mut stmt = conn.prepare(&format!(
                "{ENTRY_SELECT} WHERE p.attempted_at >= ?1 ORDER BY p.attempted_at DESC"
            ))?;
            stmt.query_map([from], entry)?.collect()
        })
        .await
    }

    /// Which of `ids` are payments of this till's sales.
    pub async fn known_payment_ids(
        &self,
        ids: Vec<String>,
    ) -> Result<std::collections::HashSet<String>, JournalError> {
        self.run(move |conn| known(conn, "payment_id", ids)).await
    }

    /// Which of `references` are this till's sales.
    pub async fn known_references(
        &self,
        references: Vec<String>,
    ) -> Result<std::collections::HashSet<String>, JournalError> {
        self.run(move |conn| known(conn, "reference", references))
            .await
    }

    /// One sale by the provider's payment id (as a manager types it), when this till rang it
    /// up.
    pub async fn entry_for_payment(&self, payment_id: &str) -> Result<Option<Entry>, JournalError> {
        let id = payment_id.to_string();
        self.run(move |conn| {
            let reference: Option<String> = conn
                .query_row(
                    "SELECT reference FROM payments WHERE payment_id = ?1",
                    [&id],
                    |r| r.get(0),
                )
                .optional()?;
            match reference {
                Some(r) => latest_event(conn, &r),
                None => Ok(None),
            }
        })
        .await
    }

    /// One sale by its till reference.
    pub async fn entry(&self, reference: &str) -> Result<Option<Entry>, JournalError> {
        let reference = reference.to_string();
        self.run(move |conn| latest_event(conn, &reference)).await
    }

    /// Everything recorded about a sale, oldest first.
    pub async fn history(
        &self,
        reference: &str,
    ) -> Result<Vec<(OffsetDateTime, Event)>, JournalError> {
        let reference = reference.to_string();
        self.run(move |conn| {
            let mut stmt = conn.prepare(
                "SELECT at, kind, status, tip_cents, total_cents, detail
                 FROM payment_events WHERE reference = ?1 ORDER BY id",
            )?;
            stmt.query_map([reference], |row| {
                let kind: String = row.get(1)?;
                let detail = row.get::<_, Option<String>>(5)?.unwrap_or_default();
                let event = match kind.as_str() {
                    "status" => Event::Status {
                        status: PaymentStatus::parse(&row.get::<_, String>(2)?),
                        tip: row.get::<_, Option<i64>>(3)?.map(Money::from_cents),
                        total: row.get::<_, Option<i64>>(4)?.map(Money::from_cents),
                    },
                    "unknown" => Event::Unknown { detail },
                    _ => Event::NotCreated { detail },
                };
                Ok((from_ms(row.get(0)?), event))
            })?
            .collect()
        })
        .await
    }
}
