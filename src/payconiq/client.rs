//! The HTTP machinery shared by every endpoint: authentication, retries where they are safe,
//! response signature checks, and turning error bodies into [`Error`].
//!
//! Endpoints live in `payments.rs`, `refunds.rs` and `reconciliation.rs`.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::auth::{Account, AuthHeader};
use super::error::{ApiFailure, Error, TransportKind};
use super::jwks::JwksCache;
use super::jws::{self, Expect, PROVIDER_ISSUER};
use super::model::ErrorBody;

/// Backoff for calls that are safe to repeat.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(5),
        }
    }
}

impl RetryPolicy {
    /// Exponential backoff with "equal jitter": half fixed, half random, so tills that lost the
    /// network together do not come back in lockstep.
    pub fn delay(&self, retry: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32.checked_shl(retry.min(16)).unwrap_or(u32::MAX))
            .min(self.max_delay);
        let half = exp / 2;
        half + half.mul_f64(rand::random::<f64>())
    }
}

/// Options for building a [`Client`].
#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(5),
            retry: RetryPolicy::default(),
        }
    }
}

/// A typed client for one merchant account. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    pub(super) http: reqwest::Client,
    pub(super) account: Arc<Account>,
    pub(super) jwks: Arc<JwksCache>,
    pub(super) retry: RetryPolicy,
}

/// Whether a call may be repeated when its outcome is unclear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Repeat {
    Safe,
    Never,
}

/// One request, described before it is sent (it may be sent several times).
pub(super) struct Call<'a> {
    pub method: Method,
    pub url: String,
    pub body: Option<Vec<u8>>,
    /// Refunds and reconciliation accept JWS only.
    pub jws_only: bool,
    pub idempotency_key: Option<&'a str>,
    pub repeat: Repeat,
}

impl<'a> Call<'a> {
    /// A read: no body, safe to repeat.
    pub fn get(url: String) -> Call<'a> {
        Call {
            method: Method::GET,
            url,
            body: None,
            jws_only: false,
            idempotency_key: None,
            repeat: Repeat::Safe,
        }
    }

    /// A request with a JSON body, safe to repeat unless `never_repeat` says otherwise.
    pub fn with_body(method: Method, url: String, body: Vec<u8>) -> Call<'a> {
        Call {
            method,
            body: Some(body),
            ..Call::get(url)
        }
    }

    pub fn delete(url: String) -> Call<'a> {
        Call {
            method: Method::DELETE,
            ..Call::get(url)
        }
    }

    /// Refunds and reconciliation: JWS even when payments use an API key.
    pub fn jws_only(self) -> Call<'a> {
        Call {
            jws_only: true,
            ..self
        }
    }

    pub fn never_repeat(self) -> Call<'a> {
        Call {
            repeat: Repeat::Never,
            ..self
        }
    }

    pub fn idempotency_key(self, key: &'a str) -> Call<'a> {
        Call {
            idempotency_key: Some(key),
            ..self
        }
    }
}

/// A response that passed its signature check.
pub(super) struct Answer {
    pub body: bytes::Bytes,
}

