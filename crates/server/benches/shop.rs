//! The shop server under load, as a shop would load it: `kassa-server serve` (the release
//! build) as its own process on a throwaway PostgreSQL (Debian's, as the tests make it, with
//! `fsync` on: stored means durable), and this program as the tills.
//!
//! 1. Ingest: 50 tills, each pushing its next batch of 100 events as soon as the last is
//!    answered, for 15 s: events stored per second, and each push's latency (p50, p99).
//! 2. The shop's history over 1,000,000 stored sales: its first page (50 sales) and a page
//!    deep into it, over HTTP as a till asks (median of 20).
//! 3. The day report with 100,000 sales rung up that day and every till's Zs: as
//!    `kassa-server report day` makes it (median of 10).
//!
//! Run with `cargo bench -p kassa-server --bench shop` (a few minutes). Figures are printed;
//! nothing is asserted (these machines are noisy).

#[path = "../tests/server/pg.rs"]
mod pg;
#[path = "../tests/server/support.rs"]
mod support;

use std::time::{Duration, Instant};

use kassa_core::secret::Secret;
use kassa_core::shop::{OutEvent, ShopClient};
use support::{cli, psql};

const TILLS: usize = 50;
/// Batch sizes: a till that has been offline sends 100 at a time; one selling live sends the
/// few events of each sale as they happen.
const BATCHES: [i64; 2] = [100, 10];
const INGEST_FOR: Duration = Duration::from_secs(15);
const HISTORY: i64 = 1_000_000;
const DAY_SALES: i64 = 100_000;

