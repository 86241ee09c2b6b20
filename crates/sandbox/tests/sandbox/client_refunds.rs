//! Refunds and reconciliation: JWS only, idempotent by key, partial and repeated up to the
//! amount paid, and payouts derived from what was paid.

use kassa_core::money::Money;
use kassa_core::payconiq::model::{CreateRefund, PaymentStatus, RefundStatus};
use kassa_core::payconiq::reconciliation::PayoutFilter;
use kassa_core::payconiq::{AuthMode, Client, Error};
use kassa_sandbox::SandboxConfig;
use kassa_sandbox::testing::*;
use time::OffsetDateTime;

fn refund(cents: i64, description: &str) -> CreateRefund {
    CreateRefund {
        amount: Money::from_cents(cents),
        currency: "EUR".into(),
        description: Some(description.into()),
    }
}

#[tokio::test]
async fn partial_and_repeated_refunds_up_to_the_amount_paid() {
    // Payments may use the API key; refunds always sign.
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = paid(&sandbox, &client, 1000, 200).await;
    let id = &p.payment_id;

    let first = client
        .create_refund(id, &refund(700, "Retour"), "key-1")
        .await
        .unwrap();
    assert_eq!(first.status, RefundStatus::Pending);
    assert_eq!(first.amount.cents(), 700);
    let second = client
        .create_refund(id, &refund(500, "Retour 2"), "key-2")
        .await
        .unwrap();
    assert_ne!(first.refund_id, second.refund_id);

    // 1200 paid (1000 + 200 tip), 1200 refunded: nothing is left.
    let err = client
        .create_refund(id, &refund(1, "Te veel"), "key-3")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("INVALID_REFUND_AMOUNT"));

    // Refunds settle.
    let mut settled = client.get_refund(id, &first.refund_id).await.unwrap();
    for _ in 0..50 {
        if settled.status == RefundStatus::Refunded {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        settled = client.get_refund(id, &first.refund_id).await.unwrap();
    }
    assert_eq!(settled.status, RefundStatus::Refunded);

    let err = client
        .get_refund(id, "000000000000000000000000")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("REFUND_NOT_FOUND"));
}

#[tokio::test]
async fn refunds_are_idempotent_by_key() {
    let (sandbox, client) = setup(AuthMode::Jws).await;
    let p = paid(&sandbox, &client, 1500, 0).await;
    let id = &p.payment_id;
    let a = client
        .create_refund(id, &refund(500, "Retour"), "same-key")
        .await
        .unwrap();
    let b = client
        .create_refund(id, &refund(500, "Retour"), "same-key")
        .await
        .unwrap();
    assert_eq!(
        a.refund_id, b.refund_id,
        "same key and body give the same refund"
    );

    let err = client
        .create_refund(id, &refund(600, "Retour"), "same-key")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("REFUND_REQUEST_CONFLICT"));

    // Only one refund of 500 exists, so 1000 can still be refunded.
    client
        .create_refund(id, &refund(1000, "Rest"), "other-key")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_failed_refund_frees_its_amount() {
    let (sandbox, client) = setup(AuthMode::Jws).await;
    let p = paid(&sandbox, &client, 800, 0).await;
    let r = client
        .create_refund(&p.payment_id, &refund(800, "Alles"), "k1")
        .await
        .unwrap();
    sandbox.fail_refund(&r.refund_id).unwrap();
    assert_eq!(
        client
            .get_refund(&p.payment_id, &r.refund_id)
            .await
            .unwrap()
            .status,
        RefundStatus::Failed
    );
    client
        .create_refund(&p.payment_id, &refund(800, "Opnieuw"), "k2")
        .await
        .unwrap();
}

#[tokio::test]
async fn refund_errors() {
    let cfg = SandboxConfig {
        iban_delay: time::Duration::days(1),
        ..SandboxConfig::for_tests()
    };
    let (sandbox, client) = setup_with(AuthMode::Jws, cfg).await;
    let p = paid(&sandbox, &client, 800, 0).await;
    let err = client
        .create_refund(&p.payment_id, &refund(100, "x"), "k")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("DEBTOR_IBAN_NOT_AVAILABLE"));
    let err = client.refund_iban(&p.payment_id).await.unwrap_err();
    assert_eq!(err.code(), Some("REFUND_NOT_AVAILABLE"));

    let pending = charge(&client, 800).await;
    let err = client
        .create_refund(&pending.payment_id, &refund(100, "x"), "k")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("REFUND_NOT_POSSIBLE"));
    let err = client
        .create_refund("000000000000000000000000", &refund(100, "x"), "k")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("PAYMENT_NOT_FOUND"));

    // Refunds refuse API keys: without a signing key the client does not even try.
    let mut account = sandbox.account(AuthMode::ApiKey, None);
    account.signing_key = None;
    let keyless = Client::new(account, quick_options()).unwrap();
    assert!(matches!(
        keyless
            .create_refund(&p.payment_id, &refund(100, "x"), "k")
            .await,
        Err(Error::Config(_))
    ));
    // And the sandbox refuses one sent anyway.
    let resp = reqwest::Client::new()
        .post(format!(
            "{}/v3/payments/{}/refunds",
            sandbox.base_url(),
            p.payment_id
        ))
        .header(
            "Authorization",
            format!("Bearer {}", sandbox.config().api_key),
        )
        .header("Idempotency-Key", "k")
        .header("Content-Type", "application/json")
        .body(r#"{"amount":100,"currency":"EUR"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
}