impl Client {
    pub fn new(account: Account, options: ClientOptions) -> Result<Client, Error> {
        account.environment.check().map_err(Error::Config)?;
        let http = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .user_agent(concat!("Kassa/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
        let jwks = Arc::new(JwksCache::from_url(
            account.environment.jwks_url.clone(),
            http.clone(),
        ));
        Ok(Client {
            http,
            account: Arc::new(account),
            jwks,
            retry: options.retry,
        })
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    /// Sends `call`, retrying transient failures when the call is safe to repeat.
    pub(super) async fn execute(&self, call: Call<'_>) -> Result<Answer, Error> {
        let mut retry = 0;
        loop {
            let outcome = self.attempt(&call).await;
            let transient = match &outcome {
                Err(e) => e.is_transient(),
                Ok(_) => false,
            };
            let may_repeat = call.repeat == Repeat::Safe
                || matches!(&outcome, Err(e) if refused_before_processing(e));
            if !transient || !may_repeat || retry + 1 >= self.retry.attempts {
                return outcome;
            }
            let wait = match &outcome {
                // The provider said how long to wait (capped, so a till never hangs on it).
                Err(e) if e.retry_after().is_some() => e
                    .retry_after()
                    .unwrap_or_default()
                    .min(Duration::from_secs(30)),
                Err(Error::Api(f)) if f.status == 429 => {
                    self.retry.delay(retry).max(Duration::from_millis(500))
                }
                _ => self.retry.delay(retry),
            };
            tracing::info!(method = %call.method, url = %call.url, retry, ?wait, "retrying after a transient failure");
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    async fn attempt(&self, call: &Call<'_>) -> Result<Answer, Error> {
        let url = url::Url::parse(&call.url)
            .map_err(|e| Error::Config(format!("URL {}: {e}", call.url)))?;
        let body = call.body.clone().unwrap_or_default();
        let mut req = self
            .http
            .request(call.method.clone(), url.clone())
            .header("Content-Type", "application/json");
        req = match self
            .account
            .authenticate(url.path(), &body, call.jws_only)?
        {
            AuthHeader::Bearer(value) => req.header("Authorization", value),
            AuthHeader::Signature(value) => req.header("Signature", value),
        };
        if let Some(key) = call.idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        if call.body.is_some() {
            req = req.body(body);
        }
        let resp = req.send().await.map_err(transport)?;
        let status = resp.status();
        let retry_after = resp
            .headers()
            .get("Retry-After")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u32>().ok());
        let signature = resp
            .headers()
            .get("Signature")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp.bytes().await.map_err(transport)?;
        // In JWS mode every answer is signed by the provider, errors included: an unsigned one
        // may come from anyone on the way (a "not found" or "not pending" is as consequential
        // as a status). A signature that is there but does not verify is refused in any mode.
        match signature {
            Some(sig) => self.check_signature(&sig, &body).await?,
            None if self.account.requires_signed_response(call.jws_only) => {
                return Err(jws::SignatureError::Missing.into());
            }
            None => {}
        }
        if status.is_success() {
            Ok(Answer { body })
        } else {
            let parsed: ErrorBody = serde_json::from_slice(&body).unwrap_or_default();
            Err(Error::Api(ApiFailure {
                retry_after,
                ..ApiFailure::from_body(status.as_u16(), parsed)
            }))
        }
    }

    async fn check_signature(&self, signature: &str, body: &[u8]) -> Result<(), Error> {
        let parsed = jws::parse(signature)?;
        let keys = self.jwks.keys_for(&parsed.kid).await?;
        let expect = Expect {
            iss: Some(PROVIDER_ISSUER),
            ..Expect::default()
        };
        parsed.verify(body, &keys, &expect)?;
        Ok(())
    }

    /// Sends `call` and reads a JSON answer.
    pub(super) async fn json<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T, Error> {
        let answer = self.execute(call).await?;
        decode(&answer.body)
    }

    /// Sends `call` and expects an empty success (204).
    pub(super) async fn empty(&self, call: Call<'_>) -> Result<(), Error> {
        self.execute(call).await.map(|_| ())
    }

    pub(super) fn payment_url(&self, path: &str) -> String {
        self.account.environment.payment_url(path)
    }

    pub(super) fn reconciliation_url(&self, path: &str) -> String {
        self.account.environment.reconciliation_url(path)
    }
}

/// 429 means the provider refused the request before doing anything: safe to repeat even for
/// calls that are otherwise never repeated. So is a connection that was never made.
fn refused_before_processing(e: &Error) -> bool {
    matches!(e, Error::Api(f) if f.status == 429)
        || matches!(
            e,
            Error::Transport {
                kind: TransportKind::Connect,
                ..
            }
        )
}

pub(super) fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|e| Error::Response(e.to_string()))
}

pub(super) fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Our own request types always serialize.
    serde_json::to_vec(value).unwrap_or_default()
}

fn transport(e: reqwest::Error) -> Error {
    let kind = if e.is_timeout() {
        TransportKind::Timeout
    } else if e.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Interrupted
    };
    // reqwest errors name the URL but never headers, so no credential can leak through here.
    Error::Transport {
        kind,
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_bounded() {
        let p = RetryPolicy {
            attempts: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        };
        for retry in 0..10 {
            let d = p.delay(retry);
            let cap = (100u64 << retry.min(16)).min(1000);
            assert!(
                d >= Duration::from_millis(cap / 2) && d <= Duration::from_millis(cap),
                "{d:?}"
            );
        }
    }
}
