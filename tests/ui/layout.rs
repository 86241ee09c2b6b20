//! Every screen at the sizes tills have (1024×768 and 1366×768, whole screen and the window the
//! app opens there): the amount, the status and every action lie wholly inside the window,
//! unclipped. Asserted on layout bounds from the real views, not on pixels.

use std::sync::Arc;

use crate::support::ui::{Harness, till_screens};
use kassa::app::Screen;
use kassa::config::Settings;
use kassa::payconiq::model::PaymentStatus;
use kassa::qr::QrSize;
use kassa::sandbox::SandboxConfig;
use kassa::secrets::MemoryStore;

fn assert_in_view(h: &mut Harness, what: &str, texts: &[&str]) {
    for size in till_screens() {
        h.size = size;
        let wrong = h.not_in_view(texts);
        assert!(wrong.is_empty(), "{what}: {wrong:#?}");
    }
}

const TILL: &[&str] = &[
    "€0.00",
    "Charge",
    "Clear",
    "7",
    "0",
    "⌫",
    "Today's sales",
    "Manager",
    "Customer display",
    "Scan the code",
    "Pay",
    "Decline",
    "Insufficient funds",
    "Let it expire",
    "Void-enabled profile: off",
    "Sandbox — no real money",
];

#[tokio::test(flavor = "multi_thread")]
async fn the_till_fits_with_and_without_an_error_line() {
    let mut h = Harness::new().await;
    assert_in_view(&mut h, "till", TILL);
    h.click("Charge").await;
    let mut with_error = TILL.to_vec();
    with_error.push("Enter an amount first.");
    assert_in_view(&mut h, "till with an error", &with_error);
}

#[tokio::test(flavor = "multi_thread")]
async fn checkout_fits_at_every_qr_size() {
    for qr_size in QrSize::ALL {
        let settings = Settings {
            qr_size,
            ..Settings::default()
        };
        let mut h = Harness::with(SandboxConfig::for_tests(), settings).await;
        h.charge("5").await;
        let what = format!("checkout at QR size {}", qr_size.label());
        assert_in_view(
            &mut h,
            &what,
            &[
                "€5.00",
                "Ask the customer to scan the code…",
                "Expires in…",
                "Cancel payment",
                "Customer display",
            ],
        );
        h.click("Scan the code").await;
        assert_eq!(h.status(), PaymentStatus::Identified);
        h.click("Cancel payment").await;
        assert_in_view(
            &mut h,
            &format!("{what}, cancel question"),
            &[
                "€5.00",
                "The customer already scanned the code. Cancel anyway?",
                "Keep waiting",
                "Expires in…",
            ],
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_acknowledge_screen_fits_at_xl() {
    let settings = Settings {
        qr_size: QrSize::XL,
        ..Settings::default()
    };
    let mut h = Harness::with(SandboxConfig::for_tests(), settings).await;
    h.click("Void-enabled profile: off").await;
    h.charge("9.99").await;
    h.click("Scan the code").await;
    h.click("Pay").await;
    h.until(PaymentStatus::PendingMerchantAcknowledgement).await;
    assert_in_view(
        &mut h,
        "acknowledge",
        &["€9.99", "Complete sale", "Void", "Customer display"],
    );
}

/// Unlocks the manager screens with a first PIN.
async fn unlock(h: &mut Harness) {
    h.choose_pin("2468").await;
    assert!(matches!(h.app.screen(), Screen::History(_)));
    h.click("Settings…").await;
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_and_sticker_fit() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    unlock(&mut h).await;
    assert_in_view(
        &mut h,
        "settings",
        &[
            "Close",
            "Payment history",
            "Sticker…",
            "Test connection",
            "Save",
            "Account",
        ],
    );
    h.click("Sticker…").await;
    assert!(matches!(h.app.screen(), Screen::Sticker(_)));
    assert_in_view(
        &mut h,
        "sticker",
        &["The shop's QR sticker", "Save PNG…", "Save SVG…", "Close"],
    );
}
