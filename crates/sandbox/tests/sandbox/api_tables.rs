//! Cases generated from the guide's tables in `payconiq::spec`: every field rule of every
//! request body is tried at and beyond its limits, against the client's check (which must
//! refuse before sending) and against the sandbox over HTTP (which must answer with the code
//! that endpoint's error table names); and every error the sandbox can be made to give is one
//! its endpoint's table lists.

use kassa_core::money::Money;
use kassa_core::payconiq::jws::{Claims, SigningKey};
use kassa_core::payconiq::model::{CreatePayment, PaymentStatus};
use kassa_core::payconiq::spec::{self, Endpoint, Kind, Rule};
use kassa_core::payconiq::validate::Field;
use kassa_core::payconiq::{AuthMode, Error};
use kassa_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Map, Value, json};

/// What a request carries to prove who sends it.
#[derive(Clone, Copy)]
enum Auth<'a> {
    None,
    ApiKey,
    /// A merchant JWS with this key, for this profile.
    Jws(&'a SigningKey, &'a str),
}

struct Api {
    sandbox: Sandbox,
    http: reqwest::Client,
    key: SigningKey,
}

impl Api {
    async fn new() -> Api {
        let sandbox = kassa_sandbox::testing::sandbox_with(SandboxConfig::for_tests()).await;
        let key = SigningKey::generate("tables-key").unwrap();
        sandbox
            .register_merchant_keys(key.public_jwks().to_string().as_bytes())
            .unwrap();
        Api {
            sandbox,
            http: reqwest::Client::new(),
            key,
        }
    }

    fn profile(&self) -> String {
        self.sandbox.config().profile_id.clone()
    }

    /// Sends a request; the status and the error code (if any).
    async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        auth: Auth<'_>,
        idempotency: Option<&str>,
    ) -> (u16, Option<String>) {
        let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        let url = format!("{}{path}", self.sandbox.base_url());
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self
            .http
            .request(method, url)
            .header("content-type", "application/json");
        let only_path = path.split('?').next().unwrap();
        req = match auth {
            Auth::None => req,
            Auth::ApiKey => req.bearer_auth(self.sandbox.config().api_key.clone()),
            Auth::Jws(key, profile) => {
                let claims = Claims::now(only_path, &self.sandbox.config().merchant_id, profile);
                req.header("Signature", key.sign(&claims, &bytes).unwrap())
            }
        };
        if let Some(k) = idempotency {
            req = req.header("Idempotency-Key", k);
        }
        if body.is_some() {
            req = req.body(bytes);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        let code = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["code"].as_str().map(str::to_string));
        (status, code)
    }

    fn jws(&self) -> Auth<'_> {
        // Leaked for the test's lifetime: the profile string must outlive the borrow.
        Auth::Jws(&self.key, Box::leak(self.profile().into_boxed_str()))
    }
}

/// A body every rule of `endpoint` accepts.
fn valid_body(endpoint: Endpoint) -> Map<String, Value> {
    let mut map = Map::new();
    for rule in endpoint.body() {
        let value = match rule.kind {
            Kind::Amount => json!(500),
            Kind::Currency => json!("EUR"),
            Kind::Text(_) => json!("ok"),
            Kind::Url => json!("https://shop.example/payconiq/callback"),
            Kind::ReturnUrl(_) => json!("https://shop.example/checkout/done"),
        };
        map.insert(rule.field.api_name().into(), value);
    }
    map
}

