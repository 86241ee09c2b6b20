//! Shifts (cashier sessions), per account: the money events between two Z reports. Every event
//! is given the shift open for its account when it is recorded, and taking a Z closes that shift
//! and opens the next in one transaction, so each event is in exactly one shift. A Z report is
//! stored as it was taken; closed shifts are never reopened.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::payments::{ENTRY_COLUMNS, entry, event_at};
use super::{
    D24Entry, D24Event, Entry, Event, Journal, JournalError, RefundEntry, RefundEvent, d24,
    from_ms, now_ms, refunds,
};

/// A shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    /// The account whose money it holds; `None` for shifts closed before accounts were kept
    /// apart.
    pub account: Option<String>,
    pub opened_at: OffsetDateTime,
    pub closed_at: Option<OffsetDateTime>,
    /// Its Z report's number, once closed (numbered per account, without gaps).
    pub z_number: Option<i64>,
}

/// Where a sale or refund touched in this shift started, when that was in an earlier shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earlier {
    pub session: i64,
    /// That shift's Z number, if it is closed.
    pub z_number: Option<i64>,
}

/// A sale touched in the shift: rung up in it, or something learnt about it during it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleMove {
    /// The sale, with `last` its state at the end of the shift (now, for the open one).
    pub sale: Entry,
    /// Its state when the shift opened (`None`: unanswered, or rung up in this shift).
    pub before: Option<Event>,
    /// The shift it was rung up in, when earlier.
    pub earlier: Option<Earlier>,
}

/// A Payconiq refund touched in the shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundMove {
    /// `last` is its state at the end of the shift.
    pub refund: RefundEntry,
    pub before: Option<RefundEvent>,
    pub earlier: Option<Earlier>,
}

/// A D24 refund touched in the shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct D24Move {
    pub refund: D24Entry,
    pub before: Option<D24Event>,
    pub earlier: Option<Earlier>,
}

/// What a shift report is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShiftData {
    pub session: Session,
    /// The shift's number: its Z report's, or the one its Z report will get (so the shift a
    /// cashier sees as "shift 12" closes as "Z report no. 12").
    pub number: i64,
    pub sales: Vec<SaleMove>,
    pub refunds: Vec<RefundMove>,
    pub d24: Vec<D24Move>,
}

/// A Z report as it was stored when taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredZ {
    pub session: Session,
    pub taken_at: OffsetDateTime,
    /// The report exactly as frozen (JSON written by whoever took it).
    pub report: Option<String>,
    /// Its hash in the journal's chain (printed on the report).
    pub chain_hash: Option<String>,
}

const SESSION_COLUMNS: &str = "id, account, opened_at, closed_at, z_number";

fn session_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get(0)?,
        account: row.get(1)?,
        opened_at: from_ms(row.get(2)?),
        closed_at: row.get::<_, Option<i64>>(3)?.map(from_ms),
        z_number: row.get(4)?,
    })
}

fn session(conn: &Connection, id: i64) -> rusqlite::Result<Session> {
    conn.query_row(
        &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"),
        [id],
        session_row,
    )
}

