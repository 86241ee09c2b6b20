//! Cashier sessions: the sales between two Z reports. A Z report closes the open session with
//! the next number; the next sale opens a new one. Closed sessions are never reopened.

use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::payments::{ENTRY_SELECT, current_session, entry};
use super::refunds::{SELECT as REFUND_SELECT, entry as refund_entry};
use super::{Entry, Journal, JournalError, RefundEntry, from_ms, now_ms};

/// A cashier session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub opened_at: OffsetDateTime,
    pub closed_at: Option<OffsetDateTime>,
    /// Its Z report's number, once closed.
    pub z_number: Option<i64>,
}

/// What a shift report is made from: the session, its sales, and the refunds asked for during
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShiftData {
    pub session: Session,
    pub sales: Vec<Entry>,
    pub refunds: Vec<RefundEntry>,
}

fn session_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get(0)?,
        opened_at: from_ms(row.get(1)?),
        closed_at: row.get::<_, Option<i64>>(2)?.map(from_ms),
        z_number: row.get(3)?,
    })
}

fn shift(conn: &rusqlite::Connection, session: Session) -> rusqlite::Result<ShiftData> {
    let sales = conn
        .prepare(&format!(
            "{ENTRY_SELECT} WHERE p.session_id = ?1 ORDER BY p.attempted_at"
        ))?
        .query_map([session.id], entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let until = session.closed_at.map_or(i64::MAX, super::to_ms);
    let refunds = conn
        .prepare(&format!(
            "{REFUND_SELECT} WHERE r.requested_at >= ?1 AND r.requested_at < ?2
             ORDER BY r.requested_at"
        ))?
        .query_map(
            params![super::to_ms(session.opened_at), until],
            refund_entry,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ShiftData {
        session,
        sales,
        refunds,
    })
}

impl Journal {
    /// The open session's data, for an X report (nothing is closed).
    pub async fn current_shift(&self) -> Result<ShiftData, JournalError> {
        self.run(|conn| {
            let id = current_session(conn, now_ms())?;
            let s = conn.query_row(
                "SELECT id, opened_at, closed_at, z_number FROM sessions WHERE id = ?1",
                [id],
                session_row,
            )?;
            shift(conn, s)
        })
        .await
    }

    /// Closes the open session with the next Z number, in one transaction, and returns its
    /// data. The next sale opens a new session.
    pub async fn close_shift(&self) -> Result<ShiftData, JournalError> {
        self.run(|conn| {
            let tx = conn.transaction()?;
            let id = current_session(&tx, now_ms())?;
            let next: i64 = tx.query_row(
                "SELECT COALESCE(MAX(z_number), 0) + 1 FROM sessions",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE sessions SET closed_at = ?2, z_number = ?3 WHERE id = ?1",
                params![id, now_ms(), next],
            )?;
            let s = tx.query_row(
                "SELECT id, opened_at, closed_at, z_number FROM sessions WHERE id = ?1",
                [id],
                session_row,
            )?;
            let data = shift(&tx, s)?;
            tx.commit()?;
            Ok(data)
        })
        .await
    }

    /// A closed session by its Z number (to print its report again).
    pub async fn z_report(&self, number: i64) -> Result<Option<ShiftData>, JournalError> {
        self.run(move |conn| {
            let s = conn
                .query_row(
                    "SELECT id, opened_at, closed_at, z_number FROM sessions WHERE z_number = ?1",
                    [number],
                    session_row,
                )
                .optional()?;
            s.map(|s| shift(conn, s)).transpose()
        })
        .await
    }
}
