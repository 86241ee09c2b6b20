//! The provider's published keys, cached for 12 hours (as the guide asks) and fetched again once
//! when a signature names a key we have not seen (key rotation).

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::jws::{KeySet, SignatureError};

pub const CACHE_FOR: Duration = Duration::from_secs(12 * 60 * 60);

/// Where keys come from: a URL, or a fixed set (tests, files given on the command line).
enum Source {
    Url { url: String, http: reqwest::Client },
    Fixed,
}

pub struct JwksCache {
    source: Source,
    ttl: Duration,
    // A tokio mutex so concurrent misses wait for one fetch instead of each fetching.
    state: Mutex<Option<(Instant, KeySet)>>,
}

impl JwksCache {
    pub fn from_url(url: impl Into<String>, http: reqwest::Client) -> JwksCache {
        JwksCache {
            source: Source::Url {
                url: url.into(),
                http,
            },
            ttl: CACHE_FOR,
            state: Mutex::new(None),
        }
    }

    pub fn fixed(keys: KeySet) -> JwksCache {
        JwksCache {
            source: Source::Fixed,
            ttl: Duration::MAX,
            state: Mutex::new(Some((Instant::now(), keys))),
        }
    }

    /// A key set holding `kid`, fetching when the cache is stale or lacks it.
    pub async fn keys_for(&self, kid: &str) -> Result<KeySet, SignatureError> {
        let mut state = self.state.lock().await;
        let fresh = state
            .as_ref()
            .is_some_and(|(at, _)| at.elapsed() < self.ttl);
        if fresh && let Some((_, keys)) = state.as_ref().filter(|(_, k)| k.get(kid).is_some()) {
            return Ok(keys.clone());
        }
        let Source::Url { url, http } = &self.source else {
            return Err(SignatureError::UnknownKey(kid.to_string()));
        };
        let keys = fetch(http, url).await?;
        *state = Some((Instant::now(), keys.clone()));
        if keys.get(kid).is_none() {
            return Err(SignatureError::UnknownKey(kid.to_string()));
        }
        Ok(keys)
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
