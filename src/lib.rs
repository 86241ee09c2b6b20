//! Kassa: a desktop cashier for Bancontact Payconiq QR payments. The app: iced windows,
//! screens, widgets, theme, services, the command line, and the words (i18n) for everything the
//! crates below report as data. Imports go one way: app → sandbox/ledger → core.

pub mod app;
pub mod cli;
pub mod config;
pub mod d24;
pub mod explain;
pub mod file_dialog;
pub mod i18n;
pub mod logging;
pub mod monitors;
pub mod placement;
pub mod receipts;
pub mod reports;
pub mod screen;
pub mod secrets;
pub mod services;
pub mod shop;
pub mod shortcuts;
pub mod theme;
pub mod widget;
pub mod words;

// The crates below under the names the app and its tests have always used.
pub use kassa_core::{clock, http, money, payconiq, qr};
pub use kassa_ledger::{
    history, invoices, journal, payouts, pin, recovery, refund, sale, till_account,
};
pub use kassa_sandbox as sandbox;
