//! Status latency and request rate, measured at the API: the sandbox logs when each request
//! arrives, so a change's latency is from the moment it happened at the provider to the arrival
//! of the first status read that could see it (the screen shows it when that answer comes back,
//! a few milliseconds later, also reported). The real `App` runs with the default poll policy,
//! and polls are sent exactly when its poll subscription (`iced::time::every` at
//! `App::poll_interval()`, first tick one interval after it starts) would fire.
//!
//! Run with `cargo bench --bench status_latency` (about three minutes).

#[path = "support/drive.rs"]
mod drive;

use std::time::{Duration, Instant};

use drive::{boot, charge, send};
use kassa::app::{App, Message, Screen};
use kassa::i18n::Lang;
use kassa::money::Money;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::{CustomerAction, Sandbox, SandboxConfig};
use kassa::screen::checkout::PollPolicy;

fn status(app: &App) -> Option<PaymentStatus> {
    match app.screen() {
        Screen::Checkout(c) => Some(c.status().clone()),
        _ => None,
    }
}

fn payment_id(app: &App) -> String {
    match app.screen() {
        Screen::Checkout(c) => c.payment().payment_id.clone(),
        _ => unreachable!(),
    }
}

/// Runs the poll subscription as iced would until `until` holds or `limit` passes; returns when
/// the screen first satisfied it.
async fn run_polls(
    app: &mut App,
    limit: Duration,
    until: impl Fn(&App) -> bool,
) -> Option<Instant> {
    let start = Instant::now();
    let mut pace = app.poll_interval()?;
    let mut next = Instant::now() + pace;
    while start.elapsed() < limit {
        tokio::time::sleep_until(next.into()).await;
        send(app, Message::Poll).await;
        if until(app) {
            return Some(Instant::now());
        }
        match app.poll_interval() {
            // A new interval is a new subscription: its first tick is one interval away.
            Some(p) if p != pace => {
                pace = p;
                next = Instant::now() + p;
            }
            Some(p) => next += p,
            None => return None,
        }
    }
    None
}

/// The simulated customer does `action` on payment `id` after `after`; the task answers when.
fn act_later(
    services: &std::sync::Arc<kassa::services::Services>,
    id: &str,
    after: Duration,
    action: CustomerAction,
) -> tokio::task::JoinHandle<Instant> {
    let (services, id) = (services.clone(), id.to_string());
    tokio::spawn(async move {
        tokio::time::sleep(after).await;
        let sandbox = services.sandbox.as_ref().unwrap();
        sandbox.customer(&id, action).unwrap();
        Instant::now()
    })
}

/// Arrival of the first read of payment `id` at or after `since`.
fn first_read_after(sandbox: &Sandbox, id: &str, since: Instant) -> Option<Instant> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.ends_with(id) && r.at >= since)
        .map(|r| r.at)
        .min()
}

fn reads_between(sandbox: &Sandbox, id: &str, from: Instant, to: Instant) -> usize {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.ends_with(id) && r.at >= from && r.at < to)
        .count()
}

fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort();
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    let (p50, p95) = (percentile(&mut samples, 50), percentile(&mut samples, 95));
    println!(
        "{name:<52} p50 {:>6.0} ms   p95 {:>6.0} ms   (n = {})",
        p50.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        samples.len()
    );
}

fn main() {
    kassa::i18n::set_language(Lang::En);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let cfg = SandboxConfig {
            demo_days: 0,
            ..SandboxConfig::default()
        };
        let (mut app, _journal) = boot(cfg, PollPolicy::default()).await;
        let services = app.services().unwrap().clone();
        let sandbox = services.sandbox.as_ref().unwrap();
        let (mut scanned, mut authorized, mut on_screen) = (Vec::new(), Vec::new(), Vec::new());
        let (mut waiting_reads, mut waiting_secs) = (0usize, 0f64);
        let (mut active_reads, mut active_secs) = (0usize, 0f64);
        for round in 0..30u64 {
            charge(&mut app).await;
            let id = payment_id(&app);
            let created = Instant::now();
            // The customer scans at a moment of their own, independent of the poll schedule.
            let scan_after = Duration::from_millis(300 + (round * 397) % 2500);
            let scan = act_later(&services, &id, scan_after, CustomerAction::Scan);
            run_polls(&mut app, Duration::from_secs(10), |a| {
                status(a) == Some(PaymentStatus::Identified)
            })
            .await
            .expect("the scan shows");
            let change = scan.await.unwrap();
            scanned.push(first_read_after(sandbox, &id, change).unwrap() - change);
            waiting_reads += reads_between(sandbox, &id, created, change);
            waiting_secs += (change - created).as_secs_f64();

            // Scanned: the customer confirms after a moment.
            let think = Duration::from_millis(200 + (round * 211) % 1500);
            let active_from = Instant::now();
            let confirm = act_later(
                &services,
                &id,
                think,
                CustomerAction::Confirm {
                    tip: Money::from_cents(0),
                },
            );
            let shown = run_polls(&mut app, Duration::from_secs(10), |a| {
                matches!(
                    status(a),
                    Some(PaymentStatus::Authorized | PaymentStatus::Succeeded)
                )
            })
            .await
            .expect("the confirmation shows");
            let change = confirm.await.unwrap();
            authorized.push(first_read_after(sandbox, &id, change).unwrap() - change);
            on_screen.push(shown - change);
            run_polls(&mut app, Duration::from_secs(5), |a| {
                status(a) == Some(PaymentStatus::Succeeded)
            })
            .await;
            active_reads += reads_between(sandbox, &id, active_from, Instant::now());
            active_secs += active_from.elapsed().as_secs_f64();
            send(
                &mut app,
                Message::Checkout(kassa::screen::checkout::Message::NewSale),
            )
            .await;
        }
        report("scan -> read at the API (waiting: 1 req/s)", scanned);
        report("confirm -> read at the API (scanned)", authorized);
        report("confirm -> on screen (scanned)", on_screen);
        println!(
            "{:<52} {:.2} requests/s",
            "reads while waiting for the scan (first minute)",
            waiting_reads as f64 / waiting_secs
        );
        println!(
            "{:<52} {:.2} requests/s",
            "reads once scanned",
            active_reads as f64 / active_secs
        );

        // A QR nobody scans: the rate after the first minute.
        charge(&mut app).await;
        let id = payment_id(&app);
        let t0 = Instant::now();
        run_polls(&mut app, Duration::from_secs(80), |_| false).await;
        let late = reads_between(
            sandbox,
            &id,
            t0 + Duration::from_secs(62),
            t0 + Duration::from_secs(80),
        );
        println!(
            "{:<52} {:.2} requests/s",
            "reads while waiting, after the first minute",
            late as f64 / 18.0
        );
        let first = reads_between(sandbox, &id, t0, t0 + Duration::from_secs(60));
        println!(
            "{:<52} {:.2} requests/s",
            "reads while waiting, first minute (unscanned QR)",
            first as f64 / 60.0
        );
    });
}
