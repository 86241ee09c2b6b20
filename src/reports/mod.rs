//! Shift reports as the app shows them: the figures come from the ledger; the words and the
//! printable PDF are made here.

pub use kassa_ledger::reports::*;

pub mod pdf;
pub mod words;
