//! The D24 client against the sandbox's D24 side over real HTTP on 127.0.0.1: every refund
//! case the docs name, authentication failures, asynchronous results, notifications, and a
//! dropped answer retried with the same idempotency key.

use std::time::Duration;

use kassa_core::d24::model::{Created, RefundState};
use kassa_core::d24::{
    AccountType, Amount, BankAccount, Client, Credentials, Error, Method, RefundRequest,
    RefundStatus,
};
use kassa_core::secret::Secret;
use kassa_sandbox::testing::{d24_left as remaining, quick_options};
use kassa_sandbox::{Fault, FaultKind, Sandbox, SandboxConfig};

async fn setup() -> (Sandbox, Client) {
    setup_with(SandboxConfig::for_tests()).await
}

async fn setup_with(cfg: SandboxConfig) -> (Sandbox, Client) {
    let sandbox = kassa_sandbox::testing::sandbox_with(cfg).await;
    let (base, credentials) = sandbox.d24();
    let client = Client::new(&base, credentials, &quick_options()).unwrap();
    (sandbox, client)
}

fn account(number: &str) -> BankAccount {
    BankAccount {
        beneficiary: "Carlos Ramirez".into(),
        bank_code: 1,
        branch: "9283".into(),
        account_number: number.into(),
        account_type: AccountType::Saving,
        document_id: None,
    }
}

fn eur(text: &str) -> Amount {
    Amount::parse_api(text, "EUR").unwrap()
}

fn bank_refund(deposit: u64, invoice: &str, amount: &str, number: &str) -> RefundRequest {
    RefundRequest::new(
        Method::Other,
        deposit,
        invoice,
        Some(&eur(amount)),
        Some(account(number)),
        Some("Returned goods"),
    )
    .unwrap()
}

