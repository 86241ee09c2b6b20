//! Words for the errors of the crates below the app. They carry data (codes, amounts, ids);
//! the screens and the command line put them into the current language here.

mod d24;
mod ledger;
mod payconiq;
#[cfg(test)]
mod tests;

/// A short explanation a cashier or manager can act on, in the current language.
pub trait Explain {
    fn explain(&self) -> String;
}
