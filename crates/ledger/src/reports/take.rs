//! Shift reports taken from the journal: the X of the open shift, the Z that closes it (stored
//! as it is returned), and an earlier Z printed again exactly as it was taken.

use time::OffsetDateTime;

use super::{Kind, ShiftReport};
use crate::journal::{Door, Journal, JournalError, StoredZ};

/// The X report of `account`'s open shift (closes nothing).
pub async fn x_report(journal: &Journal, account: &str) -> Result<ShiftReport, JournalError> {
    flag_overdue_refunds(journal).await?;
    let data = journal.current_shift(account).await?;
    Ok(ShiftReport::from_shift(
        &data,
        Kind::X,
        OffsetDateTime::now_utc(),
    ))
}

/// Takes the Z report of `account`'s open shift: the shift closes under the next number, the
/// next one opens, and the report is stored as it is returned here (and audited), in one
/// transaction.
///
/// `expect`: the shift the person was looking at (see [`Journal::close_shift`]).
pub async fn take_z(
    journal: &Journal,
    account: &str,
    door: Door,
    expect: Option<i64>,
) -> Result<ShiftReport, JournalError> {
    flag_overdue_refunds(journal).await?;
    let (_, stored) = journal
        .close_shift(account, door, expect, |data, number| {
            let report = ShiftReport::from_shift(data, Kind::Z(number), OffsetDateTime::now_utc());
            serde_json::to_string(&report).unwrap_or_default()
        })
        .await?;
    let mut report = stored_report(&stored)?;
    report.chain_hash = stored.chain_hash;
    Ok(report)
}

/// An earlier Z report of `account`, exactly as it was taken, marked as a reprint; `None` if
/// there is no Z with that number.
pub async fn reprint_z(
    journal: &Journal,
    account: &str,
    number: i64,
) -> Result<Option<ShiftReport>, JournalError> {
    let Some((stored, data)) = journal.z_report(account, number).await? else {
        return Ok(None);
    };
    let mut report = match &stored.report {
        Some(_) => stored_report(&stored)?,
        // Closed before reports were stored: its events cannot change any more (they were
        // given its shift when recorded), so it is made again from them.
        None => ShiftReport::from_shift(&data, Kind::Z(number), stored.taken_at),
    };
    report.reprint = true;
    report.chain_hash = stored.chain_hash;
    Ok(Some(report))
}

/// Refunds unanswered for longer than they may be sent again are marked "check by hand" first,
/// so the report names them even when nobody opened their payment.
async fn flag_overdue_refunds(journal: &Journal) -> Result<(), JournalError> {
    let cutoff = OffsetDateTime::now_utc() - crate::refund::RESEND_WINDOW;
    journal.flag_unanswered_before(cutoff).await.map(|_| ())
}

fn stored_report(stored: &StoredZ) -> Result<ShiftReport, JournalError> {
    serde_json::from_str(stored.report.as_deref().unwrap_or_default()).map_err(|e| {
        JournalError::Other(format!(
            "Z report {:?} as stored cannot be read: {e}",
            stored.session.z_number
        ))
    })
}
