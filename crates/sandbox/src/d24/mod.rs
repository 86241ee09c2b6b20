//! The sandbox's OneKey Payments (D24) side, under `/d24`: completed deposits seeded as a
//! shop would have them, refunds over them with D24's rules (cards whole only, other methods
//! partial up to the deposit, earlier refunds counted), statuses that move on with time, the
//! notification POST to `notification_url`, and requests authenticated as D24 does (X-Login,
//! X-Date within a window, HMAC signature). The answers are D24's shapes and codes.

mod routes;

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use kassa_core::d24::amount::Amount;
use kassa_core::d24::model::RefundStatus;

pub use routes::D24Reject;
pub(crate) use routes::{control_router, router};

/// How far an X-Date may be from the sandbox's clock (D24 does not publish its window).
pub const DATE_WINDOW: Duration = Duration::minutes(5);

/// How long a request's signature is remembered: the X-Date window either way, and a minute.
pub(crate) fn signature_kept() -> std::time::Duration {
    DATE_WINDOW.unsigned_abs() * 2 + std::time::Duration::from_secs(60)
}

/// How a deposit was paid, and for cards what the issuer does with a refund.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paid {
    /// Refunded at once (SUCCESS in the creation answer).
    CardInstant,
    /// IN_PROGRESS, completed a little later.
    CardLater,
    /// IN_PROGRESS, then the issuer declines (REJECTED).
    CardDeclined,
    BankTransfer,
    Cash,
}

impl Paid {
    pub fn is_card(self) -> bool {
        matches!(
            self,
            Paid::CardInstant | Paid::CardLater | Paid::CardDeclined
        )
    }

