//! The client against the sandbox over loopback HTTP: every payment endpoint, in both auth
//! modes, with the API's error codes.

use kassa_core::money::Money;
use kassa_core::payconiq::model::{
    Acknowledge, CreatePayment, CreatePosPayment, PaymentStatus, SearchCriteria,
};
use kassa_core::payconiq::validate::{Field, Problem};
use kassa_core::payconiq::{AuthMode, Client, Error};
use kassa_sandbox::testing::*;
use kassa_sandbox::{CustomerAction, SandboxConfig};

const MODES: [AuthMode; 2] = [AuthMode::ApiKey, AuthMode::Jws];

#[tokio::test]
async fn create_get_and_pay_in_both_auth_modes() {
    for mode in MODES {
        let (sandbox, client) = setup(mode).await;
        let reference = unique_reference();
        let created = client
            .create_payment(
                &CreatePayment::new(Money::parse("12,50").unwrap())
                    .description("Koffie en croissant")
                    .reference(reference.clone()),
            )
            .await
            .unwrap();
        assert_eq!(created.status, PaymentStatus::Pending);
        assert_eq!(created.amount.cents(), 1250);
        assert_eq!(created.payment_id.len(), 24);
        assert!(
            created.expire_at.is_some(),
            "create says expiresAt; it must be read"
        );
        let deeplink = created.deeplink().unwrap().to_string();
        assert!(deeplink.ends_with(&created.payment_id));

        sandbox
            .customer(&created.payment_id, CustomerAction::Scan)
            .unwrap();
        let scanned = client.get_payment(&created.payment_id).await.unwrap();
        assert_eq!(scanned.status, PaymentStatus::Identified);

        sandbox
            .confirm(&created.payment_id, Money::from_cents(150))
            .unwrap();
        let paid = wait_for(&client, &created.payment_id, PaymentStatus::Succeeded).await;
        assert_eq!(paid.tip(), Some(Money::from_cents(150)));
        assert_eq!(paid.paid_total().cents(), 1400);
        assert_eq!(paid.reference.as_deref(), Some(reference.as_str()));
        let debtor = paid.debtor.unwrap();
        assert!(
            debtor.iban.unwrap().starts_with("****"),
            "the IBAN is masked"
        );
        assert!(paid.succeeded_at.is_some());
    }
}

#[tokio::test]
async fn sticker_payments_are_identified_by_scanning_the_pos() {
    for mode in MODES {
        let (sandbox, client) = setup(mode).await;
        let p = client
            .create_pos_payment(&CreatePosPayment {
                payment: CreatePayment::new(Money::from_cents(499)).reference(unique_reference()),
                pos_id: "POS00001".into(),
                shop_id: Some("SHOP1".into()),
                shop_name: Some("Bun Café".into()),
            })
            .await
            .unwrap();
        sandbox.scan_sticker("POS00001").unwrap();
        assert_eq!(
            client.get_payment(&p.payment_id).await.unwrap().status,
            PaymentStatus::Identified
        );
        assert!(sandbox.scan_sticker("POS00002").is_err());
    }
}

#[tokio::test]
async fn search_filters_by_reference_status_and_pages() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let mut ids = Vec::new();
    for cents in 101..=107 {
        ids.push(charge(&client, cents).await.payment_id);
    }
    sandbox.confirm(&ids[0], Money::default()).unwrap();
    wait_for(&client, &ids[0], PaymentStatus::Succeeded).await;

    let all = SearchCriteria::default();
    let page0 = client.search_payments(&all, 0, 3).await.unwrap();
    assert_eq!(
        (page0.total_elements, page0.total_pages, page0.details.len()),
        (7, 3, 3)
    );
    let page2 = client.search_payments(&all, 2, 3).await.unwrap();
    assert_eq!(page2.details.len(), 1);
    assert_eq!(page2.number, 2);
    // Newest first.
    assert_eq!(page0.details[0].payment_id, ids[6]);
    assert_eq!(client.search_all(&all, 100).await.unwrap().len(), 7);

    let succeeded = SearchCriteria {
        payment_statuses: Some(vec![PaymentStatus::Succeeded]),
        ..SearchCriteria::default()
    };
    let hits = client.search_payments(&succeeded, 0, 50).await.unwrap();
    assert_eq!(hits.details.len(), 1);
    assert_eq!(hits.details[0].payment_id, ids[0]);

    let one = client.get_payment(&ids[3]).await.unwrap();
    let by_ref = SearchCriteria {
        reference: one.reference.clone(),
        ..SearchCriteria::default()
    };
    let found = client.search_payments(&by_ref, 0, 50).await.unwrap();
    assert_eq!(found.details.len(), 1);
    assert_eq!(found.details[0].payment_id, ids[3]);
}

