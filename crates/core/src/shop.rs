//! The shop server's protocol, as both sides speak it: a till joins with a one-time code and
//! gets its own token; it pushes its journal's outbox in batches (each event under its till
//! sequence number, stored once however often it is sent); managers read the whole shop's
//! sales. The client refuses plain http except to this machine, as for the payment API, and
//! never shows the token.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

pub mod stream;

/// Where the API lives under the server's URL.
pub const API: &str = "/api/v1";
/// The most events one push carries (the server refuses bigger batches).
pub const MAX_BATCH: usize = 500;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JoinRequest {
    pub code: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JoinAnswer {
    pub shop: String,
    pub till: String,
    pub token: String,
}

/// One event of a till's journal, as its outbox holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutEvent {
    /// The till's own sequence number: 1, 2, 3… never reused.
    pub seq: i64,
    /// The event's own id: a different event under a known sequence number is an alarm.
    pub id: String,
    pub kind: String,
    /// When the till recorded it (ms since the epoch, the till's clock).
    pub at_ms: i64,
    pub body: serde_json::Value,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PushRequest {
    pub events: Vec<OutEvent>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushAnswer {
    /// Stored now.
    pub stored: u32,
    /// Stored before (a batch sent again): the same event, kept once.
    pub duplicates: u32,
    /// Sequence numbers the server already holds a *different* event under: kept aside as an
    /// alarm, never written over.
    pub conflicts: Vec<i64>,
    /// The highest sequence number of the batch, now accounted for.
    pub through: i64,
}

/// A sale as the shop's books have it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopSale {
    pub till: String,
    pub reference: String,
    pub payment_id: Option<String>,
    pub amount_cents: Option<i64>,
    pub tip_cents: Option<i64>,
    pub total_cents: Option<i64>,
    pub status: Option<String>,
    pub description: Option<String>,
    /// When it was rung up (ms since the epoch).
    pub attempted_at_ms: Option<i64>,
    /// The account (API base and profile, or `sandbox`) it was made on.
    pub account: Option<String>,
}

/// A refund as the shop's books have it (made on any till of the shop).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopRefund {
    pub till: String,
    /// Its idempotency key on the till that asked for it.
    pub key: String,
    pub payment_id: String,
    pub amount_cents: Option<i64>,
    pub refund_id: Option<String>,
    pub status: Option<String>,
    /// When it was asked for (ms since the epoch).
    pub requested_at_ms: Option<i64>,
}

/// One till's Zs of the day, added up (amounts in cents).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayLine {
    pub till: String,
    /// The Z numbers taken that day, with the account each covers.
    pub zs: Vec<i64>,
    pub paid_count: i64,
    pub paid: i64,
    pub tips: i64,
    pub refunded_count: i64,
    pub refunded: i64,
    pub refunds_undone: i64,
    /// Sales and refunds of earlier shifts that moved money in these (listed by each Z).
    pub carried: i64,
}

impl DayLine {
    pub fn net(&self) -> i64 {
        self.paid - self.refunded + self.refunds_undone
    }

    /// Adds `other`'s figures (and Z numbers) to these.
    pub fn add(&mut self, other: &DayLine) {
        self.zs.extend(&other.zs);
        self.paid_count += other.paid_count;
        self.paid += other.paid;
        self.tips += other.tips;
        self.refunded_count += other.refunded_count;
        self.refunded += other.refunded;
        self.refunds_undone += other.refunds_undone;
        self.carried += other.carried;
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayReport {
    pub date: String,
    /// Every till of the shop, with no Z that day an empty line.
    pub tills: Vec<DayLine>,
    pub total: DayLine,
}

impl DayReport {
    /// As CSV for the accountant: one row per till and a total row, euros with a dot.
    pub fn csv(&self) -> String {
        use crate::csv::field;
        let euros = |cents: i64| crate::money::Money::from_cents(cents).to_decimal_string();
        let mut out = String::from(
            "date,till,z_numbers,paid_count,paid,tips,refunded_count,refunded,refunds_undone,net,carried\n",
        );
        for l in self.tills.iter().chain(std::iter::once(&self.total)) {
            let zs: Vec<String> = l.zs.iter().map(|n| n.to_string()).collect();
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{}\n",
                self.date,
                field(&l.till),
                field(&zs.join(" ")),
                l.paid_count,
                euros(l.paid),
                euros(l.tips),
                l.refunded_count,
                euros(l.refunded),
                euros(l.refunds_undone),
                euros(l.net()),
                l.carried
            ));
        }
        out
    }
}

/// Payment ids asked about, for which till of the shop rang them up.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TillsOf {
    pub payment_ids: Vec<String>,
}