/// The events of one sale, as a till's outbox holds them (rung up, created, paid).
fn sale_events(seq: i64, till: usize) -> Vec<OutEvent> {
    let reference = format!("T{till}-{seq}");
    let at = 1_780_000_000_000 + seq * 1000;
    let ev = |n: i64, kind: &str, body: serde_json::Value| OutEvent {
        seq: seq + n,
        id: format!("{till}-{}", seq + n),
        kind: kind.into(),
        at_ms: at + n,
        body,
    };
    vec![
        ev(
            0,
            "sale",
            serde_json::json!({"reference": reference, "amount_cents": 1250, "description": "Koffie en taart", "account": "https://api#prof"}),
        ),
        ev(
            1,
            "sale-created",
            serde_json::json!({"reference": reference, "payment_id": format!("pay-{reference}")}),
        ),
        ev(
            2,
            "sale-event",
            serde_json::json!({"reference": reference, "kind": "status", "status": "SUCCEEDED", "total_cents": 1250}),
        ),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Each till, joined: its client and the next sequence number it sends.
type Till = (ShopClient, i64);

async fn join_all(server: &str, codes: Vec<String>) -> Vec<Till> {
    let mut tills = Vec::new();
    for code in codes {
        let token = ShopClient::new(server, None)
            .unwrap()
            .join(&code)
            .await
            .unwrap()
            .token;
        tills.push((
            ShopClient::new(server, Some(Secret::new(token))).unwrap(),
            1,
        ));
    }
    tills
}

/// Every till pushing batches of `batch` events, the next as soon as the last is answered.
async fn ingest(tills: Vec<Till>, batch: i64) -> Vec<Till> {
    let started = Instant::now();
    let tasks: Vec<_> = tills
        .into_iter()
        .enumerate()
        .map(|(n, (client, mut seq))| {
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while started.elapsed() < INGEST_FOR {
                    let events: Vec<OutEvent> = (0..batch / 3 + 1)
                        .flat_map(|k| sale_events(seq + 3 * k, n))
                        .take(batch as usize)
                        .collect();
                    let sent = Instant::now();
                    let answer = client.push(&events).await.unwrap();
                    latencies.push(sent.elapsed());
                    seq = answer.through + 1;
                }
                (latencies, (client, seq))
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut tills = Vec::new();
    for t in tasks {
        let (l, till) = t.await.unwrap();
        latencies.extend(l);
        tills.push(till);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let events = latencies.len() as f64 * batch as f64;
    println!(
        "ingest: {TILLS} tills, batches of {batch}: {:.0} events/s stored ({} pushes in {:.1} s); push latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        events / elapsed.as_secs_f64(),
        latencies.len(),
        elapsed.as_secs_f64(),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
    );
    tills
}

async fn median_of<F, Fut>(n: usize, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        f().await;
        times.push(t.elapsed());
    }
    times.sort();
    percentile(&times, 0.5)
}

#[tokio::main]
async fn main() {
    let pg = pg::Pg::start();
    let db = pg.database("bench");
    cli(&db, &["migrate"]).unwrap();
    let codes: Vec<String> = (0..TILLS)
        .map(|n| {
            let said = cli(&db, &["till", "add", &format!("Till {n:02}")]).unwrap();
            said.split_whitespace().last().unwrap().to_string()
        })
        .collect();
    let server = support::Server::start(&db, 16);
    let mut tills = join_all(&server.url, codes).await;
    for batch in BATCHES {
        tills = ingest(tills, batch).await;
    }

    // The history over a million sales, written straight into the books.
    let have: i64 = psql(&pg, "bench", "SELECT COUNT(*) FROM sales")
        .parse()
        .unwrap();
    let fill = Instant::now();
    psql(
        &pg,
        "bench",
        &format!(
            "INSERT INTO sales (shop_id, till_id, reference, payment_id, account, amount_cents,
                description, attempted_at, status, status_rank, total_cents, updated_at)
             SELECT 1, 1 + g % {TILLS}, 'H-' || g, 'pay-H-' || g, 'https://api#prof', 1250,
                'Koffie', now() - (g || ' seconds')::interval, 'SUCCEEDED', 9, 1250, now()
             FROM generate_series(1, {}) g",
            HISTORY - have
        ),
    );
    psql(&pg, "bench", "ANALYZE sales");
    println!(
        "history: {} sales stored (filled in {:.0} s)",
        psql(&pg, "bench", "SELECT COUNT(*) FROM sales"),
        fill.elapsed().as_secs_f64()
    );
    let code = cli(&db, &["till", "add", "Reader"]).unwrap();
    let code = code.split_whitespace().last().unwrap().to_string();
    let token = ShopClient::new(&server.url, None)
        .unwrap()
        .join(&code)
        .await
        .unwrap()
        .token;
    let reader = ShopClient::new(&server.url, Some(Secret::new(token))).unwrap();
    let first = median_of(20, || async {
        let page = reader.sales(50, None).await.unwrap();
        assert_eq!(page.sales.len(), 50);
    })
    .await;
    // 200 pages in: the cursor of page 200.
    let mut next = None;
    for _ in 0..200 {
        next = reader.sales(50, next.as_deref()).await.unwrap().next;
    }
    let deep = median_of(20, || async {
        reader.sales(50, next.as_deref()).await.unwrap();
    })
    .await;
    println!(
        "history: first page of 50 over HTTP median {:.1} ms; page 201 median {:.1} ms",
        ms(first),
        ms(deep)
    );

    // A day of 100,000 sales, and every till's Zs of that day.
    psql(
        &pg,
        "bench",
        &format!(
            "INSERT INTO sales (shop_id, till_id, reference, payment_id, account, amount_cents,
                attempted_at, status, status_rank, total_cents, updated_at)
             SELECT 1, 1 + g % {TILLS}, 'D-' || g, 'pay-D-' || g, 'https://api#prof', 990,
                TIMESTAMPTZ '2026-06-01 06:00+02' + (g * 500 || ' milliseconds')::interval,
                'SUCCEEDED', 9, 990, now()
             FROM generate_series(1, {DAY_SALES}) g;
             INSERT INTO events (shop_id, till_id, seq, event_id, kind, at, body)
             SELECT 1, t, 1000000 + z, 'z-' || t || '-' || z, 'z',
                TIMESTAMPTZ '2026-06-01 12:00+02' + (z || ' hours')::interval,
                jsonb_build_object('account', 'https://api#prof', 'number', z, 'report',
                    jsonb_build_object('paid', jsonb_build_object('count', {per}, 'amount', {per} * 990),
                        'tips', 0, 'refunded', jsonb_build_object('count', 0, 'amount', 0),
                        'refunds_undone', jsonb_build_object('count', 0, 'amount', 0),
                        'carried', '[]'::jsonb))
             FROM generate_series(1, {TILLS}) t, generate_series(1, 2) z;
             ANALYZE;",
            per = DAY_SALES / TILLS as i64 / 2
        ),
    );
    let pool = kassa_server::db::pool(&db, 2).unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let day = median_of(10, || async {
        let r = kassa_server::books::day_report(&pool, 1, "2026-06-01", &tz)
            .await
            .unwrap();
        assert_eq!(r.total.paid, DAY_SALES * 990);
    })
    .await;
    let export = median_of(3, || async {
        kassa_server::books::export(
            &pool,
            kassa_server::books::Export::Sales,
            "2026-06-01",
            "2026-06-01",
            &tz,
        )
        .await
        .unwrap();
    })
    .await;
    println!(
        "day report over {DAY_SALES} sales of the day ({} Zs): median {:.1} ms; that day's sales exported as CSV: median {:.0} ms",
        TILLS * 2,
        ms(day),
        ms(export)
    );
}
