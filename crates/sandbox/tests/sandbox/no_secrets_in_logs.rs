//! Secrets never reach the logs: everything the engine logs at any level, through successes,
//! refusals and retries, is captured and searched for the API key and the private key.

use std::io::Write;
use std::sync::{Arc, Mutex};

use kassa_core::money::Money;
use kassa_core::payconiq::jws::SigningKey;
use kassa_core::payconiq::model::{CreatePayment, CreateRefund};
use kassa_core::payconiq::{AuthMode, Client, Secret};
use kassa_sandbox::{Fault, FaultKind, SandboxConfig};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_secret_is_logged() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(capture.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let api_key = "sk-live-DO-NOT-LOG-4242";
    let cfg = SandboxConfig {
        api_key: api_key.into(),
        ..SandboxConfig::for_tests()
    };
    let sandbox = kassa_sandbox::testing::sandbox_with(cfg).await;
    let key = SigningKey::generate("log-test").unwrap();
    let pem = key.to_pem();
    let mut account = sandbox.account(AuthMode::ApiKey, Some(key));
    account.api_key = Some(Secret::new(api_key));
    tracing::info!(?account, "account in use");
    let client = Client::new(account.clone(), kassa_sandbox::testing::quick_options()).unwrap();

    // Success, a retried read, a lost create, a refused key, a refund (signed with the key).
    let p = client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).reference("log-1"))
        .await
        .unwrap();
    sandbox.inject(Fault::new(
        "get",
        FaultKind::Status { status: 503 },
        Some(2),
    ));
    client.get_payment(&p.payment_id).await.unwrap();
    sandbox.inject(Fault::new("create", FaultKind::Drop, Some(1)));
    client
        .create_payment(&CreatePayment::new(Money::from_cents(100)).reference("log-2"))
        .await
        .unwrap();
    sandbox.confirm(&p.payment_id, Money::default()).unwrap();
    kassa_sandbox::testing::wait_for(
        &client,
        &p.payment_id,
        kassa_core::payconiq::model::PaymentStatus::Succeeded,
    )
    .await;
    let refund = CreateRefund {
        amount: Money::from_cents(50),
        currency: "EUR".into(),
        description: None,
    };
    client
        .create_refund(&p.payment_id, &refund, "log-key")
        .await
        .unwrap();
    let mut wrong = account.clone();
    wrong.api_key = Some(Secret::new("sk-wrong-ALSO-SECRET"));
    let err = Client::new(wrong, kassa_sandbox::testing::quick_options())
        .unwrap()
        .get_payment(&p.payment_id)
        .await
        .unwrap_err();
    tracing::warn!(error = %err, ?err, "refused");

    let logged = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        logged.contains("retrying"),
        "the capture saw the engine's logs:\n{logged}"
    );
    assert!(logged.contains("account in use"));
    for secret in [api_key, "sk-wrong-ALSO-SECRET", "PRIVATE KEY"] {
        assert!(!logged.contains(secret), "'{secret}' leaked into the logs");
    }
    let pem_body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    assert!(!logged.contains(&pem_body[..20]));
}
