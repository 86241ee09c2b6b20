//! The provider's key set: cached, fetched again once when a signature names an unknown key
//! (rotation, the old key overlapping), and never hammered for keys that do not exist.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::routing::get;
use kassa_core::payconiq::jwks::JwksCache;
use kassa_core::payconiq::jws::{Claims, Expect, PROVIDER_ISSUER, SignatureError, SigningKey};

struct Provider {
    keys: std::sync::Mutex<Vec<serde_json::Value>>,
    fetches: AtomicUsize,
    /// Answers 503 while set.
    down: std::sync::atomic::AtomicBool,
}

async fn serve(provider: Arc<Provider>) -> String {
    let app = Router::new().route(
        "/jwks",
        get(move || {
            let p = provider.clone();
            async move {
                use axum::response::IntoResponse;
                p.fetches.fetch_add(1, Ordering::SeqCst);
                if p.down.load(Ordering::SeqCst) {
                    return axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
                axum::Json(serde_json::json!({ "keys": p.keys.lock().unwrap().clone() }))
                    .into_response()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/jwks")
}

#[tokio::test]
async fn rotation_is_followed_and_unknown_keys_fetch_once() {
    let old = SigningKey::generate("provider-2025").unwrap();
    let new = SigningKey::generate("provider-2026").unwrap();
    let provider = Arc::new(Provider {
        keys: std::sync::Mutex::new(vec![old.public_jwk()]),
        fetches: AtomicUsize::new(0),
        down: std::sync::atomic::AtomicBool::new(false),
    });
    let url = serve(provider.clone()).await;
    let cache = JwksCache::from_url(url, reqwest::Client::new());
    let body = b"{\"status\":\"SUCCEEDED\"}";
    let verify = |key: &SigningKey, keys: &kassa_core::payconiq::jws::KeySet| {
        let sig = key
            .sign(&Claims::now("/v3/payments/x", PROVIDER_ISSUER, "p"), body)
            .unwrap();
        kassa_core::payconiq::jws::verify(&sig, body, keys, &Expect::default())
    };

    let keys = cache.keys_for("provider-2025").await.unwrap();
    verify(&old, &keys).unwrap();
    cache.keys_for("provider-2025").await.unwrap();
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 1, "cached");

    // The provider appends its new key; a signature by it triggers one fresh fetch.
    provider.keys.lock().unwrap().push(new.public_jwk());
    let keys = cache.keys_for("provider-2026").await.unwrap();
    verify(&new, &keys).unwrap();
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 2);

    // Kids nobody publishes, a flood of them within the minute of that fetch: each not
    // checkable now (not "unknown": a genuine new key may be among them), and no more fetches.
    for n in 0..50 {
        let err = cache.keys_for(&format!("forged-{n}")).await.unwrap_err();
        assert!(matches!(err, SignatureError::KeySet(_)), "{err:?}");
    }
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 2, "not hammered");
}

/// A key the provider stops publishing still verifies what it signed before (callbacks are
/// retried unchanged for a day), and an unknown kid a minute after the last such fetch is
/// fetched for again.
#[tokio::test]
async fn a_rotated_key_overlaps_and_misses_refetch_after_the_wait() {
    let old = SigningKey::generate("provider-2025").unwrap();
    let new = SigningKey::generate("provider-2026").unwrap();
    let provider = Arc::new(Provider {
        keys: std::sync::Mutex::new(vec![old.public_jwk()]),
        fetches: AtomicUsize::new(0),
        down: std::sync::atomic::AtomicBool::new(false),
    });
    let url = serve(provider.clone()).await;
    let cache = JwksCache::from_url(url, reqwest::Client::new())
        .refetching_after(std::time::Duration::from_millis(200));
    cache.keys_for("provider-2025").await.unwrap();
    // Rotated: only the new key is published now.
    *provider.keys.lock().unwrap() = vec![new.public_jwk()];
    let keys = cache.keys_for("provider-2026").await.unwrap();
    assert!(keys.get("provider-2025").is_some(), "the old key overlaps");
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 2);
    assert!(cache.withdrawn_at("provider-2025").await.is_some());
    assert!(cache.withdrawn_at("provider-2026").await.is_none());
    assert!(matches!(
        cache.keys_for("provider-2027").await,
        Err(SignatureError::KeySet(_))
    ));
    assert_eq!(
        provider.fetches.load(Ordering::SeqCst),
        2,
        "within the wait"
    );
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    assert_eq!(
        cache.keys_for("provider-2027").await.unwrap_err(),
        SignatureError::UnknownKey("provider-2027".into()),
        "read again, and not there"
    );
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 3, "after the wait");
}

/// A key-set server that stops answering: keys already held are used, and it is not asked
/// again at every signature.
#[tokio::test]
async fn an_outage_of_the_key_set_uses_what_is_held_and_does_not_hammer() {
    let key = SigningKey::generate("provider-2026").unwrap();
    let provider = Arc::new(Provider {
        keys: std::sync::Mutex::new(vec![key.public_jwk()]),
        fetches: AtomicUsize::new(0),
        down: std::sync::atomic::AtomicBool::new(false),
    });
    let url = serve(provider.clone()).await;
    let cache = JwksCache::from_url(url, reqwest::Client::new());
    cache.keys_for("provider-2026").await.unwrap();
    provider.down.store(true, Ordering::SeqCst);
    // A kid not held: fetched for (twice: the fetch tries twice), failed, "cannot be checked
    // now"; then not asked again for a minute.
    for _ in 0..5 {
        assert!(matches!(
            cache.keys_for("provider-2027").await,
            Err(SignatureError::KeySet(_))
        ));
    }
    assert!(cache.keys_for("provider-2026").await.is_ok(), "held");
    assert_eq!(provider.fetches.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn an_unreachable_key_set_is_an_error_not_a_pass() {
    let cache = JwksCache::from_url("http://127.0.0.1:9/jwks", reqwest::Client::new());
    assert!(matches!(
        cache.keys_for("any").await,
        Err(SignatureError::KeySet(_))
    ));
}

/// The key set's client follows a redirect only to https (and three at most): a loopback key
/// set that sends it to plain http on another host is a failure naming the 302 it stopped at
/// and the key set's address, never keys from there (the guide's hosts are https; a hop to
/// http could be anyone on the way).
#[tokio::test]
async fn a_key_set_redirected_to_plain_http_is_refused() {
    use axum::http::{StatusCode, header::LOCATION};
    for target in [
        "http://jwks.example/keys",
        "http://127.0.0.2:9/keys",
        "ftp://jwks.example/keys",
    ] {
        let app = axum::Router::new().route(
            "/jwks",
            axum::routing::get(move || async move { (StatusCode::FOUND, [(LOCATION, target)]) }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/jwks", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let http = kassa_core::http::ClientOptions::default()
            .build_for_keys()
            .unwrap();
        let cache = JwksCache::from_url(url.clone(), http);
        match cache.keys_for("any").await {
            Err(SignatureError::KeySet(why)) => {
                assert!(
                    why.contains("HTTP 302") && why.contains(&url),
                    "{target}: {why}"
                )
            }
            other => panic!("{target}: {other:?}"),
        }
    }
}
