//! A man in the middle between the client and the sandbox: a real HTTP proxy on loopback that
//! strips, forges or keeps signatures while changing what the answers say. The client must
//! refuse every answer it cannot trust, errors included, and still believe honest ones.

use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use kassa_core::money::Money;
use kassa_core::payconiq::jws::{Claims, PROVIDER_ISSUER, SignatureError, SigningKey};
use kassa_core::payconiq::model::{CreatePayment, PaymentStatus};
use kassa_core::payconiq::{AuthMode, Client, Error};
use kassa_sandbox::testing::{quick_options, unique_reference};
use kassa_sandbox::{Sandbox, SandboxConfig};

/// What the proxy does to each answer.
#[derive(Clone, Debug)]
enum Mode {
    Honest,
    /// Removes the Signature header.
    Strip,
    /// Keeps the signature, changes the body (PENDING becomes SUCCEEDED, or a digit changes).
    Rewrite,
    /// Signs its own version with a key of its own under the provider's kid.
    Forge,
    /// Answers "payment not found" itself, unsigned, without asking the sandbox.
    FakeNotFound,
    /// Answers with a signed answer captured earlier (another request's).
    Replay {
        status: u16,
        body: Bytes,
        signature: String,
    },
}

struct Proxy {
    upstream: String,
    http: reqwest::Client,
    mode: Mutex<Mode>,
    attacker: Mutex<Option<SigningKey>>,
}

async fn forward(State(proxy): State<Arc<Proxy>>, req: Request) -> Response {
    let mode = proxy.mode.lock().unwrap().clone();
    match &mode {
        Mode::FakeNotFound => {
            return answer(
                404,
                HeaderMap::new(),
                Bytes::from_static(
                    br#"{"code":"PAYMENT_NOT_FOUND","message":"Payment not found","traceId":"x","spanId":"y"}"#,
                ),
            );
        }
        Mode::Replay {
            status,
            body,
            signature,
        } => {
            let mut headers = HeaderMap::new();
            headers.insert("Signature", HeaderValue::from_str(signature).unwrap());
            return answer(*status, headers, body.clone());
        }
        _ => {}
    }
    let (parts, body) = req.into_parts();
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    let mut out = proxy
        .http
        .request(parts.method.clone(), format!("{}{path}", proxy.upstream))
        .body(body);
    for (name, value) in &parts.headers {
        if name != "host" && name != "content-length" {
            out = out.header(name, value);
        }
    }
    let resp = out.send().await.unwrap();
    let status = resp.status().as_u16();
    let mut headers = resp.headers().clone();
    headers.remove("content-length");
    let mut body = resp.bytes().await.unwrap();
    match mode {
        Mode::Strip => {
            headers.remove("Signature");
        }
        Mode::Rewrite => body = rewrite(&body),
        Mode::Forge => {
            body = rewrite(&body);
            let kid = headers
                .get("Signature")
                .and_then(|v| kassa_core::payconiq::jws::parse(v.to_str().ok()?).ok())
                .map(|p| p.kid)
                .unwrap_or_default();
            let key = proxy
                .attacker
                .lock()
                .unwrap()
                .get_or_insert_with(|| SigningKey::generate(kid).unwrap())
                .clone();
            let claims = Claims::now(parts.uri.path(), PROVIDER_ISSUER, "profile");
            let forged = key.sign(&claims, &body).unwrap();
            headers.insert("Signature", HeaderValue::from_str(&forged).unwrap());
        }
        _ => {}
    }
    answer(status, headers, body)
}

fn rewrite(body: &[u8]) -> Bytes {
    let text = String::from_utf8_lossy(body);
    if text.contains("\"PENDING\"") {
        return Bytes::from(text.replace("\"PENDING\"", "\"SUCCEEDED\""));
    }
    let mut bytes = body.to_vec();
    if let Some(at) = bytes.iter().position(u8::is_ascii_digit) {
        bytes[at] = if bytes[at] == b'9' {
            b'1'
        } else {
            bytes[at] + 1
        };
    }
    Bytes::from(bytes)
}

