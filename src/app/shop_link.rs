//! Sending the till's events to its shop server while the till runs. The journal rings when
//! it has written (no timer while nothing happens); a push sends everything waiting, batch
//! after batch; while the server cannot be reached the till sells on, says how many events
//! wait, and tries again every few seconds.

use std::hash::{Hash, Hasher};
use std::time::Duration;

use iced::{Subscription, Task};
use kassa_core::shop::ShopClient;

use super::manager::blocking;
use super::{App, Message};
use crate::fl;
use crate::journal::Journal;

/// How often a push that failed is tried again.
pub const RETRY: Duration = Duration::from_secs(5);

#[derive(Debug, Default)]
pub struct ShopLink {
    pub(super) client: Option<ShopClient>,
    pushing: bool,
    /// The journal rang while a push ran: push again when it ends.
    again: bool,
    /// Events not yet on the server, after the last push.
    waiting: i64,
    /// Why the last push (or the link itself) failed.
    problem: Option<crate::shop::PushProblem>,
    /// The server's name for this till, once it has answered (its sales are in the journal).
    till: Option<String>,
    /// Where the server receives the provider's callbacks, when it does.
    pub(super) callback_url: Option<String>,
    /// Whether the callback stream is open.
    pub(super) stream_up: bool,
    /// Payments created naming the server's callback URL.
    pub(super) followed: std::collections::HashSet<String>,
    /// Counts the links made (a new link opens a new stream).
    pub(super) generation: u64,
    /// Ask the server what it holds of this till before the next push (after a failure: it
    /// may come back restored from a backup, or receiving callbacks now).
    pub(super) ask_again: bool,
    /// The stream dropped since it was last up (when it is back, the server may be another
    /// one, or configured anew: it is asked again).
    pub(super) stream_was_down: bool,
    /// The payment profile the server took from this till (its callbacks are the shop's).
    announced: Option<String>,
    /// A callback for one of this till's payments has come by the stream, and no read has
    /// since found news the stream did not bring: the reads may slow down.
    pub(super) proven: bool,
}

/// What the server said of this till when asked, and the profile it took from it.
#[derive(Debug, Clone)]
pub struct Linked {
    pub status: kassa_core::shop::TillStatus,
    pub announced: Option<String>,
}

/// The journal's doorbell, as a subscription's data (one per journal file).
struct Bell(Journal);

impl Hash for Bell {
    fn hash<H: Hasher>(&self, state: &mut H) {
        format!("{:?}", self.0).hash(state);
    }
}

fn rings(bell: &Bell) -> impl iced::futures::Stream<Item = Message> + use<> {
    iced::futures::stream::unfold(bell.0.changes(), |mut rx| async move {
        rx.changed().await.ok()?;
        Some((Message::ShopPush, rx))
    })
}

impl App {
    /// Links the till to its shop server, as its settings and keychain say (the token is read
    /// off the UI thread); then sends what waits.
    pub(super) fn connect_shop(&mut self) -> Task<Message> {
        if self.settings.shop_server.trim().is_empty() {
            self.shop = None;
            return Task::none();
        }
        let settings = self.settings.clone();
        let secrets = self.secrets.clone();
        Task::perform(
            blocking(move || crate::shop::client(&settings, secrets.as_ref())),
            |made| {
                Message::ShopLinked(match made {
                    Ok(Some(client)) => client,
                    Ok(None) => Err(String::new()),
                    Err(e) => Err(e),
                })
            },
        )
    }

    pub(super) fn shop_linked(&mut self, made: Result<ShopClient, String>) -> Task<Message> {
        let link = self.shop.get_or_insert_with(ShopLink::default);
        match made {
            Ok(client) => {
                link.client = Some(client);
                link.problem = None;
                link.generation += 1;
                // A new link opens a new stream: the reads keep their pace until it is up.
                link.stream_up = false;
                link.ask_again = true;
                self.push_to_shop()
            }
            Err(why) => {
                link.client = None;
                link.problem = Some(crate::shop::PushProblem::other(why));
                Task::none()
            }
        }
    }

    /// Sends everything waiting, unless a push is on its way (then once more after it). A till
    /// the server did not know reads its token again first (it may have joined anew).
    pub(super) fn push_to_shop(&mut self) -> Task<Message> {
        if self
            .shop
            .as_ref()
            .is_some_and(|l| l.problem.as_ref().is_some_and(|p| p.unknown_till))
            && !self.shop.as_ref().is_some_and(|l| l.pushing)
        {
            if let Some(link) = self.shop.as_mut() {
                link.problem = None;
                link.till = None;
                link.callback_url = None;
            }
            return self.connect_shop();
        }
        let (Some(link), Some(journal)) = (self.shop.as_mut(), self.journal.clone()) else {
            return Task::none();
        };
        let Some(client) = link.client.clone() else {
            return Task::none();
        };
        if link.pushing {
            link.again = true;
            return Task::none();
        }
        link.pushing = true;
        link.again = false;
        // The profile this till sells on, for the server to accept its callbacks (named
        // again when the till's account changed).
        let profile = self
            .services
            .as_ref()
            .map(|s| s.client.account().profile_id.clone())
            .filter(|p| !p.is_empty());
        let check = link.till.is_none()
            || link.ask_again
            || (link.callback_url.is_some() && link.announced != profile);
        Task::perform(
            async move {
                // First: what the server holds of this till (a server joined anew, or restored
                // from a backup, holds less than was sent: that is sent again).
                let mut till = None;
                if check {
                    match client.status().await {
                        // Only a server holding some of this till's events but fewer than were
                        // sent (restored from a backup) gets the rest again: a till joined
                        // anew under another name must not bring what the server already
                        // holds under its old one (the books would count it twice).
                        Ok(s) => {
                            if s.last_seq > 0
                                && let Err(e) = journal.outbox_rewind(s.last_seq).await
                            {
                                let why = crate::explain::Explain::explain(&e);
                                return (Err(crate::shop::PushProblem::other(why)), 0, None);
                            }
                            let mut announced = None;
                            if s.callback_url.is_some()
                                && let Some(profile) = &profile
                            {
                                match client.announce_profile(profile).await {
                                    Ok(()) => announced = Some(profile.clone()),
                                    Err(e) => {
                                        tracing::warn!(error = %e, "the shop server did not take this till's payment profile: its callbacks will not be accepted (reads keep their pace)")
                                    }
                                }
                            }
                            till = Some(Box::new(Linked {
                                status: s,
                                announced,
                            }));
                        }
                        Err(e) => {
                            let waiting = journal.outbox_waiting().await.unwrap_or(0);
                            return (Err(crate::shop::PushProblem::of_shop(&e)), waiting, None);
                        }
                    }
                }
                let pushed = kassa_ledger::shop_push::push_waiting(&journal, &client)
                    .await
                    .map(|p| {
                        if !p.conflicts.is_empty() {
                            tracing::error!(
                                conflicts = ?p.conflicts,
                                "the shop server holds other events under these numbers (a journal from a backup, or a copied data folder?): kept aside there"
                            );
                        }
                        p.sent
                    })
                    .map_err(|e| crate::shop::PushProblem::of_push(&e));
                let waiting = journal.outbox_waiting().await.unwrap_or(0);
                (pushed, waiting, till)
            },
            |(pushed, waiting, till)| Message::ShopPushed(pushed, waiting, till),
        )
    }