#[tokio::test]
async fn cancel_before_and_after_scan_and_not_after_paying() {
    let (sandbox, client) = setup(AuthMode::Jws).await;
    let before = charge(&client, 300).await;
    client.cancel_payment(&before.payment_id).await.unwrap();
    assert_eq!(
        client.get_payment(&before.payment_id).await.unwrap().status,
        PaymentStatus::Cancelled
    );

    let scanned = charge(&client, 300).await;
    sandbox
        .customer(&scanned.payment_id, CustomerAction::Scan)
        .unwrap();
    client.cancel_payment(&scanned.payment_id).await.unwrap();

    let paid = paid(&sandbox, &client, 300, 0).await;
    let err = client.cancel_payment(&paid.payment_id).await.unwrap_err();
    assert_eq!(err.code(), Some("PAYMENT_NOT_PENDING"));
    assert_eq!(err.status(), Some(422));
    let Error::Api(failure) = &err else {
        panic!("{err:?}")
    };
    assert!(failure.trace_id.is_some() && failure.span_id.is_some());

    let err = client
        .get_payment("000000000000000000000000")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("PAYMENT_NOT_FOUND"));
    assert_eq!(err.status(), Some(404));
}

#[tokio::test]
async fn customer_outcomes_decline_insufficient_funds_and_expiry() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let declined = charge(&client, 500).await;
    sandbox
        .customer(&declined.payment_id, CustomerAction::Scan)
        .unwrap();
    sandbox
        .customer(&declined.payment_id, CustomerAction::Decline)
        .unwrap();
    assert_eq!(
        client
            .get_payment(&declined.payment_id)
            .await
            .unwrap()
            .status,
        PaymentStatus::Cancelled
    );

    let poor = charge(&client, 500).await;
    sandbox
        .customer(&poor.payment_id, CustomerAction::InsufficientFunds)
        .unwrap();
    let p = client.get_payment(&poor.payment_id).await.unwrap();
    assert_eq!(p.status, PaymentStatus::AuthorizationFailed);
    assert!(p.status.is_final());

    let expired = charge(&client, 500).await;
    sandbox
        .customer(&expired.payment_id, CustomerAction::Expire)
        .unwrap();
    assert_eq!(
        client
            .get_payment(&expired.payment_id)
            .await
            .unwrap()
            .status,
        PaymentStatus::Expired
    );
    // A final payment does not change again.
    assert!(
        sandbox
            .confirm(&expired.payment_id, Money::default())
            .is_err()
    );
}

#[tokio::test]
async fn payments_expire_on_their_own() {
    let cfg = SandboxConfig {
        expiry: time::Duration::milliseconds(300),
        ..SandboxConfig::for_tests()
    };
    let (_sandbox, client) = setup_with(AuthMode::ApiKey, cfg).await;
    let p = charge(&client, 250).await;
    assert_eq!(
        client.get_payment(&p.payment_id).await.unwrap().status,
        PaymentStatus::Pending
    );
    wait_for(&client, &p.payment_id, PaymentStatus::Expired).await;
    let err = client.cancel_payment(&p.payment_id).await.unwrap_err();
    assert_eq!(err.code(), Some("PAYMENT_NOT_PENDING"));
}

