//! Fluent translations (en, nl, fr, de) embedded in the binary, and the `fl!` macro.
//!
//! Keys are checked at compile time against the English file by `i18n-embed-fl`; a test checks
//! that every key exists in every other language too.

use std::sync::LazyLock;

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{LanguageLoader, unic_langid::LanguageIdentifier};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

pub use kassa_core::lang::Lang;

pub static LANGUAGE_LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // Embedded at compile time and checked by tests: failing here is a build defect.
    loader
        .load_fallback_language(&Localizations)
        .expect("the embedded English translations load");
    // Bidi isolation marks would show up as stray characters in logs and exports.
    loader.set_use_isolating(false);
    loader
});

/// Switches every later `fl!` to `lang` (English stays the fallback for anything missing).
pub fn set_language(lang: Lang) {
    // Selecting makes new bundles, which isolate placeables (bidi marks) until told not to
    // below: a moment in which another thread's `fl!` would carry the marks. The language
    // already chosen is left as it is.
    if current_language() == lang {
        return;
    }
    let id: LanguageIdentifier = lang.code().parse().expect("static language codes parse");
    if let Err(err) = i18n_embed::select(&*LANGUAGE_LOADER, &Localizations, &[id]) {
        tracing::warn!(%err, "could not switch language");
    }
    // Loading makes new bundles, which isolate again by default.
    LANGUAGE_LOADER.set_use_isolating(false);
}

/// The language `fl!` currently translates to.
pub fn current_language() -> Lang {
    Lang::from_code(&LANGUAGE_LOADER.current_language().to_string()).unwrap_or_default()
}

/// Translates a message id with optional `name = value` arguments.
#[macro_export]
macro_rules! fl {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $id)
    }};
    ($id:literal, $($args:tt)*) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $id, $($args)*)
    }};
}

/// The raw text of every language's file, for the completeness test.
pub fn ftl_sources() -> Vec<(Lang, String)> {
    Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let file = Localizations::get(&format!("{}/kassa.ftl", lang.code()))?;
            Some((lang, String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '\t', '.', '*', '[', '}']) && l.contains('='))
            .map(|l| l.split('=').next().unwrap_or("").trim().to_string())
            .collect()
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let sources = ftl_sources();
        assert_eq!(sources.len(), Lang::ALL.len(), "a language file is missing");
        let english = keys(&sources[0].1);
        assert!(english.len() > 20);
        for (lang, source) in &sources[1..] {
            let theirs = keys(source);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang:?} has keys English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn every_language_file_parses() {
        for (lang, source) in ftl_sources() {
            let parsed = fluent_syntax::parser::parse(source.as_str());
            assert!(parsed.is_ok(), "{lang:?} has Fluent syntax errors");
        }
    }

    /// Counts select the singular or plural by each language's rules: numbers, not text, must
    /// reach Fluent for that (French counts 0 as singular too).
    #[test]
    fn counts_agree_with_their_nouns_in_every_language() {
        use std::collections::HashMap;
        let expected = [
            (Lang::En, ["1 payment, 0 refunds", "2 payments, 1 refund"]),
            (
                Lang::Nl,
                [
                    "1 betaling, 0 terugbetalingen",
                    "2 betalingen, 1 terugbetaling",
                ],
            ),
            (
                Lang::Fr,
                [
                    "1 paiement, 0 remboursement",
                    "2 paiements, 1 remboursement",
                ],
            ),
            (
                Lang::De,
                ["1 Zahlung, 0 Erstattungen", "2 Zahlungen, 1 Erstattung"],
            ),
        ];
        for (lang, [first, second]) in expected {
            // A loader of its own: the shared one's language belongs to other tests.
            let loader: FluentLanguageLoader = fluent_language_loader!();
            let id: LanguageIdentifier = lang.code().parse().unwrap();
            loader.load_languages(&Localizations, &[id]).unwrap();
            loader.set_use_isolating(false);
            let line = |payments: u32, refunds: u32| {
                loader.get_args(
                    "payouts-line",
                    HashMap::from([("payments", payments), ("refunds", refunds)]),
                )
            };
            assert_eq!(line(1, 0), first, "{lang:?}");
            assert_eq!(line(2, 1), second, "{lang:?}");
        }
    }

    #[test]
    fn locale_codes_map_to_languages() {
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("fr_BE.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), Some(Lang::De));
        assert_eq!(Lang::from_code("es-ES"), None);
    }
}
