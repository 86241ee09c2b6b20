//! The embedded sandbox behaves like the real service across restarts: payments, refunds, its
//! signing key and its port (so ids and URLs) survive when it keeps its state in a file.

use std::time::Duration;

use kassa_core::money::Money;
use kassa_core::payconiq::model::{CreateRefund, PaymentStatus};
use kassa_core::payconiq::{AuthMode, Client};
use kassa_sandbox::{Sandbox, SandboxConfig};

fn cfg(dir: &std::path::Path) -> SandboxConfig {
    SandboxConfig {
        state_file: Some(dir.join("sandbox.json")),
        ..SandboxConfig::for_tests()
    }
}

fn refund_request() -> CreateRefund {
    CreateRefund {
        amount: Money::from_cents(500),
        currency: "EUR".into(),
        description: Some("persist".into()),
    }
}

fn client_for(sandbox: &Sandbox) -> Client {
    let key = kassa_core::payconiq::jws::SigningKey::generate("persist-test").unwrap();
    Client::new(
        sandbox.account(AuthMode::ApiKey, Some(key)),
        kassa_sandbox::testing::quick_options(),
    )
    .unwrap()
}

/// Waits until the saver has written a state that mentions `needle`.
async fn saved(dir: &std::path::Path, needle: &str) {
    for _ in 0..100 {
        if std::fs::read_to_string(dir.join("sandbox.json")).is_ok_and(|s| s.contains(needle)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the sandbox state never mentioned {needle}");
}

#[tokio::test(flavor = "multi_thread")]
async fn payments_refunds_keys_and_urls_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let first = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    let base = first.base_url().to_string();
    let client = client_for(&first);
    let paid = kassa_sandbox::testing::paid(&first, &client, 1250, 100).await;
    let pending = kassa_sandbox::testing::charge(&client, 300).await;
    let refund = client
        .create_refund(&paid.payment_id, &refund_request(), "persist-key")
        .await
        .unwrap();
    saved(dir.path(), &refund.refund_id).await;
    let before = first.payments();
    drop(first);
    tokio::time::sleep(Duration::from_millis(100)).await;

    let second = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    assert_eq!(
        second.base_url(),
        base,
        "the same port, so every URL stays valid"
    );
    assert_eq!(second.payments().len(), before.len());
    let client = client_for(&second);
    let again = client.get_payment(&paid.payment_id).await.unwrap();
    assert_eq!(again.status, PaymentStatus::Succeeded);
    assert_eq!(again.total_amount, Some(Money::from_cents(1350)));
    assert_eq!(again.deeplink(), paid.deeplink());
    let still = client.get_payment(&pending.payment_id).await.unwrap();
    assert_eq!(still.status, PaymentStatus::Pending);
    let kept = client
        .get_refund(&paid.payment_id, &refund.refund_id)
        .await
        .unwrap();
    assert_eq!(kept.amount, Money::from_cents(500));
    // The same idempotency key still finds the same refund: nothing is refunded twice.
    let repeat = client
        .create_refund(&paid.payment_id, &refund_request(), "persist-key")
        .await
        .unwrap();
    assert_eq!(repeat.refund_id, refund.refund_id);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_taken_port_moves_the_links_and_a_damaged_file_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let first = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    let client = client_for(&first);
    let p = kassa_sandbox::testing::charge(&client, 700).await;
    saved(dir.path(), &p.payment_id).await;
    let port = first.addr().port();
    drop(first);
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Something else takes the port meanwhile.
    let _squatter = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let second = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    assert_ne!(second.addr().port(), port);
    let client = client_for(&second);
    let again = client.get_payment(&p.payment_id).await.unwrap();
    assert!(
        again.deeplink().unwrap().starts_with(second.base_url()),
        "links follow the new port: {:?}",
        again.deeplink()
    );
    drop(second);
    tokio::time::sleep(Duration::from_millis(100)).await;

    std::fs::write(dir.path().join("sandbox.json"), b"{ damaged").unwrap();
    let third = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    assert!(third.payments().is_empty(), "starts afresh");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), b"{ damaged");
}

/// The D24 side survives a restart too: its refunds, what is left of each deposit, and the
/// answers kept by idempotency key (a request resent after the restart makes no second refund).
#[tokio::test(flavor = "multi_thread")]
async fn d24_refunds_survive_a_restart() {
    use kassa_core::d24::{AccountType, Amount, BankAccount, Method, RefundRequest};
    let dir = tempfile::tempdir().unwrap();
    let first = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    let (base, credentials) = first.d24();
    let client = kassa_core::d24::Client::new(
        &base,
        credentials.clone(),
        &kassa_sandbox::testing::quick_options(),
    )
    .unwrap();
    let request = RefundRequest::new(
        Method::Other,
        300_000_005,
        "KASSA-D24-0005",
        Some(&Amount::parse_api("20", "EUR").unwrap()),
        Some(BankAccount {
            beneficiary: "Marie".into(),
            bank_code: 7,
            branch: "12".into(),
            account_number: "55501234".into(),
            account_type: AccountType::Checking,
            document_id: None,
        }),
        None,
    )
    .unwrap();
    let made = client
        .create_refund(&request, "persist-d24-key")
        .await
        .unwrap();
    saved(dir.path(), "persist-d24-key").await;
    drop(first);
    tokio::time::sleep(Duration::from_millis(100)).await;

    let second = Sandbox::start(cfg(dir.path()), 0).await.unwrap();
    let client = kassa_core::d24::Client::new(
        &second.d24().0,
        credentials,
        &kassa_sandbox::testing::quick_options(),
    )
    .unwrap();
    let state = client.refund(&made.refund_id).await.unwrap();
    assert_eq!(state.deposit_id, Some(300_000_005));
    let again = client
        .create_refund(&request, "persist-d24-key")
        .await
        .unwrap();
    assert_eq!(
        again.refund_id, made.refund_id,
        "the same answer, no second refund"
    );
    let cash = second
        .d24_deposits()
        .into_iter()
        .find(|d| d.deposit_id == 300_000_005)
        .unwrap();
    assert_eq!(cash.remaining.to_api(), "40.00");
}
