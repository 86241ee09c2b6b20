//! Callbacks from the sandbox: on a status change the payment is POSTed to its callbackUrl with
//! a detached JWS; a receiver that fails the first time gets it again a second later; what it
//! finally receives verifies with `kassa verify-callback`; the control endpoint lists the
//! deliveries with their outcomes.

use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::*;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use kassa::money::Money;
use kassa::payconiq::AuthMode;
use kassa::payconiq::model::CreatePayment;

#[derive(Default)]
struct Received {
    calls: u32,
    /// The signatures of the attempts answered 503.
    refused: Vec<String>,
    /// Each attempt's User-Agent.
    agents: Vec<String>,
    bodies: Vec<(Vec<u8>, String)>,
}

async fn receive(
    State(r): State<Arc<Mutex<Received>>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let mut r = r.lock().unwrap();
    r.calls += 1;
    let sig = headers
        .get("Signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    r.agents.push(
        headers
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
    );
    if r.calls == 1 {
        // The merchant's server is briefly down.
        r.refused.push(sig);
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    r.bodies.push((body.to_vec(), sig));
    StatusCode::OK
}

#[tokio::test(flavor = "multi_thread")]
async fn a_callback_is_signed_retried_and_verifies() {
    let received = Arc::new(Mutex::new(Received::default()));
    let app = Router::new()
        .route("/payconiq/callback", post(receive))
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let callback_url = format!(
        "http://{}/payconiq/callback",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = client
        .create_payment(
            &CreatePayment::new(Money::from_cents(990))
                .description("Callback test")
                .reference(unique_reference())
                .callback_url(Some(callback_url.clone())),
        )
        .await
        .unwrap();
    // The sandbox looks for status changes ten times a second: let it see PENDING first.
    for _ in 0..50 {
        if sandbox.callbacks().iter().any(|d| d.status == "PENDING") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    sandbox.confirm(&p.payment_id, Money::default()).unwrap();

    // The PENDING notice fails once and is retried after 1 s; later ones arrive at once.
    let mut statuses = Vec::new();
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        statuses = received
            .lock()
            .unwrap()
            .bodies
            .iter()
            .map(|(b, _)| {
                serde_json::from_slice::<serde_json::Value>(b).unwrap()["status"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        if statuses.iter().any(|s| s == "SUCCEEDED") && statuses.iter().any(|s| s == "PENDING") {
            break;
        }
    }
    assert!(statuses.contains(&"PENDING".to_string()), "{statuses:?}");
    assert!(statuses.contains(&"SUCCEEDED".to_string()), "{statuses:?}");
    let log = sandbox.callbacks();
    let first = log
        .iter()
        .find(|d| d.status == "PENDING" && d.attempt == 1)
        .unwrap();
    assert_eq!((first.outcome.as_str(), first.delivered), ("503", false));
    assert!(
        log.iter()
            .any(|d| d.status == "PENDING" && d.attempt == 2 && d.delivered),
        "retried: {log:?}"
    );
    // The retry is the first attempt again, its signature (and so its jti) unchanged.
    {
        let r = received.lock().unwrap();
        let pending_sig = r
            .bodies
            .iter()
            .find(|(b, _)| String::from_utf8_lossy(b).contains("PENDING"))
            .map(|(_, s)| s.clone())
            .unwrap();
        assert_eq!(r.refused, vec![pending_sig], "the same headers again");
        assert!(
            !r.agents.is_empty() && r.agents.iter().all(|a| a == "Payconiq Payments/v3"),
            "{:?}",
            r.agents
        );
    }

    // What the receiver got verifies with the command line tool, against the sandbox's JWKS.
    let dir = tempfile::tempdir().unwrap();
    let jwks = reqwest::get(sandbox.jwks_url())
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    std::fs::write(dir.path().join("jwks.json"), &jwks).unwrap();
    let (body, signature) = received
        .lock()
        .unwrap()
        .bodies
        .iter()
        .find(|(b, _)| String::from_utf8_lossy(b).contains("SUCCEEDED"))
        .cloned()
        .unwrap();
    std::fs::write(dir.path().join("body.json"), &body).unwrap();
    let profile = kassa::sandbox::SandboxConfig::for_tests().profile_id;
    let out = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env("XDG_CONFIG_HOME", "/nonexistent/kassa-test-config")
        .args([
            "verify-callback",
            "--signature",
            &signature,
            "--path",
            &callback_url,
        ])
        .args(["--profile", &profile, "--body"])
        .arg(dir.path().join("body.json"))
        .arg("--jwks")
        .arg(dir.path().join("jwks.json"))
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Valid"));

    // The control endpoint lists the deliveries.
    let listed: serde_json::Value =
        reqwest::get(format!("{}/sandbox/callbacks", sandbox.base_url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert!(listed.as_array().unwrap().len() >= 3);
}

/// A receiver that refuses a callback (a 4xx, or a 5xx the guide does not list) is not asked
/// again: only no answer, 429, 500, 503, 504 and 509 are retried.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_callback_is_not_retried() {
    let calls = Arc::new(Mutex::new(0u32));
    let counted = calls.clone();
    let app = Router::new().route(
        "/cb",
        post(move || {
            let calls = counted.clone();
            async move {
                *calls.lock().unwrap() += 1;
                StatusCode::BAD_GATEWAY
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let callback_url = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    client
        .create_payment(
            &CreatePayment::new(Money::from_cents(120))
                .reference(unique_reference())
                .callback_url(Some(callback_url)),
        )
        .await
        .unwrap();
    // Past the second attempt's time (1 s).
    tokio::time::sleep(Duration::from_millis(1800)).await;
    assert_eq!(*calls.lock().unwrap(), 1, "{:?}", sandbox.callbacks());
    assert!(kassa::sandbox::callbacks::retried(503) && !kassa::sandbox::callbacks::retried(502));
}