fn card_refund(deposit: u64, invoice: &str) -> RefundRequest {
    RefundRequest::new(Method::Card, deposit, invoice, None, None, None).unwrap()
}

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Reads the refund until its status is final (or gives up after 5 s).
async fn follow(client: &Client, id: &str) -> RefundState {
    for _ in 0..100 {
        let state = client.refund(id).await.unwrap();
        if state.status.is_final() {
            return state;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("refund {id} never settled");
}

fn api_code(e: &Error) -> (Option<u16>, Option<u32>) {
    match e {
        Error::Api(f) => (Some(f.status), f.code),
        _ => (None, None),
    }
}

#[tokio::test]
async fn a_card_deposit_is_refunded_in_full_once() {
    let (sandbox, client) = setup().await;
    let created = client
        .create_refund(&card_refund(300_000_001, "KASSA-D24-0001"), &key())
        .await
        .unwrap();
    assert_eq!(created.status(), RefundStatus::Completed);
    let info = created.refund_info.as_ref().unwrap();
    assert_eq!(info.amount.as_deref(), Some("45.00"));
    assert_eq!(info.currency.as_deref(), Some("EUR"));
    let state = client.refund(&created.refund_id).await.unwrap();
    assert_eq!(state.status, RefundStatus::Completed);
    assert_eq!(remaining(&sandbox, 300_000_001).await, "0.00");
    // A second refund of the same card deposit: nothing is left. (A second later: the same
    // body signed in the same second under a new key is what a replay looks like, refused.)
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let again = client
        .create_refund(&card_refund(300_000_001, "KASSA-D24-0001"), &key())
        .await
        .unwrap_err();
    assert_eq!(api_code(&again), (Some(400), Some(802)));
    // A partial amount on a card is refused by D24 too (the client refuses it before sending).
    let mut partial = card_refund(300_000_007, "KASSA-D24-0007");
    partial.amount = Some("100.00".into());
    let e = client.create_refund(&partial, &key()).await.unwrap_err();
    assert_eq!(api_code(&e), (Some(400), Some(802)));
    // Exact amounts in another currency: 505.95 MXN, read without floats.
    let mxn = client
        .create_refund(&card_refund(300_000_007, "KASSA-D24-0007"), &key())
        .await
        .unwrap();
    let info = mxn.refund_info.unwrap();
    let amount = Amount::parse_api(info.amount.as_deref().unwrap(), "MXN").unwrap();
    assert_eq!(amount.minor(), 50595);
}

#[tokio::test]
async fn a_bank_deposit_is_refunded_in_parts_up_to_its_amount() {
    let (sandbox, client) = setup().await;
    let mut ids = Vec::new();
    for amount in ["50.00", "50", "19.99"] {
        // A second apart: "50" is "50.00" on the wire, and the same body signed in the same
        // second under a new key is what a replay looks like (refused).
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let created: Created = client
            .create_refund(
                &bank_refund(300_000_004, "KASSA-D24-0004", amount, "18293435"),
                &key(),
            )
            .await
            .unwrap();
        assert_eq!(created.status(), RefundStatus::Pending, "{amount}");
        assert!(created.refund_info.is_none());
        ids.push(created.refund_id);
    }
    assert_eq!(remaining(&sandbox, 300_000_004).await, "0.01");
    // One cent more than is left: 802, and nothing changes.
    let over = client
        .create_refund(
            &bank_refund(300_000_004, "KASSA-D24-0004", "0.02", "18293435"),
            &key(),
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&over), (Some(400), Some(802)));
    assert_eq!(remaining(&sandbox, 300_000_004).await, "0.01");
    // The last cent still goes.
    client
        .create_refund(
            &bank_refund(300_000_004, "KASSA-D24-0004", "0.01", "18293435"),
            &key(),
        )
        .await
        .unwrap();
    for id in &ids {
        let state = follow(&client, id).await;
        assert_eq!(state.status, RefundStatus::Completed);
        assert_eq!(state.deposit_id, Some(300_000_004));
        assert_eq!(state.merchant_invoice_id.as_deref(), Some("KASSA-D24-0004"));
    }
    let first = client.refund(&ids[0]).await.unwrap();
    assert_eq!(
        Amount::parse_api(first.amount.as_deref().unwrap(), "EUR").unwrap(),
        eur("50")
    );
}

#[tokio::test]
async fn over_refund_missing_account_and_unknown_deposit_get_d24s_codes() {
    let (_sandbox, client) = setup().await;
    let over = client
        .create_refund(
            &bank_refund(300_000_005, "KASSA-D24-0005", "60.01", "18293435"),
            &key(),
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&over), (Some(400), Some(802)));

    // A cash deposit without the customer's bank account (the client would not send this; the
    // API's answer is checked anyway).
    let mut no_account = bank_refund(300_000_005, "KASSA-D24-0005", "10", "18293435");
    no_account.bank_account = None;
    let missing = client.create_refund(&no_account, &key()).await.unwrap_err();
    assert_eq!(api_code(&missing), (Some(400), Some(804)));

    let unknown = client
        .create_refund(&card_refund(399_999_999, "KASSA-D24-9999"), &key())
        .await
        .unwrap_err();
    assert_eq!(api_code(&unknown), (Some(404), Some(208)));
    // A real deposit with another deposit's invoice id is not found either.
    let mismatch = client
        .create_refund(&card_refund(300_000_001, "KASSA-D24-0002"), &key())
        .await
        .unwrap_err();
    assert_eq!(api_code(&mismatch), (Some(404), Some(208)));
    // A deposit not yet completed.
    let pending = client
        .create_refund(
            &bank_refund(300_000_006, "KASSA-D24-0006", "1", "18293435"),
            &key(),
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&pending), (Some(400), Some(801)));
    let status = client.refund("42").await.unwrap_err();
    assert_eq!(api_code(&status), (Some(404), Some(208)));
}

