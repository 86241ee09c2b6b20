//! Payment history, UI-free: the journal's sales merged with what the search API knows, the
//! filters a manager applies, the totals, and which actions fit a payment's state. Today's
//! sales and the manager's history both show what these decide.

use time::OffsetDateTime;

use crate::journal::Entry;
use crate::lang::Lang;
use crate::money::Money;
use crate::payconiq::model::{Payment, PaymentStatus};

/// The sales made on the account with `books` (sandbox sales are not takings, and another
/// account's are not this one's); nothing while the till has not started (`None`).
pub fn only_these_books(mut entries: Vec<Entry>, books: Option<&str>) -> Vec<Entry> {
    entries.retain(|e| books.is_some_and(|b| e.account.as_deref() == Some(b)));
    entries
}

/// Where a line of today's sales comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Rung up on this till (in its journal).
    ThisTill,
    /// Only the API knows it: another till, or a customer scanning a sticker.
    Elsewhere,
}

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct Sale {
    pub at: OffsetDateTime,
    /// What the customer paid once paid (tip included), else what was asked.
    pub amount: Money,
    /// The tip in `amount`, when there is one.
    pub tip: Option<Money>,
    /// `None` while the outcome is unknown.
    pub status: Option<PaymentStatus>,
    pub description: Option<String>,
    pub reference: Option<String>,
    pub payment_id: Option<String>,
    pub origin: Origin,
    /// The shop's till that rang it up, when the shop server says (another till's sale).
    pub till: Option<String>,
}

impl Sale {
    pub fn from_entry(e: &Entry) -> Option<Sale> {
        // A create that was refused or never made is not a sale.
        if matches!(e.last, Some((_, crate::journal::Event::NotCreated { .. }))) {
            return None;
        }
        Some(Sale {
            at: e.attempted_at,
            amount: e.paid_total().unwrap_or(e.amount),
            tip: e.tip(),
            status: e.status().cloned(),
            description: e.description.clone(),
            reference: Some(e.reference.clone()),
            payment_id: e.payment_id.clone(),
            origin: Origin::ThisTill,
            till: None,
        })
    }

    pub fn from_payment(p: &Payment) -> Sale {
        Sale {
            at: p.created_at.unwrap_or(OffsetDateTime::UNIX_EPOCH),
            amount: p.paid_total(),
            tip: p.tip(),
            status: Some(p.status.clone()),
            description: p.description.clone(),
            reference: p.reference.clone(),
            payment_id: Some(p.payment_id.clone()),
            origin: Origin::Elsewhere,
            till: None,
        }
    }

    /// A sale of another till of the shop, as the shop server has it.
    pub fn from_shop(s: &kassa_core::shop::ShopSale) -> Sale {
        let status = s
            .status
            .as_ref()
            .and_then(|st| serde_json::from_value(serde_json::Value::String(st.clone())).ok());
        let at = s
            .attempted_at_ms
            .and_then(crate::clock::from_millis)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let paid = status == Some(PaymentStatus::Succeeded);
        Sale {
            at,
            amount: Money::from_cents(
                s.total_cents
                    .filter(|_| paid)
                    .or(s.amount_cents)
                    .unwrap_or(0),
            ),
            tip: s
                .tip_cents
                .filter(|t| paid && *t > 0)
                .map(Money::from_cents),
            status,
            description: s.description.clone(),
            reference: Some(s.reference.clone()),
            payment_id: s.payment_id.clone(),
            origin: Origin::Elsewhere,
            till: Some(s.till.clone()),
        }
    }
}

/// `sales` with the shop's: another till's sale the API also knows is named with its till; one
/// the API does not know (another account, or the API not asked) is added. This till's own
/// (`this_till`, as the server names it) are in its journal already. Newest first.
pub fn with_shop(
    mut sales: Vec<Sale>,
    shop: &[kassa_core::shop::ShopSale],
    this_till: Option<&str>,
) -> Vec<Sale> {
    for s in shop.iter().filter(|s| Some(s.till.as_str()) != this_till) {
        let known = sales
            .iter_mut()
            .find(|k| k.payment_id.is_some() && k.payment_id == s.payment_id);
        match known {
            Some(k) if k.origin == Origin::Elsewhere => {
                k.till = Some(s.till.clone());
                // The shop may know more (a callback, or the till's own later read): a status
                // only moves forward.
                if let Some(status) = s.status.as_deref().map(PaymentStatus::parse)
                    && k.status.as_ref().is_none_or(|old| status.may_follow(old))
                {
                    k.status = Some(status);
                }
            }
            Some(_) => {}
            None => sales.push(Sale::from_shop(s)),
        }
    }
    sales.sort_by_key(|s| std::cmp::Reverse(s.at));
    sales
}

