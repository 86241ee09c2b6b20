//! Network faults injected by the sandbox: retries where they are safe, a create whose outcome
//! is unknown resolved by its reference, and tampered answers refused.

use kassa_core::money::Money;
use kassa_core::payconiq::model::{CreatePayment, CreateRefund};
use kassa_core::payconiq::{AuthMode, Error};
use kassa_sandbox::testing::*;
use kassa_sandbox::{Fault, FaultKind};

fn fault(endpoint: &str, kind: FaultKind, count: u32) -> Fault {
    Fault::new(endpoint, kind, Some(count))
}

#[tokio::test]
async fn reads_survive_429_503_and_dropped_connections() {
    for mode in [AuthMode::ApiKey, AuthMode::Jws] {
        let (sandbox, client) = setup(mode).await;
        let p = charge(&client, 700).await;
        for kind in [
            FaultKind::Status { status: 429 },
            FaultKind::Status { status: 503 },
            FaultKind::Status { status: 500 },
            FaultKind::Drop,
        ] {
            sandbox.inject(fault("get", kind.clone(), 2));
            let got = client.get_payment(&p.payment_id).await;
            assert_eq!(
                got.map(|g| g.payment_id).ok(),
                Some(p.payment_id.clone()),
                "{kind:?}"
            );
        }
        // More failures than attempts: the error is reported, and is transient.
        sandbox.inject(fault("get", FaultKind::Status { status: 503 }, 10));
        let err = client.get_payment(&p.payment_id).await.unwrap_err();
        assert_eq!(err.status(), Some(503));
        assert!(err.is_transient());
        sandbox.clear_faults();
    }
}

#[tokio::test]
async fn cancel_and_refund_retry_safely() {
    let (sandbox, client) = setup(AuthMode::Jws).await;
    let p = charge(&client, 700).await;
    sandbox.inject(fault("cancel", FaultKind::Status { status: 503 }, 1));
    client.cancel_payment(&p.payment_id).await.unwrap();

    let paid = paid(&sandbox, &client, 900, 0).await;
    let body = CreateRefund {
        amount: Money::from_cents(900),
        currency: "EUR".into(),
        description: None,
    };
    // The first attempt is processed but its answer is lost; the retry with the same key
    // returns the same refund instead of refunding twice.
    sandbox.inject(fault("refund-create", FaultKind::Drop, 1));
    let r = client
        .create_refund(&paid.payment_id, &body, "drop-key")
        .await
        .unwrap();
    let again = client
        .create_refund(&paid.payment_id, &body, "drop-key")
        .await
        .unwrap();
    assert_eq!(r.refund_id, again.refund_id);
}

#[tokio::test]
async fn a_lost_create_answer_is_resolved_by_reference_not_by_charging_twice() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let reference = unique_reference();
    sandbox.inject(fault("create", FaultKind::Drop, 1));
    let p = client
        .create_payment(&CreatePayment::new(Money::from_cents(1234)).reference(reference.clone()))
        .await
        .expect("found by its reference");
    assert_eq!(p.reference.as_deref(), Some(reference.as_str()));
    let same_reference: Vec<_> = sandbox
        .payments()
        .into_iter()
        .filter(|x| x.reference.as_deref() == Some(reference.as_str()))
        .collect();
    assert_eq!(same_reference.len(), 1, "exactly one payment was created");
    assert_eq!(same_reference[0].payment_id, p.payment_id);
}

#[tokio::test]
async fn a_create_refused_by_the_provider_is_not_invented() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    // 503 before processing: the search finds nothing, so the original error stands.
    sandbox.inject(fault("create", FaultKind::Status { status: 503 }, 1));
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).reference(unique_reference()))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    // 429 means "not processed": the client waits and tries again.
    sandbox.inject(fault("create", FaultKind::Status { status: 429 }, 1));
    client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).reference(unique_reference()))
        .await
        .unwrap();
    // No reference and no answer: the outcome is honestly unknown.
    sandbox.inject(fault("create", FaultKind::Drop, 1));
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UnknownOutcome { reference: None }));
    // And when the search fails too, the reference is handed back for a later look-up.
    sandbox.inject(fault("create", FaultKind::Drop, 1));
    sandbox.inject(fault("search", FaultKind::Status { status: 503 }, 10));
    let reference = unique_reference();
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).reference(reference.clone()))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::UnknownOutcome {
            reference: Some(reference)
        }
    );
}

#[tokio::test]
async fn tampered_answers_are_errors_never_data() {
    for mode in [AuthMode::ApiKey, AuthMode::Jws] {
        let (sandbox, client) = setup(mode).await;
        let p = charge(&client, 4242).await;
        sandbox.inject(fault("get", FaultKind::Tamper, 10));
        let err = client.get_payment(&p.payment_id).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::Signature(kassa_core::payconiq::jws::SignatureError::Mismatch)
            ),
            "{err:?}"
        );
        assert!(
            !err.is_transient(),
            "a tampered answer is not retried into acceptance"
        );
        sandbox.clear_faults();
        // A tampered empty answer (cancel's 204) is refused too.
        sandbox.inject(fault("cancel", FaultKind::Tamper, 1));
        assert!(matches!(
            client.cancel_payment(&p.payment_id).await,
            Err(Error::Signature(_))
        ));
    }
}

