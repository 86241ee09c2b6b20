//! Following the shop server's stream of the provider's callbacks. A payment created while the
//! server receives callbacks names its callback URL; when the provider calls back, the server
//! stores the callback and streams it here at once. The till checks the provider's own
//! signature on it (the server is trusted with nothing) and moves the checkout forward; while
//! the stream is up it polls only every [`STREAM_POLL`] as a safety net, and when the stream
//! drops it polls at once and at its usual pace, saying nothing to the cashier (a poll that
//! fails says so, as it always has).

use std::hash::{Hash, Hasher};
use std::time::Duration;

use iced::futures::SinkExt;
use iced::{Subscription, Task};
use kassa_core::shop::stream::Item;
use kassa_core::shop::{PaymentNotice, ShopClient};

use super::{App, Message, Screen};
use crate::screen::checkout;

/// The checkout's pace while the stream is up: at most 0.2 reads a second per payment.
pub const STREAM_POLL: Duration = Duration::from_secs(5);
/// The longest wait before the stream is opened again after it failed.
const MOST_BACKOFF: Duration = Duration::from_secs(10);

/// What the stream brought.
#[derive(Debug, Clone)]
pub enum StreamEvent {
    /// Open: callbacks reach the till as they are stored.
    Up,
    Notice(Box<PaymentNotice>),
    /// Closed or failed (why, for the log); opened again by itself.
    Down(String),
    /// A callback for the payment on screen did not verify (logged): it is read instead.
    Unverified,
}

/// The subscription's data: one stream per link (a till joined anew links again, with its
/// new token).
struct Follow(ShopClient, u64);

impl Hash for Follow {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.base().as_str().hash(state);
        self.1.hash(state);
    }
}

fn follow(f: &Follow) -> impl iced::futures::Stream<Item = Message> + use<> {
    use iced::futures::StreamExt;
    notices(f.0.clone()).map(Message::ShopStream)
}

