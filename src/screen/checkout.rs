//! Checkout: the framed QR (or "scan the sticker"), a countdown, the live status, and the
//! final outcome. Status comes from polling GET payment: quick while the customer acts, slower
//! when idle, backing off when offline, and never once the status is final.

use std::time::{Duration, Instant};

use iced::keyboard::{self, key::Named};
use time::OffsetDateTime;

use crate::explain::Explain;
use crate::i18n::Lang;
use crate::money::Money;
use crate::payconiq::Error;
use crate::payconiq::model::{Acknowledge, Payment, PaymentStatus};
use crate::qr::{QrColour, QrSize};
use crate::widget::framed_qr::FramedQr;

/// The width of the column beside the code (amount, status, countdown, actions).
const DETAILS_WIDTH: f32 = 330.0;

/// How often to ask for the status.
#[derive(Clone, Copy, Debug)]
pub struct PollPolicy {
    /// While the customer is acting (scanned, authorizing, waiting for acknowledge).
    pub active: Duration,
    /// While nobody has scanned yet.
    pub waiting: Duration,
    /// After this long without a scan, poll at `idle`.
    pub idle_after: Duration,
    pub idle: Duration,
    /// Upper bound of the backoff while offline.
    pub max_backoff: Duration,
}

/// Chosen for the targets: once scanned, a change shows within 600 ms at p95 with at most two
/// requests a second; while waiting for the scan, one a second for the first minute, then one
/// every four seconds (see `benches/status_latency.rs`).
impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            active: Duration::from_millis(500),
            waiting: Duration::from_millis(1000),
            idle_after: Duration::from_secs(60),
            idle: Duration::from_secs(4),
            max_backoff: Duration::from_secs(15),
        }
    }
}

impl PollPolicy {
    /// No waiting between polls, for tests that drive time themselves.
    pub fn immediate() -> PollPolicy {
        PollPolicy {
            active: Duration::ZERO,
            waiting: Duration::ZERO,
            idle_after: Duration::from_secs(3600),
            idle: Duration::ZERO,
            max_backoff: Duration::ZERO,
        }
    }
}

/// A merchant request that must be repeated until the API confirms it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Cancel,
    Acknowledge,
    Void,
}

#[derive(Debug)]
pub struct Checkout {
    payment: Payment,
    qr: Option<FramedQr>,
    lang: Lang,
    policy: PollPolicy,
    opened: Instant,
    now: OffsetDateTime,
    in_flight: bool,
    last_poll: Option<Instant>,
    failures: u32,
    /// The provider asked us to wait this long (429 `Retry-After`).
    hold_off: Option<Duration>,
    offline: bool,
    confirm_cancel: bool,
    /// Cancel was pressed while the screen said "waiting": the status is read first, since the
    /// customer may have scanned since the last read.
    checking_cancel: bool,
    /// Void was pressed: it returns the customer's money, so it asks first.
    confirm_void: bool,
    /// This till sent a cancel (so a cancelled payment was ended here, not by the customer).
    cancel_sent: bool,
    /// The payment was seen before it ended (so an end seen here was not before this screen).
    seen_live: bool,
    op: Option<Op>,
    op_in_flight: bool,
    /// An operation the API accepted, until the status read after it arrives: the screen
    /// still says it is under way, not the state before it.
    settling: Option<Op>,
    /// A void answered "not pending": the read that follows says whether it took effect.
    void_unconfirmed: bool,