#[tokio::test]
async fn latency_within_the_timeout_is_just_slow() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = charge(&client, 100).await;
    sandbox.inject(fault("get", FaultKind::Latency { ms: 300 }, 1));
    client.get_payment(&p.payment_id).await.unwrap();
}

#[tokio::test]
async fn timeouts_are_retried_for_reads() {
    let (sandbox, _) = setup(AuthMode::ApiKey).await;
    let mut options = quick_options();
    options.timeout = std::time::Duration::from_millis(600);
    let client =
        kassa_core::payconiq::Client::new(sandbox.account(AuthMode::ApiKey, None), options)
            .unwrap();
    let p = charge(&client, 100).await;
    sandbox.inject(fault("get", FaultKind::Latency { ms: 2000 }, 1));
    client.get_payment(&p.payment_id).await.unwrap();
    sandbox.inject(fault("get", FaultKind::Latency { ms: 2000 }, 10));
    let err = client.get_payment(&p.payment_id).await.unwrap_err();
    assert!(matches!(
        err,
        Error::Transport {
            kind: kassa_core::payconiq::error::TransportKind::Timeout,
            ..
        }
    ));
}

#[tokio::test]
async fn faults_can_be_set_over_http() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let http = kassa_sandbox::testing::control_client();
    let resp = http
        .post(format!("{}/sandbox/faults", sandbox.base_url()))
        .body(r#"{"endpoint":"get","kind":"status","status":503,"count":10}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    let p = charge(&client, 100).await;
    assert_eq!(
        client
            .get_payment(&p.payment_id)
            .await
            .unwrap_err()
            .status(),
        Some(503)
    );
    http.delete(format!("{}/sandbox/faults", sandbox.base_url()))
        .send()
        .await
        .unwrap();
    client.get_payment(&p.payment_id).await.unwrap();
}

#[tokio::test]
async fn a_reused_reference_does_not_pass_for_a_lost_payment() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let reference = unique_reference();
    // An earlier sale used the same (hand-typed) reference for another amount.
    client
        .create_payment(&CreatePayment::new(Money::from_cents(500)).reference(reference.clone()))
        .await
        .unwrap();
    // This create fails before processing: the earlier payment must not be taken for it.
    sandbox.inject(fault("create", FaultKind::Status { status: 503 }, 1));
    let err = client
        .create_payment(&CreatePayment::new(Money::from_cents(700)).reference(reference))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
}

/// The provider's clock minutes off the till's (either way): a create whose answer was lost is
/// still found by its reference, judged by the provider's clock (its `Date` header).
#[tokio::test]
async fn a_lost_create_is_found_whatever_the_clock_difference() {
    for minutes in [5, -5] {
        let cfg = kassa_sandbox::SandboxConfig {
            clock_offset: time::Duration::minutes(minutes),
            ..kassa_sandbox::SandboxConfig::for_tests()
        };
        let (sandbox, client) = setup_with(AuthMode::ApiKey, cfg).await;
        let reference = unique_reference();
        sandbox.inject(fault("create", FaultKind::Drop, 1));
        let p = client
            .create_payment(
                &CreatePayment::new(Money::from_cents(1500)).reference(reference.clone()),
            )
            .await
            .unwrap_or_else(|e| panic!("{minutes} min: not found: {e:?}"));
        assert_eq!(p.reference.as_deref(), Some(reference.as_str()));
        let offset = client.provider_offset().expect("read from the Date header");
        assert!(
            (offset - time::Duration::minutes(minutes)).abs() < time::Duration::seconds(2),
            "{offset}"
        );
        // The journal's look-up after a restart finds it the same way.
        let dir = tempfile::tempdir().unwrap();
        let journal = kassa_ledger::journal::Journal::open(&dir.path().join("j.sqlite")).unwrap();
        let reference = unique_reference();
        let attempt = kassa_ledger::journal::Attempt {
            reference: reference.clone(),
            amount: Money::from_cents(900),
            description: None,
            pos_id: None,
            account: kassa_ledger::journal::SANDBOX.into(),
            at: time::OffsetDateTime::now_utc(),
        };
        journal.record_attempt(attempt).await.unwrap();
        sandbox.inject(fault("create", FaultKind::Drop, 1));
        let _ = client
            .create_payment(
                &CreatePayment::new(Money::from_cents(900)).reference(reference.clone()),
            )
            .await;
        let entry = journal.entry(&reference).await.unwrap().unwrap();
        let found = kassa_ledger::recovery::resolve_once(
            &client,
            &journal,
            &entry,
            time::OffsetDateTime::now_utc(),
            kassa_ledger::recovery::CREATE_WINDOW,
        )
        .await
        .unwrap();
        assert!(
            matches!(found, kassa_ledger::recovery::Resolution::Found(_)),
            "{minutes} min: {found:?}"
        );
    }
}
