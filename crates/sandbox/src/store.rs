//! The sandbox's memory: payments and refunds, and the payment state machine.
//!
//! Time-driven transitions (expiry, AUTHORIZED → SUCCEEDED, refunds settling) are applied lazily
//! whenever a record is read, so the simulator needs no background timers and stays exact.

use std::collections::{BTreeMap, HashMap, HashSet};

use time::OffsetDateTime;

use crate::money::Money;
use crate::payconiq::model::{
    Creditor, Debtor, Link, Links, Payment, PaymentStatus, Refund, RefundStatus,
};

use super::SandboxConfig;

mod search;
use super::reply::Reject;
pub use search::Search;

/// A payment with what the simulator needs beyond its API view.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SimPayment {
    pub view: Payment,
    pub pos_id: Option<String>,
    /// Whether the profile was void-enabled when the payment was created.
    pub void_enabled: bool,
    pub authorized_at: Option<OffsetDateTime>,
    pub ack_deadline: Option<OffsetDateTime>,
    pub debtor_iban: Option<String>,
    /// Seeded demo history: kept whatever the retention, so the screens always have a past.
    #[serde(default)]
    pub demo: bool,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SimRefund {
    pub view: Refund,
    pub fail: bool,
    pub idempotency_key: String,
    /// The body the key was first used with, to detect conflicting reuse.
    pub request: (i64, Option<String>),
}

/// What a create request asks for.
#[derive(Clone, Debug, Default)]
pub struct Order {
    pub amount: Money,
    pub description: Option<String>,
    pub reference: Option<String>,
    pub bulk_id: Option<String>,
    pub callback_url: Option<String>,
    /// The till's POS id (`POST /v3/payments/pos`).
    pub pos_id: Option<String>,
    /// An online payment's return URL: paid on the provider's checkout page, which sends the
    /// customer back there.
    pub return_url: Option<String>,
}

/// What the simulated customer does on the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomerAction {
    Scan,
    Confirm {
        tip: Money,
    },
    Decline,
    InsufficientFunds,
    /// A technical failure while confirming.
    Fail,
    /// Lets the payment run out now instead of waiting for its expiry.
    Expire,
}

impl CustomerAction {
    /// Its name, as the control endpoint `/sandbox/payments/{id}/{name}` writes it.
    fn name(self) -> &'static str {
        match self {
            CustomerAction::Scan => "scan",
            CustomerAction::Confirm { .. } => "confirm",
            CustomerAction::Decline => "decline",
            CustomerAction::InsufficientFunds => "insufficient-funds",
            CustomerAction::Fail => "fail",
            CustomerAction::Expire => "expire",
        }
    }
}

#[derive(Default)]
pub struct Store {
    /// Payments by creation time: a search walks its time range in order, and retention drops
    /// from the old end.
    payments: BTreeMap<Key, SimPayment>,
    /// Where each payment id is in `payments`.
    ids: HashMap<String, OffsetDateTime>,
    /// Payments with a callback URL whose status may still change (the callback watcher looks
    /// at these only).
    watched: HashSet<String>,
    refunds: HashMap<String, SimRefund>,
    refunds_by_payment: HashMap<String, Vec<String>>,
    /// How many payments are not demo history (what the retention counts).
    live: usize,
    pub void_enabled: bool,
    pub(super) customers: usize,
    /// Cents added to a day's payout amount (a provider mistake, to test reconciliation with);
    /// not persisted.
    pub payout_skew: HashMap<time::Date, i64>,
}

/// A payment's place in the time index: its creation time, then its id.
type Key = (OffsetDateTime, String);

const CUSTOMERS: [(&str, &str); 6] = [
    ("Lotte", "BE71096123456769"),
    ("Youssef", "BE68539007547034"),
    ("Marie", "BE62510007547061"),
    ("Jonas", "BE43068999999501"),
    ("Elif", "BE45001234567889"),
    ("Thomas", "BE14001234567890"),
];

