//! Kassa's books: the SQLite journal (a hash chain of every sale, refund and Z), the money
//! flows that write it (sales, Payconiq and D24 refunds), recovery after a crash, the history
//! merge, payout reconciliation and shift reports. No UI and no server: errors carry data and
//! the app puts them into words.

// The core's modules under their old names, so `crate::money` reads as it did in the app.
use kassa_core::{clock, d24, files, lang, money, payconiq, secret};

pub mod d24_flow;
pub mod history;
pub mod invoices;
pub mod journal;
pub mod payouts;
pub mod pin;
pub mod recovery;
pub mod refund;
pub mod reports;
pub mod sale;
pub mod shop_push;
pub mod till_account;