    problem: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The clock: countdown, and retrying an operation that is due.
    Tick,
    /// Time to ask for the status.
    Poll,
    /// A status read, for the payment id it names.
    Fetched(String, Result<Box<Payment>, Error>),
    /// A status the provider called back (its signature checked), pushed by the shop server.
    Pushed(Box<Payment>),
    Cancel,
    ConfirmCancel,
    KeepWaiting,
    Complete,
    Void,
    ConfirmVoid,
    /// Back from the void question without voiding.
    KeepPayment,
    /// A cancel/acknowledge/void answer, for the payment id it names.
    OpDone(String, Result<(), Error>),
    NewSale,
    TryAgain,
    Keyboard(keyboard::Event),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Fetch(String),
    Cancel(String),
    Acknowledge(String, Acknowledge),
    Void(String),
    /// Back to an empty till.
    Close,
    /// Back to the till with the same amount and description.
    Retry {
        amount: Money,
        description: Option<String>,
    },
}

impl Checkout {
    /// `qr` is `None` in sticker mode (the customer scans the shop's sticker).
    pub fn new(payment: Payment, qr: Option<FramedQr>, lang: Lang, policy: PollPolicy) -> Checkout {
        Checkout {
            seen_live: !payment.status.is_final(),
            payment,
            qr,
            lang,
            policy,
            opened: Instant::now(),
            now: OffsetDateTime::now_utc(),
            in_flight: false,
            last_poll: None,
            failures: 0,
            hold_off: None,
            offline: false,
            confirm_cancel: false,
            checking_cancel: false,
            confirm_void: false,
            cancel_sent: false,
            op: None,
            op_in_flight: false,
            settling: None,
            void_unconfirmed: false,

            problem: None,
        }
    }

    /// Renders the QR for a payment's deeplink, as the screen shows it.
    pub fn render_qr(payment: &Payment, size: QrSize, colour: QrColour) -> Option<FramedQr> {
        FramedQr::new(payment.deeplink()?, size, colour).ok()
    }

    pub fn payment(&self) -> &Payment {
        &self.payment
    }

    pub fn status(&self) -> &PaymentStatus {
        &self.payment.status
    }

    pub fn qr(&self) -> Option<&FramedQr> {
        self.qr.as_ref()
    }

    pub fn is_offline(&self) -> bool {
        self.offline
    }

    /// Whether the screen still needs ticks (status polling, countdown, retried requests).
    pub fn is_live(&self) -> bool {
        !self.payment.status.is_final() || self.op.is_some()
    }

    /// How long until the next status read: the subscription polls at exactly this pace (a
    /// separate one-second clock drives the countdown), so a poll never waits for a tick.
    pub fn poll_interval(&self) -> Duration {
        if let Some(wait) = self.hold_off {
            return wait.max(self.policy.active);
        }
        if self.failures > 0 {
            let backoff = self.policy.active.max(Duration::from_millis(500))
                * 2u32.saturating_pow(self.failures.min(5));
            return backoff.min(self.policy.max_backoff);
        }
        match self.payment.status {
            PaymentStatus::Pending if self.opened.elapsed() >= self.policy.idle_after => {
                self.policy.idle
            }
            PaymentStatus::Pending => self.policy.waiting,
            _ => self.policy.active,
        }
    }

    /// Whether a read may go out now, outside the poll's pace (a stream that dropped): not
    /// while one is in flight, nor while the provider asked to wait or reads are failing.
    pub fn may_read_now(&self) -> bool {
        self.is_live() && !self.in_flight && self.hold_off.is_none() && self.failures == 0
    }