#[tokio::test]
async fn refund_iban_of_a_paid_payment() {
    let (sandbox, client) = setup(AuthMode::ApiKey).await;
    let p = paid(&sandbox, &client, 800, 0).await;
    let iban = client.refund_iban(&p.payment_id).await.unwrap();
    assert!(iban.starts_with("BE") && iban.len() == 16, "{iban}");
    let masked = p.debtor.unwrap().iban.unwrap();
    assert!(masked.ends_with(&iban[iban.len() - 5..]));
}

#[tokio::test]
async fn payouts_add_up_and_page() {
    // Payouts appear at once instead of the next morning.
    let cfg = SandboxConfig {
        payout_delay: time::Duration::days(-1),
        ..SandboxConfig::for_tests()
    };
    let (sandbox, client) = setup_with(AuthMode::Jws, cfg).await;
    let mut paid_total = 0;
    for cents in [1000, 250, 399, 1200, 75] {
        paid(&sandbox, &client, cents, 0).await;
        paid_total += cents;
    }
    let p = paid(&sandbox, &client, 500, 0).await;
    paid_total += 500;
    let r = client
        .create_refund(&p.payment_id, &refund(200, "Deel"), "r1")
        .await
        .unwrap();
    for _ in 0..50 {
        if client
            .get_refund(&p.payment_id, &r.refund_id)
            .await
            .unwrap()
            .status
            == RefundStatus::Refunded
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // A pending payment is not paid out.
    charge(&client, 999).await;

    let today = OffsetDateTime::now_utc().date();
    let payouts = client.payouts(today, 0, 100).await.unwrap();
    assert_eq!(payouts.items.len(), 1);
    let payout = &payouts.items[0];
    assert_eq!(payout.total_payments, 6);
    assert_eq!(payout.total_payment_amount.cents(), paid_total);
    assert_eq!(payout.total_refund_amount.cents(), 200);
    assert_eq!(payout.payout_amount.cents(), paid_total - 200);

    let by_payout = PayoutFilter::Payout(payout.payout_id.clone());
    let page0 = client.payout_payments(&by_payout, 0, 4).await.unwrap();
    assert_eq!(
        (page0.items.len(), page0.total_elements, page0.total_pages),
        (4, 6, 2)
    );
    let page1 = client.payout_payments(&by_payout, 1, 4).await.unwrap();
    assert_eq!(page1.items.len(), 2);
    let sum: i64 = page0
        .items
        .iter()
        .chain(&page1.items)
        .map(|t| t.amount.cents())
        .sum();
    assert_eq!(sum, paid_total);

    let refunds = client.payout_refunds(&by_payout, 0, 10).await.unwrap();
    assert_eq!(refunds.items.len(), 1);
    assert_eq!(
        refunds.items[0].refund_id.as_deref(),
        Some(r.refund_id.as_str())
    );

    let range = PayoutFilter::Dates {
        start: today,
        end: today,
    };
    assert_eq!(
        client
            .payout_payments(&range, 0, 100)
            .await
            .unwrap()
            .items
            .len(),
        6
    );

    let err = client
        .payout_payments(
            &PayoutFilter::Payout("000000000000000000000000".into()),
            0,
            10,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("PAYOUT_NOT_FOUND"));
    // More than 30 days is refused before sending.
    let too_wide = PayoutFilter::Dates {
        start: today - time::Duration::days(31),
        end: today,
    };
    assert!(matches!(
        client.payout_payments(&too_wide, 0, 10).await,
        Err(Error::Config(_))
    ));
    // …and by the sandbox too.
    let payment_status = client.get_payment(&p.payment_id).await.unwrap().status;
    assert_eq!(payment_status, PaymentStatus::Succeeded);
}

#[tokio::test]
async fn demo_history_fills_weeks_of_payouts() {
    let cfg = SandboxConfig {
        demo_days: 21,
        ..SandboxConfig::for_tests()
    };
    let (_sandbox, client) = setup_with(AuthMode::Jws, cfg).await;
    let day = OffsetDateTime::now_utc().date() - time::Duration::days(3);
    let payouts = client.payouts(day, 0, 10).await.unwrap();
    assert_eq!(payouts.items.len(), 1, "one payout for the day before");
    let payout = &payouts.items[0];
    assert!(payout.total_payments > 0);
    let lines = client
        .payout_payments(&PayoutFilter::Payout(payout.payout_id.clone()), 0, 1000)
        .await
        .unwrap();
    let sum: i64 = lines.items.iter().map(|t| t.amount.cents()).sum();
    assert_eq!(sum, payout.total_payment_amount.cents());

    let criteria = kassa_core::payconiq::model::SearchCriteria {
        from: Some(OffsetDateTime::now_utc() - time::Duration::days(22)),
        ..Default::default()
    };
    let history = client.search_all(&criteria, 10_000).await.unwrap();
    assert!(history.len() > 21 * 5, "{} payments", history.len());
}
