//! Shift reports, UI-free: the X report (any time, nothing closed) and the Z report (closes the
//! cashier session under the next number) — counts and totals of what was paid, cancelled,
//! expired, failed and refunded, and the tips, from the journal. Also as CSV and as the lines
//! of a receipt-style printout.

mod take;

pub use take::{reprint_z, take_z, x_report};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::journal::{D24Event, Event, RefundEvent, ShiftData};
use crate::money::Money;
use crate::payconiq::model::PaymentStatus;

/// Which report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A look at the open shift; closes nothing.
    X,
    /// The closing report of a shift, with its number.
    Z(i64),
}

/// A count and what it adds up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u32,
    pub amount: Money,
}

impl Tally {
    fn add(&mut self, amount: Money) {
        self.count += 1;
        self.amount = self.amount + amount;
    }
}

/// Something that started in an earlier shift and moved money in this one: named, so the
/// earlier Z (which stays as it was) and this one can be put side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    pub what: CarriedKind,
    /// The sale's till reference, or the refund's payment id.
    pub reference: String,
    /// The Z report of the shift it started in (`None`: that shift is still open or legacy).
    pub z_number: Option<i64>,
    pub amount: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CarriedKind {
    /// A sale rung up earlier, paid in this shift.
    Paid,
    /// A refund counted earlier that was refused or failed in this shift: given back here.
    RefundUndone,
    /// A refund left unanswered longer than its key may be kept: to be checked by hand (still
    /// counted as made).
    CheckByHand,
}

/// A refund over a D24 deposit touched in this shift (D24 amounts are in the deposit's
/// currency, so they are listed, not added to the euros).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct D24Line {
    pub deposit_id: u64,
    /// The amount as written in its currency; `None` for the whole deposit.
    pub amount: Option<String>,
    pub currency: String,
    /// The status as D24 writes it, or what the till knows ("REQUESTED", "REFUSED").
    pub status: String,
    /// Asked for in an earlier shift (its Z), when it was.
    pub earlier_z: Option<i64>,
}

/// The business a report is for, as its paper and its files are headed: name, address and
/// VAT number (what a Belgian bookkeeper files it under).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shop {
    pub name: String,
    pub address: String,
    pub vat: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftReport {
    pub kind: Kind,
    pub session: i64,
    /// The shift's number as people see it: its Z report's (the one it will get while open).
    #[serde(default)]
    pub number: i64,
    /// The books it covers ([`crate::journal::account_key`]); empty for shifts closed before
    /// accounts were kept apart.
    pub account: String,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    /// When the shift was closed (Z), or when the X report was made.
    #[serde(with = "time::serde::rfc3339")]
    pub until: OffsetDateTime,
    /// Paid in this shift, tips included (also sales rung up earlier).
    pub paid: Tally,
    pub tips: Money,
    pub cancelled: Tally,
    pub expired: Tally,
    /// Refused by the bank or failed.
    pub failed: Tally,
    /// Rung up or followed in this shift and still waiting, or not known yet.
    pub open: Tally,
    /// Refunds asked for in this shift that may move money (pending or made).
    pub refunded: Tally,
    /// Refunds counted in an earlier shift that turned out not made: given back here.
    pub refunds_undone: Tally,
    /// Sales and refunds from earlier shifts that moved money in this one.
    pub carried: Vec<Carried>,
    pub d24: Vec<D24Line>,
    /// A Z printed again from what was stored when it was taken.
    #[serde(skip)]
    pub reprint: bool,
    /// The Z's hash in the journal's chain.
    #[serde(skip)]
    pub chain_hash: Option<String>,
}

fn paid(state: Option<&Event>, amount: Money) -> Option<(Money, Money)> {
    match state {
        Some(Event::Status {
            status: PaymentStatus::Succeeded,
            tip,
            total,
        }) => Some((
            total.unwrap_or(amount + tip.unwrap_or_default()),
            tip.unwrap_or_default(),
        )),
        _ => None,
    }
}

fn is_final(state: Option<&Event>) -> bool {
    match state {
        Some(Event::Status { status, .. }) => status.is_final(),
        Some(Event::NotCreated { .. }) => true,
        _ => false,
    }
}

