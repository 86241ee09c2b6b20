//! The keyboard, as a cashier without a mouse uses it: Tab through the till in reading order,
//! letters on the amount starting the description, every shortcut in the README's table, Esc
//! leaving every secondary screen, and the manager's Lock now.

use std::sync::Arc;

use crate::support::ui::{Harness, Laid, screen_sized};
use iced::keyboard::{self, key::Named};
use kassa::app::{Message, Screen};
use kassa::sandbox::SandboxConfig;
use kassa::secrets::MemoryStore;
use kassa::shortcuts::{self, BINDINGS, Command};

fn key(named: Named) -> Message {
    Message::Keyboard(shortcuts::press(named, false))
}

/// A key that types `c` (a letter or digit on the main keys).
fn typed(c: char) -> Message {
    let s = c.to_string();
    Message::Keyboard(keyboard::Event::KeyPressed {
        key: keyboard::Key::Character(s.as_str().into()),
        modified_key: keyboard::Key::Character(s.as_str().into()),
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers: keyboard::Modifiers::default(),
        text: Some(s.as_str().into()),
        repeat: false,
    })
}

/// What Tab reaches, one press at a time, on one window that keeps its state.
fn tab_order(h: &Harness, presses: usize, back: bool) -> Vec<String> {
    let mut ui = screen_sized(h.app.view_main(), h.size);
    (0..presses)
        .map(|_| {
            ui.simulate([iced::Event::Keyboard(shortcuts::press(Named::Tab, back))]);
            Laid::of(&mut ui).focused().unwrap_or_default()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_goes_through_the_till_in_reading_order_and_enter_presses() {
    let mut h = Harness::new().await;
    let stops = Laid::of(&mut screen_sized(h.app.view_main(), h.size))
        .focusables
        .len();
    let forward = tab_order(&h, stops + 1, false);
    assert_eq!(
        forward[..4],
        ["#till-description", "#till-reference", "Clear", "Charge"],
        "from the amount: the fields, then the till's buttons ({forward:#?})"
    );
    let header: Vec<usize> = [
        "Invoice QR F3",
        "Today's sales F2",
        "Manager F4",
        "Customer display F6",
    ]
    .iter()
    .map(|b| {
        forward
            .iter()
            .position(|f| f == b)
            .unwrap_or_else(|| panic!("{b} never reached: {forward:#?}"))
    })
    .collect();
    assert!(header.is_sorted(), "the header left to right: {forward:#?}");
    assert_eq!(forward[stops], forward[0], "round the end to the start");
    let mut backward = tab_order(&h, stops, true);
    backward.reverse();
    assert_eq!(
        backward,
        forward[..stops],
        "Shift-Tab goes the same way back"
    );
    println!("Tab order: {forward:?}");

    // Tab to Charge, Enter: the sale is charged.
    h.type_amount("5").await;
    let messages: Vec<Message> = {
        let mut ui = screen_sized(h.app.view_main(), h.size);
        for _ in 0..4 {
            ui.simulate([iced::Event::Keyboard(shortcuts::press(Named::Tab, false))]);
        }
        assert_eq!(Laid::of(&mut ui).focused().as_deref(), Some("Charge"));
        ui.simulate([iced::Event::Keyboard(shortcuts::press(Named::Enter, false))]);
        ui.into_messages().collect()
    };
    for m in messages {
        h.send(m).await;
    }
    assert!(matches!(h.app.screen(), Screen::Checkout(_)), "charged");
}

#[tokio::test(flavor = "multi_thread")]
async fn letters_typed_on_the_amount_start_the_description() {
    let mut h = Harness::new().await;
    for c in "12".chars() {
        h.send(typed(c)).await;
    }
    h.send(typed('P')).await;
    let Screen::Till(t) = h.app.screen() else {
        panic!("on the till")
    };
    assert_eq!(t.description(), "P", "the letter is kept, not dropped");
    assert_eq!(t.display_amount(), "€12.00", "and not taken as a digit");
    // The field has the focus now: what follows is typed into it.
    h.send(Message::Till(kassa::screen::till::Message::Description(
        "Pizza".into(),
    )))
    .await;
    h.send(key(Named::Enter)).await;
    let Screen::Checkout(c) = h.app.screen() else {
        panic!("charged")
    };
    assert_eq!(c.payment().description.as_deref(), Some("Pizza"));
}

/// The README's keyboard table: its F-key rows, each as (key, what it does).
fn readme_shortcuts() -> Vec<(String, String)> {
    let readme = include_str!("../../README.md");
    let table = readme
        .split("### Keyboard")
        .nth(1)
        .expect("a Keyboard section");
    table
        .lines()
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let (key, does) = (*cells.get(2)?, *cells.get(3)?);
            (key.starts_with('F') && key[1..].parse::<u8>().is_ok())
                .then(|| (key.to_string(), does.to_string()))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_shortcut_in_the_readme_does_what_it_says() {
    let rows = readme_shortcuts();
    let mut keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    let mut bound: Vec<&str> = BINDINGS.iter().map(|b| b.hint).collect();
    keys.sort();
    bound.sort();
    assert_eq!(keys, bound, "the README lists exactly the app's shortcuts");
    for b in &BINDINGS {
        let does = &rows.iter().find(|(k, _)| k == b.hint).unwrap().1;
        let named = match b.command {
            Command::Today => "Today's sales",
            Command::Invoice => "Invoice QR",
            Command::Manager => "Manager",
            Command::Display => "Customer display",
            Command::Lock => "Lock now",
            Command::FullScreen => "full screen",
        };
        assert!(does.contains(named), "{}: '{does}'", b.hint);
    }

    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    let press = |c: Command| key(BINDINGS.iter().find(|b| b.command == c).unwrap().key);
    h.send(press(Command::Today)).await;
    assert!(matches!(h.app.screen(), Screen::Today(_)));
    h.send(key(Named::Escape)).await;
    h.send(press(Command::Invoice)).await;
    assert!(matches!(h.app.screen(), Screen::Invoice(_)));
    h.send(key(Named::Escape)).await;
    assert!(matches!(
        h.app.command(Command::Display),
        Some(Message::ToggleDisplay)
    ));
    assert!(!h.app.is_full_screen());
    h.send(press(Command::FullScreen)).await;
    assert!(h.app.is_full_screen());
    h.send(press(Command::FullScreen)).await;
    assert!(!h.app.is_full_screen());
    assert!(
        h.app.command(Command::Lock).is_none(),
        "nothing to lock on the till"
    );
    h.send(press(Command::Manager)).await;
    assert!(matches!(h.app.screen(), Screen::Lock(_)));
    h.send(key(Named::Escape)).await;
    h.choose_pin("2468").await;
    assert!(matches!(h.app.screen(), Screen::History(_)));
    assert!(
        h.app.command(Command::Today).is_none(),
        "till shortcuts wait for the till"
    );
    h.send(press(Command::Lock)).await;
    assert!(matches!(h.app.screen(), Screen::Till(_)), "locked");
    h.send(press(Command::Manager)).await;
    assert!(
        matches!(h.app.screen(), Screen::Lock(_)),
        "the PIN is asked"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn esc_leaves_every_secondary_screen() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    h.no_file_dialogs();
    h.charge("3").await;
    h.click("Pay").await;
    h.until(kassa::payconiq::model::PaymentStatus::Succeeded)
        .await;
    h.click("New sale").await;
    let esc = key(Named::Escape);
    let on_till = |h: &Harness| matches!(h.app.screen(), Screen::Till(_));

    for open in ["Today's sales", "Invoice QR", "Manager"] {
        h.click(open).await;
        assert!(!on_till(&h), "{open} opens");
        h.send(esc.clone()).await;
        assert!(on_till(&h), "Esc leaves {open}");
    }
    h.choose_pin("2468").await;
    type IsScreen = fn(&Screen) -> bool;
    let from_history: [(&str, IsScreen); 5] = [
        ("€3.00", |s| matches!(s, Screen::Detail(_))),
        ("Payouts…", |s| matches!(s, Screen::Payouts(_))),
        ("Shift report…", |s| matches!(s, Screen::Shift(_))),
        ("Refund…", |s| matches!(s, Screen::Refund(_))),
        ("Settings…", |s| matches!(s, Screen::Settings(_))),
    ];
    for (open, is) in from_history {
        h.click(open).await;
        assert!(is(h.app.screen()), "{open} opens");
        h.send(esc.clone()).await;
        assert!(!is(h.app.screen()), "Esc leaves {open}");
        if !matches!(h.app.screen(), Screen::History(_)) {
            // Refund and Settings close to the till, locking: open the history again.
            assert!(on_till(&h), "{open}: back to the history or the till");
            h.unlock("2468").await;
        }
    }
    // A payment's refund form closes first, then the payment.
    h.click("€3.00").await;
    h.click("Refund…").await;
    h.send(esc.clone()).await;
    assert!(
        matches!(h.app.screen(), Screen::Detail(_)),
        "the form closed"
    );
    h.send(esc.clone()).await;
    assert!(matches!(h.app.screen(), Screen::History(_)));
    h.click("Settings…").await;
    h.click("Sticker…").await;
    h.send(esc.clone()).await;
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    h.send(esc.clone()).await;
    assert!(on_till(&h));
}

#[tokio::test(flavor = "multi_thread")]
async fn lock_now_and_closing_the_manager_screens_ask_the_pin_again() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    h.choose_pin("2468").await;
    assert!(matches!(h.app.screen(), Screen::History(_)));
    h.click("Lock now").await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
    assert!(!h.shows("Lock now"), "nothing left to lock");
    h.click("Manager").await;
    assert!(h.shows("Enter the manager PIN."), "Lock now locked");
    h.send(key(Named::Escape)).await;

    h.unlock("2468").await;
    h.click("Shift report…").await;
    assert!(h.shows("Lock now"), "in every manager screen's header");
    h.click("Back").await;
    h.click("Close").await;
    h.click("Manager").await;
    assert!(
        h.shows("Enter the manager PIN."),
        "closing the last manager screen locked"
    );
}

/// Changing the PIN is a manager screen too: leaving it for the till locks, F8 locks from it.
#[tokio::test(flavor = "multi_thread")]
async fn leaving_the_change_pin_screen_locks_the_manager_screens() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    h.choose_pin("2468").await;
    h.click("Settings…").await;
    h.send(Message::Settings(
        kassa::screen::settings::Message::ChangePin,
    ))
    .await;
    assert!(matches!(h.app.screen(), Screen::Lock(_)));
    assert!(h.shows("Lock now"), "offered there too");
    h.send(key(Named::Escape)).await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
    h.send(key(Named::F4)).await;
    assert!(
        h.shows("Enter the manager PIN."),
        "locked, not straight back to the history"
    );
    h.send(key(Named::Escape)).await;
    h.unlock("2468").await;
    h.click("Settings…").await;
    h.send(Message::Settings(
        kassa::screen::settings::Message::ChangePin,
    ))
    .await;
    h.send(key(Named::F8)).await;
    assert!(
        matches!(h.app.screen(), Screen::Till(_)),
        "F8 locks from it"
    );
    h.send(key(Named::F4)).await;
    assert!(h.shows("Enter the manager PIN."));
}
