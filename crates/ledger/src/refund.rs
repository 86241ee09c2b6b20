//! Refunds, as the manager makes them: what is still refundable, the checks made before
//! anything is sent, and the request itself with its Idempotency-Key committed to the journal
//! first, so a refund whose answer was lost is re-sent with the same key and never made twice.
//! No UI here: the screens only show what these functions decide.

use time::OffsetDateTime;

use crate::journal::{Journal, JournalError, RefundEntry, RefundEvent, RefundRequest, account_key};
use crate::money::Money;
use crate::payconiq::model::{CreateRefund, Payment, PaymentStatus, Refund};
use crate::payconiq::{Client, Error};

/// What a payment allows to refund.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refundable {
    /// What the customer paid (tip included).
    pub paid: Money,
    /// Refunds asked for that may still move money (pending, made, or unanswered).
    pub refunded: Money,
    pub remaining: Money,
}

/// `payment`'s refundable balance, given the refunds the journal knows for it. A refund whose
/// answer was lost counts as made until proved otherwise: refunding twice is worse than
/// waiting.
pub fn refundable(payment: &Payment, refunds: &[RefundEntry]) -> Refundable {
    let paid = if payment.status == PaymentStatus::Succeeded {
        payment.paid_total()
    } else {
        Money::default()
    };
    let refunded = refunds
        .iter()
        .filter(|r| counts(r))
        .fold(Money::default(), |sum, r| sum + r.amount);
    let remaining = Money::from_cents((paid.cents() - refunded.cents()).max(0));
    Refundable {
        paid,
        refunded,
        remaining,
    }
}

fn counts(r: &RefundEntry) -> bool {
    match &r.last {
        Some((_, RefundEvent::Refused { .. })) => false,
        Some((_, RefundEvent::Status(s))) => s.holds_funds(),
        _ => true,
    }
}

/// Why a refund is not sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Only a paid payment can be refunded.
    NotPaid(PaymentStatus),
    /// Nothing (or a negative amount) was asked for.
    Nothing,
    /// More than what is left.
    TooMuch { remaining: Money },
}

/// Checks `amount` against the balance before anything is sent.
pub fn check(payment: &Payment, balance: &Refundable, amount: Money) -> Result<Money, Refusal> {
    if payment.status != PaymentStatus::Succeeded {
        return Err(Refusal::NotPaid(payment.status.clone()));
    }
    if amount.cents() <= 0 {
        return Err(Refusal::Nothing);
    }
    if amount > balance.remaining {
        return Err(Refusal::TooMuch {
            remaining: balance.remaining,
        });
    }
    Ok(amount)
}

/// How a refund request ended when it did not give a refund.
#[derive(Clone, Debug, PartialEq)]
pub enum RefundError {
    /// Not sent: the checks above refused it.
    Refused(Refusal),
    /// Not sent: the journal could not record the request.
    Journal(JournalError),
    /// The API refused it (no refund was made).
    Api(Error),
    /// No clear answer: the refund may exist. It is re-sent with the same key by [`resume`].
    Unknown { key: String, error: Error },
    /// Not sent: this refund's request is already on its way (from another screen or task).
    InFlight,
    /// Not sent again: unanswered for longer than the provider may keep its key
    /// ([`RESEND_WINDOW`]), so a new send could refund twice. To be checked by hand.
    CheckByHand { key: String },
}

/// How long after its first request an unanswered refund is still sent again with its key. The
/// guide promises idempotency for repeated requests but names no retention; its callbacks are
/// retried for a day, and payment providers commonly keep keys 24 hours. After that a resend
/// might be taken as new, so the refund is flagged "check by hand" instead.
pub const RESEND_WINDOW: time::Duration = time::Duration::hours(24);

/// Whether an unanswered refund may still be sent again at `now`.
pub fn may_resend(entry: &RefundEntry, now: OffsetDateTime) -> bool {
    now - entry.requested_at < RESEND_WINDOW
}

/// How long a request may hold its refund (longer than the client's timeout with its
/// retries); a holder that died lets go after it.
pub const FLIGHT_LEASE: std::time::Duration = std::time::Duration::from_secs(120);

/// Records the request, sends it, records the answer. `refunds` are the payment's refunds the
/// journal knows (for the balance check).
pub async fn request(
    client: &Client,
    journal: &Journal,
    payment: &Payment,
    refunds: &[RefundEntry],
    amount: Money,
    description: Option<String>,
) -> Result<Refund, RefundError> {
    let key = uuid::Uuid::new_v4().to_string();
    request_keyed(
        client,
        journal,
        payment,
        refunds,
        amount,
        description,
        key,
        |_| {},
    )
    .await
}