/// Whether a refund in this state may move money.
fn refund_counts(state: Option<&RefundEvent>) -> bool {
    match state {
        Some(RefundEvent::Refused { .. }) => false,
        Some(RefundEvent::Status(s)) => s.holds_funds(),
        _ => true,
    }
}

impl ShiftReport {
    /// The report of a shift: each sale and refund counts in it by what changed during it, so
    /// across all shifts every euro is counted once.
    pub fn from_shift(data: &ShiftData, kind: Kind, now: OffsetDateTime) -> ShiftReport {
        // To the millisecond, as the journal keeps times.
        let now = now.replace_millisecond(now.millisecond()).unwrap_or(now);
        let mut r = ShiftReport {
            kind,
            session: data.session.id,
            number: data.number,
            account: data.session.account.clone().unwrap_or_default(),
            opened_at: data.session.opened_at,
            until: data.session.closed_at.unwrap_or(now),
            paid: Tally::default(),
            tips: Money::default(),
            cancelled: Tally::default(),
            expired: Tally::default(),
            failed: Tally::default(),
            open: Tally::default(),
            refunded: Tally::default(),
            refunds_undone: Tally::default(),
            carried: Vec::new(),
            d24: Vec::new(),
            reprint: false,
            chain_hash: None,
        };
        for m in &data.sales {
            let sale = &m.sale;
            let end = sale.last.as_ref().map(|(_, e)| e);
            let before = m.before.as_ref();
            if let Some((total, tip)) = paid(end, sale.amount) {
                if paid(before, sale.amount).is_none() {
                    r.paid.add(total);
                    r.tips = r.tips + tip;
                    if let Some(e) = &m.earlier {
                        r.carried.push(Carried {
                            what: CarriedKind::Paid,
                            reference: sale.reference.clone(),
                            z_number: e.z_number,
                            amount: total,
                        });
                    }
                }
                continue;
            }
            if is_final(end) {
                if is_final(before) {
                    continue;
                }
                // A sale never made (NotCreated) is no sale.
                if let Some(Event::Status { status, .. }) = end {
                    match status {
                        PaymentStatus::Cancelled | PaymentStatus::Voided => {
                            r.cancelled.add(sale.amount)
                        }
                        PaymentStatus::Expired => r.expired.add(sale.amount),
                        _ => r.failed.add(sale.amount),
                    }
                }
            } else {
                r.open.add(sale.amount);
            }
        }
        for m in &data.refunds {
            let before = m.earlier.is_some() && refund_counts(m.before.as_ref());
            let last = m.refund.last.as_ref().map(|(_, e)| e);
            let end = refund_counts(last);
            if matches!(last, Some(RefundEvent::CheckByHand)) {
                r.carried.push(Carried {
                    what: CarriedKind::CheckByHand,
                    reference: m.refund.payment_id.clone(),
                    z_number: m.earlier.as_ref().and_then(|e| e.z_number),
                    amount: m.refund.amount,
                });
            }
            if end && !before {
                r.refunded.add(m.refund.amount);
            } else if before && !end {
                r.refunds_undone.add(m.refund.amount);
                r.carried.push(Carried {
                    what: CarriedKind::RefundUndone,
                    reference: m.refund.payment_id.clone(),
                    z_number: m.earlier.as_ref().and_then(|e| e.z_number),
                    amount: m.refund.amount,
                });
            }
        }
        for m in &data.d24 {
            let f = &m.refund;
            let status = match f.last.as_ref().map(|(_, e)| e) {
                Some(D24Event::Status { status, .. }) => status.as_str().to_string(),
                Some(D24Event::Refused { .. }) => "REFUSED".into(),
                _ => "REQUESTED".into(),
            };
            r.d24.push(D24Line {
                deposit_id: f.deposit_id,
                amount: f.amount.as_ref().map(|a| a.to_api()),
                currency: f.currency.clone(),
                status,
                earlier_z: m.earlier.as_ref().and_then(|e| e.z_number),
            });
        }
        r
    }

    /// What the shift took in: paid minus refunded, plus refunds given back.
    pub fn net(&self) -> Money {
        self.paid.amount - self.refunded.amount + self.refunds_undone.amount
    }

