//! What became of sales the till lost sight of: a create whose answer never came, and payments
//! still live when the till stopped (crash, power cut, `kill -9`). Works from the journal and the
//! API client; no iced, so the till, the crash test and tools share it.

use std::time::Duration;

use time::OffsetDateTime;

use crate::journal::{Entry, Journal, JournalError};
use crate::payconiq::model::Payment;
use crate::payconiq::{Client, Error};

/// How long after a create attempt its payment may still appear. The create may take the
/// client's whole timeout (15 s) after up to three quick retries of a refused connection, and
/// the provider's search lags a little behind: after this, "not found" means "not created".
pub const CREATE_WINDOW: time::Duration = time::Duration::seconds(90);

/// What one look-up established.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    /// The payment exists (live or final); the journal now knows its id and status.
    Found(Box<Payment>),
    /// The create never took effect; the journal says so and the sale may be charged again.
    NotCreated,
    /// Not yet known: searched, not found, but it could still appear.
    NotYet,
}

/// Why a look-up could not decide.
#[derive(Clone, Debug, PartialEq)]
pub enum RecoveryError {
    Api(Error),
    Journal(JournalError),
}

impl std::fmt::Display for RecoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecoveryError::Api(e) => write!(f, "API: {e}"),
            RecoveryError::Journal(e) => write!(f, "journal: {e}"),
        }
    }
}

impl From<Error> for RecoveryError {
    fn from(e: Error) -> Self {
        RecoveryError::Api(e)
    }
}

impl From<JournalError> for RecoveryError {
    fn from(e: JournalError) -> Self {
        RecoveryError::Journal(e)
    }
}

/// Looks `entry` up once and records what was learnt. A create not found `window` after its
/// attempt counts as never made ([`CREATE_WINDOW`] for the till).
pub async fn resolve_once(
    client: &Client,
    journal: &Journal,
    entry: &Entry,
    now: OffsetDateTime,
    window: time::Duration,
) -> Result<Resolution, RecoveryError> {
    if let Some(id) = &entry.payment_id {
        let payment = client.get_payment(id).await?;
        journal.record_status(&payment).await?;
        return Ok(Resolution::Found(Box::new(payment)));
    }
    match client
        .find_created(&entry.reference, entry.amount, entry.attempted_at)
        .await?
    {
        Some(payment) => {
            journal.record_created(&entry.reference, &payment).await?;
            Ok(Resolution::Found(Box::new(payment)))
        }
        None if now >= entry.attempted_at + window => {
            journal
                .record_not_created(&entry.reference, "not found by its reference")
                .await?;
            Ok(Resolution::NotCreated)
        }
        None => Ok(Resolution::NotYet),
    }
}

/// The wait before look-up number `attempt` (0-based) of an unresolved sale: quick at first,
/// then every 15 seconds for as long as it takes.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << attempt.min(5))).min(Duration::from_secs(15))
}

/// Looks `entry` up until it is settled (found or proved never created), waiting
/// [`backoff`] between tries. For callers without a screen (the crash drill, tools).
pub async fn resolve(
    client: &Client,
    journal: &Journal,
    entry: &Entry,
    window: time::Duration,
) -> Resolution {
    let mut attempt = 0;
    loop {
        match resolve_once(client, journal, entry, OffsetDateTime::now_utc(), window).await {
            Ok(Resolution::NotYet) => {}
            Ok(done) => return done,
            Err(e) => {
                tracing::warn!(reference = %entry.reference, error = ?e, "look-up failed; trying again")
            }
        }
        tokio::time::sleep(backoff(attempt)).await;
        attempt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_quick_and_settles_at_fifteen_seconds() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(4), Duration::from_secs(8));
        assert_eq!(backoff(5), Duration::from_secs(15));
        assert_eq!(backoff(40), Duration::from_secs(15));
    }
}
