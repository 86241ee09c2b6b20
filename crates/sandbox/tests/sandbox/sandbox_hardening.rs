//! The sandbox against clients that misbehave: headers that never finish and bodies shorter
//! than their Content-Length are cut off after the request timeout; errors the HTTP framework
//! raises come back as the API's JSON error objects.

use std::time::{Duration, Instant};

use kassa_sandbox::SandboxConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn quick() -> SandboxConfig {
    SandboxConfig {
        request_timeout: Duration::from_millis(500),
        ..SandboxConfig::for_tests()
    }
}

/// Reads until the server closes the connection (or `limit` passes); returns what came and
/// whether it closed.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (Vec<u8>, bool) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let start = Instant::now();
    while start.elapsed() < limit {
        match tokio::time::timeout(Duration::from_millis(100), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (got, true),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
    }
    (got, false)
}

#[tokio::test]
async fn a_slow_loris_connection_is_closed() {
    let sandbox = kassa_sandbox::testing::sandbox_with(quick()).await;
    let mut s = TcpStream::connect(sandbox.addr()).await.unwrap();
    s.write_all(b"GET /v3/payments/abc HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    // ... and never the blank line that ends the headers.
    let (_, closed) = read_until_closed(&mut s, Duration::from_secs(5)).await;
    assert!(closed, "the half-sent request was cut off");
}

#[tokio::test]
async fn a_body_shorter_than_its_length_does_not_hold_the_connection() {
    let sandbox = kassa_sandbox::testing::sandbox_with(quick()).await;
    let mut s = TcpStream::connect(sandbox.addr()).await.unwrap();
    s.write_all(
        b"POST /v3/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"amount\":",
    )
    .await
    .unwrap();
    let (got, closed) = read_until_closed(&mut s, Duration::from_secs(5)).await;
    let text = String::from_utf8_lossy(&got);
    assert!(closed || text.contains("408"), "{text}");
    if !got.is_empty() {
        assert!(text.contains("REQUEST_TIMEOUT"), "{text}");
    }
}

#[tokio::test]
async fn framework_errors_are_json_error_objects() {
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let base = sandbox.base_url().to_string();
    let http = reqwest::Client::new();
    let key = SandboxConfig::for_tests().api_key;
    let checks = [
        // Bad JSON.
        http.post(format!("{base}/v3/payments"))
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body("{not json"),
        // Wrong method.
        http.put(format!("{base}/v3/payments/search"))
            .bearer_auth(&key),
        // Nothing there.
        http.get(format!("{base}/v3/nothing-here"))
            .bearer_auth(&key),
        // Bad UTF-8 in the path.
        http.get(format!("{base}/v3/payments/%FF%FE"))
            .bearer_auth(&key),
    ];
    for request in checks {
        let r = request.send().await.unwrap();
        let status = r.status();
        assert!(status.is_client_error(), "{status}");
        let body: serde_json::Value = r
            .json()
            .await
            .unwrap_or_else(|e| panic!("a {status} answer must be a JSON error object: {e}"));
        for field in ["code", "message", "traceId", "spanId"] {
            assert!(body[field].is_string(), "{status}: {field} in {body}");
        }
    }
}

#[tokio::test]
async fn control_inputs_that_could_overflow_or_hang_are_refused() {
    let (sandbox, client) =
        kassa_sandbox::testing::setup(kassa_core::payconiq::AuthMode::ApiKey).await;
    let p = kassa_sandbox::testing::charge(&client, 500).await;
    let base = sandbox.base_url().to_string();
    let http = kassa_sandbox::testing::control_client();
    for tip in ["9223372036854775807", "-5", "1000000"] {
        let r = http
            .post(format!("{base}/sandbox/payments/{}/confirm", p.payment_id))
            .body(format!("{{\"tip\": {tip}}}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "tip {tip}");
    }
    for fault in [
        r#"{"endpoint":"get","kind":"latency","ms":18446744073709551615}"#,
        r#"{"endpoint":"get","kind":"status","status":200}"#,
        r#"{"endpoint":"get","kind":"status","status":70000}"#,
    ] {
        let r = http
            .post(format!("{base}/sandbox/faults"))
            .body(fault)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{fault}");
    }
    // Still serving, and the payment untouched.
    let again = client.get_payment(&p.payment_id).await.unwrap();
    assert_eq!(
        again.status,
        kassa_core::payconiq::model::PaymentStatus::Pending
    );
}

/// A captured signed refund request, sent again with a new Idempotency-Key (which the
/// signature does not cover), moves no more money: a merchant JWS is accepted once.
#[tokio::test]
async fn a_replayed_merchant_signature_is_refused() {
    use kassa_core::payconiq::AuthMode;
    use kassa_core::payconiq::jws::{Claims, SigningKey};
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let key = SigningKey::generate("merchant-replay").unwrap();
    let account = sandbox.account(AuthMode::Jws, Some(key.clone()));
    let client =
        kassa_core::payconiq::Client::new(account, kassa_sandbox::testing::quick_options())
            .unwrap();
    let paid = kassa_sandbox::testing::paid(&sandbox, &client, 1000, 0).await;
    let path = format!("/v3/payments/{}/refunds", paid.payment_id);
    let body = br#"{"amount":100,"currency":"EUR","description":"Replay"}"#;
    let cfg = sandbox.config();
    let signature = key
        .sign(&Claims::now(&path, &cfg.merchant_id, &cfg.profile_id), body)
        .unwrap();
    let send = |idempotency: &'static str| {
        reqwest::Client::new()
            .post(format!("{}{path}", sandbox.base_url()))
            .header("content-type", "application/json")
            .header("Signature", signature.clone())
            .header("Idempotency-Key", idempotency)
            .body(body.to_vec())
            .send()
    };
    let first = send("replay-1").await.unwrap();
    assert_eq!(first.status(), 201, "{}", first.text().await.unwrap());
    for key in ["replay-2", "replay-3"] {
        let again = send(key).await.unwrap();
        assert_eq!(again.status(), 401);
        let text = again.text().await.unwrap();
        assert!(text.contains("was used before"), "{text}");
    }
    let refunds = sandbox.refunds_of(&paid.payment_id);
    assert_eq!(refunds.len(), 1, "one refund: {refunds:?}");
}

/// The signed `path` and the query string: the path alone is taken (the client signs so); a
/// claim that names a query must name this request's, so a signed search for page 0 is not a
/// search for page 1.
#[tokio::test]
async fn a_signed_query_binds_the_request_it_names() {
    use kassa_core::payconiq::jws::{Claims, SigningKey};
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let key = SigningKey::generate("merchant-query").unwrap();
    sandbox
        .register_merchant_keys(key.public_jwks().to_string().as_bytes())
        .unwrap();
    let cfg = sandbox.config();
    let search = |signed: &str, asked: &str| {
        let signature = key
            .sign(
                &Claims::now(signed, &cfg.merchant_id, &cfg.profile_id),
                b"{}",
            )
            .unwrap();
        reqwest::Client::new()
            .post(format!("{}{asked}", sandbox.base_url()))
            .header("content-type", "application/json")
            .header("Signature", signature)
            .body("{}")
            .send()
    };
    let page = |n: u32| format!("/v3/payments/search?page={n}&size=5");
    // (signed path, asked path, accepted)
    for (signed, asked, accepted) in [
        ("/v3/payments/search".to_string(), page(0), true),
        (page(0), page(0), true),
        (page(0), page(1), false),
        (page(0), "/v3/payments/search".to_string(), false),
    ] {
        let r = search(&signed, &asked).await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        if accepted {
            assert_eq!(status, 200, "{signed} for {asked}: {text}");
        } else {
            assert_eq!(status, 401, "{signed} for {asked}: {text}");
            assert!(text.contains("path"), "{text}");
        }
    }
}

/// A web page open in the till's browser cannot drive the sandbox: a cross-site POST to a
/// control endpoint (no control header, a foreign Origin) and a request under a rebound host
/// name are refused, while the till's own calls and the documented control calls work.
#[tokio::test]
async fn a_cross_site_request_cannot_drive_the_sandbox() {
    use kassa_core::payconiq::AuthMode;
    let (sandbox, client) = kassa_sandbox::testing::setup(AuthMode::ApiKey).await;
    let p = kassa_sandbox::testing::charge(&client, 250).await;
    let confirm = format!(
        "{}/sandbox/payments/{}/confirm",
        sandbox.base_url(),
        p.payment_id
    );
    // What a form on another site sends: a simple POST, the page's Origin.
    let page = reqwest::Client::new()
        .post(&confirm)
        .header("origin", "https://shop-offers.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("tip=0")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 403);
    // Without an Origin (a page's request may have none), still no control header.
    let bare = reqwest::Client::new().post(&confirm).send().await.unwrap();
    assert_eq!(bare.status(), 403);
    assert!(bare.text().await.unwrap().contains("x-kassa-sandbox"));
    // DNS rebinding: the page's own name, resolved to 127.0.0.1.
    let rebound = kassa_sandbox::testing::control_client()
        .get(format!("{}/sandbox", sandbox.base_url()))
        .header("host", "shop-offers.example")
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status(), 403);
    assert_eq!(
        client.get_payment(&p.payment_id).await.unwrap().status,
        kassa_core::payconiq::model::PaymentStatus::Pending,
        "nothing paid by the page"
    );
    // The till's own calls and the documented control call work.
    let ok = kassa_sandbox::testing::control_client()
        .post(&confirm)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_ne!(
        client.get_payment(&p.payment_id).await.unwrap().status,
        kassa_core::payconiq::model::PaymentStatus::Pending,
        "paid by the control call"
    );
}

/// An API answer that redirects elsewhere is not followed: the signed request (its
/// `Signature` header, which an HTTP client does not strip on a redirect) never reaches the
/// other place, and the till gets an error, not that place's answer.
#[tokio::test]
async fn the_client_follows_no_redirect() {
    use axum::Router;
    use axum::routing::any;
    use std::sync::{Arc, Mutex};
    // Where the redirect points: notes every request it gets.
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let noted = seen.clone();
    let collector = Router::new().fallback(any(move |headers: axum::http::HeaderMap| {
        let noted = noted.clone();
        async move {
            noted.lock().unwrap().push(format!("{headers:?}"));
            "{}"
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let elsewhere = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, collector).await.unwrap() });
    // The "API": every answer a redirect there.
    let target = elsewhere.clone();
    let api = Router::new().fallback(any(move |uri: axum::http::Uri| {
        let to = format!("{target}{uri}");
        async move { axum::response::Redirect::temporary(&to) }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, api).await.unwrap() });

    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let key = kassa_core::payconiq::jws::SigningKey::generate("merchant").unwrap();
    let mut account = sandbox.account(kassa_core::payconiq::AuthMode::Jws, Some(key));
    account.environment = kassa_core::payconiq::environment::Environment::sandbox(&base);
    let client =
        kassa_core::payconiq::Client::new(account, kassa_sandbox::testing::quick_options())
            .unwrap();
    assert!(
        client
            .get_payment("aaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .is_err()
    );
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );
}

/// The simulated customer's refusals say what was asked in the control endpoint's own words.
#[tokio::test]
async fn a_customer_action_refused_is_said_in_words() {
    let (sandbox, client) =
        kassa_sandbox::testing::setup(kassa_core::payconiq::AuthMode::ApiKey).await;
    let id = kassa_sandbox::testing::charge(&client, 500)
        .await
        .payment_id;
    let confirm = || {
        kassa_sandbox::testing::control_client()
            .post(format!(
                "{}/sandbox/payments/{id}/confirm",
                sandbox.base_url()
            ))
            .send()
    };
    assert_eq!(confirm().await.unwrap().status(), 200);
    let again = confirm().await.unwrap();
    assert_eq!(again.status(), 422);
    let body: serde_json::Value = again.json().await.unwrap();
    let message = body["message"].as_str().unwrap();
    assert!(
        message.ends_with("'confirm' is not possible now"),
        "{message}"
    );
    assert!(!message.contains('{'), "{message}");
}