/// A 24-hex-digit id like the API's.
pub fn new_id() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn mask_iban(iban: &str) -> String {
    let keep = iban.len().saturating_sub(5);
    format!("{}{}", "*".repeat(keep), &iban[keep..])
}

impl Store {
    /// Adds a payment; beyond `retention` live payments the oldest are dropped (demo history
    /// is kept: it is bounded by itself).
    pub fn insert(&mut self, p: SimPayment, retention: usize) {
        let id = p.view.payment_id.clone();
        if let Some(at) = self.ids.insert(id.clone(), created(&p))
            && let Some(old) = self.payments.remove(&(at, id.clone()))
        {
            self.live -= usize::from(!old.demo);
        }
        self.live += usize::from(!p.demo);
        if p.view
            .creditor
            .as_ref()
            .is_some_and(|c| c.callback_url.is_some())
            && !p.view.status.is_final()
        {
            self.watched.insert(id.clone());
        }
        self.payments.insert((created(&p), id), p);
        self.enforce_retention(retention);
    }

    fn enforce_retention(&mut self, retention: usize) {
        let excess = self.live.saturating_sub(retention.max(1));
        if excess == 0 {
            return;
        }
        let oldest: Vec<Key> = self
            .payments
            .iter()
            .filter(|(_, p)| !p.demo)
            .take(excess)
            .map(|(key, _)| key.clone())
            .collect();
        for key in oldest {
            self.payments.remove(&key);
            self.ids.remove(&key.1);
            self.watched.remove(&key.1);
            for refund in self.refunds_by_payment.remove(&key.1).unwrap_or_default() {
                self.refunds.remove(&refund);
            }
            self.live -= 1;
        }
    }

    pub fn has_payment(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    pub fn payment_count(&self) -> usize {
        self.payments.len()
    }

    /// Payments oldest first, as stored (for saving).
    pub fn stored_payments(&self) -> impl Iterator<Item = &SimPayment> {
        self.payments.values()
    }

    pub fn stored_refunds(&self) -> impl Iterator<Item = &SimRefund> {
        self.refunds.values()
    }

    pub fn insert_refund(&mut self, r: SimRefund) {
        let id = r.view.refund_id.clone();
        let ids = self
            .refunds_by_payment
            .entry(r.view.payment_id.clone())
            .or_default();
        if !ids.contains(&id) {
            ids.push(id.clone());
        }
        self.refunds.insert(id, r);
    }

    /// The refund of payment `payment_id` made with idempotency key `key`, as stored.
    pub fn refund_by_key(&self, payment_id: &str, key: &str) -> Option<&SimRefund> {
        self.refunds_by_payment
            .get(payment_id)?
            .iter()
            .filter_map(|id| self.refunds.get(id))
            .find(|r| r.idempotency_key == key)
    }

    pub fn refund_mut(&mut self, refund_id: &str) -> Option<&mut SimRefund> {
        self.refunds.get_mut(refund_id)
    }

    pub fn refund_ids(&self) -> Vec<String> {
        self.refunds.keys().cloned().collect()
    }

    /// A new payment as the API would create it.
    pub fn create(&mut self, cfg: &SandboxConfig, base: &str, order: Order) -> Payment {
        let view = new_payment(cfg, base, &order);
        self.insert(
            SimPayment {
                view: view.clone(),
                pos_id: order.pos_id,
                void_enabled: self.void_enabled,
                authorized_at: None,
                ack_deadline: None,
                debtor_iban: None,
                demo: false,
            },
            cfg.retention,
        );
        view
    }

    /// The payment after applying every transition that time has made due.
    pub fn payment(&mut self, cfg: &SandboxConfig, id: &str) -> Option<&mut SimPayment> {
        let at = *self.ids.get(id)?;
        let p = self.payments.get_mut(&(at, id.to_string()))?;
        advance(p, cfg, cfg.now());
        Some(p)
    }

    /// All payments, advanced, newest first.
    pub fn all_payments(&mut self, cfg: &SandboxConfig) -> Vec<Payment> {
        let now = cfg.now();
        let mut out = Vec::with_capacity(self.payments.len());
        for p in self.payments.values_mut().rev() {
            advance(p, cfg, now);
            out.push(p.view.clone());
        }
        out
    }

    /// Payments with a callback URL whose status may still change, advanced to now. Those
    /// that reached a final status are returned one last time and no longer watched.
    pub fn with_callbacks(&mut self, cfg: &SandboxConfig) -> Vec<Payment> {
        let now = cfg.now();
        let mut out = Vec::with_capacity(self.watched.len());
        let (payments, ids) = (&mut self.payments, &self.ids);
        self.watched.retain(|id| {
            let Some(p) = ids
                .get(id)
                .and_then(|at| payments.get_mut(&(*at, id.clone())))
            else {
                return false;
            };
            advance(p, cfg, now);
            out.push(p.view.clone());
            !p.view.status.is_final()
        });
        out
    }

    /// The newest payment waiting at a sticker (POS id), for a customer scanning it. Only
    /// payments young enough to be pending are looked at.
    /// The newest payment waiting at `pos_id`, the POS id compared in any case: a sticker's
    /// URL reaches the provider in capitals when its QR code is made in alphanumeric mode
    /// (smaller), as some clients make it.
    pub fn pending_at_pos(&mut self, cfg: &SandboxConfig, pos_id: &str) -> Option<String> {
        let now = cfg.now();
        let range = (now - cfg.expiry - time::Duration::minutes(1), String::new())..;
        self.payments
            .range_mut(range)
            .rev()
            .find_map(|((_, id), p)| {
                advance(p, cfg, now);
                (p.pos_id
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(pos_id))
                    && p.view.status == PaymentStatus::Pending)
                    .then(|| id.clone())
            })
    }

