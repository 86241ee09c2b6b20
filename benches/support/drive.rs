//! Driving the real `App` outside the iced runtime, as benches need: boot with a journal in a
//! temporary directory and an embedded sandbox, send messages and run the tasks they return.
#![allow(dead_code)]

use std::sync::Arc;

use futures::StreamExt;
use iced_test::runtime::{Action, task};
use kassa::app::{App, Message, Screen};
use kassa::config::Settings;
use kassa::i18n::Lang;
use kassa::journal::Journal;
use kassa::payconiq::ClientOptions;
use kassa::sandbox::SandboxConfig;
use kassa::screen::checkout::PollPolicy;
use kassa::screen::till;
use kassa::services::Services;
use kassa::widget::keypad::Key;

/// Updates the app with `message` and runs every task that follows, in order.
pub async fn send(app: &mut App, message: Message) {
    let mut queue = std::collections::VecDeque::from([message]);
    while let Some(m) = queue.pop_front() {
        if let Some(mut stream) = task::into_stream(app.update(m)) {
            while let Some(action) = stream.next().await {
                if let Action::Output(out) = action {
                    queue.push_back(out);
                }
            }
        }
    }
}

/// A started app on `cfg`'s sandbox with a fresh journal (kept alive by the returned dir).
pub async fn boot(cfg: SandboxConfig, policy: PollPolicy) -> (App, tempfile::TempDir) {
    let settings = Settings {
        language: Some(Lang::En),
        ..Settings::default()
    };
    let services = Services::embedded(cfg, ClientOptions::default())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(settings, policy);
    let opened = app.open_with(Journal::open(&dir.path().join("journal.sqlite")));
    drop(opened);
    let started = app.start_with(Arc::new(services));
    drop(started);
    (app, dir)
}

/// Types 12.50 and presses Charge; the checkout opens.
pub async fn charge(app: &mut App) {
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