/// A payment and the till of the shop that rang it up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTill {
    pub payment_id: String,
    pub till: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SalesPage {
    pub sales: Vec<ShopSale>,
    /// Ask again with `before` set to this for the next (older) page.
    pub next: Option<String>,
}

/// What the server knows of the asking till.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TillStatus {
    pub shop: String,
    pub till: String,
    /// The highest sequence number it holds of this till.
    pub last_seq: i64,
    /// Where the server receives the provider's callbacks (`{public URL}/callbacks/payconiq`),
    /// when it does: the till names it as `callbackUrl` on the payments it creates.
    #[serde(default)]
    pub callback_url: Option<String>,
    /// When the last of the shop's callbacks was stored (ms since the epoch), if one was.
    #[serde(default)]
    pub last_callback_ms: Option<i64>,
}

/// Where the server receives the provider's callbacks, under its public URL.
pub const CALLBACK_PATH: &str = "/callbacks/payconiq";
/// The tills' stream of callbacks (server-sent events), under [`API`].
pub const STREAM_PATH: &str = "/stream";

/// A payment profile whose callbacks are the shop's, announced by a till.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProfileRequest {
    pub profile_id: String,
}

/// One callback the provider made, as the server stored it: the body and signature exactly as
/// received, so the till checks the provider's signature itself and trusts no relay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentNotice {
    /// Its place in the shop's stream (resume after it).
    pub id: i64,
    pub payment_id: String,
    pub status: String,
    pub body: String,
    pub signature: String,
    /// When the server received it (ms since the epoch, the server's clock).
    pub received_at_ms: i64,
}

/// The stream's first event: where it starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamHello {
    /// The last notice before this stream's first (the one to resume after).
    pub after: i64,
}

/// Why the server could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShopError {
    #[error("the shop server's address is not one: {0}")]
    BadUrl(String),
    #[error("the shop server must be https (plain http only to this machine): {0}")]
    NotHttps(String),
    #[error("the shop server at {0} cannot be reached")]
    Unreachable(String),
    #[error("the shop server does not know this till (revoked, or never joined)")]
    Unauthorised,
    #[error("the join code is not valid (used, expired or mistyped)")]
    BadCode,
    #[error("the shop server answered {status}: {detail}")]
    Http { status: u16, detail: String },
    #[error("the shop server's answer could not be read: {0}")]
    Invalid(String),
}

/// A till's connection to its shop server.
#[derive(Clone, Debug)]
pub struct ShopClient {
    base: url::Url,
    token: Option<Secret>,
    http: reqwest::Client,
}

