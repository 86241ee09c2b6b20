//! Payment history with 10,000 payments in the journal: loading them, the first frame of the
//! history screen, and one frame after a scroll. Frames are laid out and drawn with iced's
//! tiny-skia renderer into memory (iced_test), as in `benches/till.rs`.
//! Run with `cargo bench --bench history`.

use std::time::{Duration, Instant};

use iced::mouse;
use iced_test::Simulator;
use kassa::i18n::Lang;
use kassa::journal::{Attempt, Journal, account_key};
use kassa::money::Money;
use kassa::payconiq::model::{Payment, PaymentStatus};
use kassa::screen::history::{History, Message};

const PAYMENTS: usize = 10_000;

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    println!(
        "{name:<44} median {median:>9.2?}   p95 {p95:>9.2?}   (n = {})",
        samples.len()
    );
}

fn simulator(h: &History) -> Simulator<'_, Message> {
    Simulator::with_size(
        iced::Settings::default(),
        iced::Size::new(1024.0, 768.0),
        h.view(),
    )
}

/// Lays out and draws one frame of the history screen.
fn frame(h: &History) {
    simulator(h)
        .snapshot(&kassa::theme::theme())
        .expect("a frame renders");
}

/// Scrolls the list by `pixels` with the mouse wheel, updates the screen with what the list
/// reported, and draws the frame that follows.
fn scroll_frame(h: &mut History, pixels: f32) {
    let messages: Vec<Message> = {
        let mut ui = simulator(h);
        ui.point_at(iced::Point::new(500.0, 500.0));
        let _ = ui.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -pixels },
        })]);
        ui.into_messages().collect()
    };
    assert!(!messages.is_empty(), "the list reported its scroll");
    for m in messages {
        h.update(m);
    }
    frame(h);
}

fn main() {
    kassa::i18n::set_language(Lang::En);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    let start = time::OffsetDateTime::now_utc() - time::Duration::hours(2);
    rt.block_on(async {
        let j = Journal::open(&path).unwrap();
        let t = Instant::now();
        for i in 0..PAYMENTS {
            let reference = format!("K-BENCH-{i:05}");
            let at = start + time::Duration::milliseconds(i as i64 * 500);
            j.record_attempt(Attempt {
                reference: reference.clone(),
                amount: Money::from_cents(100 + (i as i64 % 5000)),
                description: Some(format!("Sale {i}")),
                pos_id: None,
                account: account_key("http://127.0.0.1:1", "p"),
                at,
            })
            .await
            .unwrap();
            let payment: Payment = serde_json::from_value(serde_json::json!({
                "paymentId": format!("pay{i:020}"),
                "status": if i % 7 == 0 { PaymentStatus::Cancelled } else { PaymentStatus::Succeeded }.as_str(),
                "amount": 100 + (i as i64 % 5000),
            }))
            .unwrap();
            j.record_created(&reference, &payment).await.unwrap();
        }
        println!(
            "(setup: {PAYMENTS} sales written durably in {:.1?})",
            t.elapsed()
        );
    });

    let mut loads = Vec::new();
    let mut firsts = Vec::new();
    let mut scrolls = Vec::new();
    for _ in 0..10 {
        // A fresh open each time, as when the manager opens the screen.
        let entries = rt.block_on(async {
            let j = Journal::open(&path).unwrap();
            let t = Instant::now();
            let e = j
                .entries_since(start - time::Duration::hours(1))
                .await
                .unwrap();
            loads.push(t.elapsed());
            e
        });
        assert_eq!(entries.len(), PAYMENTS);
        let mut h = History::new(Lang::En);
        let t = Instant::now();
        h.update(Message::JournalLoaded(Ok(entries)));
        h.update(Message::ApiLoaded(Ok(Vec::new())));
        frame(&h);
        firsts.push(t.elapsed());
        assert_eq!(h.shown().count(), PAYMENTS);
        for k in 0..5 {
            let t = Instant::now();
            scroll_frame(&mut h, 1500.0 + 700.0 * k as f32);
            scrolls.push(t.elapsed());
        }
    }
    // The fixed cost of a frame (a new simulator, layout and a full 1024×768 draw), for scale.
    let mut empty = History::new(Lang::En);
    empty.update(Message::JournalLoaded(Ok(Vec::new())));
    let mut baseline = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        frame(&empty);
        baseline.push(t.elapsed());
    }
    summary("a frame of the empty screen (for scale)", baseline);
    summary("load 10,000 sales from the journal", loads);
    summary("merge + filter + first frame (1024×768)", firsts);
    summary("one scroll frame", scrolls);
}
