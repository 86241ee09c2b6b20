//! The outbox: the journal's events as the shop server takes them, written by the schema's
//! triggers in the same transaction as the event itself (see migration 7), read here in
//! order, and marked sent as far as the server has acknowledged them.

use kassa_core::shop::OutEvent;
use rusqlite::params;

use super::{Journal, JournalError};

impl Journal {
    /// Up to `limit` events the server does not have yet, oldest first.
    pub async fn outbox_batch(&self, limit: usize) -> Result<Vec<OutEvent>, JournalError> {
        self.run(move |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT seq, event_id, kind, at, body FROM outbox
                 WHERE seq > (SELECT through FROM outbox_sent WHERE id = 1)
                 ORDER BY seq LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit as i64], |r| {
                let body: String = r.get(4)?;
                Ok(OutEvent {
                    seq: r.get(0)?,
                    id: r.get(1)?,
                    kind: r.get(2)?,
                    at_ms: r.get(3)?,
                    body: serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
                })
            })?;
            rows.collect()
        })
        .await
    }

    /// The server has every event up to `through`: they are not sent again.
    pub async fn outbox_sent(&self, through: i64) -> Result<(), JournalError> {
        self.write(move |tx| {
            tx.execute(
                "UPDATE outbox_sent SET through = MAX(through, ?1) WHERE id = 1",
                params![through],
            )?;
            Ok(())
        })
        .await
    }

    /// The server holds this till's events only up to `held` (a server joined anew, or
    /// restored from a backup): what follows is sent again. Never moves forward.
    pub async fn outbox_rewind(&self, held: i64) -> Result<(), JournalError> {
        self.write(move |tx| {
            let n = tx.execute(
                "UPDATE outbox_sent SET through = ?1 WHERE id = 1 AND through > ?1",
                params![held.max(0)],
            )?;
            if n > 0 {
                tracing::warn!(
                    held,
                    "the shop server holds less than was sent: sending again"
                );
            }
            Ok(())
        })
        .await
    }

    /// How many events wait for the server.
    pub async fn outbox_waiting(&self) -> Result<i64, JournalError> {
        self.run(|conn| {
            conn.query_row(
                "SELECT COUNT(*) FROM outbox
                 WHERE seq > (SELECT through FROM outbox_sent WHERE id = 1)",
                [],
                |r| r.get(0),
            )
        })
        .await
    }
}
