//! The HTTP machinery shared by every endpoint: authentication, retries where they are safe,
//! response signature checks, and turning error bodies into [`Error`].
//!
//! Endpoints live in `payments.rs`, `refunds.rs` and `reconciliation.rs`.

use std::sync::Arc;

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::auth::{Account, AuthHeader};
use super::error::{ApiFailure, Error};
use super::jwks::JwksCache;
use super::jws::{self, Expect, PROVIDER_ISSUER};
use super::model::{ErrorBody, Payment};
use crate::http::Repeat;
pub use crate::http::{ClientOptions, RetryPolicy};

/// A typed client for one merchant account. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    pub(super) http: reqwest::Client,
    pub(super) account: Arc<Account>,
    pub(super) jwks: Arc<JwksCache>,
    pub(super) retry: RetryPolicy,
    /// How far the provider's clock is ahead of this machine's (ms), from the `Date` header of
    /// its last answer; `i64::MIN` until one was read.
    clock: Arc<std::sync::atomic::AtomicI64>,
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
        let http = options.build().map_err(Error::Config)?;
        let jwks = Arc::new(JwksCache::from_url(
            account.environment.jwks_url.clone(),
            options.build_for_keys().map_err(Error::Config)?,
        ));
        Ok(Client {
            http,
            account: Arc::new(account),
            jwks,
            retry: options.retry,
            clock: Arc::new(std::sync::atomic::AtomicI64::new(i64::MIN)),
        })
    }

    /// How far the provider's clock is ahead of this machine's (negative: behind), as its last
    /// answer's `Date` header told (to the second); `None` before any answer.
    pub fn provider_offset(&self) -> Option<time::Duration> {
        match self.clock.load(std::sync::atomic::Ordering::Relaxed) {
            i64::MIN => None,
            ms => Some(time::Duration::milliseconds(ms)),
        }
    }

    /// Remembers the provider's clock from an answer's `Date` header.
    fn note_date(&self, headers: &reqwest::header::HeaderMap) {
        let Some(date) = headers
            .get("Date")
            .and_then(|v| v.to_str().ok())
            .and_then(crate::http::parse_http_date)
        else {
            return;
        };
        let now = time::OffsetDateTime::now_utc();
        // HTTP dates have whole seconds: half a second is the expected error.
        let ms = ((date - now).whole_milliseconds() + 500) as i64;
        self.clock.store(ms, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    /// Sends `call`, retrying transient failures when the call is safe to repeat.
    pub(super) async fn execute(&self, call: Call<'_>) -> Result<Answer, Error> {
        let what = format!("{} {}", call.method, call.url);
        crate::http::with_retries(&self.retry, call.repeat, &what, || self.attempt(&call)).await
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
        self.note_date(resp.headers());
        let retry_after = crate::http::retry_after_header(resp.headers());
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
            Some(sig) => {
                self.check_signature(&sig, &body, url.path(), status.is_success())
                    .await?
            }
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

    /// Checks an answer's signature and that it answers this request (`path`); a success
    /// must also be signed for this till's profile when it names one (a refusal of a
    /// misconfigured profile is read as the refusal it is).
    async fn check_signature(
        &self,
        signature: &str,
        body: &[u8],
        path: &str,
        success: bool,
    ) -> Result<(), Error> {
        let parsed = jws::parse(signature)?;
        let keys = self.jwks.keys_for(&parsed.kid).await?;
        let expect = Expect {
            iss: Some(PROVIDER_ISSUER),
            ..Expect::default()
        };
        let verified = parsed.verify(body, &keys, &expect)?;
        // The profile is checked on a payment's answers (a create's path is every merchant's,
        // so another merchant's answer would pass the path); reconciliation may be signed for
        // the merchant rather than the profile.
        let profile = if success && path.contains("/payments") && !path.contains("/reconciliation")
        {
            self.account.profile_id.as_str()
        } else {
            ""
        };
        answer_bound(
            &verified.claims,
            path,
            profile,
            time::OffsetDateTime::now_utc(),
        )?;
        Ok(())
    }

    /// A callback relayed by the shop server, checked as if it had come here: the provider's
    /// signature over `body`, issuer Payconiq, `path` the callback URL this till named, `sub`
    /// this till's profile. The relay is trusted with nothing: a server that made up a status
    /// could not sign it. No age limit: the provider retries a callback unchanged for a day, and
    /// what it says only counts if it moves a live payment forward.
    pub async fn verify_callback(
        &self,
        signature: &str,
        body: &[u8],
        callback_url: &str,
    ) -> Result<Payment, Error> {
        let parsed = jws::parse(signature)?;
        let keys = self.jwks.keys_for(&parsed.kid).await?;
        let expect = Expect {
            iss: Some(PROVIDER_ISSUER),
            path: Some(callback_url),
            sub: Some(&self.account.profile_id),
            max_age: None,
        };
        parsed.verify(body, &keys, &expect)?;
        decode(body)
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

/// How far a signed answer's `iat` may be from this computer's clock: an answer is signed as
/// it is sent, so this is the clocks' difference and the way; a replay of an old answer is
/// refused past it.
pub const ANSWER_IAT_WINDOW: time::Duration = time::Duration::minutes(10);

/// Whether a signed answer is one for this request: its `path` is the request's path (or, as
/// a provider behind a gateway may sign it, the request path's end from a `/` on, which still
/// names the same resource), its profile `profile` when both name one, and its `iat` within
/// [`ANSWER_IAT_WINDOW`] of `now`. A genuine answer captured for another request (another
/// payment, its refunds, a cancel) or long ago is refused.
pub fn answer_bound(
    claims: &jws::Claims,
    request_path: &str,
    profile: &str,
    now: time::OffsetDateTime,
) -> Result<(), jws::SignatureError> {
    let claim = |claim, detail: String| jws::SignatureError::Claim { claim, detail };
    // A path, or a whole URL (as callbacks are signed); its query and a last `/` aside.
    let full = url::Url::parse(&claims.path).ok();
    let signed = match &full {
        Some(u) => u.path(),
        None => claims.path.split('?').next().unwrap_or_default(),
    };
    let signed = signed.trim_end_matches('/');
    let request_path = request_path.trim_end_matches('/');
    let same = !signed.is_empty()
        && (signed == request_path || (signed.starts_with('/') && request_path.ends_with(signed)));
    if !same {
        return Err(claim(
            jws::PATH,
            format!(
                "is '{}', the answer of another request than {request_path}",
                claims.path
            ),
        ));
    }
    if !claims.sub.is_empty() && !profile.is_empty() && claims.sub != profile {
        return Err(claim(
            jws::SUB,
            format!("is '{}', not this till's profile", claims.sub),
        ));
    }
    let off = now - claims.iat;
    if off.abs() > ANSWER_IAT_WINDOW {
        return Err(claim(
            jws::IAT,
            format!(
                "is {} min from this computer's clock (accepted: {} min; is the clock right?)",
                off.whole_minutes(),
                ANSWER_IAT_WINDOW.whole_minutes()
            ),
        ));
    }
    Ok(())
}

pub(super) fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|e| Error::Response(e.to_string()))
}

pub(super) fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Our own request types always serialize.
    serde_json::to_vec(value).unwrap_or_default()
}

fn transport(e: reqwest::Error) -> Error {
    Error::Transport {
        kind: crate::http::transport_kind(&e),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    fn claims(path: &str, sub: &str, iat_minutes_ago: i64) -> jws::Claims {
        jws::Claims {
            iat: time::OffsetDateTime::now_utc() - time::Duration::minutes(iat_minutes_ago),
            jti: "j".into(),
            path: path.into(),
            iss: PROVIDER_ISSUER.into(),
            sub: sub.into(),
        }
    }

    #[test]
    fn an_answer_is_bound_to_its_request() {
        let now = time::OffsetDateTime::now_utc();
        let ok = |c: &jws::Claims, path: &str| answer_bound(c, path, "prof", now).is_ok();
        let this = "/v3/payments/p1";
        assert!(ok(&claims(this, "prof", 0), this));
        assert!(
            ok(&claims(this, "", 0), this),
            "no profile named: not checked"
        );
        assert!(
            ok(&claims("/payments/p1", "prof", 0), this),
            "signed behind a gateway"
        );
        assert!(ok(&claims("/v3/payments/p1?x=1", "prof", 0), this));
        assert!(
            ok(&claims("/v3/payments/p1/", "prof", 0), this),
            "a last slash"
        );
        assert!(
            ok(
                &claims("https://api.payconiq.com/v3/payments/p1", "prof", 0),
                this
            ),
            "a whole URL"
        );
        assert!(!ok(
            &claims("https://api.payconiq.com/v3/payments/p2", "prof", 0),
            this
        ));
        assert!(ok(&claims(this, "prof", 9), this));
        // Another payment, its refunds, a path that is no path, another profile, too old or
        // ahead.
        assert!(!ok(&claims("/v3/payments/p2", "prof", 0), this));
        assert!(!ok(&claims("/v3/payments/p1/refunds", "prof", 0), this));
        assert!(!ok(&claims("/", "prof", 0), this));
        assert!(!ok(&claims("", "prof", 0), this));
        assert!(!ok(&claims("p1", "prof", 0), this));
        assert!(!ok(&claims(this, "other", 0), this));
        assert!(!ok(&claims(this, "prof", 11), this));
        assert!(!ok(&claims(this, "prof", -11), this));
    }
}