/// The server's callbacks, as long as it is polled: opened, read, and opened again after a
/// cut, resuming after the last notice seen (nothing missed). Public for the tests, which
/// drive it beside the harness as iced drives the subscription.
pub fn notices(client: ShopClient) -> impl iced::futures::Stream<Item = StreamEvent> {
    iced::stream::channel(
        16,
        async move |mut out: iced::futures::channel::mpsc::Sender<_>| {
            let mut after: Option<i64> = None;
            let mut backoff = Duration::from_millis(500);
            loop {
                let why = match client.follow(after).await {
                    Ok(mut stream) => loop {
                        match stream.next().await {
                            Ok(Item::Hello(hello)) => {
                                after.get_or_insert(hello.after);
                                backoff = Duration::from_millis(500);
                                if out.send(StreamEvent::Up).await.is_err() {
                                    return;
                                }
                            }
                            Ok(Item::Notice(n)) => {
                                after = Some(n.id);
                                if out.send(StreamEvent::Notice(Box::new(n))).await.is_err() {
                                    return;
                                }
                            }
                            Err(e) => break e.to_string(),
                        }
                    },
                    Err(e) => e.to_string(),
                };
                if out.send(StreamEvent::Down(why)).await.is_err() {
                    return;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(MOST_BACKOFF);
            }
        },
    )
}

impl App {
    /// The stream, while linked to a server that receives callbacks.
    pub(super) fn stream_subscription(&self) -> Option<Subscription<Message>> {
        let link = self.shop.as_ref()?;
        link.callback_url.as_ref()?;
        let client = link.client.clone()?;
        Some(Subscription::run_with(
            Follow(client, link.generation),
            follow,
        ))
    }

    /// Whether the shop server's callback stream is open.
    pub fn following_callbacks(&self) -> bool {
        self.shop.as_ref().is_some_and(|l| l.stream_up)
    }

    /// Where the shop server receives callbacks, when it does (what a new payment names).
    pub(super) fn callback_url(&self) -> Option<String> {
        self.shop.as_ref()?.callback_url.clone()
    }

    /// Whether the live payment `id` is followed by callbacks now (it named the server's URL,
    /// the stream is up, and callbacks have been seen to come): its reads are only a safety
    /// net.
    pub(super) fn followed(&self, id: &str) -> bool {
        self.shop
            .as_ref()
            .is_some_and(|l| l.stream_up && l.proven && l.followed.contains(id))
    }

    /// What a read or a callback of payment `id` says of the callbacks: one that came proves
    /// they reach this till; a read that found news first (for a payment that named the
    /// server's URL) says they do not, or not in time, and the reads go back to their pace.
    pub(super) fn callbacks_seen(&mut self, id: &str, by_callback: bool) {
        let Some(link) = self.shop.as_mut().filter(|l| l.followed.contains(id)) else {
            return;
        };
        if link.proven != by_callback {
            tracing::info!(
                by_callback,
                "callbacks {} this till's payments",
                if by_callback {
                    "reach"
                } else {
                    "did not bring the news of"
                }
            );
        }
        link.proven = by_callback;
    }

    /// A payment created naming the server's callback URL.
    pub(super) fn follow_payment(&mut self, id: &str) {
        if let Some(link) = self.shop.as_mut() {
            link.followed.insert(id.to_string());
        }
    }

    pub(super) fn shop_stream(&mut self, event: StreamEvent) -> Task<Message> {
        let Some(link) = self.shop.as_mut() else {
            return Task::none();
        };
        match event {
            StreamEvent::Up => {
                if !link.stream_up {
                    tracing::info!("following the shop server's callbacks");
                }
                link.stream_up = true;
                // Back after a drop: the server (restarted, perhaps with another public URL)
                // is asked what it holds and where it receives callbacks now.
                if std::mem::take(&mut link.stream_was_down) {
                    link.ask_again = true;
                    return Task::done(Message::ShopPush);
                }
                Task::none()
            }
            StreamEvent::Down(why) => {
                let was_up = std::mem::take(&mut link.stream_up);
                link.stream_was_down = true;
                if was_up {
                    tracing::info!(
                        why,
                        "the callback stream dropped: polling at the usual pace"
                    );
                } else {
                    tracing::debug!(why, "the callback stream cannot be opened");
                }
                // The live payment is read now, not at the slow pace's next turn (unless reads
                // are failing or the provider asked to wait: then at their own pace).
                match &self.screen {
                    Screen::Checkout(c) if was_up && c.may_read_now() => Task::done(Message::Poll),
                    _ => Task::none(),
                }
            }
            StreamEvent::Notice(notice) => self.notice(*notice),
            StreamEvent::Unverified => {
                // Not proof of anything: the payment is read (at once when reads are well).
                match &self.screen {
                    Screen::Checkout(c) if c.may_read_now() => Task::done(Message::Poll),
                    _ => Task::none(),
                }
            }
        }
    }

    /// The whole shop's sales on screen, read again.
    pub(super) fn reload_shop_views(&mut self) -> Task<Message> {
        self.shop_reload_due = false;
        match &self.screen {
            Screen::Today(_) => self.load_today_shop(),
            Screen::History(h) => {
                let (from, to) = h.period();
                self.load_shop_sales(from, to)
            }
            _ => Task::none(),
        }
    }

    /// A callback for the payment on screen: checked against the provider's keys, then
    /// applied as a status read would be. Others are the shop's news: the whole shop's sales
    /// on screen are read again (the server counts the callback in).
    fn notice(&mut self, notice: PaymentNotice) -> Task<Message> {
        if matches!(self.screen, Screen::Today(_) | Screen::History(_)) {
            // Once for a burst of callbacks, half a second after the first.
            if std::mem::replace(&mut self.shop_reload_due, true) {
                return Task::none();
            }
            return Task::perform(
                tokio::time::sleep(std::time::Duration::from_millis(500)),
                |_| Message::ShopViewsReload,
            );
        }
        let (Screen::Checkout(c), Some(services), Some(url)) =
            (&self.screen, self.services.clone(), self.callback_url())
        else {
            return Task::none();
        };
        if c.payment().payment_id != notice.payment_id || !c.is_live() {
            return Task::none();
        }
        let id = notice.payment_id.clone();
        Task::perform(
            async move {
                services
                    .client
                    .verify_callback(&notice.signature, notice.body.as_bytes(), &url)
                    .await
            },
            move |checked| match checked {
                Ok(payment) if payment.payment_id == id => {
                    Message::Checkout(checkout::Message::Pushed(Box::new(payment)))
                }
                Ok(_) => Message::ShopStream(StreamEvent::Unverified),
                Err(e) => {
                    // Read from the provider instead: the read is the truth.
                    tracing::warn!(error = %e, payment = %id, "a relayed callback does not verify: read instead");
                    Message::ShopStream(StreamEvent::Unverified)
                }
            },
        )
    }
}
