//! kassa-server for real: its binary on a real PostgreSQL (a throwaway cluster, see `pg.rs`),
//! reached over HTTP on 127.0.0.1 by the tills' own client. Idempotency lives in the database:
//! batches sent twice, overlapping or after a crash are stored once; a different event under a
//! known number is an alarm that holds nothing back; a revoked till is refused; two instances
//! serve one database; a server killed with SIGKILL while it ingests loses and duplicates
//! nothing.

mod callbacks;
mod pg;
mod support;

use std::time::Duration;

use kassa_core::shop::{OutEvent, ShopClient, ShopError};
use pg::Pg;
use support::{Server, cli, psql};

/// A database on `pg` with the schema, and a till added: its join code.
fn shop_with_till(pg: &Pg, db: &str, till: &str) -> (String, String) {
    let url = pg.database(db);
    assert!(cli(&url, &["migrate"]).unwrap().starts_with("Migrated"));
    assert_eq!(
        cli(&url, &["migrate"]).unwrap(),
        "The schema is up to date."
    );
    let code = add_till(&url, till);
    (url, code)
}

fn add_till(database: &str, till: &str) -> String {
    let said = cli(database, &["till", "add", till]).unwrap();
    said.split_whitespace().last().unwrap().to_string()
}

async fn joined(server: &str, code: &str) -> ShopClient {
    let answer = ShopClient::new(server, None)
        .unwrap()
        .join(code)
        .await
        .unwrap();
    ShopClient::new(server, Some(kassa_core::secret::Secret::new(answer.token))).unwrap()
}

fn event(seq: i64, kind: &str, body: serde_json::Value) -> OutEvent {
    OutEvent {
        seq,
        id: format!("ev-{seq}-{kind}"),
        kind: kind.into(),
        at_ms: 1_780_000_000_000 + seq * 1000,
        body,
    }
}