#[tokio::test]
async fn void_enabled_profiles_acknowledge_or_void() {
    for mode in MODES {
        let (sandbox, client) = setup(mode).await;
        sandbox.set_void_enabled(true);

        let kept = charge(&client, 2000).await;
        sandbox.confirm(&kept.payment_id, Money::default()).unwrap();
        wait_for(
            &client,
            &kept.payment_id,
            PaymentStatus::PendingMerchantAcknowledgement,
        )
        .await;
        let ack = Acknowledge {
            amount: Money::from_cents(2000),
            currency: "EUR".into(),
            reference: kept.reference.clone(),
        };
        client
            .acknowledge_payment(&kept.payment_id, &ack)
            .await
            .unwrap();
        assert_eq!(
            client.get_payment(&kept.payment_id).await.unwrap().status,
            PaymentStatus::Succeeded
        );
        // Acknowledging again (a retry after a lost answer) is harmless.
        client
            .acknowledge_payment(&kept.payment_id, &ack)
            .await
            .unwrap();

        let voided = charge(&client, 2000).await;
        sandbox
            .confirm(&voided.payment_id, Money::default())
            .unwrap();
        wait_for(
            &client,
            &voided.payment_id,
            PaymentStatus::PendingMerchantAcknowledgement,
        )
        .await;
        client.void_payment(&voided.payment_id).await.unwrap();
        assert_eq!(
            client.get_payment(&voided.payment_id).await.unwrap().status,
            PaymentStatus::Voided
        );
        // The void table: "422 PAYMENT_NOT_PENDING: Payment is not in a pending or identify
        // state" (guide line 13696), voided already included.
        let err = client.void_payment(&voided.payment_id).await.unwrap_err();
        assert_eq!(err.code(), Some("PAYMENT_NOT_PENDING"));
        let err = client
            .acknowledge_payment(
                &voided.payment_id,
                &Acknowledge {
                    reference: None,
                    ..ack.clone()
                },
            )
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some("PAYMENT_VOIDED"));
    }
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let before = sandbox.payments().len();
    let cases = [
        (CreatePayment::new(Money::from_cents(0)), Field::Amount),
        (
            CreatePayment::new(Money::from_cents(1_000_000)),
            Field::Amount,
        ),
        (
            CreatePayment::new(Money::from_cents(100)).description("x".repeat(141)),
            Field::Description,
        ),
        (
            CreatePayment::new(Money::from_cents(100)).description("Pizza 🍕"),
            Field::Description,
        ),
        (
            CreatePayment::new(Money::from_cents(100)).reference("r".repeat(36)),
            Field::Reference,
        ),
        (
            CreatePayment::new(Money::from_cents(100))
                .callback_url(Some("http://shop.example/cb".into())),
            Field::CallbackUrl,
        ),
    ];
    for (request, field) in cases {
        match client.create_payment(&request).await {
            Err(Error::Invalid(v)) => assert_eq!(v.field, field),
            other => panic!("{field:?}: {other:?}"),
        }
    }
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).description("Tab\there"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref v) if matches!(v.problem, Problem::Character { found: '\t', position: 4 }))
    );
    assert_eq!(
        sandbox.payments().len(),
        before,
        "nothing reached the sandbox"
    );
}

