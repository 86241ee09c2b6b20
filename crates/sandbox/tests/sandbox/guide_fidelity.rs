//! The sandbox read against the guide a second time, each row quoting the line it comes from
//! (line numbers of `payconiq-merchant-api-guide.txt`): the field lengths of every create
//! variant, the online payment's life and checkout link, each endpoint's own code for a payment
//! in the wrong state, the content type every request table requires, and the headers of a
//! callback.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderMap;
use kassa_core::money::Money;
use kassa_core::payconiq::AuthMode;
use kassa_core::payconiq::jws::{self, Expect, KeySet};
use kassa_core::payconiq::model::{CreatePayment, PaymentStatus};
use kassa_core::payconiq::spec::{Endpoint, Kind};
use kassa_core::payconiq::validate::Field;
use kassa_sandbox::testing::*;
use kassa_sandbox::{CustomerAction, Sandbox, SandboxConfig};
use serde_json::{Map, Value, json};

/// Posts `body` with the API key; the status and the answer.
async fn post(
    sandbox: &Sandbox,
    path: &str,
    body: &Value,
    content_type: Option<&str>,
) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(format!("{}{path}", sandbox.base_url()))
        .bearer_auth(&sandbox.config().api_key)
        .body(body.to_string());
    if let Some(t) = content_type {
        req = req.header("content-type", t);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or_default())
}

/// A value of exactly `len` characters the field's kind takes.
fn of_length(kind: Kind, len: usize) -> String {
    match kind {
        Kind::ReturnUrl(_) => format!("https://shop.example/{}", "r".repeat(len - 21)),
        _ => "é".repeat(len),
    }
}

#[tokio::test]
async fn every_create_variant_holds_the_lengths_its_table_gives() {
    let (sandbox, _) = setup(AuthMode::ApiKey).await;
    use Endpoint::{
        CreateOnlinePayment as Online, CreatePayment as InStore, CreatePosPayment as Pos,
    };
    // (guide line, variant, field, the length it names)
    let rows = [
        (
            "942: description … Maximum Length: 140 chars",
            InStore,
            Field::Description,
            140,
        ),
        (
            "946: reference … Maximum Length: 35 chars",
            InStore,
            Field::Reference,
            35,
        ),
        (
            "950: bulkId … Maximum Length: 35 chars",
            InStore,
            Field::BulkId,
            35,
        ),
        (
            "6561: description … Maximum Length: 140 chars",
            Online,
            Field::Description,
            140,
        ),
        (
            "6565: reference … Maximum Length: 35 chars",
            Online,
            Field::Reference,
            35,
        ),
        (
            "6569: bulkId … Maximum Length: 35 chars",
            Online,
            Field::BulkId,
            35,
        ),
        (
            "6573: returnUrl [String, optional] Maximum Length: 2048 chars",
            Online,
            Field::ReturnUrl,
            2048,
        ),
        (
            "2801: description … Maximum Length: 140 chars",
            Pos,
            Field::Description,
            140,
        ),
        (
            "2805: reference … Maximum Length: 35 chars",
            Pos,
            Field::Reference,
            35,
        ),
        (
            "2809: bulkId … Maximum Length: 35 chars",
            Pos,
            Field::BulkId,
            35,
        ),
        (
            "2813: posId [String, required] Maximum Length: 36 chars",
            Pos,
            Field::PosId,
            36,
        ),
        (
            "2817: shopId [String, optional] Maximum Length: 36 chars",
            Pos,
            Field::ShopId,
            36,
        ),
        (
            "2821: shopName [String, optional] Maximum Length: 36 chars",
            Pos,
            Field::ShopName,
            36,
        ),
    ];
    for (line, endpoint, field, max) in rows {
        // The shared table says what the guide says.
        let rule = endpoint
            .body()
            .iter()
            .find(|r| r.field == field)
            .unwrap_or_else(|| panic!("{line}: {field:?} missing from {endpoint:?}"));
        let kind_max = match rule.kind {
            Kind::Text(m) | Kind::ReturnUrl(m) => m,
            other => panic!("{line}: {other:?}"),
        };
        assert_eq!(kind_max, max, "{line}");
        let path = if endpoint == Pos {
            "/v3/payments/pos"
        } else {
            "/v3/payments"
        };
        for (len, accepted) in [(max, true), (max + 1, false)] {
            let mut body = Map::new();
            body.insert("amount".into(), json!(100));
            if endpoint == Pos {
                body.insert("posId".into(), json!("POS1"));
            }
            // The online variant is the one whose body names a return URL.
            if endpoint == Online {
                body.insert("returnUrl".into(), json!("https://shop.example/back"));
            }
            body.insert(field.api_name().into(), json!(of_length(rule.kind, len)));
            let (status, answer) = post(
                &sandbox,
                path,
                &Value::Object(body),
                Some("application/json"),
            )
            .await;
            if accepted {
                assert_eq!(status, 201, "{line}: {len} characters: {answer}");
                assert_eq!(
                    answer["_links"]["checkout"].is_object(),
                    endpoint == Online,
                    "{line}: taken as the {endpoint:?} variant"
                );
            } else {
                assert_eq!(status, 400, "{line}: {len} characters");
                assert_eq!(answer["code"], "FIELD_IS_INVALID", "{line}");
                let message = answer["message"].as_str().unwrap_or_default();
                assert!(message.contains(field.api_name()), "{line}: {message}");
            }
        }
    }
}

