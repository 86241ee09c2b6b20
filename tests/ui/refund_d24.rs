//! A D24 refund through the real views: PIN → History → Refund… → D24 deposit: a card
//! deposit refunded whole and followed from IN_PROGRESS to completed, a bank deposit refunded
//! in part with the customer's account, an incomplete form stopped before sending, and an
//! over-refund refused by the sandbox's D24 side; laid out at the till screen sizes.

use std::time::Duration;

use crate::support::d24_left as remaining;
use crate::support::ui::{Harness, till_screens};
use kassa::app::{Message, Screen};
use kassa::screen::refund::{Field, Message as Rf};

fn text(field: Field, value: &str) -> Message {
    Message::Refund(Rf::Text(field, value.into()))
}

/// Ticks the screen (as its one-second subscription would) until `words` show.
async fn follow_until(h: &mut Harness, words: &str) {
    for _ in 0..100 {
        if h.shows(words) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
        h.send(Message::Refund(Rf::Tick)).await;
    }
    panic!("'{words}' never shown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_d24_refund_end_to_end() {
    let mut h = Harness::new().await;
    h.choose_pin("2468").await;
    h.click("Refund…").await;
    assert!(matches!(h.app.screen(), Screen::Refund(_)));
    assert!(h.shows_prefix("D24 account kassa-sandbox-d24 at http://127.0.0.1:"));

    // A card deposit: nothing but its ids; the refund is IN_PROGRESS, then completed.
    h.click("Card").await;
    h.send(text(Field::Deposit, "300000002")).await;
    h.send(text(Field::Invoice, "KASSA-D24-0002")).await;
    h.click("Next").await;
    assert!(h.shows("Refund the whole card deposit? This sends money back and cannot be undone."));
    for size in till_screens() {
        h.size = size;
        assert_eq!(
            h.not_in_view(&["Refund now", "Change", "Close"]),
            Vec::<String>::new()
        );
    }
    h.click("Refund now").await;
    assert!(h.shows("Pending at D24."), "IN_PROGRESS shown as pending");
    assert!(h.shows("Kassa reads its status every second while this screen is open."));
    follow_until(&mut h, "Completed: the money went back to the customer.").await;
    let Screen::Refund(r) = h.app.screen() else {
        panic!()
    };
    assert!(!r.following(), "no more ticks once final");
    assert_eq!(remaining(h.sandbox(), 300_000_002).await, "0.00");

    // A bank deposit: an incomplete form is stopped before anything is sent.
    h.click("Another refund").await;
    h.click("Cash, bank transfer, other").await;
    h.send(text(Field::Deposit, "300000004")).await;
    h.send(text(Field::Invoice, "KASSA-D24-0004")).await;
    h.send(text(Field::Amount, "12,50")).await;
    h.send(text(Field::Beneficiary, "Carlos Ramirez")).await;
    h.click("Next").await;
    assert!(h.shows("Check this field: Bank code."));
    for size in till_screens() {
        h.size = size;
        assert_eq!(h.not_in_view(&["Next", "Close"]), Vec::<String>::new());
    }
    h.send(text(Field::BankCode, "1")).await;
    h.send(text(Field::Branch, "9283")).await;
    h.send(text(Field::AccountNumber, "18293435")).await;
    // Below the fold at 1024×768: chosen as its button does.
    h.send(Message::Refund(Rf::AccountType(
        kassa::d24::AccountType::Saving,
    )))
    .await;
    h.click("Next").await;
    assert!(h.shows("Refund €12.50? This sends money back and cannot be undone."));
    assert!(h.shows("To Carlos Ramirez, account 18293435 (Savings, bank 1, branch 9283)"));
    assert_eq!(
        remaining(h.sandbox(), 300_000_004).await,
        "120.00",
        "nothing sent before Confirm"
    );
    h.click("Refund now").await;
    follow_until(&mut h, "Completed: the money went back to the customer.").await;
    assert_eq!(remaining(h.sandbox(), 300_000_004).await, "107.50");

    // More than is left: D24's 802 in plain words, nothing refunded.
    h.click("Another refund").await;
    h.click("Cash, bank transfer, other").await;
    for (f, v) in [
        (Field::Deposit, "300000004"),
        (Field::Invoice, "KASSA-D24-0004"),
        (Field::Amount, "200"),
        (Field::Beneficiary, "Carlos Ramirez"),
        (Field::BankCode, "1"),
        (Field::Branch, "9283"),
        (Field::AccountNumber, "18293435"),
    ] {
        h.send(text(f, v)).await;
    }
    h.click("Next").await;
    h.click("Refund now").await;
    assert!(h.shows_prefix("D24 refused the amount"));
    assert!(h.shows("Refused by D24: nothing was paid back."));
    assert_eq!(remaining(h.sandbox(), 300_000_004).await, "107.50");

    // No clear answer even after the client's own retries: the screen says so and, on its
    // ticks, sends the same request again with the same key; one refund in the end.
    h.sandbox().inject(kassa::sandbox::Fault::new(
        "d24-refund-create",
        kassa::sandbox::FaultKind::Drop,
        Some(4),
    ));
    h.click("Another refund").await;
    h.send(text(Field::Deposit, "300000001")).await;
    h.send(text(Field::Invoice, "KASSA-D24-0001")).await;
    h.click("Next").await;
    h.click("Refund now").await;
    assert!(h.shows("No clear answer from D24 yet: the refund may or may not have been made."));
    assert!(
        h.shows_prefix("Kassa sends the same request again, with the same key, every 5 seconds")
    );
    assert_eq!(
        remaining(h.sandbox(), 300_000_001).await,
        "0.00",
        "made by the first try"
    );
    follow_until(&mut h, "Completed: the money went back to the customer.").await;
    assert_eq!(
        remaining(h.sandbox(), 300_000_001).await,
        "0.00",
        "and only once"
    );

    // Everything is in the journal and the audit log.
    let journal = h.app.journal().unwrap().clone();
    let refunds = journal.d24_refunds().await.unwrap();
    assert_eq!(refunds.len(), 4);
    let audit = journal.audit_log(20).await.unwrap();
    assert_eq!(audit.iter().filter(|a| a.action == "d24-refund").count(), 4);
}

/// Settings → D24 account at a custom address (a second sandbox plays D24): the connection
/// test tells a wrong secret key from the right one, Save puts the key in the keychain only,
/// and the Refund screen then refunds there.
#[tokio::test(flavor = "multi_thread")]
async fn a_d24_account_set_in_settings_is_tested_kept_in_the_keychain_and_used() {
    use kassa::config::D24Environment;
    use kassa::sandbox::SandboxConfig;
    use kassa::screen::settings::{Choice, Field as SF, Message as S};
    use kassa::secrets::{MemoryStore, Secret, SecretStore};
    use std::sync::Arc;

    let secrets = Arc::new(MemoryStore::default());
    let mut h = Harness::saving(SandboxConfig::for_tests(), secrets.clone()).await;
    let path = h.settings_file().to_path_buf();
    let provider = crate::support::sandbox_with(SandboxConfig::for_tests()).await;
    let (base, credentials) = provider.d24();
    h.choose_pin("1357").await;
    h.click("Settings…").await;
    let env = D24Environment::Custom;
    let label = kassa::screen::settings::d24_env_label(env);
    h.send(Message::Settings(S::D24Environment(Choice::new(
        env, label,
    ))))
    .await;
    h.send(Message::Settings(S::Text(SF::D24BaseUrl, base.clone())))
        .await;
    h.send(Message::Settings(S::Text(
        SF::D24Login,
        credentials.login.clone(),
    )))
    .await;
    h.send(Message::Settings(S::TestD24)).await;
    assert!(h.shows("No D24 secret key in the keychain yet: type it in Settings and save."));
    h.send(Message::Settings(S::D24Secret(Secret::new("wrong"))))
        .await;
    h.send(Message::Settings(S::TestD24)).await;
    assert!(h.shows(
        "D24 refused the request's signature. Check the secret key of the D24 account in Settings."
    ));
    h.send(Message::Settings(S::D24Secret(credentials.secret.clone())))
        .await;
    h.send(Message::Settings(S::TestD24)).await;
    assert!(h.shows(
        "D24 answered: the X-Login, secret key and this computer's clock are right (Custom address)."
    ), "connection test passes");
    assert_eq!(
        secrets.get(kassa::secrets::D24_SECRET_KEY).unwrap(),
        None,
        "testing stores nothing"
    );
    h.click("Save").await;
    assert!(h.shows("Saved."));
    assert_eq!(
        secrets
            .get(kassa::secrets::D24_SECRET_KEY)
            .unwrap()
            .as_deref(),
        Some(credentials.secret.expose()),
        "the key went to the keychain"
    );
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(
        file.contains(&base) && !file.contains(credentials.secret.expose()),
        "{file}"
    );

    // The Refund screen now talks to that account.
    h.click("Payment history").await;
    h.click("Refund…").await;
    assert!(h.shows(&format!("D24 account {} at {base}", credentials.login)));
    assert!(
        !h.shows("Sandbox deposits to try"),
        "no sandbox list for a real account"
    );
    h.send(text(Field::Deposit, "300000001")).await;
    h.send(text(Field::Invoice, "KASSA-D24-0001")).await;
    h.click("Next").await;
    h.click("Refund now").await;
    assert!(h.shows("Completed: the money went back to the customer."));
    assert_eq!(
        remaining(&provider, 300_000_001).await,
        "0.00",
        "refunded at the configured account"
    );
}
