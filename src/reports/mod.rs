//! Shift reports, UI-free: the X report (any time, nothing closed) and the Z report (closes the
//! cashier session under the next number) — counts and totals of what was paid, cancelled,
//! expired, failed and refunded, and the tips, from the journal. Also as CSV and as the lines
//! of a receipt-style printout.

pub mod pdf;

use time::OffsetDateTime;

use crate::fl;
use crate::journal::{Event, RefundEvent, ShiftData};
use crate::money::Money;
use crate::payconiq::model::PaymentStatus;

/// Which report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A look at the open shift; closes nothing.
    X,
    /// The closing report of a shift, with its number.
    Z(i64),
}

/// A count and what it adds up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShiftReport {
    pub kind: Kind,
    pub session: i64,
    pub opened_at: OffsetDateTime,
    /// When the shift was closed (Z), or when the X report was made.
    pub until: OffsetDateTime,
    /// Paid, tips included.
    pub paid: Tally,
    pub tips: Money,
    pub cancelled: Tally,
    pub expired: Tally,
    /// Refused by the bank or failed.
    pub failed: Tally,
    /// Still waiting, or not known yet.
    pub open: Tally,
    /// Refunds asked for during the shift that may move money (pending or made).
    pub refunded: Tally,
}

impl ShiftReport {
    pub fn from_shift(data: &ShiftData, kind: Kind, now: OffsetDateTime) -> ShiftReport {
        let mut r = ShiftReport {
            kind,
            session: data.session.id,
            opened_at: data.session.opened_at,
            until: data.session.closed_at.unwrap_or(now),
            paid: Tally::default(),
            tips: Money::default(),
            cancelled: Tally::default(),
            expired: Tally::default(),
            failed: Tally::default(),
            open: Tally::default(),
            refunded: Tally::default(),
        };
        for sale in &data.sales {
            match &sale.last {
                Some((_, Event::NotCreated { .. })) => {}
                Some((_, Event::Status { status, tip, total })) => match status {
                    PaymentStatus::Succeeded => {
                        r.paid
                            .add(total.unwrap_or(sale.amount + tip.unwrap_or_default()));
                        r.tips = r.tips + tip.unwrap_or_default();
                    }
                    PaymentStatus::Cancelled | PaymentStatus::Voided => {
                        r.cancelled.add(sale.amount)
                    }
                    PaymentStatus::Expired => r.expired.add(sale.amount),
                    PaymentStatus::AuthorizationFailed | PaymentStatus::Failed => {
                        r.failed.add(sale.amount)
                    }
                    _ => r.open.add(sale.amount),
                },
                _ => r.open.add(sale.amount),
            }
        }
        for refund in &data.refunds {
            let counts = match &refund.last {
                Some((_, RefundEvent::Refused { .. })) => false,
                Some((_, RefundEvent::Status(s))) => s.holds_funds(),
                _ => true,
            };
            if counts {
                r.refunded.add(refund.amount);
            }
        }
        r
    }

    /// What the shift took in: paid minus refunded.
    pub fn net(&self) -> Money {
        self.paid.amount - self.refunded.amount
    }

    /// The report's rows: a stable key, its count and its amount (for CSV and printing).
    pub fn rows(&self) -> Vec<(&'static str, Option<u32>, Money)> {
        vec![
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
            ("net", None, self.net()),
        ]
    }

    /// As CSV: a header row, then one row per line of the report (decimal euros with a dot,
    /// ISO 8601 times).
    pub fn csv(&self) -> String {
        let iso = |t: OffsetDateTime| {
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default()
        };
        let report = match self.kind {
            Kind::X => "X".to_string(),
            Kind::Z(n) => format!("Z{n}"),
        };
        let mut out = String::from("report,session,from,until,item,count,amount\n");
        for (key, count, amount) in self.rows() {
            out += &format!(
                "{report},{},{},{},{key},{},{}\n",
                self.session,
                iso(self.opened_at),
                iso(self.until),
                count.map(|c| c.to_string()).unwrap_or_default(),
                amount.to_decimal_string()
            );
        }
        out
    }
}

/// The words for a row of [`ShiftReport::rows`].
pub fn label(key: &str) -> String {
    match key {
        "paid" => fl!("shift-paid"),
        "tips" => fl!("shift-tips"),
        "cancelled" => fl!("shift-cancelled"),
        "expired" => fl!("shift-expired"),
        "failed" => fl!("shift-failed"),
        "open" => fl!("shift-open"),
        "refunded" => fl!("shift-refunded"),
        _ => fl!("shift-net"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Entry, RefundEntry, Session};
    use crate::payconiq::model::RefundStatus;

    fn sale(cents: i64, last: Option<Event>) -> Entry {
        Entry {
            reference: "K".into(),
            session: 1,
            amount: Money::from_cents(cents),
            description: None,
            pos_id: None,
            account: None,
            attempted_at: OffsetDateTime::UNIX_EPOCH,
            payment_id: None,
            created_at: None,
            last: last.map(|e| (OffsetDateTime::UNIX_EPOCH, e)),
        }
    }

    fn status(s: PaymentStatus, tip: i64) -> Option<Event> {
        Some(Event::Status {
            status: s,
            tip: Some(Money::from_cents(tip)),
            total: None,
        })
    }

    #[test]
    fn counts_and_totals_per_outcome() {
        let data = ShiftData {
            session: Session {
                id: 3,
                opened_at: OffsetDateTime::UNIX_EPOCH,
                closed_at: None,
                z_number: None,
            },
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
            refunds: vec![RefundEntry {
                key: "k".into(),
                payment_id: "p".into(),
                amount: Money::from_cents(250),
                description: None,
                account: None,
                requested_at: OffsetDateTime::UNIX_EPOCH,
                refund_id: Some("r".into()),
                last: Some((
                    OffsetDateTime::UNIX_EPOCH,
                    RefundEvent::Status(RefundStatus::Refunded),
                )),
            }],
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
        let csv = r.csv();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "report,session,from,until,item,count,amount");
        assert_eq!(
            rows[1],
            "X,3,1970-01-01T00:00:00Z,1970-01-01T00:00:00Z,paid,2,16.50"
        );
        assert_eq!(
            rows[2].rsplit(',').take(2).collect::<Vec<_>>(),
            ["1.50", ""]
        );
        assert!(rows.last().unwrap().ends_with(",net,,14.00"));
    }
}
