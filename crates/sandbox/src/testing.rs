//! Set-up shared by the tests of every crate: a sandbox on a free loopback port, a client for
//! it with quick retries, and short-cuts to a paid payment.

use std::time::Duration;

use crate::{Sandbox, SandboxConfig};
use kassa_core::money::Money;
use kassa_core::payconiq::jws::SigningKey;
use kassa_core::payconiq::model::{CreatePayment, Payment, PaymentStatus};
use kassa_core::payconiq::{AuthMode, Client, ClientOptions, RetryPolicy};

pub fn quick_options() -> ClientOptions {
    ClientOptions {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        retry: RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(40),
        },
    }
}

pub async fn sandbox_with(cfg: SandboxConfig) -> Sandbox {
    Sandbox::start(cfg, 0)
        .await
        .expect("sandbox starts on loopback")
}

/// A sandbox and a client in `mode`; the client always has a signing key (refunds need one).
pub async fn setup_with(mode: AuthMode, cfg: SandboxConfig) -> (Sandbox, Client) {
    let sandbox = sandbox_with(cfg).await;
    let key = SigningKey::generate("test-merchant-key").unwrap();
    let account = sandbox.account(mode, Some(key));
    let client = Client::new(account, quick_options()).unwrap();
    (sandbox, client)
}

pub async fn setup(mode: AuthMode) -> (Sandbox, Client) {
    setup_with(mode, SandboxConfig::for_tests()).await
}

pub fn unique_reference() -> String {
    format!("T-{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
}

pub async fn charge(client: &Client, cents: i64) -> Payment {
    client
        .create_payment(
            &CreatePayment::new(Money::from_cents(cents))
                .description("Test payment")
                .reference(unique_reference()),
        )
        .await
        .expect("payment created")
}

/// Polls until the payment reaches `status` (or fails after two seconds).
pub async fn wait_for(client: &Client, id: &str, status: PaymentStatus) -> Payment {
    for _ in 0..100 {
        let p = client.get_payment(id).await.expect("get payment");
        if p.status == status {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("payment {id} never reached {status}");
}

/// A paid payment (customer scanned and confirmed).
pub async fn paid(sandbox: &Sandbox, client: &Client, cents: i64, tip: i64) -> Payment {
    let p = charge(client, cents).await;
    sandbox
        .confirm(&p.payment_id, Money::from_cents(tip))
        .unwrap();
    wait_for(client, &p.payment_id, PaymentStatus::Succeeded).await
}

/// An API-key client for `sandbox`.
pub fn api_key_client(sandbox: &Sandbox) -> Client {
    Client::new(sandbox.account(AuthMode::ApiKey, None), quick_options()).unwrap()
}

/// [`wait_for`] with a client of its own.
pub async fn wait_for_status(sandbox: &Sandbox, id: &str, status: PaymentStatus) -> Payment {
    wait_for(&api_key_client(sandbox), id, status).await
}

/// A new payment of `cents` in `sandbox`; its id.
pub async fn charge_in(sandbox: &Sandbox, cents: i64) -> String {
    charge(&api_key_client(sandbox), cents).await.payment_id
}

/// What is left of a D24 deposit in `sandbox`, as its control endpoint
/// `GET /sandbox/d24/deposits` says ("12.50").
pub async fn d24_left(sandbox: &Sandbox, deposit: u64) -> String {
    let list: serde_json::Value =
        reqwest::get(format!("{}/sandbox/d24/deposits", sandbox.base_url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|d| d["deposit_id"] == deposit)
        .map(|d| d["remaining"].as_str().unwrap().to_string())
        .unwrap()
}

/// A port on 127.0.0.1 where nothing listens, and the socket that keeps it so: bound, never
/// listening, so a connection is refused at once and no other test can take the port (a
/// listener bound and dropped frees its port for whoever binds next).
pub fn closed_port() -> (tokio::net::TcpSocket, u16) {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
        .expect("bound on loopback");
    let port = socket.local_addr().expect("its address").port();
    (socket, port)
}

/// An HTTP client for the sandbox's control endpoints: every request carries the header they
/// need (see `guard.rs`).
pub fn control_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        crate::guard::CONTROL_HEADER,
        reqwest::header::HeaderValue::from_static("1"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("an HTTP client")
}