/// What the sandbox answers to requests the typed client would never send.
#[tokio::test]
async fn sandbox_answers_malformed_requests_with_the_apis_codes() {
    let (sandbox, _client) = setup(AuthMode::ApiKey).await;
    let http = reqwest::Client::new();
    let url = format!("{}/v3/payments", sandbox.base_url());
    let auth = format!("Bearer {}", sandbox.config().api_key);
    let cases: [(&str, Option<&str>, u16, &str); 8] = [
        ("", Some(auth.as_str()), 400, "BODY_MISSING"),
        (
            "{\"currency\":\"EUR\"}",
            Some(auth.as_str()),
            400,
            "FIELD_IS_REQUIRED",
        ),
        (
            "{\"amount\":0}",
            Some(auth.as_str()),
            400,
            "FIELD_IS_INVALID",
        ),
        (
            "{\"amount\":1000000}",
            Some(auth.as_str()),
            400,
            "FIELD_IS_INVALID",
        ),
        (
            "{\"amount\":100,\"reference\":\"ééééééééééééééééééééééééééééééééééééé\"}",
            Some(auth.as_str()),
            400,
            "FIELD_IS_INVALID",
        ),
        ("not json", Some(auth.as_str()), 400, "FIELD_IS_INVALID"),
        ("{\"amount\":100}", None, 401, "UNAUTHORIZED"),
        (
            "{\"amount\":100}",
            Some("Bearer wrong"),
            401,
            "UNAUTHORIZED",
        ),
    ];
    for (body, auth, status, code) in cases {
        let mut req = http
            .post(&url)
            .header("Content-Type", "application/json")
            .body(body.to_string());
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status().as_u16(), status, "{body}");
        let json: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(json["code"], code, "{body}");
        assert!(json["traceId"].is_string() && json["spanId"].is_string());
    }
    // The guide's own example sends the amount as a string.
    let resp = http
        .post(&url)
        .header("Authorization", &auth)
        .header("Content-Type", "application/json")
        .body(r#"{"amount":"1","currency":"EUR"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
    // Sticker payments need a posId.
    let resp = http
        .post(format!("{url}/pos"))
        .header("Authorization", &auth)
        .header("Content-Type", "application/json")
        .body(r#"{"amount":100}"#)
        .send()
        .await
        .unwrap();
    let json: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(json["code"], "FIELD_IS_REQUIRED");
}

#[tokio::test]
async fn wrong_credentials_are_unauthorized_in_both_modes() {
    let (sandbox, _) = setup(AuthMode::ApiKey).await;
    let mut account = sandbox.account(AuthMode::ApiKey, None);
    account.api_key = Some(kassa_core::payconiq::Secret::new("not-the-key"));
    let client = Client::new(account, quick_options()).unwrap();
    let err = client
        .get_payment("000000000000000000000000")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("UNAUTHORIZED"));
    assert_eq!(err.status(), Some(401));

    // A key the sandbox has never seen signs the request.
    let stranger = kassa_core::payconiq::jws::SigningKey::generate("stranger").unwrap();
    let mut account = sandbox.account(AuthMode::Jws, None);
    account.signing_key = Some(stranger);
    let client = Client::new(account, quick_options()).unwrap();
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("UNAUTHORIZED"));

    // JWS mode without a key is a configuration problem, caught before sending.
    let account = sandbox.account(AuthMode::Jws, None);
    let client = Client::new(account, quick_options()).unwrap();
    assert!(matches!(
        client.get_payment("x").await,
        Err(Error::Config(_))
    ));
}

/// One call to every payment endpoint in each auth mode, with the answers' signatures checked.
#[tokio::test]
async fn every_payment_endpoint_in_both_auth_modes() {
    for mode in MODES {
        let (sandbox, client) = setup(mode).await;
        sandbox.set_void_enabled(true);
        let p = charge(&client, 600).await;
        assert_eq!(
            client.get_payment(&p.payment_id).await.unwrap().payment_id,
            p.payment_id
        );
        let found = client
            .search_payments(
                &SearchCriteria {
                    reference: p.reference.clone(),
                    ..SearchCriteria::default()
                },
                0,
                10,
            )
            .await
            .unwrap();
        assert_eq!(found.details.len(), 1, "{mode:?}");
        sandbox.confirm(&p.payment_id, Money::default()).unwrap();
        wait_for(
            &client,
            &p.payment_id,
            PaymentStatus::PendingMerchantAcknowledgement,
        )
        .await;
        let ack = Acknowledge {
            amount: p.amount,
            currency: "EUR".into(),
            reference: p.reference.clone(),
        };
        client
            .acknowledge_payment(&p.payment_id, &ack)
            .await
            .unwrap();
        assert!(
            client
                .refund_iban(&p.payment_id)
                .await
                .unwrap()
                .starts_with("BE")
        );
        let pos = client
            .create_pos_payment(&CreatePosPayment {
                payment: CreatePayment::new(Money::from_cents(100)).reference(unique_reference()),
                pos_id: "POS9".into(),
                shop_id: None,
                shop_name: None,
            })
            .await
            .unwrap();
        client.cancel_payment(&pos.payment_id).await.unwrap();
    }
}

#[tokio::test]
async fn a_signature_for_another_profile_is_access_denied() {
    let (sandbox, _) = setup(AuthMode::Jws).await;
    let key = kassa_core::payconiq::jws::SigningKey::generate("merchant-key").unwrap();
    let mut account = sandbox.account(AuthMode::Jws, Some(key));
    account.profile_id = "someone-elses-profile".into();
    let client = Client::new(account, quick_options()).unwrap();
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ACCESS_DENIED"));
    assert_eq!(err.status(), Some(403));
}
