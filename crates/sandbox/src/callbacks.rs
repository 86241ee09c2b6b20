//! Callbacks, as the provider sends them: on every status change of a payment that named a
//! `callbackUrl`, the payment is POSTed there with a detached JWS in the `Signature` header
//! (`path` = the callback URL, `iss` = Payconiq, `sub` = the profile). The guide's retry
//! policy: retried when the receiver does not answer within 15 s or answers 429, 500, 503, 504
//! or 509, for 24 hours, with the headers, body and URL of the first attempt (the same
//! signature, so the same `jti`); a 200 or any other answer ends it. Only loopback URLs are
//! called (the sandbox is for this machine). Deliveries are kept in a short log for
//! `GET /sandbox/callbacks`.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;
use tokio::sync::watch;

use super::Shared;
use crate::payconiq::jws::{Claims, PROVIDER_ISSUER};
use crate::payconiq::model::{Payment, PaymentStatus};

/// When each attempt is made, counted from the status change: at once, then after 1 s, 5 s,
/// 30 s, 2 min, 10 min, 1 h, 4 h, 12 h and 23 h 59 min: within the guide's 24 hours.
pub const SCHEDULE: [Duration; 10] = [
    Duration::ZERO,
    Duration::from_secs(1),
    Duration::from_secs(5),
    Duration::from_secs(30),
    Duration::from_secs(120),
    Duration::from_secs(600),
    Duration::from_secs(3600),
    Duration::from_secs(4 * 3600),
    Duration::from_secs(12 * 3600),
    Duration::from_secs(24 * 3600 - 60),
];

/// How long the receiver has to answer an attempt.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(15);

/// The answers after which the provider tries again (the guide's list); any other ends it.
pub fn retried(status: u16) -> bool {
    matches!(status, 429 | 500 | 503 | 504 | 509)
}

/// Deliveries kept in the log.
const LOG: usize = 500;

/// One attempt to deliver a callback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub url: String,
    pub payment_id: String,
    pub status: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// The receiver's HTTP status, or why nothing was delivered.
    pub outcome: String,
    pub delivered: bool,
}

#[derive(Default)]
pub(crate) struct Callbacks {
    /// The last status notified per payment.
    notified: HashMap<String, PaymentStatus>,
    pub log: VecDeque<Delivery>,
}

impl Callbacks {
    fn record(&mut self, d: Delivery) {
        if self.log.len() >= LOG {
            self.log.pop_front();
        }
        self.log.push_back(d);
    }
}

fn loopback(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && crate::payconiq::environment::is_loopback(&u)
    })
}

/// Watches for status changes of payments with a callback URL and sends them.
pub(crate) async fn watcher(shared: Arc<Shared>, mut stopped: watch::Receiver<bool>) {
    let http = reqwest::Client::builder()
        .timeout(ANSWER_WITHIN)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Payconiq Payments/v3")
        .build()
        .unwrap_or_default();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
            _ = stopped.changed() => return,
        }
        let payments = shared.peek_store(|st| st.with_callbacks(&shared.cfg));
        let changed: Vec<Payment> = {
            let mut cb = shared.callbacks.lock().unwrap_or_else(|p| p.into_inner());
            let mut changed = Vec::new();
            for p in payments {
                let before = if p.status.is_final() {
                    // Seen for the last time (the store stops watching it): forget it.
                    cb.notified.remove(&p.payment_id)
                } else {
                    cb.notified.insert(p.payment_id.clone(), p.status.clone())
                };
                if before.as_ref() != Some(&p.status) {
                    changed.push(p);
                }
            }
            changed
        };
        for payment in changed {
            tokio::spawn(deliver(shared.clone(), http.clone(), payment));
        }
    }
}

async fn deliver(shared: Arc<Shared>, http: reqwest::Client, payment: Payment) {
    let Some(url) = payment
        .creditor
        .as_ref()
        .and_then(|c| c.callback_url.clone())
    else {
        return;
    };
    let entry = |attempt: u32, outcome: String, delivered: bool| Delivery {
        at: OffsetDateTime::now_utc(),
        url: url.clone(),
        payment_id: payment.payment_id.clone(),
        status: payment.status.as_str().to_string(),
        attempt,
        outcome,
        delivered,
    };
    let log = |d: Delivery| {
        shared
            .callbacks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .record(d)
    };
    if !loopback(&url) {
        log(entry(
            0,
            "not sent: the sandbox calls back to this machine only".into(),
            false,
        ));
        return;
    }
    let body = serde_json::to_vec(&payment).unwrap_or_default();
    // Signed once: every attempt carries the first one's headers.
    let claims = Claims::now(url.as_str(), PROVIDER_ISSUER, &shared.cfg.profile_id);
    let Ok(signature) = shared.key.sign(&claims, &body) else {
        log(entry(1, "not sent: could not sign".into(), false));
        return;
    };
    let mut waited = Duration::ZERO;
    for (n, at) in SCHEDULE.iter().enumerate() {
        tokio::time::sleep(at.saturating_sub(waited)).await;
        waited = *at;
        let sent = http
            .post(&url)
            .header("content-type", "application/json")
            .header("Signature", &signature)
            .body(body.clone())
            .send()
            .await;
        let attempt = n as u32 + 1;
        match sent {
            Ok(r) if r.status().is_success() => {
                log(entry(attempt, r.status().as_u16().to_string(), true));
                return;
            }
            Ok(r) if retried(r.status().as_u16()) => {
                log(entry(attempt, r.status().as_u16().to_string(), false))
            }
            Ok(r) => {
                // Refused for good: the provider does not try again.
                log(entry(attempt, r.status().as_u16().to_string(), false));
                return;
            }
            Err(e) => log(entry(attempt, e.to_string(), false)),
        }
    }
}
