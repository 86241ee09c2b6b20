//! Reconciliation endpoints (JWS only): payouts by date, and the payments and refunds in a
//! payout or a date range of at most 30 days. All paged.

use time::Date;
use time::macros::format_description;

use super::client::{Call, Client};
use super::error::Error;
use super::model::{Payout, PayoutTransaction, ReconciliationPage};

/// The widest date range the API accepts, in days (inclusive bounds).
pub const MAX_RANGE_DAYS: i64 = 30;

/// Which transactions to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayoutFilter {
    Payout(String),
    /// Inclusive dates, at most 30 days apart.
    Dates {
        start: Date,
        end: Date,
    },
}

pub fn format_date(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, format_description!("[year]-[month]-[day]")).ok()
}

impl PayoutFilter {
    fn query(&self) -> Result<String, Error> {
        match self {
            PayoutFilter::Payout(id) => Ok(format!("payout-id={}", super::path_segment(id))),
            PayoutFilter::Dates { start, end } => {
                if end < start {
                    return Err(Error::Config(
                        "the end date is before the start date".into(),
                    ));
                }
                if (*end - *start).whole_days() > MAX_RANGE_DAYS {
                    return Err(Error::Config(format!(
                        "a date range may span at most {MAX_RANGE_DAYS} days"
                    )));
                }
                Ok(format!(
                    "start-date={}&end-date={}",
                    format_date(*start),
                    format_date(*end)
                ))
            }
        }
    }
}

impl Client {
    fn recon_call(&self, path_and_query: String) -> Call<'static> {
        Call::get(self.reconciliation_url(&path_and_query)).jws_only()
    }

    /// `GET …/reconciliation/payouts?date=yyyy-MM-dd&page&size`.
    pub async fn payouts(
        &self,
        date: Date,
        page: u32,
        size: u32,
    ) -> Result<ReconciliationPage<Payout>, Error> {
        self.json(self.recon_call(format!(
            "/payouts?date={}&page={page}&size={}",
            format_date(date),
            size.max(1)
        )))
        .await
    }

    /// `GET …/reconciliation/payments?(payout-id|start-date&end-date)&page&size`.
    pub async fn payout_payments(
        &self,
        filter: &PayoutFilter,
        page: u32,
        size: u32,
    ) -> Result<ReconciliationPage<PayoutTransaction>, Error> {
        self.payout_lines("payments", filter, page, size).await
    }

    /// `GET …/reconciliation/refunds?(payout-id|start-date&end-date)&page&size`.
    pub async fn payout_refunds(
        &self,
        filter: &PayoutFilter,
        page: u32,
        size: u32,
    ) -> Result<ReconciliationPage<PayoutTransaction>, Error> {
        self.payout_lines("refunds", filter, page, size).await
    }

    async fn payout_lines(
        &self,
        which: &str,
        filter: &PayoutFilter,
        page: u32,
        size: u32,
    ) -> Result<ReconciliationPage<PayoutTransaction>, Error> {
        let q = filter.query()?;
        self.json(self.recon_call(format!("/{which}?{q}&page={page}&size={}", size.max(1))))
            .await
    }
}