/// The journal's sales with the API's view merged in: the API's status wins for a payment both
/// know (it is fresher); payments only the API knows are added as from elsewhere. Newest first.
pub fn merge(journal: &[Entry], api: &[Payment]) -> Vec<Sale> {
    let mut sales: Vec<Sale> = journal.iter().filter_map(Sale::from_entry).collect();
    for p in api {
        let known = sales.iter_mut().find(|s| {
            s.payment_id.as_deref() == Some(p.payment_id.as_str())
                || (s.payment_id.is_none()
                    && s.origin == Origin::ThisTill
                    && s.reference.is_some()
                    && s.reference == p.reference
                    && s.amount == p.amount)
        });
        match known {
            Some(s) => {
                s.status = Some(p.status.clone());
                s.amount = p.paid_total();
                s.tip = p.tip();
                s.payment_id = Some(p.payment_id.clone());
            }
            None => sales.push(Sale::from_payment(p)),
        }
    }
    sales.sort_by_key(|s| std::cmp::Reverse(s.at));
    sales
}

/// What was actually paid, tips included.
pub fn paid_total<'a>(sales: impl IntoIterator<Item = &'a Sale>) -> Money {
    sales
        .into_iter()
        .filter(|s| s.status == Some(PaymentStatus::Succeeded))
        .map(|s| s.amount)
        .sum()
}

/// The tips in what was actually paid.
pub fn paid_tips<'a>(sales: impl IntoIterator<Item = &'a Sale>) -> Money {
    sales
        .into_iter()
        .filter(|s| s.status == Some(PaymentStatus::Succeeded))
        .filter_map(|s| s.tip)
        .sum()
}

/// Whether a line can still be cancelled (nobody has paid it yet).
pub fn can_cancel(sale: &Sale) -> bool {
    sale.payment_id.is_some()
        && sale
            .status
            .as_ref()
            .is_some_and(PaymentStatus::is_cancellable)
}

/// A group of statuses a manager filters on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Paid,
    /// Still waiting for the customer (or for acknowledgement).
    Open,
    /// Ended without money moving.
    NotPaid,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::All,
        StatusFilter::Paid,
        StatusFilter::Open,
        StatusFilter::NotPaid,
    ];

    pub fn admits(self, status: Option<&PaymentStatus>) -> bool {
        match (self, status) {
            (StatusFilter::All, _) => true,
            (StatusFilter::Paid, Some(s)) => *s == PaymentStatus::Succeeded,
            (StatusFilter::Open, None) => true,
            (StatusFilter::Open, Some(s)) => !s.is_final(),
            (StatusFilter::NotPaid, Some(s)) => s.is_final() && *s != PaymentStatus::Succeeded,
            _ => false,
        }
    }
}

/// The filters of the history list; applied to what is loaded, without fetching again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched against reference, description and amount (as shown, or typed with either
    /// decimal mark).
    pub text: String,
    pub status: StatusFilter,
}

impl Filter {
    pub fn matches(&self, sale: &Sale, lang: Lang) -> bool {
        if !self.status.admits(sale.status.as_ref()) {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let contains = |hay: Option<&str>| hay.is_some_and(|h| h.to_lowercase().contains(&needle));
        let amount = |a: Money| {
            let digits = needle.replace(',', ".");
            a.format(lang).to_lowercase().contains(&needle) || a.to_decimal_string() == digits
        };
        contains(sale.reference.as_deref())
            || contains(sale.description.as_deref())
            || contains(sale.payment_id.as_deref())
            || amount(sale.amount)
    }
}

/// The positions in `sales` that `filter` lets through, in order.
pub fn filtered(sales: &[Sale], filter: &Filter, lang: Lang) -> Vec<usize> {
    sales
        .iter()
        .enumerate()
        .filter(|(_, s)| filter.matches(s, lang))
        .map(|(i, _)| i)
        .collect()
}

/// Something a manager can do to a payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentAction {
    Cancel,
    Refund,
    /// Ask for the customer's IBAN, for a refund made by bank transfer.
    RefundIban,
    Complete,
    Void,
}

