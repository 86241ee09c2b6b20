//! Sending the journal's outbox to the shop server: batch after batch in the till's order,
//! each marked sent only once the server has accounted for it, so a push cut off anywhere
//! (network, crash, server restart) is simply sent again and stored once.

use kassa_core::shop::{MAX_BATCH, ShopClient, ShopError};

use crate::journal::{Journal, JournalError};

/// What a push did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pushed {
    /// Events the server now has (stored now or before).
    pub sent: u64,
    /// Sequence numbers the server holds a different event under (an alarm on the server).
    pub conflicts: Vec<i64>,
}

/// Why a push stopped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PushFailure {
    #[error("the journal: {0}")]
    Journal(JournalError),
    #[error(transparent)]
    Shop(#[from] ShopError),
}

impl From<JournalError> for PushFailure {
    fn from(e: JournalError) -> Self {
        PushFailure::Journal(e)
    }
}

/// Sends every event waiting, until none is left or something fails.
pub async fn push_waiting(journal: &Journal, client: &ShopClient) -> Result<Pushed, PushFailure> {
    let mut pushed = Pushed::default();
    loop {
        let batch = journal.outbox_batch(MAX_BATCH).await?;
        let Some(last) = batch.last().map(|e| e.seq) else {
            return Ok(pushed);
        };
        let answer = client.push(&batch).await?;
        if answer.through != last {
            return Err(ShopError::Invalid(format!(
                "acknowledged up to {} for a batch up to {last}",
                answer.through
            ))
            .into());
        }
        journal.outbox_sent(last).await?;
        pushed.sent += batch.len() as u64;
        pushed.conflicts.extend(answer.conflicts);
    }
}
