//! Callbacks, as the provider sends them: on every status change of a payment that named a
//! `callbackUrl`, the payment is POSTed there with a detached JWS in the `Signature` header
//! (`path` = the callback URL, `iss` = Payconiq, `sub` = the profile), retried on failure on a
//! fixed schedule. Only loopback URLs are called (the sandbox is for this machine). Deliveries
//! are kept in a short log for `GET /sandbox/callbacks`.

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
/// 30 s, 2 min and 10 min. Six attempts in all, then the delivery is given up.
pub const SCHEDULE: [Duration; 6] = [
    Duration::ZERO,
    Duration::from_secs(1),
    Duration::from_secs(5),
    Duration::from_secs(30),
    Duration::from_secs(120),
    Duration::from_secs(600),
];

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
        .timeout(Duration::from_secs(5))
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
    let mut waited = Duration::ZERO;
    for (n, at) in SCHEDULE.iter().enumerate() {
        tokio::time::sleep(at.saturating_sub(waited)).await;
        waited = *at;
        // Signed afresh for each attempt, as the provider does (a new iat and jti).
        let claims = Claims::now(url.as_str(), PROVIDER_ISSUER, &shared.cfg.profile_id);
        let Ok(signature) = shared.key.sign(&claims, &body) else {
            log(entry(
                n as u32 + 1,
                "not sent: could not sign".into(),
                false,
            ));
            return;
        };
        let sent = http
            .post(&url)
            .header("content-type", "application/json")
            .header("Signature", signature)
            .body(body.clone())
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => {
                log(entry(n as u32 + 1, r.status().as_u16().to_string(), true));
                return;
            }
            Ok(r) => log(entry(n as u32 + 1, r.status().as_u16().to_string(), false)),
            Err(e) => log(entry(n as u32 + 1, e.to_string(), false)),
        }
    }
}