/// "6447: … The created Payment is valid for 1200 seconds (20 minutes). … After payment is
/// completed, consumer is automatically redirected back to merchant's web shop using returnUrl"
/// and the example answer's `_links.checkout` (line 6639): the deeplink with a token and the
/// return URL. An in-store payment: "881: A unique payment identifier is valid for two
/// minutes (120 seconds)".
#[tokio::test]
async fn an_online_payment_lives_twenty_minutes_and_links_its_checkout() {
    let (sandbox, _) = setup(AuthMode::ApiKey).await;
    let back = "https://shop.example/checkout/success?order=7";
    let life = |answer: &Value| {
        let at = |f: &str| {
            time::OffsetDateTime::parse(
                answer[f].as_str().unwrap(),
                &time::format_description::well_known::Rfc3339,
            )
            .unwrap()
        };
        at("expiresAt") - at("createdAt")
    };
    let (status, online) = post(
        &sandbox,
        "/v3/payments",
        &json!({"amount": 112, "returnUrl": back}),
        Some("application/json"),
    )
    .await;
    assert_eq!(status, 201, "{online}");
    assert_eq!(life(&online), time::Duration::minutes(20));
    let checkout = online["_links"]["checkout"]["href"].as_str().unwrap();
    let deeplink = online["_links"]["deeplink"]["href"].as_str().unwrap();
    let url = url::Url::parse(checkout).unwrap();
    assert!(
        checkout.starts_with(&format!("{deeplink}?token=")),
        "{checkout}"
    );
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(query["returnUrl"], back);
    assert!(query["token"].len() >= 32, "{checkout}");

    let (_, instore) = post(
        &sandbox,
        "/v3/payments",
        &json!({"amount": 112}),
        Some("application/json"),
    )
    .await;
    assert_eq!(life(&instore), time::Duration::minutes(2));
    assert!(instore["_links"]["checkout"].is_null(), "{instore}");
}

/// A row of the wrong-state table: guide line, endpoint, method, path, body, expected code.
type Row = (
    &'static str,
    Endpoint,
    reqwest::Method,
    String,
    Option<Value>,
    &'static str,
);

