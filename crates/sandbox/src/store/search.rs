//! Searching payments by creation time, in stretches: the store is walked newest first over
//! the asked period only, and a large search lets go of the lock between stretches.

use time::OffsetDateTime;

use crate::payconiq::model::{Payment, PaymentStatus};

use super::{Key, SimPayment, Store, advance};
use crate::SandboxConfig;

/// A search of payments by creation time, done in stretches (see `Store::search_step`).
#[derive(Clone, Debug)]
pub struct Search {
    pub from: OffsetDateTime,
    pub to: OffsetDateTime,
    /// Only these statuses (`None`: any).
    pub statuses: Option<Vec<PaymentStatus>>,
    pub reference: Option<String>,
    /// Matches to pass over before the page, and the page's size.
    pub skip: usize,
    pub take: usize,
    /// How many payments match.
    pub total: usize,
    /// The matches from `skip` on, newest first.
    pub page: Vec<Payment>,
    /// Where the next stretch continues (exclusive).
    below: Option<Key>,
}

impl Search {
    fn consider(&mut self, p: &mut SimPayment, cfg: &SandboxConfig, now: OffsetDateTime) {
        if self.reference.is_some() && p.view.reference != self.reference {
            return;
        }
        // A status can change with time alone (expiry), so it is brought up to date before it
        // is compared; without a status filter only the page's payments need it.
        if let Some(statuses) = &self.statuses {
            advance(p, cfg, now);
            if !statuses.contains(&p.view.status) {
                return;
            }
        }
        if self.total >= self.skip && self.page.len() < self.take {
            advance(p, cfg, now);
            self.page.push(p.view.clone());
        }
        self.total += 1;
    }

    pub fn new(from: OffsetDateTime, to: OffsetDateTime, skip: usize, take: usize) -> Search {
        Search {
            from,
            to,
            statuses: None,
            reference: None,
            skip,
            take,
            total: 0,
            page: Vec::new(),
            below: None,
        }
    }
}

impl Store {
    /// Walks one stretch (up to `steps` payments) of `search`, newest first, from where the
    /// previous stretch ended; returns whether the search is complete. A search of a large
    /// store is done in stretches so that the lock is let go in between and other requests
    /// are served meanwhile.
    pub fn search_step(&mut self, cfg: &SandboxConfig, search: &mut Search, steps: usize) -> bool {
        let now = cfg.now();
        let low = (search.from, String::new());
        let range = match search.below.take() {
            Some(below) => self.payments.range_mut(low..below),
            None => self
                .payments
                .range_mut(low..=(search.to, "\u{10ffff}".to_string())),
        };
        let mut walked = 0;
        for (key, p) in range.rev() {
            search.consider(p, cfg, now);
            walked += 1;
            if walked == steps {
                search.below = Some(key.clone());
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{add, cfg};
    use super::*;
    use crate::store::CustomerAction;

    #[test]
    fn search_reads_only_the_time_range_newest_first_in_stretches_and_copies_one_page() {
        let cfg = cfg(100);
        let mut st = Store::default();
        let t0 = OffsetDateTime::now_utc() - time::Duration::hours(10);
        for n in 0..10 {
            add(&mut st, &cfg, 100 + n, t0 + time::Duration::hours(n), false);
        }
        let from = t0 + time::Duration::hours(2);
        let to = t0 + time::Duration::hours(6);
        let run = |st: &mut Store, mut search: Search| {
            // Stretches of two: the search resumes where each one stopped.
            let mut stretches = 1;
            while !st.search_step(&cfg, &mut search, 2) {
                stretches += 1;
            }
            (search, stretches)
        };
        let (found, stretches) = run(&mut st, Search::new(from, to, 1, 2));
        assert_eq!(found.total, 5, "both ends included");
        assert_eq!(stretches, 3);
        let amounts: Vec<i64> = found.page.iter().map(|p| p.amount.cents()).collect();
        assert_eq!(amounts, [105, 104]);

        let mut by_reference = Search::new(from, to, 0, 10);
        by_reference.reference = Some("R103".into());
        let (found, _) = run(&mut st, by_reference);
        assert_eq!((found.total, found.page.len()), (1, 1));

        // Statuses are brought up to date before they are compared.
        st.customer(&cfg, &found.page[0].payment_id, CustomerAction::Expire)
            .unwrap();
        let mut pending = Search::new(from, to, 0, 10);
        pending.statuses = Some(vec![PaymentStatus::Pending]);
        let (found, _) = run(&mut st, pending);
        assert_eq!((found.total, found.page.len()), (4, 4));
    }
}
