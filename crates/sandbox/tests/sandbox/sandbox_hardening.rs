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
    s.write_all(b"GET /v3/payments/abc HTTP/1.1\r\nHost: x\r\n")
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
        b"POST /v3/payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"amount\":",
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
    let http = reqwest::Client::new();
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
