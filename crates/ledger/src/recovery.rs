//! What became of sales the till lost sight of: a create whose answer never came, and payments
//! still live when the till stopped (crash, power cut, `kill -9`). Works from the journal and the
//! API client; no UI, so the till, the crash test and tools share it.

use std::time::Duration;

use time::OffsetDateTime;

use crate::journal::{Entry, Journal, JournalError};
use crate::money::Money;
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

/// Whether an open sale is counted in `books` (a sale from before accounts were recorded
/// counts as ours): only those are looked up with the till's current account.
pub fn belongs_to(entry: &Entry, books: &str) -> bool {
    entry.account.as_deref().is_none_or(|a| a == books)
}

/// What is known of a sale the till lost sight of.
#[derive(Clone, Debug)]
pub enum Watch {
    /// Being looked up (`tries` so far; why the last one could not decide).
    Checking {
        tries: u32,
        problem: Option<RecoveryError>,
    },
    /// Still live at the provider: its checkout can reopen.
    Live(Box<Payment>),
    /// It ended while nobody watched; the cashier should hear how.
    Ended(Box<Payment>),
}

/// A sale the till lost sight of, until it is settled.
#[derive(Clone, Debug)]
pub struct Watched {
    pub entry: Entry,
    pub state: Watch,
}

impl Watched {
    /// What the customer pays: the provider's total once known, else the amount rung up.
    pub fn amount(&self) -> Money {
        match &self.state {
            Watch::Live(p) | Watch::Ended(p) => p.paid_total(),
            Watch::Checking { .. } => self.entry.amount,
        }
    }
}

/// What to do after a look-up.
#[derive(Debug)]
pub enum Next {
    /// Nothing: the sale is not watched (any more), or it now waits on the list, live or ended.
    Nothing,
    /// Show its checkout now; it is off the list.
    Open(Box<Payment>),
    /// It was never created; it is off the list and may be charged again.
    NotCreated(Entry),
    /// Look again after `after`; `problem` says why this look-up could not decide.
    Again {
        after: Duration,
        problem: Option<RecoveryError>,
    },
}

/// The sales the till lost sight of (a crash, an unanswered create, a checkout left while the
/// outcome was unknown), each looked up until it is settled: the start-up recovery's state,
/// without the screens.
#[derive(Debug, Default)]
pub struct Watchlist {
    items: Vec<Watched>,
}

impl Watchlist {
    pub fn items(&self) -> &[Watched] {
        &self.items
    }

    pub fn contains(&self, reference: &str) -> bool {
        self.position(reference).is_some()
    }

