//! The till driven through its real iced views (iced_test simulator, tiny-skia) against the
//! embedded sandbox: every message a click produces goes through `App::update`, and every task
//! the app returns is run, as the iced runtime would.

use std::sync::Arc;

use crate::support::ui::{Harness, screen, till_screens};
use kassa::app::{App, Message, Screen};
use kassa::config::{PayMode, Settings};
use kassa::i18n::Lang;
use kassa::money::Money;
use kassa::payconiq::model::PaymentStatus;
use kassa::sandbox::{CustomerAction, Fault, FaultKind, SandboxConfig};
use kassa::screen::checkout::{self, PollPolicy};
use kassa::services::Services;

#[tokio::test(flavor = "multi_thread")]
async fn charge_12_50_scan_confirm_paid() {
    let mut h = Harness::new().await;
    assert!(h.shows("Sandbox — no real money"));
    h.type_amount("12.50").await;
    assert!(h.shows("€12.50"), "the amount shows as money");
    h.click("Charge").await;
    assert!(h.shows("Ask the customer to scan the code with the Payconiq or banking app."));
    assert!(h.shows("€12.50"));
    let id = h.payment_id();
    let created = h
        .sandbox()
        .payments()
        .into_iter()
        .find(|p| p.payment_id == id)
        .unwrap();
    assert_eq!(created.amount, Money::from_cents(1250));
    assert!(
        created.reference.unwrap().starts_with('K'),
        "a till reference"
    );

    h.click("Scan the code").await;
    assert_eq!(h.status(), PaymentStatus::Identified);
    assert!(h.shows("The customer scanned the code and is confirming."));
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    assert!(h.shows("Paid"));
    h.click("New sale").await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
    assert!(h.shows("€0.00"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_screen_qr_decodes_to_the_deeplink() {
    let mut h = Harness::new().await;
    h.charge("7").await;
    let Screen::Checkout(c) = h.app.screen() else {
        unreachable!()
    };
    let deeplink = c.payment().deeplink().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("checkout.png");
    {
        let mut ui = screen(h.app.view_main());
        let snapshot = ui.snapshot(&kassa::theme::theme()).unwrap();
        assert!(
            snapshot.matches_image(&shot).unwrap(),
            "first call writes the screenshot"
        );
    }
    // The simulator names the file after its renderer.
    let written = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let _ = shot;
    let img = image::open(&written).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the checkout screen");
    assert_eq!(grids[0].decode().unwrap().1, deeplink);
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_before_scan() {
    let mut h = Harness::new().await;
    h.charge("3").await;
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    assert!(
        h.shows("Cancelled here at the till. Nothing was charged."),
        "says who ended it"
    );
}

/// The customer scanned but the till has not read it yet: "waiting" is stale, so Esc reads
/// the status again and asks instead of cancelling.
#[tokio::test(flavor = "multi_thread")]
async fn escape_right_after_an_unseen_scan_asks_first() {
    let mut h = Harness::new().await;
    h.charge("3").await;
    let id = h.payment_id();
    h.sandbox()
        .customer(&id, kassa::sandbox::CustomerAction::Scan)
        .unwrap();
    assert_eq!(h.status(), PaymentStatus::Pending, "not seen yet");
    h.send(Message::Keyboard(escape())).await;
    assert!(h.shows("The customer already scanned the code. Cancel anyway?"));
    assert_eq!(h.status(), PaymentStatus::Identified);
    let p = h
        .sandbox()
        .payments()
        .into_iter()
        .find(|p| p.payment_id == id);
    assert_eq!(
        p.unwrap().status,
        PaymentStatus::Identified,
        "nothing cancelled"
    );
    h.send(Message::Keyboard(escape())).await;
    assert!(!h.shows("The customer already scanned the code. Cancel anyway?"));

    // Still waiting for real: Esc cancels after the fresh read.
    h.sandbox()
        .customer(&id, kassa::sandbox::CustomerAction::Decline)
        .unwrap();
    h.until(PaymentStatus::Cancelled).await;
    h.click("New sale").await;
    h.charge("4").await;
    h.send(Message::Keyboard(escape())).await;
    h.until(PaymentStatus::Cancelled).await;
    assert!(h.shows("Cancelled here at the till. Nothing was charged."));
}

fn escape() -> iced::keyboard::Event {
    named(iced::keyboard::key::Named::Escape)
}

fn named(name: iced::keyboard::key::Named) -> iced::keyboard::Event {
    use iced::keyboard::{Event, Key, Location, Modifiers, key::Physical};
    Event::KeyPressed {
        key: Key::Named(name),
        modified_key: Key::Named(name),
        physical_key: Physical::Unidentified(iced::keyboard::key::NativeCode::Unidentified),
        location: Location::Standard,
        modifiers: Modifiers::empty(),
        text: None,
        repeat: false,
    }
}

fn key(c: char) -> iced::keyboard::Event {
    use iced::keyboard::{Event, Key, Location, Modifiers, key::Physical};
    Event::KeyPressed {
        key: Key::Character(c.to_string().into()),
        modified_key: Key::Character(c.to_string().into()),
        physical_key: Physical::Unidentified(iced::keyboard::key::NativeCode::Unidentified),
        location: Location::Standard,
        modifiers: Modifiers::empty(),
        text: Some(c.to_string().into()),
        repeat: false,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_after_scan_asks_first() {
    let mut h = Harness::new().await;
    h.charge("3").await;
    h.click("Scan the code").await;
    h.click("Cancel payment").await;
    assert!(h.shows("The customer already scanned the code. Cancel anyway?"));
    h.click("Keep waiting").await;
    assert_eq!(h.status(), PaymentStatus::Identified);
    h.click("Cancel payment").await;
    // The confirmation's own button carries the same words.
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn expiry_offers_to_try_again_with_the_same_amount() {
    let cfg = SandboxConfig {
        expiry: time::Duration::milliseconds(300),
        ..SandboxConfig::for_tests()
    };
    let mut h = Harness::with(cfg, Settings::default()).await;
    h.charge("42").await;
    assert!(h.shows("Expires in 0:00"));
    tokio::time::sleep(std::time::Duration::from_millis(350)).await;
    h.until(PaymentStatus::Expired).await;
    assert!(h.shows("Expired"));
    h.click("Try again").await;
    let Screen::Till(t) = h.app.screen() else {
        panic!("back on the till")
    };
    assert_eq!(t.amount().unwrap(), Money::from_cents(4200));
}

#[tokio::test(flavor = "multi_thread")]
async fn decline_and_insufficient_funds() {
    let mut h = Harness::new().await;
    h.charge("5").await;
    h.click("Scan the code").await;
    h.click("Decline").await;
    h.until(PaymentStatus::Cancelled).await;
    assert!(
        h.shows("Cancelled"),
        "the status in the words every screen uses"
    );
    assert!(h.shows("The customer cancelled the payment on the phone. Nothing was charged."));
    assert!(!h.shows("Cancelled here at the till. Nothing was charged."));
    h.click("New sale").await;

    h.charge("5").await;
    h.click("Insufficient funds").await;
    h.until(PaymentStatus::AuthorizationFailed).await;
    assert!(h.shows("Payment refused"));
    assert!(h.shows(
        "The customer's bank refused the payment (for example insufficient funds or a limit)."
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn void_enabled_complete_and_void() {
    let mut h = Harness::new().await;
    h.click("Void-enabled profile: off").await;
    assert!(h.sandbox().void_enabled());
    // The panel says what the sandbox is, however it was switched (its control endpoint too).
    h.sandbox().set_void_enabled(false);
    assert!(h.shows("Void-enabled profile: off"));
    h.sandbox().set_void_enabled(true);
    assert!(h.shows("Void-enabled profile: on"));

    h.charge("20").await;
    h.click("Pay").await;
    h.until(PaymentStatus::PendingMerchantAcknowledgement).await;
    assert!(h.shows("The customer paid. Complete the sale or void it."));
    h.click("Complete sale").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;

    h.charge("9.99").await;
    h.send(Message::Phone(kassa::screen::phone::Message::Tip(
        "1".into(),
    )))
    .await;
    h.click("Pay").await;
    h.until(PaymentStatus::PendingMerchantAcknowledgement).await;
    assert!(h.shows("€10.99"), "the total the customer authorised");
    assert!(h.shows("Including a tip of €1.00"));
    assert!(!h.shows("€9.99"));
    // Void asks first, and Keep leaves the payment as it was.
    h.click("Void").await;
    assert!(h.shows("Void this payment? The customer gets €10.99 back."));
    h.click("Keep the payment").await;
    assert_eq!(h.status(), PaymentStatus::PendingMerchantAcknowledgement);
    assert!(!h.shows("Void this payment? The customer gets €10.99 back."));
    // The first void's answer is lost; the screen keeps trying until the API confirms.
    h.sandbox().inject(Fault::new(
        "cancel",
        FaultKind::Status { status: 503 },
        Some(4),
    ));
    h.click("Void").await;
    h.click("Void and give the money back").await;
    h.until(PaymentStatus::Voided).await;
    assert!(h.shows("The customer gets the money back."));
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_then_recovery() {
    let mut h = Harness::new().await;
    h.charge("9").await;
    h.sandbox().inject(Fault::new(
        "get",
        FaultKind::Status { status: 503 },
        Some(8),
    ));
    h.tick().await;
    assert!(
        h.shows("Offline — retrying"),
        "an indicator, not an error dialog"
    );
    h.sandbox()
        .customer(
            &h.payment_id(),
            CustomerAction::Confirm {
                tip: Money::default(),
            },
        )
        .unwrap();
    h.sandbox().clear_faults();
    h.until(PaymentStatus::Succeeded).await;
    assert!(!h.shows("Offline — retrying"));
    assert!(h.shows("Paid"));
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_amounts_and_descriptions_are_explained_and_kept() {
    let mut h = Harness::new().await;
    h.click("Charge").await;
    assert!(h.shows("Enter an amount first."));
    h.type_amount("8").await;
    h.send(Message::Till(kassa::screen::till::Message::Description(
        "Pizza 🍕".into(),
    )))
    .await;
    assert!(
        h.shows("Description (optional): “🍕” (character 7) cannot be used in a bank payment.")
    );
    h.click("Charge").await;
    assert!(
        matches!(h.app.screen(), Screen::Till(_)),
        "nothing was charged"
    );
    assert!(h.shows("€8.00"));

    // A digit past the maximum is refused, said, and the amount kept as it was.
    h.send(Message::Till(kassa::screen::till::Message::Description(
        "Pizza".into(),
    )))
    .await;
    h.click("Clear").await;
    h.type_amount("12345").await;
    assert!(h.shows("€1,234.00"));
    assert!(h.shows("Not added: the amount can be at most €9,999.99."));
    h.click("Clear").await;
    h.type_amount("1000000").await;
    assert!(h.shows("Not added: the amount can be at most €9,999.99."));
    h.click("Charge").await;
    let Screen::Checkout(c) = h.app.screen() else {
        panic!("charges what the screen shows")
    };
    assert_eq!(
        c.payment().amount,
        Money::from_cents(100_000),
        "the €1,000.00 shown"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_enter_charges_and_escape_cancels() {
    use iced::keyboard::{self, Key, key::Named};
    let press = |key: Key, text: Option<&str>| {
        Message::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers: keyboard::Modifiers::default(),
            text: text.map(Into::into),
            repeat: false,
        })
    };
    let mut h = Harness::new().await;
    for d in ["1", "5", ",", "5"] {
        h.send(press(Key::Character(d.into()), Some(d))).await;
    }
    assert!(h.shows("€15.50"));
    h.send(press(Key::Named(Named::Enter), None)).await;
    assert!(matches!(h.app.screen(), Screen::Checkout(_)));
    h.send(press(Key::Named(Named::Escape), None)).await;
    h.until(PaymentStatus::Cancelled).await;
    h.send(press(Key::Named(Named::Enter), None)).await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
}

#[tokio::test(flavor = "multi_thread")]
async fn sticker_mode_asks_to_scan_the_sticker() {
    let settings = Settings {
        pay_mode: PayMode::Sticker,
        pos_id: "POS00042".into(),
        ..Settings::default()
    };
    let mut h = Harness::with(SandboxConfig::for_tests(), settings).await;
    h.charge("4").await;
    assert!(h.shows("Ask the customer to scan the sticker."));
    assert!(
        !h.shows("Ask the customer to scan the sticker"),
        "the instruction shows once"
    );
    h.click("Scan the code").await;
    assert_eq!(h.status(), PaymentStatus::Identified);
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    let _ = checkout::Message::Tick;
}

mod manager {
    use super::*;
    use kassa::screen::lock::Message as Lock;
    use kassa::screen::settings::{Field, Message as S};
    use kassa::secrets::{MemoryStore, SecretStore};

    async fn pin(h: &mut Harness, digits: &str) {
        h.send(Message::Lock(Lock::Pin(digits.into()))).await;
        h.send(Message::Lock(Lock::Submit)).await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn first_pin_then_unlock_then_lock_again() {
        let mut h =
            Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
        let path = h.settings_file().to_path_buf();
        h.click("Manager").await;
        assert!(h.shows("Choose a manager PIN (4 to 8 digits)."));
        // Choosing a PIN unlocks nothing yet: the buttons say Next, then Set PIN.
        assert!(!h.shows("Unlock"));
        h.send(Message::Lock(Lock::Pin("2468".into()))).await;
        h.click("Next").await;
        assert!(h.shows("Enter the same PIN again."));
        h.send(Message::Lock(Lock::Pin("2468".into()))).await;
        h.click("Set PIN").await;
        assert!(
            matches!(h.app.screen(), Screen::History(_)),
            "the payment history opens after choosing a PIN"
        );
        h.click("Settings…").await;
        assert!(matches!(h.app.screen(), Screen::Settings(_)));
        let saved = Settings::load(&path).unwrap();
        assert!(
            saved.manager_pin_hash.starts_with("$argon2id$"),
            "only the hash is stored"
        );
        assert!(!std::fs::read_to_string(&path).unwrap().contains("2468"));

        // Closing the last manager screen locks them: the next person is asked the PIN.
        h.click("Close").await;
        assert!(matches!(h.app.screen(), Screen::Till(_)));
        h.click("Manager").await;
        assert!(h.shows("Enter the manager PIN."), "closing locked");
        pin(&mut h, "2468").await;
        // With a zero timeout the lock re-engages at once.
        h.click("Settings…").await;
        h.send(Message::Settings(S::Text(Field::LockMinutes, "0".into())))
            .await;
        h.click("Save").await;
        h.send(Message::LockCheck).await;
        assert!(
            matches!(h.app.screen(), Screen::Till(_)),
            "locked and back on the till"
        );
        h.click("Manager").await;
        assert!(h.shows("Enter the manager PIN."));
        pin(&mut h, "1111").await;
        assert!(h.shows("Wrong PIN. After 4 more wrong PINs the entry locks for a while."));
        h.send(Message::Lock(Lock::Pin("2468".into()))).await;
        h.click("Unlock").await;
        assert!(matches!(h.app.screen(), Screen::History(_)));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn five_wrong_pins_lock_the_entry_even_across_a_restart() {
        let mut h =
            Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
        let path = h.settings_file().to_path_buf();
        h.click("Manager").await;
        pin(&mut h, "2468").await;
        pin(&mut h, "2468").await;
        // The lock re-engages while the sticker is open: the sticker closes with it.
        let mut s = Settings::load(&path).unwrap();
        s.lock_after_minutes = 0;
        s.save(&path).unwrap();
        h.restart().await;
        h.click("Manager").await;
        pin(&mut h, "2468").await;
        h.click("Settings…").await;
        h.click("Sticker…").await;
        h.send(Message::LockCheck).await;
        assert!(matches!(h.app.screen(), Screen::Till(_)), "sticker closed");

        h.click("Manager").await;
        for _ in 0..4 {
            pin(&mut h, "1111").await;
        }
        assert!(h.shows("Wrong PIN. After one more wrong PIN the entry locks for a while."));
        pin(&mut h, "1111").await;
        let locked = |h: &Harness| {
            h.not_in_view(&["Too many wrong PINs. The PIN entry is locked until…"])
                .is_empty()
        };
        assert!(locked(&h));
        pin(&mut h, "2468").await;
        assert!(
            matches!(h.app.screen(), Screen::Lock(_)),
            "the right PIN waits too"
        );
        assert!(locked(&h));
        let log = h.app.journal().unwrap().audit_log(20).await.unwrap();
        assert_eq!(
            log.iter().filter(|e| e.action == "unlock-refused").count(),
            5
        );
        let lockout = log.iter().find(|e| e.action == "pin-locked-out").unwrap();
        assert_eq!(lockout.detail, "5 wrong PINs in a row; locked for 30 s");

        // A restart does not reset it.
        h.restart().await;
        h.click("Manager").await;
        assert!(locked(&h));
        pin(&mut h, "2468").await;
        assert!(matches!(h.app.screen(), Screen::Lock(_)));
    }

    /// Where no dialog can be shown the sticker screen says so, takes a typed path, writes the
    /// file there and audits the export.
    #[tokio::test(flavor = "multi_thread")]
    async fn without_a_dialog_the_sticker_is_saved_to_a_typed_path() {
        use kassa::screen::export::Message as Ex;
        use kassa::screen::sticker::Message as St;
        let dir = tempfile::tempdir().unwrap();
        let mut h =
            Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
        h.click("Manager").await;
        pin(&mut h, "2468").await;
        pin(&mut h, "2468").await;
        h.click("Settings…").await;
        h.click("Sticker…").await;
        h.no_file_dialogs();
        h.click("Save PNG…").await;
        assert!(h.shows(
            "This computer cannot show a file dialog (install zenity or a desktop portal). \
             Type the file's full path instead:"
        ));
        assert!(!h.shows("No file was chosen."));
        let target = dir.path().join("sticker.png");
        h.send(Message::Sticker(St::Export(Ex::TypedPath(
            target.display().to_string(),
        ))))
        .await;
        h.click("Save here").await;
        assert!(h.shows(&format!("Saved to {}.", target.display())));
        let png = image::open(&target).unwrap().to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(png);
        let (_, content) = prepared.detect_grids()[0].decode().unwrap();
        assert!(content.contains("/l/1/"), "{content}");
        let log = h.app.journal().unwrap().audit_log(10).await.unwrap();
        assert!(log.iter().any(|e| e.action == "sticker-exported"));

        // A path that cannot be written says why and keeps the prompt.
        h.click("Save SVG…").await;
        h.send(Message::Sticker(St::Export(Ex::TypedPath(
            "/nonexistent/dir/x.png".into(),
        ))))
        .await;
        h.click("Save here").await;
        assert!(h.shows_prefix("The file could not be used: /nonexistent/dir/x.png"));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn unsaved_settings_ask_before_closing_and_esc_leaves_the_sticker() {
        let mut h =
            Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
        h.click("Manager").await;
        pin(&mut h, "2468").await;
        pin(&mut h, "2468").await;
        h.click("Settings…").await;
        h.send(Message::Settings(S::Text(
            Field::ShopName,
            "Bakkerij".into(),
        )))
        .await;
        h.click("Close").await;
        assert!(h.shows("There are unsaved changes. Close without saving?"));
        assert!(matches!(h.app.screen(), Screen::Settings(_)));
        h.click("Keep editing").await;
        h.send(Message::Keyboard(escape())).await;
        assert!(
            h.shows("There are unsaved changes. Close without saving?"),
            "Esc asks too"
        );
        h.click("Close without saving").await;
        assert!(matches!(h.app.screen(), Screen::Till(_)));

        h.click("Manager").await;
        assert!(
            h.shows("Enter the manager PIN."),
            "closing the last manager screen locked them"
        );
        pin(&mut h, "2468").await;
        h.click("Settings…").await;
        h.click("Close").await;
        assert!(
            matches!(h.app.screen(), Screen::Till(_)),
            "nothing changed: closes at once"
        );
        h.click("Manager").await;
        pin(&mut h, "2468").await;
        h.click("Settings…").await;
        h.click("Sticker…").await;
        assert!(matches!(h.app.screen(), Screen::Sticker(_)));
        h.send(Message::Keyboard(escape())).await;
        assert!(
            !matches!(h.app.screen(), Screen::Sticker(_)),
            "Esc leaves the sticker"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn settings_test_a_real_connection_and_keep_the_key_in_the_keychain() {
        let secrets = Arc::new(MemoryStore::default());
        let mut h = Harness::saving(SandboxConfig::for_tests(), secrets.clone()).await;
        let path = h.settings_file().to_path_buf();
        // A second sandbox plays the "real" provider at custom URLs.
        let provider = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
        h.click("Manager").await;
        pin(&mut h, "1357").await;
        pin(&mut h, "1357").await;
        h.click("Settings…").await;

        let env = kassa::payconiq::EnvironmentKind::Custom;
        let label = kassa::screen::settings::env_label(env);
        h.send(Message::Settings(S::Environment(choice(env, &label))))
            .await;
        let base = provider.base_url().to_string();
        for (field, value) in [
            (Field::ApiBase, base.clone()),
            (
                Field::ReconciliationBase,
                format!("{base}/v3/reconciliation"),
            ),
            (Field::JwksUrl, provider.jwks_url()),
            (Field::PayloadBase, base.clone()),
            (Field::MerchantId, provider.config().merchant_id.clone()),
            (Field::ProfileId, provider.config().profile_id.clone()),
        ] {
            h.send(Message::Settings(S::Text(field, value))).await;
        }
        h.click("Save").await;
        assert!(
            h.shows("Enter the API key."),
            "nothing saved without credentials"
        );

        h.send(Message::Settings(S::ApiKey(kassa::payconiq::Secret::new(
            "wrong-key",
        ))))
        .await;
        h.click("Test connection").await;
        assert!(h.shows(
            "Payconiq refused the credentials. Check the API key or signing key in Settings."
        ));

        h.send(Message::Settings(S::ApiKey(kassa::payconiq::Secret::new(
            provider.config().api_key.clone(),
        ))))
        .await;
        h.click("Test connection").await;
        assert!(h.shows(&format!(
            "Connected to {label}: the credentials were accepted."
        )));
        assert_eq!(
            secrets.get(kassa::secrets::API_KEY).unwrap(),
            None,
            "testing stores nothing"
        );

        h.click("Save").await;
        assert!(h.shows("Saved."));
        assert_eq!(
            secrets.get(kassa::secrets::API_KEY).unwrap().as_deref(),
            Some(provider.config().api_key.as_str()),
            "the key went to the keychain"
        );
        let file = std::fs::read_to_string(&path).unwrap();
        assert!(
            !file.contains(&provider.config().api_key),
            "and never to the settings file"
        );
        assert!(
            h.services_environment_is(&base).await,
            "the till now charges against the new account"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn generating_a_signing_key_keeps_it_in_the_keychain_and_shows_the_jwks() {
        let secrets = Arc::new(MemoryStore::default());
        let mut h = Harness::stored(
            SandboxConfig::for_tests(),
            Settings::default(),
            secrets.clone(),
            None,
        )
        .await;
        h.click("Manager").await;
        pin(&mut h, "8642").await;
        pin(&mut h, "8642").await;
        h.click("Settings…").await;
        let env = kassa::payconiq::EnvironmentKind::BancontactPreprod;
        let label = kassa::screen::settings::env_label(env);
        h.send(Message::Settings(S::Environment(choice(env, &label))))
            .await;
        h.click("Generate key").await;
        assert!(h.shows("The signing key is stored in the OS keychain."));
        let pem = secrets
            .get(kassa::secrets::SIGNING_KEY)
            .unwrap()
            .expect("stored");
        let key = kassa::payconiq::jws::SigningKey::import(&pem, "kassa-1").unwrap();
        let shown = serde_json::to_string_pretty(&key.public_jwks()).unwrap();
        assert!(h.shows(&shown), "the public JWKS to host is on screen");
        assert!(!shown.contains("\"d\""), "and it carries no private part");
    }

    fn choice<T: Clone>(value: T, label: &str) -> kassa::screen::settings::Choice<T> {
        kassa::screen::settings::Choice::new(value, label.to_string())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn todays_sales_list_payments_and_the_total_paid() {
    let mut h = Harness::new().await;
    h.charge("12.50").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.charge("3").await;
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    h.click("New sale").await;

    h.click("Today's sales").await;
    assert!(h.shows("Paid today: €12.50"), "only what was paid counts");
    assert!(h.shows("Cancelled"));
    h.click("Close").await;
    assert!(matches!(h.app.screen(), Screen::Till(_)));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sticker_exports_a_code_for_the_pos() {
    use kassa::screen::export::{Action as Ex, Message as ExportMessage};
    use kassa::screen::sticker::{Action, Message as StickerMessage, Sticker};
    let h = Harness::new().await;
    let env = h.services.client.account().environment.clone();
    let payload = env.sticker_payload(&h.services.client.account().profile_id, "POS00001");
    assert!(
        payload.starts_with(h.sandbox().base_url()),
        "the host comes from the environment"
    );
    let mut sticker = Sticker::new(Some(payload.clone()), kassa::qr::QrColour::Magenta);
    let Action::Export(Ex::Save(export)) =
        sticker.update(StickerMessage::Export(ExportMessage::SavePng))
    else {
        panic!("a PNG to save")
    };
    assert_eq!(export.file_name, "payconiq-sticker.png");
    let img = image::load_from_memory(&export.bytes).unwrap().to_luma8();
    assert_eq!(img.width(), 800, "XL");
    let mut prepared = rqrr::PreparedImage::prepare(img);
    assert_eq!(prepared.detect_grids()[0].decode().unwrap().1, payload);
    let Action::Export(Ex::Save(svg)) =
        sticker.update(StickerMessage::Export(ExportMessage::SaveSvg))
    else {
        panic!("an SVG to save")
    };
    assert!(String::from_utf8(svg.bytes).unwrap().contains("<svg"));
}

/// Fails closed: a production account whose key cannot be read stops the till, says why and
/// what to do, and never hands the cashier the sandbox instead.
#[tokio::test(flavor = "multi_thread")]
async fn an_unusable_account_refuses_to_charge_and_says_why() {
    let _english = crate::support::ui::english();
    let settings = Settings {
        language: Some(Lang::En),
        environment: kassa::payconiq::EnvironmentKind::BancontactPreprod,
        merchant_id: "m".into(),
        profile_id: "p".into(),
        auth_mode: kassa::payconiq::AuthMode::Jws,
        ..Settings::default()
    };
    let store: Arc<dyn kassa::secrets::SecretStore> =
        Arc::new(kassa::secrets::MemoryStore::default());
    let app = App::new(settings.clone(), PollPolicy::immediate()).with_storage(store.clone(), None);
    let started = Services::start(settings, store.clone(), SandboxConfig::for_tests())
        .await
        .map(Arc::new);
    assert!(
        started.is_err(),
        "JWS mode without a signing key cannot start"
    );
    let mut h = Harness::adopt(app, Message::Started(started)).await;
    assert!(h.app.services().is_none(), "no sandbox in its place");
    assert!(h.shows("This till cannot take payments now"));
    assert!(
        h.shows_prefix("The account merchant.api.preprod.bancontact.net, profile p cannot be used. Import or generate a signing key first."),
        "which account, and why"
    );
    assert!(h.shows_prefix("Nothing is charged, and the till does not switch to the sandbox"));
    assert!(!h.shows("Sandbox — no real money"));
    assert!(!h.shows("Charge"), "nothing to charge with");
    for size in till_screens() {
        h.size = size;
        let wrong = h.not_in_view(&[
            "This till cannot take payments now",
            "Try again",
            "Settings…",
        ]);
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
    h.size = iced::Size::new(1024.0, 768.0);
    // Trying again with the keychain as it is: still stopped.
    h.click("Try again").await;
    assert!(h.shows("This till cannot take payments now"));
    // The key put back (as after unlocking the keychain): the till takes payments again.
    let key = kassa::payconiq::jws::SigningKey::generate("kassa-1").unwrap();
    store
        .set(kassa::secrets::SIGNING_KEY, &key.to_pem())
        .unwrap();
    h.click("Try again").await;
    assert!(h.app.services().is_some());
    assert!(!h.shows("This till cannot take payments now"));
    assert!(h.shows("Charge"));
    // The manager way in goes straight to Settings while the account is unusable.
    let app = App::new(
        Settings {
            language: Some(Lang::En),
            environment: kassa::payconiq::EnvironmentKind::BancontactPreprod,
            ..Settings::default()
        },
        PollPolicy::immediate(),
    );
    let mut h = Harness::adopt(app, Message::Started(Err("keychain locked".into()))).await;
    assert!(h.shows_prefix(
        "The account merchant.api.preprod.bancontact.net cannot be used. keychain locked"
    ));
    h.click("Settings…").await;
    h.choose_pin("2468").await;
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
}

/// An unreadable settings file stops the till: named, never overwritten, no payments, no PIN
/// to be chosen by anyone; started afresh, it is set aside and the keys this till kept are
/// forgotten, so defaults reach no real account.
#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_settings_file_stops_the_till_until_set_aside() {
    let _english = crate::support::ui::english();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "qr-size = [not toml").unwrap();
    let (settings, problem) = Settings::load_checked(&path);
    assert_eq!(settings, Settings::default());
    let problem = problem.expect("said");
    assert!(
        !problem.detail.contains('\n'),
        "one line: {}",
        problem.detail
    );
    let store: Arc<dyn kassa::secrets::SecretStore> =
        Arc::new(kassa::secrets::MemoryStore::default());
    store.set(kassa::secrets::API_KEY, "a-real-key").unwrap();
    let services = Arc::new(
        Services::embedded(SandboxConfig::for_tests(), crate::support::quick_options())
            .await
            .unwrap(),
    );
    let app = App::new(
        Settings {
            language: Some(Lang::En),
            ..settings
        },
        PollPolicy::immediate(),
    )
    .with_storage(store.clone(), Some(path.clone()))
    .with_settings_problem(Some(problem));
    let mut h = Harness::adopt(app, Message::Started(Ok(services))).await;
    assert!(h.shows("Kassa will not start with these settings"));
    assert!(h.shows_prefix(&format!(
        "The settings file {} cannot be read: ",
        path.display()
    )));
    assert!(
        !h.shows("Charge") && !h.shows("Manager"),
        "no payments, no PIN to choose"
    );
    // Typed on the keyboard and Enter: nothing is charged either.
    for key in [key('5'), named(iced::keyboard::key::Named::Enter)] {
        h.send(Message::Keyboard(key)).await;
    }
    assert!(
        h.sandbox()
            .payments()
            .iter()
            .all(|p| p.amount.cents() != 500)
    );
    // A window moved meanwhile does not overwrite the file.
    h.send(Message::WindowResized(
        iced::window::Id::unique(),
        iced::Size::new(900.0, 700.0),
    ))
    .await;
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "qr-size = [not toml"
    );

    h.click("Start this till afresh (forgets its stored keys)")
        .await;
    assert!(!h.shows("Kassa will not start with these settings"));
    assert!(h.shows("Charge"));
    assert_eq!(
        store.get(kassa::secrets::API_KEY).unwrap(),
        None,
        "keys forgotten"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("settings.toml.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "kept aside");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "qr-size = [not toml",
        "as it was"
    );
    let log = h.app.journal().unwrap().audit_log(5).await.unwrap();
    assert!(log.iter().any(|e| e.action == "settings-set-aside"));
}

/// A payment still waiting that no checkout follows (another till's, or left by a crash) is
/// cancelled from Today's sales, without the PIN, after a question; audited.
#[tokio::test(flavor = "multi_thread")]
async fn a_left_behind_pending_payment_is_cancelled_from_todays_sales() {
    let mut h = Harness::new().await;
    let other = crate::support::charge(&h.services.client, 725).await;
    h.click("Today's sales").await;
    assert!(h.shows("€7.25"));
    h.click("Cancel").await;
    assert!(h.shows("Nobody can pay it afterwards."));
    h.click("Keep").await;
    assert!(!h.shows("Nobody can pay it afterwards."));
    h.click("Cancel").await;
    h.click("Cancel it").await;
    assert!(h.shows("The payment is cancelled: nobody can pay it any more."));
    let at_provider = h
        .sandbox()
        .payments()
        .into_iter()
        .find(|p| p.payment_id == other.payment_id)
        .unwrap();
    assert_eq!(at_provider.status, PaymentStatus::Cancelled);
    assert!(!h.shows("Cancel"), "nothing left to cancel");
    assert!(
        matches!(h.app.screen(), Screen::Today(_)),
        "no PIN was asked"
    );
    let log = h.app.journal().unwrap().audit_log(5).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "cancel" && e.detail == other.payment_id)
    );
}

/// Answers delivered out of order never move a payment back, on the screen or in the journal:
/// a PENDING read before the cancel but answered after it is dropped.
#[tokio::test(flavor = "multi_thread")]
async fn a_late_answer_never_moves_the_checkout_back() {
    let mut h = Harness::new().await;
    h.charge("3").await;
    let id = h.payment_id();
    let stale = h.services.client.get_payment(&id).await.unwrap();
    assert_eq!(stale.status, PaymentStatus::Pending);
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    h.send(Message::Checkout(checkout::Message::Fetched(
        id.clone(),
        Ok(Box::new(stale)),
    )))
    .await;
    assert_eq!(h.status(), PaymentStatus::Cancelled, "the screen stays");
    assert_eq!(h.app.poll_interval(), None, "and polling does not revive");
    let sale = h
        .app
        .journal()
        .unwrap()
        .entries_since(time::OffsetDateTime::UNIX_EPOCH)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.payment_id.as_deref() == Some(id.as_str()))
        .unwrap();
    assert_eq!(
        sale.status(),
        Some(&PaymentStatus::Cancelled),
        "nor the journal"
    );
}

/// Settings saved for a real account that then cannot start: the sandbox that ran before does
/// not go on taking payments under them; the till stops and says why.
#[tokio::test(flavor = "multi_thread")]
async fn a_new_account_that_cannot_start_stops_the_till_instead_of_the_old_one() {
    let mut h = Harness::new().await;
    let real = Settings {
        language: Some(Lang::En),
        environment: kassa::payconiq::EnvironmentKind::BancontactPreprod,
        merchant_id: "m".into(),
        profile_id: "p".into(),
        ..Settings::default()
    };
    h.send(Message::Apply(Box::new(real), Ok(()))).await;
    assert!(h.app.services().is_none(), "the old sandbox is gone");
    h.send(Message::Settings(kassa::screen::settings::Message::Close))
        .await;
    assert!(h.shows("This till cannot take payments now"));
    assert!(!h.shows("Sandbox — no real money"));
}

/// A slow cancel shows at once that it is under way, its button disabled, until the answer.
#[tokio::test(flavor = "multi_thread")]
async fn a_slow_cancel_says_cancelling_until_it_is_answered() {
    let mut h = Harness::new().await;
    h.charge("6").await;
    h.sandbox().inject(Fault::new(
        "cancel",
        FaultKind::Latency { ms: 1500 },
        Some(1),
    ));
    h.queue_click("Cancel payment");
    let mut steps = 0;
    // After each step (the press, the status read, the slow cancel's request) the screen says
    // it is cancelling, with nothing to press twice, until the payment is cancelled.
    while h.step().await {
        if h.status().is_final() {
            break;
        }
        assert!(h.shows("Cancelling…"), "step {steps}");
        assert!(!h.shows("Cancel payment"), "step {steps}");
        let laid = h.laid();
        let label = laid.text("Cancelling…").unwrap();
        assert!(
            laid.disabled
                .iter()
                .any(|d| crate::support::ui::contains(*d, label)),
            "disabled while it runs"
        );
        steps += 1;
    }
    assert!(steps >= 2, "shown while the request ran ({steps} steps)");
    h.until(PaymentStatus::Cancelled).await;
    assert!(h.shows("Cancelled here at the till. Nothing was charged."));
}

/// Today's sales: a line per sale with its tip in a column of its own and in the total, the
/// figures right-aligned; a line opens its payment (after the manager's PIN).
#[tokio::test(flavor = "multi_thread")]
async fn todays_sales_show_tips_and_open_the_payment() {
    let mut h = Harness::new().await;
    h.charge("10").await;
    h.send(Message::Phone(kassa::screen::phone::Message::Tip(
        "1.50".into(),
    )))
    .await;
    h.click("Scan the code").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    h.charge("2").await;
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    h.click("New sale").await;

    h.click("Today's sales").await;
    assert!(h.shows("Tip"), "a tip column");
    assert!(h.shows("€1.50"), "the tip on its line");
    assert!(h.shows("Paid today: €11.50, tips €1.50 included"));
    let laid = h.laid();
    let (paid, asked) = (laid.text("€11.50").unwrap(), laid.text("€2.00").unwrap());
    let amount = laid.text("Total").unwrap();
    let right = |r: iced::Rectangle| r.x + r.width;
    assert!(
        (right(paid) - right(asked)).abs() < 0.5 && (right(paid) - right(amount)).abs() < 0.5,
        "amounts right-aligned under their title: {paid:?} {asked:?} {amount:?}"
    );
    h.click("€11.50").await;
    assert!(matches!(h.app.screen(), Screen::Lock(_)), "the PIN first");
    use kassa::screen::lock::Message as Lock;
    for _ in 0..2 {
        h.send(Message::Lock(Lock::Pin("2468".into()))).await;
        h.send(Message::Lock(Lock::Submit)).await;
    }
    let Screen::Detail(d) = h.app.screen() else {
        panic!("the payment opens, not the history")
    };
    let _ = d;
    assert!(h.shows("€11.50"));
}
