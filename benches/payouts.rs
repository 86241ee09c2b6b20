//! Payout figures: CSV export of 10,000 lines, and a 90-day payout range loaded from the
//! embedded sandbox over loopback HTTP (one call per date, four at a time, as the screen does),
//! with the number of calls. Run with `cargo bench --bench payouts`.

use std::time::{Duration, Instant};

use kassa::money::Money;
use kassa::payconiq::model::PayoutTransaction;
use kassa::payconiq::reconciliation::PayoutFilter;
use kassa::payconiq::{AuthMode, Client, ClientOptions};
use kassa::payouts::{self, Lines};
use kassa::sandbox::{Sandbox, SandboxConfig};

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    println!(
        "{name:<48} median {median:>9.2?}   p95 {p95:>9.2?}   (n = {})",
        samples.len()
    );
}

fn main() {
    let lines: Vec<PayoutTransaction> = (0..10_000)
        .map(|i| {
            serde_json::from_value(serde_json::json!({
                "paymentId": format!("{i:024x}"), "payoutId": "po", "amount": 100 + i % 9000,
                "currency": "EUR", "reference": format!("K-{i}"),
                "description": if i % 10 == 0 { "Koffie, taart" } else { "Lunch" },
                "transactionDate": "2026-11-20T09:30:00Z"
            }))
            .unwrap()
        })
        .collect();
    let mut csv = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let out = payouts::lines_csv(&lines, &[]);
        csv.push(t.elapsed());
        assert_eq!(out.lines().count(), 10_001);
    }
    summary("CSV of 10,000 payout lines", csv);

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let cfg = SandboxConfig {
            demo_days: 90,
            ..SandboxConfig::for_tests()
        };
        let sandbox = Sandbox::start(cfg, 0).await.unwrap();
        let key = kassa::payconiq::jws::SigningKey::generate("bench").unwrap();
        let client = Client::new(
            sandbox.account(AuthMode::ApiKey, Some(key)),
            ClientOptions::default(),
        )
        .unwrap();
        let today = time::OffsetDateTime::now_utc().date();
        let (start, end) = (
            today - time::Duration::days(90),
            today - time::Duration::days(1),
        );
        let mut loads = Vec::new();
        let mut calls = 0;
        let mut count = 0;
        for _ in 0..5 {
            let before = sandbox.requests().len();
            let t = Instant::now();
            let list = payouts::payouts_between(&client, start, end, 4, |_, _| {})
                .await
                .unwrap();
            loads.push(t.elapsed());
            calls = sandbox.requests().len() - before;
            count = list.len();
        }
        summary("90-day payout range (4 dates at a time)", loads);
        println!("  {calls} calls, {count} payouts");
        let mut ranges = Vec::new();
        let mut lines_count = 0;
        for _ in 0..5 {
            let before = sandbox.requests().len();
            let t = Instant::now();
            let l = payouts::lines(
                &client,
                Lines::Payments,
                &PayoutFilter::Dates { start, end },
            )
            .await
            .unwrap();
            ranges.push(t.elapsed());
            calls = sandbox.requests().len() - before;
            lines_count = l.len();
            let _: Money = l.iter().map(|x| x.amount).sum();
        }
        summary("90 days of payment lines (30-day calls, all pages)", ranges);
        println!("  {calls} calls, {lines_count} lines");
    });
}
