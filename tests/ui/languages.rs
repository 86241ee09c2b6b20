//! Every screen's buttons fit the tills' screens (1024×768, 1366×768 and the window first
//! opened on them) in all four languages, whole and on one line, measured in the face the app
//! draws with. One test, holding the language alone (a process-wide setting shared by every UI
//! test, see `support::ui::any_language`).

use crate::support::ui::{Harness, till_screens};
use kassa::app::Screen;
use kassa::i18n::{Lang, set_language};
use kassa::payconiq::model::PaymentStatus;

/// Asserts that the texts of `keys` are whole and in view, in every language and size.
fn fits_in_every_language(h: &mut Harness, screen: &str, keys: &[&str]) {
    for lang in Lang::ALL {
        set_language(lang);
        let texts: Vec<String> = keys
            .iter()
            .map(|k| kassa::i18n::LANGUAGE_LOADER.get(k))
            .collect();
        for size in till_screens() {
            h.size = size;
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            assert_eq!(
                h.not_in_view(&texts),
                Vec::<String>::new(),
                "{screen} in {lang:?}"
            );
            // Labels on one line (titles are bigger text: not counted).
            let labels: Vec<&str> = keys
                .iter()
                .zip(&texts)
                .filter(|(k, _)| !k.ends_with("-title"))
                .map(|(_, t)| *t)
                .collect();
            assert_eq!(
                h.wrapped(&labels),
                Vec::<String>::new(),
                "{screen} in {lang:?}"
            );
        }
    }
    set_language(Lang::En);
    h.size = till_screens()[0];
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_in_every_language() {
    let _any = crate::support::ui::any_language();
    let mut h = Harness::saving(
        kassa::sandbox::SandboxConfig::for_tests(),
        std::sync::Arc::new(kassa::secrets::MemoryStore::default()),
    )
    .await;
    h.no_file_dialogs();
    let phone = [
        "phone-scan",
        "phone-confirm",
        "phone-decline",
        "phone-insufficient",
        "phone-expire",
    ];

    let till = [
        "invoice-open",
        "today-open",
        "manager-open",
        "display-show",
        "till-charge",
        "till-clear",
    ];
    fits_in_every_language(&mut h, "till", &[&till[..], &phone[..]].concat());

    h.charge("12").await;
    fits_in_every_language(
        &mut h,
        "checkout",
        &[&["checkout-cancel"][..], &phone[..]].concat(),
    );
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    fits_in_every_language(&mut h, "paid", &["final-new-sale"]);
    h.click("New sale").await;

    h.click("Today's sales").await;
    assert!(matches!(h.app.screen(), Screen::Today(_)));
    fits_in_every_language(
        &mut h,
        "today",
        &["today-title", "today-refresh", "settings-close"],
    );
    h.click("Close").await;

    h.click("Invoice QR").await;
    assert!(matches!(h.app.screen(), Screen::Invoice(_)));
    fits_in_every_language(
        &mut h,
        "invoice",
        &[
            "invoice-title",
            "sticker-save-png",
            "sticker-save-svg",
            "invoice-pay-sandbox",
            "settings-close",
        ],
    );
    h.click("Close").await;

    h.click("Manager").await;
    fits_in_every_language(&mut h, "PIN", &["lock-title", "lock-back", "lock-next"]);
    for _ in 0..2 {
        use kassa::screen::lock::Message as Lock;
        h.send(kassa::app::Message::Lock(Lock::Pin("2468".into())))
            .await;
        h.send(kassa::app::Message::Lock(Lock::Submit)).await;
    }
    assert!(matches!(h.app.screen(), Screen::History(_)));
    fits_in_every_language(
        &mut h,
        "history",
        &[
            "history-title",
            "history-refund-button",
            "payouts-open-button",
            "shift-open-button",
            "history-settings",
            "settings-close",
            "history-show",
        ],
    );

    h.click("Refund…").await;
    assert!(matches!(h.app.screen(), Screen::Refund(_)));
    h.click("Cash, bank transfer, other").await;
    fits_in_every_language(
        &mut h,
        "refund",
        &[
            "refund-title",
            "refund-provider-payconiq",
            "refund-provider-d24",
            "refund-next",
            "settings-close",
        ],
    );
    // Its Close leaves the manager's screens, and locks them.
    h.click("Close").await;
    h.unlock("2468").await;
    assert!(matches!(h.app.screen(), Screen::History(_)));

    // The manager's screens that go back to the history: how each opens, what it is, its
    // labels.
    type IsScreen = fn(&Screen) -> bool;
    let from_history: [(&str, IsScreen, &[&str]); 3] = [
        (
            "€12.00",
            |s| matches!(s, Screen::Detail(_)),
            &[
                "today-refresh",
                "detail-back",
                "detail-refund",
                "detail-get-iban",
            ],
        ),
        (
            "Payouts…",
            |s| matches!(s, Screen::Payouts(_)),
            &[
                "payouts-title",
                "shift-save-csv",
                "detail-back",
                "history-show",
            ],
        ),
        (
            "Shift report…",
            |s| matches!(s, Screen::Shift(_)),
            &[
                "shift-title",
                "shift-x",
                "shift-save-csv",
                "shift-save-pdf",
                "shift-z",
                "detail-back",
            ],
        ),
    ];
    for (open, is, keys) in from_history {
        h.click(open).await;
        assert!(is(h.app.screen()), "{open}");
        fits_in_every_language(&mut h, open, keys);
        h.click("Back").await;
    }

    h.click("Settings…").await;
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    fits_in_every_language(
        &mut h,
        "settings",
        &[
            "settings-close",
            "history-open-button",
            "sticker-open",
            "settings-test",
            "settings-save",
        ],
    );

    h.click("Sticker…").await;
    assert!(matches!(h.app.screen(), Screen::Sticker(_)));
    fits_in_every_language(
        &mut h,
        "sticker",
        &[
            "sticker-title",
            "sticker-save-png",
            "sticker-save-svg",
            "settings-close",
        ],
    );
}