    /// The payment is final: whatever was being retried or asked no longer matters.
    fn ended(&mut self) {
        self.op = None;
        self.settling = None;
        self.confirm_cancel = false;
        self.confirm_void = false;
        self.checking_cancel = false;
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Tick => self.tick(),
            Message::Poll => self.poll(),
            // An answer for another payment (a checkout that is gone) changes nothing here.
            Message::Fetched(id, _) | Message::OpDone(id, _) if id != self.payment.payment_id => {
                Action::None
            }
            Message::Pushed(p) => {
                // Only news moves the screen, and only forward; a read in flight or an
                // operation settling goes on as it was (their answers are as welcome).
                if p.payment_id == self.payment.payment_id
                    && p.status.advances(&self.payment.status)
                {
                    self.payment = self.payment.clone().updated_by(&p);
                    if self.payment.status.is_final() {
                        self.ended();
                    }
                }
                Action::None
            }
            Message::Fetched(_, result) => {
                self.in_flight = false;
                // No status read overlaps an operation (polls wait for it), so this is the read
                // sent after the operation's answer.
                self.settling = None;
                match result {
                    Ok(p) if p.payment_id == self.payment.payment_id => {
                        // An answer that left before a newer one arrived never moves the
                        // screen back (a stale PENDING after CANCELLED would revive it).
                        if p.status.may_follow(&self.payment.status) {
                            self.payment = *p;
                        }
                        // Completed elsewhere (another till, the command line) before the
                        // void arrived: paid, and the cashier is told the void did not happen.
                        if std::mem::take(&mut self.void_unconfirmed)
                            && self.payment.status == PaymentStatus::Succeeded
                        {
                            self.problem = Some(crate::fl!("checkout-void-too-late"));
                        }
                        self.failures = 0;
                        self.hold_off = None;
                        self.offline = false;
                        if self.payment.status.is_final() {
                            self.ended();
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        self.failures += 1;
                        self.hold_off = e.retry_after();
                        self.offline = e.is_transient();
                        if !self.offline {
                            self.problem = Some(e.explain());
                        }
                    }
                }
                if std::mem::take(&mut self.checking_cancel) {
                    // Cancel at once only when the fresh read still says nobody scanned; when
                    // it says more, or could not be read, ask.
                    return match self.payment.status {
                        PaymentStatus::Pending if self.failures == 0 => self.start(Op::Cancel),
                        ref s if s.is_cancellable() => {
                            self.confirm_cancel = true;
                            Action::None
                        }
                        _ => Action::None,
                    };
                }
                Action::None
            }
            Message::Cancel => {
                if !self.payment.status.is_cancellable() || self.busy_with().is_some() {
                    return Action::None;
                }
                if self.payment.status != PaymentStatus::Pending {
                    self.confirm_cancel = true;
                    return Action::None;
                }
                // "Waiting" may be a read ago: read again before cancelling.
                self.checking_cancel = true;
                if self.in_flight {
                    return Action::None;
                }
                self.in_flight = true;
                self.last_poll = Some(Instant::now());
                Action::Fetch(self.payment.payment_id.clone())
            }
            Message::ConfirmCancel => {
                self.confirm_cancel = false;
                self.start(Op::Cancel)
            }
            Message::KeepWaiting => {
                self.confirm_cancel = false;
                Action::None
            }
            Message::Complete => self.start(Op::Acknowledge),
            Message::Void => {
                if self.op.is_none() {
                    self.confirm_void = true;
                }
                Action::None
            }
            Message::ConfirmVoid => {
                self.confirm_void = false;
                self.start(Op::Void)
            }
            Message::KeepPayment => {
                self.confirm_void = false;
                Action::None
            }
            Message::OpDone(_, result) => self.op_done(result),
            Message::NewSale if self.payment.status.is_final() => Action::Close,
            Message::TryAgain if self.payment.status.is_final() => Action::Retry {
                amount: self.payment.amount,
                description: self.payment.description.clone(),
            },
            Message::NewSale | Message::TryAgain => Action::None,
            Message::Keyboard(event) => self.keyboard(event),
        }
    }

    fn keyboard(&mut self, event: keyboard::Event) -> Action {
        let keyboard::Event::KeyPressed { key, .. } = event else {
            return Action::None;
        };
        match key.as_ref() {
            keyboard::Key::Named(Named::Escape) if self.confirm_cancel => {
                self.update(Message::KeepWaiting)
            }
            keyboard::Key::Named(Named::Escape) if self.confirm_void => {
                self.update(Message::KeepPayment)
            }
            keyboard::Key::Named(Named::Escape) if self.payment.status.is_final() => {
                self.update(Message::NewSale)
            }
            keyboard::Key::Named(Named::Escape) => self.update(Message::Cancel),
            keyboard::Key::Named(Named::Enter) if self.confirm_cancel => {
                self.update(Message::ConfirmCancel)
            }
            keyboard::Key::Named(Named::Enter) if self.payment.status.is_final() => {
                self.update(Message::NewSale)
            }
            _ => Action::None,
        }
    }