    fn method_code(self) -> (&'static str, &'static str) {
        match self {
            Paid::CardInstant => ("VI", "Visa"),
            Paid::CardLater => ("MC", "Mastercard"),
            Paid::CardDeclined => ("AE", "American Express"),
            Paid::BankTransfer => ("BT", "Bank transfer"),
            Paid::Cash => ("CA", "Cash"),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Deposit {
    pub deposit_id: u64,
    pub invoice_id: String,
    pub paid: Paid,
    pub amount: i64,
    pub currency: String,
    pub completed: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SimRefund {
    pub refund_id: u64,
    pub deposit_id: u64,
    pub amount: i64,
    pub created: OffsetDateTime,
    /// Whether it ends rejected (a declining card, a bank account that does not exist, or
    /// the control that rejects it).
    pub rejected: bool,
    pub notification_url: Option<String>,
}

/// The D24 side's whole state (saved with the rest of the sandbox).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct D24State {
    pub deposits: BTreeMap<u64, Deposit>,
    pub refunds: BTreeMap<u64, SimRefund>,
    /// Answers already given, by X-Login and idempotency key, with the body they answered.
    pub answered: HashMap<String, (Vec<u8>, Vec<u8>)>,
    /// Their keys, oldest first: beyond [`ANSWERS_KEPT`] the oldest are forgotten.
    #[serde(default)]
    pub answered_order: VecDeque<String>,
    pub next_refund: u64,
}

/// How many answers are kept for idempotent repeats (bounded, like the payments' retention).
pub const ANSWERS_KEPT: usize = 10_000;

impl D24State {
    /// The deposits a new sandbox starts with (ids and invoices shown by `kassa sandbox`).
    pub fn seeded() -> D24State {
        let mut s = D24State {
            next_refund: 168_284,
            ..D24State::default()
        };
        let seed = [
            (300_000_001, Paid::CardInstant, 4500, "EUR", true),
            (300_000_002, Paid::CardLater, 8000, "EUR", true),
            (300_000_003, Paid::CardDeclined, 2500, "EUR", true),
            (300_000_004, Paid::BankTransfer, 12000, "EUR", true),
            (300_000_005, Paid::Cash, 6000, "EUR", true),
            (300_000_006, Paid::BankTransfer, 3550, "EUR", false),
            (300_000_007, Paid::CardInstant, 50595, "MXN", true),
        ];
        for (id, paid, amount, currency, completed) in seed {
            s.deposits.insert(
                id,
                Deposit {
                    deposit_id: id,
                    invoice_id: format!("KASSA-D24-{:04}", id % 10_000),
                    paid,
                    amount,
                    currency: currency.into(),
                    completed,
                },
            );
        }
        s
    }

    /// Keeps `answer` for repeats of the request with `key`.
    pub fn remember(&mut self, key: String, body: Vec<u8>, answer: Vec<u8>) {
        if self.answered.insert(key.clone(), (body, answer)).is_none() {
            self.answered_order.push_back(key);
        }
        while self.answered_order.len() > ANSWERS_KEPT {
            if let Some(old) = self.answered_order.pop_front() {
                self.answered.remove(&old);
            }
        }
    }

    /// What is left to refund of a deposit: rejected refunds gave nothing back.
    pub fn remaining(&self, deposit: &Deposit, cfg: &super::SandboxConfig) -> i64 {
        let now = OffsetDateTime::now_utc();
        let refunded: i64 = self
            .refunds
            .values()
            .filter(|r| r.deposit_id == deposit.deposit_id)
            .filter(|r| self.status(r, cfg, now) != RefundStatus::Rejected)
            .map(|r| r.amount)
            .sum();
        deposit.amount - refunded
    }

    /// A refund's status at `now`: cards settle after the refund delay; bank refunds are
    /// DELIVERED half-way and settle after it.
    pub fn status(
        &self,
        r: &SimRefund,
        cfg: &super::SandboxConfig,
        now: OffsetDateTime,
    ) -> RefundStatus {
        let paid = self
            .deposits
            .get(&r.deposit_id)
            .map(|d| d.paid)
            .unwrap_or(Paid::Cash);
        let age = now - r.created;
        let done = if r.rejected {
            RefundStatus::Rejected
        } else {
            RefundStatus::Completed
        };
        match paid {
            Paid::CardInstant if !r.rejected => RefundStatus::Completed,
            _ if age >= cfg.refund_delay => done,
            Paid::BankTransfer | Paid::Cash if age >= cfg.refund_delay / 2 => {
                RefundStatus::Delivered
            }
            _ => RefundStatus::Pending,
        }
    }

    pub fn deposit_amount(&self, d: &Deposit, minor: i64) -> Amount {
        Amount::from_minor(minor, &d.currency)
            .unwrap_or_else(|_| Amount::from_minor(0, "EUR").expect("EUR is a currency"))
    }
}

/// A deposit as the till's Refund screen lists it on the sandbox (to pick one to refund).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepositSummary {
    pub deposit_id: u64,
    pub invoice_id: String,
    pub card: bool,
    pub method: &'static str,
    pub amount: Amount,
    pub remaining: Amount,
    pub completed: bool,
}

impl D24State {
    pub fn summaries(&self, cfg: &super::SandboxConfig) -> Vec<DepositSummary> {
        self.deposits
            .values()
            .map(|d| DepositSummary {
                deposit_id: d.deposit_id,
                invoice_id: d.invoice_id.clone(),
                card: d.paid.is_card(),
                method: d.paid.method_code().1,
                amount: self.deposit_amount(d, d.amount),
                remaining: self.deposit_amount(d, self.remaining(d, cfg)),
                completed: d.completed,
            })
            .collect()
    }
}

/// Why a refund is rejected, as D24's answers word it.
pub fn rejection(paid: Paid) -> (&'static str, &'static str) {
    if paid.is_card() {
        ("The card issuer declined the refund", "ISSUER_DECLINED")
    } else {
        (
            "The beneficiary's bank account does not exist",
            "INVALID_BANK_ACCOUNT",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotent_answers_are_kept_up_to_a_bound() {
        let mut s = D24State::default();
        for i in 0..ANSWERS_KEPT + 5 {
            s.remember(format!("k{i}"), vec![], vec![]);
        }
        s.remember("k9999".into(), vec![1], vec![]);
        assert_eq!(s.answered.len(), ANSWERS_KEPT);
        assert!(!s.answered.contains_key("k0") && s.answered.contains_key("k5"));
        assert_eq!(s.answered_order.len(), ANSWERS_KEPT);
    }
}