    pub(super) fn shop_pushed(
        &mut self,
        pushed: Result<u64, crate::shop::PushProblem>,
        waiting: i64,
        till: Option<Box<Linked>>,
    ) -> Task<Message> {
        let Some(link) = self.shop.as_mut() else {
            return Task::none();
        };
        link.pushing = false;
        link.waiting = waiting;
        if let Some(linked) = till {
            link.till = Some(linked.status.till);
            if linked.status.callback_url.is_none() {
                link.stream_up = false;
            }
            link.callback_url = linked.status.callback_url;
            link.announced = linked.announced;
            link.ask_again = false;
        }
        match pushed {
            Ok(sent) => {
                if sent > 0 {
                    tracing::debug!(sent, "events sent to the shop server");
                }
                link.problem = None;
            }
            Err(problem) => {
                tracing::warn!(error = %problem.why, waiting, "the shop server did not take the events");
                link.problem = Some(problem);
                link.ask_again = true;
            }
        }
        if link.again && link.problem.is_none() {
            return self.push_to_shop();
        }
        Task::none()
    }

    /// What the cashier should know of the link: events waiting for a server that does not
    /// answer (nothing while all is sent).
    pub(super) fn shop_problem(&self) -> Option<String> {
        let link = self.shop.as_ref()?;
        let problem = link.problem.as_ref().filter(|p| !p.why.is_empty())?;
        // A till the server does not know waits for a new join, not for the server.
        if problem.unknown_till {
            return Some(fl!("shop-unknown-banner", waiting = link.waiting));
        }
        let why = &problem.why;
        Some(fl!(
            "shop-waiting-banner",
            waiting = link.waiting,
            why = why.clone()
        ))
    }

    /// The server's name for this till, once it has answered.
    pub(crate) fn shop_till(&self) -> Option<String> {
        self.shop.as_ref()?.till.clone()
    }

    /// The shop server's client, when the till is linked to one.
    pub(crate) fn shop_client(&self) -> Option<ShopClient> {
        self.shop.as_ref()?.client.clone()
    }

    /// The whole shop's sales rung up in [from, to), for the history (the server's; when it
    /// cannot be read, the history says so and shows this till's own).
    pub(super) fn load_shop_sales(
        &self,
        from: time::OffsetDateTime,
        to: time::OffsetDateTime,
    ) -> Task<Message> {
        let Some(client) = self.shop_client() else {
            return Task::none();
        };
        let ms = crate::clock::millis;
        let period = (ms(from), ms(to));
        let books = self.books();
        Task::perform(
            async move {
                client
                    .all_sales_in(period, super::records::HISTORY_LIMIT)
                    .await
                    .map(|sales| only_these_books(sales, books.as_deref()))
                    .map_err(|e| crate::shop::explain(&e))
            },
            |r| Message::History(crate::screen::history::Message::ShopLoaded(r)),
        )
    }

    /// Events not yet on the shop server (`None`: not in a shop).
    pub fn shop_waiting(&self) -> Option<i64> {
        self.shop.as_ref().map(|l| l.waiting)
    }

    /// The journal's doorbell while linked, and a retry while the server does not answer.
    pub(super) fn shop_subscriptions(&self) -> Vec<Subscription<Message>> {
        let (Some(link), Some(journal)) = (&self.shop, &self.journal) else {
            return Vec::new();
        };
        if link.client.is_none() {
            return Vec::new();
        }
        let mut subs = vec![Subscription::run_with(Bell(journal.clone()), rings)];
        subs.extend(self.stream_subscription());
        if link.problem.is_some() {
            subs.push(iced::time::every(RETRY).map(|_| Message::ShopPush));
        }
        subs
    }
}

/// The shop's sales made on the account with `books` (another till's sandbox sales are play
/// money, not this account's takings), as the till's own are filtered.
pub(super) fn only_these_books(
    mut sales: Vec<kassa_core::shop::ShopSale>,
    books: Option<&str>,
) -> Vec<kassa_core::shop::ShopSale> {
    sales.retain(|s| books.is_some_and(|b| s.account.as_deref() == Some(b)));
    sales
}
