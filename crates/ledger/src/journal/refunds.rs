//! Refunds in the journal: the request with its Idempotency-Key (written before it leaves), the
//! refund id once the API answers, then each status or problem as a new event row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::payments::SANDBOX;
use super::sessions::open_session;
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
    /// Unanswered for longer than the provider may keep its key: no longer sent again, to be
    /// checked by hand (it may or may not have been made).
    CheckByHand,
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

macro_rules! refund_columns {
    () => {
        "r.idempotency_key, r.payment_id, r.amount_cents, r.description,
        r.account, r.requested_at, r.refund_id, e.at, e.kind, e.status, e.detail"
    };
}

/// The columns [`entry`] reads, with `e` the event that counts as the refund's latest.
pub(super) const COLUMNS: &str = refund_columns!();

pub(super) const SELECT: &str = concat!(
    "SELECT ",
    refund_columns!(),
    " FROM refunds r
    LEFT JOIN refund_events e ON e.id =
        (SELECT MAX(id) FROM refund_events WHERE idempotency_key = r.idempotency_key)"
);

/// An event from four columns starting at `at`: at, kind, status, detail.
pub(super) fn event_at(
    row: &Row<'_>,
    at: usize,
) -> rusqlite::Result<Option<(OffsetDateTime, RefundEvent)>> {
    let when: Option<i64> = row.get(at)?;
    let kind: Option<String> = row.get(at + 1)?;
    let status: Option<String> = row.get(at + 2)?;
    let detail: Option<String> = row.get(at + 3)?;
    let event = kind.map(|k| match k.as_str() {
        "status" => RefundEvent::Status(RefundStatus::parse(status.as_deref().unwrap_or(""))),
        "refused" => RefundEvent::Refused {
            code: status,
            detail: detail.unwrap_or_default(),
        },
        "check-by-hand" => RefundEvent::CheckByHand,
        _ => RefundEvent::Unknown {
            detail: detail.unwrap_or_default(),
        },
    });
    Ok(when.zip(event).map(|(w, e)| (from_ms(w), e)))
}