impl ShopClient {
    /// A client for the server at `base` (https, or http to this machine), with the till's
    /// token once it has one.
    pub fn new(base: &str, token: Option<Secret>) -> Result<ShopClient, ShopError> {
        let base_text = base.trim().trim_end_matches('/');
        let base = url::Url::parse(base_text).map_err(|_| ShopError::BadUrl(base_text.into()))?;
        let loopback = crate::payconiq::environment::is_loopback(&base);
        match base.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => return Err(ShopError::NotHttps(base_text.into())),
        }
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .connect_timeout(Duration::from_secs(5))
            // The token never follows a redirect to another place.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Kassa/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ShopError::Invalid(e.to_string()))?;
        Ok(ShopClient { base, token, http })
    }

    /// This till's token, to reach another address of the same server with it.
    pub fn token(&self) -> Option<&Secret> {
        self.token.as_ref()
    }

    pub fn base(&self) -> &url::Url {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{API}{path}", self.base.as_str().trim_end_matches('/'))
    }

    fn authorised(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(t) => req.bearer_auth(t.expose()),
            None => req,
        }
    }

    /// Sends `req` with this till's token: the answer when it is a success; the refusal, or
    /// the server's words for any other status, as a [`ShopError`].
    async fn sent(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response, ShopError> {
        let resp = self
            .authorised(req)
            .send()
            .await
            .map_err(|_| ShopError::Unreachable(self.base.to_string()))?;
        match resp.status().as_u16() {
            200..=299 => Ok(resp),
            401 | 403 => Err(ShopError::Unauthorised),
            s => Err(ShopError::Http {
                status: s,
                detail: resp
                    .text()
                    .await
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect(),
            }),
        }
    }

    async fn answer<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, ShopError> {
        let body = self
            .sent(req)
            .await?
            .bytes()
            .await
            .map_err(|_| ShopError::Unreachable(self.base.to_string()))?;
        serde_json::from_slice(&body).map_err(|e| ShopError::Invalid(e.to_string()))
    }

    /// Exchanges a one-time join code for this till's token.
    pub async fn join(&self, code: &str) -> Result<JoinAnswer, ShopError> {
        let req = self.http.post(self.url("/join")).json(&JoinRequest {
            code: code.trim().to_string(),
        });
        match self.answer(req).await {
            Err(ShopError::Unauthorised) => Err(ShopError::BadCode),
            other => other,
        }
    }

    /// Sends a batch of outbox events.
    pub async fn push(&self, events: &[OutEvent]) -> Result<PushAnswer, ShopError> {
        let req = self.http.post(self.url("/events")).json(&PushRequest {
            events: events.to_vec(),
        });
        self.answer(req).await
    }

    /// What the server holds of this till.
    pub async fn status(&self) -> Result<TillStatus, ShopError> {
        self.answer(self.http.get(self.url("/till"))).await
    }

    /// The shop's sales, newest first: `limit` of them before `before` (a page's `next`).
    pub async fn sales(&self, limit: u32, before: Option<&str>) -> Result<SalesPage, ShopError> {
        self.sales_in(None, limit, before).await
    }

    /// The shop's sales rung up in `period` (ms since the epoch: from, included, to,
    /// excluded), newest first, a page at a time.
    pub async fn sales_in(
        &self,
        period: Option<(i64, i64)>,
        limit: u32,
        before: Option<&str>,
    ) -> Result<SalesPage, ShopError> {
        let mut query = vec![("limit", limit.to_string())];
        if let Some(b) = before {
            query.push(("before", b.to_string()));
        }
        if let Some((from, to)) = period {
            query.push(("from", from.to_string()));
            query.push(("to", to.to_string()));
        }
        self.answer(self.http.get(self.url("/sales")).query(&query))
            .await
    }

    /// Which till of the shop rang up each of `payment_ids` (those no till rang up are left
    /// out: a sticker, an invoice QR).
    pub async fn tills_of(
        &self,
        payment_ids: &[String],
    ) -> Result<std::collections::HashMap<String, String>, ShopError> {
        let mut found = std::collections::HashMap::new();
        // In slices the server takes at once.
        for chunk in payment_ids.chunks(1000) {
            let req = self.http.post(self.url("/payments/tills")).json(&TillsOf {
                payment_ids: chunk.to_vec(),
            });
            let answer: Vec<PaymentTill> = self.answer(req).await?;
            found.extend(answer.into_iter().map(|p| (p.payment_id, p.till)));
        }
        Ok(found)
    }

    /// The shop's day report for `date` (YYYY-MM-DD) on the clock of time zone `tz` (an IANA
    /// name; the server's own when `None`).
    pub async fn day_report(&self, date: &str, tz: Option<&str>) -> Result<DayReport, ShopError> {
        let mut query = vec![("date", date.to_string())];
        if let Some(tz) = tz {
            query.push(("tz", tz.to_string()));
        }
        self.answer(self.http.get(self.url("/reports/day")).query(&query))
            .await
    }

    /// Names the payment profile this till sells on: the provider's callbacks for it are the
    /// shop's.
    pub async fn announce_profile(&self, profile_id: &str) -> Result<(), ShopError> {
        let req = self.http.post(self.url("/profiles")).json(&ProfileRequest {
            profile_id: profile_id.to_string(),
        });
        self.sent(req).await.map(drop)
    }

    /// The refunds of payment `payment_id` made on any till of the shop.
    pub async fn refunds_of(&self, payment_id: &str) -> Result<Vec<ShopRefund>, ShopError> {
        let id: String = url::form_urlencoded::byte_serialize(payment_id.as_bytes()).collect();
        self.answer(self.http.get(self.url(&format!("/payments/{id}/refunds"))))
            .await
    }

    /// Every sale of the shop rung up in `period` (ms), newest first, up to `most`.
    pub async fn all_sales_in(
        &self,
        period: (i64, i64),
        most: usize,
    ) -> Result<Vec<ShopSale>, ShopError> {
        let mut all = Vec::new();
        let mut next: Option<String> = None;
        loop {
            let page = self.sales_in(Some(period), 500, next.as_deref()).await?;
            all.extend(page.sales);
            next = page.next;
            if next.is_none() || all.len() >= most {
                return Ok(all);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_machine() {
        assert!(ShopClient::new("https://shop.example.be", None).is_ok());
        assert!(ShopClient::new("http://127.0.0.1:8080/", None).is_ok());
        assert_eq!(
            ShopClient::new("http://shop.example.be", None).unwrap_err(),
            ShopError::NotHttps("http://shop.example.be".into())
        );
        assert!(matches!(
            ShopClient::new("shop", None),
            Err(ShopError::BadUrl(_))
        ));
        let c = ShopClient::new("http://localhost:9/base/", None).unwrap();
        assert_eq!(c.url("/events"), "http://localhost:9/base/api/v1/events");
    }
}
