//! One vocabulary and one money format per language: on every screen a sale passes through
//! (till, checkout, outcome, Today's sales, history, the payment, its refund form, shift and
//! payouts), in each of the four languages, every amount shown or prefilled is written as
//! that language writes money (`Money::format`, `Money::input`), and the sale's status reads
//! in the words of the shared vocabulary (`words::status_label`).

use crate::support::ui::{Harness, any_language};
use kassa::app::{Message, Screen};
use kassa::i18n::{LANGUAGE_LOADER, Lang};
use kassa::money::Money;
use kassa::payconiq::model::PaymentStatus;
use kassa::words::status_label;

fn t(key: &str) -> String {
    LANGUAGE_LOADER.get(key)
}

fn money_as_written(h: &Harness, lang: Lang, screen: &str) {
    let wrong = h.wrong_money(lang);
    assert!(wrong.is_empty(), "{screen}: {wrong:#?}");
}

fn says_status(h: &Harness, status: &PaymentStatus, screen: &str) {
    let word = status_label(status);
    assert!(h.shows(&word), "{screen}: '{word}' for {status}");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_amount_and_status_word_follows_the_language() {
    let _any = any_language();
    for lang in Lang::ALL {
        let mut h = Harness::speaking(lang).await;
        // A sale of 1234.50 with a tip, so thousands and decimals both show.
        h.type_amount(&format!("1234{}5", kassa::money::decimal_mark(lang)))
            .await;
        money_as_written(&h, lang, "till");
        h.click(&t("till-charge")).await;
        money_as_written(&h, lang, "checkout");
        h.send(Message::Phone(kassa::screen::phone::Message::Tip(
            Money::from_cents(150).input(lang),
        )))
        .await;
        h.click(&t("phone-scan")).await;
        h.click(&t("phone-confirm")).await;
        h.until(PaymentStatus::Succeeded).await;
        money_as_written(&h, lang, "paid");
        says_status(&h, &PaymentStatus::Succeeded, "paid");
        h.click(&t("final-new-sale")).await;
        // And one the cashier cancels.
        h.type_amount("3").await;
        h.click(&t("till-charge")).await;
        h.click(&t("checkout-cancel")).await;
        h.until(PaymentStatus::Cancelled).await;
        says_status(&h, &PaymentStatus::Cancelled, "cancelled");
        h.click(&t("final-new-sale")).await;

        h.click(&t("today-open")).await;
        assert!(matches!(h.app.screen(), Screen::Today(_)));
        money_as_written(&h, lang, "today");
        says_status(&h, &PaymentStatus::Succeeded, "today");
        says_status(&h, &PaymentStatus::Cancelled, "today");
        h.click(&t("settings-close")).await;

        h.choose_pin_as(&t("manager-open"), "2468").await;
        assert!(matches!(h.app.screen(), Screen::History(_)));
        money_as_written(&h, lang, "history");
        says_status(&h, &PaymentStatus::Succeeded, "history");
        says_status(&h, &PaymentStatus::Cancelled, "history");
        h.click(&Money::from_cents(123_600).format(lang)).await;
        assert!(matches!(h.app.screen(), Screen::Detail(_)), "{lang:?}");
        money_as_written(&h, lang, "detail");
        says_status(&h, &PaymentStatus::Succeeded, "detail");
        h.click(&t("detail-refund")).await;
        money_as_written(&h, lang, "refund form");
        h.click(&t("file-cancel")).await;
        h.click(&t("detail-back")).await;
        h.click(&t("shift-open-button")).await;
        assert!(matches!(h.app.screen(), Screen::Shift(_)));
        money_as_written(&h, lang, "shift");
        // The file it suggests is named in the till's language.
        h.click(&t("shift-save-csv")).await;
        let stem = LANGUAGE_LOADER.get_args(
            "file-x-report",
            std::collections::HashMap::from([("number", "1")]),
        );
        let typed = h.laid().input_texts;
        assert!(
            typed.iter().any(|p| p.ends_with(&format!("{stem}.csv"))),
            "{lang:?}: {typed:?}"
        );
        h.click(&t("file-cancel")).await;
        h.click(&t("detail-back")).await;
        h.click(&t("payouts-open-button")).await;
        assert!(matches!(h.app.screen(), Screen::Payouts(_)));
        money_as_written(&h, lang, "payouts");
    }
}

#[test]
fn the_money_checker_refuses_what_it_should() {
    use crate::support::ui::{amounts, is_money_in};
    assert_eq!(amounts("Paid €12.00, refunded €0.50."), ["€12.00", "€0.50"]);
    assert!(is_money_in("€1,234.50", Lang::En));
    assert!(!is_money_in("€1234.50", Lang::En), "no grouping");
    assert!(is_money_in("€ 1.234,50", Lang::Nl));
    assert!(!is_money_in("€1.234,50", Lang::Nl), "space after the sign");
    assert!(is_money_in("1\u{a0}568,40\u{a0}€", Lang::Fr));
    assert!(
        !is_money_in("1568,40\u{a0}€", Lang::Fr),
        "no thousands separator"
    );
    assert!(!is_money_in("1.568,40 €", Lang::Fr), "German grouping");
    assert!(is_money_in("-2,50\u{a0}€", Lang::De));
}

/// A provider's refusal in a Dutch till: Dutch words, the provider's English text left out, its
/// code in the fine print.
#[test]
fn a_provider_refusal_in_dutch_keeps_its_code_in_fine_print() {
    use kassa::explain::Explain;
    let _any = any_language();
    let failure = kassa::payconiq::Error::Api(kassa::payconiq::error::ApiFailure {
        status: 400,
        code: Some("FIELD_IS_INVALID".into()),
        message: Some("Amount must be positive".into()),
        trace_id: None,
        span_id: None,
        retry_after: None,
    });
    kassa::i18n::set_language(Lang::Nl);
    let said = failure.explain();
    let (words, fine) = kassa::explain::split(&said);
    assert!(
        words.starts_with("Payconiq weigerde het verzoek"),
        "{words}"
    );
    assert!(!said.contains("Amount must be positive"), "{said}");
    assert_eq!(fine, Some("Payconiq FIELD_IS_INVALID · HTTP 400"));
}