/// A paid sale as a till's outbox holds it: rung up, created, paid (three events from `seq`).
fn paid_sale(seq: i64, reference: &str, cents: i64) -> Vec<OutEvent> {
    vec![
        event(
            seq,
            "sale",
            serde_json::json!({"reference": reference, "amount_cents": cents, "account": "sandbox"}),
        ),
        event(
            seq + 1,
            "sale-created",
            serde_json::json!({"reference": reference, "payment_id": format!("pay-{reference}")}),
        ),
        event(
            seq + 2,
            "sale-event",
            serde_json::json!({"reference": reference, "kind": "status", "status": "SUCCEEDED", "total_cents": cents}),
        ),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_batch_is_stored_once_however_often_and_in_whatever_order_it_is_sent() {
    let pg = Pg::start();
    let (db, code) = shop_with_till(&pg, "once", "Kassa 1");
    let server = Server::start(&db, 8);
    let till = joined(&server.url, &code).await;
    // The code is spent.
    assert_eq!(
        ShopClient::new(&server.url, None)
            .unwrap()
            .join(&code)
            .await
            .unwrap_err(),
        ShopError::BadCode
    );

    let mut events = Vec::new();
    for n in 0..4 {
        events.extend(paid_sale(1 + 3 * n, &format!("K{n}"), 100 * (n + 1)));
    }
    let first = till.push(&events[..6]).await.unwrap();
    assert_eq!((first.stored, first.duplicates, first.through), (6, 0, 6));
    // Sent again (the answer was lost), and overlapping with what follows.
    let again = till.push(&events[..6]).await.unwrap();
    assert_eq!((again.stored, again.duplicates), (0, 6));
    let overlap = till.push(&events[3..]).await.unwrap();
    assert_eq!(
        (overlap.stored, overlap.duplicates, overlap.through),
        (6, 3, 12)
    );

    // A different event under a stored number is kept aside; the one behind it goes in.
    let mut forged = event(
        5,
        "sale-event",
        serde_json::json!({"reference": "K1", "status": "CANCELLED"}),
    );
    forged.id = "another".into();
    let late_pending = event(
        13,
        "sale-event",
        serde_json::json!({"reference": "K0", "kind": "status", "status": "PENDING"}),
    );
    let mixed = till.push(&[forged, late_pending]).await.unwrap();
    assert_eq!(mixed.conflicts, [5]);
    assert_eq!((mixed.stored, mixed.through), (1, 13));
    assert_eq!(till.status().await.unwrap().last_seq, 13);

    // The shop's books: four paid sales, newest first; a status only moves forward (the late
    // PENDING leaves K0 paid), and the forged CANCELLED changed nothing.
    let page = till.sales(10, None).await.unwrap();
    let seen: Vec<(&str, Option<&str>, Option<i64>)> = page
        .sales
        .iter()
        .map(|s| (s.reference.as_str(), s.status.as_deref(), s.amount_cents))
        .collect();
    assert_eq!(
        seen,
        [
            ("K3", Some("SUCCEEDED"), Some(400)),
            ("K2", Some("SUCCEEDED"), Some(300)),
            ("K1", Some("SUCCEEDED"), Some(200)),
            ("K0", Some("SUCCEEDED"), Some(100)),
        ]
    );
    assert!(page.sales.iter().all(|s| s.till == "Kassa 1"));
    // Pages follow on without gaps or repeats.
    let one = till.sales(3, None).await.unwrap();
    let rest = till.sales(3, one.next.as_deref()).await.unwrap();
    assert_eq!(one.sales.len() + rest.sales.len(), 4);
    assert_eq!(rest.sales[0].reference, "K0");
    assert!(rest.next.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_till_is_refused_and_the_list_says_so() {
    let pg = Pg::start();
    let (db, code) = shop_with_till(&pg, "revoke", "Toog");
    let server = Server::start(&db, 8);
    let till = joined(&server.url, &code).await;
    till.push(&paid_sale(1, "K1", 250)).await.unwrap();
    // A second till waits for its code to be used.
    add_till(&db, "Terras");
    assert!(
        cli(&db, &["till", "add", "Toog"])
            .unwrap_err()
            .contains("already joined"),
        "a joined till gets no second code"
    );
    let list = cli(&db, &["till", "list"]).unwrap();
    assert!(
        list.contains("Terras") && list.contains("waiting to join"),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.starts_with("Toog") && l.contains(" 3  joined")),
        "{list}"
    );

    assert_eq!(
        cli(&db, &["till", "revoke", "Toog"]).unwrap(),
        "Till 'Toog' revoked."
    );
    assert_eq!(
        till.push(&paid_sale(4, "K2", 100)).await.unwrap_err(),
        ShopError::Unauthorised
    );
    assert_eq!(till.status().await.unwrap_err(), ShopError::Unauthorised);
    let list = cli(&db, &["till", "list"]).unwrap();
    assert!(
        list.lines()
            .any(|l| l.starts_with("Toog") && l.ends_with("revoked")),
        "{list}"
    );
    assert!(
        cli(&db, &["till", "revoke", "Toog"]).is_err(),
        "revoked once"
    );
    // Its name is free again for the till that takes its place; the revoked one is kept.
    assert!(
        cli(&db, &["till", "add", "Toog"])
            .unwrap()
            .contains("kassa shop join URL ")
    );
    let list = cli(&db, &["till", "list"]).unwrap();
    assert!(
        list.lines()
            .any(|l| l.starts_with("Toog (revoked") && l.ends_with("revoked")),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.starts_with("Toog ") && l.ends_with("waiting to join")),
        "{list}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_serve_one_database() {
    let pg = Pg::start();
    let (db, code_a) = shop_with_till(&pg, "two", "A");
    let code_b = add_till(&db, "B");
    let (one, two) = (Server::start(&db, 8), Server::start(&db, 8));
    let a = joined(&one.url, &code_a).await;
    let b = joined(&two.url, &code_b).await;
    a.push(&paid_sale(1, "A-1", 100)).await.unwrap();
    b.push(&paid_sale(1, "B-1", 200)).await.unwrap();
    a.push(&paid_sale(4, "A-2", 300)).await.unwrap();
    // Each instance answers for the whole shop, whichever took the events.
    for server in [&one.url, &two.url] {
        let reader = ShopClient::new(server, None).unwrap();
        assert!(matches!(
            reader.sales(10, None).await,
            Err(ShopError::Unauthorised)
        ));
    }
    let seen_by_b = b.sales(10, None).await.unwrap();
    let refs: Vec<&str> = seen_by_b
        .sales
        .iter()
        .map(|s| s.reference.as_str())
        .collect();
    // Rung up one after the other (their till clocks): A-2 is the newest.
    assert_eq!(refs.len(), 3);
    assert_eq!(refs[0], "A-2", "{refs:?}");
    let tills: std::collections::BTreeSet<&str> =
        seen_by_b.sales.iter().map(|s| s.till.as_str()).collect();
    assert_eq!(tills.into_iter().collect::<Vec<_>>(), ["A", "B"]);
}

/// Pushes till `n`'s `count` events to whichever server is up, again and again until every
/// one is acknowledged, as a till's pusher does.
async fn push_all(url: std::sync::Arc<std::sync::Mutex<String>>, code: String, count: i64) {
    let mut client = None;
    let mut next = 1;
    while next <= count {
        let server = url.lock().unwrap().clone();
        if client.is_none() {
            match ShopClient::new(&server, None).unwrap().join(&code).await {
                Ok(a) => {
                    client = Some(a.token);
                }
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            }
        }
        let token = kassa_core::secret::Secret::new(client.clone().unwrap());
        let c = ShopClient::new(&server, Some(token)).unwrap();
        let end = (next + 99).min(count);
        let batch: Vec<OutEvent> = (next..=end)
            .map(|seq| {
                event(
                    seq,
                    "sale",
                    serde_json::json!({"reference": format!("R{seq}"), "amount_cents": seq}),
                )
            })
            .collect();
        match c.push(&batch).await {
            Ok(a) => next = a.through + 1,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_while_it_ingests_loses_and_duplicates_nothing() {
    let pg = Pg::start();
    let (db, first) = shop_with_till(&pg, "kill", "T0");
    let mut codes = vec![first];
    for n in 1..4 {
        codes.push(add_till(&db, &format!("T{n}")));
    }
    let server = Server::start(&db, 8);
    let url = std::sync::Arc::new(std::sync::Mutex::new(server.url.clone()));
    const EACH: i64 = 3000;
    let pushers: Vec<_> = codes
        .into_iter()
        .map(|code| tokio::spawn(push_all(url.clone(), code, EACH)))
        .collect();
    // Mid-way: killed, then a new instance on another port.
    let started = std::time::Instant::now();
    loop {
        let stored: i64 = psql(&pg, "kill", "SELECT COUNT(*) FROM events")
            .parse()
            .unwrap();
        if stored > 1000 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "ingest never got going"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    let before: i64 = psql(&pg, "kill", "SELECT COUNT(*) FROM events")
        .parse()
        .unwrap();
    assert!(
        before < 4 * EACH,
        "killed while ingesting ({before} stored)"
    );
    let again = Server::start(&db, 8);
    *url.lock().unwrap() = again.url.clone();
    for p in pushers {
        tokio::time::timeout(Duration::from_secs(120), p)
            .await
            .expect("every till caught up")
            .unwrap();
    }
    // Every event of every till, once: no gaps, no repeats.
    let per_till = psql(
        &pg,
        "kill",
        "SELECT string_agg(n || ':' || c || ':' || m, ',' ORDER BY n) FROM
            (SELECT t.name AS n, COUNT(*) AS c, MAX(e.seq) AS m FROM events e
             JOIN tills t ON t.id = e.till_id GROUP BY t.name) x",
    );
    assert_eq!(
        per_till,
        "T0:3000:3000,T1:3000:3000,T2:3000:3000,T3:3000:3000"
    );
    let sales: i64 = psql(&pg, "kill", "SELECT COUNT(*) FROM sales")
        .parse()
        .unwrap();
    assert_eq!(sales, 4 * EACH);
}

/// A Z event as a till's outbox holds it, taken at `at` (ms).
fn z_event(
    seq: i64,
    at_ms: i64,
    account: &str,
    number: i64,
    paid: (i64, i64),
    tips: i64,
    refunded: i64,
) -> OutEvent {
    OutEvent {
        seq,
        id: format!("z-{seq}"),
        kind: "z".into(),
        at_ms,
        body: serde_json::json!({
            "account": account, "number": number,
            "report": {
                "paid": {"count": paid.0, "amount": paid.1}, "tips": tips,
                "refunded": {"count": i64::from(refunded > 0), "amount": refunded},
                "refunds_undone": {"count": 0, "amount": 0}, "carried": []
            }
        }),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shops_day_report_adds_up_the_tills_zs_and_the_accountant_gets_one_file() {
    let pg = Pg::start();
    let (db, code_a) = shop_with_till(&pg, "day", "Toog");
    let code_b = add_till(&db, "Terras");
    let code_c = add_till(&db, "Kelder");
    let server = Server::start(&db, 8);
    let (a, b, _c) = (
        joined(&server.url, &code_a).await,
        joined(&server.url, &code_b).await,
        joined(&server.url, &code_c).await,
    );
    let ms = |t: time::OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
    let real = "https://merchant.api.bancontact.net#prof-1";
    // 1 June on the shop's clock (Brussels, UTC+2): Toog takes two Zs, Terras one; a sandbox
    // Z is play money; a Z taken just after midnight belongs to 2 June.
    let june1 = ms(time::macros::datetime!(2026-06-01 10:00 +2));
    let june2 = ms(time::macros::datetime!(2026-06-02 00:30 +2));
    let mut sales = paid_sale(1, "T-1", 1000);
    sales[0].at_ms = june1 - 3_600_000;
    sales[0].body["account"] = real.into();
    // Play money is not the accountant's.
    let mut play = paid_sale(7, "S-1", 777);
    play[0].at_ms = june1;
    b.push(&play).await.unwrap();
    a.push(&sales).await.unwrap();
    a.push(&[
        z_event(4, june1, real, 1, (2, 1500), 100, 300),
        z_event(5, june1 + 3_600_000, real, 2, (1, 250), 0, 0),
        z_event(6, june2, real, 3, (5, 9999), 0, 0),
    ])
    .await
    .unwrap();
    b.push(&[
        z_event(1, june1, real, 1, (3, 4200), 200, 0),
        z_event(2, june1, "sandbox", 1, (9, 100_000), 0, 0),
    ])
    .await
    .unwrap();

    let csv = cli(
        &db,
        &[
            "report",
            "day",
            "--date",
            "2026-06-01",
            "--csv",
            "--timezone",
            "Europe/Brussels",
        ],
    )
    .unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows,
        [
            "date,till,z_numbers,paid_count,paid,tips,refunded_count,refunded,refunds_undone,net,carried",
            "2026-06-01,Kelder,,0,0.00,0.00,0,0.00,0.00,0.00,0",
            "2026-06-01,Terras,1,3,42.00,2.00,0,0.00,0.00,42.00,0",
            "2026-06-01,Toog,1 2,3,17.50,1.00,1,3.00,0.00,14.50,0",
            "2026-06-01,TOTAL,,6,59.50,3.00,1,3.00,0.00,56.50,0",
        ]
    );
    let text = cli(
        &db,
        &[
            "report",
            "day",
            "--date",
            "2026-06-01",
            "--timezone",
            "Europe/Brussels",
        ],
    )
    .unwrap();
    assert!(text.starts_with("Day report 2026-06-01"), "{text}");
    assert!(cli(&db, &["report", "day", "--date", "1 June"]).is_err());

    let sales = cli(
        &db,
        &[
            "export",
            "sales",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-01",
            "--csv",
            "--timezone",
            "Europe/Brussels",
        ],
    )
    .unwrap();
    let lines: Vec<&str> = sales.lines().collect();
    assert_eq!(
        lines[0],
        "till,reference,payment_id,rung_up_at,amount,tip,total,status,description,account"
    );
    assert_eq!(
        lines[1],
        "Toog,T-1,pay-T-1,2026-06-01T09:00:00+02:00,10.00,,10.00,SUCCEEDED,,https://merchant.api.bancontact.net#prof-1"
    );
    assert_eq!(lines.len(), 2);
    assert!(
        cli(
            &db,
            &[
                "export",
                "refunds",
                "--from",
                "2026-06-02",
                "--to",
                "2026-06-01"
            ]
        )
        .unwrap_err()
        .contains("ends before it starts")
    );
}