    /// Applies what the customer does on their phone.
    pub fn customer(
        &mut self,
        cfg: &SandboxConfig,
        id: &str,
        action: CustomerAction,
    ) -> Result<Payment, Reject> {
        let which = self.customers;
        let p = self
            .payment(cfg, id)
            .ok_or_else(|| Reject::payment_not_found(id))?;
        let status = p.view.status.clone();
        let open = matches!(status, PaymentStatus::Pending | PaymentStatus::Identified);
        let now = cfg.now();
        match action {
            CustomerAction::Scan if status == PaymentStatus::Pending => {
                p.view.status = PaymentStatus::Identified;
            }
            CustomerAction::Confirm { tip } if open => {
                let (name, iban) = CUSTOMERS[which % CUSTOMERS.len()];
                p.debtor_iban = Some(iban.into());
                p.view.debtor = Some(Debtor {
                    name: Some(name.into()),
                    iban: Some(mask_iban(iban)),
                });
                let tip = Money::from_cents(tip.cents().max(0));
                p.view.tipping_amount = Some(tip);
                p.view.transfer_amount = Some(p.view.amount + tip);
                p.view.total_amount = Some(p.view.amount + tip);
                p.view.status = PaymentStatus::Authorized;
                p.authorized_at = Some(now);
            }
            CustomerAction::Decline if open => p.view.status = PaymentStatus::Cancelled,
            CustomerAction::InsufficientFunds if open => {
                p.view.status = PaymentStatus::AuthorizationFailed;
                p.view.message = Some("Insufficient funds".into());
            }
            CustomerAction::Fail if open => p.view.status = PaymentStatus::Failed,
            CustomerAction::Expire if open => {
                p.view.status = PaymentStatus::Expired;
                p.view.expire_at = Some(now);
            }
            _ => {
                return Err(Reject::new(
                    422,
                    "PAYMENT_NOT_PENDING",
                    format!(
                        "Payment '{id}' is {status}: '{}' is not possible now",
                        action.name()
                    ),
                ));
            }
        }
        let view = p.view.clone();
        if matches!(action, CustomerAction::Confirm { .. }) {
            self.customers += 1;
        }
        Ok(view)
    }