/// [`request`] with the Idempotency-Key chosen by the caller, who is told it (`committed`) once
/// the journal holds the request and before the request leaves: a command killed mid-request
/// has printed the key it can be asked again with.
#[allow(clippy::too_many_arguments)]
pub async fn request_keyed(
    client: &Client,
    journal: &Journal,
    payment: &Payment,
    refunds: &[RefundEntry],
    amount: Money,
    description: Option<String>,
    key: String,
    committed: impl FnOnce(&RefundRequest),
) -> Result<Refund, RefundError> {
    let balance = refundable(payment, refunds);
    let amount = check(payment, &balance, amount).map_err(RefundError::Refused)?;
    let account = client.account();
    let request = RefundRequest {
        key,
        payment_id: payment.payment_id.clone(),
        amount,
        description,
        account: account_key(&account.environment.api_base, &account.profile_id),
        at: OffsetDateTime::now_utc(),
    };
    journal
        .record_refund_request(request.clone())
        .await
        .map_err(RefundError::Journal)?;
    // The key is told once this request holds its flight, so nobody sends it beside this one.
    send(
        client,
        journal,
        &request.key,
        &request.payment_id,
        amount,
        request.description.clone(),
        || committed(&request),
    )
    .await
}

/// Sends an unanswered request again with its own key (after a crash or a lost answer): the API
/// answers with the refund the first request made, or makes it now, never a second one.
pub async fn resume(
    client: &Client,
    journal: &Journal,
    entry: &RefundEntry,
) -> Result<Refund, RefundError> {
    if !may_resend(entry, OffsetDateTime::now_utc()) {
        // In the journal (and so in the X report of the shift it is found in) as it is.
        if let Err(e) = journal
            .record_refund_event(&entry.key, RefundEvent::CheckByHand)
            .await
        {
            tracing::error!(key = %entry.key, error = %e, "journal: check-by-hand not recorded");
        }
        return Err(RefundError::CheckByHand {
            key: entry.key.clone(),
        });
    }
    send(
        client,
        journal,
        &entry.key,
        &entry.payment_id,
        entry.amount,
        entry.description.clone(),
        || {},
    )
    .await
}

/// Takes the request's flight, says so (`taken`), sends it and records the answer, and gives
/// the flight back.
async fn send(
    client: &Client,
    journal: &Journal,
    key: &str,
    payment_id: &str,
    amount: Money,
    description: Option<String>,
    taken: impl FnOnce(),
) -> Result<Refund, RefundError> {
    // One request per refund at a time, whichever window, task or command asks.
    let op = send_taken(client, journal, key, payment_id, amount, description);
    match journal.in_flight(key, FLIGHT_LEASE, taken, op).await {
        Ok(Some(outcome)) => outcome,
        Ok(None) => Err(RefundError::InFlight),
        Err(e) => Err(RefundError::Journal(e)),
    }
}

async fn send_taken(
    client: &Client,
    journal: &Journal,
    key: &str,
    payment_id: &str,
    amount: Money,
    description: Option<String>,
) -> Result<Refund, RefundError> {
    let body = CreateRefund {
        amount,
        currency: "EUR".into(),
        description,
    };
    match client.create_refund(payment_id, &body, key).await {
        Ok(refund) => {
            if let Err(e) = journal.record_refund(key, &refund).await {
                tracing::error!(key, error = %e, "journal: refund answer not recorded");
            }
            Ok(refund)
        }
        // Rate-limited or in conflict with a request of the same key still being handled: not
        // a refusal; the refund may still be made (or have been), so it stays to be asked again.
        Err(e) if e.may_have_created() || matches!(e.status(), Some(409 | 429)) => {
            let event = RefundEvent::Unknown {
                detail: e.to_string(),
            };
            if let Err(je) = journal.record_refund_event(key, event).await {
                tracing::error!(key, error = %je, "journal: unclear refund not recorded");
            }
            Err(RefundError::Unknown {
                key: key.to_string(),
                error: e,
            })
        }
        Err(e) => {
            let event = RefundEvent::Refused {
                code: e.code().map(str::to_string),
                detail: e.to_string(),
            };
            if let Err(je) = journal.record_refund_event(key, event).await {
                tracing::error!(key, error = %je, "journal: refused refund not recorded");
            }
            Err(RefundError::Api(e))
        }
    }
}

/// At start-up: every refund on this client's account whose answer was lost is sent again with
/// its own key, and every one still settling is read once. Returns how many were handled.
pub async fn recover(client: &Client, journal: &Journal) -> Result<usize, JournalError> {
    let account = client.account();
    let ours = account_key(&account.environment.api_base, &account.profile_id);
    let open = journal.open_refunds().await?;
    let mut handled = 0;
    for entry in open
        .iter()
        .filter(|e| e.account.as_deref().is_none_or(|a| a == ours))
    {
        if settle_one(client, journal, entry, true).await {
            handled += 1;
        }
    }
    Ok(handled)
}

