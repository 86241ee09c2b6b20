//! Journal write latency: what a sale's record costs before its create request may leave, and
//! a status event, each a durable commit (WAL, `synchronous=FULL`) on the writer thread, awaited
//! from async code as the till does. Run with `cargo bench --bench journal`.

use std::time::{Duration, Instant};

use kassa::journal::{Attempt, Journal, account_key};
use kassa::money::Money;
use kassa::payconiq::model::{Payment, PaymentStatus};

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    println!(
        "{name:<36} p50 {:>8.3} ms   p99 {:>8.3} ms   (n = {})",
        at(50).as_secs_f64() * 1e3,
        at(99).as_secs_f64() * 1e3,
        samples.len()
    );
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    rt.block_on(async {
        let j = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
        let (mut attempts, mut statuses, mut reads) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..2_000 {
            let reference = format!("BENCH-{i}");
            let t = Instant::now();
            j.record_attempt(Attempt {
                reference: reference.clone(),
                amount: Money::from_cents(1250),
                description: Some("Bench".into()),
                pos_id: None,
                account: account_key("http://127.0.0.1:1", "p"),
                at: time::OffsetDateTime::now_utc(),
            })
            .await
            .unwrap();
            attempts.push(t.elapsed());
            let p: Payment = serde_json::from_value(serde_json::json!({
                "paymentId": format!("p{i}"), "status": "PENDING", "amount": 1250
            }))
            .unwrap();
            j.record_created(&reference, &p).await.unwrap();
            let mut paid = p.clone();
            paid.status = PaymentStatus::Succeeded;
            let t = Instant::now();
            j.record_status(&paid).await.unwrap();
            statuses.push(t.elapsed());
        }
        for _ in 0..50 {
            let t = Instant::now();
            let today = j
                .entries_since(time::OffsetDateTime::now_utc() - time::Duration::days(1))
                .await
                .unwrap();
            assert_eq!(today.len(), 2_000);
            reads.push(t.elapsed());
        }
        report("record a sale before its create", attempts);
        report("record a status", statuses);
        report("read 2,000 of today's sales", reads);
    });
}