    /// Refunds of one payment, advanced.
    pub fn refunds_of(&mut self, cfg: &SandboxConfig, payment_id: &str) -> Vec<&SimRefund> {
        let now = cfg.now();
        let ids = self
            .refunds_by_payment
            .get(payment_id)
            .cloned()
            .unwrap_or_default();
        for id in &ids {
            if let Some(r) = self.refunds.get_mut(id) {
                settle_refund(r, cfg, now);
            }
        }
        ids.iter().filter_map(|id| self.refunds.get(id)).collect()
    }

    pub fn refund(&mut self, cfg: &SandboxConfig, refund_id: &str) -> Option<&SimRefund> {
        let r = self.refunds.get_mut(refund_id)?;
        settle_refund(r, cfg, cfg.now());
        Some(r)
    }
}

/// When a payment was created, for the time index.
fn created(p: &SimPayment) -> OffsetDateTime {
    p.view.created_at.unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A payment as the API creates it (PENDING, with its links). An online payment (one with a
/// return URL) lives `cfg.online_expiry` and carries a checkout link, as the guide's online
/// example does: the deeplink with a one-time token and the return URL.
pub(super) fn new_payment(cfg: &SandboxConfig, base: &str, order: &Order) -> Payment {
    let now = cfg.now();
    let id = new_id();
    let self_url = format!("{base}/v3/payments/{id}");
    let encode = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let deeplink = format!("{base}/pay/2/{id}");
    let checkout = order.return_url.as_ref().map(|back| Link {
        href: format!(
            "{deeplink}?token={}{}&returnUrl={}",
            new_id(),
            new_id(),
            encode(back)
        ),
    });
    let life = if checkout.is_some() {
        cfg.online_expiry
    } else {
        cfg.expiry
    };
    Payment {
        payment_id: id.clone(),
        status: PaymentStatus::Pending,
        created_at: Some(now),
        expire_at: Some(now + life),
        succeeded_at: None,
        amount: order.amount,
        currency: Some("EUR".into()),
        description: order.description.clone(),
        reference: order.reference.clone(),
        bulk_id: order.bulk_id.clone(),
        message: None,
        creditor: Some(Creditor {
            profile_id: Some(cfg.profile_id.clone()),
            merchant_id: Some(cfg.merchant_id.clone()),
            name: Some(cfg.merchant_name.clone()),
            iban: Some(cfg.merchant_iban.clone()),
            callback_url: order.callback_url.clone(),
        }),
        debtor: None,
        transfer_amount: None,
        tipping_amount: None,
        total_amount: None,
        links: Links {
            self_: Some(Link {
                href: self_url.clone(),
            }),
            qrcode: Some(Link {
                href: format!("{base}/qrcode?c={}", encode(&deeplink)),
            }),
            deeplink: Some(Link { href: deeplink }),
            cancel: Some(Link { href: self_url }),
            refund: None,
            checkout,
        },
    }
}

/// Applies time-driven transitions up to `now`.
pub fn advance(p: &mut SimPayment, cfg: &SandboxConfig, now: OffsetDateTime) {
    let v = &mut p.view;
    match v.status {
        PaymentStatus::Pending | PaymentStatus::Identified
            if v.expire_at.is_some_and(|at| now >= at) =>
        {
            v.status = PaymentStatus::Expired;
        }
        PaymentStatus::Authorized => {
            let Some(at) = p.authorized_at else { return };
            let done = at + cfg.settle_delay;
            if now >= done {
                if p.void_enabled {
                    v.status = PaymentStatus::PendingMerchantAcknowledgement;
                    p.ack_deadline = Some(done + cfg.ack_window);
                } else {
                    v.status = PaymentStatus::Succeeded;
                    v.succeeded_at = Some(done);
                    v.links.refund = v.links.self_.as_ref().map(|s| Link {
                        href: format!("{}/debtor/refundIban", s.href),
                    });
                }
            }
        }
        PaymentStatus::PendingMerchantAcknowledgement
            if p.ack_deadline.is_some_and(|at| now >= at) =>
        {
            v.status = PaymentStatus::Voided;
        }
        _ => {}
    }
}

/// Marks an acknowledged void-enabled payment as succeeded.
pub fn succeed(p: &mut SimPayment, now: OffsetDateTime) {
    p.view.status = PaymentStatus::Succeeded;
    p.view.succeeded_at = Some(now);
    p.view.links.refund = p.view.links.self_.as_ref().map(|s| Link {
        href: format!("{}/debtor/refundIban", s.href),
    });
}

fn settle_refund(r: &mut SimRefund, cfg: &SandboxConfig, now: OffsetDateTime) {
    if r.view.status != RefundStatus::Pending {
        return;
    }
    let created = r.view.creation_date.unwrap_or(now);
    if r.fail {
        r.view.status = RefundStatus::Failed;
    } else if now >= created + cfg.refund_delay {
        r.view.status = RefundStatus::Refunded;
    }
}

/// The codes an endpoint gives a payment it cannot refund: (did not succeed, the customer's
/// account not known yet). Each endpoint's table names its own (see `spec::Endpoint::errors`).
pub type RefundCodes = (&'static str, &'static str);

/// A payment that may be refunded now: it succeeded and the customer's IBAN is known.
pub fn refundable<'a>(
    st: &'a mut Store,
    cfg: &SandboxConfig,
    id: &str,
    (state_code, iban_code): RefundCodes,
) -> Result<&'a mut SimPayment, Reject> {
    let p = st
        .payment(cfg, id)
        .ok_or_else(|| Reject::payment_not_found(id))?;
    if p.view.status != PaymentStatus::Succeeded {
        return Err(Reject::new(
            422,
            state_code,
            format!("Payment '{id}' is {} and cannot be refunded", p.view.status),
        ));
    }
    if !iban_available(p, cfg, cfg.now()) {
        return Err(Reject::new(
            422,
            iban_code,
            format!("The debtor IBAN of payment '{id}' is not available yet, try again later"),
        ));
    }
    Ok(p)
}