fn answer(status: u16, headers: HeaderMap, body: Bytes) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap();
    *resp.headers_mut() = headers;
    resp.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    resp
}

/// Starts a proxy in front of `sandbox`; returns it with its base URL.
async fn proxy_for(sandbox: &Sandbox) -> (Arc<Proxy>, String) {
    let proxy = Arc::new(Proxy {
        upstream: sandbox
            .base_url()
            .to_string()
            .trim_end_matches('/')
            .to_string(),
        http: reqwest::Client::new(),
        mode: Mutex::new(Mode::Honest),
        attacker: Mutex::new(None),
    });
    let app = axum::Router::new()
        .fallback(forward)
        .with_state(proxy.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (proxy, base)
}

/// A client whose API calls go through the proxy; the provider's keys still come from the
/// sandbox (in production they come over https from the provider's own host).
async fn client_through(sandbox: &Sandbox, base: &str, mode: AuthMode) -> Client {
    let key = SigningKey::generate("merchant-key").unwrap();
    let mut account = sandbox.account(mode, Some(key));
    account.environment.api_base = base.to_string();
    account.environment.reconciliation_base = format!("{base}/v3/reconciliation");
    Client::new(account, quick_options()).unwrap()
}

fn set(proxy: &Proxy, mode: Mode) {
    *proxy.mode.lock().unwrap() = mode;
}

async fn pending_payment(client: &Client) -> String {
    client
        .create_payment(&CreatePayment::new(Money::from_cents(1250)).reference(unique_reference()))
        .await
        .expect("created through the honest proxy")
        .payment_id
}

#[tokio::test]
async fn in_jws_mode_every_answer_must_carry_a_signature_that_verifies() {
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let (proxy, base) = proxy_for(&sandbox).await;
    let client = client_through(&sandbox, &base, AuthMode::Jws).await;
    let id = pending_payment(&client).await;
    let honest = client.get_payment(&id).await.unwrap();
    assert_eq!(honest.status, PaymentStatus::Pending);

    set(&proxy, Mode::Strip);
    assert!(matches!(
        client.get_payment(&id).await,
        Err(Error::Signature(SignatureError::Missing))
    ));
    // An error answer is no more believable unsigned than a status: it must not read as
    // "not pending" or "not found".
    let err = client.cancel_payment(&id).await.unwrap_err();
    assert!(
        matches!(err, Error::Signature(SignatureError::Missing)),
        "{err:?}"
    );
    set(&proxy, Mode::FakeNotFound);
    let err = client.get_payment(&id).await.unwrap_err();
    assert!(
        matches!(err, Error::Signature(SignatureError::Missing)),
        "an unsigned 404 was believed: {err:?}"
    );
    assert_ne!(err.code(), Some("PAYMENT_NOT_FOUND"));

    set(&proxy, Mode::Rewrite);
    assert!(matches!(
        client.get_payment(&id).await,
        Err(Error::Signature(SignatureError::Mismatch))
    ));
    set(&proxy, Mode::Forge);
    let forged = client.get_payment(&id).await.unwrap_err();
    assert!(matches!(forged, Error::Signature(_)), "{forged:?}");

    // Never paid, whatever the forged answers said; the cancel itself did reach the provider
    // (only its answer was stripped), which an honest read then tells.
    set(&proxy, Mode::Honest);
    assert_eq!(
        client.get_payment(&id).await.unwrap().status,
        PaymentStatus::Cancelled
    );
}

#[tokio::test]
async fn a_signed_answer_about_another_payment_is_not_this_payments_status() {
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let (proxy, base) = proxy_for(&sandbox).await;
    let client = client_through(&sandbox, &base, AuthMode::Jws).await;
    let paid = kassa_sandbox::testing::paid(&sandbox, &client, 500, 0).await;
    let pending = pending_payment(&client).await;

    // Capture the genuine, signed answer for the paid payment, then replay it.
    let resp = reqwest::Client::new()
        .get(format!("{base}/v3/payments/{}", paid.payment_id))
        .bearer_auth(sandbox.config().api_key.clone())
        .send()
        .await
        .unwrap();
    set(&proxy, captured(resp).await);
    let err = client.get_payment(&pending).await.unwrap_err();
    assert!(refused_as_another_requests(&err), "{err:?}");

    // A genuine "not found" for an id that does not exist, replayed for the real payment: not
    // believed (the till would take the sale for lost).
    set(&proxy, Mode::Honest);
    let resp = reqwest::Client::new()
        .get(format!("{base}/v3/payments/aaaaaaaaaaaaaaaaaaaaaaaa"))
        .bearer_auth(sandbox.config().api_key.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    set(&proxy, captured(resp).await);
    let err = client.get_payment(&pending).await.unwrap_err();
    assert!(refused_as_another_requests(&err), "{err:?}");

    // A genuine 204 for cancelling another payment, replayed as this one's cancel: refused (the
    // till would say cancelled while the customer can still pay).
    set(&proxy, Mode::Honest);
    let other = pending_payment(&client).await;
    let resp = reqwest::Client::new()
        .delete(format!("{base}/v3/payments/{other}"))
        .bearer_auth(sandbox.config().api_key.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    set(&proxy, captured(resp).await);
    let err = client.cancel_payment(&pending).await.unwrap_err();
    assert!(refused_as_another_requests(&err), "{err:?}");
    set(&proxy, Mode::Honest);
    assert_eq!(
        client.get_payment(&pending).await.unwrap().status,
        PaymentStatus::Pending,
        "still waiting for its customer"
    );
}

/// A genuine answer, kept as it came to be played back.
async fn captured(resp: reqwest::Response) -> Mode {
    let status = resp.status().as_u16();
    let signature = resp.headers()["Signature"].to_str().unwrap().to_string();
    let body = resp.bytes().await.unwrap();
    Mode::Replay {
        status,
        body,
        signature,
    }
}

fn refused_as_another_requests(err: &Error) -> bool {
    matches!(
        err,
        Error::Signature(SignatureError::Claim { claim, detail })
            if *claim == kassa_core::payconiq::jws::PATH && detail.contains("another request")
    )
}

#[tokio::test]
async fn with_an_api_key_a_bad_signature_is_still_refused_and_refunds_always_need_one() {
    let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
    let (proxy, base) = proxy_for(&sandbox).await;
    let client = client_through(&sandbox, &base, AuthMode::ApiKey).await;
    let id = pending_payment(&client).await;

    set(&proxy, Mode::Rewrite);
    assert!(matches!(
        client.get_payment(&id).await,
        Err(Error::Signature(SignatureError::Mismatch))
    ));
    set(&proxy, Mode::Forge);
    assert!(matches!(
        client.get_payment(&id).await,
        Err(Error::Signature(_))
    ));
    // API-key payment calls cannot demand a signature (the provider need not send one there).
    set(&proxy, Mode::Strip);
    assert_eq!(
        client.get_payment(&id).await.unwrap().status,
        PaymentStatus::Pending
    );

    // Refunds are JWS-only: their answers must be signed whatever the payment mode.
    set(&proxy, Mode::Honest);
    let paid = kassa_sandbox::testing::paid(&sandbox, &client, 800, 0).await;
    let refund = client
        .create_refund(
            &paid.payment_id,
            &kassa_core::payconiq::model::CreateRefund {
                amount: Money::from_cents(300),
                currency: "EUR".into(),
                description: None,
            },
            &unique_reference(),
        )
        .await
        .unwrap();
    set(&proxy, Mode::Strip);
    assert!(matches!(
        client.get_refund(&paid.payment_id, &refund.refund_id).await,
        Err(Error::Signature(SignatureError::Missing))
    ));
    set(&proxy, Mode::Rewrite);
    assert!(matches!(
        client.get_refund(&paid.payment_id, &refund.refund_id).await,
        Err(Error::Signature(SignatureError::Mismatch))
    ));
}
