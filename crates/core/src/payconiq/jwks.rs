//! The provider's published keys, cached for 12 hours (as the guide asks) and fetched again
//! when a signature names a key we have not seen (key rotation) — at most once a minute, so a
//! flood of made-up key ids cannot make us hammer the provider; within that minute a key we do
//! not have is "not checked now" (a key-set error: a callback is asked to come again), not
//! "unknown". A fetch that failed is not tried again for a minute either; meanwhile a stale set
//! that holds the key is used. A key the provider stops publishing is still accepted for
//! [`OVERLAP`] after it was last seen, for what was signed before it was withdrawn (see
//! [`JwksCache::withdrawn_at`]): a callback signed with it is retried unchanged for 24 hours.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tokio::sync::Mutex;

use super::jws::{KeySet, SignatureError};

pub const CACHE_FOR: Duration = Duration::from_secs(12 * 60 * 60);
/// The shortest wait between two fetches caused by unknown key ids, or after a failed one.
pub const REFETCH_AFTER: Duration = Duration::from_secs(60);
/// How long a key dropped from the published set is still accepted: the provider's 24 hours of
/// callback retries, and a margin.
pub const OVERLAP: Duration = Duration::from_secs(25 * 60 * 60);
/// Keys kept at most (published and overlapping).
const MAX_KEYS: usize = 16;

/// Where keys come from: a URL, or a fixed set (tests, files given on the command line).
enum Source {
    Url { url: String, http: reqwest::Client },
    Fixed,
}

#[derive(Default)]
struct Cached {
    /// When the set was last fetched.
    fetched: Option<Instant>,
    /// When a fetch was last made for a key id we did not have.
    missed: Option<Instant>,
    /// When a fetch last failed.
    failed: Option<Instant>,
    keys: KeySet,
    /// When each key was last seen published.
    seen: HashMap<String, Instant>,
    /// When each key kept for the overlap was first found missing from the published set.
    withdrawn: HashMap<String, OffsetDateTime>,
}

impl Cached {
    /// Takes a freshly published set: its keys, and the ones dropped less than [`OVERLAP`] ago.
    fn take(&mut self, published: KeySet) {
        let now = Instant::now();
        for kid in published.kids() {
            self.seen.insert(kid.to_string(), now);
            self.withdrawn.remove(kid);
        }
        for kid in self.keys.kids() {
            if published.get(kid).is_none() {
                self.withdrawn
                    .entry(kid.to_string())
                    .or_insert_with(OffsetDateTime::now_utc);
            }
        }
        let seen = &self.seen;
        let kept = std::mem::take(&mut self.keys)
            .retained(|kid| seen.get(kid).is_some_and(|at| at.elapsed() < OVERLAP));
        self.keys = kept.merged(published, MAX_KEYS);
        let keys = &self.keys;
        self.seen.retain(|kid, _| keys.get(kid).is_some());
        self.withdrawn.retain(|kid, _| keys.get(kid).is_some());
        self.fetched = Some(now);
        self.failed = None;
    }
}

pub struct JwksCache {
    source: Source,
    ttl: Duration,
    refetch_after: Duration,
    // A tokio mutex so concurrent misses wait for one fetch instead of each fetching.
    state: Mutex<Cached>,
}

impl JwksCache {
    pub fn from_url(url: impl Into<String>, http: reqwest::Client) -> JwksCache {
        JwksCache {
            source: Source::Url {
                url: url.into(),
                http,
            },
            ttl: CACHE_FOR,
            refetch_after: REFETCH_AFTER,
            state: Mutex::new(Cached::default()),
        }
    }

    pub fn fixed(keys: KeySet) -> JwksCache {
        let mut cached = Cached::default();
        cached.take(keys);
        JwksCache {
            source: Source::Fixed,
            ttl: Duration::MAX,
            refetch_after: Duration::MAX,
            state: Mutex::new(cached),
        }
    }

    /// The same cache with another wait between fetches for unknown keys (tests).
    pub fn refetching_after(mut self, wait: Duration) -> JwksCache {
        self.refetch_after = wait;
        self
    }

    /// When the provider stopped publishing `kid`, if it did (the key is kept for the
    /// overlap): what it signed after that is not the provider's.
    pub async fn withdrawn_at(&self, kid: &str) -> Option<OffsetDateTime> {
        self.state.lock().await.withdrawn.get(kid).copied()
    }

    /// A key set holding `kid`, fetching when the cache is stale or lacks it. A stale set that
    /// holds `kid` is used when the provider cannot be reached (its keys were good 12 hours
    /// ago; a key-set outage must not refuse genuine signatures).
    pub async fn keys_for(&self, kid: &str) -> Result<KeySet, SignatureError> {
        let mut state = self.state.lock().await;
        let has = state.keys.get(kid).is_some();
        let fresh = state.fetched.is_some_and(|at| at.elapsed() < self.ttl);
        if has && fresh {
            return Ok(state.keys.clone());
        }
        let Source::Url { url, http } = &self.source else {
            return Err(SignatureError::UnknownKey(kid.to_string()));
        };
        let recently = |at: Option<Instant>| at.is_some_and(|at| at.elapsed() < self.refetch_after);
        // The provider did not answer a moment ago: not asked again yet.
        if recently(state.failed) {
            return match has {
                true => Ok(state.keys.clone()),
                false => Err(SignatureError::KeySet(
                    "the provider's key set could not be read a moment ago".into(),
                )),
            };
        }
        // An unknown key in a fresh set: asked for again only when the last such fetch is a
        // minute old; until then it cannot be checked (which is not "unknown").
        if !has && fresh {
            if recently(state.missed) {
                return Err(SignatureError::KeySet(format!(
                    "key '{kid}' is not in the set read less than a minute ago; not read again yet"
                )));
            }
            state.missed = Some(Instant::now());
        }
        match fetch(http, url).await {
            Ok(published) => state.take(published),
            Err(e) => {
                state.failed = Some(Instant::now());
                return match has {
                    true => Ok(state.keys.clone()),
                    false => Err(e),
                };
            }
        }
        if state.keys.get(kid).is_none() {
            return Err(SignatureError::UnknownKey(kid.to_string()));
        }
        Ok(state.keys.clone())
    }
}

/// Fetches and parses a JWKS, trying twice: a key-set outage should not fail a payment at once.
/// The largest JWKS accepted: a key set is a few kilobytes; more is a mistake or an attack.
pub const MAX_JWKS_BYTES: usize = 256 * 1024;

/// Reads a body, refusing one larger than [`MAX_JWKS_BYTES`] without reading it all.
async fn read_capped(mut resp: reqwest::Response) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| e.to_string())? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_JWKS_BYTES {
            return Err(format!("the JWKS is larger than {MAX_JWKS_BYTES} bytes"));
        }
    }
    Ok(body)
}

pub async fn fetch(http: &reqwest::Client, url: &str) -> Result<KeySet, SignatureError> {
    let mut last = String::new();
    for attempt in 0..2 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        match http.get(url).send().await {
            Ok(resp) if resp.status().is_success() => match read_capped(resp).await {
                Ok(body) => return KeySet::parse(&body),
                Err(e) => last = e,
            },
            Ok(resp) => last = format!("HTTP {} from {url}", resp.status().as_u16()),
            Err(e) => last = format!("{url}: {e}"),
        }
    }
    Err(SignatureError::KeySet(last))
}