/// Each endpoint answers a payment in the wrong state with the code its own table names (the
/// choices where the guide is silent are written at `spec::Endpoint::errors`).
#[tokio::test]
async fn a_payment_in_the_wrong_state_gets_its_endpoints_own_code() {
    // Signed calls, as the refund service takes nothing else; the raw calls use the API key.
    let (sandbox, client) = setup(AuthMode::Jws).await;
    let http = reqwest::Client::new();
    let key = sandbox.config().api_key.clone();
    let call = |method: reqwest::Method, path: String, body: Option<Value>| {
        let req = http
            .request(method, format!("{}{path}", sandbox.base_url()))
            .bearer_auth(&key)
            .header("content-type", "application/json");
        let req = match body {
            Some(b) => req.body(b.to_string()),
            None => req,
        };
        async move {
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let code = resp.json::<Value>().await.unwrap_or_default()["code"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            (status, code)
        }
    };
    // Payments in each state the rows need.
    let pending = charge(&client, 700).await.payment_id;
    let expired = charge(&client, 710).await.payment_id;
    sandbox.customer(&expired, CustomerAction::Expire).unwrap();
    let succeeded = paid(&sandbox, &client, 720, 0).await.payment_id;
    sandbox.set_void_enabled(true);
    let voided = charge(&client, 730).await.payment_id;
    sandbox.confirm(&voided, Money::default()).unwrap();
    wait_for(
        &client,
        &voided,
        PaymentStatus::PendingMerchantAcknowledgement,
    )
    .await;
    assert_eq!(
        call(
            reqwest::Method::DELETE,
            format!("/v3/payments/{voided}"),
            None
        )
        .await
        .0,
        204
    );
    let acknowledged = charge(&client, 740).await.payment_id;
    sandbox.confirm(&acknowledged, Money::default()).unwrap();
    wait_for(
        &client,
        &acknowledged,
        PaymentStatus::PendingMerchantAcknowledgement,
    )
    .await;
    let ack = |cents: i64| Some(json!({"amount": cents, "currency": "EUR"}));
    assert_eq!(
        call(
            reqwest::Method::POST,
            format!("/v3/payments/{acknowledged}/acknowledge"),
            ack(740)
        )
        .await
        .0,
        204
    );

    use reqwest::Method as M;
    let rows: Vec<Row> = vec![
        (
            "2325: PAYMENT_NOT_PENDING: Payment is not in a pending or identify state.",
            Endpoint::CancelPayment,
            M::DELETE,
            format!("/v3/payments/{succeeded}"),
            None,
            "PAYMENT_NOT_PENDING",
        ),
        (
            "2325 (an expired payment is not pending either)",
            Endpoint::CancelPayment,
            M::DELETE,
            format!("/v3/payments/{expired}"),
            None,
            "PAYMENT_NOT_PENDING",
        ),
        (
            "13696: void — PAYMENT_NOT_PENDING: Payment is not in a pending or identify state.",
            Endpoint::CancelPayment,
            M::DELETE,
            format!("/v3/payments/{voided}"),
            None,
            "PAYMENT_NOT_PENDING",
        ),
        (
            "13696: void of a payment acknowledged (SUCCEEDED): not pending",
            Endpoint::CancelPayment,
            M::DELETE,
            format!("/v3/payments/{acknowledged}"),
            None,
            "PAYMENT_NOT_PENDING",
        ),
        (
            "13843: acknowledge — PAYMENT_VOIDED Payment is already voided",
            Endpoint::Acknowledge,
            M::POST,
            format!("/v3/payments/{voided}/acknowledge"),
            ack(730),
            "PAYMENT_VOIDED",
        ),
        (
            "13843 names nothing for a payment never confirmed: chosen PAYMENT_NOT_PENDING",
            Endpoint::Acknowledge,
            M::POST,
            format!("/v3/payments/{pending}/acknowledge"),
            ack(700),
            "PAYMENT_NOT_PENDING",
        ),
        (
            "2584: refund IBAN — REFUND_NOT_AVAILABLE: The details of the consumer is not available yet.",
            Endpoint::RefundIban,
            M::GET,
            format!("/v3/payments/{pending}/debtor/refundIban"),
            None,
            "REFUND_NOT_AVAILABLE",
        ),
        (
            "2584: refund IBAN of a voided payment: no consumer account to give",
            Endpoint::RefundIban,
            M::GET,
            format!("/v3/payments/{voided}/debtor/refundIban"),
            None,
            "REFUND_NOT_AVAILABLE",
        ),
        (
            "11377: REFUND_NOT_POSSIBLE - refund is not possible for this payment at the moment.",
            Endpoint::CreateRefund,
            M::POST,
            format!("/v3/payments/{expired}/refunds"),
            Some(json!({"amount": 100})),
            "REFUND_NOT_POSSIBLE",
        ),
    ];
    for (line, endpoint, method, path, body, expected) in rows {
        let (status, code) = if endpoint == Endpoint::CreateRefund {
            // The refund service takes a JWS only: the client signs it.
            let e = client
                .create_refund(
                    path.split('/').nth(3).unwrap(),
                    &kassa_core::payconiq::model::CreateRefund {
                        amount: Money::from_cents(100),
                        currency: "EUR".into(),
                        description: None,
                    },
                    "wrong-state-1",
                )
                .await
                .unwrap_err();
            (
                e.status().unwrap_or_default(),
                e.code().unwrap_or_default().to_string(),
            )
        } else {
            call(method, path, body).await
        };
        assert_eq!((status, code.as_str()), (422, expected), "{line}");
        assert!(
            endpoint.answers_with(422, &code),
            "{line}: not in the {endpoint:?} table"
        );
    }
    // What is in the right state still works: the succeeded payment's account is known.
    assert_eq!(
        call(
            M::GET,
            format!("/v3/payments/{succeeded}/debtor/refundIban"),
            None
        )
        .await
        .0,
        200
    );
}

/// "899: Content-type [String, required] application/json — Content type of the data in the
/// request body." (and each request-header table after it): a body sent as anything else is
/// refused with 415 before it is read; a charset parameter is fine; bodiless calls need none.
#[tokio::test]
async fn a_body_not_sent_as_json_is_refused() {
    let (sandbox, _) = setup(AuthMode::ApiKey).await;
    let body = json!({"amount": 100});
    for (content_type, expected) in [
        (Some("application/json"), 201),
        (Some("application/json; charset=utf-8"), 201),
        (Some("Application/JSON"), 201),
        (Some("text/plain"), 415),
        (Some("application/x-www-form-urlencoded"), 415),
        (Some("multipart/form-data; boundary=x"), 415),
        (None, 415),
    ] {
        let (status, answer) = post(&sandbox, "/v3/payments", &body, content_type).await;
        assert_eq!(status, expected, "{content_type:?}: {answer}");
        if expected == 415 {
            assert_eq!(answer["code"], "UNSUPPORTED_MEDIA_TYPE");
            assert!(Endpoint::CreatePayment.answers_with(415, "UNSUPPORTED_MEDIA_TYPE"));
        }
    }
    for path in ["/v3/payments/search", "/v3/payments/pos"] {
        let (status, _) = post(
            &sandbox,
            path,
            &json!({"amount": 1, "posId": "P"}),
            Some("text/plain"),
        )
        .await;
        assert_eq!(status, 415, "{path}");
    }
    assert!(
        !Endpoint::GetPayment.answers_with(415, "UNSUPPORTED_MEDIA_TYPE"),
        "GET takes no body"
    );

    // D24: every request carries "Content-Type: application/json" (NOTES.md); without it, its
    // own "missing or invalid header" answer.
    let d24 = reqwest::Client::new()
        .post(format!("{}/d24/v3/refunds", sandbox.base_url()))
        .header("X-Login", &sandbox.config().d24_login)
        .header("X-Date", "2026-12-06T03:00:00Z")
        .header("Authorization", "D24 00")
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(d24.status(), 400);
    let answer: Value = d24.json().await.unwrap();
    assert_eq!(answer["code"], 101, "{answer}");
    assert!(
        answer["description"]
            .as_str()
            .unwrap()
            .contains("Content-Type"),
        "{answer}"
    );
}

/// The callback request's headers (lines 1256–1265), each one the guide marks required.
#[tokio::test]
async fn a_callback_carries_every_header_the_guide_requires() {
    type Received = Vec<(HeaderMap, Vec<u8>)>;
    let got: Arc<Mutex<Received>> = Arc::default();
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/payconiq",
        axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
            let keep = keep.clone();
            async move {
                keep.lock().unwrap().push((headers, body.to_vec()));
                "{}"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/payconiq", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let (sandbox, client) = setup_with(AuthMode::ApiKey, SandboxConfig::for_tests()).await;
    client
        .create_payment(&CreatePayment::new(Money::from_cents(122)).callback_url(Some(url.clone())))
        .await
        .unwrap();
    let mut first = None;
    for _ in 0..100 {
        if let Some(c) = got.lock().unwrap().first().cloned() {
            first = Some(c);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (headers, body) = first.expect("a callback");
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let keys = KeySet::parse(
        &reqwest::get(sandbox.jwks_url())
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    let profile = sandbox.config().profile_id.clone();
    // (guide line, header, what it must hold)
    type Check<'a> = Box<dyn Fn(&str) -> bool + 'a>;
    let rows: [(&str, &str, Check); 3] = [
        (
            "1256: signature [String, required] … JSON Web Signature (JWS) and a JOSE header",
            "signature",
            Box::new(|v| {
                let expect = Expect {
                    iss: Some("Payconiq"),
                    path: Some(&url),
                    sub: Some(&profile),
                    max_age: Some(time::Duration::minutes(1)),
                };
                jws::verify(v, &body, &keys, &expect).is_ok()
            }),
        ),
        (
            "1259: content-type [String, required] application/json",
            "content-type",
            Box::new(|v| v == "application/json"),
        ),
        (
            "1263: user-agent [String, required] (the example at 1253: Payconiq Payments/v3)",
            "user-agent",
            Box::new(|v| v == "Payconiq Payments/v3"),
        ),
    ];
    for (line, name, holds) in rows {
        let value = header(name);
        assert!(
            !value.is_empty() && holds(&value),
            "{line}: {name}: {value:?}"
        );
    }
}