/// Which actions fit a payment in `status`.
pub fn actions_for(status: &PaymentStatus) -> Vec<PaymentAction> {
    match status {
        s if s.is_cancellable() => vec![PaymentAction::Cancel],
        PaymentStatus::PendingMerchantAcknowledgement => {
            vec![PaymentAction::Complete, PaymentAction::Void]
        }
        PaymentStatus::Succeeded => vec![PaymentAction::Refund, PaymentAction::RefundIban],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sale(status: Option<PaymentStatus>, cents: i64, d: &str, r: &str) -> Sale {
        Sale {
            at: OffsetDateTime::UNIX_EPOCH,
            amount: Money::from_cents(cents),
            tip: None,
            status,
            description: Some(d.into()),
            reference: Some(r.into()),
            payment_id: Some(format!("id-{r}")),
            origin: Origin::ThisTill,
            till: None,
        }
    }

    /// Another till's sale the API knows is named with its till; one it does not know is
    /// added; newest first.
    #[test]
    fn the_shops_sales_name_their_tills() {
        let shop_sale = |till: &str, id: &str, at_ms: i64| kassa_core::shop::ShopSale {
            till: till.into(),
            reference: format!("R-{id}"),
            payment_id: Some(id.into()),
            amount_cents: Some(500),
            tip_cents: Some(50),
            total_cents: Some(550),
            status: Some("SUCCEEDED".into()),
            description: None,
            attempted_at_ms: Some(at_ms),
            account: None,
        };
        let mut elsewhere = sale(Some(PaymentStatus::Succeeded), 300, "", "X");
        elsewhere.origin = Origin::Elsewhere;
        elsewhere.payment_id = Some("known".into());
        let own = sale(Some(PaymentStatus::Succeeded), 100, "", "K1");
        let merged = with_shop(
            vec![own, elsewhere],
            &[
                shop_sale("Terras", "known", 0),
                shop_sale("Kelder", "new", 1_000),
            ],
            None,
        );
        let seen: Vec<(Option<&str>, Option<&str>, i64)> = merged
            .iter()
            .map(|s| (s.payment_id.as_deref(), s.till.as_deref(), s.amount.cents()))
            .collect();
        assert_eq!(
            seen,
            [
                (Some("new"), Some("Kelder"), 550),
                (Some("id-K1"), None, 100),
                (Some("known"), Some("Terras"), 300),
            ]
        );
        assert_eq!(merged[0].tip, Some(Money::from_cents(50)));
    }

    #[test]
    fn filters_by_status_group_and_text() {
        let sales = vec![
            sale(Some(PaymentStatus::Succeeded), 1250, "Pizza", "K1"),
            sale(Some(PaymentStatus::Pending), 500, "Koffie", "K2"),
            sale(Some(PaymentStatus::Cancelled), 990, "Taart", "K3"),
            sale(None, 100, "Onbekend", "K4"),
        ];
        let f = |text: &str, status| Filter {
            text: text.into(),
            status,
        };
        let en = Lang::En;
        assert_eq!(
            filtered(&sales, &f("", StatusFilter::All), en),
            [0, 1, 2, 3]
        );
        assert_eq!(filtered(&sales, &f("", StatusFilter::Paid), en), [0]);
        assert_eq!(filtered(&sales, &f("", StatusFilter::Open), en), [1, 3]);
        assert_eq!(filtered(&sales, &f("", StatusFilter::NotPaid), en), [2]);
        assert_eq!(filtered(&sales, &f("pizza", StatusFilter::All), en), [0]);
        assert_eq!(filtered(&sales, &f("k3", StatusFilter::All), en), [2]);
        assert_eq!(filtered(&sales, &f("12,50", StatusFilter::All), en), [0]);
        assert_eq!(filtered(&sales, &f("€9.90", StatusFilter::All), en), [2]);
        assert_eq!(
            filtered(&sales, &f("koffie", StatusFilter::Paid), en),
            [] as [usize; 0]
        );
    }

    #[test]
    fn actions_fit_the_state() {
        use PaymentAction::*;
        assert_eq!(actions_for(&PaymentStatus::Pending), [Cancel]);
        assert_eq!(actions_for(&PaymentStatus::Identified), [Cancel]);
        assert_eq!(
            actions_for(&PaymentStatus::PendingMerchantAcknowledgement),
            [Complete, Void]
        );
        assert_eq!(actions_for(&PaymentStatus::Succeeded), [Refund, RefundIban]);
        assert!(actions_for(&PaymentStatus::Expired).is_empty());
    }
}