    /// The report's rows: a stable key, its count and its amount (for CSV and printing).
    pub fn rows(&self) -> Vec<(&'static str, Option<u32>, Money)> {
        let mut rows = vec![
            ("paid", Some(self.paid.count), self.paid.amount),
            ("tips", None, self.tips),
            (
                "cancelled",
                Some(self.cancelled.count),
                self.cancelled.amount,
            ),
            ("expired", Some(self.expired.count), self.expired.amount),
            ("failed", Some(self.failed.count), self.failed.amount),
            ("open", Some(self.open.count), self.open.amount),
            ("refunded", Some(self.refunded.count), self.refunded.amount),
        ];
        if self.refunds_undone.count > 0 {
            rows.push((
                "refunds-undone",
                Some(self.refunds_undone.count),
                self.refunds_undone.amount,
            ));
        }
        rows.push(("net", None, self.net()));
        rows
    }

    /// As CSV: a header row, then one row per figure of the report, then one per note line
    /// (decimal euros with a dot, ISO 8601 times on the shop's clock with their offset), each
    /// ending with the shop's name, address and VAT number.
    pub fn csv(&self, shop: &Shop) -> String {
        let iso = crate::clock::local_iso;
        let report = match self.kind {
            Kind::X => "X".to_string(),
            Kind::Z(n) => format!("Z{n}"),
        };
        let prefix = format!(
            "{report},{},{},{},{}",
            csv_field(&self.account),
            self.session,
            iso(self.opened_at),
            iso(self.until)
        );
        let mut out = String::from(
            "report,account,session,from,until,item,count,amount,note,shop,shop_address,shop_vat\n",
        );
        let shop = format!(
            ",{},{},{}",
            csv_field(&shop.name),
            csv_field(&shop.address),
            csv_field(&shop.vat)
        );
        for (key, count, amount) in self.rows() {
            out += &format!(
                "{prefix},{key},{},{},{shop}\n",
                count.map(|c| c.to_string()).unwrap_or_default(),
                amount.to_decimal_string()
            );
        }
        for c in &self.carried {
            let key = match c.what {
                CarriedKind::Paid => "carried-paid",
                CarriedKind::RefundUndone => "carried-refund-undone",
                CarriedKind::CheckByHand => "refund-check-by-hand",
            };
            let from = c.z_number.map(|n| format!("Z{n}")).unwrap_or_default();
            out += &format!(
                "{prefix},{key},1,{},{}{shop}\n",
                c.amount.to_decimal_string(),
                csv_field(&format!("{} {from}", c.reference))
            );
        }
        for d in &self.d24 {
            out += &format!(
                "{prefix},d24-refund,1,{},{}{shop}\n",
                csv_field(d.amount.as_deref().unwrap_or("")),
                csv_field(&format!(
                    "deposit {} {} {}",
                    d.deposit_id, d.currency, d.status
                ))
            );
        }
        out
    }
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Earlier, Entry, RefundEntry, RefundMove, SaleMove, Session};
    use crate::payconiq::model::RefundStatus;

    fn sale(cents: i64, last: Option<Event>) -> SaleMove {
        SaleMove {
            sale: Entry {
                reference: "K".into(),
                session: 3,
                amount: Money::from_cents(cents),
                description: None,
                pos_id: None,
                account: Some("sandbox".into()),
                attempted_at: OffsetDateTime::UNIX_EPOCH,
                payment_id: None,
                created_at: None,
                last: last.map(|e| (OffsetDateTime::UNIX_EPOCH, e)),
            },
            before: None,
            earlier: None,
        }
    }

    fn status(s: PaymentStatus, tip: i64) -> Option<Event> {
        Some(Event::Status {
            status: s,
            tip: Some(Money::from_cents(tip)),
            total: None,
        })
    }

    fn refund(cents: i64, last: Option<RefundEvent>) -> RefundEntry {
        RefundEntry {
            key: "k".into(),
            payment_id: "p".into(),
            amount: Money::from_cents(cents),
            description: None,
            account: Some("sandbox".into()),
            requested_at: OffsetDateTime::UNIX_EPOCH,
            refund_id: Some("r".into()),
            last: last.map(|e| (OffsetDateTime::UNIX_EPOCH, e)),
        }
    }

    fn session() -> Session {
        Session {
            id: 3,
            account: Some("sandbox".into()),
            opened_at: OffsetDateTime::UNIX_EPOCH,
            closed_at: None,
            z_number: None,
        }
    }

    #[test]
    fn counts_and_totals_per_outcome() {
        let data = ShiftData {
            session: session(),
            number: 3,
            sales: vec![
                sale(1000, status(PaymentStatus::Succeeded, 150)),
                sale(500, status(PaymentStatus::Succeeded, 0)),
                sale(700, status(PaymentStatus::Cancelled, 0)),
                sale(300, status(PaymentStatus::Expired, 0)),
                sale(900, status(PaymentStatus::AuthorizationFailed, 0)),
                sale(200, None),
                sale(
                    400,
                    Some(Event::NotCreated {
                        detail: "no".into(),
                    }),
                ),
            ],
            refunds: vec![RefundMove {
                refund: refund(250, Some(RefundEvent::Status(RefundStatus::Refunded))),
                before: None,
                earlier: None,
            }],
            d24: Vec::new(),
        };
        let r = ShiftReport::from_shift(&data, Kind::X, OffsetDateTime::UNIX_EPOCH);
        assert_eq!(
            r.paid,
            Tally {
                count: 2,
                amount: Money::from_cents(1650)
            }
        );
        assert_eq!(r.tips, Money::from_cents(150));
        assert_eq!(r.cancelled.count, 1);
        assert_eq!(r.expired.count, 1);
        assert_eq!(r.failed.count, 1);
        assert_eq!(r.open.count, 1, "the never-created one is no sale");
        assert_eq!(r.refunded.amount, Money::from_cents(250));
        assert_eq!(r.net(), Money::from_cents(1400));
        let shop = Shop {
            name: "Bakkerij Peeters".into(),
            address: "Markt 1, 2000 Antwerpen".into(),
            vat: "BE0123456789".into(),
        };
        let csv = r.csv(&shop);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0],
            "report,account,session,from,until,item,count,amount,note,shop,shop_address,shop_vat"
        );
        let epoch = crate::clock::local_iso(OffsetDateTime::UNIX_EPOCH);
        assert_eq!(
            rows[1],
            format!(
                "X,sandbox,3,{epoch},{epoch},paid,2,16.50,,Bakkerij Peeters,\"Markt 1, 2000 Antwerpen\",BE0123456789"
            )
        );
        assert_eq!(
            rows.last().unwrap(),
            &format!(
                "X,sandbox,3,{epoch},{epoch},net,,14.00,,Bakkerij Peeters,\"Markt 1, 2000 Antwerpen\",BE0123456789"
            )
        );
    }

    /// What moved in an earlier shift is not counted again; what moved now is, and is named.
    #[test]
    fn only_what_changed_during_the_shift_counts() {
        let earlier = Some(Earlier {
            session: 2,
            z_number: Some(7),
        });
        let mut paid_now = sale(1000, status(PaymentStatus::Succeeded, 0));
        paid_now.before = status(PaymentStatus::Pending, 0);
        paid_now.earlier = earlier.clone();
        let mut paid_before = sale(500, status(PaymentStatus::Succeeded, 0));
        paid_before.before = status(PaymentStatus::Succeeded, 0);
        paid_before.earlier = earlier.clone();
        let data = ShiftData {
            session: session(),
            number: 3,
            sales: vec![paid_now, paid_before],
            refunds: vec![RefundMove {
                refund: refund(300, Some(RefundEvent::Status(RefundStatus::Failed))),
                before: Some(RefundEvent::Status(RefundStatus::Pending)),
                earlier,
            }],
            d24: Vec::new(),
        };
        let r = ShiftReport::from_shift(&data, Kind::Z(8), OffsetDateTime::UNIX_EPOCH);
        assert_eq!(r.paid.count, 1);
        assert_eq!(r.paid.amount, Money::from_cents(1000));
        assert_eq!(r.refunded.count, 0);
        assert_eq!(r.refunds_undone.amount, Money::from_cents(300));
        assert_eq!(r.net(), Money::from_cents(1300));
        assert_eq!(r.carried.len(), 2);
        assert_eq!(r.carried[0].z_number, Some(7));
        let json = serde_json::to_string(&r).unwrap();
        let back: ShiftReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r, "a stored Z reads back the same");
    }
}