#[tokio::test]
async fn a_wrong_signature_login_or_date_is_refused() {
    let (sandbox, _) = setup().await;
    let (base, good) = sandbox.d24();
    let wrong_secret = Client::new(
        &base,
        Credentials {
            login: good.login.clone(),
            secret: Secret::new("not-the-secret"),
        },
        &quick_options(),
    )
    .unwrap();
    let e = wrong_secret
        .create_refund(&card_refund(300_000_001, "KASSA-D24-0001"), &key())
        .await
        .unwrap_err();
    assert_eq!(api_code(&e), (Some(401), Some(102)));
    assert_eq!(
        remaining(&sandbox, 300_000_001).await,
        "45.00",
        "nothing refunded"
    );
    assert_eq!(
        api_code(&wrong_secret.test_connection().await.unwrap_err()),
        (Some(401), Some(102))
    );

    let wrong_login = Client::new(
        &base,
        Credentials {
            login: "someone-else".into(),
            secret: good.secret.clone(),
        },
        &quick_options(),
    )
    .unwrap();
    let e = wrong_login.refund("1").await.unwrap_err();
    assert_eq!(api_code(&e), (Some(401), Some(100)));

    // Signed right, but dated 10 minutes ago (a wrong clock, or a replayed request).
    let http = reqwest::Client::new();
    let body = br#"{"deposit_id":300000001,"invoice_id":"KASSA-D24-0001"}"#;
    let stale = kassa_core::d24::auth::x_date(
        time::OffsetDateTime::now_utc() - time::Duration::minutes(10),
    );
    let resp = http
        .post(format!("{base}/v3/refunds"))
        .header("X-Login", &good.login)
        .header("X-Date", &stale)
        .header(
            "Authorization",
            kassa_core::d24::auth::authorization(&good.secret, &stale, &good.login, body),
        )
        .header("Content-Type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    let answer: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(answer["code"], 103);
    assert_eq!(answer["type"], "INVALID_DATE_RANGE");
    // No Authorization header at all.
    let resp = http
        .post(format!("{base}/v3/refunds"))
        .header("X-Login", &good.login)
        .header(
            "X-Date",
            kassa_core::d24::auth::x_date(time::OffsetDateTime::now_utc()),
        )
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    let answer: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(answer["code"], 101);
    assert_eq!(remaining(&sandbox, 300_000_001).await, "45.00");
    // The right credentials pass the connection test.
    let right = Client::new(&base, good, &quick_options()).unwrap();
    right.test_connection().await.unwrap();
}

#[tokio::test]
async fn an_in_progress_card_refund_is_followed_to_success_and_to_rejection() {
    // Slow enough for the reject control to arrive before the bank refund settles.
    let (sandbox, client) = setup_with(SandboxConfig {
        refund_delay: time::Duration::milliseconds(600),
        ..SandboxConfig::for_tests()
    })
    .await;
    let later = client
        .create_refund(&card_refund(300_000_002, "KASSA-D24-0002"), &key())
        .await
        .unwrap();
    assert_eq!(
        later.refund_info.as_ref().map(|i| i.result.clone()),
        Some(kassa_core::d24::model::CardResult::InProgress)
    );
    assert_eq!(later.status(), RefundStatus::Pending);
    assert_eq!(
        follow(&client, &later.refund_id).await.status,
        RefundStatus::Completed
    );

    let declined = client
        .create_refund(&card_refund(300_000_003, "KASSA-D24-0003"), &key())
        .await
        .unwrap();
    assert_eq!(declined.status(), RefundStatus::Pending);
    let state = follow(&client, &declined.refund_id).await;
    assert_eq!(state.status, RefundStatus::Rejected);
    assert!(
        state.reason.is_some() && state.reason_code.is_some(),
        "{state:?}"
    );
    // A rejected refund gave nothing back: the deposit can be refunded again.
    assert_eq!(remaining(&sandbox, 300_000_003).await, "25.00");

    // A bank refund the bank turns down after it was delivered (the sandbox's control).
    let bank = client
        .create_refund(
            &bank_refund(300_000_005, "KASSA-D24-0005", "10", "18293435"),
            &key(),
        )
        .await
        .unwrap();
    let resp = kassa_sandbox::testing::control_client()
        .post(format!(
            "{}/sandbox/d24/refunds/{}/reject",
            sandbox.base_url(),
            bank.refund_id
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    assert_eq!(
        follow(&client, &bank.refund_id).await.status,
        RefundStatus::Rejected
    );
}

#[tokio::test]
async fn a_dropped_answer_is_retried_with_the_same_key_and_makes_one_refund() {
    let (sandbox, client) = setup().await;
    // The sandbox makes the refund, then closes the connection without answering.
    sandbox.inject(Fault::new("d24-refund-create", FaultKind::Drop, Some(1)));
    let key = key();
    let request = bank_refund(300_000_004, "KASSA-D24-0004", "30", "18293435");
    let created = client.create_refund(&request, &key).await.unwrap();
    assert_eq!(
        remaining(&sandbox, 300_000_004).await,
        "90.00",
        "one refund, not two"
    );
    // Sent again later (a restart resuming from the journal): the same refund, still one.
    let again = client.create_refund(&request, &key).await.unwrap();
    assert_eq!(again.refund_id, created.refund_id);
    assert_eq!(remaining(&sandbox, 300_000_004).await, "90.00");
    // The same key for another request is refused, not silently answered.
    let other = bank_refund(300_000_004, "KASSA-D24-0004", "31", "18293435");
    let e = client.create_refund(&other, &key).await.unwrap_err();
    assert_eq!(api_code(&e), (Some(400), Some(202)));
    // A 503 before processing is retried too, and the refund is made once.
    sandbox.inject(Fault::new(
        "d24-refund-create",
        FaultKind::Status { status: 503 },
        Some(2),
    ));
    client
        .create_refund(
            &bank_refund(300_000_004, "KASSA-D24-0004", "10", "18293435"),
            &uuid::Uuid::new_v4().to_string(),
        )
        .await
        .unwrap();
    assert_eq!(remaining(&sandbox, 300_000_004).await, "80.00");
}

#[tokio::test]
async fn status_changes_are_notified_to_the_notification_url() {
    // Slow enough to see the refund pending, delivered and completed.
    let (_sandbox, client) = setup_with(SandboxConfig {
        refund_delay: time::Duration::milliseconds(800),
        ..SandboxConfig::for_tests()
    })
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/d24-notify", listener.local_addr().unwrap());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut buf = vec![0u8; 4096];
                let mut got = Vec::new();
                while let Ok(n) = stream.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    got.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&got);
                    if let Some(at) = text.find("\r\n\r\n")
                        && text[at + 4..].contains('}')
                    {
                        let _ = tx.send(text[at + 4..].to_string());
                        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
                        break;
                    }
                }
            });
        }
    });
    let mut request = bank_refund(300_000_004, "KASSA-D24-0004", "5", "18293435");
    request.notification_url = Some(url);
    let created = client.create_refund(&request, &key()).await.unwrap();
    let mut bodies = Vec::new();
    while let Ok(Some(body)) = tokio::time::timeout(Duration::from_secs(3), rx.recv()).await {
        bodies.push(body);
        if client
            .refund(&created.refund_id)
            .await
            .unwrap()
            .status
            .is_final()
            && bodies.len() >= 2
        {
            break;
        }
    }
    assert!(
        bodies.len() >= 2,
        "a change and the final status notified: {bodies:?}"
    );
    for body in &bodies {
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["refund_id"].to_string(), created.refund_id);
    }
}