/// Values to try for a rule, each with whether the table accepts it.
fn cases(rule: &Rule) -> Vec<(Option<Value>, bool)> {
    let mut out = vec![(None, !rule.required)];
    out.extend(match rule.kind {
        Kind::Amount => vec![
            (Some(json!(0)), false),
            (Some(json!(1)), true),
            (Some(json!(999_999)), true),
            (Some(json!(1_000_000)), false),
            (Some(json!(-5)), false),
            (Some(json!("250")), true),
            (Some(json!(2.5)), false),
            (Some(json!("abc")), false),
            (Some(json!(true)), false),
        ],
        Kind::Currency => vec![
            (Some(json!("EUR")), true),
            (Some(json!("USD")), false),
            (Some(json!(978)), false),
        ],
        Kind::Text(max) => vec![
            (Some(json!("")), !rule.required),
            (Some(json!("a".repeat(max))), true),
            // Counted in characters, not bytes.
            (Some(json!("é".repeat(max))), true),
            (Some(json!("a".repeat(max + 1))), false),
            (Some(json!("Pizza 🍕")), false),
            (Some(json!("tab\there")), false),
            (Some(json!(42)), false),
        ],
        Kind::Url => vec![
            (Some(json!("https://shop.example/cb")), true),
            (Some(json!("http://127.0.0.1:9/cb")), true),
            (Some(json!("http://shop.example/cb")), false),
            (Some(json!("not a url")), false),
            (Some(json!(7)), false),
        ],
        Kind::ReturnUrl(max) => {
            let at_most = format!("https://shop.example/{}", "a".repeat(max - 21));
            vec![
                (Some(json!(at_most)), true),
                (Some(json!(format!("{at_most}b"))), false),
                // A web shop on the LAN or a plain-http test shop: the customer's browser goes.
                (Some(json!("http://shop.example/back")), true),
                (Some(json!("javascript:alert(1)")), false),
                (Some(json!("/checkout/done")), false),
                (Some(json!("")), false),
                (Some(json!(7)), false),
            ]
        }
    });
    out
}

/// Where a body for `endpoint` goes, and how it authenticates. Acknowledge and refund go to
/// an unknown payment: a body that passes its checks then gets "not found", never a 400.
fn target(endpoint: Endpoint) -> (&'static str, bool, bool) {
    match endpoint {
        Endpoint::CreatePayment | Endpoint::CreateOnlinePayment => ("/v3/payments", false, false),
        Endpoint::CreatePosPayment => ("/v3/payments/pos", false, false),
        Endpoint::Acknowledge => (
            "/v3/payments/000000000000000000000000/acknowledge",
            false,
            false,
        ),
        Endpoint::CreateRefund => ("/v3/payments/000000000000000000000000/refunds", true, true),
        _ => unreachable!("no body"),
    }
}

