//! The sandbox's memory: payments and refunds, and the payment state machine.
//!
//! Time-driven transitions (expiry, AUTHORIZED → SUCCEEDED, refunds settling) are applied lazily
//! whenever a record is read, so the simulator needs no background timers and stays exact.

use std::collections::HashMap;

use time::OffsetDateTime;

use crate::money::Money;
use crate::payconiq::model::{
    Creditor, Debtor, Link, Links, Payment, PaymentStatus, Refund, RefundStatus,
};

use super::SandboxConfig;
use super::reply::Reject;

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
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SimRefund {
    pub view: Refund,
    pub fail: bool,
    pub idempotency_key: String,
    /// The body the key was first used with, to detect conflicting reuse.
    pub request: (i64, Option<String>),
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

#[derive(Default)]
pub struct Store {
    pub payments: HashMap<String, SimPayment>,
    /// Payment ids in creation order, oldest first.
    pub order: Vec<String>,
    pub refunds: HashMap<String, SimRefund>,
    pub void_enabled: bool,
    pub(super) customers: usize,
    /// Cents added to a day's payout amount (a provider mistake, to test reconciliation with);
    /// not persisted.
    pub payout_skew: HashMap<time::Date, i64>,
}

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
    pub fn insert(&mut self, p: SimPayment) {
        self.order.push(p.view.payment_id.clone());
        self.payments.insert(p.view.payment_id.clone(), p);
    }

    /// A new payment as the API would create it.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        &mut self,
        cfg: &SandboxConfig,
        base: &str,
        amount: Money,
        description: Option<String>,
        reference: Option<String>,
        bulk_id: Option<String>,
        callback_url: Option<String>,
        pos_id: Option<String>,
    ) -> Payment {
        let now = OffsetDateTime::now_utc();
        let id = new_id();
        let self_url = format!("{base}/v3/payments/{id}");
        let view = Payment {
            payment_id: id.clone(),
            status: PaymentStatus::Pending,
            created_at: Some(now),
            expire_at: Some(now + cfg.expiry),
            succeeded_at: None,
            amount,
            currency: Some("EUR".into()),
            description,
            reference,
            bulk_id,
            message: None,
            creditor: Some(Creditor {
                profile_id: Some(cfg.profile_id.clone()),
                merchant_id: Some(cfg.merchant_id.clone()),
                name: Some(cfg.merchant_name.clone()),
                iban: Some(cfg.merchant_iban.clone()),
                callback_url,
            }),
            debtor: None,
            transfer_amount: None,
            tipping_amount: None,
            total_amount: None,
            links: Links {
                self_: Some(Link {
                    href: self_url.clone(),
                }),
                deeplink: Some(Link {
                    href: format!("{base}/pay/2/{id}"),
                }),
                qrcode: Some(Link {
                    href: format!(
                        "{base}/qrcode?c={}",
                        percent_encoding::utf8_percent_encode(
                            &format!("{base}/pay/2/{id}"),
                            percent_encoding::NON_ALPHANUMERIC
                        )
                    ),
                }),
                cancel: Some(Link { href: self_url }),
                refund: None,
                checkout: None,
            },
        };
        self.insert(SimPayment {
            view: view.clone(),
            pos_id,
            void_enabled: self.void_enabled,
            authorized_at: None,
            ack_deadline: None,
            debtor_iban: None,
        });
        view
    }

    /// The payment after applying every transition that time has made due.
    pub fn payment(&mut self, cfg: &SandboxConfig, id: &str) -> Option<&mut SimPayment> {
        let p = self.payments.get_mut(id)?;
        advance(p, cfg, OffsetDateTime::now_utc());
        Some(p)
    }

    /// All payments, advanced, newest first.
    pub fn all_payments(&mut self, cfg: &SandboxConfig) -> Vec<Payment> {
        let now = OffsetDateTime::now_utc();
        let mut out = Vec::with_capacity(self.order.len());
        for id in self.order.iter().rev() {
            if let Some(p) = self.payments.get_mut(id) {
                advance(p, cfg, now);
                out.push(p.view.clone());
            }
        }
        out
    }

    /// Payments that asked for callbacks, advanced to now.
    pub fn with_callbacks(&mut self, cfg: &SandboxConfig) -> Vec<Payment> {
        let now = OffsetDateTime::now_utc();
        self.payments
            .values_mut()
            .filter(|p| {
                p.view
                    .creditor
                    .as_ref()
                    .is_some_and(|c| c.callback_url.is_some())
            })
            .map(|p| {
                advance(p, cfg, now);
                p.view.clone()
            })
            .collect()
    }

    /// The newest payment waiting at a sticker (POS id), for a customer scanning it.
    pub fn pending_at_pos(&mut self, cfg: &SandboxConfig, pos_id: &str) -> Option<String> {
        let now = OffsetDateTime::now_utc();
        self.order.iter().rev().find_map(|id| {
            let p = self.payments.get_mut(id)?;
            advance(p, cfg, now);
            (p.pos_id.as_deref() == Some(pos_id) && p.view.status == PaymentStatus::Pending)
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
        let now = OffsetDateTime::now_utc();
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
                    format!("Payment '{id}' is {status} and cannot be {action:?}"),
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
        let now = OffsetDateTime::now_utc();
        self.refunds
            .values_mut()
            .filter(|r| r.view.payment_id == payment_id)
            .map(|r| {
                settle_refund(r, cfg, now);
                &*r
            })
            .collect()
    }

    pub fn refund(&mut self, cfg: &SandboxConfig, refund_id: &str) -> Option<&SimRefund> {
        let r = self.refunds.get_mut(refund_id)?;
        settle_refund(r, cfg, OffsetDateTime::now_utc());
        Some(r)
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

/// A payment that may be refunded now: it succeeded and the customer's IBAN is known.
/// `iban_code` is the error code for "not known yet" (it differs per endpoint).
pub fn refundable<'a>(
    st: &'a mut Store,
    cfg: &SandboxConfig,
    id: &str,
    iban_code: &'static str,
) -> Result<&'a mut SimPayment, Reject> {
    let p = st
        .payment(cfg, id)
        .ok_or_else(|| Reject::payment_not_found(id))?;
    if p.view.status != PaymentStatus::Succeeded {
        return Err(Reject::new(
            422,
            "REFUND_NOT_POSSIBLE",
            format!("Payment '{id}' is {} and cannot be refunded", p.view.status),
        ));
    }
    if !iban_available(p, cfg, OffsetDateTime::now_utc()) {
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
