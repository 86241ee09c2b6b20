//! Till benchmarks, printed as figures: cold start to first frame, Charge to QR on screen
//! against the embedded sandbox, CPU use while a QR waits on screen, and resident memory.
//!
//! Frames are drawn with iced's tiny-skia renderer into memory (iced_test), the way the till
//! draws without a GPU, but without a window system: a real window adds the compositor's share.
//! Run with `cargo bench --bench till`.

#[path = "support/drive.rs"]
mod drive;

use std::time::{Duration, Instant};

use drive::{boot, charge, send};
use iced_test::Simulator;
use kassa::app::{App, Message, Screen};
use kassa::i18n::Lang;
use kassa::sandbox::SandboxConfig;
use kassa::screen::checkout::PollPolicy;

fn frame(app: &App) {
    let mut ui = Simulator::with_size(
        iced::Settings::default(),
        iced::Size::new(1100.0, 820.0),
        app.view_main(),
    );
    ui.snapshot(&kassa::theme::theme())
        .expect("a frame renders");
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
    // What the installers ship: the release binary (benches build it with the release profile).
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_kassa"));
    if let Ok(meta) = bin.metadata() {
        println!(
            "release binary {}: {:.1} MiB",
            bin.display(),
            meta.len() as f64 / (1024.0 * 1024.0)
        );
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        // Cold start: services (embedded sandbox with demo history), app, first frame.
        let mut starts = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let (app, _journal) = boot(SandboxConfig::default(), PollPolicy::default()).await;
            frame(&app);
            starts.push(t.elapsed());
        }
        summary("cold start to first frame", starts);

        // Charge to QR on screen: the create call, the QR render, the checkout frame.
        let (mut app, _journal) = boot(SandboxConfig::default(), PollPolicy::default()).await;
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
                send(&mut app, Message::Poll).await;
                send(
                    &mut app,
                    Message::Checkout(kassa::screen::checkout::Message::NewSale),
                )
                .await;
            }
        }
        summary("Charge to QR on screen", charges);

        // A QR waiting for a scan: what the running till does for 10 s (a status read at the
        // poll subscription's pace, the countdown clock every second, a redraw after each).
        let (mut app, _journal) = boot(SandboxConfig::default(), PollPolicy::default()).await;
        charge(&mut app).await;
        frame(&app);
        let interval = app.poll_interval().unwrap();
        let (cpu0, wall0) = (cpu_seconds(), Instant::now());
        let mut ticks = 0;
        while wall0.elapsed() < Duration::from_secs(10) {
            tokio::time::sleep(interval).await;
            send(&mut app, Message::Poll).await;
            send(&mut app, Message::Tick).await;
            frame(&app);
            ticks += 1;
        }
        if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
            let pct = (b - a) / wall0.elapsed().as_secs_f64() * 100.0;
            println!(
                "{:<40} {pct:>6.2} % of one core ({ticks} reads and clock ticks every {interval:?})",
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