#[tokio::test]
async fn the_sandbox_tells_other_tools_where_d24_is() {
    let (sandbox, _) = setup().await;
    let info: serde_json::Value = reqwest::get(format!("{}/sandbox", sandbox.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (base, credentials) = sandbox.d24();
    assert_eq!(info["d24"]["baseUrl"], base);
    assert_eq!(info["d24"]["login"], credentials.login);
    assert_eq!(info["d24"]["secretKey"], credentials.secret.expose());
}

/// The journal keeps the request before it leaves; a lost answer with no retry left is
/// resumed after a "restart" (the journal reopened) with the same bytes and key: one refund.
#[tokio::test]
async fn a_lost_answer_is_resumed_from_the_journal_after_a_restart() {
    use kassa_ledger::d24_flow as flow;
    use kassa_ledger::journal::{D24Event, Journal};
    let (sandbox, _) = setup().await;
    let (base, credentials) = sandbox.d24();
    let no_retry = kassa_core::http::ClientOptions {
        retry: kassa_core::http::RetryPolicy {
            attempts: 1,
            ..quick_options().retry
        },
        ..quick_options()
    };
    let client = Client::new(&base, credentials, &no_retry).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let journal = Journal::open(&path).unwrap();
    sandbox.inject(Fault::new("d24-refund-create", FaultKind::Drop, Some(1)));
    let request = bank_refund(300_000_004, "KASSA-D24-0004", "25", "18293435");
    let (entry, error) =
        flow::request(&client, &journal, "sandbox", &request, Method::Other, "EUR")
            .await
            .unwrap_err();
    let entry = entry.unwrap();
    assert!(entry.unanswered(), "{entry:?}");
    assert!(matches!(entry.last, Some((_, D24Event::Unknown { .. }))));
    assert!(
        matches!(error, flow::FlowError::D24(Error::Transport { .. })),
        "{error:?}"
    );
    assert_eq!(
        remaining(&sandbox, 300_000_004).await,
        "95.00",
        "made once, answer lost"
    );
    drop(journal);

    let journal = Journal::open(&path).unwrap();
    let open = journal.open_d24_refunds().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(
        open[0].body,
        serde_json::to_vec(&request).unwrap(),
        "kept byte for byte"
    );
    let recovered = flow::recover(&client, &journal).await.unwrap();
    assert_eq!(recovered.len(), 1);
    assert!(recovered[0].refund_id.is_some());
    assert_eq!(
        remaining(&sandbox, 300_000_004).await,
        "95.00",
        "still one refund"
    );
    // Followed to the end, each status journalled.
    let mut entry = recovered[0].clone();
    for _ in 0..100 {
        entry = flow::check(&client, &journal, &entry).await.unwrap();
        if !entry.settling() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(entry.status(), Some(&RefundStatus::Completed));
    assert!(journal.open_d24_refunds().await.unwrap().is_empty());
    let audit = journal.audit_log(10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "d24-refund" && a.detail.contains("300000004"))
    );

    // A refusal is journalled as such and never re-sent.
    let over = bank_refund(300_000_004, "KASSA-D24-0004", "500", "18293435");
    let (entry, _) = flow::request(&client, &journal, "sandbox", &over, Method::Other, "EUR")
        .await
        .unwrap_err();
    let entry = entry.unwrap();
    assert!(
        matches!(
            &entry.last,
            Some((
                _,
                D24Event::Refused {
                    code: Some(802),
                    ..
                }
            ))
        ),
        "{entry:?}"
    );
    assert!(!entry.unanswered() && !entry.settling());
}

/// An answer that cannot be read (a proxy's error page, a cut body) is an unclear outcome, not
/// a crash: the journal keeps the request as unanswered, to be sent again with the same key.
#[tokio::test]
async fn an_unreadable_answer_is_kept_as_an_unclear_outcome() {
    use kassa_ledger::d24_flow as flow;
    use kassa_ledger::journal::{D24Event, Journal};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut buf = vec![0u8; 8192];
            let _ = stream.read(&mut buf).await;
            let body = "<html>502 Bad Gateway</html>";
            let reply = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes()).await;
        }
    });
    let client = Client::new(
        &base,
        Credentials {
            login: "l".into(),
            secret: Secret::new("s"),
        },
        &quick_options(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let request = card_refund(300_000_001, "KASSA-D24-0001");
    let (entry, error) = flow::request(&client, &journal, "sandbox", &request, Method::Card, "EUR")
        .await
        .unwrap_err();
    assert!(
        matches!(error, flow::FlowError::D24(Error::Response(_))),
        "{error:?}"
    );
    let entry = entry.unwrap();
    assert!(entry.unanswered());
    assert!(matches!(entry.last, Some((_, D24Event::Unknown { .. }))));
    // The status endpoint's unreadable answer is an error too, with nothing recorded.
    assert!(matches!(client.refund("1").await, Err(Error::Response(_))));
}

/// A real D24 account while the till's books are the sandbox's: refused before anything is
/// journalled or sent (the refund would be real money in no real Z).
#[tokio::test]
async fn a_real_d24_refund_is_refused_while_the_till_keeps_sandbox_books() {
    use kassa_ledger::d24_flow as flow;
    use kassa_ledger::journal::Journal;
    let credentials = Credentials {
        login: "real-login".into(),
        secret: Secret::new("real-secret"),
    };
    let client = Client::new("https://api.d24.example", credentials, &quick_options()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
    let (entry, error) = flow::request(
        &client,
        &journal,
        kassa_ledger::journal::SANDBOX,
        &card_refund(300_000_001, "KASSA-D24-0001"),
        Method::Card,
        "EUR",
    )
    .await
    .unwrap_err();
    assert!(entry.is_none());
    assert!(matches!(error, flow::FlowError::SandboxBooks), "{error:?}");
    assert!(
        journal.d24_refunds().await.unwrap().is_empty(),
        "nothing journalled"
    );
}

/// A captured signed D24 refund request, sent again within its 5-minute X-Date window with a
/// new X-Idempotency-Key (which the HMAC does not cover), moves no more money; sent again with
/// its own key it is the retry it may be, answered as before.
#[tokio::test]
async fn a_replayed_d24_signature_moves_no_money() {
    let (sandbox, client) = setup().await;
    let (base, credentials) = sandbox.d24();
    let request = bank_refund(300_000_004, "KASSA-D24-0004", "5", "18293435");
    let body = serde_json::to_vec(&request).unwrap();
    let date = kassa_core::d24::auth::x_date(time::OffsetDateTime::now_utc());
    let auth =
        kassa_core::d24::auth::authorization(&credentials.secret, &date, &credentials.login, &body);
    let send = |key: &'static str| {
        reqwest::Client::new()
            .post(format!("{base}/v3/refunds"))
            .header("X-Login", credentials.login.clone())
            .header("X-Date", date.clone())
            .header("Authorization", auth.clone())
            .header("X-Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .body(body.clone())
            .send()
    };
    let first = send("replay-key-1").await.unwrap();
    assert_eq!(first.status(), 200, "{}", first.text().await.unwrap());
    let retry = send("replay-key-1").await.unwrap();
    assert_eq!(retry.status(), 200, "the same request again is a retry");
    let replay = send("replay-key-2").await.unwrap();
    assert_eq!(replay.status(), 401);
    assert!(
        replay
            .text()
            .await
            .unwrap()
            .contains("Signature already used")
    );
    let _ = client;
    assert_eq!(
        remaining(&sandbox, 300_000_004).await,
        "115.00",
        "one refund of 5"
    );
}