pub(super) fn entry(row: &Row<'_>) -> rusqlite::Result<RefundEntry> {
    Ok(RefundEntry {
        key: row.get(0)?,
        payment_id: row.get(1)?,
        amount: Money::from_cents(row.get(2)?),
        description: row.get(3)?,
        account: row.get(4)?,
        requested_at: from_ms(row.get(5)?),
        refund_id: row.get(6)?,
        last: event_at(row, 7)?,
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

/// Whether `new` may follow `last`: a refused or final refund says nothing more, a status never
/// moves back (PENDING, PROCESSING, then REFUNDED or FAILED), and once the API has given a
/// status an unclear outcome is no news.
fn moves_forward(last: &RefundEvent, new: &RefundEvent) -> bool {
    let rank = |s: &RefundStatus| match s {
        RefundStatus::Pending => 0,
        RefundStatus::Processing | RefundStatus::Other(_) => 1,
        _ => 9,
    };
    match (last, new) {
        // An answer with the refund proves it was made after all.
        (RefundEvent::Refused { .. }, RefundEvent::Status(_)) => true,
        (RefundEvent::Refused { .. }, _) => false,
        (RefundEvent::Status(s), _) if rank(s) == 9 => false,
        (RefundEvent::Status(old), RefundEvent::Status(s)) => rank(s) >= rank(old),
        (RefundEvent::Status(_), _) => false,
        // Found after all (a status), or refused: nothing else follows.
        (RefundEvent::CheckByHand, new) => !matches!(new, RefundEvent::Unknown { .. }),
        (RefundEvent::Unknown { .. }, _) => true,
    }
}

/// Adds `event` unless it is what the journal already says last or would move the refund back;
/// it goes to the shift open for the refund's account now.
fn add_if_new(conn: &Connection, key: &str, event: RefundEvent) -> rusqlite::Result<()> {
    let last = latest(conn, key)?;
    if let Some((_, last)) = last.as_ref().and_then(|e| e.last.as_ref())
        && (*last == event || !moves_forward(last, &event))
    {
        return Ok(());
    }
    let now = now_ms();
    let account = last.and_then(|e| e.account);
    let session = open_session(conn, account.as_deref().unwrap_or(SANDBOX), now)?;
    let (kind, status, detail) = match event {
        RefundEvent::Status(s) => ("status", Some(s.as_str().to_string()), None),
        RefundEvent::Unknown { detail } => ("unknown", None, Some(detail)),
        RefundEvent::Refused { code, detail } => ("refused", code, Some(detail)),
        RefundEvent::CheckByHand => ("check-by-hand", None, None),
    };
    conn.execute(
        "INSERT INTO refund_events (idempotency_key, at, kind, status, detail, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key, now, kind, status, detail, session],
    )?;
    Ok(())
}

/// Whether the process that took a flight may still be sending it: this one is; another is
/// while it runs (known on Linux; elsewhere the lease's time decides).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

impl Journal {
    /// Commits the request (and its key) before it may leave.
    pub async fn record_refund_request(&self, r: RefundRequest) -> Result<(), JournalError> {
        self.write(move |conn| {
            // Counted in the shift open for its account now.
            let session = open_session(conn, &r.account, now_ms())?;
            conn.execute(
                "INSERT INTO refunds (idempotency_key, payment_id, amount_cents, description,
                    account, requested_at, session_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    r.key,
                    r.payment_id,
                    r.amount.cents(),
                    r.description,
                    r.account,
                    to_ms(r.at),
                    session
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
        self.write(move |conn| {
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
        self.write(move |tx| add_if_new(tx, &key, event)).await
    }

    /// Marks the refunds still unanswered that were asked for before `cutoff` as to be checked
    /// by hand: too old to be sent again with their key (see `refund::RESEND_WINDOW`). The mark
    /// lands in the shift open now, so the next X names them. Returns how many were marked.
    pub async fn flag_unanswered_before(
        &self,
        cutoff: OffsetDateTime,
    ) -> Result<usize, JournalError> {
        let cutoff = to_ms(cutoff);
        self.write(move |tx| {
            let overdue: Vec<RefundEntry> = tx
                .prepare(&format!(
                    "{SELECT} WHERE r.refund_id IS NULL AND r.requested_at < ?1"
                ))?
                .query_map([cutoff], entry)?
                .collect::<rusqlite::Result<_>>()?;
            let mut marked = 0;
            for e in overdue.iter().filter(|e| {
                e.unanswered() && !matches!(e.last, Some((_, RefundEvent::CheckByHand)))
            }) {
                add_if_new(tx, &e.key, RefundEvent::CheckByHand)?;
                marked += 1;
            }
            Ok(marked)
        })
        .await
    }

    /// Takes the refund request `key` for sending, for at most `lease` (one request per refund
    /// at a time, across windows, tasks and processes). False when another has it.
    pub async fn take_flight(
        &self,
        key: &str,
        lease: std::time::Duration,
    ) -> Result<bool, JournalError> {
        let key = key.to_string();
        self.write(move |tx| {
            let now = now_ms();
            let held: Option<(i64, u32)> = tx
                .query_row(
                    "SELECT until, holder FROM flights WHERE key = ?1",
                    [&key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((until, holder)) = held
                && until >= now
                && alive(holder)
            {
                return Ok(false);
            }
            tx.execute(
                "INSERT OR REPLACE INTO flights (key, until, holder) VALUES (?1, ?2, ?3)",
                params![key, now + lease.as_millis() as i64, std::process::id()],
            )?;
            Ok(true)
        })
        .await
    }

    /// Runs `op` holding the request `key` (see [`Journal::take_flight`]); `taken` is told
    /// once it is held, before `op` runs. `None` when another holds it.
    pub async fn in_flight<T>(
        &self,
        key: &str,
        lease: std::time::Duration,
        taken: impl FnOnce(),
        op: impl std::future::Future<Output = T>,
    ) -> Result<Option<T>, JournalError> {
        if !self.take_flight(key, lease).await? {
            return Ok(None);
        }
        taken();
        let out = op.await;
        if let Err(e) = self.end_flight(key).await {
            tracing::warn!(key, error = %e, "refund flight not given back; it runs out");
        }
        Ok(Some(out))
    }

    /// Gives the request `key` back once its answer (or its failure) is recorded.
    pub async fn end_flight(&self, key: &str) -> Result<(), JournalError> {
        let key = key.to_string();
        self.run(move |conn| {
            conn.execute("DELETE FROM flights WHERE key = ?1", [key])
                .map(|_| ())
        })
        .await
    }

    /// One refund request by its Idempotency-Key.
    pub async fn refund_by_key(&self, key: &str) -> Result<Option<RefundEntry>, JournalError> {
        let key = key.to_string();
        self.run(move |conn| latest(conn, &key)).await
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
    /// for again since on that payment: reminders to try later; and refunds to check by hand.
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
        // Unanswered too long to send again: a person must look, whatever came after.
        let check = |e: &RefundEntry| matches!(&e.last, Some((_, RefundEvent::CheckByHand)));
        Ok(all
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                check(e)
                    || (waiting(e)
                        && !all[i + 1..]
                            .iter()
                            .any(|later| later.payment_id == e.payment_id))
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