    fn tick(&mut self) -> Action {
        self.now = OffsetDateTime::now_utc();
        if let Some(op) = self.op
            && !self.op_in_flight
            && self.due()
        {
            return self.send(op);
        }
        Action::None
    }

    fn poll(&mut self) -> Action {
        self.now = OffsetDateTime::now_utc();
        if self.payment.status.is_final() || self.in_flight || self.op_in_flight {
            return Action::None;
        }
        self.in_flight = true;
        self.last_poll = Some(Instant::now());
        Action::Fetch(self.payment.payment_id.clone())
    }

    fn due(&self) -> bool {
        self.last_poll
            .is_none_or(|at| at.elapsed() >= self.poll_interval())
    }

    fn start(&mut self, op: Op) -> Action {
        if self.busy_with().is_some() {
            return Action::None;
        }
        self.op = Some(op);
        self.cancel_sent |= op == Op::Cancel;
        self.problem = None;
        self.send(op)
    }

    fn send(&mut self, op: Op) -> Action {
        self.op_in_flight = true;
        self.last_poll = Some(Instant::now());
        let id = self.payment.payment_id.clone();
        match op {
            Op::Cancel => Action::Cancel(id),
            Op::Void => Action::Void(id),
            Op::Acknowledge => Action::Acknowledge(id, Acknowledge::for_payment(&self.payment)),
        }
    }

    fn op_done(&mut self, result: Result<(), Error>) -> Action {
        self.op_in_flight = false;
        let op = self.op;
        match result {
            Ok(()) => {
                self.settling = self.op.take();
                self.failures = 0;
                self.offline = false;
            }
            // Voiding twice, or a void whose first answer was lost: the guide's void table
            // answers "not pending" (some answer "voided"). Voided by us, or acknowledged or
            // run out meanwhile: the status read below says which.
            Err(e)
                if op == Some(Op::Void)
                    && matches!(e.code(), Some("PAYMENT_NOT_PENDING" | "PAYMENT_VOIDED")) =>
            {
                self.op = None;
                self.void_unconfirmed = true;
            }
            // A cancel refused as "not pending": our own earlier cancel (whose answer was lost)
            // may have done it, or the customer confirmed. Only the status read below can say
            // which, so nothing is claimed until it arrives.
            Err(e) if op == Some(Op::Cancel) && e.code() == Some("PAYMENT_NOT_PENDING") => {
                self.op = None;
                // Nor who ended it: the final screen says "Cancelled", not by whom.
                self.cancel_sent = false;
                self.seen_live = false;
            }
            Err(e) if e.is_transient() => {
                // Keep the operation: the next due tick sends it again.
                self.failures += 1;
                self.offline = true;
                return Action::None;
            }
            Err(e) => {
                self.op = None;
                self.problem = Some(e.explain());
            }
        }
        // Read back what the API now says.
        self.in_flight = true;
        self.last_poll = Some(Instant::now());
        Action::Fetch(self.payment.payment_id.clone())
    }

    /// The operation under way (sent, or accepted and its outcome not yet read back).
    fn busy_with(&self) -> Option<Op> {
        self.op.or(self.settling)
    }

    /// Seconds left to pay, while that matters.
    pub fn seconds_left(&self) -> Option<i64> {
        if !self.payment.status.is_cancellable() {
            return None;
        }
        let at = self.payment.expire_at?;
        Some((at - self.now).whole_seconds().max(0))
    }
}

mod view;
pub use view::CODE;

#[cfg(test)]
mod tests;