/// The open shift of `account`, or a new one.
pub(super) fn open_session(conn: &Connection, account: &str, now: i64) -> rusqlite::Result<i64> {
    let open: Option<i64> = conn
        .query_row(
            "SELECT id FROM sessions WHERE closed_at IS NULL AND account = ?1",
            [account],
            |r| r.get(0),
        )
        .optional()?;
    match open {
        Some(id) => Ok(id),
        None => {
            conn.execute(
                "INSERT INTO sessions (opened_at, account) VALUES (?1, ?2)",
                params![now, account],
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

fn earlier(row: &Row<'_>, at: usize, this: i64) -> rusqlite::Result<Option<Earlier>> {
    let session: Option<i64> = row.get(at)?;
    Ok(session.filter(|s| *s != this).map(|session| Earlier {
        session,
        z_number: row.get::<_, Option<i64>>(at + 1).ok().flatten(),
    }))
}

fn shift(conn: &Connection, session: Session) -> rusqlite::Result<ShiftData> {
    let n = session.id;
    let sales = conn
        .prepare(&format!(
            "SELECT {ENTRY_COLUMNS},
                b.at, b.kind, b.status, b.tip_cents, b.total_cents, b.detail,
                p.session_id, s.z_number
             FROM payments p
             LEFT JOIN payment_events e ON e.id = (SELECT MAX(id) FROM payment_events
                 WHERE reference = p.reference AND session_id <= ?1)
             LEFT JOIN payment_events b ON b.id = (SELECT MAX(id) FROM payment_events
                 WHERE reference = p.reference AND session_id < ?1)
             LEFT JOIN sessions s ON s.id = p.session_id
             WHERE p.session_id = ?1
                OR p.reference IN (SELECT reference FROM payment_events WHERE session_id = ?1)
             ORDER BY p.attempted_at, p.rowid"
        ))?
        .query_map([n], |row| {
            Ok(SaleMove {
                sale: entry(row)?,
                before: event_at(row, 15)?.map(|(_, e)| e),
                earlier: earlier(row, 21, n)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let refunds = conn
        .prepare(&format!(
            "SELECT {cols}, b.at, b.kind, b.status, b.detail, r.session_id, s.z_number
             FROM refunds r
             LEFT JOIN refund_events e ON e.id = (SELECT MAX(id) FROM refund_events
                 WHERE idempotency_key = r.idempotency_key AND session_id <= ?1)
             LEFT JOIN refund_events b ON b.id = (SELECT MAX(id) FROM refund_events
                 WHERE idempotency_key = r.idempotency_key AND session_id < ?1)
             LEFT JOIN sessions s ON s.id = r.session_id
             WHERE r.session_id = ?1 OR r.idempotency_key IN
                 (SELECT idempotency_key FROM refund_events WHERE session_id = ?1)
             ORDER BY r.requested_at, r.rowid",
            cols = refunds::COLUMNS
        ))?
        .query_map([n], |row| {
            Ok(RefundMove {
                refund: refunds::entry(row)?,
                before: refunds::event_at(row, 11)?.map(|(_, e)| e),
                earlier: earlier(row, 15, n)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let d24 = conn
        .prepare(&format!(
            "SELECT {cols}, b.at, b.kind, b.status, b.code, b.detail, r.session_id, s.z_number
             FROM d24_refunds r
             LEFT JOIN d24_refund_events e ON e.id = (SELECT MAX(id) FROM d24_refund_events
                 WHERE idempotency_key = r.idempotency_key AND session_id <= ?1)
             LEFT JOIN d24_refund_events b ON b.id = (SELECT MAX(id) FROM d24_refund_events
                 WHERE idempotency_key = r.idempotency_key AND session_id < ?1)
             LEFT JOIN sessions s ON s.id = r.session_id
             WHERE r.session_id = ?1 OR r.idempotency_key IN
                 (SELECT idempotency_key FROM d24_refund_events WHERE session_id = ?1)
             ORDER BY r.requested_at, r.rowid",
            cols = d24::COLUMNS
        ))?
        .query_map([n], |row| {
            Ok(D24Move {
                refund: d24::entry(row)?,
                before: d24::event_at(row, 15)?.map(|(_, e)| e),
                earlier: earlier(row, 20, n)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let number = match (session.z_number, &session.account) {
        (Some(z), _) => z,
        (None, Some(account)) => next_z(conn, account)?,
        (None, None) => 0,
    };
    Ok(ShiftData {
        session,
        number,
        sales,
        refunds,
        d24,
    })
}

/// The next Z number of `account`: after its own last one, and after the numbers of the shifts
/// closed before accounts were kept apart, so numbers never repeat or skip for a shop.
fn next_z(conn: &Connection, account: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COALESCE(MAX(z_number), 0) + 1 FROM sessions
         WHERE account = ?1 OR (account IS NULL AND z_number IS NOT NULL)",
        [account],
        |r| r.get(0),
    )
}

fn chain_hash(conn: &Connection, link: &str, row_id: i64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT hash FROM chain WHERE link = ?1 AND row_id = ?2",
        params![link, row_id],
        |r| r.get(0),
    )
    .optional()
}

/// Who took a Z (for the audit log).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    Screen,
    CommandLine,
}

impl Journal {
    /// The number of the shift payment `payment_id` was rung up in, as people see it (its Z's
    /// number; for the open shift, the number its Z will get), for the customer's receipt.
    /// `None` when this till did not ring it up.
    pub async fn shift_of_payment(&self, payment_id: &str) -> Result<Option<i64>, JournalError> {
        let id = payment_id.to_string();
        self.run(move |conn| {
            let found: Option<(Option<i64>, Option<String>)> = conn
                .query_row(
                    "SELECT s.z_number, s.account FROM payments p
                     JOIN sessions s ON s.id = p.session_id WHERE p.payment_id = ?1",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            Ok(match found {
                None => None,
                Some((Some(z), _)) => Some(z),
                Some((None, Some(account))) => Some(next_z(conn, &account)?),
                Some((None, None)) => None,
            })
        })
        .await
    }

    /// The open shift of `account` (for an X report; nothing is closed).
    pub async fn current_shift(&self, account: &str) -> Result<ShiftData, JournalError> {
        let account = account.to_string();
        self.write(move |conn| {
            let id = open_session(conn, &account, now_ms())?;
            let s = session(conn, id)?;
            shift(conn, s)
        })
        .await
    }

    /// Closes the open shift of `account` under its next Z number and opens the next shift, in
    /// one transaction with the frozen report (`freeze` makes it from the shift's data and its
    /// number) and the audit line. Returns the stored Z.
    ///
    /// `expect` is the shift the person taking the Z was looking at: when another window or
    /// the command line closed it meanwhile, nothing is closed and
    /// [`JournalError::ShiftMoved`] names the Z it got.
    pub async fn close_shift(
        &self,
        account: &str,
        door: Door,
        expect: Option<i64>,
        freeze: impl FnOnce(&ShiftData, i64) -> String + Send + 'static,
    ) -> Result<(ShiftData, StoredZ), JournalError> {
        let account = account.to_string();
        let closed = self
            .write(move |tx| {
                let now = now_ms();
                let id = open_session(tx, &account, now)?;
                if let Some(expected) = expect
                    && expected != id
                {
                    let z: Option<i64> = tx
                        .query_row(
                            "SELECT z_number FROM sessions WHERE id = ?1",
                            [expected],
                            |r| r.get(0),
                        )
                        .optional()?
                        .flatten();
                    // Dropped, the transaction writes nothing.
                    return Ok(Err(z));
                }
                let number = next_z(tx, &account)?;
                tx.execute(
                    "UPDATE sessions SET closed_at = ?2, z_number = ?3 WHERE id = ?1",
                    params![id, now, number],
                )?;
                // The next shift opens at the same instant: nothing falls between the two.
                open_session(tx, &account, now)?;
                let data = shift(tx, session(tx, id)?)?;
                let report = freeze(&data, number);
                tx.execute(
                    "INSERT INTO z_reports (session_id, taken_at, report) VALUES (?1, ?2, ?3)",
                    params![id, now, report],
                )?;
                let from = match door {
                    Door::Screen => "",
                    Door::CommandLine => " (command line)",
                };
                tx.execute(
                    "INSERT INTO audit (at, action, detail) VALUES (?1, 'z-report', ?2)",
                    params![now, format!("{number}{from}")],
                )?;
                let stored = StoredZ {
                    session: data.session.clone(),
                    taken_at: from_ms(now),
                    report: Some(report),
                    chain_hash: chain_hash(tx, "z_reports", id)?,
                };
                Ok(Ok((data, stored)))
            })
            .await?;
        closed.map_err(JournalError::ShiftMoved)
    }

    /// A Z report of `account` by its number, as stored when it was taken (shifts closed before
    /// accounts were kept apart are found under any account, and have no stored report).
    pub async fn z_report(
        &self,
        account: &str,
        number: i64,
    ) -> Result<Option<(StoredZ, ShiftData)>, JournalError> {
        let account = account.to_string();
        self.run(move |conn| {
            let s = conn
                .query_row(
                    &format!(
                        "SELECT {SESSION_COLUMNS} FROM sessions WHERE z_number = ?2
                         AND (account = ?1 OR account IS NULL)
                         ORDER BY account IS NULL LIMIT 1"
                    ),
                    params![account, number],
                    session_row,
                )
                .optional()?;
            let Some(s) = s else { return Ok(None) };
            let stored: Option<(i64, String)> = conn
                .query_row(
                    "SELECT taken_at, report FROM z_reports WHERE session_id = ?1",
                    [s.id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let z = StoredZ {
                session: s.clone(),
                taken_at: stored
                    .as_ref()
                    .map(|(t, _)| from_ms(*t))
                    .or(s.closed_at)
                    .unwrap_or(s.opened_at),
                report: stored.map(|(_, r)| r),
                chain_hash: chain_hash(conn, "z_reports", s.id)?,
            };
            Ok(Some((z, shift(conn, s)?)))
        })
        .await
    }

    /// Whether the journal keeps books for `account` (a shift or a sale of it).
    pub async fn knows_account(&self, account: &str) -> Result<bool, JournalError> {
        let account = account.to_string();
        self.run(move |conn| {
            conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM sessions WHERE account = ?1)
                     OR EXISTS (SELECT 1 FROM payments WHERE account = ?1)",
                [account],
                |r| r.get(0),
            )
        })
        .await
    }

    /// The closed shifts of `account`, newest first.
    pub async fn z_list(&self, account: &str) -> Result<Vec<Session>, JournalError> {
        let account = account.to_string();
        self.run(move |conn| {
            conn.prepare(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE z_number IS NOT NULL
                 AND (account = ?1 OR account IS NULL) ORDER BY z_number DESC, id DESC"
            ))?
            .query_map([account], session_row)?
            .collect()
        })
        .await
    }
}
