//! Till benchmarks, printed as figures: cold start to first frame, Charge to QR on screen
//! against the embedded sandbox, CPU use while a QR waits on screen, and resident memory.
//!
//! Frames are drawn with iced's tiny-skia renderer into memory (iced_test), the way the till
//! draws without a GPU, but without a window system: a real window adds the compositor's share.
//! Run with `cargo bench --bench till`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use iced_test::Simulator;
use iced_test::runtime::{Action, task};
use kassa::app::{App, Message, Screen};
use kassa::config::Settings;
use kassa::i18n::Lang;
use kassa::payconiq::ClientOptions;
use kassa::sandbox::SandboxConfig;
use kassa::screen::checkout::PollPolicy;
use kassa::screen::till;
use kassa::services::Services;
use kassa::widget::keypad::Key;

fn frame(app: &App) {
    let mut ui = Simulator::with_size(
        iced::Settings::default(),
        iced::Size::new(1100.0, 820.0),
        app.view_main(),
    );
    ui.snapshot(&kassa::theme::theme())
        .expect("a frame renders");
}

async fn send(app: &mut App, message: Message) {
    let mut queue = vec![message];
    while let Some(m) = queue.pop() {
        if let Some(mut stream) = task::into_stream(app.update(m)) {
            while let Some(action) = stream.next().await {
                if let Action::Output(out) = action {
                    queue.push(out);
                }
            }
        }
    }
}

async fn boot(policy: PollPolicy) -> App {
    let settings = Settings {
        language: Some(Lang::En),
        ..Settings::default()
    };
    let services = Services::embedded(SandboxConfig::default(), ClientOptions::default())
        .await
        .unwrap();
    let mut app = App::new(settings, policy);
    app.start_with(Arc::new(services));
    app
}

async fn charge(app: &mut App) {
    for k in [
        Key::Digit('1'),
        Key::Digit('2'),
        Key::Separator,
        Key::Digit('5'),
    ] {
        send(app, Message::Till(till::Message::Key(k))).await;
    }
    send(app, Message::Till(till::Message::Charge)).await;
    assert!(matches!(app.screen(), Screen::Checkout(_)));
}

/// Process CPU time (user + system) from /proc, in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    println!(
        "{name:<40} median {median:>9.2?}   p95 {p95:>9.2?}   (n = {})",
        samples.len()
    );
}

fn main() {
    kassa::i18n::set_language(Lang::En);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        // Cold start: services (embedded sandbox with demo history), app, first frame.
        let mut starts = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let app = boot(PollPolicy::default()).await;
            frame(&app);
            starts.push(t.elapsed());
        }
        summary("cold start to first frame", starts);

        // Charge to QR on screen: the create call, the QR render, the checkout frame.
        let mut app = boot(PollPolicy::default()).await;
        let mut charges = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            charge(&mut app).await;
            frame(&app);
            charges.push(t.elapsed());
            send(
                &mut app,
                Message::Checkout(kassa::screen::checkout::Message::Cancel),
            )
            .await;
            send(
                &mut app,
                Message::Checkout(kassa::screen::checkout::Message::NewSale),
            )
            .await;
            if !matches!(app.screen(), Screen::Till(_)) {
                // The cancel is confirmed by the next poll.
                send(&mut app, Message::Tick).await;
                send(
                    &mut app,
                    Message::Checkout(kassa::screen::checkout::Message::NewSale),
                )
                .await;
            }
        }
        summary("Charge to QR on screen", charges);

        // A QR waiting for a scan: what the running till does for 10 s (ticks at the
        // subscription's interval, polls when due, one redraw per tick).
        let mut app = boot(PollPolicy::default()).await;
        charge(&mut app).await;
        frame(&app);
        let interval = match app.screen() {
            Screen::Checkout(c) => c.tick_interval(),
            _ => unreachable!(),
        };
        let (cpu0, wall0) = (cpu_seconds(), Instant::now());
        let mut ticks = 0;
        while wall0.elapsed() < Duration::from_secs(10) {
            tokio::time::sleep(interval).await;
            send(&mut app, Message::Tick).await;
            frame(&app);
            ticks += 1;
        }
        if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
            let pct = (b - a) / wall0.elapsed().as_secs_f64() * 100.0;
            println!(
                "{:<40} {pct:>6.2} % of one core ({ticks} ticks of {interval:?})",
                "CPU while a QR waits on screen"
            );
        }
        if let Some(rss) = rss_mib() {
            println!(
                "{:<40} {rss:>6.1} MiB",
                "resident memory with a QR on screen"
            );
        }
    });
}