    fn position(&self, reference: &str) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.entry.reference == reference)
    }

    /// Starts looking `entry` up (once: a sale already watched is left as it is).
    pub fn watch(&mut self, entry: Entry) {
        if !self.contains(&entry.reference) {
            self.items.push(Watched {
                entry,
                state: Watch::Checking {
                    tries: 0,
                    problem: None,
                },
            });
        }
    }

    /// A payment made while the cashier was on another screen: it waits, live, on the list.
    pub fn waiting(&mut self, entry: Entry, payment: Box<Payment>) {
        self.items.retain(|i| i.entry.reference != entry.reference);
        self.items.push(Watched {
            entry,
            state: Watch::Live(payment),
        });
    }

    /// Takes in what a look-up of `reference` established. `may_open(live)` says whether its
    /// checkout may take the screen now (the cashier is waiting on this very sale, or a live
    /// one and the till is idle); otherwise it waits on the list.
    pub fn learnt(
        &mut self,
        reference: &str,
        result: Result<Resolution, RecoveryError>,
        may_open: impl Fn(bool) -> bool,
    ) -> Next {
        let Some(at) = self.position(reference) else {
            return Next::Nothing;
        };
        match result {
            Ok(Resolution::Found(payment)) => {
                let live = !payment.status.is_final();
                if may_open(live) {
                    self.items.remove(at);
                    return Next::Open(payment);
                }
                self.items[at].state = if live {
                    Watch::Live(payment)
                } else {
                    Watch::Ended(payment)
                };
                Next::Nothing
            }
            Ok(Resolution::NotCreated) => Next::NotCreated(self.items.remove(at).entry),
            Ok(Resolution::NotYet) | Err(_) => {
                let problem = result.err();
                let item = &mut self.items[at];
                let tries = match &item.state {
                    Watch::Checking { tries, .. } => tries + 1,
                    _ => 1,
                };
                item.state = Watch::Checking {
                    tries,
                    problem: problem.clone(),
                };
                // Looked up again after a pause, for as long as it takes.
                Next::Again {
                    after: backoff(tries.saturating_sub(1)),
                    problem,
                }
            }
        }
    }

    /// Takes a live sale off the list to reopen its checkout.
    pub fn reopen(&mut self, reference: &str) -> Option<Box<Payment>> {
        let at = self
            .items
            .iter()
            .position(|i| i.entry.reference == reference && matches!(i.state, Watch::Live(_)))?;
        match self.items.remove(at).state {
            Watch::Live(p) => Some(p),
            _ => None,
        }
    }

    /// The cashier has seen how an ended sale ended.
    pub fn dismiss(&mut self, reference: &str) {
        self.items
            .retain(|i| i.entry.reference != reference || !matches!(i.state, Watch::Ended(_)));
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

    fn entry(reference: &str) -> Entry {
        Entry {
            reference: reference.into(),
            session: 1,
            amount: Money::from_cents(1250),
            description: None,
            pos_id: None,
            account: None,
            attempted_at: OffsetDateTime::UNIX_EPOCH,
            payment_id: None,
            created_at: None,
            last: None,
        }
    }

    fn payment(status: &str) -> Box<Payment> {
        Box::new(
            serde_json::from_value(serde_json::json!({
                "paymentId": "p1", "status": status, "amount": 1250
            }))
            .unwrap(),
        )
    }

    #[test]
    fn a_watched_sale_is_looked_up_until_settled() {
        let mut list = Watchlist::default();
        list.watch(entry("K1"));
        list.watch(entry("K1"));
        assert_eq!(list.items().len(), 1, "watched once");
        // Undecided: looked up again, slower each time.
        let Next::Again { after, problem } = list.learnt("K1", Ok(Resolution::NotYet), |_| true)
        else {
            panic!()
        };
        assert_eq!((after, problem), (backoff(0), None));
        let failed = Err(RecoveryError::Journal(JournalError::Closed));
        let Next::Again { after, problem } = list.learnt("K1", failed, |_| true) else {
            panic!()
        };
        assert_eq!(after, backoff(1));
        assert!(problem.is_some());
        // Found live while the cashier is busy: it waits on the list, then reopens once.
        assert!(matches!(
            list.learnt("K1", Ok(Resolution::Found(payment("PENDING"))), |_| false),
            Next::Nothing
        ));
        assert!(matches!(list.items()[0].state, Watch::Live(_)));
        assert!(list.reopen("K1").is_some());
        assert!(list.reopen("K1").is_none());
        assert!(list.items().is_empty());
        // A look-up for a sale no longer watched changes nothing.
        assert!(matches!(
            list.learnt("K1", Ok(Resolution::NotCreated), |_| true),
            Next::Nothing
        ));
    }

    #[test]
    fn an_ended_sale_waits_to_be_seen_and_a_never_made_one_leaves() {
        let mut list = Watchlist::default();
        list.watch(entry("K1"));
        list.watch(entry("K2"));
        // Final, and only a waiting cashier may open it: ended, on the list until dismissed.
        assert!(matches!(
            list.learnt("K1", Ok(Resolution::Found(payment("SUCCEEDED"))), |live| {
                live
            }),
            Next::Nothing
        ));
        assert!(matches!(list.items()[0].state, Watch::Ended(_)));
        assert!(list.reopen("K1").is_none(), "an ended sale does not reopen");
        list.dismiss("K2");
        assert_eq!(list.items().len(), 2, "only ended sales are dismissed");
        list.dismiss("K1");
        assert_eq!(list.items().len(), 1);
        let Next::NotCreated(e) = list.learnt("K2", Ok(Resolution::NotCreated), |_| true) else {
            panic!()
        };
        assert_eq!(e.reference, "K2");
        assert!(list.items().is_empty());
    }

    #[test]
    fn only_sales_of_these_books_are_looked_up() {
        let mut e = entry("K1");
        assert!(belongs_to(&e, "sandbox"), "before accounts were recorded");
        e.account = Some("sandbox".into());
        assert!(belongs_to(&e, "sandbox"));
        assert!(!belongs_to(&e, "https://api#p"));
    }
}
