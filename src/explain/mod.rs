//! Words for the errors of the crates below the app. They carry data (codes, amounts, ids);
//! the screens and the command line put them into the current language here.

mod d24;
mod ledger;
mod payconiq;
mod print;
#[cfg(test)]
mod tests;

/// A short explanation a cashier or manager can act on, in the current language.
pub trait Explain {
    fn explain(&self) -> String;
}

/// Where an explanation's fine print starts: the provider's own code, for support, after the
/// words in the cashier's language (screens show it small, see `widget::problem`; the command
/// line prints it on a line of its own).
pub const FINE_PRINT: &str = "\n· ";

/// `words`, then the provider's code and the HTTP status in fine print.
pub(crate) fn with_code(
    words: String,
    provider: &str,
    code: Option<String>,
    status: u16,
) -> String {
    match code {
        Some(code) => format!("{words}{FINE_PRINT}{provider} {code} · HTTP {status}"),
        None => format!("{words}{FINE_PRINT}{provider} · HTTP {status}"),
    }
}

/// An explanation split into its words and its fine print.
pub fn split(explained: &str) -> (&str, Option<&str>) {
    match explained.split_once(FINE_PRINT) {
        Some((words, fine)) => (words, Some(fine)),
        None => (explained, None),
    }
}