/// A payment's refunds brought up to date, as its detail shows them: each one still settling
/// is read, and (with `resend`: when the detail opens or is refreshed, not on its automatic
/// reloads) each unanswered one is sent again with its own key. Returns the refunds as the
/// journal then holds them.
pub async fn settle_for(
    client: &Client,
    journal: &Journal,
    payment_id: &str,
    resend: bool,
) -> Result<Vec<RefundEntry>, JournalError> {
    for entry in journal.refunds_for(payment_id).await? {
        settle_one(client, journal, &entry, resend).await;
    }
    journal.refunds_for(payment_id).await
}

/// Moves one open refund on: an unanswered one is sent again (with `resend`), a settling one
/// read. Whether it was handled; a failure is logged and the refund stays open for next time.
async fn settle_one(client: &Client, journal: &Journal, entry: &RefundEntry, resend: bool) -> bool {
    let outcome = if entry.unanswered() && resend {
        resume(client, journal, entry)
            .await
            .map(|_| ())
            .map_err(|e| format!("{e:?}"))
    } else if entry.settling() {
        follow(client, journal, entry)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    } else {
        return false;
    };
    match outcome {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(key = %entry.key, error = %e, "open refund not settled yet");
            false
        }
    }
}

/// Reads a made refund's status and records it.
pub async fn follow(
    client: &Client,
    journal: &Journal,
    entry: &RefundEntry,
) -> Result<Refund, Error> {
    let Some(id) = &entry.refund_id else {
        return Err(Error::Config("refund not made yet".into()));
    };
    let refund = client.get_refund(&entry.payment_id, id).await?;
    if let Err(e) = journal.record_refund(&entry.key, &refund).await {
        tracing::error!(key = %entry.key, error = %e, "journal: refund status not recorded");
    }
    Ok(refund)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payconiq::model::RefundStatus;

    fn payment(status: PaymentStatus, amount: i64, tip: i64) -> Payment {
        serde_json::from_value(serde_json::json!({
            "paymentId": "p1", "status": status.as_str(), "amount": amount,
            "tippingAmount": tip, "totalAmount": amount + tip
        }))
        .unwrap()
    }

    fn refund(cents: i64, last: Option<RefundEvent>) -> RefundEntry {
        RefundEntry {
            key: "k".into(),
            payment_id: "p1".into(),
            amount: Money::from_cents(cents),
            description: None,
            account: None,
            requested_at: OffsetDateTime::UNIX_EPOCH,
            refund_id: None,
            last: last.map(|e| (OffsetDateTime::UNIX_EPOCH, e)),
        }
    }

    #[test]
    fn the_balance_counts_everything_that_may_move_money() {
        let p = payment(PaymentStatus::Succeeded, 1000, 200);
        let refunds = [
            refund(300, Some(RefundEvent::Status(RefundStatus::Refunded))),
            refund(100, Some(RefundEvent::Status(RefundStatus::Pending))),
            refund(
                50,
                Some(RefundEvent::Unknown {
                    detail: "lost".into(),
                }),
            ),
            refund(400, Some(RefundEvent::Status(RefundStatus::Failed))),
            refund(
                500,
                Some(RefundEvent::Refused {
                    code: None,
                    detail: "no".into(),
                }),
            ),
            refund(25, None),
        ];
        let b = refundable(&p, &refunds);
        assert_eq!(b.paid.cents(), 1200, "tip included");
        assert_eq!(
            b.refunded.cents(),
            475,
            "failed and refused ones do not count"
        );
        assert_eq!(b.remaining.cents(), 725);
    }

    #[test]
    fn checks_before_sending() {
        let p = payment(PaymentStatus::Succeeded, 1000, 0);
        let b = refundable(&p, &[]);
        assert_eq!(
            check(&p, &b, Money::from_cents(1000)),
            Ok(Money::from_cents(1000))
        );
        assert_eq!(
            check(&p, &b, Money::from_cents(1001)),
            Err(Refusal::TooMuch {
                remaining: Money::from_cents(1000)
            })
        );
        assert_eq!(check(&p, &b, Money::default()), Err(Refusal::Nothing));
        let pending = payment(PaymentStatus::Pending, 1000, 0);
        assert_eq!(
            check(&pending, &refundable(&pending, &[]), Money::from_cents(1)),
            Err(Refusal::NotPaid(PaymentStatus::Pending))
        );
    }
}