#[tokio::test]
async fn every_field_rule_is_held_by_the_client_check_and_the_sandbox_alike() {
    let api = Api::new().await;
    let mut tried = 0;
    for endpoint in Endpoint::ALL {
        if endpoint.body().is_empty() {
            continue;
        }
        let (path, jws_only, idempotent) = target(endpoint);
        for rule in endpoint.body() {
            for (value, accepted) in cases(rule) {
                let mut body = valid_body(endpoint);
                let name = rule.field.api_name();
                match &value {
                    Some(v) => body.insert(name.into(), v.clone()),
                    None => body.remove(name),
                };
                let what = format!("{endpoint:?} {name} = {value:?}");

                // The client's check (the same one the sandbox applies on receipt).
                match spec::check_body(endpoint, &body) {
                    Ok(()) => assert!(accepted, "{what}: the check let it through"),
                    Err(e) => {
                        assert!(!accepted, "{what}: refused ({e})");
                        assert_eq!(e.field, rule.field, "{what}: blamed {e}");
                    }
                }

                // The sandbox over HTTP.
                let auth = if jws_only { api.jws() } else { Auth::ApiKey };
                let key = idempotent.then_some("tables-key-1");
                let (status, code) = api
                    .call("POST", path, Some(&Value::Object(body)), auth, key)
                    .await;
                if accepted {
                    assert!(
                        (200..300).contains(&status) || status == 404,
                        "{what}: sandbox answered {status} {code:?}"
                    );
                } else {
                    assert_eq!(status, 400, "{what}: sandbox answered {status} {code:?}");
                    let code = code.expect("an error object");
                    assert!(
                        endpoint.answers_with(400, &code),
                        "{what}: {code} is not in the table"
                    );
                }
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "only {tried} cases");
}

#[tokio::test]
async fn the_client_refuses_what_the_table_refuses_before_anything_is_sent() {
    let (sandbox, client) = kassa_sandbox::testing::setup(AuthMode::ApiKey).await;
    let before = sandbox.requests().len();
    let rules = Endpoint::CreatePayment.body();
    let limit = |field: Field| match rules.iter().find(|r| r.field == field).unwrap().kind {
        Kind::Text(max) => max,
        _ => unreachable!(),
    };
    let too_long = |field: Field| "x".repeat(limit(field) + 1);
    let requests = [
        (
            Field::Description,
            CreatePayment::new(Money::from_cents(100)).description(too_long(Field::Description)),
        ),
        (
            Field::Reference,
            CreatePayment::new(Money::from_cents(100)).reference(too_long(Field::Reference)),
        ),
        (Field::Amount, CreatePayment::new(Money::from_cents(0))),
        (
            Field::CallbackUrl,
            CreatePayment {
                callback_url: Some("http://shop.example/cb".into()),
                ..CreatePayment::new(Money::from_cents(100))
            },
        ),
    ];
    for (field, request) in requests {
        match client.create_payment(&request).await {
            Err(Error::Invalid(e)) => assert_eq!(e.field, field),
            other => panic!("{field:?}: {other:?}"),
        }
    }
    assert_eq!(sandbox.requests().len(), before, "nothing was sent");
}

/// A call made to provoke an error: endpoint, method, path, body, credentials, idempotency key.
type Provoke<'a> = (
    Endpoint,
    &'a str,
    String,
    Option<Value>,
    Auth<'a>,
    Option<&'a str>,
);

#[tokio::test]
async fn every_error_the_sandbox_gives_is_in_its_endpoints_table() {
    let api = Api::new().await;
    let stranger = SigningKey::generate("tables-key").unwrap();
    let client = kassa_sandbox::testing::api_key_client(&api.sandbox);
    let pending = kassa_sandbox::testing::charge(&client, 700)
        .await
        .payment_id;
    let paid = kassa_sandbox::testing::charge(&client, 900)
        .await
        .payment_id;
    api.sandbox.confirm(&paid, Money::default()).unwrap();
    kassa_sandbox::testing::wait_for(&client, &paid, PaymentStatus::Succeeded).await;
    let unknown = "000000000000000000000000";
    let amount = json!({"amount": 900, "currency": "EUR"});
    let long_key = "k".repeat(65);
    let mut seen = Vec::new();

    let jws = api.jws();
    let wrong_profile = Auth::Jws(&api.key, "someone-elses-profile");
    let unregistered = Auth::Jws(&stranger, Box::leak(api.profile().into_boxed_str()));
    let calls: Vec<Provoke> = vec![
        // Who is asking.
        (
            Endpoint::CreatePayment,
            "POST",
            "/v3/payments".into(),
            Some(json!({"amount": 1})),
            Auth::None,
            None,
        ),
        (
            Endpoint::CreatePayment,
            "POST",
            "/v3/payments".into(),
            Some(json!({"amount": 1})),
            wrong_profile,
            None,
        ),
        (
            Endpoint::CreatePayment,
            "POST",
            "/v3/payments".into(),
            Some(json!({"amount": 1})),
            unregistered,
            None,
        ),
        (
            Endpoint::GetPayment,
            "GET",
            format!("/v3/payments/{pending}"),
            None,
            Auth::None,
            None,
        ),
        (
            Endpoint::GetPayment,
            "GET",
            format!("/v3/payments/{pending}"),
            None,
            wrong_profile,
            None,
        ),
        (
            Endpoint::SearchPayments,
            "POST",
            "/v3/payments/search".into(),
            Some(json!({})),
            Auth::None,
            None,
        ),
        (
            Endpoint::CancelPayment,
            "DELETE",
            format!("/v3/payments/{pending}"),
            None,
            wrong_profile,
            None,
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(amount.clone()),
            Auth::ApiKey,
            Some("k1"),
        ),
        (
            Endpoint::Payouts,
            "GET",
            "/v3/reconciliation/payouts?date=2026-01-01".into(),
            None,
            Auth::ApiKey,
            None,
        ),
        // What is asked for.
        (
            Endpoint::GetPayment,
            "GET",
            format!("/v3/payments/{unknown}"),
            None,
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::SearchPayments,
            "POST",
            "/v3/payments/search".into(),
            Some(json!({"from": "2026-01-02T00:00:00.000Z", "to": "2026-01-01T00:00:00.000Z"})),
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::SearchPayments,
            "POST",
            "/v3/payments/search".into(),
            Some(json!({"reference": "x".repeat(99)})),
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::CancelPayment,
            "DELETE",
            format!("/v3/payments/{unknown}"),
            None,
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::CancelPayment,
            "DELETE",
            format!("/v3/payments/{paid}"),
            None,
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::Acknowledge,
            "POST",
            format!("/v3/payments/{pending}/acknowledge"),
            Some(json!({"amount": 700})),
            Auth::ApiKey,
            None,
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{unknown}/refunds"),
            Some(amount.clone()),
            jws,
            Some("k2"),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{pending}/refunds"),
            Some(json!({"amount": 100})),
            jws,
            Some("k3"),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(json!({"amount": 5000})),
            jws,
            Some("k4"),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(json!({"amount": 100})),
            jws,
            None,
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(json!({"amount": 100})),
            jws,
            Some(long_key.as_str()),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(json!({"amount": 100})),
            jws,
            Some("k5"),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            Some(json!({"amount": 200})),
            jws,
            Some("k5"),
        ),
        (
            Endpoint::CreateRefund,
            "POST",
            format!("/v3/payments/{paid}/refunds"),
            None,
            jws,
            Some("k6"),
        ),
        (
            Endpoint::GetRefund,
            "GET",
            format!("/v3/payments/{paid}/refunds/{unknown}"),
            None,
            jws,
            None,
        ),
        (
            Endpoint::Payouts,
            "GET",
            "/v3/reconciliation/payouts?date=yesterday".into(),
            None,
            jws,
            None,
        ),
        (
            Endpoint::Payouts,
            "GET",
            "/v3/reconciliation/payouts".into(),
            None,
            jws,
            None,
        ),
        (
            Endpoint::PayoutPayments,
            "GET",
            format!("/v3/reconciliation/payments?payout-id={unknown}"),
            None,
            jws,
            None,
        ),
        (
            Endpoint::PayoutPayments,
            "GET",
            "/v3/reconciliation/payments?start-date=2026-01-09&end-date=2026-01-01".into(),
            None,
            jws,
            None,
        ),
        (
            Endpoint::PayoutRefunds,
            "GET",
            format!("/v3/reconciliation/refunds?payout-id={unknown}"),
            None,
            jws,
            None,
        ),
    ];
    for (endpoint, method, path, body, auth, key) in &calls {
        let (status, code) = api.call(method, path, body.as_ref(), *auth, *key).await;
        if status >= 400 {
            let code = code.unwrap_or_else(|| panic!("{method} {path}: {status} without a code"));
            assert!(
                endpoint.answers_with(status, &code),
                "{method} {path}: {status} {code} is not in the {endpoint:?} table"
            );
            seen.push(format!("{status} {code}"));
        }
    }
    // The provoking worked: every kind of refusal was seen.
    for expected in [
        "401 UNAUTHORIZED",
        "403 ACCESS_DENIED",
        "404 PAYMENT_NOT_FOUND",
        "422 PAYMENT_NOT_PENDING",
        "400 VALIDATION_ERROR",
        "422 INVALID_REFUND_AMOUNT",
        "422 REFUND_NOT_POSSIBLE",
        "422 REFUND_REQUEST_CONFLICT",
        "404 REFUND_NOT_FOUND",
        "400 BAD_REQUEST",
        "404 PAYOUT_NOT_FOUND",
    ] {
        assert!(
            seen.iter().any(|s| s == expected),
            "{expected} never seen: {seen:?}"
        );
    }
}

/// The guide says "amount [Integer, required] Minimum: 1 Maximum: 999999" in its tables and
/// sends `"amount" : "1"` in its own create example (see `spec::cents` for the choice): a
/// string of digits is taken; a string with a comma or a point, a fraction, a boolean are
/// refused as the field they are.
#[tokio::test]
async fn an_amount_is_an_integer_of_cents() {
    let (sandbox, _) = kassa_sandbox::testing::setup(kassa_core::payconiq::AuthMode::ApiKey).await;
    let key = sandbox.config().api_key.clone();
    let post = |amount: &'static str| {
        let key = key.clone();
        let url = format!("{}/v3/payments", sandbox.base_url());
        async move {
            let resp = reqwest::Client::new()
                .post(url)
                .bearer_auth(key)
                .header("content-type", "application/json")
                .body(format!(
                    r#"{{"amount":{amount},"currency":"EUR","description":"x"}}"#
                ))
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            let body: serde_json::Value = resp.json().await.unwrap();
            (
                status,
                body["code"].as_str().unwrap_or_default().to_string(),
            )
        }
    };
    for amount in [
        r#""12.50""#,
        "12.5",
        "true",
        r#""12,50""#,
        r#""-5""#,
        r#"" 12""#,
    ] {
        assert_eq!(
            post(amount).await,
            (400, "FIELD_IS_INVALID".to_string()),
            "{amount}"
        );
    }
    assert_eq!(post("1250").await.0, 201);
    assert_eq!(post(r#""1250""#).await.0, 201, "as the guide's example");
}