/// Whether the customer's IBAN is known yet (the real API needs a day or two).
pub fn iban_available(p: &SimPayment, cfg: &SandboxConfig, now: OffsetDateTime) -> bool {
    p.view
        .succeeded_at
        .is_some_and(|at| now >= at + cfg.iban_delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn cfg(retention: usize) -> SandboxConfig {
        SandboxConfig {
            retention,
            ..SandboxConfig::for_tests()
        }
    }

    pub(super) fn add(
        st: &mut Store,
        cfg: &SandboxConfig,
        cents: i64,
        at: OffsetDateTime,
        demo: bool,
    ) {
        let order = Order {
            amount: Money::from_cents(cents),
            reference: Some(format!("R{cents}")),
            callback_url: Some("http://127.0.0.1:9/cb".into()),
            ..Order::default()
        };
        let mut view = new_payment(cfg, "http://127.0.0.1:1", &order);
        view.created_at = Some(at);
        st.insert(
            SimPayment {
                view,
                pos_id: None,
                void_enabled: false,
                authorized_at: None,
                ack_deadline: None,
                debtor_iban: None,
                demo,
            },
            cfg.retention,
        );
    }

    #[test]
    fn retention_drops_the_oldest_live_payments_and_keeps_demo_history() {
        let cfg = cfg(3);
        let mut st = Store::default();
        let t0 = OffsetDateTime::now_utc() - time::Duration::days(30);
        add(&mut st, &cfg, 1, t0, true);
        add(&mut st, &cfg, 2, t0 + time::Duration::minutes(1), true);
        for n in 0..5 {
            add(
                &mut st,
                &cfg,
                100 + n,
                t0 + time::Duration::hours(n + 1),
                false,
            );
        }
        let amounts: Vec<i64> = st
            .stored_payments()
            .map(|p| p.view.amount.cents())
            .collect();
        assert_eq!(amounts, [1, 2, 102, 103, 104]);
        // Dropped payments are no longer watched for callbacks either.
        assert_eq!(st.with_callbacks(&cfg).len(), 5);
    }
}
