//! Every screen at the sizes tills have (1024×768 and 1366×768, whole screen and the window the
//! app opens there, 1920×1080 and 1920×1080 at 150 %): the amount, the status and every action
//! lie wholly inside the window, unclipped, and every button is high enough for a finger.
//! Asserted on layout bounds from the real views, not on pixels.

use std::sync::Arc;

use crate::support::ui::{Harness, all_screens};
use kassa::app::Screen;
use kassa::config::Settings;
use kassa::payconiq::model::PaymentStatus;
use kassa::qr::QrSize;
use kassa::sandbox::SandboxConfig;
use kassa::secrets::MemoryStore;

/// [`assert_in_view`], and the figures of a list or report right-aligned in their columns.
fn assert_list_in_view(h: &mut Harness, what: &str, texts: &[&str]) {
    assert_in_view(h, what, texts);
    for size in all_screens() {
        h.size = size;
        let wrong = h.misaligned_money();
        assert!(wrong.is_empty(), "{what} at {size:?}: {wrong:#?}");
    }
}

fn assert_in_view(h: &mut Harness, what: &str, texts: &[&str]) {
    for size in all_screens() {
        h.size = size;
        if [1024.0, 1920.0].contains(&size.width) && [768.0, 1080.0].contains(&size.height) {
            h.shoot(&what.replace([' ', ','], "-"));
        }
        let wrong = h.not_in_view(texts);
        assert!(wrong.is_empty(), "{what}: {wrong:#?}");
        let small = h.small_buttons();
        assert!(small.is_empty(), "{what}: {small:#?}");
    }
}

/// The keypad's keys and Charge: the smallest a finger hits without looking twice.
const KEY: f32 = kassa::widget::keypad::MIN_KEY;

#[tokio::test(flavor = "multi_thread")]
async fn the_till_fills_the_screen_with_keys_a_finger_hits() {
    let mut h = Harness::new().await;
    for size in all_screens() {
        h.size = size;
        let laid = h.laid();
        let at = format!("{}×{}", size.width, size.height);
        for k in ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"] {
            let key = laid
                .container(k)
                .unwrap_or_else(|| panic!("key {k} at {at}"));
            assert!(
                key.width >= KEY && key.height >= KEY,
                "key {k} is {key:?} at {at}"
            );
        }
        let charge = laid.button("Charge").expect("Charge");
        assert!(
            charge.width >= KEY && charge.height >= KEY,
            "Charge is {charge:?} at {at}"
        );
        let (top, bottom) = (laid.container("7").unwrap(), laid.container("0").unwrap());
        let keypad = bottom.y + bottom.height - top.y;
        // Beside a customer display on one monitor the fields stack above it: keys as big,
        // the share of the height smaller.
        let share = if size.width < 1000.0 { 0.5 } else { 0.6 };
        assert!(
            keypad >= share * size.height,
            "the keypad is {keypad} px of {} at {at}",
            size.height
        );
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
        // The code as large as the window allows, the amount right beside it.
        for size in all_screens() {
            h.size = size;
            let laid = h.laid();
            let code = laid.named(kassa::screen::checkout::CODE).expect("the code");
            let amount = laid.text("€5.00").unwrap();
            let at = format!("{}×{} at {}", size.width, size.height, qr_size.label());
            // Most of the height; on a narrow window the width beside the details bounds it,
            // and beside a customer display the code stands above them.
            let (share, gap) = match size.width {
                w if w >= 1280.0 => (0.6, amount.x - (code.x + code.width)),
                w if w >= 1000.0 => (0.45, amount.x - (code.x + code.width)),
                _ => (0.25, amount.y - (code.y + code.height)),
            };
            assert!(code.height >= share * size.height, "code {code:?} at {at}");
            assert!(
                (0.0..=40.0).contains(&gap),
                "code {code:?}, amount {amount:?} at {at}"
            );
        }
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

#[tokio::test(flavor = "multi_thread")]
async fn the_manager_screens_fit_with_buttons_a_finger_hits() {
    let mut h = Harness::saving(SandboxConfig::for_tests(), Arc::new(MemoryStore::default())).await;
    h.no_file_dialogs();
    h.charge("12").await;
    h.click("Pay").await;
    h.until(PaymentStatus::Succeeded).await;
    h.click("New sale").await;
    // A second sale of another width, so the lists have a column of figures to line up.
    h.charge("1234.5").await;
    h.click("Cancel payment").await;
    h.until(PaymentStatus::Cancelled).await;
    h.click("New sale").await;

    h.click("Today's sales").await;
    assert!(matches!(h.app.screen(), Screen::Today(_)));
    assert_list_in_view(&mut h, "today", &["Today's sales", "€12.00", "Close"]);
    h.click("Close").await;

    h.choose_pin("2468").await;
    assert!(matches!(h.app.screen(), Screen::History(_)));
    assert_list_in_view(
        &mut h,
        "history",
        &[
            "€12.00",
            "Refund…",
            "Payouts…",
            "Shift report…",
            "Lock now",
            "Close",
        ],
    );
    h.click("€12.00").await;
    assert!(matches!(h.app.screen(), Screen::Detail(_)));
    assert_in_view(&mut h, "detail", &["€12.00", "Back", "Lock now"]);
    h.click("Back").await;
    h.click("Payouts…").await;
    assert!(matches!(h.app.screen(), Screen::Payouts(_)));
    assert_list_in_view(&mut h, "payouts", &["Back", "Save CSV…", "Lock now"]);
    h.click("Back").await;
    h.click("Shift report…").await;
    assert!(matches!(h.app.screen(), Screen::Shift(_)));
    assert_list_in_view(
        &mut h,
        "shift",
        &[
            "Close the shift (Z report)…",
            "Save CSV…",
            "Back",
            "Lock now",
        ],
    );
    h.click("Back").await;
    h.click("Refund…").await;
    assert!(matches!(h.app.screen(), Screen::Refund(_)));
    assert_in_view(&mut h, "refund", &["Close", "Lock now"]);
}
