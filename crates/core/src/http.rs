//! HTTP pieces every provider client shares (Payconiq, D24): one way to build the client,
//! retries with backoff for calls that are safe to repeat, and network failures sorted into
//! kinds. No UI, no provider specifics.

use std::future::Future;
use std::time::Duration;

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

/// Options for building a provider client.
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

impl ClientOptions {
    /// The reqwest client with these timeouts and Kassa's user agent. No redirect is followed
    /// (the API answers where it is asked; a redirect would carry the `Signature` header, which
    /// reqwest does not strip, to wherever it points), and TLS is 1.2 at least.
    pub fn build(&self) -> Result<reqwest::Client, String> {
        reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(concat!("Kassa/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .min_tls_version(reqwest::tls::Version::TLS_1_2)
            .build()
            .map_err(|e| format!("HTTP client: {e}"))
    }
}

impl ClientOptions {
    /// The client for the provider's key set: like [`ClientOptions::build`], but following up
    /// to three redirects to https addresses (a key set carries no credential, and a provider
    /// moving its keys to a new host must not stop every signature check).
    pub fn build_for_keys(&self) -> Result<reqwest::Client, String> {
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() < 3 && attempt.url().scheme() == "https" {
                attempt.follow()
            } else {
                attempt.stop()
            }
        });
        reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(concat!("Kassa/", env!("CARGO_PKG_VERSION")))
            .redirect(policy)
            .min_tls_version(reqwest::tls::Version::TLS_1_2)
            .build()
            .map_err(|e| format!("HTTP client: {e}"))
    }
}

/// How a request failed to get an answer at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransportKind {
    Timeout,
    Connect,
    /// The connection broke before a whole response arrived.
    Interrupted,
}

/// Sorts a reqwest failure; its text names the URL but never headers, so no credential can
/// leak through it.
pub fn transport_kind(e: &reqwest::Error) -> TransportKind {
    if e.is_timeout() {
        TransportKind::Timeout
    } else if e.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Interrupted
    }
}

/// Whether a call may be repeated when its outcome is unclear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    Safe,
    /// Only when the provider surely did nothing (no connection, 429).
    Never,
}

/// What the retry loop needs to know about a failure: the HTTP status the provider answered
/// with, or how the network failed; the rest follows the same way for every provider.
pub trait Failure {
    /// The provider's HTTP status, when it answered.
    fn status(&self) -> Option<u16>;
    /// How the request failed to get an answer, when it did.
    fn transport(&self) -> Option<TransportKind>;
    /// How long the provider asked us to wait (`Retry-After`).
    fn retry_after(&self) -> Option<Duration>;

    /// Trying again later may work (network trouble, rate limits, provider outages).
    fn is_transient(&self) -> bool {
        self.transport().is_some() || self.status().is_some_and(|s| s == 429 || s >= 500)
    }

    /// The provider surely did nothing: no connection was made, or it said 429.
    fn refused_before_processing(&self) -> bool {
        self.rate_limited() || self.transport() == Some(TransportKind::Connect)
    }

    fn rate_limited(&self) -> bool {
        self.status() == Some(429)
    }
}

/// `Retry-After` in whole seconds, when an answer gave one.
pub fn retry_after_header(headers: &reqwest::header::HeaderMap) -> Option<u32> {
    headers
        .get("Retry-After")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u32>().ok())
}

/// An HTTP date as servers write it in `Date` (`Sun, 06 Nov 1994 08:49:37 GMT`).
const HTTP_DATE: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

/// `at` as an HTTP date (the sandbox's `Date` header).
pub fn format_http_date(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(HTTP_DATE)
        .unwrap_or_default()
}

/// An HTTP date read back (an answer's `Date` header: the provider's clock).
pub fn parse_http_date(text: &str) -> Option<time::OffsetDateTime> {
    time::PrimitiveDateTime::parse(text.trim(), HTTP_DATE)
        .ok()
        .map(|t| t.assume_utc())
}

/// Runs `attempt` until it succeeds, fails for good, or the policy's attempts are spent.
/// A call that is not safe to repeat is repeated only when the provider surely did nothing.
pub async fn with_retries<T, E, F, Fut>(
    policy: &RetryPolicy,
    repeat: Repeat,
    what: &str,
    mut attempt: F,
) -> Result<T, E>
where
    E: Failure,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut retry = 0;
    loop {
        let outcome = attempt().await;
        let Err(e) = &outcome else {
            return outcome;
        };
        let may_repeat = repeat == Repeat::Safe || e.refused_before_processing();
        if !e.is_transient() || !may_repeat || retry + 1 >= policy.attempts {
            return outcome;
        }
        let wait = match e.retry_after() {
            // The provider said how long to wait (capped, so a till never hangs on it).
            Some(after) => after.min(Duration::from_secs(30)),
            None if e.rate_limited() => policy.delay(retry).max(Duration::from_millis(500)),
            None => policy.delay(retry),
        };
        tracing::info!(what, retry, ?wait, "retrying after a transient failure");
        tokio::time::sleep(wait).await;
        retry += 1;
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_http_date_reads_back_to_the_second() {
        let at = time::macros::datetime!(1994-11-06 08:49:37.250 UTC);
        let text = format_http_date(at);
        assert_eq!(text, "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            parse_http_date(&text),
            Some(time::macros::datetime!(1994-11-06 08:49:37 UTC))
        );
        assert_eq!(parse_http_date("yesterday"), None);
    }

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
